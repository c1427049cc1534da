//! Hijri dates: `15 ربيع الأول 1443 هـ`, `1/9/1445 هـ`, `رمضان 1443`,
//! `1443 هـ`, and the Hijri days and months with no year (`15 رمضان`,
//! `رمضان الماضي`), converted with Umm al-Qura.

use super::cx::{Cx, Hit};
use crate::calendar::{hijri_month_len, hijri_to_gregorian};
use crate::lexicon::{dir_word, is_year_kw, MonthWord};
use crate::resolve::{hijri_month_interval, hijri_year};
use crate::types::{Calendar, HijriDate, Value, Ymd};

impl Cx<'_> {
    /// `1/1/1446 هـ`, `1-9-1445هـ`, `1445/09/01 هـ`: a numeric Hijri day,
    /// only with the `هـ` marker (and a year 1300–1600).
    pub(super) fn hijri_numeric_at(&self, i: usize) -> Option<Hit> {
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

    /// A day of a Hijri month with no year: `15 رمضان`, `الخامس عشر من
    /// رمضان`, `10 محرم الماضي`. Resolved like a Gregorian day with no year
    /// (the nearest such day, or the one in the last/next such month), on
    /// the Hijri calendar; with no reference there is no Gregorian value.
    pub(super) fn hijri_day_relative(
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
    pub(super) fn hijri_month_relative(&self, i: usize, m: MonthWord, after: usize) -> Option<Hit> {
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

    /// `1443 هـ`, `عام 1443 هـ`.
    pub(super) fn hijri_year_only(&self, i: usize) -> Option<Hit> {
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
}
