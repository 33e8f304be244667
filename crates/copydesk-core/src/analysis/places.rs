//! What the draft states about its places, and what the gazetteer knows of them: the place
//! card of a hover ("Aleppo — city in Syria, pop. 2.1 million, 36.2°N 37.2°E") and the
//! country or capital status a sentence gives a city ("the Syrian city of Aleppo",
//! "Aleppo, a city in Syria", "Damascus, the capital of Syria", "Aleppo, Syria"), which
//! `checks/places.rs` compares with the gazetteer.
//!
//! Read after the entities, from a few words either side of each mention of a known city,
//! so the work is linear in the mentions. Only forms that say one thing are read: a
//! qualified capital ("the former capital", "the commercial capital"), an older spelling,
//! a region or state named instead of a country, and a comma that may be a list are left
//! alone.

use std::sync::LazyLock;

use regex::Regex;

use super::entities::gazetteer::{self, Place, PlaceKind, Spelling};
use super::entities::variants::fold;
use super::entities::MentionKind;
use super::Analysis;
use crate::draft::Span;

/// What a sentence says of a city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// That it is in this country (ISO code).
    In(&'static str),
    /// That it is the capital of this country (ISO code).
    CapitalOf(&'static str),
}

/// How the draft said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "the Syrian city of Aleppo", "the Syrian capital, Damascus".
    Adjective,
    /// "Aleppo, a city in Syria".
    CityIn,
    /// "Damascus, the capital of Syria", "Damascus, the Syrian capital".
    CapitalOf,
    /// "Aleppo, Syria".
    Comma,
}

/// One statement of a city's country or capital status.
#[derive(Debug, Clone)]
pub struct Statement {
    /// The city's mention.
    pub place: Span,
    /// The gazetteer's entry for it.
    pub city: Place,
    /// The words that name the country ("Syrian", "Syria").
    pub country: Span,
    pub claim: Claim,
    pub form: Form,
}

/// Directions and other words that may stand before the adjective or the country without
/// changing what is said: "the northern Syrian city of", "a town in eastern Syria".
const DIRECTIONS: &str = r"(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeastern|northwestern|southeastern|southwestern|northeast|northwest|southeast|southwest)";

/// A capitalized run that may name a country ("Syria", "United States", "Bosnia and
/// Herzegovina", "U.S.").
const RUN: &str =
    r"([A-Z][A-Za-zÀ-ÿ.'’-]*(?:\s(?:and\s|of\s|of\sthe\s|the\s)?[A-Z][A-Za-zÀ-ÿ.'’-]*){0,4})";

/// "the Syrian city of " / "the northern Syrian port city of " / "the Syrian capital, "
/// right before the name.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s(“‘«])[Tt]he\s((?:[a-z-]+\s){0,2})([A-Z][A-Za-zÀ-ÿ.]*(?:\s[A-Z][A-Za-zÀ-ÿ]*)?)\s(?:(?:port|border|coastal|industrial|northern|southern|eastern|western|central|southwestern|northeastern|northwestern|southeastern|holy|ancient|historic|oil|desert|mountain|frontier|river|garrison|market|rebel-held|besieged|embattled|key|strategic)\s){0,2}(city|town|village|port|capital)(?:\sof|,)?\s+$",
    )
    .expect("pattern")
});

/// ", a city in Syria" / ", a town in northern Syria" right after the name.
static CITY_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^,\s(?:a|an)\s(?:[a-z-]+\s){{0,2}}?(?:city|town|village|port|suburb|municipality)\s(?:in|of)\s(?:(?:the\s)?{DIRECTIONS}\s(?:of\s)?)?{RUN}"
    ))
    .expect("pattern")
});

/// ", the capital of Syria" right after the name.
static CAPITAL_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^,\s(?:the\s)?capital\s(?:city\s)?of\s{RUN}")).expect("pattern")
});

/// ", the Syrian capital" right after the name.
static ADJECTIVE_CAPITAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,\sthe\s([A-Z][A-Za-zÀ-ÿ.]*(?:\s[A-Z][A-Za-zÀ-ÿ]*)?)\scapital(?:[^A-Za-z]|$)")
        .expect("pattern")
});

/// Words before an adjective that make the statement about another time or another sense:
/// "the former Syrian capital", "the then-Yugoslav city".
const QUALIFIERS: &[&str] = &[
    "former",
    "then",
    "then-",
    "once",
    "old",
    "onetime",
    "one-time",
    "erstwhile",
    "ex-",
    "de",
    "facto",
    "provisional",
    "temporary",
    "future",
    "new",
    "proposed",
    "second",
    "largest",
    "biggest",
    "commercial",
    "economic",
    "financial",
    "cultural",
    "spiritual",
    "religious",
    "administrative",
    "de-facto",
    "self-declared",
    "self-proclaimed",
    "would-be",
    "historical",
    "imperial",
    "royal",
    "colonial",
];

/// Every statement of a city's country or capital status the draft makes.
pub fn statements(analysis: &Analysis) -> Vec<Statement> {
    let prose = analysis.draft.prose.as_str();
    let mut out = Vec::new();
    // Every entity's names, not only places': a city the extractor took for an
    // organization or a person in one sentence is still a city to the gazetteer (on the
    // injected stories, places alone found 129 of 141 misstatements, every entity 139).
    for entity in &analysis.entities {
        for m in entity
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
        {
            let Some(text) = prose.get(m.span.clone()) else {
                continue;
            };
            // An older or other spelling may be the name of its time ("Danzig, Germany"):
            // only the current name is compared.
            let Some((city, Spelling::Current)) = gazetteer::lookup(text) else {
                continue;
            };
            if city.kind != PlaceKind::City || gazetteer::is_common_word(city.name) {
                continue;
            }
            read_before(prose, &m.span, city, &mut out);
            read_after(prose, &m.span, city, &mut out);
        }
    }
    out.sort_by_key(|s| (s.place.start, s.country.start));
    out.dedup_by(|a, b| a.place == b.place && a.country == b.country);
    out
}

fn read_before(prose: &str, place: &Span, city: Place, out: &mut Vec<Statement>) {
    let (start, window) = super::facts::window_before(prose, place.start, 90);
    // Most names stand after no such phrase: the pattern is asked only when its noun ends
    // the words before the name, so a draft that has none never builds it.
    let tail = window.trim_end();
    let tail = tail
        .strip_suffix(" of")
        .or_else(|| tail.strip_suffix(','))
        .unwrap_or(tail);
    if !["city", "town", "village", "port", "capital"]
        .iter()
        .any(|noun| tail.ends_with(noun))
    {
        return;
    }
    let Some(c) = BEFORE.captures(window) else {
        return;
    };
    let (Some(words), Some(adjective), Some(noun)) = (c.get(1), c.get(2), c.get(3)) else {
        return;
    };
    if words
        .as_str()
        .split_whitespace()
        .any(|w| QUALIFIERS.contains(&w) || w.starts_with("then-") || w.starts_with("ex-"))
    {
        return;
    }
    let Some(country) = gazetteer::country_of_adjective(adjective.as_str()) else {
        return;
    };
    let code = gazetteer::facts(&country).country;
    let claim = match noun.as_str() {
        "capital" => Claim::CapitalOf(code),
        _ => Claim::In(code),
    };
    out.push(Statement {
        place: place.clone(),
        city,
        country: start + adjective.start()..start + adjective.end(),
        claim,
        form: Form::Adjective,
    });
}

fn read_after(prose: &str, place: &Span, city: Place, out: &mut Vec<Statement>) {
    let end = super::facts::floor_boundary(prose, place.end + 120);
    let Some(window) = prose.get(place.end..end) else {
        return;
    };
    // Only what the sentence says: a window cut at a paragraph break.
    let window = window.split("\n\n").next().unwrap_or("");
    let at = |m: regex::Match| place.end + m.start()..place.end + m.end();
    let opening = |prefixes: &[&str]| prefixes.iter().any(|p| window.starts_with(p));
    let capital_of = opening(&[", the capital ", ", capital "]);
    if let Some(c) = capital_of.then(|| CAPITAL_OF.captures(window)).flatten() {
        if let Some((code, span)) = country_in_run(window, c.get(1).map(|m| m.range()), false) {
            out.push(Statement {
                place: place.clone(),
                city,
                country: place.end + span.start..place.end + span.end,
                claim: Claim::CapitalOf(code),
                form: Form::CapitalOf,
            });
        }
        return;
    }
    let adjective_capital = opening(&[", the "])
        && window
            .get(..window.len().min(40))
            .is_some_and(|w| w.contains(" capital"));
    if let Some(c) = adjective_capital
        .then(|| ADJECTIVE_CAPITAL.captures(window))
        .flatten()
    {
        let (Some(whole), Some(adjective)) = (c.get(0), c.get(1)) else {
            return;
        };
        // "the French capital of gastronomy" is another sense of the word.
        if window[whole.end()..].trim_start().starts_with("of ") {
            return;
        }
        if let Some(country) = gazetteer::country_of_adjective(adjective.as_str()) {
            out.push(Statement {
                place: place.clone(),
                city,
                country: at(adjective),
                claim: Claim::CapitalOf(gazetteer::facts(&country).country),
                form: Form::CapitalOf,
            });
        }
        return;
    }
    let city_in = opening(&[", a ", ", an "]);
    if let Some(c) = city_in.then(|| CITY_IN.captures(window)).flatten() {
        if let Some((code, span)) = country_in_run(window, c.get(1).map(|m| m.range()), false) {
            out.push(Statement {
                place: place.clone(),
                city,
                country: place.end + span.start..place.end + span.end,
                claim: Claim::In(code),
                form: Form::CityIn,
            });
        }
        return;
    }
    if let Some(after) = window.strip_prefix(", ") {
        if !after.starts_with(|c: char| c.is_ascii_uppercase()) || comma_may_be_a_list(prose, place)
        {
            return;
        }
        if let Some((code, span)) = country_in_run(window, Some(capitalized_run(window, 2)), true) {
            out.push(Statement {
                place: place.clone(),
                city,
                country: place.end + span.start..place.end + span.end,
                claim: Claim::In(code),
                form: Form::Comma,
            });
        }
    }
}

/// The country a capitalized run opens with, its longest name first, and the span of its
/// words in `window`. With `alone`, the country must end the phrase (punctuation, a dash, the
/// end of the line, or a lowercase word that is not "and" or "or" and does not make it the
/// subject of a verb): "in Aleppo, Syria, on Monday", not "Paris, Jordan and Chad" nor "In
/// Geneva, Iran agreed".
fn country_in_run(window: &str, run: Option<Span>, alone: bool) -> Option<(&'static str, Span)> {
    let run = run?;
    let words: Vec<(usize, &str)> = window
        .get(run.clone())?
        .split(' ')
        .scan(run.start, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .collect();
    for k in (1..=words.len()).rev() {
        let (first, _) = words[0];
        let (last_at, last) = words[k - 1];
        let mut text = &window[first..last_at + last.len()];
        let possessive = text.ends_with("'s") || text.ends_with("’s");
        if possessive {
            text = &text[..text.len() - if text.ends_with("'s") { 2 } else { 4 }];
        }
        // A sentence's full stop after a country is not part of its name ("Syria.").
        let mut trimmed = text.trim_end_matches([',', ';', ':']);
        if gazetteer::lookup(trimmed).is_none() {
            trimmed = trimmed.trim_end_matches('.');
        }
        let Some((country, spelling)) = gazetteer::lookup(trimmed) else {
            continue;
        };
        if country.kind != PlaceKind::Country || spelling == Spelling::Alternate {
            return None;
        }
        let end = first + trimmed.len();
        if gazetteer::names_a_region(country.name) {
            return None;
        }
        if alone && (possessive || !ends_the_phrase(&window[end..])) {
            return None;
        }
        let code = gazetteer::facts(&country).country;
        return (!code.is_empty()).then_some((code, first..end));
    }
    None
}

/// The capitalized run that starts at byte `from` of `window` ("United States", "Bosnia
/// and Herzegovina"): up to five capitalized words, with "and", "of" and "the" between.
fn capitalized_run(window: &str, from: usize) -> Span {
    let mut end = from;
    let mut at = from;
    let mut words = 0;
    while words < 5 {
        let rest = window.get(at..).unwrap_or("");
        let word_len = rest
            .find(|c: char| !(c.is_alphabetic() || ".'’-".contains(c)))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.starts_with(|c: char| c.is_ascii_uppercase()) {
            end = at + word_len;
            words += 1;
        } else if !(words > 0 && matches!(word, "and" | "of" | "the")) {
            break;
        }
        if word_len == 0 || !rest[word_len..].starts_with(' ') {
            break;
        }
        at += word_len + 1;
    }
    from..end
}

/// Whether the text after a country ends the place's phrase: see [`country_in_run`].
fn ends_the_phrase(rest: &str) -> bool {
    if rest.starts_with(['.', '!', '?']) {
        return true;
    }
    let rest = rest.trim_start_matches(' ');
    if rest.is_empty() || rest.starts_with(['\n', ')', ';', ':', '—', '–', '"', '”', '’']) {
        return true;
    }
    if let Some(after) = rest.strip_prefix(',') {
        // "Aleppo, Syria, and Mosul" or "Aleppo, Syria, Iraq": a list goes on.
        let after = after.trim_start();
        let next = after.split_whitespace().next().unwrap_or("");
        let next = next.trim_end_matches([',', '.', ';']);
        return !(next == "and"
            || next == "or"
            || next.starts_with(char::is_uppercase) && gazetteer::lookup(next).is_some());
    }
    let next = rest.split_whitespace().next().unwrap_or("");
    matches!(
        next,
        "on" | "in"
            | "last"
            | "this"
            | "earlier"
            | "late"
            | "yesterday"
            | "today"
            | "where"
            | "when"
            | "after"
            | "before"
            | "during"
            | "since"
    )
}

/// Whether the comma after a name may be a list's: the name itself follows a comma, or
/// an "and"/"or", or a "between".
fn comma_may_be_a_list(prose: &str, place: &Span) -> bool {
    let (_, before) = super::facts::window_before(prose, place.start, 40);
    let before = before.trim_end();
    if before.ends_with([',', ';', '/', '&']) {
        return true;
    }
    let last = before.split_whitespace().next_back().unwrap_or("");
    matches!(
        last,
        "and" | "or" | "between" | "nor" | "versus" | "vs." | "to"
    ) && !before.ends_with("from")
}

/// The place card of a hover: what the gazetteer knows of the place an entity names, as
/// Markdown lines to add to the entity's card, or nothing when it knows none.
pub fn card(name: &str) -> Option<String> {
    let (place, _) = gazetteer::lookup(name)?;
    let facts = gazetteer::facts(&place);
    let country = gazetteer::country(facts.country);
    let country_name = country.map(|c| c.name).unwrap_or("");
    let mut what = match place.kind {
        PlaceKind::City => {
            let capital_here = facts.capital_of().any(|c| c == facts.country);
            let noun = if capital_here {
                "capital of"
            } else {
                "city in"
            };
            let mut within = String::new();
            if !facts.region.is_empty() {
                within.push_str(facts.region);
                within.push_str(", ");
            }
            within.push_str(country_name);
            format!("{noun} {within}")
        }
        PlaceKind::Country => {
            let mut s = String::from("country");
            if let Some(capital) = facts.capitals().next() {
                s.push_str(&format!(", capital {capital}"));
            }
            s
        }
        PlaceKind::Region if !country_name.is_empty() => format!("region of {country_name}"),
        PlaceKind::Region => "region".to_string(),
        PlaceKind::Continent => "continent".to_string(),
    };
    if let Some(p) = facts.population.filter(|&p| p > 0) {
        what.push_str(&format!(", pop. {}", population(p)));
    }
    if let Some((lat, lon)) = facts.coordinates {
        what.push_str(&format!(", {}", degrees(lat, lon)));
    }
    let mut md = format!("\n\n{} — {what}", place.name);
    let elsewhere: Vec<&str> = facts
        .elsewhere()
        .filter_map(|c| gazetteer::country(c).map(|p| p.name))
        .collect();
    if place.kind == PlaceKind::City && !elsewhere.is_empty() {
        md.push_str(&format!(
            "  \nAlso a place name in: {}.",
            elsewhere.join(", ")
        ));
    }
    let spellings: Vec<&str> = gazetteer::other_spellings(&place).collect();
    if !spellings.is_empty() {
        let shown = spellings.len().min(SPELLINGS_SHOWN);
        let mut list = spellings[..shown].join(", ");
        if spellings.len() > shown {
            list.push_str(&format!(" and {} more", spellings.len() - shown));
        }
        md.push_str(&format!("  \nOther spellings: {list}."));
    }
    if let Some((lat, lon)) = facts.coordinates {
        md.push_str(&format!(
            "  \n[Map](https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={zoom}/{lat}/{lon})",
            zoom = if place.kind == PlaceKind::City { 11 } else { 5 }
        ));
    }
    md.push_str("  \n(GeoNames)");
    Some(md)
}

/// How many of a place's other spellings its card lists.
const SPELLINGS_SHOWN: usize = 8;

/// "2.1 million", "840,000", "1.0 billion".
fn population(p: u64) -> String {
    if p >= 1_000_000_000 {
        format!("{:.1} billion", p as f64 / 1e9)
    } else if p >= 1_000_000 {
        format!("{:.1} million", p as f64 / 1e6)
    } else {
        let digits = p.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }
}

/// "36.2°N 37.2°E".
fn degrees(lat: f64, lon: f64) -> String {
    let ns = if lat < 0.0 { 'S' } else { 'N' };
    let ew = if lon < 0.0 { 'W' } else { 'E' };
    format!("{:.1}°{ns} {:.1}°{ew}", lat.abs(), lon.abs())
}

/// Whether two names are one place's, accents and case aside ("San Jose" / "San José").
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_says_what_and_where() {
        let card = card("Aleppo").unwrap();
        assert!(
            card.contains("Aleppo — city in Syria, pop. 2.1 million, 36.2°N 37.2°E"),
            "{card}"
        );
        assert!(card.contains("Alepo"), "{card}");
        assert!(
            card.contains("openstreetmap.org/?mlat=36.2&mlon=37.16"),
            "{card}"
        );
        let card = card_of("Damascus");
        assert!(card.contains("capital of Syria"), "{card}");
        let card = card_of("Houston");
        assert!(card.contains("city in Texas, United States"), "{card}");
        assert!(card.contains("°W"), "{card}");
        let card = card_of("Syria");
        assert!(card.contains("country, capital Damascus"), "{card}");
        assert!(card_of("Bavaria").contains("region of Germany"));
    }

    fn card_of(name: &str) -> String {
        card(name).unwrap_or_default()
    }

    #[test]
    fn population_reads_as_the_news_writes_it() {
        assert_eq!(population(2_098_210), "2.1 million");
        assert_eq!(population(840_512), "840,512");
        assert_eq!(population(1_031_833_000), "1.0 billion");
    }
}
