//! Case conversion and identifier sanitising.
//!
//! Names in docs come in every casing an SDK uses (`access_token`,
//! `accessToken`, `AccessToken`, `APIKey`, `useV2API`). They are split into
//! words once, then joined in the casing asked for.

/// The casings a wire name or a Rust name can be written in; the spelling of
/// each matches serde's `rename_all` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Keep the name exactly as the doc writes it.
    AsWritten,
    Camel,
    Snake,
    Pascal,
    Kebab,
    ScreamingSnake,
}

impl Case {
    /// Every accepted spelling, in the order the README documents them.
    pub const NAMES: &'static [(&'static str, Case)] = &[
        ("as-written", Case::AsWritten),
        ("camelCase", Case::Camel),
        ("snake_case", Case::Snake),
        ("PascalCase", Case::Pascal),
        ("kebab-case", Case::Kebab),
        ("SCREAMING_SNAKE_CASE", Case::ScreamingSnake),
    ];

    /// The name settings give it (`"camelCase"`).
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("as-written", |(n, _)| n)
    }

    pub fn from_name(name: &str) -> Option<Case> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, c)| c)
    }

    /// `name` converted to this casing, or `None` when that is `name`
    /// itself (nothing to copy).
    pub fn apply_changed(self, name: &str) -> Option<String> {
        match self {
            Case::AsWritten => None,
            Case::Snake if is_snake(name) => None,
            _ => Some(self.apply(name)).filter(|s| s != name),
        }
    }

    /// `name` converted to this casing.
    pub fn apply(self, name: &str) -> String {
        let (sep, first, rest) = match self {
            Case::AsWritten => return name.to_owned(),
            // Already snake_case (most fields of most SDKs): as it is.
            Case::Snake if is_snake(name) => return name.to_owned(),
            // Already PascalCase (most docs' titles): as it is.
            Case::Pascal if is_pascal(name) => return name.to_owned(),
            Case::Snake => ("_", Word::Lower, Word::Lower),
            Case::Kebab => ("-", Word::Lower, Word::Lower),
            Case::ScreamingSnake => ("_", Word::Upper, Word::Upper),
            Case::Pascal => ("", Word::Capital, Word::Capital),
            Case::Camel => ("", Word::Lower, Word::Capital),
        };
        let mut out = String::with_capacity(name.len() + 4);
        let mut k = 0;
        for_each_word(name, |w| {
            if k > 0 {
                out.push_str(sep);
            }
            if k == 0 { first } else { rest }.write(w, &mut out);
            k += 1;
        });
        out
    }
}

/// Whether `name` is words of lower-case ASCII letters and digits joined by
/// single underscores, which [`Case::Snake`] leaves as it is. This and
/// [`is_pascal`] are kept by the budget (BENCHMARKS.md): without them the
/// macro's run at 1,000 synthetic specs is 8% longer optimised, 5.7%
/// unoptimised.
fn is_snake(name: &str) -> bool {
    let b = name.as_bytes();
    let word = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let mut prev_word = false;
    for &c in b {
        if word(c) {
            prev_word = true;
        } else if c == b'_' && prev_word {
            prev_word = false;
        } else {
            return false;
        }
    }
    prev_word
}

/// Whether [`Case::Pascal`] leaves `name` as it is, told without
/// splitting it: ASCII letters and digits, not starting lower case, and no
/// two upper-case letters in a row. Then every word starts with its upper
/// case letter (or the name's digit) and the rest of it is lower case or
/// digits, as Pascal case writes it. (`HTTPStatus` and `ABc` take the long
/// way, which may or may not change them.)
fn is_pascal(name: &str) -> bool {
    let b = name.as_bytes();
    if b.first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    // A loop, not an iterator: the macro usually runs unoptimised.
    let mut i = 0;
    while i < b.len() {
        let upper_pair = i > 0 && b[i].is_ascii_uppercase() && b[i - 1].is_ascii_uppercase();
        if !b[i].is_ascii_alphanumeric() || upper_pair {
            return false;
        }
        i += 1;
    }
    true
}

/// How one word is written.
#[derive(Clone, Copy)]
enum Word {
    Lower,
    Upper,
    /// The first character upper case, the rest lower case.
    Capital,
}

impl Word {
    /// Appends `w` to `out`: ASCII in place, anything else through std's
    /// Unicode case mapping (which knows, say, a final sigma).
    fn write(self, w: &str, out: &mut String) {
        let at = out.len();
        match self {
            // ASCII is cased in place (the macro usually runs unoptimised).
            _ if w.is_ascii() => {
                out.push_str(w);
                match self {
                    Word::Upper => out[at..].make_ascii_uppercase(),
                    _ => out[at..].make_ascii_lowercase(),
                }
                if let (Word::Capital, Some(first)) = (self, out.get_mut(at..at + 1)) {
                    first.make_ascii_uppercase();
                }
            }
            Word::Lower => out.push_str(&w.to_lowercase()),
            Word::Upper => out.push_str(&w.to_uppercase()),
            Word::Capital => {
                let mut chars = w.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.extend(chars.flat_map(char::to_lowercase));
                }
            }
        }
    }
}

/// The words of a name, in order (see [`for_each_word`]).
#[cfg(test)]
pub(crate) fn split_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for_each_word(name, |w| words.push(w));
    words
}

/// The number a name spells out in English words, as SDK generators name
/// a JSON key that is a number (`"2021"` is Python's
/// `two_thousand_and_twenty_one`, TypeScript's `twoThousandAndTwentyOne`):
/// `None` unless the name is two words or more, every one a number word.
pub fn spelled_number(name: &str) -> Option<u64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    // Every field's name is asked: most do not start with a number word
    // (its first letter, then lower-case ones, as a word of any casing).
    let bytes = name.as_bytes();
    let len = 1 + bytes
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let first = bytes.get(..len).unwrap_or(&[]);
    let known = |w: &&str| first.eq_ignore_ascii_case(w.as_bytes());
    if !(UNITS.iter().any(known) || TENS.iter().any(known)) {
        return None;
    }
    let mut words = 0;
    let (mut total, mut current) = (0u64, 0u64);
    let mut failed = false;
    let is = |word: &str, number: &str| word.eq_ignore_ascii_case(number);
    for_each_word(name, |word| {
        if failed {
            return;
        }
        words += 1;
        if let Some(n) = UNITS.iter().position(|u| is(word, u)) {
            current += n as u64;
        } else if let Some(n) = TENS.iter().position(|t| is(word, t)) {
            current += 20 + 10 * n as u64;
        } else if is(word, "hundred") {
            current *= 100;
        } else if is(word, "thousand") || is(word, "million") {
            let scale = if is(word, "thousand") {
                1_000
            } else {
                1_000_000
            };
            total += current * scale;
            current = 0;
        } else if !is(word, "and") {
            failed = true;
        }
    });
    (words >= 2 && !failed).then_some(total + current)
}

/// Calls `f` on each word of `name` in order, without allocating. A name
/// splits at any character that is not a letter or digit, before an
/// upper-case letter that follows a lower-case letter or a digit, and
/// before the last capital of an acronym run that a lower-case letter
/// follows (`HTTPSUrl` is `HTTPS`, `Url`).
pub(crate) fn for_each_word<'a>(name: &'a str, f: impl FnMut(&'a str)) {
    if name.is_ascii() {
        ascii_words(name, f)
    } else {
        unicode_words(name, f)
    }
}

/// [`for_each_word`] on any text.
fn unicode_words<'a>(name: &'a str, mut f: impl FnMut(&'a str)) {
    for part in name.split(|c: char| !c.is_alphanumeric()) {
        let mut chars = part.char_indices();
        let Some((_, mut prev)) = chars.next() else {
            continue;
        };
        let mut start = 0;
        let mut cur = chars.next();
        while let Some((at, c)) = cur {
            let next = chars.next();
            let next_lower = next.is_some_and(|(_, n)| n.is_lowercase());
            let boundary = c.is_uppercase()
                && (prev.is_lowercase()
                    || prev.is_numeric()
                    || (prev.is_uppercase() && next_lower));
            if boundary {
                f(&part[start..at]);
                start = at;
            }
            prev = c;
            cur = next;
        }
        f(&part[start..]);
    }
}

/// [`unicode_words`] for ASCII text, on bytes (names are nearly always
/// ASCII, and the macro usually runs unoptimised). Kept by the budget
/// (BENCHMARKS.md): without it, the 2,001 C# docs of the second corpus
/// cost 120 M more instructions unoptimised (4%, about 25 ms).
fn ascii_words<'a>(name: &'a str, mut f: impl FnMut(&'a str)) {
    let b = name.as_bytes();
    let mut at = 0;
    while at < b.len() {
        if !b[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let mut start = at;
        at += 1;
        while at < b.len() && b[at].is_ascii_alphanumeric() {
            let (prev, c) = (b[at - 1], b[at]);
            // A separator after `c` is not lower case either.
            let next_lower = at + 1 < b.len() && b[at + 1].is_ascii_lowercase();
            let boundary = c.is_ascii_uppercase()
                && (prev.is_ascii_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_ascii_uppercase() && next_lower));
            if boundary {
                f(&name[start..at]);
                start = at;
            }
            at += 1;
        }
        f(&name[start..at]);
    }
}

/// [`split_words`] by the definition for any text, never the ASCII path.
#[cfg(test)]
pub(crate) fn split_words_unicode(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    unicode_words(name, |w| words.push(w));
    words
}

/// Rust keywords that can be used as raw identifiers (`r#type`), sorted.
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot even be raw identifiers.
const RESERVED: &[&str] = &["crate", "self", "Self", "super", "_"];

/// A Rust identifier as text: raw (`r#type`) for keywords.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RustIdent {
    /// The name without `r#`.
    pub name: String,
    pub raw: bool,
}

impl RustIdent {
    fn sanitize(mut name: String, empty: &str, digit_prefix: &str) -> RustIdent {
        if name.is_empty() {
            name = empty.to_owned();
        }
        if name.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            name.insert_str(0, digit_prefix);
        }
        // No reserved word is longer than five bytes.
        if name.len() <= 5 && RESERVED.contains(&name.as_str()) {
            name.push('_');
        }
        // No keyword is longer than eight bytes.
        let raw = name.len() <= 8 && RAW_KEYWORDS.binary_search(&name.as_str()).is_ok();
        RustIdent { name, raw }
    }

    /// A field name: snake_case, ASCII only.
    pub fn field(written: &str) -> RustIdent {
        Self::sanitize(ascii(Case::Snake.apply(written)), "field", "_")
    }

    /// [`RustIdent::field`], or `None` when that is `written` itself, not
    /// raw (most fields of snake_case SDKs: nothing to copy).
    pub fn field_changed(written: &str) -> Option<RustIdent> {
        let digit_first = written.as_bytes().first().is_some_and(u8::is_ascii_digit);
        let reserved = written.len() <= 5 && RESERVED.contains(&written);
        let keyword = written.len() <= 8 && RAW_KEYWORDS.binary_search(&written).is_ok();
        if is_snake(written) && !digit_first && !reserved && !keyword {
            None
        } else {
            Some(Self::field(written))
        }
    }

    /// A type or variant name: PascalCase, ASCII only.
    pub fn type_name(written: &str) -> RustIdent {
        Self::sanitize(ascii(Case::Pascal.apply(written)), "Model", "V")
    }

    /// A module name: snake_case, ASCII only.
    pub fn module(written: &str) -> RustIdent {
        Self::sanitize(ascii(Case::Snake.apply(written)), "module", "_")
    }

    /// The identifier, borrowed.
    pub fn as_ident(&self) -> Ident<'_> {
        Ident {
            name: &self.name,
            raw: self.raw,
        }
    }

    /// See [`Ident::push_to`].
    pub fn push_to(&self, out: &mut String) {
        self.as_ident().push_to(out);
    }
}

/// The identifier as Rust source writes it: `r#type` for a raw one.
impl std::fmt::Display for RustIdent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_ident().fmt(f)
    }
}

/// A [`RustIdent`] borrowed from wherever it is kept (a field keeps none
/// when its name as written is its Rust name: see `ir::Field::rust`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ident<'a> {
    /// The name without `r#`.
    pub name: &'a str,
    pub raw: bool,
}

impl Ident<'_> {
    /// The identifier as written in Rust source (`r#type`).
    pub fn source(&self) -> String {
        self.to_string()
    }

    /// Appends the identifier as written in Rust source: what `{}` writes,
    /// without the formatting machinery (which costs the unoptimised macro
    /// more than the copy).
    pub fn push_to(&self, out: &mut String) {
        if self.raw {
            out.push_str("r#");
        }
        out.push_str(self.name);
    }
}

impl std::fmt::Display for Ident<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.raw {
            f.write_str("r#")?;
        }
        f.write_str(self.name)
    }
}

/// Keeps ASCII letters, digits and underscores; other characters are dropped
/// (identifiers with non-ASCII letters are legal but lint-unfriendly).
fn ascii(mut s: String) -> String {
    // Cased ASCII is already letters, digits and separators only. (A loop,
    // not `bytes().all(…)`: the macro usually runs unoptimised.)
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    if i < bytes.len() {
        s.retain(|c| c.is_ascii_alphanumeric() || c == '_');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_spelled_out_are_read_back() {
        for (name, n) in [
            ("two_thousand_and_twenty_one", Some(2021)),
            ("twoThousandAndTwentyTwo", Some(2022)),
            ("one_hundred_and_five", Some(105)),
            ("TwentyFour", Some(24)),
            ("one", None),
            ("one_time_password", None),
            ("ninetyf96495b02c2509", None),
        ] {
            assert_eq!(spelled_number(name), n, "{name}");
        }
    }

    #[test]
    fn splits_real_names() {
        let cases: &[(&str, &[&str])] = &[
            ("access_token", &["access", "token"]),
            ("accessToken", &["access", "Token"]),
            ("AccessToken", &["Access", "Token"]),
            ("APIKey", &["API", "Key"]),
            ("HTTPSUrl", &["HTTPS", "Url"]),
            ("useV2API", &["use", "V2", "API"]),
            ("ID", &["ID"]),
            ("class_", &["class"]),
            ("x-request-id", &["x", "request", "id"]),
            ("AUTHORIZATION_CODE", &["AUTHORIZATION", "CODE"]),
            ("oauth2Token", &["oauth2", "Token"]),
            ("", &[]),
        ];
        for (name, words) in cases {
            assert_eq!(&split_words(name), words, "{name}");
        }
    }

    #[test]
    fn converts_to_every_case() {
        let rows: &[(&str, [&str; 5])] = &[
            // name, [camel, snake, pascal, kebab, screaming]
            (
                "access_token",
                [
                    "accessToken",
                    "access_token",
                    "AccessToken",
                    "access-token",
                    "ACCESS_TOKEN",
                ],
            ),
            (
                "accessTokenHash",
                [
                    "accessTokenHash",
                    "access_token_hash",
                    "AccessTokenHash",
                    "access-token-hash",
                    "ACCESS_TOKEN_HASH",
                ],
            ),
            (
                "APIKey",
                ["apiKey", "api_key", "ApiKey", "api-key", "API_KEY"],
            ),
            ("ID", ["id", "id", "Id", "id", "ID"]),
            (
                "useV2API",
                [
                    "useV2Api",
                    "use_v2_api",
                    "UseV2Api",
                    "use-v2-api",
                    "USE_V2_API",
                ],
            ),
            (
                "expiresIn",
                [
                    "expiresIn",
                    "expires_in",
                    "ExpiresIn",
                    "expires-in",
                    "EXPIRES_IN",
                ],
            ),
        ];
        let cases = [
            Case::Camel,
            Case::Snake,
            Case::Pascal,
            Case::Kebab,
            Case::ScreamingSnake,
        ];
        for (name, expected) in rows {
            for (case, want) in cases.iter().zip(expected) {
                assert_eq!(case.apply(name), *want, "{name} as {case:?}");
                let changed = case.apply_changed(name);
                assert_eq!(
                    changed.as_deref(),
                    (want != name).then_some(*want),
                    "{name} as {case:?}"
                );
            }
        }
        assert_eq!(Case::AsWritten.apply("weird_Name"), "weird_Name");
        assert_eq!(Case::AsWritten.apply_changed("weird_Name"), None);
    }

    #[test]
    fn snake_names_are_recognised() {
        for yes in ["a", "access_token", "v2", "2fa", "a_b_c"] {
            assert!(is_snake(yes), "{yes}");
        }
        for no in ["", "_a", "a_", "a__b", "accessToken", "a-b", "é", "A"] {
            assert!(!is_snake(no), "{no}");
        }
    }

    #[test]
    fn keywords_are_sorted_for_binary_search() {
        assert!(
            RAW_KEYWORDS.windows(2).all(|w| w[0] < w[1])
                && RAW_KEYWORDS.iter().all(|k| k.len() <= 8)
                && RESERVED.iter().all(|k| k.len() <= 5)
        );
        for k in RAW_KEYWORDS {
            assert!(RustIdent::field(k).raw, "{k}");
        }
    }

    #[test]
    fn case_names_round_trip() {
        for (name, case) in Case::NAMES {
            assert_eq!(Case::from_name(name), Some(*case));
        }
        assert_eq!(Case::from_name("snake"), None);
    }

    #[test]
    fn pascal_case_leaves_pascal_names_as_they_are() {
        // Every name of up to five of these characters: where the quick
        // test says a name is Pascal case already, casing it word by word
        // gives it back unchanged.
        let alphabet = ['a', 'B', 'c', 'D', '1', '_'];
        let mut names = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = names
                .iter()
                .flat_map(|n| alphabet.iter().map(move |c| format!("{n}{c}")))
                .collect();
            names.extend(longer);
        }
        names.sort();
        names.dedup();
        let mut quick = 0;
        for name in &names {
            let mut by_words = String::new();
            for_each_word(name, |w| Word::Capital.write(w, &mut by_words));
            if is_pascal(name) {
                quick += 1;
                assert_eq!(by_words, *name, "{name:?}");
            }
            assert_eq!(Case::Pascal.apply(name), by_words, "{name:?}");
        }
        assert!(quick > 1_000, "{quick} names took the quick way");
        for name in ["ChatCompletionRequest", "Model2Type", "V1", "2Fa"] {
            assert!(is_pascal(name), "{name}");
        }
        for name in [
            "HTTPStatus",
            "chat",
            "Chat_Request",
            "Chat Request",
            "Ünïcode",
        ] {
            assert!(!is_pascal(name), "{name}");
        }
    }

    #[test]
    fn sanitizes_identifiers() {
        // Already its own Rust name: nothing kept.
        assert_eq!(RustIdent::field_changed("access_token"), None);
        assert_eq!(RustIdent::field_changed("v2_api"), None);
        for changed in ["type", "self", "2fa", "expiresIn", "a__b", ""] {
            assert_eq!(
                RustIdent::field_changed(changed),
                Some(RustIdent::field(changed)),
                "{changed:?}"
            );
        }
        assert_eq!(RustIdent::field("type").to_string(), "r#type");
        assert_eq!(RustIdent::field("self").to_string(), "self_");
        assert_eq!(RustIdent::field("2fa").to_string(), "_2fa");
        assert_eq!(RustIdent::field("$ref").to_string(), "r#ref");
        assert_eq!(RustIdent::field("").to_string(), "field");
        assert_eq!(RustIdent::field("expiresIn").to_string(), "expires_in");
        assert_eq!(
            RustIdent::type_name("The access token").to_string(),
            "TheAccessToken"
        );
        assert_eq!(RustIdent::type_name("self").to_string(), "Self_");
        assert_eq!(RustIdent::type_name("1").to_string(), "V1");
        assert_eq!(RustIdent::type_name("").to_string(), "Model");
        assert_eq!(RustIdent::module("readme_io").to_string(), "readme_io");
        assert_eq!(RustIdent::module("Shared").to_string(), "shared");
    }
}
