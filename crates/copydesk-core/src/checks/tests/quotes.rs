//! `unattributed-quote` and `unbalanced-quote` on whole drafts.

use crate::checks::{check, Checked, Code};
use crate::config::Config;
use crate::draft::Format;

fn run(text: &str) -> Checked {
    // A headline first: in plain text the first line is the headline.
    check(
        &format!("Headline\n\n{text}"),
        Format::Plain,
        &Config::default(),
    )
}

fn flagged(text: &str) -> Vec<String> {
    let c = run(text);
    c.findings
        .iter()
        .filter(|f| f.code == Code::UnattributedQuote)
        .map(|f| c.analysis.draft.text[f.span.clone()].to_string())
        .collect()
}

#[test]
fn unattributed_finding_spans_the_quote_and_offers_a_placeholder() {
    let text = "Headline\n\nThe budget passed.\n\n\"It is the right call.\"\n";
    let c = check(text, Format::Plain, &Config::default());
    let f = c
        .findings
        .iter()
        .find(|f| f.code == Code::UnattributedQuote)
        .expect("flagged");
    assert_eq!(&text[f.span.clone()], "\"It is the right call.\"");
    assert!(f.message.contains("no speaker"));
    let fix = &f.fixes[0];
    assert_eq!(fix.title, "Insert an attribution placeholder");
    let mut fixed = text.to_string();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        fixed.replace_range(e.span.clone(), &e.new_text);
    }
    assert!(fixed.contains("\"It is the right call,\" [WHO] said."));
}

#[test]
fn unclosed_quote_is_unbalanced_not_unattributed_when_credited() {
    let text = "Headline\n\n\"I feel fine,\" said Rosa Ng, 80. \"My son worries more than I do.\n\nThe trial ends in May.\n";
    let c = check(text, Format::Plain, &Config::default());
    let codes: Vec<Code> = c.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, vec![Code::UnbalancedQuote]);
    let f = &c.findings[0];
    assert!(c.analysis.draft.text[f.span.clone()].contains("My son worries"));
    assert!(f.message.contains("never closed"));
}

#[test]
fn stray_closer_is_flagged() {
    let text = "Headline\n\nThe plan failed.\n";
    let mut a = crate::analyze(text, Format::Plain, &Config::default());
    let at = text.find("failed").unwrap();
    a.draft.stray_closers.push(at..at + 1);
    let findings = crate::checks::quotes::check(&a, &Config::default());
    assert!(findings
        .iter()
        .any(|f| f.code == Code::UnbalancedQuote && f.message.starts_with("Closing quote mark")));
}

#[test]
fn clean_wire_story_gets_no_quote_finding() {
    let t = "Officials said the convoy was attacked near the border on Monday.\n\n\"We are ready to resume deliveries,\" the general said.\n\n\"However, we need guarantees,\" he added. \"Without them, nothing moves.\"\n\nAccording to Markov, talks will resume next week.\n\n\"These facts stay outside the West's attention,\" Markov said.";
    assert!(flagged(t).is_empty());
    let c = run(t);
    assert!(c.findings.iter().all(|f| f.code != Code::UnbalancedQuote));
}

#[test]
fn a_quote_continued_and_credited_in_its_last_paragraph_has_no_finding() {
    let t = "“The first part runs on and on.\n\n“And the second part ends here,” said Ada Ruiz.";
    assert!(run(t).findings.is_empty());
}

#[test]
fn nested_quotes_in_an_attributed_quote_have_no_finding() {
    let text = "Headline\n\n“We asked for ‘safe corridors’ and got nothing, not even ‘a single open road for the wounded,’” the envoy said.";
    assert!(check(text, Format::Plain, &Config::default())
        .findings
        .is_empty());
}

#[test]
fn quotes_in_headings_and_outside_prose_are_not_flagged() {
    for text in [
        "# \"The water just kept rising\": a town counts its losses\n\n\"The water just kept rising, and then the power went,\" said Lorna Biggs.\n",
        "---\ntitle: \"A quote in front matter that nobody said\"\n---\n\n```text\n\"A quote in code that nobody said at all.\"\n```\n\nThe council met.\n",
    ] {
        let c = check(text, Format::Markdown, &Config::default());
        assert!(
            c.findings.iter().all(|f| f.code != Code::UnattributedQuote),
            "{text}"
        );
    }
}

#[test]
fn a_quote_in_an_interview_answer_is_not_flagged_and_one_label_makes_no_interview() {
    let t = "((WN)) How did the experiment go?\n\n((Valeria Gazzola)) At first we thought \
             \"they are gonna prefer the easy lever.\" They did not.";
    assert!(flagged(t).is_empty());
    let t = "Update: the council met again.\n\n\"We will be back.\"";
    assert_eq!(flagged(t).len(), 1);
}
