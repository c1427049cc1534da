//! Weekdays: a weekday before a date (`الثلاثاء 25 يناير 2022`), and a
//! weekday alone (`يوم الجمعة`, `السبت الماضي`).

use super::cx::{Cx, Hit};
use crate::lexicon::{dir_word, is_given_name, is_part_of_day, is_title, weekday_word, Dir};
use crate::types::{Value, Ymd};

impl Cx<'_> {
    /// A weekday and what follows it.
    pub(super) fn weekday_at(&self, i: usize) -> Option<Hit> {
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
        // An English weekday counts only before a date (`Sunday Times`).
        if english {
            return None;
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
        hit.bare_weekday = dir.is_none();
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
            Some(
                "صلاه"
                    | "خطبه"
                    | "خطيب"
                    | "صلوات"
                    | "بين"
                    | "كلا"
                    | "هذين"
                    | "سوق"
                    | "ايام"
            )
        ) {
            return false;
        }
        // `الأحد عشر` is "the eleven".
        if matches!(self.word(i + 1), Some("عشر" | "عشره")) {
            return false;
        }
        // A family name (`محمد الجمعة`, `الداعية عثمان الخميس`).
        if prev.is_some_and(is_given_name) || (i > 1 && self.word(i - 2).is_some_and(is_title)) {
            return false;
        }
        if prev == Some("يوم") || prev == Some("ويوم") || prev.is_some_and(is_part_of_day) {
            return true;
        }
        if w == "الاثنين" || w == "الاتنين" {
            let comma_before = i > 0 && matches!(self.punct(i - 1), Some(',' | '(' | '-'));
            let comma_after = matches!(self.punct(i + 1), Some(',' | ')' | '.' | '-'));
            return comma_before || comma_after;
        }
        true
    }
}

impl Cx<'_> {
    /// Whether token `i` starts a day a part of the day can precede: a
    /// weekday or `اليوم`, `أمس`, `غداً`.
    pub(crate) fn day_word(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            matches!(w, "اليوم" | "امس" | "البارحه" | "غدا")
                || weekday_word(w).is_some_and(|(_, e)| !e)
        })
    }

    /// Whether token `i` is a part of the day (`مساء`, `فجر`).
    pub(crate) fn part_of_day(&self, i: usize) -> bool {
        self.word(i).is_some_and(is_part_of_day)
    }
}
