//! Docs that look odd but are valid generate working types.

use serde_json::json;

token_models::include_specs!("specs-edge");

#[test]
fn a_doc_without_a_title_is_named_from_its_file() {
    let v: NoTitle = serde_json::from_value(json!({"id": "a"})).expect("deserializes");
    assert_eq!(v.id, "a");
}

#[test]
fn a_doc_with_only_prose_holds_any_json() {
    let value = json!({"anything": [1, "two", null]});
    let note: Note = serde_json::from_value(value.clone()).expect("deserializes");
    assert_eq!(note.0, value);
    assert_eq!(serde_json::to_value(&note).expect("serializes"), value);
}

#[test]
fn awkward_field_names_become_identifiers_with_exact_wire_names() {
    let value = json!({
        "type": "t", "self": "s", "match": 3, "2fa": true,
        "x-request-id": "r", "$ref": "#/x", "café": "crème"
    });
    let a: Awkward = serde_json::from_value(value.clone()).expect("deserializes");
    assert_eq!(
        (a.r#type.as_str(), a.self_.as_str(), a.r#match, a._2fa),
        ("t", "s", Some(3), true)
    );
    assert_eq!(
        (
            a.x_request_id.as_str(),
            a.r#ref.as_deref(),
            a.caf.as_deref()
        ),
        ("r", Some("#/x"), Some("crème"))
    );
    assert_eq!(serde_json::to_value(&a).expect("serializes"), value);
}

#[test]
fn models_named_like_prelude_types_do_not_break_the_output() {
    let value = json!({"text": "t", "option": {"value": "v", "next": {"text": "u"}}});
    let s: String = serde_json::from_value(value.clone()).expect("deserializes");
    let inner: &Option = s.option.as_ref().expect("present");
    assert_eq!(inner.value.as_deref(), Some("v"));
    assert_eq!(serde_json::to_value(&s).expect("serializes"), value);
    let catalog: Vec<&str> = CATALOG.iter().map(|m| m.rust_path).collect();
    assert_eq!(
        catalog,
        [
            "Awkward",
            "NoTitle",
            "Note",
            "Option",
            "prelude::Debug",
            "prelude::Hash",
            "prelude::Level",
            "prelude::Map",
            "prelude::Mode",
            "prelude::Option",
            "prelude::Serialize",
            "prelude::String",
            "prelude::Value",
            "prelude::Vec",
            "String"
        ]
    );
}

#[test]
fn models_in_a_folder_named_like_the_names_it_imports_still_work() {
    // In a generated module, `Option`, `String`, `Vec`, `Value`, `Hash`,
    // `Debug` and `Serialize` are models here, so the module reaches the
    // real ones through `__tm` instead of importing them.
    let value = json!({
        "value": "v",
        "next": {"text": "t"},
        "items": [{
            "numbers": [1, 2],
            "value": {
                "any": [true],
                "hash": {"debug": "on", "serialize": {"when": "2024-01-02T03:04:05Z"}}
            }
        }],
        "cleared": null
    });
    let o: prelude::Option = serde_json::from_value(value.clone()).expect("deserializes");
    assert_eq!(o.value.as_deref(), Some("v"));
    assert_eq!(o.cleared, Some(None));
    assert_eq!(o.items[0].numbers, [1, 2]);
    let inner = o.items[0].value.as_ref().expect("present");
    assert_eq!(inner.hash.debug, prelude::Debug::On);
    assert_eq!(serde_json::to_value(&o).expect("serializes"), value);
}

#[test]
fn free_form_models_and_open_enums_in_such_a_folder_still_work() {
    let object = json!({"a": [1, "b"], "c": null});
    let map: prelude::Map = serde_json::from_value(object.clone()).expect("deserializes");
    assert_eq!(map.0.len(), 2);
    assert_eq!(serde_json::to_value(&map).expect("serializes"), object);

    for (value, level) in [
        (json!(2), prelude::Level::V2),
        (json!(7), prelude::Level::Unrecognized(json!(7))),
        (json!("2"), prelude::Level::Unrecognized(json!("2"))),
    ] {
        let read: prelude::Level = serde_json::from_value(value.clone()).expect("deserializes");
        assert_eq!(read, level);
        assert_eq!(serde_json::to_value(&read).expect("serializes"), value);
    }
    for (value, mode) in [
        (json!("fast"), prelude::Mode::Fast),
        (
            json!("warp"),
            prelude::Mode::Unrecognized("warp".to_owned()),
        ),
    ] {
        let read: prelude::Mode = serde_json::from_value(value.clone()).expect("deserializes");
        assert_eq!(read, mode);
        assert_eq!(serde_json::to_value(&read).expect("serializes"), value);
    }
}
