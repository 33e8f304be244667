//! Rule fixtures: for each check code and each named attribution and entity rule, a folder
//! of small drafts (`tests/fixtures/<group>/<rule>/NN-name.md`) and a snapshot of what the
//! engine makes of each (`tests/snapshots/`). A reader sees in one place what a rule flags
//! and what it leaves alone; a change in behaviour shows as a snapshot diff. See
//! `tests/fixtures/README.md` for how to add a fixture and accept snapshots.

use copydesk_core::analysis::attribution::SpeakerKind;
use copydesk_core::analysis::entities::MentionKind;
use copydesk_core::analysis::Analysis;
use copydesk_core::checks::{Code, Finding};
use copydesk_core::config::Config;
use copydesk_core::position::LineIndex;
use copydesk_core::sources::{SourceText, Sources, Verdict};
use copydesk_core::{check, Checked, Format, Span};
use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// Every check code has a folder of fixtures under `fixtures/checks/`, named by the code,
/// and every folder there is named by a code.
#[test]
fn every_check_code_has_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checks");
    let folders: BTreeSet<String> = std::fs::read_dir(&root)
        .expect("tests/fixtures/checks")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter(|e| {
            std::fs::read_dir(e.path())
                .map(|files| {
                    files
                        .filter_map(Result::ok)
                        .any(|f| f.path().extension() == Some("md".as_ref()))
                })
                .unwrap_or(false)
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let codes: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_string()).collect();
    let missing: Vec<&String> = codes.difference(&folders).collect();
    let unknown: Vec<&String> = folders.difference(&codes).collect();
    assert!(
        missing.is_empty(),
        "check codes with no fixtures: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "fixture folders named by no check code: {unknown:?}"
    );
}

/// Every snapshot belongs to a fixture: a fixture removed or renamed takes its snapshot
/// with it (insta itself only notices a stale snapshot under `cargo insta test`).
#[test]
fn every_snapshot_has_its_fixture() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let orphans: Vec<String> = std::fs::read_dir(tests.join("snapshots"))
        .expect("tests/snapshots")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|name| {
            // `rules__<group>@<rule>__<file>.md.snap` is `fixtures/<group>/<rule>/<file>.md`.
            let rest = name.strip_prefix("rules__")?.strip_suffix(".snap")?;
            let (group, path) = rest.split_once('@')?;
            let fixture = tests
                .join("fixtures")
                .join(group)
                .join(path.replace("__", "/"));
            (!fixture.is_file()).then_some(name)
        })
        .collect();
    assert!(orphans.is_empty(), "snapshots with no fixture: {orphans:?}");
}

/// insta keeps the failures of a `glob!` on one stack for the whole process, so two globs
/// running at once on the test threads count each other's failures (and the diff shows
/// under the wrong test). The three groups take turns.
static ONE_GLOB_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_glob_at_a_time() -> MutexGuard<'static, ()> {
    ONE_GLOB_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The findings of each draft under `fixtures/checks/`. The drafts of a folder with a
/// `sources/` folder beside them (the source checks: `misquote`, …) are also compared with
/// the files in it, as `copydesk check` compares a draft with its sources folder.
#[test]
fn checks() {
    let _turn = one_glob_at_a_time();
    insta::glob!("fixtures/checks", "*/*.md", |path| {
        let sources = path.parent().map(|p| p.join("sources")).map(read_sources);
        insta::assert_snapshot!(render_findings(
            &read(path),
            sources.as_deref().unwrap_or(&[])
        ));
    });
}

/// The files of a fixture's `sources/` folder, named by their file name, in name order.
fn read_sources(dir: std::path::PathBuf) -> Vec<SourceText> {
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|path| SourceText {
            text: read(&path),
            path: path.file_name().map(Into::into).unwrap_or_default(),
        })
        .collect()
}

/// Each quote's attribution for each draft under `fixtures/attribution/`.
#[test]
fn attribution() {
    let _turn = one_glob_at_a_time();
    insta::glob!("fixtures/attribution", "*/*.md", |path| {
        insta::assert_snapshot!(render_quotes(&read(path)));
    });
}

/// The entities of each draft under `fixtures/entities/`.
#[test]
fn entities() {
    let _turn = one_glob_at_a_time();
    insta::glob!("fixtures/entities", "*/*.md", |path| {
        insta::assert_snapshot!(render_entities(&read(path)));
    });
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The draft checked with the default configuration, after making sure that the fixture's
/// describing comment (`<!-- … -->`, the first of the file) changes nothing: the same draft
/// with the comment blanked out gives the same quotes, entities and findings.
fn checked(text: &str) -> Checked {
    let checked = check(text, Format::Markdown, &Config::default());
    let start = text
        .find("<!--")
        .expect("a fixture opens with a <!-- comment -->");
    let end = start + text[start..].find("-->").expect("the comment closes") + 3;
    let blank = format!(
        "{}{}{}",
        &text[..start],
        " ".repeat(end - start),
        &text[end..]
    );
    let without = check(&blank, Format::Markdown, &Config::default());
    assert_eq!(
        checked.findings, without.findings,
        "the comment changes the findings"
    );
    assert_eq!(
        checked.analysis.attributions, without.analysis.attributions,
        "the comment changes the attributions"
    );
    assert_eq!(
        checked.analysis.entities, without.analysis.entities,
        "the comment changes the entities"
    );
    checked
}

/// `line:col` (1-based, column in Unicode scalar values) of a byte offset.
fn at(index: &LineIndex, offset: usize) -> String {
    let p = index.position(offset);
    format!("{}:{}", p.line, p.column)
}

/// `line:col-line:col` of a span.
fn range(index: &LineIndex, span: &Span) -> String {
    format!("{}-{}", at(index, span.start), at(index, span.end))
}

/// The text of a span on one line, shortened when long.
fn excerpt(text: &str, span: &Span) -> String {
    let s = text.get(span.clone()).unwrap_or("?").replace('\n', "⏎");
    if s.chars().count() > 60 {
        let head: String = s.chars().take(57).collect();
        format!("{head}…")
    } else {
        s
    }
}

fn render_findings(text: &str, sources: &[SourceText]) -> String {
    let mut checked = checked(text);
    let index = LineIndex::new(text);
    let mut out = String::new();
    if !sources.is_empty() {
        let config = Config::default();
        let (findings, evidence) = copydesk_core::checks::sources::run(
            &checked.analysis,
            &Sources::new(sources.to_vec()),
            &config,
        );
        checked.findings.extend(findings);
        copydesk_core::checks::settle(&checked.analysis.draft, &mut checked.findings);
        for e in &evidence {
            let quote = &checked.analysis.draft.quotes[e.quote];
            let verdict = match &e.verdict {
                Verdict::Verified => "verified",
                Verdict::Differs(_) => "differs",
                Verdict::NotFound => "not found",
            };
            let at_source = e
                .passage
                .as_ref()
                .map(|p| format!(" at {}", copydesk_core::checks::sources::describe(p)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "quote {} `{}`: {verdict}{at_source}",
                range(&index, &quote.span),
                excerpt(text, &quote.span)
            );
        }
    }
    if checked.findings.is_empty() {
        out.push_str("(no findings)\n");
        return out;
    }
    for f in &checked.findings {
        render_finding(&mut out, &index, f, sources);
    }
    out
}

fn render_finding(out: &mut String, index: &LineIndex, f: &Finding, sources: &[SourceText]) {
    let text = index.text();
    let _ = writeln!(
        out,
        "{} {}[{}] `{}`\n  {}",
        range(index, &f.span),
        f.severity.as_str(),
        f.code.as_str(),
        excerpt(text, &f.span),
        f.message
    );
    for r in &f.related {
        // A location in a source file is placed in that file's text.
        let other = r
            .path
            .as_ref()
            .and_then(|p| sources.iter().find(|s| &s.path == p));
        let (where_, quoted) = match other {
            Some(source) => (
                format!(
                    "{}:{}",
                    source.path.display(),
                    at(&LineIndex::new(&source.text), r.span.start)
                ),
                excerpt(&source.text, &r.span),
            ),
            None => (at(index, r.span.start), excerpt(text, &r.span)),
        };
        let _ = writeln!(out, "  related {where_} `{quoted}`: {}", r.message);
    }
    for fix in &f.fixes {
        let edits: Vec<String> = fix
            .edits
            .iter()
            .map(|e| format!("{} → `{}`", range(index, &e.span), e.new_text))
            .collect();
        let _ = writeln!(out, "  fix \"{}\": {}", fix.title, edits.join(", "));
    }
}

fn render_quotes(text: &str) -> String {
    let checked = checked(text);
    let a = &checked.analysis;
    let index = LineIndex::new(text);
    if a.draft.quotes.is_empty() {
        return "(no quotes)\n".to_string();
    }
    let mut out = String::new();
    for (i, (q, at_)) in a.draft.quotes.iter().zip(&a.attributions).enumerate() {
        let _ = write!(
            out,
            "Q{i} {} {}`{}`",
            at(&index, q.span.start),
            "  ".repeat(q.depth as usize),
            excerpt(text, &q.span)
        );
        if !at_.is_speech {
            let why = at_
                .not_speech
                .map(|w| format!("{w:?}").to_lowercase())
                .unwrap_or_else(|| "?".into());
            let _ = writeln!(out, "\n  not speech: {why}");
            continue;
        }
        out.push('\n');
        match &at_.speaker {
            Some(s) => {
                let kind = match s.kind {
                    SpeakerKind::Name => "name",
                    SpeakerKind::Descriptor => "descriptor",
                    SpeakerKind::Pronoun => "pronoun",
                };
                let entity = a
                    .speaker_name(i)
                    .filter(|_| s.entity.is_some())
                    .map(|n| format!(" → {n}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "  speaker `{}` ({kind}{entity})", s.text);
            }
            None => out.push_str("  speaker none\n"),
        }
        if let Some(c) = &at_.cue {
            let _ = writeln!(out, "  cue `{}`", c.text);
        }
        if let Some(rule) = at_.rule {
            let from = at_
                .source
                .map(|s| format!(" from Q{s}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  rule {rule:?}{from}");
        }
    }
    let unattributed: BTreeSet<String> = checked
        .findings
        .iter()
        .filter(|f| f.code == Code::UnattributedQuote)
        .map(|f| at(&index, f.span.start))
        .collect();
    if !unattributed.is_empty() {
        let list: Vec<String> = unattributed.into_iter().collect();
        let _ = writeln!(out, "unattributed-quote at {}", list.join(", "));
    }
    out
}

fn render_entities(text: &str) -> String {
    let checked = checked(text);
    let a: &Analysis = &checked.analysis;
    let index = LineIndex::new(text);
    if a.entities.is_empty() {
        return "(no entities)\n".to_string();
    }
    let mut out = String::new();
    for e in &a.entities {
        let _ = writeln!(out, "{} `{}`", e.kind.as_str(), e.name);
        if let Some(role) = &e.role {
            let _ = writeln!(out, "  role: {role}");
        }
        let mentions: Vec<String> = e
            .mentions
            .iter()
            .map(|m| {
                let kind = match m.kind {
                    MentionKind::Name => "",
                    MentionKind::Descriptor => " (descriptor)",
                    MentionKind::Pronoun => " (pronoun)",
                };
                format!("{} `{}`{kind}", at(&index, m.span.start), m.text)
            })
            .collect();
        let _ = writeln!(out, "  mentions: {}", mentions.join(", "));
        if !e.variants.is_empty() {
            let _ = writeln!(out, "  variants: {}", e.variants.join(", "));
        }
        for s in &e.stray {
            let why = s
                .kind
                .map(|k| k.describe().to_string())
                .or_else(|| s.house_style.as_ref().map(|h| format!("house style {h}")))
                .unwrap_or_else(|| "no kind".into());
            let older = if s.older { ", older name" } else { "" };
            let tie = if s.tie { ", tie" } else { "" };
            let _ = writeln!(
                out,
                "  stray {} `{}` → `{}` ({why}{older}{tie})",
                at(&index, s.span.start),
                s.text,
                s.replacement
            );
        }
        if !e.quotes.is_empty() {
            let quotes: Vec<String> = e
                .quotes
                .iter()
                .map(|&q| at(&index, a.draft.quotes[q].span.start))
                .collect();
            let _ = writeln!(out, "  quotes: {}", quotes.join(", "));
        }
    }
    out
}
