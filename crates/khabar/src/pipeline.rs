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
    /// into the raw input: `&raw[e.span] == e.text`.
    pub entities: Vec<Entity>,
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
    let mut entities: Vec<Entity> = tagger
        .tag_with_dates(&joined, dates)
        .into_iter()
        .filter_map(|mut e| {
            let k = pieces
                .partition_point(|p| p.joined <= e.span.start)
                .checked_sub(1)?;
            let p = &pieces[k];
            let offset = e.span.start - p.joined;
            let len = e.span.len();
            // An entity that runs over the blank line joining two pieces has
            // no single place in the raw text: drop it.
            if offset + len > p.raw.len() {
                return None;
            }
            e.span = Span::new(p.raw.start + offset, p.raw.start + offset + len);
            (raw.get(e.span.start..e.span.end) == Some(e.text.as_str())).then_some(e)
        })
        .collect();
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    Document { article, entities }
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
