//! Datelines: the publication and update dates of header lines (`الثلاثاء
//! 25 يناير 2022 - 16:28`, `آخر تحديث: …`) with their UTC offset, and the
//! dateline place that opens the story (`الرياض - قال …`, `طهران (رويترز) -
//! …`, `هسبريس من الرباط`).

use khabar_dates::{find_dates, Calendar, DateMention, Precision, Value};
use khabar_normalize::chars::{fold_line, is_letter_or_mark, is_word_char};
use khabar_normalize::Span;

use crate::line::{floor_char_boundary, Line};
use crate::phrases::{AGENCIES, CREDITS, NOT_PLACE};
use crate::types::{Article, DropReason, Field, Metadata, ParagraphKind, Published};

/// The date of a dateline: the first Gregorian day or datetime, else the
/// first Hijri one (converted), else the first mention.
pub(crate) fn best_dateline(found: &[DateMention]) -> Option<&DateMention> {
    let good = |m: &&DateMention| matches!(m.precision(), Precision::Day | Precision::DateTime);
    found
        .iter()
        .filter(good)
        .find(|m| m.calendar == Calendar::Gregorian)
        .or_else(|| found.iter().find(good))
        .or_else(|| {
            found
                .iter()
                .find(|m| m.value.is_some() && m.precision() != Precision::Time)
        })
}

/// A dateline with its time written apart (`25 يناير 2022 | 16:28`,
/// `نُشر: 10:25-22 رمضان 1444 هـ / 13 أبريل 2023 م`): a datelines carries one
/// time, so it is joined to the day wherever it stands in the line.
pub(crate) fn resolve_dateline(found: &[DateMention], m: &DateMention) -> DateMention {
    let mut m = m.clone();
    if let Some(Value::Day(d)) = m.value {
        let mut times = found.iter().filter_map(|t| match t.value {
            Some(Value::Time { hour, minute }) => Some((hour, minute)),
            _ => None,
        });
        if let (Some((hour, minute)), None) = (times.next(), times.next()) {
            m.value = Some(Value::DateTime {
                date: d,
                hour,
                minute,
            });
        }
    }
    m
}

/// Whether the date mentions cover the line, apart from separators, `م`,
/// `هـ`, `الموافق` and a short city name (`القاهرة - `).
pub(crate) fn is_date_only(text: &str, found: &[DateMention]) -> bool {
    let mut rest = 0usize;
    let mut prev = 0usize;
    for m in found {
        rest += letters(text.get(prev..m.span.start).unwrap_or(""));
        prev = m.span.end;
    }
    rest += letters(text.get(prev..).unwrap_or(""));
    rest <= 10
}

fn letters(s: &str) -> usize {
    let f = fold_line(s);
    f.split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "م" | "ه"
                    | "هـ"
                    | "الموافق"
                    | "يوم"
                    | "الساعه"
                    | "بتوقيت"
                    | "gmt"
                    | "utc"
            )
        })
        .map(|w| w.chars().filter(|&c| is_word_char(c)).count())
        .sum()
}

/// The publication (or update) date of a dateline: `m` of the mentions
/// `found` in `line`, with the UTC offset written after its time.
pub(crate) fn published_at(
    line: &Line<'_>,
    found: &[DateMention],
    m: &DateMention,
    value: Value,
) -> Published {
    let utc_offset = match value {
        Value::DateTime { .. } => dateline_offset(found),
        _ => None,
    };
    Published {
        value,
        line: Some(line.no),
        span: Some(Span::new(
            line.span.start + m.span.start,
            line.span.start + m.span.end,
        )),
        utc_offset,
    }
}

/// The UTC offset of a dateline: that of its first mention with a time of
/// day and an offset.
fn dateline_offset(found: &[DateMention]) -> Option<i16> {
    found
        .iter()
        .filter(|m| matches!(m.value, Some(Value::DateTime { .. } | Value::Time { .. })))
        .find_map(|m| m.utc_offset)
}

pub(crate) fn shift(mut m: DateMention, by: usize) -> DateMention {
    m.span = Span::new(m.span.start + by, m.span.end + by);
    m
}

/// Where a dateline place may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PlaceLine {
    /// The lead: `place - sentence`, `place (credit) - sentence`.
    Lead,
    /// A byline above the lead: `place - credit` (`القاهرة - العربية.نت`).
    Byline,
    /// A date line above the lead: `place - date`.
    DateLine,
}

/// The dateline place of the article: from the first byline or date line
/// above the lead that has one, else from the lead.
pub(crate) fn find_dateline_place(a: &Article, raw: &str) -> Option<Field> {
    let lead = a
        .paragraphs
        .iter()
        .find(|p| p.kind != ParagraphKind::Heading);
    let limit = lead.map_or(usize::MAX, |p| p.line);
    let header = a.dropped.iter().filter(|d| d.line < limit).filter_map(|d| {
        let kind = match d.reason {
            DropReason::MovedToMetadata(Metadata::Byline) => PlaceLine::Byline,
            DropReason::MovedToMetadata(Metadata::Dateline) => PlaceLine::DateLine,
            _ => return None,
        };
        Some((d.line, d.span, kind))
    });
    let lead = lead.map(|p| (p.line, p.span, PlaceLine::Lead));
    header.chain(lead).find_map(|(line, span, kind)| {
        let text = raw.get(span.range())?;
        let (start, end) = place_in(text, kind)?;
        Some(Field {
            text: text[start..end].to_owned(),
            line,
            span: Span::new(span.start + start, span.start + end),
        })
    })
}

/// Dashes that end a dateline: `-`, `–`, `—`, and a lone tatweel (`القاهرة ـ`).
const DASHES: &[char] = &['-', '–', '—', 'ـ'];

/// The byte range of the place at the start of `text`, when the line opens
/// with a dateline: one to three words of letters, then a dash (or a credit
/// in brackets and a dash), then the rest: a sentence of three words or more
/// in the lead, a credit in a byline (`وكالات`, `العربية.نت`), anything in a
/// date line (the date).
fn place_in(text: &str, kind: PlaceLine) -> Option<(usize, usize)> {
    if kind == PlaceLine::Byline {
        if let Some(r) = place_after_min(text) {
            return Some(r);
        }
    }
    let cut =
        text.find(|c: char| DASHES.contains(&c) || matches!(c, '(' | ':' | ',' | '،' | '.' | '/'))?;
    let head = text[..cut].trim_end();
    // A tatweel only counts as a dash when it stands alone.
    let sep = text[cut..].chars().next()?;
    if sep == 'ـ' && (head.len() == cut || !text[cut + sep.len_utf8()..].starts_with(' ')) {
        return None;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 3
        || head.chars().count() > 30
        || !head
            .chars()
            .all(|c| c.is_whitespace() || is_letter_or_mark(c))
    {
        return None;
    }
    if NOT_PLACE.contains(&fold_line(words[0]).as_str()) || !find_dates(head, None).is_empty() {
        return None;
    }
    let mut rest = &text[cut..];
    if rest.starts_with('(') {
        // `طهران (رويترز) -`: a credit in brackets, then the dash.
        let close = rest.find(')')?;
        let credit = rest[1..close].trim();
        if credit.is_empty() || credit.split_whitespace().count() > 4 || credit.len() > 60 {
            return None;
        }
        rest = rest[close + 1..].trim_start();
    }
    let dash = rest.chars().next()?;
    let after = rest[dash.len_utf8()..].trim_start();
    if dash == '/' {
        // `أنقرة/ الأناضول`: a slash only before a credit.
        let ok = match kind {
            PlaceLine::Byline => is_credit(after),
            PlaceLine::Lead => credit_then_separator(after)
                .is_some_and(|body| body.split_whitespace().count() >= 3),
            PlaceLine::DateLine => false,
        };
        return ok.then_some((0, head.len()));
    }
    if !DASHES.contains(&dash) {
        return None;
    }
    let ok = match kind {
        PlaceLine::DateLine => true,
        PlaceLine::Byline => is_credit(after),
        PlaceLine::Lead => {
            // `موسكو – وكالات: قال …`, `طهران - إرنا - …`: a credit first.
            let body = credit_then_separator(after).unwrap_or(after);
            // A parenthetical dash soon after (`أكد الوزير - في تصريح - أن`)
            // is not a dateline.
            let soon = &body[..floor_char_boundary(body, 60)];
            body.split_whitespace().count() >= 3
                && !(soon.contains(" - ") || soon.contains(" – ") || soon.contains(" — "))
        }
    };
    ok.then_some((0, head.len()))
}

/// The text after a credit and its separator at the start of `s`
/// (`وكالات: …`, `إرنا - …`).
fn credit_then_separator(s: &str) -> Option<&str> {
    let end = s.find(|c: char| matches!(c, ':' | '.' | ',' | '،') || DASHES.contains(&c))?;
    if !is_credit(&s[..end]) {
        return None;
    }
    let sep = s[end..].chars().next()?;
    Some(s[end + sep.len_utf8()..].trim_start())
}

/// `هسبريس من الرباط`: a site, `من` and a place of one or two words, in a
/// byline of at most four words.
fn place_after_min(text: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(3..=4).contains(&words.len())
        || words[1] != "من"
        || !text
            .chars()
            .all(|c| c.is_whitespace() || is_letter_or_mark(c))
    {
        return None;
    }
    let min = text.find(" من ")? + " من ".len();
    let place = text[min..].trim();
    let start = min + (text[min..].len() - text[min..].trim_start().len());
    find_dates(place, None)
        .is_empty()
        .then_some((start, start + place.len()))
}

/// Whether `s` is only a news agency or site credit (`وكالات`, `رويترز`,
/// `العربية.نت`, `«الشرق الأوسط»`).
fn is_credit(s: &str) -> bool {
    let t = s.trim().trim_end_matches([':', '-', '–', '—']).trim();
    if t.is_empty() || t.split_whitespace().count() > 4 {
        return false;
    }
    let f = fold_line(t);
    let f = f.trim_matches(|c: char| !is_word_char(c));
    CREDITS.contains(&f)
        || AGENCIES.contains(&f)
        || (t.contains('.') && !t.contains(' ') && t.chars().any(is_letter_or_mark))
}
