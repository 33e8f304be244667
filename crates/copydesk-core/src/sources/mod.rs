//! The reporter's own sources (transcripts, notes, subtitles) and what they say of the
//! draft's quotes. The engine reads no files: the surfaces hand it each source's path and
//! text ([`SourceText`]), and it builds the [`Sources`] index once, then compares each
//! draft's quotes with it ([`Sources::compare`]). `checks::sources` makes the findings.
//!
//! Words are compared as the copy desk does ([`words`]): case, punctuation, curly versus
//! straight marks and whitespace do not count; an ellipsis stands for left-out words and
//! `[brackets]` for inserted ones ([`align`]).

pub mod align;
mod compare;
mod index;
pub mod read;
pub mod speakers;
pub mod words;

pub use compare::{Difference, Passage, QuoteEvidence, Verdict, MIN_MISQUOTE_WORDS, MIN_WORDS};

use crate::analysis::Analysis;
use std::path::PathBuf;

/// One source as the surfaces read it: where it is (for messages and links) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
}

/// The sources' index (see `index.rs`): build once, look up every quote of every draft.
#[derive(Debug, Default)]
pub struct Sources {
    index: index::Index,
}

impl Sources {
    pub fn new(texts: Vec<SourceText>) -> Sources {
        Sources {
            index: index::Index::build(texts),
        }
    }

    /// No source was read: the source checks say nothing.
    pub fn is_empty(&self) -> bool {
        self.index.files.is_empty()
    }

    /// The number of sources read.
    pub fn len(&self) -> usize {
        self.index.files.len()
    }

    /// The number of words read in all sources.
    pub fn words(&self) -> usize {
        self.index.files.iter().map(|f| f.ids.len()).sum()
    }

    /// What the sources say of each direct quote of `analysis` long enough to check.
    pub fn compare(&self, analysis: &Analysis) -> Vec<QuoteEvidence> {
        compare::compare(analysis, &self.index)
    }
}

#[cfg(test)]
mod tests;
