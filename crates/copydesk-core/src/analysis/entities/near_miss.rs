//! Misspelt mentions that no name reader picked up: "Bundesbannk" after "Bundesbank",
//! "General Ellectric" after "General Electric", "Brazzil" after "Brazil". A typo makes a
//! known place or organization unknown, and a lone unknown capitalized word has no evidence
//! of being a name, so the mention was lost and `name-variant` never saw it. Here every
//! capitalized run of the prose that no candidate covers is compared with the names the
//! story does have: one word that differs from its counterpart by a variant kind (a doubled
//! or dropped letter, a one-letter slip, accents, transliteration) makes it a mention of
//! that entity, and the spelling check then judges it like any other.

use super::coref::Group;
use super::extract::Cand;
use super::variants::{classify, same_spelling};
use super::{gazetteer, lexicon, orgs, EntityKind};
use crate::draft::Span;
use rustc_hash::{FxHashMap, FxHasher};
use std::cell::RefCell;
use std::hash::{Hash, Hasher};

/// The longest name compared, in words.
const MAX_WORDS: usize = 4;

/// One name of a group, as words.
struct Known<'c> {
    group: usize,
    words: Vec<&'c str>,
}

/// A misspelt mention found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Miss {
    /// A run of words no candidate covers: a new mention.
    Unread(Span),
    /// A name read as an entity of its own, mentioned once ("Critics said Twittter was
    /// slow" made a person of it): that group joins the one it misspells.
    Alone(usize),
}

/// `(group, miss)` for each capitalized run of `prose` that misspells a name of one of
/// `groups`: a run no candidate covers, or the one name of a group mentioned once.
pub fn find(
    prose: &str,
    capitals: &[(usize, &[Capital])],
    groups: &[Group],
    cands: &[Cand],
) -> Vec<(usize, Miss)> {
    // The names to compare with, by (word count, bucket of the first word), and what
    // identifies them all for the memo of runs compared.
    let mut index: FxHashMap<(usize, char), Vec<Known>> = FxHashMap::default();
    let mut names = FxHasher::default();
    for (gi, g) in groups.iter().enumerate() {
        if g.merged_into.is_some() || g.names.is_empty() {
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        for &ci in &g.names {
            let text = cands[ci].text.as_str();
            if seen.contains(&text) {
                continue;
            }
            seen.push(text);
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.is_empty() || words.len() > MAX_WORDS {
                continue;
            }
            (gi, g.kind, text).hash(&mut names);
            let key = (words.len(), first_letter(words[0]));
            index
                .entry(key)
                .or_default()
                .push(Known { group: gi, words });
        }
    }
    if index.is_empty() {
        return Vec::new();
    }
    let names = names.finish();
    // The spans of the names the entities have, with the group of a name that is its
    // group's only one (candidates no entity kept cover nothing).
    let live = groups.iter().filter(|g| g.merged_into.is_none());
    let mut covered: Vec<(Span, Option<usize>)> =
        Vec::with_capacity(live.map(|g| g.names.len()).sum());
    for (gi, g) in groups.iter().enumerate() {
        if g.merged_into.is_some() {
            continue;
        }
        let alone = (g.names.len() == 1).then_some(gi);
        covered.extend(g.names.iter().map(|&ci| (cands[ci].span.clone(), alone)));
    }
    covered.sort_by_key(|(s, _)| s.start);
    // None: free; Some(None): covered by a name read; Some(Some(g)): exactly the one name
    // of group g.
    let cover = |span: &Span| -> Option<Option<usize>> {
        let k = covered.partition_point(|(s, _)| s.start < span.end);
        let mut hits = covered[..k]
            .iter()
            .rev()
            .take(8)
            .filter(|(s, _)| span.start < s.end);
        match (hits.next(), hits.next()) {
            (None, _) => None,
            (Some((s, Some(g))), None) if s == span => Some(Some(*g)),
            _ => Some(None),
        }
    };
    // The large buckets' names filed by their keys (`name_keys`), made when first needed.
    let mut keyed: FxHashMap<(usize, char), FxHashMap<u64, Vec<usize>>> = FxHashMap::default();
    let mut keys = Vec::new();
    let mut out = Vec::new();
    // Words that open a run without being part of a name: `President Trunp`, `The
    // Bundesbannk`.
    let opener = |w: &Word| {
        w.opens_sentence || lexicon::has_flag(lexicon::FUNCTION | lexicon::TITLE, w.text)
    };
    each_run(prose, capitals, |run| {
        // The whole run, or its end after openers; never a word inside a longer name
        // (`Sacha Baron Cohen` holds no misspelt `Barron`).
        let ends = run.len().saturating_sub(MAX_WORDS)..run.len();
        for first in ends.take_while(|&f| run[..f].iter().all(opener)) {
            let len = run.len() - first;
            let words = &run[first..];
            let span = words[0].span.start..words[len - 1].span.end;
            // A lone word opening a sentence is capitalized by position, not as a name.
            if len == 1 && words[0].opens_sentence {
                continue;
            }
            let bucket = (len, first_letter(words[0].text));
            let Some(known) = index.get(&bucket) else {
                continue;
            };
            let miss = match cover(&span) {
                None => Miss::Unread(span.clone()),
                Some(Some(g)) => Miss::Alone(g),
                Some(None) => continue,
            };
            let text = &prose[span.clone()];
            let misspelt = RUNS.with_borrow_mut(|memo| {
                memo.misspelt(names, text, || {
                    let misspelt =
                        |&i: &usize| misspells(words, &known[i].words, groups[known[i].group].kind);
                    if known.len() <= SCAN {
                        return (0..known.len()).filter(misspelt).collect();
                    }
                    let filed = keyed.entry(bucket).or_insert_with(|| {
                        let mut filed: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
                        for (i, k) in known.iter().enumerate() {
                            name_keys(&k.words, &mut keys);
                            for key in keys.drain(..) {
                                filed.entry(key).or_default().push(i);
                            }
                        }
                        filed
                    });
                    let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
                    name_keys(&texts, &mut keys);
                    let mut at: Vec<usize> = keys
                        .drain(..)
                        .flat_map(|key| filed.get(&key).into_iter().flatten().copied())
                        .collect();
                    // In the bucket's order, as the scan finds them.
                    at.sort_unstable();
                    at.dedup();
                    at.into_iter().filter(misspelt).collect()
                })
            });
            let mut groups_matched: Vec<usize> = misspelt
                .iter()
                .map(|&i| known[i].group)
                .filter(|&g| Miss::Alone(g) != miss)
                .collect();
            groups_matched.dedup();
            // A spelling a list knows is a name of its own; one written three times or
            // more is the writer's choice, not a slip (asked last: it reads the draft).
            if groups_matched.is_empty()
                || is_real_name(text)
                || prose.matches(text).nth(2).is_some()
            {
                continue;
            }
            if let [g] = groups_matched[..] {
                // A given name alone is someone's name, not a slip for another person's
                // ("Ana" / "Anna"); a place or an organization has no such namesake in the
                // story ("Cyrus" in a story about Cyprus).
                if groups[g].kind == EntityKind::Person && is_given_name(text) {
                    continue;
                }
                // A name mentioned once does not respell another mentioned once: which
                // is the slip is then anyone's guess, and two real names may differ so.
                if matches!(miss, Miss::Alone(_)) && groups[g].names.len() < 2 {
                    continue;
                }
                out.push((g, span, miss));
            }
        }
    });
    out.sort_by_key(|(_, s, _)| s.start);
    // Overlapping finds (a sub-run of a longer one): the first, longest one stays.
    let mut kept: Vec<(usize, Span, Miss)> = Vec::new();
    for (g, s, m) in out {
        if kept.last().is_none_or(|(_, k, _)| k.end <= s.start) {
            kept.push((g, s, m));
        } else if let Some(last) = kept.last_mut() {
            if last.1.start == s.start && s.end > last.1.end {
                *last = (g, s, m);
            }
        }
    }
    kept.into_iter().map(|(g, _, m)| (g, m)).collect()
}

/// Runs compared on this thread, at most this many.
const REMEMBERED_RUNS: usize = 1 << 14;

thread_local! {
    static RUNS: RefCell<Runs> = RefCell::default();
}

/// Which names each run of capitalized words misspells, for one set of names: between two
/// keystrokes the names rarely change and most runs are the same, so the comparisons, the
/// cost of this pass, are made once.
#[derive(Default)]
struct Runs {
    /// What identifies the names (each one's group, kind and text, in order).
    names: u64,
    /// A run's text → the positions, in its bucket of names, of those it misspells.
    misspelt: FxHashMap<Box<str>, Vec<usize>>,
}

impl Runs {
    fn misspelt(
        &mut self,
        names: u64,
        run: &str,
        compare: impl FnOnce() -> Vec<usize>,
    ) -> Vec<usize> {
        if self.names != names || self.misspelt.len() >= REMEMBERED_RUNS {
            self.names = names;
            self.misspelt.clear();
        }
        if let Some(found) = self.misspelt.get(run) {
            return found.clone();
        }
        let found = compare();
        self.misspelt.insert(run.into(), found.clone());
        found
    }
}

/// Buckets of more names than this are searched by key ([`name_keys`]) rather than read
/// whole: reading each bucket whole for every capitalized run took time quadratic in the
/// number of names, while a real story's buckets hold a few names each.
const SCAN: usize = 32;

/// Appends to `out` keys that a run of words shares with a name whenever it [`misspells`]
/// it: for each position, the other words in lowercase (which must be the same) with one of
/// the [`variant_keys`] of the word there (which must be a variant).
///
/// [`variant_keys`]: super::variants::variant_keys
fn name_keys(words: &[&str], out: &mut Vec<u64>) {
    let mut others = String::new();
    let mut variant = Vec::new();
    for j in 0..words.len() {
        others.clear();
        for (i, w) in words.iter().enumerate() {
            if i != j {
                others.extend(w.chars().flat_map(char::to_lowercase));
            }
            others.push('\0');
        }
        let seed = xxhash_rust::xxh3::xxh3_64_with_seed(others.as_bytes(), j as u64);
        super::variants::variant_keys(words[j], &mut variant);
        out.extend(
            variant
                .drain(..)
                .map(|k| xxhash_rust::xxh3::xxh3_64_with_seed(&k.to_le_bytes(), seed)),
        );
    }
}

/// The bucket of a name: its first letter, lowercase (a misspelling keeps the first letter,
/// the one a writer checks).
fn first_letter(word: &str) -> char {
    word.chars()
        .next()
        .map_or(' ', |c| c.to_lowercase().next().unwrap_or(c))
}

/// A spelling that names something real on its own: a place the gazetteer knows, a
/// well-known organization, a nationality.
fn is_real_name(text: &str) -> bool {
    gazetteer::lookup(text).is_some() || orgs::is_known_organization(text) || orgs::is_demonym(text)
}

/// One word, a common given name.
fn is_given_name(text: &str) -> bool {
    !text.contains(' ') && lexicon::has_flag(lexicon::GIVEN_NAME, text)
}

/// Exactly one word differs from the name's, by a variant kind; a weak kind (a dropped
/// letter, a slip) only in a word of six letters or more, where real names rarely differ
/// so (Chan / Chen, Iran / Iraq are short).
fn misspells(words: &[Word], name: &[&str], kind: EntityKind) -> bool {
    // Variant kinds change a word's length by a letter or two at most.
    if words
        .iter()
        .zip(name)
        .any(|(w, n)| w.text.len().abs_diff(n.len()) > 3)
    {
        return false;
    }
    let mut differing = words
        .iter()
        .zip(name)
        .filter(|(w, n)| !same_spelling(w.text, n));
    let (Some((w, n)), None) = (differing.next(), differing.next()) else {
        return false;
    };
    // Only a person's surname: given names differ between relatives (Ana / Anna
    // Martínez), and a middle name is no one's usual form.
    if kind == EntityKind::Person && n != name.last().unwrap_or(n) {
        return false;
    }
    // `Argentine` / `Argentina`, `Swedes` / `Sweden`: a place name with another ending is
    // a word derived from it.
    let stem = |x: &str| x.chars().count() - 1;
    if kind == EntityKind::Place
        && w.text.chars().count() == n.chars().count()
        && w.text.chars().take(stem(n)).eq(n.chars().take(stem(n)))
    {
        return false;
    }
    match classify(w.text, n) {
        Some(k) if k.is_strong() => true,
        Some(_) => name.len() >= 2 || n.chars().count() >= 6,
        None => false,
    }
}

/// A capitalized word of a paragraph, as the local stage reads it (span relative to the
/// paragraph's start).
///
/// A long draft has one for about every twenty bytes, kept for the whole analysis: the span
/// is two 32-bit offsets (a paragraph of 4 GB or more has no capitals read past that).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capital {
    start: u32,
    end: u32,
    /// It opens a sentence, a quote or the paragraph.
    pub opens_sentence: bool,
    /// It follows the capital before it after one space: the same run.
    pub joined: bool,
}

impl Capital {
    /// The word's span, relative to the paragraph's start.
    pub fn span(&self) -> Span {
        self.start as usize..self.end as usize
    }
}

/// A capitalized word of the draft.
struct Word<'p> {
    text: &'p str,
    span: Span,
    opens_sentence: bool,
}

/// Calls `f` with each run of capitalized words (words joined by single spaces only) of
/// every paragraph, in order; one buffer serves every run.
fn each_run<'p>(prose: &'p str, capitals: &[(usize, &[Capital])], mut f: impl FnMut(&[Word<'p>])) {
    let mut run: Vec<Word> = Vec::new();
    for &(base, caps) in capitals {
        for c in caps {
            if !c.joined && !run.is_empty() {
                f(&run);
                run.clear();
            }
            let span = c.span();
            let span = base + span.start..base + span.end;
            let Some(text) = prose.get(span.clone()) else {
                continue;
            };
            run.push(Word {
                text,
                span,
                opens_sentence: c.opens_sentence,
            });
        }
        if !run.is_empty() {
            f(&run);
            run.clear();
        }
    }
}

/// The capitalized words of one paragraph's prose `text` (a capital followed by a lowercase
/// letter: `Bundesbank`, not `AG`).
pub(crate) fn capitals(text: &str) -> Vec<Capital> {
    let mut out: Vec<Capital> = Vec::new();
    let mut last_end = usize::MAX;
    let mut opens = true;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '!' | '?' | '"' | '“' | '\n' | ':') {
                opens = true;
            } else if !c.is_whitespace() {
                opens = false;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i;
        while let Some(d) = text[end..].chars().next() {
            let inner = matches!(d, '\'' | '’' | '-')
                && text[end + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if d.is_alphanumeric() || inner {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let word = &text[start..end];
        if c.is_uppercase() && word.chars().skip(1).any(char::is_lowercase) {
            let joined = last_end != usize::MAX
                && last_end + 1 == start
                && text.as_bytes().get(last_end) == Some(&b' ')
                && out.last().is_some_and(|p| p.end as usize == last_end);
            let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(end)) else {
                break;
            };
            out.push(Capital {
                start,
                end,
                opens_sentence: opens,
                joined,
            });
        }
        opens = false;
        last_end = end;
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::capitals;

    #[test]
    fn runs_are_capitalized_words_joined_by_single_spaces() {
        let text = "The Bundesbank said. General Electric and  Siemens AG fell.";
        let caps = capitals(text);
        let words: Vec<(&str, bool, bool)> = caps
            .iter()
            .map(|c| (&text[c.span()], c.joined, c.opens_sentence))
            .collect();
        assert_eq!(
            words,
            [
                ("The", false, true),
                ("Bundesbank", true, false),
                ("General", false, true),
                ("Electric", true, false),
                ("Siemens", false, false),
            ]
        );
    }
}
