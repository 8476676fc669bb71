//! Attribute tables, wherever a page writes them: a markdown table, a
//! readme `[block:parameters]` grid, or an HTML `<table>`.

use super::*;

/// The header words of an attribute table's columns.
pub(super) const NAME_COLUMNS: &[&str] =
    &["name", "field", "key", "property", "attribute", "parameter"];

/// The columns of an attribute table, if `table` is one.
pub(super) struct Columns {
    name: usize,
    ty: usize,
    required: Option<usize>,
    description: Option<usize>,
}

pub(super) fn columns(header: &[String]) -> Option<Columns> {
    let find = |words: &[&str]| {
        header.iter().position(|c| {
            let word = c.trim().to_ascii_lowercase();
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

/// An attribute table as rows of cells, whether the page writes it in
/// markdown, in HTML (readme's newer editor: `<Table><thead><tr><th>…`) or
/// as a legacy `[block:parameters]` JSON block.
pub(super) struct Grid<'s> {
    header: Vec<String>,
    rows: Vec<Vec<GridCell<'s>>>,
}

/// One cell: its text without markup, the link it is, the values it
/// writes as code, as a description, and where it is.
pub(super) struct GridCell<'s> {
    text: String,
    link: Option<(String, String)>,
    code: Vec<String>,
    doc: Lines<'s>,
    at: usize,
}

impl GridCell<'_> {
    /// A cell written as markdown inline text outside the page's own
    /// markdown (inside HTML or JSON), at `at`.
    pub(super) fn from_text(text: &str, at: usize) -> Self {
        let doc = crate::internals::markdown::parse(text.trim());
        let rich = doc.blocks.iter().find_map(|b| match b {
            Block::Paragraph { rich, .. } => Some(rich.clone()),
            _ => None,
        });
        let rich = rich.unwrap_or_default();
        let description = doc_text(text.trim());
        GridCell {
            text: rich.text.trim().to_owned(),
            link: rich_link(&rich),
            code: code_values(&rich),
            doc: Lines::from(description.text().to_owned()),
            at,
        }
    }
}

pub(super) fn header_words(table: &Table<'_>) -> Vec<String> {
    table
        .header
        .iter()
        .map(|c| c.rich.text.trim().to_owned())
        .collect()
}

/// The rows of each HTML table in `html`, each row its cells' inner HTML
/// (header cells and body cells alike).
pub(super) fn html_tables(html: &str) -> Vec<Vec<Vec<String>>> {
    let lower = html.to_ascii_lowercase();
    let mut tables = Vec::new();
    let mut from = 0;
    while let Some(start) = lower
        .get(from..)
        .and_then(|l| l.find("<table"))
        .map(|k| from + k)
    {
        let end = lower
            .get(start..)
            .and_then(|l| l.find("</table"))
            .map_or(html.len(), |k| start + k);
        let mut rows = Vec::new();
        let mut at = start;
        while let Some(tr) = lower
            .get(at..end)
            .and_then(|l| l.find("<tr"))
            .map(|k| at + k)
        {
            let tr_end = lower
                .get(tr..end)
                .and_then(|l| l.find("</tr"))
                .map_or(end, |k| tr + k);
            let mut cells = Vec::new();
            let mut c = tr;
            loop {
                let next = lower.get(c..tr_end).and_then(|l| {
                    let th = l.find("<th");
                    let td = l.find("<td");
                    th.into_iter().chain(td).min()
                });
                let Some(open) = next.map(|k| c + k) else {
                    break;
                };
                let inner = lower
                    .get(open..tr_end)
                    .and_then(|l| l.find('>'))
                    .map_or(tr_end, |k| open + k + 1);
                let close = lower
                    .get(inner..tr_end)
                    .and_then(|l| {
                        let th = l.find("</th");
                        let td = l.find("</td");
                        th.into_iter().chain(td).min()
                    })
                    .map_or(tr_end, |k| inner + k);
                cells.push(html.get(inner..close).unwrap_or("").to_owned());
                c = close + 1;
            }
            rows.push(cells);
            at = tr_end + 1;
        }
        tables.push(rows);
        from = end + 1;
    }
    tables
}

/// A cell's inner HTML as markdown inline text: `<code>`, `<a href>`,
/// `<strong>`, `<b>`, `<em>` as their markdown; `<br>` kept (a description's
/// line break); other tags dropped; the common entities decoded.
pub(super) fn html_to_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut link: Vec<String> = Vec::new();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>').map(|k| open + k) else {
            rest = &rest[open..];
            break;
        };
        let tag = &rest[open + 1..close];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        match (name.as_str(), closing) {
            ("code", _) => out.push('`'),
            ("strong" | "b", _) => out.push_str("**"),
            ("em" | "i", _) => out.push('_'),
            ("br", _) => out.push_str("<br/>"),
            ("a", false) => {
                let href = tag.split("href=").nth(1).map_or("", |h| {
                    let h = h.trim_start_matches(['"', '\'']);
                    h.split(['"', '\'']).next().unwrap_or("")
                });
                link.push(href.to_owned());
                out.push('[');
            }
            ("a", true) => {
                let href = link.pop().unwrap_or_default();
                out.push_str("](");
                out.push_str(&href);
                out.push(')');
            }
            _ => {}
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

impl<'s> Reader<'s, '_> {
    /// The rows of an attribute table, wherever it is written.
    pub(super) fn grid_attrs(&mut self, grid: Grid<'s>, cols: &Columns, attrs: &mut Vec<Attr<'s>>) {
        for mut row in grid.rows {
            let Some(name_cell) = row.get(cols.name) else {
                continue;
            };
            let (name, at) = (name_cell.text.clone(), name_cell.at);
            if name.is_empty() {
                self.warn(
                    at,
                    "found a row with an empty name cell, expected the attribute's name; the row is not generated",
                );
                continue;
            }
            let ty_cell = row.get(cols.ty);
            let (words, mut required, nullable) = split_markers(ty_cell.map_or("", |c| &c.text));
            let link = ty_cell.and_then(|c| c.link.clone());
            if let Some(c) = cols.required.and_then(|k| row.get(k)) {
                match required_word(&c.text) {
                    Some(r) => required = Some(r),
                    None => self.warn(
                        c.at,
                        format!(
                            "found the required marker `{}`, expected `yes`, `no`, `true`, `false`, `required`, `optional` or a check mark; presence taken from the page",
                            c.text
                        ),
                    ),
                }
            }
            let (doc, prose_values) = match cols.description.and_then(|k| row.get_mut(k)) {
                Some(c) => (std::mem::take(&mut c.doc), std::mem::take(&mut c.code)),
                None => Default::default(),
            };
            attrs.push(Attr {
                name,
                at,
                ty: Written { text: words, link },
                required,
                nullable,
                doc,
                values: Vec::new(),
                prose_values,
            });
        }
    }

    /// The attribute tables of readme's newer editor, written in HTML
    /// (`<Table><thead><tr><th>Property</th>…`), in `text` (at `at`).
    pub(super) fn html_grids(&mut self, text: &str, at: usize, attrs: &mut Vec<Attr<'s>>) {
        for table in html_tables(text) {
            let mut rows = table.into_iter();
            let header = rows.next().unwrap_or_default();
            let grid = Grid {
                rows: rows
                    .map(|row| {
                        row.iter()
                            .map(|c| GridCell::from_text(&html_to_markdown(c), at))
                            .collect()
                    })
                    .collect(),
                header: header
                    .iter()
                    .map(|h| html_to_markdown(h).trim().to_owned())
                    .collect(),
            };
            self.grid(grid, at, attrs);
        }
    }

    /// readme's legacy `[block:parameters]` JSON block: `{"data": {"h-0":
    /// "Field", "0-0": "id", …}, "cols": 3, "rows": 2}`.
    pub(super) fn block_grid(&mut self, src: &Range<usize>, attrs: &mut Vec<Attr<'s>>) {
        let text = self.src(src);
        let body = text
            .find('{')
            .and_then(|start| text.rfind('}').map(|end| &text[start..=end]));
        let data = body.and_then(crate::internals::json::parse);
        let Some(data) = data.as_ref().and_then(|d| d.get("data")) else {
            self.warn(
                src.start,
                "found a `[block:parameters]` block whose JSON does not read, expected `{\"data\": {…}, \"cols\": …, \"rows\": …}`; it is not generated",
            );
            return;
        };
        let cell = |key: String| data.get(&key).and_then(Json::as_str).unwrap_or("");
        let cols = (0..)
            .take_while(|c| data.get(&format!("h-{c}")).is_some())
            .count();
        let rows = (0..)
            .take_while(|r| data.get(&format!("{r}-0")).is_some())
            .count();
        let grid = Grid {
            header: (0..cols)
                .map(|c| cell(format!("h-{c}")).trim().to_owned())
                .collect(),
            rows: (0..rows)
                .map(|r| {
                    (0..cols)
                        .map(|c| GridCell::from_text(cell(format!("{r}-{c}")), src.start))
                        .collect()
                })
                .collect(),
        };
        self.grid(grid, src.start, attrs);
    }

    /// The attributes of a table, or a warning that it is not an attribute
    /// table.
    pub(super) fn grid(&mut self, grid: Grid<'s>, at: usize, attrs: &mut Vec<Attr<'s>>) {
        match columns(&grid.header) {
            Some(cols) => self.grid_attrs(grid, &cols, attrs),
            None => self.warn(
                at,
                format!(
                    "found a table with columns `| {} |`, expected an attribute table (a name and a `Type` column) or the values of an `enum` attribute above it; it is not generated",
                    grid.header.join(" | ")
                ),
            ),
        }
    }

    /// A markdown table's cells.
    pub(super) fn markdown_grid(&self, table: &Table<'_>) -> Grid<'s> {
        let rows = table
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| GridCell {
                        text: c.rich.text.trim().to_owned(),
                        link: rich_link(&c.rich),
                        code: code_values(&c.rich),
                        doc: doc_text(self.src(&c.src)),
                        at: c.src.start,
                    })
                    .collect()
            })
            .collect();
        Grid {
            header: header_words(table),
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_tables_read_as_their_rows() {
        let html = "<Table><thead><TR><th>Property</th><th class=\"x\">Type</th></TR></thead>\n\n<tbody><tr><td>id</td><td><code>string</code></td></tr><tr><td>a &amp; b</td><td><a href=\"ref:the-item-object\">Item</a></td></tr></tbody></Table>";
        let tables = html_tables(html);
        assert_eq!(tables.len(), 1);
        let cells: Vec<Vec<String>> = tables[0]
            .iter()
            .map(|row| row.iter().map(|c| html_to_markdown(c)).collect())
            .collect();
        assert_eq!(
            cells,
            [
                vec!["Property", "Type"],
                vec!["id", "`string`"],
                vec!["a & b", "[Item](ref:the-item-object)"]
            ]
        );
        assert_eq!(
            html_to_markdown("one<br>two <b>bold</b> <em>x</em>"),
            "one<br/>two **bold** _x_"
        );
        assert!(html_tables("<p>no table</p>").is_empty());
    }
}
