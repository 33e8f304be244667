//! The prose mask: a copy of the text, byte for byte as long, in which everything a reader
//! does not read as prose is blanked with ASCII spaces (newlines kept).
//!
//! Markdown is read block by block (front matter, fences, indented code, headings, lists,
//! block quotes, HTML blocks, reference definitions), then inline (code spans, HTML, links,
//! autolinks, emphasis markers, bare URLs). Plain text keeps everything but URLs and e-mail
//! addresses. Because only whole characters are blanked, every char boundary of the prose is
//! a char boundary of the text, and every offset found in the prose points into the file.
//!
//! The block pass also records the layout the paragraph splitter needs: where a new
//! paragraph starts without a blank line (a heading, a list item) and which lines start a
//! heading.

use super::bytes::NextByte;
use super::{Format, Span};

/// The masked text and what the block pass learned about its layout.
pub(super) struct Masked {
    pub prose: String,
    pub front_matter_date: Option<String>,
    pub layout: Layout,
}

/// Block structure that blank lines alone do not show.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// Line starts where a new paragraph begins even without a blank line before it.
    pub breaks: Vec<usize>,
    /// Line starts of the first line of every heading (Markdown headings, plain headline).
    pub heading_lines: Vec<usize>,
}

pub(super) fn mask(text: &str, format: Format) -> Masked {
    let mut p = text.as_bytes().to_vec();
    let mut layout = Layout::default();
    let mut front_matter_date = None;
    if text.starts_with('\u{feff}') {
        // A byte-order mark is not text.
        blank(&mut p, 0..3);
    }
    match format {
        Format::Markdown => {
            let body = front_matter(text, &mut p, &mut front_matter_date);
            let blocks = block_pass(&mut p, body, &mut layout);
            for block in blocks {
                inline(&mut p, block, true);
            }
        }
        Format::Plain => {
            headline(text, &mut layout);
            let len = p.len();
            inline(&mut p, 0..len, false);
        }
    }
    layout.breaks.sort_unstable();
    layout.breaks.dedup();
    layout.heading_lines.sort_unstable();
    layout.heading_lines.dedup();
    Masked {
        prose: into_string(p),
        front_matter_date,
        layout,
    }
}

/// Blanks a range, keeping line ends. Callers pass ranges that start and end on char
/// boundaries (at ASCII delimiters or line ends).
fn blank(p: &mut [u8], range: Span) {
    let end = range.end.min(p.len());
    for b in p.get_mut(range.start.min(end)..end).unwrap_or_default() {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// The bytes are valid UTF-8 when every blanked range covered whole characters; if a bug
/// ever broke that, invalid bytes become spaces so the length still matches the text.
fn into_string(mut p: Vec<u8>) -> String {
    let mut from = 0;
    while let Err(e) = std::str::from_utf8(&p[from..]) {
        let bad = from + e.valid_up_to();
        let n = e.error_len().unwrap_or(p.len() - bad);
        p[bad..bad + n].fill(b' ');
        from = bad + n;
    }
    String::from_utf8(p).unwrap_or_default()
}

/// One line: `start..end` excludes the line end (`\n` or `\r\n`); `next` is the next line's start.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn line_at(p: &[u8], start: usize) -> Line {
    let nl = memchr::memchr(b'\n', &p[start..]).map(|k| start + k);
    let next = nl.map_or(p.len(), |k| k + 1);
    let mut end = nl.unwrap_or(p.len());
    if end > start && p[end - 1] == b'\r' {
        end -= 1;
    }
    Line { start, end, next }
}

fn is_blank(p: &[u8], range: Span) -> bool {
    p[range].iter().all(|&b| b == b' ' || b == b'\t')
}

/// The plain-text headline: the first non-blank line is a paragraph of its own, when it
/// reads as a headline. A long first line, or one of several sentences, is the story itself
/// (a story whose line breaks were lost): it is read as prose, not skipped as a heading.
fn headline(text: &str, layout: &mut Layout) {
    let p = text.as_bytes();
    let mut pos = 0;
    while pos < p.len() {
        let line = line_at(p, pos);
        let first = text[line.start..line.end].trim();
        if !first.is_empty() {
            if reads_as_headline(first) {
                layout.heading_lines.push(line.start);
                layout.breaks.push(line.next);
            }
            return;
        }
        pos = line.next;
    }
}

/// Headlines are short and one sentence at most: no more than 30 words, and no sentence
/// end followed by another sentence.
fn reads_as_headline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() <= 30
        && !words.windows(2).any(|w| {
            w[0].ends_with(['.', '!', '?'])
                && w[0].chars().filter(|c| c.is_alphabetic()).count() > 3
                && w[1].starts_with(char::is_uppercase)
        })
}

// ---------------------------------------------------------------------------------------
// Front matter

/// Masks YAML (`---`) or TOML (`+++`) front matter and reads its `date`; returns where the
/// body starts. Without a closing delimiter there is no front matter.
fn front_matter(text: &str, p: &mut [u8], date: &mut Option<String>) -> usize {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first = line_at(p, bom);
    let delim = text[first.start..first.end].trim_end();
    if delim != "---" && delim != "+++" {
        return 0;
    }
    let toml = delim == "+++";
    if !looks_like_metadata(text, first.next, toml) {
        // A thematic break at the top of a draft, not front matter.
        return 0;
    }
    let mut found_date = None;
    let mut pos = first.next;
    while pos < p.len() {
        let line = line_at(p, pos);
        let content = text[line.start..line.end].trim_end();
        if content == delim || (!toml && content == "...") {
            blank(p, 0..line.next);
            *date = found_date;
            return line.next;
        }
        if found_date.is_none() {
            found_date = front_matter_value(content, if toml { '=' } else { ':' });
        }
        pos = line.next;
    }
    0
}

/// The first non-blank line after the opening delimiter is a `key: value` (YAML),
/// `key = value` or `[table]` (TOML), or the closing delimiter.
fn looks_like_metadata(text: &str, from: usize, toml: bool) -> bool {
    let Some(line) = text
        .get(from..)
        .and_then(|r| r.lines().find(|l| !l.trim().is_empty()))
    else {
        return false;
    };
    let line = line.trim();
    if line == "---" || line == "+++" || line.starts_with('#') {
        return true;
    }
    let key_len = line
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '"' | '\'' | '.')))
        .unwrap_or(line.len());
    let rest = line[key_len..].trim_start();
    if toml {
        (key_len > 0 && rest.starts_with('=')) || line.starts_with('[')
    } else {
        key_len > 0 && rest.starts_with(':')
    }
}

/// The value of a top-level `date` key, quotes and trailing comments stripped.
fn front_matter_value(line: &str, separator: char) -> Option<String> {
    let rest = line.strip_prefix("date")?.trim_start();
    let value = rest.strip_prefix(separator)?.trim();
    let value = match value.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let inner = &value[1..];
            &inner[..inner.find(q).unwrap_or(inner.len())]
        }
        _ => value.split(" #").next().unwrap_or("").trim(),
    };
    (!value.is_empty()).then(|| value.to_string())
}

// ---------------------------------------------------------------------------------------
// Blocks

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Blank,
    Paragraph,
    ListItem,
    Heading,
    Code,
    Other,
}

/// Where a raw block (fenced code, HTML comment, `<script>`-like HTML) ends.
enum Raw {
    Fence { ch: u8, len: usize },
    Until(&'static str),
}

/// Masks block-level syntax and returns the inline ranges (runs of paragraph or heading
/// text) for the inline pass.
fn block_pass(p: &mut [u8], from: usize, layout: &mut Layout) -> Vec<Span> {
    let mut blocks: Vec<Span> = Vec::new();
    let mut raw: Option<Raw> = None;
    let mut prev = Prev::Blank;
    let mut in_list = false;
    let mut prev_quoted = false;
    // First line of the current plain paragraph (a setext underline makes it a heading).
    let mut para_first: Option<usize> = None;
    // The last inline block may be extended by the next paragraph line.
    let mut open_block = false;
    let mut pos = from;
    while pos < p.len() {
        let line = line_at(p, pos);
        pos = line.next;

        if let Some(r) = &raw {
            let done = match *r {
                Raw::Fence { ch, len } => closes_fence(p, line, ch, len),
                Raw::Until(end) => contains_ci(&p[line.start..line.end], end),
            };
            blank(p, line.start..line.end);
            if done {
                raw = None;
            }
            continue;
        }

        if is_blank(p, line.start..line.end) {
            prev = Prev::Blank;
            para_first = None;
            open_block = false;
            continue;
        }

        let indent = indent_width(p, line);
        if indent >= 4
            && !in_list
            && matches!(prev, Prev::Blank | Prev::Heading | Prev::Code | Prev::Other)
        {
            blank(p, line.start..line.end);
            prev = Prev::Code;
            para_first = None;
            open_block = false;
            continue;
        }

        // Block quote markers.
        let mut i = line.start;
        let mut quoted = false;
        loop {
            let j = skip_ws(p, i, line.end);
            if j < line.end && p[j] == b'>' {
                p[j] = b' ';
                quoted = true;
                i = j + 1;
            } else {
                break;
            }
        }
        let k = skip_ws(p, i, line.end);
        if k >= line.end {
            prev = Prev::Blank;
            para_first = None;
            open_block = false;
            prev_quoted = quoted;
            continue;
        }
        if quoted != prev_quoted && matches!(prev, Prev::Paragraph | Prev::ListItem) {
            layout.breaks.push(line.start);
            prev = Prev::Blank;
            para_first = None;
            open_block = false;
        }
        prev_quoted = quoted;
        if indent == 0 && prev == Prev::Blank && !quoted {
            in_list = false;
        }

        // Fenced code.
        if let Some((ch, len)) = opens_fence(p, k, line.end) {
            blank(p, line.start..line.end);
            raw = Some(Raw::Fence { ch, len });
            prev = Prev::Other;
            para_first = None;
            open_block = false;
            continue;
        }

        // ATX heading.
        if let Some(content) = atx_heading(p, k, line.end) {
            layout.heading_lines.push(line.start);
            layout.breaks.push(line.start);
            layout.breaks.push(line.next);
            blocks.push(content);
            prev = Prev::Heading;
            para_first = None;
            open_block = false;
            continue;
        }

        // Setext underline: the paragraph above is a heading.
        if prev == Prev::Paragraph && is_setext_underline(p, k, line.end) {
            if let Some(first) = para_first {
                layout.heading_lines.push(first);
            }
            blank(p, line.start..line.end);
            layout.breaks.push(line.next);
            prev = Prev::Heading;
            para_first = None;
            open_block = false;
            continue;
        }

        if is_thematic_break(p, k, line.end) {
            blank(p, line.start..line.end);
            prev = Prev::Other;
            para_first = None;
            open_block = false;
            continue;
        }

        // HTML blocks whose content is never prose.
        if let Some(end) = html_block_end(p, k, line.end) {
            // Look for the block's end on this line before the line is blanked.
            let closes_here =
                contains_ci(&p[k + 2..line.end], end) && !(end == "-->" && line.end - k < 7);
            blank(p, line.start..line.end);
            if !closes_here {
                raw = Some(Raw::Until(end));
            }
            prev = Prev::Other;
            para_first = None;
            open_block = false;
            continue;
        }

        if prev != Prev::Paragraph && is_reference_definition(p, k, line.end) {
            blank(p, line.start..line.end);
            prev = Prev::Other;
            para_first = None;
            open_block = false;
            continue;
        }

        // Table rows: each row reads as a paragraph of its own; pipes are not prose.
        if p[k] == b'|' {
            for b in &mut p[k..line.end] {
                if *b == b'|' {
                    *b = b' ';
                }
            }
            if is_blank(p, k..line.end) || is_table_delimiter(p, k, line.end) {
                blank(p, line.start..line.end);
            } else {
                layout.breaks.push(line.start);
                blocks.push(k..line.end);
            }
            prev = Prev::Other;
            para_first = None;
            open_block = false;
            continue;
        }

        // List item.
        let interrupting = prev == Prev::Paragraph;
        if let Some(content) = list_marker(p, k, line.end, interrupting) {
            blank(p, k..content);
            let content = task_box(p, content, line.end);
            layout.breaks.push(line.start);
            blocks.push(content..line.end);
            in_list = true;
            prev = Prev::ListItem;
            para_first = None;
            open_block = true;
            continue;
        }

        // Footnote definition: the label is not prose, the note is.
        let content = footnote_label_end(p, k, line.end).unwrap_or(k);
        if content != k {
            blank(p, k..content);
            layout.breaks.push(line.start);
            open_block = false;
            prev = Prev::Blank;
        }

        // A paragraph line.
        if open_block {
            if let Some(last) = blocks.last_mut() {
                last.end = line.end;
            }
        } else {
            blocks.push(content..line.end);
            open_block = true;
        }
        match prev {
            Prev::Paragraph | Prev::ListItem => {}
            _ => {
                para_first = Some(line.start);
                prev = Prev::Paragraph;
            }
        }
    }
    blocks
}

fn indent_width(p: &[u8], line: Line) -> usize {
    let mut w = 0;
    for &b in &p[line.start..line.end] {
        match b {
            b' ' => w += 1,
            b'\t' => w += 4 - w % 4,
            _ => break,
        }
    }
    w
}

fn skip_ws(p: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && (p[i] == b' ' || p[i] == b'\t') {
        i += 1;
    }
    i
}

fn run_len(p: &[u8], i: usize, end: usize, ch: u8) -> usize {
    p[i..end].iter().take_while(|&&b| b == ch).count()
}

fn contains_ci(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    n.is_empty() || hay.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

fn opens_fence(p: &[u8], k: usize, end: usize) -> Option<(u8, usize)> {
    let ch = p[k];
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = run_len(p, k, end, ch);
    if len < 3 || (ch == b'`' && p[k + len..end].contains(&b'`')) {
        return None;
    }
    Some((ch, len))
}

fn closes_fence(p: &[u8], line: Line, ch: u8, len: usize) -> bool {
    // A fence inside a block quote closes behind its `>` markers.
    let mut k = skip_ws(p, line.start, line.end);
    while k < line.end && p[k] == b'>' {
        k = skip_ws(p, k + 1, line.end);
    }
    let n = run_len(p, k, line.end, ch);
    n >= len && is_blank(p, k + n..line.end)
}

/// Masks the `#` markers of an ATX heading and returns its text range.
fn atx_heading(p: &mut [u8], k: usize, end: usize) -> Option<Span> {
    let n = run_len(p, k, end, b'#');
    if n == 0 || n > 6 || (k + n < end && p[k + n] != b' ' && p[k + n] != b'\t') {
        return None;
    }
    blank(p, k..k + n);
    // Optional closing sequence: spaces, then `#`s, then spaces.
    let mut e = end;
    while e > k + n && (p[e - 1] == b' ' || p[e - 1] == b'\t') {
        e -= 1;
    }
    let mut h = e;
    while h > k + n && p[h - 1] == b'#' {
        h -= 1;
    }
    if h < e && (h == k + n || p[h - 1] == b' ' || p[h - 1] == b'\t') {
        blank(p, h..e);
    }
    Some(k + n..end)
}

fn is_setext_underline(p: &[u8], k: usize, end: usize) -> bool {
    let ch = p[k];
    let n = run_len(p, k, end, ch);
    ((ch == b'=' && n >= 1) || (ch == b'-' && n >= 2)) && is_blank(p, k + n..end)
}

fn is_thematic_break(p: &[u8], k: usize, end: usize) -> bool {
    let ch = p[k];
    if !matches!(ch, b'*' | b'-' | b'_') {
        return false;
    }
    let mut count = 0;
    for &b in &p[k..end] {
        if b == ch {
            count += 1;
        } else if b != b' ' && b != b'\t' {
            return false;
        }
    }
    count >= 3
}

/// An HTML block whose content is not prose (comments, scripts, styles, preformatted
/// text) starts here; returns the string that ends it.
fn html_block_end(p: &[u8], k: usize, end: usize) -> Option<&'static str> {
    let rest = &p[k..end];
    if rest.starts_with(b"<!--") {
        return Some("-->");
    }
    for (tag, close) in [
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<pre", "</pre>"),
        ("<textarea", "</textarea>"),
    ] {
        let t = tag.as_bytes();
        if rest.len() >= t.len()
            && rest[..t.len()].eq_ignore_ascii_case(t)
            && rest
                .get(t.len())
                .is_none_or(|&b| b == b'>' || b == b' ' || b == b'\t')
        {
            return Some(close);
        }
    }
    None
}

/// `[label]: destination "title"`.
fn is_reference_definition(p: &[u8], k: usize, end: usize) -> bool {
    if p[k] != b'[' || p.get(k + 1) == Some(&b'^') {
        return false;
    }
    let Some(close) = p[k + 1..end].iter().position(|&b| b == b']') else {
        return false;
    };
    let after = k + 1 + close + 1;
    close > 0 && after < end && p[after] == b':'
}

/// `[^label]:` at the start of a footnote definition; returns where the note starts.
fn footnote_label_end(p: &[u8], k: usize, end: usize) -> Option<usize> {
    if !p[k..end].starts_with(b"[^") {
        return None;
    }
    let close = k + 2 + p[k + 2..end].iter().position(|&b| b == b']')?;
    (close + 1 < end && p[close + 1] == b':').then_some(close + 2)
}

fn is_table_delimiter(p: &[u8], k: usize, end: usize) -> bool {
    p[k..end].contains(&b'-')
        && p[k..end]
            .iter()
            .all(|&b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// A bullet (`-`, `*`, `+`) or ordered (`1.`, `1)`) list marker at `k`; returns where the
/// item's text starts. A list interrupting a paragraph must have text and start at 1.
fn list_marker(p: &[u8], k: usize, end: usize, interrupting: bool) -> Option<usize> {
    let after = if matches!(p[k], b'-' | b'*' | b'+') {
        k + 1
    } else {
        let digits = p[k..end].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 9 || k + digits >= end {
            return None;
        }
        if !matches!(p[k + digits], b'.' | b')') {
            return None;
        }
        if interrupting && &p[k..k + digits] != b"1" {
            return None;
        }
        k + digits + 1
    };
    if after < end && p[after] != b' ' && p[after] != b'\t' {
        return None;
    }
    let content = skip_ws(p, after, end);
    if interrupting && content >= end {
        return None;
    }
    Some(content)
}

/// Masks a task-list box (`[ ]`, `[x]`) at the start of an item.
fn task_box(p: &mut [u8], k: usize, end: usize) -> usize {
    if k + 3 <= end
        && p[k] == b'['
        && matches!(p[k + 1], b' ' | b'x' | b'X')
        && p[k + 2] == b']'
        && (k + 3 == end || p[k + 3] == b' ')
    {
        blank(p, k..k + 3);
        return skip_ws(p, k + 3, end);
    }
    k
}

// ---------------------------------------------------------------------------------------
// Inline

/// Longest stretch scanned when looking for the end of a tag or link destination: keeps
/// the pass linear on pathological input.
const SCAN_CAP: usize = 2048;

/// Bytes that may start inline syntax (Markdown) or an e-mail address (both), in groups
/// of three for [`NextByte`]. URLs are found from their `://` or `www.` ([`url_starts`]).
const MARKDOWN_GROUPS: [[u8; 3]; 4] = [*b"\\`<", *b"![]", *b"*_~", *b"{@@"];
const PLAIN_GROUPS: [[u8; 3]; 1] = [*b"@@@"];

/// Masks inline syntax in `span` (Markdown), or only URLs and e-mail addresses (plain).
fn inline(p: &mut [u8], span: Span, markdown: bool) {
    let end = span.end.min(p.len());
    let code = if markdown {
        CodeRuns::new(p, span.start, end)
    } else {
        CodeRuns::default()
    };
    let mut code_cursor = 0;
    // Open `[`s (and whether each starts an image `![`).
    let mut brackets: Vec<(usize, bool)> = Vec::new();
    let mut comment_end = Finder::new(b"-->");
    let mut instruction_end = Finder::new(b"?>");
    let mut shortcode_end = Finder::new(b"}}");
    let mut template_end = Finder::new(b"%}");
    let urls = url_starts(p, span.start, end);
    let mut special = NextByte::new(if markdown {
        &MARKDOWN_GROUPS
    } else {
        &PLAIN_GROUPS
    });
    let mut next_url = 0;
    let mut i = span.start;
    while i < end {
        // Most bytes start nothing: skip to the next one that may, or to where a URL may.
        while urls.get(next_url).is_some_and(|&u| u < i) {
            next_url += 1;
        }
        let stop = urls.get(next_url).map_or(end, |&u| u.min(end));
        i = special.next(&p[..end], i).map_or(stop, |k| k.min(stop));
        if i >= end {
            break;
        }
        let b = p[i];
        if markdown {
            match b {
                b'\\' if i + 1 < end && (p[i + 1].is_ascii_punctuation() || p[i + 1] == b'\n') => {
                    p[i] = b' ';
                    i += 2;
                    continue;
                }
                b'`' => {
                    let n = run_len(p, i, end, b'`');
                    while code_cursor < code.runs.len() && code.runs[code_cursor].0 < i {
                        code_cursor += 1;
                    }
                    let close = code
                        .runs
                        .get(code_cursor)
                        .filter(|r| r.0 == i)
                        .and_then(|_| code.next_same[code_cursor])
                        .map(|j| code.runs[j].0 + code.runs[j].1);
                    let stop = close.unwrap_or(i + n);
                    blank(p, i..stop);
                    i = stop;
                    continue;
                }
                b'<' => {
                    if let Some(e) = html_inline(p, i, end, &mut comment_end, &mut instruction_end)
                    {
                        blank(p, i..e);
                        i = e;
                        continue;
                    }
                }
                b'!' if p.get(i + 1) == Some(&b'[') => {
                    brackets.push((i + 1, true));
                    i += 2;
                    continue;
                }
                b'[' => brackets.push((i, false)),
                b']' => {
                    if let Some((open, image)) = brackets.pop() {
                        let next = p.get(i + 1).copied();
                        let target = match next {
                            Some(b'(') => link_destination(p, i + 1, end),
                            Some(b'[') => reference_label(p, i + 1, end),
                            _ => None,
                        };
                        if let Some(e) = target {
                            if image {
                                // An image is not prose, alt text included.
                                blank(p, open - 1..e);
                            } else {
                                blank(p, open..open + 1);
                                blank(p, i..e);
                            }
                            i = e;
                            continue;
                        }
                        if p.get(open + 1) == Some(&b'^') {
                            blank(p, open..i + 1);
                        }
                    }
                }
                // Template tags and shortcodes (`{{< tweet 1 >}}`, `{% include x %}`).
                b'{' if matches!(p.get(i + 1), Some(b'{' | b'%')) => {
                    let finder = if p[i + 1] == b'{' {
                        &mut shortcode_end
                    } else {
                        &mut template_end
                    };
                    if let Some(k) = finder.find(p, i + 2, end.min(i + SCAN_CAP)) {
                        blank(p, i..k + 2);
                        i = k + 2;
                        continue;
                    }
                }
                b'*' | b'_' | b'~' => {
                    let n = run_len(p, i, end, b);
                    if is_emphasis_delimiter(p, i, i + n, b) {
                        blank(p, i..i + n);
                    }
                    i += n;
                    continue;
                }
                _ => {}
            }
        }
        match b {
            b'h' | b'H' | b'w' | b'W' | b'f' | b'F' => {
                if let Some(e) = url_end(p, i, end) {
                    blank(p, i..e);
                    i = e;
                    continue;
                }
            }
            b'@' => {
                if let Some(r) = email_around(p, i, span.start, end) {
                    blank(p, r.clone());
                    i = r.end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// Where a bare URL may start in `start..end`: the scheme before each `://` (`http`,
/// `https`, `ftp`) and each `www.`, in order. [`url_end`] answers at those places only, so
/// the inline pass need not stop at every `h`, `w` and `f`.
fn url_starts(p: &[u8], start: usize, end: usize) -> Vec<usize> {
    let Some(hay) = p.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    static SCHEME_END: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"://"));
    for k in SCHEME_END.find_iter(hay) {
        for scheme in [5, 4, 3] {
            if let Some(s) = k.checked_sub(scheme) {
                out.push(start + s);
            }
        }
    }
    for k in memchr::memchr_iter(b'.', hay) {
        if k >= 3 && hay[k - 3..k].eq_ignore_ascii_case(b"www") {
            out.push(start + k - 3);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Backtick runs of an inline block, each linked to the next run of the same length (its
/// closing run), computed once so code spans are found in linear time.
#[derive(Default)]
struct CodeRuns {
    runs: Vec<(usize, usize)>,
    next_same: Vec<Option<usize>>,
}

impl CodeRuns {
    fn new(p: &[u8], start: usize, end: usize) -> CodeRuns {
        let mut runs = Vec::new();
        let mut i = start;
        while let Some(k) = p[i..end].iter().position(|&b| b == b'`') {
            i += k;
            let n = run_len(p, i, end, b'`');
            if i == start || p[i - 1] != b'\\' {
                runs.push((i, n));
            }
            i += n;
        }
        let mut next_same = vec![None; runs.len()];
        let mut last: std::collections::HashMap<usize, usize> = Default::default();
        for (idx, &(_, n)) in runs.iter().enumerate().rev() {
            next_same[idx] = last.insert(n, idx);
        }
        CodeRuns { runs, next_same }
    }
}

/// The char ending at byte `i` (exclusive), if any.
pub(super) fn char_before(p: &[u8], i: usize) -> Option<char> {
    if i == 0 || i > p.len() {
        return None;
    }
    let mut k = i - 1;
    while k > 0 && i - k < 4 && (p[k] & 0xC0) == 0x80 {
        k -= 1;
    }
    std::str::from_utf8(&p[k..i]).ok()?.chars().next_back()
}

/// The char starting at byte `i`, if any.
pub(super) fn char_at(p: &[u8], i: usize) -> Option<char> {
    let lead = *p.get(i)?;
    let w = match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    std::str::from_utf8(p.get(i..i + w)?).ok()?.chars().next()
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// CommonMark's flanking rules: `*` and `~` runs that touch a word are markup, `_` only
/// at a word's edge (snake_case stays).
fn is_emphasis_delimiter(p: &[u8], start: usize, end: usize, ch: u8) -> bool {
    let before = char_before(p, start).unwrap_or(' ');
    let after = char_at(p, end).unwrap_or(' ');
    let left =
        !after.is_whitespace() && (!is_punct(after) || before.is_whitespace() || is_punct(before));
    let right =
        !before.is_whitespace() && (!is_punct(before) || after.is_whitespace() || is_punct(after));
    match ch {
        b'_' => (left && (!right || is_punct(before))) || (right && (!left || is_punct(after))),
        b'~' => end - start <= 2 && (left || right),
        _ => left || right,
    }
}

/// `(destination "title")` starting at the `(` at `open`; returns the index after `)`.
/// The scan stops at a bracket, so each stretch of text is scanned once.
fn link_destination(p: &[u8], open: usize, end: usize) -> Option<usize> {
    let stop = end.min(open + SCAN_CAP);
    let mut i = skip_space_nl(p, open + 1, stop);
    if i < stop && p[i] == b'<' {
        i += 1;
        while i < stop && p[i] != b'>' && p[i] != b'\n' {
            i += 1;
        }
        if i >= stop || p[i] != b'>' {
            return None;
        }
        i += 1;
    } else {
        let mut depth = 0usize;
        while i < stop && !p[i].is_ascii_whitespace() {
            match p[i] {
                b'\\' => i += 1,
                b'[' | b']' => return None,
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
    }
    i = skip_space_nl(p, i, stop);
    if i < stop && matches!(p[i], b'"' | b'\'' | b'(') {
        let close = if p[i] == b'(' { b')' } else { p[i] };
        i += 1;
        while i < stop && p[i] != close {
            match p[i] {
                b'\\' => i += 1,
                b'[' | b']' => return None,
                _ => {}
            }
            i += 1;
        }
        i += 1;
        i = skip_space_nl(p, i, stop);
    }
    (i < stop && p[i] == b')').then_some(i + 1)
}

fn skip_space_nl(p: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && matches!(p[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// `[label]` of a reference link, starting at the `[` at `open`.
fn reference_label(p: &[u8], open: usize, end: usize) -> Option<usize> {
    let stop = end.min(open + 1000);
    let close = open
        + 1
        + p.get(open + 1..stop)?
            .iter()
            .position(|&b| b == b']' || b == b'[')?;
    if p[close] == b'[' {
        return None;
    }
    (!p[open + 1..close].contains(&b'[')).then_some(close + 1)
}

/// An inline HTML comment, tag, declaration or autolink at the `<` at `i`; returns the
/// index after it.
fn html_inline(
    p: &[u8],
    i: usize,
    end: usize,
    comment_end: &mut Finder,
    instruction_end: &mut Finder,
) -> Option<usize> {
    let stop = end.min(i + SCAN_CAP);
    let rest = &p[i..stop];
    if rest.starts_with(b"<!--") {
        return comment_end.find(p, i + 4, stop).map(|k| k + 3);
    }
    if rest.starts_with(b"<?") {
        return instruction_end.find(p, i + 2, stop).map(|k| k + 2);
    }
    if rest.starts_with(b"<!")
        && rest
            .get(2)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'[')
    {
        let close = rest.iter().skip(1).position(|&b| b == b'>' || b == b'<')? + 1;
        return (rest[close] == b'>').then_some(i + close + 1);
    }
    if let Some(e) = autolink(rest) {
        return Some(i + e);
    }
    html_tag(rest).map(|e| i + e)
}

/// `<scheme:...>` or `<user@host>`.
fn autolink(rest: &[u8]) -> Option<usize> {
    let close = 1 + rest[1..]
        .iter()
        .position(|&b| b == b'>' || b == b'<' || b.is_ascii_whitespace())?;
    let inner = &rest[1..close];
    if inner.is_empty() || rest[close] != b'>' {
        return None;
    }
    let scheme_len = inner
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        .count();
    let is_uri = (2..=32).contains(&scheme_len)
        && inner[0].is_ascii_alphabetic()
        && inner.get(scheme_len) == Some(&b':');
    let is_email = inner.contains(&b'@') && inner.iter().all(|b| b.is_ascii_graphic());
    (is_uri || is_email).then_some(close + 1)
}

/// Finds a closing delimiter (`-->`, `?>`) ahead, remembering what it already scanned so
/// that many openers without a closer cost one scan, not one each.
struct Finder {
    needle: &'static [u8],
    /// The last occurrence found.
    found: Option<usize>,
    /// No occurrence starts in the scanned stretch before this position (other than `found`).
    scanned: usize,
}

impl Finder {
    fn new(needle: &'static [u8]) -> Finder {
        Finder {
            needle,
            found: None,
            scanned: 0,
        }
    }

    /// The start of the first occurrence at or after `from` that ends before `stop`.
    fn find(&mut self, p: &[u8], from: usize, stop: usize) -> Option<usize> {
        let n = self.needle.len();
        if let Some(f) = self.found.filter(|&f| f >= from) {
            return (f + n <= stop).then_some(f);
        }
        let start = from.max(self.scanned);
        if start + n > stop {
            return None;
        }
        match p[start..stop].windows(n).position(|w| w == self.needle) {
            Some(k) => {
                self.found = Some(start + k);
                self.scanned = start + k;
                Some(start + k)
            }
            None => {
                self.scanned = stop + 1 - n;
                None
            }
        }
    }
}

/// An open or closing HTML tag at the start of `rest`.
fn html_tag(rest: &[u8]) -> Option<usize> {
    let mut i = 1;
    let closing = rest.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !rest.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while i < rest.len() && (rest[i].is_ascii_alphanumeric() || rest[i] == b'-') {
        i += 1;
    }
    loop {
        let ws_start = i;
        while i < rest.len() && rest[i].is_ascii_whitespace() {
            i += 1;
        }
        match rest.get(i)? {
            b'>' => return Some(i + 1),
            b'/' if !closing && rest.get(i + 1) == Some(&b'>') => return Some(i + 2),
            c if !closing
                && i > ws_start
                && (c.is_ascii_alphabetic() || *c == b'_' || *c == b':') =>
            {
                while i < rest.len()
                    && (rest[i].is_ascii_alphanumeric()
                        || matches!(rest[i], b'_' | b'.' | b':' | b'-'))
                {
                    i += 1;
                }
                let save = i;
                while i < rest.len() && rest[i].is_ascii_whitespace() {
                    i += 1;
                }
                if rest.get(i) == Some(&b'=') {
                    i += 1;
                    while i < rest.len() && rest[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    match *rest.get(i)? {
                        q @ (b'"' | b'\'') => {
                            i += 1 + rest.get(i + 1..)?.iter().position(|&b| b == q)? + 1;
                        }
                        _ => {
                            let start = i;
                            while i < rest.len()
                                && !rest[i].is_ascii_whitespace()
                                && !matches!(rest[i], b'"' | b'\'' | b'=' | b'<' | b'>' | b'`')
                            {
                                i += 1;
                            }
                            if i == start {
                                return None;
                            }
                        }
                    }
                } else {
                    i = save;
                }
            }
            _ => return None,
        }
    }
}

/// A bare URL (`http://`, `https://`, `ftp://`, `www.`) starting at a word start `i`;
/// returns its end, leaving trailing sentence punctuation and unbalanced `)` as prose.
fn url_end(p: &[u8], i: usize, end: usize) -> Option<usize> {
    // Cheap rejection first: this runs at every `h`, `w` and `f`.
    if !matches!(p.get(i + 1), Some(b't' | b'T' | b'w' | b'W')) {
        return None;
    }
    if char_before(p, i).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let rest = &p[i..end];
    let starts = |s: &[u8]| rest.len() > s.len() && rest[..s.len()].eq_ignore_ascii_case(s);
    let www = starts(b"www.");
    if !(starts(b"http://") || starts(b"https://") || starts(b"ftp://") || www) {
        return None;
    }
    if www && !rest.get(4).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut e = i;
    while e < end
        && p[e].is_ascii()
        && !p[e].is_ascii_whitespace()
        && !matches!(p[e], b'<' | b'>' | b'"')
    {
        e += 1;
    }
    loop {
        match p[e - 1] {
            b'.' | b',' | b':' | b';' | b'!' | b'?' | b'*' | b'_' | b'~' | b'\'' => e -= 1,
            b')' => {
                let url = &p[i..e];
                let open = url.iter().filter(|&&b| b == b'(').count();
                let close = url.iter().filter(|&&b| b == b')').count();
                if close > open {
                    e -= 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    (e > i + 4).then_some(e)
}

/// An e-mail address around the `@` at `at`.
fn email_around(p: &[u8], at: usize, start: usize, end: usize) -> Option<Span> {
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut s = at;
    while s > start && local(p[s - 1]) {
        s -= 1;
    }
    while s < at && p[s] == b'.' {
        s += 1;
    }
    let mut e = at + 1;
    while e < end && (p[e].is_ascii_alphanumeric() || matches!(p[e], b'.' | b'-')) {
        e += 1;
    }
    while e > at + 1 && matches!(p[e - 1], b'.' | b'-') {
        e -= 1;
    }
    let domain = &p[at + 1..e];
    let dot = domain.iter().rposition(|&b| b == b'.')?;
    let tld = &domain[dot + 1..];
    (s < at && dot > 0 && tld.len() >= 2 && tld.iter().all(|b| b.is_ascii_alphabetic()))
        .then_some(s..e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> String {
        let m = mask(text, Format::Markdown);
        assert_eq!(m.prose.len(), text.len());
        m.prose
    }

    fn plain(text: &str) -> String {
        mask(text, Format::Plain).prose
    }

    #[test]
    fn yaml_front_matter_is_masked_and_its_date_read() {
        let text =
            "---\ntitle: \"'We were flying blind': clinics\"\ndate: 2025-01-23\n---\n\n# Head\n";
        let m = mask(text, Format::Markdown);
        assert_eq!(m.front_matter_date.as_deref(), Some("2025-01-23"));
        assert!(!m.prose.contains("title") && !m.prose.contains("flying"));
        assert!(m.prose.ends_with("\n\n  Head\n"));
    }

    #[test]
    fn toml_front_matter_date_has_its_quotes_stripped() {
        let text = "+++\ntitle = \"x\"\ndate = \"2016-10-13\" # story\n+++\nBody.\n";
        let m = mask(text, Format::Markdown);
        assert_eq!(m.front_matter_date.as_deref(), Some("2016-10-13"));
        assert!(m.prose.ends_with("Body.\n"));
        assert!(!m.prose.contains('+'));
    }

    #[test]
    fn yaml_date_in_single_quotes_and_crlf() {
        let text = "---\r\ndesk: metro\r\ndate: '2025-03-06'\r\n---\r\nText.";
        let m = mask(text, Format::Markdown);
        assert_eq!(m.front_matter_date.as_deref(), Some("2025-03-06"));
        assert!(m.prose.ends_with("\r\nText."));
    }

    #[test]
    fn a_leading_rule_around_prose_is_not_front_matter() {
        let m = mask(
            "---\nThe council met today. It voted.\n---\n\nMore.",
            Format::Markdown,
        );
        assert!(m.prose.contains("The council met today."));
        assert_eq!(m.front_matter_date, None);
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        let m = mask("---\ndate: 2020-01-01\nThe body.", Format::Markdown);
        assert_eq!(m.front_matter_date, None);
        assert!(m.prose.contains("The body."));
    }

    #[test]
    fn fenced_code_is_masked_including_quotes() {
        let text = "Before.\n\n```text\nQuotes inside code, like \"this\", are not prose.\n```\n\n~~~\nx\n~~~\nAfter.";
        let p = md(text);
        assert!(!p.contains("Quotes") && !p.contains('"') && !p.contains("```"));
        assert!(p.starts_with("Before.") && p.ends_with("After."));
    }

    #[test]
    fn unclosed_fence_masks_to_the_end() {
        let p = md("Text.\n\n```\ncode \"q\"\n\nmore");
        assert!(p.starts_with("Text.") && !p.contains("more") && !p.contains('"'));
    }

    #[test]
    fn indented_code_after_a_blank_line_but_not_a_lazy_continuation() {
        let p = md("A paragraph\n    continues here.\n\n    let x = \"code\";\n\nEnd.");
        assert!(p.contains("continues here."));
        assert!(!p.contains("let x"));
    }

    #[test]
    fn inline_code_and_html_are_masked() {
        let p = md("Run `copydesk \"check\"` now, <span class=\"x\">said</span> she.<!-- note -->");
        assert!(!p.contains("copydesk") && !p.contains("span") && !p.contains("note"));
        assert!(
            p.contains("Run ") && p.contains(" now, ") && p.contains("said") && p.contains(" she.")
        );
    }

    #[test]
    fn double_backtick_code_span_may_hold_a_backtick() {
        let p = md("Use `` a ` b `` here.");
        assert_eq!(p, format!("Use {} here.", " ".repeat(11)));
    }

    #[test]
    fn links_keep_their_text_only() {
        let text = "Read [the report](https://example.com/a_(b) \"Title\") and [this][ref].\n\n[ref]: https://x.org\n";
        let p = md(text);
        assert!(p.starts_with("Read  the report  "), "{p:?}");
        assert!(p.contains(" and  this "));
        assert!(
            !p.contains("example")
                && !p.contains("Title")
                && !p.contains("ref")
                && !p.contains('[')
        );
        assert!(!p.contains("x.org"));
    }

    #[test]
    fn images_are_masked_entirely() {
        let p = md("A photo ![Harbour at dawn](img/h.jpg) here.");
        assert!(!p.contains("Harbour") && !p.contains("img"));
    }

    #[test]
    fn editorial_brackets_stay() {
        let p = md("\"He [the mayor] agreed,\" she said.");
        assert!(p.contains("[the mayor]"));
    }

    #[test]
    fn autolinks_and_bare_urls_are_masked_but_not_trailing_punctuation() {
        let p = md(
            "See <https://a.b/c> or https://example.com/x. Or www.example.org, or mail <a@b.co>.",
        );
        assert!(!p.contains("https") && !p.contains("example") && !p.contains("a@b"));
        assert!(!p.contains("/x"));
        assert!(p.contains(". Or") && p.contains(", or mail"));
    }

    #[test]
    fn url_in_parentheses_keeps_the_closing_paren() {
        let p = plain("(see https://en.wikipedia.org/wiki/Foo_(bar)) then");
        assert_eq!(p, format!("(see {}) then", " ".repeat(39)));
    }

    #[test]
    fn emphasis_markers_are_masked() {
        assert_eq!(
            md("**HARLAN VALLEY** — A storm"),
            "  HARLAN VALLEY   — A storm"
        );
        assert_eq!(md("_really_ and *so*"), " really  and  so ");
        assert_eq!(md("snake_case_name stays"), "snake_case_name stays");
        assert_eq!(md("5 * 3 = 15"), "5 * 3 = 15");
        assert_eq!(md("~~gone~~ now"), "  gone   now");
    }

    #[test]
    fn backslash_escapes_keep_the_character() {
        assert_eq!(md(r"not \*emphasis\*"), "not  *emphasis *");
    }

    #[test]
    fn heading_markers_bullets_and_blockquotes_are_masked() {
        let text = "# Title #\n\n> Quoted \"words\"\n\n- one\n* two\n1. three\n";
        let m = mask(text, Format::Markdown);
        assert_eq!(
            m.prose,
            "  Title  \n\n  Quoted \"words\"\n\n  one\n  two\n   three\n"
        );
        assert_eq!(m.layout.heading_lines, vec![0]);
        let two = text.find("* two").unwrap();
        let three = text.find("1. three").unwrap();
        assert!(m.layout.breaks.contains(&two) && m.layout.breaks.contains(&three));
    }

    #[test]
    fn setext_headings_are_recorded() {
        let text = "Big news\nof the day\n===\n\nBody.\nSub\n---\nMore.";
        let m = mask(text, Format::Markdown);
        // `Body.\nSub` is one paragraph, turned into a heading by `---`.
        let body = text.find("Body.").unwrap();
        assert_eq!(m.layout.heading_lines, vec![0, body]);
        assert!(!m.prose.contains('=') && !m.prose.contains('-'));
        assert!(m.layout.breaks.contains(&text.find("More.").unwrap()));
    }

    #[test]
    fn thematic_break_is_masked() {
        assert_eq!(md("One.\n\n* * *\n\nTwo."), "One.\n\n     \n\nTwo.");
    }

    #[test]
    fn ordered_list_cannot_interrupt_a_paragraph_unless_it_starts_at_one() {
        let p = md("In the year\n2019. The vote passed.");
        assert!(p.contains("2019. The"));
    }

    #[test]
    fn fence_inside_a_block_quote_closes() {
        let p = md("> ```\n> code \"x\"\n> ```\n\nAfter.");
        assert!(!p.contains("code") && p.ends_with("After."));
    }

    #[test]
    fn template_shortcodes_are_masked() {
        let p = md("{{< tweet user=\"x\" id=\"1\" >}}\n\nThe mayor {% raw %}said{% endraw %} no.");
        assert!(!p.contains("tweet") && !p.contains("raw") && !p.contains('{'));
        assert!(p.contains("The mayor ") && p.contains("said") && p.ends_with(" no."));
    }

    #[test]
    fn html_comment_block_spanning_lines() {
        let p = md("Before.\n\n<!--\nhidden \"quote\n\nstill hidden\n-->\n\nAfter.");
        assert!(!p.contains("hidden") && p.ends_with("After."));
    }

    #[test]
    fn byte_order_mark_is_masked() {
        assert_eq!(plain("\u{feff}Title\n"), "   Title\n");
        assert_eq!(md("\u{feff}# Title"), "     Title");
    }

    #[test]
    fn one_line_html_comment_masks_only_its_line() {
        let p = md("<!-- copydesk-disable-next-line unattributed-quote -->\n\"Quote.\"\n\nAfter.");
        assert!(!p.contains("copydesk"));
        assert!(p.contains("\"Quote.\"") && p.ends_with("After."));
    }

    #[test]
    fn plain_text_masks_only_urls_and_emails() {
        let text = "Title\n\n**Bold** `code` <b>x</b> mail jane.doe@example.com now.";
        let p = plain(text);
        assert!(p.contains("**Bold** `code` <b>x</b> mail"));
        assert!(!p.contains("jane") && p.ends_with(" now."));
        let m = mask(text, Format::Plain);
        assert_eq!(m.layout.heading_lines, vec![0]);
        assert_eq!(m.layout.breaks, vec![6]);
    }

    #[test]
    fn non_ascii_is_never_split() {
        for text in [
            "**Київ** — «цитата» ✊🏽",
            "_é_ `ü` <a title=\"ñ\">",
            "\u{feff}---\ndate: 1\n---\nمرحبا",
            "*\u{301}*",
        ] {
            let p = md(text);
            assert_eq!(p.len(), text.len());
            // Every character left in the prose is the text's own character, in place.
            for (i, c) in p.char_indices().filter(|&(_, c)| c != ' ') {
                assert!(
                    text.is_char_boundary(i) && text[i..].starts_with(c),
                    "{text:?} at {i}"
                );
            }
        }
    }
}
