//! Navigation over the draft's people, places, organizations and quotes: document
//! symbols, go to definition (the first full mention), references (every mention) and
//! rename (every name mention, in one edit).

use super::documents::Analyzed;
use super::positions::{to_range, Encoding};
use crate::analysis::entities::{Entity, EntityKind, MentionKind};
use tower_lsp_server::ls_types::{DocumentSymbol, Location, SymbolKind, TextEdit, Uri};

pub fn symbol_kind(kind: EntityKind) -> SymbolKind {
    match kind {
        EntityKind::Person => SymbolKind::CLASS,
        EntityKind::Place => SymbolKind::NAMESPACE,
        EntityKind::Organization => SymbolKind::MODULE,
    }
}

/// The first mention that names the entity in full (its canonical spelling if present,
/// else the first name mention, else the first mention of any kind).
pub fn first_full_mention(entity: &Entity) -> Option<usize> {
    let names = || {
        entity
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == MentionKind::Name)
    };
    names()
        .find(|(_, m)| m.text == entity.name)
        .or_else(|| {
            names().max_by_key(|(i, m)| (m.text.split_whitespace().count(), usize::MAX - i))
        })
        .map(|(i, _)| i)
        .or_else(|| (!entity.mentions.is_empty()).then_some(0))
}

/// A short label for a quote: its first words.
fn quote_label(text: &str) -> String {
    const MAX: usize = 60;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written out.
pub fn document_symbols(analyzed: &Analyzed, enc: Encoding) -> Vec<DocumentSymbol> {
    let analysis = &analyzed.analysis;
    let mut symbols = Vec::new();
    for entity in &analysis.entities {
        let Some(first) = first_full_mention(entity) else {
            continue;
        };
        let span = &entity.mentions[first].span;
        let range = to_range(&analyzed.rope, span, enc);
        let mut detail = entity.kind.as_str().to_string();
        if let Some(role) = &entity.role {
            detail = format!("{detail}, {role}");
        }
        symbols.push(DocumentSymbol {
            name: entity.name.clone(),
            detail: Some(detail),
            kind: symbol_kind(entity.kind),
            tags: None,
            deprecated: None,
            range,
            selection_range: range,
            children: None,
        });
    }
    for (i, quote) in analysis.draft.quotes.iter().enumerate() {
        let attribution = analysis.attributions.get(i);
        if quote.depth > 0 || attribution.is_some_and(|a| !a.is_speech) {
            continue;
        }
        let text = analysis.draft.text.get(quote.inner.clone()).unwrap_or("");
        let range = to_range(&analyzed.rope, &quote.span, enc);
        symbols.push(DocumentSymbol {
            name: format!("“{}”", quote_label(text)),
            detail: Some(
                analysis
                    .speaker_name(i)
                    .unwrap_or_else(|| "unattributed".to_string()),
            ),
            kind: SymbolKind::STRING,
            tags: None,
            deprecated: None,
            range,
            selection_range: range,
            children: None,
        });
    }
    symbols.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    symbols
}

/// The entity's first full mention.
pub fn definition(
    uri: &Uri,
    analyzed: &Analyzed,
    offset: usize,
    enc: Encoding,
) -> Option<Location> {
    let entity = &analyzed.analysis.entities[analyzed.analysis.entity_at(offset)?];
    let mention = &entity.mentions[first_full_mention(entity)?];
    Some(Location::new(
        uri.clone(),
        to_range(&analyzed.rope, &mention.span, enc),
    ))
}

/// Every mention of the entity at `offset`.
pub fn references(uri: &Uri, analyzed: &Analyzed, offset: usize, enc: Encoding) -> Vec<Location> {
    let Some(e) = analyzed.analysis.entity_at(offset) else {
        return Vec::new();
    };
    analyzed.analysis.entities[e]
        .mentions
        .iter()
        .map(|m| Location::new(uri.clone(), to_range(&analyzed.rope, &m.span, enc)))
        .collect()
}

/// The mention under the cursor, when it can be renamed.
pub fn rename_target(analyzed: &Analyzed, offset: usize) -> Option<std::ops::Range<usize>> {
    let entity = &analyzed.analysis.entities[analyzed.analysis.entity_at(offset)?];
    entity
        .mentions
        .iter()
        .find(|m| m.span.contains(&offset))
        .map(|m| m.span.clone())
}

/// A name mention renamed: its last words replaced by as many trailing words of the new
/// name, so "Rudskoi" becomes "Rudskoy", "Sergey Rudskoi" becomes "Sergei Rudskoy" and
/// "Lt. Gen. Sergey Rudskoi" keeps its title.
fn renamed(mention: &str, new_name: &str) -> String {
    let old: Vec<&str> = mention.split_whitespace().collect();
    let new: Vec<&str> = new_name.split_whitespace().collect();
    if old.len() <= new.len() {
        new[new.len() - old.len()..].join(" ")
    } else {
        let mut words = old[..old.len() - new.len()].to_vec();
        words.extend(&new);
        words.join(" ")
    }
}

/// The edits that rename the entity at `offset` everywhere it is named (descriptors and
/// pronouns stay as written).
pub fn rename(
    analyzed: &Analyzed,
    offset: usize,
    new_name: &str,
    enc: Encoding,
) -> Option<Vec<TextEdit>> {
    let entity = &analyzed.analysis.entities[analyzed.analysis.entity_at(offset)?];
    new_name.split_whitespace().next()?;
    Some(
        entity
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| TextEdit {
                range: to_range(&analyzed.rope, &m.span, enc),
                new_text: renamed(&m.text, new_name),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renaming_keeps_titles_and_short_forms_short() {
        assert_eq!(renamed("Rudskoi", "Sergei Rudskoy"), "Rudskoy");
        assert_eq!(
            renamed("Sergey Rudskoi", "Sergei Rudskoy"),
            "Sergei Rudskoy"
        );
        assert_eq!(
            renamed("Lt. Gen. Sergey Rudskoi", "Sergei Rudskoy"),
            "Lt. Gen. Sergei Rudskoy"
        );
    }

    #[test]
    fn quote_labels_are_short() {
        assert_eq!(quote_label("We  will\nrebuild."), "We will rebuild.");
        let long = "слово ".repeat(30);
        assert!(quote_label(&long).ends_with('…'));
        assert_eq!(quote_label(&long).chars().count(), 61);
    }
}

#[cfg(test)]
mod navigation_tests {
    use super::*;
    use crate::analysis::entities::Mention;
    use crate::config::Config;
    use crate::draft::Format;
    use ropey::Rope;
    use tower_lsp_server::ls_types::{Position, Range};

    /// A draft with one person named three ways, the entity built by hand so that the
    /// navigation is tested apart from the names analysis.
    fn analyzed(text: &str) -> Analyzed {
        let mut analysis = crate::analyze(text, Format::Markdown, &Config::default());
        let mention = |needle: &str, nth: usize, kind| {
            let at = text.match_indices(needle).nth(nth).unwrap().0;
            Mention {
                span: at..at + needle.len(),
                text: needle.to_string(),
                kind,
            }
        };
        analysis.entities = vec![Entity {
            name: "Sergey Rudskoi".into(),
            kind: EntityKind::Person,
            role: Some("Lieutenant-General".into()),
            mentions: vec![
                mention("Lt. Gen. Sergey Rudskoi", 0, MentionKind::Name),
                mention("the general", 0, MentionKind::Descriptor),
                mention("Rudskoi", 1, MentionKind::Name),
            ],
            variants: vec![],
            stray: vec![],
            quotes: vec![],
            note: None,
        }];
        Analyzed {
            generation: 1,
            version: 4,
            rope: Rope::from_str(text),
            analysis,
            findings: Vec::new(),
            evidence: Vec::new(),
        }
    }

    const TEXT: &str =
        "😀 Lt. Gen. Sergey Rudskoi spoke.\n\nLater the general said Rudskoi was “done.”\n";

    fn uri() -> Uri {
        "file:///d.md".parse().unwrap()
    }

    #[test]
    fn definition_is_the_first_full_mention_and_references_are_all() {
        let a = analyzed(TEXT);
        let later = TEXT.rfind("Rudskoi").unwrap() + 2;
        let def = definition(&uri(), &a, later, Encoding::Utf16).unwrap();
        // "😀 " is 3 UTF-16 units; the first full mention is "Lt. Gen. Sergey Rudskoi".
        assert_eq!(
            def.range,
            Range::new(Position::new(0, 3), Position::new(0, 26))
        );
        let refs = references(&uri(), &a, later, Encoding::Utf8);
        assert_eq!(refs.len(), 3);
        assert_eq!(refs[0].range.start, Position::new(0, 5));
        assert!(definition(&uri(), &a, 0, Encoding::Utf16).is_none());
    }

    #[test]
    fn rename_edits_every_name_mention_but_not_descriptors() {
        let a = analyzed(TEXT);
        let at = TEXT.find("Sergey").unwrap();
        assert_eq!(
            rename_target(&a, at),
            Some(TEXT.find("Lt.").unwrap()..TEXT.find(" spoke").unwrap())
        );
        let edits = rename(&a, at, "Sergei Rudskoy", Encoding::Utf16).unwrap();
        let texts: Vec<&str> = edits.iter().map(|e| e.new_text.as_str()).collect();
        assert_eq!(texts, ["Lt. Gen. Sergei Rudskoy", "Rudskoy"]);
        assert!(rename(&a, at, "  ", Encoding::Utf16).is_none());
    }

    #[test]
    fn symbols_list_people_and_quotes_in_order() {
        let a = analyzed(TEXT);
        let symbols = document_symbols(&a, Encoding::Utf16);
        let names: Vec<(&str, SymbolKind)> =
            symbols.iter().map(|s| (s.name.as_str(), s.kind)).collect();
        assert_eq!(
            names,
            [
                ("Sergey Rudskoi", SymbolKind::CLASS),
                ("“done.”", SymbolKind::STRING)
            ]
        );
        assert_eq!(
            symbols[0].detail.as_deref(),
            Some("person, Lieutenant-General")
        );
    }
}
