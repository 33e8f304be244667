//! The event a date expression dates, when grammar ties the date to one event noun: the
//! date before the noun as its modifier ("the March 3 vote", "Sunday's fire", "yesterday's
//! deadly blast"), or after it in a clause that says when the event happened ("the fire,
//! which broke out on Sunday", "The vote was held Tuesday", "the election of March 3").
//! Read in the local stage from the tokens the date rules already made, a few tokens on
//! either side of each expression, so it costs nothing where there is no date.
//!
//! The nouns (`data/lexicon/event-nouns.txt`) name events of one day; the verbs
//! (`event-verbs.txt`) say when one happened. A noun only an object of the sentence's verb
//! ("they postponed the vote on Tuesday") is never dated: the date may be the verb's.

use super::expressions::{Expression, Relative};
use super::tokens::{Kind, Token};
use crate::draft::Span;
use crate::lexicon::{entries, lexicon_file};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Where the date stands beside its event's noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventForm {
    /// Before it, as its modifier: "the March 3 vote", "Sunday's fire".
    Modifier,
    /// After it, in a clause: "the fire, which broke out on Sunday", "the vote of March 3".
    Clause,
}

/// The event a date expression dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRef {
    /// The event's noun as its line of `event-nouns.txt` names it ("earthquake" for
    /// "quake").
    pub noun: &'static str,
    /// The noun as written.
    pub span: Span,
    pub form: EventForm,
}

/// Each event noun, with the first noun of its line.
static NOUNS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for line in entries(lexicon_file!("event-nouns")) {
        let mut words = line.split(' ');
        let first = words.next().unwrap_or(line);
        map.insert(first, first);
        for w in words {
            map.insert(w, first);
        }
    }
    map
});

/// The verbs that date an event, each with its particle ("broke", "out").
static VERBS: LazyLock<Vec<(&'static str, Option<&'static str>)>> = LazyLock::new(|| {
    entries(lexicon_file!("event-verbs"))
        .map(|l| match l.split_once(' ') {
            Some((verb, particle)) => (verb, Some(particle)),
            None => (l, None),
        })
        .collect()
});

/// The event noun a lowercase word is, by its line's first noun.
pub(crate) fn noun(word: &str) -> Option<&'static str> {
    NOUNS.get(word).copied()
}

/// Every noun of the event named `canonical` ("earthquake", "quake").
pub(crate) fn nouns_of(canonical: &str) -> impl Iterator<Item = &'static str> + '_ {
    NOUNS
        .iter()
        .filter(move |(_, c)| **c == canonical)
        .map(|(w, _)| *w)
}

/// Words that may not stand between a date and its noun: a function word there means the
/// noun is not the date's.
const NOT_BETWEEN: &[&str] = &[
    "and", "or", "but", "of", "the", "a", "an", "to", "in", "on", "at", "for", "with", "by",
    "from", "that", "which", "as", "was", "were", "is", "are", "be", "been", "has", "have", "had",
    "will", "would", "not", "its", "his", "her", "their", "after", "before", "when",
];

/// Words that make an event noun a modifier of another noun ("Sunday's fire department",
/// "the game plan"): no event is dated.
const COMPOUND_TAILS: &[&str] = &[
    "department",
    "departments",
    "fighter",
    "fighters",
    "crew",
    "crews",
    "station",
    "stations",
    "truck",
    "trucks",
    "engine",
    "engines",
    "alarm",
    "brigade",
    "chief",
    "service",
    "services",
    "marshal",
    "safety",
    "drill",
    "drills",
    "season",
    "schedule",
    "series",
    "plan",
    "show",
    "changer",
    "pad",
    "room",
    "place",
    "movement",
    "group",
    "groups",
    "law",
    "laws",
    "rules",
];

/// Auxiliaries before a dating verb ("was held", "had broken out").
const AUXILIARIES: &[&str] = &["was", "were", "is", "had", "has", "have", "been"];

/// The event the expression at tokens `first..=last` dates, if grammar ties it to one.
pub(crate) fn read(
    t: &[Token],
    first: usize,
    last: usize,
    expression: &Expression,
) -> Option<EventRef> {
    modifier(t, first, last, expression).or_else(|| clause(t, first, expression))
}

fn lower_word<'a>(t: &[Token<'a>], i: usize) -> Option<&'a str> {
    let x = t.get(i).filter(|x| x.kind == Kind::Word)?;
    x.text
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_lowercase)
        .then_some(x.text)
}

/// The event noun at token `i`, written in lowercase and singular, not the first half of a
/// compound ("fire department").
fn noun_at(t: &[Token], i: usize) -> Option<EventRef> {
    let word = lower_word(t, i)?;
    let canonical = noun(word)?;
    if lower_word(t, i + 1).is_some_and(|n| COMPOUND_TAILS.contains(&n)) {
        return None;
    }
    // "the vote's outcome" is still the vote; "the vote-counting" is not.
    if t.get(i + 1)
        .is_some_and(|n| n.start == t[i].end && n.is_punct('-'))
    {
        return None;
    }
    Some(EventRef {
        noun: canonical,
        span: t[i].span(),
        form: EventForm::Clause,
    })
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// "the March 3 vote", "the Friday, Nov. 19 game", "Sunday's deadly fire", "yesterday's
/// blast": the noun within three words after the date (hyphens aside).
fn modifier(t: &[Token], first: usize, last: usize, expression: &Expression) -> Option<EventRef> {
    let possessive = is_possessive(t[last].text);
    let after_the = first
        .checked_sub(1)
        .and_then(|p| t.get(p))
        .is_some_and(|p| p.is_word("the"));
    let fits = match expression {
        Expression::Weekday(..) | Expression::Relative(Relative::Day(_)) => possessive,
        Expression::Calendar(_) => after_the && !possessive,
        _ => false,
    };
    if !fits {
        return None;
    }
    let mut i = last + 1;
    // "the March 3, 2025, vote".
    if matches!(expression, Expression::Calendar(c) if c.year.is_some())
        && t.get(i).is_some_and(|x| x.is_punct(','))
        && t.get(i + 1).is_some_and(|x| x.kind == Kind::Word)
    {
        i += 1;
    }
    let mut words = 0;
    for k in i..i + 6 {
        let x = t.get(k)?;
        if let Some(mut event) = noun_at(t, k) {
            event.form = EventForm::Modifier;
            return Some(event);
        }
        let between = match x.kind {
            Kind::Word => lower_word(t, k).is_some_and(|w| !NOT_BETWEEN.contains(&w)),
            // "Sunday's 6.1-magnitude quake"
            Kind::Number => true,
            Kind::Punct => x.is_punct('-') && k > i,
        };
        if !between {
            return None;
        }
        if x.kind != Kind::Punct {
            words += 1;
            if words == 3 {
                return None;
            }
        }
    }
    None
}

/// "the fire, which broke out on Sunday", "A fire broke out Sunday", "The vote was held
/// on Tuesday", "the vote, held on Tuesday,", "the election of March 3".
fn clause(t: &[Token], first: usize, expression: &Expression) -> Option<EventRef> {
    let mut j = first.checked_sub(1)?;
    if t[j].is_word("of") {
        // Only a calendar date: "the election of March 3", not "of Sunday".
        if !matches!(expression, Expression::Calendar(_)) {
            return None;
        }
        let k = j.checked_sub(1)?;
        return noun_at(t, k).filter(|_| determined(t, k));
    }
    if t[j].is_word("on") {
        j = j.checked_sub(1)?;
    }
    let verb_start = VERBS.iter().find_map(|&(verb, particle)| match particle {
        Some(p) => (t[j].is_word(p) && j > 0 && t[j - 1].is_word(verb)).then(|| j - 1),
        None => t[j].is_word(verb).then_some(j),
    })?;
    let mut k = verb_start.checked_sub(1)?;
    let mut auxiliaries = 0;
    while auxiliaries < 2 && t[k].is_any_word(AUXILIARIES) {
        k = k.checked_sub(1)?;
        auxiliaries += 1;
    }
    if t[k].is_any_word(&["which", "that"]) {
        k = k.checked_sub(1)?;
    }
    if t[k].is_punct(',') {
        k = k.checked_sub(1)?;
    }
    noun_at(t, k).filter(|_| determined(t, k))
}

/// The noun at `k` opens with "the", "a" or "an", right before it or before one
/// lowercase word ("the deadly fire").
fn determined(t: &[Token], k: usize) -> bool {
    let article = |i: usize| t.get(i).is_some_and(|x| x.is_any_word(&["the", "a", "an"]));
    (k >= 1 && article(k - 1))
        || (k >= 2
            && lower_word(t, k - 1).is_some_and(|w| !NOT_BETWEEN.contains(&w))
            && article(k - 2))
}

#[cfg(test)]
mod tests {
    use super::super::{expressions, tokens};
    use super::*;

    /// The event each date expression of `text` dates: (noun as written, form).
    fn events(text: &str) -> Vec<(String, EventForm)> {
        let mut toks = Vec::new();
        tokens::tokenize(text, 0, &mut toks);
        let mut found = Vec::new();
        expressions::scan(&toks, &mut found);
        found
            .iter()
            .filter_map(|f| read(&toks, f.first, f.last, &f.expression))
            .map(|e| (text[e.span].to_string(), e.form))
            .collect()
    }

    fn one(text: &str) -> Option<(String, EventForm)> {
        let found = events(text);
        assert!(found.len() <= 1, "{found:?}");
        found.into_iter().next()
    }

    #[test]
    fn a_date_before_its_noun() {
        use EventForm::Modifier;
        assert_eq!(
            one("after the March 3 vote,"),
            Some(("vote".into(), Modifier))
        );
        assert_eq!(
            one("Sunday's fire destroyed"),
            Some(("fire".into(), Modifier))
        );
        assert_eq!(
            one("Sunday's deadly fire destroyed"),
            Some(("fire".into(), Modifier))
        );
        assert_eq!(
            one("yesterday's 6.1-magnitude quake"),
            Some(("quake".into(), Modifier))
        );
        assert_eq!(
            one("the March 3, 2025, election results"),
            Some(("election".into(), Modifier))
        );
        assert_eq!(
            one("during the Friday, November 19th game between"),
            Some(("game".into(), Modifier))
        );
        assert_eq!(
            one("last Tuesday's council vote"),
            Some(("vote".into(), Modifier))
        );
    }

    #[test]
    fn a_date_in_a_clause_after_its_noun() {
        use EventForm::Clause;
        assert_eq!(
            one("The fire, which broke out on Sunday, spread."),
            Some(("fire".into(), Clause))
        );
        assert_eq!(
            one("A fire broke out Sunday in a warehouse."),
            Some(("fire".into(), Clause))
        );
        assert_eq!(
            one("The vote was held on Tuesday."),
            Some(("vote".into(), Clause))
        );
        assert_eq!(
            one("the vote, held on Tuesday, was"),
            Some(("vote".into(), Clause))
        );
        assert_eq!(
            one("the deadly earthquake that struck on Saturday"),
            Some(("earthquake".into(), Clause))
        );
        assert_eq!(
            one("the election of March 3 was"),
            Some(("election".into(), Clause))
        );
    }

    #[test]
    fn dates_not_tied_to_an_event() {
        for text in [
            "They postponed the vote on Tuesday.",
            "the vote on Tuesday",
            "Sunday's fire department drill",
            "Saturday's games were",
            "the March 3 deadline",
            "On Sunday, the fire spread.",
            "the fire spread on Sunday",
            "Sunday and the vote",
            "a meeting of Sunday",
            "the vote-counting on March 3",
            "the March 3 and March 4 votes",
        ] {
            assert_eq!(events(text), [], "{text}");
        }
    }
}
