//! Words as the copy desk compares them: case, punctuation, curly versus straight marks and
//! whitespace do not count. The draft's quotes and the sources are cut into words by the
//! same function, so a quote and its passage agree on where each word starts and ends.

use crate::draft::Span;

/// One word of a text: its normalized form (lower case, straight apostrophe, no
/// punctuation around it) and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub norm: String,
    pub span: Span,
}

/// What a quote is made of, for the comparison: words to find, and the marks of the
/// editing the copy desk allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Word(Word),
    /// An ellipsis: words left out, any number.
    Gap,
    /// `[words]` the writer put in (for a pronoun, a name, a tense): they stand for a few
    /// source words, or none.
    Inserted(Span),
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// A character that joins two word characters into one word: an apostrophe (`won't`) and,
/// between digits, a decimal point or thousands separator (`3.5`, `1,000`).
fn joins(prev: char, c: char, next: char) -> bool {
    (is_apostrophe(c) && prev.is_alphanumeric() && next.is_alphanumeric())
        || (matches!(c, '.' | ',') && prev.is_ascii_digit() && next.is_ascii_digit())
}

fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push('\'');
        } else if c == ',' {
            // `1,000` is `1000`.
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The words of `text[range]`, with spans into `text`. Hyphens and dashes separate words,
/// so `long-term` is `long term`.
pub fn words_in(text: &str, range: Span, out: &mut Vec<Word>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let mut chars = slice.char_indices().peekable();
    let mut start: Option<usize> = None;
    let mut prev = ' ';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let inside = c.is_alphanumeric() || (start.is_some() && joins(prev, c, next));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(text, range.start + s..range.start + i, out);
                start = None;
            }
            _ => {}
        }
        prev = c;
    }
    if let Some(s) = start {
        push(text, range.start + s..range.end, out);
    }
}

fn push(text: &str, span: Span, out: &mut Vec<Word>) {
    out.push(Word {
        norm: normalize(&text[span.clone()]),
        span,
    });
}

/// The tokens of a quote's inner text `text[range]`: words, ellipses (`…`, `...`, `. . .`)
/// and bracketed insertions.
pub fn quote_tokens(text: &str, range: Span) -> Vec<Token> {
    let mut tokens = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return tokens;
    };
    let bytes = slice.as_bytes();
    let mut plain_from = 0;
    let mut i = 0;
    let flush = |from: usize, to: usize, tokens: &mut Vec<Token>| {
        let mut words = Vec::new();
        words_in(text, range.start + from..range.start + to, &mut words);
        tokens.extend(words.into_iter().map(Token::Word));
    };
    while i < bytes.len() {
        let rest = &slice[i..];
        let gap_len = if rest.starts_with('…') {
            '…'.len_utf8()
        } else if rest.starts_with("...") {
            3
        } else if rest.starts_with(". . .") {
            5
        } else {
            0
        };
        if gap_len > 0 {
            flush(plain_from, i, &mut tokens);
            if tokens.last() != Some(&Token::Gap) {
                tokens.push(Token::Gap);
            }
            i += gap_len;
            // A fourth period ends the sentence before the gap.
            while slice[i..].starts_with('.') {
                i += 1;
            }
            plain_from = i;
            continue;
        }
        if bytes[i] == b'[' {
            if let Some(close) = slice[i..].find(']') {
                flush(plain_from, i, &mut tokens);
                let inner = slice[i + 1..i + close].trim();
                if matches!(inner, "…" | "..." | ". . .") {
                    // `[…]`: an ellipsis in brackets, words left out.
                    if tokens.last() != Some(&Token::Gap) {
                        tokens.push(Token::Gap);
                    }
                } else {
                    tokens.push(Token::Inserted(
                        range.start + i..range.start + i + close + 1,
                    ));
                }
                i += close + 1;
                plain_from = i;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    flush(plain_from, bytes.len(), &mut tokens);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        words_in(text, 0..text.len(), &mut out);
        out.into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn case_punctuation_and_curly_marks_do_not_count() {
        assert_eq!(norms("We Won’t, go!"), ["we", "won't", "go"]);
        assert_eq!(norms("we won't go"), ["we", "won't", "go"]);
        assert_eq!(
            norms("'Rising' costs: 3.5 per cent, $1,000"),
            ["rising", "costs", "3.5", "per", "cent", "1000"]
        );
        assert_eq!(norms("long-term — plans"), ["long", "term", "plans"]);
        assert_eq!(norms("Ça va, Zoë"), ["ça", "va", "zoë"]);
    }

    #[test]
    fn ellipses_and_brackets_are_marks_not_words() {
        let text = "We will [rebuild] the bridge … and. . . pay... for [...] it.";
        let tokens = quote_tokens(text, 0..text.len());
        let shape: Vec<String> = tokens
            .iter()
            .map(|t| match t {
                Token::Word(w) => w.norm.clone(),
                Token::Gap => "…".to_string(),
                Token::Inserted(s) => text[s.clone()].to_string(),
            })
            .collect();
        assert_eq!(
            shape,
            [
                "we",
                "will",
                "[rebuild]",
                "the",
                "bridge",
                "…",
                "and",
                "…",
                "pay",
                "…",
                "for",
                "…",
                "it"
            ]
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "[",
            "]",
            "...",
            "…",
            "[unclosed words",
            "'",
            "’’’",
            "a.b",
            "1,",
            ",1",
        ] {
            quote_tokens(text, 0..text.len());
            quote_tokens(text, 0..text.len() + 5);
        }
    }
}
