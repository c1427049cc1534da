//! Integration tests: the shared date table, article fixtures, properties.

// Tests fail loudly on a broken fixture.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod articles;
mod dates_table;
mod properties;
