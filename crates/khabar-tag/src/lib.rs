//! Named-entity tagging, gazetteers and linking for Arabic news.

#![deny(missing_docs)]
// Feature templates and Viterbi use short index names (`i`, `j`, `k`, `l`)
// and signed window offsets over token indices that never approach
// `isize::MAX`; report tables are built with `format!` pushes.
#![allow(
    clippy::many_single_char_names,
    clippy::cast_possible_wrap,
    clippy::format_push_string
)]

pub mod eval;
mod features;
mod gazetteer;
mod hash;
mod link;
mod model;
mod seq;
mod tagger;
mod token;
pub mod training;

pub use features::Groups;
pub use khabar_normalize::Span;
pub use tagger::{tag, Entity, Label, Tagger};
