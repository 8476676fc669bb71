//! Tests over the whole pipeline: snapshots of generated code, property
//! tests, and (built with `--cfg token_models_corpus`) the shared corpora.

#[cfg(token_models_corpus)]
mod corpus;
mod keywords;
mod layers;
mod proptests;
mod readme;
mod settings_file;
mod snapshots;
mod threads;
