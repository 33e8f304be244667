//! The words around quotes: a paragraph read as a stream of words, punctuation and whole
//! quotes, cut into sentences. Attribution only looks at the text *outside* quotes (a cue
//! inside a quotation is part of what was said, not who said it), so every outermost quote
//! is a single token here.

use crate::draft::{Draft, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// One punctuation character: `, : ; . ! ? ( )` or a dash (`—`, `–`, `--`).
    Punct(char),
    /// An outermost quote (index into `draft.quotes`).
    Quote(usize),
}

/// A lowercased word, kept inline when short (almost every word is), so tokenizing a
/// paragraph does not allocate once per word.
#[derive(Clone, Default)]
pub struct Lower(LowerRepr);

#[derive(Clone)]
enum LowerRepr {
    Inline { len: u8, bytes: [u8; LOWER_INLINE] },
    Heap(Box<str>),
}

const LOWER_INLINE: usize = 22;

impl Default for LowerRepr {
    fn default() -> Self {
        LowerRepr::Inline {
            len: 0,
            bytes: [0; LOWER_INLINE],
        }
    }
}

impl Lower {
    /// `word` lowercased (as `str::to_lowercase`).
    pub fn of(word: &str) -> Lower {
        if word.len() <= LOWER_INLINE && word.is_ascii() {
            let mut bytes = [0; LOWER_INLINE];
            for (b, c) in bytes.iter_mut().zip(word.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            return Lower(LowerRepr::Inline {
                len: word.len() as u8,
                bytes,
            });
        }
        Lower::from(word.to_lowercase())
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerRepr::Inline { len, bytes } => {
                // Only ever filled from a whole `str` of `len` bytes.
                std::str::from_utf8(bytes.get(..usize::from(*len)).unwrap_or(&[])).unwrap_or("")
            }
            LowerRepr::Heap(s) => s,
        }
    }
}

impl From<String> for Lower {
    fn from(s: String) -> Lower {
        if s.len() <= LOWER_INLINE {
            let mut bytes = [0; LOWER_INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Lower(LowerRepr::Inline {
                len: s.len() as u8,
                bytes,
            })
        } else {
            Lower(LowerRepr::Heap(s.into_boxed_str()))
        }
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Lower {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower {}

impl PartialEq<str> for Lower {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: Kind,
    pub span: Span,
    /// The word lowercased (empty for punctuation and quotes).
    pub lower: Lower,
    /// The word starts with an uppercase letter.
    pub capital: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(q) => Some(q),
            _ => None,
        }
    }

    /// `. ! ?` — the end of a sentence.
    pub fn is_terminal(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?'))
    }

    pub fn is_dash(&self) -> bool {
        self.kind == Kind::Punct('—')
    }
}

/// A paragraph as tokens, with its sentences (token ranges).
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// Abbreviations that keep their period (the period does not end the sentence).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "jr", "sr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "cmdr",
    "adm", "rep", "reps", "sen", "gov", "prof", "rev", "fr", "no", "nos", "vs", "etc", "inc",
    "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "mt", "ft", "ave", "blvd", "dept", "est", "approx", "atty", "supt", "insp", "det", "cpl",
    "pvt", "gov't", "pres", "sens", "messrs", "hon",
];

fn is_abbreviation(word: &str) -> bool {
    // Initials ("K"), dotted abbreviations ("U.S", "a.m").
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        || word.contains('.')
        || if word.is_ascii() {
            ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        } else {
            ABBREVIATIONS.contains(&word.to_lowercase().as_str())
        }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{0301}' || c == '\u{0308}' || c == '\u{0303}'
}

/// Characters that join two word parts: O'Brien, council's, Delgado-Reyes, U.S, 3.5, 1,240.
fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&' | '/')
}

impl Tokens {
    /// Tokenizes every paragraph of the draft: words and punctuation of the prose, each
    /// outermost quote as one token.
    pub fn of_draft(draft: &Draft) -> Vec<Tokens> {
        let mut by_paragraph: Vec<Vec<usize>> = vec![Vec::new(); draft.paragraphs.len()];
        for (i, q) in draft.quotes.iter().enumerate() {
            if q.parent.is_none() {
                if let Some(list) = by_paragraph.get_mut(q.paragraph) {
                    list.push(i);
                }
            }
        }
        by_paragraph
            .into_iter()
            .zip(&draft.paragraphs)
            .map(|(mut quotes, para)| {
                quotes.sort_by_key(|&q| draft.quotes[q].span.start);
                Tokens::of_range(draft, para.span.clone(), &quotes)
            })
            .collect()
    }

    /// Tokenizes a span of the prose; each of `quotes` (in text order, inside the span) is
    /// one token.
    pub fn of_range(draft: &Draft, range: Span, quotes: &[usize]) -> Tokens {
        let prose = draft.prose.as_str();
        let mut tokens = Vec::new();
        let mut next_quote = 0;
        let mut i = range.start;
        let end = range.end.min(prose.len());
        if !prose.is_char_boundary(i) || !prose.is_char_boundary(end) {
            return Tokens::default();
        }
        while i < end {
            if let Some(&q) = quotes.get(next_quote) {
                let quote = &draft.quotes[q];
                if quote.span.start <= i {
                    next_quote += 1;
                    if quote.span.end > i {
                        tokens.push(Token {
                            kind: Kind::Quote(q),
                            span: quote.span.clone(),
                            lower: Lower::default(),
                            capital: false,
                        });
                        i = quote.span.end.max(i + 1);
                        while i < end && !prose.is_char_boundary(i) {
                            i += 1;
                        }
                    }
                    continue;
                }
            }
            let limit = quotes
                .get(next_quote)
                .map_or(end, |&q| draft.quotes[q].span.start.min(end));
            let Some(c) = prose.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            if word_char(c) {
                let start = i;
                let mut j = i + c.len_utf8();
                while let Some(n) = prose.get(j..limit).and_then(|s| s.chars().next()) {
                    if word_char(n) {
                        j += n.len_utf8();
                    } else if joiner(n) {
                        let after = j + n.len_utf8();
                        match prose.get(after..limit).and_then(|s| s.chars().next()) {
                            Some(m) if word_char(m) => j = after + m.len_utf8(),
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                // A trailing period belongs to an abbreviation or an initial.
                if prose.get(j..limit).is_some_and(|s| s.starts_with('.'))
                    && is_abbreviation(&prose[start..j])
                {
                    j += 1;
                }
                let text = &prose[start..j];
                tokens.push(Token {
                    kind: Kind::Word,
                    span: start..j,
                    lower: Lower::of(text),
                    capital: c.is_uppercase(),
                });
                i = j;
                continue;
            }
            let len = c.len_utf8();
            let punct = match c {
                ',' | ':' | ';' | '.' | '!' | '?' | '(' | ')' => Some(c),
                '—' | '–' | '―' => Some('—'),
                '-' if prose.get(i + 1..limit).is_some_and(|s| s.starts_with('-')) => {
                    tokens.push(Token {
                        kind: Kind::Punct('—'),
                        span: i..i + 2,
                        lower: Lower::default(),
                        capital: false,
                    });
                    i += 2;
                    continue;
                }
                '-' if prose.get(i + 1..limit).is_some_and(|s| s.starts_with(' ')) => Some('—'),
                _ => None,
            };
            if let Some(p) = punct {
                tokens.push(Token {
                    kind: Kind::Punct(p),
                    span: i..i + len,
                    lower: Lower::default(),
                    capital: false,
                });
            }
            i += len;
        }
        let sentences = split_sentences(draft, &tokens);
        Tokens { tokens, sentences }
    }

    /// The sentence (token range) holding token `t`.
    pub fn sentence_of(&self, t: usize) -> std::ops::Range<usize> {
        let i = self.sentences.partition_point(|s| s.end <= t);
        self.sentences
            .get(i)
            .filter(|s| s.contains(&t))
            .cloned()
            .unwrap_or(t..t + 1)
    }

    /// The token index of quote `q`.
    pub fn position_of_quote(&self, q: usize) -> Option<usize> {
        self.tokens.iter().position(|t| t.quote() == Some(q))
    }
}

/// The text of a quote between its marks ends a sentence (`."`, `?"`, `!"`).
pub fn quote_ends_sentence(draft: &Draft, q: usize) -> bool {
    let Some(quote) = draft.quotes.get(q) else {
        return false;
    };
    let inner = draft.prose.get(quote.inner.clone()).unwrap_or("");
    inner
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', '»', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// Cuts tokens into sentences: after `. ! ?`, and after a quote that ends in one of them
/// when what follows is a new sentence (a capital word that is not `Smith said`, or a quote).
fn split_sentences(draft: &Draft, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let boundary = if t.is_terminal() {
            true
        } else if let Some(q) = t.quote() {
            quote_ends_sentence(draft, q) && starts_new_sentence(tokens, i + 1)
        } else {
            false
        };
        if boundary {
            sentences.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

/// After a quote that ends with `.`, `?` or `!`: does token `i` begin a new sentence?
/// `"Why?" Smith asked.` does not; `"We won." The crowd cheered.` does.
fn starts_new_sentence(tokens: &[Token], i: usize) -> bool {
    let Some(next) = tokens.get(i) else {
        return false;
    };
    match next.kind {
        Kind::Quote(_) => true,
        Kind::Word if next.capital => {
            // A cue within the next few words attributes the quote before it.
            !tokens[i..]
                .iter()
                .take(6)
                .take_while(|t| t.is_word())
                .any(|t| super::cues::lookup(&t.lower).is_some())
        }
        _ => false,
    }
}
