//! Word lists the extractor leans on: words that are capitalized only because they start a
//! sentence, titles that come before a name, nouns that name a role, speech verbs.

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A small, fast hash for short word keys (the word lists and the gazetteer are fixed data,
/// not attacker-chosen keys, so a keyed hash buys nothing here).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

pub type WordBuild = BuildHasherDefault<WordHasher>;
pub type HashSet<T> = std::collections::HashSet<T, WordBuild>;
pub type HashMap<K, V> = std::collections::HashMap<K, V, WordBuild>;

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

/// Common words that open sentences; never a name on their own. Lowercase.
static FUNCTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
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
     above-mentioned following including excluding besides except given regarding \
     instead otherwise elsewhere everywhere somewhere anywhere nowhere north south east west",
    )
});

/// Weekdays, months and other calendar words: capitalized, never entities.
static CALENDAR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur \
     thurs fri sat sun january february march april may june july august september october \
     november december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter \
     ramadan eid hanukkah thanksgiving halloween",
    )
});

/// Capitalized words that are not names: pronoun I, compass adjectives, generic words that
/// appear capitalized in headlines and labels.
static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "i western eastern northern southern northwestern northeastern southwestern \
     southeastern central internet web god ok tv am pm ad bc ceo cfo coo gdp covid covid-19 \
     pdf faq q a ii iii iv vi vii viii ix xi xii note update editor editors correction \
     photo video read more advertisement related all news",
    )
});

/// Titles and honorifics that stand before a name ("Mayor Elena Vasquez"). Lowercase, with
/// the abbreviation's period where it has one.
static TITLE_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
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
     delegate envoy consul diplomat deputy leader ceo chief-of-staff premier lord lady \
     dame sir baron baroness duke duchess earl count countess magistrate registrar",
    )
});

/// Honorifics: they make a name a person's but are not a role.
static HONORIFICS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "mr. mrs. ms. miss mx. dr. prof. rev. sir dame lord lady fr. sister brother father \
     mother",
    )
});

/// Nouns that name what a person is or does ("a spokesman", "the council's treasurer").
static ROLE_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
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
     coroner examiner pathologist",
    )
});

/// Family relations: a role of last resort ("Her brother, José Martínez, a fisherman").
static KINSHIP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "brother sister son daughter father mother wife husband widow widower uncle aunt \
     cousin grandson granddaughter grandfather grandmother nephew niece fiancé fiancee \
     girlfriend boyfriend friend",
    )
});

/// Speech and attribution verbs after a subject ("Vasques told reporters").
static SPEECH_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "said says told tells added adds wrote writes testified argued argues noted notes \
     explained explains stated states insisted insists warned warns urged urges asked asks \
     replied replies recalled recalls declined declines acknowledged acknowledges admitted \
     admits announced announces confirmed confirms denied denies claimed claims thanked \
     thanks called calls described describes tweeted posted posts agreed agrees estimated \
     estimates predicted predicts disagreed disagrees conceded concedes countered counters \
     responded responds commented comments complained complains suggested suggests \
     stressed stresses emphasized emphasised maintained maintains contended contends \
     cautioned cautions pointed points vowed vows promised promises recounted recounts",
    )
});

/// Nouns that follow an organization's name in lowercase ("the Jabhat al-Nusra grouping").
static ORG_TRAILERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "grouping group militia movement organization organisation party company firm \
     agency coalition alliance faction network gang cartel brigade brigades battalion \
     union newspaper broadcaster channel outlet network charity nonprofit foundation \
     startup bank insurer airline carrier utility club team",
    )
});

/// Nouns that follow a place's name in lowercase ("the Omar bin Khatab mosque"). Those
/// marked `true` are part of the place's name.
pub fn place_trailer(lower: &str) -> Option<bool> {
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
static ORG_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "university college school academy institute institution ministry department \
     agency association service services party office council commission committee court \
     bank journal electric inc. inc corp. corp co. ltd. ltd llc plc group company \
     corporation foundation fund trust authority board police army navy guard force \
     forces museum hospital clinic times post news press herald tribune gazette \
     federation union organization organisation exchange club league society center \
     centre bureau administration government parliament senate congress assembly staff \
     network airlines airways motors energy systems technologies holdings partners \
     capital media front movement brigade brigades coalition alliance tribunal reserve \
     cabinet church laboratory laboratories lab labs institute initiative project program \
     programme network radio television broadcasting corporation team fc partnership \
     chamber consortium directorate secretariat command division regiment battalion \
     corps guards commission council registry railway railways utility utilities \
     industries international associates studio studios press publishing bancorp \
     insurance mutual cooperative co-op",
    )
});

/// Arabic words that open the names of movements and armed groups ("Jabhat al-Nusra").
static ORG_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set("jabhat harakat hizb jaish jaysh ansar liwa kataib katibat tahrir hayat hay'at")
});

/// Last words of place names ("Castello Road", "Main Street", "Black Sea").
static PLACE_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "road street avenue square bridge boulevard lane drive highway plaza park river \
     lake mountain mountains hill hills valley county province state island islands bay \
     harbour harbor sea ocean gulf strait canal coast beach desert peninsula airport \
     station district quarter neighbourhood neighborhood village heights gardens point \
     place way court terrace parkway expressway freeway motorway crescent circle row \
     mosque cathedral temple synagogue shrine palace castle tower stadium arena field \
     falls creek springs forest woods reservoir dam pass gate oblast governorate region \
     territory territories republic kingdom emirate strip bank plateau basin delta",
    )
});

/// First words of place names ("Fort Vermilion", "Mount Royal", "Lake Louise").
static PLACE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "fort mount mt. lake port cape point saint st. san santa são sao los las new north \
     south east west upper lower greater",
    )
});

/// Lowercase particles inside names (Omar bin Khatab, Porto Velho do Sul, van der Berg).
static PARTICLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "bin ibn bint de da do dos das del della di du van von der den la le y al el ter ten \
     op zu af",
    )
});

/// Name suffixes (Samuel K. Whitfield Jr.).
static SUFFIXES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set("jr. sr. jr sr ii iii iv v"));

/// Irregular nationality adjectives that the country-prefix rule cannot derive.
static DEMONYMS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "dutch french british swiss greek thai filipino welsh scottish irish english \
     american americans european europeans african africans asian asians arab arabs \
     israeli israelis pakistani pakistanis iraqi iraqis saudi saudis kuwaiti yemeni \
     omani qatari emirati bangladeshi nepali afghan afghans kurdish kurd kurds palestinian \
     palestinians turkish turk turks polish pole poles danish dane danes swedish swede \
     swedes finnish finn finns norwegian spanish spaniard spaniards portuguese chinese \
     japanese vietnamese lebanese sudanese congolese senegalese burmese taiwanese \
     maltese latino latina latinos hispanic jewish muslim muslims christian christians \
     catholic catholics protestant sunni shia shiite shiites sunnis alawite druze \
     islamist islamists soviet kiwi aussie canadian canadians mexican mexicans",
    )
});

/// `word` in lowercase, borrowed when it is ASCII without capitals (most lookups).
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

fn has(set: &LazyLock<HashSet<&'static str>>, word: &str) -> bool {
    let bytes = word.as_bytes();
    if word.is_ascii() {
        // Most words are looked up already in lowercase: no allocation for them.
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return set.contains(word);
        }
    } else if word.chars().all(|c| !c.is_uppercase()) {
        return set.contains(word);
    }
    // ASCII words are lowercased on the stack.
    if word.is_ascii() && bytes.len() <= 32 {
        let mut buf = [0u8; 32];
        for (b, c) in buf.iter_mut().zip(bytes) {
            *b = c.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..bytes.len()]).is_ok_and(|w| set.contains(w));
    }
    set.contains(word.to_lowercase().as_str())
}

pub fn is_function_word(word: &str) -> bool {
    has(&FUNCTION_WORDS, word)
}
pub fn is_calendar(word: &str) -> bool {
    has(&CALENDAR, word.trim_end_matches('.'))
}
pub fn is_not_name(word: &str) -> bool {
    has(&NOT_NAMES, word)
}
pub fn is_title_head(word: &str) -> bool {
    has(&TITLE_HEADS, word)
}
pub fn is_honorific(word: &str) -> bool {
    has(&HONORIFICS, word)
}
/// "spokesman", and plurals of role nouns ("analysts") for telling subjects from names.
pub fn is_role_noun(word: &str) -> bool {
    let w = lowercase(word);
    ROLE_NOUNS.contains(w.as_ref())
        || w.strip_suffix('s')
            .is_some_and(|s| ROLE_NOUNS.contains(s) || s.ends_with("man") || s.ends_with("ist"))
        || w.ends_with("spokesman")
        || w.ends_with("spokeswoman")
}
/// A role noun naming one person ("spokesman", not "dockworkers").
pub fn is_singular_role_noun(word: &str) -> bool {
    let w = lowercase(word);
    ROLE_NOUNS.contains(w.as_ref()) || w.ends_with("spokesman") || w.ends_with("spokeswoman")
}
pub fn is_kinship(word: &str) -> bool {
    has(&KINSHIP, word)
}
pub fn is_speech_verb(word: &str) -> bool {
    has(&SPEECH_VERBS, word)
}
pub fn is_org_trailer(word: &str) -> bool {
    has(&ORG_TRAILERS, word)
}
pub fn is_org_head(word: &str) -> bool {
    has(&ORG_HEADS, word)
}
pub fn is_org_opener(word: &str) -> bool {
    has(&ORG_OPENERS, word)
}
pub fn is_place_head(word: &str) -> bool {
    has(&PLACE_HEADS, word)
}
pub fn is_place_opener(word: &str) -> bool {
    has(&PLACE_OPENERS, word)
}
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(word)
}
pub fn is_suffix(word: &str) -> bool {
    has(&SUFFIXES, word)
}
pub fn is_irregular_demonym(word: &str) -> bool {
    has(&DEMONYMS, word)
}

/// Pronouns that refer to one person, with the gender they carry.
pub fn person_pronoun(word: &str) -> Option<Gender> {
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
pub fn gender_of_word(word: &str) -> Option<Gender> {
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
