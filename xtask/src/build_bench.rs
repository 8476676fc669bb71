//! Rebuild cost of generated code against the ideal hand-written Rust and
//! against typify.
//!
//! Writes three crates under `DIR`: `generated` (only `include_specs!` over
//! N synthetic specs, and the build script that notices new specs), `ideal`
//! (the same models written by hand) and `typify` (`typify::import_types!`
//! over the same models' JSON Schema). After one warm-up build of each, it
//! touches one input (a spec, the hand-written file, the schema) and times
//! the rebuild, alternating A B C A B C, ROUNDS times, for `cargo build` and
//! `cargo check`; it reports the median wall time and the peak memory of
//! each.

use crate::generate;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

/// A crate under test and the file whose touch makes it rebuild.
pub struct Crate {
    pub name: &'static str,
    pub dir: PathBuf,
    pub touch: PathBuf,
}

/// A scratch crate's manifest: `name`, then `rest` (its `[lib]` and
/// `[dependencies]` sections, and `[workspace]` when it stands alone).
fn manifest(name: &str, rest: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n{rest}"
    )
}

/// The dependency line on the facade crate at `facade`.
fn facade_dep(facade: &Path) -> String {
    format!(
        "token-models = {{ path = {:?} }}\n",
        facade.display().to_string()
    )
}

const SERDE_DEPS: &str = "serde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\nchrono = { version = \"0.4\", default-features = false, features = [\"std\", \"serde\"] }\n";

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

/// Writes the three crates (generated, ideal, typify); `workspace` is this
/// repository's root.
pub fn setup(n: usize, dir: &Path, workspace: &Path) -> std::io::Result<Vec<Crate>> {
    let generated = dir.join("generated");
    let ideal = dir.join("ideal");
    let typify = dir.join("typify");
    let facade = workspace.join("token-models");
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock"))?;

    generate::write(n, &generated)?;
    let _ = std::fs::remove_file(generated.join("ideal.rs"));
    let _ = std::fs::remove_file(generated.join("schema.json"));
    write(
        &generated.join("Cargo.toml"),
        &manifest(
            "bench-generated",
            &format!("[dependencies]\n{}\n[workspace]\n", facade_dep(&facade)),
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

    let models = generate::generate(n);
    write(
        &ideal.join("Cargo.toml"),
        &manifest(
            "bench-ideal",
            &format!("[dependencies]\n{SERDE_DEPS}\n[workspace]\n"),
        ),
    )?;
    write(&ideal.join("src/lib.rs"), &models.ideal)?;
    write(&ideal.join("Cargo.lock"), &lock)?;

    // typify's own dependencies (syn 2 among them) are resolved here, in
    // its crate's lock file, never in the workspace's.
    write(
        &typify.join("Cargo.toml"),
        &manifest(
            "bench-typify",
            &format!("[dependencies]\ntypify = \"0.8\"\n{SERDE_DEPS}\n[workspace]\n"),
        ),
    )?;
    write(&typify.join("schema.json"), &models.schema)?;
    write(
        &typify.join("src/lib.rs"),
        "//! typify on the same models.\n\ntypify::import_types!(schema = \"schema.json\");\n",
    )?;
    let fetched = Command::new("cargo")
        .arg("fetch")
        .current_dir(&typify)
        .status()?;
    if !fetched.success() {
        return Err(std::io::Error::other(
            "cargo fetch failed for the typify crate",
        ));
    }
    Ok(vec![
        Crate {
            name: "generated (include_specs!)",
            touch: generated.join("specs/models/model1.md"),
            dir: generated,
        },
        Crate {
            name: "ideal (hand-written)",
            touch: ideal.join("src/lib.rs"),
            dir: ideal,
        },
        Crate {
            name: "typify (import_types!)",
            touch: typify.join("schema.json"),
            dir: typify,
        },
    ])
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
    let crates = setup(n, dir, workspace)?;
    compare(&crates, n, rounds, 1, &["build", "check"])
}

/// Where the generated crate's extra cost comes from: the same generated
/// code compiled without the macro (its expansion written out as a file),
/// then with one part removed at a time, against the ideal (`cargo build`).
pub fn run_parts(n: usize, rounds: usize, dir: &Path, workspace: &Path) -> std::io::Result<String> {
    let all = setup(n, dir, workspace)?;
    let mut crates: Vec<Crate> = all.into_iter().take(2).collect();
    let parts = parts(n, dir, workspace, &crates[0])?;
    crates.extend(parts);
    // `cargo build` only: `cargo check` of the generated crate is already
    // at the ideal's time (BENCHMARKS.md), so the rest is in code generation.
    compare(&crates, n, rounds, 1, &["build"])
}

/// The generated crate in parts: without its build script, and its
/// expansion written out as a file, whole, without `Eq`/`Hash`, and
/// without the catalog.
fn parts(n: usize, dir: &Path, workspace: &Path, generated: &Crate) -> std::io::Result<Vec<Crate>> {
    let mut crates = Vec::new();
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock"))?;
    let facade = workspace.join("token-models");
    let (source, catalog_at) =
        crate::size::expand_synthetic(&generate::generate(n)).map_err(std::io::Error::other)?;
    let no_build_script = dir.join("generated-no-build-script");
    copy_crate(&generated.dir, &no_build_script)?;
    std::fs::remove_file(no_build_script.join("build.rs"))?;
    crates.push(Crate {
        name: "generated, no build script",
        touch: no_build_script.join("specs/models/model1.md"),
        dir: no_build_script,
    });
    let variants: [(&'static str, &str, String); 3] = [
        ("expanded", "expanded", source.clone()),
        (
            "expanded, no Eq/Hash",
            "expanded-no-eq-hash",
            without_eq_hash(&source),
        ),
        (
            "expanded, no catalog",
            "expanded-no-catalog",
            source[..catalog_at].to_owned(),
        ),
    ];
    for (name, folder, text) in variants {
        let krate = dir.join(folder);
        write(
            &krate.join("Cargo.toml"),
            &manifest(
                &format!("bench-{folder}"),
                &format!("[dependencies]\n{}\n[workspace]\n", facade_dep(&facade)),
            ),
        )?;
        write(&krate.join("src/lib.rs"), &text)?;
        write(&krate.join("Cargo.lock"), &lock)?;
        crates.push(Crate {
            name,
            touch: krate.join("src/lib.rs"),
            dir: krate,
        });
    }
    Ok(crates)
}

/// The generated source with `Eq` and `Hash` taken out of every derive
/// list (written bare in generated modules, through `__tm` where a model
/// has that name, in full at the root).
fn without_eq_hash(source: &str) -> String {
    const DROPPED: [&str; 6] = [
        "Eq",
        "Hash",
        "__tm::Eq",
        "__tm::Hash",
        "::core::cmp::Eq",
        "::core::hash::Hash",
    ];
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find("#[derive(") {
        let (before, list) = rest.split_at(at + "#[derive(".len());
        out.push_str(before);
        let end = list.find(")]").unwrap_or(list.len());
        let kept: Vec<&str> = list[..end]
            .split(", ")
            .filter(|d| !DROPPED.contains(d))
            .collect();
        out.push_str(&kept.join(", "));
        rest = &list[end..];
    }
    out.push_str(rest);
    out
}

/// Copies a crate's manifest, lock file, build script, sources and specs.
fn copy_crate(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for e in std::fs::read_dir(from.join(&rel))? {
            let e = e?;
            let name = rel.join(e.file_name());
            if e.file_type()?.is_dir() {
                if name != Path::new("target") {
                    stack.push(name);
                }
            } else {
                write(&to.join(&name), &std::fs::read_to_string(e.path())?)?;
            }
        }
    }
    Ok(())
}

/// Times each crate's rebuild after touching its input, alternating
/// between the crates, and reports medians relative to crate `base`.
fn compare(
    crates: &[Crate],
    n: usize,
    rounds: usize,
    base: usize,
    commands: &[&str],
) -> std::io::Result<String> {
    let mut report = format!(
        "N = {n}, {rounds} rounds, median wall time of the rebuild after touching one input; \
         ratio to the ideal; peak RSS\n\n| command |"
    );
    for c in crates {
        report.push_str(&format!(" {} |", c.name));
    }
    report.push_str("\n| --- |");
    report.push_str(&" ---: |".repeat(crates.len()));
    report.push('\n');
    for &sub in commands {
        // Warm up: dependencies and a first build.
        for c in crates {
            cargo(&c.dir, sub)?;
        }
        let mut times = vec![Vec::new(); crates.len()];
        let mut peaks = vec![0; crates.len()];
        for _ in 0..rounds {
            for (k, c) in crates.iter().enumerate() {
                touch(&c.touch)?;
                let (t, m) = cargo(&c.dir, sub)?;
                times[k].push(t);
                peaks[k] = peaks[k].max(m);
            }
        }
        let medians: Vec<f64> = times.into_iter().map(|t| median(t).as_secs_f64()).collect();
        let ideal = medians.get(base).copied().unwrap_or(1.0).max(f64::EPSILON);
        report.push_str(&format!("| cargo {sub} |"));
        for (m, peak) in medians.iter().zip(&peaks) {
            report.push_str(&format!(
                " {m:.2} s ({:.3}×, {} MiB) |",
                m / ideal,
                peak / 1024
            ));
        }
        report.push('\n');
    }
    Ok(report)
}

/// The instructions rustc executes to rebuild each crate of [`run`] after
/// its input is touched, counted by `valgrind --tool=callgrind` (which
/// must be installed): the rebuild comparison without this machine's
/// noise. The macros run as a default debug build leaves them, unoptimised.
pub fn run_instructions(n: usize, dir: &Path, workspace: &Path) -> std::io::Result<String> {
    let mut crates = setup(n, dir, workspace)?;
    // The generated crate's parts too, to tell what its extras cost.
    let parts = parts(n, dir, workspace, &crates[0])?;
    crates.extend(parts);
    let mut counts = Vec::new();
    for c in &crates {
        // Dependencies and a first build, then the rebuild's command line.
        cargo(&c.dir, "build")?;
        touch(&c.touch)?;
        let out = Command::new("cargo")
            .args(["build", "-v", "--offline"])
            .current_dir(&c.dir)
            .env("CARGO_TARGET_DIR", c.dir.join("target"))
            .output()?;
        let log = String::from_utf8_lossy(&out.stderr);
        let rustc = log
            .lines()
            .filter_map(|l| l.trim().strip_prefix("Running `"))
            .rfind(|l| l.contains("--crate-name bench_"))
            .and_then(|l| l.strip_suffix('`'))
            .ok_or_else(|| {
                std::io::Error::other(format!("no rustc command in `cargo build -v`:\n{log}"))
            })?
            .to_owned();
        touch(&c.touch)?;
        let profile = c.dir.join("target/callgrind.%p.out");
        let run = Command::new("valgrind")
            .args(["--tool=callgrind", "--trace-children=yes"])
            .arg(format!("--callgrind-out-file={}", profile.display()))
            .args(["sh", "-c", &rustc])
            .current_dir(&c.dir)
            .env("CARGO_MANIFEST_DIR", &c.dir)
            .output()?;
        let stderr = String::from_utf8_lossy(&run.stderr);
        // The shell's own count, if it did not exec rustc, is the smaller.
        let refs = stderr
            .lines()
            .filter_map(|l| l.split("I   refs:").nth(1))
            .filter_map(|v| v.trim().replace(',', "").parse::<u64>().ok())
            .max()
            .ok_or_else(|| std::io::Error::other(format!("no count from valgrind:\n{stderr}")))?;
        counts.push(refs);
    }
    let ideal = counts.get(1).copied().unwrap_or(1).max(1) as f64;
    let mut report = format!(
        "N = {n}: instructions of the rustc run that rebuilds each crate after its input is touched \
         (callgrind profiles in each crate's target/)\n\n| crate | instructions | ratio to the ideal |\n| --- | ---: | ---: |\n"
    );
    for (c, refs) in crates.iter().zip(&counts) {
        report.push_str(&format!(
            "| {} | {:.0} M | {:.3}× |\n",
            c.name,
            *refs as f64 / 1e6,
            *refs as f64 / ideal
        ));
    }
    Ok(report)
}

/// token-models-derive's clean build (with its dependencies) against its
/// unavoidable dependencies alone: syn 3 (full), quote, proc-macro2 and
/// pulldown-cmark without default features, under an empty proc-macro crate
/// (so that both build with the same profile settings: cargo builds a proc
/// macro's dependencies with `build-override`). Each crate is built from an
/// empty target directory, alternately, ROUNDS times, without incremental
/// compilation: token-models-derive is a path dependency here, which cargo
/// would build incrementally, while a user gets it from crates.io, built
/// once and not incrementally (like syn and the rest on both sides).
pub fn run_clean(rounds: usize, dir: &Path, workspace: &Path) -> std::io::Result<String> {
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock"))?;
    let derive = dir.join("derive");
    let deps = dir.join("deps");
    write(
        &derive.join("Cargo.toml"),
        &manifest(
            "clean-derive",
            &format!(
                "[dependencies]\ntoken-models-derive = {{ path = {:?} }}\n\n[workspace]\n",
                workspace.join("token-models-derive").display().to_string()
            ),
        ),
    )?;
    write(
        &deps.join("Cargo.toml"),
        &manifest(
            "clean-deps",
            "[lib]\nproc-macro = true\n\n[dependencies]\nsyn = { version = \"3\", features = [\"full\"] }\nquote = \"1\"\nproc-macro2 = \"1\"\npulldown-cmark = { version = \"0.13\", default-features = false }\n\n[workspace]\n",
        ),
    )?;
    for krate in [&derive, &deps] {
        write(
            &krate.join("src/lib.rs"),
            "//! Nothing: only the dependencies build.\n",
        )?;
        write(&krate.join("Cargo.lock"), &lock)?;
    }
    let mut report = format!(
        "{rounds} rounds, median wall time of `cargo build` from an empty target directory\n\n\
         | profile | token-models-derive and its dependencies | syn (full) + quote + proc-macro2 + pulldown-cmark | ratio |\n| --- | ---: | ---: | ---: |\n"
    );
    for (profile, args) in [("dev", &[][..]), ("release", &["--release"][..])] {
        let mut times = [Vec::new(), Vec::new()];
        for _ in 0..rounds {
            for (k, krate) in [&derive, &deps].into_iter().enumerate() {
                let target = krate.join("target");
                if target.exists() {
                    std::fs::remove_dir_all(&target)?;
                }
                let start = Instant::now();
                let status = Command::new("cargo")
                    .args(["build", "--offline", "--quiet"])
                    .args(args)
                    .current_dir(krate)
                    .env("CARGO_TARGET_DIR", &target)
                    .env("CARGO_INCREMENTAL", "0")
                    .status()?;
                if !status.success() {
                    return Err(std::io::Error::other(format!(
                        "cargo build in {} failed",
                        krate.display()
                    )));
                }
                times[k].push(start.elapsed());
            }
        }
        let [a, b] = times.map(|t| median(t).as_secs_f64());
        report.push_str(&format!(
            "| {profile} | {a:.2} s | {b:.2} s | {:.3} |\n",
            a / b.max(f64::EPSILON)
        ));
    }
    Ok(report)
}

/// One spec set split across crates: a spec tree of N synthetic specs in
/// PARTS folders (`part0` shared, the others linking to their own folder
/// and to `part0`, as an SDK's operations use its shared models), and a
/// workspace of one crate per folder (`only = "partK"`, `from_crates =
/// "part0 = bench_part0"`), built with cargo's default parallelism after
/// the shared dependencies. Reports wall time and the largest process's
/// peak memory.
pub fn run_split(n: usize, parts: usize, dir: &Path, workspace: &Path) -> std::io::Result<String> {
    let parts = parts.max(1);
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock"))?;
    let facade = workspace.join("token-models");
    let per_part = n.div_ceil(parts);
    let specs = dir.join("specs");
    if specs.exists() {
        std::fs::remove_dir_all(&specs)?;
    }
    for (i, (name, md)) in generate::generate(n).specs.into_iter().enumerate() {
        let part = i / per_part;
        write(
            &specs.join(format!("part{part}")).join(name),
            &split_links(&md, part, per_part),
        )?;
    }
    let members: Vec<String> = (0..parts).map(|k| format!("part{k}")).collect();
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members
                .iter()
                .map(|m| format!("{m:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )?;
    write(&dir.join("Cargo.lock"), &lock)?;
    for (k, member) in members.iter().enumerate() {
        let krate = dir.join(member);
        let (shared_dep, from) = if k == 0 {
            (String::new(), String::new())
        } else {
            (
                "bench-part0 = { path = \"../part0\" }\n".to_owned(),
                ", from_crates = \"part0 = bench_part0\"".to_owned(),
            )
        };
        write(
            &krate.join("Cargo.toml"),
            &manifest(
                &format!("bench-{member}"),
                &format!("[dependencies]\n{}{shared_dep}", facade_dep(&facade)),
            ),
        )?;
        write(
            &krate.join("build.rs"),
            "fn main() {\n    println!(\"cargo::rerun-if-changed=../specs\");\n}\n",
        )?;
        write(
            &krate.join("src/lib.rs"),
            &format!(
                "//! One part of a split spec tree.\n\ntoken_models::include_specs!(\"../specs\", only = \"{member}\"{from});\n"
            ),
        )?;
    }
    // The shared dependencies first, so that only the parts are timed.
    let status = Command::new("cargo")
        .args(["build", "--offline", "--quiet", "-p", "token-models"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .status()?;
    if !status.success() {
        return Err(std::io::Error::other("building token-models failed"));
    }
    let (time, peak) = cargo(dir, "build")?;
    Ok(format!(
        "{n} specs in {parts} crates of {per_part}: `cargo build` of the parts {:.1} s wall, \
         largest process {} MiB peak RSS\n",
        time.as_secs_f64(),
        peak / 1024
    ))
}

/// A synthetic spec's references moved into the split: one to a model of
/// the same part or of `part0` keeps its model, one to any other part's
/// model is redirected to the `part0` model of the same rank.
fn split_links(md: &str, part: usize, per_part: usize) -> String {
    let target = |m: usize| {
        if m / per_part == part {
            m
        } else {
            m % per_part
        }
    };
    let mut out = String::with_capacity(md.len());
    let mut rest = md;
    loop {
        let name = rest.find("models.Model");
        let link = rest.find("../models/model");
        let (at, prefix) = match (name, link) {
            (Some(a), Some(b)) if b < a => (b, "../models/model"),
            (Some(a), _) => (a, "models.Model"),
            (None, Some(b)) => (b, "../models/model"),
            (None, None) => break,
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + prefix.len()..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let m: usize = rest[..digits].parse().unwrap_or(0);
        let t = target(m);
        if prefix == "models.Model" {
            out.push_str(&format!("models.Model{t}"));
        } else {
            out.push_str(&format!("../part{}/model{t}", t / per_part));
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ablation_takes_eq_and_hash_out_of_every_derive() {
        let (source, _) = crate::size::expand_synthetic(&generate::generate(40)).expect("expands");
        let derives = |s: &str| -> Vec<String> {
            s.split("#[derive(")
                .skip(1)
                .map(|d| d[..d.find(")]").expect("closed")].to_owned())
                .collect()
        };
        let before = derives(&source);
        assert!(
            before.iter().any(|d| d.contains(", Eq, Hash,")),
            "no model derives Eq and Hash"
        );
        let without = without_eq_hash(&source);
        let after = derives(&without);
        assert_eq!(after.len(), before.len());
        for d in &after {
            // (A struct with a credential writes its own `Debug`.)
            assert!(
                d.starts_with("Debug, Clone, ") || d.starts_with("Clone, "),
                "{d}"
            );
            assert!(
                !d.split(", ")
                    .any(|t| t.ends_with("Eq") && !t.ends_with("PartialEq"))
                    && !d.contains("Hash"),
                "{d}"
            );
        }
        syn::parse_str::<syn::File>(&without).expect("still Rust");
    }
}
