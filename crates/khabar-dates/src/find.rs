//! The driver: scan the text for triggers, normalize a window around each
//! one, run the grammar there, and map the match back to the original
//! bytes.

use khabar_normalize::chars::fold_word;
use khabar_normalize::{Normalizer, Profile, Span};

use crate::calendar::Date;
use crate::grammar::{Cx, Hit};
use crate::hash::{mix, FNV_SEED};
use crate::offsets::offset_after_mention;
use crate::reference::Reference;
use crate::scan::{RawScan, RawTok};
use crate::tense::future_clause;
use crate::tokens::{tokenize, Kind, Tok};
use crate::triggers::{bloom_may_contain, digit_may_start, next_ok, trigger, Trigger};
use crate::types::{DateMention, Value, Ymd};

/// Bytes of context kept before a trigger (two words: `يوم`, `في`, `صلاة`)
/// and after it (the longest expressions, a weekday, a Hijri and a Gregorian
/// date and a time, are about 100 bytes).
const BEFORE: usize = 28;

const AFTER: usize = 150;

/// The first, short window, and how close to its end a match must stop to
/// be trusted (one more word could extend it: a year, `الماضي`, a time).
const AFTER_SHORT: usize = 96;

const MARGIN: usize = 40;

/// The window around a trigger at `start..e`: at most [`BEFORE`] bytes
/// before and [`AFTER`] after, on the trigger's line, cut to whole words.
/// Every search is bounded by the window, so a 10 MB line with a date every
/// few bytes still costs time linear in its length.
fn window(text: &str, start: usize, e: usize, after: usize) -> (usize, usize) {
    let lo = floor_boundary(text, start.saturating_sub(BEFORE));
    let hi = ceil_boundary(text, start + after).max(e);
    let mut ws = text[lo..start].rfind('\n').map_or(lo, |p| lo + p + 1);
    let mut we = text[e..hi].find('\n').map_or(hi, |p| e + p);
    // Drop a word cut in half at either end.
    if ws > 0 && ws == lo && !text[..ws].ends_with(char::is_whitespace) {
        ws = text[ws..start]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(start, |(p, c)| ws + p + c.len_utf8());
    }
    if we < text.len() && we == hi && !text[we..].starts_with(char::is_whitespace) {
        we = text[e..we].rfind(char::is_whitespace).map_or(we, |p| e + p);
    }
    (ws, we)
}

/// The char boundary at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Find every date expression in `text`, resolving relative ones against
/// `reference` (the publication date). With no reference, relative
/// expressions keep a partial value (`22 يناير` → `--01-22`) or none (`أمس`);
/// nothing is resolved against today.
///
/// Spans are byte spans of `text`, on character boundaries, in order, and do
/// not overlap.
///
/// Only the neighbourhood of a possible trigger (a digit, a month or weekday
/// name, a relative word) is normalized and parsed, so most of a text costs
/// one pass of word folding.
pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    find_dates_and_words(text, reference, None)
}

/// [`find_dates`] against a reference moment that may carry a time of day
/// and a UTC offset (`2021-03-03T12:10+03:00`): hours and minutes ago
/// (`قبل ساعتين`) then resolve to a time (`2021-03-03T10:10+03:00`); every
/// other expression resolves against the reference's day.
pub fn find_dates_at(text: &str, reference: Option<Reference>) -> Vec<DateMention> {
    find_impl(text, reference, None)
}

/// [`find_dates`], also pushing a hash of every word and number it reads
/// into `words`, in order: FNV-1a over the light fold of a word (see
/// [`khabar_normalize`]'s search profile: equal folds, equal hashes) or over
/// the digits of a number. The article parser compares paragraphs with
/// them, so the text is read once for both.
pub fn find_dates_and_words(
    text: &str,
    reference: Option<Date>,
    words: Option<&mut Vec<u64>>,
) -> Vec<DateMention> {
    find_impl(text, reference.map(Reference::from), words)
}

/// The one scan behind [`find_dates_and_words`] and [`find_dates_at`].
fn find_impl(
    text: &str,
    reference: Option<Reference>,
    mut words: Option<&mut Vec<u64>>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    if let Some(w) = words.as_deref_mut() {
        w.reserve(text.len() / 8);
    }
    let mut scan = RawScan { text, pos: 0 };
    let mut pass = Pass {
        text,
        reference,
        buf: String::new(),
        next_buf: String::new(),
        toks: Vec::new(),
        prev_letters: None,
        floor: 0,
    };
    while let Some(tok) = scan.next_tok() {
        if let Some(w) = words.as_deref_mut() {
            w.push(if tok.digit {
                text[tok.start..tok.end]
                    .bytes()
                    .fold(FNV_SEED, |h, b| mix(h, b as char))
            } else {
                tok.hash
            });
        }
        let Some(start) = pass.trigger_start(&tok) else {
            continue;
        };
        match pass.find_at(start, tok.end) {
            Some(m) => {
                let end = m.span.end;
                pass.floor = end;
                out.push(m);
                scan.pos = end.max(tok.end);
                pass.prev_letters = None;
            }
            None => scan.pos = tok.end,
        }
    }
    out
}

/// One pass of [`find_dates_and_words`] over a text: what it remembers
/// between tokens, and its reused buffers.
struct Pass<'t> {
    text: &'t str,
    reference: Option<Reference>,
    /// The folded trigger word.
    buf: String,
    /// The folded word after it.
    next_buf: String,
    /// Tokens of the current window.
    toks: Vec<Tok>,
    /// (start, end) of the previous letter run, for `الـ3`.
    prev_letters: Option<(usize, usize)>,
    /// End of the last mention: a range (`من 3 إلى 5 مارس`) reaches back no
    /// further.
    floor: usize,
}

impl Pass<'_> {
    /// Where an expression may start at the raw token `tok` (a trigger
    /// word or a number that may open a date), or `None`.
    fn trigger_start(&mut self, tok: &RawTok) -> Option<usize> {
        let (text, s, e) = (self.text, tok.start, tok.end);
        if tok.digit {
            if !digit_may_start(text, s, e, &mut self.next_buf) {
                // `و2020`: a later year of a list (`عامي 2019 و2020`).
                let waw_year = e - s == 4
                    && self
                        .prev_letters
                        .is_some_and(|(ps, pe)| pe == s && &text[ps..pe] == "و");
                self.prev_letters = None;
                return waw_year.then_some(s);
            }
            // `الـ3`: the article joined to the number starts the expression.
            if let Some((ps, pe)) = self.prev_letters {
                // `الـ3`, and `الـ 12` with a space.
                if pe == s || (s - pe <= 2 && text[pe..s].bytes().all(|b| b == b' ')) {
                    fold_word(&text[ps..pe], &mut self.buf);
                    if self.buf == "ال" {
                        return Some(ps);
                    }
                }
            }
            return Some(s);
        }
        self.prev_letters = Some((s, e));
        // Most words end here: too long, or not in the trigger filter (with
        // or without a leading `و`).
        let waw_trigger = tok.after_waw.is_some_and(bloom_may_contain);
        if tok.letters > 11 || !(bloom_may_contain(tok.hash) || waw_trigger) || e - s > 64 {
            return None;
        }
        fold_word(&text[s..e], &mut self.buf);
        let word = match self.buf.strip_prefix('و') {
            Some(rest) if waw_trigger && trigger(&self.buf) == Trigger::No => rest,
            _ => self.buf.as_str(),
        };
        match trigger(word) {
            Trigger::No => None,
            Trigger::Yes => Some(s),
            Trigger::IfNext => {
                let mut peek = RawScan { text, pos: e };
                let (ns, ne, nd) = peek.next_token()?;
                fold_word(&text[ns..ne], &mut self.next_buf);
                next_ok(word, &self.next_buf, nd).then_some(s)
            }
        }
    }

    /// The expression that starts at `start`, its trigger ending at `e`.
    fn find_at(&mut self, start: usize, e: usize) -> Option<DateMention> {
        let text = self.text;
        // A short window first: most expressions are 20–60 bytes. When the
        // match (or the lack of one) may have been cut by the window's end,
        // read the long window; the result is the same as with the long one.
        let (ws, we) = window(text, start, e, AFTER_SHORT);
        let found = find_in_window(
            text,
            (ws, we),
            start,
            e,
            self.reference,
            self.floor,
            &mut self.toks,
        );
        let cut = we < text.len()
            && !text[we..].starts_with('\n')
            && found.as_ref().is_none_or(|m| m.span.end + MARGIN >= we);
        if !cut {
            return found;
        }
        let (ws, we) = window(text, start, e, AFTER);
        find_in_window(
            text,
            (ws, we),
            start,
            e,
            self.reference,
            self.floor,
            &mut self.toks,
        )
    }
}

/// Normalize `text[ws..we]` and try the grammar at the trigger token (the
/// first word or number at or after `start`, before `trigger_end`).
fn find_in_window(
    text: &str,
    (ws, we): (usize, usize),
    start: usize,
    trigger_end: usize,
    reference: Option<Reference>,
    floor: usize,
    toks: &mut Vec<Tok>,
) -> Option<DateMention> {
    let window = text.get(ws..we)?;
    let norm = Normalizer::for_profile(Profile::Search)
        .normalize_aligned(window)
        .ok()?;
    tokenize(norm.text(), toks);
    let cx = Cx {
        text: norm.text(),
        toks,
        reference: reference.map(|r| r.date),
        now: reference,
    };
    let rel_start = start - ws;
    let rel_end = trigger_end - ws;
    for (i, t) in toks.iter().enumerate() {
        if !matches!(t.kind, Kind::Word | Kind::Num) {
            continue;
        }
        let orig = norm.to_original_offset(t.start as usize).ok()?;
        if orig < rel_start {
            continue;
        }
        if orig >= rel_end {
            return None;
        }
        let Some(mut hit) = cx.at(i) else {
            continue;
        };
        if let Some((first, value)) = cx.range_before(&hit) {
            let at = norm
                .to_original_offset(toks.get(first)?.start as usize)
                .ok()?;
            // Never reach back into the previous mention.
            if at + ws >= floor {
                hit.first = first;
                hit.value = value;
                if let Some(h) = hit.hijri.as_mut() {
                    h.day = None;
                }
            }
        }
        // A part of the day before a day (`مساء السبت`, `فجر اليوم`).
        if hit.first > 0 && cx.day_word(hit.first) && cx.part_of_day(hit.first - 1) {
            let at = norm
                .to_original_offset(toks.get(hit.first - 1)?.start as usize)
                .ok()?;
            if at + ws >= floor {
                hit.first -= 1;
            }
        }
        let last = hit.last.max(hit.first + 1).min(toks.len());
        let (a, b) = (toks.get(hit.first)?, toks.get(last - 1)?);
        let nspan = Span::new(a.start as usize, b.end as usize);
        let span = norm.to_original(nspan).ok()?;
        let span = Span::new(span.start + ws, span.end + ws);
        if !span.is_valid_in(text) {
            return None;
        }
        by_tense(text, span, &mut hit, reference);
        return Some(mention(text, &hit, span));
    }
    None
}

/// A bare weekday or a run of weekdays (`من الأحد إلى الخميس`) in a future
/// clause ([`future_clause`]) resolves forward from the reference; in any
/// other clause backward, as the grammar resolved it.
fn by_tense(text: &str, span: Span, hit: &mut Hit, reference: Option<Reference>) {
    let Some(r) = reference else {
        return;
    };
    if let Some(run) = hit.week_run {
        hit.value = Some(run.value(r.date, future_clause(text, span.start)));
    }
    if let (true, Some(wd)) = (hit.bare_weekday, hit.weekday) {
        if future_clause(text, span.start) {
            let fwd = (i64::from(wd.index()) - i64::from(r.date.weekday().index())).rem_euclid(7);
            hit.value = Some(Value::Day(Ymd::full(r.date.add_days(fwd))));
        }
    }
}

/// The mention of `hit`, found at `span` of `text`: with the weekday check,
/// and the UTC offset written after a time of day.
fn mention(text: &str, hit: &Hit, span: Span) -> DateMention {
    let weekday_mismatch = match (hit.weekday, hit.value) {
        (Some(w), Some(Value::Day(d) | Value::DateTime { date: d, .. })) => {
            d.date().is_some_and(|d| d.weekday() != w)
        }
        _ => false,
    } || hit.mismatch;
    let utc_offset = match hit.value {
        Some(Value::DateTime { .. } | Value::Time { .. }) => {
            hit.offset.or_else(|| offset_after_mention(text, span))
        }
        _ => None,
    };
    DateMention {
        span,
        value: hit.value,
        calendar: hit.calendar,
        hijri: hit.hijri,
        weekday: hit.weekday,
        weekday_mismatch,
        relative: hit.relative,
        utc_offset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Calendar;

    fn one(text: &str, reference: Option<Date>) -> (String, Option<String>) {
        let found = find_dates(text, reference);
        assert_eq!(found.len(), 1, "help: {text:?} gave {found:?}");
        (text[found[0].span].to_owned(), found[0].iso())
    }

    #[test]
    fn dual_month_with_weekday() {
        let r = Date::new(2022, 1, 25);
        let (s, v) = one("يوم السبت 22 كانون الثاني \\ يناير بتأخير يوم واحد", r);
        assert_eq!(s, "السبت 22 كانون الثاني \\ يناير");
        assert_eq!(v.as_deref(), Some("2022-01-22"));
    }

    #[test]
    fn partial_without_reference() {
        let (_, v) = one("في 24 كانون الثاني\\يناير.", None);
        assert_eq!(v.as_deref(), Some("--01-24"));
    }

    #[test]
    fn month_past() {
        let r = Date::new(2022, 3, 10);
        let (s, v) = one("في فبراير (شباط) الماضي", r);
        assert_eq!(s, "فبراير (شباط) الماضي");
        assert_eq!(v.as_deref(), Some("2022-02"));
    }

    #[test]
    fn tatweel_article_day() {
        let (s, v) = one(
            "في الـ3 من تشرين الأول \\ أكتوبر، أجرى",
            Date::new(2022, 10, 5),
        );
        assert_eq!(s, "الـ3 من تشرين الأول \\ أكتوبر");
        assert_eq!(v.as_deref(), Some("2022-10-03"));
    }

    #[test]
    fn durations_are_not_dates() {
        assert!(find_dates("احتلال لمدة 30 عاماً بتأخير يوم واحد حتى الآن", None).is_empty());
    }

    #[test]
    fn hijri_day() {
        let f = find_dates("الأربعاء 15 ربيع الأول 1443 هـ", None);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].iso().as_deref(), Some("2021-10-21"));
        assert_eq!(f[0].calendar, Calendar::Hijri);
    }
}
