//! Raw scraped Arabic news articles to fields, and Arabic date expressions.
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
//!   [`Paragraph`]s (lead,
//!   paragraph, heading), related titles, [`Dropped`] lines with a
//!   [`DropReason`], and [`Flag`]s (near-duplicate paragraphs, weekday
//!   contradictions, no or unresolved dates). [`Hints`] carry what the caller
//!   already knows.
//! - [`dates::find_dates`] → [`dates::DateMention`]: every date expression of
//!   a text with its byte span, value ([`dates::Value`]) and precision,
//!   resolved against an optional reference date. Month names of every
//!   region, dual forms (`كانون الثاني \ يناير`), weekdays, numeric and ISO
//!   dates, times, relative forms (`أمس`, `فبراير الماضي`, `منذ 3 أيام`,
//!   `خلال يومين`, `نهاية العام`) and
//!   Hijri dates (converted with Umm al-Qura, see [`hijri_to_gregorian`]).
//! - [`Date`], [`Weekday`]: a small proleptic Gregorian date type.
//!
//! Every non-empty line of the input is in exactly one of title, subtitle,
//! paragraphs, related or dropped ([`Article::line_roles`]); spans are byte
//! spans of the input, on character boundaries. Neither function panics on
//! any input.
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
//! # Example: dates, with and without a reference
//!
//! ```
//! use khabar_article::dates::{find_dates, Precision};
//! use khabar_article::Date;
//!
//! let text = "أعلنت الشهر الماضي، وفي 21 فبراير/شباط الماضي، لمدة 30 عاماً";
//! let with_ref = find_dates(text, Date::new(2022, 3, 10));
//! let values: Vec<_> = with_ref.iter().map(|m| m.iso().unwrap()).collect();
//! assert_eq!(values, ["2022-02", "2022-02-21"]); // the duration is not a date
//!
//! let without = find_dates(text, None);
//! assert_eq!(without[0].precision(), Precision::Unresolved); // never "today"
//! assert_eq!(without[1].iso().as_deref(), Some("--02-21"));
//! assert_eq!(&text[without[1].span], "21 فبراير/شباط الماضي");
//! ```
//!
//! # Crate features
//!
//! - `serde`: derives `Serialize` for [`Article`], [`dates::DateMention`] and
//!   the types they contain.
#![deny(missing_docs)]

mod article;
mod error;

/// The date crate, re-exported: the article's API speaks its types
/// ([`Hints::published`] is a [`dates::Value`], [`Published::date`] a
/// [`Date`], [`parse_with_dates`] returns [`dates::DateMention`]s), so a user
/// of this crate alone can name them, and `khabar_article::dates::find_dates`
/// keeps working.
pub use khabar_dates as dates;

pub use article::{
    parse, parse_with_dates, Article, DropReason, Dropped, Field, Flag, Hints, LineRole, Metadata,
    Paragraph, ParagraphKind, Published,
};
pub use error::{Error, ErrorKind};
pub use khabar_dates::{days_in_month, hijri_to_gregorian, Date, Weekday};
