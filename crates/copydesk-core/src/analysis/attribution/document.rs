//! The document stage of attribution: what the paragraphs' facts say together. Rules 2 and 3
//! (an earlier attributed quote in the paragraph, a quotation paragraph after an attributed
//! one, a quote continued across paragraphs), headline quotes echoed in the body, and nested
//! quotes taking their outer quote's voice. It reads each paragraph's [`Local`] facts, not
//! its words, so it stays cheap enough to run on every edit.

use super::paragraph::{Local, QuoteFacts, Verdict};
use super::rules::Match;
use super::speech::{self, NotSpeech};
use super::{Attribution, Cue, Rule, Speaker};
use crate::draft::Draft;

/// A quote's attribution while the rules run (spans absolute, no text yet).
#[derive(Debug, Clone)]
struct State {
    is_speech: bool,
    not_speech: Option<NotSpeech>,
    said: Option<Match>,
    rule: Option<Rule>,
    source: Option<usize>,
}

impl State {
    fn new() -> State {
        State {
            is_speech: true,
            not_speech: None,
            said: None,
            rule: None,
            source: None,
        }
    }

    fn not_speech(&mut self, why: NotSpeech) {
        self.is_speech = false;
        self.not_speech = Some(why);
        self.said = None;
        self.rule = None;
        self.source = None;
    }

    fn attributed(&self) -> bool {
        self.is_speech && self.said.is_some()
    }

    fn set(&mut self, m: Match, rule: Rule) {
        self.said = Some(m);
        self.rule = Some(rule);
    }
}

/// Takes the speaker of quote `from` under `rule`.
fn inherit(out: &mut [State], q: usize, from: usize, rule: Rule) {
    let said = out[from].said.clone();
    let a = &mut out[q];
    a.said = said;
    a.rule = Some(rule);
    a.source = Some(from);
}

/// One paragraph as the document stage sees it.
struct Para<'a> {
    base: usize,
    /// Index in `draft.quotes` of the paragraph's first quote.
    first: usize,
    heading: bool,
    facts: &'a Local,
}

impl Para<'_> {
    /// The outermost quotes: (draft index, facts), in order.
    fn outer(&self) -> impl DoubleEndedIterator<Item = (usize, &QuoteFacts)> + '_ {
        self.facts
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, f)| f.outer)
            .map(|(i, f)| (self.first + i, f))
    }
}

/// One attribution per quote of the draft, in the same order; `locals` holds every
/// paragraph's facts.
pub(super) fn attribute(draft: &Draft, locals: &[&Local]) -> Vec<Attribution> {
    let n = draft.quotes.len();
    let mut out: Vec<State> = vec![State::new(); n];
    // The quotes that open in each paragraph (`draft.quotes_in`), found in one walk.
    let mut next = 0;
    let paras: Vec<Para> = draft
        .paragraphs
        .iter()
        .zip(locals)
        .map(|(para, facts)| {
            let starts = |k: &usize| draft.quotes.get(*k).map(|q| q.span.start);
            while starts(&next).is_some_and(|s| s < para.span.start) {
                next += 1;
            }
            let first = next;
            while starts(&next).is_some_and(|s| s < para.span.end) {
                next += 1;
            }
            Para {
                base: para.span.start,
                first,
                heading: para.heading,
                // Facts that do not match the paragraph's quotes are not used.
                facts: if facts.quotes.len() == next - first {
                    facts
                } else {
                    &EMPTY
                },
            }
        })
        .collect();

    // Rule 1, and what is not speech, quote by quote.
    for para in &paras {
        for (q, f) in para.outer() {
            match &f.verdict {
                Verdict::Open => {}
                Verdict::NotSpeech(why) => out[q].not_speech(*why),
                Verdict::Said(m) => out[q].set(m.shifted(para.base), Rule::Sentence),
            }
        }
    }

    // Rules 2 and 3, paragraph by paragraph.
    for p in 0..paras.len() {
        follow_paragraph(draft, &paras, p, &mut out);
    }
    continue_backwards(draft, &mut out);
    interview_turns(&paras, &mut out);

    // Headline quotes echoed in the body; short terms nobody said.
    let mut body: Option<Body> = None;
    for para in &paras {
        for (q, f) in para.outer() {
            if !out[q].is_speech || out[q].said.is_some() {
                continue;
            }
            if para.heading
                && heading_echoed(
                    draft,
                    &out,
                    q,
                    body.get_or_insert_with(|| Body::new(draft, &paras)),
                )
            {
                out[q].not_speech(NotSpeech::Heading);
                continue;
            }
            if f.running && !para.heading {
                if let Some(m) = &f.document {
                    out[q].set(m.shifted(para.base), Rule::Sentence);
                    continue;
                }
            }
            if (f.running || para.heading) && f.short_term {
                out[q].not_speech(NotSpeech::Term);
            }
        }
    }

    // Nested quotes take their outer quote's attribution.
    let mut nested: Vec<usize> = (0..n)
        .filter(|&q| draft.quotes[q].parent.is_some())
        .collect();
    nested.sort_by_key(|&q| draft.quotes[q].depth);
    let short_term = |q: usize| {
        let p = draft.quotes[q].paragraph;
        paras
            .get(p)
            .and_then(|para| para.facts.quotes.get(q.wrapping_sub(para.first)))
            .map_or_else(
                || speech::is_short_term(draft.prose_of(&draft.quotes[q].inner)),
                |f| f.short_term,
            )
    };
    for q in nested {
        if let Some(parent) = draft.quotes[q].parent.filter(|&p| p < n && p != q) {
            let from = out[parent].clone();
            // `‘humanitarian pauses’` inside a statement is a term the speaker used.
            let term = short_term(q) || out[q].not_speech == Some(NotSpeech::Term);
            let a = &mut out[q];
            a.is_speech = from.is_speech && !term;
            a.not_speech = if term {
                Some(NotSpeech::Term)
            } else {
                from.not_speech
            };
            a.said = from.said;
            a.rule = from.rule;
            a.source = Some(parent);
        }
    }

    out.into_iter()
        .enumerate()
        .map(|(q, s)| finish(draft, q, s))
        .collect()
}

static EMPTY: Local = Local {
    quotes: Vec::new(),
    quote_only: false,
    lead_in: None,
    credit_line: None,
    turn: None,
};

/// The attribution of quote `q`, with the speaker's and cue's text.
fn finish(draft: &Draft, q: usize, s: State) -> Attribution {
    let text = |span: &crate::draft::Span| draft.prose_of(span).to_string();
    let (speaker, cue) = match s.said {
        Some(m) => (
            Some(Speaker {
                text: text(&m.speaker.span),
                span: m.speaker.span,
                kind: m.speaker.kind,
                entity: None,
            }),
            Some(Cue {
                text: text(&m.cue),
                span: m.cue,
            }),
        ),
        None => (None, None),
    };
    Attribution {
        quote: q,
        is_speech: s.is_speech,
        speaker,
        cue,
        rule: s.rule,
        source: s.source,
        not_speech: s.not_speech,
    }
}

/// Rules 2 and 3 for paragraph `p` (earlier paragraphs are done).
fn follow_paragraph(draft: &Draft, paras: &[Para], p: usize, out: &mut [State]) {
    let para = &paras[p];
    let speech = || para.outer().filter(|&(q, _)| out[q].is_speech);
    let Some((first, _)) = speech().next() else {
        return;
    };
    let quotes: Vec<(usize, &QuoteFacts)> = speech().collect();
    // A continued quote speaks with the voice it continues.
    for &(q, _) in &quotes {
        if let Some(prev) = draft.quotes[q].continues.filter(|&c| c < out.len()) {
            if out[q].said.is_none() && out[prev].attributed() {
                inherit(out, q, prev, Rule::FollowsParagraph);
            }
        }
    }
    // Rule 3: a paragraph of quotation only, after an attributed quote.
    if para.facts.quote_only && out[first].said.is_none() && p > 0 && !para.heading {
        let prev = &paras[p - 1];
        let last = prev
            .outer()
            .rev()
            .map(|(q, _)| q)
            .find(|&q| out[q].is_speech);
        if let Some(from) = last {
            if out[from].attributed() {
                inherit(out, first, from, Rule::FollowsParagraph);
            }
        } else if let Some(m) = &prev.facts.lead_in {
            out[first].set(m.shifted(prev.base), Rule::FollowsParagraph);
        }
        if out[first].said.is_none() {
            // A credit line in the next paragraph: `— Jane Doe, mayor`.
            if let Some(next) = paras.get(p + 1) {
                if let Some(m) = &next.facts.credit_line {
                    out[first].set(m.shifted(next.base), Rule::FollowsParagraph);
                }
            }
        }
    }
    // Rule 2: the speaker of an earlier quote in the paragraph…
    let mut last: Option<usize> = None;
    for &(q, _) in &quotes {
        if out[q].said.is_some() {
            last = Some(q);
        } else if let Some(l) = last {
            inherit(out, q, l, Rule::SameParagraph);
        }
    }
    // …or, for quotes before the first attributed one: a sentence just before that names
    // who is speaking (`Fidan said Ankara would help. "We are ready."`), else the first
    // attributed quote after them.
    let first_attributed = quotes
        .iter()
        .map(|&(q, _)| q)
        .find(|&q| out[q].said.is_some());
    for &(q, f) in &quotes {
        if out[q].said.is_some() {
            break;
        }
        if f.running {
            continue;
        }
        if let Some(m) = &f.before {
            out[q].set(m.shifted(para.base), Rule::SameParagraph);
        } else if let Some(from) = first_attributed {
            inherit(out, q, from, Rule::SameParagraph);
        }
    }
}

/// Quotes still without a speaker inside an interview's answer take the speaker whose
/// label opened the turn (the turn runs until the next label or heading), in a draft with
/// two labelled turns or more.
fn interview_turns(paras: &[Para], out: &mut [State]) {
    // A transcript has turns; one labelled paragraph (`Update: …`) makes none.
    if paras.iter().filter(|p| p.facts.turn.is_some()).count() < 2 {
        return;
    }
    let mut turn: Option<Match> = None;
    for para in paras {
        if para.heading {
            turn = None;
        }
        if let Some(m) = &para.facts.turn {
            turn = Some(m.shifted(para.base));
        }
        let Some(m) = &turn else { continue };
        for (q, _) in para.outer() {
            if out[q].is_speech && out[q].said.is_none() {
                out[q].set(m.clone(), Rule::Turn);
            }
        }
    }
}

/// A multi-paragraph quote credited only in a later part: the earlier parts take it.
fn continue_backwards(draft: &Draft, out: &mut [State]) {
    for q in (0..draft.quotes.len()).rev() {
        let Some(prev) = draft.quotes[q].continues.filter(|&c| c < q) else {
            continue;
        };
        if out[q].attributed() && out[prev].is_speech && out[prev].said.is_none() {
            inherit(out, prev, q, Rule::FollowsParagraph);
        }
    }
}

/// What headline quotes are compared with: every body quote's word summary, and once
/// several headline quotes have asked, an index of the body quotes' words.
struct Body<'d> {
    /// Per quote: its [`speech::word_bits`], `None` in a heading.
    bits: Vec<Option<u64>>,
    /// A body quote's words while they are compared.
    scratch: Vec<&'d str>,
    /// Headline quotes still compared with every body quote before the index is built: a
    /// few scans cost less than the index, and a draft with many headline quotes (and
    /// many body quotes) would otherwise take time in the product of the two.
    scans_left: usize,
    /// (word key, quote) for every distinct word of every body quote, sorted.
    index: Option<Vec<(u64, u32)>>,
}

/// Headline quotes compared with the whole body before the body's words are indexed.
const SCANS_BEFORE_INDEX: usize = 8;

impl<'d> Body<'d> {
    fn new(draft: &Draft, paras: &[Para]) -> Body<'d> {
        let mut bits = Vec::with_capacity(draft.quotes.len());
        for (q, quote) in draft.quotes.iter().enumerate() {
            let para = paras.get(quote.paragraph);
            bits.push(match para {
                Some(p) if p.heading => None,
                Some(p) => Some(
                    p.facts
                        .quotes
                        .get(q.wrapping_sub(p.first))
                        .map_or(u64::MAX, |f| f.words),
                ),
                None => None,
            });
        }
        Body {
            bits,
            scratch: Vec::new(),
            scans_left: SCANS_BEFORE_INDEX,
            index: None,
        }
    }

    /// Every body quote's words by [`speech::word_key`], each (key, quote) once, sorted.
    fn build_index(&self, draft: &Draft) -> Vec<(u64, u32)> {
        let mut index = Vec::new();
        let mut keys: Vec<u64> = Vec::new();
        for (i, quote) in draft.quotes.iter().enumerate() {
            let (Some(_), Ok(i)) = (self.bits[i], u32::try_from(i)) else {
                continue;
            };
            keys.clear();
            keys.extend(speech::raw_words(draft.prose_of(&quote.inner)).map(speech::word_key));
            keys.sort_unstable();
            keys.dedup();
            index.extend(keys.iter().map(|&k| (k, i)));
        }
        index.sort_unstable();
        index
    }

    /// The body quotes that hold the word with key `key`, in order.
    fn holding(index: &[(u64, u32)], key: u64) -> &[(u64, u32)] {
        let from = index.partition_point(|&(k, _)| k < key);
        let to = from + index[from..].partition_point(|&(k, _)| k == key);
        &index[from..to]
    }
}

/// Does a headline quote's text stand in a quote of the body?
fn heading_echoed<'d>(draft: &'d Draft, out: &[State], q: usize, body: &mut Body<'d>) -> bool {
    let needle = speech::content_words(draft.prose_of(&draft.quotes[q].inner));
    let echo = speech::Echo::of(&needle);
    if body.scans_left > 0 || body.bits.len() <= SCANS_BEFORE_INDEX {
        body.scans_left = body.scans_left.saturating_sub(1);
        return (0..draft.quotes.len()).any(|i| echoed_by(draft, out, q, i, &needle, &echo, body));
    }
    if needle.is_empty() {
        return false;
    }
    let index = match body.index.take() {
        Some(index) => index,
        None => body.build_index(draft),
    };
    // A body quote that echoes the needle holds at least `required` of its words (all of
    // them when it is shorter than three), counted with repeats: it must hold one of any
    // set of the needle's words that stand for more than `n - required` of them. The
    // rarest such set gives the fewest candidates.
    let n = needle.len();
    let required = if n >= 3 { (3 * n).div_ceil(4) } else { n };
    // (quotes holding it, times in the needle, key) per distinct word, rarest first.
    let mut keys: Vec<u64> = needle.iter().map(|w| speech::norm_key(w)).collect();
    keys.sort_unstable();
    let mut words: Vec<(usize, usize, u64)> = Vec::new();
    for group in keys.chunk_by(|a, b| a == b) {
        let Some(&key) = group.first() else { continue };
        words.push((Body::holding(&index, key).len(), group.len(), key));
    }
    words.sort_unstable();
    let mut candidates: Vec<u32> = Vec::new();
    let mut weight = 0;
    for &(_, times, key) in &words {
        if weight > n - required {
            break;
        }
        weight += times;
        candidates.extend(Body::holding(&index, key).iter().map(|&(_, i)| i));
    }
    candidates.sort_unstable();
    candidates.dedup();
    let found = candidates
        .iter()
        .any(|&i| echoed_by(draft, out, q, i as usize, &needle, &echo, body));
    body.index = Some(index);
    found
}

/// Does body quote `i` echo headline quote `q` (its words `needle`, summarized in `echo`)?
fn echoed_by<'d>(
    draft: &'d Draft,
    out: &[State],
    q: usize,
    i: usize,
    needle: &[String],
    echo: &speech::Echo,
    body: &mut Body<'d>,
) -> bool {
    let (Some(Some(bits)), Some(other), Some(state)) =
        (body.bits.get(i).copied(), draft.quotes.get(i), out.get(i))
    else {
        return false;
    };
    if i == q || !state.is_speech || !echo.may_be_in(bits) {
        return false;
    }
    body.scratch.clear();
    body.scratch
        .extend(speech::raw_words(draft.prose_of(&other.inner)));
    speech::echoes_raw(needle, &body.scratch)
}
