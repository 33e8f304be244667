//! The reporter's sources in the server: read off the message loop (the first time after
//! `initialized`, again when a file in a sources folder changes on disk), and the evidence
//! of a quote on hover.

use super::documents::Analyzed;
use crate::checks::sources::describe;
use crate::draft::Span;
use crate::sources::Verdict;
use tower_lsp_server::ls_types::Uri;

/// The hover lines of what the sources say of the quote at `offset`, with the quote's span.
pub fn hover(analyzed: &Analyzed, offset: usize) -> Option<(Span, String)> {
    let quotes = &analyzed.analysis.draft.quotes;
    let evidence = analyzed.evidence.iter().find(|e| {
        quotes
            .get(e.quote)
            .is_some_and(|q| q.span.contains(&offset))
    })?;
    let span = quotes.get(evidence.quote)?.span.clone();
    let what = match evidence.verdict {
        Verdict::Verified => "Verified in the sources",
        Verdict::Differs(_) => "Differs from the sources",
        Verdict::NotFound => return Some((span, "Not found in the sources".to_string())),
    };
    let passage = evidence.passage.as_ref()?;
    let place = describe(passage);
    let link = Uri::from_file_path(&passage.path)
        .map(|uri| format!("[{place}]({}#L{})", uri.as_str(), passage.line))
        .unwrap_or(place);
    Some((span, format!("{what}: {link}\n\n> {}", passage.text)))
}
