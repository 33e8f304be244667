//! People, places and organizations: extraction, coreference and variants (DESIGN.md, "Names").
//!
//! The pipeline: [`tokens`] (words of the prose) → [`extract`] (candidate names, typed by
//! [`orgs`], [`gazetteer`] and the [`roles`] around them) → [`coref`] (one entity per person,
//! place, organization; quote speakers resolved) → [`spelling`] (dominant spellings; the
//! variants behind `name-variant`, decided by [`variants`]). [`hover`] draws the card.

use super::attribution::{Attribution, SpeakerKind};
use super::local::Facts;
use super::speech_verbs;
use crate::config::Config;
use crate::draft::{Draft, Span};
use std::sync::Arc;

pub(crate) mod coref;
pub mod extract;
pub mod gazetteer;
pub mod hover;
pub(crate) mod lexicon;
mod near_miss;
pub(crate) mod orgs;
pub(crate) mod roles;
pub mod spelling;
pub mod tokens;
pub mod variants;

pub use hover::hover;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
        }
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// The full name, or a spelling of it ("Sergey Rudskoi", "Rudskoy").
    Name,
    /// A title or descriptor ("the Russian general").
    Descriptor,
    Pronoun,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub kind: MentionKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The canonical (dominant, fullest) name.
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub mentions: Vec<Mention>,
    /// Spellings other than the dominant one.
    pub variants: Vec<String>,
    /// The mentions that stray from the dominant spelling (worked out once, here; the
    /// `name-variant` check reports them).
    pub stray: Vec<spelling::StrayMention>,
    /// Indices of the quotes attributed to this entity.
    pub quotes: Vec<usize>,
    /// The house style note, when the style book knows this entity.
    pub note: Option<String>,
}

/// The facts of one paragraph this analysis reads on its own (see [`super::local`]): its
/// candidate names, typed by their own words and surroundings; spans are relative to the
/// paragraph's start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Local {
    pub names: extract::ParagraphNames,
    /// Its capitalized words, for the misspellings no reader picks up ([`near_miss`]).
    pub capitals: Vec<near_miss::Capital>,
}

/// Reads paragraph `p` of `draft` alone (see [`super::local`] for what it may read).
pub fn local(draft: &Draft, p: usize, config: &Config) -> Local {
    let extra_verbs = speech_verbs::extra_forms(&config.verbs);
    let text = draft
        .paragraphs
        .get(p)
        .and_then(|para| draft.prose.get(para.span.clone()))
        .unwrap_or("");
    let mut capitals = near_miss::capitals(text);
    // Kept with the paragraph for the whole analysis: the room pushes left is not.
    capitals.shrink_to_fit();
    Local {
        names: extract::paragraph(draft, p, &[], &extra_verbs),
        capitals,
    }
}

/// The entities of a draft, and the one each attribution's speaker is (by attribution, an
/// index into the entities; [`link_speakers`] writes them into the attributions).
pub fn extract(
    draft: &Draft,
    facts: &Facts,
    attributions: &[Attribution],
    config: &Config,
) -> (Vec<Entity>, Vec<Option<usize>>) {
    let prose = draft.prose.as_str();
    let mut speaker_names: Vec<Span> = attributions
        .iter()
        .filter_map(|a| a.speaker.as_ref())
        .filter(|s| s.kind == SpeakerKind::Name)
        .map(|s| s.span.clone())
        .collect();
    // Sorted and unique, so a candidate finds the speakers it overlaps by binary search.
    speaker_names.sort_by_key(|s| (s.start, s.end));
    speaker_names.dedup();
    let has_dateline = draft.dateline.is_some();
    let extra_verbs = speech_verbs::extra_forms(&config.verbs);
    // Paragraphs where a speaker stands on a name only being quoted makes a person: read
    // again, with the speakers.
    let sensitive: Vec<(usize, Vec<(usize, usize)>)> = facts
        .iter(draft)
        .enumerate()
        .filter(|(_, (base, f))| {
            f.entities
                .names
                .speaker_sensitive
                .iter()
                .any(|s| extract::overlaps_any(&speaker_names, &(base + s.start..base + s.end)))
        })
        .map(|(p, (base, _))| {
            let span = &draft.paragraphs[p].span;
            let on_it = speaker_names
                .iter()
                .filter(|s| s.start < span.end && span.start < s.end)
                .map(|s| (s.start.wrapping_sub(base), s.end.wrapping_sub(base)))
                .collect();
            (p, on_it)
        })
        .collect();
    let bytes = sensitive
        .iter()
        .map(|(p, _)| draft.paragraphs[*p].span.len())
        .sum();
    let reread: Vec<(usize, Arc<extract::ParagraphNames>)> =
        crate::parallel::share(sensitive.len(), bytes, |i| {
            let (p, on_it) = &sensitive[i];
            let names = facts.reread(*p, on_it.clone(), || {
                extract::paragraph(draft, *p, &speaker_names, &extra_verbs)
            });
            (*p, names)
        });
    let mut chosen: Vec<(usize, &[extract::Candidate])> = Vec::with_capacity(facts.len());
    let mut reread_at = 0;
    for (p, (base, f)) in facts.iter(draft).enumerate() {
        let names = match reread.get(reread_at) {
            Some((q, names)) if *q == p => {
                reread_at += 1;
                names.as_ref()
            }
            _ => &f.entities.names,
        };
        chosen.push((base, names.for_draft(has_dateline)));
    }
    // Counted first: a long draft has many, and growing by doubling would leave room for
    // as many again beside them for the rest of the analysis.
    let mut cands: Vec<extract::Cand> =
        Vec::with_capacity(chosen.iter().map(|(_, c)| c.len()).sum());
    for (base, names) in chosen {
        cands.extend(names.iter().map(|c| extract::Cand::new(c, base)));
    }
    extract::pair_full_names_with_surnames(&mut cands, prose);
    extract::settle_weak(&mut cands, prose);
    let mut groups = coref::group(&cands, prose);
    // Misspelt mentions: read by no reader (new mentions), or read as a name of their own.
    let mut misspelt: Vec<Vec<Span>> = vec![Vec::new(); groups.len()];
    let capitals: Vec<(usize, &[near_miss::Capital])> = facts
        .iter(draft)
        .map(|(base, f)| (base, f.entities.capitals.as_slice()))
        .collect();
    for (g, miss) in near_miss::find(prose, &capitals, &groups, &cands) {
        match miss {
            near_miss::Miss::Unread(span) => misspelt[g].push(span),
            near_miss::Miss::Alone(from) if groups[from].merged_into.is_none() => {
                coref::absorb(&mut groups, &cands, g, from);
            }
            near_miss::Miss::Alone(_) => {}
        }
    }
    let links = coref::resolve_speakers(draft, &mut groups, &cands, attributions);

    // Groups become entities, in order of first mention.
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].merged_into.is_none() && !groups[g].names.is_empty())
        .collect();
    order.sort_by_key(|&g| cands[groups[g].names[0]].span.start);
    let mut index_of = vec![None; groups.len()];
    for (e, &g) in order.iter().enumerate() {
        index_of[g] = Some(e);
    }
    // Each entity's spellings are worked out on its own: on every core for a long draft.
    let mut entities: Vec<Entity> = crate::parallel::share(order.len(), prose.len() / 8, |e| {
        build_entity(
            &groups[order[e]],
            &misspelt[order[e]],
            &cands,
            prose,
            config,
        )
    });
    let links = links
        .into_iter()
        .map(|g| g.and_then(|g| index_of.get(g).copied().flatten()))
        .collect();
    for e in entities.iter_mut() {
        e.quotes.sort_unstable();
    }
    (entities, links)
}

/// Writes the entity of each attribution's speaker (from [`extract`]) into it.
pub fn link_speakers(attributions: &mut [Attribution], links: &[Option<usize>]) {
    for (a, &link) in attributions.iter_mut().zip(links) {
        if let Some(s) = a.speaker.as_mut() {
            s.entity = link;
        }
    }
}

fn build_entity(
    g: &coref::Group,
    misspelt: &[Span],
    cands: &[extract::Cand],
    prose: &str,
    config: &Config,
) -> Entity {
    let mut mentions: Vec<Mention> = g
        .names
        .iter()
        .map(|&ci| {
            let c = &cands[ci];
            Mention {
                span: c.span.clone(),
                text: prose.get(c.span.clone()).unwrap_or(&c.text).to_string(),
                kind: MentionKind::Name,
            }
        })
        .collect();
    mentions.extend(g.others.iter().cloned());
    mentions.extend(misspelt.iter().map(|span| Mention {
        span: span.clone(),
        text: prose.get(span.clone()).unwrap_or("").to_string(),
        kind: MentionKind::Name,
    }));
    mentions.sort_by_key(|m| m.span.start);
    mentions.dedup_by(|a, b| a.span == b.span);
    let role = g
        .names
        .iter()
        .flat_map(|&ci| cands[ci].roles.iter())
        .enumerate()
        .max_by_key(|(i, r)| (r.source, std::cmp::Reverse(*i)))
        .map(|(_, r)| r.text.clone());
    let mut entity = Entity {
        name: mentions.first().map(|m| m.text.clone()).unwrap_or_default(),
        kind: g.kind,
        role,
        mentions,
        variants: Vec::new(),
        stray: Vec::new(),
        quotes: g.quotes.clone(),
        note: None,
    };
    if let Some(style) = spelling::style_entry(&entity, config) {
        entity.note = style.note.clone();
        if entity.role.is_none() {
            entity.role = style.role.clone();
        }
    }
    let stray = spelling::stray_mentions(&entity, config);
    entity.name = spelling::canonical_name(&entity, config, &stray);
    for s in &stray {
        if !entity.variants.contains(&s.text) {
            entity.variants.push(s.text.clone());
        }
    }
    entity.stray = stray;
    entity
}

#[cfg(test)]
mod tests;
