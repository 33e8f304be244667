//! Files that could hang or flood `copydesk check`: FIFOs and devices named as drafts or
//! as `--config`, a `copydesk.toml` that is a FIFO or a link to `/dev/zero`, UTF-16 text,
//! file names with control characters. Each run ends within a second, naming the file and
//! the reason, with exit status 2.

#![cfg(unix)]

mod cli_support;
use cli_support::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CLEAN: &str = "# Library hours\n\nThe library opens at nine.\n";

/// Runs `copydesk ARGS` in `dir`, killing it (and failing) if it takes over a second.
fn run_briefly(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("copydesk runs");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(1) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("copydesk {args:?} still running after a second");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    Run {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

#[test]
fn a_fifo_named_as_a_draft_is_refused_and_the_others_checked() {
    let dir = tempdir();
    write(dir.path(), "a.md", CLEAN);
    mkfifo(&dir.path().join("pipe.md"));
    let run = run_briefly(dir.path(), &["check", "pipe.md", "a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("pipe.md: is a FIFO (named pipe), not a regular file"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "no findings in 1 file\n");
    // A directory walk passes it over.
    let run = run_briefly(dir.path(), &["check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_device_named_as_a_draft_is_refused() {
    let dir = tempdir();
    let run = run_briefly(dir.path(), &["check", "/dev/zero"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("/dev/zero: is a character device"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_fifo_or_a_device_as_config_is_refused() {
    let dir = tempdir();
    write(dir.path(), "a.md", CLEAN);
    mkfifo(&dir.path().join("house.toml"));
    for (config, kind) in [
        ("house.toml", "FIFO"),
        ("/dev/zero", "character device"),
        ("/dev/null", "character device"),
    ] {
        let run = run_briefly(dir.path(), &["check", "--config", config, "a.md"]);
        assert_eq!(run.code, 2, "{config}: {}", run.stderr);
        assert!(
            run.stderr
                .contains(&format!("{config}: cannot read configuration: is a {kind}")),
            "{config}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "{config}");
    }
}

#[test]
fn a_found_copydesk_toml_that_is_not_a_regular_file_is_refused() {
    let dir = tempdir();
    write(dir.path(), "desk/a.md", CLEAN);
    write(dir.path(), "copydesk.toml", "[checks]\n");
    // A FIFO next to the draft: refused, not passed over for the file above.
    mkfifo(&dir.path().join("desk/copydesk.toml"));
    let run = run_briefly(dir.path(), &["check", "desk/a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("copydesk.toml: cannot read configuration: is a FIFO"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(dir.path().join("desk/copydesk.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("desk/copydesk.toml")).unwrap();
    let run = run_briefly(dir.path(), &["check", "desk/a.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is a character device"),
        "{}",
        run.stderr
    );
}

#[test]
fn utf16_text_is_named_as_utf16() {
    let dir = tempdir();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(CLEAN.encode_utf16().flat_map(u16::to_le_bytes));
    write(dir.path(), "wide.txt", bytes);
    let run = run_briefly(dir.path(), &["check", "wide.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("wide.txt: is UTF-16 (little-endian) text, not UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn control_characters_in_file_names_are_escaped_in_human_output() {
    let dir = tempdir();
    let name = "evil\n\u{1b}[2Jname.md";
    write(
        dir.path(),
        name,
        "Intro.\n\nThe mayor said “we stand firm.\n",
    );
    let run = run_briefly(dir.path(), &["check", name]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    assert!(
        run.stdout.contains("evil\\n\\u{1b}[2Jname.md:3:"),
        "{:?}",
        run.stdout
    );
    // In JSON the name is kept as it is (JSON escapes it).
    let run = run_briefly(dir.path(), &["check", "--format", "json", name]);
    assert_eq!(run.json()["files"][0]["path"], name);
    // And in an error message.
    let missing = "gone\u{1b}]0;title\u{7}.md";
    let run = run_briefly(dir.path(), &["check", missing]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(
        run.stderr.contains("gone\\u{1b}]0;title\\u{7}.md"),
        "{:?}",
        run.stderr
    );
}
