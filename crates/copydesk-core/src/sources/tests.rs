//! The comparison of whole drafts' quotes with sources, through the engine's analysis.

use super::*;
use crate::checks::{self, Code};
use crate::config::Config;
use crate::draft::Format;

const TRANSCRIPT: &str = "\
Elena Vasquez  0:01
Thank you all for coming. We will not close the Eastside branch this year, whatever the
budget office says. The library stays open on Saturdays too.

Marcus Hale  0:45
The numbers simply do not add up, and the council knows it.
";

fn sources() -> Sources {
    Sources::new(vec![SourceText {
        path: "sources/interview.txt".into(),
        text: TRANSCRIPT.to_string(),
    }])
}

fn compared(draft: &str) -> (Vec<QuoteEvidence>, Vec<checks::Finding>) {
    let analysis = crate::analyze(draft, Format::Markdown, &Config::default());
    let (findings, evidence) = checks::sources::run(&analysis, &sources(), &Config::default());
    (evidence, findings)
}

fn verdicts(draft: &str) -> Vec<Verdict> {
    compared(draft).0.into_iter().map(|e| e.verdict).collect()
}

fn codes(draft: &str) -> Vec<Code> {
    compared(draft).1.into_iter().map(|f| f.code).collect()
}

#[test]
fn exact_words_are_verified_with_line_time_and_speaker() {
    let (evidence, findings) = compared(
        "Mayor Elena Vasquez spoke on Monday.\n\n\"We will not close the Eastside branch this year,\" Vasquez said.\n",
    );
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(evidence.len(), 1);
    assert_eq!(evidence[0].verdict, Verdict::Verified);
    let passage = evidence[0].passage.as_ref().unwrap();
    assert_eq!(passage.line, 2);
    assert_eq!(passage.timestamp.as_deref(), Some("0:01"));
    assert_eq!(passage.speaker.as_deref(), Some("Elena Vasquez"));
    assert_eq!(
        &TRANSCRIPT[passage.span.clone()],
        "We will not close the Eastside branch this year"
    );
}

#[test]
fn case_punctuation_curly_marks_and_line_breaks_do_not_count() {
    assert_eq!(
        verdicts("“WE WILL NOT close the Eastside branch — this year, whatever the budget office says!” Vasquez said.\n"),
        [Verdict::Verified]
    );
}

#[test]
fn an_ellipsis_leaves_out_words_and_brackets_put_them_in() {
    assert_eq!(
        verdicts("\"We will not close the Eastside branch … The library stays open on Saturdays,\" Vasquez said.\n"),
        [Verdict::Verified]
    );
    assert_eq!(
        verdicts(
            "\"The numbers simply do not add up, and [the city council] knows it,\" Hale said.\n"
        ),
        [Verdict::Verified]
    );
    assert_eq!(
        verdicts("\"[The] numbers simply do not add up...\" Hale said.\n"),
        [Verdict::Verified]
    );
}

#[test]
fn a_contraction_is_a_misquote_with_the_difference_and_a_fix() {
    let draft = "\"We won't close the Eastside branch this year,\" Vasquez said.\n";
    let (_, findings) = compared(draft);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    assert_eq!(f.code, Code::Misquote);
    assert!(
        f.message
            .contains("interview.txt says 'We will not', the draft 'We won't'"),
        "{}",
        f.message
    );
    assert_eq!(
        f.related[0].path.as_deref(),
        Some(std::path::Path::new("sources/interview.txt"))
    );
    let mut fixed = draft.to_string();
    for edit in f.fixes[0].edits.iter().rev() {
        fixed.replace_range(edit.span.clone(), &edit.new_text);
    }
    assert_eq!(
        fixed,
        "\"We will not close the Eastside branch this year,\" Vasquez said.\n"
    );
}

#[test]
fn a_changed_first_word_and_a_dropped_one_are_fixed_in_place() {
    let draft = "\"Those numbers simply do not add up, and the council knows it,\" Hale said.\n";
    let (_, findings) = compared(draft);
    assert_eq!(
        findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        [Code::Misquote]
    );
    let edits = &findings[0].fixes[0].edits;
    let mut fixed = draft.to_string();
    for edit in edits.iter().rev() {
        fixed.replace_range(edit.span.clone(), &edit.new_text);
    }
    assert_eq!(
        fixed,
        "\"The numbers simply do not add up, and the council knows it,\" Hale said.\n"
    );
    let draft = "\"The numbers simply add up, and the council knows it,\" Hale said.\n";
    let (_, findings) = compared(draft);
    assert!(
        findings[0]
            .message
            .contains("says 'simply do not add', the draft 'simply add'"),
        "{}",
        findings[0].message
    );
}

#[test]
fn words_given_to_another_speaker() {
    assert_eq!(
        codes("\"The numbers simply do not add up, and the council knows it,\" Mayor Elena Vasquez said.\n"),
        [Code::QuoteSpeakerMismatch]
    );
    // A descriptor is no one to compare with.
    assert_eq!(
        codes(
            "\"The numbers simply do not add up, and the council knows it,\" a councillor said.\n"
        ),
        []
    );
}

#[test]
fn not_in_sources_only_when_the_speaker_is_there() {
    assert_eq!(
        codes("\"Our readers deserve a full service every single day,\" Vasquez said.\n"),
        [Code::QuoteNotInSources]
    );
    assert_eq!(
        codes("\"Our readers deserve a full service every single day,\" Rudskoi said.\n"),
        []
    );
}

#[test]
fn short_quotes_and_terms_are_never_checked() {
    assert!(compared("Vasquez called it \"a fair compromise.\"\n")
        .0
        .is_empty());
    assert!(
        compared("The so-called 'managed retreat' plan, Vasquez said.\n")
            .0
            .is_empty()
    );
}

#[test]
fn nothing_without_sources() {
    let analysis = crate::analyze(
        "\"We won't close the Eastside branch this year,\" Vasquez said.\n",
        Format::Markdown,
        &Config::default(),
    );
    let (findings, evidence) =
        checks::sources::run(&analysis, &Sources::default(), &Config::default());
    assert!(findings.is_empty() && evidence.is_empty());
}

#[test]
fn a_binary_or_odd_source_is_read_without_panicking() {
    let sources = Sources::new(vec![
        SourceText {
            path: "a.srt".into(),
            text: "\u{0}\u{1}\u{2}-->\n\n<v".to_string(),
        },
        SourceText {
            path: "b.vtt".into(),
            text: "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>x y z w".to_string(),
        },
        SourceText {
            path: "c.md".into(),
            text: "…[]...".repeat(100),
        },
    ]);
    let analysis = crate::analyze(
        "\"x y z w … x y\" A said.\n",
        Format::Markdown,
        &Config::default(),
    );
    sources.compare(&analysis);
}
