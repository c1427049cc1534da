//! Feature extraction for the sequence model.
//!
//! Every feature is a (template, string) pair hashed to a `u64`. Features
//! are grouped so that the ablation in BENCHMARKS.md can switch a group off
//! ([`Groups`]).

use crate::hash::hash_feature;
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

const EMPTY: &[u8] = b"";

/// Cue bits without the lexicon's frequency bits (29..=31), for the
/// conjunction of the previous word's cues with this word's shape.
const LEX_FREQ_MASK: u32 = (1 << 29) - 1;

/// Feature hashes for token `i` into `out` (cleared first).
pub(crate) fn extract(toks: &[Token], side: &[Side], i: usize, groups: Groups, out: &mut Vec<u64>) {
    out.clear();
    let t = &toks[i];
    let w = |k: isize| -> &[u8] {
        let j = i as isize + k;
        if j < 0 {
            b"<s>"
        } else if j as usize >= toks.len() {
            b"</s>"
        } else {
            toks[j as usize].norm.as_bytes()
        }
    };
    let stem = |k: isize| -> &[u8] {
        let j = i as isize + k;
        if j < 0 || j as usize >= toks.len() {
            EMPTY
        } else {
            toks[j as usize].stem().as_bytes()
        }
    };
    out.push(hash_feature(0, &[]));
    if groups.has(Groups::WORDS) {
        out.push(hash_feature(1, &[w(0)]));
        out.push(hash_feature(2, &[w(-1)]));
        out.push(hash_feature(3, &[w(1)]));
        out.push(hash_feature(4, &[w(-2)]));
        out.push(hash_feature(5, &[w(2)]));
        out.push(hash_feature(6, &[w(-1), w(0)]));
        out.push(hash_feature(7, &[w(0), w(1)]));
    }
    if groups.has(Groups::CLITIC) && t.shape == Shape::Arabic {
        let s = t.stem().as_bytes();
        let ms = t.maybe_stem().as_bytes();
        let pre = &t.norm.as_bytes()[..t.clitic.stem as usize];
        out.push(hash_feature(10, &[s]));
        out.push(hash_feature(11, &[pre]));
        if t.clitic.maybe > 0 {
            out.push(hash_feature(12, &[ms]));
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
        out.push(hash_feature(20, &[stem(-1)]));
        out.push(hash_feature(21, &[stem(1)]));
        out.push(hash_feature(22, &[stem(-1), s]));
        out.push(hash_feature(23, &[s, stem(1)]));
        out.push(hash_feature(24, &[stem(-2)]));
        out.push(hash_feature(25, &[stem(2)]));
    }
    if groups.has(Groups::SHAPE) {
        let n = t.stem().chars().count().min(12) as u8;
        out.push(hash_feature(30, &[t.shape.name()]));
        out.push(hash_feature(31, &[&[n]]));
        let ps = if i > 0 {
            toks[i - 1].shape.name()
        } else {
            b"<s>"
        };
        let ns = if i + 1 < toks.len() {
            toks[i + 1].shape.name()
        } else {
            b"</s>"
        };
        out.push(hash_feature(32, &[ps, t.shape.name(), ns]));
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
            let b = bits(ii + off, 0);
            for k in 0..32 {
                if b & (1 << k) != 0 {
                    out.push(hash_feature(tid, &[&[k as u8]]));
                }
            }
        }
    }
    if groups.has(Groups::CUES) {
        for (tid, off) in [(50u32, 0isize), (51, -1), (52, 1), (53, -2), (54, 2)] {
            let b = bits(ii + off, 1);
            for k in 0..32 {
                if b & (1 << k) != 0 {
                    out.push(hash_feature(tid, &[&[k as u8]]));
                }
            }
        }
        // cue before + this word's stem: `الرئيس X`, `وزاره X`.
        let pb = bits(ii - 1, 1) & LEX_FREQ_MASK;
        if pb != 0 {
            out.push(hash_feature(55, &[&pb.to_le_bytes(), t.shape.name()]));
        }
    }
    if groups.has(Groups::DOC) {
        extract_doc(side, i, out);
    }
}

/// Every hash [`extract_doc`] can produce.
pub(crate) fn doc_feature_hashes() -> Vec<u64> {
    (60u32..=62)
        .flat_map(|tid| (0u8..32).map(move |k| hash_feature(tid, &[&[k]])))
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
        let b = side[j as usize].doc;
        for k in 0..32 {
            if b & (1 << k) != 0 {
                out.push(hash_feature(tid, &[&[k as u8]]));
            }
        }
    }
}
