//! Code actions: each finding's fixes as quick fixes, and in Markdown a comment that
//! suppresses the finding where it stands. Every action is a server-side `WorkspaceEdit`
//! pinned to the document version it was computed for (an editor applies it only to that
//! text), so it works in every client without client-side commands.

use super::convert;
use super::documents::Analyzed;
use super::positions::{to_range, Encoding, LineIndex};
use crate::checks::{suppress, Finding, Fix};
use crate::draft::{Format, Span};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, DocumentChanges, OneOf,
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

/// `fix` of the finding whose diagnostic is `diagnostic`.
fn fix_action(
    uri: &Uri,
    analyzed: &Analyzed,
    diagnostic: &Diagnostic,
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
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(workspace_edit(uri, analyzed, &edits, enc)),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    }
}

/// `<!-- copydesk-disable-next-line CODE -->` on its own line above the finding, indented
/// like that line and ended like it (`\r\n` in a CRLF draft).
fn suppress_action(
    uri: &Uri,
    analyzed: &Analyzed,
    finding: &Finding,
    diagnostic: &Diagnostic,
    enc: Encoding,
) -> CodeAction {
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
        diagnostics: Some(vec![diagnostic.clone()]),
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
    // Built once, for the first finding that touches the range.
    let mut lines = None;
    let mut others = convert::OtherDrafts::new(None);
    for finding in &analyzed.findings {
        let touches = finding.span.start <= range.end && range.start <= finding.span.end;
        if !touches {
            continue;
        }
        let lines = lines.get_or_insert_with(|| LineIndex::new(&analyzed.analysis.draft.text));
        // Whole: the client matches an action's diagnostics to the ones it holds by their
        // range, code and message.
        let diagnostic = convert::diagnostic(
            uri,
            lines,
            finding,
            enc,
            &mut others,
            convert::DiagnosticSupport::ALL,
        );
        for (i, fix) in finding.fixes.iter().enumerate() {
            let action = fix_action(uri, analyzed, &diagnostic, fix, i == 0, enc);
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
        if markdown {
            let action = suppress_action(uri, analyzed, finding, &diagnostic, enc);
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Code, Edit, Related};
    use crate::config::Config;
    use ropey::Rope;
    use tower_lsp_server::ls_types::{Position, Range};

    const TEXT: &str = "Київ 😀\r\n  Kiev was calm, Kyiv said.\r\n";

    fn analyzed(format: Format) -> Analyzed {
        let analysis = crate::analyze(TEXT, format, &Config::default());
        let kiev = TEXT.find("Kiev").unwrap();
        let kyiv = TEXT.find("Kyiv").unwrap();
        let mut finding = Finding::new(Code::NameVariant, kiev..kiev + 4, "spelled Kyiv elsewhere");
        finding.related.push(Related {
            message: "the dominant spelling".into(),
            span: kyiv..kyiv + 4,
            path: None,
        });
        finding.fixes.push(Fix {
            title: "Replace with “Kyiv”".into(),
            edits: vec![Edit {
                span: kiev..kiev + 4,
                new_text: "Kyiv".into(),
            }],
        });
        Analyzed {
            generation: 3,
            version: 9,
            rope: Rope::from_str(TEXT),
            analysis,
            findings: vec![finding],
            evidence: Vec::new(),
        }
    }

    fn edits_of(action: &CodeActionOrCommand) -> (Option<i32>, Vec<TextEdit>) {
        let CodeActionOrCommand::CodeAction(action) = action else {
            panic!("a command");
        };
        let Some(DocumentChanges::Edits(changes)) = &action.edit.as_ref().unwrap().document_changes
        else {
            panic!("no document changes");
        };
        let edits = changes[0]
            .edits
            .iter()
            .map(|e| match e {
                OneOf::Left(e) => e.clone(),
                OneOf::Right(e) => e.text_edit.clone(),
            })
            .collect();
        (changes[0].text_document.version, edits)
    }

    #[test]
    fn fixes_and_suppression_are_versioned_edits() {
        let uri: Uri = "file:///d.md".parse().unwrap();
        let a = analyzed(Format::Markdown);
        let at = TEXT.find("calm").unwrap();
        let actions = code_actions(&uri, &a, 0..at, Encoding::Utf16);
        assert_eq!(actions.len(), 2);
        let (version, edits) = edits_of(&actions[0]);
        assert_eq!(version, Some(9));
        assert_eq!(
            edits,
            [TextEdit {
                range: Range::new(Position::new(1, 2), Position::new(1, 6)),
                new_text: "Kyiv".into()
            }]
        );
        let (_, edits) = edits_of(&actions[1]);
        assert_eq!(
            edits[0].range,
            Range::new(Position::new(1, 0), Position::new(1, 0))
        );
        assert_eq!(
            edits[0].new_text,
            "  <!-- copydesk-disable-next-line name-variant -->\r\n"
        );
        let CodeActionOrCommand::CodeAction(fix) = &actions[0] else {
            unreachable!()
        };
        let related = fix.diagnostics.as_ref().unwrap()[0]
            .related_information
            .clone()
            .unwrap();
        assert_eq!(related[0].location.range.start, Position::new(1, 17));
        // Outside the finding: nothing.
        let end = TEXT.len();
        assert!(code_actions(&uri, &a, end..end, Encoding::Utf16).is_empty());
    }

    #[test]
    fn plain_text_gets_no_suppression_comment() {
        let uri: Uri = "file:///d.txt".parse().unwrap();
        let a = analyzed(Format::Plain);
        let kiev = TEXT.find("Kiev").unwrap();
        let actions = code_actions(&uri, &a, kiev..kiev, Encoding::Utf8);
        assert_eq!(actions.len(), 1);
    }
}
