//! End-to-end latency and memory of the real server, as an editor sees them: the binary
//! built with the bench's profile (`copydesk lsp`) over stdio, one JSON-RPC message at a
//! time.
//!
//! For a 10k- and a 100k-word draft (each in its own temporary workspace folder, since the
//! server indexes the folder): open → first diagnostics; single-character edits typed one
//! at a time at the end of a paragraph in the middle of the draft, each waiting for the
//! diagnostics of its version (median, p95, max); hover at words spread over the draft;
//! then open → first diagnostics of the same text from outside the workspace, which the
//! index has not read.
//! Then the server's resident memory with 100 open 10k-word drafts (each a different
//! shuffle of the paragraphs). Budgets on a 2-core machine: edit → diagnostics median 2 ms
//! (10k) and 20 ms (100k), hover 1 ms, open 100k 50 ms, 60 MB with 100 drafts.
//!
//! Run: `cargo bench --profile dist --bench lsp_latency` (`-- --edits N`, `-- --drafts N`
//! to change the counts; `-- --words N` for one draft size; `-- --drafts 0` skips the memory run;
//! `-- --workspace N` puts N other stories in the draft's workspace folder; the environment
//! variable `COPYDESK_BIN` runs another build of the server, to compare two builds).
//! Timings are noisy while the machine is busy: run it at a quiet moment.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

#[path = "support/drafts.rs"]
mod drafts;

const TIMEOUT: Duration = Duration::from_secs(60);

/// Text typed one character at a time.
const TYPED: &str = " The council approved the budget on Tuesday, 12 to 3, after a long debate.";

/// A client of `copydesk lsp` over stdio.
struct Server {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    if let Ok(published) = serde_json::from_slice::<Published>(&body) {
        if published.method == "textDocument/publishDiagnostics" {
            let params = published.params;
            return Some(json!({"method": published.method,
                "params": {"uri": params.uri.as_str(), "version": params.version,
                           "diagnostics": params.diagnostics.len()}}));
        }
    }
    serde_json::from_slice(&body).ok()
}

/// A `publishDiagnostics` notification read as an editor's client library reads it: into
/// the protocol's types (a generic JSON tree of a long draft's diagnostics takes several
/// times longer to build than the server takes to send them). The bench keeps only the
/// count.
#[derive(serde::Deserialize)]
struct Published {
    method: String,
    params: tower_lsp_server::ls_types::PublishDiagnosticsParams,
}

impl Server {
    /// Starts the server and initializes it with `root` as its workspace folder.
    fn start(root: &Path) -> Server {
        let mut child = Command::new(
            std::env::var("COPYDESK_BIN").unwrap_or(env!("CARGO_BIN_EXE_copydesk").into()),
        )
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start copydesk lsp");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take().expect("stdin");
        let mut server = Server {
            child,
            stdin,
            incoming,
            next_id: 0,
        };
        let root_uri = uri(root);
        server.request(
            "initialize",
            json!({"processId": std::process::id(), "rootUri": root_uri,
                   "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
                   "capabilities": {}}),
        );
        server.notify("initialized", json!({}));
        server
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.stdin.write_all(frame.as_bytes()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The next message that satisfies `pred`; requests from the server are answered
    /// with `null`, as an editor would.
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.incoming.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => panic!("no answer from the server in time"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            };
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
            if pred(&message) {
                return message;
            }
        }
    }

    /// Waits for the diagnostics of `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        })
    }

    /// Reads whatever has arrived for `quiet` without a new message.
    fn drain(&mut self, quiet: Duration) {
        while self.incoming.recv_timeout(quiet).is_ok() {}
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// Processor time the server has used (user and system), in milliseconds: unlike wall
    /// time, it does not grow when other processes compete for the cores.
    fn cpu_ms(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // The fields after the command name, which is in parentheses.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or("", |(_, rest)| rest)
            .split_whitespace()
            .collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        // utime and stime are fields 14 and 15 of the line (11 and 12 after the name), in
        // clock ticks of 10 ms.
        (ticks(11) + ticks(12)) * 10.0
    }

    /// Resident and peak resident memory, in kB.
    fn memory(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    fn stop(mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The LSP position (UTF-16) of a byte offset.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

/// Milliseconds since `t`.
fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

#[derive(Debug)]
struct Summary {
    median: f64,
    p95: f64,
    max: f64,
}

fn summary(mut samples: Vec<f64>) -> Summary {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
    Summary {
        median: at(0.5),
        p95: at(0.95),
        max: *samples.last().unwrap_or(&0.0),
    }
}

struct Latency {
    words: usize,
    /// Open → first diagnostics of the draft as saved in the workspace.
    open: f64,
    /// The same for a draft the workspace index has not read.
    open_unindexed: f64,
    edits: Summary,
    /// Server processor time per edit.
    edit_cpu: f64,
    hover: Summary,
    cards: usize,
    hovers: usize,
    diagnostics: usize,
}

/// Opens one draft in a server of its own, types `edits` characters, hovers.
fn latency(words: usize, edits: usize, others: usize) -> Latency {
    let mut text = drafts::draft_of(words);
    let root = tempfile::tempdir().expect("temporary folder");
    let path = root.path().join("draft.md");
    std::fs::write(&path, &text).expect("write draft");
    for (i, story) in drafts::stories().iter().cycle().take(others).enumerate() {
        std::fs::write(root.path().join(format!("story-{i:04}.md")), story).expect("write");
    }
    let uri = uri(&path);
    let mut server = Server::start(root.path());
    // The start-up warm-up and the workspace index run in the background: let them finish,
    // as they would while an editor starts.
    server.drain(Duration::from_millis(500 + 10 * others as u64));

    let t = Instant::now();
    server.open(&uri, &text);
    let first = server.diagnostics(&uri, 1);
    let open = ms(t);
    let diagnostics = first["params"]["diagnostics"].as_u64().unwrap_or(0) as usize;
    server.drain(Duration::from_millis(300));

    // Type at the end of a paragraph in the middle of the draft.
    let mut cursor = text[..text.len() / 2].rfind("\n\n").unwrap_or(0);
    let mut samples = Vec::with_capacity(edits);
    let cpu_before = server.cpu_ms();
    for (i, c) in TYPED.chars().cycle().take(edits).enumerate() {
        let version = i as i64 + 2;
        let at = position(&text, cursor);
        let t = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": at, "end": at}, "text": c.to_string()}]}),
        );
        server.diagnostics(&uri, version);
        samples.push(ms(t));
        text.insert(cursor, c);
        cursor += c.len_utf8();
    }
    let edit_cpu = (server.cpu_ms() - cpu_before) / edits as f64;
    let edits = summary(samples);

    // Hover at the start of words spread over the draft.
    let hovers = 50;
    let mut samples = Vec::with_capacity(hovers);
    let mut cards = 0;
    for i in 0..hovers {
        let from = text.len() * (2 * i + 1) / (2 * hovers);
        let Some(at) = text
            .get(from..)
            .and_then(|rest| rest.find(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        else {
            continue;
        };
        let pos = position(&text, from + at);
        let t = Instant::now();
        let answer = server.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos}),
        );
        samples.push(ms(t));
        cards += usize::from(!answer["result"].is_null());
    }
    let hovers = samples.len();
    let hover = summary(samples);

    // The same text opened from outside the workspace: nothing of it was read before.
    let elsewhere = "file:///elsewhere/draft.md";
    server.drain(Duration::from_millis(300));
    let t = Instant::now();
    server.open(elsewhere, &text);
    server.diagnostics(elsewhere, 1);
    let open_unindexed = ms(t);
    server.stop();
    Latency {
        words,
        open,
        open_unindexed,
        edits,
        edit_cpu,
        hover,
        cards,
        hovers,
        diagnostics,
    }
}

/// Resident memory of a server with `count` open 10k-word drafts, each a different shuffle
/// of the paragraphs: (kB after opening, peak kB, kB at start).
fn memory(count: usize) -> (u64, u64, u64) {
    let base = drafts::draft_of(10_000);
    let paragraphs: Vec<&str> = base.split("\n\n").filter(|p| !p.is_empty()).collect();
    let root = tempfile::tempdir().expect("temporary folder");
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let mut server = Server::start(root.path());
    server.drain(Duration::from_millis(500));
    let start = server.memory().0;
    let mut rng = StdRng::seed_from_u64(7);
    for i in 0..count {
        let mut shuffled = paragraphs.clone();
        shuffled.shuffle(&mut rng);
        let text = shuffled.join("\n\n") + "\n";
        let path = elsewhere.path().join(format!("draft-{i:03}.md"));
        let uri = uri(&path);
        server.open(&uri, &text);
        server.diagnostics(&uri, 1);
    }
    server.drain(Duration::from_millis(1000));
    let (rss, peak) = server.memory();
    server.stop();
    (rss, peak, start)
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let edits = arg("--edits", 200);
    let count = arg("--drafts", 100);
    let others = arg("--workspace", 0);
    println!(
        "copydesk lsp ({}), {edits} edits typed one at a time",
        env!("CARGO_BIN_EXE_copydesk")
    );
    println!();
    println!("| draft | diagnostics | open → diagnostics (in the workspace / not) | edit → diagnostics median | p95 | max | server CPU per edit | hover median | p95 |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let sizes = match arg("--words", 0) {
        0 => vec![10_000, 100_000],
        words => vec![words],
    };
    for words in sizes {
        let l = latency(words, edits, others);
        println!(
            "| {}k words | {} | {:.1} / {:.1} ms | {:.2} ms | {:.2} ms | {:.1} ms | {:.2} ms | {:.2} ms ({}/{} cards) | {:.2} ms |",
            l.words / 1000,
            l.diagnostics,
            l.open,
            l.open_unindexed,
            l.edits.median,
            l.edits.p95,
            l.edits.max,
            l.edit_cpu,
            l.hover.median,
            l.cards,
            l.hovers,
            l.hover.p95,
        );
    }
    if count == 0 {
        return;
    }
    let (rss, peak, start) = memory(count);
    println!();
    println!(
        "memory: {count} open 10k-word drafts: {:.1} MB resident (peak {:.1} MB; {:.1} MB before the first)",
        rss as f64 / 1024.0,
        peak as f64 / 1024.0,
        start as f64 / 1024.0
    );
}
