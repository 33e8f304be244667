//! Paragraph-local facts, and the cache that makes re-analysis incremental.
//!
//! Most of the cost of an analysis is reading words: tokenizing, finding candidate names,
//! date expressions, number claims, speech cues. Those facts depend only on the paragraph
//! they stand in, so each analysis module splits its work in two:
//! - a *local* stage, `local(draft, paragraph, config)`, which reads one paragraph (its text,
//!   prose, sentences, the quotes that open in it, the dateline when it stands there) and
//!   returns facts whose spans are relative to the paragraph's start;
//! - a *document* stage, which takes every paragraph's facts and does the cheap
//!   document-wide work (coreference, variants, support, attribution across paragraphs).
//!
//! [`facts`] runs the local stage on every paragraph, on both cores for long drafts, and
//! takes each paragraph's facts from a [`Cache`] when an identical paragraph was read
//! before. A full analysis and an incremental one run the same code; the cache key holds
//! everything a local stage may read, so both give the same result.

use super::{attribution, dates, entities, numbers};
use crate::config::Config;
use crate::draft::{Draft, Span};
use crate::parallel::share;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// What one paragraph says on its own; every span is relative to the paragraph's start.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphFacts {
    pub attribution: attribution::Local,
    pub entities: entities::Local,
    pub dates: dates::Local,
    pub numbers: numbers::Local,
}

/// Every paragraph's facts, in paragraph order.
#[derive(Debug, Default)]
pub struct Facts {
    paragraphs: Vec<Arc<ParagraphFacts>>,
    /// Each paragraph's cache key, when the facts were read with a cache.
    keys: Vec<Key>,
    /// Paragraphs read again with the quote speakers that stand on their names (see
    /// [`Facts::reread`]).
    rereads: Mutex<Rereads>,
}

/// A paragraph read again with speakers: its key and the speakers' spans relative to it.
type RereadKey = (Key, Vec<(usize, usize)>);

/// The rereads the cache kept from the previous analysis, and those this one used.
#[derive(Debug, Default)]
struct Rereads {
    kept: HashMap<RereadKey, Arc<entities::extract::ParagraphNames>>,
    used: HashMap<RereadKey, Arc<entities::extract::ParagraphNames>>,
}

impl Facts {
    /// The facts of paragraph `p` (spans relative to `draft.paragraphs[p].span.start`).
    pub fn paragraph(&self, p: usize) -> Option<&ParagraphFacts> {
        self.paragraphs.get(p).map(|f| f.as_ref())
    }

    /// Each paragraph's facts with the paragraph's start offset, in order.
    pub fn iter<'a>(
        &'a self,
        draft: &'a Draft,
    ) -> impl Iterator<Item = (usize, &'a ParagraphFacts)> + 'a {
        draft
            .paragraphs
            .iter()
            .zip(&self.paragraphs)
            .map(|(p, f)| (p.span.start, f.as_ref()))
    }

    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// Paragraph `p`'s names read again with the speakers standing on it (`speakers`, spans
    /// relative to the paragraph), by `read`: taken from the cache when this paragraph was
    /// read with these speakers before. Such paragraphs are read on every analysis, since
    /// the speakers are only known after the local stages.
    pub(crate) fn reread(
        &self,
        p: usize,
        speakers: Vec<(usize, usize)>,
        read: impl FnOnce() -> entities::extract::ParagraphNames,
    ) -> Arc<entities::extract::ParagraphNames> {
        let Some(&key) = self.keys.get(p) else {
            return Arc::new(read());
        };
        let key = (key, speakers);
        let lock = || self.rereads.lock().unwrap_or_else(|e| e.into_inner());
        let known = {
            let rereads = lock();
            rereads
                .used
                .get(&key)
                .or_else(|| rereads.kept.get(&key))
                .cloned()
        };
        let names = known.unwrap_or_else(|| Arc::new(read()));
        lock().used.insert(key, names.clone());
        names
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }
}

/// Paragraph facts kept between analyses of one document. Keyed by everything a local stage
/// may read, so a paragraph that did not change (even if it moved) is not read again.
#[derive(Debug, Default, Clone)]
pub struct Cache {
    entries: HashMap<Key, Arc<ParagraphFacts>>,
    /// Paragraphs read again with speakers, by the previous analysis.
    rereads: HashMap<RereadKey, Arc<entities::extract::ParagraphNames>>,
    /// The configuration the entries were computed with; a change empties the cache.
    config: Option<Config>,
}

impl Cache {
    pub fn new() -> Cache {
        Cache::default()
    }

    /// Keeps the paragraphs `facts` read again with speakers, for the next analysis.
    pub(crate) fn keep_rereads(&mut self, facts: &Facts) {
        let mut rereads = facts.rereads.lock().unwrap_or_else(|e| e.into_inner());
        self.rereads = std::mem::take(&mut rereads.used);
    }

    /// How many paragraphs' facts are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Every paragraph's facts: from `cache` when it knows the paragraph, else read (on every
/// core when there is much to read). The cache keeps only this draft's paragraphs after.
pub fn facts(draft: &Draft, config: &Config, cache: Option<&mut Cache>) -> Facts {
    let Some(cache) = cache else {
        let all: Vec<usize> = (0..draft.paragraphs.len()).collect();
        return Facts {
            paragraphs: read(draft, &all, config),
            ..Facts::default()
        };
    };
    if cache.config.as_ref() != Some(config) {
        cache.entries.clear();
        cache.rereads.clear();
        cache.config = Some(config.clone());
    }
    // Hashing a byte costs a small part of reading it: only a long draft (over 256 KB) is
    // worth hashing on both cores.
    let keys: Vec<Key> = share(draft.paragraphs.len(), draft.text.len() / 16, |p| {
        key(draft, p)
    });
    let missing: Vec<usize> = (0..keys.len())
        .filter(|&p| !cache.entries.contains_key(&keys[p]))
        .collect();
    let fresh = read(draft, &missing, config);
    let mut fresh = missing.into_iter().zip(fresh).peekable();
    let mut kept = HashMap::with_capacity(keys.len());
    let mut paragraphs = Vec::with_capacity(keys.len());
    for (p, &key) in keys.iter().enumerate() {
        let facts = match fresh.next_if(|(q, _)| *q == p) {
            Some((_, f)) => f,
            None => cache.entries[&key].clone(),
        };
        kept.insert(key, facts.clone());
        paragraphs.push(facts);
    }
    cache.entries = kept;
    Facts {
        paragraphs,
        keys,
        rereads: Mutex::new(Rereads {
            kept: std::mem::take(&mut cache.rereads),
            used: HashMap::new(),
        }),
    }
}

/// Reads the paragraphs `which`, on every core when there is much to read (see [`share`]).
///
/// One reader at a time goes over all the paragraphs, not the four readers over one
/// paragraph after another: each reader's code and word lists then stay in the processor's
/// caches, which reads a long draft markedly faster (docs/performance.md).
fn read(draft: &Draft, which: &[usize], config: &Config) -> Vec<Arc<ParagraphFacts>> {
    let bytes: usize = which.iter().map(|&p| draft.paragraphs[p].span.len()).sum();
    let n = which.len();
    let attribution = share(n, bytes, |i| attribution::local(draft, which[i], config));
    let entities = share(n, bytes, |i| entities::local(draft, which[i], config));
    let dates = share(n, bytes, |i| dates::local(draft, which[i], config));
    let numbers = share(n, bytes, |i| numbers::local(draft, which[i], config));
    // Pushed into a vector of its own: collected from `attribution`'s, the pointers would
    // keep that vector's room (a few hundred bytes a paragraph) for the whole analysis.
    let mut out = Vec::with_capacity(n);
    let all = attribution
        .into_iter()
        .zip(entities)
        .zip(dates.into_iter().zip(numbers));
    for ((attribution, entities), (dates, numbers)) in all {
        out.push(Arc::new(ParagraphFacts {
            attribution,
            entities,
            dates,
            numbers,
        }));
    }
    out
}

/// 128 bits of hash over a paragraph and its structure (XXH3: on every keystroke the whole
/// draft is hashed, so the hash must run at memory speed).
type Key = u128;

/// Everything a local stage may read of paragraph `p`: its text and prose, whether it is a
/// heading, its sentences, the quotes that open in it, and the dateline when it is inside.
/// The text and prose are hashed in one pass each; the structure is written out as bytes
/// and hashed once with them (feeding a streaming hasher many small values costs more than
/// the hashing itself).
fn key(draft: &Draft, p: usize) -> Key {
    let para = &draft.paragraphs[p];
    let base = para.span.start;
    let mut out: Vec<u8> = Vec::with_capacity(256);
    let mut put = |v: usize| out.extend_from_slice(&(v as u64).to_le_bytes());
    let rel = |s: &Span| (s.start.wrapping_sub(base), s.end.wrapping_sub(base));
    for layer in [&draft.text, &draft.prose] {
        let bytes = layer.get(para.span.clone()).map_or(&[][..], str::as_bytes);
        let digest = xxhash_rust::xxh3::xxh3_128(bytes);
        put(digest as usize);
        put((digest >> 64) as usize);
    }
    put(usize::from(para.heading) | usize::from(p == 0) << 1);
    let sentences = &draft.sentences[para.sentences.clone()];
    put(sentences.len());
    for s in sentences {
        let (a, b) = rel(&s.span);
        put(a);
        put(b);
    }
    let quotes = draft.quotes_in(&para.span);
    put(quotes.len());
    for q in &draft.quotes[quotes.clone()] {
        for span in [&q.span, &q.inner, &q.open_mark] {
            let (a, b) = rel(span);
            put(a);
            put(b);
        }
        let (a, b) = q.close_mark.as_ref().map_or((usize::MAX, usize::MAX), rel);
        put(a);
        put(b);
        put(usize::from(q.depth));
        put(q
            .parent
            .map_or(usize::MAX, |i| i.wrapping_sub(quotes.start)));
        put(q.balance as usize | usize::from(q.continues.is_some()) << 8);
    }
    let dateline = draft
        .dateline
        .as_ref()
        .filter(|d| para.span.contains(&d.span.start));
    match dateline {
        None => put(0),
        Some(d) => {
            put(1);
            for span in [&d.span, &d.place_span] {
                let (a, b) = rel(span);
                put(a);
                put(b);
            }
            put(d.month.map_or(usize::MAX, |m| m as usize));
            put(d.day.map_or(usize::MAX, |d| d as usize));
            put(d.year.map_or(usize::MAX, |y| y as usize));
            put(d.place.len());
            out.extend_from_slice(d.place.as_bytes());
        }
    }
    xxhash_rust::xxh3::xxh3_128(&out)
}

/// Every paragraph's facts read afresh (for tests of the document stages).
#[cfg(test)]
pub(crate) fn facts_of(draft: &Draft) -> Facts {
    facts(draft, &Config::default(), None)
}
