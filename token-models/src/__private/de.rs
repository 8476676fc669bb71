//! The runtime of generated structs' `Deserialize` impls.
//!
//! serde's derive matches a key only when it is spelled exactly as a
//! field's name (or one of its aliases), and APIs do not always write their
//! keys as their docs do: `requestIDs` documented as `RequestIds`, `__meta`
//! as `Meta`, `MAX_RETRIES` as `maxRetries`. A generated struct reads a key
//! as the field whose wire name it is, else as the one field whose wire
//! name it equals ignoring ASCII case, `_` and `-` ([`same_loosely`]); a
//! key two fields match that way is nobody's.
//!
//! Everything else is what serde's derive does: an error names the field, a
//! missing `Option` is `None` and a missing anything else is "missing field",
//! `null` is `None`, a key no field takes is skipped (or kept, by a struct
//! with an open map), and a field given twice by its exact name is
//! "duplicate field". Where one of two keys that name a field is spelled
//! otherwise, the first gives the value; a later one spelled otherwise is
//! as if it named no field, and a later one spelled exactly is skipped
//! (an open map would write the field's name twice). One thing is left out
//! on purpose: serde's derive also reads a struct from a JSON array of its
//! fields in order, which no API sends for an object and which would let a
//! struct take a union's array payloads.
//!
//! A generated struct implements [`Struct`] (its fields, and how to read
//! them from a map, through [`Keys`]) and forwards `Deserialize` to
//! [`deserialize`].

use serde::de::{self, Deserialize, DeserializeSeed, IgnoredAny, Visitor};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

pub use core::result::Result::{self, Ok};
pub use serde::de::{Deserializer, MapAccess};

/// A generated struct, as its `Deserialize` impl reads it.
pub trait Struct: Sized {
    /// The type's name, for "expected struct …".
    const NAME: &'static str;
    /// The fields' wire names, in their order (an open map has none).
    const FIELDS: &'static [&'static str];
    /// Whether the struct keeps the keys no field takes (an open map).
    const OPEN: bool;

    /// Reads the struct from `map`, each key through `keys`.
    fn read<'de, A: MapAccess<'de>>(keys: Keys, map: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` of a generated struct.
pub fn deserialize<'de, T: Struct, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let visitor = StructVisitor(PhantomData);
    if T::OPEN {
        deserializer.deserialize_map(visitor)
    } else {
        deserializer.deserialize_struct(T::NAME, T::FIELDS, visitor)
    }
}

struct StructVisitor<T>(PhantomData<T>);

impl<'de, T: Struct> Visitor<'de> for StructVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        let keys = Keys {
            fields: T::FIELDS,
            open: T::OPEN,
            field: NOBODY,
            exact: false,
            text: String::new(),
            given: Vec::new(),
            others: Vec::new(),
        };
        T::read(keys, map)
    }
}

/// The field of a key no field takes.
const NOBODY: usize = usize::MAX;
/// The field of a key that names a field given before, spelled exactly
/// after a key spelled otherwise: skipped, even by an open map (which
/// would write the field's name twice).
const SKIPPED: usize = usize::MAX - 1;

/// Whether two keys are equal ignoring ASCII case, `_` and `-`.
pub fn same_loosely(a: &str, b: &str) -> bool {
    let mut a = a.bytes().filter(|c| !matches!(c, b'_' | b'-'));
    let mut b = b.bytes().filter(|c| !matches!(c, b'_' | b'-'));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(&y) => {}
            _ => return false,
        }
    }
}

/// The keys of one map as a struct reads them: which field the last one
/// names, and which fields have been given.
pub struct Keys {
    fields: &'static [&'static str],
    open: bool,
    /// The last key's field ([`NOBODY`] if none), and whether the key is
    /// its wire name exactly.
    field: usize,
    exact: bool,
    /// The last key, when an open map keeps it.
    text: String,
    /// The keys no field took and their values, for an open map.
    others: Vec<(String, Value)>,
    /// Per field, whether a key has given it (`LOOSE` or `EXACT`); made
    /// at the first key that names a field.
    given: Vec<u8>,
}

const LOOSE: u8 = 1;
const EXACT: u8 = 2;

impl Keys {
    /// Reads the next key: `Some` of the index of the field its value
    /// goes to (a number no field has for a key no field takes), `None` at
    /// the map's end.
    ///
    /// The first key that names a field gives its value. A later one is
    /// "duplicate field" where both are spelled exactly (as serde's derive
    /// has it); else it is as if it named no field (skipped, or kept by an
    /// open map) where it is spelled otherwise, and skipped where it is
    /// spelled exactly.
    pub fn next<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<Option<usize>, A::Error> {
        if map.next_key_seed(KeySeed(self))?.is_none() {
            return Ok(None);
        }
        let i = self.field;
        if i == NOBODY {
            return Ok(Some(NOBODY));
        }
        if self.given.is_empty() {
            self.given.resize(self.fields.len(), 0);
        }
        let key = if self.exact { EXACT } else { LOOSE };
        match self.given[i] {
            0 => {
                self.given[i] = key;
                Ok(Some(i))
            }
            EXACT if key == EXACT => Err(de::Error::duplicate_field(self.fields[i])),
            _ => {
                self.field = if key == EXACT { SKIPPED } else { NOBODY };
                Ok(Some(self.field))
            }
        }
    }

    fn name(&mut self, key: &str) {
        self.exact = true;
        self.field = match self.fields.iter().position(|f| *f == key) {
            Some(i) => i,
            None => {
                self.exact = false;
                let mut loosely = self.fields.iter().enumerate();
                match loosely.find(|(_, f)| same_loosely(f, key)) {
                    Some((i, _)) if !loosely.any(|(_, f)| same_loosely(f, key)) => i,
                    _ => NOBODY,
                }
            }
        };
        if self.open {
            key.clone_into(&mut self.text);
        }
    }

    /// Reads the last key's value into its field's `slot`.
    pub fn put<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
        &mut self,
        slot: &mut Option<T>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        *slot = Some(map.next_value()?);
        Ok(())
    }

    /// Reads the last key's value, `null` or not, into the slot of a field
    /// that may be absent or `null` (`Option<Option<T>>`): `null` is
    /// `Some(None)`, where [`Keys::put`] would read `None`.
    pub fn put_present<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
        &mut self,
        slot: &mut Option<Option<Option<T>>>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        *slot = Some(Some(map.next_value()?));
        Ok(())
    }

    /// Keeps the last key, which no field takes, and its value for an open
    /// map ([`Keys::others`]).
    pub fn put_other<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        if self.field == SKIPPED {
            return self.skip(map);
        }
        let value = map.next_value()?;
        self.others.push((std::mem::take(&mut self.text), value));
        Ok(())
    }

    /// Skips the last key's value.
    pub fn skip<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        map.next_value::<IgnoredAny>().map(|_| ())
    }

    /// Field `i`'s value: what was read, else what serde's derive makes of
    /// a missing field (`None` for an `Option`, else "missing field").
    pub fn take<'de, T: Deserialize<'de>, E: de::Error>(
        &self,
        slot: Option<T>,
        i: usize,
    ) -> Result<T, E> {
        match slot {
            Some(value) => Ok(value),
            None => T::deserialize(Missing(self.fields[i], PhantomData)),
        }
    }

    /// The open map: the keys no field took, with their values read as
    /// `T`. Read after the fields (so that a missing field is reported
    /// first, as serde's derive does with a flattened map).
    pub fn others<T: de::DeserializeOwned, E: de::Error>(
        &mut self,
    ) -> Result<BTreeMap<String, T>, E> {
        let mut map = BTreeMap::new();
        for (key, value) in self.others.drain(..) {
            map.insert(key, T::deserialize(value).map_err(E::custom)?);
        }
        Ok(map)
    }
}

/// Reads a key into [`Keys`].
struct KeySeed<'a>(&'a mut Keys);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<(), E> {
        self.0.name(key);
        Ok(())
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<(), E> {
        match std::str::from_utf8(key) {
            Ok(key) => self.0.name(key),
            Err(_) => {
                self.0.field = NOBODY;
                if self.0.open {
                    self.0.text = String::from_utf8_lossy(key).into_owned();
                }
            }
        }
        Ok(())
    }

    /// A field by its index, as serde's derive reads one.
    fn visit_u64<E: de::Error>(self, index: u64) -> Result<(), E> {
        let keys = self.0;
        keys.exact = true;
        keys.field = match usize::try_from(index) {
            Ok(i) if i < keys.fields.len() => i,
            _ => NOBODY,
        };
        if keys.open {
            keys.text = index.to_string();
        }
        Ok(())
    }
}

/// A field that is not there: `None` to an `Option`, "missing field" to
/// anything else.
struct Missing<E>(&'static str, PhantomData<E>);

impl<'de, E: de::Error> Deserializer<'de> for Missing<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, E> {
        Err(E::missing_field(self.0))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_ignoring_case_underscores_and_dashes() {
        for (a, b) in [
            ("requestIDs", "RequestIds"),
            ("__meta", "Meta"),
            ("MAX_RETRIES", "maxRetries"),
            ("x-request-id", "XRequestId"),
            ("request_ids", "requestIDs"),
        ] {
            assert!(same_loosely(a, b), "{a} {b}");
        }
        for (a, b) in [("id", "ids"), ("a1", "a2"), ("é", "É"), ("", "x")] {
            assert!(!same_loosely(a, b), "{a} {b}");
        }
    }
}
