//! Analyze raw articles with the Rust crates directly.
//!
//! `cargo run --release -p khabar --example analyze -- examples/articles/*.txt`

use std::error::Error;

use khabar::article::Hints;
use khabar::normalize::{Normalizer, Profile};

fn main() -> Result<(), Box<dyn Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let raws = paths
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<Vec<_>, _>>()?;
    let docs = khabar::analyze_batch(&raws, &Hints::default(), None)?;
    let search = Normalizer::for_profile(Profile::Search);
    for ((path, raw), doc) in paths.iter().zip(&raws).zip(&docs) {
        let title = doc
            .article
            .title
            .as_ref()
            .map_or("(no title)", |t| t.text.as_str());
        let published = doc
            .article
            .published
            .as_ref()
            .map(khabar::article::Published::iso)
            .unwrap_or_default();
        println!(
            "{path}\n  {title}\n  published {published}, {} paragraphs, {} dropped lines",
            doc.article.paragraphs.len(),
            doc.article.dropped.len()
        );
        for e in doc.entities.iter().take(10) {
            // Byte spans into the raw text.
            assert_eq!(&raw[e.span.start..e.span.end], e.text);
            println!(
                "  {:<9} {:<28} {} (search form: {})",
                e.label.name(),
                e.text,
                e.canonical,
                search.normalize(&e.text)
            );
        }
    }
    Ok(())
}
