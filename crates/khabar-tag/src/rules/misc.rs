//! Rules of other names (MISC): events, prizes, currencies.

use crate::gazetteer::{Entry, Kind};

/// `misc_phrase_from_gazetteer`: whether an `n`-word match of `e` is a
/// MISC phrase of the gazetteer, which is an entity (`كأس آسيا`, `جائزة
/// نوبل`, and it outranks the place in it); a single MISC word (`دولار`)
/// needs the model.
pub(crate) fn misc_phrase_from_gazetteer(n: usize, e: &Entry) -> bool {
    e.kind == Kind::Misc && n > 1
}
