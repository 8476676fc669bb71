//! The `derives` and `attributes` settings: what they add is on the
//! generated types, for the folder or for one model.

/// The crate's own Gusto and Speakeasy specs, generated again with shaping.
mod shaped {
    token_models::include_specs!(
        "../specs",
        only = "gusto, speakeasy",
        derives = "Default",
        derives.Authentication = "PartialOrd",
        attributes = "#[must_use]",
        attributes.Claims = "#[doc(alias = \"JwtClaims\")]"
    );
}

#[test]
fn settings_add_derives_and_attributes() {
    // `Default` on every struct of the folders (all of Gusto's fields are
    // optional; Speakeasy's claims are a map).
    let auth = shaped::gusto::Authentication::default();
    assert_eq!(auth.access_token, None);
    assert!(shaped::speakeasy::Claims::default().0.is_empty());
    let token = shaped::speakeasy::AccessToken::default();
    assert!(token.access_token.is_empty() && token.user.id.is_none());
    let workspace = shaped::speakeasy::Workspaces::default();
    assert_eq!(workspace, workspace.clone());
    // `PartialOrd` on one model only.
    let later = shaped::gusto::Authentication {
        expires_in: Some(60.0),
        ..auth.clone()
    };
    assert!(auth < later);
    // The catalog is unchanged by shaping.
    assert_eq!(
        shaped::CATALOG
            .iter()
            .map(|m| m.rust_path)
            .collect::<Vec<_>>(),
        [
            "gusto::Authentication",
            "speakeasy::AccessToken",
            "speakeasy::AccessTokenUser",
            "speakeasy::Claims",
            "speakeasy::Workspaces",
        ]
    );
}
