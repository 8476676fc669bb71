//! Stage 2a: type expressions, as the Type column writes them, to [`Ty`].
//!
//! One small grammar covers the syntax of every SDK language
//! (`T::Array<X>`, `Optional[str]`, `Map<String, X>`, `map[string]X`, `*X`,
//! `X[]`, `?X`, `A | B`); what a name *means* comes from a per-language
//! vocabulary table ([`DIALECTS`]). A new generator's vocabulary is a new
//! table, not a new parser.

use super::ir::{NamedRef, Scalar, Ty};
use std::ops::Range;

/// A type expression as parsed, before any vocabulary is applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Syntax {
    /// `Name`, `a::b::Name<args>`, `Dict[str, X]`, `T.nilable(X)`.
    Name {
        path: Vec<String>,
        args: Vec<Syntax>,
        span: Range<usize>,
    },
    /// A string or number literal (`Literal["x"]`, `"x"`).
    Lit(String),
    /// `X[]` or `[]X`.
    Array(Box<Syntax>),
    /// `*X` (a Go pointer).
    Pointer(Box<Syntax>),
    /// `?X` (PHP).
    Nullable(Box<Syntax>),
    /// `A | B`.
    Union(Vec<Syntax>),
}

impl Syntax {
    /// The vocabulary key of a name: path segments joined with `.`, a
    /// leading separator dropped (`::Integer` is `Integer`, `T::Array` is
    /// `T.Array`).
    fn key(path: &[String]) -> String {
        path.join(".")
    }

    fn names<'a>(&'a self, out: &mut Vec<&'a [String]>) {
        match self {
            Syntax::Name { path, args, .. } => {
                out.push(path);
                args.iter().for_each(|a| a.names(out));
            }
            Syntax::Lit(_) => {}
            Syntax::Array(t) | Syntax::Pointer(t) | Syntax::Nullable(t) => t.names(out),
            Syntax::Union(ts) => ts.iter().for_each(|a| a.names(out)),
        }
    }
}

/// A problem in a type expression: where (byte offset in the text) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`, `.` or `\` between path segments.
    Sep,
    Lit(String),
    Punct(char),
}

fn tokenize(text: &str) -> Result<Vec<(Tok, usize)>, TypeError> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(at, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let mut s = String::new();
            while let Some(&(_, c)) = chars
                .peek()
                .filter(|(_, c)| c.is_alphanumeric() || matches!(c, '_' | '$' | '-'))
            {
                s.push(c);
                chars.next();
            }
            out.push((Tok::Ident(s), at));
        } else if c == ':' {
            chars.next();
            if chars.next_if(|&(_, c)| c == ':').is_none() {
                return Err(TypeError {
                    offset: at,
                    message: "found a lone `:`, expected `::`".into(),
                });
            }
            out.push((Tok::Sep, at));
        } else if c == '.' || c == '\\' {
            chars.next();
            out.push((Tok::Sep, at));
        } else if c == '"' || c == '\'' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    Some((_, q)) if q == c => break,
                    Some((_, ch)) => s.push(ch),
                    None => {
                        return Err(TypeError {
                            offset: at,
                            message: "found an unterminated string literal".into(),
                        });
                    }
                }
            }
            out.push((Tok::Lit(s), at));
        } else if "<>[](){},|*?".contains(c) {
            chars.next();
            out.push((Tok::Punct(c), at));
        } else {
            return Err(TypeError {
                offset: at,
                message: format!("found `{c}`, expected a type name"),
            });
        }
    }
    Ok(out)
}

struct Parser<'t> {
    toks: &'t [(Tok, usize)],
    at: usize,
    end: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|(t, _)| t)
    }

    fn offset(&self) -> usize {
        self.toks.get(self.at).map_or(self.end, |&(_, o)| o)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn error<T>(&self, expected: &str) -> Result<T, TypeError> {
        let found = match self.peek() {
            None => "the end of the expression".to_owned(),
            Some(Tok::Ident(s)) => format!("`{s}`"),
            Some(Tok::Lit(s)) => format!("\"{s}\""),
            Some(Tok::Sep) => "a path separator".to_owned(),
            Some(Tok::Punct(c)) => format!("`{c}`"),
        };
        Err(TypeError {
            offset: self.offset(),
            message: format!("found {found}, expected {expected}"),
        })
    }

    fn expect(&mut self, c: char) -> Result<(), TypeError> {
        if self.eat(c) {
            Ok(())
        } else {
            self.error(&format!("`{c}`"))
        }
    }

    /// union := postfix ('|' postfix)*
    fn union(&mut self) -> Result<Syntax, TypeError> {
        let first = self.postfix()?;
        if self.peek() != Some(&Tok::Punct('|')) {
            return Ok(first);
        }
        let mut all = vec![first];
        while self.eat('|') {
            all.push(self.postfix()?);
        }
        Ok(Syntax::Union(all))
    }

    /// postfix := prefix ('[' ']')*
    fn postfix(&mut self) -> Result<Syntax, TypeError> {
        let mut t = self.prefix()?;
        while self.peek() == Some(&Tok::Punct('['))
            && self.toks.get(self.at + 1).map(|(t, _)| t) == Some(&Tok::Punct(']'))
        {
            self.at += 2;
            t = Syntax::Array(Box::new(t));
        }
        Ok(t)
    }

    /// prefix := '*' prefix | '?' prefix | '[' ']' prefix | primary
    fn prefix(&mut self) -> Result<Syntax, TypeError> {
        if self.eat('*') {
            return Ok(Syntax::Pointer(Box::new(self.prefix()?)));
        }
        if self.eat('?') {
            // `? extends T` (a Java wildcard) means T.
            if self.peek() == Some(&Tok::Ident("extends".into())) {
                self.at += 1;
            }
            return Ok(Syntax::Nullable(Box::new(self.prefix()?)));
        }
        if self.peek() == Some(&Tok::Punct('['))
            && self.toks.get(self.at + 1).map(|(t, _)| t) == Some(&Tok::Punct(']'))
        {
            self.at += 2;
            return Ok(Syntax::Array(Box::new(self.prefix()?)));
        }
        self.primary()
    }

    /// primary := literal | '(' union ')' | path args? trailing?
    fn primary(&mut self) -> Result<Syntax, TypeError> {
        match self.peek() {
            Some(Tok::Lit(s)) => {
                let s = s.clone();
                self.at += 1;
                return Ok(Syntax::Lit(s));
            }
            Some(Tok::Punct('(')) => {
                self.at += 1;
                let t = self.union()?;
                self.expect(')')?;
                return Ok(t);
            }
            _ => {}
        }
        let start = self.offset();
        let mut path = Vec::new();
        self.eat_sep();
        loop {
            match self.peek() {
                Some(Tok::Ident(s)) => {
                    path.push(s.clone());
                    self.at += 1;
                }
                _ => return self.error("a type name"),
            }
            if !self.eat_sep() {
                break;
            }
        }
        let span = start..self.offset();
        let mut args = Vec::new();
        let empty_brackets = self.toks.get(self.at + 1).map(|(t, _)| t) == Some(&Tok::Punct(']'));
        for (open, close) in [('<', '>'), ('[', ']'), ('(', ')')] {
            // `X[]` is an array of X, not X applied to nothing.
            if open == '[' && empty_brackets {
                continue;
            }
            if self.eat(open) {
                args = self.args(close)?;
                // Go writes the value type after the key: `map[string]X`.
                if open == '[' && self.starts_type() {
                    args.push(self.prefix()?);
                }
                break;
            }
        }
        Ok(Syntax::Name { path, args, span })
    }

    fn eat_sep(&mut self) -> bool {
        if self.peek() == Some(&Tok::Sep) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn starts_type(&self) -> bool {
        matches!(
            self.peek(),
            Some(Tok::Ident(_) | Tok::Sep | Tok::Punct('*' | '['))
        )
    }

    fn args(&mut self, close: char) -> Result<Vec<Syntax>, TypeError> {
        let mut args = vec![self.union()?];
        while self.eat(',') {
            args.push(self.union()?);
        }
        self.expect(close)?;
        Ok(args)
    }
}

/// Parses one type expression.
pub fn parse(text: &str) -> Result<Syntax, TypeError> {
    let toks = tokenize(text)?;
    let mut p = Parser {
        toks: &toks,
        at: 0,
        end: text.len(),
    };
    let t = p.union()?;
    if p.at < toks.len() {
        return p.error("the end of the type expression");
    }
    Ok(t)
}

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
    /// May be absent or null: `OptionalNullable[T]`.
    OptionalNullable,
}

/// The vocabulary of one SDK language.
#[derive(Debug, PartialEq, Eq)]
pub struct Dialect {
    /// The name a settings file uses to pick it.
    pub name: &'static str,
    pub words: &'static [(&'static str, Meaning)],
}

impl Dialect {
    pub fn lookup(&self, key: &str) -> Option<Meaning> {
        self.words.iter().find(|(k, _)| *k == key).map(|&(_, m)| m)
    }

    pub fn by_name(name: &str) -> Option<&'static Dialect> {
        DIALECTS.iter().find(|d| d.name == name)
    }
}

use Meaning::{List, ListOrMap, Map, Nullable, Optional, OptionalNullable};
use Scalar::{Any, Bool, Date, DateTime, F32, F64, I32, I64, Object, String as Str};

const fn s(scalar: Scalar) -> Meaning {
    Meaning::Scalar(scalar)
}

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
        ],
    },
    Dialect {
        name: "python",
        words: &[
            ("str", s(Str)),
            ("int", s(I64)),
            ("float", s(F64)),
            ("bool", s(Bool)),
            ("Any", s(Any)),
            ("date", s(Date)),
            ("datetime", s(DateTime)),
            ("Optional", Optional),
            ("Nullable", Nullable),
            ("OptionalNullable", OptionalNullable),
            ("List", List),
            ("Dict", Map),
        ],
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
            ("boolean", s(Bool)),
            ("Boolean", s(Bool)),
            ("Object", s(Any)),
            ("OffsetDateTime", s(DateTime)),
            ("LocalDate", s(Date)),
            ("Optional", Optional),
            ("JsonNullable", OptionalNullable),
            ("List", List),
            ("Map", Map),
        ],
    },
    Dialect {
        name: "typescript",
        words: &[
            ("string", s(Str)),
            ("number", s(F64)),
            ("boolean", s(Bool)),
            ("Date", s(DateTime)),
            ("any", s(Any)),
            ("unknown", s(Any)),
            ("Record", Map),
            ("Array", List),
        ],
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
            ("map", Map),
        ],
    },
    Dialect {
        name: "csharp",
        words: &[
            ("string", s(Str)),
            ("int", s(I32)),
            ("long", s(I64)),
            ("double", s(F64)),
            ("float", s(F32)),
            ("bool", s(Bool)),
            ("DateTime", s(DateTime)),
            ("object", s(Any)),
            ("List", List),
            ("Dictionary", Map),
        ],
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
            ("array", ListOrMap),
        ],
    },
    Dialect {
        name: "readme",
        words: &[
            ("string", s(Str)),
            ("integer", s(I64)),
            ("number", s(F64)),
            ("boolean", s(Bool)),
            ("object", s(Object)),
            ("array", List),
            ("date-time", s(DateTime)),
            ("date", s(Date)),
        ],
    },
];

/// Guesses a doc's language from the names its type expressions use: the
/// dialect that knows the most of them wins, ties going to the first.
pub fn guess_dialect<'a>(exprs: impl IntoIterator<Item = &'a Syntax>) -> &'static Dialect {
    let mut names = Vec::new();
    for e in exprs {
        e.names(&mut names);
    }
    let mut best = &DIALECTS[0];
    let mut best_score = 0;
    for d in DIALECTS {
        let score = names
            .iter()
            .filter(|p| d.lookup(&Syntax::key(p)).is_some())
            .count();
        if score > best_score {
            best = d;
            best_score = score;
        }
    }
    best
}

/// A type with the presence its outermost wrappers say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    pub ty: Ty,
    pub optional: bool,
    pub nullable: bool,
}

/// Applies a dialect's vocabulary to a parsed expression. `links` are the
/// link ranges of the cell text; a name that is not in the vocabulary refers
/// to another model, through the innermost link around it if there is one.
pub fn interpret(
    syntax: &Syntax,
    dialect: &Dialect,
    links: &[(Range<usize>, &str)],
) -> Result<Typed, TypeError> {
    let mut out = Typed {
        ty: Ty::Scalar(Scalar::Any),
        optional: false,
        nullable: false,
    };
    let mut cur = syntax;
    // Peel the outer wrappers: they say whether the field may be absent or null.
    loop {
        let (inner, optional, nullable) = match cur {
            Syntax::Pointer(t) => (&**t, true, false),
            Syntax::Nullable(t) => (&**t, false, true),
            Syntax::Name { path, args, .. } if args.len() == 1 => {
                match dialect.lookup(&Syntax::key(path)) {
                    Some(Optional) => (&args[0], true, false),
                    Some(Nullable) => (&args[0], false, true),
                    Some(OptionalNullable) => (&args[0], true, true),
                    _ => break,
                }
            }
            _ => break,
        };
        out.optional |= optional;
        out.nullable |= nullable;
        cur = inner;
    }
    out.ty = ty_of(cur, dialect, links)?;
    Ok(out)
}

fn ty_of(
    syntax: &Syntax,
    dialect: &Dialect,
    links: &[(Range<usize>, &str)],
) -> Result<Ty, TypeError> {
    let nested = |t: &Syntax| ty_of(t, dialect, links);
    match syntax {
        Syntax::Array(t) => Ok(Ty::List(Box::new(nested(t)?))),
        Syntax::Pointer(t) | Syntax::Nullable(t) => Ok(Ty::Nullable(Box::new(nested(t)?))),
        Syntax::Lit(lit) => Err(TypeError {
            offset: 0,
            message: format!("found the literal \"{lit}\", expected a type (literal types are not supported yet)"),
        }),
        Syntax::Union(_) => Err(TypeError {
            offset: 0,
            message: "found a union of types, expected one type (unions in a Type cell are not supported yet)".into(),
        }),
        Syntax::Name { path, args, span } => {
            let key = Syntax::key(path);
            let arity = |want: &str| TypeError {
                offset: span.start,
                message: format!("found `{key}` with {} type arguments, expected {want}", args.len()),
            };
            match (dialect.lookup(&key), args.as_slice()) {
                (Some(Meaning::Scalar(s)), []) => Ok(Ty::Scalar(s)),
                (Some(Meaning::Scalar(_)), _) => Err(arity("none")),
                (Some(List | ListOrMap), [t]) => Ok(Ty::List(Box::new(nested(t)?))),
                (Some(List), _) => Err(arity("one")),
                (Some(Map | ListOrMap), [.., v]) if args.len() <= 2 => Ok(Ty::Map(Box::new(nested(v)?))),
                (Some(Map | ListOrMap), _) => Err(arity("one or two")),
                (Some(Optional | Nullable | OptionalNullable), [t]) => Ok(Ty::Nullable(Box::new(nested(t)?))),
                (Some(Optional | Nullable | OptionalNullable), _) => Err(arity("one")),
                (None, []) => {
                    let link = links
                        .iter()
                        .filter(|(r, _)| r.start <= span.start && span.end <= r.end)
                        .min_by_key(|(r, _)| r.len())
                        .map(|(_, dest)| (*dest).to_owned());
                    let name = path.last().cloned().unwrap_or_default();
                    Ok(Ty::Named(NamedRef { name, link }))
                }
                (None, _) => Err(TypeError {
                    offset: span.start,
                    message: format!("found `{key}<…>`, expected a type the {} vocabulary knows", dialect.name),
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, link: Option<&str>) -> Ty {
        Ty::Named(NamedRef {
            name: name.into(),
            link: link.map(Into::into),
        })
    }

    fn typed(text: &str, dialect: &str, links: &[(Range<usize>, &str)]) -> Typed {
        let syntax = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let dialect = Dialect::by_name(dialect).expect("dialect");
        interpret(&syntax, dialect, links).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn parses_every_syntax_form() {
        let cases = [
            "T::Array<::String>",
            "T.nilable(::Integer)",
            "Optional[List[str]]",
            "Dict[str, Any]",
            "Optional<? extends Foo>",
            "map[string]*Foo",
            "[]string",
            "string[]",
            "?string",
            "float|int|bool",
            "Record<string, Foo>",
            "Literal[\"x\"]",
            "\\DateTime",
            "byte[]",
        ];
        for c in cases {
            assert!(parse(c).is_ok(), "{c}: {:?}", parse(c));
        }
        assert_eq!(
            parse("map[string]X"),
            Ok(Syntax::Name {
                path: vec!["map".into()],
                args: vec![
                    Syntax::Name {
                        path: vec!["string".into()],
                        args: vec![],
                        span: 4..10
                    },
                    Syntax::Name {
                        path: vec!["X".into()],
                        args: vec![],
                        span: 11..12
                    },
                ],
                span: 0..3,
            })
        );
    }

    #[test]
    fn reports_where_an_expression_goes_wrong() {
        assert_eq!(parse("List<str").unwrap_err().offset, 8);
        assert_eq!(
            parse("List<str>>").unwrap_err().message,
            "found `>`, expected the end of the type expression"
        );
        assert_eq!(
            parse("a % b").unwrap_err(),
            TypeError {
                offset: 2,
                message: "found `%`, expected a type name".into()
            }
        );
        assert_eq!(
            parse("").unwrap_err().message,
            "found the end of the expression, expected a type name"
        );
    }

    #[test]
    fn applies_vocabularies() {
        let t = typed("T.nilable(::Integer)", "ruby", &[]);
        assert_eq!(
            t,
            Typed {
                ty: Ty::Scalar(Scalar::I64),
                optional: false,
                nullable: true
            }
        );
        let t = typed("Optional<Double>", "java", &[]);
        assert_eq!(
            t,
            Typed {
                ty: Ty::Scalar(Scalar::F64),
                optional: true,
                nullable: false
            }
        );
        assert_eq!(typed("int", "java", &[]).ty, Ty::Scalar(Scalar::I32));
        assert_eq!(typed("int", "python", &[]).ty, Ty::Scalar(Scalar::I64));
        let t = typed("T::Array<::String>", "ruby", &[]);
        assert_eq!(t.ty, Ty::List(Box::new(Ty::Scalar(Scalar::String))));
        let t = typed("map[string]*Foo", "go", &[]);
        assert_eq!(
            t.ty,
            Ty::Map(Box::new(Ty::Nullable(Box::new(named("Foo", None)))))
        );
        assert_eq!(
            typed("array<string, int>", "php", &[]).ty,
            Ty::Map(Box::new(Ty::Scalar(Scalar::I64)))
        );
        assert_eq!(
            typed("array<int>", "php", &[]).ty,
            Ty::List(Box::new(Ty::Scalar(Scalar::I64)))
        );
    }

    #[test]
    fn attaches_the_innermost_link() {
        let text = "T.nilable(Models::Components::GrantType)";
        let t = typed(text, "ruby", &[(0..text.len(), "../g.md")]);
        assert_eq!(t.ty, named("GrantType", Some("../g.md")));
        assert!(t.nullable);
        let text = "T::Array<::Sdk::Shared::W>";
        let t = typed(text, "ruby", &[(9..25, "w.md")]);
        assert_eq!(t.ty, Ty::List(Box::new(named("W", Some("w.md")))));
    }

    #[test]
    fn guesses_the_language() {
        let guess = |exprs: &[&str]| {
            let parsed: Vec<Syntax> = exprs.iter().map(|e| parse(e).expect("parses")).collect();
            guess_dialect(&parsed).name
        };
        assert_eq!(guess(&["str", "int"]), "python");
        assert_eq!(guess(&["Optional<String>", "Optional<Double>"]), "java");
        assert_eq!(guess(&["T.nilable(::String)", "::Integer"]), "ruby");
        assert_eq!(guess(&["*string", "time.Time"]), "go");
    }
}

/// The README's type mapping table, generated from [`DIALECTS`] so that the
/// two cannot drift apart (a test compares them).
#[cfg(test)]
pub fn mapping_table() -> String {
    let meaning = |m: Meaning| -> &'static str {
        match m {
            Meaning::Scalar(Str) => "`String`",
            Meaning::Scalar(Bool) => "`bool`",
            Meaning::Scalar(I32) => "`i32`",
            Meaning::Scalar(I64) => "`i64`",
            Meaning::Scalar(F32) => "`f32`",
            Meaning::Scalar(F64) => "`f64`",
            Meaning::Scalar(DateTime) => "`chrono::DateTime<FixedOffset>`",
            Meaning::Scalar(Date) => "`chrono::NaiveDate`",
            Meaning::Scalar(Any) => "`serde_json::Value`",
            Meaning::Scalar(Object) => "`serde_json::Map<String, Value>`",
            List => "`Vec<T>`",
            Map => "`BTreeMap<String, V>`",
            ListOrMap => "`Vec<T>` (one argument), `BTreeMap<String, V>` (two)",
            Optional => "may be absent: `Option<T>`",
            Nullable => "may be null: `Option<T>`",
            OptionalNullable => "may be absent or null: `Option<T>`",
        }
    };
    let mut out = String::from("| language | written | Rust |\n| --- | --- | --- |\n");
    for d in DIALECTS {
        let mut rows: Vec<(&str, Vec<&str>)> = Vec::new();
        for &(word, m) in d.words {
            let rust = meaning(m);
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
