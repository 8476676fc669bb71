//! One place where every problem found in the specs is collected, so that a
//! single expansion reports all of them at once (as serde_derive's `Ctxt`).

use super::text::newlines;
use std::fmt;

/// A position in a spec file, 1-based, as editors and terminals show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub const fn new(line: u32, col: u32) -> Self {
        Pos { line, col }
    }
}

/// Turns byte offsets of one text into line and column. It walks forward
/// from the line of the offset asked for last, so offsets asked for in
/// order (as a reader meets them) cost one pass over the text in all, with
/// nothing allocated; an earlier offset starts again from the top.
#[derive(Debug, Default)]
pub struct LineCursor {
    /// The 0-based line of the last offset asked for.
    line: usize,
    /// Where that line starts.
    start: usize,
}

impl LineCursor {
    /// The position of byte `offset` of `text` (the text every call
    /// gives); the column counts characters, not bytes.
    pub fn pos(&mut self, text: &str, offset: usize) -> Pos {
        let offset = offset.min(text.len());
        if offset < self.start {
            *self = LineCursor::default();
        }
        let (count, past_last) = newlines(text.as_bytes().get(self.start..offset).unwrap_or(&[]));
        if let Some(past_last) = past_last {
            self.line += count;
            self.start += past_last;
        }
        let col = text
            .get(self.start..offset)
            .map_or(offset - self.start, |s| s.chars().count());
        Pos::new(to_u32(self.line + 1), to_u32(col + 1))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whose problem a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something the user controls (a setting, the macro's arguments, a
    /// folder that cannot be read): the build fails.
    Error,
    /// A vendor doc's quirk the user cannot fix, for which a lossless
    /// fallback was generated (`serde_json::Value`, a rename): a compiler
    /// warning, an error under `strict`.
    Warning,
}

/// One problem: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The spec's path relative to the invoking crate, or empty when the
    /// problem is not in one file (a missing directory).
    pub path: String,
    pub pos: Option<Pos>,
    pub message: String,
}

impl Diagnostic {
    /// What kind of problem this is: the message with what it quotes
    /// (between backticks) and its suggestion left out, so that one quirk
    /// met in 600 docs is one kind.
    pub fn kind(&self) -> String {
        let message = self.message.split("; did you mean").next().unwrap_or("");
        let mut kind = String::with_capacity(message.len());
        for (k, part) in message.split('`').enumerate() {
            kind.push_str(if k % 2 == 0 { part } else { "…" });
        }
        kind
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.path.is_empty(), self.pos) {
            (true, _) => f.write_str(&self.message),
            (false, Some(p)) => write!(f, "{}:{}:{}: {}", self.path, p.line, p.col, self.message),
            (false, None) => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Accumulates diagnostics; every stage takes `&mut Diagnostics` and goes on
/// after an error so that later problems are reported too.
#[derive(Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn error_at(&mut self, path: &str, pos: Pos, message: impl Into<String>) {
        self.list.push(Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            pos: Some(pos),
            message: message.into(),
        });
    }

    /// A vendor doc's quirk at `pos`, for which a fallback was generated.
    pub fn warn_at(&mut self, path: &str, pos: Pos, message: impl Into<String>) {
        self.list.push(Diagnostic {
            severity: Severity::Warning,
            path: path.to_owned(),
            pos: Some(pos),
            message: message.into(),
        });
    }

    pub fn error_in(&mut self, path: &str, message: impl Into<String>) {
        self.list.push(Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            pos: None,
            message: message.into(),
        });
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds `other`'s diagnostics (found on another thread) to these.
    pub fn append(&mut self, mut other: Diagnostics) {
        self.list.append(&mut other.list);
    }

    /// Keeps only the diagnostics `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.list.retain(keep);
    }

    /// All diagnostics, sorted by file and position.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.list
            .sort_by(|a, b| (&a.path, a.pos).cmp(&(&b.path, b.pos)));
        self.list.dedup();
        self.list
    }
}

/// The candidate closest to `word` (edit distance, ignoring case), if it is
/// close enough to be a likely fix: `"; did you mean `X`?"`, or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let word_lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    let best = candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (edit_distance(&word_lower, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c.len()));
    best.map_or_else(String::new, |(_, c)| format!("; did you mean `{c}`?"))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_cursor_counts_characters_in_any_order() {
        let text = "ab\nçd\n\nx";
        let mut lines = LineCursor::default();
        assert_eq!(lines.pos(text, 0), Pos::new(1, 1));
        assert_eq!(lines.pos(text, 3), Pos::new(2, 1));
        // 'd' is after the two-byte 'ç'.
        assert_eq!(lines.pos(text, 5), Pos::new(2, 2));
        assert_eq!(lines.pos(text, 7), Pos::new(3, 1));
        assert_eq!(lines.pos(text, 8), Pos::new(4, 1));
        assert_eq!(lines.pos(text, 100), Pos::new(4, 2));
        // Backwards: from the top again.
        assert_eq!(lines.pos(text, 2), Pos::new(1, 3));
        assert_eq!(lines.pos(text, 6), Pos::new(2, 3));
    }

    #[test]
    fn suggests_near_names_only() {
        let words = ["String", "Integer", "wire_names", "dialect"];
        assert_eq!(did_you_mean("Strng", words), "; did you mean `String`?");
        assert_eq!(
            did_you_mean("wire_name", words),
            "; did you mean `wire_names`?"
        );
        assert_eq!(did_you_mean("integer", words), "; did you mean `Integer`?");
        assert_eq!(did_you_mean("Completely", words), "");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn diagnostics_are_sorted_and_formatted() {
        let mut d = Diagnostics::new();
        d.error_at("b.md", Pos::new(1, 1), "second");
        d.error_at("a.md", Pos::new(3, 2), "first");
        d.error_in("", "no file");
        let all: Vec<String> = d.into_sorted().iter().map(ToString::to_string).collect();
        assert_eq!(all, ["no file", "a.md:3:2: first", "b.md:1:1: second"]);
    }
}
