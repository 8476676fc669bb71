//! Everything the macro does, as plain functions over plain data.
//!
//! The stages, each a module:
//!
//! 1. `source` finds and reads spec files and `token-models.toml` settings
//!    (`settings_file` reads the latter);
//! 2. `markdown` turns markdown into blocks, and `read` (with
//!    `read/readme` for readme.io pages, and `json` for the JSON docs show)
//!    and `types` turn blocks and type expressions into the plain-data `ir`,
//!    through the vocabularies of `dialect`;
//! 3. `resolve` places models in modules and resolves names and links;
//! 4. `check` runs every check over the resolved models;
//! 5. `codegen` writes the Rust source, which `expand` lexes once into
//!    tokens.
//!
//! A module imports only modules before it in that order (and the plain
//! helpers under them: `text`, `few`, `hash`, `par`, `json`, `naming`,
//! `diag`, `ir`); `src/tests/layers.rs` checks it from the `use` lines.
//!
//! Problems are collected in `diag::Diagnostics` and all reported at once;
//! `expand` runs the stages in order. Within a stage, the work of each spec
//! or model runs on all cores through `par`, in an order-keeping map, so
//! the output does not depend on the number of threads.
//!
//! Modules refer to each other through `super::` only, so that benchmarks
//! and fuzz targets (which cannot link to a proc-macro crate) can include
//! this folder with `#[path]`; the tests that need dev-dependencies live in
//! `src/tests/`, outside it. It is not a library crate of its own under the
//! macro (as typify-impl is under typify-macro), though that measured
//! build-neutral: it would be a third published crate, released in lock
//! step with the macro, every item of it public API to document and keep;
//! the price of `#[path]` is that `xtask` and `fuzz` list the same few
//! dependencies.

pub mod check;
pub mod codegen;
pub mod diag;
pub mod dialect;
pub mod expand;
pub mod few;
pub mod hash;
pub mod ir;
pub mod json;
pub mod markdown;
pub mod naming;
pub mod par;
pub mod read;
pub mod resolve;
pub mod secrets;
pub mod settings_file;
pub mod source;
pub mod text;
pub mod types;
