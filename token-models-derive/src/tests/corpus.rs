//! The shared corpora (`../shared/corpus` and `../shared/corpus2`, about
//! 14,000 real Speakeasy docs from 25 SDK repositories in seven languages,
//! older and newer generator versions) read and resolve with no
//! diagnostics, and no table row is lost, whatever folder a user would give
//! `include_specs!`: the repository, its models folder, or a copy of that
//! folder's contents under `specs/<vendor>/`. Built only with `--cfg
//! token_models_corpus`, as `.ci/run` builds it. (`tests/corpus` compiles
//! what they generate.)

use crate::internals::expand::{Expansion, expand};
use crate::internals::ir::ModelKind;
use crate::internals::markdown::{self, Block};
use crate::internals::read;
use crate::internals::source::Settings;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Default)]
struct Counts {
    docs: usize,
    types: usize,
    fields: usize,
    left_out: usize,
    diagnostics: usize,
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
            .filter(|m| m.spec.index() == i)
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

fn dirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// `(language, repository folder)` of every SDK tree of a corpus.
fn trees(corpus: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for lang in dirs(corpus) {
        for repo in dirs(&lang) {
            let name = lang.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push((name.unwrap_or_default(), repo));
        }
    }
    out
}

/// The folder of a repository that holds its models: the first folder
/// named `models` in any case, breadth first.
fn models_folder(repo: &Path) -> PathBuf {
    let mut level = vec![repo.to_path_buf()];
    while !level.is_empty() {
        let mut next = Vec::new();
        for dir in level {
            for d in dirs(&dir) {
                if d.file_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case("models"))
                {
                    return d;
                }
                next.push(d);
            }
        }
        level = next;
    }
    panic!("no models folder in {}", repo.display())
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("a scratch folder");
    for entry in fs::read_dir(from).expect("a corpus folder").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("a copy");
        }
    }
}

fn rel(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).expect("below the base");
    rel.to_string_lossy().replace('\\', "/")
}

/// Expands each repository's models folder of `corpus` (`corpus` or
/// `corpus2` in `../shared`), as a user would point the macro at it.
fn each_models_folder(corpus: &str, mut f: impl FnMut(&Expansion)) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join("shared");
    for (_, repo) in trees(&base.join(corpus)) {
        let models = models_folder(&repo);
        expand(&base, &rel(&models, &base), Settings::default(), |e| f(e));
    }
}

/// Reads every tree of `corpus` from each of the three roots, printing a
/// table per language (the README's) and returning what went wrong.
fn read_corpus(corpus: &str) -> (Vec<String>, Vec<String>) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join("shared");
    let root = base.join(corpus);
    assert!(root.is_dir(), "the corpus tests need {}", root.display());
    let scratch =
        std::env::temp_dir().join(format!("token-models-{corpus}-{}", std::process::id()));
    let mut failures = Vec::new();
    let mut lost = Vec::new();
    let mut by_lang: BTreeMap<String, Counts> = BTreeMap::new();
    for (lang, repo) in trees(&root) {
        let models = models_folder(&repo);
        let vendor = repo.file_name().map(|n| n.to_string_lossy().into_owned());
        let copy = scratch.join("specs").join(vendor.unwrap_or_default());
        copy_dir(&models, &copy);
        let roots = [
            (base.clone(), rel(&repo, &base)),
            (base.clone(), rel(&models, &base)),
            (scratch.clone(), "specs".to_owned()),
        ];
        for (k, (from, dir)) in roots.iter().enumerate() {
            expand(from, dir, Settings::default(), |e| {
                if k == 0 {
                    let c = by_lang.entry(lang.clone()).or_default();
                    c.docs += e.specs.len();
                    c.types += e.resolved.models.len();
                    for m in &e.resolved.models {
                        if let ModelKind::Struct(fields) = &m.kind {
                            c.fields += fields.len();
                        }
                        c.left_out += m.omitted.len();
                    }
                }
                // The casing assumed for a folder of Go, Java, C# or PHP docs
                // is said of the settings (none are given here), not of a doc.
                let about_docs = e
                    .diagnostics
                    .iter()
                    .filter(|d| !d.message.contains(read::CASING_ASSUMED));
                if k == 0 {
                    by_lang.entry(lang.clone()).or_default().diagnostics +=
                        about_docs.clone().count();
                }
                failures.extend(about_docs.map(|d| format!("[root {dir}] {d}")));
                // And so nothing is a fallback: the catalog says so of none.
                for m in &e.resolved.models {
                    let fields = match &m.kind {
                        ModelKind::Struct(fields) => fields.as_slice(),
                        _ => &[],
                    };
                    let why = m
                        .fallback
                        .iter()
                        .chain(fields.iter().filter_map(|f| f.fallback.as_ref()));
                    failures.extend(
                        why.map(|why| format!("[root {dir}] fallback in {}: {why}", m.rust.name)),
                    );
                }
                check_rows(e, &mut lost);
            });
        }
        fs::remove_dir_all(&scratch).expect("the scratch folder removed");
    }
    println!("{corpus}:");
    println!("| language | docs | types | fields | left out (transport) | diagnostics |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (lang, c) in &by_lang {
        println!(
            "| {lang} | {} | {} | {} | {} | {} |",
            c.docs, c.types, c.fields, c.left_out, c.diagnostics
        );
    }
    (failures, lost)
}

fn assert_clean((failures, lost): (Vec<String>, Vec<String>)) {
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

#[test]
fn every_tree_of_the_first_corpus_reads_cleanly_from_every_root() {
    assert_clean(read_corpus("corpus"));
}

#[test]
fn every_tree_of_the_second_corpus_reads_cleanly_from_every_root() {
    assert_clean(read_corpus("corpus2"));
}

/// What both corpora's credentials are: every field `Debug` redacts, by
/// its name (printed, with counts, to be read), and the names that must
/// and must not be among them.
#[test]
fn credentials_in_both_corpora_are_redacted_and_nothing_else() {
    let mut redacted: BTreeMap<String, usize> = BTreeMap::new();
    let mut kept: BTreeMap<String, usize> = BTreeMap::new();
    for corpus in ["corpus", "corpus2"] {
        each_models_folder(corpus, |e| {
            for m in &e.resolved.models {
                if let ModelKind::Struct(fields) = &m.kind {
                    for f in fields {
                        let name = f.written.to_string();
                        let counts = if f.secret { &mut redacted } else { &mut kept };
                        *counts.entry(name).or_default() += 1;
                    }
                }
            }
        });
    }
    println!("redacted ({} names):", redacted.len());
    for (name, n) in &redacted {
        println!("  {n:>4} {name}");
    }
    for must in [
        "access_token",
        "accessToken",
        "refresh_token",
        "client_secret",
        "password",
    ] {
        assert!(redacted.contains_key(must), "{must} is not redacted");
    }
    for never in [
        "token_type",
        "prompt_tokens",
        "total_tokens",
        "expires_in",
        "id",
        "name",
    ] {
        assert!(!redacted.contains_key(never), "{never} is redacted");
    }
    // Names that look like a credential's but are kept, to be read.
    let near: Vec<_> = kept
        .iter()
        .filter(|(name, _)| {
            let lower = name.to_ascii_lowercase();
            ["token", "secret", "password", "apikey", "api_key"]
                .iter()
                .any(|w| lower.contains(w))
        })
        .collect();
    println!(
        "kept, though the name speaks of one ({}): {near:?}",
        near.len()
    );
}

/// What a union alternative reads, for [`unions_pick_the_alternative_a_payload_was_built_for`].
enum Reads {
    /// A struct: its keys, whether each is required, and the value of
    /// each that has one fixed value (a one-variant enum: a discriminator).
    Struct(Vec<(String, bool, Option<String>)>),
    /// Any object (a map, free-form JSON, an open struct).
    AnyObject,
}

/// Whether `a` and `b` name one field as a generated struct reads keys
/// (README: equal, or equal ignoring ASCII case, `_` and `-`), written here
/// from that rule, not taken from the runtime.
fn same_key(a: &str, b: &str) -> bool {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    a == b || plain(a) == plain(b)
}

/// Whether alternative `reads` takes an object of these keys, each with
/// the fixed value alternative `from` gives it: every required key there,
/// and no discriminator of another value. Values are otherwise assumed to
/// fit (what the measure leaves out).
fn takes(reads: &Reads, payload: &[(String, Option<String>)]) -> bool {
    match reads {
        Reads::AnyObject => true,
        Reads::Struct(fields) => fields.iter().all(|(key, required, fixed)| {
            let given = payload.iter().find(|(k, _)| same_key(k, key));
            match (given, fixed) {
                (None, _) => !required,
                (Some((_, Some(sent))), Some(fixed)) => sent == fixed,
                (Some(_), _) => true,
            }
        }),
    }
}

/// How many of the payload's keys an alternative knows.
fn knows(reads: &Reads, payload: &[(String, Option<String>)]) -> usize {
    match reads {
        Reads::AnyObject => 0,
        Reads::Struct(fields) => payload
            .iter()
            .filter(|(k, _)| fields.iter().any(|(key, _, _)| same_key(k, key)))
            .count(),
    }
}

/// Issue 21's measure of unions on both corpora: for every union with two
/// or more alternatives that read JSON objects, an object built for each
/// struct alternative (every field; then required fields only) is given to
/// the alternatives as serde's untagged enums try them (in the order
/// written: the first that takes it) and as generated unions do
/// (`__private::union::order`: those that take it, a struct before any
/// object, the one that knows most of its keys, written order breaking
/// ties). A pick other than the alternative the object was built for is
/// wrong unless that other alternative takes the object and knows all its
/// keys as well (the object is both: ambiguous). Printed; the generated
/// order must pick right every time.
#[test]
fn unions_pick_the_alternative_a_payload_was_built_for() {
    for corpus in ["corpus", "corpus2"] {
        let (mut unions, mut payloads, mut ambiguous) = (0, 0, 0);
        let (mut serde_wrong, mut ours_wrong, mut ours_missed) = (0, 0, Vec::new());
        each_models_folder(corpus, |e| {
            let all = &e.resolved.models;
            let fixed = |ty: &crate::internals::ir::Ty| match ty {
                crate::internals::ir::Ty::Model(t) => match &all[t.index()].kind {
                    ModelKind::Enum { variants, .. } if variants.len() == 1 => {
                        Some(variants[0].value.text().into_owned())
                    }
                    _ => None,
                },
                _ => None,
            };
            let reads = |ty: &crate::internals::ir::Ty| -> Option<Reads> {
                use crate::internals::ir::{Scalar, Ty};
                match ty {
                    Ty::Model(t) => match &all[t.index()].kind {
                        ModelKind::Struct(fields) if !fields.iter().any(|f| f.rest) => {
                            Some(Reads::Struct(
                                fields
                                    .iter()
                                    .map(|f| {
                                        let required = matches!(
                                            f.presence,
                                            crate::internals::ir::Presence::Required
                                                | crate::internals::ir::Presence::Nullable
                                        );
                                        (f.wire().to_owned(), required, fixed(&f.ty))
                                    })
                                    .collect(),
                            ))
                        }
                        ModelKind::Struct(_) | ModelKind::FreeForm | ModelKind::Any => {
                            Some(Reads::AnyObject)
                        }
                        _ => None,
                    },
                    Ty::Map(_) | Ty::Scalar(Scalar::Object | Scalar::Any) => Some(Reads::AnyObject),
                    _ => None,
                }
            };
            for m in all {
                let ModelKind::Union(alternatives) = &m.kind else {
                    continue;
                };
                let objects: Vec<Reads> =
                    alternatives.iter().filter_map(|a| reads(&a.ty)).collect();
                if objects.len() < 2 {
                    continue;
                }
                unions += 1;
                for (k, built_for) in objects.iter().enumerate() {
                    let Reads::Struct(fields) = built_for else {
                        continue;
                    };
                    let every: Vec<_> = fields
                        .iter()
                        .map(|(key, _, v)| (key.clone(), v.clone()))
                        .collect();
                    let required: Vec<_> = fields
                        .iter()
                        .filter(|(_, required, _)| *required)
                        .map(|(key, _, v)| (key.clone(), v.clone()))
                        .collect();
                    for payload in [every, required] {
                        payloads += 1;
                        let taking: Vec<usize> = (0..objects.len())
                            .filter(|&j| takes(&objects[j], &payload))
                            .collect();
                        let serde_pick = taking.first().copied();
                        let ours = taking.iter().copied().min_by_key(|&j| {
                            let struct_first = matches!(objects[j], Reads::AnyObject);
                            (
                                struct_first,
                                std::cmp::Reverse(knows(&objects[j], &payload)),
                                j,
                            )
                        });
                        let right = |pick: Option<usize>| {
                            pick.is_some_and(|j| {
                                j == k
                                    || (matches!(objects[j], Reads::Struct(_))
                                        && knows(&objects[j], &payload) == payload.len())
                            })
                        };
                        if serde_pick != Some(k) && right(serde_pick)
                            || ours != Some(k) && right(ours)
                        {
                            ambiguous += 1;
                        }
                        serde_wrong += usize::from(!right(serde_pick));
                        ours_wrong += usize::from(!right(ours));
                        if !right(ours) {
                            ours_missed.push(format!("{}::{}", m.rust.name, k));
                        }
                    }
                }
            }
        });
        println!(
            "{corpus}: {unions} unions of two or more object alternatives, {payloads} objects built \
             for their struct alternatives (every field; required only): serde's written order \
             picks wrong for {serde_wrong}, the generated order for {ours_wrong}; \
             {ambiguous} ambiguous (taken by another alternative that knows every key)"
        );
        assert!(ours_missed.is_empty(), "{corpus}: {ours_missed:?}");
    }
}

/// Case conversion against `heck` (the crate most Rust code converts names
/// with) over every field name both corpora write: the field's Rust name
/// (snake_case) and each `wire_names` casing.
#[test]
fn case_conversion_agrees_with_heck_on_both_corpora() {
    use crate::internals::naming::Case;
    use heck::{ToKebabCase, ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
    let mut names = std::collections::BTreeSet::new();
    for corpus in ["corpus", "corpus2"] {
        each_models_folder(corpus, |e| {
            for m in &e.resolved.models {
                if let ModelKind::Struct(fields) = &m.kind {
                    names.extend(fields.iter().map(|f| f.written.to_string()));
                }
            }
        });
    }
    type Convert = fn(&str) -> String;
    let cases: [(Case, Convert); 5] = [
        (Case::Snake, |s| s.to_snake_case()),
        (Case::Camel, |s| s.to_lower_camel_case()),
        (Case::Pascal, |s| s.to_upper_camel_case()),
        (Case::Kebab, |s| s.to_kebab_case()),
        (Case::ScreamingSnake, |s| s.to_shouty_snake_case()),
    ];
    let mut differ: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in &names {
        for (case, heck) in &cases {
            let ours = case.apply(name);
            let theirs = heck(name);
            if ours != theirs {
                differ
                    .entry(case.name().to_owned())
                    .or_default()
                    .push(format!("{name}: {ours} / {theirs}"));
            }
        }
    }
    println!(
        "{} field names, each in {} casings: all as heck writes them",
        names.len(),
        cases.len()
    );
    assert!(names.len() > 5_000, "the corpora were read");
    assert!(differ.is_empty(), "{differ:#?}");
}
