//! Every Rust keyword, of every edition from 2015 to 2024, strict, reserved
//! or weak, is a name a doc may give a field, a type or a folder: the code
//! generated for it parses (syn refuses a keyword where an identifier is
//! expected, and a raw identifier that cannot be raw, `r#self`).

use crate::internals::diag::Diagnostics;
use crate::internals::expand::expand_specs;
use crate::internals::source::SpecFile;

/// The Rust reference's keyword list (2024 edition, with the words earlier
/// editions reserve), and a few ordinary words for contrast.
const WORDS: &[&str] = &[
    "as",
    "break",
    "const",
    "continue",
    "crate",
    "else",
    "enum",
    "extern",
    "false",
    "fn",
    "for",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "match",
    "mod",
    "move",
    "mut",
    "pub",
    "ref",
    "return",
    "self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "type",
    "unsafe",
    "use",
    "where",
    "while",
    "async",
    "await",
    "dyn",
    "abstract",
    "become",
    "box",
    "do",
    "final",
    "macro",
    "override",
    "priv",
    "typeof",
    "unsized",
    "virtual",
    "yield",
    "try",
    "gen",
    "union",
    "raw",
    "safe",
    "macro_rules",
    "_",
    "id",
];

#[test]
fn every_keyword_is_a_name_the_generated_code_can_use() {
    let doc = |w: &str| {
        format!(
            "# {w}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `{w}` | *str* | :heavy_check_mark: | N/A |\n"
        )
    };
    // Each word a folder, a title and a field; `Self` (a folder `Self` would
    // be the module of `self`) a title and a field.
    let mut specs: Vec<SpecFile> = WORDS
        .iter()
        .map(|w| SpecFile::in_memory(&format!("{w}/{w}.md"), &doc(w)))
        .collect();
    specs.push(SpecFile::in_memory("misc/self_type.md", &doc("Self")));
    let expansion = expand_specs(&specs, Vec::new(), Diagnostics::new());
    assert!(
        expansion.diagnostics.is_empty(),
        "{:?}",
        expansion.diagnostics
    );
    let source = expansion.generator().all();
    if let Err(e) = syn::parse_str::<syn::File>(&source) {
        panic!("{e}:\n{source}");
    }
    // The list holds what syn refuses as an identifier.
    for refused in ["extern", "crate", "type", "async", "dyn", "_"] {
        assert!(syn::parse_str::<syn::Ident>(refused).is_err(), "{refused}");
    }
}
