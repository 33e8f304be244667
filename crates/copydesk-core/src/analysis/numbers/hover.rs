//! The hover card of a number: what kind of figure it is and what supports it.

use super::Support;
use crate::analysis::{Analysis, Hover};

/// The card for the numeric claim under `offset`, if any.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<Hover> {
    let claim = analysis
        .numbers
        .iter()
        .find(|c| c.span.start <= offset && offset < c.span.end)?;
    let text = analysis.draft.text.get(claim.span.clone()).unwrap_or("");
    let verdict = match &claim.source {
        Some(Support::Quote { quote, speaker }) => {
            let name = analysis
                .speaker_name(*quote)
                .unwrap_or_else(|| speaker.clone());
            format!("Supported: inside a quote by {name}")
        }
        Some(Support::Sentence { cue, .. }) => format!("Supported: {cue} (same sentence)"),
        Some(Support::Paragraph { cue, .. }) => {
            format!("Supported: {cue} (the paragraph's reported speech continues here)")
        }
        Some(Support::Nearby { cue, .. }) => format!("Supported: {cue} (the sentence next to it)"),
        None if claim.in_unattributed_quote.is_some() => {
            "Inside a quote with no speaker: name who says it".to_string()
        }
        None => "No source found in its sentence or paragraph".to_string(),
    };
    let mut markdown = format!(
        "**{}** `{}`\n\n{verdict}",
        capitalize(claim.kind.label()),
        text
    );
    let others = super::mismatch::conflicts(&analysis.numbers, claim);
    if let Some(other) = others.first() {
        let other_text = analysis.draft.text.get(other.span.clone()).unwrap_or("");
        markdown.push_str(&format!("\n\nElsewhere in the draft: `{other_text}`"));
    }
    Some(Hover {
        span: claim.span.clone(),
        markdown,
    })
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
