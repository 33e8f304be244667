//! Word lists the extractor leans on: words that are capitalized only because they start a
//! sentence, titles that come before a name, nouns that name a role, speech verbs (from the
//! speech-verb list, [`crate::analysis::speech_verbs`]).

use std::sync::LazyLock;

use crate::lexicon::{self, lexicon_file};

/// FxHash (rustc-hash): the word lists and the gazetteer are fixed data, not attacker-chosen
/// keys, so a keyed hash buys nothing here and costs more than the rest of a lookup.
pub type HashSet<T> = rustc_hash::FxHashSet<T>;
pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// `data/lexicon/function-words.txt`.
const FUNCTION_WORDS: &str = lexicon_file!("function-words");

/// `data/lexicon/calendar-words.txt`.
const CALENDAR: &str = lexicon_file!("calendar-words");

/// `data/lexicon/not-names.txt`.
const NOT_NAMES: &str = lexicon_file!("not-names");

/// `data/lexicon/titles.txt`.
const TITLE_HEADS: &str = lexicon_file!("titles");

/// `data/lexicon/honorifics.txt`.
const HONORIFICS: &str = lexicon_file!("honorifics");

/// `data/lexicon/role-nouns.txt`.
const ROLE_NOUNS: &str = lexicon_file!("role-nouns");

/// `data/lexicon/kinship.txt`.
const KINSHIP: &str = lexicon_file!("kinship");

/// `data/lexicon/not-a-persons-verbs.txt`.
const NOT_A_PERSONS_VERBS: &str = lexicon_file!("not-a-persons-verbs");

/// `data/lexicon/org-trailers.txt`.
const ORG_TRAILERS: &str = lexicon_file!("org-trailers");

/// Nouns that follow a place's name in lowercase ("the Omar bin Khatab mosque"). Those
/// marked `true` are part of the place's name.
pub(crate) fn place_trailer(lower: &str) -> Option<bool> {
    match lower {
        "mosque" | "church" | "cathedral" | "temple" | "synagogue" | "shrine" | "monastery" => {
            Some(true)
        }
        "district" | "province" | "region" | "neighbourhood" | "neighborhood" | "village"
        | "town" | "city" | "area" | "suburb" | "county" | "state" | "valley" | "river"
        | "border" | "port" | "airport" | "governorate" | "oblast" | "prefecture" | "camp"
        | "crossing" | "highway" | "coast" | "peninsula" | "island" | "islands" => Some(false),
        _ => None,
    }
}

/// `data/lexicon/org-heads.txt`.
const ORG_HEADS: &str = lexicon_file!("org-heads");

/// `data/lexicon/org-openers.txt`.
const ORG_OPENERS: &str = lexicon_file!("org-openers");

/// `data/lexicon/place-heads.txt`.
const PLACE_HEADS: &str = lexicon_file!("place-heads");

/// `data/lexicon/place-openers.txt`.
const PLACE_OPENERS: &str = lexicon_file!("place-openers");

/// `data/lexicon/name-particles.txt`.
const PARTICLES: &str = lexicon_file!("name-particles");

/// `data/lexicon/name-suffixes.txt`.
const SUFFIXES: &str = lexicon_file!("name-suffixes");

/// `data/lexicon/demonyms.txt`.
const DEMONYMS: &str = lexicon_file!("demonyms");

/// `word` in lowercase, borrowed when it is ASCII without capitals (most lookups).
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// What a lowercase word is in the lists above, one bit per list (see [`Flags`]).
pub(crate) type Flags = u32;
pub(crate) const FUNCTION: Flags = 1;
pub(crate) const CALENDAR_WORD: Flags = 1 << 1;
pub(crate) const NOT_NAME: Flags = 1 << 2;
pub(crate) const TITLE: Flags = 1 << 3;
pub(crate) const HONORIFIC: Flags = 1 << 4;
pub(crate) const ROLE_NOUN: Flags = 1 << 5;
pub(crate) const KIN: Flags = 1 << 6;
pub(crate) const SPEECH_VERB: Flags = 1 << 7;
pub(crate) const ORG_TRAILER: Flags = 1 << 8;
pub(crate) const ORG_HEAD: Flags = 1 << 9;
pub(crate) const ORG_OPENER: Flags = 1 << 10;
pub(crate) const PLACE_HEAD: Flags = 1 << 11;
pub(crate) const PLACE_OPENER: Flags = 1 << 12;
pub(crate) const PARTICLE: Flags = 1 << 13;
pub(crate) const SUFFIX: Flags = 1 << 14;
pub(crate) const DEMONYM: Flags = 1 << 15;
pub(crate) const GIVEN_NAME: Flags = 1 << 16;

/// Common given names (data/given-names.txt, which says what is left out and why).
const GIVEN_NAMES: &str = include_str!("../../../data/given-names.txt");

/// Every list in one table: a word is looked up once for all of them.
static LEXICON: LazyLock<HashMap<&'static str, Flags>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Flags> = HashMap::default();
    for (words, flag) in [
        (FUNCTION_WORDS, FUNCTION),
        (CALENDAR, CALENDAR_WORD),
        (NOT_NAMES, NOT_NAME),
        (TITLE_HEADS, TITLE),
        (HONORIFICS, HONORIFIC),
        (ROLE_NOUNS, ROLE_NOUN),
        (KINSHIP, KIN),
        (ORG_TRAILERS, ORG_TRAILER),
        (ORG_HEADS, ORG_HEAD),
        (ORG_OPENERS, ORG_OPENER),
        (PLACE_HEADS, PLACE_HEAD),
        (PLACE_OPENERS, PLACE_OPENER),
        (PARTICLES, PARTICLE),
        (SUFFIXES, SUFFIX),
        (DEMONYMS, DEMONYM),
        (GIVEN_NAMES, GIVEN_NAME),
    ] {
        for w in lexicon::entries(words).flat_map(str::split_whitespace) {
            *map.entry(w).or_default() |= flag;
        }
    }
    // Speech verbs after a subject ("Vasques told reporters"): the finite forms of the
    // speech-verb list, but for the verbs whose subject is as often a thing or a
    // publication ("Results show", "Wikinews observed").
    let not_a_persons: Vec<&str> = lexicon::entries(NOT_A_PERSONS_VERBS).collect();
    for (form, lemma) in crate::analysis::speech_verbs::FORMS.iter() {
        let finite = form != lemma && !form.ends_with("ing");
        if finite && !not_a_persons.contains(lemma) {
            *map.entry(form.as_str()).or_default() |= SPEECH_VERB;
        }
    }
    map
});

/// The longest word in any list, in bytes: longer words are in none.
const LONGEST: usize = 32;

/// The lists a word already in lowercase belongs to.
#[inline]
pub(crate) fn flags_of_lower(lower: &str) -> Flags {
    if lower.len() > LONGEST {
        return 0;
    }
    LEXICON.get(lower).copied().unwrap_or(0)
}

/// The lists a lowercase word belongs to, counting a calendar word with a period ("Sept.")
/// as the calendar lists do.
pub(crate) fn token_flags(lower: &str) -> Flags {
    let flags = flags_of_lower(lower);
    let trimmed = lower.trim_end_matches('.');
    if trimmed.len() == lower.len() {
        return flags;
    }
    (flags & !CALENDAR_WORD) | (flags_of_lower(trimmed) & CALENDAR_WORD)
}

/// The lists `word` belongs to, in any case; lowercased on the stack when it is short ASCII.
fn flags_of(word: &str) -> Flags {
    let bytes = word.as_bytes();
    if word.is_ascii() {
        // Most words are looked up already in lowercase: no copy for them.
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return flags_of_lower(word);
        }
        if bytes.len() > LONGEST {
            return 0;
        }
        let mut buf = [0u8; LONGEST];
        for (b, c) in buf.iter_mut().zip(bytes) {
            *b = c.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..bytes.len()]).map_or(0, flags_of_lower);
    }
    if word.chars().all(|c| !c.is_uppercase()) {
        return flags_of_lower(word);
    }
    flags_of_lower(&word.to_lowercase())
}

fn has(flag: Flags, word: &str) -> bool {
    flags_of(word) & flag != 0
}

/// In the word list `flag`, case aside.
pub(crate) fn has_flag(flag: Flags, word: &str) -> bool {
    has(flag, word)
}

fn in_list(flag: Flags, lower: &str) -> bool {
    flags_of_lower(lower) & flag != 0
}

pub(crate) fn is_function_word(word: &str) -> bool {
    has(FUNCTION, word)
}
pub(crate) fn is_calendar(word: &str) -> bool {
    has(CALENDAR_WORD, word.trim_end_matches('.'))
}
pub(crate) fn is_not_name(word: &str) -> bool {
    has(NOT_NAME, word)
}
pub(crate) fn is_title_head(word: &str) -> bool {
    has(TITLE, word)
}
/// "spokesman", and plurals of role nouns ("analysts") for telling subjects from names.
pub(crate) fn is_role_noun(word: &str) -> bool {
    let w = lowercase(word);
    in_list(ROLE_NOUN, &w)
        || w.strip_suffix('s')
            .is_some_and(|s| in_list(ROLE_NOUN, s) || s.ends_with("man") || s.ends_with("ist"))
        || w.ends_with("spokesman")
        || w.ends_with("spokeswoman")
}
/// A role noun naming one person ("spokesman", not "dockworkers").
pub(crate) fn is_singular_role_noun(word: &str) -> bool {
    let w = lowercase(word);
    in_list(ROLE_NOUN, &w)
        || w.ends_with("spokesman")
        || w.ends_with("spokeswoman")
        || is_ist_agent(&w)
}
/// A person named by a practice in -ist: "publicist", "columnist", "dentist" (not
/// "persist", "checklist").
fn is_ist_agent(lower: &str) -> bool {
    lower.len() >= 7
        && lower.ends_with("ist")
        && !matches!(lower, "persist" | "consist" | "subsist")
        && !(lower.ends_with("list")
            && matches!(
                &lower[..lower.len() - 4],
                "check" | "play" | "short" | "wish" | "black" | "white" | "watch" | "wait" | "hit"
            ))
}
/// [`is_singular_role_noun`] of a word already in lowercase, with its flags.
pub(crate) fn is_singular_role_noun_lower(lower: &str, flags: Flags) -> bool {
    if lower.is_ascii() {
        flags & ROLE_NOUN != 0
            || lower.ends_with("spokesman")
            || lower.ends_with("spokeswoman")
            || is_ist_agent(lower)
    } else {
        is_singular_role_noun(lower)
    }
}
/// [`is_role_noun`] of a word already in lowercase, with its flags.
pub(crate) fn is_role_noun_lower(lower: &str, flags: Flags) -> bool {
    if lower.is_ascii() {
        flags & ROLE_NOUN != 0
            || lower
                .strip_suffix('s')
                .is_some_and(|s| in_list(ROLE_NOUN, s) || s.ends_with("man") || s.ends_with("ist"))
            || lower.ends_with("spokesman")
            || lower.ends_with("spokeswoman")
    } else {
        is_role_noun(lower)
    }
}
pub(crate) fn is_kinship(word: &str) -> bool {
    has(KIN, word)
}
pub(crate) fn is_org_trailer(word: &str) -> bool {
    has(ORG_TRAILER, word)
}
/// Particles are matched as written: "De" opening a sentence is not one.
pub(crate) fn is_particle(word: &str) -> bool {
    in_list(PARTICLE, word)
}
pub(crate) fn is_suffix(word: &str) -> bool {
    has(SUFFIX, word)
}
pub(crate) fn is_irregular_demonym(word: &str) -> bool {
    has(DEMONYM, word)
}

/// Pronouns that refer to one person, with the gender they carry.
pub(crate) fn person_pronoun(word: &str) -> Option<Gender> {
    match lowercase(word).as_ref() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a title or role noun carries, when it carries one.
pub(crate) fn gender_of_word(word: &str) -> Option<Gender> {
    match lowercase(word).trim_end_matches('.') {
        "mr" | "spokesman" | "chairman" | "businessman" | "congressman" | "councilman"
        | "husband" | "father" | "brother" | "son" | "widower" | "king" | "prince" | "sir"
        | "lord" | "uncle" | "nephew" | "grandson" | "grandfather" | "boyfriend"
        | "assemblyman" | "actor" | "fisherman" | "duke" | "baron" | "earl" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "spokeswoman" | "chairwoman" | "businesswoman"
        | "congresswoman" | "councilwoman" | "wife" | "mother" | "sister" | "daughter"
        | "widow" | "queen" | "princess" | "dame" | "lady" | "aunt" | "niece" | "granddaughter"
        | "grandmother" | "girlfriend" | "assemblywoman" | "actress" | "duchess" | "baroness"
        | "countess" => Some(Gender::Female),
        _ => None,
    }
}
