//! Decades and centuries as ranges of years: `السبعينيات` (1970/1979),
//! `ثمانينيات القرن الماضي`, `الستينيات من القرن الماضي`, `القرن التاسع عشر`
//! (1800/1899: the Nth century is (N−1)00 to (N−1)99, as news counts it),
//! `القرن الـ21`, `القرن الماضي` (relative to the reference), and their
//! parts: `مطلع الثمانينيات` (years 0–3), `منتصف السبعينيات` (4–6), `أواخر
//! التسعينيات` (7–9); the start or end of a century is its first or last
//! decade; `مطلع الألفية` is 2000/2009. A decade alone is of the 1900s
//! (`العشرينيات` alone, 1920s or 2020s, is left out). Ages (`في الثمانينيات
//! من عمره`), `صفقة القرن`, `ربع قرن` are not dates.

use super::cx::{Cx, Hit};
use crate::lexicon::{decade_word, dir_word, ordinal_word, part_of_month, Dir};
use crate::types::Value;

/// Which part of a decade or century a part word names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Start,
    Middle,
    End,
}

impl Cx<'_> {
    /// A decade, a century or the millennium at `i`, with an optional part
    /// word before it.
    pub(super) fn decade_at(&self, i: usize) -> Option<Hit> {
        let part = self
            .word(i)
            .and_then(part_of_month)
            .map(|(lo, _)| match lo {
                1 => Part::Start,
                11 => Part::Middle,
                _ => Part::End,
            });
        // `أول`, `آخر` are too common to open a part of a decade.
        if part.is_some() && matches!(self.word(i), Some("اول" | "اخر")) {
            return None;
        }
        let j = if part.is_some() { i + 1 } else { i };
        let mut hit = if self.is_word(j, "الالفيه") {
            // `مطلع الألفية (الثالثة)`: only its start is a date in news.
            if part != Some(Part::Start) {
                return None;
            }
            let last = if self.is_word(j + 1, "الثالثه") {
                j + 2
            } else {
                j + 1
            };
            return Some(Hit::new(
                i,
                last,
                Some(Value::Years {
                    start: 2000,
                    end: 2009,
                }),
            ));
        } else if let Some(hit) = self.century_at(j) {
            hit
        } else {
            self.decade_word_at(j)?
        };
        hit.first = i;
        if let (Some(p), Some(Value::Years { start, end })) = (part, hit.value) {
            let decade = end - start == 9;
            let (s, e) = match (p, decade) {
                (Part::Start, true) => (start, start + 3),
                (Part::Middle, true) => (start + 4, start + 6),
                (Part::End, true) => (start + 7, end),
                (Part::Start, false) => (start, start + 9),
                (Part::Middle, false) => (start + 40, start + 59),
                (Part::End, false) => (end - 9, end),
            };
            hit.value = Some(Value::Years { start: s, end: e });
        }
        Some(hit)
    }

    /// A decade word at `j` (`السبعينيات`, `ثمانينيات`), with an optional
    /// century after it (`القرن الماضي`, `من القرن العشرين`).
    fn decade_word_at(&self, j: usize) -> Option<Hit> {
        let d = self.word(j).and_then(decade_word)?;
        let k = if self.is_word(j + 1, "من") && self.is_word(j + 2, "القرن") {
            j + 2
        } else {
            j + 1
        };
        if let Some(c) = self.century_at(k) {
            let mut hit = Hit::new(j, c.last, None);
            hit.relative = c.relative;
            if let Some(Value::Years { start, .. }) = c.value {
                hit.value = Some(Value::Years {
                    start: start + d,
                    end: start + d + 9,
                });
            }
            return Some(hit);
        }
        // An age: `في الثمانينيات من عمره`, `من العمر`.
        if self.is_word(j + 1, "من") && self.word(j + 2).is_some_and(|w| w.contains("عمر")) {
            return None;
        }
        // `العشرينيات` alone may be the 1920s or the 2020s.
        if d == 20 {
            return None;
        }
        Some(Hit::new(
            j,
            j + 1,
            Some(Value::Years {
                start: 1900 + d,
                end: 1909 + d,
            }),
        ))
    }

    /// `القرن` at `j` and the century it names: `الماضي`/`الحالي`
    /// (relative), an ordinal (`التاسع عشر`, `الحادي والعشرين`, `العشرين`),
    /// or a number (`الـ21`, `21`).
    fn century_at(&self, j: usize) -> Option<Hit> {
        if !self.is_word(j, "القرن") {
            return None;
        }
        let k = j + 1;
        if let Some(dir) = self.word(k).and_then(dir_word) {
            let mut hit = Hit::new(j, k + 1, None);
            hit.relative = true;
            hit.value = self.reference.map(|r| {
                let base = r.year.div_euclid(100) * 100;
                let start = if dir == Dir::Past { base - 100 } else { base };
                let start = if dir == Dir::Next { base + 100 } else { start };
                Value::Years {
                    start,
                    end: start + 99,
                }
            });
            return Some(hit);
        }
        let (n, last) = if let Some((n, d)) = self.num(k + usize::from(self.is_word(k, "ال"))) {
            if d > 2 {
                return None;
            }
            (n, k + 1 + usize::from(self.is_word(k, "ال")))
        } else {
            let w = self.word(k)?;
            let n = u32::from(ordinal_word(w)?);
            match self.word(k + 1) {
                Some("عشر") if n < 10 => (n + 10, k + 2),
                Some("والعشرين") if n < 10 => (n + 20, k + 2),
                Some("و") if n < 10 && self.is_word(k + 2, "العشرين") => (n + 20, k + 3),
                _ if matches!(w, "الحادي" | "الحاديه") => return None,
                _ => (n, k + 1),
            }
        };
        if !(1..=21).contains(&n) {
            return None;
        }
        let start = (n as i32 - 1) * 100;
        Some(Hit::new(
            j,
            last,
            Some(Value::Years {
                start,
                end: start + 99,
            }),
        ))
    }
}
