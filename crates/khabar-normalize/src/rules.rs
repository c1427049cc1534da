//! The rules, one switch each, and what each does to a single character.
//!
//! Every rule is a small `match` over code points. Rules that need to see the
//! neighbours of a character (whitespace runs, tatweel before a digit, decimal
//! separators, joiners) answer [`Action::Ctx`] and are decided by the engine.

use crate::chars::arabic_mark;
use crate::error::{Error, ErrorKind};
use crate::names;

/// A named set of rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Profile {
    /// Cleanup that never changes what a reader sees: NFC, tatweel, invisible
    /// controls, whitespace, presentation forms.
    Display,
    /// Everything in `Display`, plus the folds that make spelling variants
    /// match: diacritics, alef/yeh/teh marbuta/hamza carriers, Persian letters,
    /// digits, punctuation and Latin case.
    Search,
}

impl Profile {
    /// The names accepted by [`Profile::from_name`].
    pub const NAMES: &'static [&'static str] = names::PROFILES;

    /// The profile called `name` (`"display"` or `"search"`).
    pub fn from_name(name: &str) -> Result<Self, Error> {
        match name {
            "display" => Ok(Self::Display),
            "search" => Ok(Self::Search),
            _ => Err(Error::new(ErrorKind::UnknownProfile {
                name: name.to_owned(),
            })),
        }
    }

    /// The name of the profile.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Display => "display",
            Self::Search => "search",
        }
    }

    /// The rules the profile switches on.
    pub const fn rules(self) -> Rules {
        let display = Rules {
            nfc: true,
            remove_tatweel: true,
            remove_controls: true,
            unify_whitespace: true,
            decompose_presentation_forms: true,
            remove_zwnj: false,
            remove_diacritics: false,
            fold_alef: false,
            fold_alef_maqsura: false,
            fold_teh_marbuta: false,
            fold_hamza_carriers: false,
            fold_persian_letters: false,
            fold_digits: false,
            fold_punctuation: false,
            fold_case: false,
        };
        match self {
            Self::Display => display,
            Self::Search => Rules {
                remove_zwnj: true,
                remove_diacritics: true,
                fold_alef: true,
                fold_alef_maqsura: true,
                fold_teh_marbuta: true,
                fold_hamza_carriers: true,
                fold_persian_letters: true,
                fold_digits: true,
                fold_punctuation: true,
                fold_case: true,
                ..display
            },
        }
    }
}

/// One switch per rule.
///
/// Start from a profile with [`Profile::rules`] and change single rules with
/// [`Rules::set`] (by name) or by assigning the fields.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Rules {
    /// Canonical composition (NFC): `ا` + U+0654 → `أ`, and canonical order of
    /// stacked marks (shadda before or after fatha is the same word).
    pub nfc: bool,
    /// Delete tatweel (U+0640) inside words (`محـــمد` → `محمد`). A tatweel
    /// that joins a prefix to a number or a Latin word (`الـ3`, `بـS300`) is a
    /// token boundary and becomes a space.
    pub remove_tatweel: bool,
    /// Delete invisible controls: bidi marks and embeddings (U+200E/F, U+061C,
    /// U+202A–202E, U+2066–2069), zero-width space, word joiner, BOM, soft
    /// hyphen; and ZWNJ/ZWJ where they join nothing (not between two letters,
    /// not inside an emoji sequence).
    pub remove_controls: bool,
    /// Tabs, NBSP, narrow and thin spaces and runs of them become one space;
    /// CRLF, CR, NEL, line and paragraph separators become `\n`.
    pub unify_whitespace: bool,
    /// Decompose Arabic presentation forms and ligatures (`ﻻ` → `لا`,
    /// `ﻷ` → `لأ`, `ﷲ` → `الله`).
    pub decompose_presentation_forms: bool,
    /// Delete every ZWNJ, also the Persian half-space inside words.
    pub remove_zwnj: bool,
    /// Delete harakat, tanween, shadda, sukun, dagger alef, Quranic marks
    /// (U+0610–061A, U+06D6–06ED), Extended-A marks (U+08D3–08FF) and
    /// combining hamza/madda.
    pub remove_diacritics: bool,
    /// `أ إ آ ٱ ٲ ٳ ٵ` → `ا`.
    pub fold_alef: bool,
    /// `ى` → `ي` (never to `ا`: `على` stays a preposition).
    pub fold_alef_maqsura: bool,
    /// `ة` → `ه`.
    pub fold_teh_marbuta: bool,
    /// `ؤ` → `و`, `ئ` → `ي`.
    pub fold_hamza_carriers: bool,
    /// Persian and Urdu letters to their Arabic counterparts: `ک ڪ` → `ك`,
    /// `ی ې ے ۓ` → `ي`, `ۀ ہ ۂ ە ۃ` → `ه`.
    pub fold_persian_letters: bool,
    /// Arabic-Indic (`٠–٩`) and Persian (`۰–۹`) digits → ASCII.
    pub fold_digits: bool,
    /// `، ؛ ؟ ٪ ۔ ٭` and quotes `« » “ ” ‘ ’` to ASCII; `٫ ٬` to `.` and `,`
    /// only between digits (`١٫٥` → `1.5`).
    pub fold_punctuation: bool,
    /// Lowercase Latin (and other cased) letters: `S-300` → `s-300`.
    pub fold_case: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Profile::Search.rules()
    }
}

impl Rules {
    /// Every rule name, as accepted by [`Rules::set`] and the Python keyword
    /// arguments.
    pub const NAMES: &'static [&'static str] = names::RULES;

    /// Switch the rule called `name` on or off.
    pub fn set(&mut self, name: &str, on: bool) -> Result<(), Error> {
        *self.slot(name)? = on;
        Ok(())
    }

    /// Whether the rule called `name` is on.
    pub fn get(&self, name: &str) -> Result<bool, Error> {
        let mut copy = *self;
        Ok(*copy.slot(name)?)
    }

    fn slot(&mut self, name: &str) -> Result<&mut bool, Error> {
        Ok(match name {
            "nfc" => &mut self.nfc,
            "remove_tatweel" => &mut self.remove_tatweel,
            "remove_controls" => &mut self.remove_controls,
            "unify_whitespace" => &mut self.unify_whitespace,
            "decompose_presentation_forms" => &mut self.decompose_presentation_forms,
            "remove_zwnj" => &mut self.remove_zwnj,
            "remove_diacritics" => &mut self.remove_diacritics,
            "fold_alef" => &mut self.fold_alef,
            "fold_alef_maqsura" => &mut self.fold_alef_maqsura,
            "fold_teh_marbuta" => &mut self.fold_teh_marbuta,
            "fold_hamza_carriers" => &mut self.fold_hamza_carriers,
            "fold_persian_letters" => &mut self.fold_persian_letters,
            "fold_digits" => &mut self.fold_digits,
            "fold_punctuation" => &mut self.fold_punctuation,
            "fold_case" => &mut self.fold_case,
            _ => {
                return Err(Error::new(ErrorKind::UnknownRule {
                    name: name.to_owned(),
                }))
            }
        })
    }
}

/// What a rule does to one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// Unchanged.
    Keep,
    /// Delete; its bytes join the range of the previous output character
    /// (a mark or a tatweel belongs to the letter it sits on).
    DeleteAttach,
    /// Delete; it maps to nothing (a bidi control between words).
    Delete,
    /// Replace by one character.
    Map(char),
    /// Decided by the engine from the neighbours.
    Ctx(Ctx),
}

/// Context-dependent characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// Horizontal whitespace: one space per run.
    Space,
    /// `\r`: dropped before `\n`, else a newline.
    CarriageReturn,
    /// Other line breaks (VT, FF, NEL, LS, PS) → `\n`.
    LineBreak,
    /// U+0640.
    Tatweel,
    /// `٫` (true) or `٬` (false) between digits.
    Separator(bool),
    /// U+200C.
    Zwnj,
    /// U+200D.
    Zwj,
    /// A presentation form to decompose.
    Presentation,
    /// A non-ASCII cased letter to lowercase.
    Lower,
}

/// Decide what `rules` do to `c`, ignoring context.
#[allow(clippy::match_same_arms)]
pub(crate) fn classify(c: char, r: &Rules) -> Action {
    use Action::{Ctx as C, Delete, DeleteAttach, Keep, Map};
    match c {
        // Fast exit for the common letters that no rule touches.
        'a'..='z'
        | '0'..='9'
        | '\u{0628}'
        | '\u{062A}'..='\u{063A}'
        | '\u{0641}'..='\u{0648}'
        | '\u{064A}' => Keep,
        ' ' if r.unify_whitespace => C(Ctx::Space),
        '\t'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
            if r.unify_whitespace =>
        {
            C(Ctx::Space)
        }
        '\r' if r.unify_whitespace => C(Ctx::CarriageReturn),
        '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' if r.unify_whitespace => {
            C(Ctx::LineBreak)
        }
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200B}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{00AD}'
            if r.remove_controls =>
        {
            Delete
        }
        '\u{200C}' if r.remove_zwnj => Delete,
        '\u{200C}' if r.remove_controls => C(Ctx::Zwnj),
        '\u{200D}' if r.remove_controls => C(Ctx::Zwj),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' if r.decompose_presentation_forms => {
            C(Ctx::Presentation)
        }
        '\u{0640}' if r.remove_tatweel => C(Ctx::Tatweel),
        arabic_mark!() if r.remove_diacritics => DeleteAttach,
        // End of ayah is a format character that carries a number; Quranic
        // cleanup removes it too.
        '\u{06DD}' if r.remove_diacritics => Delete,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' if r.fold_alef => Map('ا'),
        'ى' if r.fold_alef_maqsura => Map('ي'),
        'ة' if r.fold_teh_marbuta => Map('ه'),
        'ۃ' if r.fold_teh_marbuta && r.fold_persian_letters => Map('ه'),
        'ؤ' if r.fold_hamza_carriers => Map('و'),
        'ئ' | 'ٸ' if r.fold_hamza_carriers => Map('ي'),
        'ک' | 'ڪ' if r.fold_persian_letters => Map('ك'),
        // Urdu yeh barree, with and without its hamza, so that `ے` + U+0654
        // folds the same composed or not.
        'ی' | 'ې' | 'ے' | 'ۓ' if r.fold_persian_letters => Map('ي'),
        'ۀ' | 'ہ' | 'ۂ' | 'ە' if r.fold_persian_letters => Map('ه'),
        '\u{0660}'..='\u{0669}' if r.fold_digits => {
            Map(char::from(b'0' + (c as u32 - 0x0660) as u8))
        }
        '\u{06F0}'..='\u{06F9}' if r.fold_digits => {
            Map(char::from(b'0' + (c as u32 - 0x06F0) as u8))
        }
        '،' | '⹁' if r.fold_punctuation => Map(','),
        '؛' if r.fold_punctuation => Map(';'),
        '؟' | '⸮' if r.fold_punctuation => Map('?'),
        '٪' if r.fold_punctuation => Map('%'),
        '۔' if r.fold_punctuation => Map('.'),
        '٭' if r.fold_punctuation => Map('*'),
        '«' | '»' | '“' | '”' | '„' | '‟' if r.fold_punctuation => Map('"'),
        '‘' | '’' | '‚' | '‛' if r.fold_punctuation => Map('\''),
        '٫' if r.fold_punctuation => C(Ctx::Separator(true)),
        '٬' if r.fold_punctuation => C(Ctx::Separator(false)),
        'A'..='Z' if r.fold_case => Map(c.to_ascii_lowercase()),
        _ if r.fold_case && !c.is_ascii() && c.is_uppercase() => C(Ctx::Lower),
        _ => Keep,
    }
}

/// Is `c` something a reader does not see on its own: a combining mark, a
/// tatweel, a joiner or another control that some rule deletes?
///
/// Context rules look past these when they check a neighbour, so that their
/// decision does not depend on which of them an earlier pass or a milder
/// profile kept: `ء۝ـA` and `ءـA` get the same tatweel boundary.
pub(crate) fn invisible(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
        // Presentation forms of harakat (`ﹶ`, `ﳲ` = tatweel + fatha + shadda)
        // are marks in disguise.
        use unicode_normalization::UnicodeNormalization;
        return std::iter::once(c)
            .nfkd()
            .all(|d| d == ' ' || (d != c && invisible(d)));
    }
    unicode_normalization::char::canonical_combining_class(c) != 0
        || matches!(
            classify(c, &SEARCH_RULES),
            Action::Delete
                | Action::DeleteAttach
                | Action::Ctx(Ctx::Tatweel | Ctx::Zwnj | Ctx::Zwj)
        )
}

/// The most aggressive built-in rules: what context rules measure against.
static SEARCH_RULES: Rules = Profile::Search.rules();

/// Does no search rule change `c`? (A ZWJ between two such characters, as in
/// an emoji sequence, stays in every profile.)
pub(crate) fn untouched_by_search(c: char) -> bool {
    classify(c, &SEARCH_RULES) == Action::Keep
}
