//! Do the rules of a family help or hurt on ANERcorp? The whole tagger on
//! held-out blocks of ANERcorp *train* (never test), each tagged by a
//! tagger whose model was trained on the rest of train, with every rule on,
//! with a set of rules off, and with each rule of the set off in turn:
//!
//! ```text
//! cargo run --release -p khabar-tag-lab --example rules_cv                  # tail block, issue 17's rules
//! cargo run --release -p khabar-tag-lab --example rules_cv -- --folds 9,0 --rules org_full_name,surname_repeats
//! ```
//!
//! With `--diff`, the entities that differ between every rule on (`+`)
//! and the set off (`-`) are listed with the gold tags of their tokens.
//!
//! Blocks are tenths of train as in `train -- --cv` (9 is the tail). The
//! tagger reads 50-sentence texts as in `Tagger::evaluate_in_context`
//! (EQUIPMENT scored as MISC; NORP and DATE as O). ANERcorp has no NORP or
//! EQUIPMENT, so the figures show where the rules take tokens from, or give
//! tokens to, the four ANERcorp types.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use khabar_tag::research::{evaluate_tagger, tagger_from_models, train, Config, Corpus};
use khabar_tag::rules::{Rule, RuleSet};

/// The rules issue 17 added (security and political news, known errors).
const ISSUE_17: [&str; 15] = [
    "org_armed_force",
    "org_full_name",
    "org_outlet_name",
    "org_seat_in_name",
    "org_alias_in_brackets",
    "place_opens_dateline",
    "place_after_class_noun",
    "place_feature_name",
    "org_dateline_outlet",
    "equipment_after_trigger",
    "equipment_designation_suffix",
    "person_nisba_surname",
    "person_ends_before_verb",
    "person_compound_takes_surname",
    "surname_repeats",
];

fn main() {
    let mut folds: Vec<usize> = vec![9];
    let diff = std::env::args().any(|a| a == "--diff");
    let mut names: Vec<String> = ISSUE_17.iter().map(|s| (*s).to_owned()).collect();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        if a == "--diff" {
            continue;
        }
        let list = it.next().expect("a list after the flag");
        match a.as_str() {
            "--folds" => folds = list.split(',').map(|s| s.parse().unwrap()).collect(),
            "--rules" => names = list.split(',').map(str::to_owned).collect(),
            _ => panic!("unknown argument {a}"),
        }
    }
    let rules: Vec<Rule> = names
        .iter()
        .map(|n| Rule::from_name(n).unwrap_or_else(|| panic!("no rule `{n}`")))
        .collect();
    let sents = khabar_tag_lab::anercorp("train").unwrap_or_else(|e| panic!("{e}"));
    let cfg = Config::default();
    let corpus = Corpus::new(&sents, cfg.doc_size);
    let n = corpus.len();
    let off = rules.iter().fold(RuleSet::all(), |s, &r| s.without(r));
    for fold in folds {
        let start = if fold >= 9 { n - n / 10 } else { fold * n / 10 };
        let end = (start + n / 10).min(n);
        let tr: Vec<usize> = (0..n).filter(|&k| k < start || k >= end).collect();
        let ho: Vec<usize> = (start..end).collect();
        let (p1, p2) = train(&corpus, &tr, &cfg);
        let all = tagger_from_models(p1, p2);
        let s = evaluate_tagger(&sents, &ho, 50, &all);
        println!(
            "block {fold} (sentences {start}..{end}), every rule on:\n{}",
            s.table()
        );
        let base = s.total().f1();
        let none = all.clone().with_rules(off);
        if diff {
            print_diff(&sents, &ho, &all, &none);
        }
        let s = evaluate_tagger(&sents, &ho, 50, &none);
        println!("the {} rules off:\n{}", rules.len(), s.table());
        for &r in &rules {
            let t = all.clone().with_rules(RuleSet::all().without(r));
            let f = evaluate_tagger(&sents, &ho, 50, &t).total().f1();
            println!("  without {:32} F1 {f:.2} ({:+.2})", r.name(), f - base);
        }
    }
}

/// Print the entities that taggers `on` and `off` disagree on, text by
/// text as `evaluate_tagger` reads them, with the gold tags they cover.
fn print_diff(
    sents: &[khabar_tag::eval::Sentence],
    ho: &[usize],
    on: &khabar_tag::Tagger,
    off: &khabar_tag::Tagger,
) {
    for doc in ho.chunks(50) {
        let mut text = String::new();
        let mut toks: Vec<(usize, usize, &str)> = Vec::new();
        for &k in doc {
            for (w, y) in &sents[k] {
                let a = text.len();
                text.push_str(w);
                toks.push((a, text.len(), y.as_str()));
                text.push(' ');
            }
            text.push('\n');
        }
        let key = |e: &khabar_tag::Entity| (e.span.start, e.span.end, e.label);
        let a = on.tag(&text);
        let b = off.tag(&text);
        let gold = |e: &khabar_tag::Entity| {
            toks.iter()
                .filter(|t| t.0 < e.span.end && e.span.start < t.1)
                .map(|t| t.2)
                .collect::<Vec<_>>()
                .join(" ")
        };
        for (sign, xs, ys) in [("+", &a, &b), ("-", &b, &a)] {
            for e in xs.iter().filter(|e| !ys.iter().any(|f| key(f) == key(e))) {
                println!(
                    "{sign} {:9} {:40} {:28} gold: {}",
                    e.label.name(),
                    e.text,
                    e.source.as_str(),
                    gold(e)
                );
            }
        }
    }
}
