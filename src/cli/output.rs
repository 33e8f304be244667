//! Standard output for reports: buffered, and quiet when the reader goes away (`| head`)
//! instead of panicking as `println!` would.

use std::io::{IsTerminal, Write};

pub struct Output {
    out: std::io::BufWriter<std::io::Stdout>,
    closed: bool,
}

impl Output {
    pub fn new() -> Output {
        Output {
            out: std::io::BufWriter::new(std::io::stdout()),
            closed: false,
        }
    }

    /// Writes `text`; after the first failure (a closed pipe) further output is dropped.
    pub fn write(&mut self, text: &str) {
        if !self.closed && self.out.write_all(text.as_bytes()).is_err() {
            self.closed = true;
        }
    }

    /// Writes `value` as pretty-printed JSON with a final newline, straight into the
    /// buffer: a long draft's report is never held whole as one string.
    pub fn write_json(&mut self, value: &impl serde::Serialize) {
        if !self.closed && serde_json::to_writer_pretty(&mut self.out, value).is_err() {
            self.closed = true;
        }
        self.write("\n");
    }

    pub fn flush(&mut self) {
        if !self.closed && self.out.flush().is_err() {
            self.closed = true;
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        self.flush();
    }
}

/// Whether human output should be coloured: only on a terminal, and never when `NO_COLOR`
/// is set to a non-empty value (https://no-color.org).
pub fn use_color() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}
