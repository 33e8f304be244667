//! Ranks and offices written before a person's name ("Lt. Gen. Sergey Rudskoi", "Deputy
//! Chief Ruiz", "Sen. Smith"), read against `data/lexicon/person-titles.txt`: each title
//! with its other written forms and the ladder it belongs to. Two forms of one title
//! ("Lt. Gen." / "Lieutenant-General") are one title; titles of different ladders are
//! never compared, since a person may hold both at once.

use super::{text_of, window_before};
use crate::analysis::entities::Entity;
use crate::analysis::words::WordList;
use crate::draft::{Draft, Span};
use crate::lexicon::{self, lexicon_file};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The longest title, in words ("air vice marshal", "private first class").
const LONGEST: usize = 4;

/// How far before a name its title may start, in bytes.
const REACH: usize = 48;

/// A title read in the lexicon: its ladder and its full form, as the list writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub ladder: &'static str,
    pub title: &'static str,
}

/// One rank or office given to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The person (an index into the entities).
    pub entity: usize,
    /// The title as written ("Lt. Gen."), which a fix replaces.
    pub span: Span,
    pub known: Known,
    /// "former", "then-", "-elect" and the like: not the person's title now.
    pub qualified: bool,
}

/// Every written form of every title, normalized ([`normalize`]), with its title.
static FORMS: LazyLock<FxHashMap<String, Known>> = LazyLock::new(|| {
    let mut forms = FxHashMap::default();
    for line in lexicon::entries(lexicon_file!("person-titles")) {
        let mut fields = line.split(" | ");
        let (Some(ladder), Some(title)) = (fields.next(), fields.next()) else {
            continue;
        };
        let known = Known { ladder, title };
        for form in std::iter::once(title).chain(fields) {
            forms.insert(normalize(form).join(" "), known);
        }
    }
    forms
});

static QUALIFIERS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::new(&lexicon::entries(lexicon_file!("title-qualifiers")).collect::<Vec<_>>())
});

static CHANGE_WORDS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::new(&lexicon::entries(lexicon_file!("title-change-words")).collect::<Vec<_>>())
});

/// A title's words as the lexicon is keyed: lowercase, periods dropped, hyphens read as
/// spaces ("Lt.-Gen." → ["lt", "gen"]).
fn normalize(form: &str) -> Vec<String> {
    form.split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The title that `text` names, in any of its forms.
pub fn lookup(text: &str) -> Option<Known> {
    FORMS.get(&normalize(text).join(" ")).copied()
}

/// A word of the text before a name: its span, and its parts as the lexicon is keyed.
struct Word {
    span: Span,
    parts: Vec<String>,
}

/// The title written right before the mention `name`, if any: the longest form the
/// lexicon knows that ends at the word before the name, capitalized, within the name's
/// sentence (no comma, colon or bracket between).
pub(crate) fn before(prose: &str, name: &Span, entity: usize) -> Option<Title> {
    let (from, s) = window_before(prose, name.start, REACH);
    if !s.ends_with(' ') {
        return None;
    }
    // Most names follow a lowercase word ("said", "the"): a title's last word has a
    // capital ("Gen.", "then-Sen."), so those are turned away before any allocation.
    let last_word = s.trim_end().rsplit(' ').next().unwrap_or("");
    if !last_word.chars().any(char::is_uppercase) {
        return None;
    }
    // A title stands on the name's line.
    let line_start = s.rfind('\n').map_or(0, |i| i + 1);
    let line = &s[line_start..];
    // The line's words, and whether a tab or another break (not a space) comes after each.
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                pieces.push((st, i, c != ' '));
                start = None;
            }
            (true, None) => {
                if let Some(last) = pieces.last_mut() {
                    last.2 |= c != ' ';
                }
            }
            (false, None) => start = Some(i),
            (false, Some(_)) => {}
        }
    }
    let mut words: Vec<Word> = Vec::new();
    for (i, &(a, b, broken)) in pieces.iter().enumerate().rev() {
        let piece = &line[a..b];
        // A title is one run of words: a tab or another break after a word ends it.
        let last = i + 1 == pieces.len();
        if (broken && !last)
            || piece.ends_with([',', ';', ':', ')', '"', '”', '’'])
            || words.len() > LONGEST + 2
        {
            break;
        }
        words.push(Word {
            span: from + line_start + a..from + line_start + b,
            parts: normalize(piece),
        });
    }
    words.reverse();
    // The parts of the words, last word last, each with the word it belongs to.
    let parts: Vec<(usize, &str)> = words
        .iter()
        .enumerate()
        .flat_map(|(w, word)| word.parts.iter().map(move |p| (w, p.as_str())))
        .collect();
    let n = parts.len();
    for k in (1..=LONGEST.min(n)).rev() {
        let key = parts[n - k..]
            .iter()
            .map(|(_, p)| *p)
            .collect::<Vec<_>>()
            .join(" ");
        let Some(&known) = FORMS.get(&key) else {
            continue;
        };
        let first_word = parts[n - k].0;
        let span = words[first_word].span.start..words[words.len() - 1].span.end;
        // AP style capitalizes a formal title before a name; a lowercase one ("the general
        // manager Ruiz") is more often a description than a rank.
        if !text_of(prose, &span).starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        // "then-Sen.", "former Gov.", "ex-Rep.": a qualifier among the few parts before.
        let qualified = parts[n.saturating_sub(k + 3)..n - k]
            .iter()
            .any(|(_, p)| QUALIFIERS.contains(p))
            || after_is_elect(prose, name.start, &span);
        // A match inside a word ("then-Sen.") starts the title at that word.
        return Some(Title {
            entity,
            span,
            known,
            qualified,
        });
    }
    None
}

/// "President-elect X": the qualifier glued to the title's end.
fn after_is_elect(prose: &str, name_start: usize, title: &Span) -> bool {
    prose
        .get(title.start..name_start)
        .is_some_and(|t| t.to_ascii_lowercase().contains("-elect"))
}

/// The people whose change of rank or office the story tells: a sentence that mentions
/// them (by name, title or pronoun) holds a word of `title-change-words` ("was promoted
/// to", "became", "was elected"). Only people given two titles of one ladder are read.
pub(crate) fn changed(draft: &Draft, entities: &[Entity], titles: &[Title]) -> Vec<usize> {
    let mut by_entity: FxHashMap<usize, Vec<&Title>> = FxHashMap::default();
    for t in titles.iter().filter(|t| !t.qualified) {
        by_entity.entry(t.entity).or_default().push(t);
    }
    let mut changed: Vec<usize> = by_entity
        .into_iter()
        .filter(|(_, ts)| {
            ts.iter().any(|a| {
                ts.iter()
                    .any(|b| a.known.ladder == b.known.ladder && a.known.title != b.known.title)
            })
        })
        .map(|(e, _)| e)
        .filter(|&e| {
            entities.get(e).is_some_and(|entity| {
                let mut sentences: Vec<usize> = entity
                    .mentions
                    .iter()
                    .filter_map(|m| draft.sentence_at(m.span.start))
                    .collect();
                sentences.dedup();
                sentences.iter().any(|&s| tells_change(draft, s))
            })
        })
        .collect();
    changed.sort_unstable();
    changed
}

/// A sentence with a word that tells a change of rank or office.
fn tells_change(draft: &Draft, sentence: usize) -> bool {
    let Some(s) = draft.sentences.get(sentence) else {
        return false;
    };
    text_of(&draft.prose, &s.span)
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| CHANGE_WORDS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str, name: &str) -> Option<(String, &'static str, bool)> {
        let start = text.find(name).expect("name");
        before(text, &(start..start + name.len()), 0)
            .map(|t| (text[t.span].to_string(), t.known.title, t.qualified))
    }

    #[test]
    fn reads_titles_in_their_forms() {
        assert_eq!(
            title("Lt. Gen. Sergey Rudskoi said", "Sergey Rudskoi"),
            Some(("Lt. Gen.".into(), "lieutenant general", false))
        );
        assert_eq!(
            title("said Lieutenant-General Rudskoi", "Rudskoi"),
            Some(("Lieutenant-General".into(), "lieutenant general", false))
        );
        assert_eq!(
            title("Col. Gen. Rudskoi", "Rudskoi").map(|t| t.1),
            Some("colonel general")
        );
        assert_eq!(
            title("Police Chief Ana Ruiz", "Ana Ruiz").map(|t| t.1),
            Some("chief")
        );
        assert_eq!(
            title("Deputy Chief Ruiz", "Ruiz").map(|t| t.1),
            Some("deputy chief")
        );
        assert_eq!(
            title("U.S. Sen. Smith", "Smith").map(|t| t.1),
            Some("senator")
        );
    }

    #[test]
    fn qualified_titles_are_marked() {
        for (text, name) in [
            ("former Sen. Smith", "Smith"),
            ("then-Sen. Smith", "Smith"),
            ("ex-Gov. Smith", "Smith"),
            ("President-elect Smith", "Smith"),
            ("retired Lt. Gen. Smith", "Smith"),
        ] {
            if let Some(t) = title(text, name) {
                assert!(t.2, "{text}");
            }
        }
    }

    #[test]
    fn wide_spaces_and_other_scripts_do_not_panic() {
        for text in [
            "Gen.\u{a0}\u{2003}Смирнов",
            "ген. Смирнов",
            "\u{a0} Смирнов",
            "Lt.\u{2009}Gen. Смирнов",
        ] {
            let name = "Смирнов";
            let start = text.find(name).expect("name");
            let _ = before(text, &(start..start + name.len()), 0);
        }
    }

    #[test]
    fn not_titles() {
        for (text, name) in [
            ("the general manager Ruiz", "Ruiz"),
            ("Chief Executive Tim Cook", "Tim Cook"),
            ("Senate, Smith", "Smith"),
            ("Smith", "Smith"),
            ("Gen.\u{a0}Smith", "Smith"),
            ("Sen.\tSmith", "Smith"),
        ] {
            assert_eq!(title(text, name), None, "{text}");
        }
    }
}
