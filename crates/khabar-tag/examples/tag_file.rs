//! Print the entities of text files: `cargo run -p khabar-tag --example tag_file -- FILE...`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::format_push_string,
    clippy::many_single_char_names
)]

fn main() {
    let tagger = khabar_tag::Tagger::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        println!("== {path}");
        for e in tagger.tag(&text) {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{:.2}",
                e.label,
                e.text,
                e.canonical,
                e.title.as_deref().unwrap_or(""),
                e.value.as_deref().unwrap_or(""),
                e.score
            );
        }
    }
}
