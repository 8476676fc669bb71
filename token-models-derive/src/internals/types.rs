//! Stage 2a: type expressions, as the Type column writes them, to [`ReadTy`].
//!
//! One small grammar covers the syntax of every SDK language
//! (`T::Array<X>`, `Optional[str]`, `Map<String, X>`, `map[string]X`, `*X`,
//! `X[]`, `?X`, `A | B`, `{ [k: string]: X }`, literals); what a name
//! *means* comes from a per-language vocabulary table ([`DIALECTS`], in
//! `dialect`). A new generator's vocabulary is a new table, not a new
//! parser.

use super::dialect::{self, DIALECTS, Dialect, Meaning};
use super::few::Few;
use super::hash;
use super::ir::{NamedRef, ReadTy, Scalar};
use Meaning::{List, ListOrMap, Map, Null, Nullable, Optional, OptionalNullable, Same, Transport};
use std::ops::Range;
use std::sync::Arc;

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
}

impl Parsed {
    fn new(text: &str, tokens: &mut Tokens) -> Parsed {
        let syntax = parse_with(text, tokens);
        let mut scores = [0; DIALECTS.len()];
        if let Ok(s) = &syntax {
            scores.copy_from_slice(&dialect_scores([(s, text)]));
        }
        Parsed { syntax, scores }
    }

    /// [`interpret`] of the expression, parsed from `text`.
    pub fn interpret(
        &self,
        text: &str,
        dialect: &Dialect,
        links: &[(Range<usize>, &str)],
    ) -> Result<Typed, TypeError> {
        let syntax = self.syntax.as_ref().map_err(Clone::clone)?;
        interpret(syntax, text, dialect, links)
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

/// How many of the names in `exprs` each dialect knows, in [`DIALECTS`]
/// order.
pub fn dialect_scores<'s>(exprs: impl IntoIterator<Item = (&'s Syntax, &'s str)>) -> Vec<usize> {
    let mut scores = vec![0; DIALECTS.len()];
    let mut names = Vec::new();
    let mut buf = String::new();
    for (e, text) in exprs {
        names.clear();
        e.names(&mut names);
        for path in &names {
            let key = Syntax::key(text, path, &mut buf);
            let mut mask = dialect::voters_knowing(key);
            while mask != 0 {
                scores[mask.trailing_zeros() as usize] += 1;
                mask &= mask - 1;
            }
        }
    }
    scores
}

/// A type with the presence its outermost wrappers say.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub ty: ReadTy,
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
        ty: ReadTy::Scalar(Scalar::Any),
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
    if let ReadTy::Nullable(inner) = out.ty {
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
) -> Result<ReadTy, TypeError> {
    let nested = |t: &Syntax| ty_of(t, text, dialect, links);
    match syntax {
        Syntax::Array(t) => Ok(ReadTy::List(Box::new(nested(t)?))),
        Syntax::IndexMap(t) => Ok(ReadTy::Map(Box::new(nested(t)?))),
        Syntax::Pointer(t) | Syntax::Nullable(t) => Ok(ReadTy::Nullable(Box::new(nested(t)?))),
        Syntax::Lit(lit) => Ok(ReadTy::Scalar(lit.scalar())),
        Syntax::Wildcard => Ok(ReadTy::Scalar(Scalar::Any)),
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
                (Some(Meaning::Scalar(s)), []) => Ok(ReadTy::Scalar(s)),
                (Some(Meaning::Scalar(_)), _) => Err(arity("none")),
                (Some(Transport(why)), _) => Ok(ReadTy::Transport(why)),
                (Some(Null), []) => Ok(ReadTy::Null),
                (Some(List | ListOrMap), [t]) => Ok(ReadTy::List(Box::new(nested(t)?))),
                (Some(List), _) => Err(arity("one")),
                (Some(Map | ListOrMap), [.., v]) if args.len() <= 2 => {
                    Ok(ReadTy::Map(Box::new(nested(v)?)))
                }
                (Some(Map | ListOrMap), _) => Err(arity("one or two")),
                (Some(Optional | Nullable | OptionalNullable), [t]) => {
                    Ok(ReadTy::Nullable(Box::new(nested(t)?)))
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
                    Syntax::Lit(l) => Ok(ReadTy::Scalar(l.scalar())),
                    Syntax::Name { path, .. } if matches!(&path[..], [b] if matches!(text.get(b.clone()), Some("True" | "False"))) => {
                        Ok(ReadTy::Scalar(Scalar::Bool))
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
                    Ok(ReadTy::Named(NamedRef {
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
) -> Option<ReadTy> {
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
    Some(ReadTy::Named(NamedRef {
        path: stem.to_owned(),
        link: Some((*dest).to_owned()),
    }))
}

/// One of several types. `null` among them makes the rest nullable; equal
/// alternatives merge (`Literal["a"] | UnrecognizedStr` is a string), and
/// integers merge into floats.
fn union(alternatives: Vec<ReadTy>) -> Result<ReadTy, TypeError> {
    let nullable = alternatives.contains(&ReadTy::Null);
    let mut distinct: Vec<ReadTy> = Vec::new();
    for t in alternatives.into_iter().filter(|t| *t != ReadTy::Null) {
        if !distinct.contains(&t) {
            distinct.push(t);
        }
    }
    // Numbers of several kinds are one: a float, or a number that keeps
    // its integers when one of them does.
    let numeric = |t: &ReadTy| {
        matches!(
            t,
            ReadTy::Scalar(Scalar::I64 | Scalar::F64 | Scalar::Number)
        )
    };
    if distinct.len() >= 2 && distinct.iter().all(numeric) {
        let keeps = distinct.contains(&ReadTy::Scalar(Scalar::Number));
        distinct = vec![ReadTy::Scalar(if keeps {
            Scalar::Number
        } else {
            Scalar::F64
        })];
    }
    let ty = match distinct.len() {
        0 => ReadTy::Scalar(Scalar::Any),
        1 => distinct.remove(0),
        _ => {
            // A transport object among data: the field is not JSON data.
            if let Some(t) = distinct.iter().find(|t| matches!(t, ReadTy::Transport(_))) {
                return Ok(t.clone());
            }
            ReadTy::Union(distinct)
        }
    };
    Ok(if nullable {
        ReadTy::Nullable(Box::new(ty))
    } else {
        ty
    })
}

#[cfg(test)]
mod tests;
