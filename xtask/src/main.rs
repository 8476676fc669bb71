//! Benchmark tooling (see BENCHMARKS.md).
//!
//! - `cargo run -p xtask -- gen-specs N DIR` writes N synthetic
//!   Speakeasy-style specs (Python dialect) under `DIR/specs/`, and the same
//!   models as the ideal hand-written Rust (`DIR/ideal.rs`) and as JSON
//!   Schema (`DIR/schema.json`). The output is deterministic: the same N
//!   gives the same bytes.
//! - `cargo run -p xtask --release -- build-bench N ROUNDS DIR` times the
//!   rebuild of a crate generated from N specs against the hand-written one
//!   and against typify's `import_types!` on the schema.
//! - `cargo run -p xtask --release -- rebuild-instructions N DIR` counts
//!   the instructions rustc executes for the same rebuilds, and for the
//!   generated crate's parts as `build-parts` makes them, with
//!   `valgrind --tool=callgrind`.
//! - `cargo run -p xtask --release -- build-parts N ROUNDS DIR` times the
//!   generated crate's parts: the expansion written out as a file, then
//!   without `Eq`/`Hash`, without the catalog, and the crate without its
//!   build script.
//! - `cargo run -p xtask --release -- clean-build ROUNDS DIR` times the
//!   clean build of token-models-derive against its unavoidable
//!   dependencies alone.
//! - `cargo run -p xtask --release -- split-bench N PARTS DIR` builds N
//!   specs split across PARTS crates of one workspace.
//! - `cargo run -p xtask -- size N` counts the lines of code generated for
//!   N specs against the ideal, both formatted by prettyplease.
//! - `xtask expand-once DIR SUBDIR` and `xtask floor-once DIR SUBDIR` run
//!   the macro's expansion of `DIR/SUBDIR` once (on `TOKEN_MODELS_THREADS`
//!   threads), or its floor once on one thread, for counting instructions
//!   with `valgrind --tool=callgrind`.

mod build_bench;
mod floor;
mod generate;
mod size;

// The macro's internals, included as the benchmarks include them (a
// proc-macro crate cannot be linked to).
#[allow(dead_code, unused_imports)]
#[path = "../../token-models-derive/src/internals/mod.rs"]
mod internals;

use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo run -p xtask -- gen-specs N DIR
       cargo run -p xtask --release -- build-bench N ROUNDS DIR
       cargo run -p xtask --release -- rebuild-instructions N DIR
       cargo run -p xtask --release -- build-parts N ROUNDS DIR
       cargo run -p xtask --release -- clean-build ROUNDS DIR
       cargo run -p xtask --release -- split-bench N PARTS DIR
       cargo run -p xtask -- size N
       xtask expand-once DIR SUBDIR
       xtask floor-once DIR SUBDIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let numbers = |texts: &[&String]| -> Option<Vec<usize>> {
        texts.iter().map(|t| t.parse().ok()).collect()
    };
    let Some((cmd, rest)) = args.split_first() else {
        return usage();
    };
    if let [dir, sub] = rest {
        match cmd.as_str() {
            "expand-once" => return finish(cmd, expand_once(Path::new(dir), sub)),
            "floor-once" => {
                let n = floor::floor(&Path::new(dir).join(sub), 1);
                return finish(cmd, Ok::<_, String>(format!("{n} headings and cells")));
            }
            _ => {}
        }
    }
    let (dir, counts) = match rest {
        [a, dir] => (PathBuf::from(dir), numbers(&[a])),
        [a, b, dir] => (PathBuf::from(dir), numbers(&[a, b])),
        [a] => (PathBuf::new(), numbers(&[a])),
        _ => return usage(),
    };
    let Some(counts) = counts else {
        return usage();
    };
    match (cmd.as_str(), counts.as_slice()) {
        ("gen-specs", &[n]) if rest.len() == 2 => finish(cmd, generate::write(n, &dir)),
        ("build-bench", &[n, rounds]) => finish(cmd, build_bench::run(n, rounds, &dir, &workspace)),
        ("rebuild-instructions", &[n]) if rest.len() == 2 => {
            finish(cmd, build_bench::run_instructions(n, &dir, &workspace))
        }
        ("build-parts", &[n, rounds]) => {
            finish(cmd, build_bench::run_parts(n, rounds, &dir, &workspace))
        }
        ("clean-build", &[rounds]) if rest.len() == 2 => {
            finish(cmd, build_bench::run_clean(rounds, &dir, &workspace))
        }
        ("split-bench", &[n, parts]) => {
            finish(cmd, build_bench::run_split(n, parts, &dir, &workspace))
        }
        ("size", &[n]) if rest.len() == 1 => finish(cmd, size::run(n)),
        _ => usage(),
    }
}

/// One expansion of `dir/sub`, as the macro does it (the source written,
/// not lexed).
fn expand_once(dir: &Path, sub: &str) -> Result<String, String> {
    let settings = internals::source::Settings::default();
    internals::expand::expand(dir, sub, settings, |e| {
        if let Some(d) = e.diagnostics.first() {
            return Err(format!(
                "{} diagnostics, the first: {d}",
                e.diagnostics.len()
            ));
        }
        let source = e.source();
        Ok(format!("{} bytes of Rust source", source.len()))
    })
}

/// Prints a command's report, or its error.
fn finish(cmd: &str, result: Result<impl Display, impl Display>) -> ExitCode {
    match result {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{cmd}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::FAILURE
}
