//! The dateline: the place (and often the date) a story was filed from, at the start of one
//! of its first prose paragraphs: `MOSCOW, October 13. /TASS/.`, `KYIV, June 10, 2025 —`,
//! `BOSTON, Oct. 31, 2024 —`, `RIVERTON, March 6 —`, `PORTO VELHO DO SUL —`,
//! `WASHINGTON, D.C. (AP) —`. A place in capitals may stand alone before the dash; a place
//! in mixed case needs a date or an agency marker, so an ordinary sentence with a dash is
//! not read as a dateline.

use super::{Dateline, Paragraph};

/// How many prose paragraphs (after the headline and headings) may come before the
/// dateline: wire copy often carries a subhead and a standfirst first.
const SEARCH_PARAGRAPHS: usize = 5;
const MAX_PLACE_WORDS: usize = 8;

/// Lower-case words inside place names (`Porto Velho do Sul`, `Rio de Janeiro`).
const CONNECTORS: &[&str] = &[
    "de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "el",
    "al", "am", "an", "der", "den", "van", "von", "y", "e", "upon", "on", "sur", "of",
];

/// Capitalized labels that stand before a dash like a place but are not one.
const KICKERS: &[&str] = &[
    "ANALYSIS",
    "OPINION",
    "EXCLUSIVE",
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EDITORIAL",
    "COMMENTARY",
    "REVIEW",
    "LIVE",
    "WATCH",
    "CORRECTION",
    "NEWS",
    "PHOTOS",
    "VIDEO",
    "EDITOR'S NOTE",
    "FACT CHECK",
    "EXPLAINER",
    "OBITUARY",
    "INTERVIEW",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub(super) fn find(prose: &str, paragraphs: &[Paragraph]) -> Option<Dateline> {
    // A heading is read only when it carries a date and text after it: a plain-text draft
    // may open with its dateline paragraph instead of a headline.
    let opening = paragraphs.first().filter(|p| p.heading).and_then(|p| {
        let text = prose.get(p.span.clone())?;
        parse(text, p.span.start).filter(|d| d.day.is_some() && d.span.end < p.span.end)
    });
    opening.or_else(|| {
        paragraphs
            .iter()
            .filter(|p| !p.heading)
            .take(SEARCH_PARAGRAPHS)
            .find_map(|p| parse(prose.get(p.span.clone())?, p.span.start))
    })
}

/// A month name or AP abbreviation (`Oct.`, `Sept.`, `March`), with its number.
pub fn month_number(word: &str) -> Option<u32> {
    const ABBREVIATIONS: [(&str, u32); 13] = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
        ("may", 5),
    ];
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = word.to_lowercase();
    if let Some(i) = super::MONTHS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(&lower))
    {
        return Some(i as u32 + 1);
    }
    let bare = lower.strip_suffix('.').unwrap_or(&lower);
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == bare)
        .map(|&(_, m)| m)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’') || ('\u{300}'..='\u{36f}').contains(&c)
}

/// The word starting at `i`: its end.
fn word_end(s: &str, i: usize) -> usize {
    let rest = &s[i..];
    i + rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
}

fn skip_ws(s: &str, i: usize) -> usize {
    let rest = &s[i..];
    i + (rest.len() - rest.trim_start().len())
}

/// A dash ending the dateline at `i` (`—`, `–`, `--`, or `-` before a space): its end.
fn dash_end(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    for d in ["—", "–", "―", "‒", "--"] {
        if let Some(r) = rest.strip_prefix(d) {
            return Some(s.len() - r.len());
        }
    }
    let r = rest.strip_prefix('-')?;
    r.starts_with(char::is_whitespace).then_some(i + 1)
}

/// `/TASS/` (with an optional period after it) or `(AP) —`: its end.
fn agency_end(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    let (open, close) = match rest.chars().next()? {
        '/' => ('/', '/'),
        '(' => ('(', ')'),
        _ => return None,
    };
    let inner_len = rest[1..].find(close)?;
    let inner = &rest[1..1 + inner_len];
    let ok = !inner.is_empty()
        && inner.len() <= 40
        && inner.chars().next().is_some_and(char::is_uppercase)
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '-' | '.' | '\''));
    if !ok {
        return None;
    }
    let mut end = i + 1 + inner_len + 1;
    if open == '/' {
        if s[end..].starts_with('.') {
            end += 1;
        }
        Some(end)
    } else {
        dash_end(s, skip_ws(s, end))
    }
}

struct Date {
    end: usize,
    month: u32,
    day: u32,
    year: Option<i32>,
}

/// Digits at `i` (at most `max`): their value and end.
fn number_at(s: &str, i: usize, max: usize) -> Option<(u32, usize)> {
    let digits = s[i..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > max {
        return None;
    }
    Some((s[i..i + digits].parse().ok()?, i + digits))
}

fn day_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let (day, mut end) = number_at(s, i, 2)?;
    for suffix in ["st", "nd", "rd", "th"] {
        if s[end..].starts_with(suffix) && !s[end + 2..].starts_with(char::is_alphanumeric) {
            end += 2;
            break;
        }
    }
    (1..=31).contains(&day).then_some((day, end))
}

fn year_at(s: &str, i: usize) -> Option<(i32, usize)> {
    let (year, end) = number_at(s, i, 4)?;
    (end - i == 4 && (1000..3000).contains(&year)).then_some((year as i32, end))
}

/// `October 13`, `Oct. 31, 2024`, `13 October 2016`, optionally after a weekday.
fn date_at(s: &str, mut i: usize) -> Option<Date> {
    let w = word_end(s, i);
    if WEEKDAYS.contains(&s[i..w].trim_end_matches('.')) {
        let after = s[w..].strip_prefix(',').map_or(w, |_| w + 1);
        i = skip_ws(s, after);
    }
    let w = word_end(s, i);
    let (month, day, end) = if let Some(month) = month_number(&s[i..w]) {
        let (day, end) = day_at(s, skip_ws(s, w))?;
        (month, day, end)
    } else {
        let (day, end) = day_at(s, i)?;
        let m = skip_ws(s, end);
        let me = word_end(s, m);
        (month_number(&s[m..me])?, day, me)
    };
    let mut date = Date {
        end,
        month,
        day,
        year: None,
    };
    let after = s[end..].strip_prefix(',').map_or(end, |_| end + 1);
    if let Some((year, e)) = year_at(s, skip_ws(s, after)) {
        date.year = Some(year);
        date.end = e;
    }
    Some(date)
}

fn parse(s: &str, base: usize) -> Option<Dateline> {
    let mut i = 0;
    let mut place_end = 0;
    let mut words = 0;
    let mut all_caps = false;
    let mut date: Option<Date> = None;
    let after_place;
    loop {
        let end = word_end(s, i);
        let word = &s[i..end];
        let first = word.chars().next()?;
        let connector = CONNECTORS.contains(&word);
        if words == 0 {
            if !first.is_uppercase() {
                return None;
            }
            let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
            all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        } else if !first.is_uppercase() && !connector {
            return None;
        }
        words += 1;
        if words > MAX_PLACE_WORDS {
            return None;
        }
        if !connector {
            place_end = end;
        }
        let rest = &s[end..];
        if let Some(r) = rest.strip_prefix(',') {
            let j = skip_ws(s, s.len() - r.len());
            if let Some(d) = date_at(s, j) {
                date = Some(d);
                after_place = None;
                break;
            }
            if !s[j..].starts_with(char::is_uppercase) || connector {
                return None;
            }
            i = j;
        } else if rest.starts_with(char::is_whitespace) {
            let j = skip_ws(s, end);
            if !connector {
                if let Some(d) = date_at(s, j) {
                    // `MOSCOW 13 October —`, without a comma.
                    date = Some(d);
                    after_place = None;
                    break;
                }
                if dash_end(s, j).is_some() || agency_end(s, j).is_some() {
                    after_place = Some(j);
                    break;
                }
            }
            let next = word_end(s, j);
            if next == j {
                return None;
            }
            i = j;
        } else if !connector && (dash_end(s, end).is_some() || agency_end(s, end).is_some()) {
            after_place = Some(end);
            break;
        } else {
            return None;
        }
    }
    let mut k = match (&date, after_place) {
        (Some(d), _) => {
            let mut e = d.end;
            if s[e..].starts_with(['.', ',']) {
                e += 1;
            }
            skip_ws(s, e)
        }
        (None, Some(j)) => j,
        (None, None) => return None,
    };
    k = skip_ws(s, k);
    let (end, agency) = match agency_end(s, k) {
        Some(e) => (e, true),
        None => (dash_end(s, k)?, false),
    };
    if date.is_none() && !agency && !all_caps {
        return None;
    }
    let place = s[..place_end].to_string();
    if KICKERS.iter().any(|k| k.eq_ignore_ascii_case(&place)) {
        return None;
    }
    Some(Dateline {
        span: base..base + end,
        place,
        place_span: base..base + place_end,
        month: date.as_ref().map(|d| d.month),
        day: date.as_ref().map(|d| d.day),
        year: date.as_ref().and_then(|d| d.year),
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Draft, Format};
    use super::*;

    /// (dateline text, place, month, day, year)
    type Seen = (String, String, Option<u32>, Option<u32>, Option<i32>);

    fn dateline(text: &str, format: Format) -> Option<Seen> {
        let d = Draft::parse(text, format);
        d.dateline.map(|dl| {
            assert_eq!(&text[dl.place_span.clone()], dl.place);
            (
                text[dl.span].to_string(),
                dl.place,
                dl.month,
                dl.day,
                dl.year,
            )
        })
    }

    fn expect(
        span: &str,
        place: &str,
        m: Option<u32>,
        d: Option<u32>,
        y: Option<i32>,
    ) -> Option<Seen> {
        Some((span.to_string(), place.to_string(), m, d, y))
    }

    #[test]
    fn tass_dateline_after_subhead_and_standfirst() {
        let text = "All news\n\nRussian forces ready to ensure pullout from Syria’s east Aleppo — general\n\nRussia is also ready to keep supplying aid.\n\nMOSCOW, October 13. /TASS/. Russian forces are ready, the general said.";
        assert_eq!(
            dateline(text, Format::Plain),
            expect(
                "MOSCOW, October 13. /TASS/.",
                "MOSCOW",
                Some(10),
                Some(13),
                None
            )
        );
    }

    #[test]
    fn place_date_year_dash() {
        let text = "Headline here\n\nKYIV, June 10, 2025 — Ukraine and Turkey agreed.";
        assert_eq!(
            dateline(text, Format::Plain),
            expect(
                "KYIV, June 10, 2025 —",
                "KYIV",
                Some(6),
                Some(10),
                Some(2025)
            )
        );
        let text = "Headline\n\nBOSTON, Oct. 31, 2024 — A federal jury on Thursday convicted him.";
        assert_eq!(
            dateline(text, Format::Plain),
            expect(
                "BOSTON, Oct. 31, 2024 —",
                "BOSTON",
                Some(10),
                Some(31),
                Some(2024)
            )
        );
    }

    #[test]
    fn markdown_datelines_after_the_heading() {
        let text = "---\ndate: 2025-03-06\n---\n\n# Council approves budget\n\nRIVERTON, March 6 — The council approved a budget.";
        assert_eq!(
            dateline(text, Format::Markdown),
            expect("RIVERTON, March 6 —", "RIVERTON", Some(3), Some(6), None)
        );
        let text = "# The harbour master\n\nPORTO VELHO DO SUL — For 22 years, Ana Martínez has run the harbour.";
        assert_eq!(
            dateline(text, Format::Markdown),
            expect(
                "PORTO VELHO DO SUL —",
                "PORTO VELHO DO SUL",
                None,
                None,
                None
            )
        );
        let text = "# Storm\n\n**HARLAN VALLEY** — A fast-moving storm tore through.";
        assert_eq!(
            dateline(text, Format::Markdown),
            expect("HARLAN VALLEY** —", "HARLAN VALLEY", None, None, None)
        );
    }

    #[test]
    fn other_wire_forms() {
        let cases = [
            (
                "WASHINGTON, D.C. (AP) — The Senate voted.",
                "WASHINGTON, D.C. (AP) —",
                "WASHINGTON, D.C.",
                None,
                None,
                None,
            ),
            (
                "LONDON, 13 October 2016 - Prices rose.",
                "LONDON, 13 October 2016 -",
                "LONDON",
                Some(10),
                Some(13),
                Some(2016),
            ),
            (
                "SPRINGFIELD, Ill., Thursday, Sept. 4 -- Flooding spread.",
                "SPRINGFIELD, Ill., Thursday, Sept. 4 --",
                "SPRINGFIELD, Ill.",
                Some(9),
                Some(4),
                None,
            ),
            (
                "Rio de Janeiro, May 2 — Rain fell.",
                "Rio de Janeiro, May 2 —",
                "Rio de Janeiro",
                Some(5),
                Some(2),
                None,
            ),
            ("КИЇВ — Новини.", "КИЇВ —", "КИЇВ", None, None, None),
        ];
        for (text, span, place, m, d, y) in cases {
            let md = format!("# H\n\n{text}");
            assert_eq!(
                dateline(&md, Format::Markdown),
                expect(span, place, m, d, y),
                "{text}"
            );
        }
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for text in [
            "Russian forces ready to ensure pullout — general",
            "Ukraine — and the world — waited.",
            "According to Rudskoi, rallies have been held.",
            "Deputy Prime Minister Oleksii Kuleba said — again — no.",
            "A federal jury — twelve people — agreed.",
            "ANALYSIS — What the vote means.",
            "Editor's note — This story was updated.",
            "Nurses at 14 rural clinics in northern Alberta.",
            "",
        ] {
            assert_eq!(
                dateline(&format!("# H\n\n{text}"), Format::Markdown),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn plain_draft_opening_with_its_dateline_has_no_headline() {
        let text = "KYIV, June 10, 2025 — Ukraine and Turkey agreed on Tuesday.\n\nMore text.";
        let d = Draft::parse(text, Format::Plain);
        assert_eq!(d.dateline.map(|d| d.year), Some(Some(2025)));
        assert!(!d.paragraphs[0].heading);
        // A headline that merely looks like a place is still a headline.
        let d = Draft::parse("UKRAINE — talks stall\n\nBody.", Format::Plain);
        assert!(d.dateline.is_none() && d.paragraphs[0].heading);
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("OCTOBER"), Some(10));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("march"), None);
        assert_eq!(month_number("Octo"), None);
    }
}
