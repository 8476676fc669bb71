//! The models an `include_specs!` generated, as data.
//!
//! Every expansion defines a `pub static CATALOG: Catalog` beside the
//! modules it generates; this crate's own is [`crate::CATALOG`]. A
//! [`Catalog`] derefs to `[Model]`: `CATALOG.iter()`, `CATALOG.len()`,
//! `&CATALOG[0]`.

use serde::{Serialize, Serializer};
use std::sync::OnceLock;

/// Every model one `include_specs!` generated.
///
/// The expansion stores it as one compact string (a constant array of
/// structs would cost the compiler more than the models themselves); it is
/// decoded on first use, once, into data that lives as long as the program.
pub struct Catalog {
    encoded: &'static str,
    decoded: OnceLock<&'static [Model]>,
}

/// Separators of the encoding: records, groups, items, units. Text that
/// contains them is sanitised by the macro.
const MODEL: char = '\u{1e}';
const GROUP: char = '\u{1d}';
const ITEM: char = '\u{1c}';
const UNIT: char = '\u{1f}';

impl Catalog {
    #[doc(hidden)]
    pub const fn __new(encoded: &'static str) -> Self {
        Catalog {
            encoded,
            decoded: OnceLock::new(),
        }
    }

    /// Every model, in the order of their specs' paths.
    ///
    /// # Panics
    ///
    /// If the catalog was written by another version of
    /// `token-models-derive` than the one this crate depends on (which
    /// Cargo prevents: the facade names its exact version).
    pub fn models(&self) -> &'static [Model] {
        self.decoded.get_or_init(|| match decode(self.encoded) {
            Ok(models) => leak(models),
            Err(e) => panic!(
                "token_models: cannot read a CATALOG written by another version of token-models-derive: {e}"
            ),
        })
    }
}

impl std::ops::Deref for Catalog {
    type Target = [Model];

    fn deref(&self) -> &[Model] {
        self.models()
    }
}

impl<'a> IntoIterator for &'a Catalog {
    type Item = &'a Model;
    type IntoIter = std::slice::Iter<'a, Model>;

    fn into_iter(self) -> Self::IntoIter {
        self.models().iter()
    }
}

impl Serialize for Catalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.models().serialize(serializer)
    }
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.models()).finish()
    }
}

fn units(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split(UNIT)
}

fn items(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split(ITEM).filter(|i| !i.is_empty())
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    if v.is_empty() {
        &[]
    } else {
        Box::leak(v.into_boxed_slice())
    }
}

/// The macro's encoding, back to data. The input is the macro's own output
/// (the facade depends on exactly its version of the macro), so an error
/// here means a catalog written by another version: a tag this decoder
/// does not know, a line that is not a number, a missing part. It is
/// reported, never read as a default.
fn decode(encoded: &'static str) -> Result<Vec<Model>, String> {
    encoded
        .split(MODEL)
        .filter(|m| !m.is_empty())
        .map(|record| {
            decode_model(record).map_err(|e| {
                let start: String = record.chars().take(60).collect();
                format!("{e} in the record starting {start:?}")
            })
        })
        .collect()
}

/// The next part of a record, which must be there.
fn part<'a>(parts: &mut impl Iterator<Item = &'a str>, what: &str) -> Result<&'a str, String> {
    parts.next().ok_or_else(|| format!("no {what}"))
}

fn line_number(text: &str) -> Result<u32, String> {
    text.parse()
        .map_err(|_| format!("found the line `{text}`, expected a number"))
}

fn decode_model(record: &'static str) -> Result<Model, String> {
    let mut groups = record.split(GROUP);
    let mut head = units(part(&mut groups, "head")?);
    let kind = Kind::from_tag(part(&mut head, "kind")?)?;
    let rust_path = part(&mut head, "path")?;
    let spec = part(&mut head, "spec")?;
    let line = line_number(part(&mut head, "line")?)?;
    let doc = part(&mut head, "doc")?;
    let fallback = Some(part(&mut head, "fallback")?).filter(|f| !f.is_empty());
    let example = match part(&mut head, "example flag")? {
        "0" => None,
        "1" => Some(part(&mut head, "example")?),
        other => return Err(format!("found the example flag `{other}`, expected 0 or 1")),
    };
    let fields = items(part(&mut groups, "fields")?)
        .map(|f| {
            let mut u = units(f);
            let rust_name = part(&mut u, "field name")?;
            let wire_name = part(&mut u, "JSON key")?;
            let rust_type = part(&mut u, "field type")?;
            let presence = Presence::from_tag(part(&mut u, "presence")?)?;
            let description = part(&mut u, "description")?;
            let line = line_number(part(&mut u, "field line")?)?;
            let constraints = part(&mut u, "rules")?
                .split(';')
                .filter(|r| !r.is_empty())
                .map(Constraint::from_tag)
                .collect::<Result<Vec<_>, String>>()?;
            let fallback = Some(part(&mut u, "field fallback")?).filter(|f| !f.is_empty());
            // A last unit only where the field is a credential.
            let redacted = match u.next() {
                None => false,
                Some("1") => true,
                Some(other) => {
                    return Err(format!("found the redaction flag `{other}`, expected 1"));
                }
            };
            Ok(Field {
                rust_name,
                wire_name,
                rust_type,
                presence,
                description,
                line,
                fallback,
                redacted,
                constraints: leak(constraints),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let variants = items(part(&mut groups, "variants")?)
        .map(|v| {
            let mut u = units(v);
            Ok(Variant {
                rust_name: part(&mut u, "variant name")?,
                wire_value: part(&mut u, "variant value")?,
                json_value: u.next(),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let omitted = items(part(&mut groups, "omitted fields")?)
        .map(|o| {
            let mut u = units(o);
            Ok(Omitted {
                name: part(&mut u, "omitted field's name")?,
                why: part(&mut u, "why it is omitted")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Model {
        rust_path,
        spec,
        line,
        kind,
        doc,
        fields: leak(fields),
        variants: leak(variants),
        omitted: leak(omitted),
        example,
        fallback,
    })
}

/// One generated type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Model {
    /// The type's path below the `include_specs!` invocation
    /// (`speakeasy::AccessToken`).
    pub rust_path: &'static str,
    /// The spec it comes from, relative to the invoking crate.
    pub spec: &'static str,
    /// The line of the spec where the type is defined (its title).
    pub line: u32,
    /// What shape of type it is.
    pub kind: Kind,
    /// The type's description from the doc.
    pub doc: &'static str,
    /// The fields of a struct; empty for other kinds.
    pub fields: &'static [Field],
    /// The values of an enum, or the alternatives of a union; empty for
    /// other kinds.
    pub variants: &'static [Variant],
    /// Rows of the doc's table that were left out because they are not JSON
    /// data (an HTTP response, a stream).
    pub omitted: &'static [Omitted],
    /// A JSON example the doc gives, verbatim.
    pub example: Option<&'static str>,
    /// Why the type, or a part of it that is not a field (a union's
    /// alternative, a table), is a fallback rather than what the doc says:
    /// the compiler's warning, without its place. `None` when the doc was
    /// understood.
    pub fallback: Option<&'static str>,
}

/// The shape of a generated type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Kind {
    /// A struct with the fields the doc lists.
    Struct,
    /// A JSON object whose properties the doc does not list; all are kept.
    FreeForm,
    /// Any JSON value (a doc with a title and prose only).
    Any,
    /// A set of values (an open one also keeps values it does not list).
    Enum,
    /// One of several types, told apart by their JSON shape.
    Union,
}

/// One field of a struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The Rust field name (`r#type` for keywords).
    pub rust_name: &'static str,
    /// The JSON key.
    pub wire_name: &'static str,
    /// The Rust type, written as a reader would (`Option<Vec<String>>`).
    pub rust_type: &'static str,
    /// Whether the field may be absent or null.
    pub presence: Presence,
    /// The field's description from the doc.
    pub description: &'static str,
    /// The line of the spec where the field is.
    pub line: u32,
    /// Why the field's type or name is a fallback (`serde_json::Value`, a
    /// rename) rather than what the doc says: the compiler's warning,
    /// without its place. `None` when the doc was understood.
    pub fallback: Option<&'static str>,
    /// Whether the field carries a credential, which the type's `Debug`
    /// shows as `"[redacted]"`.
    pub redacted: bool,
    /// The rules the doc states for the value (readme.io's `string(2048)`,
    /// `integer(>=3600)`), which [`Validate`](crate::Validate) checks.
    pub constraints: &'static [Constraint],
}

/// A rule a doc states for a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Constraint {
    /// At most this many characters.
    MaxChars(u64),
    /// At least this number (more than it, when `exclusive`), as the doc
    /// writes it.
    Min {
        /// The number.
        value: &'static str,
        /// Whether the number itself is out.
        exclusive: bool,
    },
    /// At most this number (less than it, when `exclusive`).
    Max {
        /// The number.
        value: &'static str,
        /// Whether the number itself is out.
        exclusive: bool,
    },
}

impl Constraint {
    /// A rule as the macro writes it: `max-chars:2048`, `min:3600`,
    /// `more-than:0`, `max:1`, `less-than:1`.
    fn from_tag(rule: &'static str) -> Result<Constraint, String> {
        let bad = || {
            format!(
                "found the rule `{rule}`, expected one of max-chars, min, more-than, max, less-than with a number"
            )
        };
        let (tag, value) = rule.split_once(':').ok_or_else(bad)?;
        Ok(match tag {
            "max-chars" => Constraint::MaxChars(value.parse().map_err(|_| bad())?),
            "min" | "more-than" => Constraint::Min {
                value,
                exclusive: tag == "more-than",
            },
            "max" | "less-than" => Constraint::Max {
                value,
                exclusive: tag == "less-than",
            },
            _ => return Err(bad()),
        })
    }
}

impl Kind {
    /// Every kind, with the tag the macro writes for it.
    const TAGS: [(&'static str, Kind); 5] = [
        ("struct", Kind::Struct),
        ("free-form", Kind::FreeForm),
        ("any", Kind::Any),
        ("enum", Kind::Enum),
        ("union", Kind::Union),
    ];

    fn from_tag(tag: &str) -> Result<Kind, String> {
        from_tag(&Kind::TAGS, tag, "kind")
    }
}

impl Presence {
    /// Every presence, with the tag the macro writes for it.
    const TAGS: [(&'static str, Presence); 4] = [
        ("required", Presence::Required),
        ("optional", Presence::Optional),
        ("nullable", Presence::Nullable),
        ("optional-nullable", Presence::OptionalNullable),
    ];

    fn from_tag(tag: &str) -> Result<Presence, String> {
        from_tag(&Presence::TAGS, tag, "presence")
    }
}

fn from_tag<T: Copy>(tags: &[(&str, T)], tag: &str, what: &str) -> Result<T, String> {
    match tags.iter().find(|(t, _)| *t == tag) {
        Some(&(_, value)) => Ok(value),
        None => {
            let known: Vec<&str> = tags.iter().map(|(t, _)| *t).collect();
            Err(format!(
                "found the {what} `{tag}`, expected one of {}",
                known.join(", ")
            ))
        }
    }
}

/// Whether a field may be absent and whether it may be `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Presence {
    /// Always present and never null: `T`.
    Required,
    /// May be absent: `Option<T>`, left out of the JSON when `None`.
    Optional,
    /// Always present, may be null: `Option<T>`, written as `null` when `None`.
    Nullable,
    /// May be absent or null, and the two differ: `Option<Option<T>>`
    /// (`None` absent, `Some(None)` null), each written back as it came.
    OptionalNullable,
}

/// One value of an enum, or one alternative of a union.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// The Rust variant name.
    pub rust_name: &'static str,
    /// For an enum, the value in JSON (a string without quotes, or a number
    /// or boolean as written); for a union, the alternative's Rust type.
    pub wire_value: &'static str,
    /// For an enum, the value as JSON text, which says whether the API
    /// sends a string (`"1"`, quoted), a number (`1`) or a boolean
    /// (`true`); `None` for a union's alternative.
    pub json_value: Option<&'static str>,
}

/// A row of a doc's table that is not JSON data, left out of its struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Omitted {
    /// The field's name as the doc writes it.
    pub name: &'static str,
    /// What it is instead (`an HTTP response`).
    pub why: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record as the macro writes it: a struct with one field.
    fn record(kind: &str, presence: &str, line: &str) -> String {
        let (u, i, g, m) = (UNIT, ITEM, GROUP, MODEL);
        format!(
            "{kind}{u}a::B{u}specs/a/b.md{u}{line}{u}Doc.{u}{u}0{g}\
             x{u}x{u}String{u}{presence}{u}A field.{u}7{u}max-chars:8;more-than:0{u}{u}1{i}{g}{g}{m}"
        )
    }

    #[test]
    fn every_tag_reads_back() {
        for (kind_tag, kind) in Kind::TAGS {
            for (presence_tag, presence) in Presence::TAGS {
                let encoded: &'static str = record(kind_tag, presence_tag, "3").leak();
                let models = decode(encoded).expect("decodes");
                assert_eq!(models.len(), 1);
                let m = &models[0];
                assert_eq!((m.kind, m.rust_path, m.line), (kind, "a::B", 3));
                let f = &m.fields[0];
                assert_eq!((f.presence, f.line, f.redacted), (presence, 7, true));
                let more_than = Constraint::Min {
                    value: "0",
                    exclusive: true,
                };
                assert_eq!(f.constraints, [Constraint::MaxChars(8), more_than]);
            }
        }
    }

    #[test]
    fn an_unknown_tag_or_a_bad_number_is_an_error() {
        let bad_kind: &'static str = record("table", "required", "3").leak();
        let e = decode(bad_kind).expect_err("an unknown kind");
        assert!(
            e.starts_with("found the kind `table`, expected one of struct,"),
            "{e}"
        );
        let bad_presence: &'static str = record("struct", "maybe", "3").leak();
        let e = decode(bad_presence).expect_err("an unknown presence");
        assert!(e.starts_with("found the presence `maybe`"), "{e}");
        let bad_line: &'static str = record("struct", "required", "three").leak();
        let e = decode(bad_line).expect_err("a line that is not a number");
        assert!(e.starts_with("found the line `three`"), "{e}");
        let bad_rule: &'static str = record("struct", "required", "3")
            .replace("max-chars:8", "max-chars:eight")
            .leak();
        let e = decode(bad_rule).expect_err("a rule that is not a number");
        assert!(e.starts_with("found the rule `max-chars:eight`"), "{e}");
        let e = decode("struct\u{1f}a::B\u{1e}").expect_err("a short record");
        assert!(e.starts_with("no spec"), "{e}");
    }
}
