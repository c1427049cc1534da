//! `khabar._khabar._analyze` and `_analyze_batch`: the native half of
//! `khabar.analyze` / `khabar.analyze_batch`. A document comes back as its
//! record ([`khabar::record::DOCUMENT`]) in Python data: a `dict` with the
//! keys of `Document.to_dict()`, its entities as `khabar.Entity`; the
//! `Document` class (`python/khabar/_document.py`) is built from it.

use khabar::article::Hints;
use khabar::events::rules::Config as EventsConfig;
use khabar::normalize::CharOffsets;
use khabar::record::DOCUMENT;
use khabar::Document;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::batch::run_batch_overlapped;
use crate::model::tagger_of;
use crate::normalize::{not_one_str, run, text_arg};
use crate::record::to_py;

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

/// The record of a document analyzed from `raw`, code points into `raw`.
fn record<'py>(py: Python<'py>, raw: &str, doc: &Document) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &DOCUMENT, doc, &CharOffsets::new(raw))
}

/// The roles and events pass: every rule, or none.
fn events_config(events: bool) -> Option<EventsConfig> {
    events.then(EventsConfig::all)
}

/// _analyze(raw, *, published=None, url=None, tagger=None, events=True)
/// --
///
/// The record of one raw article (a dict with the keys of
/// `Document.to_dict()`, entities as `Entity`); spans are code points into
/// `raw`. `events=False` skips the roles and events pass.
#[pyfunction]
#[pyo3(signature = (raw, *, published = None, url = None, tagger = None, events = true))]
pub(crate) fn _analyze<'py>(
    py: Python<'py>,
    raw: &Bound<'py, PyAny>,
    published: Option<&str>,
    url: Option<&str>,
    tagger: Option<&Bound<'py, PyAny>>,
    events: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let s = text_arg(raw, "raw")?.to_str()?;
    let h = hints(published, url)?;
    let t = tagger_of(tagger)?;
    let config = events_config(events);
    let doc = run(py, "analyze", s.len(), || {
        khabar::analyze_with_events(t, s, &h, config)
    })?;
    record(py, s, &doc)
}

/// One batch item: its text, or why it has none.
type Item<'a> = Result<&'a str, String>;

/// _analyze_batch(raws, threads, make, tagger=None, events=True)
/// --
///
/// For each raw article, `make(record, None)` or `make(None, error)`: one
/// bad document does not sink the batch. `make` (`Document._from_record`)
/// is called while the next chunk is analyzed, so that building the Python
/// objects overlaps the analysis. `events=False` skips the roles and
/// events pass.
#[pyfunction]
#[pyo3(signature = (raws, threads, make, tagger = None, events = true))]
pub(crate) fn _analyze_batch<'py>(
    py: Python<'py>,
    raws: &Bound<'py, PyAny>,
    threads: Option<i64>,
    make: &Bound<'py, PyAny>,
    tagger: Option<&Bound<'py, PyAny>>,
    events: bool,
) -> PyResult<Bound<'py, PyList>> {
    let t = tagger_of(tagger)?;
    let config = events_config(events);
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
        khabar::batch::ANALYZE_CHUNK,
        |i| i.as_ref().map_or(0, |s| s.len()),
        |item| {
            item.as_ref()
                .map(|s| khabar::analyze_with_events(t, s, &h, config))
                .map_err(Clone::clone)
        },
        |chunk, done| {
            for (&(_, item), r) in chunk.iter().zip(done) {
                // A panic on one document becomes that document's error
                // (with its index), like any other bad document: it does
                // not sink the batch.
                let row = match (item, r) {
                    (Ok(raw), Ok(Ok(doc))) => (Some(record(py, raw, &doc)?), None),
                    (_, Ok(Err(e))) => (None, Some(e)),
                    (_, Err(p)) => (
                        None,
                        Some(format!(
                            "PanicError: {}",
                            p.describe("analyze_batch", "raws")
                        )),
                    ),
                    (Err(e), Ok(Ok(_))) => (None, Some(e.clone())),
                };
                out.append(make.call1(row)?)?;
            }
            Ok(())
        },
    )?;
    Ok(out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_analyze, m)?)?;
    m.add_function(wrap_pyfunction!(_analyze_batch, m)?)?;
    Ok(())
}
