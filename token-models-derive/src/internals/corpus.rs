//! The shared corpus (`../shared/corpus`, 4,046 real Speakeasy docs from
//! nine SDK repositories in seven languages) reads and resolves with no
//! diagnostics. Needs the `corpus` feature; `.ci/run` turns it on.

use super::expand::expand;
use super::source::Settings;
use std::path::Path;

/// `(language folder, repository folder)` of every SDK tree in the corpus.
pub const TREES: &[(&str, &str)] = &[
    ("csharp", "speakeasy-api__speakeasy-client-sdk-csharp"),
    ("go", "speakeasy-api__speakeasy-client-sdk-go"),
    ("java", "speakeasy-api__speakeasy-client-sdk-java"),
    ("java", "speakeasy-sdks-dev__speakeasy-client-sdk-java"),
    ("php", "speakeasy-api__speakeasy-client-sdk-php"),
    ("python", "mistralai__client-python"),
    ("ruby", "authlete__authlete-ruby-sdk"),
    ("ruby", "speakeasy-api__speakeasy-client-sdk-ruby"),
    ("typescript", "mistralai__client-ts"),
];

#[test]
fn every_corpus_tree_reads_without_diagnostics() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    assert!(base.is_dir(), "the corpus tests need {}", base.display());
    let mut failures = Vec::new();
    for (lang, repo) in TREES {
        let e = expand(&base, &format!("{lang}/{repo}"), Settings::default());
        println!(
            "{lang:10} {repo:48} docs {:5} models {:5} diagnostics {:5}",
            e.specs.len(),
            e.resolved.models.len(),
            e.diagnostics.len()
        );
        failures.extend(e.diagnostics.iter().map(ToString::to_string));
    }
    if !failures.is_empty() {
        let shown: Vec<&str> = failures.iter().take(5000).map(String::as_str).collect();
        panic!(
            "{} diagnostics, the first:\n{}",
            failures.len(),
            shown.join("\n")
        );
    }
}
