//! Unstable internals for the experiments of `crates/khabar-tag-lab`
//! (training the shipped model, scoring it, ablations). Behind the
//! `research` feature, hidden from the docs, and outside the semver
//! promise: nothing but the lab crate should use it.

pub use crate::augment::Augment;
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

/// Score the whole tagger on CoNLL sentences `idx` in document context,
/// `doc_size` sentences a text: [`Tagger::evaluate_in_context`] on a
/// subset (labels mapped as there: EQUIPMENT → MISC; NORP and DATE → O).
pub fn evaluate_tagger(
    sents: &[Sentence],
    idx: &[usize],
    doc_size: usize,
    tagger: &Tagger,
) -> Score {
    crate::eval::score_in_context(sents, idx, doc_size, tagger)
}

/// Sentences `doc` of `sents` as the text [`evaluate_tagger`] tags, with
/// the byte range of every token, per sentence.
pub fn join_sentences(sents: &[Sentence], doc: &[usize]) -> (String, Vec<Vec<(usize, usize)>>) {
    crate::eval::join_sentences(sents, doc)
}

/// The models of a model file written by [`model_bytes`] (pass 1, pass
/// 2), if it parses: experiments cache the models they train.
pub fn models_from_bytes(bytes: &[u8]) -> Option<(Model, Option<Model>)> {
    crate::format::parse_models(bytes)
}
