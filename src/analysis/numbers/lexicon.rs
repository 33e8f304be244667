//! The words the number rules know: number words, scales, currencies, units, time words,
//! and the small function words that decide what a number is doing. All lookups are
//! ASCII-case-insensitive.

fn among(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// `two` … `nineteen` (and `one`, `zero`), with their values.
pub fn small_number(word: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    SMALL
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|v| v as f64)
}

/// `twenty` … `ninety`.
pub fn tens(word: &str) -> Option<f64> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|v| (v as f64 + 2.0) * 10.0)
}

/// A word number on its own: `seven`, `twenty`.
pub fn cardinal(word: &str) -> Option<f64> {
    small_number(word).or_else(|| tens(word))
}

/// Multipliers written after a number: `hundred`, `thousand`, `million`, `bn`.
pub fn scale(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
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
pub fn fraction_word(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

pub fn currency_symbol(s: &str) -> bool {
    matches!(s, "$" | "€" | "£" | "¥" | "₹" | "₽" | "₴" | "₩" | "₺" | "₦")
}

/// ISO codes written before or after an amount (`USD 5`, `5 million euros`).
pub fn currency_word(word: &str) -> bool {
    among(
        word,
        &[
            "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "RUB", "UAH", "INR", "TRY",
            "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "NZD", "HKD",
        ],
    ) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// Currency names after an amount. `pounds` is left out: it is as often a weight.
pub fn currency_name(word: &str) -> bool {
    among(
        word,
        &[
            "dollars", "dollar", "euros", "euro", "yen", "yuan", "rupees", "rubles", "roubles",
            "hryvnias", "hryvnia", "francs", "pesos", "cents", "lira", "reais", "rand", "sterling",
        ],
    )
}

/// Units of measurement written as separate words after a number.
pub fn unit(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Units glued to the digits: `90mph`, `5km`, `3bn`.
pub fn glued_unit(word: &str) -> bool {
    among(
        word,
        &[
            "mph", "kph", "km", "kmh", "m", "cm", "mm", "ft", "kg", "g", "t", "lb", "lbs", "mw",
            "gw", "kw", "kwh", "mwh", "ha", "bn", "mn", "tn", "k", "l", "ml", "oz", "mi",
        ],
    )
}

/// Time spans: a number of these is a duration.
pub fn time_unit(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Words after a duration that make it part of a date phrase (`three weeks ago`).
pub fn after_duration_in_date(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Words before a duration that make it part of a date phrase (`in the past two years`).
pub fn before_duration_in_date(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

pub fn month(word: &str) -> bool {
    among(
        word,
        &[
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Sept",
            "Oct",
            "Nov",
            "Dec",
        ],
    ) && word.chars().next().is_some_and(char::is_uppercase)
}

pub fn weekday(word: &str) -> bool {
    among(
        word,
        &[
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
    )
}

/// Words after a number that make it a clock time.
pub fn time_marker(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Words right before a number that make it a label, not a quantity (`Route 9`, `No. 5`,
/// `Resolution 2254`, `section 3`).
pub fn identifier_prefix(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Street words that end an address (`1600 Pennsylvania Avenue`).
pub fn street_suffix(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Words that can stand capitalized right before a number at the start of a sentence
/// without being part of a name (`About 40%`, `Nearly 60 percent`, `Some 300 people`).
pub fn plain_word_before_number(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Qualifiers written before a figure (`about`, `more than`, `at least`); the claim span
/// includes them. Returns how many words the qualifier takes when it ends at `words`'
/// last element.
pub fn qualifier_len(words: &[&str]) -> usize {
    let last = |n: usize| -> Option<String> {
        (words.len() >= n).then(|| words[words.len() - n..].join(" ").to_ascii_lowercase())
    };
    const THREE: [&str; 6] = [
        "as many as",
        "as much as",
        "as few as",
        "as little as",
        "in excess of",
        "an estimated total",
    ];
    const TWO: [&str; 16] = [
        "more than",
        "less than",
        "fewer than",
        "at least",
        "at most",
        "up to",
        "close to",
        "upwards of",
        "upward of",
        "an estimated",
        "no more",
        "just over",
        "just under",
        "well over",
        "just about",
        "a further",
    ];
    const ONE: [&str; 14] = [
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
        "approximately",
        "some",
        "over",
        "under",
        "exactly",
        "precisely",
        "only",
        "another",
        "estimated",
    ];
    if last(3).is_some_and(|w| THREE.contains(&w.as_str())) {
        3
    } else if last(2).is_some_and(|w| TWO.contains(&w.as_str())) {
        2
    } else if last(1).is_some_and(|w| ONE.contains(&w.as_str())) {
        1
    } else {
        0
    }
}

/// Words that end a noun phrase after a number: function words, auxiliaries, prepositions.
pub fn stop_word(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Irregular plurals that head a counted noun phrase.
pub fn plural_noun(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Nouns of a story's running tally: two different values of these in one draft are a
/// contradiction even without a shared verb (`64 victims` … `62 victims`).
pub fn tally_noun(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Legal charges: `all seven counts`, `three charges` are not figures to source.
pub fn charge_noun(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}

/// Determiners that make a small number word refer back (`the two men`, `both three`).
pub fn referring_determiner(word: &str) -> bool {
    among(
        word,
        &[
            "the", "these", "those", "its", "their", "his", "her", "our", "your", "my", "both",
            "all", "other", "first", "last", "next", "every", "each", "whose",
        ],
    )
}

/// Words after a number that mark it as one more of something already counted.
pub fn relative_marker(word: &str) -> bool {
    among(
        word,
        &[
            "more",
            "other",
            "additional",
            "extra",
            "further",
            "new",
            "fewer",
            "less",
            "others",
        ],
    )
}

/// Words near a figure that mark a change over time: two different values are then
/// expected, not a contradiction.
pub fn change_word(word: &str) -> bool {
    among(
        word,
        &[
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
        ],
    )
}
