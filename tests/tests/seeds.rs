//! The five seed docs (and the docs they link to) generate exactly the
//! types the product promises, with exact wire names, and their JSON
//! survives a round trip.

use serde_json::{Value, json};
use token_models::{authlete, gusto, speakeasy};
use unshipped::{readme_io, workiva};

/// The two seeds whose licence does not let the crate ship them (see
/// `tests/specs-unshipped/SOURCES.tsv`): generated here, for the tests only.
mod unshipped {
    token_models::include_specs!("specs-unshipped");
}

/// Deserializes `value` into `T`, serializes it back and checks nothing changed.
fn round_trip<T>(value: Value) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let typed: T = serde_json::from_value(value.clone()).expect("deserializes");
    assert_eq!(serde_json::to_value(&typed).expect("serializes"), value);
    typed
}

#[test]
fn speakeasy_access_token_has_the_documented_shape() {
    // An exhaustive struct literal: a missing, extra or retyped field fails to compile.
    let token = speakeasy::AccessToken {
        access_token: String::from("t"),
        claims: speakeasy::Claims(serde_json::Map::new()),
        user: speakeasy::AccessTokenUser {
            admin: None::<bool>,
            created_at: None::<token_models::DateTime>,
            display_name: None::<String>,
            email: None::<String>,
            email_verified: None::<bool>,
            id: None::<String>,
        },
        workspaces: None::<Vec<speakeasy::Workspaces>>,
    };
    assert_eq!(
        serde_json::to_value(&token).expect("serializes"),
        json!({"access_token": "t", "claims": {}, "user": {}})
    );
}

#[test]
fn speakeasy_round_trip_keeps_free_form_properties() {
    let value = json!({
        "access_token": "tok",
        "claims": {"sub": "u1", "nested": {"a": [1, 2, null]}, "n": 1.5},
        "user": {
            "admin": true,
            "created_at": "2024-03-22T10:00:00+01:00",
            "display_name": "Ada",
            "email": "ada@example.com",
            "email_verified": false,
            "id": "u1"
        },
        "workspaces": [{"id": "w1", "anything": {"goes": true}}, {}]
    });
    let token: speakeasy::AccessToken = round_trip(value);
    assert_eq!(token.claims.0["sub"], "u1");
    assert_eq!(token.workspaces.as_ref().map(Vec::len), Some(2));
    let created = token.user.created_at.expect("date-time");
    assert_eq!(created.timestamp(), 1_711_098_000);
    // A required field is required.
    let missing =
        serde_json::from_value::<speakeasy::AccessToken>(json!({"claims": {}, "user": {}}));
    assert!(
        missing
            .unwrap_err()
            .to_string()
            .contains("missing field `access_token`")
    );
}

#[test]
fn authlete_access_token_is_all_optional_and_camel_case_on_the_wire() {
    let token = authlete::AccessToken {
        access_token_hash: None::<String>,
        access_token_expires_at: None::<i64>,
        refresh_token_hash: None::<String>,
        refresh_token_expires_at: None::<i64>,
        created_at: None::<i64>,
        last_refreshed_at: None::<i64>,
        client_id: None::<i64>,
        subject: None::<String>,
        grant_type: None::<authlete::GrantType>,
        scopes: None::<Vec<String>>,
        properties: None::<Vec<authlete::Property>>,
        refresh_token_scopes: None::<Vec<String>>,
    };
    // Optional fields are left out when `None`.
    assert_eq!(serde_json::to_value(&token).expect("serializes"), json!({}));

    let value = json!({
        "accessTokenHash": "h1",
        "accessTokenExpiresAt": 1_700_000_000,
        "refreshTokenHash": "h2",
        "refreshTokenExpiresAt": 1_800_000_000,
        "createdAt": 1_600_000_000,
        "lastRefreshedAt": 1_650_000_000,
        "clientId": 42,
        "subject": "user",
        "grantType": "AUTHORIZATION_CODE",
        "scopes": ["openid", "email"],
        "properties": [{"key": "k", "value": "v", "hidden": true}],
        "refreshTokenScopes": ["openid"]
    });
    let token: authlete::AccessToken = round_trip(value);
    assert_eq!(
        token.grant_type,
        Some(authlete::GrantType::AuthorizationCode)
    );
    assert_eq!(token.client_id, Some(42));
    // A key written in another case is read, and written back as the
    // wire name.
    let snake: authlete::AccessToken =
        serde_json::from_value(json!({"access_token_hash": "h"})).expect("read");
    assert_eq!(snake.access_token_hash.as_deref(), Some("h"));
    assert_eq!(
        serde_json::to_value(&snake).expect("written"),
        json!({"accessTokenHash": "h"})
    );
}

#[test]
fn authlete_grant_type_has_ten_values_with_exact_wire_names() {
    use authlete::GrantType::*;
    let all = [
        (AuthorizationCode, "AUTHORIZATION_CODE"),
        (Implicit, "IMPLICIT"),
        (Password, "PASSWORD"),
        (ClientCredentials, "CLIENT_CREDENTIALS"),
        (RefreshToken, "REFRESH_TOKEN"),
        (Ciba, "CIBA"),
        (DeviceCode, "DEVICE_CODE"),
        (TokenExchange, "TOKEN_EXCHANGE"),
        (JwtBearer, "JWT_BEARER"),
        (PreAuthorizedCode, "PRE_AUTHORIZED_CODE"),
    ];
    for (variant, wire) in all {
        assert_eq!(round_trip::<authlete::GrantType>(json!(wire)), variant);
    }
    assert!(serde_json::from_value::<authlete::GrantType>(json!("UNKNOWN")).is_err());
}

#[test]
fn readme_io_access_token_matches_its_example() {
    let token = readme_io::AccessToken {
        token: String::from("t"),
        expires_in: 3600_i64,
        r#type: readme_io::AccessTokenType::Bearer,
    };
    assert_eq!(
        serde_json::to_value(&token).expect("serializes"),
        json!({"token": "t", "expiresIn": 3600, "type": "Bearer"})
    );
    let model = unshipped::CATALOG
        .iter()
        .find(|m| m.rust_path == "readme_io::AccessToken")
        .expect("in the catalog");
    let t = &model.fields[2];
    assert_eq!(
        (t.rust_name, t.wire_name, t.rust_type),
        ("r#type", "type", "readme_io::AccessTokenType")
    );
    assert_eq!(t.presence, token_models::catalog::Presence::Required);
    assert_eq!(t.description, "The type of the token. Can be `Bearer`.");
    let example: Value =
        serde_json::from_str(model.example.expect("the page has an example")).expect("valid JSON");
    let parsed: readme_io::AccessToken = round_trip(example);
    assert_eq!(parsed.expires_in, 3600);
    assert!(parsed.token.starts_with("eyJraWQi"));
    // The token stays out of `Debug`, and so out of logs.
    let shown = format!("{parsed:?}");
    assert!(!shown.contains("eyJraWQi"), "{shown}");
    assert!(shown.contains("token: \"[redacted]\""), "{shown}");
}

#[test]
fn workiva_bearer_token_is_all_required() {
    let value =
        json!({"access_token": "a", "expires_in": 60, "scope": "read", "token_type": "bearer"});
    let token: workiva::BearerToken = round_trip(value);
    let workiva::BearerToken {
        access_token,
        expires_in,
        scope,
        token_type,
    } = token;
    let _: (String, i64, String, String) = (access_token, expires_in, scope, token_type);
    assert!(serde_json::from_value::<workiva::BearerToken>(json!({"access_token": "a"})).is_err());
}

#[test]
fn gusto_authentication_is_snake_case_on_the_wire() {
    let auth = gusto::Authentication {
        access_token: None::<String>,
        token_type: None::<String>,
        expires_in: None::<f64>,
        refresh_token: None::<String>,
        created_at: None::<String>,
        scope: None::<String>,
    };
    assert_eq!(serde_json::to_value(&auth).expect("serializes"), json!({}));
    let value = json!({
        "access_token": "a",
        "token_type": "bearer",
        "expires_in": 7200.5,
        "refresh_token": "r",
        "created_at": "2024-01-01T00:00:00Z",
        "scope": "public"
    });
    let auth: gusto::Authentication = round_trip(value);
    assert_eq!(auth.expires_in, Some(7200.5));
    // The Java doc's camelCase names are read too, and written back as
    // the wire names.
    let camel: gusto::Authentication =
        serde_json::from_value(json!({"accessToken": "a", "Scope": "s"})).expect("read");
    assert_eq!(camel.access_token.as_deref(), Some("a"));
    assert_eq!(
        serde_json::to_value(&camel).expect("written"),
        json!({"access_token": "a", "scope": "s"})
    );
}

#[test]
fn derived_traits_follow_the_field_types() {
    fn eq_hash<T: Eq + std::hash::Hash>() {}
    fn copy<T: Copy>() {}
    eq_hash::<authlete::AccessToken>();
    eq_hash::<workiva::BearerToken>();
    eq_hash::<readme_io::AccessToken>();
    copy::<authlete::GrantType>();
    // Free-form JSON is `Eq` but not `Hash`; floats are neither (checked by
    // the snapshots); what derives must still be comparable and cloneable.
    fn eq<T: Eq + Clone + std::fmt::Debug>() {}
    eq::<speakeasy::AccessToken>();
    let a = gusto::Authentication {
        access_token: None,
        token_type: None,
        expires_in: Some(1.0),
        refresh_token: None,
        created_at: None,
        scope: None,
    };
    assert_eq!(a.clone(), a);
}

/// A credential does not reach `Debug` (and so logs); everything else
/// does, and the catalog says which fields are redacted.
#[test]
fn debug_does_not_print_credentials() {
    let json = json!({"access_token": "live-secret-1", "expires_in": 3600, "scope": "read", "token_type": "bearer"});
    let token: workiva::BearerToken = serde_json::from_value(json).expect("deserializes");
    let shown = format!("{token:?}");
    assert!(!shown.contains("live-secret-1"), "{shown}");
    assert!(shown.contains("access_token: \"[redacted]\""), "{shown}");
    assert!(shown.contains("expires_in: 3600"), "{shown}");
    // serde still writes it.
    assert_eq!(
        serde_json::to_value(&token).expect("serializes")["access_token"],
        "live-secret-1"
    );
    let gusto: gusto::Authentication =
        serde_json::from_value(json!({"access_token": "a-1", "refresh_token": "r-1"}))
            .expect("deserializes");
    let shown = format!("{gusto:#?}");
    assert!(!shown.contains("a-1") && !shown.contains("r-1"), "{shown}");
    assert!(
        shown.contains("Some(\n        \"[redacted]\",\n    )"),
        "{shown}"
    );
    let redacted: Vec<(&str, &str)> = token_models::CATALOG
        .iter()
        .chain(&unshipped::CATALOG)
        .flat_map(|m| {
            m.fields
                .iter()
                .filter(|f| f.redacted)
                .map(move |f| (m.rust_path, f.rust_name))
        })
        .collect();
    assert!(
        redacted.contains(&("workiva::BearerToken", "access_token")),
        "{redacted:?}"
    );
    assert!(
        redacted.contains(&("gusto::Authentication", "refresh_token")),
        "{redacted:?}"
    );
    assert!(
        !redacted
            .iter()
            .any(|(_, f)| *f == "token_type" || *f == "expires_in"),
        "{redacted:?}"
    );
}

/// The readme.io page's rules (`token` is `string(2048)`, `expiresIn` is
/// `integer(>=3600)`) are checked by `Validate`, every broken one named
/// with its path; the page's own example keeps them.
#[test]
fn readme_io_rules_are_validated() {
    use token_models::Validate;
    use token_models::catalog::Constraint;
    let token = readme_io::AccessToken {
        token: "x".repeat(2049),
        expires_in: 1,
        r#type: readme_io::AccessTokenType::Bearer,
    };
    let violations = token.validate().expect_err("two rules broken").0;
    let found: Vec<(&str, &str)> = violations
        .iter()
        .map(|v| (v.path.as_str(), v.rule.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("$.token", "at most 2048 characters (found 2049)"),
            ("$.expiresIn", "at least 3600 (found 1)"),
        ]
    );
    let at_the_limits = readme_io::AccessToken {
        token: "é".repeat(2048),
        expires_in: 3600,
        r#type: readme_io::AccessTokenType::Bearer,
    };
    assert_eq!(at_the_limits.validate(), Ok(()));
    let model = unshipped::CATALOG
        .iter()
        .find(|m| m.rust_path == "readme_io::AccessToken")
        .expect("in the catalog");
    let example: readme_io::AccessToken =
        serde_json::from_str(model.example.expect("an example")).expect("reads");
    assert_eq!(example.validate(), Ok(()));
    // The catalog lists the rules.
    let rules: Vec<(&str, &[Constraint])> = model
        .fields
        .iter()
        .map(|f| (f.wire_name, f.constraints))
        .collect();
    let at_least = Constraint::Min {
        value: "3600",
        exclusive: false,
    };
    assert_eq!(
        rules,
        [
            ("token", &[Constraint::MaxChars(2048)][..]),
            ("expiresIn", &[at_least][..]),
            ("type", &[][..]),
        ]
    );
    // Nested: a list of them names each one's index.
    let many = vec![at_the_limits, token];
    let violations = many.validate().expect_err("the second breaks two").0;
    assert_eq!(violations[0].path, "$[1].token");
    assert_eq!(
        token_models::validate::Violations(violations).to_string(),
        "$[1].token: at most 2048 characters (found 2049); $[1].expiresIn: at least 3600 (found 1)"
    );
}

/// The same page generated with `validate = "on_deserialize"`.
mod checked {
    token_models::include_specs!(
        "specs-unshipped",
        only = "readme_io",
        validate = "on_deserialize"
    );
}

#[test]
fn on_deserialize_the_rules_are_checked_while_reading() {
    let too_long = json!({"token": "x".repeat(2049), "expiresIn": 1, "type": "Bearer"});
    // By default, read as sent (servers break their own rules).
    let read: readme_io::AccessToken = serde_json::from_value(too_long.clone()).expect("reads");
    assert_eq!(read.expires_in, 1);
    let e = serde_json::from_value::<checked::readme_io::AccessToken>(too_long)
        .expect_err("the rules are checked");
    assert_eq!(
        e.to_string(),
        "the value breaks the rules its doc states: $.token: at most 2048 characters (found 2049); $.expiresIn: at least 3600 (found 1)"
    );
    let fine = json!({"token": "t", "expiresIn": 3600, "type": "Bearer"});
    let ok: checked::readme_io::AccessToken =
        serde_json::from_value(fine).expect("keeps the rules");
    assert_eq!(ok.r#type, checked::readme_io::AccessTokenType::Bearer);
    // The setting changes when the rules are checked, not what they are.
    let rules = |catalog: &'static token_models::catalog::Catalog| {
        catalog
            .iter()
            .flat_map(|m| m.fields.iter().map(|f| f.constraints))
            .collect::<Vec<_>>()
    };
    assert_eq!(rules(&checked::CATALOG), rules(&unshipped::CATALOG)[..3]);
}

/// What a generated example test checks, on examples that break it.
#[test]
#[should_panic(
    expected = "the example of `AccessToken` breaks the rules its doc states: $.expiresIn: at least 3600 (found 1)"
)]
fn an_example_that_breaks_a_rule_fails_its_test() {
    token_models::__private::example::<readme_io::AccessToken>(
        "AccessToken",
        r#"{"token": "t", "expiresIn": 1, "type": "Bearer"}"#,
    );
}

#[test]
#[should_panic(expected = "the example of `AccessToken` is written back as")]
fn an_example_that_loses_a_key_fails_its_test() {
    token_models::__private::example::<readme_io::AccessToken>(
        "AccessToken",
        r#"{"token": "t", "expiresIn": 3600, "type": "Bearer", "scope": "all"}"#,
    );
}
