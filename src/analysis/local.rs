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
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// What one paragraph says on its own; every span is relative to the paragraph's start.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphFacts {
    pub attribution: attribution::Local,
    pub entities: entities::Local,
    pub dates: dates::Local,
    pub numbers: numbers::Local,
}

/// Every paragraph's facts, in paragraph order.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    paragraphs: Vec<Arc<ParagraphFacts>>,
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

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }
}

/// Reads paragraph `p` alone.
pub fn paragraph_facts(draft: &Draft, p: usize, config: &Config) -> ParagraphFacts {
    ParagraphFacts {
        attribution: attribution::local(draft, p, config),
        entities: entities::local(draft, p, config),
        dates: dates::local(draft, p, config),
        numbers: numbers::local(draft, p, config),
    }
}

/// Paragraph facts kept between analyses of one document. Keyed by everything a local stage
/// may read, so a paragraph that did not change (even if it moved) is not read again.
#[derive(Debug, Default)]
pub struct Cache {
    entries: HashMap<Key, Arc<ParagraphFacts>>,
    /// The configuration the entries were computed with; a change empties the cache.
    config: Option<Config>,
}

impl Cache {
    pub fn new() -> Cache {
        Cache::default()
    }

    /// How many paragraphs' facts are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Below this many bytes of paragraphs to read, handing work to another core costs more
/// than it saves.
const PARALLEL_BYTES: usize = 16 * 1024;

/// Every paragraph's facts: from `cache` when it knows the paragraph, else read (on every
/// core when there is much to read). The cache keeps only this draft's paragraphs after.
pub fn facts(draft: &Draft, config: &Config, cache: Option<&mut Cache>) -> Facts {
    let Some(cache) = cache else {
        let all: Vec<usize> = (0..draft.paragraphs.len()).collect();
        return Facts {
            paragraphs: read(draft, &all, config),
        };
    };
    if cache.config.as_ref() != Some(config) {
        cache.entries.clear();
        cache.config = Some(config.clone());
    }
    let keys: Vec<Key> = (0..draft.paragraphs.len()).map(|p| key(draft, p)).collect();
    let missing: Vec<usize> = (0..keys.len())
        .filter(|&p| !cache.entries.contains_key(&keys[p]))
        .collect();
    let fresh = read(draft, &missing, config);
    let mut fresh = missing.into_iter().zip(fresh).peekable();
    let mut kept = HashMap::with_capacity(keys.len());
    let mut paragraphs = Vec::with_capacity(keys.len());
    for (p, key) in keys.into_iter().enumerate() {
        let facts = match fresh.next_if(|(q, _)| *q == p) {
            Some((_, f)) => f,
            None => cache.entries[&key].clone(),
        };
        kept.insert(key, facts.clone());
        paragraphs.push(facts);
    }
    cache.entries = kept;
    Facts { paragraphs }
}

/// Paragraphs handed out at a time when the work is shared between threads.
const CHUNK: usize = 8;

/// Reads the paragraphs `which`. When there is much to read, the calling thread and rayon's
/// workers take chunks of paragraphs from one counter until none is left: the caller never
/// sits idle waiting for a worker to wake (on a busy machine that wait can be longer than the
/// work), and a worker that starts late simply finds less to do.
fn read(draft: &Draft, which: &[usize], config: &Config) -> Vec<Arc<ParagraphFacts>> {
    let one = |p: usize| Arc::new(paragraph_facts(draft, p, config));
    let bytes: usize = which.iter().map(|&p| draft.paragraphs[p].span.len()).sum();
    let helpers = rayon::current_num_threads()
        .saturating_sub(1)
        .min(which.len() / CHUNK);
    if bytes < PARALLEL_BYTES || helpers == 0 {
        return which.iter().map(|&p| one(p)).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<OnceLock<Arc<ParagraphFacts>>> = which.iter().map(|_| OnceLock::new()).collect();
    let work = || loop {
        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
        if start >= which.len() {
            break;
        }
        for i in start..(start + CHUNK).min(which.len()) {
            let _ = slots[i].set(one(which[i]));
        }
    };
    rayon::in_place_scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(|_| work());
        }
        work();
    });
    slots
        .into_iter()
        .zip(which)
        // Every slot is filled once the scope ends; reading again is only a fallback.
        .map(|(slot, &p)| slot.into_inner().unwrap_or_else(|| one(p)))
        .collect()
}

/// 128 bits of hash over a paragraph and its structure (XXH3: on every keystroke the whole
/// draft is hashed, so the hash must run at memory speed).
type Key = u128;

/// Everything a local stage may read of paragraph `p`: its text and prose, whether it is a
/// heading, its sentences, the quotes that open in it, and the dateline when it is inside.
fn key(draft: &Draft, p: usize) -> Key {
    let para = &draft.paragraphs[p];
    let base = para.span.start;
    let rel = |s: &Span| (s.start.wrapping_sub(base), s.end.wrapping_sub(base));
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    draft.text.get(para.span.clone()).hash(&mut h);
    draft.prose.get(para.span.clone()).hash(&mut h);
    para.heading.hash(&mut h);
    (p == 0).hash(&mut h);
    for s in &draft.sentences[para.sentences.clone()] {
        rel(&s.span).hash(&mut h);
    }
    let quotes = draft.quotes_in(&para.span);
    for q in &draft.quotes[quotes.clone()] {
        rel(&q.span).hash(&mut h);
        rel(&q.inner).hash(&mut h);
        rel(&q.open_mark).hash(&mut h);
        q.close_mark.as_ref().map(rel).hash(&mut h);
        q.depth.hash(&mut h);
        q.parent.map(|i| i.wrapping_sub(quotes.start)).hash(&mut h);
        (q.balance as u8).hash(&mut h);
        q.continues.is_some().hash(&mut h);
    }
    draft
        .dateline
        .as_ref()
        .filter(|d| para.span.contains(&d.span.start))
        .map(|d| {
            (
                rel(&d.span),
                rel(&d.place_span),
                d.month,
                d.day,
                d.year,
                d.place.as_str(),
            )
        })
        .hash(&mut h);
    h.digest128()
}

/// Every paragraph's facts read afresh (for tests of the document stages).
#[cfg(test)]
pub fn facts_of(draft: &Draft) -> Facts {
    facts(draft, &Config::default(), None)
}
