//! Snapshots of the code generated for each repository spec, formatted by
//! prettyplease so that a reviewer reads what `cargo expand` would show.

use crate::internals::expand::expand;
use crate::internals::source::Settings;
use std::path::Path;

#[test]
fn generated_code_per_spec() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let expansion = expand(&base, "specs", Settings::default());
    assert!(
        expansion.diagnostics.is_empty(),
        "{:?}",
        expansion.diagnostics
    );
    let generator = expansion.generator();
    for (spec_index, spec) in expansion.specs.iter().enumerate() {
        let items: String = (0..expansion.resolved.models.len())
            .filter(|&i| expansion.resolved.models[i].spec == spec_index)
            .map(|i| generator.model_source(i))
            .collect();
        let file: syn::File = syn::parse_str(&items).expect("generated code parses");
        let name = spec.rel.join("__").trim_end_matches(".md").to_owned();
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(name, prettyplease::unparse(&file));
        });
    }
}
