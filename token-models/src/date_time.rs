//! [`DateTime`] and [`Date`]: the values of date-time and date fields.
//!
//! Which library they are is a choice of cargo features: `chrono` (the
//! default), else `time`, else neither, where they keep the text the API
//! sent. A crate that does not want chrono compiled turns off the default
//! features (`default-features = false`, with `features = ["time"]` or
//! none). With both, chrono is used.

#[cfg(feature = "chrono")]
mod with_chrono;
#[cfg(feature = "chrono")]
pub use with_chrono::{Date, DateTime};

#[cfg(all(feature = "time", not(feature = "chrono")))]
mod with_time;
#[cfg(all(feature = "time", not(feature = "chrono")))]
pub use with_time::{Date, DateTime};

#[cfg(not(any(feature = "chrono", feature = "time")))]
mod as_text;
#[cfg(not(any(feature = "chrono", feature = "time")))]
pub use as_text::{Date, DateTime};

/// Reads a date-time from JSON text with a library's `parse` (its reading
/// of RFC 3339, else a date alone): what the `chrono` and `time` choices
/// share.
#[cfg(any(feature = "chrono", feature = "time"))]
struct Text<T>(fn(&str) -> Result<T, String>);

#[cfg(any(feature = "chrono", feature = "time"))]
impl<T> serde::de::Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an RFC 3339 date-time or a date")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text).map_err(E::custom)
    }
}

/// What every choice of library does alike.
#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(text: &str) -> String {
        let json = serde_json::to_string(text).expect("a string");
        let value: T = serde_json::from_str(&json).expect("reads");
        serde_json::from_str(&serde_json::to_string(&value).expect("writes")).expect("a string")
    }

    #[test]
    fn dates_and_date_times_without_fractions_are_written_back_as_they_came() {
        for text in [
            "2024-01-02",
            "2024-01-02T03:04:05Z",
            "1999-12-31T23:59:59-08:00",
        ] {
            assert_eq!(round_trip::<DateTime>(text), text);
        }
        assert_eq!(round_trip::<Date>("2024-02-29"), "2024-02-29");
        let d: DateTime = serde_json::from_str(r#""2024-01-02""#).expect("reads");
        assert!(d.is_date_only());
        let t: DateTime = serde_json::from_str(r#""2024-01-02T00:00:00Z""#).expect("reads");
        assert!(!t.is_date_only());
    }
}
