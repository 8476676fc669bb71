//! Snapshots of the code generated for each repository spec (those the
//! crate ships and the two seeds only the tests generate), formatted by
//! prettyplease so that a reviewer reads what `cargo expand` would show.

use crate::internals::diag::Diagnostics;
use crate::internals::expand::{expand, expand_specs_in};
use crate::internals::source::{Scope, Settings, SpecFile};
use std::path::Path;

/// The head of a Speakeasy `## Fields` table, for specs written in place.
const FIELDS: &str =
    "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

#[test]
fn generated_code_per_spec() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for dir in ["specs", "tests/specs-unshipped"] {
        expand(&base, dir, Settings::default(), |expansion| {
            assert!(
                expansion.diagnostics.is_empty(),
                "{:?}",
                expansion.diagnostics
            );
            let generator = expansion.generator();
            for (spec_index, spec) in expansion.specs.iter().enumerate() {
                let items: String = expansion
                    .resolved
                    .ids()
                    .filter(|&i| expansion.resolved.model(i).spec.index() == spec_index)
                    .map(|i| generator.model_source(i))
                    .collect();
                let file: syn::File = syn::parse_str(&items).expect("generated code parses");
                let name = spec
                    .rel_path()
                    .replace('/', "__")
                    .trim_end_matches(".md")
                    .to_owned();
                insta::with_settings!({ prepend_module_to_snapshot => false }, {
                    insta::assert_snapshot!(name, prettyplease::unparse(&file));
                });
            }
        });
    }
}

/// A spec tree split across crates: this invocation generates `orders`
/// and refers to `shared`'s models in the crate that generates them.
#[test]
fn generated_code_of_a_split_tree() {
    let specs = || {
        vec![
            SpecFile::in_memory(
                "shared/address.md",
                &format!(
                    "# Address\n\n{FIELDS}| `city` | *str* | :heavy_check_mark: | The city. |\n"
                ),
            ),
            SpecFile::in_memory(
                "orders/order.md",
                &format!(
                    "# Order\n\n{FIELDS}| `id` | *str* | :heavy_check_mark: | The id. |\n\
                     | `ship_to` | [models.Address](../shared/address.md) | :heavy_check_mark: | Where. |\n\
                     | `bill_to` | Optional[[models.Address](../shared/address.md)] | :heavy_minus_sign: | Who pays. |\n"
                ),
            ),
        ]
    };
    let mut scope = Scope::default();
    scope.set("only", "orders").expect("valid");
    let specs = specs();
    let unlinked = expand_specs_in(&specs, Vec::new(), Diagnostics::new(), scope.clone(), 1);
    let messages: Vec<String> = unlinked
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("specs/orders/order.md:8:3: in the type of `ship_to`: found `Address` from specs/shared/address.md, which this invocation neither generates nor takes from a crate"),
        "{messages:?}"
    );

    scope
        .set("from_crates", "shared = models_shared")
        .expect("valid");
    let expansion = expand_specs_in(&specs, Vec::new(), Diagnostics::new(), scope, 1);
    assert!(
        expansion.diagnostics.is_empty(),
        "{:?}",
        expansion.diagnostics
    );
    let source = expansion.generator().all();
    assert!(!source.contains("pub struct Address"), "{source}");
    let file: syn::File = syn::parse_str(&source).expect("generated code parses");
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("split__orders", prettyplease::unparse(&file));
    });
}

/// The shapes the repository's specs do not have, as Python SDK docs write
/// them: a union under `## Supported Types`, open enums of strings and of
/// numbers, and a field that tells absent from null (`OptionalNullable`);
/// one model at the invocation's root, the rest in a module.
#[test]
fn generated_code_of_unions_open_enums_and_nullable_fields() {
    let specs = vec![
        SpecFile::in_memory(
            "models/toolmessagecontent.md",
            "# ToolMessageContent\n\n\n## Supported Types\n\n\
             ### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n\
             ### `List[models.ContentChunk]`\n\n\
             ```python\nvalue: List[models.ContentChunk] = /* values here */\n```\n",
        ),
        SpecFile::in_memory(
            "models/contentchunk.md",
            &format!(
                "# ContentChunk\n\n{FIELDS}| `type` | *Literal[\"text\"]* | :heavy_check_mark: | N/A |\n\
                 | `text` | *str* | :heavy_check_mark: | The text. |\n"
            ),
        ),
        SpecFile::in_memory(
            "models/finishreason.md",
            "# FinishReason\n\n## Values\n\n\
             This is an open enum. Unrecognized values will not fail type checks.\n\n\
             - `\"stop\"`\n- `\"tool_calls\"`\n",
        ),
        SpecFile::in_memory(
            "models/httpstatus.md",
            "# HTTPStatus\n\nHTTP status codes.\n\n## Values\n\n\
             This is an open enum. Unrecognized values will not fail type checks.\n\n\
             - `200`\n- `404`\n",
        ),
        SpecFile::in_memory(
            "toolmessage.md",
            &format!(
                "# ToolMessage\n\nA tool's answer.\n\n{FIELDS}\
                 | `content` | [Nullable[models.ToolMessageContent]](models/toolmessagecontent.md) | :heavy_check_mark: | N/A |\n\
                 | `finish_reason` | [OptionalNullable[models.FinishReason]](models/finishreason.md) | :heavy_minus_sign: | Why it stopped. |\n\
                 | `status` | [Optional[models.HTTPStatus]](models/httpstatus.md) | :heavy_minus_sign: | N/A |\n"
            ),
        ),
    ];
    let expansion = expand_specs_in(&specs, Vec::new(), Diagnostics::new(), Scope::default(), 1);
    assert!(
        expansion.diagnostics.is_empty(),
        "{:?}",
        expansion.diagnostics
    );
    let file: syn::File =
        syn::parse_str(&expansion.generator().all()).expect("generated code parses");
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("python__shapes", prettyplease::unparse(&file));
    });
}

/// The other shapes the generated code takes, as Python SDK docs write
/// them: a union of two structs (read through `TryFrom<Value>`, the best
/// fit first), a closed enum of numbers, a struct that holds itself (boxed),
/// a deprecated field, a transport field left out, floats, an open map, and
/// a doc of prose only (a `Value` newtype).
#[test]
fn generated_code_of_the_other_shapes() {
    let specs = vec![
        SpecFile::in_memory(
            "models/pet.md",
            "# Pet\n\n\n## Supported Types\n\n\
             ### `models.Cat`\n\n```python\nvalue: models.Cat = /* values here */\n```\n\n\
             ### `models.Dog`\n\n```python\nvalue: models.Dog = /* values here */\n```\n",
        ),
        SpecFile::in_memory(
            "models/cat.md",
            &format!(
                "# Cat\n\n{FIELDS}| `name` | *str* | :heavy_check_mark: | N/A |\n\
                 | `weight` | *Optional[float]* | :heavy_minus_sign: | In kilograms. |\n\
                 | ~~`owner`~~ | *Optional[str]* | :heavy_minus_sign: | Gone from the API. |\n\
                 | `raw_response` | *httpx.Response* | :heavy_check_mark: | The HTTP response. |\n"
            ),
        ),
        SpecFile::in_memory(
            "models/dog.md",
            &format!(
                "# Dog\n\n{FIELDS}| `name` | *str* | :heavy_check_mark: | N/A |\n\
                 | `level` | [models.Level](level.md) | :heavy_check_mark: | N/A |\n\
                 | `best_friend` | [Optional[models.Dog]](dog.md) | :heavy_minus_sign: | N/A |\n\
                 | `additional_properties` | Dict[str, *int*] | :heavy_minus_sign: | N/A |\n"
            ),
        ),
        SpecFile::in_memory(
            "models/level.md",
            "# Level\n\nHow trained.\n\n## Values\n\n- `1`\n- `2`\n",
        ),
        SpecFile::in_memory(
            "models/anything.md",
            "# Anything\n\nWhatever the API sends.\n",
        ),
    ];
    let expansion = expand_specs_in(&specs, Vec::new(), Diagnostics::new(), Scope::default(), 1);
    assert!(
        expansion.diagnostics.is_empty(),
        "{:?}",
        expansion.diagnostics
    );
    let source = expansion.generator().all();
    for shape in [
        "impl ::core::convert::TryFrom<Value> for Pet",
        "pub best_friend: Option<Box<Dog>>",
        "#[deprecated]",
        "Not generated: the field `raw_response`",
        "out.optional_float(\"weight\", &self.weight)",
        "out.rest(&self.additional_properties)",
        "pub struct Anything(",
    ] {
        assert!(source.contains(shape), "no `{shape}` in:\n{source}");
    }
    let file: syn::File = syn::parse_str(&source).expect("generated code parses");
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("python__other_shapes", prettyplease::unparse(&file));
    });
}

/// A doc's JSON example is a `#[test]` of the invoking crate, unless
/// `example_tests = "false"` says otherwise.
#[test]
fn an_example_is_a_test_unless_turned_off() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (on, settings) in [
        (true, Settings::default()),
        (false, {
            let mut s = Settings::default();
            s.set(
                "example_tests",
                Some("false"),
                "",
                crate::internals::diag::Pos::new(1, 1),
            )
            .expect("valid");
            s
        }),
    ] {
        expand(&base, "tests/specs-unshipped", settings, |expansion| {
            let source = expansion.generator().all();
            let test = "#[cfg(test)] #[test] #[allow(non_snake_case)] fn AccessToken_example() { \
                        __tm::example::<AccessToken>(\"AccessToken\", \"{";
            assert_eq!(source.contains(test), on, "{on}");
            // Workiva's doc has no example.
            assert!(!source.contains("BearerToken_example"));
        });
    }
}
