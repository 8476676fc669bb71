//! readme.io object pages beyond the seed (`specs-readme/`, made-up pages
//! in the shapes real readme exports use): each reads exactly, with no
//! warning (`strict`), and real JSON goes through the types and back.

use serde_json::json;

token_models::include_specs!("specs-readme", strict = "true");

mod common;
use common::{assert_no_fallback, round_trip};

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
    let statuses = CATALOG
        .iter()
        .find(|m| m.rust_path == "acme::CustomerStatus");
    let json: Vec<Option<&str>> = statuses.map_or(Vec::new(), |m| {
        m.variants.iter().map(|v| v.json_value).collect()
    });
    assert_eq!(json, [Some("\"active\""), Some("\"closed\"")]);
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
        "due": "2024-02-01T00:00:00+01:00", "issued": "2024-01-01T00:00:00Z", "notes": [1, "two"],
        "history": [{"at": 1}, "x"], "codes": ["a"]
    });
    let i: acme::Invoice = round_trip(&value);
    let line: &acme::LineItem = &i.lines[0];
    assert_eq!(
        (line.quantity, line.description.as_deref(), line.discount),
        (2_i64, None, None)
    );
    let _: (String, f64, bool, serde_json::Value) = (i.id, i.amount, i.paid, i.notes);
    let _: (Vec<serde_json::Value>, Vec<String>) = (i.history, i.codes);
    // A required column's `yes`, `✓`, `required`, `no`.
    let a: acme::Address = round_trip(&json!({"line1": "x", "city": "y", "country": "z"}));
    assert_eq!(a.zip, None);
    assert!(serde_json::from_value::<acme::Address>(json!({"line1": "x", "city": "y"})).is_err());
}

/// The example tells what the list does not (a reference shown as a list
/// is a list, a value of no stated type has the example's, an object's
/// members are a struct's, a `null` makes an attribute nullable), and
/// attributes written flat below another are a struct of their own.
#[test]
fn the_example_and_flat_attributes() {
    let value = json!({
        "items": [{"sku": "a"}], "quantity": 3, "ratio": 1.5,
        "settings": {"timeout": 30, "mode": "fast"}, "cancelled_at": null,
        "urls": {"web": "https://example.com", "api": "https://api.example.com"},
        "variables": [{"id": "x", "value": 1.5}], "limits": {"daily": 10}
    });
    let s: acme::Subscription = round_trip(&value);
    let items: Vec<acme::Item> = s.items;
    let (quantity, ratio): (i64, f64) = (s.quantity, s.ratio);
    assert_eq!((items[0].sku.as_str(), quantity, ratio), ("a", 3, 1.5));
    let settings: acme::SubscriptionSettings = s.settings;
    assert_eq!(
        (settings.timeout, settings.mode.as_deref()),
        (Some(30), Some("fast"))
    );
    assert_eq!(s.cancelled_at, None);
    let urls: acme::SubscriptionUrls = s.urls;
    assert_eq!(urls.api, "https://api.example.com");
    let variables: Vec<acme::SubscriptionVariables> = s.variables.expect("variables");
    assert_eq!(
        (variables[0].id.as_str(), variables[0].value.as_f64()),
        ("x", Some(1.5))
    );
    let limits: acme::SubscriptionLimits = s.limits.expect("limits");
    assert_eq!(limits.daily, 10);
    // `cancelled_at` may be null, and is written back as `null` (the round
    // trip above); the catalog says so.
    let sub = CATALOG.iter().find(|m| m.rust_path == "acme::Subscription");
    let cancelled = sub.and_then(|m| m.fields.iter().find(|f| f.rust_name == "cancelled_at"));
    assert_eq!(
        cancelled.map(|f| f.presence),
        Some(token_models::catalog::Presence::Nullable)
    );
}

/// The same tables written in HTML by readme's newer editor, and as the
/// legacy `[block:parameters]` JSON block.
#[test]
fn html_and_block_tables() {
    let p: acme::Plan = round_trip(&json!({"id": "p1", "interval": 30, "item": {"sku": "a"}}));
    let _: (String, Option<i64>, Option<acme::Item>) = (p.id, p.interval, p.item);
    let plan = CATALOG
        .iter()
        .find(|m| m.rust_path == "acme::Plan")
        .expect("Plan");
    let interval = &plan.fields[1];
    assert_eq!(interval.description, "Days between charges.\nAt least `1`.");
    assert_eq!(plan.fields[2].description, "What is charged for & how.");
    let c: acme::Coupon = round_trip(&json!({"code": "X", "percent_off": 12.5, "valid": true}));
    // `number`: an integer stays one.
    let _: (String, serde_json::Number, bool) = (c.code, c.percent_off, c.valid);
    let whole: acme::Coupon = round_trip(&json!({"code": "X", "percent_off": 10, "valid": true}));
    assert!(whole.percent_off.is_i64());
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
            "acme::Coupon",
            "acme::Customer",
            "acme::CustomerStatus",
            "acme::Event",
            "acme::Invoice",
            "acme::Item",
            "acme::LineItem",
            "acme::Plan",
            "acme::Subscription",
            "acme::SubscriptionLimits",
            "acme::SubscriptionSettings",
            "acme::SubscriptionUrls",
            "acme::SubscriptionVariables"
        ]
    );
    let e: acme::Event = round_trip(&json!({"kind": "paid", "at": "2024-01-01T00:00:00Z"}));
    assert_eq!(e.kind, "paid");
}

/// No page here falls back anywhere.
#[test]
fn nothing_is_a_fallback() {
    assert_no_fallback(&CATALOG);
}
