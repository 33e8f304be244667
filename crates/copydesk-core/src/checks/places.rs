//! `place-mismatch`: a city's country or capital status stated against the gazetteer ("the
//! Iraqi city of Aleppo", "Lyon, the French capital").
//!
//! Quiet when in doubt: a city whose name towns of other countries share (Paris, France and
//! Paris, Texas; Valencia in Spain and in Venezuela) is flagged only when no country that
//! has a town of its name is the one named, and a capital only when no city of its name is
//! the named country's capital. The finding points at the country's words; the related
//! location at the city, with what the gazetteer knows of it; the fix names the right
//! country where the city has only one.

use super::{Code, Edit, Finding, Fix, Related};
use crate::analysis::entities::gazetteer;
use crate::analysis::places::{self, Claim, Form, Statement};
use crate::analysis::Analysis;

/// The findings about places.
pub fn check(analysis: &Analysis) -> Vec<Finding> {
    let text = analysis.draft.text.as_str();
    places::statements(analysis)
        .iter()
        .filter_map(|s| finding(text, s))
        .collect()
}

fn name_of(code: &str) -> &'static str {
    gazetteer::country(code).map_or("", |c| c.name)
}

fn finding(text: &str, s: &Statement) -> Option<Finding> {
    let facts = gazetteer::facts(&s.city);
    let home = facts.country;
    let written = text.get(s.country.clone()).unwrap_or("");
    let city = text.get(s.place.clone()).unwrap_or(s.city.name);
    let (message, right) = match s.claim {
        Claim::In(code) => {
            if code == home || facts.elsewhere().any(|c| c == code) {
                return None;
            }
            let unique = facts.elsewhere().next().is_none();
            (
                format!(
                    "{city} is a city in {}, not in {} (GeoNames)",
                    name_of(home),
                    name_of(code)
                ),
                unique.then_some(home),
            )
        }
        Claim::CapitalOf(code) => {
            if facts.capital_of().any(|c| c == code) {
                return None;
            }
            let country = gazetteer::country(code)?;
            let capitals: Vec<&str> = gazetteer::facts(&country).capitals().collect();
            // "San Jose" is the capital of Costa Rica though the table's San Jose is the
            // Californian one.
            if capitals.iter().any(|c| places::same_name(c, city)) {
                return None;
            }
            let capital = capitals.first().copied().unwrap_or("");
            let mut of: Vec<&str> = facts.capital_of().collect();
            of.dedup();
            let message = match of.as_slice() {
                [other] => format!(
                    "{city} is the capital of {}, not of {}, whose capital is {capital} \
                     (GeoNames)",
                    name_of(other),
                    country.name
                ),
                _ => format!(
                    "{city} is not the capital of {}: its capital is {capital} (GeoNames)",
                    country.name
                ),
            };
            let right = match of.as_slice() {
                [other] => Some(*other),
                _ => None,
            };
            (message, right)
        }
    };
    let mut f = Finding::new(Code::PlaceMismatch, s.country.clone(), message);
    f.related.push(Related {
        message: format!("{city}: {}", describe(&s.city)),
        span: s.place.clone(),
        path: None,
    });
    if let Some(right) = right.and_then(|code| replacement(s.form, code, written)) {
        f.fixes.push(Fix {
            title: format!("Use '{right}'"),
            edits: vec![Edit {
                span: s.country.clone(),
                new_text: right,
            }],
        });
    }
    Some(f)
}

/// What the gazetteer says of a city, in a few words ("city in Syria, 36.2°N 37.2°E").
fn describe(city: &gazetteer::Place) -> String {
    let card = places::card(city.name).unwrap_or_default();
    card.trim_start()
        .lines()
        .next()
        .and_then(|l| l.split_once(" — "))
        .map_or_else(String::new, |(_, what)| {
            format!("{} (GeoNames)", what.trim_end())
        })
}

/// The words that name country `code` in the draft's form: its adjective where the draft
/// used one ("Syrian"), else its name.
fn replacement(form: Form, code: &str, written: &str) -> Option<String> {
    let country = gazetteer::country(code)?;
    let adjective_form =
        matches!(form, Form::Adjective) || gazetteer::country_of_adjective(written).is_some();
    if adjective_form {
        return gazetteer::facts(&country)
            .adjectives()
            .next()
            .map(str::to_string);
    }
    Some(country.name.to_string())
}

#[cfg(test)]
mod tests {
    use crate::checks::{Code, Finding};
    use crate::config::Config;
    use crate::draft::Format;

    fn places(text: &str) -> Vec<Finding> {
        crate::checks::check(text, Format::Markdown, &Config::default())
            .findings
            .into_iter()
            .filter(|f| f.code == Code::PlaceMismatch)
            .collect()
    }

    fn flagged(text: &str, words: &str, fix: Option<&str>) {
        let found = places(text);
        assert_eq!(found.len(), 1, "{text}\n{found:#?}");
        assert_eq!(&text[found[0].span.clone()], words, "{found:#?}");
        let fixed = found[0].fixes.first().map(|f| f.edits[0].new_text.as_str());
        assert_eq!(fixed, fix, "{found:#?}");
        assert!(!found[0].related.is_empty());
    }

    fn silent(text: &str) {
        let found = places(text);
        assert!(found.is_empty(), "{text}\n{found:#?}");
    }

    #[test]
    fn each_form_is_read() {
        flagged(
            "Fighting resumed in the Iraqi city of Aleppo on Monday.\n",
            "Iraqi",
            Some("Syrian"),
        );
        flagged(
            "Shelling hit Aleppo, a city in northern Iraq, on Monday.\n",
            "Iraq",
            Some("Syria"),
        );
        flagged(
            "The delegates met in Damascus, the capital of Iraq, on Monday.\n",
            "Iraq",
            Some("Syria"),
        );
        flagged(
            "The delegates met in Lyon, the French capital, on Monday.\n",
            "French",
            None,
        );
        flagged(
            "The talks were held in Aleppo, Iraq, on Monday.\n",
            "Iraq",
            Some("Syria"),
        );
    }

    #[test]
    fn true_statements_are_silent() {
        silent("Fighting resumed in the Syrian city of Aleppo on Monday.\n");
        silent("Shelling hit Aleppo, a city in northern Syria, on Monday.\n");
        silent("The delegates met in Damascus, the capital of Syria, on Monday.\n");
        silent("The delegates met in Paris, the French capital, on Monday.\n");
        silent("The talks were held in Aleppo, Syria, on Monday.\n");
    }

    #[test]
    fn the_allowed_cases_are_silent() {
        // A name several countries' towns share.
        silent("The fair came to the American city of Paris last week.\n");
        silent("The team flew to Valencia, Spain, for the final.\n");
        // A region or state named instead of a country.
        silent("She grew up in Paris, Texas, and in Atlanta, Georgia.\n");
        silent("He studied in Barcelona, Catalonia, for a year.\n");
        // Other capitals and a former capital.
        silent("Bonn, the former capital of Germany, hosted the talks.\n");
        silent("The summit met in Almaty, the former Kazakh capital, on Monday.\n");
        silent("Lagos, the commercial capital of Nigeria, flooded again.\n");
        silent(
            "The court sits in The Hague; Amsterdam, the capital of the Netherlands, is near.\n",
        );
        silent("Pretoria, the capital of South Africa, and Cape Town, the capital of South Africa, agreed.\n");
        // A historical name.
        silent("In 1939 the troops entered Danzig, Poland.\n");
        // A list, and a country that is the subject of the next clause.
        silent("Delegations from Cairo, Israel and Jordan arrived.\n");
        silent("In Geneva, Iran agreed to the terms.\n");
        silent("Flights to Madrid, Paris, Germany and Italy were cancelled.\n");
        silent("In Paris, Jordan's king met the president.\n");
        // Territories the news places in two countries, and disputed regions.
        silent("Protests continued in Hong Kong, China, on Monday.\n");
        silent("The fleet is based in Sevastopol, Russia, officials said.\n");
        // Capitals the news writes other than GeoNames does, and countries in other words.
        silent("They met in Washington, the capital of the United States, and in Delhi, the capital of India.\n");
        silent("Flights left Dubai, UAE, for London, England, and Glasgow, Scotland.\n");
        silent(
            "The talks moved to the Indian capital, New Delhi, and the U.S. capital, Washington.\n",
        );
        silent("The Kurdish city of Erbil and the Soviet city of Leningrad were named.\n");
    }
}
