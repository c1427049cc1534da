//! The document record ([`DOCUMENT`]) and the records it nests: paragraphs,
//! dropped lines and flags. Its entities are [`super::ENTITY`] records.
//!
//! The order of [`DOCUMENT`] is the order of the keys of Python's
//! `Document.to_dict()`, of the JSONL of `khabar analyze` and of the columns
//! of `khabar.arrow.document_schema()`.

use khabar_article::{DropReason, Dropped, Flag, Paragraph, Published};

use super::names::PARAGRAPH_KINDS;
use super::{Field, Kind, Table, ENTITY, EVENT};
use crate::Document;

/// A parsed and tagged article. `error` is null for an analyzed document;
/// a document that could not be analyzed has `error` set and every other
/// field empty ([`Kind::empty`]).
#[rustfmt::skip]
pub static DOCUMENT: Table<Document> = Table {
    name: "document",
    fields: &[
        Field::new("title", Kind::OptStr, |d, _, v| v.opt_str(d.article.title.as_ref().map(|f| f.text.as_str()))),
        Field::new("subtitle", Kind::OptStr, |d, _, v| v.opt_str(d.article.subtitle.as_ref().map(|f| f.text.as_str()))),
        Field::new("byline", Kind::OptStr, |d, _, v| v.opt_str(d.article.byline.as_ref().map(|f| f.text.as_str()))),
        Field::new("published", Kind::Iso, |d, _, v| v.opt_str(d.article.published.as_ref().map(Published::iso).as_deref())),
        Field::new("published_precision", Kind::OptStr, |d, _, v| v.opt_str(d.article.published.as_ref().map(|p| p.precision().name()))),
        Field::new("published_utc_offset", Kind::OptInt, |d, _, v| v.opt_int(d.article.published.as_ref().and_then(|p| p.utc_offset).map(i64::from))),
        Field::new("updated", Kind::Iso, |d, _, v| v.opt_str(d.article.updated.as_ref().map(Published::iso).as_deref())),
        Field::new("updated_utc_offset", Kind::OptInt, |d, _, v| v.opt_int(d.article.updated.as_ref().and_then(|p| p.utc_offset).map(i64::from))),
        Field::new("url", Kind::OptStr, |d, _, v| v.opt_str(d.article.url.as_deref())),
        Field::new("dateline_place", Kind::OptStr, |d, _, v| v.opt_str(d.article.dateline_place.as_ref().map(|f| f.text.as_str()))),
        Field::new("language", Kind::Str, |d, _, v| v.str(d.article.language)),
        Field::new("paragraphs", Kind::Records(&PARAGRAPH), |d, co, v| v.records(&PARAGRAPH, &d.article.paragraphs, co)),
        Field::new("title_span", Kind::Span, |d, co, v| v.span(d.article.title.as_ref().map(|f| f.span), co)),
        Field::new("subtitle_span", Kind::Span, |d, co, v| v.span(d.article.subtitle.as_ref().map(|f| f.span), co)),
        Field::new("dateline_place_span", Kind::Span, |d, co, v| v.span(d.article.dateline_place.as_ref().map(|f| f.span), co)),
        Field::new("headings", Kind::Strs, |d, _, v| v.strs(d.article.headings().map(|p| p.text.as_str()))),
        Field::new("related", Kind::Strs, |d, _, v| v.strs(d.article.related.iter().map(|f| f.text.as_str()))),
        Field::new("dropped", Kind::Records(&DROPPED), |d, co, v| v.records(&DROPPED, &d.article.dropped, co)),
        Field::new("flags", Kind::Records(&FLAG), |d, co, v| v.records(&FLAG, &d.article.flags, co)),
        Field::new("entities", Kind::Records(&ENTITY), |d, co, v| v.list(d.entities.len(), &mut |i, v| v.entity(&d.entities[i], co))),
        Field::new("events", Kind::Records(&EVENT), |d, co, v| v.records(&EVENT, &d.events, co)),
        Field::new("error", Kind::OptStr, |_, _, v| v.null()),
    ],
};

/// A body paragraph (headings included): `start`/`end` are code points of
/// the raw text, `line` is 1-based.
#[rustfmt::skip]
pub static PARAGRAPH: Table<Paragraph> = Table {
    name: "paragraph",
    fields: &[
        Field::new("text", Kind::Str, |p, _, v| v.str(&p.text)),
        Field::new("kind", Kind::Label(PARAGRAPH_KINDS), |p, _, v| v.str(p.kind.name())),
        Field::new("line", Kind::Int, |p, _, v| v.index(p.line)),
        Field::new("start", Kind::Int, |p, co, v| v.index(co.to_char(p.span.start))),
        Field::new("end", Kind::Int, |p, co, v| v.index(co.to_char(p.span.end))),
    ],
};

/// A line of the raw article in no field, and why (`of_line` for an exact
/// duplicate, `metadata` for a line moved to a metadata field).
#[rustfmt::skip]
pub static DROPPED: Table<Dropped> = Table {
    name: "dropped",
    fields: &[
        Field::new("line", Kind::Int, |d, _, v| v.index(d.line)),
        Field::new("text", Kind::Str, |d, _, v| v.str(&d.text)),
        Field::new("reason", Kind::Str, |d, _, v| v.str(d.reason.name())),
        Field::new("of_line", Kind::OptInt, |d, _, v| v.opt_int(dropped_of_line(d))),
        Field::new("metadata", Kind::OptStr, |d, _, v| v.opt_str(dropped_metadata(d))),
    ],
};

/// A warning about the article (`kind` and, where the kind has them, the
/// line, the line it repeats and the text concerned).
#[rustfmt::skip]
pub static FLAG: Table<Flag> = Table {
    name: "flag",
    fields: &[
        Field::new("kind", Kind::Str, |f, _, v| v.str(f.name())),
        Field::new("line", Kind::OptInt, |f, _, v| v.opt_int(flag_parts(f).0)),
        Field::new("of_line", Kind::OptInt, |f, _, v| v.opt_int(flag_parts(f).1)),
        Field::new("text", Kind::OptStr, |f, _, v| v.opt_str(flag_parts(f).2)),
    ],
};

fn dropped_of_line(d: &Dropped) -> Option<i64> {
    match d.reason {
        DropReason::ExactDuplicate { of_line } => i64::try_from(of_line).ok(),
        _ => None,
    }
}

fn dropped_metadata(d: &Dropped) -> Option<&'static str> {
    match d.reason {
        DropReason::MovedToMetadata(m) => Some(m.name()),
        _ => None,
    }
}

/// `(line, of_line, text)` of a flag.
fn flag_parts(f: &Flag) -> (Option<i64>, Option<i64>, Option<&str>) {
    let i = |n: usize| i64::try_from(n).ok();
    match f {
        Flag::NearDuplicate { line, of_line } => (i(*line), i(*of_line), None),
        Flag::WeekdayMismatch { line, text } | Flag::UnresolvedRelativeDate { line, text } => {
            (i(*line), None, Some(text.as_str()))
        }
        Flag::EmptyDateLabel { line } => (i(*line), None, None),
        Flag::NoPublicationDate => (None, None, None),
    }
}
