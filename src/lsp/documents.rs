//! The open documents: their text (a rope), version, format and latest analysis.
//!
//! Edits are applied synchronously, in the order the notifications arrive, under a
//! `std::sync::Mutex` that is never held across an await: the protocol library runs several
//! handlers at once, and a handler that awaited before applying its edit could be overtaken
//! by the next one. Every change bumps the document's generation; an analysis is only kept
//! (and published) for the generation it was computed from.
//!
//! Each document also has a paragraph cache ([`Cache`]) so that an edit re-reads only the
//! paragraphs it touched. The cache is lent to one analysis at a time ([`Documents::lend_cache`])
//! and given back after it. Memory stays bounded with many open drafts: only the
//! [`KEEP_RECENT`] most recently used documents keep their analysis and cache; the others
//! keep their text, and are analyzed again when a request needs them.

use super::positions::{self, Encoding};
use crate::analysis::local::Cache;
use crate::analysis::Analysis;
use crate::checks::Finding;
use crate::draft::Format;
use ropey::Rope;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

/// How many documents keep their analysis and paragraph cache: those being edited or
/// looked at. An analysis holds several times the size of its text, so a hundred open
/// drafts must not each keep one; a document further down the list is analyzed again
/// (with its paragraph cache gone, a whole analysis) when a request asks about it.
pub const KEEP_RECENT: usize = 8;

/// An analysis and its findings together with the exact text (and version) they were
/// computed from, so that their byte offsets are converted against the right text.
#[derive(Debug)]
pub struct Analyzed {
    pub generation: u64,
    pub version: i32,
    pub rope: Rope,
    pub analysis: Analysis,
    /// The checks' findings, with the workspace's cross-draft ones and the sources' ones.
    pub findings: Vec<Finding>,
    /// What the reporter's sources say of the quotes (hover shows it).
    pub evidence: Vec<crate::sources::QuoteEvidence>,
}

#[derive(Debug)]
struct Document {
    rope: Rope,
    version: i32,
    format: Format,
    generation: u64,
    /// The generation this opening started with: a cache lent out is only given back to
    /// the same opening of the URI.
    opened: u64,
    analyzed: Option<Arc<Analyzed>>,
    /// An analysis task is running for this document (see [`Documents::begin_analysis`]).
    analyzing: bool,
    /// The paragraph cache, when kept and not lent out.
    cache: Option<Cache>,
    /// The cache is lent to a running analysis.
    cache_lent: bool,
    /// When the text last changed (the scheduler folds bursts of edits together).
    changed_at: Instant,
    /// When the document was last edited or asked about, on the [`Documents`] clock.
    used: u64,
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

/// A document's paragraph cache, lent to one analysis; give it back with
/// [`Documents::give_back`].
#[derive(Debug)]
pub struct CacheLease {
    opened: u64,
    pub cache: Cache,
}

/// Where the analysis of one generation of a document stands, for a request that needs it.
#[derive(Debug)]
pub enum Lookup {
    /// Its analysis.
    Ready(Arc<Analyzed>),
    /// An analysis task is running and will store this generation's analysis.
    Pending,
    /// Nothing will compute it (no task runs, the text has changed since, or the document
    /// was closed): the caller must analyze.
    Idle,
}

/// What [`Documents::store`] did with an analysis.
#[derive(Debug)]
#[must_use]
pub enum Stored {
    /// Kept, in place of the analysis it returns: the caller drops that one outside the
    /// documents' lock, and after its own urgent work (freeing a long draft's analysis
    /// takes time).
    Kept(Option<Arc<Analyzed>>),
    /// Not kept: the text has changed since (or the document was closed).
    Stale,
}

impl Stored {
    pub fn kept(&self) -> bool {
        matches!(self, Stored::Kept(_))
    }
}

/// An edit could not be applied as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditProblem {
    UnknownDocument,
    /// The change's version is older than the document's: it was not applied (the client
    /// and the server would otherwise disagree on the text, and diagnostics be published
    /// for a version the client has left behind).
    Stale {
        current: i32,
    },
    /// The change's range was outside the text (or inside a character) and was clamped.
    Clamped {
        change: usize,
    },
}

#[derive(Debug)]
pub struct Documents {
    docs: Mutex<HashMap<Uri, Document>>,
    /// Generations are unique across documents and reopenings, so a result computed for a
    /// closed document can never pass for the text of the same URI opened again.
    last_generation: AtomicU64,
    /// The clock of [`Document::used`].
    clock: AtomicU64,
    /// Analyses running now (see [`Documents::running`]).
    running: AtomicUsize,
    /// Bumped whenever an analysis is stored or an analysis task ends, so that a request
    /// waiting for a running analysis wakes up and looks again.
    settled: watch::Sender<u64>,
}

impl Default for Documents {
    fn default() -> Documents {
        Documents {
            docs: Mutex::default(),
            last_generation: AtomicU64::new(0),
            clock: AtomicU64::new(0),
            running: AtomicUsize::new(0),
            settled: watch::Sender::new(0),
        }
    }
}

impl Documents {
    fn next_generation(&self) -> u64 {
        self.last_generation.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn tick(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        // A panic while holding the lock cannot leave a rope half-edited in a way that
        // matters more than losing every document: keep serving.
        self.docs.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn settle(&self) {
        self.settled.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// A receiver that sees every later store of an analysis and end of an analysis task.
    pub fn watch_settled(&self) -> watch::Receiver<u64> {
        self.settled.subscribe()
    }

    /// Opens (or re-opens) a document; returns its generation.
    pub fn open(&self, uri: Uri, text: &str, version: i32, format: Format) -> u64 {
        let generation = self.next_generation();
        let used = self.tick();
        let mut docs = self.lock();
        docs.insert(
            uri,
            Document {
                rope: Rope::from_str(text),
                version,
                format,
                generation,
                opened: generation,
                analyzed: None,
                analyzing: false,
                cache: None,
                cache_lent: false,
                changed_at: Instant::now(),
                used,
            },
        );
        generation
    }

    /// Gives a document the paragraph cache of an earlier reading of its draft (the
    /// workspace index's), unless it already has one.
    pub fn seed_cache(&self, uri: &Uri, cache: Cache) {
        if let Some(doc) = self.lock().get_mut(uri) {
            if !doc.cache_lent && doc.cache.is_none() {
                doc.cache = Some(cache);
            }
        }
    }

    /// Closes a document: its text, analysis and cache are dropped.
    pub fn close(&self, uri: &Uri) -> bool {
        let closed = self.lock().remove(uri).is_some();
        self.settle();
        closed
    }

    /// Applies a `didChange` in order; returns the new generation and any problems.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Result<(u64, Vec<EditProblem>), EditProblem> {
        let used = self.tick();
        let mut docs = self.lock();
        let doc = docs.get_mut(uri).ok_or(EditProblem::UnknownDocument)?;
        if version < doc.version {
            return Err(EditProblem::Stale {
                current: doc.version,
            });
        }
        let mut problems = Vec::new();
        for (i, change) in changes.iter().enumerate() {
            if apply(&mut doc.rope, change, encoding) {
                problems.push(EditProblem::Clamped { change: i });
            }
        }
        doc.version = version;
        doc.generation = self.next_generation();
        doc.changed_at = Instant::now();
        doc.used = used;
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

    /// Whether `uri` is open.
    pub fn is_open(&self, uri: &Uri) -> bool {
        self.lock().contains_key(uri)
    }

    /// The files of the open documents.
    pub fn open_paths(&self) -> std::collections::HashSet<std::path::PathBuf> {
        self.lock()
            .keys()
            .filter_map(|uri| uri.to_file_path().map(|p| p.into_owned()))
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

    /// Ends the analysis task if `generation` is still the latest (`None`), else keeps it
    /// claimed for another round and says when the text last changed. One lock for both,
    /// so no edit is missed.
    pub fn finish_analysis(&self, uri: &Uri, generation: u64) -> Option<Instant> {
        let next = match self.lock().get_mut(uri) {
            Some(doc) if doc.generation != generation => Some(doc.changed_at),
            Some(doc) => {
                doc.analyzing = false;
                None
            }
            None => None,
        };
        if next.is_none() {
            self.settle();
        }
        next
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

    /// Lends the document's paragraph cache to an analysis (a new one if it has none).
    /// `None` when the document is closed or another analysis holds the cache: analyze
    /// without one then.
    pub fn lend_cache(&self, uri: &Uri) -> Option<CacheLease> {
        let mut docs = self.lock();
        let doc = docs.get_mut(uri)?;
        if doc.cache_lent {
            return None;
        }
        doc.cache_lent = true;
        Some(CacheLease {
            opened: doc.opened,
            cache: doc.cache.take().unwrap_or_default(),
        })
    }

    /// Counts an analysis of a document as running until the guard is dropped.
    pub fn running(&self) -> Running<'_> {
        self.running.fetch_add(1, Ordering::SeqCst);
        Running { docs: self }
    }

    /// Blocks the calling thread until no analysis of a document runs, or for at most
    /// `limit`: background work (indexing the workspace) gives way to the drafts being
    /// edited.
    pub fn wait_until_idle(&self, limit: Duration) {
        let until = Instant::now() + limit;
        while self.running.load(Ordering::SeqCst) > 0 && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Takes a lent cache back. It is dropped when the document was closed (or reopened)
    /// meanwhile, or is no longer among the recently used ones.
    pub fn give_back(&self, uri: &Uri, lease: CacheLease) {
        let mut docs = self.lock();
        if let Some(doc) = docs.get_mut(uri).filter(|d| d.opened == lease.opened) {
            doc.cache_lent = false;
            doc.cache = Some(lease.cache);
            evict(&mut docs);
        }
    }

    /// Keeps an analysis if it is for the document's current generation.
    pub fn store(&self, uri: &Uri, analyzed: Arc<Analyzed>) -> Stored {
        let stored = {
            let mut docs = self.lock();
            match docs.get_mut(uri) {
                Some(doc) if doc.generation == analyzed.generation => {
                    let replaced = doc.analyzed.replace(analyzed);
                    evict(&mut docs);
                    Stored::Kept(replaced)
                }
                _ => Stored::Stale,
            }
        };
        if stored.kept() {
            self.settle();
        }
        stored
    }

    /// The analysis of the current text, if it has been computed.
    pub fn current(&self, uri: &Uri) -> Option<Arc<Analyzed>> {
        let docs = self.lock();
        let doc = docs.get(uri)?;
        doc.analyzed
            .clone()
            .filter(|a| a.generation == doc.generation)
    }

    /// Where the analysis of the text at `generation` stands, for a request about the
    /// document (which counts as using it).
    pub fn lookup(&self, uri: &Uri, generation: u64) -> Lookup {
        let used = self.tick();
        let mut docs = self.lock();
        let Some(doc) = docs.get_mut(uri) else {
            return Lookup::Idle;
        };
        doc.used = used;
        match doc.analyzed.clone() {
            Some(done) if done.generation == generation => Lookup::Ready(done),
            _ if doc.analyzing && doc.generation == generation => Lookup::Pending,
            _ => Lookup::Idle,
        }
    }

    /// The text of a document (for tests and the source sheet).
    pub fn text(&self, uri: &Uri) -> Option<String> {
        self.lock().get(uri).map(|d| d.rope.to_string())
    }

    /// How many documents keep an analysis and how many a paragraph cache.
    pub fn kept(&self) -> (usize, usize) {
        let docs = self.lock();
        (
            docs.values().filter(|d| d.analyzed.is_some()).count(),
            docs.values().filter(|d| d.cache.is_some()).count(),
        )
    }
}

/// An analysis counted as running (see [`Documents::running`]).
#[derive(Debug)]
pub struct Running<'a> {
    docs: &'a Documents,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.docs.running.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Drops the analysis and cache of every document but the [`KEEP_RECENT`] most recently
/// used ones.
fn evict(docs: &mut HashMap<Uri, Document>) {
    let holding = |d: &Document| d.analyzed.is_some() || d.cache.is_some();
    if docs.values().filter(|d| holding(d)).count() <= KEEP_RECENT {
        return;
    }
    let mut uses: Vec<u64> = docs.values().map(|d| d.used).collect();
    uses.sort_unstable_by(|a, b| b.cmp(a));
    let oldest_kept = uses[KEEP_RECENT - 1];
    for doc in docs.values_mut().filter(|d| d.used < oldest_kept) {
        doc.analyzed = None;
        doc.cache = None;
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
            findings: Vec::new(),
            evidence: Vec::new(),
        });
        assert!(!docs.store(&uri(), stale).kept());
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

    fn analyzed(docs: &Documents, uri: &Uri) -> Arc<Analyzed> {
        let snapshot = docs.snapshot(uri).unwrap();
        let text = snapshot.rope.to_string();
        let checked = crate::check(&text, snapshot.format, &Default::default());
        Arc::new(Analyzed {
            generation: snapshot.generation,
            version: snapshot.version,
            analysis: checked.analysis,
            findings: checked.findings,
            evidence: checked.evidence,
            rope: snapshot.rope,
        })
    }

    #[test]
    fn the_cache_is_lent_to_one_analysis_at_a_time_and_dropped_on_close() {
        let docs = Documents::default();
        docs.open(
            uri(),
            "One paragraph.\n\nAnother one.\n",
            1,
            Format::Markdown,
        );
        let mut lease = docs.lend_cache(&uri()).unwrap();
        assert!(docs.lend_cache(&uri()).is_none(), "lent twice");
        crate::analysis::analyze_with(
            "One paragraph.\n\nAnother one.\n",
            Format::Markdown,
            &Default::default(),
            Some(&mut lease.cache),
        );
        assert_eq!(lease.cache.len(), 2);
        docs.give_back(&uri(), lease);
        assert_eq!(docs.kept(), (0, 1));
        let lease = docs.lend_cache(&uri()).unwrap();
        assert_eq!(lease.cache.len(), 2, "the filled cache comes back");
        // Closed and opened again while lent: the old cache is not given to the new text.
        assert!(docs.close(&uri()));
        docs.open(uri(), "New.\n", 1, Format::Markdown);
        docs.give_back(&uri(), lease);
        assert_eq!(docs.kept(), (0, 0));
        assert!(docs.lend_cache(&uri()).unwrap().cache.is_empty());
    }

    #[test]
    fn only_the_recently_used_documents_keep_analysis_and_cache() {
        let docs = Documents::default();
        let uris: Vec<Uri> = (0..KEEP_RECENT + 3)
            .map(|i| format!("file:///tmp/d{i}.md").parse().unwrap())
            .collect();
        for u in &uris {
            docs.open(
                u.clone(),
                "“We rebuilt it,” she said.\n",
                1,
                Format::Markdown,
            );
            let lease = docs.lend_cache(u).unwrap();
            docs.give_back(u, lease);
            assert!(docs.store(u, analyzed(&docs, u)).kept());
        }
        assert_eq!(docs.kept(), (KEEP_RECENT, KEEP_RECENT));
        // The first document was evicted: a request finds nothing running and must
        // analyze, and then it is recent again.
        let generation = |u: &Uri| docs.snapshot(u).unwrap().generation;
        assert!(matches!(
            docs.lookup(&uris[0], generation(&uris[0])),
            Lookup::Idle
        ));
        assert!(docs.store(&uris[0], analyzed(&docs, &uris[0])).kept());
        assert!(matches!(
            docs.lookup(&uris[0], generation(&uris[0])),
            Lookup::Ready(_)
        ));
        assert!(docs.current(&uris[1]).is_none());
        assert!(docs.current(&uris[KEEP_RECENT + 2]).is_some());
        let before = generation(&uris[1]);
        assert!(docs.begin_analysis(&uris[1]));
        assert!(matches!(docs.lookup(&uris[1], before), Lookup::Pending));
        // Once the text has changed, the running task will not store that generation.
        docs.change(&uris[1], 2, &[], Encoding::Utf8).unwrap();
        assert!(matches!(docs.lookup(&uris[1], before), Lookup::Idle));
    }

    #[test]
    fn an_edit_during_an_analysis_asks_for_another_round() {
        let docs = Documents::default();
        let first = docs.open(uri(), "ab", 1, Format::Plain);
        assert!(docs.begin_analysis(&uri()));
        assert!(!docs.begin_analysis(&uri()));
        docs.change(&uri(), 2, &[edit(0, 2, 0, 2, "c")], Encoding::Utf8)
            .unwrap();
        let settled = docs.watch_settled();
        assert!(docs.finish_analysis(&uri(), first).is_some());
        assert!(!settled.has_changed().unwrap());
        let (current, _) = docs.change(&uri(), 3, &[], Encoding::Utf8).unwrap();
        assert!(docs.finish_analysis(&uri(), current).is_none());
        assert!(settled.has_changed().unwrap());
        assert!(docs.begin_analysis(&uri()));
    }

    #[test]
    fn background_work_waits_for_running_analyses_within_its_limit() {
        let docs = Documents::default();
        let start = Instant::now();
        docs.wait_until_idle(Duration::from_secs(5));
        assert!(start.elapsed() < Duration::from_secs(1));
        let running = docs.running();
        let start = Instant::now();
        docs.wait_until_idle(Duration::from_millis(30));
        assert!(start.elapsed() >= Duration::from_millis(30));
        drop(running);
        let start = Instant::now();
        docs.wait_until_idle(Duration::from_secs(5));
        assert!(start.elapsed() < Duration::from_secs(1));
    }
}
