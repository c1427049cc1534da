//! Tag each line of stdin on its own and print the entities with the rule or
//! layer that made them, then `--` after each line:
//!
//! ```text
//! echo 'وأبحرت الغواصة «كازان» من قاعدة سيفيرومورسك.' |
//!     cargo run --release -p khabar-tag-lab --example tag_lines
//! cargo run --release -p khabar-tag-lab --example tag_lines -- --raw < lines.txt
//! ```
//!
//! The default output is `LABEL SOURCE text | canonical`; `--raw` prints
//! `start end LABEL SOURCE` (byte offsets in the line) for diffing runs;
//! `--off rule,rule` switches rules off.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .expect("stdin is UTF-8 text");
    let args: Vec<String> = std::env::args().collect();
    let raw = args.iter().any(|a| a == "--raw");
    let off: Vec<&str> = args
        .iter()
        .position(|a| a == "--off")
        .and_then(|k| args.get(k + 1))
        .map(|v| v.split(',').collect())
        .unwrap_or_default();
    let rules = khabar_tag::rules::RuleSet::from_names_off(&off).unwrap_or_else(|e| panic!("{e}"));
    let t = khabar_tag::Tagger::new().with_rules(rules);
    for line in s.lines() {
        for e in t.tag(line) {
            if raw {
                println!(
                    "{}\t{}\t{}\t{}",
                    e.span.start,
                    e.span.end,
                    e.label.name(),
                    e.source.as_str()
                );
            } else {
                println!(
                    "{:10} {:9} {} | {}",
                    e.label.name(),
                    e.source.as_str(),
                    e.text,
                    e.canonical
                );
            }
        }
        println!("--");
    }
}
