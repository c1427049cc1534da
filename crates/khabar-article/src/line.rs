//! One line of the input and the features its role is decided from: words,
//! letters by script, sentence end, and its search fold for phrase matching.

use std::borrow::Cow;

use khabar_normalize::chars::{
    arabic_block_class, fold_line, is_digit, is_letter_or_mark, WordClass,
};
use khabar_normalize::Span;

/// A non-empty line of the input, trimmed, and its features.
pub(crate) struct Line<'a> {
    /// Line number, 1-based.
    pub(crate) no: usize,
    /// Byte span of `text` in the raw input.
    pub(crate) span: Span,
    /// The line, trimmed.
    pub(crate) text: &'a str,
    /// Words (runs of non-whitespace), estimated from a sample on a long
    /// line.
    pub(crate) words: usize,
    /// Letters of any script, and digits.
    pub(crate) letters: usize,
    /// Latin letters.
    pub(crate) latin: usize,
    /// Letters only Persian uses (`ی ک پ چ ژ گ`) and letters only Arabic uses
    /// (`ي ك ة ى`): the balance tells a Persian line from an Arabic one even
    /// when both are in Arabic script.
    pub(crate) persian: usize,
    /// See `persian`.
    pub(crate) arabic_only: usize,
    /// Ends like a sentence (`.`, `؟`, `!`, `…`), ignoring closing quotes.
    pub(crate) sentence_end: bool,
}

/// Lines up to this many bytes are folded for phrase matching; longer ones
/// are text.
pub(crate) const SHORT: usize = 240;

/// Bytes of a line its features are counted on.
const SAMPLE: usize = 384;

/// The char boundary at or before `i`.
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl<'a> Line<'a> {
    /// Line `no` at `span`, trimmed to `text`.
    pub(crate) fn new(no: usize, span: Span, text: &'a str) -> Self {
        // The features only feed thresholds (a title has at most 40 words)
        // and ratios (script of the letters), so a long paragraph is read
        // through its first 384 bytes (about 60 words): the cost per line stays
        // constant.
        let sample = &text[..floor_char_boundary(text, SAMPLE)];
        let mut c = Counts::of(sample);
        if sample.len() < text.len() && !sample.is_empty() {
            // Extrapolate the word count of a long line from its sample, so
            // a 60-word paragraph is never taken for a 40-word title.
            c.words = c.words * text.len() / sample.len();
        }
        let trimmed = text.trim_end_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | '”' | '“' | '»' | '«' | ')' | '’' | ' ' | '\u{200f}'
            )
        });
        let sentence_end = trimmed.ends_with(['.', '؟', '?', '!', '…', '。']);
        Self {
            no,
            span,
            text,
            words: c.words,
            letters: c.letters,
            latin: c.latin,
            persian: c.persian,
            arabic_only: c.arabic_only,
            sentence_end,
        }
    }

    /// Mostly Persian-only letters.
    pub(crate) fn is_persian(&self) -> bool {
        self.persian > 0 && self.persian * 2 > self.persian + self.arabic_only
    }

    /// Mostly Latin letters.
    pub(crate) fn is_latin(&self) -> bool {
        self.letters > 0 && self.latin * 10 >= self.letters * 8
    }

    /// Search-normalized text of a short line, for phrase matching.
    pub(crate) fn folded(&self) -> Option<Cow<'a, str>> {
        (self.text.len() <= SHORT).then(|| Cow::Owned(fold_line(self.text)))
    }
}

/// Words and letters by script of a sample of a line.
struct Counts {
    words: usize,
    letters: usize,
    latin: usize,
    persian: usize,
    arabic_only: usize,
}

impl Counts {
    fn of(sample: &str) -> Self {
        let mut letters = 0;
        let mut latin = 0;
        let mut persian = 0;
        let mut arabic_only = 0;
        let mut words = 0;
        let mut in_word = false;
        let bytes = sample.as_bytes();
        let mut i = 0;
        // Bytes, not chars: ASCII and the two-byte Arabic block are decided
        // without decoding (this loop sees every byte of the article).
        while i < bytes.len() {
            let b = bytes[i];
            // Arabic block: two bytes, a table lookup, never whitespace.
            if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
                let cp = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
                i += 2;
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                match arabic_script(cp) {
                    Script::Persian => {
                        letters += 1;
                        persian += 1;
                    }
                    Script::ArabicOnly => {
                        letters += 1;
                        arabic_only += 1;
                    }
                    Script::Letter => letters += 1,
                    Script::Other => {}
                }
                continue;
            }
            if b < 0x80 {
                i += 1;
                if matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C) {
                    in_word = false;
                    continue;
                }
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    latin += 1;
                } else if b.is_ascii_digit() {
                    letters += 1;
                }
                continue;
            }
            let c = sample
                .get(i..)
                .and_then(|r| r.chars().next())
                .unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            if !in_word {
                words += 1;
                in_word = true;
            }
            if is_letter_or_mark(c) || is_digit(c) {
                letters += 1;
            }
        }
        Self {
            words,
            letters,
            latin,
            persian,
            arabic_only,
        }
    }
}

/// The non-empty lines of `raw`, trimmed, with their features.
pub(crate) fn split_lines(raw: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (no, piece) in raw.split('\n').enumerate() {
        let end = start + piece.len();
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            out.push(Line::new(no + 1, Span::new(s, s + trimmed.len()), trimmed));
        }
        start = end + 1;
    }
    out
}

/// A line that is only a URL.
pub(crate) fn is_url(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
        && !s.contains(char::is_whitespace)
}

/// Short and unpunctuated, as a section heading.
pub(crate) fn is_heading_shape(line: &Line<'_>) -> bool {
    line.words <= 8
        && !line.sentence_end
        && !line.text.ends_with([':', '،', ',', '؛', ';'])
        && !line.text.contains(['.', '،', ':'])
}

/// Whether a line is short and title-like (an item of a related block).
pub(crate) fn is_title_shape(line: &Line<'_>) -> bool {
    line.words <= 20 && !line.text.ends_with('.') && !line.text.ends_with(':')
}

/// What a line counts of an Arabic-block letter: letters only Persian uses
/// (`ی ک پ چ ژ گ ۀ`), letters only Arabic uses (`ي ك ة ى`), other letters
/// and digits, and the rest.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Persian,
    ArabicOnly,
    Letter,
    Other,
}

/// The [`Script`] of the Arabic-block code point `cp`.
#[inline]
fn arabic_script(cp: u32) -> Script {
    match cp {
        0x6CC | 0x6A9 | 0x67E | 0x686 | 0x698 | 0x6AF | 0x6C0 => Script::Persian,
        0x64A | 0x643 | 0x629 | 0x649 => Script::ArabicOnly,
        _ => match arabic_block_class(cp) {
            WordClass::OTHER => Script::Other,
            _ => Script::Letter,
        },
    }
}
