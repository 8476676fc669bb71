//! Property tests: whatever markdown comes in, reading, resolving and
//! generating end in types or in diagnostics, never in a panic, and the
//! generated code is always valid Rust.
//!
//! Inputs start from real docs (the repository's specs and test specs, and
//! built with `--cfg token_models_corpus` the shared corpora) and are cut, spliced,
//! duplicated and garbled. `PROPTEST_CASES` sets how many inputs (256 by
//! default).

use crate::internals::codegen::Lit;
use crate::internals::diag::{Diagnostics, LineCursor, Pos};
use crate::internals::expand::expand_specs;
use crate::internals::markdown::{self, Block, written_cells};
use crate::internals::naming::{Case, RustIdent, split_words, split_words_unicode};
use crate::internals::source::SpecFile;
use crate::internals::text;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// Real docs to start from.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut dirs = vec![
            root.join("specs"),
            root.join("tests/specs-unshipped"),
            root.join("tests/ui/specs"),
            root.join("tests/specs-edge"),
            root.join("tests/specs-eras"),
        ];
        if cfg!(token_models_corpus) {
            for corpus in ["corpus", "corpus2"] {
                let corpus = root.join("../shared").join(corpus);
                assert!(
                    corpus.is_dir(),
                    "`--cfg token_models_corpus` needs {}",
                    corpus.display()
                );
                dirs.push(corpus);
            }
        }
        let mut out = Vec::new();
        for dir in dirs {
            collect(&dir, &mut out);
        }
        assert!(!out.is_empty(), "no seed docs found");
        out
    })
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            if let Ok(text) = std::fs::read_to_string(&p) {
                out.push(text);
            }
        }
    }
}

/// One way to damage a doc.
#[derive(Debug, Clone)]
enum Mutation {
    Cut {
        at: usize,
        len: usize,
    },
    Splice {
        at: usize,
        from: usize,
        start: usize,
        len: usize,
    },
    Duplicate {
        at: usize,
        len: usize,
    },
    Garble {
        at: usize,
        with: String,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let garbage = proptest::collection::vec(
        prop_oneof![
            Just('|'),
            Just('*'),
            Just('_'),
            Just('`'),
            Just('['),
            Just(']'),
            Just('('),
            Just(')'),
            Just('<'),
            Just('>'),
            Just('#'),
            Just('\n'),
            Just('-'),
            Just(':'),
            Just('\\'),
            Just('~'),
            Just(' '),
            Just('é'),
            Just('"'),
            any::<char>(),
        ],
        1..12,
    )
    .prop_map(|cs| cs.into_iter().collect::<String>());
    prop_oneof![
        (any::<usize>(), 0usize..200).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (any::<usize>(), any::<usize>(), any::<usize>(), 0usize..400).prop_map(
            |(at, from, start, len)| Mutation::Splice {
                at,
                from,
                start,
                len
            }
        ),
        (any::<usize>(), 0usize..300).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), garbage).prop_map(|(at, with)| Mutation::Garble { at, with }),
    ]
}

fn apply(doc: &str, m: &Mutation) -> String {
    let mut chars: Vec<char> = doc.chars().collect();
    let n = chars.len();
    let at = |x: usize| if n == 0 { 0 } else { x % (n + 1) };
    match m {
        Mutation::Cut { at: a, len } => {
            let start = at(*a);
            let end = (start + len).min(n);
            chars.drain(start..end);
        }
        Mutation::Splice {
            at: a,
            from,
            start,
            len,
        } => {
            let other: Vec<char> = seeds()[from % seeds().len()].chars().collect();
            let s = if other.is_empty() {
                0
            } else {
                start % other.len()
            };
            let piece: Vec<char> = other[s..(s + len).min(other.len())].to_vec();
            let pos = at(*a);
            chars.splice(pos..pos, piece);
        }
        Mutation::Duplicate { at: a, len } => {
            let start = at(*a);
            let piece: Vec<char> = chars[start..(start + len).min(n)].to_vec();
            chars.splice(start..start, piece);
        }
        Mutation::Garble { at: a, with } => {
            let start = at(*a);
            let end = (start + with.chars().count()).min(n);
            chars.splice(start..end, with.chars());
        }
    }
    chars.into_iter().collect()
}

/// A damaged doc at one of a few paths, so that links between them resolve
/// or fail in every way.
fn doc() -> impl Strategy<Value = (String, String)> {
    let paths = prop_oneof![
        Just("a/x.md"),
        Just("a/y.md"),
        Just("a/b/x.md"),
        Just("c/z.md"),
        Just("top.md"),
        Just("a/claims.md"),
    ];
    (
        any::<usize>(),
        proptest::collection::vec(mutation(), 0..6),
        paths,
    )
        .prop_map(|(seed, ms, path)| {
            let base = &seeds()[seed % seeds().len()];
            let text = ms.iter().fold(base.clone(), |t, m| apply(&t, m));
            (path.to_owned(), text)
        })
}

fn run(docs: &[(String, String)]) {
    let mut specs: Vec<SpecFile> = Vec::new();
    for (path, text) in docs {
        if specs.iter().any(|s| s.rel_path() == path) {
            continue;
        }
        specs.push(SpecFile::in_memory(path, text));
    }
    let expansion = expand_specs(&specs, Vec::new(), Diagnostics::new());
    for d in &expansion.diagnostics {
        assert!(
            d.to_string().starts_with("specs/"),
            "a diagnostic names its file: {d}"
        );
    }
    let source = expansion.generator().all();
    if let Err(e) = syn::parse_str::<syn::File>(&source) {
        panic!("generated code does not parse: {e}\n{source}");
    }
}

proptest! {
    #[test]
    fn damaged_docs_end_in_types_or_diagnostics(docs in proptest::collection::vec(doc(), 1..5)) {
        run(&docs);
    }

    #[test]
    fn a_rows_cells_are_counted_as_written(
        columns in 1usize..5,
        lines in proptest::collection::vec("[|\\\\ a`*]{0,14}", 1..4),
        final_newline in any::<bool>(),
    ) {
        let mut text = format!("| {} |\n|{}\n", vec!["h"; columns].join(" | "), " - |".repeat(columns));
        for line in &lines {
            text.push_str(line);
            text.push('\n');
        }
        if !final_newline {
            text.pop();
        }
        for block in markdown::parse(&text).blocks {
            if let Block::Table(table) = block {
                prop_assert!(table.body.len() == table.rows().len() * table.header.len());
                for (src, written) in table.rows_written(&text) {
                    prop_assert_eq!(
                        written,
                        written_cells(&text[src.clone()]),
                        "row {:?} of {:?}", &text[src.clone()], text
                    );
                }
            }
        }
    }

    #[test]
    fn doc_text_becomes_the_literal_debug_would_write(text in any::<String>()) {
        prop_assert_eq!(Lit(&text).to_string(), format!("{text:?}"));
    }

    #[test]
    fn case_conversion_is_the_word_by_word_definition(name in "[a-zA-Z0-9_ .$-]{0,12}|\\PC{0,8}|[a-zA-ZΣσςÉé_]{0,8}") {
        for (case, want) in reference_cases(&name) {
            prop_assert_eq!(case.apply(&name), want, "{:?} as {:?}", name, case);
        }
    }

    #[test]
    fn ascii_names_split_as_any_name_does(name in "[a-zA-Z0-9_ .$-]{0,16}|[ -~]{0,16}") {
        prop_assert_eq!(split_words(&name), split_words_unicode(&name));
    }

    #[test]
    fn the_line_cursor_agrees_with_counting(
        text in "[a\n\u{e7}\u{10a}\r]{0,40}",
        offsets in proptest::collection::vec(0usize..100, 0..12),
    ) {
        // Whatever the order of the offsets.
        let mut lines = LineCursor::default();
        for offset in offsets {
            let offset = (0..=offset.min(text.len()))
                .rev()
                .find(|&o| text.is_char_boundary(o))
                .unwrap_or(0);
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            prop_assert_eq!(lines.pos(&text, offset), Pos::new(line as u32, col as u32));
        }
    }

    #[test]
    fn trimming_is_std_trimming(s in "[ \t\n\r\x0b\x0ca-z\u{85}\u{a0}\u{2003}\u{3000}é]{0,8}|\\PC{0,8}|\\s{0,4}") {
        prop_assert_eq!(text::trim(&s), s.trim());
        prop_assert_eq!(text::trim_start(&s), s.trim_start());
        prop_assert_eq!(text::trim_end(&s), s.trim_end());
    }

    #[test]
    fn any_name_becomes_a_valid_identifier(name in any::<String>()) {
        for id in [RustIdent::field(&name), RustIdent::type_name(&name), RustIdent::module(&name)] {
            let parsed = syn::parse_str::<syn::Ident>(&id.to_string());
            prop_assert!(parsed.is_ok(), "{name:?} became {:?}", id.to_string());
        }
    }

    #[test]
    fn a_field_keeps_no_rust_name_only_when_it_is_its_own_one(
        name in "[a-z0-9_]{0,10}|[a-zA-Z0-9_ $-]{0,10}|(type|self|crate|super|ref|_|r#type|2fa)",
    ) {
        // `None` only when the Rust name is the name itself (`_0` is, but
        // is not worth telling apart).
        let field = RustIdent::field(&name);
        match RustIdent::field_changed(&name) {
            None => prop_assert_eq!(field, RustIdent { name: name.clone(), raw: false }),
            Some(changed) => prop_assert_eq!(changed, field),
        }
    }
}

/// Each casing of `name` as its definition says: split into words, each
/// word cased with std's string functions, joined. (`Case::apply` writes the
/// same without a string per word.)
fn reference_cases(name: &str) -> Vec<(Case, String)> {
    let words = split_words(name);
    let capitalize = |w: &str| {
        let mut chars = w.chars();
        chars.next().map_or_else(String::new, |first| {
            first
                .to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
    };
    let join = |sep: &str, f: &dyn Fn(&str) -> String| {
        words.iter().map(|w| f(w)).collect::<Vec<_>>().join(sep)
    };
    let camel = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                w.to_lowercase()
            } else {
                capitalize(w)
            }
        })
        .collect();
    vec![
        (Case::AsWritten, name.to_owned()),
        (Case::Snake, join("_", &str::to_lowercase)),
        (Case::Kebab, join("-", &str::to_lowercase)),
        (Case::ScreamingSnake, join("_", &str::to_uppercase)),
        (Case::Pascal, join("", &capitalize)),
        (Case::Camel, camel),
    ]
}

/// The macro's small JSON reader agrees with serde_json on any JSON
/// serde_json writes (compact or pretty): same shape, same strings and keys.
mod json_reader {
    use crate::internals::json::{self, Json};
    use proptest::prelude::*;
    use serde_json::Value;

    fn same(ours: &Json, theirs: &Value) -> bool {
        match (ours, theirs) {
            (Json::Null, Value::Null) => true,
            (Json::Bool(a), Value::Bool(b)) => a == b,
            (Json::Number { integral }, Value::Number(n)) => *integral != n.is_f64(),
            (Json::Str(a), Value::String(b)) => a == b,
            (Json::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
            }
            (Json::Object(a), Value::Object(b)) => {
                a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
            }
            _ => false,
        }
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (-1e9f64..1e9).prop_map(|f| Value::from(f + 0.5)),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn reads_what_serde_json_writes(v in value()) {
            for text in [v.to_string(), serde_json::to_string_pretty(&v).unwrap_or_default()] {
                let ours = json::parse(&text);
                prop_assert!(ours.as_ref().is_some_and(|o| same(o, &v)), "{text}: {ours:?}");
            }
        }

        #[test]
        fn refuses_what_serde_json_refuses(text in "[\\[\\]{}\",:0-9a-z .-]{0,12}") {
            let ours = json::parse(&text).is_some();
            let theirs = serde_json::from_str::<Value>(&text).is_ok();
            prop_assert_eq!(ours, theirs, "{}", text);
        }
    }
}
