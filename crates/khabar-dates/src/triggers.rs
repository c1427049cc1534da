//! Triggers: the words and numbers that may start a date expression. The
//! scanner asks about every word of the text, so most words are turned away
//! by a Bloom filter over their folded hash before any string is built.

use khabar_normalize::chars::{fold_word, is_digit};

use crate::hash::{mix, Fnv, FNV_SEED};
use crate::lexicon::{
    decade_word, dir_word, month_word, number_word, ordinal_next_ok, ordinal_word, unit_word,
    DECADE_WORDS, MONTH_WORDS, ORDINAL_WORDS, WEEKDAY_WORDS,
};
use crate::scan::RawScan;

/// How a raw word may start a date expression.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trigger {
    /// Never.
    No,
    /// Always worth a look (a month or weekday name, `أمس`, `اليوم`).
    Yes,
    /// Only when the next word is one of a few (`العام` + `الماضي`,
    /// `منتصف` + a month): common words that are rarely dates.
    IfNext,
}

/// Words that always open a window: first words of two-word months and the
/// relative day words.
const TRIGGER_YES: &[&str] = &[
    "كانون",
    "تشرين",
    "ربيع",
    "جمادي",
    "ذو",
    "ذي",
    "اليوم",
    "امس",
    "البارحه",
    "غدا",
];

/// Common words that open a window only before a few others ([`next_ok`]).
const TRIGGER_IF_NEXT: &[&str] = &[
    "اول",
    "بعد",
    "قبل",
    "منذ",
    "خلال",
    "العام",
    "السنه",
    "عام",
    "سنه",
    "هذا",
    "هذه",
    "الشهر",
    "الاسبوع",
    "عامي",
    "وعام",
    "لعام",
    "بعام",
    "وسنه",
    "لسنه",
    "مطلع",
    "اوايل",
    "بدايه",
    "منتصف",
    "اواسط",
    "وسط",
    "اواخر",
    "نهايه",
    "اخر",
    "ختام",
    "القرن",
    "الساعه",
    "الواحده",
];

/// How the folded word `w` may start a date expression.
pub(crate) fn trigger(w: &str) -> Trigger {
    TRIGGERS.get(w).copied().unwrap_or(Trigger::No)
}

/// Every trigger word and how it triggers: one hash lookup per candidate
/// word instead of a walk through ~150 strings (the scanner asks for every
/// word that passes the Bloom filter, the tokenizer for every `و` word).
static TRIGGERS: std::sync::LazyLock<
    std::collections::HashMap<&'static str, Trigger, std::hash::BuildHasherDefault<Fnv>>,
> = std::sync::LazyLock::new(|| {
    let mut map = std::collections::HashMap::default();
    let yes = MONTH_WORDS
        .iter()
        .map(|(w, _)| *w)
        .chain(WEEKDAY_WORDS.iter().map(|(w, _, _)| *w))
        .chain(DECADE_WORDS.iter().copied())
        .chain(TRIGGER_YES.iter().copied());
    let if_next = TRIGGER_IF_NEXT
        .iter()
        .copied()
        .chain(ORDINAL_WORDS.iter().map(|(w, _)| *w));
    for w in if_next {
        map.insert(w, Trigger::IfNext);
    }
    // A month or weekday name is always a trigger, whatever else it is.
    for w in yes {
        map.insert(w, Trigger::Yes);
    }
    map
});

const BLOOM_BITS: u64 = 16384;

/// Every word that can start or trigger a date expression.
fn trigger_words() -> impl Iterator<Item = &'static str> {
    MONTH_WORDS
        .iter()
        .map(|(w, _)| *w)
        .chain(WEEKDAY_WORDS.iter().map(|(w, _, _)| *w))
        .chain(DECADE_WORDS.iter().copied())
        .chain(TRIGGER_YES.iter().copied())
        .chain(TRIGGER_IF_NEXT.iter().copied())
        .chain(ORDINAL_WORDS.iter().map(|(w, _)| *w))
}

/// A one-hash Bloom filter over every trigger word (about 190 words in
/// 16384 bits, 2 KiB: about 1.2% of other words get the full check).
static BLOOM: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut bits = vec![0u64; (BLOOM_BITS / 64) as usize];
    for w in trigger_words() {
        let h = w.chars().fold(FNV_SEED, mix) % BLOOM_BITS;
        bits[(h / 64) as usize] |= 1 << (h % 64);
    }
    bits
});

/// Whether a word with the folded hash `h` may be a trigger word.
#[inline]
pub(crate) fn bloom_may_contain(h: u64) -> bool {
    let h = h % BLOOM_BITS;
    BLOOM
        .get((h / 64) as usize)
        .is_some_and(|b| b & (1 << (h % 64)) != 0)
}

/// Whether `next` (folded) can follow an [`Trigger::IfNext`] word in a date.
pub(crate) fn next_ok(w: &str, next: &str, next_is_digit: bool) -> bool {
    if let Some(day) = ordinal_word(w) {
        return !next_is_digit && (ordinal_next_ok(day, next) || hour_next_ok(next));
    }
    if next_is_digit {
        return !matches!(w, "اول" | "هذا" | "هذه" | "الشهر" | "الاسبوع");
    }
    match w {
        "اول" => matches!(next, "امس" | "من"),
        "هذا" => matches!(next, "العام" | "الشهر" | "الاسبوع"),
        "هذه" => next == "السنه",
        "العام" | "السنه" | "عام" | "الشهر" | "الاسبوع" => {
            dir_word(next).is_some()
        }
        "منذ" | "قبل" | "بعد" => {
            next == "غد"
                || next == "نصف"
                || number_word(next).is_some()
                || unit_word(next).is_some()
        }
        "خلال" => number_word(next).is_some() || unit_word(next).is_some(),
        "الساعه" => next_is_digit || ordinal_word(next).is_some() || next == "الواحده",
        "الواحده" => hour_next_ok(next),
        "القرن" => {
            next_is_digit
                || next == "ال"
                || dir_word(next).is_some()
                || ordinal_word(next).is_some()
        }
        _ => {
            matches!(
                next,
                "شهر"
                    | "الشهر"
                    | "هذا"
                    | "هذه"
                    | "كانون"
                    | "تشرين"
                    | "العام"
                    | "السنه"
                    | "عام"
                    | "سنه"
                    | "القرن"
                    | "الالفيه"
                    | "الليل"
            ) || month_word(next).is_some()
                || decade_word(next).is_some()
        }
    }
}

/// Whether `next` can follow an hour in words or digits (`الثامنة مساءً`,
/// `السابعة إلا ثلثاً`, `الثالثة وعشر دقائق`, `8 مساءً`).
fn hour_next_ok(next: &str) -> bool {
    matches!(
        next,
        "صباحا"
            | "صباح"
            | "فجرا"
            | "ظهرا"
            | "بعد"
            | "عصرا"
            | "مساء"
            | "مساءا"
            | "ليلا"
            | "والربع"
            | "والثلث"
            | "والنصف"
            | "الا"
            | "و"
            | "من"
    ) || next.strip_prefix('و').and_then(number_word).is_some()
}

/// A part of the day after an hour number (`8 مساءً`).
fn part_of_day_after(next: &str) -> bool {
    matches!(
        next,
        "صباحا" | "صباح" | "فجرا" | "ظهرا" | "عصرا" | "مساء" | "مساءا" | "ليلا"
    )
}

/// Whether the number `text[s..e]` can start a date: it is followed by a
/// date separator and another number (`14/11`, `16:28`, `2021-10-20`), or by
/// a month name, `من` + month, or a calendar marker (`1443 هـ`). `22 من
/// مواطنيها` and `1.6 مليار` are not worth a window.
pub(crate) fn digit_may_start(text: &str, s: usize, e: usize, buf: &mut String) -> bool {
    let digits = text[s..e].chars().count();
    let rest = &text[e..];
    let mut chars = rest.chars();
    if let (Some(c1), Some(c2)) = (chars.next(), chars.next()) {
        if matches!(c1, '/' | '-' | '.' | ':' | '\\') && is_digit(c2) {
            return true;
        }
    }
    if digits > 4 {
        return false;
    }
    let mut peek = RawScan { text, pos: e };
    let Some((ns, ne, nd)) = peek.next_token() else {
        return false;
    };
    if nd {
        return false;
    }
    fold_word(&text[ns..ne], buf);
    // `من 2015 حتى 2018`, `في 2019 و2020`, `3 و5 مارس`: checked by the
    // grammar.
    if digits == 4 && matches!(buf.as_str(), "الي" | "حتي" | "لغايه") {
        return true;
    }
    if buf == "و" {
        return peek.next_token().is_some_and(|(_, _, d)| d);
    }
    // `3rd March`: the ordinal suffix tight after the number.
    if ns == e && matches!(buf.as_str(), "st" | "nd" | "rd" | "th") {
        let Some((ns, ne, _)) = peek.next_token() else {
            return false;
        };
        fold_word(&text[ns..ne], buf);
    }
    if buf == "من" {
        let Some((ns, ne, _)) = peek.next_token() else {
            return false;
        };
        fold_word(&text[ns..ne], buf);
        // `15 من الشهر الحالي`: checked by the grammar.
        if buf == "الشهر" {
            return true;
        }
    }
    month_word(buf).is_some()
        || matches!(
            buf.as_str(),
            "كانون"
                | "تشرين"
                | "ربيع"
                | "جمادي"
                | "ذو"
                | "ذي"
                | "ه"
                | "هـ"
                | "هجري"
                | "هجريه"
                | "م"
                | "ميلادي"
                | "الجاري"
                | "الحالي"
        )
        || (digits <= 2 && part_of_day_after(buf))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{month_word, ordinal_word, weekday_word};

    #[test]
    fn trigger_table_agrees_with_the_word_lists() {
        let old = |w: &str| {
            if month_word(w).is_some()
                || weekday_word(w).is_some()
                || TRIGGER_YES.contains(&w)
                || DECADE_WORDS.contains(&w)
            {
                Trigger::Yes
            } else if TRIGGER_IF_NEXT.contains(&w) || ordinal_word(w).is_some() {
                Trigger::IfNext
            } else {
                Trigger::No
            }
        };
        let words = trigger_words().chain(["", "و", "في", "الاجتماع", "قال", "abc"]);
        for w in words {
            assert!(trigger(w) == old(w), "help: {w:?}");
        }
    }
}
