//! Resolving a date expression against the story date. A written year is kept as written; a
//! date without a year takes the story's year (the nearest year to the story date, so that
//! "Dec. 28" in a January 2 story is the December just past). A weekday goes to the nearest
//! such day on or before the story date when its clause is past, after it when future. No
//! date is ever moved to make a weekday fit.

use super::expressions::{Calendar, Expression, Modifier, Relative, Unit};
use super::lexicon;
use super::tense::Tense;
use super::StoryDate;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// What a date expression comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// One day.
    Day(NaiveDate),
    /// A run of days: "next week", "over the past twenty-four hours".
    Days {
        first: NaiveDate,
        last: NaiveDate,
    },
    /// A month of a year: "in March", "last month".
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    /// A day whose year is not known (no year in the text, the story or the configuration).
    MonthDay {
        month: u32,
        day: u32,
    },
    /// A date that does not exist: February 30, April 31; February 29 of a common year
    /// (`year` is that year).
    Impossible {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    /// Cannot be placed, and why.
    Unresolved(Unresolved),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresolved {
    /// The story has no date at all.
    NoStoryDate,
    /// The story's month and day are known, its year is not.
    NoYear,
}

impl Unresolved {
    pub fn reason(self) -> &'static str {
        match self {
            Unresolved::NoStoryDate => "the story has no date (no front matter date, dated dateline or configured date)",
            Unresolved::NoYear => "no year known (the story's year is in neither the front matter, the dateline nor the configuration)",
        }
    }
}

/// The year closest to `anchor` for a month and day written without one.
pub(crate) fn nearest_year(month: u32, day: u32, anchor: NaiveDate) -> i32 {
    // February 29 is placed as if it were the 28th; whether it exists is checked after.
    let day = if month == 2 && day == 29 { 28 } else { day };
    let y = anchor.year();
    (y - 1..=y + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day).map(|d| (year, d)))
        .min_by_key(|(_, d)| (*d - anchor).num_days().abs())
        .map_or(y, |(year, _)| year)
}

/// How near New Year a date must fall to the story date to be read in the neighbouring year
/// ("Dec. 28" in a January 2 story, "Jan. 21" in an October 31 story).
const ACROSS_NEW_YEAR_DAYS: i64 = 92;

/// The year of a date written without one: the story's year, or the neighbouring year when
/// the date lies just across New Year from the story date, or when a future event would
/// otherwise be in the past ("Next season opens Thursday, Sept. 5" in a December story).
pub(crate) fn year_for(month: u32, day: u32, tense: Tense, anchor: NaiveDate) -> i32 {
    let near = nearest_year(month, day, anchor);
    let probe = |y: i32| NaiveDate::from_ymd_opt(y, month, day.min(28));
    let distance = |y: i32| probe(y).map_or(i64::MAX, |d| (d - anchor).num_days());
    if near != anchor.year() && distance(near).abs() <= ACROSS_NEW_YEAR_DAYS {
        return near;
    }
    let year = anchor.year();
    if tense == Tense::Future && distance(year) < 0 {
        return year + 1;
    }
    year
}

fn calendar(c: &Calendar, tense: Tense, story: &StoryDate) -> Resolution {
    if c.day > lexicon::max_days(c.month) {
        return Resolution::Impossible {
            month: c.month,
            day: c.day,
            year: c.year,
        };
    }
    let year = match (c.year, story.date()) {
        (Some(y), _) => Some(y),
        (None, Some(anchor)) => Some(year_for(c.month, c.day, tense, anchor)),
        (None, None) => story.year,
    };
    match year {
        Some(y) => match NaiveDate::from_ymd_opt(y, c.month, c.day) {
            Some(d) => Resolution::Day(d),
            None => Resolution::Impossible {
                month: c.month,
                day: c.day,
                year: Some(y),
            },
        },
        None => Resolution::MonthDay {
            month: c.month,
            day: c.day,
        },
    }
}

/// The story date, or why it is missing.
fn anchor(story: &StoryDate) -> Result<NaiveDate, Resolution> {
    story
        .date()
        .ok_or(Resolution::Unresolved(if story.month.is_some() {
            Unresolved::NoYear
        } else {
            Unresolved::NoStoryDate
        }))
}

fn days_back(from: Weekday, to: Weekday) -> u64 {
    ((from.num_days_from_monday() + 7 - to.num_days_from_monday()) % 7) as u64
}

/// The weekday `day` nearest the story date: on or before it for past and unknown tense
/// (news is told after the fact), after it for future, the nearest one either way for
/// present; "last" is strictly before, "next" strictly after.
fn weekday(day: Weekday, modifier: Modifier, tense: Tense, story: NaiveDate) -> Option<NaiveDate> {
    let back = days_back(story.weekday(), day);
    let forward = (7 - back) % 7;
    let before = |strict: bool| {
        let n = if strict && back == 0 { 7 } else { back };
        story.checked_sub_days(Days::new(n))
    };
    let after = |strict: bool| {
        let n = if strict && forward == 0 { 7 } else { forward };
        story.checked_add_days(Days::new(n))
    };
    match (modifier, tense) {
        (Modifier::Last, _) => before(true),
        (Modifier::Next, _) => after(true),
        (Modifier::This, Tense::Future) => after(false),
        (Modifier::This, _) => before(false),
        (Modifier::None, Tense::Future) => after(true),
        // "Game 2 is Thursday": a schedule told in the present, the nearest Thursday.
        (Modifier::None, Tense::Present) if forward < back => after(false),
        (Modifier::None, _) => before(false),
    }
}

fn add_months(date: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_months(Months::new(n as u32))
    } else {
        date.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

fn month_of(date: NaiveDate) -> Resolution {
    Resolution::Month {
        year: date.year(),
        month: date.month(),
    }
}

fn relative(r: Relative, story: NaiveDate) -> Option<Resolution> {
    let shift = |days: i64| {
        if days >= 0 {
            story.checked_add_days(Days::new(days as u64))
        } else {
            story.checked_sub_days(Days::new(days.unsigned_abs()))
        }
    };
    Some(match r {
        Relative::Day(n) => Resolution::Day(shift(n.into())?),
        Relative::Calendar(unit, n) => match unit {
            Unit::Day => Resolution::Day(shift(n.into())?),
            Unit::Week => {
                let monday =
                    shift(-(story.weekday().num_days_from_monday() as i64) + 7 * n as i64)?;
                Resolution::Days {
                    first: monday,
                    last: monday.checked_add_days(Days::new(6))?,
                }
            }
            Unit::Weekend => {
                // This weekend: the coming Saturday (or the one under way).
                let to_saturday = match story.weekday() {
                    Weekday::Sun => -1,
                    d => 5 - d.num_days_from_monday() as i64,
                };
                let saturday = shift(to_saturday + 7 * n as i64)?;
                Resolution::Days {
                    first: saturday,
                    last: saturday.checked_add_days(Days::new(1))?,
                }
            }
            Unit::Month => month_of(add_months(story.with_day(1)?, n)?),
            Unit::Year => Resolution::Year(story.year() + n),
        },
        Relative::Ago(unit, n) => match unit {
            Unit::Day => Resolution::Day(shift(-(n as i64))?),
            Unit::Week => Resolution::Day(shift(-7 * n as i64)?),
            Unit::Month => Resolution::Day(add_months(story, -(n as i32))?),
            Unit::Year => Resolution::Day(add_months(story, -12 * n as i32)?),
            Unit::Weekend => return None,
        },
        Relative::Past(unit, n) => {
            let first = match unit {
                Unit::Day => shift(-(n as i64))?,
                Unit::Week => shift(-7 * n as i64)?,
                Unit::Month => add_months(story, -(n as i32))?,
                Unit::Year => add_months(story, -12 * n as i32)?,
                Unit::Weekend => return None,
            };
            Resolution::Days { first, last: story }
        }
    })
}

/// A month written without a year: the nearest such month on or before the story's month
/// when past, on or after it when future; "last" and "next" are strict.
fn month_alone(month: u32, modifier: Modifier, tense: Tense, story: &StoryDate) -> Resolution {
    let (Some(year), Some(story_month)) = (story.year, story.month) else {
        return Resolution::Unresolved(if story.month.is_some() {
            Unresolved::NoYear
        } else {
            Unresolved::NoStoryDate
        });
    };
    let year = match (modifier, tense) {
        (Modifier::Last, _) if month >= story_month => year - 1,
        (Modifier::Next, _) if month <= story_month => year + 1,
        (Modifier::This, _) | (Modifier::Last, _) | (Modifier::Next, _) => year,
        (Modifier::None, Tense::Future) if month < story_month => year + 1,
        (Modifier::None, Tense::Past) if month > story_month => year - 1,
        (Modifier::None, _) => year,
    };
    Resolution::Month { year, month }
}

/// "on the 13th": this month's 13th, or the month before (past) or after (future) when that is
/// where the day falls.
fn day_of_month(day: u32, tense: Tense, story: &StoryDate) -> Resolution {
    let Ok(anchor) = anchor(story) else {
        return match (story.month, story.day) {
            (Some(month), Some(_)) if day <= lexicon::max_days(month) => {
                Resolution::MonthDay { month, day }
            }
            _ => Resolution::Unresolved(Unresolved::NoStoryDate),
        };
    };
    let shift = match tense {
        Tense::Future if day < anchor.day() => 1,
        Tense::Past | Tense::Unknown | Tense::Present if day > anchor.day() => -1,
        _ => 0,
    };
    let Some(first) = anchor.with_day(1).and_then(|d| add_months(d, shift)) else {
        return Resolution::Unresolved(Unresolved::NoStoryDate);
    };
    match first.with_day(day) {
        Some(d) => Resolution::Day(d),
        None => Resolution::Impossible {
            month: first.month(),
            day,
            year: Some(first.year()),
        },
    }
}

/// Resolves one expression in a clause of the given tense.
pub(crate) fn resolve(expression: &Expression, tense: Tense, story: &StoryDate) -> Resolution {
    match expression {
        Expression::Calendar(c) => calendar(c, tense, story),
        Expression::DayOfMonth(d) => day_of_month(*d, tense, story),
        Expression::Weekday(day, modifier) => match anchor(story) {
            Ok(a) => weekday(*day, *modifier, tense, a).map_or(
                Resolution::Unresolved(Unresolved::NoStoryDate),
                Resolution::Day,
            ),
            Err(why) => why,
        },
        Expression::Relative(r) => match anchor(story) {
            Ok(a) => relative(*r, a).unwrap_or(Resolution::Unresolved(Unresolved::NoStoryDate)),
            Err(why) => match (r, story.month, story.day) {
                (Relative::Day(0), Some(month), Some(day)) => Resolution::MonthDay { month, day },
                _ => why,
            },
        },
        Expression::Month {
            month,
            year: Some(year),
            ..
        } => Resolution::Month {
            year: *year,
            month: *month,
        },
        Expression::Month {
            month,
            year: None,
            modifier,
        } => month_alone(*month, *modifier, tense, story),
        Expression::Year(y) => Resolution::Year(*y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(y: i32, m: u32, d: u32) -> StoryDate {
        StoryDate {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            ..StoryDate::default()
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> Resolution {
        Resolution::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn cal(year: Option<i32>, month: u32, day: u32) -> Expression {
        Expression::Calendar(Calendar {
            span: 0..0,
            year,
            month,
            day,
            until_day: None,
        })
    }

    #[test]
    fn weekdays_follow_the_tense() {
        // October 13, 2016 was a Thursday.
        let s = story(2016, 10, 13);
        let thu = Expression::Weekday(Weekday::Thu, Modifier::None);
        assert_eq!(resolve(&thu, Tense::Past, &s), ymd(2016, 10, 13));
        assert_eq!(resolve(&thu, Tense::Future, &s), ymd(2016, 10, 20));
        let mon = Expression::Weekday(Weekday::Mon, Modifier::None);
        assert_eq!(resolve(&mon, Tense::Past, &s), ymd(2016, 10, 10));
        assert_eq!(resolve(&mon, Tense::Future, &s), ymd(2016, 10, 17));
        assert_eq!(resolve(&mon, Tense::Unknown, &s), ymd(2016, 10, 10));
        assert_eq!(resolve(&mon, Tense::Present, &s), ymd(2016, 10, 10));
        let fri = Expression::Weekday(Weekday::Fri, Modifier::None);
        assert_eq!(resolve(&fri, Tense::Present, &s), ymd(2016, 10, 14));
        assert_eq!(resolve(&fri, Tense::Past, &s), ymd(2016, 10, 7));
        let last = Expression::Weekday(Weekday::Thu, Modifier::Last);
        assert_eq!(resolve(&last, Tense::Past, &s), ymd(2016, 10, 6));
        let next = Expression::Weekday(Weekday::Thu, Modifier::Next);
        assert_eq!(resolve(&next, Tense::Past, &s), ymd(2016, 10, 20));
    }

    #[test]
    fn last_thursday_crosses_the_year() {
        // January 2, 2025 is a Thursday; January 1 a Wednesday.
        let s = story(2025, 1, 2);
        let last = Expression::Weekday(Weekday::Thu, Modifier::Last);
        assert_eq!(resolve(&last, Tense::Past, &s), ymd(2024, 12, 26));
        let fri = Expression::Weekday(Weekday::Fri, Modifier::None);
        assert_eq!(resolve(&fri, Tense::Past, &s), ymd(2024, 12, 27));
        assert_eq!(
            resolve(
                &Expression::Relative(Relative::Calendar(Unit::Month, -1)),
                Tense::Past,
                &s
            ),
            Resolution::Month {
                year: 2024,
                month: 12
            }
        );
    }

    #[test]
    fn yearless_dates_take_the_nearest_story_year() {
        assert_eq!(
            resolve(&cal(None, 12, 28), Tense::Past, &story(2025, 1, 2)),
            ymd(2024, 12, 28)
        );
        assert_eq!(
            resolve(&cal(None, 1, 21), Tense::Future, &story(2024, 10, 31)),
            ymd(2025, 1, 21)
        );
        assert_eq!(
            resolve(&cal(None, 3, 4), Tense::Past, &story(2025, 3, 6)),
            ymd(2025, 3, 4)
        );
        assert_eq!(
            resolve(&cal(Some(2016), 10, 13), Tense::Past, &story(2025, 3, 6)),
            ymd(2016, 10, 13)
        );
    }

    #[test]
    fn yearless_dates_follow_the_tense_far_from_new_year() {
        let s = story(2024, 2, 12);
        // "Next season opens Thursday, Sept. 5": the September to come.
        assert_eq!(
            resolve(&cal(None, 9, 5), Tense::Future, &s),
            ymd(2024, 9, 5)
        );
        assert_eq!(
            resolve(&cal(None, 9, 5), Tense::Unknown, &s),
            ymd(2024, 9, 5)
        );
        let s = story(2024, 12, 2);
        assert_eq!(
            resolve(&cal(None, 3, 5), Tense::Future, &s),
            ymd(2025, 3, 5)
        );
        assert_eq!(resolve(&cal(None, 3, 5), Tense::Past, &s), ymd(2024, 3, 5));
    }

    #[test]
    fn leap_years_and_impossible_dates() {
        assert_eq!(
            resolve(&cal(Some(2024), 2, 29), Tense::Past, &StoryDate::default()),
            ymd(2024, 2, 29)
        );
        assert_eq!(
            resolve(&cal(Some(2025), 2, 29), Tense::Past, &StoryDate::default()),
            Resolution::Impossible {
                month: 2,
                day: 29,
                year: Some(2025)
            }
        );
        assert_eq!(
            resolve(&cal(None, 2, 29), Tense::Past, &story(2025, 3, 6)),
            Resolution::Impossible {
                month: 2,
                day: 29,
                year: Some(2025)
            }
        );
        assert_eq!(
            resolve(&cal(None, 2, 29), Tense::Past, &story(2024, 3, 6)),
            ymd(2024, 2, 29)
        );
        // No year known: February 29 may well exist.
        assert_eq!(
            resolve(&cal(None, 2, 29), Tense::Past, &StoryDate::default()),
            Resolution::MonthDay { month: 2, day: 29 }
        );
        for (m, d) in [(2, 30), (4, 31), (6, 31), (9, 31), (11, 31)] {
            assert_eq!(
                resolve(&cal(None, m, d), Tense::Past, &StoryDate::default()),
                Resolution::Impossible {
                    month: m,
                    day: d,
                    year: None
                }
            );
        }
    }

    #[test]
    fn no_year_no_weekday() {
        let s = StoryDate {
            month: Some(10),
            day: Some(13),
            ..StoryDate::default()
        };
        let thu = Expression::Weekday(Weekday::Thu, Modifier::None);
        assert_eq!(
            resolve(&thu, Tense::Past, &s),
            Resolution::Unresolved(Unresolved::NoYear)
        );
        assert_eq!(
            resolve(&cal(None, 10, 8), Tense::Past, &s),
            Resolution::MonthDay { month: 10, day: 8 }
        );
        assert_eq!(
            resolve(&thu, Tense::Past, &StoryDate::default()),
            Resolution::Unresolved(Unresolved::NoStoryDate)
        );
    }

    #[test]
    fn relative_days_weeks_months() {
        let s = story(2025, 6, 10); // a Tuesday
        let r = |r: Relative| resolve(&Expression::Relative(r), Tense::Unknown, &s);
        assert_eq!(r(Relative::Day(-1)), ymd(2025, 6, 9));
        assert_eq!(r(Relative::Day(1)), ymd(2025, 6, 11));
        assert_eq!(
            r(Relative::Calendar(Unit::Week, 1)),
            Resolution::Days {
                first: NaiveDate::from_ymd_opt(2025, 6, 16).unwrap(),
                last: NaiveDate::from_ymd_opt(2025, 6, 22).unwrap()
            }
        );
        assert_eq!(
            r(Relative::Calendar(Unit::Year, -1)),
            Resolution::Year(2024)
        );
        assert_eq!(
            r(Relative::Calendar(Unit::Month, 0)),
            Resolution::Month {
                year: 2025,
                month: 6
            }
        );
        assert_eq!(r(Relative::Ago(Unit::Day, 3)), ymd(2025, 6, 7));
        assert_eq!(
            r(Relative::Past(Unit::Day, 1)),
            Resolution::Days {
                first: NaiveDate::from_ymd_opt(2025, 6, 9).unwrap(),
                last: NaiveDate::from_ymd_opt(2025, 6, 10).unwrap()
            }
        );
    }

    #[test]
    fn months_alone_follow_the_tense() {
        let s = story(2025, 9, 18);
        let march = |m| Expression::Month {
            month: 3,
            year: None,
            modifier: m,
        };
        assert_eq!(
            resolve(&march(Modifier::None), Tense::Future, &s),
            Resolution::Month {
                year: 2026,
                month: 3
            }
        );
        assert_eq!(
            resolve(&march(Modifier::None), Tense::Past, &s),
            Resolution::Month {
                year: 2025,
                month: 3
            }
        );
        let oct = Expression::Month {
            month: 10,
            year: None,
            modifier: Modifier::None,
        };
        assert_eq!(
            resolve(&oct, Tense::Past, &s),
            Resolution::Month {
                year: 2024,
                month: 10
            }
        );
        let last_sept = Expression::Month {
            month: 9,
            year: None,
            modifier: Modifier::Last,
        };
        assert_eq!(
            resolve(&last_sept, Tense::Past, &s),
            Resolution::Month {
                year: 2024,
                month: 9
            }
        );
    }

    #[test]
    fn day_of_month_follows_the_tense() {
        let s = story(2025, 6, 10);
        assert_eq!(
            resolve(&Expression::DayOfMonth(13), Tense::Past, &s),
            ymd(2025, 5, 13)
        );
        assert_eq!(
            resolve(&Expression::DayOfMonth(13), Tense::Future, &s),
            ymd(2025, 6, 13)
        );
        assert_eq!(
            resolve(&Expression::DayOfMonth(3), Tense::Future, &s),
            ymd(2025, 7, 3)
        );
    }
}
