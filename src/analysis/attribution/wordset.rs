//! Word lists looked up once per token: hashed with a small multiplicative hash (the words
//! are short and not chosen by an adversary who could gain anything), built on first use.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A multiplicative hash over 8-byte chunks (the scheme of rustc's `FxHasher`).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type BuildWordHasher = BuildHasherDefault<WordHasher>;
pub type WordMap<V> = HashMap<String, V, BuildWordHasher>;

/// A fixed list of lowercase words with a fast membership test.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, BuildWordHasher>>,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_matches_the_list() {
        static SET: WordSet = WordSet::new(&["said", "according", "a", "spokeswoman's"]);
        for w in ["said", "according", "a", "spokeswoman's"] {
            assert!(SET.contains(w), "{w}");
        }
        for w in ["", "sai", "saidd", "A", "spokeswoman"] {
            assert!(!SET.contains(w), "{w}");
        }
    }
}
