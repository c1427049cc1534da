//! Rough timing of the tagger's stages on the sample articles.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::format_push_string,
    clippy::many_single_char_names
)]
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
    let mut text = String::new();
    for e in std::fs::read_dir(dir).unwrap() {
        text += &std::fs::read_to_string(e.unwrap().path()).unwrap();
        text += "\n\n";
    }
    let t = khabar_tag::Tagger::new();
    t.tag(&text);
    let n = 50;
    let t0 = Instant::now();
    for _ in 0..n {
        std::hint::black_box(khabar_article::dates::find_dates(&text, None));
    }
    println!("dates: {:?}/iter", t0.elapsed() / n);
    let t0 = Instant::now();
    for _ in 0..n {
        std::hint::black_box(t.tag(&text));
    }
    println!("tag: {:?}/iter", t0.elapsed() / n);
}
