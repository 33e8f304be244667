//! Finding the few bytes a pass cares about (quote marks, sentence terminators) without
//! looking at every byte in between: memchr searches, each group's last answer kept so a
//! whole pass over a text searches it once per group.

/// The next position, at or after a moving cursor, of a byte from up to four groups of
/// three. The text searched may change between calls only by losing bytes of the set (a
/// pass that blanks what it has read).
pub(super) struct NextByte {
    groups: &'static [[u8; 3]],
    /// Per group: the query position its answer was found from, and the answer
    /// (`usize::MAX` for none).
    found: [(usize, usize); 4],
}

impl NextByte {
    pub fn new(groups: &'static [[u8; 3]]) -> NextByte {
        NextByte {
            groups: &groups[..groups.len().min(4)],
            found: [(usize::MAX, 0); 4],
        }
    }

    /// The first position at or after `from` in `hay` holding one of the bytes (always
    /// asked with the same `hay`, or one that only lost bytes of the set since).
    pub fn next(&mut self, hay: &[u8], from: usize) -> Option<usize> {
        let mut best = usize::MAX;
        for (g, found) in self.groups.iter().zip(&mut self.found) {
            let (searched_from, at) = *found;
            if searched_from > from || at < from {
                let hit = hay
                    .get(from..)
                    .and_then(|h| memchr::memchr3(g[0], g[1], g[2], h))
                    .map_or(usize::MAX, |k| from + k);
                *found = (from, hit);
            }
            best = best.min(found.1);
        }
        (best != usize::MAX).then_some(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_byte_of_both_groups_in_order() {
        let text = "a.b!c“d”e?f…g\u{a0}h".as_bytes();
        let mut next = NextByte::new(&[[b'.', b'!', b'?'], [0xE2, 0xC2, 0xC2]]);
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(k) = next.next(text, i) {
            found.push(k);
            i = k + 1;
        }
        let expected: Vec<usize> = (0..text.len())
            .filter(|&k| matches!(text[k], b'.' | b'!' | b'?' | 0xE2 | 0xC2))
            .collect();
        assert_eq!(found, expected);
        // Asking again from an earlier position finds the earlier byte.
        assert_eq!(next.next(text, 0), Some(1));
    }
}
