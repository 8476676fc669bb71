//! The proc-macro behind [`token-models`](https://docs.rs/token-models):
//! `include_specs!("specs")` reads markdown API model docs at compile time
//! and generates serde models for them.
//!
//! Use it through the `token-models` crate, which re-exports it together with
//! the runtime pieces the generated code needs. All the work is in
//! `internals`, plain modules over plain data; this file only turns the
//! macro's input into a path and the result into tokens.

mod internals;

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
    internals::expand::expand(std::path::Path::new(&base), &lit.value())
        .to_tokens(lit.span())
        .into()
}
