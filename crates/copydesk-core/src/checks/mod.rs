//! Findings: what a copy editor would query, with a stable code, a severity, the evidence,
//! related locations and fixes. The checks read the analysis (the facts) and never the
//! other way round: each check module turns facts into findings; [`run`] collects them,
//! applies the configured severities and sorts them; [`check`] reads a draft and runs both.

use crate::analysis::{local, Analysis};
use crate::config::Config;
use crate::draft::{Draft, Format, Span};
use crate::parallel;

pub use crate::codes::{Code, Severity, DOCS_BASE};

pub mod dates;
pub mod events;
pub mod facts;
pub mod names;
pub mod numbers;
pub mod places;
pub mod quotes;
pub mod sources;
pub mod suppress;
mod worth_a_source;

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

/// A draft's analysis and the findings the checks make of it: what the command line and
/// the server report.
#[derive(Debug, Clone)]
pub struct Checked {
    pub analysis: Analysis,
    pub findings: Vec<Finding>,
    /// What the reporter's sources say of each quote compared with them (empty without
    /// sources: the surfaces add it, see [`sources::run`]).
    pub evidence: Vec<crate::sources::QuoteEvidence>,
}

/// Reads a draft, analyses it and runs every check on the analysis.
pub fn check(text: &str, format: Format, config: &Config) -> Checked {
    check_with(text, format, config, None)
}

/// [`check`], with the analysis taking the facts of paragraphs read before from `cache`
/// (see [`crate::analysis::analyze_with`]). The result is the same as [`check`]'s.
pub fn check_with(
    text: &str,
    format: Format,
    config: &Config,
    cache: Option<&mut local::Cache>,
) -> Checked {
    let analysis = crate::analysis::analyze_with(text, format, config, cache);
    let findings = run(&analysis, config);
    Checked {
        analysis,
        findings,
        evidence: Vec::new(),
    }
}

/// [`check`] of a text the caller gives away: the analysis keeps it instead of a copy.
pub fn check_owned(text: String, format: Format, config: &Config) -> Checked {
    let analysis = crate::analysis::analyze_owned(text, format, config);
    let findings = run(&analysis, config);
    Checked {
        analysis,
        findings,
        evidence: Vec::new(),
    }
}

/// All findings of a draft, configured severities applied, checks turned off dropped,
/// sorted by position. On a long draft the dates and numbers checks, which read neither the
/// entities nor the attributions, run on another core beside the quotes and names checks.
pub fn run(analysis: &Analysis, config: &Config) -> Vec<Finding> {
    let long = analysis.draft.text.len() >= parallel::LONG_DRAFT_BYTES;
    let (mut findings, (dates, numbers)) = parallel::both(
        long,
        || {
            let mut findings = quotes::check(analysis, config);
            findings.extend(names::check(analysis, config));
            findings.extend(facts::check(analysis, config));
            findings.extend(places::check(analysis));
            findings
        },
        || {
            let draft = &analysis.draft;
            let mut dates = dates::check(draft, &analysis.story_date, &analysis.dates);
            dates.extend(events::check(draft, &analysis.dates));
            (dates, numbers::check(draft, &analysis.numbers))
        },
    );
    findings.extend(dates);
    findings.extend(numbers);
    configure(&mut findings, config);
    settle(&analysis.draft, &mut findings);
    findings
}

/// Applies the configured severities and drops the findings of checks turned off.
pub(crate) fn configure(findings: &mut Vec<Finding>, config: &Config) {
    findings.retain_mut(|f| match config.severity(f.code) {
        Some(severity) => {
            f.severity = severity;
            true
        }
        None => false,
    });
}

/// Drops what the draft's suppression comments silence and sorts by position. Findings
/// added after [`run`] (from other drafts of a workspace) go through here too.
pub fn settle(draft: &Draft, findings: &mut Vec<Finding>) {
    suppress::apply(draft, findings);
    findings.sort_by_key(|f| (f.span.start, f.span.end, f.code));
}

#[cfg(test)]
mod tests;
