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

use super::local::Facts;
use crate::config::Config;
use crate::draft::{Balance, Draft, Span};

pub mod cues;
mod hover;
pub mod rules;
pub mod speakers;
pub mod speech;
pub mod tokens;

pub use hover::{hover, inlay_hints};
pub use speech::NotSpeech;

use tokens::Tokens;

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
    /// The quote whose speaker this one takes (rules 2 and 3, nested quotes).
    pub source: Option<usize>,
    /// Why the quote is not speech (when `is_speech` is false).
    pub not_speech: Option<NotSpeech>,
}

impl Attribution {
    fn new(quote: usize) -> Attribution {
        Attribution {
            quote,
            is_speech: true,
            speaker: None,
            cue: None,
            rule: None,
            source: None,
            not_speech: None,
        }
    }

    fn not_speech(&mut self, why: NotSpeech) {
        self.is_speech = false;
        self.not_speech = Some(why);
        self.speaker = None;
        self.cue = None;
        self.rule = None;
        self.source = None;
    }

    /// Takes the speaker of quote `from` under `rule`.
    fn inherit(&mut self, from: &Attribution, rule: Rule) {
        self.speaker = from.speaker.clone();
        self.cue = from.cue.clone();
        self.rule = Some(rule);
        self.source = Some(from.quote);
    }

    fn attributed(&self) -> bool {
        self.is_speech && self.speaker.is_some()
    }
}

fn speaker_of(draft: &Draft, m: &rules::Match) -> (Speaker, Cue) {
    let text = |s: &Span| draft.prose.get(s.clone()).unwrap_or("").to_string();
    (
        Speaker {
            span: m.speaker.span.clone(),
            text: text(&m.speaker.span),
            kind: m.speaker.kind,
            entity: None,
        },
        Cue {
            span: m.cue.clone(),
            text: text(&m.cue),
        },
    )
}

/// The facts of one paragraph this analysis reads on its own (see [`super::local`]); spans
/// are relative to the paragraph's start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Local {}

/// Reads paragraph `p` of `draft` alone (see [`super::local`] for what it may read).
pub fn local(_draft: &Draft, _p: usize, _config: &Config) -> Local {
    Local::default()
}

/// One attribution per quote of the draft, in the same order.
pub fn attribute(draft: &Draft, _facts: &Facts, config: &Config) -> Vec<Attribution> {
    let extra = &cues::extra_forms(&config.verbs);
    let mut out: Vec<Attribution> = (0..draft.quotes.len()).map(Attribution::new).collect();
    let paragraphs = Tokens::of_draft(draft);

    // Rule 1, and what is not speech, quote by quote.
    for toks in &paragraphs {
        for (qpos, tok) in toks.tokens.iter().enumerate() {
            let Some(q) = tok.quote() else { continue };
            let quote = &draft.quotes[q];
            if draft.prose_of(&quote.inner).trim().is_empty() && quote.close_mark.is_some() {
                out[q].not_speech(NotSpeech::Term);
                continue;
            }
            let sent = toks.sentence_of(qpos);
            if let Some(why) =
                speech::classify_by_context(draft, quote, &toks.tokens[sent.start..qpos])
            {
                out[q].not_speech(why);
                continue;
            }
            let found = rules::in_sentence(toks, qpos, extra).or_else(|| {
                // A quote left open may hold its own credit: `"We are ready, Smith said.`
                (quote.balance == Balance::Unclosed)
                    .then(|| Tokens::of_range(draft, quote.inner.clone(), &[]))
                    .and_then(|inner| rules::inside_open_quote(&inner, extra))
            });
            if let Some(m) = found {
                let (speaker, cue) = speaker_of(draft, &m);
                out[q].speaker = Some(speaker);
                out[q].cue = Some(cue);
                out[q].rule = Some(Rule::Sentence);
            }
        }
    }

    // Rules 2 and 3, paragraph by paragraph.
    for p in 0..paragraphs.len() {
        follow_paragraph(draft, &paragraphs, p, &mut out, extra);
    }
    continue_backwards(draft, &mut out);

    // Headline quotes echoed in the body; short terms nobody said.
    for (p, toks) in paragraphs.iter().enumerate() {
        let heading = draft.paragraphs[p].heading;
        for (qpos, tok) in toks.tokens.iter().enumerate() {
            let Some(q) = tok.quote() else { continue };
            if !out[q].is_speech || out[q].speaker.is_some() {
                continue;
            }
            let inner = draft.prose_of(&draft.quotes[q].inner);
            if heading && heading_echoed(draft, &out, q) {
                out[q].not_speech(NotSpeech::Heading);
                continue;
            }
            let sent = toks.sentence_of(qpos);
            let running = toks.tokens[sent.clone()].iter().any(|t| t.is_word());
            if running && !heading {
                if let Some(m) = rules::document_subject(toks, qpos) {
                    set_match(draft, &mut out[q], &m, Rule::Sentence);
                    continue;
                }
            }
            if (running || heading) && speech::is_short_term(inner) {
                out[q].not_speech(NotSpeech::Term);
            }
        }
    }

    // Nested quotes take their outer quote's attribution.
    let mut order: Vec<usize> = (0..draft.quotes.len()).collect();
    order.sort_by_key(|&q| draft.quotes[q].depth);
    for q in order {
        if let Some(parent) = draft.quotes[q].parent.filter(|&p| p < out.len() && p != q) {
            let from = out[parent].clone();
            // `‘humanitarian pauses’` inside a statement is a term the speaker used.
            let term = speech::is_short_term(draft.prose_of(&draft.quotes[q].inner))
                || out[q].not_speech == Some(NotSpeech::Term);
            let a = &mut out[q];
            a.is_speech = from.is_speech && !term;
            a.not_speech = if term {
                Some(NotSpeech::Term)
            } else {
                from.not_speech
            };
            a.speaker = from.speaker;
            a.cue = from.cue;
            a.rule = from.rule;
            a.source = Some(parent);
        }
    }
    out
}

/// Rules 2 and 3 for paragraph `p` (earlier paragraphs are done).
fn follow_paragraph(
    draft: &Draft,
    paragraphs: &[Tokens],
    p: usize,
    out: &mut [Attribution],
    extra: &[String],
) {
    let toks = &paragraphs[p];
    let quotes: Vec<(usize, usize)> = toks
        .tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.quote().map(|q| (i, q)))
        .filter(|&(_, q)| out[q].is_speech)
        .collect();
    if quotes.is_empty() {
        return;
    }
    // A continued quote speaks with the voice it continues.
    for &(_, q) in &quotes {
        if let Some(prev) = draft.quotes[q].continues.filter(|&c| c < out.len()) {
            if out[q].speaker.is_none() && out[prev].attributed() {
                let from = out[prev].clone();
                out[q].inherit(&from, Rule::FollowsParagraph);
            }
        }
    }
    // Rule 3: a paragraph of quotation only, after an attributed quote.
    let quote_only = !toks.tokens.iter().any(|t| t.is_word());
    let (_, first) = quotes[0];
    if quote_only && out[first].speaker.is_none() && p > 0 && !draft.paragraphs[p].heading {
        if let Some(from) = last_speech_quote(&paragraphs[p - 1], out) {
            if out[from].attributed() {
                let from = out[from].clone();
                out[first].inherit(&from, Rule::FollowsParagraph);
            }
        } else if let Some(m) = lead_in(&paragraphs[p - 1], extra) {
            set_match(draft, &mut out[first], &m, Rule::FollowsParagraph);
        }
        if out[first].speaker.is_none() {
            // A credit line in the next paragraph: `— Jane Doe, mayor`.
            if let Some(next) = paragraphs.get(p + 1) {
                if next.tokens.first().is_some_and(|t| t.is_dash()) && next.tokens.len() <= 16 {
                    if let Some(found) =
                        speakers::noun_phrase_after(&next.tokens, 1, next.tokens.len())
                            .filter(|f| f.kind == SpeakerKind::Name)
                    {
                        let m = rules::Match {
                            speaker: found,
                            cue: next.tokens[0].span.clone(),
                        };
                        set_match(draft, &mut out[first], &m, Rule::FollowsParagraph);
                    }
                }
            }
        }
    }
    // Rule 2: the speaker of an earlier quote in the paragraph…
    let mut last: Option<usize> = None;
    for &(_, q) in &quotes {
        if out[q].speaker.is_some() {
            last = Some(q);
        } else if let Some(l) = last {
            let from = out[l].clone();
            out[q].inherit(&from, Rule::SameParagraph);
        }
    }
    // …or, for quotes before the first attributed one: a sentence just before that names
    // who is speaking (`Fidan said Ankara would help. "We are ready."`), else the first
    // attributed quote after them.
    let first_attributed = quotes
        .iter()
        .map(|&(_, q)| q)
        .find(|&q| out[q].speaker.is_some());
    for &(qpos, q) in &quotes {
        if out[q].speaker.is_some() {
            break;
        }
        let sent = toks.sentence_of(qpos);
        let own_sentence = !toks.tokens[sent.clone()].iter().any(|t| t.is_word());
        if !own_sentence {
            continue;
        }
        let previous = toks
            .sentences
            .partition_point(|s| s.end <= sent.start)
            .checked_sub(1);
        if let Some(m) =
            previous.and_then(|i| rules::indirect_speaker(toks, toks.sentences[i].clone(), extra))
        {
            set_match(draft, &mut out[q], &m, Rule::SameParagraph);
        } else if let Some(f) = first_attributed {
            let from = out[f].clone();
            out[q].inherit(&from, Rule::SameParagraph);
        }
    }
}

fn set_match(draft: &Draft, a: &mut Attribution, m: &rules::Match, rule: Rule) {
    let (speaker, cue) = speaker_of(draft, m);
    a.speaker = Some(speaker);
    a.cue = Some(cue);
    a.rule = Some(rule);
}

/// The last outermost speech quote of a paragraph.
fn last_speech_quote(toks: &Tokens, out: &[Attribution]) -> Option<usize> {
    toks.tokens
        .iter()
        .rev()
        .filter_map(|t| t.quote())
        .find(|&q| out[q].is_speech)
}

/// A paragraph that ends by introducing a quotation: `The minister said in a statement:`.
fn lead_in(toks: &Tokens, extra: &[String]) -> Option<rules::Match> {
    if !toks.tokens.last()?.is_punct(':') {
        return None;
    }
    let sent = toks.sentences.last()?.clone();
    rules::indirect_speaker(toks, sent.clone(), extra).or_else(|| {
        let t = &toks.tokens;
        (t.get(sent.start)?.lower == "from")
            .then(|| speakers::noun_phrase_after(t, sent.start + 1, sent.end - 1))
            .flatten()
            .map(|found| rules::Match {
                speaker: found,
                cue: t[sent.start].span.clone(),
            })
    })
}

/// A multi-paragraph quote credited only in a later part: the earlier parts take it.
fn continue_backwards(draft: &Draft, out: &mut [Attribution]) {
    for q in (0..draft.quotes.len()).rev() {
        let Some(prev) = draft.quotes[q].continues.filter(|&c| c < q) else {
            continue;
        };
        if out[q].attributed() && out[prev].is_speech && out[prev].speaker.is_none() {
            let from = out[q].clone();
            out[prev].inherit(&from, Rule::FollowsParagraph);
        }
    }
}

/// Does a headline quote's text stand in a quote of the body?
fn heading_echoed(draft: &Draft, out: &[Attribution], q: usize) -> bool {
    let words = speech::content_words(draft.prose_of(&draft.quotes[q].inner));
    draft.quotes.iter().enumerate().any(|(i, other)| {
        i != q
            && !draft
                .paragraphs
                .get(other.paragraph)
                .is_none_or(|p| p.heading)
            && out[i].is_speech
            && speech::echoes(&words, &speech::content_words(draft.prose_of(&other.inner)))
    })
}

#[cfg(test)]
mod tests;
