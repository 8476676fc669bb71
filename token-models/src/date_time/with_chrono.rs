//! The date-time types with chrono (the default `chrono` feature).

use ::chrono::{FixedOffset, NaiveDate, SecondsFormat};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// The value of a field the doc calls a date-time: a
/// `chrono::DateTime<FixedOffset>` (which it dereferences to), that also
/// reads a date alone (`"2024-01-02"`, as APIs send for some date-time
/// fields) and writes that back as it came.
///
/// A date-time is written in RFC 3339 with its offset (`Z` for a zero
/// one) and its fraction of a second in milli-, micro- or nanoseconds, as
/// chrono writes it; a date alone reads as midnight at offset zero and is
/// written as the date.
///
/// ```
/// use token_models::DateTime;
/// let d: DateTime = serde_json::from_str(r#""2024-01-02""#)?;
/// assert!(d.is_date_only());
/// assert_eq!(d.date_naive().to_string(), "2024-01-02");
/// assert_eq!(serde_json::to_string(&d)?, r#""2024-01-02""#);
/// let t: DateTime = serde_json::from_str(r#""2024-01-02T03:04:05.250+02:00""#)?;
/// assert_eq!(serde_json::to_string(&t)?, r#""2024-01-02T03:04:05.250+02:00""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    at: ::chrono::DateTime<FixedOffset>,
    date_only: bool,
}

impl DateTime {
    /// A date alone, written back as the date.
    pub fn from_date(date: NaiveDate) -> Self {
        DateTime {
            at: date
                .and_time(::chrono::NaiveTime::MIN)
                .and_utc()
                .fixed_offset(),
            date_only: true,
        }
    }

    /// The date-time (midnight at offset zero for a date alone).
    pub fn date_time(&self) -> ::chrono::DateTime<FixedOffset> {
        self.at
    }

    /// Whether the API sent a date alone.
    pub fn is_date_only(&self) -> bool {
        self.date_only
    }
}

impl From<::chrono::DateTime<FixedOffset>> for DateTime {
    fn from(at: ::chrono::DateTime<FixedOffset>) -> Self {
        DateTime {
            at,
            date_only: false,
        }
    }
}

impl Deref for DateTime {
    type Target = ::chrono::DateTime<FixedOffset>;

    fn deref(&self) -> &Self::Target {
        &self.at
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// As it is written in JSON.
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.date_only {
            write!(f, "{}", self.at.date_naive())
        } else {
            f.write_str(&self.at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        }
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // chrono's own reading of a date-time (as its serde support reads
        // one), else a date alone.
        let parse = |text: &str| match text.parse::<::chrono::DateTime<FixedOffset>>() {
            Ok(at) => Ok(at.into()),
            Err(e) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(DateTime::from_date)
                .map_err(|_| e.to_string()),
        };
        deserializer.deserialize_str(super::Text(parse))
    }
}

/// The value of a field the doc calls a date: `chrono::NaiveDate`.
pub type Date = NaiveDate;

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        let json = serde_json::to_string(text).expect("a string");
        let d: DateTime = serde_json::from_str(&json).expect("reads");
        let back: String =
            serde_json::from_str(&serde_json::to_string(&d).expect("writes")).expect("a string");
        back
    }

    #[test]
    fn date_times_and_dates_are_written_back_as_they_came() {
        for text in [
            "2024-01-02",
            "2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.500Z",
            "2024-01-02T03:04:05.123456+05:30",
            "1999-12-31T23:59:59-08:00",
        ] {
            assert_eq!(round_trip(text), text);
        }
        // The same instant, with the zero offset as `Z` and the fraction in
        // milli-, micro- or nanoseconds.
        assert_eq!(
            round_trip("2024-01-02T03:04:05+00:00"),
            "2024-01-02T03:04:05Z"
        );
        assert_eq!(
            round_trip("2024-01-02T03:04:05.5Z"),
            "2024-01-02T03:04:05.500Z"
        );
    }

    #[test]
    fn what_is_neither_is_an_error() {
        for text in ["2024-13-01", "yesterday", "2024-01-02T25:00:00Z", ""] {
            let json = serde_json::to_string(text).expect("a string");
            assert!(serde_json::from_str::<DateTime>(&json).is_err(), "{text}");
        }
        assert!(serde_json::from_str::<DateTime>("20240102").is_err());
    }

    #[test]
    fn a_date_alone_is_midnight_at_offset_zero() {
        let d: DateTime = serde_json::from_str(r#""2024-01-02""#).expect("reads");
        let midnight: ::chrono::DateTime<FixedOffset> =
            "2024-01-02T00:00:00Z".parse().expect("a date-time");
        assert_eq!(*d, midnight);
        assert_eq!(d.date_time(), midnight);
        assert_ne!(d, DateTime::from(midnight), "one is a date alone");
    }
}
