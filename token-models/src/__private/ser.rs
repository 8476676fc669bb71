//! The runtime of generated structs' `Serialize` impls.
//!
//! A generated struct writes what serde's derive would write for it with
//! its `rename`, `skip_serializing_if = "Option::is_none"`, `flatten` and
//! float `serialize_with` attributes, through [`Fields`]: each field under
//! its wire name, an absent `Option` left out, floats without a fraction
//! as integers ([`float`](super::float)). A struct with an open map is
//! written as a map (as the derive writes a struct with a flattened
//! field), its own fields first, then the map's keys.
//!
//! The impl itself is one line per field: what does not depend on the
//! field's type (the choice between a struct and a map, leaving out an
//! absent field) is compiled once here, not once per struct.

use super::float::{Float, Written};
use serde::ser::{Serialize, SerializeMap, SerializeStruct};

pub use core::result::Result;
pub use serde::ser::Serializer;

/// A struct's fields being written: a struct (`S::SerializeStruct`), or a
/// map for a struct with an open map.
pub struct Fields<S: Serializer> {
    out: Out<S>,
}

enum Out<S: Serializer> {
    Struct(S::SerializeStruct),
    Map(S::SerializeMap),
}

impl<S: Serializer> Fields<S> {
    /// Starts struct `name` of `len` fields (those to be written).
    pub fn new(serializer: S, name: &'static str, len: usize) -> Result<Self, S::Error> {
        let out = Out::Struct(serializer.serialize_struct(name, len)?);
        Ok(Fields { out })
    }

    /// Starts a struct with an open map: a map, of a length not known
    /// before its keys are written.
    pub fn open(serializer: S) -> Result<Self, S::Error> {
        let out = Out::Map(serializer.serialize_map(None)?);
        Ok(Fields { out })
    }

    /// Writes field `key`.
    pub fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        match &mut self.out {
            Out::Struct(out) => out.serialize_field(key, value),
            Out::Map(out) => out.serialize_entry(key, value),
        }
    }

    /// Writes optional field `key`, or leaves it out when it is `None`.
    pub fn optional<T: Serialize>(
        &mut self,
        key: &'static str,
        value: &Option<T>,
    ) -> Result<(), S::Error> {
        if value.is_some() {
            self.field(key, value)
        } else {
            self.skip(key)
        }
    }

    /// Writes field `key` of floats, those without a fraction as integers.
    pub fn float<T: Float>(&mut self, key: &'static str, value: &T) -> Result<(), S::Error> {
        self.field(key, &Written(value))
    }

    /// Writes optional field `key` of floats as [`Fields::float`] does, or
    /// leaves it out when it is `None`.
    pub fn optional_float<T: Float>(
        &mut self,
        key: &'static str,
        value: &Option<T>,
    ) -> Result<(), S::Error> {
        if value.is_some() {
            self.float(key, value)
        } else {
            self.skip(key)
        }
    }

    /// Writes every key of an open map after the fields.
    pub fn rest<'a, V: Serialize + 'a>(
        &mut self,
        map: impl IntoIterator<Item = (&'a String, &'a V)>,
    ) -> Result<(), S::Error> {
        for (key, value) in map {
            match &mut self.out {
                Out::Struct(_) => unreachable!("a struct with an open map is written as a map"),
                Out::Map(out) => out.serialize_entry(key, value)?,
            }
        }
        Ok(())
    }

    /// A field left out, as serde's derive tells the format.
    fn skip(&mut self, key: &'static str) -> Result<(), S::Error> {
        match &mut self.out {
            Out::Struct(out) => out.skip_field(key),
            Out::Map(_) => Ok(()),
        }
    }

    /// Ends the struct.
    pub fn end(self) -> Result<S::Ok, S::Error> {
        match self.out {
            Out::Struct(out) => out.end(),
            Out::Map(out) => out.end(),
        }
    }
}
