//! The generated `Serialize` and `Deserialize` impls against serde's derive.
//!
//! `specs-payloads/` has a field of each kind; `derived` below is the same
//! models written by hand with serde's derive. Random JSON (keys spelled as
//! the wire names are, in other cases, with other separators, or unknown;
//! values of the right type or not; keys given twice) goes into both: the
//! generated type reads it, and the derived one reads it with each key
//! renamed as the documented rule says (`rule` below, written from the rule,
//! not from the runtime). Both must succeed and write the same JSON text
//! and YAML (the generated `Serialize` impls against the derive's), or both
//! fail with the same message.

mod common;

use proptest::prelude::*;
use serde_json::json;

/// What `for_models` calls with every generated type's path.
macro_rules! each_model {
    ($($model:path),* $(,)?) => {
        const MODELS: &[&str] = &[$(stringify!($model)),*];
        /// Each model read from JSON and written back, by name.
        fn read_write(name: &str, json: &str) -> Option<Result<serde_json::Value, String>> {
            $(if name == stringify!($model) {
                return Some(
                    serde_json::from_str::<$model>(json)
                        .map(|m| serde_json::to_value(m).expect("writes"))
                        .map_err(|e| e.to_string()),
                );
            })*
            None
        }
    };
}

token_models::include_specs!("specs-payloads", strict = "true", for_models = "each_model");

/// The same models, written by hand for serde's derive.
mod derived {
    use serde::{Deserialize, Serialize};
    use std::collections::BTreeMap;

    #[derive(Debug, Serialize, Deserialize)]
    pub struct Widget {
        pub id: String,
        pub count: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub label: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "double_option"
        )]
        pub note: Option<Option<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub max_size_kb: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub part: Option<Part>,
        pub parts: Vec<Part>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub tags: Option<BTreeMap<String, i64>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub extra: Option<serde_json::Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub old: Option<bool>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct Part {
        pub name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub inner: Option<Box<Part>>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct Bag {
        pub kind: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub size: Option<i64>,
        #[serde(flatten)]
        pub additional_properties: BTreeMap<String, i64>,
    }

    mod double_option {
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<T: Serialize, S: Serializer>(
            value: &Option<Option<T>>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            value.serialize(serializer)
        }

        pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Option<T>>, D::Error> {
            Option::<T>::deserialize(deserializer).map(Some)
        }
    }
}

/// JSON as text is written: an object's keys in order, repeats kept.
#[derive(Debug, Clone)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn text(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => b.to_string(),
            Json::Int(n) => n.to_string(),
            Json::Float(x) => serde_json::to_string(x).expect("finite"),
            Json::Str(s) => serde_json::to_string(s).expect("string"),
            Json::Array(items) => {
                let items: Vec<String> = items.iter().map(Json::text).collect();
                format!("[{}]", items.join(","))
            }
            Json::Object(entries) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{}:{}", Json::Str(k.clone()).text(), v.text()))
                    .collect();
                format!("{{{}}}", entries.join(","))
            }
        }
    }
}

impl From<&serde_json::Value> for Json {
    fn from(v: &serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(*b),
            V::Number(n) => n
                .as_i64()
                .map_or_else(|| Json::Float(n.as_f64().unwrap_or(0.0)), Json::Int),
            V::String(s) => Json::Str(s.clone()),
            V::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            V::Object(entries) => Json::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), Json::from(v)))
                    .collect(),
            ),
        }
    }
}

/// The model a value is read as, for the rule to rename its keys.
#[derive(Clone, Copy)]
enum Model {
    Widget,
    Part,
    Bag,
}

/// What a field's value is, for the rule.
#[derive(Clone, Copy)]
enum Of {
    Data,
    One(Model),
    Many(Model),
}

impl Model {
    /// Wire names, and what each field's value is.
    fn fields(self) -> &'static [(&'static str, Of)] {
        match self {
            Model::Widget => &[
                ("id", Of::Data),
                ("count", Of::Data),
                ("label", Of::Data),
                ("note", Of::Data),
                ("max_size_kb", Of::Data),
                ("part", Of::One(Model::Part)),
                ("parts", Of::Many(Model::Part)),
                ("tags", Of::Data),
                ("extra", Of::Data),
                ("old", Of::Data),
            ],
            Model::Part => &[("name", Of::Data), ("inner", Of::One(Model::Part))],
            Model::Bag => &[("kind", Of::Data), ("size", Of::Data)],
        }
    }
}

/// The documented rule, as the README states it: a key names the field
/// whose wire name it is, else the one field whose wire name it equals
/// ignoring ASCII case, `_` and `-`; the first key that names a field
/// gives its value; a later one is serde's "duplicate field" if both are
/// exact, is skipped if it alone is, and else names no field. Returns the object with each key that
/// gives a field renamed to its wire name, for serde's derive, or `None`
/// where a struct is given an array (which serde's derive reads and the
/// generated types do not: `an_array_is_not_a_struct`).
fn rule(model: Model, value: &Json) -> Option<Json> {
    let (Json::Object(entries), fields) = (value, model.fields()) else {
        return match value {
            Json::Array(_) => None,
            other => Some(other.clone()),
        };
    };
    let plain = |k: &str| -> String {
        k.chars()
            .filter(|c| *c != '_' && *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let mut given: Vec<Option<bool>> = vec![None; fields.len()];
    let mut out = Vec::new();
    for (key, v) in entries {
        let named = match fields.iter().position(|(w, _)| w == key) {
            Some(i) => Some((i, true)),
            None => {
                let loose: Vec<usize> = (0..fields.len())
                    .filter(|&i| plain(fields[i].0) == plain(key))
                    .collect();
                (loose.len() == 1).then(|| (loose[0], false))
            }
        };
        match named {
            Some((i, exact)) if given[i].is_none() => {
                given[i] = Some(exact);
                let v = match (fields[i].1, v) {
                    (Of::One(inner), v) => rule(inner, v)?,
                    (Of::Many(inner), Json::Array(items)) => Json::Array(
                        items
                            .iter()
                            .map(|v| rule(inner, v))
                            .collect::<Option<_>>()?,
                    ),
                    (_, v) => v.clone(),
                };
                out.push((fields[i].0.to_owned(), v));
            }
            Some((i, true)) if given[i] == Some(true) => out.push((key.clone(), v.clone())),
            // Spelled exactly after a key spelled otherwise: skipped.
            Some((_, true)) => {}
            // Spelled otherwise, as if it named no field: no field has it
            // exactly, so serde's derive skips it (or keeps it in the open
            // map) as the generated type does.
            _ => out.push((key.clone(), v.clone())),
        }
    }
    Some(Json::Object(out))
}

/// The error's message without its position.
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Reads `value` into the generated `G` and, renamed by the rule, into the
/// derived `D`: the same JSON back, or the same error.
fn agree<G, D>(model: Model, value: &Json) -> Result<(), TestCaseError>
where
    G: serde::de::DeserializeOwned + serde::Serialize,
    D: serde::de::DeserializeOwned + serde::Serialize,
{
    let text = value.text();
    let Some(renamed) = rule(model, value) else {
        return Err(TestCaseError::reject("a struct given an array"));
    };
    let renamed = renamed.text();
    let ours = serde_json::from_str::<G>(&text);
    let theirs = serde_json::from_str::<D>(&renamed);
    match (ours, theirs) {
        (Ok(g), Ok(d)) => {
            // Written alike as text (keys in the same order) and as YAML.
            let written = |json: serde_json::Result<String>, yaml: Result<String, _>| {
                (json.expect("writes JSON"), yaml.expect("writes YAML"))
            };
            let g = written(serde_json::to_string(&g), yaml_serde::to_string(&g));
            let d = written(serde_json::to_string(&d), yaml_serde::to_string(&d));
            prop_assert_eq!(g, d, "{} / {}", text, renamed);
        }
        (Err(g), Err(d)) => prop_assert_eq!(message(&g), message(&d), "{} / {}", text, renamed),
        (g, d) => prop_assert!(
            false,
            "{text} / {renamed}: generated {:?}, derived {:?}",
            g.map(|_| ()),
            d.map(|_| ())
        ),
    }
    // Read from a `serde_json::Value` (as unions read their alternatives):
    // its keys are distinct and in its own order, which the rule follows.
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
        let in_order = Json::from(&v);
        if let Some(renamed) = rule(model, &in_order) {
            // As text, to keep the order (a `Value` sorts its keys).
            let ours = serde_json::from_value::<G>(v).map(|g| serde_json::to_value(g).ok());
            let theirs =
                serde_json::from_str::<D>(&renamed.text()).map(|d| serde_json::to_value(d).ok());
            prop_assert_eq!(
                ours.map_err(|e| message(&e)),
                theirs.map_err(|e| message(&e))
            );
        }
    }
    Ok(())
}

/// A key for wire name `wire`: as it is, or as an API might write it.
fn spelling(wire: &'static str) -> impl Strategy<Value = String> {
    let camel: String = wire
        .split('_')
        .enumerate()
        .map(|(k, w)| {
            if k == 0 {
                w.to_owned()
            } else {
                w[..1].to_uppercase() + &w[1..]
            }
        })
        .collect();
    prop_oneof![
        4 => Just(wire.to_owned()),
        1 => Just(wire.to_uppercase()),
        1 => Just(camel.clone()),
        1 => Just(camel[..1].to_uppercase() + &camel[1..]),
        1 => Just(format!("__{wire}")),
        1 => Just(wire.replace('_', "-")),
    ]
}

fn leaf() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        (-3i64..3).prop_map(Json::Int),
        any::<i64>().prop_map(Json::Int),
        (-1e6f64..1e6).prop_map(Json::Float),
        "[a-z]{0,3}".prop_map(Json::Str),
    ]
}

fn any_json() -> impl Strategy<Value = Json> {
    leaf().prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Json::Array),
            prop::collection::vec(("[a-zA-Z_-]{0,4}", inner), 0..3).prop_map(Json::Object),
        ]
    })
}

/// An object of `model`: its fields' keys in any spelling, in any order,
/// some twice, some missing, unknown keys among them; values typed as the
/// field is, or anything.
fn object(
    model: Model,
    typed: impl Fn(usize) -> BoxedStrategy<Json> + 'static,
) -> BoxedStrategy<Json> {
    let fields = model.fields();
    let entry = (0..fields.len() + 1).prop_flat_map(move |i| {
        if i == fields.len() {
            ("[a-zA-Z_-]{0,6}".boxed(), any_json().boxed()).boxed()
        } else {
            (
                spelling(fields[i].0).boxed(),
                prop_oneof![4 => typed(i), 1 => any_json()].boxed(),
            )
                .boxed()
        }
    });
    prop::collection::vec(entry, 0..fields.len() + 3)
        .prop_map(Json::Object)
        .boxed()
}

fn part() -> BoxedStrategy<Json> {
    let name = "[a-z]{0,3}".prop_map(Json::Str).boxed();
    object(Model::Part, move |i| match i {
        0 => name.clone(),
        _ => prop_oneof![
            Just(Json::Null),
            object(Model::Part, |_| "[a-z]{1}".prop_map(Json::Str).boxed())
        ]
        .boxed(),
    })
}

fn widget() -> BoxedStrategy<Json> {
    object(Model::Widget, |i| match i {
        0 | 2 | 3 => prop_oneof![Just(Json::Null), "[a-z]{0,3}".prop_map(Json::Str)].boxed(),
        1 | 4 => prop_oneof![Just(Json::Null), any::<i64>().prop_map(Json::Int)].boxed(),
        5 => part(),
        6 => prop::collection::vec(part(), 0..3)
            .prop_map(Json::Array)
            .boxed(),
        7 => prop::collection::vec(("[a-z]{0,2}", any::<i64>().prop_map(Json::Int)), 0..3)
            .prop_map(Json::Object)
            .boxed(),
        8 => any_json().boxed(),
        _ => any::<bool>().prop_map(Json::Bool).boxed(),
    })
}

fn bag() -> BoxedStrategy<Json> {
    // Keys no field has go to the open map: numbers mostly, as it says.
    let entry = prop_oneof![
        2 => (spelling("kind"), "[a-z]{0,3}".prop_map(Json::Str)),
        2 => (spelling("size"), prop_oneof![Just(Json::Null), (0i64..9).prop_map(Json::Int)]),
        3 => ("[a-zA-Z_-]{0,5}", prop_oneof![4 => any::<i64>().prop_map(Json::Int), 1 => leaf()]),
    ];
    prop::collection::vec(entry, 0..6)
        .prop_map(Json::Object)
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn widgets_read_as_serde_derive_reads_them_renamed(value in widget()) {
        agree::<Widget, derived::Widget>(Model::Widget, &value)?;
    }

    #[test]
    fn parts_read_as_serde_derive_reads_them_renamed(value in part()) {
        agree::<Part, derived::Part>(Model::Part, &value)?;
    }

    #[test]
    fn open_maps_read_as_serde_derive_reads_them_renamed(value in bag()) {
        agree::<Bag, derived::Bag>(Model::Bag, &value)?;
    }

    #[test]
    fn anything_else_fails_as_serde_derive_fails(
        value in prop_oneof![leaf(), prop::collection::vec(("[a-zA-Z_-]{0,4}", any_json()), 0..4).prop_map(Json::Object)]
    ) {
        agree::<Widget, derived::Widget>(Model::Widget, &value)?;
        agree::<Bag, derived::Bag>(Model::Bag, &value)?;
    }
}

#[test]
fn keys_as_apis_write_them_are_read_and_written_back_as_wire_names() {
    let widget: Widget = serde_json::from_value(json!({
        "ID": "w", "Count": null, "maxSizeKB": 5, "__label": "l", "PARTS": []
    }))
    .expect("reads");
    assert_eq!(widget.max_size_kb, Some(5));
    assert_eq!(widget.label.as_deref(), Some("l"));
    assert_eq!(
        serde_json::to_value(&widget).expect("writes"),
        json!({"id": "w", "count": null, "max_size_kb": 5, "label": "l", "parts": []})
    );
    // An exact key first: a key spelled otherwise after it is skipped.
    let widget: Widget =
        serde_json::from_str(r#"{"id":"a","ID":"b","count":1,"parts":[]}"#).expect("reads");
    assert_eq!(widget.id, "a");
    // Twice exactly is serde's error.
    let twice = serde_json::from_str::<Widget>(r#"{"id":"a","id":"b","count":1,"parts":[]}"#);
    assert!(
        twice
            .unwrap_err()
            .to_string()
            .starts_with("duplicate field `id`")
    );
    // The open map keeps every key no field takes, and writes it back.
    let bag = common::round_trip::<Bag>(&json!({"kind": "k", "a": 1, "B_c": 2}));
    assert_eq!(bag.additional_properties.len(), 2);
}

#[test]
fn an_array_is_not_a_struct() {
    // serde's derive reads a struct from an array of its fields in order;
    // the generated types read objects only (no API sends an object as an
    // array, and a union's array alternative must not lose to a struct).
    let array = r#"["k", 1]"#;
    assert!(serde_json::from_str::<derived::Bag>(array).is_err()); // flattened: map only
    let part = r#"["n", null]"#;
    assert!(serde_json::from_str::<derived::Part>(part).is_ok());
    let e = serde_json::from_str::<Part>(part).unwrap_err();
    assert_eq!(message(&e), "invalid type: sequence, expected struct Part");
}

#[test]
fn for_models_calls_a_macro_with_every_generated_type() {
    let catalog: Vec<&str> = CATALOG.into_iter().map(|m| m.rust_path).collect();
    assert_eq!(MODELS, catalog);
    let part = read_write("Part", r#"{"NAME": "p"}"#).expect("a model");
    assert_eq!(part, Ok(json!({"name": "p"})));
    assert!(read_write("Nothing", "{}").is_none());
}

/// The same models, with two fields' JSON keys set by name (most of them
/// unused here).
#[allow(dead_code, unused_imports)]
mod renamed {
    token_models::include_specs!(
        "specs-payloads",
        strict = "true",
        Part.name = "partName",
        Bag.kind = "__kind"
    );
}

#[test]
fn a_fields_json_key_can_be_set_by_name() {
    let part: renamed::Part = serde_json::from_value(json!({"partName": "p"})).expect("reads");
    assert_eq!(part.name, "p");
    assert_eq!(
        serde_json::to_value(&part).expect("writes"),
        json!({"partName": "p"})
    );
    let bag = common::round_trip::<renamed::Bag>(&json!({"__kind": "k", "size": 1, "kind": 2}));
    assert_eq!(bag.kind, "k");
    // `kind` is no field's key now: the open map keeps it.
    assert_eq!(bag.additional_properties.get("kind"), Some(&2));
}

#[test]
fn a_union_reads_the_alternative_whose_fixed_value_the_payload_has() {
    // `kind` has one value per alternative: serde's order would try `Cat`
    // first, and its `kind` refuses "dog".
    let dog: Pet = common::round_trip(&json!({"kind": "dog", "name": "Rex"}));
    assert!(matches!(dog, Pet::Dog(_)), "{dog:?}");
    let cat: Pet = serde_json::from_value(json!({"name": "Tom", "KIND": "cat"})).expect("reads");
    assert!(matches!(cat, Pet::Cat(_)), "{cat:?}");
    let written = serde_json::to_value(&cat).expect("writes");
    assert_eq!(written, json!({"kind": "cat", "name": "Tom"}));
}

/// The same models where any field may be `null`.
#[allow(dead_code, unused_imports)]
mod nullable {
    token_models::include_specs!("specs-payloads", strict = "true", nulls = "anywhere");
}

#[test]
fn nulls_anywhere_keeps_a_null_the_doc_does_not_mark() {
    // A required field: `Option<T>`, `null` read and written.
    let part: nullable::Part = common::round_trip(&json!({"name": null}));
    assert_eq!(part.name, None);
    // An optional one: absent and `null` told apart.
    let bag: nullable::Bag = common::round_trip(&json!({"kind": "k", "size": null}));
    assert_eq!(bag.size, Some(None));
    let bag: nullable::Bag = common::round_trip(&json!({"kind": "k"}));
    assert_eq!(bag.size, None);
    // As documented, the optional `null` is read as absent.
    let bag: Bag = serde_json::from_value(json!({"kind": "k", "size": null})).expect("reads");
    assert_eq!(
        serde_json::to_value(&bag).expect("writes"),
        json!({"kind": "k"})
    );
}

/// The generated impls read as serde's derive in every serde format:
/// JSON from a string, a reader and a `Value`, and YAML (another
/// self-describing format), keys spelled as APIs write them included.
#[test]
fn every_format_reads_alike() {
    let json = r#"{"ID": "w", "count": 3, "maxSizeKB": 5, "parts": [{"name": "p", "Inner": {"name": "q"}}], "tags": {"a": 1}, "extra": [1, "x"], "unknown": {"deep": [null]}}"#;
    let from_str: Widget = serde_json::from_str(json).expect("a string");
    let from_reader: Widget = serde_json::from_reader(json.as_bytes()).expect("a reader");
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
    let from_value: Widget = serde_json::from_value(value.clone()).expect("a Value");
    let yaml = yaml_serde::to_string(&value).expect("YAML");
    let from_yaml: Widget = yaml_serde::from_str(&yaml).expect("YAML");
    let written = serde_json::to_value(&from_str).expect("writes");
    for other in [&from_reader, &from_value, &from_yaml] {
        assert_eq!(serde_json::to_value(other).expect("writes"), written);
    }
    assert_eq!(written["max_size_kb"], 5);
    assert_eq!(written["parts"][0]["inner"]["name"], "q");
    // And the derived twin reads the same YAML, renamed, the same way.
    let renamed = yaml
        .replace("ID:", "id:")
        .replace("maxSizeKB", "max_size_kb")
        .replace("Inner", "inner");
    let derived: derived::Widget = yaml_serde::from_str(&renamed).expect("YAML");
    assert_eq!(serde_json::to_value(&derived).expect("writes"), written);
    // Errors too: a missing field, a wrong type.
    for bad in ["count: 1\nparts: []\n", "id: w\ncount: x\nparts: []\n"] {
        let ours = yaml_serde::from_str::<Widget>(bad)
            .expect_err("refused")
            .to_string();
        let theirs = yaml_serde::from_str::<derived::Widget>(bad)
            .expect_err("refused")
            .to_string();
        assert_eq!(ours, theirs);
    }
}

/// Code generic over the models needs no serde of its own: the facade
/// re-exports the one they implement.
#[test]
fn code_generic_over_the_models_names_serde_through_the_facade() {
    fn round_trip<T>(json: &str) -> String
    where
        T: token_models::serde::Serialize + token_models::serde::de::DeserializeOwned,
    {
        let model: T = token_models::serde_json::from_str(json).expect("reads");
        token_models::serde_json::to_string(&model).expect("writes")
    }
    assert_eq!(
        round_trip::<Widget>(r#"{"id": "w", "parts": [], "count": 2}"#),
        r#"{"id":"w","count":2,"parts":[]}"#
    );
}
