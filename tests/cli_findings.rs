//! `copydesk check` on drafts with findings: exit codes and `--fail-on`, the JSON model, and
//! the human format.

mod cli_support;
use cli_support::*;
use serde_json::Value;

/// The 1-based line and column (in Unicode scalar values) of a byte offset, computed
/// independently of copydesk.
fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        line as u64,
        text[line_start..offset].chars().count() as u64 + 1,
    )
}

/// Asserts that a JSON position has exactly the keys line, column, offset, consistent with
/// `text`, and returns the offset.
fn check_position(text: &str, pos: &Value) -> usize {
    assert_eq!(keys(pos), ["column", "line", "offset"]);
    let offset = pos["offset"].as_u64().expect("offset is a number") as usize;
    assert!(
        text.is_char_boundary(offset),
        "offset {offset} on a char boundary"
    );
    let (line, column) = line_column(text, offset);
    assert_eq!(pos["line"].as_u64(), Some(line), "line of offset {offset}");
    assert_eq!(
        pos["column"].as_u64(),
        Some(column),
        "column of offset {offset}"
    );
    offset
}

fn codes(run: &Run) -> Vec<String> {
    run.json()["files"][0]["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn fail_on_sets_the_exit_status() {
    let dir = tempdir();
    write(dir.path(), "error.txt", IMPOSSIBLE);
    write(dir.path(), "warning.md", WRONG_WEEKDAY);
    let run = |file: &str, extra: &[&str]| {
        let mut args = vec!["check"];
        args.extend_from_slice(extra);
        args.push(file);
        copydesk_in(dir.path(), &args).code
    };
    // The default threshold is error.
    assert_eq!(run("error.txt", &[]), 1);
    assert_eq!(run("warning.md", &[]), 0);
    assert_eq!(run("warning.md", &["--fail-on", "error"]), 0);
    assert_eq!(run("warning.md", &["--fail-on", "warning"]), 1);
    assert_eq!(run("warning.md", &["--fail-on", "information"]), 1);
    assert_eq!(run("warning.md", &["--fail-on", "hint"]), 1);
    assert_eq!(run("error.txt", &["--fail-on", "hint"]), 1);
    assert_eq!(run("error.txt", &["--fail-on", "never"]), 0);
    // Two files: the run fails when any of them does.
    let both = copydesk_in(dir.path(), &["check", "warning.md", "error.txt"]);
    assert_eq!(both.code, 1);
    assert!(
        both.stdout.ends_with("1 error, 1 warning in 2 files\n"),
        "{}",
        both.stdout
    );
}

#[test]
fn configured_severities_apply_to_findings_and_the_exit_status() {
    let dir = tempdir();
    write(dir.path(), "story.md", WRONG_WEEKDAY);
    write(
        dir.path(),
        "loud.toml",
        "[checks]\nweekday-mismatch = \"error\"\n",
    );
    let loud = copydesk_in(dir.path(), &["check", "--config", "loud.toml", "story.md"]);
    assert_eq!(loud.code, 1);
    assert!(
        loud.stdout
            .starts_with("story.md:5:18: error[weekday-mismatch]: "),
        "{}",
        loud.stdout
    );

    write(
        dir.path(),
        "off.toml",
        "[checks]\nweekday-mismatch = \"off\"\n",
    );
    let off = copydesk_in(
        dir.path(),
        &[
            "check",
            "--config",
            "off.toml",
            "--fail-on",
            "hint",
            "--format",
            "json",
            "story.md",
        ],
    );
    assert_eq!(off.code, 0);
    assert!(!codes(&off).contains(&"weekday-mismatch".to_string()));
}

#[test]
fn a_copydesk_toml_above_the_draft_applies() {
    let dir = tempdir();
    write(
        dir.path(),
        "copydesk.toml",
        "[checks]\nimpossible-date = \"hint\"\n",
    );
    write(dir.path(), "desk/metro/story.txt", IMPOSSIBLE);
    let run = copydesk_in(&dir.path().join("desk"), &["check", "metro"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .starts_with("metro/story.txt:1:28: hint[impossible-date]: "),
        "{}",
        run.stdout
    );
    // --config wins over the file found upward.
    write(dir.path(), "strict.toml", "");
    let run = copydesk_in(
        &dir.path().join("desk"),
        &["check", "--config", "../strict.toml", "metro"],
    );
    assert_eq!(run.code, 1);
}

#[test]
fn findings_are_printed_and_io_errors_win_the_exit_status() {
    let dir = tempdir();
    write(dir.path(), "story.txt", IMPOSSIBLE);
    let run = copydesk_in(dir.path(), &["check", "gone.md", "story.txt"]);
    // An I/O error wins over findings: the run is incomplete.
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("gone.md"), "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("story.txt:1:28: error[impossible-date]"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_json_model_has_every_key_and_exact_positions() {
    let dir = tempdir();
    // Cyrillic (2 bytes a letter) and an emoji (4 bytes, 1 scalar value) before the findings
    // on the same line; the weekday finding has a related location and a fix.
    let text = "---\ndate: 2025-03-06\n---\n\n# Звіт 🚀 з Києва\n\n\
                Мер Київ 🚀 met residents on Wednesday, March 4, and signed the deal on \
                February 30.\n";
    write(dir.path(), "story.md", text);
    let run = copydesk_in(dir.path(), &["check", "--format", "json", "story.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc = run.json();
    assert_eq!(keys(&doc), ["files", "version"]);
    assert_eq!(doc["version"], 1);
    let file = &doc["files"][0];
    assert_eq!(keys(file), ["findings", "path"]);
    assert_eq!(file["path"], "story.md");
    let findings = file["findings"].as_array().unwrap();
    for f in findings {
        assert_eq!(
            keys(f),
            ["code", "end", "fixes", "message", "related", "severity", "start", "text"]
        );
        assert!(f["code"].is_string());
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(
            ["error", "warning", "information", "hint"].contains(&f["severity"].as_str().unwrap())
        );
        let start = check_position(text, &f["start"]);
        let end = check_position(text, &f["end"]);
        assert!(start <= end);
        assert_eq!(f["text"].as_str().unwrap(), &text[start..end]);
        for r in f["related"].as_array().expect("related is an array") {
            assert_eq!(keys(r), ["end", "message", "start"]);
            assert!(r["message"].is_string());
            check_position(text, &r["start"]);
            check_position(text, &r["end"]);
        }
        for fix in f["fixes"].as_array().expect("fixes is an array") {
            assert_eq!(keys(fix), ["edits", "title"]);
            assert!(fix["title"].is_string());
            for e in fix["edits"].as_array().unwrap() {
                assert_eq!(keys(e), ["end", "new_text", "start"]);
                assert!(e["new_text"].is_string());
                check_position(text, &e["start"]);
                check_position(text, &e["end"]);
            }
        }
    }

    let weekday = findings
        .iter()
        .find(|f| f["code"] == "weekday-mismatch")
        .expect("the wrong weekday is reported");
    // "Мер Київ 🚀 met residents on " is 28 scalar values and 36 bytes; the line starts at
    // byte 59.
    let at = text.find("Wednesday").unwrap();
    assert_eq!(at, 59 + 36);
    assert_eq!(
        weekday["start"],
        serde_json::json!({"line": 7, "column": 29, "offset": at})
    );
    assert_eq!(weekday["severity"], "warning");
    assert_eq!(weekday["related"][0]["start"]["line"], 2);
    let edit = &weekday["fixes"][0]["edits"][0];
    assert_eq!(edit["new_text"], "Tuesday");
    assert_eq!(
        edit["start"],
        serde_json::json!({"line": 7, "column": 29, "offset": at})
    );
    assert_eq!(
        edit["end"],
        serde_json::json!({"line": 7, "column": 38, "offset": at + "Wednesday".len()})
    );

    let impossible = findings
        .iter()
        .find(|f| f["code"] == "impossible-date")
        .expect("the impossible date is reported");
    let at = text.find("February 30").unwrap();
    assert_eq!(impossible["severity"], "error");
    assert_eq!(impossible["start"]["offset"], at);
    assert_eq!(impossible["start"]["column"], 72);
}

#[test]
fn the_human_format_follows_compiler_conventions() {
    let dir = tempdir();
    write(dir.path(), "a.md", WRONG_WEEKDAY);
    write(dir.path(), "b.md", "Nothing to see.\n");
    let run = copydesk_in(dir.path(), &["check", "a.md", "b.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("a.md:5:18: warning[weekday-mismatch]: "),
        "{}",
        run.stdout
    );
    assert_eq!(lines[1], " 5 | Residents met on Wednesday, March 4.");
    // The underline is as wide, in columns, as the finding's span.
    let json = copydesk_in(dir.path(), &["check", "--format", "json", "a.md"]).json();
    let f = &json["files"][0]["findings"][0];
    let width = f["end"]["column"].as_u64().unwrap() - f["start"]["column"].as_u64().unwrap();
    assert_eq!(
        lines[2],
        format!("   | {}{}", " ".repeat(17), "^".repeat(width as usize))
    );
    // The story date is the related note, with its location.
    assert!(lines[3].starts_with("  note: a.md:2:7: "), "{}", run.stdout);
    assert!(
        lines.iter().any(|l| l.starts_with("  fix: ")),
        "{}",
        run.stdout
    );
    assert_eq!(lines.last(), Some(&"1 warning in 2 files"));
    // No colour escapes when stdout is not a terminal.
    assert!(!run.stdout.contains('\x1b'));
}

#[test]
fn corpus_drafts_report_their_labelled_dates() {
    let dir = tempdir();
    write(
        dir.path(),
        "council-budget.md",
        fixture("council-budget.md"),
    );
    let run = copydesk_in(
        dir.path(),
        &["check", "--format", "json", "council-budget.md"],
    );
    assert_eq!(run.code, 1, "the impossible date is an error");
    let doc = run.json();
    let findings = doc["files"][0]["findings"].as_array().unwrap();
    let text_of = |code: &str| {
        findings
            .iter()
            .find(|f| f["code"] == code)
            .unwrap_or_else(|| panic!("a {code} finding"))["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(text_of("impossible-date").contains("February 30"));
    assert!(text_of("weekday-mismatch").contains("Wednesday"));
}

#[test]
fn a_paragraph_made_only_of_an_unattributed_quote_is_reported() {
    let dir = tempdir();
    write(dir.path(), "story.md", UNATTRIBUTED);
    let run = copydesk_in(dir.path(), &["check", "--fail-on", "warning", "story.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("story.md:3:1: warning[unattributed-quote]: "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(" 3 | \"We will not back down.\"\n"),
        "{}",
        run.stdout
    );
    // The draft has no other finding.
    assert!(
        run.stdout.ends_with("\n1 warning in 1 file\n"),
        "{}",
        run.stdout
    );
    assert_eq!(copydesk_in(dir.path(), &["check", "story.md"]).code, 0);
}

#[test]
fn an_unclosed_quote_after_cyrillic_and_emoji_is_placed_by_scalar_columns() {
    let dir = tempdir();
    let text = "Intro.\n\nМер Київ 🚀 заявив “we stand firm.\n";
    write(dir.path(), "story.txt", text);
    let run = copydesk_in(dir.path(), &["check", "--format", "json", "story.txt"]);
    let doc = run.json();
    let unbalanced = doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "unbalanced-quote")
        .cloned()
        .expect("the unclosed quote is reported");
    // "Мер Київ 🚀 заявив " is 18 scalar values and 34 bytes.
    let open = text.find('“').unwrap();
    assert_eq!(open, 8 + 34);
    assert_eq!(
        unbalanced["start"],
        serde_json::json!({"line": 3, "column": 19, "offset": open})
    );
}

/// A draft with old Mac line ends (a lone `\r`), the same as in tests/lsp_findings.rs: the
/// JSON model counts a lone `\r` as a line break, as the language server does, so the
/// impossible date is on line 3 and the name variant on line 7 (its evidence on line 5) in
/// both.
const LONE_CR_DRAFT: &str = "Storm report\r\rThe council met on February 30 to plan.\r\r\
    Valley Electric spokeswoman Priya Raman said crews were out. Raman said more.\r\r\
    Raaman said later that power was back.\r";

#[test]
fn a_lone_carriage_return_ends_a_line_as_in_the_editor() {
    let dir = tempdir();
    write(dir.path(), "cr.txt", LONE_CR_DRAFT);
    let run = copydesk_in(
        dir.path(),
        &["check", "--format", "json", "--fail-on", "never", "cr.txt"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = run.json();
    let findings = doc["files"][0]["findings"].as_array().unwrap();
    let lines: Vec<(&str, u64, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["start"]["line"].as_u64().unwrap(),
                f["start"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [("impossible-date", 3, 20), ("name-variant", 7, 1)],
        "{findings:#?}"
    );
    let related: Vec<u64> = findings[1]["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(related, [5, 5]);
    // The human format names the same lines and prints each line without its break.
    let run = copydesk_in(dir.path(), &["check", "--fail-on", "never", "cr.txt"]);
    assert!(
        run.stdout.contains("cr.txt:3:20: error[impossible-date]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(" 7 | Raaman said later that power was back.\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("note: cr.txt:5:35:"), "{}", run.stdout);
}
