//! Bad specs are compile errors that point into the spec (trybuild UI tests:
//! `tests/ui/*.rs` and the `.stderr` each must produce).
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
fn bad_specs_are_compile_errors() {
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

    trybuild::TestCases::new().compile_fail("ui/*.rs");
}
