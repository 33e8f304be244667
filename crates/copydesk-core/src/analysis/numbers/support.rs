//! What makes a number sourced: a source cue in its sentence (speech verbs in every
//! inflection, "according to", "X estimates", "data/records/documents show", "the study
//! found", "published in", citations, links, footnotes, the configured extra sources), or a
//! paragraph opened by an attribution whose reported speech continues to the number.

use crate::analysis::speech_verbs;
use crate::analysis::words::AsciiLower;
use crate::config::Config;
use crate::draft::Span;
use crate::lexicon::{self, lexicon_file};
use regex::Regex;
use std::sync::LazyLock;

/// A source cue found in a sentence: what it says and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// A short description: "Priya Raman said", "according to state records".
    pub text: String,
    pub span: Span,
    /// A speech verb with its speaker (said, told, testified): it can carry reported speech
    /// on into the next sentences of the paragraph.
    pub speech: bool,
}

/// `data/lexicon/figure-not-source-verbs.txt`.
static NOT_BESIDE_FIGURES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicon_file!("figure-not-source-verbs")).collect());

/// `data/lexicon/figure-noun-like-verbs.txt`.
static NOUN_LIKE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicon_file!("figure-noun-like-verbs")).collect());
const NOUN_LIKE_PARTICIPLES: &[&str] = &["posting", "reasoning", "warning", "writing", "written"];

/// The speech verbs' forms that source a figure, as a regex alternation.
fn speech_pattern() -> String {
    let before_quote_only = &*crate::analysis::attribution::cues::BEFORE_QUOTE_ONLY;
    let mut forms: Vec<String> = speech_verbs::FORMS
        .iter()
        .filter(|(_, lemma)| {
            !NOT_BESIDE_FIGURES.contains(lemma) && !before_quote_only.contains(lemma)
        })
        .filter(|(form, lemma)| form != lemma || *lemma == "say")
        .filter(|(form, _)| !NOUN_LIKE_PARTICIPLES.contains(&form.as_str()))
        .map(|(form, _)| {
            if NOUN_LIKE.contains(&form.as_str()) {
                format!(r"{}\s+that", regex::escape(form))
            } else {
                regex::escape(form)
            }
        })
        .collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    forms.dedup();
    format!(r"(?-u:\b)(?:{}|{SOURCE_VERBS})(?-u:\b)", forms.join("|"))
}

/// Verbs and phrases that credit a source without being verbs of saying (an expectation,
/// a calculation, a citation), found with the speech verbs.
const SOURCE_VERBS: &str = r"written\s+by|quoted|cited|cites|citing|briefed|
            pointed\s+out|points\s+out|pointing\s+out|
            forecast\s+that|forecasts|forecasting|expects|expected|anticipates|projected|projects|
            projecting|predicting|calculated|calculates|tallied|counted|
            called\s+for|calls\s+for|calling\s+for";

const SOURCE_PATTERN: &str = r"
        (?-u:\b)according\s+to(?-u:\b)
        |(?-u:\b)(?:data|figures|records|documents|statistics|stats|numbers|polls?|surveys?|results|
            filings?|estimates|projections|census|tallies|counts?|research|studies|study|analysis|
            reports?|logs|minutes|accounts|records|papers|files|audit|review|findings)
            (?:\s+[A-Za-z0-9'’-]+){0,2}?\s+
            (?:show|shows|showed|shown|showing|indicate|indicates|indicated|suggest|suggests|
               suggested|reveal|reveals|revealed|put|puts|found|find|finds|finding|estimated|estimate|
               concluded|concludes|list|lists|listed|say|says|said)(?-u:\b)
        |(?-u:\b)(?:study|survey|report|analysis|review|research|researchers|audit|investigation|
            inquiry|poll|census|probe|scientists|investigators|authors|it|they)
            (?:\s*,[^,.;\x22\x{201C}\x{201D}]{1,80},)?(?:\s+[A-Za-z0-9'’-]+(?:,\d{3})*){0,5}?\s+(?:found|finds|concluded|concludes|estimated|estimates|
            calculated|measured|counted|recorded|documented|tracked|followed|surveyed|analyzed|
            analysed|examined|studied|interviewed|enrolled)(?-u:\b)
        |(?-u:\b)published(?-u:\b)(?:\s+[A-Za-z0-9'’-]+){0,4}?\s+(?:in|by)(?-u:\b)
        |(?-u:\b)in\s+an?\s+(?:[A-Za-z0-9'’-]+\s+){0,2}?(?:statement|email|e-mail|report|filing|letter|
            interview|post|release|study|survey|paper|memo|analysis|briefing|bulletin|
            update|presentation|submission|affidavit|complaint|indictment|lawsuit)(?-u:\b)
        |(?-u:\b)by\s+(?:the\s+)?(?:[A-Za-z0-9'’-]+\s+){0,3}?(?:count|estimate|tally|calculation|reckoning)(?-u:\b)
        |(?-u:\b)sources?\s+(?:close\s+to|familiar\s+with)(?-u:\b)
        ";

/// Sources that are not speech: documents, studies, publications, statements.
static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?xi){SOURCE_PATTERN}")).expect("source cue regex"));

/// Either kind of cue, in one pass over the sentence.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?xi)(?:{})|(?:{SOURCE_PATTERN})",
        speech_pattern()
    ))
    .expect("cue regex")
});

static ESTIMATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(estimates|estimated|estimate)(?-u:\b)").expect("estimate regex")
});

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\]\(|https?://|www\.|<a\s|\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\^[A-Za-z0-9_-]+\]")
        .expect("link regex")
});

/// The first source cue in `sentence` (prose) or its raw `raw` text (links, footnotes).
/// `base` is the sentence's byte offset in the draft.
pub(crate) fn find_cue(prose: &str, raw: &str, base: usize, config: &Config) -> Option<Cue> {
    let mut best: Option<Cue> = None;
    let mut consider = |cue: Cue| {
        if best.as_ref().is_none_or(|b| cue.span.start < b.span.start) {
            best = Some(cue);
        }
    };
    // One pass finds the earliest cue of either kind; documents and studies are told
    // apart from speech verbs on the short match.
    if let Some(m) = CUE.find_iter(prose).find(|m| !names_no_source(prose, m)) {
        let found = m.as_str();
        let cue = if SOURCE.is_match(found) {
            let text = if found.ascii_lower().starts_with("according") {
                format!("according to {}", words_after(prose, m.end(), 6))
            } else {
                clean(found)
            };
            Cue {
                text,
                span: base + m.start()..base + m.end(),
                speech: false,
            }
        } else {
            Cue {
                text: describe_speech(prose, m.start(), m.end()),
                span: base + m.start()..base + m.end(),
                speech: true,
            }
        };
        consider(cue);
    }
    if prose.contains("stimat") {
        for m in ESTIMATE.find_iter(prose) {
            if estimate_names_a_source(prose, m.start(), m.end()) {
                consider(Cue {
                    text: describe_speech(prose, m.start(), m.end()),
                    span: base + m.start()..base + m.end(),
                    speech: false,
                });
                break;
            }
        }
    }
    let maybe_link = raw.contains(['[', '<', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰'])
        || raw.contains("http")
        || raw.contains("www.");
    let link = if maybe_link { LINK.find(raw) } else { None };
    if let Some(m) = link {
        consider(Cue {
            text: "a link or footnote".to_string(),
            span: base + m.start()..base + m.end(),
            speech: false,
        });
    }
    if config.sources.is_empty() && config.verbs.is_empty() {
        return best;
    }
    let lower = prose.to_lowercase();
    for extra in &config.sources {
        let e = extra.trim().to_lowercase();
        if e.is_empty() || lower.len() != prose.len() {
            continue;
        }
        if let Some(at) = lower.find(&e) {
            consider(Cue {
                text: extra.trim().to_string(),
                span: base + at..base + at + e.len(),
                speech: false,
            });
        }
    }
    if lower.len() != prose.len() {
        return best;
    }
    for verb in speech_verbs::extra_forms(&config.verbs) {
        if let Some(at) = find_word(&lower, &verb) {
            consider(Cue {
                text: describe_speech(prose, at, at + verb.len()),
                span: base + at..base + at + verb.len(),
                speech: true,
            });
        }
    }
    best
}

/// The cue of a link or footnote marker in `raw` (at byte `base` of the draft).
pub(crate) fn link_cue(raw: &str, base: usize) -> Option<Cue> {
    LINK.find(raw).map(|m| Cue {
        text: "a link or footnote".to_string(),
        span: base + m.start()..base + m.end(),
        speech: false,
    })
}

/// The first place `word` stands as a whole word in `lower`.
fn find_word(lower: &str, word: &str) -> Option<usize> {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(rel) = lower.get(from..)?.find(word) {
        let at = from + rel;
        let end = at + word.len();
        let boundary_before = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let boundary_after = !lower[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric());
        if boundary_before && boundary_after {
            return Some(at);
        }
        from = end;
    }
    None
}

/// A cue word that names no source where it stands: an expectation no one is said to hold
/// ("is expected to reach", "a projected $5 billion deficit", "rose more than expected"),
/// or "added" with a quantity for its object ("scored 36 points and added 12 rebounds").
fn names_no_source(prose: &str, m: &regex::Match) -> bool {
    let word = m.as_str().ascii_lower();
    if matches!(word.as_ref(), "added" | "adds") {
        let next = prose[m.end()..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .ascii_lower();
        return next.starts_with(|c: char| c.is_ascii_digit() || c == '$')
            || matches!(
                next.as_ref(),
                "another" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
            );
    }
    if !matches!(word.as_ref(), "expected" | "projected") {
        return false;
    }
    let before = prose[..m.start()].trim_end();
    let previous = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("")
        .ascii_lower();
    matches!(
        previous.as_ref(),
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "it's"
            | "than"
            | "as"
            | "a"
            | "an"
            | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "not"
            | "widely"
            | "now"
            | "also"
    )
}

/// "an estimated $4 million" names no one; "analysts estimate that…" and "estimated by
/// the agency" do.
fn estimate_names_a_source(prose: &str, start: usize, end: usize) -> bool {
    let before = prose[..start].split_whitespace().next_back().unwrap_or("");
    let after = prose[end..].split_whitespace().next().unwrap_or("");
    let before = before.ascii_lower();
    let after = after.ascii_lower();
    if matches!(after.as_ref(), "that" | "by") {
        return true;
    }
    if before.is_empty()
        || matches!(
            before.as_ref(),
            "an" | "the"
                | "one"
                | "some"
                | "early"
                | "initial"
                | "rough"
                | "conservative"
                | "best"
                | "first"
                | "was"
                | "were"
                | "is"
                | "are"
                | "been"
                | "be"
                | "official"
                | "latest"
                | "new"
                | "its"
                | "their"
                | "his"
                | "her"
                | "by"
                | "and"
                | "or"
                | "of"
                | "to"
                | "conservatively"
                | "roughly"
        )
        || before.ends_with(',')
    {
        return false;
    }
    true
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Up to `max` words after `at`, stopping after the first one that ends in punctuation.
fn words_after(prose: &str, at: usize, max: usize) -> String {
    let mut out = Vec::new();
    for w in prose.get(at..).unwrap_or("").split_whitespace().take(max) {
        let trimmed = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !trimmed.is_empty() {
            out.push(trimmed);
        }
        if trimmed.len() != w.len() {
            break;
        }
    }
    out.join(" ")
}

/// "Priya Raman said", "police said", "said Tom Becker": the verb with who says it.
fn describe_speech(prose: &str, start: usize, end: usize) -> String {
    let verb = clean(&prose[start..end]);
    let before = &prose[..start];
    let mut subject: Vec<&str> = Vec::new();
    for w in before.split_whitespace().rev().take(5) {
        let ends_clause = w.ends_with([',', ';', ':', '"', '”', '’', '—', '–', '.', '!', '?']);
        if ends_clause || matches!(w, "—" | "–" | "-") {
            break;
        }
        subject.push(w);
    }
    subject.reverse();
    // Keep the tail of a long phrase that is a name or a short noun phrase.
    if let Some(first_cap) = subject
        .iter()
        .position(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        let lower_before = subject[..first_cap]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase));
        if lower_before && first_cap > 1 {
            subject.drain(..first_cap - 1);
        }
    }
    if subject.is_empty() {
        let after = words_after(prose, end, 4);
        let name: Vec<&str> = after
            .split_whitespace()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "the" | "a" | "an" | "de" | "van" | "von" | "al")
            })
            .collect();
        if name.is_empty() {
            return verb;
        }
        return format!("{verb} {}", name.join(" "));
    }
    format!("{} {verb}", subject.join(" "))
}

static BACKSHIFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(would|had|could|might|was\s+expected|were\s+expected|was\s+likely|were\s+likely)(?-u:\b)")
        .expect("backshift regex")
});

/// A later sentence of a paragraph continues the reported speech of its opening attribution
/// when it is written in reported (backshifted) speech: "Kuleba said… Exports had fallen…".
pub(crate) fn continues_reported_speech(prose: &str) -> bool {
    BACKSHIFT.is_match(prose)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(s: &str) -> Option<String> {
        find_cue(s, s, 0, &Config::default()).map(|c| c.text)
    }

    #[test]
    fn speech_verbs_with_their_speaker() {
        assert_eq!(
            cue("Valley Electric spokeswoman Priya Raman said crews had restored service.")
                .as_deref(),
            Some("Valley Electric spokeswoman Priya Raman said")
        );
        assert_eq!(
            cue("The storm killed three people, police said.").as_deref(),
            Some("police said")
        );
        assert_eq!(
            cue("\"I lost it all,\" said Tom Becker, 58.").as_deref(),
            Some("said Tom Becker")
        );
        assert!(cue("The general has pointed out that eight more had signed.").is_some());
        assert!(cue("An FBI forensic accountant testified that the money went.").is_some());
    }

    #[test]
    fn documents_studies_and_according_to() {
        assert_eq!(
            cue("According to state records, the valley has had 12 storms.").as_deref(),
            Some("according to state records")
        );
        assert!(cue("Budget documents show $1.2 million set aside.").is_some());
        assert!(cue("Patients spent 3.1 fewer days in hospital, the study found.").is_some());
        assert!(cue("The results, published Wednesday in the Journal, suggest a drop.").is_some());
        assert!(cue("Analysts at the school estimate that the war cost $80 billion.").is_some());
        assert!(cue("See the [report](https://example.org) for 40%.").is_some());
        assert!(cue("The study of over 150,000 former smokers found a lower risk.").is_some());
        assert!(cue("The office published an analysis finding the debt would rise.").is_some());
    }

    #[test]
    fn an_expectation_names_its_holder_or_no_one() {
        for sourced in [
            "Analysts polled by Reuters expected revenue of $49.4 billion.",
            "The company is forecasting revenue of $49 billion.",
            "It had projected sales to be up 2 per cent, predicting a drop of 2 per cent.",
            "Prosecutors had called for a sentence of 57 months.",
        ] {
            assert!(cue(sourced).is_some(), "{sourced}");
        }
        for unsourced in [
            "Revenue is expected to reach $5 billion.",
            "Sales rose 4% more than expected.",
            "The projected $2 billion deficit remains.",
            "The freshman scored 36 points and added 12 rebounds.",
        ] {
            assert_eq!(cue(unsourced), None, "{unsourced}");
        }
        assert!(cue("The deficit will grow, the mayor added.").is_some());
    }

    #[test]
    fn an_estimated_figure_names_no_source() {
        assert_eq!(
            cue("Power outages cost local businesses an estimated $4 million a day."),
            None
        );
        assert_eq!(cue("The damage was estimated at $3 million."), None);
        assert_eq!(
            cue("Grain prices on the Chicago exchange rose 2.3 percent."),
            None
        );
        assert_eq!(
            cue("Insurance claims from the first one have not been settled."),
            None
        );
        assert_eq!(cue("The state budget rose 3 percent."), None);
    }

    #[test]
    fn configured_sources_and_verbs() {
        let config = Config {
            sources: vec!["per the filing".into()],
            verbs: vec!["quipped".into()],
            ..Config::default()
        };
        let s = "Costs rose 9 percent, per the filing.";
        assert!(find_cue(s, s, 0, &config).is_some());
        let s = "Costs rose 9 percent, the mayor quipped.";
        assert_eq!(
            find_cue(s, s, 0, &config).unwrap().text,
            "the mayor quipped"
        );
    }
}
