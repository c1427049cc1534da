//! Date finding (`khabar_dates::find_dates`) over the text of the sample
//! articles, single-threaded, resolved against a reference date.
//!
//! `cargo bench -p khabar-benches --bench dates`
//!
//! The inputs are those of the `parse` group (one article, the five sample
//! articles, and the five repeated 20 times), so the two read side by side.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use khabar_benches::ARTICLES;
use khabar_dates::{find_dates, Date};

/// One article, the five sample articles, and the five repeated 20 times.
fn inputs() -> Vec<(&'static str, String)> {
    let one = ARTICLES[3].to_owned();
    let all: String = ARTICLES.join("\n");
    let batch: String = std::iter::repeat_n(all.as_str(), 20)
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        ("article", one),
        ("five_articles", all),
        ("batch_100", batch),
    ]
}

fn bench_dates(c: &mut Criterion) {
    let reference = Date::new(2022, 1, 25);
    // Warm the lazy statics (trigger table, Bloom filter, normalizer).
    black_box(find_dates(ARTICLES[0], reference));
    let mut g = c.benchmark_group("dates");
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("find_dates", name), &text, |b, t| {
            b.iter(|| find_dates(black_box(t), reference));
        });
    }
    g.finish();
}

criterion_group!(benches, bench_dates);
criterion_main!(benches);
