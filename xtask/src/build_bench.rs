//! Rebuild cost of generated code against the ideal hand-written Rust.
//!
//! Writes two crates under `DIR`: `generated` (only `include_specs!` over N
//! synthetic specs, and the build script that notices new specs) and `ideal`
//! (the same models written by hand). After one warm-up build of each, it
//! touches one spec (or the hand-written file) and times the rebuild,
//! alternating A B A B, ROUNDS times, for `cargo build` and `cargo check`;
//! it reports the median wall time and the peak memory of each.

use crate::generate;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

pub struct Setup {
    pub generated: PathBuf,
    pub ideal: PathBuf,
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

/// Writes both crates; `workspace` is this repository's root.
pub fn setup(n: usize, dir: &Path, workspace: &Path) -> std::io::Result<Setup> {
    let generated = dir.join("generated");
    let ideal = dir.join("ideal");
    let facade = workspace.join("token-models");
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock"))?;

    generate::write(n, &generated)?;
    let _ = std::fs::remove_file(generated.join("ideal.rs"));
    write(
        &generated.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"bench-generated\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\ntoken-models = {{ path = {:?} }}\n\n[workspace]\n",
            facade.display().to_string()
        ),
    )?;
    write(
        &generated.join("build.rs"),
        "fn main() {\n    println!(\"cargo::rerun-if-changed=specs\");\n}\n",
    )?;
    write(
        &generated.join("src/lib.rs"),
        "//! Generated.\n\ntoken_models::include_specs!(\"specs\");\n",
    )?;
    write(&generated.join("Cargo.lock"), &lock)?;

    let (_, ideal_rs, _) = generate::generate(n);
    write(
        &ideal.join("Cargo.toml"),
        "[package]\nname = \"bench-ideal\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\nchrono = { version = \"0.4\", default-features = false, features = [\"std\", \"serde\"] }\n\n[workspace]\n",
    )?;
    write(&ideal.join("src/lib.rs"), &ideal_rs)?;
    write(&ideal.join("Cargo.lock"), &lock)?;
    Ok(Setup { generated, ideal })
}

/// One timed cargo run: wall time and peak resident memory (KiB) of the
/// largest process, read from GNU time.
fn cargo(krate: &Path, subcommand: &str) -> std::io::Result<(Duration, u64)> {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args([
            "-f",
            "peak-kib %M",
            "cargo",
            subcommand,
            "--offline",
            "--quiet",
        ])
        .current_dir(krate)
        .env("CARGO_TARGET_DIR", krate.join("target"))
        .output()?;
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(std::io::Error::other(format!(
            "cargo {subcommand} in {} failed:\n{stderr}",
            krate.display()
        )));
    }
    let peak = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("peak-kib "))
        .filter_map(|v| v.trim().parse().ok())
        .next_back()
        .unwrap_or(0);
    Ok((elapsed, peak))
}

fn touch(path: &Path) -> std::io::Result<()> {
    std::fs::File::options()
        .write(true)
        .open(path)?
        .set_modified(SystemTime::now())
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs.get(xs.len() / 2).copied().unwrap_or_default()
}

/// Runs the comparison and returns a report.
pub fn run(n: usize, rounds: usize, dir: &Path, workspace: &Path) -> std::io::Result<String> {
    let s = setup(n, dir, workspace)?;
    let spec = s.generated.join("specs/models/model1.md");
    let hand = s.ideal.join("src/lib.rs");
    let mut report = format!(
        "N = {n}, {rounds} rounds, median wall time of the rebuild after touching one file\n\n"
    );
    report.push_str("| command | generated (include_specs!) | ideal (hand-written) | ratio | peak RSS generated / ideal |\n| --- | ---: | ---: | ---: | ---: |\n");
    for sub in ["build", "check"] {
        // Warm up: dependencies and a first build.
        cargo(&s.generated, sub)?;
        cargo(&s.ideal, sub)?;
        let (mut a, mut b, mut peak_a, mut peak_b) = (Vec::new(), Vec::new(), 0, 0);
        for _ in 0..rounds {
            touch(&spec)?;
            let (t, m) = cargo(&s.generated, sub)?;
            a.push(t);
            peak_a = peak_a.max(m);
            touch(&hand)?;
            let (t, m) = cargo(&s.ideal, sub)?;
            b.push(t);
            peak_b = peak_b.max(m);
        }
        let (ma, mb) = (median(a), median(b));
        report.push_str(&format!(
            "| cargo {sub} | {:.2} s | {:.2} s | {:.3} | {} / {} MiB |\n",
            ma.as_secs_f64(),
            mb.as_secs_f64(),
            ma.as_secs_f64() / mb.as_secs_f64().max(f64::EPSILON),
            peak_a / 1024,
            peak_b / 1024
        ));
    }
    Ok(report)
}
