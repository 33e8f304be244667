//! Each direct quote of a draft compared with the sources: found as written (with the
//! copy desk's allowed editing), found with other words, or not found; and who the source
//! says spoke the words.

use super::align::{Alignment, Op, QuoteTok};
use super::index::{name_parts, Hit, Index, SourceFile};
use super::speakers;
use super::words::{quote_tokens, Token};
use crate::analysis::entities::EntityKind;
use crate::analysis::Analysis;
use crate::draft::Span;
use crate::position::LineIndex;
use std::path::PathBuf;

/// Quotes of fewer words are terms, titles and scare quotes, never looked up.
pub const MIN_WORDS: usize = 4;

/// A quote needs this many words before a differing passage is called a misquote: below
/// it, a near passage is too weak evidence of what was said.
pub const MIN_MISQUOTE_WORDS: usize = 6;

/// A passage is the quote's, with other words, when at least this share of the quote's
/// words are found in it as they are (in hundredths).
const MIN_ALIGNED_PERCENT: u32 = 75;

/// A quote this long is not looked up (a pasted document, not a quote).
const MAX_WORDS: usize = 400;

/// What the sources say of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The sources have the quote's words.
    Verified,
    /// The closest passage has other words.
    Differs(Vec<Difference>),
    /// No passage comes close.
    NotFound,
}

/// One place where the quote and its passage part: the quote's words and the source's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The quote's words, with a word of context (as written in the draft).
    pub draft_text: String,
    /// The source's words for them, with the same context.
    pub source_text: String,
    /// The replacement that gives the quote the source's words.
    pub span: Span,
    pub new_text: String,
}

/// The passage of a source a quote was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub path: PathBuf,
    /// Bytes of the source file, from the first word aligned to the last.
    pub span: Span,
    /// 1-based.
    pub line: usize,
    pub timestamp: Option<String>,
    pub speaker: Option<String>,
    /// The passage's words, as the source writes them.
    pub text: String,
}

/// What the sources say of one quote of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteEvidence {
    /// Index into `draft.quotes`.
    pub quote: usize,
    pub verdict: Verdict,
    /// Where it was found (verified or differing); `None` when not found.
    pub passage: Option<Passage>,
    /// The draft's speaker, when a person is named.
    pub draft_speaker: Option<String>,
    /// Whether the source gives the words to someone else than `draft_speaker`.
    pub speaker_differs: bool,
    /// Whether the draft's speaker appears in the sources (a label or a name).
    pub speaker_in_sources: bool,
}

/// Compares every direct quote of `analysis` long enough to check with `index`.
pub fn compare(analysis: &Analysis, index: &Index) -> Vec<QuoteEvidence> {
    if index.files.is_empty() {
        return Vec::new();
    }
    let draft = &analysis.draft;
    let mut out = Vec::new();
    for (q, quote) in draft.quotes.iter().enumerate() {
        if quote.parent.is_some() {
            continue;
        }
        let Some(attribution) = analysis.attributions.get(q) else {
            continue;
        };
        if !attribution.is_speech {
            continue;
        }
        let tokens = quote_tokens(&draft.text, quote.inner.clone());
        let words = tokens
            .iter()
            .filter(|t| matches!(t, Token::Word(_)))
            .count();
        if !(MIN_WORDS..=MAX_WORDS).contains(&words) {
            continue;
        }
        let ids: Vec<QuoteTok> = tokens
            .iter()
            .map(|t| match t {
                Token::Word(w) => QuoteTok::Word(index.id(&w.norm)),
                Token::Gap => QuoteTok::Gap,
                Token::Inserted(_) => QuoteTok::Inserted,
            })
            .collect();
        let draft_speaker = person_speaker(analysis, q);
        let speaker_in_sources = draft_speaker.as_deref().is_some_and(|name| {
            name_parts(name)
                .iter()
                .any(|part| part.chars().count() >= 3 && index.knows_name(part))
        });
        let hit = index.lookup(&ids);
        let verdict = hit
            .as_ref()
            .map_or(Verdict::NotFound, |hit| judge(&hit.alignment, words));
        let passage = match (&verdict, &hit) {
            (Verdict::NotFound, _) | (_, None) => None,
            (_, Some(hit)) => passage(index, hit),
        };
        let verdict = match (verdict, &hit) {
            (Verdict::Differs(_), Some(hit)) => {
                let file = &index.files[hit.file];
                Verdict::Differs(differences(&draft.text, &tokens, file, hit))
            }
            (verdict, _) => verdict,
        };
        let near = hit.as_ref().is_some_and(|h| is_near(&h.alignment, words));
        let speaker_differs = match (&passage, &draft_speaker) {
            (Some(p), Some(name)) => p
                .speaker
                .as_deref()
                .is_some_and(|label| speakers::differ(label, name)),
            _ => false,
        };
        if verdict == Verdict::NotFound && near {
            // Close to a passage but too short to call a misquote: nothing is said.
            continue;
        }
        out.push(QuoteEvidence {
            quote: q,
            verdict,
            passage,
            draft_speaker,
            speaker_differs,
            speaker_in_sources,
        });
    }
    out
}

/// The draft's speaker of quote `q` when it is a person (a name, or a pronoun or
/// descriptor resolved to a person): only then can a speaker label be compared with it.
fn person_speaker(analysis: &Analysis, q: usize) -> Option<String> {
    let speaker = analysis.attributions.get(q)?.speaker.as_ref()?;
    match speaker.entity {
        Some(e) => {
            let entity = analysis.entities.get(e)?;
            (entity.kind == EntityKind::Person).then(|| entity.name.clone())
        }
        None => (speaker.kind == crate::analysis::attribution::SpeakerKind::Name)
            .then(|| speaker.text.clone()),
    }
}

/// Verified when nothing differs; a misquote when most of a long enough quote's words are
/// there; else not found.
fn judge(alignment: &Alignment, words: usize) -> Verdict {
    if alignment.cost == 0 && alignment.matched as usize == words {
        Verdict::Verified
    } else if words >= MIN_MISQUOTE_WORDS
        && alignment.matched * 100 >= MIN_ALIGNED_PERCENT * words as u32
    {
        Verdict::Differs(Vec::new())
    } else {
        Verdict::NotFound
    }
}

/// A passage that shares most of a short quote's words: not a misquote (too little to go
/// on), but not "not in the sources" either.
fn is_near(alignment: &Alignment, words: usize) -> bool {
    alignment.matched as usize * 2 >= words && alignment.matched >= 2
}

fn passage(index: &Index, hit: &Hit) -> Option<Passage> {
    let file = index.files.get(hit.file)?;
    let range = hit.alignment.source_range()?;
    let (first, last) = (hit.offset + range.start, hit.offset + range.end - 1);
    let span = file.span(first).start..file.span(last).end;
    let turn = file
        .turn_of
        .get(first)
        .and_then(|&t| file.turns.get(t as usize));
    Some(Passage {
        path: file.path.clone(),
        line: LineIndex::new(&file.text).position(span.start).line,
        span,
        timestamp: turn.and_then(|t| t.timestamp.clone()),
        speaker: turn.and_then(|t| t.speaker.clone()),
        text: source_words(file, first, last + 1),
    })
}

/// The source's words `from..to` (file word indices) as one would quote them: the source's
/// own spacing and punctuation between words on one line, a space across lines and cues.
fn source_words(file: &SourceFile, from: usize, to: usize) -> String {
    let mut out = String::new();
    for w in from..to {
        let span = file.span(w);
        if w > from {
            let between = file
                .text
                .get(file.span(w - 1).end..span.start)
                .unwrap_or(" ");
            if between.len() <= 3
                && !between.contains(['\n', '\r', '<', '{'])
                && !between.is_empty()
            {
                out.push_str(between);
            } else {
                out.push(' ');
            }
        }
        out.push_str(file.text.get(span).unwrap_or(""));
    }
    out
}

/// The places where the quote and its passage part, each with a word of context (the
/// matched word before it, or after it at the quote's start) and its replacement.
fn differences(text: &str, tokens: &[Token], file: &SourceFile, hit: &Hit) -> Vec<Difference> {
    let ops = &hit.alignment.ops;
    let word_span = |q: usize| match &tokens[q] {
        Token::Word(w) => w.span.clone(),
        Token::Inserted(s) => s.clone(),
        Token::Gap => 0..0,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        if matches!(ops[i], Op::Match { .. } | Op::Skip { .. }) {
            i += 1;
            continue;
        }
        let start = i;
        while i < ops.len() && !matches!(ops[i], Op::Match { .. } | Op::Skip { .. }) {
            i += 1;
        }
        let run = &ops[start..i];
        let quote_words: Vec<usize> = run
            .iter()
            .filter_map(|op| match *op {
                Op::Changed { q, .. } | Op::QuoteOnly { q } => Some(q),
                _ => None,
            })
            .collect();
        let source_words_of: Vec<usize> = run
            .iter()
            .filter_map(|op| match *op {
                Op::Changed { s, .. } | Op::SourceOnly { s } => Some(hit.offset + s),
                _ => None,
            })
            .collect();
        let before = start.checked_sub(1).and_then(|b| match ops[b] {
            Op::Match { q, s } => Some((q, hit.offset + s)),
            _ => None,
        });
        let after = match ops.get(i) {
            Some(&Op::Match { q, s }) => Some((q, hit.offset + s)),
            _ => None,
        };
        // The draft's stretch and the source's, context word included.
        let (draft_span, src_from, src_to, edit_span, new_text) = if let Some((cq, cs)) = before {
            let draft_end = quote_words
                .last()
                .map_or(word_span(cq).end, |&q| word_span(q).end);
            let src_end = source_words_of.last().map_or(cs + 1, |&s| s + 1);
            let edit = word_span(cq).end..draft_end;
            let tail = source_words(file, cs, src_end);
            let context = source_words(file, cs, cs + 1);
            let new_text = tail.get(context.len()..).unwrap_or("").to_string();
            (word_span(cq).start..draft_end, cs, src_end, edit, new_text)
        } else if let Some((cq, cs)) = after {
            let draft_start = quote_words
                .first()
                .map_or(word_span(cq).start, |&q| word_span(q).start);
            let src_start = source_words_of.first().copied().unwrap_or(cs);
            let edit = draft_start..word_span(cq).start;
            let head = source_words(file, src_start, cs + 1);
            let context = source_words(file, cs, cs + 1);
            let keep = head.len().saturating_sub(context.len());
            let new_text = head.get(..keep).unwrap_or("").to_string();
            (
                draft_start..word_span(cq).end,
                src_start,
                cs + 1,
                edit,
                new_text,
            )
        } else {
            // Nothing matched around it: the whole stretch.
            let (Some(&qf), Some(&ql)) = (quote_words.first(), quote_words.last()) else {
                continue;
            };
            let (Some(&sf), Some(&sl)) = (source_words_of.first(), source_words_of.last()) else {
                continue;
            };
            let span = word_span(qf).start..word_span(ql).end;
            (
                span.clone(),
                sf,
                sl + 1,
                span,
                source_words(file, sf, sl + 1),
            )
        };
        // A word only one side has reads better between both its neighbours: 'that the
        // bishops', the draft 'that bishops'.
        let (draft_span, src_to) = match after {
            Some((aq, as_))
                if before.is_some() && (quote_words.is_empty() || source_words_of.is_empty()) =>
            {
                (draft_span.start..word_span(aq).end, as_ + 1)
            }
            _ => (draft_span, src_to),
        };
        let edit_text = match text.get(edit_span.clone()) {
            Some(old) if old.starts_with(char::is_uppercase) => capitalized(&new_text),
            _ => new_text,
        };
        out.push(Difference {
            draft_text: text.get(draft_span).unwrap_or("").to_string(),
            source_text: source_words(file, src_from, src_to),
            span: edit_span,
            new_text: edit_text,
        });
    }
    out
}

/// `text` with its first letter in upper case: a replacement at the start of a sentence
/// keeps the draft's capital.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
