//! A small tokenizer for date expressions: words, numbers and single punctuation marks, each
//! with its byte span in the draft. Adjacency (no space between two tokens) is what tells
//! "2024-10-31" from "2024 - 10" and "24/7" from a date.

use crate::draft::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The value of a plain run of digits ("13", "13th", "2024"); `None` for "1,240", "3.5",
    /// "10am".
    pub value: Option<u32>,
    /// How many digits a plain number has ("07" has 2).
    pub digits: u8,
    /// "13th", "1st".
    pub ordinal: bool,
}

impl Token<'_> {
    pub fn span(&self) -> Span {
        self.start..self.end
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// A word equal to `w`, ignoring ASCII case.
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(w)
    }

    pub(crate) fn is_any_word(&self, words: &[&str]) -> bool {
        self.kind == Kind::Word && words.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }

    pub(crate) fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// A plain number with `digits` digits (any value).
    pub fn number(&self, digits: std::ops::RangeInclusive<u8>) -> Option<u32> {
        if self.kind == Kind::Number && digits.contains(&self.digits) {
            self.value
        } else {
            None
        }
    }

    /// A day of the month as written after or before a month name: 1–31, one or two digits,
    /// "13" or "13th".
    pub fn day(&self) -> Option<u32> {
        self.number(1..=2).filter(|d| (1..=31).contains(d))
    }

    /// A year: four digits, not an ordinal.
    pub fn year(&self) -> Option<i32> {
        if self.ordinal {
            return None;
        }
        self.number(4..=4)
            .filter(|y| (1000..=2999).contains(y))
            .map(|y| y as i32)
    }
}

/// Whether `b` starts right where `a` ends.
pub(crate) fn adjacent(a: &Token, b: &Token) -> bool {
    a.end == b.start
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !c.is_whitespace()
        && !matches!(
            c,
            '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '—' | '–' | '‑' | '…' | '\u{2032}'
        )
        && (c.is_alphabetic() || !c.is_numeric())
}

/// Appends the tokens of `text` (which starts at byte `base` of the draft) to `out`.
pub(crate) fn tokenize<'a>(text: &'a str, base: usize, out: &mut Vec<Token<'a>>) {
    let bytes = text.as_bytes();
    let char_at = |i: usize| crate::analysis::chars::char_at(text, i);
    let mut pos = 0;
    while pos < bytes.len() {
        let start = pos;
        // Spaces and line breaks between tokens, without decoding.
        if matches!(bytes[pos], b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c) {
            pos += 1;
            continue;
        }
        let Some(c) = char_at(pos) else {
            pos += 1; // not a char boundary: cannot happen in a str, but never loop
            continue;
        };
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind;
        let mut value = None;
        let mut digits = 0u8;
        let mut ordinal = false;
        if c.is_ascii_digit() {
            kind = Kind::Number;
            let mut plain = true;
            loop {
                match char_at(end) {
                    Some(d) if d.is_ascii_digit() => end += 1,
                    Some(',' | '.') if char_at(end + 1).is_some_and(|d| d.is_ascii_digit()) => {
                        plain = false;
                        end += 2;
                    }
                    _ => break,
                }
            }
            let number = &text[start..end];
            let mut letters = end;
            while let Some(l) = char_at(letters).filter(|l| l.is_alphabetic()) {
                letters += l.len_utf8();
            }
            if letters > end {
                let suffix = &text[end..letters];
                if plain
                    && ["st", "nd", "rd", "th"]
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(suffix))
                {
                    ordinal = true;
                } else {
                    plain = false;
                }
                end = letters;
            }
            if plain && number.len() <= 9 {
                value = number.parse().ok();
                digits = number.len() as u8;
            }
        } else if is_word_char(c) {
            kind = Kind::Word;
            loop {
                // Most words are ASCII letters through: skip those without decoding.
                while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    end += 1;
                }
                match char_at(end) {
                    Some(w) if is_word_char(w) => end += w.len_utf8(),
                    // "don't", "Sunday's", "twenty-four", "mid-March".
                    Some(j @ ('\'' | '’' | '-'))
                        if char_at(end + j.len_utf8()).is_some_and(char::is_alphabetic) =>
                    {
                        end += j.len_utf8();
                    }
                    // Initialisms: "U.S", "a.m" (the final dot stays a mark of its own).
                    Some('.')
                        if char_at(end + 1).is_some_and(char::is_alphabetic)
                            && (end < start + 2
                                || bytes.get(end - 2).is_some_and(|b| *b == b'.')) =>
                    {
                        end += 1;
                    }
                    _ => break,
                }
            }
        } else {
            kind = Kind::Punct;
        }
        pos = end;
        out.push(Token {
            kind,
            text: &text[start..end],
            start: base + start,
            end: base + end,
            value,
            digits,
            ordinal,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(s, 0, &mut out);
        out.iter().map(|t| t.text.to_string()).collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        assert_eq!(
            texts("Oct. 13, 2016 — Sunday's U.S. vote at 10 a.m."),
            [
                "Oct", ".", "13", ",", "2016", "—", "Sunday's", "U.S", ".", "vote", "at", "10",
                "a.m", "."
            ]
        );
        assert_eq!(texts("2024-10-31"), ["2024", "-", "10", "-", "31"]);
        assert_eq!(texts("1,240 and 3.5"), ["1,240", "and", "3.5"]);
        assert_eq!(texts("the 13th, 10am"), ["the", "13th", ",", "10am"]);
        assert_eq!(texts("twenty-four mid-March"), ["twenty-four", "mid-March"]);
    }

    #[test]
    fn values_and_offsets() {
        let mut out = Vec::new();
        tokenize("é 13th 1,240 07", 100, &mut out);
        assert_eq!(out[0].start, 100);
        assert_eq!(out[1].value, Some(13));
        assert!(out[1].ordinal);
        assert_eq!(out[1].start, 103);
        assert_eq!(out[2].value, None);
        assert_eq!(out[3].digits, 2);
        assert_eq!(out[3].value, Some(7));
    }

    #[test]
    fn never_panics_on_odd_text() {
        let mut out = Vec::new();
        tokenize("٣ 𝟙𝟚 e\u{301}x 1, 2. ’’ '-' -a \u{0}\u{FFFD}", 0, &mut out);
        assert!(!out.is_empty());
    }
}
