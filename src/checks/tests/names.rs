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
