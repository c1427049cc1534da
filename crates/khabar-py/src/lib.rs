//! Python bindings for khabar: conversions, exceptions and GIL handling only.
//!
//! Every call follows one shape: extract the Python arguments into Rust values
//! while holding the GIL, run the work with the GIL released
//! ([`Python::detach`]), then build the Python results. Logic that can be tested
//! without Python lives in the khabar crates, never here.

use pyo3::prelude::*;

mod arrow;
mod article;
mod batch;
mod errors;
mod model;
mod normalize;
mod pipeline;
mod record;
mod role;
mod tag;

/// See the comment on `mimalloc` in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Python's `repr()` of a Rust value converted to Python (`'text'`, `None`,
/// `3`), for `__repr__`s that read as Python, not as Rust `Debug`
/// (`Some("…")`, `"…"` with escaped marks).
pub(crate) fn py_repr<'py>(py: Python<'py>, value: impl IntoPyObject<'py>) -> PyResult<String> {
    use pyo3::IntoPyObjectExt;
    Ok(value.into_bound_py_any(py)?.repr()?.to_string())
}

/// The native module `khabar._khabar`; `python/khabar/__init__.py` re-exports it.
#[pymodule]
fn _khabar(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    batch::register(m)?;
    normalize::register(m)?;
    article::register(m)?;
    model::register(m)?;
    pipeline::register(m)?;
    arrow::register(m)?;
    record::register(m)?;
    role::register(m)?;
    Ok(())
}
