//! Structs: their fields, and the `Serialize`, `Deserialize` and (where a
//! field is a credential) `Debug` impls written for them.

use super::lit::{docs, push_all, push_lit, push_number, write_escaped};
use super::{
    BOX, DE, DEBUG, DESERIALIZE, Generator, HIDDEN, LINTS_ALLOWED, OPTION, REDACTED, SER,
    SERIALIZE, VALIDATION,
};
use crate::internals::ir::{Field, ModelId, Presence, Scalar, Ty};
use std::fmt::Write as _;

/// Whether `ty` is floats, or options, lists or maps of them (written by
/// `__private::ser::Fields::float`).
pub(super) fn floats_only(ty: &Ty) -> bool {
    match ty {
        Ty::Scalar(Scalar::F32 | Scalar::F64) => true,
        Ty::List(inner) | Ty::Map(inner) | Ty::Nullable(inner) => floats_only(inner),
        _ => false,
    }
}

impl Generator<'_> {
    /// `Serialize` for struct `i`, through `__private::ser`: what serde's
    /// derive writes for the struct with each field renamed to its wire
    /// name, an absent `Option` skipped (`Some(None)` is `null`), the open
    /// map flattened, and floats without a fraction written as integers
    /// (`7`, not `7.0`: the API's `number`).
    pub(super) fn struct_writer(&self, out: &mut String, i: ModelId, fields: &[Field]) {
        let name = &self.resolved.model(i).rust;
        let ser = self.path(i, SER);
        let allowed = if self.at_root(i) { LINTS_ALLOWED } else { "" };
        let optional =
            |f: &Field| matches!(f.presence, Presence::Optional | Presence::OptionalNullable);
        emit!(
            out,
            "{allowed} impl {} for {name} {{ \
             fn serialize<S: {ser}::Serializer>(&self, serializer: S) \
             -> {ser}::Result<S::Ok, S::Error> {{ let {}out = {ser}::Fields::",
            self.path(i, SERIALIZE),
            if fields.is_empty() { "" } else { "mut " },
        );
        if fields.iter().any(|f| f.rest) {
            out.push_str("open(serializer)?;");
        } else {
            out.push_str("new(serializer, ");
            push_lit(out, &name.name);
            out.push_str(", ");
            // The fields written: the required ones, and each optional one
            // that is there.
            let required = fields.iter().filter(|f| !optional(f)).count();
            let mut terms = 0;
            if required > 0 || fields.iter().all(|f| !optional(f)) {
                push_number(out, required as u32);
                terms += 1;
            }
            for f in fields.iter().filter(|f| optional(f)) {
                if terms > 0 {
                    out.push_str(" + ");
                }
                terms += 1;
                out.push_str("usize::from(self.");
                f.rust().push_to(out);
                out.push_str(".is_some())");
            }
            out.push_str(")?;");
        }
        for f in fields.iter().filter(|f| !f.rest) {
            let method = match (optional(f), floats_only(&f.ty)) {
                (false, false) => "out.field(",
                (false, true) => "out.float(",
                (true, false) => "out.optional(",
                (true, true) => "out.optional_float(",
            };
            out.push_str(method);
            push_lit(out, f.wire());
            out.push_str(", &self.");
            f.rust().push_to(out);
            out.push_str(")?;");
        }
        // The open map last, as serde's derive writes a flattened one.
        for f in fields.iter().filter(|f| f.rest) {
            out.push_str("out.rest(&self.");
            f.rust().push_to(out);
            out.push_str(")?;");
        }
        out.push_str("out.end() } }");
    }

    /// `Deserialize` for struct `i`, through `__private::de`: a key is read
    /// as the field whose wire name it is, else as the one field whose
    /// wire name it is ignoring case, `_` and `-`.
    pub(super) fn struct_reader(&self, out: &mut String, i: ModelId, fields: &[Field]) {
        let name = &self.resolved.model(i).rust;
        let de = self.path(i, DE);
        let open = fields.iter().any(|f| f.rest);
        let allowed = if self.at_root(i) { LINTS_ALLOWED } else { "" };
        emit!(
            out,
            "{allowed} impl<'de> {}<'de> for {name} {{ \
             fn deserialize<D: {de}::Deserializer<'de>>(deserializer: D) \
             -> {de}::Result<Self, D::Error> {{ {de}::deserialize(deserializer) }} }} \
             {allowed} impl {de}::Struct for {name} {{ \
             const NAME: &'static str = \"{}\"; \
             const FIELDS: &'static [&'static str] = &[",
            self.path(i, DESERIALIZE),
            name.name,
        );
        for f in fields.iter().filter(|f| !f.rest) {
            push_lit(out, f.wire());
            out.push(',');
        }
        emit!(
            out,
            "]; const OPEN: bool = {open}; \
             fn read<'de, A: {de}::MapAccess<'de>>(mut keys: {de}::Keys, mut map: A) \
             -> {de}::Result<Self, A::Error> {{"
        );
        // Field `k` of those with a wire name (`FIELDS[k]`) is read into
        // `fk`. Written with pushes, not `write!`: three lines a field.
        let named = || fields.iter().filter(|f| !f.rest).enumerate();
        for (k, _) in named() {
            out.push_str("let mut f");
            push_number(out, k as u32);
            out.push_str(" = None;");
        }
        let other = if open {
            "keys.put_other(&mut map)?"
        } else {
            "keys.skip(&mut map)?"
        };
        if named().next().is_none() {
            push_all(
                out,
                &["while keys.next(&mut map)?.is_some() { ", other, "; }"],
            );
        } else {
            out.push_str("while let Some(key) = keys.next(&mut map)? { match key {");
            for (k, f) in named() {
                let put = match f.presence {
                    Presence::OptionalNullable => " => keys.put_present(&mut f",
                    _ => " => keys.put(&mut f",
                };
                push_number(out, k as u32);
                out.push_str(put);
                push_number(out, k as u32);
                out.push_str(", &mut map)?,");
            }
            push_all(out, &["_ => ", other, ", } }"]);
        }
        // The open map last, as serde's derive reads a flattened one. With
        // `validate = "on_deserialize"`, the rules are checked then.
        let m = self.resolved.model(i);
        if self.resolved.validates(i) && self.specs[m.spec.index()].settings.validate_on_deserialize
        {
            push_all(out, &[self.path(i, VALIDATION), "::checked("]);
        } else {
            push_all(out, &[de, "::Ok("]);
        }
        name.push_to(out);
        out.push_str(" {");
        for (k, f) in named() {
            f.rust().push_to(out);
            out.push_str(": keys.take(f");
            push_number(out, k as u32);
            out.push_str(", ");
            push_number(out, k as u32);
            out.push_str(")?,");
        }
        for f in fields.iter().filter(|f| f.rest) {
            f.rust().push_to(out);
            out.push_str(": keys.others()?,");
        }
        out.push_str("}) } }");
    }

    /// `Debug` for struct `i`, as derived but for its credentials, which
    /// show as `"[redacted]"`.
    pub(super) fn redacted_debug(&self, out: &mut String, i: ModelId, fields: &[Field]) {
        let name = &self.resolved.model(i).rust;
        let allowed = if self.at_root(i) { LINTS_ALLOWED } else { "" };
        emit!(
            out,
            "{allowed} impl {} for {name} {{ \
             fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{ \
             f.debug_struct(\"{}\")",
            self.path(i, DEBUG),
            name.name
        );
        for f in fields {
            let field = f.rust();
            out.push_str(".field(\"");
            out.push_str(field.name);
            out.push_str("\", &");
            if f.secret {
                // Text shows as `"[redacted]"` (and `None` as `None`); a
                // field of another type a setting redacts, whole.
                let text = match &f.ty {
                    Ty::Scalar(Scalar::String) => true,
                    Ty::Nullable(inner) => **inner == Ty::Scalar(Scalar::String),
                    _ => false,
                };
                let wrapper = if text { REDACTED } else { HIDDEN };
                push_all(out, &[self.path(i, wrapper), "(&self."]);
                field.push_to(out);
                out.push(')');
            } else {
                out.push_str("self.");
                field.push_to(out);
            }
            out.push(')');
        }
        out.push_str(".finish() } }");
    }

    /// A field of model `owner`, its value in a `Box` if `boxed`.
    pub(super) fn field(&self, out: &mut String, owner: ModelId, f: &Field, boxed: bool) {
        if f.rest {
            if f.doc.is_empty() {
                out.push_str("#[doc = \" Every other property, as the API sends it.\"]");
            } else {
                docs(out, &f.doc);
            }
            out.push_str("pub ");
            f.rust().push_to(out);
            out.push_str(": ");
            self.ty(out, owner, &f.ty);
            out.push(',');
            return;
        }
        if f.doc.is_empty() {
            // `docs` of the one line "`wire` in JSON.", without the line.
            out.push_str("#[doc = \" `");
            let _ = write_escaped(out, f.wire());
            out.push_str("` in JSON.\"]");
        } else {
            docs(out, &f.doc);
        }
        if f.deprecated {
            out.push_str("#[deprecated]");
        }
        out.push_str("pub ");
        f.rust().push_to(out);
        out.push_str(": ");
        let options = match f.presence {
            Presence::Required => 0,
            Presence::Nullable | Presence::Optional => 1,
            Presence::OptionalNullable => 2,
        };
        for _ in 0..options {
            out.push_str(self.path(owner, OPTION));
            out.push('<');
        }
        if boxed {
            out.push_str(self.path(owner, BOX));
            out.push('<');
        }
        self.ty(out, owner, &f.ty);
        if boxed {
            out.push('>');
        }
        for _ in 0..options {
            out.push('>');
        }
        out.push(',');
    }
}
