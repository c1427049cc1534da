//! Gregorian dates, weekdays and the Umm al-Qura Hijri conversion.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// A proleptic Gregorian calendar date.
///
/// ```
/// use khabar_dates::{Date, Weekday};
/// let d: Date = "2022-01-25".parse().unwrap();
/// assert_eq!(d.weekday(), Weekday::Tuesday);
/// assert_eq!(d.add_days(-3).to_string(), "2022-01-22");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Date {
    /// Year (e.g. 2022).
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

/// Days in `month` of `year` (0 for an invalid month).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Date {
    /// The date `year-month-day`, or `None` when it does not exist
    /// (`2021-02-29`) or the year is outside 1–9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (clamped to years 1–9999).
    pub fn from_days(days: i64) -> Self {
        let days = days.clamp(-719_162, 2_932_896);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// This date moved by `days` (negative goes back).
    #[must_use]
    pub fn add_days(self, days: i64) -> Self {
        Self::from_days(self.to_days() + days)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::from_index((self.to_days() + 4).rem_euclid(7) as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parse `YYYY-MM-DD` (a time after `T` or a space is ignored, so a
    /// `published` hint such as `2022-01-25T16:28` is accepted).
    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = || {
            Error::new(ErrorKind::InvalidDate {
                value: s.to_owned(),
            })
        };
        let head = s.trim().split(['T', ' ']).next().unwrap_or("");
        let mut parts = head.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        Date::new(y, m, d).ok_or_else(bad)
    }
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[allow(missing_docs)]
pub enum Weekday {
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
}

impl Weekday {
    /// 0 = Sunday … 6 = Saturday.
    pub fn index(self) -> u8 {
        self as u8
    }

    fn from_index(i: u8) -> Self {
        match i % 7 {
            0 => Self::Sunday,
            1 => Self::Monday,
            2 => Self::Tuesday,
            3 => Self::Wednesday,
            4 => Self::Thursday,
            5 => Self::Friday,
            _ => Self::Saturday,
        }
    }

    /// Every weekday, Sunday first (as [`Weekday::index`]).
    pub const ALL: [Self; 7] = [
        Self::Sunday,
        Self::Monday,
        Self::Tuesday,
        Self::Wednesday,
        Self::Thursday,
        Self::Friday,
        Self::Saturday,
    ];

    /// English name, lowercase (`"monday"`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sunday => "sunday",
            Self::Monday => "monday",
            Self::Tuesday => "tuesday",
            Self::Wednesday => "wednesday",
            Self::Thursday => "thursday",
            Self::Friday => "friday",
            Self::Saturday => "saturday",
        }
    }
}

/// The Gregorian date of the Umm al-Qura Hijri date `year-month-day`, or
/// `None` when that day does not exist (e.g. day 30 of a 29-day month).
///
/// ```
/// use khabar_dates::{hijri_to_gregorian, Date};
/// // 1 Ramadan 1443 AH (Umm al-Qura) = 2 April 2022.
/// assert_eq!(hijri_to_gregorian(1443, 9, 1), Date::new(2022, 4, 2));
/// ```
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    use icu_calendar::cal::Hijri;
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || !(1..=3000).contains(&year) {
        return None;
    }
    let h =
        icu_calendar::Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura())
            .ok()?;
    // ICU clamps nothing here: a day past the month's end is an error above,
    // but check the round trip anyway so 30 of a 29-day month never shifts.
    if h.day_of_month().0 != day {
        return None;
    }
    let iso = h.to_calendar(icu_calendar::Iso);
    Date::new(
        iso.year().extended_year(),
        iso.month().ordinal,
        iso.day_of_month().0,
    )
}

/// Length of the Umm al-Qura month (29 or 30), or `None` outside the calendar.
pub(crate) fn hijri_month_len(year: i32, month: u8) -> Option<u8> {
    if hijri_to_gregorian(year, month, 30).is_some() {
        Some(30)
    } else if hijri_to_gregorian(year, month, 29).is_some() {
        Some(29)
    } else {
        None
    }
}
