//! Analyze articles ROUNDS times on one thread (after one warm-up pass
//! that loads the tagger), for `perf` and A/B timing of the pipeline:
//!
//! ```text
//! cargo build --profile profiling -p khabar --example profile_analyze
//! perf record -g target/profiling/examples/profile_analyze 200 examples/articles/*.txt
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

use khabar::article::Hints;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(50);
    let raws: Vec<String> = args.map(|p| std::fs::read_to_string(p).unwrap()).collect();
    assert!(!raws.is_empty(), "usage: profile_analyze ROUNDS FILE...");
    let hints = Hints::default();
    let mut entities = 0;
    for r in &raws {
        khabar::analyze(r, &hints);
    }
    let t = std::time::Instant::now();
    for _ in 0..n {
        for r in &raws {
            entities += khabar::analyze(r, &hints).entities.len();
        }
    }
    let bytes: usize = raws.iter().map(String::len).sum::<usize>() * n;
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{n} rounds: {entities} entities, {:.2} MB/s on one thread",
        bytes as f64 / secs / 1e6
    );
}

/// The allocator of the Python module (`khabar-py`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
