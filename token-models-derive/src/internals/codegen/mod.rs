//! Stage 4: the resolved models as Rust source.
//!
//! Every path the code names is one a model's name cannot shadow: fully
//! qualified at the invocation's root (`::core::option::Option`); inside a
//! generated module by the bare name a person would write (`Option`), which
//! the module imports from `::token_models::__private`, unless one of the
//! module's own items has that name: then through the module's `__tm` alias
//! of `::token_models::__private` (`__tm::Option`). serde is reached through
//! `::token_models::__private::serde`, so the invoking crate needs no serde
//! dependency of its own.
//!
//! Each model's items are written on their own, on all cores (`par`), and
//! put together in the module tree's order.
//!
//! The code is written as text and lexed once into tokens, rather than built
//! token by token with `quote!`: for 1,000 specs that was 7 times less work
//! (measured in session 1: BENCHMARKS.md's history in git), and inside
//! rustc a single call to its lexer.
//! Text from a doc reaches the output only as a string literal (written by
//! [`Lit`], which escapes as `{:?}` does) or as a [`RustIdent`] (sanitised by
//! `naming`), so no doc can change the shape of the code.

use super::hash;
use super::ir::{ModelId, ModelKind, Scalar, Ty, Value};
use super::naming::RustIdent;
use super::par;
use super::resolve::{Resolved, Traits};
use super::source::{Place, Scope, SpecFile};
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// Appends formatted source to a `String` (which cannot fail).
macro_rules! emit {
    ($out:expr, $($arg:tt)*) => {{
        let _ = $out.write_fmt(format_args!($($arg)*));
    }};
}

mod catalog;
mod enums;
mod lit;
mod structs;
mod unions;
mod validate;

use catalog::Record;
pub use lit::{Lit, push_lit};
use lit::{doc, docs, push_all, write_escaped};

/// The lints the generated code allows, on each top-level module of ours
/// (everything inside inherits them) and on each model at the
/// invocation's root. With the invoking code's span on every token
/// (`respan` in `lib.rs`) lints see the generated code as that crate's
/// own, but its user cannot change it: rustdoc's lints would judge the
/// vendor's docs (their links and markup as written), and the groups that
/// are off by default (`pedantic`, `nursery`, `restriction`, which also
/// reach serde's derive output) and `missing_copy_implementations`
/// (`Copy` on an API model is a promise the spec does not make) would
/// judge choices made for the wire format. clippy's default groups still
/// apply, and `.ci/run` holds the corpus to them.
const LINTS_ALLOWED: &str = "#[allow(rustdoc::all, clippy::pedantic, clippy::nursery, \
                             clippy::restriction, missing_copy_implementations)]";

/// A path the generated code names, in one of three forms that a model's
/// name cannot shadow: in full at the invocation's root; inside a
/// generated module its bare name, which the module imports from
/// `::token_models::__private` unless an item of the module has that name;
/// else through the module's `__tm` alias of `::token_models::__private`.
/// The bare name is what a person writes, and the least for rustc and
/// serde's derives to read (BENCHMARKS.md, sections 1 and 5).
#[derive(Clone, Copy)]
struct Std {
    full: &'static str,
    short: &'static str,
    /// Empty for a path that modules do not import.
    bare: &'static str,
}

const fn std_path(full: &'static str, short: &'static str, bare: &'static str) -> Std {
    Std { full, short, bare }
}

const OPTION: Std = std_path("::core::option::Option", "__tm::Option", "Option");
const STRING: Std = std_path("::std::string::String", "__tm::String", "String");
const VEC: Std = std_path("::std::vec::Vec", "__tm::Vec", "Vec");
const BOX: Std = std_path("::std::boxed::Box", "__tm::Box", "Box");
const BTREE_MAP: Std = std_path("::std::collections::BTreeMap", "__tm::BTreeMap", "BTreeMap");
const DATE_TIME: Std = std_path("::token_models::DateTime", "__tm::DateTime", "DateTime");
const DATE: Std = std_path("::token_models::Date", "__tm::Date", "Date");
const VALUE: Std = std_path("::token_models::serde_json::Value", "__tm::Value", "Value");
const MAP: Std = std_path("::token_models::serde_json::Map", "__tm::Map", "Map");
const NUMBER: Std = std_path("::token_models::serde_json::Number", "__tm::Number", "");
const DEBUG: Std = std_path("::core::fmt::Debug", "__tm::Debug", "Debug");
const CLONE: Std = std_path("::core::clone::Clone", "__tm::Clone", "Clone");
const COPY: Std = std_path("::core::marker::Copy", "__tm::Copy", "Copy");
const PARTIAL_EQ: Std = std_path("::core::cmp::PartialEq", "__tm::PartialEq", "PartialEq");
const EQ: Std = std_path("::core::cmp::Eq", "__tm::Eq", "Eq");
const HASH: Std = std_path("::core::hash::Hash", "__tm::Hash", "Hash");
const SERIALIZE: Std = std_path(
    "::token_models::__private::serde::Serialize",
    "__tm::serde::Serialize",
    "Serialize",
);
const DESERIALIZE: Std = std_path(
    "::token_models::__private::serde::Deserialize",
    "__tm::serde::Deserialize",
    "Deserialize",
);
const SERDE: Std = std_path("::token_models::__private::serde", "__tm::serde", "");
const UNION: Std = std_path("::token_models::__private::union", "__tm::union", "");
const DE: Std = std_path("::token_models::__private::de", "__tm::de", "");
const SER: Std = std_path("::token_models::__private::ser", "__tm::ser", "");
const REDACTED: Std = std_path("::token_models::__private::Redacted", "__tm::Redacted", "");
const HIDDEN: Std = std_path("::token_models::__private::Hidden", "__tm::Hidden", "");
const VALIDATE: Std = std_path("::token_models::Validate", "__tm::Validate", "");
const EXAMPLE: Std = std_path("::token_models::__private::example", "__tm::example", "");
const VALIDATION: Std = std_path("::token_models::__private::validate", "__tm::validate", "");

/// The paths a generated module imports by their bare names (each one's
/// index is its bit in [`Taken`]). A `static`, like [`PLAIN`](lit::PLAIN): an
/// unoptimised build copies a `const` array to the stack at every use.
static IMPORTED: [Std; 17] = [
    OPTION,
    STRING,
    VEC,
    BOX,
    BTREE_MAP,
    DATE_TIME,
    DATE,
    VALUE,
    MAP,
    DEBUG,
    CLONE,
    COPY,
    PARTIAL_EQ,
    EQ,
    HASH,
    SERIALIZE,
    DESERIALIZE,
];

/// The runs of consecutive models that share one module path (one `Arc`:
/// a folder's models come one after another), with that path.
fn module_runs(modules: &[Arc<[RustIdent]>]) -> impl Iterator<Item = (Range<usize>, &[RustIdent])> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let first = modules.get(start)?;
        let len = modules[start..]
            .iter()
            .take_while(|m| Arc::ptr_eq(m, first))
            .count();
        start += len;
        Some((start - len..start, &first[..]))
    })
}

/// Which of [`IMPORTED`]'s bare names an item of a module has (so the
/// module names that path through `__tm`), one bit each.
#[derive(Clone, Copy, Default)]
struct Taken(u32);

impl Taken {
    fn add(&mut self, name: &str) {
        if let Some(k) = IMPORTED.iter().position(|p| p.bare == name) {
            self.0 |= 1 << k;
        }
    }

    fn has(self, path: Std) -> bool {
        // Most modules have none of the names: no search then.
        self.0 != 0
            && IMPORTED
                .iter()
                .position(|p| p.bare == path.bare)
                .is_some_and(|k| self.0 & (1 << k) != 0)
    }
}

/// The generated code of one invocation.
pub struct Generator<'a> {
    specs: &'a [SpecFile],
    resolved: &'a Resolved<'a>,
    /// Which models are generated here, which come from other crates.
    scope: &'a Scope,
    /// How many threads write the models (the source is the same for any
    /// number).
    threads: usize,
    /// The names taken in each module, keyed by its path.
    taken: hash::Map<&'a [RustIdent], Taken>,
    /// The names taken in each model's module, by model.
    taken_around: Vec<Taken>,
    /// See [`Generator::first_under`].
    first_under: OnceLock<hash::Map<&'a [RustIdent], ModelId>>,
}

impl<'a> Generator<'a> {
    pub fn new(
        specs: &'a [SpecFile],
        resolved: &'a Resolved<'a>,
        scope: &'a Scope,
        threads: usize,
    ) -> Self {
        // Every model's name and every child module's, whether generated
        // here or not: a name marked taken in vain only costs a `__tm::`.
        // A run of models sharing a module path is looked up once.
        let modules = &resolved.modules;
        let mut taken: hash::Map<&[RustIdent], Taken> = hash::Map::default();
        for (run, module) in module_runs(modules) {
            let mut names = Taken::default();
            for model in &resolved.models[run] {
                names.add(&model.rust.name);
            }
            let entry = taken.entry(module).or_default();
            entry.0 |= names.0;
            for k in 0..module.len() {
                taken.entry(&module[..k]).or_default().add(&module[k].name);
            }
        }
        let mut taken_around = Vec::with_capacity(modules.len());
        for (run, module) in module_runs(modules) {
            let around = taken.get(module).copied().unwrap_or_default();
            taken_around.extend(run.map(|_| around));
        }
        Generator {
            specs,
            resolved,
            scope,
            threads,
            taken,
            taken_around,
            first_under: OnceLock::new(),
        }
    }

    /// Per module path, the first model in it or below it (generated here
    /// or not): made once, when the first module is written, rather than
    /// searched for per module.
    fn first_under(&self) -> &hash::Map<&'a [RustIdent], ModelId> {
        self.first_under.get_or_init(|| {
            let mut first = hash::Map::default();
            for (run, module) in module_runs(&self.resolved.modules) {
                for k in 1..=module.len() {
                    first.entry(&module[..k]).or_insert(ModelId::new(run.start));
                }
            }
            first
        })
    }
}

impl Generator<'_> {
    /// Everything: the module tree with its models, and the catalog.
    #[allow(dead_code)] // for tests and benchmarks; the macro appends
    pub fn all(&self) -> String {
        let mut out = String::new();
        self.append_all(&mut out);
        out
    }

    /// Appends [`Generator::all`] to `out`.
    pub fn append_all(&self, out: &mut String) {
        let mut tree = Tree::default();
        for i in self.resolved.ids() {
            if self.place(i) != Place::Here {
                continue;
            }
            let mut node = &mut tree;
            for part in self.resolved.module(i) {
                node = node.child(part);
            }
            node.models.push(i);
        }
        // Each model's items and catalog entry are written on their own,
        // on all cores, then put in place.
        let here = self
            .resolved
            .ids()
            .filter(|&i| self.place(i) == Place::Here);
        let written = par::map(here, self.threads, |_, i| {
            // Each is about 130 bytes a field (or value) in the synthetic
            // benchmark specs: sized so that most need not grow.
            let size = 256 + 160 * self.resolved.model(i).kind.len();
            let mut items = String::with_capacity(size);
            self.model(&mut items, i);
            let mut literal = String::with_capacity(size);
            let _ = self.catalog_entry(&mut Record(&mut literal), i);
            (i, items, literal)
        });
        let mut items = vec![String::new(); self.resolved.models.len()];
        let mut catalog = String::with_capacity(written.iter().map(|(_, _, e)| e.len()).sum());
        for (i, source, entry) in written {
            items[i.index()] = source;
            catalog.push_str(&entry);
        }
        // Reserved once rather than grown (and copied) repeatedly.
        let total = items.iter().map(String::len).sum::<usize>() + catalog.len();
        out.reserve(total + total / 8);
        self.tree(out, &tree, &[], &items);
        push_all(
            out,
            &[
                "#[doc = \" Every model generated by this `include_specs!`, as data: where\"] \
                 #[doc = \" it comes from and what its fields are.\"] \
                 pub static CATALOG: ::token_models::catalog::Catalog = \
                 ::token_models::catalog::Catalog::__new(\"",
                &catalog,
                "\");",
            ],
        );
    }

    /// `path` as model `owner`'s module names it (see [`Std`]).
    fn path(&self, owner: ModelId, path: Std) -> &'static str {
        if self.at_root(owner) {
            path.full
        } else if path.bare.is_empty() || self.taken_around[owner.index()].has(path) {
            path.short
        } else {
            path.bare
        }
    }

    /// Whether model `i` is at the invocation's root, in no module of ours.
    fn at_root(&self, i: ModelId) -> bool {
        self.resolved.module(i).is_empty()
    }

    fn place(&self, model: ModelId) -> Place<'_> {
        self.scope
            .place(self.specs[self.resolved.model(model).spec.index()].folders())
    }

    /// Whether a model has a `#[deprecated]` field, which serde's derives
    /// use: the module around them allows it.
    fn has_deprecated(&self, i: ModelId) -> bool {
        matches!(&self.resolved.model(i).kind, ModelKind::Struct(fields) if fields.iter().any(|f| f.deprecated))
    }

    /// Writes `node`'s models (from `items`, each model's source) and its
    /// child modules.
    fn tree(&self, out: &mut String, node: &Tree, path: &[RustIdent], items: &[String]) {
        // At the invocation's root there is no module of ours to allow
        // `deprecated` on, so models with deprecated fields get one, hidden
        // and re-exported.
        let (wrapped, plain): (Vec<ModelId>, Vec<ModelId>) = node
            .models
            .iter()
            .partition(|&&i| path.is_empty() && self.has_deprecated(i));
        for &i in &plain {
            out.push_str(&items[i.index()]);
        }
        if !wrapped.is_empty() {
            out.push_str(
                "#[doc(hidden)] #[allow(deprecated)] mod __token_models_deprecated { \
                 #[allow(unused_imports)] use super::*;",
            );
            for &i in &wrapped {
                out.push_str(&items[i.index()]);
            }
            out.push_str("} pub use __token_models_deprecated::{");
            for (k, &i) in wrapped.iter().enumerate() {
                let sep = if k == 0 { "" } else { ", " };
                emit!(out, "{sep}{}", self.resolved.model(i).rust);
            }
            out.push_str("};");
        }
        for (name, child) in &node.children {
            let mut child_path = path.to_vec();
            child_path.push(name.clone());
            let doc = format!(
                " Models from the specs in `{}`.",
                self.folder_display(&child_path)
            );
            emit!(out, "#[doc = {}]", Lit(&doc));
            if child.models.iter().any(|&i| self.has_deprecated(i)) {
                out.push_str("#[allow(deprecated)]");
            }
            if path.is_empty() {
                // Inherited by everything inside: one attribute for the
                // subtree costs rustc less than one per model.
                out.push_str(LINTS_ALLOWED);
            }
            emit!(
                out,
                "pub mod {name} {{ #[allow(unused_imports)] use ::token_models::__private::{{self as __tm"
            );
            let taken = self.taken.get(&child_path[..]);
            for &p in &IMPORTED {
                if !taken.is_some_and(|t| t.has(p)) {
                    emit!(out, ", {}", &p.short["__tm::".len()..]);
                }
            }
            out.push_str("};");
            self.tree(out, child, &child_path, items);
            out.push('}');
        }
    }

    fn folder_display(&self, modules: &[RustIdent]) -> String {
        // Any spec in the folder tells the folder's path as written: the
        // first one's does.
        self.first_under()
            .get(modules)
            .map(|&i| {
                let spec = &self.specs[self.resolved.model(i).spec.index()];
                let depth = modules.len();
                let shown = spec
                    .display()
                    .rsplitn(spec.folders().len() + 2 - depth, '/')
                    .last()
                    .unwrap_or("");
                format!("{shown}/")
            })
            .unwrap_or_default()
    }

    /// Appends the items generated for one model.
    pub fn model(&self, out: &mut String, i: ModelId) {
        let m = &self.resolved.model(i);
        let name = &m.rust;
        docs(out, &m.doc);
        if !m.doc.is_empty() {
            doc(out, "");
        }
        // `doc` of "Generated from `path`.", without formatting the line.
        out.push_str("#[doc = \" Generated from `");
        let _ = write_escaped(out, self.specs[m.spec.index()].display());
        out.push_str("`.\"]");
        for o in &m.omitted {
            doc(out, "");
            doc(
                out,
                &format!(
                    "Not generated: the field `{}` ({}, not JSON data).",
                    o.written, o.why
                ),
            );
        }
        let Traits { eq, hash } = self.resolved.traits(i);
        let copy = matches!(m.kind, ModelKind::Enum { open: false, .. });
        // Structs write their own `Serialize` and `Deserialize`
        // (`struct_writer`, `struct_reader`): keys read as the API writes
        // them, and less for rustc to compile than serde's derives.
        let derived_serde = !matches!(m.kind, ModelKind::Struct(_));
        // A struct with a credential writes its own `Debug` (`redacted_debug`).
        let secret =
            matches!(&m.kind, ModelKind::Struct(fields) if fields.iter().any(|f| f.secret));
        let derives = [
            (DEBUG, !secret),
            (CLONE, true),
            (COPY, copy),
            (PARTIAL_EQ, true),
            (EQ, eq),
            (HASH, hash),
            (SERIALIZE, derived_serde),
            (DESERIALIZE, derived_serde),
        ];
        // Models in a module of ours have `LINTS_ALLOWED` from its
        // outermost one (`tree`); at the invocation's root each needs its own.
        if self.at_root(i) {
            out.push_str(LINTS_ALLOWED);
        }
        out.push_str("#[derive(");
        for (k, (path, _)) in derives.iter().filter(|(_, on)| *on).enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            out.push_str(self.path(i, *path));
        }
        // What the `derives` and `attributes` settings add, in their order.
        let shapings = self.specs[m.spec.index()].settings.shapings.iter();
        let shapings = shapings.filter(|s| s.model.as_ref().is_none_or(|n| *n == m.rust.name));
        for path in shapings.clone().flat_map(|s| &s.derives) {
            push_all(out, &[", ", path]);
        }
        out.push_str(")]");
        for s in shapings {
            out.push_str(&s.attributes);
        }
        if derived_serde {
            push_all(out, &["#[serde(crate = \"", self.path(i, SERDE), "\")]"]);
        }
        match &m.kind {
            ModelKind::Struct(fields) => {
                out.push_str("pub struct ");
                name.push_to(out);
                out.push_str(" {");
                for (k, f) in fields.iter().enumerate() {
                    self.field(out, i, f, self.resolved.is_boxed(i, k));
                }
                out.push('}');
                self.struct_writer(out, i, fields);
                self.struct_reader(out, i, fields);
                if secret {
                    self.redacted_debug(out, i, fields);
                }
            }
            ModelKind::FreeForm => emit!(
                out,
                "#[serde(transparent)] pub struct {name}(\
                 #[doc = \" The object's properties, as the JSON has them.\"] \
                 pub {}<{}, {}>,);",
                self.path(i, MAP),
                self.path(i, STRING),
                self.path(i, VALUE),
            ),
            ModelKind::Any => emit!(
                out,
                "#[serde(transparent)] pub struct {name}(\
                 #[doc = \" The value, as the JSON has it.\"] pub {},);",
                self.path(i, VALUE),
            ),
            ModelKind::Enum {
                variants,
                open,
                loose,
            } => {
                if variants.iter().all(|v| matches!(v.value, Value::Str(_))) {
                    self.string_enum(out, i, variants, *open);
                } else {
                    self.value_enum(out, i, variants, *open, *loose);
                }
            }
            ModelKind::Union(alternatives) => {
                // The alternatives are the API's own types, whatever their
                // sizes: boxing the large ones would change the API for a
                // lint about memory.
                // Written untagged. Where two alternatives read objects
                // (where the one written first may take the other's
                // payloads), read through `TryFrom<Value>`, which tries the
                // alternatives that fit the value best first; elsewhere
                // serde's order is right, and costs less to compile.
                let shapes: Vec<String> = alternatives
                    .iter()
                    .map(|a| {
                        let mut shape = String::new();
                        self.shape(&mut shape, i, &a.ty);
                        shape
                    })
                    .collect();
                let objects = shapes
                    .iter()
                    .filter(|s| {
                        ["::Shape::Object", "::Shape::Map", "::Shape::Any"]
                            .iter()
                            .any(|k| s.contains(k))
                    })
                    .count();
                let ordered = objects >= 2;
                emit!(out, "#[allow(clippy::large_enum_variant)] #[serde(untagged");
                if ordered {
                    emit!(out, ", try_from = \"{}\"", self.path(i, VALUE));
                }
                emit!(out, ")] pub enum {name} {{");
                for (k, a) in alternatives.iter().enumerate() {
                    emit!(
                        out,
                        "#[doc = {}] {}(",
                        Lit(&format!(" `{}`", a.written)),
                        a.rust
                    );
                    if self.resolved.is_boxed(i, k) {
                        out.push_str(self.path(i, BOX));
                        out.push('<');
                        self.ty(out, i, &a.ty);
                        out.push('>');
                    } else {
                        self.ty(out, i, &a.ty);
                    }
                    out.push_str("),");
                }
                out.push('}');
                if ordered {
                    self.union_reader(out, i, alternatives, &shapes);
                }
            }
        }
        self.validate_impl(out, i);
        self.example_test(out, i);
    }

    /// The items generated for one model, on their own.
    #[cfg(test)]
    pub fn model_source(&self, i: ModelId) -> String {
        let mut out = String::new();
        self.model(&mut out, i);
        out
    }

    /// Appends a type as seen from inside the module of model `owner`.
    fn ty(&self, out: &mut String, owner: ModelId, ty: &Ty) {
        let path = |p: Std| self.path(owner, p);
        match ty {
            Ty::Scalar(s) => match s {
                Scalar::String => out.push_str(path(STRING)),
                Scalar::Bool => out.push_str("bool"),
                Scalar::I32 => out.push_str("i32"),
                Scalar::I64 => out.push_str("i64"),
                Scalar::I128 => out.push_str("i128"),
                Scalar::F32 => out.push_str("f32"),
                Scalar::F64 => out.push_str("f64"),
                Scalar::Number => out.push_str(path(NUMBER)),
                Scalar::DateTime => out.push_str(path(DATE_TIME)),
                Scalar::Date => out.push_str(path(DATE)),
                Scalar::Any => out.push_str(path(VALUE)),
                Scalar::Object => {
                    push_all(out, &[path(MAP), "<", path(STRING), ", ", path(VALUE), ">"]);
                }
            },
            Ty::List(t) => {
                push_all(out, &[path(VEC), "<"]);
                self.ty(out, owner, t);
                out.push('>');
            }
            Ty::Map(t) => {
                push_all(out, &[path(BTREE_MAP), "<", path(STRING), ", "]);
                self.ty(out, owner, t);
                out.push('>');
            }
            Ty::Nullable(t) => {
                push_all(out, &[path(OPTION), "<"]);
                self.ty(out, owner, t);
                out.push('>');
            }
            Ty::Model(target) if self.place(*target) != Place::Here => match self.place(*target) {
                Place::Crate(krate) => {
                    push_all(out, &["::", krate, "::"]);
                    for m in self.resolved.module(*target).iter() {
                        m.push_to(out);
                        out.push_str("::");
                    }
                    self.resolved.model(*target).rust.push_to(out);
                }
                // Reported by the scope check: any JSON value.
                Place::Here | Place::Outside => out.push_str(path(VALUE)),
            },
            Ty::Model(target) => {
                let from = &self.resolved.module(owner);
                let to = &self.resolved.module(*target);
                let common = from
                    .iter()
                    .zip(to.iter())
                    .take_while(|(a, b)| a == b)
                    .count();
                for _ in common..from.len() {
                    out.push_str("super::");
                }
                for m in &to[common..] {
                    m.push_to(out);
                    out.push_str("::");
                }
                self.resolved.model(*target).rust.push_to(out);
            }
        }
    }

    /// The path of every model generated here, from the invocation's root,
    /// each followed by a comma (`for_models`).
    pub fn model_paths(&self, out: &mut String) {
        for m in self.resolved.ids() {
            if self.place(m) == Place::Here {
                self.rust_path(out, m);
                out.push(',');
            }
        }
    }

    /// Model `m`'s path from the invocation's root (`shared::AccessToken`).
    fn rust_path(&self, out: &mut String, m: ModelId) {
        for part in self.resolved.module(m).iter() {
            part.push_to(out);
            out.push_str("::");
        }
        self.resolved.model(m).rust.push_to(out);
    }
}

/// Models grouped into nested modules.
#[derive(Default)]
struct Tree {
    models: Vec<ModelId>,
    /// Sorted by name (a sorted `Vec` rather than a `BTreeMap`, whose
    /// instances cost the macro crate's own compile more than they save).
    children: Vec<(RustIdent, Tree)>,
}

impl Tree {
    /// The child module `name`, added if new.
    fn child(&mut self, name: &RustIdent) -> &mut Tree {
        let k = match self.children.binary_search_by(|(n, _)| n.cmp(name)) {
            Ok(k) => k,
            Err(k) => {
                self.children.insert(k, (name.clone(), Tree::default()));
                k
            }
        };
        &mut self.children[k].1
    }
}
