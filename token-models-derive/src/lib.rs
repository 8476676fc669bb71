//! The proc-macro behind [`token-models`](https://docs.rs/token-models):
//! `include_specs!("specs")` reads markdown API model docs at compile time
//! and generates serde models for them.
//!
//! Use it through the `token-models` crate, which re-exports it together with
//! the runtime pieces the generated code needs. All the work is in
//! `internals`, plain modules over plain data; this file only turns the
//! macro's input into a path and the result into tokens.

#![forbid(unsafe_code)]

mod internals;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Generates a module per folder and a type per markdown spec under the
/// given directory (relative to the invoking crate's `Cargo.toml`), plus a
/// `CATALOG` of everything generated.
///
/// Settings for the whole directory may follow, as in a `token-models.toml`
/// at its root (which, like any nearer settings file, overrides them):
///
/// ```text
/// token_models::include_specs!("specs");
/// token_models::include_specs!("vendor/docs", wire_names = "camelCase", dialect = "java");
/// token_models::include_specs!("vendor/docs", Widget.meta = "__meta"); // one field's key
/// ```
///
/// A large spec tree can be split across crates, each generating some of
/// its folders (`only`) and taking the models of others from the crates that
/// generate them (`from_crates`); links across the split resolve as in one
/// crate:
///
/// ```text
/// // crate `models_shared`
/// token_models::include_specs!("../specs", only = "shared");
/// // crate `models_orders`, which depends on `models_shared`
/// token_models::include_specs!("../specs", only = "orders", from_crates = "shared = models_shared");
/// ```
///
/// `for_models = "my_macro"` calls `my_macro!` once, after the models, with
/// the path of every type generated (`models::Widget, models::Part`), so
/// that code of yours can be written for each of them:
///
/// ```text
/// macro_rules! names { ($($model:path),* $(,)?) => {
///     pub const NAMES: &[&str] = &[$(stringify!($model)),*];
/// } }
/// token_models::include_specs!("specs", for_models = "names");
/// ```
#[proc_macro]
pub fn include_specs(input: TokenStream) -> TokenStream {
    let args = syn::parse_macro_input!(input as Args);
    let base = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let span = args.dir.span();
    // The specs and models are dropped before the compiler lexes the source.
    let callback = args
        .for_models
        .as_ref()
        .map(|path| quote::quote!(#path).to_string());
    let (errors, source) = internals::expand::expand_scoped(
        std::path::Path::new(&base),
        &args.dir.value(),
        args.settings,
        args.scope,
        |expansion| {
            let mut source = expansion.source();
            if let Some(callback) = &callback {
                source.push_str(callback);
                source.push_str("! {");
                expansion.generator().model_paths(&mut source);
                source.push('}');
            }
            (expansion.reports(span), source)
        },
    );
    let mut out = TokenStream::from(errors);
    // Lexed by the compiler itself: `proc_macro2`'s `parse` would first lex
    // the whole source a second time with its own (unoptimised) lexer to
    // validate it, which cost more than the rest of the expansion. The
    // source is valid by construction (doc text reaches it only escaped or
    // sanitised; tests parse what damaged docs generate).
    match source.parse::<TokenStream>() {
        // `unwrap` turns proc_macro2's span into the compiler's (it is not
        // an `Option`'s).
        Ok(items) => out.extend(respan(items, span.unwrap())),
        Err(e) => {
            let msg = format!(
                "token-models: internal error: the generated code does not lex ({e}); \
                 please report it with the specs that cause it"
            );
            out.extend(TokenStream::from(
                quote::quote_spanned!(span=> ::core::compile_error!(#msg);),
            ));
        }
    }
    out
}

/// `stream` with every token at `span`, the input literal's.
///
/// Lexed tokens carry the call site's span, whose syntax context is this
/// macro's expansion; rustc keeps such spans out of line, and every span
/// it merges while parsing and checking the generated code then goes
/// through its span interner. With the literal's span (the context of the
/// code around the invocation) a rebuild of 100 specs cost rustc 1.022
/// times the same models written by hand, against 1.067 (measured in
/// session 9: BENCHMARKS.md's history in git). It also makes lints see the generated code as the
/// invoking crate's: it is written to pass clippy's default lints, and
/// errors in it point at the literal.
fn respan(stream: TokenStream, span: proc_macro::Span) -> TokenStream {
    use proc_macro::TokenTree;
    stream
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(g) => {
                let mut group = proc_macro::Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                TokenTree::Group(group)
            }
            mut other => {
                other.set_span(span);
                other
            }
        })
        .collect()
}

/// `"dir"` then `key = "value"` pairs.
struct Args {
    dir: syn::LitStr,
    settings: internals::source::Settings,
    scope: internals::source::Scope,
    /// The macro `for_models` names.
    for_models: Option<syn::Ident>,
}

/// The arguments that are the invocation's own, not settings or scope.
const ARGS: &[&str] = &["for_models"];

impl syn::parse::Parse for Args {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        let dir: syn::LitStr = input.parse()?;
        let mut settings = internals::source::Settings::default();
        let mut scope = internals::source::Scope::default();
        let mut for_models = None;
        while !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = input.parse()?;
            // `Widget.meta = "__meta"`: a field's JSON key.
            let field = if input.peek(syn::Token![.]) {
                input.parse::<syn::Token![.]>()?;
                Some(<syn::Ident as syn::ext::IdentExt>::parse_any(input)?)
            } else {
                None
            };
            input.parse::<syn::Token![=]>()?;
            let value: syn::LitStr = input.parse()?;
            let key_name = key.to_string();
            // `derives.Widget = "Default"`: one model's derives.
            if let (Some(model), "derives" | "attributes") = (&field, key_name.as_str()) {
                let shaping = internals::source::Shaping::new(
                    &key_name,
                    Some(&model.to_string()),
                    &value.value(),
                    &dir.value(),
                    internals::diag::Pos::new(1, 1),
                )
                .map_err(|message| syn::Error::new(value.span(), message))?;
                settings.add_shaping(shaping);
                continue;
            }
            if let Some(field) = field {
                settings.add_wire_override(internals::source::WireOverride {
                    model: key_name,
                    field: field.to_string().trim_start_matches("r#").to_owned(),
                    wire: value.value(),
                    shown: dir.value().into(),
                    pos: internals::diag::Pos::new(1, 1),
                });
                continue;
            }
            if key_name == "for_models" {
                for_models = Some(value.parse::<syn::Ident>()?);
                continue;
            }
            if internals::source::Scope::KEYS.contains(&key_name.as_str()) {
                scope
                    .set(&key_name, &value.value())
                    .map_err(|message| syn::Error::new(value.span(), message))?;
                continue;
            }
            let (value_text, shown) = (value.value(), dir.value());
            let pos = internals::diag::Pos::new(1, 1);
            settings
                .set(&key_name, Some(&value_text), &shown, pos)
                .map_err(|e| {
                    if e.bad_key {
                        let keys: Vec<&str> = internals::source::Settings::KEYS
                            .iter()
                            .chain(internals::source::Scope::KEYS)
                            .chain(ARGS)
                            .copied()
                            .collect();
                        let message = format!(
                            "found the unknown key `{key_name}`, expected {}{}",
                            internals::source::one_of(&keys),
                            internals::diag::did_you_mean(&key_name, keys.iter().copied())
                        );
                        syn::Error::new(key.span(), message)
                    } else {
                        syn::Error::new(value.span(), e.message)
                    }
                })?;
        }
        Ok(Args {
            dir,
            settings,
            scope,
            for_models,
        })
    }
}
