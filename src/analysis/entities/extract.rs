//! Candidate names: capitalized sequences of the prose, split into title and name, typed as
//! person, place or organization by the evidence around them.

use super::gazetteer;
use super::lexicon::*;
use super::orgs::{classify_name, is_demonym, NameClass};
use super::roles::{has_age, roles_around, Role};
use super::tokens::Token;
use super::EntityKind;
use crate::draft::{Draft, Span};

/// One name found in the text, before coreference.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The name itself: no title, no possessive `'s`.
    pub span: Span,
    pub text: String,
    /// The spans of the name's words.
    pub words: Vec<Span>,
    pub kind: Option<EntityKind>,
    /// Something around it says it is a person (title, speech verb, age, role).
    pub person_evidence: bool,
    /// Something around it says it is a place ("in X", "near X").
    pub place_evidence: bool,
    pub roles: Vec<Role>,
    /// The title or honorific written before the name ("Councillor", "Dr.").
    pub title: Option<String>,
    /// Capitalized only by position, and no other evidence yet.
    pub weak: bool,
    pub gender: Option<Gender>,
    /// For "Ana and José Martínez": the surname "Ana" shares.
    pub shared_surname: Option<String>,
}

impl Candidate {
    /// The words of the name as written.
    pub fn word_texts<'a>(&self, prose: &'a str) -> Vec<&'a str> {
        self.words
            .iter()
            .filter_map(|w| prose.get(w.clone()))
            .collect()
    }
}

fn is_connector(lower: &str) -> bool {
    matches!(lower, "of" | "for" | "at" | "on" | "the" | "and" | "de")
}

/// Extracts every candidate name from the prose. `speaker_spans` are names the attribution
/// found as speakers, sorted by start: being quoted is evidence of a person.
pub fn candidates(draft: &Draft, toks: &[Token], speaker_spans: &[Span]) -> Vec<Candidate> {
    let prose = draft.prose.as_str();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !(t.word && t.cap) || is_calendar(t.text) {
            i += 1;
            continue;
        }
        // Grow the chunk: capitalized words, particles between capitals, licensed connectors.
        let mut j = i;
        loop {
            let next = j + 1;
            let Some(n) = toks.get(next) else { break };
            if n.sentence != t.sentence || !n.word {
                break;
            }
            if n.cap && !is_calendar(n.text) {
                j = next;
                continue;
            }
            let lower = n.lower();
            let cap_after = |k: usize| {
                toks.get(k)
                    .is_some_and(|x| x.word && x.cap && !is_calendar(x.text))
            };
            if is_particle(lower) && cap_after(next + 1) && toks[j].cap {
                j = next;
                continue;
            }
            if is_connector(lower) && lower != "the" && lower != "and" {
                let prev = &toks[j];
                let licensed = is_org_head(prev.text)
                    || is_place_head(prev.text)
                    || is_title_head(prev.text)
                    || (lower == "at" && (i..=j).any(|k| is_org_head(toks[k].text)));
                if licensed {
                    if cap_after(next + 1) {
                        j = next + 1;
                        continue;
                    }
                    if toks
                        .get(next + 1)
                        .is_some_and(|x| x.word && x.lower() == "the")
                        && cap_after(next + 2)
                    {
                        j = next + 2;
                        continue;
                    }
                }
            }
            break;
        }
        interpret_chunk(draft, prose, toks, i, j, speaker_spans, &mut out);
        i = j + 1;
    }
    dateline_place(draft, toks, &mut out);
    coordinated_first_names(prose, toks, &mut out);
    out.sort_by_key(|c| c.span.start);
    out.dedup_by(|a, b| a.span == b.span);
    out
}

fn is_name_word(t: &Token) -> bool {
    t.word
        && (t.cap || is_particle(t.text))
        && !is_title_head(t.text)
        && !is_org_head(t.text)
        && !is_calendar(t.text)
        && !is_not_name(t.text)
}

fn interpret_chunk(
    draft: &Draft,
    prose: &str,
    toks: &[Token],
    mut a: usize,
    b: usize,
    speakers: &[Span],
    out: &mut Vec<Candidate>,
) {
    // Leading function words ("The Riverton", "In Kyiv"), unless the whole is a place
    // ("New York"). A capital "The" mid-sentence opens a publication's name ("The Lancet").
    let publication = toks[a].word && !toks[a].weak && toks[a].text == "The" && a < b;
    while a <= b {
        let t = &toks[a];
        let whole = prose.get(t.span.start..toks[b].span.end).unwrap_or("");
        if a < b && gazetteer::lookup(whole).is_some() {
            break;
        }
        if (is_function_word(t.text) && (t.weak || matches!(t.lower(), "the" | "a" | "an")))
            || is_not_name(t.text)
            || (a < b && is_connector(t.lower()))
        {
            a += 1;
        } else {
            break;
        }
    }
    if a > b {
        return;
    }
    // A title before the name: the rightmost title word followed only by name words.
    let mut title_at = None;
    for h in (a..b).rev() {
        if (h + 1..=b).all(|k| {
            is_name_word(&toks[k])
                || is_suffix(toks[k].text)
                || (toks[k].text.len() <= 2 && toks[k].text.ends_with('.'))
        }) && toks[h].word
            && (is_title_head(toks[h].text)
                // The object of a title's "of" ("Secretary of State Antony Blinken").
                || (h > a
                    && matches!(toks[h - 1].lower(), "of" | "for")
                    && (a..h).any(|k| is_title_head(toks[k].text))))
            && toks[h + 1].cap
        {
            title_at = Some(h);
            break;
        }
    }
    if let Some(h) = title_at {
        // Honorifics ("Dr.", "Mr.") carry no role; a title with words before it is a role
        // chain ("Turkish Foreign Minister").
        let mut title_start = h;
        while title_start > a
            && is_title_head(toks[title_start - 1].text)
            && !toks[title_start - 1].possessive
        {
            title_start -= 1;
        }
        let title = text_span(prose, toks, title_start, h);
        let role_text = text_span(prose, toks, a, h);
        let mut c = person(draft, prose, toks, h + 1, b, speakers);
        c.person_evidence = true;
        c.weak = false;
        c.gender = c.gender.or_else(|| gender_of_word(toks[h].text));
        if !is_honorific(toks[h].text) {
            c.roles.push(Role {
                text: role_text,
                source: super::roles::RoleSource::Title,
            });
        }
        // Roles written before the title belong to the name ("The council's president, Dr. …").
        for r in roles_around(prose, toks, a, b) {
            if !c.roles.contains(&r) {
                c.roles.push(r);
            }
        }
        c.title = Some(title);
        out.push(c);
        return;
    }
    // No title: split at possessives and "at" (Syria's Aleppo), unless what follows is an
    // organization's name (the U.S. Attorney's Office for …).
    if publication {
        let mut c = base_candidate(prose, toks, a, b);
        c.kind = Some(EntityKind::Organization);
        out.push(c);
        return;
    }
    let mut start = a;
    let mut k = a;
    while k <= b {
        let split_here = k < b
            && (toks[k].possessive || toks[k + 1].lower() == "at")
            && !(toks[k].possessive && (k + 1..=b).any(|x| is_org_head(toks[x].text)));
        if split_here {
            simple_name(draft, prose, toks, start, k, speakers, out);
            start = if toks[k + 1].lower() == "at" {
                k + 2
            } else {
                k + 1
            };
            k = start;
            continue;
        }
        k += 1;
    }
    if start <= b {
        simple_name(draft, prose, toks, start, b, speakers, out);
    }
}

fn text_span(prose: &str, toks: &[Token], a: usize, b: usize) -> String {
    prose
        .get(toks[a].span.start..toks[b].span.end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person's name over tokens `a..=b`, with the roles and evidence around it.
fn person(
    draft: &Draft,
    prose: &str,
    toks: &[Token],
    a: usize,
    b: usize,
    speakers: &[Span],
) -> Candidate {
    let mut c = base_candidate(prose, toks, a, b);
    c.kind = Some(EntityKind::Person);
    c.roles = roles_around(prose, toks, a, b);
    c.person_evidence = true;
    let _ = (draft, speakers);
    c.gender = c
        .roles
        .iter()
        .find_map(|r| super::roles::gender_of_role(&r.text));
    c
}

fn base_candidate(prose: &str, toks: &[Token], a: usize, b: usize) -> Candidate {
    let span = toks[a].span.start..toks[b].span.end;
    Candidate {
        text: text_span(prose, toks, a, b),
        span,
        words: (a..=b)
            .filter(|&k| toks[k].word)
            .map(|k| toks[k].span.clone())
            .collect(),
        kind: None,
        person_evidence: false,
        place_evidence: false,
        roles: Vec::new(),
        title: None,
        weak: toks[a].weak,
        gender: None,
        shared_surname: None,
    }
}

/// Does `span` overlap one of `sorted` (spans sorted by start)? Speaker names are short and
/// rarely overlap each other, so the few spans starting just before `span` ends decide.
fn overlaps_any(sorted: &[Span], span: &Span) -> bool {
    let before_end = sorted.partition_point(|s| s.start < span.end);
    sorted[..before_end]
        .iter()
        .rev()
        .take(8)
        .any(|s| span.start < s.end)
}

/// A name without a title: typed by its own words, then by what surrounds it.
fn simple_name(
    draft: &Draft,
    prose: &str,
    toks: &[Token],
    mut a: usize,
    mut b: usize,
    speakers: &[Span],
    out: &mut Vec<Candidate>,
) {
    // Nationality adjectives are not names, and lead organization names only
    // ("Canadian Medical Association Journal").
    while a <= b && is_demonym(toks[a].text) && !(a..=b).any(|k| is_org_head(toks[k].text)) {
        a += 1;
    }
    while b > a && !toks[b].cap && !toks[b].text.ends_with('.') {
        b -= 1;
    }
    if a > b || !toks[a].cap {
        return;
    }
    if a == b && (is_not_name(toks[a].text) || is_title_head(toks[a].text) && !toks[a].all_caps) {
        return;
    }
    let mut c = base_candidate(prose, toks, a, b);
    let next = toks
        .get(b + 1)
        .filter(|n| n.word && n.sentence == toks[b].sentence && !toks[b].possessive);
    // "the Castello Road", "At the Café Atlântico": people do not take an article.
    let after_article = a > 0
        && toks[a - 1].word
        && toks[a - 1].sentence == toks[a].sentence
        && matches!(toks[a - 1].lower(), "the" | "a" | "an");
    let class = classify_name(
        &c.text,
        &c.word_texts(prose),
        next.map(|n| n.text),
        toks[a].all_caps,
    );
    match class {
        NameClass::NotAName => return,
        NameClass::Org => c.kind = Some(EntityKind::Organization),
        NameClass::Place { include_trailer } => {
            c.kind = Some(EntityKind::Place);
            if include_trailer {
                if let Some(n) = next {
                    c.span.end = n.span.end;
                    c.text = text_span(prose, toks, a, b + 1);
                }
            }
        }
        NameClass::Unknown | NameClass::Gazetteer => {}
    }
    // Evidence from the surroundings.
    let overlaps_speaker = overlaps_any(speakers, &c.span);
    let mut v = b + 1;
    while toks.get(v).is_some_and(|t| {
        t.word
            && (matches!(
                t.lower(),
                "also"
                    | "later"
                    | "then"
                    | "has"
                    | "had"
                    | "have"
                    | "again"
                    | "previously"
                    | "earlier"
                    | "repeatedly"
            ) || t.lower().ends_with("ly") && !t.cap)
    }) {
        v += 1;
    }
    let speech_after = toks
        .get(v)
        .is_some_and(|t| t.word && !t.cap && is_speech_verb(t.text));
    let speech_before = a > 0
        && toks[a - 1].word
        && !toks[a - 1].cap
        && is_speech_verb(toks[a - 1].text)
        && toks[a - 1].sentence == toks[a].sentence;
    let roles = if c.kind.is_none() {
        roles_around(prose, toks, a, b)
    } else {
        Vec::new()
    };
    let age = has_age(toks, b);
    let plural_common = a == b && is_role_noun(toks[a].text);
    // A place the gazetteer knows speaks only by metonymy ("Russia said"): it is a person
    // only with an age or a role, and a country never.
    let speech = overlaps_speaker || speech_after || speech_before;
    let role_evidence = roles
        .iter()
        .any(|r| r.source != super::roles::RoleSource::Clause || c.words.len() >= 2);
    let evidence = match class {
        NameClass::Gazetteer => {
            (age || role_evidence)
                && gazetteer::lookup(&c.text)
                    .is_some_and(|(p, _)| p.kind == gazetteer::PlaceKind::City)
        }
        _ => speech || age || role_evidence,
    };
    if c.kind.is_none() && !plural_common && !after_article && evidence {
        c.person_evidence = true;
        c.roles = roles;
        c.gender = c
            .roles
            .iter()
            .find_map(|r| super::roles::gender_of_role(&r.text));
    }
    if class == NameClass::Gazetteer && !c.person_evidence {
        c.kind = Some(EntityKind::Place);
    }
    if c.kind.is_none() && !c.person_evidence {
        // "in northern Alberta", "near Cedar Point", "from Malta".
        let mut p = a;
        while p > 0
            && toks[p - 1].word
            && !toks[p - 1].cap
            && matches!(
                toks[p - 1].lower(),
                "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "rural"
                    | "downtown"
                    | "suburban"
                    | "neighbouring"
                    | "neighboring"
                    | "nearby"
            )
        {
            p -= 1;
        }
        if p > 0
            && c.words.len() <= 3
            && toks[p - 1].word
            && matches!(
                toks[p - 1].lower(),
                "in" | "near"
                    | "from"
                    | "to"
                    | "across"
                    | "outside"
                    | "around"
                    | "into"
                    | "throughout"
                    | "toward"
                    | "towards"
                    | "via"
                    | "through"
            )
        {
            c.place_evidence = true;
        }
        if after_article
            && c.words.len() <= 3
            && a >= 2
            && matches!(
                toks[a - 2].lower(),
                "at" | "in" | "near" | "outside" | "inside"
            )
        {
            c.place_evidence = true;
        }
        if gazetteer::lookup(&c.text).is_some() && !(c.weak && is_function_word(&c.text)) {
            c.kind = Some(EntityKind::Place);
        }
    }
    // A capital that only opens a sentence needs evidence beyond itself.
    let in_gazetteer = c.kind == Some(EntityKind::Place) && gazetteer::lookup(&c.text).is_some();
    c.weak = toks[a].weak && c.words.len() == 1 && !in_gazetteer && !c.person_evidence;
    if toks[a].weak && c.words.len() == 1 && c.kind.is_some() && is_function_word(&c.text) {
        return;
    }
    if toks[a].weak && c.words.len() >= 2 && is_function_word(toks[a].text) {
        return;
    }
    let _ = draft;
    out.push(c);
}

/// The dateline's place (`MOSCOW, October 13.`, `PORTO VELHO DO SUL —`).
fn dateline_place(draft: &Draft, toks: &[Token], out: &mut Vec<Candidate>) {
    if let Some(d) = &draft.dateline {
        if !out
            .iter()
            .any(|c| c.span.start < d.place_span.end && d.place_span.start < c.span.end)
        {
            out.retain(|c| !(c.span.start < d.place_span.end && d.place_span.start < c.span.end));
        }
        out.retain(|c| !(c.span.start < d.place_span.end && d.place_span.start < c.span.end));
        let words = toks
            .iter()
            .filter(|t| {
                t.word && t.span.start >= d.place_span.start && t.span.end <= d.place_span.end
            })
            .map(|t| t.span.clone())
            .collect();
        out.push(dateline_candidate(
            d.place_span.clone(),
            d.place.clone(),
            words,
        ));
        return;
    }
    // No dateline from the draft model: an all-capitals run opening a body paragraph and
    // followed by a comma or a dash.
    let mut seen_paragraph = usize::MAX;
    let mut found: Vec<Candidate> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.paragraph == seen_paragraph || !t.word {
            continue;
        }
        seen_paragraph = t.paragraph;
        if draft.paragraphs.get(t.paragraph).is_none_or(|p| p.heading) || !t.all_caps {
            continue;
        }
        let mut j = i;
        while toks.get(j + 1).is_some_and(|n| {
            n.word && n.all_caps
                || n.word && n.text.len() <= 3 && n.text.chars().all(char::is_uppercase)
        }) {
            j += 1;
        }
        let mut k = j + 1;
        while toks.get(k).is_some_and(|n| n.is("*") || n.is("_")) {
            k += 1;
        }
        if !toks
            .get(k)
            .is_some_and(|n| n.is(",") || n.is("—") || n.is("–"))
        {
            continue;
        }
        let span = t.span.start..toks[j].span.end;
        let text = draft.prose.get(span.clone()).unwrap_or("").to_string();
        if text.split_whitespace().any(is_not_name) {
            continue;
        }
        let words = toks[i..=j].iter().map(|t| t.span.clone()).collect();
        found.push(dateline_candidate(span, text, words));
    }
    if !found.is_empty() {
        out.retain(|c| {
            let k = found.partition_point(|d| d.span.end <= c.span.start);
            found.get(k).is_none_or(|d| d.span.start >= c.span.end)
        });
        out.extend(found);
    }
}

fn dateline_candidate(span: Span, text: String, words: Vec<Span>) -> Candidate {
    Candidate {
        span,
        text,
        words,
        kind: Some(EntityKind::Place),
        person_evidence: false,
        place_evidence: true,
        roles: Vec::new(),
        title: None,
        weak: false,
        gender: None,
        shared_surname: None,
    }
}

/// "Ana and José Martínez": the first name shares the surname that follows.
fn coordinated_first_names(prose: &str, toks: &[Token], out: &mut [Candidate]) {
    let starts: std::collections::HashMap<usize, usize> = out
        .iter()
        .enumerate()
        .map(|(i, c)| (c.span.start, i))
        .collect();
    for i in 0..out.len() {
        if out[i].words.len() != 1 {
            continue;
        }
        let end = out[i].span.end;
        let k = toks.partition_point(|t| t.span.start < end);
        if !toks.get(k).is_some_and(|t| t.word && t.lower() == "and") {
            continue;
        }
        let Some(next) = toks.get(k + 1) else {
            continue;
        };
        let Some(&o) = starts.get(&next.span.start) else {
            continue;
        };
        let other = &out[o];
        if other.words.len() == 2 && other.kind.is_none_or(|k| k == EntityKind::Person) {
            let surname = other.word_texts(prose).last().map(|s| s.to_string());
            let roles = other.roles.clone();
            let c = &mut out[i];
            c.shared_surname = surname;
            c.person_evidence = true;
            if c.roles.is_empty() {
                c.roles = roles;
            }
        }
    }
}

/// The names of candidates that stand where their capital is evidence (not sentence-initial):
/// a sentence-initial word matching one of them is a name too.
pub fn strong_surfaces(cands: &[Candidate], prose: &str) -> super::lexicon::HashSet<String> {
    let mut set = super::lexicon::HashSet::default();
    for c in cands.iter().filter(|c| !c.weak) {
        if !set.contains(&c.text) {
            set.insert(c.text.clone());
        }
        if c.kind == Some(EntityKind::Person) || c.kind.is_none() && c.person_evidence {
            for w in c.word_texts(prose) {
                if !set.contains(w) {
                    set.insert(w.to_string());
                }
            }
        }
    }
    set
}

/// Resolves the candidates that needed evidence (sentence-initial capitals): kept when the
/// same word is a name elsewhere, or a close spelling of a person's name, dropped otherwise.
pub fn settle_weak(cands: &mut Vec<Candidate>, prose: &str) {
    let strong = strong_surfaces(cands, prose);
    let mut person_words = super::variants::Buckets::default();
    for c in cands
        .iter()
        .filter(|c| !c.weak && (c.kind == Some(EntityKind::Person) || c.person_evidence))
    {
        for w in c.word_texts(prose) {
            person_words.insert(w);
        }
    }
    cands.retain_mut(|c| {
        if !c.weak {
            return true;
        }
        if strong.contains(&c.text) {
            c.weak = false;
            return true;
        }
        if person_words.has_strong_variant(&c.text) {
            c.weak = false;
            c.person_evidence = true;
            return true;
        }
        false
    });
}
