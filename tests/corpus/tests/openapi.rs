//! The generated types against the OpenAPI documents their docs came from.
//!
//! Three repositories of `../shared/corpus2` ship the OpenAPI document their
//! SDK was generated from. For every schema of its `components` that a doc
//! of the repository documents as a struct (the doc of the schema's name),
//! JSON instances are built from the schema: every property; the required
//! ones only; `null` wherever the schema allows it; each alternative of its
//! unions; an unknown key; integers in `number` fields. Each is read into
//! the generated type and written back, and must come back as it went
//! (modulo key order and the unknown key). The report lists, per
//! repository, how many pass and each class of failure with an example.
//!
//! `cargo test -p token-models-corpus --features openapi --test openapi -- --nocapture`
#![cfg(feature = "openapi")]

use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The key no schema has, added to every object that takes unknown keys.
const UNKNOWN: &str = "tokenModelsUnknownKey";

/// How an instance is built.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    /// Every property.
    All,
    /// The required properties only.
    Required,
    /// Every property, `null` where the schema allows it.
    Nulls,
    /// Every property, alternative `k` of every union (where it has one).
    Alternative(usize),
    /// Every property and an unknown key in every object.
    Unknown,
    /// Every property, integers in `number` fields.
    Integers,
}

struct Schemas<'a> {
    all: &'a Map<String, Value>,
}

impl Schemas<'_> {
    /// `schema` with its `$ref` followed.
    fn resolve<'s>(&'s self, schema: &'s Value) -> &'s Value {
        let mut schema = schema;
        for _ in 0..16 {
            match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => match r
                    .strip_prefix("#/components/schemas/")
                    .and_then(|name| self.all.get(name))
                {
                    Some(target) => schema = target,
                    None => return &Value::Null,
                },
                None => return schema,
            }
        }
        schema
    }

    /// The alternatives of a union schema, without the `null` one; `None`
    /// if it is not a union.
    fn alternatives<'s>(&'s self, schema: &'s Value) -> Option<Vec<&'s Value>> {
        let list = schema
            .get("oneOf")
            .or_else(|| schema.get("anyOf"))?
            .as_array()?;
        Some(
            list.iter()
                .map(|s| self.resolve(s))
                .filter(|s| !is_null_type(s))
                .collect(),
        )
    }

    fn nullable(&self, schema: &Value) -> bool {
        let schema = self.resolve(schema);
        schema.get("nullable") == Some(&Value::Bool(true))
            || schema
                .get("type")
                .and_then(Value::as_array)
                .is_some_and(|t| t.iter().any(|t| t == "null"))
            || ["oneOf", "anyOf"].iter().any(|k| {
                schema
                    .get(k)
                    .and_then(Value::as_array)
                    .is_some_and(|l| l.iter().any(|s| is_null_type(self.resolve(s))))
            })
            || schema
                .get("enum")
                .and_then(Value::as_array)
                .is_some_and(|e| e.contains(&Value::Null))
    }

    /// The properties and required names of an object schema (`allOf`
    /// merged).
    fn object<'s>(&'s self, schema: &'s Value) -> (Vec<(&'s str, &'s Value)>, Vec<&'s str>) {
        let mut properties = Vec::new();
        let mut required = Vec::new();
        let mut parts = vec![self.resolve(schema)];
        while let Some(part) = parts.pop() {
            if let Some(all) = part.get("allOf").and_then(Value::as_array) {
                parts.extend(all.iter().map(|s| self.resolve(s)));
            }
            if let Some(props) = part.get("properties").and_then(Value::as_object) {
                properties.extend(props.iter().map(|(k, v)| (k.as_str(), v)));
            }
            if let Some(req) = part.get("required").and_then(Value::as_array) {
                required.extend(req.iter().filter_map(Value::as_str));
            }
        }
        (properties, required)
    }

    fn is_object(&self, schema: &Value) -> bool {
        let schema = self.resolve(schema);
        schema.get("properties").is_some()
            || schema.get("allOf").is_some()
            || type_is(schema, "object")
    }

    /// How many alternatives the unions reachable from `schema` have at
    /// most (for the `Alternative` modes).
    fn widest_union(&self, schema: &Value, depth: usize) -> usize {
        if depth > 4 {
            return 0;
        }
        let schema = self.resolve(schema);
        let own = self.alternatives(schema).map_or(0, |a| a.len());
        let (properties, _) = self.object(schema);
        let below = properties
            .iter()
            .map(|(_, p)| self.widest_union(p, depth + 1))
            .chain(schema.get("items").map(|i| self.widest_union(i, depth + 1)))
            .max()
            .unwrap_or(0);
        own.max(below)
    }

    /// An instance of `schema` in `mode`.
    fn instance(&self, schema: &Value, mode: Mode, depth: usize) -> Value {
        let schema = self.resolve(schema);
        if mode == Mode::Nulls && depth > 0 && self.nullable(schema) {
            return Value::Null;
        }
        if let Some(c) = schema.get("const") {
            return c.clone();
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let values: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
            let k = match mode {
                Mode::Alternative(k) => k % values.len().max(1),
                _ => 0,
            };
            return values.get(k).map_or(Value::Null, |v| (*v).clone());
        }
        if let Some(alternatives) = self.alternatives(schema) {
            if alternatives.is_empty() {
                return Value::Null;
            }
            let k = match mode {
                Mode::Alternative(k) => k % alternatives.len(),
                _ => 0,
            };
            return self.instance(alternatives[k], mode, depth + 1);
        }
        if self.is_object(schema) {
            let (properties, required) = self.object(schema);
            let mut object = Map::new();
            for (name, property) in properties {
                // Deep down, the required properties only: schemas that
                // contain themselves end.
                let wanted = mode != Mode::Required && depth < 3 || required.contains(&name);
                if wanted && depth < 8 {
                    object.insert(name.to_owned(), self.instance(property, mode, depth + 1));
                }
            }
            if let Some(extra) = schema.get("additionalProperties") {
                if extra != &Value::Bool(false) && mode != Mode::Required {
                    let value = match extra {
                        Value::Object(_) => self.instance(extra, mode, depth + 1),
                        _ => json!("more"),
                    };
                    object.insert("extraProperty".to_owned(), value);
                }
            } else if mode == Mode::Unknown {
                object.insert(UNKNOWN.to_owned(), json!("unknown"));
            }
            return Value::Object(object);
        }
        if type_is(schema, "array") {
            let item = schema.get("items").unwrap_or(&Value::Null);
            return json!([self.instance(item, mode, depth + 1)]);
        }
        if type_is(schema, "string") {
            return match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => json!("2024-01-02T03:04:05Z"),
                Some("date") => json!("2024-01-02"),
                _ => json!("text"),
            };
        }
        if type_is(schema, "integer") {
            return json!(7);
        }
        if type_is(schema, "number") {
            return if mode == Mode::Integers {
                json!(7)
            } else {
                json!(2.5)
            };
        }
        if type_is(schema, "boolean") {
            return json!(true);
        }
        // No type: anything.
        json!("anything")
    }
}

fn type_is(schema: &Value, name: &str) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(ts)) => ts.iter().any(|t| t == name),
        _ => false,
    }
}

fn is_null_type(schema: &Value) -> bool {
    schema.get("type") == Some(&json!("null"))
}

/// The first difference between what went in and what came back, as a
/// class of failure (`key lost`, `value changed: number`…) and where.
fn difference(sent: &Value, back: &Value, at: &str) -> Option<(String, String)> {
    match (sent, back) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                if k == UNKNOWN {
                    continue;
                }
                let here = format!("{at}.{k}");
                match b.get(k) {
                    Some(w) => {
                        if let Some(d) = difference(v, w, &here) {
                            return Some(d);
                        }
                    }
                    None => {
                        let other = b
                            .keys()
                            .find(|w| w.eq_ignore_ascii_case(k) || plain(w) == plain(k));
                        let class = match other {
                            Some(_) => "key written in another spelling",
                            None => "key lost",
                        };
                        return Some((class.to_owned(), here));
                    }
                }
            }
            b.keys()
                .find(|k| !a.contains_key(*k))
                .map(|k| ("key added".to_owned(), format!("{at}.{k}")))
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (v, w))| difference(v, w, &format!("{at}[{i}]"))),
        (Value::Number(a), Value::Number(b)) if a != b => {
            let class = if a.is_f64() == b.is_f64() {
                "number changed"
            } else {
                "integer written as a float"
            };
            Some((class.to_owned(), format!("{at}: {a} -> {b}")))
        }
        (Value::String(a), Value::String(b)) if a != b => {
            Some(("string changed".to_owned(), format!("{at}: {a:?} -> {b:?}")))
        }
        (a, b) if a != b => Some(("value changed".to_owned(), format!("{at}: {a} -> {b}"))),
        _ => None,
    }
}

fn plain(k: &str) -> String {
    k.chars()
        .filter(|c| *c != '_' && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A deserialize error's class: its message up to the first backtick or
/// colon-separated detail, without positions.
fn error_class(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    let class = message.split(['`', '"']).next().unwrap_or(message);
    format!("read fails: {}", class.trim())
}

type ReadWrite = fn(&str, &Value) -> Option<Result<Value, String>>;

struct Repo {
    name: &'static str,
    openapi: &'static str,
    catalog: &'static token_models::catalog::Catalog,
    read_write: ReadWrite,
    /// Generated with `nulls = "anywhere"`: every instance must pass.
    nulls_anywhere: bool,
}

/// Per repository: instances, passes, failures by class (count, example).
struct Report {
    instances: usize,
    passed: usize,
    schemas: usize,
    matched: usize,
    unions: usize,
    unions_matched: usize,
    failures: BTreeMap<String, (usize, String)>,
}

fn check(repo: &Repo) -> Report {
    let path = format!(
        "{}/../../../shared/corpus2/{}",
        env!("CARGO_MANIFEST_DIR"),
        repo.openapi
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let document: Value = yaml_serde::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let all = document["components"]["schemas"]
        .as_object()
        .unwrap_or_else(|| panic!("{path}: no components.schemas"));
    let schemas = Schemas { all };
    let mut report = Report {
        instances: 0,
        passed: 0,
        schemas: 0,
        matched: 0,
        unions: 0,
        unions_matched: 0,
        failures: BTreeMap::new(),
    };
    for (name, schema) in all {
        let union = schemas.alternatives(schemas.resolve(schema));
        let kind = match &union {
            Some(alternatives) if alternatives.len() > 1 => token_models::catalog::Kind::Union,
            Some(_) => continue,
            None if schemas.is_object(schema) => token_models::catalog::Kind::Struct,
            None => continue,
        };
        if kind == token_models::catalog::Kind::Union {
            report.unions += 1;
        } else {
            report.schemas += 1;
        }
        // The doc of the schema's name: its file is the name in lowercase,
        // among the shared models rather than an operation's of that name.
        let file = format!("/{}.md", name.to_lowercase());
        let mut docs: Vec<&token_models::catalog::Model> = repo
            .catalog
            .into_iter()
            .filter(|m| m.spec.to_lowercase().ends_with(&file))
            .collect();
        docs.sort_by_key(|m| m.spec.contains("/operations/"));
        let Some(model) = docs.first().filter(|m| m.kind == kind) else {
            continue;
        };
        let modes = match union {
            // A payload of each alternative: a union must read it as that
            // one, not as an earlier one that happens to take it.
            Some(alternatives) => {
                report.unions_matched += 1;
                (0..alternatives.len()).map(Mode::Alternative).collect()
            }
            None => {
                report.matched += 1;
                let mut modes = vec![
                    Mode::All,
                    Mode::Required,
                    Mode::Nulls,
                    Mode::Unknown,
                    Mode::Integers,
                ];
                modes.extend((1..schemas.widest_union(schema, 0)).map(Mode::Alternative));
                modes
            }
        };
        for mode in modes {
            let instance = schemas.instance(schema, mode, 0);
            report.instances += 1;
            let failure = match (repo.read_write)(model.rust_path, &instance) {
                None => Some(("no dispatch".to_owned(), model.rust_path.to_owned())),
                Some(Err(e)) => Some((error_class(&e), e)),
                Some(Ok(back)) => difference(&instance, &back, ""),
            };
            match failure {
                None => report.passed += 1,
                Some((class, detail)) => {
                    let kind = match mode {
                        Mode::Alternative(_) => "alternatives".to_owned(),
                        other => format!("{other:?}").to_lowercase(),
                    };
                    let entry = report
                        .failures
                        .entry(format!("{kind}: {class}"))
                        .or_insert_with(|| (0, format!("{}: {detail}", model.rust_path)));
                    entry.0 += 1;
                }
            }
        }
    }
    report
}

#[test]
fn instances_of_the_schemas_read_and_write_back() {
    let repo = |name, openapi, catalog, read_write, nulls_anywhere| Repo {
        name,
        openapi,
        catalog,
        read_write,
        nulls_anywhere,
    };
    let repos = [
        repo(
            "wingspan-python",
            "python/speakeasy-sdks__wingspan-python/_openapi.yaml",
            &token_models_corpus::wingspan_python::CATALOG,
            token_models_corpus::wingspan_python::read_write as ReadWrite,
            false,
        ),
        repo(
            "dub-ts",
            "typescript/dubinc__dub-ts/_openapi.yaml",
            &token_models_corpus::dub_ts::CATALOG,
            token_models_corpus::dub_ts::read_write,
            false,
        ),
        repo(
            "wingspan-ts",
            "typescript/speakeasy-sdks__wingspan-ts/_openapi.yaml",
            &token_models_corpus::wingspan_ts::CATALOG,
            token_models_corpus::wingspan_ts::read_write,
            false,
        ),
        repo(
            "wingspan-python, nulls = \"anywhere\"",
            "python/speakeasy-sdks__wingspan-python/_openapi.yaml",
            &token_models_corpus::wingspan_python_nulls::CATALOG,
            token_models_corpus::wingspan_python_nulls::read_write,
            true,
        ),
        repo(
            "dub-ts, nulls = \"anywhere\"",
            "typescript/dubinc__dub-ts/_openapi.yaml",
            &token_models_corpus::dub_ts_nulls::CATALOG,
            token_models_corpus::dub_ts_nulls::read_write,
            true,
        ),
        repo(
            "wingspan-ts, nulls = \"anywhere\"",
            "typescript/speakeasy-sdks__wingspan-ts/_openapi.yaml",
            &token_models_corpus::wingspan_ts_nulls::CATALOG,
            token_models_corpus::wingspan_ts_nulls::read_write,
            true,
        ),
    ];
    let mut out = String::new();
    let mut unexpected = Vec::new();
    for repo in &repos {
        let r = check(repo);
        // Every schema of an object is documented as a struct but those
        // the SDK inlines or names otherwise (a floor, as measured).
        assert!(
            r.matched * 100 >= r.schemas * 82,
            "{}: {} of {}",
            repo.name,
            r.matched,
            r.schemas
        );
        // What fails is a `null` the doc does not say the field may hold:
        // these generators' docs do not mark nullable fields (an optional
        // one reads it as absent, a required one cannot read it). With
        // `nulls = "anywhere"` nothing fails.
        for (class, (count, example)) in &r.failures {
            if repo.nulls_anywhere || !class.starts_with("nulls: ") {
                unexpected.push(format!("{}: {count} {class}: e.g. {example}", repo.name));
            }
        }
        let _ = writeln!(
            out,
            "{}: {} object schemas, {} documented as structs; {} unions, {} documented as unions; {} instances, {} pass ({:.1}%)",
            repo.name,
            r.schemas,
            r.matched,
            r.unions,
            r.unions_matched,
            r.instances,
            r.passed,
            100.0 * r.passed as f64 / r.instances.max(1) as f64
        );
        for (class, (count, example)) in &r.failures {
            let _ = writeln!(out, "  {count:>4} {class}: e.g. {example}");
        }
    }
    println!("{out}");
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}
