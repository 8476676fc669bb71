//! The two SDKs not covered elsewhere: Speakeasy's older Java SDK and
//! Authlete's Ruby SDK, field by field.

#![cfg(any(feature = "java-speakeasy", feature = "ruby-authlete"))]
#![allow(unused_imports)]

use serde_json::json;

mod common;
use common::round_trip;

#[cfg(feature = "java-speakeasy")]
#[test]
fn java_api() {
    use std::collections::BTreeMap;
    use token_models::DateTime;
    use token_models::chrono::FixedOffset;
    use token_models_corpus::java_speakeasy::docs::models::shared as m;
    let api = m::Api {
        api_id: String::from("a"),
        created_at: DateTime::from(
            token_models::chrono::DateTime::<FixedOffset>::parse_from_rfc3339(
                "2024-01-01T00:00:00Z",
            )
            .expect("date"),
        ),
        description: String::from("d"),
        // `Optional\<Boolean>`
        matched: None::<bool>,
        // `Map\<String, List\\<*String*>>`: both escaping styles.
        meta_data: None::<BTreeMap<String, Vec<String>>>,
        updated_at: DateTime::from(
            token_models::chrono::DateTime::<FixedOffset>::parse_from_rfc3339(
                "2024-01-02T00:00:00Z",
            )
            .expect("date"),
        ),
        version_id: String::from("v1"),
        workspace_id: String::from("w"),
    };
    let value = serde_json::to_value(&api).expect("serializes");
    assert_eq!(value["created_at"], "2024-01-01T00:00:00Z");
    let back: m::Api = round_trip(json!({
        "api_id": "a", "created_at": "2024-01-01T00:00:00Z", "description": "d",
        "matched": true, "meta_data": {"team": ["x", "y"]},
        "updated_at": "2024-01-02T00:00:00Z", "version_id": "v1", "workspace_id": "w"
    }));
    assert_eq!(back.meta_data.expect("present")["team"], ["x", "y"]);
}

#[cfg(feature = "ruby-authlete")]
#[test]
fn ruby_authlete_access_token() {
    use token_models_corpus::ruby_authlete::docs::models::components as m;
    let token = m::AccessToken {
        access_token_hash: None::<String>,
        access_token_expires_at: None::<i64>,
        refresh_token_hash: None::<String>,
        refresh_token_expires_at: None::<i64>,
        created_at: None::<i64>,
        last_refreshed_at: None::<i64>,
        client_id: None::<i64>,
        subject: None::<String>,
        // A broken link (`../../models/shared/granttype.md`), resolved by file name.
        grant_type: None::<m::GrantType>,
        scopes: None::<Vec<String>>,
        properties: None::<Vec<m::Property>>,
        refresh_token_scopes: None::<Vec<String>>,
    };
    assert_eq!(serde_json::to_value(&token).expect("serializes"), json!({}));
    let parsed: m::AccessToken =
        round_trip(json!({"accessTokenHash": "h", "grantType": "JWT_BEARER", "clientId": 7}));
    assert_eq!(parsed.client_id, Some(7));
}
