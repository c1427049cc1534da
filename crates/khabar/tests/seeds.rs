//! The five bundled sample articles, for the test targets of this crate.

pub const SEEDS: [&str; 5] = [
    include_str!("../../../examples/articles/000_6e49526c0f392cf6.txt"),
    include_str!("../../../examples/articles/001_cd1806717cd210fd.txt"),
    include_str!("../../../examples/articles/002_489f407ec9d253c0.txt"),
    include_str!("../../../examples/articles/003_9811d45beb99c109.txt"),
    include_str!("../../../examples/articles/004_2364d8e36052e2d6.txt"),
];
