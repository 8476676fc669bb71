//! The hash maps the macro keeps of names, paths and offsets.
//!
//! std's default hasher (SipHash) resists crafted keys, which the macro does
//! not need: its keys come from the user's own docs. Unoptimised, as proc
//! macros build by default, SipHash took about 2,000 instructions per
//! lookup; this multiply-rotate hash (the idea of rustc's `FxHasher`) takes
//! a few per byte. Nothing iterates these maps in a way the output depends
//! on.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`Fast`] hashing.
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fast>>;

/// A `HashSet` with [`Fast`] hashing.
pub type Set<K> = HashSet<K, BuildHasherDefault<Fast>>;

/// A map with room for `n` entries.
pub fn map_with_capacity<K, V>(n: usize) -> Map<K, V> {
    Map::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

/// A set with room for `n` entries.
pub fn set_with_capacity<K>(n: usize) -> Set<K> {
    Set::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

/// Eight bytes at a time: rotate, mix in, multiply by an odd constant.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fast(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Fast {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for Fast {
    fn write(&mut self, bytes: &[u8]) {
        // Slice patterns rather than `chunks_exact` and `copy_from_slice`:
        // they need no calls, which counts unoptimised (the macro's usual
        // build), where this took about 700 instructions a name.
        let mut rest = bytes;
        while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
            self.add(u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]));
            rest = tail;
        }
        if !rest.is_empty() {
            // Starting from the length keeps `a` and `a\0` apart.
            let mut word = rest.len() as u64;
            for &b in rest {
                word = (word << 8) | u64::from(b);
            }
            self.add(word);
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash(s: &str) -> u64 {
        BuildHasherDefault::<Fast>::default().hash_one(s)
    }

    #[test]
    fn different_names_hash_apart() {
        let names = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "AccessToken",
            "AccessTokens",
            "access_token",
        ];
        let mut hashes: Vec<u64> = names.iter().map(|n| hash(n)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), names.len());
        assert_eq!(hash("AccessToken"), hash("AccessToken"));
    }

    #[test]
    fn maps_work_as_maps() {
        let mut m: Map<String, usize> = map_with_capacity(4);
        for (i, k) in ["x", "y", "models.Foo", "x"].iter().enumerate() {
            m.insert((*k).to_owned(), i);
        }
        assert_eq!(m.len(), 3);
        assert_eq!(m.get("x"), Some(&3));
        let s: Set<&str> = ["a", "b", "a"].into_iter().collect();
        assert_eq!(s.len(), 2);
    }
}
