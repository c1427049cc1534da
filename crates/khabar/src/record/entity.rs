//! The entity record ([`ENTITY`]): what `khabar.tag` gives per entity, and
//! an item of a document's `entities`.

use khabar_tag::{Entity, Label};

use super::{Field, Kind, Table, ROLE};

/// The entity labels, in [`Label::ALL`] order (`khabar.LABELS` in Python,
/// the categories of the pandas `label` column).
pub const LABELS: &[&str] = names_of!(Label);

/// A named entity: `start`/`end` are code points of the text it was found
/// in; `source` is the tagger layer that made it ([`khabar_tag::Source`]);
/// `role` the office a PERSON mention's sentence states ([`ROLE`]).
#[rustfmt::skip]
pub static ENTITY: Table<Entity> = Table {
    name: "entity",
    fields: &[
        Field::new("text", Kind::Str, |e, _, v| v.str(&e.text)),
        Field::new("label", Kind::Label(LABELS), |e, _, v| v.str(e.label.name())),
        Field::new("start", Kind::Int, |e, co, v| v.index(co.to_char(e.span.start))),
        Field::new("end", Kind::Int, |e, co, v| v.index(co.to_char(e.span.end))),
        Field::new("canonical", Kind::Str, |e, _, v| v.str(&e.canonical)),
        Field::new("title", Kind::OptStr, |e, _, v| v.opt_str(e.title.as_deref())),
        Field::new("value", Kind::OptStr, |e, _, v| v.opt_str(e.value.as_deref())),
        Field::new("score", Kind::Float, |e, _, v| v.float(f64::from(e.score))),
        Field::new("kb_id", Kind::OptStr, |e, _, v| v.opt_str(e.kb_id.as_deref())),
        Field::new("source", Kind::Str, |e, _, v| v.str(e.source.as_str())),
        Field::new("role", Kind::Record(&ROLE), |e, co, v| v.record_opt(&ROLE, e.role.as_ref(), co)),
    ],
};
