//! The plain-data intermediate representation between reading docs and
//! generating code. Nothing here knows about proc-macro types.

use super::diag::Pos;
use super::naming::RustIdent;

/// A leaf type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scalar {
    String,
    Bool,
    I32,
    I64,
    F32,
    F64,
    /// An RFC 3339 date-time with its offset.
    DateTime,
    /// A calendar date.
    Date,
    /// Any JSON value.
    Any,
    /// A JSON object with any properties.
    Object,
}

/// A reference to another model, as the doc writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRef {
    /// The type name as written (last path segment: `Claims`).
    pub name: String,
    /// The link target around it, if any.
    pub link: Option<String>,
}

/// A field's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Scalar(Scalar),
    List(Box<Ty>),
    /// A map from string keys to values.
    Map(Box<Ty>),
    /// A value that may be `null` inside a container (`List<Optional<T>>`).
    Nullable(Box<Ty>),
    /// Another model, before links are resolved.
    Named(NamedRef),
    /// Another model, after resolution: an index into the model list.
    Model(usize),
}

impl Ty {
    /// Every type this type contains, itself included.
    pub fn walk(&self, f: &mut impl FnMut(&Ty)) {
        f(self);
        match self {
            Ty::List(t) | Ty::Map(t) | Ty::Nullable(t) => t.walk(f),
            Ty::Scalar(_) | Ty::Named(_) | Ty::Model(_) => {}
        }
    }

    pub fn walk_mut(&mut self, f: &mut impl FnMut(&mut Ty)) {
        f(self);
        match self {
            Ty::List(t) | Ty::Map(t) | Ty::Nullable(t) => t.walk_mut(f),
            Ty::Scalar(_) | Ty::Named(_) | Ty::Model(_) => {}
        }
    }
}

/// Whether a field may be absent and whether it may be `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Always present, never null: `T`.
    Required,
    /// May be absent (or null, which reads as absent): `Option<T>`, omitted
    /// when `None`.
    Optional,
    /// Always present, may be null: `Option<T>`, written as `null`.
    Nullable,
}

/// One field of a struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The name as the doc writes it.
    pub written: String,
    pub pos: Pos,
    pub rust: RustIdent,
    /// The JSON key.
    pub wire: String,
    pub ty: Ty,
    pub presence: Presence,
    pub doc: Vec<String>,
    pub deprecated: bool,
    /// Whether the value is boxed because the model contains itself.
    pub boxed: bool,
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub rust: RustIdent,
    /// The value on the wire.
    pub wire: String,
    pub doc: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelKind {
    Struct(Vec<Field>),
    /// A JSON object whose properties the doc does not list: every property
    /// is kept.
    FreeForm,
    /// A doc with no fields at all: any JSON value.
    Any,
    /// A closed set of string values.
    Enum(Vec<Variant>),
}

/// One generated type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// Index of the spec file it comes from.
    pub spec: usize,
    pub pos: Pos,
    pub rust: RustIdent,
    pub doc: Vec<String>,
    pub kind: ModelKind,
    /// A JSON example the doc gives, verbatim.
    pub example: Option<String>,
}
