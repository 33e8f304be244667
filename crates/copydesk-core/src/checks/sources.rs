//! Findings of the comparison of the draft's quotes with the reporter's sources
//! (`crate::sources`): `misquote` (the closest passage has other words),
//! `quote-speaker-mismatch` (the source gives the words to someone else) and
//! `quote-not-in-sources` (the sources have the speaker but not the words). A verified
//! quote makes no finding: its evidence is shown on hover and in the JSON report.
//!
//! Without sources nothing is compared, so these checks are silent on a draft alone.

use super::{Code, Edit, Finding, Fix, Related};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::sources::{Passage, QuoteEvidence, Sources, Verdict};

/// The source findings of a draft, configured severities applied, with the evidence of
/// every quote compared (for hover and reports). The caller adds the findings to the
/// draft's and settles them (`checks::settle`).
pub fn run(
    analysis: &Analysis,
    sources: &Sources,
    config: &Config,
) -> (Vec<Finding>, Vec<QuoteEvidence>) {
    if sources.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let evidence = sources.compare(analysis);
    let mut findings = check(analysis, &evidence);
    super::configure(&mut findings, config);
    (findings, evidence)
}

/// The findings the evidence calls for.
pub fn check(analysis: &Analysis, evidence: &[QuoteEvidence]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for e in evidence {
        let Some(quote) = analysis.draft.quotes.get(e.quote) else {
            continue;
        };
        let span = quote.span.clone();
        match (&e.verdict, &e.passage) {
            (Verdict::Differs(differences), Some(passage)) if !differences.is_empty() => {
                let first = &differences[0];
                let more = match differences.len() {
                    1 => String::new(),
                    2 => " (and one more difference)".to_string(),
                    n => format!(" (and {} more differences)", n - 1),
                };
                let mut finding = Finding::new(
                    Code::Misquote,
                    span.clone(),
                    format!(
                        "The quote differs from its source: {} says '{}', the draft '{}'{more}",
                        file_name(passage),
                        first.source_text,
                        first.draft_text
                    ),
                );
                finding
                    .related
                    .push(related(passage, "The passage in the source"));
                finding.fixes.push(Fix {
                    title: "Replace with the source's words".to_string(),
                    edits: differences
                        .iter()
                        .map(|d| Edit {
                            span: d.span.clone(),
                            new_text: d.new_text.clone(),
                        })
                        .collect(),
                });
                findings.push(finding);
            }
            (Verdict::NotFound, _) if e.speaker_in_sources => {
                let speaker = e.draft_speaker.as_deref().unwrap_or("the speaker");
                findings.push(Finding::new(
                    Code::QuoteNotInSources,
                    span.clone(),
                    format!(
                        "Quote not found in the sources, though they have {speaker}: check it against the recording or notes"
                    ),
                ));
            }
            _ => {}
        }
        if let (true, Some(passage), Some(speaker)) =
            (e.speaker_differs, &e.passage, &e.draft_speaker)
        {
            let label = passage.speaker.as_deref().unwrap_or("someone else");
            let mut finding = Finding::new(
                Code::QuoteSpeakerMismatch,
                span,
                format!(
                    "{} gives these words to {label}, not to {speaker}",
                    file_name(passage)
                ),
            );
            finding
                .related
                .push(related(passage, &format!("Spoken by {label}")));
            findings.push(finding);
        }
    }
    findings
}

fn file_name(passage: &Passage) -> String {
    passage.path.file_name().map_or_else(
        || passage.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Where the passage stands, with its timestamp and speaker when the source gives them.
pub fn describe(passage: &Passage) -> String {
    let mut out = format!("{}, line {}", file_name(passage), passage.line);
    if let Some(t) = &passage.timestamp {
        out.push_str(&format!(", {t}"));
    }
    if let Some(s) = &passage.speaker {
        out.push_str(&format!(", {s}"));
    }
    out
}

fn related(passage: &Passage, what: &str) -> Related {
    Related {
        message: format!("{what} ({})", describe(passage)),
        span: passage.span.clone(),
        path: Some(passage.path.clone()),
    }
}
