//! The built-in gazetteer: countries, US states and other regions the news names often,
//! continents and the world's cities of 100,000 people or more (and capitals), with their
//! alternate and older spellings.
//!
//! Built from GeoNames data (CC BY 4.0) by `scripts/build-gazetteer.py`; embedded, and
//! parsed once on first use.

use std::sync::LazyLock;

use super::lexicon::HashMap;

use super::variants::fold;

/// Gazetteer keys are case-insensitive but keep accents: "Bush" is not the Egyptian town
/// "Būsh". Countries and regions are also found without their accents.
fn key(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

const DATA: &str = include_str!("../../../data/gazetteer.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
    Continent,
}

#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub kind: PlaceKind,
    /// The current spelling (Kyiv).
    pub name: &'static str,
}

/// How a spelling stands to its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// The current name.
    Current,
    /// An alternate or older spelling (Kiev): a variant when the draft mixes them.
    Alternate,
    /// A short form (US, Britain): another correct name, never a variant.
    Short,
}

struct Gazetteer {
    /// Folded spelling → (place, how the spelling stands to it).
    by_name: HashMap<String, (Place, Spelling)>,
    /// The longest key, in bytes.
    longest: usize,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(load);

fn load() -> Gazetteer {
    let mut by_name = HashMap::with_capacity_and_hasher(60_000, Default::default());
    for line in DATA.lines() {
        let mut cols = line.split('\t');
        let (Some(kind), Some(name)) = (cols.next(), cols.next()) else {
            continue;
        };
        let kind = match kind {
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            "continent" => PlaceKind::Continent,
            _ => PlaceKind::City,
        };
        let place = Place { kind, name };
        // A current name always wins over another place's alternate of the same spelling;
        // among current names the first (countries before cities) wins.
        let mut keys = vec![key(name)];
        if kind != PlaceKind::City && fold(name) != key(name) {
            keys.push(fold(name));
        }
        for k in keys {
            match by_name.get(&k) {
                Some((_, Spelling::Current)) => {}
                _ => {
                    by_name.insert(k, (place, Spelling::Current));
                }
            }
        }
        for (col, spelling) in [
            (cols.next(), Spelling::Alternate),
            (cols.next(), Spelling::Short),
        ] {
            for alt in col.unwrap_or("").split('|').filter(|a| !a.is_empty()) {
                by_name.entry(key(alt)).or_insert((place, spelling));
            }
        }
    }
    let longest = by_name.keys().map(String::len).max().unwrap_or(0);
    Gazetteer { by_name, longest }
}

/// Cities whose name is also a common English word: opening a sentence or a headline ("Man
/// charged in fire", "Nice try", "Reading the report"), the capital is no evidence of the
/// city. Elsewhere ("in Reading", "Mobile, Ala.") they are places like any other.
pub fn is_common_word(name: &str) -> bool {
    matches!(
        name,
        "Man"
            | "Male"
            | "Mobile"
            | "Reading"
            | "Nice"
            | "Split"
            | "Orange"
            | "Surprise"
            | "Tours"
            | "Van"
            | "Independence"
            | "Bath"
            | "Batman"
            | "Derby"
    )
}

/// The place a spelling names, case and accents aside ("KYIV", "Kiev", "U.S.").
pub fn lookup(name: &str) -> Option<(Place, Spelling)> {
    let gazetteer = &*GAZETTEER;
    if name.len() > gazetteer.longest {
        // Lowercasing keeps ASCII's length and never shrinks a name to less than a third;
        // nothing this long is known.
        if name.is_ascii() || name.len() > gazetteer.longest * 3 {
            return None;
        }
    } else if name.is_ascii() {
        // The common case, keyed on the stack.
        let mut buf = [0u8; STACK_KEY];
        if let Some(buf) = buf.get_mut(..name.len()) {
            buf.copy_from_slice(name.as_bytes());
            buf.make_ascii_lowercase();
            return std::str::from_utf8(buf)
                .ok()
                .and_then(|k| gazetteer.by_name.get(k).copied());
        }
    }
    gazetteer.by_name.get(&key(name)).copied()
}

/// The states as the AP abbreviates them in datelines (`ST. LOUIS, Mo.`), with the state
/// each stands for. Not spellings of the state (`Mo.` beside `Missouri` is house style, not
/// a variant), so kept apart from the gazetteer's names.
const AP_STATES: &[(&str, &str)] = &[
    ("Ala.", "Alabama"),
    ("Ariz.", "Arizona"),
    ("Ark.", "Arkansas"),
    ("Calif.", "California"),
    ("Colo.", "Colorado"),
    ("Conn.", "Connecticut"),
    ("Del.", "Delaware"),
    ("Fla.", "Florida"),
    ("Ga.", "Georgia"),
    ("Ill.", "Illinois"),
    ("Ind.", "Indiana"),
    ("Kan.", "Kansas"),
    ("Ky.", "Kentucky"),
    ("La.", "Louisiana"),
    ("Md.", "Maryland"),
    ("Mass.", "Massachusetts"),
    ("Mich.", "Michigan"),
    ("Minn.", "Minnesota"),
    ("Miss.", "Mississippi"),
    ("Mo.", "Missouri"),
    ("Mont.", "Montana"),
    ("Neb.", "Nebraska"),
    ("Nev.", "Nevada"),
    ("N.H.", "New Hampshire"),
    ("N.J.", "New Jersey"),
    ("N.M.", "New Mexico"),
    ("N.Y.", "New York"),
    ("N.C.", "North Carolina"),
    ("N.D.", "North Dakota"),
    ("Okla.", "Oklahoma"),
    ("Ore.", "Oregon"),
    ("Pa.", "Pennsylvania"),
    ("R.I.", "Rhode Island"),
    ("S.C.", "South Carolina"),
    ("S.D.", "South Dakota"),
    ("Tenn.", "Tennessee"),
    ("Vt.", "Vermont"),
    ("Va.", "Virginia"),
    ("Wash.", "Washington"),
    ("W.Va.", "West Virginia"),
    ("Wis.", "Wisconsin"),
    ("Wyo.", "Wyoming"),
];

/// The state an AP dateline abbreviation stands for (`Mo.` → Missouri), any case.
pub fn ap_state(abbreviation: &str) -> Option<&'static str> {
    AP_STATES
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(abbreviation))
        .map(|&(_, state)| state)
}

/// Names up to this many bytes are looked up without allocating.
const STACK_KEY: usize = 64;

/// True when `a` and `b` are two spellings of one place in which one is an alternate or older
/// spelling of the other (Kiev / Kyiv); short forms (US / United States) are not.
pub fn alternate_spellings(a: &str, b: &str) -> bool {
    match (lookup(a), lookup(b)) {
        (Some((pa, sa)), Some((pb, sb))) => {
            pa.name == pb.name
                && key(a) != key(b)
                && sa != Spelling::Short
                && sb != Spelling::Short
                && (sa == Spelling::Alternate || sb == Spelling::Alternate)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_current_alternate_and_short_names() {
        let (kyiv, s) = lookup("Kiev").unwrap();
        assert_eq!((kyiv.name, s), ("Kyiv", Spelling::Alternate));
        assert_eq!(lookup("KYIV").unwrap().1, Spelling::Current);
        assert_eq!(lookup("Aleppo").unwrap().0.kind, PlaceKind::City);
        assert_eq!(lookup("Syria").unwrap().0.kind, PlaceKind::Country);
        assert_eq!(lookup("U.S.").unwrap().0.name, "United States");
        assert!(lookup("Rudskoi").is_none());
        assert!(lookup("Bush").is_none(), "accents count for towns");
        assert!(alternate_spellings("Kiev", "Kyiv"));
        assert!(!alternate_spellings("US", "United States"));
        assert!(!alternate_spellings("Kyiv", "KYIV"));
        assert_eq!(ap_state("Mo."), Some("Missouri"));
        assert_eq!(ap_state("N.M."), Some("New Mexico"));
        assert_eq!(ap_state("Mo"), None);
    }
}
