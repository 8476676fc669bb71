//! Stage 2: one spec's blocks to models.
//!
//! Two doc shapes are understood: Speakeasy's (`# Title`, a description,
//! then `## Fields`, `## Values` or `## Supported Types`, and more types
//! under other `##` headings with `### Fields`) and readme.io's object pages
//! (front matter with a title, `## Attributes` lists, `## Example`).

use super::diag::{Diagnostics, LineCursor, Pos};
use super::dialect::{self, Dialect};
#[cfg(test)]
use super::ir::NamedRef;
use super::ir::{
    Alternative, Constraint, Field, Lines, LocalId, ModelKind, Omitted, Presence, ReadModel,
    ReadTy, Scalar, SpecId, Value, Variant,
};
use super::markdown::{self, Block, Cell, Style, Table};
use super::naming::{self, Case, RustIdent};
use super::secrets;
use super::source::{Settings, SpecFile};
use super::text::{trim, trim_end, trim_start};
use super::types::{self, Lit, Parsed, Parses, Syntax};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

mod cells;
mod readme;
mod speakeasy;
#[cfg(test)]
mod tests;
mod text;

pub use cells::TypeCells;
use speakeasy::*;

pub use text::doc_text;

/// Reads one spec into its models: the doc's own type first, then the types
/// it defines inline (a union in a Type cell, a readme.io enum attribute) or
/// under further headings. `fallback` is the language of its Type column
/// when its own names do not tell (see [`TypeCells::scores`]); when it is
/// not known yet (`None`) and the doc needs it, the doc is not read:
/// `None`, and the diagnostics so far are to be dropped.
pub fn read_spec<'s>(
    index: SpecId,
    spec: &'s SpecFile,
    doc: &markdown::Doc<'_>,
    cells: TypeCells,
    fallback: Option<Fallback>,
    diags: &mut Diagnostics,
) -> Option<Vec<ReadModel<'s>>> {
    // A doc none of whose names any language knows (every field a link)
    // reads the same in every language: only one whose names several
    // languages know depends on the one assumed.
    let shared_names = cells.scores().iter().any(|&s| s > 0);
    let mut r = Reader {
        index,
        spec,
        lines: LineCursor::default(),
        diags,
        extra: Vec::new(),
        fallback,
        fallback_wanted: false,
        assumed_used: false,
        cased_by: None,
        cells,
        warned: Vec::new(),
    };
    let mut models = r.read(doc);
    if !spec.settings.wire_overrides.is_empty() {
        override_wire_names(&mut models, &spec.settings);
    }
    if spec.settings.nulls_anywhere {
        allow_nulls(&mut models);
    }
    secrets::mark(&mut models);
    described_rules(&mut models);
    if !spec.settings.redactions.is_empty() {
        redact_as_set(&mut models, &spec.settings);
    }
    if let Some(dialect) = r.cased_by {
        let assumed = match dialect.wire_default {
            Case::AsWritten => "as the doc writes them",
            case => case.name(),
        };
        // Of the settings, not of the doc: no fallback.
        r.diags.warn_at(
            spec.display(),
            Pos::new(1, 1),
            format!(
                "found {} field names {CASING_ASSUMED}: the API's JSON keys are assumed {assumed} (any casing reads); `wire_names = \"…\"` in a token-models.toml says which the API writes",
                dialect.name
            ),
        );
    }
    if r.assumed_used && shared_names {
        if let Some(message) = r.fallback.as_ref().and_then(|f| f.assumed.clone()) {
            r.warn_at(Pos::new(1, 1), message);
        }
    }
    attach_fallbacks(&mut models, r.warned);
    (!r.fallback_wanted).then_some(models)
}

/// Every field may be `null` (`nulls = "anywhere"`): a required one is
/// `Option<T>`, an optional one tells absent from `null`.
fn allow_nulls(models: &mut [ReadModel<'_>]) {
    for model in models {
        if let ModelKind::Struct(fields) = &mut model.kind {
            for field in fields.iter_mut().filter(|f| !f.rest) {
                field.presence = match field.presence {
                    Presence::Required | Presence::Nullable => Presence::Nullable,
                    Presence::Optional | Presence::OptionalNullable => Presence::OptionalNullable,
                };
            }
        }
    }
}

/// What the warning says of a folder whose docs write field names in their
/// language's casing with no `wire_names` (given once per folder).
pub const CASING_ASSUMED: &str = "and no `wire_names` for this folder";

/// The rules a field's description states in one of the two forms that
/// cannot mean anything else, for a field of the type they fit: text with
/// "a maximum length of N characters", a number that "Must be between N
/// and M." (a sentence of its own). Other wordings ("between 24 and 48
/// hours in the future") are prose, not rules. A field that has rules from
/// its type keeps those.
fn described_rules(models: &mut [ReadModel<'_>]) {
    for m in models {
        let ModelKind::Struct(fields) = &mut m.kind else {
            continue;
        };
        for f in fields.iter_mut().filter(|f| f.constraints.is_empty()) {
            let text = f.doc.text();
            f.constraints = match f.ty.value_scalar() {
                Some(Scalar::String) => number_after(text, "maximum length of ", " characters")
                    .and_then(|n| n.parse().ok())
                    .map(|n| vec![Constraint::MaxChars(n)])
                    .unwrap_or_default(),
                Some(s) if s.is_number() => text
                    .split_once("Must be between ")
                    .and_then(|(_, rest)| {
                        let (low, rest) = rest.split_once(" and ")?;
                        let (high, _) = rest.split_once('.').filter(|(h, after)| {
                            !h.is_empty() && (after.is_empty() || after.starts_with([' ', '\n']))
                        })?;
                        let finite = |n: &str| n.parse::<f64>().is_ok_and(f64::is_finite);
                        (finite(low) && finite(high)).then(|| {
                            vec![
                                Constraint::Min {
                                    value: low.to_owned(),
                                    exclusive: false,
                                },
                                Constraint::Max {
                                    value: high.to_owned(),
                                    exclusive: false,
                                },
                            ]
                        })
                    })
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
        }
    }
}

/// The digits between `before` and `after` in `text`, if it says so.
fn number_after<'t>(text: &'t str, before: &str, after: &str) -> Option<&'t str> {
    let (_, rest) = text.split_once(before)?;
    let digits = rest.split_once(after)?.0;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Redacts or shows the fields the `redact` and `unredact` settings name,
/// whatever their names say.
fn redact_as_set(models: &mut [ReadModel<'_>], settings: &Settings) {
    for m in models {
        if let ModelKind::Struct(fields) = &mut m.kind {
            for f in fields.iter_mut() {
                if let Some(redact) = settings.redaction(&m.rust.name, &[&f.written, f.rust().name])
                {
                    f.secret = redact;
                }
            }
        }
    }
}

/// Sets the JSON keys the settings give fields by name
/// (`Widget.meta = "__meta"`): the model by its Rust name, the field by its
/// name as written or its Rust name.
fn override_wire_names(models: &mut [ReadModel<'_>], settings: &Settings) {
    for model in models {
        let ModelKind::Struct(fields) = &mut model.kind else {
            continue;
        };
        for field in fields.iter_mut() {
            let names = [&*field.written, field.rust().name];
            if let Some(wire) = settings.wire_override(&[&model.rust.name], &names) {
                field.wire = Some(wire.to_owned());
            }
        }
    }
}

/// Whether reading `doc` may need the language of its folder (the
/// `fallback` of [`read_spec`]): a table's names do not tell their own (no
/// one dialect knows the most of them), or the doc has union alternatives
/// (`## Supported Types`), whose names are only parsed as it is read. Such
/// a doc is best read after its folder's vote.
pub fn may_need_fallback(doc: &markdown::Doc<'_>, cells: &TypeCells) -> bool {
    let undecided = cells
        .tables
        .iter()
        .any(|(_, scores)| dialect::best_dialect(scores).is_none());
    undecided
        || doc.blocks.iter().any(
            |b| matches!(b, Block::Heading { level: 2, text, .. } if text == "Supported Types"),
        )
}

/// The language a doc's Type column is read in when its own names do not
/// tell: its top folder's, else its tree's (`assumed` is `None`), else
/// one assumed, with the warning that says so.
#[derive(Debug, Clone)]
pub struct Fallback {
    pub dialect: &'static Dialect,
    pub assumed: Option<String>,
}

impl Fallback {
    /// `dialect`, known from a vote.
    pub fn voted(dialect: &'static Dialect) -> Fallback {
        Fallback {
            dialect,
            assumed: None,
        }
    }
}

/// Reads one spec (`'s`, whose text the models borrow), reporting to
/// diagnostics (`'d`).
struct Reader<'s, 'd> {
    index: SpecId,
    spec: &'s SpecFile,
    lines: LineCursor,
    diags: &'d mut Diagnostics,
    /// Types defined inside the doc's other types.
    extra: Vec<ReadModel<'s>>,
    /// The language when the doc's names do not tell, if known.
    fallback: Option<Fallback>,
    /// Whether the doc needed `fallback` when it was not known.
    fallback_wanted: bool,
    /// Whether the doc needed `fallback` when it was only assumed.
    assumed_used: bool,
    /// The language whose casing the doc's field names are in, when no
    /// `wire_names` says how the API's keys are cased (a warning).
    cased_by: Option<&'static Dialect>,
    cells: TypeCells,
    /// The warnings given so far, where: each says why a part of the
    /// doc's types is a fallback.
    warned: Vec<(Pos, String)>,
}

/// Gives each field the first warning on its row, and each model the first
/// of the others in its part of the doc (from its heading to the next
/// model's), as the reason it is a fallback.
fn attach_fallbacks(models: &mut [ReadModel<'_>], warned: Vec<(Pos, String)>) {
    for (pos, message) in warned {
        let on_field = models.iter_mut().find_map(|m| match &mut m.kind {
            ModelKind::Struct(fields) => fields.iter_mut().find(|f| f.pos.line == pos.line),
            _ => None,
        });
        let slot = match on_field {
            Some(field) => &mut field.fallback,
            None => {
                let owner = models
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| !m.inline && m.pos.line <= pos.line)
                    .max_by_key(|(_, m)| m.pos.line)
                    .map_or(0, |(k, _)| k);
                match models.get_mut(owner) {
                    Some(m) => &mut m.fallback,
                    None => continue,
                }
            }
        };
        slot.get_or_insert(message);
    }
}

/// A heading and the blocks under it, up to the next heading of its level
/// or above.
struct Section<'d> {
    title: &'d str,
    level: u8,
    src: Range<usize>,
    blocks: &'d [Block<'d>],
}

/// Splits `blocks` at headings of `level` (and above): the blocks before the
/// first, and the sections.
fn sections<'d>(blocks: &'d [Block<'d>], level: u8) -> (&'d [Block<'d>], Vec<Section<'d>>) {
    let is_split =
        |b: &Block| matches!(b, Block::Heading { level: l, .. } if (2..=level).contains(l));
    let first = blocks.iter().position(is_split).unwrap_or(blocks.len());
    let mut out = Vec::new();
    let mut i = first;
    while i < blocks.len() {
        let Block::Heading {
            text,
            src,
            level: l,
        } = &blocks[i]
        else {
            i += 1;
            continue;
        };
        let end = blocks[i + 1..]
            .iter()
            .position(is_split)
            .map_or(blocks.len(), |p| i + 1 + p);
        out.push(Section {
            title: text,
            level: *l,
            src: src.clone(),
            blocks: &blocks[i + 1..end],
        });
        i = end;
    }
    (&blocks[..first], out)
}

/// The headings under which a doc says what shape its type is.
const SHAPES: &[&str] = &["Fields", "Values", "Supported Types", "Attributes"];

impl<'s> Reader<'s, '_> {
    fn pos(&mut self, offset: usize) -> Pos {
        self.lines.pos(&self.spec.text, offset)
    }

    /// A quirk of the doc at `offset`: the reader goes on with a fallback.
    fn warn(&mut self, offset: usize, message: impl Into<String>) {
        let pos = self.pos(offset);
        self.warn_at(pos, message.into());
    }

    fn warn_at(&mut self, pos: Pos, message: String) {
        self.diags
            .warn_at(self.spec.display(), pos, message.clone());
        self.warned.push((pos, message));
    }

    fn src(&self, range: &Range<usize>) -> &'s str {
        self.spec.text.get(range.clone()).unwrap_or("")
    }

    /// `part` borrowed from the spec's text if it is a stretch of it (as
    /// most cells' text is), else copied.
    fn borrowed(&self, part: &str) -> Cow<'s, str> {
        let text: &'s str = &self.spec.text;
        let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        // In bounds only if `part` lies inside the text: then it is its bytes.
        match text.get(start..start.wrapping_add(part.len())) {
            Some(stretch) => Cow::Borrowed(stretch),
            None => Cow::Owned(part.to_owned()),
        }
    }

    fn model(
        &self,
        pos: Pos,
        rust: RustIdent,
        doc: Lines<'s>,
        kind: ModelKind<'s, ReadTy>,
    ) -> ReadModel<'s> {
        ReadModel {
            spec: self.index,
            pos,
            rust,
            doc,
            kind,
            example: None,
            omitted: Vec::new(),
            inline: false,
            fallback: None,
        }
    }

    /// The type of a spec that could not be read or is empty: any JSON
    /// value, named from the file, so that links to it still resolve.
    fn placeholder(&self) -> ReadModel<'s> {
        self.model(
            Pos::new(1, 1),
            RustIdent::type_name(self.spec.stem()),
            Lines::default(),
            ModelKind::Any,
        )
    }

    fn prose(&self, blocks: &[Block]) -> Lines<'s> {
        let mut lines = Lines::default();
        for b in blocks
            .iter()
            .filter(|b| !matches!(b, Block::Heading { .. }))
        {
            if !lines.is_empty() {
                lines.push("");
            }
            lines.append(&doc_text(self.src(b.src())));
        }
        lines
    }

    /// The language of a Type column whose names do not tell.
    fn fallback(&mut self) -> &'static Dialect {
        match &self.fallback {
            Some(f) => {
                self.assumed_used = f.assumed.is_some();
                f.dialect
            }
            None => {
                self.fallback_wanted = true;
                &dialect::DIALECTS[0]
            }
        }
    }

    fn read(&mut self, doc: &markdown::Doc) -> Vec<ReadModel<'s>> {
        if !self.spec.readable {
            let mut placeholder = self.placeholder();
            placeholder.fallback = Some(
                "the file could not be read as a markdown spec; generated `serde_json::Value`"
                    .to_owned(),
            );
            return vec![placeholder];
        }
        if self.spec.text.trim().is_empty() {
            self.warn(
                0,
                "found an empty file, expected a markdown spec (a `# Title` with a `## Fields` or `## Values` table); generated `serde_json::Value`",
            );
            return vec![self.placeholder()];
        }
        let blocks = &doc.blocks;
        let title_block = blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 1, .. }));
        let (title, pos) = match title_block.map(|i| &blocks[i]) {
            Some(Block::Heading { text, src, .. }) => (text.to_string(), self.pos(src.start)),
            _ => match doc
                .front_matter
                .as_deref()
                .and_then(readme::front_matter_title)
            {
                Some(t) => (readme::readme_title(&t), Pos::new(1, 1)),
                None => (self.spec.stem().to_owned(), Pos::new(1, 1)),
            },
        };
        let (intro, parts) = sections(blocks, 2);
        let doc_lines = self.prose(intro);
        let mut model = self.model(pos, RustIdent::type_name(&title), doc_lines, ModelKind::Any);
        let mut shaped: Option<&str> = None;
        let mut others = Vec::new();
        if readme::is_page(doc) {
            // Every part of a readme.io page but its example may hold
            // attributes, under any heading.
            let mut holding: Vec<&[Block]> = vec![intro];
            for section in &parts {
                if section.title == "Example" {
                    model.example = json_example(section.blocks);
                } else {
                    holding.push(section.blocks);
                }
            }
            let example = model.example.as_deref().and_then(super::json::parse);
            let fields = self.readme_fields(&holding, &model.rust, example.as_ref());
            // A page of prose only says nothing of its shape: any JSON.
            if !fields.is_empty() {
                model.kind = ModelKind::Struct(fields);
            }
            return self.finish(vec![model]);
        }
        for section in &parts {
            if SHAPES.contains(&section.title) {
                if let Some(first) = shaped {
                    self.warn(
                        section.src.start,
                        format!(
                            "found a `## {}` section after `## {first}`, expected one of `## Fields`, `## Values`, `## Supported Types` or `## Attributes` per doc; it is not generated",
                            section.title
                        ),
                    );
                    continue;
                }
                shaped = Some(section.title);
                self.shape(&mut model, section);
            } else if section.title == "Example" {
                model.example = json_example(section.blocks);
            } else {
                others.push(section);
            }
        }
        // Tables under no heading the reader knows (`## Field`, a `### Fields`
        // before any `##`): a field table is the doc's fields if it has
        // none; any other is not generated, and a warning says so.
        let mut stray: Vec<(&Table, &str)> = Vec::new();
        let unknown = others.iter().filter(|s| {
            let (_, subsections) = sections(s.blocks, 3);
            !subsections.iter().any(|s| SHAPES.contains(&s.title))
        });
        for (title, blocks) in
            std::iter::once(("", intro)).chain(unknown.map(|s| (s.title, s.blocks)))
        {
            for b in blocks {
                if let Block::Table(table) = b {
                    stray.push((table, title));
                }
            }
        }
        if shaped.is_none() {
            if let Some(k) = stray.iter().position(|(t, _)| is_field_table(t)) {
                let (table, _) = stray.remove(k);
                let block = blocks.iter().find(|b| b.src() == &table.src);
                let section = Section {
                    title: "Fields",
                    level: 2,
                    src: table.src.clone(),
                    blocks: block.map(std::slice::from_ref).unwrap_or_default(),
                };
                self.shape(&mut model, &section);
            }
        }
        for (table, title) in stray {
            let columns: Vec<&str> = table.header.iter().map(|c| c.rich.text.trim()).collect();
            let under = match title {
                "" => "before any `##` heading".to_owned(),
                t => format!("under `## {t}`, a heading the reader does not know"),
            };
            self.warn(
                table.src.start,
                format!(
                    "found a table with columns `| {} |` {under}, expected a `## Fields`, `## Values` or `## Supported Types` table; it is not generated",
                    columns.join(" | ")
                ),
            );
        }
        // Further types: a `## Name` heading with `### Fields` (or another
        // shape) under it.
        let mut models = vec![model];
        for section in others {
            let (intro, subsections) = sections(section.blocks, 3);
            let Some(shape) = subsections.iter().find(|s| SHAPES.contains(&s.title)) else {
                continue;
            };
            let name = RustIdent::type_name(section.title);
            let pos = self.pos(section.src.start);
            let mut m = self.model(pos, name, self.prose(intro), ModelKind::Any);
            self.shape(&mut m, shape);
            models.push(m);
        }
        self.finish(models)
    }

    /// The doc's models, then the types defined inline (their indices so
    /// far count from the first of them).
    fn finish(&mut self, mut models: Vec<ReadModel<'s>>) -> Vec<ReadModel<'s>> {
        let offset = models.len();
        for m in models.iter_mut().chain(self.extra.iter_mut()) {
            for ty in m.kind.types_mut() {
                ty.walk_mut(&mut |t| {
                    if let ReadTy::Local(k) = t {
                        *k = LocalId::new(k.index() + offset);
                    }
                });
            }
        }
        models.append(&mut self.extra);
        models
    }

    /// Gives `model` the shape its section says.
    fn shape(&mut self, model: &mut ReadModel<'s>, section: &Section<'_>) {
        match section.title {
            "Fields" => {
                let (kind, omitted) = self.fields_section(section, &model.rust);
                model.kind = kind;
                model.omitted = omitted;
            }
            "Values" => model.kind = self.values_section(section),
            "Supported Types" => model.kind = self.union_section(section, &mut model.doc),
            _ => {
                let fields = self.readme_fields(&[section.blocks], &model.rust, None);
                model.kind = ModelKind::Struct(fields);
            }
        }
    }

    /// The first table under a section heading, its rows checked against
    /// the header: a row with another number of cells is reported.
    fn first_table<'d>(
        &mut self,
        section: &Section<'d>,
    ) -> Option<(&'d [Cell<'d>], &'d Table<'d>)> {
        let table = section.blocks.iter().find_map(|b| match b {
            Block::Table(table) => Some(table),
            _ => None,
        })?;
        let header = table.header.as_slice();
        for (src, written) in table.rows_written(&self.spec.text) {
            if written != header.len() {
                let columns: Vec<&str> = header.iter().map(|c| c.rich.text.trim()).collect();
                self.warn(
                    src.start,
                    format!(
                        "found a row with {written} cells, expected {} (one per column: `| {} |`); the row is read as far as its cells go",
                        header.len(),
                        columns.join(" | ")
                    ),
                );
            }
        }
        Some((header, table))
    }

    /// A shape heading with nothing under it; `made` says what was
    /// generated instead.
    fn no_table(&mut self, section: &Section<'_>, expected: &str, made: &str) {
        self.warn(
            section.src.start,
            format!(
                "found a `{} {}` heading with no table under it, expected a `{expected}` table; generated {made}",
                "#".repeat(usize::from(section.level)),
                section.title
            ),
        );
    }
}

/// A variant's name: the doc's name for it, else its value (`""` is `Empty`).
fn variant_name(name: Option<&str>, value: &Value) -> RustIdent {
    let text = name.map_or_else(|| value.text(), Cow::Borrowed);
    let id = RustIdent::type_name(&text);
    if text.trim().is_empty() {
        RustIdent::type_name("Empty")
    } else if id.name == "Model" {
        // Only punctuation: name it after the value's characters' position.
        RustIdent::type_name("Value")
    } else {
        id
    }
}

/// `id`, or `id2`, `id3`… if one of `taken` already has that name.
fn unique<'a>(id: RustIdent, taken: impl Iterator<Item = &'a RustIdent> + Clone) -> RustIdent {
    if !taken.clone().any(|t| t.name == id.name) {
        return id;
    }
    (2..)
        .map(|n| RustIdent::type_name(&format!("{}{n}", id.name)))
        .find(|c| !taken.clone().any(|t| t.name == c.name))
        .unwrap_or(id)
}
