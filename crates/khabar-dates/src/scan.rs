//! The raw scanner: runs of letters and runs of digits of the original
//! text, each word with the hash of its light fold, read without decoding
//! the Arabic block through `str::chars`.

use khabar_normalize::chars::{arabic_block_class, ascii_class, word_class_at, WordClass};

use crate::hash::{FNV_PRIME, FNV_SEED};

/// Raw tokens of the original text: runs of letters, runs of digits.
pub(crate) struct RawScan<'t> {
    pub(crate) text: &'t str,
    pub(crate) pos: usize,
}

/// A raw token: byte range, digit run or letter run, and for letters the
/// hash and length of the folded word.
#[derive(Clone, Copy)]
pub(crate) struct RawTok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) digit: bool,
    pub(crate) hash: u64,
    pub(crate) letters: usize,
    /// For a word that starts with the conjunction `و`, the hash of the rest
    /// (`وفبراير` → `فبراير`), so the proclitic does not hide a trigger.
    pub(crate) after_waw: Option<u64>,
}

impl RawScan<'_> {
    /// Next token: (start, end, is_digit_run).
    pub(crate) fn next_token(&mut self) -> Option<(usize, usize, bool)> {
        self.next_tok().map(|t| (t.start, t.end, t.digit))
    }

    pub(crate) fn next_tok(&mut self) -> Option<RawTok> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        // Skip to the first letter or digit.
        let (start, digit) = loop {
            let (class, len) = word_class_at(self.text, i)?;
            match class {
                WordClass::OTHER => i += len,
                WordClass::DIGIT => break (i, true),
                _ => break (i, false),
            }
        };
        let mut hash = FNV_SEED;
        let mut rest = FNV_SEED;
        let mut waw = false;
        let mut letters = 0usize;
        let mut end = start;
        let len = bytes.len();
        while end < len {
            let b = bytes[end];
            // The two-byte Arabic block inline: `cp - 0x600` is the low two
            // bits of the lead byte and the six of the second.
            let (class, step) = if (0xD8..=0xDB).contains(&b) && end + 1 < len {
                let low = ((u32::from(b) & 0x03) << 6) | (u32::from(bytes[end + 1]) & 0x3F);
                (arabic_block_class(0x600 | low), 2)
            } else if b < 0x80 {
                (ascii_class(b), 1)
            } else {
                match word_class_at(self.text, end) {
                    Some(x) => x,
                    None => break,
                }
            };
            match (digit, class) {
                (true, WordClass::DIGIT) | (false, WordClass::MARK) => {}
                (false, class) if class.code() > 2 => {
                    // The folded code point itself feeds the hash.
                    let f = class.code();
                    hash = (hash ^ u64::from(f)).wrapping_mul(FNV_PRIME);
                    if letters == 0 {
                        waw = f == u32::from('و');
                    } else if waw {
                        rest = (rest ^ u64::from(f)).wrapping_mul(FNV_PRIME);
                    }
                    letters += 1;
                }
                _ => break,
            }
            end += step;
        }
        self.pos = end;
        Some(RawTok {
            start,
            end,
            digit,
            hash,
            letters,
            after_waw: (waw && letters > 2).then_some(rest),
        })
    }
}
