//! `event-date-mismatch`: one event given two days that cannot both hold ("the March 3
//! vote" and "Tuesday's vote", March 3 being a Monday; "the fire, which broke out on
//! Sunday" and "Saturday's fire").
//!
//! The events are the ones the dates analysis ties to a noun (`analysis/dates/events.rs`).
//! Two mentions of one noun are taken for one event only when nothing in the story says
//! there are several: not when the story names the noun in the plural ("games") or counts
//! it ("another vote", "the second game", "Game 2", "next Saturday's game"), not when two
//! of them are written alike with two days ("Saturday's game" and "Sunday's game" are two
//! games), not when one is told as ahead and the other as past, not when the days are more
//! than six days apart (a weekday cannot be off by more), and not across midnight ("late
//! Saturday" and "Sunday's fire"). Silence is the rule where the story leaves a doubt.
//!
//! Where one day is given more often than the others, the odd ones out are flagged, with a
//! fix to the other day where the date is a weekday (or a day of the same month); where
//! each is given as often, the later is flagged, pointing at the earlier, and no fix
//! chooses.

use super::{Code, Edit, Finding, Fix, Related};
use crate::analysis::dates::{
    abbreviate_weekday_like, month_name, weekday_abbreviation, weekday_name, DateMention, EventRef,
    Expression, Modifier, Relative, Tense,
};
use crate::analysis::words;
use crate::draft::Draft;
use chrono::{Datelike, NaiveDate};

/// How many other statements a finding points at.
const RELATED: usize = 5;

/// Days further apart than this are two events: a weekday misnamed is off by less.
const WITHIN_DAYS: i64 = 6;

/// Words before an event noun that say the story has more than one such event.
const COUNTING: &[&str] = &[
    "another",
    "other",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "next",
    "previous",
    "prior",
    "last",
    "latest",
    "earlier",
    "later",
    "final",
    "opening",
    "each",
    "every",
    "both",
    "one",
    "two",
    "three",
    "several",
    "separate",
    "subsequent",
    "new",
    "fresh",
    "repeat",
    "more",
    "similar",
];

/// Words in a date expression that put an event near midnight ("late Saturday", "Sunday
/// night"), where two neighbouring days can both be right.
const NEAR_MIDNIGHT: &[&str] = &["late", "overnight", "night", "evening", "early"];

/// How the date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "March 3", "Monday, March 3".
    Calendar,
    /// "Tuesday", "yesterday".
    Day,
}

/// A dated mention of an event.
struct Ref<'a> {
    mention: &'a DateMention,
    event: &'a EventRef,
    day: NaiveDate,
    kind: Kind,
}

impl Ref<'_> {
    fn future(&self) -> bool {
        self.mention.tense == Tense::Future
    }
}

/// The findings of `event-date-mismatch` in `draft`, whose date mentions are `dates`.
pub fn check(draft: &Draft, dates: &[DateMention]) -> Vec<Finding> {
    let mut refs: Vec<Ref> = Vec::new();
    // Events a date ahead of another names ("next Saturday's game"): there are several.
    let mut several: Vec<&str> = Vec::new();
    for m in dates {
        let Some(event) = &m.event else { continue };
        if m.in_dateline || m.year_in_doubt {
            continue;
        }
        let kind = match &m.expression {
            Expression::Calendar(c) if c.until_day.is_none() => Kind::Calendar,
            Expression::Weekday(_, Modifier::None | Modifier::Last) => Kind::Day,
            Expression::Relative(Relative::Day(_)) => Kind::Day,
            _ => {
                several.push(event.noun);
                continue;
            }
        };
        let Some(day) = m.resolved else { continue };
        refs.push(Ref {
            mention: m,
            event,
            day,
            kind,
        });
    }
    let mut nouns: Vec<&str> = refs.iter().map(|r| r.event.noun).collect();
    nouns.sort_unstable();
    nouns.dedup();
    let mut findings = Vec::new();
    let mut lower: Option<String> = None;
    for noun in nouns {
        let group: Vec<&Ref> = refs.iter().filter(|r| r.event.noun == noun).collect();
        if group.iter().all(|r| r.day == group[0].day) || several.contains(&noun) {
            continue;
        }
        if !one_event(&draft.text, &group) {
            continue;
        }
        let prose = lower.get_or_insert_with(|| draft.prose.to_ascii_lowercase());
        if counted(prose, noun) {
            continue;
        }
        findings.extend(mismatches(draft, noun, &group));
    }
    findings
}

/// Whether the dated mentions of one noun can be one event given two days by mistake.
fn one_event(text: &str, group: &[&Ref]) -> bool {
    let first = group.iter().map(|r| r.day).min();
    let last = group.iter().map(|r| r.day).max();
    if let (Some(a), Some(b)) = (first, last) {
        if (b - a).num_days() > WITHIN_DAYS {
            return false;
        }
    }
    if group.iter().any(|r| r.future()) && !group.iter().all(|r| r.future()) {
        return false;
    }
    for (i, a) in group.iter().enumerate() {
        for b in &group[i + 1..] {
            if a.day == b.day {
                continue;
            }
            // Written alike with two days: named apart, so two events.
            if a.kind == b.kind && a.event.form == b.event.form {
                return false;
            }
            if (a.day - b.day).num_days().abs() == 1
                && (near_midnight(text, a) || near_midnight(text, b))
            {
                return false;
            }
        }
    }
    true
}

/// A date written with "late", "overnight", "night", "evening" or "early".
fn near_midnight(text: &str, r: &Ref) -> bool {
    text.get(r.mention.span.clone()).is_some_and(|written| {
        written
            .split(|c: char| !c.is_alphabetic())
            .any(|w| NEAR_MIDNIGHT.iter().any(|n| w.eq_ignore_ascii_case(n)))
    })
}

/// Whether the story speaks of several such events: the noun in the plural ("games",
/// "votes"), counted or set apart ("another vote", "the second game", "both fires"), or
/// numbered ("Game 2"). `prose` is the draft's prose in lowercase.
fn counted(prose: &str, noun: &str) -> bool {
    for word in crate::analysis::dates::event_nouns(noun) {
        // "rallies", "robberies".
        if let Some(stem) = word.strip_suffix('y') {
            let plural = format!("{stem}ies");
            let bytes = prose.as_bytes();
            let edge = |i: Option<usize>| {
                i.and_then(|i| bytes.get(i))
                    .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-')
            };
            if prose
                .match_indices(&plural)
                .any(|(at, _)| edge(at.checked_sub(1)) && edge(Some(at + plural.len())))
            {
                return true;
            }
        }
        for (at, _) in prose.match_indices(word) {
            let before = &prose[..at];
            if before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '-')
            {
                continue;
            }
            let after = &prose[at + word.len()..];
            let plural = after
                .strip_prefix("es")
                .or_else(|| after.strip_prefix('s'))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
            if plural {
                return true;
            }
            if after.starts_with(char::is_alphanumeric) {
                continue; // another word: "votes" is read above, "voter" is not the noun
            }
            if after
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            {
                return true; // "game 2"
            }
            let previous = before
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                .next()
                .unwrap_or("");
            if COUNTING.contains(&previous) {
                return true;
            }
        }
    }
    false
}

/// "Tuesday, March 4".
fn day_name(day: NaiveDate) -> String {
    format!(
        "{}, {} {}",
        weekday_name(day.weekday()),
        month_name(day.month()),
        day.day()
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The findings of one event whose mentions give more than one day.
fn mismatches(draft: &Draft, noun: &str, group: &[&Ref]) -> Vec<Finding> {
    let days: Vec<NaiveDate> = group.iter().map(|r| r.day).collect();
    let count = |d: NaiveDate| days.iter().filter(|&&e| e == d).count();
    let best = days.iter().copied().max_by_key(|&d| count(d));
    let ruling = best.filter(|&b| days.iter().all(|&d| d == b || count(d) < count(b)));
    let reference = ruling.unwrap_or(days[0]);
    let agreeing: Vec<&&Ref> = group.iter().filter(|r| r.day == reference).collect();
    let text = draft.text.as_str();
    let mut findings = Vec::new();
    for r in group.iter().filter(|r| r.day != reference) {
        let message = match ruling {
            Some(_) => format!(
                "the {noun} is dated {} here but {} in {} other place{}",
                day_name(r.day),
                day_name(reference),
                agreeing.len(),
                plural(agreeing.len())
            ),
            None => format!(
                "the {noun} is dated {} here but {} earlier: check which is right",
                day_name(r.day),
                day_name(reference)
            ),
        };
        let mut f = Finding::new(Code::EventDateMismatch, r.mention.span.clone(), message);
        f.related = agreeing
            .iter()
            .take(RELATED)
            .map(|a| Related {
                message: format!("the {noun} is dated {} here", day_name(a.day)),
                span: a.mention.span.clone(),
                path: None,
            })
            .collect();
        if ruling.is_some() {
            f.fixes.extend(fix(text, r, reference));
        }
        findings.push(f);
    }
    findings
}

/// The edit that gives a mention the other day: its weekday renamed ("Tuesday's" →
/// "Monday's"), or its day of the month changed when the month is the same. A relative
/// day ("yesterday") is not rewritten.
fn fix(text: &str, r: &Ref, to: NaiveDate) -> Option<Fix> {
    let span = r.mention.span.clone();
    let written = text.get(span.clone())?;
    let (edit_span, new_text) = match &r.mention.expression {
        Expression::Weekday(..) => {
            let (at, word) = written
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - written.as_ptr() as usize, w))
                .find(|(_, w)| words::weekday(strip_possessive(w)).is_some())?;
            let name = strip_possessive(word);
            let new = match weekday_abbreviation(name) {
                Some(_) => abbreviate_weekday_like(to.weekday(), name),
                None => weekday_name(to.weekday()),
            };
            (
                span.start + at..span.start + at + name.len(),
                same_case(new, name),
            )
        }
        Expression::Calendar(c) if to.month() == c.month => {
            let within = text.get(c.span.clone())?;
            let day = c.day.to_string();
            let mut found = within
                .match_indices(&day)
                .filter(|(i, _)| {
                    let edge = |b: Option<&u8>| !b.is_some_and(u8::is_ascii_digit);
                    edge(within.as_bytes().get(i.wrapping_sub(1)))
                        && edge(within.as_bytes().get(i + day.len()))
                })
                .map(|(i, _)| i);
            let at = found.next()?;
            if found.next().is_some() {
                return None;
            }
            let start = c.span.start + at;
            (start..start + day.len(), to.day().to_string())
        }
        _ => return None,
    };
    Some(Fix {
        title: format!("Use '{new_text}'"),
        edits: vec![Edit {
            span: edit_span,
            new_text,
        }],
    })
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// `name` in the case of `like` ("MONDAY" for "TUESDAY").
fn same_case(name: &str, like: &str) -> String {
    if like.len() > 1 && like.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
        name.to_uppercase()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::{check, Code, Finding};
    use crate::config::Config;
    use crate::draft::Format;

    /// Wednesday, March 5, 2025: March 3 is a Monday, March 4 a Tuesday.
    const DATED: &str = "---\ndate: 2025-03-05\n---\n";

    fn found(body: &str) -> (String, Vec<Finding>) {
        let text = format!("{DATED}{body}");
        let findings = check(&text, Format::Markdown, &Config::default())
            .findings
            .into_iter()
            .filter(|f| f.code == Code::EventDateMismatch)
            .collect();
        (text, findings)
    }

    fn silent(body: &str) {
        let (_, f) = found(body);
        assert!(f.is_empty(), "{body}\n{f:#?}");
    }

    #[test]
    fn a_calendar_date_and_a_weekday_that_disagree() {
        let (text, f) = found(
            "The council held the March 3 vote after a long debate.\n\n\
             Critics said Tuesday's vote was rushed.\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&text[f[0].span.clone()], "Tuesday's");
        assert!(
            f[0].message.contains("Tuesday, March 4"),
            "{}",
            f[0].message
        );
        assert!(f[0].message.contains("Monday, March 3"), "{}", f[0].message);
        assert_eq!(&text[f[0].related[0].span.clone()], "March 3");
        // One against one: no fix chooses.
        assert!(f[0].fixes.is_empty());
    }

    #[test]
    fn the_odd_one_out_is_fixed() {
        let (text, f) = found(
            "The council held the March 3 vote after a long debate.\n\n\
             The vote, held on Monday, split the council.\n\n\
             Critics said Tuesday's vote was rushed.\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&text[f[0].span.clone()], "Tuesday's");
        assert_eq!(f[0].related.len(), 2);
        let edit = &f[0].fixes[0].edits[0];
        assert_eq!(&text[edit.span.clone()], "Tuesday");
        assert_eq!(edit.new_text, "Monday");
        // A calendar date out of line is fixed in its day of the month.
        let (text, f) = found(
            "Monday's vote split the council.\n\n\
             The vote was held on Monday, after a debate.\n\n\
             Critics said the March 4 vote was rushed.\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&text[f[0].span.clone()], "March 4");
        let edit = &f[0].fixes[0].edits[0];
        assert_eq!(&text[edit.span.clone()], "4");
        assert_eq!(edit.new_text, "3");
    }

    #[test]
    fn a_clause_and_a_modifier_that_disagree() {
        let (text, f) = found(
            "The fire, which broke out on Sunday, destroyed a warehouse.\n\n\
             Investigators said Saturday's fire was set on purpose.\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&text[f[0].span.clone()], "Saturday's");
        // A synonym of the noun is the same event.
        let (_, f) = found(
            "The fire, which broke out on Sunday, destroyed a warehouse.\n\n\
             Investigators said Saturday's blaze was set on purpose.\n",
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn the_same_day_twice_is_silent() {
        silent(
            "The council held the March 3 vote after a long debate.\n\n\
             Critics said Monday's vote was rushed.\n",
        );
        silent("Yesterday's fire destroyed a warehouse. The fire broke out Tuesday.\n");
    }

    #[test]
    fn two_events_with_one_noun_are_silent() {
        // Named apart by their days: two games.
        silent("Saturday's game ended 3-1.\n\nSunday's game was closer.\n");
        silent("The March 3 vote passed.\n\nThe March 4 vote failed.\n");
        // The story counts them.
        silent(
            "The game, which was played on Sunday, ended 3-1.\n\n\
             Saturday's game was closer. Both games drew crowds.\n",
        );
        silent(
            "The vote was held on Tuesday.\n\n\
             Monday's vote had failed, and another vote followed.\n",
        );
        silent(
            "The game, which was played on Sunday, ended 3-1.\n\n\
             Saturday's game was the second game of the series.\n",
        );
        silent("The game was played on Sunday.\n\nSaturday's game settled Game 2.\n");
        silent(
            "The rally, which took place on Sunday, drew thousands.\n\n\
             Saturday's rally was smaller. Both rallies were peaceful.\n",
        );
    }

    #[test]
    fn a_game_ahead_is_another_game() {
        silent(
            "The game, which was played on Sunday, ended 3-1.\n\n\
             Fans hope next Saturday's game is as good.\n",
        );
        // Told as ahead and as past: not one event.
        silent(
            "The vote was held on Monday.\n\n\
             Tuesday's vote will decide the budget.\n",
        );
    }

    #[test]
    fn a_date_range_is_not_one_day() {
        silent(
            "The March 3-5 summit opened in Brussels.\n\n\
             Tuesday's summit ended without a deal.\n",
        );
    }

    #[test]
    fn days_far_apart_are_two_events() {
        silent(
            "The February 20 vote passed.\n\n\
             Critics said Tuesday's vote was rushed.\n",
        );
    }

    #[test]
    fn neighbouring_days_around_midnight_are_silent() {
        silent(
            "The fire, which broke out late Saturday, destroyed a warehouse.\n\n\
             Investigators said Sunday's fire was set.\n",
        );
    }

    #[test]
    fn a_date_that_is_not_the_events_is_silent() {
        // "on Tuesday" may date the postponing, not the vote.
        silent(
            "The council postponed the vote on Tuesday.\n\n\
             Monday's vote had been expected to pass.\n",
        );
        silent("Sunday's fire department drill went well. The fire broke out Saturday.\n");
    }

    #[test]
    fn without_a_year_nothing_is_said() {
        let text =
            "The council held the March 3 vote.\n\nCritics said Tuesday's vote was rushed.\n";
        let f: Vec<Finding> = check(text, Format::Markdown, &Config::default())
            .findings
            .into_iter()
            .filter(|f| f.code == Code::EventDateMismatch)
            .collect();
        assert!(f.is_empty(), "{f:#?}");
    }
}
