//! Run `find_dates_at` over every case of `tests/data/dates.toml` (or the
//! table at PATH, such as `tests/data/dates_families.toml`) and print one
//! JSON object per line: `{"case": i, "found": [{"text", "value",
//! "precision", "calendar"}]}`. Used by `benches/dates_compare.py`.
//!
//! `cargo run --release -p khabar-dates --example dates_json [-- PATH]`

use khabar_dates::{find_dates_at, Calendar, Reference};
use std::fmt::Write as _;

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/dates.toml").to_owned()
    });
    let Ok(src) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    let Ok(table) = src.parse::<toml::Table>() else {
        eprintln!("{path} is not TOML");
        std::process::exit(2);
    };
    let cases = table
        .get("case")
        .and_then(|c| c.as_array())
        .cloned()
        .unwrap_or_default();
    for (i, case) in cases.iter().enumerate() {
        let text = case.get("text").and_then(|t| t.as_str()).unwrap_or("");
        // A reference may carry a time of day and a UTC offset.
        let reference: Option<Reference> = case
            .get("ref")
            .and_then(|r| r.as_str())
            .and_then(|r| r.parse().ok());
        let found: Vec<String> = find_dates_at(text, reference)
            .iter()
            .map(|m| {
                format!(
                    "{{\"text\": {}, \"value\": {}, \"precision\": {}, \"calendar\": {}}}",
                    json_str(&text[m.span.range()]),
                    m.iso().map_or_else(|| "null".to_owned(), |v| json_str(&v)),
                    json_str(m.precision().name()),
                    json_str(if m.calendar == Calendar::Hijri {
                        "hijri"
                    } else {
                        "gregorian"
                    }),
                )
            })
            .collect();
        println!("{{\"case\": {i}, \"found\": [{}]}}", found.join(", "));
    }
}
