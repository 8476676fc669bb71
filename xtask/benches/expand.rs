//! Expansion speed: the macro's own work (read, parse, resolve, generate
//! tokens) against its floor, pulldown-cmark alone reading and parsing the
//! same files. Over N = 100, 1,000 and 5,000 synthetic specs and, when
//! `../shared/corpus` is beside the checkout, the whole shared corpus.
//!
//! ```text
//! cargo bench -p xtask --bench expand                 # optimised
//! cargo bench -p xtask --bench expand --profile dev   # unoptimised, as proc macros build by default
//! TOKEN_MODELS_THREADS=1 cargo bench -p xtask --bench expand   # the macro on one core
//! ```
//!
//! The macro reads specs on all cores (`internals::par`), so the floor is
//! measured both on one core and on all of them; the `threads` group
//! measures what starting a thread costs a stage.
//!
//! Inside rustc the macro allocates with rustc's allocator, jemalloc;
//! `--features jemalloc` measures with it (both sides), the default with
//! the system's.

#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[allow(dead_code, unused_imports)]
#[path = "../../token-models-derive/src/internals/mod.rs"]
mod internals;

#[path = "../src/generate.rs"]
mod generate;

#[path = "../src/floor.rs"]
mod floor;

use floor::floor;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::path::{Path, PathBuf};

/// The threads the macro would use here (`TOKEN_MODELS_THREADS=1` for one).
fn threads() -> usize {
    internals::par::threads()
}

/// Everything the macro does but hand tokens to the compiler.
fn expand(base: &Path, dir: &str) -> usize {
    let settings = internals::source::Settings::default();
    internals::expand::expand(base, dir, settings, |e| {
        assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics.first());
        e.source().len()
    })
}

fn bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                total += e.metadata().map_or(0, |m| m.len());
            }
        }
    }
    total
}

fn synthetic(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-specs");
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    for n in [100, 1_000, 5_000] {
        let dir = root.join(n.to_string());
        generate::write(n, &dir).expect("write specs");
        group.throughput(Throughput::Bytes(bytes(&dir.join("specs"))));
        group.bench_with_input(
            BenchmarkId::new("pulldown-cmark floor", n),
            &dir,
            |b, dir| b.iter(|| floor(&dir.join("specs"), 1)),
        );
        group.bench_with_input(
            BenchmarkId::new("pulldown-cmark floor, all cores", n),
            &dir,
            |b, dir| b.iter(|| floor(&dir.join("specs"), threads())),
        );
        group.bench_with_input(BenchmarkId::new("expand", n), &dir, |b, dir| {
            b.iter(|| expand(dir, "specs"))
        });
    }
    group.finish();
}

/// What a second thread costs a stage: `par::map` over 64 items that take
/// no time, on one thread and on two (one started and joined).
fn thread_cost(c: &mut Criterion) {
    let items: Vec<usize> = (0..64).collect();
    let mut group = c.benchmark_group("threads");
    for threads in [1, 2] {
        group.bench_with_input(
            BenchmarkId::new("par::map of 64 empty items", threads),
            &threads,
            |b, &threads| b.iter(|| internals::par::map(&items, threads, |_, &x| x).len()),
        );
    }
    group.finish();
}

const TREES: &[&str] = &[
    "csharp/speakeasy-api__speakeasy-client-sdk-csharp",
    "go/speakeasy-api__speakeasy-client-sdk-go",
    "java/speakeasy-api__speakeasy-client-sdk-java",
    "java/speakeasy-sdks-dev__speakeasy-client-sdk-java",
    "php/speakeasy-api__speakeasy-client-sdk-php",
    "python/mistralai__client-python",
    "ruby/authlete__authlete-ruby-sdk",
    "ruby/speakeasy-api__speakeasy-client-sdk-ruby",
    "typescript/mistralai__client-ts",
];

fn corpus(c: &mut Criterion) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if !base.is_dir() {
        eprintln!("no {}: the corpus benchmark is not run", base.display());
        return;
    }
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(
        TREES.iter().map(|t| bytes(&base.join(t))).sum(),
    ));
    group.bench_function("pulldown-cmark floor", |b| {
        b.iter(|| TREES.iter().map(|t| floor(&base.join(t), 1)).sum::<usize>())
    });
    group.bench_function("pulldown-cmark floor, all cores", |b| {
        b.iter(|| {
            TREES
                .iter()
                .map(|t| floor(&base.join(t), threads()))
                .sum::<usize>()
        })
    });
    group.bench_function("expand", |b| {
        b.iter(|| TREES.iter().map(|t| expand(&base, t)).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, thread_cost, synthetic, corpus);
criterion_main!(benches);
