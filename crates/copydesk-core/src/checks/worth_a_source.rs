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
use crate::analysis::numbers::context::Topic;
use crate::analysis::numbers::{ClaimKind, NumberClaim};
use crate::draft::Draft;
use crate::lexicon::{self, lexicon_file};
use std::sync::LazyLock;

/// Whether the unsourced claim is one a copy editor would ask a source for; `interview`
/// is the draft's question-and-answer part ([`Interview::of`]).
pub(crate) fn needs_source(draft: &Draft, claim: &NumberClaim, interview: &Interview) -> bool {
    // The claim's own shape first: most figures are settled here, without reading the
    // sentence.
    if claim.kind == ClaimKind::Duration {
        return false;
    }
    let context = &claim.context;
    // `The Senate voted 70 to 20 to send the bill back, where it died`: a tally of votes,
    // whatever dies near it.
    let tally = claim.range && context.in_sentence(Topic::Vote);
    let casualty = context.near(Topic::Casualty) && !tally;
    match claim.kind {
        ClaimKind::Count => {
            // A total large enough to be a statistic, of something named: `15,000 people
            // marched`, `800,000 employees`, `at least 200 makeshift homes`; not a bare
            // number (`received 192`, `phoned 911`) nor a small count that tells the story.
            if names_a_model(draft, claim) {
                return false;
            }
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
        ClaimKind::Measure if !claim.changing && !context.near(Topic::Weather) => return false,
        _ => {}
    }
    if interview_answer(draft, claim) || interview.holds(claim.span.start) {
        return false;
    }
    // `She drew two percent in the Léger poll`, `in the RealClearPolitics average`: the poll
    // named in the sentence is the figure's source.
    if context.in_sentence(Topic::Poll) {
        return false;
    }
    if context.in_sentence(Topic::Ruling) && !casualty {
        return false;
    }
    let amount = matches!(claim.kind, ClaimKind::Money | ClaimKind::Count);
    if amount && !casualty && given(draft, claim) {
        return false;
    }
    match claim.kind {
        ClaimKind::Percent => {
            !context.in_sentence(Topic::Market) && !context.in_sentence(Topic::Vote)
        }
        ClaimKind::Fraction | ClaimKind::Multiplier => {
            !context.in_sentence(Topic::Threshold) && !context.in_sentence(Topic::Vote)
        }
        ClaimKind::Money => !context.in_sentence(Topic::Market),
        ClaimKind::Count => {
            casualty || !context.in_sentence(Topic::Vote) && !context.in_sentence(Topic::Market)
        }
        ClaimKind::Measure | ClaimKind::Duration => true,
    }
}

/// `data/lexicon/figure-giving-verbs.txt`.
static GIVING_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicon_file!("figure-giving-verbs")).collect());

/// An amount someone is said to offer, commit, plan to spend or have to pay
/// (`Blankenship offered US$1 million`, `they offered a one million dollar reward`,
/// `NASA plans to spend $612 million`): that someone, the verb's subject, is the source.
/// Not money given (`Americans have donated $350 million`): a total of gifts is a
/// statistic. The verb stands right before the amount, past an article.
fn given(draft: &Draft, claim: &NumberClaim) -> bool {
    let before = draft.prose.get(..claim.span.start).unwrap_or("");
    // `US$1 million`: the letters of a currency glued to its sign are not a word.
    let before = if before.ends_with(char::is_whitespace) {
        before
    } else {
        before.trim_end_matches(|c: char| c.is_ascii_uppercase())
    };
    let mut words = before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let mut word = words.next();
    if word.is_some_and(|w| matches!(w, "a" | "an" | "the")) {
        word = words.next();
    }
    word.is_some_and(|w| GIVING_VERBS.contains(&w.to_ascii_lowercase().as_str()))
}

/// `the 737 Max`: a number before a capitalized word that is not a plural is a model's or
/// a product's name, not a count (`35 Democrats`, `500 Marines` are counts).
fn names_a_model(draft: &Draft, claim: &NumberClaim) -> bool {
    let text = draft.prose.get(claim.span.clone()).unwrap_or("");
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    // A word with lowercase letters: `U` of `U.S. troops` and units (`N`) are not names.
    claim.head.is_some()
        && text.contains(char::is_whitespace)
        && last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().skip(1).any(char::is_lowercase)
        && !last.ends_with('s')
}

/// A small count written out in words ("two people", "three districts"): news style spells
/// out numbers below ten, and such counts tell the story rather than state a figure someone
/// must vouch for. They still take part in `number-mismatch` and show on hover.
fn narrative_count(c: &NumberClaim) -> bool {
    c.in_words && !c.range && c.value.is_some_and(|v| v.fract() == 0.0 && v < 10.0)
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

/// The questions and answers of an interview printed without speaker labels: from its
/// first question to the end. Every figure there is the interviewee's own account, or the
/// interviewer's premise for a question; the interview is their source.
#[derive(Debug, Default)]
pub(crate) struct Interview {
    from: Option<usize>,
}

/// How many question paragraphs, each followed by an answer, make a draft an interview.
const QUESTIONS_IN_AN_INTERVIEW: usize = 3;

/// How many paragraphs from the top may say that the draft is an interview.
const INTERVIEW_SAID_WITHIN: usize = 4;

impl Interview {
    /// The exchange of `draft`, when the draft says near its top that it is an interview
    /// ("Wikinews interviews …", an "Interview" heading) and has questions answered in
    /// the paragraphs after them.
    pub(crate) fn of(draft: &Draft) -> Interview {
        let text =
            |p: &crate::draft::Paragraph| draft.prose.get(p.span.clone()).unwrap_or("").trim();
        let said = draft
            .paragraphs
            .iter()
            .take(INTERVIEW_SAID_WITHIN)
            .any(|p| {
                crate::analysis::words::contains_word(&text(p).to_lowercase(), "interview")
                    || crate::analysis::words::contains_word(&text(p).to_lowercase(), "interviews")
            });
        if !said {
            return Interview::default();
        }
        let question = |p: &crate::draft::Paragraph| !p.heading && text(p).ends_with('?');
        let mut from = None;
        let mut answered = 0;
        for pair in draft.paragraphs.windows(2) {
            if question(&pair[0]) && !question(&pair[1]) && !pair[1].heading {
                answered += 1;
                from.get_or_insert(pair[0].span.start);
            }
        }
        Interview {
            from: from.filter(|_| answered >= QUESTIONS_IN_AN_INTERVIEW),
        }
    }

    fn holds(&self, offset: usize) -> bool {
        self.from.is_some_and(|from| offset >= from)
    }
}

#[cfg(test)]
mod tests {
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
                "Americans have donated $1.2 million to the appeal.",
                "$1.2 million",
            ),
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
            "The Senate voted 70 to 20 to send the bill back to committee, where it died.",
            "Blankenship offered US$1 million to Hunter Biden to have a debate.",
            "Lacy promised up to $500 million a year in savings.",
            "They offered a one million US dollar reward for information.",
            "Investigators suggest a new feature on the 737 Max was forcing the nose down.",
            "It is about 110 light-years from Earth.",
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
}
