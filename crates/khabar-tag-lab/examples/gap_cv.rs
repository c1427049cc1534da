//! Where does the whole tagger lose (or win) against its own statistical
//! layer on ANERcorp? On held-out blocks of ANERcorp *train* (never test),
//! each tagged by models trained on the rest of train, this scores (a) the
//! statistical layer (the model's BIO labels on ANERcorp's tokens, with
//! `propagate`, 50-sentence documents) and (b) the whole tagger on the same
//! 50-sentence texts (`Tagger::evaluate_in_context`'s mapping: EQUIPMENT →
//! MISC, NORP and DATE → O), and buckets every span where they differ by
//! cause:
//!
//! ```text
//! cargo run --release -p khabar-tag-lab --example gap_cv                       # blocks 9 and 4
//! cargo run --release -p khabar-tag-lab --example gap_cv -- --folds 9 --diff "to O"
//! cargo run --release -p khabar-tag-lab --example gap_cv -- --off place_feature_name,org_full_name
//! ```
//!
//! A difference is a group of overlapping spans that only one side has
//! (the model's `m`, the tagger's `t`). Its cause is what the tagger did
//! there: `label X→Y` (same tokens), `widened`/`narrowed` (one span, more
//! or fewer tokens), `reshaped` (merged or split), `to O` (the tagger's
//! entity is NORP or DATE, which ANERcorp scores as O), `dropped` (no
//! entity at all), `added` (no model span), each with the `Entity.source`
//! of the tagger's entity. Each bucket shows the correct spans it wins
//! (`Δtp`), the spans it adds (`Δpred`), and what the tagger's F1 would
//! gain by undoing it (`undo`): the gap is about the sum of the `undo`s.
//!
//! `--diff PATTERN` lists the differences of the buckets whose name holds
//! PATTERN, with the gold tags of their tokens. The models of each block
//! are cached in `target/gap_cv/` (delete it after changing features).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss,
    clippy::similar_names
)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use khabar_tag::eval::{spans, Counts, Score, Sentence};
use khabar_tag::research::{
    join_sentences, model_bytes, models_from_bytes, predict, tagger_from_models, train, Config,
    Corpus, Model,
};
use khabar_tag::rules::RuleSet;
use khabar_tag::{Entity, Tagger};

/// A typed span of a sentence: tokens `start..end`.
type Span = (usize, usize, String);

/// One bucket of differences.
#[derive(Default)]
struct Bucket {
    n: usize,
    dtp: i64,
    dpred: i64,
    lines: Vec<String>,
}

fn main() {
    let mut folds: Vec<usize> = vec![9, 4];
    let mut pattern: Option<String> = None;
    let mut off: Vec<String> = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let v = it.next().expect("a value after the flag");
        match a.as_str() {
            "--folds" => folds = v.split(',').map(|s| s.parse().unwrap()).collect(),
            "--diff" => pattern = Some(v),
            "--off" => off = v.split(',').map(str::to_owned).collect(),
            _ => panic!("unknown argument {a}"),
        }
    }
    let names: Vec<&str> = off.iter().map(String::as_str).collect();
    let rules = RuleSet::from_names_off(&names).unwrap_or_else(|e| panic!("{e}"));
    let sents = khabar_tag_lab::anercorp("train").unwrap_or_else(|e| panic!("{e}"));
    let cfg = Config::default();
    let corpus = Corpus::new(&sents, cfg.doc_size);
    let c50 = Corpus::new(&sents, 50);
    let n = corpus.len();
    let mut all: BTreeMap<String, Bucket> = BTreeMap::new();
    let (mut tot_stat, mut tot_tag) = (Counts::default(), Counts::default());
    for fold in folds {
        let start = if fold >= 9 { n - n / 10 } else { fold * n / 10 };
        let end = (start + n / 10).min(n);
        let ho: Vec<usize> = (start..end).collect();
        let (p1, p2) = models(fold, &corpus, start, end, &cfg);
        let stat = predict(&c50, &ho, &p1, p2.as_ref());
        let tagger = tagger_from_models(p1, p2).with_rules(rules);
        let mut buckets: BTreeMap<String, Bucket> = BTreeMap::new();
        let (s_stat, s_tag) = compare(&sents, &ho, &stat, &tagger, &mut buckets);
        println!("block {fold} (sentences {start}..{end})");
        println!("statistical layer:\n{}", s_stat.table());
        println!("whole tagger:\n{}", s_tag.table());
        report(&buckets, s_tag.total(), pattern.as_deref());
        for (t, c) in [
            (&mut tot_stat, s_stat.total()),
            (&mut tot_tag, s_tag.total()),
        ] {
            t.tp += c.tp;
            t.pred += c.pred;
            t.gold += c.gold;
        }
        for (k, b) in buckets {
            let a = all.entry(k).or_default();
            a.n += b.n;
            a.dtp += b.dtp;
            a.dpred += b.dpred;
        }
    }
    println!(
        "all blocks, counts summed: statistical layer F1 {:.2}, whole tagger {:.2}",
        tot_stat.f1(),
        tot_tag.f1()
    );
    report(&all, tot_tag, None);
}

/// The models of block `fold` (trained on the rest), from the cache.
fn models(
    fold: usize,
    corpus: &Corpus,
    start: usize,
    end: usize,
    cfg: &Config,
) -> (Model, Option<Model>) {
    let dir = format!("{}/target/gap_cv", khabar_tag_lab::ROOT);
    let path = format!("{dir}/block{fold}.bin");
    if let Some(m) = std::fs::read(&path)
        .ok()
        .and_then(|b| models_from_bytes(&b))
    {
        return m;
    }
    let tr: Vec<usize> = (0..corpus.len())
        .filter(|&k| k < start || k >= end)
        .collect();
    let (p1, p2) = train(corpus, &tr, cfg);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&path, model_bytes(&p1, p2.as_ref())).unwrap();
    (p1, p2)
}

/// An entity of the tagger on the tokens of one CoNLL sentence.
struct Ent<'a> {
    start: usize,
    end: usize,
    e: &'a Entity,
}

/// Tag the held-out sentences `ho` as `score_in_context` does, score both
/// layers, and bucket the differences.
fn compare(
    sents: &[Sentence],
    ho: &[usize],
    stat: &[Vec<&'static str>],
    tagger: &Tagger,
    buckets: &mut BTreeMap<String, Bucket>,
) -> (Score, Score) {
    let (mut s_stat, mut s_tag) = (Score::default(), Score::default());
    for (d, doc) in ho.chunks(50).enumerate() {
        let (text, ranges) = join_sentences(sents, doc);
        let ents = tagger.tag(&text);
        for (i, (&k, r)) in doc.iter().zip(&ranges).enumerate() {
            let mine: Vec<Ent> = ents
                .iter()
                .filter_map(|e| {
                    let toks: Vec<usize> = (0..r.len())
                        .filter(|&t| r[t].0 < e.span.end && e.span.start < r[t].1)
                        .collect();
                    Some(Ent {
                        start: *toks.first()?,
                        end: toks.last()? + 1,
                        e,
                    })
                })
                .collect();
            let mut pred = vec!["O".to_owned(); r.len()];
            for x in &mine {
                if let Some(y) = x.e.label.anercorp() {
                    for (t, p) in pred.iter_mut().enumerate().take(x.end).skip(x.start) {
                        *p = format!("{}-{y}", if t == x.start { "B" } else { "I" });
                    }
                }
            }
            let gold: Vec<&str> = sents[k].iter().map(|(_, t)| t.as_str()).collect();
            let m = &stat[d * 50 + i];
            s_stat.add(&gold, m);
            s_tag.add(&gold, &pred);
            let words: Vec<&str> = sents[k].iter().map(|(w, _)| w.as_str()).collect();
            diff(&words, &gold, &spans(m), &spans(&pred), &mine, buckets);
        }
    }
    (s_stat, s_tag)
}

/// Bucket the differences between the model's spans `ms` and the
/// tagger's `ts` in one sentence.
fn diff(
    words: &[&str],
    gold: &[&str],
    ms: &[Span],
    ts: &[Span],
    ents: &[Ent],
    buckets: &mut BTreeMap<String, Bucket>,
) {
    let g = spans(gold);
    let mo: Vec<&Span> = ms.iter().filter(|s| !ts.contains(s)).collect();
    let to: Vec<&Span> = ts.iter().filter(|s| !ms.contains(s)).collect();
    // Groups of overlapping spans: grow each from a seed until closed.
    let mut used_m = vec![false; mo.len()];
    let mut used_t = vec![false; to.len()];
    let overlaps = |a: &Span, b: &Span| a.0 < b.1 && b.0 < a.1;
    for seed in 0..mo.len() + to.len() {
        let (mut gm, mut gt): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        if seed < mo.len() {
            if used_m[seed] {
                continue;
            }
            used_m[seed] = true;
            gm.push(seed);
        } else {
            let s = seed - mo.len();
            if used_t[s] {
                continue;
            }
            used_t[s] = true;
            gt.push(s);
        }
        loop {
            let mut grew = false;
            for (j, t) in to.iter().enumerate() {
                if !used_t[j] && gm.iter().any(|&i| overlaps(mo[i], t)) {
                    used_t[j] = true;
                    gt.push(j);
                    grew = true;
                }
            }
            for (i, m) in mo.iter().enumerate() {
                if !used_m[i] && gt.iter().any(|&j| overlaps(m, to[j])) {
                    used_m[i] = true;
                    gm.push(i);
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        let gm: Vec<&Span> = gm.iter().map(|&i| mo[i]).collect();
        let gt: Vec<&Span> = gt.iter().map(|&j| to[j]).collect();
        let key = cause(&gm, &gt, ents);
        let hits = |xs: &[&Span]| xs.iter().filter(|s| g.contains(s)).count() as i64;
        let b = buckets.entry(key).or_default();
        b.n += 1;
        b.dtp += hits(&gt) - hits(&gm);
        b.dpred += gt.len() as i64 - gm.len() as i64;
        let (a, z) = gm
            .iter()
            .chain(&gt)
            .fold((usize::MAX, 0), |(a, z), s| (a.min(s.0), z.max(s.1)));
        let (a, z) = (a.saturating_sub(1), (z + 1).min(words.len()));
        let mut line = String::new();
        for s in &gm {
            let _ = write!(line, "m {} [{}] ", s.2, words[s.0..s.1].join(" "));
        }
        for s in &gt {
            let _ = write!(line, "t {} [{}] ", s.2, words[s.0..s.1].join(" "));
        }
        let ctx: Vec<String> = (a..z)
            .map(|k| format!("{}/{}", words[k], gold[k]))
            .collect();
        let _ = write!(line, "| {}", ctx.join(" "));
        b.lines.push(line);
    }
}

/// The name of the bucket of a group of differing spans: model-only `gm`,
/// tagger-only `gt`.
fn cause(gm: &[&Span], gt: &[&Span], ents: &[Ent]) -> String {
    let ent_of = |s: &Span| {
        ents.iter()
            .find(|x| x.start == s.0 && x.end == s.1 && x.e.label.anercorp() == Some(&*s.2))
            .or_else(|| ents.iter().find(|x| x.start < s.1 && s.0 < x.end))
            .map_or("?".to_owned(), |x| {
                format!("{} {}", x.e.label.name(), x.e.source.as_str())
            })
    };
    match (gm, gt) {
        ([], ts) => format!("added {}", ent_of(ts[0])),
        (ms, []) => {
            let unscored = ents.iter().find(|x| {
                x.e.label.anercorp().is_none() && ms.iter().any(|s| x.start < s.1 && s.0 < x.end)
            });
            match unscored {
                Some(x) => format!(
                    "to O: {}→{} {}",
                    ms[0].2,
                    x.e.label.name(),
                    x.e.source.as_str()
                ),
                None => format!("dropped {}", ms[0].2),
            }
        }
        ([m], [t]) if m.0 == t.0 && m.1 == t.1 => {
            format!("label {}→{} {}", m.2, t.2, ent_of(t))
        }
        ([m], [t]) => {
            let how = if t.0 <= m.0 && m.1 <= t.1 {
                "widened"
            } else if m.0 <= t.0 && t.1 <= m.1 {
                "narrowed"
            } else {
                "shifted"
            };
            let lab = if m.2 == t.2 {
                String::new()
            } else {
                format!(" {}→{}", m.2, t.2)
            };
            format!("{how}{lab} {}", ent_of(t))
        }
        (ms, ts) => format!("reshaped {}→{} {}", ms.len(), ts.len(), ent_of(ts[0])),
    }
}

/// Print the buckets, largest effect first; with `tag` (the tagger's
/// counts) the F1 each would give back if undone, and with `pattern` the
/// differences of the matching buckets.
fn report(buckets: &BTreeMap<String, Bucket>, tag: Counts, pattern: Option<&str>) {
    let f1 = |tp: i64, pred: i64, gold: i64| 200.0 * tp as f64 / (pred + gold) as f64;
    let (tp, pred, gold) = (tag.tp as i64, tag.pred as i64, tag.gold as i64);
    let mut rows: Vec<(&String, &Bucket)> = buckets.iter().collect();
    // Cost to the tagger: Δtp weighs about twice a spurious span.
    rows.sort_by_key(|(_, b)| 2 * b.dtp - b.dpred);
    println!("| cause | n | Δtp | Δpred | undo |\n|---|---|---|---|---|");
    let (mut sdtp, mut sdpred) = (0, 0);
    for (k, b) in &rows {
        sdtp += b.dtp;
        sdpred += b.dpred;
        let undo = if gold > 0 {
            format!(
                "{:+.2}",
                f1(tp - b.dtp, pred - b.dpred, gold) - f1(tp, pred, gold)
            )
        } else {
            String::new()
        };
        println!("| {k} | {} | {:+} | {:+} | {undo} |", b.n, b.dtp, b.dpred);
    }
    println!("| **sum** | | {sdtp:+} | {sdpred:+} | |\n");
    // The same by kind of difference (the bucket name's first words).
    let mut kinds: BTreeMap<&str, (usize, i64, i64)> = BTreeMap::new();
    for (k, b) in &rows {
        let kind = if k.starts_with("to O") {
            "to O"
        } else {
            k.split(' ').next().unwrap_or("")
        };
        let e = kinds.entry(kind).or_default();
        e.0 += b.n;
        e.1 += b.dtp;
        e.2 += b.dpred;
    }
    println!("| kind | n | Δtp | Δpred | undo |\n|---|---|---|---|---|");
    for (k, (n, dtp, dpred)) in kinds {
        let undo = if gold > 0 {
            format!(
                "{:+.2}",
                f1(tp - dtp, pred - dpred, gold) - f1(tp, pred, gold)
            )
        } else {
            String::new()
        };
        println!("| {k} | {n} | {dtp:+} | {dpred:+} | {undo} |");
    }
    println!();
    if let Some(p) = pattern {
        for (k, b) in rows.iter().filter(|(k, _)| k.contains(p)) {
            println!("## {k}");
            for l in &b.lines {
                println!("  {l}");
            }
        }
    }
}
