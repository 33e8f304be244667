//! The hover card of a person, place or organization: what the source sheet knows.

use super::MentionKind;
use crate::analysis::hover::Hover;
use crate::analysis::Analysis;

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
    let mut lines = Lines::new(&analysis.draft.text);
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
            lines.line_of(first.span.start)
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
                    lines.line_of(quote.span.start)
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

/// Line numbers (from 1) of offsets taken in ascending order, counted in one pass over the
/// text: a card lists every quote of its entity, and counting from the start for each made
/// the card of a much-quoted person in a long draft take tens of milliseconds.
struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            (self.at, self.line) = (0, 1);
        }
        let newlines = self.bytes.get(self.at..offset).unwrap_or_default();
        self.line += newlines.iter().filter(|&&c| c == b'\n').count();
        self.at = offset;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn lines_count_in_any_order_of_offsets() {
        let text = "a\nКиїв\r\n\n“b”\nc";
        let naive = |o: usize| {
            text.as_bytes()[..o.min(text.len())]
                .iter()
                .filter(|&&c| c == b'\n')
                .count()
                + 1
        };
        let mut lines = Lines::new(text);
        for o in [0, 2, 3, 12, 13, 20, 5, 1, 99, 0] {
            assert_eq!(lines.line_of(o), naive(o), "offset {o}");
        }
    }
}
