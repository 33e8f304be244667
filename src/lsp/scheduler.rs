//! Running the analysis off the message loop.
//!
//! Analysis is CPU work: it runs on a blocking thread so the server keeps reading its input,
//! and under `catch_unwind` so that a bug in one check costs one result, not the server.
//! Bursts of edits are folded together, and each result carries the generation it was computed
//! from so that a stale one is never published (see `documents`).

use super::documents::{Analyzed, Snapshot};
use super::workspace::Workspace;
use crate::analysis::Analysis;
use crate::config::Config;
use crate::draft::Format;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Duration;

/// The pause before another round of analysis when edits arrived while the previous round
/// ran (a burst: fast typing, a paste of many edits, a client replaying changes). The first
/// edit after a quiet spell is analyzed at once; during a burst this folds many edits into
/// one run.
pub const DEBOUNCE: Duration = Duration::from_millis(15);

/// The analysis function; the server uses [`crate::analyze`], tests inject failures.
pub type AnalyzeFn = fn(&str, Format, &Config) -> Analysis;

/// Analyzes a snapshot (and compares its names with the workspace's other drafts, when
/// given), turning a panic into an error message.
pub fn analyze_guarded(
    snapshot: &Snapshot,
    config: &Config,
    analyze: AnalyzeFn,
    workspace: Option<&Workspace>,
) -> Result<Analyzed, String> {
    let text = snapshot.rope.to_string();
    catch_unwind(AssertUnwindSafe(|| {
        let mut analysis = analyze(&text, snapshot.format, config);
        if let Some(workspace) = workspace {
            workspace.enrich(&snapshot.uri, &mut analysis, config);
        }
        analysis
    }))
    .map(|analysis| Analyzed {
        generation: snapshot.generation,
        version: snapshot.version,
        rope: snapshot.rope.clone(),
        analysis,
    })
    .map_err(|payload| panic_message(payload.as_ref()))
}

/// Analyzes a snapshot on tokio's blocking pool.
pub async fn analyze_blocking(
    snapshot: Snapshot,
    config: Arc<Config>,
    analyze: AnalyzeFn,
    workspace: Option<Arc<Workspace>>,
) -> Result<Arc<Analyzed>, String> {
    tokio::task::spawn_blocking(move || {
        analyze_guarded(&snapshot, &config, analyze, workspace.as_deref())
    })
    .await
    .map_err(|e| format!("analysis task failed: {e}"))?
    .map(Arc::new)
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

    #[test]
    fn keeps_the_generation_and_version_of_its_snapshot() {
        let a =
            analyze_guarded(&snapshot("“Hi.”"), &Config::default(), crate::analyze, None).unwrap();
        assert_eq!((a.generation, a.version), (7, 3));
        assert_eq!(a.analysis.draft.text, "“Hi.”");
    }

    #[test]
    fn a_panic_becomes_an_error_message() {
        let err = analyze_guarded(&snapshot("x"), &Config::default(), exploding, None).unwrap_err();
        assert!(err.contains("index out of range"), "{err}");
    }

    #[tokio::test]
    async fn a_panic_on_the_blocking_pool_becomes_an_error_message() {
        let err = analyze_blocking(snapshot("x"), Arc::default(), exploding, None)
            .await
            .unwrap_err();
        assert!(err.contains("index out of range"), "{err}");
    }
}
