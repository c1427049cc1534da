//! Records ([`khabar::record`]) as Python data: one [`Visitor`] that turns
//! an `entity` record into a `khabar.Entity` and any other record into a
//! `dict` (a `role` record into a `khabar.Role`), lists into `list`s; the field lists the Python side derives its
//! classes, `to_dict()` and pandas columns from; and `khabar.Entity`, which
//! holds the values of an entity record ([`ENTITY`]) as Python objects in
//! the table's order: `to_dict()`, pickling, equality and the conversion
//! from Rust all follow the table.

use khabar::normalize::Span;
use khabar::record::{
    CodePoints, Kind, Offsets, Shape, Table, Visitor, DOCUMENT, ENTITY, EVENT, LABELS, MENTION,
    PARTICIPANT, ROLE,
};
use khabar::tag::{Entity, Label, Source};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use pyo3::IntoPyObjectExt;

use crate::errors::index_arg;
use crate::py_repr;
use crate::role::PyRole;

/// Builds the Python value of one record field; the first error is kept
/// and returned by [`PyOut::finish`].
pub(crate) struct PyOut<'py> {
    py: Python<'py>,
    value: Option<Bound<'py, PyAny>>,
    error: Option<PyErr>,
}

impl<'py> PyOut<'py> {
    pub(crate) fn new(py: Python<'py>) -> Self {
        Self {
            py,
            value: None,
            error: None,
        }
    }

    fn set(&mut self, value: PyResult<Bound<'py, PyAny>>) {
        match value {
            Ok(v) => self.value = Some(v),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
    }

    /// The value built (`None` when nothing was handed over).
    pub(crate) fn finish(self) -> PyResult<Bound<'py, PyAny>> {
        if let Some(e) = self.error {
            return Err(e);
        }
        Ok(self
            .value
            .unwrap_or_else(|| self.py.None().into_bound(self.py)))
    }

    /// The value of a child visit, or its error kept here.
    fn child(&mut self, visit: impl FnOnce(&mut dyn Visitor)) -> Option<Bound<'py, PyAny>> {
        let mut c = PyOut::new(self.py);
        visit(&mut c);
        match c.finish() {
            Ok(v) => Some(v),
            Err(e) => {
                self.error.get_or_insert(e);
                None
            }
        }
    }
}

impl Visitor for PyOut<'_> {
    fn null(&mut self) {
        self.value = Some(self.py.None().into_bound(self.py));
    }

    fn str(&mut self, s: &str) {
        self.value = Some(PyString::new(self.py, s).into_any());
    }

    fn int(&mut self, n: i64) {
        let v = n.into_bound_py_any(self.py);
        self.set(v);
    }

    fn float(&mut self, x: f64) {
        let v = x.into_bound_py_any(self.py);
        self.set(v);
    }

    fn bool(&mut self, b: bool) {
        let v = b.into_bound_py_any(self.py);
        self.set(v);
    }

    fn list(&mut self, len: usize, item: &mut dyn FnMut(usize, &mut dyn Visitor)) {
        let mut items = Vec::with_capacity(len);
        for i in 0..len {
            items.extend(self.child(|v| item(i, v)));
        }
        let v = PyList::new(self.py, items).map(Bound::into_any);
        self.set(v);
    }

    fn record(
        &mut self,
        shape: &'static dyn Shape,
        field: &mut dyn FnMut(usize, &mut dyn Visitor),
    ) {
        let mut values = Vec::with_capacity(shape.len());
        for i in 0..shape.len() {
            values.extend(self.child(|v| field(i, v)));
        }
        if values.len() < shape.len() {
            return; // an error was kept
        }
        let v = if let Some((class, new)) = record_class(self.py, shape.name()) {
            // `khabar.Event`/`Participant` (named tuples): built straight
            // from the values by `tuple.__new__`, with no dict in between.
            PyTuple::new(self.py, values).and_then(|args| new.call1((class, args)))
        } else if shape.name() == MENTION.name {
            PyTuple::new(self.py, values).map(Bound::into_any)
        } else if shape.name() == ROLE.name {
            PyRole::from_values(&values).and_then(|r| Bound::new(self.py, r).map(Bound::into_any))
        } else {
            let d = PyDict::new(self.py);
            keys(self.py, shape).and_then(|keys| {
                keys.iter()
                    .zip(values)
                    .try_for_each(|(k, v)| d.set_item(k.bind(self.py), v))
                    .map(|()| d.into_any())
            })
        };
        self.set(v);
    }

    fn entity(&mut self, e: &Entity, co: &dyn Offsets) {
        let v = entity_to_py(self.py, e, co);
        self.set(v);
    }
}

/// `e` as a `khabar.Entity`, its span turned into code points by `co`.
pub(crate) fn entity_to_py<'py>(
    py: Python<'py>,
    e: &Entity,
    co: &dyn Offsets,
) -> PyResult<Bound<'py, PyAny>> {
    let mut e = e.clone();
    e.span = Span::new(co.to_char(e.span.start), co.to_char(e.span.end));
    if let Some(r) = &mut e.role {
        r.span = Span::new(co.to_char(r.span.start), co.to_char(r.span.end));
    }
    Bound::new(py, PyEntity { e }).map(Bound::into_any)
}

/// The Python classes of the `event` and `participant` records
/// (`khabar._document.Event`, `Participant`), given by
/// `_register_record_classes` when `khabar` is imported.
static RECORD_CLASSES: PyOnceLock<(Py<PyAny>, Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();

/// The class of a record and `tuple.__new__`, for the registered records.
fn record_class<'py>(
    py: Python<'py>,
    name: &str,
) -> Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let (event, participant, new) = RECORD_CLASSES.get(py)?;
    let class = if name == EVENT.name {
        event
    } else if name == PARTICIPANT.name {
        participant
    } else {
        return None;
    };
    Some((class.bind(py).clone(), new.bind(py).clone()))
}

/// Called once by `khabar._document`: the classes that `event` and
/// `participant` records become (built from their fields in table order;
/// a `mention` becomes a `(start, end)` tuple).
#[pyfunction]
fn _register_record_classes(
    py: Python<'_>,
    event: Py<PyAny>,
    participant: Py<PyAny>,
) -> PyResult<()> {
    let new = py.get_type::<PyTuple>().getattr("__new__")?.unbind();
    let _ = RECORD_CLASSES.set(py, (event, participant, new));
    Ok(())
}

/// `item` as Python data: a `khabar.Entity` for an entity, a `dict` for any
/// other record.
pub(crate) fn to_py<'py, T>(
    py: Python<'py>,
    table: &'static Table<T>,
    item: &T,
    co: &dyn Offsets,
) -> PyResult<Bound<'py, PyAny>> {
    let mut out = PyOut::new(py);
    table.visit(item, co, &mut out);
    out.finish()
}

/// A named entity: `text[e.start:e.end] == e.text`. It keeps the Rust
/// entity (its span in code points) and makes a field's Python value from
/// the [`ENTITY`] table when it is read, so that a batch of documents does
/// not build ten Python objects per entity nobody looks at.
#[pyclass(frozen, name = "Entity", module = "khabar")]
pub(crate) struct PyEntity {
    /// The entity, `span` in code points.
    e: Entity,
}

impl PyEntity {
    /// The Python value of field `i` of [`ENTITY`].
    fn field<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        let mut out = PyOut::new(py);
        (ENTITY.fields[i].get)(&self.e, &CodePoints, &mut out);
        out.finish()
    }

    fn get<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match ENTITY.position(name) {
            Some(i) => self.field(py, i),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// Every field's Python value, in table order.
    fn values<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        (0..ENTITY.fields.len())
            .map(|i| self.field(py, i))
            .collect()
    }
}

#[pymethods]
impl PyEntity {
    #[new]
    #[pyo3(signature = (text, label, start, end, canonical, title = None, value = None, score = 1.0, kb_id = None, source = "model", role = None))]
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
        role: Option<&Bound<'_, PyRole>>,
    ) -> PyResult<Self> {
        let (start, end) = (index_arg(start, "start")?, index_arg(end, "end")?);
        let label = Label::from_name(label)
            .ok_or_else(|| PyValueError::new_err(format!("unknown label {label:?}")))?;
        let source = Source::from_name(source)
            .ok_or_else(|| PyValueError::new_err(format!("unknown entity source {source:?}")))?;
        if start > end {
            return Err(PyValueError::new_err(format!("start {start} > end {end}")));
        }
        let e = Entity {
            span: Span::new(start, end),
            text,
            label,
            canonical,
            kb_id,
            title,
            score,
            value,
            source,
            role: None,
        };
        let e = Entity {
            role: role.map(|r| r.get().to_role()),
            ..e
        };
        Ok(Self { e })
    }

    /// The surface text (proclitics and titles excluded).
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "text")
    }
    /// PERSON, ORG, GPE, LOC, NORP, EQUIPMENT, DATE or MISC.
    #[getter]
    fn label<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "label")
    }
    /// Code-point start in the input.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "start")
    }
    /// Code-point end in the input.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "end")
    }
    /// Key shared by every spelling of the same entity.
    #[getter]
    fn canonical<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "canonical")
    }
    /// Title or rank before a person (`العميد الركن`), if any.
    #[getter]
    fn title<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "title")
    }
    /// ISO 8601 value of a DATE.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "value")
    }
    /// Confidence in [0, 1].
    #[getter]
    fn score<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "score")
    }
    /// Gazetteer id (`iso:AZ`, `geonames:…`), if any.
    #[getter]
    fn kb_id<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "kb_id")
    }
    /// The layer that produced the entity: `model`, `gazetteer`,
    /// `rule:<name>`, `propagated` or `dates`.
    #[getter]
    fn source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "source")
    }

    /// For a PERSON: the office its sentence states (`khabar.Role`), set
    /// by `khabar.analyze`; None from `khabar.tag`.
    #[getter]
    fn role<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py, "role")
    }

    /// A plain dict of the fields (`role` as a dict too).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (f, v) in ENTITY.fields.iter().zip(self.values(py)?) {
            match v.cast::<PyRole>() {
                Ok(r) => d.set_item(f.name, r.get().to_dict(py)?)?,
                Err(_) => d.set_item(f.name, v)?,
            }
        }
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Entity(text={}, label={}, start={}, end={}, canonical={})",
            py_repr(py, &self.e.text)?,
            py_repr(py, self.e.label.name())?,
            self.e.span.start,
            self.e.span.end,
            py_repr(py, &self.e.canonical)?
        ))
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.e == other.e
    }

    /// Pickle support: rebuild from the constructor arguments, which are
    /// the fields in table order.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let args = PyTuple::new(py, slf.get().values(py)?)?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// The field names of every record type, as interned Python strings made
/// once: the keys of every record dict and the names in the field lists
/// are the same objects, so Python finds a key by identity and never hashes
/// or decodes it again (a batch makes one dict per paragraph, dropped line
/// and flag). One entry per record type, by its name, the names in field
/// order.
static KEYS: PyOnceLock<Names> = PyOnceLock::new();

/// `(record type, field names in order)`.
type Names = Vec<(&'static str, Vec<Py<PyString>>)>;

fn collect_keys(py: Python<'_>, shape: &dyn Shape, keys: &mut Names) {
    if keys.iter().any(|(n, _)| *n == shape.name()) {
        return;
    }
    let names = (0..shape.len())
        .map(|i| PyString::intern(py, shape.field(i).0).unbind())
        .collect();
    keys.push((shape.name(), names));
    for i in 0..shape.len() {
        if let Kind::Record(s) | Kind::Records(s) = shape.field(i).1 {
            collect_keys(py, s, keys);
        }
    }
}

/// The field names of `shape`, in order (see [`KEYS`]).
fn keys<'py>(py: Python<'py>, shape: &dyn Shape) -> PyResult<&'py [Py<PyString>]> {
    let all = KEYS.get_or_init(py, || {
        let mut keys = Vec::new();
        collect_keys(py, &DOCUMENT, &mut keys);
        collect_keys(py, &ENTITY, &mut keys);
        keys
    });
    all.iter()
        .find(|(n, _)| *n == shape.name())
        .map(|(_, k)| k.as_slice())
        .ok_or_else(|| PyValueError::new_err(format!("no record type {:?}", shape.name())))
}

/// `((name, kind), …)` of a record's fields, with a nested record's own
/// fields as a third item.
fn field_list<'py>(py: Python<'py>, shape: &dyn Shape) -> PyResult<Bound<'py, PyTuple>> {
    let names = keys(py, shape)?;
    let rows = (0..shape.len())
        .map(|i| {
            let (_, kind) = shape.field(i);
            let name = names[i].bind(py);
            match kind {
                Kind::Record(s) | Kind::Records(s) => {
                    (name, PyString::intern(py, kind.name()), field_list(py, s)?)
                        .into_bound_py_any(py)
                }
                _ => (name, PyString::intern(py, kind.name())).into_bound_py_any(py),
            }
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, rows)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<PyEntity>()?;
    m.add_function(wrap_pyfunction!(_register_record_classes, m)?)?;
    m.add("DOCUMENT_FIELDS", field_list(py, &DOCUMENT)?)?;
    m.add("ENTITY_FIELDS", field_list(py, &ENTITY)?)?;
    m.add("LABELS", PyTuple::new(py, LABELS)?)?;
    Ok(())
}
