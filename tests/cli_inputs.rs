//! What `copydesk check` and `copydesk entities` read: files, directories, .gitignore, and
//! files that cannot be read.

mod cli_support;
use cli_support::*;

const CLEAN: &str = "# Library hours\n\nThe library opens at nine.\n";

#[test]
fn a_clean_draft_exits_zero_with_a_summary() {
    let dir = tempdir();
    write(dir.path(), "story.md", CLEAN);
    let run = copydesk_in(dir.path(), &["check", "story.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "no findings in 1 file\n");
    assert_eq!(run.stderr, "");
}

#[test]
fn directories_are_walked_for_drafts_in_name_order_honouring_gitignore() {
    let dir = tempdir();
    let root = dir.path();
    write(root, "drafts/b.md", CLEAN);
    write(root, "drafts/a.txt", CLEAN);
    write(root, "drafts/c.markdown", CLEAN);
    write(root, "drafts/notes.json", "{}");
    write(root, "drafts/copydesk.toml", "");
    write(root, "drafts/sub/d.md", CLEAN);
    write(root, "drafts/old/e.md", CLEAN);
    write(root, "drafts/.gitignore", "old/\n");
    let run = copydesk_in(root, &["check", "--format", "json", "drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        paths(&run.json()),
        [
            "drafts/a.txt",
            "drafts/b.md",
            "drafts/c.markdown",
            "drafts/sub/d.md"
        ]
    );
}

#[test]
fn a_named_file_is_read_whatever_its_extension() {
    let dir = tempdir();
    write(dir.path(), "STORY", CLEAN);
    let run = copydesk_in(dir.path(), &["check", "--format", "json", "STORY"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(paths(&run.json()), ["STORY"]);
}

#[test]
fn a_missing_file_is_named_on_stderr_and_the_others_are_still_checked() {
    let dir = tempdir();
    write(dir.path(), "a.md", CLEAN);
    write(dir.path(), "c.md", CLEAN);
    for command in ["check", "entities"] {
        let run = copydesk_in(
            dir.path(),
            &[command, "--format", "json", "a.md", "missing.md", "c.md"],
        );
        assert_eq!(run.code, 2, "{command}: {}", run.stderr);
        assert!(
            run.stderr.contains("missing.md") && run.stderr.contains("no such file"),
            "{command}: {}",
            run.stderr
        );
        assert_eq!(paths(&run.json()), ["a.md", "c.md"], "{command}");
    }
}

#[test]
fn a_non_utf8_file_is_named_on_stderr_and_the_others_are_still_checked() {
    let dir = tempdir();
    write(dir.path(), "latin1.txt", b"Caf\xe9 society\n");
    write(dir.path(), "ok.md", CLEAN);
    let run = copydesk_in(dir.path(), &["check", "latin1.txt", "ok.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("latin1.txt") && run.stderr.contains("UTF-8"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("offset 3"), "{}", run.stderr);
    assert_eq!(run.stdout, "no findings in 1 file\n");
}

#[test]
fn binary_and_large_inputs_do_not_crash() {
    let dir = tempdir();
    // Valid UTF-8 full of control characters and NULs, and a 10 MB draft.
    let junk: String = (0u32..5000)
        .filter_map(|i| char::from_u32((i * 7919) % 0x3000))
        .collect();
    write(dir.path(), "junk.txt", junk);
    write(
        dir.path(),
        "random.bin",
        (0..4096u32)
            .map(|i| (i * 31 % 256) as u8)
            .collect::<Vec<u8>>(),
    );
    let paragraph = "Ana Martínez said the “plan” was 40% cheaper — Київ 🚀 \"half.\n\n";
    write(
        dir.path(),
        "huge.md",
        paragraph.repeat(10_000_000 / paragraph.len()),
    );
    let run = copydesk_in(
        dir.path(),
        &["check", "--format", "json", "junk.txt", "huge.md"],
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    assert_eq!(paths(&run.json()), ["junk.txt", "huge.md"]);
    let run = copydesk_in(dir.path(), &["check", "random.bin"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("random.bin"), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_two() {
    let dir = tempdir();
    write(dir.path(), "a.md", CLEAN);
    for args in [
        &["check"][..],
        &["check", "--format", "xml", "a.md"],
        &["check", "--fail-on", "sometimes", "a.md"],
        &["frobnicate"],
        &[],
    ] {
        let run = copydesk_in(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_version_exit_zero() {
    let dir = tempdir();
    let run = copydesk_in(dir.path(), &["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout.trim(),
        format!("copydesk {}", env!("CARGO_PKG_VERSION"))
    );
    let run = copydesk_in(dir.path(), &["check", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--fail-on"), "{}", run.stdout);
}

/// The allocator's options are built into the binary (`src/allocator.rs`); a build whose
/// linker dropped them would quietly go back to four arenas per core.
#[cfg(feature = "jemalloc")]
#[test]
fn the_binary_starts_its_allocator_with_one_arena() {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("--version")
        .env("_RJEM_MALLOC_CONF", "confirm_conf:true")
        .output()
        .expect("run copydesk");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains("global variable malloc_conf): \"narenas:1,lg_extent_max_active_fit:12\"")
            && stderr.contains("Set conf value: narenas:1"),
        "{stderr}"
    );
}
