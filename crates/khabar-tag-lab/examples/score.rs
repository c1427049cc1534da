//! Score the embedded model on ANERcorp test (exact-span micro F1,
//! conlleval rules). Run once per model change, never to tune:
//!
//! ```text
//! cargo run --release -p khabar-tag-lab --example score
//! cargo run --release -p khabar-tag-lab --example score -- --rules   # and each rule switched off
//! ```
//!
//! Two numbers: the statistical layer on ANERcorp's own tokens (the
//! headline), and the whole tagger (model plus rule layers) on the joined
//! text with its labels mapped onto ANERcorp's types. With `--rules`, the
//! whole tagger's F1 with each rule of the registry switched off in turn
//! (ANERcorp has no NORP, EQUIPMENT or DATE, so rules of those families
//! show only where they take tokens from the other types). That table says
//! what each rule does on news it was not written for; like the rest of
//! this example it is test data, not a tuning signal.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::format_push_string,
    clippy::many_single_char_names
)]

use khabar_tag::research::{embedded_models, evaluate, evaluate_tagger, Config, Corpus};
use khabar_tag::rules::{RuleSet, REGISTRY};

fn main() {
    let sents = khabar_tag_lab::anercorp("test").unwrap_or_else(|e| panic!("{e}"));
    let (p1, p2) = embedded_models().expect("embedded model parses");
    let doc_size = Config::default().doc_size;
    let corpus = Corpus::new(&sents, doc_size);
    let idx: Vec<usize> = (0..corpus.len()).collect();
    let t0 = std::time::Instant::now();
    let s = evaluate(&corpus, &idx, &p1, p2.as_ref());
    println!(
        "ANERcorp test, statistical layer ({} sentences, {:.2}s):\n{}",
        corpus.len(),
        t0.elapsed().as_secs_f64(),
        s.table()
    );
    let c = s.total();
    println!(
        "exact: {} of {} predicted spans correct, {} gold spans: F1 {:.3}\n",
        c.tp,
        c.pred,
        c.gold,
        c.f1()
    );
    let t = khabar_tag::Tagger::new();
    let s = evaluate_tagger(&sents, &idx, doc_size, &t);
    println!(
        "ANERcorp test, whole tagger (labels mapped to ANERcorp types):\n{}",
        s.table()
    );
    if std::env::args().any(|a| a == "--rules") {
        let all = s.total();
        println!(
            "whole tagger with one rule off (F1; all rules: {:.2}):",
            all.f1()
        );
        println!("| rule off | P | R | F1 | ΔF1 |\n|---|---|---|---|---|");
        for info in &REGISTRY {
            let without = t.clone().with_rules(RuleSet::all().without(info.rule()));
            let c = evaluate_tagger(&sents, &idx, doc_size, &without).total();
            println!(
                "| {} | {:.1} | {:.1} | {:.2} | {:+.2} |",
                info.name(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.f1() - all.f1()
            );
        }
    }
}
