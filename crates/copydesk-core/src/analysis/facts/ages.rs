//! Ages written beside a person's name: "Maria Lopez, 45,", "the 45-year-old Lopez",
//! "Lopez, aged 45", "Lopez (45)". Only these fixed shapes count: an age is a number that
//! grammar ties to one mention, never a number found somewhere in the sentence.

use super::{floor_boundary, window_before};
use crate::draft::Span;

/// The oldest age read: a larger number beside a name is something else.
const OLDEST: u32 = 120;

/// How many bytes around a mention an age may take ("Lopez, aged 45 years old,").
const REACH: usize = 32;

/// How the age is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeForm {
    /// "Lopez, 45," (also "Lopez, 45 years old,").
    Appositive,
    /// "Lopez, aged 45" or "Lopez, age 45".
    Aged,
    /// "Lopez (45)".
    Parenthesized,
    /// "the 45-year-old Lopez".
    YearOld,
}

/// One age given to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    /// The person (an index into the entities).
    pub entity: usize,
    pub years: u32,
    /// The digits, which a fix replaces.
    pub span: Span,
    pub form: AgeForm,
}

/// The age written right after the mention `name` (or right before `name_start`, where
/// the name or its title begins), if any.
pub(crate) fn around(prose: &str, name_start: usize, name: &Span, entity: usize) -> Option<Age> {
    after(prose, name.end)
        .or_else(|| before(prose, name_start))
        .map(|(years, span, form)| Age {
            entity,
            years,
            span,
            form,
        })
}

/// ", 45," / ", aged 45" / " (45)" right after a name ending at `end`.
fn after(prose: &str, end: usize) -> Option<(u32, Span, AgeForm)> {
    let stop = floor_boundary(prose, end.saturating_add(REACH));
    let s = prose.get(end..stop)?;
    let (rest, parenthesized) = if let Some(r) = s.strip_prefix(", ") {
        (r, false)
    } else if let Some(r) = s.strip_prefix(" (") {
        (r, true)
    } else {
        return None;
    };
    let (rest, aged) = match strip_prefix_ignore_case(rest, "aged ")
        .or_else(|| strip_prefix_ignore_case(rest, "age "))
    {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let years = age_value(rest.get(..digits)?)?;
    let at = end + (s.len() - rest.len());
    let tail = rest.get(digits..)?;
    let tail = strip_prefix_ignore_case(tail, " years old").unwrap_or(tail);
    let ends = if parenthesized {
        tail.starts_with(')')
    } else {
        closes_appositive(tail)
    };
    if !ends {
        return None;
    }
    let form = match (parenthesized, aged) {
        (true, _) => AgeForm::Parenthesized,
        (false, true) => AgeForm::Aged,
        (false, false) => AgeForm::Appositive,
    };
    Some((years, at..at + digits, form))
}

/// "45-year-old " right before a name (or its title) starting at `start`.
fn before(prose: &str, start: usize) -> Option<(u32, Span, AgeForm)> {
    let (from, s) = window_before(prose, start, REACH);
    let trimmed = s.trim_end();
    if trimmed.len() == s.len()
        || !trimmed
            .get(trimmed.len().saturating_sub(3)..)
            .is_some_and(|end| end.eq_ignore_ascii_case("old"))
    {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    let head_len = ["-year-old", "-years-old", " year old", "-year old"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix).map(str::len))?;
    let head = trimmed.get(..head_len)?;
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let number_start = head_len - digits;
    // A word, a decimal or a figure before the digits makes them part of something else.
    if head[..number_start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '-' | '$'))
    {
        return None;
    }
    let years = age_value(head.get(number_start..)?)?;
    let at = from + number_start;
    Some((years, at..at + digits, AgeForm::YearOld))
}

/// An age's digits: one to three of them, 1 to [`OLDEST`].
fn age_value(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    digits
        .parse::<u32>()
        .ok()
        .filter(|&y| (1..=OLDEST).contains(&y))
}

/// What may follow an appositive age: a comma, a semicolon, a closing bracket, or a full
/// stop that ends the sentence ("Lopez, 45, said" / "was Maria Lopez, 45."). Not another
/// digit, a unit, a percent sign or a word ("Lopez, 45 percent"), nor a thousands
/// separator ("Lopez, 4,500 votes").
fn closes_appositive(tail: &str) -> bool {
    let mut chars = tail.chars();
    match chars.next() {
        None | Some(';' | ')') => true,
        Some(',') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some('.') => chars.next().is_none_or(char::is_whitespace),
        _ => false,
    }
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, name: &str) -> Option<(u32, String, AgeForm)> {
        let start = text.find(name).expect("name");
        let span = start..start + name.len();
        around(text, start, &span, 0).map(|a| (a.years, text[a.span].to_string(), a.form))
    }

    #[test]
    fn reads_the_four_forms() {
        let f = |t, n| read(t, n).map(|(y, _, f)| (y, f));
        assert_eq!(
            f("Maria Lopez, 45, said", "Maria Lopez"),
            Some((45, AgeForm::Appositive))
        );
        assert_eq!(
            f("the 46-year-old Lopez said", "Lopez"),
            Some((46, AgeForm::YearOld))
        );
        assert_eq!(
            f("Lopez, aged 47, said", "Lopez"),
            Some((47, AgeForm::Aged))
        );
        assert_eq!(
            f("Lopez (48) said", "Lopez"),
            Some((48, AgeForm::Parenthesized))
        );
        assert_eq!(
            f("It was Lopez, 49.", "Lopez"),
            Some((49, AgeForm::Appositive))
        );
        assert_eq!(
            f("Lopez, 50 years old, said", "Lopez"),
            Some((50, AgeForm::Appositive))
        );
    }

    #[test]
    fn other_numbers_beside_a_name_are_not_ages() {
        for (text, name) in [
            ("Lopez, 45 percent of the vote", "Lopez"),
            ("Lopez, 4,500 votes", "Lopez"),
            ("Lopez, 45.5, said", "Lopez"),
            ("Lopez, 450, said", "Lopez"),
            ("Lopez (45%) led", "Lopez"),
            ("a 2.5-year-old Lopez", "Lopez"),
            ("the 300-year-old Lopez farm", "Lopez"),
            ("Lopez, 0, said", "Lopez"),
        ] {
            assert_eq!(read(text, name), None, "{text}");
        }
    }

    #[test]
    fn the_span_is_the_digits() {
        let (_, digits, _) = read("the 46-year-old Lopez", "Lopez").expect("age");
        assert_eq!(digits, "46");
        let (_, digits, _) = read("Lopez, aged 47, said", "Lopez").expect("age");
        assert_eq!(digits, "47");
    }

    #[test]
    fn no_panic_at_the_edges_or_inside_characters() {
        assert_eq!(read("Lopez", "Lopez"), None);
        assert_eq!(read("Лопес, 45", "Лопес").map(|a| a.0), Some(45));
        assert_eq!(read("ж45-year-old Лопес", "Лопес"), None);
        assert_eq!(read("é-year-old Lopez", "Lopez"), None);
    }
}
