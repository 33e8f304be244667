//! The custom requests editors build panels and status bars on:
//! `copydesk/sourceSheet` (what `copydesk entities --format json` prints for the document)
//! and `copydesk/status` (counts for a status bar).

use crate::analysis::Analysis;
use crate::checks::Code;
use crate::position::LineIndex;
use serde_json::{json, Value};

/// The source sheet of one document, in the shape of `copydesk entities --format json`:
/// `{"version": 1, "files": [{"path", "story_date", "entities", "quotes"}]}`.
pub fn source_sheet(path: &str, analysis: &Analysis) -> Value {
    let text = &analysis.draft.text;
    let index = LineIndex::new(text);
    let at = |offset: usize| index.position(text, offset);
    let span_text = |span: &std::ops::Range<usize>| text.get(span.clone()).unwrap_or_default();
    let entities: Vec<Value> = analysis
        .entities
        .iter()
        .map(|e| {
            json!({
                "name": e.name,
                "kind": e.kind.as_str(),
                "role": e.role,
                "mentions": e.mentions.iter().map(|m| json!({
                    "start": at(m.span.start),
                    "end": at(m.span.end),
                    "text": span_text(&m.span),
                })).collect::<Vec<_>>(),
                "variants": e.variants,
            })
        })
        .collect();
    let quotes: Vec<Value> = analysis
        .draft
        .quotes
        .iter()
        .enumerate()
        .filter(|(i, _)| analysis.attributions.get(*i).is_none_or(|a| a.is_speech))
        .map(|(i, q)| {
            json!({
                "start": at(q.span.start),
                "end": at(q.span.end),
                "text": span_text(&q.span),
                "speaker": analysis.speaker_name(i),
            })
        })
        .collect();
    let story_date = analysis.story_date.date().map(|d| d.to_string());
    json!({
        "version": 1,
        "files": [{
            "path": path,
            "story_date": story_date,
            "entities": entities,
            "quotes": quotes,
        }],
    })
}

/// Counts for an editor's status bar.
pub fn status(analysis: &Analysis, version: i32) -> Value {
    let speech: Vec<_> = analysis
        .attributions
        .iter()
        .filter(|a| a.is_speech)
        .collect();
    let unattributed = speech.iter().filter(|a| a.speaker.is_none()).count();
    let unsupported = analysis
        .numbers
        .iter()
        .filter(|n| n.support.is_none())
        .count();
    let count = |code: Code| analysis.findings.iter().filter(|f| f.code == code).count();
    json!({
        "version": version,
        "quotes": speech.len(),
        "unattributed": unattributed,
        "names": analysis.entities.len(),
        "numbers": analysis.numbers.len(),
        "unsupported_numbers": unsupported,
        "dates": analysis.dates.len(),
        "findings": analysis.findings.len(),
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
        let analysis = crate::analyze(text, Format::Markdown, &Config::default());
        let sheet = source_sheet("draft.md", &analysis);
        let file = &sheet["files"][0];
        assert_eq!(file["path"], "draft.md");
        let quotes = file["quotes"].as_array().unwrap();
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0]["text"], "“We will rebuild.”");
        assert_eq!(quotes[0]["start"]["line"], 3);
        assert_eq!(quotes[0]["start"]["offset"], text.find('“').unwrap());
        let status = status(&analysis, 4);
        assert_eq!(status["quotes"], 1);
        assert_eq!(status["version"], 4);
    }
}
