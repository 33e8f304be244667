//! Finding date expressions in prose: "Oct. 13, 2016", "13 October", "2016-10-13",
//! "Wednesday, March 4", "Thursday (Oct. 13)", "on Thursday", "last week", "in August 2023",
//! "since 2019". Each is recognized from the shape of its tokens; anything that only looks
//! like a date ("24/7", "the 2016-17 season", "10:30", "3-1", "the 13th century") is left alone.

use super::lexicon::{self, MonthForm};
use super::tokens::{adjacent, Kind, Token};
use crate::draft::Span;
use crate::lexicon::{entries, lexicon_file};
use chrono::Weekday;
use std::sync::LazyLock;

/// last / next / this in front of a weekday or a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    None,
    Last,
    Next,
    This,
}

/// A unit of calendar time in a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
}

/// A date told relative to the story date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// "today", "tonight", "this morning": `0`; "yesterday", "last night": `-1`;
    /// "tomorrow": `1`.
    Day(i32),
    /// "last week" (-1), "this month" (0), "next year" (1), "earlier this month" (0).
    Calendar(Unit, i32),
    /// "three days ago", "a week ago".
    Ago(Unit, u32),
    /// "over the past twenty-four hours" (1 day), "in the past two years".
    Past(Unit, u32),
}

/// A date written with its month and day: "October 13", "Oct. 13, 2016", "13 October",
/// "2016-10-13", "the 13th of October".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The date as written (without a weekday).
    pub span: Span,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    /// The last day of a range: "March 4-6".
    pub until_day: Option<u32>,
}

/// What a date expression says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expression {
    Calendar(Calendar),
    /// "on the 13th": a day of a month left unsaid.
    DayOfMonth(u32),
    /// "on Thursday", "last Thursday", "Tuesday morning".
    Weekday(Weekday, Modifier),
    Relative(Relative),
    /// "in March", "last May", "in August 2023", "mid-March".
    Month {
        month: u32,
        year: Option<i32>,
        modifier: Modifier,
    },
    /// "since 2019", "in 2022".
    Year(i32),
}

/// One expression found in the token stream.
#[derive(Debug, Clone)]
pub struct Found {
    pub span: Span,
    pub expression: Expression,
    /// A weekday written beside a calendar date, and its span ("Wednesday" of
    /// "Wednesday, March 4").
    pub weekday: Option<(Weekday, Span)>,
    /// Token indices of the expression (inclusive).
    pub first: usize,
    pub last: usize,
}

/// `data/lexicon/date-lead-words.txt`.
static LEAD_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(lexicon_file!("date-lead-words")).collect());

/// `data/lexicon/date-time-prepositions.txt`.
static TIME_PREPOSITIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(lexicon_file!("date-time-prepositions")).collect());

/// Scans the tokens of one paragraph and appends every date expression.
pub(crate) fn scan(t: &[Token], out: &mut Vec<Found>) {
    let mut i = 0;
    let mut free = 0;
    while i < t.len() {
        if !may_start(&t[i]) {
            i += 1;
            continue;
        }
        let found = match t[i].text {
            // The commonest words: only "the 13th" can start at "the", only "a week ago"
            // at "a".
            "the" => calendar_with_weekday(t, i),
            "a" | "an" => relative(t, i, free),
            _ => weekday_with_date(t, i)
                .or_else(|| calendar_with_weekday(t, i))
                .or_else(|| bare_weekday(t, i, free))
                .or_else(|| relative(t, i, free))
                .or_else(|| month_alone(t, i, free))
                .or_else(|| year_alone(t, i)),
        };
        match found {
            Some(f) => {
                i = f.last + 1;
                free = i;
                out.push(f);
            }
            None => i += 1,
        }
    }
}

/// Lowercase words that can open a date expression; any other lowercase word cannot, and
/// the matchers are spared it.
fn lowercase_starter(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "coming"
            | "earlier"
            | "early"
            | "eight"
            | "eighteen"
            | "eighty"
            | "eleven"
            | "fifteen"
            | "fifty"
            | "five"
            | "forty"
            | "four"
            | "fourteen"
            | "last"
            | "late"
            | "later"
            | "next"
            | "nine"
            | "nineteen"
            | "ninety"
            | "one"
            | "overnight"
            | "past"
            | "seven"
            | "seventeen"
            | "seventy"
            | "six"
            | "sixteen"
            | "sixty"
            | "ten"
            | "the"
            | "thirteen"
            | "thirty"
            | "this"
            | "three"
            | "today"
            | "tomorrow"
            | "tonight"
            | "twelve"
            | "twenty"
            | "two"
            | "yesterday"
    ) || word.starts_with("today")
        || word.starts_with("yesterday")
        || word.starts_with("tomorrow")
}

/// Whether any matcher can succeed at a word: it must be (possessive aside, ASCII case
/// ignored) a month or weekday name or a weekday's abbreviation, a relative day ("today"),
/// a modifier ("last", "next", "this", "coming", "past"), "the", a count ("a", "three",
/// "twenty-four"), or start with "mid-". Capitalized words are mostly names, and this
/// spares the matchers them.
fn may_match_word(word: &str) -> bool {
    use crate::analysis::words;
    if word.starts_with("mid-") || word.starts_with("Mid-") {
        return true;
    }
    let stem = lexicon::strip_possessive(word);
    let Some(lower) = words::Lower::<16>::new(stem) else {
        return false;
    };
    matches!(
        lower.as_bytes(),
        b"today"
            | b"tonight"
            | b"yesterday"
            | b"tomorrow"
            | b"last"
            | b"past"
            | b"next"
            | b"coming"
            | b"this"
            | b"the"
            | b"a"
            | b"an"
            // Weekday abbreviations ("Tues., Nov. 24").
            | b"mon"
            | b"tue"
            | b"tues"
            | b"wed"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"fri"
            | b"sat"
            | b"sun"
    ) || words::calendar_word(lower.as_bytes()).is_some()
        || stem
            .split_once('-')
            .is_some_and(|(tens, _)| words::tens_value(tens).is_some())
}

/// Whether an expression can start at this token (a cheap test run on every token).
fn may_start(x: &Token) -> bool {
    match x.kind {
        Kind::Number => true,
        Kind::Punct => false,
        Kind::Word => {
            let text = x.text;
            let capitalized = match text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => text.chars().next().is_some_and(char::is_uppercase),
            };
            (capitalized || text.as_bytes().contains(&b'-') || lowercase_starter(text))
                && may_match_word(text)
        }
    }
}

fn word<'t, 'a>(t: &'t [Token<'a>], i: usize) -> Option<&'t Token<'a>> {
    t.get(i).filter(|x| x.kind == Kind::Word)
}

fn punct(t: &[Token], i: usize, c: char) -> bool {
    t.get(i).is_some_and(|x| x.is_punct(c))
}

fn span(t: &[Token], first: usize, last: usize) -> Span {
    t[first].start..t[last].end
}

/// A year at `i` that is not the start of "2016-17", "2019/20" or "2019-2020".
fn year_at(t: &[Token], i: usize) -> Option<i32> {
    let y = t.get(i)?.year()?;
    match t.get(i + 1) {
        Some(n)
            if adjacent(&t[i], n) && (n.is_punct('-') || n.is_punct('–') || n.is_punct('/')) =>
        {
            None
        }
        _ => Some(y),
    }
}

/// A month name at `i`, with the index of its last token (the dot of "Oct.").
fn month_at(t: &[Token], i: usize) -> Option<(u32, MonthForm, usize)> {
    let (month, form) = lexicon::month(word(t, i)?.text)?;
    let dotted =
        form == MonthForm::Abbreviated && punct(t, i + 1, '.') && adjacent(&t[i], &t[i + 1]);
    Some((month, form, if dotted { i + 1 } else { i }))
}

/// `data/lexicon/date-quantity-words.txt`.
static QUANTITY_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(lexicon_file!("date-quantity-words")).collect());

/// Whatever follows a day number that makes it something else: a clock time ("4:30"),
/// a fraction or "24/7", a percentage, a quantity ("31 days").
fn day_is_free(t: &[Token], i: usize) -> bool {
    match t.get(i + 1) {
        Some(n) if adjacent(&t[i], n) => {
            let number_after = t
                .get(i + 2)
                .is_some_and(|m| m.kind == Kind::Number && adjacent(n, m));
            !(n.is_punct('%') || ((n.is_punct(':') || n.is_punct('/')) && number_after))
        }
        Some(n) => !n.is_any_word(&QUANTITY_WORDS),
        None => true,
    }
}

/// "October 13", "Oct. 13, 2016", "March 4-6", and "June 2014" (a month of a year).
fn month_first(t: &[Token], i: usize) -> Option<(Expression, usize)> {
    let (month, form, m_last) = month_at(t, i)?;
    let j = m_last + 1;
    let n = t.get(j)?;
    if let Some(day) = n.day() {
        if !day_is_free(t, j) {
            return None;
        }
        let mut last = j;
        let mut until_day = None;
        if let (Some(dash), Some(end)) = (t.get(j + 1), t.get(j + 2)) {
            if (dash.is_punct('-') || dash.is_punct('–'))
                && adjacent(n, dash)
                && adjacent(dash, end)
            {
                match end.day() {
                    Some(e) if e > day => {
                        until_day = Some(e);
                        last = j + 2;
                    }
                    // "June 3-1": a score, not a date.
                    _ => return None,
                }
            }
        }
        let mut year = None;
        if punct(t, last + 1, ',') {
            if let Some(y) = year_at(t, last + 2) {
                year = Some(y);
                last += 2;
            }
        } else if let Some(y) = year_at(t, last + 1) {
            year = Some(y);
            last += 1;
        }
        let calendar = Calendar {
            span: span(t, i, last),
            year,
            month,
            day,
            until_day,
        };
        return Some((Expression::Calendar(calendar), last));
    }
    let year = year_at(t, j)?;
    (form == MonthForm::Full || m_last > i).then_some((
        Expression::Month {
            month,
            year: Some(year),
            modifier: Modifier::None,
        },
        j,
    ))
}

/// "13 October", "13th October 2016", "the 13th of October".
fn day_first(t: &[Token], i: usize) -> Option<(Expression, usize)> {
    let d = t.get(i)?;
    let day = d.day()?;
    if i > 0 && adjacent(&t[i - 1], d) && t[i - 1].kind == Kind::Punct {
        return None; // "$5 May", "#13 March"
    }
    let mut j = i + 1;
    if d.ordinal && t.get(j).is_some_and(|x| x.is_word("of")) {
        j += 1;
    }
    let (month, _, mut last) = month_at(t, j)?;
    let mut year = None;
    if let Some(y) = year_at(t, last + 1) {
        year = Some(y);
        last += 1;
    }
    let calendar = Calendar {
        span: span(t, i, last),
        year,
        month,
        day,
        until_day: None,
    };
    Some((Expression::Calendar(calendar), last))
}

/// "2016-10-13".
fn iso(t: &[Token], i: usize) -> Option<(Expression, usize)> {
    let parts = t.get(i..i + 5)?;
    let year = parts[0].year()?;
    if i > 0
        && adjacent(&t[i - 1], &parts[0])
        && !(t[i - 1].kind == Kind::Punct
            && matches!(t[i - 1].text, "(" | "[" | "\"" | "'" | "“" | "‘" | "«"))
    {
        return None; // "(2024-10-31)" is a date; "v2024-02-31", "555-2024-10-31" are not
    }
    let joined = parts.windows(2).all(|w| adjacent(&w[0], &w[1]));
    if !joined || !parts[1].is_punct('-') || !parts[3].is_punct('-') {
        return None;
    }
    let month = parts[2].number(2..=2).filter(|m| (1..=12).contains(m))?;
    let day = parts[4].number(2..=2).filter(|d| (1..=31).contains(d))?;
    if let Some(n) = t.get(i + 5) {
        if adjacent(&parts[4], n) && (n.kind != Kind::Punct || n.is_punct('-') || n.is_punct('/')) {
            return None;
        }
    }
    let calendar = Calendar {
        span: span(t, i, i + 4),
        year: Some(year),
        month,
        day,
        until_day: None,
    };
    Some((Expression::Calendar(calendar), i + 4))
}

/// "on the 13th": only after a time preposition and before nothing that makes the ordinal a
/// rank ("the 13th century", "the 13th floor", "the 13th-largest").
fn the_nth(t: &[Token], i: usize) -> Option<(Expression, usize)> {
    if !t.get(i)?.is_word("the") {
        return None;
    }
    let n = t.get(i + 1)?;
    if !n.ordinal {
        return None;
    }
    if t.get(i + 2).is_some_and(|x| x.is_word("of")) {
        return day_first(t, i + 1);
    }
    let day = n.day()?;
    let lead = i > 0
        && t[i - 1].is_any_word(&[
            "on", "by", "until", "till", "since", "from", "before", "after", "through",
        ]);
    let follow_ok = match t.get(i + 2) {
        None => true,
        Some(x) if x.kind == Kind::Punct => {
            !(adjacent(n, x) && (x.is_punct('-') || x.is_punct('–')))
        }
        Some(x) => x.is_any_word(&[
            "and",
            "or",
            "at",
            "when",
            "to",
            "through",
            "until",
            "morning",
            "afternoon",
            "evening",
            "night",
        ]),
    };
    (lead && follow_ok).then_some((Expression::DayOfMonth(day), i + 1))
}

fn calendar_at(t: &[Token], i: usize) -> Option<(Expression, usize)> {
    month_first(t, i)
        .or_else(|| day_first(t, i))
        .or_else(|| iso(t, i))
        .or_else(|| the_nth(t, i))
}

/// "Wednesday, March 4", "Thursday (Oct. 13)", "Tuesday, January 27", "Tues., Nov. 24".
fn weekday_with_date(t: &[Token], i: usize) -> Option<Found> {
    let w = word(t, i)?;
    if lexicon::strip_possessive(w.text).len() != w.text.len() {
        return None;
    }
    let mut j = i + 1;
    let day = match lexicon::weekday(w.text) {
        Some(day) => day,
        None => {
            // An abbreviation, only before the date and with its period: "the Baltimore
            // Sun, Nov. 24" cites a newspaper.
            let day = lexicon::weekday_abbreviation(w.text)?;
            let after_the = i > 0 && t[i - 1].is_word("the");
            if after_the || !(punct(t, j, '.') && adjacent(w, &t[j])) {
                return None;
            }
            j += 1;
            day
        }
    };
    let paren = punct(t, j, '(');
    if paren || punct(t, j, ',') {
        j += 1;
    }
    let (expression, mut last) = calendar_at(t, j)?;
    if !matches!(expression, Expression::Calendar(_)) {
        return None;
    }
    if paren && punct(t, last + 1, ')') {
        last += 1;
    }
    Some(Found {
        span: span(t, i, last),
        expression,
        weekday: Some((day, w.span())),
        first: i,
        last,
    })
}

/// A calendar date, with a weekday after it when there is one: "March 4 (Wednesday)",
/// "Oct. 13, a Thursday".
fn calendar_with_weekday(t: &[Token], i: usize) -> Option<Found> {
    let (expression, mut last) = calendar_at(t, i)?;
    let mut weekday = None;
    if matches!(expression, Expression::Calendar(_)) {
        let named = |k: usize| {
            word(t, k)
                .and_then(|w| lexicon::weekday(w.text).map(|d| (d, w.span())))
                .filter(|_| lexicon::strip_possessive(t[k].text).len() == t[k].text.len())
        };
        if punct(t, last + 1, '(') && punct(t, last + 3, ')') {
            if let Some(d) = named(last + 2) {
                weekday = Some(d);
                last += 3;
            }
        } else if punct(t, last + 1, ',') && t.get(last + 2).is_some_and(|x| x.is_word("a")) {
            if let Some(d) = named(last + 3) {
                weekday = Some(d);
                last += 3;
            }
        }
    }
    Some(Found {
        span: span(t, i, last),
        expression,
        weekday,
        first: i,
        last,
    })
}

fn modifier_of(t: &Token) -> Modifier {
    if t.is_word("last") || t.is_word("past") {
        Modifier::Last
    } else if t.is_word("next") || t.is_word("coming") {
        Modifier::Next
    } else if t.is_word("this") {
        Modifier::This
    } else {
        Modifier::None
    }
}

/// "on Thursday", "last Thursday", "overnight Wednesday", "Tuesday morning", "early Thursday",
/// "Sunday's vote"; not "every Thursday", "Good Friday", "the Sunday Times".
fn bare_weekday(t: &[Token], i: usize, free: usize) -> Option<Found> {
    let w = word(t, i)?;
    let day = lexicon::weekday(w.text)?;
    let prev = i.checked_sub(1).and_then(|p| t.get(p));
    if let Some(p) = prev {
        if p.is_any_word(&["every", "each", "other"]) {
            return None; // a habit, not a date
        }
        if p.is_capitalized() && !p.is_any_word(&LEAD_WORDS) {
            return None; // "Good Friday", "Black Friday", "Super Tuesday"
        }
    }
    let led = prev.is_some_and(|p| p.is_any_word(&LEAD_WORDS));
    let is_plain = lexicon::strip_possessive(w.text).len() == w.text.len();
    if let Some(n) = t.get(i + 1) {
        if is_plain && n.is_capitalized() && lexicon::month(n.text).is_none() && !led {
            return None; // "Sunday Times", "Monday Night Football"
        }
    }
    let mut first = i;
    let mut modifier = Modifier::None;
    if let Some(p) = prev.filter(|_| i > free) {
        modifier = modifier_of(p);
        if modifier != Modifier::None || p.is_any_word(&["early", "late", "overnight"]) {
            first = i - 1;
        }
    }
    let mut last = i;
    if is_plain
        && t.get(i + 1).is_some_and(|n| {
            n.is_any_word(&["morning", "afternoon", "evening", "night", "overnight"])
        })
    {
        last = i + 1;
    }
    Some(Found {
        span: span(t, first, last),
        expression: Expression::Weekday(day, modifier),
        weekday: None,
        first,
        last,
    })
}

fn unit_of(w: &str, plural: bool) -> Option<Unit> {
    let w = lexicon::strip_possessive(w);
    let singular = match (plural, w.len()) {
        (true, n) if n > 1 && (w.ends_with('s') || w.ends_with('S')) => &w[..n - 1],
        (true, _) => return None,
        (false, _) => w,
    };
    [
        ("day", Unit::Day),
        ("week", Unit::Week),
        ("weekend", Unit::Weekend),
        ("month", Unit::Month),
        ("year", Unit::Year),
    ]
    .iter()
    .find(|(u, _)| u.eq_ignore_ascii_case(singular))
    .map(|&(_, u)| u)
}

/// A count before a unit: "three", "3", "twenty-four", "a".
fn count_at(t: &[Token], i: usize) -> Option<u32> {
    let x = t.get(i)?;
    match x.kind {
        Kind::Number if !x.ordinal => x.number(1..=3),
        Kind::Word => lexicon::number_word(x.text),
        Kind::Number | Kind::Punct => None,
    }
}

/// "yesterday", "today", "tomorrow", "last week", "earlier this month", "three days ago",
/// "over the past twenty-four hours".
fn relative(t: &[Token], i: usize, free: usize) -> Option<Found> {
    let w = word(t, i)?;
    let text = lexicon::strip_possessive(w.text);
    let found = |first: usize, last: usize, r: Relative| Found {
        span: span(t, first, last),
        expression: Expression::Relative(r),
        weekday: None,
        first,
        last,
    };
    let day = [
        ("today", 0),
        ("tonight", 0),
        ("yesterday", -1),
        ("tomorrow", 1),
    ]
    .iter()
    .find(|(d, _)| d.eq_ignore_ascii_case(text))
    .map(|&(_, n)| n);
    if let Some(n) = day {
        // "USA Today" is a newspaper.
        let prev = i.checked_sub(1).and_then(|p| t.get(p));
        if w.is_capitalized() && prev.is_some_and(|p| p.is_capitalized()) {
            return None;
        }
        return Some(found(i, i, Relative::Day(n)));
    }
    let the_before = i > 0 && t[i - 1].is_any_word(&["the", "a", "that", "each", "every"]);
    let modifier = modifier_of(w);
    if modifier != Modifier::None && !the_before && !w.is_word("past") {
        let next = word(t, i + 1)?;
        if modifier == Modifier::Last && next.is_word("night") {
            return Some(found(i, i + 1, Relative::Day(-1)));
        }
        if modifier == Modifier::This && next.is_any_word(&["morning", "afternoon", "evening"]) {
            return Some(found(i, i + 1, Relative::Day(0)));
        }
        let unit = unit_of(next.text, false).filter(|u| *u != Unit::Day)?;
        let offset = match modifier {
            Modifier::Last => -1,
            Modifier::Next => 1,
            _ => 0,
        };
        let mut first = i;
        if modifier == Modifier::This
            && i > free
            && t[i - 1].is_any_word(&["earlier", "later", "early", "late"])
        {
            first = i - 1;
        }
        return Some(found(first, i + 1, Relative::Calendar(unit, offset)));
    }
    // "three days ago", "a week ago"
    if let Some(n) = count_at(t, i) {
        let unit = word(t, i + 1).and_then(|u| unit_of(u.text, n != 1))?;
        if t.get(i + 2).is_some_and(|x| x.is_word("ago")) && unit != Unit::Weekend {
            return Some(found(i, i + 2, Relative::Ago(unit, n)));
        }
        return None;
    }
    // "over the past twenty-four hours", "in the last two years", "the past week"
    if (w.is_word("past") || w.is_word("last")) && the_before {
        let (n, unit_at) = match count_at(t, i + 1) {
            Some(n) if !t[i + 1].is_word("a") && !t[i + 1].is_word("an") => (n, i + 2),
            _ => (1, i + 1),
        };
        let u = word(t, unit_at)?;
        let unit = if u.is_word("hours") || (n == 1 && u.is_word("hour")) {
            if n > 48 || n == 0 {
                return None;
            }
            Some((Unit::Day, n.div_ceil(24)))
        } else {
            unit_of(u.text, n != 1)
                .filter(|u| *u != Unit::Weekend)
                .map(|u| (u, n))
        };
        let (unit, n) = unit?;
        let mut first = i - 1; // "the"
        if first > free
            && first >= 1
            && t[first - 1].is_any_word(&["over", "in", "during", "within", "for"])
        {
            first -= 1;
        }
        if first < free {
            return None;
        }
        return Some(found(first, unit_at, Relative::Past(unit, n)));
    }
    None
}

/// "in March", "last May", "mid-March", "between January and June".
fn month_alone(t: &[Token], i: usize, free: usize) -> Option<Found> {
    let w = word(t, i)?;
    let month_word = lexicon::strip_possessive(w.text);
    if let Some(rest) = month_word
        .strip_prefix("mid-")
        .or_else(|| month_word.strip_prefix("Mid-"))
    {
        let (month, form) = lexicon::month(rest)?;
        return (form == MonthForm::Full).then(|| Found {
            span: w.span(),
            expression: Expression::Month {
                month,
                year: None,
                modifier: Modifier::None,
            },
            weekday: None,
            first: i,
            last: i,
        });
    }
    let (month, form) = lexicon::month(month_word)?;
    if form != MonthForm::Full || i == 0 {
        return None;
    }
    let prev = &t[i - 1];
    let listed = prev.is_any_word(&["and", "or", "to"])
        && i >= 2
        && word(t, i - 2).is_some_and(|m| lexicon::month(m.text).is_some());
    if !prev.is_any_word(&TIME_PREPOSITIONS) && !listed {
        return None;
    }
    let modifier = modifier_of(prev);
    let first = if i > free && (modifier != Modifier::None || prev.is_any_word(&["early", "late"]))
    {
        i - 1
    } else {
        i
    };
    Some(Found {
        span: span(t, first, i),
        expression: Expression::Month {
            month,
            year: None,
            modifier,
        },
        weekday: None,
        first,
        last: i,
    })
}

/// "since 2019", "in 2022", "between 2017 and 2022", "mid-2024"; not "the 2016-17 season",
/// "2019 percent", "$2019".
fn year_alone(t: &[Token], i: usize) -> Option<Found> {
    let year = year_at(t, i)?;
    if !(1800..=2199).contains(&year) || i == 0 {
        return None;
    }
    let prev = &t[i - 1];
    let mid = prev.is_punct('-') && adjacent(prev, &t[i]) && i >= 2 && t[i - 2].is_word("mid");
    let listed = prev.is_any_word(&["and", "or", "to"]) && i >= 2 && t[i - 2].year().is_some();
    let led = prev.is_any_word(&TIME_PREPOSITIONS) && !prev.is_any_word(&["last", "next", "this"]);
    if !(led || mid || listed) {
        return None;
    }
    if let Some(n) = t.get(i + 1) {
        if n.is_punct('%') || n.is_any_word(&["percent", "per"]) {
            return None;
        }
    }
    Some(Found {
        span: t[i].span(),
        expression: Expression::Year(year),
        weekday: None,
        first: i,
        last: i,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::dates::tokens::tokenize;

    fn scan_text(s: &str) -> Vec<(String, Expression)> {
        let mut toks = Vec::new();
        tokenize(s, 0, &mut toks);
        let mut out = Vec::new();
        scan(&toks, &mut out);
        out.into_iter()
            .map(|f| (s[f.span].to_string(), f.expression))
            .collect()
    }

    fn texts(s: &str) -> Vec<String> {
        scan_text(s).into_iter().map(|(t, _)| t).collect()
    }

    fn calendar(s: &str) -> Calendar {
        match scan_text(s).into_iter().next() {
            Some((_, Expression::Calendar(c))) => c,
            other => panic!("no calendar date in {s:?}: {other:?}"),
        }
    }

    #[test]
    fn absolute_dates_in_every_written_form() {
        let c = calendar("on Oct. 13, 2016, the army");
        assert_eq!((c.year, c.month, c.day), (Some(2016), 10, 13));
        let c = calendar("since October 8 with a demand");
        assert_eq!((c.year, c.month, c.day), (None, 10, 8));
        let c = calendar("on 13 October 2016");
        assert_eq!((c.year, c.month, c.day), (Some(2016), 10, 13));
        let c = calendar("released 2024-10-31.");
        assert_eq!((c.year, c.month, c.day), (Some(2024), 10, 31));
        let c = calendar("on October 13th at noon");
        assert_eq!((c.year, c.month, c.day), (None, 10, 13));
        let c = calendar("the 13th of October");
        assert_eq!((c.year, c.month, c.day), (None, 10, 13));
        let c = calendar("Sept. 9");
        assert_eq!((c.month, c.day), (9, 9));
        let c = calendar("set sentencing for Jan. 21.");
        assert_eq!(c.span, 19..26);
        for abbr in ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."] {
            assert_eq!(texts(&format!("on {abbr} 2")), [format!("{abbr} 2")]);
        }
        let c = calendar("from March 4-6 in");
        assert_eq!((c.day, c.until_day), (4, Some(6)));
    }

    #[test]
    fn weekday_and_date_pairs() {
        let all = scan_text("Residents packed the chamber on Wednesday, March 4, to voice");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].0, "Wednesday, March 4");
        assert_eq!(texts("on Thursday (Oct. 13) and"), ["Thursday (Oct. 13)"]);
        assert_eq!(
            texts("- Monday, June 9: talks collapse"),
            ["Monday, June 9"]
        );
        assert_eq!(
            texts("begin on Tuesday, January 27."),
            ["Tuesday, January 27"]
        );
        assert_eq!(texts("on March 4 (Wednesday),"), ["March 4 (Wednesday)"]);
        assert_eq!(texts("on March 4, a Wednesday,"), ["March 4, a Wednesday"]);
        assert_eq!(
            texts("Thursday, Oct. 13, 2016"),
            ["Thursday, Oct. 13, 2016"]
        );
        assert_eq!(texts("held Tues., Nov. 24, in"), ["Tues., Nov. 24"]);
        assert_eq!(texts("SAT. (NOV. 21)"), ["SAT. (NOV. 21)"]);
    }

    #[test]
    fn bare_weekdays_with_their_modifiers() {
        assert_eq!(texts("said on Thursday."), ["Thursday"]);
        assert_eq!(
            texts("tore through overnight Wednesday, toppling"),
            ["overnight Wednesday"]
        );
        assert_eq!(texts("power on Thursday morning."), ["Thursday morning"]);
        assert_eq!(texts("a budget early Thursday after"), ["early Thursday"]);
        assert_eq!(texts("presented last Thursday at"), ["last Thursday"]);
        assert_eq!(texts("Sunday's vote"), ["Sunday's"]);
        assert!(matches!(
            scan_text("meet next Monday")[0].1,
            Expression::Weekday(Weekday::Mon, Modifier::Next)
        ));
    }

    #[test]
    fn weekdays_that_are_not_dates() {
        assert!(texts("shops open every Sunday and on Good Friday.").is_empty());
        assert!(texts("Black Friday sales and Super Tuesday").is_empty());
        assert!(texts("told the Sunday Times").is_empty());
        assert!(texts("on Sundays").is_empty());
    }

    #[test]
    fn relative_expressions() {
        assert_eq!(
            scan_text("Yesterday, today and tomorrow")
                .into_iter()
                .map(|(_, e)| e)
                .collect::<Vec<_>>(),
            [
                Expression::Relative(Relative::Day(-1)),
                Expression::Relative(Relative::Day(0)),
                Expression::Relative(Relative::Day(1))
            ]
        );
        assert_eq!(texts("talks next week and"), ["next week"]);
        assert_eq!(texts("outage earlier this month."), ["earlier this month"]);
        assert_eq!(texts("double last year's amount"), ["last year's"]);
        assert_eq!(texts("three days ago"), ["three days ago"]);
        assert_eq!(texts("a week ago"), ["a week ago"]);
        assert_eq!(
            scan_text("Over the past twenty-four hours, eight")[0],
            (
                "Over the past twenty-four hours".to_string(),
                Expression::Relative(Relative::Past(Unit::Day, 1))
            )
        );
        assert_eq!(texts("in the past two years"), ["in the past two years"]);
        assert!(texts("USA Today reported").is_empty());
    }

    #[test]
    fn months_and_years_alone() {
        assert_eq!(texts("pleaded guilty in March and"), ["March"]);
        assert_eq!(texts("opened in August 2023."), ["August 2023"]);
        assert_eq!(texts("the first increase since 2019."), ["2019"]);
        assert_eq!(texts("between 2017 and 2022."), ["2017", "2022"]);
        assert_eq!(texts("by mid-March"), ["mid-March"]);
        assert_eq!(
            texts("between January and December 2024."),
            ["January", "December 2024"]
        );
        assert!(texts("Theresa May said").is_empty());
        assert!(texts("protesters march on").is_empty());
    }

    #[test]
    fn things_that_only_look_like_dates() {
        assert!(texts("the 2016-17 season").is_empty());
        assert!(texts("open 24/7 since").is_empty());
        assert!(texts("won 3-1 on aggregate, 24-10 at home").is_empty());
        assert!(texts("at 10:30 a.m. and 4 p.m.").is_empty());
        assert!(texts("in the 13th century on the 13th floor").is_empty());
        assert!(texts("Call 555-0142 for lines").is_empty());
        assert!(texts("build v2024-02-31 and 555-2024-10-31").is_empty());
        assert_eq!(texts("(2024-10-31)"), ["2024-10-31"]);
        assert!(texts("in 2019/20 and in 2019-2020").is_empty());
        assert!(texts("1,240 patients and 3.5 percent").is_empty());
        assert_eq!(texts("a June 2014 report"), ["June 2014"]);
        assert!(texts("Route 9 and No. 1").is_empty());
    }

    #[test]
    fn day_of_month() {
        assert_eq!(
            scan_text("expires on the 13th.")[0].1,
            Expression::DayOfMonth(13)
        );
    }
}
