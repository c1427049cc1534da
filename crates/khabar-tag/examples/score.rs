//! Score the embedded model on ANERcorp test (exact-span micro F1,
//! conlleval rules). Run once per model change, never to tune:
//!
//! ```text
//! cargo run --release -p khabar-tag --example score
//! ```

use khabar_tag::eval::read_conll;
use khabar_tag::training::{embedded_models, evaluate, Config, Corpus};

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/anercorp/ANERCorp_CamelLab_test.txt"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let sents = read_conll(&text);
    let (p1, p2) = embedded_models().expect("embedded model parses");
    let corpus = Corpus::new(&sents, Config::default().doc_size);
    let idx: Vec<usize> = (0..corpus.len()).collect();
    let t0 = std::time::Instant::now();
    let s = evaluate(&corpus, &idx, &p1, p2.as_ref());
    println!(
        "ANERcorp test ({} sentences, {:.2}s):\n{}",
        corpus.len(),
        t0.elapsed().as_secs_f64(),
        s.table()
    );
}
