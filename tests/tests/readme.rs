//! readme.io object pages beyond the seed (`specs-readme/`, made-up pages
//! in the shapes real readme exports use): each reads exactly, with no
//! warning (`strict`), and real JSON goes through the types and back.

use serde_json::json;

token_models::include_specs!("specs-readme", strict = "true");

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: &serde_json::Value) -> T {
    let t: T = serde_json::from_value(value.clone()).expect("deserializes");
    assert_eq!(&serde_json::to_value(&t).expect("serializes"), value);
    t
}

/// `**name** type` attributes: `**required**` and `(required)` markers
/// leave the unmarked optional; `timestamp`, `integer(>=0)`, `array of
/// strings`, `Nested Object`; a reference by slug; enum values in prose.
#[test]
fn an_attribute_list_with_markers_links_and_prose_values() {
    let value = json!({
        "id": "c1", "created": "2024-01-02T03:04:05Z", "status": "closed",
        "balance": 10, "tags": ["vip"], "metadata": {"k": 1},
        "address": {"line1": "1 Main St", "city": "Oslo", "country": "NO"}
    });
    let c: acme::Customer = round_trip(&value);
    let acme::Customer {
        id,
        email,
        created,
        balance,
        address,
        tags,
        status,
        metadata,
    } = c;
    let _: (String, Option<String>, Option<i64>, Option<Vec<String>>) = (id, email, balance, tags);
    assert_eq!(created.to_rfc3339(), "2024-01-02T03:04:05+00:00");
    assert_eq!(status, acme::CustomerStatus::Closed);
    assert_eq!(metadata.map(|m| m.len()), Some(1));
    assert_eq!(address.map(|a| a.zip), Some(None));
    // Required attributes are required.
    assert!(
        serde_json::from_value::<acme::Customer>(json!({"id": "c1", "status": "active"})).is_err()
    );
    // The page's example is its type's.
    let example = CATALOG
        .iter()
        .find(|m| m.rust_path == "acme::Customer")
        .and_then(|m| m.example);
    let parsed: acme::Customer =
        serde_json::from_str(example.expect("an example")).expect("the example reads");
    assert_eq!(parsed.status, acme::CustomerStatus::Active);
}

/// Attribute tables of every header wording, under a heading, under the
/// front matter, or under a level-two heading of their own; type words as
/// people write them; `ref:` by slug and by file name; `[X](ref:…)[]`.
#[test]
fn attribute_tables_of_every_wording() {
    let value = json!({
        "id": "0b5c", "amount": 12.5, "paid": false,
        "customer": {"id": "c1", "created": "2024-01-02T03:04:05Z", "status": "active"},
        "lines": [{"quantity": 2, "price": 1.5}], "extras": [{"a": 1}],
        "due": "2024-02-01T00:00:00+01:00", "issued": "2024-01-01T00:00:00Z", "notes": [1, "two"]
    });
    let i: acme::Invoice = round_trip(&value);
    let line: &acme::LineItem = &i.lines[0];
    assert_eq!(
        (line.quantity, line.description.as_deref(), line.discount),
        (2_i64, None, None)
    );
    let _: (String, f64, bool, serde_json::Value) = (i.id, i.amount, i.paid, i.notes);
    // A required column's `yes`, `✓`, `required`, `no`.
    let a: acme::Address = round_trip(&json!({"line1": "x", "city": "y", "country": "z"}));
    assert_eq!(a.zip, None);
    assert!(serde_json::from_value::<acme::Address>(json!({"line1": "x", "city": "y"})).is_err());
}

/// Titles lose readme's wording ("The … object", "… resource
/// representation", "… Object"); two copies of one page (readme's `-1`
/// slug) are one type.
#[test]
fn titles_and_copies() {
    let mut paths: Vec<&str> = CATALOG.iter().map(|m| m.rust_path).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "acme::Address",
            "acme::Customer",
            "acme::CustomerStatus",
            "acme::Event",
            "acme::Invoice",
            "acme::LineItem"
        ]
    );
    let e: acme::Event = round_trip(&json!({"kind": "paid", "at": "2024-01-01T00:00:00Z"}));
    assert_eq!(e.kind, "paid");
}

/// No page here falls back anywhere.
#[test]
fn nothing_is_a_fallback() {
    for m in &CATALOG {
        assert_eq!(m.fallback, None, "{}", m.rust_path);
        for f in m.fields {
            assert_eq!(f.fallback, None, "{}.{}", m.rust_path, f.rust_name);
        }
    }
}
