//! `copydesk.toml` problems reach the user, with the file and line, whether or not the
//! client watches files for the server.

mod common;

use common::{initialize_params, LspClient};
use serde_json::{json, Value};

fn shown_message(client: &mut LspClient) -> String {
    let shown = client.wait_for("a window/showMessage", |m| {
        m["method"] == "window/showMessage"
    });
    assert_eq!(shown["params"]["type"], 1, "an error: {shown}");
    shown["params"]["message"].as_str().unwrap().to_string()
}

#[test]
fn a_bad_file_at_startup_is_shown_with_its_line_and_diagnostics_still_come() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copydesk.toml");
    std::fs::write(
        &config,
        "[document]\ndate = \"2016-10-13\"\n\n[checks]\nunattributed-quote = \"loud\"\n",
    )
    .unwrap();
    let mut client = LspClient::start_with(false, Some(dir.path()), Value::Null);
    let message = shown_message(&mut client);
    assert!(
        message.contains(&format!("{}:5", config.display())),
        "{message}"
    );
    assert!(message.contains("loud"), "{message}");

    let uri = format!("file://{}/draft.md", dir.path().display());
    client.open(&uri, "markdown", "“Nobody warned us.”\n", 1);
    client.diagnostics(&uri, 1);
    assert!(client.shutdown().success());
}

#[test]
fn without_a_file_watcher_a_changed_file_is_reread_on_the_next_edit() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, "[checks]\nunattributed-quote = \"error\"\n").unwrap();
    let mut params = initialize_params(false, Some(dir.path()), Value::Null);
    params["capabilities"]["workspace"] = json!({});
    let mut client = LspClient::start_params(params);
    let uri = format!("file://{}/draft.md", dir.path().display());
    client.open(&uri, "markdown", "Calm.\n", 1);
    client.diagnostics(&uri, 1);

    std::fs::write(&config, "[checks]\nname-variant = \"error\"\n\n\n[oops\n").unwrap();
    client.change(
        &uri,
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "So "}]),
    );
    let message = shown_message(&mut client);
    assert!(
        message.contains(&format!("{}:5", config.display())),
        "{message}"
    );
    client.diagnostics(&uri, 2);
    assert!(
        client.messages("client/registerCapability").is_empty(),
        "no watcher is registered with a client that cannot watch"
    );
    assert!(client.shutdown().success());
}
