//! Which quotes are speech. Quotation marks also set off terms (`so-called 'managed
//! retreat'`), titles (`its title, "Remote Monitoring…"`), the text of signs and chants
//! (`signs reading "Books not cuts."`) and headline quotes the story attributes in its body.
//! None of those needs a speaker, so none is ever flagged.

use super::tokens::Token;
use super::wordset::WordSet;
use crate::lexicon::lexicon_file;

/// Why a quote is not speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotSpeech {
    /// A quoted term or scare quote.
    Term,
    /// The title of a work, a report, a program.
    Title,
    /// Text on a sign, banner or placard, or a chant or slogan.
    Sign,
    /// A headline quote whose words the body quotes.
    Heading,
}

impl NotSpeech {
    pub fn describe(self) -> &'static str {
        match self {
            NotSpeech::Term => "a quoted term, not speech",
            NotSpeech::Title => "a title, not speech",
            NotSpeech::Sign => "the text of a sign, chant or slogan, not speech",
            NotSpeech::Heading => "a headline quote that the story attributes in its body",
        }
    }
}

/// `data/lexicon/naming-verbs.txt`.
static NAMING_SET: WordSet = WordSet::lexicon(lexicon_file!("naming-verbs"));

/// `data/lexicon/title-nouns.txt`.
static TITLE_NOUNS_SET: WordSet = WordSet::lexicon(lexicon_file!("title-nouns"));

/// `data/lexicon/sign-words.txt`.
static SIGN_WORDS_SET: WordSet = WordSet::lexicon(lexicon_file!("sign-words"));

/// How many tokens before a quote a sign word makes it a sign's text.
const SIGN_WITHIN: usize = 5;

/// Words after a sign word that make it something else: someone who writes (`one poster
/// writing "…"`), or people or pictures of something (`posters of the video as "…"`).
const NOT_A_SIGN_AFTER: &[&str] = &[
    "writing",
    "wrote",
    "writes",
    "posted",
    "posting",
    "commented",
    "replied",
    "of",
];

/// Verbs after a sign word that make it the subject of a clause rather than a text shown:
/// the flag *has* a "…", the banner *was* "…".
const CLAUSE_VERBS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would",
];

/// Whether quoted words start with a lowercase letter: the sentence runs on into them.
fn starts_lowercase(inner: &str) -> bool {
    inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// Little words that stay lowercase in a title: `Remote Monitoring in Rural Heart Failure Care`.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "for", "and", "or", "but", "to", "with", "from",
    "by", "as", "vs", "vs.", "via", "into", "is",
];

/// How a quote not governed by attribution is to be read, from the words before it in its
/// sentence (`before` are those tokens, nearest last; `inner` is the quote's text).
pub(crate) fn classify_by_context(inner: &str, before: &[Token]) -> Option<NotSpeech> {
    let words = || before.iter().rev().take(6);
    let first = before.iter().rev().find(|t| t.is_word());
    if let Some(w) = first {
        let adjacent = before
            .last()
            .is_some_and(|t| t.is_word() || t.is_punct(','));
        if adjacent && NAMING_SET.contains(w.lower()) {
            // `what he called "…"` is speech; `a program called "…"` names something.
            let idx = before.iter().rposition(|t| std::ptr::eq(t, w)).unwrap_or(0);
            let subject = idx
                .checked_sub(1)
                .and_then(|i| before.get(i))
                .is_some_and(|p| {
                    p.is_word()
                        && (p.capital
                            || matches!(p.lower(), "he" | "she" | "they" | "i" | "we" | "it"))
                });
            if w.lower != "called" || !subject {
                return Some(if w.lower == "so-called" {
                    NotSpeech::Term
                } else {
                    NotSpeech::Title
                });
            }
        }
        // `The Home Office letter reads "…"` quotes a document, not a sign.
        let document = before
            .iter()
            .rev()
            .filter(|t| t.is_word())
            .nth(1)
            .is_some_and(|t| super::rules::DOCUMENTS_SET.contains(t.lower()));
        if adjacent && matches!(w.lower(), "reading" | "read" | "reads") && !document {
            return Some(NotSpeech::Sign);
        }
        if w.lower == "as"
            && before
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|t| t.lower == "known")
        {
            return Some(NotSpeech::Title);
        }
    }
    if words().take(3).any(|t| TITLE_NOUNS_SET.contains(t.lower())) {
        return Some(NotSpeech::Title);
    }
    // `carried signs reading "…"`, `placards bearing the slogan "…"`: the sign stands a
    // few words before the quote, and is not someone who writes or a picture of something.
    let near: Vec<&Token> = before.iter().rev().take(SIGN_WITHIN).collect();
    let continues = starts_lowercase(inner);
    let sign = near.iter().enumerate().any(|(k, t)| {
        SIGN_WORDS_SET.contains(t.lower())
            && !k
                .checked_sub(1)
                .and_then(|after| near.get(after))
                .is_some_and(|next| NOT_A_SIGN_AFTER.contains(&next.lower()))
            // `said the flag now has a "strong rationale"`, `said the flag "has …"`: the
            // sign word is the subject of a clause that runs on into the quote.
            && !near[..k].iter().any(|w| CLAUSE_VERBS.contains(&w.lower()))
            && (k > 0 || !continues)
    });
    if sign {
        return Some(NotSpeech::Sign);
    }
    if before.iter().any(|t| t.is_word()) && is_title_case(inner) {
        return Some(NotSpeech::Title);
    }
    None
}

/// All words of two or more capitalized except little ones: a title, not a sentence.
pub(crate) fn is_title_case(inner: &str) -> bool {
    let mut words = 0;
    let mut capitals = 0;
    for w in inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let first = w.chars().next();
        let capital = first.is_some_and(char::is_uppercase);
        capitals += usize::from(capital);
        if !(capital || first.is_some_and(char::is_numeric) || is_small_word(w)) {
            return false;
        }
    }
    words >= 2 && capitals >= 2
}

fn is_small_word(w: &str) -> bool {
    if w.is_ascii() {
        SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w))
    } else {
        SMALL_WORDS.contains(&w.to_lowercase().as_str())
    }
}

const CLAUSE_STARTERS: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "it", "it's", "i'm", "we're", "you're", "he's", "she's",
    "they're", "this", "that", "there", "there's", "let's", "i'll", "we'll", "don't", "no", "yes",
    "never", "thank",
];

/// `w` (as in the text) is one of [`CLAUSE_STARTERS`]: lowercased into a stack buffer
/// when it is plain ASCII (or has curly apostrophes), else compared word by word.
fn is_clause_starter(w: &str) -> bool {
    let mut buf = [0u8; 8];
    let mut len = 0;
    for c in w.chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => return CLAUSE_STARTERS.iter().any(|s| same_word(w, s)),
        };
        let Some(slot) = buf.get_mut(len) else {
            // Longer than any starter.
            return false;
        };
        *slot = b;
        len += 1;
    }
    let lower = std::str::from_utf8(&buf[..len]).unwrap_or("");
    CLAUSE_STARTERS_SET.contains(lower)
}

static CLAUSE_STARTERS_SET: WordSet = WordSet::new(CLAUSE_STARTERS);

/// A short quoted phrase (1–3 words) that is not a clause: a term, not a statement.
pub(crate) fn is_short_term(inner: &str) -> bool {
    let mut count = 0;
    let mut clause = false;
    for w in inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
    {
        count += 1;
        if count > 3 {
            return false;
        }
        if count == 1 {
            clause = is_clause_starter(w);
        }
    }
    // `voted "no"`, `a "yes" vote`: one lowercase word with no punctuation is a term even
    // when it could open a clause (`"No," she said` keeps its comma).
    let bare_word = count == 1 && inner.trim().chars().all(|c| c.is_lowercase());
    count > 0 && (!clause || bare_word)
}

/// `raw` lowercased, with `’` read as `'`, is `norm`: without allocating when `raw` is
/// ASCII but for curly apostrophes.
pub(crate) fn same_word(raw: &str, norm: &str) -> bool {
    let mut rest = norm.as_bytes();
    for c in raw.chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => return raw.replace('’', "'").to_lowercase() == norm,
        };
        match rest.split_first() {
            Some((&n, tail)) if n == b => rest = tail,
            _ => return false,
        }
    }
    rest.is_empty()
}

/// The significant words of a text, lowercased (for matching a headline quote to the body).
pub(crate) fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

#[cfg(test)]
/// Does `needle` (a headline quote) stand in `haystack` (a body quote)? Either word for word
/// or with most of its words.
pub(crate) fn echoes(needle: &[String], haystack: &[String]) -> bool {
    if needle.is_empty() || haystack.is_empty() {
        return false;
    }
    if haystack.windows(needle.len()).any(|w| w == needle) {
        return true;
    }
    let shared = needle.iter().filter(|w| haystack.contains(w)).count();
    needle.len() >= 3 && shared * 4 >= needle.len() * 3
}

/// [`echoes`] for a body quote's words as they stand in the text (`haystack`, not yet
/// lowercased): the same answer without a string per word.
pub(crate) fn echoes_raw(needle: &[String], haystack: &[&str]) -> bool {
    if needle.is_empty() || haystack.is_empty() {
        return false;
    }
    if haystack
        .windows(needle.len())
        .any(|w| w.iter().zip(needle).all(|(h, n)| same_word(h, n)))
    {
        return true;
    }
    let shared = needle
        .iter()
        .filter(|n| haystack.iter().any(|h| same_word(h, n)))
        .count();
    needle.len() >= 3 && shared * 4 >= needle.len() * 3
}

/// The words [`content_words`] finds, as they stand in `text`.
pub(crate) fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

/// A 64-bit key of a word as [`content_words`] normalizes it (`raw` as it stands in the
/// text): equal words get equal keys, so an index of keys finds every quote that may hold a
/// word, and [`echoes_raw`] then says whether it does.
pub(crate) fn word_key(raw: &str) -> u64 {
    let mut h = KEY_SEED;
    for c in raw.chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            // Rare: the key of the normalized word, as `content_words` makes it.
            _ => return norm_key(&raw.replace('’', "'").to_lowercase()),
        };
        h = key_step(h, b);
    }
    h
}

/// The [`word_key`] of a word [`content_words`] returned.
pub(crate) fn norm_key(norm: &str) -> u64 {
    norm.bytes().fold(KEY_SEED, key_step)
}

const KEY_SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn key_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

const BITS_SEED: u32 = 0x811c_9dc5;

#[inline]
fn bits_step(h: u32, unit: u8) -> u32 {
    (h ^ u32::from(unit)).wrapping_mul(0x0100_0193)
}

#[inline]
fn bit_of(h: u32) -> u64 {
    1 << (h >> 26)
}

/// The bit a word stands for in [`word_bits`] (`raw` as in the text or already
/// normalized), or `None` when it is not ASCII but for curly apostrophes.
pub(crate) fn word_bit(raw: &str) -> Option<u64> {
    let mut h = BITS_SEED;
    for c in raw.chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => return None,
        };
        h = bits_step(h, b);
    }
    Some(bit_of(h))
}

/// A summary of a text's content words for [`echoes`]: one bit per word ([`word_bit`] of
/// each of [`raw_words`]; every bit when a word is not plain ASCII). A word of a needle
/// whose bit is not set is not in the text.
pub(crate) fn word_bits(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut bits = 0;
    let mut h = BITS_SEED;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let unit = if b < 0x80 {
            i += 1;
            (b.is_ascii_alphanumeric() || b == b'\'').then(|| b.to_ascii_lowercase())
        } else {
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                return u64::MAX;
            };
            i += c.len_utf8();
            if c == '’' {
                Some(b'\'')
            } else if c.is_alphanumeric() {
                return u64::MAX;
            } else {
                None
            }
        };
        match unit {
            Some(u) => {
                h = bits_step(h, u);
                in_word = true;
            }
            None if in_word => {
                bits |= bit_of(h);
                h = BITS_SEED;
                in_word = false;
            }
            None => {}
        }
    }
    if in_word {
        bits |= bit_of(h);
    }
    bits
}

#[cfg(test)]
/// Whether a text with [`word_bits`] `bits` may echo `needle` (a cheap test that never
/// says no to a text that [`echoes`] it).
pub(crate) fn may_echo(needle: &[String], bits: u64) -> bool {
    Echo::of(needle).may_be_in(bits)
}

/// A needle's words as [`word_bits`], to test many texts with.
pub(crate) struct Echo {
    /// Bits of the needle's plain words (one entry per word).
    bits: Vec<u64>,
    /// Words that have no bit (always counted as present).
    unknown: usize,
    /// How many of the needle's words a text must hold to echo it.
    required: usize,
}

impl Echo {
    pub fn of(needle: &[String]) -> Echo {
        let n = needle.len();
        let mut bits = Vec::with_capacity(n);
        let mut unknown = 0;
        for w in needle {
            match word_bit(w) {
                Some(b) => bits.push(b),
                None => unknown += 1,
            }
        }
        Echo {
            bits,
            unknown,
            required: if n >= 3 { (3 * n).div_ceil(4) } else { n },
        }
    }

    /// Whether a text with [`word_bits`] `text` holds enough of the needle's words.
    pub(crate) fn may_be_in(&self, text: u64) -> bool {
        if self.required == 0 {
            return false;
        }
        let present = self.unknown + self.bits.iter().filter(|&&b| text & b != 0).count();
        present >= self.required
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "We will not surrender",
        "we WILL not surrender, not today",
        "They’re coming back",
        "they're coming back to the city",
        "ΟΔΟΣ closed",
        "οδος closed today",
        "Grüße aus Köln",
        "KELVIN \u{212A}it",
        "",
        "a b",
    ];

    #[test]
    fn same_word_is_lowercase_with_straight_apostrophes() {
        assert!(same_word("They’re", "they're"));
        assert!(same_word("SAID", "said"));
        assert!(!same_word("said", "sai"));
        assert!(!same_word("sai", "said"));
        assert!(same_word("ÉTÉ", "été"));
        assert!(same_word("\u{212A}", "k"));
    }

    #[test]
    fn echoes_of_raw_words_and_the_word_bits_agree_with_echoes() {
        for a in TEXTS {
            let needle = content_words(a);
            for b in TEXTS {
                let hay = content_words(b);
                let raw: Vec<&str> = raw_words(b).collect();
                let expected = echoes(&needle, &hay);
                assert_eq!(echoes_raw(&needle, &raw), expected, "{a:?} in {b:?}");
                if expected {
                    assert!(may_echo(&needle, word_bits(b)), "{a:?} in {b:?}");
                }
            }
        }
        assert!(!may_echo(
            &content_words("Alpha beta gamma delta"),
            word_bits("x y z")
        ));
    }

    #[test]
    fn short_terms_are_short_and_not_clauses() {
        assert!(is_short_term("managed retreat"));
        assert!(is_short_term(" ‘humanitarian pauses,’ "));
        assert!(is_short_term("no"));
        assert!(!is_short_term("No,"));
        assert!(!is_short_term("We’re ready"));
        assert!(!is_short_term("I'm ready"));
        assert!(!is_short_term("one two three four"));
        assert!(!is_short_term(" … "));
        assert!(!is_short_term("THEY’RE here"));
        assert!(is_short_term("theyre here"));
        assert!(is_short_term("they're-all here"));
        assert!(is_title_case(
            "Remote Monitoring in Rural Heart Failure Care"
        ));
        assert!(!is_title_case("Remote monitoring works"));
        assert!(is_title_case("Über Alles in Köln"));
    }
}
