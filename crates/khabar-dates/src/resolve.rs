//! Resolution: the arithmetic that turns an expression read against the
//! reference date (`فبراير الماضي`, `22 يناير`, `رمضان المقبل`) into a value,
//! on the Gregorian and the Umm al-Qura calendars.

use crate::calendar::{days_in_month, hijri_month_len, hijri_to_gregorian, Date};
use crate::lexicon::Dir;
use crate::types::{Value, Ymd};

/// A numeric date is read only for years 1900–2100.
pub(crate) fn in_range(d: Date) -> bool {
    (1900..=2100).contains(&d.year)
}

/// -1, 0 or +1 for past, current and next.
pub(crate) fn dir_delta(dir: Dir) -> i32 {
    match dir {
        Dir::Past => -1,
        Dir::Current => 0,
        Dir::Next => 1,
    }
}

/// (year, month) moved by `n` months.
pub(crate) fn add_months(year: i32, month: u8, n: i64) -> (i32, u8) {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u8,
    )
}

/// The year of `<month> الماضي` (the latest such month strictly before the
/// reference month), `<month> الحالي`, `<month> المقبل`.
pub(crate) fn month_year_dir(r: Date, month: u8, dir: Dir) -> i32 {
    match dir {
        Dir::Past => {
            if month < r.month {
                r.year
            } else {
                r.year - 1
            }
        }
        Dir::Current => r.year,
        Dir::Next => {
            if month > r.month {
                r.year
            } else {
                r.year + 1
            }
        }
    }
}

/// The year that puts `month-day` closest to the reference.
pub(crate) fn closest_year(r: Date, month: u8, day: u8) -> i32 {
    let mut best = r.year;
    let mut best_dist = i64::MAX;
    for y in [r.year - 1, r.year, r.year + 1] {
        let d = day.min(days_in_month(y, month));
        if let Some(date) = Date::new(y, month, d) {
            let dist = (date.to_days() - r.to_days()).abs();
            if dist < best_dist {
                best = y;
                best_dist = dist;
            }
        }
    }
    best
}

/// The Umm al-Qura (year, month) that contains `r`.
fn hijri_of(r: Date) -> Option<(i32, u8)> {
    // About 33 Hijri years to 32 Gregorian ones; the estimate is within
    // two years, and the first candidate year that starts on or before `r`
    // holds it.
    let est = (r.year - 622) * 33 / 32;
    for hy in (est - 2..=est + 2).rev() {
        let Some(start) = hijri_to_gregorian(hy, 1, 1) else {
            continue;
        };
        if start <= r {
            for m in (1..=12u8).rev() {
                if hijri_to_gregorian(hy, m, 1).is_some_and(|d| d <= r) {
                    return Some((hy, m));
                }
            }
        }
    }
    None
}

/// [`month_year_dir`] on the Hijri calendar: the Hijri year of `<month>
/// الماضي` (the latest such month strictly before the reference's Hijri
/// month), `الحالي`, `المقبل`.
fn hijri_year_dir(r: Date, month: u8, dir: Dir) -> Option<i32> {
    let (hy, hm) = hijri_of(r)?;
    Some(match dir {
        Dir::Past if month < hm => hy,
        Dir::Past => hy - 1,
        Dir::Current => hy,
        Dir::Next if month > hm => hy,
        Dir::Next => hy + 1,
    })
}

/// The Hijri year of `month` (around `day`) for an expression with no
/// year: by its direction word when it has one, else the closest.
pub(crate) fn hijri_year(r: Date, month: u8, dir: Option<Dir>, day: u8) -> Option<i32> {
    match dir {
        Some(dir) => hijri_year_dir(r, month, dir),
        None => hijri_closest_year(r, month, day),
    }
}

/// [`closest_year`] on the Hijri calendar: the Hijri year that puts
/// `month-day` closest to the reference.
fn hijri_closest_year(r: Date, month: u8, day: u8) -> Option<i32> {
    let (hy, _) = hijri_of(r)?;
    [hy - 1, hy, hy + 1]
        .into_iter()
        .filter_map(|y| {
            let d = day.min(hijri_month_len(y, month)?);
            let g = hijri_to_gregorian(y, month, d)?;
            Some(((g.to_days() - r.to_days()).abs(), y))
        })
        .min()
        .map(|(_, y)| y)
}

/// The Gregorian days of a Hijri month, as an interval.
pub(crate) fn hijri_month_interval(y: i32, month: u8) -> Option<Value> {
    let len = hijri_month_len(y, month)?;
    Some(Value::Interval {
        start: Ymd::full(hijri_to_gregorian(y, month, 1)?),
        end: Ymd::full(hijri_to_gregorian(y, month, len)?),
    })
}

/// A day of `month`, with its year when known; `None` when it does not
/// exist.
pub(crate) fn day_value(year: Option<i32>, month: u8, day: u8) -> Option<Value> {
    match year {
        Some(y) => Date::new(y, month, day).map(|d| Value::Day(Ymd::full(d))),
        None => (day <= days_in_month(2000, month)).then_some(Value::Day(Ymd {
            year: None,
            month,
            day,
        })),
    }
}
