//! The server under hostile conditions: a 10 MB draft, binary files (NULs, invalid UTF-8),
//! a client that disappears while a request is pending, and `$/cancelRequest` for a request
//! that waits on the analysis of a large draft. In every case the server keeps answering
//! (or exits cleanly, without a panic, when its client is gone).

mod common;

use common::{file_uri, initialize_params, LspClient};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// A long draft of `bytes` bytes or a little more: paragraphs with quotes, names, dates,
/// numbers and text in several scripts, each a little different.
fn long_draft(bytes: usize) -> String {
    let mut text = String::from("---\ndate: 2025-06-10\n---\n\n# Київ after the storm\n\n");
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "KYIV — “We are ready for paragraph {i},” Olena Kovalenko said on Tuesday. \
             Residents of Mosul 😀 met at the café (جامع النوري); {i} trucks carried \
             ${i}.5 million, up 4{} percent. Zoë Marti\u{301}nez said “nobody told us”.\r\n\r\n",
            i % 10
        ));
        i += 1;
    }
    text
}

fn hover(client: &mut LspClient, uri: &str, line: u32, character: u32) -> i64 {
    client.send_request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    )
}

/// A small draft opened and checked, to show the server is still serving.
fn still_serving(client: &mut LspClient, name: &str) {
    let uri = file_uri(name);
    let text = "“We found the money,” Mayor Elena Vasquez said on Thursday.\n";
    client.open(&uri, "markdown", text, 1);
    // Generous: a debug build under load may take seconds to read a 10 MB message first.
    client
        .try_wait_for(Duration::from_secs(60), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str()
        })
        .unwrap_or_else(|| panic!("no diagnostics for {uri}"));
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .expect("document symbols");
    assert!(
        symbols.as_array().is_some_and(|s| !s.is_empty()),
        "{symbols}"
    );
}

/// Whether the test binary is optimized: a debug build analyzes a 10 MB draft in minutes,
/// a release build in a second or two.
const OPTIMIZED: bool = !cfg!(debug_assertions);

#[test]
fn a_ten_megabyte_draft_is_edited_while_the_server_keeps_answering() {
    let mut client = LspClient::start();
    let uri = file_uri("huge.md");
    let text = long_draft(10 * 1024 * 1024);
    let lines = text.lines().count() as u32;
    client.open(&uri, "markdown", &text, 1);
    // While the huge draft is analyzed, a small one is served, and edits to the huge one
    // (at both ends) are taken.
    let started = Instant::now();
    still_serving(&mut client, "small.md");
    let small_took = started.elapsed();
    client.change(
        &uri,
        2,
        json!([
            {"range": {"start": {"line": lines, "character": 0}, "end": {"line": lines, "character": 0}},
             "text": "“Last words,” she said.\n"},
            {"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 2}},
             "text": "Kyiv"},
        ]),
    );
    let id = client.send_request(
        "copydesk/status",
        json!({"textDocument": {"uri": file_uri("small.md")}}),
    );
    client.response(id).expect("the status of the small draft");
    if OPTIMIZED {
        let diagnostics = client
            .try_wait_for(Duration::from_secs(60), |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri.as_str()
                    && m["params"]["version"] == 2
            })
            .expect("diagnostics of the 10 MB draft");
        let findings = diagnostics["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .len();
        assert!(findings > 1000, "{findings} diagnostics");
        let id = hover(&mut client, &uri, 6, 4);
        client.response(id).expect("a hover on the 10 MB draft");
        eprintln!(
            "10 MB draft: {findings} diagnostics after {:.1} s",
            started.elapsed().as_secs_f64()
        );
    } else {
        // Closing it clears its diagnostics at once, whatever the analysis is doing.
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        client.wait_for("the cleared diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri.as_str()
                && m["params"]["diagnostics"] == json!([])
        });
    }
    eprintln!(
        "a small draft was served in {:.2} s while a 10 MB one was analyzed",
        small_took.as_secs_f64()
    );
    assert!(client.shutdown().success());
}

#[test]
fn binary_files_are_read_without_harm() {
    let root = tempfile::tempdir().unwrap();
    // On disk, in the workspace the server indexes: NULs and bytes that are not UTF-8.
    let mut junk = vec![0u8; 4096];
    junk.extend((0..=255u8).cycle().take(8192));
    junk.extend(b"\xff\xfe\"quote\xc3\" said \xed\xa0\x80 Mayor Hale.\n\n\x00\x00");
    std::fs::write(root.path().join("binary.md"), &junk).unwrap();
    std::fs::write(root.path().join("nuls.txt"), vec![0u8; 100_000]).unwrap();
    let mut client = LspClient::start_with(true, Some(root.path()), Value::Null);

    // Opened in the editor: a client sends it as (lossily decoded) text.
    let uri = file_uri("binary.md");
    let text = String::from_utf8_lossy(&junk).into_owned();
    client.open(&uri, "markdown", &text, 1);
    client.diagnostics(&uri, 1);
    for (line, character) in [(0, 0), (0, 5000), (1, 3), (2, 0), (99, 99)] {
        let id = hover(&mut client, &uri, line, character);
        client.response(id).expect("a hover on binary text");
    }
    client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .expect("symbols of binary text");
    let nuls = file_uri("nuls.txt");
    client.open(&nuls, "plaintext", &"\0".repeat(100_000), 1);
    client.diagnostics(&nuls, 1);
    client
        .request("workspace/symbol", json!({"query": ""}))
        .expect("workspace symbols");

    // A frame whose body is not UTF-8 at all is refused, and the next message is served.
    let mut body = br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/raw.md","languageId":"markdown","version":1,"text":""#.to_vec();
    body.extend(b"\xff\x00\xfe\xc3 raw");
    body.extend(br#""}}}"#);
    client.send_raw(&body);
    let refused = client.wait_for("the parse error", |m| {
        m.get("method").is_none() && m["error"]["code"] == -32700
    });
    assert_eq!(refused["id"], Value::Null);
    still_serving(&mut client, "after-binary.md");
    assert!(client.shutdown().success());
}

#[test]
fn a_client_that_disappears_mid_request_leaves_a_clean_exit() {
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let mut client = LspClient::spawn_with_stderr(stderr.reopen().unwrap())
        .initialized(initialize_params(false, None, Value::Null));
    let uri = file_uri("huge-gone.md");
    client.open(&uri, "markdown", &long_draft(10 * 1024 * 1024), 1);
    // The hover waits for the analysis of the 10 MB draft (many seconds in a debug build).
    let pending = hover(&mut client, &uri, 6, 4);
    std::thread::sleep(Duration::from_millis(200));
    let closed = Instant::now();
    client.close_stdin();
    let status = client
        .try_wait_exit(Duration::from_secs(10))
        .unwrap_or_else(|| {
            panic!("still running 10 s after its input closed (request {pending} pending)")
        });
    let took = closed.elapsed();
    // No `shutdown` came first: exit code 1, as the protocol asks, and no panic.
    assert_eq!(status.code(), Some(1), "{status:?}");
    let log = std::fs::read_to_string(stderr.path()).unwrap();
    assert!(!log.contains("panicked"), "{log}");
    eprintln!("exited {:.2} s after its input closed", took.as_secs_f64());
}

#[test]
fn a_cancelled_request_is_answered_with_request_cancelled() {
    let mut client = LspClient::start();
    let uri = file_uri("large-cancel.md");
    client.open(&uri, "markdown", &long_draft(1024 * 1024), 1);
    // The hover waits for the analysis of the 1 MB draft; it is cancelled at once.
    let id = hover(&mut client, &uri, 6, 4);
    client.notify("$/cancelRequest", json!({"id": id}));
    let answer = client.wait_for("the cancelled hover's answer", |m| {
        m.get("method").is_none() && m["id"] == json!(id)
    });
    assert_eq!(answer["error"]["code"], -32800, "{answer}");
    // The answer did not wait for the analysis: its diagnostics are still to come.
    assert!(
        !client.inbox.iter().any(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str()
        }),
        "the analysis finished before the cancellation was answered"
    );
    // Cancelling a request that was answered already, or never sent, changes nothing.
    client.notify("$/cancelRequest", json!({"id": id}));
    client.notify("$/cancelRequest", json!({"id": "never-sent"}));
    if OPTIMIZED {
        let id = hover(&mut client, &uri, 6, 4);
        client.response(id).expect("a hover after the cancellation");
    }
    still_serving(&mut client, "after-cancel.md");
    assert!(client.shutdown().success());
}
