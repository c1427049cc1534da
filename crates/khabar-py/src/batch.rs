//! One way to run a batch: the GIL released, on all cores (or `threads`), in
//! chunks so that Ctrl-C is honoured, and a panic on one document caught and
//! reported with that document's index instead of crashing the interpreter.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::errors::{guard, panic_message, threads_arg, PanicError};
use crate::pipeline::interruptible_chunks;

/// A document whose processing panicked (a bug in khabar).
#[derive(Debug, Clone)]
pub(crate) struct Panicked {
    /// Position of the document in the batch.
    pub(crate) index: usize,
    /// The panic payload, when it was a string.
    pub(crate) message: String,
}

impl Panicked {
    /// `"internal error in tag_batch on texts[3]: <message>"`.
    pub(crate) fn describe(&self, what: &str, arg: &str) -> String {
        format!(
            "internal error in {what} on {arg}[{}]: {} (a bug in khabar: please report it with this document)",
            self.index, self.message
        )
    }

    /// A `khabar.PanicError` naming the document; its `index` attribute is the
    /// document's position in the batch.
    pub(crate) fn into_err(self, py: Python<'_>, what: &str, arg: &str) -> PyErr {
        let err = PanicError::new_err(self.describe(what, arg));
        // Setting an attribute on a fresh exception instance cannot fail in
        // practice; if it did, the message still names the document.
        let _ = err.value(py).setattr("index", self.index);
        err
    }
}

/// `f` over `items` with the GIL released, on `threads` threads (`None`: all
/// cores; anything but a positive count is a `ValueError`), in chunks of
/// about `budget` bytes (`size` measures an item) with a signal check between
/// chunks. Each item's result is kept apart: a panic on item `i` gives
/// `Err(Panicked { index: i, .. })` and the rest of the batch still runs.
pub(crate) fn run_batch<T: Sync, R: Send>(
    py: Python<'_>,
    items: &[T],
    threads: Option<i64>,
    budget: usize,
    size: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync + Send,
) -> PyResult<Vec<Result<R, Panicked>>> {
    let mut out = Vec::with_capacity(items.len());
    run_batch_into(py, "batch", items, threads, budget, size, f, |_, done| {
        out.extend(done)
    })?;
    Ok(out)
}

/// [`run_batch`], handing each chunk's items and results to `sink` (still
/// with the GIL released; a panic there is a `PanicError` naming `what`)
/// instead of keeping them all: what a caller that folds results into one
/// output (an Arrow builder) needs, so that only one chunk of intermediate
/// results is alive at a time.
// The arguments are those of `run_batch` plus the name and the sink; a
// struct for them would only be unpacked again here.
#[allow(clippy::too_many_arguments)]
pub(crate) fn run_batch_into<T: Sync, R: Send>(
    py: Python<'_>,
    what: &str,
    items: &[T],
    threads: Option<i64>,
    budget: usize,
    size: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync + Send,
    mut sink: impl FnMut(&[(usize, &T)], Vec<Result<R, Panicked>>) + Send,
) -> PyResult<()> {
    // Checked before any work, also for an empty batch.
    let threads = threads_arg(threads)?;
    let indexed: Vec<(usize, &T)> = items.iter().enumerate().collect();
    for chunk in interruptible_chunks(&indexed, budget, |(_, t)| size(t)) {
        py.detach(|| {
            let done = khabar::batch::map_with(threads, chunk, |&(index, item)| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(item))).map_err(|p| {
                    Panicked {
                        index,
                        message: panic_message(p.as_ref()),
                    }
                })
            })
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
            guard(what, std::panic::AssertUnwindSafe(|| sink(chunk, done)))
        })?;
        // Ctrl-C lands here, between chunks, instead of after the whole batch.
        py.check_signals()?;
    }
    Ok(())
}

/// The results of [`run_batch`], or a `PanicError` for the first document
/// that panicked.
pub(crate) fn all_or_panic<R>(
    py: Python<'_>,
    what: &str,
    arg: &str,
    results: Vec<Result<R, Panicked>>,
) -> PyResult<Vec<R>> {
    results
        .into_iter()
        .map(|r| r.map_err(|p| p.into_err(py, what, arg)))
        .collect()
}

/// _batch_panic_probe(n, panic_at, threads=None)
/// --
///
/// For khabar's own tests only: run the batch machinery over `n` dummy
/// documents and panic on document `panic_at`, to check that the panic comes
/// back as `khabar.PanicError` naming that document. Returns
/// `list(range(n))` when `panic_at` is out of range.
#[pyfunction]
#[pyo3(signature = (n, panic_at, threads = None))]
pub(crate) fn _batch_panic_probe(
    py: Python<'_>,
    n: usize,
    panic_at: usize,
    threads: Option<i64>,
) -> PyResult<Vec<usize>> {
    let items: Vec<usize> = (0..n).collect();
    let results = run_batch(
        py,
        &items,
        threads,
        1024,
        |_| 64,
        |&i| {
            assert!(i != panic_at, "probe panic on document {i}");
            i
        },
    )?;
    all_or_panic(py, "_batch_panic_probe", "items", results)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_batch_panic_probe, m)?)?;
    Ok(())
}
