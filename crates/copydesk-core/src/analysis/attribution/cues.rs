//! Speech and attribution cues: the verbs of saying in every inflection, and the phrases
//! that credit a source (`according to`, `in a statement`).
//!
//! The verbs are the speech-verb list (data/lexicon/speech-verbs.txt, read by
//! [`speech_verbs`]), which follows the cue verbs of published quote-attribution systems
//! for news (see notes on prior art), plus the verbs news writing uses to introduce a
//! quotation.

use super::wordset::{WordMap, WordSet};
use crate::analysis::speech_verbs;
use crate::lexicon::{self, lexicon_file};
use std::sync::LazyLock;

/// How a cue word relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A finite or bare form with its own subject: `said`, `says`, `told`, `say`.
    Finite,
    /// A participle whose subject is the clause's: `adding`, `calling`, `saying`.
    Participle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueWord {
    pub lemma: &'static str,
    pub form: Form,
    /// Only a cue when the quotation follows it (`called the vote "…"`, `described it as
    /// "…"`): after a quote these words rarely introduce its speaker.
    pub before_quote_only: bool,
}

/// `data/lexicon/quote-before-only-verbs.txt`.
pub(crate) static BEFORE_QUOTE_ONLY: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicon_file!("quote-before-only-verbs")).collect());

static TABLE: LazyLock<WordMap<CueWord>> = LazyLock::new(|| {
    let mut table = WordMap::default();
    for (form, lemma) in speech_verbs::FORMS.iter() {
        let cue = CueWord {
            lemma,
            form: if form.ends_with("ing") {
                Form::Participle
            } else {
                Form::Finite
            },
            before_quote_only: BEFORE_QUOTE_ONLY.contains(lemma),
        };
        table.insert(form.clone(), cue);
    }
    table
});

/// The cue a lowercased word is, if any.
pub fn lookup(lower: &str) -> Option<CueWord> {
    TABLE.get(lower).copied()
}

/// Every inflection of the configured extra verbs (see [`speech_verbs::extra_forms`]).
pub(crate) fn extra_forms(verbs: &[String]) -> Vec<String> {
    speech_verbs::extra_forms(verbs)
}

/// A cue word, including the configured extra verbs (`extra` from [`extra_forms`]).
pub(crate) fn lookup_with(lower: &str, extra: &[String]) -> Option<CueWord> {
    lookup(lower).or_else(|| {
        extra.iter().any(|v| v == lower).then_some(CueWord {
            lemma: "say",
            form: if lower.ends_with("ing") {
                Form::Participle
            } else {
                Form::Finite
            },
            before_quote_only: false,
        })
    })
}

/// `data/lexicon/statement-nouns.txt`.
pub(crate) static STATEMENT_NOUNS_SET: WordSet = WordSet::lexicon(lexicon_file!("statement-nouns"));

/// `data/lexicon/utterance-nouns.txt`.
pub(crate) static UTTERANCE_NOUNS_SET: WordSet = WordSet::lexicon(lexicon_file!("utterance-nouns"));
