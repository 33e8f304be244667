//! The whole analysis (draft, attribution, entities, dates, numbers, checks) on long
//! drafts built from the corpus drafts in tests/fixtures. Budget on a 2-core machine:
//! 10k words under 5 ms, 100k words under 50 ms.
//!
//! The `incremental` group is what the server does on a keystroke: analysis with a warm
//! paragraph cache after a one-character edit, then the checks.
//!
//! Run: `cargo bench --profile dist --bench analysis` (the shipped build; plain
//! `cargo bench` measures the quicker-built `release` profile).

use copydesk::analysis::local::Cache;
use copydesk::checks::check_with;
use copydesk::config::Config;
use copydesk::Format;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

#[path = "support/drafts.rs"]
mod drafts;
use drafts::draft_of;

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
            b.iter(|| copydesk::check(draft, Format::Markdown, &config))
        });
    }
    group.finish();
}

/// One character typed at the end of a paragraph in the middle of the draft (or deleted
/// again, so that the draft keeps its length), then analyzed with the cache of the text
/// before. The cache keeps only the last text's paragraphs, so every iteration re-reads
/// the edited paragraph.
fn incremental(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("incremental");
    group.measurement_time(Duration::from_secs(5));
    for words in [1_000, 10_000, 100_000] {
        let mut draft = draft_of(words);
        let mut cache = Cache::new();
        check_with(&draft, Format::Markdown, &config, Some(&mut cache));
        let cursor = draft[..draft.len() / 2].rfind("\n\n").unwrap_or(0);
        group.throughput(Throughput::Bytes(draft.len() as u64));
        group.bench_function(BenchmarkId::new("words", words), |b| {
            b.iter(|| {
                if draft[cursor..].starts_with('x') {
                    draft.remove(cursor);
                } else {
                    draft.insert(cursor, 'x');
                }
                check_with(&draft, Format::Markdown, &config, Some(&mut cache))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, analysis, incremental);
criterion_main!(benches);
