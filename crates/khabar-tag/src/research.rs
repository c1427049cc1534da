//! Unstable internals for the experiments of `crates/khabar-tag-lab`
//! (training the shipped model, scoring it, ablations). Behind the
//! `research` feature, hidden from the docs, and outside the semver
//! promise: nothing but the lab crate should use it.

use crate::conll::Sentence;
use crate::eval::Score;
pub use crate::features::Groups;
pub use crate::format::model_bytes;
pub use crate::learn::{evaluate, predict, span_scores, train, Config, Corpus};
pub use crate::model::Model;
use crate::Tagger;

/// The models embedded in the crate (pass 1, pass 2), if the model file
/// parses.
pub fn embedded_models() -> Option<(Model, Option<Model>)> {
    crate::format::embedded()
}

/// A tagger (every rule on) over models `p1` and `p2`.
pub fn tagger_from_models(p1: Model, p2: Option<Model>) -> Tagger {
    Tagger::from_models(p1, p2)
}

/// Score the whole tagger (model plus rule layers) on CoNLL sentences
/// `idx`, mapping its labels onto ANERcorp's: PERSON → PERS, GPE and LOC →
/// LOC, ORG → ORG, MISC → MISC; NORP, EQUIPMENT and DATE → O (ANERcorp tags
/// nationality adjectives, equipment and dates `O`). Each pseudo-document is
/// joined into one text (tokens separated by spaces, sentences by newlines);
/// an entity labels every CoNLL token it overlaps (B- on the first), so
/// proclitics and titles, which the tagger keeps outside its spans, follow
/// ANERcorp's token-level convention.
pub fn evaluate_tagger(
    sents: &[Sentence],
    idx: &[usize],
    doc_size: usize,
    tagger: &Tagger,
) -> Score {
    let mut score = Score::default();
    for doc in idx.chunks(doc_size.max(1)) {
        let mut text = String::new();
        let mut ranges: Vec<Vec<(usize, usize)>> = Vec::new();
        for &k in doc {
            let mut r = Vec::new();
            for (w, _) in &sents[k] {
                let s = text.len();
                text.push_str(w);
                r.push((s, text.len()));
                text.push(' ');
            }
            text.push('\n');
            ranges.push(r);
        }
        let ents = tagger.tag(&text);
        for (&k, r) in doc.iter().zip(&ranges) {
            let mut pred = vec!["O".to_owned(); r.len()];
            for e in &ents {
                let Some(y) = e.label.anercorp() else {
                    continue;
                };
                let mut first = true;
                for (t, &(a, b)) in r.iter().enumerate() {
                    if a < e.span.end && e.span.start < b {
                        pred[t] = format!("{}-{y}", if first { "B" } else { "I" });
                        first = false;
                    }
                }
            }
            let gold: Vec<&str> = sents[k].iter().map(|(_, t)| t.as_str()).collect();
            score.add(&gold, &pred);
        }
    }
    score
}
