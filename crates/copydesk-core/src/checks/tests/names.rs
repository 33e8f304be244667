//! `name-variant` on whole drafts: messages, evidence and fixes.

use crate::checks::{check, Checked, Code, Finding};
use crate::config::Config;
use crate::draft::Format;

const H: &str = "Headline\n\n";

fn run(text: &str, config: &Config) -> Checked {
    check(text, Format::Plain, config)
}

fn variant_findings(c: &Checked) -> Vec<&Finding> {
    c.findings
        .iter()
        .filter(|f| f.code == Code::NameVariant)
        .collect()
}

fn variants_with(text: &str, config: &Config) -> Vec<String> {
    variant_findings(&run(text, config))
        .iter()
        .map(|f| text[f.span.clone()].to_string())
        .collect()
}

#[test]
fn fixes_and_evidence() {
    let text = format!("{H}General Sergey Rudskoi said so. Rudskoy said militants left. Rudskoi said more. Rudskoy added.");
    let c = run(&text, &Config::default());
    let f = variant_findings(&c)[0];
    assert!(
        f.message
            .contains("'Rudskoy' is spelled 'Rudskoi' in 2 other mentions"),
        "{}",
        f.message
    );
    assert_eq!(f.related.len(), 2);
    assert_eq!(f.fixes[0].title, "Replace with 'Rudskoi'");
    assert_eq!(f.fixes[1].title, "Replace every 'Rudskoy' with 'Rudskoi'");
    assert_eq!(f.fixes[1].edits.len(), 2);
}

#[test]
fn house_style_wins_and_wrong_spellings_are_always_flagged() {
    let config = Config::from_toml(
        "[[people]]\nname = \"Volodymyr Zelensky\"\naliases = [\"Zelensky\"]\nwrong = [\"Zelenskiy\"]\nnote = \"AP style\"\n\n[[places]]\nname = \"Kyiv\"\nwrong = [\"Kiev\"]\n",
    )
    .unwrap();
    let text = format!("{H}President Volodymyr Zelenskyy spoke. Zelenskyy said so. Zelensky left.");
    assert_eq!(
        variants_with(&text, &config),
        ["Volodymyr Zelenskyy", "Zelenskyy"]
    );
    let text = format!("{H}The talks were held in Kiev.");
    let c = run(&text, &config);
    let f = variant_findings(&c);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].fixes[0].edits[0].new_text, "Kyiv");
}

#[test]
fn an_acronym_is_no_variant_of_the_name_it_abbreviates() {
    let text = "Health\n\nThe World Health Organization (WHO) named the disease. WHO said \
                cases rose. WHO also said more.\n";
    let c = crate::checks::check(
        text,
        crate::draft::Format::Plain,
        &crate::config::Config::default(),
    );
    assert!(c.findings.is_empty(), "{:?}", c.findings);
}

#[test]
fn a_one_against_one_tie_flags_the_spelling_no_list_knows_or_says_two_ways() {
    // The gazetteer knows Halifax: the doubled letter is the slip, though it is longer.
    let text = format!("{H}Storms hit Halifax on Monday. Crews in Haliifax worked all night.");
    assert_eq!(variants_with(&text, &Config::default()), ["Haliifax"]);
    // No list knows either surname: both are shown, no fix chooses.
    let text = format!("{H}Kevin Tramble said so. Later, Kevin Trammble left.");
    let c = run(&text, &Config::default());
    let f = variant_findings(&c);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.contains("spelled two ways"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].related.len(), 1);
    assert!(f[0].fixes.is_empty());
}

#[test]
fn a_misspelt_name_no_reader_picked_up_is_a_variant() {
    let text = format!(
        "{H}Twitter said it would act, and Twitter later did. Critics said Twittter was slow. \
         He lives in California. She moved to California, and they met in Califrnia."
    );
    assert_eq!(
        variants_with(&text, &Config::default()),
        ["Twittter", "Califrnia"]
    );
    // A derived word and a name inside a longer name are no misspellings.
    let text = format!(
        "{H}Argentina voted. Argentina won. The Argentine congress met. Barron Trump left. \
         Barron Trump spoke. Actor Sacha Baron Cohen laughed."
    );
    assert!(variants_with(&text, &Config::default()).is_empty());
}

#[test]
fn a_stroked_letter_written_plain_is_an_accent_variant() {
    for (text, variant, dominant) in [
        (
            format!("{H}Lars Sørensen said the turbines would be ready in May. Sørensen said the delay was over.\n\nSorensen told reporters the cost had doubled."),
            "Sorensen",
            "Sørensen",
        ),
        (
            format!("{H}Lech Wałęsa said the shipyard had changed. Wałęsa was proud.\n\nWalesa told reporters he would return."),
            "Walesa",
            "Wałęsa",
        ),
    ] {
        let c = run(&text, &Config::default());
        let f = variant_findings(&c);
        assert_eq!(f.len(), 1, "{text}: {f:#?}");
        assert_eq!(&text[f[0].span.clone()], variant);
        assert!(
            f[0].message
                .starts_with(&format!("'{variant}' is spelled '{dominant}' in 2 other mentions (they differ by accents)")),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].fixes[0].edits[0].new_text, dominant);
    }
}
