//! A description's markdown source as doc comment lines.

use crate::internals::ir::Lines;
use crate::internals::text::trim;

/// A description's markdown source as doc comment lines: `N/A` is none,
/// `<br/>` is a line break, escaped table pipes are unescaped.
pub fn doc_text(src: &str) -> Lines<'_> {
    let text = trim(src);
    if text.is_empty() || text == "N/A" {
        return Lines::default();
    }
    if text.contains('<') || text.contains('\\') {
        return Lines::from(joined_lines(&unbreak(text)));
    }
    if !text.contains('\n') {
        // One line, already trimmed (most descriptions, and every table
        // cell): borrowed.
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
