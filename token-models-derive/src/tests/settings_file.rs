//! The settings-file reader against `toml_parser`, the parser under the
//! `toml` crate: generated settings files read as they were written and as
//! `toml_parser` reads them, and no edit of one makes the reader accept
//! what `toml_parser` refuses. `PROPTEST_CASES` sets how many inputs.

use crate::internals::settings_file::entries;
use proptest::prelude::*;

fn keys(text: &str) -> Vec<(String, Option<String>)> {
    let (entries, problems) = entries(text);
    assert!(problems.is_empty(), "{problems:?}");
    entries.into_iter().map(|e| (e.key, e.value)).collect()
}

/// What `toml_parser` makes of `text`: its top-level keys with their
/// string values (`None` for a value of another kind), or `None` when
/// it finds an error or the file is not flat (a table header, a dotted
/// key, a key given twice).
fn toml_parser_reads(text: &str) -> Option<Vec<(String, Option<String>)>> {
    use toml_parser::decoder::ScalarKind;
    use toml_parser::parser::{Event, EventKind, parse_document};
    use toml_parser::{ParseError, Raw, Source};
    let source = Source::new(text);
    let tokens: Vec<_> = source.lex().collect();
    let mut events: Vec<Event> = Vec::new();
    let mut errors: Vec<ParseError> = Vec::new();
    parse_document(&tokens, &mut events, &mut errors);
    let mut read = Vec::new();
    // A key's parts: `Model.field` is one of two.
    let mut key: Option<String> = None;
    let mut parts = 0;
    let mut depth = 0usize;
    let mut flat = true;
    for e in &events {
        let raw = || {
            let span = e.span();
            Raw::new_unchecked(&text[span.start()..span.end()], e.encoding(), span)
        };
        match e.kind() {
            EventKind::SimpleKey => {
                let mut out = String::new();
                raw().decode_key(&mut out, &mut errors);
                if depth == 0 {
                    parts += 1;
                    key = Some(match key.take() {
                        Some(first) => format!("{first}.{out}"),
                        None => out,
                    });
                }
            }
            EventKind::Scalar => {
                let mut out = String::new();
                let kind = raw().decode_scalar(&mut out, &mut errors);
                if depth == 0 {
                    let key = key.take()?;
                    flat &= parts <= 2 && read.iter().all(|(k, _)| *k != key);
                    parts = 0;
                    read.push((key, matches!(kind, ScalarKind::String).then_some(out)));
                }
            }
            EventKind::ArrayOpen | EventKind::InlineTableOpen => {
                if depth == 0 {
                    flat &= parts <= 2;
                    parts = 0;
                    read.push((key.take()?, None));
                }
                depth += 1;
            }
            EventKind::ArrayClose | EventKind::InlineTableClose => {
                depth = depth.saturating_sub(1);
            }
            EventKind::Comment => raw().decode_comment(&mut errors),
            EventKind::Newline => raw().decode_newline(&mut errors),
            EventKind::Whitespace => raw().decode_whitespace(&mut errors),
            EventKind::StdTableOpen | EventKind::ArrayTableOpen => flat = false,
            _ => {}
        }
    }
    (errors.is_empty() && flat).then_some(read)
}

/// A key as `toml_parser_reads` writes it: `Model.field` for a field's.
fn dotted(key: String, field: Option<String>) -> String {
    match field {
        Some(field) => format!("{key}.{field}"),
        None => key,
    }
}

/// A string as one of TOML's four quotings, chosen by `how`, where
/// that quoting can hold it.
fn quote(value: &str, how: u8) -> String {
    let plain = |c: char| c == '\t' || !c.is_control();
    match how % 4 {
        1 if value.chars().all(|c| plain(c) && c != '\'') => format!("'{value}'"),
        2 if value.chars().all(|c| plain(c) || c == '\n')
            && !value.contains("'''")
            && !value.ends_with('\'') =>
        {
            format!("'''\n{value}'''")
        }
        3 => basic(value, true),
        _ => basic(value, false),
    }
}

/// `value` in a basic string, escaped; in a multi-line one (`"""`) line
/// ends stay as they are. The two write control characters with different
/// escapes, so that both forms are read.
fn basic(value: &str, multiline: bool) -> String {
    let (open, close) = if multiline {
        ("\"\"\"\n", "\"\"\"")
    } else {
        ("\"", "\"")
    };
    let mut out = String::from(open);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' if multiline => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\u{1b}' if !multiline => out.push_str("\\e"),
            c if c == '\t' || !c.is_control() => out.push(c),
            c if multiline => out.push_str(&format!("\\U{:08X}", u32::from(c))),
            c => out.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    out + close
}

fn value_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z_ \t\"'\\\\#=\\[\\]\n\u{1}\u{1b}\u{7f}é\u{1F600}-]{0,12}",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// A file of top-level strings, quoted and spaced every way TOML
/// allows, with the keys and values it was written from.
fn settings_file() -> impl Strategy<Value = (String, Vec<(String, Option<String>)>)> {
    let line = (
        value_text(),
        any::<u8>(),
        "[ \t]{0,2}",
        "[ \t]{0,2}",
        proptest::option::of("[ \t]{0,2}#[ a-z\"]{0,5}"),
    );
    (proptest::collection::vec(line, 0..6), any::<bool>()).prop_map(|(lines, crlf)| {
        let mut text = String::new();
        let mut want = Vec::new();
        for (k, (value, how, before, after, comment)) in lines.into_iter().enumerate() {
            let key = format!("key_{k}");
            if how & 4 == 0 {
                text.push_str(&format!("{before}{key}{after}"));
            } else {
                text.push_str(&format!("{before}{}{after}", quote(&key, (how >> 3) & 1)));
            }
            text.push_str(&format!("={before}{}", quote(&value, how)));
            text.push_str(comment.as_deref().unwrap_or(""));
            text.push_str(if crlf { "\r\n" } else { "\n" });
            want.push((key, Some(value)));
        }
        (text, want)
    })
}

/// Pieces of TOML syntax that edits insert.
const PIECES: &[&str] = &[
    "", " ", "=", "\"", "'", "\"\"\"", "'''", "\\", "\\u00e9", "\\x4", "\\\n", "#", "\n", "\r",
    "[", "]", "{", "}", ",", ".", "1", "x", "\u{1}", "é",
];

proptest! {
    /// A settings file reads as the strings it was written from, and
    /// as `toml_parser` reads it.
    #[test]
    fn reads_strings_as_toml_does((text, want) in settings_file()) {
        prop_assert_eq!(&keys(&text), &want, "{:?}", text);
        prop_assert_eq!(toml_parser_reads(&text), Some(want), "{:?}", text);
    }

    /// Whatever is inserted into or cut from a settings file, reading
    /// reports problems inside the file and does not panic; when either
    /// reader reads it as a flat file of strings, both read it the
    /// same (other values are refused later, by key).
    #[test]
    fn never_accepts_what_toml_refuses(
        (text, _) in settings_file(),
        edits in proptest::collection::vec(
            (any::<prop::sample::Index>(), 0..3usize, prop::sample::select(PIECES)),
            1..4,
        ),
    ) {
        let mut text = text;
        for (at, cut, piece) in edits {
            let mut at = at.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(at..end, piece);
        }
        let (entries, problems) = entries(&text);
        prop_assert!(problems.iter().all(|p| p.at <= text.len()));
        let ours = problems
            .is_empty()
            .then(|| entries.into_iter().map(|e| (dotted(e.key, e.field), e.value)).collect::<Vec<_>>());
        let theirs = toml_parser_reads(&text);
        let strings = |read: &Option<Vec<(String, Option<String>)>>| {
            read.as_ref().is_some_and(|r| r.iter().all(|(_, v)| v.is_some()))
        };
        if strings(&ours) || strings(&theirs) {
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }
    }
}
