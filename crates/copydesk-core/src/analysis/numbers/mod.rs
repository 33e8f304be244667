//! Numeric claims and their support (DESIGN.md, "Numbers").
//!
//! Each number of the prose is typed first (count, money, percentage, measurement,
//! duration, fraction, multiple — or date, year, time, age, ordinal, identifier, which are
//! not claims), then its support is looked for: the attributed quote it stands in, a source
//! cue in its sentence, or the reported speech of its paragraph's opening attribution.

use super::attribution::Attribution;
use super::local::Facts;
use crate::config::Config;
use crate::draft::{Draft, Span};

pub mod context;
mod exclusions;
mod hover;
mod kinds;
mod lexer;
mod lexicon;
pub mod mismatch;
mod sent;
mod support;

pub use hover::hover;
pub use kinds::ClaimKind;

/// What makes a claim sourced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Support {
    /// It stands inside a quote with a speaker.
    Quote { quote: usize, speaker: String },
    /// Its sentence names a source ("Priya Raman said", "according to state records").
    Sentence { cue: String, cue_span: Span },
    /// Its paragraph opens with an attribution whose reported speech continues to it.
    Paragraph { cue: String, cue_span: Span },
    /// The sentence before or after it, in its paragraph, names a source (`According to a
    /// 2019 poll, 57 percent oppose it. However, 72 percent support term limits.`).
    Nearby { cue: String, cue_span: Span },
}

/// A quantity asserted about the world, and what (if anything) supports it.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberClaim {
    /// The claim: qualifier, figure, unit and counted noun ("more than 1,800 ships").
    pub span: Span,
    /// What supports the claim ("Priya Raman said (same sentence)"), or `None`.
    pub support: Option<String>,
    /// The support, structured.
    pub source: Option<Support>,
    /// Inside a quote of speech that has no speaker: the quote check reports that, so the
    /// number is not reported again.
    pub in_unattributed_quote: Option<usize>,
    pub kind: ClaimKind,
    /// The figure itself ("1,800").
    pub number: Span,
    pub value: Option<f64>,
    /// Qualified: about, more than, at least…
    pub approx: bool,
    pub range: bool,
    pub in_words: bool,
    /// The counted noun ("ships"), lower case.
    pub head: Option<String>,
    pub modifiers: Vec<String>,
    /// The verb bound to the figure ("killed").
    pub verb: Option<String>,
    /// Counts an addition ("another eight", "two more").
    pub relative: bool,
    /// Marked as a change over time ("rose to", "up from").
    pub changing: bool,
    /// What the words around it say it is about (casualties, a vote, a market…).
    pub context: context::Context,
    pub sentence: usize,
    pub paragraph: usize,
}

impl NumberClaim {
    pub(crate) fn is_supported(&self) -> bool {
        self.source.is_some()
    }
}

/// A claim as its paragraph alone tells it (spans relative to the paragraph's start):
/// everything but the support of an attributed quote, which needs the attributions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LocalClaim {
    found: kinds::Found,
    /// The index of its sentence among the paragraph's sentences.
    sentence: usize,
    /// The source cue of its sentence.
    sentence_cue: Option<support::Cue>,
    /// Its sentence ends the paragraph: a footnote marker right after it (outside the
    /// paragraph's prose) may cite it.
    cites_after_paragraph: bool,
    /// The speech cue opening the paragraph, when its reported speech reaches the claim.
    paragraph_cue: Option<support::Cue>,
    /// A source cue in the sentence before or after, when neither of the above holds.
    nearby_cue: Option<support::Cue>,
    context: context::Context,
}

/// The facts of one paragraph this analysis reads on its own (see [`super::local`]); spans
/// are relative to the paragraph's start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Local {
    claims: Vec<LocalClaim>,
}

/// Reads paragraph `p` of `draft` alone (see [`super::local`] for what it may read): the
/// figures of its sentences, typed, with the source cues of their sentence and of the
/// paragraph's opening.
pub fn local(draft: &Draft, p: usize, config: &Config) -> Local {
    let Some(para) = draft.paragraphs.get(p) else {
        return Local::default();
    };
    let prose = draft.prose.as_str();
    if para.heading || is_subhead(prose, &para.span) {
        return Local::default();
    }
    let Some(text) = prose.get(para.span.clone()) else {
        return Local::default();
    };
    let base = para.span.start;
    let toks = lexer::tokens(text, 0..text.len());
    let dateline = draft
        .dateline
        .as_ref()
        .filter(|d| para.span.contains(&d.span.start))
        .map(|d| d.span.start - base..d.span.end.saturating_sub(base));
    let mut claims = Vec::new();
    let mut found = Vec::new();
    let mut opening = Opening::default();
    let sentences = para.sentences.clone();
    for si in sentences.clone() {
        let Some(sentence) = draft.sentences.get(si) else {
            continue;
        };
        let start = sentence.span.start.saturating_sub(base);
        let end = sentence.span.end.saturating_sub(base);
        let lo = toks.partition_point(|t| t.span.start < start);
        let hi = toks.partition_point(|t| t.span.start < end);
        if !toks[lo..hi]
            .iter()
            .any(|t| t.kind == lexer::Kind::Num || t.kind == lexer::Kind::Word)
        {
            continue;
        }
        let s = sent::Sent {
            prose: text,
            toks: &toks,
            lo,
            hi,
        };
        found.clear();
        kinds::scan(&s, &mut found);
        if let Some(d) = &dateline {
            found.retain(|f| f.span.start >= d.end || f.span.end <= d.start);
        }
        if found.is_empty() {
            continue;
        }
        let window = cue_window(draft, si, para.span.end);
        let cue = cue_in(draft, &window, config);
        if si == sentences.start {
            // The paragraph's opening cue, should a later figure need it.
            opening.cue = Some(cue.clone().filter(|c| c.speech));
        }
        let sentence_cue = cue.map(|c| relative(c, base));
        let cites_after_paragraph = sentence.span.end == para.span.end;
        let paragraph_cue = match sentence_cue {
            Some(_) => None,
            None => opening
                .cover(draft, sentences.clone(), si, config)
                .map(|c| relative(c, base)),
        };
        let nearby_cue = if sentence_cue.is_none() && paragraph_cue.is_none() {
            [si.checked_sub(1), Some(si + 1)]
                .into_iter()
                .flatten()
                .filter(|n| sentences.contains(n))
                .find_map(|n| cue_in(draft, &cue_window(draft, n, para.span.end), config))
                .map(|c| relative(c, base))
        } else {
            None
        };
        let in_sentence = context::sentence_topics(text, &(start..end));
        for f in found.drain(..) {
            claims.push(LocalClaim {
                context: context::read(text, &(start..end), in_sentence, &f.span),
                found: f,
                sentence: si - sentences.start,
                sentence_cue: sentence_cue.clone(),
                cites_after_paragraph,
                paragraph_cue: paragraph_cue.clone(),
                nearby_cue: nearby_cue.clone(),
            });
        }
    }
    // Kept with the paragraph for the whole analysis: the room pushes left is not.
    claims.shrink_to_fit();
    Local { claims }
}

fn relative(mut cue: support::Cue, base: usize) -> support::Cue {
    cue.span = cue.span.start - base..cue.span.end - base;
    cue
}

fn absolute(cue: &support::Cue, base: usize) -> support::Cue {
    support::Cue {
        text: cue.text.clone(),
        span: cue.span.start + base..cue.span.end + base,
        speech: cue.speech,
    }
}

fn shift(span: &Span, base: usize) -> Span {
    span.start + base..span.end + base
}

/// The numeric claims of a draft, in order, with their support.
pub fn claims(
    draft: &Draft,
    facts: &Facts,
    attributions: &[Attribution],
    _config: &Config,
) -> Vec<NumberClaim> {
    let count = facts.iter(draft).map(|(_, f)| f.numbers.claims.len()).sum();
    let mut out = Vec::with_capacity(count);
    // Quotes are in order of their start, hence of their paragraph: each paragraph's
    // quotes are the next run of them.
    let mut quotes_from = 0;
    for (p, (base, paragraph)) in facts.iter(draft).enumerate() {
        let Some(para) = draft.paragraphs.get(p) else {
            continue;
        };
        if paragraph.numbers.claims.is_empty() {
            continue;
        }
        let mut lo = quotes_from;
        while draft.quotes.get(lo).is_some_and(|q| q.paragraph < p) {
            lo += 1;
        }
        let mut hi = lo;
        while draft.quotes.get(hi).is_some_and(|q| q.paragraph <= p) {
            hi += 1;
        }
        quotes_from = lo;
        for c in &paragraph.numbers.claims {
            let f = &c.found;
            let span = shift(&f.span, base);
            let quote = quote_support(draft, lo..hi, attributions, &span);
            if quote == QuoteSupport::NotSpeech {
                continue;
            }
            let mut in_unattributed_quote = None;
            let sentence_cue = || {
                c.sentence_cue
                    .as_ref()
                    .map(|c| absolute(c, base))
                    .or_else(|| {
                        c.cites_after_paragraph
                            .then(|| footnote_cue(draft, para.span.end))
                            .flatten()
                    })
            };
            let source = match quote {
                QuoteSupport::Speaker(quote, speaker) => Some(Support::Quote { quote, speaker }),
                QuoteSupport::NoSpeaker(q) => {
                    in_unattributed_quote = Some(q);
                    None
                }
                _ => None,
            }
            .or_else(|| {
                sentence_cue().map(|c| Support::Sentence {
                    cue: c.text,
                    cue_span: c.span,
                })
            })
            .or_else(|| {
                c.paragraph_cue.as_ref().map(|c| Support::Paragraph {
                    cue: c.text.clone(),
                    cue_span: shift(&c.span, base),
                })
            })
            .or_else(|| {
                c.nearby_cue.as_ref().map(|c| Support::Nearby {
                    cue: c.text.clone(),
                    cue_span: shift(&c.span, base),
                })
            });
            if source.is_some() {
                in_unattributed_quote = None;
            }
            out.push(NumberClaim {
                span,
                support: source.as_ref().map(describe),
                source,
                in_unattributed_quote,
                kind: f.kind,
                number: shift(&f.number, base),
                value: f.value,
                approx: f.approx,
                range: f.range,
                in_words: f.in_words,
                head: f.head.clone(),
                modifiers: f.modifiers.clone(),
                verb: f.verb.clone(),
                relative: f.relative,
                changing: f.changing,
                context: c.context,
                sentence: para.sentences.start + c.sentence,
                paragraph: p,
            });
        }
    }
    out
}

/// A footnote marker right after the end of a paragraph (`…40 percent.[^1]`, where the
/// marker is not prose): it cites the paragraph's last sentence.
fn footnote_cue(draft: &Draft, end: usize) -> Option<support::Cue> {
    let len = footnote_after(&draft.text, end);
    let marker = draft.text.get(end..end + len).filter(|m| !m.is_empty())?;
    support::link_cue(marker, end)
}

/// A one-line description of the support, as hover shows it.
pub fn describe(support: &Support) -> String {
    match support {
        Support::Quote { speaker, .. } => format!("inside a quote by {speaker}"),
        Support::Sentence { cue, .. } => format!("{cue} (same sentence)"),
        Support::Paragraph { cue, .. } => {
            format!("{cue} (reported speech from the start of the paragraph)")
        }
        Support::Nearby { cue, .. } => format!("{cue} (the sentence next to it)"),
    }
}

/// A one-line paragraph without closing punctuation is a subhead ("A new wave of
/// mobilization"), read like a headline: its figures are sourced in the body.
fn is_subhead(prose: &str, span: &Span) -> bool {
    let Some(text) = prose.get(span.clone()) else {
        return false;
    };
    let text = text.trim();
    if text.contains('\n') || text.is_empty() {
        return false;
    }
    let last = text.chars().next_back().unwrap_or('.');
    !matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '’' | '\'' | ')' | '»' | '…'
    ) && text.split_whitespace().count() <= 20
}

/// The text searched for a source cue: the sentence, joined to the sentences before it in
/// its paragraph when those end at an abbreviation ("Dr.", "U.S.") rather than a full stop,
/// and a footnote marker after it that stands before `limit` (the paragraph's end).
fn cue_window(draft: &Draft, si: usize, limit: usize) -> Span {
    let sentence = &draft.sentences[si];
    let mut start = sentence.span.start;
    let mut k = si;
    while k > 0 {
        let prev = &draft.sentences[k - 1];
        if prev.paragraph != sentence.paragraph {
            break;
        }
        let text = draft.prose.get(prev.span.clone()).unwrap_or("");
        let last_word = text
            .trim_end_matches('.')
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let abbreviation = text.ends_with('.')
            && (last_word.len() <= 3 && last_word.chars().next().is_some_and(char::is_uppercase)
                || last_word.contains('.'));
        if !abbreviation {
            break;
        }
        start = prev.span.start;
        k -= 1;
    }
    let text = draft.text.get(..limit).unwrap_or("");
    start..sentence.span.end + footnote_after(text, sentence.span.end)
}

/// The length of a footnote marker right after a sentence's final stop (`…40 percent.[^1]`,
/// `…40 percent.¹`): it cites the sentence.
fn footnote_after(text: &str, end: usize) -> usize {
    let Some(rest) = text.get(end..) else {
        return 0;
    };
    let superscripts = rest
        .chars()
        .take_while(|c| "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    if superscripts > 0 {
        return superscripts;
    }
    let marker = rest.starts_with("[^")
        || rest.starts_with('[') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    if !marker {
        return 0;
    }
    // A marker is short: look for its end in the next few characters only, never in the
    // rest of the draft (once per sentence, that would be quadratic).
    rest.char_indices()
        .take(25)
        .find(|&(_, c)| c == ']')
        .map_or(0, |(close, _)| close + 1)
}

fn cue_in(draft: &Draft, span: &Span, config: &Config) -> Option<support::Cue> {
    let prose = draft.prose.get(span.clone())?;
    let raw = draft.text.get(span.clone()).unwrap_or(prose);
    support::find_cue(prose, raw, span.start, config)
}

/// The opening attribution of a paragraph and how far its reported speech runs, found
/// once per paragraph and only when a figure needs it.
#[derive(Default)]
struct Opening {
    /// The speech cue of the paragraph's first sentence (once looked for).
    cue: Option<Option<support::Cue>>,
    /// The last sentence the reported speech is known to reach, and whether it stops there.
    run: Option<(usize, bool)>,
}

impl Opening {
    /// A later sentence `si` of a paragraph (whose sentences are `sentences`) is covered by
    /// the paragraph's opening attribution when every sentence from the opening one to it
    /// carries on the reported speech.
    fn cover(
        &mut self,
        draft: &Draft,
        sentences: std::ops::Range<usize>,
        si: usize,
        config: &Config,
    ) -> Option<support::Cue> {
        let first = sentences.start;
        if si <= first {
            return None;
        }
        let limit = draft.paragraphs[draft.sentences[first].paragraph].span.end;
        let cue = self
            .cue
            .get_or_insert_with(|| {
                let span = cue_window(draft, first, limit);
                cue_in(draft, &span, config).filter(|c| c.speech)
            })
            .clone()?;
        let (mut through, mut broken) = self.run.unwrap_or((first, false));
        while !broken && through < si {
            let k = through + 1;
            let text = draft
                .prose
                .get(draft.sentences.get(k)?.span.clone())
                .unwrap_or("");
            if support::continues_reported_speech(text) {
                through = k;
            } else {
                broken = true;
            }
        }
        self.run = Some((through, broken));
        (si <= through).then_some(cue)
    }
}

#[derive(Debug, PartialEq, Eq)]
enum QuoteSupport {
    Outside,
    Speaker(usize, String),
    NoSpeaker(usize),
    /// A short quoted title, term or sign: its numbers are part of a name.
    NotSpeech,
}

/// What the quotes of its paragraph (`quotes`, indices into the draft's) say of a claim.
fn quote_support(
    draft: &Draft,
    quotes: std::ops::Range<usize>,
    attributions: &[Attribution],
    span: &Span,
) -> QuoteSupport {
    let covers = |q: &crate::draft::Quote| {
        q.inner.start <= span.start && span.end <= q.inner.end.max(q.span.end)
    };
    let innermost = if span.is_empty() {
        quotes
            .map(|i| (i, &draft.quotes[i]))
            .filter(|(_, q)| covers(q))
            .max_by_key(|(_, q)| q.depth)
            .map(|(i, _)| i)
    } else {
        // Of the quotes that cover a span, the one opened last is the deepest: any other
        // was open when it opened (one closed before it ends before the span). So the
        // innermost is the last quote opened before the span or one of its outer quotes,
        // found without reading every quote of the paragraph for every figure.
        let first = quotes.start;
        let before = draft.quotes.get(quotes).unwrap_or_default();
        let mut at = (first + before.partition_point(|q| q.inner.start <= span.start))
            .checked_sub(1)
            .filter(|&i| i >= first);
        while let Some(i) = at {
            if covers(&draft.quotes[i]) {
                break;
            }
            at = draft.quotes[i].parent.filter(|&p| first <= p && p < i);
        }
        at
    };
    let Some(mut q) = innermost else {
        return QuoteSupport::Outside;
    };
    let attribution = |q: usize| {
        attributions
            .get(q)
            .filter(|a| a.quote == q)
            .or_else(|| attributions.iter().find(|a| a.quote == q))
    };
    if let Some(a) = attribution(q) {
        if !a.is_speech {
            return QuoteSupport::NotSpeech;
        }
    }
    let start = q;
    for _ in 0..=draft.quotes.len() {
        if let Some(speaker) = attribution(q).and_then(|a| a.speaker.as_ref()) {
            return QuoteSupport::Speaker(q, speaker.text.clone());
        }
        match draft.quotes[q].parent.or(draft.quotes[q].continues) {
            Some(p) if p != q && p < draft.quotes.len() => q = p,
            _ => break,
        }
    }
    QuoteSupport::NoSpeaker(start)
}

#[cfg(test)]
mod tests;
