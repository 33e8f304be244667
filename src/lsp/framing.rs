//! Reading `Content-Length` frames from a byte stream that may be corrupt or hostile.
//!
//! A frame whose header cannot be used (no length, a length that is not a number, a
//! header line without end) leaves its body in the stream, and reading the next header
//! from there would read the body as headers, and every message after it out of step:
//! the server would go deaf. So after a bad header the reader scans forward to the next
//! `Content-Length:` and starts again there. Memory stays bounded whatever arrives: a
//! header line is kept only up to [`MAX_HEADER_LINE`] bytes, and a body longer than
//! [`MAX_FRAME`] is skipped by its length (or up to the next header found inside it, for a
//! length that was wrong rather than long) instead of being buffered.

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt};

/// The largest message body accepted: a 50 MB draft's `didOpen` is about 55 MB of JSON.
pub const MAX_FRAME: u64 = 256 * 1024 * 1024;

/// The longest header line kept; real ones are under 100 bytes.
pub const MAX_HEADER_LINE: usize = 8 * 1024;

/// The header name frames start with, which the reader scans for after a bad header.
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// One frame read from the stream.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A message body (not yet known to be JSON).
    Body(Vec<u8>),
    /// A frame that could not be read, with why; the reader has moved past it (or will
    /// scan past it on the next call).
    Bad(String),
}

/// Frames read from `reader`, recovering after bad ones.
pub struct Frames<R> {
    reader: R,
    /// What to skip before reading the next header.
    skip: Skip,
    /// The next header's `Content-Length:` was consumed by the scan that found it.
    resumed: bool,
    /// The largest body read ([`MAX_FRAME`]; smaller in tests).
    max_frame: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skip {
    Nothing,
    /// Everything up to the next `Content-Length:`.
    ToHeader,
    /// This many bytes (an over-long body), or up to a `Content-Length:` among them.
    Body(u64),
}

/// One header line, read with its length capped.
enum Line {
    Text(Vec<u8>),
    TooLong,
    End,
}

/// How a scan for the next header ended.
enum Scan {
    Found,
    /// The byte budget was spent first.
    Spent,
    End,
}

impl<R: AsyncBufRead + Unpin> Frames<R> {
    pub fn new(reader: R) -> Frames<R> {
        Frames::with_limit(reader, MAX_FRAME)
    }

    /// Frames whose bodies may be at most `max_frame` bytes long.
    pub fn with_limit(reader: R, max_frame: u64) -> Frames<R> {
        Frames {
            reader,
            skip: Skip::Nothing,
            resumed: false,
            max_frame,
        }
    }

    /// The next frame; `None` at the end of the input (or when it cannot be read).
    pub async fn next(&mut self) -> Option<Frame> {
        match std::mem::replace(&mut self.skip, Skip::Nothing) {
            Skip::Nothing => {}
            Skip::ToHeader => match self.scan(u64::MAX).await {
                Scan::Found => self.resumed = true,
                Scan::Spent | Scan::End => return None,
            },
            Skip::Body(length) => match self.scan(length).await {
                Scan::Found => self.resumed = true,
                Scan::Spent => {}
                Scan::End => return None,
            },
        }
        let length = match self.header().await? {
            Ok(length) => length,
            Err(problem) => {
                self.skip = Skip::ToHeader;
                return Some(Frame::Bad(format!(
                    "{problem}; skipped to the next Content-Length header"
                )));
            }
        };
        if length > self.max_frame {
            self.skip = Skip::Body(length);
            return Some(Frame::Bad(format!(
                "a message of {length} bytes is larger than the limit of {} bytes; skipped",
                self.max_frame
            )));
        }
        // Grown as the bytes arrive: a header may announce far more than is ever sent.
        let mut body = Vec::with_capacity(length.min(1 << 20) as usize);
        let read = (&mut self.reader)
            .take(length)
            .read_to_end(&mut body)
            .await
            .ok()?;
        (read as u64 == length).then_some(Frame::Body(body))
    }

    /// Reads a header block: `Ok(length)`, or `Err(problem)` as soon as it is unusable.
    /// `None` at the end of the input.
    async fn header(&mut self) -> Option<Result<u64, String>> {
        let mut length = None;
        let mut saw_header = false;
        if std::mem::take(&mut self.resumed) {
            match self.resumed_length().await? {
                Ok(n) => {
                    length = Some(n);
                    saw_header = true;
                }
                Err(problem) => return Some(Err(problem)),
            }
        }
        loop {
            let line = match self.line().await {
                Line::Text(line) => line,
                Line::TooLong => {
                    return Some(Err(format!(
                        "a header line longer than {MAX_HEADER_LINE} bytes"
                    )))
                }
                Line::End => return None,
            };
            let line = String::from_utf8_lossy(&line);
            let line = line.trim();
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue; // Stray blank lines between frames.
            }
            saw_header = true;
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    match value.trim().parse::<u64>() {
                        Ok(n) => length = Some(n),
                        Err(_) => {
                            let shown: String = value.trim().chars().take(40).collect();
                            return Some(Err(format!("an unusable Content-Length {shown:?}")));
                        }
                    }
                }
            }
        }
        Some(length.ok_or_else(|| "a frame without a Content-Length header".to_string()))
    }

    /// The value of a `Content-Length:` the scan found: digits between blanks, then the
    /// line's end, which is consumed. The scan may have found the name inside a message
    /// body (a draft about HTTP): there the value is followed by something else on the same
    /// line, and only the blanks and digits before it are consumed, so that the next scan
    /// starts there and cannot miss a real header later on that line.
    async fn resumed_length(&mut self) -> Option<Result<u64, String>> {
        let mut digits = String::new();
        let mut ended = false; // A blank or CR after the digits.
        loop {
            let buf = self.reader.fill_buf().await.ok()?;
            let &byte = buf.first()?;
            match byte {
                b'0'..=b'9' if !ended && digits.len() < 20 => digits.push(char::from(byte)),
                b' ' | b'\t' if digits.is_empty() => {}
                b' ' | b'\t' | b'\r' if !digits.is_empty() => ended = true,
                b'\n' if !digits.is_empty() => {
                    self.reader.consume(1);
                    return Some(
                        digits
                            .parse()
                            .map_err(|_| format!("an unusable Content-Length {digits:?}")),
                    );
                }
                _ => {
                    return Some(Err(format!(
                        "a Content-Length {digits:?} followed by something else on its line"
                    )))
                }
            }
            self.reader.consume(1);
        }
    }

    /// One line, up to and including its `\n`; a line over [`MAX_HEADER_LINE`] bytes is
    /// [`Line::TooLong`] as soon as that many bytes have come, the rest left unread.
    async fn line(&mut self) -> Line {
        let mut line = Vec::new();
        loop {
            let Ok(buf) = self.reader.fill_buf().await else {
                return Line::End;
            };
            if buf.is_empty() {
                return Line::End; // A partial line at the end has no body after it.
            }
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(at) => (at + 1, true),
                None => (buf.len(), false),
            };
            let room = MAX_HEADER_LINE + 1 - line.len();
            if take > room {
                self.reader.consume(room);
                return Line::TooLong;
            }
            line.extend_from_slice(&buf[..take]);
            self.reader.consume(take);
            if done {
                return Line::Text(line);
            }
        }
    }

    /// Discards input up to and including the next `Content-Length:` (ASCII case ignored),
    /// reading at most `budget` bytes.
    async fn scan(&mut self, mut budget: u64) -> Scan {
        let mut matched = 0;
        while budget > 0 {
            let Ok(buf) = self.reader.fill_buf().await else {
                return Scan::End;
            };
            if buf.is_empty() {
                return Scan::End;
            }
            let len = buf.len().min(usize::try_from(budget).unwrap_or(usize::MAX));
            let mut found = None;
            for (i, &b) in buf[..len].iter().enumerate() {
                let b = b.to_ascii_lowercase();
                if b == CONTENT_LENGTH[matched] {
                    matched += 1;
                } else {
                    // No proper prefix of the name is also its suffix: a mismatch starts
                    // again, with this byte as a possible first one.
                    matched = usize::from(b == CONTENT_LENGTH[0]);
                }
                if matched == CONTENT_LENGTH.len() {
                    found = Some(i + 1);
                    break;
                }
            }
            let used = found.unwrap_or(len);
            self.reader.consume(used);
            budget -= used as u64;
            if found.is_some() {
                return Scan::Found;
            }
        }
        Scan::Spent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    async fn read_all(input: &[u8]) -> Vec<Frame> {
        let mut frames = Frames::new(tokio::io::BufReader::new(input));
        let mut out = Vec::new();
        while let Some(frame) = frames.next().await {
            out.push(frame);
        }
        out
    }

    fn bodies(frames: &[Frame]) -> Vec<&[u8]> {
        frames
            .iter()
            .filter_map(|f| match f {
                Frame::Body(b) => Some(&b[..]),
                Frame::Bad(_) => None,
            })
            .collect()
    }

    fn bad(frames: &[Frame]) -> usize {
        frames.iter().filter(|f| matches!(f, Frame::Bad(_))).count()
    }

    #[tokio::test]
    async fn reads_frames_and_skips_bad_headers() {
        let input =
            b"Content-Length: 2\r\n\r\n{}\r\nX-Junk: 1\r\n\r\nContent-Length: 4\r\n\r\nnull";
        let frames = read_all(input).await;
        assert_eq!(bodies(&frames), [&b"{}"[..], b"null"]);
        assert_eq!(bad(&frames), 1);
    }

    #[tokio::test]
    async fn a_bad_length_leaves_no_body_behind() {
        for header in [
            "Content-Length: abc",
            "content-length: -3",
            "Content-Length: 99999999999999999999999",
            "Content-Type: x",
        ] {
            let mut input = format!("{header}\r\n\r\n{{\"a\": \"b\"}}").into_bytes();
            input.extend(frame("[1]"));
            let frames = read_all(&input).await;
            assert_eq!(bodies(&frames), [&b"[1]"[..]], "{header}");
            assert_eq!(bad(&frames), 1, "{header}");
        }
        // The next header directly after the body, with no line break between them.
        let mut input = b"Content-Length: x\r\n\r\n{}".to_vec();
        input.extend(frame("[2]"));
        assert_eq!(bodies(&read_all(&input).await), [&b"[2]"[..]]);
    }

    #[tokio::test]
    async fn a_length_named_inside_a_skipped_body_does_not_hide_the_next_frame() {
        // After a bad header the reader scans for the next `Content-Length:`, and finds it
        // first inside the skipped body's text, with the real next frame on the same line.
        let mut input = b"Content-Length: x\r\n\r\n".to_vec();
        input.extend(br#"{"text": "Content-Length: 99999\r\n\r\n"}"#);
        input.extend(frame("[6]"));
        assert_eq!(bodies(&read_all(&input).await), [&b"[6]"[..]]);
        // A found header with blanks and a CR around its value is read as usual.
        let input = b"X: y\r\n\r\nContent-Length: \t7 \r\nContent-Type: z\r\n\r\n[7,8,9]";
        assert_eq!(bodies(&read_all(input).await), [&b"[7,8,9]"[..]]);
    }

    #[tokio::test]
    async fn an_endless_header_line_is_cut_and_the_next_frame_read() {
        let mut input = vec![b'x'; 3 * MAX_HEADER_LINE];
        input.extend(frame("[3]"));
        let frames = read_all(&input).await;
        assert_eq!(bodies(&frames), [&b"[3]"[..]]);
        assert_eq!(bad(&frames), 1);
        // No line break at all before the end: nothing is kept, nothing comes out but the
        // one complaint.
        let frames = read_all(&vec![b'y'; 100_000]).await;
        assert_eq!(frames.len(), 1);
    }

    #[tokio::test]
    async fn an_over_long_body_is_skipped_by_its_length() {
        let skipped = MAX_FRAME + 10;
        let mut input = format!("Content-Length: {skipped}\r\n\r\n").into_bytes();
        // A body that is really that long would take too much memory here: a wrong length
        // is stopped at the next header instead.
        input.extend(b"{\"short\": true}");
        input.extend(frame("[4]"));
        let frames = read_all(&input).await;
        assert_eq!(bodies(&frames), [&b"[4]"[..]]);
        assert!(matches!(&frames[0], Frame::Bad(why) if why.contains("larger than the limit")));

        // A body over the limit that is really as long as it says is skipped whole.
        let mut input = frame(&format!("[\"{}\"]", "z".repeat(200)));
        input.extend(frame("[5]"));
        let mut frames = Frames::with_limit(tokio::io::BufReader::new(&input[..]), 100);
        assert!(matches!(frames.next().await, Some(Frame::Bad(_))));
        assert_eq!(frames.next().await, Some(Frame::Body(b"[5]".to_vec())));
        assert_eq!(frames.next().await, None);
    }

    #[tokio::test]
    async fn a_body_cut_short_by_the_end_of_input_is_not_a_frame() {
        assert!(read_all(b"Content-Length: 10\r\n\r\nabc").await.is_empty());
    }
}
