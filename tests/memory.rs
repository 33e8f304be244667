//! The real binary's peak memory on a long draft stays within a bound proportional to the
//! draft: a path that keeps a copy per mention, or a report held whole, grows it past the
//! bound. Measured as the child's peak resident size (`getrusage` of the children, Linux
//! only), which does not depend on how busy the machine is.
#![cfg(target_os = "linux")]

use std::process::{Command, Stdio};

/// The draft's size: long enough that the start-up heap is a small part of the peak.
const DRAFT_BYTES: usize = 20 << 20;

/// Peak resident size allowed per byte of draft. The figures (quick build, Wikinews stories
/// repeated) are in docs/performance.md; about 14.5 times at 20 MB when this bound was set
/// (the test's debug build 307 MB, the bound 328 MB).
const MAX_PER_BYTE: usize = 14;

/// What the process holds whatever the draft: code, word lists, gazetteer, patterns.
const START_UP_BYTES: usize = 48 << 20;

/// The corpus stories one after another, repeated to at least `bytes`.
fn long_draft(bytes: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/wikinews");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus/wikinews")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let stories: Vec<String> = names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("story"))
        .collect();
    let mut draft = String::with_capacity(bytes + (1 << 20));
    while draft.len() < bytes {
        for story in &stories {
            draft.push_str(story.trim());
            draft.push_str("\n\n");
        }
    }
    draft
}

/// The peak resident size, in bytes, of the children waited for so far.
fn children_peak() -> usize {
    // SAFETY: `getrusage` only writes the `rusage` it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let status = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(status, 0, "getrusage");
    usize::try_from(usage.ru_maxrss).unwrap_or(usize::MAX) * 1024
}

#[test]
fn peak_memory_is_bounded_by_the_draft_size() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("long.txt");
    let draft = long_draft(DRAFT_BYTES);
    std::fs::write(&path, &draft).expect("write the draft");
    let status = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run copydesk");
    assert!(
        status.code().is_some_and(|c| c != 2),
        "check failed: {status}"
    );
    let peak = children_peak();
    let bound = MAX_PER_BYTE * draft.len() + START_UP_BYTES;
    eprintln!(
        "{} MB draft: peak {} MB ({:.1} times), bound {} MB",
        draft.len() >> 20,
        peak >> 20,
        peak as f64 / draft.len() as f64,
        bound >> 20
    );
    assert!(
        peak <= bound,
        "peak memory {peak} bytes for a draft of {} bytes (bound {bound})",
        draft.len()
    );
}
