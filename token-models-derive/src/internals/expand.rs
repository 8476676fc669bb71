//! The whole expansion, as a plain function of a directory: what the macro
//! calls, and what unit tests, snapshots and benchmarks call directly.

use super::codegen::Generator;
use super::diag::{Diagnostic, Diagnostics};
use super::markdown;
use super::read::{TypeCells, read_spec};
use super::resolve::{Resolved, resolve};
use super::source::{self, Settings, SpecFile};
use super::types::{self, DIALECTS};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The result of reading, resolving and generating one specs directory.
pub struct Expansion {
    pub specs: Vec<SpecFile>,
    pub resolved: Resolved,
    /// Every file read, for rebuild tracking.
    pub inputs: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Expansion {
    pub fn generator(&self) -> Generator<'_> {
        Generator {
            specs: &self.specs,
            resolved: &self.resolved,
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
pub fn expand(base: &Path, dir: &str, settings: Settings) -> Expansion {
    let mut diags = Diagnostics::new();
    let set = source::load(base, dir, settings, &mut diags);
    expand_specs(set.files, set.inputs, diags)
}

/// Reads, resolves and checks specs already in memory, adding to `diags`.
pub fn expand_specs(
    specs: Vec<SpecFile>,
    inputs: Vec<PathBuf>,
    mut diags: Diagnostics,
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
    Expansion {
        specs,
        resolved,
        inputs,
        diagnostics: diags.into_sorted(),
    }
}
