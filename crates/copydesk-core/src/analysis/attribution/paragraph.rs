//! The local stage of attribution: what one paragraph says about its own quotes, read from
//! that paragraph alone (see [`crate::analysis::local`]). Rule 1 (a cue and a speaker in
//! the quote's sentence), what is not speech by its own context, and the summaries the
//! document stage needs for rules 2 and 3 (a lead-in, a credit line, a speaker named in the
//! sentence before). Spans are relative to the paragraph's start; quotes are numbered among
//! the quotes that open in the paragraph.

use super::rules::{self, Match};
use super::speakers::{self, Found};
use super::speech::{self, NotSpeech};
use super::tokens::{self, QuoteMark, Tokens};
use super::SpeakerKind;
use crate::draft::{Balance, Draft};

/// What rule 1 and the quote's own context say about a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Speech, with no speaker in its own sentence.
    Open,
    /// Speech, with a cue and a speaker in its own sentence.
    Said(Match),
    /// Not speech, whoever is around.
    NotSpeech(NotSpeech),
}

/// One quote that opens in the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFacts {
    /// An outermost quote, read as one token of its paragraph. Nested quotes take their
    /// outer quote's voice in the document stage.
    pub outer: bool,
    pub verdict: Verdict,
    /// Its sentence has words outside quotes (not a sentence of quotation only).
    pub running: bool,
    /// 1–3 quoted words that are not a clause ([`speech::is_short_term`]).
    pub short_term: bool,
    /// Its words, for matching a headline quote to the body ([`speech::word_bits`]).
    pub words: u64,
    /// For an open quote that is a sentence of its own: the speaker of the sentence before
    /// (`Fidan said Ankara would help. "We are ready."`).
    pub before: Option<Match>,
    /// For an open quote in a running sentence outside a heading: a document as the
    /// sentence's subject (`The indictment accuses O'Brien of "…"`).
    pub document: Option<Match>,
}

/// The facts of one paragraph this analysis reads on its own; spans are relative to the
/// paragraph's start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Local {
    /// One per quote that opens in the paragraph, in order.
    pub quotes: Vec<QuoteFacts>,
    /// No words outside quotes: a paragraph of quotation only.
    pub quote_only: bool,
    /// A paragraph without speech that ends by introducing a quotation: `The minister said
    /// in a statement:`.
    pub lead_in: Option<Match>,
    /// A short paragraph that credits the quotation before it: `— Jane Doe, mayor`.
    pub credit_line: Option<Match>,
    /// An interview turn's label opening the paragraph: `((Aparna Garg))`, `Garg:`.
    pub turn: Option<Match>,
}

/// Reads paragraph `p`; `extra` are the configured verbs' forms ([`super::cues::extra_forms`]).
pub(super) fn read(draft: &Draft, p: usize, extra: &[String]) -> Local {
    let Some(para) = draft.paragraphs.get(p) else {
        return Local::default();
    };
    let Some(text) = draft.prose.get(para.span.clone()) else {
        return Local::default();
    };
    let base = para.span.start;
    let range = draft.quotes_in(&para.span);
    let quotes = draft.quotes.get(range).unwrap_or_default();
    let turn = if para.heading { None } else { turn_label(text) };
    if quotes.is_empty() && !may_lead_in(text) && !first_token_is_dash(text) {
        // Nothing to attribute, and nothing the paragraphs around need.
        return Local {
            turn,
            ..Local::default()
        };
    }
    let rel = |s: &crate::draft::Span| s.start.saturating_sub(base)..s.end.saturating_sub(base);
    let lower = text.to_ascii_lowercase();
    let inner_of = |i: usize| text.get(rel(&quotes[i].inner)).unwrap_or("");
    let marks: Vec<QuoteMark> = (0..quotes.len())
        .filter(|&i| quotes[i].parent.is_none())
        .map(|i| QuoteMark {
            span: rel(&quotes[i].span),
            index: i,
            ends_sentence: tokens::quote_ends_sentence(inner_of(i)),
        })
        .collect();
    let toks = Tokens::read(text, &lower, 0..text.len(), &marks);

    let mut facts: Vec<QuoteFacts> = (0..quotes.len())
        .map(|i| QuoteFacts {
            outer: false,
            verdict: Verdict::Open,
            running: false,
            short_term: speech::is_short_term(inner_of(i)),
            words: speech::word_bits(inner_of(i)),
            before: None,
            document: None,
        })
        .collect();
    let mut has_speech = false;
    for (qpos, tok) in toks.tokens.iter().enumerate() {
        let Some(i) = tok.quote() else { continue };
        let Some(quote) = quotes.get(i) else { continue };
        let inner = inner_of(i);
        let sent = toks.sentence_of(qpos);
        let running = toks.tokens[sent.clone()].iter().any(|t| t.is_word());
        let verdict = if inner.trim().is_empty() && quote.close_mark.is_some() {
            Verdict::NotSpeech(NotSpeech::Term)
        } else if let Some(why) = speech::classify_by_context(inner, &toks.tokens[sent.start..qpos])
        {
            Verdict::NotSpeech(why)
        } else {
            let found = rules::in_sentence(&toks, qpos, extra).or_else(|| {
                // A quote left open may hold its own credit: `"We are ready, Smith said.`
                (quote.balance == Balance::Unclosed)
                    .then(|| Tokens::read(text, &lower, rel(&quote.inner), &[]))
                    .and_then(|inner| rules::inside_open_quote(&inner, extra))
            });
            // `Trump hailed the agreements as the "dawn of a new Middle East."`: no speech
            // verb, but the sentence's named subject is whose words they are.
            let found = found.or_else(|| {
                (running && !para.heading)
                    .then(|| rules::subject_user(&toks, qpos))
                    .flatten()
            });
            found
                .map(|m| rules::plural_antecedent(&toks, m))
                .map_or(Verdict::Open, Verdict::Said)
        };
        has_speech |= !matches!(verdict, Verdict::NotSpeech(_));
        let open = verdict == Verdict::Open;
        let before = (open && !running)
            .then(|| {
                let previous = toks
                    .sentences
                    .partition_point(|s| s.end <= sent.start)
                    .checked_sub(1)?;
                rules::indirect_speaker(&toks, toks.sentences[previous].clone(), extra)
            })
            .flatten();
        let document = (open && running && !para.heading)
            .then(|| rules::document_subject(&toks, qpos))
            .flatten();
        let f = &mut facts[i];
        f.outer = true;
        f.verdict = verdict;
        f.running = running;
        f.before = before;
        f.document = document;
    }
    let t = &toks.tokens;
    Local {
        quotes: facts,
        quote_only: !words_outside_brackets(t),
        lead_in: if has_speech {
            None
        } else {
            lead_in(&toks, extra)
        },
        turn,
        credit_line: (t.first().is_some_and(|t| t.is_dash()) && t.len() <= 16)
            .then(|| speakers::noun_phrase_after(t, 1, t.len()))
            .flatten()
            .filter(|f: &Found| f.kind == SpeakerKind::Name)
            .map(|found| Match {
                speaker: found,
                cue: t[0].span.clone(),
            }),
    }
}

/// Whether the paragraph has words outside quotes and brackets: a bracketed note after a
/// quotation (`"…" ((it))`, `"…" (translated)`) is the editor's, and leaves a paragraph of
/// quotation only.
fn words_outside_brackets(t: &[tokens::Token]) -> bool {
    let mut depth = 0usize;
    t.iter().any(|t| {
        if t.is_punct('(') || t.is_punct('[') {
            depth += 1;
        } else if t.is_punct(')') || t.is_punct(']') {
            depth = depth.saturating_sub(1);
        }
        depth == 0 && t.is_word()
    })
}

/// A paragraph that ends by introducing a quotation: `The minister said in a statement:`.
fn lead_in(toks: &Tokens, extra: &[String]) -> Option<Match> {
    if !toks.tokens.last()?.is_punct(':') {
        return None;
    }
    let sent = toks.sentences.last()?.clone();
    let t = &toks.tokens;
    rules::indirect_speaker(toks, sent.clone(), extra)
        .or_else(|| {
            (t.get(sent.start)?.lower == "from")
                .then(|| speakers::noun_phrase_after(t, sent.start + 1, sent.end - 1))
                .flatten()
                .map(|found| Match {
                    speaker: found,
                    cue: t[sent.start].span.clone(),
                })
        })
        // `The minister rejected the plan on Monday:` and the quotation below.
        .or_else(|| rules::colon_lead(t, sent.start, sent.end))
}

/// What the tokenizer makes of a char: nothing, a dash, other punctuation, or a word.
/// (Only for text without quotes; `next` is the char after.)
#[derive(PartialEq)]
enum Reads {
    Nothing,
    Dash,
    Punct(char),
    Word,
}

fn reads(c: char, next: Option<char>) -> Reads {
    match c {
        ',' | ':' | ';' | '.' | '!' | '?' | '(' | ')' => Reads::Punct(c),
        '—' | '–' | '―' => Reads::Dash,
        '-' if matches!(next, Some('-' | ' ')) => Reads::Dash,
        c if c.is_alphanumeric() || matches!(c, '\u{0301}' | '\u{0308}' | '\u{0303}') => {
            Reads::Word
        }
        _ => Reads::Nothing,
    }
}

/// Whether the last token of a paragraph without quotes may be a `:` (else it has no
/// lead-in, and need not be read).
fn may_lead_in(text: &str) -> bool {
    let mut next = None;
    for c in text.chars().rev() {
        match reads(c, next) {
            Reads::Nothing => next = Some(c),
            Reads::Punct(':') => return true,
            _ => return false,
        }
    }
    false
}

/// Whether the first token of a paragraph without quotes is a dash (a credit line).
fn first_token_is_dash(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match reads(c, chars.peek().copied()) {
            Reads::Nothing => {}
            Reads::Dash => return true,
            _ => return false,
        }
    }
    false
}

/// The longest interview turn label, in bytes.
const LONGEST_LABEL: usize = 48;

/// The speaker's label that opens an interview turn: `((Aparna Garg)) We have…` (the
/// Wikinews form), `GARG: We have…`, `Aparna Garg: We have…` — one to four capitalized
/// words before `))` or a colon at the very start of the paragraph.
pub fn turn_label(text: &str) -> Option<Match> {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    // A label is at most LONGEST_LABEL bytes, so its end is looked for only that far: a
    // paragraph is asked once for each figure in it.
    fn head(s: &str) -> &str {
        let mut end = s.len().min(LONGEST_LABEL + 2);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        &s[..end]
    }
    let (name, at, cue_len) = if let Some(inner) = rest.strip_prefix("((") {
        let close = head(inner).find("))")?;
        (&inner[..close], lead + 2, close + 4)
    } else {
        let colon = head(rest).find(':')?;
        (&rest[..colon], lead, colon + 1)
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = (1..=4).contains(&words.len())
        && name.len() <= LONGEST_LABEL
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !named {
        return None;
    }
    let start = at + (name.len() - name.trim_start().len());
    let name = name.trim();
    Some(Match {
        speaker: Found {
            span: start..start + name.len(),
            kind: SpeakerKind::Name,
        },
        cue: lead..lead + cue_len,
    })
}
