//! Findings of the dates analysis: `weekday-mismatch`, `impossible-date`,
//! `date-after-dateline` (DESIGN.md, "The checks").
//!
//! Each finding rests on a date whose year is known (written, or the story's); without one,
//! nothing is said.

use super::{Code, Edit, Finding, Fix, Related};
use crate::analysis::dates::{
    abbreviate_weekday_like, long_date, month_name, plain_date, weekday_abbreviation, weekday_name,
    DateMention, Resolution, StoryDate, Tense,
};
use crate::draft::Draft;
use chrono::{Datelike, NaiveDate};

/// A date written without a year and told in the past is only taken for an error when it
/// falls this close after the story date; further on it is more likely last year's.
const YEARLESS_WINDOW_DAYS: i64 = 31;

/// The findings about the date mentions `dates` of `draft`, told on `story`.
pub fn check(draft: &Draft, story: &StoryDate, dates: &[DateMention]) -> Vec<Finding> {
    let text = &draft.text;
    let mut findings = Vec::new();
    for m in dates {
        if let Some(f) = impossible(m, story) {
            findings.push(f);
        } else if let Some(f) = weekday_mismatch(m, story, text) {
            findings.push(f);
        }
        if let Some(f) = after_dateline(m, story) {
            findings.push(f);
        }
    }
    findings
}

/// Related information pointing at where the story date comes from.
fn story_related(story: &StoryDate, year_only: bool) -> Vec<Related> {
    let source = if year_only {
        story.year_source.as_ref().or(story.source.as_ref())
    } else {
        story.source.as_ref()
    };
    let (Some(source), Some(description)) = (source, story.describe()) else {
        return Vec::new();
    };
    source
        .span()
        .map(|span| Related {
            message: format!("story date: {description}"),
            span,
            path: None,
        })
        .into_iter()
        .collect()
}

fn impossible(m: &DateMention, story: &StoryDate) -> Option<Finding> {
    let Resolution::Impossible { month, day, year } = m.resolution else {
        return None;
    };
    let written_year = m.calendar().and_then(|c| c.year);
    if month == 2 && day == 29 && written_year.is_none() && m.year_in_doubt {
        return None; // February 29 of some year other than the story's, maybe a leap year
    }
    let span = m.calendar().map_or(m.span.clone(), |c| c.span.clone());
    let message = match year {
        Some(y) if month == 2 && day == 29 => {
            let whose = if written_year.is_some() {
                String::new()
            } else {
                " (the story's year)".to_string()
            };
            format!("February 29, {y} does not exist: {y}{whose} is not a leap year")
        }
        _ => format!(
            "{} {day} does not exist: {} has {} days",
            month_name(month),
            month_name(month),
            if month == 2 {
                "28 or 29".to_string()
            } else {
                crate::analysis::dates::max_days(month).to_string()
            }
        ),
    };
    let mut f = Finding::new(Code::ImpossibleDate, span, message);
    if year.is_some() && written_year.is_none() {
        f.related = story_related(story, true);
    }
    Some(f)
}

/// Writes `name` in the case of `like` ("TUESDAY" for "WEDNESDAY").
fn same_case(name: &str, like: &str) -> String {
    if like
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && like.len() > 1
    {
        name.to_uppercase()
    } else {
        name.to_string()
    }
}

fn weekday_mismatch(m: &DateMention, story: &StoryDate, text: &str) -> Option<Finding> {
    let (written, wspan) = m.weekday.as_ref()?;
    let written = *written;
    let calendar = m.calendar()?;
    if calendar.until_day.is_some() {
        return None; // "Wednesday-Friday, March 4-6": which day the weekday goes with is unclear
    }
    if m.year_in_doubt {
        return None;
    }
    let date = m.resolved?;
    let actual = date.weekday();
    if actual == written {
        return None;
    }
    let mut message = format!(
        "{} is a {}, not a {}",
        plain_date(date),
        weekday_name(actual),
        weekday_name(written)
    );
    let from_story = calendar.year.is_none();
    if from_story {
        if let Some(d) = story.describe() {
            message.push_str(&format!(" (the year of the story date, {d})"));
        }
    }
    let mut f = Finding::new(Code::WeekdayMismatch, m.span.clone(), message);
    if from_story {
        f.related = story_related(story, true);
    }
    let old = text.get(wspan.clone()).unwrap_or("");
    // "Tues." is corrected to "Wed.", as the draft abbreviates.
    let name = match weekday_abbreviation(old) {
        Some(_) => abbreviate_weekday_like(actual, old),
        None => weekday_name(actual),
    };
    let new_text = same_case(name, old);
    f.fixes.push(Fix {
        title: format!("Replace '{old}' with '{new_text}'"),
        edits: vec![Edit {
            span: wspan.clone(),
            new_text,
        }],
    });
    Some(f)
}

/// The date that a past-tense event is placed on, when it is after the story date.
fn after_dateline(m: &DateMention, story: &StoryDate) -> Option<Finding> {
    // "died in the Sept. 11 attacks": the date names an event, it does not date the verb.
    if m.in_dateline || m.tense != Tense::Past || m.year_in_doubt || m.attributive {
        return None;
    }
    // "set sentencing for Jan. 21", "by June 14", "until June 14": a target, not an event.
    if !matches!(m.preposition, None | Some("on")) {
        return None;
    }
    let calendar = m.calendar()?;
    if calendar.until_day.is_some() {
        return None;
    }
    let (date, anchor) = match (m.resolution, story.date()) {
        (Resolution::Day(d), Some(s)) => (d, s),
        // The story's year is unknown: compare month and day within a leap year.
        (Resolution::MonthDay { month, day }, None) if calendar.year.is_none() => {
            let anchor = NaiveDate::from_ymd_opt(2000, story.month?, story.day?)?;
            let year = crate::analysis::dates::nearest_year(month, day, anchor);
            (NaiveDate::from_ymd_opt(year, month, day)?, anchor)
        }
        _ => return None,
    };
    let ahead = (date - anchor).num_days();
    if ahead <= 0 || (calendar.year.is_none() && ahead > YEARLESS_WINDOW_DAYS) {
        return None;
    }
    let when = if story.date().is_some() {
        long_date(anchor)
    } else {
        format!("{} {}", month_name(anchor.month()), anchor.day())
    };
    let told = if calendar.year.is_some() {
        plain_date(date)
    } else {
        format!("{} {}", month_name(date.month()), date.day())
    };
    let message = format!(
        "An event told in the past tense is dated {told}, {} after the story date ({when})",
        if ahead == 1 {
            "1 day".to_string()
        } else {
            format!("{ahead} days")
        }
    );
    let mut f = Finding::new(Code::DateAfterDateline, calendar.span.clone(), message);
    f.related = story_related(story, false);
    Some(f)
}
