//! Repeated paragraphs: exact repeats (dropped, see [`DupKey`]) and
//! reworded ones (flagged, see [`near_repeats`]).

use crate::types::{Article, Flag, ParagraphKind};

/// A paragraph as a key for exact repeats: equality on the whole text,
/// but hashed on its length and its first and last 32 bytes, so a long
/// paragraph is not hashed in full.
#[derive(PartialEq, Eq)]
pub(crate) struct DupKey<'a>(pub(crate) &'a str);

impl std::hash::Hash for DupKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let b = self.0.as_bytes();
        state.write_usize(b.len());
        state.write(&b[..b.len().min(32)]);
        state.write(&b[b.len().saturating_sub(32)..]);
    }
}

/// Flag reworded paragraphs ([`Flag::NearDuplicate`]): word-set similarity
/// between paragraphs; ≥ 0.6 with at least 8 words is
/// "the same paragraph reworded" (seed 001 repeats a quote with `مراجعة` for
/// `دراسة`). Compared with the 64 paragraphs before, so cost stays linear.
pub(crate) fn near_repeats(a: &mut Article, words: Vec<Vec<u64>>) {
    let sets: Vec<Vec<u64>> = words
        .into_iter()
        .zip(&a.paragraphs)
        .map(|(mut v, p)| {
            if p.kind == ParagraphKind::Heading {
                v.clear();
            }
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    // A 256-bit signature per paragraph rejects most pairs before the exact
    // intersection: two paragraphs that share 60% of their words share at
    // least that share of their signature bits.
    let sigs: Vec<[u64; 4]> = sets
        .iter()
        .map(|v| {
            let mut sig = [0u64; 4];
            for h in v {
                let bit = (h >> 32) % 256;
                sig[(bit / 64) as usize] |= 1 << (bit % 64);
            }
            sig
        })
        .collect();
    let ones: Vec<u32> = sigs
        .iter()
        .map(|s| s.iter().map(|x| x.count_ones()).sum())
        .collect();
    let common = |i: usize, j: usize| -> (u32, u32) {
        let (a, b) = (&sigs[i], &sigs[j]);
        let and = (a[0] & b[0]).count_ones()
            + (a[1] & b[1]).count_ones()
            + (a[2] & b[2]).count_ones()
            + (a[3] & b[3]).count_ones();
        (and, ones[i] + ones[j] - and)
    };
    for i in 0..sets.len() {
        if sets[i].len() < 8 {
            continue;
        }
        for j in i.saturating_sub(64)..i {
            let (x, y) = (&sets[i], &sets[j]);
            if y.len() < 8 || x.len() * 2 < y.len() || y.len() * 2 < x.len() {
                continue;
            }
            let (and, or) = common(i, j);
            if and * 2 < or {
                continue;
            }
            let inter = intersect(x, y);
            let union = x.len() + y.len() - inter;
            if inter * 10 >= union * 6 {
                a.flags.push(Flag::NearDuplicate {
                    line: a.paragraphs[i].line,
                    of_line: a.paragraphs[j].line,
                });
                break;
            }
        }
    }
}

#[allow(clippy::many_single_char_names)]
fn intersect(x: &[u64], y: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
