//! Findings of the numbers analysis: `unsupported-number` (a figure with no source) and
//! `number-mismatch` (one quantity given two values).

use super::worth_a_source;
use super::{Code, Edit, Finding, Fix, Related};
use crate::analysis::numbers::{mismatch, ClaimKind, NumberClaim};
use crate::draft::Draft;

/// The findings about the number claims `numbers` of `draft`.
pub fn check(draft: &Draft, numbers: &[NumberClaim]) -> Vec<Finding> {
    let mut findings = unsupported(draft, numbers);
    findings.extend(mismatches(draft, numbers));
    findings
}

fn quoted(draft: &Draft, claim: &NumberClaim) -> String {
    let text = draft.text.get(claim.span.clone()).unwrap_or("");
    format!(
        "'{}'",
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// One finding per clause: figures side by side in one clause ("2.5 inches of rain fell in
/// two hours") lack the same source, and one attribution fixes them all.
fn unsupported(draft: &Draft, numbers: &[NumberClaim]) -> Vec<Finding> {
    let conversions = conversions(draft, numbers);
    let interview = worth_a_source::Interview::of(draft);
    let claims: Vec<&NumberClaim> = numbers
        .iter()
        .zip(conversions)
        .filter(|(c, conversion)| {
            !conversion
                && !c.is_supported()
                && c.in_unattributed_quote.is_none()
                && worth_a_source::needs_source(draft, c, &interview)
        })
        .map(|(c, _)| c)
        .collect();
    let mut findings = Vec::new();
    let mut i = 0;
    while i < claims.len() {
        let mut group = vec![claims[i]];
        while let Some(next) = claims.get(i + group.len()) {
            let last = group[group.len() - 1];
            if next.sentence != last.sentence || clause_break(draft, last.span.end, next.span.start)
            {
                break;
            }
            group.push(next);
        }
        i += group.len();
        let first = group[0];
        let names: Vec<String> = group.iter().map(|c| quoted(draft, c)).collect();
        let message = format!(
            "No source for {}: name who says so (said, according to …)",
            names.join(" or ")
        );
        let mut finding = Finding::new(Code::UnsupportedNumber, first.span.clone(), message);
        for other in &group[1..] {
            finding.related.push(Related {
                message: format!("{} has no source either", quoted(draft, other)),
                span: other.span.clone(),
                path: None,
            });
        }
        if let Some(fix) = source_placeholder(draft, first) {
            finding.fixes.push(fix);
        }
        findings.push(finding);
    }
    findings
}

/// Which claims restate the figure before them in other units, in brackets: `€20,000
/// (£17,500; US$22,900)`, `500 miles (800 km)`. A conversion is the writer's arithmetic, not a
/// claim of its own; the figure it converts is the one a source must give.
fn conversions(draft: &Draft, numbers: &[NumberClaim]) -> Vec<bool> {
    let mut out = vec![false; numbers.len()];
    for i in 1..numbers.len() {
        let (before, claim) = (&numbers[i - 1], &numbers[i]);
        if before.kind != claim.kind || !matches!(claim.kind, ClaimKind::Money | ClaimKind::Measure)
        {
            continue;
        }
        let gap = draft
            .prose
            .get(before.span.end..claim.span.start)
            .unwrap_or("")
            .trim();
        out[i] = gap == "(" || (out[i - 1] && matches!(gap, ";" | "," | "/"));
    }
    out
}

/// A semicolon, a dash or a comma before a conjunction starts a new clause.
fn clause_break(draft: &Draft, from: usize, to: usize) -> bool {
    let gap = draft.prose.get(from..to).unwrap_or(";");
    let lower = gap.to_lowercase();
    gap.contains(';')
        || gap.contains('—')
        || gap.contains(" – ")
        || [", and ", ", but ", ", while ", ", whereas ", ", and the "]
            .iter()
            .any(|c| lower.contains(c))
        || gap.len() > 80
}

/// Inserts ", according to [source]" before the sentence's final punctuation.
fn source_placeholder(draft: &Draft, claim: &NumberClaim) -> Option<Fix> {
    let sentence = draft.sentences.get(claim.sentence)?;
    let text = draft.text.get(sentence.span.clone())?;
    let trimmed = text.trim_end();
    // Before the final stop; a sentence that ends inside a quote gets no placeholder.
    let stop = trimmed.chars().next_back()?;
    if !matches!(stop, '.' | '!' | '?') || trimmed.ends_with("..") {
        return None;
    }
    let at = sentence.span.start + trimmed.len() - 1;
    if at < claim.span.end {
        return None;
    }
    Some(Fix {
        title: "Add a source: \", according to [source]\"".to_string(),
        edits: vec![Edit {
            span: at..at,
            new_text: ", according to [source]".to_string(),
        }],
    })
}

fn mismatches(draft: &Draft, claims: &[NumberClaim]) -> Vec<Finding> {
    mismatch::find(claims, draft)
        .into_iter()
        .map(|m| {
            let (first, other) = (&claims[m.first], &claims[m.other]);
            let (a, b) = (quoted(draft, first), quoted(draft, other));
            let mut finding = Finding::new(
                Code::NumberMismatch,
                other.span.clone(),
                format!("{b} here, but {a} earlier: the same count is given two values"),
            );
            finding.related.push(Related {
                message: format!("{a} first stated here"),
                span: first.span.clone(),
                path: None,
            });
            finding
        })
        .collect()
}
