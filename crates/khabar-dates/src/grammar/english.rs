//! English dates inside Arabic pages: `Mar 3, 2021`, `March 3rd, 2021`,
//! `Wednesday, March 3, 2021 - 10:45`, `Dec. 25, 2020`, `3 March 2021`,
//! `3rd March 2021`, with an optional time (`at 4:15 PM`, `8:05 p.m.`).
//! Day-first forms go through the day-month production of `absolute.rs`
//! (the ordinal suffix is read by [`Cx::ordinal_suffix`]).

use super::cx::{Cx, Hit};
use crate::lexicon::MonthWord;
use crate::resolve::{closest_year, day_value};
use crate::types::Value;

impl Cx<'_> {
    /// `1st`, `3rd`, `21st`, `5th`: the suffix tight after a day number at
    /// `i`; the token after it.
    pub(super) fn ordinal_suffix(&self, i: usize) -> usize {
        match self.word(i) {
            Some("st" | "nd" | "rd" | "th") if self.tight(i) => i + 1,
            _ => i,
        }
    }

    /// An English month-first date: the month name `m` is read and ends at
    /// `after`; then an optional `.`, the day (with an optional ordinal
    /// suffix), an optional `,` and year, and an optional time.
    pub(super) fn english_month_first(&self, i: usize, m: MonthWord, after: usize) -> Option<Hit> {
        let mut j = after;
        if self.punct(j) == Some('.') && self.tight(j) {
            j += 1;
        }
        let (d, dd) = self.num(j)?;
        if dd > 2 || !(1..=31).contains(&d) {
            return None;
        }
        // `March 3:15` is not a day.
        if matches!(self.punct(j + 1), Some(':' | '/' | '.')) && self.tight(j + 1) {
            return None;
        }
        let day = d as u8;
        j = self.ordinal_suffix(j + 1);
        let mut k = j;
        if self.punct(k) == Some(',') {
            k += 1;
        }
        let mut hit = if let Some((y, after_year, _)) = self.year_at(k) {
            if !(1000..=2200).contains(&y) {
                return None;
            }
            Hit::new(i, after_year, Some(day_value(Some(y), m.month, day)?))
        } else {
            let mut hit = Hit::new(i, j, None);
            hit.relative = true;
            let year = self.reference.map(|r| closest_year(r, m.month, day));
            hit.value = Some(day_value(year, m.month, day)?);
            hit
        };
        self.with_time_after(&mut hit);
        Some(hit)
    }

    /// A time right after the day of `hit` (`- 10:45`, `, 8:05 p.m.`, `at
    /// 4:15 PM`, ` 14:20`) makes it a date and time.
    pub(super) fn with_time_after(&self, hit: &mut Hit) {
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
    }
}
