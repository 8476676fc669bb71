//! The whole expansion, as a plain function of a directory: what the macro
//! calls, and what unit tests, snapshots and benchmarks call directly.

use super::codegen::Generator;
use super::diag::{Diagnostic, Diagnostics};
use super::markdown;
use super::read::{TypeCells, read_spec};
use super::resolve::{Resolved, check_scope, resolve};
use super::source::{self, Scope, Settings, SpecFile};
use super::types::{self, DIALECTS};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The result of reading, resolving and generating one specs directory.
pub struct Expansion {
    pub specs: Vec<SpecFile>,
    pub resolved: Resolved,
    /// Which of the models this invocation generates.
    pub scope: Scope,
    /// Every file read, for rebuild tracking.
    pub inputs: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Expansion {
    pub fn generator(&self) -> Generator<'_> {
        Generator {
            specs: &self.specs,
            resolved: &self.resolved,
            scope: &self.scope,
        }
    }

    /// The generated items and, if anything was wrong, one `compile_error!`
    /// per problem. The items are emitted even then (with placeholders for
    /// what failed), so that one bad spec does not cascade into errors about
    /// everything that uses its types.
    pub fn to_tokens(&self, span: Span) -> TokenStream {
        let mut source = String::new();
        // Editing a spec rebuilds the invoking crate: rustc tracks the
        // included files. (A new file is noticed through a build script's
        // `rerun-if-changed`; see the README.)
        source.push_str("const _: &[&[u8]] = &[");
        for path in self.inputs.iter().filter_map(|p| p.to_str()) {
            source.push_str("::core::include_bytes!(");
            source.push_str(&format!("{path:?}"));
            source.push_str("),");
        }
        source.push_str("];");
        source.push_str(&self.generator().all());
        let items = match source.parse::<TokenStream>() {
            Ok(items) => items,
            // Every doc's text is escaped into literals or sanitised into
            // identifiers, so this is a bug in token-models, reported
            // rather than panicking.
            Err(e) => {
                let msg = format!(
                    "token-models: internal error: the generated code does not lex ({e}); \
                     please report it with the specs that cause it"
                );
                quote::quote_spanned!(span=> ::core::compile_error!(#msg);)
            }
        };
        let errors = self.diagnostics.iter().map(|d| {
            let msg = d.to_string();
            quote::quote_spanned!(span=> ::core::compile_error!(#msg);)
        });
        quote! {
            #(#errors)*
            #items
        }
    }
}

/// Reads `dir` (relative to `base`, the invoking crate's manifest folder)
/// with `settings` at its root.
#[allow(dead_code)] // the macro calls `expand_scoped`; tests and benchmarks this
pub fn expand(base: &Path, dir: &str, settings: Settings) -> Expansion {
    expand_scoped(base, dir, settings, Scope::default())
}

/// [`expand`], generating only the models `scope` says are this
/// invocation's.
pub fn expand_scoped(base: &Path, dir: &str, settings: Settings, scope: Scope) -> Expansion {
    let mut diags = Diagnostics::new();
    let set = source::load(base, dir, settings, &mut diags);
    expand_specs_in(set.files, set.inputs, diags, scope)
}

/// Reads, resolves and checks specs already in memory, adding to `diags`.
#[allow(dead_code)] // for tests, benchmarks and the fuzz target
pub fn expand_specs(specs: Vec<SpecFile>, inputs: Vec<PathBuf>, diags: Diagnostics) -> Expansion {
    expand_specs_in(specs, inputs, diags, Scope::default())
}

/// [`expand_specs`] under a scope.
pub fn expand_specs_in(
    specs: Vec<SpecFile>,
    inputs: Vec<PathBuf>,
    mut diags: Diagnostics,
    scope: Scope,
) -> Expansion {
    let docs: Vec<markdown::Doc> = specs.iter().map(|s| markdown::parse(&s.text)).collect();
    let cells: Vec<TypeCells> = docs.iter().map(TypeCells::of).collect();
    // A doc whose own type names do not tell its language (a few fields,
    // all linked) takes the one its top folder's docs use most.
    let mut by_folder: HashMap<&str, Vec<usize>> = HashMap::new();
    for (spec, c) in specs.iter().zip(&cells) {
        let folder = spec.folders().first().map_or("", String::as_str);
        let total = by_folder
            .entry(folder)
            .or_insert_with(|| vec![0; DIALECTS.len()]);
        for (t, s) in total.iter_mut().zip(c.scores()) {
            *t += s;
        }
    }
    let mut models = Vec::new();
    for (i, ((spec, doc), c)) in specs.iter().zip(&docs).zip(cells).enumerate() {
        let folder = spec.folders().first().map_or("", String::as_str);
        let fallback = by_folder
            .get(folder)
            .and_then(|s| types::best_dialect(s))
            .unwrap_or(&DIALECTS[0]);
        models.extend(read_spec(i, spec, doc, c, fallback, &mut diags));
    }
    let resolved = resolve(&specs, models, &mut diags);
    if scope != Scope::default() {
        check_scope(&specs, &resolved, &scope, &mut diags);
    }
    Expansion {
        specs,
        resolved,
        scope,
        inputs,
        diagnostics: diags.into_sorted(),
    }
}
