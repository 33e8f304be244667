//! Word lists looked up once per token: hashed with FxHash (the words are short and not
//! chosen by an adversary who could gain anything), built on first use.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

pub(crate) type WordMap<V> = FxHashMap<String, V>;

/// A fixed list of lowercase words with a fast membership test.
pub(crate) struct WordSet {
    list: &'static [&'static str],
    /// A `data/lexicon/` file's text, whose entries join `list`.
    text: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            text: "",
            set: OnceLock::new(),
        }
    }

    /// The entries of a `data/lexicon/` file's text (see [`crate::lexicon`]).
    pub const fn lexicon(text: &'static str) -> WordSet {
        WordSet {
            list: &[],
            text,
            set: OnceLock::new(),
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| {
                let listed = crate::lexicon::entries(self.text);
                self.list.iter().copied().chain(listed).collect()
            })
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
