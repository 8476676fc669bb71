//! The specs the crate ships (everything under `specs/`, which the
//! `token-models` package includes) may be shipped: each has a row in
//! `specs/SOURCES.tsv` whose licence allows redistribution, and a licence
//! that asks for its notice to travel with the file has it beside it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Licences that allow copying the docs into a published crate.
const REDISTRIBUTABLE: &[&str] = &[
    "MIT",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "CC0-1.0",
    "Unlicense",
];

/// Those of them whose copyright notice must go with every copy.
const NOTICE_REQUIRED: &[&str] = &["MIT", "BSD-2-Clause", "BSD-3-Clause", "ISC"];

/// The licence a row records: its SPDX id, first (`MIT (gusto/LICENSE)`),
/// or the one a package manifest declares where the repository itself
/// asserts none (`NOASSERTION (gemspec declares Apache-2.0)`).
fn licence(column: &str) -> &str {
    match column.split_once(" declares ") {
        Some((_, declared)) => declared.trim_end_matches(')').trim(),
        None => column.split_whitespace().next().unwrap_or(""),
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a folder of specs")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn every_shipped_spec_has_a_licence_that_allows_it() {
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let sources = std::fs::read_to_string(specs.join("SOURCES.tsv")).expect("SOURCES.tsv");
    let mut lines = sources.lines();
    let head: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let column = |name: &str| head.iter().position(|h| *h == name).expect(name);
    let (spec_col, licence_col) = (column("spec"), column("licence"));
    let rows: BTreeMap<&str, &str> = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            (cells[spec_col], cells[licence_col])
        })
        .collect();
    let mut all = Vec::new();
    files(&specs, &mut all);
    let mut shipped = 0;
    for path in all {
        let rel = path.strip_prefix(&specs).expect("below specs/");
        let rel = rel.to_str().expect("UTF-8").replace('\\', "/");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if matches!(name, "SOURCES.tsv" | "token-models.toml" | "LICENSE") {
            continue;
        }
        shipped += 1;
        let recorded = rows
            .get(rel.as_str())
            .unwrap_or_else(|| panic!("specs/{rel} is shipped but has no row in SOURCES.tsv"));
        let id = licence(recorded);
        assert!(
            REDISTRIBUTABLE.contains(&id),
            "specs/{rel} is shipped, but its licence ({recorded}) does not allow it: \
             move it to tests/specs-unshipped/"
        );
        if NOTICE_REQUIRED.contains(&id) {
            let notice = path.parent().expect("a folder").join("LICENSE");
            assert!(
                notice.is_file(),
                "specs/{rel} is {id}, whose notice must be shipped with it: expected {}",
                notice.display()
            );
        }
    }
    assert!(shipped >= 7, "found only {shipped} specs under specs/");
    // Every row is a file that is there.
    for spec in rows.keys() {
        assert!(
            specs.join(spec).is_file(),
            "SOURCES.tsv names specs/{spec}, which is not there"
        );
    }
}

#[test]
fn the_licence_column_is_read_as_its_spdx_id() {
    assert_eq!(licence("MIT (gusto/LICENSE)"), "MIT");
    assert_eq!(
        licence("NOASSERTION (gemspec declares Apache-2.0)"),
        "Apache-2.0"
    );
    assert_eq!(licence("unknown"), "unknown");
    assert_eq!(
        licence("none at that commit; PROPRIETARY from 2026-02-08"),
        "none"
    );
}

/// What crates.io shows of a package is its README, where a relative link
/// leads nowhere (no repository to resolve it against): the two published
/// packages' READMEs link only to absolute addresses.
#[test]
fn the_packages_readmes_link_only_to_absolute_addresses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for package in ["token-models", "token-models-derive"] {
        let readme = std::fs::read_to_string(root.join(package).join("README.md"))
            .unwrap_or_else(|e| panic!("{package}/README.md: {e}"));
        let manifest =
            std::fs::read_to_string(root.join(package).join("Cargo.toml")).expect("the manifest");
        assert!(
            manifest.contains("readme = \"README.md\""),
            "{package} does not publish its own README"
        );
        for (k, _) in readme.match_indices("](") {
            let target = &readme[k + 2..];
            assert!(
                target.starts_with("https://"),
                "{package}/README.md links to {:?}, which crates.io cannot resolve",
                target.split(')').next().unwrap_or(target)
            );
        }
    }
}
