//! Where the time of an analysis goes: each stage timed over repeated runs on a draft built
//! from the corpus drafts, then the server's share (diagnostics and their JSON).
//!
//! `cargo run --profile dist --example phases -- [words] [runs] [edit]`. With `edit`, each run
//! first types one character into a paragraph in the middle of the draft and reads the
//! paragraphs with a warm cache, as the server does on a keystroke.

use copydesk::analysis::{attribution, dates, entities, facts, local, numbers, Analysis};
use copydesk::config::Config;
use copydesk::draft::Draft;
use copydesk::lsp::convert;
use copydesk::lsp::documents::Analyzed;
use copydesk::lsp::positions::Encoding;
use copydesk::Format;
use ropey::Rope;
use std::time::Instant;
use tower_lsp_server::ls_types::{notification, PublishDiagnosticsParams, Uri};

#[path = "../benches/support/drafts.rs"]
mod drafts;

const TYPED: &str = " The council approved the budget on Tuesday, 12 to 3.";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| args.get(i).and_then(|a| a.parse::<usize>().ok());
    let words = number(0).unwrap_or(10_000);
    let runs = number(1).unwrap_or(50).max(1);
    let edit = args.iter().any(|a| a == "edit");
    let mut text = drafts::draft_of(words);
    let config = Config::default();
    let uri: Uri = "file:///draft.md".parse().expect("uri");
    let mut cache = local::Cache::new();
    // The first run loads the word lists and the gazetteer (and fills the cache); it is not
    // counted.
    copydesk::analysis::analyze_with(&text, Format::Markdown, &config, Some(&mut cache));
    let mut cursor = text[..text.len() / 2].rfind("\n\n").unwrap_or(0);
    let mut typed = TYPED.chars().cycle();
    let names = [
        "draft",
        "local",
        "story date",
        "attribution",
        "entities",
        "dates",
        "numbers",
        "checks",
        "diagnostics",
        "drop",
    ];
    let mut spent = [0f64; 10];
    measured(|| {
        for _ in 0..runs {
            if edit {
                let c = typed.next().unwrap_or('x');
                text.insert(cursor, c);
                cursor += c.len_utf8();
            }
            // The server edits its rope in place; it is not part of the analysis.
            let rope = Rope::from_str(&text);
            let mut clock = Instant::now();
            let mut lap = |i: usize| {
                spent[i] += clock.elapsed().as_secs_f64();
                clock = Instant::now();
            };
            let draft = Draft::parse(&text, Format::Markdown);
            lap(0);
            let facts = local::facts(&draft, &config, edit.then_some(&mut cache));
            lap(1);
            let story_date = dates::story_date(&draft, &config);
            lap(2);
            let mut attributions = attribution::attribute(&draft, &facts, &config);
            lap(3);
            let (entities, speakers) = entities::extract(&draft, &facts, &attributions, &config);
            entities::link_speakers(&mut attributions, &speakers);
            lap(4);
            let dates = dates::resolve(&draft, &facts, &story_date);
            lap(5);
            let numbers = numbers::claims(&draft, &facts, &attributions, &config);
            lap(6);
            let stated = facts::read(&draft, &entities);
            let analysis = Analysis {
                draft,
                story_date,
                attributions,
                entities,
                dates,
                numbers,
                stated,
            };
            let findings = copydesk::checks::run(&analysis, &config);
            lap(7);
            let analyzed = Analyzed {
                generation: 0,
                version: 0,
                rope: rope.clone(),
                analysis,
                findings,
                evidence: Vec::new(),
            };
            let params = PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics: convert::diagnostics(&uri, &analyzed, Encoding::Utf16),
                version: Some(0),
            };
            let body = convert::notification::<notification::PublishDiagnostics>(&params);
            std::hint::black_box(body.map(|b| b.len()).unwrap_or(0));
            lap(8);
            drop(analyzed);
            lap(9);
        }
    });
    let what = if edit { "keystrokes" } else { "runs" };
    println!("{words} words, mean of {runs} {what}:");
    for (name, s) in names.iter().zip(spent) {
        println!("  {name:12} {:8.3} ms", s * 1e3 / runs as f64);
    }
    println!(
        "  {:12} {:8.3} ms",
        "total",
        spent.iter().sum::<f64>() * 1e3 / runs as f64
    );
}

/// The timed runs, apart from the first (which loads the word lists): a profiler can count
/// only them (`valgrind --tool=callgrind --toggle-collect='phases::measured*'`).
#[inline(never)]
fn measured(runs: impl FnOnce()) {
    runs()
}
