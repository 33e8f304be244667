//! A view of one sentence's tokens with bounds-checked lookups, so the rules can ask
//! "what is two words back?" without ever stepping outside the sentence or panicking.

use super::lexer::{Kind, Token};

pub(crate) struct Sent<'a> {
    pub prose: &'a str,
    pub toks: &'a [Token],
    /// Token bounds of the sentence: `lo..hi`.
    pub lo: usize,
    pub hi: usize,
}

impl<'a> Sent<'a> {
    pub(crate) fn tok(&self, i: usize) -> Option<&'a Token> {
        (self.lo..self.hi).contains(&i).then(|| &self.toks[i])
    }

    /// The text of token `i`, or "" outside the sentence.
    pub fn text(&self, i: usize) -> &'a str {
        self.tok(i)
            .and_then(|t| self.prose.get(t.span.clone()))
            .unwrap_or("")
    }

    /// The token `n` places before `i`, when it is in the sentence.
    pub fn back(&self, i: usize, n: usize) -> Option<usize> {
        i.checked_sub(n).filter(|&j| j >= self.lo && j < self.hi)
    }

    /// Text `n` tokens before `i`, or "".
    pub(crate) fn text_back(&self, i: usize, n: usize) -> &'a str {
        self.back(i, n).map_or("", |j| self.text(j))
    }

    /// Text `n` tokens before `i`, looking past the sentence's start (for a date whose month
    /// abbreviation was taken for a sentence end: "Oct. | 31").
    pub(crate) fn text_back_across(&self, i: usize, n: usize) -> &'a str {
        i.checked_sub(n)
            .and_then(|j| self.toks.get(j))
            .and_then(|t| self.prose.get(t.span.clone()))
            .unwrap_or("")
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        self.text(i).eq_ignore_ascii_case(word)
    }

    pub(crate) fn is_back(&self, i: usize, n: usize, word: &str) -> bool {
        self.back(i, n).is_some_and(|j| self.is(j, word))
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.tok(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    pub(crate) fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    pub(crate) fn is_punct(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct)
    }

    /// Token `i` touches the token before it.
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    pub fn capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` opens the sentence (possibly after an opening quote, bracket or dash).
    pub(crate) fn opens_sentence(&self, i: usize) -> bool {
        let mut k = i;
        while let Some(p) = self.back(k, 1) {
            let t = self.text(p);
            if self.is_punct(p)
                && matches!(
                    t,
                    "\"" | "“"
                        | "‘"
                        | "'"
                        | "("
                        | "["
                        | "—"
                        | "–"
                        | ":"
                        | "*"
                        | "#"
                        | "_"
                        | ">"
                        | "«"
                        | "„"
                        | "-"
                )
            {
                k = p;
            } else {
                return false;
            }
        }
        true
    }

    pub fn span_of(&self, first: usize, last: usize) -> crate::draft::Span {
        match (self.tok(first), self.tok(last)) {
            (Some(a), Some(b)) if a.span.start <= b.span.end => a.span.start..b.span.end,
            (Some(a), _) => a.span.clone(),
            _ => 0..0,
        }
    }
}
