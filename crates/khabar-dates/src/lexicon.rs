//! The lexicon: month, weekday, direction, ordinal, number and unit words,
//! all in their search-folded spelling (no hamza on alef, `ة` → `ه`, `ى` →
//! `ي`), as the grammar reads them from the search-normalized text.

use crate::calendar::Weekday;

/// A month name: number, calendar, and whether the word has another common
/// meaning (`مارس` "practised", `أب` "father") so it counts only next to a day,
/// a year or a second month name.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MonthWord {
    pub(crate) month: u8,
    pub(crate) hijri: bool,
    pub(crate) weak: bool,
    /// English month name (then `10/11` after a weekday reads month-first).
    pub(crate) english: bool,
}

const fn mw(month: u8, hijri: bool, weak: bool, english: bool) -> MonthWord {
    MonthWord {
        month,
        hijri,
        weak,
        english,
    }
}

/// One-word month names, search-folded: (word, month, hijri, weak, english).
/// `مارس` ("practised"), `ماي`, `جوان`, `نيسان`, `أوت`, `آب` ("father") and
/// `صفر` ("zero") are weak: they count only next to a day, a year or a
/// second month name.
pub(crate) const MONTH_WORDS: &[(&str, MonthWord)] = &[
    ("يناير", mw(1, false, false, false)),
    ("جانفي", mw(1, false, false, false)),
    ("ينير", mw(1, false, false, false)),
    ("فبراير", mw(2, false, false, false)),
    ("فيفري", mw(2, false, false, false)),
    ("فبرير", mw(2, false, false, false)),
    ("شباط", mw(2, false, false, false)),
    ("مارس", mw(3, false, true, false)),
    ("اذار", mw(3, false, false, false)),
    ("ابريل", mw(4, false, false, false)),
    ("افريل", mw(4, false, false, false)),
    ("نيسان", mw(4, false, true, false)),
    ("مايو", mw(5, false, false, false)),
    ("ايار", mw(5, false, false, false)),
    ("مايس", mw(5, false, false, false)),
    ("ماي", mw(5, false, true, false)),
    ("يونيو", mw(6, false, false, false)),
    ("يونيه", mw(6, false, false, false)),
    ("يونيوز", mw(6, false, false, false)),
    ("حزيران", mw(6, false, false, false)),
    ("جوان", mw(6, false, true, false)),
    ("يوليو", mw(7, false, false, false)),
    ("يوليه", mw(7, false, false, false)),
    ("يوليوز", mw(7, false, false, false)),
    ("جويليه", mw(7, false, false, false)),
    ("تموز", mw(7, false, false, false)),
    ("اغسطس", mw(8, false, false, false)),
    ("غشت", mw(8, false, false, false)),
    ("اوت", mw(8, false, true, false)),
    ("اب", mw(8, false, true, false)),
    ("سبتمبر", mw(9, false, false, false)),
    ("شتنبر", mw(9, false, false, false)),
    ("ايلول", mw(9, false, false, false)),
    ("اكتوبر", mw(10, false, false, false)),
    ("نوفمبر", mw(11, false, false, false)),
    ("نونبر", mw(11, false, false, false)),
    ("ديسمبر", mw(12, false, false, false)),
    ("دجنبر", mw(12, false, false, false)),
    ("دسمبر", mw(12, false, false, false)),
    ("january", mw(1, false, false, true)),
    ("february", mw(2, false, false, true)),
    ("march", mw(3, false, false, true)),
    ("april", mw(4, false, false, true)),
    ("may", mw(5, false, true, true)),
    ("june", mw(6, false, false, true)),
    ("july", mw(7, false, false, true)),
    ("august", mw(8, false, false, true)),
    ("september", mw(9, false, false, true)),
    ("october", mw(10, false, false, true)),
    ("november", mw(11, false, false, true)),
    ("december", mw(12, false, false, true)),
    // English abbreviations (`Mar 3, 2021`, `Dec. 25`): weak, as `may`.
    ("jan", mw(1, false, true, true)),
    ("feb", mw(2, false, true, true)),
    ("mar", mw(3, false, true, true)),
    ("apr", mw(4, false, true, true)),
    ("jun", mw(6, false, true, true)),
    ("jul", mw(7, false, true, true)),
    ("aug", mw(8, false, true, true)),
    ("sep", mw(9, false, true, true)),
    ("sept", mw(9, false, true, true)),
    ("oct", mw(10, false, true, true)),
    ("nov", mw(11, false, true, true)),
    ("dec", mw(12, false, true, true)),
    ("محرم", mw(1, true, false, false)),
    ("صفر", mw(2, true, true, false)),
    ("رجب", mw(7, true, false, false)),
    ("شعبان", mw(8, true, false, false)),
    ("رمضان", mw(9, true, false, false)),
    ("شوال", mw(10, true, false, false)),
];

/// One-word month names.
pub(crate) fn month_word(w: &str) -> Option<MonthWord> {
    MONTH_WORDS.iter().find(|(k, _)| *k == w).map(|(_, m)| *m)
}

/// Two-word month names (`كانون الثاني`, `ربيع الأول`, `ذو الحجة`).
pub(crate) fn month_pair(first: &str, second: &str) -> Option<MonthWord> {
    match (first, second) {
        ("كانون", "الثاني" | "ثاني") => Some(mw(1, false, false, false)),
        ("كانون", "الاول" | "اول") => Some(mw(12, false, false, false)),
        ("تشرين", "الاول" | "اول") => Some(mw(10, false, false, false)),
        ("تشرين", "الثاني" | "ثاني") => Some(mw(11, false, false, false)),
        ("ربيع", "الاول" | "اول") => Some(mw(3, true, false, false)),
        ("ربيع", "الثاني" | "الاخر" | "ثاني") => Some(mw(4, true, false, false)),
        ("جمادي", "الاولي" | "الاول" | "اولي") => {
            Some(mw(5, true, false, false))
        }
        ("جمادي", "الاخره" | "الثانيه" | "الاخر" | "الثاني" | "اخره") => {
            Some(mw(6, true, false, false))
        }
        ("ذو" | "ذي", "القعده") => Some(mw(11, true, false, false)),
        ("ذو" | "ذي", "الحجه") => Some(mw(12, true, false, false)),
        _ => None,
    }
}

/// Weekday names, search-folded: (word, weekday, english).
pub(crate) const WEEKDAY_WORDS: &[(&str, Weekday, bool)] = &[
    ("الاحد", Weekday::Sunday, false),
    ("الاثنين", Weekday::Monday, false),
    ("الاتنين", Weekday::Monday, false),
    ("الثلاثاء", Weekday::Tuesday, false),
    ("الثلاثا", Weekday::Tuesday, false),
    ("الاربعاء", Weekday::Wednesday, false),
    ("الاربعا", Weekday::Wednesday, false),
    ("الخميس", Weekday::Thursday, false),
    ("الجمعه", Weekday::Friday, false),
    ("السبت", Weekday::Saturday, false),
    ("sunday", Weekday::Sunday, true),
    ("monday", Weekday::Monday, true),
    ("tuesday", Weekday::Tuesday, true),
    ("wednesday", Weekday::Wednesday, true),
    ("thursday", Weekday::Thursday, true),
    ("friday", Weekday::Friday, true),
    ("saturday", Weekday::Saturday, true),
    ("sun", Weekday::Sunday, true),
    ("mon", Weekday::Monday, true),
    ("tue", Weekday::Tuesday, true),
    ("tues", Weekday::Tuesday, true),
    ("wed", Weekday::Wednesday, true),
    ("thu", Weekday::Thursday, true),
    ("thurs", Weekday::Thursday, true),
    ("fri", Weekday::Friday, true),
    ("sat", Weekday::Saturday, true),
];

/// (weekday, english) of a weekday name.
pub(crate) fn weekday_word(w: &str) -> Option<(Weekday, bool)> {
    WEEKDAY_WORDS
        .iter()
        .find(|(k, _, _)| *k == w)
        .map(|(_, d, e)| (*d, *e))
}

/// Direction words after a month, weekday, year or week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    Past,
    Current,
    Next,
}

/// The direction a word gives (`الماضي`, `الحالي`, `المقبل` and their kin).
pub(crate) fn dir_word(w: &str) -> Option<Dir> {
    match w {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفايت" | "الفايته" | "السابق"
        | "الماضيين" => Some(Dir::Past),
        "الحالي" | "الحاليه" | "الجاري" | "الجاريه" => Some(Dir::Current),
        "المقبل" | "المقبله" | "القادم" | "القادمه" | "المقبلين" | "القادمين" => {
            Some(Dir::Next)
        }
        _ => None,
    }
}

/// `منتصف فبراير` and its kin: which part of the month (first, last day).
pub(crate) fn part_of_month(w: &str) -> Option<(u8, u8)> {
    match w {
        "مطلع" | "اوايل" | "بدايه" | "اول" => Some((1, 10)),
        "منتصف" | "اواسط" | "وسط" => Some((11, 20)),
        "اواخر" | "نهايه" | "اخر" | "ختام" => Some((21, 31)),
        _ => None,
    }
}

/// Small number words used with `منذ` (`منذ ثلاثة أيام`).
pub(crate) fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "واحد" | "واحده" => 1,
        "اثنين" | "اثنتين" => 2,
        "ثلاثه" | "ثلاث" => 3,
        "اربعه" | "اربع" => 4,
        "خمسه" | "خمس" => 5,
        "سته" | "ست" => 6,
        "سبعه" | "سبع" => 7,
        "ثمانيه" | "ثماني" | "ثمان" => 8,
        "تسعه" | "تسع" => 9,
        "عشره" | "عشر" => 10,
        _ => return None,
    })
}

/// Ordinal day words, masculine (`اليوم` is) and feminine, search-folded:
/// (word, value). `الحادي` is 1 only inside `الحادي عشر` / `الحادي
/// والعشرين`; `العشرين` and `الثلاثين` stand alone or follow `و`.
pub(crate) const ORDINAL_WORDS: &[(&str, u8)] = &[
    ("الاول", 1),
    ("الاولي", 1),
    ("الحادي", 1),
    ("الحاديه", 1),
    ("الثاني", 2),
    ("الثانيه", 2),
    ("الثالث", 3),
    ("الثالثه", 3),
    ("الرابع", 4),
    ("الرابعه", 4),
    ("الخامس", 5),
    ("الخامسه", 5),
    ("السادس", 6),
    ("السادسه", 6),
    ("السابع", 7),
    ("السابعه", 7),
    ("الثامن", 8),
    ("الثامنه", 8),
    ("التاسع", 9),
    ("التاسعه", 9),
    ("العاشر", 10),
    ("العاشره", 10),
    ("العشرين", 20),
    ("الثلاثين", 30),
];

/// The value of an ordinal day word (`الخامس` → 5).
pub(crate) fn ordinal_word(w: &str) -> Option<u8> {
    ORDINAL_WORDS.iter().find(|(k, _)| *k == w).map(|(_, n)| *n)
}

/// Whether `next` can follow the ordinal `n` in a day: `من` (then a
/// month), `عشر` (11–19), `والعشرين` / `و` (21–29, 31).
pub(crate) fn ordinal_next_ok(n: u8, next: &str) -> bool {
    match next {
        "من" => true,
        "عشر" | "عشره" | "والعشرين" | "والثلاثين" | "و" => n < 10,
        _ => false,
    }
}

/// A unit of a duration (`3 أيام`, `أسبوعين`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Unit words, with the count a dual or singular form implies.
pub(crate) fn unit_word(w: &str) -> Option<(Unit, Option<u32>)> {
    Some(match w {
        "دقيقه" => (Unit::Minute, Some(1)),
        "دقايق" => (Unit::Minute, None),
        "دقيقتين" | "دقيقتان" => (Unit::Minute, Some(2)),
        "ساعه" => (Unit::Hour, Some(1)),
        "ساعات" | "ساعه_" => (Unit::Hour, None),
        "ساعتين" | "ساعتان" => (Unit::Hour, Some(2)),
        "يوم" | "يوما" => (Unit::Day, Some(1)),
        "ايام" => (Unit::Day, None),
        "يومين" | "يومان" => (Unit::Day, Some(2)),
        "اسبوع" | "اسبوعا" => (Unit::Week, Some(1)),
        "اسابيع" => (Unit::Week, None),
        "اسبوعين" | "اسبوعان" => (Unit::Week, Some(2)),
        "شهر" | "شهرا" => (Unit::Month, Some(1)),
        "اشهر" | "شهور" => (Unit::Month, None),
        "شهرين" | "شهران" => (Unit::Month, Some(2)),
        "عام" | "عاما" | "سنه" => (Unit::Year, Some(1)),
        "سنوات" | "اعوام" | "سنين" => (Unit::Year, None),
        "عامين" | "عامان" | "سنتين" | "سنتان" => (Unit::Year, Some(2)),
        _ => return None,
    })
}

/// A word before a year number (`عام 2017`, `لعام 1443 هـ`).
pub(crate) fn is_year_kw(w: &str) -> bool {
    is_year_word(w) || matches!(w, "عامي" | "وعام" | "لعام" | "بعام" | "وسنه" | "لسنه")
}

/// `عام`, `العام`, `سنة`, `السنة`.
pub(crate) fn is_year_word(w: &str) -> bool {
    matches!(w, "عام" | "العام" | "سنه" | "السنه")
}

/// Decade stems (`سبعين` in `السبعينيات`) and the decade they name.
pub(crate) const DECADE_STEMS: &[(&str, i32)] = &[
    ("عشرين", 20),
    ("ثلاثين", 30),
    ("اربعين", 40),
    ("خمسين", 50),
    ("ستين", 60),
    ("سبعين", 70),
    ("ثمانين", 80),
    ("تسعين", 90),
];

/// The decade a decade word names: `السبعينيات`, `التسعينات`, `ثمانينيات` →
/// 70, 90, 80 (the article and the plural ending `يات`/`ات` around a stem).
pub(crate) fn decade_word(w: &str) -> Option<i32> {
    let w = w.strip_prefix("ال").unwrap_or(w);
    let stem = w.strip_suffix("يات").or_else(|| w.strip_suffix("ات"))?;
    DECADE_STEMS
        .iter()
        .find(|(k, _)| *k == stem)
        .map(|(_, d)| *d)
}

/// Every decade word [`decade_word`] reads, for the trigger table.
pub(crate) const DECADE_WORDS: &[&str] = &[
    "عشرينيات",
    "عشرينات",
    "العشرينيات",
    "العشرينات",
    "ثلاثينيات",
    "ثلاثينات",
    "الثلاثينيات",
    "الثلاثينات",
    "اربعينيات",
    "اربعينات",
    "الاربعينيات",
    "الاربعينات",
    "خمسينيات",
    "خمسينات",
    "الخمسينيات",
    "الخمسينات",
    "ستينيات",
    "ستينات",
    "الستينيات",
    "الستينات",
    "سبعينيات",
    "سبعينات",
    "السبعينيات",
    "السبعينات",
    "ثمانينيات",
    "ثمانينات",
    "الثمانينيات",
    "الثمانينات",
    "تسعينيات",
    "تسعينات",
    "التسعينيات",
    "التسعينات",
];

/// A part of the day before a day (`مساء السبت`, `فجر اليوم`, `صباح أمس`).
pub(crate) fn is_part_of_day(w: &str) -> bool {
    matches!(
        w,
        "صباح" | "مساء" | "ظهر" | "عصر" | "فجر" | "ليل" | "ليله" | "ظهيره" | "ضحي"
    )
}

/// Common given names: a weekday word right after one is a family name
/// (`محمد الجمعة`), not a day.
pub(crate) fn is_given_name(w: &str) -> bool {
    matches!(
        w,
        "محمد"
            | "احمد"
            | "علي"
            | "عثمان"
            | "خالد"
            | "عمر"
            | "سعد"
            | "فهد"
            | "حسن"
            | "حسين"
            | "ابراهيم"
            | "يوسف"
            | "صالح"
            | "سلمان"
            | "ناصر"
            | "عبدالله"
            | "عبدالعزيز"
            | "عبدالرحمن"
            | "سليمان"
            | "فيصل"
            | "سعود"
            | "ماجد"
    )
}

/// Titles before a name (`الداعية عثمان الخميس`): a weekday word two words
/// after one is a family name.
pub(crate) fn is_title(w: &str) -> bool {
    matches!(
        w,
        "الكاتب"
            | "الكاتبه"
            | "الداعيه"
            | "الشيخ"
            | "الدكتور"
            | "السيد"
            | "الاستاذ"
            | "اللاعب"
            | "الفنان"
            | "الفنانه"
            | "الشاعر"
            | "الصحفي"
            | "الاعلامي"
            | "النايب"
            | "المحامي"
    )
}
