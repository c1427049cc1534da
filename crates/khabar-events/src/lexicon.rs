//! Word lists matched on the tagger's normalized words, through their
//! proclitics (`و ف ب ل ك`, `لل` for `ل` + `ال`, and the future `س`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use khabar_normalize::{normalize, Profile};

/// One reading of a normalized word: the word without some proclitics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Form<'w> {
    /// The form (`الرييس` for `للرييس`).
    pub text: Cow<'w, str>,
    /// Proclitic letters stripped.
    pub strip: u8,
    /// The future prefix `س` was stripped (`سيلتقي` → `يلتقي`).
    pub future: bool,
    /// [`key`] of `text`, computed once: the word lists look forms up by it.
    pub key: u64,
}

fn is_conj(c: char) -> bool {
    matches!(c, 'و' | 'ف')
}

fn is_prep(c: char) -> bool {
    matches!(c, 'ب' | 'ل' | 'ك')
}

fn form(text: Cow<'_, str>, strip: u8, future: bool) -> Form<'_> {
    Form {
        key: key(&text),
        text,
        strip,
        future,
    }
}

/// The 64-bit key of a word in the word lists. Two different words of the
/// lists and texts sharing a key would take one for the other; with 64-bit
/// keys and a few thousand listed words that chance is about 1 in 10^15
/// per text word.
pub(crate) fn key(word: &str) -> u64 {
    let mut h = WordHasher::default();
    h.write(word.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

/// The readings of a normalized word, the word itself first.
#[cfg(test)]
pub(crate) fn forms(norm: &str) -> Vec<Form<'_>> {
    let mut out = Vec::new();
    push_forms(norm, &mut out);
    out
}

/// Append the readings of a normalized word to `out`, the word itself
/// first (one buffer for a whole text: no allocation per word).
pub(crate) fn push_forms<'w>(norm: &'w str, out: &mut Vec<Form<'w>>) {
    let long = |s: &str| s.chars().nth(1).is_some();
    out.push(form(Cow::Borrowed(norm), 0, false));
    let mut rest = norm;
    let mut strip = 0u8;
    if let Some(after) = rest.strip_prefix(is_conj).filter(|a| long(a)) {
        out.push(form(Cow::Borrowed(after), 1, false));
        rest = after;
        strip = 1;
    }
    let mut cs = rest.chars();
    if let Some(c) = cs.next() {
        let after = cs.as_str();
        if is_prep(c) && long(after) {
            if c == 'ل' && after.starts_with('ل') && long(&after[2..]) {
                // `للرييس` = `ل` + `الرييس`.
                out.push(form(Cow::Owned(format!("ا{after}")), strip + 1, false));
            }
            out.push(form(Cow::Borrowed(after), strip + 1, false));
        } else if c == 'س' && after.starts_with(['ي', 'ت', 'ن', 'ا']) && long(after) {
            out.push(form(Cow::Borrowed(after), strip + 1, true));
        }
    }
}

/// A multiply-rotate hash that makes the [`key`] of a word: the word lists
/// are probed for every reading of every word, so each reading is hashed
/// once and the lists hold keys. (std's SipHash over the strings, resistant
/// to chosen keys, which these fixed lists do not need, took a third of the
/// extractor's time.)
#[derive(Default)]
pub(crate) struct WordHasher(u64);

const SEED: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(SEED);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(SEED);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Keys are hashes already: the map uses them as they are.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, k: u64) {
        self.0 = k;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Fast = BuildHasherDefault<KeyHasher>;

/// The search-normalized words of a phrase.
pub(crate) fn norm_words(phrase: &str) -> Vec<String> {
    normalize(phrase, Profile::Search)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// A set of single words, normalized.
pub(crate) struct WordSet(HashSet<u64, Fast>);

impl WordSet {
    pub(crate) fn new(words: &[&str]) -> WordSet {
        WordSet(
            words
                .iter()
                .flat_map(|w| norm_words(w))
                .map(|w| key(&w))
                .collect(),
        )
    }

    /// Whether one of the forms is in the set.
    pub(crate) fn any(&self, forms: &[Form<'_>]) -> bool {
        forms.iter().any(|f| self.0.contains(&f.key))
    }
}

/// Phrases of one or more words, each with a value.
pub(crate) struct Lexicon<T> {
    map: HashMap<u64, Vec<(Vec<u64>, T)>, Fast>,
}

/// A match of a [`Lexicon`] at a word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit<T> {
    /// Words matched.
    pub len: usize,
    pub value: T,
    /// The first word's future prefix was stripped.
    pub future: bool,
    /// Proclitic letters stripped from the first word.
    pub strip: u8,
}

impl<T: Copy> Lexicon<T> {
    pub(crate) fn new(entries: impl IntoIterator<Item = (String, T)>) -> Lexicon<T> {
        let mut map: HashMap<u64, Vec<(Vec<u64>, T)>, Fast> = HashMap::default();
        for (phrase, value) in entries {
            let mut ws = norm_words(&phrase).into_iter().map(|w| key(&w));
            let Some(first) = ws.next() else { continue };
            map.entry(first).or_default().push((ws.collect(), value));
        }
        for v in map.values_mut() {
            v.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        Lexicon { map }
    }

    /// The longest phrase that starts at `at`, the word's own form first.
    /// `forms_of(j)` gives the readings of word `j` (up to `end`).
    pub(crate) fn longest<'f>(
        &self,
        at: usize,
        end: usize,
        forms_of: impl Fn(usize) -> &'f [Form<'f>],
    ) -> Option<Hit<T>> {
        let mut best: Option<Hit<T>> = None;
        for f in forms_of(at) {
            let Some(entries) = self.map.get(&f.key) else {
                continue;
            };
            for (rest, value) in entries {
                if at + 1 + rest.len() > end {
                    continue;
                }
                let ok = rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| forms_of(at + 1 + k).iter().any(|g| g.key == *w));
                if ok && best.is_none_or(|b| b.len < 1 + rest.len()) {
                    best = Some(Hit {
                        len: 1 + rest.len(),
                        value: *value,
                        future: f.future,
                        strip: f.strip,
                    });
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(w: &str) -> Vec<String> {
        forms(w).into_iter().map(|f| f.text.into_owned()).collect()
    }

    #[test]
    fn proclitics() {
        assert_eq!(texts("والتقي"), ["والتقي", "التقي"]);
        assert_eq!(texts("للرييس"), ["للرييس", "الرييس", "لرييس"]);
        assert_eq!(texts("وسيزور"), ["وسيزور", "سيزور", "يزور"]);
        assert!(forms("سيلتقي")[1].future);
        assert_eq!(texts("وبالعراق"), ["وبالعراق", "بالعراق", "العراق"]);
    }
}
