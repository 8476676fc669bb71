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
    /// The values of an enum; empty for other kinds.
    pub variants: &'static [Variant],
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
    /// A closed set of values.
    Enum,
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
}

/// One value of an enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// The Rust variant name.
    pub rust_name: &'static str,
    /// The value in JSON.
    pub wire_value: &'static str,
}
