//! Shared inputs for the criterion benches in `benches/benches/`.
//!
//! The corpus is made from the bundled sample articles, repeated to the size a
//! bench asks for, so every number in BENCHMARKS.md is reproducible from the
//! repository alone.

/// The five sample articles (examples/articles), embedded at compile time.
pub const ARTICLES: [&str; 5] = [
    include_str!("../../examples/articles/000_6e49526c0f392cf6.txt"),
    include_str!("../../examples/articles/001_cd1806717cd210fd.txt"),
    include_str!("../../examples/articles/002_489f407ec9d253c0.txt"),
    include_str!("../../examples/articles/003_9811d45beb99c109.txt"),
    include_str!("../../examples/articles/004_2364d8e36052e2d6.txt"),
];

/// A headline (the first line of the first article).
pub fn headline() -> &'static str {
    ARTICLES[0].lines().next().unwrap_or_default()
}

/// The sample articles, concatenated and repeated until the corpus is at least
/// `bytes` long (one article per paragraph break).
pub fn corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 10_000);
    while out.len() < bytes {
        for a in ARTICLES {
            out.push_str(a);
            out.push_str("\n\n");
        }
    }
    out
}

/// The sample articles repeated into `n` separate documents.
pub fn documents(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| ARTICLES[i % ARTICLES.len()].to_owned())
        .collect()
}
