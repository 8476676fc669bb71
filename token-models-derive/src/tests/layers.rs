//! The module graph runs one way: each module of `internals` imports only
//! modules before it in the stage order, read from its `use` lines and
//! paths (its tests, which may drive the whole pipeline, aside).

use std::path::Path;

/// The modules of `internals`, each after everything it may import: the
/// plain helpers, then the stages in the order `expand` runs them.
const ORDER: &[&str] = &[
    "text",
    "few",
    "hash",
    "par",
    "json",
    "naming",
    "diag",
    "ir",
    "settings_file",
    "dialect",
    "source",
    "markdown",
    "types",
    "secrets",
    "read",
    "resolve",
    "check",
    "codegen",
    "expand",
];

/// The code of a source file: without its comments (a doc comment's link
/// to a later stage is no import) and without its inline tests (from
/// `#[cfg(test)] mod tests {` on).
fn without_tests(text: &str) -> String {
    let cut = text.find("#[cfg(test)]\nmod tests {").unwrap_or(text.len());
    text[..cut]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sibling modules a file of module `owner` names: `crate::internals::m`
/// anywhere, and `super::m` climbed from the file's depth below
/// `internals` (`depth` folders: 0 for `read.rs`, 1 for `read/cells.rs`).
fn named_modules(text: &str, depth: usize) -> Vec<String> {
    let up = "super::".repeat(depth + 1);
    let mut out = Vec::new();
    for prefix in ["crate::internals::".to_owned(), up] {
        let mut from = 0;
        while let Some(found) = text[from..].find(&prefix) {
            let at = from + found;
            from = at + prefix.len();
            // `super::super::x` seen from one level deeper than meant.
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_') {
                continue;
            }
            let name: String = text[from..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let module = name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            if !name.is_empty() && module && name != "super" {
                out.push(name);
            }
        }
    }
    out
}

fn files(dir: &Path, depth: usize, out: &mut Vec<(std::path::PathBuf, usize)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("the internals folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, depth + 1, out);
        } else if p.extension().is_some_and(|e| e == "rs")
            && p.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push((p, depth));
        }
    }
}

#[test]
fn each_module_imports_only_modules_before_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/internals");
    let mut all = Vec::new();
    files(&root, 0, &mut all);
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (path, depth) in all {
        let rel = path.strip_prefix(&root).expect("below the root");
        let owner = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|c| c.trim_end_matches(".rs"))
            .expect("a module");
        if owner == "mod" {
            continue;
        }
        // A folder's `mod.rs` is its module's own file.
        let depth = if rel.ends_with("mod.rs") {
            depth - 1
        } else {
            depth
        };
        let at = ORDER
            .iter()
            .position(|m| *m == owner)
            .unwrap_or_else(|| panic!("`{owner}` is not in ORDER: place it"));
        let text = std::fs::read_to_string(&path).expect("readable");
        for named in named_modules(&without_tests(&text), depth) {
            let Some(k) = ORDER.iter().position(|m| *m == named) else {
                continue; // an item of the parent module, not a module
            };
            checked += 1;
            if k >= at && named != owner {
                wrong.push(format!("{} imports `{named}`", rel.display()));
            }
        }
    }
    assert!(
        checked > 50,
        "found only {checked} imports: is the scan right?"
    );
    assert!(
        wrong.is_empty(),
        "imports against the stage order: {wrong:#?}"
    );
}

#[test]
fn the_scan_finds_what_a_file_names() {
    let text =
        "use super::diag::Pos;\nuse super::super::ir::Ty;\nuse crate::internals::markdown;\n";
    assert_eq!(named_modules(text, 0), ["markdown", "diag"]);
    assert_eq!(named_modules(text, 1), ["markdown", "ir"]);
    let tests =
        "/// [`c`](super::c)\nuse super::a;\n#[cfg(test)]\nmod tests {\n    use super::b;\n}\n";
    assert_eq!(named_modules(&without_tests(tests), 0), ["a"]);
}
