//! A soak test of the real server: 10,000 random incremental edits to one draft with hover,
//! code action and document symbol requests interleaved, sent as fast as the pipe takes
//! them. Every so often the published diagnostics of the current version are compared with
//! the library's analysis of an independent model of the text; no diagnostics of an older
//! version may arrive after a newer one; every request is answered; and the server's
//! resident memory at the end stays within a bound of its level after the first 1,000
//! edits (nothing grows with the number of edits).

mod common;

use common::{file_uri, position, range, Enc, LspClient};
use copydesk::config::Config;
use copydesk::{check, Format};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};

const EDITS: usize = 10_000;
/// Diagnostics are compared with the model every this many edits.
const CHECK_EVERY: usize = 500;
/// A request goes out every this many edits.
const REQUEST_EVERY: usize = 7;
/// How much the resident set may grow between edit 1,000 and the end.
const MEMORY_GROWTH_LIMIT_KB: u64 = 24 * 1024;

const FRAGMENTS: &[&str] = &[
    "Київ",
    "مرحبا",
    "😀",
    "👍🏽",
    "e\u{301}",
    "“",
    "”",
    "\"",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    " said ",
    " the mayor said.",
    "Mayor Joan Hale",
    "on Tuesday",
    "42 percent",
    "$1.2 million",
    "Zoë",
    "a",
];

fn draft() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut text = std::fs::read_to_string(dir.join("council-budget.md")).expect("fixture");
    text.push_str(
        "\r\nResidents of Київ 😀 gathered at the café (جامع النوري) on Tuesday.\r\n\r\n\
         “The crane left at dawn 👍🏽 and never came back,” Zoë Marti\u{301}nez said.\n",
    );
    text
}

/// A random char boundary that is not inside a CRLF pair.
fn boundary(rng: &mut StdRng, text: &str) -> usize {
    loop {
        let mut at = rng.gen_range(0..=text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let inside_crlf =
            at > 0 && text.as_bytes()[at - 1] == b'\r' && text[at..].starts_with('\n');
        if !inside_crlf {
            return at;
        }
    }
}

/// A random edit (byte span, replacement); deletes more than it inserts once the text has
/// grown past `limit`, so the draft stays about the same size.
fn random_edit(rng: &mut StdRng, text: &str, limit: usize) -> (std::ops::Range<usize>, String) {
    let a = boundary(rng, text);
    let longest = if text.len() > limit { 40 } else { 12 };
    let mut b = (a + rng.gen_range(0..longest)).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    if b > 0 && text.as_bytes()[b - 1] == b'\r' && text[b..].starts_with('\n') {
        b += 1;
    }
    let pieces = rng.gen_range(0..3);
    let new_text = (0..pieces)
        .map(|_| FRAGMENTS[rng.gen_range(0..FRAGMENTS.len())])
        .collect();
    (a..b, new_text)
}

fn expected_diagnostics(text: &str, enc: Enc) -> Vec<Value> {
    check(text, Format::Markdown, &Config::default())
        .findings
        .iter()
        .map(|f| json!([f.code.as_str(), range(text, f.span.clone(), enc), f.message]))
        .collect()
}

fn projected(diagnostics: &Value) -> Vec<Value> {
    diagnostics
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| json!([d["code"], d["range"], d["message"]]))
        .collect()
}

/// Resident memory of a process in KiB.
fn resident_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

/// What the soak has seen of the server's messages so far.
struct Observer {
    uri: String,
    /// Request id → method, for requests not answered yet.
    pending: HashMap<i64, &'static str>,
    answered: usize,
    last_published: i64,
    published: usize,
}

impl Observer {
    /// Takes one message from the server into account.
    fn see(&mut self, message: &Value) {
        if message["method"] == "textDocument/publishDiagnostics" {
            if message["params"]["uri"] != self.uri.as_str() {
                return;
            }
            let version = message["params"]["version"].as_i64().expect("a version");
            assert!(
                version >= self.last_published,
                "diagnostics of version {version} after version {}",
                self.last_published
            );
            self.last_published = version;
            self.published += 1;
        } else if message["method"] == "window/logMessage" {
            let text = message["params"]["message"].as_str().unwrap_or("");
            assert!(
                !text.contains("clamped") && !text.contains("failed"),
                "{text}"
            );
        } else if message.get("method").is_none() {
            let id = message["id"].as_i64().expect("a response id");
            let method = self.pending.remove(&id).expect("a response to a request");
            assert!(message.get("error").is_none(), "{method} failed: {message}");
            self.answered += 1;
        }
    }

    /// Reads whatever the server has sent; with a timeout, until `stop` holds for a message.
    fn drain(
        &mut self,
        client: &mut LspClient,
        timeout: Duration,
        stop: impl Fn(&Value) -> bool,
    ) -> Option<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = client.try_wait_for(left, |_| true)?;
            self.see(&message);
            if stop(&message) {
                return Some(message);
            }
        }
    }
}

#[test]
fn ten_thousand_edits_with_requests_interleaved() {
    let started = Instant::now();
    let mut client = LspClient::start();
    let enc = client.encoding;
    let uri = file_uri("soak.md");
    let mut text = draft();
    let limit = text.len() * 3 / 2;
    let mut version = 1;
    client.open(&uri, "markdown", &text, version);
    let mut seen = Observer {
        uri: uri.clone(),
        pending: HashMap::new(),
        answered: 0,
        last_published: 0,
        published: 0,
    };
    let mut rng = StdRng::seed_from_u64(0x50a4);
    let mut compared = 0;
    let mut memory_after_warm_up = 0;
    // Resident MiB at every comparison, for the log.
    let mut memory = Vec::new();
    for edit in 1..=EDITS {
        let (span, new_text) = random_edit(&mut rng, &text, limit);
        version += 1;
        client.change(
            &uri,
            version,
            json!([{"range": range(&text, span.clone(), enc), "text": new_text}]),
        );
        text.replace_range(span, &new_text);
        if edit % REQUEST_EVERY == 0 {
            let at = position(&text, boundary(&mut rng, &text), enc);
            let doc = json!({"uri": uri});
            let (method, params) = match edit / REQUEST_EVERY % 3 {
                0 => (
                    "textDocument/hover",
                    json!({"textDocument": doc, "position": at}),
                ),
                1 => (
                    "textDocument/codeAction",
                    json!({"textDocument": doc, "range": {"start": at, "end": at},
                           "context": {"diagnostics": []}}),
                ),
                _ => ("textDocument/documentSymbol", json!({"textDocument": doc})),
            };
            let id = client.send_request(method, params);
            seen.pending.insert(id, method);
        }
        seen.drain(&mut client, Duration::ZERO, |_| false);
        if edit % CHECK_EVERY == 0 {
            let target = version;
            let is_target = |m: &Value| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri.as_str()
                    && m["params"]["version"] == json!(target)
            };
            let published = seen
                .drain(&mut client, Duration::from_secs(30), is_target)
                .unwrap_or_else(|| panic!("no diagnostics for version {target}"));
            assert_eq!(
                projected(&published["params"]["diagnostics"]),
                expected_diagnostics(&text, enc),
                "diagnostics of version {target}: {text:?}"
            );
            compared += 1;
            let resident = resident_kb(client.pid());
            memory.push(resident / 1024);
            if edit == 1_000 {
                memory_after_warm_up = resident;
            }
        }
    }
    // Every request is answered.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !seen.pending.is_empty() && Instant::now() < deadline {
        seen.drain(&mut client, Duration::from_millis(100), |_| false);
    }
    assert!(
        seen.pending.is_empty(),
        "unanswered requests: {:?}",
        seen.pending
    );
    // Nothing older than the last version is published after it.
    seen.drain(&mut client, Duration::from_millis(300), |_| false);
    assert_eq!(seen.last_published, version);
    let memory_at_end = resident_kb(client.pid());
    eprintln!(
        "soak: {EDITS} edits, {} requests answered, {} diagnostics published, {compared} \
         compared, {:.1} s; resident memory after 1,000 edits {memory_after_warm_up} KiB, \
         at the end {memory_at_end} KiB (MiB every {CHECK_EVERY} edits: {memory:?}); final \
         text {} bytes",
        seen.answered,
        seen.published,
        started.elapsed().as_secs_f64(),
        text.len()
    );
    assert!(
        memory_at_end <= memory_after_warm_up + MEMORY_GROWTH_LIMIT_KB,
        "resident memory grew from {memory_after_warm_up} KiB to {memory_at_end} KiB"
    );
    assert_eq!(compared, EDITS / CHECK_EVERY);
    assert!(client.shutdown().success());
}
