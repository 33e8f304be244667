//! Numbers that are not claims: dates and years, clock times, durations inside date
//! phrases, ages as descriptors, ordinals, identifiers (routes, resolutions, phone numbers,
//! addresses, model numbers), numbers inside names, scores. Each rule looks only at the
//! few tokens around the number.

use super::kinds::{ClaimKind, CoreView};
use super::lexicon as lx;
use super::sent::Sent;
use crate::analysis::words::AsciiLower;

/// A four-digit year, 1000–2100, written without separators.
pub(crate) fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2100).contains(&y))
}

/// "A320", "MH17", "COVID-19", "F-35", "Catch-22", "#5", "v1.2", "example.com/2024".
pub(crate) fn glued_identifier_before(s: &Sent, i: usize) -> bool {
    if !s.glued(i) {
        return false;
    }
    let Some(p) = s.back(i, 1) else {
        return false;
    };
    if s.is_word(p) {
        return true;
    }
    match s.text(p) {
        "#" | "/" | "@" | "_" | "\\" | ":" | "^" | "=" | "&" | "+" => true,
        "-" | "–" | "." => s
            .back(p, 1)
            .is_some_and(|q| s.glued(p) && (s.is_word(q) || s.is_num(q))),
        _ => false,
    }
}

/// "1. " or "2) " opening a line: a list marker.
pub(crate) fn list_marker(s: &Sent, i: usize) -> bool {
    s.tok(i).is_some_and(|t| t.line_start)
        && matches!(s.text(i + 1), "." | ")")
        && s.glued(i + 1)
        && !s.glued(i + 2)
}

/// `[1]`, `[^2]`: a footnote marker.
pub(crate) fn footnote(s: &Sent, i: usize) -> bool {
    let before = s.back(i, 1).map(|p| s.text(p));
    matches!(before, Some("[") | Some("^")) && s.glued(i) && s.is(i + 1, "]")
}

/// The token after a run of digits joined by `:` `/` `.` `-` (no spaces): `9:30`,
/// `10/13/2016`, `555-0142`, `1.2.3`.
pub(crate) fn chain_end(s: &Sent, i: usize) -> usize {
    let mut k = i + 1;
    while matches!(s.text(k), ":" | "/" | "." | "-" | "–")
        && s.glued(k)
        && s.is_num(k + 1)
        && s.glued(k + 1)
    {
        k += 2;
    }
    k
}

pub(crate) enum Pair {
    Range,
    NotAClaim,
}

/// Two numbers joined by a hyphen: a range (`10-12`), or a phone number, year span or score.
pub(crate) fn hyphen_pair(a: &str, b: &str) -> Pair {
    if a.contains(',') || b.contains(',') || a.contains('.') || b.contains('.') {
        return match (
            a.replace(',', "").parse::<f64>(),
            b.replace(',', "").parse::<f64>(),
        ) {
            (Ok(x), Ok(y)) if x < y => Pair::Range,
            _ => Pair::NotAClaim,
        };
    }
    let (Ok(x), Ok(y)) = (a.parse::<u64>(), b.parse::<u64>()) else {
        return Pair::NotAClaim;
    };
    if is_year(a) || b.len() >= 4 || b.starts_with('0') || x >= y {
        // Year spans (2017-22), phone numbers (555-0142), scores and votes (5-2).
        Pair::NotAClaim
    } else {
        Pair::Range
    }
}

/// A win-loss record in brackets after a name, `Romano (1-4)`, `Bassitt (8-6, 3.88 ERA)`:
/// a tally like a score, which reads as a range only because the first figure is smaller.
pub(crate) fn record_after_name(s: &Sent, first: usize, last: usize) -> bool {
    s.is_back(first, 1, "(")
        && s.back(first, 2).is_some_and(|p| s.capitalized(p))
        && matches!(s.text(last + 1), ")" | ",")
}

/// A ball-strike count, `a 1-2 pitch`, `on a 3-2 count`, `a 0-2 slider`: where the at-bat
/// stood, not a range.
pub(crate) fn ball_strike_count(s: &Sent, first: usize, last: usize) -> bool {
    let small = |i: usize, most: u8| {
        let t = s.text(i);
        t.len() == 1 && t.as_bytes()[0].is_ascii_digit() && t.as_bytes()[0] - b'0' <= most
    };
    small(first, 3)
        && small(last, 2)
        && matches!(
            s.text(last + 1).ascii_lower().as_ref(),
            "pitch"
                | "count"
                | "fastball"
                | "slider"
                | "curveball"
                | "changeup"
                | "cutter"
                | "sinker"
                | "splitter"
        )
}

/// "half of", "by half", "Half wore…", "half the city": a fraction; not "the second half",
/// "half-brother", "half an hour".
pub(crate) fn half_is_fraction(s: &Sent, i: usize) -> bool {
    if s.is(i + 1, "-") && s.glued(i + 1) {
        return false;
    }
    let prev = s.back(i, 1).map(|p| s.text(p).ascii_lower());
    if let Some(p) = prev.as_deref() {
        if matches!(
            p,
            "first"
                | "second"
                | "the"
                | "a"
                | "other"
                | "latter"
                | "back"
                | "top"
                | "bottom"
                | "lower"
                | "upper"
                | "one"
                | "and"
                | "third"
                | "final"
                | "opening"
                | "this"
                | "that"
        ) {
            return false;
        }
    }
    let next = s.text(i + 1).ascii_lower();
    if matches!(next.as_ref(), "a" | "an") && lx::time_unit(s.text(i + 2)) {
        return false;
    }
    if matches!(
        next.as_ref(),
        "past" | "time" | "term" | "way" | "hour" | "day" | "century" | "mile" | "marathon"
    ) {
        return false;
    }
    if matches!(
        next.as_ref(),
        "of" | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "a"
            | "an"
            | "that"
            | "those"
            | "these"
            | "all"
            | "million"
            | "billion"
    ) {
        return true;
    }
    if matches!(
        prev.as_deref(),
        Some(
            "by" | "than"
                | "nearly"
                | "about"
                | "almost"
                | "roughly"
                | "over"
                | "just"
                | "around"
                | "some"
                | "least"
        )
    ) {
        return true;
    }
    // "Half wore the monitors": opening the sentence, followed by a verb or a comma.
    s.opens_sentence(i) && s.is_word(i + 1)
}

/// A fraction word at `k` ("third", "quarter") that counts a share: followed by "of", by
/// punctuation or the sentence's end, or preceded by "by" — not "a third trial".
pub(crate) fn fraction_not_ordinal(s: &Sent, k: usize) -> bool {
    let next = k + 1;
    if next >= s.hi || s.is_punct(next) || s.is(next, "of") {
        return true;
    }
    let first = s.back(k, 1).unwrap_or(k);
    s.is_back(first, 1, "by")
        || matches!(
            s.text(next).ascii_lower().as_ref(),
            "since" | "in" | "from" | "over" | "last" | "this" | "compared"
        )
}

/// "-year-old", "-month-old" from the hyphen at `h`.
pub(crate) fn age_compound(s: &Sent, h: usize) -> bool {
    let unit = s.text(h + 1).ascii_lower();
    s.is(h, "-")
        && matches!(
            unit.as_ref(),
            "year" | "month" | "week" | "day" | "years" | "months"
        )
        && s.is(h + 2, "-")
        && s.text(h + 3).ascii_lower().starts_with("old")
}

/// The currency sign (or code) before the figure at `first`: `$4`, `US$5`, `€ 450`, `USD 10`.
pub(crate) fn currency_before(s: &Sent, first: usize) -> Option<usize> {
    let p = s.back(first, 1)?;
    let t = s.text(p);
    if lx::currency_symbol(t) {
        // "US$", "C$", "A$".
        if let Some(q) = s.back(p, 1) {
            if s.glued(p) && s.is_word(q) && s.text(q).len() <= 2 && s.capitalized(q) {
                return Some(q);
            }
        }
        return Some(p);
    }
    if lx::currency_word(t) {
        return Some(p);
    }
    None
}

/// Whether the figure described by `c` (typed `kind`, with the token after it at `j`) is
/// something other than a claim.
pub(crate) fn excluded(
    s: &Sent,
    c: &CoreView,
    kind: ClaimKind,
    j: usize,
    unit: Option<&str>,
) -> bool {
    let text = s.text(c.first);
    let integer = c.value.is_some_and(|v| v.fract() == 0.0) && !text.contains('.');
    let small_int = integer && c.value.is_some_and(|v| v <= 31.0);
    if !c.in_words {
        // Dates: "October 13", "Oct. 31", "13 October".
        if small_int && kind == ClaimKind::Count {
            let first = c.outer_first;
            let month_before = lx::month(s.text_back_across(first, 1))
                || s.text_back_across(first, 1) == "." && lx::month(s.text_back_across(first, 2));
            let month_after = lx::month(s.text(j));
            if month_before || month_after {
                return true;
            }
        }
        // Years: "2019", "since 1990", "in August 2023".
        if kind == ClaimKind::Count && is_year(text) {
            return true;
        }
        // Clock times: "10 a.m.", "9 pm", "14:00 GMT", "noon".
        if kind == ClaimKind::Count && is_clock_time(s, j) {
            return true;
        }
        // Identifiers: "Route 9", "No. 5", "Resolution 2254", "Apollo 11", "Fortune 500".
        if identifier(s, c.outer_first) {
            return true;
        }
        // Street addresses: "1600 Pennsylvania Avenue", "10 Downing Street".
        if kind == ClaimKind::Count && address(s, j) {
            return true;
        }
    }
    // Ages: "Becker, 58,", "aged 14", "at the age of 14", "a 67-year-old", "over 65".
    if age(s, c, kind, j) {
        return true;
    }
    // Durations inside date phrases: "three weeks ago", "in the past two years", "within
    // 48 hours".
    if kind == ClaimKind::Duration {
        if lx::after_duration_in_date(s.text(j)) {
            return true;
        }
        let before = s.text_back(c.first, 1);
        let before2 = s.text_back(c.first, 2);
        if lx::before_duration_in_date(before)
            || (before.eq_ignore_ascii_case("the") && lx::before_duration_in_date(before2))
            || unit.is_some_and(|u| u.eq_ignore_ascii_case("year")) && s.is(j, "old")
        {
            return true;
        }
        if unit.is_some_and(is_clock_unit) && game_clock(s, c.first, j) {
            return true;
        }
    }
    false
}

fn is_clock_unit(unit: &str) -> bool {
    let u = unit.ascii_lower();
    matches!(u.as_ref(), "second" | "seconds" | "minute" | "minutes")
}

/// The clock of a game: "with 3.6 seconds left", "with 30 seconds to play", "10 seconds
/// remaining", "in the opening 45 minutes". It says when, not how much.
fn game_clock(s: &Sent, first: usize, j: usize) -> bool {
    let after = s.text(j).ascii_lower();
    let left = matches!(after.as_ref(), "left" | "remaining")
        || after == "to" && matches!(s.text(j + 1).ascii_lower().as_ref(), "play" | "go");
    let before = s.text_back(first, 1).ascii_lower();
    left || matches!(before.as_ref(), "opening" | "closing" | "final")
}

fn is_clock_time(s: &Sent, j: usize) -> bool {
    let t = s.text(j);
    if lx::time_marker(t) || t.eq_ignore_ascii_case("noon") || t.eq_ignore_ascii_case("midnight") {
        return true;
    }
    // "a.m." and "p.m." are three tokens.
    (t.eq_ignore_ascii_case("a") || t.eq_ignore_ascii_case("p"))
        && s.is(j + 1, ".")
        && s.is(j + 2, "m")
}

fn identifier(s: &Sent, first: usize) -> bool {
    let Some(p) = s.back(first, 1) else {
        // "No. | 5" when the abbreviation was taken for a sentence end.
        return s.text_back_across(first, 1) == "."
            && lx::identifier_prefix(s.text_back_across(first, 2))
            && s.text_back_across(first, 2).len() <= 4;
    };
    let t = s.text(p);
    if t == "#" {
        return true;
    }
    // "No. 5", "Nos. 3", "p. 12", "Fig. 2".
    let word = if t == "." {
        match s.back(p, 1) {
            Some(q) if s.is_word(q) => q,
            _ => return false,
        }
    } else if s.is_word(p) {
        p
    } else {
        return false;
    };
    let w = s.text(word);
    if lx::identifier_prefix(w)
        && !(t != "." && matches!(w.ascii_lower().as_ref(), "p" | "v" | "no"))
    {
        return true;
    }
    if t == "." {
        return false;
    }
    // A capitalized word right before the number names something: "Apollo 11", "Fortune 500",
    // "Boeing 737" — unless it is an ordinary word opening the sentence ("About 40%").
    s.capitalized(word)
        && !lx::month(w)
        && !lx::weekday(w)
        && !lx::currency_word(w)
        && !lx::plain_word_before_number(w)
}

fn address(s: &Sent, j: usize) -> bool {
    // "the 4000 block of Redbud Circle": a police blotter's address.
    if s.text(j).eq_ignore_ascii_case("block") && s.is(j + 1, "of") {
        return true;
    }
    let mut k = j;
    let mut names = 0;
    while s.capitalized(k) && names < 4 {
        if names > 0 && lx::street_suffix(s.text(k)) {
            return true;
        }
        names += 1;
        k += 1;
    }
    false
}

fn age(s: &Sent, c: &CoreView, kind: ClaimKind, j: usize) -> bool {
    let integer_age = c
        .value
        .is_some_and(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v))
        && !c.range
        && !s.text(c.first).contains(',');
    if !integer_age || kind == ClaimKind::Money || kind == ClaimKind::Percent {
        return false;
    }
    let before = s.text_back(c.first, 1).ascii_lower();
    let before2 = s.text_back(c.first, 2).ascii_lower();
    // "aged 58", "age 58", "at the age of 14", "ages 5"
    if matches!(before.as_ref(), "aged" | "age" | "ages") || (before == "of" && before2 == "age") {
        return true;
    }
    // "58 years old", "58 years of age", "-year-old".
    if kind == ClaimKind::Duration {
        let after = s.text(j).ascii_lower();
        if after == "old" || after.starts_with("old") || (after == "of" && s.is(j + 1, "age")) {
            return true;
        }
    }
    if s.is(c.last + 1, "-") && age_compound(s, c.last + 1) {
        return true;
    }
    if kind != ClaimKind::Count {
        return false;
    }
    // Appositive: "Tom Becker, 58, who runs…", "said Rui Costa, 71."
    let after = s.text(c.last + 1);
    let closes = c.last + 1 >= s.hi
        || matches!(after, "," | "." | ";" | ")" | ":" | "—" | "–")
        || after.eq_ignore_ascii_case("and");
    if before == "," && closes {
        if let Some(p) = s.back(c.first, 2) {
            let name = s.text(p);
            if s.capitalized(p) && !lx::month(name) && !lx::weekday(name) {
                return true;
            }
            if matches!(name, "Jr" | "Sr" | "." | ")" | "”" | "\"") {
                return true;
            }
        }
    }
    // "Helen Marsh (81)"
    if before == "("
        && s.is(c.last + 1, ")")
        && s.back(c.first, 2).is_some_and(|p| s.capitalized(p))
    {
        return true;
    }
    if predicate_age(s, c, &before, &before2) {
        return true;
    }
    // "Canadians over 65", "children under 5": an age bound with nothing counted after it.
    if matches!(
        before.as_ref(),
        "over" | "under" | "above" | "below" | "older" | "younger"
    ) && (c.last + 1 >= s.hi || s.is_punct(c.last + 1) || lx::stop_word(s.text(c.last + 1)))
    {
        let people = s.back(c.first, 2).map_or("", |p| s.text(p));
        if people.ends_with('s') || lx::plural_noun(people) || people.eq_ignore_ascii_case("those")
        {
            return true;
        }
    }
    false
}

/// An age said of a person: "She was 91.", "the victim was 17 and", "Smith is 52",
/// "Jones, who turned 40 last month,", "died at 85". The figure stands alone (nothing
/// counted after it) and its subject is a person: a personal pronoun, `who`, a name or a
/// word for a person ("The death toll was 12." stays a claim).
fn predicate_age(s: &Sent, c: &CoreView, before: &str, before2: &str) -> bool {
    let after = s.text(c.last + 1).ascii_lower();
    let alone = c.last + 1 >= s.hi
        || matches!(
            after.as_ref(),
            "," | "." | ";" | ")" | ":" | "—" | "–" | "and" | "when" | "but"
        );
    let Some(subject) = s.back(c.first, 2) else {
        return false;
    };
    match before {
        "was" | "is" => alone && is_person(s, subject),
        "turned" | "turns" | "turning" => {
            (alone || matches!(after.as_ref(), "last" | "this" | "in" | "on"))
                && is_person(s, subject)
        }
        // "died at 85", "retired at 65": only a person dies or retires at a bare number.
        "at" => {
            (alone || matches!(after.as_ref(), "after" | "in" | "of" | "from" | "on"))
                && matches!(
                    before2,
                    "died" | "dies" | "dead" | "dying" | "retired" | "retires" | "retiring"
                )
        }
        _ => false,
    }
}

/// Word `i` names or stands for a person: `he`, `she`, `who`, a capitalized word (not a
/// month or weekday), or a word for a person (`victim`, `mother`, `singer`, `boy`).
fn is_person(s: &Sent, i: usize) -> bool {
    let word = s.text(i);
    let lower = word.ascii_lower();
    if matches!(lower.as_ref(), "he" | "she" | "who" | "i") {
        return true;
    }
    if s.capitalized(i) {
        return !lx::month(word)
            && !lx::weekday(word)
            && !crate::analysis::entities::lexicon::is_function_word(&lower);
    }
    matches!(
        lower.as_ref(),
        "man"
            | "woman"
            | "boy"
            | "girl"
            | "child"
            | "teenager"
            | "teen"
            | "baby"
            | "person"
            | "suspect"
            | "toddler"
            | "infant"
    ) || crate::analysis::entities::lexicon::is_role_noun(&lower)
}
