//! The server reads only its workspace, against the real binary: links out of the root,
//! `didClose` and file events for files elsewhere, a `copydesk.toml` that is a FIFO or a
//! link to `/dev/zero`, and a root of `file:///`. What the index holds is read back with
//! `workspace/symbol`.

#![cfg(unix)]

mod common;

use common::{file_uri, initialize_params, LspClient};
use serde_json::{json, Value};
use std::os::unix::fs::symlink;
use std::path::Path;
use std::time::{Duration, Instant};

const INSIDE: &str = "Mayor Elena Vasquez said on Thursday that the budget was balanced.\n";
const OUTSIDE: &str = "Senator Zebediah Quartermaine said on Friday that the files were secret.\n";
const OUTSIDE_2: &str = "Judge Ottoline Farquharson said on Monday that the court would sit.\n";
const LATE: &str = "Chief Bartholomew Pennywhistle said on Tuesday that the roads were clear.\n";

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Every indexed name matching `query`, with its file.
fn symbols(client: &mut LspClient, query: &str) -> Vec<(String, String)> {
    let found = client
        .request("workspace/symbol", json!({"query": query}))
        .expect("workspace/symbol");
    found
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap_or("").to_string(),
                s["location"]["uri"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn wait_for_symbol(client: &mut LspClient, query: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while symbols(client, query).is_empty() {
        assert!(Instant::now() < deadline, "{query} never indexed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn still_answers_hover(client: &mut LspClient) {
    let uri = file_uri("probe.md");
    client.open(&uri, "markdown", INSIDE, 1);
    client.diagnostics(&uri, 1);
    let sent = Instant::now();
    let id = client.send_request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 8}}),
    );
    client.response(id).expect("a hover");
    assert!(
        sent.elapsed() < Duration::from_secs(1),
        "{:?}",
        sent.elapsed()
    );
}

#[test]
fn nothing_outside_the_root_gets_indexed() {
    let root_dir = tempfile::tempdir().unwrap();
    let outside_dir = tempfile::tempdir().unwrap();
    let (root, outside) = (root_dir.path(), outside_dir.path());
    std::fs::write(root.join("inside.md"), INSIDE).unwrap();
    std::fs::write(outside.join("secret.md"), OUTSIDE).unwrap();
    std::fs::write(outside.join("other.md"), OUTSIDE_2).unwrap();
    // Links out of the root, to a file and to a folder, there from the start.
    symlink(outside.join("secret.md"), root.join("linked.md")).unwrap();
    symlink(outside, root.join("elsewhere")).unwrap();

    let mut client = LspClient::start_params(initialize_params(false, Some(root), Value::Null));
    wait_for_symbol(&mut client, "Vasquez");
    assert!(
        symbols(&mut client, "Quartermaine").is_empty(),
        "the start-up walk followed a link"
    );

    // A document opened from outside the root, then closed: its file is not read back.
    let secret_uri = uri_of(&outside.join("other.md"));
    client.open(&secret_uri, "markdown", "Nothing here.\n", 1);
    client.diagnostics(&secret_uri, 1);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": secret_uri}}),
    );
    // So is /dev/zero, which would never end, and the server's own input.
    for path in ["/dev/zero", "/dev/stdin"] {
        let uri = format!("file://{path}");
        client.open(&uri, "markdown", "Nothing.\n", 1);
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }
    // The closed documents' re-reads run on their own: give them time to go wrong.
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        symbols(&mut client, "Farquharson"),
        Vec::new(),
        "a closed document's file outside the root was read"
    );

    // File events for the links, for files outside, and last a real new draft: when that
    // one is indexed, the events before it in the same batch have been followed.
    std::fs::write(root.join("late.md"), LATE).unwrap();
    let changes: Vec<Value> = [
        root.join("linked.md"),
        root.join("elsewhere/secret.md"),
        root.join("elsewhere/other.md"),
        outside.join("secret.md"),
        outside.join("other.md"),
        root.join("late.md"),
    ]
    .iter()
    .map(|p| json!({"uri": uri_of(p), "type": 1}))
    .collect();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": changes}),
    );
    wait_for_symbol(&mut client, "Pennywhistle");

    for name in ["Quartermaine", "Farquharson"] {
        assert_eq!(symbols(&mut client, name), Vec::new(), "{name} was indexed");
    }
    let root_uri = uri_of(&root.canonicalize().unwrap());
    let root_given = uri_of(root);
    for (name, uri) in symbols(&mut client, "") {
        assert!(
            uri.starts_with(&root_given) || uri.starts_with(&root_uri) || uri.contains("probe.md"),
            "{name} indexed from {uri}, outside the root"
        );
    }
    still_answers_hover(&mut client);
    assert!(client.shutdown().success());
}

/// Starts a server on `root` and returns it with the `showMessage` it sent, within a
/// second of asking.
fn start_expecting_message(root: &Path) -> (LspClient, String) {
    let started = Instant::now();
    let mut client = LspClient::start_params(initialize_params(false, Some(root), Value::Null));
    let shown = client.wait_for("a window/showMessage", |m| {
        m["method"] == "window/showMessage"
    });
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "initialize took {:?}",
        started.elapsed()
    );
    let text = shown["params"]["message"]
        .as_str()
        .unwrap_or("")
        .to_string();
    (client, text)
}

#[test]
fn a_fifo_as_copydesk_toml_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("copydesk.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let (mut client, message) = start_expecting_message(dir.path());
    assert!(
        message.contains("copydesk.toml") && message.contains("FIFO"),
        "{message}"
    );
    still_answers_hover(&mut client);
    assert!(client.shutdown().success());
}

#[test]
fn copydesk_toml_linked_to_dev_zero_or_out_of_the_root_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    symlink("/dev/zero", dir.path().join("copydesk.toml")).unwrap();
    let (mut client, message) = start_expecting_message(dir.path());
    assert!(message.contains("copydesk.toml"), "{message}");
    still_answers_hover(&mut client);
    assert!(client.shutdown().success());

    // A regular file outside the root, behind a link: not read either.
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("copydesk.toml"), "[checks]\n").unwrap();
    symlink(
        outside.path().join("copydesk.toml"),
        dir.path().join("copydesk.toml"),
    )
    .unwrap();
    let (client, message) = start_expecting_message(dir.path());
    assert!(message.contains("outside the workspace"), "{message}");
    assert!(client.shutdown().success());
}

#[test]
fn a_root_of_file_slash_is_refused_with_a_message() {
    let mut client = LspClient::start_params(json!({
        "processId": null,
        "rootUri": "file:///",
        "workspaceFolders": [{"uri": "file:///", "name": "everything"}],
        "capabilities": {},
    }));
    let shown = client.wait_for("a window/showMessage", |m| {
        m["method"] == "window/showMessage"
    });
    let message = shown["params"]["message"].as_str().unwrap_or("");
    assert!(message.contains("root"), "{message}");
    // Well past the index's start: nothing was read.
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(symbols(&mut client, ""), Vec::new());
    still_answers_hover(&mut client);
    assert!(client.shutdown().success());
}
