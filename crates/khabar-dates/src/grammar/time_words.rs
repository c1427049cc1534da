//! Times of day in words: `الساعة الثامنة والربع مساءً` (T20:15), `الثانية
//! عشرة ظهراً`, `السابعة إلا ثلثاً` (T06:40), `الثالثة وعشر دقائق فجراً`,
//! `الواحدة بعد الظهر`, `8 مساءً`, `منتصف الليل` (T00:00), `الحادية عشرة من
//! مساء الخميس` (that day at 23:00). An hour word (a feminine ordinal) is an
//! hour only after `الساعة`, with minutes, or before a part of the day;
//! a number only before a part of the day; `الساعة` stays
//! outside the surface. The part of the day: `صباحاً`/`فجراً` as written
//! (12 is 0); `ظهراً` adds 12 to 1–5; `بعد الظهر`, `عصراً`, `مساءً` add 12 to
//! 1–11; `ليلاً` adds 12 to 6–11. No part of the day: the hour as written.

use super::cx::{Cx, Hit};
use crate::lexicon::{number_word, ordinal_word};
use crate::types::Value;

/// How a part-of-day word after an hour moves it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DayPart {
    Morning,
    Noon,
    Afternoon,
    Night,
}

/// The 24-hour hour of `raw` (1–12) in a part of the day.
fn apply_part(raw: u8, part: Option<DayPart>) -> u8 {
    match part {
        Some(DayPart::Morning) if raw == 12 => 0,
        Some(DayPart::Noon) if (1..=5).contains(&raw) => raw + 12,
        Some(DayPart::Afternoon) if raw < 12 => raw + 12,
        Some(DayPart::Night) if (6..=11).contains(&raw) => raw + 12,
        _ => raw,
    }
}

/// The part of the day a word names after `من` (`من مساء الخميس`).
fn part_noun(w: &str) -> DayPart {
    match w {
        "صباح" | "فجر" | "ضحي" => DayPart::Morning,
        "ظهر" | "ظهيره" => DayPart::Noon,
        "ليل" | "ليله" => DayPart::Night,
        _ => DayPart::Afternoon,
    }
}

impl Cx<'_> {
    /// A time of day in words at `i` (`الساعة` may come first and stays
    /// outside), standing alone or before `من` + a part of the day + a day.
    pub(super) fn time_words_at(&self, i: usize) -> Option<Hit> {
        if self.is_word(i, "منتصف") && self.is_word(i + 1, "الليل") {
            return Some(Hit::new(i, i + 2, Some(Value::Time { hour: 0, minute: 0 })));
        }
        let saa = self.is_word(i, "الساعه");
        let j = if saa { i + 1 } else { i };
        if let Some(hit) = self.time_of_day_after(j) {
            return Some(hit);
        }
        let (hour, minute, next) = self.clock_words_at(j, saa)?;
        Some(Hit::new(j, next, Some(Value::Time { hour, minute })))
    }

    /// A time in words at `j` (`الثامنة والربع مساءً`, `8 مساءً`): (hour,
    /// minute, next). Without `الساعة` before it (`saa`), it needs a part of
    /// the day after it.
    pub(super) fn clock_words_at(&self, j: usize, saa: bool) -> Option<(u8, u8, usize)> {
        if self.is_word(j, "منتصف") && self.is_word(j + 1, "الليل") {
            return Some((0, 0, j + 2));
        }
        let (raw, delta, k) = self.clock_parts(j)?;
        let (part, next) = match self.day_part_at(k) {
            Some((p, n)) => (Some(p), n),
            // `السابعة إلا ثلثاً`: the minutes make it a time, too.
            None if (saa || delta != 0) && self.num(j).is_none() => (None, k),
            None => return None,
        };
        let total = (i32::from(apply_part(raw, part)) * 60 + delta).rem_euclid(1440);
        Some(((total / 60) as u8, (total % 60) as u8, next))
    }

    /// `الحادية عشرة من مساء الخميس`, `التاسعة من صباح اليوم`: the day of
    /// the part of the day, at that hour.
    fn time_of_day_after(&self, j: usize) -> Option<Hit> {
        let (raw, delta, k) = self.clock_parts(j)?;
        if self.num(j).is_some() || !self.is_word(k, "من") || !self.part_of_day(k + 1) {
            return None;
        }
        if !self.day_word(k + 2) {
            return None;
        }
        let part = part_noun(self.word(k + 1)?);
        let day = self.weekday_at(k + 2).or_else(|| self.relative_at(k + 2))?;
        let total = (i32::from(apply_part(raw, Some(part))) * 60 + delta).rem_euclid(1440);
        let mut hit = Hit::new(j, day.last, None);
        hit.relative = day.relative;
        hit.weekday = day.weekday;
        hit.bare_weekday = day.bare_weekday;
        if let Some(Value::Day(date)) = day.value {
            hit.value = Some(Value::DateTime {
                date,
                hour: (total / 60) as u8,
                minute: (total % 60) as u8,
            });
        }
        Some(hit)
    }

    /// The hour and minutes of a time in words at `j`, before any part of
    /// the day: (hour 1–12, minutes to add, next). The hour is a feminine
    /// ordinal (`الثامنة`, `الحادية عشرة`, `الثانية عشرة`, `الواحدة`) or a
    /// number 1–12; the minutes `والربع`, `والثلث`, `والنصف`, `إلا ربعاً`,
    /// `إلا ثلثاً`, `وعشر دقائق`, `وخمس وعشرين دقيقة`, `و10 دقائق`.
    fn clock_parts(&self, j: usize) -> Option<(u8, i32, usize)> {
        let (raw, mut k) = if let Some((n, d)) = self.num(j) {
            if d > 2 || !(1..=12).contains(&n) {
                return None;
            }
            // `8:15` is a numeric time (times.rs).
            if self.punct(j + 1).is_some() && self.tight(j + 1) {
                return None;
            }
            (n as u8, j + 1)
        } else {
            self.hour_word_at(j)?
        };
        let delta = match self.word(k) {
            Some("والربع") => 15,
            Some("والثلث") => 20,
            Some("والنصف") => 30,
            Some("الا") => match self.word(k + 1) {
                Some("ربعا" | "ربع") => -15,
                Some("ثلثا" | "ثلث") => -20,
                _ => return Some((raw, 0, k)),
            },
            _ => {
                let (m, after) = self.minutes_at(k).unwrap_or((0, k));
                k = after;
                return Some((raw, m, k));
            }
        };
        k += if delta < 0 { 2 } else { 1 };
        Some((raw, delta, k))
    }

    /// A feminine ordinal hour at `j`: (1–12, next).
    fn hour_word_at(&self, j: usize) -> Option<(u8, usize)> {
        let w = self.word(j)?;
        if w == "الواحده" {
            return Some((1, j + 1));
        }
        if !w.ends_with('ه') {
            return None;
        }
        let n = ordinal_word(w)?;
        match (n, self.word(j + 1)) {
            (1 | 2, Some("عشره" | "عشر")) => Some((10 + n, j + 2)),
            (2..=10, _) => Some((n, j + 1)),
            _ => None,
        }
    }

    /// `وعشر دقائق`, `وخمس وعشرين دقيقة`, `و10 دقائق` at `k`: (minutes,
    /// next).
    fn minutes_at(&self, k: usize) -> Option<(i32, usize)> {
        let (mut m, mut j) = if self.is_word(k, "و") {
            (self.num(k + 1)?.0, k + 2)
        } else {
            let w = self.word(k)?.strip_prefix('و')?;
            (number_word(w)?, k + 1)
        };
        if let Some(tens) = self.word(j).and_then(|w| match w {
            "وعشرين" => Some(20),
            "وثلاثين" => Some(30),
            "واربعين" => Some(40),
            "وخمسين" => Some(50),
            _ => None,
        }) {
            m += tens;
            j += 1;
        }
        if !matches!(self.word(j), Some("دقيقه" | "دقايق" | "دقيقتين")) || m > 59 {
            return None;
        }
        Some((i32::try_from(m).ok()?, j + 1))
    }

    /// A part of the day after an hour at `k`: (part, next).
    fn day_part_at(&self, k: usize) -> Option<(DayPart, usize)> {
        Some(match self.word(k)? {
            "صباحا" | "صباح" | "فجرا" => (DayPart::Morning, k + 1),
            "ظهرا" => (DayPart::Noon, k + 1),
            "بعد" if matches!(self.word(k + 1), Some("الظهر" | "الظهيره")) => {
                (DayPart::Afternoon, k + 2)
            }
            "عصرا" | "مساء" | "مساءا" => (DayPart::Afternoon, k + 1),
            "ليلا" => (DayPart::Night, k + 1),
            _ => return None,
        })
    }
}
