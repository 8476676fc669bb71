//! Per-spec and per-model work spread over the machine's cores.
//!
//! Reading, parsing and writing one spec's models does not depend on the
//! others, so those stages map over contiguous chunks on scoped threads
//! and keep the results in input order: the output is the same whatever
//! the number of threads. The compiler runs a macro on one thread and
//! leaves the machine's other cores idle while it does (BENCHMARKS.md,
//! section 3).
//!
//! `TOKEN_MODELS_THREADS=1` (or any count) overrides the number of
//! threads; it changes how fast the macro runs, never what it writes.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

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

/// Work shorter than this (as [`map_timed`] foretells it from the first
/// item) is done on the calling thread alone. Starting a thread and
/// joining it costs a stage about 55 µs on the 2-core virtual machines
/// this was measured on (the `threads` group of `cargo bench -p xtask
/// --bench expand`; 65 µs unoptimised), so halving less work than this
/// gains little or nothing.
const WORTH_A_THREAD: Duration = Duration::from_micros(200);

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
    let f = |_: &mut (), i, item| f(i, item);
    spread(
        items.into_iter().collect(),
        0,
        Vec::new(),
        threads,
        &|| (),
        &f,
    )
}

/// [`map`] with state that each thread keeps from item to item (a cache of
/// what the items have in common): `init` makes a thread's state before
/// its first item. Which items share a state depends on the number of
/// threads, so `f`'s result must not depend on what the state holds.
pub fn map_with<T: Send, R: Send, S>(
    items: impl IntoIterator<Item = T>,
    threads: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize, T) -> R + Sync,
) -> Vec<R> {
    spread(
        items.into_iter().collect(),
        0,
        Vec::new(),
        threads,
        &init,
        &f,
    )
}

/// [`map`] for a stage whose items may be too quick to be worth a thread
/// (resolving a model's references takes about a microsecond, optimised):
/// the calling thread maps the first item and times it, and other threads
/// start only if the rest looks long enough. The stages that always are
/// (parsing a doc, writing a model) use [`map`], which does not make the
/// other threads wait for the first item.
pub fn map_timed<T: Send, R: Send>(
    items: impl IntoIterator<Item = T>,
    threads: usize,
    f: impl Fn(usize, T) -> R + Sync,
) -> Vec<R> {
    let mut items = items.into_iter();
    let Some(first) = items.next() else {
        return Vec::new();
    };
    let started = Instant::now();
    let first = f(0, first);
    let took = started.elapsed();
    let items: Vec<T> = items.collect();
    let threads = if worth_threads(took, items.len()) {
        threads
    } else {
        1
    };
    let f = |_: &mut (), i, item| f(i, item);
    spread(items, 1, vec![first], threads, &|| (), &f)
}

/// Appends `f` of every item (the first numbered `from`) to `out`, on up to
/// `threads` threads, each with its own state from `init`: the body the
/// maps share, taking `f` as a trait object so that it is compiled once per
/// item, result and state type.
fn spread<T: Send, R: Send, S>(
    mut items: Vec<T>,
    from: usize,
    mut out: Vec<R>,
    threads: usize,
    init: &(dyn Fn() -> S + Sync),
    f: &(dyn Fn(&mut S, usize, T) -> R + Sync),
) -> Vec<R> {
    out.reserve(items.len());
    let threads = threads.min((from + items.len()) / MIN_PER_THREAD).max(1);
    if threads == 1 {
        let mut state = init();
        for (k, item) in items.into_iter().enumerate() {
            out.push(f(&mut state, from + k, item));
        }
        return out;
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
        let mut state = None;
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= slots.len() {
                break;
            }
            let block = std::mem::take(&mut lock(k).0);
            let state = state.get_or_insert_with(init);
            let out: Vec<R> = block
                .into_iter()
                .enumerate()
                .map(|(j, item)| f(state, from + k * size + j, item))
                .collect();
            lock(k).1 = out;
        }
    };
    run_threads(threads, &work);
    for slot in slots {
        out.extend(slot.into_inner().unwrap_or_else(PoisonError::into_inner).1);
    }
    out
}

/// Whether `rest` more items, each taking about `took`, are worth
/// starting threads for.
fn worth_threads(took: Duration, rest: usize) -> bool {
    let rest = u32::try_from(rest).unwrap_or(u32::MAX);
    took.saturating_mul(rest) >= WORTH_A_THREAD
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

    /// A first item slow enough for [`map_timed`] to spread the rest.
    fn slow_first(i: usize) {
        if i == 0 {
            std::thread::sleep(WORTH_A_THREAD);
        }
    }

    #[test]
    fn keeps_input_order_on_any_number_of_threads() {
        let items: Vec<usize> = (0..1_000).collect();
        let expected: Vec<(usize, usize)> = items.iter().map(|&x| (x, x * 2)).collect();
        for threads in [1, 2, 3, 7, 64] {
            let out = map(&items, threads, |i, &x| (i, x * 2));
            assert_eq!(out, expected, "{threads} threads");
            let out = map_timed(&items, threads, |i, &x| {
                slow_first(i);
                (i, x * 2)
            });
            assert_eq!(out, expected, "{threads} threads, timed");
            let out = map_timed(&items, threads, |i, &x| (i, x * 2));
            assert_eq!(out, expected, "{threads} threads, timed, quick");
        }
    }

    #[test]
    fn each_thread_keeps_its_own_state_across_items() {
        let items: Vec<usize> = (0..1_000).collect();
        for threads in [1, 2, 3, 7] {
            let made = AtomicUsize::new(0);
            let init = || {
                made.fetch_add(1, Ordering::Relaxed);
                Vec::new()
            };
            // Each state sees its items in order, and never one twice.
            let out = map_with(&items, threads, init, |seen: &mut Vec<usize>, i, &x| {
                assert!(seen.last().is_none_or(|&last| last < i));
                seen.push(i);
                (i, x * 2)
            });
            let expected: Vec<(usize, usize)> = items.iter().map(|&x| (x, x * 2)).collect();
            assert_eq!(out, expected, "{threads} threads");
            let made = made.into_inner();
            assert!(
                (1..=threads).contains(&made),
                "{made} states for {threads} threads"
            );
        }
    }

    #[test]
    fn threads_start_only_for_work_worth_them() {
        let us = Duration::from_micros;
        // 100 models resolved (optimised): about 1 µs each.
        assert!(!worth_threads(us(1), 99));
        // 100 docs parsed: about 30 µs each.
        assert!(worth_threads(us(30), 99));
        assert!(worth_threads(us(1), 1_000));
        assert!(worth_threads(us(1), usize::MAX));
        assert!(!worth_threads(Duration::ZERO, usize::MAX));
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
        let slow = |_, _: &u8| {
            std::thread::sleep(Duration::from_millis(1));
            std::thread::current().id()
        };
        let elsewhere = |ids: Vec<std::thread::ThreadId>| ids.iter().any(|&id| id != me);
        assert!(
            elsewhere(map(&many, 4, slow)),
            "no work left the calling thread"
        );
        assert!(
            elsewhere(map_timed(&many, 4, slow)),
            "no timed work left the calling thread"
        );
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items: Vec<usize> = (0..MIN_PER_THREAD * 4).collect();
        for timed in [false, true] {
            let caught = std::panic::catch_unwind(|| {
                let f = |i: usize, _: &usize| {
                    slow_first(i);
                    if i == items.len() - 1 {
                        std::panic::panic_any("the last item");
                    }
                    i
                };
                if timed {
                    map_timed(&items, 4, f)
                } else {
                    map(&items, 4, f)
                }
            });
            let payload = caught.expect_err("the panic was lost");
            assert_eq!(payload.downcast_ref::<&str>(), Some(&"the last item"));
        }
    }

    #[test]
    fn an_empty_input_maps_to_nothing() {
        let none: [u8; 0] = [];
        assert!(map(none, 4, |_, x| x).is_empty());
    }
}
