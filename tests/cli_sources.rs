//! `copydesk check` against the reporter's sources, on a real story (Wikinews, CC BY 2.5)
//! copied into a temporary folder with a transcript of its quotes beside it: one quote as
//! written, one with a word changed in the transcript, one the transcript gives to another
//! speaker, one missing though its speaker is there.

mod cli_support;

use cli_support::{copydesk_in, tempdir, write};
use serde_json::Value;

const STORY: &str = include_str!(
    "corpus/wikinews/wn_2019-05-12_pope-francis-instructs-reporting-of-sexual-abuse-to-higher.txt"
);

/// Scicluna's words as said; Iseley's first quote with "law" for "rule"; Ouellet's words
/// given to Iseley; Iseley's second quote absent, though he speaks.
const TRANSCRIPT: &str = "\
Charles Scicluna  0:01
People must know that bishops are at the service of the people. They are not above the
law, and if they do wrong, they must be reported.

Peter Iseley  2:30
The church should establish the rule for reporting and justify the exception. Instead, they
are using the exception as a pretext for not reporting sexual abuse to civil authorities and
to keep abuse secret.

Peter Iseley  3:05
We have said for years that priests should follow certain strict rules, so why should the
bishops and other members of the church hierarchy be exempt?
";

fn check_json(dir: &std::path::Path, args: &[&str]) -> Value {
    let out = copydesk_in(dir, args);
    serde_json::from_str(&out.stdout).expect("JSON report")
}

fn by_code<'a>(file: &'a Value, code: &str) -> Vec<&'a Value> {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

#[test]
fn quotes_are_verified_misquoted_given_to_another_or_not_found() {
    let dir = tempdir();
    write(dir.path(), "story.txt", STORY);
    write(dir.path(), "sources/interviews.txt", TRANSCRIPT);
    let report = check_json(dir.path(), &["check", "--format", "json", "story.txt"]);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "the transcript is not read as a draft");
    let file = &files[0];

    let verified: Vec<&Value> = file["quote_sources"]
        .as_array()
        .expect("quote_sources")
        .iter()
        .filter(|q| q["verdict"] == "verified")
        .collect();
    let scicluna = verified
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .starts_with("\"People must know")
        })
        .expect("Scicluna's quote verified");
    assert_eq!(scicluna["source"]["line"], 2);
    assert_eq!(scicluna["source"]["timestamp"], "0:01");
    assert_eq!(scicluna["source"]["speaker"], "Charles Scicluna");
    assert!(scicluna["source"]["path"]
        .as_str()
        .unwrap()
        .ends_with("interviews.txt"));

    let misquotes = by_code(file, "misquote");
    assert_eq!(misquotes.len(), 1, "{misquotes:#?}");
    let message = misquotes[0]["message"].as_str().unwrap();
    assert!(
        message.contains("says 'the rule', the draft 'the law'"),
        "{message}"
    );
    let edits = misquotes[0]["fixes"][0]["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["new_text"], " rule");
    assert_eq!(misquotes[0]["related"][0]["start"]["line"], 6);

    let mismatches = by_code(file, "quote-speaker-mismatch");
    assert_eq!(mismatches.len(), 1, "{mismatches:#?}");
    assert!(mismatches[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("\"We have said for years"));
    assert!(mismatches[0]["message"]
        .as_str()
        .unwrap()
        .contains("gives these words to Peter Iseley, not to Marc Ouellet"));

    let missing = by_code(file, "quote-not-in-sources");
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert!(missing[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("\"Bishops reporting to themselves"));
    assert_eq!(missing[0]["severity"], "information");
}

#[test]
fn the_sources_option_and_configuration_name_other_folders_and_no_sources_say_nothing() {
    let dir = tempdir();
    write(dir.path(), "story.txt", STORY);
    write(dir.path(), "notes/interviews.txt", TRANSCRIPT);
    let codes = |report: &Value| -> Vec<String> {
        report["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .filter(|c| c.contains("quote") && c != "unattributed-quote")
            .collect()
    };
    let alone = check_json(dir.path(), &["check", "--format", "json", "story.txt"]);
    assert!(codes(&alone).is_empty(), "{alone:#}");
    assert!(alone["files"][0].get("quote_sources").is_none());

    let with = check_json(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--sources",
            "notes",
            "story.txt",
        ],
    );
    assert_eq!(codes(&with).len(), 3, "{with:#}");

    write(
        dir.path(),
        "copydesk.toml",
        "[sources]\npaths = [\"notes\"]\n",
    );
    let configured = check_json(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(configured["files"].as_array().unwrap().len(), 1);
    assert_eq!(codes(&configured).len(), 3, "{configured:#}");
}

#[test]
fn a_binary_source_is_skipped_with_a_note_and_the_run_goes_on() {
    let dir = tempdir();
    write(dir.path(), "story.txt", STORY);
    write(dir.path(), "sources/interviews.txt", TRANSCRIPT);
    std::fs::write(
        dir.path().join("sources/recording.srt"),
        [0xff, 0xfe, 0x00, 0x41, 0x00],
    )
    .unwrap();
    let out = copydesk_in(dir.path(), &["check", "--format", "json", "story.txt"]);
    let stderr = &out.stderr;
    assert!(
        stderr.contains("recording.srt: skipped, not UTF-8"),
        "{stderr}"
    );
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(by_code(&report["files"][0], "misquote").len(), 1);
}
