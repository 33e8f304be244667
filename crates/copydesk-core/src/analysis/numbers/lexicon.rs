//! The words the number rules know: number words, scales, currencies, units, time words,
//! and the small function words that decide what a number is doing. All lookups are
//! ASCII-case-insensitive.

use std::sync::LazyLock;

pub use crate::analysis::words::Lower;
use crate::analysis::words::WordList;

type WordSet = LazyLock<WordList>;

/// A set of lower-case words, built once.
macro_rules! words {
    ($($w:expr),* $(,)?) => {
        LazyLock::new(|| WordList::new(&[$($w),*]))
    };
}

/// ASCII-case-insensitive membership without allocating.
fn among(word: &str, set: &WordSet) -> bool {
    set.contains(word)
}

/// `two` … `nineteen` (and `one`, `zero`), with their values.
pub(crate) fn small_number(word: &str) -> Option<f64> {
    crate::analysis::words::unit_value(word).map(f64::from)
}

static NUMBER_START_WORDS: WordSet = words![
    "a",
    "an",
    "double",
    "doubled",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "half",
    "halved",
    "nine",
    "nineteen",
    "ninety",
    "one",
    "quadruple",
    "quadrupled",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "thirteen",
    "thirty",
    "three",
    "triple",
    "tripled",
    "twelve",
    "twenty",
    "twice",
    "two",
    "zero"
];

/// Words that can open a number written in words (`three`, `a dozen`, `half`, `doubled`).
pub(crate) fn number_start(word: &str) -> bool {
    among(word, &NUMBER_START_WORDS)
}

/// `twenty` … `ninety`.
pub(crate) fn tens(word: &str) -> Option<f64> {
    crate::analysis::words::tens_value(word).map(f64::from)
}

/// A word number on its own: `seven`, `twenty`.
pub(crate) fn cardinal(word: &str) -> Option<f64> {
    small_number(word).or_else(|| tens(word))
}

/// Multipliers written after a number: `hundred`, `thousand`, `million`, `bn`.
pub(crate) fn scale(word: &str) -> Option<f64> {
    let lower = Lower::<8>::new(word)?;
    Some(match lower.as_str() {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" => 1e12,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// `half` … and the denominators of `a third`, `a quarter`, `two-thirds`.
pub(crate) fn fraction_word(word: &str) -> Option<f64> {
    let lower = Lower::<8>::new(word)?;
    Some(match lower.as_str() {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

pub(crate) fn currency_symbol(s: &str) -> bool {
    matches!(s, "$" | "€" | "£" | "¥" | "₹" | "₽" | "₴" | "₩" | "₺" | "₦")
}

/// ISO codes written before or after an amount (`USD 5`, `5 million euros`).
pub(crate) fn currency_word(word: &str) -> bool {
    among(word, &CURRENCY_WORD_WORDS) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// Currency names after an amount. `pounds` is left out: it is as often a weight.
pub(crate) fn currency_name(word: &str) -> bool {
    among(word, &CURRENCY_NAME_WORDS)
}

/// Units of measurement written as separate words after a number.
pub fn unit(word: &str) -> bool {
    among(word, &UNIT_WORDS)
}

/// Units glued to the digits: `90mph`, `5km`, `3bn`.
pub(crate) fn glued_unit(word: &str) -> bool {
    among(word, &GLUED_UNIT_WORDS)
}

/// Time spans: a number of these is a duration.
pub(crate) fn time_unit(word: &str) -> bool {
    among(word, &TIME_UNIT_WORDS)
}

/// Words after a duration that make it part of a date phrase (`three weeks ago`).
pub(crate) fn after_duration_in_date(word: &str) -> bool {
    among(word, &AFTER_DURATION_IN_DATE_WORDS)
}

/// Words before a duration that make it part of a date phrase (`in the past two years`).
pub(crate) fn before_duration_in_date(word: &str) -> bool {
    among(word, &BEFORE_DURATION_IN_DATE_WORDS)
}

pub fn month(word: &str) -> bool {
    crate::analysis::words::month(word).is_some()
        && word.chars().next().is_some_and(char::is_uppercase)
}

pub fn weekday(word: &str) -> bool {
    crate::analysis::words::weekday(word).is_some()
}

/// Words after a number that make it a clock time.
pub(crate) fn time_marker(word: &str) -> bool {
    among(word, &TIME_MARKER_WORDS)
}

/// Words right before a number that make it a label, not a quantity (`Route 9`, `No. 5`,
/// `Resolution 2254`, `section 3`).
pub(crate) fn identifier_prefix(word: &str) -> bool {
    among(word, &IDENTIFIER_PREFIX_WORDS)
}

/// Street words that end an address (`1600 Pennsylvania Avenue`).
pub(crate) fn street_suffix(word: &str) -> bool {
    among(word, &STREET_SUFFIX_WORDS)
}

/// Words that can stand capitalized right before a number at the start of a sentence
/// without being part of a name (`About 40%`, `Nearly 60 percent`, `Some 300 people`).
pub(crate) fn plain_word_before_number(word: &str) -> bool {
    among(word, &PLAIN_WORD_BEFORE_NUMBER_WORDS)
}

/// Qualifiers written before a figure (`about`, `more than`, `at least`); the claim span
/// includes them. Returns how many words the qualifier takes when it ends at `words`'
/// last element.
pub(crate) fn qualifier_len(words: &[&str]) -> usize {
    const PHRASES: [&[&str]; 36] = [
        &["as", "many", "as"],
        &["as", "much", "as"],
        &["as", "few", "as"],
        &["as", "little", "as"],
        &["in", "excess", "of"],
        &["more", "than"],
        &["less", "than"],
        &["fewer", "than"],
        &["at", "least"],
        &["at", "most"],
        &["up", "to"],
        &["close", "to"],
        &["upwards", "of"],
        &["upward", "of"],
        &["an", "estimated"],
        &["just", "over"],
        &["just", "under"],
        &["well", "over"],
        &["just", "about"],
        &["a", "further"],
        &["no", "more", "than"],
        &["no", "fewer", "than"],
        &["about"],
        &["around"],
        &["roughly"],
        &["nearly"],
        &["almost"],
        &["approximately"],
        &["some"],
        &["over"],
        &["under"],
        &["exactly"],
        &["precisely"],
        &["only"],
        &["another"],
        &["estimated"],
    ];
    PHRASES
        .iter()
        .filter(|p| {
            p.len() <= words.len()
                && p.iter()
                    .zip(&words[words.len() - p.len()..])
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
        .map(|p| p.len())
        .max()
        .unwrap_or(0)
}

/// Words that end a noun phrase after a number: function words, auxiliaries, prepositions.
pub(crate) fn stop_word(word: &str) -> bool {
    among(word, &STOP_WORD_WORDS)
}

/// Irregular plurals that head a counted noun phrase.
pub(crate) fn plural_noun(word: &str) -> bool {
    among(word, &PLURAL_NOUN_WORDS)
}

/// Nouns of a story's running tally: two different values of these in one draft are a
/// contradiction even without a shared verb (`64 victims` … `62 victims`).
pub(crate) fn tally_noun(word: &str) -> bool {
    among(word, &TALLY_NOUN_WORDS)
}

/// Legal charges: `all seven counts`, `three charges` are not figures to source.
pub(crate) fn charge_noun(word: &str) -> bool {
    among(word, &CHARGE_NOUN_WORDS)
}

/// Determiners that make a small number word refer back (`the two men`, `both three`).
pub(crate) fn referring_determiner(word: &str) -> bool {
    among(word, &REFERRING_DETERMINER_WORDS)
}

/// Words after a number that mark it as one more of something already counted.
pub(crate) fn relative_marker(word: &str) -> bool {
    among(word, &RELATIVE_MARKER_WORDS)
}

/// Words near a figure that mark a change over time: two different values are then
/// expected, not a contradiction.
pub(crate) fn change_word(word: &str) -> bool {
    among(word, &CHANGE_WORD_WORDS)
}

static CURRENCY_WORD_WORDS: WordSet = words![
    "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "RUB", "UAH", "INR", "TRY", "BRL",
    "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "NZD", "HKD",
];

static CURRENCY_NAME_WORDS: WordSet = words![
    "dollars", "dollar", "euros", "euro", "yen", "yuan", "rupees", "rubles", "roubles", "hryvnias",
    "hryvnia", "francs", "pesos", "cents", "lira", "reais", "rand", "sterling",
];

static UNIT_WORDS: WordSet = words![
    "mph",
    "kph",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "m",
    "centimetres",
    "centimeters",
    "centimetre",
    "centimeter",
    "cm",
    "millimetres",
    "millimeters",
    "mm",
    "inches",
    "inch",
    "feet",
    "foot",
    "ft",
    "yards",
    "yard",
    "tonnes",
    "tonne",
    "tons",
    "ton",
    "t",
    "kilograms",
    "kilogram",
    "kilos",
    "kg",
    "grams",
    "gram",
    "g",
    "pounds",
    "lbs",
    "lb",
    "ounces",
    "oz",
    "litres",
    "liters",
    "litre",
    "liter",
    "gallons",
    "gallon",
    "barrels",
    "bpd",
    "acres",
    "acre",
    "hectares",
    "hectare",
    "ha",
    "degrees",
    "knots",
    "megawatts",
    "mw",
    "gigawatts",
    "gw",
    "kilowatts",
    "kw",
    "kwh",
    "mwh",
    "twh",
    "calories",
    "volts",
    "watts",
    "bushels",
    "points",
    "votes",
    "°",
];

static GLUED_UNIT_WORDS: WordSet = words![
    "mph", "kph", "km", "kmh", "m", "cm", "mm", "ft", "kg", "g", "t", "lb", "lbs", "mw", "gw",
    "kw", "kwh", "mwh", "ha", "bn", "mn", "tn", "k", "l", "ml", "oz", "mi",
];

static TIME_UNIT_WORDS: WordSet = words![
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "night",
    "nights",
    "weekend",
    "weekends",
    "fortnight",
    "fortnights",
    "season",
    "seasons",
    "term",
    "terms",
];

static AFTER_DURATION_IN_DATE_WORDS: WordSet = words![
    "ago",
    "later",
    "earlier",
    "before",
    "after",
    "afterward",
    "afterwards",
    "prior",
    "hence",
    "early",
    "late",
    "into",
    "from",
    "old",
    "running",
    "apart",
    "away",
    "beforehand",
];

static BEFORE_DURATION_IN_DATE_WORDS: WordSet = words![
    "past",
    "last",
    "next",
    "previous",
    "coming",
    "first",
    "final",
    "within",
    "in",
    "recent",
    "preceding",
    "following",
    "ensuing",
];

static TIME_MARKER_WORDS: WordSet = words![
    "am",
    "pm",
    "GMT",
    "UTC",
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "PT",
    "PST",
    "PDT",
    "BST",
    "CET",
    "CEST",
    "MSK",
    "hrs",
    "o'clock",
    "o’clock",
    "h",
];

static IDENTIFIER_PREFIX_WORDS: WordSet = words![
    "route",
    "highway",
    "interstate",
    "motorway",
    "road",
    "street",
    "avenue",
    "room",
    "suite",
    "apartment",
    "apt",
    "flat",
    "unit",
    "flight",
    "gate",
    "terminal",
    "platform",
    "exit",
    "pier",
    "berth",
    "lane",
    "track",
    "channel",
    "page",
    "pages",
    "p",
    "pp",
    "no",
    "nos",
    "number",
    "resolution",
    "article",
    "articles",
    "section",
    "sections",
    "sec",
    "chapter",
    "bill",
    "act",
    "amendment",
    "rule",
    "clause",
    "paragraph",
    "para",
    "item",
    "schedule",
    "exhibit",
    "appendix",
    "annex",
    "figure",
    "fig",
    "table",
    "volume",
    "vol",
    "issue",
    "edition",
    "episode",
    "season",
    "series",
    "part",
    "phase",
    "stage",
    "level",
    "tier",
    "category",
    "cat",
    "grade",
    "class",
    "type",
    "model",
    "version",
    "v",
    "mark",
    "mk",
    "size",
    "ward",
    "district",
    "precinct",
    "zone",
    "sector",
    "block",
    "lot",
    "plot",
    "box",
    "bus",
    "train",
    "line",
    "seat",
    "row",
    "case",
    "docket",
    "count",
    "counts",
    "proposition",
    "prop",
    "measure",
    "question",
    "form",
    "code",
    "game",
    "round",
    "week",
    "day",
    "act",
    "scene",
    "verse",
    "psalm",
    "op",
    "opus",
    "division",
    "corps",
    "brigade",
    "battalion",
    "regiment",
    "squadron",
    "fleet",
    "army",
    "floor",
    "level",
    "wing",
    "bay",
    "hangar",
    "dock",
    "quay",
    "slot",
    "booth",
    "stall",
    "court",
    "courtroom",
    "pavilion",
    "hall",
    "building",
    "tower",
    "grid",
    "station",
    "stop",
    "ticket",
    "account",
    "order",
    "patent",
    "reference",
    "ref",
    "id",
    "serial",
    "pin",
    "extension",
    "ext",
    "tel",
    "phone",
    "fax",
    "po",
    "covid",
    "windows",
    "iphone",
    "galaxy",
    "boeing",
    "airbus",
    "apollo",
    "top",
];

static STREET_SUFFIX_WORDS: WordSet = words![
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Way",
    "Place",
    "Pl",
    "Court",
    "Ct",
    "Square",
    "Sq",
    "Terrace",
    "Highway",
    "Hwy",
    "Parkway",
    "Pkwy",
    "Circle",
    "Plaza",
    "Crescent",
    "Close",
    "Row",
    "Quay",
    "Wharf",
    "Embankment",
    "Alley",
    "Trail",
    "Pike",
    "Strasse",
    "Rue",
    "Calle",
];

static PLAIN_WORD_BEFORE_NUMBER_WORDS: WordSet = words![
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "some",
    "over",
    "under",
    "more",
    "less",
    "fewer",
    "at",
    "up",
    "only",
    "just",
    "another",
    "all",
    "exactly",
    "fully",
    "precisely",
    "those",
    "these",
    "the",
    "of",
    "in",
    "on",
    "by",
    "for",
    "with",
    "to",
    "from",
    "and",
    "but",
    "or",
    "since",
    "than",
    "perhaps",
    "maybe",
    "still",
    "even",
    "each",
    "every",
    "after",
    "before",
    "between",
    "among",
    "an",
    "a",
    "barely",
    "merely",
    "while",
    "when",
    "as",
    "if",
    "then",
    "so",
    "yet",
    "also",
    "plus",
    "like",
    "until",
    "within",
    "through",
    "across",
    "per",
    "total",
    "only",
    "another",
    "nearly",
    "upwards",
    "upward",
    "below",
    "above",
    "beyond",
    "estimated",
    "reportedly",
    "officially",
    "exactly",
    "well",
    "nearly",
    "least",
    "most",
    "many",
    "much",
    "such",
    "both",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "we",
    "they",
    "it",
    "there",
    "here",
    "today",
    "now",
    "then",
    "last",
    "this",
    "that",
    "what",
    "which",
    "who",
    "another",
    "additional",
    "extra",
    "further",
];

static STOP_WORD_WORDS: WordSet = words![
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "to",
    "from",
    "with",
    "without",
    "than",
    "as",
    "since",
    "per",
    "into",
    "onto",
    "over",
    "under",
    "between",
    "among",
    "across",
    "through",
    "during",
    "before",
    "after",
    "until",
    "within",
    "about",
    "against",
    "near",
    "including",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "shall",
    "did",
    "do",
    "does",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "there",
    "here",
    "each",
    "every",
    "apiece",
    "also",
    "not",
    "all",
    "both",
    "so",
    "if",
    "then",
    "yet",
    "last",
    "next",
    "ago",
    "later",
    "earlier",
    "each",
    "year",
    "years",
    "now",
    "still",
    "already",
    "just",
    "only",
    "more",
    "less",
    "fewer",
    "most",
    "least",
    "said",
    "says",
    "say",
    "told",
    "according",
];

static PLURAL_NOUN_WORDS: WordSet = words![
    "people",
    "men",
    "women",
    "children",
    "police",
    "staff",
    "personnel",
    "cattle",
    "feet",
    "teeth",
    "mice",
    "geese",
    "sheep",
    "fish",
    "deer",
    "crew",
    "troops",
    "data",
    "media",
    "livestock",
    "aircraft",
    "offspring",
    "youth",
    "clergy",
];

static TALLY_NOUN_WORDS: WordSet = words![
    "victim",
    "victims",
    "death",
    "deaths",
    "fatality",
    "fatalities",
    "casualty",
    "casualties",
    "dead",
    "hostage",
    "hostages",
];

static CHARGE_NOUN_WORDS: WordSet = words![
    "count",
    "counts",
    "charge",
    "charges",
    "felony",
    "felonies",
    "misdemeanor",
    "misdemeanors",
    "misdemeanour",
    "misdemeanours",
    "offence",
    "offences",
    "offense",
    "offenses",
];

static REFERRING_DETERMINER_WORDS: WordSet = words![
    "the", "these", "those", "its", "their", "his", "her", "our", "your", "my", "both", "all",
    "other", "first", "last", "next", "every", "each", "whose",
];

static RELATIVE_MARKER_WORDS: WordSet = words![
    "more",
    "other",
    "additional",
    "extra",
    "further",
    "new",
    "fewer",
    "less",
    "others",
];

static CHANGE_WORD_WORDS: WordSet = words![
    "from",
    "previous",
    "previously",
    "earlier",
    "initially",
    "originally",
    "first",
    "now",
    "rose",
    "risen",
    "rising",
    "climbed",
    "increased",
    "grew",
    "fell",
    "dropped",
    "revised",
    "updated",
    "up",
    "down",
    "another",
    "more",
    "last",
    "later",
    "toll",
    "before",
    "since",
    "compared",
    "versus",
    "vs",
    "than",
];
