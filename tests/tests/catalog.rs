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
            "speakeasy::AccessToken",
            "speakeasy::AccessTokenUser",
            "speakeasy::Claims",
            "speakeasy::Workspaces",
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

/// One doc of each kind, and a struct with a field of each presence.
mod every {
    token_models::include_specs!("specs-catalog", strict = "true");
}

#[test]
fn every_kind_and_presence_reads_back_as_the_doc_says() {
    // The macro writes the catalog, this crate reads it: what the docs say
    // comes back, for every kind and every presence.
    let kinds: Vec<(&str, Kind)> = every::CATALOG
        .iter()
        .map(|m| (m.rust_path, m.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Colour", Kind::Enum),
            ("Metadata", Kind::FreeForm),
            ("Note", Kind::Any),
            ("Presences", Kind::Struct),
            ("Shape", Kind::Union),
        ]
    );
    let presences = every::CATALOG.iter().find(|m| m.rust_path == "Presences");
    let fields: Vec<(&str, &str, Presence)> = presences
        .expect("the struct")
        .fields
        .iter()
        .map(|f| (f.rust_name, f.rust_type, f.presence))
        .collect();
    assert_eq!(
        fields,
        [
            ("required", "String", Presence::Required),
            ("optional", "Option<String>", Presence::Optional),
            ("nullable", "Option<String>", Presence::Nullable),
            (
                "optional_nullable",
                "Option<Option<String>>",
                Presence::OptionalNullable
            ),
        ]
    );
    // The generated types are the ones the catalog describes.
    let p = every::Presences {
        required: "r".into(),
        optional: None,
        nullable: None,
        optional_nullable: Some(None),
    };
    assert_eq!(
        serde_json::to_string(&p).expect("writes"),
        r#"{"required":"r","nullable":null,"optional_nullable":null}"#
    );
    let colours: [every::Colour; 2] = [every::Colour::Red, every::Colour::Green];
    assert_eq!(
        serde_json::to_string(&colours).expect("writes"),
        r#"["red","green"]"#
    );
    // Each kind is the shape its catalog entry says.
    let read = |json: &str| -> (every::Metadata, every::Note, every::Shape) {
        (
            serde_json::from_str(json).expect("an object"),
            serde_json::from_str(json).expect("any value"),
            serde_json::from_str("2").expect("a number"),
        )
    };
    let (metadata, note, shape) = read(r#"{"a":1}"#);
    assert_eq!(metadata.0.len(), 1);
    assert_eq!(note.0, serde_json::json!({"a": 1}));
    assert!(matches!(shape, every::Shape::Integer(2)), "{shape:?}");
}
