//! `khabar.Tagger`, and `khabar.tag` / `khabar.tag_batch` (which take a
//! `tagger=`): an entity tagger, the shipped one or one trained on the
//! user's CoNLL data (`khabar_tag::Tagger::train`), saved and loaded as
//! bytes.

use std::path::PathBuf;
use std::sync::Arc;

use khabar::tag::training::{ModelError as RustModelError, TrainOptions};
use khabar::tag::Tagger;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use crate::errors::{guard, positive_arg, ModelError};
use crate::normalize::text_arg;
use crate::tag::{tag_batch_with, tag_with};

/// The tagger of a `khabar.Tagger`: the process-wide shipped one, or an
/// owned one.
#[derive(Clone)]
enum Inner {
    Shipped,
    Owned(Arc<Tagger>),
}

/// Tagger(): the shipped tagger; `Tagger.train(path)` trains one on CoNLL
/// data, `Tagger.load(path)` reads a saved one.
#[pyclass(name = "Tagger", module = "khabar", frozen)]
#[derive(Clone)]
pub(crate) struct PyTagger {
    inner: Inner,
}

impl PyTagger {
    /// The Rust tagger.
    pub(crate) fn get(&self) -> &Tagger {
        match &self.inner {
            Inner::Shipped => Tagger::global(),
            Inner::Owned(t) => t,
        }
    }

    fn owned(t: Tagger) -> Self {
        Self {
            inner: Inner::Owned(Arc::new(t)),
        }
    }
}

/// The Rust tagger of an optional `tagger=` argument (the shipped one for
/// `None`), or `TypeError` for anything but a `khabar.Tagger`.
pub(crate) fn tagger_of<'a>(tagger: Option<&'a Bound<'_, PyAny>>) -> PyResult<&'a Tagger> {
    let Some(t) = tagger else {
        return Ok(Tagger::global());
    };
    let t = t.cast::<PyTagger>().map_err(|_| {
        let ty = t
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        pyo3::exceptions::PyTypeError::new_err(format!(
            "tagger must be a khabar.Tagger or None, not {ty}"
        ))
    })?;
    Ok(t.get().get())
}

/// The exception of a model error: `ValueError` for a bad option, else
/// `ModelError`, whose `line` attribute is the 1-based line of the training
/// data at fault (None when the error is not about one line).
fn model_error(py: Python<'_>, e: &RustModelError) -> PyErr {
    match e {
        RustModelError::Option(_) => PyValueError::new_err(e.to_string()),
        RustModelError::Conll { line, .. } => model_error_at(py, e.to_string(), Some(*line)),
        _ => model_error_at(py, e.to_string(), None),
    }
}

/// A `ModelError` with its `line` attribute.
fn model_error_at(py: Python<'_>, message: String, line: Option<usize>) -> PyErr {
    let err = ModelError::new_err(message);
    // Setting an attribute on a fresh exception cannot fail in practice; if
    // it did, the message still names the line.
    let _ = err.value(py).setattr("line", line);
    err
}

/// Training options from the keyword arguments; the ones not given keep
/// the shipped recipe ([`TrainOptions::default`]).
fn train_options(
    epochs: Option<i64>,
    seed: Option<u64>,
    bag: Option<i64>,
    bias: Option<(f32, f32, f32, f32)>,
) -> PyResult<TrainOptions> {
    let mut o = TrainOptions::default();
    if let Some(v) = epochs {
        o.epochs = positive_arg(v, "epochs", "")?;
    }
    if let Some(v) = bag {
        o.bag = positive_arg(v, "bag", "")?;
    }
    if let Some(v) = seed {
        o.seed = v;
    }
    if let Some((p, l, g, m)) = bias {
        o.bias = [p, l, g, m];
    }
    Ok(o)
}

fn train_text(py: Python<'_>, conll: &str, options: &TrainOptions) -> PyResult<PyTagger> {
    py.detach(|| guard("Tagger.train", || Tagger::train(conll, options)))?
        .map(PyTagger::owned)
        .map_err(|e| model_error(py, &e))
}

/// The UTF-8 text of the file at `path` (`ModelError` if it is not UTF-8).
fn read_text(py: Python<'_>, path: &PathBuf) -> PyResult<String> {
    String::from_utf8(read(path)?)
        .map_err(|e| model_error_at(py, format!("{}: not UTF-8 text: {e}", path.display()), None))
}

/// A `ModelError` about the contents of `path` says which file it is.
fn in_file(py: Python<'_>, e: PyErr, path: &std::path::Path) -> PyErr {
    if e.is_instance_of::<ModelError>(py) {
        let line = e
            .value(py)
            .getattr("line")
            .ok()
            .and_then(|l| l.extract().ok());
        model_error_at(py, format!("{}: {}", path.display(), e.value(py)), line)
    } else {
        e
    }
}

fn read(path: &PathBuf) -> PyResult<Vec<u8>> {
    std::fs::read(path)
        .map_err(|e| pyo3::exceptions::PyOSError::new_err(format!("{}: {e}", path.display())))
}

// pyo3 hands arguments over owned (a `PathBuf` from a `str` or `os.PathLike`).
#[allow(clippy::needless_pass_by_value)]
#[pymethods]
impl PyTagger {
    #[new]
    fn new() -> Self {
        Self {
            inner: Inner::Shipped,
        }
    }

    /// train(path, *, epochs=None, seed=None, bag=None, bias=None)
    /// --
    ///
    /// A tagger trained on the CoNLL file at `path` (UTF-8; `token tag` per
    /// line, a blank line after each sentence, BIO tags of PERS or PER,
    /// LOC, ORG, MISC), with the shipped gazetteers and rules. Options not
    /// given keep the shipped model's recipe (10 epochs, seed 42, a bag of
    /// 7, bias (8, 4, 8, 12) for PERS, LOC, ORG, MISC): about 15 s for
    /// ANERcorp's 125,000 tokens on two cores; the GIL is released, and
    /// Ctrl-C waits for the end. `ModelError` names the first bad line.
    #[staticmethod]
    #[pyo3(signature = (path, *, epochs = None, seed = None, bag = None, bias = None))]
    fn train(
        py: Python<'_>,
        path: PathBuf,
        epochs: Option<i64>,
        seed: Option<u64>,
        bag: Option<i64>,
        bias: Option<(f32, f32, f32, f32)>,
    ) -> PyResult<Self> {
        let options = train_options(epochs, seed, bag, bias)?;
        let text = read_text(py, &path)?;
        train_text(py, &text, &options).map_err(|e| in_file(py, e, &path))
    }

    /// from_conll(text, *, epochs=None, seed=None, bag=None, bias=None)
    /// --
    ///
    /// `Tagger.train` on CoNLL text instead of a file.
    #[staticmethod]
    #[pyo3(signature = (text, *, epochs = None, seed = None, bag = None, bias = None))]
    fn from_conll(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        epochs: Option<i64>,
        seed: Option<u64>,
        bag: Option<i64>,
        bias: Option<(f32, f32, f32, f32)>,
    ) -> PyResult<Self> {
        let text = text_arg(text, "text")?.to_str()?;
        train_text(py, text, &train_options(epochs, seed, bag, bias)?)
    }

    /// evaluate(path)
    /// --
    ///
    /// Score the tagger on the CoNLL file at `path` (the format of
    /// `Tagger.train`): exact-span precision, recall and F1 (0 to 1) and the
    /// gold count per type (PERS, LOC, ORG, MISC) and for "all" types
    /// (micro-averaged), conlleval rules, the statistical layer on the
    /// file's own tokens.
    fn evaluate<'py>(&self, py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyDict>> {
        let text = read_text(py, &path)?;
        let tagger = self.get();
        let score = py
            .detach(|| guard("Tagger.evaluate", || tagger.evaluate(&text)))?
            .map_err(|e| in_file(py, model_error(py, &e), &path))?;
        let out = PyDict::new(py);
        let row = |c: &khabar::tag::eval::Counts| -> PyResult<Bound<'py, PyDict>> {
            let d = PyDict::new(py);
            d.set_item("precision", c.precision() / 100.0)?;
            d.set_item("recall", c.recall() / 100.0)?;
            d.set_item("f1", c.f1() / 100.0)?;
            d.set_item("support", c.gold)?;
            d.set_item("predicted", c.pred)?;
            d.set_item("correct", c.tp)?;
            Ok(d)
        };
        for (ty, c) in &score.by_type {
            out.set_item(ty, row(c)?)?;
        }
        out.set_item("all", row(&score.total())?)?;
        Ok(out)
    }

    /// load(path)
    /// --
    ///
    /// A tagger saved with `Tagger.save` (`ModelError` for anything else).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        Self::from_bytes(py, &read(&path)?).map_err(|e| in_file(py, e, &path))
    }

    /// from_bytes(data)
    /// --
    ///
    /// A tagger from `Tagger.to_bytes()`.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        guard("Tagger.from_bytes", || Tagger::from_bytes(data))?
            .map(Self::owned)
            .map_err(|e| model_error(py, &e))
    }

    /// save(path)
    /// --
    ///
    /// Write the model to `path` (a few MB), for `Tagger.load`.
    fn save(&self, path: PathBuf) -> PyResult<()> {
        std::fs::write(&path, self.get().to_bytes())
            .map_err(|e| pyo3::exceptions::PyOSError::new_err(format!("{}: {e}", path.display())))
    }

    /// to_bytes()
    /// --
    ///
    /// The model file as bytes.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.get().to_bytes())
    }

    /// tag(text)
    /// --
    ///
    /// `khabar.tag` with this tagger.
    fn tag<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        tag_with(py, self.get(), text)
    }

    /// tag_batch(texts, threads=None)
    /// --
    ///
    /// `khabar.tag_batch` with this tagger.
    #[pyo3(signature = (texts, threads = None))]
    fn tag_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<i64>,
    ) -> PyResult<Bound<'py, PyList>> {
        tag_batch_with(py, self.get(), texts, threads)
    }

    /// Whether this is the shipped tagger.
    #[getter]
    fn shipped(&self) -> bool {
        matches!(self.inner, Inner::Shipped)
    }

    fn __repr__(&self) -> String {
        if self.shipped() {
            "Tagger()".to_owned()
        } else {
            "Tagger(<trained>)".to_owned()
        }
    }

    /// Pickles as its model bytes (the shipped tagger as itself), so it can
    /// go to worker processes.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let cls = slf.get_type();
        if this.shipped() {
            return PyTuple::new(py, [cls.into_any(), PyTuple::empty(py).into_any()]);
        }
        let make = cls.getattr("from_bytes")?;
        let args = PyTuple::new(py, [this.to_bytes(py)])?;
        PyTuple::new(py, [make, args.into_any()])
    }
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
    tag_with(py, tagger_of(tagger)?, text)
}

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

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(tag, m)?)?;
    m.add_function(wrap_pyfunction!(tag_batch, m)?)?;
    m.add_class::<PyTagger>()?;
    Ok(())
}
