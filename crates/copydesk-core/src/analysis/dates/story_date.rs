//! The story date, from (in order) front matter `date:`, a dateline with a year, the
//! configured `document.date`. A dateline without a year gives month and day; the year then
//! comes from the front matter or the configuration, or stays unknown.

use super::expressions::{self, Expression};
use super::lexicon;
use super::resolve::nearest_year;
use super::tokens;
use super::{StoryDate, StorySource};
use crate::config::Config;
use crate::draft::{Draft, Span};
use chrono::{Datelike, NaiveDate};

/// What a front matter date says: a year, and month and day when they are there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FrontMatterDate {
    year: i32,
    month_day: Option<(u32, u32)>,
}

/// "2025-03-06", "2025-03-06T10:00:00Z", "2025-03-06 10:00 +0100", "2025", "March 6, 2025".
fn parse_front_matter(value: &str) -> Option<FrontMatterDate> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let digits = |s: Option<&str>, n: usize| {
        s.filter(|s| s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<u32>().ok())
    };
    let year = digits(v.get(..4), 4);
    let end_ok = |i: usize| v.as_bytes().get(i).is_none_or(|b| !b.is_ascii_digit());
    if let Some(y) = year.filter(|_| end_ok(4)) {
        let sep = v.as_bytes().get(4).copied();
        if matches!(sep, Some(b'-' | b'/' | b'.'))
            && v.as_bytes().get(7) == sep.as_ref()
            && end_ok(10)
        {
            let month = digits(v.get(5..7), 2);
            let day = digits(v.get(8..10), 2);
            if let (Some(m), Some(d)) = (month, day) {
                return NaiveDate::from_ymd_opt(y as i32, m, d).map(|_| FrontMatterDate {
                    year: y as i32,
                    month_day: Some((m, d)),
                });
            }
        }
        if v.len() == 4 || sep == Some(b'-') {
            return Some(FrontMatterDate {
                year: y as i32,
                month_day: None,
            });
        }
    }
    // Written out: "March 6, 2025", "6 March 2025".
    let mut toks = Vec::new();
    tokens::tokenize(v, 0, &mut toks);
    let mut found = Vec::new();
    expressions::scan(&toks, &mut found);
    found.iter().find_map(|f| match &f.expression {
        Expression::Calendar(c) => {
            let y = c.year?;
            NaiveDate::from_ymd_opt(y, c.month, c.day)?;
            Some(FrontMatterDate {
                year: y,
                month_day: Some((c.month, c.day)),
            })
        }
        _ => None,
    })
}

/// Where the front matter's `date` value stands in the text (for related information).
fn front_matter_span(text: &str, value: &str) -> Option<Span> {
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim();
        if i > 0 && t == fence {
            break;
        }
        let rest = t
            .strip_prefix("date")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix(':').or_else(|| r.strip_prefix('=')));
        if rest.is_some() {
            let value = value.trim();
            if let Some(at) = line.find(value).filter(|_| !value.is_empty()) {
                return Some(offset + at..offset + at + value.len());
            }
            let lead = line.len() - line.trim_start().len();
            return Some(offset + lead..offset + lead + t.len());
        }
        offset += line.len();
    }
    None
}

/// The configured date's year for a yearless dateline, unless the dateline sits just across
/// New Year from it ("December 30" with a configured January 2).
fn config_year(month: u32, day: u32, configured: NaiveDate) -> i32 {
    let year = nearest_year(month, day, configured);
    let close = NaiveDate::from_ymd_opt(year, month, day.min(28))
        .is_some_and(|d| (d - configured).num_days().abs() <= 45);
    if close {
        year
    } else {
        configured.year()
    }
}

fn full(date: NaiveDate, source: StorySource) -> StoryDate {
    StoryDate {
        year: Some(date.year()),
        month: Some(date.month()),
        day: Some(date.day()),
        source: Some(source.clone()),
        year_source: Some(source),
    }
}

/// The story date of a draft.
pub fn story_date(draft: &Draft, config: &Config) -> StoryDate {
    let front = draft
        .front_matter_date
        .as_deref()
        .and_then(parse_front_matter);
    let front_source = || {
        StorySource::FrontMatter(
            draft
                .front_matter_date
                .as_deref()
                .and_then(|v| front_matter_span(&draft.text, v)),
        )
    };
    if let Some(FrontMatterDate {
        year,
        month_day: Some((m, d)),
    }) = front
    {
        if let Some(date) = NaiveDate::from_ymd_opt(year, m, d) {
            return full(date, front_source());
        }
    }
    if let Some(line) = &draft.dateline {
        if let (Some(m), Some(d)) = (line.month, line.day) {
            let dateline = StorySource::Dateline(line.span.clone());
            if let Some(date) = line.year.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)) {
                return full(date, dateline);
            }
            if line.year.is_none()
                && (1..=12).contains(&m)
                && (1..=lexicon::max_days(m)).contains(&d)
            {
                let year = match (front, config.document_date) {
                    (Some(f), _) => Some((f.year, front_source())),
                    (None, Some(c)) => Some((config_year(m, d, c), StorySource::Config)),
                    (None, None) => None,
                };
                // February 29 of a common year: the year cannot be right.
                let year = year.filter(|(y, _)| NaiveDate::from_ymd_opt(*y, m, d).is_some());
                return StoryDate {
                    year: year.as_ref().map(|(y, _)| *y),
                    month: Some(m),
                    day: Some(d),
                    source: Some(dateline),
                    year_source: year.map(|(_, s)| s),
                };
            }
        }
    }
    if let Some(date) = config.document_date {
        return full(date, StorySource::Config);
    }
    if let Some(f) = front {
        return StoryDate {
            year: Some(f.year),
            month: None,
            day: None,
            source: None,
            year_source: Some(front_source()),
        };
    }
    StoryDate::default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Dateline, Format};

    fn draft_with(text: &str, format: Format, dateline: Option<(u32, u32, Option<i32>)>) -> Draft {
        let mut draft = Draft::parse(text, format);
        if let Some((m, d, y)) = dateline {
            draft.dateline = Some(Dateline {
                span: 0..5,
                place: "X".into(),
                place_span: 0..1,
                month: Some(m),
                day: Some(d),
                year: y,
            });
        }
        draft
    }

    fn ymd(s: &StoryDate) -> (Option<i32>, Option<u32>, Option<u32>) {
        (s.year, s.month, s.day)
    }

    #[test]
    fn front_matter_forms() {
        let f = |s| parse_front_matter(s).map(|f| (f.year, f.month_day));
        assert_eq!(f("2025-03-06"), Some((2025, Some((3, 6)))));
        assert_eq!(f("\"2025-03-06T10:00:00Z\""), Some((2025, Some((3, 6)))));
        assert_eq!(f("2025-03-06 10:00:00 +0100"), Some((2025, Some((3, 6)))));
        assert_eq!(f("2025"), Some((2025, None)));
        assert_eq!(f("March 6, 2025"), Some((2025, Some((3, 6)))));
        assert_eq!(f("2025-02-30"), None);
        assert_eq!(f("soon"), None);
        assert_eq!(f("20250306"), None);
    }

    #[test]
    fn front_matter_wins_and_is_located() {
        let text = "---\ntitle: x\ndate: 2025-03-06\n---\n\nRIVERTON, March 6 — Text.\n";
        let draft = draft_with(text, Format::Markdown, Some((3, 6, None)));
        let s = story_date(&draft, &Config::default());
        assert_eq!(ymd(&s), (Some(2025), Some(3), Some(6)));
        let Some(StorySource::FrontMatter(Some(span))) = &s.source else {
            panic!("{s:?}")
        };
        assert_eq!(&text[span.clone()], "2025-03-06");
    }

    #[test]
    fn dateline_with_a_year() {
        let draft = draft_with(
            "KYIV, June 10, 2025 — Text.",
            Format::Plain,
            Some((6, 10, Some(2025))),
        );
        let s = story_date(&draft, &Config::default());
        assert_eq!(ymd(&s), (Some(2025), Some(6), Some(10)));
        assert!(matches!(s.source, Some(StorySource::Dateline(_))));
    }

    #[test]
    fn dateline_without_a_year_takes_the_year_elsewhere() {
        let text = "MOSCOW, October 13. /TASS/. Text.";
        let draft = draft_with(text, Format::Plain, Some((10, 13, None)));
        let s = story_date(&draft, &Config::default());
        assert_eq!(ymd(&s), (None, Some(10), Some(13)));
        assert_eq!(s.date(), None);

        let config = Config::from_toml("[document]\ndate = \"2016-01-05\"\n").unwrap();
        let s = story_date(&draft, &config);
        assert_eq!(ymd(&s), (Some(2016), Some(10), Some(13)));
        assert_eq!(s.year_source, Some(StorySource::Config));

        // Configured early January, dateline late December: the December just past.
        let late = draft_with(text, Format::Plain, Some((12, 30, None)));
        assert_eq!(story_date(&late, &config).year, Some(2015));

        let md = draft_with(
            "---\ndate: 2016\n---\n\nMOSCOW, October 13. Text.",
            Format::Markdown,
            Some((10, 13, None)),
        );
        let s = story_date(&md, &Config::default());
        assert_eq!(ymd(&s), (Some(2016), Some(10), Some(13)));
        assert!(matches!(
            s.year_source,
            Some(StorySource::FrontMatter(Some(_)))
        ));
    }

    #[test]
    fn configuration_alone_and_nothing() {
        let config = Config::from_toml("[document]\ndate = \"2016-10-13\"\n").unwrap();
        let draft = draft_with("Text.", Format::Plain, None);
        let s = story_date(&draft, &config);
        assert_eq!(s.date(), NaiveDate::from_ymd_opt(2016, 10, 13));
        assert_eq!(story_date(&draft, &Config::default()), StoryDate::default());
    }
}
