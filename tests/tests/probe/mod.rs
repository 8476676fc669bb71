//! Scratch crates that depend on `token-models`, built by cargo as a user's
//! would be: what the tests of real builds (rebuilds, warnings, split
//! trees) share. Each test binary uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

/// The target folder the scratch crates share: their dependencies are
/// built once.
pub fn shared_target() -> PathBuf {
    workspace()
        .join("target")
        .join("rebuild-probe")
        .join("target")
}

/// The manifest of a crate `name` that depends on `token-models`, with
/// `extra` dependency lines.
pub fn manifest(name: &str, extra: &str) -> String {
    let facade = workspace().join("token-models");
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\ntoken-models = {{ path = {:?} }}\n{extra}",
        facade.display().to_string()
    )
}

/// A binary crate `name` in `target/<name>`, a workspace of its own, with
/// the build script the README asks for; its `specs/` emptied. The
/// workspace's lock file pins the same versions, so builds are offline.
pub fn new_crate(name: &str) -> PathBuf {
    let probe = workspace().join("target").join(name);
    let _ = std::fs::remove_dir_all(probe.join("specs"));
    write(
        &probe.join("Cargo.toml"),
        &format!("{}\n[workspace]\n", manifest(name, "")),
    );
    std::fs::copy(workspace().join("Cargo.lock"), probe.join("Cargo.lock"))
        .expect("copy Cargo.lock");
    write(
        &probe.join("build.rs"),
        "fn main() {\n    println!(\"cargo::rerun-if-changed=specs\");\n}\n",
    );
    probe
}
