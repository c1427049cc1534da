//! The grammar over the tokens of a normalized window, one file per family
//! of productions. [`Cx::at`] says which families are tried at a token, and
//! in which order: that order is the precedence.
//!
//! | family | file | examples |
//! |---|---|---|
//! | absolute dates | `absolute.rs` | `25 يناير 2022`, `فبراير الماضي`, `عام 2017` |
//! | English dates | `english.rs` | `Mar 3, 2021`, `March 3rd, 2021 at 4:15 PM` |
//! | numeric and ISO dates | `numeric.rs` | `14/11/2016`, `2021-10-20` |
//! | times of day | `times.rs` | `16:28`, `06:29 صباحاً` |
//! | times of day in words | `time_words.rs` | `الثامنة والربع مساءً`, `منتصف الليل` |
//! | Hijri dates | `hijri.rs` | `15 ربيع الأول 1443 هـ`, `رمضان الماضي` |
//! | relative expressions | `relative.rs` | `أمس`, `منذ 3 أيام`, `خلال يومين` |
//! | hours and minutes ago | `hours_ago.rs` | `قبل ساعتين`, `منذ 40 دقيقة` |
//! | a day of a relative month | `month_day.rs` | `العاشر من الشهر الماضي`, `20 الجاري` |
//! | decades and centuries | `decades.rs` | `السبعينيات`, `القرن التاسع عشر` |
//! | intervals | `intervals.rs` | `من 3 إلى 5 مارس`, `منتصف فبراير`, `نهاية العام` |
//! | ranges and lists of years, months, weekdays | `ranges.rs` | `بين عامي 2003 و2011`, `من مارس إلى مايو 2022`, `عامي 2019 و2020` |
//! | weekdays | `weekdays.rs` | `الثلاثاء 25 يناير`, `يوم الجمعة` |
//!
//! The building blocks (a word, a number, a month name, a year) are in
//! `cx.rs`; the words in [`crate::lexicon`], the arithmetic against the
//! reference in [`crate::resolve`]. A production that starts with a word
//! no other one starts with needs that word in [`crate::triggers`] too:
//! the scanner opens a window only at a trigger. Its cases go in
//! `tests/data/dates.toml`.

mod absolute;
mod cx;
mod decades;
mod english;
mod hijri;
mod hours_ago;
mod intervals;
mod month_day;
mod numeric;
mod ranges;
mod relative;
mod time_words;
mod times;
mod weekdays;

pub(crate) use cx::{Cx, Hit};

use crate::tokens::Kind;
use crate::types::Value;

impl Cx<'_> {
    /// The expression that starts at token `i`, trying the families in
    /// order: after a number a day-month date, a numeric or ISO date, a
    /// Hijri year, a time; after a word a weekday, a part of a month or
    /// year, a day-month date, a relative expression, a year.
    pub(crate) fn at(&self, i: usize) -> Option<Hit> {
        let t = self.toks.get(i)?;
        match t.kind {
            Kind::Num => {
                if let Some(hit) = self
                    .range_at(i)
                    .or_else(|| self.year_dash_at(i))
                    .or_else(|| self.list_item_at(i))
                {
                    return Some(hit);
                }
                if let Some(hit) = self.core_at(i, None, false) {
                    return Some(hit);
                }
                if let Some(hit) = self.hijri_year_only(i) {
                    return Some(hit);
                }
                if let Some((hour, minute, next)) = self.time_at(i) {
                    // Not a ratio or a score inside a longer number run.
                    if i > 0 && self.punct(i - 1) == Some(':') && self.tight(i) {
                        return None;
                    }
                    // `16:28+03:00`: a UTC offset (read by the article
                    // parser), not a time of day.
                    if i > 0 && self.punct(i - 1) == Some('+') && self.tight(i) {
                        return None;
                    }
                    return Some(Hit::new(i, next, Some(Value::Time { hour, minute })));
                }
                self.time_words_at(i)
            }
            Kind::Word => self
                .range_at(i)
                .or_else(|| self.list_item_at(i))
                .or_else(|| self.weekday_at(i))
                .or_else(|| self.part_at(i))
                .or_else(|| self.decade_at(i))
                .or_else(|| self.core_at(i, None, false))
                .or_else(|| self.relative_at(i))
                .or_else(|| self.year_kw_at(i))
                .or_else(|| self.time_words_at(i)),
            _ => None,
        }
    }
}
