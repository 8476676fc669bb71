//! Reading a `token-models.toml`: its top-level `key = "value"` lines.
//!
//! Settings files are flat (every setting is one string), so this takes the
//! events of `toml_parser` (the lexer and parser under the `toml` crate)
//! and keeps the top-level keys and their string values, rather than
//! building a whole TOML document: `toml_parser` alone is a fraction of
//! `toml`'s compile time, which every clean build of the macro pays.

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, parse_document};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

/// One top-level `key = value` of a settings file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
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

/// The top-level entries of `text`, and what is wrong with it: TOML syntax
/// errors, a key given twice, and what a flat settings file cannot hold
/// (table headers, dotted keys).
pub fn entries(text: &str) -> (Vec<Entry>, Vec<Problem>) {
    let source = Source::new(text);
    let tokens: Vec<_> = source.lex().collect();
    let mut errors = Errors(Vec::new());
    let mut flat = Flat {
        source,
        entries: Vec::new(),
        problems: Vec::new(),
        nesting: 0,
        in_table: false,
        key: None,
        dotted: false,
    };
    parse_document(&tokens, &mut flat, &mut errors);
    let mut problems = flat.problems;
    problems.extend(errors.0.into_iter().map(|e| {
        let at = e.unexpected().or(e.context()).map_or(0, |s| s.start());
        let expected: Vec<String> = e
            .expected()
            .unwrap_or_default()
            .iter()
            .map(|x| match x {
                toml_parser::Expected::Literal(s) => format!("`{s}`"),
                toml_parser::Expected::Description(s) => (*s).to_owned(),
                _ => String::new(),
            })
            .filter(|x| !x.is_empty())
            .collect();
        let message = if expected.is_empty() {
            format!("this is not valid TOML: {}", e.description())
        } else {
            format!(
                "this is not valid TOML: {}, expected {}",
                e.description(),
                expected.join(" or ")
            )
        };
        Problem { at, message }
    }));
    let mut seen: Vec<&str> = Vec::new();
    for e in &flat.entries {
        if seen.contains(&e.key.as_str()) {
            problems.push(Problem {
                at: e.key_at,
                message: format!("found `{}` a second time, expected each key once", e.key),
            });
        }
        seen.push(&e.key);
    }
    (flat.entries, problems)
}

struct Errors(Vec<ParseError>);

impl ErrorSink for Errors {
    fn report_error(&mut self, error: ParseError) {
        self.0.push(error);
    }
}

/// Collects top-level entries from the parser's events.
struct Flat<'s> {
    source: Source<'s>,
    entries: Vec<Entry>,
    problems: Vec<Problem>,
    /// Depth inside arrays and inline tables.
    nesting: usize,
    /// After a table header everything belongs to that table.
    in_table: bool,
    /// The key of the entry being read.
    key: Option<(String, usize)>,
    dotted: bool,
}

impl Flat<'_> {
    fn at_top(&self) -> bool {
        self.nesting == 0 && !self.in_table
    }

    /// Decodes a key (`key`) or a scalar at `span`, which the parser says
    /// is written in `encoding` (quoted how, or not).
    fn decode(
        &self,
        span: Span,
        encoding: Option<Encoding>,
        key: bool,
        error: &mut dyn ErrorSink,
    ) -> (String, ScalarKind) {
        let mut out = String::new();
        let Some(text) = self.source.input().get(span.start()..span.end()) else {
            return (out, ScalarKind::String);
        };
        let raw = Raw::new_unchecked(text, encoding, span);
        if key {
            raw.decode_key(&mut out, error);
            (out, ScalarKind::String)
        } else {
            let kind = raw.decode_scalar(&mut out, error);
            (out, kind)
        }
    }

    fn value(&mut self, value: Option<String>, at: usize) {
        if let Some((key, key_at)) = self.key.take() {
            if self.dotted {
                self.problems.push(Problem {
                    at: key_at,
                    message: format!(
                        "found the dotted key `{key}`, expected a plain key such as `dialect`"
                    ),
                });
            } else {
                self.entries.push(Entry {
                    key,
                    key_at,
                    value,
                    value_at: at,
                });
            }
        }
    }

    /// An array or inline table starts: at the top, a value that is not a
    /// string; inside, nothing this file reads.
    fn open(&mut self, span: Span) -> bool {
        if self.at_top() {
            self.value(None, span.start());
        }
        self.nesting += 1;
        true
    }

    fn close(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }

    fn table(&mut self, span: Span) {
        if !self.in_table {
            self.problems.push(Problem {
                at: span.start(),
                message: "found a table header, expected only top-level `key = \"value\"` lines"
                    .to_owned(),
            });
        }
        self.in_table = true;
    }
}

impl EventReceiver for Flat<'_> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.table(span);
    }

    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.table(span);
    }

    fn inline_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.open(span)
    }

    fn inline_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }

    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.open(span)
    }

    fn array_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close();
    }

    fn simple_key(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        if !self.at_top() {
            return;
        }
        let (name, _) = self.decode(span, kind, true, error);
        match &mut self.key {
            Some((key, _)) => {
                key.push('.');
                key.push_str(&name);
            }
            None => {
                self.key = Some((name, span.start()));
                self.dotted = false;
            }
        }
    }

    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        if self.at_top() {
            self.dotted = true;
        }
    }

    fn scalar(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        if !self.at_top() {
            return;
        }
        let (text, kind) = self.decode(span, kind, false, error);
        let value = matches!(kind, ScalarKind::String).then_some(text);
        self.value(value, span.start());
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

    #[test]
    fn reads_top_level_strings_in_every_quoting() {
        let text = "# settings\nwire_names = \"snake_case\" # trailing\n'dialect' = 'go'\nx = \"\"\"a\\u0062\"\"\"\nn = 3\nb = true\n";
        assert_eq!(
            keys(text),
            [
                ("wire_names".to_owned(), Some("snake_case".to_owned())),
                ("dialect".to_owned(), Some("go".to_owned())),
                ("x".to_owned(), Some("ab".to_owned())),
                ("n".to_owned(), None),
                ("b".to_owned(), None),
            ]
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
            keys("a = [\"x\", [1]]\nb = { c = \"d\" }\n"),
            [("a".to_owned(), None), ("b".to_owned(), None)]
        );
    }

    #[test]
    fn reports_what_a_flat_file_cannot_hold() {
        let text = "a.b = \"x\"\ndialect = \"go\"\ndialect = \"java\"\n[t]\nwire_names = \"x\"\n";
        let (entries, problems) = entries(text);
        assert_eq!(entries.len(), 2, "{entries:?}");
        let found: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.at, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    0,
                    "found the dotted key `a.b`, expected a plain key such as `dialect`"
                ),
                (
                    42,
                    "found a table header, expected only top-level `key = \"value\"` lines"
                ),
                (25, "found `dialect` a second time, expected each key once"),
            ]
        );
    }

    #[test]
    fn reports_broken_files_without_panicking() {
        for text in [
            "a = ",
            "= \"x\"",
            "a = \"unterminated\n",
            "a = \"bad \\q escape\"",
            "a b = 1",
            "[",
            "a = [1,",
            "\u{0}",
        ] {
            let (_, problems) = entries(text);
            assert!(!problems.is_empty(), "{text:?}");
            assert!(problems.iter().all(|p| p.at <= text.len()), "{problems:?}");
        }
        let (_, problems) = entries("dialect = java\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].at, 10);
        assert!(
            problems[0]
                .message
                .starts_with("this is not valid TOML: string values must be quoted"),
            "{problems:?}"
        );
    }
}
