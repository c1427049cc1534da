//! The statistical layer's labels: BIO labels of ANERcorp's types (what
//! the model outputs) and the internal BILOU labels its weights and
//! Viterbi work on.

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
pub(crate) fn pos(l: u8) -> u8 {
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
pub(crate) fn open(l: u8) -> bool {
    l > 0 && pos(l) < 2
}

/// Whether internal label `cur` may follow `prev` (`None`: the start).
pub(crate) fn allowed(prev: Option<u8>, cur: u8) -> bool {
    match prev {
        Some(p) if open(p) => cur > 0 && ity(cur) == ity(p) && matches!(pos(cur), 1 | 2),
        _ => cur == 0 || matches!(pos(cur), 0 | 3),
    }
}
