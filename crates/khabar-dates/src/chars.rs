//! Character classes and the light fold used for lexicon lookups.

/// A letter for tokenizing: the Arabic block is decided by range (the
/// generic Unicode lookup was the hot spot), everything else by
/// `char::is_alphabetic`. Harakat and tatweel count as letters so that
/// `أَكْتُوبَر` and `أكـتوبر` stay one word.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0000}'..='\u{007F}' => false,
        '\u{0600}'..='\u{06FF}' => ARABIC_CLASS[(c as u32 - 0x600) as usize & 0xFF].in_word(),
        _ => c.is_alphabetic(),
    }
}

/// An ASCII, Arabic-Indic or Persian digit.
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// A letter or a digit.
#[inline]
pub fn is_word_char(c: char) -> bool {
    is_letter(c) || is_digit(c)
}

/// Fold one word the way the search profile would (no harakat or tatweel,
/// bare alef, `ة` → `ه`, `ى ی ئ` → `ي`, Latin lowercase), into `buf`.
/// `fold_word` for the article parser.
pub fn fold_word_into(word: &str, buf: &mut String) {
    fold_word(word, buf);
}

pub(crate) fn fold_word(word: &str, buf: &mut String) {
    buf.clear();
    buf.extend(word.chars().filter_map(fold_char));
}

/// One character of [`fold_word`]: `None` for marks and tatweel.
#[inline]
pub(crate) fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0610}'..='\u{061A}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ی' | 'ئ' => 'ي',
        'ؤ' => 'و',
        'ک' => 'ك',
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    })
}

/// Fold a short line for phrase matching: `fold_word` on every character,
/// Arabic punctuation to ASCII (`،` → `,`, `؟` → `?`), whitespace runs to one
/// space. Cheaper than the full search profile (no NFC), and enough for
/// labels such as `آخر تحديث:` or `اترك تعليقاً`.
pub fn fold_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{0610}'..='\u{061A}'
            | '\u{200B}'..='\u{200F}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' | 'ی' | 'ئ' => 'ي',
            'ؤ' => 'و',
            'ک' => 'ك',
            '،' => ',',
            '؛' => ';',
            '：' => ':',
            '؟' => '?',
            'A'..='Z' => c.to_ascii_lowercase(),
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => c,
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// What a character is to the scanner, in one `u32`: [`Class::OTHER`],
/// [`Class::DIGIT`], [`Class::MARK`] (a harakah or tatweel: part of a word,
/// invisible to the fold), or the folded letter's code point. One integer
/// compare per character in the hot loop, where an enum with a payload cost
/// a discriminant test and a load.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Class(pub(crate) u32);

impl Class {
    pub(crate) const OTHER: Class = Class(0);
    pub(crate) const DIGIT: Class = Class(1);
    pub(crate) const MARK: Class = Class(2);

    const fn letter(c: char) -> Class {
        Class(c as u32)
    }

    /// The folded letter, for a letter.
    #[cfg(test)]
    fn folded(self) -> Option<char> {
        if self.0 > 2 {
            char::from_u32(self.0)
        } else {
            None
        }
    }

    /// A letter or a mark: part of a word.
    fn in_word(self) -> bool {
        self.0 >= 2
    }
}

/// The class and byte length of the character at `i` (a char boundary), or
/// `None` at the end. ASCII and the Arabic block (two UTF-8 bytes, lead byte
/// 0xD8–0xDB) are decided without decoding through `str::chars`.
#[inline]
pub(crate) fn classify_at(text: &str, i: usize) -> Option<(Class, usize)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((ASCII_CLASS[b as usize], 1));
    }
    if (0xD8..=0xDB).contains(&b) {
        if let Some(&b2) = bytes.get(i + 1) {
            let cp = (u32::from(b & 0x1F) << 6) | u32::from(b2 & 0x3F);
            return Some((ARABIC_CLASS[(cp - 0x600) as usize & 0xFF], 2));
        }
    }
    let c = text.get(i..)?.chars().next()?;
    Some((class_of(c), c.len_utf8()))
}

/// What the article parser counts of an Arabic-block letter: letters only
/// Persian uses (`ی ک پ چ ژ گ ۀ`), letters only Arabic uses (`ي ك ة ى`), other
/// letters and digits, and the rest.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// `ی ک پ چ ژ گ ۀ`.
    Persian,
    /// `ي ك ة ى`.
    ArabicOnly,
    /// Any other letter or digit.
    Letter,
    /// The rest.
    Other,
}

/// The [`Script`] of the Arabic-block code point `cp`.
#[inline]
pub fn arabic_script(cp: u32) -> Script {
    match cp {
        0x6CC | 0x6A9 | 0x67E | 0x686 | 0x698 | 0x6AF | 0x6C0 => Script::Persian,
        0x64A | 0x643 | 0x629 | 0x649 => Script::ArabicOnly,
        _ => match ARABIC_CLASS[cp.wrapping_sub(0x600) as usize & 0xFF] {
            Class::OTHER => Script::Other,
            _ => Script::Letter,
        },
    }
}

/// [`class_of`] for ASCII, computed at compile time.
pub(crate) static ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::OTHER; 128];
    let mut i = 0u8;
    while i < 128 {
        t[i as usize] = if i.is_ascii_digit() {
            Class::DIGIT
        } else if i.is_ascii_alphabetic() {
            Class::letter(i.to_ascii_lowercase() as char)
        } else {
            Class::OTHER
        };
        i += 1;
    }
    t
};

/// [`class_of`] for U+0600–U+06FF, computed at compile time.
pub(crate) static ARABIC_CLASS: [Class; 256] = {
    let mut t = [Class::OTHER; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = arabic_class(0x600 + i as u32);
        i += 1;
    }
    t
};

/// The scanner class of an Arabic-block code point; agrees with
/// [`is_digit`], [`is_letter`] and [`fold_char`] (a unit test checks).
const fn arabic_class(cp: u32) -> Class {
    let folded = match cp {
        0x660..=0x669 | 0x6F0..=0x6F9 => return Class::DIGIT,
        0x64B..=0x65F | 0x670 | 0x640 | 0x610..=0x61A => return Class::MARK,
        0x623 | 0x625 | 0x622 | 0x671 => 0x627,
        0x629 => 0x647,
        0x649 | 0x6CC | 0x626 => 0x64A,
        0x624 => 0x648,
        0x6A9 => 0x643,
        0x620..=0x63F
        | 0x641..=0x64A
        | 0x66E..=0x66F
        | 0x671..=0x6D3
        | 0x6D5..=0x6DC
        | 0x6DF..=0x6E8
        | 0x6EA..=0x6EF
        | 0x6FA..=0x6FF => cp,
        _ => return Class::OTHER,
    };
    Class(folded)
}

#[inline]
fn class_of(c: char) -> Class {
    if is_digit(c) {
        Class::DIGIT
    } else if is_letter(c) {
        fold_char(c).map_or(Class::MARK, Class::letter)
    } else {
        Class::OTHER
    }
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
            let class = ARABIC_CLASS[(cp - 0x600) as usize];
            // Every Unicode letter of the block is a letter or a mark here,
            // and the digits are digits.
            if c.is_alphabetic() && !matches!(cp, 0x6D6..=0x6DC | 0x6DF..=0x6E8 | 0x6ED) {
                assert!(class.in_word(), "help: U+{cp:04X}");
            }
            assert_eq!(class == Class::DIGIT, is_digit(c), "help: U+{cp:04X}");
            if let Some(f) = class.folded() {
                assert_eq!(fold_char(c), Some(f), "help: U+{cp:04X}");
            }
        }
    }
}
