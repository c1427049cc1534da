//! `khabar.Role`: the office a PERSON mention holds ([`ROLE`] record), the
//! value of `Entity.role`. Its fields follow the table; it compares by
//! value, pickles and converts with `to_dict()`.

use khabar::record::{Shape, OFFICES, ROLE};
use khabar::tag::Role;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::errors::index_arg;
use crate::py_repr;

/// The office a person holds, as the sentence states it:
/// ``text[r.start:r.end] == r.text`` is the office phrase, `office` one of
/// `khabar.OFFICES`, `of` the canonical key of the country the phrase names
/// (None when it names none).
#[pyclass(frozen, eq, name = "Role", module = "khabar")]
#[derive(PartialEq)]
pub(crate) struct PyRole {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    office: &'static str,
    #[pyo3(get)]
    of: Option<String>,
}

impl PyRole {
    /// The role as the tagger's [`Role`], its span in code points.
    pub(crate) fn to_role(&self) -> Role {
        Role {
            text: self.text.clone(),
            span: khabar::normalize::Span::new(self.start, self.end),
            office: self.office,
            of: self.of.clone(),
        }
    }

    /// A role from the values of a [`ROLE`] record, in table order.
    pub(crate) fn from_values(values: &[Bound<'_, PyAny>]) -> PyResult<Self> {
        let at = |name: &str| {
            ROLE.position(name)
                .and_then(|i| values.get(i))
                .ok_or_else(|| PyValueError::new_err(format!("role record without {name}")))
        };
        Self::new(
            at("text")?.extract()?,
            at("start")?.extract()?,
            at("end")?.extract()?,
            &at("office")?.extract::<String>()?,
            at("of")?.extract()?,
        )
    }
}

#[pymethods]
impl PyRole {
    #[new]
    #[pyo3(signature = (text, start, end, office, of = None))]
    fn new(text: String, start: i64, end: i64, office: &str, of: Option<String>) -> PyResult<Self> {
        let (start, end) = (index_arg(start, "start")?, index_arg(end, "end")?);
        if start > end {
            return Err(PyValueError::new_err(format!("start {start} > end {end}")));
        }
        let office = OFFICES.iter().find(|o| **o == office).ok_or_else(|| {
            PyValueError::new_err(format!("unknown office {office:?} (see khabar.OFFICES)"))
        })?;
        Ok(Self {
            text,
            start,
            end,
            office,
            of,
        })
    }

    /// A plain dict of the fields.
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("office", self.office)?;
        d.set_item("of", &self.of)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Role(text={}, start={}, end={}, office={}, of={})",
            py_repr(py, &self.text)?,
            self.start,
            self.end,
            py_repr(py, self.office)?,
            py_repr(py, &self.of)?
        ))
    }

    /// Pickle support: rebuild from the constructor arguments.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let r = slf.get();
        let py = slf.py();
        let args = (&r.text, r.start, r.end, r.office, &r.of).into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRole>()?;
    m.add("OFFICES", PyTuple::new(m.py(), OFFICES)?)?;
    m.add(
        "EVENT_KINDS",
        PyTuple::new(m.py(), khabar::record::EVENT_KINDS)?,
    )?;
    Ok(())
}
