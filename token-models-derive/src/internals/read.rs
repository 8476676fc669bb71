//! Stage 2: one spec's blocks to models.
//!
//! Two doc shapes are understood: Speakeasy's (`# Title`, a description,
//! then `## Fields`, `## Values` or `## Supported Types`, and more types
//! under other `##` headings with `### Fields`) and readme.io's object pages
//! (front matter with a title, `## Attributes` lists, `## Example`).

use super::diag::{Diagnostics, LineCursor, Pos};
#[cfg(test)]
use super::ir::NamedRef;
use super::ir::{
    Alternative, Field, Lines, Model, ModelKind, Omitted, Presence, Scalar, Ty, Value, Variant,
};
use super::markdown::{self, Block, Cell, Style, Table};
use super::naming::{self, Case, RustIdent};
use super::secrets;
use super::source::{Settings, SpecFile};
use super::text::{trim, trim_end, trim_start};
use super::types::{self, Dialect, Lit, Parsed, Parses, Syntax};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

mod readme;
mod text;

pub use text::{cell_doc_text, doc_text};

/// Reads one spec into its models: the doc's own type first, then the types
/// it defines inline (a union in a Type cell, a readme.io enum attribute) or
/// under further headings. `fallback` is the language of its Type column
/// when its own names do not tell (see [`TypeCells::scores`]); when it is
/// not known yet (`None`) and the doc needs it, the doc is not read:
/// `None`, and the diagnostics so far are to be dropped.
pub fn read_spec<'s>(
    index: usize,
    spec: &'s SpecFile,
    doc: &markdown::Doc<'_>,
    cells: TypeCells,
    fallback: Option<Fallback>,
    diags: &mut Diagnostics,
) -> Option<Vec<Model<'s>>> {
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
        fallback_wanted: std::cell::Cell::new(false),
        assumed_used: std::cell::Cell::new(false),
        cased_by: std::cell::Cell::new(None),
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
    if let Some(dialect) = r.cased_by.get() {
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
    if r.assumed_used.get() && shared_names {
        if let Some(message) = r.fallback.as_ref().and_then(|f| f.assumed.clone()) {
            r.warn_at(Pos::new(1, 1), message);
        }
    }
    attach_fallbacks(&mut models, r.warned);
    (!r.fallback_wanted.get()).then_some(models)
}

/// Every field may be `null` (`nulls = "anywhere"`): a required one is
/// `Option<T>`, an optional one tells absent from `null`.
fn allow_nulls(models: &mut [Model<'_>]) {
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

/// Sets the JSON keys the settings give fields by name
/// (`Widget.meta = "__meta"`): the model by its Rust name, the field by its
/// name as written or its Rust name.
fn override_wire_names(models: &mut [Model<'_>], settings: &Settings) {
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
        .any(|(_, scores)| types::best_dialect(scores).is_none());
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

/// Every Type cell of a doc's tables, parsed once: first to vote on the
/// doc's language, then to be read.
pub struct TypeCells {
    /// In document order, so sorted by offset.
    cells: Vec<TypeCell>,
    /// Each table's dialect scores (see [`TypeCells::scores`]), keyed by
    /// the offset of its first Type cell.
    tables: Vec<(usize, [usize; types::DIALECTS.len()])>,
    /// Where the cell after the one asked for last is: cells are asked for
    /// in document order, as a rule.
    next: usize,
}

/// One Type cell, parsed.
struct TypeCell {
    /// The cell's offset in the spec.
    at: usize,
    /// The range of the cell's text that is the type expression (see
    /// [`type_text`]), of which the syntax's names are ranges.
    range: Range<usize>,
    parsed: Arc<Parsed>,
}

impl TypeCells {
    /// The Type cells of `doc`, parsed through `parses` (which keeps what
    /// it parsed for the next doc).
    pub fn of(doc: &markdown::Doc<'_>, parses: &mut Parses) -> TypeCells {
        let mut cells = Vec::new();
        let mut tables = Vec::new();
        for block in &doc.blocks {
            if let Block::Table(table) = block {
                if let Some(col) = table
                    .header
                    .iter()
                    .position(|c| c.rich.text.trim() == "Type")
                {
                    let first = cells.len();
                    // Sized once per table rather than grown row by row.
                    cells.reserve(table.rows().len());
                    let mut scores = [0; types::DIALECTS.len()];
                    for c in table.rows().filter_map(|r| r.get(col)) {
                        let range = type_text(&c.rich);
                        let parsed = parses.parse(expression(c, &range));
                        // Indexing two arrays in a `while` loop: iterators
                        // are a chain of calls when the macro runs
                        // unoptimised.
                        let mut k = 0;
                        while k < scores.len() {
                            scores[k] += parsed.scores[k];
                            k += 1;
                        }
                        cells.push(TypeCell {
                            at: c.src.start,
                            range,
                            parsed,
                        });
                    }
                    if let Some(key) = cells.get(first).map(|c| c.at) {
                        tables.push((key, scores));
                    }
                }
            }
        }
        // Already in order (blocks are); sorting a sorted list is one pass.
        cells.sort_by_key(|c| c.at);
        TypeCells {
            cells,
            tables,
            next: 0,
        }
    }

    /// How many of the names in the doc's Type columns each dialect knows:
    /// summed over a folder, they pick the language of docs too short to
    /// tell.
    pub fn scores(&self) -> [usize; types::DIALECTS.len()] {
        let mut total = [0; types::DIALECTS.len()];
        for (_, scores) in &self.tables {
            for (t, s) in total.iter_mut().zip(scores) {
                *t += s;
            }
        }
        total
    }

    /// The scores of the table whose first Type cell is at `key`.
    fn table_scores(&self, key: usize) -> Option<&[usize]> {
        self.tables
            .iter()
            .find(|(at, _)| *at == key)
            .map(|(_, scores)| scores.as_slice())
    }

    /// The parsed cell (parsed now if it is not in the set), with the range
    /// of the cell's text it was parsed from (see [`type_text`]), of which
    /// its names are ranges.
    fn get(&mut self, cell: &Cell<'_>) -> (Range<usize>, Arc<Parsed>) {
        let at = cell.src.start;
        let found = match self.cells.get(self.next) {
            Some(next) if next.at == at => Some(self.next),
            _ => self.cells.binary_search_by_key(&at, |c| c.at).ok(),
        };
        match found {
            Some(k) => {
                self.next = k + 1;
                (
                    self.cells[k].range.clone(),
                    Arc::clone(&self.cells[k].parsed),
                )
            }
            None => {
                let range = type_text(&cell.rich);
                let parsed = Parses::default().parse(expression(cell, &range));
                (range, parsed)
            }
        }
    }
}

/// The type expression a Type cell writes: `range` (from [`type_text`])
/// of its text.
fn expression<'c>(cell: &'c Cell<'_>, range: &Range<usize>) -> &'c str {
    cell.rich.text.get(range.clone()).unwrap_or("")
}

/// Reads one spec (`'s`, whose text the models borrow), reporting to
/// diagnostics (`'d`).
struct Reader<'s, 'd> {
    index: usize,
    spec: &'s SpecFile,
    lines: LineCursor,
    diags: &'d mut Diagnostics,
    /// Types defined inside the doc's other types.
    extra: Vec<Model<'s>>,
    /// The language when the doc's names do not tell, if known.
    fallback: Option<Fallback>,
    /// Whether the doc needed `fallback` when it was not known.
    fallback_wanted: std::cell::Cell<bool>,
    /// Whether the doc needed `fallback` when it was only assumed.
    assumed_used: std::cell::Cell<bool>,
    /// The language whose casing the doc's field names are in, when no
    /// `wire_names` says how the API's keys are cased (a warning).
    cased_by: std::cell::Cell<Option<&'static Dialect>>,
    cells: TypeCells,
    /// The warnings given so far, where: each says why a part of the
    /// doc's types is a fallback.
    warned: Vec<(Pos, String)>,
}

/// Gives each field the first warning on its row, and each model the first
/// of the others in its part of the doc (from its heading to the next
/// model's), as the reason it is a fallback.
fn attach_fallbacks(models: &mut [Model<'_>], warned: Vec<(Pos, String)>) {
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

    /// [`Reader::pos`] of `offset` in a table row, below the row `above`
    /// (whose bytes need not be searched) if there is one.
    fn row_pos(&mut self, above: Option<&Range<usize>>, offset: usize) -> Pos {
        match above {
            Some(above) => self.lines.pos_below(&self.spec.text, above, offset),
            None => self.pos(offset),
        }
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

    fn model(&self, pos: Pos, rust: RustIdent, doc: Lines<'s>, kind: ModelKind<'s>) -> Model<'s> {
        Model {
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
    fn placeholder(&self) -> Model<'s> {
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
    fn fallback(&self) -> &'static Dialect {
        match &self.fallback {
            Some(f) => {
                self.assumed_used.set(f.assumed.is_some());
                f.dialect
            }
            None => {
                self.fallback_wanted.set(true);
                &types::DIALECTS[0]
            }
        }
    }

    fn read(&mut self, doc: &markdown::Doc) -> Vec<Model<'s>> {
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
    fn finish(&mut self, mut models: Vec<Model<'s>>) -> Vec<Model<'s>> {
        let offset = models.len();
        for m in models.iter_mut().chain(self.extra.iter_mut()) {
            for ty in m.kind.types_mut() {
                ty.walk_mut(&mut |t| {
                    if let Ty::Local(k) = t {
                        *k += offset;
                    }
                });
            }
        }
        models.append(&mut self.extra);
        models
    }

    /// Gives `model` the shape its section says.
    fn shape(&mut self, model: &mut Model<'s>, section: &Section<'_>) {
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

    fn fields_section(
        &mut self,
        section: &Section<'_>,
        owner: &RustIdent,
    ) -> (ModelKind<'s>, Vec<Omitted>) {
        const EXPECTED: &str = "| Field | Type | Required | Description |";
        let Some((header, table)) = self.first_table(section) else {
            self.no_table(section, EXPECTED, "a map that keeps every property");
            return (ModelKind::FreeForm, Vec::new());
        };
        let column = |names: &[&str]| {
            header
                .iter()
                .position(|c| names.contains(&trim(&c.rich.text)))
        };
        let (Some(name_col), Some(type_col)) = (column(&["Field", "Name"]), column(&["Type"]))
        else {
            let found: Vec<&str> = header.iter().map(|c| c.rich.text.trim()).collect();
            let at = header.first().map_or(section.src.start, |c| c.src.start);
            self.warn(
                at,
                format!(
                    "found a table with columns `| {} |`, expected `{EXPECTED}`; generated a map that keeps every property",
                    found.join(" | ")
                ),
            );
            return (ModelKind::FreeForm, Vec::new());
        };
        let required_col = column(&["Required"]);
        let description_col = column(&["Description"]);
        let rows = table.rows();
        if rows.len() == 0 {
            return (ModelKind::FreeForm, Vec::new());
        }

        // Parse every Type cell first: the doc's language is guessed from all of them.
        let parsed: Vec<Option<(Range<usize>, Arc<Parsed>)>> = rows
            .clone()
            .map(|row| {
                let c = row.get(type_col)?;
                let (range, parsed) = self.cells.get(c);
                match &parsed.syntax {
                    Ok(_) => Some((range, parsed)),
                    Err(e) => {
                        self.warn(
                            c.src.start,
                            format!(
                                "in the type `{}` (generated as `serde_json::Value`): {}",
                                c.rich.text.trim(),
                                e.message
                            ),
                        );
                        None
                    }
                }
            })
            .collect();
        // The table's names were scored when its cells were parsed.
        let scored = rows
            .clone()
            .next()
            .and_then(|r| r.get(type_col))
            .and_then(|c| self.cells.table_scores(c.src.start));
        let dialect = self.spec.settings.dialect.unwrap_or_else(|| match scored {
            Some(scores) => types::best_dialect(scores).unwrap_or_else(|| self.fallback()),
            None => {
                let exprs = parsed.iter().zip(rows.clone()).filter_map(|(p, row)| {
                    let (range, p) = p.as_ref()?;
                    Some((
                        p.syntax.as_ref().ok()?,
                        expression(row.get(type_col)?, range),
                    ))
                });
                types::guess_dialect(exprs, || self.fallback())
            }
        });
        let case = match self.spec.settings.wire_names {
            Some(case) => case,
            None => {
                if dialect.language_cased {
                    self.cased_by.set(Some(dialect));
                }
                dialect.wire_default
            }
        };

        let mut fields = Vec::with_capacity(rows.len());
        let mut omitted = Vec::new();
        for (k, (row, syntax)) in rows.zip(&parsed).enumerate() {
            // A row short of cells was reported above; it still becomes a
            // field if it has a name.
            let Some(name_cell) = row.get(name_col) else {
                continue;
            };
            let above = k.checked_sub(1).and_then(|j| table.row_src.get(j));
            let written = self.borrowed(trim(&name_cell.rich.text));
            if written.is_empty() {
                self.warn(
                    name_cell.src.start,
                    "found a row with an empty Field cell, expected the field's name; the row is not generated",
                );
                continue;
            }
            let deprecated = name_cell.rich.all(|s| *s == Style::Struck);
            let required = match required_col.and_then(|c| row.get(c)) {
                None => None,
                Some(c) => match required_marker(trim(&c.rich.text)) {
                    Some(r) => Some(r),
                    None => {
                        self.warn(
                            c.src.start,
                            format!(
                                "found the Required marker `{}`, expected `:heavy_check_mark:` or `:heavy_minus_sign:`; presence taken from the type",
                                c.rich.text.trim()
                            ),
                        );
                        None
                    }
                },
            };
            let doc = description_col
                .and_then(|c| row.get(c))
                .map(|c| cell_doc_text(self.src(&c.src), table))
                .unwrap_or_default();
            let typed = match (syntax, row.get(type_col)) {
                (Some((range, parsed)), Some(type_cell)) => {
                    let shift = range.start;
                    // A loop, not a collected iterator: most cells have no
                    // link, and collecting nothing costs a chain of calls
                    // when the macro runs unoptimised.
                    let mut links: Vec<(Range<usize>, &str)> = Vec::new();
                    for span in type_cell.rich.spans.iter() {
                        if let Style::Link(dest) = &span.style {
                            let r = &span.range;
                            links.push((
                                r.start.saturating_sub(shift)..r.end.saturating_sub(shift),
                                dest,
                            ));
                        }
                    }
                    let text = expression(type_cell, range);
                    match parsed.interpret(text, dialect, &links) {
                        Ok(t) => Some(t),
                        Err(e) => {
                            self.warn(
                                type_cell.src.start,
                                format!(
                                    "in the type `{}` (generated as `serde_json::Value`): {}",
                                    type_cell.rich.text.trim(),
                                    e.message
                                ),
                            );
                            None
                        }
                    }
                }
                _ => None,
            };
            // A field whose type could not be read is still generated, as
            // any JSON value, so that one mistake does not cascade.
            let typed = typed.unwrap_or(types::Typed {
                ty: Ty::Scalar(Scalar::Any),
                optional: true,
                nullable: false,
            });
            if let Some(why) = typed.ty.transport() {
                omitted.push(Omitted {
                    written: written.into_owned(),
                    pos: self.row_pos(above, name_cell.src.start),
                    why,
                });
                continue;
            }
            let absent = required.map_or(typed.optional, |r| !r);
            let presence = match (absent, typed.nullable) {
                (true, true) if typed.optional => Presence::OptionalNullable,
                (true, _) => Presence::Optional,
                (false, true) => Presence::Nullable,
                (false, false) => Presence::Required,
            };
            let pos = self.row_pos(above, name_cell.src.start);
            let ty = self.inline_unions(typed.ty, owner, &written, pos);
            // The name the API uses is a prefix of the written one.
            let api_len = dialect.api_name(&written, &owner.name).len();
            let mut field = self.field(written, pos, ty, presence, doc, case);
            field.deprecated = deprecated;
            if api_len != field.written.len() {
                let api_name = &field.written[..api_len];
                field.rust = Some(RustIdent::field(api_name));
                field.wire = Some(case.apply(api_name));
            }
            // `additionalProperties` (as each SDK cases it) typed as a map:
            // the properties no other field takes, all of them kept.
            if matches!(field.ty, Ty::Map(_)) && names_open_map(&field.written) {
                field.rest = true;
                field.presence = Presence::Required;
            }
            fields.push(field);
        }
        (ModelKind::Struct(fields), omitted)
    }

    /// A union written in a Type cell becomes a type of its own, named after
    /// its struct and field.
    fn inline_unions(&mut self, mut ty: Ty, owner: &RustIdent, field: &str, pos: Pos) -> Ty {
        ty.walk_mut(&mut |t| {
            if let Ty::Union(alternatives) = t {
                let name =
                    RustIdent::type_name(&format!("{}{}", owner.name, Case::Pascal.apply(field)));
                let alternatives = alternatives_of(std::mem::take(alternatives));
                let mut m = self.model(pos, name, Lines::default(), ModelKind::Union(alternatives));
                m.inline = true;
                self.extra.push(m);
                *t = Ty::Local(self.extra.len() - 1);
            }
        });
        ty
    }

    fn field(
        &self,
        written: Cow<'s, str>,
        pos: Pos,
        ty: Ty,
        presence: Presence,
        doc: Lines<'s>,
        case: Case,
    ) -> Field<'s> {
        // A key that is a number, spelled out by the generator.
        let wire = match naming::spelled_number(&written) {
            Some(n) => Some(n.to_string()),
            None => case.apply_changed(&written),
        };
        Field {
            rust: RustIdent::field_changed(&written),
            wire,
            written,
            pos,
            ty,
            presence,
            doc,
            deprecated: false,
            boxed: false,
            fallback: None,
            rest: false,
            secret: false,
        }
    }

    /// `## Values`: a `| Name | Value |` table, a list of values (Python),
    /// or a union of literals in a code block (TypeScript). A doc that says
    /// "open enum" anywhere keeps unknown values.
    fn values_section(&mut self, section: &Section<'_>) -> ModelKind<'s> {
        let mut open = self.spec.text.to_ascii_lowercase().contains("open enum");
        let mut values: Vec<(Option<String>, Value, usize)> = Vec::new();
        // A table cannot tell `1` from `"1"`: its numbers read either way.
        let mut loose = false;
        let table = section
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Table { .. }));
        if table {
            if let Some((header, table)) = self.first_table(section) {
                let column = |name: &str| header.iter().position(|c| c.rich.text.trim() == name);
                let name_col = column("Name");
                let value_col = column("Value").or(name_col).unwrap_or(0);
                for row in table.rows() {
                    let Some(value) = row.get(value_col) else {
                        continue;
                    };
                    let name = name_col
                        .and_then(|c| row.get(c))
                        .map(|c| c.rich.text.trim().to_owned());
                    values.push((
                        name,
                        Value::Str(value.rich.text.trim().to_owned()),
                        value.src.start,
                    ));
                }
            }
            // A table whose values are all integers (or all booleans) is
            // an enum of numbers (or booleans), as the SDK's is.
            let texts = || {
                values.iter().filter_map(|(_, v, _)| match v {
                    Value::Str(s) => Some(s.as_str()),
                    _ => None,
                })
            };
            if !values.is_empty() && texts().all(|t| t.parse::<i64>().is_ok()) {
                loose = true;
                for (_, v, _) in &mut values {
                    if let Value::Str(s) = v {
                        *v = s.parse().map_or_else(|_| v.clone(), Value::Int);
                    }
                }
            } else if !values.is_empty() && texts().all(|t| matches!(t, "true" | "false")) {
                loose = true;
                for (_, v, _) in &mut values {
                    *v = Value::Bool(matches!(v, Value::Str(s) if s == "true"));
                }
            }
        } else {
            for block in section.blocks {
                match block {
                    Block::ListItem { cell } => match literal(&cell.rich.text) {
                        Some(v) => values.push((None, v, cell.src.start)),
                        None => self.warn(
                            cell.src.start,
                            format!("found the value `{}`, expected a quoted string, a number or a boolean; the value is not generated", cell.rich.text.trim()),
                        ),
                    },
                    Block::Code { text, src, .. } => match types::parse(text.trim()) {
                        Ok(syntax) => {
                            let text = text.trim();
                            let alternatives = match syntax {
                                Syntax::Union(all) => all,
                                one => vec![one],
                            };
                            for alternative in alternatives {
                                match alternative {
                                    Syntax::Lit(l) => values.push((None, lit_value(l), src.start)),
                                    Syntax::Name { path, span, .. } => {
                                        let last = path.last().and_then(|p| text.get(p.clone()));
                                        if last.is_some_and(|p| p.starts_with("Unrecognized")) {
                                            open = true
                                        } else {
                                            let found = text.get(span).unwrap_or(text);
                                            self.warn(src.start, format!("found the type `{found}` among the values, expected literals; it is not generated"));
                                        }
                                    }
                                    _ => self.warn(src.start, format!("found a type in the values `{text}`, expected literals; it is not generated")),
                                }
                            }
                        }
                        Err(e) => self.warn(src.start, format!("in the values `{}` (not generated): {}", text.trim(), e.message)),
                    },
                    _ => {}
                }
            }
        }
        if values.is_empty() {
            self.no_table(section, "| Name | Value |", "`serde_json::Value`");
            return ModelKind::Any;
        }
        let mut variants: Vec<Variant> = Vec::new();
        for (name, value, _) in values {
            let base = variant_name(name.as_deref(), &value);
            let rust = unique(base, variants.iter().map(|v| &v.rust));
            variants.push(Variant {
                rust,
                value,
                doc: Lines::default(),
            });
        }
        ModelKind::Enum {
            variants,
            open,
            loose,
        }
    }

    /// `## Supported Types`: one `### \`type\`` heading per alternative.
    /// Where the generator shows the alternative as a constructor snippet
    /// (Go's `CreateXInteger(int64{/* values here */})`), the snippet's type
    /// is the alternative's, whatever the heading says (often nothing).
    fn union_section(&mut self, section: &Section<'_>, doc: &mut Lines<'s>) -> ModelKind<'s> {
        let (_, subsections) = sections(section.blocks, 3);
        let mut parsed = Vec::new();
        for s in &subsections {
            let snippet = s.blocks.iter().find_map(|b| match b {
                Block::Code { text, .. } => snippet_type(text),
                _ => None,
            });
            let text = snippet.unwrap_or_else(|| s.title.trim().trim_matches('`'));
            // An alternative that cannot be read is any JSON value: the
            // union still takes what the API sends for it.
            let syntax = types::parse(text).map_err(|e| e.message);
            parsed.push((text, syntax, s.src.start));
        }
        if parsed.is_empty() {
            self.warn(section.src.start, "found a `## Supported Types` heading with no `### type` headings under it, expected one per alternative; generated `serde_json::Value`");
            return ModelKind::Any;
        }
        // A heading that names an alternative as its generator does
        // (`### Str`) counts for the languages whose generators do so.
        let dialect = self.spec.settings.dialect.unwrap_or_else(|| {
            let syntaxes = parsed
                .iter()
                .filter_map(|(text, s, _)| Some((s.as_ref().ok()?, *text)));
            let mut scores = types::dialect_scores(syntaxes);
            for (score, d) in scores.iter_mut().zip(types::DIALECTS) {
                *score += parsed
                    .iter()
                    .filter(|(text, ..)| d.alternatives.iter().any(|(w, _)| w == text))
                    .count();
            }
            types::best_dialect(&scores).unwrap_or_else(|| self.fallback())
        });
        let mut tys = Vec::new();
        for (text, syntax, at) in parsed {
            let named = dialect
                .alternatives
                .iter()
                .find(|(word, _)| *word == text && dialect.lookup(text).is_none());
            let typed = match named {
                Some(&(_, scalar)) => Ok(types::Typed {
                    ty: Ty::Scalar(scalar),
                    optional: false,
                    nullable: false,
                }),
                None => syntax.and_then(|syntax| {
                    types::interpret(&syntax, text, dialect, &[]).map_err(|e| e.message)
                }),
            };
            match typed {
                Ok(t) if t.ty.transport().is_some() => {
                    doc.push("");
                    doc.push(&format!(
                        "Not generated: the alternative `{text}` ({}, not JSON data).",
                        t.ty.transport().unwrap_or("")
                    ));
                }
                Ok(t) => tys.push((
                    text.to_owned(),
                    if t.nullable {
                        Ty::Nullable(Box::new(t.ty))
                    } else {
                        t.ty
                    },
                )),
                Err(e) => {
                    self.warn(
                        at,
                        format!("in the type `{text}` (generated as `serde_json::Value`): {e}"),
                    );
                    tys.push((text.to_owned(), Ty::Scalar(Scalar::Any)));
                }
            }
        }
        let mut alternatives: Vec<Alternative> = Vec::new();
        for (written, ty) in tys {
            let rust = unique(
                RustIdent::type_name(&alternative_name(&ty)),
                alternatives.iter().map(|a| &a.rust),
            );
            alternatives.push(Alternative {
                rust,
                ty,
                written,
                boxed: false,
            });
        }
        ModelKind::Union(alternatives)
    }
}

/// Whether a field name is `additionalProperties` as some SDK cases it
/// (`additional_properties`, `AdditionalProperties`).
fn names_open_map(name: &str) -> bool {
    const KEY: &[u8] = b"additionalproperties";
    let mut letters = name.bytes().filter(u8::is_ascii_alphanumeric);
    KEY.iter()
        .all(|k| letters.next().is_some_and(|b| b.to_ascii_lowercase() == *k))
        && letters.next().is_none()
}

/// The JSON example a section shows, verbatim.
fn json_example(blocks: &[Block<'_>]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Code { lang, text, .. } if lang == "json" => Some(text.clone()),
        _ => None,
    })
}

/// Whether a table's header has a name column and a type column, as a
/// `## Fields` table's does.
fn is_field_table(table: &Table<'_>) -> bool {
    let has = |names: &[&str]| {
        table
            .header
            .iter()
            .any(|c| names.contains(&trim(&c.rich.text)))
    };
    has(&["Field", "Name"]) && has(&["Type"])
}

/// The type of the value a generator's constructor snippet takes: `T` in
/// `x := components.CreateXT(T{/* values here */})`.
fn snippet_type(code: &str) -> Option<&str> {
    let end = code.find("{/* values here */}")?;
    let start = code.get(..end)?.rfind('(')? + 1;
    let ty = code.get(start..end)?.trim();
    (!ty.is_empty()).then_some(ty)
}

/// Where a Type cell's type expression is in its text: trimmed, and
/// emphasis written inside a code span (`` `*str*` ``) is markup, not a Go
/// pointer.
fn type_text(rich: &markdown::Rich) -> Range<usize> {
    let text = trim_start(&rich.text);
    let start = rich.text.len() - text.len();
    let text = trim_end(text);
    let end = start + text.len();
    let starred = text.len() >= 2 && text.starts_with('*') && text.ends_with('*');
    if starred && rich.all(|s| *s == Style::Code) {
        return start + 1..end - 1;
    }
    start..end
}

/// `"stop"`, `100`, `true` (a list item of a Python enum) as a value.
fn literal(text: &str) -> Option<Value> {
    match types::parse(text.trim()).ok()? {
        Syntax::Lit(l) => Some(lit_value(l)),
        _ => None,
    }
}

fn lit_value(l: Lit) -> Value {
    match l {
        Lit::Str(s) => Value::Str(s),
        Lit::Int(n) => Value::Int(n),
        Lit::Float(f) => Value::Str(f.to_string()),
        Lit::Bool(b) => Value::Bool(b),
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

/// A union alternative's variant name, from its type: `ContentChunk`,
/// `String`, `StringList`, `ValueMap`.
fn alternative_name(ty: &Ty) -> String {
    match ty {
        Ty::Scalar(s) => match s {
            Scalar::String => "String",
            Scalar::Bool => "Boolean",
            Scalar::I32 | Scalar::I64 | Scalar::I128 => "Integer",
            Scalar::F32 | Scalar::F64 | Scalar::Number => "Number",
            Scalar::DateTime => "DateTime",
            Scalar::Date => "Date",
            Scalar::Any => "Value",
            Scalar::Object => "Object",
        }
        .to_owned(),
        Ty::List(t) => format!("{}List", alternative_name(t)),
        Ty::Map(t) => format!("{}Map", alternative_name(t)),
        Ty::Nullable(t) => alternative_name(t),
        Ty::Named(n) => n.name().to_owned(),
        Ty::Union(_) => "Union".to_owned(),
        Ty::Model(_) | Ty::Local(_) | Ty::Null | Ty::Transport(_) => "Value".to_owned(),
    }
}

fn alternatives_of(tys: Vec<Ty>) -> Vec<Alternative> {
    let mut out: Vec<Alternative> = Vec::new();
    for ty in tys {
        let rust = unique(
            RustIdent::type_name(&alternative_name(&ty)),
            out.iter().map(|a| &a.rust),
        );
        let written = alternative_name(&ty);
        out.push(Alternative {
            rust,
            ty,
            written,
            boxed: false,
        });
    }
    out
}

fn required_marker(text: &str) -> Option<bool> {
    match text {
        ":heavy_check_mark:" | "✔️" | "✔" | "Yes" | "yes" | "true" => Some(true),
        ":heavy_minus_sign:" | "➖" | "No" | "no" | "false" | "" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::source::Settings;
    use super::*;

    fn spec(path: &str, text: &str, settings: Settings) -> SpecFile {
        let mut spec = SpecFile::in_memory(path, text);
        spec.settings = settings;
        spec
    }

    /// The models of a spec of `text` (leaked: the models borrow it).
    fn read(text: &str) -> (Vec<Model<'static>>, Vec<String>) {
        let mut d = Diagnostics::new();
        let file: &'static SpecFile =
            Box::leak(Box::new(spec("a/x.md", text, Settings::default())));
        let doc = markdown::parse(&file.text);
        let models = read_spec(
            0,
            file,
            &doc,
            TypeCells::of(&doc, &mut Parses::default()),
            Some(Fallback::voted(&types::DIALECTS[0])),
            &mut d,
        )
        .unwrap_or_default();
        (
            models,
            d.into_sorted().iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn reads_a_speakeasy_struct() {
        let text = "# Thing\n\nA thing.\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *::String* | :heavy_check_mark: | The id.<br/> |\n| `n` | *T.nilable(::Integer)* | :heavy_minus_sign: | N/A |\n| ~~`old`~~ | [T.nilable(X)](../y/x.md) | :heavy_minus_sign: | N/A |\n";
        let (models, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        let m = &models[0];
        assert_eq!((m.rust.name.as_str(), m.pos), ("Thing", Pos::new(1, 1)));
        assert_eq!(m.doc, ["A thing."]);
        let ModelKind::Struct(fields) = &m.kind else {
            panic!("{m:?}")
        };
        assert_eq!(fields[0].ty, Ty::Scalar(Scalar::String));
        assert_eq!(fields[0].presence, Presence::Required);
        assert_eq!(fields[0].doc, ["The id."]);
        assert_eq!(fields[0].pos, Pos::new(9, 3));
        assert_eq!(
            (fields[1].presence, &fields[1].ty),
            (Presence::Optional, &Ty::Scalar(Scalar::I64))
        );
        assert!(fields[1].doc.is_empty());
        assert!(fields[2].deprecated);
        assert_eq!(
            fields[2].ty,
            Ty::Named(NamedRef {
                path: "X".into(),
                link: Some("../y/x.md".into())
            })
        );
    }

    #[test]
    fn names_and_one_line_descriptions_are_borrowed_from_the_spec() {
        let (models, errors) = read(
            "# T\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *str* | :heavy_check_mark: | The id. |\n| `a\\|b` | *str* | :heavy_check_mark: | One.<br/>Two. |\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let ModelKind::Struct(fields) = &models[0].kind else {
            panic!("{:?}", models[0])
        };
        assert!(matches!(fields[0].written, Cow::Borrowed("id")));
        assert_eq!(fields[0].doc, ["The id."]);
        assert!(fields[0].doc.borrowed());
        // Text the reader changes is its own.
        assert!(
            matches!(fields[1].written, Cow::Owned(_)),
            "{:?}",
            fields[1].written
        );
        assert_eq!(fields[1].doc, ["One.", "Two."]);
        assert!(!fields[1].doc.borrowed());
    }

    #[test]
    fn empty_tables_and_prose_only_docs() {
        let (models, errors) = read(
            "# Claims\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n",
        );
        assert!(errors.is_empty());
        assert_eq!(models[0].kind, ModelKind::FreeForm);
        let (models, errors) = read("# Blob\n\nAnything at all.\n");
        assert!(errors.is_empty());
        assert_eq!(models[0].kind, ModelKind::Any);
        assert_eq!(models[0].doc, ["Anything at all."]);
        let (models, _) = read("no title here\n");
        assert_eq!(models[0].rust.name, "X");
    }

    #[test]
    fn type_cells_are_found_in_any_order() {
        let text = "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *str* | :heavy_check_mark: | N/A |\n| `b` | *Optional[int]* | :heavy_minus_sign: | N/A |\n| `c` | List[*str*] | :heavy_check_mark: | N/A |\n";
        let doc = markdown::parse(text);
        let Some(Block::Table(table)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("{:?}", doc.blocks)
        };
        let cells: Vec<&Cell<'_>> = table.rows().map(|r| &r[1]).collect();
        let expected = ["str", "Optional[int]", "List[str]"];
        // In document order (as read), backwards, and one cell twice.
        for order in [[0, 1, 2], [2, 1, 0], [1, 1, 0]] {
            let mut parsed = TypeCells::of(&doc, &mut Parses::default());
            for k in order {
                let (range, p) = parsed.get(cells[k]);
                assert_eq!(expression(cells[k], &range), expected[k], "{order:?}");
                assert_eq!(p.syntax, types::parse(expected[k]), "{order:?}");
            }
        }
    }

    #[test]
    fn a_doc_that_needs_its_folders_language_waits_for_it() {
        let table =
            "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n";
        let linked = spec(
            "a/x.md",
            &format!("{table}| `a` | [models.Y](y.md) | :heavy_check_mark: | N/A |\n"),
            Settings::default(),
        );
        let typed = spec(
            "a/x.md",
            &format!("{table}| `a` | *Optional[str]* | :heavy_minus_sign: | N/A |\n"),
            Settings::default(),
        );
        let mut d = Diagnostics::new();
        let doc = markdown::parse(&linked.text);
        assert!(may_need_fallback(
            &doc,
            &TypeCells::of(&doc, &mut Parses::default())
        ));
        assert!(
            read_spec(
                0,
                &linked,
                &doc,
                TypeCells::of(&doc, &mut Parses::default()),
                None,
                &mut d
            )
            .is_none()
        );
        let doc = markdown::parse(&typed.text);
        assert!(!may_need_fallback(
            &doc,
            &TypeCells::of(&doc, &mut Parses::default())
        ));
        let models = read_spec(
            0,
            &typed,
            &doc,
            TypeCells::of(&doc, &mut Parses::default()),
            None,
            &mut d,
        );
        assert_eq!(models.map(|m| m.len()), Some(1));
        let union = markdown::parse(
            "# U\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n",
        );
        assert!(may_need_fallback(
            &union,
            &TypeCells::of(&union, &mut Parses::default())
        ));
    }

    /// Go's newer docs give an alternative no heading, only a constructor
    /// snippet; C#'s name a scalar alternative as the generator does.
    #[test]
    fn union_alternatives_from_snippets_and_generator_names() {
        let go = "# Percentage\n\n## Supported Types\n\n### \n\n```go\np := components.CreatePercentageInteger(int64{/* values here */})\n```\n\n### \n\n```go\np := components.CreatePercentageArrayOfStr([]string{/* values here */})\n```\n\n### One\n\n```go\np := components.CreatePercentageOne(components.One{/* values here */})\n```\n";
        let (models, errors) = read(go);
        assert!(errors.is_empty(), "{errors:?}");
        let ModelKind::Union(alternatives) = &models[0].kind else {
            panic!("{:?}", models[0].kind)
        };
        let tys: Vec<&Ty> = alternatives.iter().map(|a| &a.ty).collect();
        let one = Ty::Named(NamedRef {
            path: "components.One".into(),
            link: None,
        });
        let strings = Ty::List(Box::new(Ty::Scalar(Scalar::String)));
        assert_eq!(tys, [&Ty::Scalar(Scalar::I64), &strings, &one]);
        let csharp = "# Default\n\n## Supported Types\n\n### Str\n\n```csharp\nDefault.CreateStr(/* values here */);\n```\n\n### Number\n\n### Boolean\n\n### Bigint\n";
        let (models, errors) = read(csharp);
        assert!(errors.is_empty(), "{errors:?}");
        let ModelKind::Union(alternatives) = &models[0].kind else {
            panic!("{:?}", models[0].kind)
        };
        let tys: Vec<&Ty> = alternatives.iter().map(|a| &a.ty).collect();
        let scalars = [Scalar::String, Scalar::F64, Scalar::Bool, Scalar::I128].map(Ty::Scalar);
        assert_eq!(tys, scalars.iter().collect::<Vec<_>>());
    }

    #[test]
    fn a_union_notes_the_alternatives_it_leaves_out() {
        let union = "# Response\n\n## Supported Types\n\n### `models.Thing`\n\n```python\nvalue: models.Thing = /* values here */\n```\n\n### `httpx.Response`\n\n```python\nvalue: httpx.Response = /* values here */\n```\n";
        let (models, errors) = read(union);
        assert!(errors.is_empty(), "{errors:?}");
        // The note is the summary line when the doc has no prose of its own.
        assert_eq!(
            models[0].doc,
            ["Not generated: the alternative `httpx.Response` (an HTTP response, not JSON data)."]
        );
        let (models, _) = read(&union.replace("\n\n## Supported", "\n\nA reply.\n\n## Supported"));
        assert_eq!(
            models[0].doc,
            [
                "A reply.",
                "",
                "Not generated: the alternative `httpx.Response` (an HTTP response, not JSON data)."
            ]
        );
    }

    #[test]
    fn reads_an_enum() {
        let (models, errors) = read(
            "# GrantType\n\n## Values\n\n| Name | Value |\n| - | - |\n| `JWT_BEARER` | JWT_BEARER |\n",
        );
        assert!(errors.is_empty());
        let ModelKind::Enum {
            variants: v,
            open: false,
            ..
        } = &models[0].kind
        else {
            panic!("{models:?}")
        };
        assert_eq!(
            (v[0].rust.name.as_str(), &v[0].value),
            ("JwtBearer", &Value::Str("JWT_BEARER".into()))
        );
    }

    #[test]
    fn reads_a_typescript_values_block() {
        let block = |values: &str| {
            read(&format!(
                "# Format\n\n## Values\n\n```typescript\n{values}\n```\n"
            ))
        };
        let (models, errors) = block("\"stop\" | \"length\" | Unrecognized<string>");
        assert!(errors.is_empty(), "{errors:?}");
        let ModelKind::Enum { variants, open, .. } = &models[0].kind else {
            panic!("{models:?}")
        };
        assert!(*open);
        assert_eq!(variants.len(), 2);
        // Any other type among the values is reported as written.
        let (_, errors) = block("\"stop\" | models.Reason");
        assert_eq!(
            errors,
            [
                "specs/a/x.md:5:1: found the type `models.Reason` among the values, expected literals; it is not generated"
            ]
        );
        let (_, errors) = block("\"stop\" | string[]");
        assert_eq!(
            errors,
            [
                "specs/a/x.md:5:1: found a type in the values `\"stop\" | string[]`, expected literals; it is not generated"
            ]
        );
    }

    /// A field table under a heading the reader does not know is the doc's
    /// fields; any other table there is warned about, never dropped
    /// silently.
    #[test]
    fn a_table_under_an_unknown_heading_is_read_or_warned_about() {
        let table = "| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *str* | :heavy_check_mark: | N/A |\n";
        for heading in ["## Field\n\n", "### Fields\n\n", ""] {
            let (models, errors) = read(&format!("# T\n\nA thing.\n\n{heading}{table}"));
            assert!(errors.is_empty(), "{heading:?}: {errors:?}");
            let ModelKind::Struct(f) = &models[0].kind else {
                panic!("{heading:?}: {:?}", models[0].kind)
            };
            assert_eq!(f[0].written, "id");
            assert_eq!(f[0].ty, Ty::Scalar(Scalar::String));
        }
        let other = "| Code | Meaning |\n| - | - |\n| 1 | one |\n";
        let (models, errors) = read(&format!("# T\n\n## Fields\n\n{table}\n## Codes\n\n{other}"));
        assert!(matches!(&models[0].kind, ModelKind::Struct(f) if f.len() == 1));
        assert_eq!(
            errors,
            [
                "specs/a/x.md:11:1: found a table with columns `| Code | Meaning |` under `## Codes`, a heading the reader does not know, expected a `## Fields`, `## Values` or `## Supported Types` table; it is not generated"
            ]
        );
        // A second field table, the doc having its fields already.
        let (_, errors) = read(&format!("# T\n\n## Fields\n\n{table}\n## Field\n\n{table}"));
        assert_eq!(errors.len(), 1, "{errors:?}");
    }

    #[test]
    fn reports_structural_problems() {
        let (models, errors) = read("# T\n\n## Fields\n\nno table\n");
        assert_eq!(
            errors,
            [
                "specs/a/x.md:3:1: found a `## Fields` heading with no table under it, expected a `| Field | Type | Required | Description |` table; generated a map that keeps every property"
            ]
        );
        // The model says why it is a fallback: the warning, without its place.
        assert_eq!(
            Some(errors[0].trim_start_matches("specs/a/x.md:3:1: ")),
            models[0].fallback.as_deref()
        );
        let (models, errors) = read(
            "# T\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *List<* | maybe | N/A |\n",
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "specs/a/x.md:7:9: in the type `List<` (generated as `serde_json::Value`): found the end"
            ),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("specs/a/x.md:7:19: found the Required marker `maybe`"),
            "{errors:?}"
        );
        // The field is still there, as any JSON value.
        let ModelKind::Struct(f) = &models[0].kind else {
            panic!()
        };
        assert_eq!(f[0].ty, Ty::Scalar(Scalar::Any));
        // The field's first warning is its fallback; the model has none.
        assert_eq!(
            Some(errors[0].trim_start_matches("specs/a/x.md:7:9: ")),
            f[0].fallback.as_deref()
        );
        assert_eq!(models[0].fallback, None);
    }

    /// What a readme page writes that is not understood falls back to any
    /// JSON value, with a warning each, never an error or a lost attribute.
    #[test]
    fn a_readme_page_warns_about_what_it_does_not_say() {
        let page = "---\ntitle: \"The Thing object\"\n---\n## Attributes\n\n**source**  \n_Where it comes from._\n\n***\n\n**kind** enum  \n_The kind of thing._\n\n***\n\n**shape** blob  \n_Its shape._\n\n## Limits\n\n| Limit | Value |\n| - | - |\n| a | 1 |\n\n## More\n\n| Name | Type | Required |\n| - | - | - |\n| size | int | sometimes |\n";
        let (models, errors) = read(page);
        let ModelKind::Struct(f) = &models[0].kind else {
            panic!("{:?}", models[0].kind)
        };
        let names: Vec<&str> = f.iter().map(|f| &*f.written).collect();
        assert_eq!(names, ["source", "kind", "shape", "size"]);
        let any = Ty::Scalar(Scalar::Any);
        assert_eq!([&f[0].ty, &f[1].ty, &f[2].ty], [&any, &any, &any]);
        assert_eq!(f[3].ty, Ty::Scalar(Scalar::I64));
        assert_eq!(errors.len(), 5, "{errors:?}");
        for (error, says) in errors.iter().zip([
            "found no type for the attribute `source`",
            "found the `enum` attribute `kind` with no values",
            "in the type `blob` of `shape` (generated as `serde_json::Value`)",
            "found a table with columns `| Limit | Value |`",
            "found the required marker `sometimes`",
        ]) {
            assert!(error.contains(says), "{error} / {says}");
        }
        // Each field that fell back says why.
        assert!(f.iter().take(3).all(|f| f.fallback.is_some()));
    }

    #[test]
    fn an_open_map_is_named_as_each_sdk_cases_it() {
        for yes in [
            "additionalProperties",
            "additional_properties",
            "AdditionalProperties",
            "ADDITIONAL-PROPERTIES",
        ] {
            assert!(names_open_map(yes), "{yes}");
        }
        for no in [
            "additionalProperty",
            "additionalPropertiesX",
            "properties",
            "",
        ] {
            assert!(!names_open_map(no), "{no}");
        }
    }

    #[test]
    fn a_readme_page_of_prose_only_is_any_json() {
        let (models, errors) = read("---\ntitle: \"The Note object\"\n---\nA note, any JSON.\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(models[0].rust.name, "Note");
        assert!(
            matches!(models[0].kind, ModelKind::Any),
            "{:?}",
            models[0].kind
        );
    }

    #[test]
    fn reads_a_readme_io_page() {
        let text = "---\ntitle: \"The Access Token object\"\n---\n## Attributes\n\n**token** string(2048)  \n_The token._\n\n***\n\n**expiresIn** integer(>=3600)  \n_Seconds._\n\n***\n\n**type** enum  \n_The type._\n\n| Type | Description |\n| :-- | :-- |\n| Bearer | Bearer auth. |\n\n## Example\n\n```json\n{\"token\": \"t\"}\n```\n";
        let (models, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(models[0].rust.name, "AccessToken");
        assert_eq!(models[0].example.as_deref(), Some("{\"token\": \"t\"}\n"));
        let ModelKind::Struct(f) = &models[0].kind else {
            panic!()
        };
        let names: Vec<(&str, &str)> = f.iter().map(|f| (f.rust().name, f.wire())).collect();
        assert_eq!(
            names,
            [
                ("token", "token"),
                ("expires_in", "expiresIn"),
                ("type", "type")
            ]
        );
        assert!(f[2].rust().raw);
        assert_eq!(f[1].ty, Ty::Scalar(Scalar::I64));
        assert_eq!(f[0].doc, ["The token."]);
        assert_eq!(models[1].rust.name, "AccessTokenType");
        let ModelKind::Enum { variants: v, .. } = &models[1].kind else {
            panic!("{models:?}")
        };
        assert_eq!(v[0].value, Value::Str("Bearer".into()));
        assert_eq!(v[0].doc, ["Bearer auth."]);
    }
}
