//! One way to run a batch: the GIL released, on all cores (or `threads`), in
//! chunks so that Ctrl-C is honoured, and a panic on one document caught and
//! reported with that document's index instead of crashing the interpreter.

use khabar::batch::{chunks, map_isolated, Panicked};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::errors::{threads_arg, PanicError};

/// A `khabar.PanicError` naming the document; its `index` attribute is the
/// document's position in the batch.
pub(crate) fn panic_error(py: Python<'_>, p: &Panicked, what: &str, arg: &str) -> PyErr {
    let err = PanicError::new_err(p.describe(what, arg));
    // Setting an attribute on a fresh exception instance cannot fail in
    // practice; if it did, the message still names the document.
    let _ = err.value(py).setattr("index", p.index);
    err
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
    let threads = threads_arg(threads)?;
    let mut out = Vec::with_capacity(items.len());
    let indexed: Vec<(usize, &T)> = items.iter().enumerate().collect();
    for chunk in chunks(&indexed, budget, |(_, t)| size(t)) {
        let done = py.detach(|| run_chunk(threads, chunk, &f))?;
        out.extend(done);
        // Ctrl-C lands here, between chunks, instead of after the whole batch.
        py.check_signals()?;
    }
    Ok(out)
}

/// `f` over one chunk on the pool, each item's panic caught apart.
fn run_chunk<T: Sync, R: Send>(
    threads: Option<usize>,
    chunk: &[(usize, &T)],
    f: &(impl Fn(&T) -> R + Sync),
) -> PyResult<Vec<Result<R, Panicked>>> {
    map_isolated(threads, chunk, f).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// [`run_batch`] for results that become Python objects, handed to `sink`
/// chunk by chunk on the calling thread (with the GIL). With more than one
/// thread the pool analyzes the next chunk while the calling thread turns
/// the finished one into Python objects: that conversion needs the GIL and
/// so runs on one thread, and overlapping it with the analysis keeps the
/// pool busy (without it, two threads were 1.58× one instead of ~1.9×;
/// BENCHMARKS.md). With one thread, chunks are analyzed and converted in
/// turn, nothing runs in the background. Ctrl-C is honoured between chunks
/// (the collector is paused while `sink` runs, see [`without_gc`]); an
/// error from `sink` stops the batch after the chunk being analyzed.
pub(crate) fn run_batch_overlapped<T: Sync, R: Send>(
    py: Python<'_>,
    items: &[T],
    threads: Option<i64>,
    budget: usize,
    size: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync + Send,
    mut sink: impl FnMut(&[(usize, &T)], Vec<Result<R, Panicked>>) -> PyResult<()>,
) -> PyResult<()> {
    let threads = threads_arg(threads)?;
    let indexed: Vec<(usize, &T)> = items.iter().enumerate().collect();
    let chunks = chunks(&indexed, budget, |(_, t)| size(t));
    // A finished chunk goes to `sink` between two signal checks: Ctrl-C
    // lands before the conversion or right after it.
    let mut deliver = |chunk, done: PyResult<_>| -> PyResult<()> {
        py.check_signals()?;
        without_gc(py, || sink(chunk, done?))?;
        py.check_signals()
    };
    if threads == Some(1) {
        for chunk in chunks {
            deliver(chunk, py.detach(|| run_chunk(threads, chunk, &f)))?;
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        // At most one finished chunk waits while the next is analyzed, so
        // the results alive at once stay bounded by ~3 chunks.
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let (chunks, f) = (&chunks, &f);
        scope.spawn(move || {
            for chunk in chunks {
                // A closed channel: the caller stopped (Ctrl-C or an error).
                if tx.send((chunk, run_chunk(threads, chunk, f))).is_err() {
                    break;
                }
            }
        });
        // `Receiver` is not `Sync`: the mutex lets the GIL-free wait borrow it.
        let rx = std::sync::Mutex::new(rx);
        for _ in 0..chunks.len() {
            let next = py.detach(|| rx.lock().ok().and_then(|r| r.recv().ok()));
            let Some((chunk, done)) = next else {
                return Err(PanicError::new_err(
                    "internal error in batch: the analysis thread stopped",
                ));
            };
            deliver(chunk, done)?;
        }
        Ok(())
    })
}

/// Run `f` (which builds Python objects) with Python's cyclic garbage
/// collector paused. Besides saving collections over objects that are all
/// alive, this keeps a Ctrl-C from landing in a collection: a collection
/// runs the `gc.callbacks` (hypothesis installs one), and a
/// `KeyboardInterrupt` raised inside one is printed and lost. (Raised in
/// Python code that `f` calls, it comes out of `f` as an error.)
fn without_gc<R>(py: Python<'_>, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    let gc = py.import("gc")?;
    let enabled = gc.call_method0("isenabled")?.is_truthy()?;
    if enabled {
        gc.call_method0("disable")?;
    }
    let out = f();
    if enabled {
        gc.call_method0("enable")?;
    }
    out
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
        .map(|r| r.map_err(|p| panic_error(py, &p, what, arg)))
        .collect()
}

/// _batch_panic_probe(n, panic_at, threads=None, overlapped=False)
/// --
///
/// For khabar's own tests only: run the batch machinery (`run_batch`, or
/// with `overlapped` the runner of `analyze_batch` and `khabar.arrow`)
/// over `n` dummy documents and panic on document `panic_at`, to check
/// that the panic comes back as `khabar.PanicError` naming that document.
/// Returns `list(range(n))` when `panic_at` is out of range.
#[pyfunction]
#[pyo3(signature = (n, panic_at, threads = None, overlapped = false))]
pub(crate) fn _batch_panic_probe(
    py: Python<'_>,
    n: usize,
    panic_at: usize,
    threads: Option<i64>,
    overlapped: bool,
) -> PyResult<Vec<usize>> {
    let items: Vec<usize> = (0..n).collect();
    let probe = |&i: &usize| {
        assert!(i != panic_at, "probe panic on document {i}");
        i
    };
    let results = if overlapped {
        let mut out = Vec::new();
        run_batch_overlapped(
            py,
            &items,
            threads,
            1024,
            |_| 64,
            probe,
            |_, done| {
                out.extend(done);
                Ok(())
            },
        )?;
        out
    } else {
        run_batch(py, &items, threads, 1024, |_| 64, probe)?
    };
    all_or_panic(py, "_batch_panic_probe", "items", results)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_batch_panic_probe, m)?)?;
    Ok(())
}
