//! The Speakeasy API's own models, as five SDKs in five languages document
//! them: the same JSON must read and write back the same through each
//! language's generated types, and each type must be what its doc says,
//! field by field (an exhaustive struct literal fails to compile on a
//! missing, extra or retyped field).

#![cfg(any(
    feature = "go",
    feature = "csharp",
    feature = "php",
    feature = "java-sdks-dev",
    feature = "ruby-speakeasy"
))]
#![allow(unused_imports, dead_code)]

use serde_json::{Value, json};

mod common;
use common::round_trip;

fn user() -> Value {
    json!({
        "admin": true,
        "created_at": "2024-03-22T10:00:00+01:00",
        "display_name": "Ada",
        "email": "ada@example.com",
        "email_verified": false,
        "id": "u1"
    })
}

fn access_token(feature_flag: &str) -> Value {
    json!({
        "access_token": "tok",
        "claims": {"sub": "u1", "scopes": ["a", "b"], "nested": {"n": 1.5}},
        "user": user(),
        "workspaces": [{}],
        "feature_flags": [{"feature_flag": feature_flag, "trial_ends_at": "2025-01-01T00:00:00Z"}]
    })
}

type DateTime = token_models::DateTime;

/// Every language's `AccessTokenUser` has exactly these optional fields: an
/// exhaustive struct literal fails to compile on a missing, extra or
/// retyped one. With all of them `None`, the JSON is empty.
macro_rules! assert_empty_user {
    ($m:ident) => {
        let user = $m::AccessTokenUser {
            admin: None::<bool>,
            created_at: None::<DateTime>,
            display_name: None::<String>,
            email: None::<String>,
            email_verified: None::<bool>,
            id: None::<String>,
        };
        assert_eq!(serde_json::to_value(&user).expect("serializes"), json!({}));
    };
}

#[cfg(feature = "go")]
#[test]
fn go() {
    use token_models_corpus::go::docs::pkg::models::shared as m;
    // `**string*` (a Go pointer) is optional; `ID` is `id` on the wire.
    assert_empty_user!(m);
    let token: m::AccessToken = round_trip(access_token("webhooks"));
    let flags: Vec<m::FeatureFlag> = token.feature_flags.expect("present");
    assert_eq!(
        flags[0].feature_flag,
        m::WorkspaceFeatureFlag::WorkspaceFeatureFlagWebhooks
    );
    // A free-form object keeps every property.
    assert_eq!(token.claims.0["nested"]["n"], 1.5);
    // The operation wrapper leaves the HTTP response out, and says so.
    let response = token_models_corpus::go::CATALOG
        .iter()
        .find(|m| m.rust_path == "docs::pkg::models::operations::GetAccessTokenResponse")
        .expect("in the catalog");
    assert_eq!(
        response
            .omitted
            .iter()
            .map(|o| (o.name, o.why))
            .collect::<Vec<_>>(),
        [("RawResponse", "an HTTP response")]
    );
}

#[cfg(feature = "csharp")]
#[test]
fn csharp() {
    use token_models_corpus::csharp::docs::models::shared as m;
    assert_empty_user!(m);
    // C# names a member after its class with a `Value` suffix:
    // `AccessToken.AccessTokenValue` is `access_token`.
    let token: m::AccessToken = round_trip(access_token("schema_registry"));
    let _: &String = &token.access_token;
    // An open enum keeps a value it does not list.
    let addon: m::BillingAddOn = round_trip(json!("something_new"));
    assert_eq!(addon, m::BillingAddOn::Unrecognized("something_new".into()));
    assert_eq!(
        round_trip::<m::BillingAddOn>(json!("sdk_testing")),
        m::BillingAddOn::SdkTesting
    );
}

#[cfg(feature = "php")]
#[test]
fn php() {
    use token_models_corpus::php::docs::models::shared as m;
    // `?bool` may be null; with :heavy_minus_sign: it may be absent too.
    assert_empty_user!(m);
    let token: m::AccessToken = round_trip(access_token("changes_report"));
    assert_eq!(token.user.display_name.as_deref(), Some("Ada"));
}

#[cfg(feature = "java-sdks-dev")]
#[test]
fn java() {
    use token_models_corpus::java_sdks_dev::docs::models::shared as m;
    // `Optional<? extends Boolean>` is optional.
    assert_empty_user!(m);
    let token: m::AccessToken = round_trip(access_token("anything: a String in this SDK"));
    let _: &m::Claims = &token.claims;
}

#[cfg(feature = "ruby-speakeasy")]
#[test]
fn ruby() {
    use token_models_corpus::ruby_speakeasy::docs::models::shared as m;
    // `T.nilable(…)` with :heavy_minus_sign: is optional; Ruby's `Date`
    // links to a date-time.
    assert_empty_user!(m);
    let token: m::AccessToken = round_trip(access_token("skip_schema_registry"));
    assert_eq!(
        token.user.created_at.map(|t| t.timestamp()),
        Some(1_711_098_000)
    );
}
