//! What the caller already knows: [`Hints`], and the ISO dates they are
//! given in.

use khabar_dates::{Date, Value};

use crate::error::Error;

/// What the caller already knows about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hints {
    /// The publication date or datetime, when known from elsewhere (a feed,
    /// the crawler). Wins over any dateline in the text.
    pub published: Option<Value>,
    /// The article URL, when known. Wins over a URL line in the text.
    pub url: Option<String>,
    /// The UTC offset of `published`, in minutes east of UTC, when the hint
    /// gave one (`2022-01-25T16:28+03:00`); only kept with a time of day.
    pub utc_offset: Option<i16>,
}

impl Hints {
    /// Hints with a publication date parsed from `YYYY-MM-DD` or
    /// `YYYY-MM-DDTHH:MM`, with optional seconds (`:SS`, `:SS.fff`) and an
    /// optional UTC offset after the time (`Z`, `+03:00`, `+0300`, `-05`),
    /// kept in [`Hints::utc_offset`].
    ///
    /// ```
    /// use khabar_article::Hints;
    /// let h = Hints::default().with_published("2022-01-25T16:28").unwrap();
    /// assert_eq!(h.published.unwrap().iso(), "2022-01-25T16:28");
    /// let h = Hints::default().with_published("2022-01-25T16:28:00+03:00").unwrap();
    /// assert_eq!((h.published.unwrap().iso(), h.utc_offset), ("2022-01-25T16:28".into(), Some(180)));
    /// assert!(Hints::default().with_published("25/01/2022").is_err());
    /// assert!(Hints::default().with_published("2022-01-25T16:28 tomorrow").is_err());
    /// ```
    pub fn with_published(mut self, iso: &str) -> Result<Self, Error> {
        let (value, offset) = parse_iso_value(iso)?;
        self.published = Some(value);
        self.utc_offset = offset;
        Ok(self)
    }

    /// Hints with a URL.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
}

fn parse_iso_value(iso: &str) -> Result<(Value, Option<i16>), Error> {
    let s = iso.trim();
    let date: Date = s.parse().map_err(|_| {
        Error::new(crate::error::ErrorKind::InvalidDate {
            value: s.to_owned(),
        })
    })?;
    let ymd = khabar_dates::Ymd {
        year: Some(date.year),
        month: date.month,
        day: date.day,
    };
    let Some(pos) = s.find(['T', ' ']) else {
        return Ok((Value::Day(ymd), None));
    };
    let time = &s[pos + 1..];
    let bad = || {
        Error::new(crate::error::ErrorKind::InvalidDate {
            value: iso.to_owned(),
        })
    };
    let hh = time
        .get(0..2)
        .and_then(|x| x.parse::<u8>().ok())
        .ok_or_else(bad)?;
    let mm = time
        .get(3..5)
        .and_then(|x| x.parse::<u8>().ok())
        .ok_or_else(bad)?;
    if time.get(2..3) != Some(":") || hh > 23 || mm > 59 {
        return Err(bad());
    }
    // Seconds and their fraction are read and dropped; then an offset or
    // nothing.
    let mut rest = time.get(5..).ok_or_else(bad)?;
    if let Some(sec) = rest.strip_prefix(':') {
        let digits = sec.bytes().take_while(u8::is_ascii_digit).count();
        if digits != 2 {
            return Err(bad());
        }
        rest = &sec[2..];
        if let Some(frac) = rest.strip_prefix(['.', ',']) {
            rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    let offset = if rest.is_empty() {
        None
    } else {
        let (minutes, used) =
            khabar_dates::numeric_offset(rest.trim_start(), true).ok_or_else(bad)?;
        if used != rest.trim_start().len() {
            return Err(bad());
        }
        Some(minutes)
    };
    Ok((
        Value::DateTime {
            date: ymd,
            hour: hh,
            minute: mm,
        },
        offset,
    ))
}
