//! What the editor shows about a quote: a hover card (speaker, cue, rule) and inlay hints
//! naming the person behind `he said` or `the Russian general said`.

use super::{Rule, SpeakerKind};
use crate::analysis::{Analysis, Hover, InlayHint};

/// The card for the quote under `offset` (the innermost quote; a nested quote speaks with
/// its outer quote's voice).
pub fn hover(analysis: &Analysis, offset: usize) -> Option<Hover> {
    let q = analysis.quote_at(offset)?;
    let quote = analysis.draft.quotes.get(q)?;
    let a = analysis.attributions.get(q)?;
    let mut md = String::from("**Quote**\n\n");
    if !a.is_speech {
        let why = a.not_speech.map_or("not speech", |w| w.describe());
        md.push_str(&format!("Not attributed: {why}."));
        return Some(Hover {
            span: quote.span.clone(),
            markdown: md,
        });
    }
    let Some(speaker) = a.speaker.as_ref() else {
        md.push_str("No speaker found: no speech verb with a speaker in its sentence, and no attributed quote before it to continue.");
        return Some(Hover {
            span: quote.span.clone(),
            markdown: md,
        });
    };
    let name = analysis
        .speaker_name(q)
        .unwrap_or_else(|| speaker.text.clone());
    md.push_str(&format!("Speaker: **{name}**"));
    if speaker.kind != SpeakerKind::Name && name != speaker.text {
        md.push_str(&format!(" (\"{}\")", speaker.text));
    }
    md.push('\n');
    if let Some(cue) = &a.cue {
        md.push_str(&format!("\nCue: `{}`\n", cue.text.replace('`', "'")));
    }
    let rule = match (a.rule, a.source) {
        (_, Some(src))
            if analysis
                .draft
                .quotes
                .get(q)
                .is_some_and(|x| x.parent == Some(src)) =>
        {
            "quoted inside a quote by the same speaker".to_string()
        }
        (Some(Rule::Sentence), _) => "said in the same sentence".to_string(),
        (Some(Rule::SameParagraph), Some(_)) => {
            format!("continues the quote of {name} earlier in the paragraph")
        }
        (Some(Rule::SameParagraph), None) => {
            format!("{name} is named as the speaker just before")
        }
        (Some(Rule::FollowsParagraph), Some(src)) if quote.continues == Some(src) => {
            format!("continues the quote of {name} from the previous paragraph")
        }
        (Some(Rule::FollowsParagraph), _) => {
            format!("continues the quote of {name}: a paragraph of quotation after theirs")
        }
        (Some(Rule::Turn), _) => format!("in {name}'s answer in the interview"),
        (None, _) => String::new(),
    };
    if !rule.is_empty() {
        md.push_str(&format!("\nRule: {rule}\n"));
    }
    Some(Hover {
        span: quote.span.clone(),
        markdown: md,
    })
}

/// After each pronoun or descriptor that speaks (`he said`, `the Russian general said`),
/// the name of the person it resolves to, when the entities analysis resolved it to an
/// entity whose name differs from the words in the text.
pub fn inlay_hints(analysis: &Analysis) -> Vec<InlayHint> {
    let mut hints: Vec<InlayHint> = Vec::new();
    for a in &analysis.attributions {
        if a.rule != Some(Rule::Sentence) && a.rule != Some(Rule::SameParagraph) {
            continue;
        }
        let Some(speaker) = &a.speaker else { continue };
        if speaker.kind == SpeakerKind::Name {
            continue;
        }
        let Some(entity) = speaker.entity.and_then(|e| analysis.entities.get(e)) else {
            continue;
        };
        if entity.name.eq_ignore_ascii_case(&speaker.text) {
            continue;
        }
        if hints.iter().any(|h| h.offset == speaker.span.end) {
            continue;
        }
        hints.push(InlayHint {
            offset: speaker.span.end,
            label: entity.name.clone(),
        });
    }
    hints.sort_by_key(|h| h.offset);
    hints
}
