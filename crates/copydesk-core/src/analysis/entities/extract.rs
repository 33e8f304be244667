//! Candidate names: capitalized sequences of the prose, split into title and name, typed as
//! person, place or organization by the evidence around them.

use super::coref::NameParts;
use super::gazetteer;
use super::lexicon::*;
use super::orgs::{classify_tokens, is_demonym, NameClass};
use super::roles::{has_age, roles_around, Role};
use super::tokens::Token;
use super::variants::fold;
use super::EntityKind;
use crate::analysis::words::contains_word;
use crate::draft::{Draft, Span};

/// One name found in a paragraph, before coreference. Spans are relative to the paragraph's
/// start (see [`Cand`] for the document stage's view).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The name itself: no title, no possessive `'s`.
    pub span: Span,
    pub text: String,
    /// The spans of the name's words.
    pub words: Box<[Span]>,
    pub kind: Option<EntityKind>,
    /// Something around it says it is a person (title, speech verb, age, role).
    pub person_evidence: bool,
    /// Something around it says it is a place ("in X", "near X").
    pub place_evidence: bool,
    pub roles: Vec<Role>,
    /// The title or honorific written before the name ("Councillor", "Dr.").
    pub title: Option<Box<str>>,
    /// Capitalized only by position, and no other evidence yet.
    pub weak: bool,
    pub gender: Option<Gender>,
    /// For "Ana and José Martínez": the surname "Ana" shares.
    pub shared_surname: Option<Box<str>>,
    /// Read here once for the document stage (see [`prepare`]).
    pub doc: DocFacts,
}

/// What the document stage asks of each candidate, read with the paragraph so that an edit
/// costs the document stage no reading.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFacts {
    /// The name folded (lowercase, no accents).
    pub folded: String,
    /// The gazetteer's current name of the place it names, and that name folded.
    pub place: Option<&'static str>,
    pub place_folded: Option<Box<str>>,
    /// Given name, middles, surname, as a person's name.
    pub parts: Option<NameParts>,
    /// The romanized skeleton of the name, for candidates that may need a close spelling.
    pub skeleton: Option<Box<str>>,
    /// Its roles and title in lowercase, kinship and clauses marked `~`, in order.
    pub role_entries: Vec<String>,
}

/// Fills in what the document stage will ask of `c`; `prose` is the paragraph's.
fn prepare(c: &mut Candidate, prose: &str) {
    let may_be_person = match c.kind {
        None | Some(EntityKind::Person) => true,
        Some(EntityKind::Place) => c.words.len() == 1 && !c.place_evidence,
        Some(EntityKind::Organization) => false,
    };
    let place = gazetteer::lookup(&c.text).map(|(p, _)| p.name);
    let mut roles: Vec<String> = c
        .roles
        .iter()
        .map(|r| {
            let lower = r.text.to_lowercase();
            let weak = r.source == super::roles::RoleSource::Kinship
                || r.source == super::roles::RoleSource::Clause;
            if weak {
                format!("~{lower}")
            } else {
                lower
            }
        })
        .collect();
    if let Some(t) = &c.title {
        roles.push(t.to_lowercase());
    }
    c.doc = DocFacts {
        folded: fold(&c.text),
        place,
        place_folded: place.map(|p| fold(p).into()),
        // Only a name that may stand for a person is split into parts.
        parts: may_be_person
            .then(|| super::coref::name_parts_of(&c.word_texts(prose), c.shared_surname.as_deref()))
            .flatten(),
        skeleton: (c.weak || c.kind.is_none()).then(|| super::variants::skeleton(&c.text).into()),
        role_entries: roles,
    };
    // Kept for the whole analysis: the room pushes left is not.
    c.roles.shrink_to_fit();
    c.doc.folded.shrink_to_fit();
    c.doc.role_entries.shrink_to_fit();
}

impl Candidate {
    /// The words of the name as written; `prose` is the paragraph's prose.
    pub(crate) fn word_texts<'a>(&self, prose: &'a str) -> Vec<&'a str> {
        self.words
            .iter()
            .filter_map(|w| prose.get(w.clone()))
            .collect()
    }
}

/// A candidate as the document stage sees it: placed in the draft, with what the document
/// stage decides about it (a weak capital confirmed elsewhere).
#[derive(Debug, Clone)]
pub(crate) struct Cand<'a> {
    pub c: &'a Candidate,
    /// The paragraph's start.
    pub base: usize,
    /// The name's span in the draft.
    pub span: Span,
    pub weak: bool,
    pub person_evidence: bool,
}

impl<'a> Cand<'a> {
    pub fn new(c: &'a Candidate, base: usize) -> Cand<'a> {
        Cand {
            c,
            base,
            span: base + c.span.start..base + c.span.end,
            weak: c.weak,
            person_evidence: c.person_evidence,
        }
    }

    /// The words of the name as written, without collecting them.
    pub(crate) fn words_in<'p>(
        &self,
        prose: &'p str,
    ) -> impl Iterator<Item = &'p str> + use<'p, '_> {
        let base = self.base;
        self.c
            .words
            .iter()
            .filter_map(move |w| prose.get(base + w.start..base + w.end))
    }

    /// The last word of the name as written.
    pub(crate) fn last_word<'p>(&self, prose: &'p str) -> Option<&'p str> {
        let w = self.c.words.last()?;
        prose.get(self.base + w.start..self.base + w.end)
    }
}

impl std::ops::Deref for Cand<'_> {
    type Target = Candidate;
    fn deref(&self) -> &Candidate {
        self.c
    }
}

fn is_connector(lower: &str) -> bool {
    matches!(lower, "of" | "for" | "at" | "on" | "the" | "and" | "de")
}

/// What the extractor reads of one paragraph, and what it notes for the document stage.
struct Scan<'t, 'a> {
    /// The paragraph's prose.
    prose: &'a str,
    toks: &'t [Token<'a>],
    /// The paragraph's start in the draft.
    base: usize,
    /// Names the attribution found as speakers (draft offsets, sorted by start).
    speakers: &'t [Span],
    /// Candidates a speaker overlapping them would make people (relative spans).
    sensitive: Vec<Span>,
    /// A headline in title case: its capitals join no words into names (see
    /// [`is_title_case_heading`]).
    title_case: bool,
}

/// The candidates of one paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParagraphNames {
    /// Sorted by start; spans relative to the paragraph.
    pub cands: Vec<Candidate>,
    /// The candidates when the draft has no dateline, when they differ: an all-capitals
    /// place opening the paragraph is then taken for one.
    pub without_dateline: Option<Vec<Candidate>>,
    /// Spans (relative) of the candidates that would change if a quote's speaker overlapped
    /// them: the document stage reads the paragraph again with the speakers when one does.
    pub speaker_sensitive: Vec<Span>,
}

impl ParagraphNames {
    /// The candidates for a draft with or without a dateline.
    pub fn for_draft(&self, has_dateline: bool) -> &[Candidate] {
        match (&self.without_dateline, has_dateline) {
            (Some(alt), false) => alt,
            _ => &self.cands,
        }
    }
}

/// Extracts every candidate name of paragraph `p`. `speakers` are names the attribution
/// found as speakers (draft offsets, sorted by start): being quoted is evidence of a person.
/// `extra_verbs` are the configured speech verbs' forms (sorted).
pub fn paragraph(
    draft: &Draft,
    p: usize,
    speakers: &[Span],
    extra_verbs: &[String],
) -> ParagraphNames {
    let Some(para) = draft.paragraphs.get(p) else {
        return ParagraphNames::default();
    };
    let Some(prose) = draft.prose.get(para.span.clone()) else {
        return ParagraphNames::default();
    };
    let base = para.span.start;
    let openings = super::tokens::openings(draft, p);
    let mut lower = String::new();
    let mut toks = super::tokens::tokenize(prose, para.heading, &openings, &mut lower);
    super::tokens::flag_extra_speech_verbs(&mut toks, extra_verbs);
    let mut scan = Scan {
        prose,
        toks: &toks,
        base,
        speakers,
        sensitive: Vec::new(),
        title_case: para.heading && is_title_case_heading(&toks),
    };
    let mut out = candidates(&mut scan);
    let dateline = draft
        .dateline
        .as_ref()
        .filter(|d| para.span.contains(&d.span.start));
    let without_dateline = match dateline {
        Some(d) => {
            let place =
                d.place_span.start.saturating_sub(base)..d.place_span.end.saturating_sub(base);
            dateline_place(&toks, place, d.place.clone(), &mut out);
            None
        }
        None if para.heading => None,
        None => fallback_dateline(prose, &toks).map(|found| {
            let mut alt = out.clone();
            alt.retain(|c| !(c.span.start < found.span.end && found.span.start < c.span.end));
            alt.push(found);
            finish(prose, &toks, &mut alt);
            alt
        }),
    };
    finish(prose, &toks, &mut out);
    // Kept with the paragraph for the whole analysis, and a candidate is a few hundred
    // bytes: the room pushes left would be a large part of a long draft's peak memory.
    out.shrink_to_fit();
    let mut speaker_sensitive = scan.sensitive;
    speaker_sensitive.shrink_to_fit();
    ParagraphNames {
        cands: out,
        without_dateline,
        speaker_sensitive,
    }
}

/// Pairs coordinated first names, orders the candidates and drops repeated spans.
fn finish(prose: &str, toks: &[Token], out: &mut Vec<Candidate>) {
    coordinated_first_names(prose, toks, out);
    out.sort_by_key(|c| c.span.start);
    out.dedup_by(|a, b| a.span == b.span);
    for c in out.iter_mut() {
        prepare(c, prose);
    }
}

/// The capitalized chunks of a paragraph, each read as names.
fn candidates(scan: &mut Scan) -> Vec<Candidate> {
    let toks = scan.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !(t.word && t.cap) || t.has(CALENDAR_WORD) {
            i += 1;
            continue;
        }
        // Grow the chunk: capitalized words, particles between capitals, licensed connectors.
        let mut j = i;
        if scan.title_case {
            // Each word alone: a place the gazetteer knows stands; any other needs the
            // story to name it elsewhere (see `settle_weak`).
            interpret_chunk(scan, i, i, &mut out);
            i += 1;
            continue;
        }
        // Whether an organization's head word stands in toks[i..org_upto].
        let mut org_upto = i;
        let mut org_seen = false;
        loop {
            let next = j + 1;
            let Some(n) = toks.get(next) else { break };
            if n.sentence != t.sentence || !n.word {
                break;
            }
            if n.cap && !n.has(CALENDAR_WORD) {
                j = next;
                continue;
            }
            let lower = n.lower();
            let cap_after = |k: usize| {
                toks.get(k)
                    .is_some_and(|x| x.word && x.cap && !x.has(CALENDAR_WORD))
            };
            // "Borja del Pozo Cruz", "Ursula von der Leyen", "Anna de la Cruz": one or two
            // particles between capitals.
            if n.has(PARTICLE) && toks[j].cap {
                if cap_after(next + 1) {
                    j = next;
                    continue;
                }
                let second = toks
                    .get(next + 1)
                    .is_some_and(|x| lowercase_particle(x) && x.sentence == t.sentence);
                if second && cap_after(next + 2) {
                    j = next + 1;
                    continue;
                }
            }
            // "Food and Drug Administration": an "and" that is part of a name.
            if lower == "and"
                && cap_after(next + 1)
                && joined_by_and(toks[j].lower(), toks[next + 1].lower())
            {
                j = next + 1;
                continue;
            }
            // "Bosnia and Herzegovina", "Isle of Man": a place the gazetteer knows whole.
            if let Some(end) = place_across(scan, i, next) {
                j = end;
                continue;
            }
            if is_connector(lower) && lower != "the" && lower != "and" {
                let prev = &toks[j];
                let licensed = prev.has(ORG_HEAD)
                    || prev.has(PLACE_HEAD)
                    || prev.has(TITLE)
                    || (lower == "at" && {
                        while org_upto <= j {
                            org_seen |= toks[org_upto].has(ORG_HEAD);
                            org_upto += 1;
                        }
                        org_seen
                    });
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
        interpret_chunk(scan, particles_before(toks, i, j), j, &mut out);
        i = j + 1;
    }
    out
}

/// A name particle written in lowercase ("de", "von"), as inside a name.
fn lowercase_particle(t: &Token) -> bool {
    t.word && !t.cap && t.has(PARTICLE)
}

/// Where a name that opens with its lowercase particles starts ("said del Pozo Cruz",
/// "von der Leyen said", "de Blasio"): the particles before the capitalized `toks[a..=b]`,
/// when those are all name words; else `a`. Particles that are also common English words
/// before a capital ("do", "ten") and particles after an article or a possessive ("a van",
/// "his van") open nothing.
fn particles_before(toks: &[Token], a: usize, b: usize) -> usize {
    let opens_a_name = |t: &Token| {
        lowercase_particle(t)
            && t.sentence == toks[a].sentence
            && !matches!(t.lower(), "do" | "ten" | "y" | "op" | "zu" | "af")
    };
    if !(a..=b).all(|k| is_name_word(&toks[k]) && toks[k].cap) {
        return a;
    }
    let mut start = a;
    while start > 0 && a - start < 2 && opens_a_name(&toks[start - 1]) {
        start -= 1;
    }
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "my", "your",
    ];
    let determined = start
        .checked_sub(1)
        .is_some_and(|k| toks[k].word && DETERMINERS.contains(&toks[k].lower()));
    if determined {
        a
    } else {
        start
    }
}

/// The last word of a place the gazetteer knows that runs from the capitalized `toks[first]`
/// across the lowercase link word at `at` ([`links_a_place`]) to a later capitalized word,
/// when that place is one name: "Trinidad and Tobago", "Isle of Man", "Dar es Salaam",
/// "Newcastle upon Tyne", "Jerez de la Frontera". Two countries joined by "and" stay two
/// ("Serbia and Montenegro" held talks), even where the gazetteer keeps the union of both
/// under that name.
fn place_across(scan: &Scan, first: usize, at: usize) -> Option<usize> {
    /// The longest joined name the gazetteer holds runs over this many words.
    const MAX_WORDS: usize = 7;
    let toks = scan.toks;
    if !links_a_place(&toks[at]) {
        return None;
    }
    let sentence = toks[first].sentence;
    let mut found = None;
    for end in at + 1..(first + MAX_WORDS).min(toks.len()) {
        let t = &toks[end];
        if !t.word || t.sentence != sentence {
            break;
        }
        if !t.cap {
            if links_a_place(t) {
                continue;
            }
            break;
        }
        let name = text_span(scan.prose, toks, first, end);
        if gazetteer::lookup(&name).is_some() {
            let country = |a: usize, b: usize| {
                gazetteer::lookup(&text_span(scan.prose, toks, a, b)).is_some_and(|(p, s)| {
                    p.kind == gazetteer::PlaceKind::Country && s == gazetteer::Spelling::Current
                })
            };
            let union = toks[at].lower() == "and" && country(first, at - 1) && country(at + 1, end);
            if !union {
                found = Some(end);
            }
        }
    }
    found
}

/// A lowercase word that joins the capitalized words of a place's name: connectors and name
/// particles ("of", "and", "de la", "del") and the particles of place names alone ("Dar es
/// Salaam", "Frankfurt am Main", "Newcastle upon Tyne").
fn links_a_place(t: &Token) -> bool {
    t.has(PARTICLE)
        || matches!(
            t.lower(),
            "and" | "of" | "the" | "es" | "ez" | "am" | "an" | "upon" | "under" | "sur"
        )
}

/// Word pairs an "and" joins inside the names of institutions ("Food and Drug
/// Administration", "Department of Health and Human Services"). Elsewhere an "and" between
/// capitals separates two names ("Kyiv and Lviv", "the Pentagon and State Department").
const JOINED_BY_AND: &[(&str, &str)] = &[
    ("alcohol", "tobacco"),
    ("arts", "sciences"),
    ("bill", "melinda"),
    ("control", "prevention"),
    ("co-operation", "development"),
    ("cooperation", "development"),
    ("customs", "border"),
    ("energy", "commerce"),
    ("environment", "climate"),
    ("firearms", "explosives"),
    ("fish", "wildlife"),
    ("food", "agriculture"),
    ("food", "drug"),
    ("foreign", "commonwealth"),
    ("health", "human"),
    ("housing", "urban"),
    ("immigration", "customs"),
    ("johnson", "johnson"),
    ("justice", "home"),
    ("management", "budget"),
    ("marks", "spencer"),
    ("oversight", "reform"),
    ("procter", "gamble"),
    ("research", "development"),
    ("science", "technology"),
    ("securities", "exchange"),
    ("security", "co-operation"),
    ("security", "cooperation"),
    ("trade", "industry"),
    ("ways", "means"),
];

fn joined_by_and(before: &str, after: &str) -> bool {
    JOINED_BY_AND.contains(&(before, after))
}

/// Words a headline in title case may leave in lowercase (articles, conjunctions,
/// prepositions), as Chicago and AP headline styles do.
const MINOR_WORDS: &[&str] = &[
    "a", "amid", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
    "off", "on", "onto", "or", "out", "over", "per", "than", "the", "to", "up", "upon", "via",
    "vs", "with", "yet",
];

/// A headline in title case: "Police Debunk Claims Of Attack On Wike", "Putin Says Talks in
/// Kyiv Went Well". Four words or more, each capitalized, a figure or a minor word, and a
/// sign of the style after the first word: a capitalized function word or speech verb, or a
/// minor word left in lowercase. (A headline in sentence case can be all names and function
/// words, "Sergey Rudskoi said on Thursday": its lowercase verb tells it apart.) Its capitals
/// say nothing of names, and read as in running text they would join the whole headline
/// into one organization's name.
fn is_title_case_heading(toks: &[Token]) -> bool {
    let mut words = 0;
    let mut sign = false;
    for t in toks.iter().filter(|t| t.word) {
        let figure = t.text.starts_with(|c: char| c.is_ascii_digit());
        let minor = MINOR_WORDS.contains(&t.lower());
        if !(t.cap || figure || minor) {
            return false;
        }
        if words > 0 {
            sign |= if t.cap {
                t.has(FUNCTION | SPEECH_VERB)
            } else {
                minor
            };
        }
        words += 1;
    }
    words >= 4 && sign
}

/// A lawmaker's party and state after the name, as American papers write it: "Chuck
/// Schumer, D-N.Y.,", "Ted Cruz, R-Texas,", "Bernie Sanders, I-Vt.": no name of its own.
fn is_party_label(toks: &[Token], a: usize) -> bool {
    let text = toks[a].text.as_bytes();
    a > 0
        && toks[a - 1].is(",")
        && text.len() >= 3
        && matches!(text[0], b'D' | b'R' | b'I')
        && text[1] == b'-'
        && text[2].is_ascii_uppercase()
}

fn is_name_word(t: &Token) -> bool {
    t.word
        && (t.cap || (t.has(PARTICLE) && t.text == t.lower()))
        && !t.has(TITLE | ORG_HEAD | CALENDAR_WORD | NOT_NAME)
}

fn interpret_chunk(scan: &mut Scan, mut a: usize, b: usize, out: &mut Vec<Candidate>) {
    let (prose, toks) = (scan.prose, scan.toks);
    if is_party_label(toks, a) {
        return;
    }
    // Leading function words ("The Riverton", "In Kyiv"), unless the whole is a place
    // ("New York"). A capital "The" mid-sentence opens a publication's name ("The Lancet"),
    // or a place's ("The Hague").
    let publication = toks[a].word
        && !toks[a].weak
        && toks[a].text == "The"
        && a < b
        && gazetteer::lookup(prose.get(toks[a].start..toks[b].end).unwrap_or("")).is_none();
    while a <= b {
        let t = &toks[a];
        if a < b {
            let whole = prose.get(t.start..toks[b].end).unwrap_or("");
            if gazetteer::lookup(whole).is_some() {
                break;
            }
        }
        // A compass word opens a company's name when the name ends as one does ("Western
        // Digital Corp", "Southern Company"), and nothing else ("Western officials").
        let compass_of_org = a < b
            && toks[b].has(ORG_HEAD)
            && matches!(
                t.lower(),
                "western" | "eastern" | "northern" | "southern" | "central"
            );
        // A name's own leading particles stay: "de la Cruz" (see `particles_before`), and
        // "De la Cruz" opening a sentence.
        let own_particle = t.has(PARTICLE)
            && a < b
            && (!t.cap || lowercase_particle(&toks[a + 1]))
            && toks[a + 1..=b].iter().any(|k| k.cap);
        if own_particle {
            break;
        }
        // A role noun capitalized only because it opens the sentence ("Actress Denise
        // Crosby is set to appear"): a role before the name, as "actress Denise Crosby"
        // is (see `roles_around`), not the name's first word.
        let opening_role = a < b
            && t.weak
            && toks[a + 1].cap
            && !t.has(TITLE)
            && !t.has(GIVEN_NAME)
            && is_singular_role_noun_lower(t.lower(), t.flags)
            // "Assistant U.S. Attorney Maria Delgado-Reyes": it qualifies a title.
            && !toks[a + 1..=b].iter().any(|k| k.has(TITLE));
        // Any other word capitalized only because it opens the sentence, before a given
        // name and a surname ("Curator Kathryn Waters showed"): a description, not the
        // name's first word. The gazetteer has had its say on the whole run above.
        let before_full_name = (a + 2..=a + 3).contains(&b)
            && t.weak
            && !t.possessive
            && !t.all_caps
            && !t.has(GIVEN_NAME | TITLE | ORG_HEAD | PLACE_HEAD | PARTICLE)
            && toks[a + 1].has(GIVEN_NAME)
            && toks[a + 1..=b]
                .iter()
                .all(|k| k.cap && !k.has(FUNCTION | ORG_HEAD | PLACE_HEAD | TITLE));
        if (t.has(FUNCTION) && (t.weak || matches!(t.lower(), "the" | "a" | "an")))
            || (t.has(NOT_NAME) && !compass_of_org)
            || (a < b && is_connector(t.lower()))
            || opening_role
            || before_full_name
        {
            a += 1;
        } else {
            break;
        }
    }
    if a > b {
        return;
    }
    // A title before the name: the rightmost title word followed only by name words. Once
    // a word that is not a name word is met (from the right), no title further left fits.
    let first_title = (a..b).find(|&k| toks[k].has(TITLE));
    let mut title_at = None;
    if first_title.is_some() {
        for h in (a..b).rev() {
            let k = &toks[h + 1];
            let name_like =
                is_name_word(k) || k.has(SUFFIX) || (k.text.len() <= 2 && k.text.ends_with('.'));
            if !name_like {
                break;
            }
            if toks[h].word
                && (toks[h].has(TITLE)
                    // The object of a title's "of" ("Secretary of State Antony Blinken").
                    || (h > a
                        && !toks[h].has(FUNCTION)
                        && matches!(toks[h - 1].lower(), "of" | "for")
                        && first_title.is_some_and(|f| f < h)))
                && toks[h + 1].cap
            {
                title_at = Some(h);
                break;
            }
        }
    }
    if let Some(head) = title_at {
        // The words that qualify the title after its head are no name: "Chief Executive
        // Sarah O'Neill", "Chief Operating Officer Jo Lee" (a title word further right
        // would have been the head).
        let mut h = head;
        while h + 1 < b && super::roles::is_title_modifier(toks[h + 1].lower()) && toks[h + 2].cap {
            h += 1;
        }
        // "Director of Public Safety Alvin Henderson": the title runs on to a given name.
        if b - h >= 3 && !toks[h + 1].has(GIVEN_NAME) {
            if let Some(g) = (h + 2..b).find(|&g| toks[g].has(GIVEN_NAME)) {
                h = g - 1;
            }
        }
        // Honorifics ("Dr.", "Mr.") carry no role; a title with words before it is a role
        // chain ("Turkish Foreign Minister").
        let mut title_start = head;
        while title_start > a
            && toks[title_start - 1].has(TITLE)
            && !toks[title_start - 1].possessive
        {
            title_start -= 1;
        }
        let title = text_span(prose, toks, title_start, h);
        let role_text = text_span(prose, toks, a, h);
        let mut c = person(prose, toks, h + 1, b);
        c.person_evidence = true;
        c.weak = false;
        c.gender = c.gender.or_else(|| gender_of_word(toks[head].lower()));
        if !toks[head].has(HONORIFIC) {
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
        c.title = Some(title.into());
        // The body or place the role chain opens with is named too: "NASA Administrator
        // Charles Bolden", "New York Mayor Bill de Blasio".
        if title_start > a && !toks[a..title_start].iter().any(|t| t.possessive) {
            simple_name(scan, a, title_start - 1, out);
        }
        out.push(c);
        return;
    }
    // A title with no name after it is a position, not a name: "Chief Executive Officer of
    // the Company", "Minister of the Federal Capital Territory". What follows its "of" is
    // the organization or place.
    if let Some(of) = (a + 1..b).find(|&k| matches!(toks[k].lower(), "of" | "for")) {
        let title = &toks[a..of];
        if !toks[a].has(HONORIFIC)
            && title.iter().any(|t| t.has(TITLE))
            && title
                .iter()
                .all(|t| t.has(TITLE) || super::roles::is_title_modifier(t.lower()))
        {
            interpret_chunk(scan, of + 1, b, out);
            return;
        }
    }
    // "the Refugee Council Enver Solomon": an organization's name ending in its head word,
    // then a given name and a surname, is the organization and the person who speaks for it.
    if let Some(head) = (a + 1..b.saturating_sub(1)).find(|&k| {
        toks[k].has(ORG_HEAD)
            && toks[k + 1].has(GIVEN_NAME)
            && !toks[k + 1].all_caps
            && toks[k + 1..=b]
                .iter()
                .all(|t| t.cap && !t.has(FUNCTION | ORG_HEAD | PLACE_HEAD | TITLE))
    }) {
        simple_name(scan, a, head, out);
        let mut c = person(prose, toks, head + 1, b);
        c.person_evidence = true;
        c.weak = false;
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
    let last_org = (a..=b).rev().find(|&x| toks[x].has(ORG_HEAD));
    let mut start = a;
    let mut k = a;
    while k <= b {
        let split_here = k < b
            && (toks[k].possessive || toks[k + 1].lower() == "at")
            && !(toks[k].possessive && last_org.is_some_and(|o| o > k));
        if split_here {
            simple_name(scan, start, k, out);
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
        simple_name(scan, start, b, out);
    }
}

/// The text over tokens `a..=b`, its runs of whitespace made single spaces.
fn text_span(prose: &str, toks: &[Token], a: usize, b: usize) -> String {
    normalize_space(prose.get(toks[a].start..toks[b].end).unwrap_or(""))
}

/// `s` with its words joined by single spaces (copied as is when it already is).
pub(super) fn normalize_space(s: &str) -> String {
    let mut prev_space = true;
    let clean = s.chars().all(|c| {
        let ok = if c.is_whitespace() {
            !prev_space && c == ' '
        } else {
            true
        };
        prev_space = c.is_whitespace();
        ok
    }) && !prev_space;
    if clean || s.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A person's name over tokens `a..=b`, with the roles and evidence around it.
fn person(prose: &str, toks: &[Token], a: usize, b: usize) -> Candidate {
    let mut c = base_candidate(prose, toks, a, b);
    c.kind = Some(EntityKind::Person);
    c.roles = roles_around(prose, toks, a, b);
    c.person_evidence = true;
    c.gender = c
        .roles
        .iter()
        .find_map(|r| super::roles::gender_of_role(&r.text));
    c
}

fn base_candidate(prose: &str, toks: &[Token], a: usize, b: usize) -> Candidate {
    let span = toks[a].start..toks[b].end;
    Candidate {
        text: text_span(prose, toks, a, b),
        span,
        words: toks[a..=b]
            .iter()
            .filter(|t| t.word)
            .map(|t| t.span())
            .collect(),
        kind: None,
        person_evidence: false,
        place_evidence: false,
        roles: Vec::new(),
        title: None,
        weak: toks[a].weak,
        gender: None,
        shared_surname: None,
        doc: DocFacts::default(),
    }
}

/// Does `span` overlap one of `sorted` (spans sorted by start)? Speaker names are short and
/// rarely overlap each other, so the few spans starting just before `span` ends decide.
pub(crate) fn overlaps_any(sorted: &[Span], span: &Span) -> bool {
    let before_end = sorted.partition_point(|s| s.start < span.end);
    sorted[..before_end]
        .iter()
        .rev()
        .take(8)
        .any(|s| span.start < s.end)
}

/// A name without a title: typed by its own words, then by what surrounds it.
fn simple_name(scan: &mut Scan, mut a: usize, mut b: usize, out: &mut Vec<Candidate>) {
    let (prose, toks) = (scan.prose, scan.toks);
    // Nationality adjectives are not names, and lead organization names only
    // ("Canadian Medical Association Journal") and place names the gazetteer knows whole
    // ("Saudi Arabia", "Dominican Republic", "French Polynesia").
    let last_org = (a..=b).rev().find(|&k| toks[k].has(ORG_HEAD));
    while a <= b
        && is_demonym(toks[a].text)
        && last_org.is_none_or(|o| o < a)
        && (a == b || gazetteer::lookup(&text_span(prose, toks, a, b)).is_none())
    {
        a += 1;
    }
    while b > a && !toks[b].cap && !toks[b].text.ends_with('.') {
        b -= 1;
    }
    // A surname may open with its particles ("de Blasio"; see `particles_before`).
    let particle_led = a < b && lowercase_particle(&toks[a]);
    if a > b || !(toks[a].cap || particle_led) {
        return;
    }
    if a == b && (toks[a].has(NOT_NAME) || toks[a].has(TITLE) && !toks[a].all_caps) {
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
    let mut place = gazetteer::lookup(&c.text);
    // "Macy's said", "McDonald's reported": a company named with a possessive.
    let possessive_org =
        toks[b].possessive && super::orgs::is_known_organization(&format!("{}'s", c.text));
    let class = if possessive_org {
        NameClass::Org
    } else {
        classify_tokens(&c.text, &toks[a..=b], next, toks[a].all_caps, place)
    };
    // A well-known organization needs no evidence beyond its name, even opening a sentence.
    let known_org =
        possessive_org || class == NameClass::Org && super::orgs::is_known_organization(&c.text);
    if a == b && toks[a].all_caps && class == NameClass::Org && !known_org && !org_acronym(toks, a)
    {
        return;
    }
    // "coach Adam Woods", "Eric Banks": a place word that is also a surname, after a role
    // noun or a given name, ends a person's name.
    let surname_head = matches!(class, NameClass::Place { .. })
        && place.is_none()
        && a < b
        && (a > 0
            && toks[a - 1].word
            && !toks[a - 1].cap
            && is_singular_role_noun_lower(toks[a - 1].lower(), toks[a - 1].flags)
            || toks[a].has(GIVEN_NAME) && is_surname_like_place_word(toks[b].lower()));
    let class = if surname_head {
        NameClass::Unknown
    } else {
        class
    };
    match class {
        NameClass::NotAName => return,
        NameClass::Org => c.kind = Some(EntityKind::Organization),
        NameClass::Place { include_trailer } => {
            c.kind = Some(EntityKind::Place);
            if include_trailer {
                if let Some(n) = next {
                    c.span.end = n.end;
                    c.text = text_span(prose, toks, a, b + 1);
                    place = gazetteer::lookup(&c.text);
                }
            }
        }
        NameClass::Unknown if works_at(toks, a) => c.kind = Some(EntityKind::Organization),
        NameClass::Unknown | NameClass::Gazetteer => {}
    }
    // Evidence from the surroundings.
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
        .is_some_and(|t| t.word && !t.cap && t.has(SPEECH_VERB))
        && !affiliation_object(toks, a);
    let speech_before = a > 0
        && toks[a - 1].word
        && !toks[a - 1].cap
        && toks[a - 1].has(SPEECH_VERB)
        && !takes_object(toks[a - 1].lower())
        && toks[a - 1].sentence == toks[a].sentence;
    let roles = if c.kind.is_none() {
        roles_around(prose, toks, a, b)
    } else {
        Vec::new()
    };
    let age = has_age(toks, b);
    // "Marcus Semien opened the inning": a common given name and a surname.
    // "Monsenor Jorge Eduardo Scheinig": an honorific the lexicon does not know before one.
    let name_word =
        |t: &Token| t.cap && !t.has(FUNCTION | ORG_HEAD | PLACE_HEAD | ORG_TRAILER | TITLE);
    let given_name = (2..=4).contains(&(b - a + 1))
        && !toks[a].all_caps
        && (toks[a].has(GIVEN_NAME) && toks[a + 1..=b].iter().all(name_word)
            || b - a >= 2
                && toks[a + 1].has(GIVEN_NAME)
                && !toks[a + 1].all_caps
                && !toks[a].weak
                && toks[a..=b].iter().all(name_word));
    // "the death of their child, Gloria.", "send Gloria to a doctor": a given name alone,
    // capitalized mid-sentence, names a person (a place of that name is in the gazetteer
    // and classed before this).
    let lone_given_name = a == b
        && !toks[a].weak
        && !toks[a].all_caps
        && toks[a].has(GIVEN_NAME)
        && !toks[a].has(FUNCTION | NOT_NAME | TITLE | ORG_HEAD | PLACE_HEAD | CALENDAR_WORD)
        && class == NameClass::Unknown
        // "in Randolph", "at Shelby": a town named like a person.
        && !(a > 0
            && toks[a - 1].word
            && (place_preposition(toks[a - 1].lower()) || toks[a - 1].lower() == "at"));
    let plural_common = a == b && is_role_noun_lower(toks[a].lower(), toks[a].flags);
    // A place the gazetteer knows speaks only by metonymy ("Russia said"): it is a person
    // only with an age or a role, and a country never.
    // "Allegedly, Thomas' sister pleaded": an adverb opening the sentence, whose comma
    // looks like an appositive's; a given name ending so ("Kelly, 45,") is not one.
    let opening_adverb =
        a == b && toks[a].weak && toks[a].lower().ends_with("ly") && !toks[a].has(GIVEN_NAME);
    let role_evidence = !opening_adverb
        && roles
            .iter()
            .any(|r| r.source != super::roles::RoleSource::Clause || c.words.len() >= 2);
    let evidence = match class {
        NameClass::Gazetteer => {
            (age || role_evidence)
                && place.is_some_and(|(p, _)| p.kind == gazetteer::PlaceKind::City)
        }
        _ => {
            let local = speech_after
                || speech_before
                || age
                || role_evidence
                || given_name
                || lone_given_name;
            if !local && c.kind.is_none() && !plural_common && !after_article {
                // Only a speaker overlapping it would make it a person.
                scan.sensitive.push(c.span.clone());
                let absolute = scan.base + c.span.start..scan.base + c.span.end;
                overlaps_any(scan.speakers, &absolute)
            } else {
                local
            }
        }
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
            && place_preposition(toks[p - 1].lower())
            && !(toks[p - 1].lower() == "to" && p >= 2 && to_a_person(toks[p - 2].lower()))
        {
            // "published Monday in JAMA Neurology": where a study appears is a journal.
            let published = toks[p - 1].lower() == "in"
                && toks[p.saturating_sub(5)..p - 1]
                    .iter()
                    .any(|t| t.word && t.lower() == "published");
            if published {
                c.kind = Some(EntityKind::Organization);
            } else {
                c.place_evidence = true;
            }
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
        if place.is_some() && !(c.weak && is_function_word(&c.text)) {
            c.kind = Some(EntityKind::Place);
        }
    }
    // A capital that only opens a sentence needs evidence beyond itself.
    let in_gazetteer = c.kind == Some(EntityKind::Place)
        && place.is_some()
        && !(toks[a].weak && gazetteer::is_common_word(&c.text));
    c.weak =
        toks[a].weak && c.words.len() == 1 && !in_gazetteer && !c.person_evidence && !known_org;
    if toks[a].weak && c.words.len() == 1 && c.kind.is_some() && is_function_word(&c.text) {
        return;
    }
    // "The Town Council" opening a sentence; not "The Hague".
    if toks[a].weak && c.words.len() >= 2 && toks[a].has(FUNCTION) && !in_gazetteer {
        return;
    }
    out.push(c);
}

/// Place words that are common surnames too ("Woods", "Hill", "Brooks").
fn is_surname_like_place_word(lower: &str) -> bool {
    matches!(
        lower,
        "woods" | "hill" | "hills" | "fields" | "brooks" | "banks" | "rivers" | "wells" | "park"
    )
}

/// Words after which a "to" leads to a person or a body, not a place: "according to Maria
/// Lopez", "spoke to Kevin Tran".
fn to_a_person(lower: &str) -> bool {
    matches!(
        lower,
        "according"
            | "thanks"
            | "spoke"
            | "speaking"
            | "talked"
            | "talking"
            | "wrote"
            | "writing"
            | "replied"
            | "responded"
            | "apologized"
            | "apologised"
            | "listened"
            | "married"
    )
}

/// The dateline's place (`MOSCOW, October 13.`), standing in this paragraph at `place`.
/// In `COLUMBUS, Ohio (AP)` it is the city: a state or country the gazetteer knows after
/// its comma is a place of its own, read as any other name; a state abbreviated in the
/// AP's way (`ST. LOUIS, Mo.`) only says which St. Louis. `WASHINGTON, D.C.` stays whole.
fn dateline_place(toks: &[Token], place: Span, text: String, out: &mut Vec<Candidate>) {
    let qualifier = |at: usize| {
        let rest = text[at + 1..].trim();
        if gazetteer::lookup(rest).is_some() {
            Some(false)
        } else {
            gazetteer::ap_state(rest).map(|_| true)
        }
    };
    let (city, text, abbreviated) = match text.find(',').and_then(|at| Some((at, qualifier(at)?))) {
        Some((at, abbreviated)) => (
            place.start..place.start + at,
            text[..at].to_string(),
            abbreviated,
        ),
        None => (place.clone(), text, false),
    };
    // An abbreviated state is no name of its own: nothing is read in it.
    let cleared = if abbreviated { &place } else { &city };
    out.retain(|c| !(c.span.start < cleared.end && cleared.start < c.span.end));
    let words = toks
        .iter()
        .filter(|t| t.word && t.start >= city.start && t.end <= city.end)
        .map(|t| t.span())
        .collect();
    out.push(dateline_candidate(city, text, words));
}

/// Without a dateline from the draft model: an all-capitals run opening a body paragraph
/// and followed by a comma or a dash (`PORTO VELHO DO SUL —`).
fn fallback_dateline(prose: &str, toks: &[Token]) -> Option<Candidate> {
    let i = toks.iter().position(|t| t.word)?;
    let t = &toks[i];
    if !t.all_caps {
        return None;
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
        return None;
    }
    let span = t.start..toks[j].end;
    let text = prose.get(span.clone()).unwrap_or("").to_string();
    if text.split_whitespace().any(is_not_name) {
        return None;
    }
    let words = toks[i..=j].iter().map(|t| t.span()).collect();
    Some(dateline_candidate(span, text, words))
}

fn dateline_candidate(span: Span, text: String, words: Vec<Span>) -> Candidate {
    Candidate {
        span,
        text,
        words: words.into_boxed_slice(),
        kind: Some(EntityKind::Place),
        person_evidence: false,
        place_evidence: true,
        roles: Vec::new(),
        title: None,
        weak: false,
        gender: None,
        shared_surname: None,
        doc: DocFacts::default(),
    }
}

/// Whether the name at `a` is where someone works: "analysts at Jefferies", "a trader at
/// Barclays said". Who speaks there is the analyst, not the firm.
fn works_at(toks: &[Token], a: usize) -> bool {
    let (Some(at), Some(who)) = (a.checked_sub(1), a.checked_sub(2)) else {
        return false;
    };
    let (at, who) = (&toks[at], &toks[who]);
    at.word
        && at.lower() == "at"
        && who.word
        && who.sentence == toks[a].sentence
        && is_role_noun_lower(who.lower(), who.flags)
        // Those who live somewhere, rather than work there.
        && !matches!(
            who.lower().trim_end_matches('s'),
            "resident" | "tenant" | "neighbor" | "neighbour"
        )
}

/// "Ana and José Martínez": the first name shares the surname that follows.
fn coordinated_first_names(prose: &str, toks: &[Token], out: &mut [Candidate]) {
    if out.len() < 2 {
        return;
    }
    // Candidate starts, the last pushed winning among equal starts.
    let mut starts: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, c)| (c.span.start, i))
        .collect();
    starts.sort_unstable();
    for i in 0..out.len() {
        if out[i].words.len() != 1 {
            continue;
        }
        let end = out[i].span.end;
        let k = toks.partition_point(|t| t.start < end);
        if !toks.get(k).is_some_and(|t| t.word && t.lower() == "and") {
            continue;
        }
        let Some(next) = toks.get(k + 1) else {
            continue;
        };
        let at = starts.partition_point(|&(s, _)| s <= next.start);
        let Some(&(s, o)) = at.checked_sub(1).and_then(|x| starts.get(x)) else {
            continue;
        };
        if s != next.start {
            continue;
        }
        let other = &out[o];
        if other.words.len() == 2 && other.kind.is_none_or(|k| k == EntityKind::Person) {
            let surname = other.word_texts(prose).last().map(|s| s.to_string());
            let roles = other.roles.clone();
            let c = &mut out[i];
            c.shared_surname = surname.map(Into::into);
            c.person_evidence = true;
            if c.roles.is_empty() {
                c.roles = roles;
            }
        }
    }
}

/// The names of candidates that stand where their capital is evidence (not sentence-initial):
/// a sentence-initial word matching one of them is a name too.
pub(crate) fn strong_surfaces<'p>(
    cands: &[Cand<'p>],
    prose: &'p str,
) -> super::lexicon::HashSet<&'p str> {
    let mut set = super::lexicon::HashSet::default();
    for c in cands.iter().filter(|c| !c.weak) {
        set.insert(c.c.text.as_str());
        if c.kind == Some(EntityKind::Person) || c.kind.is_none() && c.person_evidence {
            set.extend(c.words_in(prose));
        }
    }
    set
}

/// "Thom Tillis voted against the bill. … Tillis said": a name of two or three words whose
/// last word stands alone elsewhere in the story is a person named in full, then by
/// surname, as news style does. Not when the name opens with a place ("Bristol Rovers" …
/// "Rovers"), nor when something says it is a place or an organization.
pub(crate) fn pair_full_names_with_surnames(cands: &mut [Cand], prose: &str) {
    // Words that stand alone somewhere as something other than a surname: "in Southend",
    // "the Tigers".
    let mut not_surnames: super::lexicon::HashSet<&str> = Default::default();
    let mut bare: super::lexicon::HashSet<&str> = Default::default();
    for c in cands.iter().filter(|c| c.c.words.len() == 1) {
        let before = prose.get(..c.span.start).unwrap_or("").trim_end();
        let after_article = before
            .rsplit(|ch: char| !ch.is_alphabetic())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let surname = !c.place_evidence
            && !after_article
            && match c.kind {
                None => true,
                Some(EntityKind::Place) => c.doc.parts.is_some(),
                _ => false,
            };
        if surname {
            bare.insert(c.c.text.as_str());
        } else {
            not_surnames.insert(c.c.text.as_str());
        }
    }
    bare.retain(|w| !not_surnames.contains(w));
    if bare.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        let full_name = c.kind.is_none()
            && !c.person_evidence
            && !c.place_evidence
            && (2..=3).contains(&c.c.words.len())
            && c.doc.parts.is_some();
        if !full_name {
            continue;
        }
        let (Some(first), Some(last)) = (
            prose.get(c.base + c.c.words[0].start..c.base + c.c.words[0].end),
            c.last_word(prose),
        ) else {
            continue;
        };
        if gazetteer::lookup(first).is_some() && is_team_name(last) || is_participle(first) {
            continue;
        }
        if bare.contains(last) {
            c.person_evidence = true;
        }
    }
}

/// "Struggling Southend", "Battered Ukraine", "Newly Elected …": a participle or an adverb
/// opening a sentence, not a given name (short names keep theirs: "Ted", "Fred").
fn is_participle(word: &str) -> bool {
    word.len() > 5 && (word.ends_with("ing") || word.ends_with("ed") || word.ends_with("ly"))
}

/// The last word of a team named for its city: "Bristol Rovers", "Miami Heat", "Leeds
/// United" (a person named for a city keeps a surname: "George Leach", "Florence Pugh").
fn is_team_name(last: &str) -> bool {
    last.ends_with('s')
        || matches!(
            last,
            "United"
                | "City"
                | "Heat"
                | "Magic"
                | "Thunder"
                | "Jazz"
                | "Wild"
                | "Lightning"
                | "Fire"
                | "Galaxy"
                | "Union"
                | "Crew"
                | "Dynamo"
                | "Revolution"
                | "Storm"
                | "Sky"
                | "Fever"
                | "Liberty"
                | "Lynx"
                | "Dream"
                | "Athletic"
                | "Albion"
                | "Town"
                | "County"
                | "Wanderers"
        )
}

/// Resolves the candidates that needed evidence (sentence-initial capitals): kept when the
/// same word is a name elsewhere, or a close spelling of a person's name, dropped otherwise.
pub(crate) fn settle_weak(cands: &mut Vec<Cand>, prose: &str) {
    if !cands.iter().any(|c| c.weak) {
        return;
    }
    let strong = strong_surfaces(cands, prose);
    let mut lower_case = LowerCaseWords::new(prose);
    let mut person_words = super::variants::Buckets::default();
    for c in cands
        .iter()
        .filter(|c| !c.weak && (c.kind == Some(EntityKind::Person) || c.person_evidence))
    {
        for w in c.words_in(prose) {
            person_words.insert(w);
        }
    }
    cands.retain_mut(|c| {
        if !c.weak {
            return true;
        }
        if strong.contains(c.c.text.as_str()) {
            c.weak = false;
            return true;
        }
        // Another spelling of a person's name (`Zelenskyy said` after `Zelensky`) — unless
        // the draft writes the word in lower case elsewhere: then it opens the sentence as
        // the common word it is (`Young and new faces emerged` beside `Eunice Yung`).
        if person_words.has_strong_variant_of(&c.c.text, c.doc.skeleton.as_deref())
            && !lower_case.has(&c.c.text)
        {
            c.weak = false;
            c.person_evidence = true;
            return true;
        }
        false
    });
}

/// Which words the draft writes in lower case, asked of the weak capitals that another
/// spelling of a name would confirm. The first few are searched for (`memmem`); past those,
/// the prose's lower-case words are collected once, so a draft of many such capitals is read
/// once, not once for each.
struct LowerCaseWords<'p> {
    prose: &'p str,
    asked: usize,
    words: Option<rustc_hash::FxHashSet<&'p str>>,
}

impl<'p> LowerCaseWords<'p> {
    /// Questions answered by a search before the words are collected.
    const SEARCHES: usize = 8;

    fn new(prose: &'p str) -> Self {
        LowerCaseWords {
            prose,
            asked: 0,
            words: None,
        }
    }

    /// `word`, in lower case, stands in the prose as a whole word.
    fn has(&mut self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if lower == word {
            return false;
        }
        self.asked += 1;
        if !lower.chars().all(char::is_alphanumeric) || self.asked <= Self::SEARCHES {
            return contains_word(self.prose, &lower);
        }
        let prose = self.prose;
        self.words
            .get_or_insert_with(|| {
                prose
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty() && !w.chars().any(char::is_uppercase))
                    .collect()
            })
            .contains(lower.as_str())
    }
}

/// Speech verbs whose next name is their object, not an inverted subject: `Stamenković told
/// National Geographic`, `asked Smith`, `urged Congress`.
fn takes_object(verb: &str) -> bool {
    matches!(
        verb,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "asked"
            | "asks"
            | "urged"
            | "urges"
            | "warned"
            | "warns"
            | "reminded"
            | "assured"
            | "thanked"
            | "informed"
            | "advised"
    )
}

/// A name that is the object of `of`, `at`, `from` or `for` (after at most four lowercase
/// words: `Peter Iseley of worldwide victim group Ending Clergy Abuse said`, `an official
/// from TfL stated`): the body someone belongs to, not the subject of the speech verb after
/// it.
fn affiliation_object(toks: &[Token], a: usize) -> bool {
    let mut k = a;
    while k > 0 && a - k <= 4 {
        let p = &toks[k - 1];
        if !p.word || p.cap {
            return false;
        }
        if matches!(p.lower(), "of" | "at" | "from" | "for") {
            return k >= 2 && toks[k - 2].word;
        }
        k -= 1;
    }
    false
}

/// A preposition that puts a place after it: "in Malta", "near Cedar Point", "from Malta".
fn place_preposition(lower: &str) -> bool {
    matches!(
        lower,
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
}

/// Whether the acronym at `a`, which no list knows, stands where an organization does: after
/// `the` or a preposition (`the KCNA`, `at MIT`), with a possessive or a speech verb
/// (`KPA's`, `the DAB said`), or spelled out by a capitalized name in brackets before it
/// (`Korean Central News Agency (KCNA)`), and not before a noun it modifies. Elsewhere
/// capitals are a term (`the ROS levels`, `IQ scores`, `XML`) or shouting (`HUGE`).
fn org_acronym(toks: &[Token], a: usize) -> bool {
    let t = &toks[a];
    if t.possessive {
        return true;
    }
    let next = toks.get(a + 1).filter(|n| n.sentence == t.sentence);
    if next.is_some_and(|n| n.word && !n.cap && n.has(SPEECH_VERB)) {
        return true;
    }
    // `the ROS levels`: capitals modifying a noun name a term.
    if next.is_some_and(|n| n.word && !n.cap && !n.has(FUNCTION)) {
        return false;
    }
    let Some(prev) = a.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    if prev.word {
        // `said KCNA`: a speech verb before it makes it the speaker.
        return matches!(
            prev.lower(),
            "the" | "at" | "of" | "from" | "by" | "for" | "with" | "joined" | "join" | "and"
        ) || !prev.cap && prev.has(SPEECH_VERB);
    }
    // `… News Agency (KCNA)`: the bracket's name before it.
    prev.is("(") && a >= 2 && toks[a - 2].word && toks[a - 2].cap && next.is_some_and(|n| n.is(")"))
}
