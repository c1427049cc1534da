//! The date pass over the body: weekday contradictions and unresolved
//! relative dates, the dates themselves for
//! [`parse_with_dates`](crate::parse_with_dates), and the word hashes of every paragraph, read in the same pass.

use khabar_dates::{find_dates_and_words, DateMention};
use khabar_normalize::Span;

use crate::types::{Article, Flag, Published};

/// Weekday contradictions and unresolved relative dates, in datelines and
/// body paragraphs (resolved against the publication date).
/// Also returns the word hashes of every paragraph, read in the same pass,
/// for [`near_repeats`](crate::repeats::near_repeats).
pub(crate) fn date_flags(
    a: &mut Article,
    dateline_mentions: &[(usize, DateMention)],
    raw: &str,
    mut keep: Option<&mut Vec<DateMention>>,
) -> Vec<Vec<u64>> {
    // The update date anchors relative dates when there is no publication
    // date (`آخر تحديث: 10 مارس 2023` and `اليوم الجمعة` in the body).
    let reference = a
        .published
        .as_ref()
        .or(a.updated.as_ref())
        .and_then(Published::date);
    if a.published.is_none() {
        a.flags.push(Flag::NoPublicationDate);
    }
    for (line, m) in dateline_mentions {
        if m.weekday_mismatch {
            a.flags.push(Flag::WeekdayMismatch {
                line: *line,
                text: raw.get(m.span.range()).unwrap_or("").to_owned(),
            });
        }
    }
    let mut flags = Vec::new();
    let mut words = Vec::with_capacity(a.paragraphs.len());
    for p in &a.paragraphs {
        let mut w = Vec::new();
        // Very long paragraphs are not compared (the window of 64 keeps the
        // cost linear, but a 10 MB line is no one's near-duplicate).
        let keep_words = p.text.len() <= 20_000;
        let found = find_dates_and_words(&p.text, reference, keep_words.then_some(&mut w));
        words.push(w);
        if let Some(out) = keep.as_deref_mut() {
            out.extend(found.iter().map(|m| {
                let mut m = m.clone();
                m.span = Span::new(p.span.start + m.span.start, p.span.start + m.span.end);
                m
            }));
        }
        for m in found {
            let text = || p.text.get(m.span.range()).unwrap_or("").to_owned();
            if m.weekday_mismatch {
                flags.push(Flag::WeekdayMismatch {
                    line: p.line,
                    text: text(),
                });
            }
            if m.relative && !m.is_resolved() {
                flags.push(Flag::UnresolvedRelativeDate {
                    line: p.line,
                    text: text(),
                });
            }
        }
    }
    a.flags.extend(flags);
    words
}
