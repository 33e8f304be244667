//! What the fuzz targets do with an input, kept apart from `libfuzzer-sys` so that
//! tests/fuzz_corpus.rs can replay the committed corpora through exactly the same code on
//! the stable toolchain (it includes this file as a module).
//!
//! - [`analyze`]: any bytes, read as (lossy) UTF-8, through the whole analysis in both
//!   formats, the checks, hover cards, the JSON reports and every LSP answer built from an
//!   analysis; every span must lie on character boundaries of the text.
//! - [`edits`]: a sequence of `didChange` notifications with arbitrary (often out-of-range)
//!   UTF-8 or UTF-16 ranges, applied to the server's document store and to a plain `String`
//!   model that resolves positions independently; both texts, the clamping reports and
//!   the offset ↔ position conversions must agree.
//! - [`stdio`]: raw bytes on the server's standard input, through its framing and message
//!   checks; nothing the protocol library cannot decode may reach it, and a well-formed
//!   request after the bytes must.

use copydesk::analysis::hover::hover_at;
use copydesk::checks::Finding;
use copydesk::config::Config;
use copydesk::lsp::documents::{Analyzed, Documents, EditProblem};
use copydesk::lsp::positions::{self, Encoding};
use copydesk::lsp::{actions, convert, sheet, symbols};
use copydesk::{Analysis, Format, Span};
use ropey::Rope;
use std::sync::OnceLock;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

/// A house style list, so that the style checks and their fixes run too.
const HOUSE_STYLE: &str = r#"
[attribution]
verbs = ["quipped"]
sources = ["per the filing"]

[[people]]
name = "Sergey Rudskoi"
aliases = ["Rudskoi"]
wrong = ["Rudskoy", "Rudskoj"]
role = "Lieutenant-General"

[[places]]
name = "Kyiv"
wrong = ["Kiev"]

[[organizations]]
name = "Київміськрада"
wrong = ["Kyivmiskrada"]
"#;

fn house_style() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config::from_toml(HOUSE_STYLE).expect("the house style parses"))
}

fn uri() -> Uri {
    "file:///fuzz/draft.md".parse().expect("a valid URI")
}

/// What one input exercised, so that a replay of a corpus can show it was not vacuous.
#[derive(Debug, Default, Clone, Copy)]
pub struct Exercised {
    /// `analyze`: findings and hover cards compared; `edits`: changes applied.
    pub compared: usize,
    /// `analyze`: fixes checked; `edits`: changes whose range had to be clamped.
    pub special: usize,
}

/// The `analyze` target: Markdown with a house style list, plain text with the defaults.
pub fn analyze(data: &[u8]) -> Exercised {
    let text = String::from_utf8_lossy(data);
    let a = analyze_one(&text, Format::Markdown, house_style());
    let b = analyze_one(&text, Format::Plain, &Config::default());
    Exercised {
        compared: a.compared + b.compared,
        special: a.special + b.special,
    }
}

fn analyze_one(text: &str, format: Format, config: &Config) -> Exercised {
    let checked = copydesk::check(text, format, config);
    let analysis = &checked.analysis;
    assert_eq!(analysis.draft.text, text);
    assert_eq!(analysis.draft.prose.len(), text.len(), "the prose mask");
    check_spans(text, analysis, &checked.findings);
    assert_eq!(
        copydesk::checks::run(analysis, config),
        checked.findings,
        "the checks are a function of the analysis"
    );

    // The JSON reports of `check` and `entities`.
    let findings = copydesk::report::findings_file("draft", &checked);
    let entities = copydesk::report::entities_report("draft", analysis);
    serde_json::to_string(&copydesk::report::Document::new(vec![findings])).expect("json");
    serde_json::to_string(&copydesk::report::Document::new(vec![entities])).expect("json");

    let offsets = probe_offsets(text, analysis, &checked.findings);
    let hovers: Vec<_> = offsets.iter().map(|&at| hover_at(analysis, at)).collect();
    for card in hovers.iter().flatten() {
        assert_span(text, &card.span, "hover card");
        assert!(!card.markdown.is_empty(), "an empty hover card");
    }

    // Everything the language server builds from an analysis, in both encodings.
    let analyzed = Analyzed {
        generation: 1,
        version: 1,
        rope: Rope::from_str(text),
        analysis: checked.analysis,
        findings: checked.findings,
        evidence: checked.evidence,
    };
    let uri = uri();
    let starts = line_starts(text);
    for enc in [Encoding::Utf16, Encoding::Utf8] {
        let diagnostics = convert::diagnostics(&uri, &analyzed, enc);
        assert_eq!(diagnostics.len(), analyzed.findings.len());
        for (d, f) in diagnostics.iter().zip(&analyzed.findings) {
            assert_eq!(
                d.range,
                expected_range(text, &starts, &f.span, enc),
                "{f:?}"
            );
        }
        symbols::document_symbols(&analyzed, enc);
        actions::code_actions(&uri, &analyzed, 0..text.len(), enc);
        for (i, (&at, card)) in offsets.iter().zip(&hovers).enumerate() {
            if let Some(card) = card {
                let hover = convert::hover(&analyzed, card, enc);
                assert_eq!(
                    hover.range,
                    Some(expected_range(text, &starts, &card.span, enc))
                );
            }
            if i >= 12 {
                continue; // The answers below cost more; a few offsets are enough.
            }
            actions::code_actions(&uri, &analyzed, at..at, enc);
            symbols::definition(&uri, &analyzed, at, enc);
            symbols::references(&uri, &analyzed, at, enc);
            if let Some(span) = symbols::rename_target(&analyzed, at) {
                assert_span(text, &span, "rename target");
                symbols::rename(&analyzed, at, "Zoë Müller-😀", enc);
            }
        }
    }
    for hint in copydesk::analysis::attribution::inlay_hints(&analyzed.analysis) {
        assert!(
            text.is_char_boundary(hint.offset),
            "inlay hint at {}",
            hint.offset
        );
    }
    sheet::source_sheet("/fuzz/draft.md", &analyzed.analysis);
    sheet::status(&analyzed.analysis, &analyzed.findings, analyzed.version);
    let findings = &analyzed.findings;
    Exercised {
        compared: findings.len() + hovers.iter().flatten().count(),
        special: findings.iter().map(|f| f.fixes.len()).sum(),
    }
}

/// Where to ask for hover cards and actions: the ends and middle of the text and the
/// starts of findings, mentions, quotes, dates and numbers (a bounded number of them).
fn probe_offsets(text: &str, analysis: &Analysis, findings: &[Finding]) -> Vec<usize> {
    let mut at = vec![0, text.len(), text.len() / 2];
    at.extend(findings.iter().map(|f| f.span.start));
    at.extend(
        analysis
            .entities
            .iter()
            .flat_map(|e| e.mentions.first())
            .map(|m| m.span.start + 1),
    );
    at.extend(analysis.draft.quotes.iter().map(|q| q.inner.start));
    at.extend(analysis.dates.iter().map(|d| d.span.start));
    at.extend(
        analysis
            .numbers
            .iter()
            .map(|n| n.span.end.saturating_sub(1)),
    );
    at.truncate(48);
    for offset in &mut at {
        *offset = floor_boundary(text, *offset);
    }
    at
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn assert_span(text: &str, span: &Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what}: span {span:?} is not a range of char boundaries of a text of {} bytes",
        text.len()
    );
}

/// Every span the analysis and the checks hand out lies on character boundaries of the
/// text.
fn check_spans(text: &str, analysis: &Analysis, findings: &[Finding]) {
    let draft = &analysis.draft;
    for p in &draft.paragraphs {
        assert_span(text, &p.span, "paragraph");
    }
    for s in &draft.sentences {
        assert_span(text, &s.span, "sentence");
    }
    for q in &draft.quotes {
        assert_span(text, &q.span, "quote");
        assert_span(text, &q.inner, "quote inner");
        assert_span(text, &q.open_mark, "quote open mark");
        if let Some(close) = &q.close_mark {
            assert_span(text, close, "quote close mark");
        }
    }
    for s in &draft.stray_closers {
        assert_span(text, s, "stray closer");
    }
    if let Some(dateline) = &draft.dateline {
        assert_span(text, &dateline.span, "dateline");
        assert_span(text, &dateline.place_span, "dateline place");
    }
    assert_eq!(analysis.attributions.len(), draft.quotes.len());
    for e in &analysis.entities {
        for m in &e.mentions {
            assert_span(text, &m.span, "mention");
        }
    }
    for d in &analysis.dates {
        assert_span(text, &d.span, "date");
    }
    for n in &analysis.numbers {
        assert_span(text, &n.span, "number claim");
        assert_span(text, &n.number, "number");
    }
    for f in findings {
        assert_span(text, &f.span, f.code.as_str());
        for r in f.related.iter().filter(|r| r.path.is_none()) {
            assert_span(text, &r.span, "related location");
        }
        for fix in &f.fixes {
            let mut edits: Vec<&Span> = fix.edits.iter().map(|e| &e.span).collect();
            for span in &edits {
                assert_span(text, span, "fix edit");
            }
            edits.sort_by_key(|s| (s.start, s.end));
            assert!(
                edits.windows(2).all(|w| w[0].end <= w[1].start),
                "overlapping edits in the fix {fix:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// The position model: an independent reading of the protocol's positions over a String.

/// Byte offsets where each line starts; lines end at `\n`, `\r\n` or `\r`.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 2;
            }
            b'\r' | b'\n' => {
                starts.push(i + 1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    starts
}

fn units(c: char, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16 => c.len_utf16(),
    }
}

/// The byte offset of a position and whether it had to be clamped: past the end of a line
/// → the end of its content; past the last line → the end of the text; inside a
/// character → the start of that character.
fn model_offset(text: &str, pos: Position, enc: Encoding) -> (usize, bool) {
    let starts = line_starts(text);
    let line = pos.line as usize;
    let Some(&start) = starts.get(line) else {
        return (text.len(), true);
    };
    let content_end = match starts.get(line + 1) {
        Some(&next) if text[..next].ends_with("\r\n") => next - 2,
        Some(&next) => next - 1,
        None => text.len(),
    };
    let wanted = pos.character as usize;
    let mut counted = 0;
    for (i, c) in text[start..content_end].char_indices() {
        if counted == wanted {
            return (start + i, false);
        }
        if counted + units(c, enc) > wanted {
            return (start + i, true);
        }
        counted += units(c, enc);
    }
    (content_end, counted != wanted)
}

/// The position of a char-boundary offset, given the text's [`line_starts`].
fn model_position(text: &str, starts: &[usize], offset: usize, enc: Encoding) -> Position {
    let line = starts.partition_point(|&s| s <= offset) - 1;
    let character: usize = text[starts[line]..offset]
        .chars()
        .map(|c| units(c, enc))
        .sum();
    Position::new(line as u32, character as u32)
}

fn expected_range(text: &str, starts: &[usize], span: &Span, enc: Encoding) -> Range {
    Range::new(
        model_position(text, starts, span.start, enc),
        model_position(text, starts, span.end.max(span.start), enc),
    )
}

// ---------------------------------------------------------------------------------------
// The `edits` target.

/// Pieces of text that make positions interesting: every line break, characters of one to
/// four UTF-8 bytes, surrogate pairs, combining marks, a ZWJ sequence, a BOM.
const PIECES: &[&str] = &[
    "\n",
    "\r",
    "\r\n",
    "\n\r",
    "a",
    " said ",
    "Київ",
    "مرحبا",
    "😀",
    "👍🏽",
    "👩‍👩‍👧",
    "e\u{301}",
    "“",
    "”",
    "\u{feff}",
    "\u{2028}",
    "𝔘",
    "\0",
];

/// Reads an input a byte at a time; missing bytes read as zero.
struct Input<'a> {
    data: &'a [u8],
}

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        let Some((&b, rest)) = self.data.split_first() else {
            return 0;
        };
        self.data = rest;
        b
    }

    fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// A line or character number: mostly small, sometimes far out of range.
    fn coordinate(&mut self) -> u32 {
        match self.byte() {
            255 => u32::MAX,
            254 => 1 << 31,
            253 => u16::MAX as u32 + 1,
            b => u32::from(b % 96),
        }
    }

    /// Text: either raw bytes (read as lossy UTF-8) or a run of [`PIECES`].
    fn text(&mut self) -> String {
        let n = self.byte();
        if n & 0x80 == 0 {
            let n = usize::from(n).min(self.data.len());
            let (raw, rest) = self.data.split_at(n);
            self.data = rest;
            String::from_utf8_lossy(raw).into_owned()
        } else {
            (0..(n & 0x0f))
                .map(|_| PIECES[usize::from(self.byte()) % PIECES.len()])
                .collect()
        }
    }

    fn position(&mut self) -> Position {
        Position::new(self.coordinate(), self.coordinate())
    }
}

/// The `edits` target. The input: a flags byte (bit 0: UTF-8 positions, else UTF-16), the
/// opening text, then operations until the input ends, each chosen by one byte: a
/// `didChange` of one to three changes (each a range, or rarely the whole text, and a
/// text), a close and reopen, or probes of offset ↔ position conversions.
pub fn edits(data: &[u8]) -> Exercised {
    let mut exercised = Exercised::default();
    let mut input = Input { data };
    let enc = if input.byte() & 1 == 1 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let docs = Documents::default();
    let uri = uri();
    let mut model = input.text();
    let mut version = 1;
    let mut generation = docs.open(uri.clone(), &model, version, Format::Markdown);
    while !input.is_empty() {
        match input.byte() % 8 {
            0..=5 => {
                let count = 1 + input.byte() % 3;
                let mut changes = Vec::new();
                let mut clamped = Vec::new();
                for i in 0..usize::from(count) {
                    let whole = input.byte() == 0xff;
                    let (start, end) = (input.position(), input.position());
                    let text = input.text();
                    if whole {
                        model = text.clone();
                    } else {
                        let (a, a_clamped) = model_offset(&model, start, enc);
                        let (b, b_clamped) = model_offset(&model, end, enc);
                        if a_clamped || b_clamped || a > b {
                            clamped.push(EditProblem::Clamped { change: i });
                        }
                        model.replace_range(a.min(b)..a.max(b), &text);
                    }
                    changes.push(TextDocumentContentChangeEvent {
                        range: (!whole).then(|| Range::new(start, end)),
                        range_length: None,
                        text,
                    });
                }
                version += 1;
                let (next, problems) = docs
                    .change(&uri, version, &changes, enc)
                    .expect("the document is open");
                assert!(next > generation, "generations only grow");
                generation = next;
                assert_eq!(problems, clamped, "clamping of {changes:?}");
                exercised.compared += changes.len();
                exercised.special += clamped.len();
                assert_eq!(
                    docs.text(&uri).as_deref(),
                    Some(model.as_str()),
                    "after {changes:?}"
                );
            }
            6 => {
                assert!(docs.close(&uri));
                model = input.text();
                version = 1;
                let reopened = docs.open(uri.clone(), &model, version, Format::Plain);
                assert!(reopened > generation);
                generation = reopened;
            }
            _ => probe_positions(&docs, &uri, &model, version, enc, &mut input),
        }
    }
    let snapshot = docs.snapshot(&uri).expect("open");
    assert_eq!(
        (snapshot.generation, snapshot.version),
        (generation, version)
    );
    assert_eq!(snapshot.rope.to_string(), model);
    exercised
}

/// Offsets → positions → offsets against the model, and a few raw positions resolved.
fn probe_positions(
    docs: &Documents,
    uri: &Uri,
    model: &str,
    version: i32,
    enc: Encoding,
    input: &mut Input,
) {
    let snapshot = docs.snapshot(uri).expect("open");
    assert_eq!(snapshot.version, version);
    let rope = &snapshot.rope;
    assert_eq!(rope.len_bytes(), model.len());
    assert_eq!(
        rope.len_lines(),
        line_starts(model).len(),
        "lines of {model:?}"
    );
    for _ in 0..4 {
        let at = floor_boundary(model, usize::from(input.byte()) * model.len() / 255);
        let pos = positions::to_position(rope, at, enc);
        assert_eq!(
            pos,
            model_position(model, &line_starts(model), at, enc),
            "position of {at} in {model:?}"
        );
        // Inside a CRLF the position is past the line's content: it resolves to its end.
        let inside_crlf = model[..at].ends_with('\r') && model[at..].starts_with('\n');
        let back = positions::to_offset(rope, pos, enc);
        assert_eq!(back.offset, if inside_crlf { at - 1 } else { at });
        assert_eq!(back.clamped, inside_crlf);
        let raw = input.position();
        let resolved = positions::to_offset(rope, raw, enc);
        assert_eq!(
            (resolved.offset, resolved.clamped),
            model_offset(model, raw, enc),
            "{raw:?} in {model:?}"
        );
    }
}

/// The header name, as the framing reader scans for it.
const CONTENT_LENGTH: &[u8] = b"content-length";

/// The request sent after every `stdio` input: it must reach the library.
const PROBE: &[u8] =
    br#"{"jsonrpc":"2.0","id":"fuzz-probe","method":"workspace/symbol","params":{"query":""}}"#;

/// The protocol library's own reading of a message (`tower_lsp_server::jsonrpc::Message`,
/// which is private): what the server passes on must read as this, or the library stops.
#[derive(serde::Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // Only whether it reads matters.
enum LibraryMessage {
    Response(tower_lsp_server::jsonrpc::Response),
    Request(tower_lsp_server::jsonrpc::Request),
}

/// The `stdio` target: bytes on the server's standard input, through its framing and
/// message checks (`copydesk::lsp::transport::guard`) as far as the protocol library.
/// The input is pieces separated by NUL bytes; a piece whose first byte is odd is sent as
/// it is (headers, junk), one whose first byte is even is sent framed with its right
/// length (a body that may be anything). Then a well-formed request follows.
///
/// Every message passed on must be one the library can decode; everything the server
/// writes back must be a JSON frame; and the request that follows must be passed on
/// whenever no piece could have announced a body it is still waiting for: no raw piece has
/// digits (bad headers are skipped to the next `Content-Length:`) and no framed body names
/// the header (the skip scans bodies too, and a body may hold a whole header).
pub fn stdio(data: &[u8]) -> Exercised {
    let mut input = Vec::new();
    let mut lengths_announced = false;
    for piece in data.split(|&b| b == 0) {
        let Some((&mode, rest)) = piece.split_first() else {
            continue;
        };
        if mode % 2 == 1 {
            lengths_announced |= rest.iter().any(u8::is_ascii_digit);
            input.extend_from_slice(rest);
        } else {
            // After a bad header the reader scans for the next `Content-Length:`, inside
            // bodies too: one with its own header there may announce a body still awaited.
            lengths_announced |= rest
                .windows(CONTENT_LENGTH.len())
                .any(|w| w.eq_ignore_ascii_case(CONTENT_LENGTH));
            input.extend(format!("Content-Length: {}\r\n\r\n", rest.len()).bytes());
            input.extend_from_slice(rest);
        }
    }
    // Ends a header line a raw piece may have left open.
    input.extend_from_slice(b"\r\n");
    input.extend(format!("Content-Length: {}\r\n\r\n", PROBE.len()).bytes());
    input.extend_from_slice(PROBE);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let (forwarded, written) = runtime.block_on(async move {
        let (stdout, client) = tokio::io::duplex(1 << 24);
        let pipes = copydesk::lsp::transport::guard(std::io::Cursor::new(input), stdout);
        // The library says nothing here: its output ends at once.
        drop(pipes.output);
        drop(pipes.outbox);
        tokio::join!(frames_of(pipes.input), frames_of(client))
    });
    let mut probed = false;
    for body in &forwarded {
        if let Err(e) = serde_json::from_slice::<LibraryMessage>(body) {
            panic!(
                "passed on a message the library cannot decode ({e}): {:?}",
                String::from_utf8_lossy(body)
            );
        }
        probed |= body.as_slice() == PROBE;
    }
    for body in &written {
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(body) {
            panic!(
                "wrote a frame that is not JSON ({e}): {:?}",
                String::from_utf8_lossy(body)
            );
        }
    }
    assert!(
        probed || lengths_announced,
        "the request after the input was not passed on"
    );
    Exercised {
        compared: forwarded.len(),
        special: written.len(),
    }
}

/// Every frame body on `stream` until it ends.
async fn frames_of(stream: tokio::io::DuplexStream) -> Vec<Vec<u8>> {
    use copydesk::lsp::framing::{Frame, Frames};
    let mut frames = Frames::new(tokio::io::BufReader::new(stream));
    let mut bodies = Vec::new();
    while let Some(frame) = frames.next().await {
        match frame {
            Frame::Body(body) => bodies.push(body),
            Frame::Bad(why) => panic!("a bad frame between server parts: {why}"),
        }
    }
    bodies
}
