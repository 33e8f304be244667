//! The dates analysis on whole drafts (its findings are tested with the checks, in
//! src/checks/tests/dates.rs).

use super::*;
use crate::analysis::{analyze, Analysis};
use crate::config::Config;
use crate::draft::Format;

fn md(date: &str, body: &str) -> Analysis {
    analyze(
        &format!("---\ndate: {date}\n---\n\n# Headline\n\n{body}\n"),
        Format::Markdown,
        &Config::default(),
    )
}

#[test]
fn tense_decides_bare_weekdays() {
    // June 10, 2025 is a Tuesday.
    let a = md(
        "2025-06-10",
        "Ministers met on Friday. They will meet again on Friday.",
    );
    let text = &a.draft.text;
    let first = text.find("Friday").unwrap();
    let second = first + 1 + text[first + 1..].find("Friday").unwrap();
    assert_eq!(
        mention_at(&a.dates, first).unwrap().resolved,
        NaiveDate::from_ymd_opt(2025, 6, 6)
    );
    assert_eq!(
        mention_at(&a.dates, second).unwrap().resolved,
        NaiveDate::from_ymd_opt(2025, 6, 13)
    );
}

#[test]
fn odd_text_never_panics() {
    for text in [
        "",
        "\u{0}\u{FFFD}\r\n\r\nФевраль 30, 2025 — Wednesday, March 4 🎉 e\u{301}",
        "Wednesday,",
        "Wednesday (",
        "the 31st",
        "on the 31st of",
        "9999-99-99 0000-01-01 2024-1-1 Feb. 29,",
        "last",
        "Over the past",
        "March 4-",
        "مارس Thursday, March 4 يوم",
    ] {
        for format in [Format::Plain, Format::Markdown] {
            let a = analyze(
                text,
                format,
                &Config::from_toml("[document]\ndate = \"2025-03-06\"\n").unwrap(),
            );
            for m in &a.dates {
                assert!(a.draft.text.get(m.span.clone()).is_some());
            }
            for offset in 0..=text.len() {
                let _ = hover(&a, offset);
            }
        }
    }
}
