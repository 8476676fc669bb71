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
    pub fn models(&self) -> &'static [Model] {
        self.decoded
            .get_or_init(|| Box::leak(decode(self.encoded).into_boxed_slice()))
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
/// (the facade depends on exactly its version of the macro), so a record
/// is never malformed; were it, its missing parts would read as empty.
fn decode(encoded: &'static str) -> Vec<Model> {
    encoded
        .split(MODEL)
        .filter(|m| !m.is_empty())
        .map(|record| {
            let mut groups = record.split(GROUP);
            let mut head = units(groups.next().unwrap_or(""));
            let mut next = || head.next().unwrap_or("");
            let kind = match next() {
                "struct" => Kind::Struct,
                "free-form" => Kind::FreeForm,
                "enum" => Kind::Enum,
                "union" => Kind::Union,
                _ => Kind::Any,
            };
            let (rust_path, spec, line, doc) =
                (next(), next(), next().parse().unwrap_or(0), next());
            let fallback = Some(next()).filter(|f| !f.is_empty());
            let example = match next() {
                "1" => Some(next()),
                _ => None,
            };
            let fields = items(groups.next().unwrap_or(""))
                .map(|f| {
                    let mut u = units(f);
                    let mut next = || u.next().unwrap_or("");
                    let (rust_name, wire_name, rust_type) = (next(), next(), next());
                    let presence = match next() {
                        "required" => Presence::Required,
                        "nullable" => Presence::Nullable,
                        "optional-nullable" => Presence::OptionalNullable,
                        _ => Presence::Optional,
                    };
                    let (description, line) = (next(), next().parse().unwrap_or(0));
                    let fallback = Some(next()).filter(|f| !f.is_empty());
                    let redacted = next() == "1";
                    Field {
                        rust_name,
                        wire_name,
                        rust_type,
                        presence,
                        description,
                        line,
                        fallback,
                        redacted,
                    }
                })
                .collect();
            let variants = items(groups.next().unwrap_or(""))
                .map(|v| {
                    let mut u = units(v);
                    Variant {
                        rust_name: u.next().unwrap_or(""),
                        wire_value: u.next().unwrap_or(""),
                        json_value: u.next(),
                    }
                })
                .collect();
            let omitted = items(groups.next().unwrap_or(""))
                .map(|o| {
                    let mut u = units(o);
                    Omitted {
                        name: u.next().unwrap_or(""),
                        why: u.next().unwrap_or(""),
                    }
                })
                .collect();
            Model {
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
            }
        })
        .collect()
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
