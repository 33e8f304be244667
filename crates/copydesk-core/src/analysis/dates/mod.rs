//! Dates: the story date, the date expressions of the prose and what each resolves to
//! (DESIGN.md, "Dates").
//!
//! - [`story_date`](story_date()) reads front matter, dateline and configuration;
//! - [`expressions`] finds date expressions in the prose, from their tokens ([`tokens`]);
//! - [`tense`] reads the tense of the clause around each one;
//! - [`resolve`](mod@resolve) places each on the calendar against the story date;
//! - [`hover`](hover()) describes one for the editor.
//!
//! Nothing here guesses a year: without one, weekdays stay unchecked and unresolved.

use super::local::Facts;
use crate::config::Config;
use crate::draft::{Draft, Span};
use chrono::{NaiveDate, Weekday};

mod events;
mod expressions;
mod hover;
mod lexicon;
mod resolve;
mod story_date;
mod tense;
mod tokens;

pub use events::{EventForm, EventRef};
pub use expressions::{Calendar, Expression, Modifier, Relative, Unit};
pub use hover::hover;
pub use resolve::{Resolution, Unresolved};
pub use story_date::story_date;
pub use tense::Tense;

pub(crate) use events::nouns_of as event_nouns;
pub(crate) use lexicon::{
    abbreviate_weekday_like, long_date, max_days, month_name, plain_date, weekday_abbreviation,
    weekday_name,
};
pub(crate) use resolve::nearest_year;

/// Where the story date (or its year) comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorySource {
    /// Front matter `date:`; the span of its value when it can be found in the text.
    FrontMatter(Option<Span>),
    /// The dateline (its span).
    Dateline(Span),
    /// `[document] date` of the configuration.
    Config,
}

impl StorySource {
    pub fn describe(&self) -> &'static str {
        match self {
            StorySource::FrontMatter(_) => "the front matter date",
            StorySource::Dateline(_) => "the dateline",
            StorySource::Config => "the configured document.date",
        }
    }

    /// The place in the draft that gives the date, when it is in the draft.
    pub fn span(&self) -> Option<Span> {
        match self {
            StorySource::FrontMatter(span) => span.clone(),
            StorySource::Dateline(span) => Some(span.clone()),
            StorySource::Config => None,
        }
    }
}

/// The story's date, as far as it is known: a dateline without a year gives month and day
/// only; a front matter `date: 2025` gives the year only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// Where month and day come from.
    pub source: Option<StorySource>,
    /// Where the year comes from.
    pub year_source: Option<StorySource>,
}

impl StoryDate {
    /// The full date, when year, month and day are all known.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// "Thursday, March 6, 2025, from the front matter date", "October 13, year unknown, from
    /// the dateline", or `None` when nothing is known.
    pub fn describe(&self) -> Option<String> {
        let when = match (self.date(), self.month, self.day, self.year) {
            (Some(d), ..) => long_date(d),
            (None, Some(m), Some(d), _) => format!("{} {d}, year unknown", month_name(m)),
            (None, _, _, Some(y)) => format!("{y}, month and day unknown"),
            _ => return None,
        };
        let mut sources = Vec::new();
        for s in [&self.source, &self.year_source].into_iter().flatten() {
            if !sources.contains(&s.describe()) {
                sources.push(s.describe());
            }
        }
        Some(format!("{when}, from {}", sources.join(" and ")))
    }
}

/// A date expression in the text and what it resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The whole expression: "Wednesday, March 4", "last Thursday", "in the past two years".
    pub span: Span,
    pub expression: Expression,
    /// A weekday written beside a calendar date, and its span.
    pub weekday: Option<(Weekday, Span)>,
    /// The tense of the clause around the expression.
    pub tense: Tense,
    /// The preposition right before the expression ("on", "for", "since"…), lowercased.
    pub preposition: Option<&'static str>,
    /// Part of the dateline (it is the story date, not an event).
    pub in_dateline: bool,
    /// Used as a name or a modifier: "the Sept. 11 attacks", "the June 14 deadline",
    /// "Friday's vote".
    pub attributive: bool,
    /// Written without a year next to talk of another year ("In 2019, … on Friday, Aug.
    /// 30", "on June 30 of that year"): the story's year may not be the right one, so no
    /// check relies on it.
    pub year_in_doubt: bool,
    pub resolution: Resolution,
    /// The day it resolves to, when it is one day.
    pub resolved: Option<NaiveDate>,
    /// The event it dates, when grammar ties it to one ("the March 3 vote", "the fire,
    /// which broke out on Sunday").
    pub event: Option<EventRef>,
}

impl DateMention {
    /// The calendar date as written, when the expression is one.
    pub(crate) fn calendar(&self) -> Option<&Calendar> {
        match &self.expression {
            Expression::Calendar(c) => Some(c),
            _ => None,
        }
    }
}

const PREPOSITIONS: &[&str] = &[
    "on", "in", "for", "by", "until", "till", "since", "from", "to", "before", "after", "through",
    "between", "during", "at", "of", "around", "within", "over",
];

/// A date expression as its paragraph alone tells it (spans relative to the paragraph's
/// start): everything but what the story date and the other paragraphs decide.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LocalMention {
    span: Span,
    expression: Expression,
    weekday: Option<(Weekday, Span)>,
    tense: Tense,
    preposition: Option<&'static str>,
    in_dateline: bool,
    attributive: bool,
    /// Its sentence talks of another year ("that year", "a year earlier").
    another_year_named: bool,
    event: Option<EventRef>,
}

/// The facts of one paragraph this analysis reads on its own (see [`super::local`]); spans
/// are relative to the paragraph's start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Local {
    mentions: Vec<LocalMention>,
}

/// Reads paragraph `p` of `draft` alone (see [`super::local`] for what it may read): its
/// date expressions, the tense of their clauses, the words right before them.
pub fn local(draft: &Draft, p: usize, _config: &Config) -> Local {
    let Some(para) = draft.paragraphs.get(p) else {
        return Local::default();
    };
    let Some(text) = draft.prose.get(para.span.clone()) else {
        return Local::default();
    };
    let base = para.span.start;
    let mut toks = Vec::with_capacity(text.len() / 5 + 8);
    tokens::tokenize(text, 0, &mut toks);
    let mut found = Vec::new();
    expressions::scan(&toks, &mut found);
    if found.is_empty() {
        return Local::default();
    }
    // The sentences of the paragraph, relative to its start.
    let sentences: Vec<Span> = draft
        .sentences
        .get(para.sentences.clone())
        .unwrap_or(&[])
        .iter()
        .map(|s| s.span.start.saturating_sub(base)..s.span.end.saturating_sub(base))
        .collect();
    let dateline = draft
        .dateline
        .as_ref()
        .filter(|d| para.span.contains(&d.span.start))
        .map(|d| d.span.start - base..d.span.end.saturating_sub(base));
    let mut mentions = Vec::with_capacity(found.len());
    for f in found {
        let window = sentence_window(&sentences, &toks, f.first, f.last);
        let tense = tense::tense_of(&toks, window.clone(), f.first, f.last);
        let before = f.first.checked_sub(1).and_then(|p| toks.get(p));
        let preposition = before.and_then(|p| PREPOSITIONS.iter().copied().find(|w| p.is_word(w)));
        let attributive = before.is_some_and(|p| {
            p.is_any_word(&[
                "the", "a", "an", "this", "that", "its", "their", "his", "her", "our",
            ]) || p.text.ends_with("'s")
                || p.text.ends_with("’s")
        });
        let in_dateline = dateline.as_ref().is_some_and(|d| d.contains(&f.span.start));
        let event = events::read(&toks, f.first, f.last, &f.expression);
        mentions.push(LocalMention {
            span: f.span,
            expression: f.expression,
            weekday: f.weekday,
            tense,
            preposition,
            in_dateline,
            attributive,
            another_year_named: names_another_year(&toks[near(window, f.first, f.last)]),
            event,
        });
    }
    // Kept with the paragraph for the whole analysis: the room pushes left is not.
    mentions.shrink_to_fit();
    Local { mentions }
}

/// An expression with its spans moved by `base` bytes.
fn shifted(expression: &Expression, base: usize) -> Expression {
    match expression {
        Expression::Calendar(c) => Expression::Calendar(Calendar {
            span: c.span.start + base..c.span.end + base,
            ..c.clone()
        }),
        e => e.clone(),
    }
}

/// Every date expression of the prose, in order, resolved against the story date.
pub fn resolve(draft: &Draft, facts: &Facts, story: &StoryDate) -> Vec<DateMention> {
    let count = facts.iter(draft).map(|(_, f)| f.dates.mentions.len()).sum();
    let mut mentions = Vec::with_capacity(count);
    // The last year written out, and the paragraph it stands in.
    let mut last_year: Option<(i32, usize)> = None;
    for (p, (base, paragraph)) in facts.iter(draft).enumerate() {
        for m in &paragraph.dates.mentions {
            let expression = shifted(&m.expression, base);
            let tense = m.tense;
            let resolution = resolve::resolve(&expression, tense, story);
            let written_year = match &expression {
                Expression::Calendar(c) => c.year,
                Expression::Month { year, .. } => *year,
                Expression::Year(y) => Some(*y),
                _ => None,
            };
            let other_year = last_year
                .filter(|&(y, at)| p <= at + 1 && Some(y) != story.year)
                .map(|(y, _)| y);
            let year_in_doubt = written_year.is_none()
                && (other_year.is_some()
                    || m.another_year_named
                    || past_told_as_ahead(&resolution, tense, story));
            // "since 2019" runs up to the story; it does not set the scene in 2019.
            if let Some(y) =
                written_year.filter(|_| !m.in_dateline && m.preposition != Some("since"))
            {
                last_year = Some((y, p));
            }
            mentions.push(DateMention {
                span: m.span.start + base..m.span.end + base,
                expression,
                weekday: m
                    .weekday
                    .as_ref()
                    .map(|(d, s)| (*d, s.start + base..s.end + base)),
                tense,
                preposition: m.preposition,
                in_dateline: m.in_dateline,
                attributive: m.attributive,
                year_in_doubt,
                resolved: match resolution {
                    Resolution::Day(d) => Some(d),
                    _ => None,
                },
                resolution,
                event: m.event.as_ref().map(|e| EventRef {
                    span: e.span.start + base..e.span.end + base,
                    ..e.clone()
                }),
            });
        }
    }
    mentions
}

/// A day placed in the story's year that a past-tense clause puts more than a month after
/// the story date: more likely an earlier year's than a slip ("The last season ended
/// Sunday, Dec. 10" in a February story).
fn past_told_as_ahead(resolution: &Resolution, tense: Tense, story: &StoryDate) -> bool {
    match (resolution, story.date()) {
        (Resolution::Day(d), Some(s)) => tense == Tense::Past && (*d - s).num_days() > 31,
        _ => false,
    }
}

/// The part of a sentence window within a few dozen tokens of an expression.
fn near(window: std::ops::Range<usize>, first: usize, last: usize) -> std::ops::Range<usize> {
    window.start.max(first.saturating_sub(40))..window.end.min(last + 41)
}

/// "that year", "the same year", "a year earlier": the sentence is about another year than
/// the story's, whatever dates it leaves without one.
fn names_another_year(sentence: &[tokens::Token]) -> bool {
    sentence.windows(2).any(|w| {
        (w[0].is_any_word(&["that", "same", "following", "previous", "prior"])
            && w[1].is_word("year"))
            || (w[0].is_word("year") && w[1].is_any_word(&["earlier", "later", "before", "after"]))
    })
}

/// The tokens of the sentences holding tokens `first` and `last` (the whole paragraph when
/// the draft has no sentence there). `sentences` are the paragraph's, in order.
fn sentence_window(
    sentences: &[Span],
    toks: &[tokens::Token],
    first: usize,
    last: usize,
) -> std::ops::Range<usize> {
    let sentence_at = |offset: usize| {
        let i = sentences.partition_point(|s| s.end <= offset);
        sentences.get(i).filter(|s| s.start <= offset)
    };
    let start = sentence_at(toks[first].start).map_or(0, |s| s.start);
    let end = sentence_at(toks[last].end.saturating_sub(1)).map_or(usize::MAX, |s| s.end);
    let lo = toks.partition_point(|t| t.start < start).min(first);
    let hi = toks.partition_point(|t| t.start < end).max(last + 1);
    lo..hi
}

/// The mention covering a byte offset.
pub(crate) fn mention_at(mentions: &[DateMention], offset: usize) -> Option<&DateMention> {
    mentions
        .iter()
        .find(|m| m.span.start <= offset && offset < m.span.end)
}

#[cfg(test)]
mod tests;
