//! Tokens over the original text, their search-normalized form, and a light
//! proclitic analysis.
//!
//! Entities are whole words minus their proclitics: in `وأذربيجان` the span
//! is `أذربيجان`, in `بالعراق` it is `العراق` (the article stays inside), and
//! in `للأمم المتحدة` it starts at `أمم` because the alef of `ال` is elided.

use khabar_normalize::chars::{
    is_arabic_or_supplement as is_arabic, is_in_word_invisible, is_token_char as is_word_char,
};
use khabar_normalize::{normalize, Profile, Span};

/// What a token looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Arabic,
    Latin,
    Digit,
    Mixed,
    Punct,
}

/// A token: a byte span of the original text and its normalized form.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// Bytes of the original text.
    pub span: Span,
    /// Search-normalized form (hamza, alef, yeh, teh marbuta folded).
    pub norm: String,
    pub shape: Shape,
    /// The clitic analysis of `norm`.
    pub clitic: Clitic,
    /// [`hash_bytes`](crate::hash::hash_bytes) of `norm`, the stem and the
    /// maybe-stem: every feature of the word or its stem starts from these.
    pub hash: [u64; 3],
}

/// A light proclitic analysis of a normalized word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Clitic {
    /// Letters of proclitics that are surely outside an entity span
    /// (`وب` in `وبالعراق`, `لل` in `للامم`).
    pub sure: u8,
    /// One more possible proclitic letter, when the word does not start
    /// with the article (`و` in `وطهران`, but `و` is part of `وليد`).
    pub maybe: u8,
    /// The word carries the article `ال` (or an elided one after `لل`).
    pub al: bool,
    /// Byte offset in `norm` of the stem (after proclitics and `ال`).
    pub stem: u16,
    /// Byte offset in `norm` of the stem when the `maybe` letters are
    /// stripped too (equals `stem` when `maybe == 0`).
    pub maybe_stem: u16,
}

impl Token {
    /// The stem: the word without sure proclitics and article.
    pub fn stem(&self) -> &str {
        self.norm.get(self.clitic.stem as usize..).unwrap_or("")
    }
    /// The stem with a possible (unsure) proclitic stripped too.
    pub fn maybe_stem(&self) -> &str {
        self.norm
            .get(self.clitic.maybe_stem as usize..)
            .unwrap_or("")
    }
    /// The forms with 1 or 2 unsure proclitic letters stripped
    /// (`ولبنان` → `لبنان`, `بنان`), shortest strip first.
    pub fn maybe_forms(&self) -> impl Iterator<Item = (usize, &str)> {
        (1..=self.clitic.maybe as usize).filter_map(move |k| self.norm.get(k * 2..).map(|s| (k, s)))
    }

    /// Whether the article is elided after `لل` (`للعراق` = `ل` + `العراق`).
    pub fn elided_article(&self) -> bool {
        let sure = self.clitic.sure as usize;
        self.clitic.al
            && sure >= 2
            && self
                .norm
                .get(..(sure * 2))
                .is_some_and(|p| p.ends_with("لل"))
    }

    /// The word without sure proclitics (article kept): `العراق` for `بالعراق`.
    pub fn bare(&self) -> &str {
        let sure = self.clitic.sure as usize;
        if self.elided_article() {
            // `للامم`: the stem is the bare form; the article is elided.
            return self.stem();
        }
        self.norm.get(sure * 2..).unwrap_or("")
    }
}

/// Arabic letters are two bytes in UTF-8; every proclitic letter is one of
/// `و ف ب ل ك`.
fn is_proclitic(c: char) -> bool {
    matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
}

/// Analyze a search-normalized word.
pub(crate) fn analyze(norm: &str) -> Clitic {
    // The first 40 letters, on the stack (this runs for every token).
    let mut buf = ['\0'; 40];
    let mut m = 0;
    for (slot, c) in buf.iter_mut().zip(norm.chars()) {
        *slot = c;
        m += 1;
    }
    let chars = &buf[..m];
    let n = norm.chars().count();
    let byte_of =
        |k: usize| -> u16 { chars.iter().take(k).map(|c| c.len_utf8()).sum::<usize>() as u16 };
    if n < 3 || !chars.iter().all(|c| ('\u{0621}'..='\u{064A}').contains(c)) {
        return Clitic::default();
    }
    // `ال` at the start: no proclitic.
    if chars[0] == 'ا' && chars[1] == 'ل' {
        return Clitic {
            sure: 0,
            maybe: 0,
            al: true,
            stem: byte_of(2),
            maybe_stem: byte_of(2),
        };
    }
    // Up to two proclitics: a conjunction (و ف) then a preposition (ب ل ك).
    let mut k = 0;
    if matches!(chars[0], 'و' | 'ف') {
        k = 1;
    }
    let conj = k;
    // P + `ال` (وال، بال، وبال، فكال…)
    for p in [conj, conj + 1] {
        if p + 2 < n
            && (p == conj || matches!(chars[conj], 'ب' | 'ل' | 'ك'))
            && chars.get(p) == Some(&'ا')
            && chars.get(p + 1) == Some(&'ل')
            && n - p - 2 >= 2
            && p > 0
        {
            return Clitic {
                sure: p as u8,
                maybe: 0,
                al: true,
                stem: byte_of(p + 2),
                maybe_stem: byte_of(p + 2),
            };
        }
    }
    // (و|ف)? `لل` + stem: the article's alef is elided after the preposition.
    if chars.get(conj) == Some(&'ل') && chars.get(conj + 1) == Some(&'ل') && n - conj - 2 >= 2 {
        let s = conj + 2;
        return Clitic {
            sure: s as u8,
            maybe: 0,
            al: true,
            stem: byte_of(s),
            maybe_stem: byte_of(s),
        };
    }
    // A bare proclitic in front of a word without article: ambiguous
    // (`وطهران` is و + طهران, `وليد` is a name).
    let mut m = 0;
    if is_proclitic(chars[0]) && n >= 4 {
        m = 1;
        if conj == 1 && matches!(chars[1], 'ب' | 'ل' | 'ك') && n >= 5 {
            m = 2;
        }
    }
    Clitic {
        sure: 0,
        maybe: m as u8,
        al: false,
        stem: 0,
        maybe_stem: byte_of(m),
    }
}

fn shape_of(norm: &str) -> Shape {
    let (mut ar, mut la, mut dg, mut other) = (false, false, false, false);
    for c in norm.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            ar = true;
        } else if c.is_ascii_digit() || c.is_numeric() {
            dg = true;
        } else if c.is_alphabetic() {
            la = true;
        } else {
            other = true;
        }
    }
    match (ar, la, dg) {
        (true, false, false) => Shape::Arabic,
        (false, true, false) => Shape::Latin,
        (false, false, true) => Shape::Digit,
        (false, false, false) if other => Shape::Punct,
        (false, false, false) => Shape::Punct,
        _ => Shape::Mixed,
    }
}

/// Build a token from an original slice.
pub(crate) fn make_token(text: &str, span: Span) -> Token {
    let raw = &text[span];
    let norm = normalize(raw, Profile::Search).into_owned();
    token_from_norm(span, norm)
}

pub(crate) fn token_from_norm(span: Span, norm: String) -> Token {
    let shape = shape_of(&norm);
    let clitic = if shape == Shape::Arabic {
        analyze(&norm)
    } else {
        Clitic::default()
    };
    let mut t = Token {
        span,
        norm,
        shape,
        clitic,
        hash: [0; 3],
    };
    t.hash =
        [t.norm.as_str(), t.stem(), t.maybe_stem()].map(|s| crate::hash::hash_bytes(s.as_bytes()));
    t
}

/// Split `text` into word and punctuation tokens. Inside a word, `.`, `,`
/// and `-` are kept between digits or Latin letters (`S-300`, `1.6`).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace()
            || is_in_word_invisible(c)
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let mut prev = c;
            while let Some(&(j, d)) = it.peek() {
                // Tatweel joining a prefix to a number or Latin word
                // (`بـ1.6`, `بـS300`) is a token boundary, not decoration.
                if (prev == '\u{0640}' && !is_arabic(d)) || (d == '\u{0640}' && !is_arabic(prev)) {
                    break;
                }
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    prev = d;
                    it.next();
                } else if is_in_word_invisible(d)
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char)
                {
                    // `القا\u{200B}هرة`: normalization deletes it, so the
                    // word is one word (`prev` stays the letter before).
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '.' | ',' | '-' | '٫' | '٬') && prev.is_ascii_alphanumeric()
                    || (matches!(d, '.' | ',' | '٫' | '٬') && prev.is_numeric())
                {
                    // keep only if followed by an ASCII alnum / digit
                    let rest = &text[j + d.len_utf8()..];
                    match rest.chars().next() {
                        Some(e)
                            if e.is_ascii_alphanumeric()
                                || (e.is_numeric() && prev.is_numeric()) =>
                        {
                            it.next();
                            end = j + d.len_utf8();
                            prev = d;
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            out.push(make_token(text, Span::new(i, end)));
        } else {
            out.push(make_token(text, Span::new(i, i + c.len_utf8())));
        }
    }
    out
}

/// Byte offset in the original token where the entity starts after
/// dropping `letters` proclitic letters (and any marks or tatweel that
/// follow them: `وَ` + `أذربيجان`). The clitic analysis reads the
/// normalized form, where `ؤ` is `و`: dropping stops at the first letter
/// that is not a proclitic in the original text, so a span never starts
/// inside a word after `ؤ`.
pub(crate) fn skip_letters(text: &str, span: Span, letters: usize) -> usize {
    if letters == 0 {
        return span.start;
    }
    let raw = &text[span];
    let mut seen = 0;
    for (i, c) in raw.char_indices() {
        let is_mark = matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}' | '\u{0610}'..='\u{061A}');
        if is_mark {
            continue;
        }
        if seen == letters || !matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ک' | 'ڪ') {
            return span.start + i;
        }
        seen += 1;
    }
    span.start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics() {
        let a = analyze("وبالعراق");
        assert_eq!((a.sure, a.al), (2, true));
        let a = analyze("للامم");
        assert_eq!((a.sure, a.al), (2, true));
        let a = analyze("الامم");
        assert_eq!((a.sure, a.al), (0, true));
        let a = analyze("وطهران");
        assert_eq!((a.sure, a.maybe), (0, 1));
    }

    #[test]
    fn tokens() {
        let t = tokenize("وصل S-300 إلى باكو، بـ1.6 مليار.");
        let v: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            v,
            ["وصل", "s-300", "الي", "باكو", ",", "ب", "1.6", "مليار", "."]
        );
    }

    #[test]
    fn skip() {
        let t = "وَأذربيجان";
        let s = skip_letters(t, Span::new(0, t.len()), 1);
        assert_eq!(&t[s..], "أذربيجان");
        // `ؤ` is `و` once normalized, but not a proclitic.
        let t = "ؤىإ";
        assert_eq!(skip_letters(t, Span::new(0, t.len()), 1), 0);
        let t = "وؤى";
        assert_eq!(&t[skip_letters(t, Span::new(0, t.len()), 2)..], "ؤى");
    }
}
