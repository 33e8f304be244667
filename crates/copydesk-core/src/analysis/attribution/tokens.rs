//! The words around quotes: a paragraph read as a stream of words, punctuation and whole
//! quotes, cut into sentences. Attribution only looks at the text *outside* quotes (a cue
//! inside a quotation is part of what was said, not who said it), so every outermost quote
//! is a single token here.
//!
//! Tokens borrow their lowercase form from one ASCII-lowercased copy of the paragraph, so
//! reading a paragraph allocates a few buffers, not one string per word. Spans are relative
//! to the start of the text read (the paragraph).

use super::cues::{self, CueWord};
use crate::analysis::chars::char_at;
use crate::draft::Span;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// One punctuation character: `, : ; . ! ? ( )` or a dash (`—`, `–`, `--`).
    Punct(char),
    /// An outermost quote (its index among the quotes that open in the paragraph).
    Quote(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub kind: Kind,
    pub span: Span,
    /// The word lowercased (empty for punctuation and quotes).
    pub lower: Cow<'a, str>,
    /// The word starts with an uppercase letter.
    pub capital: bool,
    /// The cue the word is ([`cues::lookup`], without configured verbs), looked up once.
    pub cue: Option<CueWord>,
}

impl Token<'_> {
    /// The word lowercased.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(q) => Some(q),
            _ => None,
        }
    }

    /// `. ! ?` — the end of a sentence.
    pub fn is_terminal(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?'))
    }

    pub(crate) fn is_dash(&self) -> bool {
        self.kind == Kind::Punct('—')
    }

    fn mark(kind: Kind, span: Span) -> Token<'static> {
        Token {
            kind,
            span,
            lower: Cow::Borrowed(""),
            capital: false,
            cue: None,
        }
    }
}

/// A paragraph (or a quote's text) as tokens, with its sentences (token ranges).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens<'a> {
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// An outermost quote as the tokenizer sees it.
#[derive(Debug, Clone)]
pub(crate) struct QuoteMark {
    /// The quote's span, relative to the text read.
    pub span: Span,
    /// Its index among the quotes that open in the paragraph.
    pub index: usize,
    /// Its text ends with `.`, `?` or `!` (see [`quote_ends_sentence`]).
    pub ends_sentence: bool,
}

/// Abbreviations that keep their period (the period does not end the sentence).
fn is_listed_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "jr"
            | "sr"
            | "st"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "maj"
            | "cmdr"
            | "adm"
            | "rep"
            | "reps"
            | "sen"
            | "gov"
            | "prof"
            | "rev"
            | "fr"
            | "no"
            | "nos"
            | "vs"
            | "etc"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "aug"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
            | "mt"
            | "ft"
            | "ave"
            | "blvd"
            | "dept"
            | "est"
            | "approx"
            | "atty"
            | "supt"
            | "insp"
            | "det"
            | "cpl"
            | "pvt"
            | "gov't"
            | "pres"
            | "sens"
            | "messrs"
            | "hon"
    )
}

/// `word` (with `lower`, its lowercase form) keeps a following period: initials (`K`),
/// dotted abbreviations (`U.S`, `a.m`), and the listed ones.
fn is_abbreviation(word: &str, lower: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || word.contains('.') || is_listed_abbreviation(lower)
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{0301}' || c == '\u{0308}' || c == '\u{0303}'
}

/// Characters that join two word parts: O'Brien, council's, Delgado-Reyes, U.S, 3.5, 1,240.
fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&' | '/')
}

impl<'a> Tokens<'a> {
    /// Tokenizes `range` of `text` (a paragraph's prose; `lower` is the same text
    /// ASCII-lowercased, byte for byte as long): words and punctuation, each of `quotes` (in
    /// text order, inside the range) as one token.
    pub fn read(text: &str, lower: &'a str, range: Span, quotes: &[QuoteMark]) -> Tokens<'a> {
        let mut tokens = Vec::with_capacity(range.len() / 5 + 4);
        let mut next_quote = 0;
        let mut i = range.start;
        let end = range.end.min(text.len());
        if lower.len() != text.len() || !text.is_char_boundary(i) || !text.is_char_boundary(end) {
            return Tokens::default();
        }
        let bytes = text.as_bytes();
        while i < end {
            if let Some(quote) = quotes.get(next_quote) {
                if quote.span.start <= i {
                    next_quote += 1;
                    if quote.span.end > i {
                        tokens.push(Token::mark(Kind::Quote(quote.index), quote.span.clone()));
                        i = quote.span.end.max(i + 1);
                        while i < end && !text.is_char_boundary(i) {
                            i += 1;
                        }
                    }
                    continue;
                }
            }
            let limit = quotes
                .get(next_quote)
                .map_or(end, |q| q.span.start.min(end));
            let b = bytes[i];
            // Spaces and the letters of plain words take the fast ASCII paths.
            if b == b' ' || b == b'\n' {
                i += 1;
                continue;
            }
            let Some(c) = char_at(text, i) else {
                break;
            };
            if word_char(c) {
                let start = i;
                let mut ascii = c.is_ascii();
                let mut j = i + c.len_utf8();
                while j < limit {
                    let n = bytes[j];
                    if n.is_ascii_alphanumeric() {
                        j += 1;
                        continue;
                    }
                    let Some(n) = char_at(&text[..limit], j) else {
                        break;
                    };
                    if word_char(n) {
                        ascii &= n.is_ascii();
                        j += n.len_utf8();
                    } else if joiner(n) {
                        let after = j + n.len_utf8();
                        match char_at(&text[..limit], after) {
                            Some(m) if word_char(m) => {
                                ascii &= n.is_ascii() && m.is_ascii();
                                j = after + m.len_utf8();
                            }
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                let word_lower = |j: usize| -> Cow<'a, str> {
                    if ascii {
                        Cow::Borrowed(&lower[start..j])
                    } else {
                        Cow::Owned(text[start..j].to_lowercase())
                    }
                };
                let mut word = word_lower(j);
                // A trailing period belongs to an abbreviation or an initial.
                if j < limit && bytes[j] == b'.' && is_abbreviation(&text[start..j], &word) {
                    j += 1;
                    word = word_lower(j);
                }
                tokens.push(Token {
                    kind: Kind::Word,
                    span: start..j,
                    cue: cues::lookup(&word),
                    lower: word,
                    capital: c.is_uppercase(),
                });
                i = j;
                continue;
            }
            let len = c.len_utf8();
            let punct = match c {
                ',' | ':' | ';' | '.' | '!' | '?' | '(' | ')' => Some(c),
                '—' | '–' | '―' => Some('—'),
                '-' if i + 1 < limit && bytes[i + 1] == b'-' => {
                    tokens.push(Token::mark(Kind::Punct('—'), i..i + 2));
                    i += 2;
                    continue;
                }
                '-' if i + 1 < limit && bytes[i + 1] == b' ' => Some('—'),
                _ => None,
            };
            if let Some(p) = punct {
                tokens.push(Token::mark(Kind::Punct(p), i..i + len));
            }
            i += len;
        }
        let sentences = split_sentences(&tokens, quotes);
        Tokens { tokens, sentences }
    }

    /// The sentence (token range) holding token `t`.
    pub(crate) fn sentence_of(&self, t: usize) -> std::ops::Range<usize> {
        let i = self.sentences.partition_point(|s| s.end <= t);
        self.sentences
            .get(i)
            .filter(|s| s.contains(&t))
            .cloned()
            .unwrap_or(t..t + 1)
    }
}

/// The text of a quote between its marks ends a sentence (`."`, `?"`, `!"`).
pub(crate) fn quote_ends_sentence(inner: &str) -> bool {
    inner
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', '»', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// Cuts tokens into sentences: after `. ! ?`, and after a quote that ends in one of them
/// when what follows is a new sentence (a capital word that is not `Smith said`, or a quote).
fn split_sentences(tokens: &[Token], quotes: &[QuoteMark]) -> Vec<std::ops::Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    // Quote tokens come in the order of `quotes`.
    let mut cursor = 0;
    for (i, t) in tokens.iter().enumerate() {
        let boundary = if t.is_terminal() {
            true
        } else if let Some(q) = t.quote() {
            while quotes.get(cursor).is_some_and(|m| m.index != q) {
                cursor += 1;
            }
            quotes.get(cursor).is_some_and(|m| m.ends_sentence)
                && (starts_new_sentence(tokens, i + 1)
                    || cue_before(&tokens[start..i]) && next_is_capital(tokens, i + 1))
        } else {
            false
        };
        if boundary {
            sentences.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

/// `Gough said, "…." An official stated: "…"`: a quote whose own sentence already has a
/// cue before it is attributed there, so a capital word after it opens the next sentence
/// even when a cue follows (that cue belongs to the next quote).
fn cue_before(before: &[Token]) -> bool {
    before.iter().any(|t| t.is_word() && t.cue.is_some())
}

fn next_is_capital(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.is_word() && t.capital)
}

/// Whether token `i`, right after a cue, is a quote or a colon before one: the cue
/// introduces that quote (`said "…"`, `said: "…"`).
fn introduces_quote(tokens: &[Token], i: usize) -> bool {
    let i = if tokens.get(i).is_some_and(|t| t.is_punct(':')) {
        i + 1
    } else {
        i
    };
    tokens.get(i).is_some_and(|t| t.quote().is_some())
}

/// After a quote that ends with `.`, `?` or `!`: does token `i` begin a new sentence?
/// `"Why?" Smith asked.` does not; `"We won." The crowd cheered.` does.
fn starts_new_sentence(tokens: &[Token], i: usize) -> bool {
    let Some(next) = tokens.get(i) else {
        return false;
    };
    match next.kind {
        Kind::Quote(_) => true,
        Kind::Word if next.capital => {
            // A cue within the next few words attributes the quote before it, unless the
            // next quote follows the cue at once: `"…." Leinen said "…"` opens a sentence.
            let cue = tokens[i..]
                .iter()
                .take(6)
                .take_while(|t| t.is_word())
                .position(|t| t.cue.is_some());
            cue.is_none_or(|k| introduces_quote(tokens, i + k + 1))
        }
        _ => false,
    }
}
