//! A description's markdown source as doc comment lines.

use crate::internals::ir::Lines;
use crate::internals::markdown::Table;
use crate::internals::text::trim;

/// A description's markdown source as doc comment lines: `N/A` is none,
/// `<br/>` is a line break, escaped table pipes are unescaped.
pub fn doc_text(src: &str) -> Lines<'_> {
    doc_lines(src, true, true)
}

/// [`doc_text`] of a cell of `table`, whose source is on one line (a
/// table row is), so only `<br/>` breaks it; not searched for a backslash
/// when its table has none.
pub fn cell_doc_text<'s>(src: &'s str, table: &Table<'_>) -> Lines<'s> {
    doc_lines(src, false, table.backslash)
}

/// `backslash`: whether `src` may hold a backslash.
fn doc_lines(src: &str, multiline: bool, backslash: bool) -> Lines<'_> {
    let text = trim(src);
    if text.is_empty() || text == "N/A" {
        return Lines::default();
    }
    if text.contains('<') || (backslash && text.contains('\\')) {
        return Lines::from(joined_lines(&unbreak(text)));
    }
    if !multiline || !text.contains('\n') {
        // One line, already trimmed (most descriptions): borrowed. (A table
        // cell is part of one line of the spec.)
        return Lines::line(text);
    }
    Lines::from(joined_lines(text))
}

/// `text` with its `<br/>`, `<br />` and `<br>` made line breaks and its
/// escaped pipes (`\|`) unescaped: what replacing each in turn gives (no
/// replacement can make or break another's match), in one pass over the
/// text instead of four.
fn unbreak(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pieces = text.split('<');
    out.push_str(pieces.next().unwrap_or(""));
    for piece in pieces {
        match ["br/>", "br />", "br>"]
            .iter()
            .find_map(|br| piece.strip_prefix(br))
        {
            Some(after) => {
                out.push('\n');
                out.push_str(after);
            }
            None => {
                out.push('<');
                out.push_str(piece);
            }
        }
    }
    if out.contains("\\|") {
        out = out.replace("\\|", "|");
    }
    out
}

/// `text`'s lines trimmed, less blank ones at its end, joined by `\n`.
fn joined_lines(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_owned();
    }
    let mut lines: Vec<&str> = text.lines().map(trim).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::internals::markdown::{self, Block};

    #[test]
    fn doc_text_follows_the_conventions() {
        assert!(doc_text(" N/A ").is_empty());
        assert_eq!(doc_text("One.<br/>Two.<br/>"), ["One.", "Two."]);
        assert_eq!(doc_text("a \\| b"), ["a | b"]);
        assert_eq!(
            doc_text("  plain\n  two lines \n\n"),
            ["plain", "two lines"]
        );
        assert_eq!(doc_text("a <b>bold</b> <br>c"), ["a <b>bold</b>", "c"]);
        // A table cell's text is one line but for its `<br/>`s; whether
        // it may hold a backslash is told by its table's source.
        for one_line in [
            " N/A ",
            "One.<br/>Two.<br/>",
            "a \\| b",
            " one line ",
            "a <br>c",
        ] {
            let doc = format!("| A |\n| - |\n|{one_line}|\n");
            let parsed = markdown::parse(&doc);
            let Some(Block::Table(table)) = parsed.blocks.first() else {
                panic!("{doc:?}")
            };
            let cell = &table.body[0];
            assert_eq!(
                cell_doc_text(&doc[cell.src.clone()], table),
                doc_text(one_line),
                "{one_line:?}"
            );
        }
    }

    #[test]
    fn line_breaks_and_escaped_pipes_are_replaced_in_one_pass_as_in_four() {
        // Every text of up to six of these characters.
        let alphabet = ['<', 'b', 'r', '/', '>', ' ', '\\', '|'];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..6 {
            last = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        for text in texts
            .iter()
            .map(String::as_str)
            .chain(["a<br/>b<br />c<br>d \\| e <b>f</b>"])
        {
            let four = text
                .replace("<br/>", "\n")
                .replace("<br />", "\n")
                .replace("<br>", "\n")
                .replace("\\|", "|");
            assert_eq!(unbreak(text), four, "{text:?}");
        }
    }
}
