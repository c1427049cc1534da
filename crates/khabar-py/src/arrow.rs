//! `khabar._khabar._arrow_*`: the native half of `khabar.arrow` (and so of
//! `khabar.spark` and `khabar analyze --format parquet`).
//!
//! Data comes and goes through the Arrow PyCapsule interface: the input is
//! the `(schema, array)` capsule pair of `arr.__arrow_c_array__()`, the
//! output a capsule pair that `python/khabar/arrow.py` hands to pyarrow. No
//! Python object is made per row. The conversion itself (schema, builders,
//! code-point offsets) is `khabar::arrow`; here are only the FFI, the GIL and
//! the errors.

use std::panic::AssertUnwindSafe;

use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{make_array, Array, ArrayRef, StructArray};
use arrow_data::ArrayData;
use arrow_schema::DataType;
use khabar::arrow::{self as ka, DocumentBatchBuilder};
use khabar::normalize::{Normalizer, Profile};
use pyo3::exceptions::{PyTypeError, PyUnicodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::batch::{all_or_panic, run_batch};
use crate::errors::{guard, normalize_error, threads_arg};
use crate::model::tagger_of;

use khabar::batch::{chunks, ANALYZE_CHUNK, NORMALIZE_ARRAY_CHUNK};

/// A `(schema, array)` pair of Arrow PyCapsules.
type Capsules<'py> = (Bound<'py, PyCapsule>, Bound<'py, PyCapsule>);

fn arrow_error(what: &str, e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("{what}: {e}"))
}

fn khabar_error(what: &str, e: &ka::Error) -> PyErr {
    match e {
        ka::Error::UnsupportedType(_) => PyTypeError::new_err(format!("{what}: {e}")),
        _ => PyValueError::new_err(format!("{what}: {e}")),
    }
}

/// The array data behind an `__arrow_c_array__()` capsule pair, moved into
/// Rust (the capsule's array is left released, as the protocol asks), not
/// yet validated.
#[allow(unsafe_code)]
fn import_data(schema: &Bound<'_, PyCapsule>, array: &Bound<'_, PyCapsule>) -> PyResult<ArrayData> {
    let s = schema.pointer_checked(Some(c"arrow_schema"))?;
    let a = array.pointer_checked(Some(c"arrow_array"))?;
    // SAFETY: capsules named "arrow_schema" / "arrow_array" hold an
    // ArrowSchema / ArrowArray of the Arrow C data interface (checked names,
    // non-null pointers). The schema is only borrowed, and lives as long as
    // its capsule, which `schema` keeps alive for this call. The array is
    // moved out (`from_raw` leaves a released, empty struct behind, so the
    // capsule's destructor does nothing); `from_ffi` checks it against the
    // schema and the returned data owns it, its release callback called on
    // drop.
    unsafe {
        let schema = &*s.as_ptr().cast::<FFI_ArrowSchema>();
        let array = FFI_ArrowArray::from_raw(a.as_ptr().cast::<FFI_ArrowArray>());
        from_ffi(array, schema)
    }
    .map_err(|e| arrow_error("cannot import the Arrow array", e))
}

fn invalid(e: impl std::fmt::Display) -> PyErr {
    PyUnicodeError::new_err(format!(
        "the Arrow array is not valid (pyarrow's validate(full=True) fails too): {e}"
    ))
}

/// The imported array, validated in full. The C data interface promises
/// nothing about the bytes: an array built from raw buffers
/// (`pa.Array.from_buffers`) can hold strings that are not UTF-8, and every
/// `&str` taken from it would then be invalid. Full validation (offsets in
/// bounds, UTF-8) is one linear pass, cheap next to the analysis.
fn import(schema: &Bound<'_, PyCapsule>, array: &Bound<'_, PyCapsule>) -> PyResult<ArrayRef> {
    let data = import_data(schema, array)?;
    data.validate_full().map_err(invalid)?;
    Ok(make_array(data))
}

/// [`import`] for a whole-document analysis: a string array whose only
/// fault is bytes that are not UTF-8 comes back as its binary twin (same
/// buffers, offsets validated), so that [`ka::text_rows`] gives each bad row
/// its own error and the other rows are analyzed (one stray byte in a Spark
/// partition must not fail the task).
fn import_rows(schema: &Bound<'_, PyCapsule>, array: &Bound<'_, PyCapsule>) -> PyResult<ArrayRef> {
    let data = import_data(schema, array)?;
    let Err(e) = data.validate_full() else {
        return Ok(make_array(data));
    };
    let twin = match data.data_type() {
        DataType::Utf8 => DataType::Binary,
        DataType::LargeUtf8 => DataType::LargeBinary,
        DataType::Utf8View => DataType::BinaryView,
        _ => return Err(invalid(e)),
    };
    // `build` validates the binary twin in full: offsets (or views) in
    // bounds; any fault other than UTF-8 fails here.
    let bin = data
        .into_builder()
        .data_type(twin)
        .build()
        .map_err(invalid)?;
    Ok(make_array(bin))
}

/// `array` as a `(schema, array)` capsule pair, which pyarrow (or any
/// consumer of the PyCapsule interface) takes over.
fn export<'py>(py: Python<'py>, array: &dyn Array) -> PyResult<Capsules<'py>> {
    let (a, s) = to_ffi(&array.to_data()).map_err(|e| arrow_error("cannot export", e))?;
    Ok((
        PyCapsule::new_with_value(py, s, c"arrow_schema")?,
        PyCapsule::new_with_value(py, a, c"arrow_array")?,
    ))
}

// The shape `run_batch` and `chunks` measure items with: `&T` of `T = Option<&str>`.
#[allow(clippy::ref_option, clippy::ref_option_ref)]
fn text_len(t: &Option<&str>) -> usize {
    t.map_or(0, str::len)
}

/// _arrow_analyze(schema, array, threads=None, tagger=None)
/// --
///
/// Analyze every string of an Arrow array (capsules of
/// `__arrow_c_array__()`); a record batch (as a struct array's capsules),
/// one row per input, with the GIL released.
#[pyfunction]
#[pyo3(signature = (schema, array, threads = None, tagger = None))]
fn _arrow_analyze<'py>(
    py: Python<'py>,
    schema: &Bound<'py, PyCapsule>,
    array: &Bound<'py, PyCapsule>,
    threads: Option<i64>,
    tagger: Option<&Bound<'py, PyAny>>,
) -> PyResult<Capsules<'py>> {
    const WHAT: &str = "khabar.arrow.analyze";
    let input = import_rows(schema, array)?;
    let rows = ka::text_rows(input.as_ref()).map_err(|e| khabar_error(WHAT, &e))?;
    let tagger = tagger_of(tagger)?;
    let threads = threads_arg(threads)?;
    let indexed: Vec<_> = rows.iter().enumerate().collect();
    let mut builder = DocumentBatchBuilder::new();
    // The facade analyzes each chunk (a panic on one document becomes its
    // row's error); here the GIL is released and Ctrl-C lands between chunks.
    for chunk in chunks(&indexed, ANALYZE_CHUNK, |(_, r)| {
        r.as_ref().map_or(0, text_len)
    }) {
        py.detach(|| {
            guard(
                WHAT,
                AssertUnwindSafe(|| builder.analyze(tagger, chunk, threads, WHAT)),
            )
        })?
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
        py.check_signals()?;
    }
    let out = py
        .detach(|| guard(WHAT, AssertUnwindSafe(|| builder.finish())))?
        .map_err(|e| arrow_error(WHAT, e))?;
    export(py, &StructArray::from(out))
}

/// _arrow_tag(schema, array, threads=None, tagger=None)
/// --
///
/// Tag every string of an Arrow array (each one document): the capsules of
/// a `list<struct<text, label, start, end, canonical, title, value, score,
/// kb_id>>` array, null where the input is null.
#[pyfunction]
#[pyo3(signature = (schema, array, threads = None, tagger = None))]
fn _arrow_tag<'py>(
    py: Python<'py>,
    schema: &Bound<'py, PyCapsule>,
    array: &Bound<'py, PyCapsule>,
    threads: Option<i64>,
    tagger: Option<&Bound<'py, PyAny>>,
) -> PyResult<Capsules<'py>> {
    const WHAT: &str = "khabar.arrow.tag";
    let input = import(schema, array)?;
    let texts = ka::texts(input.as_ref()).map_err(|e| khabar_error(WHAT, &e))?;
    let tagger = tagger_of(tagger)?;
    let results = run_batch(py, &texts, threads, ANALYZE_CHUNK, text_len, |t| {
        t.map(|s| tagger.tag(s))
    })?;
    let entities = all_or_panic(py, WHAT, "texts", results)?;
    let out = py
        .detach(|| {
            guard(
                WHAT,
                AssertUnwindSafe(|| ka::entities_array(&texts, &entities)),
            )
        })?
        .map_err(|e| khabar_error(WHAT, &e))?;
    export(py, out.as_ref())
}

/// _arrow_normalize(schema, array, profile="search", threads=None)
/// --
///
/// Normalize every string of an Arrow array with a named profile: the
/// capsules of a `utf8` array, null where the input is null.
#[pyfunction]
#[pyo3(signature = (schema, array, profile = "search", threads = None))]
fn _arrow_normalize<'py>(
    py: Python<'py>,
    schema: &Bound<'py, PyCapsule>,
    array: &Bound<'py, PyCapsule>,
    profile: &str,
    threads: Option<i64>,
) -> PyResult<Capsules<'py>> {
    const WHAT: &str = "khabar.arrow.normalize";
    let profile = Profile::from_name(profile).map_err(|e| normalize_error(&e))?;
    let n = Normalizer::for_profile(profile);
    let input = import(schema, array)?;
    let texts = ka::texts(input.as_ref()).map_err(|e| khabar_error(WHAT, &e))?;
    let results = run_batch(py, &texts, threads, NORMALIZE_ARRAY_CHUNK, text_len, |t| {
        t.map(|s| n.normalize(s))
    })?;
    let out = all_or_panic(py, WHAT, "texts", results)?;
    let out: arrow_array::StringArray = py.detach(|| {
        guard(
            WHAT,
            AssertUnwindSafe(|| out.iter().map(|o| o.as_deref()).collect()),
        )
    })?;
    export(py, &out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_arrow_analyze, m)?)?;
    m.add_function(wrap_pyfunction!(_arrow_tag, m)?)?;
    m.add_function(wrap_pyfunction!(_arrow_normalize, m)?)?;
    Ok(())
}
