//! The row shape of the shared date tables (`tests/data/dates.toml`,
//! `tests/data/dates_families.toml`): `[surface, iso, precision]`, plus
//! `"hijri"` for a Hijri date.

use khabar_dates::{Calendar, DateMention};

/// The mentions found in `text` as table rows, each span checked.
pub fn rows(text: &str, mentions: &[DateMention]) -> Vec<Vec<String>> {
    mentions
        .iter()
        .map(|m| {
            assert!(
                m.span.is_valid_in(text),
                "help: invalid span {:?} in {:?}",
                m.span,
                text
            );
            let mut row = vec![
                text[m.span.range()].to_owned(),
                m.iso().unwrap_or_default(),
                m.precision().name().to_owned(),
            ];
            if m.calendar == Calendar::Hijri {
                row.push("hijri".to_owned());
            }
            row
        })
        .collect()
}
