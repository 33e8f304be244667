//! Organizations and places by their own words: cue words (University of, Ministry,
//! Services, Road, mosque), acronyms (FBI, UN), the gazetteer, nationality adjectives.

use super::gazetteer;
use super::lexicon::*;
use super::tokens::Token;
use std::collections::HashSet;
use std::sync::{LazyLock, RwLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameClass {
    Org,
    /// A place; `include_trailer` when the lowercase word after it is part of the name
    /// ("Omar bin Khatab mosque").
    Place {
        include_trailer: bool,
    },
    /// A place by the gazetteer alone: a person when the text says so (Bush said).
    Gazetteer,
    /// Could be a person; the surroundings decide.
    Unknown,
    NotAName,
}

/// A nationality adjective (Russian, Syrian, Ukrainian, Turkish, Canadians): derived from a
/// country or region name in the gazetteer, or one of the irregular ones.
///
/// The answers are remembered for every thread: a draft's capitalized words recur, and the
/// first analysis on a new thread (a long draft opened in the server) should not derive
/// them all again.
pub(crate) fn is_demonym(word: &str) -> bool {
    static SEEN: LazyLock<RwLock<HashMap<String, bool>>> = LazyLock::new(Default::default);
    let known = SEEN
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(word)
        .copied();
    if let Some(known) = known {
        return known;
    }
    let answer = derive_demonym(word);
    let mut seen = SEEN.write().unwrap_or_else(|e| e.into_inner());
    if seen.len() > 50_000 {
        seen.clear();
    }
    seen.insert(word.to_string(), answer);
    answer
}

fn derive_demonym(word: &str) -> bool {
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    if is_irregular_demonym(word) {
        return true;
    }
    let w = word.strip_suffix('s').unwrap_or(word);
    let mut candidate = String::with_capacity(w.len() + 2);
    for suffix in ["ian", "ean", "an", "ese", "ish", "i", "ic"] {
        let Some(stem) = w.strip_suffix(suffix) else {
            continue;
        };
        if stem.chars().count() < 3 {
            continue;
        }
        // Russia-n, Syria-n, Ukrain(e)-ian, Canad(a)-ian, Turk(ey)-ish.
        for ending in [&suffix[..1], "", "e", "a", "y", "ey", "o"] {
            candidate.clear();
            candidate.push_str(stem);
            candidate.push_str(ending);
            // Mal-i, Hawai-i, Missour-i: the place's own name, not an adjective of it.
            if candidate == w {
                continue;
            }
            if let Some((place, gazetteer::Spelling::Current)) = gazetteer::lookup(&candidate) {
                if matches!(
                    place.kind,
                    gazetteer::PlaceKind::Country
                        | gazetteer::PlaceKind::Region
                        | gazetteer::PlaceKind::Continent
                ) {
                    return true;
                }
            }
        }
    }
    false
}

/// A word of a name: as written, and the word lists it belongs to.
pub(crate) trait NameWord {
    fn has(&self, flag: Flags) -> bool;
}

impl NameWord for &str {
    fn has(&self, flag: Flags) -> bool {
        has_flag(flag, self)
    }
}

impl NameWord for Token<'_> {
    fn has(&self, flag: Flags) -> bool {
        Token::has(self, flag)
    }
}

#[cfg(test)]
/// What a capitalized name is by its own words, and the lowercase word after it.
pub(crate) fn classify_name(
    text: &str,
    words: &[&str],
    next: Option<&str>,
    all_caps: bool,
) -> NameClass {
    let next_lower = next.map(str::to_lowercase);
    let next = next.zip(next_lower.as_deref());
    classify(text, words, next, all_caps, gazetteer::lookup(text))
}

/// [`classify_name`] of a name read as tokens (`words`, all words), with its gazetteer entry.
pub(crate) fn classify_tokens(
    text: &str,
    words: &[Token],
    next: Option<&Token>,
    all_caps: bool,
    place: Option<(gazetteer::Place, gazetteer::Spelling)>,
) -> NameClass {
    classify(
        text,
        words,
        next.map(|n| (n.text, n.lower())),
        all_caps,
        place,
    )
}

/// Organizations the news names without a word that shows what they are
/// (data/organizations.txt).
static KNOWN_ORGANIZATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/organizations.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// One of the well-known organizations, written as the list writes it.
pub(crate) fn is_known_organization(name: &str) -> bool {
    KNOWN_ORGANIZATIONS.contains(name)
}

/// `next` is the word after the name, as written and in lowercase; `place` the gazetteer's
/// entry for `text`.
fn classify<W: NameWord>(
    text: &str,
    words: &[W],
    next: Option<(&str, &str)>,
    all_caps: bool,
    place: Option<(gazetteer::Place, gazetteer::Spelling)>,
) -> NameClass {
    let Some(last) = words.last() else {
        return NameClass::NotAName;
    };
    if is_known_organization(text)
        && place.is_none_or(|(p, _)| p.kind == gazetteer::PlaceKind::City)
    {
        return NameClass::Org;
    }
    if let Some((next, n)) = next {
        if next.starts_with(char::is_lowercase) {
            if let Some(include) = place_trailer(n) {
                if place.is_none() || include {
                    return NameClass::Place {
                        include_trailer: include,
                    };
                }
            }
            if is_org_trailer(n) && place.is_none() {
                return NameClass::Org;
            }
        }
    }
    if words.len() == 1 && all_caps {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if place.is_some() {
            return NameClass::Place {
                include_trailer: false,
            };
        }
        // Codes and ratings with a figure: "EF-1", "EF2", "F-16", "COVID-19".
        if is_not_name(text) || is_calendar(text) || text.contains(|c: char| c.is_ascii_digit()) {
            return NameClass::NotAName;
        }
        return if (2..=5).contains(&letters) {
            NameClass::Org
        } else {
            NameClass::NotAName
        };
    }
    // A place the gazetteer knows whole, though a word of it heads organizations: "West
    // Bank", "Council Bluffs", "Union City".
    let known_place = place.is_some_and(|(p, spelling)| {
        spelling == gazetteer::Spelling::Current
            && (p.kind != gazetteer::PlaceKind::City || !last.has(ORG_HEAD))
    });
    if words.len() >= 2 && known_place {
        return NameClass::Place {
            include_trailer: false,
        };
    }
    let head_at = words.iter().position(|w| w.has(ORG_HEAD));
    // "The Associated Press" is an organization, "The Hague" a place.
    let org_first = words[0].has(ORG_OPENER) && (place.is_none() || head_at.is_some());
    if last.has(PLACE_HEAD)
        && words.len() >= 2
        && head_at.is_none_or(|h| h == words.len() - 1)
        && !last.has(ORG_HEAD)
    {
        return NameClass::Place {
            include_trailer: false,
        };
    }
    if org_first || head_at.is_some() {
        // A lone head word capitalized ("Council", "Court") is a name only mid-sentence;
        // the caller's weak flag handles that.
        return NameClass::Org;
    }
    if last.has(PLACE_HEAD) && words.len() >= 2 {
        return NameClass::Place {
            include_trailer: false,
        };
    }
    if words.len() >= 2 && words[0].has(PLACE_OPENER) && !words.iter().any(|w| w.has(TITLE)) {
        return NameClass::Place {
            include_trailer: false,
        };
    }
    if place.is_some() {
        return NameClass::Place {
            include_trailer: false,
        };
    }
    if words.len() == 1 && is_demonym(text) {
        return NameClass::NotAName;
    }
    NameClass::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nationality_adjectives() {
        for w in [
            "Russian",
            "Syrian",
            "Ukrainian",
            "Turkish",
            "Canadians",
            "American",
            "Western",
        ] {
            assert!(is_demonym(w) || is_not_name(w), "{w}");
        }
        for w in ["Rudskoi", "Brian", "Martin", "Christian"] {
            assert!(!is_demonym(w) || w == "Christian", "{w}");
        }
        // Places whose names end as adjectives do (-i) are not adjectives of themselves.
        for w in [
            "Mali", "Malawi", "Haiti", "Fiji", "Brunei", "Hawaii", "Missouri",
        ] {
            assert!(!is_demonym(w), "{w}");
        }
        for w in ["Israeli", "Kuwaiti", "Pakistani", "Haitian", "Malian"] {
            assert!(is_demonym(w), "{w}");
        }
    }

    #[test]
    fn cue_words() {
        let c = |t: &str, next: Option<&str>| {
            let words: Vec<&str> = t.split(' ').collect();
            classify_name(t, &words, next, false)
        };
        assert_eq!(c("University of Lisbon", None), NameClass::Org);
        assert_eq!(c("Alberta Health Services", None), NameClass::Org);
        assert_eq!(
            c("Castello Road", None),
            NameClass::Place {
                include_trailer: false
            }
        );
        assert_eq!(
            c("Omar bin Khatab", Some("mosque")),
            NameClass::Place {
                include_trailer: true
            }
        );
        assert_eq!(c("Jabhat al-Nusra", Some("grouping")), NameClass::Org);
        assert_eq!(
            c("Fort Vermilion", None),
            NameClass::Place {
                include_trailer: false
            }
        );
        assert_eq!(
            c("Aleppo", None),
            NameClass::Place {
                include_trailer: false
            }
        );
        assert_eq!(c("Sergey Rudskoi", None), NameClass::Unknown);
        assert_eq!(classify_name("FBI", &["FBI"], None, true), NameClass::Org);
    }
}
