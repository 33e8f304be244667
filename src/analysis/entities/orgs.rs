//! Organizations and places by their own words: cue words (University of, Ministry,
//! Services, Road, mosque), acronyms (FBI, UN), the gazetteer, nationality adjectives.

use super::gazetteer;
use super::lexicon::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameClass {
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
pub fn is_demonym(word: &str) -> bool {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, bool>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if let Some(known) = SEEN.with(|s| s.borrow().get(word).copied()) {
        return known;
    }
    let answer = derive_demonym(word);
    SEEN.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() > 50_000 {
            s.clear();
        }
        s.insert(word.to_string(), answer);
    });
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
    for suffix in ["ian", "ean", "an", "ese", "ish", "i", "ic"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.chars().count() < 3 {
                continue;
            }
            // Russia-n, Syria-n, Ukrain(e)-ian, Canad(a)-ian, Turk(ey)-ish.
            for candidate in [
                format!("{stem}{}", &suffix[..suffix.len().min(1)]),
                stem.to_string(),
                format!("{stem}e"),
                format!("{stem}a"),
                format!("{stem}y"),
                format!("{stem}ey"),
                format!("{stem}o"),
            ] {
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
    }
    false
}

/// What a capitalized name is by its own words, and the lowercase word after it.
pub fn classify_name(text: &str, words: &[&str], next: Option<&str>, all_caps: bool) -> NameClass {
    let Some(last) = words.last() else {
        return NameClass::NotAName;
    };
    let next_lower = next.map(str::to_lowercase);
    if let Some(n) = next_lower.as_deref() {
        if next.is_some_and(|s| s.starts_with(char::is_lowercase)) {
            if let Some(include) = place_trailer(n) {
                if gazetteer::lookup(text).is_none() || include {
                    return NameClass::Place {
                        include_trailer: include,
                    };
                }
            }
            if is_org_trailer(n) && gazetteer::lookup(text).is_none() {
                return NameClass::Org;
            }
        }
    }
    if words.len() == 1 && all_caps {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if gazetteer::lookup(text).is_some() {
            return NameClass::Place {
                include_trailer: false,
            };
        }
        if is_not_name(text) || is_calendar(text) {
            return NameClass::NotAName;
        }
        return if (2..=5).contains(&letters) {
            NameClass::Org
        } else {
            NameClass::NotAName
        };
    }
    let org_first = is_org_opener(words[0]);
    let head_at = words.iter().position(|w| is_org_head(w));
    if is_place_head(last)
        && words.len() >= 2
        && head_at.is_none_or(|h| h == words.len() - 1)
        && !is_org_head(last)
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
    if is_place_head(last) && words.len() >= 2 {
        return NameClass::Place {
            include_trailer: false,
        };
    }
    if words.len() >= 2 && is_place_opener(words[0]) && !words.iter().any(|w| is_title_head(w)) {
        return NameClass::Place {
            include_trailer: false,
        };
    }
    if gazetteer::lookup(text).is_some() {
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
