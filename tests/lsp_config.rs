//! Configuration through the server: `copydesk.toml` at the workspace root, re-read when
//! it changes, and settings from the editor; a bad file is reported with its line while
//! diagnostics keep coming.

mod common;

use common::{file_uri, LspClient};
use serde_json::{json, Value};

const DRAFT: &str = "# Storm\n\n“Nobody warned us about the water.”\n";

fn severity_of(diagnostics: &[Value], code: &str) -> Option<Value> {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .map(|d| d["severity"].clone())
}

#[test]
fn severity_follows_did_change_configuration() {
    let mut client = LspClient::start();
    let uri = file_uri("settings.md");
    client.open(&uri, "markdown", DRAFT, 1);
    let before = client.diagnostics(&uri, 1);
    assert_eq!(severity_of(&before, "unattributed-quote"), Some(json!(2)));

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"checks": {"unattributed-quote": "error"}}}}),
    );
    let raised = client.diagnostics(&uri, 1);
    assert_eq!(severity_of(&raised, "unattributed-quote"), Some(json!(1)));

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"checks": {"unattributed-quote": "off"}}}),
    );
    let off = client.diagnostics(&uri, 1);
    assert_eq!(severity_of(&off, "unattributed-quote"), None, "{off:#?}");

    // Bad settings are reported and the last good ones kept.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"checks": {"unattributed-quote": "loud"}}}),
    );
    let shown = client.wait_for("a message about the bad setting", |m| {
        m["method"] == "window/showMessage"
    });
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("loud"),
        "{shown}"
    );
    let still_off = client.diagnostics(&uri, 1);
    assert_eq!(severity_of(&still_off, "unattributed-quote"), None);
    assert!(client.shutdown().success());
}

#[test]
fn initialization_options_configure_checks() {
    let options = json!({"checks": {"unattributed-quote": "hint"}});
    let mut client = LspClient::start_with(false, None, options);
    let uri = file_uri("options.md");
    client.open(&uri, "markdown", DRAFT, 1);
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(
        severity_of(&diagnostics, "unattributed-quote"),
        Some(json!(4))
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_bad_copydesk_toml_is_reported_with_its_line_and_the_last_good_one_kept() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, "[checks]\n\nunattributed-quote = \"loud\"\n").unwrap();
    let mut client = LspClient::start_with(false, Some(dir.path()), Value::Null);

    let shown = client.wait_for("a message about copydesk.toml", |m| {
        m["method"] == "window/showMessage"
    });
    assert_eq!(shown["params"]["type"], 1);
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("copydesk.toml:3"), "{message}");
    let watch = client.wait_for("the copydesk.toml watcher", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = &watch["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/copydesk.toml");

    // Defaults apply, and diagnostics keep coming.
    let uri = format!("file://{}/draft.md", dir.path().display());
    client.open(&uri, "markdown", DRAFT, 1);
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(
        severity_of(&diagnostics, "unattributed-quote"),
        Some(json!(2))
    );

    // Fixed on disk: re-read when the client reports the change.
    std::fs::write(&config, "[checks]\nunattributed-quote = \"off\"\n").unwrap();
    let changed = json!({"changes": [{"uri": format!("file://{}", config.display()), "type": 2}]});
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(severity_of(&diagnostics, "unattributed-quote"), None);

    // Broken again: reported, and the last good configuration stays in force.
    std::fs::write(&config, "[checks\nunattributed-quote = \"warning\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", changed);
    let shown = client.wait_for("a message about the broken file", |m| {
        m["method"] == "window/showMessage"
    });
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("copydesk.toml:1"), "{message}");
    client.change(
        &uri,
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "Draft "}]),
    );
    let diagnostics = client.diagnostics(&uri, 2);
    assert_eq!(severity_of(&diagnostics, "unattributed-quote"), None);
    assert!(client.shutdown().success());
}
