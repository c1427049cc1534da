//! Integration tests: the shared behaviour table and properties.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]
mod chars;
mod props;
mod table;

/// The bundled sample articles (examples/articles), embedded at compile time.
pub(crate) fn seeds() -> [(&'static str, &'static str); 5] {
    [
        (
            "000",
            include_str!("../../../examples/articles/000_6e49526c0f392cf6.txt"),
        ),
        (
            "001",
            include_str!("../../../examples/articles/001_cd1806717cd210fd.txt"),
        ),
        (
            "002",
            include_str!("../../../examples/articles/002_489f407ec9d253c0.txt"),
        ),
        (
            "003",
            include_str!("../../../examples/articles/003_9811d45beb99c109.txt"),
        ),
        (
            "004",
            include_str!("../../../examples/articles/004_2364d8e36052e2d6.txt"),
        ),
    ]
}
