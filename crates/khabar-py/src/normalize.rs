//! `khabar.normalize`, `khabar.Normalizer` and `khabar.NormalizedText`.

use std::borrow::Cow;
use std::sync::{Arc, Mutex};

use khabar::normalize::{CharAlignment, Normalizer, Profile, Rules};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::batch::{panic_error, run_batch_overlapped};
use crate::errors::{guard, index_arg, normalize_error};

/// Inputs shorter than this are normalized without releasing the GIL: for a
/// headline, releasing and taking it back costs more than the work.
pub(crate) const DETACH_BYTES: usize = 16 * 1024;

/// Text per chunk of `normalize_batch` (`khabar::batch::NORMALIZE_CHUNK`):
/// the calling thread turns a finished chunk into `str`s while the pool
/// normalizes the next.
const NORMALIZE_CHUNK: usize = khabar::batch::NORMALIZE_CHUNK;

/// A `normalize_batch` with less text than this and no `threads` runs on the
/// calling thread with the GIL held: releasing the GIL and waking the pool
/// cost more than the work (10 headlines took 5x the time of a loop).
const PARALLEL_MIN_BYTES: usize = 64 * 1024;

/// Run `f` with the GIL released when the input is large, and turn a panic
/// into `khabar.PanicError`.
pub(crate) fn run<T: Send>(
    py: Python<'_>,
    what: &str,
    bytes: usize,
    f: impl FnOnce() -> T + Send + std::panic::UnwindSafe,
) -> PyResult<T> {
    if bytes >= DETACH_BYTES {
        py.detach(|| guard(what, f))
    } else {
        guard(what, f)
    }
}

fn profile_from(name: &str) -> PyResult<Profile> {
    Profile::from_name(name).map_err(|e| normalize_error(&e))
}

/// The `str` argument as UTF-8, or `TypeError` naming what was given.
pub(crate) fn text_arg<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    name: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>().map_err(|_| {
        let ty = obj
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        PyTypeError::new_err(format!("{name} must be str, not {ty}"))
    })
}

/// `TypeError` when a batch function (`what`) is given one `str`, which would
/// otherwise be iterated character by character; `single` names the call
/// for one text (`khabar.tag(text)`).
pub(crate) fn not_one_str(texts: &Bound<'_, PyAny>, what: &str, single: &str) -> PyResult<()> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} expected a sequence of str, got str; use {single} for one text"
        )));
    }
    Ok(())
}

/// Every item of an iterable of `str` (not a `str` itself: see
/// [`not_one_str`]), or `TypeError` naming the first that is not one
/// (`texts[3] must be str, not bytes`).
pub(crate) fn str_list<'py>(
    texts: &Bound<'py, PyAny>,
    what: &str,
    single: &str,
) -> PyResult<Vec<Bound<'py, PyString>>> {
    not_one_str(texts, what, single)?;
    texts
        .try_iter()?
        .enumerate()
        .map(|(i, t)| {
            let t = t?;
            match t.cast_into::<PyString>() {
                Ok(s) => Ok(s),
                // The argument's name is formatted only for the error.
                Err(e) => text_arg(e.into_inner().as_any(), &format!("texts[{i}]")).cloned(),
            }
        })
        .collect()
}

/// The result as a Python `str`: the input object itself when nothing changed.
fn to_py_str<'py>(
    py: Python<'py>,
    input: &Bound<'py, PyString>,
    out: Cow<'_, str>,
) -> Bound<'py, PyString> {
    match out {
        Cow::Borrowed(_) => input.clone(),
        Cow::Owned(s) => PyString::new(py, &s),
    }
}

/// Normalize by reading the `str`'s own storage when CPython keeps it as 2- or
/// 4-byte code points (any Arabic text is at least 2-byte), which avoids
/// encoding the input to UTF-8 and decoding the result back: those two
/// conversions cost more than the normalization itself (BENCHMARKS.md).
/// `Ok(None)` means "use the UTF-8 path" (1-byte strings, or texts the wide
/// path refuses: NFC work, lone surrogates).
#[cfg(not(feature = "abi3"))]
#[allow(unsafe_code)]
pub(crate) fn normalize_native<'py>(
    py: Python<'py>,
    n: &Normalizer,
    input: &Bound<'py, PyString>,
) -> PyResult<Option<Bound<'py, PyString>>> {
    use pyo3::types::string::PyStringData;
    // SAFETY: `data` decodes the str's canonical storage (tested on x86_64,
    // the platform we build for). A str is immutable and `input` keeps it
    // alive for this whole call, so the slice stays valid, also while the GIL
    // is released below.
    let data = unsafe { input.data()? };
    match data {
        PyStringData::Ucs1(_) => Ok(None),
        PyStringData::Ucs2(units) => {
            let out = run(py, "normalize", units.len() * 2, || {
                n.normalize_ucs2(units).map(owned)
            })?;
            out.map(|o| {
                o.map_or_else(
                    || Ok(input.clone()),
                    |v| from_kind(py, pyo3::ffi::PyUnicode_2BYTE_KIND, &v),
                )
            })
            .transpose()
        }
        PyStringData::Ucs4(units) => {
            let out = run(py, "normalize", units.len() * 4, || {
                n.normalize_ucs4(units).map(owned)
            })?;
            out.map(|o| {
                o.map_or_else(
                    || Ok(input.clone()),
                    |v| from_kind(py, pyo3::ffi::PyUnicode_4BYTE_KIND, &v),
                )
            })
            .transpose()
        }
    }
}

/// `None` for an unchanged (borrowed) result.
#[cfg(not(feature = "abi3"))]
fn owned<T: Clone>(c: Cow<'_, [T]>) -> Option<Vec<T>> {
    match c {
        Cow::Borrowed(_) => None,
        Cow::Owned(v) => Some(v),
    }
}

/// A new `str` from code points of `kind` (2 or 4 bytes each).
#[cfg(not(feature = "abi3"))]
#[allow(unsafe_code)]
fn from_kind<'py, T>(
    py: Python<'py>,
    kind: std::ffi::c_uint,
    units: &[T],
) -> PyResult<Bound<'py, PyString>> {
    debug_assert_eq!(std::mem::size_of::<T>(), kind as usize);
    let len = isize::try_from(units.len()).map_err(|_| PyValueError::new_err("text too long"))?;
    // SAFETY: `units` is a live buffer of `len` code points of `kind` bytes
    // each (every one a valid code point: they come from a str or from
    // `char`s); CPython copies it and returns a new reference or NULL with an
    // exception set, which `from_owned_ptr_or_err` turns into `Err`.
    unsafe {
        let ptr =
            pyo3::ffi::PyUnicode_FromKindAndData(kind.cast_signed(), units.as_ptr().cast(), len);
        Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked())
    }
}

/// A str's storage, borrowed for a batch: its own 2- or 4-byte code points
/// where the full API allows, else UTF-8.
enum Storage<'a> {
    #[cfg(not(feature = "abi3"))]
    Ucs2(&'a [u16]),
    #[cfg(not(feature = "abi3"))]
    Ucs4(&'a [u32]),
    Utf8(&'a str),
}

/// A batch item's result, built into a `str` once the GIL is back.
enum Done {
    Same,
    #[cfg(not(feature = "abi3"))]
    Ucs2(Vec<u16>),
    #[cfg(not(feature = "abi3"))]
    Ucs4(Vec<u32>),
    Utf8(String),
    /// The wide path refused: redo through UTF-8.
    #[cfg(not(feature = "abi3"))]
    Fallback,
}

#[allow(unsafe_code)]
fn storage<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Storage<'a>> {
    #[cfg(not(feature = "abi3"))]
    {
        use pyo3::types::string::PyStringData;
        // SAFETY: as in `normalize_native`: the str is immutable and `items`
        // keeps it alive for the whole batch.
        match unsafe { s.data()? } {
            PyStringData::Ucs2(u) => return Ok(Storage::Ucs2(u)),
            PyStringData::Ucs4(u) => return Ok(Storage::Ucs4(u)),
            PyStringData::Ucs1(_) => {}
        }
    }
    Ok(Storage::Utf8(s.to_str()?))
}

impl Storage<'_> {
    fn bytes(&self) -> usize {
        match self {
            #[cfg(not(feature = "abi3"))]
            Storage::Ucs2(u) => u.len() * 2,
            #[cfg(not(feature = "abi3"))]
            Storage::Ucs4(u) => u.len() * 4,
            Storage::Utf8(s) => s.len(),
        }
    }

    fn normalize(&self, n: &Normalizer) -> Done {
        match self {
            #[cfg(not(feature = "abi3"))]
            Storage::Ucs2(u) => match n.normalize_ucs2(u) {
                Some(Cow::Borrowed(_)) => Done::Same,
                Some(Cow::Owned(v)) => Done::Ucs2(v),
                None => Done::Fallback,
            },
            #[cfg(not(feature = "abi3"))]
            Storage::Ucs4(u) => match n.normalize_ucs4(u) {
                Some(Cow::Borrowed(_)) => Done::Same,
                Some(Cow::Owned(v)) => Done::Ucs4(v),
                None => Done::Fallback,
            },
            Storage::Utf8(s) => match n.normalize(s) {
                Cow::Borrowed(_) => Done::Same,
                Cow::Owned(v) => Done::Utf8(v),
            },
        }
    }
}

impl Done {
    #[cfg_attr(feature = "abi3", allow(clippy::unnecessary_wraps))]
    fn into_py<'py>(
        self,
        py: Python<'py>,
        n: &Normalizer,
        input: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyString>> {
        let _ = n;
        match self {
            Done::Same => Ok(input.clone()),
            #[cfg(not(feature = "abi3"))]
            Done::Ucs2(v) => from_kind(py, pyo3::ffi::PyUnicode_2BYTE_KIND, &v),
            #[cfg(not(feature = "abi3"))]
            Done::Ucs4(v) => from_kind(py, pyo3::ffi::PyUnicode_4BYTE_KIND, &v),
            Done::Utf8(s) => Ok(PyString::new(py, &s)),
            #[cfg(not(feature = "abi3"))]
            Done::Fallback => {
                let s = input.to_str()?;
                Ok(to_py_str(py, input, n.normalize(s)))
            }
        }
    }
}

/// Normalize `input` with `n`: natively when possible, else through UTF-8.
fn normalize_str<'py>(
    py: Python<'py>,
    n: &Normalizer,
    input: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyString>> {
    #[cfg(not(feature = "abi3"))]
    if let Some(out) = normalize_native(py, n, input)? {
        return Ok(out);
    }
    let s = input.to_str()?;
    let out = run(py, "normalize", s.len(), || n.normalize(s))?;
    Ok(to_py_str(py, input, out))
}

/// normalize(text, profile="search")
/// --
///
/// Normalize `text` with a named profile ("display" or "search").
#[pyfunction]
#[pyo3(signature = (text, profile = "search"))]
pub(crate) fn normalize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    profile: &str,
) -> PyResult<Bound<'py, PyString>> {
    let profile = profile_from(profile)?;
    let input = text_arg(text, "text")?;
    normalize_str(py, Normalizer::for_profile(profile), input)
}

/// A set of normalization rules, compiled once.
///
/// `Normalizer(profile="search", **rules)`: start from a profile and switch
/// single rules on or off by name, e.g. `Normalizer("search",
/// fold_teh_marbuta=False)`.
#[pyclass(frozen, name = "Normalizer", module = "khabar")]
pub(crate) struct PyNormalizer {
    inner: Normalizer,
    profile: Profile,
    /// Alignment of the last `normalize_with_offsets` call, for `to_original`.
    last: Mutex<Option<Arc<CharAlignment>>>,
}

#[pymethods]
impl PyNormalizer {
    #[new]
    #[pyo3(signature = (profile = "search", **rules))]
    fn new(profile: &str, rules: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let profile = profile_from(profile)?;
        let mut r: Rules = profile.rules();
        if let Some(rules) = rules {
            for (k, v) in rules.iter() {
                let name: String = k.extract()?;
                let on: bool = v
                    .extract()
                    .map_err(|_| PyTypeError::new_err(format!("rule {name:?} must be a bool")))?;
                r.set(&name, on).map_err(|e| normalize_error(&e))?;
            }
        }
        Ok(Self {
            inner: Normalizer::new(r),
            profile,
            last: Mutex::new(None),
        })
    }

    /// The profile the rules started from.
    #[getter]
    fn profile(&self) -> &'static str {
        self.profile.name()
    }

    /// The rules, as a dict of name → bool.
    #[getter]
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for name in Rules::NAMES {
            d.set_item(
                *name,
                self.inner
                    .rules()
                    .get(name)
                    .map_err(|e| normalize_error(&e))?,
            )?;
        }
        Ok(d)
    }

    /// normalize(text)
    /// --
    ///
    /// The normalized text.
    fn normalize<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyString>> {
        let input = text_arg(text, "text")?;
        normalize_str(py, &self.inner, input)
    }

    /// normalize_batch(texts, threads=None)
    /// --
    ///
    /// Normalize a list of str on all cores (or `threads`), in order.
    #[pyo3(signature = (texts, threads = None))]
    fn normalize_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<i64>,
    ) -> PyResult<Bound<'py, PyList>> {
        let items = str_list(
            texts,
            "Normalizer.normalize_batch",
            "Normalizer.normalize(text)",
        )?;
        let stores: Vec<Storage<'_>> = items.iter().map(storage).collect::<PyResult<_>>()?;
        let n = &self.inner;
        let mut strs = Vec::with_capacity(items.len());
        if threads.is_none()
            && stores.iter().map(Storage::bytes).sum::<usize>() < PARALLEL_MIN_BYTES
        {
            // A few headlines: the loop of `normalize`, with the GIL held.
            for (index, (s, input)) in stores.iter().zip(&items).enumerate() {
                let done = khabar::batch::isolated(index, || s.normalize(n))
                    .map_err(|p| panic_error(py, &p, "normalize_batch", "texts"))?;
                strs.push(done.into_py(py, n, input)?);
            }
            return PyList::new(py, strs);
        }
        run_batch_overlapped(
            py,
            &stores,
            threads,
            NORMALIZE_CHUNK,
            Storage::bytes,
            |s| s.normalize(n),
            |chunk, done| {
                for (&(i, _), r) in chunk.iter().zip(done) {
                    let done = r.map_err(|p| panic_error(py, &p, "normalize_batch", "texts"))?;
                    strs.push(done.into_py(py, n, &items[i])?);
                }
                Ok(())
            },
        )?;
        PyList::new(py, strs)
    }

    /// normalize_with_offsets(text)
    /// --
    ///
    /// `(normalized, offsets)`: for each normalized character, the
    /// `(start, end)` code-point range of `text` it came from. Also stores
    /// the alignment on this object for `to_original`, replacing the previous
    /// call's.
    fn normalize_with_offsets<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<(Bound<'py, PyString>, Bound<'py, PyList>)> {
        let input = text_arg(text, "text")?;
        let s = input.to_str()?;
        let n = &self.inner;
        let (out, align) = run(py, "normalize_with_offsets", s.len(), || {
            n.normalize_aligned(s)
                .map(|a| (a.text().to_owned(), a.char_alignment()))
        })?
        .map_err(|e| normalize_error(&e))?;
        let offsets = PyList::new(py, align.ranges().iter().map(|&(a, b)| (a, b)))?;
        if let Ok(mut last) = self.last.lock() {
            *last = Some(Arc::new(align));
        }
        Ok((PyString::new(py, &out), offsets))
    }

    /// to_original(start, end)
    /// --
    ///
    /// Map the code-point span `start:end` of the text returned by the most
    /// recent `normalize_with_offsets` call on this object (from any thread)
    /// back to that call's input. Threads sharing a Normalizer must use
    /// `normalize_aligned` instead, whose result carries its own alignment.
    fn to_original(&self, start: i64, end: i64) -> PyResult<(usize, usize)> {
        let (start, end) = (index_arg(start, "start")?, index_arg(end, "end")?);
        let last = self.last.lock().ok().and_then(|l| l.clone());
        let Some(align) = last else {
            return Err(PyValueError::new_err(
                "to_original needs a previous normalize_with_offsets call on this Normalizer",
            ));
        };
        align
            .to_original(start, end)
            .map_err(|e| normalize_error(&e))
    }

    /// normalize_aligned(text)
    /// --
    ///
    /// A `NormalizedText` holding the normalized text and its own alignment:
    /// unaffected by later calls on this Normalizer, so safe when threads
    /// share it.
    fn normalize_aligned(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<PyNormalizedText> {
        let input = text_arg(text, "text")?;
        let s = input.to_str()?;
        let n = &self.inner;
        let (out, align) = run(py, "normalize_aligned", s.len(), || {
            n.normalize_aligned(s)
                .map(|a| (a.text().to_owned(), a.char_alignment()))
        })?
        .map_err(|e| normalize_error(&e))?;
        Ok(PyNormalizedText {
            text: out,
            original: input.clone().unbind(),
            align,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let changed: Vec<String> = Rules::NAMES
            .iter()
            .filter(|name| self.inner.rules().get(name).ok() != self.profile.rules().get(name).ok())
            .map(|name| {
                let on = self.inner.rules().get(name).unwrap_or(false);
                format!(", {name}={}", if on { "True" } else { "False" })
            })
            .collect();
        Ok(format!(
            "Normalizer({}{})",
            crate::py_repr(py, self.profile.name())?,
            changed.join("")
        ))
    }

    /// Pickle support: `(profile,), {rule: on, ...}`.
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::new(py, [self.profile.name()])?, self.rules(py)?))
    }
}

/// A normalized text with its alignment to the original (code points).
#[pyclass(frozen, name = "NormalizedText", module = "khabar")]
pub(crate) struct PyNormalizedText {
    text: String,
    original: Py<PyString>,
    align: CharAlignment,
}

#[pymethods]
impl PyNormalizedText {
    /// The normalized text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The original text.
    #[getter]
    fn original(&self, py: Python<'_>) -> Py<PyString> {
        self.original.clone_ref(py)
    }

    /// For each normalized character, the `(start, end)` range of the original.
    #[getter]
    fn offsets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.align.ranges().iter().map(|&(a, b)| (a, b)))
    }

    /// to_original(start, end)
    /// --
    ///
    /// Map the code-point span `start:end` of `text` back to `original`.
    fn to_original(&self, start: i64, end: i64) -> PyResult<(usize, usize)> {
        let (start, end) = (index_arg(start, "start")?, index_arg(end, "end")?);
        self.align
            .to_original(start, end)
            .map_err(|e| normalize_error(&e))
    }

    fn __len__(&self) -> usize {
        self.align.len()
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut head: String = self.text.chars().take(40).collect();
        if self.align.len() > 40 {
            head.push('…');
        }
        Ok(format!(
            "NormalizedText(text={}, len={})",
            crate::py_repr(py, head)?,
            self.align.len()
        ))
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_class::<PyNormalizer>()?;
    m.add_class::<PyNormalizedText>()?;
    m.add("PROFILES", PyTuple::new(m.py(), Profile::NAMES)?)?;
    m.add("RULES", PyTuple::new(m.py(), Rules::NAMES)?)?;
    Ok(())
}
