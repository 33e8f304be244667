//! `copydesk check --format sarif|github|gitlab`, the formats CI systems read, run on the
//! real corpus drafts (tests/corpus/): the SARIF log is valid against the OASIS SARIF 2.1.0
//! schema and says what the JSON format says; the GitHub and GitLab reports are golden
//! snapshots; escaping, fingerprints and exit statuses hold.
//!
//! `tests/sarif-schema-2.1.0.json` is the SARIF 2.1.0 schema as OASIS publishes it (errata
//! 01, `Schemata/sarif-schema-2.1.0.json` of the OASIS TC's sarif-spec repository),
//! unchanged.

mod cli_support;
use cli_support::*;
use serde_json::Value;
use std::path::Path;

/// The repository root: the drafts are named relative to it, as CI runs copydesk there.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Real published stories with findings of several codes, fixes and related locations.
const STORIES: [&str; 4] = [
    "tests/corpus/wikinews/wn_2019-09-17_us-president-trump-says-osama-bin-laden-s-son-killed.txt",
    "tests/corpus/wikinews/wn_2020-04-30_neuroscientists-tell-wikinews-about-empathy-and-harm.txt",
    "tests/corpus/real/GUM_news_warhol.txt",
    "tests/corpus/real/GUM_interview_cyclone.txt",
];

fn check(dir: &Path, format: &str, paths: &[&str]) -> Run {
    let mut args = vec!["check", "--format", format, "--fail-on", "never"];
    args.extend_from_slice(paths);
    let run = copydesk_in(dir, &args);
    assert_eq!(run.code, 0, "{format}: {}", run.stderr);
    run
}

fn schema_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/sarif-schema-2.1.0.json"))
        .expect("tests/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The 1-based line and the 1-based column in UTF-16 code units of a byte offset, counted
/// here without copydesk (lines end at `\n`; the corpus has no other line ends).
fn utf16_position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    (line as u64, column as u64 + 1)
}

fn sarif_level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

/// Every draft of the corpora, the examples and the fixtures in one run (so drafts are also
/// compared with each other and some findings point into other drafts): the log is valid
/// against the SARIF schema, and each result says what the JSON format says of the same
/// finding.
#[test]
fn sarif_of_the_corpora_is_valid_and_matches_the_json_report() {
    let paths = [
        "tests/corpus/wikinews",
        "tests/corpus/real",
        "tests/fixtures",
        "examples",
    ];
    let sarif = check(root(), "sarif", &paths).json();
    let json = check(root(), "json", &paths).json();

    let validator = schema_validator();
    let errors = schema_errors(&validator, &sarif);
    assert!(errors.is_empty(), "not valid SARIF 2.1.0: {errors:#?}");
    assert_eq!(
        sarif["$schema"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );

    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let srcroot = run["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        srcroot.starts_with("file:///") && srcroot.ends_with('/'),
        "{srcroot}"
    );

    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // One rule for every check code, in the registry's order.
    let codes: Vec<&str> = copydesk::codes::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(ids, codes);
    let docs = std::fs::read_to_string(root().join("docs/checks.md")).unwrap();
    for rule in rules {
        let short = rule["shortDescription"]["text"].as_str().unwrap();
        assert!(docs.contains(short), "{short} is the docs' description");
        assert!(rule["help"]["markdown"].as_str().unwrap().len() > short.len());
        assert!(rule["helpUri"]
            .as_str()
            .unwrap()
            .ends_with(&format!("checks.md#{}", rule["id"].as_str().unwrap())));
    }
    assert_eq!(rules[4]["defaultConfiguration"]["level"], "error");
    assert_eq!(rules[6]["defaultConfiguration"]["level"], "note");

    // The JSON report's findings, in order, beside the SARIF results.
    let results = run["results"].as_array().unwrap();
    let findings: Vec<(&str, &Value)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|file| {
            let path = file["path"].as_str().unwrap();
            file["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |f| (path, f))
        })
        .collect();
    assert_eq!(results.len(), findings.len());
    assert!(results.len() > 100, "the corpora give many findings");
    let (mut with_fixes, mut elsewhere) = (0, 0);
    for (result, (path, finding)) in results.iter().zip(&findings) {
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        assert_eq!(result["ruleId"], finding["code"]);
        assert_eq!(
            rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
            finding["code"]
        );
        assert_eq!(
            result["level"],
            sarif_level(finding["severity"].as_str().unwrap())
        );
        assert_eq!(result["message"]["text"], finding["message"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"], *path,
            "no character to encode"
        );
        assert_eq!(location["artifactLocation"]["uriBaseId"], "SRCROOT");
        let region = &location["region"];
        let start = finding["start"]["offset"].as_u64().unwrap() as usize;
        let end = finding["end"]["offset"].as_u64().unwrap() as usize;
        let (line, column) = utf16_position(&text, start);
        assert_eq!(
            (region["startLine"].as_u64(), region["startColumn"].as_u64()),
            (Some(line), Some(column))
        );
        let (line, column) = utf16_position(&text, end);
        assert_eq!(
            (region["endLine"].as_u64(), region["endColumn"].as_u64()),
            (Some(line), Some(column))
        );
        if start < end {
            assert_eq!(region["snippet"]["text"], finding["text"]);
        }
        assert_eq!(
            result["partialFingerprints"]["copydeskFinding/v1"]
                .as_str()
                .map(str::len),
            Some(32)
        );

        let fixes = finding["fixes"].as_array().unwrap();
        let sarif_fixes = result["fixes"].as_array().map_or(&[][..], |f| f.as_slice());
        assert_eq!(
            sarif_fixes.len(),
            fixes.len(),
            "every fix of the corpora has edits"
        );
        for (sarif_fix, fix) in sarif_fixes.iter().zip(fixes) {
            with_fixes += 1;
            assert_eq!(sarif_fix["description"]["text"], fix["title"]);
            let change = &sarif_fix["artifactChanges"][0];
            assert_eq!(change["artifactLocation"]["uri"], *path);
            let replacements = change["replacements"].as_array().unwrap();
            let edits = fix["edits"].as_array().unwrap();
            assert_eq!(replacements.len(), edits.len());
            for (replacement, edit) in replacements.iter().zip(edits) {
                assert_eq!(replacement["insertedContent"]["text"], edit["new_text"]);
                let at = edit["start"]["offset"].as_u64().unwrap() as usize;
                let (line, column) = utf16_position(&text, at);
                assert_eq!(
                    replacement["deletedRegion"]["startLine"].as_u64(),
                    Some(line)
                );
                assert_eq!(
                    replacement["deletedRegion"]["startColumn"].as_u64(),
                    Some(column)
                );
            }
        }

        let related = finding["related"].as_array().unwrap();
        let sarif_related = result["relatedLocations"]
            .as_array()
            .map_or(&[][..], |r| r.as_slice());
        assert_eq!(sarif_related.len(), related.len());
        for (sarif_r, r) in sarif_related.iter().zip(related) {
            assert_eq!(sarif_r["message"]["text"], r["message"]);
            let uri = &sarif_r["physicalLocation"]["artifactLocation"]["uri"];
            match r.get("path") {
                Some(other) => {
                    elsewhere += 1;
                    assert_eq!(uri, other);
                }
                None => assert_eq!(uri, *path),
            }
            assert_eq!(
                sarif_r["physicalLocation"]["region"]["startLine"],
                r["start"]["line"]
            );
        }
    }
    assert!(with_fixes > 10, "fixes are carried: {with_fixes}");
    assert!(elsewhere > 0, "some related locations are in other drafts");
}

/// The schema check can fail: a log with a line 0, an unknown level or a help link that is
/// no URI (formats are checked too) is refused, so the test above would notice a broken
/// log.
#[test]
fn the_schema_refuses_a_broken_log() {
    let good = check(root(), "sarif", &STORIES[..1]).json();
    let validator = schema_validator();
    assert!(schema_errors(&validator, &good).is_empty());
    let broken: [(&str, Value); 3] = [
        (
            "/runs/0/results/0/locations/0/physicalLocation/region/startLine",
            0.into(),
        ),
        ("/runs/0/results/0/level", "information".into()),
        ("/runs/0/tool/driver/rules/0/helpUri", "checks.md#x".into()),
    ];
    for (pointer, value) in broken {
        let mut sarif = good.clone();
        *sarif.pointer_mut(pointer).expect(pointer) = value;
        assert!(!schema_errors(&validator, &sarif).is_empty(), "{pointer}");
    }
}

/// A draft with a character outside the Basic Multilingual Plane before a finding: SARIF's
/// column counts it as two UTF-16 units, the JSON format as one character.
#[test]
fn sarif_columns_count_utf16_units() {
    let dir = tempdir();
    write(
        dir.path(),
        "emoji.md",
        "---\ndate: 2025-03-06\n---\n\n🚀 Residents met on Wednesday, March 4.\n",
    );
    let sarif = check(dir.path(), "sarif", &["emoji.md"]).json();
    let json = check(dir.path(), "json", &["emoji.md"]).json();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    let start = &json["files"][0]["findings"][0]["start"];
    assert_eq!(region["startLine"], 5);
    assert_eq!(start["line"], 5);
    assert_eq!(
        region["startColumn"].as_u64().unwrap(),
        start["column"].as_u64().unwrap() + 1
    );
}

#[test]
fn github_commands_of_corpus_stories() {
    insta::assert_snapshot!(check(root(), "github", &STORIES).stdout);
}

#[test]
fn gitlab_code_quality_of_corpus_stories() {
    insta::assert_snapshot!(check(root(), "gitlab", &STORIES).stdout);
}

/// The GitLab report is an array of issues with exactly GitLab's keys.
#[test]
fn gitlab_issues_have_gitlabs_keys() {
    let report = check(root(), "gitlab", &STORIES).json();
    let issues = report.as_array().expect("an array");
    assert!(issues.len() >= 10);
    for issue in issues {
        assert_eq!(
            keys(issue),
            [
                "check_name",
                "description",
                "fingerprint",
                "location",
                "severity"
            ]
        );
        assert_eq!(keys(&issue["location"]), ["lines", "path"]);
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&issue["severity"].as_str().unwrap()));
    }
    let prints: std::collections::HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
}

/// A finding whose message holds `%`, `:` and, with its fix line, a line break, in a file
/// whose name holds `%`, `,` and `:`: each is escaped as the Actions runner reads it, and
/// the command stays on one line.
#[test]
fn github_escapes_messages_and_properties() {
    let dir = tempdir();
    write(
        dir.path(),
        "jobs,50%: report.md",
        "Council budget\n\nUnemployment in the district rose to 45% last year.\n",
    );
    let run = check(dir.path(), "github", &["jobs,50%: report.md"]);
    assert_eq!(
        run.stdout,
        "::notice file=jobs%2C50%25%3A report.md,line=3,col=38,endLine=3,endColumn=41,\
         title=copydesk unsupported-number::No source for '45%25': name who says so (said, \
         according to …)%0Afix: Add a source: \", according to [source]\"\n"
    );
}

/// The issues of `text` as GitLab reads them: (check, fingerprint, line).
fn gitlab_issues(dir: &Path, name: &str) -> Vec<(String, String, u64)> {
    check(dir, "gitlab", &[name])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["check_name"].as_str().unwrap().to_string(),
                i["fingerprint"].as_str().unwrap().to_string(),
                i["location"]["lines"]["begin"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// A line inserted above the findings moves them down one line and leaves their
/// fingerprints (GitLab's and SARIF's) as they were; the same draft under another name has
/// other fingerprints.
#[test]
fn fingerprints_survive_a_line_inserted_above() {
    let story = std::fs::read_to_string(root().join(STORIES[0])).unwrap();
    let dir = tempdir();
    write(dir.path(), "story.txt", &story);
    let before = gitlab_issues(dir.path(), "story.txt");
    assert!(before.len() >= 3, "{before:?}");
    // An empty line after the headline and date line, above every finding.
    let first_line = before.iter().map(|i| i.2).min().unwrap();
    assert!(first_line > 3);
    let at = story.match_indices('\n').nth(1).unwrap().0;
    let moved = format!("{}\n{}", &story[..at], &story[at..]);
    write(dir.path(), "story.txt", &moved);
    let after = gitlab_issues(dir.path(), "story.txt");
    assert_eq!(after.len(), before.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((&a.0, &a.1), (&b.0, &b.1), "same check, same fingerprint");
        assert_eq!(a.2, b.2 + 1, "one line further down");
    }
    let sarif_prints = |name: &str| -> Vec<String> {
        check(dir.path(), "sarif", &[name]).json()["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["copydeskFinding/v1"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let gitlab_prints: Vec<String> = after.iter().map(|i| i.1.clone()).collect();
    assert_eq!(sarif_prints("story.txt"), gitlab_prints);

    write(dir.path(), "renamed.txt", &moved);
    let renamed = gitlab_issues(dir.path(), "renamed.txt");
    assert!(renamed.iter().zip(&after).all(|(r, a)| r.1 != a.1));
}

/// Paths are named from the working directory however they were typed.
#[test]
fn paths_are_relative_to_the_working_directory() {
    let dir = tempdir();
    write(dir.path(), "drafts/a.txt", IMPOSSIBLE);
    let absolute = dir.path().join("drafts/a.txt");
    for typed in [
        "drafts/a.txt",
        "./drafts//a.txt",
        absolute.to_str().unwrap(),
    ] {
        let report = check(dir.path(), "gitlab", &[typed]).json();
        assert_eq!(report[0]["location"]["path"], "drafts/a.txt", "{typed}");
        let github = check(dir.path(), "github", &[typed]).stdout;
        assert!(
            github.starts_with("::error file=drafts/a.txt,line=1,"),
            "{github}"
        );
    }
}

/// Every format gives the exit status the JSON format gives: 1 when a finding reaches
/// `--fail-on`, 0 when none does, 2 when a draft cannot be read or the configuration is
/// bad.
#[test]
fn exit_statuses_are_the_json_formats() {
    let dir = tempdir();
    write(dir.path(), "error.txt", IMPOSSIBLE);
    write(dir.path(), "warning.md", WRONG_WEEKDAY);
    write(
        dir.path(),
        "bad.toml",
        "[checks]\nno-such-check = \"off\"\n",
    );
    let cases: [(&[&str], i32); 7] = [
        (&["error.txt"], 1),
        (&["warning.md"], 0),
        (&["--fail-on", "warning", "warning.md"], 1),
        (&["--fail-on", "never", "error.txt"], 0),
        (&["warning.md", "error.txt"], 1),
        (&["warning.md", "missing.md"], 2),
        (&["--config", "bad.toml", "warning.md"], 2),
    ];
    for (args, expected) in cases {
        for format in ["json", "sarif", "github", "gitlab"] {
            let mut all = vec!["check", "--format", format];
            all.extend_from_slice(args);
            let run = copydesk_in(dir.path(), &all);
            assert_eq!(run.code, expected, "{format} {args:?}: {}", run.stderr);
        }
    }
    // A draft that cannot be read is named on stderr; the others are still reported, and
    // the SARIF log says the run was not complete.
    let run = copydesk_in(
        dir.path(),
        &["check", "--format", "sarif", "error.txt", "missing.md"],
    );
    assert!(run.stderr.contains("missing.md"), "{}", run.stderr);
    let log = run.json();
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    assert_eq!(log["runs"][0]["results"][0]["ruleId"], "impossible-date");
}

/// `entities` has no CI format: it reports no findings.
#[test]
fn entities_refuses_the_ci_formats() {
    let dir = tempdir();
    write(dir.path(), "a.md", UNATTRIBUTED);
    for format in ["sarif", "github", "gitlab"] {
        let run = copydesk_in(dir.path(), &["entities", "--format", format, "a.md"]);
        assert_eq!(run.code, 2, "{format}");
        assert!(run.stderr.contains("invalid value"), "{}", run.stderr);
    }
}
