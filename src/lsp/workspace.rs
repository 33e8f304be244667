//! The workspace's drafts as the server sees them: an index built off the message loop at
//! start-up (so the first diagnostics of an opened draft never wait for it), kept current
//! with every analysis of an open document, and used for cross-draft `name-variant`
//! findings and `workspace/symbol`.

use super::positions::{to_range, Encoding};
use super::symbols::symbol_kind;
use crate::analysis::Analysis;
use crate::config::Config;
use crate::workspace::WorkspaceIndex;
use ropey::Rope;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};
use tower_lsp_server::ls_types::{Location, SymbolInformation, Uri};

/// At most this many answers to one `workspace/symbol` query.
const MAX_SYMBOLS: usize = 200;

#[derive(Debug, Default)]
pub struct Workspace {
    /// `None` until the first index is built (or when there is no workspace root).
    index: RwLock<Option<WorkspaceIndex>>,
}

impl Workspace {
    /// Installs a freshly built index; documents analyzed while it was built are kept
    /// (their open text is newer than the file on disk). Returns whether the workspace
    /// holds drafts on disk besides the open ones (else nothing is there to compare with).
    pub fn install(&self, mut built: WorkspaceIndex) -> bool {
        let mut slot = self.index.write().unwrap_or_else(|e| e.into_inner());
        let current = slot.take().unwrap_or_default();
        let found = built
            .drafts
            .keys()
            .any(|path| !current.drafts.contains_key(path));
        built.drafts.extend(current.drafts);
        *slot = Some(built);
        found
    }

    /// Records an open document's analysis in the index and adds the findings of names that
    /// other drafts spell differently. Before the index is built, only the document itself
    /// is recorded (so the built index does not overwrite it with the file on disk).
    pub fn enrich(&self, uri: &Uri, analysis: &mut Analysis, config: &Config) {
        let Some(path) = uri.to_file_path() else {
            return;
        };
        let mut slot = self.index.write().unwrap_or_else(|e| e.into_inner());
        let index = slot.get_or_insert_with(WorkspaceIndex::default);
        index.update(&path, analysis);
        let extra = index.variants_for(&path, analysis, config);
        if !extra.is_empty() {
            analysis.findings.extend(extra);
            crate::checks::settle(&analysis.draft, &mut analysis.findings);
        }
    }

    /// Whether the draft at `path` is indexed (an open document is, from its first
    /// analysis on).
    pub fn contains(&self, path: &Path) -> bool {
        let slot = self.index.read().unwrap_or_else(|e| e.into_inner());
        slot.as_ref().is_some_and(|i| i.drafts.contains_key(path))
    }

    /// The text an indexed draft was analyzed from.
    pub fn text_of(&self, path: &Path) -> Option<Arc<str>> {
        let slot = self.index.read().unwrap_or_else(|e| e.into_inner());
        Some(slot.as_ref()?.drafts.get(path)?.text.clone())
    }

    /// Indexes a draft again from its file (after it was closed), or drops it when the
    /// file is gone or no longer text.
    pub fn refresh_from_disk(&self, path: &Path, config: &Config) {
        let text = std::fs::read_to_string(path).ok();
        let mut slot = self.index.write().unwrap_or_else(|e| e.into_inner());
        let Some(index) = slot.as_mut() else { return };
        match text {
            Some(text) => index.update_text(path, &text, config),
            None => index.remove(path),
        }
    }

    /// People, places and organizations of every indexed draft matching `query`.
    pub fn symbols(&self, query: &str, enc: Encoding) -> Vec<SymbolInformation> {
        let slot = self.index.read().unwrap_or_else(|e| e.into_inner());
        let Some(index) = slot.as_ref() else {
            return Vec::new();
        };
        let mut ropes: HashMap<&Path, Rope> = HashMap::new();
        let mut symbols = Vec::new();
        for hit in index.symbols(query, MAX_SYMBOLS) {
            let Some(uri) = Uri::from_file_path(hit.path) else {
                continue;
            };
            let rope = ropes
                .entry(hit.path)
                .or_insert_with(|| Rope::from_str(hit.text));
            #[allow(deprecated)] // `SymbolInformation::deprecated` must still be written out.
            symbols.push(SymbolInformation {
                name: hit.name.to_string(),
                kind: symbol_kind(hit.kind),
                tags: None,
                deprecated: None,
                location: Location {
                    uri,
                    range: to_range(rope, &hit.span, enc),
                },
                container_name: hit
                    .path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned()),
            });
        }
        symbols
    }
}
