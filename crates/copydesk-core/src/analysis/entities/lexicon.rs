//! Word lists the extractor leans on: words that are capitalized only because they start a
//! sentence, titles that come before a name, nouns that name a role, speech verbs (from the
//! speech-verb list, [`crate::analysis::speech_verbs`]).

use std::sync::LazyLock;

/// FxHash (rustc-hash): the word lists and the gazetteer are fixed data, not attacker-chosen
/// keys, so a keyed hash buys nothing here and costs more than the rest of a lookup.
pub type HashSet<T> = rustc_hash::FxHashSet<T>;
pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Common words that open sentences; never a name on their own. Lowercase.
const FUNCTION_WORDS: &str =
    "a an the this that these those it its he she they we i you his her hers their our my \
     your him them us me who whom whose which what when where why how whether if unless \
     in on at for from with by of to as after before during since until till while \
     but and or nor so yet not no yes some many most all every each both either neither \
     any none few several much more less least other another such same own only just even \
     also still now then there here however instead meanwhile although though because \
     despite according over under between among against without within across through \
     into onto upon like unlike about above below around along beyond near outside inside \
     last next first second third new old once again already always never often sometimes \
     one two three four five six seven eight nine ten eleven twelve twenty thirty forty \
     fifty hundred thousand million billion half dozens hundreds thousands millions \
     nobody everyone everybody someone somebody nothing everything something anyone \
     today yesterday tomorrow tonight later earlier soon recently currently finally \
     meanwhile moreover furthermore therefore thus hence indeed perhaps maybe please \
     asked told said says according despite amid toward towards via per \
     do does did is are was were be been being has have had will would can could should \
     may might must shall let lets there's it's that's i'm we're they're he's she's \
     mr mrs ms dr oh ok okay well yes hi hello dear thanks thank sorry regrettably \
     unfortunately fortunately officially overall together altogether rather quite very \
     too enough almost nearly roughly about approximately some whatever whoever whichever \
     above-mentioned following including excluding besides except given regarding born \
     instead otherwise elsewhere everywhere somewhere anywhere nowhere north south east west";

/// Weekdays, months and other calendar words: capitalized, never entities.
const CALENDAR: &str =
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur \
     thurs fri sat sun january february march april may june july august september october \
     november december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter \
     ramadan eid hanukkah thanksgiving halloween";

/// Capitalized words that are not names: pronoun I, compass adjectives, generic words that
/// appear capitalized in headlines and labels, time zones, common technical acronyms.
const NOT_NAMES: &str =
    "i western eastern northern southern northwestern northeastern southwestern \
     southeastern central internet web god ok tv am pm ad bc ceo cfo coo gdp covid covid-19 \
     pdf faq q a ii iii iv vi vii viii ix xi xii note update editor editors correction \
     photo video read more advertisement related all news et est edt ct cst cdt mt mst mdt \
     pt pst pdt gmt utc bst cet cest ai dna hiv gps suv atm";

/// Titles and honorifics that stand before a name ("Mayor Elena Vasquez"). Lowercase, with
/// the abbreviation's period where it has one.
const TITLE_HEADS: &str =
    "mr. mrs. ms. miss mx. dr. prof. rev. sen. rep. gov. gen. lt. col. capt. cpt. sgt. \
     cmdr. adm. maj. cpl. pvt. insp. det. supt. fr. sr. sister brother father mother \
     mayor president vice-president judge justice councillor councilor councilman \
     councilwoman alderman manager minister secretary chancellor governor senator \
     representative congressman congresswoman assemblyman assemblywoman sheriff chief \
     director commissioner ambassador professor officer sergeant detective inspector \
     constable superintendent captain colonel general lieutenant lieutenant-general \
     major-general brigadier-general lieutenant-colonel lieutenant-commander admiral \
     vice-admiral rear-admiral marshal field-marshal commander corporal private \
     chairman chairwoman chairperson chair speaker premier king queen prince princess \
     emperor empress pope archbishop bishop cardinal rabbi imam sheikh sheik emir ayatollah \
     coach attorney prosecutor head spokesman spokeswoman spokesperson treasurer \
     comptroller controller auditor clerk warden dean provost rector principal trustee \
     delegate envoy consul diplomat deputy leader ceo counsel chief-of-staff premier lord lady \
     dame sir baron baroness duke duchess earl count countess magistrate registrar \
     sens. reps. commissioners councilmembers councilmen councilwomen administrator \
     editor publisher founder co-founder secretary-general director-general president-elect \
     undersecretary";

/// Honorifics: they make a name a person's but are not a role. Plural titles before a
/// list ("Sens. Rand Paul, Thom Tillis and Susan Collins") are not one person's role either.
const HONORIFICS: &str =
    "mr. mrs. ms. miss mx. dr. prof. rev. sir dame lord lady fr. sister brother father \
     mother sens. reps. commissioners councilmembers councilmen councilwomen";

/// Nouns that name what a person is or does ("a spokesman", "the council's treasurer").
const ROLE_NOUNS: &str =
    "spokesman spokeswoman spokesperson spokespeople manager lawyer attorney counsel \
     director chief executive officer analyst economist professor researcher scientist \
     teacher student resident farmer fisherman fishermen owner president chairman \
     chairwoman chair treasurer secretary minister official general commander leader head \
     member founder co-founder councillor councilor mayor judge editor reporter journalist \
     writer author doctor physician nurse cardiologist surgeon psychiatrist psychologist \
     epidemiologist engineer consultant adviser advisor partner coach player captain pilot \
     driver worker accountant prosecutor defendant witness victim activist campaigner \
     organizer organiser volunteer sheriff governor senator representative ambassador \
     diplomat envoy negotiator commissioner inspector detective investigator auditor \
     administrator superintendent principal dean provost historian architect planner \
     banker trader broker investor entrepreneur executive ceo chef baker pharmacist \
     landlord tenant neighbour neighbor patient survivor widow widower veteran soldier \
     officer colonel lieutenant sergeant constable firefighter paramedic medic \
     dockworker worker labourer laborer miner mechanic electrician plumber contractor \
     developer designer programmer artist musician singer actor actress photographer \
     filmmaker producer novelist poet priest pastor rabbi imam bishop cleric monk nun \
     chancellor premier president-elect deputy vice-president director-general \
     secretary-general clerk warden guard economist statistician demographer expert \
     specialist strategist pollster lobbyist fundraiser organizer coordinator \
     representative delegate mediator arbitrator biologist chemist physicist \
     geologist climatologist meteorologist forecaster hydrologist ecologist \
     businessman businesswoman congressman congresswoman lawmaker legislator politician \
     candidate nominee challenger incumbent ally rival opponent critic supporter \
     brother sister son daughter father mother wife husband widow uncle aunt cousin \
     grandson granddaughter grandfather grandmother nephew niece fiancé fiancee \
     girlfriend boyfriend friend colleague classmate partner boss employee employer \
     staffer aide assistant intern apprentice master harbourmaster harbormaster \
     shopkeeper storekeeper owner operator proprietor manager supervisor foreman \
     coroner examiner pathologist athlete teammate rookie pitcher starter reliever closer \
     catcher infielder outfielder shortstop batter hitter slugger quarterback linebacker \
     receiver tailback cornerback midfielder defender goalkeeper goalie striker \
     winger centre-back fullback umpire referee skipper jockey trainer";

/// Family relations: a role of last resort ("Her brother, José Martínez, a fisherman").
const KINSHIP: &str =
    "brother sister son daughter father mother wife husband widow widower uncle aunt \
     cousin grandson granddaughter grandfather grandmother nephew niece fiancé fiancee \
     girlfriend boyfriend friend";

/// Speech verbs whose subject is as often a thing, an event, a study or a publication as a
/// person ("Results show", "Violence continued", "Further charges", "Wikinews observed",
/// "the paper revealed"), or that take whom they speak of as their object ("blamed
/// Democratic leadership"): beside a capitalized word they are no sign of a person's name.
const NOT_A_PERSONS_VERB: &[&str] = &[
    "accuse",
    "blame",
    "brief",
    "charge",
    "cite",
    "continue",
    "echo",
    "email",
    "find",
    "inform",
    "mention",
    "message",
    "observe",
    "order",
    "question",
    "report",
    "reveal",
    "show",
    "speak",
    "specify",
    "stipulate",
    "text",
];

/// Nouns that follow an organization's name in lowercase ("the Jabhat al-Nusra grouping").
const ORG_TRAILERS: &str =
    "grouping group militia movement organization organisation party company firm \
     agency coalition alliance faction network gang cartel brigade brigades battalion \
     union newspaper broadcaster channel outlet network charity nonprofit foundation \
     startup bank insurer airline carrier utility club team";

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

/// Heads of organization names, capitalized ("Alberta Health Services", "University of").
const ORG_HEADS: &str =
    "university college school academy institute institution ministry department \
     agency association service services party office council commission committee court \
     bank journal electric inc. inc corp. corp co. ltd. ltd llc plc group company \
     corporation foundation fund trust authority board police army navy guard force \
     forces museum hospital clinic times post news press herald tribune gazette centers centres \
     federation union organization organisation exchange club league society center \
     centre bureau administration government parliament senate congress assembly staff \
     network airlines airways motors energy system systems technologies holdings partners \
     capital media front movement brigade brigades coalition alliance tribunal reserve \
     cabinet church laboratory laboratories lab labs institute initiative project program \
     programme network radio television broadcasting corporation team fc partnership \
     chamber consortium directorate secretariat command division regiment battalion \
     corps guards commission council registry railway railways utility utilities \
     industries international associates studio studios press publishing bancorp \
     insurance mutual cooperative co-op";

/// Arabic words that open the names of movements and armed groups ("Jabhat al-Nusra").
const ORG_OPENERS: &str =
    "jabhat harakat hizb jaish jaysh ansar liwa kataib katibat tahrir hayat hay'at";

/// Last words of place names ("Castello Road", "Main Street", "Black Sea").
const PLACE_HEADS: &str =
    "road street avenue square bridge boulevard lane drive highway plaza park river \
     lake mountain mountains hill hills valley county province state island islands bay \
     harbour harbor sea ocean gulf strait canal coast beach desert peninsula airport \
     station district quarter neighbourhood neighborhood village heights gardens point \
     place way court terrace parkway expressway freeway motorway crescent circle row \
     mosque cathedral temple synagogue shrine palace castle tower stadium arena field \
     falls creek springs forest woods reservoir dam pass gate oblast governorate region \
     territory territories republic kingdom emirate strip bank plateau basin delta";

/// First words of place names ("Fort Vermilion", "Mount Royal", "Lake Louise").
const PLACE_OPENERS: &str =
    "fort mount mt. lake port cape point saint st. san santa são sao los las new north \
     south east west upper lower greater";

/// Lowercase particles inside names (Omar bin Khatab, Porto Velho do Sul, van der Berg).
const PARTICLES: &str =
    "bin ibn bint de da do dos das del della di du van von der den la le los las y al el ter \
     ten op zu af";

/// Name suffixes (Samuel K. Whitfield Jr.).
const SUFFIXES: &str = "jr. sr. jr sr ii iii iv v";

/// Irregular nationality adjectives that the country-prefix rule cannot derive.
const DEMONYMS: &str =
    "dutch french british swiss greek thai filipino welsh scottish irish english \
     american americans european europeans african africans asian asians arab arabs \
     israeli israelis pakistani pakistanis iraqi iraqis saudi saudis kuwaiti yemeni \
     omani qatari emirati bangladeshi nepali afghan afghans kurdish kurd kurds palestinian \
     palestinians turkish turk turks polish pole poles danish dane danes swedish swede \
     swedes finnish finn finns norwegian spanish spaniard spaniards portuguese chinese \
     japanese vietnamese lebanese sudanese congolese senegalese burmese taiwanese \
     maltese latino latina latinos hispanic jewish muslim muslims christian christians \
     catholic catholics protestant sunni shia shiite shiites sunnis alawite druze \
     islamist islamists soviet kiwi aussie canadian canadians mexican mexicans";

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
        let listed = words.lines().filter(|line| !line.starts_with('#'));
        for w in listed.flat_map(str::split_whitespace) {
            *map.entry(w).or_default() |= flag;
        }
    }
    // Speech verbs after a subject ("Vasques told reporters"): the finite forms of the
    // speech-verb list, but for the verbs whose subject is as often a thing or a
    // publication ("Results show", "Wikinews observed").
    for (form, lemma) in crate::analysis::speech_verbs::FORMS.iter() {
        let finite = form != lemma && !form.ends_with("ing");
        if finite && !NOT_A_PERSONS_VERB.contains(lemma) {
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
