//! The reader on docs written for the test.

use super::cells::expression;
use super::*;

fn spec(path: &str, text: &str, settings: Settings) -> SpecFile {
    let mut spec = SpecFile::in_memory(path, text);
    spec.settings = settings;
    spec
}

/// The models of a spec of `text` (leaked: the models borrow it).
fn read(text: &str) -> (Vec<ReadModel<'static>>, Vec<String>) {
    let mut d = Diagnostics::new();
    let file: &'static SpecFile = Box::leak(Box::new(spec("a/x.md", text, Settings::default())));
    let doc = markdown::parse(&file.text);
    let models = read_spec(
        SpecId::new(0),
        file,
        &doc,
        TypeCells::of(&doc, &mut Parses::default()),
        Some(Fallback::voted(&dialect::DIALECTS[0])),
        &mut d,
    )
    .unwrap_or_default();
    (
        models,
        d.into_sorted().iter().map(ToString::to_string).collect(),
    )
}

#[test]
fn reads_a_speakeasy_struct() {
    let text = "# Thing\n\nA thing.\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *::String* | :heavy_check_mark: | The id.<br/> |\n| `n` | *T.nilable(::Integer)* | :heavy_minus_sign: | N/A |\n| ~~`old`~~ | [T.nilable(X)](../y/x.md) | :heavy_minus_sign: | N/A |\n";
    let (models, errors) = read(text);
    assert!(errors.is_empty(), "{errors:?}");
    let m = &models[0];
    assert_eq!((m.rust.name.as_str(), m.pos), ("Thing", Pos::new(1, 1)));
    assert_eq!(m.doc, ["A thing."]);
    let ModelKind::Struct(fields) = &m.kind else {
        panic!("{m:?}")
    };
    assert_eq!(fields[0].ty, ReadTy::Scalar(Scalar::String));
    assert_eq!(fields[0].presence, Presence::Required);
    assert_eq!(fields[0].doc, ["The id."]);
    assert_eq!(fields[0].pos, Pos::new(9, 3));
    assert_eq!(
        (fields[1].presence, &fields[1].ty),
        (Presence::Optional, &ReadTy::Scalar(Scalar::I64))
    );
    assert!(fields[1].doc.is_empty());
    assert!(fields[2].deprecated);
    assert_eq!(
        fields[2].ty,
        ReadTy::Named(NamedRef {
            path: "X".into(),
            link: Some("../y/x.md".into())
        })
    );
}

#[test]
fn names_and_one_line_descriptions_are_borrowed_from_the_spec() {
    let (models, errors) = read(
        "# T\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *str* | :heavy_check_mark: | The id. |\n| `a\\|b` | *str* | :heavy_check_mark: | One.<br/>Two. |\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    let ModelKind::Struct(fields) = &models[0].kind else {
        panic!("{:?}", models[0])
    };
    assert!(matches!(fields[0].written, Cow::Borrowed("id")));
    assert_eq!(fields[0].doc, ["The id."]);
    assert!(fields[0].doc.borrowed());
    // Text the reader changes is its own.
    assert!(
        matches!(fields[1].written, Cow::Owned(_)),
        "{:?}",
        fields[1].written
    );
    assert_eq!(fields[1].doc, ["One.", "Two."]);
    assert!(!fields[1].doc.borrowed());
}

#[test]
fn empty_tables_and_prose_only_docs() {
    let (models, errors) = read(
        "# Claims\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n",
    );
    assert!(errors.is_empty());
    assert_eq!(models[0].kind, ModelKind::FreeForm);
    let (models, errors) = read("# Blob\n\nAnything at all.\n");
    assert!(errors.is_empty());
    assert_eq!(models[0].kind, ModelKind::Any);
    assert_eq!(models[0].doc, ["Anything at all."]);
    let (models, _) = read("no title here\n");
    assert_eq!(models[0].rust.name, "X");
}

#[test]
fn type_cells_are_found_in_any_order() {
    let text = "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *str* | :heavy_check_mark: | N/A |\n| `b` | *Optional[int]* | :heavy_minus_sign: | N/A |\n| `c` | List[*str*] | :heavy_check_mark: | N/A |\n";
    let doc = markdown::parse(text);
    let Some(Block::Table(table)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
        panic!("{:?}", doc.blocks)
    };
    let cells: Vec<&Cell<'_>> = table.rows().map(|r| &r[1]).collect();
    let expected = ["str", "Optional[int]", "List[str]"];
    // In document order (as read), backwards, and one cell twice.
    for order in [[0, 1, 2], [2, 1, 0], [1, 1, 0]] {
        let parsed = TypeCells::of(&doc, &mut Parses::default());
        for k in order {
            let (range, p) = parsed.get(cells[k]);
            assert_eq!(expression(cells[k], &range), expected[k], "{order:?}");
            assert_eq!(p.syntax, types::parse(expected[k]), "{order:?}");
        }
    }
}

#[test]
fn a_doc_that_needs_its_folders_language_waits_for_it() {
    let table =
        "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n";
    let linked = spec(
        "a/x.md",
        &format!("{table}| `a` | [models.Y](y.md) | :heavy_check_mark: | N/A |\n"),
        Settings::default(),
    );
    let typed = spec(
        "a/x.md",
        &format!("{table}| `a` | *Optional[str]* | :heavy_minus_sign: | N/A |\n"),
        Settings::default(),
    );
    let mut d = Diagnostics::new();
    let doc = markdown::parse(&linked.text);
    assert!(may_need_fallback(
        &doc,
        &TypeCells::of(&doc, &mut Parses::default())
    ));
    assert!(
        read_spec(
            SpecId::new(0),
            &linked,
            &doc,
            TypeCells::of(&doc, &mut Parses::default()),
            None,
            &mut d
        )
        .is_none()
    );
    let doc = markdown::parse(&typed.text);
    assert!(!may_need_fallback(
        &doc,
        &TypeCells::of(&doc, &mut Parses::default())
    ));
    let models = read_spec(
        SpecId::new(0),
        &typed,
        &doc,
        TypeCells::of(&doc, &mut Parses::default()),
        None,
        &mut d,
    );
    assert_eq!(models.map(|m| m.len()), Some(1));
    let union = markdown::parse(
        "# U\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n",
    );
    assert!(may_need_fallback(
        &union,
        &TypeCells::of(&union, &mut Parses::default())
    ));
}

/// Go's newer docs give an alternative no heading, only a constructor
/// snippet; C#'s name a scalar alternative as the generator does.
#[test]
fn union_alternatives_from_snippets_and_generator_names() {
    let go = "# Percentage\n\n## Supported Types\n\n### \n\n```go\np := components.CreatePercentageInteger(int64{/* values here */})\n```\n\n### \n\n```go\np := components.CreatePercentageArrayOfStr([]string{/* values here */})\n```\n\n### One\n\n```go\np := components.CreatePercentageOne(components.One{/* values here */})\n```\n";
    let (models, errors) = read(go);
    assert!(errors.is_empty(), "{errors:?}");
    let ModelKind::Union(alternatives) = &models[0].kind else {
        panic!("{:?}", models[0].kind)
    };
    let tys: Vec<&ReadTy> = alternatives.iter().map(|a| &a.ty).collect();
    let one = ReadTy::Named(NamedRef {
        path: "components.One".into(),
        link: None,
    });
    let strings = ReadTy::List(Box::new(ReadTy::Scalar(Scalar::String)));
    assert_eq!(tys, [&ReadTy::Scalar(Scalar::I64), &strings, &one]);
    let csharp = "# Default\n\n## Supported Types\n\n### Str\n\n```csharp\nDefault.CreateStr(/* values here */);\n```\n\n### Number\n\n### Boolean\n\n### Bigint\n";
    let (models, errors) = read(csharp);
    assert!(errors.is_empty(), "{errors:?}");
    let ModelKind::Union(alternatives) = &models[0].kind else {
        panic!("{:?}", models[0].kind)
    };
    let tys: Vec<&ReadTy> = alternatives.iter().map(|a| &a.ty).collect();
    let scalars = [Scalar::String, Scalar::F64, Scalar::Bool, Scalar::I128].map(ReadTy::Scalar);
    assert_eq!(tys, scalars.iter().collect::<Vec<_>>());
}

#[test]
fn a_union_notes_the_alternatives_it_leaves_out() {
    let union = "# Response\n\n## Supported Types\n\n### `models.Thing`\n\n```python\nvalue: models.Thing = /* values here */\n```\n\n### `httpx.Response`\n\n```python\nvalue: httpx.Response = /* values here */\n```\n";
    let (models, errors) = read(union);
    assert!(errors.is_empty(), "{errors:?}");
    // The note is the summary line when the doc has no prose of its own.
    assert_eq!(
        models[0].doc,
        ["Not generated: the alternative `httpx.Response` (an HTTP response, not JSON data)."]
    );
    let (models, _) = read(&union.replace("\n\n## Supported", "\n\nA reply.\n\n## Supported"));
    assert_eq!(
        models[0].doc,
        [
            "A reply.",
            "",
            "Not generated: the alternative `httpx.Response` (an HTTP response, not JSON data)."
        ]
    );
}

#[test]
fn reads_an_enum() {
    let (models, errors) = read(
        "# GrantType\n\n## Values\n\n| Name | Value |\n| - | - |\n| `JWT_BEARER` | JWT_BEARER |\n",
    );
    assert!(errors.is_empty());
    let ModelKind::Enum {
        variants: v,
        open: false,
        ..
    } = &models[0].kind
    else {
        panic!("{models:?}")
    };
    assert_eq!(
        (v[0].rust.name.as_str(), &v[0].value),
        ("JwtBearer", &Value::Str("JWT_BEARER".into()))
    );
}

#[test]
fn reads_a_typescript_values_block() {
    let block = |values: &str| {
        read(&format!(
            "# Format\n\n## Values\n\n```typescript\n{values}\n```\n"
        ))
    };
    let (models, errors) = block("\"stop\" | \"length\" | Unrecognized<string>");
    assert!(errors.is_empty(), "{errors:?}");
    let ModelKind::Enum { variants, open, .. } = &models[0].kind else {
        panic!("{models:?}")
    };
    assert!(*open);
    assert_eq!(variants.len(), 2);
    // Any other type among the values is reported as written.
    let (_, errors) = block("\"stop\" | models.Reason");
    assert_eq!(
        errors,
        [
            "specs/a/x.md:5:1: found the type `models.Reason` among the values, expected literals; it is not generated"
        ]
    );
    let (_, errors) = block("\"stop\" | string[]");
    assert_eq!(
        errors,
        [
            "specs/a/x.md:5:1: found a type in the values `\"stop\" | string[]`, expected literals; it is not generated"
        ]
    );
}

/// A field table under a heading the reader does not know is the doc's
/// fields; any other table there is warned about, never dropped
/// silently.
#[test]
fn a_table_under_an_unknown_heading_is_read_or_warned_about() {
    let table = "| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *str* | :heavy_check_mark: | N/A |\n";
    for heading in ["## Field\n\n", "### Fields\n\n", ""] {
        let (models, errors) = read(&format!("# T\n\nA thing.\n\n{heading}{table}"));
        assert!(errors.is_empty(), "{heading:?}: {errors:?}");
        let ModelKind::Struct(f) = &models[0].kind else {
            panic!("{heading:?}: {:?}", models[0].kind)
        };
        assert_eq!(f[0].written, "id");
        assert_eq!(f[0].ty, ReadTy::Scalar(Scalar::String));
    }
    let other = "| Code | Meaning |\n| - | - |\n| 1 | one |\n";
    let (models, errors) = read(&format!("# T\n\n## Fields\n\n{table}\n## Codes\n\n{other}"));
    assert!(matches!(&models[0].kind, ModelKind::Struct(f) if f.len() == 1));
    assert_eq!(
        errors,
        [
            "specs/a/x.md:11:1: found a table with columns `| Code | Meaning |` under `## Codes`, a heading the reader does not know, expected a `## Fields`, `## Values` or `## Supported Types` table; it is not generated"
        ]
    );
    // A second field table, the doc having its fields already.
    let (_, errors) = read(&format!("# T\n\n## Fields\n\n{table}\n## Field\n\n{table}"));
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn reports_structural_problems() {
    let (models, errors) = read("# T\n\n## Fields\n\nno table\n");
    assert_eq!(
        errors,
        [
            "specs/a/x.md:3:1: found a `## Fields` heading with no table under it, expected a `| Field | Type | Required | Description |` table; generated a map that keeps every property"
        ]
    );
    // The model says why it is a fallback: the warning, without its place.
    assert_eq!(
        Some(errors[0].trim_start_matches("specs/a/x.md:3:1: ")),
        models[0].fallback.as_deref()
    );
    let (models, errors) = read(
        "# T\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *List<* | maybe | N/A |\n",
    );
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "specs/a/x.md:7:9: in the type `List<` (generated as `serde_json::Value`): found the end"
        ),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with("specs/a/x.md:7:19: found the Required marker `maybe`"),
        "{errors:?}"
    );
    // The field is still there, as any JSON value.
    let ModelKind::Struct(f) = &models[0].kind else {
        panic!()
    };
    assert_eq!(f[0].ty, ReadTy::Scalar(Scalar::Any));
    // The field's first warning is its fallback; the model has none.
    assert_eq!(
        Some(errors[0].trim_start_matches("specs/a/x.md:7:9: ")),
        f[0].fallback.as_deref()
    );
    assert_eq!(models[0].fallback, None);
}

/// What a readme page writes that is not understood falls back to any
/// JSON value, with a warning each, never an error or a lost attribute.
#[test]
fn a_readme_page_warns_about_what_it_does_not_say() {
    let page = "---\ntitle: \"The Thing object\"\n---\n## Attributes\n\n**source**  \n_Where it comes from._\n\n***\n\n**kind** enum  \n_The kind of thing._\n\n***\n\n**shape** blob  \n_Its shape._\n\n## Limits\n\n| Limit | Value |\n| - | - |\n| a | 1 |\n\n## More\n\n| Name | Type | Required |\n| - | - | - |\n| size | int | sometimes |\n";
    let (models, errors) = read(page);
    let ModelKind::Struct(f) = &models[0].kind else {
        panic!("{:?}", models[0].kind)
    };
    let names: Vec<&str> = f.iter().map(|f| &*f.written).collect();
    assert_eq!(names, ["source", "kind", "shape", "size"]);
    let any = ReadTy::Scalar(Scalar::Any);
    assert_eq!([&f[0].ty, &f[1].ty, &f[2].ty], [&any, &any, &any]);
    assert_eq!(f[3].ty, ReadTy::Scalar(Scalar::I64));
    assert_eq!(errors.len(), 5, "{errors:?}");
    for (error, says) in errors.iter().zip([
        "found no type for the attribute `source`",
        "found the `enum` attribute `kind` with no values",
        "in the type `blob` of `shape` (generated as `serde_json::Value`)",
        "found a table with columns `| Limit | Value |`",
        "found the required marker `sometimes`",
    ]) {
        assert!(error.contains(says), "{error} / {says}");
    }
    // Each field that fell back says why.
    assert!(f.iter().take(3).all(|f| f.fallback.is_some()));
}

#[test]
fn an_open_map_is_named_as_each_sdk_cases_it() {
    for yes in [
        "additionalProperties",
        "additional_properties",
        "AdditionalProperties",
        "ADDITIONAL-PROPERTIES",
    ] {
        assert!(names_open_map(yes), "{yes}");
    }
    for no in [
        "additionalProperty",
        "additionalPropertiesX",
        "properties",
        "",
    ] {
        assert!(!names_open_map(no), "{no}");
    }
}

#[test]
fn a_readme_page_of_prose_only_is_any_json() {
    let (models, errors) = read("---\ntitle: \"The Note object\"\n---\nA note, any JSON.\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(models[0].rust.name, "Note");
    assert!(
        matches!(models[0].kind, ModelKind::Any),
        "{:?}",
        models[0].kind
    );
}

#[test]
fn reads_a_readme_io_page() {
    let text = "---\ntitle: \"The Access Token object\"\n---\n## Attributes\n\n**token** string(2048)  \n_The token._\n\n***\n\n**expiresIn** integer(>=3600)  \n_Seconds._\n\n***\n\n**type** enum  \n_The type._\n\n| Type | Description |\n| :-- | :-- |\n| Bearer | Bearer auth. |\n\n## Example\n\n```json\n{\"token\": \"t\"}\n```\n";
    let (models, errors) = read(text);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(models[0].rust.name, "AccessToken");
    assert_eq!(models[0].example.as_deref(), Some("{\"token\": \"t\"}\n"));
    let ModelKind::Struct(f) = &models[0].kind else {
        panic!()
    };
    let names: Vec<(&str, &str)> = f.iter().map(|f| (f.rust().name, f.wire())).collect();
    assert_eq!(
        names,
        [
            ("token", "token"),
            ("expires_in", "expiresIn"),
            ("type", "type")
        ]
    );
    assert!(f[2].rust().raw);
    assert_eq!(f[1].ty, ReadTy::Scalar(Scalar::I64));
    assert_eq!(f[0].doc, ["The token."]);
    assert_eq!(models[1].rust.name, "AccessTokenType");
    let ModelKind::Enum { variants: v, .. } = &models[1].kind else {
        panic!("{models:?}")
    };
    assert_eq!(v[0].value, Value::Str("Bearer".into()));
    assert_eq!(v[0].doc, ["Bearer auth."]);
}

#[test]
fn rules_are_read_from_the_two_unambiguous_wordings() {
    let (models, errors) = read(
        "# Doc\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n\
         | `id` | *::String* | :heavy_check_mark: | An id with a maximum length of 255 characters. |\n\
         | `size` | *::Integer* | :heavy_check_mark: | Chunk size. Must be between 256 and 32768. |\n\
         | `ratio` | *T.nilable(::Float)* | :heavy_minus_sign: | Must be between 0 and 1.5 |\n\
         | `delay` | *::Integer* | :heavy_check_mark: | Must be between 24 and 48 hours in the future. |\n\
         | `count` | *::Integer* | :heavy_check_mark: | A maximum length of 3 characters. |\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    let ModelKind::Struct(fields) = &models[0].kind else {
        panic!("{models:?}")
    };
    let bound = |value: &str, min: bool| {
        let value = value.to_owned();
        if min {
            Constraint::Min {
                value,
                exclusive: false,
            }
        } else {
            Constraint::Max {
                value,
                exclusive: false,
            }
        }
    };
    assert_eq!(fields[0].constraints, [Constraint::MaxChars(255)]);
    assert_eq!(
        fields[1].constraints,
        [bound("256", true), bound("32768", false)]
    );
    // Not a sentence of its own (no full stop), prose about something
    // else, and a length said of a number: no rule.
    assert!(fields[2].constraints.is_empty());
    assert!(fields[3].constraints.is_empty());
    assert!(fields[4].constraints.is_empty());
}
