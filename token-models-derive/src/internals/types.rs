//! Stage 2a: type expressions, as the Type column writes them, to [`Ty`].
//!
//! One small grammar covers the syntax of every SDK language
//! (`T::Array<X>`, `Optional[str]`, `Map<String, X>`, `map[string]X`, `*X`,
//! `X[]`, `?X`, `A | B`, `{ [k: string]: X }`, literals); what a name
//! *means* comes from a per-language vocabulary table ([`DIALECTS`]). A new
//! generator's vocabulary is a new table, not a new parser.

use super::few::Few;
use super::hash;
use super::ir::{NamedRef, Scalar, Ty};
use super::naming::Case;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// A literal in a type expression (`Literal["x"]`, `"x"`, `100`, `true`).
#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Lit {
    /// The type a literal is a value of.
    pub fn scalar(&self) -> Scalar {
        match self {
            Lit::Str(_) => Scalar::String,
            Lit::Int(_) => Scalar::I64,
            Lit::Float(_) => Scalar::F64,
            Lit::Bool(_) => Scalar::Bool,
        }
    }
}

/// A type expression as parsed, before any vocabulary is applied. Names
/// are where they are in the parsed text (byte ranges), so a parse copies
/// no name and borrows nothing: it can be kept beside the text it was read
/// from.
#[derive(Debug, Clone, PartialEq)]
pub enum Syntax {
    /// `Name`, `a::b::Name<args>`, `Dict[str, X]`, `T.nilable(X)`: the
    /// path's segments.
    Name {
        path: Few<Range<usize>>,
        args: Vec<Syntax>,
        span: Range<usize>,
    },
    Lit(Lit),
    /// `X[]` or `[]X`.
    Array(Box<Syntax>),
    /// `*X` (a Go pointer).
    Pointer(Box<Syntax>),
    /// `?X` (PHP).
    Nullable(Box<Syntax>),
    /// `A | B`.
    Union(Vec<Syntax>),
    /// `{ [k: string]: X }` (TypeScript).
    IndexMap(Box<Syntax>),
    /// `?` (a Java wildcard): any type.
    Wildcard,
}

impl Syntax {
    /// The vocabulary key of the path `path` of `text`: its segments
    /// joined with `.`, a leading separator dropped (`::Integer` is
    /// `Integer`, `T::Array` is `T.Array`). `buf` holds the joined key when
    /// the text does not already write it so.
    fn key<'b>(text: &'b str, path: &[Range<usize>], buf: &'b mut String) -> &'b str {
        let segment = |r: &Range<usize>| text.get(r.clone()).unwrap_or("");
        match path {
            [] => "",
            [one] => segment(one),
            [first, .., last]
                if path
                    .windows(2)
                    .all(|w| text.get(w[0].end..w[1].start) == Some(".")) =>
            {
                text.get(first.start..last.end).unwrap_or("")
            }
            _ => {
                buf.clear();
                for (k, r) in path.iter().enumerate() {
                    if k > 0 {
                        buf.push('.');
                    }
                    buf.push_str(segment(r));
                }
                buf
            }
        }
    }

    fn names<'s>(&'s self, out: &mut Vec<&'s [Range<usize>]>) {
        match self {
            Syntax::Name { path, args, .. } => {
                out.push(path);
                args.iter().for_each(|a| a.names(out));
            }
            Syntax::Lit(_) | Syntax::Wildcard => {}
            Syntax::Array(t) | Syntax::Pointer(t) | Syntax::Nullable(t) | Syntax::IndexMap(t) => {
                t.names(out)
            }
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
    /// A name, up to this offset of the text.
    Ident(usize),
    /// `::`, `.` or `\` between path segments.
    Sep,
    Lit(Lit),
    Punct(char),
}

/// Room for the tokens of type expressions, kept from one parse to the
/// next (see [`parse_with`]).
#[derive(Debug, Default)]
struct Tokens(Vec<(Tok, usize)>);

fn tokenize(text: &str, out: &mut Vec<(Tok, usize)>) -> Result<(), TypeError> {
    // A token is at least one byte: never grown while tokenizing.
    out.clear();
    out.reserve(text.len());
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        let after = at + c.len_utf8();
        if c.is_whitespace() {
            at = after;
        } else if c.is_ascii_digit()
            || (c == '-' && text[after..].starts_with(|d: char| d.is_ascii_digit()))
        {
            let end = number_end(text, at);
            let s = &text[at..end];
            let lit = if let Ok(n) = s.parse::<i64>() {
                Lit::Int(n)
            } else if let Ok(f) = s.parse::<f64>() {
                Lit::Float(f)
            } else {
                return Err(TypeError {
                    offset: at,
                    message: format!("found `{s}`, expected a type name or a number"),
                });
            };
            out.push((Tok::Lit(lit), at));
            at = end;
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let end = name_end(text, at);
            let tok = match &text[at..end] {
                "true" => Tok::Lit(Lit::Bool(true)),
                "false" => Tok::Lit(Lit::Bool(false)),
                _ => Tok::Ident(end),
            };
            out.push((tok, at));
            at = end;
        } else if c == ':' {
            if char_at(text, after) == Some(':') {
                out.push((Tok::Sep, at));
                at = after + 1;
            } else {
                out.push((Tok::Punct(':'), at));
                at = after;
            }
        } else if c == '\\' {
            // `\<` is markdown's escape left in the text; `\Foo\Bar` is a PHP path.
            let escape = char_at(text, after)
                .is_some_and(|n| matches!(n, '<' | '>' | '[' | ']' | '*' | '_' | '|'));
            if !escape {
                out.push((Tok::Sep, at));
            }
            at = after;
        } else if c == '.' {
            out.push((Tok::Sep, at));
            at = after;
        } else if c == '"' || c == '\'' {
            let Some(len) = text[after..].find(c) else {
                return Err(TypeError {
                    offset: at,
                    message: "found an unterminated string literal".into(),
                });
            };
            out.push((Tok::Lit(Lit::Str(text[after..after + len].to_owned())), at));
            at = after + len + 1;
        } else if matches!(
            c,
            '<' | '>' | '[' | ']' | '(' | ')' | '{' | '}' | ',' | '|' | '*' | '?'
        ) {
            out.push((Tok::Punct(c), at));
            at = after;
        } else {
            return Err(TypeError {
                offset: at,
                message: format!("found `{c}`, expected a type name"),
            });
        }
    }
    Ok(())
}

/// The end of the number starting at byte offset `at`: ASCII letters,
/// digits, `.`, `-` and `_` (what `parse` then accepts or refuses). Bytes,
/// not characters: the macro usually runs unoptimised.
fn number_end(text: &str, at: usize) -> usize {
    let rest = text.as_bytes().get(at..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_')))
        .unwrap_or(rest.len());
    at + len
}

/// The end of the name starting at byte offset `at`: letters, digits, `_`,
/// `$` and `-`; ASCII ones byte by byte.
fn name_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'-')) {
                break;
            }
            at += 1;
        } else {
            match char_at(text, at) {
                Some(c) if c.is_alphanumeric() => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

/// The character at byte offset `at` (a character boundary), read as a
/// byte when it is ASCII (the macro usually runs unoptimised).
fn char_at(text: &str, at: usize) -> Option<char> {
    let b = *text.as_bytes().get(at)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        text.get(at..)?.chars().next()
    }
}

struct Parser<'t> {
    text: &'t str,
    toks: &'t [(Tok, usize)],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|(t, _)| t)
    }

    fn offset(&self) -> usize {
        self.toks.get(self.at).map_or(self.text.len(), |&(_, o)| o)
    }

    /// Whether the token `n` ahead is the punctuation `c` (a `match`, not
    /// `==`: the derived comparison is a chain of calls unoptimised).
    fn punct_at(&self, n: usize, c: char) -> bool {
        matches!(self.toks.get(self.at + n), Some((Tok::Punct(p), _)) if *p == c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.punct_at(0, c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn eat_ident(&mut self, word: &str) -> bool {
        if matches!(self.toks.get(self.at), Some(&(Tok::Ident(end), at)) if self.text.get(at..end) == Some(word))
        {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn empty_brackets(&self) -> bool {
        self.punct_at(0, '[') && self.punct_at(1, ']')
    }

    fn error<T>(&self, expected: &str) -> Result<T, TypeError> {
        let found = match self.toks.get(self.at).map(|(t, at)| (t, *at)) {
            None => "the end of the expression".to_owned(),
            Some((&Tok::Ident(end), at)) => format!("`{}`", self.text.get(at..end).unwrap_or("")),
            Some((Tok::Lit(l), _)) => format!("the literal {l:?}"),
            Some((Tok::Sep, _)) => "a path separator".to_owned(),
            Some((Tok::Punct(c), _)) => format!("`{c}`"),
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
        if !self.punct_at(0, '|') {
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
        while self.empty_brackets() {
            self.at += 2;
            t = Syntax::Array(Box::new(t));
        }
        Ok(t)
    }

    /// prefix := '*' prefix | '?' 'extends'? prefix | '[' ']' prefix | primary
    fn prefix(&mut self) -> Result<Syntax, TypeError> {
        if self.eat('*') {
            return Ok(Syntax::Pointer(Box::new(self.prefix()?)));
        }
        if self.eat('?') {
            // `? extends T` (a Java wildcard) is T.
            if self.eat_ident("extends") {
                return self.prefix();
            }
            // `?` alone (`HttpResponse<?>`) is any type.
            if self.punct_at(0, '>') || self.punct_at(0, ',') {
                return Ok(Syntax::Wildcard);
            }
            return Ok(Syntax::Nullable(Box::new(self.prefix()?)));
        }
        if self.empty_brackets() {
            self.at += 2;
            return Ok(Syntax::Array(Box::new(self.prefix()?)));
        }
        self.primary()
    }

    /// primary := literal | '(' union ')' | '{' '[' name ':' union ']' ':' union '}'
    ///          | path args? trailing?
    fn primary(&mut self) -> Result<Syntax, TypeError> {
        match self.peek() {
            Some(Tok::Lit(l)) => {
                let l = l.clone();
                self.at += 1;
                return Ok(Syntax::Lit(l));
            }
            Some(Tok::Punct('(')) => {
                self.at += 1;
                let t = self.union()?;
                self.expect(')')?;
                return Ok(t);
            }
            Some(Tok::Punct('{')) => {
                self.at += 1;
                self.expect('[')?;
                if !matches!(self.peek(), Some(Tok::Ident(_))) {
                    return self.error("a key name");
                }
                self.at += 1;
                self.expect(':')?;
                self.union()?;
                self.expect(']')?;
                self.expect(':')?;
                let value = self.union()?;
                self.eat(';');
                self.expect('}')?;
                return Ok(Syntax::IndexMap(Box::new(value)));
            }
            _ => {}
        }
        let start = self.offset();
        let mut path = Few::default();
        self.eat_sep();
        loop {
            match self.toks.get(self.at) {
                // A constructor call, `X.new(args)` or `X.new` (Ruby's
                // Crystalline), is read as `X(args)`.
                Some(&(Tok::Ident(end), at))
                    if !path.is_empty()
                        && self.text.get(at..end) == Some("new")
                        && !matches!(self.toks.get(self.at + 1), Some((Tok::Sep, _))) =>
                {
                    self.at += 1;
                    break;
                }
                Some(&(Tok::Ident(end), at)) => {
                    path.push(at..end);
                    self.at += 1;
                }
                _ => return self.error("a type name"),
            }
            if !self.eat_sep() {
                break;
            }
        }
        let span = start..self.offset();
        // Go's `interface{}`.
        if self.punct_at(0, '{') && self.punct_at(1, '}') {
            self.at += 2;
        }
        let mut args = Vec::new();
        for (open, close) in [('<', '>'), ('[', ']'), ('(', ')')] {
            // `X[]` is an array of X, not X applied to nothing.
            if open == '[' && self.empty_brackets() {
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
        if matches!(self.peek(), Some(Tok::Sep)) {
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
        // Most lists are one argument or a map's two.
        let mut args = Vec::with_capacity(2);
        args.push(self.union()?);
        while self.eat(',') {
            args.push(self.union()?);
        }
        self.expect(close)?;
        Ok(args)
    }
}

/// Parses one type expression.
pub fn parse(text: &str) -> Result<Syntax, TypeError> {
    parse_with(text, &mut Tokens::default())
}

/// Parses one type expression, with room for its tokens kept from the
/// last (one allocation for all the Type cells a thread parses).
fn parse_with(text: &str, tokens: &mut Tokens) -> Result<Syntax, TypeError> {
    tokenize(text, &mut tokens.0)?;
    let mut p = Parser {
        text,
        toks: &tokens.0,
        at: 0,
    };
    let t = p.union()?;
    // Closing brackets left over at the end close nothing: a generator's
    // slip (`[AxiosResponse>](…)`), read as if they were not there.
    let stray = |(tok, _): &(Tok, usize)| matches!(tok, Tok::Punct('>' | ']' | ')'));
    if !p.toks.get(p.at..).unwrap_or_default().iter().all(stray) {
        return p.error("the end of the type expression");
    }
    Ok(t)
}

/// A type expression parsed, with how many of its names each dialect knows
/// (what [`dialect_scores`] adds up for a Type column).
#[derive(Debug)]
pub struct Parsed {
    pub syntax: Result<Syntax, TypeError>,
    /// In [`DIALECTS`] order; all zero when the expression does not parse.
    pub scores: [usize; DIALECTS.len()],
    /// The expression interpreted in each dialect as it reads without
    /// links, once known, and whether it refers to a model by name (see
    /// [`Parsed::interpret`]).
    typed: [OnceLock<(Result<Typed, TypeError>, bool)>; DIALECTS.len()],
}

impl Parsed {
    fn new(text: &str, tokens: &mut Tokens) -> Parsed {
        let syntax = parse_with(text, tokens);
        let mut scores = [0; DIALECTS.len()];
        if let Ok(s) = &syntax {
            scores.copy_from_slice(&dialect_scores([(s, text)]));
        }
        Parsed {
            syntax,
            scores,
            typed: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    /// [`interpret`] of the expression, parsed from `text`. Links only say
    /// where a name that refers to a model leads, so without such a name
    /// (`[date](https://docs.python.org/…)`, or no link at all) nothing but
    /// the dialect changes the result: it is worked out once per dialect
    /// and copied for every cell that writes the same text.
    pub fn interpret(
        &self,
        text: &str,
        dialect: &Dialect,
        links: &[(Range<usize>, &str)],
    ) -> Result<Typed, TypeError> {
        let syntax = self.syntax.as_ref().map_err(Clone::clone)?;
        let known = DIALECTS.iter().position(|d| std::ptr::eq(d, dialect));
        let Some(once) = known.and_then(|k| self.typed.get(k)) else {
            return interpret(syntax, text, dialect, links);
        };
        if let Some((plain, named)) = once.get() {
            if !named || links.is_empty() {
                return plain.clone();
            }
        }
        let typed = interpret(syntax, text, dialect, links);
        let mut named = false;
        if let Ok(t) = &typed {
            t.ty.walk(&mut |t| named |= matches!(t, Ty::Named(_)));
        }
        // Without a name that refers to a model, this is the result without
        // links too.
        if links.is_empty() || !named {
            let _ = once.set((typed.clone(), named));
        }
        typed
    }
}

/// The type expressions one thread has parsed, by their text. A Type column
/// writes a few expressions over and over (`*Optional[str]*`: the shared
/// corpus's Python docs write 3,766 Type cells with 703 distinct texts), so
/// most cells are a lookup instead of a parse. A parse depends on nothing
/// but the text, so sharing one changes nothing a doc reads.
#[derive(Debug, Default)]
pub struct Parses {
    by_text: hash::StrMap<Box<str>, Arc<Parsed>>,
    tokens: Tokens,
}

impl Parses {
    /// `text` parsed, now or when it was first seen.
    pub fn parse(&mut self, text: &str) -> Arc<Parsed> {
        if let Some(parsed) = self.by_text.get(text) {
            return Arc::clone(parsed);
        }
        let parsed = Arc::new(Parsed::new(text, &mut self.tokens));
        self.by_text.insert(text.into(), Arc::clone(&parsed));
        parsed
    }
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

/// How many of the names in `exprs` each dialect knows, in [`DIALECTS`]
/// order.
pub fn dialect_scores<'s>(exprs: impl IntoIterator<Item = (&'s Syntax, &'s str)>) -> Vec<usize> {
    let known = vocabulary();
    let mut scores = vec![0; DIALECTS.len()];
    let mut names = Vec::new();
    let mut buf = String::new();
    for (e, text) in exprs {
        names.clear();
        e.names(&mut names);
        for path in &names {
            let key = Syntax::key(text, path, &mut buf);
            let mut mask = known.get(key).map_or(0, |w| w.dialects) & voters();
            while mask != 0 {
                scores[mask.trailing_zeros() as usize] += 1;
                mask &= mask - 1;
            }
        }
    }
    scores
}

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

/// The dialect that knows the most names, if exactly one does.
pub fn best_dialect(scores: &[usize]) -> Option<&'static Dialect> {
    let max = scores.iter().copied().max().filter(|&m| m > 0)?;
    let mut best = scores.iter().enumerate().filter(|&(_, &s)| s == max);
    match (best.next(), best.next()) {
        (Some((i, _)), None) => DIALECTS.get(i),
        _ => None,
    }
}

/// Guesses a doc's language from the names its type expressions use: the
/// dialect that knows the most of them, or `fallback()` on a tie.
pub fn guess_dialect<'s>(
    exprs: impl IntoIterator<Item = (&'s Syntax, &'s str)>,
    fallback: impl FnOnce() -> &'static Dialect,
) -> &'static Dialect {
    best_dialect(&dialect_scores(exprs)).unwrap_or_else(fallback)
}

/// A type with the presence its outermost wrappers say.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub ty: Ty,
    pub optional: bool,
    pub nullable: bool,
}

/// Applies a dialect's vocabulary to an expression parsed from `text`.
/// `links` are the link ranges of the cell text; a name that is not in the
/// vocabulary refers to another model, through the innermost link around
/// it if there is one.
pub fn interpret(
    syntax: &Syntax,
    text: &str,
    dialect: &Dialect,
    links: &[(Range<usize>, &str)],
) -> Result<Typed, TypeError> {
    let mut out = Typed {
        ty: Ty::Scalar(Scalar::Any),
        optional: false,
        nullable: false,
    };
    let mut cur = syntax;
    let mut buf = String::new();
    // Peel the outer wrappers: they say whether the field may be absent or null.
    loop {
        let (inner, optional, nullable) = match cur {
            Syntax::Pointer(t) => (&**t, true, false),
            Syntax::Nullable(t) => (&**t, false, true),
            Syntax::Name { path, args, .. } if args.len() == 1 => {
                match dialect.lookup(Syntax::key(text, path, &mut buf)) {
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
    out.ty = ty_of(cur, text, dialect, links)?;
    // `A | null` at the top: a nullable A.
    if let Ty::Nullable(inner) = out.ty {
        out.ty = *inner;
        out.nullable = true;
    }
    Ok(out)
}

fn ty_of(
    syntax: &Syntax,
    text: &str,
    dialect: &Dialect,
    links: &[(Range<usize>, &str)],
) -> Result<Ty, TypeError> {
    let nested = |t: &Syntax| ty_of(t, text, dialect, links);
    match syntax {
        Syntax::Array(t) => Ok(Ty::List(Box::new(nested(t)?))),
        Syntax::IndexMap(t) => Ok(Ty::Map(Box::new(nested(t)?))),
        Syntax::Pointer(t) | Syntax::Nullable(t) => Ok(Ty::Nullable(Box::new(nested(t)?))),
        Syntax::Lit(lit) => Ok(Ty::Scalar(lit.scalar())),
        Syntax::Wildcard => Ok(Ty::Scalar(Scalar::Any)),
        Syntax::Union(alternatives) => match linked_union(alternatives, None, links) {
            Some(named) => Ok(named),
            None => union(alternatives.iter().map(nested).collect::<Result<_, _>>()?),
        },
        Syntax::Name { path, args, span } => {
            let mut buf = String::new();
            let key = Syntax::key(text, path, &mut buf);
            let arity = |want: &str| TypeError {
                offset: span.start,
                message: format!(
                    "found `{key}` with {} type arguments, expected {want}",
                    args.len()
                ),
            };
            match (dialect.lookup(key), args.as_slice()) {
                (Some(Meaning::Scalar(s)), []) => Ok(Ty::Scalar(s)),
                (Some(Meaning::Scalar(_)), _) => Err(arity("none")),
                (Some(Transport(why)), _) => Ok(Ty::Transport(why)),
                (Some(Null), []) => Ok(Ty::Null),
                (Some(List | ListOrMap), [t]) => Ok(Ty::List(Box::new(nested(t)?))),
                (Some(List), _) => Err(arity("one")),
                (Some(Map | ListOrMap), [.., v]) if args.len() <= 2 => {
                    Ok(Ty::Map(Box::new(nested(v)?)))
                }
                (Some(Map | ListOrMap), _) => Err(arity("one or two")),
                (Some(Optional | Nullable | OptionalNullable), [t]) => {
                    Ok(Ty::Nullable(Box::new(nested(t)?)))
                }
                (Some(Same), [t]) => nested(t),
                (Some(Optional | Nullable | OptionalNullable | Same), _) => Err(arity("one")),
                (Some(Meaning::Union), alternatives) if !alternatives.is_empty() => {
                    match linked_union(alternatives, Some(span), links) {
                        Some(named) => Ok(named),
                        None => union(alternatives.iter().map(nested).collect::<Result<_, _>>()?),
                    }
                }
                (Some(Meaning::Literal), [first, ..]) => match first {
                    Syntax::Lit(l) => Ok(Ty::Scalar(l.scalar())),
                    Syntax::Name { path, .. } if matches!(&path[..], [b] if matches!(text.get(b.clone()), Some("True" | "False"))) => {
                        Ok(Ty::Scalar(Scalar::Bool))
                    }
                    _ => Err(TypeError {
                        offset: span.start,
                        message: format!(
                            "found `{key}` of something that is not a literal, expected `{key}[\"value\"]`"
                        ),
                    }),
                },
                (Some(Meaning::Union | Meaning::Literal | Null), _) => Err(arity("at least one")),
                (None, []) => {
                    let link = links
                        .iter()
                        .filter(|(r, _)| r.start <= span.start && span.end <= r.end)
                        .min_by_key(|(r, _)| r.len())
                        .map(|(_, dest)| (*dest).to_owned());
                    Ok(Ty::Named(NamedRef {
                        path: key.to_owned(),
                        link,
                    }))
                }
                (None, _) => Err(TypeError {
                    offset: span.start,
                    message: format!(
                        "found `{key}<…>`, expected a type the {} vocabulary knows",
                        dialect.name
                    ),
                }),
            }
        }
    }
}

/// A union written inside one link to a doc (`[A | B](x.md)`,
/// `[T.nilable(T.any(A, B))](x.md)`) is the linked doc's type: the doc
/// describes the union the expression spells out. `own` is the span of the
/// union's own name (`T.any`), if it has one.
fn linked_union(
    alternatives: &[Syntax],
    own: Option<&Range<usize>>,
    links: &[(Range<usize>, &str)],
) -> Option<Ty> {
    let mut names = Vec::new();
    alternatives.iter().for_each(|a| a.names(&mut names));
    let mut extent = own.cloned();
    for r in names.iter().flat_map(|p| p.iter()) {
        extent = Some(match extent {
            Some(e) => e.start.min(r.start)..e.end.max(r.end),
            None => r.clone(),
        });
    }
    let extent = extent?;
    let (_, dest) = links
        .iter()
        .filter(|(r, _)| r.start <= extent.start && extent.end <= r.end)
        .min_by_key(|(r, _)| r.len())?;
    let file = dest.split(['#', '?']).next().unwrap_or(dest);
    if file.contains("://") || !file.ends_with(".md") {
        return None;
    }
    let stem = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".md");
    Some(Ty::Named(NamedRef {
        path: stem.to_owned(),
        link: Some((*dest).to_owned()),
    }))
}

/// One of several types. `null` among them makes the rest nullable; equal
/// alternatives merge (`Literal["a"] | UnrecognizedStr` is a string), and
/// integers merge into floats.
fn union(alternatives: Vec<Ty>) -> Result<Ty, TypeError> {
    let nullable = alternatives.contains(&Ty::Null);
    let mut distinct: Vec<Ty> = Vec::new();
    for t in alternatives.into_iter().filter(|t| *t != Ty::Null) {
        if !distinct.contains(&t) {
            distinct.push(t);
        }
    }
    // Numbers of several kinds are one: a float, or a number that keeps
    // its integers when one of them does.
    let numeric = |t: &Ty| matches!(t, Ty::Scalar(Scalar::I64 | Scalar::F64 | Scalar::Number));
    if distinct.len() >= 2 && distinct.iter().all(numeric) {
        let keeps = distinct.contains(&Ty::Scalar(Scalar::Number));
        distinct = vec![Ty::Scalar(if keeps { Scalar::Number } else { Scalar::F64 })];
    }
    let ty = match distinct.len() {
        0 => Ty::Scalar(Scalar::Any),
        1 => distinct.remove(0),
        _ => {
            // A transport object among data: the field is not JSON data.
            if let Some(t) = distinct.iter().find(|t| matches!(t, Ty::Transport(_))) {
                return Ok(t.clone());
            }
            Ty::Union(distinct)
        }
    };
    Ok(if nullable {
        Ty::Nullable(Box::new(ty))
    } else {
        ty
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_parsed_once_and_its_parse_shared() {
        let mut parses = Parses::default();
        for text in [
            "*Optional[str]*",
            "Optional[List[str]]",
            "Dict[str, *Any*]",
            "a[",
            "",
        ] {
            let first = parses.parse(text);
            assert!(Arc::ptr_eq(&first, &parses.parse(text)), "{text}");
            assert_eq!(first.syntax, parse(text), "{text}");
            let scores = match parse(text) {
                Ok(s) => dialect_scores([(&s, text)]),
                Err(_) => vec![0; DIALECTS.len()],
            };
            assert_eq!(first.scores.as_slice(), scores, "{text}");
        }
        let python = DIALECTS.iter().position(|d| d.name == "python");
        let optional = parses.parse("Optional[List[str]]");
        assert_eq!(python.map(|k| optional.scores[k]), Some(3));
    }

    #[test]
    fn a_shared_parse_interprets_as_a_fresh_one_in_every_dialect() {
        let mut parses = Parses::default();
        // A model's name in a link, a scalar's in one (Python's docs link
        // `date` to Python's), and both.
        let cases = [
            ("Optional[List[Thing]]", 14..19),
            ("Optional[date]", 9..13),
            ("Dict[date, Thing]", 5..9),
            ("Dict[date, Thing]", 11..16),
        ];
        for (text, linked) in cases {
            let parsed = parses.parse(text);
            let Ok(syntax) = parse(text) else {
                panic!("{text}")
            };
            let link = [(linked, "thing.md")];
            for dialect in DIALECTS {
                for links in [&[][..], &link[..], &[][..], &link[..]] {
                    assert_eq!(
                        parsed.interpret(text, dialect, links),
                        interpret(&syntax, text, dialect, links),
                        "{text} {} {links:?}",
                        dialect.name
                    );
                }
            }
        }
        let text = "Optional[List[Thing]]";
        let parsed = parses.parse(text);
        let link = [(14..19, "thing.md")];
        let python = Dialect::by_name("python").expect("python");
        let linked = parsed.interpret(text, python, &link).map(|t| t.ty);
        let named = |link: Option<&str>| {
            Ty::List(Box::new(Ty::Named(NamedRef {
                path: "Thing".into(),
                link: link.map(Into::into),
            })))
        };
        assert_eq!(linked, Ok(named(Some("thing.md"))));
        assert_eq!(
            parsed.interpret(text, python, &[]).map(|t| t.ty),
            Ok(named(None))
        );
        let broken = parses.parse("List[");
        let error = broken.interpret("List[", python, &[]).err();
        assert_eq!(error, parse("List[").err());
    }

    #[test]
    fn a_names_key_joins_its_segments_with_dots() {
        let key = |text: &str| {
            let Ok(Syntax::Name { path, .. }) = parse(text) else {
                panic!("{text}: {:?}", parse(text))
            };
            Syntax::key(text, &path, &mut String::new()).to_owned()
        };
        assert_eq!(key("str"), "str");
        assert_eq!(key("::Integer"), "Integer");
        assert_eq!(key("T::Array<X>"), "T.Array");
        assert_eq!(key("models.errors.Error"), "models.errors.Error");
        assert_eq!(
            key("\\Brick\\DateTime\\LocalDate"),
            "Brick.DateTime.LocalDate"
        );
        assert_eq!(key("a . b"), "a.b");
    }

    #[test]
    fn a_dialect_looks_up_its_own_words_and_no_others() {
        for d in DIALECTS {
            for &(key, _) in d.words {
                // A word listed twice means what it first says.
                let first = d.words.iter().find(|(k, _)| *k == key).map(|&(_, m)| m);
                assert_eq!(d.lookup(key), first, "{} {key}", d.name);
            }
            for other in DIALECTS {
                for &(key, _) in other.words {
                    if !d.words.iter().any(|(k, _)| *k == key) {
                        assert_eq!(d.lookup(key), None, "{} {key}", d.name);
                    }
                }
            }
            assert_eq!(d.lookup("NoSuchWord"), None);
        }
    }

    fn named(name: &str, qualifier: &[&str], link: Option<&str>) -> Ty {
        let mut path: Vec<&str> = qualifier.to_vec();
        path.push(name);
        Ty::Named(NamedRef {
            path: path.join("."),
            link: link.map(Into::into),
        })
    }

    fn typed(text: &str, dialect: &str, links: &[(Range<usize>, &str)]) -> Typed {
        let syntax = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let dialect = Dialect::by_name(dialect).expect("dialect");
        interpret(&syntax, text, dialect, links).unwrap_or_else(|e| panic!("{text}: {e:?}"))
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
            "Map<String, List\\<String>>",
            "{ [k: string]: any }[]",
            "interface{}",
            "Literal[True]",
            "100",
        ];
        for c in cases {
            assert!(parse(c).is_ok(), "{c}: {:?}", parse(c));
        }
        assert_eq!(
            parse("map[string]X"),
            Ok(Syntax::Name {
                path: std::iter::once(0..3).collect(),
                args: vec![
                    Syntax::Name {
                        path: std::iter::once(4..10).collect(),
                        args: vec![],
                        span: 4..10
                    },
                    Syntax::Name {
                        path: std::iter::once(11..12).collect(),
                        args: vec![],
                        span: 11..12
                    },
                ],
                span: 0..3,
            })
        );
    }

    /// Newer Ruby generators write Crystalline constructor calls where
    /// older ones wrote Sorbet: both read alike.
    #[test]
    fn a_constructor_call_reads_as_its_arguments() {
        let string = || Box::new(Ty::Scalar(Scalar::String));
        let nilable = typed("Crystalline::Nilable.new(::String)", "ruby", &[]);
        assert_eq!(nilable, typed("T.nilable(::String)", "ruby", &[]));
        assert!(nilable.nullable);
        assert_eq!(
            typed("Crystalline::Boolean.new", "ruby", &[]).ty,
            Ty::Scalar(Scalar::Bool)
        );
        for list in [
            "Crystalline::Array.new(::String)",
            "Crystalline::Array<::String>",
        ] {
            assert_eq!(typed(list, "ruby", &[]).ty, Ty::List(string()), "{list}");
        }
        assert_eq!(
            typed("Crystalline::Hash[Symbol, ::Object]", "ruby", &[]).ty,
            Ty::Map(Box::new(Ty::Scalar(Scalar::Any)))
        );
        assert_eq!(
            typed("Crystalline::Union.new(::String, ::Integer)", "ruby", &[]).ty,
            Ty::Union(vec![Ty::Scalar(Scalar::String), Ty::Scalar(Scalar::I64)])
        );
        // `new` as a type's own name, or inside a path, is a name.
        let named = |path: &str| {
            Ty::Named(NamedRef {
                path: path.into(),
                link: None,
            })
        };
        assert_eq!(typed("Models::New", "ruby", &[]).ty, named("Models.New"));
        assert_eq!(typed("new", "ruby", &[]).ty, named("new"));
        assert_eq!(typed("a.new.b", "ruby", &[]).ty, named("a.new.b"));
    }

    #[test]
    fn older_and_newer_generators_words_are_known() {
        let any = Ty::Scalar(Scalar::Any);
        let cases = [
            (
                "list[str]",
                "python",
                Ty::List(Box::new(Ty::Scalar(Scalar::String))),
            ),
            (
                "dict[str, int]",
                "python",
                Ty::Map(Box::new(Ty::Scalar(Scalar::I64))),
            ),
            (
                "requests.Response",
                "python",
                Ty::Transport("an HTTP response"),
            ),
            (
                "AxiosResponse",
                "typescript",
                Ty::Transport("an HTTP response"),
            ),
            // A generator's slip: a `>` that closes nothing.
            (
                "AxiosResponse>",
                "typescript",
                Ty::Transport("an HTTP response"),
            ),
            ("HttpResponse<?>", "java", Ty::Transport("an HTTP response")),
            ("List<?>", "java", Ty::List(Box::new(any))),
            ("http.Request", "go", Ty::Transport("an HTTP request")),
            (
                "HttpRequestMessage",
                "csharp",
                Ty::Transport("an HTTP request"),
            ),
            // Big integers keep every digit a JSON number can carry.
            ("BigInteger", "csharp", Ty::Scalar(Scalar::I128)),
            ("BigInteger", "java", Ty::Scalar(Scalar::I128)),
            ("\\Brick\\Math\\BigInteger", "php", Ty::Scalar(Scalar::I128)),
        ];
        for (text, dialect, ty) in cases {
            assert_eq!(typed(text, dialect, &[]).ty, ty, "{text} in {dialect}");
        }
    }

    /// A union written inside one link to a doc is that doc's type; a union
    /// of linked alternatives is a union.
    #[test]
    fn a_union_inside_one_link_is_the_linked_doc() {
        let linked = |path: &str, link: &str| {
            Ty::Named(NamedRef {
                path: path.into(),
                link: Some(link.into()),
            })
        };
        let text = "T.nilable(T.any(Models::A, Models::B))";
        let whole = [(0..text.len(), "../../models/shared/widgetextra.md")];
        let t = typed(text, "ruby", &whole);
        assert!(t.nullable);
        assert_eq!(t.ty, linked("widgetextra", whole[0].1));
        let text = "Components\\Card|Components\\Iban";
        let whole = [(0..text.len(), "../../Models/Components/PaymentMethod.md")];
        assert_eq!(
            typed(text, "php", &whole).ty,
            linked("PaymentMethod", whole[0].1)
        );
        let text = "T.any(A, B)";
        let each = [(6..7, "a.md"), (9..10, "b.md")];
        assert_eq!(
            typed(text, "ruby", &each).ty,
            Ty::Union(vec![linked("A", "a.md"), linked("B", "b.md")])
        );
        // A link to a page that is not a doc does not name the union.
        let external = [(0..11, "https://example.com/x")];
        assert!(matches!(typed(text, "ruby", &external).ty, Ty::Union(_)));
    }

    #[test]
    fn reports_where_an_expression_goes_wrong() {
        assert_eq!(parse("List<str").unwrap_err().offset, 8);
        assert_eq!(
            parse("List<str> x").unwrap_err().message,
            "found `x`, expected the end of the type expression"
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
        let t = typed("Optional<? extends Long>", "java", &[]);
        assert_eq!(
            t,
            Typed {
                ty: Ty::Scalar(Scalar::I64),
                optional: true,
                nullable: false
            }
        );
        let t = typed("OptionalNullable[str]", "python", &[]);
        assert_eq!(
            t,
            Typed {
                ty: Ty::Scalar(Scalar::String),
                optional: true,
                nullable: true
            }
        );
        assert_eq!(typed("int", "java", &[]).ty, Ty::Scalar(Scalar::I32));
        assert_eq!(typed("int", "python", &[]).ty, Ty::Scalar(Scalar::I64));
        let t = typed("T::Array<::String>", "ruby", &[]);
        assert_eq!(t.ty, Ty::List(Box::new(Ty::Scalar(Scalar::String))));
        let t = typed("map[string]*Foo", "go", &[]);
        assert_eq!(
            t.ty,
            Ty::Map(Box::new(Ty::Nullable(Box::new(named("Foo", &[], None)))))
        );
        assert_eq!(
            typed("array<string, int>", "php", &[]).ty,
            Ty::Map(Box::new(Ty::Scalar(Scalar::I64)))
        );
        assert_eq!(
            typed("array<int>", "php", &[]).ty,
            Ty::List(Box::new(Ty::Scalar(Scalar::I64)))
        );
        assert_eq!(
            typed("{ [k: string]: any }[]", "typescript", &[]).ty,
            Ty::List(Box::new(Ty::Map(Box::new(Ty::Scalar(Scalar::Any)))))
        );
        assert_eq!(
            typed("Literal[\"entry\"]", "python", &[]).ty,
            Ty::Scalar(Scalar::String)
        );
        assert_eq!(
            typed("\"entry\"", "typescript", &[]).ty,
            Ty::Scalar(Scalar::String)
        );
        assert_eq!(
            typed("false", "typescript", &[]).ty,
            Ty::Scalar(Scalar::Bool)
        );
        assert_eq!(
            typed("Literal[True]", "python", &[]).ty,
            Ty::Scalar(Scalar::Bool)
        );
        assert_eq!(
            typed(
                "Union[Literal[\"function\"], UnrecognizedStr]",
                "python",
                &[]
            )
            .ty,
            Ty::Scalar(Scalar::String)
        );
        assert_eq!(
            typed("float|int", "python", &[]).ty,
            Ty::Scalar(Scalar::F64)
        );
        let t = typed("string | null", "typescript", &[]);
        assert_eq!((t.ty, t.nullable), (Ty::Scalar(Scalar::String), true));
        assert_eq!(
            typed("str | List[str]", "python", &[]).ty,
            Ty::Union(vec![
                Ty::Scalar(Scalar::String),
                Ty::List(Box::new(Ty::Scalar(Scalar::String)))
            ])
        );
    }

    #[test]
    fn api_names_undo_sdk_renames() {
        let csharp = Dialect::by_name("csharp").expect("csharp");
        assert_eq!(
            csharp.api_name("AccessTokenValue", "AccessToken"),
            "AccessToken"
        );
        assert_eq!(
            csharp.api_name("AccessTokenValue", "Other"),
            "AccessTokenValue"
        );
        let python = Dialect::by_name("python").expect("python");
        assert_eq!(python.api_name("from_", "Query"), "from");
        assert_eq!(python.api_name("class_", "Query"), "class");
        assert_eq!(python.api_name("to_", "Query"), "to_");
        assert_eq!(
            Dialect::by_name("go").expect("go").api_name("from_", "Q"),
            "from_"
        );
    }

    #[test]
    fn transport_objects_are_recognised() {
        assert_eq!(
            typed("*http.Response", "go", &[]).ty,
            Ty::Transport("an HTTP response")
        );
        assert_eq!(
            typed("HttpResponse<InputStream>", "java", &[]).ty,
            Ty::Transport("an HTTP response")
        );
        assert_eq!(
            typed("\\Psr\\Http\\Message\\ResponseInterface", "php", &[]).ty,
            Ty::Transport("an HTTP response")
        );
        assert_eq!(
            typed("[]byte", "go", &[]).ty,
            Ty::List(Box::new(Ty::Transport("binary content")))
        );
        assert_eq!(
            typed("File | Blob | components.FileT", "typescript", &[]).ty,
            Ty::Transport("binary content")
        );
    }

    #[test]
    fn attaches_the_innermost_link_and_keeps_the_qualifier() {
        let text = "T.nilable(Models::Components::GrantType)";
        let t = typed(text, "ruby", &[(0..text.len(), "../g.md")]);
        assert_eq!(
            t.ty,
            named("GrantType", &["Models", "Components"], Some("../g.md"))
        );
        assert!(t.nullable);
        let text = "T::Array<::Sdk::Shared::W>";
        let t = typed(text, "ruby", &[(9..25, "w.md")]);
        assert_eq!(
            t.ty,
            Ty::List(Box::new(named("W", &["Sdk", "Shared"], Some("w.md"))))
        );
    }

    #[test]
    fn guesses_the_language() {
        let guess = |exprs: &[&str]| {
            let parsed: Vec<Syntax> = exprs.iter().map(|e| parse(e).expect("parses")).collect();
            guess_dialect(parsed.iter().zip(exprs.iter().copied()), || &DIALECTS[0]).name
        };
        assert_eq!(guess(&["str", "int"]), "python");
        assert_eq!(guess(&["Optional<String>", "Optional<Double>"]), "java");
        assert_eq!(guess(&["T.nilable(::String)", "::Integer"]), "ruby");
        assert_eq!(guess(&["*string", "time.Time"]), "go");
        assert_eq!(guess(&["Literal[\"system\"]", "models.X"]), "python");
        // A tie goes to the fallback.
        assert_eq!(guess(&["DateTime"]), "ruby");
        assert_eq!(
            best_dialect(&dialect_scores([(
                &parse("DateTime").expect("parses"),
                "DateTime"
            )])),
            None
        );
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
            Meaning::Scalar(Date) => "`chrono::NaiveDate`".into(),
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
