//! The records of roles and events: [`ROLE`] (an entity's `role`),
//! [`EVENT`] (an item of a document's `events`), [`PARTICIPANT`] and
//! [`MENTION`].

use khabar_events::{Event, Participant, Role};
use khabar_normalize::Span;

use super::{Field, Kind, Table};

/// The kinds of events (`khabar.EVENT_KINDS`).
pub use khabar_events::EVENT_KINDS;
/// The offices a role names (`khabar.OFFICES`).
pub use khabar_events::OFFICES;

/// The office a PERSON mention holds, as its sentence states it: the
/// phrase (`text`, `start`/`end` in code points), the `office` (one of
/// [`OFFICES`]) and `of`, the canonical key of the country the phrase names.
#[rustfmt::skip]
pub static ROLE: Table<Role> = Table {
    name: "role",
    fields: &[
        Field::new("text", Kind::Str, |r, _, v| v.str(&r.text)),
        Field::new("start", Kind::Int, |r, co, v| v.index(co.to_char(r.span.start))),
        Field::new("end", Kind::Int, |r, co, v| v.index(co.to_char(r.span.end))),
        Field::new("office", Kind::Label(OFFICES), |r, _, v| v.str(r.office)),
        Field::new("of", Kind::OptStr, |r, _, v| v.opt_str(r.of.as_deref())),
    ],
};

/// One event of a document: its `kind` (one of [`EVENT_KINDS`]), its first
/// trigger (`text`, `start`, `end`) and every trigger (`mentions`), the
/// `participants`, the ISO `date`, the `place` (an index into the
/// document's entities), `planned` and `score`.
#[rustfmt::skip]
pub static EVENT: Table<Event> = Table {
    name: "event",
    fields: &[
        Field::new("kind", Kind::Label(EVENT_KINDS), |e, _, v| v.str(e.kind.name())),
        Field::new("text", Kind::Str, |e, _, v| v.str(&e.text)),
        Field::new("start", Kind::Int, |e, co, v| v.index(co.to_char(e.span.start))),
        Field::new("end", Kind::Int, |e, co, v| v.index(co.to_char(e.span.end))),
        Field::new("mentions", Kind::Records(&MENTION), |e, co, v| v.records(&MENTION, &e.mentions, co)),
        Field::new("participants", Kind::Records(&PARTICIPANT), |e, co, v| v.records(&PARTICIPANT, &e.participants, co)),
        Field::new("date", Kind::OptStr, |e, _, v| v.opt_str(e.date.as_deref())),
        Field::new("place", Kind::OptInt, |e, _, v| v.opt_int(e.place.and_then(|k| i64::try_from(k).ok()))),
        Field::new("planned", Kind::Bool, |e, _, v| v.bool(e.planned)),
        Field::new("score", Kind::Float, |e, _, v| v.float(f64::from(e.score))),
    ],
};

/// Who takes part in an event: `entity`, an index into the document's
/// entities, and `role` (`agent`, `counterpart`, `visitor`, `host`, …).
#[rustfmt::skip]
pub static PARTICIPANT: Table<Participant> = Table {
    name: "participant",
    fields: &[
        Field::new("entity", Kind::Int, |p, _, v| v.index(p.entity)),
        Field::new("role", Kind::Str, |p, _, v| v.str(p.role)),
    ],
};

/// A trigger of an event, as code points.
#[rustfmt::skip]
pub static MENTION: Table<Span> = Table {
    name: "mention",
    fields: &[
        Field::new("start", Kind::Int, |s, co, v| v.index(co.to_char(s.start))),
        Field::new("end", Kind::Int, |s, co, v| v.index(co.to_char(s.end))),
    ],
};
