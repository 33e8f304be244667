//! The whole analysis (draft, attribution, entities, dates, numbers, checks) on long
//! drafts built from the corpus drafts in tests/fixtures. Budget on a 2-core machine:
//! 10k words under 5 ms, 100k words under 50 ms.
//!
//! Run: `cargo bench --bench analysis`.

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
            b.iter(|| copydesk::analyze(draft, Format::Markdown, &config))
        });
    }
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
