//! khabar: text processing for Arabic news.
//!
//! This facade re-exports the workspace crates and adds batch processing:
//! - [`normalize`]: Arabic normalization with an exact alignment back to the
//!   original text ([`khabar_normalize`]).
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

#![deny(missing_docs)]

pub use khabar_normalize as normalize;

use rayon::prelude::*;

/// Normalize many texts on all cores, keeping their order.
///
/// ```
/// use khabar::normalize::Normalizer;
/// let n = Normalizer::default();
/// let out = khabar::normalize_batch(&n, &["أَحْمَد", "باكو"]);
/// assert_eq!(out, vec!["احمد".to_string(), "باكو".to_string()]);
/// ```
pub fn normalize_batch<S: AsRef<str> + Sync>(
    normalizer: &khabar_normalize::Normalizer,
    texts: &[S],
) -> Vec<String> {
    texts
        .par_iter()
        .map(|t| normalizer.normalize(t.as_ref()).into_owned())
        .collect()
}
