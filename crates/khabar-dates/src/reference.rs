//! The reference moment relative expressions are resolved against: a
//! publication date, optionally with its time of day and UTC offset.

use std::str::FromStr;

use crate::calendar::Date;
use crate::error::{Error, ErrorKind};
use crate::offsets::numeric_offset;

/// A reference moment: a day, and when known the time of day and the UTC
/// offset of a publication timestamp (`2021-03-03T12:10+03:00`). Only hours
/// and minutes ago (`قبل ساعتين`) use the time; every other expression
/// resolves against the day.
///
/// ```
/// use khabar_dates::Reference;
/// let r: Reference = "2021-03-03T12:10+03:00".parse().unwrap();
/// assert_eq!(r.date.to_string(), "2021-03-03");
/// assert_eq!(r.time, Some((12, 10)));
/// assert_eq!(r.utc_offset, Some(180));
/// let d: Reference = "2021-03-03".parse().unwrap();
/// assert_eq!(d.time, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    /// The day.
    pub date: Date,
    /// Hour and minute, when the reference has a time of day.
    pub time: Option<(u8, u8)>,
    /// Minutes east of UTC, when the reference gives an offset (`Z` → 0).
    pub utc_offset: Option<i16>,
}

impl From<Date> for Reference {
    fn from(date: Date) -> Self {
        Self {
            date,
            time: None,
            utc_offset: None,
        }
    }
}

impl FromStr for Reference {
    type Err = Error;

    /// `YYYY-MM-DD`, optionally followed by `THH:MM` (or a space and
    /// `HH:MM`), optional seconds, and an optional UTC offset (`Z`,
    /// `+03:00`, `+0300`).
    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = || {
            Error::new(ErrorKind::InvalidDate {
                value: s.to_owned(),
            })
        };
        let s = s.trim();
        let date: Date = s.get(..10).ok_or_else(bad)?.parse()?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Ok(date.into());
        }
        let t = rest.strip_prefix(['T', ' ']).ok_or_else(bad)?;
        let b = t.as_bytes();
        if b.len() < 5 || b[2] != b':' || !b[..2].iter().chain(&b[3..5]).all(u8::is_ascii_digit) {
            return Err(bad());
        }
        let hour: u8 = t[..2].parse().map_err(|_| bad())?;
        let minute: u8 = t[3..5].parse().map_err(|_| bad())?;
        if hour > 23 || minute > 59 {
            return Err(bad());
        }
        let mut tail = &t[5..];
        if tail.len() >= 3
            && tail.starts_with(':')
            && tail[1..3].bytes().all(|c| c.is_ascii_digit())
        {
            tail = &tail[3..];
            if let Some(frac) = tail.strip_prefix('.') {
                tail = frac.trim_start_matches(|c: char| c.is_ascii_digit());
            }
        }
        let utc_offset = if tail.is_empty() {
            None
        } else {
            match numeric_offset(tail, true) {
                Some((m, used)) if used == tail.len() => Some(m),
                _ => return Err(bad()),
            }
        };
        Ok(Self {
            date,
            time: Some((hour, minute)),
            utc_offset,
        })
    }
}
