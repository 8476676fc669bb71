//! `token_models::Validate` for each model (the rules its doc states for
//! its fields, and the models inside it that have rules), and the test of
//! its doc's JSON example.

use super::lit::{push_all, push_lit};
use super::{EXAMPLE, Generator, LINTS_ALLOWED, VALIDATE, VALIDATION, VEC};
use crate::internals::ir::{Constraint, ModelId, ModelKind, Ty};

impl Generator<'_> {
    /// Whether a value of type `ty` holds a model with rules.
    fn holds_rules(&self, ty: &Ty) -> bool {
        let mut holds = false;
        ty.walk(&mut |t| {
            if let Ty::Model(m) = t {
                holds |= self.resolved.validates(*m);
            }
        });
        holds
    }

    /// `impl Validate for` model `i`: empty (the trait's default, nothing
    /// to check) unless the model or one inside it has rules.
    pub(super) fn validate_impl(&self, out: &mut String, i: ModelId) {
        let m = self.resolved.model(i);
        let allowed = if self.at_root(i) { LINTS_ALLOWED } else { "" };
        push_all(out, &[allowed, "impl ", self.path(i, VALIDATE), " for "]);
        m.rust.push_to(out);
        if !self.resolved.validates(i) {
            out.push_str(" {}");
            return;
        }
        let v = self.path(i, VALIDATION);
        push_all(
            out,
            &[
                " { fn __validate_at(&self, path: &mut ",
                v,
                "::Path, out: &mut ",
                self.path(i, VEC),
                "<",
                v,
                "::Violation>) {",
            ],
        );
        match &m.kind {
            ModelKind::Struct(fields) => {
                for f in fields.iter().filter(|f| !f.rest) {
                    let rules = !f.constraints.is_empty();
                    if !rules && !self.holds_rules(&f.ty) {
                        continue;
                    }
                    push_all(
                        out,
                        &[v, if rules { "::field(" } else { "::nested(" }, "&self."],
                    );
                    f.rust().push_to(out);
                    out.push_str(", ");
                    push_lit(out, f.wire());
                    if rules {
                        out.push_str(", &[");
                        for c in &f.constraints {
                            rule(out, v, c);
                        }
                        out.push(']');
                    }
                    out.push_str(", path, out);");
                }
            }
            ModelKind::Union(alternatives) => {
                out.push_str("match self {");
                let mut all = true;
                for a in alternatives {
                    if !self.holds_rules(&a.ty) {
                        all = false;
                        continue;
                    }
                    out.push_str("Self::");
                    a.rust.push_to(out);
                    push_all(out, &["(value) => ", self.path(i, VALIDATE)]);
                    out.push_str("::__validate_at(value, path, out),");
                }
                out.push_str(if all { "}" } else { "_ => {} }" });
            }
            ModelKind::FreeForm | ModelKind::Any | ModelKind::Enum { .. } => {}
        }
        out.push_str("} }");
    }
}

impl Generator<'_> {
    /// A `#[test]` of model `i`'s JSON example, if its doc gives one: in
    /// the invoking crate's tests, it deserializes, validates and is
    /// written back as it came. Named after the model (the model's own
    /// name, so that no two tests of a module share one).
    pub(super) fn example_test(&self, out: &mut String, i: ModelId) {
        let m = self.resolved.model(i);
        let Some(example) = &m.example else {
            return;
        };
        if !self.specs[m.spec.index()].settings.example_tests {
            return;
        }
        let allowed = if self.at_root(i) { LINTS_ALLOWED } else { "" };
        push_all(
            out,
            &[
                allowed,
                "#[cfg(test)] #[test] #[allow(non_snake_case)] fn ",
                &m.rust.name,
                "_example() { ",
                self.path(i, EXAMPLE),
                "::<",
            ],
        );
        m.rust.push_to(out);
        out.push_str(">(");
        push_lit(out, &m.rust.name);
        out.push_str(", ");
        push_lit(out, example);
        out.push_str(") }");
    }
}

/// One rule as the runtime's `Rule`, followed by a comma.
fn rule(out: &mut String, v: &str, c: &Constraint) {
    // A float literal Rust reads whatever the doc wrote (`3600` is
    // `3600.0`, `+5` is `5.0`); the reader kept only finite numbers.
    let number = |text: &str| format!("{:?}", text.parse::<f64>().unwrap_or(0.0));
    let written = match c {
        Constraint::MaxChars(n) => format!("::Rule::MaxChars({n}),"),
        Constraint::Min { value, exclusive } => {
            format!("::Rule::Min({}, {exclusive}),", number(value))
        }
        Constraint::Max { value, exclusive } => {
            format!("::Rule::Max({}, {exclusive}),", number(value))
        }
    };
    push_all(out, &[v, &written]);
}
