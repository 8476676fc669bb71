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
use std::sync::atomic::{AtomicUsize, Ordering};
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

/// Each thread's share of the items is cut into this many blocks, handed
/// out in order to whichever thread is free: a thread slowed by heavier
/// docs (or by the compiler's other jobs) takes fewer, instead of leaving
/// the others idle at the end.
const BLOCKS_PER_THREAD: usize = 4;

/// `f` applied to every item with its index, in order, on up to
/// `threads` threads.
///
/// A thread that cannot be spawned leaves its blocks to the others and the
/// calling thread; a panic in `f` is passed on to the caller as it would
/// be without threads.
pub fn map<T: Send, R: Send>(
    items: impl IntoIterator<Item = T>,
    threads: usize,
    f: impl Fn(usize, T) -> R + Sync,
) -> Vec<R> {
    let mut items: Vec<T> = items.into_iter().collect();
    let threads = threads.min(items.len() / MIN_PER_THREAD).max(1);
    if threads == 1 {
        return items
            .into_iter()
            .enumerate()
            .map(|(k, item)| f(k, item))
            .collect();
    }
    let size = items.len().div_ceil(threads * BLOCKS_PER_THREAD);
    // Contiguous blocks, each in a slot: whichever thread takes block `k`
    // takes its items out and puts its results in.
    let mut slots = Vec::with_capacity(threads * BLOCKS_PER_THREAD);
    while items.len() > size {
        let rest = items.split_off(size);
        slots.push(Mutex::new((
            std::mem::replace(&mut items, rest),
            Vec::new(),
        )));
    }
    slots.push(Mutex::new((items, Vec::new())));
    let lock = |k: usize| slots[k].lock().unwrap_or_else(PoisonError::into_inner);
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= slots.len() {
                break;
            }
            let block = std::mem::take(&mut lock(k).0);
            let out: Vec<R> = block
                .into_iter()
                .enumerate()
                .map(|(j, item)| f(k * size + j, item))
                .collect();
            lock(k).1 = out;
        }
    };
    run_threads(threads, &work);
    slots
        .into_iter()
        .flat_map(|slot| slot.into_inner().unwrap_or_else(PoisonError::into_inner).1)
        .collect()
}

/// Runs `work` on the calling thread and on `threads - 1` more, until it
/// returns on each. A thread that cannot start is simply not there. Not
/// generic, so that the threading code is compiled once rather than once
/// per caller.
fn run_threads(threads: usize, work: &(dyn Fn() + Sync)) {
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .name("token-models".to_owned())
                    .stack_size(STACK_BYTES)
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        work();
        for handle in others {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
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
        // Items slow enough that the calling thread cannot take them all
        // before another thread starts.
        let many: Vec<u8> = vec![0; MIN_PER_THREAD * 4];
        let ids = map(&many, 4, |_, _| {
            std::thread::sleep(std::time::Duration::from_millis(1));
            std::thread::current().id()
        });
        assert!(
            ids.iter().any(|&id| id != me),
            "no work left the calling thread"
        );
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items: Vec<usize> = (0..MIN_PER_THREAD * 4).collect();
        let caught = std::panic::catch_unwind(|| {
            map(&items, 4, |i, _| {
                if i == items.len() - 1 {
                    std::panic::panic_any("the last item");
                }
                i
            })
        });
        let payload = caught.expect_err("the panic was lost");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"the last item"));
    }

    #[test]
    fn an_empty_input_maps_to_nothing() {
        let none: [u8; 0] = [];
        assert!(map(none, 4, |_, x| x).is_empty());
    }
}
