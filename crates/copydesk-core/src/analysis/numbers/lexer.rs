//! Splits prose into the tokens the number rules look at: digit runs (with thousands
//! separators and decimals), words, and single punctuation characters. Whitespace is not a
//! token; each token records whether it touches the previous one, which is what tells
//! "67-year-old" from "67 - year", "$4" from "$ 4" and "13th" from "13 th".

use crate::draft::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Digits, with `,` thousands groups and one `.` decimal part: `1,240`, `3.1`, `0142`.
    Num,
    /// Letters, with inner apostrophes: `households`, `city's`, `O'Brien`.
    Word,
    /// Any other single character that is not whitespace: `$`, `%`, `-`, `,`, `“`.
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub span: Span,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// A line break separates this token from the previous one.
    pub line_start: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokens of `text[range]`, with spans into `text`. Linear in the length of the range;
/// ASCII is read byte by byte, without decoding.
pub fn tokens(text: &str, range: Span) -> Vec<Token> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let base = range.start;
    let bytes = slice.as_bytes();
    let char_at = |i: usize| crate::analysis::chars::char_at(slice, i);
    let mut out = Vec::with_capacity(slice.len() / 5 + 4);
    let mut glued = false;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let Some(c) = char_at(i) else {
            i += 1; // not a char boundary: cannot happen in a str, but never loop
            continue;
        };
        if c.is_whitespace() {
            glued = false;
            if c == '\n' {
                line_start = true;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            while end < bytes.len() {
                let b = bytes[end];
                if b.is_ascii_digit() {
                    end += 1;
                } else if b == b',' && digits_at(bytes, end + 1) == 3 && !is_digit(bytes, end + 4) {
                    end += 4;
                } else if b == b'.' && is_digit(bytes, end + 1) && !slice[start..end].contains('.')
                {
                    end += 1;
                } else {
                    break;
                }
            }
            Kind::Num
        } else if c.is_alphabetic() {
            loop {
                while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    end += 1;
                }
                let Some(d) = char_at(end) else { break };
                let next = end + d.len_utf8();
                if d.is_alphabetic()
                    || is_combining(d)
                    || is_apostrophe(d) && char_at(next).is_some_and(char::is_alphabetic)
                {
                    end = next;
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            Kind::Punct
        };
        out.push(Token {
            kind,
            span: base + start..base + end,
            glued,
            line_start,
        });
        glued = true;
        line_start = false;
        i = end;
    }
    out
}

/// Combining diacritical marks stay with their letter ("e\u{301}").
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F)
}

fn is_digit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

fn digits_at(bytes: &[u8], i: usize) -> usize {
    bytes
        .get(i..)
        .map_or(0, |s| s.iter().take_while(|b| b.is_ascii_digit()).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(String, bool)> {
        tokens(s, 0..s.len())
            .into_iter()
            .map(|t| (s[t.span].to_string(), t.glued))
            .collect()
    }

    #[test]
    fn numbers_keep_separators_and_decimals() {
        let t = texts("1,240 patients, 3.1 days and $48.2 million; 2019.");
        let words: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            words,
            [
                "1,240", "patients", ",", "3.1", "days", "and", "$", "48.2", "million", ";",
                "2019", "."
            ]
        );
        assert!(t[7].1, "48.2 touches the dollar sign");
    }

    #[test]
    fn a_comma_list_is_not_a_thousands_separator() {
        let t = texts("5,6 and 1,2345");
        let words: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(words, ["5", ",", "6", "and", "1", ",", "2345"]);
    }

    #[test]
    fn hyphens_and_apostrophes() {
        let t = texts("a 67-year-old man's city’s");
        let words: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            words,
            ["a", "67", "-", "year", "-", "old", "man's", "city’s"]
        );
    }

    #[test]
    fn any_text_is_safe() {
        for s in [
            "Кийв 12 км",
            "٣ آلاف",
            "e\u{301}t\u{e9} 5",
            "🎉3,0",
            "\r\n1.\r\n",
            "1,",
            "1.",
        ] {
            for t in tokens(s, 0..s.len()) {
                assert!(s.get(t.span.clone()).is_some(), "{s:?} {t:?}");
            }
        }
    }
}
