//! Quote attribution: who speaks each quote, by which cue, under which rule (DESIGN.md,
//! "Quotes and attribution").
//!
//! A rule cascade, as news writing needs no model for it:
//! 1. a speech cue with a speaker in the quote's sentence ([`rules`], [`speakers`], [`cues`]);
//! 2. an attributed quote earlier in the same paragraph (or a sentence just before naming who
//!    is speaking);
//! 3. a paragraph made only of quotation right after a paragraph whose last quote is
//!    attributed, or the continuation of a quote left open at the end of a paragraph.
//!
//! Quotes that are not speech (terms, titles, signs, headline echoes: [`speech`]) get no
//! speaker and are never flagged. Nested quotes take their outer quote's attribution.
//!
//! Two stages (see [`super::local`]): [`local`] reads one paragraph (its words, rule 1, what
//! is not speech by its own context, the summaries rules 2 and 3 need) into compact
//! [`Local`] facts; [`attribute`] runs the rules across paragraphs on those facts.

use super::local::Facts;
use crate::config::Config;
use crate::draft::{Draft, Span};

pub(crate) mod cues;
mod document;
mod hover;
mod paragraph;
pub(crate) mod rules;
pub mod speakers;
pub mod speech;
pub mod tokens;
mod wordset;

pub use hover::{hover, inlay_hints};
pub use paragraph::{turn_label, Local, QuoteFacts, Verdict};
pub use speech::NotSpeech;

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
    /// A quote in an interview's answer, whose speaker's label opens the turn
    /// (`((Aparna Garg))`, `Garg:`): the speaker quotes someone, or themselves.
    Turn,
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
    /// The quote whose speaker this one takes (rules 2 and 3, nested quotes).
    pub source: Option<usize>,
    /// Why the quote is not speech (when `is_speech` is false).
    pub not_speech: Option<NotSpeech>,
}

/// Reads paragraph `p` of `draft` alone (see [`super::local`] for what it may read).
pub fn local(draft: &Draft, p: usize, config: &Config) -> Local {
    paragraph::read(draft, p, &cues::extra_forms(&config.verbs))
}

/// One attribution per quote of the draft, in the same order.
pub fn attribute(draft: &Draft, facts: &Facts, config: &Config) -> Vec<Attribution> {
    if facts.len() == draft.paragraphs.len() {
        let locals: Vec<&Local> = facts.iter(draft).map(|(_, f)| &f.attribution).collect();
        document::attribute(draft, &locals)
    } else {
        // Facts of another draft: read the paragraphs here.
        let extra = cues::extra_forms(&config.verbs);
        let owned: Vec<Local> = (0..draft.paragraphs.len())
            .map(|p| paragraph::read(draft, p, &extra))
            .collect();
        document::attribute(draft, &owned.iter().collect::<Vec<_>>())
    }
}

#[cfg(test)]
mod tests;
