//! Integration tests for token-models.
//!
//! The library itself holds models whose docs carry vendor markup that
//! rustdoc's lints reject in a crate's own docs (links to `ref:` targets,
//! unknown intra-doc links, bare URLs, `<T>` read as HTML): `.ci/run`
//! documents the workspace with `-D warnings`, so it fails if the generated
//! code stops allowing them, at the invocation's root or in a module.

token_models::include_specs!("specs-docs");
