//! The matcher's context: the tokens of a normalized window, the reference
//! date, and the building blocks every production uses (a word, a number,
//! a month name, a year and its calendar marker).

use super::ranges::WeekRun;
use crate::calendar::{Date, Weekday};
use crate::lexicon::{is_year_word, month_pair, month_word, MonthWord};
use crate::reference::Reference;
use crate::tokens::{Kind, Tok};
use crate::types::{Calendar, HijriDate, Value};

/// The grammar's view of a normalized window.
pub(crate) struct Cx<'t> {
    /// The search-normalized window.
    pub(crate) text: &'t str,
    /// Its tokens.
    pub(crate) toks: &'t [Tok],
    /// The date relative expressions are resolved against.
    pub(crate) reference: Option<Date>,
    /// The whole reference, with its time of day when known.
    pub(crate) now: Option<Reference>,
}

/// A match before mapping back: token range and what it means.
pub(crate) struct Hit {
    /// The first token.
    pub(crate) first: usize,
    /// One past the last token.
    pub(crate) last: usize,
    /// As in [`DateMention`](crate::DateMention).
    pub(crate) value: Option<Value>,
    /// As in [`DateMention`](crate::DateMention).
    pub(crate) calendar: Calendar,
    /// As in [`DateMention`](crate::DateMention).
    pub(crate) hijri: Option<HijriDate>,
    /// As in [`DateMention`](crate::DateMention).
    pub(crate) weekday: Option<Weekday>,
    /// As in [`DateMention`](crate::DateMention).
    pub(crate) relative: bool,
    /// A UTC offset the value carries from the reference (hours ago),
    /// used before one written after the mention.
    pub(crate) offset: Option<i16>,
    /// A weekday that contradicts the value sets the mismatch flag even
    /// when it is not [`Hit::weekday`] (`اليوم الخميس`).
    pub(crate) mismatch: bool,
    /// A bare weekday (`الخميس`, `يوم الجمعة`, no direction word): it
    /// resolves by the tense of its clause ([`crate::tense`]).
    pub(crate) bare_weekday: bool,
    /// A run of weekdays (a range or an item of a list), resolved as a
    /// whole by the tense of its clause.
    pub(crate) week_run: Option<WeekRun>,
}

impl Hit {
    /// A Gregorian, non-relative match of tokens `first..last`.
    pub(crate) fn new(first: usize, last: usize, value: Option<Value>) -> Self {
        Self {
            first,
            last,
            value,
            calendar: Calendar::Gregorian,
            hijri: None,
            weekday: None,
            relative: false,
            offset: None,
            mismatch: false,
            bare_weekday: false,
            week_run: None,
        }
    }
}

impl<'t> Cx<'t> {
    /// The word at `i`, if token `i` is a word.
    pub(super) fn word(&self, i: usize) -> Option<&'t str> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Word {
            self.text.get(t.start as usize..t.end as usize)
        } else {
            None
        }
    }

    /// Whether token `i` is the word `w`.
    pub(super) fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// The number at `i` and its digit count.
    pub(super) fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let s = self.text.get(t.start as usize..t.end as usize)?;
        if s.len() > 4 {
            return None;
        }
        s.parse().ok().map(|n| (n, s.len()))
    }

    /// The punctuation character at `i`.
    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Token `i` touches the one before it (no whitespace).
    pub(super) fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// A month name at `i`: (month word, next token).
    pub(super) fn month_at(&self, i: usize) -> Option<(MonthWord, usize)> {
        let w = self.word(i)?;
        if let Some(second) = self.word(i + 1) {
            if let Some(m) = month_pair(w, second) {
                return Some((m, i + 2));
            }
        }
        month_word(w).map(|m| (m, i + 1))
    }

    /// A month name at `i`, plus an optional second name of the same month
    /// (`كانون الثاني \ يناير`, `فبراير/شباط`, `أكتوبر (تشرين الأول)`).
    pub(super) fn month_dual_at(&self, i: usize) -> Option<(MonthWord, usize, bool)> {
        let (m, next) = self.month_at(i)?;
        if m.hijri {
            return Some((m, next, false));
        }
        if let Some(c) = self.punct(next) {
            match c {
                '\\' | '/' | '-' | '–' | '|' => {
                    if let Some((m2, after)) = self.month_at(next + 1) {
                        if m2.month == m.month && !m2.hijri {
                            return Some((m, after, true));
                        }
                    }
                }
                '(' => {
                    if let Some((m2, after)) = self.month_at(next + 1) {
                        if m2.month == m.month && !m2.hijri && self.punct(after) == Some(')') {
                            return Some((m, after + 1, true));
                        }
                    }
                }
                _ => {}
            }
        }
        Some((m, next, false))
    }

    /// A year at `i` (four digits), optionally after `عام`/`من عام`, and its
    /// calendar marker (`م`, `هـ`). Returns (year, next, marker).
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize, Option<Calendar>)> {
        let mut j = i;
        if self.is_word(j, "من") && self.word(j + 1).is_some_and(is_year_word) {
            j += 2;
        } else if self.word(j).is_some_and(is_year_word) {
            j += 1;
        } else if self.punct(j) == Some(',') && self.num(j + 1).is_some_and(|(_, d)| d == 4) {
            // `10 مارس ,2023` (Al Arabiya's datelines).
            j += 1;
        }
        let (y, digits) = self.num(j)?;
        if digits != 4 {
            return None;
        }
        let (marker, next) = self.marker_at(j + 1);
        Some((y as i32, next, marker))
    }

    /// `م` / `ميلادي` / `هـ` / `هجري` after a year.
    pub(super) fn marker_at(&self, i: usize) -> (Option<Calendar>, usize) {
        match self.word(i) {
            Some("م" | "ميلادي" | "ميلاديه" | "للميلاد") => {
                (Some(Calendar::Gregorian), i + 1)
            }
            Some("ه" | "هجري" | "هجريه" | "للهجره") => {
                (Some(Calendar::Hijri), i + 1)
            }
            _ => (None, i),
        }
    }

    /// Whether the word before a bare month name at `i` introduces a time.
    pub(super) fn month_intro(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.word(i - 1),
                Some(
                    "في" | "شهر"
                        | "منذ"
                        | "حتي"
                        | "خلال"
                        | "بحلول"
                        | "قبل"
                        | "بعد"
                        | "مطلع"
                        | "منتصف"
                        | "اواخر"
                        | "اوايل"
                        | "نهايه"
                        | "بدايه"
                        | "اواسط"
                        | "وفي"
                        | "ومنذ"
                )
            )
    }
}
