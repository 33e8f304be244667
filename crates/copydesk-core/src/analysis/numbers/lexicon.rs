//! The words the number rules know: number words, scales, currencies, units, time words,
//! and the small function words that decide what a number is doing. All lookups are
//! ASCII-case-insensitive.

use std::sync::LazyLock;

pub use crate::analysis::words::Lower;
use crate::analysis::words::WordList;
use crate::lexicon::{self, lexicon_file};

type WordSet = LazyLock<WordList>;

/// The set of words in `data/lexicon/NAME.txt`, built once.
macro_rules! words {
    ($name:literal) => {
        LazyLock::new(|| WordList::new(&lexicon::entries(lexicon_file!($name)).collect::<Vec<_>>()))
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

/// `data/lexicon/number-starts.txt`.
static NUMBER_START_WORDS: WordSet = words!("number-starts");

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

/// `data/lexicon/number-currency-codes.txt`.
static CURRENCY_WORD_WORDS: WordSet = words!("number-currency-codes");

/// `data/lexicon/number-currency-names.txt`.
static CURRENCY_NAME_WORDS: WordSet = words!("number-currency-names");

/// `data/lexicon/number-units.txt`.
static UNIT_WORDS: WordSet = words!("number-units");

/// `data/lexicon/number-glued-units.txt`.
static GLUED_UNIT_WORDS: WordSet = words!("number-glued-units");

/// `data/lexicon/number-time-units.txt`.
static TIME_UNIT_WORDS: WordSet = words!("number-time-units");

/// `data/lexicon/number-after-duration-in-date.txt`.
static AFTER_DURATION_IN_DATE_WORDS: WordSet = words!("number-after-duration-in-date");

/// `data/lexicon/number-before-duration-in-date.txt`.
static BEFORE_DURATION_IN_DATE_WORDS: WordSet = words!("number-before-duration-in-date");

/// `data/lexicon/number-time-markers.txt`.
static TIME_MARKER_WORDS: WordSet = words!("number-time-markers");

/// `data/lexicon/number-identifier-prefixes.txt`.
static IDENTIFIER_PREFIX_WORDS: WordSet = words!("number-identifier-prefixes");

/// `data/lexicon/number-street-suffixes.txt`.
static STREET_SUFFIX_WORDS: WordSet = words!("number-street-suffixes");

/// `data/lexicon/number-plain-words-before.txt`.
static PLAIN_WORD_BEFORE_NUMBER_WORDS: WordSet = words!("number-plain-words-before");

/// `data/lexicon/number-stop-words.txt`.
static STOP_WORD_WORDS: WordSet = words!("number-stop-words");

/// `data/lexicon/number-plural-nouns.txt`.
static PLURAL_NOUN_WORDS: WordSet = words!("number-plural-nouns");

/// `data/lexicon/number-tally-nouns.txt`.
static TALLY_NOUN_WORDS: WordSet = words!("number-tally-nouns");

/// `data/lexicon/number-charge-nouns.txt`.
static CHARGE_NOUN_WORDS: WordSet = words!("number-charge-nouns");

/// `data/lexicon/number-referring-determiners.txt`.
static REFERRING_DETERMINER_WORDS: WordSet = words!("number-referring-determiners");

/// `data/lexicon/number-relative-markers.txt`.
static RELATIVE_MARKER_WORDS: WordSet = words!("number-relative-markers");

/// `data/lexicon/number-change-words.txt`.
static CHANGE_WORD_WORDS: WordSet = words!("number-change-words");
