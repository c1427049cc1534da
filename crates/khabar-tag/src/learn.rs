//! Training and evaluation of the sequence model on CoNLL data
//! (ANERcorp): the corpus, the perceptrons, the jackknifed lexicon and
//! document features, and the statistical layer's score. Deterministic: a
//! fixed seed orders the sentences. [`Tagger::train`](crate::Tagger::train)
//! and [`Tagger::evaluate`](crate::Tagger::evaluate) stand on it; the
//! experiments of `crates/khabar-tag-lab` reach it through the unstable
//! `research` feature.

use std::collections::HashMap;

use khabar_normalize::{normalize, Profile, Span};

use crate::augment::Augment;
use crate::conll::Sentence;
use crate::eval::Score;
use crate::features::{extract, Groups, Side};
use crate::gazetteer::FastMap;
use crate::hash::hash_parts;
use crate::labels::{label_index, to_bilou, LABELS};
use crate::model::Model;
use crate::model::{Example, Trainer};
use crate::seq::{decode, doc_bits, side_info, tag_doc};
use crate::token::{token_from_norm, Token};

/// Training settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Perceptron epochs.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Sentences per pseudo-document (ANERcorp has no document boundaries).
    pub doc_size: usize,
    /// Feature groups.
    pub groups: Groups,
    /// Features whose averaged weights are all below this are dropped.
    pub prune: f32,
    /// Words seen at most this often in the training sentences lose their
    /// identity features (word, stem, and the word bigrams) in training, so
    /// that the weights for unseen words (most test names) are learnt from
    /// context, affixes, gazetteers and cues. 0 = off.
    pub rare: usize,
    /// [`Config::rare`] only on name tokens (gold label not `O`).
    pub rare_names_only: bool,
    /// The share of name tokens (gold label not `O`) that lose their
    /// identity features (as [`Config::rare`] drops them) in training,
    /// drawn per occurrence by the seed: names seen in train then teach
    /// the context and list weights as unseen ones would. 0 = off.
    pub name_drop: f32,
    /// Train lexicon features (how train labels a word), jackknifed in
    /// training.
    pub lexicon: bool,
    /// Average this many perceptrons trained with different sentence
    /// orders (1 = one model).
    pub bag: usize,
    /// Features whose mean weights (over the `bag` perceptrons) are all
    /// below this are dropped: it keeps the table, and so the tagger's
    /// speed, from growing with `bag`.
    pub prune_avg: f32,
    /// The jackknife of the lexicon features: the pseudo-documents are
    /// split into this many parts, each seeing the lexicon of the others
    /// (4: each sees 75% of train, closer to what test sees than 50%).
    pub lex_folds: usize,
    /// Entity bias of pass 1 (whose labels make the document bits), the
    /// same in the jackknife that trains pass 2 and in the shipped model:
    /// more names in pass 1 give pass 2 more document evidence. 8 was the
    /// best of 0/4/8/12/16 on the tail (three seeds); over ten held-out
    /// blocks of train it gains +0.17 F1 (20 of 30 block × seed pairs).
    pub p1_bias: f32,
    /// Entity-replacement augmentation of the training sentences
    /// (`augment.rs`; off by default).
    pub augment: Augment,
}

impl Config {
    /// [`Config::p1_bias`] for every entity type, as [`Model::set_bias`]
    /// takes it.
    fn p1_biases(&self) -> [f32; 5] {
        let b = self.p1_bias;
        [0.0, b, b, b, b]
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            epochs: 10,
            seed: 42,
            doc_size: 40,
            groups: Groups::SHIPPED,
            prune: 0.05,
            rare: 0,
            rare_names_only: false,
            name_drop: 0.0,
            lexicon: true,
            bag: 7,
            prune_avg: 0.5,
            lex_folds: 4,
            p1_bias: 8.0,
            augment: Augment::default(),
        }
    }
}

/// A prepared corpus: tokens, gold labels, side information, and how its
/// sentences make pseudo-documents and are tagged.
pub struct Corpus {
    sents: Vec<Vec<Token>>,
    gold: Vec<Vec<u8>>,
    sides: Vec<Vec<Side>>,
    doc_size: usize,
    /// The original sentences are the first `orig`; augmented copies
    /// follow (they train, but make no lexicon).
    orig: usize,
    /// Pseudo-documents for the document features: a sliding window of
    /// `doc_size` sentences centred on each sentence (true) or consecutive
    /// chunks of `doc_size` sentences (false, the default: the window
    /// scored the same in 4-fold cross-validation on train, 74.88 against
    /// 74.86, and costs `doc_size` times more).
    pub sliding: bool,
    /// Whether evaluation runs rule `propagate` after pass 2 (true, as the
    /// tagger does by default).
    pub propagate: bool,
}

impl Corpus {
    /// Tokens are taken as given (ANERcorp is pre-tokenized) and normalized.
    pub fn new(sents: &[Sentence], doc_size: usize) -> Corpus {
        let gaz = crate::gazetteer::Gazetteer::global();
        let toks: Vec<Vec<Token>> = sents
            .iter()
            .map(|s| {
                s.iter()
                    .map(|(w, _)| {
                        token_from_norm(Span::new(0, 0), normalize(w, Profile::Search).into_owned())
                    })
                    .collect()
            })
            .collect();
        let gold = sents
            .iter()
            .map(|s| s.iter().map(|(_, t)| label_index(t)).collect())
            .collect();
        let none = crate::gazetteer::FastMap::default();
        let sides = toks
            .iter()
            .map(|s| side_info(s, gaz, &none, Groups::ALL))
            .collect();
        Corpus {
            orig: toks.len(),
            sents: toks,
            gold,
            sides,
            doc_size: doc_size.max(1),
            sliding: false,
            propagate: true,
        }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sents.len()
    }

    #[cfg(feature = "research")]
    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.sents.is_empty()
    }

    fn docs(&self, idx: &[usize]) -> Vec<Vec<usize>> {
        idx.chunks(self.doc_size).map(<[usize]>::to_vec).collect()
    }

    /// This corpus with augmented copies of the sentences of pseudo-documents
    /// `docs` (`augment.rs`), the pseudo-documents with the copies (after
    /// their document's sentences, or as documents of their own with
    /// [`Augment::own_doc`]), and the jackknife unit of each (the index of
    /// the original document).
    fn augmented(
        &self,
        docs: &[Vec<usize>],
        aug: &Augment,
        seed: u64,
    ) -> (Corpus, Vec<Vec<usize>>, Vec<usize>) {
        let known = crate::augment::Known::new(
            docs.iter()
                .flatten()
                .map(|&k| (self.sents[k].as_slice(), self.gold[k].as_slice())),
        );
        let gaz = crate::gazetteer::Gazetteer::global();
        let none = FastMap::default();
        let mut out = Corpus {
            sents: self.sents.clone(),
            gold: self.gold.clone(),
            sides: self.sides.clone(),
            doc_size: self.doc_size,
            orig: self.orig,
            sliding: self.sliding,
            propagate: self.propagate,
        };
        let mut new_docs = Vec::with_capacity(docs.len());
        let mut units = Vec::with_capacity(docs.len());
        for (d, doc) in docs.iter().enumerate() {
            let sents: Vec<&[Token]> = doc.iter().map(|&k| self.sents[k].as_slice()).collect();
            let gold: Vec<&[u8]> = doc.iter().map(|&k| self.gold[k].as_slice()).collect();
            let mut rng = crate::augment::rng_for(seed, d);
            let mut ks = doc.clone();
            for round in 0..aug.rate.ceil() as usize {
                if aug.own_doc && !ks.is_empty() {
                    new_docs.push(std::mem::take(&mut ks));
                    units.push(d);
                }
                for (_, copy) in
                    crate::augment::copy_doc(&sents, &gold, aug, &known, &mut rng, round)
                {
                    let mut side = side_info(&copy.toks, gaz, &none, Groups::ALL);
                    for (s, &h) in side.iter_mut().zip(&copy.hidden) {
                        if h {
                            s.names = 0;
                        }
                    }
                    ks.push(out.sents.len());
                    out.sents.push(copy.toks);
                    out.gold.push(copy.gold);
                    out.sides.push(side);
                }
            }
            if !ks.is_empty() {
                new_docs.push(ks);
                units.push(d);
            }
        }
        (out, new_docs, units)
    }

    /// The pseudo-document of position `p` of `idx` when document features
    /// come from a sliding window: the `doc_size` sentences centred on it
    /// (clipped at the ends), and the centre's index in it.
    fn window(&self, idx: &[usize], p: usize) -> (Vec<usize>, usize) {
        let half = self.doc_size / 2;
        let a = p.saturating_sub(half);
        let b = (p + half + 1).min(idx.len());
        (idx[a..b].to_vec(), p - a)
    }
}

fn xorshift(s: &mut u64) -> u64 {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    *s
}

/// Whether occurrence `i` of sentence `k` loses its identity features
/// ([`Config::name_drop`]).
fn drop_name(cfg: &Config, k: usize, i: usize) -> bool {
    if cfg.name_drop <= 0.0 {
        return false;
    }
    let mut s = (cfg.seed ^ ((k as u64) << 20 | i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1;
    for _ in 0..3 {
        xorshift(&mut s);
    }
    ((s >> 40) as f32 / (1u64 << 24) as f32) < cfg.name_drop
}

fn train_one(
    c: &Corpus,
    idx: &[usize],
    sides: &[Vec<Side>],
    cfg: &Config,
    groups: Groups,
) -> Model {
    if cfg.bag > 1 {
        // The members are independent: train them on their own threads
        // (the result does not depend on the thread count).
        let ms: Vec<Model> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..cfg.bag as u64)
                .map(|b| {
                    let mut one = cfg.clone();
                    one.bag = 1;
                    one.seed = cfg.seed.wrapping_add(b.wrapping_mul(0x9e37_79b9));
                    s.spawn(move || train_one(c, idx, sides, &one, groups))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        if let Some(m) = crate::model::average(&ms, cfg.prune_avg) {
            return m;
        }
    }
    let mut fidx: HashMap<u64, u32> = HashMap::new();
    let mut hashes = Vec::new();
    let mut buf = Vec::new();
    let mut freq: HashMap<&str, usize> = HashMap::new();
    if cfg.rare > 0 {
        for &k in idx {
            for t in &c.sents[k] {
                *freq.entry(t.norm.as_str()).or_default() += 1;
            }
        }
    }
    let data: Vec<Example> = idx
        .iter()
        .map(|&k| {
            let toks = &c.sents[k];
            let feats = (0..toks.len())
                .map(|i| {
                    extract(toks, &sides[k], i, groups, &mut buf);
                    let t = &toks[i];
                    let rare = cfg.rare > 0
                        && (!cfg.rare_names_only || c.gold[k][i] != 0)
                        && freq.get(t.norm.as_str()).copied().unwrap_or(0) <= cfg.rare;
                    if rare || (c.gold[k][i] != 0 && drop_name(cfg, k, i)) {
                        let ii = i as isize;
                        let wh = |j: isize| crate::features::word_hash(toks, j);
                        let drop = [
                            hash_parts(1, &[wh(ii)]),
                            hash_parts(6, &[wh(ii - 1), wh(ii)]),
                            hash_parts(7, &[wh(ii), wh(ii + 1)]),
                            hash_parts(10, &[t.hash[1]]),
                            hash_parts(12, &[t.hash[2]]),
                        ];
                        buf.retain(|h| !drop.contains(h));
                    }
                    buf.iter()
                        .map(|h| {
                            *fidx.entry(*h).or_insert_with(|| {
                                hashes.push(*h);
                                (hashes.len() - 1) as u32
                            })
                        })
                        .collect()
                })
                .collect();
            Example {
                feats,
                gold: to_bilou(&c.gold[k]),
            }
        })
        .collect();
    let mut tr = Trainer::new(hashes.len());
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = cfg.seed | 1;
    for _ in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            let j = (xorshift(&mut seed) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        tr.epoch(&data, &order);
    }
    tr.finish(&hashes, groups, cfg.prune)
}

/// Pass-1 labels for `idx` from models trained on the other fold
/// (jackknife), so pass 2 learns from realistic, imperfect document bits.
fn jackknife_labels(
    c: &Corpus,
    docs: &[Vec<usize>],
    units: &[usize],
    base: &[Vec<Side>],
    cfg: &Config,
    g1: Groups,
) -> HashMap<usize, Vec<u8>> {
    let mut out = HashMap::new();
    for fold in 0..2 {
        let tr: Vec<usize> = docs
            .iter()
            .enumerate()
            .filter(|(d, _)| units[*d] % 2 != fold)
            .flat_map(|(_, v)| v.clone())
            .collect();
        let mut m = train_one(c, &tr, base, cfg, g1);
        m.set_bias(cfg.p1_biases());
        let mut buf = Vec::new();
        let mut emis = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            if units[d] % 2 == fold {
                for &k in doc {
                    out.insert(k, decode(&m, &c.sents[k], &base[k], &mut buf, &mut emis));
                }
            }
        }
    }
    out
}

fn with_doc_bits(
    c: &Corpus,
    idx: &[usize],
    docs: &[Vec<usize>],
    base: &[Vec<Side>],
    labels: &HashMap<usize, Vec<u8>>,
) -> Vec<Vec<Side>> {
    let mut sides = base.to_vec();
    if c.sliding {
        for p in 0..idx.len() {
            let (doc, centre) = c.window(idx, p);
            let pairs: Vec<(&[Token], &[u8])> = doc
                .iter()
                .map(|&k| (c.sents[k].as_slice(), labels[&k].as_slice()))
                .collect();
            let mut ds: Vec<Vec<Side>> = doc.iter().map(|&k| base[k].clone()).collect();
            doc_bits(&pairs, &mut ds);
            sides[doc[centre]] = std::mem::take(&mut ds[centre]);
        }
        return sides;
    }
    for doc in docs {
        let pairs: Vec<(&[Token], &[u8])> = doc
            .iter()
            .map(|&k| (c.sents[k].as_slice(), labels[&k].as_slice()))
            .collect();
        let mut ds: Vec<Vec<Side>> = doc.iter().map(|&k| sides[k].clone()).collect();
        doc_bits(&pairs, &mut ds);
        for (&k, s) in doc.iter().zip(ds) {
            sides[k] = s;
        }
    }
    sides
}

const LEX_MIN: u32 = 1;

/// The train lexicon of sentences `idx`: for each normalized word, bit `l`
/// when gold label `l` (1..=8) is at least half of its occurrences; bit 0
/// when `O` is more than half of them, and bit 9 when the word occurs only
/// once. Every word of the sentences is in it, so a word missing from the
/// lexicon is a word train has not seen.
fn lexicon(c: &Corpus, idx: &[usize]) -> FastMap<String, u16> {
    let mut counts: HashMap<&str, [u32; 9]> = HashMap::new();
    for &k in idx.iter().filter(|&&k| k < c.orig) {
        for (t, &l) in c.sents[k].iter().zip(&c.gold[k]) {
            counts.entry(t.norm.as_str()).or_insert([0; 9])[usize::from(l).min(8)] += 1;
        }
    }
    let mut out = FastMap::default();
    for (w, n) in counts {
        let total: u32 = n.iter().sum();
        let mut bits = 0u16;
        for (l, &k) in n.iter().enumerate().skip(1) {
            if k >= LEX_MIN && 2 * k >= total {
                bits |= 1 << l;
            }
        }
        if FREQ_BITS && 2 * n[0] > total {
            bits |= 1;
        }
        if FREQ_BITS && total == 1 {
            bits |= 1 << 9;
        }
        if bits != 0 || FREQ_BITS {
            out.insert(w.to_owned(), bits);
        }
    }
    out
}

/// Whether the lexicon also says "mostly O", "seen once" and (by absence)
/// "not seen in train".
const FREQ_BITS: bool = true;

/// Side information with lexicon bits for training sentences `idx`: each
/// of `folds` parts of the pseudo-documents gets the lexicon of the other
/// parts, so the model learns how far to trust it on words it has not seen.
fn with_lexicon(c: &Corpus, docs: &[Vec<usize>], units: &[usize], folds: usize) -> Vec<Vec<Side>> {
    let mut sides = c.sides.clone();
    let k = folds.max(2);
    for fold in 0..k {
        let other: Vec<usize> = docs
            .iter()
            .enumerate()
            .filter(|(d, _)| units[*d] % k != fold)
            .flat_map(|(_, v)| v.clone())
            .collect();
        let lexs = lexicon(c, &other);
        let lex = crate::model::hash_names(&lexs);
        assert_eq!(lex.len(), lexs.len(), "lexicon key collision");
        for (d, doc) in docs.iter().enumerate() {
            if units[d] % k == fold {
                for &k in doc {
                    for (t, s) in c.sents[k].iter().zip(sides[k].iter_mut()) {
                        s.cue |= crate::seq::lex_bits(&lex, t);
                    }
                }
            }
        }
    }
    sides
}

/// Train pass 1 (and pass 2 when `cfg.groups` has `DOC`) on sentences `idx`
/// (with augmented copies when `cfg.augment` is on).
pub fn train(c: &Corpus, idx: &[usize], cfg: &Config) -> (Model, Option<Model>) {
    let docs = c.docs(idx);
    if cfg.augment.on() {
        let (ac, adocs, units) = c.augmented(&docs, &cfg.augment, cfg.seed);
        return train_docs(&ac, &adocs, &units, cfg);
    }
    let units: Vec<usize> = (0..docs.len()).collect();
    train_docs(c, &docs, &units, cfg)
}

/// [`train`] on the pseudo-documents `docs`, split by the jackknives as
/// their `units` are.
fn train_docs(
    c: &Corpus,
    docs: &[Vec<usize>],
    units: &[usize],
    cfg: &Config,
) -> (Model, Option<Model>) {
    let idx = &docs.concat();
    let g1 = Groups(cfg.groups.0 & !Groups::DOC);
    let base = if cfg.lexicon {
        with_lexicon(c, docs, units, cfg.lex_folds)
    } else {
        c.sides.clone()
    };
    let mut p1 = train_one(c, idx, &base, cfg, g1);
    p1.set_bias(cfg.p1_biases());
    if cfg.lexicon {
        p1.set_names(lexicon(c, idx));
    }
    if !cfg.groups.has(Groups::DOC) {
        return (p1, None);
    }
    let labels = jackknife_labels(c, docs, units, &base, cfg, g1);
    let sides = with_doc_bits(c, idx, docs, &base, &labels);
    let p2 = train_one(c, idx, &sides, cfg, cfg.groups);
    (p1, Some(p2))
}

/// Score models on sentences `idx` of `c` (pseudo-documents of
/// `c.doc_size` sentences).
pub fn evaluate(c: &Corpus, idx: &[usize], p1: &Model, p2: Option<&Model>) -> Score {
    let gaz = crate::gazetteer::Gazetteer::global();
    let mut score = Score::default();
    if c.sliding {
        for p in 0..idx.len() {
            let (doc, centre) = c.window(idx, p);
            let sents: Vec<Vec<Token>> = doc.iter().map(|&k| c.sents[k].clone()).collect();
            let pred = tag_doc(p1, p2, gaz, &sents, c.propagate);
            let k = doc[centre];
            let g: Vec<&str> = c.gold[k].iter().map(|&l| LABELS[l as usize]).collect();
            let p: Vec<&str> = pred[centre].iter().map(|&l| LABELS[l as usize]).collect();
            score.add(&g, &p);
        }
        return score;
    }
    for (&k, p) in idx.iter().zip(predict(c, idx, p1, p2)) {
        let g: Vec<&str> = c.gold[k].iter().map(|&l| LABELS[l as usize]).collect();
        score.add(&g, &p);
    }
    score
}

/// Predicted BIO labels for sentences `idx` of `c`, in the order of
/// `idx` (pseudo-documents of `c.doc_size` sentences), for error analysis.
pub fn predict(
    c: &Corpus,
    idx: &[usize],
    p1: &Model,
    p2: Option<&Model>,
) -> Vec<Vec<&'static str>> {
    let gaz = crate::gazetteer::Gazetteer::global();
    let mut out = Vec::new();
    for doc in c.docs(idx) {
        let sents: Vec<Vec<Token>> = doc.iter().map(|&k| c.sents[k].clone()).collect();
        for p in tag_doc(p1, p2, gaz, &sents, c.propagate) {
            out.push(p.iter().map(|&l| LABELS[l as usize]).collect());
        }
    }
    out
}

#[cfg(feature = "research")]
/// Predicted spans of the statistical layer on sentences `idx`, each with
/// its score at every temperature of `temps` (the mean over its tokens of
/// the softmax probability of its label, as `Entity::score`) and whether it
/// is a gold span: what the score temperature is fitted on. The sentences
/// are tagged once for all temperatures.
pub fn span_scores(
    c: &Corpus,
    idx: &[usize],
    p1: &Model,
    p2: Option<&Model>,
    temps: &[f32],
) -> Vec<(Vec<f32>, bool)> {
    let gaz = crate::gazetteer::Gazetteer::global();
    let mut out = Vec::new();
    for doc in c.docs(idx) {
        let sents: Vec<Vec<Token>> = doc.iter().map(|&k| c.sents[k].clone()).collect();
        let mut propagated = Vec::new();
        let tagged = crate::seq::tag_doc_scored(
            p1,
            p2,
            gaz,
            &sents,
            None,
            c.propagate.then_some(&mut propagated),
        );
        for (&k, (labels, rows)) in doc.iter().zip(&tagged) {
            let names =
                |ls: &[u8]| -> Vec<&str> { ls.iter().map(|&l| LABELS[l as usize]).collect() };
            let gold = crate::eval::spans(&names(&c.gold[k]));
            for (a, b, ty) in crate::eval::spans(&names(labels)) {
                let scores = temps
                    .iter()
                    .map(|&t| crate::model::span_score(rows, labels, a..b, t))
                    .collect();
                out.push((scores, gold.contains(&(a, b, ty))));
            }
        }
    }
    out
}
