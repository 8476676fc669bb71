//! Stage 1: markdown text to a flat list of blocks (plain data).
//!
//! Only the structure the doc readers need is kept: headings, paragraphs,
//! tables, code blocks, rules and list items, each with its source range so
//! that later stages can point at it. Inline markup is flattened to text with
//! styled ranges (code, strong, emphasis, strikethrough, links).

use super::few::Few;
use super::text::{trim, trim_end, trim_start};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

/// The kinds of inline markup that readers look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style<'a> {
    Code,
    Strong,
    Emphasis,
    Struck,
    /// A link and its destination.
    Link(Cow<'a, str>),
}

/// A styled range of [`Rich::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span<'a> {
    pub range: Range<usize>,
    pub style: Style<'a>,
}

/// Inline content flattened to text, with the ranges that were styled.
///
/// The text borrows the spec when it is one stretch of it (most cells: no
/// escapes, entities or breaks inside), so reading a table copies little.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rich<'a> {
    pub text: Cow<'a, str>,
    pub spans: Spans<'a>,
}

/// The styled ranges of a [`Rich`], in the order they close. Most cells
/// have none or one (`*Optional[str]*`, `` `token` ``).
pub type Spans<'a> = Few<Span<'a>>;

impl Rich<'_> {
    /// Whether some span of this style covers all non-blank text.
    pub fn all(&self, pred: impl Fn(&Style) -> bool) -> bool {
        // First whether any span has the style (most cells: none).
        let mut styled = false;
        for s in self.spans.iter() {
            styled |= pred(&s.style);
        }
        if !styled {
            return false;
        }
        let text = trim_start(&self.text);
        let start = self.text.len() - text.len();
        let end = start + trim_end(text).len();
        if start == end {
            return false;
        }
        // A loop: `any` is a chain of calls when the macro runs unoptimised.
        for s in self.spans.iter() {
            if pred(&s.style) && s.range.start <= start && s.range.end >= end {
                return true;
            }
        }
        false
    }
}

/// A table cell or list item: its content and where it is in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    pub rich: Rich<'a>,
    pub src: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    Heading {
        level: u8,
        text: Cow<'a, str>,
        src: Range<usize>,
    },
    Paragraph {
        rich: Rich<'a>,
        src: Range<usize>,
    },
    Table(Table<'a>),
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
        cell: Cell<'a>,
    },
    /// Anything else that is not inline content (an HTML block).
    Other {
        src: Range<usize>,
    },
}

/// A table: its header, and its body's cells row after row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<'a> {
    pub header: Vec<Cell<'a>>,
    /// The body's cells in one list, every row as wide as the header (the
    /// parser pads short rows and drops extra cells): one allocation per
    /// table, not one per row.
    pub body: Vec<Cell<'a>>,
    /// The source of each row, to count the cells as written.
    pub row_src: Vec<Range<usize>>,
    pub src: Range<usize>,
}

impl<'a> Table<'a> {
    /// Each body row's source and how many cells it has as written (see
    /// [`cells_written`]); `text` is the doc's.
    pub fn rows_written<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (&'t Range<usize>, usize)> + 't {
        self.rows()
            .zip(&self.row_src)
            .map(move |(row, src)| (src, cells_written(row, src, text)))
    }

    /// The body's rows, each a slice of [`Table::header`]'s width.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[Cell<'a>]> + Clone {
        let width = self.header.len();
        (0..self.row_src.len()).map(move |k| {
            self.body
                .get(k * width..(k + 1) * width)
                .unwrap_or_default()
        })
    }
}

impl Block<'_> {
    pub fn src(&self) -> &Range<usize> {
        match self {
            Block::Heading { src, .. }
            | Block::Paragraph { src, .. }
            | Block::Table(Table { src, .. })
            | Block::Code { src, .. }
            | Block::Rule { src }
            | Block::Other { src } => src,
            Block::ListItem { cell } => &cell.src,
        }
    }
}

/// A parsed document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc<'a> {
    /// The YAML front matter's text (readme.io pages), if any.
    pub front_matter: Option<String>,
    pub blocks: Vec<Block<'a>>,
}

/// Bytes of room a cell's text gets beyond its first two pieces when
/// markup splits it and it must be copied.
const SLACK: usize = 16;

/// Builds one [`Rich`] at a time from inline events: one builder serves a
/// doc's every heading, paragraph, list item and cell in turn (moving a
/// fresh one in and out for each cost more than the cell's text).
struct RichBuilder<'a> {
    /// The whole spec, of which borrowed text is a stretch.
    source: &'a str,
    /// Whether a cell is being built: inline events outside one are not
    /// kept.
    active: bool,
    rich: Rich<'a>,
    open: Vec<(usize, Style<'a>)>,
    start: usize,
}

/// No text yet. Not `Rich::default()`: a default `Cow` is an owned `String`.
fn empty_rich<'a>() -> Rich<'a> {
    Rich {
        text: Cow::Borrowed(""),
        spans: Spans::default(),
    }
}

impl<'a> RichBuilder<'a> {
    fn new(source: &'a str) -> Self {
        RichBuilder {
            source,
            active: false,
            rich: empty_rich(),
            open: Vec::new(),
            start: 0,
        }
    }

    /// Starts a cell at `start` (dropping one left unfinished).
    fn begin(&mut self, start: usize) {
        if self.active {
            self.discard();
        }
        self.active = true;
        self.start = start;
    }

    /// Drops an unfinished cell (out of line: it is rare).
    #[cold]
    fn discard(&mut self) {
        self.rich = empty_rich();
        self.open.clear();
    }

    /// Appends an event's text, still borrowing the spec while all text so
    /// far is one stretch of it.
    fn push(&mut self, s: &CowStr<'a>) {
        match s {
            CowStr::Borrowed(s) => self.push_str(s),
            s => self.rich.text.to_mut().push_str(s),
        }
    }

    fn push_str(&mut self, s: &'a str) {
        if s.is_empty() {
            return;
        }
        if let Cow::Borrowed(text) = self.rich.text {
            let joined = if text.is_empty() {
                Some(s)
            } else {
                adjacent(self.source, text, s)
            };
            self.rich.text = match joined {
                Some(joined) => Cow::Borrowed(joined),
                None => Cow::Owned(split(text, s)),
            };
            return;
        }
        self.rich.text.to_mut().push_str(s);
    }

    fn styled(&mut self, style: Style<'a>, s: &CowStr<'a>) {
        let start = self.rich.text.len();
        self.push(s);
        let range = start..self.rich.text.len();
        self.rich.spans.push(Span { range, style });
    }

    fn open(&mut self, style: Style<'a>) {
        self.open.push((self.rich.text.len(), style));
    }

    fn close(&mut self) {
        if let Some((start, style)) = self.open.pop() {
            let range = start..self.rich.text.len();
            self.rich.spans.push(Span { range, style });
        }
    }

    /// The cell begun last, ending at `end`, its source range starting at
    /// its first non-blank byte; `None` when no cell is being built.
    fn finish(&mut self, end: usize) -> Option<Cell<'a>> {
        if !self.active {
            return None;
        }
        self.active = false;
        while !self.open.is_empty() {
            self.close();
        }
        // Past the blanks a cell starts with: spaces and tabs byte by byte,
        // and from anything but a visible ASCII character on by
        // `trim_start` (other blanks, Unicode spaces).
        let bytes = self.source.as_bytes();
        let mut start = self.start;
        while start < end && matches!(bytes.get(start), Some(b' ' | b'\t')) {
            start += 1;
        }
        if start < end && bytes.get(start).is_some_and(|b| !b.is_ascii_graphic()) {
            let src = self.source.get(start..end).unwrap_or("");
            start += src.len() - trim_start(src).len();
        }
        let start = start.min(end);
        Some(Cell {
            rich: std::mem::replace(&mut self.rich, empty_rich()),
            src: start..end,
        })
    }
}

/// `text` and `more`, which markup split, copied into one string with room
/// for the rest of a short cell (`List[*str*]` comes in three pieces), so
/// that it is not moved again as it grows. Out of line: most cells are one
/// stretch of the spec.
#[cold]
fn split(text: &str, more: &str) -> String {
    let mut owned = String::with_capacity(text.len() + more.len() + SLACK);
    owned.push_str(text);
    owned.push_str(more);
    owned
}

/// `a` and `b` joined, when both are stretches of `source` and `b` starts
/// where `a` ends.
fn adjacent<'a>(source: &'a str, a: &str, b: &str) -> Option<&'a str> {
    let base = source.as_ptr() as usize;
    let start = (a.as_ptr() as usize).checked_sub(base)?;
    let mid = (b.as_ptr() as usize).checked_sub(base)?;
    if mid != start + a.len() {
        return None;
    }
    // In bounds only if both lie inside `source`: then they are its bytes.
    source.get(start..mid + b.len())
}

/// pulldown-cmark's string as a `Cow`, still borrowing if it did.
fn cow(s: CowStr<'_>) -> Cow<'_, str> {
    match s {
        CowStr::Borrowed(s) => Cow::Borrowed(s),
        s => Cow::Owned(s.to_string()),
    }
}

/// `text` without leading and trailing blanks, copied only if it must be.
fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(trim(s)),
        Cow::Owned(s) if trim(&s).len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(trim(&s).to_owned()),
    }
}

/// The table being read.
#[derive(Default)]
struct TableBuilder<'a> {
    header: Vec<Cell<'a>>,
    body: Vec<Cell<'a>>,
    row_src: Vec<Range<usize>>,
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
pub fn parse(text: &str) -> Doc<'_> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    // Room for a model doc's blocks (title, description, a section or two
    // and their tables, an example): grown a few times otherwise.
    let mut doc = Doc {
        front_matter: None,
        blocks: Vec::with_capacity(16),
    };
    let mut leaf = Leaf::None;
    let mut rich = RichBuilder::new(text);
    let mut item_depth = 0usize;
    let mut table: Option<TableBuilder> = None;
    let mut in_head = false;

    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        // By reference: moving each event's tag or text out of it cost more
        // than reading it in place (5 M instructions for 1,000 specs).
        match &event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    leaf = Leaf::Heading(heading_level(*level));
                    rich.begin(range.start);
                }
                Tag::Paragraph if item_depth == 0 => {
                    leaf = Leaf::Paragraph;
                    rich.begin(range.start);
                }
                Tag::Paragraph if rich.active && !rich.rich.text.is_empty() => {
                    rich.push_str("\n");
                }
                Tag::Item => {
                    item_depth += 1;
                    if item_depth == 1 {
                        leaf = Leaf::Item;
                        rich.begin(range.start);
                    } else if rich.active {
                        rich.push_str("\n");
                    }
                }
                Tag::Table(alignments) => {
                    // A cell per column, and room for as many rows as most
                    // model tables have (counting the source's lines first
                    // would cost more than growing, unoptimised).
                    let rows = 16;
                    table = Some(TableBuilder {
                        start: range.start,
                        header: Vec::with_capacity(alignments.len()),
                        body: Vec::with_capacity(rows * alignments.len()),
                        row_src: Vec::with_capacity(rows),
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
                    rich.begin(range.start);
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
                Tag::Link { dest_url, .. } => open(&mut rich, Style::Link(cow(dest_url.clone()))),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(_) => {
                    if let (Leaf::Heading(level), Some(cell)) = (&leaf, rich.finish(range.end)) {
                        doc.blocks.push(Block::Heading {
                            level: *level,
                            text: trimmed(cell.rich.text),
                            src: cell.src,
                        });
                    }
                    leaf = Leaf::None;
                }
                TagEnd::Paragraph if item_depth == 0 => {
                    if let Some(cell) = rich.finish(range.end) {
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
                        if let Some(cell) = rich.finish(range.end) {
                            doc.blocks.push(Block::ListItem { cell });
                        }
                        leaf = Leaf::None;
                    }
                }
                TagEnd::TableCell => {
                    if let (Some(cell), Some(t)) = (rich.finish(range.end), table.as_mut()) {
                        if in_head {
                            t.header.push(cell)
                        } else {
                            t.body.push(cell)
                        }
                    }
                    leaf = Leaf::None;
                }
                TagEnd::TableHead => in_head = false,
                TagEnd::TableRow => {
                    if let Some(t) = table.as_mut() {
                        // The parser makes every row as wide as the header;
                        // should one not be, it is cut or padded to fit.
                        let end = (t.row_src.len() + 1) * t.header.len();
                        if t.body.len() != end {
                            t.body.truncate(end);
                            t.body.resize(
                                end,
                                Cell {
                                    rich: Rich::default(),
                                    src: range.end..range.end,
                                },
                            );
                        }
                        t.row_src.push(t.row_start..range.end);
                    }
                }
                TagEnd::Table => {
                    if let Some(t) = table.take() {
                        let src = t.start..range.end;
                        doc.blocks.push(Block::Table(Table {
                            header: t.header,
                            body: t.body,
                            row_src: t.row_src,
                            src,
                        }));
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
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link
                    if rich.active =>
                {
                    rich.close();
                }
                _ => {}
            },
            Event::Text(s) => match &mut leaf {
                Leaf::Code(_, body) | Leaf::Front(body) => body.push_str(s),
                _ => push(&mut rich, s),
            },
            Event::Code(s) if rich.active => rich.styled(Style::Code, s),
            Event::InlineHtml(s) | Event::Html(s) => {
                if rich.active {
                    rich.push(s);
                } else if matches!(leaf, Leaf::None) {
                    doc.blocks.push(Block::Other { src: range });
                }
            }
            Event::SoftBreak => push(&mut rich, &CowStr::Borrowed(" ")),
            Event::HardBreak => push(&mut rich, &CowStr::Borrowed("\n")),
            Event::Rule => doc.blocks.push(Block::Rule { src: range }),
            _ => {}
        }
    }
    doc
}

/// How many cells a table row has as written: `row.len()` when its cells
/// show that the parser kept them all (none padded at the row's end, no
/// more than a closing pipe after the last, no backslash that could escape
/// a pipe), else counted
/// from the source by [`written_cells`]. `src` is the row's source range
/// in `text`.
fn cells_written(row: &[Cell<'_>], src: &Range<usize>, text: &str) -> usize {
    let line = text.get(src.clone()).unwrap_or("");
    let padded = row.iter().any(|c| c.src.start >= src.end);
    let after = row.last().map_or(src.start, |c| c.src.end);
    let tail = trim(text.get(after..src.end).unwrap_or("|?"));
    if !padded && (tail.is_empty() || tail == "|") && !line.contains('\\') {
        row.len()
    } else {
        written_cells(line)
    }
}

/// How many cells a table row's source line has: its unescaped pipes,
/// less the optional leading and trailing ones, plus one.
pub fn written_cells(row: &str) -> usize {
    let line = trim(row.lines().next().unwrap_or(""));
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

fn open<'a>(rich: &mut RichBuilder<'a>, style: Style<'a>) {
    if rich.active {
        rich.open(style);
    }
}

fn push<'a>(rich: &mut RichBuilder<'a>, s: &CowStr<'a>) {
    if rich.active {
        rich.push(s);
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
        let Block::Table(table) = &doc.blocks[3] else {
            panic!("no table: {doc:?}")
        };
        let (header, rows): (_, Vec<_>) = (&table.header, table.rows().collect());
        let names: Vec<&str> = header.iter().map(|c| &*c.rich.text).collect();
        assert_eq!(names, ["Field", "Type", "Required", "Description"]);
        assert_eq!(rows.len(), 1);
        let name = &rows[0][0];
        assert_eq!(name.rich.text, "a");
        assert!(name.rich.all(|s| *s == Style::Code));
        let ty = &rows[0][1].rich;
        assert_eq!(ty.text, "T::Array<X>");
        let links: Vec<_> = ty
            .spans
            .iter()
            .filter_map(|s| match &s.style {
                Style::Link(dest) => Some((s.range.clone(), &**dest)),
                _ => None,
            })
            .collect();
        assert_eq!(links, [(9..10, "../x.md")]);
        assert_eq!(&text[rows[0][3].src.clone()].trim(), &"N/A");
    }

    #[test]
    fn cell_text_borrows_the_spec_when_it_is_one_stretch_of_it() {
        // pulldown-cmark splits `Nullable[bool]` into four adjacent events;
        // the escape in `Optional\<String>` skips a byte, so that text is
        // copied.
        let text = "| T |\n| - |\n| *Nullable[bool]* |\n| *Optional\\<String>* |\n";
        let doc = parse(text);
        let Block::Table(table) = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        let rows: Vec<_> = table.rows().collect();
        assert!(matches!(
            rows[0][0].rich.text,
            Cow::Borrowed("Nullable[bool]")
        ));
        assert!(matches!(&rows[1][0].rich.text, Cow::Owned(s) if s == "Optional<String>"));
        // Text from elsewhere (a static line break) is never joined to it.
        assert_eq!(adjacent(text, &text[2..3], "\n"), None);
        assert_eq!(adjacent(text, &text[2..3], &text[3..5]), Some(&text[2..5]));
        assert_eq!(adjacent(text, &text[2..3], &text[4..5]), None);
    }

    #[test]
    fn a_heading_inside_a_list_item_starts_afresh() {
        // The item's text so far is dropped with the item, as before the
        // builder was reused.
        let doc = parse("- text\n  # Title\n");
        let blocks: Vec<String> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level, text, .. } => format!("h{level} {text}"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(blocks, ["h1 Title"]);
    }

    #[test]
    fn a_cell_starts_at_its_first_non_blank_character() {
        for blank in ["", " ", "  \t ", "\u{a0}", " \u{2003} ", "\x0b", " \x0c "] {
            for content in ["x", "`x`", "é", "\u{1}"] {
                let text = format!("| h | i |\n| - | - |\n|{blank}{content} | |\n");
                let doc = parse(&text);
                let Some(Block::Table(table)) = doc.blocks.first() else {
                    panic!("{text:?}: {:?}", doc.blocks)
                };
                let cell = &table.body[0];
                let row = table.row_src[0].start;
                let before = &text[row..cell.src.start];
                assert!(
                    before.trim_start_matches('|').trim().is_empty()
                        && text[cell.src.start..].starts_with(content),
                    "{text:?}: the cell starts at {}",
                    cell.src.start
                );
                // An empty cell starts where it ends.
                assert_eq!(table.body[1].src.start, table.body[1].src.end, "{text:?}");
            }
        }
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
        let Block::Table(table) = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        assert_eq!(table.header.len(), 2);
        // Rows as wide as the header, however they were written.
        let rows: Vec<Vec<&str>> = table
            .rows()
            .map(|r| r.iter().map(|c| &*c.rich.text).collect())
            .collect();
        assert_eq!(rows, [["1", ""], ["1", "2"]]);
        let row_src = &table.row_src;
        let text = "| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n";
        let counts: Vec<usize> = row_src
            .iter()
            .map(|r| written_cells(&text[r.clone()]))
            .collect();
        assert_eq!(counts, [1, 3]);
        let written: Vec<usize> = table.rows_written(text).map(|(_, n)| n).collect();
        assert_eq!(written, [1, 3]);
        // A row with an escaped pipe is counted from its source.
        let text = "| a | b |\n| - | - |\n| 1 | x<br/>y |\n| \\| 2 | 3 |\n";
        let doc = parse(text);
        let Block::Table(table) = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        let written: Vec<usize> = table.rows_written(text).map(|(_, n)| n).collect();
        assert_eq!(written, [2, 2]);
    }

    #[test]
    fn keeps_escaped_and_html_like_generics() {
        let doc = parse("| T |\n| - |\n| *Optional\\<String>* |\n| List<Foo> |\n");
        let Block::Table(table) = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        let rows: Vec<_> = table.rows().collect();
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
