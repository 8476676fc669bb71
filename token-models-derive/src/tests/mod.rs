//! Tests over the whole pipeline: snapshots of generated code, property
//! tests, and (with the `corpus` feature) the shared corpus.

#[cfg(feature = "corpus")]
mod corpus;
mod keywords;
mod proptests;
mod readme;
mod settings_file;
mod snapshots;
mod threads;
