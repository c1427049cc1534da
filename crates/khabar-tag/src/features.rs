//! Feature extraction for the sequence model.
//!
//! Every feature is a (template, string) pair hashed to a `u64`. Features
//! are grouped so that the ablation in BENCHMARKS.md can switch a group off
//! ([`Groups`]).

use crate::hash::{hash_bytes, hash_feature, hash_parts};
use crate::token::{Shape, Token};

/// Feature groups (bit flags), for ablations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Groups(pub u32);

impl Groups {
    /// Word identity, ±2 window, bigrams.
    pub const WORDS: u32 = 1;
    /// Clitic analysis: proclitic, article, stem, stem affixes.
    pub const CLITIC: u32 = 2;
    /// Shape and length.
    pub const SHAPE: u32 = 4;
    /// Gazetteer membership (countries, cities, nisba, organizations, names).
    pub const GAZ: u32 = 8;
    /// Cue words: titles, ranks, organization head nouns, nisba before a name.
    pub const CUES: u32 = 16;
    /// Document-level: how this stem was tagged elsewhere in the document.
    pub const DOC: u32 = 32;
    /// Everything.
    pub const ALL: Groups = Groups(63);

    /// Whether `g` is on.
    pub fn has(self, g: u32) -> bool {
        self.0 & g != 0
    }

    #[cfg(feature = "research")]
    /// Parse `-words,-gaz` style ablation lists.
    pub fn from_spec(spec: &str) -> Groups {
        let mut g = Self::ALL.0;
        for part in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let bit = match part.trim_start_matches('-') {
                "words" => Self::WORDS,
                "clitic" => Self::CLITIC,
                "shape" => Self::SHAPE,
                "gaz" => Self::GAZ,
                "cues" => Self::CUES,
                "doc" => Self::DOC,
                _ => 0,
            };
            g &= !bit;
        }
        Groups(g)
    }
}

/// Gazetteer bits of a token (see `gazetteer::Kind`), B and I separately.
pub(crate) type GazBits = u32;

/// Per-token side information computed before features.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Side {
    /// Gazetteer bits: bit `2*k` = begins a match of kind k, `2*k+1` = inside.
    pub gaz: GazBits,
    /// Cue bits (see `gazetteer::Cue`).
    pub cue: u32,
    /// Document bits: which labels this stem got elsewhere in the document
    /// (bit per entity type), and whether it was seen there at all.
    pub doc: u32,
}

/// The string hashes standing for "before the sentence", "after the
/// sentence" and "no stem there".
const BOS: u64 = hash_bytes(b"<s>");
const EOS: u64 = hash_bytes(b"</s>");
const NONE: u64 = hash_bytes(b"");
/// The feature every token has.
const BIAS: u64 = hash_parts(0, &[]);

/// The word feature of a normalized word (template 1 of [`extract`]).
pub(crate) fn word_feature(norm: &str) -> u64 {
    hash_parts(1, &[hash_bytes(norm.as_bytes())])
}

/// The string hash of word `j` of a sentence, or of the sentence's start
/// or end when `j` is outside it: what the word features (templates 1–7)
/// are made of.
pub(crate) fn word_hash(toks: &[Token], j: isize) -> u64 {
    if j < 0 {
        BOS
    } else {
        toks.get(j as usize).map_or(EOS, |t| t.hash[0])
    }
}

/// Cue bits without the lexicon's frequency bits (29..=31), for the
/// conjunction of the previous word's cues with this word's shape.
const LEX_FREQ_MASK: u32 = (1 << 29) - 1;

/// Feature hashes for token `i` into `out` (cleared first).
pub(crate) fn extract(toks: &[Token], side: &[Side], i: usize, groups: Groups, out: &mut Vec<u64>) {
    out.clear();
    let t = &toks[i];
    // Word and stem features combine the tokens' precomputed string
    // hashes (`Token::hash`) with the template: a word is hashed once, not
    // once per feature it takes part in.
    let w = |k: isize| word_hash(toks, i as isize + k);
    let stem = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= toks.len() {
            NONE
        } else {
            toks[j as usize].hash[1]
        }
    };
    out.push(BIAS);
    if groups.has(Groups::WORDS) {
        out.push(hash_parts(1, &[w(0)]));
        out.push(hash_parts(2, &[w(-1)]));
        out.push(hash_parts(3, &[w(1)]));
        out.push(hash_parts(4, &[w(-2)]));
        out.push(hash_parts(5, &[w(2)]));
        out.push(hash_parts(6, &[w(-1), w(0)]));
        out.push(hash_parts(7, &[w(0), w(1)]));
    }
    if groups.has(Groups::CLITIC) && t.shape == Shape::Arabic {
        let s = t.stem().as_bytes();
        let pre = &t.norm.as_bytes()[..t.clitic.stem as usize];
        out.push(hash_parts(10, &[t.hash[1]]));
        out.push(hash_feature(11, &[pre]));
        if t.clitic.maybe > 0 {
            out.push(hash_parts(12, &[t.hash[2]]));
        }
        // Prefixes and suffixes of 1–4 letters, sliced at char boundaries
        // (no allocation).
        let mut bounds = [0usize; 5];
        let mut nb = 0;
        for (k, (i, _)) in t.stem().char_indices().enumerate().take(5) {
            bounds[k] = i;
            nb = k + 1;
        }
        let mut ends = [0usize; 5];
        let mut ne = 0;
        for (k, (i, _)) in t.stem().char_indices().rev().enumerate().take(4) {
            ends[k] = i;
            ne = k + 1;
        }
        for k in 1..=4usize.min(ne) {
            let pe = if k < nb { bounds[k] } else { s.len() };
            out.push(hash_feature(100 + k as u32, &[&s[..pe]]));
            out.push(hash_feature(110 + k as u32, &[&s[ends[k - 1]..]]));
        }
        out.push(hash_parts(20, &[stem(-1)]));
        out.push(hash_parts(21, &[stem(1)]));
        out.push(hash_parts(22, &[stem(-1), t.hash[1]]));
        out.push(hash_parts(23, &[t.hash[1], stem(1)]));
        out.push(hash_parts(24, &[stem(-2)]));
        out.push(hash_parts(25, &[stem(2)]));
    }
    if groups.has(Groups::SHAPE) {
        let n = t.stem().chars().count().min(12) as u64;
        // Shapes by their index; 5 and 6 stand for the sentence's ends.
        let ps = if i > 0 { toks[i - 1].shape as u64 } else { 5 };
        let ns = toks.get(i + 1).map_or(6, |t| t.shape as u64);
        out.push(hash_parts(30, &[t.shape as u64]));
        out.push(hash_parts(31, &[n]));
        out.push(hash_parts(32, &[ps, t.shape as u64, ns]));
    }
    let bits = |j: isize, which: u8| -> u32 {
        if j < 0 || j as usize >= side.len() {
            0
        } else {
            let s = &side[j as usize];
            match which {
                0 => s.gaz,
                1 => s.cue,
                _ => s.doc,
            }
        }
    };
    let ii = i as isize;
    if groups.has(Groups::GAZ) {
        for (tid, off) in [(40u32, 0isize), (41, -1), (42, 1)] {
            push_bits(tid, bits(ii + off, 0), out);
        }
    }
    if groups.has(Groups::CUES) {
        for (tid, off) in [(50u32, 0isize), (51, -1), (52, 1), (53, -2), (54, 2)] {
            push_bits(tid, bits(ii + off, 1), out);
        }
        // cue before + this word's stem: `الرئيس X`, `وزاره X`.
        let pb = bits(ii - 1, 1) & LEX_FREQ_MASK;
        if pb != 0 {
            out.push(hash_parts(55, &[u64::from(pb), t.shape as u64]));
        }
    }
    if groups.has(Groups::DOC) {
        extract_doc(side, i, out);
    }
}

/// The templates whose features are one bit of a 32-bit set
/// (gazetteer 40–42, cues 50–54, document 60–62).
const BIT_TEMPLATES: [u32; 11] = [40, 41, 42, 50, 51, 52, 53, 54, 60, 61, 62];

/// `hash_feature(tid, &[&[k]])` for every bit template and bit, computed
/// once: the bit features are most of a token's features, and hashing them
/// anew for every token cost more than looking them up.
fn bit_hashes() -> &'static [[u64; 32]; BIT_TEMPLATES.len()] {
    static TABLE: std::sync::OnceLock<[[u64; 32]; BIT_TEMPLATES.len()]> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [[0u64; 32]; BIT_TEMPLATES.len()];
        for (row, &tid) in t.iter_mut().zip(&BIT_TEMPLATES) {
            for (k, h) in (0u8..).zip(row.iter_mut()) {
                *h = hash_feature(tid, &[&[k]]);
            }
        }
        t
    })
}

/// Push the feature of template `tid` for every set bit of `b`, in bit
/// order (the same hashes and order as hashing each bit).
#[inline]
fn push_bits(tid: u32, mut b: u32, out: &mut Vec<u64>) {
    if b == 0 {
        return;
    }
    let Some(row) = BIT_TEMPLATES.iter().position(|&t| t == tid) else {
        return;
    };
    let hashes = &bit_hashes()[row];
    while b != 0 {
        out.push(hashes[b.trailing_zeros() as usize]);
        b &= b - 1;
    }
}

/// Every hash [`extract_doc`] can produce (the rows of templates 60–62).
pub(crate) fn doc_feature_hashes() -> Vec<u64> {
    BIT_TEMPLATES
        .iter()
        .zip(bit_hashes())
        .filter(|(t, _)| (60..=62).contains(*t))
        .flat_map(|(_, row)| row.iter().copied())
        .collect()
}

/// Append the document features of token `i` (the last group, so that
/// pass 2 can reuse pass 1's features and add only these).
pub(crate) fn extract_doc(side: &[Side], i: usize, out: &mut Vec<u64>) {
    let ii = i as isize;
    for (tid, off) in [(60u32, 0isize), (61, -1), (62, 1)] {
        let j = ii + off;
        if j < 0 || j as usize >= side.len() {
            continue;
        }
        push_bits(tid, side[j as usize].doc, out);
    }
}
