//! Article parsing over whole articles (single-threaded). Date finding has
//! its own bench, `dates`.
//!
//! `cargo bench -p khabar-benches --bench article`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use khabar_article::{parse, Hints};
use khabar_benches::ARTICLES;

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

fn bench_parse(c: &mut Criterion) {
    // Warm the lazily built normalizer first.
    black_box(parse(ARTICLES[0], &Hints::default()));
    let mut g = c.benchmark_group("parse");
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| parse(black_box(t), &Hints::default()));
        });
    }
    g.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
