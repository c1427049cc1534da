//! Raw scraped Arabic news articles to fields.
//!
//! Analysts get articles as scraped plain text: a headline, a dateline, a
//! URL, the body, and whatever the page had around it (share bars, comment
//! forms, "اقرأ المزيد" blocks, a Persian sidebar). This crate turns such text
//! into fields and keeps every line it does not use, with the reason.
//!
//! The primary types:
//! - [`parse`] → [`Article`]: title, subtitle, byline, publication and update
//!   dates ([`Published`], with the UTC offset the text states, if any), the
//!   dateline place (`الرياض` in `الرياض - قال …`), URL, language, typed
//!   [`Paragraph`]s (lead, paragraph, heading), related titles, [`Dropped`]
//!   lines with a [`DropReason`], and [`Flag`]s (reworded paragraphs, weekday
//!   contradictions, no or unresolved dates). [`Hints`] carry what the caller
//!   already knows.
//! - [`parse_with_dates`]: the same, and the date expressions of the body.
//!
//! Dates are found and resolved by the crate khabar-dates, re-exported as
//! [`dates`] ([`dates::find_dates`], [`Date`], [`Weekday`]).
//!
//! Every non-empty line of the input is in exactly one of title, subtitle,
//! paragraphs, related or dropped ([`Article::line_roles`]); spans are byte
//! spans of the input, on character boundaries. No input makes [`parse`]
//! panic.
//!
//! # How the code is laid out
//!
//! | file | what |
//! |---|---|
//! | `parse.rs` | [`parse`]: the passes over the lines |
//! | `line.rs` | a line and its features (words, letters by script, sentence end) |
//! | `classify.rs` | the role of each line: the classifier and the order of its rules |
//! | `phrases.rs` | the phrase lexicons (labels, share bars, comment forms, credits…) |
//! | `dateline.rs` | dates of header lines and the dateline place |
//! | `body_dates.rs` | the date pass over the body (flags, dates, word hashes) |
//! | `repeats.rs` | exact repeats and reworded paragraphs |
//! | `language.rs` | the language of a text and of a block of lines |
//! | `types.rs`, `hints.rs` | the public types |
//!
//! # Example: an article
//!
//! ```
//! use khabar_article::{parse, DropReason, Hints, Metadata, ParagraphKind};
//!
//! let raw = "\
//! لقاء بين السفير الأذربيجاني مع وزير الدفاع الإيراني
//!
//! الثلاثاء 25 يناير 2022 - 16:28
//! https://example.com/?p=1
//!
//! استقبل وزير الدفاع يوم السبت سفير أذربيجان لدى طهران.
//!
//! شارك:
//! اترك تعليقاً
//! ";
//! let a = parse(raw, &Hints::default());
//! assert_eq!(a.title.unwrap().text, "لقاء بين السفير الأذربيجاني مع وزير الدفاع الإيراني");
//! assert_eq!(a.published.unwrap().iso(), "2022-01-25T16:28");
//! assert_eq!(a.url.as_deref(), Some("https://example.com/?p=1"));
//! assert_eq!(a.paragraphs[0].kind, ParagraphKind::Lead);
//! let reasons: Vec<_> = a.dropped.iter().map(|d| d.reason).collect();
//! assert_eq!(reasons, [
//!     DropReason::MovedToMetadata(Metadata::Dateline),
//!     DropReason::MovedToMetadata(Metadata::Url),
//!     DropReason::Share,
//!     DropReason::CommentForm,
//! ]);
//! assert!(a.flags.is_empty());
//! ```
//!
//! # Crate features
//!
//! - `serde`: derives `Serialize` for [`Article`] and the types it contains
//!   (and, through khabar-dates, the date types).
#![deny(missing_docs)]

mod body_dates;
mod classify;
mod dateline;
mod error;
mod hints;
mod language;
mod line;
mod parse;
mod phrases;
mod repeats;
mod types;

/// The date crate, re-exported: the article's API speaks its types
/// ([`Hints::published`] is a [`dates::Value`], [`Published::date`] a
/// [`Date`], [`parse_with_dates`] returns [`dates::DateMention`]s), so a user
/// of this crate alone can name them, and `khabar_article::dates::find_dates`
/// (and the facade's `khabar::article::dates`) keeps working.
pub use khabar_dates as dates;

pub use error::{Error, ErrorKind};
pub use hints::Hints;
pub use khabar_dates::{days_in_month, hijri_to_gregorian, Date, Weekday};
pub use parse::{parse, parse_with_dates};
pub use types::{
    Article, DropReason, Dropped, Field, Flag, LineRole, Metadata, Paragraph, ParagraphKind,
    Published,
};
