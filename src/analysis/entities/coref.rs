//! Coreference: which names, titles, descriptors and pronouns are one entity. A full name
//! opens a person; a bare surname joins the most recent person of that surname that fits
//! (title first, then the one already called by the bare surname); two people who share a
//! surname stay apart. Close spellings merge only by the kind of difference and context.

use std::collections::HashMap;

use super::extract::Candidate;
use super::gazetteer::{self, Spelling};
use super::lexicon::{
    gender_of_word, is_role_noun, is_suffix, is_title_head, person_pronoun, Gender,
};
use super::roles::RoleSource;
use super::variants::{classify, fold, VariantKind};
use super::{EntityKind, Mention, MentionKind};
use crate::analysis::attribution::{Attribution, SpeakerKind};
use crate::draft::{Draft, Span};

/// An entity under construction.
#[derive(Debug, Clone)]
pub struct Group {
    pub kind: EntityKind,
    /// Indices into the candidates: the name mentions.
    pub names: Vec<usize>,
    pub given: Option<String>,
    pub surname: Option<String>,
    pub middles: Vec<String>,
    /// Descriptor and pronoun mentions.
    pub others: Vec<Mention>,
    pub quotes: Vec<usize>,
    pub gender: Option<Gender>,
    /// Offset of the latest mention seen while grouping.
    pub last_seen: usize,
    /// How many mentions were the bare surname.
    pub bare: usize,
    /// The place's current name when the gazetteer knows it.
    pub place: Option<&'static str>,
    pub merged_into: Option<usize>,
}

/// A person's name split into given name, middle names or initials, surname.
pub struct NameParts {
    pub given: Option<String>,
    pub middles: Vec<String>,
    pub surname: String,
}

pub fn name_parts(c: &Candidate, prose: &str) -> Option<NameParts> {
    let words: Vec<&str> = c
        .word_texts(prose)
        .into_iter()
        .filter(|w| !is_suffix(w))
        .collect();
    if let Some(s) = &c.shared_surname {
        return Some(NameParts {
            given: words.first().map(|w| w.to_string()),
            middles: Vec::new(),
            surname: s.clone(),
        });
    }
    let is_initial =
        |w: &str| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2;
    let surname_at = words.iter().rposition(|w| !is_initial(w))?;
    let surname = words[surname_at].to_string();
    let before: Vec<&str> = words[..surname_at].to_vec();
    let given = before
        .first()
        .filter(|w| !is_initial(w))
        .map(|w| w.to_string());
    let skip = usize::from(given.is_some());
    let middles = before.iter().skip(skip).map(|w| w.to_string()).collect();
    Some(NameParts {
        given,
        middles,
        surname,
    })
}

fn role_heads(cands: &[Candidate], g: &Group) -> Vec<String> {
    let mut heads = Vec::new();
    for &i in &g.names {
        for r in &cands[i].roles {
            if r.source == RoleSource::Kinship || r.source == RoleSource::Clause {
                continue;
            }
            for w in r.text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                let lw = w.to_lowercase();
                if !lw.is_empty()
                    && (is_role_noun(&lw) || is_title_head(&lw))
                    && !heads.contains(&lw)
                {
                    heads.push(lw);
                }
            }
        }
    }
    heads
}

fn all_role_text(cands: &[Candidate], g: &Group) -> String {
    let mut s = String::new();
    for &i in &g.names {
        for r in &cands[i].roles {
            s.push_str(&r.text.to_lowercase());
            s.push(' ');
        }
        if let Some(t) = &cands[i].title {
            s.push_str(&t.to_lowercase());
            s.push(' ');
        }
    }
    s
}

/// Decides which candidates are people, places, organizations, and groups them.
pub fn group(cands: &[Candidate], prose: &str) -> Vec<Group> {
    // Which unknown candidates are people: evidence, or a surname shared with one.
    let mut person_words: HashMap<String, usize> = HashMap::new();
    for c in cands {
        if c.kind == Some(EntityKind::Person) || (c.kind.is_none() && c.person_evidence) {
            if let Some(p) = name_parts(c, prose) {
                *person_words.entry(p.surname).or_default() += 1;
                if let Some(g) = p.given {
                    *person_words.entry(g).or_default() += 0;
                }
            }
        }
    }
    // Names typed somewhere as a place or organization type their untyped repetitions.
    let mut typed: HashMap<String, EntityKind> = HashMap::new();
    for c in cands {
        if let Some(k @ (EntityKind::Place | EntityKind::Organization)) = c.kind {
            typed.entry(fold(&c.text)).or_insert(k);
        }
    }
    let kind_of = |c: &Candidate| -> Option<EntityKind> {
        match c.kind {
            Some(EntityKind::Place)
                if c.words.len() == 1
                    && !c.place_evidence
                    && person_words.contains_key(&c.text) =>
            {
                Some(EntityKind::Person)
            }
            Some(k) => Some(k),
            None if c.person_evidence => Some(EntityKind::Person),
            None => {
                let last = c
                    .word_texts(prose)
                    .last()
                    .map(|s| s.to_string())
                    .unwrap_or_default();
                if let Some(&k) = typed.get(&fold(&c.text)) {
                    Some(k)
                } else if person_words.contains_key(&last)
                    || person_words
                        .keys()
                        .any(|w| classify(&c.text, w).is_some_and(VariantKind::is_strong))
                {
                    Some(EntityKind::Person)
                } else if c.place_evidence {
                    Some(EntityKind::Place)
                } else {
                    None
                }
            }
        }
    };

    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<(u8, String), usize> = HashMap::new();
    for (ci, c) in cands.iter().enumerate() {
        let Some(kind) = kind_of(c) else { continue };
        match kind {
            EntityKind::Person => {
                let Some(p) = name_parts(c, prose) else {
                    continue;
                };
                let gi = find_person(&groups, cands, c, &p);
                let gi = match gi {
                    Some(gi) => gi,
                    None => {
                        groups.push(new_group(EntityKind::Person));
                        let g = groups.last_mut().unwrap();
                        g.surname = Some(p.surname.clone());
                        groups.len() - 1
                    }
                };
                let g = &mut groups[gi];
                if g.given.is_none() && p.given.is_some() {
                    g.given = p.given.clone();
                }
                if g.middles.is_empty() {
                    g.middles = p.middles.clone();
                }
                if p.given.is_none() && c.words.len() == 1 {
                    g.bare += 1;
                }
                g.gender = g
                    .gender
                    .or(c.gender)
                    .or_else(|| c.title.as_deref().and_then(gender_of_word));
                g.last_seen = c.span.start;
                g.names.push(ci);
            }
            EntityKind::Place | EntityKind::Organization => {
                let place = if kind == EntityKind::Place {
                    gazetteer::lookup(&c.text).map(|(p, _)| p.name)
                } else {
                    None
                };
                let key = (kind as u8, place.map(fold).unwrap_or_else(|| fold(&c.text)));
                let gi = *by_key.entry(key).or_insert_with(|| {
                    let mut g = new_group(kind);
                    g.place = place;
                    groups.push(g);
                    groups.len() - 1
                });
                groups[gi].names.push(ci);
                groups[gi].last_seen = c.span.start;
            }
        }
    }
    merge_variants(&mut groups, cands, prose);
    groups
}

fn new_group(kind: EntityKind) -> Group {
    Group {
        kind,
        names: Vec::new(),
        given: None,
        surname: None,
        middles: Vec::new(),
        others: Vec::new(),
        quotes: Vec::new(),
        gender: None,
        last_seen: 0,
        bare: 0,
        place: None,
        merged_into: None,
    }
}

fn middles_conflict(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && a != b
}

/// The person group a name joins by exact spelling, if any.
fn find_person(
    groups: &[Group],
    cands: &[Candidate],
    c: &Candidate,
    p: &NameParts,
) -> Option<usize> {
    let people = || {
        groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.kind == EntityKind::Person)
    };
    if let Some(given) = &p.given {
        if let Some((i, _)) = people().find(|(_, g)| {
            g.surname.as_deref() == Some(&p.surname)
                && g.given.as_deref() == Some(given)
                && !middles_conflict(&g.middles, &p.middles)
        }) {
            return Some(i);
        }
        // A bare surname seen before the full name.
        let bare: Vec<usize> = people()
            .filter(|(_, g)| g.surname.as_deref() == Some(&p.surname) && g.given.is_none())
            .map(|(i, _)| i)
            .collect();
        return (bare.len() == 1).then(|| bare[0]);
    }
    let same: Vec<usize> = people()
        .filter(|(_, g)| g.surname.as_deref() == Some(&p.surname))
        .map(|(i, _)| i)
        .collect();
    if same.is_empty() {
        // A given name alone ("Ana said") when only one person has it.
        let by_given: Vec<usize> = people()
            .filter(|(_, g)| g.given.as_deref() == Some(&p.surname))
            .map(|(i, _)| i)
            .collect();
        return (by_given.len() == 1).then(|| by_given[0]);
    }
    Some(pick_person(groups, cands, &same, c))
}

/// Among people who share a surname: the one whose title fits, else the one the text
/// already calls by the bare surname, else the most recent.
fn pick_person(groups: &[Group], cands: &[Candidate], options: &[usize], c: &Candidate) -> usize {
    let mut options = options.to_vec();
    if let Some(title) = c.title.as_deref() {
        let t = title.to_lowercase();
        let fits: Vec<usize> = options
            .iter()
            .copied()
            .filter(|&g| all_role_text(cands, &groups[g]).contains(&t))
            .collect();
        if !fits.is_empty() {
            options = fits;
        }
    }
    if options.len() > 1 && options.iter().any(|&g| groups[g].bare > 0) {
        options.retain(|&g| groups[g].bare > 0);
    }
    *options
        .iter()
        .max_by_key(|&&g| groups[g].last_seen)
        .unwrap_or(&options[0])
}

fn mention_count(g: &Group) -> usize {
    g.names.len()
}

/// Merges groups whose names differ by a variant kind, when the context agrees.
fn merge_variants(groups: &mut [Group], cands: &[Candidate], prose: &str) {
    let n = groups.len();
    for b in 0..n {
        let mut best: Option<(usize, (usize, usize, usize))> = None;
        for a in 0..n {
            if a == b || groups[a].merged_into.is_some() || groups[a].kind != groups[b].kind {
                continue;
            }
            if !variant_of(groups, cands, prose, a, b) {
                continue;
            }
            // Merge the smaller into the larger; on ties the later into the earlier.
            let (ca, cb) = (mention_count(&groups[a]), mention_count(&groups[b]));
            if cb > ca || (cb == ca && b < a) {
                continue;
            }
            let score = (groups[a].bare, ca, groups[a].last_seen);
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((a, score));
            }
        }
        if let Some((a, _)) = best {
            if groups[b].merged_into.is_none() {
                let moved = std::mem::take(&mut groups[b].names);
                groups[a].names.extend(moved);
                groups[a].names.sort_by_key(|&i| cands[i].span.start);
                groups[a].bare += groups[b].bare;
                groups[a].gender = groups[a].gender.or(groups[b].gender);
                groups[b].merged_into = Some(a);
            }
        }
    }
}

fn variant_of(groups: &[Group], cands: &[Candidate], prose: &str, a: usize, b: usize) -> bool {
    let (ga, gb) = (&groups[a], &groups[b]);
    if ga.names.is_empty() || gb.names.is_empty() {
        return false;
    }
    match ga.kind {
        EntityKind::Person => {
            let (Some(sa), Some(sb)) = (&ga.surname, &gb.surname) else {
                return false;
            };
            let surname_kind = if sa == sb { None } else { classify(sa, sb) };
            if sa != sb && surname_kind.is_none() {
                return false;
            }
            let mut same_given = false;
            match (&ga.given, &gb.given) {
                (Some(x), Some(y)) if x == y => same_given = true,
                (Some(x), Some(y)) if !classify(x, y).is_some_and(VariantKind::is_strong) => {
                    return false
                }
                (Some(_), Some(_)) => {}
                _ if sa == sb => return false,
                _ => {}
            }
            if sa == sb && same_given {
                return false;
            }
            if middles_conflict(&ga.middles, &gb.middles) {
                return false;
            }
            if let (Some(x), Some(y)) = (ga.gender, gb.gender) {
                if x != y {
                    return false;
                }
            }
            let (ha, hb) = (role_heads(cands, ga), role_heads(cands, gb));
            let shared_role = ha.iter().any(|h| hb.contains(h));
            if !ha.is_empty() && !hb.is_empty() && !shared_role {
                return false;
            }
            match surname_kind {
                None => true,
                Some(k) if k.is_strong() => true,
                Some(_) => {
                    let (ca, cb) = (mention_count(ga), mention_count(gb));
                    same_given || shared_role || (ca.max(cb) >= 2 && ca.min(cb) == 1)
                }
            }
        }
        EntityKind::Place | EntityKind::Organization => {
            let ta = &cands[ga.names[0]].text;
            let tb = &cands[gb.names[0]].text;
            if let (Some(pa), Some(pb)) = (ga.place, gb.place) {
                return pa == pb;
            }
            if ga.kind == EntityKind::Place && gazetteer::alternate_spellings(ta, tb) {
                return true;
            }
            let wa: Vec<&str> = ta.split_whitespace().collect();
            let wb: Vec<&str> = tb.split_whitespace().collect();
            wa.len() == wb.len()
                && wa.iter().zip(&wb).any(|(x, y)| x != y)
                && wa.iter().zip(&wb).all(|(x, y)| {
                    x == y
                        || x.to_lowercase() == y.to_lowercase()
                        || classify(x, y).is_some_and(VariantKind::is_strong)
                })
                && {
                    let _ = prose;
                    true
                }
        }
    }
}

/// The gazetteer's verdict on a place spelling (for the dominant spelling).
pub fn is_current_place_name(text: &str) -> bool {
    matches!(gazetteer::lookup(text), Some((_, Spelling::Current)))
}

/// Resolves every quote speaker to an entity (by the group index), and adds descriptor and
/// pronoun speakers as mentions.
pub fn resolve_speakers(
    draft: &Draft,
    groups: &mut [Group],
    cands: &[Candidate],
    attributions: &mut [Attribution],
    prose: &str,
) {
    let live = |groups: &[Group], mut g: usize| {
        while let Some(n) = groups[g].merged_into {
            g = n;
        }
        g
    };
    let inside_quote = |o: usize| {
        draft
            .quotes
            .iter()
            .any(|q| q.depth == 0 && q.inner.start <= o && o < q.inner.end)
    };
    // Person name mentions outside quotes, in order: (offset, group).
    let mut timeline: Vec<(usize, usize)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        if g.kind == EntityKind::Person && g.merged_into.is_none() {
            for &ci in &g.names {
                if !inside_quote(cands[ci].span.start) {
                    timeline.push((cands[ci].span.start, gi));
                }
            }
        }
    }
    timeline.sort();
    let mut order: Vec<usize> = (0..attributions.len()).collect();
    order.sort_by_key(|&i| {
        attributions[i]
            .speaker
            .as_ref()
            .map_or(usize::MAX, |s| s.span.start)
    });
    for ai in order {
        let quote = attributions[ai].quote;
        let Some(sp) = attributions[ai].speaker.clone() else {
            continue;
        };
        let resolved = match sp.kind {
            SpeakerKind::Name => {
                let by_overlap = groups
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| g.kind == EntityKind::Person && g.merged_into.is_none())
                    .find(|(_, g)| {
                        g.names
                            .iter()
                            .any(|&ci| overlaps(&cands[ci].span, &sp.span))
                    })
                    .map(|(i, _)| i);
                by_overlap.or_else(|| {
                    let last = sp
                        .text
                        .split_whitespace()
                        .last()?
                        .trim_end_matches(['\'', '’', 's'])
                        .to_string();
                    let opts: Vec<usize> = groups
                        .iter()
                        .enumerate()
                        .filter(|(_, g)| {
                            g.kind == EntityKind::Person
                                && g.merged_into.is_none()
                                && g.surname.as_deref() == Some(&last)
                        })
                        .map(|(i, _)| i)
                        .collect();
                    (!opts.is_empty())
                        .then(|| *opts.iter().max_by_key(|&&g| groups[g].last_seen).unwrap())
                })
            }
            SpeakerKind::Descriptor => {
                descriptor(groups, cands, &timeline, &sp.text, sp.span.start, draft)
            }
            SpeakerKind::Pronoun => {
                let gender = person_pronoun(sp.text.trim());
                timeline
                    .iter()
                    .rev()
                    .filter(|(o, _)| *o < sp.span.start)
                    .map(|&(_, g)| live(groups, g))
                    .find(|&g| match (gender, groups[g].gender) {
                        (Some(x), Some(y)) => x == y,
                        _ => true,
                    })
            }
        };
        let Some(g) = resolved.map(|g| live(groups, g)) else {
            continue;
        };
        if let Some(s) = attributions[ai].speaker.as_mut() {
            s.entity = Some(g);
        }
        let group = &mut groups[g];
        if !group.quotes.contains(&quote) {
            group.quotes.push(quote);
        }
        match sp.kind {
            SpeakerKind::Pronoun => {
                if group.gender.is_none() {
                    group.gender = person_pronoun(sp.text.trim());
                }
                push_other(group, &sp.span, &sp.text, MentionKind::Pronoun);
            }
            SpeakerKind::Descriptor => {
                push_other(group, &sp.span, &sp.text, MentionKind::Descriptor)
            }
            SpeakerKind::Name => {}
        }
        let at = timeline.partition_point(|&(o, _)| o <= sp.span.start);
        timeline.insert(at, (sp.span.start, g));
        let _ = prose;
    }
}

fn push_other(g: &mut Group, span: &Span, text: &str, kind: MentionKind) {
    if !g.others.iter().any(|m| m.span == *span) {
        g.others.push(Mention {
            span: span.clone(),
            text: text.to_string(),
            kind,
        });
    }
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// "the Russian general" → the most recent person whose role or title has "general".
fn descriptor(
    groups: &[Group],
    cands: &[Candidate],
    timeline: &[(usize, usize)],
    text: &str,
    at: usize,
    draft: &Draft,
) -> Option<usize> {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let head = words
        .iter()
        .rev()
        .find(|w| is_role_noun(w) || is_title_head(w))?;
    let spokes = head.starts_with("spokes");
    let fits = |g: usize| {
        let roles = all_role_text(cands, &groups[g]);
        roles.contains(head.as_str()) || (spokes && roles.contains("spokes"))
    };
    let definite = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "his" | "her" | "their" | "its"))
        || words.len() == 1;
    let sentence = draft.sentence_at(at);
    let mut seen = Vec::new();
    for &(o, g) in timeline.iter().rev() {
        if o >= at || seen.contains(&g) {
            continue;
        }
        seen.push(g);
        if !fits(g) {
            continue;
        }
        if definite || draft.sentence_at(o) == sentence {
            return Some(g);
        }
    }
    None
}
