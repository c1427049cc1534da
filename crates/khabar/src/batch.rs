//! Batch processing: one function over many documents, in order, on rayon;
//! the one check of a `threads` argument ([`threads`]), the one per-document
//! panic isolation ([`isolated`]) and the one way to cut a batch into
//! chunks between which a caller can stop ([`chunks`]).
//!
//! Rayon is used because documents are independent and uneven in size: work
//! stealing keeps both cores busy when one article is ten times longer than
//! the next.

use std::collections::HashMap;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use rayon::ThreadPool;

/// A thread pool that could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// `f` over `items` on the global rayon pool, results in input order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    items.par_iter().map(f).collect()
}

/// Pools by size, built once: building a pool costs far more than a batch of
/// headlines.
fn pool(threads: usize) -> Result<Arc<ThreadPool>, Error> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();
    let pools = POOLS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut pools = pools.lock().map_err(|_| Error {
        message: "thread pool registry poisoned".into(),
    })?;
    if let Some(p) = pools.get(&threads) {
        return Ok(Arc::clone(p));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("khabar-{i}"))
        .build()
        .map_err(|e| Error {
            message: format!("cannot build a pool of {threads} threads: {e}"),
        })?;
    let p = Arc::new(p);
    pools.insert(threads, Arc::clone(&p));
    Ok(p)
}

/// `f` over `items` on `threads` threads (`None`: the global pool, one thread
/// per core), results in input order. `Some(0)` is an error.
pub fn map_with<T: Sync, R: Send>(
    threads: Option<usize>,
    items: &[T],
    f: impl Fn(&T) -> R + Sync + Send,
) -> Result<Vec<R>, Error> {
    match threads {
        None => Ok(map(items, f)),
        Some(0) => Err(Error {
            message: "threads must be at least 1".into(),
        }),
        Some(1) => Ok(items.iter().map(f).collect()),
        Some(n) => Ok(pool(n)?.install(|| map(items, f))),
    }
}

/// A `threads` argument as given by a caller (Python's `threads=`): `None`
/// (all cores) or a positive count; anything else is an error with the
/// message every batch function gives.
pub fn threads(threads: Option<i64>) -> Result<Option<usize>, Error> {
    threads
        .map(|t| {
            usize::try_from(t)
                .ok()
                .filter(|&n| n >= 1)
                .ok_or_else(|| Error {
                    message: format!("threads must be a positive int or None, not {t}"),
                })
        })
        .transpose()
}

/// A document whose processing panicked (a bug in khabar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panicked {
    /// Position of the document in the batch.
    pub index: usize,
    /// The panic payload, when it was a string.
    pub message: String,
}

impl Panicked {
    /// `"internal error in tag_batch on texts[3]: <message> (a bug …)"`:
    /// `what` names the call, `arg` the batch argument.
    pub fn describe(&self, what: &str, arg: &str) -> String {
        format!(
            "internal error in {what} on {arg}[{}]: {} (a bug in khabar: please report it with this document)",
            self.index, self.message
        )
    }
}

impl fmt::Display for Panicked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document {} panicked: {}", self.index, self.message)
    }
}

/// The text of a panic payload (`panic!("...")` gives a `&str` or a `String`).
pub fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// `f()` for the document at `index` of a batch, a panic caught and
/// returned as [`Panicked`] so that the rest of the batch goes on: the one
/// per-document isolation of batches, Arrow and the Python bindings.
pub fn isolated<R>(index: usize, f: impl FnOnce() -> R) -> Result<R, Panicked> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| Panicked {
        index,
        message: panic_message(p.as_ref()),
    })
}

/// `f` over `items` (each paired with its index in the whole batch) on
/// `threads` threads, each item [`isolated`].
pub fn map_isolated<T: Sync, R: Send>(
    threads: Option<usize>,
    items: &[(usize, &T)],
    f: impl Fn(&T) -> R + Sync + Send,
) -> Result<Vec<Result<R, Panicked>>, Error> {
    map_with(threads, items, |&(index, item)| isolated(index, || f(item)))
}

/// Text per chunk of an analysis (or tagging) batch: a fraction of a second
/// of work for the tagger, yet enough to keep every core busy within a
/// chunk.
pub const ANALYZE_CHUNK: usize = 256 * 1024;

/// Text per chunk of a batch of normalizations returned as separate strings
/// (about a millisecond of work). A chunk's buffers are freed before the
/// chunk after next is made: the allocator hands the same warm memory back
/// instead of fresh pages the kernel must zero, which cost a batch more
/// than the normalization itself when the whole batch was one chunk
/// (BENCHMARKS.md).
pub const NORMALIZE_CHUNK: usize = 1 << 20;

/// Text per chunk of a normalization into one Arrow array (about 1 GB/s).
pub const NORMALIZE_ARRAY_CHUNK: usize = 64 << 20;

/// A batch cut into consecutive chunks of about `budget` bytes each
/// (`size` measures an item; every item counts 64 bytes more), so that a
/// caller can check for a stop (Ctrl-C) between chunks.
pub fn chunks<T>(items: &[T], budget: usize, size: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        bytes += size(item) + 64;
        if bytes >= budget {
            chunks.push(&items[start..=i]);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < items.len() {
        chunks.push(&items[start..]);
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_batch_in_order() {
        let items: Vec<usize> = (0..100).collect();
        let parts = chunks(&items, 1000, |_| 100);
        assert!(parts.iter().all(|c| c.len() <= 7));
        assert_eq!(parts.concat(), items);
        assert!(chunks(&items[..0], 10, |_| 1).is_empty());
    }

    #[test]
    fn threads_are_checked_once() {
        assert_eq!(threads(None), Ok(None));
        assert_eq!(threads(Some(2)), Ok(Some(2)));
        for bad in [0, -1] {
            let e = threads(Some(bad)).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("threads must be a positive int or None, not {bad}")
            );
        }
    }

    #[test]
    fn a_panic_is_kept_to_its_document() {
        let items: Vec<usize> = (0..5).collect();
        let indexed: Vec<(usize, &usize)> = items.iter().enumerate().collect();
        let out = map_isolated(Some(2), &indexed, |&i| {
            assert!(i != 3, "boom on {i}");
            i
        })
        .unwrap();
        assert_eq!(out[2], Ok(2));
        let p = out[3].clone().unwrap_err();
        assert_eq!((p.index, p.message.as_str()), (3, "boom on 3"));
        assert!(p
            .describe("x", "texts")
            .starts_with("internal error in x on texts[3]: boom on 3"));
    }
}
