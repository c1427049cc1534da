//! The one error type of this crate.

use std::fmt;

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A date string that is not `YYYY-MM-DD` (optionally followed by a
    /// time after `T` or a space), or a day that does not exist.
    InvalidDate {
        /// The string that was given.
        value: String,
    },
}

/// An error from parsing a [`Date`](crate::Date).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Self { kind }
    }

    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidDate { value } => write!(
                f,
                "invalid date {value:?}; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM with an existing day"
            ),
        }
    }
}

impl std::error::Error for Error {}
