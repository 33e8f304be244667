//! The sources' index: every source's words as ids of one vocabulary, and a table from each
//! three-word shingle to where it stands. Looking a quote up reads the postings of its own
//! shingles, votes for the places where several of them line up, and aligns the quote only
//! against those few windows, so the time a quote takes does not grow with the sources'
//! length (beyond the postings of its shingles).

use super::align::{align, Alignment, QuoteTok, UNKNOWN};
use super::read::{self, Layout, Turn};
use super::SourceText;
use crate::draft::Span;
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::PathBuf;

/// Words per shingle: three words in a row are rare enough to place a quote, and a quote of
/// four words still has two.
const SHINGLE: usize = 3;

/// A shingle found more often than this (`I think that`) places nothing: its postings are
/// not read.
const COMMON_SHINGLE: usize = 2000;

/// How many of the best-voted places a quote is aligned against.
const CANDIDATES: usize = 4;

/// Source words read on either side of a candidate place, for words the quote dropped or
/// added.
const SLACK: usize = 12;

/// Source words a quote with an ellipsis may span beyond its own length.
const GAP_REACH: usize = 400;

/// One source file, read.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    pub ids: Vec<u32>,
    pub spans: Vec<(u32, u32)>,
    pub turn_of: Vec<u32>,
    pub turns: Vec<Turn>,
}

impl SourceFile {
    pub fn span(&self, word: usize) -> Span {
        let (s, e) = self.spans[word];
        s as usize..e as usize
    }
}

/// Where a quote was found: a file, the window of its words aligned, and the alignment.
#[derive(Debug, Clone)]
pub struct Hit {
    pub file: usize,
    /// The index of the window's first word in the file.
    pub offset: usize,
    pub alignment: Alignment,
}

#[derive(Debug, Default)]
pub struct Index {
    pub files: Vec<SourceFile>,
    vocabulary: FxHashMap<String, u32>,
    shingles: FxHashMap<u64, Vec<(u32, u32)>>,
    /// Words some source writes with a capital, or uses in a speaker label: the names the
    /// sources know (lower case ids).
    names: FxHashSet<u32>,
}

fn shingle_key(ids: &[u32]) -> u64 {
    let mut key = 0xcbf2_9ce4_8422_2325u64;
    for &id in ids {
        key = (key ^ u64::from(id)).wrapping_mul(0x0100_0000_01b3);
    }
    key
}

impl Index {
    pub fn build(texts: Vec<SourceText>) -> Index {
        let mut index = Index::default();
        for source in texts {
            index.add(source);
        }
        index
    }

    fn id_of(&mut self, norm: &str) -> u32 {
        if let Some(&id) = self.vocabulary.get(norm) {
            return id;
        }
        let id = self.vocabulary.len() as u32;
        self.vocabulary.insert(norm.to_string(), id);
        id
    }

    fn add(&mut self, source: SourceText) {
        // Offsets are kept in 32 bits; the readers cap a source far below 4 GB.
        if source.text.len() > u32::MAX as usize {
            return;
        }
        let layout = Layout::from_name(&source.path.to_string_lossy());
        let read = read::read(&source.text, layout);
        let file = self.files.len() as u32;
        let mut ids = Vec::with_capacity(read.words.len());
        let mut spans = Vec::with_capacity(read.words.len());
        for word in &read.words {
            let id = self.id_of(&word.norm);
            if source.text[word.span.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            {
                self.names.insert(id);
            }
            ids.push(id);
            spans.push((word.span.start as u32, word.span.end as u32));
        }
        for turn in &read.turns {
            for part in turn.speaker.iter().flat_map(|s| name_parts(s)) {
                let id = self.id_of(&part);
                self.names.insert(id);
            }
        }
        for (pos, window) in ids.windows(SHINGLE).enumerate() {
            self.shingles
                .entry(shingle_key(window))
                .or_default()
                .push((file, pos as u32));
        }
        self.files.push(SourceFile {
            path: source.path,
            text: source.text,
            ids,
            spans,
            turn_of: read.turn_of,
            turns: read.turns,
        });
    }

    /// The vocabulary id of a normalized word, [`UNKNOWN`] when no source has it.
    pub fn id(&self, norm: &str) -> u32 {
        self.vocabulary.get(norm).copied().unwrap_or(UNKNOWN)
    }

    /// Whether some source writes `word` (normalized) as a name or a speaker label.
    pub fn knows_name(&self, word: &str) -> bool {
        self.vocabulary
            .get(word)
            .is_some_and(|id| self.names.contains(id))
    }

    /// The best place for a quote: the candidate windows its shingles vote for, each
    /// aligned, the fewest edits winning (then the most words matched).
    pub fn lookup(&self, quote: &[QuoteTok]) -> Option<Hit> {
        let words = quote
            .iter()
            .filter(|t| matches!(t, QuoteTok::Word(_)))
            .count();
        let has_gap = quote.contains(&QuoteTok::Gap);
        let mut votes: FxHashMap<(u32, i64), u32> = FxHashMap::default();
        let mut ordinal = 0usize;
        let mut run: Vec<u32> = Vec::new();
        for tok in quote {
            match *tok {
                QuoteTok::Word(id) => {
                    run.push(id);
                    ordinal += 1;
                    if run.len() >= SHINGLE {
                        let shingle = &run[run.len() - SHINGLE..];
                        if shingle.contains(&UNKNOWN) {
                            continue;
                        }
                        let Some(postings) = self.shingles.get(&shingle_key(shingle)) else {
                            continue;
                        };
                        if postings.len() > COMMON_SHINGLE {
                            continue;
                        }
                        let at = (ordinal - SHINGLE) as i64;
                        for &(file, pos) in postings {
                            let diagonal = (i64::from(pos) - at).div_euclid(4);
                            *votes.entry((file, diagonal)).or_default() += 1;
                        }
                    }
                }
                _ => run.clear(),
            }
        }
        let mut ranked: Vec<((u32, i64), u32)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let reach = words + SLACK + if has_gap { GAP_REACH } else { 0 };
        ranked
            .into_iter()
            .take(CANDIDATES)
            .filter_map(|((file, diagonal), _)| {
                let source = self.files.get(file as usize)?;
                let start = (diagonal * 4).max(0) as usize;
                let from = start.saturating_sub(SLACK).min(source.ids.len());
                let to = (start + reach + 4).min(source.ids.len());
                let alignment = align(quote, &source.ids[from..to]);
                Some(Hit {
                    file: file as usize,
                    offset: from,
                    alignment,
                })
            })
            .min_by_key(|hit| (hit.alignment.cost, u32::MAX - hit.alignment.matched))
    }
}

/// The lower-case words of a name or label (`Elena Vasquez` → `elena`, `vasquez`), as the
/// word reader cuts them.
pub fn name_parts(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    super::words::words_in(name, 0..name.len(), &mut words);
    words.into_iter().map(|w| w.norm).collect()
}
