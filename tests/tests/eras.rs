//! Docs of generator eras the first corpus does not show, written for
//! these tests in the shapes real SDK trees use (`specs-eras/`, a folder
//! per language): each reads exactly, with no warning (`strict`), and its
//! JSON goes through the generated types and back unchanged.

use serde_json::json;

token_models::include_specs!("specs-eras", strict = "true");

mod common;
use common::{assert_no_fallback, round_trip};

/// Ruby's Crystalline notation reads as Sorbet's; a union written inside
/// one link is the linked doc's type.
#[test]
fn newer_ruby() {
    let value = json!({
        "name": "w", "enabled": true, "tags": ["a"], "labels": [],
        "meta": {"k": [1, {"x": null}]}, "value": 7, "extra": {"piece_count": 2}
    });
    let w: ruby::Widget = round_trip(&value);
    let ruby::Widget {
        name,
        enabled,
        tags,
        labels,
        meta,
        value,
        extra,
    } = w;
    let _: (Option<String>, bool, Vec<String>, Vec<String>) = (name, enabled, tags, labels);
    assert_eq!(meta["k"], json!([1, {"x": null}]));
    assert_eq!(value, ruby::WidgetValue::Integer(7));
    assert_eq!(
        extra,
        Some(ruby::WidgetExtra::Piece(ruby::Piece { piece_count: 2 }))
    );
    // The HTTP response is not JSON data: left out, and the catalog says so.
    let widget = CATALOG
        .iter()
        .find(|m| m.rust_path == "ruby::Widget")
        .expect("Widget");
    assert_eq!(widget.omitted[0].name, "raw_response");
}

#[test]
fn older_python() {
    let value = json!({"items": ["a", "b"], "counts": {"a": 1}});
    let l: python::Listing = round_trip(&value);
    assert_eq!(
        (l.items.len(), l.counts["a"], l.next_page),
        (2, 1_i64, None)
    );
}

/// Axios' response (with a stray `>`) is left out; a union alternative
/// named without a link is the doc of that file name, whatever its title.
#[test]
fn older_typescript() {
    let value = json!({"contentType": "json", "statusCode": 200.5, "method": {"last4": "4242"}});
    let r: typescript::Reply = round_trip(&value);
    assert_eq!(
        r.method,
        Some(typescript::Method::PaymentCard(typescript::Card {
            last4: "4242".into()
        }))
    );
    let _: serde_json::Number = r.status_code;
}

/// TypeScript's `number` keeps what the API sent: an integer is written
/// back as an integer (an `f64` would write `200.0`), a fraction as it was.
#[test]
fn typescript_numbers_keep_integers() {
    for status in [json!(200), json!(200.5), json!(-3), json!(1e300)] {
        let value = json!({"contentType": "json", "statusCode": status});
        let r: typescript::Reply = round_trip(&value);
        assert_eq!(r.status_code.is_i64(), status.is_i64(), "{status}");
    }
    let r: typescript::Reply = round_trip(&json!({"contentType": "json", "statusCode": 200}));
    assert_eq!(
        serde_json::to_string(&r).expect("serializes"),
        r#"{"contentType":"json","statusCode":200}"#
    );
}

/// A union of constructor snippets: each alternative's type is the
/// snippet's.
#[test]
fn go_unions_from_snippets() {
    for (share, expected) in [
        (json!(5), go::Percentage::Integer(5)),
        (json!(["a"]), go::Percentage::StringList(vec!["a".into()])),
        (json!({"any": 1}), go::Percentage::Value(json!({"any": 1}))),
    ] {
        let m: go::HttpMetadata = round_trip(&json!({"share": share, "count": 3}));
        assert_eq!((m.share, m.count), (expected, Some(3)));
    }
}

/// Big integers keep every digit, beyond what an `i64` or an `f64` holds;
/// a wildcard response is left out.
#[test]
fn big_integers_are_exact() {
    let text = r#"{"contentType":"a","size":123456789012345678901234567890}"#;
    let u: java::Upload = serde_json::from_str(text).expect("deserializes");
    assert_eq!(u.size, Some(123_456_789_012_345_678_901_234_567_890));
    assert_eq!(serde_json::to_string(&u).expect("serializes"), text);
    let text =
        r#"{"amount":-170141183460469231731687303715884105728,"method":{"iban":"x","bic":"y"}}"#;
    let c: php::payments::Charge = serde_json::from_str(text).expect("deserializes");
    assert_eq!(c.amount, i128::MIN);
    assert_eq!(serde_json::to_string(&c).expect("serializes"), text);
    // One more digit is an error, not a rounded amount.
    let over =
        r#"{"amount":1701411834604692317316873037158841057280,"method":{"iban":"x","bic":"y"}}"#;
    assert!(serde_json::from_str::<php::payments::Charge>(over).is_err());
}

/// C#'s generator names for a union's scalar alternatives; identical docs
/// (a stale copy beside the doc) are one type.
#[test]
fn csharp_alternatives_and_copies() {
    let text = r#"{"Asset":"USD","Amount":12345678901234567890123,"Volumes":{"in":1},"Setting":true,"Key":{"Value":"k"},"OldKey":{"Value":"o"}}"#;
    let b: csharp::Balance = serde_json::from_str(text).expect("deserializes");
    assert_eq!(b.setting, Some(csharp::Default::Boolean(true)));
    let _: (Option<csharp::ApiKey>, Option<csharp::ApiKey>) = (b.key.clone(), b.old_key.clone());
    assert_eq!(serde_json::to_string(&b).expect("serializes"), text);
    assert_eq!(
        CATALOG
            .iter()
            .filter(|m| m.rust_path == "csharp::ApiKey")
            .count(),
        1
    );
}

/// Links that climb above the specs folder and come back under the name
/// the folder has in the vendor's repository, in another case.
#[test]
fn php_links_by_their_longest_tail() {
    let value = json!({"charge": {"amount": 1, "balance": null, "method": {"number": "4242"}}});
    let r: php::operations::CreateChargeResponse =
        serde_json::from_value(value).expect("deserializes");
    let charge = r.charge.expect("a charge");
    assert_eq!(
        charge.method,
        php::components::PaymentMethod::Card(php::components::Card {
            number: "4242".into()
        })
    );
}

/// An `additionalProperties` row is an open map: every property no other
/// field takes is kept, and written back.
#[test]
fn additional_properties_keep_every_other_key() {
    let value = json!({"event": "lead", "name": "x", "count": 2, "nested": {"a": [1]}});
    let e: typescript::LeadEvent = round_trip(&value);
    assert_eq!(e.event, "lead");
    let rest: &std::collections::BTreeMap<String, serde_json::Value> = &e.additional_properties;
    assert_eq!(rest.len(), 3);
    assert_eq!(rest["nested"], json!({"a": [1]}));
    let bare: typescript::LeadEvent = round_trip(&json!({"event": "e"}));
    assert!(bare.additional_properties.is_empty());
}

/// A values table of integers (or booleans) is an enum of numbers (or
/// booleans): it reads the number, and the number written as a string
/// (the table cannot tell which the API sends), and writes the number.
#[test]
fn enums_of_integers_and_booleans() {
    for input in [json!(4), json!("4")] {
        let t: csharp::MediaType = serde_json::from_value(input).expect("deserializes");
        assert_eq!(t, csharp::MediaType::Episode);
        assert_eq!(serde_json::to_value(t).expect("serializes"), json!(4));
    }
    assert!(serde_json::from_value::<csharp::MediaType>(json!(3)).is_err());
    let f: csharp::Flag = serde_json::from_value(json!("true")).expect("deserializes");
    assert_eq!(serde_json::to_value(f).expect("serializes"), json!(true));
    let media = CATALOG
        .iter()
        .find(|m| m.rust_path == "csharp::MediaType")
        .expect("MediaType");
    let json: Vec<Option<&str>> = media.variants.iter().map(|v| v.json_value).collect();
    assert_eq!(json, [Some("1"), Some("2"), Some("4")]);
}

/// A union takes the alternative that knows the payload's keys, not the
/// first that accepts it: a circle of optional fields accepts a square's
/// payload too (unknown keys are ignored), and serde's untagged enums,
/// which try alternatives in the order written, read it as a circle.
#[test]
fn a_union_takes_the_alternative_that_knows_the_keys() {
    let square: python::Figure = round_trip(&json!({"side": 2, "color": "red"}));
    assert!(
        matches!(square, python::Figure::Square(ref s) if s.side == Some(2.0)),
        "{square:?}"
    );
    let circle: python::Figure = round_trip(&json!({"radius": 1.5}));
    assert!(matches!(circle, python::Figure::Circle(_)), "{circle:?}");
    // What neither knows still reads, as the first (serde's choice).
    let other: python::Figure = serde_json::from_value(json!({"x": 1})).expect("deserializes");
    assert!(matches!(other, python::Figure::Circle(_)), "{other:?}");
    // And a value no alternative reads is serde's error.
    let error = serde_json::from_value::<python::Figure>(json!(3)).expect_err("a number");
    assert_eq!(
        error.to_string(),
        "data did not match any variant of untagged enum Figure"
    );
}

/// Nothing here is a fallback: the catalog says so of every model and field.
#[test]
fn nothing_is_a_fallback() {
    assert_no_fallback(&CATALOG);
}
