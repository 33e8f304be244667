//! The workspace's drafts: indexed off the message loop, compared for names spelled two
//! ways across stories, and searched by `workspace/symbol` — against the real binary.

mod common;

use common::{position, Enc, LspClient};
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long indexing a workspace of 500 drafts may take (a debug build, a busy machine).
const INDEXING: Duration = Duration::from_secs(30);

const MAJORITY: &str = "KYIV, June 10, 2025 — President Volodymyr Zelenskyy said on Tuesday that talks in Kyiv went well.\n";
const MINORITY: &str = "LVIV, June 12, 2025 — President Volodymyr Zelensky visited Lviv on Thursday, officials said.\n";

/// A workspace of `filler` stories from the corpus fixtures plus two that spell the
/// president's name the majority way.
fn workspace(filler: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let stories: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| copydesk::workspace::is_draft(p))
        .collect();
    for i in 0..filler {
        let story = &stories[i % stories.len()];
        let name = format!(
            "desk-{i:03}.{}",
            story.extension().unwrap().to_str().unwrap()
        );
        std::fs::copy(story, dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("a.txt"), MAJORITY).unwrap();
    std::fs::write(dir.path().join("b.txt"), MAJORITY).unwrap();
    std::fs::write(dir.path().join("c.txt"), MINORITY).unwrap();
    dir
}

fn uri(dir: &Path, name: &str) -> String {
    format!("file://{}/{name}", dir.display())
}

fn has_cross_draft_variant(message: &Value, uri: &str, other: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics"
        && message["params"]["uri"] == uri
        && message["params"]["diagnostics"]
            .as_array()
            .is_some_and(|d| {
                d.iter().any(|d| {
                    d["code"] == "name-variant"
                        && d["relatedInformation"][0]["location"]["uri"] == other
                })
            })
}

#[test]
fn an_opened_draft_is_checked_at_once_and_then_against_500_others() {
    let dir = workspace(497);
    let mut client = LspClient::start_with(false, Some(dir.path()), Value::Null);
    let (c, a) = (uri(dir.path(), "c.txt"), uri(dir.path(), "a.txt"));
    let opened = Instant::now();
    client.open(&c, "plaintext", MINORITY, 1);
    client.diagnostics(&c, 1);
    eprintln!("first diagnostics after {:?}", opened.elapsed());

    // Indexing 500 drafts takes a few seconds in a debug build on a busy machine.
    let found = client
        .try_wait_for(INDEXING, |m| has_cross_draft_variant(m, &c, &a))
        .expect("a cross-draft name-variant");
    eprintln!("cross-draft finding after {:?}", opened.elapsed());
    let d = &found["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "name-variant")
        .cloned()
        .unwrap();
    let start = MINORITY.find("Zelensky ").unwrap();
    assert_eq!(d["range"]["start"], position(MINORITY, start, Enc::Utf16));
    assert!(
        d["message"].as_str().unwrap().contains("'Zelenskyy'"),
        "{d}"
    );
    let related = &d["relatedInformation"][0]["location"]["range"]["start"];
    assert_eq!(
        *related,
        position(MAJORITY, MAJORITY.find("Zelenskyy").unwrap(), Enc::Utf16)
    );

    // The fix is offered as a code action and, applied, leaves nothing to flag.
    let actions = client.code_actions(&c, d);
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Replace with 'Zelenskyy'")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let edit = &fix["edit"]["documentChanges"][0]["edits"][0];
    assert_eq!(edit["newText"], "Zelenskyy");
    client.change(
        &c,
        2,
        json!([{"range": edit["range"], "text": "Zelenskyy"}]),
    );
    let after = client.diagnostics(&c, 2);
    assert!(
        after.iter().all(|d| d["code"] != "name-variant"),
        "{after:#?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn workspace_symbols_find_people_in_every_draft() {
    let dir = workspace(6);
    let mut client = LspClient::start_with(false, Some(dir.path()), Value::Null);
    let c = uri(dir.path(), "c.txt");
    client.open(&c, "plaintext", MINORITY, 1);
    // Once the index is in, the open draft is re-checked against it.
    client.wait_for("a cross-draft name-variant", |m| {
        has_cross_draft_variant(m, &c, &uri(dir.path(), "a.txt"))
    });
    let symbols = client
        .request("workspace/symbol", json!({"query": "zelensk"}))
        .unwrap();
    let symbols = symbols.as_array().unwrap();
    assert!(
        symbols
            .iter()
            .all(|s| s["name"].as_str().unwrap().contains("Zelensk")),
        "{symbols:#?}"
    );
    for name in ["a.txt", "b.txt", "c.txt"] {
        let want = uri(dir.path(), name);
        assert!(
            symbols.iter().any(|s| s["location"]["uri"] == want),
            "{name}: {symbols:#?}"
        );
    }
    let first = &symbols[0];
    assert_eq!(first["kind"], 5, "a person is a class symbol: {first}");
    let places = client
        .request("workspace/symbol", json!({"query": "aleppo"}))
        .unwrap();
    assert!(
        places
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Aleppo"),
        "{places:#}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_long_draft_of_the_workspace_opens_with_what_the_index_read_of_it() {
    // A draft long enough for the index to keep its paragraph facts (over 256 KB).
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let story = std::fs::read_to_string(fixtures.join("council-budget.md")).unwrap();
    let body = story.rsplit("---\n").next().unwrap();
    let mut long = String::new();
    while long.len() < 300 * 1024 {
        long.push_str(body);
        long.push('\n');
    }
    std::fs::write(dir.path().join("book.md"), &long).unwrap();
    let mut client = LspClient::start_with(false, Some(dir.path()), Value::Null);
    // The index is in once workspace/symbol finds the draft's people.
    let deadline = Instant::now() + INDEXING;
    while client
        .request("workspace/symbol", json!({"query": "vasquez"}))
        .unwrap()
        .as_array()
        .is_none_or(|s| s.is_empty())
    {
        assert!(Instant::now() < deadline, "the workspace was not indexed");
        std::thread::sleep(Duration::from_millis(100));
    }
    // Opened with unsaved changes: the facts of unchanged paragraphs are reused, the rest
    // read; the diagnostics are those of the open text.
    let mut open = long.replacen("Vasquez", "Vasques", 1);
    open.insert_str(0, "\"We will not cut the clinics,\" she said.\n\n");
    let book = uri(dir.path(), "book.md");
    client.open(&book, "markdown", &open, 1);
    let diagnostics = client.diagnostics(&book, 1);
    let expected = copydesk::check(
        &open,
        copydesk::Format::Markdown,
        &copydesk::config::Config::default(),
    );
    let ranges = |d: &[Value]| -> Vec<(String, Value)> {
        d.iter()
            .map(|d| (d["code"].as_str().unwrap().to_string(), d["range"].clone()))
            .collect()
    };
    let want: Vec<(String, Value)> = expected
        .findings
        .iter()
        .map(|f| {
            (
                f.code.as_str().to_string(),
                common::range(&open, f.span.clone(), Enc::Utf16),
            )
        })
        .collect();
    assert_eq!(ranges(&diagnostics), want);
    assert!(want.iter().any(|(code, _)| code == "name-variant"));
    assert!(client.shutdown().success());
}

/// Waits for a publication of `uri`'s diagnostics that `pred` accepts.
fn wait_for_diagnostics(client: &mut LspClient, uri: &str, pred: impl Fn(&[Value]) -> bool) {
    client
        .try_wait_for(INDEXING, |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| pred(d))
        })
        .unwrap_or_else(|| panic!("no such diagnostics of {uri}"));
}

fn names_variant_in(diagnostics: &[Value], others: &[&str]) -> bool {
    diagnostics.iter().any(|d| {
        d["code"] == "name-variant"
            && others.contains(
                &d["relatedInformation"][0]["location"]["uri"]
                    .as_str()
                    .unwrap_or(""),
            )
    })
}

#[test]
fn drafts_changed_created_and_deleted_on_disk_are_followed() {
    let dir = workspace(0);
    let root = dir.path();
    let mut client = LspClient::start_with(false, Some(root), Value::Null);
    let watch = client.wait_for("the watchers", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = &watch["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert!(
        watchers.as_array().unwrap().iter().any(|w| w["globPattern"]
            .as_str()
            .unwrap()
            .contains("{md,markdown,txt")),
        "{watchers}"
    );
    let (a, b, c) = (uri(root, "a.txt"), uri(root, "b.txt"), uri(root, "c.txt"));
    client.open(&c, "plaintext", MINORITY, 1);
    wait_for_diagnostics(&mut client, &c, |d| names_variant_in(d, &[&a, &b]));

    // Both other stories now spell it the open draft's way: nothing left to flag.
    let agreed = MAJORITY.replace("Zelenskyy", "Zelensky");
    std::fs::write(root.join("a.txt"), &agreed).unwrap();
    std::fs::write(root.join("b.txt"), &agreed).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": a, "type": 2}, {"uri": b, "type": 2}]}),
    );
    wait_for_diagnostics(&mut client, &c, |d| {
        d.iter().all(|d| d["code"] != "name-variant")
    });

    // They are deleted, and two new stories spell it the other way.
    std::fs::remove_file(root.join("a.txt")).unwrap();
    std::fs::remove_file(root.join("b.txt")).unwrap();
    let (d, e) = (uri(root, "d.md"), uri(root, "e.md"));
    std::fs::write(root.join("d.md"), MAJORITY).unwrap();
    std::fs::write(root.join("e.md"), MAJORITY).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": a, "type": 3}, {"uri": b, "type": 3},
            {"uri": d, "type": 1}, {"uri": e, "type": 1}
        ]}),
    );
    wait_for_diagnostics(&mut client, &c, |diagnostics| {
        names_variant_in(diagnostics, &[&d, &e])
    });
    assert!(client.shutdown().success());
}

#[test]
fn a_configuration_change_reads_the_other_drafts_again() {
    // "harrumphed" makes the quote's speaker a person only once it is a speech verb.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("a.txt"),
        "\"We are ready for the talks,\" Olena Kovalenko harrumphed.\n",
    )
    .unwrap();
    let open = "Minister Olena Kovalenco visited Lviv on Thursday, officials said.\n";
    std::fs::write(root.join("c.txt"), open).unwrap();
    let mut client = LspClient::start_with(false, Some(root), Value::Null);
    let (a, c) = (uri(root, "a.txt"), uri(root, "c.txt"));
    client.open(&c, "plaintext", open, 1);
    assert!(client
        .diagnostics(&c, 1)
        .iter()
        .all(|d| d["code"] != "name-variant"));
    // Let the index be built with the default configuration first (nothing to wait for
    // shows: the draft finds nothing to compare with yet).
    let _ = client.try_wait_for(Duration::from_secs(2), |_| false);

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"attribution": {"verbs": ["harrumphed"]}}}}),
    );
    wait_for_diagnostics(&mut client, &c, |d| names_variant_in(d, &[&a]));
    assert!(client.shutdown().success());
}
