//! The SDK languages' vocabularies: what each type name means in each
//! language ([`DIALECTS`]), and which languages know a name (what guesses
//! a doc's language). Below `source` (a settings file names a dialect) and
//! `types` (which parses the type expressions these names are read from).

use super::hash;
use super::ir::Scalar;
use super::naming::Case;
use std::sync::OnceLock;

/// What a name means in one SDK language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    Scalar(Scalar),
    /// `List<T>`: one argument.
    List,
    /// `Map<K, V>`: the last argument is the value type.
    Map,
    /// `List<T>` with one argument, `Map<K, V>` with two (PHP `array`).
    ListOrMap,
    /// May be absent: `Optional<T>`.
    Optional,
    /// May be null: `T.nilable(T)`, `Nullable[T]`.
    Nullable,
    /// May be absent or null, and the two differ: `OptionalNullable[T]`.
    OptionalNullable,
    /// Its argument's type (`Unrecognized<string>`, the fallback of an open
    /// enum).
    Same,
    /// One of its arguments: `Union[A, B]`, `T.any(A, B)`.
    Union,
    /// The type of its literal argument: `Literal["x"]`.
    Literal,
    /// Null: in a union, makes the value nullable.
    Null,
    /// Not JSON data but an SDK object (an HTTP response, a stream, binary
    /// content): the field is left out, and the doc comment says so.
    Transport(&'static str),
}

/// The vocabulary of one SDK language.
#[derive(Debug, PartialEq, Eq)]
pub struct Dialect {
    /// The name a settings file uses to pick it.
    pub name: &'static str,
    pub words: &'static [(&'static str, Meaning)],
    /// Whether a doc's names count toward guessing it is in this language:
    /// readme.io pages are told by their shape, and their plain words
    /// (`string`, `int`) would only tie with every SDK language's.
    pub votes: bool,
    /// What the generator names a union's scalar alternatives in their
    /// `###` headings, where it writes no type (C#'s `### Str`).
    pub alternatives: &'static [(&'static str, Scalar)],
    /// What the SDK appends to a field named like its own type (C# cannot
    /// have a member named after its class: `AccessToken.AccessTokenValue`
    /// is `access_token` on the wire).
    pub self_named_suffix: Option<&'static str>,
    /// How the API's keys are assumed cased where no `wire_names` says
    /// (Go's and C#'s docs write PascalCase, which is almost never the wire
    /// form; most JSON APIs are camelCase), and whether the SDK writes field
    /// names in its own language's casing (Go, Java, C#, PHP: a folder of
    /// them with no `wire_names` warns which casing was assumed).
    pub wire_default: Case,
    pub language_cased: bool,
    /// What the SDK appends to a field named like a reserved word of its
    /// language, and those words (Python's `from_` is `from` on the wire).
    pub reserved_suffix: Option<(&'static str, &'static [&'static str])>,
}

impl Dialect {
    /// The name a field has in the API, when the SDK had to change it:
    /// `AccessTokenValue` in `AccessToken` (C#) is `AccessToken`, `from_`
    /// (Python) is `from`.
    pub fn api_name<'a>(&self, written: &'a str, owner: &str) -> &'a str {
        let self_named = self
            .self_named_suffix
            .and_then(|suffix| written.strip_suffix(suffix))
            .filter(|stem| *stem == owner);
        let reserved = self.reserved_suffix.and_then(|(suffix, words)| {
            written
                .strip_suffix(suffix)
                .filter(|stem| words.contains(stem))
        });
        self_named.or(reserved).unwrap_or(written)
    }

    /// What `key` means in this language, if it is one of its words.
    pub fn lookup(&self, key: &str) -> Option<Meaning> {
        let word = vocabulary().get(key)?;
        let mut dialects = word.dialects;
        while dialects != 0 {
            let i = dialects.trailing_zeros() as usize;
            if DIALECTS
                .get(i)
                .is_some_and(|d| std::ptr::eq(d, self) || d.name == self.name)
            {
                return word.meanings[i];
            }
            dialects &= dialects - 1;
        }
        None
    }

    pub fn by_name(name: &str) -> Option<&'static Dialect> {
        DIALECTS.iter().find(|d| d.name == name)
    }
}

use Meaning::{List, ListOrMap, Map, Null, Nullable, Optional, OptionalNullable, Same, Transport};
use Scalar::{Any, Bool, Date, DateTime, F32, F64, I32, I64, I128, Number, Object, String as Str};

const fn s(scalar: Scalar) -> Meaning {
    Meaning::Scalar(scalar)
}

/// Python's keywords, which Speakeasy's Python SDKs suffix with `_`.
const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

const RESPONSE: Meaning = Transport("an HTTP response");
const REQUEST: Meaning = Transport("an HTTP request");
const STREAM: Meaning = Transport("a stream");
const BINARY: Meaning = Transport("binary content");

/// Every SDK language's vocabulary, in the order used to break ties when a
/// doc's language is guessed.
pub const DIALECTS: &[Dialect] = &[
    Dialect {
        name: "ruby",
        words: &[
            ("String", s(Str)),
            ("Integer", s(I64)),
            ("Float", s(F64)),
            ("T.Boolean", s(Bool)),
            ("Object", s(Any)),
            ("T.untyped", s(Any)),
            ("Date", s(DateTime)),
            ("DateTime", s(DateTime)),
            ("Symbol", s(Str)),
            ("T.nilable", Nullable),
            ("T.Array", List),
            ("T.Hash", Map),
            ("T.any", Meaning::Union),
            // The Crystalline runtime of newer generators (`X.new(args)` is
            // read as `X[args]`).
            ("Crystalline.Nilable", Nullable),
            ("Crystalline.Boolean", s(Bool)),
            ("Crystalline.Array", List),
            ("Crystalline.Hash", Map),
            ("Crystalline.Union", Meaning::Union),
            ("Faraday.Response", RESPONSE),
        ],
        votes: true,
        alternatives: &[],
        self_named_suffix: None,
        wire_default: Case::AsWritten,
        language_cased: false,
        reserved_suffix: None,
    },
    Dialect {
        name: "python",
        words: &[
            ("str", s(Str)),
            ("int", s(I64)),
            ("float", s(F64)),
            ("bool", s(Bool)),
            ("Any", s(Any)),
            // Speakeasy's Python docs write every date-time as `date`.
            ("date", s(DateTime)),
            ("datetime", s(DateTime)),
            ("Optional", Optional),
            ("Nullable", Nullable),
            ("OptionalNullable", OptionalNullable),
            ("List", List),
            ("list", List),
            ("Dict", Map),
            ("dict", Map),
            ("Union", Meaning::Union),
            ("Literal", Meaning::Literal),
            ("None", Null),
            ("UnrecognizedStr", s(Str)),
            ("UnrecognizedInt", s(I64)),
            ("httpx.Response", RESPONSE),
            ("requests.Response", RESPONSE),
            ("bytes", BINARY),
            ("io.BytesIO", BINARY),
            ("io.BufferedReader", BINARY),
            ("IO", BINARY),
            ("eventstreaming.EventStream", STREAM),
            ("eventstreaming.EventStreamAsync", STREAM),
        ],
        votes: true,
        alternatives: &[],
        self_named_suffix: None,
        wire_default: Case::AsWritten,
        language_cased: false,
        reserved_suffix: Some(("_", PYTHON_KEYWORDS)),
    },
    Dialect {
        name: "java",
        words: &[
            ("String", s(Str)),
            ("long", s(I64)),
            ("Long", s(I64)),
            ("int", s(I32)),
            ("Integer", s(I32)),
            ("double", s(F64)),
            ("Double", s(F64)),
            ("float", s(F32)),
            ("Float", s(F32)),
            ("BigDecimal", s(F64)),
            ("BigInteger", s(I128)),
            ("boolean", s(Bool)),
            ("Boolean", s(Bool)),
            ("Object", s(Any)),
            ("OffsetDateTime", s(DateTime)),
            ("LocalDate", s(Date)),
            ("Optional", Optional),
            ("JsonNullable", OptionalNullable),
            ("List", List),
            ("Map", Map),
            ("HttpResponse", RESPONSE),
            ("InputStream", STREAM),
            ("byte", BINARY),
        ],
        votes: true,
        alternatives: &[],
        self_named_suffix: None,
        wire_default: Case::AsWritten,
        language_cased: true,
        reserved_suffix: None,
    },
    Dialect {
        name: "typescript",
        words: &[
            ("string", s(Str)),
            ("number", s(Number)),
            ("boolean", s(Bool)),
            ("Date", s(DateTime)),
            ("RFCDate", s(Date)),
            ("any", s(Any)),
            ("unknown", s(Any)),
            ("null", Null),
            ("Record", Map),
            ("Array", List),
            ("Unrecognized", Same),
            ("ReadableStream", STREAM),
            ("EventStream", STREAM),
            ("Response", RESPONSE),
            ("AxiosResponse", RESPONSE),
            ("File", BINARY),
            ("Blob", BINARY),
            ("Uint8Array", BINARY),
        ],
        votes: true,
        alternatives: &[],
        self_named_suffix: None,
        wire_default: Case::AsWritten,
        language_cased: false,
        reserved_suffix: None,
    },
    Dialect {
        name: "go",
        words: &[
            ("string", s(Str)),
            ("int", s(I64)),
            ("int64", s(I64)),
            ("int32", s(I32)),
            ("float64", s(F64)),
            ("float32", s(F32)),
            ("bool", s(Bool)),
            ("time.Time", s(DateTime)),
            ("types.Date", s(Date)),
            ("any", s(Any)),
            ("interface", s(Any)),
            ("map", Map),
            ("http.Response", RESPONSE),
            ("http.Request", REQUEST),
            ("io.ReadCloser", STREAM),
            ("io.Reader", STREAM),
            ("byte", BINARY),
        ],
        votes: true,
        alternatives: &[],
        self_named_suffix: None,
        wire_default: Case::Camel,
        language_cased: true,
        reserved_suffix: None,
    },
    Dialect {
        name: "csharp",
        words: &[
            ("string", s(Str)),
            ("int", s(I32)),
            ("long", s(I64)),
            ("double", s(F64)),
            ("float", s(F32)),
            ("decimal", s(F64)),
            ("BigInteger", s(I128)),
            ("bool", s(Bool)),
            ("DateTime", s(DateTime)),
            ("LocalDate", s(Date)),
            ("object", s(Any)),
            ("List", List),
            ("Dictionary", Map),
            ("HttpResponseMessage", RESPONSE),
            ("HttpRequestMessage", REQUEST),
            ("Stream", STREAM),
            ("byte", BINARY),
        ],
        votes: true,
        alternatives: &[
            ("Str", Str),
            ("Integer", I64),
            ("Number", F64),
            ("Boolean", Bool),
            ("Bigint", I128),
            ("Decimal", F64),
            ("Any", Any),
        ],
        self_named_suffix: Some("Value"),
        wire_default: Case::Camel,
        language_cased: true,
        reserved_suffix: None,
    },
    Dialect {
        name: "php",
        words: &[
            ("string", s(Str)),
            ("int", s(I64)),
            ("float", s(F64)),
            ("bool", s(Bool)),
            ("mixed", s(Any)),
            ("DateTime", s(DateTime)),
            ("Brick.DateTime.LocalDate", s(Date)),
            ("Brick.Math.BigInteger", s(I128)),
            ("array", ListOrMap),
            ("Psr.Http.Message.ResponseInterface", RESPONSE),
            ("Psr.Http.Message.StreamInterface", STREAM),
        ],
        votes: true,
        alternatives: &[],
        self_named_suffix: None,
        wire_default: Case::AsWritten,
        language_cased: true,
        reserved_suffix: None,
    },
    Dialect {
        name: "readme",
        words: &[
            ("string", s(Str)),
            ("uuid", s(Str)),
            ("integer", s(I64)),
            ("int", s(I64)),
            ("long", s(I64)),
            ("number", s(Number)),
            ("float", s(F64)),
            ("double", s(F64)),
            ("boolean", s(Bool)),
            ("bool", s(Bool)),
            ("object", s(Object)),
            ("any", s(Any)),
            ("json", s(Any)),
            ("array", List),
            ("date-time", s(DateTime)),
            ("datetime", s(DateTime)),
            ("timestamp", s(DateTime)),
            ("date", s(Date)),
        ],
        votes: false,
        alternatives: &[],
        self_named_suffix: None,
        wire_default: Case::AsWritten,
        language_cased: false,
        reserved_suffix: None,
    },
];

/// The dialects whose words count toward a guess, as a bit set.
fn voters() -> u32 {
    DIALECTS
        .iter()
        .enumerate()
        .filter(|(_, d)| d.votes)
        .fold(0, |set, (i, _)| set | 1 << i)
}

/// A vocabulary word: the dialects that know it, as a bit set (bit `i` is
/// `DIALECTS[i]`), and what it means in each.
#[derive(Debug, Clone, Copy)]
struct Word {
    dialects: u32,
    meanings: [Option<Meaning>; DIALECTS.len()],
}

/// Every vocabulary word of every dialect, built once per process.
fn vocabulary() -> &'static hash::StrMap<&'static str, Word> {
    static WORDS: OnceLock<hash::StrMap<&'static str, Word>> = OnceLock::new();
    WORDS.get_or_init(|| {
        const _: () = assert!(DIALECTS.len() <= 32, "a dialect set is a u32");
        let mut words = hash::StrMap::with_capacity(DIALECTS.iter().map(|d| d.words.len()).sum());
        for (i, d) in DIALECTS.iter().enumerate() {
            for &(key, meaning) in d.words {
                let mut word = words.get(key).copied().unwrap_or(Word {
                    dialects: 0,
                    meanings: [None; DIALECTS.len()],
                });
                // A word listed twice means what it first says.
                if word.meanings[i].is_none() {
                    word.dialects |= 1 << i;
                    word.meanings[i] = Some(meaning);
                    words.insert(key, word);
                }
            }
        }
        words
    })
}

/// The dialects that know `key` and count toward a guess, as a bit set
/// (bit `i` is `DIALECTS[i]`).
pub fn voters_knowing(key: &str) -> u32 {
    vocabulary().get(key).map_or(0, |w| w.dialects) & voters()
}

/// The dialect that knows the most names, if exactly one does.
pub fn best_dialect(scores: &[usize]) -> Option<&'static Dialect> {
    let max = scores.iter().copied().max().filter(|&m| m > 0)?;
    let mut best = scores.iter().enumerate().filter(|&(_, &s)| s == max);
    match (best.next(), best.next()) {
        (Some((i, _)), None) => DIALECTS.get(i),
        _ => None,
    }
}

/// The languages a tree's docs vote for, by their top folder and in all:
/// a folder whose docs do not tell (a small `errors/` folder writing only
/// `*string*` and `*int*`) takes the whole tree's language.
#[derive(Default)]
pub struct Vote<'a> {
    by_folder: hash::Map<&'a str, Vec<usize>>,
    tree: Vec<usize>,
}

impl<'a> Vote<'a> {
    /// Counts one doc's scores (see `types::dialect_scores`) for its top
    /// folder and the tree.
    pub fn add(&mut self, folder: &'a str, scores: &[usize]) {
        let total = self
            .by_folder
            .entry(folder)
            .or_insert_with(|| vec![0; DIALECTS.len()]);
        self.tree.resize(DIALECTS.len(), 0);
        for ((t, all), s) in total.iter_mut().zip(&mut self.tree).zip(scores) {
            *t += s;
            *all += s;
        }
    }

    /// The language of a folder's docs: the folder's own, else the tree's,
    /// if one language knows the most of their names.
    pub fn of(&self, folder: &str) -> Option<&'static Dialect> {
        self.by_folder
            .get(folder)
            .and_then(|s| best_dialect(s))
            .or_else(|| best_dialect(&self.tree))
    }

    /// The language assumed where neither a folder nor the tree tells one
    /// (the first of the languages that know most of the tree's names), and
    /// the warning a doc read in it gives.
    pub fn assumed(&self) -> (&'static Dialect, String) {
        let tree = &self.tree;
        let max = tree.iter().copied().max().unwrap_or(0);
        let tied: Vec<&'static Dialect> = DIALECTS
            .iter()
            .zip(tree)
            .filter(|&(_, &s)| s == max && max > 0)
            .map(|(d, _)| d)
            .collect();
        let dialect = tied.first().copied().unwrap_or(&DIALECTS[0]);
        let names: Vec<&str> = tied.iter().map(|d| d.name).collect();
        let why = match names.as_slice() {
            [] | [_] => String::from("no language knows its type names"),
            all => format!("{} know as many of its type names", all.join(", ")),
        };
        let message = format!(
            "found no type name that tells this doc's language, nor in its folder or the whole specs tree ({why}): read it as {}; `dialect = \"…\"` in a token-models.toml says which",
            dialect.name
        );
        (dialect, message)
    }
}

/// The README's type mapping table, generated from [`DIALECTS`] so that the
/// two cannot drift apart (a test compares them).
#[cfg(test)]
pub fn mapping_table() -> String {
    let meaning = |m: Meaning| -> String {
        match m {
            Meaning::Scalar(Str) => "`String`".into(),
            Meaning::Scalar(Bool) => "`bool`".into(),
            Meaning::Scalar(I32) => "`i32`".into(),
            Meaning::Scalar(I64) => "`i64`".into(),
            Meaning::Scalar(I128) => "`i128`".into(),
            Meaning::Scalar(F32) => "`f32`".into(),
            Meaning::Scalar(F64) => "`f64`".into(),
            Meaning::Scalar(DateTime) => "`token_models::DateTime`".into(),
            Meaning::Scalar(Date) => "`token_models::Date`".into(),
            Meaning::Scalar(Any) => "`serde_json::Value`".into(),
            Meaning::Scalar(Object) => "`serde_json::Map<String, Value>`".into(),
            Meaning::Scalar(Number) => "`serde_json::Number` (an integer stays one)".into(),
            List => "`Vec<T>`".into(),
            Map => "`BTreeMap<String, V>`".into(),
            ListOrMap => "`Vec<T>` (one argument), `BTreeMap<String, V>` (two)".into(),
            Optional => "may be absent: `Option<T>`".into(),
            Nullable => "may be null: `Option<T>`".into(),
            OptionalNullable => "may be absent or null: `Option<Option<T>>`".into(),
            Same => "its argument's type".into(),
            Meaning::Union => "one of its arguments: an untagged enum".into(),
            Meaning::Literal => "its literal's type".into(),
            Null => "null (makes a union nullable)".into(),
            Transport(why) => format!("{why}: not JSON, left out"),
        }
    };
    let mut out = String::from("| language | written | Rust |\n| --- | --- | --- |\n");
    for d in DIALECTS {
        let words = d.words.iter().map(|&(w, m)| (w.to_owned(), meaning(m)));
        // A union's alternative the generator names in its heading.
        let headings = d.alternatives.iter().map(|&(w, s)| {
            let rust = meaning(Meaning::Scalar(s));
            (
                format!("### {w}"),
                format!("{rust} (a union's alternative)"),
            )
        });
        let mut rows: Vec<(String, Vec<String>)> = Vec::new();
        for (word, rust) in words.chain(headings) {
            match rows.iter_mut().find(|(r, _)| *r == rust) {
                Some((_, words)) => words.push(word),
                None => rows.push((rust, vec![word])),
            }
        }
        for (rust, words) in rows {
            let words: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
            out.push_str(&format!("| {} | {} | {rust} |\n", d.name, words.join(", ")));
        }
    }
    out
}

#[cfg(test)]
mod readme_tests {
    #[test]
    fn readme_lists_every_vocabulary_entry() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
            .expect("README.md");
        let table = super::mapping_table();
        assert!(
            readme.contains(&table),
            "README.md's type mapping table is out of date; it should be:\n{table}"
        );
    }
}
