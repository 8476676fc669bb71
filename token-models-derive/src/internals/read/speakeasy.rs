//! Speakeasy's docs: `## Fields` tables, `## Values` and `## Supported
//! Types`.

use super::cells::expression;
use super::*;

impl<'s> Reader<'s, '_> {
    pub(super) fn fields_section(
        &mut self,
        section: &Section<'_>,
        owner: &RustIdent,
    ) -> (ModelKind<'s, ReadTy>, Vec<Omitted>) {
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
        let dialect = match self.spec.settings.dialect {
            Some(dialect) => dialect,
            None => {
                let best = match scored {
                    Some(scores) => dialect::best_dialect(scores),
                    None => {
                        let exprs = parsed.iter().zip(rows.clone()).filter_map(|(p, row)| {
                            let (range, p) = p.as_ref()?;
                            Some((
                                p.syntax.as_ref().ok()?,
                                expression(row.get(type_col)?, range),
                            ))
                        });
                        dialect::best_dialect(&types::dialect_scores(exprs))
                    }
                };
                best.unwrap_or_else(|| self.fallback())
            }
        };
        let case = match self.spec.settings.wire_names {
            Some(case) => case,
            None => {
                if dialect.language_cased {
                    self.cased_by = Some(dialect);
                }
                dialect.wire_default
            }
        };

        let mut fields = Vec::with_capacity(rows.len());
        let mut omitted = Vec::new();
        for (row, syntax) in rows.zip(&parsed) {
            // A row short of cells was reported above; it still becomes a
            // field if it has a name.
            let Some(name_cell) = row.get(name_col) else {
                continue;
            };
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
                .map(|c| doc_text(self.src(&c.src)))
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
                ty: ReadTy::Scalar(Scalar::Any),
                optional: true,
                nullable: false,
            });
            if let Some(why) = typed.ty.transport() {
                omitted.push(Omitted {
                    written: written.into_owned(),
                    pos: self.pos(name_cell.src.start),
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
            let pos = self.pos(name_cell.src.start);
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
            if matches!(field.ty, ReadTy::Map(_)) && names_open_map(&field.written) {
                field.rest = true;
                field.presence = Presence::Required;
            }
            fields.push(field);
        }
        (ModelKind::Struct(fields), omitted)
    }

    /// A union written in a Type cell becomes a type of its own, named after
    /// its struct and field.
    pub(super) fn inline_unions(
        &mut self,
        mut ty: ReadTy,
        owner: &RustIdent,
        field: &str,
        pos: Pos,
    ) -> ReadTy {
        ty.walk_mut(&mut |t| {
            if let ReadTy::Union(alternatives) = t {
                let name =
                    RustIdent::type_name(&format!("{}{}", owner.name, Case::Pascal.apply(field)));
                let alternatives = alternatives_of(std::mem::take(alternatives));
                let mut m = self.model(pos, name, Lines::default(), ModelKind::Union(alternatives));
                m.inline = true;
                self.extra.push(m);
                *t = ReadTy::Local(LocalId::new(self.extra.len() - 1));
            }
        });
        ty
    }

    pub(super) fn field(
        &self,
        written: Cow<'s, str>,
        pos: Pos,
        ty: ReadTy,
        presence: Presence,
        doc: Lines<'s>,
        case: Case,
    ) -> Field<'s, ReadTy> {
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
            fallback: None,
            rest: false,
            secret: false,
            constraints: Vec::new(),
        }
    }

    /// `## Values`: a `| Name | Value |` table, a list of values (Python),
    /// or a union of literals in a code block (TypeScript). A doc that says
    /// "open enum" anywhere keeps unknown values.
    pub(super) fn values_section(&mut self, section: &Section<'_>) -> ModelKind<'s, ReadTy> {
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
    pub(super) fn union_section(
        &mut self,
        section: &Section<'_>,
        doc: &mut Lines<'s>,
    ) -> ModelKind<'s, ReadTy> {
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
        let dialect = match self.spec.settings.dialect {
            Some(dialect) => dialect,
            None => {
                let syntaxes = parsed
                    .iter()
                    .filter_map(|(text, s, _)| Some((s.as_ref().ok()?, *text)));
                let mut scores = types::dialect_scores(syntaxes);
                for (score, d) in scores.iter_mut().zip(dialect::DIALECTS) {
                    *score += parsed
                        .iter()
                        .filter(|(text, ..)| d.alternatives.iter().any(|(w, _)| w == text))
                        .count();
                }
                dialect::best_dialect(&scores).unwrap_or_else(|| self.fallback())
            }
        };
        let mut tys = Vec::new();
        for (text, syntax, at) in parsed {
            let named = dialect
                .alternatives
                .iter()
                .find(|(word, _)| *word == text && dialect.lookup(text).is_none());
            let typed = match named {
                Some(&(_, scalar)) => Ok(types::Typed {
                    ty: ReadTy::Scalar(scalar),
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
                        ReadTy::Nullable(Box::new(t.ty))
                    } else {
                        t.ty
                    },
                )),
                Err(e) => {
                    self.warn(
                        at,
                        format!("in the type `{text}` (generated as `serde_json::Value`): {e}"),
                    );
                    tys.push((text.to_owned(), ReadTy::Scalar(Scalar::Any)));
                }
            }
        }
        let mut alternatives: Vec<Alternative<ReadTy>> = Vec::new();
        for (written, ty) in tys {
            let rust = unique(
                RustIdent::type_name(&alternative_name(&ty)),
                alternatives.iter().map(|a| &a.rust),
            );
            alternatives.push(Alternative { rust, ty, written });
        }
        ModelKind::Union(alternatives)
    }
}

/// Whether a field name is `additionalProperties` as some SDK cases it
/// (`additional_properties`, `AdditionalProperties`).
pub(super) fn names_open_map(name: &str) -> bool {
    const KEY: &[u8] = b"additionalproperties";
    let mut letters = name.bytes().filter(u8::is_ascii_alphanumeric);
    KEY.iter()
        .all(|k| letters.next().is_some_and(|b| b.to_ascii_lowercase() == *k))
        && letters.next().is_none()
}

/// The JSON example a section shows, verbatim.
pub(super) fn json_example(blocks: &[Block<'_>]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Code { lang, text, .. } if lang == "json" => Some(text.clone()),
        _ => None,
    })
}

/// Whether a table's header has a name column and a type column, as a
/// `## Fields` table's does.
pub(super) fn is_field_table(table: &Table<'_>) -> bool {
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
pub(super) fn snippet_type(code: &str) -> Option<&str> {
    let end = code.find("{/* values here */}")?;
    let start = code.get(..end)?.rfind('(')? + 1;
    let ty = code.get(start..end)?.trim();
    (!ty.is_empty()).then_some(ty)
}

/// Where a Type cell's type expression is in its text: trimmed, and
/// emphasis written inside a code span (`` `*str*` ``) is markup, not a Go
/// pointer.
pub(super) fn type_text(rich: &markdown::Rich) -> Range<usize> {
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
pub(super) fn literal(text: &str) -> Option<Value> {
    match types::parse(text.trim()).ok()? {
        Syntax::Lit(l) => Some(lit_value(l)),
        _ => None,
    }
}

pub(super) fn lit_value(l: Lit) -> Value {
    match l {
        Lit::Str(s) => Value::Str(s),
        Lit::Int(n) => Value::Int(n),
        Lit::Float(f) => Value::Str(f.to_string()),
        Lit::Bool(b) => Value::Bool(b),
    }
}

/// A union alternative's variant name, from its type: `ContentChunk`,
/// `String`, `StringList`, `ValueMap`.
pub(super) fn alternative_name(ty: &ReadTy) -> String {
    match ty {
        ReadTy::Scalar(s) => match s {
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
        ReadTy::List(t) => format!("{}List", alternative_name(t)),
        ReadTy::Map(t) => format!("{}Map", alternative_name(t)),
        ReadTy::Nullable(t) => alternative_name(t),
        ReadTy::Named(n) => n.name().to_owned(),
        ReadTy::Union(_) => "Union".to_owned(),
        ReadTy::Local(_) | ReadTy::Null | ReadTy::Transport(_) => "Value".to_owned(),
    }
}

pub(super) fn alternatives_of(tys: Vec<ReadTy>) -> Vec<Alternative<ReadTy>> {
    let mut out: Vec<Alternative<ReadTy>> = Vec::new();
    for ty in tys {
        let rust = unique(
            RustIdent::type_name(&alternative_name(&ty)),
            out.iter().map(|a| &a.rust),
        );
        let written = alternative_name(&ty);
        out.push(Alternative { rust, ty, written });
    }
    out
}

pub(super) fn required_marker(text: &str) -> Option<bool> {
    match text {
        ":heavy_check_mark:" | "✔️" | "✔" | "Yes" | "yes" | "true" => Some(true),
        ":heavy_minus_sign:" | "➖" | "No" | "no" | "false" | "" => Some(false),
        _ => None,
    }
}
