//! Integration tests for token-models.
//!
//! The library itself holds models that the lints below, and rustdoc's,
//! would reject if they were the crate's own code: vendor markup in docs
//! (links to `ref:` targets, unknown intra-doc links, bare URLs, `<T>`
//! read as HTML), a field named `_2fa`, a struct that could be `Copy`,
//! serde's derive output using `?`. The generated code allows them, at the
//! invocation's root and in its modules; `.ci/run` runs clippy and rustdoc
//! with `-D warnings`, so it fails if that stops.

#![warn(
    clippy::pedantic,
    clippy::nursery,
    clippy::exhaustive_structs,
    clippy::exhaustive_enums,
    clippy::question_mark_used,
    missing_copy_implementations,
    missing_docs
)]

token_models::include_specs!("specs-docs");
