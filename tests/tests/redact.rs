//! The `redact` and `unredact` settings: fields redacted or shown in
//! `Debug` by name, whatever their names say, and the catalog says so.

use serde_json::json;

/// The crate's own Gusto spec, generated again with settings.
mod set {
    token_models::include_specs!(
        "../specs",
        only = "gusto",
        redact = "Authentication.scope, Authentication.expiresIn",
        unredact = "Authentication.refresh_token"
    );
}

#[test]
fn settings_redact_and_show_fields_by_name() {
    let json = json!({
        "access_token": "live-a",
        "refresh_token": "live-r",
        "scope": "read-all",
        "expires_in": 7200,
        "token_type": "bearer"
    });
    let set: set::gusto::Authentication =
        serde_json::from_value(json.clone()).expect("deserializes");
    let shown = format!("{set:?}");
    // Redacted by its name, as without settings.
    assert!(!shown.contains("live-a"), "{shown}");
    // Shown by `unredact`.
    assert!(shown.contains("refresh_token: Some(\"live-r\")"), "{shown}");
    // Redacted by `redact`: text as `"[redacted]"`, a number whole.
    assert!(!shown.contains("read-all"), "{shown}");
    assert!(shown.contains("scope: Some(\"[redacted]\")"), "{shown}");
    assert!(shown.contains("expires_in: [redacted]"), "{shown}");
    assert!(shown.contains("token_type: Some(\"bearer\")"), "{shown}");
    // Without the settings (the crate's own model): the other way round.
    let plain: token_models::gusto::Authentication =
        serde_json::from_value(json).expect("deserializes");
    let shown = format!("{plain:?}");
    assert!(
        !shown.contains("live-r") && shown.contains("read-all"),
        "{shown}"
    );
    assert!(shown.contains("expires_in: Some(7200.0)"), "{shown}");
    // The catalog says which are redacted.
    let model = set::CATALOG
        .iter()
        .find(|m| m.rust_path == "gusto::Authentication")
        .expect("in the catalog");
    let redacted: Vec<&str> = model
        .fields
        .iter()
        .filter(|f| f.redacted)
        .map(|f| f.rust_name)
        .collect();
    assert_eq!(redacted, ["access_token", "expires_in", "scope"]);
}
