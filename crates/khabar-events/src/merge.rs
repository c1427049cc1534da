//! One event per occurrence: mentions of the same event, told in several
//! sentences, merged.

use khabar_normalize::Span;
use khabar_tag::Label;

use crate::doc::Doc;
use crate::participants::Cand;
use crate::rules::Rule;
use crate::types::{Event, EventKind, Participant};

/// One trigger's reading: an event mention before merging.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub kind: EventKind,
    pub span: Span,
    pub participants: Vec<(usize, &'static str)>,
    pub date: Option<String>,
    pub place: Option<usize>,
    pub planned: bool,
    /// The trigger refers back (`الزيارة`, `هذه المحادثات`).
    pub anaphoric: bool,
}

/// The participant roles of a mention from its sides.
pub(crate) fn roles_of(kind: EventKind, cands: &[Cand]) -> Vec<(usize, &'static str)> {
    let (a, b) = kind.roles();
    cands
        .iter()
        .map(|&(k, side, _)| {
            let role = match (kind, side) {
                (_, 0) => a,
                (EventKind::ArmsDeal, 2) => "item",
                (EventKind::Summons, 3) => "counterpart",
                _ => b,
            };
            (k, role)
        })
        .collect()
}

/// The key two mentions share when they name the same participant: the
/// canonical key (a country's name for its nationality, capital or
/// bodies).
fn key<'a>(doc: &Doc<'a>, k: usize) -> (&'a str, bool) {
    let e = &doc.ents[k];
    match e.label {
        Label::Person | Label::Org => (e.canonical.as_str(), true),
        _ => (
            doc.country_of(k, true).unwrap_or(e.canonical.as_str()),
            false,
        ),
    }
}

/// Whether mention `m` tells the same event as `e`.
fn same(doc: &Doc<'_>, e: &Event, m: &Mention) -> bool {
    if e.kind != m.kind {
        return false;
    }
    if let (Some(a), Some(b)) = (&e.date, &m.date) {
        if a != b {
            return false;
        }
    }
    let mut named = 0;
    let mut countries = 0;
    for p in &e.participants {
        let (ka, na) = key(doc, p.entity);
        if m.participants.iter().any(|&(k, _)| key(doc, k).0 == ka) {
            if na {
                named += 1;
            } else {
                countries += 1;
            }
        }
    }
    // Named participants the mention adds to the event.
    let new_named = m
        .participants
        .iter()
        .filter(|&&(k, _)| {
            let (km, nm) = key(doc, k);
            nm && !e.participants.iter().any(|p| key(doc, p.entity).0 == km)
        })
        .count();
    if m.anaphoric {
        return named + countries >= 1;
    }
    let countries_only = e.participants.iter().all(|p| !key(doc, p.entity).1);
    let dated_alike = e.date.is_some() && e.date == m.date;
    if doc.on(Rule::MergeSameDateCountry) && dated_alike && countries_only && countries >= 1 {
        return true;
    }
    (named >= 1 && new_named == 0) || (named == 0 && new_named == 0 && countries >= 2)
}

/// Merge mentions into events, in text order.
pub(crate) fn merge(doc: &Doc<'_>, mentions: Vec<Mention>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    for m in mentions {
        let target = if m.participants.is_empty() {
            doc.on(Rule::MergeAnaphora)
                .then(|| events.iter().rposition(|e| e.kind == m.kind))
                .flatten()
        } else if doc.on(Rule::MergeSameParticipants) {
            events.iter().rposition(|e| same(doc, e, &m))
        } else {
            None
        };
        match target {
            Some(t) => absorb(doc, &mut events[t], m),
            None => events.push(new_event(doc, m)),
        }
    }
    if doc.on(Rule::NeedParticipant) {
        events.retain(|e| !e.participants.is_empty());
    }
    for e in &mut events {
        e.mentions.sort_by_key(|s| s.start);
        e.score = (0.45
            + 0.1 * e.mentions.len().min(3) as f32
            + 0.05 * e.participants.len().min(4) as f32)
            .min(0.95);
    }
    events
}

/// Rule `merge_keeps_sides`: whether the country participant `k` with
/// `role`, from a merged mention, would put its country on a second side.
fn other_side(doc: &Doc<'_>, e: &Event, k: usize, role: &str) -> bool {
    let (country, false) = key(doc, k) else {
        return false;
    };
    e.participants
        .iter()
        .any(|p| p.role != role && doc.country_of(p.entity, true) == Some(country))
}

fn new_event(doc: &Doc<'_>, m: Mention) -> Event {
    let mut e = Event {
        kind: m.kind,
        text: doc.text[m.span.start..m.span.end].to_owned(),
        span: m.span,
        mentions: Vec::new(),
        participants: Vec::new(),
        date: None,
        place: None,
        planned: true,
        score: 0.0,
    };
    absorb(doc, &mut e, m);
    e
}

fn absorb(doc: &Doc<'_>, e: &mut Event, m: Mention) {
    let merged = !e.mentions.is_empty();
    if !e.mentions.contains(&m.span) {
        e.mentions.push(m.span);
    }
    for (k, role) in m.participants {
        let kk = key(doc, k).0;
        if merged && doc.on(Rule::MergeKeepsSides) && other_side(doc, e, k, role) {
            continue;
        }
        if !e.participants.iter().any(|p| key(doc, p.entity).0 == kk) {
            e.participants.push(Participant { entity: k, role });
        }
    }
    if e.date.is_none() {
        e.date = m.date;
    }
    if e.place.is_none() {
        e.place = m.place;
    }
    e.planned &= m.planned;
}
