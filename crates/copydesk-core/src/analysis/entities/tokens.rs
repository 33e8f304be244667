//! Words of the prose, with what the extractor needs to know about each: capitalized,
//! all capitals, possessive, and whether it stands where any word would be capitalized
//! (a sentence's or quotation's first word, a heading).

use super::lexicon::{self, Flags};
use crate::analysis::chars::char_at;
use crate::draft::Span;

/// Abbreviations whose period belongs to the word, not to the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "sen", "sens", "rep", "reps", "gov", "gen", "lt",
    "col", "capt", "cpt", "sgt", "cmdr", "adm", "maj", "cpl", "pvt", "insp", "det", "supt", "fr",
    "jr", "sr", "st", "mt", "ft", "inc", "corp", "co", "ltd", "dept", "no", "vs", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "rd", "etc", "approx",
    "est", "univ", "assn", "bros",
];

/// Arabic article prefixes that stand before a capitalized name (al-Nusra, el-Sisi).
const NAME_PREFIXES: &[&str] = &["al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ul"];

/// One word or punctuation mark of a paragraph. Small and `Copy`: it borrows its text from
/// the paragraph's prose and its lowercase form from the paragraph's lowercase copy.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    /// Byte offsets relative to the paragraph's start.
    pub start: usize,
    pub end: usize,
    /// The word as written, without a possessive `'s`.
    pub text: &'a str,
    low: &'a str,
    /// The word lists it belongs to ([`lexicon::Flags`]).
    pub flags: Flags,
    /// The index of the sentence within the paragraph (counted by the extractor's own
    /// boundaries).
    pub sentence: u32,
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
}

impl<'a> Token<'a> {
    /// The word in lowercase.
    #[inline]
    pub fn lower(&self) -> &'a str {
        self.low
    }
    /// True for punctuation `c`.
    #[inline]
    pub fn is(&self, c: &str) -> bool {
        !self.word && self.text == c
    }
    /// In the word list `flag` (case aside).
    #[inline]
    pub fn has(&self, flag: Flags) -> bool {
        self.flags & flag != 0
    }
    pub fn span(&self) -> Span {
        self.start..self.end
    }
}

/// Marks the words that are configured speech verbs (`extra`, sorted, from
/// [`crate::analysis::speech_verbs::extra_forms`]) as speech verbs.
pub(crate) fn flag_extra_speech_verbs(toks: &mut [Token<'_>], extra: &[String]) {
    if extra.is_empty() {
        return;
    }
    for t in toks.iter_mut().filter(|t| t.word) {
        if extra.binary_search_by(|v| v.as_str().cmp(t.low)).is_ok() {
            t.flags |= lexicon::SPEECH_VERB;
        }
    }
}

fn is_open_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "“" | "‘" | "«" | "„" | "‚" | "(" | "[" | "'" | "*" | "_"
    )
}

/// The tokens of one paragraph's prose `text` (spans relative to it). `openings` are the
/// offsets of the quotation marks that open quotes in it, sorted; `heading` makes every word
/// weak. `lower` receives the paragraph's lowercase copy, which the tokens borrow.
pub(crate) fn tokenize<'a>(
    text: &'a str,
    heading: bool,
    openings: &[usize],
    lower: &'a mut String,
) -> Vec<Token<'a>> {
    // ASCII-lowercased in place: ASCII words read their lowercase form at their own offsets;
    // non-ASCII words with capitals get theirs appended after the copy.
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    // Where each token's lowercase form is in `lower`, until the copy is complete.
    let mut lows: Vec<(usize, usize)> = Vec::with_capacity(text.len() / 4);
    let mut out: Vec<Token<'a>> = Vec::with_capacity(text.len() / 4);
    let mut sentence = 0u32;
    // Start of the paragraph: the next word stands where any word is capitalized.
    let mut at_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII, most of the prose, is read without decoding.
        let c = if b.is_ascii() {
            if matches!(b, b'\t'..=b'\r' | b' ') {
                i += 1;
                continue;
            }
            char::from(b)
        } else {
            let Some(c) = char_at(text, i) else {
                break;
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            c
        };
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            // Whether the word holds a hyphen, and only ASCII, as it is read.
            let mut hyphen = false;
            let mut ascii = c.is_ascii();
            loop {
                // Runs of ASCII letters and digits, most of every word, byte by byte.
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let Some(&next) = bytes.get(end) else {
                    break;
                };
                // Any other ASCII character but these three ends the word.
                if next.is_ascii() && !matches!(next, b'-' | b'\'' | b'.') {
                    break;
                }
                let Some(d) = char_at(text, end) else {
                    break;
                };
                let after = end + d.len_utf8();
                let next_alnum = || char_at(text, after).is_some_and(char::is_alphanumeric);
                let joins = d.is_alphanumeric()
                    || (!d.is_ascii() && unicode_normalization::char::is_combining_mark(d))
                    || (matches!(d, '-' | '\'' | '’') && next_alnum())
                    || (d == '.' && next_alnum() && is_dotted(&text[i..end]));
                if !joins {
                    break;
                }
                hyphen |= d == '-';
                ascii &= d.is_ascii();
                end = after;
            }
            let mut word = &text[i..end];
            // A period that belongs to the word: abbreviations, initials, dotted acronyms.
            if bytes.get(end) == Some(&b'.') {
                let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
                if initial || is_abbreviation(word) || has_byte(word, b'.') {
                    end += 1;
                    word = &text[i..end];
                }
            }
            let mut possessive = false;
            // Both possessive endings end in `s`.
            if word.ends_with('s') {
                for suffix in ["'s", "’s"] {
                    if let Some(w) = word.strip_suffix(suffix) {
                        if !w.is_empty() {
                            word = w;
                            possessive = true;
                        }
                    }
                }
            }
            if !possessive && word.ends_with('s') && matches!(char_at(text, end), Some('\'' | '’'))
            {
                // Plural possessive ("militants’"): the mark is not a quote.
                possessive = true;
            }
            let upper_first = c.is_uppercase();
            let prefixed_cap = hyphen
                && word.split_once('-').is_some_and(|(pre, rest)| {
                    NAME_PREFIXES.contains(&pre) && rest.starts_with(char::is_uppercase)
                });
            let lowercase_tail = hyphen
                && word
                    .rsplit('-')
                    .next()
                    .is_some_and(|t| t.starts_with(char::is_lowercase));
            let cap = (upper_first && !lowercase_tail) || prefixed_cap;
            let all_caps = upper_first && {
                let mut letters = word.chars().filter(|c| c.is_alphabetic());
                let mut n = 0;
                letters.all(|c| {
                    n += 1;
                    c.is_uppercase()
                }) && n >= 2
            };
            // (A word read as non-ASCII may have lost its only non-ASCII character with
            // a `’s`.)
            let low = if !ascii && !word.is_ascii() && word.chars().any(char::is_uppercase) {
                let at = lower.len();
                lower.push_str(&word.to_lowercase());
                (at, lower.len())
            } else {
                (i, i + word.len())
            };
            lows.push(low);
            out.push(Token {
                start: i,
                end: i + word.len(),
                text: word,
                low: "",
                flags: 0,
                sentence,
                word: true,
                cap,
                all_caps,
                possessive,
                weak: at_start || heading,
            });
            at_start = false;
            i = end;
            continue;
        }
        let len = c.len_utf8();
        let s = &text[i..i + len];
        lows.push((i, i + len));
        out.push(Token {
            start: i,
            end: i + len,
            text: s,
            low: "",
            flags: 0,
            sentence,
            word: false,
            cap: false,
            all_caps: false,
            possessive: false,
            weak: false,
        });
        match c {
            '.' | '!' | '?' => {
                at_start = true;
                sentence += 1;
            }
            ':' | '—' | '–' => at_start = true,
            // A quotation's first word is capitalized by position.
            _ if (!c.is_ascii_punctuation() || c == '"' || c == '\'')
                && (openings.binary_search(&i).is_ok()
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
        i += len;
    }
    let lower: &'a String = lower;
    for (t, &(a, b)) in out.iter_mut().zip(&lows) {
        t.low = lower.get(a..b).unwrap_or(t.text);
        if t.word {
            t.flags = lexicon::token_flags(t.low);
        }
    }
    out
}

/// True when `word` holds the ASCII byte `b` (words are short: a plain loop beats a search).
#[inline]
fn has_byte(word: &str, b: u8) -> bool {
    word.bytes().any(|x| x == b)
}

/// The offsets (relative to paragraph `p`) of the marks that open the quotes in it, sorted.
pub(crate) fn openings(draft: &crate::draft::Draft, p: usize) -> Vec<usize> {
    let Some(para) = draft.paragraphs.get(p) else {
        return Vec::new();
    };
    let quotes = draft.quotes.get(draft.quotes_in(&para.span)).unwrap_or(&[]);
    let mut out: Vec<usize> = quotes
        .iter()
        .filter_map(|q| q.open_mark.start.checked_sub(para.span.start))
        .collect();
    out.sort_unstable();
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
    use crate::draft::{Draft, Format};

    fn words(text: &str) -> Vec<(String, bool, bool, bool)> {
        let draft = Draft::parse(text, Format::Plain);
        let mut out = Vec::new();
        for (p, para) in draft.paragraphs.iter().enumerate() {
            let mut lower = String::new();
            let prose = &draft.prose[para.span.clone()];
            let openings = openings(&draft, p);
            out.extend(
                tokenize(prose, para.heading, &openings, &mut lower)
                    .into_iter()
                    .filter(|t| t.word)
                    .map(|t| (t.text.to_string(), t.cap, t.possessive, t.weak)),
            );
        }
        out
    }

    #[test]
    fn lowercase_forms_and_word_lists() {
        let draft = Draft::parse(
            "Headline\n\nThe ÉLYSÉE spokesman, Mr. Ünal, said.",
            Format::Plain,
        );
        let para = &draft.paragraphs[1];
        let mut lower = String::new();
        let toks = tokenize(&draft.prose[para.span.clone()], false, &[], &mut lower);
        let low: Vec<&str> = toks.iter().map(|t| t.lower()).collect();
        assert_eq!(
            low,
            [
                "the",
                "élysée",
                "spokesman",
                ",",
                "mr.",
                "ünal",
                ",",
                "said",
                "."
            ]
        );
        assert!(toks[0].has(lexicon::FUNCTION) && toks[4].has(lexicon::TITLE));
        assert!(toks[7].has(lexicon::SPEECH_VERB) && !toks[5].has(lexicon::TITLE));
        assert_eq!(
            &draft.prose[para.span.start + toks[5].start..para.span.start + toks[5].end],
            "Ünal"
        );
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
    fn whitespace_of_every_kind_and_possessives_with_curly_marks() {
        let text = "Bob’s\u{b}aide\u{c}met\u{a0}Ünal’s\u{2009}co-worker,\r\nthe AL-Nusra men’";
        let mut lower = String::new();
        let toks = tokenize(text, false, &[], &mut lower);
        let words: Vec<(&str, &str, bool)> = toks
            .iter()
            .filter(|t| t.word)
            .map(|t| (t.text, t.lower(), t.possessive))
            .collect();
        assert_eq!(
            words,
            [
                ("Bob", "bob", true),
                ("aide", "aide", false),
                ("met", "met", false),
                ("Ünal", "ünal", true),
                ("co-worker", "co-worker", false),
                ("the", "the", false),
                ("AL-Nusra", "al-nusra", false),
                ("men", "men", false),
            ]
        );
        let al = toks.iter().find(|t| t.text == "AL-Nusra").unwrap();
        assert!(al.cap && !al.all_caps);
        // "Bob" is ASCII once its "’s" is gone: its lowercase form is read in place.
        drop(toks);
        assert_eq!(lower.len(), text.len() + "ünal".len());
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
