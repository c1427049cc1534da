//! The word families the rules of security and political news read
//! (written in plain Arabic spelling, looked up in the search spelling):
//! organization heads, outlet heads, equipment triggers, spelled-out Latin
//! letters, place class nouns. A token's family is one hash lookup of its
//! stem ([`stem_class`]), so that a rule costs little on the many tokens
//! where it has nothing to do.

use std::sync::LazyLock;

use crate::gazetteer::FastMap;
use crate::hash::hash_bytes;
use crate::token::Token;

/// Heads of armed forces, branches, commands, fleets and guards.
pub(crate) const FORCE: u16 = 1;
/// Heads of official names that take complements.
pub(crate) const OFFICIAL: u16 = 1 << 1;
/// Heads of bodies that sit somewhere as part of their name.
pub(crate) const SEATED: u16 = 1 << 2;
/// Heads of bodies that belong to a parent body.
pub(crate) const PART: u16 = 1 << 3;
/// Heads of news outlets.
pub(crate) const OUTLET: u16 = 1 << 4;
/// Nouns of weapons, aircraft, ships and vehicles that a designation
/// follows.
pub(crate) const TRIGGER: u16 = 1 << 5;
/// Latin letters spelled out in Arabic (`إف`, `إس`, `إتش`) and variant
/// words (`بلوك`), inside a model designation.
pub(crate) const SPELLED: u16 = 1 << 6;
/// Class nouns of places (`مدينة`, `ميناء`, `قضاء`) that a place name
/// follows.
pub(crate) const PLACE_NOUN: u16 = 1 << 7;
/// Ship nouns, whose names are often quoted or named after people.
pub(crate) const SHIP: u16 = 1 << 8;
/// Adjectives that name a state as a nisba does (`الملكية`).
pub(crate) const SOVEREIGN: u16 = 1 << 9;
/// Heads of armed groups that take the group's name (`تنظيم داعش`,
/// `كتائب حزب الله`).
pub(crate) const GROUP: u16 = 1 << 10;
/// A ministry's short name by its portfolio (`الخارجية الروسية`).
pub(crate) const PORTFOLIO: u16 = 1 << 11;

/// The families, by search-normalized stem (without article).
const WORDS: &[(u16, &[&str])] = &[
    (
        FORCE,
        &[
            "قوات",
            "قوه",
            "بحريه",
            "جيش",
            "سلاح",
            "حرس",
            "قياده",
            "اسطول",
            "هييه",
        ],
    ),
    (
        OFFICIAL,
        &[
            "لجنه",
            "هييه",
            "اداره",
            "محكمه",
            "مجلس",
            "موسسه",
            "جهاز",
            "وكاله",
            "قياده",
            "منظمه",
            "مديريه",
            "خطوط",
            "حكومه",
            "مكتب",
            "مركز",
            "اتحاد",
            "شركه",
            "بعثه",
            "قوه",
            "وزاره",
            "قطب",
        ],
    ),
    (SEATED, &["بعثه", "قوات", "مكتب", "فرع", "تنظيم", "قوه"]),
    (PART, &["لجنه", "مكتب", "فرع", "كتله"]),
    (
        OUTLET,
        &[
            "وكاله",
            "قناه",
            "صحيفه",
            "جريده",
            "مجله",
            "اذاعه",
            "شبكه",
            "موقع",
            "تلفزيون",
        ],
    ),
    (
        TRIGGER,
        &[
            "دبابه",
            "دبابات",
            "مقاتله",
            "مقاتلات",
            "طائره",
            "طائرات",
            "طاءره",
            "طاءرات",
            "مروحيه",
            "مروحيات",
            "منظومه",
            "منظومات",
            "منظومتي",
            "صاروخ",
            "صواريخ",
            "صاروخا",
            "مسيره",
            "مسيرات",
            "راجمات",
            "راجمه",
            "مدافع",
            "مدفع",
            "مدرعات",
            "مدرعه",
            "رادار",
            "رادارات",
            "بنادق",
            "بندقيه",
            "قاذفات",
            "قاذفه",
            "عربات",
            "زوارق",
            "زورق",
            "طراز",
        ],
    ),
    (
        SHIP,
        &[
            "غواصه",
            "غواصات",
            "فرقاطه",
            "فرقاطات",
            "مدمره",
            "مدمرات",
            "سفينه",
            "بارجه",
            "كورفيت",
            "حامله",
            "كاسحه",
        ],
    ),
    (
        SPELLED,
        &[
            "اف", "اس", "ام", "ايه", "اتش", "يو", "سي", "تي", "بي", "كا", "ار", "جي", "اكس", "اي",
            "دي", "ان", "جيه", "كيو", "زد", "بلوك", "ال", "او",
        ],
    ),
    (
        PLACE_NOUN,
        &[
            "مدينه",
            "بلده",
            "قريه",
            "ميناء",
            "مينا",
            "قضاء",
            "قضا",
            "محافظه",
            "ولايه",
            "مقاطعه",
            "منطقه",
            "ريف",
            "مطار",
            "بلدات",
            "مدن",
            "عاصمه",
        ],
    ),
    (
        GROUP,
        &["تنظيم", "كتائب", "جماعه", "حركه", "ميليشيا", "فصيل"],
    ),
    (PORTFOLIO, &["خارجيه", "داخليه"]),
    (
        SOVEREIGN,
        &[
            "ملكي",
            "ملكيه",
            "سلطاني",
            "سلطانيه",
            "اميري",
            "اميريه",
            "شعبي",
            "شعبيه",
        ],
    ),
];

static CLASSES: LazyLock<FastMap<u64, u16>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    for (class, words) in WORDS {
        for w in *words {
            // In the search spelling tokens carry (`كتائب` → `كتايب`).
            let key = khabar_normalize::normalize(w, khabar_normalize::Profile::Search);
            *m.entry(hash_bytes(key.as_bytes())).or_insert(0) |= class;
        }
    }
    m
});

/// The families of a token's stem (0 for most tokens).
#[inline]
pub(crate) fn stem_class(t: &Token) -> u16 {
    CLASSES.get(&t.hash[1]).copied().unwrap_or(0)
}

/// The families of a token's stem, or of its stem without an unsure
/// proclitic (`لمروحيات`).
#[inline]
pub(crate) fn loose_class(t: &Token) -> u16 {
    let c = stem_class(t);
    if c == 0 && t.clitic.maybe > 0 {
        CLASSES.get(&t.hash[2]).copied().unwrap_or(0)
    } else {
        c
    }
}

/// The families of a token's whole normalized word.
#[inline]
pub(crate) fn word_class(t: &Token) -> u16 {
    CLASSES.get(&t.hash[0]).copied().unwrap_or(0)
}
