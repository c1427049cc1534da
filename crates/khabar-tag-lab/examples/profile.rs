//! Tag the sample articles (as one document) N times, for `perf stat`
//! measurements of CPU time per token that do not depend on machine load:
//!
//! ```text
//! cargo build --release -p khabar-tag-lab --example profile
//! perf stat -e task-clock target/release/examples/profile 0
//! perf stat -e task-clock target/release/examples/profile 200
//! ```
//!
//! (difference of task-clock) / (200 × tokens) is the CPU time per token.

#![allow(clippy::unwrap_used, clippy::expect_used)]

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let dir = format!("{}/examples/articles", khabar_tag_lab::ROOT);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let text: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let t = khabar_tag::Tagger::new();
    let ents = t.tag(&text);
    let tokens = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            // words plus punctuation characters, as the tagger splits them
            1 + w
                .chars()
                .filter(|c| {
                    !c.is_alphanumeric() && !matches!(*c, '\u{064B}'..='\u{065F}' | '\u{0640}')
                })
                .count()
        })
        .sum::<usize>();
    let t0 = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(t.tag(&text));
    }
    eprintln!(
        "{} entities, ~{tokens} tokens, {n} iterations, wall {:?}",
        ents.len(),
        t0.elapsed()
    );
}
