//! The workspace's drafts as the server sees them: an index built off the message loop at
//! start-up (so the first diagnostics of an opened draft never wait for it), kept current
//! with every analysis of an open document, and used for cross-draft `name-variant`
//! findings and `workspace/symbol`.

use super::positions::{to_range, Encoding};
use super::symbols::symbol_kind;
use crate::analysis::local::Cache;
use crate::analysis::Analysis;
use crate::checks::Finding;
use crate::config::Config;
use crate::sources::{QuoteEvidence, Sources};
use crate::workspace::WorkspaceIndex;
use ropey::Rope;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
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
    /// The number of the latest build begun ([`Workspace::begin_build`]): an older build
    /// finishing after it is not installed.
    builds: AtomicU64,
    /// The reporter's sources under the workspace root (empty until read: the quotes are
    /// then not compared), and the folders they were read from.
    sources: RwLock<(Vec<PathBuf>, Arc<Sources>)>,
    /// The number of the latest reading of the sources begun: an older one finishing after
    /// it is not installed.
    source_reads: AtomicU64,
}

impl Workspace {
    /// Numbers a reading of the sources about to begin, for [`Workspace::install_sources`].
    pub fn begin_source_read(&self) -> u64 {
        self.source_reads.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Installs the sources of reading `read` from `folders`, unless a later reading has
    /// begun since. Returns whether the open documents should be checked again (there are
    /// sources now, or there were before).
    pub fn install_sources(&self, folders: Vec<PathBuf>, sources: Sources, read: u64) -> bool {
        if self.source_reads.load(Ordering::Relaxed) != read {
            return false;
        }
        let mut slot = self.sources.write().unwrap_or_else(|e| e.into_inner());
        let had = !slot.1.is_empty();
        let has = !sources.is_empty();
        *slot = (folders, Arc::new(sources));
        had || has
    }

    /// Whether `path` lies in a sources folder (it is then a source, not a draft).
    pub fn in_sources(&self, path: &Path) -> bool {
        let slot = self.sources.read().unwrap_or_else(|e| e.into_inner());
        !slot.0.is_empty() && crate::sources_dir::is_inside(path, &slot.0)
    }

    /// The source findings of a draft and the evidence of its quotes (none before the
    /// sources are read, or without sources).
    pub fn compare_sources(
        &self,
        analysis: &Analysis,
        config: &Config,
    ) -> (Vec<Finding>, Vec<QuoteEvidence>) {
        let sources = {
            let slot = self.sources.read().unwrap_or_else(|e| e.into_inner());
            slot.1.clone()
        };
        crate::checks::sources::run(analysis, &sources, config)
    }

    /// Numbers a build about to begin, for [`Workspace::install`].
    pub fn begin_build(&self) -> u64 {
        self.builds.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Installs index `build`, unless a later build has begun since (it holds newer news).
    /// The drafts `is_open` names keep their entries: their open text is newer than the
    /// file on disk. The first build adds to what the open documents recorded while it ran;
    /// a rebuild (`rebuild`, after the configuration changed) replaces every other entry,
    /// and the drafts gone from disk meanwhile leave the index. Returns whether the
    /// open documents should be checked again: the workspace holds drafts on disk besides
    /// the open ones (else nothing is there to compare with), or the entries were replaced.
    pub fn install(
        &self,
        mut built: WorkspaceIndex,
        build: u64,
        rebuild: bool,
        is_open: impl Fn(&Path) -> bool,
    ) -> bool {
        if self.builds.load(Ordering::Relaxed) != build {
            return false;
        }
        {
            let mut warm = self.warm.lock().unwrap_or_else(|e| e.into_inner());
            if rebuild {
                // Read with the former configuration: of no use now.
                warm.clear();
            }
            warm.extend(std::mem::take(&mut built.caches));
        }
        let mut slot = self.index.write().unwrap_or_else(|e| e.into_inner());
        let current = slot.take().unwrap_or_default();
        let found = rebuild
            || built
                .drafts
                .keys()
                .any(|path| !current.drafts.contains_key(path));
        built.drafts.extend(
            current
                .drafts
                .into_iter()
                .filter(|(path, _)| !rebuild || is_open(path)),
        );
        *slot = Some(built);
        found
    }

    /// Adds the findings of names that other drafts spell differently. Reads the index only:
    /// the document's own entry plays no part (see [`Workspace::record`]).
    pub fn enrich(
        &self,
        uri: &Uri,
        analysis: &Analysis,
        findings: &mut Vec<Finding>,
        config: &Config,
    ) {
        let Some(path) = uri.to_file_path() else {
            return;
        };
        let slot = self.index.read().unwrap_or_else(|e| e.into_inner());
        let Some(index) = slot.as_ref() else {
            return;
        };
        let extra = index.variants_for(&path, analysis, findings, config);
        if !extra.is_empty() {
            findings.extend(extra);
            crate::checks::settle(&analysis.draft, findings);
        }
    }

    /// Records an open document's analysis in the index (a copy of its text and names, long
    /// for a long draft, which the server makes beside the diagnostics' conversion rather
    /// than before it). Before the index is built, only the document itself is
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
    /// file is gone or no longer text, or when the index's walk of no workspace folder in
    /// `roots` would take it: the path comes from the client, and a draft opened from
    /// outside the workspace (or through a link out of it) must not have its file read.
    pub fn refresh_from_disk(&self, roots: &[PathBuf], path: &Path, config: &Config) {
        let text = crate::workspace::is_indexable_in(roots, path)
            .then(|| crate::workspace::read_draft(path))
            .flatten();
        let mut slot = self.index.write().unwrap_or_else(|e| e.into_inner());
        let Some(index) = slot.as_mut() else { return };
        match text {
            Some(text) => index.update_text(path, &text, config),
            None => index.remove(path),
        }
    }

    /// Follows a draft created, changed or deleted on disk outside the editor (not open in
    /// it): indexed again when the index's walk of one of the workspace folders `roots`
    /// would take it, else dropped. Returns whether the index changed. Before the first
    /// index is built nothing is done: the build will read the file as it is then.
    pub fn follow_disk_change(&self, roots: &[PathBuf], path: &Path, config: &Config) -> bool {
        let text = crate::workspace::is_indexable_in(roots, path)
            .then(|| crate::workspace::read_draft(path))
            .flatten();
        // Analysed before taking the lock, which analyses of open documents wait for.
        let analysis =
            text.map(|text| crate::analyze(&text, crate::Format::from_path(path), config));
        let mut slot = self.index.write().unwrap_or_else(|e| e.into_inner());
        let Some(index) = slot.as_mut() else {
            return false;
        };
        match analysis {
            Some(analysis) => {
                index.update(path, &analysis);
                true
            }
            None => {
                let known = index.drafts.contains_key(path);
                index.remove(path);
                known
            }
        }
    }

    /// Drops the drafts under none of the workspace folders `roots` (a folder was removed
    /// from the workspace), except those `is_open` names: an open document is compared
    /// with the others wherever it lies, until it is closed. Returns whether any was
    /// dropped.
    pub fn retain_roots(&self, roots: &[PathBuf], is_open: impl Fn(&Path) -> bool) -> bool {
        let keep = |path: &Path| is_open(path) || roots.iter().any(|r| path.starts_with(r));
        self.warm
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|path, _| keep(path));
        let mut slot = self.index.write().unwrap_or_else(|e| e.into_inner());
        let Some(index) = slot.as_mut() else {
            return false;
        };
        let gone: Vec<PathBuf> = index
            .drafts
            .keys()
            .filter(|path| !keep(path))
            .cloned()
            .collect();
        for path in &gone {
            index.remove(path);
        }
        !gone.is_empty()
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

    fn entry(text: &str) -> WorkspaceIndex {
        let mut index = WorkspaceIndex::default();
        index.update_text(Path::new("/news/x.md"), text, &Config::default());
        index
    }

    fn text_at(workspace: &Workspace, path: &str) -> Option<String> {
        workspace.text_of(Path::new(path)).map(|t| t.to_string())
    }

    #[test]
    fn a_rebuild_replaces_all_but_the_open_drafts_and_a_superseded_build_is_dropped() {
        let workspace = Workspace::default();
        let mut first = entry("Old text.\n");
        first.update_text(
            Path::new("/news/gone.md"),
            "Deleted since.\n",
            &Config::default(),
        );
        let n = workspace.begin_build();
        assert!(workspace.install(first, n, false, |_| false));
        let open: Uri = "file:///news/open.md".parse().unwrap();
        workspace.record(
            &open,
            &crate::analyze("Open text.\n", crate::Format::Markdown, &Config::default()),
        );

        // Two rebuilds begin; the first to begin finishes last and is not installed.
        let (older, newer) = (workspace.begin_build(), workspace.begin_build());
        let is_open = |p: &Path| p == Path::new("/news/open.md");
        assert!(workspace.install(entry("New text.\n"), newer, true, is_open));
        assert!(!workspace.install(entry("Stale text.\n"), older, true, is_open));
        assert_eq!(
            text_at(&workspace, "/news/x.md").as_deref(),
            Some("New text.\n")
        );
        assert_eq!(
            text_at(&workspace, "/news/open.md").as_deref(),
            Some("Open text.\n")
        );
        assert_eq!(text_at(&workspace, "/news/gone.md"), None);
    }

    #[test]
    fn a_draft_changed_on_disk_is_followed_on_the_walks_terms() {
        let dir = tempfile::tempdir().unwrap();
        let (root, config) = (dir.path(), Config::default());
        let roots = [root.to_path_buf()];
        let root = &roots[..];
        let path = dir.path().join("story.md");
        let workspace = Workspace::default();
        assert!(
            !workspace.follow_disk_change(root, &path, &config),
            "no index yet"
        );
        let n = workspace.begin_build();
        workspace.install(WorkspaceIndex::default(), n, false, |_| false);

        std::fs::write(&path, "Created.\n").unwrap();
        assert!(workspace.follow_disk_change(root, &path, &config));
        std::fs::write(&path, "Changed.\n").unwrap();
        assert!(workspace.follow_disk_change(root, &path, &config));
        assert_eq!(workspace.text_of(&path).as_deref(), Some("Changed.\n"));
        std::fs::remove_file(&path).unwrap();
        assert!(workspace.follow_disk_change(root, &path, &config));
        assert!(!workspace.contains(&path));
        assert!(
            !workspace.follow_disk_change(root, &path, &config),
            "nothing to drop"
        );
        let outside = tempfile::tempdir().unwrap();
        let elsewhere = outside.path().join("story.md");
        std::fs::write(&elsewhere, "Elsewhere.\n").unwrap();
        assert!(!workspace.follow_disk_change(root, &elsewhere, &config));
    }

    #[test]
    fn a_removed_folder_takes_its_drafts_but_not_the_open_ones() {
        let workspace = Workspace::default();
        let mut built = WorkspaceIndex::default();
        for path in [
            "/desk/a.md",
            "/desk/sub/b.md",
            "/archive/c.md",
            "/archive/open.md",
        ] {
            built.update_text(
                Path::new(path),
                "Taxes rose in March.\n",
                &Config::default(),
            );
        }
        workspace.install(built, workspace.begin_build(), false, |_| false);
        let is_open = |p: &Path| p == Path::new("/archive/open.md");
        assert!(workspace.retain_roots(&[PathBuf::from("/desk")], is_open));
        for (path, kept) in [
            ("/desk/a.md", true),
            ("/desk/sub/b.md", true),
            ("/archive/c.md", false),
            ("/archive/open.md", true),
        ] {
            assert_eq!(workspace.contains(Path::new(path)), kept, "{path}");
        }
        assert!(!workspace.retain_roots(&[PathBuf::from("/desk")], is_open));
    }

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
        assert!(workspace.install(built, workspace.begin_build(), false, |_| false));
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
        assert_eq!(
            crate::checks::run(&warm, &config),
            crate::checks::run(&fresh, &config)
        );
        assert_eq!(
            format!("{:?}", warm.entities),
            format!("{:?}", fresh.entities)
        );
    }
}
