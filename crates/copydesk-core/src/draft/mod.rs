//! The draft model: what the text *is* before anyone interprets it.
//!
//! A [`Draft`] keeps the original text and a `prose` copy of the same byte length in which
//! everything that is not prose (front matter, code, HTML, link targets, URLs) is blanked
//! with ASCII spaces, so every offset found in `prose` is an offset into the original file.
//! On top of that: paragraphs, sentences, quote spans and the dateline.
//!
//! [`Draft::parse`] runs one linear pass per job, each in its own module:
//! - `mask`: the prose mask (Markdown block and inline syntax, front matter and its `date`,
//!   URLs), plus the layout blank lines do not show (headings, list items, the headline);
//! - `blocks`: paragraphs;
//! - `dateline`: the place and date the story was filed from;
//! - `sentences`: sentence ends, minding abbreviations, initials, decimals and ellipses;
//! - `quotes`: quote marks paired per paragraph, nested, continued across paragraphs.

use crate::parallel;
use std::ops::Range;

/// A byte range into the original text (UTF-8 offsets, always on char boundaries).
pub type Span = Range<usize>;

/// How the text is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// `.md` and `.markdown` are Markdown; everything else is read as plain text.
    pub fn from_path(path: &std::path::Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
        {
            Some(e) if e == "md" || e == "markdown" => Format::Markdown,
            _ => Format::Plain,
        }
    }

    /// From an LSP `languageId` (falls back to the URI's extension).
    pub fn from_language_id(language_id: &str, uri_path: &str) -> Format {
        match language_id {
            "markdown" => Format::Markdown,
            "plaintext" | "text" => Format::Plain,
            _ => Format::from_path(std::path::Path::new(uri_path)),
        }
    }
}

/// A paragraph: a run of lines between blank lines (a heading is a paragraph of its own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// A Markdown heading, or the first line (headline) of a plain-text draft.
    pub heading: bool,
    /// Indices into [`Draft::sentences`].
    pub sentences: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// How a quote ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Balance {
    /// Opened and closed in the same paragraph.
    Closed,
    /// Left open at the end of its paragraph, and the next paragraph opens with a quote
    /// mark: by news convention the quotation continues there.
    Continued,
    /// Opened and never closed.
    Unclosed,
}

/// A quoted span. `span` runs from the opening mark to the closing mark inclusive (to the
/// end of the paragraph's text when the quote is not closed there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    /// The text between the marks.
    pub inner: Span,
    pub open_mark: Span,
    pub close_mark: Option<Span>,
    pub paragraph: usize,
    /// 0 for an outermost quote; nested quotes have their parent's depth + 1.
    pub depth: u8,
    pub parent: Option<usize>,
    pub balance: Balance,
    /// The quote in the previous paragraph that this one continues (multi-paragraph quote).
    pub continues: Option<usize>,
}

/// `MOSCOW, October 13. /TASS/.` or `KYIV, June 10, 2025 —`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub span: Span,
    pub place: String,
    pub place_span: Span,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone)]
pub struct Draft {
    pub text: String,
    /// Same byte length as `text`; non-prose bytes are ASCII spaces (newlines are kept).
    pub prose: String,
    pub format: Format,
    /// The `date:` of YAML/TOML front matter, verbatim (validated by the dates analysis).
    pub front_matter_date: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// Closing quote marks that close nothing.
    pub stray_closers: Vec<Span>,
    pub dateline: Option<Dateline>,
}

impl Draft {
    /// Reads a draft: prose mask, paragraphs, dateline, sentences, quotes. Linear in the
    /// length of the text; never panics.
    pub fn parse(text: &str, format: Format) -> Draft {
        Draft::parse_owned(text.to_string(), format)
    }

    /// [`Draft::parse`] of a text the caller gives away: the draft keeps it rather than a
    /// copy, one copy of a long draft fewer at the peak.
    pub fn parse_owned(text: String, format: Format) -> Draft {
        let masked = mask::mask(&text, format);
        let prose = masked.prose;
        let mut paragraphs = blocks::paragraphs(&prose, &masked.layout);
        let dateline = dateline::find(&prose, &paragraphs);
        if let Some(first) = paragraphs.first_mut() {
            // A plain-text draft that opens with its dateline has no headline.
            if format == Format::Plain
                && dateline
                    .as_ref()
                    .is_some_and(|d| d.span.start == first.span.start)
            {
                first.heading = false;
            }
        }
        // Sentences and quotes are found apart: on two cores for a long draft.
        let keep_whole = dateline.as_ref().map(|d| &d.span);
        let ((sentences, ranges), (quotes, stray_closers)) = parallel::both(
            text.len() >= parallel::LONG_DRAFT_BYTES,
            || sentences::split(&prose, &paragraphs, keep_whole),
            || quotes::find(&prose, &paragraphs),
        );
        for (para, sentences) in paragraphs.iter_mut().zip(ranges) {
            para.sentences = sentences;
        }
        Draft {
            text,
            prose,
            format,
            front_matter_date: masked.front_matter_date,
            paragraphs,
            sentences,
            quotes,
            stray_closers,
            dateline,
        }
    }

    /// The prose text of a span.
    pub(crate) fn prose_of(&self, span: &Span) -> &str {
        self.prose.get(span.clone()).unwrap_or("")
    }

    /// Indices of the quotes that open inside `span` (quotes are sorted by start).
    pub(crate) fn quotes_in(&self, span: &Span) -> Range<usize> {
        let first = self.quotes.partition_point(|q| q.span.start < span.start);
        let end = self.quotes.partition_point(|q| q.span.start < span.end);
        first..end.max(first)
    }

    #[cfg(test)]
    /// The innermost quote whose span contains `offset`, if any.
    pub(crate) fn quote_at(&self, offset: usize) -> Option<usize> {
        let started = self.quotes.partition_point(|q| q.span.start <= offset);
        let paragraph = self.paragraph_at(offset)?;
        (0..started)
            .rev()
            .take_while(|&i| self.quotes[i].paragraph == paragraph)
            .find(|&i| self.quotes[i].span.contains(&offset))
    }

    /// The sentence containing `offset`, if any.
    pub(crate) fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    #[cfg(test)]
    /// The paragraph containing `offset`, if any.
    pub(crate) fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }
}

mod blocks;
mod bytes;
mod dateline;
#[cfg(test)]
mod invariants;
mod mask;
mod quotes;
mod sentences;

pub use dateline::month_number;

/// The months, in order.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
