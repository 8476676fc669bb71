//! Reading a `token-models.toml`: its top-level `key = "value"` lines.
//!
//! A settings file is flat: every setting is one string at the top level.
//! This reads that part of TOML itself (bare and quoted keys, the four
//! kinds of string with every escape, comments, blank lines) and reports,
//! at its offset, text that is not TOML and what a settings file cannot
//! hold (a table header, a key of more than two dotted parts, a key given
//! twice). A value of
//! another kind (number, boolean, date, array, inline table) is stepped
//! over and read as not a string, for the caller to refuse with the values
//! its key allows. A TOML parser crate cost about 0.3 s of every clean
//! build of the macro (BENCHMARKS.md, section 6, in its history); the tests hold this
//! reader to `toml_parser` on generated files.

/// One top-level `key = value` of a settings file, or `Model.field =
/// value` (a field's wire name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// The second part of a dotted key (`Widget.meta`).
    pub field: Option<String>,
    /// Byte offset of the key.
    pub key_at: usize,
    /// The value when it is a string.
    pub value: Option<String>,
    /// Byte offset of the value.
    pub value_at: usize,
}

/// A problem with the file itself, at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: usize,
    pub message: String,
}

/// The top-level entries of `text`, and what is wrong with it: text that
/// is not TOML, a key given twice, and what a flat settings file cannot
/// hold (table headers, dotted keys).
pub fn entries(text: &str) -> (Vec<Entry>, Vec<Problem>) {
    let mut reader = Reader {
        text,
        at: 0,
        entries: Vec::new(),
        problems: Vec::new(),
    };
    reader.document();
    let Reader {
        entries,
        mut problems,
        ..
    } = reader;
    let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
    for e in &entries {
        let key = (e.key.as_str(), e.field.as_deref());
        if seen.contains(&key) {
            let shown = match key {
                (model, Some(field)) => format!("{model}.{field}"),
                (key, None) => key.to_owned(),
            };
            problems.push(Problem {
                at: e.key_at,
                message: format!("found `{shown}` a second time, expected each key once"),
            });
        }
        seen.push(key);
    }
    (entries, problems)
}

/// The escapes a basic string may hold, as an error message lists them.
const ESCAPES: &str =
    "`\\b`, `\\t`, `\\n`, `\\f`, `\\r`, `\\e`, `\\\"`, `\\\\`, `\\xHH`, `\\uHHHH` or `\\UHHHHHHHH`";

/// Reading stopped inside a line; the problem is recorded.
struct Stop;

type Step<T> = Result<T, Stop>;

struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next character; always on a character boundary,
    /// as the reader steps over ASCII bytes or whole runs of text.
    at: usize,
    entries: Vec<Entry>,
    problems: Vec<Problem>,
}

/// A byte TOML forbids in comments and strings: the control characters
/// other than tab (line ends are handled where they are allowed).
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

fn is_bare_key(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// A byte of an unquoted value: numbers, booleans, dates and times.
fn is_bare_value(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+' | b'.' | b':')
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn rest(&self) -> &str {
        self.text.get(self.at..).unwrap_or("")
    }

    fn slice(&self, from: usize) -> &str {
        self.text.get(from..self.at).unwrap_or("")
    }

    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&keep) {
            self.at += 1;
        }
    }

    fn skip_blank(&mut self) {
        self.skip_while(|b| b == b' ' || b == b'\t');
    }

    /// Steps over a line end (`\n` or `\r\n`) if one is next.
    fn newline(&mut self) -> bool {
        if self.rest().starts_with('\n') {
            self.at += 1;
            true
        } else if self.rest().starts_with("\r\n") {
            self.at += 2;
            true
        } else {
            false
        }
    }

    /// What is at the reader, for an error message.
    fn found(&self) -> String {
        let rest = self.rest();
        match rest.chars().next() {
            None => "the end of the file".to_owned(),
            Some('\n') => "the end of the line".to_owned(),
            Some('\r') if rest.starts_with("\r\n") => "the end of the line".to_owned(),
            Some(c) if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
            Some(c) => format!("`{c}`"),
        }
    }

    fn problem(&mut self, at: usize, message: String) {
        self.problems.push(Problem { at, message });
    }

    /// Records that `expected` is not what comes next.
    fn expected<T>(&mut self, expected: &str) -> Step<T> {
        let message = format!("found {}, expected {expected}", self.found());
        self.problem(self.at, message);
        Err(Stop)
    }

    fn document(&mut self) {
        if self.rest().starts_with('\u{feff}') {
            self.at += '\u{feff}'.len_utf8();
        }
        while self.at < self.text.len() {
            self.skip_blank();
            let read = match self.peek() {
                Some(b'[') => {
                    let message =
                        "found a table header, expected only top-level `key = \"value\"` lines";
                    self.problem(self.at, message.to_owned());
                    return;
                }
                Some(b'#' | b'\n' | b'\r') | None => Ok(()),
                Some(_) => self.entry(),
            };
            if read.and_then(|()| self.end_of_line()).is_err() {
                // Go on at the next line, to report every problem at once.
                self.skip_while(|b| b != b'\n');
                self.newline();
            }
        }
    }

    /// Blanks, a comment, then the end of the line or file.
    fn end_of_line(&mut self) -> Step<()> {
        self.skip_blank();
        if self.peek() == Some(b'#') {
            self.at += 1;
            self.skip_while(|b| !is_control(b));
        }
        if self.peek().is_none() || self.newline() {
            Ok(())
        } else {
            self.expected("the end of the line")
        }
    }

    fn entry(&mut self) -> Step<()> {
        let key_at = self.at;
        let mut key = self.key()?;
        self.skip_blank();
        let mut parts = Vec::new();
        while self.peek() == Some(b'.') {
            self.at += 1;
            self.skip_blank();
            parts.push(self.key()?);
            self.skip_blank();
        }
        if self.peek() != Some(b'=') {
            return self.expected("`=` after the key");
        }
        self.at += 1;
        self.skip_blank();
        let value_at = self.at;
        let value = self.value()?;
        if parts.len() > 1 {
            for part in parts {
                key.push('.');
                key.push_str(&part);
            }
            let message = format!(
                "found the dotted key `{key}`, expected a plain key such as `dialect` or a field's, such as `Widget.meta`"
            );
            self.problem(key_at, message);
        } else {
            self.entries.push(Entry {
                key,
                field: parts.pop(),
                key_at,
                value,
                value_at,
            });
        }
        Ok(())
    }

    fn key(&mut self) -> Step<String> {
        match self.peek() {
            Some(b'"') => self.basic_string(),
            Some(b'\'') => self.literal_string(),
            Some(b) if is_bare_key(b) => {
                let start = self.at;
                self.skip_while(is_bare_key);
                Ok(self.slice(start).to_owned())
            }
            _ => self.expected("a key such as `dialect`"),
        }
    }

    /// A value: `Some` string, or `None` for a value of another kind.
    fn value(&mut self) -> Step<Option<String>> {
        match self.peek() {
            Some(b'"' | b'\'') => self.string().map(Some),
            Some(b'[' | b'{') => self.skip_nested().map(|()| None),
            _ => self.bare_value().map(|()| None),
        }
    }

    /// A string in any of TOML's four quotings, at its first quote.
    fn string(&mut self) -> Step<String> {
        let rest = self.rest();
        if rest.starts_with("\"\"\"") {
            self.multiline_string(b'"')
        } else if rest.starts_with("'''") {
            self.multiline_string(b'\'')
        } else if rest.starts_with('"') {
            self.basic_string()
        } else {
            self.literal_string()
        }
    }

    /// A number, boolean, date or time (a date and a time may be apart by
    /// one space); a word that is none of these was meant as a string.
    fn bare_value(&mut self) -> Step<()> {
        let start = self.at;
        self.skip_while(is_bare_value);
        let word = self.slice(start);
        if word.is_empty() {
            return self.expected("a value in quotes, such as `\"snake_case\"`");
        }
        let literal = matches!(
            word,
            "true" | "false" | "inf" | "nan" | "+inf" | "-inf" | "+nan" | "-nan"
        ) || word.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
        if !literal {
            let message =
                format!("found `{word}`, expected a string in quotes, such as `\"{word}\"`");
            self.problem(start, message);
            return Err(Stop);
        }
        let is_date = word.len() == 10 && word.as_bytes().get(4) == Some(&b'-');
        let rest = self.rest().as_bytes();
        if is_date && rest.first() == Some(&b' ') && rest.get(1).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
            self.skip_while(is_bare_value);
        }
        Ok(())
    }

    /// Steps over an array or inline table, with what they hold.
    fn skip_nested(&mut self) -> Step<()> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            self.skip_while(|b| b == b' ' || b == b'\t' || b == b',' || b == b'=' || b == b'.');
            let Some(b) = self.peek() else {
                let closer = if open.last() == Some(&b'{') {
                    "`}`"
                } else {
                    "`]`"
                };
                return self.expected(closer);
            };
            match b {
                b'[' | b'{' => {
                    open.push(b);
                    self.at += 1;
                }
                b']' | b'}' => {
                    let opener = if b == b']' { b'[' } else { b'{' };
                    if open.pop() != Some(opener) {
                        return self.expected(
                            "a value, `,` or the bracket that closes the last one opened",
                        );
                    }
                    self.at += 1;
                    if open.is_empty() {
                        return Ok(());
                    }
                }
                b'#' => {
                    self.at += 1;
                    self.skip_while(|b| !is_control(b));
                }
                b'"' | b'\'' => {
                    self.string()?;
                }
                _ if self.newline() => {}
                _ => {
                    let start = self.at;
                    self.skip_while(|b| is_bare_value(b) || b == b' ');
                    if self.at == start {
                        return self.expected("a value");
                    }
                }
            }
        }
    }

    /// A `"…"` string, with its escapes.
    fn basic_string(&mut self) -> Step<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            self.skip_while(|b| b != b'"' && b != b'\\' && !is_control(b));
            out.push_str(self.slice(start));
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                _ => return self.expected("`\"` closing the string"),
            }
        }
    }

    /// A `'…'` string, taken as written.
    fn literal_string(&mut self) -> Step<String> {
        self.at += 1;
        let start = self.at;
        self.skip_while(|b| b != b'\'' && !is_control(b));
        let out = self.slice(start).to_owned();
        if self.peek() == Some(b'\'') {
            self.at += 1;
            Ok(out)
        } else {
            self.expected("`'` closing the string")
        }
    }

    /// A `"""…"""` string (with escapes, `quote` `"`) or a `'''…'''` one
    /// (as written): it may span lines; a line end right after the opening
    /// quotes is not part of it, nor (in the first kind) a backslash at
    /// the end of a line with the blanks and line ends after it.
    fn multiline_string(&mut self, quote: u8) -> Step<String> {
        self.at += 3;
        self.newline();
        let escapes = quote == b'"';
        let mut out = String::new();
        loop {
            let start = self.at;
            self.skip_while(|b| b != quote && !(escapes && b == b'\\') && !is_control(b));
            out.push_str(self.slice(start));
            match self.peek() {
                Some(b) if b == quote => {
                    let start = self.at;
                    self.skip_while(|b| b == quote);
                    let run = self.at - start;
                    if run >= 3 {
                        if run > 5 {
                            self.at = start + 5;
                            return self.expected("the end of the string (at most two quotes before its closing three)");
                        }
                        out.push_str(self.text.get(start..start + run - 3).unwrap_or(""));
                        return Ok(out);
                    }
                    out.push_str(self.slice(start));
                }
                Some(b'\\') => {
                    let start = self.at;
                    self.at += 1;
                    self.skip_blank();
                    if self.newline() {
                        self.skip_blank();
                        while self.newline() {
                            self.skip_blank();
                        }
                    } else {
                        self.at = start;
                        self.escape(&mut out)?;
                    }
                }
                _ => {
                    let start = self.at;
                    if !self.newline() {
                        let closing = if escapes {
                            "`\"\"\"` closing the string"
                        } else {
                            "`'''` closing the string"
                        };
                        return self.expected(closing);
                    }
                    out.push_str(self.slice(start));
                }
            }
        }
    }

    /// The escape at the reader (a backslash and what follows it).
    fn escape(&mut self, out: &mut String) -> Step<()> {
        let at = self.at;
        let mut chars = self.rest().chars();
        chars.next();
        let c = chars.next();
        let hex_digits = match c {
            Some('x') => 2,
            Some('u') => 4,
            Some('U') => 8,
            _ => 0,
        };
        let decoded = match c {
            Some('b') => Some('\u{8}'),
            Some('t') => Some('\t'),
            Some('n') => Some('\n'),
            Some('f') => Some('\u{c}'),
            Some('r') => Some('\r'),
            Some('e') => Some('\u{1b}'),
            Some('"') => Some('"'),
            Some('\\') => Some('\\'),
            _ if hex_digits > 0 => {
                let digits = self.text.get(at + 2..at + 2 + hex_digits).unwrap_or("");
                let scalar = if digits.len() == hex_digits
                    && digits.bytes().all(|b| b.is_ascii_hexdigit())
                {
                    u32::from_str_radix(digits, 16)
                        .ok()
                        .and_then(char::from_u32)
                } else {
                    None
                };
                if scalar.is_none() {
                    let message = format!(
                        "found `{}`, expected {hex_digits} hexadecimal digits naming a Unicode scalar value",
                        self.text.get(at..at + 2).unwrap_or("\\")
                    );
                    self.problem(at, message);
                    return Err(Stop);
                }
                scalar
            }
            _ => None,
        };
        let Some(decoded) = decoded else {
            let shown: String = self
                .rest()
                .chars()
                .take(2)
                .filter(|c| !c.is_control())
                .collect();
            self.problem(
                at,
                format!("found the escape `{shown}`, expected one of {ESCAPES}"),
            );
            return Err(Stop);
        };
        out.push(decoded);
        self.at = at + 2 + hex_digits;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, Option<String>)> {
        let (entries, problems) = entries(text);
        assert!(problems.is_empty(), "{problems:?}");
        entries.into_iter().map(|e| (e.key, e.value)).collect()
    }

    fn found(text: &str) -> Vec<(usize, String)> {
        let (_, problems) = entries(text);
        problems.into_iter().map(|p| (p.at, p.message)).collect()
    }

    #[test]
    fn reads_top_level_strings_in_every_quoting() {
        let text = "\u{feff}# settings\nwire_names = \"snake_case\" # trailing\n'dialect' = 'go'\r\nx = \"\"\"\na\\u0062\\\n   c\"\"\"\"\ny = '''\nd''e'''\n\"k\\x41\" = \"\\e\\U0001F600\"\n\nn = 3\nb = true\nd = 1979-05-27 07:32:00Z #c\n";
        assert_eq!(
            keys(text),
            [
                ("wire_names".to_owned(), Some("snake_case".to_owned())),
                ("dialect".to_owned(), Some("go".to_owned())),
                ("x".to_owned(), Some("abc\"".to_owned())),
                ("y".to_owned(), Some("d''e".to_owned())),
                ("kA".to_owned(), Some("\u{1b}\u{1F600}".to_owned())),
                ("n".to_owned(), None),
                ("b".to_owned(), None),
                ("d".to_owned(), None),
            ]
        );
    }

    #[test]
    fn a_key_of_two_parts_is_a_fields() {
        let (entries, problems) =
            entries("Widget.meta = \"__meta\"\n'A b'.\"type\" = 'T'\nWidget.meta = 'x'\n");
        let read: Vec<_> = entries
            .iter()
            .map(|e| (e.key.as_str(), e.field.as_deref(), e.value.as_deref()))
            .collect();
        assert_eq!(
            read,
            [
                ("Widget", Some("meta"), Some("__meta")),
                ("A b", Some("type"), Some("T")),
                ("Widget", Some("meta"), Some("x")),
            ]
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .message
                .starts_with("found `Widget.meta` a second time")
        );
    }

    #[test]
    fn offsets_point_at_keys_and_values() {
        let (entries, _) = entries("a = 1\n  dialect = \"go\"\n");
        assert_eq!((entries[1].key_at, entries[1].value_at), (8, 18));
    }

    #[test]
    fn arrays_and_inline_tables_are_values_that_are_not_strings() {
        assert_eq!(
            keys("a = [\"x\", [1], # note\n  'y]' ]\nb = { c = \"d\", e.f = [2] }\n"),
            [("a".to_owned(), None), ("b".to_owned(), None)]
        );
    }

    #[test]
    fn reports_what_a_flat_file_cannot_hold() {
        let text = "a.b.c=\"x\"\ndialect = \"go\"\ndialect = \"java\"\n[t]\nwire_names = \"x\"\n";
        let (entries, _) = super::entries(text);
        assert_eq!(entries.len(), 2, "{entries:?}");
        assert_eq!(
            found(text),
            [
                (
                    0,
                    "found the dotted key `a.b.c`, expected a plain key such as `dialect` or a field's, such as `Widget.meta`".to_owned()
                ),
                (
                    42,
                    "found a table header, expected only top-level `key = \"value\"` lines"
                        .to_owned()
                ),
                (
                    25,
                    "found `dialect` a second time, expected each key once".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn reports_each_broken_line_with_what_was_expected() {
        let text = "dialect = java\na = \"open\nb = \"bad \\q\"\n= \"x\"\nc = 'x' d\ne = [1,\n";
        let problems = found(text);
        let expect: [(usize, &str); 6] = [
            (
                10,
                "found `java`, expected a string in quotes, such as `\"java\"`",
            ),
            (
                24,
                "found the end of the line, expected `\"` closing the string",
            ),
            (34, "found the escape `\\q`, expected one of "),
            (38, "found `=`, expected a key such as `dialect`"),
            (52, "found `d`, expected the end of the line"),
            (62, "found the end of the file, expected `]`"),
        ];
        assert_eq!(problems.len(), expect.len(), "{problems:?}");
        for ((at, message), (want_at, want)) in problems.iter().zip(expect) {
            assert_eq!(*at, want_at, "{message}");
            assert!(message.starts_with(want), "{message:?} vs {want:?}");
        }
    }

    #[test]
    fn reports_broken_files_without_panicking() {
        for text in [
            "a = ",
            "= \"x\"",
            "a = \"unterminated\n",
            "a = \"bad \\q escape\"",
            "a = \"\\u12\"",
            "a = \"\\uD800\"",
            "a = \"\"\"never closed",
            "a = '''x''''''",
            "a b = 1",
            "[",
            "a = [1,",
            "a = [1}",
            "a = \"x\u{1}\"",
            "a = 1 # \u{7f}",
            "a = \"\\\u{e9}\"",
            "a = 1\r",
            "\u{0}",
        ] {
            let (_, problems) = entries(text);
            assert!(!problems.is_empty(), "{text:?}");
            assert!(problems.iter().all(|p| p.at <= text.len()), "{problems:?}");
        }
    }
}
