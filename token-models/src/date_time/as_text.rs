//! The date-time types as text (neither the `chrono` nor the `time`
//! feature): the value the API sent, kept and written back as it came.

use std::fmt;
use std::ops::Deref;

/// The value of a field the doc calls a date-time, as the text the API
/// sent (which it dereferences to): no date library is compiled.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct DateTime(String);

/// The value of a field the doc calls a date, as the text the API sent.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Date(String);

impl DateTime {
    /// Whether the API sent a date alone (`2024-01-02`, no time).
    pub fn is_date_only(&self) -> bool {
        !self.0.contains(['T', 't', ' '])
    }
}

macro_rules! text {
    ($($t:ident),*) => {$(
        impl Deref for $t {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $t {
            fn from(text: String) -> Self {
                $t(text)
            }
        }

        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        /// As it is written in JSON.
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}
text!(DateTime, Date);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_kept_as_it_came() {
        for text in ["2024-01-02T03:04:05.5+00:00", "not a date at all"] {
            let json = serde_json::to_string(text).expect("a string");
            let d: DateTime = serde_json::from_str(&json).expect("reads");
            assert_eq!(&*d, text);
            assert_eq!(serde_json::to_string(&d).expect("writes"), json);
        }
    }
}
