//! Named-entity tagging, gazetteers and linking for Arabic news.

#![deny(missing_docs)]

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
