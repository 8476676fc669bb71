//! The plain-data intermediate representation between reading docs and
//! generating code. Nothing here knows about proc-macro types. Models
//! borrow what they can of the specs' text (`'s`): field names and one-line
//! descriptions, most of what a doc holds, are not copied.
//!
//! A model's types change with the phase: [`read`](super::read) writes
//! [`ReadTy`]s (names as written, a doc's own types by [`LocalId`], unions
//! and `null` as the Type cell has them); [`resolve`](super::resolve)
//! turns each into a [`Ty`], whose only reference is a [`ModelId`], in one
//! pass ([`ReadTy::resolve`]). What the whole graph says of a model (its
//! module, its traits, which fields are boxed) is in tables beside the
//! models ([`Resolved`](super::resolve::Resolved)), not in them.

use super::diag::Pos;
use super::naming::{Ident, RustIdent};
use std::borrow::Cow;

/// A leaf type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scalar {
    String,
    Bool,
    I32,
    I64,
    /// An integer of any size the API sends (`BigInteger`): 128 bits,
    /// so that no amount is rounded; a larger one is an error, not a loss.
    I128,
    F32,
    F64,
    /// A JSON number that may be an integer or not (TypeScript's
    /// `number`): `serde_json::Number`, which keeps an integer an integer.
    Number,
    /// An RFC 3339 date-time with its offset.
    DateTime,
    /// A calendar date.
    Date,
    /// Any JSON value.
    Any,
    /// A JSON object with any properties.
    Object,
}

impl Scalar {
    /// Whether it is a number of any kind.
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Scalar::I32 | Scalar::I64 | Scalar::I128 | Scalar::F32 | Scalar::F64 | Scalar::Number
        )
    }
}

/// A reference to another model, as the doc writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRef {
    /// The name as written, its path segments joined by `.`
    /// (`models.errors.Error`, `Claims`): one string, read through
    /// [`NamedRef::name`] and [`NamedRef::qualifier`].
    pub path: String,
    /// The link target around it, if any.
    pub link: Option<String>,
}

impl NamedRef {
    /// The type name: the last path segment (`Error`).
    pub fn name(&self) -> &str {
        self.path.rsplit('.').next().unwrap_or(&self.path)
    }

    /// The path segments before the name (`models`, `errors`).
    pub fn qualifier(&self) -> impl DoubleEndedIterator<Item = &str> {
        let before = self.path.rsplit_once('.').map_or("", |(q, _)| q);
        before.split('.').filter(|s| !s.is_empty())
    }
}

/// A spec file: its index among the specs the invocation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpecId(usize);

/// A generated type: its index among the resolved models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModelId(usize);

/// A type a doc defines beside its own (an inline union, a `## Name`
/// section): its index among the models read from that doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(usize);

macro_rules! ids {
    ($($id:ident),*) => {$(
        impl $id {
            pub const fn new(index: usize) -> Self {
                $id(index)
            }

            /// The index it stands for.
            pub const fn index(self) -> usize {
                self.0
            }
        }
    )*};
}
ids!(SpecId, ModelId, LocalId);

/// A field's type as a doc writes it, before the references in it are
/// resolved: what [`read`](super::read) produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadTy {
    Scalar(Scalar),
    List(Box<ReadTy>),
    /// A map from string keys to values.
    Map(Box<ReadTy>),
    /// A value that may be `null` inside a container (`List<Optional<T>>`).
    Nullable(Box<ReadTy>),
    /// Another model, by the name (and link) the doc writes.
    Named(NamedRef),
    /// A type the same doc defines.
    Local(LocalId),
    /// One of several types, before the reader makes it a model of its own.
    Union(Vec<ReadTy>),
    /// `null`, only inside a union, before the union is simplified.
    Null,
    /// Not JSON data (an HTTP response, a stream): why.
    Transport(&'static str),
}

/// A field's type once resolved: its only reference is a model's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Scalar(Scalar),
    List(Box<Ty>),
    /// A map from string keys to values.
    Map(Box<Ty>),
    /// A value that may be `null` inside a container (`List<Optional<T>>`).
    Nullable(Box<Ty>),
    /// Another model.
    Model(ModelId),
}

impl<'s, T> ModelKind<'s, T> {
    /// How many fields, values or alternatives the model has.
    pub fn len(&self) -> usize {
        match self {
            ModelKind::Struct(fields) => fields.len(),
            ModelKind::Enum { variants, .. } => variants.len(),
            ModelKind::Union(alternatives) => alternatives.len(),
            ModelKind::FreeForm | ModelKind::Any => 0,
        }
    }

    /// The model's fields and union alternatives (one of them is empty).
    fn parts(&self) -> (&[Field<'s, T>], &[Alternative<T>]) {
        match self {
            ModelKind::Struct(fields) => (fields, &[]),
            ModelKind::Union(alternatives) => (&[], alternatives),
            ModelKind::FreeForm | ModelKind::Any | ModelKind::Enum { .. } => (&[], &[]),
        }
    }

    /// Every type the model's fields or alternatives have.
    pub fn types(&self) -> impl Iterator<Item = &T> {
        let (fields, alternatives) = self.parts();
        let fields = fields.iter().map(|f| &f.ty);
        fields.chain(alternatives.iter().map(|a| &a.ty))
    }

    /// Every type of the model's fields or alternatives, to change.
    pub fn types_mut(&mut self) -> impl Iterator<Item = &mut T> {
        let (fields, alternatives): (&mut [Field<'s, T>], &mut [Alternative<T>]) = match self {
            ModelKind::Struct(fields) => (fields, &mut []),
            ModelKind::Union(alternatives) => (&mut [], alternatives),
            ModelKind::FreeForm | ModelKind::Any | ModelKind::Enum { .. } => (&mut [], &mut []),
        };
        let fields = fields.iter_mut().map(|f| &mut f.ty);
        fields.chain(alternatives.iter_mut().map(|a| &mut a.ty))
    }

    /// Every type, with what a diagnostic about it names: the field (at
    /// its row) or the union's alternative (at `model`, the union's own
    /// position).
    pub fn types_named(&self, model: Pos) -> impl Iterator<Item = (&T, &str, Pos)> {
        let (fields, alternatives) = self.parts();
        let fields = fields.iter().map(|f| (&f.ty, &*f.written, f.pos));
        fields.chain(
            alternatives
                .iter()
                .map(move |a| (&a.ty, a.written.as_str(), model)),
        )
    }

    /// The same kind with every type changed by `f`, given the field's or
    /// alternative's own fallback to set.
    pub fn map_types<U>(
        self,
        mut f: impl FnMut(T, &str, Pos, &mut Option<String>) -> U,
        model: Pos,
        model_fallback: &mut Option<String>,
    ) -> ModelKind<'s, U> {
        match self {
            ModelKind::Struct(fields) => ModelKind::Struct(
                fields
                    .into_iter()
                    .map(|field| {
                        let Field {
                            written,
                            pos,
                            rust,
                            wire,
                            ty,
                            presence,
                            doc,
                            deprecated,
                            mut fallback,
                            rest,
                            secret,
                            constraints,
                        } = field;
                        let ty = f(ty, &written, pos, &mut fallback);
                        Field {
                            written,
                            pos,
                            rust,
                            wire,
                            ty,
                            presence,
                            doc,
                            deprecated,
                            fallback,
                            rest,
                            secret,
                            constraints,
                        }
                    })
                    .collect(),
            ),
            ModelKind::Union(alternatives) => ModelKind::Union(
                alternatives
                    .into_iter()
                    .map(|a| Alternative {
                        ty: f(a.ty, &a.written, model, model_fallback),
                        rust: a.rust,
                        written: a.written,
                    })
                    .collect(),
            ),
            ModelKind::FreeForm => ModelKind::FreeForm,
            ModelKind::Any => ModelKind::Any,
            ModelKind::Enum {
                variants,
                open,
                loose,
            } => ModelKind::Enum {
                variants,
                open,
                loose,
            },
        }
    }
}

impl ReadTy {
    /// Every type this type contains, itself included.
    pub fn walk(&self, f: &mut impl FnMut(&ReadTy)) {
        f(self);
        match self {
            ReadTy::List(t) | ReadTy::Map(t) | ReadTy::Nullable(t) => t.walk(f),
            ReadTy::Union(ts) => ts.iter().for_each(|t| t.walk(f)),
            ReadTy::Scalar(_)
            | ReadTy::Named(_)
            | ReadTy::Local(_)
            | ReadTy::Null
            | ReadTy::Transport(_) => {}
        }
    }

    pub fn walk_mut(&mut self, f: &mut impl FnMut(&mut ReadTy)) {
        f(self);
        match self {
            ReadTy::List(t) | ReadTy::Map(t) | ReadTy::Nullable(t) => t.walk_mut(f),
            ReadTy::Union(ts) => ts.iter_mut().for_each(|t| t.walk_mut(f)),
            ReadTy::Scalar(_)
            | ReadTy::Named(_)
            | ReadTy::Local(_)
            | ReadTy::Null
            | ReadTy::Transport(_) => {}
        }
    }

    /// The scalar a value of this type is, when there is one (`null`
    /// aside): what a rule or a credential's name can apply to.
    pub fn value_scalar(&self) -> Option<Scalar> {
        match self {
            ReadTy::Scalar(s) => Some(*s),
            ReadTy::Nullable(inner) => match **inner {
                ReadTy::Scalar(s) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    /// Why the type is not JSON data, if anything inside it is a transport
    /// object.
    pub fn transport(&self) -> Option<&'static str> {
        let mut why = None;
        self.walk(&mut |t| {
            if let ReadTy::Transport(w) = t {
                why = Some(*w);
            }
        });
        why
    }

    /// The resolved type: each name becomes the model `named` finds
    /// (`serde_json::Value` where it finds none), each local type
    /// `local`'s model. The reader leaves no union, `null` or transport
    /// object in a model's types (each is a model of its own, a nullable
    /// type or a field left out); should one remain, it is any JSON value.
    pub fn resolve(
        self,
        named: &mut impl FnMut(NamedRef) -> Option<ModelId>,
        local: &impl Fn(LocalId) -> ModelId,
    ) -> Ty {
        let any = Ty::Scalar(Scalar::Any);
        match self {
            ReadTy::Scalar(s) => Ty::Scalar(s),
            ReadTy::List(t) => Ty::List(Box::new(t.resolve(named, local))),
            ReadTy::Map(t) => Ty::Map(Box::new(t.resolve(named, local))),
            ReadTy::Nullable(t) => Ty::Nullable(Box::new(t.resolve(named, local))),
            ReadTy::Named(n) => named(n).map_or(any, Ty::Model),
            ReadTy::Local(k) => Ty::Model(local(k)),
            ReadTy::Union(_) | ReadTy::Null | ReadTy::Transport(_) => any,
        }
    }
}

impl Ty {
    /// Every type this type contains, itself included.
    pub fn walk(&self, f: &mut impl FnMut(&Ty)) {
        f(self);
        match self {
            Ty::List(t) | Ty::Map(t) | Ty::Nullable(t) => t.walk(f),
            Ty::Scalar(_) | Ty::Model(_) => {}
        }
    }
}

/// A model as [`read`](super::read) produces it.
pub type ReadModel<'s> = Model<'s, ReadTy>;

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
    /// May be absent and may be null, and the doc tells the two apart:
    /// `Option<Option<T>>` (absent, `null`, a value), each written back as
    /// it came.
    OptionalNullable,
}

/// Doc comment lines, kept as one text with a `\n` between lines: most
/// descriptions are one line of the spec, which this borrows. Empty text
/// is no lines, so a doc cannot start with a blank line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lines<'s> {
    text: Cow<'s, str>,
}

impl Default for Lines<'_> {
    fn default() -> Self {
        // Not `Cow::default()`: that is an owned (empty) `String`.
        Lines {
            text: Cow::Borrowed(""),
        }
    }
}

impl<'s> Lines<'s> {
    /// One line (a table cell's text), or several joined by `\n`,
    /// borrowed.
    pub fn line(text: &'s str) -> Self {
        Lines {
            text: Cow::Borrowed(text),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The lines joined by `\n`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends a line (without a `\n`); a blank one is dropped while there
    /// are no lines yet.
    pub fn push(&mut self, line: &str) {
        if self.text.is_empty() {
            if !line.is_empty() {
                self.text = Cow::Owned(line.to_owned());
            }
            return;
        }
        let text = self.text.to_mut();
        text.push('\n');
        text.push_str(line);
    }

    /// Appends the lines of `more`.
    pub fn append(&mut self, more: &Lines<'s>) {
        if self.is_empty() {
            // Still borrowed, if `more` is.
            *self = more.clone();
        } else if !more.is_empty() {
            self.push(&more.text);
        }
    }
}

#[cfg(test)]
impl Lines<'_> {
    /// The lines, one by one.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (!self.text.is_empty())
            .then(|| self.text.split('\n'))
            .into_iter()
            .flatten()
    }

    /// Whether the text is borrowed, not copied.
    pub fn borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }
}

/// `lines == ["a", "b"]` in tests.
#[cfg(test)]
impl<const N: usize> PartialEq<[&str; N]> for Lines<'_> {
    fn eq(&self, lines: &[&str; N]) -> bool {
        self.iter().eq(lines.iter().copied())
    }
}

impl<'s> From<Cow<'s, str>> for Lines<'s> {
    /// One line, or several joined by `\n`.
    fn from(text: Cow<'s, str>) -> Self {
        Lines { text }
    }
}

impl From<String> for Lines<'_> {
    /// One line, or several joined by `\n`.
    fn from(text: String) -> Self {
        Lines::from(Cow::Owned(text))
    }
}

/// One field of a struct, its type read ([`ReadTy`]) or resolved ([`Ty`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'s, T = Ty> {
    /// The name as the doc writes it (borrowed from it, as a rule).
    pub written: Cow<'s, str>,
    pub pos: Pos,
    /// The Rust name when it is not the name as written (see
    /// [`Field::rust`]): most fields of snake_case SDKs keep theirs.
    pub rust: Option<RustIdent>,
    /// The JSON key when it is not the name as written (see
    /// [`Field::wire`]): most fields keep theirs, and so copy nothing.
    pub wire: Option<String>,
    pub ty: T,
    pub presence: Presence,
    pub doc: Lines<'s>,
    pub deprecated: bool,
    /// Why the field's type is a fallback (`serde_json::Value`, a
    /// rename) rather than what the doc says, if it is: the warning's
    /// message.
    pub fallback: Option<String>,
    /// An open map (Speakeasy's `additionalProperties` row): every property
    /// the other fields do not take, flattened into the struct.
    pub rest: bool,
    /// A credential, which `Debug` does not print (`secrets`).
    pub secret: bool,
    /// What the doc says the value must be (readme.io's `string(2048)`,
    /// `integer(>=3600)`), checked by `token_models::Validate`.
    pub constraints: Vec<Constraint>,
}

/// A rule a doc states for a field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    /// At most this many characters.
    MaxChars(u64),
    /// A number at least (or, `exclusive`, more than) this one, as the doc
    /// writes it.
    Min { value: String, exclusive: bool },
    /// A number at most (or, `exclusive`, less than) this one.
    Max { value: String, exclusive: bool },
}

impl<T> Field<'_, T> {
    /// The Rust name.
    pub fn rust(&self) -> Ident<'_> {
        match &self.rust {
            Some(rust) => rust.as_ident(),
            None => Ident {
                name: &self.written,
                raw: false,
            },
        }
    }

    /// The JSON key.
    pub fn wire(&self) -> &str {
        self.wire.as_deref().unwrap_or(&self.written)
    }
}

/// A value of an enum, as it is on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Str(String),
    Int(i64),
    Bool(bool),
}

impl Value {
    /// The value as text (a string without quotes), copied only if it is
    /// not a string.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Value::Str(s) => Cow::Borrowed(s),
            Value::Int(n) => Cow::Owned(n.to_string()),
            Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        }
    }
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant<'s> {
    pub rust: RustIdent,
    /// The value on the wire.
    pub value: Value,
    pub doc: Lines<'s>,
}

/// One alternative of a union.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative<T = Ty> {
    pub rust: RustIdent,
    pub ty: T,
    /// The type as the doc writes it.
    pub written: String,
}

/// A field left out of a struct because it is not JSON data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omitted {
    pub written: String,
    pub pos: Pos,
    /// What it is (`an HTTP response`).
    pub why: &'static str,
}

/// What a model is, its types read ([`ReadTy`]) or resolved ([`Ty`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelKind<'s, T = Ty> {
    Struct(Vec<Field<'s, T>>),
    /// A JSON object whose properties the doc does not list: every property
    /// is kept.
    FreeForm,
    /// A doc with no fields at all: any JSON value.
    Any,
    /// A set of values; an open one keeps values it does not list.
    Enum {
        variants: Vec<Variant<'s>>,
        open: bool,
        /// Whether the doc cannot tell a number or boolean value from the
        /// same written as a string (a `| Name | Value |` table's `1`):
        /// both are read, the number or boolean is written.
        loose: bool,
    },
    /// One of several types, told apart by their JSON shape.
    Union(Vec<Alternative<T>>),
}

/// One generated type, its types read ([`ReadTy`]) or resolved ([`Ty`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model<'s, T = Ty> {
    /// The spec file it comes from.
    pub spec: SpecId,
    pub pos: Pos,
    pub rust: RustIdent,
    pub doc: Lines<'s>,
    pub kind: ModelKind<'s, T>,
    /// A JSON example the doc gives, verbatim.
    pub example: Option<String>,
    /// Rows of the doc's table that are not JSON data.
    pub omitted: Vec<Omitted>,
    /// Defined inside another type (a union in a Type cell), not by a doc
    /// of its own: its name is ours, and gives way in a collision.
    pub inline: bool,
    /// Why the model, or part of it, is a fallback rather than what the
    /// doc says, if it is (the first warning's message; a field's own is
    /// on the field).
    pub fallback: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stay_borrowed_until_changed() {
        let spec = String::from("One. Two.");
        let one = Lines::from(Cow::Borrowed(&spec[..4]));
        let mut lines = Lines::default();
        lines.append(&one);
        assert!(lines.borrowed(), "appending to no lines borrows");
        lines.append(&Lines::default());
        assert!(lines.borrowed(), "appending no lines changes nothing");
        lines.append(&Lines::from(Cow::Borrowed(&spec[5..])));
        assert_eq!(lines, ["One.", "Two."]);
        let mut pushed = Lines::default();
        pushed.push("");
        assert!(pushed.is_empty(), "a blank first line is dropped");
        pushed.push("A.");
        pushed.push("");
        pushed.push("B.");
        assert_eq!(pushed, ["A.", "", "B."]);
        assert_eq!(one, ["One."]);
    }
}
