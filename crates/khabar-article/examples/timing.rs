//! Rough timing of the stages (development aid).
use khabar_normalize::{Normalizer, Profile};
use std::time::Instant;

fn main() {
    let raw =
        std::fs::read_to_string("examples/articles/003_9811d45beb99c109.txt").unwrap_or_default();
    let n = 2000;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(
            Normalizer::for_profile(Profile::Search)
                .normalize_aligned(&raw)
                .ok(),
        );
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "normalize_aligned: {:.1} MB/s",
        raw.len() as f64 * n as f64 / dt / 1e6
    );
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(Normalizer::for_profile(Profile::Search).normalize(&raw));
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "normalize: {:.1} MB/s",
        raw.len() as f64 * n as f64 / dt / 1e6
    );
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(khabar_article::dates::find_dates(&raw, None));
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "find_dates: {:.1} MB/s",
        raw.len() as f64 * n as f64 / dt / 1e6
    );
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(khabar_article::parse(
            &raw,
            &khabar_article::Hints::default(),
        ));
    }
    let dt = t.elapsed().as_secs_f64();
    println!("parse: {:.1} MB/s", raw.len() as f64 * n as f64 / dt / 1e6);
}
