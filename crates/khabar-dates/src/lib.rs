//! Arabic date and time expressions: find them, resolve them, keep their spans.
//!
//! [`find_dates`] normalizes the text with khabar-normalize's search profile
//! (so `أكتوبر`, `اكتوبر`, `أكـتوبر` and `أُكتوبر` are one word, and `٢٠٢٢`
//! is `2022`), tokenizes the normalized text, matches a small grammar over the
//! tokens, and maps every match back to the exact bytes of the original text
//! through the normalization alignment.
//!
//! One lexicon holds the month names of every region: Egyptian/Gulf
//! (`يناير`), Levantine/Iraqi (`كانون الثاني`), Maghrebi (`جانفي`, `أوت`),
//! Moroccan (`يوليوز`, `غشت`, `دجنبر`), English, and the Hijri months.
//!
//! # Example
//!
//! ```
//! use khabar_dates::{find_dates, Date, Precision};
//!
//! let text = "التقى الوزيران يوم السبت 22 كانون الثاني \\ يناير بتأخير يوم واحد";
//! let found = find_dates(text, Date::new(2022, 1, 25));
//! assert_eq!(found.len(), 1);
//! assert_eq!(&text[found[0].span], "السبت 22 كانون الثاني \\ يناير");
//! assert_eq!(found[0].iso().as_deref(), Some("2022-01-22"));
//! assert_eq!(found[0].precision(), Precision::Day);
//! assert!(!found[0].weekday_mismatch);
//! ```
//!
//! # Crate features
//!
//! - `serde`: derives `Serialize` for [`DateMention`], [`Date`] and the
//!   types they contain.
#![deny(missing_docs)]
// Date arithmetic reads best with the usual one-letter names (y, m, d), and
// every number the grammar reads has at most four digits, so `u32 as i32`
// cannot wrap.
#![allow(clippy::many_single_char_names, clippy::cast_possible_wrap)]

mod calendar;
mod error;

pub use calendar::{days_in_month, hijri_to_gregorian, Date, Weekday};
pub use error::{Error, ErrorKind};

use std::fmt::Write as _;

use khabar_normalize::{Normalizer, Profile, Span};

use crate::calendar::hijri_month_len;

/// Which calendar the text used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Calendar {
    /// Gregorian (also for relative expressions).
    Gregorian,
    /// Hijri; the value is converted to Gregorian with Umm al-Qura and the
    /// Hijri original is kept in [`DateMention::hijri`].
    Hijri,
}

impl Calendar {
    /// `"gregorian"` or `"hijri"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Gregorian => "gregorian",
            Self::Hijri => "hijri",
        }
    }
}

/// A calendar day whose year may be unknown (`22 يناير` with no reference).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Ymd {
    /// The year, when the text or the reference gives one.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Ymd {
    fn full(d: Date) -> Self {
        Self {
            year: Some(d.year),
            month: d.month,
            day: d.day,
        }
    }

    /// The complete date, when the year is known and the day exists.
    pub fn date(self) -> Option<Date> {
        Date::new(self.year?, self.month, self.day)
    }

    fn write_iso(self, out: &mut String) {
        match self.year {
            Some(y) => {
                let _ = write!(out, "{y:04}-{:02}-{:02}", self.month, self.day);
            }
            None => {
                let _ = write!(out, "--{:02}-{:02}", self.month, self.day);
            }
        }
    }
}

/// The resolved value of a date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Value {
    /// A year (`عام 2017`, `العام الماضي`).
    Year(i32),
    /// A month, with its year when known (`فبراير الماضي`).
    Month {
        /// The year, when known.
        year: Option<i32>,
        /// Month, 1–12.
        month: u8,
    },
    /// A day (`25 يناير 2022`, `أمس`).
    Day(Ymd),
    /// A day and a time of day (`الثلاثاء 25 يناير 2022 - 16:28`).
    DateTime {
        /// The day.
        date: Ymd,
        /// Hour, 0–23.
        hour: u8,
        /// Minute, 0–59.
        minute: u8,
    },
    /// A time of day alone (`06:29 صباحاً`).
    Time {
        /// Hour, 0–23.
        hour: u8,
        /// Minute, 0–59.
        minute: u8,
    },
    /// An inclusive range of days (`منتصف فبراير`, `الأسبوع الماضي`, a Hijri
    /// month).
    Interval {
        /// First day.
        start: Ymd,
        /// Last day.
        end: Ymd,
    },
}

/// How precise a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Precision {
    /// A year.
    Year,
    /// A month.
    Month,
    /// A day.
    Day,
    /// A day and a time.
    DateTime,
    /// A time of day alone.
    Time,
    /// A range of days.
    Interval,
    /// A relative expression with no reference date to resolve it against.
    Unresolved,
}

impl Precision {
    /// Lowercase name (`"day"`, `"datetime"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::DateTime => "datetime",
            Self::Time => "time",
            Self::Interval => "interval",
            Self::Unresolved => "unresolved",
        }
    }
}

impl Value {
    /// The precision of this value.
    pub fn precision(&self) -> Precision {
        match self {
            Self::Year(_) => Precision::Year,
            Self::Month { .. } => Precision::Month,
            Self::Day(_) => Precision::Day,
            Self::DateTime { .. } => Precision::DateTime,
            Self::Time { .. } => Precision::Time,
            Self::Interval { .. } => Precision::Interval,
        }
    }

    /// ISO 8601: `2022`, `2022-01`, `2022-01-25`, `2022-01-25T16:28`,
    /// `T06:29`, `2022-02-11/2022-02-20`; with no year, the partial forms
    /// `--01`, `--01-22`, `--01-22T16:28`.
    pub fn iso(&self) -> String {
        let mut s = String::new();
        match *self {
            Self::Year(y) => {
                let _ = write!(s, "{y:04}");
            }
            Self::Month { year, month } => match year {
                Some(y) => {
                    let _ = write!(s, "{y:04}-{month:02}");
                }
                None => {
                    let _ = write!(s, "--{month:02}");
                }
            },
            Self::Day(d) => d.write_iso(&mut s),
            Self::DateTime { date, hour, minute } => {
                date.write_iso(&mut s);
                let _ = write!(s, "T{hour:02}:{minute:02}");
            }
            Self::Time { hour, minute } => {
                let _ = write!(s, "T{hour:02}:{minute:02}");
            }
            Self::Interval { start, end } => {
                start.write_iso(&mut s);
                s.push('/');
                end.write_iso(&mut s);
            }
        }
        s
    }

    /// Whether the value has a year (or is a time of day, which needs none).
    pub fn is_complete(&self) -> bool {
        match self {
            Self::Year(_) | Self::Time { .. } => true,
            Self::Month { year, .. } => year.is_some(),
            Self::Day(d) | Self::DateTime { date: d, .. } => d.year.is_some(),
            Self::Interval { start, end } => start.year.is_some() && end.year.is_some(),
        }
    }
}

/// A Hijri date as written (`15 ربيع الأول 1443 هـ`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HijriDate {
    /// Hijri year.
    pub year: i32,
    /// Hijri month, 1–12, when given.
    pub month: Option<u8>,
    /// Day, when given.
    pub day: Option<u8>,
}

/// One date expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DateMention {
    /// Byte span in the text given to [`find_dates`].
    pub span: Span,
    /// The resolved value; `None` for a relative expression (`أمس`) when no
    /// reference date was given. Never resolved against today.
    pub value: Option<Value>,
    /// The calendar the text used.
    pub calendar: Calendar,
    /// The Hijri original, for Hijri dates.
    pub hijri: Option<HijriDate>,
    /// The weekday named in the expression (`الثلاثاء 25 يناير`).
    pub weekday: Option<Weekday>,
    /// The named weekday is not the weekday of the resolved date.
    pub weekday_mismatch: bool,
    /// The value depends on the reference date (`أمس`, `فبراير الماضي`, a day
    /// with no year).
    pub relative: bool,
    /// The UTC offset written right after a time of day, in minutes east
    /// of UTC (`16:28 (GMT+3)`, `بتوقيت غرينتش +3` → 180; `GMT`, `Z` → 0);
    /// `None` without a time or an explicit offset (a place such as `بتوقيت
    /// مكة` is never turned into one).
    pub utc_offset: Option<i16>,
}

/// The largest UTC offset in use (UTC+14, Kiribati), in minutes.
const MAX_OFFSET: i32 = 14 * 60;

/// A numeric UTC offset at the start of `s`: `Z` (when `z` allows it),
/// `+03:00`, `+0300`, `+03`, `+3`, `-05:30` (ASCII, Arabic-Indic or Persian
/// digits; `−` for minus). (minutes east of UTC, bytes read).
pub fn numeric_offset(s: &str, z: bool) -> Option<(i16, usize)> {
    if z && s.starts_with(['Z', 'z']) && !s[1..].starts_with(|c: char| c.is_alphanumeric()) {
        return Some((0, 1));
    }
    let sign = s.chars().next()?;
    let neg = match sign {
        '+' => false,
        '-' | '−' => true,
        _ => return None,
    };
    let mut pos = sign.len_utf8();
    let digits = |from: usize| -> Vec<(u32, usize)> {
        s[from..]
            .char_indices()
            .map_while(|(k, c)| digit_value(c).map(|d| (d, from + k + c.len_utf8())))
            .collect()
    };
    let head = digits(pos);
    let (hours, minutes) = match head.len() {
        1 | 2 => {
            let h = head.iter().fold(0, |acc, (d, _)| acc * 10 + d);
            pos = head.last()?.1;
            let mut m = 0;
            if let Some(after) = s[pos..].strip_prefix(':') {
                let tail = digits(pos + 1);
                if tail.len() != 2 || after.is_empty() {
                    return None;
                }
                m = tail[0].0 * 10 + tail[1].0;
                pos = tail[1].1;
            }
            (h, m)
        }
        4 => {
            pos = head[3].1;
            (head[0].0 * 10 + head[1].0, head[2].0 * 10 + head[3].0)
        }
        _ => return None,
    };
    if s[pos..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let total = i32::try_from(hours * 60 + minutes).ok()?;
    if minutes > 59 || total > MAX_OFFSET {
        return None;
    }
    let total = i16::try_from(if neg { -total } else { total }).ok()?;
    Some((total, pos))
}

/// The value of an ASCII, Arabic-Indic or Persian digit.
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    }
}

/// An explicit UTC offset right after a time of day: `+03:00`
/// (`2022-01-25T16:28:00+03:00`), `+0300`, `Z`, `GMT+3`, `(UTC+03:00)`,
/// `GMT`, `بتوقيت غرينتش +3`, `بتوقيت غرينتش`, `ت.غ`. (minutes east of UTC,
/// bytes read). A zone named by a place (`بتوقيت مكة المكرمة`, `بتوقيت
/// القدس`) gives none: offsets are never guessed.
fn offset_after_time(s: &str) -> Option<i16> {
    let s =
        s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '\u{200f}'));
    if let Some((m, _)) = numeric_offset(s, false) {
        // A bare sign and one or two digits is too loose (`16:28 +3` could be
        // anything): only `+HH:MM` and `+HHMM` stand alone.
        let t = s.trim_start_matches(['+', '-', '−']);
        let digits = t.chars().take_while(|&c| digit_value(c).is_some()).count();
        if digits == 4 || t.chars().nth(digits) == Some(':') {
            return Some(m);
        }
        return None;
    }
    let zone = |rest: &str| -> Option<i16> {
        let rest = rest.trim_start_matches([' ', '\u{a0}']);
        if rest.starts_with(['+', '-', '−']) {
            return numeric_offset(rest, false).map(|(m, _)| m);
        }
        // The zone alone is UTC itself (`16:40 GMT 19.07.2023`: a date
        // follows); a number without a sign (`GMT 3`) is not read.
        let digits = rest
            .chars()
            .take_while(|&c| digit_value(c).is_some())
            .count();
        let date_follows = rest
            .chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '.' | '/' | '-'));
        (digits == 0 || date_follows).then_some(0)
    };
    for name in ["GMT", "UTC", "gmt", "utc", "Gmt", "Utc"] {
        if let Some(rest) = s.strip_prefix(name) {
            if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                return zone(rest);
            }
        }
    }
    if let Some(rest) = s.strip_prefix("ت.غ") {
        return (!rest.starts_with(|c: char| c.is_alphanumeric())).then_some(0);
    }
    // `بتوقيت غرينتش` / `توقيت جرينتش` / `بتوقيت GMT`.
    let first = s.split_whitespace().next()?;
    let label = fold_line(first);
    if !matches!(label.as_str(), "بتوقيت" | "توقيت") {
        return None;
    }
    let rest = s[first.len()..].trim_start_matches([' ', '\u{a0}']);
    let second = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '+' | '-' | '−' | ')' | '(' | ','))
        .next()?;
    let name = fold_line(second);
    if matches!(
        name.as_str(),
        "غرينتش"
            | "غرينيتش"
            | "جرينتش"
            | "جرينيتش"
            | "غرنتش"
            | "جرنتش"
            | "gmt"
            | "utc"
    ) {
        return zone(&rest[second.len()..]);
    }
    None
}

/// The UTC offset written right after a mention of a time of day at
/// `span` of `text` (see [`offset_after_time`]; `2022-01-25T16:28Z`, where
/// the mention took the `Z` in, is UTC).
fn offset_after_mention(text: &str, span: Span) -> Option<i16> {
    let surface = text.get(span.range())?;
    if surface.ends_with(['Z', 'z'])
        && surface[..surface.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    {
        return Some(0);
    }
    offset_after_time(text.get(span.end..)?)
}

/// Append a UTC offset in minutes as ISO 8601 `+HH:MM` / `-HH:MM`.
pub fn push_offset(s: &mut String, minutes: i16) {
    use std::fmt::Write as _;
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    let _ = write!(s, "{sign}{:02}:{:02}", m / 60, m % 60);
}

impl DateMention {
    /// The precision of the value ([`Precision::Unresolved`] without one).
    pub fn precision(&self) -> Precision {
        self.value
            .as_ref()
            .map_or(Precision::Unresolved, Value::precision)
    }

    /// The value in ISO 8601 form (see [`Value::iso`]), with the UTC offset
    /// of a time of day when the text gives one (`2022-01-25T16:28+03:00`).
    pub fn iso(&self) -> Option<String> {
        let mut s = self.value.as_ref().map(Value::iso)?;
        if let Some(m) = self.utc_offset {
            push_offset(&mut s, m);
        }
        Some(s)
    }

    /// Whether the value is known completely (a relative expression with no
    /// reference, or a day with no year, is not).
    pub fn is_resolved(&self) -> bool {
        self.value.as_ref().is_some_and(Value::is_complete)
    }
}

// ---------------------------------------------------------------------------
// Tokens of the normalized text.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct(char),
    Newline,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: u32,
    end: u32,
    kind: Kind,
    /// Whitespace between this token and the previous one.
    gap: bool,
}

fn tokenize(text: &str, out: &mut Vec<Tok>) {
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
            if is_letter(c) {
                i += c.len_utf8();
                while let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
                    if is_letter(c) {
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
        // The conjunction `و` on a date word is a token of its own, so that
        // the expression (and its span) starts after it: `وفبراير 2020`.
        let split = kind == Kind::Word
            && text[start..i]
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
            gap = false;
            out.push(Tok {
                start: waw as u32,
                end: i as u32,
                kind,
                gap,
            });
        } else {
            out.push(Tok {
                start: start as u32,
                end: i as u32,
                kind,
                gap,
            });
        }
        gap = false;
    }
}

// ---------------------------------------------------------------------------
// The lexicon (search-normalized spellings: no hamza on alef, ة → ه, ى → ي).

/// A month name: number, calendar, and whether the word has another common
/// meaning (`مارس` "practised", `أب` "father") so it counts only next to a day,
/// a year or a second month name.
#[derive(Clone, Copy, Debug)]
struct MonthWord {
    month: u8,
    hijri: bool,
    weak: bool,
    /// English month name (then `10/11` after a weekday reads month-first).
    english: bool,
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
const MONTH_WORDS: &[(&str, MonthWord)] = &[
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
    ("محرم", mw(1, true, false, false)),
    ("صفر", mw(2, true, true, false)),
    ("رجب", mw(7, true, false, false)),
    ("شعبان", mw(8, true, false, false)),
    ("رمضان", mw(9, true, false, false)),
    ("شوال", mw(10, true, false, false)),
];

/// One-word month names.
fn month_word(w: &str) -> Option<MonthWord> {
    MONTH_WORDS.iter().find(|(k, _)| *k == w).map(|(_, m)| *m)
}

/// Two-word month names (`كانون الثاني`, `ربيع الأول`, `ذو الحجة`).
fn month_pair(first: &str, second: &str) -> Option<MonthWord> {
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
const WEEKDAY_WORDS: &[(&str, Weekday, bool)] = &[
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
];

/// (weekday, english) of a weekday name.
fn weekday_word(w: &str) -> Option<(Weekday, bool)> {
    WEEKDAY_WORDS
        .iter()
        .find(|(k, _, _)| *k == w)
        .map(|(_, d, e)| (*d, *e))
}

/// Direction words after a month, weekday, year or week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Past,
    Current,
    Next,
}

fn dir_word(w: &str) -> Option<Dir> {
    match w {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفايت" | "الفايته" | "السابق" => {
            Some(Dir::Past)
        }
        "الحالي" | "الحاليه" | "الجاري" | "الجاريه" => Some(Dir::Current),
        "المقبل" | "المقبله" | "القادم" | "القادمه" => Some(Dir::Next),
        _ => None,
    }
}

/// `منتصف فبراير` and its kin: which part of the month (first, last day).
fn part_of_month(w: &str) -> Option<(u8, u8)> {
    match w {
        "مطلع" | "اوايل" | "بدايه" | "اول" => Some((1, 10)),
        "منتصف" | "اواسط" | "وسط" => Some((11, 20)),
        "اواخر" | "نهايه" | "اخر" | "ختام" => Some((21, 31)),
        _ => None,
    }
}

/// Small number words used with `منذ` (`منذ ثلاثة أيام`).
fn number_word(w: &str) -> Option<u32> {
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
const ORDINAL_WORDS: &[(&str, u8)] = &[
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

fn ordinal_word(w: &str) -> Option<u8> {
    ORDINAL_WORDS.iter().find(|(k, _)| *k == w).map(|(_, n)| *n)
}

/// Whether `next` can follow the ordinal `n` in a day: `من` (then a
/// month), `عشر` (11–19), `والعشرين` / `و` (21–29, 31).
fn ordinal_next_ok(n: u8, next: &str) -> bool {
    match next {
        "من" => true,
        "عشر" | "عشره" | "والعشرين" | "والثلاثين" | "و" => n < 10,
        _ => false,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Unit words, with the count a dual or singular form implies.
fn unit_word(w: &str) -> Option<(Unit, Option<u32>)> {
    Some(match w {
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

// ---------------------------------------------------------------------------
// The matcher.

struct Cx<'t> {
    text: &'t str,
    toks: &'t [Tok],
    reference: Option<Date>,
}

/// A match before mapping back: token range and what it means.
struct Hit {
    first: usize,
    /// One past the last token.
    last: usize,
    value: Option<Value>,
    calendar: Calendar,
    hijri: Option<HijriDate>,
    weekday: Option<Weekday>,
    relative: bool,
}

impl Hit {
    fn new(first: usize, last: usize, value: Option<Value>) -> Self {
        Self {
            first,
            last,
            value,
            calendar: Calendar::Gregorian,
            hijri: None,
            weekday: None,
            relative: false,
        }
    }
}

impl<'t> Cx<'t> {
    fn word(&self, i: usize) -> Option<&'t str> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Word {
            self.text.get(t.start as usize..t.end as usize)
        } else {
            None
        }
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// The number at `i` and its digit count.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let s = self.text.get(t.start as usize..t.end as usize)?;
        if s.len() > 4 {
            return None;
        }
        s.parse().ok().map(|n| (n, s.len()))
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Token `i` touches the one before it (no whitespace).
    fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// A month name at `i`: (month word, next token).
    fn month_at(&self, i: usize) -> Option<(MonthWord, usize)> {
        let w = self.word(i)?;
        if let Some(second) = self.word(i + 1) {
            if let Some(m) = month_pair(w, second) {
                return Some((m, i + 2));
            }
        }
        month_word(w).map(|m| (m, i + 1))
    }

    /// A month name at `i`, plus an optional second name of the same month
    /// (`كانون الثاني \ يناير`, `فبراير/شباط`, `أكتوبر (تشرين الأول)`).
    fn month_dual_at(&self, i: usize) -> Option<(MonthWord, usize, bool)> {
        let (m, next) = self.month_at(i)?;
        if m.hijri {
            return Some((m, next, false));
        }
        if let Some(c) = self.punct(next) {
            match c {
                '\\' | '/' | '-' | '–' | '|' => {
                    if let Some((m2, after)) = self.month_at(next + 1) {
                        if m2.month == m.month && !m2.hijri {
                            return Some((m, after, true));
                        }
                    }
                }
                '(' => {
                    if let Some((m2, after)) = self.month_at(next + 1) {
                        if m2.month == m.month && !m2.hijri && self.punct(after) == Some(')') {
                            return Some((m, after + 1, true));
                        }
                    }
                }
                _ => {}
            }
        }
        Some((m, next, false))
    }

    /// A year at `i` (four digits), optionally after `عام`/`من عام`, and its
    /// calendar marker (`م`, `هـ`). Returns (year, next, marker).
    fn year_at(&self, i: usize) -> Option<(i32, usize, Option<Calendar>)> {
        let mut j = i;
        if self.is_word(j, "من") && self.word(j + 1).is_some_and(is_year_word) {
            j += 2;
        } else if self.word(j).is_some_and(is_year_word) {
            j += 1;
        } else if self.punct(j) == Some(',') && self.num(j + 1).is_some_and(|(_, d)| d == 4) {
            // `10 مارس ,2023` (Al Arabiya's datelines).
            j += 1;
        }
        let (y, digits) = self.num(j)?;
        if digits != 4 {
            return None;
        }
        let (marker, next) = self.marker_at(j + 1);
        Some((y as i32, next, marker))
    }

    /// `م` / `ميلادي` / `هـ` / `هجري` after a year.
    fn marker_at(&self, i: usize) -> (Option<Calendar>, usize) {
        match self.word(i) {
            Some("م" | "ميلادي" | "ميلاديه" | "للميلاد") => {
                (Some(Calendar::Gregorian), i + 1)
            }
            Some("ه" | "هجري" | "هجريه" | "للهجره") => {
                (Some(Calendar::Hijri), i + 1)
            }
            _ => (None, i),
        }
    }

    /// A day number at `i` (1–31), with `الـ` before it (`الـ3 من`).
    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        let (d, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&d) {
            return None;
        }
        // Not the first part of a numeric date or a time.
        if let Some(c) = self.punct(i + 1) {
            if matches!(c, '/' | ':' | '.' | '-') && self.tight(i + 1) && self.num(i + 2).is_some()
            {
                return None;
            }
        }
        let mut j = i + 1;
        if self.is_word(j, "من") && self.month_at(j + 1).is_some() {
            j += 1;
        }
        Some((d as u8, j))
    }

    /// `HH:MM` with an optional `صباحاً`/`مساءً` at `i`: (hour, minute, next).
    fn time_at(&self, i: usize) -> Option<(u8, u8, usize)> {
        let (hh, hd) = self.num(i)?;
        if hd > 2 || self.punct(i + 1) != Some(':') || !self.tight(i + 1) || !self.tight(i + 2) {
            return None;
        }
        let (mm, md) = self.num(i + 2)?;
        if md != 2 || mm > 59 || hh > 23 {
            return None;
        }
        let mut j = i + 3;
        if self.punct(j) == Some(':')
            && self.tight(j)
            && self.num(j + 1).is_some_and(|(s, d)| d == 2 && s < 60)
        {
            j += 2;
        }
        let mut hour = hh as u8;
        match self.word(j) {
            Some("صباحا" | "صباح" | "ص" | "am" | "فجرا") if hour <= 12 => {
                if hour == 12 {
                    hour = 0;
                }
                j += 1;
            }
            Some("مساء" | "مساءا" | "م" | "pm" | "ظهرا" | "عصرا" | "ليلا" | "مساءً")
                if hour <= 12 =>
            {
                if hour < 12 {
                    hour += 12;
                }
                j += 1;
            }
            _ => {}
        }
        if self.is_word(j, "z") && self.tight(j) {
            j += 1;
        }
        Some((hour, mm as u8, j))
    }

    /// A time right after a date (`- 16:28`, `، الساعة 10:30`, `T14:30`).
    fn time_after(&self, i: usize) -> Option<(u8, u8, usize)> {
        let mut j = i;
        if self.is_word(j, "t") && self.tight(j) {
            return self.time_at(j + 1);
        }
        if matches!(self.punct(j), Some('-' | '–' | ',' | '|' | '/')) {
            j += 1;
        }
        if matches!(self.word(j), Some("الساعه" | "في" | "at" | "عند")) {
            j += 1;
        }
        self.time_at(j)
    }

    /// Numeric dates: `14/11/2016`, `20-10-2021`, `2021-10-20`, `2021/10/20`.
    /// `prefer_mdy` when an English weekday introduced it.
    fn numeric_at(
        &self,
        i: usize,
        weekday: Option<Weekday>,
        prefer_mdy: bool,
    ) -> Option<(Date, usize)> {
        let (a, ad) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.') {
            return None;
        }
        if !(self.tight(i + 1)
            && self.tight(i + 2)
            && self.punct(i + 3) == Some(sep)
            && self.tight(i + 3)
            && self.tight(i + 4))
        {
            return None;
        }
        let (b, bd) = self.num(i + 2)?;
        let (c, cd) = self.num(i + 4)?;
        let next = i + 5;
        // A longer run (`1.2.3.4`, a version or a phone number) is not a date.
        if matches!(self.punct(next), Some('/' | '-' | '.'))
            && self.tight(next)
            && self.num(next + 1).is_some()
            && self.tight(next + 1)
        {
            return None;
        }
        if i > 0
            && matches!(self.punct(i - 1), Some('/' | '-' | '.'))
            && self.tight(i)
            && self.num(i.wrapping_sub(2)).is_some()
        {
            return None;
        }
        if ad == 4 && bd <= 2 && cd <= 2 {
            let d = Date::new(a as i32, b as u8, c as u8)?;
            return in_range(d).then_some((d, next));
        }
        if cd != 4 || ad > 2 || bd > 2 {
            return None;
        }
        let y = c as i32;
        let dmy = Date::new(y, b as u8, a as u8);
        let mdy = Date::new(y, a as u8, b as u8);
        let pick = match (dmy, mdy) {
            (Some(x), None) | (None, Some(x)) => x,
            (Some(x), Some(z)) => {
                // Both readings exist (`10/11/2021`): the weekday decides,
                // then the convention of the language of the weekday.
                match weekday {
                    Some(w) if x.weekday() == w && z.weekday() != w => x,
                    Some(w) if z.weekday() == w && x.weekday() != w => z,
                    _ if prefer_mdy => z,
                    _ => x,
                }
            }
            (None, None) => return None,
        };
        in_range(pick).then_some((pick, next))
    }

    /// `1/1/1446 هـ`, `1-9-1445هـ`, `1445/09/01 هـ`: a numeric Hijri day,
    /// only with the `هـ` marker (and a year 1300–1600).
    fn hijri_numeric_at(&self, i: usize) -> Option<Hit> {
        let (a, ad) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        let tight = self.tight(i + 1)
            && self.tight(i + 2)
            && self.punct(i + 3) == Some(sep)
            && self.tight(i + 3)
            && self.tight(i + 4);
        if !matches!(sep, '/' | '-' | '.') || !tight {
            return None;
        }
        let (b, bd) = self.num(i + 2)?;
        let (c, cd) = self.num(i + 4)?;
        let (marker, next) = self.marker_at(i + 5);
        if marker != Some(Calendar::Hijri) || bd > 2 {
            return None;
        }
        let (y, month, day) = match (ad, cd) {
            (1 | 2, 4) => (c, b, a),
            (4, 1 | 2) => (a, b, c),
            _ => return None,
        };
        let y = y as i32;
        if !(1300..=1600).contains(&y) {
            return None;
        }
        let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
        let g = hijri_to_gregorian(y, month, day)?;
        let mut hit = Hit::new(i, next, Some(Value::Day(Ymd::full(g))));
        hit.calendar = Calendar::Hijri;
        hit.hijri = Some(HijriDate {
            year: y,
            month: Some(month),
            day: Some(day),
        });
        Some(hit)
    }

    /// An ordinal day word and `من` before a month (`الأول من مارس`,
    /// `الخامس عشر من رمضان`, `الحادي والعشرين من`): (day, the month's
    /// token).
    fn ordinal_day_at(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.word(i)?;
        let n = ordinal_word(w)?;
        // After a definite noun the ordinal is its adjective: `الأسبوع
        // الأول من مارس`, `النصف الثاني من`, `الثلاثاء الأول من`; only
        // `اليوم الأول من مارس` is the day.
        if i > 0
            && self
                .word(i - 1)
                .is_some_and(|p| p.starts_with("ال") && p != "اليوم")
        {
            return None;
        }
        let mut j = i + 1;
        let day = match self.word(j) {
            Some("عشر" | "عشره") if n < 10 => {
                j += 1;
                10 + n
            }
            Some("والعشرين") if n < 10 => {
                j += 1;
                20 + n
            }
            Some("والثلاثين") if n == 1 => {
                j += 1;
                31
            }
            Some("و") if n < 10 && self.is_word(j + 1, "العشرين") => {
                j += 2;
                20 + n
            }
            Some("و") if n == 1 && self.is_word(j + 1, "الثلاثين") => {
                j += 2;
                31
            }
            _ if matches!(w, "الحادي" | "الحاديه") => return None,
            _ => n,
        };
        if !self.is_word(j, "من") {
            return None;
        }
        self.month_at(j + 1)?;
        Some((day, j + 1))
    }

    /// `من 3 إلى 5 مارس`, `بين 3 و5 مارس`, `3-5 مارس`: a first day and a
    /// range word before `hit` (a day and its month): the first token of the
    /// range and its value, the interval of days. `3 و5 مارس` without `بين`
    /// is two days, not a range.
    fn range_before(&self, hit: &Hit) -> Option<(usize, Option<Value>)> {
        let i = hit.first;
        let (d2, _) = self.num(i)?;
        let k = i.checked_sub(1)?;
        let needs_intro = match (self.word(k), self.punct(k)) {
            (Some("و"), _) => true,
            (Some("الي" | "حتي" | "لغايه"), _) | (_, Some('-' | '–')) => false,
            _ => return None,
        };
        let dtok = k.checked_sub(1)?;
        let (d1, digits) = self.num(dtok)?;
        if digits > 2 || d1 == 0 || d1 >= d2 {
            return None;
        }
        // Not the tail of a longer number run (`2021-3-5 مارس`, `1.3 - 5`).
        if dtok > 0 && self.punct(dtok - 1).is_some() && self.tight(dtok) {
            return None;
        }
        let intro = dtok
            .checked_sub(1)
            .filter(|&p| matches!(self.word(p), Some("من" | "بين")));
        if needs_intro && intro.is_none() {
            return None;
        }
        let first = intro.unwrap_or(dtok);
        let back = i64::from(d2 - d1);
        let value = match hit.value {
            Some(Value::Day(end)) => Some(Value::Interval {
                start: match end.date() {
                    Some(e) => Ymd::full(e.add_days(-back)),
                    None => Ymd {
                        year: None,
                        month: end.month,
                        day: u8::try_from(d1).ok()?,
                    },
                },
                end,
            }),
            None => None,
            Some(_) => return None,
        };
        Some((first, value))
    }

    /// The date part after an optional weekday.
    fn core_at(&self, i: usize, weekday: Option<Weekday>, english: bool) -> Option<Hit> {
        if let Some(hit) = self.hijri_numeric_at(i) {
            return Some(hit);
        }
        if let Some((day, after_min)) = self.ordinal_day_at(i) {
            let (m, after_month, _) = self.month_dual_at(after_min)?;
            return self.day_month(i, day, m, after_month);
        }
        if let Some((d, next)) = self.numeric_at(i, weekday, english) {
            let mut hit = Hit::new(i, next, Some(Value::Day(Ymd::full(d))));
            if let Some((hour, minute, after)) = self.time_after(next) {
                hit.value = Some(Value::DateTime {
                    date: Ymd::full(d),
                    hour,
                    minute,
                });
                hit.last = after;
            }
            return Some(hit);
        }
        // `الـ3 من تشرين الأول`: the article before the number.
        let (first, day_tok) = if self.is_word(i, "ال") && self.tight(i + 1)
            || self.is_word(i, "ال") && self.num(i + 1).is_some()
        {
            (i, i + 1)
        } else {
            (i, i)
        };
        if let Some((day, after_day)) = self.day_at(day_tok) {
            if let Some((m, after_month, _dual)) = self.month_dual_at(after_day) {
                return self.day_month(first, day, m, after_month);
            }
            return None;
        }
        if first != i {
            return None;
        }
        if let Some((m, after_month, dual)) = self.month_dual_at(i) {
            // English `October 20, 2021`.
            if m.english {
                if let Some((d, dd)) = self.num(after_month) {
                    if dd <= 2 && (1..=31).contains(&d) {
                        let mut j = after_month + 1;
                        if self.punct(j) == Some(',') {
                            j += 1;
                        }
                        if let Some((y, after_year, _)) = self.year_at(j) {
                            let date = Date::new(y, m.month, d as u8)?;
                            return Some(Hit::new(
                                i,
                                after_year,
                                Some(Value::Day(Ymd::full(date))),
                            ));
                        }
                    }
                }
            }
            return self.month_only(i, m, after_month, dual);
        }
        None
    }

    /// `<day> <month> [year|الماضي] [time]`.
    fn day_month(&self, first: usize, day: u8, m: MonthWord, after_month: usize) -> Option<Hit> {
        if m.hijri {
            let Some((y, next, marker)) = self.year_at(after_month) else {
                return self.hijri_day_relative(first, day, m, after_month);
            };
            if marker == Some(Calendar::Gregorian) || !(1300..=1600).contains(&y) {
                return None;
            }
            let g = hijri_to_gregorian(y, m.month, day)?;
            let mut hit = Hit::new(first, next, Some(Value::Day(Ymd::full(g))));
            hit.calendar = Calendar::Hijri;
            hit.hijri = Some(HijriDate {
                year: y,
                month: Some(m.month),
                day: Some(day),
            });
            return Some(hit);
        }
        let mut hit;
        if let Some((y, next, marker)) = self.year_at(after_month) {
            if marker == Some(Calendar::Hijri) || !(1000..=2200).contains(&y) {
                return None;
            }
            let date = Date::new(y, m.month, day)?;
            hit = Hit::new(first, next, Some(Value::Day(Ymd::full(date))));
        } else if let Some((year, next)) = self.rel_year_after(after_month) {
            hit = Hit::new(first, next, None);
            hit.relative = true;
            hit.value = Some(match year {
                Some(y) => Value::Day(Ymd::full(Date::new(y, m.month, day)?)),
                None => Value::Day(Ymd {
                    year: None,
                    month: m.month,
                    day,
                }),
            });
        } else if let Some(dir) = self.word(after_month).and_then(dir_word) {
            hit = Hit::new(first, after_month + 1, None);
            hit.relative = true;
            let year = self.reference.map(|r| month_year_dir(r, m.month, dir));
            hit.value = Some(day_value(year, m.month, day)?);
        } else {
            if day > days_in_month(2000, m.month) {
                return None;
            }
            hit = Hit::new(first, after_month, None);
            hit.relative = true;
            let year = self.reference.map(|r| closest_year(r, m.month, day));
            hit.value = Some(day_value(year, m.month, day)?);
        }
        if let Some((hour, minute, after)) = self.time_after(hit.last) {
            if let Some(Value::Day(d)) = hit.value {
                hit.value = Some(Value::DateTime {
                    date: d,
                    hour,
                    minute,
                });
                hit.last = after;
            }
        }
        Some(hit)
    }

    /// A day of a Hijri month with no year: `15 رمضان`, `الخامس عشر من
    /// رمضان`, `10 محرم الماضي`. Resolved like a Gregorian day with no year
    /// (the nearest such day, or the one in the last/next such month), on
    /// the Hijri calendar; with no reference there is no Gregorian value.
    fn hijri_day_relative(
        &self,
        first: usize,
        day: u8,
        m: MonthWord,
        after_month: usize,
    ) -> Option<Hit> {
        if !(1..=30).contains(&day) {
            return None;
        }
        let dir = self.word(after_month).and_then(dir_word);
        // `3 صفر` is a score more often than a date.
        if m.weak && dir.is_none() {
            return None;
        }
        let next = after_month + usize::from(dir.is_some());
        let mut hit = Hit::new(first, next, None);
        hit.relative = true;
        hit.calendar = Calendar::Hijri;
        if let Some(r) = self.reference {
            let hy = hijri_year(r, m.month, dir, day)?;
            let g = hijri_to_gregorian(hy, m.month, day)?;
            hit.value = Some(Value::Day(Ymd::full(g)));
            hit.hijri = Some(HijriDate {
                year: hy,
                month: Some(m.month),
                day: Some(day),
            });
        }
        Some(hit)
    }

    /// A Hijri month with no year: `رمضان الماضي`, `في ذي الحجة`.
    fn hijri_month_relative(&self, i: usize, m: MonthWord, after: usize) -> Option<Hit> {
        let dir = self.word(after).and_then(dir_word);
        let next = match dir {
            Some(_) => after + 1,
            None if !m.weak && self.month_intro(i) => after,
            None => return None,
        };
        let mut hit = Hit::new(i, next, None);
        hit.relative = true;
        hit.calendar = Calendar::Hijri;
        if let Some(r) = self.reference {
            let hy = hijri_year(r, m.month, dir, 15)?;
            hit.value = Some(hijri_month_interval(hy, m.month)?);
            hit.hijri = Some(HijriDate {
                year: hy,
                month: Some(m.month),
                day: None,
            });
        }
        Some(hit)
    }

    /// `من العام الماضي` / `من هذا العام` after a month: the year it names.
    fn rel_year_after(&self, i: usize) -> Option<(Option<i32>, usize)> {
        let mut j = i;
        if self.is_word(j, "من") {
            j += 1;
        } else {
            return None;
        }
        if self.is_word(j, "هذا") && self.word(j + 1).is_some_and(is_year_word) {
            return Some((self.reference.map(|r| r.year), j + 2));
        }
        if self.word(j).is_some_and(is_year_word) {
            let dir = self.word(j + 1).and_then(dir_word)?;
            let year = self.reference.map(|r| r.year + dir_delta(dir));
            return Some((year, j + 2));
        }
        None
    }

    /// A month with no day: `فبراير 2022`, `فبراير الماضي`, `رمضان 1443`.
    fn month_only(&self, i: usize, m: MonthWord, after: usize, dual: bool) -> Option<Hit> {
        if m.hijri {
            let Some((y, next, marker)) = self.year_at(after) else {
                return self.hijri_month_relative(i, m, after);
            };
            if marker == Some(Calendar::Gregorian) || !(1300..=1600).contains(&y) {
                return None;
            }
            let mut hit = Hit::new(i, next, Some(hijri_month_interval(y, m.month)?));
            hit.calendar = Calendar::Hijri;
            hit.hijri = Some(HijriDate {
                year: y,
                month: Some(m.month),
                day: None,
            });
            return Some(hit);
        }
        if let Some((y, next, marker)) = self.year_at(after) {
            if marker == Some(Calendar::Hijri) || !(1000..=2200).contains(&y) {
                return None;
            }
            return Some(Hit::new(
                i,
                next,
                Some(Value::Month {
                    year: Some(y),
                    month: m.month,
                }),
            ));
        }
        if let Some((year, next)) = self.rel_year_after(after) {
            let mut hit = Hit::new(
                i,
                next,
                Some(Value::Month {
                    year,
                    month: m.month,
                }),
            );
            hit.relative = true;
            return Some(hit);
        }
        if let Some(dir) = self.word(after).and_then(dir_word) {
            let mut hit = Hit::new(i, after + 1, None);
            hit.relative = true;
            hit.value = Some(Value::Month {
                year: self.reference.map(|r| month_year_dir(r, m.month, dir)),
                month: m.month,
            });
            return Some(hit);
        }
        // A bare month name counts after words that introduce a time
        // (`في فبراير`, `منذ أكتوبر`, `شهر مايو`), or when written twice
        // (`أكتوبر (تشرين الأول)`); `مارس` alone is usually the verb.
        if dual || (self.month_intro(i) && !m.weak) {
            let mut hit = Hit::new(i, after, None);
            hit.relative = true;
            hit.value = Some(Value::Month {
                year: self.reference.map(|r| closest_year(r, m.month, 15)),
                month: m.month,
            });
            return Some(hit);
        }
        None
    }

    /// Whether the word before a bare month name at `i` introduces a time.
    fn month_intro(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.word(i - 1),
                Some(
                    "في" | "شهر"
                        | "منذ"
                        | "حتي"
                        | "خلال"
                        | "بحلول"
                        | "قبل"
                        | "بعد"
                        | "مطلع"
                        | "منتصف"
                        | "اواخر"
                        | "اوايل"
                        | "نهايه"
                        | "بدايه"
                        | "اواسط"
                        | "وفي"
                        | "ومنذ"
                )
            )
    }

    /// `منتصف فبراير/شباط الماضي` → an interval of the month.
    fn part_at(&self, i: usize) -> Option<Hit> {
        let (lo, hi) = part_of_month(self.word(i)?)?;
        if let Some(hit) = self.part_of_year_at(i, lo) {
            return Some(hit);
        }
        let mut j = i + 1;
        // `منتصف الشهر الماضي`: a part of a month named relative to the
        // reference; `مطلع هذا الشهر`, and `نهاية الشهر` with no direction: the
        // reference's month, as `الشهر الجاري`. A definite word after a bare
        // `الشهر` names another month (`نهاية الشهر الفضيل` is Ramadan).
        let this = self.is_word(j, "هذا") && self.is_word(j + 1, "الشهر");
        if this {
            j += 1;
        }
        if self.is_word(j, "الشهر") {
            let (dir, last) = self.dir_after(j, this)?;
            let mut hit = Hit::new(i, last, None);
            hit.relative = true;
            hit.value = self.reference.map(|r| {
                let (y, m) = add_months(r.year, r.month, i64::from(dir_delta(dir)));
                Value::Interval {
                    start: Ymd {
                        year: Some(y),
                        month: m,
                        day: lo,
                    },
                    end: Ymd {
                        year: Some(y),
                        month: m,
                        day: hi.min(days_in_month(y, m)),
                    },
                }
            });
            return Some(hit);
        }
        if self.is_word(j, "شهر") {
            j += 1;
        }
        let (m, after, _) = self.month_dual_at(j)?;
        if m.hijri {
            return None;
        }
        let inner = self.month_only(j, m, after, true)?;
        let Some(Value::Month { year, month }) = inner.value else {
            return None;
        };
        let last = match year {
            Some(y) => days_in_month(y, month),
            None => days_in_month(2001, month),
        };
        let mut hit = Hit::new(
            i,
            inner.last,
            Some(Value::Interval {
                start: Ymd {
                    year,
                    month,
                    day: lo,
                },
                end: Ymd {
                    year,
                    month,
                    day: hi.min(last),
                },
            }),
        );
        hit.relative = inner.relative;
        Some(hit)
    }

    /// `نهاية العام`, `مطلع العام المقبل`, `أواخر هذا العام`, `نهاية عام
    /// 2021`: a part of a year, as an interval of days. The start of a year
    /// (`مطلع`, `بداية`, `أوائل`, `أول`) is its first quarter, the end
    /// (`نهاية`, `أواخر`, `آخر`, `ختام`) its last quarter, the middle
    /// (`منتصف`, `أواسط`, `وسط`) May to August. A bare `العام` is the
    /// reference's year, as `نهاية الشهر` is the reference's month; a definite
    /// word after it names another year (`نهاية العام الدراسي`, the school
    /// year) and is not a date. `lo` is the first day of the same part of a
    /// month ([`part_of_month`]).
    fn part_of_year_at(&self, i: usize, lo: u8) -> Option<Hit> {
        let (first, last_month) = match lo {
            1 => (1, 3),
            11 => (5, 8),
            _ => (10, 12),
        };
        let interval = |y: i32| Value::Interval {
            start: Ymd {
                year: Some(y),
                month: first,
                day: 1,
            },
            end: Ymd {
                year: Some(y),
                month: last_month,
                day: days_in_month(y, last_month),
            },
        };
        let mut j = i + 1;
        // `نهاية عام 2021`, `نهاية العام 2021`: a year given by number.
        if self.word(j).is_some_and(is_year_word) {
            if let Some((y, digits)) = self.num(j + 1) {
                let (marker, next) = self.marker_at(j + 2);
                if digits != 4 || marker == Some(Calendar::Hijri) || !(1800..=2200).contains(&y) {
                    return None;
                }
                return Some(Hit::new(i, next, Some(interval(y as i32))));
            }
        }
        let this = (self.is_word(j, "هذا") && self.is_word(j + 1, "العام"))
            || (self.is_word(j, "هذه") && self.is_word(j + 1, "السنه"));
        if this {
            j += 1;
        }
        if !(self.is_word(j, "العام") || self.is_word(j, "السنه")) {
            return None;
        }
        let (dir, last) = self.dir_after(j, this)?;
        let mut hit = Hit::new(i, last, None);
        hit.relative = true;
        hit.value = self.reference.map(|r| interval(r.year + dir_delta(dir)));
        Some(hit)
    }

    /// A weekday and what follows it.
    fn weekday_at(&self, i: usize) -> Option<Hit> {
        let w = self.word(i)?;
        let (wd, english) = weekday_word(w)?;
        let mut j = i + 1;
        if matches!(self.punct(j), Some(',' | '-' | '–' | '|')) {
            j += 1;
        }
        if self.is_word(j, "الموافق") || self.is_word(j, "يوم") {
            j += 1;
        }
        if let Some(mut hit) = self.core_at(j, Some(wd), english) {
            hit.first = i;
            hit.weekday = Some(wd);
            return Some(hit);
        }
        if let Some(mut hit) = self.hijri_year_only(j) {
            hit.first = i;
            hit.weekday = Some(wd);
            return Some(hit);
        }
        // A weekday alone: the latest such day on or before the reference;
        // `الماضي` strictly before, `المقبل` strictly after.
        let dir = self.word(i + 1).and_then(dir_word);
        if dir.is_none() && !self.lone_weekday_ok(i, w) {
            return None;
        }
        let last = if dir.is_some() { i + 2 } else { i + 1 };
        let mut hit = Hit::new(i, last, None);
        hit.relative = true;
        hit.weekday = Some(wd);
        hit.value = self.reference.map(|r| {
            let back = (i64::from(r.weekday().index()) - i64::from(wd.index())).rem_euclid(7);
            let d = match dir {
                None | Some(Dir::Current) => r.add_days(-back),
                Some(Dir::Past) => r.add_days(-(if back == 0 { 7 } else { back })),
                Some(Dir::Next) => {
                    let fwd =
                        (i64::from(wd.index()) - i64::from(r.weekday().index())).rem_euclid(7);
                    r.add_days(if fwd == 0 { 7 } else { fwd })
                }
            };
            Value::Day(Ymd::full(d))
        });
        Some(hit)
    }

    /// Whether a weekday name standing alone is a date. `الاثنين` is also
    /// "the two" (`بين الاثنين`), so it needs `يوم` before it or commas
    /// around it; `صلاة الجمعة` is the prayer.
    fn lone_weekday_ok(&self, i: usize, w: &str) -> bool {
        let prev = if i > 0 { self.word(i - 1) } else { None };
        if matches!(
            prev,
            Some("صلاه" | "خطبه" | "خطيب" | "صلوات" | "بين" | "كلا" | "هذين")
        ) {
            return false;
        }
        if prev == Some("يوم") || prev == Some("ويوم") {
            return true;
        }
        if w == "الاثنين" || w == "الاتنين" {
            let comma_before = i > 0 && matches!(self.punct(i - 1), Some(',' | '(' | '-'));
            let comma_after = matches!(self.punct(i + 1), Some(',' | ')' | '.' | '-'));
            return comma_before || comma_after;
        }
        true
    }

    /// `1443 هـ`, `عام 1443 هـ`.
    fn hijri_year_only(&self, i: usize) -> Option<Hit> {
        let j = if self.word(i).is_some_and(is_year_kw) {
            i + 1
        } else {
            i
        };
        let (y, digits) = self.num(j)?;
        let (marker, next) = self.marker_at(j + 1);
        if digits != 4 || marker != Some(Calendar::Hijri) || !(1300..=1600).contains(&(y as i32)) {
            return None;
        }
        let y = y as i32;
        let start = hijri_to_gregorian(y, 1, 1)?;
        let end = hijri_to_gregorian(y, 12, hijri_month_len(y, 12)?)?;
        let mut hit = Hit::new(
            i,
            next,
            Some(Value::Interval {
                start: Ymd::full(start),
                end: Ymd::full(end),
            }),
        );
        hit.calendar = Calendar::Hijri;
        hit.hijri = Some(HijriDate {
            year: y,
            month: None,
            day: None,
        });
        Some(hit)
    }

    /// Relative words: `اليوم`, `أمس`, `أول أمس`, `غداً`, `العام الماضي`,
    /// `الشهر الماضي`, `الأسبوع الماضي`, `منذ 3 أيام`.
    fn relative_at(&self, i: usize) -> Option<Hit> {
        let w = self.word(i)?;
        let r = self.reference;
        let day = |n: i64| r.map(|r| Value::Day(Ymd::full(r.add_days(n))));
        let rel = |first, last, value| {
            let mut hit = Hit::new(first, last, value);
            hit.relative = true;
            Some(hit)
        };
        match w {
            "اليوم" => {
                // `في اليوم التالي` is "the next day", not today.
                if matches!(
                    self.word(i + 1),
                    Some(
                        "التالي"
                            | "السابق"
                            | "الاول"
                            | "الثاني"
                            | "الذي"
                            | "نفسه"
                            | "ذاته"
                            | "الوطني"
                            | "العالمي"
                            | "الدولي"
                            | "الاخير"
                            | "الثالث"
                    )
                ) {
                    return None;
                }
                if i > 0
                    && matches!(
                        self.word(i - 1),
                        Some("حتي" | "طوال" | "ذلك" | "هذا" | "منتصف")
                    )
                {
                    return None;
                }
                rel(i, i + 1, day(0))
            }
            "امس" | "البارحه" => {
                if self.is_word(i + 1, "الاول") {
                    return rel(i, i + 2, day(-2));
                }
                rel(i, i + 1, day(-1))
            }
            "اول" if self.is_word(i + 1, "امس") => rel(i, i + 2, day(-2)),
            "اول" if self.is_word(i + 1, "من") && self.is_word(i + 2, "امس") => {
                rel(i, i + 3, day(-2))
            }
            "غدا" => rel(i, i + 1, day(1)),
            "بعد" if self.is_word(i + 1, "غد") => rel(i, i + 2, day(2)),
            "العام" | "السنه" | "عام" => {
                let dir = self.word(i + 1).and_then(dir_word)?;
                rel(i, i + 2, r.map(|r| Value::Year(r.year + dir_delta(dir))))
            }
            "هذا" if self.is_word(i + 1, "العام") => {
                rel(i, i + 2, r.map(|r| Value::Year(r.year)))
            }
            "هذه" if self.is_word(i + 1, "السنه") => {
                rel(i, i + 2, r.map(|r| Value::Year(r.year)))
            }
            // `هذا الشهر`, `هذا الأسبوع`: the current one, as `الجاري`.
            "هذا" if matches!(self.word(i + 1), Some("الشهر" | "الاسبوع")) => {
                self.this_month_or_week(i + 1, Dir::Current).map(|mut hit| {
                    hit.first = i;
                    hit.last = i + 2;
                    hit
                })
            }
            "الشهر" | "الاسبوع" => {
                let dir = self.word(i + 1).and_then(dir_word)?;
                self.this_month_or_week(i, dir)
            }
            "منذ" | "قبل" | "بعد" => self.ago_at(i),
            "خلال" => self.within_at(i),
            _ => None,
        }
    }

    /// `الشهر الماضي`, `الأسبوع المقبل` at `i` (the direction word at `i + 1`
    /// is already read as `dir`).
    fn this_month_or_week(&self, i: usize, dir: Dir) -> Option<Hit> {
        let r = self.reference;
        let rel = |first, last, value| {
            let mut hit = Hit::new(first, last, value);
            hit.relative = true;
            Some(hit)
        };
        match self.word(i)? {
            "الشهر" => rel(
                i,
                i + 2,
                r.map(|r| {
                    let (y, m) = add_months(r.year, r.month, i64::from(dir_delta(dir)));
                    Value::Month {
                        year: Some(y),
                        month: m,
                    }
                }),
            ),
            "الاسبوع" => {
                // Weeks run Saturday to Friday, as in most Arab countries.
                rel(
                    i,
                    i + 2,
                    r.map(|r| {
                        let since_sat = (i64::from(r.weekday().index()) + 1).rem_euclid(7);
                        let this_start = r.add_days(-since_sat);
                        let start = this_start.add_days(7 * i64::from(dir_delta(dir)));
                        Value::Interval {
                            start: Ymd::full(start),
                            end: Ymd::full(start.add_days(6)),
                        }
                    }),
                )
            }
            _ => None,
        }
    }

    /// `منذ 3 أيام`, `منذ يومين`, `قبل ثلاث سنوات`, `منذ 1999`, and the
    /// future `بعد يومين`, `بعد 3 أشهر`: the reference moved back (or
    /// forward, after `بعد`) by the duration, at the duration's unit (days
    /// and weeks give a day, months a month, years a year).
    fn ago_at(&self, i: usize) -> Option<Hit> {
        let after = self.is_word(i, "بعد");
        let j = i + 1;
        if let Some((y, digits)) = self.num(j) {
            if digits == 4 && self.word(j + 1).and_then(unit_word).is_none() {
                let (marker, next) = self.marker_at(j + 1);
                if marker == Some(Calendar::Hijri) || !(1800..=2200).contains(&y) {
                    return None;
                }
                // `منذ 1999`: the year, not the word `منذ`.
                return Some(Hit::new(j, next, Some(Value::Year(y as i32))));
            }
        }
        let (n, unit, mut last) = self.duration_at(j, usize::MAX)?;
        // `قبل 3 أشهر من الانتخابات`, `بعد يومين على وصوله`: counted from
        // an event, not from the reference; `من الآن` is the reference.
        if self.word(i) != Some("منذ") {
            match self.word(last) {
                Some("من") if self.is_word(last + 1, "الان") => last += 2,
                Some("من" | "علي" | "عن") => return None,
                _ => {}
            }
        }
        let n = i64::from(n.min(100_000));
        let n = if after { n } else { -n };
        let value = self.reference.map(|r| match unit {
            // The reference has no time of day, so hours resolve to a day.
            Unit::Hour => Value::Day(Ymd::full(r.add_days(n / 24))),
            Unit::Day => Value::Day(Ymd::full(r.add_days(n))),
            Unit::Week => Value::Day(Ymd::full(r.add_days(7 * n))),
            Unit::Month => {
                let (y, m) = add_months(r.year, r.month, n);
                Value::Month {
                    year: Some(y),
                    month: m,
                }
            }
            Unit::Year => Value::Year(r.year + n as i32),
        });
        let mut hit = Hit::new(i, last, value);
        hit.relative = true;
        Some(hit)
    }

    /// `خلال يومين`, `خلال 3 أيام`, `خلال 48 ساعة`, `خلال أسبوع`: within a
    /// duration counted from the reference, forward (as the duration after
    /// `بعد` is): the interval from the reference day to the day the
    /// duration ends (`خلال يومين` on 2024-03-12 is 2024-03-12/2024-03-14).
    /// A duration of an event (`خلال يومين من المفاوضات`, `خلال ثلاثة أيام على
    /// الحادث`) is not counted from the reference and is not a date; `من
    /// الآن` is the reference. `خلال` before anything else (`خلال الشهر
    /// الجاري`, `خلال الأسابيع الأخيرة`, `خلال يوم الجمعة`) is left to the
    /// other rules.
    fn within_at(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        let (n, unit, mut last) = self.duration_at(j, 4)?;
        match self.word(last) {
            Some("من") if self.is_word(last + 1, "الان") => last += 2,
            Some("من" | "علي" | "عن") => return None,
            _ => {}
        }
        if n == 0 {
            return None;
        }
        let n = i64::from(n.min(100_000));
        let value = self.reference.and_then(|r| {
            let end = match unit {
                // The reference has no time of day: hours end on a day.
                Unit::Hour => r.add_days(n / 24),
                Unit::Day => r.add_days(n),
                Unit::Week => r.add_days(7 * n),
                Unit::Month | Unit::Year => {
                    let months = if unit == Unit::Year { 12 * n } else { n };
                    let (y, m) = add_months(r.year, r.month, months);
                    Date::new(y, m, r.day.min(days_in_month(y, m)))?
                }
            };
            Some(Value::Interval {
                start: Ymd::full(r),
                end: Ymd::full(end),
            })
        });
        let mut hit = Hit::new(i, last, value);
        hit.relative = true;
        Some(hit)
    }

    /// A count and a unit at word `j` (`3 أيام`, `ثلاثة أشهر`, `يومين`,
    /// `شهر واحد`): the count, the unit and the word after them. A number
    /// of more than `max_digits` digits is not a count. A singular unit is
    /// a duration only when nothing makes it the head of a date (`منذ يوم
    /// الجمعة`, `منذ عام 2020`, `قبل شهر رمضان`, `منذ العام الماضي` are
    /// not "one day/year/month ago"), and `عام ونصف` is a fraction of the
    /// unit, which a value cannot hold.
    fn duration_at(&self, j: usize, max_digits: usize) -> Option<(u32, Unit, usize)> {
        let (n, unit, last) = if let Some((n, digits)) = self.num(j) {
            if digits > max_digits {
                return None;
            }
            let (unit, _) = self.word(j + 1).and_then(unit_word)?;
            (n, unit, j + 2)
        } else if let Some(n) = self.word(j).and_then(number_word) {
            let (unit, _) = self.word(j + 1).and_then(unit_word)?;
            (n, unit, j + 2)
        } else {
            let (unit, count) = self.word(j).and_then(unit_word)?;
            if count == Some(1) && self.unit_is_head(j + 1) {
                return None;
            }
            let mut last = j + 1;
            if count == Some(1) && matches!(self.word(last), Some("واحد" | "واحده")) {
                last += 1;
            }
            (count?, unit, last)
        };
        if matches!(self.word(last), Some("ونصف" | "ونيف"))
            || self.is_word(last, "و") && self.is_word(last + 1, "نصف")
        {
            return None;
        }
        Some((n, unit, last))
    }

    /// The direction of the unit at word `j` (`الشهر`, `العام`) and the
    /// word after the phrase: `الماضي`/`المقبل`… after it, or the current
    /// one after `هذا` (`this`) or with no direction word. A definite word
    /// after a bare unit names something else (`نهاية الشهر الفضيل` is
    /// Ramadan, `نهاية العام الدراسي` the school year): `None`.
    fn dir_after(&self, j: usize, this: bool) -> Option<(Dir, usize)> {
        match self.word(j + 1).and_then(dir_word) {
            Some(dir) if !this => Some((dir, j + 2)),
            None if this || !self.word(j + 1).is_some_and(|w| w.starts_with("ال")) => {
                Some((Dir::Current, j + 1))
            }
            _ => None,
        }
    }

    /// Whether the word after a singular unit (`يوم`, `شهر`, `عام`) makes
    /// it part of a date rather than a duration: a number, a month or
    /// weekday name, a direction word.
    fn unit_is_head(&self, k: usize) -> bool {
        if self.num(k).is_some() {
            return true;
        }
        let Some(w) = self.word(k) else {
            return false;
        };
        dir_word(w).is_some() || weekday_word(w).is_some() || self.month_at(k).is_some()
    }

    /// `عام 2017`, `سنة 2019م`, `العام 2020`.
    fn year_kw_at(&self, i: usize) -> Option<Hit> {
        let w = self.word(i)?;
        if !matches!(
            w,
            "عام" | "العام" | "سنه" | "السنه" | "عامي" | "وعام" | "لعام" | "بعام"
        ) {
            return None;
        }
        let (y, digits) = self.num(i + 1)?;
        if digits != 4 {
            return None;
        }
        let (marker, next) = self.marker_at(i + 2);
        if marker == Some(Calendar::Hijri) {
            return self.hijri_year_only(i);
        }
        if !(1800..=2200).contains(&y) {
            return None;
        }
        Some(Hit::new(i, next, Some(Value::Year(y as i32))))
    }

    fn at(&self, i: usize) -> Option<Hit> {
        let t = self.toks.get(i)?;
        match t.kind {
            Kind::Num => {
                if let Some(hit) = self.core_at(i, None, false) {
                    return Some(hit);
                }
                if let Some(hit) = self.hijri_year_only(i) {
                    return Some(hit);
                }
                if let Some((hour, minute, next)) = self.time_at(i) {
                    // Not a ratio or a score inside a longer number run.
                    if i > 0 && self.punct(i - 1) == Some(':') && self.tight(i) {
                        return None;
                    }
                    // `16:28+03:00`: a UTC offset (read by the article
                    // parser), not a time of day.
                    if i > 0 && self.punct(i - 1) == Some('+') && self.tight(i) {
                        return None;
                    }
                    return Some(Hit::new(i, next, Some(Value::Time { hour, minute })));
                }
                None
            }
            Kind::Word => self
                .weekday_at(i)
                .or_else(|| self.part_at(i))
                .or_else(|| self.core_at(i, None, false))
                .or_else(|| self.relative_at(i))
                .or_else(|| self.year_kw_at(i)),
            _ => None,
        }
    }
}

/// A word before a year number (`عام 2017`, `لعام 1443 هـ`).
fn is_year_kw(w: &str) -> bool {
    is_year_word(w) || matches!(w, "عامي" | "وعام" | "لعام" | "بعام" | "وسنه" | "لسنه")
}

fn is_year_word(w: &str) -> bool {
    matches!(w, "عام" | "العام" | "سنه" | "السنه")
}

fn in_range(d: Date) -> bool {
    (1900..=2100).contains(&d.year)
}

fn dir_delta(dir: Dir) -> i32 {
    match dir {
        Dir::Past => -1,
        Dir::Current => 0,
        Dir::Next => 1,
    }
}

fn add_months(year: i32, month: u8, n: i64) -> (i32, u8) {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u8,
    )
}

/// The year of `<month> الماضي` (the latest such month strictly before the
/// reference month), `<month> الحالي`, `<month> المقبل`.
fn month_year_dir(r: Date, month: u8, dir: Dir) -> i32 {
    match dir {
        Dir::Past => {
            if month < r.month {
                r.year
            } else {
                r.year - 1
            }
        }
        Dir::Current => r.year,
        Dir::Next => {
            if month > r.month {
                r.year
            } else {
                r.year + 1
            }
        }
    }
}

/// The year that puts `month-day` closest to the reference.
fn closest_year(r: Date, month: u8, day: u8) -> i32 {
    let mut best = r.year;
    let mut best_dist = i64::MAX;
    for y in [r.year - 1, r.year, r.year + 1] {
        let d = day.min(days_in_month(y, month));
        if let Some(date) = Date::new(y, month, d) {
            let dist = (date.to_days() - r.to_days()).abs();
            if dist < best_dist {
                best = y;
                best_dist = dist;
            }
        }
    }
    best
}

/// The Umm al-Qura (year, month) that contains `r`.
fn hijri_of(r: Date) -> Option<(i32, u8)> {
    // About 33 Hijri years to 32 Gregorian ones; the estimate is within
    // two years, and the first candidate year that starts on or before `r`
    // holds it.
    let est = (r.year - 622) * 33 / 32;
    for hy in (est - 2..=est + 2).rev() {
        let Some(start) = hijri_to_gregorian(hy, 1, 1) else {
            continue;
        };
        if start <= r {
            for m in (1..=12u8).rev() {
                if hijri_to_gregorian(hy, m, 1).is_some_and(|d| d <= r) {
                    return Some((hy, m));
                }
            }
        }
    }
    None
}

/// [`month_year_dir`] on the Hijri calendar: the Hijri year of `<month>
/// الماضي` (the latest such month strictly before the reference's Hijri
/// month), `الحالي`, `المقبل`.
fn hijri_year_dir(r: Date, month: u8, dir: Dir) -> Option<i32> {
    let (hy, hm) = hijri_of(r)?;
    Some(match dir {
        Dir::Past if month < hm => hy,
        Dir::Past => hy - 1,
        Dir::Current => hy,
        Dir::Next if month > hm => hy,
        Dir::Next => hy + 1,
    })
}

/// The Hijri year of `month` (around `day`) for an expression with no
/// year: by its direction word when it has one, else the closest.
fn hijri_year(r: Date, month: u8, dir: Option<Dir>, day: u8) -> Option<i32> {
    match dir {
        Some(dir) => hijri_year_dir(r, month, dir),
        None => hijri_closest_year(r, month, day),
    }
}

/// [`closest_year`] on the Hijri calendar: the Hijri year that puts
/// `month-day` closest to the reference.
fn hijri_closest_year(r: Date, month: u8, day: u8) -> Option<i32> {
    let (hy, _) = hijri_of(r)?;
    [hy - 1, hy, hy + 1]
        .into_iter()
        .filter_map(|y| {
            let d = day.min(hijri_month_len(y, month)?);
            let g = hijri_to_gregorian(y, month, d)?;
            Some(((g.to_days() - r.to_days()).abs(), y))
        })
        .min()
        .map(|(_, y)| y)
}

/// The Gregorian days of a Hijri month, as an interval.
fn hijri_month_interval(y: i32, month: u8) -> Option<Value> {
    let len = hijri_month_len(y, month)?;
    Some(Value::Interval {
        start: Ymd::full(hijri_to_gregorian(y, month, 1)?),
        end: Ymd::full(hijri_to_gregorian(y, month, len)?),
    })
}

fn day_value(year: Option<i32>, month: u8, day: u8) -> Option<Value> {
    match year {
        Some(y) => Date::new(y, month, day).map(|d| Value::Day(Ymd::full(d))),
        None => (day <= days_in_month(2000, month)).then_some(Value::Day(Ymd {
            year: None,
            month,
            day,
        })),
    }
}

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
/// [`fold_word`] for the article parser.
pub fn fold_word_into(word: &str, buf: &mut String) {
    fold_word(word, buf);
}

fn fold_word(word: &str, buf: &mut String) {
    buf.clear();
    buf.extend(word.chars().filter_map(fold_char));
}

/// One character of [`fold_word`]: `None` for marks and tatweel.
#[inline]
fn fold_char(c: char) -> Option<char> {
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

/// Fold a short line for phrase matching: [`fold_word`] on every character,
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

/// How a raw word may start a date expression.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Trigger {
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
];

fn trigger(w: &str) -> Trigger {
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

/// FNV-1a over bytes, for the short keys of [`TRIGGERS`].
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_SEED } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// FNV-1a over the folded characters of a word: the scanner computes it as
/// it reads, so most words are rejected without building a string.
#[inline]
fn mix(h: u64, c: char) -> u64 {
    (h ^ u64::from(c as u32)).wrapping_mul(0x0100_0000_01b3)
}

const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;
const BLOOM_BITS: u64 = 8192;

/// Every word that can start or trigger a date expression.
fn trigger_words() -> impl Iterator<Item = &'static str> {
    MONTH_WORDS
        .iter()
        .map(|(w, _)| *w)
        .chain(WEEKDAY_WORDS.iter().map(|(w, _, _)| *w))
        .chain(TRIGGER_YES.iter().copied())
        .chain(TRIGGER_IF_NEXT.iter().copied())
        .chain(ORDINAL_WORDS.iter().map(|(w, _)| *w))
}

/// A one-hash Bloom filter over every trigger word (about 120 words in 8192
/// bits: 1.5% of other words get the full check).
static BLOOM: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut bits = vec![0u64; (BLOOM_BITS / 64) as usize];
    for w in trigger_words() {
        let h = w.chars().fold(FNV_SEED, mix) % BLOOM_BITS;
        bits[(h / 64) as usize] |= 1 << (h % 64);
    }
    bits
});

#[inline]
fn bloom_may_contain(h: u64) -> bool {
    let h = h % BLOOM_BITS;
    BLOOM
        .get((h / 64) as usize)
        .is_some_and(|b| b & (1 << (h % 64)) != 0)
}

/// Whether `next` (folded) can follow an [`Trigger::IfNext`] word in a date.
fn next_ok(w: &str, next: &str, next_is_digit: bool) -> bool {
    if let Some(day) = ordinal_word(w) {
        return !next_is_digit && ordinal_next_ok(day, next);
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
            next == "غد" || number_word(next).is_some() || unit_word(next).is_some()
        }
        "خلال" => number_word(next).is_some() || unit_word(next).is_some(),
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
            ) || month_word(next).is_some()
        }
    }
}

/// Whether the number `text[s..e]` can start a date: it is followed by a
/// date separator and another number (`14/11`, `16:28`, `2021-10-20`), or by
/// a month name, `من` + month, or a calendar marker (`1443 هـ`). `22 من
/// مواطنيها` and `1.6 مليار` are not worth a window.
fn digit_may_start(text: &str, s: usize, e: usize, buf: &mut String) -> bool {
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
    if buf == "من" {
        let Some((ns, ne, _)) = peek.next_token() else {
            return false;
        };
        fold_word(&text[ns..ne], buf);
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
        )
}

/// Raw tokens of the original text: runs of letters, runs of digits.
struct RawScan<'t> {
    text: &'t str,
    pos: usize,
}

/// A raw token: byte range, digit run or letter run, and for letters the
/// hash and length of the folded word.
#[derive(Clone, Copy)]
struct RawTok {
    start: usize,
    end: usize,
    digit: bool,
    hash: u64,
    letters: usize,
    /// For a word that starts with the conjunction `و`, the hash of the rest
    /// (`وفبراير` → `فبراير`), so the proclitic does not hide a trigger.
    after_waw: Option<u64>,
}

impl RawScan<'_> {
    /// Next token: (start, end, is_digit_run).
    fn next_token(&mut self) -> Option<(usize, usize, bool)> {
        self.next_tok().map(|t| (t.start, t.end, t.digit))
    }

    fn next_tok(&mut self) -> Option<RawTok> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        // Skip to the first letter or digit.
        let (start, digit) = loop {
            let (class, len) = classify_at(self.text, i)?;
            match class {
                Class::OTHER => i += len,
                Class::DIGIT => break (i, true),
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
                let idx = ((usize::from(b) & 0x03) << 6) | (usize::from(bytes[end + 1]) & 0x3F);
                (ARABIC_CLASS[idx], 2)
            } else if b < 0x80 {
                (ASCII_CLASS[usize::from(b)], 1)
            } else {
                match classify_at(self.text, end) {
                    Some(x) => x,
                    None => break,
                }
            };
            match (digit, class) {
                (true, Class::DIGIT) | (false, Class::MARK) => {}
                (false, Class(f)) if f > 2 => {
                    // The folded code point itself feeds the hash.
                    hash = (hash ^ u64::from(f)).wrapping_mul(0x0100_0000_01b3);
                    if letters == 0 {
                        waw = f == u32::from('و');
                    } else if waw {
                        rest = (rest ^ u64::from(f)).wrapping_mul(0x0100_0000_01b3);
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

/// What a character is to the scanner, in one `u32`: [`Class::OTHER`],
/// [`Class::DIGIT`], [`Class::MARK`] (a harakah or tatweel: part of a word,
/// invisible to the fold), or the folded letter's code point. One integer
/// compare per character in the hot loop, where an enum with a payload cost
/// a discriminant test and a load.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Class(u32);

impl Class {
    const OTHER: Class = Class(0);
    const DIGIT: Class = Class(1);
    const MARK: Class = Class(2);

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
fn classify_at(text: &str, i: usize) -> Option<(Class, usize)> {
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
static ASCII_CLASS: [Class; 128] = {
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
static ARABIC_CLASS: [Class; 256] = {
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

/// Bytes of context kept before a trigger (two words: `يوم`, `في`, `صلاة`)
/// and after it (the longest expressions, a weekday, a Hijri and a Gregorian
/// date and a time, are about 100 bytes).
const BEFORE: usize = 28;
const AFTER: usize = 150;
/// The first, short window, and how close to its end a match must stop to
/// be trusted (one more word could extend it: a year, `الماضي`, a time).
const AFTER_SHORT: usize = 96;
const MARGIN: usize = 40;

/// The window around a trigger at `start..e`: at most [`BEFORE`] bytes
/// before and [`AFTER`] after, on the trigger's line, cut to whole words.
/// Every search is bounded by the window, so a 10 MB line with a date every
/// few bytes still costs time linear in its length.
fn window(text: &str, start: usize, e: usize, after: usize) -> (usize, usize) {
    let lo = floor_boundary(text, start.saturating_sub(BEFORE));
    let hi = ceil_boundary(text, start + after).max(e);
    let mut ws = text[lo..start].rfind('\n').map_or(lo, |p| lo + p + 1);
    let mut we = text[e..hi].find('\n').map_or(hi, |p| e + p);
    // Drop a word cut in half at either end.
    if ws > 0 && ws == lo && !text[..ws].ends_with(char::is_whitespace) {
        ws = text[ws..start]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(start, |(p, c)| ws + p + c.len_utf8());
    }
    if we < text.len() && we == hi && !text[we..].starts_with(char::is_whitespace) {
        we = text[e..we].rfind(char::is_whitespace).map_or(we, |p| e + p);
    }
    (ws, we)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Find every date expression in `text`, resolving relative ones against
/// `reference` (the publication date). With no reference, relative
/// expressions keep a partial value (`22 يناير` → `--01-22`) or none (`أمس`);
/// nothing is resolved against today.
///
/// Spans are byte spans of `text`, on character boundaries, in order, and do
/// not overlap.
///
/// Only the neighbourhood of a possible trigger (a digit, a month or weekday
/// name, a relative word) is normalized and parsed, so most of a text costs
/// one pass of word folding.
pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    find_dates_and_words(text, reference, None)
}

/// [`find_dates`], also pushing the folded hash of every word it reads into
/// `words` (the article parser compares paragraphs with them, so the text is
/// read once for both).
pub fn find_dates_and_words(
    text: &str,
    reference: Option<Date>,
    mut words: Option<&mut Vec<u64>>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    if let Some(w) = words.as_deref_mut() {
        w.reserve(text.len() / 8);
    }
    let mut scan = RawScan { text, pos: 0 };
    let mut buf = String::new();
    let mut next_buf = String::new();
    let mut toks = Vec::new();
    // (start, end) of the previous letter run, for `الـ3`.
    let mut prev_letters: Option<(usize, usize)> = None;
    // End of the last mention: a range (`من 3 إلى 5 مارس`) reaches back no
    // further.
    let mut floor = 0usize;
    while let Some(tok) = scan.next_tok() {
        let (s, e, digit) = (tok.start, tok.end, tok.digit);
        if let Some(w) = words.as_deref_mut() {
            w.push(if digit {
                text[s..e].bytes().fold(FNV_SEED, |h, b| mix(h, b as char))
            } else {
                tok.hash
            });
        }
        // Most words end here: too long, or not in the trigger filter (with
        // or without a leading `و`).
        let waw_trigger = tok.after_waw.is_some_and(bloom_may_contain);
        if !digit && (tok.letters > 11 || !(bloom_may_contain(tok.hash) || waw_trigger)) {
            prev_letters = Some((s, e));
            continue;
        }
        let mut start = s;
        if digit && !digit_may_start(text, s, e, &mut next_buf) {
            prev_letters = None;
            continue;
        }
        if digit {
            // `الـ3`: the article joined to the number starts the expression.
            if let Some((ps, pe)) = prev_letters {
                if pe == s {
                    fold_word(&text[ps..pe], &mut buf);
                    if buf == "ال" {
                        start = ps;
                    }
                }
            }
        } else {
            prev_letters = Some((s, e));
            if e - s > 64 {
                continue;
            }
            fold_word(&text[s..e], &mut buf);
            let word = match buf.strip_prefix('و') {
                Some(rest) if waw_trigger && trigger(&buf) == Trigger::No => rest,
                _ => buf.as_str(),
            };
            match trigger(word) {
                Trigger::No => continue,
                Trigger::Yes => {}
                Trigger::IfNext => {
                    let mut peek = RawScan { text, pos: e };
                    let Some((ns, ne, nd)) = peek.next_token() else {
                        continue;
                    };
                    fold_word(&text[ns..ne], &mut next_buf);
                    if !next_ok(word, &next_buf, nd) {
                        continue;
                    }
                }
            }
        }
        // A short window first: most expressions are 20–60 bytes. When the
        // match (or the lack of one) may have been cut by the window's end,
        // read the long window; the result is the same as with the long one.
        let (ws, we) = window(text, start, e, AFTER_SHORT);
        let mut found = find_in_window(text, (ws, we), start, e, reference, floor, &mut toks);
        let cut = we < text.len()
            && !text[we..].starts_with('\n')
            && found.as_ref().is_none_or(|m| m.span.end + MARGIN >= we);
        if cut {
            let (ws, we) = window(text, start, e, AFTER);
            found = find_in_window(text, (ws, we), start, e, reference, floor, &mut toks);
        }
        match found {
            Some(m) => {
                let end = m.span.end;
                floor = end;
                out.push(m);
                scan.pos = end.max(e);
                prev_letters = None;
            }
            None => scan.pos = e,
        }
    }
    out
}

/// Normalize `text[ws..we]` and try the grammar at the trigger token (the
/// first word or number at or after `start`, before `trigger_end`).
fn find_in_window(
    text: &str,
    (ws, we): (usize, usize),
    start: usize,
    trigger_end: usize,
    reference: Option<Date>,
    floor: usize,
    toks: &mut Vec<Tok>,
) -> Option<DateMention> {
    let window = text.get(ws..we)?;
    let norm = Normalizer::for_profile(Profile::Search)
        .normalize_aligned(window)
        .ok()?;
    tokenize(norm.text(), toks);
    let cx = Cx {
        text: norm.text(),
        toks,
        reference,
    };
    let rel_start = start - ws;
    let rel_end = trigger_end - ws;
    for (i, t) in toks.iter().enumerate() {
        if !matches!(t.kind, Kind::Word | Kind::Num) {
            continue;
        }
        let orig = norm.to_original_offset(t.start as usize).ok()?;
        if orig < rel_start {
            continue;
        }
        if orig >= rel_end {
            return None;
        }
        let Some(mut hit) = cx.at(i) else {
            continue;
        };
        if let Some((first, value)) = cx.range_before(&hit) {
            let at = norm
                .to_original_offset(toks.get(first)?.start as usize)
                .ok()?;
            // Never reach back into the previous mention.
            if at + ws >= floor {
                hit.first = first;
                hit.value = value;
                if let Some(h) = hit.hijri.as_mut() {
                    h.day = None;
                }
            }
        }
        let last = hit.last.max(hit.first + 1).min(toks.len());
        let (a, b) = (toks.get(hit.first)?, toks.get(last - 1)?);
        let nspan = Span::new(a.start as usize, b.end as usize);
        let span = norm.to_original(nspan).ok()?;
        let span = Span::new(span.start + ws, span.end + ws);
        if !span.is_valid_in(text) {
            return None;
        }
        let weekday_mismatch = match (hit.weekday, hit.value) {
            (Some(w), Some(Value::Day(d) | Value::DateTime { date: d, .. })) => {
                d.date().is_some_and(|d| d.weekday() != w)
            }
            _ => false,
        };
        let utc_offset = match hit.value {
            Some(Value::DateTime { .. } | Value::Time { .. }) => offset_after_mention(text, span),
            _ => None,
        };
        return Some(DateMention {
            span,
            value: hit.value,
            calendar: hit.calendar,
            hijri: hit.hijri,
            weekday: hit.weekday,
            weekday_mismatch,
            relative: hit.relative,
            utc_offset,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, reference: Option<Date>) -> (String, Option<String>) {
        let found = find_dates(text, reference);
        assert_eq!(found.len(), 1, "help: {text:?} gave {found:?}");
        (text[found[0].span].to_owned(), found[0].iso())
    }

    #[test]
    fn dual_month_with_weekday() {
        let r = Date::new(2022, 1, 25);
        let (s, v) = one("يوم السبت 22 كانون الثاني \\ يناير بتأخير يوم واحد", r);
        assert_eq!(s, "السبت 22 كانون الثاني \\ يناير");
        assert_eq!(v.as_deref(), Some("2022-01-22"));
    }

    #[test]
    fn partial_without_reference() {
        let (_, v) = one("في 24 كانون الثاني\\يناير.", None);
        assert_eq!(v.as_deref(), Some("--01-24"));
    }

    #[test]
    fn month_past() {
        let r = Date::new(2022, 3, 10);
        let (s, v) = one("في فبراير (شباط) الماضي", r);
        assert_eq!(s, "فبراير (شباط) الماضي");
        assert_eq!(v.as_deref(), Some("2022-02"));
    }

    #[test]
    fn tatweel_article_day() {
        let (s, v) = one(
            "في الـ3 من تشرين الأول \\ أكتوبر، أجرى",
            Date::new(2022, 10, 5),
        );
        assert_eq!(s, "الـ3 من تشرين الأول \\ أكتوبر");
        assert_eq!(v.as_deref(), Some("2022-10-03"));
    }

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

    #[test]
    fn trigger_table_agrees_with_the_word_lists() {
        let old = |w: &str| {
            if month_word(w).is_some() || weekday_word(w).is_some() || TRIGGER_YES.contains(&w) {
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

    #[test]
    fn durations_are_not_dates() {
        assert!(find_dates("احتلال لمدة 30 عاماً بتأخير يوم واحد حتى الآن", None).is_empty());
    }

    #[test]
    fn hijri_day() {
        let f = find_dates("الأربعاء 15 ربيع الأول 1443 هـ", None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].iso().as_deref(), Some("2021-10-21"));
        assert_eq!(f[0].calendar, Calendar::Hijri);
    }
}
