//! The one error type of this crate.

use std::fmt;

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A profile name that is not `display` or `search`.
    UnknownProfile {
        /// The name that was given.
        name: String,
    },
    /// A rule name that is not one of [`crate::Rules::NAMES`].
    UnknownRule {
        /// The name that was given.
        name: String,
    },
    /// A span that does not lie inside the normalized text or does not fall on
    /// character boundaries.
    InvalidSpan {
        /// Start of the span, in bytes of the normalized text.
        start: usize,
        /// End of the span, in bytes of the normalized text.
        end: usize,
        /// Length of the normalized text in bytes.
        len: usize,
    },
    /// The input is longer than an alignment can index (4 GiB).
    InputTooLarge {
        /// Length of the input in bytes.
        len: usize,
    },
}

/// An error from normalization or from mapping a span back to the original.
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
            ErrorKind::UnknownProfile { name } => write!(
                f,
                "unknown normalization profile {name:?}; valid profiles: {}",
                crate::names::PROFILES.join(", ")
            ),
            ErrorKind::UnknownRule { name } => write!(
                f,
                "unknown normalization rule {name:?}; valid rules: {}",
                crate::names::RULES.join(", ")
            ),
            ErrorKind::InvalidSpan { start, end, len } => write!(
                f,
                "span {start}..{end} is not a valid span of the normalized text \
                 (length {len} bytes; start <= end <= length, on character boundaries)"
            ),
            ErrorKind::InputTooLarge { len } => {
                write!(
                    f,
                    "input of {len} bytes is too large to align (limit 4 GiB)"
                )
            }
        }
    }
}

impl std::error::Error for Error {}
