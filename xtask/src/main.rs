//! Benchmark tooling (see BENCHMARKS.md).
//!
//! - `cargo run -p xtask -- gen-specs N DIR` writes N synthetic
//!   Speakeasy-style specs (Python dialect) under `DIR/specs/`, and the same
//!   models as the ideal hand-written Rust (`DIR/ideal.rs`). The output is
//!   deterministic: the same N gives the same bytes.
//! - `cargo run -p xtask --release -- build-bench N ROUNDS DIR` times the
//!   rebuild of a crate generated from N specs against the hand-written one.

mod build_bench;
mod generate;

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
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo run -p xtask -- gen-specs N DIR");
    eprintln!("       cargo run -p xtask -- build-bench N ROUNDS DIR");
    ExitCode::FAILURE
}
