//! The hover card of a date expression: the resolved date with its weekday, how far it is
//! from the story date, how it was read, or why it cannot be placed.

use super::expressions::{Expression, Modifier, Relative};
use super::lexicon::{long_date, month_name, plain_date, weekday_name};
use super::resolve::{nearest_year, Resolution};
use super::tense::Tense;
use super::{mention_at, DateMention, StoryDate};
use crate::analysis::hover::Hover;
use crate::analysis::Analysis;
use chrono::{Datelike, NaiveDate};

/// The card for the date expression at `offset`, if there is one.
pub fn hover(analysis: &Analysis, offset: usize) -> Option<Hover> {
    let mention = mention_at(&analysis.dates, offset)?;
    let text = analysis.draft.text.get(mention.span.clone()).unwrap_or("");
    Some(Hover {
        span: mention.span.clone(),
        markdown: card(mention, text, &analysis.story_date),
    })
}

fn days(n: i64) -> String {
    if n.abs() == 1 {
        "1 day".into()
    } else {
        format!("{} days", n.abs())
    }
}

/// "7 days before the story date", "the story date", "3 days after the story date".
fn from_story(date: NaiveDate, story: NaiveDate) -> String {
    let n = (date - story).num_days();
    match n {
        0 => "the story date".into(),
        n if n < 0 => format!("{} before the story date", days(n)),
        n => format!("{} after the story date", days(n)),
    }
}

fn months_between(year: i32, month: u32, story: NaiveDate) -> i64 {
    (year as i64 * 12 + month as i64) - (story.year() as i64 * 12 + story.month() as i64)
}

fn count(n: i64, unit: &str) -> String {
    if n.abs() == 1 {
        format!("1 {unit}")
    } else {
        format!("{} {unit}s", n.abs())
    }
}

fn headline(m: &DateMention, story: &StoryDate) -> String {
    let anchor = story.date();
    match m.resolution {
        Resolution::Day(d) => match anchor {
            Some(s) if !m.in_dateline => format!("**{}** — {}", long_date(d), from_story(d, s)),
            Some(_) => format!("**{}** — the story date", long_date(d)),
            None => format!("**{}**", long_date(d)),
        },
        Resolution::Days { first, last } => {
            let span = format!("**{} to {}**", long_date(first), long_date(last));
            match anchor {
                Some(s) if last < s => format!("{span} — ending {}", from_story(last, s)),
                Some(s) if first > s => format!("{span} — starting {}", from_story(first, s)),
                Some(_) => format!("{span} — around the story date"),
                None => span,
            }
        }
        Resolution::Month { year, month } => {
            let name = format!("**{} {year}**", month_name(month));
            match anchor {
                Some(s) => match months_between(year, month, s) {
                    0 => format!("{name} — the story's month"),
                    n if n < 0 => {
                        format!("{name} — {} before the story's month", count(n, "month"))
                    }
                    n => format!("{name} — {} after the story's month", count(n, "month")),
                },
                None => name,
            }
        }
        Resolution::Year(y) => {
            let name = format!("**{y}**");
            match story.year {
                Some(s) if s == y => format!("{name} — the story's year"),
                Some(s) if y < s => format!(
                    "{name} — {} before the story's year",
                    count((s - y).into(), "year")
                ),
                Some(s) => format!(
                    "{name} — {} after the story's year",
                    count((y - s).into(), "year")
                ),
                None => name,
            }
        }
        Resolution::MonthDay { month, day } => {
            let name = format!("**{} {day}**, year unknown", month_name(month));
            match (story.month, story.day) {
                (Some(sm), Some(sd)) if !m.in_dateline => {
                    // Any leap year serves to count days between two dates of the same season.
                    let anchor = NaiveDate::from_ymd_opt(2000, sm, sd);
                    let date = anchor.and_then(|a| {
                        NaiveDate::from_ymd_opt(nearest_year(month, day, a), month, day)
                    });
                    match (date, anchor) {
                        (Some(d), Some(a)) => format!("{name} — {}", from_story(d, a)),
                        _ => name,
                    }
                }
                _ => name,
            }
        }
        Resolution::Impossible { month, day, year } => match year {
            Some(y) if month == 2 && day == 29 => {
                format!("**February 29, {y} does not exist** — {y} is not a leap year")
            }
            _ => format!(
                "**{} {day} does not exist** — {} has {} days",
                month_name(month),
                month_name(month),
                super::lexicon::max_days(month)
            ),
        },
        Resolution::Unresolved(why) => format!("cannot be placed: {}", why.reason()),
    }
}

/// How the expression was read: which rule placed it.
fn reading(m: &DateMention, text: &str) -> Option<String> {
    let tense = match m.tense {
        Tense::Unknown => "no tense in its clause, read as past".to_string(),
        t => format!("{} tense", t.as_str()),
    };
    Some(match &m.expression {
        Expression::Weekday(day, modifier) => {
            let day = weekday_name(*day);
            match modifier {
                Modifier::Last => format!("`{text}`: the {day} before the story date."),
                Modifier::Next => format!("`{text}`: the {day} after the story date."),
                _ if m.tense == Tense::Future => {
                    format!("`{text}`: the first {day} after the story date ({tense}).")
                }
                _ => format!("`{text}`: the {day} on or before the story date ({tense})."),
            }
        }
        Expression::Calendar(c) if c.year.is_none() && m.year_in_doubt => format!(
            "`{text}`: no year written, and another year is in play nearby; read in the story's year, not checked."
        ),
        Expression::Calendar(c) if c.year.is_none() && !m.in_dateline => {
            format!("`{text}`: no year written; the story's year (the nearest to the story date).")
        }
        Expression::Month { year: None, .. }
            if matches!(m.resolution, Resolution::Month { .. }) =>
        {
            format!("`{text}`: no year written; read by the {tense}.")
        }
        Expression::DayOfMonth(_) => {
            format!("`{text}`: a day of the story's month or the nearest one ({tense}).")
        }
        Expression::Relative(Relative::Past(..)) => {
            format!("`{text}`: counted back from the story date.")
        }
        Expression::Relative(_) => format!("`{text}`: counted from the story date."),
        _ => return None,
    })
}

fn card(m: &DateMention, text: &str, story: &StoryDate) -> String {
    let mut lines = vec![headline(m, story)];
    if let (Some((written, _)), Some(d)) = (m.weekday.as_ref(), m.resolved) {
        let written = *written;
        if d.weekday() == written {
            lines.push(format!(
                "{} is a {}, as written.",
                plain_date(d),
                weekday_name(written)
            ));
        } else {
            lines.push(format!(
                "Written as {}, but {} is a {}.",
                weekday_name(written),
                plain_date(d),
                weekday_name(d.weekday())
            ));
        }
    } else if let (Some((written, _)), Resolution::MonthDay { .. }) =
        (m.weekday.as_ref(), m.resolution)
    {
        let written = *written;
        lines.push(format!(
            "Written as {}; with no year known, the weekday cannot be checked.",
            weekday_name(written)
        ));
    }
    if m.in_dateline {
        lines.push("The dateline: this is the story date.".into());
    } else if let Some(r) = reading(m, text) {
        lines.push(r);
    }
    if let Some(s) = story.describe().filter(|_| !m.in_dateline) {
        lines.push(format!("Story date: {s}."));
    }
    lines.join("\n\n")
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::config::Config;
    use crate::draft::Format;

    fn hover_on(text: &str, format: Format, needle: &str) -> String {
        let a = analyze(text, format, &Config::default());
        let at = text.find(needle).unwrap();
        super::hover(&a, at).map(|h| h.markdown).unwrap_or_default()
    }

    #[test]
    fn weekday_counted_from_the_story_date() {
        let text =
            "---\ndate: 2025-01-23\n---\n\nThe study was presented last Thursday at a meeting.\n";
        let card = hover_on(text, Format::Markdown, "last Thursday");
        assert!(
            card.starts_with("**Thursday, January 16, 2025** — 7 days before the story date"),
            "{card}"
        );
        assert!(
            card.contains("Story date: Thursday, January 23, 2025, from the front matter date."),
            "{card}"
        );
    }

    #[test]
    fn a_mismatched_weekday_is_explained() {
        let text =
            "---\ndate: 2025-03-06\n---\n\nResidents packed the chamber on Wednesday, March 4.\n";
        let card = hover_on(text, Format::Markdown, "Wednesday");
        assert!(
            card.starts_with("**Tuesday, March 4, 2025** — 2 days before the story date"),
            "{card}"
        );
        assert!(
            card.contains("Written as Wednesday, but March 4, 2025 is a Tuesday."),
            "{card}"
        );
    }

    #[test]
    fn no_year_says_so() {
        let card = hover_on(
            "Headline\n\nThe general said on Thursday that it was over.\n",
            Format::Plain,
            "Thursday",
        );
        assert!(
            card.contains("cannot be placed: the story has no date"),
            "{card}"
        );
    }

    #[test]
    fn relative_and_future() {
        let text = "---\ndate: 2025-06-10\n---\n\nThe ministers will meet on Thursday. It rained yesterday.\n";
        let card = hover_on(text, Format::Markdown, "Thursday");
        assert!(
            card.starts_with("**Thursday, June 12, 2025** — 2 days after the story date"),
            "{card}"
        );
        let card = hover_on(text, Format::Markdown, "yesterday");
        assert!(
            card.starts_with("**Monday, June 9, 2025** — 1 day before the story date"),
            "{card}"
        );
        assert_eq!(hover_on(text, Format::Markdown, "ministers"), "");
    }
}
