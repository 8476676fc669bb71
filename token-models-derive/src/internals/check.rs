//! Stage 4: checks over the resolved models, in one pass, as serde_derive's
//! `check` runs over its AST: what would not compile (two fields with one
//! name or key: placeholders, so that the rest still does), what a split
//! tree may refer to, and settings that do nothing.

use super::diag::Diagnostics;
use super::hash::{Map, Set, StrMap, map_with_capacity};
use super::ir::{Model, ModelId, ModelKind, Ty};
use super::naming::RustIdent;
use super::resolve::Resolved;
use super::source::{Place, Scope, SpecFile};

/// Runs every check on `resolved`, renaming what must be renamed for the
/// generated code to compile.
pub fn check(specs: &[SpecFile], resolved: &mut Resolved, scope: &Scope, diags: &mut Diagnostics) {
    for m in &mut resolved.models {
        field_names(specs[m.spec.index()].display(), &mut m.kind, diags);
    }
    wire_overrides(specs, &resolved.models, diags);
    redactions(specs, &resolved.models, diags);
    shapings(specs, &resolved.models, diags);
    if *scope != Scope::default() {
        self::scope(specs, resolved, scope, diags);
    }
}

/// Two fields with one Rust name, or one JSON key, are an error; the later
/// field gets a placeholder name so that the struct still compiles.
fn field_names(path: &str, kind: &mut ModelKind, diags: &mut Diagnostics) {
    let ModelKind::Struct(fields) = kind else {
        return;
    };
    // The usual case, no clash, without copying a name: no name is used
    // twice among the Rust names and JSON keys together (a field's own two
    // once), so none is twice among either.
    let mut seen = StrMap::with_capacity(2 * fields.len());
    if fields.iter().all(|f| {
        let (rust, wire) = (f.rust().name, f.wire());
        seen.insert(rust, ()).is_none() && (wire == rust || seen.insert(wire, ()).is_none())
    }) {
        return;
    }
    let mut rust: Map<String, String> = map_with_capacity(fields.len());
    let mut wire: Map<String, String> = map_with_capacity(fields.len());
    for (i, f) in fields.iter_mut().enumerate() {
        if let Some(first) = rust.get(f.rust().name) {
            let renamed = RustIdent::field(&format!("{}_duplicate_{i}", f.rust().name));
            let message = format!(
                "the fields `{first}` and `{}` both become the Rust field `{}`; generated the second as `{}`",
                f.written,
                f.rust().source(),
                renamed.as_ident().source()
            );
            diags.warn_at(path, f.pos, message.clone());
            f.fallback.get_or_insert(message);
            f.rust = Some(renamed);
        }
        rust.insert(f.rust().name.to_owned(), f.written.to_string());
        if let Some(first) = wire.get(f.wire()) {
            let renamed = format!("{}_duplicate_{i}", f.wire());
            let message = format!(
                "the fields `{first}` and `{}` both have the JSON key `{}`; the key is read into the first, and the second written as `{renamed}`",
                f.written,
                f.wire()
            );
            diags.warn_at(path, f.pos, message.clone());
            f.fallback.get_or_insert(message);
            f.wire = Some(renamed);
        }
        wire.insert(f.wire().to_owned(), f.written.to_string());
    }
}

/// Every distinct entry of one kind of setting (`of` a spec's settings),
/// once: a settings file's entries are in the settings of every spec of its
/// folder.
fn each_setting<'a, T: PartialEq>(
    specs: &'a [SpecFile],
    of: impl Fn(&'a SpecFile) -> &'a [T],
) -> Vec<&'a T> {
    let mut each: Vec<&T> = Vec::new();
    for t in specs.iter().flat_map(of) {
        if !each.contains(&t) {
            each.push(t);
        }
    }
    each
}

/// Whether `names` (given a model's Rust name and a field's names, as
/// written and in Rust) takes a field of a struct of `models`.
fn names_a_field(models: &[Model<'_>], names: impl Fn(&str, &[&str]) -> bool) -> bool {
    models.iter().any(|m| {
        matches!(&m.kind, ModelKind::Struct(fields) if fields.iter().any(|f| {
            names(&m.rust.name, &[&f.written, f.rust().name])
        }))
    })
}

/// A warning for each `Model.field = "key"` setting that names no field
/// of the specs it applies to (a typo would otherwise do nothing).
fn wire_overrides(specs: &[SpecFile], models: &[Model<'_>], diags: &mut Diagnostics) {
    for o in each_setting(specs, |s| &s.settings.wire_overrides) {
        if !names_a_field(models, |model, field| o.names(&[model], field)) {
            diags.warn_at(
                &o.shown,
                o.pos,
                format!(
                    "found `{}.{}`, which names no field of a model in these specs; \
                     expected a model's Rust name and a field's name as its doc writes it",
                    o.model, o.field
                ),
            );
        }
    }
}

/// A warning for each name in a `redact` or `unredact` setting that names
/// no field of the specs it applies to (a typo would otherwise leave a
/// credential in the logs without a word).
fn redactions(specs: &[SpecFile], models: &[Model<'_>], diags: &mut Diagnostics) {
    for r in each_setting(specs, |s| &s.settings.redactions) {
        if !names_a_field(models, |model, field| r.names(model, field)) {
            let key = if r.redact { "redact" } else { "unredact" };
            diags.warn_at(
                &r.shown,
                r.pos,
                format!(
                    "found `{}` in `{key}`, which names no field of a model in these specs; \
                     expected a field's name as its doc writes it or its Rust name, \
                     alone or after its model's Rust name",
                    r.written
                ),
            );
        }
    }
}

/// A warning for each `derives.Model` or `attributes.Model` setting whose
/// model is not one of the specs it applies to.
fn shapings(specs: &[SpecFile], models: &[Model<'_>], diags: &mut Diagnostics) {
    for s in each_setting(specs, |s| &s.settings.shapings) {
        let Some(model) = &s.model else {
            continue;
        };
        if !models.iter().any(|m| m.rust.name == *model) {
            let key = if s.derives.is_empty() {
                "attributes"
            } else {
                "derives"
            };
            diags.warn_at(
                &s.shown,
                s.pos,
                format!(
                    "found `{key}.{model}`, which names no model of these specs; expected a model's Rust name"
                ),
            );
        }
    }
}

/// For a spec tree split across crates: problems in specs another crate
/// generates are that crate's to report, so they are dropped here; a folder
/// in `only` must hold specs; and a generated type may refer only to models
/// generated here or by a crate in `from_crates`.
fn scope(specs: &[SpecFile], resolved: &Resolved, scope: &Scope, diags: &mut Diagnostics) {
    let elsewhere: Set<&str> = specs
        .iter()
        .filter(|s| scope.place(s.folders()) != Place::Here)
        .map(|s| s.display())
        .collect();
    diags.retain(|d| !elsewhere.contains(d.path.as_str()));
    for folder in &scope.only {
        if !specs.iter().any(|s| s.folders().starts_with(folder)) {
            diags.error_in(
                "",
                format!(
                    "found no specs under the folder `{}` named by `only`, expected a folder of the specs directory",
                    folder.join("/")
                ),
            );
        }
    }
    let place = |id: ModelId| scope.place(specs[resolved.model(id).spec.index()].folders());
    for (id, m) in resolved.ids().zip(&resolved.models) {
        if place(id) != Place::Here {
            continue;
        }
        for (ty, written, pos) in m.kind.types_named(m.pos) {
            ty.walk(&mut |t| {
                if let Ty::Model(target) = t {
                    if place(*target) == Place::Outside {
                        let target_spec = &specs[resolved.model(*target).spec.index()];
                        diags.error_at(
                            specs[m.spec.index()].display(),
                            pos,
                            format!(
                                "in the type of `{written}`: found `{}` from {}, which this invocation neither generates nor takes from a crate; expected its folder in `only` or in `from_crates = \"{} = crate_name\"`",
                                resolved.model(*target).rust.name,
                                target_spec.display(),
                                target_spec.folders().join("/")
                            ),
                        );
                    }
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::internals::expand::expand_specs;
    use crate::internals::source::Shaping;

    #[test]
    fn two_fields_with_one_rust_name_or_one_key_are_renamed_and_reported() {
        let text = "# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n\
                    | `fooBar` | *::String* | :heavy_check_mark: | N/A |\n\
                    | `foo_bar` | *::String* | :heavy_check_mark: | N/A |\n";
        let mut spec = SpecFile::in_memory("a.md", text);
        spec.settings.wire_names = Some(crate::internals::naming::Case::Snake);
        spec.settings.dialect = crate::internals::dialect::DIALECTS
            .iter()
            .find(|d| d.name == "ruby");
        let specs = [spec];
        let e = expand_specs(&specs, Vec::new(), Diagnostics::new());
        let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].contains("both become the Rust field `foo_bar`; generated the second as `foo_bar_duplicate_1`"),
            "{shown:?}"
        );
        assert!(
            shown[1].contains("both have the JSON key `foo_bar`"),
            "{shown:?}"
        );
        let ModelKind::Struct(fields) = &e.resolved.models[0].kind else {
            panic!("{:?}", e.resolved.models[0].kind)
        };
        assert_eq!(fields[1].rust().name, "foo_bar_duplicate_1");
        assert_eq!(fields[1].wire(), "foo_bar_duplicate_1");
        assert!(fields[1].fallback.is_some());
    }

    #[test]
    fn derives_and_attributes_go_on_their_models_and_a_missing_model_warns() {
        let text = "# Widget\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n\
                    | `pin` | *Optional[int]* | :heavy_minus_sign: | N/A |\n";
        let mut spec = SpecFile::in_memory("a/widget.md", text);
        spec.settings.dialect = crate::internals::dialect::DIALECTS
            .iter()
            .find(|d| d.name == "python");
        let at = crate::internals::diag::Pos::new(2, 1);
        let set = [
            (None, "derives", "Default"),
            (Some("Widget"), "attributes", "#[non_exhaustive]"),
            (Some("Gadget"), "derives", "Hash"),
        ];
        for (model, key, value) in set {
            let s = Shaping::new(key, model, value, "a/token-models.toml", at).expect("valid");
            spec.settings.add_shaping(s);
        }
        let specs = [spec];
        let e = expand_specs(&specs, Vec::new(), Diagnostics::new());
        let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "a/token-models.toml:2:1: found `derives.Gadget`, which names no model of these specs; expected a model's Rust name"
            ]
        );
        let source = e.generator().all();
        assert!(
            source.contains(
                "#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]#[non_exhaustive]pub struct Widget {"
            ),
            "{source}"
        );
    }

    #[test]
    fn a_redaction_that_names_no_field_warns_where_it_is_set() {
        let text = "# Widget\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n\
                    | `pin` | *int* | :heavy_check_mark: | N/A |\n";
        let mut spec = SpecFile::in_memory("a/widget.md", text);
        spec.settings.dialect = crate::internals::dialect::DIALECTS
            .iter()
            .find(|d| d.name == "python");
        let at = crate::internals::diag::Pos::new(3, 1);
        for (key, value) in [
            ("redact", "Widget.pin, Widget.pni"),
            ("unredact", "pin_code"),
        ] {
            spec.settings
                .set(key, Some(value), "a/token-models.toml", at)
                .expect("valid");
        }
        let specs = [spec];
        let e = expand_specs(&specs, Vec::new(), Diagnostics::new());
        let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with(
                "a/token-models.toml:3:1: found `Widget.pni` in `redact`, which names no field"
            ),
            "{shown:?}"
        );
        assert!(
            shown[1].contains("found `pin_code` in `unredact`"),
            "{shown:?}"
        );
        let ModelKind::Struct(fields) = &e.resolved.models[0].kind else {
            panic!("{:?}", e.resolved.models[0].kind)
        };
        assert!(fields[0].secret, "`pin` is redacted by the setting");
    }
}
