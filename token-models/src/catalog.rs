//! The models an `include_specs!` generated, as data.
//!
//! Every expansion defines a `pub static CATALOG: &[Model]` beside the
//! modules it generates; this crate's own is [`crate::CATALOG`].

use serde::Serialize;

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
}

/// A row of a doc's table that is not JSON data, left out of its struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Omitted {
    /// The field's name as the doc writes it.
    pub name: &'static str,
    /// What it is instead (`an HTTP response`).
    pub why: &'static str,
}
