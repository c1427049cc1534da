//! Normalization throughput, both profiles, three input sizes.
//!
//! `cargo bench -p khabar-benches --bench normalize`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use khabar_benches::{corpus, headline, ARTICLES};
use khabar_normalize::{Normalizer, Profile};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let big = corpus(20 * 1024 * 1024);
    let inputs: [(&str, &str); 3] = [
        ("headline", headline()),
        ("article", ARTICLES[1]),
        ("corpus-20MB", &big),
    ];
    for profile in [Profile::Search, Profile::Display] {
        let n = Normalizer::for_profile(profile);
        // Build lazy tables before timing.
        black_box(n.normalize("أَ"));
        let mut g = c.benchmark_group(format!("normalize/{}", profile.name()));
        for (name, text) in inputs {
            g.throughput(Throughput::Bytes(text.len() as u64));
            if text.len() > 1_000_000 {
                g.sample_size(10);
            }
            g.bench_with_input(BenchmarkId::new("text", name), text, |b, t| {
                b.iter(|| n.normalize(black_box(t)))
            });
            g.bench_with_input(BenchmarkId::new("aligned", name), text, |b, t| {
                b.iter(|| n.normalize_aligned(black_box(t)).map(|a| a.text().len()))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
