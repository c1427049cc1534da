//! Integration tests: the shared date table, article fixtures, properties.

mod articles;
mod dates_table;
mod properties;
