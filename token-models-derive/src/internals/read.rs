//! Stage 2: one spec's blocks to models.
//!
//! Two doc shapes are understood: Speakeasy's (`# Title`, a description,
//! `## Fields` or `## Values` tables) and readme.io's object pages (front
//! matter with a title, `## Attributes` lists, `## Example`).

use super::diag::{Diagnostics, LineIndex, Pos};
use super::ir::{Field, Model, ModelKind, NamedRef, Presence, Scalar, Ty, Variant};
use super::markdown::{self, Block, Cell, Style};
use super::naming::{Case, RustIdent};
use super::source::SpecFile;
use super::types::{self, Dialect, Syntax};
use std::ops::Range;

/// Reads one spec into its models: the doc's own type first, then any types
/// it defines inline (a readme.io enum attribute).
pub fn read_spec(index: usize, spec: &SpecFile, diags: &mut Diagnostics) -> Vec<Model> {
    let doc = markdown::parse(&spec.text);
    let r = Reader {
        index,
        spec,
        lines: LineIndex::new(&spec.text),
        diags,
    };
    r.read(&doc)
}

struct Reader<'a> {
    index: usize,
    spec: &'a SpecFile,
    lines: LineIndex,
    diags: &'a mut Diagnostics,
}

/// A `## Heading` and the blocks under it.
struct Section<'d> {
    title: &'d str,
    src: Range<usize>,
    blocks: &'d [Block],
}

impl Reader<'_> {
    fn pos(&self, offset: usize) -> Pos {
        self.lines.pos(&self.spec.text, offset)
    }

    fn error(&mut self, offset: usize, message: impl Into<String>) {
        let pos = self.pos(offset);
        self.diags.error_at(&self.spec.display, pos, message);
    }

    fn src(&self, range: &Range<usize>) -> &str {
        self.spec.text.get(range.clone()).unwrap_or("")
    }

    /// The type of a spec that could not be read or is empty: any JSON
    /// value, named from the file, so that links to it still resolve.
    fn placeholder(&self) -> Model {
        Model {
            spec: self.index,
            pos: Pos::new(1, 1),
            rust: RustIdent::type_name(self.spec.stem()),
            doc: Vec::new(),
            kind: ModelKind::Any,
            example: None,
        }
    }

    fn read(mut self, doc: &markdown::Doc) -> Vec<Model> {
        if !self.spec.readable {
            return vec![self.placeholder()];
        }
        if self.spec.text.trim().is_empty() {
            self.error(
                0,
                "found an empty file, expected a markdown spec (a `# Title` with a `## Fields` or `## Values` table)",
            );
            return vec![self.placeholder()];
        }
        let blocks = &doc.blocks;
        let title_block = blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 1, .. }));
        let (title, pos) = match title_block.map(|i| &blocks[i]) {
            Some(Block::Heading { text, src, .. }) => (text.clone(), self.pos(src.start)),
            _ => match doc.front_matter.as_deref().and_then(front_matter_title) {
                Some(t) => (readme_title(&t), Pos::new(1, 1)),
                None => (self.spec.stem().to_owned(), Pos::new(1, 1)),
            },
        };

        // Split into the prose before the first `##` and the sections.
        let first_section = blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 2, .. }))
            .unwrap_or(blocks.len());
        let intro: Vec<&Block> = blocks[..first_section]
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != title_block)
            .map(|(_, b)| b)
            .collect();
        let mut doc_lines = Vec::new();
        for b in intro {
            if !doc_lines.is_empty() {
                doc_lines.push(String::new());
            }
            doc_lines.extend(doc_text(self.src(b.src())));
        }
        let mut sections = Vec::new();
        let mut i = first_section;
        while i < blocks.len() {
            let Block::Heading { text, src, .. } = &blocks[i] else {
                i += 1;
                continue;
            };
            let end = blocks[i + 1..]
                .iter()
                .position(|b| matches!(b, Block::Heading { level: 1 | 2, .. }))
                .map_or(blocks.len(), |p| i + 1 + p);
            sections.push(Section {
                title: text,
                src: src.clone(),
                blocks: &blocks[i + 1..end],
            });
            i = end;
        }

        let rust = RustIdent::type_name(&title);
        let mut model = Model {
            spec: self.index,
            pos,
            rust,
            doc: doc_lines,
            kind: ModelKind::Any,
            example: None,
        };
        let mut extra = Vec::new();
        let mut shaped = false;
        for section in &sections {
            match section.title {
                "Fields" | "Values" | "Attributes" if shaped => {
                    self.error(
                        section.src.start,
                        format!("found a second `## {}` section, expected one `## Fields`, `## Values` or `## Attributes` per doc", section.title),
                    );
                }
                "Fields" => {
                    shaped = true;
                    model.kind = self.fields_section(section);
                }
                "Values" => {
                    shaped = true;
                    model.kind = self.values_section(section);
                }
                "Attributes" => {
                    shaped = true;
                    let (fields, enums) = self.attributes_section(section, &model.rust);
                    model.kind = ModelKind::Struct(fields);
                    extra = enums;
                }
                "Example" => {
                    model.example = section.blocks.iter().find_map(|b| match b {
                        Block::Code { lang, text, .. } if lang == "json" => Some(text.clone()),
                        _ => None,
                    });
                }
                _ => {}
            }
        }
        let mut models = vec![model];
        models.extend(extra);
        models
    }

    /// The first table under a section heading, its rows checked against
    /// the header: a row with another number of cells is reported.
    fn first_table<'d>(
        &mut self,
        section: &Section<'d>,
        expected: &str,
    ) -> Option<(&'d [Cell], &'d [Vec<Cell>])> {
        let table = section.blocks.iter().find_map(|b| match b {
            Block::Table {
                header,
                rows,
                row_src,
                ..
            } => Some((header.as_slice(), rows.as_slice(), row_src.as_slice())),
            _ => None,
        });
        let table = table.map(|(header, rows, row_src)| {
            for src in row_src {
                let written = markdown::written_cells(self.src(src));
                if written != header.len() {
                    let columns: Vec<&str> = header.iter().map(|c| c.rich.text.trim()).collect();
                    self.error(
                        src.start,
                        format!(
                            "found a row with {written} cells, expected {} (one per column: `| {} |`)",
                            header.len(),
                            columns.join(" | ")
                        ),
                    );
                }
            }
            (header, rows)
        });
        if table.is_none() {
            self.error(
                section.src.start,
                format!(
                    "found a `## {}` heading with no table under it, expected a `{expected}` table",
                    section.title
                ),
            );
        }
        table
    }

    fn fields_section(&mut self, section: &Section<'_>) -> ModelKind {
        const EXPECTED: &str = "| Field | Type | Required | Description |";
        let Some((header, rows)) = self.first_table(section, EXPECTED) else {
            return ModelKind::FreeForm;
        };
        let column = |names: &[&str]| {
            header
                .iter()
                .position(|c| names.contains(&c.rich.text.trim()))
        };
        let (Some(name_col), Some(type_col)) = (column(&["Field", "Name"]), column(&["Type"]))
        else {
            let found: Vec<&str> = header.iter().map(|c| c.rich.text.trim()).collect();
            let at = header.first().map_or(section.src.start, |c| c.src.start);
            self.error(
                at,
                format!(
                    "found a table with columns `| {} |`, expected `{EXPECTED}`",
                    found.join(" | ")
                ),
            );
            return ModelKind::FreeForm;
        };
        let required_col = column(&["Required"]);
        let description_col = column(&["Description"]);
        if rows.is_empty() {
            return ModelKind::FreeForm;
        }

        // Parse every Type cell first: the doc's language is guessed from all of them.
        let cell = |row: &'_ [Cell], col: usize| row.get(col).cloned();
        let parsed: Vec<Option<Syntax>> = rows
            .iter()
            .map(|row| {
                let c = cell(row, type_col)?;
                match types::parse(&c.rich.text) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        self.error(
                            c.src.start,
                            format!("in the type `{}`: {}", c.rich.text.trim(), e.message),
                        );
                        None
                    }
                }
            })
            .collect();
        let dialect = self
            .spec
            .settings
            .dialect
            .unwrap_or_else(|| types::guess_dialect(parsed.iter().flatten()));

        let mut fields = Vec::new();
        for (row, syntax) in rows.iter().zip(&parsed) {
            // A row short of cells was reported above; it still becomes a
            // field if it has a name.
            let Some(name_cell) = cell(row, name_col) else {
                continue;
            };
            let type_cell = cell(row, type_col).unwrap_or_else(|| Cell {
                rich: markdown::Rich::default(),
                src: name_cell.src.clone(),
            });
            let written = name_cell.rich.text.trim().to_owned();
            if written.is_empty() {
                self.error(
                    name_cell.src.start,
                    "found a row with an empty Field cell, expected the field's name",
                );
                continue;
            }
            let deprecated = name_cell.rich.all(|s| *s == Style::Struck);
            let required = match required_col.and_then(|c| row.get(c)) {
                None => None,
                Some(c) => match required_marker(c.rich.text.trim()) {
                    Some(r) => Some(r),
                    None => {
                        self.error(
                            c.src.start,
                            format!(
                                "found the Required marker `{}`, expected `:heavy_check_mark:` or `:heavy_minus_sign:`",
                                c.rich.text.trim()
                            ),
                        );
                        None
                    }
                },
            };
            let doc = description_col
                .and_then(|c| row.get(c))
                .map(|c| doc_text(self.src(&c.src)))
                .unwrap_or_default();
            let typed = match syntax {
                None => None,
                Some(s) => {
                    let links: Vec<(Range<usize>, &str)> = type_cell
                        .rich
                        .links()
                        .map(|(r, d)| (r.clone(), d))
                        .collect();
                    match types::interpret(s, dialect, &links) {
                        Ok(t) => Some(t),
                        Err(e) => {
                            self.error(
                                type_cell.src.start,
                                format!(
                                    "in the type `{}`: {}",
                                    type_cell.rich.text.trim(),
                                    e.message
                                ),
                            );
                            None
                        }
                    }
                }
            };
            // A field whose type could not be read is still generated, as
            // any JSON value, so that one mistake does not cascade.
            let typed = typed.unwrap_or(types::Typed {
                ty: Ty::Scalar(Scalar::Any),
                optional: true,
                nullable: false,
            });
            let absent = required.map_or(typed.optional, |r| !r);
            let presence = match (absent, typed.nullable) {
                (true, _) => Presence::Optional,
                (false, true) => Presence::Nullable,
                (false, false) => Presence::Required,
            };
            fields.push(self.field(
                &written,
                name_cell.src.start,
                typed.ty,
                presence,
                doc,
                deprecated,
                dialect,
            ));
        }
        ModelKind::Struct(fields)
    }

    #[allow(clippy::too_many_arguments)]
    fn field(
        &self,
        written: &str,
        offset: usize,
        ty: Ty,
        presence: Presence,
        doc: Vec<String>,
        deprecated: bool,
        _dialect: &Dialect,
    ) -> Field {
        Field {
            written: written.to_owned(),
            pos: self.pos(offset),
            rust: RustIdent::field(written),
            wire: self.spec.settings.wire_names.apply(written),
            ty,
            presence,
            doc,
            deprecated,
            boxed: false,
        }
    }

    fn values_section(&mut self, section: &Section<'_>) -> ModelKind {
        let Some((header, rows)) = self.first_table(section, "| Name | Value |") else {
            return ModelKind::Enum(Vec::new());
        };
        let column = |name: &str| header.iter().position(|c| c.rich.text.trim() == name);
        let name_col = column("Name");
        let value_col = column("Value").or(name_col).unwrap_or(0);
        let variants = rows
            .iter()
            .filter_map(|row| {
                let value = row.get(value_col)?.rich.text.trim().to_owned();
                let name = name_col
                    .and_then(|c| row.get(c))
                    .map_or(value.as_str(), |c| c.rich.text.trim());
                Some(Variant {
                    rust: RustIdent::type_name(name),
                    wire: value.clone(),
                    doc: Vec::new(),
                })
            })
            .collect();
        ModelKind::Enum(variants)
    }

    /// readme.io: `**name** type` paragraphs, an italic description, `***`
    /// between attributes and a values table under an `enum` attribute.
    fn attributes_section(
        &mut self,
        section: &Section<'_>,
        owner: &RustIdent,
    ) -> (Vec<Field>, Vec<Model>) {
        let mut fields: Vec<Field> = Vec::new();
        let mut enums = Vec::new();
        let dialect = self.spec.settings.dialect.unwrap_or(readme_dialect());
        for block in section.blocks {
            match block {
                Block::Paragraph { rich, src } => {
                    let starts_strong = rich
                        .spans
                        .iter()
                        .any(|s| s.style == Style::Strong && s.range.start == 0);
                    if !starts_strong {
                        if let Some(last) = fields.last_mut() {
                            last.doc.extend(doc_text(self.src(src)));
                        }
                        continue;
                    }
                    let head = rich.text.split('\n').next().unwrap_or("");
                    let name_end = rich
                        .spans
                        .iter()
                        .find(|s| s.style == Style::Strong)
                        .map_or(0, |s| s.range.end);
                    let name = head.get(..name_end).unwrap_or("").trim().to_owned();
                    let rest = head.get(name_end..).unwrap_or("");
                    let (ty_text, required, nullable) = readme_type(rest);
                    let description = self.src(src).split_once('\n').map_or("", |(_, d)| d);
                    let doc = doc_text(strip_emphasis(description.trim()));
                    let ty = if ty_text == "enum" {
                        let enum_name = RustIdent::type_name(&format!(
                            "{}{}",
                            owner.name,
                            Case::Pascal.apply(&name)
                        ));
                        let ty = Ty::Named(NamedRef {
                            name: enum_name.name.clone(),
                            link: None,
                        });
                        enums.push(Model {
                            spec: self.index,
                            pos: self.pos(src.start),
                            rust: enum_name,
                            doc: doc.clone(),
                            kind: ModelKind::Enum(Vec::new()),
                            example: None,
                        });
                        ty
                    } else {
                        let parsed =
                            types::parse(&ty_text).and_then(|s| types::interpret(&s, dialect, &[]));
                        match parsed {
                            Ok(t) => t.ty,
                            Err(e) => {
                                self.error(
                                    src.start,
                                    format!("in the type `{ty_text}` of `{name}`: {}", e.message),
                                );
                                Ty::Scalar(Scalar::Any)
                            }
                        }
                    };
                    let presence = match (required, nullable) {
                        (false, _) => Presence::Optional,
                        (true, true) => Presence::Nullable,
                        (true, false) => Presence::Required,
                    };
                    fields.push(self.field(&name, src.start, ty, presence, doc, false, dialect));
                }
                Block::Table { rows, src, .. } => {
                    let target = fields.last().and_then(|f| match &f.ty {
                        Ty::Named(n) => enums
                            .iter_mut()
                            .find(|m: &&mut Model| m.rust.name == n.name),
                        _ => None,
                    });
                    match target {
                        Some(m) => {
                            let variants = rows
                                .iter()
                                .filter_map(|row| {
                                    let value = row.first()?.rich.text.trim().to_owned();
                                    let doc = row.get(1).map(|c| doc_text(self.src(&c.src))).unwrap_or_default();
                                    Some(Variant { rust: RustIdent::type_name(&value), wire: value, doc })
                                })
                                .collect();
                            m.kind = ModelKind::Enum(variants);
                        }
                        None => self.error(src.start, "found a table that follows no `enum` attribute, expected it under `**name** enum`"),
                    }
                }
                _ => {}
            }
        }
        for e in &enums {
            if matches!(&e.kind, ModelKind::Enum(v) if v.is_empty()) {
                self.diags.error_at(
                    &self.spec.display,
                    e.pos,
                    "found an `enum` attribute with no table of values under it, expected a `| Value | Description |` table",
                );
            }
        }
        (fields, enums)
    }
}

fn readme_dialect() -> &'static Dialect {
    Dialect::by_name("readme").unwrap_or(&types::DIALECTS[0])
}

/// `string(2048) required` to (`string`, required, nullable). Attributes are
/// required unless they say `optional`; the part in parentheses is a
/// constraint, not a type.
fn readme_type(rest: &str) -> (String, bool, bool) {
    let mut ty = String::new();
    let (mut required, mut nullable) = (true, false);
    for word in rest.split_whitespace() {
        match word.to_ascii_lowercase().as_str() {
            "required" => required = true,
            "optional" => required = false,
            "nullable" => nullable = true,
            _ if ty.is_empty() => ty = word.split('(').next().unwrap_or(word).to_owned(),
            _ => {}
        }
    }
    (ty, required, nullable)
}

/// `_text_` or `*text*` to `text`.
fn strip_emphasis(text: &str) -> &str {
    ['_', '*']
        .iter()
        .find_map(|&c| text.strip_prefix(c).and_then(|t| t.strip_suffix(c)))
        .unwrap_or(text)
}

fn required_marker(text: &str) -> Option<bool> {
    match text {
        ":heavy_check_mark:" | "✔️" | "✔" | "Yes" | "yes" | "true" => Some(true),
        ":heavy_minus_sign:" | "➖" | "No" | "no" | "false" | "" => Some(false),
        _ => None,
    }
}

/// `title: "The Access Token object"` from YAML front matter.
fn front_matter_title(front: &str) -> Option<String> {
    front.lines().find_map(|l| {
        let value = l.strip_prefix("title:")?.trim();
        let unquoted = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        Some(unquoted.to_owned())
    })
}

/// readme.io titles objects "The Access Token object": the type is the noun.
fn readme_title(title: &str) -> String {
    let t = title.trim();
    let t = t.strip_prefix("The ").unwrap_or(t);
    let t = t
        .strip_suffix(" object")
        .or_else(|| t.strip_suffix(" Object"))
        .unwrap_or(t);
    t.to_owned()
}

/// A description's markdown source as doc comment lines: `N/A` is none,
/// `<br/>` is a line break, escaped table pipes are unescaped.
pub fn doc_text(src: &str) -> Vec<String> {
    let text = src.trim();
    if text.is_empty() || text == "N/A" {
        return Vec::new();
    }
    let text = text
        .replace("<br/>", "\n")
        .replace("<br />", "\n")
        .replace("<br>", "\n")
        .replace("\\|", "|");
    let mut lines: Vec<String> = text.lines().map(|l| l.trim().to_owned()).collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::super::source::Settings;
    use super::*;

    fn spec(path: &str, text: &str, settings: Settings) -> SpecFile {
        SpecFile {
            display: format!("specs/{path}"),
            rel: path.split('/').map(str::to_owned).collect(),
            text: text.to_owned(),
            settings,
            readable: true,
        }
    }

    fn read(text: &str) -> (Vec<Model>, Vec<String>) {
        let mut d = Diagnostics::new();
        let models = read_spec(0, &spec("a/x.md", text, Settings::default()), &mut d);
        (
            models,
            d.into_sorted().iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn doc_text_follows_the_conventions() {
        assert!(doc_text(" N/A ").is_empty());
        assert_eq!(doc_text("One.<br/>Two.<br/>"), ["One.", "Two."]);
        assert_eq!(doc_text("a \\| b"), ["a | b"]);
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
                name: "X".into(),
                link: Some("../y/x.md".into())
            })
        );
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
        assert_eq!(
            (&models[0].kind, models[0].doc.as_slice()),
            (&ModelKind::Any, &["Anything at all.".to_owned()][..])
        );
        let (models, _) = read("no title here\n");
        assert_eq!(models[0].rust.name, "X");
    }

    #[test]
    fn reads_an_enum() {
        let (models, errors) = read(
            "# GrantType\n\n## Values\n\n| Name | Value |\n| - | - |\n| `JWT_BEARER` | JWT_BEARER |\n",
        );
        assert!(errors.is_empty());
        let ModelKind::Enum(v) = &models[0].kind else {
            panic!()
        };
        assert_eq!(
            (v[0].rust.name.as_str(), v[0].wire.as_str()),
            ("JwtBearer", "JWT_BEARER")
        );
    }

    #[test]
    fn reports_structural_problems() {
        let (_, errors) = read("# T\n\n## Fields\n\nno table\n");
        assert_eq!(
            errors,
            [
                "specs/a/x.md:3:1: found a `## Fields` heading with no table under it, expected a `| Field | Type | Required | Description |` table"
            ]
        );
        let (models, errors) = read(
            "# T\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *List<* | maybe | N/A |\n",
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("specs/a/x.md:7:9: in the type `List<`: found the end"),
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
        let names: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.rust.name.as_str(), f.wire.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("token", "token"),
                ("expires_in", "expiresIn"),
                ("type", "type")
            ]
        );
        assert!(f[2].rust.raw);
        assert_eq!(f[1].ty, Ty::Scalar(Scalar::I64));
        assert_eq!(f[0].doc, ["The token."]);
        assert_eq!(models[1].rust.name, "AccessTokenType");
        let ModelKind::Enum(v) = &models[1].kind else {
            panic!()
        };
        assert_eq!(
            (v[0].wire.as_str(), v[0].doc.as_slice()),
            ("Bearer", &["Bearer auth.".to_owned()][..])
        );
    }
}
