//! The README names files of the repository that exist.

use std::path::Path;

/// Every path of the repository the README writes in backticks or links
/// to (one that starts at a top-level entry: `tests/`, `xtask/`,
/// `token-models-derive/src/...`) exists. (`specs/...` paths are a user's
/// examples.)
#[test]
fn every_path_the_readme_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let tops = [
        "tests/",
        "token-models/",
        "token-models-derive/",
        "xtask/",
        "fuzz/",
        ".ci/",
    ];
    let mut named = Vec::new();
    for piece in readme.split(['`', '(', ')']) {
        let path = piece.trim();
        let plain = !path.contains([' ', '<', '>', '*', '"']);
        if plain && tops.iter().any(|t| path.starts_with(t)) {
            named.push(path.trim_end_matches('/').to_owned());
        }
    }
    assert!(named.len() > 10, "{named:?}");
    let missing: Vec<&String> = named.iter().filter(|p| !root.join(p).exists()).collect();
    assert!(
        missing.is_empty(),
        "the README names paths that do not exist: {missing:?}"
    );
}
