//! Entity-replacement augmentation of the training sentences (issue 17):
//! copies of sentences whose person (and, by switch, place and
//! organization) names are replaced by names drawn from the name tables of
//! `names.rs`, with their labels, so that the weights learn the context and
//! the list bits of a name rather than the identities of train's names
//! (only about a fifth of the persons of ANERcorp test are in train).
//!
//! A copy keeps the proclitics of the replaced name's first token in the
//! corpus's shape (`وبلير` → `و` + the new name, `للامم` → `ل` + a name
//! with the article elided), replaces a name the same way everywhere in its
//! pseudo-document (and a person's bare last word as its full name's), and
//! stays in the pseudo-document of its sentence, so the jackknives of the
//! lexicon and of the document features split a sentence and its copies
//! alike. The lexicon itself is made from the original sentences only
//! (`learn::lexicon`). Deterministic: the draws follow the seed.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::labels::ty;
use crate::names::{bits, phrase, Names};
use crate::token::{token_from_norm, Shape, Token};

/// The augmentation switches of [`crate::learn::Config`] (off by default).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Augment {
    /// Copies per training sentence that has a name of a chosen type: 0 is
    /// off, 0.5 copies half of them, 1.5 all once and half twice.
    pub rate: f32,
    /// The types replaced: bit `t - 1` for type `t` (1 = PERS, 2 = LOC,
    /// 3 = ORG): [`Augment::PERS`], [`Augment::LOC`], [`Augment::ORG`].
    pub types: u8,
    /// The share of replaced mentions whose name-list bits are cleared, as
    /// if the new name were not listed (most unseen names are not).
    pub hide: f32,
    /// The share of replaced persons of two words or more made of a listed
    /// given name and a listed surname rather than a listed full name.
    pub compose: f32,
    /// Copies make pseudo-documents of their own (one per copy round, in
    /// the jackknife part of their original document) rather than join
    /// their sentence's document, whose document bits they would skew (the
    /// unreplaced words of a sentence seen twice).
    pub own_doc: bool,
    /// Draw the new names from the names of the training sentences (of the
    /// same type, any pseudo-document) rather than from the name tables:
    /// the list bits of the new names are then as often on as on train's.
    pub from_train: bool,
}

// The type bits are set by the research harness (`--augment SPEC`).
#[cfg_attr(not(feature = "research"), allow(dead_code))]
impl Augment {
    /// Persons are replaced.
    pub const PERS: u8 = 1;
    /// Places are replaced.
    pub const LOC: u8 = 2;
    /// Organizations are replaced.
    pub const ORG: u8 = 4;

    /// Whether any copy is made.
    pub fn on(&self) -> bool {
        self.rate > 0.0 && self.types != 0
    }

    /// Whether entity type `t` (1 = PERS, 2 = LOC, 3 = ORG) is replaced.
    fn replaces(&self, t: u8) -> bool {
        (1..=3).contains(&t) && self.types & (1 << (t - 1)) != 0
    }

    #[cfg(feature = "research")]
    /// Parse a switch list such as `pers,loc,rate=0.5,hide=0.3`: the types
    /// (`pers`, `loc`, `org`), `rate=` (1 when not given), `hide=` and
    /// `compose=` (0.5 when not given). An empty list is off.
    pub fn from_spec(spec: &str) -> Result<Augment, String> {
        let mut a = Augment {
            rate: 1.0,
            compose: 0.5,
            ..Augment::default()
        };
        let mut any = false;
        for part in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            any = true;
            let num = |v: &str| v.parse::<f32>().map_err(|e| format!("{part}: {e}"));
            match part.split_once('=') {
                None if part == "pers" => a.types |= Self::PERS,
                None if part == "loc" => a.types |= Self::LOC,
                None if part == "org" => a.types |= Self::ORG,
                None if part == "own" => a.own_doc = true,
                None if part == "train" => a.from_train = true,
                Some(("rate", v)) => a.rate = num(v)?,
                Some(("hide", v)) => a.hide = num(v)?,
                Some(("compose", v)) => a.compose = num(v)?,
                _ => {
                    return Err(format!(
                        "{part}: not pers, loc, org, own, train, rate=, hide= or compose="
                    ))
                }
            }
        }
        if !any {
            a.rate = 0.0;
        }
        Ok(a)
    }
}

/// The names drawn from, by type: single words and phrases.
struct Pools {
    given: Vec<String>,
    surname: Vec<String>,
    person_word: Vec<String>,
    full: Vec<Vec<String>>,
    place_word: Vec<String>,
    place: Vec<Vec<String>>,
    org_word: Vec<String>,
    org: Vec<Vec<String>>,
}

static POOLS: LazyLock<Pools> = LazyLock::new(|| {
    let n = Names::global();
    let other = bits::PLACE | bits::ORG;
    let only = |want: u32| move |b: u32| b & want != 0 && b & other == 0;
    Pools {
        given: n.words_where(only(bits::GIVEN)),
        surname: n.words_where(only(bits::SURNAME)),
        person_word: n.words_where(only(bits::GIVEN | bits::SURNAME | bits::FOREIGN)),
        full: n.phrases_where(|k| k & phrase::FULL != 0),
        place_word: n.words_where(|b| b & bits::PLACE != 0 && b & bits::PERSON == 0),
        place: n.phrases_where(|k| k & phrase::PLACE != 0 && k & phrase::FULL == 0),
        org_word: n.words_where(|b| b & bits::ORG != 0 && b & bits::PERSON == 0),
        org: n.phrases_where(|k| k & phrase::ORG != 0 && k & phrase::FULL == 0),
    }
});

/// What the copies know of the training sentences: how often each word
/// occurs in a name, and the names by type (without the proclitics of
/// their first word, each once, in order).
#[derive(Default)]
pub(crate) struct Known {
    counts: HashMap<String, usize>,
    names: [Vec<Vec<String>>; 4],
}

impl Known {
    /// From the sentences `sents` with BIO labels `gold`.
    pub fn new<'a>(sents: impl Iterator<Item = (&'a [Token], &'a [u8])> + Clone) -> Known {
        let mut k = Known::default();
        for (toks, gold) in sents.clone() {
            for (t, &l) in toks.iter().zip(gold) {
                if l != 0 {
                    *k.counts.entry(t.norm.clone()).or_default() += 1;
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (toks, gold) in sents {
            for (a, b, t) in spans(gold) {
                if !(1..=3).contains(&t) || toks[a..b].iter().any(|x| x.shape != Shape::Arabic) {
                    continue;
                }
                let (_, first) = split_proclitic(&toks[a], &k.counts);
                let mut name = vec![first];
                name.extend(toks[a + 1..b].iter().map(|x| x.norm.clone()));
                if seen.insert((t, name.clone())) {
                    k.names[usize::from(t)].push(name);
                }
            }
        }
        k
    }
}

/// A small deterministic generator (splitmix64).
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        if v.is_empty() {
            return None;
        }
        v.get((self.next() % v.len() as u64) as usize)
    }
}

/// A new sentence: tokens, BIO labels, and the tokens whose name-list bits
/// are to be cleared.
pub(crate) struct Copy {
    pub toks: Vec<Token>,
    pub gold: Vec<u8>,
    pub hidden: Vec<bool>,
}

/// The proclitic letters of an entity's first token that are not part of
/// the name, and the name without them: sure proclitics (`وب` of
/// `وبالعراق`, `ل` of `للامم`, whose article's alef is elided), or one or
/// two unsure ones when the rest is more often a word of train's names
/// than the whole (`و` of `وبلير`; `وليد` keeps its `و`).
fn split_proclitic(t: &Token, known: &HashMap<String, usize>) -> (String, String) {
    let norm = t.norm.as_str();
    let sure = usize::from(t.clitic.sure) * 2;
    if sure > 0 {
        if t.elided_article() {
            let p = &norm[..sure - 2];
            return (p.to_owned(), format!("ا{}", &norm[sure - 2..]));
        }
        return (norm[..sure].to_owned(), norm[sure..].to_owned());
    }
    let count = |w: &str| known.get(w).copied().unwrap_or(0);
    let whole = count(norm);
    for (k, form) in t.maybe_forms().collect::<Vec<_>>().into_iter().rev() {
        if count(form) > whole {
            return (norm[..2 * k].to_owned(), form.to_owned());
        }
    }
    (String::new(), norm.to_owned())
}

/// `prefix` + `word`, the article's alef elided after `ل` (`ل` + `الامم`
/// → `للامم`).
fn attach(prefix: &str, word: &str) -> String {
    if prefix.ends_with('ل') && word.starts_with("ال") {
        format!("{prefix}{}", &word["ا".len()..])
    } else {
        format!("{prefix}{word}")
    }
}

/// A new name of type `t` for a mention of `len` tokens.
fn draw(t: u8, len: usize, compose: f32, rng: &mut Rng) -> Option<Vec<String>> {
    let p = &*POOLS;
    let one = |v: &[String], rng: &mut Rng| rng.pick(v).map(|w| vec![w.clone()]);
    match (t, len) {
        (1, 1) => one(&p.person_word, rng),
        (1, _) if rng.unit() < compose => {
            let g = rng.pick(&p.given)?.clone();
            let s = rng.pick(&p.surname)?.clone();
            Some(vec![g, s])
        }
        (1, _) => rng.pick(&p.full).cloned(),
        (2, 1) => one(&p.place_word, rng),
        (2, _) => rng.pick(&p.place).cloned(),
        (3, 1) => one(&p.org_word, rng),
        (3, _) => rng.pick(&p.org).cloned(),
        _ => None,
    }
}

/// The entity spans of BIO labels: (start, end, type).
fn spans(gold: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < gold.len() {
        let t = ty(gold[i]);
        if t == 0 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < gold.len() && gold[j] == gold[i] + u8::from(gold[i] % 2 == 1) {
            j += 1;
        }
        out.push((i, j, t));
        i = j;
    }
    out
}

/// Copies of the sentences of one pseudo-document (`sents`, `gold`), for
/// copy round `round`, the document's names mapped to new ones as in
/// `map` (filled as names are met). `known`: the words of train's names
/// and how often they occur in one.
pub(crate) fn copy_doc(
    sents: &[&[Token]],
    gold: &[&[u8]],
    aug: &Augment,
    known: &Known,
    rng: &mut Rng,
    round: usize,
) -> Vec<(usize, Copy)> {
    let share = (aug.rate - round as f32).clamp(0.0, 1.0);
    let mut map: HashMap<(u8, String), Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for (s, (toks, gold)) in sents.iter().zip(gold).enumerate() {
        let ents: Vec<_> = spans(gold)
            .into_iter()
            .filter(|&(a, b, t)| {
                aug.replaces(t) && toks[a..b].iter().all(|x| x.shape == Shape::Arabic)
            })
            .collect();
        if ents.is_empty() || rng.unit() >= share {
            continue;
        }
        let mut copy = Copy {
            toks: Vec::new(),
            gold: Vec::new(),
            hidden: Vec::new(),
        };
        let mut at = 0;
        for (a, b, t) in ents {
            for k in at..a {
                copy.toks.push(toks[k].clone());
                copy.gold.push(gold[k]);
                copy.hidden.push(false);
            }
            at = b;
            let (prefix, first) = split_proclitic(&toks[a], &known.counts);
            let rest = toks[a + 1..b].iter().map(|x| x.norm.as_str());
            let key = (
                t,
                std::iter::once(first.as_str())
                    .chain(rest)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let new = match map.get(&key) {
                Some(v) => Some(v.clone()),
                None => if aug.from_train {
                    rng.pick(&known.names[usize::from(t)]).cloned()
                } else {
                    draw(t, b - a, aug.compose, rng)
                }
                .inspect(|v| {
                    if t == 1 && b - a > 1 {
                        // A later bare mention of the last word is the
                        // same person.
                        let last = toks[b - 1].norm.clone();
                        let new_last = v.last().cloned().unwrap_or_default();
                        map.entry((t, last)).or_insert_with(|| vec![new_last]);
                    }
                    map.insert(key, v.clone());
                }),
            };
            let Some(new) = new else {
                for k in a..b {
                    copy.toks.push(toks[k].clone());
                    copy.gold.push(gold[k]);
                    copy.hidden.push(false);
                }
                continue;
            };
            let hide = rng.unit() < aug.hide;
            let b_label = 2 * t - 1;
            for (j, w) in new.iter().enumerate() {
                let norm = if j == 0 {
                    attach(&prefix, w)
                } else {
                    w.clone()
                };
                copy.toks
                    .push(token_from_norm(khabar_normalize::Span::new(0, 0), norm));
                copy.gold.push(if j == 0 { b_label } else { b_label + 1 });
                copy.hidden.push(hide);
            }
        }
        for k in at..toks.len() {
            copy.toks.push(toks[k].clone());
            copy.gold.push(gold[k]);
            copy.hidden.push(false);
        }
        out.push((s, copy));
    }
    out
}

/// The seeded generator of pseudo-document `d`.
pub(crate) fn rng_for(seed: u64, d: usize) -> Rng {
    let mut r = Rng(seed ^ (d as u64).wrapping_mul(0xd605_bbb5_8c8a_bc67));
    r.next();
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_normalize::{normalize, Profile, Span};

    fn sentence(words: &[(&str, u8)]) -> (Vec<Token>, Vec<u8>) {
        words
            .iter()
            .map(|&(w, l)| {
                let norm = normalize(w, Profile::Search).into_owned();
                (token_from_norm(Span::new(0, 0), norm), l)
            })
            .unzip()
    }

    fn words(toks: &[Token]) -> Vec<&str> {
        toks.iter().map(|t| t.norm.as_str()).collect()
    }

    fn counts(words: &[&str]) -> HashMap<String, usize> {
        words.iter().map(|w| ((*w).to_owned(), 2)).collect()
    }

    #[test]
    fn proclitics_stay_outside_the_name() {
        let t = |w: &str| token_from_norm(Span::new(0, 0), w.to_owned());
        let known = counts(&["بلير"]);
        let split = |w: &str| split_proclitic(&t(w), &known);
        assert_eq!(split("وبلير"), ("و".into(), "بلير".into()));
        assert_eq!(split("وليد"), (String::new(), "وليد".into()));
        assert_eq!(split("بالعراق"), ("ب".into(), "العراق".into()));
        assert_eq!(split("للامم"), ("ل".into(), "الامم".into()));
        assert_eq!(attach("ل", "الامم"), "للامم");
        assert_eq!(attach("وب", "بيرخم"), "وببيرخم");
        assert_eq!(attach("", "بيرخم"), "بيرخم");
    }

    #[test]
    fn copies_replace_names_with_their_labels() {
        // وقال جون بولتون في واشنطن ... وأضاف بولتون
        let (s1, g1) = sentence(&[
            ("وقال", 0),
            ("جون", 1),
            ("بولتون", 2),
            ("في", 0),
            ("واشنطن", 3),
        ]);
        let (s2, g2) = sentence(&[("وأضاف", 0), ("وبولتون", 1), ("إن", 0)]);
        let aug = Augment {
            rate: 1.0,
            types: Augment::PERS,
            ..Augment::default()
        };
        let known = Known {
            counts: counts(&["بولتون"]),
            ..Known::default()
        };
        let copy = |seed| {
            let mut rng = rng_for(seed, 0);
            copy_doc(&[&s1, &s2], &[&g1, &g2], &aug, &known, &mut rng, 0)
        };
        let out = copy(42);
        assert_eq!(out.len(), 2);
        let (a, b) = (&out[0].1, &out[1].1);
        // The person is replaced, the place is not (LOC is off).
        assert_eq!(a.toks[0].norm, "وقال");
        assert_ne!(words(&a.toks[1..a.toks.len() - 2]), ["جون", "بولتون"]);
        assert_eq!(words(&a.toks[a.toks.len() - 2..]), ["في", "واشنطن"]);
        assert_eq!(a.gold[1], 1);
        assert!(a.gold[2..a.toks.len() - 2].iter().all(|&l| l == 2));
        assert_eq!(*a.gold.last().unwrap_or(&0), 3);
        // The bare surname later is the new name's last word, behind the
        // same proclitic.
        let last = &a.toks[a.toks.len() - 3].norm;
        assert_eq!(b.toks[1].norm, format!("و{last}"));
        assert_eq!(b.gold, [0, 1, 0]);
        // Deterministic by seed.
        let again = copy(42);
        assert_eq!(words(&again[0].1.toks), words(&a.toks));
        assert!(!a.hidden.iter().any(|&h| h));
    }

    #[test]
    fn spans_read_bio() {
        assert_eq!(
            spans(&[0, 1, 2, 0, 3, 5, 6, 6]),
            [(1, 3, 1), (4, 5, 2), (5, 8, 3)]
        );
        assert_eq!(spans(&[2, 2, 1]), [(0, 2, 1), (2, 3, 1)]);
    }

    #[cfg(feature = "research")]
    #[test]
    fn specs_parse() {
        let a = Augment::from_spec("pers,loc,rate=0.5,hide=0.25").unwrap_or_default();
        assert!(a.types == Augment::PERS | Augment::LOC && a.on());
        assert!((a.rate - 0.5).abs() < 1e-6 && (a.hide - 0.25).abs() < 1e-6);
        assert!(!Augment::from_spec("").unwrap_or_default().on());
        assert!(Augment::from_spec("misc").is_err());
    }
}
