//! Replays every input of the committed fuzz corpora (fuzz/corpus/<target>/) through the
//! same code the fuzz targets run, so that each CI run exercises them on the stable
//! toolchain. A crash the fuzzer found is added to the corpus once fixed.

#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

/// Runs `target` on every file of its corpus; returns how many there were and what they
/// exercised in all.
fn replay(target: &str, run: fn(&[u8]) -> harness::Exercised) -> (usize, harness::Exercised) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    files.sort();
    let mut total = harness::Exercised::default();
    for file in &files {
        let data = std::fs::read(file).expect("a corpus file");
        let outcome = std::panic::catch_unwind(|| run(&data));
        let exercised = outcome.unwrap_or_else(|_| panic!("{target} failed on {}", file.display()));
        total.compared += exercised.compared;
        total.special += exercised.special;
    }
    (files.len(), total)
}

#[test]
fn the_analyze_corpus_replays() {
    let (inputs, exercised) = replay("analyze", harness::analyze);
    assert!(inputs >= 10, "{inputs} inputs in the analyze corpus");
    // Findings, hover cards and fixes were checked, not only empty analyses.
    assert!(
        exercised.compared > 100 && exercised.special > 10,
        "{exercised:?}"
    );
}

#[test]
fn the_edits_corpus_replays() {
    let (inputs, exercised) = replay("edits", harness::edits);
    assert!(inputs >= 10, "{inputs} inputs in the edits corpus");
    // Edits in range and edits that had to be clamped were both compared with the model.
    assert!(
        exercised.compared > 100 && exercised.special > 10,
        "{exercised:?}"
    );
}

#[test]
fn the_stdio_corpus_replays() {
    let (inputs, exercised) = replay("stdio", harness::stdio);
    assert!(inputs >= 10, "{inputs} inputs in the stdio corpus");
    // Messages were passed on, and errors or warnings written back.
    assert!(
        exercised.compared > 10 && exercised.special > 10,
        "{exercised:?}"
    );
}
