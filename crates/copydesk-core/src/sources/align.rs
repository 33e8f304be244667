//! A word-level alignment of a quote against a stretch of a source: the fewest word edits
//! (a word changed, left out or added) that turn the source's words into the quote's, where
//! an ellipsis may leave out any number of source words and a bracketed insertion may stand
//! for up to [`INSERTION_SPAN`] of them, at no cost. The source's words before and after the
//! quote cost nothing either (the quote is a part of the passage).

/// A quote's word, or a mark of the editing the copy desk allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteTok {
    /// A word, by its id in the sources' vocabulary ([`UNKNOWN`] when no source has it).
    Word(u32),
    Gap,
    Inserted,
}

/// The id of a quote word that no source uses.
pub const UNKNOWN: u32 = u32::MAX;

/// How many source words one `[insertion]` may stand for (`[the council]` for `they`).
pub const INSERTION_SPAN: usize = 5;

/// The table's costs: a word edit costs [`EDIT`], and a quote word not found as it is one
/// more, so that of two ways with as many edits the one that keeps more of the quote's
/// words wins (`we won't` against `we will not` keeps `we`).
const EDIT: u32 = 2;
const CHANGED: u32 = EDIT + 1;
const QUOTE_ONLY: u32 = EDIT + 1;
const SOURCE_ONLY: u32 = EDIT;

/// One step of an alignment; `q` indexes the quote's tokens, `s` the source's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Match {
        q: usize,
        s: usize,
    },
    Changed {
        q: usize,
        s: usize,
    },
    /// A word of the quote the source does not have.
    QuoteOnly {
        q: usize,
    },
    /// A word of the source the quote does not have.
    SourceOnly {
        s: usize,
    },
    /// An ellipsis or insertion standing for `from..to` of the source's words.
    Skip {
        q: usize,
        from: usize,
        to: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// The number of word edits.
    pub cost: u32,
    /// The number of quote words found as they are.
    pub matched: u32,
    pub ops: Vec<Op>,
}

impl Alignment {
    /// The source words the quote covers, from its first aligned word to its last.
    pub fn source_range(&self) -> Option<std::ops::Range<usize>> {
        let mut covered = self.ops.iter().filter_map(|op| match *op {
            Op::Match { s, .. } | Op::Changed { s, .. } | Op::SourceOnly { s } => Some(s..s + 1),
            _ => None,
        });
        let first = covered.next()?;
        let last = covered.next_back().unwrap_or_else(|| first.clone());
        Some(first.start..last.end)
    }
}

/// Aligns `quote` against `source` (word ids). The table is `(quote + 1) × (source + 1)`
/// entries: callers give a window of the source around a likely place, not a whole file.
pub fn align(quote: &[QuoteTok], source: &[u32]) -> Alignment {
    let (m, n) = (quote.len(), source.len());
    let width = n + 1;
    let mut d = vec![0u32; (m + 1) * width];
    for (i, tok) in quote.iter().enumerate() {
        let (prev, row) = d.split_at_mut((i + 1) * width);
        let prev = &prev[i * width..];
        let row = &mut row[..width];
        match *tok {
            QuoteTok::Word(w) => {
                row[0] = prev[0] + QUOTE_ONLY;
                for j in 1..=n {
                    let diagonal = prev[j - 1] + if w == source[j - 1] { 0 } else { CHANGED };
                    row[j] = diagonal
                        .min(prev[j] + QUOTE_ONLY)
                        .min(row[j - 1] + SOURCE_ONLY);
                }
            }
            QuoteTok::Gap => {
                let mut best = u32::MAX;
                for j in 0..=n {
                    best = best.min(prev[j]);
                    row[j] = best;
                }
            }
            QuoteTok::Inserted => {
                for j in 0..=n {
                    let from = j.saturating_sub(INSERTION_SPAN);
                    row[j] = prev[from..=j].iter().copied().min().unwrap_or(0);
                }
            }
        }
    }
    let last = &d[m * width..];
    let end = (0..=n).min_by_key(|&j| last[j]).unwrap_or(0);
    let at = |i: usize, j: usize| d[i * width + j];
    let (mut i, mut j) = (m, end);
    let mut ops = Vec::new();
    let mut matched = 0;
    while i > 0 {
        let here = at(i, j);
        match quote[i - 1] {
            QuoteTok::Word(w) => {
                let same = j > 0 && w == source[j - 1];
                if j > 0 && here == at(i - 1, j - 1) + if same { 0 } else { CHANGED } {
                    if same {
                        matched += 1;
                        ops.push(Op::Match { q: i - 1, s: j - 1 });
                    } else {
                        ops.push(Op::Changed { q: i - 1, s: j - 1 });
                    }
                    j -= 1;
                    i -= 1;
                } else if here == at(i - 1, j) + QUOTE_ONLY {
                    ops.push(Op::QuoteOnly { q: i - 1 });
                    i -= 1;
                } else {
                    ops.push(Op::SourceOnly { s: j - 1 });
                    j -= 1;
                }
            }
            QuoteTok::Gap | QuoteTok::Inserted => {
                let lowest = match quote[i - 1] {
                    QuoteTok::Gap => 0,
                    _ => j.saturating_sub(INSERTION_SPAN),
                };
                let k = (lowest..=j)
                    .rev()
                    .find(|&k| at(i - 1, k) == here)
                    .unwrap_or(j);
                ops.push(Op::Skip {
                    q: i - 1,
                    from: k,
                    to: j,
                });
                j = k;
                i -= 1;
            }
        }
    }
    ops.reverse();
    let cost = ops
        .iter()
        .filter(|op| {
            matches!(
                op,
                Op::Changed { .. } | Op::QuoteOnly { .. } | Op::SourceOnly { .. }
            )
        })
        .count() as u32;
    Alignment { cost, matched, ops }
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuoteTok::{Gap, Inserted, Word};

    fn words(ids: &[u32]) -> Vec<QuoteTok> {
        ids.iter().map(|&w| Word(w)).collect()
    }

    #[test]
    fn an_exact_part_of_the_source_costs_nothing() {
        let a = align(&words(&[3, 4, 5]), &[1, 2, 3, 4, 5, 6]);
        assert_eq!((a.cost, a.matched), (0, 3));
        assert_eq!(a.source_range(), Some(2..5));
    }

    #[test]
    fn a_changed_word_and_a_dropped_one_each_cost_one() {
        // source: we will not go  /  quote: we won't go
        let a = align(&words(&[1, 9, 4]), &[1, 2, 3, 4]);
        assert_eq!((a.cost, a.matched), (2, 2));
        assert_eq!(a.ops[0], Op::Match { q: 0, s: 0 });
        assert_eq!(a.ops[3], Op::Match { q: 2, s: 3 });
    }

    #[test]
    fn ellipses_and_insertions_are_free() {
        let quote = [Word(1), Word(2), Gap, Word(7), Word(8)];
        let a = align(&quote, &[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!((a.cost, a.matched), (0, 4));
        let quote = [Inserted, Word(3), Word(4)];
        let a = align(&quote, &[1, 2, 3, 4]);
        assert_eq!(a.cost, 0);
        let a = align(&[Word(1), Inserted, Word(4)], &[1, 9, 4]);
        assert_eq!(a.cost, 0);
    }

    #[test]
    fn empty_inputs_align() {
        assert_eq!(align(&[], &[1, 2]).cost, 0);
        assert_eq!(align(&words(&[1, 2]), &[]).cost, 2);
        assert_eq!(align(&[Gap], &[]).source_range(), None);
    }
}
