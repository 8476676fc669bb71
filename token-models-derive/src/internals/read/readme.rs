//! readme.io object pages: front matter with a title, then the object's
//! attributes, written as `**name** type` paragraphs (an italic description
//! below, `***` between them, a values table under an `enum`) or as tables
//! whose header has a name column and a type column, whatever its words
//! (`| Key | Type | Description |`, `| Property | Type | Required | … |`),
//! under any heading. Type words are written as people write them
//! (`datetime`, `Int`, `array of strings`, `string (UUID)`); links to other
//! pages are readme references (`[Customer](ref:the-customer-object)`).

use super::{
    Block, Cell, Lines, Model, ModelKind, Pos, Presence, Reader, RustIdent, Scalar, Style, Table,
    Ty, Value, Variant, cell_doc_text, doc_text, unique, variant_name,
};
use crate::internals::ir::{Field, NamedRef};
use crate::internals::naming::Case;
use crate::internals::types::{self, Dialect};
use std::ops::Range;

/// One attribute as the page writes it, before the page's rules (which
/// attributes are required) apply.
struct Attr<'s> {
    name: String,
    /// Where the attribute is, for its field and for warnings.
    at: usize,
    ty: Written,
    /// `required` or `optional` as the page marks it, if it does.
    required: Option<bool>,
    nullable: bool,
    doc: Lines<'s>,
    /// Values from a table under an `enum` attribute, with their docs.
    values: Vec<(String, Lines<'s>)>,
    /// Values an `enum` attribute's description writes as code
    /// ("Can be `A` or `B`").
    prose_values: Vec<String>,
}

/// A type as the page writes it: its words, and the page it links to.
#[derive(Default)]
struct Written {
    text: String,
    /// The link's text and destination, when the type is a link.
    link: Option<(String, String)>,
}

/// The header words of an attribute table's columns.
const NAME_COLUMNS: &[&str] = &["name", "field", "key", "property", "attribute", "parameter"];

/// The columns of an attribute table, if `table` is one.
struct Columns {
    name: usize,
    ty: usize,
    required: Option<usize>,
    description: Option<usize>,
}

fn columns(table: &Table<'_>) -> Option<Columns> {
    let find = |words: &[&str]| {
        table.header.iter().position(|c| {
            let word = c.rich.text.trim().to_ascii_lowercase();
            words.contains(&word.as_str())
        })
    };
    Some(Columns {
        name: find(NAME_COLUMNS)?,
        ty: find(&["type"])?,
        required: find(&["required"]),
        description: find(&["description"]),
    })
}

/// Whether a page is a readme.io page: it has front matter (readme's
/// exports do) or an `## Attributes` section.
pub(super) fn is_page(doc: &crate::internals::markdown::Doc<'_>) -> bool {
    doc.front_matter.is_some()
        || doc
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Heading { level: 2, text, .. } if text == "Attributes"))
}

impl<'s> Reader<'s, '_> {
    /// The fields of a readme.io page, from its attribute paragraphs and
    /// tables in `parts` (in order; a heading ends an attribute's
    /// description).
    pub(super) fn readme_fields(
        &mut self,
        parts: &[&[Block<'_>]],
        owner: &RustIdent,
    ) -> Vec<Field<'s>> {
        let mut attrs: Vec<Attr<'s>> = Vec::new();
        for blocks in parts {
            // Whether a plain paragraph continues the last attribute's
            // description (until a heading or a rule).
            let mut open = false;
            for block in *blocks {
                match block {
                    Block::Paragraph { rich, src } => {
                        let starts_strong = rich
                            .spans
                            .iter()
                            .any(|s| s.style == Style::Strong && s.range.start == 0);
                        if starts_strong {
                            attrs.push(self.listed(rich, src));
                            open = true;
                        } else if let Some(last) = attrs.last_mut().filter(|_| open) {
                            last.doc.append(&doc_text(self.src(src)));
                            last.prose_values.extend(code_values(rich));
                        }
                    }
                    Block::Table(table) => {
                        let enum_values = attrs.last_mut().filter(|a| {
                            open && readme_expression(&a.ty.text) == "enum" && a.values.is_empty()
                        });
                        if let Some(last) = enum_values {
                            for row in table.rows() {
                                if let Some(value) = row.first() {
                                    let doc = row
                                        .get(1)
                                        .map(|c| cell_doc_text(self.src(&c.src), table))
                                        .unwrap_or_default();
                                    last.values.push((value.rich.text.trim().to_owned(), doc));
                                }
                            }
                        } else if let Some(cols) = columns(table) {
                            self.tabled(table, &cols, &mut attrs);
                        } else {
                            let header: Vec<&str> =
                                table.header.iter().map(|c| c.rich.text.trim()).collect();
                            self.warn(
                                table.src.start,
                                format!(
                                    "found a table with columns `| {} |`, expected an attribute table (a name and a `Type` column) or the values of an `enum` attribute above it; it is not generated",
                                    header.join(" | ")
                                ),
                            );
                        }
                        open = false;
                    }
                    Block::Heading { .. } | Block::Rule { .. } => open = false,
                    _ => {}
                }
            }
        }
        // A page that marks some attributes required leaves the others
        // optional; one that marks none has them all required.
        let marked = attrs.iter().any(|a| a.required == Some(true));
        let dialect = self.spec.settings.dialect.unwrap_or(readme_dialect());
        let mut fields = Vec::with_capacity(attrs.len());
        for a in attrs {
            let required = a.required.unwrap_or(!marked);
            let presence = match (required, a.nullable) {
                (false, _) => Presence::Optional,
                (true, true) => Presence::Nullable,
                (true, false) => Presence::Required,
            };
            let pos = self.pos(a.at);
            let ty = self.attr_type(&a, owner, dialect, pos);
            fields.push(self.field(a.name.into(), pos, ty, presence, a.doc, false));
        }
        fields
    }

    /// `**name** type required` and the description below it.
    fn listed(&self, rich: &crate::internals::markdown::Rich<'_>, src: &Range<usize>) -> Attr<'s> {
        let head_end = rich.text.find('\n').unwrap_or(rich.text.len());
        let name_end = rich
            .spans
            .iter()
            .find(|s| s.style == Style::Strong)
            .map_or(0, |s| s.range.end);
        let name = rich.text.get(..name_end).unwrap_or("").trim().to_owned();
        let rest = rich.text.get(name_end..head_end).unwrap_or("");
        let (words, required, nullable) = split_markers(rest);
        let link = rich.spans.iter().find_map(|s| match &s.style {
            Style::Link(dest) if s.range.start >= name_end && s.range.end <= head_end => {
                let text = rich.text.get(s.range.clone()).unwrap_or("").trim();
                Some((text.to_owned(), dest.to_string()))
            }
            _ => None,
        });
        let description = self.src(src).split_once('\n').map_or("", |(_, d)| d);
        let doc = doc_text(strip_emphasis(description.trim()));
        let below: Vec<String> = code_values_after(rich, head_end);
        Attr {
            name,
            at: src.start,
            ty: Written { text: words, link },
            required,
            nullable,
            doc,
            values: Vec::new(),
            prose_values: below,
        }
    }

    /// The rows of an attribute table.
    fn tabled(&mut self, table: &Table<'_>, cols: &Columns, attrs: &mut Vec<Attr<'s>>) {
        for row in table.rows() {
            let Some(name_cell) = row.get(cols.name) else {
                continue;
            };
            let name = name_cell.rich.text.trim().to_owned();
            if name.is_empty() {
                self.warn(
                    name_cell.src.start,
                    "found a row with an empty name cell, expected the attribute's name; the row is not generated",
                );
                continue;
            }
            let ty_cell = row.get(cols.ty);
            let (words, mut required, nullable) =
                split_markers(ty_cell.map_or("", |c| c.rich.text.trim()));
            let link = ty_cell.and_then(cell_link);
            if let Some(c) = cols.required.and_then(|k| row.get(k)) {
                match required_word(c.rich.text.trim()) {
                    Some(r) => required = Some(r),
                    None => self.warn(
                        c.src.start,
                        format!(
                            "found the required marker `{}`, expected `yes`, `no`, `true`, `false`, `required`, `optional` or a check mark; presence taken from the page",
                            c.rich.text.trim()
                        ),
                    ),
                }
            }
            let description = cols.description.and_then(|k| row.get(k));
            let doc = description
                .map(|c| cell_doc_text(self.src(&c.src), table))
                .unwrap_or_default();
            let prose_values = description
                .map(|c| code_values(&c.rich))
                .unwrap_or_default();
            attrs.push(Attr {
                name,
                at: name_cell.src.start,
                ty: Written { text: words, link },
                required,
                nullable,
                doc,
                values: Vec::new(),
                prose_values,
            });
        }
    }

    /// An attribute's type: its link, an enum of its values, or its words
    /// in the readme vocabulary; any JSON value, with a warning, when the
    /// page does not say.
    fn attr_type(&mut self, a: &Attr<'s>, owner: &RustIdent, dialect: &Dialect, pos: Pos) -> Ty {
        let expr = readme_expression(&a.ty.text);
        if let Some((text, dest)) = &a.ty.link {
            let named = Ty::Named(NamedRef {
                path: text.clone(),
                link: Some(dest.clone()),
            });
            // `[Item](ref:…)[]`, `array of [Item](ref:…)`.
            let many = expr.contains("[]") || expr.starts_with("array");
            return if many {
                Ty::List(Box::new(named))
            } else {
                named
            };
        }
        if expr == "enum" {
            let values: Vec<(String, Lines<'s>)> = if a.values.is_empty() {
                a.prose_values
                    .iter()
                    .map(|v| (v.clone(), Lines::default()))
                    .collect()
            } else {
                a.values.clone()
            };
            if values.is_empty() {
                self.warn_at(
                    pos,
                    format!(
                        "found the `enum` attribute `{}` with no values (no table under it, none written as code in its description); generated `serde_json::Value`",
                        a.name
                    ),
                );
                return Ty::Scalar(Scalar::Any);
            }
            let mut variants: Vec<Variant> = Vec::new();
            for (value, doc) in values {
                let value = Value::Str(value);
                let rust = unique(variant_name(None, &value), variants.iter().map(|v| &v.rust));
                variants.push(Variant { rust, value, doc });
            }
            let name =
                RustIdent::type_name(&format!("{}{}", owner.name, Case::Pascal.apply(&a.name)));
            let kind = ModelKind::Enum {
                variants,
                open: false,
            };
            let mut m: Model<'s> = self.model(pos, name, a.doc.clone(), kind);
            m.inline = true;
            self.extra.push(m);
            return Ty::Local(self.extra.len() - 1);
        }
        if expr.is_empty() {
            self.warn_at(
                pos,
                format!(
                    "found no type for the attribute `{}`; generated `serde_json::Value`",
                    a.name
                ),
            );
            return Ty::Scalar(Scalar::Any);
        }
        let parsed = types::parse(&expr).and_then(|s| types::interpret(&s, &expr, dialect, &[]));
        match parsed {
            Ok(t) if !matches!(t.ty, Ty::Named(_)) => t.ty,
            Ok(_) => {
                self.warn_at(
                    pos,
                    format!(
                        "in the type `{}` of `{}` (generated as `serde_json::Value`): found a word the readme vocabulary does not know and no link to a page",
                        a.ty.text.trim(),
                        a.name
                    ),
                );
                Ty::Scalar(Scalar::Any)
            }
            Err(e) => {
                self.warn_at(
                    pos,
                    format!(
                        "in the type `{}` of `{}` (generated as `serde_json::Value`): {}",
                        a.ty.text.trim(),
                        a.name,
                        e.message
                    ),
                );
                Ty::Scalar(Scalar::Any)
            }
        }
    }
}

pub(super) fn readme_dialect() -> &'static Dialect {
    Dialect::by_name("readme").unwrap_or(&types::DIALECTS[0])
}

/// The type words of `text` and the markers among them: `string(2048)
/// required` is (`string(2048)`, required), `array of strings **required**`
/// (`array of strings`, required), `(optional)` and `nullable` likewise.
/// The type is the words before the first marker.
fn split_markers(text: &str) -> (String, Option<bool>, bool) {
    let (mut required, mut nullable) = (None, false);
    let mut ty: Vec<&str> = Vec::new();
    let mut typed = true;
    for word in text.split_whitespace() {
        let bare = word
            .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '*' | '_'))
            .to_ascii_lowercase();
        match bare.as_str() {
            "required" => required = Some(true),
            "optional" => required = Some(false),
            "nullable" => nullable = true,
            _ if typed => ty.push(word),
            _ => {}
        }
        if matches!(bare.as_str(), "required" | "optional" | "nullable") {
            typed = false;
        }
    }
    (ty.join(" "), required, nullable)
}

/// A type as the readme vocabulary reads it: the constraint in parentheses
/// left out (`string(2048)`, `string (UUID)`, `integer(>0)`), known words
/// in lower case and singular (`Int`, `Objects`), `array of X` as
/// `array<X>`, `nested object` as `object`.
fn readme_expression(text: &str) -> String {
    let text = text.split('(').next().unwrap_or("").trim();
    let lower = text.to_ascii_lowercase();
    if let Some(item) = ["array of ", "list of "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    {
        return format!("array<{}>", readme_expression(item));
    }
    if lower == "nested object" {
        return "object".to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push_str(&known_word(&word));
            word.clear();
        }
        if c != ' ' || !out.is_empty() {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// `word` as the vocabulary knows it (lower case, singular), or as written.
fn known_word(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let dialect = readme_dialect();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if lower == "enum" || dialect.lookup(&lower).is_some() {
        lower
    } else if dialect.lookup(singular).is_some() {
        singular.to_owned()
    } else {
        word.to_owned()
    }
}

/// The link of a cell whose text is one link (`[Customer](ref:…)`), if any.
fn cell_link(cell: &Cell<'_>) -> Option<(String, String)> {
    cell.rich.spans.iter().find_map(|s| match &s.style {
        Style::Link(dest) => {
            let text = cell.rich.text.get(s.range.clone()).unwrap_or("").trim();
            Some((text.to_owned(), dest.to_string()))
        }
        _ => None,
    })
}

/// A required column's word: `yes`, `true`, `required`, a check mark, `x`;
/// `no`, `false`, `optional`, a dash, nothing.
fn required_word(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "yes" | "true" | "required" | "✓" | "✔" | "✔️" | "✅" | "x" | ":heavy_check_mark:" => {
            Some(true)
        }
        "no" | "false" | "optional" | "" | "-" | "–" | "—" | ":heavy_minus_sign:" => {
            Some(false)
        }
        _ => None,
    }
}

/// The values a description writes as code: "Can be `Bearer` or `Basic`."
fn code_values(rich: &crate::internals::markdown::Rich<'_>) -> Vec<String> {
    code_values_after(rich, 0)
}

fn code_values_after(rich: &crate::internals::markdown::Rich<'_>, from: usize) -> Vec<String> {
    rich.spans
        .iter()
        .filter(|s| s.style == Style::Code && s.range.start >= from)
        .filter_map(|s| rich.text.get(s.range.clone()))
        .map(|v| v.trim().trim_matches('"').to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

/// `_text_` or `*text*` to `text`.
fn strip_emphasis(text: &str) -> &str {
    ['_', '*']
        .iter()
        .find_map(|&c| text.strip_prefix(c).and_then(|t| t.strip_suffix(c)))
        .unwrap_or(text)
}

/// `title: "The Access Token object"` from YAML front matter.
pub(super) fn front_matter_title(front: &str) -> Option<String> {
    front.lines().find_map(|l| {
        let value = l.strip_prefix("title:")?.trim();
        let unquoted = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        Some(unquoted.to_owned())
    })
}

/// readme.io titles objects "The Access Token object", "Invoice resource
/// representation", "Customer Object": the type is the noun.
pub(super) fn readme_title(title: &str) -> String {
    let mut t = title.trim();
    if let Some(rest) = t.strip_prefix("The ").or_else(|| t.strip_prefix("the ")) {
        t = rest;
    }
    for suffix in [
        " resource representation",
        " representation",
        " resource",
        " object",
    ] {
        let cut = t.len().saturating_sub(suffix.len());
        if t.get(cut..)
            .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
        {
            t = t.get(..cut).unwrap_or(t);
            break;
        }
    }
    t.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Type words as people write them read as the vocabulary's.
    #[test]
    fn type_words_read_as_the_vocabulary_writes_them() {
        for (written, expr) in [
            ("string(2048)", "string"),
            ("string (UUID)", "string"),
            ("integer(>=3600)", "integer"),
            ("Int", "int"),
            ("Integer", "integer"),
            ("DateTime", "datetime"),
            ("Nested Object", "object"),
            ("array of strings", "array<string>"),
            ("List of Integers", "array<integer>"),
            ("Array<Objects>", "array<object>"),
            ("string[]", "string[]"),
            ("Booleans", "boolean"),
            ("Customer", "Customer"),
            ("", ""),
        ] {
            assert_eq!(readme_expression(written), expr, "{written}");
        }
    }

    #[test]
    fn markers_are_not_type_words() {
        assert_eq!(
            split_markers("string **required**"),
            ("string".into(), Some(true), false)
        );
        assert_eq!(
            split_markers("string(36) (optional)"),
            ("string(36)".into(), Some(false), false)
        );
        assert_eq!(
            split_markers("array of strings nullable"),
            ("array of strings".into(), None, true)
        );
        assert_eq!(split_markers(""), (String::new(), None, false));
    }

    #[test]
    fn titles_lose_readmes_wording() {
        for (title, name) in [
            ("The Access Token object", "Access Token"),
            ("Invoice resource representation", "Invoice"),
            ("Customer Object", "Customer"),
            ("The Refund Resource", "Refund"),
            ("Objects", "Objects"),
        ] {
            assert_eq!(readme_title(title), name);
        }
    }
}
