//! Experiments on the khabar-tag model, kept out of khabar-tag's public
//! API. Not published: it reaches khabar-tag's internals through the
//! unstable, doc-hidden `research` feature (`khabar_tag::research`), which
//! nothing else should enable.
//!
//! - `cargo run --release -p khabar-tag-lab --example train`: train on
//!   ANERcorp train and write `crates/khabar-tag/data/model.bin` (the
//!   shipped model, byte for byte); `-- --dev`, `-- --cv`, `--ablate`,
//!   `--bias-grid`… tune on held-back parts of train.
//! - `cargo run --release -p khabar-tag-lab --example score`: the shipped
//!   model on ANERcorp test (the statistical layer and the whole tagger).
//! - `cargo run --release -p khabar-tag-lab --example profile -- N`: tag
//!   the sample articles N times, for `perf stat`.

#![deny(missing_docs)]

use khabar_tag::eval::{read_conll, Sentence};

/// The workspace root.
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The sentences of an ANERcorp file of `data/anercorp` (`train` or
/// `test`, CAMeL Lab split), read by the strict CoNLL reader.
pub fn anercorp(split: &str) -> Result<Vec<Sentence>, String> {
    let path = format!("{ROOT}/data/anercorp/ANERCorp_CamelLab_{split}.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("read {path}: {e}"))?;
    read_conll(&text).map_err(|e| format!("{path}: {e}"))
}
