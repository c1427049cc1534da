//! Tokens of a normalized window: words, numbers, punctuation and line
//! breaks, with whether whitespace precedes each one. The grammar reads
//! these.

use khabar_normalize::chars::is_letter_or_mark;

use crate::triggers::{trigger, Trigger};

/// What a token of the normalized window is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct(char),
    Newline,
}

/// A token: a byte range of the normalized window.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) kind: Kind,
    /// Whitespace between this token and the previous one.
    pub(crate) gap: bool,
}

/// Tokenize the normalized window `text` into `out`: runs of ASCII digits,
/// runs of letters (harakat and tatweel included, so `أَكْتُوبَر` and `أكـتوبر`
/// are one word), single punctuation characters and line breaks.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let mut gap = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' {
            gap = true;
            i += 1;
            continue;
        }
        if b == b'\n' {
            out.push(Tok {
                start: i as u32,
                end: i as u32 + 1,
                kind: Kind::Newline,
                gap,
            });
            gap = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Num
        } else {
            let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                i += 1;
                continue;
            };
            if is_letter_or_mark(c) {
                i += c.len_utf8();
                while let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
                    if is_letter_or_mark(c) {
                        i += c.len_utf8();
                    } else {
                        break;
                    }
                }
                Kind::Word
            } else if c.is_whitespace() {
                gap = true;
                i += c.len_utf8();
                continue;
            } else {
                i += c.len_utf8();
                Kind::Punct(c)
            }
        };
        push_word(out, text, start, i, kind, gap);
        gap = false;
    }
}

/// Push the token `text[start..end]`. The conjunction `و` on a date word is
/// a token of its own, so that the expression (and its span) starts after
/// it: `وفبراير 2020`.
fn push_word(out: &mut Vec<Tok>, text: &str, start: usize, end: usize, kind: Kind, gap: bool) {
    let split = kind == Kind::Word
        && text[start..end]
            .strip_prefix('و')
            .is_some_and(|rest| !rest.is_empty() && trigger(rest) != Trigger::No);
    if split {
        let waw = start + 'و'.len_utf8();
        out.push(Tok {
            start: start as u32,
            end: waw as u32,
            kind,
            gap,
        });
        out.push(Tok {
            start: waw as u32,
            end: end as u32,
            kind,
            gap: false,
        });
    } else {
        out.push(Tok {
            start: start as u32,
            end: end as u32,
            kind,
            gap,
        });
    }
}
