//! Running the analysis off the message loop.
//!
//! Analysis is CPU work: it runs on an analysis thread (see `workers`) so the server keeps
//! reading its input, and under `catch_unwind` so that a bug in one check costs one result,
//! not the server.
//! Bursts of edits are folded together (the next keystroke after a result is analyzed at
//! once), each document's paragraph cache is lent to its analysis, and each result carries
//! the generation it was computed from so that a stale one is never published (see
//! `documents`).

use super::documents::{Analyzed, Documents, Snapshot};
use super::workspace::Workspace;
use crate::analysis::local::Cache;
use crate::analysis::Analysis;
use crate::config::Config;
use crate::draft::Format;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a burst of edits must have been quiet before another round of analysis, when
/// edits arrived while the previous round ran (fast typing, a paste of many edits, a
/// client replaying changes). An edit made after the previous result was published is
/// analyzed at once: it is the next keystroke, not part of a burst.
pub const DEBOUNCE: Duration = Duration::from_millis(15);

/// How long to wait before analyzing again, given when the text last changed and when the
/// previous round's result was ready.
pub fn debounce(changed_at: Instant, result_ready: Instant) -> Duration {
    if changed_at >= result_ready {
        Duration::ZERO
    } else {
        DEBOUNCE.saturating_sub(changed_at.elapsed())
    }
}

/// The analysis function of a whole draft; tests inject failures.
pub type AnalyzeFn = fn(&str, Format, &Config) -> Analysis;

/// The analysis function that reuses a paragraph cache
/// ([`crate::analysis::analyze_owned_with`]); it keeps the text it is given.
pub type IncrementalFn = fn(String, Format, &Config, Option<&mut Cache>) -> Analysis;

/// How the server analyzes a text.
#[derive(Debug, Clone, Copy)]
pub enum Analyzer {
    /// Every paragraph read afresh each time.
    Whole(AnalyzeFn),
    /// Paragraphs read before are taken from the document's cache.
    Incremental(IncrementalFn),
}

impl Analyzer {
    /// The server's analysis: incremental.
    pub const DEFAULT: Analyzer = Analyzer::Incremental(crate::analysis::analyze_owned_with);

    fn run(
        self,
        text: String,
        format: Format,
        config: &Config,
        cache: Option<&mut Cache>,
    ) -> Analysis {
        match self {
            Analyzer::Whole(analyze) => analyze(&text, format, config),
            Analyzer::Incremental(analyze) => analyze(text, format, config, cache),
        }
    }
}

/// Analyzes and checks a snapshot (and compares its names with the workspace's other
/// drafts, when given), turning a panic into an error message. After a panic the cache is emptied, so
/// that whatever the failed run left in it cannot outlive the run.
pub fn analyze_guarded(
    snapshot: &Snapshot,
    config: &Config,
    analyzer: Analyzer,
    workspace: Option<&Workspace>,
    cache: Option<&mut Cache>,
) -> Result<Analyzed, String> {
    // The one copy of the text the run makes: the draft keeps it.
    let text = snapshot.rope.to_string();
    let mut cache = cache;
    let result = catch_unwind(AssertUnwindSafe(|| {
        let analysis = analyzer.run(text, snapshot.format, config, cache.as_deref_mut());
        let mut findings = crate::checks::run(&analysis, config);
        let mut evidence = Vec::new();
        if let Some(workspace) = workspace {
            workspace.enrich(&snapshot.uri, &analysis, &mut findings, config);
            let (extra, found) = workspace.compare_sources(&analysis, config);
            if !extra.is_empty() {
                findings.extend(extra);
                crate::checks::settle(&analysis.draft, &mut findings);
            }
            evidence = found;
        }
        (analysis, findings, evidence)
    }));
    match result {
        Ok((analysis, findings, evidence)) => Ok(Analyzed {
            generation: snapshot.generation,
            version: snapshot.version,
            rope: snapshot.rope.clone(),
            analysis,
            findings,
            evidence,
        }),
        Err(payload) => {
            if let Some(cache) = cache {
                *cache = Cache::new();
            }
            Err(panic_message(payload.as_ref()))
        }
    }
}

/// Analyzes a snapshot on the calling (blocking) thread. With `documents`, the run counts
/// as running (background indexing gives way to it), and the document's paragraph cache is
/// borrowed for the run and given back before returning, so a caller that stops waiting (a
/// cancelled request) cannot lose it.
pub fn analyze_leased(
    snapshot: &Snapshot,
    config: &Config,
    analyzer: Analyzer,
    workspace: Option<&Workspace>,
    documents: Option<&Documents>,
) -> Result<Arc<Analyzed>, String> {
    let _running = documents.map(Documents::running);
    let mut lease = documents.and_then(|d| d.lend_cache(&snapshot.uri));
    let cache = lease.as_mut().map(|l| &mut l.cache);
    let result = analyze_guarded(snapshot, config, analyzer, workspace, cache);
    if let (Some(documents), Some(lease)) = (documents, lease) {
        documents.give_back(&snapshot.uri, lease);
    }
    result.map(Arc::new)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ropey::Rope;

    fn snapshot(text: &str) -> Snapshot {
        Snapshot {
            uri: "file:///d.md".parse().unwrap(),
            generation: 7,
            version: 3,
            format: Format::Markdown,
            rope: Rope::from_str(text),
        }
    }

    fn exploding(_: &str, _: Format, _: &Config) -> Analysis {
        panic!("index out of range in a check")
    }

    fn exploding_incrementally(
        _: String,
        _: Format,
        _: &Config,
        _: Option<&mut Cache>,
    ) -> Analysis {
        panic!("index out of range in a local stage")
    }

    #[test]
    fn the_next_keystroke_is_not_delayed_but_a_burst_is_folded() {
        let ready = Instant::now();
        std::thread::sleep(Duration::from_millis(2));
        assert_eq!(debounce(Instant::now(), ready), Duration::ZERO);
        let during = Instant::now();
        let ready = Instant::now();
        let wait = debounce(during, ready);
        assert!(wait > Duration::ZERO && wait <= DEBOUNCE, "{wait:?}");
        let long_ago = Instant::now();
        std::thread::sleep(DEBOUNCE);
        assert_eq!(debounce(long_ago, Instant::now()), Duration::ZERO);
    }

    #[test]
    fn keeps_the_generation_and_version_of_its_snapshot() {
        let a = analyze_guarded(
            &snapshot("“Hi.”"),
            &Config::default(),
            Analyzer::DEFAULT,
            None,
            None,
        )
        .unwrap();
        assert_eq!((a.generation, a.version), (7, 3));
        assert_eq!(a.analysis.draft.text, "“Hi.”");
    }

    #[test]
    fn a_panic_becomes_an_error_message() {
        let err = analyze_guarded(
            &snapshot("x"),
            &Config::default(),
            Analyzer::Whole(exploding),
            None,
            None,
        )
        .unwrap_err();
        assert!(err.contains("index out of range"), "{err}");
    }

    #[test]
    fn the_cache_fills_and_a_panic_empties_it() {
        let text =
            "“We rebuilt it,” Mayor Elena Vasquez said.\n\nTaxes rose 3.5 percent in March.\n";
        let mut cache = Cache::new();
        let config = Config::default();
        let warm = analyze_guarded(
            &snapshot(text),
            &config,
            Analyzer::DEFAULT,
            None,
            Some(&mut cache),
        )
        .unwrap();
        assert_eq!(cache.len(), warm.analysis.draft.paragraphs.len());
        let whole = crate::check(text, Format::Markdown, &config);
        assert_eq!(warm.findings, whole.findings);
        let err = analyze_guarded(
            &snapshot(text),
            &config,
            Analyzer::Incremental(exploding_incrementally),
            None,
            Some(&mut cache),
        )
        .unwrap_err();
        assert!(err.contains("local stage"), "{err}");
        assert!(cache.is_empty());
    }

    #[tokio::test]
    async fn a_panic_on_an_analysis_thread_becomes_an_error_message() {
        let workers = crate::lsp::workers::Workers::new(1);
        let err = workers
            .run("file:///d.md", || {
                analyze_leased(
                    &snapshot("x"),
                    &Config::default(),
                    Analyzer::Whole(exploding),
                    None,
                    None,
                )
            })
            .await
            .and_then(|result| result)
            .unwrap_err();
        assert!(err.contains("index out of range"), "{err}");
    }
}
