//! `khabar._khabar._analyze` and `_analyze_batch`: the native half of
//! `khabar.analyze` / `khabar.analyze_batch` (the `Document` class is plain
//! Python data, in `python/khabar/_document.py`, so that it pickles and
//! converts to dicts without native code).

use khabar::article::Hints;
use khabar::Document;
use khabar_normalize::CharOffsets;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::article::PyArticle;
use crate::batch::run_batch_overlapped;
use crate::model::tagger_of;
use crate::normalize::{not_one_str, run, text_arg};
use crate::tag::PyEntity;

fn hints(published: Option<&str>, url: Option<&str>) -> PyResult<Hints> {
    let mut h = Hints::default();
    if let Some(p) = published {
        h = h
            .with_published(p)
            .map_err(|e| PyValueError::new_err(format!("published: {e}")))?;
    }
    if let Some(u) = url {
        h = h.with_url(u);
    }
    Ok(h)
}

/// Code-point spans of the title, the subtitle, each paragraph and the
/// dateline place in `raw`.
type Spans = (
    Option<(usize, usize)>,
    Option<(usize, usize)>,
    Vec<(usize, usize)>,
    Option<(usize, usize)>,
);

/// A document with code-point offsets into `raw` (one table per document).
fn convert(raw: &str, doc: Document) -> (PyArticle, Vec<PyEntity>, Spans) {
    let co = CharOffsets::new(raw);
    let cp = |s: khabar_normalize::Span| (co.to_char(s.start), co.to_char(s.end));
    let spans = (
        doc.article.title.as_ref().map(|f| cp(f.span)),
        doc.article.subtitle.as_ref().map(|f| cp(f.span)),
        doc.article.paragraphs.iter().map(|p| cp(p.span)).collect(),
        doc.article.dateline_place.as_ref().map(|f| cp(f.span)),
    );
    let entities = doc
        .entities
        .into_iter()
        .map(|e| PyEntity::from_entity(e, &co))
        .collect();
    (PyArticle::from(doc.article), entities, spans)
}

/// _analyze(raw, *, published=None, url=None, tagger=None)
/// --
///
/// `(Article, [Entity], (title_span, subtitle_span, [paragraph_span],
/// dateline_place_span))` of one raw article; spans are code points into
/// `raw`.
#[pyfunction]
#[pyo3(signature = (raw, *, published = None, url = None, tagger = None))]
pub(crate) fn _analyze(
    py: Python<'_>,
    raw: &Bound<'_, PyAny>,
    published: Option<&str>,
    url: Option<&str>,
    tagger: Option<&Bound<'_, PyAny>>,
) -> PyResult<(PyArticle, Vec<PyEntity>, Spans)> {
    let s = text_arg(raw, "raw")?.to_str()?;
    let h = hints(published, url)?;
    let t = tagger_of(tagger)?;
    run(py, "analyze", s.len(), || {
        convert(s, khabar::analyze_with(t, s, &h))
    })
}

/// One batch item: its text, or why it has none.
type Item<'a> = Result<&'a str, String>;

/// _analyze_batch(raws, threads, make, tagger=None)
/// --
///
/// For each raw article, `make(Article, [Entity], spans, None)` or
/// `make(None, [], None, error)`: one bad document does not sink the batch.
/// `make` (`Document._from_native`) is called while the next chunk is
/// analyzed, so that building the Python objects overlaps the analysis.
#[pyfunction]
#[pyo3(signature = (raws, threads, make, tagger = None))]
pub(crate) fn _analyze_batch<'py>(
    py: Python<'py>,
    raws: &Bound<'py, PyAny>,
    threads: Option<i64>,
    make: &Bound<'py, PyAny>,
    tagger: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let t = tagger_of(tagger)?;
    not_one_str(raws, "analyze_batch", "khabar.analyze(raw)")?;
    let objs: Vec<Bound<'py, PyAny>> = raws.try_iter()?.collect::<PyResult<_>>()?;
    let items: Vec<Item<'_>> = objs
        .iter()
        .enumerate()
        .map(|(i, o)| match o.cast::<PyString>() {
            Ok(s) => s
                .to_str()
                .map_err(|e| format!("UnicodeError: raws[{i}]: {e}")),
            Err(_) => Err(format!(
                "TypeError: raws[{i}] must be str, not {}",
                o.get_type()
                    .name()
                    .map_or_else(|_| "?".to_owned(), |n| n.to_string())
            )),
        })
        .collect();
    let h = Hints::default();
    let out = PyList::empty(py);
    run_batch_overlapped(
        py,
        &items,
        threads,
        ANALYZE_CHUNK,
        |i| i.as_ref().map_or(0, |s| s.len()),
        |item| {
            item.as_ref()
                .map(|s| convert(s, khabar::analyze_with(t, s, &h)))
                .map_err(Clone::clone)
        },
        |_, done| {
            for r in done {
                // A panic on one document becomes that document's error
                // (with its index), like any other bad document: it does
                // not sink the batch.
                let row = match r.unwrap_or_else(|p| {
                    Err(format!(
                        "PanicError: {}",
                        p.describe("analyze_batch", "raws")
                    ))
                }) {
                    Ok((article, entities, spans)) => (Some(article), entities, Some(spans), None),
                    Err(e) => (None, Vec::new(), None, Some(e)),
                };
                out.append(make.call1(row)?)?;
            }
            Ok(())
        },
    )?;
    Ok(out)
}

/// Text per chunk of an analysis batch: a fraction of a second of work for
/// the tagger, yet enough to keep every core busy within a chunk.
pub(crate) const ANALYZE_CHUNK: usize = 256 * 1024;

/// Split a batch so that the GIL comes back (and `KeyboardInterrupt` can be
/// raised) after every `budget` bytes of text.
pub(crate) fn interruptible_chunks<T>(
    items: &[T],
    budget: usize,
    size: impl Fn(&T) -> usize,
) -> Vec<&[T]> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        bytes += size(item) + 64;
        if bytes >= budget {
            chunks.push(&items[start..=i]);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < items.len() {
        chunks.push(&items[start..]);
    }
    chunks
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_analyze, m)?)?;
    m.add_function(wrap_pyfunction!(_analyze_batch, m)?)?;
    Ok(())
}
