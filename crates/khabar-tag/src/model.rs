//! The averaged structured perceptron: weights, Viterbi decoding over BILOU,
//! training, and the entity scores (labels are `labels.rs`, weight tables
//! `weights.rs`, the model file `format.rs`).

use crate::features::Groups;
use crate::labels::{allowed, ity, to_bio, L, NB};
use crate::weights::{FeatTable, JointTable};

/// A trained linear sequence model (one pass of the tagger).
#[derive(Clone, Debug)]
pub struct Model {
    pub(crate) groups: u32,
    pub(crate) trans: Vec<f32>,
    /// A per-type bonus added to B-/I- emissions (index: `ty`), tuned on
    /// held-back train: the perceptron under-predicts rare types, and a
    /// bonus trades precision for recall.
    pub(crate) bias: [f32; 5],
    pub(crate) table: FeatTable,
    /// Train lexicon (pass 1 only): for a normalized word, bit `l` (label
    /// index 1..=8) when ANERcorp train labels it `l` at least half the time.
    pub(crate) names: crate::gazetteer::FastMap<String, u16>,
    /// `names` keyed by the word's string hash ([`lex_key`]): looking a
    /// word up costs one integer compare, not a string compare (every
    /// train word is in the lexicon, so most lookups hit).
    pub(crate) lex: crate::gazetteer::FastMap<u64, u16>,
}

impl Model {
    #[cfg(feature = "research")]
    /// Number of features with a weight.
    pub fn n_features(&self) -> usize {
        self.table.len()
    }

    /// Set the per-type emission bonus (`[O, PERS, LOC, ORG, MISC]`; the
    /// first entry is ignored).
    pub fn set_bias(&mut self, bias: [f32; 5]) {
        self.bias = bias;
    }

    pub(crate) fn groups(&self) -> Groups {
        Groups(self.groups)
    }

    /// Emission scores of one token.
    #[inline]
    pub(crate) fn emit(&self, feats: &[u64], out: &mut [f32; L]) {
        let mut acc = [0i32; L];
        for h in feats {
            self.table.add_to(*h, &mut acc);
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o = a as f32 * self.table.scale;
        }
        for (l, o) in out.iter_mut().enumerate().skip(1) {
            *o += self.bias[ity(l as u8) as usize];
        }
    }

    /// Finish an emission from a partial sum (see
    /// [`JointTable::emit_both`]) plus document features, looked up in the
    /// joint table's small copy of them.
    #[inline]
    pub(crate) fn emit_rest(
        &self,
        joint: &JointTable,
        partial: [f32; L],
        feats: &[u64],
        out: &mut [f32; L],
    ) {
        let mut acc = [0i32; L];
        for h in feats {
            joint.rest.add_to(*h, &mut acc);
        }
        for (l, ((o, a), p)) in out.iter_mut().zip(acc).zip(partial).enumerate() {
            *o = p
                + a as f32 * joint.rest.scale
                + if l > 0 {
                    self.bias[ity(l as u8) as usize]
                } else {
                    0.0
                };
        }
    }

    /// Viterbi over per-token emission scores (BILOU constraints are
    /// hard), as BIO labels.
    pub(crate) fn viterbi(&self, emis: &[[f32; L]]) -> Vec<u8> {
        to_bio(&viterbi(&self.trans, emis))
    }
}

/// The labels after which no span is open: O, L-, U-.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// The labels allowed after a closed one: O, B- and U- of each type.
const OPENERS: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

pub(crate) fn viterbi(trans: &[f32], emis: &[[f32; L]]) -> Vec<u8> {
    let n = emis.len();
    if n == 0 || trans.len() < (L + 1) * L {
        return Vec::new();
    }
    // The BILOU constraints leave few transitions: O, B- and U- only after
    // a closed label (O, L-, U-; `CLOSED`), I- and L- of a type only after
    // B- or I- of that type. The loops visit only those.
    let tm = |p: usize, c: usize| trans[p * L + c];
    // The transitions the loops use, copied out once: from each closed
    // label to each target after one (`OPENERS`), and within a span.
    let mut closed_to = [[0f32; CLOSED.len()]; OPENERS.len()];
    for (row, &c) in closed_to.iter_mut().zip(&OPENERS) {
        for (t, &p) in row.iter_mut().zip(&CLOSED) {
            *t = tm(p, c);
        }
    }
    let mut inside = [[0f32; 4]; 4];
    for (t, row) in inside.iter_mut().enumerate() {
        let b = 4 * t + 1;
        *row = [
            tm(b, b + 1),
            tm(b + 1, b + 1),
            tm(b, b + 2),
            tm(b + 1, b + 2),
        ];
    }
    let mut prev = [f32::NEG_INFINITY; L];
    for c in 0..L {
        if allowed(None, c as u8) {
            prev[c] = trans[L * L + c] + emis[0][c];
        }
    }
    let mut back = vec![[0u8; L]; n];
    for (e, bk) in emis.iter().zip(back.iter_mut()).skip(1) {
        let mut cur = [f32::NEG_INFINITY; L];
        let from = CLOSED.map(|p| prev[p]);
        // Targets after a closed label: O, and B-, U- of each type. The
        // first best predecessor wins ties (strict `>`), without branches.
        for (&c, row) in OPENERS.iter().zip(&closed_to) {
            let mut best = from[0] + row[0];
            let mut arg = CLOSED[0] as u8;
            for k in 1..CLOSED.len() {
                let s = from[k] + row[k];
                let gt = s > best;
                best = if gt { s } else { best };
                arg = if gt { CLOSED[k] as u8 } else { arg };
            }
            cur[c] = best + e[c];
            bk[c] = arg;
        }
        // I- and L- of type t after B- or I- of t.
        for (t, tr) in inside.iter().enumerate() {
            let b = 4 * t + 1;
            for (k, c) in [b + 1, b + 2].into_iter().enumerate() {
                let sb = prev[b] + tr[2 * k];
                let si = prev[b + 1] + tr[2 * k + 1];
                let gt = si > sb;
                cur[c] = if gt { si } else { sb } + e[c];
                bk[c] = if gt { b as u8 + 1 } else { b as u8 };
            }
        }
        prev = cur;
    }
    // A sentence cannot end inside a span (after B- or I-).
    let mut best = 0usize;
    for &c in &CLOSED[1..] {
        if prev[c] > prev[best] {
            best = c;
        }
    }
    let mut path = vec![0u8; n];
    path[n - 1] = best as u8;
    for i in (1..n).rev() {
        path[i - 1] = back[i][path[i] as usize];
    }
    path
}

/// One training sentence: feature indices per token and gold labels.
pub(crate) struct Example {
    pub feats: Vec<Vec<u32>>,
    pub gold: Vec<u8>,
}

/// Averaged perceptron trainer over a fixed feature index.
pub(crate) struct Trainer {
    w: Vec<f32>,
    acc: Vec<f32>,
    tw: Vec<f32>,
    tacc: Vec<f32>,
    c: f32,
}

impl Trainer {
    pub fn new(n_feats: usize) -> Self {
        Self {
            w: vec![0.0; n_feats * L],
            acc: vec![0.0; n_feats * L],
            tw: vec![0.0; (L + 1) * L],
            tacc: vec![0.0; (L + 1) * L],
            c: 1.0,
        }
    }

    fn decode(&self, ex: &Example) -> Vec<u8> {
        let emis: Vec<[f32; L]> = ex
            .feats
            .iter()
            .map(|fs| {
                let mut o = [0f32; L];
                for &f in fs {
                    let row = &self.w[f as usize * L..f as usize * L + L];
                    for (a, b) in o.iter_mut().zip(row) {
                        *a += *b;
                    }
                }
                o
            })
            .collect();
        viterbi(&self.tw, &emis)
    }

    fn upd(&mut self, ex: &Example, path: &[u8], delta: f32) {
        let c = self.c;
        let mut prev = L;
        for (i, &l) in path.iter().enumerate() {
            for &f in &ex.feats[i] {
                let k = f as usize * L + l as usize;
                self.w[k] += delta;
                self.acc[k] += c * delta;
            }
            let k = prev * L + l as usize;
            self.tw[k] += delta;
            self.tacc[k] += c * delta;
            prev = l as usize;
        }
    }

    /// One epoch over `data` in the given order. Returns the number of
    /// sentences with a mistake.
    pub fn epoch(&mut self, data: &[Example], order: &[usize]) -> usize {
        let mut wrong = 0;
        for &k in order {
            let ex = &data[k];
            let pred = self.decode(ex);
            if pred != ex.gold {
                wrong += 1;
                self.upd(ex, &ex.gold, 1.0);
                self.upd(ex, &pred, -1.0);
            }
            self.c += 1.0;
        }
        wrong
    }

    /// The averaged weights as a model, keeping features whose largest
    /// weight is at least `prune` in absolute value.
    pub fn finish(&self, hashes: &[u64], groups: Groups, prune: f32) -> Model {
        let c = self.c;
        let mut rows = Vec::new();
        for (f, h) in hashes.iter().enumerate() {
            let mut row = [0f32; L];
            for (l, r) in row.iter_mut().enumerate() {
                *r = self.w[f * L + l] - self.acc[f * L + l] / c;
            }
            if row.iter().any(|w| w.abs() >= prune) {
                for w in &mut row {
                    if w.abs() < prune {
                        *w = 0.0;
                    }
                }
                rows.push((*h, row));
            }
        }
        let table = FeatTable::build(rows);
        let trans = (0..(L + 1) * L)
            .map(|k| self.tw[k] - self.tacc[k] / c)
            .collect();
        Model {
            groups: groups.0,
            bias: [0.0; 5],
            trans,
            table,
            names: crate::gazetteer::FastMap::default(),
            lex: crate::gazetteer::FastMap::default(),
        }
    }
}

/// The lexicon key of a normalized word: its string hash
/// ([`hash_bytes`](crate::hash::hash_bytes), which a token carries as
/// `Token::hash[0]`). Only ever computed in memory. (The old feature hash
/// collided on train words such as `ولاحظ` / `ولاعب`, so the lexicon used
/// SipHash; `hash_bytes` mixes every 8 bytes fully and has no such pair.)
#[inline]
pub(crate) fn lex_key(w: &str) -> u64 {
    crate::hash::hash_bytes(w.as_bytes())
}

/// A lexicon keyed by [`lex_key`].
pub(crate) fn hash_names(
    names: &crate::gazetteer::FastMap<String, u16>,
) -> crate::gazetteer::FastMap<u64, u16> {
    names.iter().map(|(w, &b)| (lex_key(w), b)).collect()
}

impl Model {
    /// Set the train lexicon (and its hashed form).
    pub(crate) fn set_names(&mut self, names: crate::gazetteer::FastMap<String, u16>) {
        self.lex = hash_names(&names);
        self.names = names;
    }
}

/// The mean of models trained with different sentence orders (same
/// groups): averages weights feature by feature (a missing feature counts
/// as 0) and the transitions. Lowers the variance of the perceptron.
/// The feature-wise mean of `ms`, keeping features whose largest mean
/// weight is at least `prune` in absolute value (a feature only one member
/// has is diluted by the others; without this the table grows with every
/// member and lookups slow down).
pub(crate) fn average(ms: &[Model], prune: f32) -> Option<Model> {
    let first = ms.first()?;
    let n = ms.len() as f32;
    let mut acc: std::collections::BTreeMap<u64, [f32; L]> = std::collections::BTreeMap::new();
    for m in ms {
        for (h, w) in m.table.iter() {
            let e = acc.entry(h).or_insert([0.0; L]);
            for (a, b) in e.iter_mut().zip(w) {
                *a += b / n;
            }
        }
    }
    let trans = (0..first.trans.len())
        .map(|k| {
            ms.iter()
                .map(|m| m.trans.get(k).copied().unwrap_or(0.0))
                .sum::<f32>()
                / n
        })
        .collect();
    Some(Model {
        groups: first.groups,
        trans,
        bias: first.bias,
        table: FeatTable::build(
            acc.into_iter()
                .filter(|(_, w)| w.iter().any(|x| x.abs() >= prune))
                .collect(),
        ),
        names: first.names.clone(),
        lex: first.lex.clone(),
    })
}

/// The temperature of the entity scores: the perceptron's scores are
/// margins, not log-probabilities, and a softmax of them at temperature 1
/// put almost every entity at 1.00 or 0.00 (a name the document pass
/// tagged against its own emissions read 0.00). Fitted on the held-back
/// tail of ANERcorp train (`train -- --dev` prints the fit: the
/// temperature with the lowest Brier score of "this predicted span is
/// correct"): 12 on all three seeds (Brier 0.177 → 0.144). Spans scoring
/// under 0.5 are right about 56% of the time, 0.8–0.9 about 85%, over 0.97
/// about 96%.
pub(crate) const SCORE_TEMPERATURE: f32 = 12.0;

/// The score of the span `tokens` labelled `labels`: the mean over its
/// tokens of the softmax probability of the token's label among its BIO
/// scores `rows`, at temperature `t`.
pub(crate) fn span_score(
    rows: &[[f32; NB]],
    labels: &[u8],
    tokens: std::ops::Range<usize>,
    t: f32,
) -> f32 {
    let n = tokens.len().max(1) as f32;
    tokens
        .map(|k| softmax_at(&rows[k], usize::from(labels[k]), t))
        .sum::<f32>()
        / n
}

/// Softmax probability of label `k` over BIO scores `e` at temperature `t`.
fn softmax_at(e: &[f32; NB], k: usize, t: f32) -> f32 {
    let m = e.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let z: f32 = e.iter().map(|x| ((x - m) / t).exp()).sum();
    if z > 0.0 && z.is_finite() {
        ((e[k] - m) / t).exp() / z
    } else {
        0.5
    }
}

impl Default for Model {
    fn default() -> Self {
        Model {
            groups: 0,
            bias: [0.0; 5],
            trans: vec![0.0; (L + 1) * L],
            table: FeatTable::default(),
            names: crate::gazetteer::FastMap::default(),
            lex: crate::gazetteer::FastMap::default(),
        }
    }
}
