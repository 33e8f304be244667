//! Who a cue's speaker is: the noun phrase that is the subject of a speech verb.
//!
//! `"…," Rudskoi said` (before the verb), `"…," said Rui Costa, 71` (after it),
//! `A spokesman, Kevin Tran, said` (an appositive: the name wins), `according to the
//! Ukrainian Grain Association`. A speaker is a proper name (titles such as `Mayor` or
//! `Assistant U.S. Attorney` are left out so the name matches its other mentions), a
//! descriptor (`the Russian general`, `a spokesperson`, `another, who asked not to be
//! named`) or a pronoun.

use super::tokens::{Kind, Token};
use super::wordset::WordSet;
use super::SpeakerKind;
use crate::analysis::entities::{gazetteer, lexicon};
use crate::draft::Span;
use crate::lexicon::lexicon_file;

/// A speaker found in the tokens (span into the draft).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub kind: SpeakerKind,
}

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];

/// `data/lexicon/speaker-determiners.txt`.
static DETERMINERS_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-determiners"));

/// Determiners that can stand alone as a speaker: `said another`, `one said`.
const STANDALONE: &[&str] = &[
    "another", "one", "others", "some", "many", "both", "several", "most",
];

/// `data/lexicon/speaker-groups.txt`.
static GROUPS_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-groups"));

/// `data/lexicon/speaker-stop-words.txt`.
static STOP_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-stop-words"));

/// `data/lexicon/speaker-between-words.txt`.
static BETWEEN_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-between-words"));

/// `data/lexicon/speaker-titles.txt`.
static TITLES_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-titles"));

/// `data/lexicon/speaker-name-particles.txt`.
static PARTICLES_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-name-particles"));

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
];

/// `data/lexicon/speaker-subordinators.txt`.
static SUBORDINATORS_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-subordinators"));

/// `data/lexicon/speaker-openers.txt`.
static OPENERS_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-openers"));

/// `data/lexicon/speaker-number-words.txt`.
static NUMBER_WORDS_SET: WordSet = WordSet::lexicon(lexicon_file!("speaker-number-words"));

static PRONOUNS_SET: WordSet = WordSet::new(PRONOUNS);
static STANDALONE_SET: WordSet = WordSet::new(STANDALONE);
static WEEKDAYS_SET: WordSet = WordSet::new(WEEKDAYS);

fn word<'t, 'a>(tokens: &'t [Token<'a>], i: usize) -> Option<&'t Token<'a>> {
    tokens.get(i).filter(|t| t.is_word())
}

/// A group that speaks without a determiner: `police`, and agent nouns in the plural
/// (`forecasters`, `economists`, `historians`, `residents`).
fn is_group_noun(lower: &str) -> bool {
    GROUPS_SET.contains(lower)
        || ["ers", "ists", "ians", "ants", "ents", "ors"]
            .iter()
            .any(|s| lower.ends_with(s))
}

fn is_pronoun(t: &Token) -> bool {
    t.is_word() && PRONOUNS_SET.contains(t.lower())
}

fn is_object_pronoun(t: &Token) -> bool {
    t.is_word() && matches!(t.lower(), "them" | "us" | "those")
}

/// Whether a descriptor's last word names a person or a group of people (`one poster`,
/// `the researchers`, `a spokeswoman`), not a thing (`a task`).
pub(crate) fn is_person_head(tokens: &[Token], found: &Found) -> bool {
    let end = tokens.partition_point(|t| t.span.start < found.span.end);
    end.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| {
            is_group_noun(t.lower()) || lexicon::is_role_noun(t.lower()) || is_title(t)
        })
}

/// Whether a descriptor ends in a plural group noun (`the researchers`, `The authors`,
/// `police`), one that `they` can take up.
pub(crate) fn has_plural_head(tokens: &[Token], found: &Found) -> bool {
    let end = tokens.partition_point(|t| t.span.start < found.span.end);
    end.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| is_group_noun(t.lower()) || t.lower.ends_with('s'))
}

/// A lowercased word is a determiner (`the`, `an`, `its`, `two`).
pub(crate) fn is_determiner_word(lower: &str) -> bool {
    DETERMINERS_SET.contains(lower)
}

pub(crate) fn is_determiner(t: &Token) -> bool {
    t.is_word() && DETERMINERS_SET.contains(t.lower())
}

fn is_possessive(t: &Token) -> bool {
    t.is_word() && (t.lower.ends_with("'s") || t.lower.ends_with("’s") || t.lower.ends_with("s'"))
}

/// A word a noun phrase never crosses (a preposition, conjunction, auxiliary, cue) or
/// punctuation.
/// A word that opens a subordinate clause or a prepositional phrase (`While`, `During`).
pub(crate) fn is_subordinator(t: &Token) -> bool {
    t.is_word() && SUBORDINATORS_SET.contains(t.lower())
}

pub(crate) fn is_stop_word(t: &Token) -> bool {
    is_stop(t)
}

fn is_stop(t: &Token) -> bool {
    !t.is_word() || STOP_SET.contains(t.lower()) || t.cue.is_some()
}

fn is_particle(t: &Token) -> bool {
    t.is_word()
        && (PARTICLES_SET.contains(t.lower())
            || t.lower.starts_with("al-")
            || t.lower.starts_with("el-"))
}

pub(crate) fn is_title(t: &Token) -> bool {
    t.is_word()
        && t.lower.split(['-', '‐']).all(|part| {
            TITLES_SET.contains(part) || TITLES_SET.contains(part.trim_end_matches('.'))
        })
}

/// A word that can be part of a proper name: capitalized (or a digit-free initial), or a
/// particle.
fn is_name_word(t: &Token) -> bool {
    t.is_word() && (t.capital || is_particle(t))
}

fn span(tokens: &[Token], range: std::ops::Range<usize>) -> Span {
    tokens[range.start].span.start..tokens[range.end - 1].span.end
}

/// The name proper of a capitalized run: leading titles and determiners dropped.
fn name_of_run(tokens: &[Token], run: std::ops::Range<usize>) -> Option<Found> {
    let mut start = run.start;
    while start < run.end
        && tokens[start].is_word()
        && matches!(tokens[start].lower(), "the" | "a" | "an")
    {
        start += 1;
    }
    // Drop everything up to the last title word that still leaves a name after it.
    if let Some(k) = (start..run.end.saturating_sub(1))
        .rev()
        .find(|&k| is_title(&tokens[k]))
    {
        start = k + 1;
    }
    // A name does not start with a particle, nor end with a possessive or a weekday.
    while start < run.end && !tokens[start].capital {
        start += 1;
    }
    if start >= run.end {
        return None;
    }
    let last = &tokens[run.end - 1];
    if is_possessive(last) || WEEKDAYS_SET.contains(last.lower()) {
        return None;
    }
    // `That said, …`, `Now the new structure is …`: a function word capitalized because
    // it opens the sentence is no name (`WHO` and `US` are acronyms first).
    if run.end - start == 1 && OPENERS_SET.contains(last.lower()) {
        return None;
    }
    if (start..run.end).all(|k| is_title(&tokens[k])) {
        return Some(Found {
            span: span(tokens, run),
            kind: SpeakerKind::Descriptor,
        });
    }
    Some(Found {
        span: span(tokens, start..run.end),
        kind: SpeakerKind::Name,
    })
}

/// The subject of the verb at token `verb`, looking back no further than `floor`.
pub(crate) fn subject_of_verb(tokens: &[Token], verb: usize, floor: usize) -> Option<Found> {
    let mut e = verb;
    // Skip adverbs, auxiliaries and time phrases between subject and verb.
    while e > floor {
        let t = &tokens[e - 1];
        if t.is_word() && BETWEEN_SET.contains(t.lower()) && !(e - 1 == floor && t.capital) {
            e -= 1;
        } else {
            break;
        }
    }
    if e <= floor {
        return None;
    }
    // `Mike Ryan of the World Health Organization (WHO) told`: an acronym in brackets.
    if tokens[e - 1].is_punct(')') {
        let open = (floor..e - 1)
            .rev()
            .take(4)
            .find(|&k| tokens[k].is_punct('('))?;
        e = open;
        if e <= floor {
            return None;
        }
    }
    let last = e - 1;
    if tokens[last].is_punct(',') {
        return appositive_subject(tokens, last, floor);
    }
    match tokens[last].lower() {
        "who" if last > floor => relative_antecedent(tokens, last, floor),
        // `One of them went on to say`, `went as far as to say`: the clause's subject.
        "to" => clause_subject(tokens, floor, last),
        _ => {
            let found = noun_phrase_before(tokens, last, floor)?;
            Some(subject_before_participle(tokens, &found, floor).unwrap_or(found))
        }
    }
}

/// `Kyriakos Mitsotakis speaking to the Atlantic Council called …`: the phrase before the
/// verb is the object of a participle's preposition; the subject is before the participle.
fn subject_before_participle(tokens: &[Token], found: &Found, floor: usize) -> Option<Found> {
    let mut first = tokens.partition_point(|t| t.span.start < found.span.start);
    // `to the Atlantic Council`: a name read without its article.
    if first > floor && matches!(tokens[first - 1].lower(), "the" | "a" | "an") {
        first -= 1;
    }
    let prep = first.checked_sub(1).filter(|&p| p >= floor + 2)?;
    let participle = &tokens[prep - 1];
    let attached = tokens[prep].is_word()
        && matches!(
            tokens[prep].lower(),
            "to" | "with" | "at" | "before" | "about" | "on" | "for"
        )
        && participle.is_word()
        && !participle.capital
        && participle.lower.ends_with("ing");
    if !attached {
        return None;
    }
    noun_phrase_before(tokens, prep.checked_sub(2)?, floor)
}

/// `led by Mark Hay, a marine ecologist at GT, who said`: the person a relative `who` (at
/// token `who`) hangs on, past an appositive between commas.
fn relative_antecedent(tokens: &[Token], who: usize, floor: usize) -> Option<Found> {
    if !tokens[who - 1].is_punct(',') {
        return noun_phrase_before(tokens, who - 1, floor)
            .filter(|f| f.kind != SpeakerKind::Pronoun);
    }
    let comma = who - 1;
    let before = noun_phrase_before(tokens, comma.checked_sub(1)?, floor);
    if before
        .as_ref()
        .is_some_and(|f| f.kind == SpeakerKind::Name && !is_affiliation(tokens, f, floor))
    {
        return before;
    }
    // An appositive (`, a marine ecologist and Regents Professor at GT,`): the name before it.
    let open = (floor..comma)
        .rev()
        .take(16)
        .find(|&k| tokens[k].is_punct(','))?;
    noun_phrase_before(tokens, open.checked_sub(1)?, floor)
        .filter(|f| f.kind == SpeakerKind::Name)
        .or(before)
}

/// `Cynthia Thompson, curator and director of exhibits at the University of Arkansas,
/// Fayetteville, said`: a person's name that opens the clause at `floor` (past commas),
/// followed by a comma at or before `open`, heads the appositives that follow it.
fn leading_person(tokens: &[Token], floor: usize, open: usize) -> Option<Found> {
    let mut start = floor;
    while start < open && tokens[start].is_punct(',') {
        start += 1;
    }
    let found = noun_phrase_after(tokens, start, open)?;
    let after = tokens.partition_point(|t| t.span.start < found.span.end);
    let leads =
        found.span.start == tokens[start].span.start && after < open && tokens[after].is_punct(',');
    (found.kind == SpeakerKind::Name && leads && is_person_name(tokens, &found)).then_some(found)
}

/// `said University of California, San Diego's chancellor, Pradeep Khosla.`: after a
/// speaker that is no person (`found`), a person's name set off at the end of the clause
/// (before `end`) is the speaker, the phrases between describing them.
pub(crate) fn trailing_person(tokens: &[Token], found: &Found, end: usize) -> Option<Found> {
    if is_person_name(tokens, found) {
        return None;
    }
    let end = end.min(tokens.len());
    let mut last = end;
    while last > 0 && tokens[last - 1].is_terminal() {
        last -= 1;
    }
    let from = tokens.partition_point(|t| t.span.start < found.span.end);
    let comma = (from..last).rev().find(|&k| !tokens[k].is_word())?;
    let chain = (from..comma)
        .all(|k| tokens[k].is_punct(',') || tokens[k].is_word() && tokens[k].cue.is_none());
    if !tokens[comma].is_punct(',') || !chain || comma + 1 >= last {
        return None;
    }
    let name = name_of_run(tokens, comma + 1..last)?;
    (name.kind == SpeakerKind::Name
        && (comma + 1..last).all(|k| is_name_word(&tokens[k]))
        && is_person_name(tokens, &name))
    .then_some(name)
}

/// `A spokesman, Kevin Tran, said`: the subject with an appositive between commas. The
/// proper name wins: it is what the entities analysis links.
fn appositive_subject(tokens: &[Token], comma: usize, floor: usize) -> Option<Found> {
    let open = (floor..comma).rev().find(|&j| !tokens[j].is_word())?;
    if !tokens[open].is_punct(',') || open == floor {
        return None;
    }
    if let Some(lead) = leading_person(tokens, floor, open) {
        return Some(lead);
    }
    let head = noun_phrase_before(tokens, open - 1, floor);
    let appositive = noun_phrase_after(tokens, open + 1, comma)
        .filter(|a| a.span.end == tokens[comma - 1].span.end || a.kind != SpeakerKind::Name);
    match (head, appositive) {
        (Some(h), Some(a))
            if a.kind == SpeakerKind::Name
                && (h.kind != SpeakerKind::Name || is_affiliation(tokens, &h, floor)) =>
        {
            Some(a)
        }
        (Some(h), _) => Some(h),
        (None, Some(a)) if a.kind == SpeakerKind::Name => Some(a),
        _ => None,
    }
}

/// The noun phrase ending at token `last` (inclusive), not reaching before `floor`.
pub(crate) fn noun_phrase_before(tokens: &[Token], last: usize, floor: usize) -> Option<Found> {
    let t = word(tokens, last)?;
    if is_pronoun(t) {
        return Some(Found {
            span: t.span.clone(),
            kind: SpeakerKind::Pronoun,
        });
    }
    if t.capital {
        let mut start = last;
        while start > floor && is_name_word(&tokens[start - 1]) && !is_pronoun(&tokens[start - 1]) {
            start -= 1;
        }
        if let Some(found) = person_before_affiliation(tokens, start, last, floor) {
            return Some(found);
        }
        // `Matthew Ingram of The Globe and Mail said`: a body whose name joins two runs
        // with `and` or `&` (`Procter & Gamble`).
        if start >= floor + 2
            && matches!(tokens[start - 1].lower(), "and" | "&")
            && is_name_word(&tokens[start - 2])
        {
            let mut first = start - 2;
            while first > floor && is_name_word(&tokens[first - 1]) {
                first -= 1;
            }
            if let Some(found) = person_before_affiliation(tokens, first, last, floor) {
                return Some(found);
            }
        }
        // `Sen. Rand Paul of Kentucky said`: the person, not the place they represent;
        // `the Bank of England said`: the whole name.
        if start >= floor + 2
            && tokens[start - 1].lower == "of"
            && tokens[start - 2].capital
            && is_place(&tokens[start..=last])
        {
            let mut first = start - 2;
            while first > floor && is_name_word(&tokens[first - 1]) {
                first -= 1;
            }
            let before = &tokens[first..start - 1];
            let head = &tokens[start - 2];
            let person = before.iter().filter(|t| t.capital).count() >= 2
                && lexicon::token_flags(head.lower()) & lexicon::ORG_HEAD == 0;
            if person {
                if let Some(found) = noun_phrase_before(tokens, start - 2, floor) {
                    return Some(found);
                }
            }
            return name_of_run(tokens, first..last + 1);
        }
        // A lone capitalized group noun at the start of a sentence: `Police said`.
        if start == last && GROUPS_SET.contains(t.lower()) {
            return Some(Found {
                span: t.span.clone(),
                kind: SpeakerKind::Descriptor,
            });
        }
        // `The Russian general` is a descriptor even though capitalized at sentence start.
        return name_of_run(tokens, start..last + 1);
    }
    if is_stop(t) || is_determiner(t) {
        return None;
    }
    // A descriptor: back to its determiner or possessive (`the mayor's office`).
    let mut start = last;
    let mut found_determiner = false;
    while start > floor && last - start < 8 {
        let prev = &tokens[start - 1];
        if is_determiner(prev) {
            start -= 1;
            found_determiner = true;
            break;
        }
        if !prev.is_word() || is_stop(prev) || is_pronoun(prev) {
            break;
        }
        start -= 1;
        if is_possessive(prev) && !prev.capital {
            // `the mayor's office`: keep walking to the determiner.
            continue;
        }
    }
    // `Residents who lost their homes said`: the subject is before the relative clause.
    let mut w = start;
    while w > floor && start - w < 6 && tokens[w - 1].is_word() {
        w -= 1;
        if tokens[w].lower == "who" && w > floor {
            return noun_phrase_before(tokens, w - 1, floor);
        }
    }
    if let Some(found) = person_before_affiliation(tokens, start, last, floor) {
        return Some(found);
    }
    let head = t.lower();
    let len = last + 1 - start;
    if found_determiner || tokens[start].capital && len > 1 {
        return Some(Found {
            span: span(tokens, start..last + 1),
            kind: SpeakerKind::Descriptor,
        });
    }
    if len <= 3 && is_group_noun(head) {
        return Some(Found {
            span: span(tokens, start..last + 1),
            kind: SpeakerKind::Descriptor,
        });
    }
    // `Residents who lost power said`: the head before the relative pronoun.
    if start > floor + 1 && tokens[start - 1].lower == "who" && len <= 6 {
        return noun_phrase_before(tokens, start - 2, floor);
    }
    None
}

/// A lowercase word that can stand in a role between an affiliation and a name: a title
/// (`spokeswoman`) or a noun (`astronomer`, `victim group`), not a function word or verb.
fn is_role_word(t: &Token) -> bool {
    t.is_word()
        && !t.capital
        && !is_stop(t)
        && !is_determiner(t)
        && !is_pronoun(t)
        && !t.lower.ends_with("ed")
        && !t.lower.ends_with("ly")
}

/// Prepositions that attach a body to the person before it.
fn is_affiliation_word(t: &Token) -> bool {
    t.is_word() && matches!(t.lower(), "of" | "at" | "from" | "for")
}

/// The affiliation word before token `start` (`of`, `at`, `from`, `for`), past at most
/// four lowercase words (`of worldwide victim group Ending Clergy Abuse`, `of the Labour
/// Party`), not reaching before `floor`.
fn affiliation_before(tokens: &[Token], start: usize, floor: usize) -> Option<usize> {
    let mut k = start;
    while k > floor && start - k < 5 {
        let p = &tokens[k - 1];
        if is_affiliation_word(p) {
            return Some(k - 1);
        }
        if !p.is_word() || p.capital || is_stop(p) || is_pronoun(p) {
            return None;
        }
        k -= 1;
    }
    None
}

/// Whether the phrase `found` is the object of an affiliation (`of the Labour Party`,
/// `for the Defence of Human Rights`): it then names where a speaker works, not the speaker.
fn is_affiliation(tokens: &[Token], found: &Found, floor: usize) -> bool {
    let first = tokens.partition_point(|t| t.span.start < found.span.start);
    affiliation_before(tokens, first, floor).is_some()
}

/// `Peter Iseley of worldwide victim group Ending Clergy Abuse said`, `Yvette Cooper of the
/// Labour Party added`, `Dr. Steven Wolf at Saint Francis said`, `an official from TfL
/// stated`: the phrase `start..=last` is the body a speaker belongs to. The person named
/// before the affiliation speaks; a description before it (`a spokesman for the
/// ministry`) speaks with its affiliation. `the Bank of England`, `the University of
/// Helsinki` are one name: an organization's head word is no person.
fn person_before_affiliation(
    tokens: &[Token],
    start: usize,
    last: usize,
    floor: usize,
) -> Option<Found> {
    let of = affiliation_before(tokens, start, floor).filter(|&of| of > floor)?;
    let head = noun_phrase_before(tokens, of - 1, floor)?;
    match head.kind {
        SpeakerKind::Name if is_person_name(tokens, &head) => Some(head),
        SpeakerKind::Descriptor if !tokens[of - 1].capital => Some(Found {
            span: head.span.start..tokens[last].span.end,
            kind: SpeakerKind::Descriptor,
        }),
        _ => None,
    }
}

/// A name of two or more capitalized words with no title, organization or place word in it
/// and not a place the gazetteer knows: `Peter Iseley`, `Rand Paul`, not `Bank`, `West
/// Bank`, `Current Director` (of National Intelligence John Ratcliffe).
fn is_person_name(tokens: &[Token], found: &Found) -> bool {
    let first = tokens.partition_point(|t| t.span.start < found.span.start);
    let end = tokens.partition_point(|t| t.span.start < found.span.end);
    let run = &tokens[first..end];
    run.len() >= 2
        && run
            .iter()
            .all(|t| (t.capital || is_particle(t)) && !is_title(t))
        && run.iter().all(|t| {
            lexicon::token_flags(t.lower())
                & (lexicon::ORG_HEAD | lexicon::PLACE_HEAD | lexicon::ORG_TRAILER)
                == 0
        })
        && !is_place(run)
}

/// Whether the capitalized words are a place the gazetteer knows ("South Dakota").
fn is_place(run: &[Token]) -> bool {
    let words: Vec<&str> = run.iter().map(Token::lower).collect();
    gazetteer::lookup(&words.join(" ")).is_some()
}

/// `"…," Gary Woodall, a meteorologist at the weather service said`: an appositive whose
/// closing comma is missing. The name that opens the clause at `first` speaks, not the
/// last noun before the verb at `verb`.
pub(crate) fn name_before_open_appositive(
    tokens: &[Token],
    first: usize,
    verb: usize,
) -> Option<Found> {
    let comma = (first..verb).find(|&k| tokens[k].is_punct(','))?;
    let opens_appositive = tokens
        .get(comma + 1)
        .is_some_and(|t| matches!(t.lower(), "a" | "an" | "the"));
    if !opens_appositive || comma == first || (comma + 1..verb).any(|k| !tokens[k].is_word()) {
        return None;
    }
    let name = noun_phrase_before(tokens, comma - 1, first)?;
    (name.kind == SpeakerKind::Name && name.span.start == tokens[first].span.start).then_some(name)
}

/// The noun phrase starting at token `first`, ending before `end`: `said Rui Costa, 71`,
/// `according to its annual report`, `said another, who asked not to be named`.
pub(crate) fn noun_phrase_after(tokens: &[Token], first: usize, end: usize) -> Option<Found> {
    let end = end.min(tokens.len());
    let mut i = first;
    // `said Tuesday`, `said on Tuesday`: time words are not the speaker.
    while i < end
        && tokens[i].is_word()
        && (WEEKDAYS_SET.contains(tokens[i].lower())
            || tokens[i].lower == "on"
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| WEEKDAYS_SET.contains(n.lower())))
    {
        i += 1;
    }
    let t = word(tokens, i).filter(|_| i < end)?;
    if is_pronoun(t) {
        return Some(Found {
            span: t.span.clone(),
            kind: SpeakerKind::Pronoun,
        });
    }
    // `Fifty former intelligence officials`: a capitalized number or quantity word before
    // lowercase words opens a description, as a determiner does.
    let quantity = t.capital
        && NUMBER_WORDS_SET.contains(t.lower())
        && tokens
            .get(i + 1)
            .is_some_and(|n| i + 1 < end && n.is_word() && !n.capital && !is_stop(n));
    if t.capital && !is_determiner(t) && !quantity
        || is_particle(t) && tokens.get(i + 1).is_some_and(|n| n.capital)
    {
        let mut j = i;
        while j < end && is_name_word(&tokens[j]) && !(j > i && is_pronoun(&tokens[j])) {
            j += 1;
        }
        // `Valley Electric spokeswoman Priya Raman`, `UCL astronomer Angelos Tsiaras`: a
        // title or role noun between two capitalized runs; the second is the person.
        let mut k = j;
        while k < end && k - j < 4 && is_role_word(&tokens[k]) {
            k += 1;
        }
        if k > j && k < end && tokens[k].capital {
            let mut m = k;
            while m < end && is_name_word(&tokens[m]) {
                m += 1;
            }
            if let Some(found) = name_of_run(tokens, k..m) {
                return Some(found);
            }
        }
        // `European regulators`: a capitalized modifier of a plural group.
        if let Some(n) = tokens
            .get(j)
            .filter(|n| j < end && n.is_word() && !n.capital && !is_stop(n))
        {
            if is_group_noun(&n.lower) {
                return Some(Found {
                    span: span(tokens, i..j + 1),
                    kind: SpeakerKind::Descriptor,
                });
            }
        }
        if j - i == 1 && GROUPS_SET.contains(t.lower()) {
            return Some(Found {
                span: t.span.clone(),
                kind: SpeakerKind::Descriptor,
            });
        }
        return name_of_run(tokens, i..j);
    }
    if is_determiner(t) || is_possessive(t) || quantity {
        let mut j = i + 1;
        while j < end {
            let n = &tokens[j];
            // `one of them`: an object pronoun ends the phrase inside it.
            if is_object_pronoun(n) && tokens[j - 1].lower == "of" {
                j += 1;
                break;
            }
            if !n.is_word() || (is_stop(n) && n.lower != "of") || is_pronoun(n) {
                break;
            }
            // `the mayor's office thanked staff`: a past-tense verb ends the phrase.
            if j > i + 1 && !n.capital && n.lower.ends_with("ed") {
                break;
            }
            j += 1;
        }
        // `the Ukrainian Grain Association`: a determiner before a proper name.
        if j > i + 1 && (i + 1..j).all(|k| is_name_word(&tokens[k])) && t.lower == "the" {
            return name_of_run(tokens, i + 1..j);
        }
        while j > i + 1 && tokens[j - 1].lower == "of" {
            j -= 1;
        }
        if j == i + 1 && !STANDALONE_SET.contains(t.lower()) {
            return None;
        }
        // `another, who asked not to be named`: an unnamed source keeps its description.
        if j == i + 1
            && tokens.get(j).is_some_and(|n| n.is_punct(','))
            && tokens.get(j + 1).is_some_and(|n| n.lower == "who")
        {
            let mut m = j + 1;
            while m < end && tokens[m].is_word() {
                m += 1;
            }
            j = m;
        }
        // `in the words of the Crown prosecutor, Mark Tedeschi, QC,`: the name set off
        // after the description speaks.
        if let Some(name) = appositive_name_after(tokens, j, end) {
            return Some(name);
        }
        return Some(Found {
            span: span(tokens, i..j),
            kind: SpeakerKind::Descriptor,
        });
    }
    // `said engineer Paul Ferris`: lowercase role words before a name.
    if let Some(k) = (i + 1..end.min(i + 4)).find(|&k| tokens[k].capital) {
        if (i..k).all(|m| tokens[m].is_word() && !is_stop(&tokens[m]) && !tokens[m].capital) {
            let mut m = k;
            while m < end && is_name_word(&tokens[m]) {
                m += 1;
            }
            if let Some(found) = name_of_run(tokens, k..m) {
                return Some(found);
            }
        }
    }
    // Bare plural sources: `according to state records`, `said police`.
    if !is_stop(t) {
        let mut j = i;
        while j < end && j - i < 3 && tokens[j].is_word() && !is_stop(&tokens[j]) {
            j += 1;
        }
        let head = &tokens[j - 1];
        if GROUPS_SET.contains(head.lower()) {
            return Some(Found {
                span: span(tokens, i..j),
                kind: SpeakerKind::Descriptor,
            });
        }
    }
    None
}

/// A proper name set off by a comma at token `comma` and closed by a comma or the end of
/// the clause (before `end`): `the Crown prosecutor, Mark Tedeschi, QC`.
fn appositive_name_after(tokens: &[Token], comma: usize, end: usize) -> Option<Found> {
    if !tokens.get(comma).is_some_and(|t| t.is_punct(',')) || comma + 1 >= end {
        return None;
    }
    let mut k = comma + 1;
    while k < end && is_name_word(&tokens[k]) {
        k += 1;
    }
    let closes = k >= end || tokens[k].is_punct(',') || tokens[k].is_terminal();
    if k == comma + 1 || !closes {
        return None;
    }
    name_of_run(tokens, comma + 1..k).filter(|f| f.kind == SpeakerKind::Name)
}

/// The subject of the clause a participle hangs on: `Kowalczyk thanked the jurors,
/// calling the trial "…"` → `Kowalczyk` (the phrase that opens the sentence, when it is
/// followed by a verb-like word).
pub(crate) fn clause_subject(
    tokens: &[Token],
    sentence_start: usize,
    before: usize,
) -> Option<Found> {
    // After a dateline (`BRUSSELS, May 5 — Regulators fined…`) the clause starts at the dash.
    let mut start = (sentence_start..before.min(sentence_start + 12))
        .find(|&k| tokens[k].is_dash())
        .map_or(sentence_start, |k| k + 1);
    // `And then people started to say`: a coordinator opens the clause, not its subject.
    while start < before
        && tokens[start].is_word()
        && matches!(
            tokens[start].lower(),
            "and" | "but" | "so" | "then" | "also" | "yet" | "or"
        )
    {
        start += 1;
    }
    // `While …`, `After the leak, …`, `Writing in …,`: a subordinate clause or participle
    // opens the sentence; its subject is not the main clause's.
    let opener = tokens.get(start)?;
    if opener.is_word()
        && (SUBORDINATORS_SET.contains(opener.lower())
            || opener.capital && opener.lower.ends_with("ing"))
    {
        return None;
    }
    let found = noun_phrase_after(tokens, start, before)?;
    // The phrase must be followed by a word (its verb), not a comma or the quote.
    let after = tokens.partition_point(|t| t.span.start < found.span.end);
    match tokens.get(after) {
        Some(t) if t.kind == Kind::Word && after < before => Some(found),
        Some(t) if t.is_punct(',') => set_off_subject(tokens, found, after, before),
        _ => None,
    }
}

/// A subject followed by a phrase between commas, then its verb: `The mayor of London,
/// Sadiq Khan, gave his condolences` (the appositive name is the subject), `Trump,
/// responding to Pelosi's announcement, attacked` (the participle phrase is skipped).
fn set_off_subject(tokens: &[Token], found: Found, comma: usize, before: usize) -> Option<Found> {
    let close = (comma + 1..before.min(comma + 14)).find(|&k| !tokens[k].is_word())?;
    if !tokens[close].is_punct(',') || !tokens.get(close + 1).is_some_and(|t| t.is_word()) {
        return None;
    }
    let first = &tokens[comma + 1];
    // `Trump, responding to …, attacked`, `Nick Bos, of the University of Helsinki,
    // studies`: a participle or an affiliation set off after the name.
    let aside = first.lower.ends_with("ing") || is_affiliation_word(first);
    if found.kind == SpeakerKind::Name && !first.capital && aside {
        return Some(found);
    }
    // `The mayor of London, Sadiq Khan, gave`: the found name was the appositive itself,
    // and its closing comma comes before the verb.
    let opened_by_comma = tokens
        .partition_point(|t| t.span.start < found.span.start)
        .checked_sub(1)
        .is_some_and(|k| tokens[k].is_punct(','));
    if found.kind == SpeakerKind::Name && opened_by_comma && first.is_word() && !first.capital {
        return Some(found);
    }
    let appositive = noun_phrase_after(tokens, comma + 1, close)?;
    let whole = appositive.span.end == tokens[close - 1].span.end;
    (found.kind == SpeakerKind::Descriptor && appositive.kind == SpeakerKind::Name && whole)
        .then_some(appositive)
}
