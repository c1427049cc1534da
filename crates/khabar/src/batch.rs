//! Batch processing: one function over many documents, in order, on rayon.
//!
//! Rayon is used because documents are independent and uneven in size: work
//! stealing keeps both cores busy when one article is ten times longer than
//! the next.

use std::collections::HashMap;
use std::fmt;
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
