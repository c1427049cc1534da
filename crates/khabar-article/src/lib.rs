//! Raw scraped Arabic articles to fields, and Arabic date expressions.
#![deny(missing_docs)]

mod calendar;
pub mod dates;
mod error;

pub use calendar::{days_in_month, hijri_to_gregorian, Date, Weekday};
pub use error::{Error, ErrorKind};
mod article;
pub use article::{
    parse, Article, DropReason, Dropped, Field, Flag, Hints, LineRole, Metadata, Paragraph,
    ParagraphKind, Published,
};
