//! What the tests of generated models share.
#![allow(dead_code)]

/// `value` read into `T` and written back unchanged.
pub fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(
    value: &serde_json::Value,
) -> T {
    let t: T = serde_json::from_value(value.clone()).expect("deserializes");
    assert_eq!(&serde_json::to_value(&t).expect("serializes"), value);
    t
}

/// No model or field of `catalog` is a fallback: its docs were understood.
pub fn assert_no_fallback(catalog: &token_models::catalog::Catalog) {
    for m in catalog {
        assert_eq!(m.fallback, None, "{}", m.rust_path);
        for f in m.fields {
            assert_eq!(f.fallback, None, "{}.{}", m.rust_path, f.rust_name);
        }
    }
}
