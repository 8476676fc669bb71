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
use super::ir::{Alternative, Field, Lines, ModelKind, Presence, Scalar, Ty, Value, Variant};
use super::naming::RustIdent;
use super::par;
use super::resolve::{Resolved, Traits};
use super::source::{Place, Scope, SpecFile};
use std::fmt::{self, Write as _};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// Appends formatted source to a `String` (which cannot fail).
macro_rules! emit {
    ($out:expr, $($arg:tt)*) => {{
        let _ = $out.write_fmt(format_args!($($arg)*));
    }};
}

/// `#[doc = "…"]` for one line, with the space a `///` comment would have.
fn doc(out: &mut String, line: &str) {
    if line.is_empty() {
        out.push_str("#[doc = \"\"]");
    } else {
        out.push_str("#[doc = \" ");
        let _ = write_escaped(out, line);
        out.push_str("\"]");
    }
}

/// Appends the parts in order (what `write!` would, without formatting
/// machinery, which costs more than the copying on these short parts).
fn push_all(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// Appends `n` in decimal.
fn push_number(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// [`doc`] per line.
fn docs(out: &mut String, lines: &Lines) {
    // Not `Lines::iter`: its layers of adapters cost more than the line,
    // unoptimised.
    if let Some(line) = lines.as_one_line() {
        // Not searched for a `\n` again (most descriptions).
        if !line.is_empty() {
            doc(out, line);
        }
        return;
    }
    let text = lines.text();
    if !text.is_empty() {
        let mut fence: Option<&str> = None;
        for line in text.split('\n') {
            match code_fence(line) {
                // A code block that does not say its language is Rust to
                // rustdoc, which would run the vendor's regex or shell
                // line as a doctest of the user's crate: it says `text`.
                Some((marker, info)) if fence.is_none() => {
                    fence = Some(marker);
                    if info.is_empty() || info.starts_with("rust") {
                        let indent = &line[..line.len() - line.trim_start().len()];
                        doc(out, &format!("{indent}{marker}text"));
                        continue;
                    }
                }
                Some((marker, "")) if fence.is_some_and(|open| marker.starts_with(open)) => {
                    fence = None;
                }
                _ => {}
            }
            doc(out, line);
        }
    }
}

/// Whether `ty` is floats, or options, lists or maps of them (written by
/// `__private::ser::Fields::float`).
fn floats_only(ty: &Ty) -> bool {
    match ty {
        Ty::Scalar(Scalar::F32 | Scalar::F64) => true,
        Ty::List(inner) | Ty::Map(inner) | Ty::Nullable(inner) => floats_only(inner),
        _ => false,
    }
}

/// A code fence's marker (three or more backticks or tildes) and info
/// string, if `line` is one.
fn code_fence(line: &str) -> Option<(&str, &str)> {
    let text = line.trim_start();
    let first = text.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = text.len() - text.trim_start_matches(first).len();
    (len >= 3).then(|| (&text[..len], text[len..].trim()))
}

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
const NAIVE_DATE: Std = std_path(
    "::token_models::chrono::NaiveDate",
    "__tm::NaiveDate",
    "NaiveDate",
);
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

/// The paths a generated module imports by their bare names (each one's
/// index is its bit in [`Taken`]). A `static`, like [`PLAIN`]: an
/// unoptimised build copies a `const` array to the stack at every use.
static IMPORTED: [Std; 17] = [
    OPTION,
    STRING,
    VEC,
    BOX,
    BTREE_MAP,
    DATE_TIME,
    NAIVE_DATE,
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
    first_under: OnceLock<hash::Map<&'a [RustIdent], usize>>,
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
    fn first_under(&self) -> &hash::Map<&'a [RustIdent], usize> {
        self.first_under.get_or_init(|| {
            let mut first = hash::Map::default();
            for (run, module) in module_runs(&self.resolved.modules) {
                for k in 1..=module.len() {
                    first.entry(&module[..k]).or_insert(run.start);
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
        for (i, module) in self.resolved.modules.iter().enumerate() {
            if self.place(i) != Place::Here {
                continue;
            }
            let mut node = &mut tree;
            for part in module.iter() {
                node = node.child(part);
            }
            node.models.push(i);
        }
        // Each model's items and catalog entry are written on their own,
        // on all cores, then put in place.
        let here = (0..self.resolved.models.len()).filter(|&i| self.place(i) == Place::Here);
        let written = par::map(here, self.threads, |_, i| {
            // Each is about 130 bytes a field (or value) in the synthetic
            // benchmark specs: sized so that most need not grow.
            let size = 256 + 160 * self.resolved.models[i].kind.len();
            let mut items = String::with_capacity(size);
            self.model(&mut items, i);
            let mut literal = String::with_capacity(size);
            let _ = self.catalog_entry(&mut Record(&mut literal), i);
            (i, items, literal)
        });
        let mut items = vec![String::new(); self.resolved.models.len()];
        let mut catalog = String::with_capacity(written.iter().map(|(_, _, e)| e.len()).sum());
        for (i, source, entry) in written {
            items[i] = source;
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
    fn path(&self, owner: usize, path: Std) -> &'static str {
        if self.at_root(owner) {
            path.full
        } else if path.bare.is_empty() || self.taken_around[owner].has(path) {
            path.short
        } else {
            path.bare
        }
    }

    /// Whether model `i` is at the invocation's root, in no module of ours.
    fn at_root(&self, i: usize) -> bool {
        self.resolved.modules[i].is_empty()
    }

    fn place(&self, model: usize) -> Place<'_> {
        self.scope
            .place(self.specs[self.resolved.models[model].spec].folders())
    }

    /// Whether a model has a `#[deprecated]` field, which serde's derives
    /// use: the module around them allows it.
    fn has_deprecated(&self, i: usize) -> bool {
        matches!(&self.resolved.models[i].kind, ModelKind::Struct(fields) if fields.iter().any(|f| f.deprecated))
    }

    /// Writes `node`'s models (from `items`, each model's source) and its
    /// child modules.
    fn tree(&self, out: &mut String, node: &Tree, path: &[RustIdent], items: &[String]) {
        // At the invocation's root there is no module of ours to allow
        // `deprecated` on, so models with deprecated fields get one, hidden
        // and re-exported.
        let (wrapped, plain): (Vec<usize>, Vec<usize>) = node
            .models
            .iter()
            .partition(|&&i| path.is_empty() && self.has_deprecated(i));
        for &i in &plain {
            out.push_str(&items[i]);
        }
        if !wrapped.is_empty() {
            out.push_str(
                "#[doc(hidden)] #[allow(deprecated)] mod __token_models_deprecated { \
                 #[allow(unused_imports)] use super::*;",
            );
            for &i in &wrapped {
                out.push_str(&items[i]);
            }
            out.push_str("} pub use __token_models_deprecated::{");
            for (k, &i) in wrapped.iter().enumerate() {
                let sep = if k == 0 { "" } else { ", " };
                emit!(out, "{sep}{}", self.resolved.models[i].rust);
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
                let spec = &self.specs[self.resolved.models[i].spec];
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
    pub fn model(&self, out: &mut String, i: usize) {
        let m = &self.resolved.models[i];
        let name = &m.rust;
        docs(out, &m.doc);
        if !m.doc.is_empty() {
            doc(out, "");
        }
        // `doc` of "Generated from `path`.", without formatting the line.
        out.push_str("#[doc = \" Generated from `");
        let _ = write_escaped(out, self.specs[m.spec].display());
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
        let Traits { eq, hash } = self.resolved.traits[i];
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
        out.push_str(")]");
        if derived_serde {
            push_all(out, &["#[serde(crate = \"", self.path(i, SERDE), "\")]"]);
        }
        match &m.kind {
            ModelKind::Struct(fields) => {
                out.push_str("pub struct ");
                name.push_to(out);
                out.push_str(" {");
                for f in fields {
                    self.field(out, i, f);
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
                for a in alternatives {
                    emit!(
                        out,
                        "#[doc = {}] {}(",
                        Lit(&format!(" `{}`", a.written)),
                        a.rust
                    );
                    if a.boxed {
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
    }

    /// `Serialize` for struct `i`, through `__private::ser`: what serde's
    /// derive writes for the struct with each field renamed to its wire
    /// name, an absent `Option` skipped (`Some(None)` is `null`), the open
    /// map flattened, and floats without a fraction written as integers
    /// (`7`, not `7.0`: the API's `number`).
    fn struct_writer(&self, out: &mut String, i: usize, fields: &[Field]) {
        let name = &self.resolved.models[i].rust;
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
    fn struct_reader(&self, out: &mut String, i: usize, fields: &[Field]) {
        let name = &self.resolved.models[i].rust;
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
        // The open map last, as serde's derive reads a flattened one.
        push_all(out, &[de, "::Ok("]);
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
    fn redacted_debug(&self, out: &mut String, i: usize, fields: &[Field]) {
        let name = &self.resolved.models[i].rust;
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
                push_all(out, &[self.path(i, REDACTED), "(&self."]);
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

    /// `TryFrom<Value>` for union `i`: the alternatives tried in the order
    /// `union::order` gives for the value, from what each reads.
    fn union_reader(
        &self,
        out: &mut String,
        i: usize,
        alternatives: &[Alternative],
        shapes: &[String],
    ) {
        let name = &self.resolved.models[i].rust;
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
    fn shape(&self, out: &mut String, i: usize, ty: &Ty) {
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
            Ty::Model(t) => match &self.resolved.models[*t].kind {
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
            Ty::Scalar(Scalar::Any)
            | Ty::Named(_)
            | Ty::Local(_)
            | Ty::Union(_)
            | Ty::Null
            | Ty::Transport(_) => simple(out, "Any"),
        }
    }

    /// The items generated for one model, on their own.
    #[cfg(test)]
    pub fn model_source(&self, i: usize) -> String {
        let mut out = String::new();
        self.model(&mut out, i);
        out
    }

    fn field(&self, out: &mut String, owner: usize, f: &Field) {
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
        if f.boxed {
            out.push_str(self.path(owner, BOX));
            out.push('<');
        }
        self.ty(out, owner, &f.ty);
        if f.boxed {
            out.push('>');
        }
        for _ in 0..options {
            out.push('>');
        }
        out.push(',');
    }

    /// Appends a type as seen from inside the module of model `owner`.
    fn ty(&self, out: &mut String, owner: usize, ty: &Ty) {
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
                Scalar::Date => out.push_str(path(NAIVE_DATE)),
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
            // Unresolved after an error was reported: any JSON value.
            Ty::Named(_) | Ty::Local(_) | Ty::Union(_) | Ty::Null | Ty::Transport(_) => {
                out.push_str(path(VALUE));
            }
            Ty::Model(target) if self.place(*target) != Place::Here => match self.place(*target) {
                Place::Crate(krate) => {
                    push_all(out, &["::", krate, "::"]);
                    for m in self.resolved.modules[*target].iter() {
                        m.push_to(out);
                        out.push_str("::");
                    }
                    self.resolved.models[*target].rust.push_to(out);
                }
                // Reported by the scope check: any JSON value.
                Place::Here | Place::Outside => out.push_str(path(VALUE)),
            },
            Ty::Model(target) => {
                let from = &self.resolved.modules[owner];
                let to = &self.resolved.modules[*target];
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
                self.resolved.models[*target].rust.push_to(out);
            }
        }
    }

    /// A type as a reader would write it, for the catalog.
    fn ty_text(&self, out: &mut String, ty: &Ty) {
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
                    Scalar::Date => "chrono::NaiveDate",
                    Scalar::Any => "serde_json::Value",
                    Scalar::Object => "serde_json::Map<String, serde_json::Value>",
                });
            }
            Ty::List(t) => ("Vec<", t),
            Ty::Map(t) => ("BTreeMap<String, ", t),
            Ty::Nullable(t) => ("Option<", t),
            Ty::Named(_) | Ty::Local(_) | Ty::Union(_) | Ty::Null | Ty::Transport(_) => {
                return out.push_str("serde_json::Value");
            }
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

    /// The path of every model generated here, from the invocation's root,
    /// each followed by a comma (`for_models`).
    pub fn model_paths(&self, out: &mut String) {
        for m in 0..self.resolved.models.len() {
            if self.place(m) == Place::Here {
                self.rust_path(out, m);
                out.push(',');
            }
        }
    }

    /// Model `m`'s path from the invocation's root (`shared::AccessToken`).
    fn rust_path(&self, out: &mut String, m: usize) {
        for part in self.resolved.modules[m].iter() {
            part.push_to(out);
            out.push_str("::");
        }
        self.resolved.models[m].rust.push_to(out);
    }

    /// A field's type as a reader would write it, for the catalog.
    fn field_type_text(&self, out: &mut String, f: &Field) {
        let wrappers = match f.presence {
            Presence::Required => 0,
            Presence::Optional | Presence::Nullable => 1,
            Presence::OptionalNullable => 2,
        };
        for _ in 0..wrappers {
            out.push_str("Option<");
        }
        if f.boxed {
            out.push_str("Box<");
        }
        self.ty_text(out, &f.ty);
        for _ in 0..wrappers + usize::from(f.boxed) {
            out.push('>');
        }
    }

    /// Model `i`'s entry in `pub static CATALOG`, in the compact encoding
    /// `token_models::catalog::Catalog` decodes: a head of units, then
    /// groups of items (fields, variants, omitted fields). Written straight
    /// into the string literal (see [`Record`]).
    fn catalog_entry(&self, out: &mut Record<'_>, i: usize) -> fmt::Result {
        let m = &self.resolved.models[i];
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
        out.write_str(self.specs[m.spec].display())?;
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
            for f in fields {
                let presence = presence_unit(f.presence);
                f.rust().push_to(out.plain());
                out.end(UNIT);
                out.write_str(f.wire())?;
                out.end(UNIT);
                self.field_type_text(out.plain(), f);
                out.end(UNIT);
                out.plain().push_str(presence);
                out.lines(&f.doc)?;
                out.end(UNIT);
                push_number(out.plain(), f.pos.line);
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
enum End {
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
fn presence_unit(presence: Presence) -> &'static str {
    match presence {
        Presence::Required => "required\\u{1f}",
        Presence::Optional => "optional\\u{1f}",
        Presence::Nullable => "nullable\\u{1f}",
        Presence::OptionalNullable => "optional-nullable\\u{1f}",
    }
}

/// The inside of the catalog's string literal, as it is written: text goes
/// in escaped as [`Lit`] escapes it, a separator character in it replaced
/// (so that no text can corrupt the record); [`Record::end`] writes a
/// separator itself, escaped.
struct Record<'a>(&'a mut String);

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

/// A string literal of `text`, written as `{:?}` writes it (every
/// character that is not printable escaped, so that no doc text can
/// change the code or hide in it), in runs rather than character by
/// character.
pub struct Lit<'a>(pub &'a str);

impl fmt::Display for Lit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        write_escaped(f, self.0)?;
        f.write_char('"')
    }
}

/// Appends `text` as a string literal (see [`Lit`]), without a
/// formatter in between.
pub fn push_lit(out: &mut String, text: &str) {
    out.push('"');
    // Writing to a `String` cannot fail.
    let _ = write_escaped(out, text);
    out.push('"');
}

/// Escapes what is written to it as the inside of a string literal.
struct Escaping<'a>(&'a mut String);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_escaped(self.0, s)
    }
}

/// The inside of a string literal of `text` (see [`Lit`]).
fn write_escaped(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    escape_into(out, text, false)
}

/// [`write_escaped`], and with `clean` a catalog separator in `text`
/// (`\u{1c}` to `\u{1f}`) written as `\u{fffd}` instead.
fn escape_into(out: &mut impl fmt::Write, text: &str, clean: bool) -> fmt::Result {
    let bytes = text.as_bytes();
    // `text[run..at]` is plain and not yet written.
    let (mut run, mut at) = (0, 0);
    while at < bytes.len() {
        // Eight plain bytes at once (most of a doc's text), else one. (`as`:
        // `usize::from` is a call per byte in the macro's unoptimised build.)
        if let [a, b, c, d, e, f, g, h, ..] = bytes[at..] {
            if PLAIN[a as usize]
                & PLAIN[b as usize]
                & PLAIN[c as usize]
                & PLAIN[d as usize]
                & PLAIN[e as usize]
                & PLAIN[f as usize]
                & PLAIN[g as usize]
                & PLAIN[h as usize]
            {
                at += 8;
                continue;
            }
        }
        if PLAIN[bytes[at] as usize] {
            at += 1;
            continue;
        }
        out.write_str(&text[run..at])?;
        // Not plain: the start of a character (`"`, `\\`, a control
        // character, or any non-ASCII one) that `escape_debug` decides on.
        let c = text[at..].chars().next().unwrap_or_default();
        at += c.len_utf8();
        run = at;
        let shown = if clean && matches!(c, '\u{1c}'..='\u{1f}') {
            '\u{fffd}'
        } else {
            c
        };
        for e in shown.escape_debug() {
            out.write_char(e)?;
        }
    }
    out.write_str(&text[run..])
}

/// The bytes a string literal holds as they are: printable ASCII but `"`
/// and `\\`. A `static`: an unoptimised build (the macro's usual one) would
/// copy a `const` table to the stack for every byte looked up.
static PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = b' ';
    while b <= b'~' {
        plain[b as usize] = b != b'"' && b != b'\\';
        b += 1;
    }
    plain
};

fn variant_doc(out: &mut String, v: &Variant) {
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
    fn string_enum(&self, out: &mut String, i: usize, variants: &[Variant], open: bool) {
        let name = &self.resolved.models[i].rust;
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
    fn value_enum(
        &self,
        out: &mut String,
        i: usize,
        variants: &[Variant],
        open: bool,
        loose: bool,
    ) {
        let name = &self.resolved.models[i].rust;
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

/// Models grouped into nested modules.
#[derive(Default)]
struct Tree {
    models: Vec<usize>,
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

#[cfg(test)]
mod tests {
    use super::{End, Lines, Lit, Record, docs, push_lit, push_number};
    use std::fmt::Write;

    #[test]
    fn code_blocks_that_rustdoc_would_run_say_text() {
        let lines = Lines::from(String::from(
            "Pattern:\n```\n^\\w+$\n```\n```json\n{}\n```\n  ~~~rust\nx\n  ~~~",
        ));
        let mut out = String::new();
        docs(&mut out, &lines);
        let written: Vec<&str> = out
            .split("#[doc = \"")
            .skip(1)
            .map(|d| d.trim_end_matches("\"]"))
            .collect();
        assert_eq!(
            written,
            [
                " Pattern:",
                " ```text",
                " ^\\\\w+$",
                " ```",
                " ```json",
                " {}",
                " ```",
                "   ~~~text",
                " x",
                "   ~~~"
            ]
        );
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 1_000, 4_294_967_295] {
            let mut out = String::from("line ");
            push_number(&mut out, n);
            assert_eq!(out, format!("line {n}"));
        }
    }

    #[test]
    fn literals_escape_as_debug_does() {
        for text in [
            "",
            "plain words",
            "a \"quoted\" \\ path 'single'",
            "tab\tnew\nline\rcr\0nul\u{1f}unit\u{7f}del",
            "bidi \u{202e}override\u{2066} and zero\u{200b}width",
            "e\u{301} combining, 日本語, emoji 🦀",
        ] {
            assert_eq!(Lit(text).to_string(), format!("{text:?}"));
            let mut pushed = String::from("before ");
            push_lit(&mut pushed, text);
            assert_eq!(pushed, format!("before {text:?}"));
        }
        // Plain bytes are passed eight at a time: a character to escape at
        // every place in and around such a run.
        for special in ['"', '\\', '\n', '\u{7f}', 'é', '🦀'] {
            for len in 0..20 {
                for at in 0..=len {
                    let mut text: String = "abcdefghijklmnopqrst"[..len].to_owned();
                    text.insert(at, special);
                    assert_eq!(Lit(&text).to_string(), format!("{text:?}"));
                }
            }
        }
    }

    #[test]
    fn doc_lines_are_escaped_inside_their_literal() {
        let mut out = String::new();
        let mut lines = super::Lines::default();
        lines.push("say \"hi\" \\ \u{1f}");
        lines.push("");
        super::docs(&mut out, &lines);
        assert_eq!(out, r#"#[doc = " say \"hi\" \\ \u{1f}"]#[doc = ""]"#);
        // A line known to be one is written as one searched for breaks is.
        for text in ["", "One \"line\"."] {
            let (mut known, mut searched) = (String::new(), String::new());
            super::docs(&mut known, &super::Lines::line(text));
            super::docs(&mut searched, &super::Lines::from(text.to_owned()));
            assert_eq!(known, searched);
        }
    }

    #[test]
    fn a_presence_is_a_unit() {
        use super::super::ir::Presence;
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
