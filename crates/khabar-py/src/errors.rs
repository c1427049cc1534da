//! The exception hierarchy: `KhabarError` and one subclass per error kind.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    khabar,
    KhabarError,
    PyException,
    "Base class of every error khabar raises."
);
create_exception!(
    khabar,
    SpanError,
    KhabarError,
    "A span that does not lie inside the text or does not fall on character boundaries."
);
create_exception!(
    khabar,
    InputTooLargeError,
    KhabarError,
    "An input larger than khabar can index (4 GiB)."
);
create_exception!(
    khabar,
    ModelError,
    KhabarError,
    "Training data or a model file that khabar cannot use (the message names the line or the problem)."
);
create_exception!(
    khabar,
    PanicError,
    KhabarError,
    "An internal error caught at the boundary (a bug: please report it)."
);

/// Map a normalization error to its exception. Unknown profile or rule names
/// are argument misuse and raise `ValueError` instead.
///
/// The only spans Python code hands to khabar are code-point spans
/// (`CharAlignment`: `Normalizer.to_original`, `NormalizedText.to_original`),
/// so a `SpanError` speaks in code points (Python `str` indices), not in the
/// UTF-8 bytes of the Rust message.
pub(crate) fn normalize_error(e: &khabar::normalize::Error) -> PyErr {
    use khabar::normalize::ErrorKind;
    match e.kind() {
        ErrorKind::UnknownProfile { .. } | ErrorKind::UnknownRule { .. } => {
            pyo3::exceptions::PyValueError::new_err(e.to_string())
        }
        ErrorKind::InvalidSpan { start, end, len } => SpanError::new_err(format!(
            "span {start}:{end} is not a valid span of the normalized text \
             (length {len} code points; need 0 <= start <= end <= {len})"
        )),
        ErrorKind::InputTooLarge { .. } => InputTooLargeError::new_err(e.to_string()),
        _ => KhabarError::new_err(e.to_string()),
    }
}

/// A code-point index argument (`start`, `end`) as `usize`, or `ValueError`
/// naming the argument when it is negative (instead of pyo3's
/// `OverflowError: can't convert negative int to unsigned`).
pub(crate) fn index_arg(value: i64, name: &str) -> PyResult<usize> {
    usize::try_from(value).map_err(|_| {
        pyo3::exceptions::PyValueError::new_err(format!(
            "{name} must be a non-negative int, not {value}"
        ))
    })
}

/// A `threads` argument: `None` (all cores) or a positive count, else
/// `ValueError` (checked by `khabar::batch::threads`).
pub(crate) fn threads_arg(threads: Option<i64>) -> PyResult<Option<usize>> {
    khabar::batch::threads(threads)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

/// `value` as a count of at least 1, or `ValueError` naming `name` (what
/// else it may be, such as `" or None"`, in `or`).
pub(crate) fn positive_arg(value: i64, name: &str, or: &str) -> PyResult<usize> {
    usize::try_from(value)
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "{name} must be a positive int{or}, not {value}"
            ))
        })
}

/// Run `f`, turning a Rust panic into a `PanicError` instead of a crash.
pub(crate) fn guard<T>(what: &str, f: impl FnOnce() -> T + std::panic::UnwindSafe) -> PyResult<T> {
    std::panic::catch_unwind(f).map_err(|p| {
        let msg = khabar::batch::panic_message(p.as_ref());
        PanicError::new_err(format!("internal error in {what}: {msg}"))
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("KhabarError", py.get_type::<KhabarError>())?;
    m.add("SpanError", py.get_type::<SpanError>())?;
    m.add("InputTooLargeError", py.get_type::<InputTooLargeError>())?;
    m.add("PanicError", py.get_type::<PanicError>())?;
    m.add("ModelError", py.get_type::<ModelError>())?;
    Ok(())
}
