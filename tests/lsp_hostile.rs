//! Messages a hostile or unlucky client sends, against the real binary: broken frames,
//! JSON the protocol library cannot decode, odd ids, reserved methods, stale versions and
//! negative lines. After each, the server answers a following `hover` within a second.

mod common;

use common::{file_uri, LspClient};
use serde_json::{json, Value};
use std::io::Write;
use std::time::{Duration, Instant};

const TEXT: &str = "“We found the money,” Mayor Elena Vasquez said on Thursday.\n";

/// A server with one small draft open and analysed (its first hover may wait for the
/// analysis to warm up; later ones must not).
fn serving() -> (LspClient, String) {
    let mut client = LspClient::start();
    let uri = file_uri("probe.md");
    client.open(&uri, "markdown", TEXT, 1);
    client.diagnostics(&uri, 1);
    let id = hover(&mut client, &uri);
    client.response(id).expect("a first hover");
    (client, uri)
}

fn hover(client: &mut LspClient, uri: &str) -> i64 {
    client.send_request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 30}}),
    )
}

/// The server still answers a hover, within a second.
fn still_answers(client: &mut LspClient, uri: &str, after: &str) {
    let sent = Instant::now();
    let id = hover(client, uri);
    let answer = client
        .try_wait_for(Duration::from_secs(1), |m| {
            m.get("method").is_none() && m["id"] == json!(id)
        })
        .unwrap_or_else(|| panic!("no hover answer within a second after {after}"));
    assert!(answer.get("result").is_some(), "{after}: {answer}");
    assert!(sent.elapsed() < Duration::from_secs(1));
}

fn send_bytes(client: &mut LspClient, bytes: &[u8]) {
    client.stdin().write_all(bytes).unwrap();
    client.stdin().flush().unwrap();
}

fn error_for(client: &mut LspClient, id: Value, what: &str) -> Value {
    client.wait_for(what, |m| {
        m.get("method").is_none() && m["id"] == id && m.get("error").is_some()
    })["error"]
        .clone()
}

fn warning(client: &mut LspClient, what: &str, contains: &str) -> String {
    let message = client.wait_for(what, |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains(contains))
    });
    message["params"]["message"].as_str().unwrap().to_string()
}

#[test]
fn bad_headers_are_skipped_to_the_next_content_length() {
    let (mut client, uri) = serving();
    let cases: [(&str, &[u8]); 4] = [
        (
            "a non-numeric length",
            b"Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1}",
        ),
        (
            "a 2 GB length with a short body",
            b"Content-Length: 2147483648\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}",
        ),
        ("no length at all", b"Content-Type: x\r\n\r\n{\"a\":1}\r\n"),
        ("a negative length", b"Content-Length: -5\r\n\r\nnull"),
    ];
    for (what, bytes) in cases {
        send_bytes(&mut client, bytes);
        warning(&mut client, what, "malformed frame");
        let parse_error = error_for(&mut client, Value::Null, what);
        assert_eq!(parse_error["code"], -32700, "{what}");
        still_answers(&mut client, &uri, what);
    }
    assert!(client.shutdown().success());
}

/// The high-water mark of the server's resident memory, in kB.
fn peak_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn an_endless_header_line_is_cut_off_without_growing_the_server() {
    let (mut client, uri) = serving();
    let before = peak_kb(client.pid());
    // 64 MB without a line break, then a real frame.
    let junk = vec![b'x'; 1 << 20];
    for _ in 0..64 {
        send_bytes(&mut client, &junk);
    }
    send_bytes(&mut client, b"\r\n\r\n");
    warning(
        &mut client,
        "the long line's warning",
        "longer than 8192 bytes",
    );
    still_answers(&mut client, &uri, "a 64 MB header line");
    if cfg!(target_os = "linux") {
        let grown_mb = peak_kb(client.pid()).saturating_sub(before) / 1024;
        assert!(grown_mb < 32, "the server grew by {grown_mb} MB");
    }
    assert!(client.shutdown().success());
}

#[test]
fn json_the_library_cannot_decode_gets_an_error_and_the_server_goes_on() {
    let (mut client, uri) = serving();
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));

    // A request nested too deep: an error with its id.
    let body = format!(
        r#"{{"jsonrpc":"2.0","id":501,"method":"workspace/symbol","params":{{"query":"","x":{}}}}}"#,
        deep(200)
    );
    client.send_raw(body.as_bytes());
    assert_eq!(
        error_for(&mut client, json!(501), "the deep request's error")["code"],
        -32700
    );
    still_answers(&mut client, &uri, "a request nested 200 deep");

    // Settings nested too deep, in a notification: a warning in the log.
    for depth in [128, 1000] {
        let body = format!(
            r#"{{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{{"settings":{{"checks":{}}}}}}}"#,
            deep(depth)
        );
        client.send_raw(body.as_bytes());
        still_answers(&mut client, &uri, &format!("settings nested {depth} deep"));
    }

    // A number out of range.
    client.send_raw(
        br#"{"jsonrpc":"2.0","id":502,"method":"workspace/symbol","params":{"query":"","n":1e999}}"#,
    );
    assert_eq!(
        error_for(&mut client, json!(502), "1e999's error")["code"],
        -32700
    );
    still_answers(&mut client, &uri, "1e999");

    // Ids the library cannot hold: an invalid-request error with a null id.
    for id in ["1.5", "1e5", "18446744073709551616"] {
        let body = format!(
            r#"{{"jsonrpc":"2.0","id":{id},"method":"workspace/symbol","params":{{"query":""}}}}"#
        );
        client.send_raw(body.as_bytes());
        let error = error_for(&mut client, Value::Null, &format!("id {id}'s error"));
        assert_eq!(error["code"], -32600, "{id}");
        still_answers(&mut client, &uri, &format!("id {id}"));
    }
    // A member given twice (the library refuses the message).
    client.send_raw(
        br#"{"jsonrpc":"2.0","id":503,"method":"workspace/symbol","method":"workspace/symbol","params":{"query":""}}"#,
    );
    assert_eq!(
        error_for(&mut client, json!(503), "the duplicate's error")["code"],
        -32600
    );
    still_answers(&mut client, &uri, "a member given twice");

    // A response (to nothing) with such an id is logged.
    client.send_raw(br#"{"jsonrpc":"2.0","id":2.5,"result":null}"#);
    warning(
        &mut client,
        "the odd response's warning",
        "ignored a response",
    );
    still_answers(&mut client, &uri, "a response with id 2.5");
    assert!(client.shutdown().success());
}

#[test]
fn lone_surrogates_are_replaced_and_the_edit_kept() {
    let (mut client, uri) = serving();
    // A request with a lone surrogate is answered.
    client.send_raw(
        br#"{"jsonrpc":"2.0","id":601,"method":"workspace/symbol","params":{"query":"\ud800"}}"#,
    );
    let answer = client.wait_for("the answer", |m| {
        m.get("method").is_none() && m["id"] == 601
    });
    assert!(answer.get("result").is_some(), "{answer}");
    // An edit that inserts one is applied, as U+FFFD (one UTF-16 unit, like the escape).
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{uri}","version":2}},"contentChanges":[{{"range":{{"start":{{"line":0,"character":0}},"end":{{"line":0,"character":0}}}},"text":"\udc00X"}}]}}}}"#
    );
    client.send_raw(body.as_bytes());
    warning(&mut client, "the repair's note", "lone surrogate");
    client.diagnostics(&uri, 2);
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .unwrap();
    let vasquez = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"].as_str().is_some_and(|n| n.contains("Vasquez")))
        .unwrap_or_else(|| panic!("{symbols}"));
    // Two more UTF-16 units before the name on line 0: "\u{FFFD}X".
    let before = TEXT[..TEXT.find("Elena").unwrap()].encode_utf16().count() as u64;
    assert_eq!(vasquez["selectionRange"]["start"]["character"], before + 2);
    still_answers(&mut client, &uri, "a lone surrogate in an edit");
    assert!(client.shutdown().success());
}

#[test]
fn a_reserved_request_with_an_id_gets_method_not_found() {
    let (mut client, uri) = serving();
    let id = client.send_request("$/noSuchThing", json!({}));
    let error = error_for(&mut client, json!(id), "the $/ request's error");
    assert_eq!(error["code"], -32601);
    client.notify("$/noSuchNotification", json!({}));
    still_answers(&mut client, &uri, "a $/ request");
    assert!(client.shutdown().success());
}

#[test]
fn a_stale_version_is_ignored_and_a_negative_line_named() {
    let (mut client, uri) = serving();
    let insert = |text: &str| json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": text}]);
    client.change(&uri, 5, insert("A "));
    client.diagnostics(&uri, 5);
    client.change(&uri, 3, insert("Older "));
    let why = warning(
        &mut client,
        "the stale version's warning",
        "ignored version 3",
    );
    assert!(why.contains("version 5"), "{why}");
    still_answers(&mut client, &uri, "a stale version");
    let published = client.messages("textDocument/publishDiagnostics");
    assert!(
        !published.iter().any(|m| m["params"]["version"] == 3),
        "diagnostics were published for the stale version: {published:?}"
    );
    let status = client
        .request("copydesk/status", json!({"textDocument": {"uri": uri}}))
        .unwrap();
    assert_eq!(status["version"], 5);

    client.change(
        &uri,
        6,
        json!([{"range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]),
    );
    let why = warning(&mut client, "the negative line's warning", "didChange");
    assert!(why.contains("-1"), "{why}");
    still_answers(&mut client, &uri, "a negative line");
    assert!(client.shutdown().success());
}

#[test]
fn notifications_with_parameters_of_the_wrong_types_are_named_and_the_server_goes_on() {
    let (mut client, uri) = serving();
    let other = file_uri("other.md");
    let cases: [(&str, &str, Value); 9] = [
        (
            "a didOpen whose text is a number",
            "textDocument/didOpen",
            json!({"textDocument": {"uri": other, "languageId": "markdown", "version": 1, "text": 5}}),
        ),
        (
            "a didOpen whose version is a string",
            "textDocument/didOpen",
            json!({"textDocument": {"uri": other, "languageId": "markdown", "version": "x", "text": TEXT}}),
        ),
        (
            "a didOpen without its textDocument",
            "textDocument/didOpen",
            json!({"text": TEXT}),
        ),
        (
            "a didChange whose version is a string",
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": "x"}, "contentChanges": [{"text": "Gone."}]}),
        ),
        (
            "a didChange whose text is a number",
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 9}, "contentChanges": [{"text": 5}]}),
        ),
        (
            "a didClose without its textDocument",
            "textDocument/didClose",
            json!({"uri": uri}),
        ),
        (
            "a didSave whose textDocument is a number",
            "textDocument/didSave",
            json!({"textDocument": 3}),
        ),
        (
            "a didChangeConfiguration without settings",
            "workspace/didChangeConfiguration",
            json!({"checks": 1}),
        ),
        (
            "a didChangeWatchedFiles whose changes are a string",
            "workspace/didChangeWatchedFiles",
            json!({"changes": "all"}),
        ),
    ];
    for (what, method, params) in cases {
        client.notify(method, params);
        let why = warning(&mut client, what, "do not fit");
        assert!(why.contains(method), "{what}: {why}");
        still_answers(&mut client, &uri, what);
    }
    // None of them was applied: the open draft is as it was, the other one never opened.
    let status = client
        .request("copydesk/status", json!({"textDocument": {"uri": uri}}))
        .unwrap();
    assert_eq!(status["version"], 1);
    let error = client
        .request("copydesk/status", json!({"textDocument": {"uri": other}}))
        .unwrap_err();
    assert!(
        error["message"].as_str().unwrap().contains("not open"),
        "{error}"
    );
    // A well-formed didOpen after them is served.
    client.open(&other, "markdown", TEXT, 1);
    client.diagnostics(&other, 1);
    assert!(client.shutdown().success());
}
