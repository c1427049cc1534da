//! The two-pass sequence tagger over tokens: side information (gazetteer
//! and cue bits), pass 1 without document features, document bits from
//! pass 1, pass 2 with them.
//!
//! Why two passes: a name seen with a cue once (`الرئيس الأمريكي رامسفيلد`)
//! is often repeated bare (`وقال رامسفيلد`), and the bare mention has no
//! local evidence. Pass 2 sees "this stem was tagged PERS elsewhere in the
//! document".

use crate::features::{extract, name_bits, Groups, Side};
use crate::gazetteer::{FastMap, Gazetteer, Kind};
use crate::labels::{bio_scores, is_inside, ty, L, NB};
use crate::model::Model;
use crate::names::{likeness_bucket, Names};
use crate::token::{Shape, Token};

/// Gazetteer bits of a match of kind `k` over tokens `i..i + n`: "begins"
/// on the first, "inside" on the others.
fn mark(side: &mut [Side], i: usize, n: usize, k: u32) {
    side[i].gaz |= 1 << (2 * k);
    for s in &mut side[i + 1..i + n] {
        s.gaz |= 1 << (2 * k + 1);
    }
}

/// Gazetteer and cue bits for one sentence, and the name-table bits and
/// name-likeness buckets when `groups` uses them.
pub(crate) fn side_info(
    toks: &[Token],
    gaz: &Gazetteer,
    names: &FastMap<u64, u16>,
    groups: Groups,
) -> Vec<Side> {
    let mut side = vec![Side::default(); toks.len()];
    let mut ms = Vec::new();
    let lists = (groups.has(Groups::NAMES) || groups.has(Groups::NDOC)).then(Names::global);
    let like = (groups.has(Groups::LIKE) || groups.has(Groups::NDOC)).then(Names::global);
    for i in 0..toks.len() {
        side[i].cue |= lex_bits(names, &toks[i]);
        if toks[i].shape == Shape::Punct {
            continue;
        }
        if let Some(n) = lists {
            side[i].names |= name_bits(n.token(&toks[i]));
            if let Some((len, kind)) = n.phrase_at(toks, i) {
                side[i].names |= kind << 16;
                for s in &mut side[i + 1..i + len] {
                    s.names |= kind << 20;
                }
            }
        }
        if let (Some(n), Shape::Arabic) = (like, toks[i].shape) {
            side[i].like = 1 + likeness_bucket(n.token_likeness(&toks[i]));
        }
        gaz.matches_at(toks, i, false, &mut ms);
        for &(n, e, form) in &ms {
            let k = e.kind as u32;
            match e.kind {
                // Clubs and companies are organization features (and link
                // to their own English names). Cross-validation cannot
                // judge them: the three inner folds hold 4–18 such ORG
                // mentions and score the same with or without them over
                // three seeds (BENCHMARKS.md).
                Kind::Team | Kind::Company => mark(&mut side, i, n, Kind::Org as u32),
                Kind::Title | Kind::OrgHead | Kind::PersCue | Kind::Given | Kind::Stop => {
                    if n == 1 {
                        side[i].cue |= 1 << k;
                    } else {
                        side[i].cue |= 1 << (k + 10);
                        for s in &mut side[i + 1..i + n] {
                            s.cue |= 1 << (k + 10);
                        }
                    }
                }
                _ => {
                    mark(&mut side, i, n, k);
                    if n == 1 && form >= 2 {
                        side[i].gaz |= 1 << 20;
                    }
                    if e.kind == Kind::Norp {
                        side[i].cue |= 1 << 20;
                    }
                }
            }
        }
    }
    side
}

/// Train lexicon bits 21..=28 (label index 1..=8) of a token's word, bit
/// 29 when train tags the word mostly `O`, bit 30 when train has not seen
/// it (an Arabic or Latin word), bit 31 when it has seen it once. (Also
/// looking up the clitic stem scored lower in cross-validation.)
pub(crate) fn lex_bits(names: &FastMap<u64, u16>, t: &Token) -> u32 {
    if names.is_empty() {
        return 0;
    }
    if let Some(&b) = names.get(&t.hash[0]) {
        return (u32::from(b & 0x1fe) << 20)
            | (u32::from(b & 1) << 29)
            | (u32::from((b >> 9) & 1) << 31);
    }
    if matches!(t.shape, Shape::Arabic | Shape::Latin) {
        return 1 << 30;
    }
    0
}

/// Whether `s` has at least `n` characters (stops counting at `n`).
fn has_chars(s: &str, n: usize) -> bool {
    s.len() >= n && s.chars().nth(n - 1).is_some()
}

/// The keys a token contributes to document bits, as string hashes
/// ([`Token::hash`]): its stem (its whole word when a proclitic is unsure),
/// if it is an Arabic or Latin word of at least 3 letters, and its form
/// with the unsure proclitic stripped (`ورامسفيلد` counts for `رامسفيلد`)
/// if that has 3 letters. Equal strings have equal hashes, so these key
/// the counts as the strings would, without hashing them again.
fn doc_keys(t: &Token) -> [Option<u64>; 2] {
    let (s, h) = if t.clitic.maybe > 0 {
        (t.norm.as_str(), t.hash[0])
    } else {
        (t.stem(), t.hash[1])
    };
    let own = (t.shape != Shape::Punct && t.shape != Shape::Digit && has_chars(s, 3)).then_some(h);
    let maybe = (t.clitic.maybe > 0 && has_chars(t.maybe_stem(), 3)).then_some(t.hash[2]);
    [own, maybe]
}

/// Document bits from pass-1 labels: for every token, which (type, B/I)
/// labels the same stem received elsewhere in the document.
pub(crate) fn doc_bits(doc: &[(&[Token], &[u8])], sides: &mut [Vec<Side>]) {
    let mut counts: FastMap<u64, [u16; NB]> = FastMap::default();
    let mut keys = Vec::new();
    for (toks, labels) in doc {
        for (t, &l) in toks.iter().zip(labels.iter()) {
            let k = doc_keys(t);
            for h in k.into_iter().flatten() {
                counts.entry(h).or_insert([0; NB])[l as usize] += 1;
            }
            keys.push(k);
        }
    }
    let mut keys = keys.into_iter();
    for ((toks, labels), side) in doc.iter().zip(sides.iter_mut()) {
        for ((_, &l), s) in toks.iter().zip(labels.iter()).zip(side.iter_mut()) {
            s.doc = 0;
            for h in keys.next().into_iter().flatten().flatten() {
                let Some(c) = counts.get(&h) else { continue };
                let mut c = *c;
                c[l as usize] = c[l as usize].saturating_sub(1);
                for (lab, &n) in c.iter().enumerate().skip(1) {
                    if n > 0 {
                        s.doc |= 1 << lab;
                        // Which type dominates among the other mentions.
                        if n as usize * 2 > c.iter().sum::<u16>() as usize {
                            s.doc |= 1 << (10 + ty(lab as u8));
                        }
                    }
                }
            }
        }
    }
}

/// Decode one sentence with `model`.
pub(crate) fn decode(
    model: &Model,
    toks: &[Token],
    side: &[Side],
    buf: &mut Vec<u64>,
    emis: &mut Vec<[f32; L]>,
) -> Vec<u8> {
    emis.clear();
    for i in 0..toks.len() {
        extract(toks, side, i, model.groups(), buf);
        let mut e = [0f32; L];
        model.emit(buf, &mut e);
        emis.push(e);
    }
    model.viterbi(emis)
}

/// Tag a document (a list of sentences) with pass 1 and, when given, pass
/// 2 (then rule `propagate` when `propagate`).
pub(crate) fn tag_doc(
    p1: &Model,
    p2: Option<&Model>,
    gaz: &Gazetteer,
    sents: &[Vec<Token>],
    propagate: bool,
) -> Vec<Vec<u8>> {
    let mut propagated = Vec::new();
    tag_doc_scored(
        p1,
        p2,
        gaz,
        sents,
        None,
        propagate.then_some(&mut propagated),
    )
    .into_iter()
    .map(|(l, _)| l)
    .collect()
}

/// Like [`tag_doc`], and also the emission scores of the last pass (for
/// entity scores). With `propagated`, rule `propagate` runs after pass 2
/// and pushes the (sentence, token) of each token it labels, in order.
pub(crate) fn tag_doc_scored(
    p1: &Model,
    p2: Option<&Model>,
    gaz: &Gazetteer,
    sents: &[Vec<Token>],
    joint: Option<&crate::weights::JointTable>,
    propagated: Option<&mut Vec<(usize, usize)>>,
) -> Vec<(Vec<u8>, Vec<[f32; NB]>)> {
    let want = Groups(p1.groups | p2.map_or(0, |m| m.groups));
    let mut sides: Vec<Vec<Side>> = sents
        .iter()
        .map(|s| side_info(s, gaz, &p1.lex, want))
        .collect();
    let mut buf = Vec::with_capacity(64);
    let mut ring: [Vec<u64>; 3] = std::array::from_fn(|_| Vec::with_capacity(64));
    let mut emis = Vec::new();
    // Pass 2 uses pass 1's features plus the document group: extract once.
    let reuse = p2.is_some_and(|m| m.groups & !crate::features::Groups::DOC == p1.groups);
    let mut cache: Vec<(Vec<u64>, Vec<u32>)> = Vec::new();
    let mut first = Vec::with_capacity(sents.len());
    let mut partials: Vec<[f32; L]> = Vec::new();
    for (s, sd) in sents.iter().zip(&sides) {
        emis.clear();
        let mut flat = Vec::new();
        let mut ends = Vec::with_capacity(s.len());
        if let (true, Some(j), Some(_)) = (reuse, joint, p2) {
            // One lookup per feature for both passes, software-pipelined:
            // while token i is summed, the rows of token i + 1 and the
            // index slots of token i + 2 are prefetched, so that their
            // cache misses overlap (the tables are larger than the caches).
            let n = s.len();
            for (k, f) in ring.iter_mut().enumerate().take(n.min(2)) {
                extract(s, sd, k, p1.groups(), f);
                j.prefetch(f);
            }
            for i in 0..n {
                if i + 2 < n {
                    extract(s, sd, i + 2, p1.groups(), &mut ring[(i + 2) % 3]);
                    j.prefetch(&ring[(i + 2) % 3]);
                }
                if i + 1 < n {
                    j.prefetch_rows(&ring[(i + 1) % 3]);
                }
                let (e, part) = j.emit_both(&p1.bias, &ring[i % 3]);
                emis.push(e);
                partials.push(part);
            }
        } else {
            for i in 0..s.len() {
                extract(s, sd, i, p1.groups(), &mut buf);
                let mut e = [0f32; L];
                p1.emit(&buf, &mut e);
                emis.push(e);
                if reuse {
                    flat.extend_from_slice(&buf);
                    ends.push(flat.len() as u32);
                }
            }
        }
        // Pass 1's scores are only returned when there is no pass 2.
        let scores = if p2.is_none() {
            emis.iter().map(bio_scores).collect()
        } else {
            Vec::new()
        };
        first.push((p1.viterbi(&emis), scores));
        if reuse {
            cache.push((flat, ends));
        }
    }
    let Some(p2) = p2 else { return first };
    let doc: Vec<(&[Token], &[u8])> = sents
        .iter()
        .zip(&first)
        .map(|(s, l)| (s.as_slice(), l.0.as_slice()))
        .collect();
    doc_bits(&doc, &mut sides);
    let mut out = if let (true, Some(j)) = (reuse, joint) {
        let mut k = 0;
        sents
            .iter()
            .zip(&sides)
            .map(|(s, sd)| {
                emis.clear();
                for i in 0..s.len() {
                    buf.clear();
                    crate::features::extract_doc(sd, i, p2.groups(), &mut buf);
                    let mut e = [0f32; L];
                    p2.emit_rest(j, partials[k], &buf, &mut e);
                    k += 1;
                    emis.push(e);
                }
                (p2.viterbi(&emis), emis.iter().map(bio_scores).collect())
            })
            .collect()
    } else if reuse {
        sents
            .iter()
            .zip(&sides)
            .zip(&cache)
            .map(|((s, sd), (flat, ends))| {
                emis.clear();
                let mut start = 0usize;
                for (i, &end) in ends.iter().enumerate().take(s.len()) {
                    let end = end as usize;
                    buf.clear();
                    buf.extend_from_slice(&flat[start..end]);
                    start = end;
                    crate::features::extract_doc(sd, i, p2.groups(), &mut buf);
                    let mut e = [0f32; L];
                    p2.emit(&buf, &mut e);
                    emis.push(e);
                }
                (p2.viterbi(&emis), emis.iter().map(bio_scores).collect())
            })
            .collect()
    } else {
        sents
            .iter()
            .zip(&sides)
            .map(|(s, sd)| {
                let l = decode(p2, s, sd, &mut buf, &mut emis);
                (l, emis.iter().map(bio_scores).collect())
            })
            .collect::<Vec<_>>()
    };
    if let Some(propagated) = propagated {
        propagate(p2, &p1.lex, sents, &mut out, propagated);
    }
    out
}

/// Whether the train lexicon `lex` has word `w` mostly outside names.
pub(crate) fn common_word(lex: &FastMap<u64, u16>, w: &str) -> bool {
    lex_word(lex, w).is_some_and(|b| b & 1 != 0)
}

/// Whether the train lexicon `lex` has word `w` more than once, mostly
/// outside names.
pub(crate) fn common_word_seen_twice(lex: &FastMap<u64, u16>, w: &str) -> bool {
    lex_word(lex, w).is_some_and(|b| b & 1 != 0 && b & (1 << 9) == 0)
}

/// The train lexicon's bits of word `w` (see `training::lexicon`).
fn lex_word(lex: &FastMap<u64, u16>, w: &str) -> Option<u16> {
    lex.get(&crate::model::lex_key(w)).copied()
}

/// Whether `w` is a word model `m` knows: it has a word feature, or train
/// has it mostly outside names (pruning after averaging drops the word
/// features of many such words: `آنذاك`).
pub(crate) fn known_word(m: &Model, lex: &FastMap<u64, u16>, w: &str) -> bool {
    m.table.contains(crate::features::word_feature(w)) || common_word(lex, w)
}

/// Rule `propagate` (document consistency after pass 2): a rare word (one
/// the model has no word feature for) that was tagged as a single-token
/// entity or as the last token of a PERS name somewhere in the document
/// gets that type at its other, untagged occurrences (`رامسفيلد` tagged
/// once after `وزير الدفاع الامريكي دونالد`, then bare six times). Pushes
/// the (sentence, token) of every token it labels onto `labelled`.
fn propagate(
    m: &Model,
    lex: &FastMap<u64, u16>,
    sents: &[Vec<Token>],
    out: &mut [(Vec<u8>, Vec<[f32; NB]>)],
    labelled: &mut Vec<(usize, usize)>,
) {
    let mut seen: FastMap<&str, [u16; 5]> = FastMap::default();
    // The scores of the first tagged occurrence of each (word, type), and
    // its label: a propagated mention takes that occurrence's confidence
    // (its own scores say "O": the model did not tag it).
    let mut source: FastMap<(&str, u8), ([f32; NB], u8)> = FastMap::default();
    for (s, (labels, scores)) in sents.iter().zip(out.iter()) {
        for (i, t) in s.iter().enumerate() {
            let l = labels[i];
            if l == 0 || t.shape == Shape::Punct || t.shape == Shape::Digit {
                continue;
            }
            let next_inside = labels
                .get(i + 1)
                .is_some_and(|&n| is_inside(n) && ty(n) == ty(l));
            let single = !is_inside(l) && !next_inside;
            let last_pers = ty(l) == 1 && is_inside(l) && !next_inside;
            if single || last_pers {
                seen.entry(t.bare()).or_insert([0; 5])[ty(l) as usize] += 1;
                source.entry((t.bare(), ty(l))).or_insert((scores[i], l));
            }
        }
    }
    if seen.is_empty() {
        return;
    }
    for (si, (s, (labels, scores))) in sents.iter().zip(out.iter_mut()).enumerate() {
        for i in 0..s.len() {
            if labels[i] != 0 {
                continue;
            }
            let t = &s[i];
            if t.shape != Shape::Arabic && t.shape != Shape::Latin {
                continue;
            }
            let Some(c) = seen.get(t.bare()) else {
                continue;
            };
            // Rare: not a word the model knows, with or without its
            // proclitics (`لتحرير` after a name ending in `بتحرير`:
            // `تحرير` is a common word).
            if t.bare().chars().count() < 3
                || known_word(m, lex, &t.norm)
                || known_word(m, lex, t.bare())
            {
                continue;
            }
            let prev_o = i == 0 || labels[i - 1] == 0;
            let next_o = labels.get(i + 1).is_none_or(|&n| !is_inside(n));
            if !(prev_o && next_o) {
                continue;
            }
            let (best, n) = c
                .iter()
                .enumerate()
                .skip(1)
                .max_by_key(|(_, n)| **n)
                .map_or((0, 0), |(k, n)| (k, *n));
            if n > 0 {
                let l = (best * 2 - 1) as u8;
                labels[i] = l;
                labelled.push((si, i));
                if let Some(&(mut row, from)) = source.get(&(t.bare(), best as u8)) {
                    row.swap(usize::from(from), usize::from(l));
                    scores[i] = row;
                }
            }
        }
    }
}
