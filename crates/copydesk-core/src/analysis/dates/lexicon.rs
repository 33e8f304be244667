//! The words of dates: month and weekday names, number words, and how dates are written out.

use crate::analysis::words;
use chrono::{Datelike, NaiveDate, Weekday};

pub(crate) use words::{month_name, weekday_name, MonthForm};

/// Proper nouns are capitalized: "March" is a month, "march" a verb, "may" a modal.
/// All capitals ("OCTOBER 13" in a dateline) count too.
fn capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The month named by a capitalized word: "October", "Oct", "Sept".
pub(crate) fn month(word: &str) -> Option<(u32, MonthForm)> {
    if !capitalized(word) {
        return None;
    }
    words::month(word)
}

/// Strips a possessive: "Sunday's" → "Sunday", "year’s" → "year".
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// The weekday named by a capitalized word: "Thursday", "Sunday's".
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let word = strip_possessive(word);
    if !capitalized(word) {
        return None;
    }
    words::weekday(word)
}

/// The abbreviations of weekday names: three letters ("Tue", "Thu"), and the longer forms
/// some newspapers use ("Tues", "Thurs").
const WEEKDAY_ABBREVIATIONS: [(&str, Weekday); 10] = [
    ("Mon", Weekday::Mon),
    ("Tue", Weekday::Tue),
    ("Tues", Weekday::Tue),
    ("Wed", Weekday::Wed),
    ("Thu", Weekday::Thu),
    ("Thur", Weekday::Thu),
    ("Thurs", Weekday::Thu),
    ("Fri", Weekday::Fri),
    ("Sat", Weekday::Sat),
    ("Sun", Weekday::Sun),
];

/// The weekday an abbreviation names, case aside but capitalized: "Tues", "WED". Read only
/// right before a calendar date ("Tues., Nov. 24"), where "Sun" and "Sat" can be nothing
/// else.
pub(crate) fn weekday_abbreviation(word: &str) -> Option<Weekday> {
    if !capitalized(word) {
        return None;
    }
    WEEKDAY_ABBREVIATIONS
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(word))
        .map(|&(_, day)| day)
}

/// `day` abbreviated as `like` abbreviates its own: "Wed" for "Tue", "Thurs" for "Tues"
/// (the three-letter forms, or the longer ones).
pub(crate) fn abbreviate_weekday_like(day: Weekday, like: &str) -> &'static str {
    let forms = WEEKDAY_ABBREVIATIONS.iter().filter(|&&(_, d)| d == day);
    let pick = if like.len() > 3 {
        forms.max_by_key(|(a, _)| a.len())
    } else {
        forms.min_by_key(|(a, _)| a.len())
    };
    pick.map_or("", |(a, _)| a)
}

/// "one" … "ninety-nine", "a"/"an" (one), as in "two days ago", "the past twenty-four hours".
pub(crate) fn number_word(word: &str) -> Option<u32> {
    if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
        return Some(1);
    }
    if let Some(u) = words::unit_value(word) {
        return Some(u);
    }
    let (tens, unit) = match word.split_once('-') {
        Some((t, u)) => (t, Some(u)),
        None => (word, None),
    };
    let tens = words::tens_value(tens)?;
    match unit {
        None => Some(tens),
        Some(u) => match words::unit_value(u)? {
            0 | 10.. => None,
            u => Some(tens + u),
        },
    }
}

/// The days in a month; February counts 29 (a date is only impossible in every year when it
/// is past that).
pub(crate) fn max_days(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "Thursday, January 16, 2025".
pub(crate) fn long_date(date: NaiveDate) -> String {
    format!(
        "{}, {} {}, {}",
        weekday_name(date.weekday()),
        month_name(date.month()),
        date.day(),
        date.year()
    )
}

/// "January 16, 2025" (no weekday).
pub(crate) fn plain_date(date: NaiveDate) -> String {
    format!(
        "{} {}, {}",
        month_name(date.month()),
        date.day(),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_need_a_capital() {
        assert_eq!(month("Oct"), Some((10, MonthForm::Abbreviated)));
        assert_eq!(month("Sept"), Some((9, MonthForm::Abbreviated)));
        assert_eq!(month("OCTOBER"), Some((10, MonthForm::Full)));
        assert_eq!(month("May"), Some((5, MonthForm::Full)));
        assert_eq!(month("may"), None);
        assert_eq!(month("march"), None);
    }

    #[test]
    fn weekdays_and_possessives() {
        assert_eq!(weekday("Sunday's"), Some(Weekday::Sun));
        assert_eq!(weekday("Thursday"), Some(Weekday::Thu));
        assert_eq!(weekday("thursday"), None);
        assert_eq!(weekday("Sundays"), None);
    }

    #[test]
    fn number_words() {
        assert_eq!(number_word("twenty-four"), Some(24));
        assert_eq!(number_word("Two"), Some(2));
        assert_eq!(number_word("an"), Some(1));
        assert_eq!(number_word("twenty-ten"), None);
        assert_eq!(number_word("several"), None);
    }

    #[test]
    fn writes_dates_out() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 16).unwrap();
        assert_eq!(long_date(d), "Thursday, January 16, 2025");
        assert_eq!(plain_date(d), "January 16, 2025");
    }
}
