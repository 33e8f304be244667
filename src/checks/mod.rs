//! Findings: what a copy editor would query, with a stable code, a severity, the evidence,
//! related locations and fixes. Each check module turns analysis facts into findings;
//! [`run`] collects them, applies the configured severities and sorts them.

use crate::analysis::{Analysis, DateMention, NumberClaim, StoryDate};
use crate::config::Config;
use crate::draft::{Draft, Span};
use serde::Serialize;

pub mod dates;
pub mod names;
pub mod numbers;
pub mod quotes;
pub mod suppress;
mod worth_a_source;

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
}

impl Code {
    pub const ALL: [Code; 8] = [
        Code::UnattributedQuote,
        Code::UnbalancedQuote,
        Code::NameVariant,
        Code::WeekdayMismatch,
        Code::ImpossibleDate,
        Code::DateAfterDateline,
        Code::UnsupportedNumber,
        Code::NumberMismatch,
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
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Code::ImpossibleDate => Severity::Error,
            Code::UnsupportedNumber => Severity::Information,
            _ => Severity::Warning,
        }
    }

    pub fn docs_url(self) -> String {
        format!("{DOCS_BASE}#{}", self.as_str())
    }
}

/// A location elsewhere that explains a finding (the dominant spelling, the story date…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub message: String,
    pub span: Span,
    /// Another file (workspace-wide checks); `None` for the same draft.
    pub path: Option<std::path::PathBuf>,
}

/// One text replacement of a fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub new_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// A finding with the code's default severity, no related locations and no fixes.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            message: message.into(),
            span,
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }
}

/// All findings of a draft, configured severities applied, checks turned off dropped,
/// sorted by position.
pub fn run(analysis: &Analysis, config: &Config) -> Vec<Finding> {
    let dates_and_numbers = DatesAndNumbers::check(
        &analysis.draft,
        &analysis.story_date,
        &analysis.dates,
        &analysis.numbers,
    );
    run_with(analysis, dates_and_numbers, config)
}

/// The findings of the dates and numbers checks, which read neither the entities nor the
/// attributions: the analysis finds them while another core works out the entities.
#[derive(Debug)]
pub struct DatesAndNumbers {
    dates: Vec<Finding>,
    numbers: Vec<Finding>,
}

impl DatesAndNumbers {
    pub fn check(
        draft: &Draft,
        story_date: &StoryDate,
        dates: &[DateMention],
        numbers: &[NumberClaim],
    ) -> DatesAndNumbers {
        DatesAndNumbers {
            dates: dates::check(draft, story_date, dates),
            numbers: numbers::check(draft, numbers),
        }
    }
}

/// [`run`], given the findings of the dates and numbers checks.
pub fn run_with(analysis: &Analysis, found: DatesAndNumbers, config: &Config) -> Vec<Finding> {
    let mut findings = quotes::check(analysis, config);
    findings.extend(names::check(analysis, config));
    findings.extend(found.dates);
    findings.extend(found.numbers);
    findings.retain_mut(|f| match config.severity(f.code) {
        Some(severity) => {
            f.severity = severity;
            true
        }
        None => false,
    });
    settle(&analysis.draft, &mut findings);
    findings
}

/// Drops what the draft's suppression comments silence and sorts by position. Findings
/// added after [`run`] (from other drafts of a workspace) go through here too.
pub fn settle(draft: &Draft, findings: &mut Vec<Finding>) {
    suppress::apply(draft, findings);
    findings.sort_by_key(|f| (f.span.start, f.span.end, f.code));
}
