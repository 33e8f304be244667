//! The workspace's drafts as the server sees them: an index built off the message loop at
//! start-up (so the first diagnostics of an opened draft never wait for it), kept current
//! with every analysis of an open document, and used for cross-draft `name-variant`
//! findings and `workspace/symbol`.

use super::positions::{to_range, Encoding};
use super::symbols::symbol_kind;
use crate::analysis::local::Cache;
use crate::analysis::Analysis;
use crate::config::Config;
use crate::workspace::WorkspaceIndex;
use ropey::Rope;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use tower_lsp_server::ls_types::{Location, SymbolInformation, Uri};

/// At most this many answers to one `workspace/symbol` query.
const MAX_SYMBOLS: usize = 200;

#[derive(Debug, Default)]
pub struct Workspace {
    /// `None` until the first index is built (or when there is no workspace root).
    index: RwLock<Option<WorkspaceIndex>>,
    /// Paragraph facts the index read of long drafts, until they are opened.
    warm: Mutex<HashMap<PathBuf, Cache>>,
}

impl Workspace {
    /// Installs a freshly built index; documents analyzed while it was built are kept
    /// (their open text is newer than the file on disk). Returns whether the workspace
    /// holds drafts on disk besides the open ones (else nothing is there to compare with).
    pub fn install(&self, mut built: WorkspaceIndex) -> bool {
        self.warm
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(std::mem::take(&mut built.caches));
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

    /// Adds the findings of names that other drafts spell differently. Reads the index only:
    /// the document's own entry plays no part (see [`Workspace::record`]).
    pub fn enrich(&self, uri: &Uri, analysis: &mut Analysis, config: &Config) {
        let Some(path) = uri.to_file_path() else {
            return;
        };
        let slot = self.index.read().unwrap_or_else(|e| e.into_inner());
        let Some(index) = slot.as_ref() else {
            return;
        };
        let extra = index.variants_for(&path, analysis, config);
        if !extra.is_empty() {
            analysis.findings.extend(extra);
            crate::checks::settle(&analysis.draft, &mut analysis.findings);
        }
    }

    /// Records an open document's analysis in the index (a copy of its text and names: 2 ms
    /// for a 100,000-word draft, which the server spends beside the diagnostics' conversion
    /// rather than before it). Before the index is built, only the document itself is
    /// recorded (so the built index does not overwrite it with the file on disk).
    pub fn record(&self, uri: &Uri, analysis: &Analysis) {
        let Some(path) = uri.to_file_path() else {
            return;
        };
        let mut slot = self.index.write().unwrap_or_else(|e| e.into_inner());
        slot.get_or_insert_with(WorkspaceIndex::default)
            .update(&path, analysis);
    }

    /// The paragraph facts the index read of the draft at `path`, if it kept them; they are
    /// the opened document's from then on.
    pub fn take_warm(&self, path: &Path) -> Option<Cache> {
        self.warm
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(path)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_keeps_the_paragraph_facts_it_was_asked_to_for_one_opening() {
        let dir = tempfile::tempdir().unwrap();
        let long: String = (0..400)
            .map(|i| format!("Mayor Elena Vasquez said the council met {i} times.\n\n"))
            .collect();
        std::fs::write(dir.path().join("long.md"), &long).unwrap();
        std::fs::write(dir.path().join("short.md"), "Taxes rose in March.\n").unwrap();
        let config = Config::default();
        let built =
            WorkspaceIndex::build_skipping(dir.path(), &config, |_| false, |_, bytes| bytes > 1000);
        let workspace = Workspace::default();
        assert!(workspace.install(built));
        let long_path = dir.path().join("long.md");
        let cache = workspace
            .take_warm(&long_path)
            .expect("kept for the long draft");
        assert_eq!(cache.len(), 400);
        assert!(workspace.take_warm(&long_path).is_none(), "handed out once");
        assert!(workspace.take_warm(&dir.path().join("short.md")).is_none());
        // The facts serve an edited text as they would a fresh reading.
        let edited = long.replacen("met 7 times", "met seven times", 1);
        let mut cache = cache;
        let warm = crate::analysis::analyze_with(
            &edited,
            crate::draft::Format::Markdown,
            &config,
            Some(&mut cache),
        );
        let fresh = crate::analyze(&edited, crate::draft::Format::Markdown, &config);
        assert_eq!(warm.findings, fresh.findings);
        assert_eq!(
            format!("{:?}", warm.entities),
            format!("{:?}", fresh.entities)
        );
    }
}
