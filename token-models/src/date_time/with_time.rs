//! The date-time types with the time crate (the `time` feature, without
//! `chrono`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use time::format_description::well_known::Rfc3339;
use time::{Month, OffsetDateTime};

/// The value of a field the doc calls a date: `time::Date`.
pub type Date = time::Date;

/// The value of a field the doc calls a date-time: a
/// `time::OffsetDateTime` (which it dereferences to), that also reads a
/// date alone (`"2024-01-02"`, as APIs send for some date-time fields) and
/// writes that back as it came.
///
/// A date-time is written in RFC 3339 as time writes it (the offset `Z`
/// for a zero one, as many digits of a fraction as it needs); a date alone
/// reads as midnight at offset zero and is written as the date.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    at: OffsetDateTime,
    date_only: bool,
}

impl DateTime {
    /// A date alone, written back as the date.
    pub fn from_date(date: Date) -> Self {
        DateTime {
            at: date.midnight().assume_utc(),
            date_only: true,
        }
    }

    /// The date-time (midnight at offset zero for a date alone).
    pub fn date_time(&self) -> OffsetDateTime {
        self.at
    }

    /// Whether the API sent a date alone.
    pub fn is_date_only(&self) -> bool {
        self.date_only
    }
}

impl From<OffsetDateTime> for DateTime {
    fn from(at: OffsetDateTime) -> Self {
        DateTime {
            at,
            date_only: false,
        }
    }
}

impl Deref for DateTime {
    type Target = OffsetDateTime;

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
            let d = self.at.date();
            write!(
                f,
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            )
        } else {
            let text = self.at.format(&Rfc3339).map_err(|_| fmt::Error)?;
            f.write_str(&text)
        }
    }
}

/// `YYYY-MM-DD`, the date alone.
fn date(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let parse = |text: &str| match OffsetDateTime::parse(text, &Rfc3339) {
            Ok(at) => Ok(at.into()),
            Err(e) => date(text)
                .map(DateTime::from_date)
                .ok_or_else(|| e.to_string()),
        };
        deserializer.deserialize_str(super::Text(parse))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_alone_is_midnight_at_offset_zero() {
        let d: DateTime = serde_json::from_str(r#""2024-01-02""#).expect("reads");
        let midnight =
            OffsetDateTime::parse("2024-01-02T00:00:00Z", &Rfc3339).expect("a date-time");
        assert_eq!(*d, midnight);
        assert_ne!(d, DateTime::from(midnight), "one is a date alone");
        assert_eq!(
            serde_json::to_string(&d).expect("writes"),
            r#""2024-01-02""#
        );
    }

    #[test]
    fn what_is_neither_is_an_error() {
        for text in [
            "2024-13-01",
            "yesterday",
            "2024-01-02T25:00:00Z",
            "",
            "2024-1-02",
        ] {
            let json = serde_json::to_string(text).expect("a string");
            assert!(serde_json::from_str::<DateTime>(&json).is_err(), "{text}");
        }
    }
}
