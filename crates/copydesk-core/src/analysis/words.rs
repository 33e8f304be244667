//! Word lists more than one analysis reads, and fast lookups in them: every word of a draft
//! is looked up, so each lookup lowercases the word on the stack and matches it, with no
//! allocation and no scan of a list.

use chrono::Weekday;
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// ASCII lower case without allocating when there is nothing to lower (most words).
pub(crate) trait AsciiLower {
    fn ascii_lower(&self) -> Cow<'_, str>;
}

impl AsciiLower for str {
    fn ascii_lower(&self) -> Cow<'_, str> {
        if self.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(self.to_ascii_lowercase())
        } else {
            Cow::Borrowed(self)
        }
    }
}

/// `word` (a word or a phrase) stands in `text` as a whole: no letter or digit right before
/// or after it.
pub(crate) fn contains_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|i| {
            let before = text.get(..i).and_then(|t| t.chars().next_back());
            let after = text.get(i + word.len()..).and_then(|t| t.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
/// The number words below twenty, in order of their value ("zero" … "nineteen").
pub(crate) const NUMBER_UNITS: [&str; 20] = [
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

#[cfg(test)]
/// The tens from twenty, in order ("twenty" … "ninety").
pub(crate) const NUMBER_TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The months, in order (the draft layer reads them too).
pub use crate::draft::MONTHS;

/// The days of the week, from Monday.
pub(crate) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Mon),
    ("Tuesday", Weekday::Tue),
    ("Wednesday", Weekday::Wed),
    ("Thursday", Weekday::Thu),
    ("Friday", Weekday::Fri),
    ("Saturday", Weekday::Sat),
    ("Sunday", Weekday::Sun),
];

/// The longest word a [`WordList`] holds.
const LONGEST_LISTED: usize = 24;

/// A set of words, ASCII case ignored. Most words of a draft are not in a given list, and
/// most of those are turned away on their first letter and length alone, before any hash.
pub(crate) struct WordList {
    /// FxHash: every token of a draft is looked up, and SipHash costs more than the rest.
    set: FxHashSet<Box<[u8]>>,
    /// For each first letter a–z, a bit for each length its words have.
    lengths: [u32; 26],
    /// Some word does not start with an ASCII letter ("°").
    other_first: bool,
}

impl WordList {
    pub fn new(words: &[&str]) -> WordList {
        let mut list = WordList {
            set: FxHashSet::default(),
            lengths: [0; 26],
            other_first: false,
        };
        for w in words {
            let lower = w.to_ascii_lowercase().into_bytes();
            match lower.first() {
                Some(f) if f.is_ascii_lowercase() && lower.len() <= LONGEST_LISTED => {
                    list.lengths[usize::from(f - b'a')] |= 1 << lower.len();
                }
                _ => list.other_first = true,
            }
            list.set.insert(lower.into_boxed_slice());
        }
        list
    }

    pub fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let Some(first) = bytes.first().map(u8::to_ascii_lowercase) else {
            return false;
        };
        if bytes.len() > LONGEST_LISTED {
            return false;
        }
        if first.is_ascii_lowercase() {
            if self.lengths[usize::from(first - b'a')] & (1 << bytes.len()) == 0 {
                return false;
            }
        } else if !self.other_first {
            return false;
        }
        Lower::<LONGEST_LISTED>::new(word).is_some_and(|w| self.set.contains(w.as_bytes()))
    }
}

/// An ASCII-lower-case copy of a short word on the stack: `None` when longer than `N`.
pub struct Lower<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Lower<N> {
    pub fn new(word: &str) -> Option<Lower<N>> {
        if word.len() > N {
            return None;
        }
        let mut buf = [0u8; N];
        // A byte loop: for words this short, cheaper than a call to copy.
        for (to, from) in buf.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        Some(Lower {
            buf,
            len: word.len(),
        })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// How a month is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthForm {
    Full,
    Abbreviated,
}

/// A word of the calendar or a number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalendarWord {
    Month(u32, MonthForm),
    Day(Weekday),
    /// "zero" … "nineteen".
    Unit(u32),
    /// "twenty" … "ninety".
    Tens(u32),
}

/// The longest calendar or number word ("September", "Wednesday", "seventeen").
const LONGEST_CALENDAR_WORD: usize = 9;

/// What an ASCII-lower-case word is: a month (the abbreviations are those in use, AP's
/// Jan. Feb. Aug. Sept. Oct. Nov. Dec. and others seen in the wild), a weekday, a number
/// word.
pub(crate) fn calendar_word(lower: &[u8]) -> Option<CalendarWord> {
    use CalendarWord::{Day, Month, Tens, Unit};
    Some(match lower {
        b"january" => Month(1, MonthForm::Full),
        b"february" => Month(2, MonthForm::Full),
        b"march" => Month(3, MonthForm::Full),
        b"april" => Month(4, MonthForm::Full),
        b"may" => Month(5, MonthForm::Full),
        b"june" => Month(6, MonthForm::Full),
        b"july" => Month(7, MonthForm::Full),
        b"august" => Month(8, MonthForm::Full),
        b"september" => Month(9, MonthForm::Full),
        b"october" => Month(10, MonthForm::Full),
        b"november" => Month(11, MonthForm::Full),
        b"december" => Month(12, MonthForm::Full),
        b"jan" => Month(1, MonthForm::Abbreviated),
        b"feb" => Month(2, MonthForm::Abbreviated),
        b"mar" => Month(3, MonthForm::Abbreviated),
        b"apr" => Month(4, MonthForm::Abbreviated),
        b"jun" => Month(6, MonthForm::Abbreviated),
        b"jul" => Month(7, MonthForm::Abbreviated),
        b"aug" => Month(8, MonthForm::Abbreviated),
        b"sep" => Month(9, MonthForm::Abbreviated),
        b"sept" => Month(9, MonthForm::Abbreviated),
        b"oct" => Month(10, MonthForm::Abbreviated),
        b"nov" => Month(11, MonthForm::Abbreviated),
        b"dec" => Month(12, MonthForm::Abbreviated),
        b"monday" => Day(Weekday::Mon),
        b"tuesday" => Day(Weekday::Tue),
        b"wednesday" => Day(Weekday::Wed),
        b"thursday" => Day(Weekday::Thu),
        b"friday" => Day(Weekday::Fri),
        b"saturday" => Day(Weekday::Sat),
        b"sunday" => Day(Weekday::Sun),
        b"zero" => Unit(0),
        b"one" => Unit(1),
        b"two" => Unit(2),
        b"three" => Unit(3),
        b"four" => Unit(4),
        b"five" => Unit(5),
        b"six" => Unit(6),
        b"seven" => Unit(7),
        b"eight" => Unit(8),
        b"nine" => Unit(9),
        b"ten" => Unit(10),
        b"eleven" => Unit(11),
        b"twelve" => Unit(12),
        b"thirteen" => Unit(13),
        b"fourteen" => Unit(14),
        b"fifteen" => Unit(15),
        b"sixteen" => Unit(16),
        b"seventeen" => Unit(17),
        b"eighteen" => Unit(18),
        b"nineteen" => Unit(19),
        b"twenty" => Tens(20),
        b"thirty" => Tens(30),
        b"forty" => Tens(40),
        b"fifty" => Tens(50),
        b"sixty" => Tens(60),
        b"seventy" => Tens(70),
        b"eighty" => Tens(80),
        b"ninety" => Tens(90),
        _ => return None,
    })
}

fn calendar_word_of(word: &str) -> Option<CalendarWord> {
    calendar_word(Lower::<LONGEST_CALENDAR_WORD>::new(word)?.as_bytes())
}

/// The month a word names, ASCII case ignored: "October", "oct", "SEPT".
pub fn month(word: &str) -> Option<(u32, MonthForm)> {
    match calendar_word_of(word)? {
        CalendarWord::Month(m, form) => Some((m, form)),
        _ => None,
    }
}

/// The weekday a word names, ASCII case ignored: "Thursday", "thursday".
pub fn weekday(word: &str) -> Option<Weekday> {
    match calendar_word_of(word)? {
        CalendarWord::Day(d) => Some(d),
        _ => None,
    }
}

/// "October" for 10; "" for a number that is no month.
pub(crate) fn month_name(month: u32) -> &'static str {
    MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// "Thursday".
pub(crate) fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize].0
}

/// The value of a number word below twenty, ASCII case ignored: "seven" → 7.
pub(crate) fn unit_value(word: &str) -> Option<u32> {
    match calendar_word_of(word)? {
        CalendarWord::Unit(n) => Some(n),
        _ => None,
    }
}

/// The value of a tens word, ASCII case ignored: "forty" → 40.
pub(crate) fn tens_value(word: &str) -> Option<u32> {
    match calendar_word_of(word)? {
        CalendarWord::Tens(n) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_agree_with_the_lists() {
        for (i, m) in MONTHS.iter().enumerate() {
            assert_eq!(month(m), Some((i as u32 + 1, MonthForm::Full)));
            assert_eq!(
                month(&m.to_uppercase()),
                Some((i as u32 + 1, MonthForm::Full))
            );
            assert_eq!(month_name(i as u32 + 1), *m);
        }
        assert_eq!(month("Sept"), Some((9, MonthForm::Abbreviated)));
        assert_eq!(month("Mayo"), None);
        assert_eq!(month("Septembers"), None);
        for (name, day) in WEEKDAYS {
            assert_eq!(weekday(name), Some(day));
            assert_eq!(weekday_name(day), name);
        }
        for (i, u) in NUMBER_UNITS.iter().enumerate() {
            assert_eq!(unit_value(u), Some(i as u32));
        }
        for (i, t) in NUMBER_TENS.iter().enumerate() {
            assert_eq!(tens_value(&t.to_uppercase()), Some(20 + 10 * i as u32));
        }
        assert_eq!(unit_value("twenty"), None);
        assert_eq!(tens_value("Ten"), None);
        assert_eq!(month("é"), None);
    }

    #[test]
    fn word_lists_ignore_ascii_case() {
        let list = WordList::new(&["percent", "°", "o'clock", "USD"]);
        for w in ["percent", "PERCENT", "°", "O'Clock", "usd"] {
            assert!(list.contains(w), "{w}");
        }
        for w in ["", "percents", "per", "%", "é", "ＵＳＤ"] {
            assert!(!list.contains(w), "{w}");
        }
    }
}
