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
    /// Name-table membership (`names.rs`: given name, surname, full name,
    /// foreign name part, one-word organization or place, listed phrases),
    /// at the token and its neighbours, and crossed with the neighbours'
    /// classes, the train lexicon and the cue before.
    pub const NAMES: u32 = 64;
    /// The character n-gram name-likeness score of `names.rs`, bucketed, at
    /// the token and its neighbours, crossed with the train lexicon and the
    /// cue before.
    pub const LIKE: u32 = 128;
    /// The document pass crossed with the name knowledge: how the stem was
    /// tagged elsewhere in the document, by the token's name class.
    pub const NDOC: u32 = 256;
    /// Research switch: the [`Groups::LIKE`] features only on words the
    /// train lexicon has not seen or has seen once (tried for issue 17 and
    /// not shipped: `benches/history/2026-12-05-name-features.md`).
    pub const LIKE_RARE: u32 = 512;
    /// Research switch: with [`Groups::NAMES`], the name classes of the
    /// tokens two before and two after crossed with the token's (tried for
    /// issue 17 and not shipped:
    /// `benches/history/2026-12-05-name-augmentation.md`).
    pub const NAMES2: u32 = 1024;
    /// Every group (not the research switch [`Groups::LIKE_RARE`]).
    pub const ALL: Groups = Groups(511);
    /// The groups of the shipped model and of [`crate::training`]: all but
    /// [`Groups::LIKE`] and [`Groups::NDOC`], which gained nothing over
    /// [`Groups::NAMES`] on the cross-validation folds and the train tail
    /// (three seeds; `benches/history/2026-12-05-name-features.md`).
    pub const SHIPPED: Groups = Groups(Self::ALL.0 & !(Self::LIKE | Self::NDOC));

    /// Whether `g` is on.
    pub fn has(self, g: u32) -> bool {
        self.0 & g != 0
    }

    #[cfg(feature = "research")]
    /// Parse an ablation list such as `-doc,-gaz` or `+like,+ndoc`: from
    /// [`Groups::SHIPPED`], `-group` switches a group off and `+group` on
    /// (`likerare` is [`Groups::LIKE_RARE`]). An unknown group is an error.
    pub fn from_spec(spec: &str) -> Result<Groups, String> {
        let mut g = Self::SHIPPED.0;
        for part in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (on, name) = match part.split_at(1) {
                ("+", name) => (true, name),
                ("-", name) => (false, name),
                _ => return Err(format!("{part}: give each group as +group or -group")),
            };
            let bit = match name {
                "words" => Self::WORDS,
                "clitic" => Self::CLITIC,
                "shape" => Self::SHAPE,
                "gaz" => Self::GAZ,
                "cues" => Self::CUES,
                "doc" => Self::DOC,
                "names" => Self::NAMES,
                "like" => Self::LIKE,
                "ndoc" => Self::NDOC,
                "likerare" => Self::LIKE_RARE,
                "names2" => Self::NAMES2,
                _ => return Err(format!("{name}: no such feature group")),
            };
            if on {
                g |= bit;
            } else {
                g &= !bit;
            }
        }
        Ok(Groups(g))
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
    /// Name-table bits ([`name_bits`]): the word's list bits when sure
    /// (0..8) and unsure (8..16), and the kinds of a listed phrase that
    /// begins (16..20) or goes on (20..24) here.
    pub names: u32,
    /// The name-likeness bucket plus one (`names::likeness_bucket`); 0 for
    /// a token that is not an Arabic word.
    pub like: u8,
}

/// Name bits of a token ([`Side::names`]): the list bits of its word
/// (sure forms in bits 0..8, unsure ones in 8..16); phrase bits are added
/// by the caller, which sees the sentence.
pub(crate) fn name_bits(n: crate::names::TokenNames) -> u32 {
    (n.sure & 0xff) | ((n.unsure & 0xff) << 8)
}

/// The name class of side `s` (0 = nothing listed): the first that holds of
/// the start of a listed full name, a later word of a listed full name or
/// name part, a sure given name, a sure surname or name part, a sure
/// foreign name part, an unsure person bit, a listed organization or
/// place.
#[inline]
fn name_class(s: Option<&Side>) -> u64 {
    use crate::names::{bits, phrase};
    let Some(s) = s else { return 0 };
    let n = s.names;
    let sure = n & 0xff;
    let begin = (n >> 16) & 0xf;
    let inside = (n >> 20) & 0xf;
    if begin & phrase::FULL != 0 {
        1
    } else if inside & (phrase::FULL | phrase::PART) != 0 {
        2
    } else if sure & bits::GIVEN != 0 {
        3
    } else if sure & (bits::SURNAME | bits::UNKNOWN | bits::FULL_INSIDE) != 0 {
        4
    } else if sure & bits::FOREIGN != 0 {
        5
    } else if (n >> 8) & bits::PERSON != 0 || begin & phrase::PART != 0 {
        6
    } else if (sure & (bits::ORG | bits::PLACE)) != 0 || (begin | inside) != 0 {
        7
    } else {
        0
    }
}

/// What the train lexicon says of a token (from its cue bits): mostly O,
/// not seen, seen once (bits 0..3), and whether train labels it PERS, LOC
/// or ORG (bits 3..6).
#[inline]
fn lex_state(cue: u32) -> u64 {
    let freq = (cue >> 29) & 7;
    let pers = u32::from(cue & (3 << 21) != 0) << 3;
    let loc = u32::from(cue & (3 << 23) != 0) << 4;
    let org = u32::from(cue & (3 << 25) != 0) << 5;
    u64::from(freq | pers | loc | org)
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
    if groups.has(Groups::NAMES) || groups.has(Groups::LIKE) {
        extract_names(side, i, groups, out);
    }
    if groups.has(Groups::DOC) {
        extract_doc(side, i, groups, out);
    }
}

/// The features of groups [`Groups::NAMES`] and [`Groups::LIKE`].
fn extract_names(side: &[Side], i: usize, groups: Groups, out: &mut Vec<u64>) {
    let at = |k: isize| -> Option<&Side> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            side.get(j as usize)
        }
    };
    let s = &side[i];
    let pc = name_class(Some(s));
    let lex = lex_state(s.cue);
    let pb = at(-1).map_or(0, |p| p.cue & LEX_FREQ_MASK);
    if groups.has(Groups::NAMES) {
        for (tid, off) in [(70u32, 0isize), (71, -1), (72, 1)] {
            push_bits(tid, at(off).map_or(0, |x| x.names), out);
        }
        let (prev, next) = (name_class(at(-1)), name_class(at(1)));
        out.push(hash_parts(73, &[prev, pc, next]));
        if groups.has(Groups::NAMES2) {
            out.push(hash_parts(77, &[name_class(at(-2)), prev, pc]));
            out.push(hash_parts(78, &[pc, next, name_class(at(2))]));
        }
        if pc != 0 {
            out.push(hash_parts(74, &[pc, lex]));
            out.push(hash_parts(75, &[u64::from(pb), pc]));
            out.push(hash_parts(76, &[pc, u64::from(s.gaz)]));
        }
    }
    let rare = s.cue & (3 << 30) != 0;
    if groups.has(Groups::LIKE) && s.like > 0 && (rare || !groups.has(Groups::LIKE_RARE)) {
        let b = u64::from(s.like);
        let like = |k: isize| at(k).map_or(0, |x| u64::from(x.like));
        out.push(hash_parts(80, &[b]));
        out.push(hash_parts(81, &[b, lex]));
        out.push(hash_parts(82, &[like(-1), b]));
        out.push(hash_parts(83, &[b, like(1)]));
        out.push(hash_parts(84, &[u64::from(pb), b]));
        if groups.has(Groups::NAMES) {
            out.push(hash_parts(85, &[b, pc]));
        }
    }
}

/// The templates whose features are one bit of a 32-bit set
/// (gazetteer 40–42, cues 50–54, document 60–62, name tables 70–72).
const BIT_TEMPLATES: [u32; 14] = [40, 41, 42, 50, 51, 52, 53, 54, 60, 61, 62, 70, 71, 72];

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

/// Every hash [`extract_doc`] can produce (the rows of templates 60–62,
/// and template 63 for each dominant-type set and name kind).
pub(crate) fn doc_feature_hashes() -> std::collections::HashSet<u64> {
    let mut out: std::collections::HashSet<u64> = BIT_TEMPLATES
        .iter()
        .zip(bit_hashes())
        .filter(|(t, _)| (60..=62).contains(*t))
        .flat_map(|(_, row)| row.iter().copied())
        .collect();
    for dom in 1..32u64 {
        for kind in 1..4u64 {
            out.insert(hash_parts(63, &[dom, kind]));
        }
    }
    out
}

/// Which name knowledge a token has, for the document pass: 1 when a list
/// has it as a person's name, 2 when it scores as a name (likeness 0.7 and
/// up) without being listed, 3 when both, 0 otherwise.
#[inline]
fn name_kind(s: &Side) -> u64 {
    let listed = name_class(Some(s)).wrapping_sub(1) < 6;
    let likely = s.like >= 5;
    u64::from(listed) | (u64::from(likely) << 1)
}

/// Append the document features of token `i` (the last group, so that
/// pass 2 can reuse pass 1's features and add only these).
pub(crate) fn extract_doc(side: &[Side], i: usize, groups: Groups, out: &mut Vec<u64>) {
    let ii = i as isize;
    for (tid, off) in [(60u32, 0isize), (61, -1), (62, 1)] {
        let j = ii + off;
        if j < 0 || j as usize >= side.len() {
            continue;
        }
        push_bits(tid, side[j as usize].doc, out);
    }
    if groups.has(Groups::NDOC) {
        // The types that dominate the other mentions of the stem (bits
        // 10..15 of the document bits) by the token's name knowledge: a
        // listed or name-like word tagged PERS elsewhere.
        let s = &side[i];
        let dom = u64::from((s.doc >> 10) & 31);
        let kind = name_kind(s);
        if dom != 0 && kind != 0 {
            out.push(hash_parts(63, &[dom, kind]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{FastMap, Gazetteer};
    use crate::names::{bits, phrase};
    use crate::seq::side_info;
    use crate::token::tokenize;

    fn sides(text: &str, groups: Groups) -> (Vec<Token>, Vec<Side>) {
        let toks = tokenize(text);
        let side = side_info(&toks, Gazetteer::global(), &FastMap::default(), groups);
        (toks, side)
    }

    #[test]
    fn listed_names_and_likeness_reach_the_side_information() {
        // `عباس كيارستمي` is a listed full name; `كيارستمي` a surname;
        // `ستانيسلافسكي` is in no list but looks like a name.
        let (toks, side) = sides("قال المخرج عباس كيارستمي وستانيسلافسكي", Groups::ALL);
        assert_eq!(toks.len(), 5);
        assert_eq!(side[0].names, 0);
        assert_ne!((side[2].names >> 16) & phrase::FULL, 0);
        assert_ne!((side[3].names >> 20) & phrase::FULL, 0);
        assert_ne!(side[3].names & bits::SURNAME, 0);
        assert_eq!(name_class(Some(&side[2])), 1);
        assert_eq!(name_class(Some(&side[3])), 2);
        assert_eq!(side[4].names, 0);
        assert_eq!(side[4].like, 6);
        assert!(side[1].like <= 2, "{}", side[1].like);
        // Without the groups nothing is looked up.
        let (_, bare) = sides(
            "قال المخرج عباس كيارستمي وستانيسلافسكي",
            Groups(Groups::ALL.0 & !(Groups::NAMES | Groups::LIKE | Groups::NDOC)),
        );
        assert!(bare.iter().all(|s| s.names == 0 && s.like == 0));
    }

    #[test]
    fn name_groups_add_features_only_when_on() {
        let (toks, side) = sides("قال المخرج عباس كيارستمي وستانيسلافسكي", Groups::ALL);
        let off = Groups(Groups::ALL.0 & !(Groups::NAMES | Groups::LIKE | Groups::NDOC));
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for i in 0..toks.len() {
            extract(&toks, &side, i, off, &mut a);
            extract(&toks, &side, i, Groups::ALL, &mut b);
            // The other groups' features come first and are the same.
            assert_eq!(&b[..a.len()], &a[..], "token {i}");
            assert!(b.len() > a.len(), "token {i}");
        }
    }

    #[cfg(feature = "research")]
    #[test]
    fn ablation_specs_start_from_the_shipped_groups() {
        assert_eq!(Groups::from_spec(""), Ok(Groups::SHIPPED));
        assert_eq!(Groups::from_spec("+like, +ndoc"), Ok(Groups::ALL));
        let none = Groups::from_spec("-names").unwrap_or(Groups::ALL);
        assert!(!none.has(Groups::NAMES) && none.has(Groups::DOC));
        let rare = Groups::from_spec("+like,+likerare").unwrap_or(Groups::ALL);
        assert!(rare.has(Groups::LIKE_RARE) && rare.has(Groups::LIKE));
        assert!(Groups::from_spec("-nmaes").is_err());
        assert!(Groups::from_spec("like").is_err());
    }

    /// Every document feature is one of [`doc_feature_hashes`] (pass 2
    /// looks them up in a small table of those only).
    #[test]
    fn document_features_are_enumerated() {
        let all = doc_feature_hashes();
        let mut out = Vec::new();
        for doc in [
            0u32,
            1 << 1,
            (1 << 1) | (1 << 11),
            (1 << 13) | (1 << 14) | 0x1fe,
        ] {
            for (names, like) in [(0, 0), (bits::GIVEN, 1), (0, 6), (bits::SURNAME, 5)] {
                let side = [Side {
                    doc,
                    names,
                    like,
                    ..Side::default()
                }; 3];
                for i in 0..3 {
                    extract_doc(&side, i, Groups::ALL, &mut out);
                }
            }
        }
        assert!(out.iter().all(|h| all.contains(h)));
        assert!(out.len() > 20);
    }
}
