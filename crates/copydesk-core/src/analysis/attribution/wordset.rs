//! Word lists looked up once per token: hashed with FxHash (the words are short and not
//! chosen by an adversary who could gain anything), built on first use.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

pub(crate) type WordMap<V> = FxHashMap<String, V>;

/// A fixed list of lowercase words with a fast membership test.
pub(crate) struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
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
