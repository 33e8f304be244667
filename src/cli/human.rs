//! Human output, following compiler conventions so editors and terminals can jump to each
//! finding: `path:line:column: severity[code]: message`, the source line with a caret
//! underline, related locations as `note:` lines and fixes as `fix:` lines.
//! `entities` prints a readable source sheet.

use crate::analysis::entities::{Entity, EntityKind};
use crate::analysis::Analysis;
use crate::checks::{Checked, Finding, Severity};
use crate::report::{speech_quotes, Locator};
use std::fmt::Write;

/// Lines longer than this (in characters) are shown as a window around the finding.
const MAX_SHOWN_LINE: usize = 120;
/// Characters of context kept before a finding when a long line is windowed.
const CONTEXT_BEFORE: usize = 40;

/// ANSI styling, or none when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    fn severity_code(severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Information => "1;34",
            Severity::Hint => "1;36",
        }
    }

    fn severity(self, severity: Severity, text: &str) -> String {
        self.paint(Style::severity_code(severity), text)
    }

    fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
}

/// Every finding of one draft, each followed by a blank line.
pub fn findings(path: &str, checked: &Checked, style: Style) -> String {
    let path = &shown(path);
    let locator = Locator::new(&checked.analysis.draft.text);
    let mut out = String::new();
    for f in &checked.findings {
        finding(&mut out, path, &locator, f, style);
        out.push('\n');
    }
    out
}

fn finding(out: &mut String, path: &str, locator: &Locator, f: &Finding, style: Style) {
    let start = locator.position(f.span.start);
    let end = locator.position(f.span.end);
    let _ = writeln!(
        out,
        "{}: {}: {}",
        style.bold(&format!("{path}:{}:{}", start.line, start.column)),
        style.severity(
            f.severity,
            &format!("{}[{}]", f.severity.as_str(), f.code.as_str())
        ),
        style.bold(&f.message)
    );
    let line_text = locator.lines().line_text(start.line);
    // Where the finding starts and ends within the line, in bytes; the underline stops at
    // the end of the first line of a span that runs over several.
    let from = start.offset - line_start(locator, start);
    let to = if end.line == start.line {
        end.offset - line_start(locator, start)
    } else {
        line_text.len()
    };
    source_line(
        out,
        start.line,
        line_text,
        from,
        to.max(from),
        f.severity,
        style,
    );
    for r in &f.related {
        let at = match &r.path {
            None => {
                let p = locator.position(r.span.start);
                format!("{path}:{}:{}", p.line, p.column)
            }
            // Another draft: placed by line and column when it can still be read.
            Some(other) => {
                let shown_path = shown(&other.display().to_string()).into_owned();
                match crate::regular_file::read_text(other, crate::regular_file::MAX_DRAFT_BYTES) {
                    Ok(text) => {
                        let p = Locator::new(&text).position(r.span.start);
                        format!("{shown_path}:{}:{}", p.line, p.column)
                    }
                    Err(_) => shown_path,
                }
            }
        };
        let _ = writeln!(out, "  {}: {at}: {}", style.bold("note"), r.message);
    }
    for fix in &f.fixes {
        let _ = writeln!(out, "  {}: {}", style.bold("fix"), fix.title);
    }
}

/// The byte offset where the line of `position` starts.
fn line_start(locator: &Locator, position: crate::position::Position) -> usize {
    let (_, bytes, offset) = locator
        .lines()
        .locate(position.offset, crate::position::Unit::Utf8);
    offset - bytes
}

/// The source line, with `^` under the characters of bytes `from..to` (char boundaries of
/// `text`). Only the shown part of the line is read: on a line of megabytes, each finding
/// costs the width of its window, not the length of the line.
fn source_line(
    out: &mut String,
    line: usize,
    text: &str,
    from: usize,
    to: usize,
    severity: Severity,
    style: Style,
) {
    let (from, to) = (from.min(text.len()), to.min(text.len()));
    // Up to CONTEXT_BEFORE characters before the finding, then MAX_SHOWN_LINE in all; the
    // whole line when it is that short.
    let short = text.chars().nth(MAX_SHOWN_LINE).is_none();
    let shown_from = if short {
        0
    } else {
        text[..from]
            .char_indices()
            .rev()
            .nth(CONTEXT_BEFORE - 1)
            .map_or(0, |(at, _)| at)
    };
    let shown_to = text[shown_from..]
        .char_indices()
        .nth(MAX_SHOWN_LINE)
        .map_or(text.len(), |(at, _)| shown_from + at);
    let mut shown = String::new();
    if shown_from > 0 {
        shown.push('…');
    }
    shown.extend(text[shown_from..shown_to].chars().map(printable));
    if shown_to < text.len() {
        shown.push('…');
    }
    let lead = usize::from(shown_from > 0) + text[shown_from..from.max(shown_from)].chars().count();
    let width = text[from.min(shown_to)..to.min(shown_to).max(from.min(shown_to))]
        .chars()
        .count()
        .max(1);
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let _ = writeln!(out, " {} {shown}", style.dim(&format!("{number} |")));
    let _ = writeln!(
        out,
        " {} {}{}",
        style.dim(&format!("{gutter} |")),
        " ".repeat(lead),
        style.severity(severity, &"^".repeat(width))
    );
}

/// A file name as printed for a person: control characters (a newline, an escape that
/// would drive the terminal) written as escapes, so a hostile name can neither fake a line
/// of output nor send commands to the terminal.
pub fn shown(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Control characters (binary junk, terminal escapes, tabs) shown as one safe character, so
/// the caret stays under the right column and nothing is sent to the terminal raw.
fn printable(c: char) -> char {
    match c {
        '\t' => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }
}

/// Counts findings by severity for the summary line.
#[derive(Debug, Default)]
pub struct Tally {
    files: usize,
    by_severity: [usize; 4],
}

impl Tally {
    /// Counts one file with these findings.
    pub fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        for f in findings {
            self.by_severity[f.severity as usize] += 1;
        }
    }

    /// `2 errors, 1 warning in 3 files` or `no findings in 1 file`.
    pub fn summary(&self) -> String {
        let files = plural(self.files, "file", "files");
        let names = [
            ("error", "errors"),
            ("warning", "warnings"),
            ("information", "information"),
            ("hint", "hints"),
        ];
        let parts: Vec<String> = self
            .by_severity
            .iter()
            .zip(names)
            .filter(|(&n, _)| n > 0)
            .map(|(&n, (one, many))| plural(n, one, many))
            .collect();
        if parts.is_empty() {
            format!("no findings in {files}\n")
        } else {
            format!("{} in {files}\n", parts.join(", "))
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The source sheet of one draft: story date, people, places, organizations, quotes.
pub fn source_sheet(path: &str, analysis: &Analysis, style: Style) -> String {
    let path = &shown(path);
    let locator = Locator::new(&analysis.draft.text);
    let mut out = String::new();
    let _ = writeln!(out, "{}", style.bold(path));
    let date = match analysis.story_date.date() {
        Some(d) => d.format("%Y-%m-%d (%A)").to_string(),
        None => partial_date(analysis).unwrap_or_else(|| "unknown".to_string()),
    };
    let _ = writeln!(out, "  story date: {date}");
    for (kind, heading) in [
        (EntityKind::Person, "People"),
        (EntityKind::Place, "Places"),
        (EntityKind::Organization, "Organizations"),
    ] {
        let group: Vec<&Entity> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n  {}", style.bold(heading));
        for e in group {
            entity(&mut out, path, &locator, e);
        }
    }
    let quotes: Vec<usize> = speech_quotes(analysis).collect();
    if !quotes.is_empty() {
        let _ = writeln!(out, "\n  {}", style.bold("Quotes"));
        for i in quotes {
            let span = &analysis.draft.quotes[i].span;
            let at = locator.position(span.start);
            let speaker = analysis
                .speaker_name(i)
                .unwrap_or_else(|| "(no speaker)".to_string());
            let _ = writeln!(
                out,
                "    {}:{}  {} — {speaker}",
                at.line,
                at.column,
                shorten(locator.text_of(span), 72)
            );
        }
    }
    out.push('\n');
    out
}

fn entity(out: &mut String, path: &str, locator: &Locator, e: &Entity) {
    match &e.role {
        Some(role) => {
            let _ = writeln!(out, "    {} — {role}", e.name);
        }
        None => {
            let _ = writeln!(out, "    {}", e.name);
        }
    }
    if let Some(first) = e.mentions.iter().map(|m| m.span.start).min() {
        let p = locator.position(first);
        // How the entity is named, most frequent first.
        let mut spellings: Vec<(&str, usize)> = Vec::new();
        for m in &e.mentions {
            let text = locator.text_of(&m.span);
            match spellings.iter_mut().find(|(t, _)| *t == text) {
                Some((_, n)) => *n += 1,
                None => spellings.push((text, 1)),
            }
        }
        spellings.sort_by_key(|s| std::cmp::Reverse(s.1));
        let named: Vec<String> = spellings
            .iter()
            .map(|(t, n)| format!("\"{}\" ×{n}", shorten(t, 40)))
            .collect();
        let _ = writeln!(
            out,
            "      {}, first at {path}:{}:{}: {}",
            plural(e.mentions.len(), "mention", "mentions"),
            p.line,
            p.column,
            named.join(", ")
        );
    }
    if !e.variants.is_empty() {
        let _ = writeln!(out, "      variants: {}", e.variants.join(", "));
    }
    if !e.quotes.is_empty() {
        let _ = writeln!(
            out,
            "      {} attributed",
            plural(e.quotes.len(), "quote", "quotes")
        );
    }
    if let Some(note) = &e.note {
        let _ = writeln!(out, "      note: {note}");
    }
}

/// `March 6 (year unknown)` when only part of the story date is known.
fn partial_date(analysis: &Analysis) -> Option<String> {
    let d = &analysis.story_date;
    let month = chrono::Month::try_from(u8::try_from(d.month?).ok()?).ok()?;
    Some(match d.day {
        Some(day) => format!("{} {day} (year unknown)", month.name()),
        None => format!("{} (year unknown)", month.name()),
    })
}

/// The text on one line, cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { printable(c) })
        .collect();
    if flat.chars().count() <= max {
        flat
    } else {
        let mut cut: String = flat.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_windowed_around_the_finding() {
        let shown = |text: &str, from: usize, to: usize| {
            let mut out = String::new();
            source_line(
                &mut out,
                1,
                text,
                from,
                to,
                Severity::Warning,
                Style { color: false },
            );
            out
        };
        assert_eq!(
            shown("short line", 6, 10),
            " 1 | short line\n   |       ^^^^\n"
        );
        let long: String = (0..500)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let out = shown(&long, 300, 310);
        let lines: Vec<&str> = out.lines().collect();
        // 40 characters before the finding, 120 in all, an ellipsis at each cut end.
        assert_eq!(lines[0], format!(" 1 | …{}…", &long[260..380]));
        assert_eq!(
            lines[1],
            format!("   | {}{}", " ".repeat(41), "^".repeat(10))
        );
        let out = shown(&long, 490, 495);
        assert_eq!(
            out.lines().next().unwrap(),
            format!(" 1 | …{}", &long[450..])
        );
    }

    #[test]
    fn control_characters_in_file_names_are_escaped() {
        assert_eq!(shown("a/story.md"), "a/story.md");
        assert_eq!(shown("a\nb\u{1b}[31m.md"), "a\\nb\\u{1b}[31m.md");
    }

    #[test]
    fn findings_on_one_long_line_take_time_in_its_length() {
        use crate::checks::Code;
        // Counted in characters looked at would be better; the time of a doubled line
        // is compared instead, in one run, with a wide margin.
        let time = |words: usize| {
            let text = "Kyiv said Kiev ".repeat(words);
            let mut checked = crate::check(
                "x\n",
                crate::draft::Format::Plain,
                &crate::config::Config::default(),
            );
            checked.analysis.draft.text = text.clone();
            checked.findings = (0..words)
                .map(|i| Finding::new(Code::NameVariant, i * 15 + 10..i * 15 + 14, "Kyiv"))
                .collect();
            let started = std::time::Instant::now();
            let out = findings("d.txt", &checked, Style { color: false });
            assert_eq!(out.matches("warning[name-variant]").count(), words);
            started.elapsed().as_secs_f64()
        };
        time(2_000);
        let (small, large) = (time(10_000), time(40_000));
        // Linear: 4×; quadratic: 16×.
        assert!(
            large < small * 9.0,
            "{small:.4} s → {large:.4} s for 4× the line"
        );
    }

    #[test]
    fn carets_sit_under_the_finding_by_columns() {
        use crate::checks::{Code, Related};
        let text = "Headline\nМэр Київ 🚀 said Kiev was calm.\nKyiv again.\n";
        let mut checked = crate::check(
            text,
            crate::draft::Format::Plain,
            &crate::config::Config::default(),
        );
        let at = text.find("Kiev").unwrap();
        let mut f = Finding::new(Code::NameVariant, at..at + 4, "spelled Kyiv elsewhere");
        f.related.push(Related {
            message: "dominant spelling".into(),
            span: text.find("Kyiv").unwrap()..text.find("Kyiv").unwrap() + 4,
            path: None,
        });
        checked.findings = vec![f];
        let shown = findings("d.txt", &checked, Style { color: false });
        assert_eq!(
            shown,
            concat!(
                "d.txt:2:17: warning[name-variant]: spelled Kyiv elsewhere\n",
                " 2 | Мэр Київ 🚀 said Kiev was calm.\n",
                "   |                 ^^^^\n",
                "  note: d.txt:3:1: dominant spelling\n",
                "\n"
            )
        );
    }

    #[test]
    fn summary_counts_by_severity() {
        let mut t = Tally::default();
        assert_eq!(t.summary(), "no findings in 0 files\n");
        t.files = 2;
        t.by_severity = [1, 2, 0, 0];
        assert_eq!(t.summary(), "1 error, 2 warnings in 2 files\n");
    }
}
