//! Rough timing of the stages (development aid):
//! `timing [parse|dates|normalize] FILE...`.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let raw: String = args
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let reference = khabar_article::Date::new(2022, 1, 25);
    let t = Instant::now();
    for _ in 0..n {
        match mode.as_str() {
            "parse" => {
                std::hint::black_box(khabar_article::parse(
                    &raw,
                    &khabar_article::Hints::default(),
                ));
            }
            "dates" => {
                std::hint::black_box(khabar_article::dates::find_dates(&raw, reference));
            }
            _ => {
                std::hint::black_box(
                    khabar_normalize::Normalizer::for_profile(khabar_normalize::Profile::Search)
                        .normalize_aligned(&raw)
                        .ok(),
                );
            }
        }
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "{mode}: {:.1} MB/s ({} bytes x {n})",
        raw.len() as f64 * n as f64 / dt / 1e6,
        raw.len()
    );
}
