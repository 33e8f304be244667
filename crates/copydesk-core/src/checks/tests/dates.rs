//! The dates checks on whole drafts: `weekday-mismatch`, `impossible-date` and
//! `date-after-dateline`, with the dates analysis they rest on.

use crate::analysis::dates::{mention_at, resolve, story_date, Resolution, Unresolved};
use crate::analysis::local::facts_of;
use crate::checks::{check, Checked, Code, Finding, Severity};
use crate::config::Config;
use crate::draft::{Dateline, Format};
use chrono::NaiveDate;

/// Analyzes `text`; `dateline` (month, day, year) stands in for the draft's own dateline
/// reading, over the first line that holds `place`.
fn analyze_with(
    text: &str,
    format: Format,
    dateline: Option<(&str, u32, u32, Option<i32>)>,
) -> Checked {
    let config = Config::default();
    let mut checked = check(text, format, &config);
    let a = &mut checked.analysis;
    if let Some((place, month, day, year)) = dateline {
        let at = text.find(place).unwrap();
        let end = at + text[at..].find(['—', '/']).unwrap_or(place.len());
        a.draft.dateline = Some(Dateline {
            span: at..end,
            place: place.into(),
            place_span: at..at + place.len(),
            month: Some(month),
            day: Some(day),
            year,
        });
        a.story_date = story_date(&a.draft, &config);
        a.dates = resolve(&a.draft, &facts_of(&a.draft), &a.story_date);
        checked.findings = crate::checks::run(&checked.analysis, &config);
    }
    checked
}

fn date_findings(a: &Checked) -> Vec<&Finding> {
    a.findings
        .iter()
        .filter(|f| {
            matches!(
                f.code,
                Code::WeekdayMismatch | Code::ImpossibleDate | Code::DateAfterDateline
            )
        })
        .collect()
}

/// (code, flagged text) of every date finding.
fn flagged(a: &Checked) -> Vec<(&'static str, String)> {
    date_findings(a)
        .into_iter()
        .map(|f| {
            (
                f.code.as_str(),
                a.analysis.draft.text[f.span.clone()].to_string(),
            )
        })
        .collect()
}

fn md(date: &str, body: &str) -> Checked {
    check(
        &format!("---\ndate: {date}\n---\n\n# Headline\n\n{body}\n"),
        Format::Markdown,
        &Config::default(),
    )
}

fn resolved(a: &Checked, text: &str) -> Option<NaiveDate> {
    let at = a.analysis.draft.text.find(text).unwrap();
    mention_at(&a.analysis.dates, at).and_then(|m| m.resolved)
}

const COUNCIL: &str = "---
title: Council approves Riverton budget after nine-hour session
date: 2025-03-06
---

# Council approves Riverton budget after nine-hour session

RIVERTON, March 6 — The Riverton city council approved a $48.2 million budget early Thursday after a nine-hour session.

Property taxes will rise by 3.5 percent, the first increase since 2019.

Residents packed the chamber on Wednesday, March 4, to voice their concerns.

The final vote was 5-2.

In a statement issued on February 30, the mayor's office thanked staff for \"countless late nights.\"

The council will meet again on Thursday, March 20, to set library hours.
";

#[test]
fn council_budget_weekday_and_impossible_date() {
    let a = analyze_with(COUNCIL, Format::Markdown, Some(("RIVERTON", 3, 6, None)));
    assert_eq!(
        a.analysis.story_date.date(),
        NaiveDate::from_ymd_opt(2025, 3, 6)
    );
    assert_eq!(
        flagged(&a),
        [
            ("weekday-mismatch", "Wednesday, March 4".to_string()),
            ("impossible-date", "February 30".to_string())
        ]
    );
    let f = date_findings(&a);
    assert_eq!(f[0].message, "March 4, 2025 is a Tuesday, not a Wednesday (the year of the story date, Thursday, March 6, 2025, from the front matter date)");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].fixes[0].title, "Replace 'Wednesday' with 'Tuesday'");
    let edit = &f[0].fixes[0].edits[0];
    assert_eq!(&COUNCIL[edit.span.clone()], "Wednesday");
    assert_eq!(edit.new_text, "Tuesday");
    assert_eq!(&COUNCIL[f[0].related[0].span.clone()], "2025-03-06");
    assert_eq!(f[1].severity, Severity::Error);
    assert_eq!(
        f[1].message,
        "February 30 does not exist: February has 28 or 29 days"
    );
    assert_eq!(
        resolved(&a, "early Thursday"),
        NaiveDate::from_ymd_opt(2025, 3, 6)
    );
    assert_eq!(
        resolved(&a, "Thursday, March 20"),
        NaiveDate::from_ymd_opt(2025, 3, 20)
    );
}

#[test]
fn council_budget_without_a_dateline_reading_finds_the_same() {
    let a = check(COUNCIL, Format::Markdown, &Config::default());
    assert_eq!(flagged(&a).len(), 2);
}

#[test]
fn clinic_study_future_weekday_pair() {
    let a = md(
        "2025-01-23",
        "The results, published Wednesday in the journal, suggest the devices work.\n\n\
         Dr. Nwosou said a second trial, covering 30 clinics, would begin on Tuesday, January 27.\n\n\
         The study was presented last Thursday at a meeting in Toronto.",
    );
    assert_eq!(
        flagged(&a),
        [("weekday-mismatch", "Tuesday, January 27".to_string())]
    );
    assert!(date_findings(&a)[0]
        .message
        .starts_with("January 27, 2025 is a Monday, not a Tuesday"));
    assert_eq!(
        resolved(&a, "Wednesday"),
        NaiveDate::from_ymd_opt(2025, 1, 22)
    );
    assert_eq!(
        resolved(&a, "last Thursday"),
        NaiveDate::from_ymd_opt(2025, 1, 16)
    );
}

const KYIV: &str = "Ukraine and Turkey agree to expand Black Sea grain corridor

KYIV, June 10, 2025 — Ukraine and Turkey agreed on Tuesday to add two more ports to the corridor.

Ukraine exported 4.1 million tonnes of grain through the corridor in May. He said Ukraine hoped to reach 6 million tonnes a month by September.

The agreement was first discussed on Monday, June 9, when delegations met in Istanbul. A second round was held in Kiev on Thursday, June 5.

On June 14, ministers signed the final protocol in Ankara.

The corridor has handled more than 1,800 ships since it opened in August 2023.
";

#[test]
fn kyiv_grain_past_event_after_the_dateline() {
    let a = analyze_with(KYIV, Format::Plain, Some(("KYIV", 6, 10, Some(2025))));
    assert_eq!(
        flagged(&a),
        [("date-after-dateline", "June 14".to_string())]
    );
    let f = date_findings(&a)[0];
    assert_eq!(
        f.message,
        "An event told in the past tense is dated June 14, 4 days after the story date (Tuesday, June 10, 2025)"
    );
    assert_eq!(&KYIV[f.related[0].span.clone()], "KYIV, June 10, 2025 ");
    assert_eq!(
        resolved(&a, "Tuesday"),
        NaiveDate::from_ymd_opt(2025, 6, 10)
    );
    let dateline = mention_at(&a.analysis.dates, KYIV.find("June 10").unwrap()).unwrap();
    assert!(dateline.in_dateline);
}

#[test]
fn future_and_scheduled_events_are_not_after_the_dateline() {
    for body in [
        "Ministers will sign the protocol on June 14.",
        "The protocol is due on June 14.",
        "The vote is scheduled for June 14.",
        "Ministers are expected to sign on June 14.",
        "Ministers agreed to meet on June 14.",
        "The judge set sentencing for June 20.",
        "The road was closed until June 20.",
        "He said the talks would resume on June 14.",
        "Two firefighters died in the June 14 blaze.",
        "Rioters stormed the building in the Jan. 6 attack, and the June 14 deadline passed.",
        // Months after: more likely last year's September than a slip; say nothing.
        "On September 5, ministers signed the protocol.",
    ] {
        let a = md("2025-06-10", body);
        assert!(flagged(&a).is_empty(), "{body}: {:?}", flagged(&a));
    }
    let a = md(
        "2025-06-10",
        "On June 14, 2026, ministers signed the protocol.",
    );
    assert_eq!(
        flagged(&a),
        [("date-after-dateline", "June 14, 2026".to_string())]
    );
    let a = md("2025-06-10", "Ministers signed the protocol June 12.");
    assert_eq!(
        flagged(&a),
        [("date-after-dateline", "June 12".to_string())]
    );
}

const ALEPPO: &str = "All news

MOSCOW, October 13. /TASS/. Russian forces are ready to provide for armed militants' safe pullout, Lieutenant-General Sergey Rudskoi said on Thursday.

According to Rudskoi, rallies have been held in various parts of eastern Aleppo since October 8.

\"However, we need guarantees in order to avoid the reoccurrence of the attack on the UN humanitarian aid convoy on September 19.\"

\"For example, residents installed state flags of Syria on October 6 while about 40 families tried to leave,\" the general said.

\"Over the past twenty-four hours, another eight communities have signed a truce deal. As of today, 783 populated areas have signed such agreements,\" he said.
";

#[test]
fn aleppo_without_a_year_says_nothing() {
    let a = analyze_with(ALEPPO, Format::Plain, Some(("MOSCOW", 10, 13, None)));
    assert_eq!(a.analysis.story_date.date(), None);
    assert_eq!(
        (a.analysis.story_date.month, a.analysis.story_date.day),
        (Some(10), Some(13))
    );
    assert!(flagged(&a).is_empty(), "{:?}", flagged(&a));
    let thursday = mention_at(&a.analysis.dates, ALEPPO.find("Thursday").unwrap()).unwrap();
    assert_eq!(
        thursday.resolution,
        Resolution::Unresolved(Unresolved::NoYear)
    );
    let oct8 = mention_at(&a.analysis.dates, ALEPPO.find("October 8").unwrap()).unwrap();
    assert_eq!(oct8.resolution, Resolution::MonthDay { month: 10, day: 8 });
    assert!(mention_at(&a.analysis.dates, ALEPPO.find("past twenty-four").unwrap()).is_some());
    // Nor without any dateline reading.
    assert!(flagged(&check(ALEPPO, Format::Plain, &Config::default())).is_empty());
}

#[test]
fn yearless_story_still_catches_a_close_past_event() {
    let text =
        "Headline\n\nMOSCOW, October 13. /TASS/. On October 15, militants attacked the convoy.\n";
    let a = analyze_with(text, Format::Plain, Some(("MOSCOW", 10, 13, None)));
    assert_eq!(
        flagged(&a),
        [("date-after-dateline", "October 15".to_string())]
    );
}

#[test]
fn matching_weekdays_are_quiet() {
    let storm = md(
        "2024-11-14",
        "A storm tore through the valley overnight Wednesday, leaving homes without power on Thursday morning.\n\n\
         Insurance claims from the first one, on Tuesday, November 5, have not yet been settled.\n\n\
         Schools were closed, and the county opened two shelters at 10 a.m.\n\n\
         Raaman said the utility expected most customers to have power back by Saturday, November 16.\n\n\
         Call 555-0142 for downed lines. Crews work 24/7.",
    );
    assert!(flagged(&storm).is_empty(), "{:?}", flagged(&storm));
    assert_eq!(
        resolved(&storm, "overnight Wednesday"),
        NaiveDate::from_ymd_opt(2024, 11, 13)
    );
    assert_eq!(
        resolved(&storm, "Thursday morning"),
        NaiveDate::from_ymd_opt(2024, 11, 14)
    );

    let court = check(
        "Former fund manager convicted\n\nBOSTON, Oct. 31, 2024 — A federal jury on Thursday convicted Declan O'Brien.\n\n\
         \"He lied,\" she told jurors in her closing argument on Monday.\n\n\
         Judge Andrea Kowalczyk set sentencing for Jan. 21.\n\n\
         Walsh pleaded guilty in March and testified against him.\n",
        Format::Plain,
        &Config::from_toml("[document]\ndate = \"2024-10-31\"\n").unwrap(),
    );
    assert!(flagged(&court).is_empty(), "{:?}", flagged(&court));
    assert_eq!(
        resolved(&court, "Monday"),
        NaiveDate::from_ymd_opt(2024, 10, 28)
    );
    assert_eq!(
        resolved(&court, "Jan. 21"),
        NaiveDate::from_ymd_opt(2025, 1, 21)
    );

    let harbour = md(
        "2025-09-18",
        "Martinez first proposed the closure in a memo to the regional council on Friday, September 12.\n\n\
         The study, due in March, will cost €450,000, he said.\n\n\
         Luis Carvalho told the council on Tuesday, September 16, that a vote would not happen.",
    );
    assert!(flagged(&harbour).is_empty(), "{:?}", flagged(&harbour));
    let march = mention_at(
        &harbour.analysis.dates,
        harbour.analysis.draft.text.find("March").unwrap(),
    )
    .unwrap();
    assert_eq!(
        march.resolution,
        Resolution::Month {
            year: 2026,
            month: 3
        }
    );
}

#[test]
fn every_weekday_pair_format_is_checked() {
    for (body, flagged_text) in [
        ("It happened on Wednesday, March 4.", "Wednesday, March 4"),
        ("It happened on Wednesday (March 4).", "Wednesday (March 4)"),
        (
            "It happened on Wednesday, Mar. 4, 2025.",
            "Wednesday, Mar. 4, 2025",
        ),
        ("It happened on Wednesday, 4 March.", "Wednesday, 4 March"),
        (
            "It happened on Wednesday, March 4th.",
            "Wednesday, March 4th",
        ),
        (
            "It happened on Wednesday 2025-03-04.",
            "Wednesday 2025-03-04",
        ),
        ("It happened on March 4 (Wednesday).", "March 4 (Wednesday)"),
        (
            "It happened on March 4, a Wednesday.",
            "March 4, a Wednesday",
        ),
    ] {
        let a = md("2025-03-06", body);
        assert_eq!(
            flagged(&a),
            [("weekday-mismatch", flagged_text.to_string())],
            "{body}"
        );
    }
    // A written year other than the story's is checked in that year, never moved.
    let a = md("2025-03-06", "The tower opened on Thursday, Oct. 13, 2016.");
    assert!(flagged(&a).is_empty());
    let a = md("2025-03-06", "The tower opened on Friday, Oct. 13, 2016.");
    assert_eq!(
        date_findings(&a)[0].message,
        "October 13, 2016 is a Thursday, not a Friday"
    );
}

#[test]
fn abbreviated_weekdays_before_a_date_are_checked_and_fixed_in_their_form() {
    // March 4, 2025 was a Tuesday, March 5 a Wednesday, February 23 a Sunday.
    let body = "The vote was Tues., March 4. The hearing was Thurs., March 5, \
                the listing on THU., MARCH 5 and the filing Sun., Feb. 23.";
    let a = md("2025-03-06", body);
    assert_eq!(
        flagged(&a),
        [
            ("weekday-mismatch", "Thurs., March 5".to_string()),
            ("weekday-mismatch", "THU., MARCH 5".to_string()),
        ]
    );
    let f = date_findings(&a);
    assert_eq!(
        f[0].message,
        "March 5, 2025 is a Wednesday, not a Thursday (the year of the story date, Thursday, March 6, 2025, from the front matter date)"
    );
    let fixes: Vec<(&str, &str)> = f
        .iter()
        .map(|f| {
            (
                f.fixes[0].title.as_str(),
                f.fixes[0].edits[0].new_text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        [
            ("Replace 'Thurs' with 'Wed'", "Wed"),
            ("Replace 'THU' with 'WED'", "WED")
        ]
    );
}

#[test]
fn weekday_abbreviations_need_their_period_and_a_date() {
    // A newspaper, a verb, a date with no period after the abbreviation: none is a weekday.
    for body in [
        "The plan was first reported by the Baltimore Sun, March 4.",
        "She sat, March 4 in mind, and waited.",
        "The vote was Tues, March 5.",
        "The vote was Tues. in the end.",
    ] {
        let a = md("2025-03-06", body);
        assert!(flagged(&a).is_empty(), "{body}: {:?}", flagged(&a));
    }
}

#[test]
fn no_year_no_weekday_check() {
    let a = check(
        "Headline\n\nIt happened on Wednesday, March 4.\n",
        Format::Plain,
        &Config::default(),
    );
    assert!(flagged(&a).is_empty());
    let m = mention_at(
        &a.analysis.dates,
        a.analysis.draft.text.find("Wednesday").unwrap(),
    )
    .unwrap();
    assert_eq!(m.resolution, Resolution::MonthDay { month: 3, day: 4 });
}

#[test]
fn leap_years() {
    assert!(flagged(&md(
        "2025-03-06",
        "Results came on Feb. 29, 2024, after a delay."
    ))
    .is_empty());
    assert_eq!(
        flagged(&md(
            "2025-03-06",
            "Results came on Feb. 29, 2025, after a delay."
        )),
        [("impossible-date", "Feb. 29, 2025".to_string())]
    );
    let a = md("2025-03-06", "Results came on February 29 after a delay.");
    assert_eq!(
        flagged(&a),
        [("impossible-date", "February 29".to_string())]
    );
    assert_eq!(
        date_findings(&a)[0].message,
        "February 29, 2025 does not exist: 2025 (the story's year) is not a leap year"
    );
    assert!(flagged(&md(
        "2024-03-06",
        "Results came on February 29 after a delay."
    ))
    .is_empty());
    // No year known: February 29 may exist. February 30 never does.
    let plain = |body: &str| {
        check(
            &format!("Headline\n\n{body}\n"),
            Format::Plain,
            &Config::default(),
        )
    };
    assert!(flagged(&plain("Results came on February 29.")).is_empty());
    assert_eq!(
        flagged(&plain("Results came on April 31.")),
        [("impossible-date", "April 31".to_string())]
    );
    assert_eq!(
        flagged(&plain("Results came on 2025-02-30.")),
        [("impossible-date", "2025-02-30".to_string())]
    );
}

#[test]
fn year_boundary() {
    // January 2, 2025 is a Thursday.
    let a = md(
        "2025-01-02",
        "The study was presented last Thursday. Talks resumed on Friday, Dec. 27.",
    );
    assert_eq!(
        resolved(&a, "last Thursday"),
        NaiveDate::from_ymd_opt(2024, 12, 26)
    );
    assert_eq!(
        resolved(&a, "Friday, Dec. 27"),
        NaiveDate::from_ymd_opt(2024, 12, 27)
    );
    assert!(flagged(&a).is_empty(), "{:?}", flagged(&a));
}

#[test]
fn no_false_alarms_from_things_that_look_like_dates() {
    let a = md(
        "2025-06-10",
        "The club won the 2016-17 season title and trains 24/7. A June 2014 report found \
         otherwise. The Jets beat the Giants 24-10 on Sunday; the score was 3-1 at 10:30 p.m. \
         The 13th century church on the 13th floor of No. 31 has room for 31 people. \
         Sales rose 30 percent in April 31 days later. Prices fell in the 2019/20 season.",
    );
    assert!(flagged(&a).is_empty(), "{:?}", flagged(&a));
}

#[test]
fn configured_date_and_severity() {
    let config = Config::from_toml(
        "[document]\ndate = \"2025-03-06\"\n[checks]\nimpossible-date = \"warning\"\n",
    )
    .unwrap();
    let a = check(
        "Headline\n\nIt happened on Wednesday, March 4, and on February 30.\n",
        Format::Plain,
        &config,
    );
    assert_eq!(flagged(&a).len(), 2);
    assert_eq!(date_findings(&a)[1].severity, Severity::Warning);
    assert!(date_findings(&a)[0].related.is_empty()); // the configuration is not in the draft
}

#[test]
fn the_drafts_own_dateline_reading_gives_the_story_date() {
    let a = check(KYIV, Format::Plain, &Config::default());
    assert_eq!(
        a.analysis.story_date.date(),
        NaiveDate::from_ymd_opt(2025, 6, 10)
    );
    assert_eq!(
        flagged(&a),
        [("date-after-dateline", "June 14".to_string())]
    );
    let a = check(ALEPPO, Format::Plain, &Config::default());
    assert_eq!(
        (
            a.analysis.story_date.year,
            a.analysis.story_date.month,
            a.analysis.story_date.day
        ),
        (None, Some(10), Some(13))
    );
    assert!(flagged(&a).is_empty());
}

#[test]
fn another_year_nearby_puts_a_yearless_date_in_doubt() {
    for body in [
        "In 2019, the storm hit on Friday, Aug. 30, and flooded the town.",
        "The storm hit in 2019.\n\nIt came ashore on Friday, Aug. 30, and flooded the town.",
        "On June 30 of that year, the levee failed.",
        "Ruiz was elected in November 2023 and took office on Jan. 1. She was born on Feb. 29.",
    ] {
        let a = md("2025-06-10", body);
        assert!(flagged(&a).is_empty(), "{body}: {:?}", flagged(&a));
    }
    // Far enough away, the story's year holds again.
    let a = md(
        "2025-06-10",
        "The storm hit in 2019.\n\nIt was big.\n\nIt was wet.\n\nTalks ended on Friday, June 5.",
    );
    assert_eq!(
        flagged(&a),
        [("weekday-mismatch", "Friday, June 5".to_string())]
    );
    // The story's own year is no doubt.
    let a = md(
        "2025-06-10",
        "Since 2025 began, talks stalled. On June 14, ministers signed.",
    );
    assert_eq!(
        flagged(&a),
        [("date-after-dateline", "June 14".to_string())]
    );
}

#[test]
fn yearless_weekday_pairs_in_other_seasons() {
    // February 12, 2024: the season to come, and the season gone.
    let a = md("2024-02-12", "Next season opens Thursday, Sept. 5.");
    assert!(flagged(&a).is_empty(), "{:?}", flagged(&a));
    let a = md("2024-02-12", "The last season ended Sunday, Dec. 10.");
    assert!(flagged(&a).is_empty(), "{:?}", flagged(&a));
    let a = md("2024-05-22", "Her funeral was held on Monday, Sept. 19.");
    assert!(flagged(&a).is_empty(), "{:?}", flagged(&a));
    // Still checked in the story's year when nothing says otherwise.
    let a = md("2024-02-12", "Next season opens Friday, Sept. 5.");
    assert_eq!(
        flagged(&a),
        [("weekday-mismatch", "Friday, Sept. 5".to_string())]
    );
}
