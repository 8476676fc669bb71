//! The per-spec and per-model stages run on several threads: the result
//! must not depend on how many.

use crate::internals::diag::Diagnostics;
use crate::internals::expand::expand_specs_in;
use crate::internals::source::{self, Scope, Settings, SpecFile};
use std::path::Path;

/// The repository's specs (those shipped and those the tests keep),
/// copied into enough folders to be split across threads; every third
/// copy cut short so that there are problems to report too.
fn many_specs() -> Vec<SpecFile> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut d = Diagnostics::new();
    let mut files = source::load(&base, "specs", Settings::default(), 1, &mut d).files;
    let unshipped = "tests/specs-unshipped";
    files.extend(source::load(&base, unshipped, Settings::default(), 1, &mut d).files);
    assert!(d.into_sorted().is_empty());
    let mut specs = Vec::new();
    for copy in 0..24 {
        for spec in &files {
            let mut s = spec.moved_into(&format!("copy{copy}"));
            if copy % 3 == 2 {
                let mut cut = s.text.len() * 2 / 3;
                while !s.text.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.text.truncate(cut);
            }
            specs.push(s);
        }
    }
    specs
}

#[test]
fn the_output_is_the_same_on_any_number_of_threads() {
    let specs = many_specs();
    assert!(specs.len() >= 200, "{} specs", specs.len());
    let one = expand_specs_in(&specs, Vec::new(), Diagnostics::new(), Scope::default(), 1);
    assert!(!one.diagnostics.is_empty(), "the cut copies have problems");
    let source = one.generator().all();
    for threads in [2, 3, 8] {
        let many = expand_specs_in(
            &specs,
            Vec::new(),
            Diagnostics::new(),
            Scope::default(),
            threads,
        );
        assert_eq!(many.diagnostics, one.diagnostics, "{threads} threads");
        assert!(
            many.generator().all() == source,
            "{threads} threads: other source"
        );
    }
}
