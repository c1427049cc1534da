//! The language of a text and of a block of lines: Persian lines in an
//! Arabic article (`ی ک پ چ گ` against `ي ك ة ى`), English share bars, and
//! the language of the body.

use crate::line::Line;
use crate::phrases::{is_share, starts_with_phrase, COMMENT, READ_MORE};
use crate::types::Paragraph;

/// The script of the whole text: a Latin or Persian line is foreign only in
/// a text mostly in another script (an English article keeps its English
/// lines; an Arabic one drops the English share bar).
#[derive(Clone, Copy, Debug)]
pub(crate) struct DocScript {
    /// Mostly Latin letters.
    pub(crate) latin: bool,
    /// Not Latin, and more Persian-only letters than Arabic-only ones.
    pub(crate) persian: bool,
}

impl DocScript {
    /// The script of the text of `lines`.
    pub(crate) fn of(lines: &[Line<'_>]) -> Self {
        let (mut p, mut ar, mut latin, mut letters) = (0, 0, 0, 0);
        for l in lines {
            p += l.persian;
            ar += l.arabic_only;
            latin += l.latin;
            letters += l.letters;
        }
        let latin = letters > 0 && latin * 2 > letters;
        Self {
            latin,
            persian: !latin && p > ar,
        }
    }
}

pub(crate) fn language(lines: &[Line<'_>], paragraphs: &[Paragraph]) -> &'static str {
    let (mut p, mut ar, mut latin, mut letters) = (0, 0, 0, 0);
    let mut k = 0;
    for para in paragraphs {
        while k < lines.len() && lines[k].no < para.line {
            k += 1;
        }
        if let Some(l) = lines.get(k) {
            p += l.persian;
            ar += l.arabic_only;
            latin += l.latin;
            letters += l.letters;
        }
    }
    if letters == 0 {
        "und"
    } else if latin * 2 > letters {
        "en"
    } else if p > ar {
        "fa"
    } else {
        "ar"
    }
}

/// Whether the block after a "more news" label is in another language:
/// its lines in Arabic script use Persian letters more than Arabic ones.
pub(crate) fn block_is_foreign(lines: &[Line<'_>], from: usize, doc: DocScript) -> bool {
    let (mut p, mut ar, mut latin, mut letters) = (0, 0, 0, 0);
    for l in lines.iter().skip(from).take(12) {
        if l.words > 12 || l.sentence_end {
            break;
        }
        if let Some(f) = l.folded() {
            let f = f.trim();
            if starts_with_phrase(f, COMMENT) || is_share(f) || starts_with_phrase(f, READ_MORE) {
                break;
            }
        }
        p += l.persian;
        ar += l.arabic_only;
        latin += l.latin;
        letters += l.letters;
    }
    (p > 0 && p > ar && !doc.persian) || (letters > 0 && latin * 10 >= letters * 8 && !doc.latin)
}
