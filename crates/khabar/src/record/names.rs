//! The closed sets of names the records use, for the bindings to check a
//! name they read back (unpickling) and get the static one; and the small
//! text formats the records share.

use khabar_article::dates::{Calendar, HijriDate, Precision, Weekday};

/// Article languages (`Article.language`).
pub const LANGUAGES: &[&str] = &["ar", "fa", "en", "und"];
/// Date precisions (`Precision::name`).
pub const PRECISIONS: &[&str] = names_of!(Precision);
/// Calendars (`Calendar::name`).
pub const CALENDARS: &[&str] = names_of!(Calendar);
/// Weekdays (`Weekday::name`).
pub const WEEKDAYS: &[&str] = names_of!(Weekday);
/// Paragraph kinds (`ParagraphKind::name`).
pub const PARAGRAPH_KINDS: &[&str] = &["lead", "paragraph", "heading"];
/// Metadata fields a dropped line moved to (`Metadata::name`).
pub const METADATA: &[&str] = &["dateline", "updated", "url", "byline", "source"];
/// Why a line was dropped (`DropReason::name`).
pub const DROP_REASONS: &[&str] = &[
    "noise",
    "empty_label",
    "share",
    "comment_form",
    "read_more_label",
    "related_link",
    "more_news_block",
    "foreign_language",
    "exact_duplicate",
    "moved_to_metadata",
    "caption",
    "tags",
    "newsletter",
    "boilerplate",
];
/// Article flags (`Flag::name`).
pub const FLAG_KINDS: &[&str] = &[
    "near_duplicate",
    "weekday_mismatch",
    "no_publication_date",
    "empty_date_label",
    "unresolved_relative_date",
];

/// The static name in `names` equal to `s`.
pub fn known(s: &str, names: &[&'static str]) -> Option<&'static str> {
    names.iter().copied().find(|n| *n == s)
}

/// The UTC offset (minutes east) at the end of an ISO datetime
/// (`2022-01-25T16:28+03:00` → 180), or None when it has none.
pub fn iso_offset(iso: &str) -> Option<i16> {
    let time = &iso[iso.find('T')? + 1..];
    let at = time.find(['+', '-'])?;
    let (sign, hm) = time[at..].split_at(1);
    let (h, m) = hm.split_once(':')?;
    let minutes = h.parse::<i16>().ok()? * 60 + m.parse::<i16>().ok()?;
    Some(if sign == "-" { -minutes } else { minutes })
}

/// A Hijri date as ISO-like text: `1443-09-15`, `1443-09` or `1443`.
pub fn hijri_iso(h: HijriDate) -> String {
    match (h.month, h.day) {
        (Some(mo), Some(d)) => format!("{:04}-{mo:02}-{d:02}", h.year),
        (Some(mo), None) => format!("{:04}-{mo:02}", h.year),
        _ => format!("{:04}", h.year),
    }
}

/// Every value's name, to check the tables above against the types.
#[cfg(test)]
pub(crate) fn spelled() -> Vec<(&'static [&'static str], Vec<&'static str>)> {
    use khabar_article::dates::{Calendar, Precision};
    use khabar_article::{DropReason, Flag, Metadata, ParagraphKind, Weekday};
    use Precision as P;
    use Weekday as W;
    let reasons = [
        DropReason::Noise,
        DropReason::EmptyLabel,
        DropReason::Share,
        DropReason::CommentForm,
        DropReason::ReadMoreLabel,
        DropReason::RelatedLink,
        DropReason::MoreNewsBlock,
        DropReason::ForeignLanguage,
        DropReason::ExactDuplicate { of_line: 1 },
        DropReason::MovedToMetadata(Metadata::Url),
        DropReason::Caption,
        DropReason::Tags,
        DropReason::Newsletter,
        DropReason::Boilerplate,
    ];
    let flags = [
        Flag::NearDuplicate {
            line: 1,
            of_line: 1,
        },
        Flag::WeekdayMismatch {
            line: 1,
            text: String::new(),
        },
        Flag::NoPublicationDate,
        Flag::EmptyDateLabel { line: 1 },
        Flag::UnresolvedRelativeDate {
            line: 1,
            text: String::new(),
        },
    ];
    vec![
        (
            CALENDARS,
            [Calendar::Gregorian, Calendar::Hijri]
                .map(Calendar::name)
                .to_vec(),
        ),
        (
            PARAGRAPH_KINDS,
            [
                ParagraphKind::Lead,
                ParagraphKind::Paragraph,
                ParagraphKind::Heading,
            ]
            .map(ParagraphKind::name)
            .to_vec(),
        ),
        (
            METADATA,
            [
                Metadata::Dateline,
                Metadata::Updated,
                Metadata::Url,
                Metadata::Byline,
                Metadata::Source,
            ]
            .map(Metadata::name)
            .to_vec(),
        ),
        (DROP_REASONS, reasons.iter().map(DropReason::name).collect()),
        (FLAG_KINDS, flags.iter().map(Flag::name).collect()),
        (
            WEEKDAYS,
            [
                W::Sunday,
                W::Monday,
                W::Tuesday,
                W::Wednesday,
                W::Thursday,
                W::Friday,
                W::Saturday,
            ]
            .map(W::name)
            .to_vec(),
        ),
        (
            PRECISIONS,
            [
                P::Year,
                P::Month,
                P::Day,
                P::DateTime,
                P::Time,
                P::Interval,
                P::Unresolved,
            ]
            .map(P::name)
            .to_vec(),
        ),
    ]
}
