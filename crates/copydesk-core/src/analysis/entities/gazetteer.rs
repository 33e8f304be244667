//! The built-in gazetteer: countries, US states and other regions the news names often,
//! continents and the world's cities of 100,000 people or more (and capitals), with their
//! alternate and older spellings.
//!
//! Built from GeoNames data (CC BY 4.0) by `scripts/build-gazetteer.py`; embedded, and
//! parsed once on first use. Each place's facts (country, region, population, coordinates,
//! capital status: [`Facts`]) stay unparsed in the embedded text until a hover card or
//! `place-mismatch` asks for them: the table keeps only where each place's line starts.

use std::hash::BuildHasher;
use std::sync::LazyLock;

use hashbrown::HashTable;

use super::variants::fold;

/// Gazetteer keys are case-insensitive but keep accents: "Bush" is not the Egyptian town
/// "Būsh". Countries and regions are also found without their accents.
fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_key(&mut out, s);
    out
}

/// Appends [`key`]`(s)` to `out`.
fn push_key(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    out.extend(
        s.chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == '’' { '\'' } else { c }),
    );
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
    /// Where the place's line starts in the embedded data: its [`Facts`] are read from
    /// there when asked for.
    row: u32,
}

/// How a spelling stands to its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// The current name.
    Current,
    /// An alternate or older spelling (Kiev): a variant when the draft mixes them.
    Alternate,
    /// A short or longer form (US, Britain, Washington D.C.): another correct name, never a
    /// variant.
    Short,
}

/// Every spelling's key in one string and a hash table of indices into the entries: built
/// as the first draft is read, with few allocations and few fresh pages to write, where a
/// map of owned strings spent most of its time in both (docs/performance.md).
struct Gazetteer {
    /// The keys, one after another.
    keys: String,
    entries: Vec<Entry>,
    /// Indices into `entries`, by the hash of their key.
    table: HashTable<u32>,
    /// The longest key, in bytes.
    longest: usize,
}

struct Entry {
    /// Where its key stands in `Gazetteer::keys`.
    key: (u32, u32),
    place: Place,
    spelling: Spelling,
}

impl Gazetteer {
    fn key_of(&self, entry: &Entry) -> &str {
        let (start, end) = entry.key;
        self.keys.get(start as usize..end as usize).unwrap_or("")
    }

    fn find(&self, key: &str) -> Option<&Entry> {
        let i = self.table.find(hash(key), |&i| {
            self.key_of(&self.entries[i as usize]) == key
        })?;
        self.entries.get(*i as usize)
    }

    /// Enters the key just appended to `keys` (from byte `start` on) for `place`: a current
    /// name always wins over another place's alternate of the same spelling, among current
    /// names the first (countries before cities) wins, and among the others the first.
    fn enter(&mut self, start: usize, place: Place, spelling: Spelling) {
        let key = &self.keys[start..];
        let h = hash(key);
        let (keys, entries) = (&self.keys, &mut self.entries);
        let same = |i: &u32| {
            let (a, b) = entries[*i as usize].key;
            keys.get(a as usize..b as usize) == Some(key)
        };
        match self.table.find(h, same).copied() {
            Some(i) => {
                let entry = &mut self.entries[i as usize];
                if spelling == Spelling::Current && entry.spelling != Spelling::Current {
                    entry.place = place;
                    entry.spelling = Spelling::Current;
                }
                // The key is known: its new copy is not kept.
                self.keys.truncate(start);
            }
            None => {
                self.longest = self.longest.max(self.keys.len() - start);
                let i = self.entries.len() as u32;
                self.entries.push(Entry {
                    key: (start as u32, self.keys.len() as u32),
                    place,
                    spelling,
                });
                let (keys, entries) = (&self.keys, &self.entries);
                self.table.insert_unique(h, i, |&i| {
                    let (a, b) = entries[i as usize].key;
                    hash(&keys[a as usize..b as usize])
                });
            }
        }
    }
}

fn hash(key: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(key)
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(load);

fn load() -> Gazetteer {
    let mut gazetteer = Gazetteer {
        keys: String::with_capacity(DATA.len()),
        entries: Vec::with_capacity(32_000),
        table: HashTable::with_capacity(32_000),
        longest: 0,
    };
    let mut row = 0;
    for line in fields(DATA, b'\n') {
        let line_start = row;
        row += line.len() + 1;
        let mut cols = fields(line, b'\t');
        let (Some(kind), Some(name)) = (cols.next(), cols.next()) else {
            continue;
        };
        let kind = match kind {
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            "continent" => PlaceKind::Continent,
            _ => PlaceKind::City,
        };
        let place = Place {
            kind,
            name,
            row: line_start as u32,
        };
        let start = gazetteer.keys.len();
        push_key(&mut gazetteer.keys, name);
        let folded = (kind != PlaceKind::City)
            .then(|| fold(name))
            .filter(|f| *f != gazetteer.keys[start..]);
        gazetteer.enter(start, place, Spelling::Current);
        if let Some(folded) = folded {
            let start = gazetteer.keys.len();
            gazetteer.keys.push_str(&folded);
            gazetteer.enter(start, place, Spelling::Current);
        }
        for (col, spelling) in [
            (cols.next(), Spelling::Alternate),
            (cols.next(), Spelling::Short),
        ] {
            for alt in fields(col.unwrap_or(""), b'|').filter(|a| !a.is_empty()) {
                let start = gazetteer.keys.len();
                push_key(&mut gazetteer.keys, alt);
                let spelling = if spelling == Spelling::Alternate && longer_form(alt, name) {
                    Spelling::Short
                } else {
                    spelling
                };
                gazetteer.enter(start, place, spelling);
            }
        }
    }
    gazetteer
}

/// `alt` is `name` with more words (`Washington D.C.`, `Greater Melbourne`, `Gaza City`): a
/// longer form of the name, or the wider area it names, and as correct as the name, not
/// another spelling of it.
fn longer_form(alt: &str, name: &str) -> bool {
    alt.len() > name.len()
        && alt.match_indices(name).any(|(i, _)| {
            let before = alt[..i].chars().next_back();
            let after = alt[i + name.len()..].chars().next();
            before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
        })
}

/// The pieces of `text` between the bytes `separator` (an ASCII character), found with
/// `memchr`: splitting the data on characters took as long as building the table.
fn fields(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(separator, text.as_bytes()).chain([text.len()]);
    ends.filter_map(move |end| {
        // An ASCII separator always stands between two characters.
        let field = text.get(start..end);
        start = end + 1;
        field
    })
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
                .and_then(|k| gazetteer.find(k))
                .map(|e| (e.place, e.spelling));
        }
    }
    gazetteer.find(&key(name)).map(|e| (e.place, e.spelling))
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
pub(crate) fn ap_state(abbreviation: &str) -> Option<&'static str> {
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

/// True when two drafts that name a place `a` and `b` respectively spell one place two
/// ways (Kiev in one, Kyiv in the other). Stricter than [`alternate_spellings`], which
/// judges two spellings within one draft: across drafts nothing but the names ties them
/// together, and GeoNames lists, among a place's alternates, spellings that name other
/// things in English copy (Bala for Basel, Pets for Pécs, Von for Vaughan). So besides both
/// mapping to one place, with one of them an alternate, neither may name something else:
///
/// - the main name of another place: given by the table itself, since a spelling that is
///   one place's main name maps to that place, never to another's alternate (and the
///   builder drops alternates shared with another kept place);
/// - a city whose name is a common word ([`is_common_word`]: Nice, Reading);
/// - an alternate that is a given name or a word of the extractor's lists (Ben, Can), or a
///   spelling `data/lexicon/place-alternates-elsewhere.txt` names (a town too small for the
///   gazetteer, a word: Bala, Pets).
pub fn same_place_across_drafts(a: &str, b: &str) -> bool {
    let (Some((pa, sa)), Some((pb, sb))) = (lookup(a), lookup(b)) else {
        return false;
    };
    let one_place = pa.name == pb.name && pa.kind == pb.kind;
    one_place
        && key(a) != key(b)
        && sa != Spelling::Short
        && sb != Spelling::Short
        && (sa == Spelling::Alternate || sb == Spelling::Alternate)
        && !names_something_else(a, sa)
        && !names_something_else(b, sb)
}

/// Whether `name`, a spelling of a place, more likely names something else: see
/// [`same_place_across_drafts`].
fn names_something_else(name: &str, spelling: Spelling) -> bool {
    if is_common_word(name) {
        return true;
    }
    spelling == Spelling::Alternate
        && (super::lexicon::has_flag(super::lexicon::Flags::MAX, name)
            || ELSEWHERE.contains(key(name).as_str()))
}

/// `data/lexicon/place-alternates-elsewhere.txt`.
static ELSEWHERE: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::entries(crate::lexicon::lexicon_file!("place-alternates-elsewhere")).collect()
});

/// What the gazetteer knows of a place besides its names, read from its line when asked
/// for (`scripts/build-gazetteer.py` says what each column holds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Facts {
    /// The ISO code of its country (a country's own); empty for a continent or a region of
    /// several countries.
    pub country: &'static str,
    /// Its first-level region (the state of a US city), empty when the data names none.
    pub region: &'static str,
    pub population: Option<u64>,
    /// Latitude and longitude, in degrees.
    pub coordinates: Option<(f64, f64)>,
    /// A city's: the countries it is a capital of (ISO codes, ","); a country's: its
    /// capitals ("|").
    capital: &'static str,
    /// A city's: other countries with a town of its name or that the news also places it
    /// in (ISO codes, ","); a country's: its adjectives ("Syrian", "|").
    elsewhere: &'static str,
}

impl Facts {
    /// The countries a city is a capital of (ISO codes).
    pub fn capital_of(&self) -> impl Iterator<Item = &'static str> {
        self.capital.split(',').filter(|c| !c.is_empty())
    }

    /// A country's capitals, GeoNames' first.
    pub fn capitals(&self) -> impl Iterator<Item = &'static str> {
        self.capital.split('|').filter(|c| !c.is_empty())
    }

    /// The other countries a city's name places it in (ISO codes).
    pub fn elsewhere(&self) -> impl Iterator<Item = &'static str> {
        self.elsewhere.split(',').filter(|c| !c.is_empty())
    }

    /// A country's adjectives ("Syrian").
    pub fn adjectives(&self) -> impl Iterator<Item = &'static str> {
        self.elsewhere.split('|').filter(|c| !c.is_empty())
    }
}

/// The facts of `place`, read from its line of the embedded data.
pub fn facts(place: &Place) -> Facts {
    let line = DATA.get(place.row as usize..).unwrap_or("");
    let line = line.split('\n').next().unwrap_or("");
    let mut cols = line.split('\t').skip(4);
    let mut next = || cols.next().unwrap_or("");
    let (country, region, population, coordinates) = (next(), next(), next(), next());
    let coordinates = coordinates
        .split_once(',')
        .and_then(|(lat, lon)| Some((lat.parse::<f64>().ok()?, lon.parse::<f64>().ok()?)));
    Facts {
        country,
        region,
        population: population.parse().ok(),
        coordinates,
        capital: next(),
        elsewhere: next(),
    }
}

/// A place's alternate and older spellings, as the gazetteer lists them.
pub fn other_spellings(place: &Place) -> impl Iterator<Item = &'static str> {
    let line = DATA.get(place.row as usize..).unwrap_or("");
    let line = line.split('\n').next().unwrap_or("");
    line.split('\t')
        .nth(2)
        .unwrap_or("")
        .split('|')
        .filter(|a| !a.is_empty())
}

/// The countries, by ISO code, and each country's adjectives: read from the data on first
/// use (a hover card or `place-mismatch`), not at start-up.
struct Countries {
    by_code: rustc_hash::FxHashMap<&'static str, Place>,
    by_adjective: rustc_hash::FxHashMap<&'static str, Place>,
    /// The names of regions (Georgia the state beside Georgia the country).
    regions: rustc_hash::FxHashSet<&'static str>,
}

static COUNTRIES: LazyLock<Countries> = LazyLock::new(|| {
    let mut countries = Countries {
        by_code: Default::default(),
        by_adjective: Default::default(),
        regions: Default::default(),
    };
    let mut row = 0;
    for line in fields(DATA, b'\n') {
        let start = row;
        row += line.len() + 1;
        if let Some(rest) = line.strip_prefix("region\t") {
            countries
                .regions
                .insert(rest.split('\t').next().unwrap_or(""));
        }
        let Some(rest) = line.strip_prefix("country\t") else {
            continue;
        };
        let name = rest.split('\t').next().unwrap_or("");
        let place = Place {
            kind: PlaceKind::Country,
            name,
            row: start as u32,
        };
        let facts = facts(&place);
        if facts.country.is_empty() {
            continue;
        }
        countries.by_code.entry(facts.country).or_insert(place);
        for adjective in facts.adjectives() {
            countries.by_adjective.entry(adjective).or_insert(place);
        }
    }
    countries
});

/// The country of an ISO code ("SY" → Syria).
pub fn country(code: &str) -> Option<Place> {
    COUNTRIES.by_code.get(code).copied()
}

/// Whether a region has this name too (Georgia): a country so named may be the region.
pub fn names_a_region(name: &str) -> bool {
    COUNTRIES.regions.contains(name)
}

/// The country an adjective names ("Syrian" → Syria), as written (capitalized).
pub fn country_of_adjective(adjective: &str) -> Option<Place> {
    COUNTRIES.by_adjective.get(adjective).copied()
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
    }

    #[test]
    fn keeps_each_places_country_population_coordinates_and_capitals() {
        let (aleppo, _) = lookup("Aleppo").unwrap();
        let known = facts(&aleppo);
        assert_eq!(known.country, "SY");
        assert!(known.population.unwrap() > 1_000_000);
        let (lat, lon) = known.coordinates.unwrap();
        assert!((lat - 36.2).abs() < 0.1 && (lon - 37.16).abs() < 0.1);
        assert_eq!(known.capital_of().count(), 0);
        let (damascus, _) = lookup("Damascus").unwrap();
        assert_eq!(facts_capital(&damascus), vec!["SY"]);
        let syria = country("SY").unwrap();
        assert_eq!(syria.name, "Syria");
        assert_eq!(facts(&syria).capitals().next(), Some("Damascus"));
        assert_eq!(country_of_adjective("Syrian").unwrap().name, "Syria");
        let (houston, _) = lookup("Houston").unwrap();
        assert_eq!(facts(&houston).region, "Texas");
        // Valencia in Venezuela, Spain and elsewhere: one line, the others kept.
        let (valencia, _) = lookup("Valencia").unwrap();
        let elsewhere: Vec<_> = facts(&valencia).elsewhere().collect();
        assert!(elsewhere.contains(&"ES"), "{elsewhere:?}");
        assert!(other_spellings(&aleppo).any(|a| a == "Halab"));
    }

    fn facts_capital(place: &Place) -> Vec<&'static str> {
        facts(place).capital_of().collect()
    }

    #[test]
    fn across_drafts_only_spellings_that_name_nothing_else_are_one_place() {
        assert!(same_place_across_drafts("Kiev", "Kyiv"));
        assert!(same_place_across_drafts("Bombay", "Mumbai"));
        assert!(same_place_across_drafts("Basle", "Basel"));
        // Alternates of one place in the table, but other places or words in English copy.
        for (a, b) in [
            ("Bala", "Basel"),
            ("Pets", "Pécs"),
            ("Pech", "Pécs"),
            ("Von", "Vaughan"),
            ("Alley", "Aley"),
        ] {
            assert!(
                alternate_spellings(a, b),
                "{a}/{b}: alternates in the table"
            );
            assert!(!same_place_across_drafts(a, b), "{a}/{b}");
            assert!(!same_place_across_drafts(b, a), "{b}/{a}");
        }
        // Short forms and two places are never one place's two spellings.
        assert!(!same_place_across_drafts("US", "United States"));
        assert!(!same_place_across_drafts("Kyiv", "Lviv"));
        assert_eq!(ap_state("N.M."), Some("New Mexico"));
        assert_eq!(ap_state("Mo"), None);
    }
}
