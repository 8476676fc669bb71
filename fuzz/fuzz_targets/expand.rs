//! Feeds arbitrary bytes, as one or more spec files, through everything the
//! macro does: reading, resolving and generating. Any panic is a bug.
//!
//! The input is split on NUL bytes into files at a few fixed paths, so that
//! links between them resolve, fail and collide.

#![no_main]

#[allow(dead_code, unused_imports)]
#[path = "../../token-models-derive/src/internals/mod.rs"]
mod internals;

use internals::diag::Diagnostics;
use internals::expand::expand_specs;
use internals::source::SpecFile;

const PATHS: [&str; 4] = ["a/x.md", "a/b/y.md", "c/x.md", "top.md"];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let specs: Vec<SpecFile> = data
        .split(|&b| b == 0)
        .zip(PATHS)
        .map(|(bytes, path)| {
            let text = std::str::from_utf8(bytes).ok();
            let mut spec = SpecFile::in_memory(path, text.unwrap_or_default());
            spec.readable = text.is_some();
            spec
        })
        .collect();
    let expansion = expand_specs(&specs, Vec::new(), Diagnostics::new());
    // Whatever the docs hold, the generated source lexes: doc text only
    // reaches it escaped or sanitised.
    let source = expansion.generator().all();
    assert!(source.parse::<proc_macro2::TokenStream>().is_ok(), "{source}");
});
