//! The server as a protocol peer: lifecycle, errors, and survival of bad input.

mod common;

use common::{file_uri, LspClient};
use serde_json::{json, Value};

#[test]
fn requests_before_initialize_get_server_not_initialized() {
    let mut client = LspClient::spawn();
    let error = client
        .request("textDocument/hover", json!({"textDocument": {"uri": file_uri("a.md")}, "position": {"line": 0, "character": 0}}))
        .unwrap_err();
    assert_eq!(error["code"], -32002);
    // And initialize still works afterwards.
    client
        .request("initialize", json!({"processId": null, "capabilities": {}}))
        .unwrap();
    client.notify("initialized", json!({}));
    assert!(client.shutdown().success());
}

#[test]
fn advertises_incremental_sync_and_utf16_by_default() {
    let mut client = LspClient::spawn();
    let result = client
        .request("initialize", json!({"processId": null, "capabilities": {}}))
        .unwrap();
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2);
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(result["serverInfo"]["name"], "copydesk");
}

#[test]
fn malformed_json_and_unknown_methods_get_errors_and_the_server_goes_on() {
    let mut client = LspClient::start();
    client.send_raw(b"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": ");
    let parse_error = client.wait_for("a parse error", |m| m.get("error").is_some());
    assert_eq!(parse_error["error"]["code"], -32700);

    // Well-formed JSON that is not a JSON-RPC message.
    client.send_raw(b"[1, 2, 3]");
    let invalid = client.wait_for("an invalid-request error", |m| m.get("error").is_some());
    assert_eq!(invalid["error"]["code"], -32600);
    client
        .send_raw(br#"{"jsonrpc": "2.0", "id": 77, "method": "textDocument/hover", "params": 5}"#);
    let invalid = client.wait_for("an invalid-request error", |m| m["id"] == 77);
    assert_eq!(invalid["error"]["code"], -32600);

    let error = client
        .request("copydesk/noSuchThing", json!({}))
        .unwrap_err();
    assert_eq!(error["code"], -32601);
    client.notify("copydesk/noSuchNotification", json!({}));

    let error = client
        .request("textDocument/hover", json!({"textDocument": 42}))
        .unwrap_err();
    assert_eq!(error["code"], -32602);

    // Still serving.
    let uri = file_uri("after-errors.md");
    client.open(&uri, "markdown", "“Still here.”\n", 1);
    client.diagnostics(&uri, 1);
    let status = client
        .request("copydesk/status", json!({"textDocument": {"uri": uri}}))
        .unwrap();
    assert_eq!(status["version"], 1);
    assert!(client.shutdown().success());
}

#[test]
fn edits_to_unknown_documents_and_out_of_range_edits_are_logged_not_fatal() {
    let mut client = LspClient::start();
    client.change(
        &file_uri("never-opened.md"),
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]),
    );
    let warning = client.wait_for("a warning about the unknown document", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("never-opened.md")
    });
    assert_eq!(warning["params"]["type"], 2);

    let uri = file_uri("clamped.md");
    client.open(&uri, "markdown", "Short.\n", 1);
    client.diagnostics(&uri, 1);
    client.change(
        &uri,
        2,
        json!([{"range": {"start": {"line": 40, "character": 3}, "end": {"line": 90, "character": 1000}}, "text": "“The tail of the storm hit the harbour at dawn.”"}]),
    );
    client.wait_for("a warning about the clamped range", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("clamped")
    });
    client.diagnostics(&uri, 2);
    let sheet = client
        .request(
            "copydesk/sourceSheet",
            json!({"textDocument": {"uri": uri}}),
        )
        .unwrap();
    let quotes = sheet["files"][0]["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0]["text"],
        "“The tail of the storm hit the harbour at dawn.”"
    );
    assert_eq!(quotes[0]["start"]["offset"], "Short.\n".len());

    // Requests about documents that are not open: an empty answer or an error, no crash.
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": file_uri("nope.md")}, "position": {"line": 0, "character": 0}}),
        )
        .unwrap();
    assert_eq!(hover, Value::Null);
    let error = client
        .request(
            "copydesk/status",
            json!({"textDocument": {"uri": file_uri("nope.md")}}),
        )
        .unwrap_err();
    assert_eq!(error["code"], -32602);
    assert!(client.shutdown().success());
}

#[test]
fn exit_without_shutdown_ends_the_process_with_code_1() {
    let mut client = LspClient::start();
    client.notify("exit", Value::Null);
    let status = client.wait_exit();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn exit_after_shutdown_ends_the_process_with_code_0() {
    let client = LspClient::start();
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut client = LspClient::start();
    let uri = file_uri("closed.md");
    client.open(&uri, "markdown", "“Open quote.\n", 1);
    client.diagnostics(&uri, 1);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = client.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"].get("version").is_none_or(Value::is_null)
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert!(client.shutdown().success());
}

/// A long draft's `didOpen` and diagnostics cross the stdio pipes whole: the server widens
/// both pipes (64 KB by default on Linux) as it starts, before it answers `initialize`.
#[cfg(target_os = "linux")]
#[test]
fn the_stdio_pipes_are_widened_for_long_drafts() {
    let client = LspClient::start();
    let [input, output] = client.pipe_sizes();
    assert!(input >= 1 << 18 && output >= 1 << 18, "{input} / {output}");
    assert!(client.shutdown().success());
}
