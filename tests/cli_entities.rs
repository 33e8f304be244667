//! `copydesk entities`: the source sheet, in JSON and for people.

mod cli_support;
use cli_support::*;
use serde_json::Value;

/// Asserts a `{start, end, text}` span is consistent with the file's bytes.
fn check_span(text: &str, span: &Value) {
    let start = span["start"]["offset"].as_u64().unwrap() as usize;
    let end = span["end"]["offset"].as_u64().unwrap() as usize;
    assert_eq!(span["text"].as_str().unwrap(), &text[start..end]);
    let line = text[..start].matches('\n').count() + 1;
    assert_eq!(span["start"]["line"].as_u64().unwrap() as usize, line);
}

#[test]
fn the_json_source_sheet_has_every_key() {
    let dir = tempdir();
    let text = fixture("council-budget.md");
    write(dir.path(), "council-budget.md", &text);
    let run = copydesk_in(
        dir.path(),
        &["entities", "--format", "json", "council-budget.md"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = run.json();
    assert_eq!(keys(&doc), ["files", "version"]);
    assert_eq!(doc["version"], 1);
    let file = &doc["files"][0];
    assert_eq!(keys(file), ["entities", "path", "quotes", "story_date"]);
    // From the front matter `date: 2025-03-06`.
    assert_eq!(file["story_date"], "2025-03-06");
    for e in file["entities"].as_array().unwrap() {
        assert_eq!(keys(e), ["kind", "mentions", "name", "role", "variants"]);
        assert!(e["name"].is_string());
        assert!(["person", "place", "organization"].contains(&e["kind"].as_str().unwrap()));
        assert!(e["role"].is_null() || e["role"].is_string());
        assert!(e["variants"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_string));
        for m in e["mentions"].as_array().unwrap() {
            assert_eq!(keys(m), ["end", "start", "text"]);
            check_span(&text, m);
        }
    }
    let quotes = file["quotes"].as_array().unwrap();
    for q in quotes {
        assert_eq!(keys(q), ["end", "speaker", "start", "text"]);
        assert!(q["speaker"].is_null() || q["speaker"].is_string());
        check_span(&text, q);
    }
    assert!(
        quotes.iter().any(|q| q["text"]
            .as_str()
            .unwrap()
            .contains("We listened to residents")),
        "{quotes:?}"
    );
}

#[test]
fn an_unknown_story_date_is_null() {
    let dir = tempdir();
    write(dir.path(), "story.txt", "The library opens at nine.\n");
    let run = copydesk_in(dir.path(), &["entities", "--format", "json", "story.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.json()["files"][0]["story_date"].is_null());
    let run = copydesk_in(dir.path(), &["entities", "story.txt"]);
    assert!(run.stdout.contains("story date: unknown"), "{}", run.stdout);
}

#[test]
fn the_human_source_sheet_names_the_story_date_and_quotes() {
    let dir = tempdir();
    write(
        dir.path(),
        "council-budget.md",
        fixture("council-budget.md"),
    );
    let run = copydesk_in(dir.path(), &["entities", "council-budget.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut lines = run.stdout.lines();
    assert_eq!(lines.next(), Some("council-budget.md"));
    assert_eq!(lines.next(), Some("  story date: 2025-03-06 (Thursday)"));
    assert!(run.stdout.contains("\n  Quotes\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("13:1  \"We listened to residents, and we found the money,\""),
        "{}",
        run.stdout
    );
}

#[test]
fn quotes_name_their_speakers() {
    let dir = tempdir();
    write(
        dir.path(),
        "council-budget.md",
        fixture("council-budget.md"),
    );
    let run = copydesk_in(
        dir.path(),
        &["entities", "--format", "json", "council-budget.md"],
    );
    let doc = run.json();
    let quotes = doc["files"][0]["quotes"].as_array().unwrap().clone();
    let speaker = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("a quote starting {start:?}"))["speaker"]
            .clone()
    };
    assert_eq!(speaker("\"We listened"), "Elena Vasquez");
    assert_eq!(speaker("\"This budget closes"), "Marcus Hale");
    assert_eq!(speaker("\"It's the right call"), Value::Null);
    let human = copydesk_in(dir.path(), &["entities", "council-budget.md"]);
    assert!(
        human
            .stdout
            .contains("\"It's the right call for the long term.\" — (no speaker)"),
        "{}",
        human.stdout
    );
}
