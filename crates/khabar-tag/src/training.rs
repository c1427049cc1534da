//! Training a tagger on your CoNLL data: [`TrainOptions`] (the shipped
//! model's recipe by default) for [`Tagger::train`](crate::Tagger::train),
//! and [`ModelError`].

use crate::conll::Sentence;
use crate::learn::{train, Config, Corpus};
use crate::model::Model;

/// How [`Tagger::train`](crate::Tagger::train) trains: by default the
/// recipe of the shipped model (`Tagger::train` on ANERcorp train, or
/// `cargo run --release -p khabar-tag-lab --example train`, gives the
/// same bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct TrainOptions {
    /// Perceptron epochs over the sentences (10).
    pub epochs: usize,
    /// Seed of the sentence orders (42): the same data, options and seed
    /// give the same model.
    pub seed: u64,
    /// Perceptrons trained on different sentence orders and averaged (7;
    /// each trains on a thread of its own; at most [`MAX_BAG`]).
    pub bag: usize,
    /// Bonus on the entity labels of the last pass, per type: PERS, LOC,
    /// ORG, MISC (`[8, 4, 8, 12]`, chosen by cross-validation on ANERcorp
    /// train). Higher finds more names at a lower precision.
    pub bias: [f32; 4],
}

impl Default for TrainOptions {
    fn default() -> Self {
        let c = Config::default();
        Self {
            epochs: c.epochs,
            seed: c.seed,
            bag: c.bag,
            bias: [8.0, 4.0, 8.0, 12.0],
        }
    }
}

pub use crate::error::ModelError;

/// The largest [`TrainOptions::bag`]: one thread per perceptron.
pub const MAX_BAG: usize = 64;

/// Train pass 1 and pass 2 on `sents` with `options` (the shipped
/// model's recipe by default), the last pass's entity bias set.
pub(crate) fn train_models(
    sents: &[Sentence],
    options: &TrainOptions,
) -> Result<(Model, Option<Model>), ModelError> {
    if options.epochs == 0 || options.bag == 0 {
        return Err(ModelError::Option(format!(
            "epochs and bag must be at least 1 (got epochs {}, bag {})",
            options.epochs, options.bag
        )));
    }
    // Each perceptron of the bag trains on a thread of its own.
    if options.bag > MAX_BAG {
        return Err(ModelError::Option(format!(
            "bag must be at most {MAX_BAG} (got {})",
            options.bag
        )));
    }
    if let Some(b) = options.bias.iter().find(|b| !b.is_finite()) {
        return Err(ModelError::Option(format!("bias must be finite (got {b})")));
    }
    if sents.is_empty() {
        return Err(ModelError::Empty);
    }
    let cfg = Config {
        epochs: options.epochs,
        seed: options.seed,
        bag: options.bag,
        ..Config::default()
    };
    let corpus = Corpus::new(sents, cfg.doc_size);
    let all: Vec<usize> = (0..corpus.len()).collect();
    let (mut p1, mut p2) = train(&corpus, &all, &cfg);
    let [a, b, c, d] = options.bias;
    match p2.as_mut() {
        Some(m) => m.set_bias([0.0, a, b, c, d]),
        None => p1.set_bias([0.0, a, b, c, d]),
    }
    Ok((p1, p2))
}
