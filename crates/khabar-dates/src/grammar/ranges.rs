//! Ranges and lists of years, months and weekdays.
//!
//! A RANGE is one mention, an interval from its range word (`من … إلى/حتى`,
//! `بين/ما بين … و`): `بين عامي 2003 و2011` → `2003/2011`, `من مارس إلى مايو
//! 2022` → `2022-03/2022-05` (the later end lends its year), `من الأحد إلى
//! الثلاثاء` → the days, resolved as a whole, and a dash between years,
//! `2003-2011`. (Ranges of days, `من 3 إلى 5 مارس`, are in `intervals.rs`.)
//!
//! A LIST is one mention per item, since a list need not be contiguous:
//! `عامي 2019 و2020`, `في 2019 و2020`, `أعوام 2010 و2014 و2018`, `شهري مارس
//! وأبريل 2022` (the later item lends its year), `3 و5 مارس 2022` (the later
//! item lends its month and year), `يومي الأحد والاثنين` (resolved as a
//! whole, in order). Bare numbers followed by a counted noun (`بين 1900
//! و2000 متر`, `1850 و2020 مجنداً`) are not years.

use super::cx::{Cx, Hit};
use crate::calendar::{Date, Weekday};
use crate::lexicon::{dir_word, is_year_kw, weekday_word, Dir};
use crate::types::{Value, Ymd};

/// One end of a range or an item of a list.
#[derive(Clone, Copy)]
enum Item {
    Year(i32),
    Month(Option<i32>, u8),
    Weekday(Weekday),
}

/// Which part of a run of weekdays a hit is: the whole range, or one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WeekPart {
    /// A range `من الأحد إلى الثلاثاء`: the interval.
    Whole,
    /// The first item of a list.
    First,
    /// The last item of a list.
    Last,
}

/// A run of weekdays (`من الأحد إلى الخميس`, `يومي الخميس والجمعة
/// الماضيين`), resolved as a whole against the reference.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WeekRun {
    pub(crate) first: Weekday,
    pub(crate) last: Weekday,
    pub(crate) part: WeekPart,
    /// `الماضيين`: the last day strictly before the reference.
    pub(crate) strict: bool,
}

impl WeekRun {
    /// The value against `r`: past, the last day is the latest on or
    /// before the reference and the others the days before it; future, the
    /// first day is the earliest on or after it and the others follow.
    pub(crate) fn value(self, r: Date, future: bool) -> Value {
        let len = (i64::from(self.last.index()) - i64::from(self.first.index())).rem_euclid(7);
        let rw = i64::from(r.weekday().index());
        let start = if future {
            r.add_days((i64::from(self.first.index()) - rw).rem_euclid(7))
        } else {
            let mut back = (rw - i64::from(self.last.index())).rem_euclid(7);
            if self.strict && back == 0 {
                back = 7;
            }
            r.add_days(-back - len)
        };
        let end = start.add_days(len);
        match self.part {
            WeekPart::Whole => Value::Interval {
                start: Ymd::full(start),
                end: Ymd::full(end),
            },
            WeekPart::First => Value::Day(Ymd::full(start)),
            WeekPart::Last => Value::Day(Ymd::full(end)),
        }
    }
}

/// Words after a bare number that make it a count, not a year.
fn counted_noun(w: &str) -> bool {
    !w.starts_with("ال")
        && !matches!(
            w,
            "في" | "من"
                | "الي"
                | "حتي"
                | "علي"
                | "عن"
                | "مع"
                | "ثم"
                | "قبل"
                | "بعد"
                | "خلال"
                | "او"
                | "و"
                | "م"
                | "ميلادي"
                | "ميلاديه"
        )
        && !w.starts_with('و')
}

impl Cx<'_> {
    /// A year, month or Arabic weekday item at `k`: (item, next, had a
    /// year keyword).
    fn item_at(&self, k: usize) -> Option<(Item, usize, bool)> {
        let kw = self
            .word(k)
            .is_some_and(|w| is_year_kw(w) || matches!(w, "اعوام" | "سنوات"));
        let j = if kw { k + 1 } else { k };
        if let Some((y, digits)) = self.num(j) {
            if digits != 4 || !(1800..=2200).contains(&y) {
                return None;
            }
            return Some((Item::Year(y as i32), j + 1, kw));
        }
        if kw {
            return None;
        }
        if let Some((wd, false)) = self.word(k).and_then(weekday_word) {
            return Some((Item::Weekday(wd), k + 1, false));
        }
        let (m, next, _) = self.month_dual_at(k)?;
        if m.hijri {
            return None;
        }
        match self.num(next) {
            Some((y, 4)) if (1000..=2200).contains(&y) => {
                Some((Item::Month(Some(y as i32), m.month), next + 1, false))
            }
            _ => Some((Item::Month(None, m.month), next, false)),
        }
    }

    /// A range whose first end is at `i`, after `من` or `(ما) بين`.
    pub(super) fn range_at(&self, i: usize) -> Option<Hit> {
        let intro = i.checked_sub(1)?;
        let between = match self.word(intro)? {
            "بين" => true,
            "من" => false,
            _ => return None,
        };
        let first = if between && intro > 0 && self.is_word(intro - 1, "ما") {
            intro - 1
        } else {
            intro
        };
        let (a, next, kw_a) = self.item_at(i)?;
        let ok = if between {
            self.is_word(next, "و")
        } else {
            matches!(self.word(next), Some("الي" | "حتي" | "لغايه"))
        };
        if !ok {
            return None;
        }
        let (b, last, kw_b) = self.item_at(next + 1)?;
        let value = match (a, b) {
            (Item::Year(x), Item::Year(y)) if x < y => {
                if !(kw_a || kw_b) && self.word(last).is_some_and(counted_noun) {
                    return None;
                }
                Some(Value::Years { start: x, end: y })
            }
            (Item::Month(ya, ma), Item::Month(yb, mb)) => {
                let ya = ya.or_else(|| yb.map(|y| if ma <= mb { y } else { y - 1 }));
                Some(Value::Months {
                    start: (ya, ma),
                    end: (yb, mb),
                })
            }
            (Item::Weekday(x), Item::Weekday(y)) => {
                let mut hit = Hit::new(first, last, None);
                hit.relative = true;
                hit.week_run = Some(WeekRun {
                    first: x,
                    last: y,
                    part: WeekPart::Whole,
                    strict: false,
                });
                hit.value = self
                    .reference
                    .and_then(|r| hit.week_run.map(|w| w.value(r, false)));
                return Some(hit);
            }
            _ => return None,
        };
        Some(Hit::new(first, last, value))
    }

    /// `2003-2011`: two years joined by a dash.
    pub(super) fn year_dash_at(&self, i: usize) -> Option<Hit> {
        let (a, 4) = self.num(i)? else { return None };
        if !matches!(self.punct(i + 1), Some('-' | '–')) || !self.tight(i + 1) || !self.tight(i + 2)
        {
            return None;
        }
        let (b, 4) = self.num(i + 2)? else {
            return None;
        };
        if !((1800..=2200).contains(&a) && a < b && b <= 2200) {
            return None;
        }
        if matches!(self.punct(i + 3), Some('-' | '/' | '.')) && self.tight(i + 3) {
            return None;
        }
        Some(Hit::new(
            i,
            i + 3,
            Some(Value::Years {
                start: a as i32,
                end: b as i32,
            }),
        ))
    }

    /// An item of a list at `i`: a year, a month, a day number or a weekday
    /// followed by `و` and a later item, or following `و` and an earlier one.
    pub(super) fn list_item_at(&self, i: usize) -> Option<Hit> {
        if i > 0 && matches!(self.word(i - 1), Some("بين" | "من")) {
            return None;
        }
        // A list has `و` right after an item (a month name may take up to
        // five tokens, `كانون الثاني / يناير`) or right before a later one.
        let near_waw =
            (1..=5).any(|d| self.is_word(i + d, "و")) || i > 0 && self.is_word(i - 1, "و");
        if !near_waw {
            return None;
        }
        self.year_item(i)
            .or_else(|| self.month_item(i))
            .or_else(|| self.day_item(i))
            .or_else(|| self.weekday_item(i))
    }

    /// `عامي 2019 و2020`, `في 2019 و2020`, `أعوام 2010 و2014 و2018`: a bare
    /// year in a list (the first item with its keyword is a year anyway).
    fn year_item(&self, i: usize) -> Option<Hit> {
        let (y, 4) = self.num(i)? else { return None };
        if !(1800..=2200).contains(&y) {
            return None;
        }
        // Walk back over the earlier items to the word before the list.
        let mut k = i;
        while k >= 2
            && self.is_word(k - 1, "و")
            && self
                .num(k - 2)
                .is_some_and(|(n, d)| d == 4 && (1800..=2200).contains(&n))
        {
            k -= 2;
        }
        let intro = k.checked_sub(1).and_then(|p| self.word(p));
        let intro_ok =
            intro.is_some_and(|w| is_year_kw(w) || matches!(w, "في" | "وفي" | "اعوام" | "سنوات"));
        let followed = self.is_word(i + 1, "و") && self.num(i + 2).is_some_and(|(_, d)| d == 4);
        if !intro_ok || (k == i && !followed) {
            return None;
        }
        // The last item: not a count (`1850 و2020 مجنداً`).
        let mut end = i + 1;
        while self.is_word(end, "و") && self.num(end + 1).is_some_and(|(_, d)| d == 4) {
            end += 2;
        }
        if self.word(end).is_some_and(counted_noun) {
            return None;
        }
        let first = if k == i && intro.is_some_and(|w| matches!(w, "اعوام" | "سنوات")) {
            i - 1
        } else {
            i
        };
        Some(Hit::new(first, i + 1, Some(Value::Year(y as i32))))
    }

    /// `شهري مارس وأبريل 2022`: the first month of a pair, with the year
    /// of the second.
    fn month_item(&self, i: usize) -> Option<Hit> {
        let (m, next, _) = self.month_dual_at(i)?;
        if m.hijri || !self.is_word(next, "و") {
            return None;
        }
        let later = self.core_at(next + 1, None, false)?;
        let Some(Value::Month { year, .. }) = later.value else {
            return None;
        };
        let mut hit = Hit::new(
            i,
            next,
            Some(Value::Month {
                year,
                month: m.month,
            }),
        );
        hit.relative = later.relative;
        Some(hit)
    }

    /// `3 و5 مارس 2022`: a day number before `و` and a day-month date; it
    /// takes the later date's month and year.
    fn day_item(&self, i: usize) -> Option<Hit> {
        let (d, digits) = self.num(i)?;
        if digits > 2
            || !(1..=31).contains(&d)
            || !self.is_word(i + 1, "و")
            || self.num(i + 2).is_none()
        {
            return None;
        }
        let later = self.core_at(i + 2, None, false)?;
        let Some(Value::Day(end)) = later.value else {
            return None;
        };
        if u32::from(end.day) <= d {
            return None;
        }
        let mut hit = Hit::new(i, i + 1, None);
        hit.relative = later.relative;
        hit.value = match end.year {
            Some(y) => Some(Value::Day(Ymd::full(Date::new(y, end.month, d as u8)?))),
            None => Some(Value::Day(Ymd {
                year: None,
                month: end.month,
                day: d as u8,
            })),
        };
        Some(hit)
    }

    /// `يومي الأحد والاثنين`, `الخميس والجمعة الماضيين`: a weekday before or
    /// after `و` and another weekday, resolved as a run.
    fn weekday_item(&self, i: usize) -> Option<Hit> {
        let (wd, false) = self.word(i).and_then(weekday_word)? else {
            return None;
        };
        let run = if self.is_word(i + 1, "و") {
            let (w2, false) = self.word(i + 2).and_then(weekday_word)? else {
                return None;
            };
            let strict = self.word(i + 3).and_then(dir_word) == Some(Dir::Past);
            (
                WeekRun {
                    first: wd,
                    last: w2,
                    part: WeekPart::First,
                    strict,
                },
                i + 1,
            )
        } else if i >= 2 && self.is_word(i - 1, "و") {
            let (w0, false) = self.word(i - 2).and_then(weekday_word)? else {
                return None;
            };
            let dir = self.word(i + 1).and_then(dir_word);
            let strict = dir == Some(Dir::Past);
            let last = if dir.is_some() { i + 2 } else { i + 1 };
            (
                WeekRun {
                    first: w0,
                    last: wd,
                    part: WeekPart::Last,
                    strict,
                },
                last,
            )
        } else {
            return None;
        };
        let mut hit = Hit::new(i, run.1, None);
        hit.relative = true;
        hit.weekday = Some(wd);
        hit.week_run = Some(run.0);
        hit.value = self.reference.map(|r| run.0.value(r, false));
        Some(hit)
    }
}
