//! Shared by the corpus tests.

use serde_json::Value;

/// Deserializes `value` into `T`, serializes it back and checks nothing changed.
pub fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: Value) -> T {
    let typed: T = serde_json::from_value(value.clone()).expect("deserializes");
    assert_eq!(serde_json::to_value(&typed).expect("serializes"), value);
    typed
}
