//! Dates (DATE): the date layer's mentions among the other entities.

use khabar_dates::DateMention;
use khabar_normalize::Span;

use crate::candidate::Mention;
use crate::entity::{Entity, Label, Source};

/// Add the date mentions `dates` (spans into `text`) to the document's
/// entities as DATE entities with their ISO value. Where a date overlaps
/// other entities, `dates_over_names` decides: the date wins (on) or gives
/// way (off).
pub(crate) fn add_dates(
    text: &str,
    dates: Vec<DateMention>,
    ents: &mut Vec<Mention>,
    dates_over_names: bool,
) {
    if dates.is_empty() {
        return;
    }
    let mut dates: Vec<_> = dates
        .into_iter()
        .filter(|d| d.span.is_valid_in(text) && !d.span.is_empty())
        .collect();
    if dates_over_names {
        self::dates_over_names(&dates, ents);
    } else {
        dates.retain(|d| ents.iter().all(|m| !overlaps(m.entity.span, d.span)));
    }
    // The dates module returns disjoint spans. If two dates ever overlap,
    // a later date drops an earlier one it overlaps.
    let kept = if disjoint(&dates) {
        dates
    } else {
        let mut kept: Vec<DateMention> = Vec::with_capacity(dates.len());
        for d in dates {
            kept.retain(|k| !overlaps(k.span, d.span));
            kept.push(d);
        }
        kept
    };
    for d in kept {
        let surface = text[d.span].to_owned();
        ents.push(Mention {
            entity: Entity {
                span: d.span,
                canonical: d.iso().unwrap_or_else(|| surface.clone()),
                text: surface,
                label: Label::Date,
                kb_id: None,
                title: None,
                score: 1.0,
                value: d.iso(),
                source: Source::Dates,
                role: None,
            },
            norm: Vec::new(),
        });
    }
    ents.sort_by_key(|m| m.entity.span.start);
}

/// Whether no two of `dates` overlap.
fn disjoint(dates: &[DateMention]) -> bool {
    let mut sorted: Vec<Span> = dates.iter().map(|d| d.span).collect();
    sorted.sort_by_key(|s| s.start);
    sorted.windows(2).all(|w| w[0].end <= w[1].start)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// `dates_over_names`: a date wins over the entities it overlaps (`كانون`,
/// which the model may tag inside `22 كانون الثاني`): they are dropped.
fn dates_over_names(dates: &[DateMention], ents: &mut Vec<Mention>) {
    let mut sorted: Vec<Span> = dates.iter().map(|d| d.span).collect();
    sorted.sort_by_key(|s| s.start);
    if sorted.windows(2).all(|w| w[0].end <= w[1].start) {
        // Disjoint and sorted by start, so also sorted by end: one pass.
        ents.retain(|m| {
            let i = sorted.partition_point(|d| d.end <= m.entity.span.start);
            sorted.get(i).is_none_or(|d| !overlaps(m.entity.span, *d))
        });
    } else {
        ents.retain(|m| sorted.iter().all(|d| !overlaps(m.entity.span, *d)));
    }
}
