//! Per-spec and per-model work spread over the machine's cores.
//!
//! Reading, parsing and writing one spec's models does not depend on the
//! others, so those stages map over contiguous chunks on scoped threads
//! and keep the results in input order: the output is the same whatever
//! the number of threads. The compiler runs a macro on one thread and
//! leaves the machine's other cores idle while it does (BENCHMARKS.md,
//! section 1).
//!
//! `TOKEN_MODELS_THREADS=1` (or any count) overrides the number of
//! threads; it changes how fast the macro runs, never what it writes.

use std::num::NonZeroUsize;
use std::sync::{Mutex, PoisonError};

/// Fewer items than this are not worth a thread.
const MIN_PER_THREAD: usize = 32;

/// At most this many threads, however many cores there are: the macro's
/// stages are short, and the compiler's other jobs need cores too.
const MAX_THREADS: usize = 8;

/// Spawned threads get the stack the compiler gives the macro's own
/// thread, so that deep input recurses as far on either.
const STACK_BYTES: usize = 8 << 20;

/// How many threads to use: `TOKEN_MODELS_THREADS` if set to a number,
/// else the available cores, at most [`MAX_THREADS`].
pub fn threads() -> usize {
    let from_env = std::env::var("TOKEN_MODELS_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok());
    from_env
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(1, NonZeroUsize::get)
                .min(MAX_THREADS)
        })
        .max(1)
}

/// `f` applied to every item with its index, in order, on up to
/// `threads` threads.
///
/// A thread that cannot be spawned leaves its chunk to the calling
/// thread; a panic in `f` is passed on to the caller as it would be
/// without threads.
pub fn map<T: Send, R: Send>(
    items: impl IntoIterator<Item = T>,
    threads: usize,
    f: impl Fn(usize, T) -> R + Sync,
) -> Vec<R> {
    let mut items: Vec<T> = items.into_iter().collect();
    let threads = threads.min(items.len() / MIN_PER_THREAD).max(1);
    let run = |start: usize, chunk: Vec<T>| -> Vec<R> {
        chunk
            .into_iter()
            .enumerate()
            .map(|(k, item)| f(start + k, item))
            .collect()
    };
    if threads == 1 {
        return run(0, items);
    }
    let size = items.len().div_ceil(threads);
    // Contiguous chunks, each in a slot that its thread empties; the
    // calling thread runs the first, and any whose thread did not start.
    let mut slots = Vec::with_capacity(threads);
    while items.len() > size {
        let rest = items.split_off(size);
        slots.push(Mutex::new(Some(std::mem::replace(&mut items, rest))));
    }
    slots.push(Mutex::new(Some(items)));
    let take = |k: usize| {
        slots[k]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .unwrap_or_default()
    };
    std::thread::scope(|scope| {
        let (run, take) = (&run, &take);
        let later: Vec<_> = (1..slots.len())
            .map(|k| {
                let spawned = std::thread::Builder::new()
                    .name("token-models".to_owned())
                    .stack_size(STACK_BYTES)
                    .spawn_scoped(scope, move || run(k * size, take(k)));
                (k, spawned.ok())
            })
            .collect();
        let mut out = run(0, take(0));
        for (k, handle) in later {
            match handle.map(|h| h.join()) {
                Some(Ok(part)) => out.extend(part),
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => out.extend(run(k * size, take(k))),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order_on_any_number_of_threads() {
        let items: Vec<usize> = (0..1_000).collect();
        let expected: Vec<(usize, usize)> = items.iter().map(|&x| (x, x * 2)).collect();
        for threads in [1, 2, 3, 7, 64] {
            let out = map(&items, threads, |i, &x| (i, x * 2));
            assert_eq!(out, expected, "{threads} threads");
        }
    }

    #[test]
    fn few_items_stay_on_the_calling_thread() {
        let me = std::thread::current().id();
        let items = [1, 2, 3];
        let ids = map(items, 8, |_, _| std::thread::current().id());
        assert!(ids.iter().all(|&id| id == me));
        let many: Vec<u8> = vec![0; MIN_PER_THREAD * 4];
        let ids = map(&many, 4, |_, _| std::thread::current().id());
        assert!(
            ids.iter().any(|&id| id != me),
            "no work left the calling thread"
        );
    }

    #[test]
    fn an_empty_input_maps_to_nothing() {
        let none: [u8; 0] = [];
        assert!(map(none, 4, |_, x| x).is_empty());
    }
}
