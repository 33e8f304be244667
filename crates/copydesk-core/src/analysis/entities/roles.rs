//! Roles: what the text says a person is. From a title before the name ("Mayor", "Head of
//! the Main Operations Department … Lieutenant-General"), a lowercase role before it
//! ("former fund manager Declan O'Brien"), an appositive after it ("Joan Hale, the
//! council's treasurer,") or before it ("A spokesman, Kevin Tran,"), or a clause ("who runs
//! the pharmacy").

use super::lexicon::{
    gender_of_word, is_function_word, is_kinship, is_role_noun_lower, is_singular_role_noun,
    is_singular_role_noun_lower, is_title_head, Gender, FUNCTION, HONORIFIC, KIN, TITLE,
};
use super::tokens::Token;

/// Where a role came from; a higher source wins when a person has several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoleSource {
    Kinship,
    Clause,
    Before,
    Premodifier,
    After,
    Title,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub text: String,
    pub source: RoleSource,
}

/// The text between two token indices (inclusive), as written.
fn text_of(prose: &str, toks: &[Token], a: usize, b: usize) -> String {
    super::extract::normalize_space(prose.get(toks[a].start..toks[b].end).unwrap_or(""))
}

fn strip_article(s: &str) -> String {
    for a in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest.to_string();
        }
    }
    s.to_string()
}

/// Skips an age appositive (", 58,") after token `i`; returns the index after it.
fn skip_age(toks: &[Token], i: usize) -> usize {
    if toks.get(i).is_some_and(|t| t.is(","))
        && toks
            .get(i + 1)
            .is_some_and(|t| t.word && t.text.chars().all(|c| c.is_ascii_digit()))
        && toks.get(i + 2).is_some_and(|t| t.is(","))
    {
        return i + 2;
    }
    i
}

/// True when the name ending at token `last` is followed by an age: "Becker, 58,".
pub(crate) fn has_age(toks: &[Token], last: usize) -> bool {
    skip_age(toks, last + 1) != last + 1
}

/// The gender carried by a role text.
pub(crate) fn gender_of_role(role: &str) -> Option<Gender> {
    role.split(|c: char| !c.is_alphanumeric())
        .rev()
        .find_map(gender_of_word)
}

/// Roles around a name spanning tokens `first..=last` of one sentence.
pub(crate) fn roles_around(prose: &str, toks: &[Token], first: usize, last: usize) -> Vec<Role> {
    let mut roles = Vec::new();
    let sentence = toks[first].sentence;
    let same = |i: usize| toks.get(i).is_some_and(|t| t.sentence == sentence);

    // After: ", [age,] the council's treasurer," / ", a cardiologist at … who …".
    let mut i = skip_age(toks, last + 1);
    if let Some(role) = capitalized_title_after(prose, toks, i) {
        roles.push(role);
    } else if toks.get(i).is_some_and(|t| t.is(",")) {
        i += 1;
        let start = i;
        let mut end = None;
        let mut head = false;
        while same(i) && i < start + 14 {
            let t = &toks[i];
            if !t.word {
                if t.is(",") || t.is(".") || t.is(";") || t.is("(") || t.is(")") || t.is("—") {
                    break;
                }
                if t.is("'") || t.is("’") {
                    i += 1;
                    continue;
                }
                break;
            }
            let lower = t.lower();
            if i > start && matches!(lower, "who" | "which" | "that" | "whose" | "said") {
                break;
            }
            // "said Tara Hrbacek, board member.": a role without an article.
            // Not a clause that joins another person: "Thomas Sam, 42, and his wife …".
            let bare_role = i == start
                && !t.cap
                && !t.has(FUNCTION)
                && (1..=2).any(|k| {
                    toks.get(start + k).is_some_and(|n| {
                        n.word && !n.cap && is_singular_role_noun_lower(n.lower(), n.flags)
                    })
                });
            if i == start
                && !bare_role
                && !matches!(
                    lower,
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "one"
                        | "another"
                        | "former"
                        | "now"
                )
                && !t.possessive
                && !is_role_noun_lower(lower, t.flags)
            {
                break;
            }
            // "the US Attorney for the District of Maryland": a capitalized title heads too.
            if (!t.cap || t.has(TITLE)) && is_singular_role_noun_lower(lower, t.flags) {
                head = true;
            }
            end = Some(i);
            i += 1;
        }
        if let (true, Some(e)) = (head, end) {
            let text = strip_article(&text_of(prose, toks, start, e));
            let kin = text.split_whitespace().all(|w| {
                is_kinship(w) || is_function_word(w) || w.ends_with("'s") || w.ends_with("’s")
            });
            roles.push(Role {
                text,
                source: if kin {
                    RoleSource::Kinship
                } else {
                    RoleSource::After
                },
            });
        }
    }

    // A clause: "who runs the pharmacy", "has run the harbour at …".
    let mut j = skip_age(toks, last + 1);
    if toks.get(j).is_some_and(|t| t.is(",")) {
        j += 1;
    }
    if toks.get(j).is_some_and(|t| t.word && t.lower() == "who") {
        j += 1;
    }
    if toks
        .get(j)
        .is_some_and(|t| t.word && matches!(t.lower(), "has" | "had"))
    {
        j += 1;
    }
    if toks.get(j).is_some_and(|t| {
        t.word
            && matches!(
                t.lower(),
                "runs"
                    | "run"
                    | "ran"
                    | "heads"
                    | "headed"
                    | "leads"
                    | "led"
                    | "chairs"
                    | "chaired"
                    | "directs"
                    | "directed"
                    | "manages"
                    | "managed"
                    | "owns"
                    | "owned"
                    | "founded"
                    | "co-founded"
            )
    }) && toks.get(j + 1).is_some_and(|t| {
        t.word && matches!(t.lower(), "the" | "a" | "an" | "his" | "her" | "their")
    }) {
        let start = j;
        let mut e = j + 1;
        while same(e + 1) && toks[e + 1].word && e < start + 10 {
            let lower = toks[e + 1].lower();
            if matches!(
                lower,
                "and" | "but" | "who" | "which" | "that" | "since" | "for"
            ) {
                break;
            }
            e += 1;
        }
        if e > start + 1 {
            roles.push(Role {
                text: text_of(prose, toks, start, e),
                source: RoleSource::Clause,
            });
        }
    }

    // Before, lowercase: "former fund manager Declan O'Brien", "Valley Electric spokeswoman".
    if first > 0 && same(first - 1) {
        let p = &toks[first - 1];
        // A role noun opening the sentence is capitalized: "Actress Denise Crosby".
        let lowercase = !p.cap || (p.weak && !p.has(TITLE));
        // A title written in lower case is a role too: "archbishop Jorge Scheinig".
        let role_word = is_singular_role_noun_lower(p.lower(), p.flags)
            || (p.has(TITLE) && !p.has(HONORIFIC) && !p.cap);
        if p.word && lowercase && role_word {
            let mut s = first - 1;
            while s > 0 && same(s - 1) && first - 1 - (s - 1) <= 4 {
                let t = &toks[s - 1];
                if !t.word {
                    break;
                }
                let lower = t.lower();
                let ok = if t.cap {
                    !t.weak || !t.has(FUNCTION)
                } else {
                    let verb_form = lower.ends_with("ed") && lower != "retired";
                    !(t.has(FUNCTION)
                        || verb_form
                        || lower.ends_with("ly")
                        || t.text.chars().any(|c| c.is_ascii_digit()))
                };
                if !ok || (t.cap && t.has(FUNCTION)) {
                    break;
                }
                s -= 1;
            }
            roles.push(Role {
                text: text_of(prose, toks, s, first - 1),
                source: RoleSource::Premodifier,
            });
        }
    }

    // Before, an appositive: "A spokesman, Kevin Tran," / "His lawyer, Samuel K. Whitfield Jr.,".
    if first >= 2 && same(first - 2) && toks[first - 1].is(",") {
        let head = &toks[first - 2];
        if head.word && !head.cap && is_singular_role_noun_lower(head.lower(), head.flags) {
            let mut s = first - 2;
            while s > 0 && same(s - 1) && toks[s - 1].word && first - 2 - (s - 1) < 6 {
                s -= 1;
            }
            // The role starts after the clause that leads to it: "she is survived by a son,
            // Daniel," is a son; "and a sister, Helen Kowalski," a sister.
            if let Some(k) = (s..first - 2).rev().find(|&k| leads_to_role(&toks[k])) {
                s = k + 1;
            }
            // "the residence of the minister": the role is what stands after an "of" that
            // follows no role noun.
            if let Some(of) = (s + 1..first - 2)
                .rev()
                .find(|&k| toks[k].lower() == "of" && !is_singular_role_noun(toks[k - 1].lower()))
            {
                s = of + 1;
            }
            let text = strip_article(&text_of(prose, toks, s, first - 2));
            let text = strip_possessive_det(&text);
            let kin = head.has(KIN);
            roles.push(Role {
                text,
                source: if kin {
                    RoleSource::Kinship
                } else {
                    RoleSource::Before
                },
            });
        } else if let Some(role) = capitalized_title_before(prose, toks, first)
            .or_else(|| role_of_a_name_before(prose, toks, first))
        {
            roles.push(role);
        }
    }
    roles
}

/// A word that ends the clause before an appositive role: a conjunction, pronoun, verb or
/// preposition among the function words (not an article, a possessive, `of` or `for`, or
/// a word that qualifies the role: "the first", "her only", "his own").
fn leads_to_role(t: &Token) -> bool {
    t.word
        && t.has(FUNCTION)
        && !matches!(
            t.lower(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "of"
                | "for"
                | "first"
                | "second"
                | "third"
                | "last"
                | "new"
                | "old"
                | "only"
                | "own"
                | "other"
                | "another"
        )
}

/// A role over a named place or body in apposition before the name: "The governor of
/// Missouri, Mike Parson," / "the chief executive of Barclays, Jes Staley,". The words
/// before the role noun are kept only while they qualify it ("the former mayor of").
fn role_of_a_name_before(prose: &str, toks: &[Token], first: usize) -> Option<Role> {
    /// At most this many words name the place or body.
    const MAX_NAME: usize = 5;
    let sentence = toks[first].sentence;
    let in_sentence = |t: &Token| t.word && t.sentence == sentence;
    let mut k = first.checked_sub(2)?;
    let mut named = 0;
    while in_sentence(&toks[k]) && toks[k].cap && named < MAX_NAME {
        k = k.checked_sub(1)?;
        named += 1;
    }
    if in_sentence(&toks[k]) && toks[k].lower() == "the" && named > 0 {
        k = k.checked_sub(1)?;
    }
    let head_at = k.checked_sub(1)?;
    let head = &toks[head_at];
    if named == 0
        || toks[k].lower() != "of"
        || !in_sentence(head)
        || head.cap && !head.weak
        || !is_singular_role_noun_lower(head.lower(), head.flags)
    {
        return None;
    }
    let mut s = head_at;
    while s > 0
        && in_sentence(&toks[s - 1])
        && head_at - s < 3
        && (is_title_modifier(toks[s - 1].lower())
            || matches!(
                toks[s - 1].lower(),
                "former" | "acting" | "interim" | "then" | "chief" | "general"
            ))
    {
        s -= 1;
    }
    Some(Role {
        text: text_of(prose, toks, s, first - 2),
        source: RoleSource::Before,
    })
}

/// A capitalized title in apposition before the name: "the Minister of the Federal Capital
/// Territory (FCT), Nyesom Wike," / "the Chief Executive Officer, Ana Lima,". The run before
/// the comma (an abbreviation in brackets aside) must open with a title, after "the".
fn capitalized_title_before(prose: &str, toks: &[Token], first: usize) -> Option<Role> {
    let sentence = toks[first].sentence;
    let mut k = first.checked_sub(2)?;
    // "(FCT)" between the title and the comma.
    if toks[k].is(")") && k >= 3 && toks[k - 2].is("(") {
        k -= 3;
    }
    let last = k;
    if !(toks[last].word && toks[last].cap && toks[last].sentence == sentence) {
        return None;
    }
    let mut s = last;
    while s > 0 && last - s < 12 {
        let p = &toks[s - 1];
        if p.sentence != sentence
            || !p.word
            || !(p.cap || matches!(p.lower(), "of" | "the" | "for" | "and"))
        {
            break;
        }
        s -= 1;
    }
    while s < last && !toks[s].cap {
        s += 1;
    }
    let mut t = s;
    while t < last && toks[t].cap && is_title_modifier(toks[t].lower()) {
        t += 1;
    }
    let opens_with_title = is_title_head(toks[t].text) || is_singular_role_noun(toks[t].lower());
    let after_article =
        s > 0 && matches!(toks[s - 1].lower(), "the" | "a" | "an" | "its" | "their");
    (opens_with_title && after_article).then(|| Role {
        text: text_of(prose, toks, s, last),
        source: RoleSource::Before,
    })
}

/// Words that qualify a title without being one ("Chief *Executive* Officer", "*Vice*
/// Chairman", "*Senior* Vice President").
pub(crate) fn is_title_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "vice"
            | "deputy"
            | "executive"
            | "senior"
            | "junior"
            | "associate"
            | "assistant"
            | "acting"
            | "interim"
            | "managing"
            | "general"
            | "operating"
            | "financial"
            | "technology"
            | "technical"
            | "information"
            | "marketing"
            | "communications"
            | "press"
            | "public"
            | "foreign"
            | "prime"
            | "first"
            | "principal"
            | "lead"
            | "founding"
            | "former"
            | "co-founder"
            | "founder"
            | "independent"
            | "non-executive"
            | "federal"
            | "state"
            | "district"
            | "attorney"
            | "affairs"
            | "relations"
            | "u.s."
    )
}

/// A capitalized title written after the name, as companies and agencies write them:
/// ", Chief Executive Officer of the Company" / ", Chairman of the Board" / ", Vice President,".
/// The title words come first (titles, role nouns and their qualifiers, joined by "and" or
/// "&"); after "of", "for" or "at", the organization's name. A capitalized word that is none
/// of these before "of" is another person's name ("Mayor Vasquez, Councillor Tom Ray and …"),
/// and the appositive is not a role.
fn capitalized_title_after(prose: &str, toks: &[Token], comma: usize) -> Option<Role> {
    if !toks.get(comma)?.is(",") {
        return None;
    }
    let sentence = toks[comma].sentence;
    let first = toks.get(comma + 1).filter(|t| t.word && t.cap)?;
    let lower = first.lower();
    if !(is_title_head(first.text) || is_singular_role_noun(lower) || is_title_modifier(lower)) {
        return None;
    }
    let mut head = false;
    let mut in_organization = false;
    let mut end = comma + 1;
    let mut i = comma + 1;
    while let Some(t) = toks
        .get(i)
        .filter(|t| t.sentence == sentence && i <= comma + 16)
    {
        if !t.word {
            if t.is("&") || t.is("'") || t.is("’") {
                i += 1;
                continue;
            }
            break;
        }
        let lower = t.lower();
        if in_organization {
            if !(t.cap || matches!(lower, "the" | "of" | "and" | "for" | "de")) {
                break;
            }
        } else if matches!(lower, "of" | "for" | "at") {
            if !head {
                return None;
            }
            in_organization = true;
        } else if lower == "and" {
        } else if t.cap && (is_title_head(t.text) || is_singular_role_noun(lower)) {
            head = true;
        } else if !(t.cap && is_title_modifier(lower)) {
            if !head || t.cap {
                return None;
            }
            break;
        }
        if t.cap || in_organization {
            end = i;
        }
        i += 1;
    }
    // A title ends the appositive: the comma or full stop after it, or the speech verb.
    let closed = toks.get(i).is_none_or(|t| {
        t.sentence != sentence
            || !t.word
            || matches!(t.lower(), "said" | "says" | "told" | "who" | "and")
    });
    (head && closed).then(|| Role {
        text: text_of(prose, toks, comma + 1, end),
        source: RoleSource::After,
    })
}

fn strip_possessive_det(s: &str) -> String {
    for d in [
        "His ", "Her ", "Their ", "Its ", "his ", "her ", "their ", "its ", "One ", "one ",
        "Another ", "another ",
    ] {
        if let Some(rest) = s.strip_prefix(d) {
            return rest.to_string();
        }
    }
    s.to_string()
}
