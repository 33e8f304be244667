//! Speech and attribution cues: the verbs of saying in every inflection, and the phrases
//! that credit a source (`according to`, `in a statement`).
//!
//! The verbs are the speech-verb list (data/lexicon/speech-verbs.txt, read by
//! [`speech_verbs`]), which follows the cue verbs of published quote-attribution systems
//! for news (see notes on prior art), plus the verbs news writing uses to introduce a
//! quotation.

use super::wordset::{WordMap, WordSet};
use crate::analysis::speech_verbs;
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

/// Lemmas that only cue a quotation that follows them.
pub(crate) const BEFORE_QUOTE_ONLY: &[&str] = &[
    "apologise",
    "apologize",
    "call",
    "describe",
    "cite",
    "find",
    "show",
    "estimate",
    "charge",
    "accuse",
    "blame",
    "order",
    "stipulate",
    "specify",
    "brief",
    "inform",
];

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

/// Nouns of a written or spoken statement: `in a statement`, `in an email`, `in a post`.
pub(crate) const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "email",
    "e-mail",
    "emails",
    "post",
    "tweet",
    "interview",
    "letter",
    "filing",
    "release",
    "note",
    "message",
    "memo",
    "speech",
    "video",
    "broadcast",
    "address",
    "op-ed",
    "essay",
    "column",
    "blog",
    "podcast",
    "report",
    "remarks",
    "testimony",
    "affidavit",
    "complaint",
    "briefing",
    "conference",
];

pub(crate) static STATEMENT_NOUNS_SET: WordSet = WordSet::new(STATEMENT_NOUNS);

/// Nouns for what someone said, after a possessive: `Smith's reply: "…"`.
pub(crate) const UTTERANCE_NOUNS: &[&str] = &[
    "response",
    "reply",
    "answer",
    "words",
    "message",
    "comment",
    "comments",
    "statement",
    "remarks",
    "verdict",
    "advice",
    "warning",
    "view",
    "assessment",
    "explanation",
    "retort",
    "reaction",
    "plea",
    "tweet",
    "post",
    "account",
    "testimony",
    "argument",
    "defense",
    "defence",
    "summary",
    "conclusion",
    "description",
    "instructions",
    "promise",
    "prediction",
    "appeal",
    "complaint",
    "claim",
    "motto",
    "mantra",
    "message",
    "verdict",
    "words",
];

pub(crate) static UTTERANCE_NOUNS_SET: WordSet = WordSet::new(UTTERANCE_NOUNS);
