//! The hover card of a person, place or organization: what the source sheet knows.

use super::MentionKind;
use crate::analysis::hover::Hover;
use crate::analysis::Analysis;
use crate::position::LineIndex;

/// How many opening words of each attributed quote the card shows.
const QUOTE_WORDS: usize = 8;

/// How many attributed quotes the card lists. A person quoted hundreds of times in a
/// manuscript would otherwise get a card of tens of kilobytes, too long to read in a hover
/// and slow to send; the source sheet lists every quote.
const QUOTES_LISTED: usize = 10;

/// The card for the entity mentioned at `offset`, if any.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<Hover> {
    let e = analysis.entity_at(offset)?;
    let entity = &analysis.entities[e];
    let mention = entity.mentions.iter().find(|m| m.span.contains(&offset))?;
    let mut md = format!("**{}** · {}", entity.name, entity.kind.as_str());
    if let Some(role) = &entity.role {
        md.push_str(&format!("  \n{role}"));
    }
    let names = entity
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .count();
    let others = entity.mentions.len() - names;
    // Built once per card: a card lists every quote of its entity.
    let lines = LineIndex::new(&analysis.draft.text);
    md.push_str(&format!(
        "\n\n{} mention{}",
        entity.mentions.len(),
        plural(entity.mentions.len())
    ));
    if others > 0 {
        md.push_str(&format!(" ({names} by name, {others} by title or pronoun)"));
    }
    if let Some(first) = entity.mentions.first() {
        md.push_str(&format!(
            ", first on line {}",
            lines.position(first.span.start).line
        ));
    }
    md.push('.');
    if !entity.variants.is_empty() {
        let list: Vec<String> = entity.variants.iter().map(|v| format!("'{v}'")).collect();
        md.push_str(&format!(
            "\n\nOther spellings in this draft: {}.",
            list.join(", ")
        ));
    }
    if !entity.quotes.is_empty() {
        md.push_str(&format!(
            "\n\n{} quote{} attributed:",
            entity.quotes.len(),
            plural(entity.quotes.len())
        ));
        for &q in entity.quotes.iter().take(QUOTES_LISTED) {
            if let Some(quote) = analysis.draft.quotes.get(q) {
                let inner = analysis.draft.text.get(quote.inner.clone()).unwrap_or("");
                let words: Vec<&str> = inner.split_whitespace().collect();
                let mut opening = words[..words.len().min(QUOTE_WORDS)].join(" ");
                if words.len() > QUOTE_WORDS {
                    opening.push('…');
                }
                md.push_str(&format!(
                    "\n- “{opening}” (line {})",
                    lines.position(quote.span.start).line
                ));
            }
        }
        let unlisted = entity.quotes.len().saturating_sub(QUOTES_LISTED);
        if unlisted > 0 {
            md.push_str(&format!(
                "\n- and {unlisted} more (the source sheet lists every quote)"
            ));
        }
    }
    if let Some(note) = &entity.note {
        md.push_str(&format!("\n\nHouse style: {note}"));
    }
    Some(Hover {
        span: mention.span.clone(),
        markdown: md,
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::config::Config;
    use crate::draft::Format;

    #[test]
    fn a_card_counts_lines_as_the_editor_does() {
        // Lines end at a lone CR too, as in the server's positions.
        let text = "Headline\r\rMayor Elena Vasquez spoke.\r\r\"We will rebuild,\" Vasquez said.\r";
        let a = analyze(text, Format::Plain, &Config::default());
        let at = text.find("Vasquez").unwrap();
        let card = super::hover(&a, at).expect("a card").markdown;
        assert!(card.contains("first on line 3"), "{card}");
        assert!(card.contains("line 5"), "{card}");
    }
}
