//! The analysis pipeline: parse a raw article, then tag what it says.
//!
//! Entities come from the article's own text only: the title, the subtitle and
//! the body paragraphs and headings. Lines the parser dropped (share blocks,
//! read-more links, a Persian sidebar, exact repeats) are not tagged, so a name
//! in a "related articles" list is not counted as a mention in the article.
//! Dates resolve against the publication date (`أمس` in an article of
//! 2022-01-25 is 2022-01-24).
//!
//! The kept pieces are tagged as one text, joined by blank lines, so that the
//! tagger's document-level steps (repeated names tagged alike, `باقري` linked
//! to `محمد حسين باقري` three paragraphs up) see the whole article; spans are
//! then mapped back to byte offsets of the raw input.

use khabar_article::dates::{find_dates, DateMention};
use khabar_article::{parse_with_dates, Article, Hints};
use khabar_events::rules::Config as EventsConfig;
use khabar_events::Event;
use khabar_normalize::Span;
use khabar_tag::{Entity, Tagger};

use crate::batch;

/// A parsed and tagged article.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Document {
    /// The parsed article (fields, paragraphs, dropped lines, flags).
    pub article: Article,
    /// Entities of the title, subtitle and body, in order, with byte spans
    /// into the raw input: `&raw[e.span] == e.text`. A PERSON mention whose
    /// sentence states its office has `role` ([`khabar_events`]; span into
    /// the raw input).
    pub entities: Vec<Entity>,
    /// The events of the article (meetings, calls, visits, deals...), with
    /// byte spans into the raw input and participants and places as
    /// indexes into `entities`.
    pub events: Vec<Event>,
}

/// One kept piece of the raw text and where it sits in the joined text.
struct Piece {
    joined: usize,
    raw: Span,
}

/// Parse `raw` and tag its title, subtitle and body with the shared tagger.
///
/// ```
/// let raw = "لقاء بين وزير الدفاع الإيراني وسفير أذربيجان\n\nالثلاثاء 25 يناير 2022\n\nاستقبل وزير الدفاع الإيراني في طهران أمس سفير أذربيجان.";
/// let doc = khabar::analyze(raw, &khabar::article::Hints::default());
/// assert!(doc.entities.iter().all(|e| &raw[e.span.start..e.span.end] == e.text));
/// assert!(doc.entities.iter().any(|e| e.text == "طهران"));
/// ```
pub fn analyze(raw: &str, hints: &Hints) -> Document {
    analyze_with(Tagger::global(), raw, hints)
}

/// [`analyze`] with a given tagger.
pub fn analyze_with(tagger: &Tagger, raw: &str, hints: &Hints) -> Document {
    analyze_with_events(tagger, raw, hints, Some(EventsConfig::all()))
}

/// [`analyze_with`] with the roles and events pass configured: `None`
/// skips it (no entity `role`, no `events`), `Some(config)` runs the
/// rules `config` has on.
///
/// ```
/// use khabar::events::rules::Config;
/// let raw = "استقبل وزير الدفاع الإيراني في طهران أمس سفير أذربيجان علي عليزاده.";
/// let hints = khabar::article::Hints::default();
/// let tagger = khabar::tag::Tagger::global();
/// let doc = khabar::analyze_with_events(tagger, raw, &hints, Some(Config::all()));
/// assert_eq!(doc.events[0].kind.name(), "MEETING");
/// assert_eq!(&raw[doc.events[0].span.start..doc.events[0].span.end], "استقبل");
/// let none = khabar::analyze_with_events(tagger, raw, &hints, None);
/// assert!(none.events.is_empty() && none.entities.iter().all(|e| e.role.is_none()));
/// assert_eq!(none.entities, doc.entities);
/// ```
pub fn analyze_with_events(
    tagger: &Tagger,
    raw: &str,
    hints: &Hints,
    events: Option<EventsConfig>,
) -> Document {
    let (article, body_dates) = parse_with_dates(raw, hints);
    let spans = article
        .title
        .iter()
        .chain(article.subtitle.iter())
        .map(|f| f.span)
        .chain(article.paragraphs.iter().map(|p| p.span));
    let mut joined = String::with_capacity(raw.len());
    let mut pieces = Vec::new();
    for span in spans {
        let Some(text) = raw.get(span.start..span.end) else {
            continue;
        };
        if !joined.is_empty() {
            joined.push_str("\n\n");
        }
        pieces.push(Piece {
            joined: joined.len(),
            raw: span,
        });
        joined.push_str(text);
    }
    // Title and subtitle come first in the raw text too, but paragraphs are
    // in raw order already; sort in case a hint moved a field.
    let reference = article
        .published
        .as_ref()
        .and_then(khabar_article::Published::date);
    let dates = joined_dates(&article, raw, &joined, &pieces, reference, body_dates);
    let words = tagger.tag_words_with_dates(&joined, dates);
    let found = events.map(|config| khabar_events::extract_with(&joined, &words, config));
    let to_raw = |span: Span| -> Option<Span> {
        let k = pieces
            .partition_point(|p| p.joined <= span.start)
            .checked_sub(1)?;
        let p = &pieces[k];
        let offset = span.start - p.joined;
        // A span that runs over the blank line joining two pieces has no
        // single place in the raw text.
        (offset + span.len() <= p.raw.len())
            .then(|| Span::new(p.raw.start + offset, p.raw.start + offset + span.len()))
    };
    // Entities in raw order, with the index each had in the joined text.
    let mut kept: Vec<(usize, Entity)> = words
        .entities
        .into_iter()
        .enumerate()
        .filter_map(|(k, mut e)| {
            e.span = to_raw(e.span)?;
            (raw.get(e.span.start..e.span.end) == Some(e.text.as_str())).then_some((k, e))
        })
        .collect();
    kept.sort_by_key(|(_, e)| (e.span.start, e.span.end));
    let mut index = vec![None; kept.iter().map(|(k, _)| k + 1).max().unwrap_or(0)];
    for (new, (old, _)) in kept.iter().enumerate() {
        index[*old] = Some(new);
    }
    let events = match found {
        Some(found) => events_to_raw(found, &mut kept, &index, &to_raw),
        None => Vec::new(),
    };
    let entities = kept.into_iter().map(|(_, e)| e).collect();
    Document {
        article,
        entities,
        events,
    }
}

/// Roles of the joined text set on the kept entities, and the events, with
/// spans into the raw input and entity indexes into the kept entities.
fn events_to_raw(
    found: khabar_events::Extraction,
    kept: &mut [(usize, Entity)],
    index: &[Option<usize>],
    to_raw: &dyn Fn(Span) -> Option<Span>,
) -> Vec<Event> {
    let mut found = found;
    for (old, e) in kept.iter_mut() {
        e.role = found
            .roles
            .get_mut(*old)
            .and_then(Option::take)
            .and_then(|mut r| {
                r.span = to_raw(r.span)?;
                Some(r)
            });
    }
    let at = |k: usize| index.get(k).copied().flatten();
    found
        .events
        .into_iter()
        .filter_map(|mut e| {
            e.span = to_raw(e.span)?;
            e.mentions = e.mentions.into_iter().filter_map(to_raw).collect();
            e.participants
                .retain_mut(|p| at(p.entity).map(|k| p.entity = k).is_some());
            e.place = e.place.and_then(at);
            (!e.participants.is_empty()).then_some(e)
        })
        .collect()
}

/// The date expressions of the joined text: the parser's for the body (it
/// scanned the paragraphs already, against the same reference unless the
/// article has only an update date) and a scan of the title and subtitle.
fn joined_dates(
    article: &Article,
    raw: &str,
    joined: &str,
    pieces: &[Piece],
    reference: Option<khabar_article::Date>,
    body: Vec<DateMention>,
) -> Vec<DateMention> {
    // The parser resolved against the update date when there is no
    // publication date; the tagger resolves against the publication date.
    if article.published.is_none() && article.updated.is_some() {
        return find_dates(joined, reference);
    }
    let heads = article.title.iter().chain(article.subtitle.iter()).count();
    let mut out = Vec::with_capacity(body.len());
    for p in &pieces[..heads.min(pieces.len())] {
        let Some(text) = raw.get(p.raw.start..p.raw.end) else {
            return find_dates(joined, reference);
        };
        out.extend(find_dates(text, reference).into_iter().map(|mut m| {
            m.span = Span::new(p.joined + m.span.start, p.joined + m.span.end);
            m
        }));
    }
    let body_pieces = &pieces[heads.min(pieces.len())..];
    for mut m in body {
        let k = body_pieces.partition_point(|p| p.raw.start <= m.span.start);
        let Some(p) = k.checked_sub(1).map(|k| &body_pieces[k]) else {
            return find_dates(joined, reference);
        };
        if m.span.end > p.raw.end {
            return find_dates(joined, reference);
        }
        m.span = Span::new(
            p.joined + (m.span.start - p.raw.start),
            p.joined + (m.span.end - p.raw.start),
        );
        out.push(m);
    }
    out
}

/// [`analyze`] over many articles on `threads` threads (`None`: all cores),
/// in input order. The same hints apply to every article.
pub fn analyze_batch<S: AsRef<str> + Sync>(
    raws: &[S],
    hints: &Hints,
    threads: Option<usize>,
) -> Result<Vec<Document>, batch::Error> {
    analyze_batch_with(Tagger::global(), raws, hints, threads)
}

/// [`analyze_batch`] with a given tagger (one trained with
/// [`Tagger::train`], say).
pub fn analyze_batch_with<S: AsRef<str> + Sync>(
    tagger: &Tagger,
    raws: &[S],
    hints: &Hints,
    threads: Option<usize>,
) -> Result<Vec<Document>, batch::Error> {
    batch::map_with(threads, raws, |r| analyze_with(tagger, r.as_ref(), hints))
}
