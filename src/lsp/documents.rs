//! The open documents: their text (a rope), version, format and latest analysis.
//!
//! Edits are applied synchronously, in the order the notifications arrive, under a
//! `std::sync::Mutex` that is never held across an await: the protocol library runs several
//! handlers at once, and a handler that awaited before applying its edit could be overtaken
//! by the next one. Every change bumps the document's generation; an analysis is only kept
//! (and published) for the generation it was computed from.

use super::positions::{self, Encoding};
use crate::analysis::Analysis;
use crate::draft::Format;
use ropey::Rope;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

/// An analysis together with the exact text (and version) it was computed from, so that its
/// byte offsets are converted against the right text.
#[derive(Debug)]
pub struct Analyzed {
    pub generation: u64,
    pub version: i32,
    pub rope: Rope,
    pub analysis: Analysis,
}

#[derive(Debug)]
struct Document {
    rope: Rope,
    version: i32,
    format: Format,
    generation: u64,
    analyzed: Option<Arc<Analyzed>>,
    /// An analysis task is running for this document (see [`Documents::begin_analysis`]).
    analyzing: bool,
}

/// What an analysis run needs: a cheap copy of the text at one generation.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub uri: Uri,
    pub generation: u64,
    pub version: i32,
    pub format: Format,
    pub rope: Rope,
}

/// An edit could not be applied as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditProblem {
    UnknownDocument,
    /// The change's range was outside the text (or inside a character) and was clamped.
    Clamped {
        change: usize,
    },
}

#[derive(Debug, Default)]
pub struct Documents {
    docs: Mutex<HashMap<Uri, Document>>,
    /// Generations are unique across documents and reopenings, so a result computed for a
    /// closed document can never pass for the text of the same URI opened again.
    last_generation: AtomicU64,
}

impl Documents {
    fn next_generation(&self) -> u64 {
        self.last_generation.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        // A panic while holding the lock cannot leave a rope half-edited in a way that
        // matters more than losing every document: keep serving.
        self.docs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Opens (or re-opens) a document; returns its generation.
    pub fn open(&self, uri: Uri, text: &str, version: i32, format: Format) -> u64 {
        let generation = self.next_generation();
        let mut docs = self.lock();
        docs.insert(
            uri,
            Document {
                rope: Rope::from_str(text),
                version,
                format,
                generation,
                analyzed: None,
                analyzing: false,
            },
        );
        generation
    }

    pub fn close(&self, uri: &Uri) -> bool {
        self.lock().remove(uri).is_some()
    }

    /// Applies a `didChange` in order; returns the new generation and any problems.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Result<(u64, Vec<EditProblem>), EditProblem> {
        let mut docs = self.lock();
        let doc = docs.get_mut(uri).ok_or(EditProblem::UnknownDocument)?;
        let mut problems = Vec::new();
        for (i, change) in changes.iter().enumerate() {
            if apply(&mut doc.rope, change, encoding) {
                problems.push(EditProblem::Clamped { change: i });
            }
        }
        doc.version = version;
        doc.generation = self.next_generation();
        Ok((doc.generation, problems))
    }

    /// Marks every document as needing a new analysis (the configuration changed); returns
    /// their URIs.
    pub fn invalidate_all(&self) -> Vec<Uri> {
        let mut docs = self.lock();
        docs.iter_mut()
            .map(|(uri, doc)| {
                doc.generation = self.next_generation();
                uri.clone()
            })
            .collect()
    }

    /// Claims the document's analysis task: true when none was running (the caller must
    /// start one), false when the running one will pick the new generation up.
    pub fn begin_analysis(&self, uri: &Uri) -> bool {
        match self.lock().get_mut(uri) {
            Some(doc) if !doc.analyzing => {
                doc.analyzing = true;
                true
            }
            _ => false,
        }
    }

    /// Ends the analysis task if `generation` is still the latest (true), else keeps it
    /// claimed for another round (false). One lock for both, so no edit is missed.
    pub fn finish_analysis(&self, uri: &Uri, generation: u64) -> bool {
        match self.lock().get_mut(uri) {
            Some(doc) if doc.generation != generation => false,
            Some(doc) => {
                doc.analyzing = false;
                true
            }
            None => true,
        }
    }

    pub fn snapshot(&self, uri: &Uri) -> Option<Snapshot> {
        let docs = self.lock();
        let doc = docs.get(uri)?;
        Some(Snapshot {
            uri: uri.clone(),
            generation: doc.generation,
            version: doc.version,
            format: doc.format,
            rope: doc.rope.clone(),
        })
    }

    /// Keeps an analysis if it is for the document's current generation.
    pub fn store(&self, uri: &Uri, analyzed: Arc<Analyzed>) -> bool {
        let mut docs = self.lock();
        match docs.get_mut(uri) {
            Some(doc) if doc.generation == analyzed.generation => {
                doc.analyzed = Some(analyzed);
                true
            }
            _ => false,
        }
    }

    /// The analysis of the current text, if it has been computed.
    pub fn current(&self, uri: &Uri) -> Option<Arc<Analyzed>> {
        let docs = self.lock();
        let doc = docs.get(uri)?;
        doc.analyzed
            .clone()
            .filter(|a| a.generation == doc.generation)
    }

    /// The text of a document (for tests and the source sheet).
    pub fn text(&self, uri: &Uri) -> Option<String> {
        self.lock().get(uri).map(|d| d.rope.to_string())
    }
}

/// Applies one content change; returns true when its range had to be clamped.
fn apply(rope: &mut Rope, change: &TextDocumentContentChangeEvent, encoding: Encoding) -> bool {
    let Some(range) = change.range else {
        *rope = Rope::from_str(&change.text);
        return false;
    };
    let start = positions::to_offset(rope, range.start, encoding);
    let end = positions::to_offset(rope, range.end, encoding);
    let (from, to) = if start.offset <= end.offset {
        (start.offset, end.offset)
    } else {
        (end.offset, start.offset)
    };
    let from_char = rope.byte_to_char(from);
    let to_char = rope.byte_to_char(to);
    rope.remove(from_char..to_char);
    rope.insert(from_char, &change.text);
    start.clamped || end.clamped || start.offset > end.offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn uri() -> Uri {
        "file:///tmp/draft.md".parse().unwrap()
    }

    fn edit(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn applies_edits_in_order_in_utf16() {
        let docs = Documents::default();
        let opened = docs.open(uri(), "😀 Київ\r\nx", 1, Format::Markdown);
        let (generation, problems) = docs
            .change(
                &uri(),
                2,
                &[edit(0, 3, 0, 7, "Kyiv"), edit(1, 0, 1, 1, "“y”")],
                Encoding::Utf16,
            )
            .unwrap();
        assert!(generation > opened);
        assert!(problems.is_empty());
        assert_eq!(docs.text(&uri()).unwrap(), "😀 Kyiv\r\n“y”");
    }

    #[test]
    fn a_reopened_document_never_reuses_a_generation() {
        let docs = Documents::default();
        let first = docs.open(uri(), "old", 1, Format::Plain);
        assert!(docs.close(&uri()));
        let second = docs.open(uri(), "new", 1, Format::Plain);
        assert_ne!(first, second);
        let stale = Arc::new(Analyzed {
            generation: first,
            version: 1,
            rope: Rope::from_str("old"),
            analysis: crate::analyze("old", Format::Plain, &Default::default()),
        });
        assert!(!docs.store(&uri(), stale));
        assert!(docs.current(&uri()).is_none());
    }

    #[test]
    fn clamps_and_reports_bad_ranges_and_unknown_documents() {
        let docs = Documents::default();
        docs.open(uri(), "ab", 1, Format::Plain);
        let (_, problems) = docs
            .change(&uri(), 2, &[edit(5, 0, 9, 9, "!")], Encoding::Utf8)
            .unwrap();
        assert_eq!(problems, [EditProblem::Clamped { change: 0 }]);
        assert_eq!(docs.text(&uri()).unwrap(), "ab!");
        let other: Uri = "file:///nope.md".parse().unwrap();
        assert_eq!(
            docs.change(&other, 1, &[], Encoding::Utf8),
            Err(EditProblem::UnknownDocument)
        );
    }
}
