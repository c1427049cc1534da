//! Hours and minutes ago (or ahead): `قبل ساعتين`, `منذ 40 دقيقة`, `منذ خمس
//! ساعات`, `قبل نصف ساعة`, `منذ ساعة ونصف`, `بعد 45 دقيقة`. With a reference
//! that has a time of day, the reference moment moved by the duration
//! (a date and time, carrying the reference's UTC offset); with a day only,
//! that day moved by whole days; with none, unresolved.

use super::cx::{Cx, Hit};
use crate::calendar::Date;
use crate::lexicon::{number_word, unit_word, Unit};
use crate::types::{Value, Ymd};

impl Cx<'_> {
    /// `منذ`/`قبل`/`بعد` at `i` and a duration in hours or minutes.
    pub(super) fn hours_ago_at(&self, i: usize) -> Option<Hit> {
        let after = self.is_word(i, "بعد");
        let (minutes, mut last) = self.clock_duration_at(i + 1)?;
        // Counted from an event (`بعد ساعتين من المفاوضات`, `قبل 10 دقائق
        // من نهاية المباراة`), not from the reference.
        if !self.is_word(i, "منذ") {
            match self.word(last) {
                Some("من") if self.is_word(last + 1, "الان") => last += 2,
                Some("من" | "علي" | "عن") => return None,
                _ => {}
            }
        }
        let delta = if after { minutes } else { -minutes };
        let mut hit = Hit::new(i, last, None);
        hit.relative = true;
        if let Some(now) = self.now {
            if let Some((h, m)) = now.time {
                let at = now.date.to_days() * 1440 + i64::from(h) * 60 + i64::from(m) + delta;
                let day = Date::from_days(at.div_euclid(1440));
                let mins = at.rem_euclid(1440);
                hit.value = Some(Value::DateTime {
                    date: Ymd::full(day),
                    hour: (mins / 60) as u8,
                    minute: (mins % 60) as u8,
                });
                hit.offset = now.utc_offset;
            } else {
                // No time of day: the day, moved by whole days.
                hit.value = Some(Value::Day(Ymd::full(now.date.add_days(delta / 1440))));
            }
        }
        Some(hit)
    }

    /// Whether the word at `k`, after a singular `ساعة`, makes it a name
    /// (`ساعة الصفر`, `ساعة الذروة`): a definite word other than `إلى`.
    pub(super) fn names_an_hour(&self, k: usize) -> bool {
        self.word(k)
            .is_some_and(|w| w.starts_with("ال") && !matches!(w, "الي" | "الان"))
    }

    /// A duration in hours or minutes at `j`: `ساعتين`, `40 دقيقة`, `خمس
    /// ساعات`, `نصف ساعة`, `ساعة ونصف`, `دقيقتين`. Vague plurals (`ساعات`,
    /// `دقائق`) are not a count. (minutes, next token).
    fn clock_duration_at(&self, j: usize) -> Option<(i64, usize)> {
        if self.is_word(j, "نصف") && self.is_word(j + 1, "ساعه") {
            return Some((30, j + 2));
        }
        let (n, unit, last) = if let Some((n, digits)) = self.num(j) {
            if digits > 4 {
                return None;
            }
            (n, self.word(j + 1).and_then(unit_word)?.0, j + 2)
        } else if let Some(n) = self.word(j).and_then(number_word) {
            (n, self.word(j + 1).and_then(unit_word)?.0, j + 2)
        } else {
            let (unit, count) = self.word(j).and_then(unit_word)?;
            // `قبل ساعة الصفر` is "before zero hour", not an hour ago.
            if count == Some(1) && self.names_an_hour(j + 1) {
                return None;
            }
            (count?, unit, j + 1)
        };
        let per = match unit {
            Unit::Hour => 60,
            Unit::Minute => 1,
            _ => return None,
        };
        let mut minutes = i64::from(n.min(100_000)) * per;
        let mut last = last;
        if unit == Unit::Hour {
            if self.is_word(last, "ونصف") {
                minutes += 30;
                last += 1;
            } else if self.is_word(last, "و") && self.is_word(last + 1, "نصف") {
                minutes += 30;
                last += 2;
            }
        }
        Some((minutes, last))
    }
}
