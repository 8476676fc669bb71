//! How generated structs write fields of floats (`f64`, `f32`, and
//! options, lists, maps and boxes of them; [`super::ser::Fields::float`]):
//! a float with no fraction is written as an integer (`7`, not `7.0`).
//!
//! SDK docs say `float`, `Double` or `float64` where the API's schema says
//! `number`, and the API sends integers there as often as not. JSON has one
//! kind of number; serde_json writes an `f64` with a `.0`, so a `7` read
//! would go back as `7.0`. Written this way it goes back as it came; a
//! `7.0` the API sent goes back as `7`, the same number. Values beyond
//! 2^53 (`f64`) or 2^24 (`f32`), where not every integer is exact, and
//! `-0.0` are written as floats.

use serde::ser::{Serialize, Serializer};
use std::collections::BTreeMap;

/// A float, or a container of them, written as the module says.
pub trait Float {
    /// Writes `self` to `serializer`.
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// The largest magnitude below which every integral `f64` is exact.
const F64_EXACT: f64 = 9_007_199_254_740_992.0;

impl Float for f64 {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let integral = self.fract() == 0.0 && self.abs() < F64_EXACT;
        if integral && !(*self == 0.0 && self.is_sign_negative()) {
            // Exact: |self| < 2^53.
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(*self as i64)
        } else {
            serializer.serialize_f64(*self)
        }
    }
}

impl Float for f32 {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let integral = self.fract() == 0.0 && self.abs() < 16_777_216.0;
        if integral && !(*self == 0.0 && self.is_sign_negative()) {
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(*self as i64)
        } else {
            serializer.serialize_f32(*self)
        }
    }
}

/// A [`Float`] as a `Serialize`, written as the module says.
pub(super) struct Written<'a, T: ?Sized>(pub(super) &'a T);

impl<T: Float + ?Sized> Serialize for Written<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(serializer)
    }
}

impl<T: Float> Float for Option<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&Written(value)),
            None => serializer.serialize_none(),
        }
    }
}

impl<T: Float> Float for Box<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).write(serializer)
    }
}

impl<T: Float> Float for Vec<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Written))
    }
}

impl<T: Float> Float for BTreeMap<String, T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(k, v)| (k, Written(v))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<T: Float>(value: &T) -> String {
        let mut out = Vec::new();
        Written(value)
            .serialize(&mut serde_json::Serializer::new(&mut out))
            .expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn floats_without_a_fraction_are_written_as_integers() {
        assert_eq!(text(&7.0f64), "7");
        assert_eq!(text(&-3.0f64), "-3");
        assert_eq!(text(&2.5f64), "2.5");
        assert_eq!(text(&-0.0f64), "-0.0");
        assert_eq!(text(&1e300f64), "1e+300");
        assert_eq!(text(&9_007_199_254_740_991.0f64), "9007199254740991");
        assert_eq!(text(&9_007_199_254_740_992.0f64), "9007199254740992.0");
        assert_eq!(text(&7.0f32), "7");
        assert_eq!(text(&0.5f32), "0.5");
        assert_eq!(text(&Some(Some(1.0f64))), "1");
        assert_eq!(text(&None::<f64>), "null");
        assert_eq!(text(&vec![1.0f64, 1.5]), "[1,1.5]");
        let map = BTreeMap::from([("a".to_owned(), Box::new(2.0f64))]);
        assert_eq!(text(&map), r#"{"a":2}"#);
        // What is written reads back as the same float.
        for x in [
            7.0f64,
            -3.0,
            2.5,
            1e300,
            9_007_199_254_740_991.0,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(serde_json::from_str::<f64>(&text(&x)).expect("reads"), x);
        }
    }
}
