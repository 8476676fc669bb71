//! The proc-macro behind [`token-models`](https://docs.rs/token-models):
//! `include_specs!("specs")` reads markdown API model docs at compile time
//! and generates serde models for them.
//!
//! Use it through the `token-models` crate, which re-exports it together with
//! the runtime pieces the generated code needs. The stages, each a plain
//! module over plain data:
//!
//! 1. `source` finds and reads spec files and `token-models.toml` settings;
//! 2. `markdown` turns markdown into blocks, and `read` and `types` turn
//!    blocks and type expressions into the plain-data `ir`;
//! 3. `resolve` places models in modules and resolves names and links;
//! 4. `codegen` generates tokens.
//!
//! Problems are collected in `diag::Diagnostics` and all reported at once.

mod codegen;
mod diag;
mod expand;
mod ir;
mod markdown;
mod naming;
mod read;
mod resolve;
mod source;
mod types;

#[cfg(test)]
mod snapshots;

use proc_macro::TokenStream;

/// Generates a module per folder and a type per markdown spec under the
/// given directory (relative to the invoking crate's `Cargo.toml`), plus a
/// `CATALOG` of everything generated.
///
/// ```text
/// token_models::include_specs!("specs");
/// ```
#[proc_macro]
pub fn include_specs(input: TokenStream) -> TokenStream {
    let lit = syn::parse_macro_input!(input as syn::LitStr);
    let base = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    expand::expand(std::path::Path::new(&base), &lit.value())
        .to_tokens(lit.span())
        .into()
}
