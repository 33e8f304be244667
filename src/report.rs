//! The stable JSON model (`version` 1) of `copydesk check` and `copydesk entities`
//! (DESIGN.md, "Outputs"). Kept apart from the CLI so the language server can return the
//! same shapes (its `copydesk/sourceSheet` request uses [`entities_file`]).
//!
//! Positions carry the UTF-8 byte `offset` into the file, and a 1-based `line` and `column`,
//! the column counted in Unicode scalar values.

use crate::analysis::Analysis;
use crate::checks::{Checked, Edit, Finding, Fix, Related};
use crate::draft::Span;
use crate::position::{LineIndex, Position};
use serde::Serialize;

/// The version of the JSON model; bumped only on incompatible changes.
pub const VERSION: u32 = 1;

/// The whole output of a run: `{"version": 1, "files": [...]}`.
#[derive(Debug, Serialize)]
pub struct Document<T> {
    pub version: u32,
    pub files: Vec<T>,
}

impl<T> Document<T> {
    pub fn new(files: Vec<T>) -> Document<T> {
        Document {
            version: VERSION,
            files,
        }
    }
}

/// The findings of one draft.
#[derive(Debug, Serialize)]
pub struct FileFindings {
    pub path: String,
    pub findings: Vec<FindingReport>,
}

#[derive(Debug, Serialize)]
pub struct FindingReport {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub start: Position,
    pub end: Position,
    pub text: String,
    pub related: Vec<RelatedReport>,
    pub fixes: Vec<FixReport>,
}

#[derive(Debug, Serialize)]
pub struct RelatedReport {
    /// Present only when the location is in another file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub message: String,
    pub start: Position,
    pub end: Position,
}

#[derive(Debug, Serialize)]
pub struct FixReport {
    pub title: String,
    pub edits: Vec<EditReport>,
}

#[derive(Debug, Serialize)]
pub struct EditReport {
    pub start: Position,
    pub end: Position,
    pub new_text: String,
}

/// The source sheet of one draft: story date, entities and quotes.
#[derive(Debug, Serialize)]
pub struct FileEntities {
    pub path: String,
    /// `YYYY-MM-DD`, or null when the story's full date is not known.
    pub story_date: Option<String>,
    pub entities: Vec<EntityReport>,
    pub quotes: Vec<QuoteReport>,
}

#[derive(Debug, Serialize)]
pub struct EntityReport {
    pub name: String,
    pub kind: &'static str,
    pub role: Option<String>,
    pub mentions: Vec<SpanReport>,
    pub variants: Vec<String>,
}

/// A stretch of the draft: where it starts and ends, and its text.
#[derive(Debug, Serialize)]
pub struct SpanReport {
    pub start: Position,
    pub end: Position,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct QuoteReport {
    pub start: Position,
    pub end: Position,
    pub text: String,
    pub speaker: Option<String>,
}

/// Turns byte spans of one text into reported positions. The line index counts a column far
/// into a long line from its checkpoints, so many findings on one very long line (a 5 MB
/// paste with no line break) take linear time.
pub struct Locator<'a> {
    text: &'a str,
    index: LineIndex<'a>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            index: LineIndex::new(text),
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        self.index.position(offset)
    }

    /// The start and end positions of a span.
    pub fn range(&self, span: &Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }

    /// The text of a span; empty when the span does not fall on char boundaries of the text.
    pub fn text_of(&self, span: &Span) -> &'a str {
        self.text.get(span.clone()).unwrap_or("")
    }

    pub fn span(&self, span: &Span) -> SpanReport {
        let (start, end) = self.range(span);
        SpanReport {
            start,
            end,
            text: self.text_of(span).to_string(),
        }
    }

    /// The line index, for callers that print source lines.
    pub fn lines(&self) -> &LineIndex<'a> {
        &self.index
    }

    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// The findings of one checked draft, as `check --format json` prints them.
pub fn findings_file(path: &str, checked: &Checked) -> FileFindings {
    let locator = Locator::new(&checked.analysis.draft.text);
    FileFindings {
        path: path.to_string(),
        findings: checked
            .findings
            .iter()
            .map(|f| finding(&locator, f))
            .collect(),
    }
}

/// [`findings_file`] made as it is written: each finding's report is made, written and
/// dropped in turn, so a long draft's report is never held whole.
pub struct FindingsOf<'a> {
    pub path: &'a str,
    pub checked: &'a Checked,
}

impl Serialize for FindingsOf<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let locator = Locator::new(&self.checked.analysis.draft.text);
        let findings = EachFinding {
            locator: &locator,
            findings: &self.checked.findings,
        };
        // The fields of `FileFindings`, in its order, then what the sources say of the
        // quotes when the run compared them.
        let mut s = serializer.serialize_struct("FileFindings", 3)?;
        s.serialize_field("path", self.path)?;
        s.serialize_field("findings", &findings)?;
        if self.checked.evidence.is_empty() {
            s.skip_field("quote_sources")?;
        } else {
            s.serialize_field("quote_sources", &quote_sources(&locator, self.checked))?;
        }
        s.end()
    }
}

/// The findings of [`FindingsOf`], each reported as it is written.
struct EachFinding<'a, 'b> {
    locator: &'b Locator<'a>,
    findings: &'b [Finding],
}

impl Serialize for EachFinding<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.findings.iter().map(|f| finding(self.locator, f)))
    }
}

/// What the sources say of one quote: `verdict` is `verified`, `differs` or `not-found`;
/// `source` is the passage (file, 1-based line, timestamp and speaker when the source
/// gives them), null when not found.
#[derive(Debug, Serialize)]
pub struct QuoteSourceReport {
    pub start: Position,
    pub end: Position,
    pub text: String,
    pub verdict: &'static str,
    pub source: Option<PassageReport>,
}

#[derive(Debug, Serialize)]
pub struct PassageReport {
    pub path: String,
    pub line: usize,
    pub timestamp: Option<String>,
    pub speaker: Option<String>,
    pub text: String,
}

/// The evidence of a checked draft's quotes, positioned in its text.
pub fn quote_sources(locator: &Locator, checked: &Checked) -> Vec<QuoteSourceReport> {
    use crate::sources::Verdict;
    let quotes = &checked.analysis.draft.quotes;
    checked
        .evidence
        .iter()
        .filter_map(|e| {
            let quote = quotes.get(e.quote)?;
            let (start, end) = locator.range(&quote.span);
            Some(QuoteSourceReport {
                start,
                end,
                text: locator.text_of(&quote.span).to_string(),
                verdict: match e.verdict {
                    Verdict::Verified => "verified",
                    Verdict::Differs(_) => "differs",
                    Verdict::NotFound => "not-found",
                },
                source: e.passage.as_ref().map(|p| PassageReport {
                    path: p.path.display().to_string(),
                    line: p.line,
                    timestamp: p.timestamp.clone(),
                    speaker: p.speaker.clone(),
                    text: p.text.clone(),
                }),
            })
        })
        .collect()
}

/// One finding, positioned in the text `locator` was built on.
pub fn finding(locator: &Locator, f: &Finding) -> FindingReport {
    let (start, end) = locator.range(&f.span);
    FindingReport {
        code: f.code.as_str(),
        severity: f.severity.as_str(),
        message: f.message.clone(),
        start,
        end,
        text: locator.text_of(&f.span).to_string(),
        related: f.related.iter().map(|r| related(locator, r)).collect(),
        fixes: f.fixes.iter().map(|x| fix(locator, x)).collect(),
    }
}

fn related(locator: &Locator, r: &Related) -> RelatedReport {
    let (start, end) = match &r.path {
        None => locator.range(&r.span),
        // A location in another draft: position it in that file's text when it can be read.
        Some(other) => match std::fs::read_to_string(other) {
            Ok(text) => Locator::new(&text).range(&r.span),
            Err(_) => (offset_only(r.span.start), offset_only(r.span.end)),
        },
    };
    RelatedReport {
        path: r.path.as_ref().map(|p| p.display().to_string()),
        message: r.message.clone(),
        start,
        end,
    }
}

/// A position whose line and column are unknown (0): only the byte offset is.
fn offset_only(offset: usize) -> Position {
    Position {
        line: 0,
        column: 0,
        offset,
    }
}

fn fix(locator: &Locator, x: &Fix) -> FixReport {
    FixReport {
        title: x.title.clone(),
        edits: x.edits.iter().map(|e| edit(locator, e)).collect(),
    }
}

fn edit(locator: &Locator, e: &Edit) -> EditReport {
    let (start, end) = locator.range(&e.span);
    EditReport {
        start,
        end,
        new_text: e.new_text.clone(),
    }
}

/// The source sheet of one analysed draft, as `entities --format json` prints it.
pub fn entities_report(path: &str, analysis: &Analysis) -> FileEntities {
    let locator = Locator::new(&analysis.draft.text);
    let entities = analysis
        .entities
        .iter()
        .map(|e| EntityReport {
            name: e.name.clone(),
            kind: e.kind.as_str(),
            role: e.role.clone(),
            mentions: e.mentions.iter().map(|m| locator.span(&m.span)).collect(),
            variants: e.variants.clone(),
        })
        .collect();
    let quotes = speech_quotes(analysis)
        .map(|i| {
            let q = locator.span(&analysis.draft.quotes[i].span);
            QuoteReport {
                start: q.start,
                end: q.end,
                text: q.text,
                speaker: analysis.speaker_name(i),
            }
        })
        .collect();
    FileEntities {
        path: path.to_string(),
        story_date: analysis
            .story_date
            .date()
            .map(|d| d.format("%Y-%m-%d").to_string()),
        entities,
        quotes,
    }
}

/// The source sheet of one draft as a JSON value (one element of `files`).
pub fn entities_file(path: &str, analysis: &Analysis) -> serde_json::Value {
    serde_json::to_value(entities_report(path, analysis)).unwrap_or(serde_json::Value::Null)
}

/// The indices of the quotes that are speech (not scare quotes, titles or sign text), in
/// the order of the draft.
pub fn speech_quotes(analysis: &Analysis) -> impl Iterator<Item = usize> + '_ {
    (0..analysis.draft.quotes.len())
        .filter(|&i| analysis.attributions.get(i).is_none_or(|a| a.is_speech))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locator_agrees_with_the_line_index_on_long_lines() {
        let mut text = String::from("short\r\n");
        for i in 0..3000 {
            text.push_str(&format!("Київ {i} “x” 😀 "));
        }
        text.push_str("\rtail\n");
        let (locator, index) = (Locator::new(&text), LineIndex::new(&text));
        for offset in (0..text.len() + 3).step_by(7) {
            assert_eq!(locator.position(offset), index.position(offset), "{offset}");
        }
    }
    use crate::checks::{Code, Finding};
    use crate::config::Config;
    use crate::draft::Format;

    /// A draft whose second line mixes Cyrillic, emoji and a CRLF line break, with a
    /// finding on "Kiev" and its fix to "Kyiv".
    fn checked_with_finding() -> (Checked, usize) {
        let text = "Headline\r\nМэр Київ 🚀 said Kiev was calm.\r\nKyiv again.\n";
        let mut checked = crate::check(text, Format::Plain, &Config::default());
        let at = text.find("Kiev").unwrap();
        let kyiv = text.find("Kyiv").unwrap();
        let mut finding = Finding::new(Code::NameVariant, at..at + 4, "spelled Kyiv elsewhere");
        finding.related.push(Related {
            message: "dominant spelling".into(),
            span: kyiv..kyiv + 4,
            path: None,
        });
        finding.fixes.push(Fix {
            title: "Replace with \"Kyiv\"".into(),
            edits: vec![Edit {
                span: at..at + 4,
                new_text: "Kyiv".into(),
            }],
        });
        checked.findings = vec![finding];
        (checked, at)
    }

    #[test]
    fn findings_carry_lines_scalar_columns_and_byte_offsets() {
        let (checked, at) = checked_with_finding();
        let json = serde_json::to_value(findings_file("d.txt", &checked)).unwrap();
        let f = &json["findings"][0];
        assert_eq!(f["code"], "name-variant");
        assert_eq!(f["severity"], "warning");
        assert_eq!(f["text"], "Kiev");
        // "Мэр Київ 🚀 said " is 16 scalar values before "Kiev".
        assert_eq!(
            f["start"],
            serde_json::json!({"line": 2, "column": 17, "offset": at})
        );
        assert_eq!(
            f["end"],
            serde_json::json!({"line": 2, "column": 21, "offset": at + 4})
        );
        assert_eq!(f["related"][0]["start"]["line"], 3);
        assert_eq!(f["related"][0]["start"]["column"], 1);
        assert!(f["related"][0].get("path").is_none());
        assert_eq!(f["fixes"][0]["edits"][0]["new_text"], "Kyiv");
        assert_eq!(f["fixes"][0]["edits"][0]["start"]["offset"], at);
    }

    #[test]
    fn spans_off_char_boundaries_do_not_panic() {
        let (mut checked, _) = checked_with_finding();
        let len = checked.analysis.draft.text.len();
        let inside_k = checked.analysis.draft.text.find('К').unwrap() + 1;
        checked.findings[0].span = inside_k..len + 10;
        let json = serde_json::to_value(findings_file("d.txt", &checked)).unwrap();
        assert_eq!(json["findings"][0]["text"], "");
        assert_eq!(json["findings"][0]["end"]["offset"], len);
    }

    #[test]
    fn the_source_sheet_has_every_key() {
        let text = "“We will not back down.”\n";
        let analysis = crate::analyze(text, Format::Plain, &Config::default());
        let json = entities_file("d.txt", &analysis);
        assert_eq!(json["path"], "d.txt");
        assert!(json["story_date"].is_null());
        assert!(json["entities"].is_array());
        let quote = &json["quotes"][0];
        assert_eq!(quote["text"], "“We will not back down.”");
        assert_eq!(quote["start"]["offset"], 0);
        assert_eq!(quote["end"]["column"], 25);
        assert!(quote["speaker"].is_null());
    }
}
