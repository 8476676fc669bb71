//! The whole expansion, as a plain function of a directory: what the macro
//! calls, and what unit tests, snapshots and benchmarks call directly.

use super::check::check;
use super::codegen::{self, Generator};
use super::diag::{Diagnostic, Diagnostics, Severity};
use super::dialect;
use super::ir::SpecId;
use super::markdown;
use super::par;
use super::read::{self, Fallback, TypeCells, read_spec};
use super::resolve::{Resolved, resolve};
use super::source::{self, Scope, Settings, SpecFile};
use super::types::Parses;
use proc_macro2::{Span, TokenStream};
use std::path::{Path, PathBuf};

/// The result of reading, resolving and generating one specs directory:
/// the models borrow their names and descriptions from the specs' text.
pub struct Expansion<'s> {
    pub specs: &'s [SpecFile],
    pub resolved: Resolved<'s>,
    /// Which of the models this invocation generates.
    pub scope: Scope,
    /// Every file read, for rebuild tracking.
    pub inputs: Vec<PathBuf>,
    /// How many threads the per-spec and per-model stages use.
    pub threads: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl Expansion<'_> {
    pub fn generator(&self) -> Generator<'_> {
        Generator::new(self.specs, &self.resolved, &self.scope, self.threads)
    }

    /// The generated items as Rust source, to be lexed once by the
    /// compiler. They are emitted even when something was wrong (with
    /// placeholders for what failed, next to [`Expansion::reports`]), so
    /// that one bad spec does not cascade into errors about everything that
    /// uses its types.
    pub fn source(&self) -> String {
        let mut source = String::new();
        // Editing a spec rebuilds the invoking crate: rustc tracks the
        // included files. (A new file is noticed through a build script's
        // `rerun-if-changed`; see the README.)
        source.push_str("const _: &[&[u8]] = &[");
        for path in self.inputs.iter().filter_map(|p| p.to_str()) {
            source.push_str("::core::include_bytes!(");
            codegen::push_lit(&mut source, path);
            source.push_str("),");
        }
        source.push_str("];");
        self.generator().append_all(&mut source);
        source
    }

    /// What the compiler reports, at `span`: a `compile_error!` per error,
    /// and per kind of vendor quirk one warning (the use of a deprecated
    /// item, the one way a proc macro can make stable rustc warn) that
    /// lists its first places and counts the rest, so that a quirk of 600
    /// docs is one screen. Under `strict`, a quirk is an error.
    pub fn reports(&self, span: Span) -> TokenStream {
        let mut out = TokenStream::new();
        let mut kinds: Vec<(String, Vec<&Diagnostic>)> = Vec::new();
        for d in &self.diagnostics {
            if d.severity == Severity::Error || self.strict(d) {
                let msg = d.to_string();
                out.extend(quote::quote_spanned!(span=> ::core::compile_error!(#msg);));
                continue;
            }
            let kind = d.kind();
            match kinds.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, all)) => all.push(d),
                None => kinds.push((kind, vec![d])),
            }
        }
        for (_, all) in kinds {
            let mut note =
                String::from("token-models generated a fallback for what it did not understand:");
            for d in all.iter().take(WARNINGS_SHOWN) {
                note.push_str("\n  ");
                note.push_str(&d.to_string());
            }
            if all.len() > WARNINGS_SHOWN {
                let more = all.len() - WARNINGS_SHOWN;
                note.push_str(&format!("\n  … and {more} more like these"));
            }
            note.push_str("\n(`strict = \"true\"` in token-models.toml or the macro's arguments makes these errors)");
            out.extend(quote::quote_spanned!(span=>
                const _: () = {
                    #[deprecated(note = #note)]
                    struct SpecNotUnderstood;
                    let _ = SpecNotUnderstood;
                };
            ));
        }
        out
    }

    /// Whether `d` is in a spec whose settings make quirks errors.
    fn strict(&self, d: &Diagnostic) -> bool {
        self.specs
            .iter()
            .any(|s| s.settings.strict && s.display() == d.path)
    }
}

/// How many places a warning lists before it counts the rest.
const WARNINGS_SHOWN: usize = 5;

/// Reads `dir` (relative to `base`, the invoking crate's manifest folder)
/// with `settings` at its root, and hands the expansion to `then` (it
/// borrows the specs read, which live until `then` returns).
#[allow(dead_code)] // the macro calls `expand_scoped`; tests and benchmarks this
pub fn expand<R>(
    base: &Path,
    dir: &str,
    settings: Settings,
    then: impl FnOnce(&Expansion<'_>) -> R,
) -> R {
    expand_scoped(base, dir, settings, Scope::default(), then)
}

/// [`expand`], generating only the models `scope` says are this
/// invocation's.
pub fn expand_scoped<R>(
    base: &Path,
    dir: &str,
    settings: Settings,
    scope: Scope,
    then: impl FnOnce(&Expansion<'_>) -> R,
) -> R {
    let mut diags = Diagnostics::new();
    let threads = par::threads();
    let set = source::load(base, dir, settings, threads, &mut diags);
    then(&expand_specs_in(
        &set.files, set.inputs, diags, scope, threads,
    ))
}

/// The first folder under the specs root that `spec` is in, or `""`.
fn top_folder(spec: &SpecFile) -> &str {
    spec.folders().first().map_or("", String::as_str)
}

/// Reads, resolves and checks specs already in memory, adding to `diags`.
#[allow(dead_code)] // for tests, benchmarks and the fuzz target
pub fn expand_specs(specs: &[SpecFile], inputs: Vec<PathBuf>, diags: Diagnostics) -> Expansion<'_> {
    expand_specs_in(specs, inputs, diags, Scope::default(), par::threads())
}

/// [`expand_specs`] under a scope, on up to `threads` threads (the result
/// is the same for any number).
pub fn expand_specs_in(
    specs: &[SpecFile],
    inputs: Vec<PathBuf>,
    mut diags: Diagnostics,
    scope: Scope,
    threads: usize,
) -> Expansion<'_> {
    // Each spec is parsed and read on its own, on all cores, while its doc
    // is fresh (and its memory free for the next doc once read). A doc too
    // short to tell its language (a few fields, all linked, or names that
    // several languages share) takes the one its top folder's docs use
    // most, known once every doc is scored: a doc that may need it is kept
    // with its parsed Type cells and read after the vote. (Should another
    // doc need it after all, reading it says so, and it is read again.)
    let first = par::map_with(specs, threads, Parses::default, |parses, i, spec| {
        let doc = markdown::parse(&spec.text);
        let cells = TypeCells::of(&doc, parses);
        let scores = cells.scores();
        if spec.settings.dialect.is_none() && read::may_need_fallback(&doc, &cells) {
            return (scores, Err((doc, Some(cells))));
        }
        let mut d = Diagnostics::new();
        match read_spec(SpecId::new(i), spec, &doc, cells, None, &mut d) {
            Some(models) => (scores, Ok((models, d))),
            None => (scores, Err((doc, None))),
        }
    });
    let mut vote = dialect::Vote::default();
    for (spec, (scores, _)) in specs.iter().zip(&first) {
        vote.add(top_folder(spec), scores);
    }
    let assumed = vote.assumed();
    let fallback = |spec: &SpecFile| match vote.of(top_folder(spec)) {
        Some(dialect) => Fallback::voted(dialect),
        None => Fallback {
            dialect: assumed.0,
            assumed: Some(assumed.1.clone()),
        },
    };
    // Most docs were read in the first pass; only those left for the vote
    // go through a second (on all cores only if there are many).
    let mut read = Vec::with_capacity(specs.len());
    let mut pending = Vec::new();
    for (i, (_, first)) in first.into_iter().enumerate() {
        match first {
            Ok(done) => read.push(Some(done)),
            Err(left) => {
                read.push(None);
                pending.push((i, left));
            }
        }
    }
    let late = par::map_with(
        pending,
        threads,
        Parses::default,
        |parses, _, (i, (doc, cells))| {
            let spec = &specs[i];
            let mut d = Diagnostics::new();
            let cells = cells.unwrap_or_else(|| TypeCells::of(&doc, parses));
            let models = read_spec(
                SpecId::new(i),
                spec,
                &doc,
                cells,
                Some(fallback(spec)),
                &mut d,
            );
            (i, (models.unwrap_or_default(), d))
        },
    );
    for (i, done) in late {
        read[i] = Some(done);
    }
    let mut models = Vec::new();
    // The casing assumed for a folder is said once, at its first doc.
    let mut cased_folders: Vec<&[String]> = Vec::new();
    for (spec, (m, mut d)) in specs.iter().zip(read).filter_map(|(s, r)| Some((s, r?))) {
        models.extend(m);
        let folder = spec.folders();
        let mut said = cased_folders.contains(&folder);
        d.retain(|diag| {
            if !diag.message.contains(read::CASING_ASSUMED) {
                return true;
            }
            !std::mem::replace(&mut said, true)
        });
        if said && !cased_folders.contains(&folder) {
            cased_folders.push(folder);
        }
        diags.append(d);
    }
    let mut resolved = resolve(specs, models, threads, &mut diags);
    check(specs, &mut resolved, &scope, &mut diags);
    Expansion {
        specs,
        resolved,
        scope,
        inputs,
        threads,
        diagnostics: diags.into_sorted(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::internals::diag::Pos;
    use crate::internals::ir::ModelKind;
    use crate::internals::source::WireOverride;

    fn spec(path: &str, fields: &[(&str, &str)]) -> SpecFile {
        let mut text = format!(
            "# {}\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n",
            path.rsplit('/')
                .next()
                .unwrap_or(path)
                .trim_end_matches(".md")
        );
        for (name, ty) in fields {
            text.push_str(&format!("| `{name}` | {ty} | :heavy_check_mark: | N/A |\n"));
        }
        let mut spec = SpecFile::in_memory(path, &text);
        // Said, so that Go's or C#'s names do not warn of the casing assumed.
        spec.settings.wire_names = Some(crate::internals::naming::Case::AsWritten);
        spec
    }

    /// The JSON key of `model`'s first field.
    fn first_key<'e>(e: &'e Expansion<'_>, model: usize) -> &'e str {
        match &e.resolved.models[model].kind {
            ModelKind::Struct(fields) => fields[0].wire(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn go_names_are_camel_case_keys_by_default_with_one_warning_per_folder() {
        let go = |path: &str| {
            let mut s = spec(
                path,
                &[("AccessToken", "**string*"), ("ExpiresIn", "*int64*")],
            );
            s.settings.wire_names = None;
            s
        };
        let specs = vec![go("a/one.md"), go("a/two.md"), go("b/three.md")];
        let e = expand_specs(&specs, Vec::new(), Diagnostics::new());
        assert_eq!(first_key(&e, 0), "accessToken");
        let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with("specs/a/one.md:1:1: found go field names and no `wire_names`")
        );
        assert!(shown[0].contains("assumed camelCase"), "{shown:?}");
        assert!(shown[1].starts_with("specs/b/three.md:1:1: "), "{shown:?}");
    }

    #[test]
    fn a_fields_key_is_set_by_name_and_a_setting_that_names_none_warns() {
        let mut s = spec(
            "a/Widget.md",
            &[("meta", "*str*"), ("request_ids", "*Optional[str]*")],
        );
        let set = |model: &str, field: &str, wire: &str| WireOverride {
            model: model.to_owned(),
            field: field.to_owned(),
            wire: wire.to_owned(),
            shown: "a/token-models.toml".into(),
            pos: Pos::new(2, 1),
        };
        s.settings.add_wire_override(set("Widget", "meta", "x"));
        // The nearer (later) one wins.
        s.settings
            .add_wire_override(set("Widget", "meta", "__meta"));
        s.settings
            .add_wire_override(set("Widget", "request_ids", "requestIDs"));
        s.settings.add_wire_override(set("Widget", "metta", "m"));
        let specs = vec![s];
        let e = expand_specs(&specs, Vec::new(), Diagnostics::new());
        let ModelKind::Struct(fields) = &e.resolved.models[0].kind else {
            panic!("a struct");
        };
        let keys: Vec<&str> = fields.iter().map(|f| f.wire()).collect();
        assert_eq!(keys, ["__meta", "requestIDs"]);
        let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(
            shown[0]
                .starts_with("a/token-models.toml:2:1: found `Widget.metta`, which names no field"),
            "{shown:?}"
        );
    }

    /// A doc whose Type column does not tell its language (its one field a
    /// link) is read after every doc has been scored, in the language of
    /// its top folder: Python's `from_` is the API's `from`, Go's is not
    /// renamed.
    #[test]
    fn a_module_is_documented_with_its_first_specs_folder() {
        // `B` and `b` are one module, `b`: its first spec's folder names it.
        let specs = [
            spec("a/x.md", &[]),
            spec("a/d/z.md", &[]),
            spec("B/c/y.md", &[]),
            spec("b/w.md", &[]),
        ];
        let expansion = expand_specs(&specs, Vec::new(), Diagnostics::new());
        let source = expansion.generator().all();
        for folder in ["specs/a/", "specs/a/d/", "specs/B/", "specs/B/c/"] {
            let doc = format!(" Models from the specs in `{folder}`.");
            assert!(source.contains(&doc), "{doc}\n{source}");
        }
        assert!(!source.contains("specs in `specs/b/`"), "{source}");
    }

    /// A folder whose docs use only words several languages share
    /// (`*string*`, `*int*`) takes the language of the whole tree, not the
    /// first vocabulary's: C# `int` is an `i32`, Ruby does not know it.
    #[test]
    fn a_folder_too_small_to_tell_takes_the_trees_language() {
        let specs = vec![
            spec(
                "Errors/error.md",
                &[("Message", "*string*"), ("Code", "*int*")],
            ),
            spec(
                "Components/thing.md",
                &[
                    ("Tags", "List<*string*>"),
                    ("Data", "Dictionary<String, *long*>"),
                ],
            ),
        ];
        let e = expand_specs(&specs, Vec::new(), Diagnostics::new());
        assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
        let ModelKind::Struct(fields) = &e.resolved.models[0].kind else {
            panic!("{:?}", e.resolved.models[0].kind)
        };
        assert_eq!(
            fields[1].ty,
            crate::internals::ir::Ty::Scalar(crate::internals::ir::Scalar::I32)
        );
    }

    /// A tree whose names do not tell its language is read in the first
    /// of those that know most of them (not in the first vocabulary, which
    /// may know none), and each doc that needed it says so.
    #[test]
    fn a_tree_too_small_to_tell_is_read_in_an_assumed_language_with_a_warning() {
        let specs = vec![
            spec(
                "errors/error.md",
                &[("Message", "*string*"), ("Code", "*int*")],
            ),
            spec("errors/other.md", &[("Detail", "*string*")]),
        ];
        let e = expand_specs(&specs, Vec::new(), Diagnostics::new());
        let messages: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
        // `string` and `int` are words of Go, C# and PHP alike.
        assert_eq!(messages.len(), 2, "{messages:?}");
        for m in &messages {
            assert!(
                m.ends_with("(go, csharp, php know as many of its type names): read it as go; `dialect = \"…\"` in a token-models.toml says which"),
                "{m}"
            );
            assert!(
                m.contains(":1:1: found no type name that tells this doc's language"),
                "{m}"
            );
        }
        let ModelKind::Struct(fields) = &e.resolved.models[0].kind else {
            panic!("{:?}", e.resolved.models[0].kind)
        };
        use crate::internals::ir::{Scalar, Ty};
        assert_eq!(fields[1].ty, Ty::Scalar(Scalar::I64));
        assert!(e.resolved.models[0].fallback.is_some());
    }

    #[test]
    fn a_doc_too_short_to_tell_takes_its_folders_language() {
        let specs = vec![
            spec(
                "py/thing.md",
                &[("name", "*str*"), ("count", "*Optional[int]*")],
            ),
            spec("py/query.md", &[("from_", "[models.Thing](thing.md)")]),
            spec(
                "go/thing.md",
                &[("Name", "*string*"), ("Count", "**int64*")],
            ),
            spec("go/query.md", &[("from_", "[shared.Thing](thing.md)")]),
        ];
        for threads in [1, 2] {
            let e = expand_specs_in(
                &specs,
                Vec::new(),
                Diagnostics::new(),
                Scope::default(),
                threads,
            );
            assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
            let names: Vec<&str> = e
                .resolved
                .models
                .iter()
                .map(|m| m.rust.name.as_str())
                .collect();
            assert_eq!(names, ["Thing", "Query", "Thing", "Query"]);
            assert_eq!(first_key(&e, 1), "from");
            assert_eq!(first_key(&e, 3), "from_");
        }
    }
}
