//! The date types: what [`find_dates`](crate::find_dates) returns.

use std::fmt::Write as _;

use khabar_normalize::Span;

use crate::calendar::{Date, Weekday};
use crate::offsets::push_offset;

/// Which calendar the text used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Calendar {
    /// Gregorian (also for relative expressions).
    Gregorian,
    /// Hijri; the value is converted to Gregorian with Umm al-Qura and the
    /// Hijri original is kept in [`DateMention::hijri`].
    Hijri,
}

impl Calendar {
    /// Every calendar, in declaration order.
    pub const ALL: [Self; 2] = [Self::Gregorian, Self::Hijri];

    /// `"gregorian"` or `"hijri"`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Gregorian => "gregorian",
            Self::Hijri => "hijri",
        }
    }
}

/// A calendar day whose year may be unknown (`22 يناير` with no reference).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Ymd {
    /// The year, when the text or the reference gives one.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Ymd {
    pub(crate) fn full(d: Date) -> Self {
        Self {
            year: Some(d.year),
            month: d.month,
            day: d.day,
        }
    }

    /// The complete date, when the year is known and the day exists.
    pub fn date(self) -> Option<Date> {
        Date::new(self.year?, self.month, self.day)
    }

    fn write_iso(self, out: &mut String) {
        match self.year {
            Some(y) => {
                let _ = write!(out, "{y:04}-{:02}-{:02}", self.month, self.day);
            }
            None => {
                let _ = write!(out, "--{:02}-{:02}", self.month, self.day);
            }
        }
    }
}

/// The resolved value of a date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Value {
    /// A year (`عام 2017`, `العام الماضي`).
    Year(i32),
    /// A month, with its year when known (`فبراير الماضي`).
    Month {
        /// The year, when known.
        year: Option<i32>,
        /// Month, 1–12.
        month: u8,
    },
    /// A day (`25 يناير 2022`, `أمس`).
    Day(Ymd),
    /// A day and a time of day (`الثلاثاء 25 يناير 2022 - 16:28`).
    DateTime {
        /// The day.
        date: Ymd,
        /// Hour, 0–23.
        hour: u8,
        /// Minute, 0–59.
        minute: u8,
    },
    /// A time of day alone (`06:29 صباحاً`).
    Time {
        /// Hour, 0–23.
        hour: u8,
        /// Minute, 0–59.
        minute: u8,
    },
    /// An inclusive range of days (`منتصف فبراير`, `الأسبوع الماضي`, a Hijri
    /// month).
    Interval {
        /// First day.
        start: Ymd,
        /// Last day.
        end: Ymd,
    },
    /// An inclusive range of years (`بين عامي 2003 و2011`, `السبعينيات`,
    /// `القرن الحادي والعشرين`); precision [`Precision::Interval`].
    Years {
        /// First year.
        start: i32,
        /// Last year.
        end: i32,
    },
    /// An inclusive range of months (`من مارس إلى مايو 2022`), with their
    /// years when known; precision [`Precision::Interval`].
    Months {
        /// First month: (year, month).
        start: (Option<i32>, u8),
        /// Last month: (year, month).
        end: (Option<i32>, u8),
    },
}

fn write_month(out: &mut String, (year, month): (Option<i32>, u8)) {
    match year {
        Some(y) => {
            let _ = write!(out, "{y:04}-{month:02}");
        }
        None => {
            let _ = write!(out, "--{month:02}");
        }
    }
}

/// How precise a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Precision {
    /// A year.
    Year,
    /// A month.
    Month,
    /// A day.
    Day,
    /// A day and a time.
    DateTime,
    /// A time of day alone.
    Time,
    /// A range of days.
    Interval,
    /// A relative expression with no reference date to resolve it against.
    Unresolved,
}

impl Precision {
    /// Every precision, in declaration order.
    pub const ALL: [Self; 7] = [
        Self::Year,
        Self::Month,
        Self::Day,
        Self::DateTime,
        Self::Time,
        Self::Interval,
        Self::Unresolved,
    ];

    /// Lowercase name (`"day"`, `"datetime"`, …).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::DateTime => "datetime",
            Self::Time => "time",
            Self::Interval => "interval",
            Self::Unresolved => "unresolved",
        }
    }
}

impl Value {
    /// The precision of this value.
    pub fn precision(&self) -> Precision {
        match self {
            Self::Year(_) => Precision::Year,
            Self::Month { .. } => Precision::Month,
            Self::Day(_) => Precision::Day,
            Self::DateTime { .. } => Precision::DateTime,
            Self::Time { .. } => Precision::Time,
            Self::Interval { .. } | Self::Years { .. } | Self::Months { .. } => Precision::Interval,
        }
    }

    /// ISO 8601: `2022`, `2022-01`, `2022-01-25`, `2022-01-25T16:28`,
    /// `T06:29`, `2022-02-11/2022-02-20`, `2019/2020`, `2022-03/2022-05`;
    /// with no year, the partial forms
    /// `--01`, `--01-22`, `--01-22T16:28`.
    pub fn iso(&self) -> String {
        let mut s = String::new();
        match *self {
            Self::Year(y) => {
                let _ = write!(s, "{y:04}");
            }
            Self::Month { year, month } => write_month(&mut s, (year, month)),
            Self::Day(d) => d.write_iso(&mut s),
            Self::DateTime { date, hour, minute } => {
                date.write_iso(&mut s);
                let _ = write!(s, "T{hour:02}:{minute:02}");
            }
            Self::Time { hour, minute } => {
                let _ = write!(s, "T{hour:02}:{minute:02}");
            }
            Self::Interval { start, end } => {
                start.write_iso(&mut s);
                s.push('/');
                end.write_iso(&mut s);
            }
            Self::Years { start, end } => {
                let _ = write!(s, "{start:04}/{end:04}");
            }
            Self::Months { start, end } => {
                write_month(&mut s, start);
                s.push('/');
                write_month(&mut s, end);
            }
        }
        s
    }

    /// Whether the value has a year (or is a time of day, which needs none).
    pub fn is_complete(&self) -> bool {
        match self {
            Self::Year(_) | Self::Time { .. } | Self::Years { .. } => true,
            Self::Months { start, end } => start.0.is_some() && end.0.is_some(),
            Self::Month { year, .. } => year.is_some(),
            Self::Day(d) | Self::DateTime { date: d, .. } => d.year.is_some(),
            Self::Interval { start, end } => start.year.is_some() && end.year.is_some(),
        }
    }
}

/// A Hijri date as written (`15 ربيع الأول 1443 هـ`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HijriDate {
    /// Hijri year.
    pub year: i32,
    /// Hijri month, 1–12, when given.
    pub month: Option<u8>,
    /// Day, when given.
    pub day: Option<u8>,
}

/// One date expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DateMention {
    /// Byte span in the text given to [`find_dates`](crate::find_dates).
    pub span: Span,
    /// The resolved value; `None` for a relative expression (`أمس`) when no
    /// reference date was given. Never resolved against today.
    pub value: Option<Value>,
    /// The calendar the text used.
    pub calendar: Calendar,
    /// The Hijri original, for Hijri dates.
    pub hijri: Option<HijriDate>,
    /// The weekday named in the expression (`الثلاثاء 25 يناير`).
    pub weekday: Option<Weekday>,
    /// The named weekday is not the weekday of the resolved date.
    pub weekday_mismatch: bool,
    /// The value depends on the reference date (`أمس`, `فبراير الماضي`, a day
    /// with no year).
    pub relative: bool,
    /// The UTC offset written right after a time of day, in minutes east
    /// of UTC (`16:28 (GMT+3)`, `بتوقيت غرينتش +3` → 180; `GMT`, `Z` → 0);
    /// `None` without a time or an explicit offset (a place such as `بتوقيت
    /// مكة` is never turned into one).
    pub utc_offset: Option<i16>,
}

impl DateMention {
    /// The precision of the value ([`Precision::Unresolved`] without one).
    pub fn precision(&self) -> Precision {
        self.value
            .as_ref()
            .map_or(Precision::Unresolved, Value::precision)
    }

    /// The value in ISO 8601 form (see [`Value::iso`]), with the UTC offset
    /// of a time of day when the text gives one (`2022-01-25T16:28+03:00`).
    pub fn iso(&self) -> Option<String> {
        let mut s = self.value.as_ref().map(Value::iso)?;
        if let Some(m) = self.utc_offset {
            push_offset(&mut s, m);
        }
        Some(s)
    }

    /// Whether the value is known completely (a relative expression with no
    /// reference, or a day with no year, is not).
    pub fn is_resolved(&self) -> bool {
        self.value.as_ref().is_some_and(Value::is_complete)
    }
}
