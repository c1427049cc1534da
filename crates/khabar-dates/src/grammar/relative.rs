//! Relative expressions: `اليوم`, `أمس`, `غداً`, `العام الماضي`, `الشهر
//! المقبل`, `الأسبوع الماضي`, `منذ 3 أيام`, `بعد يومين`, `خلال 48 ساعة`, and
//! `من العام الماضي` after a month.

use super::cx::{Cx, Hit};
use crate::calendar::{days_in_month, Date};
use crate::lexicon::{dir_word, is_year_word, number_word, unit_word, weekday_word, Dir, Unit};
use crate::resolve::{add_months, dir_delta};
use crate::types::{Calendar, Value, Ymd};

impl Cx<'_> {
    /// Relative words: `اليوم`, `أمس`, `أول أمس`, `غداً`, `العام الماضي`,
    /// `الشهر الماضي`, `الأسبوع الماضي`, `منذ 3 أيام`.
    pub(super) fn relative_at(&self, i: usize) -> Option<Hit> {
        let mut hit = self.relative_word_at(i)?;
        // `اليوم الخميس`, `أمس الثلاثاء`, `غداً الجمعة`: one mention, the
        // day of the relative word; the weekday is checked against it.
        if matches!(self.word(i), Some("اليوم" | "امس" | "البارحه" | "غدا")) {
            if let Some((wd, false)) = self.word(hit.last).and_then(weekday_word) {
                hit.weekday = Some(wd);
                hit.last += 1;
            }
            // `أمس في الساعة العاشرة إلا ربعاً ليلاً`, `غداً في العاشرة صباحاً`.
            self.with_time_after(&mut hit);
        }
        Some(hit)
    }

    /// The relative words of [`Cx::relative_at`].
    fn relative_word_at(&self, i: usize) -> Option<Hit> {
        let w = self.word(i)?;
        let r = self.reference;
        let day = |n: i64| r.map(|r| Value::Day(Ymd::full(r.add_days(n))));
        let rel = |first, last, value| {
            let mut hit = Hit::new(first, last, value);
            hit.relative = true;
            Some(hit)
        };
        match w {
            "اليوم" if self.is_today(i) => rel(i, i + 1, day(0)),
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
            "منذ" | "قبل" | "بعد" => self.hours_ago_at(i).or_else(|| self.ago_at(i)),
            "خلال" => self.within_at(i),
            _ => None,
        }
    }

    /// Whether `اليوم` at `i` is today: `في اليوم التالي` is "the next
    /// day", `حتى اليوم` "to this day", `اليوم الوطني` a national day.
    fn is_today(&self, i: usize) -> bool {
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
            return false;
        }
        !(i > 0
            && matches!(
                self.word(i - 1),
                Some("حتي" | "طوال" | "ذلك" | "هذا" | "منتصف")
            ))
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
            Unit::Minute => Value::Day(Ymd::full(r)),
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
                Unit::Minute => r.add_days(n / 1440),
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
            if unit == Unit::Hour && count == Some(1) && self.names_an_hour(j + 1) {
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

    /// `من العام الماضي` / `من هذا العام` after a month: the year it names.
    pub(super) fn rel_year_after(&self, i: usize) -> Option<(Option<i32>, usize)> {
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
}
