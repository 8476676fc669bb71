//! Stage 1: markdown text to a flat list of blocks (plain data).
//!
//! Only the structure the doc readers need is kept: headings, paragraphs,
//! tables, code blocks, rules and list items, each with its source range so
//! that later stages can point at it. Inline markup is flattened to text with
//! styled ranges (code, strong, emphasis, strikethrough, links).

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The kinds of inline markup that readers look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    Code,
    Strong,
    Emphasis,
    Struck,
    /// A link and its destination.
    Link(String),
}

/// A styled range of [`Rich::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub style: Style,
}

/// Inline content flattened to text, with the ranges that were styled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rich {
    pub text: String,
    pub spans: Vec<Span>,
}

impl Rich {
    /// Whether some span of this style covers all non-blank text.
    pub fn all(&self, pred: impl Fn(&Style) -> bool) -> bool {
        let trimmed = self.text.trim();
        if trimmed.is_empty() {
            return false;
        }
        let start = self.text.len() - self.text.trim_start().len();
        let end = start + trimmed.len();
        self.spans
            .iter()
            .any(|s| pred(&s.style) && s.range.start <= start && s.range.end >= end)
    }

    pub fn links(&self) -> impl Iterator<Item = (&Range<usize>, &str)> {
        self.spans.iter().filter_map(|s| match &s.style {
            Style::Link(dest) => Some((&s.range, dest.as_str())),
            _ => None,
        })
    }
}

/// A table cell or list item: its content and where it is in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub rich: Rich,
    pub src: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
        src: Range<usize>,
    },
    Paragraph {
        rich: Rich,
        src: Range<usize>,
    },
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
        /// The source of each row, to count the cells as written (the
        /// parser pads short rows and drops extra cells).
        row_src: Vec<Range<usize>>,
        src: Range<usize>,
    },
    Code {
        lang: String,
        text: String,
        src: Range<usize>,
    },
    /// A thematic break (`***`, `---`).
    Rule {
        src: Range<usize>,
    },
    ListItem {
        cell: Cell,
    },
    /// Anything else that is not inline content (an HTML block).
    Other {
        src: Range<usize>,
    },
}

impl Block {
    pub fn src(&self) -> &Range<usize> {
        match self {
            Block::Heading { src, .. }
            | Block::Paragraph { src, .. }
            | Block::Table { src, .. }
            | Block::Code { src, .. }
            | Block::Rule { src }
            | Block::Other { src } => src,
            Block::ListItem { cell } => &cell.src,
        }
    }
}

/// A parsed document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The YAML front matter's text (readme.io pages), if any.
    pub front_matter: Option<String>,
    pub blocks: Vec<Block>,
}

/// Builds one [`Rich`] from inline events.
#[derive(Default)]
struct RichBuilder {
    rich: Rich,
    open: Vec<(usize, Style)>,
    start: usize,
}

impl RichBuilder {
    fn new(start: usize) -> Self {
        RichBuilder {
            start,
            ..Self::default()
        }
    }

    fn push(&mut self, s: &str) {
        self.rich.text.push_str(s);
    }

    fn styled(&mut self, style: Style, s: &str) {
        let start = self.rich.text.len();
        self.rich.text.push_str(s);
        let range = start..self.rich.text.len();
        self.rich.spans.push(Span { range, style });
    }

    fn open(&mut self, style: Style) {
        self.open.push((self.rich.text.len(), style));
    }

    fn close(&mut self) {
        if let Some((start, style)) = self.open.pop() {
            let range = start..self.rich.text.len();
            self.rich.spans.push(Span { range, style });
        }
    }

    /// The cell, its source range starting at its first non-blank byte.
    fn finish(mut self, text: &str, end: usize) -> Cell {
        while !self.open.is_empty() {
            self.close();
        }
        let src = text.get(self.start..end).unwrap_or("");
        let start = (self.start + (src.len() - src.trim_start().len())).min(end);
        Cell {
            rich: self.rich,
            src: start..end,
        }
    }
}

/// The table being read.
#[derive(Default)]
struct TableBuilder {
    header: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    row_src: Vec<Range<usize>>,
    row: Vec<Cell>,
    row_start: usize,
    start: usize,
}

/// What the reader is inside of.
enum Leaf {
    None,
    Heading(u8),
    Paragraph,
    Cell,
    Item,
    Code(String, String),
    Front(String),
}

/// Parses `text` into blocks. Never fails: markdown has no syntax errors.
pub fn parse(text: &str) -> Doc {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut doc = Doc::default();
    let mut leaf = Leaf::None;
    let mut rich: Option<RichBuilder> = None;
    let mut item_depth = 0usize;
    let mut table: Option<TableBuilder> = None;
    let mut in_head = false;

    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    leaf = Leaf::Heading(heading_level(level));
                    rich = Some(RichBuilder::new(range.start));
                }
                Tag::Paragraph if item_depth == 0 => {
                    leaf = Leaf::Paragraph;
                    rich = Some(RichBuilder::new(range.start));
                }
                Tag::Paragraph => {
                    if let Some(b) = rich.as_mut().filter(|b| !b.rich.text.is_empty()) {
                        b.push("\n");
                    }
                }
                Tag::Item => {
                    item_depth += 1;
                    if item_depth == 1 {
                        leaf = Leaf::Item;
                        rich = Some(RichBuilder::new(range.start));
                    } else if let Some(b) = rich.as_mut() {
                        b.push("\n");
                    }
                }
                Tag::Table(_) => {
                    table = Some(TableBuilder {
                        start: range.start,
                        ..TableBuilder::default()
                    })
                }
                Tag::TableHead => in_head = true,
                Tag::TableRow => {
                    if let Some(t) = table.as_mut() {
                        t.row_start = range.start;
                    }
                }
                Tag::TableCell => {
                    leaf = Leaf::Cell;
                    rich = Some(RichBuilder::new(range.start));
                }
                Tag::CodeBlock(kind) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_owned()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    leaf = Leaf::Code(lang, String::new());
                }
                Tag::MetadataBlock(_) => leaf = Leaf::Front(String::new()),
                Tag::Emphasis => open(&mut rich, Style::Emphasis),
                Tag::Strong => open(&mut rich, Style::Strong),
                Tag::Strikethrough => open(&mut rich, Style::Struck),
                Tag::Link { dest_url, .. } => open(&mut rich, Style::Link(dest_url.to_string())),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(_) => {
                    if let (Leaf::Heading(level), Some(b)) = (&leaf, rich.take()) {
                        let cell = b.finish(text, range.end);
                        let text = cell.rich.text.trim().to_owned();
                        doc.blocks.push(Block::Heading {
                            level: *level,
                            text,
                            src: cell.src,
                        });
                    }
                    leaf = Leaf::None;
                }
                TagEnd::Paragraph if item_depth == 0 => {
                    if let Some(b) = rich.take() {
                        let cell = b.finish(text, range.end);
                        doc.blocks.push(Block::Paragraph {
                            rich: cell.rich,
                            src: cell.src,
                        });
                    }
                    leaf = Leaf::None;
                }
                TagEnd::Item => {
                    item_depth = item_depth.saturating_sub(1);
                    if item_depth == 0 {
                        if let Some(b) = rich.take() {
                            doc.blocks.push(Block::ListItem {
                                cell: b.finish(text, range.end),
                            });
                        }
                        leaf = Leaf::None;
                    }
                }
                TagEnd::TableCell => {
                    if let (Some(b), Some(t)) = (rich.take(), table.as_mut()) {
                        let cell = b.finish(text, range.end);
                        if in_head {
                            t.header.push(cell)
                        } else {
                            t.row.push(cell)
                        }
                    }
                    leaf = Leaf::None;
                }
                TagEnd::TableHead => in_head = false,
                TagEnd::TableRow => {
                    if let Some(t) = table.as_mut() {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                        t.row_src.push(t.row_start..range.end);
                    }
                }
                TagEnd::Table => {
                    if let Some(t) = table.take() {
                        doc.blocks.push(Block::Table {
                            header: t.header,
                            rows: t.rows,
                            row_src: t.row_src,
                            src: t.start..range.end,
                        });
                    }
                }
                TagEnd::CodeBlock => {
                    if let Leaf::Code(lang, body) = std::mem::replace(&mut leaf, Leaf::None) {
                        doc.blocks.push(Block::Code {
                            lang,
                            text: body,
                            src: range,
                        });
                    }
                }
                TagEnd::MetadataBlock(_) => {
                    if let Leaf::Front(body) = std::mem::replace(&mut leaf, Leaf::None) {
                        doc.front_matter = Some(body);
                    }
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                    if let Some(b) = rich.as_mut() {
                        b.close();
                    }
                }
                _ => {}
            },
            Event::Text(s) => match &mut leaf {
                Leaf::Code(_, body) | Leaf::Front(body) => body.push_str(&s),
                _ => push(&mut rich, &s),
            },
            Event::Code(s) => {
                if let Some(b) = rich.as_mut() {
                    b.styled(Style::Code, &s);
                }
            }
            Event::InlineHtml(s) | Event::Html(s) => match rich.as_mut() {
                Some(b) => b.push(&s),
                None if matches!(leaf, Leaf::None) => doc.blocks.push(Block::Other { src: range }),
                None => {}
            },
            Event::SoftBreak => push(&mut rich, " "),
            Event::HardBreak => push(&mut rich, "\n"),
            Event::Rule => doc.blocks.push(Block::Rule { src: range }),
            _ => {}
        }
    }
    doc
}

/// How many cells a table row's source line has: its unescaped pipes,
/// less the optional leading and trailing ones, plus one.
pub fn written_cells(row: &str) -> usize {
    let line = row.lines().next().unwrap_or("").trim();
    let (mut pipes, mut first, mut last) = (0, None, None);
    for (i, _) in line.match_indices('|') {
        // A pipe after an odd number of backslashes is escaped.
        let escaped = line.as_bytes()[..i].ends_with(b"\\")
            && line[..i].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1;
        if !escaped {
            pipes += 1;
            first.get_or_insert(i);
            last = Some(i);
        }
    }
    let mut n = pipes + 1;
    if first == Some(0) {
        n -= 1;
    }
    if line.len() > 1 && last == Some(line.len() - 1) {
        n -= 1;
    }
    n
}

fn open(rich: &mut Option<RichBuilder>, style: Style) {
    if let Some(b) = rich.as_mut() {
        b.open(style);
    }
}

fn push(rich: &mut Option<RichBuilder>, s: &str) {
    if let Some(b) = rich.as_mut() {
        b.push(s);
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_fields_table() {
        let text = "# AccessToken\n\nA token.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | T::Array<[X](../x.md)> | :heavy_check_mark: | N/A |\n";
        let doc = parse(text);
        assert!(
            matches!(&doc.blocks[0], Block::Heading { level: 1, text, .. } if text == "AccessToken")
        );
        assert!(matches!(&doc.blocks[1], Block::Paragraph { rich, .. } if rich.text == "A token."));
        assert!(
            matches!(&doc.blocks[2], Block::Heading { level: 2, text, .. } if text == "Fields")
        );
        let Block::Table { header, rows, .. } = &doc.blocks[3] else {
            panic!("no table: {doc:?}")
        };
        let names: Vec<&str> = header.iter().map(|c| c.rich.text.as_str()).collect();
        assert_eq!(names, ["Field", "Type", "Required", "Description"]);
        assert_eq!(rows.len(), 1);
        let name = &rows[0][0];
        assert_eq!(name.rich.text, "a");
        assert!(name.rich.all(|s| *s == Style::Code));
        let ty = &rows[0][1].rich;
        assert_eq!(ty.text, "T::Array<X>");
        let links: Vec<_> = ty.links().collect();
        assert_eq!(links, [(&(9..10), "../x.md")]);
        assert_eq!(&text[rows[0][3].src.clone()].trim(), &"N/A");
    }

    #[test]
    fn counts_written_cells() {
        assert_eq!(written_cells("| a | b |"), 2);
        assert_eq!(written_cells("a | b"), 2);
        assert_eq!(written_cells("| a \\| b | c |"), 2);
        // An escaped backslash does not escape the pipe after it.
        assert_eq!(written_cells("| a \\\\| b |"), 2);
        assert_eq!(written_cells("| a \\\\\\| b |"), 1);
        assert_eq!(written_cells("| a | b | c"), 3);
        assert_eq!(written_cells("|"), 1);
        let doc = parse("| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n");
        let Block::Table {
            header,
            rows,
            row_src,
            ..
        } = &doc.blocks[0]
        else {
            panic!("{doc:?}")
        };
        assert_eq!(header.len(), 2);
        assert_eq!(rows.len(), 2);
        let text = "| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n";
        let counts: Vec<usize> = row_src
            .iter()
            .map(|r| written_cells(&text[r.clone()]))
            .collect();
        assert_eq!(counts, [1, 3]);
    }

    #[test]
    fn keeps_escaped_and_html_like_generics() {
        let doc = parse("| T |\n| - |\n| *Optional\\<String>* |\n| List<Foo> |\n");
        let Block::Table { rows, .. } = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        assert_eq!(rows[0][0].rich.text, "Optional<String>");
        assert_eq!(rows[1][0].rich.text, "List<Foo>");
    }

    #[test]
    fn reads_front_matter_rules_code_and_strikethrough() {
        let text = "---\ntitle: \"X\"\n---\n## Attributes\n\n**token** string  \n_Desc._\n\n***\n\n~~old~~\n\n```json\n{}\n```\n- one\n- two\n";
        let doc = parse(text);
        assert_eq!(doc.front_matter.as_deref(), Some("title: \"X\"\n"));
        let Block::Paragraph { rich, .. } = &doc.blocks[1] else {
            panic!("{doc:?}")
        };
        assert_eq!(rich.text, "token string\nDesc.");
        assert_eq!(
            rich.spans[0],
            Span {
                range: 0..5,
                style: Style::Strong
            }
        );
        assert!(matches!(doc.blocks[2], Block::Rule { .. }));
        let Block::Paragraph { rich, .. } = &doc.blocks[3] else {
            panic!("{doc:?}")
        };
        assert!(rich.all(|s| *s == Style::Struck));
        assert!(
            matches!(&doc.blocks[4], Block::Code { lang, text, .. } if lang == "json" && text == "{}\n")
        );
        assert!(matches!(&doc.blocks[5], Block::ListItem { cell } if cell.rich.text == "one"));
    }
}
