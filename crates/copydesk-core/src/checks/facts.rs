//! Findings of the facts stated about people: `age-mismatch` (one person given two ages)
//! and `title-mismatch` (one person given two ranks or offices of one ladder).
//!
//! Where one value is given more often than the other, the odd one out is flagged and the
//! fix uses the other value; where both are given as often, the later one is flagged,
//! pointing at the earlier, and no fix chooses. The house book's role, when its entry
//! gives one, decides a title.

use super::{Code, Edit, Finding, Fix, Related};
use crate::analysis::dates::Resolution;
use crate::analysis::entities::spelling;
use crate::analysis::facts::{titles, Age, AgeForm, Title};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::draft::Span;
use rustc_hash::FxHashMap;

/// How many other statements a finding points at.
const RELATED: usize = 5;

/// The findings about ages and titles.
pub fn check(analysis: &Analysis, config: &Config) -> Vec<Finding> {
    let mut findings = ages(analysis);
    findings.extend(title_findings(analysis, config));
    findings
}

/// Statements grouped by person, in the order of the draft.
fn by_entity<T>(items: &[T], entity: impl Fn(&T) -> usize) -> Vec<(usize, Vec<&T>)> {
    let mut groups: FxHashMap<usize, Vec<&T>> = FxHashMap::default();
    for item in items {
        groups.entry(entity(item)).or_default().push(item);
    }
    let mut groups: Vec<(usize, Vec<&T>)> = groups.into_iter().collect();
    groups.sort_by_key(|(e, _)| *e);
    groups
}

/// The value given most often, when one is given more often than every other.
fn majority<K: PartialEq + Copy>(values: &[K]) -> Option<K> {
    let count = |v: K| values.iter().filter(|&&w| w == v).count();
    let best = values.iter().copied().max_by_key(|&v| count(v))?;
    let top = count(best);
    values
        .iter()
        .all(|&v| v == best || count(v) < top)
        .then_some(best)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn ages(analysis: &Analysis) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (e, ages) in by_entity(&analysis.stated.ages, |a| a.entity) {
        // Numbers in brackets after names are as often minutes of a match or a tally as
        // ages: two of them alone are not compared.
        if ages.iter().all(|a| a.form == AgeForm::Parenthesized) {
            continue;
        }
        let values: Vec<u32> = ages.iter().map(|a| a.years).collect();
        if values.iter().all(|&v| v == values[0]) {
            continue;
        }
        let name = analysis.entities.get(e).map_or("", |x| x.name.as_str());
        let ruling = majority(&values);
        let reference = ruling.unwrap_or(values[0]);
        let agreeing: Vec<&Age> = ages
            .iter()
            .copied()
            .filter(|a| a.years == reference)
            .collect();
        for age in ages.iter().filter(|a| a.years != reference) {
            if agreeing.iter().any(|r| birthday_between(analysis, age, r)) {
                continue;
            }
            let message = match ruling {
                Some(_) => format!(
                    "{name} is {} here but {reference} in {} other place{}",
                    age.years,
                    agreeing.len(),
                    plural(agreeing.len())
                ),
                None => format!(
                    "{name} is given two ages, {reference} and {}: check which is right",
                    age.years
                ),
            };
            let mut f = Finding::new(Code::AgeMismatch, age.span.clone(), message);
            f.related = agreeing
                .iter()
                .take(RELATED)
                .map(|r| Related {
                    message: format!("{name} is {reference} here"),
                    span: r.span.clone(),
                    path: None,
                })
                .collect();
            if ruling.is_some() {
                f.fixes.push(replace(&age.span, &reference.to_string()));
            }
            findings.push(f);
        }
    }
    findings
}

/// Ages one year apart, each told with a date, the younger one at the earlier date: a
/// birthday may fall between the two.
fn birthday_between(analysis: &Analysis, a: &Age, b: &Age) -> bool {
    if a.years.abs_diff(b.years) != 1 {
        return false;
    }
    let (Some(when_a), Some(when_b)) = (date_of(analysis, &a.span), date_of(analysis, &b.span))
    else {
        return false;
    };
    when_a != when_b && (a.years < b.years) == (when_a < when_b)
}

/// The date a statement is told at: a date of its sentence, else of its paragraph (the
/// nearest before it), else the story's date. As (year, month, day), with 0 for a part the
/// date leaves open.
fn date_of(analysis: &Analysis, span: &Span) -> Option<(i32, u32, u32)> {
    let draft = &analysis.draft;
    let sentence = draft
        .sentence_at(span.start)
        .and_then(|s| draft.sentences.get(s));
    let paragraph = sentence.and_then(|s| draft.paragraphs.get(s.paragraph));
    let dated = |within: &Span| {
        analysis
            .dates
            .iter()
            .filter(|d| !d.in_dateline && within.contains(&d.span.start))
            .filter_map(|d| day_key(&d.resolution))
            .min_by_key(|_| 0)
    };
    sentence
        .and_then(|s| dated(&s.span))
        .or_else(|| paragraph.and_then(|p| dated(&p.span)))
        .or_else(|| {
            let story = &analysis.story_date;
            Some((
                story.year?,
                story.month.unwrap_or(0),
                story.day.unwrap_or(0),
            ))
        })
}

fn day_key(resolution: &Resolution) -> Option<(i32, u32, u32)> {
    use chrono::Datelike;
    match resolution {
        Resolution::Day(d) => Some((d.year(), d.month(), d.day())),
        Resolution::Days { first, .. } => Some((first.year(), first.month(), first.day())),
        Resolution::Month { year, month } => Some((*year, *month, 0)),
        Resolution::Year(y) => Some((*y, 0, 0)),
        _ => None,
    }
}

fn replace(span: &Span, with: &str) -> Fix {
    Fix {
        title: format!("Use '{with}'"),
        edits: vec![Edit {
            span: span.clone(),
            new_text: with.to_string(),
        }],
    }
}

fn title_findings(analysis: &Analysis, config: &Config) -> Vec<Finding> {
    let text = analysis.draft.text.as_str();
    let written = |t: &Title| text.get(t.span.clone()).unwrap_or("").to_string();
    let mut findings = Vec::new();
    let current: Vec<Title> = analysis
        .stated
        .titles
        .iter()
        .filter(|t| !t.qualified && analysis.stated.changed.binary_search(&t.entity).is_err())
        .cloned()
        .collect();
    for (e, all) in by_entity(&current, |t| t.entity) {
        let Some(entity) = analysis.entities.get(e) else {
            continue;
        };
        let name = entity.name.as_str();
        let house = spelling::style_entry(entity, config)
            .and_then(|s| s.role.as_deref())
            .and_then(house_title);
        let mut ladders: Vec<&str> = all.iter().map(|t| t.known.ladder).collect();
        ladders.sort_unstable();
        ladders.dedup();
        for ladder in ladders {
            let ts: Vec<&Title> = all
                .iter()
                .copied()
                .filter(|t| t.known.ladder == ladder)
                .collect();
            let house = house.as_ref().filter(|(k, _)| k.ladder == ladder);
            let values: Vec<&str> = ts.iter().map(|t| t.known.title).collect();
            if house.is_none() && values.iter().all(|&v| v == values[0]) {
                continue;
            }
            let ruling = match house {
                Some((k, _)) => Some(k.title),
                None => majority(&values),
            };
            let reference = ruling.unwrap_or(values[0]);
            let agreeing: Vec<&Title> = ts
                .iter()
                .copied()
                .filter(|t| t.known.title == reference)
                .collect();
            let other_form = match (house, agreeing.first()) {
                (Some((_, form)), _) => form.clone(),
                (None, Some(t)) => written(t),
                (None, None) => continue,
            };
            for t in ts.iter().filter(|t| t.known.title != reference) {
                let this = written(t);
                let message = match (house, ruling) {
                    (Some(_), _) => {
                        format!("{name} is '{this}' here, but the house book gives '{other_form}'")
                    }
                    (None, Some(_)) => format!(
                        "{name} is '{this}' here but '{other_form}' in {} other place{}",
                        agreeing.len(),
                        plural(agreeing.len())
                    ),
                    (None, None) => format!(
                        "{name} is given two titles, '{other_form}' and '{this}': check which \
                         is right"
                    ),
                };
                let mut f = Finding::new(Code::TitleMismatch, t.span.clone(), message);
                f.related = agreeing
                    .iter()
                    .take(RELATED)
                    .map(|r| Related {
                        message: format!("{name} is '{}' here", written(r)),
                        span: r.span.clone(),
                        path: None,
                    })
                    .collect();
                if ruling.is_some() {
                    f.fixes.push(replace(&t.span, &other_form));
                }
                findings.push(f);
            }
        }
    }
    findings
}

/// The first title the house book's role names, and how the role writes it
/// ("Lieutenant-General, Head of …" → lieutenant general, "Lieutenant-General").
fn house_title(role: &str) -> Option<(titles::Known, String)> {
    let words: Vec<&str> = role
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).find_map(|i| {
        (1..=4.min(words.len() - i)).rev().find_map(|k| {
            let form = words[i..i + k].join(" ");
            titles::lookup(&form).map(|known| (known, form))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Format;

    fn flagged(text: &str, code: Code, config: &Config) -> Vec<Finding> {
        crate::checks::check(text, Format::Markdown, config)
            .findings
            .into_iter()
            .filter(|f| f.code == code)
            .collect()
    }

    fn titles(text: &str) -> Vec<Finding> {
        flagged(text, Code::TitleMismatch, &Config::default())
    }

    fn ages(text: &str) -> Vec<Finding> {
        flagged(text, Code::AgeMismatch, &Config::default())
    }

    #[test]
    fn a_former_title_is_not_compared() {
        let text = "Sen. Laura Whitfield said the bill would pass.\n\n\
                    The former Rep. Whitfield served three terms.\n";
        assert!(titles(text).is_empty());
        let text = "Sen. Laura Whitfield said the bill would pass.\n\n\
                    Rep. Whitfield served three terms.\n";
        assert_eq!(titles(text).len(), 1);
    }

    #[test]
    fn a_told_promotion_is_not_compared() {
        let text = "Col. Andrew Pike commanded the brigade.\n\n\
                    Pike was promoted to brigadier general in May. Brig. Gen. Pike said so.\n";
        assert!(titles(text).is_empty());
        let text = "Col. Andrew Pike commanded the brigade.\n\n\
                    Brig. Gen. Pike said the unit was ready.\n";
        assert_eq!(titles(text).len(), 1);
    }

    #[test]
    fn an_abbreviation_is_the_same_title() {
        let text = "Lt. Gen. Sergey Rudskoi spoke.\n\nLieutenant-General Rudskoi said so.\n\n\
                    Lt.-Gen. Rudskoi left.\n";
        assert!(titles(text).is_empty());
    }

    #[test]
    fn the_house_books_role_wins() {
        let config = Config::from_toml(
            "[[people]]\nname = \"Sergey Rudskoi\"\n\
             role = \"Lieutenant-General, Head of the Main Operations Department\"\n",
        )
        .expect("config");
        // Col. Gen. twice against Lt. Gen. once: the house book still decides.
        let text = "Col. Gen. Sergey Rudskoi spoke.\n\nCol. Gen. Rudskoi said so.\n\n\
                    Lt. Gen. Rudskoi left.\n";
        let found = flagged(text, Code::TitleMismatch, &config);
        assert_eq!(found.len(), 2, "{found:#?}");
        for f in &found {
            assert_eq!(&text[f.span.clone()], "Col. Gen.");
            assert!(f.message.contains("house book"), "{}", f.message);
            assert_eq!(f.fixes[0].edits[0].new_text, "Lieutenant-General");
        }
        // Without the house book, two against one: the odd one out is Lt. Gen.
        let found = titles(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "Lt. Gen.");
        assert_eq!(found[0].fixes[0].edits[0].new_text, "Col. Gen.");
    }

    #[test]
    fn a_birthday_between_two_dates_is_allowed() {
        let dated = "---\ndate: 2024-06-20\n---\n\
                     On March 2, 2023, Tomas Reyes, 29, was arrested.\n\n\
                     On June 18, 2024, the 30-year-old Reyes was sentenced.\n";
        assert!(ages(dated).is_empty());
        // The older age at the earlier date is no birthday.
        let backwards = dated.replace("Reyes, 29", "Reyes, 31");
        assert_eq!(ages(&backwards).len(), 1);
        // Without dates to put a birthday between, one year apart is a mismatch.
        let undated = "Tomas Reyes, 29, was arrested.\n\nThe 30-year-old Reyes was sentenced.\n";
        assert_eq!(ages(undated).len(), 1);
    }

    #[test]
    fn people_sharing_a_surname_keep_their_own_ages() {
        let text = "Joan Hale, 61, and her son Marcus Hale, 34, run the farm.\n\n\
                    Marcus Hale, 34, said the harvest was poor. Hale, 61, disagreed.\n";
        assert!(ages(text).is_empty());
    }

    #[test]
    fn a_tie_names_both_and_fixes_neither() {
        let text = "Maria Lopez, 45, opened the bakery.\n\nThe 46-year-old Lopez said so.\n";
        let found = ages(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "46");
        assert!(found[0].fixes.is_empty());
        assert_eq!(&text[found[0].related[0].span.clone()], "45");
    }

    #[test]
    fn minutes_in_brackets_are_not_ages() {
        let text = "Rooney (23) scored first.\n\nRooney (67) scored again.\n";
        assert!(ages(text).is_empty());
    }
}
