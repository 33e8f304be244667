//! Rule 1 of attribution: a speech cue with a speaker in the quote's own sentence.
//!
//! After the quote: `"…," Rudskoi said.`, `"…," said Rui Costa, 71.`, `"…" — Jane Doe`,
//! `"…," according to the report.` Before it: `Fidan said: "…"`, `Vasquez called the vote
//! "…"`, `His lawyer, Samuel K. Whitfield Jr., wrote in a court filing that … "…"`,
//! `according to Rudskoi, "…"`, `From the mayor: "…"`, `In a statement, the ministry …`,
//! and participles that borrow the clause's subject (`…, calling the trial "…"`).

use super::cues::{self, CueWord, Form};
use super::speakers::{self, Found};
use super::tokens::{Token, Tokens};
use super::wordset::WordSet;
use super::SpeakerKind;
use crate::draft::Span;
use crate::lexicon::lexicon_file;
use std::borrow::Cow;

/// A speaker and the cue that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub speaker: Found,
    pub cue: Span,
}

impl Match {
    /// The same match with its spans moved by `by` bytes (paragraph-relative to absolute).
    pub(crate) fn shifted(&self, by: usize) -> Match {
        Match {
            speaker: Found {
                span: self.speaker.span.start + by..self.speaker.span.end + by,
                kind: self.speaker.kind,
            },
            cue: self.cue.start + by..self.cue.end + by,
        }
    }
}

fn cue_of(t: &Token, extra: &[String]) -> Option<CueWord> {
    if t.is_word() {
        t.cue
            .or_else(|| (!extra.is_empty()).then(|| cues::lookup_with(&t.lower, extra))?)
    } else {
        None
    }
}

/// `according to X`, and `attributed to X` (`a wonderful quote attributed to Einstein —
/// "…"`): X is whose words they are.
fn according_to(t: &[Token], i: usize) -> bool {
    t.get(i)
        .is_some_and(|w| w.lower == "according" || w.lower == "attributed")
        && t.get(i + 1).is_some_and(|w| w.lower == "to")
}

/// The speaker of the quote at token `qpos`, from its own sentence.
pub(crate) fn in_sentence(toks: &Tokens, qpos: usize, extra: &[String]) -> Option<Match> {
    let sent = toks.sentence_of(qpos);
    let t = &toks.tokens;
    if let Some(m) = agent_after_quote(t, sent.end, qpos) {
        return Some(m);
    }
    let after = after_quote(t, qpos, sent.end, extra);
    // `Pelosi called Trump's conduct a "breach…," according to NBC.`: the outlet that
    // reported it is the source, the person named before the quote the speaker.
    let reported = after.as_ref().is_some_and(|m| {
        t.iter()
            .find(|x| x.span.start == m.cue.start)
            .is_some_and(|x| x.lower == "according")
    });
    if reported {
        if let Some(m) =
            before_quote(t, sent.start, qpos, extra).filter(|m| m.speaker.kind == SpeakerKind::Name)
        {
            return Some(m);
        }
    }
    after.or_else(|| before_quote(t, sent.start, qpos, extra))
}

/// `The researchers suggested … They reported, "…"`: `they` as a speaker takes up the
/// plural description that is the subject of the sentence before in the paragraph (the
/// entities analysis links pronouns to people, and leaves `they` unresolved). Other
/// matches are returned as they are.
pub(crate) fn plural_antecedent(toks: &Tokens, m: Match) -> Match {
    let t = &toks.tokens;
    if m.speaker.kind != SpeakerKind::Pronoun {
        return m;
    }
    let at = t.partition_point(|x| x.span.start < m.speaker.span.start);
    if t.get(at).is_none_or(|w| w.lower != "they") {
        return m;
    }
    let here = toks.sentences.partition_point(|s| s.end <= at);
    let Some(before) = here.checked_sub(1).and_then(|p| toks.sentences.get(p)) else {
        return m;
    };
    let subject = speakers::clause_subject(t, before.start, before.end).filter(|f| {
        f.kind == SpeakerKind::Descriptor
            && speakers::is_person_head(t, f)
            && speakers::has_plural_head(t, f)
    });
    match subject {
        Some(found) => Match {
            speaker: found,
            cue: m.cue,
        },
        None => m,
    }
}

/// Attribution that follows the quote (token `qpos`) before the sentence ends at `end`.
pub(crate) fn after_quote(t: &[Token], qpos: usize, end: usize, extra: &[String]) -> Option<Match> {
    // A semicolon ends the quote's clause: `they "would not consider it"; Interpol did not
    // disclose …` is another statement.
    let end = (qpos + 1..end).find(|&k| t[k].is_punct(';')).unwrap_or(end);
    let mut i = qpos + 1;
    while i < end && t[i].is_punct(',') {
        i += 1;
    }
    if i >= end {
        return None;
    }
    // `"…" — Jane Doe`: a credit line.
    if t[i].is_dash() {
        let found = speakers::noun_phrase_after(t, i + 1, end)?;
        let close = t
            .iter()
            .position(|x| x.span.start >= found.span.end)
            .unwrap_or(end);
        let credit_ends = close >= end || t[close].is_punct(',') || t[close].is_terminal();
        return (found.kind == SpeakerKind::Name && credit_ends).then(|| Match {
            speaker: found,
            cue: t[i].span.clone(),
        });
    }
    // `"…", reads the report`, `reads an AEW press release`: a document's words.
    if matches!(t[i].lower(), "reads" | "read") {
        if let Some(found) = speakers::noun_phrase_after(t, i + 1, end) {
            let head = t.partition_point(|x| x.span.start < found.span.end);
            let document = (i + 1..head).any(|k| DOCUMENTS_SET.contains(t[k].lower()));
            if document {
                return Some(Match {
                    speaker: document_author(t, found),
                    cue: t[i].span.clone(),
                });
            }
        }
    }
    // `"…," said Rui Costa`: the verb first.
    if let Some(cue) = cue_of(&t[i], extra) {
        if cue.form == Form::Finite && !cue.before_quote_only {
            if let Some(found) = speakers::noun_phrase_after(t, i + 1, end) {
                let found = speakers::trailing_person(t, &found, end).unwrap_or(found);
                return Some(Match {
                    speaker: found,
                    cue: t[i].span.clone(),
                });
            }
        }
    }
    // `"…," Rudskoi said`, `"…," according to the report`.
    let limit = end.min(i + 25);
    for j in i..limit {
        if t[j].quote().is_some() {
            // `than the "Gilligan's Island" character, Boll said`: a quoted name after an
            // article is part of the sentence, not the next quote.
            let named = j > i
                && matches!(
                    t[j - 1].lower(),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their"
                );
            if named {
                continue;
            }
            break;
        }
        if according_to(t, j) {
            return source_after_according_to(t, j, end).map(|found| Match {
                speaker: found,
                cue: t[j].span.start..t[j + 1].span.end,
            });
        }
        let Some(cue) = cue_of(&t[j], extra) else {
            continue;
        };
        if cue.form != Form::Finite || cue.before_quote_only {
            continue;
        }
        if let Some(found) = subject_or_author(t, j, qpos + 1) {
            let found = match found.kind {
                // `"…" that together predict a drop, Dr. Michael Miller, a cardiologist,
                // told the AP`: a relative clause on the quote is no speaker.
                SpeakerKind::Descriptor
                    if found.span.start == t[i].span.start
                        && matches!(t[i].lower(), "that" | "which") =>
                {
                    match name_after_relative_clause(t, j, end, extra) {
                        Some(name) => name,
                        None => continue,
                    }
                }
                SpeakerKind::Descriptor => {
                    speakers::name_before_open_appositive(t, i, j).unwrap_or(found)
                }
                _ => found,
            };
            return Some(Match {
                speaker: found,
                cue: t[j].span.clone(),
            });
        }
    }
    // `"…," was Smith's reply.`
    possessive_utterance(t, qpos + 1, end)
}

/// The subject of the verb at `verb`, or, when the subject is a document or utterance of
/// someone named (`Cornyn's statement added`, `The WHO's website said`, `PC World's recent
/// analysis … concluded`), its author.
fn subject_or_author(t: &[Token], verb: usize, floor: usize) -> Option<Found> {
    let found = speakers::subject_of_verb(t, verb, floor)?;
    if found.kind != SpeakerKind::Descriptor {
        return Some(found);
    }
    let first = t.partition_point(|x| x.span.start < found.span.start);
    let end = t.partition_point(|x| x.span.start < found.span.end);
    let author = (first..end.min(first + 4)).find(|&k| t[k].capital && ends_in_apostrophe_s(&t[k]));
    let head = (first..end).find(|&k| {
        DOCUMENTS_SET.contains(t[k].lower()) || cues::UTTERANCE_NOUNS_SET.contains(t[k].lower())
    });
    match (author, head) {
        (Some(a), Some(h)) if a < h => possessor(t, floor.max(first), a).or(Some(found)),
        _ => Some(document_author(t, found)),
    }
}

/// A document described with its author's name as a modifier speaks for that author:
/// `an AEW press release` (AEW), `The Home Office letter` (Home Office), `the Senate
/// report`. Other descriptions are returned as they are.
fn document_author(t: &[Token], found: Found) -> Found {
    if found.kind != SpeakerKind::Descriptor {
        return found;
    }
    let first = t.partition_point(|x| x.span.start < found.span.start);
    let end = t.partition_point(|x| x.span.start < found.span.end);
    let Some(head) = end.checked_sub(1).filter(|&h| h > first) else {
        return found;
    };
    let document = DOCUMENTS_SET.contains(t[head].lower())
        || (t[head].lower == "release" && t[head - 1].lower == "press");
    if !document {
        return found;
    }
    let opens = |k: usize| t[k].capital && !speakers::is_determiner_word(t[k].lower());
    let Some(start) = (first..head).find(|&k| opens(k)) else {
        return found;
    };
    let mut stop = start;
    while stop < head && t[stop].capital && t[stop].is_word() && !ends_in_apostrophe_s(&t[stop]) {
        stop += 1;
    }
    // The name runs up to the document's own words (`press release`, `letter`).
    let whole_modifier = (stop..head).all(|k| !t[k].capital);
    if stop == start || !whole_modifier {
        return found;
    }
    Found {
        span: t[start].span.start..t[stop - 1].span.end,
        kind: SpeakerKind::Name,
    }
}

/// The name set off by commas after a relative clause that ends at the cue word `j`, with
/// its own speech verb later in the sentence (before `end`): `"…" that together predict a
/// drop, Dr. Michael Miller, a cardiologist, told the AP`.
fn name_after_relative_clause(
    t: &[Token],
    j: usize,
    end: usize,
    extra: &[String],
) -> Option<Found> {
    let speaks = |k: usize| {
        (k + 1..end).any(|m| cue_of(&t[m], extra).is_some_and(|c| c.form == Form::Finite))
    };
    (j + 1..end)
        .filter(|&k| t[k].capital && t[k - 1].is_punct(',') && speaks(k))
        .find_map(|k| speakers::noun_phrase_after(t, k, end))
        .filter(|f| f.kind == SpeakerKind::Name)
}

/// Attribution before the quote (token `qpos`) in the sentence starting at token `start`.
fn before_quote(t: &[Token], start: usize, qpos: usize, extra: &[String]) -> Option<Match> {
    // Another quote earlier in the sentence bounds the search: `"…," he said, "…"`.
    let floor = (start..qpos)
        .rev()
        .find(|&j| t[j].quote().is_some())
        .map_or(start, |j| j + 1);
    let mut participle = None;
    for j in (floor..qpos).rev() {
        if according_to(t, j) {
            if let Some(found) = source_after_according_to(t, j, qpos) {
                return Some(Match {
                    speaker: found,
                    cue: t[j].span.start..t[j + 1].span.end,
                });
            }
        }
        let Some(cue) = cue_of(&t[j], extra) else {
            continue;
        };
        match cue.form {
            Form::Finite => {
                if let Some((found, verb)) = finite_speaker(t, j, cue, floor, extra) {
                    return Some(Match {
                        speaker: found,
                        cue: t[verb].span.clone(),
                    });
                }
            }
            Form::Participle => {
                participle.get_or_insert(j);
            }
        }
    }
    // `lauded by John Updike as "…"`, `introduced himself as "…"`.
    if let Some(m) = passive_agent(t, floor, qpos).or_else(|| reflexive_as(t, floor, qpos)) {
        return Some(m);
    }
    // `From the mayor: "…"`.
    if t.get(floor).is_some_and(|w| w.lower == "from")
        && qpos > floor + 1
        && t[qpos - 1].is_punct(':')
    {
        // The phrase must reach the colon: `a "formal update" from Braverman is
        // forthcoming: "…"` names who will speak later, not who speaks here.
        if let Some(found) = speakers::noun_phrase_after(t, floor + 1, qpos - 1)
            .filter(|f| f.span.end == t[qpos - 2].span.end)
        {
            return Some(Match {
                speaker: found,
                cue: t[floor].span.clone(),
            });
        }
    }
    // `In a statement, the mayor's office thanked staff for "…"`.
    if let Some(m) = statement_lead(t, floor, qpos) {
        return Some(m);
    }
    // `Smith's reply: "…"`, `In the words of one resident, "…"`.
    if let Some(m) = possessive_utterance(t, floor, qpos) {
        return Some(m);
    }
    // `Asked again, the mayor smiled: "…"`.
    if let Some(m) = reaction_lead(t, floor, qpos) {
        return Some(m);
    }
    // `An official account made the following announcement: "…"`.
    if let Some(m) = issued_statement(t, floor, qpos) {
        return Some(m);
    }
    // `Kowalczyk thanked the jurors, calling the trial "…"`; `…, with Boswell stating:
    // "…"` (the participle's own subject).
    let by_participle = participle.and_then(|j| {
        participle_own_subject(t, floor, j)
            .or_else(|| speakers::clause_subject(t, floor, j))
            .or_else(|| after_opening_phrase(t, floor, j))
            .map(|found| Match {
                speaker: found,
                cue: t[j].span.clone(),
            })
    });
    by_participle.or_else(|| colon_lead(t, start, qpos))
}

/// `Sunak defended the government's record whilst promising a "formal update": "…"`,
/// `Ingram dubbed the conflict: "…"`: a sentence whose main clause leads through a colon
/// to the quote gives it the clause's subject, a person named or described, whatever the
/// verb. An opening phrase set off by a comma (`During Prime Minister's Questions, …`)
/// is not the clause.
pub(crate) fn colon_lead(t: &[Token], start: usize, qpos: usize) -> Option<Match> {
    if qpos < start + 3 || !t[qpos - 1].is_punct(':') {
        return None;
    }
    let colon = qpos - 1;
    let subject = |from: usize| {
        let found = speakers::clause_subject(t, from, colon)?;
        let first = t.partition_point(|x| x.span.start < found.span.start);
        let verb = t.partition_point(|x| x.span.start < found.span.end);
        // The phrase opens the clause (`Matthew Ingram of The Globe and Mail dubbed`
        // yields no part of itself), and is more than a title (`CEO of the Refugee
        // Council Enver Solomon told`).
        let opens = (from..first).all(|k| speakers::is_determiner(&t[k]));
        let title_only = verb == first + 1 && speakers::is_title(&t[first]);
        let person = names_a_person(t, &found);
        (opens && !title_only && person && t.get(verb)?.is_word()).then(|| Match {
            cue: t[verb].span.clone(),
            speaker: found,
        })
    };
    subject(start).or_else(|| subject(opening_phrase_end(t, start, colon)? + 1))
}

/// `During Prime Minister's Questions Wednesday, Sunak defended the record whilst
/// promising a "formal update"`: the subject of the main clause after an opening phrase
/// set off by a comma, when it names a person (a phrase of its own is not the clause).
fn after_opening_phrase(t: &[Token], floor: usize, participle: usize) -> Option<Found> {
    // An opening phrase starts with a preposition or a subordinator; a noun phrase before
    // the comma (`Fifty officials, including CIA directors, signed …`) is the subject.
    if !t.get(floor).is_some_and(speakers::is_subordinator) {
        return None;
    }
    let from = opening_phrase_end(t, floor, participle)? + 1;
    speakers::clause_subject(t, from, participle).filter(|found| names_a_person(t, found))
}

/// Whether a phrase names a person, or describes one (`the mayor`, not `the report`); a
/// pronoun does not count.
fn names_a_person(t: &[Token], found: &Found) -> bool {
    match found.kind {
        SpeakerKind::Name => true,
        SpeakerKind::Descriptor => speakers::is_person_head(t, found),
        SpeakerKind::Pronoun => false,
    }
}

/// The comma that ends a phrase opening the sentence (`During questions on Wednesday,`):
/// the first outside brackets, so that a list in brackets after a name (`Jenn St-Onge
/// (Nancy Drew, Jem and the Misfits) told …`) is not taken for one.
fn opening_phrase_end(t: &[Token], start: usize, end: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, token) in t.iter().enumerate().take(end).skip(start) {
        match token.kind {
            super::tokens::Kind::Punct('(') => depth += 1,
            super::tokens::Kind::Punct(')') => depth = depth.saturating_sub(1),
            super::tokens::Kind::Punct(',') if depth == 0 => return Some(k),
            _ => {}
        }
    }
    None
}

/// The speaker of the finite cue at token `j` (`cue`), reading back to `floor`, and the
/// cue that names it.
fn finite_speaker(
    t: &[Token],
    j: usize,
    cue: CueWord,
    floor: usize,
    extra: &[String],
) -> Option<(Found, usize)> {
    // `The government announced the tests…, and said there was "…"`: a verb joined by
    // `and` shares the subject of the clause it joins.
    // Not a bare `say` (`where would you put the line and say, "…"` imagines speech).
    if j > floor + 1 && t[j - 1].lower == "and" && t[j].lower != cue.lemma {
        if let Some(found) = speakers::clause_subject(t, floor, j - 1) {
            return Some((found, j));
        }
    }
    let found = subject_or_author(t, j, floor)?;
    let thing = found.kind == SpeakerKind::Descriptor && !speakers::is_person_head(t, &found);
    if !cue.before_quote_only || !thing {
        return Some((found, j));
    }
    // `Hawkins claimed the pandemic shows the US is a "failed state"`: a verb that only
    // introduces a quotation (`shows`, `found`, `informed`) inside what an earlier speech
    // verb reports; the quotation is the earlier speaker's.
    let first = t.partition_point(|x| x.span.start < found.span.start);
    let outer = (floor..first).rev().find_map(|k| {
        let c = cue_of(&t[k], extra)?;
        (c.form == Form::Finite && !c.before_quote_only)
            .then(|| subject_or_author(t, k, floor))
            .flatten()
            .filter(|f| f.kind != SpeakerKind::Descriptor)
            .map(|f| (f, k))
    });
    Some(outer.unwrap_or((found, j)))
}

/// `…, with Boswell stating: "…"`, `with one poster writing "…"`: a participle whose
/// subject stands right before it after `with` speaks, not the clause's subject.
fn participle_own_subject(t: &[Token], floor: usize, j: usize) -> Option<Found> {
    let found = speakers::noun_phrase_before(t, j.checked_sub(1)?, floor)?;
    let first = t.partition_point(|x| x.span.start < found.span.start);
    let with = first.checked_sub(1).filter(|&w| w >= floor)?;
    let person = names_a_person(t, &found);
    (t[with].lower == "with" && person).then_some(found)
}

/// `described as "knife-obsessed" by the police`: the agent of a passive verb, named after
/// the quote its "as" introduces, speaks it.
fn agent_after_quote(t: &[Token], end: usize, qpos: usize) -> Option<Match> {
    let (verb, by) = (t.get(qpos.checked_sub(2)?)?, t.get(qpos + 1)?);
    let passive = verb.is_word() && !verb.capital && verb.lower.ends_with("ed");
    if !(passive && t[qpos - 1].lower == "as" && by.lower == "by") {
        return None;
    }
    let found = speakers::noun_phrase_after(t, qpos + 2, end)?;
    Some(Match {
        speaker: found,
        cue: verb.span.start..t[qpos - 1].span.end,
    })
}

/// `Carroll introduced himself as "pro-life"`: who calls themselves something says it.
fn reflexive_as(t: &[Token], floor: usize, qpos: usize) -> Option<Match> {
    if qpos < floor + 3 || t[qpos - 1].lower != "as" {
        return None;
    }
    let reflexive = matches!(t[qpos - 2].lower(), "himself" | "herself" | "themselves");
    let verb = qpos - 3;
    if !reflexive || !t[verb].is_word() {
        return None;
    }
    let found = speakers::subject_of_verb(t, verb, floor)?;
    Some(Match {
        speaker: found,
        cue: t[verb].span.start..t[qpos - 1].span.end,
    })
}

/// `lauded by John Updike as "…"`, `described by police as "…"`: the agent of a passive
/// verb speaks the quote that follows its "as".
fn passive_agent(t: &[Token], floor: usize, qpos: usize) -> Option<Match> {
    if qpos < floor + 4 || t[qpos - 1].lower != "as" {
        return None;
    }
    let by = (floor + 1..qpos - 1).rev().find(|&k| t[k].lower == "by")?;
    let verb = &t[by - 1];
    if !verb.is_word() || !verb.lower.ends_with("ed") {
        return None;
    }
    let found = speakers::noun_phrase_after(t, by + 1, qpos - 1)?;
    Some(Match {
        speaker: found,
        cue: verb.span.start..t[by].span.end,
    })
}

/// `data/lexicon/issuing-verbs.txt`.
static ISSUING_VERBS_SET: WordSet = WordSet::lexicon(lexicon_file!("issuing-verbs"));

/// `Cornyn issued a statement regarding the decision.`, `An official account made the
/// following announcement: "…"`: the subject of a verb that puts out a statement noun in
/// the tokens `from..to` is who speaks the quotation it introduces.
fn issued_statement(t: &[Token], from: usize, to: usize) -> Option<Match> {
    for k in from..to {
        let noun = t[k].lower();
        if !(cues::STATEMENT_NOUNS_SET.contains(noun) || noun == "announcement") {
            continue;
        }
        let verb = (from..k)
            .rev()
            .take(4)
            .find(|&v| t[v].is_word() && !t[v].capital && ISSUING_VERBS_SET.contains(t[v].lower()));
        let Some(v) = verb else { continue };
        // Only a determiner and modifiers between: `a statement`, `the following
        // announcement`, `a short video message`.
        let modifiers = (v + 1..k).all(|m| t[m].is_word() && !speakers::is_stop_word(&t[m]));
        if !modifiers {
            continue;
        }
        if let Some(found) = subject_or_author(t, v, from) {
            return Some(Match {
                speaker: found,
                cue: t[v].span.start..t[k].span.end,
            });
        }
    }
    None
}

/// `The mayor smiled: "…"`, `Pruitt shrugged: "…"`: a speaker and one past-tense verb of
/// manner, then a colon, introduce the quote as a speech verb would.
fn reaction_lead(t: &[Token], floor: usize, qpos: usize) -> Option<Match> {
    if qpos < floor + 3 || !t[qpos - 1].is_punct(':') {
        return None;
    }
    let verb = &t[qpos - 2];
    if !verb.is_word() || verb.capital || !verb.lower().ends_with("ed") {
        return None;
    }
    let found = subject_or_author(t, qpos - 2, floor)?;
    Some(Match {
        speaker: found,
        cue: verb.span.clone(),
    })
}

/// `In a statement, X …` / `In an email to reporters, X …`: the statement names the source
/// and the clause after the comma names the speaker.
fn statement_lead(t: &[Token], floor: usize, qpos: usize) -> Option<Match> {
    if t.get(floor)?.lower != "in" {
        return None;
    }
    let noun = (floor + 1..qpos.min(floor + 5))
        .find(|&j| cues::STATEMENT_NOUNS_SET.contains(t[j].lower()))?;
    let comma = (noun..qpos).find(|&j| !t[j].is_word())?;
    if !t[comma].is_punct(',') {
        return None;
    }
    let found = speakers::clause_subject(t, comma + 1, qpos)?;
    Some(Match {
        speaker: found,
        cue: t[floor].span.start..t[noun].span.end,
    })
}

/// A sentence's speaker without a quote (indirect speech): `Fidan said Ankara would send
/// escorts.` Used for a quotation that follows in the same paragraph.
pub(crate) fn indirect_speaker(
    toks: &Tokens,
    sent: std::ops::Range<usize>,
    extra: &[String],
) -> Option<Match> {
    let t = &toks.tokens;
    for j in sent.clone() {
        if according_to(t, j) {
            if let Some(found) = source_after_according_to(t, j, sent.end) {
                return Some(Match {
                    speaker: found,
                    cue: t[j].span.start..t[j + 1].span.end,
                });
            }
        }
        let Some(cue) = cue_of(&t[j], extra) else {
            continue;
        };
        if cue.form != Form::Finite || cue.before_quote_only {
            continue;
        }
        if let Some(found) = subject_or_author(t, j, sent.start) {
            return Some(Match {
                speaker: found,
                cue: t[j].span.clone(),
            });
        }
        if let Some(found) = speakers::noun_phrase_after(t, j + 1, sent.end)
            .filter(|_| j > sent.start && t[j - 1].is_punct(','))
        {
            return Some(Match {
                speaker: found,
                cue: t[j].span.clone(),
            });
        }
    }
    issued_statement(t, sent.start, sent.end)
}

/// Attribution inside the text of a quote left open: `"We are ready, Smith said.` (the
/// closing mark was forgotten, so the credit sits inside the quote's span).
pub(crate) fn inside_open_quote(inner: &Tokens, extra: &[String]) -> Option<Match> {
    let t = &inner.tokens;
    for sent in &inner.sentences {
        for c in sent.clone() {
            if t[c].is_punct(',') {
                if let Some(m) = after_quote(t, c, sent.end, extra) {
                    // The credit must close its sentence: `…, Smith said.`
                    let close = t
                        .iter()
                        .position(|x| x.span.start >= m.speaker.span.end.max(m.cue.end));
                    let ends = close
                        .is_none_or(|k| k >= sent.end || t[k].is_terminal() || t[k].is_punct(','));
                    if ends {
                        return Some(m);
                    }
                }
            }
        }
    }
    None
}

/// Whose words a quote inside a running sentence with no speech verb is: the sentence's
/// subject, when it is a name or a personal pronoun and its verb is no copula (`Hawkins
/// attacked the "macho culture"`, `Trump hailed the agreements as the "dawn of a new
/// Middle East."`, `It also urged people to "…"`). A description is too loose a tie (`The
/// company's new helmet is their "…"`); a document subject has its own rule
/// ([`document_subject`]).
pub(crate) fn subject_user(toks: &Tokens, qpos: usize) -> Option<Match> {
    let t = &toks.tokens;
    let sent = toks.sentence_of(qpos);
    // `…told Sky News any process "must be thought out": "Moves…"`: a second quote is the
    // first one's speaker's (rule 2), not the subject's.
    if (sent.start..qpos).any(|k| t[k].quote().is_some()) {
        return None;
    }
    let found = speakers::clause_subject(t, sent.start, qpos)?;
    let verb = t.partition_point(|x| x.span.start < found.span.end);
    let verb = (verb..qpos).find(|&k| t[k].is_word())?;
    let personal =
        found.kind == SpeakerKind::Pronoun && matches!(t[verb - 1].lower(), "he" | "she" | "it");
    if !(found.kind == SpeakerKind::Name || personal) || COPULAS_SET.contains(t[verb].lower()) {
        return None;
    }
    Some(Match {
        speaker: found,
        cue: t[verb].span.clone(),
    })
}

/// `data/lexicon/documents.txt`.
pub(super) static DOCUMENTS_SET: WordSet = WordSet::lexicon(lexicon_file!("documents"));

const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "seems", "seemed", "looks", "looked",
    "remains", "remained", "became", "becomes", "will", "would", "could", "might", "may",
];

static COPULAS_SET: WordSet = WordSet::new(COPULAS);

/// A partial quote from a document named as the sentence's subject: `The indictment
/// accuses O'Brien of "…"`. Not for copulas: `The plan is "…"` quotes nobody.
pub(crate) fn document_subject(toks: &Tokens, qpos: usize) -> Option<Match> {
    let t = &toks.tokens;
    let sent = toks.sentence_of(qpos);
    if let Some(m) = document_reads(t, sent.start, qpos) {
        return Some(m);
    }
    let found = speakers::clause_subject(t, sent.start, qpos)?;
    if found.kind == SpeakerKind::Pronoun {
        return None;
    }
    let last = t
        .partition_point(|x| x.span.end <= found.span.end)
        .checked_sub(1)?;
    if !DOCUMENTS_SET.contains(t[last].lower()) {
        return None;
    }
    let verb = t.get(last + 1)?;
    if COPULAS_SET.contains(verb.lower()) {
        return None;
    }
    Some(Match {
        speaker: document_author(t, found),
        cue: verb.span.clone(),
    })
}

/// `The Home Office letter reads "…"`: a document noun and `reads` right before the
/// quote (the phrase reader takes `reads` for part of the noun phrase, so the subject is
/// read back from the document noun).
fn document_reads(t: &[Token], start: usize, qpos: usize) -> Option<Match> {
    let verb = qpos.checked_sub(1).filter(|&v| v > start)?;
    if !matches!(t[verb].lower(), "reads" | "read") || !DOCUMENTS_SET.contains(t[verb - 1].lower())
    {
        return None;
    }
    let found = speakers::noun_phrase_before(t, verb - 1, start)?;
    Some(Match {
        speaker: document_author(t, found),
        cue: t[verb].span.clone(),
    })
}

/// `Smith's reply: "…"`, `the mayor's message was blunt: "…"`, `in the words of one
/// resident, "…"`: the possessor of an utterance noun is the speaker.
/// `Smith's`, `Smith’s` (not the plural `officials'`): the forms [`possessor`] cuts.
fn ends_in_apostrophe_s(w: &Token) -> bool {
    w.lower.ends_with("'s") || w.lower.ends_with("’s")
}

/// The possessor of the word at `j` without its `'s` (`Smith's` → `Smith`), with the
/// name words before it back to `floor`.
fn possessor(t: &[Token], floor: usize, j: usize) -> Option<Found> {
    let w = &t[j];
    let cut = w.span.end - "'s".len() - usize::from(w.lower.ends_with("’s")) * 2;
    let mut stripped = w.clone();
    stripped.span.end = cut;
    stripped.lower = Cow::Owned(
        stripped
            .lower
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string(),
    );
    stripped.cue = cues::lookup(&stripped.lower);
    let mut window: Vec<Token> = t[floor..j].to_vec();
    window.push(stripped);
    speakers::noun_phrase_before(&window, window.len() - 1, 0)
}

/// Who `according to` at token `j` names: `according to the report`, and the author of
/// an utterance, `according to Wilson's statement` (Wilson).
fn source_after_according_to(t: &[Token], j: usize, end: usize) -> Option<Found> {
    speakers::noun_phrase_after(t, j + 2, end).or_else(|| {
        let noun = t.get(j + 3).filter(|_| j + 3 < end)?;
        let w = &t[j + 2];
        (ends_in_apostrophe_s(w) && w.capital && cues::UTTERANCE_NOUNS_SET.contains(noun.lower()))
            .then(|| possessor(t, j + 2, j + 2))
            .flatten()
    })
}

fn possessive_utterance(t: &[Token], floor: usize, qpos: usize) -> Option<Match> {
    for j in floor..qpos {
        let w = &t[j];
        if w.lower == "words" && t.get(j + 1).is_some_and(|n| n.lower == "of") {
            if let Some(found) = source_after_according_to(t, j, qpos) {
                return Some(Match {
                    speaker: found,
                    cue: w.span.start..t[j + 1].span.end,
                });
            }
        }
        let noun = t
            .get(j + 1)
            .filter(|n| cues::UTTERANCE_NOUNS_SET.contains(n.lower()));
        let Some(noun) = noun.filter(|_| j + 1 < qpos) else {
            continue;
        };
        if !w.is_word() {
            continue;
        }
        let possessive = ends_in_apostrophe_s(w);
        let pronoun = matches!(w.lower(), "his" | "her" | "their");
        if !possessive && !pronoun {
            continue;
        }
        let found = if pronoun {
            Some(Found {
                span: w.span.clone(),
                kind: SpeakerKind::Pronoun,
            })
        } else {
            possessor(t, floor, j)
        };
        if let Some(found) = found {
            return Some(Match {
                speaker: found,
                cue: noun.span.clone(),
            });
        }
    }
    None
}
