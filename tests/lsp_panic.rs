//! A panic in the analysis costs one result, not the server: it is logged to the client,
//! requests about that text get an internal error, and the next edit is served normally.
//! The server runs in-process here, with an analysis that fails on a marker word.

use copydesk::config::Config;
use copydesk::{Analysis, Format};
use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tower_lsp_server::Server;

fn fragile_analysis(text: &str, format: Format, config: &Config) -> Analysis {
    if text.contains("EXPLODE") {
        panic!("a check indexed past the end of the draft");
    }
    copydesk::analyze(text, format, config)
}

struct Peer<R, W> {
    reader: BufReader<R>,
    writer: W,
}

impl<R: tokio::io::AsyncRead + Unpin, W: tokio::io::AsyncWrite + Unpin> Peer<R, W> {
    async fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.writer.write_all(frame.as_bytes()).await.unwrap();
    }

    async fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).await.unwrap();
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length:") {
                length = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    async fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        tokio::time::timeout(Duration::from_secs(5), async {
            loop {
                let message = self.receive().await;
                if pred(&message) {
                    return message;
                }
            }
        })
        .await
        .expect("message in time")
    }
}

#[tokio::test]
async fn a_panicking_analysis_is_logged_and_the_server_lives_on() {
    let (service, socket) = copydesk::lsp::service(fragile_analysis);
    let (ours, theirs) = tokio::io::duplex(1 << 16);
    let (server_in, server_out) = tokio::io::split(theirs);
    tokio::spawn(Server::new(server_in, server_out, socket).serve(service));
    let (read, write) = tokio::io::split(ours);
    let mut peer = Peer {
        reader: BufReader::new(read),
        writer: write,
    };

    peer.send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    )
    .await;
    peer.wait_for(|m| m["id"] == 1).await;
    peer.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        .await;

    let uri = "file:///tmp/copydesk-tests/explode.md";
    peer.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
        {"uri": uri, "languageId": "markdown", "version": 1, "text": "“EXPLODE now.”\n"}}}),
    )
    .await;
    let logged = peer
        .wait_for(|m| m["method"] == "window/logMessage" && m["params"]["type"] == 1)
        .await;
    let message = logged["params"]["message"].as_str().unwrap();
    assert!(message.contains("indexed past the end"), "{message}");

    peer.send(
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params":
        {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}}),
    )
    .await;
    let answer = peer.wait_for(|m| m["id"] == 2).await;
    assert_eq!(answer["error"]["code"], -32603, "{answer}");

    // The next edit is analyzed and published as usual.
    peer.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 8}}, "text": "Calm"}]}}))
        .await;
    let published = peer
        .wait_for(|m| m["method"] == "textDocument/publishDiagnostics")
        .await;
    assert_eq!(published["params"]["version"], 2);
    peer.send(
        json!({"jsonrpc": "2.0", "id": 3, "method": "copydesk/status", "params":
        {"textDocument": {"uri": uri}}}),
    )
    .await;
    let answer = peer.wait_for(|m| m["id"] == 3).await;
    assert!(answer.get("error").is_none(), "{answer}");
}
