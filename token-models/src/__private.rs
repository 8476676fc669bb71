//! What generated code uses and users do not: re-exports it names by path,
//! and the runtime of its `Serialize` and `Deserialize` impls and union
//! readers.

pub use serde;

// What generated modules import by name (`Option`), or name through
// their `__tm` alias of this module (`__tm::Option`) where one of their
// models has that name.
pub use crate::{Date, DateTime};
pub use ::core::clone::Clone;
pub use ::core::cmp::{Eq, PartialEq};
pub use ::core::fmt::Debug;
pub use ::core::hash::Hash;
pub use ::core::marker::Copy;
pub use ::core::option::Option;
pub use ::serde_json::{Map, Number, Value};
pub use ::std::boxed::Box;
pub use ::std::collections::BTreeMap;
pub use ::std::string::String;
pub use ::std::vec::Vec;

pub use crate::validate;
pub use crate::validate::Validate;

/// The test of a doc's JSON example (a generated `#[test]`): it
/// deserializes into the model, keeps the rules its doc states, and is
/// written back as it came.
#[track_caller]
pub fn example<T>(model: &str, json: &str)
where
    T: ::serde::de::DeserializeOwned + ::serde::Serialize + crate::Validate,
{
    let sent: ::serde_json::Value = ::serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("the example of `{model}` in its doc is not JSON: {e}"));
    let typed: T = ::serde_json::from_value(sent.clone())
        .unwrap_or_else(|e| panic!("the example of `{model}` does not deserialize: {e}"));
    if let Err(violations) = typed.validate() {
        panic!("the example of `{model}` breaks the rules its doc states: {violations}");
    }
    let written = ::serde_json::to_value(&typed)
        .unwrap_or_else(|e| panic!("the example of `{model}` does not serialize: {e}"));
    assert!(
        written == sent,
        "the example of `{model}` is written back as {written}, not as its doc gives it: {sent}"
    );
}

pub mod de;
pub mod float;
pub mod ser;
pub mod union;

/// A field's value as `Debug` shows a credential: `"[redacted]"` (and
/// `None` for an absent one), never its content.
pub struct Redacted<'a, T>(pub &'a T);

/// A field's value as `Debug` shows a field that a setting redacts and
/// that is not text (a number, a list, a model): `[redacted]`, whole.
pub struct Hidden<'a, T>(pub &'a T);

impl<T> ::core::fmt::Debug for Hidden<'_, T> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("[redacted]")
    }
}

/// A field type whose `Debug` is redacted.
pub trait Redact {
    /// Writes `"[redacted]"` where the value has one.
    fn redacted(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
}

impl Redact for String {
    fn redacted(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("\"[redacted]\"")
    }
}

impl<T: Redact> Redact for Option<T> {
    fn redacted(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            Some(value) => f.debug_tuple("Some").field(&Redacted(value)).finish(),
            None => f.write_str("None"),
        }
    }
}

impl<T: Redact> ::core::fmt::Debug for Redacted<'_, T> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        self.0.redacted(f)
    }
}
