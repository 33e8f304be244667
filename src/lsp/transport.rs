//! Stdio framing that survives bad input.
//!
//! The protocol library stops reading its input for good after the first message it cannot
//! decode (its framed reader ends the stream on a decoder error), so one malformed message
//! from a client would leave the server deaf. This module sits between stdio and the
//! library: it reads `Content-Length` frames itself ([`super::framing`], which recovers after
//! a bad header), answers a frame that is not a JSON-RPC message the library can decode
//! with the JSON-RPC error (`-32700` parse error, `-32600` invalid request) or a warning in
//! the log ([`super::message`]) and passes only decodable messages on. Output frames of the library, these errors and the
//! server's own notifications (see [`Outbox`]) are written whole, one at a time, so they
//! never interleave.
//!
//! It also keeps the ids of the client's requests that have not been answered yet. When the
//! input ends (the client went away without `exit`), it cancels them (`$/cancelRequest`)
//! before closing the library's input: the library would otherwise wait for every pending
//! handler, e.g. one waiting for the analysis of a huge draft, before it lets the process
//! exit, and nobody is left to read the answers.

use super::framing::{Frame, Frames};
use super::message::{error_response, judge, log_warning, Verdict};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

/// The in-process pipes to and from the library hold a long draft's message whole, as the
/// standard input and output pipes do (see [`widen_stdio_pipes`]).
const PIPE_SIZE: usize = 1 << 20;

type Output = Arc<Mutex<Box<dyn AsyncWrite + Send + Unpin>>>;

/// The client's requests passed on and not answered yet, by their id as JSON text.
#[derive(Debug, Default)]
struct Unanswered(std::sync::Mutex<HashMap<String, Value>>);

impl Unanswered {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Value>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn sent(&self, id: &Value) {
        self.lock().insert(id.to_string(), id.clone());
    }

    /// Notes the answer if `body` is a response to one of them.
    fn answered(&self, body: &[u8]) {
        /// Just enough of a message to tell a response from a request; `method` is read
        /// without keeping it.
        #[derive(Deserialize)]
        struct Head {
            id: Option<Value>,
            method: Option<IgnoredAny>,
        }
        let mut unanswered = self.lock();
        if unanswered.is_empty() {
            return;
        }
        if let Ok(Head {
            id: Some(id),
            method: None,
        }) = serde_json::from_slice(body)
        {
            unanswered.remove(&id.to_string());
        }
    }

    fn take(&self) -> Vec<Value> {
        self.lock().drain().map(|(_, id)| id).collect()
    }
}

async fn forward<W: AsyncWrite + Unpin>(to_server: &mut W, body: &[u8]) -> std::io::Result<()> {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    to_server.write_all(header.as_bytes()).await?;
    to_server.write_all(body).await?;
    to_server.flush().await
}

/// Writes notifications the server serialized itself straight to the client.
///
/// Diagnostics of a long draft are a large message: through the library they would be
/// built as a `serde_json::Value` tree, serialized, copied through its output pipe, read
/// back and copied again. Through the outbox they are serialized once, from typed values,
/// and written as one frame.
#[derive(Clone)]
pub struct Outbox(Arc<OutboxTarget>);

struct OutboxTarget {
    out: Output,
    /// `out` is the process's standard output, which a blocking thread may write directly.
    stdout: bool,
    /// The runtime that writes `out` otherwise.
    runtime: tokio::runtime::Handle,
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Outbox")
    }
}

impl Outbox {
    /// Writes one message (a JSON-RPC body) as a frame; a client that is gone is ignored.
    pub async fn send(&self, body: &[u8]) {
        write_frame(&self.0.out, body).await;
    }

    /// [`Outbox::send`] from a thread outside the runtime or a blocking one (never from
    /// async code). Over stdio the frame is written to standard output directly, while
    /// holding the output so that no other frame is half-written meanwhile.
    pub fn send_blocking(&self, body: &[u8]) {
        let out = self.0.out.blocking_lock();
        if self.0.stdout {
            let mut stdout = std::io::stdout().lock();
            // A closed stdout means the client is gone; nothing useful can be done about it.
            let _ = stdout.write_all(&frame(body));
            let _ = stdout.flush();
        } else {
            drop(out);
            self.0.runtime.block_on(self.send(body));
        }
    }
}

/// The two ends to hand to the library, the task that forwards its output (await it after
/// the server has finished, so every response is written before the process exits), and
/// the outbox for the server's own notifications.
pub struct Pipes {
    pub input: DuplexStream,
    pub output: DuplexStream,
    pub flushed: JoinHandle<()>,
    pub outbox: Outbox,
}

/// Starts forwarding `stdin` → library (well-formed messages only) and library → `stdout`.
/// Called within the tokio runtime that serves.
pub fn guard<R, W>(stdin: R, stdout: W) -> Pipes
where
    R: AsyncRead + Send + Unpin + 'static,
    W: AsyncWrite + Send + Unpin + 'static,
{
    let out: Output = Arc::new(Mutex::new(Box::new(stdout)));
    let (input, mut to_server) = tokio::io::duplex(PIPE_SIZE);
    let (output, from_server) = tokio::io::duplex(PIPE_SIZE);

    let outbox = Outbox(Arc::new(OutboxTarget {
        out: out.clone(),
        stdout: false,
        runtime: tokio::runtime::Handle::current(),
    }));
    let errors = out.clone();
    let unanswered = Arc::new(Unanswered::default());
    let requests = unanswered.clone();
    tokio::spawn(async move {
        let mut frames = Frames::new(BufReader::new(stdin));
        while let Some(frame) = frames.next().await {
            let mut body = match frame {
                Frame::Body(body) => body,
                Frame::Bad(why) => {
                    let why = format!("copydesk: a malformed frame: {why}");
                    write_json(&errors, &log_warning(&why)).await;
                    let message = format!("Parse error: {why}");
                    write_json(&errors, &error_response(Value::Null, -32700, &message)).await;
                    continue;
                }
            };
            match judge(&mut body) {
                Verdict::Forward { id, note } => {
                    if let Some(note) = note {
                        write_json(&errors, &log_warning(&note)).await;
                    }
                    if let Some(id) = id {
                        requests.sent(&id);
                    }
                    if forward(&mut to_server, &body).await.is_err() {
                        return; // The server has stopped (after `exit`).
                    }
                }
                Verdict::Answer(response) => write_json(&errors, &response).await,
                Verdict::Drop(why) => write_json(&errors, &log_warning(&why)).await,
            }
        }
        // The client is gone: nobody will read the answers still being worked on.
        for id in requests.take() {
            let cancel =
                json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": id}});
            if forward(&mut to_server, cancel.to_string().as_bytes())
                .await
                .is_err()
            {
                break;
            }
        }
        // Dropping `to_server` tells the library that its input has ended.
    });

    let flushed = tokio::spawn(async move {
        let mut frames = Frames::new(BufReader::new(from_server));
        while let Some(Frame::Body(body)) = frames.next().await {
            unanswered.answered(&body);
            write_frame(&out, &body).await;
        }
    });

    Pipes {
        input,
        output,
        flushed,
        outbox,
    }
}

/// Serves LSP on the process's standard input and output: [`guard`], with an outbox that
/// writes standard output directly.
pub fn guard_stdio() -> Pipes {
    widen_stdio_pipes();
    let mut pipes = guard(tokio::io::stdin(), tokio::io::stdout());
    pipes.outbox = Outbox(Arc::new(OutboxTarget {
        out: pipes.outbox.0.out.clone(),
        stdout: true,
        runtime: pipes.outbox.0.runtime.clone(),
    }));
    pipes
}

/// The capacity asked of the pipes on standard input and output: a 100,000-word draft's
/// `didOpen` (600 KB) and its diagnostics (500 KB) fit whole.
#[cfg(target_os = "linux")]
const STDIO_PIPE_BYTES: [libc::c_int; 2] = [1 << 20, 1 << 18];

/// Enlarges the pipes on standard input and output (Linux). A pipe holds 64 KB by default,
/// so a long draft's message crossed it in ten or more turns between the editor and the
/// server, each a wake-up on both sides. Best effort: on a file or a terminal, or where the
/// system allows only smaller pipes, nothing changes.
fn widen_stdio_pipes() {
    #[cfg(target_os = "linux")]
    for fd in [libc::STDIN_FILENO, libc::STDOUT_FILENO] {
        for bytes in STDIO_PIPE_BYTES {
            // SAFETY: F_SETPIPE_SZ changes only the capacity of the pipe open on `fd`; on
            // any other file, or above the system's limit, it fails and changes nothing.
            if unsafe { libc::fcntl(fd, libc::F_SETPIPE_SZ, bytes) } >= 0 {
                break;
            }
        }
    }
}

/// A message body with its header.
fn frame(body: &[u8]) -> Vec<u8> {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    let mut frame = Vec::with_capacity(header.len() + body.len());
    frame.extend_from_slice(header.as_bytes());
    frame.extend_from_slice(body);
    frame
}

async fn write_json(out: &Output, message: &Value) {
    write_frame(out, message.to_string().as_bytes()).await;
}

async fn write_frame(out: &Output, body: &[u8]) {
    let frame = frame(body);
    let mut out = out.lock().await;
    // A closed stdout means the client is gone; nothing useful can be done about it.
    let _ = out.write_all(&frame).await;
    let _ = out.flush().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// Reads the frames the library would receive until its input ends.
    async fn forwarded(pipes: Pipes) -> Vec<Value> {
        let mut frames = Frames::new(BufReader::new(pipes.input));
        let mut bodies = Vec::new();
        while let Some(Frame::Body(body)) = frames.next().await {
            bodies.push(serde_json::from_slice(&body).unwrap());
        }
        bodies
    }

    #[tokio::test]
    async fn cancels_unanswered_requests_when_the_input_ends() {
        let mut input = frame(r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}"#);
        input.extend(frame(r#"{"jsonrpc":"2.0","id":"b","method":"shutdown"}"#));
        input.extend(frame(
            r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        ));
        let pipes = guard(std::io::Cursor::new(input), tokio::io::sink());
        let bodies = forwarded(pipes).await;
        assert_eq!(bodies.len(), 5, "{bodies:?}");
        let mut cancelled: Vec<Value> = bodies[3..]
            .iter()
            .map(|b| {
                assert_eq!(b["method"], "$/cancelRequest");
                b["params"]["id"].clone()
            })
            .collect();
        cancelled.sort_by_key(|id| id.to_string());
        assert_eq!(cancelled, [json!("b"), json!(1)]);
    }

    #[test]
    fn answered_requests_are_not_cancelled() {
        let unanswered = Unanswered::default();
        unanswered.sent(&json!(7));
        unanswered.sent(&json!("7"));
        unanswered.answered(br#"{"jsonrpc":"2.0","id":7,"result":null}"#);
        // A request from the server with the same id is not an answer.
        unanswered.answered(br#"{"jsonrpc":"2.0","id":"7","method":"workspace/configuration"}"#);
        assert_eq!(unanswered.take(), [json!("7")]);
    }

    #[tokio::test]
    async fn the_outbox_writes_whole_frames_from_a_thread_outside_the_runtime() {
        let (stdout, client) = tokio::io::duplex(PIPE_SIZE);
        let pipes = guard(tokio::io::empty(), stdout);
        let outbox = pipes.outbox.clone();
        let body = br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics"}"#;
        std::thread::spawn(move || outbox.send_blocking(body))
            .join()
            .unwrap();
        let mut frames = Frames::new(BufReader::new(client));
        assert_eq!(frames.next().await, Some(Frame::Body(body.to_vec())));
    }
}
