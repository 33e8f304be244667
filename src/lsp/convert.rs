//! Analysis facts → protocol types: findings become diagnostics, hover cards become hovers.
//! Every byte span is converted against the text the analysis was computed from.

use super::documents::Analyzed;
use super::positions::{to_range, Encoding};
use crate::checks::{Finding, Severity};
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Hover,
    HoverContents, Location, MarkupContent, MarkupKind, NumberOrString, Uri,
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

/// One finding as a diagnostic of the document `uri`.
pub fn diagnostic(uri: &Uri, analyzed: &Analyzed, finding: &Finding, enc: Encoding) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .filter_map(|r| {
            let location = match &r.path {
                // Another file (a workspace-wide check): place the span against its text
                // on disk, or at its start when it cannot be read.
                Some(path) => {
                    let range = std::fs::read_to_string(path)
                        .map(|text| to_range(&ropey::Rope::from_str(&text), &r.span, enc))
                        .unwrap_or_default();
                    Location::new(Uri::from_file_path(path)?, range)
                }
                None => Location::new(uri.clone(), to_range(&analyzed.rope, &r.span, enc)),
            };
            Some(DiagnosticRelatedInformation {
                location,
                message: r.message.clone(),
            })
        })
        .collect();
    Diagnostic {
        range: to_range(&analyzed.rope, &finding.span, enc),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.as_str().to_string())),
        code_description: finding
            .code
            .docs_url()
            .parse()
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Every finding of an analysis as diagnostics.
pub fn diagnostics(uri: &Uri, analyzed: &Analyzed, enc: Encoding) -> Vec<Diagnostic> {
    analyzed
        .analysis
        .findings
        .iter()
        .map(|f| diagnostic(uri, analyzed, f, enc))
        .collect()
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
