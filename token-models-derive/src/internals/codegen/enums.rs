//! Enums: of strings (serde's derive, renamed), and of numbers or booleans
//! (written through `From` and `TryFrom`).

use super::lit::{Escaping, Lit, docs, write_escaped};
use super::{Generator, LINTS_ALLOWED, STRING, VALUE};
use crate::internals::ir::{ModelId, Value, Variant};
use std::fmt::Write as _;

pub(super) fn variant_doc(out: &mut String, v: &Variant) {
    if v.doc.is_empty() {
        // `doc` of "`{value}` in JSON.", a string value as a literal.
        out.push_str("#[doc = \" `");
        let _ = match &v.value {
            Value::Str(s) => write!(Escaping(out), "{}", Lit(s)),
            other => write_escaped(out, &other.text()),
        };
        out.push_str("` in JSON.\"]");
    } else {
        docs(out, &v.doc);
    }
}

impl Generator<'_> {
    /// An enum of strings: unit variants renamed to their values, and for an
    /// open enum a last variant that keeps any other string.
    pub(super) fn string_enum(
        &self,
        out: &mut String,
        i: ModelId,
        variants: &[Variant],
        open: bool,
    ) {
        let name = &self.resolved.model(i).rust;
        emit!(out, "pub enum {name} {{");
        for v in variants {
            variant_doc(out, v);
            let wire = v.value.text();
            if v.rust.name != *wire {
                emit!(out, "#[serde(rename = {})]", Lit(&wire));
            }
            emit!(out, "{},", v.rust);
        }
        if open {
            emit!(
                out,
                "#[doc = \" A value the doc does not list, kept as it came.\"] \
                 #[serde(untagged)] Unrecognized({}),",
                self.path(i, STRING)
            );
        }
        out.push('}');
    }

    /// An enum with number or boolean values, which serde's renames cannot
    /// express: converted through `serde_json::Value`.
    pub(super) fn value_enum(
        &self,
        out: &mut String,
        i: ModelId,
        variants: &[Variant],
        open: bool,
        loose: bool,
    ) {
        let name = &self.resolved.model(i).rust;
        let value = self.path(i, VALUE);
        let string = self.path(i, STRING);
        emit!(
            out,
            "#[serde(try_from = \"{value}\", into = \"{value}\")] pub enum {name} {{"
        );
        for v in variants {
            variant_doc(out, v);
            emit!(out, "{},", v.rust);
        }
        if open {
            emit!(
                out,
                "#[doc = \" A value the doc does not list, kept as it came.\"] \
                 Unrecognized({value}),"
            );
        }
        out.push('}');
        // At the invocation's root the impls need the model's lint
        // attribute too (in a module they inherit it).
        let allowed = if self.at_root(i) { LINTS_ALLOWED } else { "" };
        emit!(
            out,
            "{allowed} impl ::core::convert::From<{name}> for {value} {{ \
             fn from(value: {name}) -> Self {{ match value {{"
        );
        for v in variants {
            emit!(out, "{name}::{} => ", v.rust);
            match &v.value {
                Value::Str(s) => emit!(out, "{value}::String({string}::from({})),", Lit(s)),
                Value::Int(n) => emit!(out, "{value}::from({n}i64),"),
                Value::Bool(b) => emit!(out, "{value}::Bool({b}),"),
            }
        }
        if open {
            emit!(out, "{name}::Unrecognized(value) => value,");
        }
        emit!(
            out,
            "}} }} }} {allowed} impl ::core::convert::TryFrom<{value}> for {name} {{ \
             type Error = {string}; \
             fn try_from(value: {value}) -> ::core::result::Result<Self, Self::Error> {{ \
             match &value {{"
        );
        for v in variants {
            match &v.value {
                Value::Str(s) => emit!(out, "{value}::String(s) if s == {}", Lit(s)),
                // `serde_json::Value == i64`: any number JSON reads as
                // that integer; and, when the doc cannot tell, the number
                // written as a string.
                Value::Int(n) if loose => {
                    emit!(
                        out,
                        "_ if value == {n}i64 || value == {}",
                        Lit(&n.to_string())
                    );
                }
                Value::Int(n) => emit!(out, "_ if value == {n}i64"),
                Value::Bool(b) if loose => {
                    emit!(out, "_ if value == {b} || value == {}", Lit(&b.to_string()));
                }
                Value::Bool(b) => emit!(out, "{value}::Bool({b})"),
            }
            emit!(out, " => ::core::result::Result::Ok({name}::{}),", v.rust);
        }
        if open {
            emit!(
                out,
                "_ => ::core::result::Result::Ok({name}::Unrecognized(value)),"
            );
        } else {
            let message = format!("{{}} is not a value of `{name}`");
            emit!(
                out,
                "_ => ::core::result::Result::Err(::std::format!({}, value)),",
                Lit(&message)
            );
        }
        out.push_str("} } }");
    }
}
