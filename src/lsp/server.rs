//! The protocol handlers. Each one is thin: it turns positions into byte offsets, asks the
//! analysis, and turns the answer back into protocol types.

use super::config::{Problem, Settings};
use super::convert::DiagnosticSupport;
use super::documents::{Analyzed, Documents, EditProblem, Lookup, Snapshot, Stored};
use super::positions::{self, Encoding};
use super::scheduler::{self, AnalyzeFn, Analyzer};
use super::transport::Outbox;
use super::workers::Workers;
use super::workspace::Workspace;
use super::{actions, convert, sheet, symbols};
use crate::config::{Config, FILE_NAME};
use crate::draft::Format;
use crate::parallel;
use crate::workspace::WorkspaceIndex;
use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// How long a request to the client (registering the file watcher) may take before it is
/// given up: the library runs few handlers at once, and one waiting on the client forever
/// would stop the server from reading its input.
const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// The files the server asks the client to watch besides its configuration: every draft
/// the workspace index may read.
const DRAFTS_GLOB: &str = "**/*.{md,markdown,txt,MD,Markdown,TXT}";

/// The subtitles a sources folder may hold besides notes and transcripts (which
/// [`DRAFTS_GLOB`] covers).
const SUBTITLES_GLOB: &str = "**/*.{vtt,srt,VTT,SRT}";

/// How long after `initialized` indexing the workspace starts.
const INDEX_DELAY: Duration = Duration::from_millis(200);

/// How long indexing the workspace waits, before each draft, for the open documents'
/// analyses to finish (an editor opens its first draft as the index is being built).
const INDEX_YIELD: Duration = Duration::from_millis(250);

/// How long a request waits for the running analysis of its document before analyzing the
/// text itself (two analyses of one text at once would only share the two cores).
const PENDING_WAIT: Duration = Duration::from_secs(2);

/// Drafts of at least this many bytes (about 40,000 words) keep the paragraph facts the
/// workspace index read, for when they are opened: reading one afresh takes longer than a
/// user waits for the first diagnostics.
const WARM_MIN_BYTES: usize = 256 * 1024;

/// At most this many bytes of drafts keep them (a few book-length manuscripts): the facts
/// of a draft take several times the memory of its text.
const WARM_MAX_BYTES: usize = 2 * 1024 * 1024;

/// A short draft analyzed once at start-up, so that the word lists, the gazetteer and the
/// patterns are built before the first document arrives.
const WARM_UP: &str = "---\ndate: 2025-03-06\n---\n\nRIVERTON, March 6 — \"We found the money,\" Mayor Elena Vasquez said on Thursday in Kyiv. Taxes rose 3.5 percent.\n";

/// Builds the analysis' and the checks' word lists, gazetteer and patterns (work done on
/// first use) on a thread of its own as the process starts, while the editor is still
/// initializing: the first draft opened then finds them ready, or nearly.
pub fn warm_up() {
    // Should the thread not start, the first analysis builds them.
    let _ = std::thread::Builder::new()
        .name("copydesk-warm-up".to_string())
        .spawn(|| {
            crate::check(WARM_UP, Format::Markdown, &Config::default());
        });
}

#[derive(Debug)]
struct State {
    encoding: Encoding,
    /// What the client accepts of a diagnostic besides its essentials.
    diagnostic_support: DiagnosticSupport,
    settings: Settings,
    config: Arc<Config>,
    /// Configuration problems found before the client could be told (during `initialize`).
    pending_problems: Vec<Problem>,
    can_register_watcher: bool,
    shut_down: bool,
    /// The workspace folders whose drafts are indexed, in the client's order. The first
    /// one's `copydesk.toml` is the configuration (one configuration for the server, so a
    /// draft is checked alike in every folder); each folder's sources folder is read.
    roots: Vec<PathBuf>,
}

impl Default for State {
    fn default() -> State {
        State {
            encoding: Encoding::Utf16,
            diagnostic_support: DiagnosticSupport::ALL,
            settings: Settings::default(),
            config: Arc::new(Config::default()),
            pending_problems: Vec::new(),
            can_register_watcher: false,
            shut_down: false,
            roots: Vec::new(),
        }
    }
}

/// Shared by the handlers and the analysis tasks they spawn.
#[derive(Debug)]
struct Inner {
    client: Client,
    docs: Arc<Documents>,
    state: Mutex<State>,
    /// Held while a result is checked for staleness and published, so that an older result
    /// can never be published after a newer one.
    publish_gate: tokio::sync::Mutex<()>,
    analyzer: Analyzer,
    workspace: Arc<Workspace>,
    /// Where diagnostics are written when the server runs over [`super::transport`];
    /// without it they go through the library's client.
    outbox: Option<Outbox>,
    /// The threads analyses run on.
    workers: Workers,
}

#[derive(Debug, Clone)]
pub struct Backend {
    inner: Arc<Inner>,
}

/// `{"textDocument": {"uri": …}}`, the parameters of the custom requests.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentParams {
    pub text_document: TextDocumentIdentifier,
}

impl Backend {
    /// The server with its incremental analysis.
    pub fn new(client: Client) -> Backend {
        Backend::with_analyzer(client, Analyzer::DEFAULT)
    }

    /// The server with another analysis of a whole draft (tests inject failures).
    pub fn with_analysis(client: Client, analyze: AnalyzeFn) -> Backend {
        Backend::with_analyzer(client, Analyzer::Whole(analyze))
    }

    pub fn with_analyzer(client: Client, analyzer: Analyzer) -> Backend {
        Backend::with_outbox(client, analyzer, None)
    }

    /// The server writing its diagnostics to `outbox` itself.
    pub fn with_outbox(client: Client, analyzer: Analyzer, outbox: Option<Outbox>) -> Backend {
        Backend {
            inner: Arc::new(Inner {
                client,
                docs: Arc::default(),
                state: Mutex::new(State::default()),
                publish_gate: tokio::sync::Mutex::new(()),
                analyzer,
                workspace: Arc::default(),
                outbox,
                workers: Workers::default(),
            }),
        }
    }

    /// True once `shutdown` was requested (the exit code after `exit` depends on it).
    pub fn was_shut_down(&self) -> bool {
        self.inner.state().shut_down
    }

    fn encoding(&self) -> Encoding {
        self.inner.state().encoding
    }

    /// `copydesk/sourceSheet`: the entities/quotes sheet of one document.
    pub async fn source_sheet(&self, params: DocumentParams) -> Result<Value> {
        let uri = params.text_document.uri;
        let analyzed = self.inner.require(&uri).await?;
        let path = uri
            .to_file_path()
            .map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string());
        Ok(sheet::source_sheet(&path, &analyzed.analysis))
    }

    /// `copydesk/status`: counts for a status bar.
    pub async fn status(&self, params: DocumentParams) -> Result<Value> {
        let analyzed = self.inner.require(&params.text_document.uri).await?;
        Ok(sheet::status(
            &analyzed.analysis,
            &analyzed.findings,
            analyzed.version,
        ))
    }
}

impl Inner {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn warn(&self, message: String) {
        self.client.log_message(MessageType::WARNING, message).await;
    }

    /// Makes sure the document's latest text gets analyzed and its diagnostics published.
    ///
    /// One task per document: the first edit after a quiet spell is analyzed at once; edits
    /// that arrive while it runs are folded into one more round, after a short debounce,
    /// until the task catches up with the latest generation. Results for a text that has
    /// changed meanwhile are never published (see [`Inner::publish`]).
    fn schedule(self: &Arc<Self>, uri: Uri) {
        if !self.docs.begin_analysis(&uri) {
            return;
        }
        let inner = self.clone();
        tokio::spawn(async move {
            let mut wait = Duration::ZERO;
            loop {
                if !wait.is_zero() {
                    tokio::time::sleep(wait).await;
                }
                let Some(snapshot) = inner.docs.snapshot(&uri) else {
                    return;
                };
                let generation = snapshot.generation;
                // When the result was ready: an edit the client made after seeing it is the
                // next keystroke, not part of a burst.
                let ready = match inner.docs.current(&uri) {
                    Some(done) => {
                        let ready = Instant::now();
                        inner.publish(&uri, done).await;
                        ready
                    }
                    None => inner.analyze_and_publish(snapshot).await,
                };
                match inner.docs.finish_analysis(&uri, generation) {
                    None => return,
                    Some(changed_at) => wait = scheduler::debounce(changed_at, ready),
                }
            }
        });
    }

    /// Analyzes a snapshot on the document's analysis thread, with its paragraph cache.
    async fn analyze(&self, snapshot: Snapshot) -> std::result::Result<Arc<Analyzed>, String> {
        let config = self.state().config.clone();
        let (workspace, docs, analyzer) =
            (self.workspace.clone(), self.docs.clone(), self.analyzer);
        let uri = snapshot.uri.clone();
        self.workers
            .run(&uri, move || {
                // Queued behind the document's running analysis, which may have stored
                // this very text's analysis meanwhile.
                if let Lookup::Ready(done) = docs.lookup(&snapshot.uri, snapshot.generation) {
                    return Ok(done);
                }
                let analyzed = scheduler::analyze_leased(
                    &snapshot,
                    &config,
                    analyzer,
                    Some(&workspace),
                    Some(&docs),
                )?;
                workspace.record(&snapshot.uri, &analyzed.analysis);
                Ok(analyzed)
            })
            .await
            .and_then(|result| result)
    }

    /// Analyzes a snapshot and publishes its diagnostics; returns when the result was
    /// ready. With an outbox, both happen on the document's analysis thread, which writes
    /// the diagnostics itself: a keystroke's diagnostics then reach the client without
    /// passing between threads again.
    async fn analyze_and_publish(self: &Arc<Self>, snapshot: Snapshot) -> Instant {
        let uri = snapshot.uri.clone();
        let Some(outbox) = self.outbox.clone() else {
            let analyzed = self.analyze(snapshot).await;
            let ready = Instant::now();
            match analyzed {
                Ok(analyzed) => self.publish(&uri, analyzed).await,
                Err(message) => self.report_failure(&uri, &message).await,
            }
            return ready;
        };
        let inner = self.clone();
        let config = self.state().config.clone();
        let done = self
            .workers
            .run(&uri, move || {
                let analyzed = scheduler::analyze_leased(
                    &snapshot,
                    &config,
                    inner.analyzer,
                    Some(&inner.workspace),
                    Some(&inner.docs),
                )?;
                let gate = inner.publish_gate.blocking_lock();
                let ready = Instant::now();
                let Stored::Kept(replaced) = inner.docs.store(&snapshot.uri, analyzed.clone())
                else {
                    inner.workspace.record(&snapshot.uri, &analyzed.analysis);
                    return Ok(ready);
                };
                // The index's copy of the draft is made on another core while this one
                // turns the findings into the message (for a long draft).
                let long = analyzed.analysis.draft.text.len() >= parallel::LONG_DRAFT_BYTES;
                let (body, ()) = parallel::both(
                    long,
                    || {
                        let params = inner.diagnostics(&snapshot.uri, &analyzed);
                        convert::notification::<notification::PublishDiagnostics>(&params)
                    },
                    || inner.workspace.record(&snapshot.uri, &analyzed.analysis),
                );
                let body = body.map_err(|e| format!("could not serialize its diagnostics: {e}"))?;
                outbox.send_blocking(&body);
                drop(gate);
                drop(replaced);
                Ok(ready)
            })
            .await
            .and_then(|result| result);
        match done {
            Ok(ready) => ready,
            Err(message) => {
                let ready = Instant::now();
                self.report_failure(&uri, &message).await;
                ready
            }
        }
    }

    /// The diagnostics of an analysis, to publish.
    fn diagnostics(&self, uri: &Uri, analyzed: &Analyzed) -> PublishDiagnosticsParams {
        let (encoding, support) = {
            let state = self.state();
            (state.encoding, state.diagnostic_support)
        };
        PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: convert::diagnostics_with(
                uri,
                analyzed,
                encoding,
                Some(&self.workspace),
                support,
            ),
            version: Some(analyzed.version),
        }
    }

    async fn publish(&self, uri: &Uri, analyzed: Arc<Analyzed>) {
        let _gate = self.publish_gate.lock().await;
        let Stored::Kept(replaced) = self.docs.store(uri, analyzed.clone()) else {
            return;
        };
        self.send_diagnostics(self.diagnostics(uri, &analyzed))
            .await;
        drop_later(replaced);
    }

    /// Publishes diagnostics, through the outbox when there is one. Callers hold the
    /// publish gate, so diagnostics of one document are written in the order published.
    async fn send_diagnostics(&self, params: PublishDiagnosticsParams) {
        let Some(outbox) = &self.outbox else {
            self.client
                .publish_diagnostics(params.uri, params.diagnostics, params.version)
                .await;
            return;
        };
        match convert::notification::<notification::PublishDiagnostics>(&params) {
            Ok(body) => outbox.send(&body).await,
            Err(e) => {
                self.warn(format!("copydesk: could not serialize diagnostics: {e}"))
                    .await
            }
        }
    }

    async fn report_failure(&self, uri: &Uri, message: &str) {
        self.client
            .log_message(
                MessageType::ERROR,
                format!("copydesk: analysis of {} failed: {message}", uri.as_str()),
            )
            .await;
    }

    /// The analysis of the document's text as it is now (when the request arrives): the
    /// stored one, the one being computed (waited for), or one computed here.
    async fn analysis(&self, uri: &Uri) -> Result<Option<Arc<Analyzed>>> {
        // Taken before any await: a request answers about the text it was sent against,
        // even when edits keep arriving after it.
        let Some(snapshot) = self.docs.snapshot(uri) else {
            self.warn(format!(
                "copydesk: request for a document that is not open: {}",
                uri.as_str()
            ))
            .await;
            return Ok(None);
        };
        let mut settled = self.docs.watch_settled();
        loop {
            settled.borrow_and_update();
            match self.docs.lookup(uri, snapshot.generation) {
                Lookup::Ready(done) => return Ok(Some(done)),
                Lookup::Pending => {
                    match tokio::time::timeout(PENDING_WAIT, settled.changed()).await {
                        Ok(Ok(())) => continue,
                        _ => break,
                    }
                }
                Lookup::Idle => break,
            }
        }
        match self.analyze(snapshot).await {
            Ok(analyzed) => {
                if let Stored::Kept(replaced) = self.docs.store(uri, analyzed.clone()) {
                    drop_later(replaced);
                }
                Ok(Some(analyzed))
            }
            Err(message) => {
                self.report_failure(uri, &message).await;
                let mut error = Error::internal_error();
                error.message = format!("analysis failed: {message}").into();
                Err(error)
            }
        }
    }

    /// Like [`Inner::analysis`], but a document that is not open is an error.
    async fn require(&self, uri: &Uri) -> Result<Arc<Analyzed>> {
        self.analysis(uri)
            .await?
            .ok_or_else(|| Error::invalid_params(format!("document not open: {}", uri.as_str())))
    }

    /// Recomputes the configuration; re-analyzes every open document when it changed, and
    /// tells the user about a source that could not be used.
    async fn apply_settings(self: &Arc<Self>, problems: Vec<Problem>) {
        let effective = self.state().settings.effective();
        let mut problems = problems;
        let mut changed = false;
        match effective {
            Ok(config) => {
                let mut state = self.state();
                changed = state.config != config;
                state.config = config;
            }
            Err(problem) => problems.push(problem),
        }
        if changed {
            // The other drafts were read with the former configuration (its speech verbs,
            // sources, house style): read them again with this one.
            self.index_workspace(true);
            // `[sources] paths` may name other folders.
            self.read_sources();
        }
        for Problem(message) in problems {
            self.client.show_message(MessageType::ERROR, &message).await;
            self.warn(message).await;
        }
        self.check_open_documents_again();
    }

    /// For clients that cannot watch files: re-reads `copydesk.toml` when it changed on
    /// disk (a `stat` per open or edit).
    async fn poll_config_file(self: &Arc<Self>) {
        let problem = {
            let mut state = self.state();
            if state.can_register_watcher || !state.settings.file_changed() {
                return;
            }
            state.settings.reload_file().err()
        };
        self.apply_settings(problem.into_iter().collect()).await;
    }

    /// Indexes the drafts of every workspace folder on a blocking thread, so that the first
    /// opened draft never waits for it; then re-checks the open documents against the index.
    /// A `rebuild` (after the configuration changed) reads every draft that is not open
    /// again; otherwise the drafts already indexed are skipped (after a folder was added,
    /// only the new folder's drafts are read).
    fn index_workspace(self: &Arc<Self>, rebuild: bool) {
        let (roots, config) = {
            let state = self.state();
            (state.roots.clone(), state.config.clone())
        };
        // Numbered even with no folder left: a build still running over removed folders
        // is then not installed.
        let build = self.workspace.begin_build();
        if roots.is_empty() {
            return;
        }
        let inner = self.clone();
        tokio::spawn(async move {
            if !rebuild {
                // The editor opens its first draft right after `initialized`: let that
                // draft's analysis have the cores (the index skips drafts indexed from
                // their open text).
                tokio::time::sleep(INDEX_DELAY).await;
            }
            let (workspace, docs) = (inner.workspace.clone(), inner.docs.clone());
            let sources = sources_folders(&config, &roots);
            let built = tokio::task::spawn_blocking(move || {
                let mut warm_bytes = 0;
                let open = docs.open_paths();
                let skip = |path: &Path| {
                    // Transcripts and notes are the sources, not drafts.
                    if crate::sources_dir::is_inside(path, &sources) {
                        return true;
                    }
                    // Called before each draft is read: the index is background work, so it
                    // lets the open documents' analyses have the cores first.
                    docs.wait_until_idle(INDEX_YIELD);
                    // Open documents are indexed from their open text, not from disk.
                    open.contains(path) || (!rebuild && workspace.contains(path))
                };
                // Long drafts keep what the index read of them, so that opening one reads
                // only the paragraphs that changed since.
                let keep = |_: &Path, bytes: usize| {
                    let kept = bytes >= WARM_MIN_BYTES && warm_bytes + bytes <= WARM_MAX_BYTES;
                    warm_bytes += if kept { bytes } else { 0 };
                    kept
                };
                WorkspaceIndex::build_roots_skipping(&roots, &config, skip, keep)
            })
            .await;
            match built {
                Ok(index) => {
                    let open = inner.docs.open_paths();
                    if inner
                        .workspace
                        .install(index, build, rebuild, |p| open.contains(p))
                    {
                        inner.check_open_documents_again();
                    }
                }
                Err(e) => {
                    inner
                        .warn(format!("copydesk: indexing the workspace failed: {e}"))
                        .await
                }
            }
        });
    }

    /// Reads the sources folders of the workspace folders on a blocking thread (the
    /// quotes are compared with nothing until then), installs them and checks the open
    /// documents again. Files passed over are named in the log.
    fn read_sources(self: &Arc<Self>) {
        let (roots, config) = {
            let state = self.state();
            (state.roots.clone(), state.config.clone())
        };
        let folders = sources_folders(&config, &roots);
        let read = self.workspace.begin_source_read();
        let inner = self.clone();
        tokio::spawn(async move {
            let docs = inner.docs.clone();
            let reading = folders.clone();
            let loaded = tokio::task::spawn_blocking(move || {
                // Background work: the open documents' analyses come first.
                docs.wait_until_idle(INDEX_YIELD);
                crate::sources_dir::load(&reading)
            })
            .await;
            match loaded {
                Ok(loaded) => {
                    for message in loaded.skipped {
                        inner.warn(format!("copydesk: source {message}")).await;
                    }
                    if inner
                        .workspace
                        .install_sources(folders, loaded.sources, read)
                    {
                        inner.check_open_documents_again();
                    }
                }
                Err(e) => {
                    inner
                        .warn(format!("copydesk: reading the sources failed: {e}"))
                        .await
                }
            }
        });
    }

    /// Analyzes every open document again (the drafts they are compared with changed).
    fn check_open_documents_again(self: &Arc<Self>) {
        for uri in self.docs.invalidate_all() {
            self.schedule(uri);
        }
    }

    /// Follows drafts created, changed or deleted on disk outside the editor (reported by
    /// the client's file watcher), then checks the open documents against them again.
    fn follow_disk_changes(self: &Arc<Self>, paths: Vec<PathBuf>) {
        let (roots, config) = {
            let state = self.state();
            (state.roots.clone(), state.config.clone())
        };
        if roots.is_empty() {
            return;
        }
        let inner = self.clone();
        tokio::spawn(async move {
            let (workspace, docs) = (inner.workspace.clone(), inner.docs.clone());
            let changed = tokio::task::spawn_blocking(move || {
                paths
                    .iter()
                    .filter(|path| {
                        // Background work, like the index's build (a checkout can change
                        // hundreds of drafts): the open documents' analyses come first.
                        docs.wait_until_idle(INDEX_YIELD);
                        workspace.follow_disk_change(&roots, path, &config)
                    })
                    .count()
            })
            .await;
            if changed.is_ok_and(|n| n > 0) {
                inner.check_open_documents_again();
            }
        });
    }

    /// A closed document is indexed again from the file on disk (its unsaved text is gone).
    fn reindex_from_disk(self: &Arc<Self>, uri: &Uri) {
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else {
            return;
        };
        let (roots, config) = {
            let state = self.state();
            (state.roots.clone(), state.config.clone())
        };
        let workspace = self.workspace.clone();
        tokio::task::spawn_blocking(move || workspace.refresh_from_disk(&roots, &path, &config));
    }

    async fn register_watcher(self: &Arc<Self>) {
        let registration = Registration {
            id: "copydesk-watcher".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String(format!("**/{FILE_NAME}")),
                        kind: None,
                    },
                    // The drafts the index reads (`crate::workspace::is_draft`), changed
                    // outside the editor: a `git pull`, a colleague's edit on a shared drive.
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String(DRAFTS_GLOB.to_string()),
                        kind: None,
                    },
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String(SUBTITLES_GLOB.to_string()),
                        kind: None,
                    },
                ],
            })
            .ok(),
        };
        let client = self.client.clone();
        // Spawned and time-limited: never wait on the client inside a handler.
        tokio::spawn(async move {
            let request = client.register_capability(vec![registration]);
            match tokio::time::timeout(CLIENT_REQUEST_TIMEOUT, request).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    client
                        .log_message(
                            MessageType::WARNING,
                            format!("copydesk: could not watch {FILE_NAME}: {}", e.message),
                        )
                        .await
                }
                Err(_) => {
                    client
                        .log_message(
                            MessageType::WARNING,
                            format!("copydesk: the client did not answer the {FILE_NAME} watch"),
                        )
                        .await
                }
            }
        });
    }
}

/// Drops an analysis on a blocking thread: freeing a long draft's analysis takes time the
/// message loop should not wait for.
fn drop_later(analyzed: Option<Arc<Analyzed>>) {
    if let Some(analyzed) = analyzed {
        tokio::task::spawn_blocking(move || drop(analyzed));
    }
}

/// The workspace folders of `initialize`: every `file:` folder of `workspaceFolders`, or,
/// from a client that sends none, its `rootUri` (which, beside folders, is one of them). A
/// folder given twice is indexed once.
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    let folders = params.workspace_folders.iter().flatten();
    for root in folders.filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned())) {
        if !roots.contains(&root) {
            roots.push(root);
        }
    }
    if roots.is_empty() {
        #[allow(deprecated)] // Older clients send only `rootUri`.
        let root = params.root_uri.as_ref().and_then(|u| u.to_file_path());
        roots.extend(root.map(|p| p.into_owned()));
    }
    roots
}

/// The sources folders of every workspace folder (`sources/`, or `[sources] paths` taken
/// from each folder).
fn sources_folders(config: &Config, roots: &[PathBuf]) -> Vec<PathBuf> {
    roots
        .iter()
        .flat_map(|root| crate::sources_dir::folders(None, config, root))
        .collect()
}

/// Refuses a workspace root that holds more than one user's project: the file system's
/// root, or a folder above the user's home (`/home`). Indexing one would read every draft
/// on the machine, and its `copydesk.toml` is nobody's.
fn refuse_root(root: &std::path::Path) -> Option<Problem> {
    let resolved = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let home = std::env::var_os("HOME")
        .map(std::path::PathBuf::from)
        .and_then(|h| h.canonicalize().ok());
    let above_home = home.is_some_and(|home| home != resolved && home.starts_with(&resolved));
    (resolved.parent().is_none() || above_home).then(|| {
        Problem(format!(
            "copydesk: the workspace folder {} is the file system's root or above your home \
             folder; its drafts are not indexed and no copydesk.toml is read there. Open the \
             folder of a project instead.",
            root.display()
        ))
    })
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

/// The inlay hints of an analysis: the person behind "he said" or "the general said".
fn inlay_hints(analysis: &crate::analysis::Analysis) -> Vec<crate::analysis::InlayHint> {
    crate::analysis::attribution::inlay_hints(analysis)
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let can_register_watcher = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        let mut problems = Vec::new();
        let mut roots = workspace_roots(&params);
        roots.retain(|root| match refuse_root(root) {
            Some(problem) => {
                problems.push(problem);
                false
            }
            None => true,
        });
        let mut settings = Settings::new(roots.first().cloned());
        if let Err(p) = settings.reload_file() {
            problems.push(p);
        }
        if let Some(options) = &params.initialization_options {
            if let Err(p) = settings.set_client(options) {
                problems.push(p);
            }
        }
        let config = match settings.effective() {
            Ok(config) => config,
            Err(p) => {
                problems.push(p);
                Arc::new(Config::default())
            }
        };
        let mut state = self.inner.state();
        *state = State {
            encoding,
            diagnostic_support: DiagnosticSupport::of(&params.capabilities),
            settings,
            config,
            pending_problems: problems,
            can_register_watcher,
            shut_down: false,
            roots,
        };
        Ok(InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "copydesk".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let (problems, watch) = {
            let mut state = self.inner.state();
            (
                std::mem::take(&mut state.pending_problems),
                state.can_register_watcher,
            )
        };
        for Problem(message) in problems {
            self.inner
                .client
                .show_message(MessageType::ERROR, &message)
                .await;
            self.inner.warn(message).await;
        }
        if watch {
            self.inner.register_watcher().await;
        }
        self.inner.index_workspace(false);
        self.inner.read_sources();
    }

    async fn shutdown(&self) -> Result<()> {
        self.inner.state().shut_down = true;
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let format = Format::from_language_id(&doc.language_id, doc.uri.path().as_str());
        self.inner
            .docs
            .open(doc.uri.clone(), &doc.text, doc.version, format);
        if let Some(cache) = doc
            .uri
            .to_file_path()
            .and_then(|path| self.inner.workspace.take_warm(&path))
        {
            self.inner.docs.seed_cache(&doc.uri, cache);
        }
        self.inner.schedule(doc.uri);
        self.inner.poll_config_file().await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // Applied before any await: see the module docs of `documents`.
        let uri = params.text_document.uri;
        let result = self.inner.docs.change(
            &uri,
            params.text_document.version,
            &params.content_changes,
            self.encoding(),
        );
        match result {
            Ok((_, problems)) => {
                self.inner.schedule(uri.clone());
                self.inner.poll_config_file().await;
                for problem in problems {
                    if let EditProblem::Clamped { change } = problem {
                        self.inner
                            .warn(format!(
                                "copydesk: change {change} of version {} of {} had a range outside the text; clamped",
                                params.text_document.version,
                                uri.as_str()
                            ))
                            .await;
                    }
                }
            }
            Err(EditProblem::Stale { current }) => {
                self.inner
                    .warn(format!(
                        "copydesk: ignored version {} of {}: the document is already at version {current}",
                        params.text_document.version,
                        uri.as_str()
                    ))
                    .await
            }
            Err(_) => {
                self.inner
                    .warn(format!(
                        "copydesk: ignored a change to a document that is not open: {}",
                        uri.as_str()
                    ))
                    .await
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.inner.docs.close(&uri) {
            self.inner.reindex_from_disk(&uri);
            let _gate = self.inner.publish_gate.lock().await;
            let empty = PublishDiagnosticsParams {
                uri,
                diagnostics: Vec::new(),
                version: None,
            };
            self.inner.send_diagnostics(empty).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let problem = self
            .inner
            .state()
            .settings
            .set_client(&params.settings)
            .err();
        self.inner
            .apply_settings(problem.into_iter().collect())
            .await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let is_config = |c: &FileEvent| c.uri.path().as_str().ends_with(&format!("/{FILE_NAME}"));
        // A changed source: the sources are read again (a later pass may follow the one
        // file).
        let workspace = &self.inner.workspace;
        let (sources, others): (Vec<std::path::PathBuf>, Vec<std::path::PathBuf>) = params
            .changes
            .iter()
            .filter(|c| !is_config(c))
            .filter_map(|c| c.uri.to_file_path().map(|p| p.into_owned()))
            .partition(|p| crate::sources_dir::is_source(p) && workspace.in_sources(p));
        if !sources.is_empty() {
            self.inner.read_sources();
        }
        // An open draft's text is the editor's, not the file's.
        let drafts: Vec<std::path::PathBuf> = others
            .into_iter()
            .filter(|p| Uri::from_file_path(p).is_none_or(|uri| !self.inner.docs.is_open(&uri)))
            .filter(|p| crate::workspace::is_draft(p))
            .collect();
        if !drafts.is_empty() {
            self.inner.follow_disk_changes(drafts);
        }
        if !params.changes.iter().any(is_config) {
            return;
        }
        let problem = self.inner.state().settings.reload_file().err();
        self.inner
            .apply_settings(problem.into_iter().collect())
            .await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let path_of = |f: &WorkspaceFolder| f.uri.to_file_path().map(|p| p.into_owned());
        let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(path_of).collect();
        let mut refused = Vec::new();
        let roots = {
            let mut state = self.inner.state();
            state.roots.retain(|r| !removed.contains(r));
            for root in params.event.added.iter().filter_map(path_of) {
                if let Some(Problem(message)) = refuse_root(&root) {
                    refused.push(message);
                } else if !state.roots.contains(&root) {
                    state.roots.push(root);
                }
            }
            state.roots.clone()
        };
        for message in refused {
            self.inner
                .client
                .show_message(MessageType::ERROR, &message)
                .await;
            self.inner.warn(message).await;
        }
        // The drafts of a removed folder leave the index at once; a build begun now walks
        // the folders as they are (an added one among them), skipping the drafts already
        // indexed, and stands in for one still running over the former folders.
        let open = self.inner.docs.open_paths();
        if self
            .inner
            .workspace
            .retain_roots(&roots, |p| open.contains(p))
        {
            self.inner.check_open_documents_again();
        }
        self.inner.index_workspace(false);
        self.inner.read_sources();
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let symbols = self.inner.workspace.symbols(&params.query, self.encoding());
        Ok(Some(WorkspaceSymbolResponse::Flat(symbols)))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some(analyzed) = self.inner.analysis(&at.text_document.uri).await? else {
            return Ok(None);
        };
        let enc = self.encoding();
        let offset = positions::to_offset(&analyzed.rope, at.position, enc).offset;
        let card = crate::analysis::hover::hover_at(&analyzed.analysis, offset);
        // What the sources say of the quote, below the quote's own card (or alone, when the
        // offset is on a person or a date inside the quote: the card is theirs).
        let card = match (card, super::sources::hover(&analyzed, offset)) {
            (Some(mut card), Some((span, evidence))) if card.span == span => {
                card.markdown.push_str("\n\n");
                card.markdown.push_str(&evidence);
                Some(card)
            }
            (Some(card), _) => Some(card),
            (None, Some((span, markdown))) => Some(crate::analysis::Hover { span, markdown }),
            (None, None) => None,
        };
        Ok(card.map(|card| convert::hover(&analyzed, &card, enc)))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        // Every action is a quick fix: answer nothing to a client asking only for others
        // (e.g. `source.organizeImports` on save).
        if let Some(only) = &params.context.only {
            let quickfix = "quickfix";
            let wanted = |k: &CodeActionKind| {
                let k = k.as_str();
                k.is_empty() || quickfix == k || quickfix.starts_with(&format!("{k}."))
            };
            if !only.iter().any(wanted) {
                return Ok(Some(Vec::new()));
            }
        }
        let Some(analyzed) = self.inner.analysis(&uri).await? else {
            return Ok(None);
        };
        let enc = self.encoding();
        let start = positions::to_offset(&analyzed.rope, params.range.start, enc).offset;
        let end = positions::to_offset(&analyzed.rope, params.range.end, enc).offset;
        let actions = actions::code_actions(&uri, &analyzed, start.min(end)..start.max(end), enc);
        Ok(Some(actions))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(analyzed) = self.inner.analysis(&params.text_document.uri).await? else {
            return Ok(None);
        };
        let symbols = symbols::document_symbols(&analyzed, self.encoding());
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let Some(analyzed) = self.inner.analysis(&at.text_document.uri).await? else {
            return Ok(None);
        };
        let enc = self.encoding();
        let offset = positions::to_offset(&analyzed.rope, at.position, enc).offset;
        Ok(
            symbols::definition(&at.text_document.uri, &analyzed, offset, enc)
                .map(GotoDefinitionResponse::Scalar),
        )
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let Some(analyzed) = self.inner.analysis(&at.text_document.uri).await? else {
            return Ok(None);
        };
        let enc = self.encoding();
        let offset = positions::to_offset(&analyzed.rope, at.position, enc).offset;
        let found = symbols::references(&at.text_document.uri, &analyzed, offset, enc);
        Ok((!found.is_empty()).then_some(found))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some(analyzed) = self.inner.analysis(&params.text_document.uri).await? else {
            return Ok(None);
        };
        let enc = self.encoding();
        let offset = positions::to_offset(&analyzed.rope, params.position, enc).offset;
        Ok(symbols::rename_target(&analyzed, offset).map(|span| {
            PrepareRenameResponse::Range(positions::to_range(&analyzed.rope, &span, enc))
        }))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        let Some(analyzed) = self.inner.analysis(&uri).await? else {
            return Ok(None);
        };
        let enc = self.encoding();
        let offset = positions::to_offset(&analyzed.rope, at.position, enc).offset;
        let Some(edits) = symbols::rename(&analyzed, offset, &params.new_name, enc) else {
            return Ok(None);
        };
        Ok(Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri,
                    version: Some(analyzed.version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some(analyzed) = self.inner.analysis(&params.text_document.uri).await? else {
            return Ok(None);
        };
        let enc = self.encoding();
        let start = positions::to_offset(&analyzed.rope, params.range.start, enc).offset;
        let end = positions::to_offset(&analyzed.rope, params.range.end, enc).offset;
        let hints = inlay_hints(&analyzed.analysis)
            .into_iter()
            .filter(|h| (start..=end).contains(&h.offset))
            .map(|h| InlayHint {
                position: positions::to_position(&analyzed.rope, h.offset, enc),
                label: InlayHintLabel::String(h.label),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect();
        Ok(Some(hints))
    }
}
