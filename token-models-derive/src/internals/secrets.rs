//! Which fields carry a credential, so that their `Debug` does not print
//! it (`tracing::debug!("{token:?}")` would write a live token into a log).
//!
//! A field is a credential when it holds a string and its (Rust) name says so:
//! its last word is `token`, `secret`, `password` (and the like), `cookie`
//! or `authorization`, or it is a key of a kind that is one (`api_key`,
//! `private_key`, `client_secret`); or its last word is `key`, `value` or
//! `token` and its description speaks of an API key, a secret, a password
//! or an access or bearer token. A page or continuation token, a count of
//! tokens (`prompt_tokens`) and a `token_type` are not credentials.

use super::ir::{Field, ModelKind, ReadModel, ReadTy, Scalar};
use super::naming;

/// Last words that make a string field a credential.
const SECRET_WORDS: &[&str] = &[
    "token",
    "secret",
    "password",
    "passphrase",
    "passwd",
    "apikey",
    "cookie",
    "authorization",
    "credential",
    "credentials",
    "jwt",
];

/// Words before a last `token` that make it a position in a list, not a
/// credential.
const NOT_SECRET_TOKENS: &[&str] = &[
    "page",
    "next",
    "prev",
    "previous",
    "continuation",
    "pagination",
    "sync",
    "cursor",
    "resume",
];

/// Words before a last `key` that make it a credential.
const SECRET_KEYS: &[&str] = &[
    "api",
    "secret",
    "private",
    "access",
    "signing",
    "encryption",
    "client",
    "webhook",
    "license",
    "auth",
];

/// What a description says of a credential.
const SECRET_PHRASES: &[&str] = &[
    "api key",
    "secret",
    "password",
    "access token",
    "bearer token",
    "refresh token",
];

/// Whether `field` carries a credential.
pub fn is_secret(field: &Field<'_, ReadTy>) -> bool {
    // A string (an open map is a map, so never one).
    if field.ty.value_scalar() != Some(Scalar::String) {
        return false;
    }
    // The last two words of the name the API uses (C#'s
    // `AccessToken.AccessTokenValue` is `access_token`), in any case.
    let name = field.rust().name;
    let (mut before, mut last) = ("", "");
    naming::for_each_word(name, |word| before = std::mem::replace(&mut last, word));
    let is = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    let named = if last.eq_ignore_ascii_case("token") {
        !is(before, NOT_SECRET_TOKENS)
    } else if last.eq_ignore_ascii_case("key") {
        is(before, SECRET_KEYS)
    } else {
        is(last, SECRET_WORDS)
    };
    named
        || is(last, &["key", "value", "token"]) && {
            let doc = field.doc.text().to_ascii_lowercase();
            SECRET_PHRASES.iter().any(|p| doc.contains(p))
        }
}

/// Marks the fields of `models` that carry a credential.
pub fn mark(models: &mut [ReadModel<'_>]) {
    for model in models {
        if let ModelKind::Struct(fields) = &mut model.kind {
            for field in fields.iter_mut() {
                field.secret = is_secret(field);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::diag::Pos;
    use super::super::ir::{Lines, Presence};
    use super::*;
    use std::borrow::Cow;

    fn field(name: &'static str, ty: ReadTy, doc: &'static str) -> Field<'static, ReadTy> {
        Field {
            written: Cow::Borrowed(name),
            pos: Pos::new(1, 1),
            rust: None,
            wire: None,
            ty,
            presence: Presence::Required,
            doc: Lines::line(doc),
            deprecated: false,
            fallback: None,
            rest: false,
            secret: false,
            constraints: Vec::new(),
        }
    }

    #[test]
    fn credentials_are_told_by_name_and_description() {
        let string = || ReadTy::Scalar(Scalar::String);
        for name in [
            "access_token",
            "refreshToken",
            "IdToken",
            "token",
            "client_secret",
            "password",
            "api_key",
            "apiKey",
            "x-api-key",
            "PrivateKey",
            "session_cookie",
            "Authorization",
            "webhookSecret",
        ] {
            assert!(is_secret(&field(name, string(), "")), "{name}");
        }
        for name in [
            "token_type",
            "prompt_tokens",
            "next_page_token",
            "pageToken",
            "expires_in",
            "key",
            "public_key",
            "secret_name",
            "password_required",
        ] {
            assert!(!is_secret(&field(name, string(), "")), "{name}");
        }
        // Not a string: a count, a flag, an object.
        assert!(!is_secret(&field("token", ReadTy::Scalar(Scalar::I64), "")));
        assert!(!is_secret(&field(
            "password",
            ReadTy::Scalar(Scalar::Bool),
            ""
        )));
        // A key or value the description calls a credential.
        assert!(is_secret(&field("key", string(), "Your API key.")));
        assert!(is_secret(&field("value", string(), "The secret's value.")));
        assert!(!is_secret(&field("value", string(), "The metadata value.")));
    }
}
