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

/// A map from strings (borrowed, or owned: any `K` that is a `str`) to
/// values, for the lookups the macro makes per name (a dialect's
/// vocabulary, a model's field names, the type expressions parsed so far).
///
/// std's `HashMap` is generic, so it is compiled with the macro and runs
/// unoptimised in the default build: about 1,100 instructions a lookup or
/// insert there, most of them layers of calls. This is open addressing with
/// linear probing over one slice, a few dozen instructions beyond hashing.
///
/// Kept by the budget (BENCHMARKS.md): [`Map`] in its place cost 27 M more
/// instructions of the macro's unoptimised run at 1,000 synthetic specs
/// (1.5%, about 6 ms).
#[derive(Debug, Clone)]
pub struct StrMap<K, V> {
    /// A power-of-two number of slots, at most half of them full.
    slots: Vec<Option<(u64, K, V)>>,
    len: usize,
}

impl<K: AsRef<str> + Clone, V: Clone> StrMap<K, V> {
    /// A map with room for `n` keys before it grows.
    pub fn with_capacity(n: usize) -> Self {
        StrMap {
            slots: vec![None; (2 * n).max(8).next_power_of_two()],
            len: 0,
        }
    }

    fn hash(key: &str) -> u64 {
        let mut h = Fast::default();
        h.write(key.as_bytes());
        h.finish()
    }

    /// The slot holding `key`, or else the empty slot where it goes.
    fn slot(&self, key: &str, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        // The multiply leaves its best-mixed bits at the top.
        let mut i = (hash >> 32) as usize & mask;
        loop {
            match self.slots.get(i) {
                Some(Some((h, k, _))) if *h != hash || k.as_ref() != key => i = (i + 1) & mask,
                _ => return i,
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        match self.slots.get(self.slot(key, Self::hash(key))) {
            Some(Some((_, _, value))) => Some(value),
            _ => None,
        }
    }

    /// Sets `key` to `value`; the value it had, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        if 2 * (self.len + 1) > self.slots.len() {
            let grown = vec![None; 2 * self.slots.len()];
            let old = std::mem::replace(&mut self.slots, grown);
            for (h, k, v) in old.into_iter().flatten() {
                let i = self.slot(k.as_ref(), h);
                self.slots[i] = Some((h, k, v));
            }
        }
        let hash = Self::hash(key.as_ref());
        let i = self.slot(key.as_ref(), hash);
        let old = self.slots[i].replace((hash, key, value)).map(|(_, _, v)| v);
        if old.is_none() {
            self.len += 1;
        }
        old
    }
}

impl<K: AsRef<str> + Clone, V: Clone> Default for StrMap<K, V> {
    fn default() -> Self {
        StrMap::with_capacity(0)
    }
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

    #[test]
    fn a_str_map_agrees_with_std_through_growth() {
        let keys: Vec<String> = (0..500)
            .map(|k| format!("{}{}", ["field", "Type", "x", ""][k % 4], k % 211))
            .collect();
        let mut ours: StrMap<&str, usize> = StrMap::with_capacity(2);
        let mut std_map = std::collections::HashMap::new();
        // The same keys owned by the map.
        let mut owned: StrMap<Box<str>, usize> = StrMap::default();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(ours.insert(k, i), std_map.insert(k.as_str(), i), "{k}");
            let before = owned.get(k).copied();
            assert_eq!(owned.insert(k.as_str().into(), i), before, "{k}");
        }
        for k in &keys {
            assert_eq!(ours.get(k), std_map.get(k.as_str()), "{k}");
            assert_eq!(owned.get(k), std_map.get(k.as_str()), "{k}");
        }
        for absent in ["", "field", "field211", "Type2", "y"] {
            assert_eq!(ours.get(absent), std_map.get(absent), "{absent}");
            assert_eq!(owned.get(absent), std_map.get(absent), "{absent}");
        }
    }
}
