//! Unions: the order their alternatives are tried in (`__private::union`).

use super::lit::{Lit, push_all, push_lit};
use super::{Generator, LINTS_ALLOWED, STRING, UNION, VALUE};
use crate::internals::ir::{Alternative, ModelId, ModelKind, Presence, Scalar, Ty, Value};
use std::fmt::Write as _;

impl Generator<'_> {
    /// `TryFrom<Value>` for union `i`: the alternatives tried in the order
    /// `union::order` gives for the value, from what each reads.
    pub(super) fn union_reader(
        &self,
        out: &mut String,
        i: ModelId,
        alternatives: &[Alternative],
        shapes: &[String],
    ) {
        let name = &self.resolved.model(i).rust;
        let value = self.path(i, VALUE);
        let union = self.path(i, UNION);
        let allowed = if self.at_root(i) { LINTS_ALLOWED } else { "" };
        emit!(
            out,
            "{allowed} impl ::core::convert::TryFrom<{value}> for {name} {{ \
             type Error = {}; \
             fn try_from(value: {value}) -> ::core::result::Result<Self, Self::Error> {{ \
             const SHAPES: &[{union}::Shape] = &[",
            self.path(i, STRING)
        );
        for shape in shapes {
            out.push_str(shape);
            out.push(',');
        }
        emit!(
            out,
            "]; for k in {union}::order(&value, SHAPES) {{ let read = match k {{"
        );
        for (k, a) in alternatives.iter().enumerate() {
            emit!(out, "{k} => {union}::read(&value).map({name}::{}),", a.rust);
        }
        let message = format!("data did not match any variant of untagged enum {name}");
        emit!(
            out,
            "_ => continue, }}; if let ::core::result::Result::Ok(read) = read {{ \
             return ::core::result::Result::Ok(read); }} }} \
             ::core::result::Result::Err({}::from({})) }} }}",
            self.path(i, STRING),
            Lit(&message)
        );
    }

    /// What JSON an alternative of type `ty` reads, as a `union::Shape`.
    pub(super) fn shape(&self, out: &mut String, i: ModelId, ty: &Ty) {
        let union = self.path(i, UNION);
        let simple = |out: &mut String, s: &str| push_all(out, &[union, "::Shape::", s]);
        match ty {
            Ty::Scalar(Scalar::String | Scalar::DateTime | Scalar::Date) => simple(out, "String"),
            Ty::Scalar(Scalar::I32 | Scalar::I64 | Scalar::I128) => simple(out, "Integer"),
            Ty::Scalar(Scalar::F32 | Scalar::F64 | Scalar::Number) => simple(out, "Number"),
            Ty::Scalar(Scalar::Bool) => simple(out, "Bool"),
            Ty::Scalar(Scalar::Object) | Ty::Map(_) => simple(out, "Map"),
            Ty::List(_) => simple(out, "Array"),
            Ty::Nullable(inner) => self.shape(out, i, inner),
            Ty::Model(t) => match &self.resolved.model(*t).kind {
                ModelKind::Struct(fields) if !fields.iter().any(|f| f.rest) => {
                    simple(out, "Object { keys: &[");
                    for f in fields {
                        push_lit(out, f.wire());
                        out.push(',');
                    }
                    out.push_str("], required: &[");
                    for f in fields {
                        if matches!(f.presence, Presence::Required | Presence::Nullable) {
                            push_lit(out, f.wire());
                            out.push(',');
                        }
                    }
                    out.push_str("] }");
                }
                ModelKind::Struct(_) | ModelKind::FreeForm => simple(out, "Map"),
                ModelKind::Enum { variants, .. }
                    if variants.iter().all(|v| matches!(v.value, Value::Str(_))) =>
                {
                    simple(out, "String");
                }
                _ => simple(out, "Any"),
            },
            Ty::Scalar(Scalar::Any) => simple(out, "Any"),
        }
    }
}
