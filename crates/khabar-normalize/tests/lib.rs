//! Integration tests: the shared behaviour table and properties.
mod props;
mod table;
