//! Arabic date and time expressions: find them, resolve them, keep their
//! spans.
//!
//! The primary types:
//! - [`find_dates`] → [`DateMention`]: every date expression of a text with
//!   its byte span, value ([`Value`]) and [`Precision`], resolved against an
//!   optional reference date (the publication date). Month names of every
//!   region, dual forms (`كانون الثاني \ يناير`), weekdays, numeric and ISO
//!   dates, times with their UTC offsets, times in words (`الثامنة والربع
//!   مساءً`), relative forms (`أمس`, `فبراير الماضي`, `منذ 3 أيام`, `خلال
//!   يومين`, `نهاية العام`, `العاشر من الشهر الماضي`), ranges and lists
//!   (`بين عامي 2003 و2011`, `عامي 2019 و2020`), decades and centuries
//!   (`ثمانينيات القرن الماضي`), English dates (`Mar 3, 2021`), bare
//!   weekdays by the tense of their clause, and Hijri dates (converted with
//!   Umm al-Qura, see [`hijri_to_gregorian`]).
//! - [`find_dates_at`] with a [`Reference`] that has a time of day:
//!   `قبل ساعتين` becomes a time (`2021-03-03T10:10`).
//! - [`Date`], [`Weekday`]: a small proleptic Gregorian date type.
//!
//! Spans are byte spans of the input, on character boundaries, in order, and
//! do not overlap. No input makes [`find_dates`] panic, and nothing is ever
//! resolved against today: without a reference a relative expression keeps
//! a partial value (`22 يناير` → `--01-22`) or none (`أمس`).
//!
//! # How it works, and where things are
//!
//! [`find_dates`] scans the text for words and numbers that may start an
//! expression (`scan.rs`, `triggers.rs`: a Bloom filter over the hash of
//! each word's light fold turns most words away). Around each trigger it
//! normalizes a small window with khabar-normalize's search profile (so
//! `أكتوبر`, `اكتوبر`, `أكـتوبر` and `أُكتوبر` are one word, and `٢٠٢٢` is
//! `2022`), tokenizes it (`tokens.rs`), runs the grammar there
//! (`grammar/`, one file per family of productions: absolute dates,
//! English dates, numeric and ISO dates, times and times in words, Hijri
//! dates, relative expressions, hours ago, days of a relative month,
//! intervals, ranges and lists, decades, weekdays), resolves the match against the reference
//! (`resolve.rs`, `calendar.rs`), reads a UTC offset after a time
//! (`offsets.rs`), reads the tense of a bare weekday's clause (`tense.rs`),
//! and maps the match back to the exact bytes of the
//! original text through the normalization alignment (`find.rs`).
//!
//! One lexicon (`lexicon.rs`) holds the month names of every region:
//! Egyptian/Gulf (`يناير`), Levantine/Iraqi (`كانون الثاني`), Maghrebi
//! (`جانفي`, `أوت`), Moroccan (`يوليوز`, `غشت`, `دجنبر`), English, and the
//! Hijri months.
//!
//! # Example: a weekday and a dual month name
//!
//! ```
//! use khabar_dates::{find_dates, Date, Precision};
//!
//! let text = "التقى الوزيران يوم السبت 22 كانون الثاني \\ يناير بتأخير يوم واحد";
//! let found = find_dates(text, Date::new(2022, 1, 25));
//! assert_eq!(found.len(), 1);
//! assert_eq!(&text[found[0].span], "السبت 22 كانون الثاني \\ يناير");
//! assert_eq!(found[0].iso().as_deref(), Some("2022-01-22"));
//! assert_eq!(found[0].precision(), Precision::Day);
//! assert!(!found[0].weekday_mismatch);
//! ```
//!
//! # Example: with and without a reference
//!
//! ```
//! use khabar_dates::{find_dates, Date, Precision};
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
//! # Example: Hijri dates and UTC offsets
//!
//! ```
//! use khabar_dates::{find_dates, Calendar};
//!
//! let text = "الأربعاء 15 ربيع الأول 1443 هـ، الساعة 16:28 (GMT+3)";
//! let found = find_dates(text, None);
//! assert_eq!(found[0].iso().as_deref(), Some("2021-10-21"));
//! assert_eq!(found[0].calendar, Calendar::Hijri);
//! assert_eq!(found[0].hijri.unwrap().month, Some(3));
//! assert_eq!(found[1].iso().as_deref(), Some("T16:28+03:00"));
//! assert_eq!(found[1].utc_offset, Some(180));
//! ```
//!
//! # Crate features
//!
//! - `serde`: derives `Serialize` for [`DateMention`], [`Date`] and the
//!   types they contain.
#![deny(missing_docs)]
// Date arithmetic reads best with the usual one-letter names (y, m, d), and
// every number the grammar reads has at most four digits, so `u32 as i32`
// cannot wrap.
#![allow(clippy::many_single_char_names, clippy::cast_possible_wrap)]

mod calendar;
mod error;
mod find;
mod grammar;
mod hash;
mod lexicon;
mod offsets;
mod reference;
mod resolve;
mod scan;
mod tense;
mod tokens;
mod triggers;
mod types;

pub use calendar::{days_in_month, hijri_to_gregorian, Date, Weekday};
pub use error::{Error, ErrorKind};
pub use find::{find_dates, find_dates_and_words, find_dates_at};
pub use offsets::{numeric_offset, push_offset};
pub use reference::Reference;
pub use types::{Calendar, DateMention, HijriDate, Precision, Value, Ymd};
