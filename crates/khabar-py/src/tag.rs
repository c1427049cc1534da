//! `khabar.tag`, `khabar.tag_batch` and `khabar.Entity`.
//!
//! Needs `khabar-tag` as a dependency of this crate (or a `khabar::tag`
//! re-export). Offsets are code points into the `str` that was passed in,
//! converted once per document through `CharOffsets`.

use khabar_normalize::CharOffsets;
use khabar_tag::Tagger;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::batch::{all_or_panic, run_batch};
use crate::errors::index_arg;
use crate::model::tagger_of;
use crate::normalize::{run, str_list, text_arg};
use crate::py_repr;

/// A named entity: `text[e.start:e.end] == e.text`.
#[pyclass(frozen, name = "Entity", module = "khabar")]
#[derive(Clone)]
pub(crate) struct PyEntity {
    text: String,
    label: &'static str,
    start: usize,
    end: usize,
    canonical: String,
    title: Option<String>,
    value: Option<String>,
    score: f32,
    kb_id: Option<String>,
    source: &'static str,
}

#[pymethods]
impl PyEntity {
    #[new]
    #[pyo3(signature = (text, label, start, end, canonical, title = None, value = None, score = 1.0, kb_id = None, source = "model"))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: String,
        label: &str,
        start: i64,
        end: i64,
        canonical: String,
        title: Option<String>,
        value: Option<String>,
        score: f32,
        kb_id: Option<String>,
        source: &str,
    ) -> PyResult<Self> {
        let (start, end) = (index_arg(start, "start")?, index_arg(end, "end")?);
        let label = khabar_tag::Label::from_name(label)
            .ok_or_else(|| PyValueError::new_err(format!("unknown label {label:?}")))?
            .name();
        let source = khabar_tag::Source::from_name(source)
            .ok_or_else(|| PyValueError::new_err(format!("unknown entity source {source:?}")))?
            .as_str();
        if start > end {
            return Err(PyValueError::new_err(format!("start {start} > end {end}")));
        }
        Ok(Self {
            text,
            label,
            start,
            end,
            canonical,
            title,
            value,
            score,
            kb_id,
            source,
        })
    }

    /// The surface text (proclitics and titles excluded).
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// PERSON, ORG, GPE, LOC, NORP, EQUIPMENT, DATE or MISC.
    #[getter]
    fn label(&self) -> &'static str {
        self.label
    }
    /// Code-point start in the input.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }
    /// Code-point end in the input.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }
    /// Key shared by every spelling of the same entity.
    #[getter]
    fn canonical(&self) -> &str {
        &self.canonical
    }
    /// Title or rank before a person (`العميد الركن`), if any.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    /// ISO 8601 value of a DATE.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }
    /// Confidence in [0, 1].
    #[getter]
    fn score(&self) -> f32 {
        self.score
    }
    /// Gazetteer id (`iso:AZ`, `geonames:…`), if any.
    #[getter]
    fn kb_id(&self) -> Option<&str> {
        self.kb_id.as_deref()
    }
    /// The layer that produced the entity: `model`, `gazetteer`,
    /// `rule:<name>`, `propagated` or `dates`.
    #[getter]
    fn source(&self) -> &'static str {
        self.source
    }

    /// A plain dict of the fields.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("label", self.label)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("canonical", &self.canonical)?;
        d.set_item("title", &self.title)?;
        d.set_item("value", &self.value)?;
        d.set_item("score", self.score)?;
        d.set_item("kb_id", &self.kb_id)?;
        d.set_item("source", self.source)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Entity(text={}, label={}, start={}, end={}, canonical={})",
            py_repr(py, &self.text)?,
            py_repr(py, self.label)?,
            self.start,
            self.end,
            py_repr(py, &self.canonical)?
        ))
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.text == other.text
            && self.label == other.label
            && self.start == other.start
            && self.end == other.end
            && self.canonical == other.canonical
            && self.title == other.title
            && self.value == other.value
            && self.score.to_bits() == other.score.to_bits()
            && self.kb_id == other.kb_id
            && self.source == other.source
    }

    /// Pickle support: rebuild from the constructor arguments.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let e = slf.get();
        let args = (
            e.text.clone(),
            e.label,
            e.start,
            e.end,
            e.canonical.clone(),
            e.title.clone(),
            e.value.clone(),
            e.score,
            e.kb_id.clone(),
            e.source,
        )
            .into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

impl PyEntity {
    /// Convert a Rust entity, its byte span turned into code points of the
    /// text it was found in.
    pub(crate) fn from_entity(e: khabar_tag::Entity, co: &CharOffsets<'_>) -> Self {
        PyEntity {
            start: co.to_char(e.span.start),
            end: co.to_char(e.span.end),
            text: e.text,
            label: e.label.name(),
            canonical: e.canonical,
            title: e.title,
            value: e.value,
            score: e.score,
            kb_id: e.kb_id,
            source: e.source.as_str(),
        }
    }
}

/// Tag one document and convert byte spans to code points (one table per
/// document).
pub(crate) fn tag_one(tagger: &Tagger, text: &str) -> Vec<PyEntity> {
    let co = CharOffsets::new(text);
    tagger
        .tag(text)
        .into_iter()
        .map(|e| PyEntity::from_entity(e, &co))
        .collect()
}

/// tag(text, *, tagger=None)
/// --
///
/// Named entities of `text` (one document), in order, without overlaps;
/// `tagger` (a `khabar.Tagger`) replaces the shipped one.
#[pyfunction]
#[pyo3(signature = (text, *, tagger = None))]
pub(crate) fn tag<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    tagger: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let input = text_arg(text, "text")?;
    let s = input.to_str()?;
    let tagger = tagger_of(tagger)?;
    let ents = run(py, "tag", s.len(), || tag_one(tagger, s))?;
    PyList::new(py, ents)
}

/// Text per chunk of a tagging batch (Ctrl-C is honoured between chunks).
const TAG_CHUNK: usize = 256 * 1024;

/// tag_batch(texts, threads=None, *, tagger=None)
/// --
///
/// `tag` over a list of documents on all cores (or `threads`), with the GIL
/// released; results in input order.
#[pyfunction]
#[pyo3(signature = (texts, threads = None, *, tagger = None))]
pub(crate) fn tag_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
    tagger: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    tag_batch_with(py, tagger_of(tagger)?, texts, threads)
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
        TAG_CHUNK,
        |t| t.len(),
        |t| tag_one(tagger, t),
    )?;
    let outs = all_or_panic(py, "tag_batch", "texts", outs)?;
    let lists = outs
        .into_iter()
        .map(|ents| PyList::new(py, ents))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, lists)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(tag, m)?)?;
    m.add_function(wrap_pyfunction!(tag_batch, m)?)?;
    m.add_class::<PyEntity>()?;
    Ok(())
}
