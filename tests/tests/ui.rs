//! Bad specs are compile errors that point into the spec (trybuild UI tests:
//! `tests/ui/*.rs` and the `.stderr` each must produce), and the snapshots of
//! the generated code compile.
//!
//! trybuild compiles the cases in a crate of its own under
//! `target/tests/trybuild/`, which is where `include_specs!` looks for specs,
//! so the cases' specs are copied there first. The two that would need odd
//! files in the repository (a non-UTF-8 file and one over the size bound) are
//! written there instead.

use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// `<target>/tests/trybuild/<this crate>/`: the test binary is in `<target>/debug/deps/`.
fn trybuild_project() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let target = exe.ancestors().nth(3).expect("target folder");
    target
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"))
}

#[test]
fn bad_specs_are_compile_errors_and_snapshots_compile() {
    let specs = trybuild_project().join("specs");
    let _ = std::fs::remove_dir_all(&specs);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/specs"),
        &specs,
    );

    let non_utf8 = specs.join("non_utf8");
    std::fs::create_dir_all(&non_utf8).expect("create folder");
    std::fs::write(
        non_utf8.join("latin1.md"),
        b"# Caf\xe9\n\nA doc saved as Latin-1.\n",
    )
    .expect("write");

    let oversize = specs.join("oversize");
    std::fs::create_dir_all(&oversize).expect("create folder");
    let mut big = b"# Big\n\n".to_vec();
    big.resize(4 * 1024 * 1024 + 1, b'x');
    std::fs::write(oversize.join("big.md"), big).expect("write");

    // One `TestCases`: trybuild builds its cases in one project, which two
    // tests running at once would both rewrite.
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.pass(snapshots_case());
}

/// A case that compiles the snapshot files of the generated code
/// (`token-models-derive/src/tests/snapshots/`) as they are: each whole
/// invocation in a module of its own, and the per-spec ones of each
/// repository folder together in a module that imports what a generated
/// module imports. The split tree's snapshot names models of another crate
/// and is left out.
fn snapshots_case() -> PathBuf {
    let snapshots =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../token-models-derive/src/tests/snapshots");
    let out = trybuild_project().join("snapshots");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("create folder");
    let mut names: Vec<String> = std::fs::read_dir(&snapshots)
        .expect("read the snapshots")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".snap").map(str::to_owned))
        .filter(|n| !n.starts_with("split__"))
        .collect();
    names.sort();
    let mut folders: Vec<(String, Vec<PathBuf>)> = Vec::new();
    let mut case = String::from("#![allow(dead_code, deprecated, non_snake_case)]\n\n");
    for name in &names {
        let text = std::fs::read_to_string(snapshots.join(format!("{name}.snap")))
            .expect("read a snapshot");
        // insta's header: `---`, its fields, `---`.
        let body = text
            .splitn(3, "---\n")
            .nth(2)
            .expect("a snapshot has a header");
        let file = out.join(format!("{name}.rs"));
        std::fs::write(&file, body).expect("write");
        if body.contains("pub static CATALOG") {
            case.push_str(&format!("mod {name} {{\n    include!({file:?});\n}}\n"));
        } else {
            let folder = name.split("__").next().expect("a folder").to_owned();
            match folders.iter_mut().find(|(f, _)| *f == folder) {
                Some((_, files)) => files.push(file),
                None => folders.push((folder, vec![file])),
            }
        }
    }
    for (folder, files) in &folders {
        case.push_str(&format!(
            "mod {folder} {{\n    #[allow(unused_imports)]\n    use ::token_models::__private::{{self as __tm, Option, String, Vec, Box, BTreeMap, DateTime, Date, Value, Map, Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize}};\n"
        ));
        for file in files {
            case.push_str(&format!("    include!({file:?});\n"));
        }
        case.push_str("}\n");
    }
    case.push_str("\nfn main() {}\n");
    let case_file = out.join("snapshots_compile.rs");
    std::fs::write(&case_file, case).expect("write");
    case_file
}
