//! Intervals: ranges of days (`من 3 إلى 5 مارس`, `بين 3 و5 مارس`, `3-5
//! مارس`) and parts of a month or a year (`منتصف فبراير`, `أواخر الشهر
//! الماضي`, `نهاية العام`).

use super::cx::{Cx, Hit};
use crate::calendar::days_in_month;
use crate::lexicon::{dir_word, is_year_word, part_of_month, Dir};
use crate::resolve::{add_months, dir_delta};
use crate::types::{Calendar, Value, Ymd};

impl Cx<'_> {
    /// `من 3 إلى 5 مارس`, `بين 3 و5 مارس`, `3-5 مارس`: a first day and a
    /// range word before `hit` (a day and its month): the first token of the
    /// range and its value, the interval of days. `3 و5 مارس` without `بين`
    /// is two days, not a range.
    pub(crate) fn range_before(&self, hit: &Hit) -> Option<(usize, Option<Value>)> {
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
        // `ما بين 5 و7 يونيو`: `ما` belongs to the range word.
        let first = match intro {
            Some(p) if p > 0 && self.is_word(p, "بين") && self.is_word(p - 1, "ما") => p - 1,
            Some(p) => p,
            None => dtok,
        };
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

    /// `منتصف فبراير/شباط الماضي` → an interval of the month.
    pub(super) fn part_at(&self, i: usize) -> Option<Hit> {
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
}
