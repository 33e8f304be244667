//! Recognizes numeric claims in a sentence and types them: counts, money, percentages,
//! measurements, durations, fractions and multipliers. Each number is typed first, then the
//! exclusions (dates, years, times, ages, ordinals, identifiers…) decide whether it is a
//! claim at all; the claim span grows to its qualifier ("more than"), its unit or scale and
//! the counted noun ("40% of households", "1,800 ships").

use super::exclusions as ex;
use super::lexer::Kind;
use super::lexicon as lx;
use super::sent::Sent;
use crate::analysis::words::AsciiLower;
use crate::draft::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    Count,
    Money,
    Percent,
    Measure,
    Duration,
    Fraction,
    Multiplier,
}

impl ClaimKind {
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Money => "amount of money",
            ClaimKind::Percent => "percentage",
            ClaimKind::Measure => "measurement",
            ClaimKind::Duration => "duration",
            ClaimKind::Fraction => "fraction",
            ClaimKind::Multiplier => "multiple",
        }
    }
}

/// A claim as found in its sentence, before support is looked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: ClaimKind,
    /// Qualifier, number, unit and counted noun.
    pub span: Span,
    /// The figure itself.
    pub number: Span,
    pub value: Option<f64>,
    /// `about`, `more than`, `at least`…: the figure is not exact.
    pub approx: bool,
    /// `10 to 12`, `10-12`.
    pub range: bool,
    /// Written in words (`three`, `a dozen`).
    pub in_words: bool,
    /// The counted noun, lower case (`people`, `clinics`).
    pub head: Option<String>,
    /// Words between the figure and the counted noun (`rural`).
    pub modifiers: Vec<String>,
    /// The verb bound to the figure (`killed` in "killed 64 people", "64 people killed").
    pub verb: Option<String>,
    /// `another eight`, `eight more`: counts an addition, not a total.
    pub relative: bool,
    /// Words around it mark a change over time ("rose to", "up from", "previously").
    pub changing: bool,
}

enum Step {
    Claim(Box<Found>, usize),
    Skip(usize),
}

/// The numeric claims of one sentence, in order.
pub(crate) fn scan(s: &Sent, out: &mut Vec<Found>) {
    let mut i = s.lo;
    while i < s.hi {
        let next = match recognize(s, i) {
            Step::Claim(found, next) => {
                out.push(*found);
                next
            }
            Step::Skip(next) => next,
        };
        i = next.max(i + 1);
    }
}

fn recognize(s: &Sent, i: usize) -> Step {
    match s.kind(i) {
        Some(Kind::Num) => numeric(s, i),
        Some(Kind::Word) => wordy(s, i),
        _ => Step::Skip(i + 1),
    }
}

/// The figure: first and last token, value, and how it is written.
struct Core {
    first: usize,
    last: usize,
    value: Option<f64>,
    in_words: bool,
    range: bool,
}

fn parse_num(text: &str) -> Option<f64> {
    text.replace(',', "").parse().ok()
}

fn numeric(s: &Sent, i: usize) -> Step {
    let text = s.text(i);
    if ex::glued_identifier_before(s, i) || ex::list_marker(s, i) || ex::footnote(s, i) {
        return Step::Skip(i + 1);
    }
    // "(555) 123-4567": an area code.
    if s.is_back(i, 1, "(") && s.is(i + 1, ")") && s.is_num(i + 2) {
        return Step::Skip(ex::chain_end(s, i + 2));
    }
    if text.len() > 1 && text.starts_with('0') && !text.starts_with("0.") {
        return Step::Skip(ex::chain_end(s, i));
    }
    // Digits joined by ':' '/' '.' or several hyphens: times, dates, phone numbers, versions.
    let chain = ex::chain_end(s, i);
    let mut core = Core {
        first: i,
        last: i,
        value: parse_num(text),
        in_words: false,
        range: false,
    };
    if chain > i + 1 {
        let seps: Vec<&str> = (i + 1..chain).step_by(2).map(|k| s.text(k)).collect();
        let nums = (chain - i).div_ceil(2);
        if nums != 2 || !seps.iter().all(|t| matches!(*t, "-" | "–")) {
            return Step::Skip(chain);
        }
        let (a, b) = (text, s.text(i + 2));
        match ex::hyphen_pair(a, b) {
            ex::Pair::Range
                if ex::record_after_name(s, i, i + 2) || ex::ball_strike_count(s, i, i + 2) =>
            {
                return Step::Skip(chain)
            }
            ex::Pair::Range => {
                core.last = i + 2;
                core.range = true;
            }
            ex::Pair::NotAClaim => return Step::Skip(chain),
        }
    }
    // A word glued to the digits: 13th, 1990s, 10am, 1080p, 90mph, 5bn.
    let mut glued_unit = None;
    if s.is_word(core.last + 1) && s.glued(core.last + 1) {
        let suffix = s.text(core.last + 1);
        if lx::glued_unit(suffix) {
            glued_unit = Some(core.last + 1);
        } else {
            return Step::Skip(core.last + 2);
        }
    }
    finish(s, core, glued_unit)
}

/// Whether a word can start a number written in words; everything else is skipped
/// without further work (most words of a draft).
fn may_start_number(word: &str) -> bool {
    lx::number_start(word)
}

fn wordy(s: &Sent, i: usize) -> Step {
    let w = s.text(i);
    if !may_start_number(w) {
        return Step::Skip(i + 1);
    }
    let Some(lower) = lx::Lower::<12>::new(w) else {
        return Step::Skip(i + 1);
    };
    let lower = lower.as_str();
    // Multipliers: "double last year's amount", "prices doubled", "twice as many".
    match lower {
        "double" | "triple" | "quadruple"
            if matches!(
                s.text(i + 1).ascii_lower().as_ref(),
                "the"
                    | "that"
                    | "this"
                    | "last"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "what"
                    | "those"
                    | "these"
            ) =>
        {
            let mut last = i + 1;
            while last + 1 < s.hi && s.is_word(last + 1) && last < i + 4 {
                last += 1;
            }
            return claim_simple(s, i, last, ClaimKind::Multiplier, Some(2.0));
        }
        "doubled" | "tripled" | "quadrupled" | "halved"
            if !matches!(s.text(i + 1), "down" | "over" | "up") && !s.glued(i) =>
        {
            return claim_simple(s, i, i, ClaimKind::Multiplier, None);
        }
        "twice" if s.is(i + 1, "as") => {
            return claim_simple(
                s,
                i,
                (i + 2).min(s.hi - 1),
                ClaimKind::Multiplier,
                Some(2.0),
            );
        }
        "half" => {
            return if ex::half_is_fraction(s, i) {
                claim_simple(s, i, i, ClaimKind::Fraction, Some(0.5))
            } else {
                Step::Skip(i + 1)
            };
        }
        _ => {}
    }
    // "a third", "a quarter of": a fraction unless a noun follows (then an ordinal).
    if matches!(lower, "a" | "one")
        && !s.glued(i + 1)
        && lx::fraction_word(s.text(i + 1)).is_some()
        && !s.is(i + 1, "half")
        && ex::fraction_not_ordinal(s, i + 1)
    {
        let d = lx::fraction_word(s.text(i + 1)).unwrap_or(1.0);
        return claim_simple(s, i, i + 1, ClaimKind::Fraction, Some(1.0 / d));
    }
    // "two-thirds", "one-third", "three-quarters", "two thirds of".
    if let Some(n) = lx::cardinal(w) {
        let (k, glued) = if s.is(i + 1, "-") && s.glued(i + 1) && s.glued(i + 2) {
            (i + 2, true)
        } else {
            (i + 1, false)
        };
        if let Some(d) = lx::fraction_word(s.text(k)) {
            let plural_or_joined = glued || s.text(k).ends_with('s');
            if plural_or_joined && ex::fraction_not_ordinal(s, k) && n >= 1.0 {
                return claim_simple(s, i, k, ClaimKind::Fraction, Some(n / d));
            }
        }
    }
    // Cardinals: "twenty-four", "three", "a thousand", "two dozen", "one in five".
    let Some((value, last)) = word_value(s, i) else {
        return Step::Skip(i + 1);
    };
    let core = Core {
        first: i,
        last,
        value: Some(value),
        in_words: true,
        range: false,
    };
    let is_scaled = last > i || lower == "a" || lower == "an";
    if lower == "one" && !is_scaled && !(s.is(last + 1, "in") || s.is(last + 1, "out")) {
        // "One victim", "the first one": a pronoun or an article, not a figure.
        return Step::Skip(i + 1);
    }
    if lower == "zero" {
        return Step::Skip(i + 1);
    }
    // Compounds used as adjectives: "a two-story house", "a nine-year-old".
    if s.is(last + 1, "-") && s.glued(last + 1) {
        if ex::age_compound(s, last + 1) {
            return Step::Skip(last + 6);
        }
        let next = s.text(last + 2);
        if lx::time_unit(next) || lx::unit(next) {
            return finish(s, core, None);
        }
        return Step::Skip(last + 3);
    }
    // "the two men", "their three children": referring back, not counting.
    if !is_scaled
        && value <= 10.0
        && s.back(i, 1)
            .is_some_and(|p| lx::referring_determiner(s.text(p)))
    {
        return Step::Skip(last + 1);
    }
    finish(s, core, None)
}

/// A number written in words starting at `i`: its value and last token.
fn word_value(s: &Sent, i: usize) -> Option<(f64, usize)> {
    let w = s.text(i);
    let (mut value, mut last) = if let Some(t) = lx::tens(w) {
        if s.is(i + 1, "-") && s.glued(i + 1) && s.glued(i + 2) {
            match lx::small_number(s.text(i + 2)) {
                Some(u) if (1.0..10.0).contains(&u) => (t + u, i + 2),
                _ => (t, i),
            }
        } else {
            (t, i)
        }
    } else if let Some(n) = lx::small_number(w) {
        (n, i)
    } else if matches!(w.ascii_lower().as_ref(), "a" | "an")
        && lx::scale(s.text(i + 1)).is_some()
        && !s.glued(i + 1)
    {
        (1.0, i)
    } else {
        return None;
    };
    while let Some(m) = lx::scale(s.text(last + 1)) {
        if s.glued(last + 1) {
            break;
        }
        value *= m;
        last += 1;
    }
    Some((value, last))
}

/// A claim with no unit, scale or noun processing (fractions written in words, multipliers).
fn claim_simple(s: &Sent, first: usize, last: usize, kind: ClaimKind, value: Option<f64>) -> Step {
    let (start, approx, _) = qualifier(s, first);
    let mut end = last;
    // "half of the city's residents", "a third of households".
    if s.is(end + 1, "of") {
        let (np_end, head, _) = noun_phrase(s, end + 2, true, 2.0);
        if head.is_some() {
            end = np_end;
        }
    }
    Step::Claim(
        Box::new(Found {
            kind,
            span: s.span_of(start, end),
            number: s.span_of(first, last),
            value,
            approx,
            range: false,
            in_words: true,
            head: None,
            modifiers: Vec::new(),
            verb: None,
            relative: false,
            changing: false,
        }),
        last + 1,
    )
}

fn finish(s: &Sent, mut core: Core, glued_unit: Option<usize>) -> Step {
    let mut kind = ClaimKind::Count;
    let mut j = core.last + 1;
    let mut unit_word: Option<&str> = None;
    if let Some(u) = glued_unit {
        let t = s.text(u);
        if let Some(m) = lx::scale(t) {
            core.value = core.value.map(|v| v * m);
        } else if t.eq_ignore_ascii_case("m") || t.eq_ignore_ascii_case("k") {
            // "$5m", "$20k" with a currency; otherwise metres.
            if ex::currency_before(s, core.first).is_none() {
                kind = ClaimKind::Measure;
            }
        } else {
            kind = ClaimKind::Measure;
            unit_word = Some(t);
        }
        j = u + 1;
    }
    // Scale words: "4.1 million", "$80 billion", "three hundred thousand".
    if !core.in_words {
        while let Some(m) = lx::scale(s.text(j)) {
            if s.glued(j) && !s.is_word(j) {
                break;
            }
            core.value = core.value.map(|v| v * m);
            j += 1;
        }
    }
    // "10 to 12", "between 10 and 12", "two or three", "10 – 12".
    if let Some((range_last, after)) = range_tail(s, &core, j) {
        core.last = range_last;
        core.range = true;
        j = after;
    }
    // Money.
    let mut first = core.first;
    if let Some(c) = ex::currency_before(s, core.first) {
        kind = ClaimKind::Money;
        first = c;
    } else if lx::currency_word(s.text(j)) || lx::currency_name(s.text(j)) {
        kind = ClaimKind::Money;
        j += 1;
    }
    // Percentages.
    if kind != ClaimKind::Money {
        let t = s.text(j).ascii_lower();
        if t == "%" || t == "percent" || t == "pct" {
            kind = ClaimKind::Percent;
            j += 1;
        } else if t == "per" && s.is(j + 1, "cent")
            || t == "percentage" && s.text(j + 1).ascii_lower().starts_with("point")
        {
            kind = ClaimKind::Percent;
            j += 2;
        }
    }
    // Units: "2.5 inches", "90 mph", "20 hours", "nine-hour", "10-mile".
    if kind == ClaimKind::Count && unit_word.is_none() {
        let hyphen = s.is(j, "-") && s.glued(j) && s.glued(j + 1);
        let at = if hyphen { j + 1 } else { j };
        let t = s.text(at);
        let square = matches!(t.ascii_lower().as_ref(), "square" | "sq" | "cubic")
            && lx::unit(s.text(at + 1));
        // `110 light-years`: a distance, whatever its second half says.
        let light_years = t.eq_ignore_ascii_case("light")
            && s.text(at + 1) == "-"
            && s.text(at + 2).ascii_lower().starts_with("year");
        if square {
            unit_word = Some(s.text(at + 1));
            kind = ClaimKind::Measure;
            j = at + 2;
        } else if light_years {
            unit_word = Some(t);
            kind = ClaimKind::Measure;
            j = at + 3;
        } else if lx::time_unit(t) {
            if hyphen && ex::age_compound(s, j) {
                return Step::Skip(j + 5);
            }
            unit_word = Some(t);
            kind = ClaimKind::Duration;
            j = at + 1;
        } else if (lx::unit(t) && !(t.len() == 1 && s.capitalized(at))) || (t == "°" && s.glued(at))
        {
            unit_word = Some(t);
            kind = ClaimKind::Measure;
            j = at + 1;
            if t == "°" && s.glued(j) && s.is_word(j) {
                j += 1;
            }
        } else if hyphen && kind == ClaimKind::Count {
            // "a 12-member board": an adjective compound.
            return Step::Skip(at + 1);
        }
    }
    // "one in five", "1 in 4", "nine out of 10".
    if kind == ClaimKind::Count {
        let k = if s.is(j, "in") {
            Some(j + 1)
        } else if s.is(j, "out") && s.is(j + 1, "of") {
            Some(if s.is(j + 2, "every") { j + 3 } else { j + 2 })
        } else {
            None
        };
        if let Some(k) = k {
            let denominator = if s.is_num(k) {
                parse_num(s.text(k)).map(|v| (v, k))
            } else {
                word_value(s, k)
            };
            if let (Some((d, dl)), Some(n)) = (denominator, core.value) {
                if d > n && !(lx::month(s.text(k)) || ex::is_year(s.text(k))) && d > 1.0 {
                    kind = ClaimKind::Fraction;
                    core.value = Some(n / d);
                    core.last = dl;
                    j = dl + 1;
                }
            }
        }
    }
    if ex::excluded(s, &core_view(&core, first), kind, j, unit_word) {
        return Step::Skip(j.max(core.last + 1));
    }
    let (mut start, approx, relative_before) = qualifier(s, first);
    if core.range && s.is_back(start, 1, "between") {
        start -= 1;
    }
    let mut relative = relative_before;
    let mut end = j.saturating_sub(1).max(core.last);
    let mut head = None;
    let mut modifiers = Vec::new();
    match kind {
        ClaimKind::Count => {
            let (np_end, h, mods) = noun_phrase(s, j, false, core.value.unwrap_or(2.0));
            if let Some(h) = h {
                end = np_end;
                head = Some(h);
                modifiers = mods;
            }
        }
        ClaimKind::Percent | ClaimKind::Fraction | ClaimKind::Measure => {
            if s.is(j, "of") {
                let (np_end, h, _) = noun_phrase(s, j + 1, true, 2.0);
                if let Some(h) = h {
                    end = np_end;
                    head = Some(h);
                }
            }
        }
        ClaimKind::Duration => {
            if s.is(j, "straight") || s.is(j, "running") {
                end = j;
            }
        }
        ClaimKind::Money => {
            let t = s.text(j).ascii_lower();
            if matches!(t.as_ref(), "a" | "an" | "per")
                && (lx::time_unit(s.text(j + 1))
                    || matches!(s.text(j + 1), "head" | "person" | "month" | "year"))
            {
                end = j + 1;
            } else if matches!(t.as_ref(), "each" | "apiece" | "annually" | "yearly") {
                end = j;
            }
        }
        ClaimKind::Multiplier => {}
    }
    if modifiers.iter().any(|m| lx::relative_marker(m)) {
        relative = true;
    }
    if let Some(h) = &head {
        if lx::charge_noun(h) {
            return Step::Skip(end + 1);
        }
    }
    if core.in_words && kind == ClaimKind::Count && head.is_none() && core.last == core.first {
        // "the other two", "two of them": a word number needs something it counts.
        return Step::Skip(core.last + 1);
    }
    if core.in_words && kind == ClaimKind::Duration {
        // "six months", "two hours": loose spans of time, not figures to source.
        return Step::Skip(end + 1);
    }
    let verb = verb_before(s, start).or_else(|| verb_after(s, end + 1));
    // `110 light-years from Earth`, `20 km away from the border`: a distance from a place,
    // not a change from an earlier figure.
    let located = kind == ClaimKind::Measure
        && matches!(s.text(end + 1).ascii_lower().as_ref(), "from" | "away");
    let changing = (1..=4).any(|n| {
        s.back(start, n)
            .is_some_and(|k| s.is_word(k) && lx::change_word(s.text(k)))
    }) || !located
        && (end + 1..end + 4).any(|k| {
            matches!(
                s.text(k).ascii_lower().as_ref(),
                "from"
                    | "up"
                    | "down"
                    | "than"
                    | "compared"
                    | "versus"
                    | "vs"
                    | "before"
                    | "earlier"
                    | "previously"
            )
        });
    Step::Claim(
        Box::new(Found {
            kind,
            span: s.span_of(start, end),
            number: s.span_of(core.first, core.last),
            value: core.value,
            approx,
            range: core.range,
            in_words: core.in_words,
            head,
            modifiers,
            verb,
            relative,
            changing,
        }),
        end + 1,
    )
}

/// What the exclusions need to know about the figure.
pub(crate) struct CoreView {
    pub first: usize,
    /// First token including a currency sign.
    pub outer_first: usize,
    pub last: usize,
    pub value: Option<f64>,
    pub in_words: bool,
    pub range: bool,
}

fn core_view(core: &Core, outer_first: usize) -> CoreView {
    CoreView {
        first: core.first,
        outer_first,
        last: core.last,
        value: core.value,
        in_words: core.in_words,
        range: core.range,
    }
}

fn range_tail(s: &Sent, core: &Core, j: usize) -> Option<(usize, usize)> {
    if core.range {
        return None;
    }
    let joiner = s.text(j).ascii_lower();
    let ok = match joiner.as_ref() {
        "to" | "or" | "–" | "—" => true,
        "-" => !s.glued(j),
        "and" => s.is_back(core.first, 1, "between"),
        _ => false,
    };
    if !ok {
        return None;
    }
    let k = j + 1;
    if s.is_num(k) && !(s.glued(k + 1) && s.is_word(k + 1)) {
        let mut after = k + 1;
        while lx::scale(s.text(after)).is_some() {
            after += 1;
        }
        if ex::is_year(s.text(k)) && !ex::is_year(s.text(core.first)) {
            return None;
        }
        return Some((after - 1, after));
    }
    if core.in_words {
        if let Some((_, last)) = word_value(s, k) {
            return Some((last, last + 1));
        }
    }
    None
}

/// Qualifiers before the figure: returns the first token of the claim, whether the figure
/// is approximate, and whether it counts an addition (`another`).
fn qualifier(s: &Sent, first: usize) -> (usize, bool, bool) {
    let mut buf = [""; 3];
    let mut len = 0;
    for n in (1..=3).rev() {
        if let Some(k) = s.back(first, n) {
            if s.is_word(k) {
                buf[len] = s.text(k);
                len += 1;
            } else {
                len = 0;
            }
        }
    }
    let words = &buf[..len];
    let n = lx::qualifier_len(words);
    if n == 0 {
        return (first, false, false);
    }
    let start = first - n;
    let q = &words[words.len() - n..];
    let relative = q.len() == 1 && q[0].eq_ignore_ascii_case("another")
        || q.len() == 2 && q[1].eq_ignore_ascii_case("further");
    let exact = q.len() == 1
        && ["exactly", "precisely", "only"]
            .iter()
            .any(|w| q[0].eq_ignore_ascii_case(w));
    (start, !exact && !relative, relative)
}

fn is_plural(word: &str) -> bool {
    let w = word.ascii_lower();
    lx::plural_noun(&w)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("’s"))
}

/// The counted noun phrase from token `j`: its last token, head noun and modifiers.
/// `after_of` allows a leading determiner or possessive ("of the city's streets").
fn noun_phrase(
    s: &Sent,
    j: usize,
    after_of: bool,
    count: f64,
) -> (usize, Option<String>, Vec<String>) {
    let mut k = j;
    if after_of {
        while s.is_word(k)
            && matches!(
                s.text(k).ascii_lower().as_ref(),
                "the"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "all"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
            )
        {
            k += 1;
        }
        // "the city's": a possessive before the noun.
        if s.is_word(k) && (s.text(k).ends_with("'s") || s.text(k).ends_with("’s")) {
            k += 1;
        }
    }
    let mut words: Vec<(usize, String)> = Vec::new();
    while k < s.hi && words.len() < 3 {
        if !s.is_word(k) {
            break;
        }
        let w = s.text(k);
        let lower = w.ascii_lower();
        if lx::stop_word(&lower) && !(words.is_empty() && lx::relative_marker(&lower)) {
            break;
        }
        if lx::month(w) || lx::weekday(w) || IRREGULAR_PAST.contains(&lower.as_ref()) {
            break;
        }
        // Hyphenated compounds count as one word: "low-income families".
        let mut last = k;
        while s.is(last + 1, "-") && s.glued(last + 1) && s.is_word(last + 2) && s.glued(last + 2) {
            last += 2;
        }
        let word = s.prose.get(s.span_of(k, last)).unwrap_or("").ascii_lower();
        let plural = is_plural(s.text(last));
        words.push((last, word.into_owned()));
        k = last + 1;
        if plural || count == 1.0 && !lx::relative_marker(&lower) {
            break;
        }
        // After "of", a mass noun stands alone unless a plural completes a compound
        // ("of rain", "of the city's streets", "of data centres").
        if after_of && !(s.is_word(k) && is_plural(s.text(k)) && !lx::stop_word(s.text(k))) {
            break;
        }
    }
    // A trailing verb form is not the noun: "40 families tried".
    while let Some((_, w)) = words.last() {
        if words.len() > 1 && (w.ends_with("ed") || w.ends_with("ing")) && !is_plural(w) {
            words.pop();
        } else {
            break;
        }
    }
    if words.len() == 1 {
        let w = &words[0].1;
        if (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")) && !is_plural(w) {
            words.clear();
        }
    }
    match words.split_last() {
        Some(((last, head), mods)) => (
            *last,
            Some(head.clone()),
            mods.iter().map(|(_, m)| m.clone()).collect(),
        ),
        None => (j.saturating_sub(1), None, Vec::new()),
    }
}

/// Past tenses that end a noun phrase ("2.5 inches of rain fell").
const IRREGULAR_PAST: [&str; 24] = [
    "fell", "rose", "lost", "won", "took", "went", "came", "made", "left", "hit", "cut", "spent",
    "paid", "held", "grew", "saw", "said", "told", "began", "ran", "got", "gave", "sank", "flew",
];

const IRREGULAR: [&str; 24] = [
    "hurt", "held", "left", "lost", "found", "taken", "shot", "slain", "sent", "led", "won",
    "paid", "spent", "cut", "made", "built", "sold", "bought", "fled", "struck", "hit", "kept",
    "took", "saw",
];

fn verbish(word: &str) -> Option<String> {
    let w = word.ascii_lower();
    if w.len() > 4 && w.ends_with("ed") || IRREGULAR.contains(&w.as_ref()) {
        Some(w.into_owned())
    } else {
        None
    }
}

/// "killed 64 people": the verb right before the claim.
fn verb_before(s: &Sent, start: usize) -> Option<String> {
    let p = s.back(start, 1)?;
    if !s.is_word(p) {
        return None;
    }
    verbish(s.text(p))
}

/// "64 people (were) killed": the participle after the claim.
fn verb_after(s: &Sent, mut k: usize) -> Option<String> {
    for _ in 0..3 {
        let t = s.text(k).ascii_lower();
        if matches!(
            t.as_ref(),
            "were"
                | "was"
                | "had"
                | "have"
                | "has"
                | "been"
                | "are"
                | "is"
                | "being"
                | "reportedly"
                | "also"
                | "all"
        ) {
            k += 1;
            continue;
        }
        break;
    }
    if !s.is_word(k) {
        return None;
    }
    verbish(s.text(k))
}
