//! Reading one source's text into words and turns: who speaks (a speaker label), when (a
//! timestamp) and from which line. Transcripts come in a few shapes, told apart by the
//! file's extension and its lines:
//!
//! - notes and transcripts (`.txt`, `.md`): paragraphs; a turn opens at a speaker label,
//!   either a line of its own ending in a time, as recorder apps export (`Elena Vasquez
//!   0:01`), or a label before a colon (`VASQUEZ: We will…`, `Q:`); a `[00:01:23]` at a
//!   line's start is a timestamp;
//! - subtitles (`.vtt`, `.srt`): one turn per cue, timed by the cue's start, with the
//!   speaker of a WebVTT voice tag (`<v Vasquez>`) or a label before a colon.

use super::words::{words_in, Word};
use regex::Regex;
use std::sync::LazyLock;

/// A stretch of a source spoken by one speaker (or by no one known): a turn of an
/// interview, a subtitle cue, a paragraph of notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub speaker: Option<String>,
    /// As the source writes it (`0:01`, `00:01:23.500`).
    pub timestamp: Option<String>,
}

/// A source's words and turns: `turn_of[i]` is the turn of `words[i]`.
#[derive(Debug, Default)]
pub struct Read {
    pub words: Vec<Word>,
    pub turn_of: Vec<u32>,
    pub turns: Vec<Turn>,
}

/// How a source's text is laid out, from its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Notes and transcripts: `.txt`, `.md` and anything else read as text.
    Text,
    /// Subtitles: `.vtt` and `.srt`.
    Subtitles,
}

impl Layout {
    pub fn from_name(name: &str) -> Layout {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".vtt") || lower.ends_with(".srt") {
            Layout::Subtitles
        } else {
            Layout::Text
        }
    }
}

static TIME: &str = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?";

/// `Elena Vasquez  0:01`, `Speaker 1 (00:01:23)`: a recorder app's label line.
static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*([\p{{Lu}}][\p{{L}}.'’\-]*(?:\s[\p{{Lu}}][\p{{L}}.'’\-]*){{0,3}}(?:\s\d{{1,2}})?)\s+[(\[]?({TIME})[)\]]?\s*$"
    ))
    .expect("label line pattern")
});

/// `VASQUEZ: …`, `Elena Vasquez: …`, `**Q:** …`: a label before a colon.
static COLON_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s*_>#-]*([\p{Lu}][\p{L}.'’\-]*(?:\s+[\p{Lu}\d][\p{L}\d.'’\-]*){0,3})[*_]*:[*_]*(?:\s|$)")
        .expect("colon label pattern")
});

/// `[00:01:23]` or `(0:01)` opening a line.
static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*[\[(]({TIME})[\])]\s*")).expect("leading time pattern")
});

/// `00:00:01.000 --> 00:00:04.000`, the timing line of a subtitle cue.
static CUE_TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*((?:\d+:)?{TIME})\s*-->")).expect("cue timing pattern")
});

/// `<v Elena Vasquez>` (WebVTT's voice tag).
static VOICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<v(?:\.[^ >]*)?\s+([^>]+)>").expect("voice pattern"));

/// Reads `text` laid out as `layout`.
pub fn read(text: &str, layout: Layout) -> Read {
    let mut reader = Reader {
        text,
        out: Read::default(),
        current: None,
    };
    match layout {
        Layout::Text => reader.text_lines(),
        Layout::Subtitles => reader.cues(),
    }
    reader.out
}

/// Each line's start and its text without the line end.
fn lines_of(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n')
        .map(|line| {
            let start = at;
            at += line.len();
            (start, line.trim_end_matches(['\n', '\r']))
        })
        .collect()
}

struct Reader<'a> {
    text: &'a str,
    out: Read,
    /// The turn words are added to; `None` until one opens.
    current: Option<u32>,
}

impl Reader<'_> {
    fn open(&mut self, speaker: Option<String>, timestamp: Option<String>) {
        self.out.turns.push(Turn { speaker, timestamp });
        self.current = Some(self.out.turns.len() as u32 - 1);
    }

    fn turn(&mut self) -> u32 {
        match self.current {
            Some(t) => t,
            None => {
                self.open(None, None);
                self.out.turns.len() as u32 - 1
            }
        }
    }

    fn add_words(&mut self, range: std::ops::Range<usize>) {
        let before = self.out.words.len();
        words_in(self.text, range, &mut self.out.words);
        let added = self.out.words.len() - before;
        if added > 0 {
            let turn = self.turn();
            self.out.turn_of.extend(std::iter::repeat_n(turn, added));
        }
    }

    fn text_lines(&mut self) {
        let lines = lines_of(self.text);
        let mut blank_before = true;
        for (start, line) in lines {
            if line.trim().is_empty() {
                blank_before = true;
                continue;
            }
            if let Some(c) = LABEL_LINE.captures(line) {
                let speaker = c.get(1).map(|m| m.as_str().trim().to_string());
                let time = c.get(2).map(|m| m.as_str().to_string());
                self.open(speaker, time);
                blank_before = false;
                continue;
            }
            let mut from = 0;
            let mut timestamp = None;
            if let Some(c) = LEADING_TIME.captures(line) {
                timestamp = c.get(1).map(|m| m.as_str().to_string());
                from = c.get(0).map_or(0, |m| m.end());
            }
            if let Some(c) = COLON_LABEL.captures(&line[from..]) {
                let label = c.get(1).map_or("", |m| m.as_str());
                self.open(Some(label.to_string()), timestamp);
                from += c.get(0).map_or(0, |m| m.end());
            } else if timestamp.is_some() {
                // A timed line goes on with the speaker before it.
                let speaker = self.current_speaker();
                self.open(speaker, timestamp);
            } else if blank_before && self.current_speaker().is_none() {
                // A paragraph of unlabelled notes.
                self.open(None, None);
            }
            blank_before = false;
            self.add_words(start + from..start + line.len());
        }
    }

    fn current_speaker(&self) -> Option<String> {
        let t = self.current?;
        self.out.turns.get(t as usize)?.speaker.clone()
    }

    fn cues(&mut self) {
        let lines = lines_of(self.text);
        let mut in_cue = false;
        for (start, line) in lines {
            if line.trim().is_empty() {
                in_cue = false;
                continue;
            }
            if let Some(c) = CUE_TIMING.captures(line) {
                let time = c.get(1).map(|m| m.as_str().to_string());
                self.open(None, time);
                in_cue = true;
                continue;
            }
            if !in_cue {
                // A cue's number, `WEBVTT`, a NOTE or STYLE block.
                continue;
            }
            self.cue_text(start, line);
        }
    }

    /// A line of a cue's text: a voice tag or a label names the speaker; other tags
    /// (`<i>`, `<c.loud>`, `{\an8}`) are left out of the words.
    fn cue_text(&mut self, start: usize, line: &str) {
        let mut speaker = VOICE
            .captures(line)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim().to_string());
        let mut from = 0;
        if speaker.is_none() {
            if let Some(c) = COLON_LABEL.captures(line) {
                speaker = c.get(1).map(|m| m.as_str().to_string());
                from = c.get(0).map_or(0, |m| m.end());
            }
        }
        if let (Some(speaker), Some(t)) = (speaker, self.current) {
            if let Some(turn) = self.out.turns.get_mut(t as usize) {
                turn.speaker = Some(speaker);
            }
        }
        let mut at = from;
        let bytes = line.as_bytes();
        while at < bytes.len() {
            let close = match bytes[at] {
                b'<' => Some('>'),
                b'{' => Some('}'),
                _ => None,
            };
            let Some(close) = close else {
                let next = line[at..].find(['<', '{']).map_or(line.len(), |n| at + n);
                self.add_words(start + at..start + next);
                at = next;
                continue;
            };
            at = line[at..].find(close).map_or(line.len(), |n| at + n + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turns_of(text: &str, layout: Layout) -> Vec<(String, Option<String>, Option<String>)> {
        let read = read(text, layout);
        let mut out: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        for (w, &t) in read.words.iter().zip(&read.turn_of) {
            let turn = &read.turns[t as usize];
            match out.last_mut() {
                Some(last) if last.1 == turn.speaker && last.2 == turn.timestamp => {
                    last.0.push(' ');
                    last.0.push_str(&w.norm);
                }
                _ => out.push((w.norm.clone(), turn.speaker.clone(), turn.timestamp.clone())),
            }
        }
        out
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn recorder_app_labels_open_turns_with_their_time() {
        let text =
            "Elena Vasquez  0:01\nWe will not close the library.\n\nSpeaker 2  0:14\nWhy not?\n";
        assert_eq!(
            turns_of(text, Layout::Text),
            [
                (
                    "we will not close the library".to_string(),
                    s("Elena Vasquez"),
                    s("0:01")
                ),
                ("why not".to_string(), s("Speaker 2"), s("0:14")),
            ]
        );
    }

    #[test]
    fn colon_labels_and_leading_times() {
        let text =
            "VASQUEZ: We will not.\nIt stays open.\n\n[00:02:10] HALE: It closes.\n**Q:** Why?\n";
        assert_eq!(
            turns_of(text, Layout::Text),
            [
                ("we will not it stays open".to_string(), s("VASQUEZ"), None),
                ("it closes".to_string(), s("HALE"), s("00:02:10")),
                ("why".to_string(), s("Q"), None),
            ]
        );
    }

    #[test]
    fn subtitles_keep_cue_times_and_voices() {
        let vtt = "WEBVTT\n\nNOTE a comment here\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Elena Vasquez>We will <i>not</i> close\n\n00:00:04.000 --> 00:00:06.000\nthe library.\n";
        assert_eq!(
            turns_of(vtt, Layout::Subtitles),
            [
                (
                    "we will not close".to_string(),
                    s("Elena Vasquez"),
                    s("00:00:01.000")
                ),
                ("the library".to_string(), None, s("00:00:04.000")),
            ]
        );
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nHALE: It closes\n\n2\n00:00:04,500 --> 00:00:05,000\n{\\an8}today.\n";
        assert_eq!(
            turns_of(srt, Layout::Subtitles),
            [
                ("it closes".to_string(), s("HALE"), s("00:00:01,000")),
                ("today".to_string(), None, s("00:00:04,500")),
            ]
        );
    }

    #[test]
    fn anything_reads_without_panicking() {
        for text in [
            "",
            "\n\n",
            "<",
            "{",
            "<v",
            "00:00 -->",
            "A:",
            "\u{0}\u{1}ÿ",
            "Ab  1:00\n",
        ] {
            read(text, Layout::Text);
            read(text, Layout::Subtitles);
        }
    }
}
