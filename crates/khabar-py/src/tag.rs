//! Tagging with a given tagger, for `khabar.tag`, `khabar.tag_batch` and
//! `Tagger.tag`/`tag_batch` (`model.rs`). Offsets are code points into the
//! `str` that was passed in, converted once per document.

use khabar::normalize::CharOffsets;
use khabar::record::ENTITY;
use khabar::tag::{Entity, Tagger};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::batch::{all_or_panic, run_batch};
use crate::normalize::{run, str_list, text_arg};
use crate::record::to_py;

/// Entities found in `text` as a list of `khabar.Entity`, byte spans turned
/// into code points of `text`.
pub(crate) fn entity_list<'py>(
    py: Python<'py>,
    text: &str,
    entities: &[Entity],
) -> PyResult<Bound<'py, PyList>> {
    let co = CharOffsets::new(text);
    let items = entities
        .iter()
        .map(|e| to_py(py, &ENTITY, e, &co))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// `tag` with `tagger`.
pub(crate) fn tag_with<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let s = text_arg(text, "text")?.to_str()?;
    let ents = run(py, "tag", s.len(), || tagger.tag(s))?;
    entity_list(py, s, &ents)
}

/// `tag_batch` with `tagger`.
pub(crate) fn tag_batch_with<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    let items = str_list(texts, "tag_batch", "khabar.tag(text)")?;
    let strs: Vec<&str> = items.iter().map(|s| s.to_str()).collect::<PyResult<_>>()?;
    let outs = run_batch(
        py,
        &strs,
        threads,
        khabar::batch::ANALYZE_CHUNK,
        |t| t.len(),
        |t| tagger.tag(t),
    )?;
    let outs = all_or_panic(py, "tag_batch", "texts", outs)?;
    let lists = strs
        .iter()
        .zip(&outs)
        .map(|(t, ents)| entity_list(py, t, ents).map(Bound::into_any))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, lists)
}
