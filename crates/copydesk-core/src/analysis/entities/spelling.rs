//! The dominant spelling of each entity and the mentions that stray from it: the facts
//! behind `name-variant`. A person's name is compared part by part (given name, surname) so
//! that "Luis Carvalho" is checked against "Luís" and "Martinez" against "Martínez".

use super::gazetteer::{self, Spelling};
use super::lexicon::is_suffix;
use super::variants::{classify, fold, same_spelling, VariantKind};
use super::{Entity, EntityKind, MentionKind};
use crate::config::{Config, StyleEntry};
use crate::draft::Span;

/// A mention spelled differently from its entity's dominant spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayMention {
    pub span: Span,
    /// The mention as written ("Luis Carvalho").
    pub text: String,
    /// The mention respelled ("Luís Carvalho").
    pub replacement: String,
    /// The differing part as written and as it should be ("Luis", "Luís").
    pub variant: String,
    pub dominant: String,
    /// How many other mentions spell it the dominant way, and where (in order); shared by
    /// every stray mention of the part.
    pub dominant_spans: std::sync::Arc<[Span]>,
    /// What decided it: a difference kind, or the house style.
    pub kind: Option<VariantKind>,
    pub house_style: Option<String>,
    /// The gazetteer lists the variant as an older or alternate name of the place (Kiev).
    pub older: bool,
    /// The two spellings are used equally often and no list knows either: the name is
    /// spelled two ways, and nothing says which is right.
    pub tie: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Given,
    Surname,
    Whole,
}

fn is_initial(w: &str) -> bool {
    w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
}

/// The whitespace-separated words of `text` with their byte offsets.
fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The (part, byte range within the text) of each comparable part of a name.
fn parts(kind: EntityKind, text: &str) -> Vec<(Part, std::ops::Range<usize>)> {
    if kind != EntityKind::Person {
        return vec![(Part::Whole, 0..text.len())];
    }
    let words: Vec<(usize, &str)> = words_with_offsets(text);
    let names: Vec<(usize, &str)> = words
        .into_iter()
        .filter(|(_, w)| !w.is_empty() && !is_suffix(w) && !is_initial(w))
        .collect();
    let mut out = Vec::new();
    if let Some(&(s, w)) = names.last() {
        out.push((Part::Surname, s..s + w.len()));
    }
    if names.len() >= 2 {
        let (s, w) = names[0];
        out.push((Part::Given, s..s + w.len()));
    }
    out
}

/// The house style entry naming this entity, if any.
pub(crate) fn style_entry<'c>(entity: &Entity, config: &'c Config) -> Option<&'c StyleEntry> {
    config.style.iter().find(|e| {
        let forms = std::iter::once(&e.name).chain(&e.aliases).chain(&e.wrong);
        let forms: Vec<String> = forms.map(|f| fold(f)).collect();
        entity
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
            .any(|m| forms.contains(&fold(&m.text)))
    })
}

/// The part's spelling in a house style entry (by the name's own parts).
fn style_part(entry: &StyleEntry, kind: EntityKind, part: Part, like: &str) -> Option<String> {
    let forms = std::iter::once(&entry.name).chain(&entry.aliases);
    let mut best = None;
    for f in forms {
        for (p, r) in parts(kind, f) {
            if p == part {
                let s = &f[r];
                if same_spelling(s, like) {
                    return Some(s.to_string());
                }
                if best.is_none()
                    && (classify(s, like).is_some() || entry.wrong.iter().any(|w| w.contains(like)))
                {
                    best = Some(s.to_string());
                }
            }
        }
    }
    best
}

/// Every mention of `entity` that strays from its dominant spelling.
pub(crate) fn stray_mentions(entity: &Entity, config: &Config) -> Vec<StrayMention> {
    let names: Vec<&super::Mention> = entity
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .collect();
    let style = style_entry(entity, config);
    let mut out: Vec<StrayMention> = Vec::new();
    // Mention start → its entry in `out`.
    let mut index: super::lexicon::HashMap<usize, usize> = Default::default();
    let all_parts: Vec<Vec<(Part, std::ops::Range<usize>)>> =
        names.iter().map(|m| parts(entity.kind, &m.text)).collect();
    for part in [Part::Given, Part::Surname, Part::Whole] {
        if (part == Part::Whole) == (entity.kind == EntityKind::Person) {
            continue;
        }
        // Spellings of this part: (spelling, spans), in order of first use.
        let mut spellings: Vec<(String, Vec<Span>)> = Vec::new();
        // Which mention each part's span belongs to.
        let mut owner: super::lexicon::HashMap<usize, usize> = Default::default();
        for (mi, m) in names.iter().enumerate() {
            for (p, r) in all_parts[mi].iter().cloned() {
                if p != part {
                    continue;
                }
                let s = &m.text[r.clone()];
                let span = m.span.start + r.start..m.span.start + r.end;
                owner.insert(span.start, mi);
                match spellings.iter_mut().find(|(x, _)| same_spelling(x, s)) {
                    Some((x, spans)) => {
                        if x.chars().all(|c| !c.is_lowercase()) {
                            *x = s.to_string();
                        }
                        spans.push(span)
                    }
                    None => spellings.push((s.to_string(), vec![span])),
                }
            }
        }
        if spellings.len() < 2 && style.is_none() {
            continue;
        }
        let from_style = style.and_then(|e| {
            spellings
                .first()
                .and_then(|(s, _)| style_part(e, entity.kind, part, s))
        });
        let dominant =
            match &from_style {
                Some(s) => s.clone(),
                None => {
                    let current = (entity.kind == EntityKind::Place)
                        .then(|| {
                            spellings.iter().find(|(s, _)| {
                                matches!(gazetteer::lookup(s), Some((_, Spelling::Current)))
                                    && spellings
                                        .iter()
                                        .any(|(o, _)| gazetteer::alternate_spellings(o, s))
                            })
                        })
                        .flatten();
                    match current {
                        Some((s, _)) => s.clone(),
                        None => {
                            // The most frequent; in a tie, the one with accents (writers
                            // drop them, they do not add them), then the spelling a list knows
                            // (the gazetteer, the organizations, the given names), then the
                            // earliest. Not the longer: a doubled letter is the commoner slip.
                            let key = |i: usize, x: &str, n: usize| {
                                (
                                    n,
                                    !x.is_ascii(),
                                    known_spelling(entity.kind, x),
                                    std::cmp::Reverse(i),
                                )
                            };
                            let best = spellings.iter().enumerate().max_by(
                                |(ia, (a, sa)), (ib, (b, sb))| {
                                    key(*ia, a, sa.len()).cmp(&key(*ib, b, sb.len()))
                                },
                            );
                            match best {
                                Some((_, (s, _))) => s.clone(),
                                None => continue,
                            }
                        }
                    }
                }
            };
        // Two spellings used once each, neither known: a tie nobody can settle here (with
        // more mentions, the earliest and fullest form decides).
        let top = spellings.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
        let tie = from_style.is_none()
            && top == 1
            && spellings.len() == 2
            && !spellings
                .iter()
                .any(|(x, _)| !x.is_ascii() || known_spelling(entity.kind, x));
        let dominant_spans: std::sync::Arc<[Span]> = spellings
            .iter()
            .find(|(s, _)| same_spelling(s, &dominant))
            .map(|(_, v)| v.as_slice().into())
            .unwrap_or_else(|| Vec::new().into());
        for (s, spans) in &spellings {
            if same_spelling(s, &dominant) {
                continue;
            }
            // A surname joined to its person as a misspelling (coref's
            // `merge_misspelt_surnames`): nothing says which spelling is right.
            let misspelt = part == Part::Surname
                && classify(s, &dominant).is_none()
                && super::variants::misspelt(s, &dominant);
            let kind = classify(s, &dominant)
                .or_else(|| {
                    gazetteer::alternate_spellings(s, &dominant)
                        .then_some(VariantKind::Transliteration)
                })
                .or(misspelt.then_some(VariantKind::Misspelling));
            let wrong = style.is_some_and(|e| {
                e.wrong.iter().any(|w| {
                    w.split_whitespace().any(|x| same_spelling(x, s)) || same_spelling(w, s)
                })
            });
            if kind.is_none() && !wrong {
                continue;
            }
            for span in spans {
                let Some(m) = owner.get(&span.start).map(|&mi| names[mi]) else {
                    continue;
                };
                let (a, b) = (span.start - m.span.start, span.end - m.span.start);
                let replacement = format!("{}{}{}", &m.text[..a], dominant, &m.text[b..]);
                if let Some(prev) = index.get(&m.span.start).map(|&k| &mut out[k]) {
                    // Two parts differ ("Luis Carvallo"): respell both.
                    let (pa, pb) = (span.start - prev.span.start, span.end - prev.span.start);
                    if prev.replacement.len() == prev.text.len() {
                        prev.replacement = format!(
                            "{}{}{}",
                            &prev.replacement[..pa],
                            dominant,
                            &prev.replacement[pb..]
                        );
                    }
                    continue;
                }
                index.insert(m.span.start, out.len());
                out.push(StrayMention {
                    span: m.span.clone(),
                    text: m.text.clone(),
                    replacement,
                    variant: s.clone(),
                    dominant: dominant.clone(),
                    dominant_spans: dominant_spans.clone(),
                    kind,
                    house_style: style.map(|e| e.name.clone()),
                    older: gazetteer::alternate_spellings(s, &dominant),
                    tie: misspelt || tie && spans.len() == top,
                });
            }
        }
    }
    out.sort_by_key(|s| s.span.start);
    out
}

/// A spelling some list knows as a name of this kind: the gazetteer for places, the
/// well-known organizations, the given names for people.
fn known_spelling(kind: EntityKind, spelling: &str) -> bool {
    match kind {
        EntityKind::Place => gazetteer::lookup(spelling).is_some(),
        EntityKind::Organization => super::orgs::is_known_organization(spelling),
        EntityKind::Person => super::lexicon::has_flag(super::lexicon::GIVEN_NAME, spelling),
    }
}

/// The entity's name with every part in its dominant spelling.
pub(crate) fn canonical_name(entity: &Entity, config: &Config, stray: &[StrayMention]) -> String {
    if let Some(e) = style_entry(entity, config) {
        return e.name.clone();
    }
    let names: Vec<&super::Mention> = entity
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .collect();
    let Some(fullest) = names.iter().max_by(|a, b| {
        let wa = a.text.split_whitespace().count();
        let wb = b.text.split_whitespace().count();
        (wa, std::cmp::Reverse(a.span.start)).cmp(&(wb, std::cmp::Reverse(b.span.start)))
    }) else {
        return entity.name.clone();
    };
    let mut name = stray
        .iter()
        .find(|s| s.span == fullest.span)
        .map_or_else(|| fullest.text.clone(), |s| s.replacement.clone());
    // A bare surname respelled in the full name ("Martínez" in "Ana Martinez").
    for s in stray {
        if s.span != fullest.span && name.contains(&s.variant) && !name.contains(&s.dominant) {
            name = name.replace(&s.variant, &s.dominant);
        }
    }
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    // Only capitals (a dateline): the gazetteer's or another mention's spelling.
    if let Some(m) = names
        .iter()
        .find(|m| m.text.chars().any(char::is_lowercase) && same_spelling(&m.text, &name))
    {
        return m.text.clone();
    }
    if entity.kind != EntityKind::Place {
        return name;
    }
    if let Some((p, _)) = gazetteer::lookup(&name) {
        if fold(p.name) == fold(&name) {
            return p.name.to_string();
        }
    }
    title_case(&name)
}

/// "MOSCOW" → "Moscow"; abbreviations stay as written ("U.S.", "UAE").
fn title_case(s: &str) -> String {
    let s = s.trim_end_matches(['-', '–', '—', ',', ':', ';']);
    let one_word = !s.contains(' ');
    s.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            // Initials keep their capitals (U.S., D.C.); a word shortened by a final period
            // is a word (ST. → St., MT. → Mt.).
            let initials = w.trim_end_matches('.').contains('.') || letters <= 1;
            if (w.contains('.') && initials) || (one_word && letters <= 3) {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if super::lexicon::is_particle(&lower) {
                return lower;
            }
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
