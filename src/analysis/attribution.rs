//! Quote attribution: who speaks each quote, by which cue, under which rule (DESIGN.md,
//! "Quotes and attribution").

use crate::config::Config;
use crate::draft::{Draft, Span};

/// How a speaker is named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A proper name: "Rudskoi", "Dr. Amara Nwosu".
    Name,
    /// A title or descriptor: "the Russian general", "a spokesperson".
    Descriptor,
    /// "he", "she", "they".
    Pronoun,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub span: Span,
    pub text: String,
    pub kind: SpeakerKind,
    /// The entity this speaker resolves to (set by the entities analysis).
    pub entity: Option<usize>,
}

/// The attribution cue: "said", "according to", "told reporters".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub text: String,
}

/// Which of DESIGN.md's three rules attributed the quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A cue with a speaker in the quote's sentence.
    Sentence,
    /// An earlier attributed quote in the same paragraph.
    SameParagraph,
    /// A quotation-only paragraph after an attributed one, or a continued quote.
    FollowsParagraph,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index into `draft.quotes`.
    pub quote: usize,
    /// False for scare quotes, titles, sign text and other quoted words that are not speech.
    pub is_speech: bool,
    pub speaker: Option<Speaker>,
    pub cue: Option<Cue>,
    pub rule: Option<Rule>,
}

pub fn attribute(draft: &Draft, _config: &Config) -> Vec<Attribution> {
    (0..draft.quotes.len())
        .map(|quote| Attribution {
            quote,
            is_speech: true,
            speaker: None,
            cue: None,
            rule: None,
        })
        .collect()
}
