//! The roles and events pass, single-threaded, on the five sample articles.
//!
//! `cargo bench -p khabar-benches --bench events`
//!
//! Group `events`: `extract` is the pass alone (khabar_events::extract on
//! what the tagger returned for the five articles, tagged once outside the
//! timing); `pipeline/without-events` and `pipeline/with-events` are the
//! whole pipeline (`khabar::analyze_with_events` with `None` and with every
//! rule on) on the same five raw articles, timed in the same run, so their
//! ratio is the pipeline cost of the pass (issue 18: at most +15%).
//! Throughput is in bytes of the raw articles.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use khabar::article::Hints;
use khabar::events::rules::Config;
use khabar_benches::ARTICLES;
use khabar_tag::Tagger;

fn bench(c: &mut Criterion) {
    let tagger = Tagger::global();
    let hints = Hints::default();
    let bytes: usize = ARTICLES.iter().map(|a| a.len()).sum();
    let tagged: Vec<_> = ARTICLES
        .iter()
        .map(|a| tagger.tag_words_with_dates(a, khabar_dates::find_dates(a, None)))
        .collect();
    let mut g = c.benchmark_group("events");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract", |b| {
        b.iter(|| {
            for (a, t) in ARTICLES.iter().zip(&tagged) {
                black_box(khabar_events::extract(a, t));
            }
        });
    });
    for (name, config) in [
        ("without-events", None),
        ("with-events", Some(Config::all())),
    ] {
        g.bench_with_input(BenchmarkId::new("pipeline", name), &config, |b, config| {
            b.iter(|| {
                for a in ARTICLES {
                    black_box(khabar::analyze_with_events(tagger, a, &hints, *config));
                }
            });
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(8)).sample_size(40);
    targets = bench
}
criterion_main!(benches);
