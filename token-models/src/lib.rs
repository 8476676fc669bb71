//! Typed serde models generated at compile time from markdown API model docs.
//!
//! API vendors document their data models in markdown: Speakeasy-generated
//! SDKs write one file per model (`# AccessToken`, a `## Fields` table whose
//! Type column is in the SDK's language, `## Values` for enums), readme.io
//! pages describe objects as `## Attributes` lists. [`include_specs!`] reads
//! a folder of such docs when the crate is compiled and generates a module
//! per folder and a serde-ready type per doc.
//!
//! This crate runs it on its own `specs/` folder, so the models below exist
//! as [`speakeasy::AccessToken`], [`authlete::AccessToken`] and so on; the
//! same macro works in any crate that depends on `token-models`:
//!
//! ```text
//! token_models::include_specs!("specs"); // relative to your Cargo.toml
//! ```
//!
//! ```
//! let json = r#"{"access_token":"t","expires_in":3600,"scope":"read","token_type":"bearer"}"#;
//! let token: token_models::workiva::BearerToken = serde_json::from_str(json)?;
//! assert_eq!(token.expires_in, 3600);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Every expansion also defines a `CATALOG` of what it generated
//! ([`catalog::Catalog`], a list of [`catalog::Model`]); this crate's is
//! [`CATALOG`].

#![warn(missing_docs)]

// Generated code names this crate `::token_models`, here as everywhere.
extern crate self as token_models;

pub mod catalog;

pub use token_models_derive::include_specs;

/// The JSON library of free-form fields (`serde_json::Value`, `Map`).
pub use serde_json;

/// The date and time library of date-time fields.
pub use chrono;

#[doc(hidden)]
pub mod __private {
    pub use serde;

    // What generated modules import by name (`Option`), or name through
    // their `__tm` alias of this module (`__tm::Option`) where one of their
    // models has that name.
    pub use ::chrono::{DateTime, FixedOffset, NaiveDate};
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

    /// Which alternative of a union a JSON value is: generated unions read
    /// the value, then try their alternatives in the order [`union::order`]
    /// gives (serde's untagged enums try them in the order written, so an
    /// alternative of optional fields before another took that other's
    /// payloads).
    pub mod union {
        use serde_json::Value;

        /// What JSON an alternative reads.
        #[derive(Debug, Clone, Copy)]
        pub enum Shape {
            /// An object with these keys, these among them required.
            Object {
                keys: &'static [&'static str],
                required: &'static [&'static str],
            },
            /// An object with any keys.
            Map,
            String,
            /// A number without a fraction.
            Integer,
            Number,
            Bool,
            Array,
            /// Any value.
            Any,
        }

        /// How well `shape` fits `value`: whether it can (2), may (1) or
        /// cannot (0) read it, then how many of the value's keys it knows.
        fn fit(value: &Value, shape: Shape) -> (u8, usize) {
            match (value, shape) {
                (_, Shape::Any) => (1, 0),
                (Value::Object(members), Shape::Object { keys, required })
                    if required.iter().all(|k| members.contains_key(*k)) =>
                {
                    let known = members.keys().filter(|k| keys.contains(&k.as_str()));
                    (2, known.count())
                }
                (Value::Object(_), Shape::Map) => (1, 0),
                (Value::String(_), Shape::String)
                | (Value::Bool(_), Shape::Bool)
                | (Value::Array(_), Shape::Array)
                | (Value::Number(_), Shape::Number) => (2, 0),
                (Value::Number(n), Shape::Integer) if !n.is_f64() => (2, 0),
                _ => (0, 0),
            }
        }

        /// The alternatives in the order to try them for `value`: those
        /// that can read it before those that may, and among objects the
        /// one that knows most of its keys; written order breaks ties.
        /// Every alternative is in it, so that any value one of them reads
        /// is read.
        pub fn order(value: &Value, shapes: &[Shape]) -> Vec<usize> {
            let mut order: Vec<usize> = (0..shapes.len()).collect();
            order.sort_by_key(|&k| {
                let (can, known) = fit(value, shapes[k]);
                (std::cmp::Reverse(can), std::cmp::Reverse(known))
            });
            order
        }

        /// Reads alternative `T` from `value`.
        pub fn read<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
            T::deserialize(value)
        }

        #[cfg(test)]
        mod tests {
            use super::*;
            use serde_json::json;

            #[test]
            fn objects_go_to_the_alternative_that_knows_their_keys() {
                let circle = Shape::Object {
                    keys: &["radius", "color"],
                    required: &[],
                };
                let square = Shape::Object {
                    keys: &["side", "color"],
                    required: &[],
                };
                let shapes = [circle, square, Shape::Map];
                assert_eq!(order(&json!({"side": 2}), &shapes), [1, 0, 2]);
                assert_eq!(
                    order(&json!({"radius": 1, "color": "r"}), &shapes),
                    [0, 1, 2]
                );
                // A tie keeps the written order.
                assert_eq!(order(&json!({"color": "r"}), &shapes), [0, 1, 2]);
                let needs_id = Shape::Object {
                    keys: &["id", "side"],
                    required: &["id"],
                };
                assert_eq!(order(&json!({"side": 2}), &[needs_id, square]), [1, 0]);
            }

            #[test]
            fn scalars_go_to_their_kind() {
                let shapes = [
                    Shape::Any,
                    Shape::Number,
                    Shape::Integer,
                    Shape::String,
                    Shape::Bool,
                    Shape::Array,
                ];
                assert_eq!(order(&json!(1), &shapes)[..2], [1, 2]);
                assert_eq!(order(&json!(1.5), &shapes)[0], 1);
                assert_eq!(order(&json!("x"), &shapes)[0], 3);
                assert_eq!(order(&json!([1]), &shapes)[0], 5);
                assert_eq!(order(&json!(null), &shapes)[0], 0);
            }
        }
    }

    /// `#[serde(with)]` for `Option<Option<T>>` fields: `None` is absent
    /// (with `default` and `skip_serializing_if`), `Some(None)` is `null`.
    pub mod double_option {
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<T: Serialize, S: Serializer>(
            value: &Option<Option<T>>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(inner) => inner.serialize(serializer),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Option<T>>, D::Error> {
            Option::<T>::deserialize(deserializer).map(Some)
        }
    }
}

include_specs!("specs");
