//! Character classes and the light fold: what a character is (a mark, a
//! digit, a letter of a word, Arabic script), written once for every crate
//! that reads Arabic words without running the whole normalizer.
//!
//! - Classes: [`is_arabic_mark`], [`TATWEEL`], [`is_digit`] ([`digit_value`]),
//!   [`is_letter_or_mark`], [`is_word_char`], [`is_arabic_letter`],
//!   [`is_arabic_script`].
//! - The light fold, for lexicon lookups: [`fold_char`], [`fold_word`],
//!   [`fold_line`]. It drops the marks the search profile drops (harakat,
//!   Quranic and Extended-A marks) and tatweel, and folds the letters the
//!   search profile folds (`أ إ آ ٱ` → `ا`, `ة ۀ ہ` → `ه`, `ى ی ئ ے` → `ي`,
//!   `ؤ` → `و`, `ک ڪ` → `ك`, ASCII case), one character at a time: no NFC,
//!   no context, no digits or punctuation, so it costs a table lookup per
//!   character. Words of a lexicon
//!   are written in this fold (`اكتوبر`, `الاثنين`).
//! - A scanner's view of a character in one integer: [`WordClass`],
//!   [`word_class`], [`word_class_at`], and for loops that decode UTF-8
//!   themselves [`ascii_class`] and [`arabic_block_class`].
//! - The word characters of the tagger's tokenizer: [`is_token_char`],
//!   [`is_in_word_invisible`], [`is_arabic_or_supplement`].
//!
//! ```
//! use khabar_normalize::chars::{fold_line, fold_word, is_word_char};
//!
//! let mut buf = String::new();
//! fold_word("أكـتوبر", &mut buf);
//! assert_eq!(buf, "اكتوبر");
//! assert_eq!(fold_line("آخر  تحديثٍ："), "اخر تحديث:");
//! assert!(is_word_char('٣') && is_word_char('َ') && !is_word_char('،'));
//! ```

/// The Arabic combining marks the `remove_diacritics` rule deletes (and
/// attaches to the letter they sit on): harakat, tanween, shadda, sukun,
/// dagger alef, the small high signs of U+0610–061A, Quranic annotation
/// marks (with the small waw and small yeh U+06E5–06E6, which Unicode
/// counts as modifier letters but which only annotate Quranic text) and the
/// marks of Arabic Extended-A. A pattern, so that the rule's
/// `match` and [`is_arabic_mark`] read one list.
macro_rules! arabic_mark {
    () => {
        '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0610}'..='\u{061A}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
            | '\u{08D3}'..='\u{08E1}'
            | '\u{08E3}'..='\u{08FF}'
    };
}
pub(crate) use arabic_mark;

/// Tatweel (kashida), U+0640: `محـــمد` is `محمد` stretched.
pub const TATWEEL: char = '\u{0640}';

/// An Arabic combining mark that the search profile deletes: `َ ً ّ ْ ٰ`,
/// the small high signs (U+0610–061A), Quranic annotation marks
/// (U+06D6–06ED) and the marks of Arabic Extended-A (U+08D3–08FF).
#[inline]
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, arabic_mark!())
}

/// An Arabic-script letter (not a mark, digit or punctuation), in the
/// Arabic, Arabic Supplement and Arabic Extended-A blocks.
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
}

/// In one of the Arabic blocks: Arabic, Supplement, Extended-A and the
/// presentation forms.
#[inline]
pub fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// In the Arabic block or the Arabic Supplement (U+0600–06FF,
/// U+0750–077F): where the tagger's tokenizer lets a tatweel join letters
/// (`بـS300` is two tokens, `محـمد` one).
#[inline]
pub fn is_arabic_or_supplement(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c)
}

/// An ASCII, Arabic-Indic (`٣`) or Persian (`۳`) digit.
#[inline]
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// The value of an ASCII, Arabic-Indic (`٣`) or Persian (`۳`) digit.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    }
}

/// A letter, or a mark or tatweel inside a word, so that `أَكْتُوبَر` and
/// `أكـتوبر` are one word: ASCII letters, the letters and marks of the
/// Arabic block (by table: the generic Unicode lookup was a hot spot), and
/// every other alphabetic character.
#[inline]
pub fn is_letter_or_mark(c: char) -> bool {
    word_class(c).in_word()
}

/// A letter or mark ([`is_letter_or_mark`]) or a digit ([`is_digit`]).
#[inline]
pub fn is_word_char(c: char) -> bool {
    is_letter_or_mark(c) || is_digit(c)
}

/// Invisible characters that sit inside words in scraped text and that
/// normalization deletes: zero-width space, word joiner, soft hyphen.
#[inline]
pub fn is_in_word_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{00AD}')
}

/// A character of a word token of the tagger: letters and digits of any
/// script, Arabic marks (Quranic ones included), tatweel, ZWNJ and ZWJ, and
/// combining diacritics (U+0300–036F). Wider than [`is_word_char`]: every
/// character the search profile deletes inside a word must stay inside the
/// token, so that the token's span covers the whole written word.
#[inline]
pub fn is_token_char(c: char) -> bool {
    // Fast path: Arabic letters, marks and digits (U+0621–U+0669).
    if ('\u{0621}'..='\u{0669}').contains(&c) || c.is_ascii_alphanumeric() {
        return true;
    }
    c.is_alphanumeric()
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
        || (('\u{0300}'..='\u{036F}').contains(&c))
}

/// The light fold of one character: `None` for a mark or a tatweel, else
/// the letter a lexicon spells it with (`أ` → `ا`, `ة` → `ه`, `ی` → `ي`,
/// `A` → `a`: what the search profile makes of it), or the character
/// itself.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        '\u{0600}'..='\u{06FF}' => {
            let class = arabic_block_class(c as u32);
            if class == WordClass::MARK {
                None
            } else {
                Some(class.folded().unwrap_or(c))
            }
        }
        // Arabic Extended-A marks.
        _ if is_arabic_mark(c) => None,
        _ => Some(c),
    }
}

/// The light fold of a word ([`fold_char`] on each character), into `buf`
/// (cleared first).
pub fn fold_word(word: &str, buf: &mut String) {
    buf.clear();
    buf.extend(word.chars().filter_map(fold_char));
}

/// The light fold of a short line, for phrase matching: [`fold_char`] on
/// every character, zero-width and bidi marks (U+200B–200F) dropped, Arabic
/// punctuation to ASCII (`،` → `,`, `؛` → `;`, `؟` → `?`, and the full-width
/// colon `：` of some sites → `:`), whitespace runs to one space, none at the
/// start. Cheaper than the full search profile (no NFC), and enough for
/// labels such as `آخر تحديث:` or `اترك تعليقاً`.
pub fn fold_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{200B}'..='\u{200F}' => continue,
            '،' => ',',
            '؛' => ';',
            '：' => ':',
            '؟' => '?',
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => match fold_char(c) {
                Some(f) => f,
                None => continue,
            },
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// What a character is to a word scanner, in one integer:
/// [`WordClass::OTHER`], [`WordClass::DIGIT`], [`WordClass::MARK`] (a mark
/// or a tatweel: part of a word, invisible to the fold), or a letter, whose
/// code is its folded code point ([`fold_char`]). A hot loop matches on
/// [`WordClass::code`]: one integer compare per character, where an enum
/// with a payload costs a discriminant test and a load.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct WordClass(u32);

impl WordClass {
    /// Not part of a word: space, punctuation, symbols.
    pub const OTHER: WordClass = WordClass(0);
    /// A digit ([`is_digit`]).
    pub const DIGIT: WordClass = WordClass(1);
    /// A mark or a tatweel: part of a word, dropped by the fold.
    pub const MARK: WordClass = WordClass(2);

    const fn letter(c: char) -> WordClass {
        WordClass(c as u32)
    }

    /// 0 for [`WordClass::OTHER`], 1 for [`WordClass::DIGIT`], 2 for
    /// [`WordClass::MARK`], and the folded code point of a letter (always
    /// more than 2).
    #[inline]
    pub const fn code(self) -> u32 {
        self.0
    }

    /// The folded letter, for a letter.
    #[inline]
    pub fn folded(self) -> Option<char> {
        if self.0 > 2 {
            char::from_u32(self.0)
        } else {
            None
        }
    }

    /// A letter or a mark: part of a word.
    #[inline]
    pub const fn in_word(self) -> bool {
        self.0 >= 2
    }
}

/// The [`WordClass`] of a character.
#[inline]
pub fn word_class(c: char) -> WordClass {
    match c {
        '\0'..='\x7F' => ASCII_CLASS[c as usize],
        '\u{0600}'..='\u{06FF}' => arabic_block_class(c as u32),
        // Arabic Extended-A marks.
        _ if is_arabic_mark(c) => WordClass::MARK,
        _ if c.is_alphabetic() => WordClass::letter(c),
        _ => WordClass::OTHER,
    }
}

/// The [`WordClass`] and byte length of the character at byte `i` of
/// `text` (a char boundary), or `None` at the end. ASCII and the Arabic
/// block (two UTF-8 bytes, lead byte 0xD8–0xDB) are decided without
/// decoding through `str::chars`.
#[inline]
pub fn word_class_at(text: &str, i: usize) -> Option<(WordClass, usize)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((ASCII_CLASS[b as usize], 1));
    }
    if (0xD8..=0xDB).contains(&b) {
        if let Some(&b2) = bytes.get(i + 1) {
            let cp = (u32::from(b & 0x1F) << 6) | u32::from(b2 & 0x3F);
            return Some((arabic_block_class(cp), 2));
        }
    }
    let c = text.get(i..)?.chars().next()?;
    Some((word_class(c), c.len_utf8()))
}

/// The [`WordClass`] of the ASCII byte `b` (`b` < 0x80; other bytes are
/// read modulo 128).
#[inline]
pub fn ascii_class(b: u8) -> WordClass {
    ASCII_CLASS[usize::from(b & 0x7F)]
}

/// The [`WordClass`] of the Arabic-block code point `cp` (U+0600–06FF; any
/// other value is read modulo 256 from U+0600), by table.
#[inline]
pub fn arabic_block_class(cp: u32) -> WordClass {
    ARABIC_CLASS[cp.wrapping_sub(0x600) as usize & 0xFF]
}

/// [`word_class`] for ASCII, computed at compile time.
static ASCII_CLASS: [WordClass; 128] = {
    let mut t = [WordClass::OTHER; 128];
    let mut i = 0u8;
    while i < 128 {
        t[i as usize] = if i.is_ascii_digit() {
            WordClass::DIGIT
        } else if i.is_ascii_alphabetic() {
            WordClass::letter(i.to_ascii_lowercase() as char)
        } else {
            WordClass::OTHER
        };
        i += 1;
    }
    t
};

/// [`word_class`] for U+0600–U+06FF, computed at compile time.
static ARABIC_CLASS: [WordClass; 256] = {
    let mut t = [WordClass::OTHER; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = arabic_class(0x600 + i as u32);
        i += 1;
    }
    t
};

/// The class of an Arabic-block code point: the one definition of the
/// light fold of the block.
const fn arabic_class(cp: u32) -> WordClass {
    // Every mark the search profile drops, and tatweel.
    if let Some(c) = char::from_u32(cp) {
        if c == TATWEEL || matches!(c, arabic_mark!()) {
            return WordClass::MARK;
        }
    }
    let folded = match cp {
        0x660..=0x669 | 0x6F0..=0x6F9 => return WordClass::DIGIT,
        // The single-letter folds of the search profile (fold_alef,
        // fold_teh_marbuta, fold_alef_maqsura, fold_hamza_carriers,
        // fold_persian_letters).
        0x623 | 0x625 | 0x622 | 0x671 | 0x672 | 0x673 | 0x675 => 0x627,
        0x629 | 0x6C0 | 0x6C1 | 0x6C2 | 0x6C3 | 0x6D5 => 0x647,
        0x649 | 0x6CC | 0x626 | 0x678 | 0x6D0 | 0x6D2 | 0x6D3 => 0x64A,
        0x624 => 0x648,
        0x6A9 | 0x6AA => 0x643,
        0x620..=0x63F
        | 0x641..=0x64A
        | 0x66E..=0x66F
        | 0x671..=0x6D3
        | 0x6D5..=0x6DC
        | 0x6DF..=0x6E8
        | 0x6EA..=0x6EF
        | 0x6FA..=0x6FF => cp,
        _ => return WordClass::OTHER,
    };
    WordClass(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_class_table_agrees_with_unicode() {
        for cp in 0x600u32..=0x6FF {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let class = arabic_block_class(cp);
            // Every Unicode letter of the block is a letter or a mark here,
            // and the digits are digits.
            if c.is_alphabetic() {
                assert!(class.in_word(), "help: U+{cp:04X}");
            }
            assert_eq!(class == WordClass::DIGIT, is_digit(c), "help: U+{cp:04X}");
            assert_eq!(word_class(c), class, "help: U+{cp:04X}");
        }
    }

    #[test]
    fn the_scanner_and_the_fold_agree() {
        // A letter's class is its fold; a mark folds to nothing.
        for cp in (0u32..0x3000).chain(0xFB50..0xFF00) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let class = word_class(c);
            if let Some(f) = class.folded() {
                assert_eq!(fold_char(c), Some(f), "help: U+{cp:04X}");
            }
            assert_eq!(
                class == WordClass::MARK,
                fold_char(c).is_none(),
                "help: U+{cp:04X}"
            );
            let mut s = String::new();
            s.push(c);
            assert_eq!(word_class_at(&s, 0), Some((class, c.len_utf8())));
        }
    }
}
