//! Entity tagging throughput, single-threaded, whole articles.
//!
//! `cargo bench -p khabar-benches --bench tag`
//!
//! Group `tag`: the shipped tagger on one article and on the five sample
//! articles. Group `rules` (`cargo bench -p khabar-benches --bench tag --
//! rules`): the whole tagger on one article with every rule on
//! (`rules/all`) and with each rule of the registry switched off in turn
//! (`rules/without/<rule>`, one line per rule): the difference from
//! `rules/all` is what the rule costs (a rule that saves later work can
//! make its line slower).
//!
//! Throughput is in tokens (whitespace-separated words and punctuation, as
//! the tagger splits them), so criterion reports tokens/s.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use khabar_benches::ARTICLES;
use khabar_tag::rules::{RuleSet, REGISTRY};
use khabar_tag::Tagger;
use std::hint::black_box;

/// Tokens as the tagger counts them: runs of letters/digits/marks, and
/// every other non-space character.
fn tokens(text: &str) -> u64 {
    let mut n = 0u64;
    let mut in_word = false;
    for c in text.chars() {
        let word =
            c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}');
        if word {
            if !in_word {
                n += 1;
            }
        } else if !c.is_whitespace() {
            n += 1;
        }
        in_word = word;
    }
    n
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::new();
    // Warm lazy statics (gazetteer, date lexicon) before timing.
    black_box(tagger.tag(ARTICLES[0]));
    let all: String = ARTICLES.join("\n\n");
    let mut g = c.benchmark_group("tag");
    for (name, text) in [("article", ARTICLES[1]), ("five-articles", all.as_str())] {
        g.throughput(Throughput::Elements(tokens(text)));
        g.bench_with_input(BenchmarkId::new("tag", name), text, |b, t| {
            b.iter(|| tagger.tag(black_box(t)))
        });
    }
    g.finish();
}

fn rules(c: &mut Criterion) {
    let tagger = Tagger::new();
    let text = ARTICLES[1];
    black_box(tagger.tag(text));
    let mut g = c.benchmark_group("rules");
    g.throughput(Throughput::Elements(tokens(text)));
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("all", |b| b.iter(|| tagger.tag(black_box(text))));
    for info in &REGISTRY {
        let without = tagger
            .clone()
            .with_rules(RuleSet::all().without(info.rule()));
        g.bench_with_input(BenchmarkId::new("without", info.name()), text, |b, t| {
            b.iter(|| without.tag(black_box(t)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench, rules);
criterion_main!(benches);
