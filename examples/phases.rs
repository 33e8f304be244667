//! Where the time of an analysis goes: each stage timed over repeated runs on a draft built
//! from the corpus drafts. `cargo run --release --example phases -- [words] [runs]`.

use copydesk::analysis::{attribution, dates, entities, local, numbers, Analysis};
use copydesk::config::Config;
use copydesk::draft::Draft;
use copydesk::Format;
use std::time::Instant;

#[path = "../benches/support/drafts.rs"]
mod drafts;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let words = args.next().and_then(Result::ok).unwrap_or(10_000);
    let runs = args.next().and_then(Result::ok).unwrap_or(50).max(1);
    let text = drafts::draft_of(words);
    let config = Config::default();
    // The first run loads the word lists and the gazetteer; it is not counted.
    copydesk::analyze(&text, Format::Markdown, &config);
    let names = [
        "draft",
        "local",
        "story date",
        "attribution",
        "entities",
        "dates",
        "numbers",
        "checks",
        "drop",
    ];
    let mut spent = [0f64; 9];
    for _ in 0..runs {
        let mut clock = Instant::now();
        let mut lap = |i: usize| {
            spent[i] += clock.elapsed().as_secs_f64();
            clock = Instant::now();
        };
        let draft = Draft::parse(&text, Format::Markdown);
        lap(0);
        let facts = local::facts(&draft, &config, None);
        lap(1);
        let story_date = dates::story_date(&draft, &config);
        lap(2);
        let mut attributions = attribution::attribute(&draft, &facts, &config);
        lap(3);
        let entities = entities::extract(&draft, &facts, &mut attributions, &config);
        lap(4);
        let dates = dates::resolve(&draft, &facts, &story_date);
        lap(5);
        let numbers = numbers::claims(&draft, &facts, &attributions, &config);
        lap(6);
        let analysis = Analysis {
            draft,
            story_date,
            attributions,
            entities,
            dates,
            numbers,
            findings: Vec::new(),
        };
        std::hint::black_box(copydesk::checks::run(&analysis, &config));
        lap(7);
        drop(analysis);
        lap(8);
    }
    println!("{words} words, mean of {runs} runs:");
    for (name, s) in names.iter().zip(spent) {
        println!("  {name:12} {:8.3} ms", s * 1e3 / runs as f64);
    }
    println!(
        "  {:12} {:8.3} ms",
        "total",
        spent.iter().sum::<f64>() * 1e3 / runs as f64
    );
}
