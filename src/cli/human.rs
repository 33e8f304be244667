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
    // The underline stops at the end of the first line of a span that runs over several.
    let line_text = locator.lines().line_text(start.line);
    let line_chars = line_text.chars().count();
    let from = start.column - 1;
    let to = if end.line == start.line {
        end.column - 1
    } else {
        line_chars
    };
    source_line(out, start.line, line_text, from, to, f.severity, style);
    for r in &f.related {
        let at = match &r.path {
            None => {
                let p = locator.position(r.span.start);
                format!("{path}:{}:{}", p.line, p.column)
            }
            // Another draft: placed by line and column when it can still be read.
            Some(other) => match std::fs::read_to_string(other) {
                Ok(text) => {
                    let p = Locator::new(&text).position(r.span.start);
                    format!("{}:{}:{}", other.display(), p.line, p.column)
                }
                Err(_) => other.display().to_string(),
            },
        };
        let _ = writeln!(out, "  {}: {at}: {}", style.bold("note"), r.message);
    }
    for fix in &f.fixes {
        let _ = writeln!(out, "  {}: {}", style.bold("fix"), fix.title);
    }
}

/// The source line, with `^` under characters `from..to` (0-based columns).
fn source_line(
    out: &mut String,
    line: usize,
    text: &str,
    from: usize,
    to: usize,
    severity: Severity,
    style: Style,
) {
    let chars: Vec<char> = text.chars().map(printable).collect();
    let (shown_from, shown_to) = window(chars.len(), from, to);
    let mut shown = String::new();
    if shown_from > 0 {
        shown.push('…');
    }
    shown.extend(&chars[shown_from..shown_to]);
    if shown_to < chars.len() {
        shown.push('…');
    }
    let lead = usize::from(shown_from > 0) + from.saturating_sub(shown_from);
    let width = to.min(shown_to).saturating_sub(from).max(1);
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

/// The characters of a line of `len` characters to show for a finding at `from..to`.
fn window(len: usize, from: usize, to: usize) -> (usize, usize) {
    if len <= MAX_SHOWN_LINE {
        return (0, len);
    }
    let start = from.saturating_sub(CONTEXT_BEFORE).min(len);
    let end = (start + MAX_SHOWN_LINE).min(len).max(to.min(len));
    let end = end.min(start + MAX_SHOWN_LINE);
    (start, end)
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
        assert_eq!(window(50, 10, 20), (0, 50));
        let (from, to) = window(500, 300, 310);
        assert_eq!((from, to), (260, 380));
        let (from, to) = window(500, 490, 495);
        assert_eq!((from, to), (450, 500));
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
