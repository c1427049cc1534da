//! khabar: text processing for Arabic news.
//!
//! This facade re-exports the workspace crates and adds batch processing on
//! all cores:
//! - [`normalize`]: Arabic normalization with an exact alignment back to the
//!   original text ([`khabar_normalize`]).
//! - [`article`]: raw article parsing and Arabic date expressions
//!   ([`khabar_article`]).
//! - [`tag`]: entity tagging and linking ([`khabar_tag`]).
//! - [`events`]: roles (who holds which office) and events (meetings,
//!   calls, visits, deals, summons, drills, arrests) ([`khabar_events`]);
//!   [`analyze`] fills `Entity::role` and [`Document::events`].
//! - [`analyze`] / [`analyze_batch`]: the pipeline — parse a raw article,
//!   tag its title, subtitle and body, resolve dates against the publication
//!   date, and report entities with byte spans into the raw input
//!   ([`pipeline`]).
//! - [`batch`]: run any per-document function over many documents with rayon,
//!   on the global pool or on a pool of a chosen size.
//! - [`record`]: the document and entity records, defined once as tables
//!   of fields, from which Arrow, the Python classes, JSONL and pandas are
//!   derived.
//! - [`invariants`]: the properties every stage keeps on any input, shared by
//!   the fuzz targets and the regression replay test.
//!
//! # Example
//!
//! ```
//! use khabar::normalize::{normalize, Profile};
//! assert_eq!(normalize("إيران", Profile::Search), "ايران");
//! ```
//!
//! # Crate features
//!
//! - `serde`: derives `Serialize`/`Deserialize` on the public data types.
//! - `arrow`: the `arrow` module — analyzed documents, entities and
//!   normalized texts as Apache Arrow record batches and arrays (arrow-rs),
//!   with code-point offsets; what `khabar.arrow` and `khabar.spark` use.

#![deny(missing_docs)]

#[cfg(feature = "arrow")]
pub mod arrow;
pub mod batch;
pub mod invariants;
pub mod pipeline;
pub mod record;

pub use khabar_article as article;
pub use khabar_events as events;
pub use khabar_normalize as normalize;
pub use khabar_tag as tag;
pub use pipeline::{
    analyze, analyze_batch, analyze_batch_with, analyze_with, analyze_with_events, Document,
};

use khabar_normalize::Normalizer;

/// Normalize many texts on all cores, keeping their order.
///
/// ```
/// use khabar::normalize::Normalizer;
/// let n = Normalizer::default();
/// let out = khabar::normalize_batch(&n, &["أَحْمَد", "باكو"]);
/// assert_eq!(out, vec!["احمد".to_string(), "باكو".to_string()]);
/// ```
pub fn normalize_batch<S: AsRef<str> + Sync>(normalizer: &Normalizer, texts: &[S]) -> Vec<String> {
    batch::map(texts, |t| normalizer.normalize(t.as_ref()).into_owned())
}

/// [`normalize_batch`] on `threads` threads (`None`: all cores).
pub fn normalize_batch_with<S: AsRef<str> + Sync>(
    normalizer: &Normalizer,
    texts: &[S],
    threads: Option<usize>,
) -> Result<Vec<String>, batch::Error> {
    batch::map_with(threads, texts, |t| {
        normalizer.normalize(t.as_ref()).into_owned()
    })
}
