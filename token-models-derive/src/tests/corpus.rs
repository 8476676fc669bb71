//! The shared corpus (`../shared/corpus`, 4,046 real Speakeasy docs from
//! nine SDK repositories in seven languages) reads and resolves with no
//! diagnostics, and no table row is lost. Needs the `corpus` feature;
//! `.ci/run` turns it on. (`tests/corpus` compiles what it generates.)

use crate::internals::expand::{Expansion, expand};
use crate::internals::ir::ModelKind;
use crate::internals::markdown::{self, Block};
use crate::internals::source::Settings;
use std::collections::BTreeMap;
use std::path::Path;

/// `(language folder, repository folder)` of every SDK tree in the corpus.
const TREES: &[(&str, &str)] = &[
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

#[derive(Default)]
struct Counts {
    docs: usize,
    types: usize,
    fields: usize,
    left_out: usize,
    errors: usize,
}

/// Rows of the tables under `Fields` headings, per spec.
fn field_rows(text: &str) -> usize {
    let doc = markdown::parse(text);
    let mut under_fields = false;
    let mut rows = 0;
    for b in &doc.blocks {
        match b {
            Block::Heading { text, .. } => under_fields = text == "Fields",
            Block::Table(table) if under_fields => {
                rows += table.rows().len();
                under_fields = false;
            }
            _ => {}
        }
    }
    rows
}

fn check_rows(e: &Expansion, lost: &mut Vec<String>) {
    for (i, spec) in e.specs.iter().enumerate() {
        let kept: usize = e
            .resolved
            .models
            .iter()
            .filter(|m| m.spec == i)
            .map(|m| match &m.kind {
                ModelKind::Struct(fields) => fields.len() + m.omitted.len(),
                _ => 0,
            })
            .sum();
        let rows = field_rows(&spec.text);
        if kept != rows {
            lost.push(format!(
                "{}: {rows} rows, {kept} fields or left out",
                spec.display()
            ));
        }
    }
}

#[test]
fn every_corpus_tree_reads_without_diagnostics_or_lost_rows() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    assert!(base.is_dir(), "the corpus tests need {}", base.display());
    let mut failures = Vec::new();
    let mut lost = Vec::new();
    let mut by_lang: BTreeMap<&str, Counts> = BTreeMap::new();
    for (lang, repo) in TREES {
        expand(&base, &format!("{lang}/{repo}"), Settings::default(), |e| {
            let c = by_lang.entry(lang).or_default();
            c.docs += e.specs.len();
            c.types += e.resolved.models.len();
            for m in &e.resolved.models {
                if let ModelKind::Struct(fields) = &m.kind {
                    c.fields += fields.len();
                }
                c.left_out += m.omitted.len();
            }
            c.errors += e.diagnostics.len();
            failures.extend(e.diagnostics.iter().map(ToString::to_string));
            check_rows(e, &mut lost);
        });
    }
    println!("| language | docs | types | fields | left out (transport) | errors |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (lang, c) in &by_lang {
        println!(
            "| {lang} | {} | {} | {} | {} | {} |",
            c.docs, c.types, c.fields, c.left_out, c.errors
        );
    }
    assert!(
        failures.is_empty(),
        "{} diagnostics, the first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(50)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        lost.is_empty(),
        "rows neither generated nor left out:\n{}",
        lost.join("\n")
    );
}
