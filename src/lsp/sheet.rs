//! The custom requests editors build panels and status bars on:
//! `copydesk/sourceSheet` (what `copydesk entities --format json` prints for the document)
//! and `copydesk/status` (counts for a status bar).

use crate::analysis::Analysis;
use crate::checks::{Code, Finding};
use crate::report;
use serde_json::{json, Value};

/// The source sheet of one document, exactly as `copydesk entities --format json` prints
/// it for that file: `{"version": 1, "files": [{"path", "story_date", "entities", "quotes"}]}`.
pub fn source_sheet(path: &str, analysis: &Analysis) -> Value {
    let document = report::Document::new(vec![report::entities_report(path, analysis)]);
    serde_json::to_value(document).unwrap_or(Value::Null)
}

/// Counts for an editor's status bar, from a document's analysis and findings.
pub fn status(analysis: &Analysis, findings: &[Finding], version: i32) -> Value {
    let speech: Vec<usize> = report::speech_quotes(analysis).collect();
    let unattributed = speech
        .iter()
        .filter(|&&i| {
            analysis
                .attributions
                .get(i)
                .is_none_or(|a| a.speaker.is_none())
        })
        .count();
    let unsupported = analysis
        .numbers
        .iter()
        .filter(|n| n.support.is_none())
        .count();
    let count = |code: Code| findings.iter().filter(|f| f.code == code).count();
    json!({
        "version": version,
        "quotes": speech.len(),
        "unattributed": unattributed,
        "names": analysis.entities.len(),
        "numbers": analysis.numbers.len(),
        "unsupported_numbers": unsupported,
        "dates": analysis.dates.len(),
        "findings": findings.len(),
        "name_variants": count(Code::NameVariant),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::draft::Format;

    #[test]
    fn sheet_lists_quotes_with_positions() {
        let text = "Київ.\n\n“We will rebuild.”\n";
        let checked = crate::check(text, Format::Markdown, &Config::default());
        let analysis = &checked.analysis;
        let sheet = source_sheet("draft.md", analysis);
        assert_eq!(sheet["version"], 1);
        let file = &sheet["files"][0];
        assert_eq!(file["path"], "draft.md");
        let quotes = file["quotes"].as_array().unwrap();
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0]["text"], "“We will rebuild.”");
        assert_eq!(quotes[0]["start"]["line"], 3);
        assert_eq!(quotes[0]["start"]["offset"], text.find('“').unwrap());
        let status = status(analysis, &checked.findings, 4);
        assert_eq!(status["quotes"], 1);
        assert_eq!(status["version"], 4);
    }
}
