//! Finding the few bytes a pass cares about (quote marks, sentence terminators) without
//! looking at every byte in between: memchr searches, each group's last answer kept so a
//! whole pass over a text searches it once per group.

/// The next position, at or after a moving cursor, of a byte from two groups of three.
pub(super) struct NextByte<'a> {
    hay: &'a [u8],
    groups: [[u8; 3]; 2],
    /// Per group: the query position its answer was found from, and the answer
    /// (`usize::MAX` for none).
    found: [(usize, usize); 2],
}

impl<'a> NextByte<'a> {
    pub fn new(hay: &'a [u8], first: [u8; 3], second: [u8; 3]) -> NextByte<'a> {
        NextByte {
            hay,
            groups: [first, second],
            found: [(usize::MAX, 0); 2],
        }
    }

    /// The first position at or after `from` holding one of the bytes.
    pub fn next(&mut self, from: usize) -> Option<usize> {
        let mut best = usize::MAX;
        for (g, found) in self.groups.iter().zip(&mut self.found) {
            let (searched_from, at) = *found;
            if searched_from > from || at < from {
                let hit = self
                    .hay
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
        let mut next = NextByte::new(text, [b'.', b'!', b'?'], [0xE2, 0xC2, 0xC2]);
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(k) = next.next(i) {
            found.push(k);
            i = k + 1;
        }
        let expected: Vec<usize> = (0..text.len())
            .filter(|&k| matches!(text[k], b'.' | b'!' | b'?' | 0xE2 | 0xC2))
            .collect();
        assert_eq!(found, expected);
        // Asking again from an earlier position finds the earlier byte.
        assert_eq!(next.next(0), Some(1));
    }
}
