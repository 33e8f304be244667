//! `unsupported-number` and `number-mismatch` on whole drafts.

use crate::checks::{check, Checked, Code};
use crate::config::Config;
use crate::draft::Format;

fn analyze(text: &str) -> Checked {
    check(text, Format::Markdown, &Config::default())
}

/// The text of every claim.
fn claims_of(text: &str) -> Vec<String> {
    crate::analyze(text, Format::Markdown, &Config::default())
        .numbers
        .iter()
        .map(|c| text[c.span.clone()].to_string())
        .collect()
}

fn findings(text: &str, code: Code) -> Vec<String> {
    analyze(text)
        .findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| text[f.span.clone()].to_string())
        .collect()
}

fn unsupported(text: &str) -> Vec<String> {
    findings(text, Code::UnsupportedNumber)
}

#[test]
fn claims_without_a_source_are_reported_with_what_is_missing() {
    let text = "Grain prices on the Chicago exchange rose 2.3 percent on the news.";
    let a = analyze(text);
    let f: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == Code::UnsupportedNumber)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(&text[f[0].span.clone()], "2.3 percent");
    assert_eq!(
        f[0].message,
        "No source for '2.3 percent': name who says so (said, according to …)"
    );
    assert_eq!(f[0].fixes[0].edits[0].new_text, ", according to [source]");
    assert_eq!(f[0].fixes[0].edits[0].span.start, text.len() - 1);
    assert_eq!(
        unsupported("Power outages cost local businesses an estimated $4 million a day."),
        ["an estimated $4 million a day"]
    );
    // Expected by whom: the passive names no one.
    assert_eq!(
        unsupported("Revenue is expected to reach $5 billion."),
        ["$5 billion"]
    );
}

#[test]
fn figures_of_one_clause_share_a_finding() {
    let text = "About 2.5 inches of rain fell in 2 hours in Millbrook.";
    let a = analyze(text);
    let f: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == Code::UnsupportedNumber)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].related.len(),
        0,
        "'in 2 hours' is a date-like span, not a claim"
    );
    let text = "The town's population has fallen by half since 1980, to about 8,400.";
    let f = unsupported(text);
    assert_eq!(f, ["half"]);
    let text = "Floods destroyed 1,300 homes, and the county opened 120 shelters.";
    assert_eq!(unsupported(text), ["1,300 homes", "120 shelters"]);
}

#[test]
fn small_counts_in_words_tell_the_story_and_are_not_queried() {
    let text = "Schools in three districts were closed, and the county opened two shelters.";
    assert!(unsupported(text).is_empty());
    assert_eq!(
        claims_of(text),
        ["three districts", "two shelters"],
        "still claims: hover and number-mismatch see them"
    );
    // Ratios, totals and casualty counts (in words too) are still queried; a small count
    // in digits tells the story as one in words does.
    assert_eq!(
        unsupported("One in five patients improved."),
        ["One in five"]
    );
    assert_eq!(unsupported("Officers found 700 rifles."), ["700 rifles"]);
    assert!(unsupported("Officers found 7 rifles.").is_empty());
    assert_eq!(
        unsupported("Soldiers shot dead eight suspected militants."),
        ["eight suspected militants"]
    );
}

#[test]
fn number_mismatch_fires_on_one_quantity_with_two_values() {
    let text = "The office will seek restitution for all 64 victims.\n\n\
                Lawyers for the 62 victims asked for more.\n";
    let a = analyze(text);
    let f: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == Code::NumberMismatch)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(&text[f[0].span.clone()], "62 victims");
    assert_eq!(&text[f[0].related[0].span.clone()], "64 victims");
    assert!(f[0].message.contains("'64 victims'"));

    let text =
        "The storm killed 64 people, police said.\n\nOfficials named the 62 people killed.\n";
    assert_eq!(findings(text, Code::NumberMismatch), ["62 people"]);
}

#[test]
fn number_mismatch_stays_silent_for_different_things() {
    for text in [
        // Different things counted.
        "The storm killed three people.\n\nSchools in three districts closed. Crews cleared 40 districts.\n",
        // Different trials.
        "Nurses at 14 rural clinics fit monitors.\n\nA second trial, covering 30 clinics, begins soon.\n",
        // Additions and updates.
        "Eight communities signed.\n\nAnother 12 communities signed.\n",
        "The toll rose to 64 victims.\n\nEarlier, officials counted 62 victims.\n",
        // Approximate figures.
        "The fire killed 64 people.\n\nIt killed more than 60 people in all.\n",
        // Different years.
        "In 2019 the storm killed 12 people.\n\nIn 2020 a storm killed 30 people.\n",
        // Same value.
        "It killed 64 people.\n\nThe 64 people killed were named.\n",
        // Different verbs.
        "Police arrested 12 people.\n\nThe storm killed 3 people.\n",
    ] {
        assert_eq!(findings(text, Code::NumberMismatch), Vec::<String>::new(), "{text:?}");
    }
}

#[test]
fn a_number_in_an_unattributed_quote_is_left_to_the_quote_check() {
    let text = "Rudskoi spoke.\n\n\"About 40 families tried to leave. Fire was opened on them.\"\n";
    assert!(unsupported(text).is_empty());
    assert_eq!(findings(text, Code::UnattributedQuote).len(), 1);
}

#[test]
fn configured_sources_leave_nothing_to_query() {
    let config = Config::from_toml("[attribution]\nsources = [\"per the filing\"]\n").unwrap();
    let text = "Losses reached $3 million, per the filing.";
    assert!(check(text, Format::Markdown, &config).findings.is_empty());
}
