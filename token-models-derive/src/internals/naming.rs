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

    pub fn from_name(name: &str) -> Option<Case> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, c)| c)
    }

    /// `name` converted to this casing.
    pub fn apply(self, name: &str) -> String {
        let words = split_words(name);
        match self {
            Case::AsWritten => name.to_owned(),
            Case::Snake => join(&words, "_", str::to_lowercase),
            Case::Kebab => join(&words, "-", str::to_lowercase),
            Case::ScreamingSnake => join(&words, "_", str::to_uppercase),
            Case::Pascal => join(&words, "", capitalize),
            Case::Camel => {
                let mut out = String::new();
                for (i, w) in words.iter().enumerate() {
                    if i == 0 {
                        out.push_str(&w.to_lowercase());
                    } else {
                        out.push_str(&capitalize(w));
                    }
                }
                out
            }
        }
    }
}

fn join(words: &[&str], sep: &str, f: impl Fn(&str) -> String) -> String {
    words.iter().map(|w| f(w)).collect::<Vec<_>>().join(sep)
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Splits a name into words: at any character that is not a letter or digit,
/// before an upper-case letter that follows a lower-case letter or a digit,
/// and before the last capital of an acronym run that a lower-case letter
/// follows (`HTTPSUrl` is `HTTPS`, `Url`).
pub fn split_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for part in name.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        let mut start = 0;
        for i in 1..chars.len() {
            let (at, c) = chars[i];
            let prev = chars[i - 1].1;
            let next_lower = chars.get(i + 1).is_some_and(|&(_, n)| n.is_lowercase());
            let boundary = c.is_uppercase()
                && (prev.is_lowercase()
                    || prev.is_numeric()
                    || (prev.is_uppercase() && next_lower));
            if boundary {
                words.push(&part[start..at]);
                start = at;
            }
        }
        if start < part.len() {
            words.push(&part[start..]);
        }
    }
    words
}

/// Rust keywords that can be used as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "static",
    "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
    "where", "while", "yield",
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
        if name.starts_with(|c: char| c.is_ascii_digit()) {
            name.insert_str(0, digit_prefix);
        }
        if RESERVED.contains(&name.as_str()) {
            name.push('_');
        }
        let raw = RAW_KEYWORDS.contains(&name.as_str());
        RustIdent { name, raw }
    }

    /// A field name: snake_case, ASCII only.
    pub fn field(written: &str) -> RustIdent {
        Self::sanitize(ascii(&Case::Snake.apply(written)), "field", "_")
    }

    /// A type or variant name: PascalCase, ASCII only.
    pub fn type_name(written: &str) -> RustIdent {
        Self::sanitize(ascii(&Case::Pascal.apply(written)), "Model", "V")
    }

    /// A module name: snake_case, ASCII only.
    pub fn module(written: &str) -> RustIdent {
        Self::sanitize(ascii(&Case::Snake.apply(written)), "module", "_")
    }

    /// The identifier as written in Rust source (`r#type`).
    pub fn source(&self) -> String {
        self.to_string()
    }
}

/// The identifier as Rust source writes it: `r#type` for a raw one.
impl std::fmt::Display for RustIdent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.raw {
            f.write_str("r#")?;
        }
        f.write_str(&self.name)
    }
}

/// Keeps ASCII letters, digits and underscores; other characters are dropped
/// (identifiers with non-ASCII letters are legal but lint-unfriendly).
fn ascii(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            }
        }
        assert_eq!(Case::AsWritten.apply("weird_Name"), "weird_Name");
    }

    #[test]
    fn case_names_round_trip() {
        for (name, case) in Case::NAMES {
            assert_eq!(Case::from_name(name), Some(*case));
        }
        assert_eq!(Case::from_name("snake"), None);
    }

    #[test]
    fn sanitizes_identifiers() {
        assert_eq!(RustIdent::field("type").source(), "r#type");
        assert_eq!(RustIdent::field("self").source(), "self_");
        assert_eq!(RustIdent::field("2fa").source(), "_2fa");
        assert_eq!(RustIdent::field("$ref").source(), "r#ref");
        assert_eq!(RustIdent::field("").source(), "field");
        assert_eq!(RustIdent::field("expiresIn").source(), "expires_in");
        assert_eq!(
            RustIdent::type_name("The access token").source(),
            "TheAccessToken"
        );
        assert_eq!(RustIdent::type_name("self").source(), "Self_");
        assert_eq!(RustIdent::type_name("1").source(), "V1");
        assert_eq!(RustIdent::type_name("").source(), "Model");
        assert_eq!(RustIdent::module("readme_io").source(), "readme_io");
        assert_eq!(RustIdent::module("Shared").source(), "shared");
    }
}
