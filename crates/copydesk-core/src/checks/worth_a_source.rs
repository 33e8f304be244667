//! Which unsourced figures a copy editor queries (`unsupported-number`, docs/checks.md).
//!
//! The analysis finds every numeric claim and whether something sources it; this decides
//! which of the unsourced ones need a source at all. A copy editor asks "who says so?" of
//! statistics, rates, totals, survey and study results, money no one is said to have given
//! and casualty counts. They do not ask it of figures of settled public record (vote
//! counts, court sentences), market prices and moves, thresholds a law sets, measurements
//! and specifications, durations, ages, or small counts that tell the story. Flagging those
//! made `unsupported-number` four in five of all findings on real wire copy, and few of
//! them were acted on.

use crate::analysis::attribution::turn_label;
use crate::analysis::numbers::{ClaimKind, NumberClaim};
use crate::draft::Draft;

/// Words near a count that make it a casualty count: always worth a source, even when
/// small and written in words (`shot dead eight suspected militants`).
const CASUALTY: &[&str] = &[
    "killed",
    "killing",
    "dead",
    "deaths",
    "death toll",
    "died",
    "die",
    "injured",
    "injuring",
    "injuries",
    "wounded",
    "wounding",
    "hurt",
    "casualties",
    "victims",
    "missing",
    "bodies",
    "fatalities",
    "evacuated",
    "displaced",
    "homeless",
    "hospitalized",
    "hospitalised",
    "infected",
    "infections",
    "cases",
    "lives",
    "shot",
];

/// What weather services and gauges measure: such a measurement is their statistic.
const OBSERVED: &[&str] = &[
    "rain",
    "rainfall",
    "snow",
    "snowfall",
    "sea level",
    "sea levels",
    "water level",
    "water levels",
    "floodwater",
    "gusts",
    "winds",
    "storm surge",
];

/// A poll or survey named in the sentence sources its figures.
const POLL: &[&str] = &["poll", "polls", "polling", "survey", "census"];

/// Words of a vote, a count everyone can look up once it is declared.
const ELECTION: &[&str] = &[
    " vote",
    "votes",
    "voted",
    "voting",
    "ballots",
    "seats",
    "delegates",
    "elected",
    "re-elected",
    "majority",
];

/// Words of a market: prices, indices and moves are the market's own record.
const MARKET: &[&str] = &[
    "shares",
    "stock",
    "stocks",
    "index",
    "points",
    "closed at",
    "traded",
    "trading",
    "per barrel",
    "a barrel",
    "price of",
    "priced at",
    "exchange rate",
    "dow",
    "nasdaq",
    "s&p",
    "ftse",
    "nikkei",
    "sensex",
];

/// Words of a court's or a league's decision, published as it is made.
const RULING: &[&str] = &[
    "sentenced",
    "sentence",
    "ordered to pay",
    "fined",
    "restitution",
    "bail",
    "suspended for",
    "suspension",
    "prison term",
    "jail term",
];

/// Words of a rule that sets a threshold: `two-thirds majority`, `must be ratified by
/// three quarters of the states`.
const THRESHOLD: &[&str] = &[
    "majority",
    "ratified",
    "ratify",
    "must",
    "required",
    "requires",
    "would have to",
    "needed",
    "needs",
    "threshold",
    "at least two-thirds",
];

/// What the sentence and the paragraph of the claims read last say about any figure in
/// them, each worked out when first asked: a sentence or a paragraph of many figures is
/// then read once, not once per figure (which took time quadratic in their number).
#[derive(Default)]
pub struct Memo {
    /// The sentence's index, its lowercase text, and its answers.
    sentence: Option<(usize, String, SentenceWords)>,
    /// The paragraph's index and whether it is an interview answer.
    paragraph: Option<(usize, bool)>,
}

/// Which words of the lists a sentence holds, each found when first asked.
#[derive(Default)]
struct SentenceWords {
    /// A poll or a named average.
    poll: Option<bool>,
    ruling: Option<bool>,
    market: Option<bool>,
    election: Option<bool>,
    threshold: Option<bool>,
}

impl Memo {
    fn interview_answer(&mut self, draft: &Draft, claim: &NumberClaim) -> bool {
        match self.paragraph {
            Some((p, answer)) if p == claim.paragraph => answer,
            _ => {
                let answer = interview_answer(draft, claim);
                self.paragraph = Some((claim.paragraph, answer));
                answer
            }
        }
    }

    /// The claim's sentence's text and answers (a claim without a sentence, which has only
    /// its own span, is not kept).
    fn sentence(&mut self, draft: &Draft, claim: &NumberClaim) -> (&str, &mut SentenceWords) {
        let kept = matches!(&self.sentence, Some((s, _, _)) if *s == claim.sentence)
            && draft.sentences.get(claim.sentence).is_some();
        if !kept {
            self.sentence = None;
        }
        let (_, text, words) = self.sentence.get_or_insert_with(|| {
            (
                claim.sentence,
                sentence_text(draft, claim),
                SentenceWords::default(),
            )
        });
        (text.as_str(), words)
    }
}

/// `answer`, worked out by `f` when not yet known.
fn known(answer: &mut Option<bool>, f: impl FnOnce() -> bool) -> bool {
    *answer.get_or_insert_with(f)
}

/// Whether the unsourced claim is one a copy editor would ask a source for; `memo` keeps
/// what the claims before it found of their sentence and paragraph.
pub fn needs_source(draft: &Draft, claim: &NumberClaim, memo: &mut Memo) -> bool {
    // The claim's own shape first: most figures are settled here, without reading the
    // sentence.
    if claim.kind == ClaimKind::Duration {
        return false;
    }
    let near = near_text(draft, claim);
    let casualty = has_any(CASUALTY, &near);
    match claim.kind {
        ClaimKind::Count => {
            // A total large enough to be a statistic, of something named: `15,000 people
            // marched`, `800,000 employees`, `at least 200 makeshift homes`; not a bare
            // number (`received 192`, `phoned 911`) nor a small count that tells the story.
            let value = claim.value.unwrap_or(0.0);
            let total = claim.head.is_some()
                && !narrative_count(claim)
                && (value >= 100.0 || claim.approx && value >= 20.0);
            if !casualty && !total {
                return false;
            }
        }
        // A measured change or an observation of weather and sea (`have risen 9
        // centimetres since 1990`, `2.5 inches of rain fell`) is a statistic; sizes,
        // distances and specifications are not.
        ClaimKind::Measure if !claim.changing && !has_any(OBSERVED, &near) => return false,
        _ => {}
    }
    if memo.interview_answer(draft, claim) {
        return false;
    }
    let (sentence, words) = memo.sentence(draft, claim);
    // `She drew two percent in the Léger poll`, `in the RealClearPolitics average`: the poll
    // named in the sentence is the figure's source.
    if known(&mut words.poll, || {
        has_any(POLL, sentence) || named_average(draft, claim)
    }) {
        return false;
    }
    if !casualty && known(&mut words.ruling, || has_any(RULING, sentence)) {
        return false;
    }
    let mut market = || known(&mut words.market, || has_any(MARKET, sentence));
    match claim.kind {
        ClaimKind::Percent => {
            !market() && !known(&mut words.election, || has_any(ELECTION, sentence))
        }
        ClaimKind::Fraction | ClaimKind::Multiplier => {
            !known(&mut words.threshold, || has_any(THRESHOLD, sentence))
                && !known(&mut words.election, || has_any(ELECTION, sentence))
        }
        ClaimKind::Money => !market(),
        ClaimKind::Count => {
            casualty || !known(&mut words.election, || has_any(ELECTION, sentence)) && !market()
        }
        ClaimKind::Measure | ClaimKind::Duration => true,
    }
}

/// A small count written out in words ("two people", "three districts"): news style spells
/// out numbers below ten, and such counts tell the story rather than state a figure someone
/// must vouch for. They still take part in `number-mismatch` and show on hover.
fn narrative_count(c: &NumberClaim) -> bool {
    c.in_words && !c.range && c.value.is_some_and(|v| v.fract() == 0.0 && v < 10.0)
}

fn has_any(words: &[&str], text: &str) -> bool {
    words.iter().any(|w| contains_word(text, w))
}

/// `in the RealClearPolitics average`, `the Johns Hopkins head-to-head average`: an average
/// that bears its compiler's name sources its figures (an unnamed `average household` does
/// not).
fn named_average(draft: &Draft, claim: &NumberClaim) -> bool {
    let Some(sentence) = draft.sentences.get(claim.sentence) else {
        return false;
    };
    let text = draft.prose.get(sentence.span.clone()).unwrap_or("");
    let words: Vec<&str> = text.split_whitespace().collect();
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

/// A paragraph of an interview's answer, opened by its speaker's label (`((Aparna Garg))`,
/// `Garg:`, read as attribution reads it): the figures are the speaker's own account.
fn interview_answer(draft: &Draft, claim: &NumberClaim) -> bool {
    draft
        .paragraphs
        .get(claim.paragraph)
        .and_then(|para| draft.prose.get(para.span.clone()))
        .is_some_and(|text| turn_label(text).is_some())
}

/// The claim's sentence, lower-cased, with spaces around it so word tests need no bounds.
fn sentence_text(draft: &Draft, claim: &NumberClaim) -> String {
    let span = draft
        .sentences
        .get(claim.sentence)
        .map_or(claim.span.clone(), |s| s.span.clone());
    format!(" {} ", draft.prose.get(span).unwrap_or("").to_lowercase())
}

/// The words right around the claim (a few words either side, inside its sentence): a
/// casualty word must be about this figure, not another in the sentence.
fn near_text(draft: &Draft, claim: &NumberClaim) -> String {
    let sentence = draft
        .sentences
        .get(claim.sentence)
        .map_or(claim.span.clone(), |s| s.span.clone());
    let start = floor_char(
        &draft.prose,
        claim.span.start.saturating_sub(40).max(sentence.start),
    );
    let end = floor_char(&draft.prose, (claim.span.end + 50).min(sentence.end));
    format!(
        " {} ",
        draft
            .prose
            .get(start..end.max(start))
            .unwrap_or("")
            .to_lowercase()
    )
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `word` stands in `text` as a whole word (or phrase).
fn contains_word(text: &str, word: &str) -> bool {
    let word = word.trim();
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::contains_word;
    use crate::checks::Code;
    use crate::config::Config;
    use crate::draft::Format;

    /// The `unsupported-number` spans of a one-paragraph story.
    fn queried(sentence: &str) -> Vec<String> {
        let text = format!("Headline\n\n{sentence}\n");
        let c = crate::checks::check(&text, Format::Plain, &Config::default());
        c.findings
            .iter()
            .filter(|f| f.code == Code::UnsupportedNumber)
            .map(|f| text[f.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn statistics_totals_money_and_casualties_need_a_source() {
        for (sentence, figure) in [
            (
                "Unemployment in the region rose to 7.4 percent last year.",
                "7.4 percent",
            ),
            (
                "The program cost taxpayers $3.2 million in its first year.",
                "$3.2 million",
            ),
            (
                "The company employs more than 2,300 workers.",
                "more than 2,300 workers",
            ),
            ("About one in five adults smokes.", "About one in five"),
            (
                "The average household spends 31% of its income on rent.",
                "31% of its income",
            ),
            ("Three people died in the fire.", "Three people"),
            (
                "About 2.5 inches of rain fell in two hours.",
                "About 2.5 inches of rain",
            ),
        ] {
            assert_eq!(queried(sentence), [figure], "{sentence}");
        }
    }

    #[test]
    fn record_markets_rules_specifications_and_story_counts_need_none() {
        for sentence in [
            "Guebuza was elected with 63.7% of the vote.",
            "Shares of Sears were up 22 percent on Wednesday.",
            "The index closed at 6,679.20, gaining 76.51 points.",
            "An amendment must be ratified by three quarters of the states.",
            "Manafort was sentenced to 73 months in prison.",
            "The crater is about 110 miles wide.",
            "The 22-mile journey took 22 minutes.",
            "Officers found 7 rifles in the car.",
            "The Senate voted 70 to 20 to send the bill back.",
            "She drew two percent in the Léger poll.",
            "Biden led Trump 49.0 percent to 42.2 percent in the RealClearPolitics average.",
        ] {
            assert!(
                queried(sentence).is_empty(),
                "{sentence}: {:?}",
                queried(sentence)
            );
        }
    }

    #[test]
    fn a_source_in_the_sentence_before_or_after_covers_a_figure() {
        let text = "According to a 2019 poll, most oppose it. However, 72 percent support \
                    term limits.";
        assert!(queried(text).is_empty());
        assert_eq!(
            queried("The mayor left early. However, 72 percent support term limits."),
            ["72 percent"]
        );
    }

    #[test]
    fn an_interview_answer_is_its_speakers_account() {
        assert!(queried("((Aparna Garg)) We have ten percent only women employees.").is_empty());
    }

    #[test]
    fn words_match_whole() {
        assert!(contains_word(" shares fell ", "shares"));
        assert!(!contains_word(" shareholders ", "shares"));
        assert!(contains_word(" the death toll rose", "death toll"));
    }
}
