//! The stable codes of the checks and their severities: what a finding is called and how
//! loud it is. A leaf module: the checks make findings with these codes, and the
//! configuration (`[checks]` in copydesk.toml) names them, without either depending on the
//! other. Re-exported as `checks::{Code, Severity}`.

use serde::Serialize;

/// Where the docs of each check live (the `codeDescription` link of a diagnostic).
pub const DOCS_BASE: &str = "https://github.com/copydesk/copydesk/blob/main/docs/checks.md";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "information" | "info" => Severity::Information,
            "hint" => Severity::Hint,
            _ => return None,
        })
    }
}

/// The stable codes of the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    UnattributedQuote,
    UnbalancedQuote,
    NameVariant,
    WeekdayMismatch,
    ImpossibleDate,
    DateAfterDateline,
    UnsupportedNumber,
    NumberMismatch,
    AgeMismatch,
    TitleMismatch,
    Misquote,
    QuoteSpeakerMismatch,
    QuoteNotInSources,
    EventDateMismatch,
    PlaceMismatch,
}

impl Code {
    pub const ALL: [Code; 15] = [
        Code::UnattributedQuote,
        Code::UnbalancedQuote,
        Code::NameVariant,
        Code::WeekdayMismatch,
        Code::ImpossibleDate,
        Code::DateAfterDateline,
        Code::UnsupportedNumber,
        Code::NumberMismatch,
        Code::AgeMismatch,
        Code::TitleMismatch,
        Code::Misquote,
        Code::QuoteSpeakerMismatch,
        Code::QuoteNotInSources,
        Code::EventDateMismatch,
        Code::PlaceMismatch,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnattributedQuote => "unattributed-quote",
            Code::UnbalancedQuote => "unbalanced-quote",
            Code::NameVariant => "name-variant",
            Code::WeekdayMismatch => "weekday-mismatch",
            Code::ImpossibleDate => "impossible-date",
            Code::DateAfterDateline => "date-after-dateline",
            Code::UnsupportedNumber => "unsupported-number",
            Code::NumberMismatch => "number-mismatch",
            Code::AgeMismatch => "age-mismatch",
            Code::TitleMismatch => "title-mismatch",
            Code::Misquote => "misquote",
            Code::QuoteSpeakerMismatch => "quote-speaker-mismatch",
            Code::QuoteNotInSources => "quote-not-in-sources",
            Code::EventDateMismatch => "event-date-mismatch",
            Code::PlaceMismatch => "place-mismatch",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// How loud the code is unless copydesk.toml says otherwise (SARIF's rules carry it as
    /// their default level).
    pub fn default_severity(self) -> Severity {
        match self {
            Code::ImpossibleDate => Severity::Error,
            Code::UnsupportedNumber | Code::QuoteNotInSources => Severity::Information,
            _ => Severity::Warning,
        }
    }

    pub fn docs_url(self) -> String {
        format!("{DOCS_BASE}#{}", self.as_str())
    }
}
