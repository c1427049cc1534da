//! `find_dates` over the five sample articles (the input of the criterion
//! bench `dates/find_dates/five_articles`), `N` times: a fixed amount of
//! work whose instruction count (`valgrind --tool=callgrind`) compares two
//! builds on a shared machine, where wall-clock times move with the load.
//!
//! `cargo build --release -p khabar-dates --example find_dates_count`
//! `valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/find_dates_count 20`

use khabar_dates::{find_dates, Date};

const ARTICLES: [&str; 5] = [
    include_str!("../../../examples/articles/000_6e49526c0f392cf6.txt"),
    include_str!("../../../examples/articles/001_cd1806717cd210fd.txt"),
    include_str!("../../../examples/articles/002_489f407ec9d253c0.txt"),
    include_str!("../../../examples/articles/003_9811d45beb99c109.txt"),
    include_str!("../../../examples/articles/004_2364d8e36052e2d6.txt"),
];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let text = ARTICLES.join("\n");
    let reference = Date::new(2022, 1, 25);
    let mut found = 0;
    for _ in 0..n {
        found += std::hint::black_box(find_dates(std::hint::black_box(&text), reference)).len();
    }
    println!("{} bytes x {n}: {found} mentions", text.len());
}
