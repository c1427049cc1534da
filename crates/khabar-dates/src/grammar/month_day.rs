//! A day of this, last or next month: `العاشر من الشهر الماضي`, `الـ20 من
//! الشهر الجاري`, `15 من الشهر الحالي`, `الخامس عشر من الشهر المقبل`, and the
//! Gulf shorthand `20 الجاري`. (The parts of such a month, `مطلع الشهر
//! المقبل`, `أواخر الشهر الجاري`, are in `intervals.rs`.)

use super::cx::{Cx, Hit};
use crate::calendar::Date;
use crate::lexicon::{dir_word, Dir};
use crate::resolve::{add_months, dir_delta};
use crate::types::{Value, Ymd};

impl Cx<'_> {
    /// A month named relative to the reference at `j`: `الشهر` + a
    /// direction word, or `الجاري`/`الحالي` alone (`20 الجاري`). (direction,
    /// next token).
    pub(super) fn rel_month_at(&self, j: usize) -> Option<(Dir, usize)> {
        if self.is_word(j, "الشهر") {
            return self.word(j + 1).and_then(dir_word).map(|d| (d, j + 2));
        }
        match self.word(j)? {
            "الجاري" | "الحالي" => Some((Dir::Current, j + 1)),
            _ => None,
        }
    }

    /// The day `day` (its words `first..`) of the relative month at `j`
    /// (after `من`, or right after the day for `20 الجاري`).
    pub(super) fn day_of_rel_month(&self, first: usize, day: u8, j: usize) -> Option<Hit> {
        let j = if self.is_word(j, "من") && self.is_word(j + 1, "الشهر") {
            j + 1
        } else {
            j
        };
        let (dir, last) = self.rel_month_at(j)?;
        if day == 0 || day > 31 {
            return None;
        }
        let mut hit = Hit::new(first, last, None);
        hit.relative = true;
        if let Some(r) = self.reference {
            let (y, m) = add_months(r.year, r.month, i64::from(dir_delta(dir)));
            hit.value = Some(Value::Day(Ymd::full(Date::new(y, m, day)?)));
        }
        self.with_time_after(&mut hit);
        Some(hit)
    }
}
