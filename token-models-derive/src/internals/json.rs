//! A small JSON reader for what docs show as JSON: a readme.io page's
//! example (what it tells of its attributes' types) and readme's legacy
//! `[block:parameters]` tables. It keeps what those need (the shape of each
//! value, strings and object keys in order) and nothing else; a doc's JSON
//! that does not parse is simply not used.

/// A JSON value, as far as the readers look at it.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, and whether it is written as an integer (no fraction, no
    /// exponent).
    Number {
        integral: bool,
    },
    Str(String),
    Array(Vec<Json>),
    /// An object's members, in the order written.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Parses one JSON document; `None` if it is not valid JSON.
pub fn parse(text: &str) -> Option<Json> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = p.value()?;
    p.blank();
    (p.at == p.bytes.len()).then_some(value)
}

struct Parser<'t> {
    bytes: &'t [u8],
    at: usize,
    /// How deep in arrays and objects: bounded, so that a doc cannot
    /// exhaust the macro's stack.
    depth: usize,
}

const MAX_DEPTH: usize = 128;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.blank();
        let ate = self.peek() == Some(b);
        self.at += usize::from(ate);
        ate
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word.as_bytes()).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self) -> Option<Json> {
        self.blank();
        match self.peek()? {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'[' | b'{' if self.depth >= MAX_DEPTH => None,
            b'[' => {
                self.at += 1;
                self.depth += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                self.depth -= 1;
                Some(Json::Array(items))
            }
            b'{' => {
                self.at += 1;
                self.depth += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.blank();
                        let key = self.string()?;
                        self.eat(b':').then_some(())?;
                        members.push((key, self.value()?));
                        if self.eat(b'}') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                self.depth -= 1;
                Some(Json::Object(members))
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Option<Json> {
        self.at += usize::from(self.peek() == Some(b'-'));
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        let mut integral = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integral = false;
            self.digits().then_some(())?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            integral = false;
            self.at += usize::from(matches!(self.peek(), Some(b'+' | b'-')));
            self.digits().then_some(())?;
        }
        Some(Json::Number { integral })
    }

    /// Passes one or more digits: whether there was one.
    fn digits(&mut self) -> bool {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at > start
    }

    /// A string literal, unescaped.
    fn string(&mut self) -> Option<String> {
        (self.peek()? == b'"').then_some(())?;
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.at += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = self.peek()?;
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex =
                                std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
                            self.at += 4;
                            // A lone surrogate is kept as the replacement character.
                            char::from_u32(u32::from_str_radix(hex, 16).ok()?).unwrap_or('\u{fffd}')
                        }
                        _ => return None,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                b if b < 0x20 => return None,
                b => out.push(b),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_docs_show() {
        let doc = r#" {"id": "a\"b\u00e9", "n": 12, "x": -1.5e3, "ok": true, "no": null,
            "list": [1, [], {}], "nested": {"k": [false]}} "#;
        let json = parse(doc).expect("valid");
        assert_eq!(json.get("id").and_then(Json::as_str), Some("a\"bé"));
        assert_eq!(json.get("n"), Some(&Json::Number { integral: true }));
        assert_eq!(json.get("x"), Some(&Json::Number { integral: false }));
        assert_eq!(json.get("no"), Some(&Json::Null));
        let Some(Json::Object(members)) = json.get("nested") else {
            panic!("{json:?}")
        };
        assert_eq!(members[0].1, Json::Array(vec![Json::Bool(false)]));
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "tru",
            "\"\u{1}\"",
            "1 2",
            "{\"a\":1,}",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        let deep = "[".repeat(1000) + &"]".repeat(1000);
        assert_eq!(parse(&deep), None);
    }
}
