//! A small JSON-RPC client that drives the real `copydesk lsp` binary over stdio, as an
//! editor would, plus an independent model of LSP positions to check the server against.
//!
//! Every wait has a timeout, so a server that stops answering fails the test instead of
//! hanging it. Requests the server sends to the client (`client/registerCapability`) are
//! answered with `null`, as an editor would.

#![allow(dead_code)] // Each test file uses its own part of the client.

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// How long a test waits for an answer it expects before failing. Generous: tests run in
/// parallel on a debug build, often on a busy machine; latency is measured by the benches.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// How the client counts a position's `character`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16,
}

pub struct LspClient {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// The client's ends of the server's stdin and stdout pipes.
    #[cfg(unix)]
    pipes: [std::os::fd::RawFd; 2],
    /// Messages received but not consumed yet (notifications, out-of-order responses).
    pub inbox: VecDeque<Value>,
    next_id: i64,
    pub encoding: Enc,
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
    serde_json::from_slice(&body).ok()
}

impl LspClient {
    /// Starts `copydesk lsp` without initializing it.
    pub fn spawn() -> LspClient {
        LspClient::spawn_with_stderr(Stdio::null())
    }

    /// Starts `copydesk lsp` with its stderr sent to `stderr` (to look for panic messages).
    pub fn spawn_with_stderr(stderr: impl Into<Stdio>) -> LspClient {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start copydesk lsp");
        let stdout = child.stdout.take().unwrap();
        #[cfg(unix)]
        let pipes = {
            use std::os::fd::AsRawFd;
            [
                child.stdin.as_ref().unwrap().as_raw_fd(),
                stdout.as_raw_fd(),
            ]
        };
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        LspClient {
            stdin: child.stdin.take(),
            child,
            incoming: rx,
            #[cfg(unix)]
            pipes,
            inbox: VecDeque::new(),
            next_id: 0,
            encoding: Enc::Utf16,
        }
    }

    /// Starts and initializes a server (see [`initialize_params`]).
    pub fn start_with(utf8: bool, root: Option<&std::path::Path>, options: Value) -> LspClient {
        let client = LspClient::start_params(initialize_params(utf8, root, options));
        assert_eq!(client.encoding == Enc::Utf8, utf8, "negotiated encoding");
        client
    }

    /// Starts a server with these `initialize` params, then sends `initialized`.
    pub fn start_params(params: Value) -> LspClient {
        LspClient::spawn().initialized(params)
    }

    /// Initializes a spawned server with these `initialize` params, then sends `initialized`.
    pub fn initialized(self, params: Value) -> LspClient {
        let mut client = self;
        let result = client
            .request("initialize", params)
            .expect("initialize succeeds");
        client.encoding = match result["capabilities"]["positionEncoding"].as_str() {
            Some("utf-8") => Enc::Utf8,
            _ => Enc::Utf16,
        };
        client.notify("initialized", json!({}));
        client
    }

    pub fn start() -> LspClient {
        LspClient::start_with(false, None, Value::Null)
    }

    /// The server's standard input, for bytes that are not a well-formed frame.
    pub fn stdin(&mut self) -> &mut ChildStdin {
        self.stdin.as_mut().expect("stdin open")
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        stdin.write_all(body).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, message: &Value) {
        self.send_raw(message.to_string().as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id without waiting.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The next message from the server (answering its requests on the way).
    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        let message = self.incoming.recv_timeout(left).ok()?;
        if message.get("method").is_some() && message.get("id").is_some() {
            let reply = json!({"jsonrpc": "2.0", "id": message["id"], "result": null});
            self.send(&reply);
        }
        Some(message)
    }

    /// The first message (buffered or new) that satisfies `pred`, removed from the inbox.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        self.try_wait_for(TIMEOUT, pred)
            .unwrap_or_else(|| panic!("timed out waiting for {what}; inbox: {:#?}", self.inbox))
    }

    pub fn try_wait_for(
        &mut self,
        timeout: Duration,
        pred: impl Fn(&Value) -> bool,
    ) -> Option<Value> {
        if let Some(i) = self.inbox.iter().position(&pred) {
            return self.inbox.remove(i);
        }
        let deadline = Instant::now() + timeout;
        while let Some(message) = self.receive(deadline) {
            if pred(&message) {
                return Some(message);
            }
            self.inbox.push_back(message);
        }
        None
    }

    /// Waits for the response to request `id`: `Ok(result)` or `Err(error)`.
    pub fn response(&mut self, id: i64) -> Result<Value, Value> {
        let message = self.wait_for(&format!("the response to request {id}"), |m| {
            m.get("method").is_none() && m["id"] == json!(id)
        });
        match message.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(message["result"].clone()),
        }
    }

    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// The code actions the server offers for diagnostic `d` of document `uri`.
    pub fn code_actions(&mut self, uri: &str, d: &Value) -> Vec<Value> {
        let actions = self
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": d["range"],
                       "context": {"diagnostics": [d]}}),
            )
            .unwrap();
        match actions {
            Value::Array(actions) => actions,
            other => panic!("code actions are not a list: {other:#}"),
        }
    }

    pub fn open(&mut self, uri: &str, language: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics of {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Every `window/logMessage` and `window/showMessage` received so far, removed.
    pub fn messages(&mut self, method: &str) -> Vec<Value> {
        let (matching, rest): (VecDeque<Value>, VecDeque<Value>) =
            self.inbox.drain(..).partition(|m| m["method"] == method);
        self.inbox = rest;
        matching.into_iter().collect()
    }

    /// `shutdown`, then `exit`; returns the exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null)
            .expect("shutdown answered");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// The capacity in bytes of the server's stdin and stdout pipes. The reading thread
    /// keeps stdout open for as long as the server writes it.
    #[cfg(target_os = "linux")]
    pub fn pipe_sizes(&self) -> [i32; 2] {
        // SAFETY: F_GETPIPE_SZ only reads the capacity of the pipe open on the descriptor.
        self.pipes
            .map(|fd| unsafe { libc::fcntl(fd, libc::F_GETPIPE_SZ) })
    }

    /// The server's process id (to read its memory use from /proc).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Closes the server's stdin, as a client that goes away without `exit` does.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// Waits up to `timeout` for the server to exit; `None` if it is still running.
    pub fn try_wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// `initialize` params: `utf8` offers the `utf-8` position encoding (the server must then
/// use it); `root` is the workspace folder; `options` are the `initializationOptions`. The
/// client can register file watchers (edit `capabilities.workspace` to say otherwise).
pub fn initialize_params(utf8: bool, root: Option<&std::path::Path>, options: Value) -> Value {
    let encodings = if utf8 {
        json!(["utf-16", "utf-8"])
    } else {
        json!(["utf-16"])
    };
    let root_uri = root.map(|r| format!("file://{}", r.display()));
    let folders = root_uri
        .as_ref()
        .map(|u| json!([{"uri": u, "name": "workspace"}]));
    json!({
        "processId": null,
        "rootUri": root_uri,
        "workspaceFolders": folders,
        "initializationOptions": options,
        "capabilities": {
            "general": {"positionEncodings": encodings},
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
        },
    })
}

impl Drop for LspClient {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// An independent model of LSP positions over a plain `String`: lines end at `\n`, `\r\n`
/// or `\r`; characters are UTF-8 bytes or UTF-16 code units.
pub fn position(text: &str, offset: usize, enc: Enc) -> Value {
    let bytes = text.as_bytes();
    let (mut line, mut line_start, mut i) = (0, 0, 0);
    while i < offset {
        let brk = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if brk > 0 && i + brk <= offset {
            line += 1;
            line_start = i + brk;
            i += brk;
        } else {
            i += 1;
        }
    }
    let column = &text[line_start..offset];
    let character = match enc {
        Enc::Utf8 => column.len(),
        Enc::Utf16 => column.encode_utf16().count(),
    };
    json!({"line": line, "character": character})
}

pub fn range(text: &str, span: std::ops::Range<usize>, enc: Enc) -> Value {
    json!({"start": position(text, span.start, enc), "end": position(text, span.end, enc)})
}

/// The byte offset of an LSP position in the model (the position must be valid).
pub fn offset(text: &str, pos: &Value, enc: Enc) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let character = pos["character"].as_u64().unwrap() as usize;
    let mut start = 0;
    for _ in 0..line {
        let rest = &text[start..];
        let brk = rest.find(['\n', '\r']).expect("line exists");
        start += brk
            + if rest[brk..].starts_with("\r\n") {
                2
            } else {
                1
            };
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + i;
        }
        units += match enc {
            Enc::Utf8 => c.len_utf8(),
            Enc::Utf16 => c.len_utf16(),
        };
    }
    text.len()
}

pub fn file_uri(name: &str) -> String {
    format!("file:///tmp/copydesk-tests/{name}")
}

/// Applies a versioned WorkspaceEdit for `uri` to `text` as the client would: returns the
/// new text and the same edits as one didChange's content changes.
pub fn apply(text: &str, edit: &Value, uri: &str, version: i64, enc: Enc) -> (String, Value) {
    let changes = edit["documentChanges"].as_array().expect("documentChanges");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["textDocument"]["uri"], uri);
    assert_eq!(changes[0]["textDocument"]["version"], version);
    let edits = changes[0]["edits"].as_array().unwrap();
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], enc),
                offset(text, &e["range"]["end"], enc),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut text = text.to_string();
    for (start, end, new_text) in &spans {
        text.replace_range(start..end, new_text);
    }
    // The same edits as one didChange, in the order that keeps their ranges valid.
    let changes: Vec<Value> = edits.to_vec();
    let mut changes = changes;
    changes.sort_by_key(|e| {
        std::cmp::Reverse((
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        ))
    });
    let changes = changes
        .into_iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    (text, Value::Array(changes))
}
