//! Which quotes are speech. Quotation marks also set off terms (`so-called 'managed
//! retreat'`), titles (`its title, "Remote Monitoring…"`), the text of signs and chants
//! (`signs reading "Books not cuts."`) and headline quotes the story attributes in its body.
//! None of those needs a speaker, so none is ever flagged.

use super::tokens::Token;
use crate::draft::{Draft, Quote};

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

/// Words right before a quote that make it a name or title: `a program called "…"`.
const NAMING: &[&str] = &[
    "titled",
    "entitled",
    "headlined",
    "headed",
    "dubbed",
    "named",
    "nicknamed",
    "labelled",
    "labeled",
    "captioned",
    "subtitled",
    "branded",
    "christened",
    "billed",
    "called",
    "marked",
    "known",
    "so-called",
];

/// Nouns shortly before a quote that make it a title: `its title, "…"`, `the headline "…"`.
const TITLE_NOUNS: &[&str] = &[
    "title",
    "titles",
    "headline",
    "headlines",
    "caption",
    "hashtag",
    "tagline",
    "subtitle",
    "motto",
    "slogan",
    "slogans",
    "phrase",
    "term",
    "label",
];

/// Words near a quote that make it the text of a sign or a chant.
const SIGN_WORDS: &[&str] = &[
    "sign",
    "signs",
    "placard",
    "placards",
    "banner",
    "banners",
    "poster",
    "posters",
    "billboard",
    "billboards",
    "t-shirt",
    "t-shirts",
    "shirts",
    "graffiti",
    "chant",
    "chants",
    "chanted",
    "chanting",
    "inscription",
    "inscribed",
    "emblazoned",
    "sticker",
    "stickers",
    "mural",
    "plaque",
    "plaques",
    "flag",
    "flags",
    "scrawled",
    "spray-painted",
    "painted",
];

/// Little words that stay lowercase in a title: `Remote Monitoring in Rural Heart Failure Care`.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "for", "and", "or", "but", "to", "with", "from",
    "by", "as", "vs", "vs.", "via", "into", "is",
];

/// How a quote not governed by attribution is to be read, from the words before it in its
/// sentence (`before` are those tokens, nearest last).
pub fn classify_by_context(draft: &Draft, quote: &Quote, before: &[Token]) -> Option<NotSpeech> {
    let words: Vec<&Token> = before.iter().rev().take(6).collect();
    let first = before.iter().rev().find(|t| t.is_word());
    if let Some(w) = first {
        let adjacent = before
            .last()
            .is_some_and(|t| t.is_word() || t.is_punct(','));
        if adjacent && NAMING.contains(&w.lower.as_str()) {
            // `what he called "…"` is speech; `a program called "…"` names something.
            let idx = before.iter().rposition(|t| std::ptr::eq(t, w)).unwrap_or(0);
            let subject = idx
                .checked_sub(1)
                .and_then(|i| before.get(i))
                .is_some_and(|p| {
                    p.is_word()
                        && (p.capital
                            || matches!(
                                p.lower.as_str(),
                                "he" | "she" | "they" | "i" | "we" | "it"
                            ))
                });
            if w.lower != "called" || !subject {
                return Some(if w.lower == "so-called" {
                    NotSpeech::Term
                } else {
                    NotSpeech::Title
                });
            }
        }
        if adjacent && matches!(w.lower.as_str(), "reading" | "read" | "reads") {
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
    if words
        .iter()
        .take(3)
        .any(|t| TITLE_NOUNS.contains(&t.lower.as_str()))
    {
        return Some(NotSpeech::Title);
    }
    if words.iter().any(|t| SIGN_WORDS.contains(&t.lower.as_str())) {
        return Some(NotSpeech::Sign);
    }
    let inner = draft.prose.get(quote.inner.clone()).unwrap_or("");
    if before.iter().any(|t| t.is_word()) && is_title_case(inner) {
        return Some(NotSpeech::Title);
    }
    None
}

/// All words of two or more capitalized except little ones: a title, not a sentence.
pub fn is_title_case(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let capitals = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 2
        && capitals >= 2
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || SMALL_WORDS.contains(&w.to_lowercase().as_str())
        })
}

const CLAUSE_STARTERS: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "it", "it's", "i'm", "we're", "you're", "he's", "she's",
    "they're", "this", "that", "there", "there's", "let's", "i'll", "we'll", "don't", "no", "yes",
    "never", "thank",
];

/// A short quoted phrase (1–3 words) that is not a clause: a term, not a statement.
pub fn is_short_term(inner: &str) -> bool {
    let words: Vec<String> = inner
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words.len() <= 3 && !CLAUSE_STARTERS.contains(&words[0].as_str())
}

/// The significant words of a text, lowercased (for matching a headline quote to the body).
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

/// Does `needle` (a headline quote) stand in `haystack` (a body quote)? Either word for word
/// or with most of its words.
pub fn echoes(needle: &[String], haystack: &[String]) -> bool {
    if needle.is_empty() || haystack.is_empty() {
        return false;
    }
    if haystack.windows(needle.len()).any(|w| w == needle) {
        return true;
    }
    let shared = needle.iter().filter(|w| haystack.contains(w)).count();
    needle.len() >= 3 && shared * 4 >= needle.len() * 3
}
