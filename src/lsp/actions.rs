//! Code actions: each finding's fixes as quick fixes, and in Markdown a comment that
//! suppresses the finding where it stands. Every action is a server-side `WorkspaceEdit`
//! pinned to the document version it was computed for (an editor applies it only to that
//! text), so it works in every client without client-side commands.

use super::convert;
use super::documents::Analyzed;
use super::positions::{to_range, Encoding};
use crate::checks::{suppress, Finding, Fix};
use crate::draft::{Format, Span};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

/// A byte-level replacement, before conversion to protocol positions.
struct Replacement {
    span: Span,
    new_text: String,
}

fn workspace_edit(
    uri: &Uri,
    analyzed: &Analyzed,
    edits: &[Replacement],
    enc: Encoding,
) -> WorkspaceEdit {
    let edits = edits
        .iter()
        .map(|e| {
            OneOf::Left(TextEdit {
                range: to_range(&analyzed.rope, &e.span, enc),
                new_text: e.new_text.clone(),
            })
        })
        .collect();
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: uri.clone(),
                version: Some(analyzed.version),
            },
            edits,
        }])),
        ..WorkspaceEdit::default()
    }
}

fn fix_action(
    uri: &Uri,
    analyzed: &Analyzed,
    finding: &Finding,
    fix: &Fix,
    preferred: bool,
    enc: Encoding,
) -> CodeAction {
    let edits: Vec<Replacement> = fix
        .edits
        .iter()
        .map(|e| Replacement {
            span: e.span.clone(),
            new_text: e.new_text.clone(),
        })
        .collect();
    CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![convert::diagnostic(uri, analyzed, finding, enc)]),
        edit: Some(workspace_edit(uri, analyzed, &edits, enc)),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    }
}

/// `<!-- copydesk-disable-next-line CODE -->` on its own line above the finding, indented
/// like that line and ended like it (`\r\n` in a CRLF draft).
fn suppress_action(uri: &Uri, analyzed: &Analyzed, finding: &Finding, enc: Encoding) -> CodeAction {
    let text = &analyzed.analysis.draft.text;
    let start = finding.span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    let line = &line[..line.find('\n').map_or(line.len(), |i| i + 1)];
    let indent: String = line
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .collect();
    let eol = if line.ends_with("\r\n") { "\r\n" } else { "\n" };
    let comment = suppress::next_line_comment(finding.code);
    let edit = Replacement {
        span: line_start..line_start,
        new_text: format!("{indent}{comment}{eol}"),
    };
    CodeAction {
        title: format!("Suppress {} here", finding.code.as_str()),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![convert::diagnostic(uri, analyzed, finding, enc)]),
        edit: Some(workspace_edit(uri, analyzed, &[edit], enc)),
        ..CodeAction::default()
    }
}

/// The actions for the findings that touch `range` (a byte span of the analyzed text).
pub fn code_actions(
    uri: &Uri,
    analyzed: &Analyzed,
    range: Span,
    enc: Encoding,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let markdown = analyzed.analysis.draft.format == Format::Markdown;
    for finding in &analyzed.analysis.findings {
        let touches = finding.span.start <= range.end && range.start <= finding.span.end;
        if !touches {
            continue;
        }
        for (i, fix) in finding.fixes.iter().enumerate() {
            let action = fix_action(uri, analyzed, finding, fix, i == 0, enc);
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
        if markdown {
            let action = suppress_action(uri, analyzed, finding, enc);
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
    }
    actions
}
