//! UTC offsets written after a time of day (`16:28 (GMT+3)`, `+03:00`,
//! `بتوقيت غرينتش +3`), and their ISO 8601 form. An offset is never guessed
//! from a place (`بتوقيت مكة`).

use khabar_normalize::chars::{digit_value, fold_line};
use khabar_normalize::Span;

/// The largest UTC offset in use (UTC+14, Kiribati), in minutes.
const MAX_OFFSET: i32 = 14 * 60;

/// A numeric UTC offset at the start of `s`: `Z` (when `z` allows it),
/// `+03:00`, `+0300`, `+03`, `+3`, `-05:30` (ASCII, Arabic-Indic or Persian
/// digits; `−` for minus). (minutes east of UTC, bytes read).
pub fn numeric_offset(s: &str, z: bool) -> Option<(i16, usize)> {
    if z && s.starts_with(['Z', 'z']) && !s[1..].starts_with(|c: char| c.is_alphanumeric()) {
        return Some((0, 1));
    }
    let sign = s.chars().next()?;
    let neg = match sign {
        '+' => false,
        '-' | '−' => true,
        _ => return None,
    };
    let mut pos = sign.len_utf8();
    let digits = |from: usize| -> Vec<(u32, usize)> {
        s[from..]
            .char_indices()
            .map_while(|(k, c)| digit_value(c).map(|d| (d, from + k + c.len_utf8())))
            .collect()
    };
    let head = digits(pos);
    let (hours, minutes) = match head.len() {
        1 | 2 => {
            let h = head.iter().fold(0, |acc, (d, _)| acc * 10 + d);
            pos = head.last()?.1;
            let mut m = 0;
            if let Some(after) = s[pos..].strip_prefix(':') {
                let tail = digits(pos + 1);
                if tail.len() != 2 || after.is_empty() {
                    return None;
                }
                m = tail[0].0 * 10 + tail[1].0;
                pos = tail[1].1;
            }
            (h, m)
        }
        4 => {
            pos = head[3].1;
            (head[0].0 * 10 + head[1].0, head[2].0 * 10 + head[3].0)
        }
        _ => return None,
    };
    if s[pos..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let total = i32::try_from(hours * 60 + minutes).ok()?;
    if minutes > 59 || total > MAX_OFFSET {
        return None;
    }
    let total = i16::try_from(if neg { -total } else { total }).ok()?;
    Some((total, pos))
}

/// An explicit UTC offset right after a time of day: `+03:00`
/// (`2022-01-25T16:28:00+03:00`), `+0300`, `Z`, `GMT+3`, `(UTC+03:00)`,
/// `GMT`, `بتوقيت غرينتش +3`, `بتوقيت غرينتش`, `ت.غ`. (minutes east of UTC,
/// bytes read). A zone named by a place (`بتوقيت مكة المكرمة`, `بتوقيت
/// القدس`) gives none: offsets are never guessed.
fn offset_after_time(s: &str) -> Option<i16> {
    let s =
        s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '\u{200f}'));
    if let Some((m, _)) = numeric_offset(s, false) {
        // A bare sign and one or two digits is too loose (`16:28 +3` could be
        // anything): only `+HH:MM` and `+HHMM` stand alone.
        let t = s.trim_start_matches(['+', '-', '−']);
        let digits = t.chars().take_while(|&c| digit_value(c).is_some()).count();
        if digits == 4 || t.chars().nth(digits) == Some(':') {
            return Some(m);
        }
        return None;
    }
    let zone = |rest: &str| -> Option<i16> {
        let rest = rest.trim_start_matches([' ', '\u{a0}']);
        if rest.starts_with(['+', '-', '−']) {
            return numeric_offset(rest, false).map(|(m, _)| m);
        }
        // The zone alone is UTC itself (`16:40 GMT 19.07.2023`: a date
        // follows); a number without a sign (`GMT 3`) is not read.
        let digits = rest
            .chars()
            .take_while(|&c| digit_value(c).is_some())
            .count();
        let date_follows = rest
            .chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '.' | '/' | '-'));
        (digits == 0 || date_follows).then_some(0)
    };
    for name in ["GMT", "UTC", "gmt", "utc", "Gmt", "Utc"] {
        if let Some(rest) = s.strip_prefix(name) {
            if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                return zone(rest);
            }
        }
    }
    if let Some(rest) = s.strip_prefix("ت.غ") {
        return (!rest.starts_with(|c: char| c.is_alphanumeric())).then_some(0);
    }
    // `بتوقيت غرينتش` / `توقيت جرينتش` / `بتوقيت GMT`.
    let first = s.split_whitespace().next()?;
    let label = fold_line(first);
    if !matches!(label.as_str(), "بتوقيت" | "توقيت") {
        return None;
    }
    let rest = s[first.len()..].trim_start_matches([' ', '\u{a0}']);
    let second = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '+' | '-' | '−' | ')' | '(' | ','))
        .next()?;
    let name = fold_line(second);
    if matches!(
        name.as_str(),
        "غرينتش"
            | "غرينيتش"
            | "جرينتش"
            | "جرينيتش"
            | "غرنتش"
            | "جرنتش"
            | "gmt"
            | "utc"
    ) {
        return zone(&rest[second.len()..]);
    }
    None
}

/// The UTC offset written right after a mention of a time of day at
/// `span` of `text` (see [`offset_after_time`]; `2022-01-25T16:28Z`, where
/// the mention took the `Z` in, is UTC).
pub(crate) fn offset_after_mention(text: &str, span: Span) -> Option<i16> {
    let surface = text.get(span.range())?;
    if surface.ends_with(['Z', 'z'])
        && surface[..surface.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    {
        return Some(0);
    }
    offset_after_time(text.get(span.end..)?)
}

/// Append a UTC offset in minutes as ISO 8601 `+HH:MM` / `-HH:MM`.
pub fn push_offset(s: &mut String, minutes: i16) {
    use std::fmt::Write as _;
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    let _ = write!(s, "{sign}{:02}:{:02}", m / 60, m % 60);
}
