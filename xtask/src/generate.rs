//! A deterministic generator of synthetic specs and of the same models as
//! ideal hand-written Rust: what a careful person would write with serde
//! (`Option`, `skip_serializing_if`, a double option where absent and null
//! differ, doc comments), no more.

use std::fmt::{self, Write as _};
use std::path::Path;

/// xorshift64*: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        // n is small; the bias is irrelevant here.
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "id",
    "name",
    "created_at",
    "status",
    "amount",
    "owner",
    "items",
    "labels",
    "metadata",
    "kind",
    "count",
    "enabled",
    "score",
    "parent",
    "region",
    "updated_at",
    "email",
    "token",
    "limit",
    "source",
];

#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Struct,
    Enum,
    Union,
}

fn shape(i: usize) -> Shape {
    match i % 10 {
        7 => Shape::Enum,
        9 if i > 0 => Shape::Union,
        _ => Shape::Struct,
    }
}

/// What a field's type is, in the spec's and in Rust's words.
enum Leaf {
    Str,
    Int,
    Float,
    Bool,
    DateTime,
    StrList,
    AnyMap,
    Model(usize),
    ModelList(usize),
}

impl Leaf {
    fn pick(rng: &mut Rng, i: usize) -> Leaf {
        let earlier = |rng: &mut Rng| rng.below(i);
        match rng.below(9) {
            0 => Leaf::Str,
            1 => Leaf::Int,
            2 => Leaf::Float,
            3 => Leaf::Bool,
            4 => Leaf::DateTime,
            5 => Leaf::StrList,
            6 => Leaf::AnyMap,
            7 if i > 0 => Leaf::Model(earlier(rng)),
            8 if i > 0 => Leaf::ModelList(earlier(rng)),
            _ => Leaf::Str,
        }
    }

    fn scalar(&self) -> bool {
        !matches!(self, Leaf::StrList | Leaf::AnyMap | Leaf::ModelList(_))
    }

    /// The Python SDK's Type cell, with an optional wrapper (`Optional`,
    /// `Nullable`, `OptionalNullable`) around a scalar.
    fn spec(&self, wrapper: Option<&str>) -> String {
        let wrap =
            |inner: &str| wrapper.map_or_else(|| inner.to_owned(), |w| format!("{w}[{inner}]"));
        match self {
            Leaf::Str => format!("*{}*", wrap("str")),
            Leaf::Int => format!("*{}*", wrap("int")),
            Leaf::Float => format!("*{}*", wrap("float")),
            Leaf::Bool => format!("*{}*", wrap("bool")),
            Leaf::DateTime => format!(
                "[{}](https://docs.python.org/3/library/datetime.html#date-objects)",
                wrap("date")
            ),
            Leaf::StrList => "List[*str*]".to_owned(),
            Leaf::AnyMap => "Dict[str, *Any*]".to_owned(),
            Leaf::Model(m) => format!(
                "[{}](../models/model{m}.md)",
                wrap(&format!("models.Model{m}"))
            ),
            Leaf::ModelList(m) => format!("List[[models.Model{m}](../models/model{m}.md)]"),
        }
    }

    /// The same type in JSON Schema (draft 07), `null` allowed or not.
    fn schema(&self, nullable: bool) -> String {
        let null = |ty: &str| {
            if nullable {
                format!("[\"{ty}\", \"null\"]")
            } else {
                format!("\"{ty}\"")
            }
        };
        match self {
            Leaf::Str => format!("{{\"type\": {}}}", null("string")),
            Leaf::Int => format!("{{\"type\": {}, \"format\": \"int64\"}}", null("integer")),
            Leaf::Float => format!("{{\"type\": {}, \"format\": \"double\"}}", null("number")),
            Leaf::Bool => format!("{{\"type\": {}}}", null("boolean")),
            Leaf::DateTime => {
                format!(
                    "{{\"type\": {}, \"format\": \"date-time\"}}",
                    null("string")
                )
            }
            Leaf::StrList => "{\"type\": \"array\", \"items\": {\"type\": \"string\"}}".to_owned(),
            Leaf::AnyMap => "{\"type\": \"object\", \"additionalProperties\": true}".to_owned(),
            Leaf::Model(m) if nullable => format!(
                "{{\"oneOf\": [{{\"$ref\": \"#/definitions/Model{m}\"}}, {{\"type\": \"null\"}}]}}"
            ),
            Leaf::Model(m) => format!("{{\"$ref\": \"#/definitions/Model{m}\"}}"),
            Leaf::ModelList(m) => format!(
                "{{\"type\": \"array\", \"items\": {{\"$ref\": \"#/definitions/Model{m}\"}}}}"
            ),
        }
    }

    fn rust(&self) -> String {
        match self {
            Leaf::Str => "String".to_owned(),
            Leaf::Int => "i64".to_owned(),
            Leaf::Float => "f64".to_owned(),
            Leaf::Bool => "bool".to_owned(),
            Leaf::DateTime => "chrono::DateTime<chrono::FixedOffset>".to_owned(),
            Leaf::StrList => "Vec<String>".to_owned(),
            Leaf::AnyMap => "std::collections::BTreeMap<String, serde_json::Value>".to_owned(),
            Leaf::Model(m) => format!("Model{m}"),
            Leaf::ModelList(m) => format!("Vec<Model{m}>"),
        }
    }
}

/// How a field may be missing.
#[derive(Clone, Copy)]
enum Presence {
    Required,
    Optional,
    Nullable,
    OptionalNullable,
}

/// What was written.
pub struct Stats {
    pub specs: usize,
    pub fields: usize,
    pub bytes: usize,
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} specs, {} fields, {} bytes of markdown",
            self.specs, self.fields, self.bytes
        )
    }
}

/// One model: its spec, its ideal Rust and its JSON Schema definition.
fn model(i: usize, rng: &mut Rng, stats: &mut Stats) -> (String, String, String) {
    let mut md = format!("# Model{i}\n\nSynthetic model number {i}.\n\n");
    let mut rs = format!("    /// Synthetic model number {i}.\n");
    let mut schema =
        format!("    \"Model{i}\": {{\n      \"description\": \"Synthetic model number {i}.\",\n");
    match shape(i) {
        Shape::Enum => {
            md.push_str("## Values\n\n");
            rs.push_str(
                "    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]\n",
            );
            let _ = writeln!(rs, "    pub enum Model{i} {{");
            let count = 3 + rng.below(6);
            let values: Vec<String> = (0..count).map(|v| format!("\"value_{v}\"")).collect();
            let _ = writeln!(
                schema,
                "      \"type\": \"string\",\n      \"enum\": [{}]",
                values.join(", ")
            );
            for v in 0..count {
                let _ = writeln!(md, "- `\"value_{v}\"`");
                let _ = writeln!(
                    rs,
                    "        /// `\"value_{v}\"`\n        #[serde(rename = \"value_{v}\")]\n        Value{v},"
                );
            }
        }
        Shape::Union => {
            let other = rng.below(i);
            let _ = write!(
                md,
                "## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n### `models.Model{other}`\n\n```python\nvalue: models.Model{other} = /* values here */\n```\n"
            );
            rs.push_str("    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]\n    #[serde(untagged)]\n");
            let _ = writeln!(
                rs,
                "    pub enum Model{i} {{\n        /// `str`\n        String(String),"
            );
            let _ = writeln!(
                rs,
                "        /// `models.Model{other}`\n        Model{other}(Model{other}),"
            );
            let _ = writeln!(
                schema,
                "      \"anyOf\": [{{\"type\": \"string\"}}, {{\"$ref\": \"#/definitions/Model{other}\"}}]"
            );
        }
        Shape::Struct => {
            md.push_str("## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n");
            rs.push_str("    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]\n");
            let _ = writeln!(rs, "    pub struct Model{i} {{");
            let mut properties = Vec::new();
            let mut required = Vec::new();
            for f in 0..4 + rng.below(27) {
                stats.fields += 1;
                let name = format!("f{f}_{}", WORDS[rng.below(WORDS.len())]);
                let leaf = Leaf::pick(rng, i);
                let presence = match rng.below(4) {
                    0 | 1 if !leaf.scalar() => Presence::Optional,
                    _ if !leaf.scalar() => Presence::Required,
                    0 => Presence::Required,
                    1 => Presence::Optional,
                    2 => Presence::Nullable,
                    _ => Presence::OptionalNullable,
                };
                let (wrapper, marker) = match presence {
                    Presence::Required => (None, ":heavy_check_mark:"),
                    Presence::Optional if leaf.scalar() => (Some("Optional"), ":heavy_minus_sign:"),
                    Presence::Optional => (None, ":heavy_minus_sign:"),
                    Presence::Nullable => (Some("Nullable"), ":heavy_check_mark:"),
                    Presence::OptionalNullable => (Some("OptionalNullable"), ":heavy_minus_sign:"),
                };
                let _ = writeln!(
                    md,
                    "| `{name}` | {} | {marker} | Field {f} of model {i}. |",
                    leaf.spec(wrapper)
                );
                let nullable = matches!(presence, Presence::Nullable | Presence::OptionalNullable);
                let property = leaf.schema(nullable);
                // The description joins the type's keywords (a `$ref` stays
                // alone, as draft 07 ignores its siblings).
                let property = if property.contains("$ref")
                    && !property.contains("oneOf")
                    && !property.contains("array")
                {
                    property
                } else {
                    format!(
                        "{}, \"description\": \"Field {f} of model {i}.\"}}",
                        &property[..property.len() - 1]
                    )
                };
                properties.push(format!("        \"{name}\": {property}"));
                if matches!(presence, Presence::Required | Presence::Nullable) {
                    required.push(format!("\"{name}\""));
                }
                let ty = leaf.rust();
                let _ = writeln!(rs, "        /// Field {f} of model {i}.");
                match presence {
                    Presence::Required => {
                        let _ = writeln!(rs, "        pub {name}: {ty},");
                    }
                    Presence::Optional => {
                        let _ = writeln!(
                            rs,
                            "        #[serde(default, skip_serializing_if = \"Option::is_none\")]\n        pub {name}: Option<{ty}>,"
                        );
                    }
                    Presence::Nullable => {
                        let _ = writeln!(rs, "        pub {name}: Option<{ty}>,");
                    }
                    Presence::OptionalNullable => {
                        let _ = writeln!(
                            rs,
                            "        #[serde(default, skip_serializing_if = \"Option::is_none\", with = \"crate::double_option\")]\n        pub {name}: Option<Option<{ty}>>,"
                        );
                    }
                }
            }
            let _ = writeln!(
                schema,
                "      \"type\": \"object\",\n      \"properties\": {{\n{}\n      }},\n      \"required\": [{}]",
                properties.join(",\n"),
                required.join(", ")
            );
        }
    }
    rs.push_str("    }\n\n");
    schema.push_str("    }");
    (md, rs, schema)
}

const IDEAL_HEADER: &str = "//! The synthetic models, written by hand as a careful person would.

use serde::{Deserialize, Serialize};

/// `Option<Option<T>>`: absent, null, or a value.
pub mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(value: &Option<Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}

/// Models from the specs in `specs/models/`.
pub mod models {
    use super::*;

";

/// The same `n` models in every form.
pub struct Generated {
    /// `(file name, markdown)` pairs.
    pub specs: Vec<(String, String)>,
    /// The ideal hand-written Rust source.
    pub ideal: String,
    /// One JSON Schema document with every model under `definitions`.
    pub schema: String,
    pub stats: Stats,
}

/// The specs, the ideal Rust and the JSON Schema for `n` models, in memory.
pub fn generate(n: usize) -> Generated {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let mut stats = Stats {
        specs: n,
        fields: 0,
        bytes: 0,
    };
    let mut specs = Vec::with_capacity(n);
    let mut ideal = String::from(IDEAL_HEADER);
    let mut definitions = Vec::with_capacity(n);
    for i in 0..n {
        let (md, rs, schema) = model(i, &mut rng, &mut stats);
        stats.bytes += md.len();
        specs.push((format!("model{i}.md"), md));
        ideal.push_str(&rs);
        definitions.push(schema);
    }
    ideal.push_str("}\n");
    let schema = format!(
        "{{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"definitions\": {{\n{}\n  }}\n}}\n",
        definitions.join(",\n")
    );
    Generated {
        specs,
        ideal,
        schema,
        stats,
    }
}

/// Writes `dir/specs/models/*.md`, `dir/ideal.rs` and `dir/schema.json`.
pub fn write(n: usize, dir: &Path) -> std::io::Result<Stats> {
    let Generated {
        specs,
        ideal,
        schema,
        stats,
    } = generate(n);
    let models = dir.join("specs").join("models");
    if models.exists() {
        std::fs::remove_dir_all(&models)?;
    }
    std::fs::create_dir_all(&models)?;
    for (name, md) in specs {
        std::fs::write(models.join(name), md)?;
    }
    std::fs::write(dir.join("ideal.rs"), ideal)?;
    std::fs::write(dir.join("schema.json"), schema)?;
    Ok(stats)
}
