//! Print the parsed fields of article files: `cargo run --example show -- FILE...`.
use khabar_article::{parse, Hints};

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(raw) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let a = parse(&raw, &Hints::default());
        println!("=== {path}");
        println!("title: {:?}", a.title.as_ref().map(|f| (f.line, &f.text)));
        println!(
            "subtitle: {:?}",
            a.subtitle.as_ref().map(|f| (f.line, &f.text))
        );
        println!("byline: {:?}", a.byline.as_ref().map(|f| &f.text));
        println!(
            "published: {:?}",
            a.published.as_ref().map(|p| (p.iso(), p.line))
        );
        println!(
            "updated: {:?}",
            a.updated.as_ref().map(|p| (p.iso(), p.line))
        );
        println!(
            "dateline place: {:?}",
            a.dateline_place.as_ref().map(|f| (f.line, &f.text))
        );
        println!("url: {:?} language: {}", a.url, a.language);
        for p in &a.paragraphs {
            let head: String = p.text.chars().take(40).collect();
            println!("  P{} {:?} {}", p.line, p.kind, head);
        }
        for r in &a.related {
            println!("  R{} {}", r.line, r.text);
        }
        for d in &a.dropped {
            let head: String = d.text.chars().take(40).collect();
            println!("  D{} {:?} {}", d.line, d.reason, head);
        }
        for f in &a.flags {
            println!("  F {f:?}");
        }
    }
}
