//! The whole analysis (draft, attribution, entities, dates, numbers, checks) on long
//! drafts built from the corpus drafts in tests/fixtures. Budget on a 2-core machine:
//! 10k words under 5 ms, 100k words under 50 ms.
//!
//! Run: `cargo bench --bench analysis`.

use copydesk::config::Config;
use copydesk::Format;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

/// The body of a fixture draft, without its front matter.
fn body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(text)
}

/// A Markdown draft of at least `words` words: the fixture drafts' paragraphs, repeated.
fn draft_of(words: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture"))
        .collect();
    let paragraphs: Vec<&str> = texts
        .iter()
        .flat_map(|t| body(t).split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut draft = String::new();
    let mut count = 0;
    for p in paragraphs.iter().cycle() {
        if count >= words {
            break;
        }
        draft.push_str(p);
        draft.push_str("\n\n");
        count += p.split_whitespace().count();
    }
    draft
}

fn analysis(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("analyze");
    group.measurement_time(Duration::from_secs(5));
    for words in [1_000, 10_000, 100_000] {
        let draft = draft_of(words);
        group.throughput(Throughput::Bytes(draft.len() as u64));
        if words >= 100_000 {
            group.sample_size(20);
        }
        group.bench_with_input(BenchmarkId::new("words", words), &draft, |b, draft| {
            b.iter(|| copydesk::analyze(draft, Format::Markdown, &config))
        });
    }
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
