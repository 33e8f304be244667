//! Dates: the story date, date expressions and their resolution (DESIGN.md, "Dates").

use crate::config::Config;
use crate::draft::{Draft, Span};

/// The story's date, as far as it is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl StoryDate {
    /// The full date, when year, month and day are all known.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }
}

/// A date expression in the text and what it resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub resolved: Option<chrono::NaiveDate>,
}

pub fn story_date(_draft: &Draft, config: &Config) -> StoryDate {
    use chrono::Datelike;
    config
        .document_date
        .map(|d| StoryDate {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
        })
        .unwrap_or_default()
}

pub fn resolve(_draft: &Draft, _story: &StoryDate) -> Vec<DateMention> {
    Vec::new()
}
