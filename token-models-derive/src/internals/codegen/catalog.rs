//! The catalog: every model generated, as one string literal that
//! `token_models::catalog` decodes.

use super::Generator;
use super::lit::{escape_into, push_all, push_number};
use crate::internals::ir::{
    Constraint, Field, Lines, ModelId, ModelKind, Presence, Scalar, Ty, Value,
};
use crate::internals::source::Place;
use std::fmt::{self, Write as _};

impl Generator<'_> {
    /// A type as a reader would write it, for the catalog.
    pub(super) fn ty_text(&self, out: &mut String, ty: &Ty) {
        let (open, inner) = match ty {
            Ty::Scalar(s) => {
                return out.push_str(match s {
                    Scalar::String => "String",
                    Scalar::Bool => "bool",
                    Scalar::I32 => "i32",
                    Scalar::I64 => "i64",
                    Scalar::I128 => "i128",
                    Scalar::F32 => "f32",
                    Scalar::F64 => "f64",
                    Scalar::Number => "serde_json::Number",
                    Scalar::DateTime => "token_models::DateTime",
                    Scalar::Date => "token_models::Date",
                    Scalar::Any => "serde_json::Value",
                    Scalar::Object => "serde_json::Map<String, serde_json::Value>",
                });
            }
            Ty::List(t) => ("Vec<", t),
            Ty::Map(t) => ("BTreeMap<String, ", t),
            Ty::Nullable(t) => ("Option<", t),
            Ty::Model(m) => {
                if let Place::Crate(krate) = self.place(*m) {
                    push_all(out, &[krate, "::"]);
                }
                return self.rust_path(out, *m);
            }
        };
        out.push_str(open);
        self.ty_text(out, inner);
        out.push('>');
    }

    /// A field's type as a reader would write it, for the catalog.
    pub(super) fn field_type_text(&self, out: &mut String, f: &Field, boxed: bool) {
        let wrappers = match f.presence {
            Presence::Required => 0,
            Presence::Optional | Presence::Nullable => 1,
            Presence::OptionalNullable => 2,
        };
        for _ in 0..wrappers {
            out.push_str("Option<");
        }
        if boxed {
            out.push_str("Box<");
        }
        self.ty_text(out, &f.ty);
        for _ in 0..wrappers + usize::from(boxed) {
            out.push('>');
        }
    }

    /// Model `i`'s entry in `pub static CATALOG`, in the compact encoding
    /// `token_models::catalog::Catalog` decodes: a head of units, then
    /// groups of items (fields, variants, omitted fields). Written straight
    /// into the string literal (see [`Record`]).
    ///
    /// The decoder (`token-models/src/catalog.rs`) is the other half: its
    /// `Kind::TAGS` and `Presence::TAGS` are the words written here, and it
    /// refuses a tag it does not know. The two crates cannot share a module
    /// (the facade depends on this one, and a proc-macro crate exports only
    /// macros), so the round trip is tested through the macro:
    /// `tests/tests/catalog.rs` reads back every kind and presence.
    pub(super) fn catalog_entry(&self, out: &mut Record<'_>, i: ModelId) -> fmt::Result {
        let m = &self.resolved.model(i);
        let kind = match &m.kind {
            ModelKind::Struct(_) => "struct",
            ModelKind::FreeForm => "free-form",
            ModelKind::Any => "any",
            ModelKind::Enum { .. } => "enum",
            ModelKind::Union(_) => "union",
        };
        out.plain().push_str(kind);
        out.end(UNIT);
        self.rust_path(out.plain(), i);
        out.end(UNIT);
        out.write_str(self.specs[m.spec.index()].display())?;
        out.end(UNIT);
        push_number(out.plain(), m.pos.line);
        out.end(UNIT);
        out.lines(&m.doc)?;
        out.end(UNIT);
        out.write_str(m.fallback.as_deref().unwrap_or(""))?;
        out.end(UNIT);
        match &m.example {
            None => out.plain().push('0'),
            Some(e) => {
                out.plain().push('1');
                out.end(UNIT);
                out.write_str(e)?;
            }
        }
        out.end(GROUP);
        if let ModelKind::Struct(fields) = &m.kind {
            for (k, f) in fields.iter().enumerate() {
                let presence = presence_unit(f.presence);
                f.rust().push_to(out.plain());
                out.end(UNIT);
                out.write_str(f.wire())?;
                out.end(UNIT);
                self.field_type_text(out.plain(), f, self.resolved.is_boxed(i, k));
                out.end(UNIT);
                out.plain().push_str(presence);
                out.lines(&f.doc)?;
                out.end(UNIT);
                push_number(out.plain(), f.pos.line);
                out.end(UNIT);
                // The rules, `;` between them: `max-chars:2048;min:3600`.
                for (k, c) in f.constraints.iter().enumerate() {
                    if k > 0 {
                        out.plain().push(';');
                    }
                    let (tag, value) = match c {
                        Constraint::MaxChars(n) => ("max-chars:", n.to_string()),
                        Constraint::Min { value, exclusive } => {
                            let tag = if *exclusive { "more-than:" } else { "min:" };
                            (tag, value.clone())
                        }
                        Constraint::Max { value, exclusive } => {
                            let tag = if *exclusive { "less-than:" } else { "max:" };
                            (tag, value.clone())
                        }
                    };
                    out.plain().push_str(tag);
                    out.write_str(&value)?;
                }
                out.end(UNIT);
                out.write_str(f.fallback.as_deref().unwrap_or(""))?;
                // A last unit only where the field is a credential.
                if f.secret {
                    out.end(UNIT);
                    out.plain().push('1');
                }
                out.end(ITEM);
            }
        }
        out.end(GROUP);
        match &m.kind {
            ModelKind::Enum { variants, .. } => {
                for v in variants {
                    v.rust.push_to(out.plain());
                    out.end(UNIT);
                    out.write_str(&v.value.text())?;
                    out.end(UNIT);
                    // The value as JSON: a string quoted, a number or a
                    // boolean as it is.
                    match &v.value {
                        Value::Str(s) => {
                            let quoted = s.replace('\\', "\\\\").replace('"', "\\\"");
                            out.write_str("\"")?;
                            out.write_str(&quoted)?;
                            out.write_str("\"")?;
                        }
                        other => out.write_str(&other.text())?,
                    }
                    out.end(ITEM);
                }
            }
            ModelKind::Union(alternatives) => {
                for a in alternatives {
                    a.rust.push_to(out.plain());
                    out.end(UNIT);
                    self.ty_text(out.plain(), &a.ty);
                    out.end(ITEM);
                }
            }
            _ => {}
        }
        out.end(GROUP);
        for o in &m.omitted {
            out.write_str(&o.written)?;
            out.end(UNIT);
            out.plain().push_str(o.why);
            out.end(ITEM);
        }
        out.end(MODEL);
        Ok(())
    }
}

/// What a catalog separator ends: ASCII's unit, file, group and record
/// separators (`\u{1f}`, `\u{1c}`, `\u{1d}`, `\u{1e}`), which no text inside
/// the catalog may hold. `token_models::catalog` decodes them.
#[derive(Debug, Clone, Copy)]
pub(super) enum End {
    Unit,
    Item,
    Group,
    Model,
}

impl End {
    #[cfg(test)]
    const ALL: [End; 4] = [End::Unit, End::Item, End::Group, End::Model];

    #[cfg(test)]
    fn char(self) -> char {
        match self {
            End::Unit => '\u{1f}',
            End::Item => '\u{1c}',
            End::Group => '\u{1d}',
            End::Model => '\u{1e}',
        }
    }

    /// The separator as `{:?}` writes it inside a literal.
    fn escaped(self) -> &'static str {
        match self {
            End::Unit => "\\u{1f}",
            End::Item => "\\u{1c}",
            End::Group => "\\u{1d}",
            End::Model => "\\u{1e}",
        }
    }
}

use End::{Group as GROUP, Item as ITEM, Model as MODEL, Unit as UNIT};

/// A field's presence in the catalog, with the unit's end (one push).
pub(super) fn presence_unit(presence: Presence) -> &'static str {
    match presence {
        Presence::Required => "required\\u{1f}",
        Presence::Optional => "optional\\u{1f}",
        Presence::Nullable => "nullable\\u{1f}",
        Presence::OptionalNullable => "optional-nullable\\u{1f}",
    }
}

/// The inside of the catalog's string literal, as it is written: text goes
/// in escaped as [`Lit`](super::Lit) escapes it, a separator character in it replaced
/// (so that no text can corrupt the record); [`Record::end`] writes a
/// separator itself, escaped.
pub(super) struct Record<'a>(pub(super) &'a mut String);

impl Record<'_> {
    /// The literal itself, for text that needs no escaping: identifiers
    /// (ASCII letters, digits, `_`, `r#`), numbers, the catalog's own
    /// words, and type text made of those.
    fn plain(&mut self) -> &mut String {
        self.0
    }

    /// Ends a unit, item, group or model.
    fn end(&mut self, end: End) {
        self.0.push_str(end.escaped());
    }

    /// Lines joined by newlines (which the literal escapes).
    fn lines(&mut self, lines: &Lines) -> fmt::Result {
        self.write_str(lines.text())
    }
}

impl fmt::Write for Record<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_presence_is_a_unit() {
        use crate::internals::ir::Presence;
        for p in [
            Presence::Required,
            Presence::Optional,
            Presence::Nullable,
            Presence::OptionalNullable,
        ] {
            let written = super::presence_unit(p);
            let word = written.strip_suffix(End::Unit.escaped());
            assert!(word.is_some_and(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));
        }
    }

    #[test]
    fn catalog_separators_are_written_as_debug_escapes_them() {
        for end in End::ALL {
            let c = end.char();
            assert_eq!(
                format!("{c:?}").trim_matches('\''),
                end.escaped(),
                "{end:?}"
            );
            // Text holding a separator cannot end anything: it is replaced.
            let mut literal = String::new();
            let _ = Record(&mut literal).write_str(&format!("a{c}b"));
            assert_eq!(literal, "a\u{fffd}b");
        }
    }
}
