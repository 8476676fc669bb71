//! Which alternative of a union a JSON value is: generated unions read
//! the value, then try their alternatives in the order [`order`] gives
//! (serde's untagged enums try them in the order written, so an
//! alternative of optional fields before another took that other's
//! payloads).

use serde_json::Value;

/// What JSON an alternative reads.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// An object with these keys, these among them required.
    Object {
        keys: &'static [&'static str],
        required: &'static [&'static str],
    },
    /// An object with any keys.
    Map,
    String,
    /// A number without a fraction.
    Integer,
    Number,
    Bool,
    Array,
    /// Any value.
    Any,
}

/// Whether `key` names the field of wire name `wire`, as a struct reads it
/// (`de`).
fn names(wire: &str, key: &str) -> bool {
    wire == key || super::de::same_loosely(wire, key)
}

/// How well `shape` fits `value`: whether it can (2), may (1) or
/// cannot (0) read it, then how many of the value's keys it knows.
fn fit(value: &Value, shape: Shape) -> (u8, usize) {
    match (value, shape) {
        (_, Shape::Any) => (1, 0),
        (Value::Object(members), Shape::Object { keys, required })
            if required.iter().all(|r| members.keys().any(|k| names(r, k))) =>
        {
            let known = members.keys().filter(|k| keys.iter().any(|n| names(n, k)));
            (2, known.count())
        }
        (Value::Object(_), Shape::Map) => (1, 0),
        (Value::String(_), Shape::String)
        | (Value::Bool(_), Shape::Bool)
        | (Value::Array(_), Shape::Array)
        | (Value::Number(_), Shape::Number) => (2, 0),
        (Value::Number(n), Shape::Integer) if !n.is_f64() => (2, 0),
        _ => (0, 0),
    }
}

/// The alternatives in the order to try them for `value`: those
/// that can read it before those that may, and among objects the
/// one that knows most of its keys; written order breaks ties.
/// Every alternative is in it, so that any value one of them reads
/// is read.
pub fn order(value: &Value, shapes: &[Shape]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..shapes.len()).collect();
    order.sort_by_key(|&k| {
        let (can, known) = fit(value, shapes[k]);
        (std::cmp::Reverse(can), std::cmp::Reverse(known))
    });
    order
}

/// Reads alternative `T` from `value`.
pub fn read<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    T::deserialize(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_go_to_the_alternative_that_knows_their_keys() {
        let circle = Shape::Object {
            keys: &["radius", "color"],
            required: &[],
        };
        let square = Shape::Object {
            keys: &["side", "color"],
            required: &[],
        };
        let shapes = [circle, square, Shape::Map];
        assert_eq!(order(&json!({"side": 2}), &shapes), [1, 0, 2]);
        assert_eq!(
            order(&json!({"radius": 1, "color": "r"}), &shapes),
            [0, 1, 2]
        );
        // A tie keeps the written order.
        assert_eq!(order(&json!({"color": "r"}), &shapes), [0, 1, 2]);
        let needs_id = Shape::Object {
            keys: &["id", "side"],
            required: &["id"],
        };
        assert_eq!(order(&json!({"side": 2}), &[needs_id, square]), [1, 0]);
        // Keys are known as structs read them, in any case.
        assert_eq!(order(&json!({"SIDE": 2}), &shapes), [1, 0, 2]);
        assert_eq!(order(&json!({"ID": 1}), &[square, needs_id]), [1, 0]);
    }

    #[test]
    fn scalars_go_to_their_kind() {
        let shapes = [
            Shape::Any,
            Shape::Number,
            Shape::Integer,
            Shape::String,
            Shape::Bool,
            Shape::Array,
        ];
        assert_eq!(order(&json!(1), &shapes)[..2], [1, 2]);
        assert_eq!(order(&json!(1.5), &shapes)[0], 1);
        assert_eq!(order(&json!("x"), &shapes)[0], 3);
        assert_eq!(order(&json!([1]), &shapes)[0], 5);
        assert_eq!(order(&json!(null), &shapes)[0], 0);
    }
}
