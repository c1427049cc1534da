//! Absolute dates: a day and a month name (`25 يناير 2022`, `الـ3 من تشرين
//! الأول`, `الخامس عشر من رمضان`, `October 20, 2021`), a month (`فبراير
//! 2022`, `فبراير الماضي`), a year (`عام 2017`).

use super::cx::{Cx, Hit};
use crate::calendar::{days_in_month, hijri_to_gregorian, Date, Weekday};
use crate::lexicon::{dir_word, ordinal_word, weekday_word, MonthWord};
use crate::resolve::{closest_year, day_value, hijri_month_interval, month_year_dir};
use crate::types::{Calendar, HijriDate, Value, Ymd};

impl Cx<'_> {
    /// The date part after an optional weekday.
    pub(super) fn core_at(&self, i: usize, weekday: Option<Weekday>, english: bool) -> Option<Hit> {
        if let Some(hit) = self.hijri_numeric_at(i) {
            return Some(hit);
        }
        if let Some((day, after_min)) = self.ordinal_day_at(i) {
            if let Some(hit) = self.day_of_rel_month(i, day, after_min) {
                return Some(hit);
            }
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
            if let Some(hit) = self.day_of_rel_month(first, day, after_day) {
                return Some(hit);
            }
            if let Some((m, after_month, _dual)) = self.month_dual_at(after_day) {
                return self.day_month(first, day, m, after_month);
            }
            return None;
        }
        if first != i {
            return None;
        }
        if let Some((m, after_month, dual)) = self.month_dual_at(i) {
            // English `October 20, 2021`, `Mar 3, 2021`.
            if m.english {
                if let Some(hit) = self.english_month_first(i, m, after_month) {
                    return Some(hit);
                }
            }
            return self.month_only(i, m, after_month, dual);
        }
        None
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
        let mut j = self.ordinal_suffix(i + 1);
        if self.is_word(j, "من")
            && (self.month_at(j + 1).is_some() || self.rel_month_at(j + 1).is_some())
        {
            j += 1;
        }
        Some((d as u8, j))
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
                .is_some_and(|p| p.starts_with("ال") && p != "اليوم" && weekday_word(p).is_none())
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
        if self.month_at(j + 1).is_none() && self.rel_month_at(j + 1).is_none() {
            return None;
        }
        Some((day, j + 1))
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
        self.with_time_after(&mut hit);
        Some(hit)
    }

    /// A month with no day: `فبراير 2022`, `فبراير الماضي`, `رمضان 1443`.
    pub(super) fn month_only(
        &self,
        i: usize,
        m: MonthWord,
        after: usize,
        dual: bool,
    ) -> Option<Hit> {
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

    /// `عام 2017`, `سنة 2019م`, `العام 2020`.
    pub(super) fn year_kw_at(&self, i: usize) -> Option<Hit> {
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
}
