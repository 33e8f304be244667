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
    pub sentence: usize,
    pub paragraph: usize,
}

impl NumberClaim {
    pub fn is_supported(&self) -> bool {
        self.source.is_some()
    }
}

/// The facts of one paragraph this analysis reads on its own (see [`super::local`]); spans
/// are relative to the paragraph's start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Local {}

/// Reads paragraph `p` of `draft` alone (see [`super::local`] for what it may read).
pub fn local(_draft: &Draft, _p: usize, _config: &Config) -> Local {
    Local::default()
}

/// The numeric claims of a draft, in order, with their support.
pub fn claims(
    draft: &Draft,
    _facts: &Facts,
    attributions: &[Attribution],
    config: &Config,
) -> Vec<NumberClaim> {
    let prose = draft.prose.as_str();
    let toks = lexer::tokens(prose, 0..prose.len());
    let mut out = Vec::new();
    let mut found = Vec::new();
    // Per paragraph: the speech cue of its first sentence (computed on demand).
    let mut opening: Vec<Option<Option<support::Cue>>> = vec![None; draft.paragraphs.len()];
    // Per paragraph: the last sentence its opening's reported speech is known to reach, and
    // whether it stops there.
    let mut speech_runs: Vec<Option<(usize, bool)>> = vec![None; draft.paragraphs.len()];
    let quotes = QuoteIndex::new(draft);
    // Whether the current paragraph is read as a heading (computed once per paragraph).
    let mut heading_of: Option<(usize, bool)> = None;
    for (si, sentence) in draft.sentences.iter().enumerate() {
        let Some(para) = draft.paragraphs.get(sentence.paragraph) else {
            continue;
        };
        let heading = match heading_of {
            Some((p, h)) if p == sentence.paragraph => h,
            _ => {
                let h = para.heading || is_subhead(prose, &para.span);
                heading_of = Some((sentence.paragraph, h));
                h
            }
        };
        if heading {
            continue;
        }
        let lo = toks.partition_point(|t| t.span.start < sentence.span.start);
        let hi = toks.partition_point(|t| t.span.start < sentence.span.end);
        if !toks[lo..hi]
            .iter()
            .any(|t| t.kind == lexer::Kind::Num || t.kind == lexer::Kind::Word)
        {
            continue;
        }
        let s = sent::Sent {
            prose,
            toks: &toks,
            lo,
            hi,
        };
        found.clear();
        kinds::scan(&s, &mut found);
        if let Some(d) = &draft.dateline {
            found.retain(|f| f.span.start >= d.span.end || f.span.end <= d.span.start);
        }
        if found.is_empty() {
            continue;
        }
        let cue_span = cue_window(draft, si);
        let sentence_cue = cue_in(draft, &cue_span, config);
        for f in found.drain(..) {
            let quote = quote_support(draft, &quotes, attributions, &f.span);
            if quote == QuoteSupport::NotSpeech {
                continue;
            }
            let mut in_unattributed_quote = None;
            let source = match quote {
                QuoteSupport::Speaker(quote, speaker) => Some(Support::Quote { quote, speaker }),
                QuoteSupport::NoSpeaker(q) => {
                    in_unattributed_quote = Some(q);
                    None
                }
                _ => None,
            }
            .or_else(|| {
                sentence_cue.as_ref().map(|c| Support::Sentence {
                    cue: c.text.clone(),
                    cue_span: c.span.clone(),
                })
            })
            .or_else(|| {
                paragraph_cover(draft, si, &mut opening, &mut speech_runs, config).map(|c| {
                    Support::Paragraph {
                        cue: c.text,
                        cue_span: c.span,
                    }
                })
            });
            if source.is_some() {
                in_unattributed_quote = None;
            }
            out.push(NumberClaim {
                span: f.span,
                support: source.as_ref().map(describe),
                source,
                in_unattributed_quote,
                kind: f.kind,
                number: f.number,
                value: f.value,
                approx: f.approx,
                range: f.range,
                in_words: f.in_words,
                head: f.head,
                modifiers: f.modifiers,
                verb: f.verb,
                relative: f.relative,
                changing: f.changing,
                sentence: si,
                paragraph: sentence.paragraph,
            });
        }
    }
    out
}

/// A one-line description of the support, as hover shows it.
pub fn describe(support: &Support) -> String {
    match support {
        Support::Quote { speaker, .. } => format!("inside a quote by {speaker}"),
        Support::Sentence { cue, .. } => format!("{cue} (same sentence)"),
        Support::Paragraph { cue, .. } => {
            format!("{cue} (reported speech from the start of the paragraph)")
        }
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
/// its paragraph when those end at an abbreviation ("Dr.", "U.S.") rather than a full stop.
fn cue_window(draft: &Draft, si: usize) -> Span {
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
    start..sentence.span.end + footnote_after(&draft.text, sentence.span.end)
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

/// A later sentence of a paragraph is covered by the paragraph's opening attribution when
/// every sentence from the opening one to it carries on the reported speech.
fn paragraph_cover(
    draft: &Draft,
    si: usize,
    opening: &mut [Option<Option<support::Cue>>],
    speech_runs: &mut [Option<(usize, bool)>],
    config: &Config,
) -> Option<support::Cue> {
    let sentence = &draft.sentences[si];
    let para = draft.paragraphs.get(sentence.paragraph)?;
    let first = para.sentences.start;
    if si <= first {
        return None;
    }
    let slot = opening.get_mut(sentence.paragraph)?;
    if slot.is_none() {
        let span = cue_window(draft, first);
        let cue = cue_in(draft, &span, config).filter(|c| c.speech);
        *slot = Some(cue);
    }
    let cue = slot.clone().flatten()?;
    // How far the reported speech runs is found once per paragraph, so a long paragraph
    // with many figures is not re-read sentence by sentence for each of them.
    let run = speech_runs.get_mut(sentence.paragraph)?;
    let (mut through, mut broken) = run.unwrap_or((first, false));
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
    *run = Some((through, broken));
    (si <= through).then_some(cue)
}

#[derive(Debug, PartialEq, Eq)]
enum QuoteSupport {
    Outside,
    Speaker(usize, String),
    NoSpeaker(usize),
    /// A short quoted title, term or sign: its numbers are part of a name.
    NotSpeech,
}

/// Quotes ordered by paragraph, so the quotes around a claim are found without scanning
/// every quote of the draft.
struct QuoteIndex {
    order: Vec<usize>,
}

impl QuoteIndex {
    fn new(draft: &Draft) -> QuoteIndex {
        let mut order: Vec<usize> = (0..draft.quotes.len()).collect();
        order.sort_by_key(|&q| (draft.quotes[q].paragraph, draft.quotes[q].span.start));
        QuoteIndex { order }
    }

    /// The quotes of the paragraph containing `offset`.
    fn in_paragraph<'a>(&'a self, draft: &Draft, offset: usize) -> &'a [usize] {
        let Some(p) = draft.paragraph_at(offset) else {
            return &[];
        };
        let lo = self
            .order
            .partition_point(|&q| draft.quotes[q].paragraph < p);
        let hi = self
            .order
            .partition_point(|&q| draft.quotes[q].paragraph <= p);
        &self.order[lo..hi]
    }
}

fn quote_support(
    draft: &Draft,
    index: &QuoteIndex,
    attributions: &[Attribution],
    span: &Span,
) -> QuoteSupport {
    let innermost = index
        .in_paragraph(draft, span.start)
        .iter()
        .map(|&i| (i, &draft.quotes[i]))
        .filter(|(_, q)| q.inner.start <= span.start && span.end <= q.inner.end.max(q.span.end))
        .max_by_key(|(_, q)| q.depth)
        .map(|(i, _)| i);
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
