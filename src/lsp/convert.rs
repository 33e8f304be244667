//! Analysis facts → protocol types: findings become diagnostics, hover cards become hovers.
//! Every byte span is converted against the text the analysis was computed from.

use super::documents::Analyzed;
use super::positions::{range_in, to_range, Encoding, LineIndex};
use super::workspace::Workspace;
use crate::checks::{Code, Finding, Severity};
use ropey::Rope;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};
use tower_lsp_server::ls_types::notification::Notification;
use tower_lsp_server::ls_types::{
    ClientCapabilities, CodeDescription, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, Hover, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString,
    Range, Uri,
};

pub const SOURCE: &str = "copydesk";

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The other drafts that related locations point into (workspace-wide checks), each made
/// into a rope once per batch of diagnostics: from the workspace index (the text the finding
/// was computed against), else from the file on disk.
pub struct OtherDrafts<'a> {
    workspace: Option<&'a Workspace>,
    ropes: HashMap<PathBuf, Option<Rope>>,
}

impl<'a> OtherDrafts<'a> {
    pub fn new(workspace: Option<&'a Workspace>) -> OtherDrafts<'a> {
        OtherDrafts {
            workspace,
            ropes: HashMap::new(),
        }
    }

    /// The range of `span` in the draft at `path`; its start when the draft cannot be read.
    fn range(&mut self, path: &Path, span: &std::ops::Range<usize>, enc: Encoding) -> Range {
        let workspace = self.workspace;
        let rope = self.ropes.entry(path.to_path_buf()).or_insert_with(|| {
            match workspace.and_then(|w| w.text_of(path)) {
                Some(text) => Some(Rope::from_str(&text)),
                None => crate::workspace::read_draft(path).map(|t| Rope::from_str(&t)),
            }
        });
        rope.as_ref()
            .map(|rope| to_range(rope, span, enc))
            .unwrap_or_default()
    }
}

/// The optional parts of a diagnostic a client accepts. Every diagnostic has them (DESIGN.md)
/// unless the client says it does not take them (`relatedInformation` or
/// `codeDescriptionSupport` false under `textDocument.publishDiagnostics` in its
/// capabilities): for a long draft they are half of the message it would read for nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiagnosticSupport {
    /// The other places a finding points to (the other spellings of a name).
    pub related_information: bool,
    /// The link to the check's documentation.
    pub code_description: bool,
}

impl DiagnosticSupport {
    pub const ALL: DiagnosticSupport = DiagnosticSupport {
        related_information: true,
        code_description: true,
    };

    /// What `capabilities` refuse; a client that says nothing is sent everything, as the
    /// editors that show these parts do not all declare them.
    pub fn of(capabilities: &ClientCapabilities) -> DiagnosticSupport {
        let publish = capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.publish_diagnostics.as_ref());
        DiagnosticSupport {
            related_information: publish.and_then(|p| p.related_information) != Some(false),
            code_description: publish.and_then(|p| p.code_description_support) != Some(false),
        }
    }
}

/// One finding as a diagnostic of the document `uri`, whose lines are `lines`, with the
/// optional parts `support` allows.
pub fn diagnostic(
    uri: &Uri,
    lines: &LineIndex<'_>,
    finding: &Finding,
    enc: Encoding,
    others: &mut OtherDrafts<'_>,
    support: DiagnosticSupport,
) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter(|_| support.related_information)
        .filter_map(|r| {
            let location = match &r.path {
                Some(path) => {
                    Location::new(Uri::from_file_path(path)?, others.range(path, &r.span, enc))
                }
                None => Location::new(uri.clone(), range_in(lines, &r.span, enc)),
            };
            Some(DiagnosticRelatedInformation {
                location,
                message: r.message.clone(),
            })
        })
        .collect();
    Diagnostic {
        range: range_in(lines, &finding.span, enc),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.as_str().to_string())),
        code_description: code_description(finding.code).filter(|_| support.code_description),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// The documentation link of a code, parsed once per code.
fn code_description(code: Code) -> Option<CodeDescription> {
    static PARSED: LazyLock<Mutex<HashMap<Code, Option<Uri>>>> = LazyLock::new(Mutex::default);
    let mut parsed = PARSED.lock().unwrap_or_else(|e| e.into_inner());
    parsed
        .entry(code)
        .or_insert_with(|| code.docs_url().parse().ok())
        .clone()
        .map(|href| CodeDescription { href })
}

/// Every finding of an analysis as diagnostics, whole (other drafts that findings point
/// into are read from disk).
pub fn diagnostics(uri: &Uri, analyzed: &Analyzed, enc: Encoding) -> Vec<Diagnostic> {
    diagnostics_with(uri, analyzed, enc, None, DiagnosticSupport::ALL)
}

/// Every finding of an analysis as diagnostics with the parts `support` allows; `workspace`
/// gives the text of other drafts that findings point into.
pub fn diagnostics_with(
    uri: &Uri,
    analyzed: &Analyzed,
    enc: Encoding,
    workspace: Option<&Workspace>,
    support: DiagnosticSupport,
) -> Vec<Diagnostic> {
    let mut others = OtherDrafts::new(workspace);
    let lines = LineIndex::new(&analyzed.analysis.draft.text);
    analyzed
        .findings
        .iter()
        .map(|f| diagnostic(uri, &lines, f, enc, &mut others, support))
        .collect()
}

/// A notification's JSON-RPC body, serialized from typed parameters in one pass (no
/// intermediate `serde_json::Value`).
pub fn notification<N: Notification>(params: &N::Params) -> serde_json::Result<Vec<u8>> {
    #[derive(serde::Serialize)]
    struct Message<'a, P> {
        jsonrpc: &'static str,
        method: &'static str,
        params: &'a P,
    }
    serde_json::to_vec(&Message {
        jsonrpc: "2.0",
        method: N::METHOD,
        params,
    })
}

/// A hover card as a Markdown hover over the card's span.
pub fn hover(analyzed: &Analyzed, card: &crate::analysis::Hover, enc: Encoding) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: card.markdown.clone(),
        }),
        range: Some(to_range(&analyzed.rope, &card.span, enc)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Related;
    use crate::config::Config;
    use crate::draft::Format;
    use ropey::Rope;
    use tower_lsp_server::ls_types::Position;

    #[test]
    fn related_locations_point_into_this_draft_or_another_file() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("earlier.md");
        std::fs::write(&other, "Ünïcödé\n😀 Rudskoi\n").unwrap();
        let text = "Rudskoy 😀 and Rudskoi\n";
        let analysis = crate::analyze(text, Format::Markdown, &Config::default());
        let mut finding = Finding::new(Code::NameVariant, 0..7, "spelled Rudskoi elsewhere");
        finding.severity = Severity::Error;
        let here = text.rfind("Rudskoi").unwrap();
        finding.related = vec![
            Related {
                message: "here".into(),
                span: here..here + 7,
                path: None,
            },
            Related {
                message: "in another draft".into(),
                span: 17..24,
                path: Some(other.clone()),
            },
        ];
        let analyzed = Analyzed {
            generation: 1,
            version: 2,
            rope: Rope::from_str(text),
            analysis,
            findings: vec![finding],
            evidence: Vec::new(),
        };
        let uri: Uri = "file:///d.md".parse().unwrap();
        let d = &diagnostics(&uri, &analyzed, Encoding::Utf16)[0];
        assert_eq!(d.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(d.code, Some(NumberOrString::String("name-variant".into())));
        assert_eq!(d.source.as_deref(), Some("copydesk"));
        assert_eq!(
            d.code_description.as_ref().unwrap().href.as_str(),
            Code::NameVariant.docs_url()
        );
        let related = d.related_information.as_ref().unwrap();
        assert_eq!(related[0].location.uri, uri);
        assert_eq!(
            related[0].location.range,
            Range::new(Position::new(0, 15), Position::new(0, 22))
        );
        assert_eq!(
            related[1].location.uri,
            Uri::from_file_path(&other).unwrap()
        );
        assert_eq!(
            related[1].location.range,
            Range::new(Position::new(1, 3), Position::new(1, 10))
        );
    }
}
