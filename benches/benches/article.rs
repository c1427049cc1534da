//! Article parsing and date finding over whole articles (single-threaded).
//!
//! `cargo bench -p khabar-benches --bench article`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use khabar_article::{dates::find_dates, parse, Date, Hints};

const ARTICLES: [&str; 5] = [
    include_str!("../../examples/articles/000_6e49526c0f392cf6.txt"),
    include_str!("../../examples/articles/001_cd1806717cd210fd.txt"),
    include_str!("../../examples/articles/002_489f407ec9d253c0.txt"),
    include_str!("../../examples/articles/003_9811d45beb99c109.txt"),
    include_str!("../../examples/articles/004_2364d8e36052e2d6.txt"),
];

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

fn bench_dates(c: &mut Criterion) {
    let reference = Date::new(2022, 1, 25);
    black_box(find_dates(ARTICLES[0], reference));
    let mut g = c.benchmark_group("find_dates");
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| find_dates(black_box(t), reference));
        });
    }
    g.finish();
}

criterion_group!(benches, bench_parse, bench_dates);
criterion_main!(benches);
