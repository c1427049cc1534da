//! The averaged structured perceptron: weights, Viterbi decoding over BILOU,
//! training, and the entity scores (the model file is `format.rs`).

use crate::features::Groups;

/// The BIO labels of the statistical layer (ANERcorp's types): what the
/// model outputs and what the rest of the crate works with.
pub(crate) const LABELS: [&str; 9] = [
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
/// Number of BIO labels.
pub(crate) const NB: usize = LABELS.len();
/// Number of the model's internal BILOU labels: 0 = O, then per type `t`
/// (1 = PERS, 2 = LOC, 3 = ORG, 4 = MISC) B, I, L (last), U (unit) at
/// `4(t-1)+1 ..= 4(t-1)+4`. Weights, transitions and Viterbi work on these;
/// decoded paths are turned back into BIO ([`to_bio`]).
pub(crate) const L: usize = 17;

/// Index of a label name (unknown names are `O`).
pub(crate) fn label_index(s: &str) -> u8 {
    LABELS.iter().position(|l| *l == s).unwrap_or(0) as u8
}

/// Entity type of a BIO label (0 = O, 1 = PERS, 2 = LOC, 3 = ORG, 4 = MISC).
pub(crate) fn ty(l: u8) -> u8 {
    l.div_ceil(2)
}

/// Whether BIO label `l` is an I- label.
pub(crate) fn is_inside(l: u8) -> bool {
    l > 0 && l.is_multiple_of(2)
}

/// Entity type of an internal BILOU label.
#[inline]
pub(crate) fn ity(l: u8) -> u8 {
    l.div_ceil(4)
}

/// Position of a non-O internal label: 0 = B, 1 = I, 2 = L, 3 = U.
#[inline]
fn pos(l: u8) -> u8 {
    (l - 1) % 4
}

/// Internal label of type `t` at position `p`.
#[inline]
fn bilou_label(t: u8, p: u8) -> u8 {
    4 * (t - 1) + 1 + p
}

/// BIO labels (conlleval reading: an I- with no B- of its type begins a
/// span) to internal BILOU labels.
pub(crate) fn to_bilou(bio: &[u8]) -> Vec<u8> {
    (0..bio.len())
        .map(|i| {
            let l = bio[i];
            if l == 0 {
                return 0;
            }
            let t = ty(l);
            let begins = !is_inside(l) || i == 0 || ty(bio[i - 1]) != t;
            let goes_on = bio.get(i + 1).is_some_and(|&n| is_inside(n) && ty(n) == t);
            let p = match (begins, goes_on) {
                (true, true) => 0,
                (false, true) => 1,
                (false, false) => 2,
                (true, false) => 3,
            };
            bilou_label(t, p)
        })
        .collect()
}

/// Internal BILOU labels to BIO (B and U → B-, I and L → I-).
pub(crate) fn to_bio(path: &[u8]) -> Vec<u8> {
    path.iter()
        .map(|&l| {
            if l == 0 {
                0
            } else {
                let t = ity(l);
                if matches!(pos(l), 0 | 3) {
                    2 * t - 1
                } else {
                    2 * t
                }
            }
        })
        .collect()
}

/// Emission scores over BILOU labels as scores over BIO labels (the larger
/// of B/U for B-, of I/L for I-), for entity confidences.
pub(crate) fn bio_scores(e: &[f32; L]) -> [f32; NB] {
    let mut out = [0f32; NB];
    out[0] = e[0];
    for t in 1..=4u8 {
        let b = bilou_label(t, 0) as usize;
        out[2 * t as usize - 1] = e[b].max(e[b + 3]);
        out[2 * t as usize] = e[b + 1].max(e[b + 2]);
    }
    out
}

/// Whether a span is open after label `l` (B- or I-).
fn open(l: u8) -> bool {
    l > 0 && pos(l) < 2
}

fn allowed(prev: Option<u8>, cur: u8) -> bool {
    match prev {
        Some(p) if open(p) => cur > 0 && ity(cur) == ity(p) && matches!(pos(cur), 1 | 2),
        _ => cur == 0 || matches!(pos(cur), 0 | 3),
    }
}

/// One feature's weights, quantized to `i16` and stored next to a 32-bit
/// check of its hash, so that a lookup is one 24-byte read (the tables are
/// larger than the caches: lookups are memory-bound).
#[derive(Clone, Copy, Debug)]
struct Slot {
    check: u32,
    w: [i16; L],
}

/// An open-addressing table from feature hash to weights (linear probing,
/// load at most 1/2). The slot index comes from the low bits of the hash,
/// the check from the high 32 bits; check 0 marks an empty slot (a feature
/// whose check would be 0 is stored as 1).
#[derive(Clone, Debug)]
pub(crate) struct FeatTable {
    slots: Vec<Slot>,
    /// Full hashes and float weights, kept only while building.
    building: Vec<(u64, [f32; L])>,
    mask: usize,
    len: usize,
    /// Weight of one quantization step.
    scale: f32,
}

impl Default for FeatTable {
    fn default() -> Self {
        Self::build(Vec::new())
    }
}

impl FeatTable {
    #[inline]
    fn check(h: u64) -> u32 {
        match (h >> 32) as u32 {
            0 => 1,
            c => c,
        }
    }

    /// Build from full hashes and float weights.
    pub(crate) fn build(rows: Vec<(u64, [f32; L])>) -> Self {
        let cap = (rows.len().max(1) * 2).next_power_of_two();
        let max = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut slots = vec![
            Slot {
                check: 0,
                w: [0; L]
            };
            cap
        ];
        let mask = cap - 1;
        for (h, w) in &rows {
            let c = Self::check(*h);
            let mut i = (*h as usize) & mask;
            while slots[i].check != 0 && slots[i].check != c {
                i = (i + 1) & mask;
            }
            let mut q = [0i16; L];
            for (qq, ww) in q.iter_mut().zip(w) {
                *qq = (ww / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            slots[i] = Slot { check: c, w: q };
        }
        FeatTable {
            slots,
            building: rows,
            mask,
            len: 0,
            scale,
        }
        .done()
    }

    fn done(mut self) -> Self {
        self.len = self.building.len();
        self
    }

    /// Add the quantized weights of feature `h` to `acc`; false if absent.
    #[inline]
    pub(crate) fn add_to(&self, h: u64, acc: &mut [i32; L]) -> bool {
        let c = Self::check(h);
        let mut i = (h as usize) & self.mask;
        loop {
            let s = &self.slots[i];
            if s.check == c {
                for (a, w) in acc.iter_mut().zip(&s.w) {
                    *a += i32::from(*w);
                }
                return true;
            }
            if s.check == 0 {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    pub(crate) fn contains(&self, h: u64) -> bool {
        let mut acc = [0i32; L];
        self.add_to(h, &mut acc)
    }

    #[cfg(feature = "research")]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, &[f32; L])> {
        self.building.iter().map(|(h, w)| (*h, w))
    }
}

/// The weights of one feature in both passes, relative to `O`: a weight
/// added to every label of a token moves every path by the same amount, so
/// `w[l] - w[O]` for the 16 entity labels decode exactly like the 17
/// weights. Two passes of 16 `i16` are one 64-byte cache line.
#[derive(Clone, Copy, Debug)]
#[repr(align(64))]
struct JointRow([i16; 2 * (L - 1)]);

/// Pass 1 and pass 2 weights of all features side by side: pass 2 shares
/// all of pass 1's features, so one lookup during pass 1 yields both
/// passes' sums and pass 2 only looks up its few document features.
///
/// Layout: an open-addressing index of `(check, row)` pairs (8 bytes a
/// slot, linear probing, load at most 1/2) over a dense array of
/// cache-line rows ([`JointRow`]). Probing, and every lookup of a feature
/// the model does not have (most features of unseen words), touches only
/// the small index; a hit reads one cache line.
#[derive(Clone, Debug)]
pub(crate) struct JointTable {
    index: Vec<(u32, u32)>,
    rows: Vec<JointRow>,
    mask: usize,
    /// Weight of one quantization step of each pass.
    scale: [f32; 2],
    /// `b`'s weights of the document features (the only features pass 2
    /// looks up after the joint pass): a few dozen rows, so these lookups
    /// stay in cache instead of going to `b`'s full table.
    rest: FeatTable,
}

impl JointTable {
    /// Join the tables of `a` and `b`.
    pub(crate) fn build(a: &Model, b: &Model) -> JointTable {
        let doc = crate::features::doc_feature_hashes();
        let mut rows: std::collections::BTreeMap<u64, ([f32; L], [f32; L])> =
            std::collections::BTreeMap::new();
        for (h, w) in a.table.iter() {
            rows.entry(h).or_insert(([0.0; L], [0.0; L])).0 = *w;
        }
        for (h, w) in b.table.iter() {
            rows.entry(h).or_insert(([0.0; L], [0.0; L])).1 = *w;
        }
        let rest = FeatTable::build(
            b.table
                .iter()
                .filter(|(h, _)| doc.contains(h))
                .map(|(h, w)| (h, *w))
                .collect(),
        );
        let mut max = [0f32; 2];
        for (wa, wb) in rows.values() {
            for l in 1..L {
                max[0] = max[0].max((wa[l] - wa[0]).abs());
                max[1] = max[1].max((wb[l] - wb[0]).abs());
            }
        }
        let scale = max.map(|m| {
            if m > 0.0 {
                m / f32::from(i16::MAX)
            } else {
                1.0
            }
        });
        let cap = (rows.len().max(1) * 2).next_power_of_two();
        let mask = cap - 1;
        let mut index = vec![(0u32, 0u32); cap];
        let mut dense = Vec::with_capacity(rows.len());
        let q = |w: f32, scale: f32| (w / scale).round().clamp(-32767.0, 32767.0) as i16;
        for (h, (wa, wb)) in rows {
            let c = FeatTable::check(h);
            let mut i = (h as usize) & mask;
            while index[i].0 != 0 && index[i].0 != c {
                i = (i + 1) & mask;
            }
            let mut w = [0i16; 2 * (L - 1)];
            for l in 1..L {
                w[l - 1] = q(wa[l] - wa[0], scale[0]);
                w[L - 1 + l - 1] = q(wb[l] - wb[0], scale[1]);
            }
            if index[i].0 == c {
                dense[index[i].1 as usize] = JointRow(w);
            } else {
                index[i] = (c, dense.len() as u32);
                dense.push(JointRow(w));
            }
        }
        JointTable {
            index,
            rows: dense,
            mask,
            scale,
            rest,
        }
    }

    /// Hint the CPU to fetch the home index slots of `feats` (a token's
    /// features, looked up two tokens later).
    #[inline]
    pub(crate) fn prefetch(&self, feats: &[u64]) {
        for &h in feats {
            prefetch(&self.index[(h as usize) & self.mask]);
        }
    }

    /// Hint the CPU to fetch the rows of `feats` whose home slot holds them
    /// (after [`JointTable::prefetch`] brought the slots in).
    #[inline]
    pub(crate) fn prefetch_rows(&self, feats: &[u64]) {
        for &h in feats {
            let (sc, row) = self.index[(h as usize) & self.mask];
            if sc == FeatTable::check(h) {
                if let Some(r) = self.rows.get(row as usize) {
                    prefetch(r);
                }
            }
        }
    }

    /// Emission scores of `feats` under both models, relative to `O`:
    /// `(a, b_partial)`, where `b_partial` lacks `b`'s bias and document
    /// features (added by [`Model::emit_rest`]).
    #[inline]
    pub(crate) fn emit_both(&self, a: &Model, feats: &[u64]) -> ([f32; L], [f32; L]) {
        let mut acc = [0i32; 2 * (L - 1)];
        for &h in feats {
            let c = FeatTable::check(h);
            let mut i = (h as usize) & self.mask;
            loop {
                let (sc, row) = self.index[i];
                if sc == c {
                    for (x, w) in acc.iter_mut().zip(&self.rows[row as usize].0) {
                        *x += i32::from(*w);
                    }
                    break;
                }
                if sc == 0 {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        let mut ea = [0f32; L];
        let mut pb = [0f32; L];
        for l in 1..L {
            ea[l] = acc[l - 1] as f32 * self.scale[0] + a.bias[ity(l as u8) as usize];
            pb[l] = acc[L - 1 + l - 1] as f32 * self.scale[1];
        }
        (ea, pb)
    }
}

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

/// A cache prefetch hint for the line holding `x`.
#[inline]
#[allow(unsafe_code)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing into the program and
    // cannot fault, and the pointer comes from a live reference anyway.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            std::ptr::from_ref(x).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
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
