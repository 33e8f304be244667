//! Words of the prose, with what the extractor needs to know about each: capitalized,
//! all capitals, possessive, and whether it stands where any word would be capitalized
//! (a sentence's or quotation's first word, a heading).

use crate::draft::{Draft, Span};

/// Abbreviations whose period belongs to the word, not to the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "sen", "rep", "gov", "gen", "lt", "col", "capt",
    "cpt", "sgt", "cmdr", "adm", "maj", "cpl", "pvt", "insp", "det", "supt", "fr", "jr", "sr",
    "st", "mt", "ft", "inc", "corp", "co", "ltd", "dept", "no", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "rd", "etc", "approx", "est", "univ",
    "assn", "bros",
];

/// Arabic article prefixes that stand before a capitalized name (al-Nusra, el-Sisi).
const NAME_PREFIXES: &[&str] = &["al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ul"];

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub span: Span,
    /// The word as written, without a possessive `'s`.
    pub text: &'a str,
    pub word: bool,
    /// A name-like capital: `Kyiv`, `O'Brien`, `al-Nusra` (not `US-led`).
    pub cap: bool,
    /// Every letter a capital (`FBI`, `KYIV`).
    pub all_caps: bool,
    /// The word carried a possessive `'s` (or a bare `'` after an s).
    pub possessive: bool,
    /// Capitalized by position (a sentence's or quotation's first word, or in a heading):
    /// its capital is no evidence of a name.
    pub weak: bool,
    low: std::borrow::Cow<'a, str>,
    pub paragraph: usize,
    /// The index of the sentence (counted by the extractor's own boundaries).
    pub sentence: usize,
}

impl Token<'_> {
    /// The word in lowercase (borrowed when it has no capitals).
    pub fn lower(&self) -> &str {
        &self.low
    }
    /// True for punctuation `c`.
    pub fn is(&self, c: &str) -> bool {
        !self.word && self.text == c
    }
}

fn is_open_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "“" | "‘" | "«" | "„" | "‚" | "(" | "[" | "'" | "*" | "_"
    )
}

/// All tokens of the draft's prose, paragraph by paragraph.
pub fn tokenize(draft: &Draft) -> Vec<Token<'_>> {
    let prose = draft.prose.as_str();
    let mut out = Vec::with_capacity(prose.len() / 5);
    let mut sentence = 0usize;
    let mut opening: Vec<usize> = draft.quotes.iter().map(|q| q.open_mark.start).collect();
    opening.sort_unstable();
    for (p, para) in draft.paragraphs.iter().enumerate() {
        let Some(text) = prose.get(para.span.clone()) else {
            continue;
        };
        let base = para.span.start;
        // Start of the paragraph: the next word stands where any word is capitalized.
        let mut at_start = true;
        sentence += 1;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    let next_alnum = || {
                        text.get(j + d.len_utf8()..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(|n| n.is_alphanumeric())
                    };
                    let joins = d.is_alphanumeric()
                        || (!d.is_ascii() && unicode_normalization::char::is_combining_mark(d))
                        || (matches!(d, '-' | '\'' | '’') && next_alnum())
                        || (d == '.' && next_alnum() && is_dotted(&text[i..j]));
                    if !joins {
                        break;
                    }
                    chars.next();
                    end = j + d.len_utf8();
                }
                let mut word = &text[i..end];
                // A period that belongs to the word: abbreviations, initials, dotted acronyms.
                let mut abbrev = false;
                if text.get(end..end + 1) == Some(".") {
                    let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
                    if initial || is_abbreviation(word) || word.contains('.') {
                        chars.next();
                        end += 1;
                        word = &text[i..end];
                        abbrev = true;
                    }
                }
                let mut possessive = false;
                for suffix in ["'s", "’s"] {
                    if let Some(w) = word.strip_suffix(suffix) {
                        if !w.is_empty() {
                            word = w;
                            possessive = true;
                        }
                    }
                }
                if !possessive
                    && word.ends_with('s')
                    && matches!(
                        text.get(end..).and_then(|r| r.chars().next()),
                        Some('\'' | '’')
                    )
                {
                    // Plural possessive ("militants’"): the mark is not a quote.
                    possessive = true;
                }
                let first = word.chars().next().unwrap_or(' ');
                let hyphen = word.contains('-');
                let prefixed_cap = hyphen
                    && word.split_once('-').is_some_and(|(pre, rest)| {
                        NAME_PREFIXES.contains(&pre) && rest.starts_with(char::is_uppercase)
                    });
                let lowercase_tail = hyphen
                    && word
                        .rsplit('-')
                        .next()
                        .is_some_and(|t| t.starts_with(char::is_lowercase));
                let upper_first = first.is_uppercase();
                let cap = (upper_first && !lowercase_tail) || prefixed_cap;
                let all_caps = upper_first
                    && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && word
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                out.push(Token {
                    span: base + i..base + i + word.len(),
                    text: word,
                    word: true,
                    cap,
                    all_caps,
                    possessive,
                    weak: at_start || para.heading,
                    low: if upper_first
                        || (!word.is_ascii() || word.bytes().any(|b| b.is_ascii_uppercase()))
                            && word.chars().any(char::is_uppercase)
                    {
                        std::borrow::Cow::Owned(word.to_lowercase())
                    } else {
                        std::borrow::Cow::Borrowed(word)
                    },
                    paragraph: p,
                    sentence,
                });
                at_start = false;
                // Abbreviations and initials keep the sentence going; other words ending a
                // sentence are followed by punctuation tokens handled below.
                let _ = abbrev;
                continue;
            }
            let s = &text[i..i + c.len_utf8()];
            out.push(Token {
                span: base + i..base + i + c.len_utf8(),
                text: s,
                word: false,
                cap: false,
                all_caps: false,
                possessive: false,
                weak: false,
                low: std::borrow::Cow::Borrowed(s),
                paragraph: p,
                sentence,
            });
            match c {
                '.' | '!' | '?' => {
                    at_start = true;
                    sentence += 1;
                }
                ':' | '—' | '–' => at_start = true,
                // A quotation's first word is capitalized by position.
                _ if (!c.is_ascii_punctuation() || c == '"' || c == '\'')
                    && (opening.binary_search(&(base + i)).is_ok()
                        || (is_open_quote(s)
                            && !is_quote_mark(s)
                            && (out.len() < 2 || !out[out.len() - 2].word))) =>
                {
                    at_start = true
                }
                _ if is_open_quote(s)
                    && !is_quote_mark(s)
                    && (out.len() < 2 || !out[out.len() - 2].word) =>
                {
                    at_start = true
                }
                _ => {}
            }
        }
    }
    out
}

/// One of [`ABBREVIATIONS`], in any case. The list is ASCII without a `k`, so an ASCII
/// case-insensitive match is the same as comparing the lowercased word (the Kelvin sign is
/// the only non-ASCII letter that lowercases to ASCII).
fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_quote_mark(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "«" | "„" | "‚" | "'")
}

/// "U", "U.S", "H.W": single letters joined by periods.
fn is_dotted(word: &str) -> bool {
    word.split('.').all(|part| part.chars().count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Format;

    fn words(text: &str) -> Vec<(String, bool, bool, bool)> {
        let draft = Draft::parse(text, Format::Plain);
        tokenize(&draft)
            .into_iter()
            .filter(|t| t.word)
            .map(|t| (t.text.to_string(), t.cap, t.possessive, t.weak))
            .collect()
    }

    #[test]
    fn names_initials_possessives_and_positions() {
        let w = words("Headline\n\nThe U.S. lawyer, Samuel K. Whitfield Jr., met O'Brien's aide. \"Yes,\" al-Nusra said in the US-led camp.");
        let find = |s: &str| w.iter().find(|x| x.0 == s).unwrap().clone();
        assert!(find("The").3, "sentence start is weak");
        assert!(!find("U.S.").3 && find("U.S.").1);
        assert!(find("K.").1 && !find("Whitfield").3);
        assert_eq!(find("Jr.").0, "Jr.");
        assert!(find("O'Brien").2, "possessive stripped");
        assert!(find("Yes").3, "quotation start is weak");
        assert!(find("al-Nusra").1);
        assert!(!find("US-led").1);
        assert!(find("Headline").3, "headings are weak");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "",
            "'",
            "é.",
            "Ж.Ж. «Мир»",
            "a\u{301}.b",
            "\u{0}\u{ffff}",
            "🙂 X's'",
        ] {
            let _ = words(t);
        }
    }
}
