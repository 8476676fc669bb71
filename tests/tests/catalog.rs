//! The catalog describes every generated model.

use token_models::CATALOG;
use token_models::catalog::{Kind, Presence};

fn model(path: &str) -> &'static token_models::catalog::Model {
    CATALOG
        .iter()
        .find(|m| m.rust_path == path)
        .unwrap_or_else(|| panic!("{path} is not in the catalog"))
}

#[test]
fn lists_every_spec_and_inline_type() {
    let mut paths: Vec<&str> = CATALOG.iter().map(|m| m.rust_path).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "authlete::AccessToken",
            "authlete::GrantType",
            "authlete::Property",
            "gusto::Authentication",
            "readme_io::AccessToken",
            "readme_io::AccessTokenType",
            "speakeasy::AccessToken",
            "speakeasy::AccessTokenUser",
            "speakeasy::Claims",
            "speakeasy::Workspaces",
            "workiva::BearerToken",
        ]
    );
}

#[test]
fn describes_fields_and_where_they_come_from() {
    let m = model("speakeasy::AccessToken");
    assert_eq!(
        (m.spec, m.line, m.kind),
        ("specs/speakeasy/accesstoken.md", 1, Kind::Struct)
    );
    assert_eq!(
        m.doc,
        "An AccessToken is a token that can be used to authenticate with the Speakeasy API."
    );
    let w = &m.fields[3];
    assert_eq!(
        (w.rust_name, w.wire_name, w.rust_type, w.presence, w.line),
        (
            "workspaces",
            "workspaces",
            "Option<Vec<speakeasy::Workspaces>>",
            Presence::Optional,
            13
        )
    );

    let t = &model("readme_io::AccessToken").fields[2];
    assert_eq!(
        (t.rust_name, t.wire_name, t.rust_type),
        ("r#type", "type", "readme_io::AccessTokenType")
    );
    assert_eq!(t.presence, Presence::Required);
    assert_eq!(t.description, "The type of the token. Can be `Bearer`.");

    let g = &model("gusto::Authentication").fields[0];
    assert_eq!((g.rust_name, g.wire_name), ("access_token", "access_token"));

    assert_eq!(model("speakeasy::Claims").kind, Kind::FreeForm);
    let grant = model("authlete::GrantType");
    assert_eq!(grant.kind, Kind::Enum);
    assert_eq!(
        (grant.variants[8].rust_name, grant.variants[8].wire_value),
        ("JwtBearer", "JWT_BEARER")
    );
}

#[test]
fn serializes_to_json() {
    let json = serde_json::to_value(&CATALOG).expect("serializes");
    let first = &json[0];
    assert_eq!(first["rust_path"], "authlete::AccessToken");
    assert_eq!(first["fields"][0]["presence"], "Optional");
}
