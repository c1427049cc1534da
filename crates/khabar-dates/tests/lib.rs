//! Integration tests: the shared date table, properties on any input, and
//! the replay of the inputs that once broke date finding.

// Tests fail loudly on a broken fixture.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod families;
mod properties;
mod regressions;
mod spelling;
mod table;
