//! readme.io object pages: front matter with a title, then the object's
//! attributes, written as `**name** type` paragraphs (an italic description
//! below, `***` between them, a values table under an `enum`) or as tables
//! whose header has a name column and a type column, whatever its words
//! (`| Key | Type | Description |`, `| Property | Type | Required | … |`),
//! under any heading. Type words are written as people write them
//! (`datetime`, `Int`, `array of strings`, `string (UUID)`); links to other
//! pages are readme references (`[Customer](ref:the-customer-object)`).

use super::{
    Block, Lines, ModelKind, Pos, Presence, ReadModel, ReadTy, Reader, RustIdent, Scalar, Style,
    Table, Value, Variant, doc_text, unique, variant_name,
};
use crate::internals::dialect::{self, Dialect};
use crate::internals::ir::{Constraint, Field, LocalId, NamedRef};
use crate::internals::json::Json;
use crate::internals::markdown::Rich;
use crate::internals::naming::Case;
use crate::internals::types;
use std::ops::Range;

mod grids;

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

impl Attr<'_> {
    /// An attribute the page only names as the head of others written
    /// flat (`urls` of `urls.web`): an object.
    fn object(name: String, at: usize) -> Self {
        Attr {
            name,
            at,
            ty: Written {
                text: "object".to_owned(),
                link: None,
            },
            required: Some(false),
            nullable: false,
            doc: Lines::default(),
            values: Vec::new(),
            prose_values: Vec::new(),
        }
    }
}

/// A type as the page writes it: its words, and the page it links to.
#[derive(Default)]
struct Written {
    text: String,
    /// The link's text and destination, when the type is a link.
    link: Option<(String, String)>,
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
        example: Option<&Json>,
    ) -> Vec<Field<'s, ReadTy>> {
        let mut attrs: Vec<Attr<'s>> = Vec::new();
        for blocks in parts {
            // Whether a plain paragraph continues the last attribute's
            // description (until a heading or a rule).
            let mut open = false;
            // HTML written over several blocks (blank lines inside a
            // table), from where it starts.
            let mut html: Option<(usize, String)> = None;
            for block in *blocks {
                if let Block::Other { src } = block {
                    let (_, text) = html.get_or_insert_with(|| (src.start, String::new()));
                    text.push_str(self.src(src));
                    text.push('\n');
                    continue;
                }
                if let Some((at, text)) = html.take() {
                    self.html_grids(&text, at, &mut attrs);
                    open = false;
                }
                match block {
                    Block::Paragraph { src, .. }
                        if self.src(src).starts_with("[block:parameters]") =>
                    {
                        self.block_grid(src, &mut attrs);
                        open = false;
                    }
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
                                        .map(|c| doc_text(self.src(&c.src)))
                                        .unwrap_or_default();
                                    last.values.push((value.rich.text.trim().to_owned(), doc));
                                }
                            }
                        } else {
                            let grid = self.markdown_grid(table);
                            self.grid(grid, table.src.start, &mut attrs);
                        }
                        open = false;
                    }
                    Block::Heading { .. } | Block::Rule { .. } => open = false,
                    _ => {}
                }
            }
            if let Some((at, text)) = html.take() {
                self.html_grids(&text, at, &mut attrs);
            }
        }
        // A page that marks some attributes required leaves the others
        // optional; one that marks none has them all required.
        let marked = attrs.iter().any(|a| a.required == Some(true));
        self.attr_fields(attrs, owner, marked, example)
    }

    /// Fields of `attrs`: those written flat below another (`urls.web`,
    /// `variables[index].id`, `settings > timeout`) are the fields of a
    /// struct of their own, the other's type (a list of it when the path
    /// says `[…]` or the other is an array). `example` is the page's JSON
    /// at this level, which tells what the list does not.
    fn attr_fields(
        &mut self,
        attrs: Vec<Attr<'s>>,
        owner: &RustIdent,
        marked: bool,
        example: Option<&Json>,
    ) -> Vec<Field<'s, ReadTy>> {
        // Each top attribute with those below it, and whether a path
        // called it a list.
        let mut tops: Vec<(Attr<'s>, Vec<Attr<'s>>, bool)> = Vec::new();
        for mut a in attrs {
            let Some((head, list, rest)) = split_path(&a.name) else {
                tops.push((a, Vec::new(), false));
                continue;
            };
            let k = match tops.iter().position(|(t, ..)| t.name == head) {
                Some(k) => k,
                None => {
                    tops.push((Attr::object(head.to_owned(), a.at), Vec::new(), false));
                    tops.len() - 1
                }
            };
            a.name = rest.to_owned();
            tops[k].1.push(a);
            tops[k].2 |= list;
        }
        let dialect = self.spec.settings.dialect.unwrap_or(readme_dialect());
        let mut fields = Vec::with_capacity(tops.len());
        for (a, below, list) in tops {
            let value = example.and_then(|e| e.get(&a.name));
            let required = a.required.unwrap_or(!marked);
            // A `null` in the example: the attribute may be null.
            let nullable = a.nullable || value == Some(&Json::Null);
            let presence = match (required, nullable) {
                (false, false) => Presence::Optional,
                (false, true) => Presence::OptionalNullable,
                (true, true) => Presence::Nullable,
                (true, false) => Presence::Required,
            };
            let pos = self.pos(a.at);
            let ty = if below.is_empty() {
                self.attr_type(&a, owner, dialect, pos, value)
            } else {
                let many = list
                    || matches!(value, Some(Json::Array(_)))
                    || readme_expression(&a.ty.text).starts_with("array");
                let item = match value {
                    Some(Json::Array(items)) => items.first(),
                    other => other,
                };
                let name = nested_name(owner, &a.name);
                let inner = self.attr_fields(below, &name, marked, item);
                let struct_ty = self.inline(pos, name, a.doc.clone(), ModelKind::Struct(inner));
                if many {
                    ReadTy::List(Box::new(struct_ty))
                } else {
                    struct_ty
                }
            };
            let case = self.spec.settings.wire_names.unwrap_or(Case::AsWritten);
            let constraints = constraints(&a.ty.text, &ty);
            let mut field = self.field(a.name.into(), pos, ty, presence, a.doc, case);
            field.constraints = constraints;
            fields.push(field);
        }
        fields
    }

    /// A type defined inside the page's: a model of its own, referred to
    /// by its place among the doc's inline types.
    fn inline(
        &mut self,
        pos: Pos,
        name: RustIdent,
        doc: Lines<'s>,
        kind: ModelKind<'s, ReadTy>,
    ) -> ReadTy {
        let mut m: ReadModel<'s> = self.model(pos, name, doc, kind);
        m.inline = true;
        self.extra.push(m);
        ReadTy::Local(LocalId::new(self.extra.len() - 1))
    }

    /// `**name** type required` and the description below it.
    fn listed(&self, rich: &Rich<'_>, src: &Range<usize>) -> Attr<'s> {
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

    /// An attribute's type: its link, an enum of its values, or its words
    /// in the readme vocabulary; any JSON value, with a warning, when the
    /// page does not say.
    fn attr_type(
        &mut self,
        a: &Attr<'s>,
        owner: &RustIdent,
        dialect: &Dialect,
        pos: Pos,
        value: Option<&Json>,
    ) -> ReadTy {
        let expr = readme_expression(&a.ty.text);
        if let Some((text, dest)) = &a.ty.link {
            let named = ReadTy::Named(NamedRef {
                path: text.clone(),
                link: Some(dest.clone()),
            });
            // `[Item](ref:…)[]`, `array of [Item](ref:…)`, or a list in
            // the example.
            let many = expr.contains("[]")
                || expr.starts_with("array")
                || matches!(value, Some(Json::Array(_)));
            return if many {
                ReadTy::List(Box::new(named))
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
                return ReadTy::Scalar(Scalar::Any);
            }
            let mut variants: Vec<Variant> = Vec::new();
            for (value, doc) in values {
                let value = Value::Str(value);
                let rust = unique(variant_name(None, &value), variants.iter().map(|v| &v.rust));
                variants.push(Variant { rust, value, doc });
            }
            let name = nested_name(owner, &a.name);
            let kind = ModelKind::Enum {
                variants,
                open: false,
                loose: false,
            };
            return self.inline(pos, name, a.doc.clone(), kind);
        }
        // An object the example shows the members of is a struct of them.
        if expr == "object" {
            if let Some(Json::Object(members)) = value.filter(|_| a.values.is_empty()) {
                if !members.is_empty() {
                    let name = nested_name(owner, &a.name);
                    let fields = members
                        .iter()
                        .map(|(key, v)| {
                            let ty = inferred(v);
                            let presence = match v {
                                Json::Null => Presence::OptionalNullable,
                                _ => Presence::Optional,
                            };
                            self.field(
                                key.clone().into(),
                                pos,
                                ty,
                                presence,
                                Lines::default(),
                                self.spec.settings.wire_names.unwrap_or(Case::AsWritten),
                            )
                        })
                        .collect();
                    return self.inline(pos, name, a.doc.clone(), ModelKind::Struct(fields));
                }
            }
        }
        // No type, but the example shows a value.
        if let (true, Some(v)) = (expr.is_empty(), value.filter(|v| **v != Json::Null)) {
            return inferred(v);
        }
        if expr.is_empty() {
            self.warn_at(
                pos,
                format!(
                    "found no type for the attribute `{}`; generated `serde_json::Value`",
                    a.name
                ),
            );
            return ReadTy::Scalar(Scalar::Any);
        }
        let parsed = types::parse(&expr).and_then(|s| types::interpret(&s, &expr, dialect, &[]));
        match parsed {
            Ok(t) if !matches!(t.ty, ReadTy::Named(_)) => t.ty,
            Ok(_) => {
                self.warn_at(
                    pos,
                    format!(
                        "in the type `{}` of `{}` (generated as `serde_json::Value`): found a word the readme vocabulary does not know and no link to a page",
                        a.ty.text.trim(),
                        a.name
                    ),
                );
                ReadTy::Scalar(Scalar::Any)
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
                ReadTy::Scalar(Scalar::Any)
            }
        }
    }
}

/// The type a value in an example shows: objects as maps (an example
/// shows some of its members, not all that may come).
fn inferred(value: &Json) -> ReadTy {
    match value {
        Json::Null => ReadTy::Scalar(Scalar::Any),
        Json::Bool(_) => ReadTy::Scalar(Scalar::Bool),
        Json::Number { integral: true } => ReadTy::Scalar(Scalar::I64),
        Json::Number { integral: false } => ReadTy::Scalar(Scalar::F64),
        Json::Str(_) => ReadTy::Scalar(Scalar::String),
        Json::Array(items) => ReadTy::List(Box::new(
            items.first().map_or(ReadTy::Scalar(Scalar::Any), inferred),
        )),
        Json::Object(_) => ReadTy::Scalar(Scalar::Object),
    }
}

/// `urls.web` is (`urls`, not a list, `web`); `variables[index].id` and
/// `variables[].id` are (`variables`, a list, `id`); `settings > timeout`
/// is (`settings`, not a list, `timeout`). `None` for a plain name.
fn split_path(name: &str) -> Option<(&str, bool, &str)> {
    let (head, rest) = match name.split_once('>') {
        Some((head, rest)) => (head.trim(), rest.trim()),
        None => name.split_once('.')?,
    };
    let (head, list) = match head.split_once('[') {
        Some((h, _)) => (h, true),
        None => (head, false),
    };
    (!head.is_empty() && !rest.is_empty()).then_some((head, list, rest))
}

/// The type of attribute `name` of `owner`: `OwnerName`.
fn nested_name(owner: &RustIdent, name: &str) -> RustIdent {
    RustIdent::type_name(&format!("{}{}", owner.name, Case::Pascal.apply(name)))
}

pub(super) fn readme_dialect() -> &'static Dialect {
    Dialect::by_name("readme").unwrap_or(&dialect::DIALECTS[0])
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

/// What a readme.io type's parentheses say of its value: `string(2048)`,
/// at most 2,048 characters; `integer(>=3600)`, `number(>0, <=1)`, bounds.
/// Anything else in them (`string (UUID)`, `integer(int64)`) says nothing
/// that can be checked, and neither does the rest of the parentheses then.
fn constraints(text: &str, ty: &ReadTy) -> Vec<Constraint> {
    let Some(inside) = text
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inside, _)| inside)
    else {
        return Vec::new();
    };
    let (text_value, number) = match ty.value_scalar() {
        Some(Scalar::String) => (true, false),
        Some(s) if s.is_number() => (false, true),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for part in inside.split(',').map(str::trim) {
        let bound = [
            (">=", true, false),
            (">", true, true),
            ("<=", false, false),
            ("<", false, true),
        ]
        .into_iter()
        .find_map(|(op, min, exclusive)| Some((part.strip_prefix(op)?.trim(), min, exclusive)));
        let constraint = match bound {
            Some((value, min, exclusive))
                if number && value.parse::<f64>().is_ok_and(f64::is_finite) =>
            {
                let value = value.to_owned();
                if min {
                    Constraint::Min { value, exclusive }
                } else {
                    Constraint::Max { value, exclusive }
                }
            }
            None if text_value => match part.parse() {
                Ok(n) => Constraint::MaxChars(n),
                Err(_) => return Vec::new(),
            },
            _ => return Vec::new(),
        };
        out.push(constraint);
    }
    out
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
    match lower.as_str() {
        "nested object" => return "object".to_owned(),
        // An array of what the page does not say.
        "array" | "list" => return "array<any>".to_owned(),
        _ => {}
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
fn rich_link(rich: &Rich<'_>) -> Option<(String, String)> {
    rich.spans.iter().find_map(|s| match &s.style {
        Style::Link(dest) => {
            let text = rich.text.get(s.range.clone()).unwrap_or("").trim();
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
fn code_values(rich: &Rich<'_>) -> Vec<String> {
    code_values_after(rich, 0)
}

fn code_values_after(rich: &Rich<'_>, from: usize) -> Vec<String> {
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
            ("array", "array<any>"),
            ("Array", "array<any>"),
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

    #[test]
    fn a_types_parentheses_give_its_constraints() {
        let text = ReadTy::Scalar(Scalar::String);
        let int = ReadTy::Scalar(Scalar::I64);
        let bound = |value: &str, min: bool, exclusive: bool| {
            let value = value.to_owned();
            if min {
                Constraint::Min { value, exclusive }
            } else {
                Constraint::Max { value, exclusive }
            }
        };
        assert_eq!(
            constraints("string(2048)", &text),
            [Constraint::MaxChars(2048)]
        );
        let nullable = ReadTy::Nullable(Box::new(text.clone()));
        assert_eq!(
            constraints("string(64)", &nullable),
            [Constraint::MaxChars(64)]
        );
        assert_eq!(
            constraints("integer(>=3600)", &int),
            [bound("3600", true, false)]
        );
        assert_eq!(
            constraints("number(>0, <=1.5)", &ReadTy::Scalar(Scalar::F64)),
            [bound("0", true, true), bound("1.5", false, false)]
        );
        // What says nothing that can be checked.
        for (written, ty) in [
            ("string (UUID)", &text),
            ("string", &text),
            ("string(>=3)", &text),
            ("integer(2048)", &int),
            ("integer(int64)", &int),
            ("integer(>=1, big)", &int),
            ("boolean(1)", &ReadTy::Scalar(Scalar::Bool)),
        ] {
            assert!(constraints(written, ty).is_empty(), "{written}");
        }
    }
}
