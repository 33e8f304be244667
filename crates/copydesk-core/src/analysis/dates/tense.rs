//! The tense of the clause around a date expression: "ministers signed on June 14" is past,
//! "will sign on June 14", "is due on", "is scheduled for", "agreed to meet on" are future.
//! The verb nearest the expression in its clause decides, read with the auxiliaries in front
//! of it ("was held" past, "is held" present, "will be held" future).

use super::tokens::{Kind, Token};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// No verb in the clause tells.
    Unknown,
}

impl Tense {
    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Present => "present",
            Tense::Future => "future",
            Tense::Unknown => "unknown",
        }
    }
}

const FUTURE_AUXILIARIES: &[&str] = &["will", "shall", "would", "won't", "wont", "’ll"];

/// Words skipped when looking for the auxiliary in front of a verb.
const FILLERS: &[&str] = &[
    "not",
    "also",
    "still",
    "already",
    "just",
    "first",
    "then",
    "never",
    "now",
    "later",
    "again",
    "finally",
    "yet",
    "be",
    "being",
    "reportedly",
    "originally",
    "initially",
    "n't",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    Past,
    PastParticiple,
    Present,
    Future,
}

fn is_boundary(t: &Token) -> bool {
    match t.kind {
        Kind::Punct => matches!(
            t.text.chars().next(),
            Some(
                ';' | ':'
                    | '"'
                    | '“'
                    | '”'
                    | '«'
                    | '»'
                    | '('
                    | ')'
                    | '—'
                    | '‘'
                    | '’'
                    | '.'
                    | '?'
                    | '!'
            )
        ),
        Kind::Word => class_of(t.text) == Some(Class::ClauseOpener),
        Kind::Number => false,
    }
}

fn lower_word<'a>(t: &Token<'a>) -> Option<&'a str> {
    (t.kind == Kind::Word && t.text.chars().next().is_some_and(|c| !c.is_uppercase()))
        .then_some(t.text)
}

/// Which list a word is on (ASCII case ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    NotPast,
    IrregularPast,
    PastAuxiliary,
    HasHave,
    Present,
    /// Future only before "to" or "for": "set to", "plans to".
    FutureBeforeTo,
    Future,
    FutureAuxiliary,
    ClauseOpener,
}

/// The list a word is on (ASCII case ignored), without allocating: a match over the
/// lists above (a later list wins: "set" is future only before "to"), kept in step with
/// them by a test.
fn class_of(text: &str) -> Option<Class> {
    let lower = crate::analysis::words::Lower::<16>::new(text)?;
    Some(match lower.as_bytes() {
        // Words ending in -ed that are not past tenses.
        b"need" | b"feed" | b"seed" | b"speed" | b"bed" | b"shed" | b"red" | b"bleed"
        | b"breed" | b"proceed" | b"exceed" | b"succeed" | b"indeed" | b"hundred" | b"naked"
        | b"sacred" | b"wicked" | b"kindred" | b"ragged" | b"rugged" | b"steed" | b"weed"
        | b"greed" | b"deed" | b"creed" | b"embed" | b"wed" | b"bred" => Class::NotPast,
        // Irregular past forms common in news copy.
        b"said" | b"told" | b"met" | b"held" | b"made" | b"took" | b"gave" | b"went" | b"came"
        | b"began" | b"found" | b"left" | b"sent" | b"led" | b"won" | b"lost" | b"fell"
        | b"rose" | b"saw" | b"spoke" | b"wrote" | b"broke" | b"chose" | b"drove" | b"flew"
        | b"grew" | b"knew" | b"threw" | b"struck" | b"tore" | b"wore" | b"swore" | b"stole"
        | b"froze" | b"shook" | b"got" | b"paid" | b"laid" | b"sold" | b"spent" | b"built"
        | b"felt" | b"heard" | b"kept" | b"meant" | b"stood" | b"thought" | b"brought"
        | b"bought" | b"caught" | b"fought" | b"sought" | b"taught" | b"ran" | b"sat" | b"hung"
        | b"shot" | b"fled" | b"fed" | b"dealt" | b"withdrew" | b"became" | b"drew" | b"ate"
        | b"hid" | b"lit" | b"rode" | b"rang" | b"sang" | b"sank" | b"slid" | b"spun"
        | b"stuck" | b"swept" | b"swung" | b"wept" | b"woke" | b"overtook" | b"undertook"
        | b"forgot" | b"forgave" | b"upheld" | b"overcame" | b"arose" | b"bore" | b"dug"
        | b"quit" | b"sped" | b"split" | b"strode" | b"underwent" | b"withheld" => {
            Class::IrregularPast
        }
        b"was" | b"were" | b"had" | b"did" | b"been" => Class::PastAuxiliary,
        b"has" | b"have" => Class::HasHave,
        b"is" | b"are" | b"am" | b"says" | b"say" | b"does" | b"do" => Class::Present,
        // Participles and words that put an event ahead: "is expected to", "is due on", "is
        // scheduled for", "plans to".
        b"expected" | b"scheduled" | b"rescheduled" | b"slated" | b"due" | b"poised"
        | b"upcoming" | b"planned" | b"planning" | b"postponed" | b"delayed" | b"adjourned"
        | b"moved" | b"pushed" => Class::Future,
        b"plans" | b"plan" | b"intends" | b"intend" | b"aims" | b"aim" | b"set" | b"going" => {
            Class::FutureBeforeTo
        }
        b"will" | b"shall" | b"would" | b"won't" | b"wont" | b"\xe2\x80\x99ll" => {
            Class::FutureAuxiliary
        }
        // Words that open another clause: a verb beyond them does not govern the date.
        b"that" | b"which" | b"who" | b"whom" | b"whose" | b"because" | b"while" | b"although"
        | b"though" | b"whereas" | b"when" | b"where" | b"but" | b"if" | b"unless" | b"whether" => {
            Class::ClauseOpener
        }
        _ => return None,
    })
}

fn classify(t: &[Token], k: usize) -> Option<Cue> {
    let token = &t[k];
    if token.kind != Kind::Word {
        return None;
    }
    if token.text.ends_with("'ll") || token.text.ends_with("’ll") {
        return Some(Cue::Future);
    }
    let class = class_of(token.text);
    match class {
        Some(Class::FutureAuxiliary | Class::Future) => return Some(Cue::Future),
        Some(Class::FutureBeforeTo) => {
            // "set to", "set for", "going to", "plans to"; "set" alone is any tense.
            let next_to = t
                .get(k + 1)
                .is_some_and(|n| n.is_word("to") || n.is_word("for"));
            return next_to.then_some(Cue::Future);
        }
        Some(Class::Present) => return Some(Cue::Present),
        Some(Class::PastAuxiliary) => return Some(Cue::Past),
        Some(Class::HasHave) => {
            // "has signed" is a past event; "has a meeting" is not.
            let perfect = (k + 1..t.len().min(k + 3))
                .find(|&j| !t[j].is_any_word(FILLERS))
                .is_some_and(|j| {
                    t[j].is_word("been") || classify(t, j) == Some(Cue::PastParticiple)
                });
            return Some(if perfect { Cue::Past } else { Cue::Present });
        }
        Some(Class::NotPast | Class::ClauseOpener) => return None,
        Some(Class::IrregularPast) | None => {}
    }
    // Capitalized, "Rose" and "Led" are more likely names than verbs.
    let w = lower_word(token)?;
    if class == Some(Class::IrregularPast) {
        return Some(Cue::PastParticiple);
    }
    if w.len() >= 4 && w.ends_with("ed") {
        // "the reduced rate", "a signed copy": an adjective, not a verb.
        if k > 0 && t[k - 1].is_any_word(&["a", "an", "the", "its", "their", "his", "her"]) {
            return None;
        }
        return Some(Cue::PastParticiple);
    }
    None
}

/// What the auxiliaries in front of a participle make of it: "will be held" future, "is held"
/// present, "was held" or "has held" past.
fn with_auxiliaries(t: &[Token], k: usize, lo: usize) -> Tense {
    let mut j = k;
    let mut steps = 0;
    while j > lo && steps < 4 {
        j -= 1;
        steps += 1;
        let a = &t[j];
        if a.kind != Kind::Word {
            break;
        }
        if a.is_any_word(FUTURE_AUXILIARIES) || a.text.ends_with("'ll") || a.text.ends_with("’ll")
        {
            return Tense::Future;
        }
        if a.is_any_word(&["is", "are", "am"]) {
            return Tense::Present;
        }
        if a.is_any_word(&["was", "were", "has", "have", "had"]) {
            return Tense::Past;
        }
        if a.is_word("to") {
            return Tense::Future; // "to be held"
        }
        if !(a.is_any_word(FILLERS) || a.text.ends_with("ly")) {
            break;
        }
    }
    Tense::Past
}

/// An infinitive before the date: "agreed to meet on June 14" puts the meeting ahead.
fn infinitive(t: &[Token], k: usize, first: usize) -> bool {
    t[k].is_word("to")
        && k + 1 < first
        && t.get(k + 1).is_some_and(|v| {
            lower_word(v).is_some()
                && !v.is_any_word(&[
                    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these",
                    "those", "my", "our", "your", "them", "him", "me", "us", "date", "be",
                ])
        })
        && classify(t, k + 1).is_none()
}

/// A lowercase word in -s that may be a verb in the present ("opens", "begins", "runs"),
/// as opposed to a past form; nouns in -s ("talks") are taken for verbs too, which only
/// costs a past-tense reading.
fn looks_present(t: &Token) -> bool {
    let Some(w) = lower_word(t) else {
        return false;
    };
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && class_of(w).is_none()
}

/// The tense of the clause around tokens `first..=last`, looking no further than `window`
/// (the sentence's tokens).
pub(crate) fn tense_of(t: &[Token], window: Range<usize>, first: usize, last: usize) -> Tense {
    // A verb further away than this governs something else (and a run-on "sentence" of
    // thousands of words must not make the search quadratic).
    const REACH: usize = 40;
    let floor = window.start.max(first.saturating_sub(REACH));
    let ceiling = window.end.min(t.len()).min(last + 1 + REACH);
    let mut lo = first;
    while lo > floor && !is_boundary(&t[lo - 1]) {
        lo -= 1;
    }
    let mut hi = last + 1;
    while hi < ceiling && !is_boundary(&t[hi]) {
        hi += 1;
    }
    // "If approved on June 14, …": a condition, not an event.
    if lo > window.start && t[lo - 1].is_any_word(&["if", "unless", "whether"]) {
        return Tense::Unknown;
    }
    // "the show opens June 14": a present-tense verb right before the date. (Not before "on":
    // "raised rates on March 19" has a noun there.)
    if let Some(v) = first.checked_sub(1).filter(|&v| v >= lo) {
        if looks_present(&t[v]) {
            return Tense::Present;
        }
    }
    let max = (first - lo).max(hi.saturating_sub(last + 1));
    for d in 1..=max {
        if let Some(k) = first.checked_sub(d).filter(|&k| k >= lo) {
            if infinitive(t, k, first) {
                return Tense::Future;
            }
            if let Some(cue) = classify(t, k) {
                return resolve_cue(t, k, lo, cue);
            }
        }
        let k = last + d;
        if k < hi {
            if let Some(cue) = classify(t, k) {
                return resolve_cue(t, k, last + 1, cue);
            }
        }
    }
    Tense::Unknown
}

fn resolve_cue(t: &[Token], k: usize, lo: usize, cue: Cue) -> Tense {
    match cue {
        Cue::Future => Tense::Future,
        Cue::Present => {
            // "is expected to", "is scheduled for", "are due"
            if t.get(k + 1)
                .is_some_and(|n| classify(t, k + 1) == Some(Cue::Future) && n.kind == Kind::Word)
            {
                Tense::Future
            } else {
                Tense::Present
            }
        }
        Cue::Past => {
            if t.get(k + 1)
                .is_some_and(|_| classify(t, k + 1) == Some(Cue::Future))
            {
                Tense::Future // "was expected to", "were due to"
            } else {
                with_auxiliaries(t, k + 1, lo).min_past()
            }
        }
        Cue::PastParticiple => with_auxiliaries(t, k, lo),
    }
}

trait MinPast {
    fn min_past(self) -> Tense;
}

impl MinPast for Tense {
    /// A past auxiliary is past unless a future auxiliary stands before it ("will have").
    fn min_past(self) -> Tense {
        match self {
            Tense::Future => Tense::Future,
            _ => Tense::Past,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::dates::tokens::tokenize;

    /// The tense around the first occurrence of `date` in `sentence`.
    fn tense(sentence: &str, date: &str) -> Tense {
        let mut t = Vec::new();
        tokenize(sentence, 0, &mut t);
        let at = sentence.find(date).unwrap();
        let first = t.iter().position(|x| x.start >= at).unwrap();
        let last = t.iter().rposition(|x| x.end <= at + date.len()).unwrap();
        tense_of(&t, 0..t.len(), first, last)
    }

    #[test]
    fn word_classes_ignore_case_and_let_later_lists_win() {
        assert_eq!(class_of("said"), Some(Class::IrregularPast));
        assert_eq!(class_of("WAS"), Some(Class::PastAuxiliary));
        assert_eq!(class_of("Set"), Some(Class::FutureBeforeTo));
        assert_eq!(class_of("expected"), Some(Class::Future));
        assert_eq!(class_of("’ll"), Some(Class::FutureAuxiliary));
        assert_eq!(class_of("Whereas"), Some(Class::ClauseOpener));
        assert_eq!(class_of("hundred"), Some(Class::NotPast));
        assert_eq!(class_of("signed"), None);
        assert_eq!(class_of("Rudskoi"), None);
    }

    #[test]
    fn past_events() {
        assert_eq!(
            tense(
                "On June 14, ministers signed the final protocol in Ankara.",
                "June 14"
            ),
            Tense::Past
        );
        assert_eq!(tense("Rudskoi said on Thursday.", "Thursday"), Tense::Past);
        assert_eq!(
            tense(
                "Ukraine and Turkey agreed on Tuesday to add two more ports.",
                "Tuesday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense(
                "The agreement was first discussed on Monday, June 9, when delegations met.",
                "Monday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense(
                "Residents packed the chamber on Wednesday, March 4, to voice their concerns.",
                "Wednesday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense("The talks were held on June 14.", "June 14"),
            Tense::Past
        );
        assert_eq!(
            tense("Ministers have signed on June 14.", "June 14"),
            Tense::Past
        );
        assert_eq!(
            tense("“We signed it on June 14,” he said.", "June 14"),
            Tense::Past
        );
    }

    #[test]
    fn future_events() {
        assert_eq!(
            tense("Ministers will sign on June 14.", "June 14"),
            Tense::Future
        );
        assert_eq!(
            tense("The protocol is due on June 14.", "June 14"),
            Tense::Future
        );
        assert_eq!(
            tense("The vote is scheduled for June 14.", "June 14"),
            Tense::Future
        );
        assert_eq!(
            tense("The vote is expected to take place on June 14.", "June 14"),
            Tense::Future
        );
        assert_eq!(
            tense("She plans to visit on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            tense("They agreed to meet on June 14.", "June 14"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "He said a second trial would begin on Tuesday, January 27.",
                "Tuesday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("The talks will be held on June 14.", "June 14"),
            Tense::Future
        );
        assert_eq!(
            tense("The vote was expected on June 14.", "June 14"),
            Tense::Future
        );
        assert_eq!(tense("We'll meet on Friday.", "Friday"), Tense::Future);
        assert_eq!(
            tense("The hearing was postponed to June 14.", "June 14"),
            Tense::Future
        );
    }

    #[test]
    fn present_verbs_and_conditions_are_not_past() {
        assert_eq!(
            tense(
                "Tickets went on sale June 1 and the show opens June 14.",
                "June 14"
            ),
            Tense::Present
        );
        assert_eq!(
            tense("The strike ended and the trial resumes June 14.", "June 14"),
            Tense::Present
        );
        assert_eq!(
            tense("If approved on June 14, the plan takes effect.", "June 14"),
            Tense::Unknown
        );
        assert_eq!(
            tense("Ministers signed on June 14.", "June 14"),
            Tense::Past
        );
    }

    #[test]
    fn present_and_unknown() {
        assert_eq!(
            tense("The report is published on Thursday.", "Thursday"),
            Tense::Present
        );
        assert_eq!(tense("Markets on Thursday.", "Thursday"), Tense::Unknown);
    }

    #[test]
    fn a_clause_opener_stops_the_search() {
        assert_eq!(
            tense(
                "Carvalho told the council on Tuesday, September 16, that a vote would not happen.",
                "Tuesday"
            ),
            Tense::Past
        );
    }
}
