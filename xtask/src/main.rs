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

mod build_bench;
mod generate;
mod size;

// The macro's internals, included as the benchmarks include them (a
// proc-macro crate cannot be linked to).
#[allow(dead_code, unused_imports)]
#[path = "../../token-models-derive/src/internals/mod.rs"]
mod internals;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, n, dir] if cmd == "gen-specs" => match n.parse::<usize>() {
            Ok(n) => match generate::write(n, &PathBuf::from(dir)) {
                Ok(stats) => {
                    println!("{stats}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("gen-specs: {e}");
                    ExitCode::FAILURE
                }
            },
            Err(_) => usage(),
        },
        [cmd, n, rounds, dir] if cmd == "build-bench" => {
            match (n.parse::<usize>(), rounds.parse::<usize>()) {
                (Ok(n), Ok(rounds)) => {
                    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
                    match build_bench::run(n, rounds, &PathBuf::from(dir), &workspace) {
                        Ok(report) => {
                            println!("{report}");
                            ExitCode::SUCCESS
                        }
                        Err(e) => {
                            eprintln!("build-bench: {e}");
                            ExitCode::FAILURE
                        }
                    }
                }
                _ => usage(),
            }
        }
        [cmd, n, rounds, dir] if cmd == "build-parts" => {
            match (n.parse::<usize>(), rounds.parse::<usize>()) {
                (Ok(n), Ok(rounds)) => {
                    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
                    match build_bench::run_parts(n, rounds, &PathBuf::from(dir), &workspace) {
                        Ok(report) => {
                            println!("{report}");
                            ExitCode::SUCCESS
                        }
                        Err(e) => {
                            eprintln!("build-parts: {e}");
                            ExitCode::FAILURE
                        }
                    }
                }
                _ => usage(),
            }
        }
        [cmd, rounds, dir] if cmd == "clean-build" => match rounds.parse::<usize>() {
            Ok(rounds) => {
                let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
                match build_bench::run_clean(rounds, &PathBuf::from(dir), &workspace) {
                    Ok(report) => {
                        println!("{report}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("clean-build: {e}");
                        ExitCode::FAILURE
                    }
                }
            }
            Err(_) => usage(),
        },
        [cmd, n, parts, dir] if cmd == "split-bench" => {
            match (n.parse::<usize>(), parts.parse::<usize>()) {
                (Ok(n), Ok(parts)) => {
                    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
                    match build_bench::run_split(n, parts, &PathBuf::from(dir), &workspace) {
                        Ok(report) => {
                            println!("{report}");
                            ExitCode::SUCCESS
                        }
                        Err(e) => {
                            eprintln!("split-bench: {e}");
                            ExitCode::FAILURE
                        }
                    }
                }
                _ => usage(),
            }
        }
        [cmd, n] if cmd == "size" => match n.parse::<usize>().map(size::run) {
            Ok(Ok(report)) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Ok(Err(e)) => {
                eprintln!("size: {e}");
                ExitCode::FAILURE
            }
            Err(_) => usage(),
        },
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo run -p xtask -- gen-specs N DIR");
    eprintln!("       cargo run -p xtask -- build-bench N ROUNDS DIR");
    eprintln!("       cargo run -p xtask --release -- build-parts N ROUNDS DIR");
    eprintln!("       cargo run -p xtask --release -- clean-build ROUNDS DIR");
    eprintln!("       cargo run -p xtask --release -- split-bench N PARTS DIR");
    eprintln!("       cargo run -p xtask -- size N");
    ExitCode::FAILURE
}
