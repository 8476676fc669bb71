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
//! let json = r#"{"access_token":"t","token_type":"bearer","expires_in":7200}"#;
//! let token: token_models::gusto::Authentication = serde_json::from_str(json)?;
//! assert_eq!(token.expires_in, Some(7200.0));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Every expansion also defines a `CATALOG` of what it generated
//! ([`catalog::Catalog`], a list of [`catalog::Model`]); this crate's is
//! [`CATALOG`].

#![warn(missing_docs)]
#![forbid(unsafe_code)]

// Generated code names this crate `::token_models`, here as everywhere.
extern crate self as token_models;

pub mod catalog;
mod date_time;
pub mod validate;

pub use date_time::{Date, DateTime};
pub use validate::Validate;

pub use token_models_derive::include_specs;

/// The serde the models implement `Serialize` and `Deserialize` of, for
/// code generic over them (`T: token_models::serde::Serialize`) without a
/// serde dependency of its own.
pub use serde;

/// The JSON library of free-form fields (`serde_json::Value`, `Map`).
pub use serde_json;

/// The date and time library of date-time fields (the `chrono` feature,
/// the default).
#[cfg(feature = "chrono")]
pub use chrono;

/// The date and time library of date-time fields (the `time` feature).
#[cfg(feature = "time")]
pub use time;

#[doc(hidden)]
pub mod __private;

include_specs!("specs");
