//! What the words around a figure say it is about: a casualty count, a weather reading, a
//! poll, a vote, a market, a court's ruling, a threshold a rule sets. The lists are
//! `data/lexicon/figure-*.txt`. `unsupported-number` reads these to decide which unsourced
//! figures a copy editor would query (checks/worth_a_source.rs); they are read here, in the
//! paragraph's local stage, so a keystroke elsewhere in the draft does not read them again.

use crate::analysis::words::contains_word;
use crate::draft::Span;
use crate::lexicon::{self, lexicon_file};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A subject the words around a figure can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Killed, injured, missing, evacuated, infected…
    Casualty,
    /// Rain, snow, sea levels, winds: what weather services and gauges measure.
    Weather,
    /// A poll, a survey, a census, or an average named for its compiler ("the
    /// RealClearPolitics average").
    Poll,
    /// A vote, its ballots, seats and delegates.
    Vote,
    /// Shares, indices, prices and trading.
    Market,
    /// A court's or a league's decision: sentences, fines, bail, suspensions.
    Ruling,
    /// A rule that sets a threshold: majorities, what is required.
    Threshold,
}

impl Topic {
    const ALL: [Topic; 7] = [
        Topic::Casualty,
        Topic::Weather,
        Topic::Poll,
        Topic::Vote,
        Topic::Market,
        Topic::Ruling,
        Topic::Threshold,
    ];

    fn list(self) -> &'static [&'static str] {
        static LISTS: LazyLock<[Vec<&'static str>; 7]> = LazyLock::new(|| {
            [
                lexicon_file!("figure-casualty"),
                lexicon_file!("figure-weather"),
                lexicon_file!("figure-poll"),
                lexicon_file!("figure-vote"),
                lexicon_file!("figure-market"),
                lexicon_file!("figure-ruling"),
                lexicon_file!("figure-threshold"),
            ]
            .map(|text| lexicon::entries(text).collect())
        });
        &LISTS[self as usize]
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The topics named close to a figure and in its sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    near: u8,
    sentence: u8,
}

impl Context {
    /// `topic` is named within a few words of the figure, in its sentence: a casualty word
    /// must be about this figure, not another in the sentence.
    pub fn near(&self, topic: Topic) -> bool {
        self.near & topic.bit() != 0
    }

    /// `topic` is named in the figure's sentence.
    pub(crate) fn in_sentence(&self, topic: Topic) -> bool {
        self.sentence & topic.bit() != 0
    }
}

/// The topics named in the sentence `sentence` of `text`: read once for all its figures.
pub(crate) fn sentence_topics(text: &str, sentence: &Span) -> u8 {
    let sentence = text.get(sentence.clone()).unwrap_or("");
    let named_average = if names_an_average(sentence) {
        Topic::Poll.bit()
    } else {
        0
    };
    topics(&sentence.to_lowercase()) | named_average
}

/// `in the RealClearPolitics average`, `the Johns Hopkins head-to-head average`: an average
/// that bears its compiler's name sources its figures (an unnamed `average household` does
/// not).
fn names_an_average(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric()) == "average"
            && words[..i]
                .iter()
                .enumerate()
                .rev()
                .find(|(_, p)| !matches!(**p, "polling" | "head-to-head" | "poll"))
                .is_some_and(|(k, p)| k > 0 && p.chars().next().is_some_and(char::is_uppercase))
    })
}

/// The context of the figure at `claim` in `text`, whose sentence is `sentence` (spans
/// into `text`) naming `in_sentence` ([`sentence_topics`]): near is from 40 bytes before
/// the figure to 50 after, inside its sentence.
pub fn read(text: &str, sentence: &Span, in_sentence: u8, claim: &Span) -> Context {
    let start = floor_char(text, claim.start.saturating_sub(40).max(sentence.start));
    let end = floor_char(text, (claim.end + 50).min(sentence.end));
    let near = text.get(start..end.max(start)).unwrap_or("").to_lowercase();
    Context {
        near: topics(&near),
        sentence: in_sentence,
    }
}

/// The topics with an entry standing in lower-cased `text` as a whole word or phrase. An
/// entry can stand there only where its first word is one of the text's words, so one pass
/// over the words rules out most lists before any search.
fn topics(text: &str) -> u8 {
    /// Each entry's first word, with the topics whose list has an entry starting with it.
    static FIRST_WORDS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
        let mut first = FxHashMap::default();
        for topic in Topic::ALL {
            for entry in topic.list() {
                if let Some(word) = entry.split(|c: char| !c.is_alphanumeric()).next() {
                    *first.entry(word).or_insert(0) |= topic.bit();
                }
            }
        }
        first
    });
    let candidates = text
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| FIRST_WORDS.get(w))
        .fold(0, |topics, bits| topics | bits);
    Topic::ALL
        .into_iter()
        .filter(|t| candidates & t.bit() != 0 && t.list().iter().any(|e| contains_word(text, e)))
        .fold(0, |topics, t| topics | t.bit())
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::{contains_word, read, sentence_topics, Topic};

    #[test]
    fn whole_words_and_phrases_only() {
        assert!(contains_word("the death toll rose", "death toll"));
        assert!(!contains_word("the deathtoll rose", "death toll"));
        assert!(!contains_word("a shooting", "shot"));
        assert!(contains_word("s&p 500", "s&p"));
        assert!(!contains_word("shareholders", "shares"));
    }

    #[test]
    fn near_is_inside_the_sentence_and_close_to_the_figure() {
        let text = "Troops shot dead eight militants. The vote was 12 to 3.";
        let first = 0..33;
        let eight = text.find("eight").unwrap_or(0);
        let c = read(
            text,
            &first,
            sentence_topics(text, &first),
            &(eight..eight + 5),
        );
        assert!(c.near(Topic::Casualty));
        assert!(
            !c.in_sentence(Topic::Vote),
            "the next sentence is not this one"
        );
        let second = 34..text.len();
        let twelve = text.find("12").unwrap_or(0);
        let in_second = sentence_topics(text, &second);
        let c = read(text, &second, in_second, &(twelve..twelve + 2));
        assert!(c.in_sentence(Topic::Vote) && !c.near(Topic::Casualty));
    }
}
