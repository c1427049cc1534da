//! Named-entity tagging, gazetteers and linking for Arabic news.

#![deny(missing_docs)]

pub mod eval;
mod features;
mod gazetteer;
mod hash;
mod model;
mod seq;
mod tagger;
mod token;
pub mod training;

pub use features::Groups;
