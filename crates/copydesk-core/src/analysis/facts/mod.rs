//! What the draft states about its people besides their names: each person's age and
//! rank or office, as written beside a mention ("Maria Lopez, 45,", "Lt. Gen. Rudskoi").
//! Read after the entities, from a few words around each of their mentions, so the work is
//! linear in the mentions; the checks (`checks/facts.rs`) compare what one person is given.
//!
//! [`ages`] reads the ages, [`titles`] the ranks and offices.

use super::entities::{Entity, EntityKind, MentionKind};
use crate::draft::{Draft, Span};
use rustc_hash::FxHashMap;

pub mod ages;
pub mod titles;

pub use ages::{Age, AgeForm};
pub use titles::Title;

/// The ages and titles the draft gives its people, in the order of the draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    pub ages: Vec<Age>,
    pub titles: Vec<Title>,
    /// The people (indices into the entities, sorted) whose change of rank or office the
    /// story tells ("was promoted to", "became"): their titles are not compared.
    pub changed: Vec<usize>,
}

impl Stated {
    /// The ages given to entity `e`.
    pub fn ages_of(&self, e: usize) -> impl Iterator<Item = &Age> {
        self.ages.iter().filter(move |a| a.entity == e)
    }
}

/// The line a person's hover card gives their age with ("Age: 45 (line 3)"), or nothing
/// when the draft gives none. Every age the draft gives is listed, so a card shows a
/// mismatch as plainly as the finding does.
pub fn age_line(analysis: &super::Analysis, e: usize) -> String {
    let mut years: Vec<(u32, usize)> = Vec::new();
    for age in analysis.stated.ages_of(e) {
        if !years.iter().any(|(y, _)| *y == age.years) {
            years.push((age.years, age.span.start));
        }
    }
    if years.is_empty() {
        return String::new();
    }
    let lines = crate::position::LineIndex::new(&analysis.draft.text);
    let list: Vec<String> = years
        .iter()
        .map(|(y, at)| format!("{y} (line {})", lines.position(*at).line))
        .collect();
    match list.len() {
        1 => format!("\n\nAge: {}.", list[0]),
        _ => format!("\n\nAges given: {}.", list.join(", ")),
    }
}

/// Reads the ages and titles of every person of the draft.
pub fn read(draft: &Draft, entities: &[Entity]) -> Stated {
    let prose = draft.prose.as_str();
    let shared = shared_surnames(entities);
    let mut stated = Stated::default();
    for (e, entity) in entities.iter().enumerate() {
        if entity.kind != EntityKind::Person {
            continue;
        }
        for m in &entity.mentions {
            if m.kind != MentionKind::Name || is_ambiguous(&m.text, &shared) {
                continue;
            }
            let title = titles::before(prose, &m.span, e);
            // An age before a titled name stands before its title ("the 58-year-old Gen. X").
            let name_start = title.as_ref().map_or(m.span.start, |t| t.span.start);
            if let Some(age) = ages::around(prose, name_start, &m.span, e) {
                stated.ages.push(age);
            }
            stated.titles.extend(title);
        }
    }
    stated.ages.sort_by_key(|a| a.span.start);
    stated.ages.dedup_by(|a, b| a.span == b.span);
    stated.titles.sort_by_key(|t| t.span.start);
    stated.titles.dedup_by(|a, b| a.span == b.span);
    stated.changed = titles::changed(draft, entities, &stated.titles);
    stated
}

/// For each surname-like word (the last word of a person's name), how many people of the
/// draft are named with it.
fn shared_surnames(entities: &[Entity]) -> FxHashMap<&str, usize> {
    let mut by_word: FxHashMap<&str, usize> = FxHashMap::default();
    for entity in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let mut words: Vec<&str> = entity
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
            .filter_map(|m| m.text.split_whitespace().last())
            .collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            *by_word.entry(w).or_default() += 1;
        }
    }
    by_word
}

/// A one-word mention that more than one person of the draft is named with ("Hale" beside
/// Joan Hale and Marcus Hale): which of them it is, the reader cannot tell, so nothing
/// stated beside it is given to either.
fn is_ambiguous(text: &str, shared: &FxHashMap<&str, usize>) -> bool {
    let mut words = text.split_whitespace();
    match (words.next(), words.next()) {
        (Some(w), None) => shared.get(w).copied().unwrap_or(0) > 1,
        _ => false,
    }
}

/// The largest char boundary of `s` at or below `i`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The text of `prose` from up to `back` bytes before `end` to `end`, cut at a char
/// boundary, and where it starts.
pub(crate) fn window_before(prose: &str, end: usize, back: usize) -> (usize, &str) {
    let end = floor_boundary(prose, end);
    let start = floor_boundary(prose, end.saturating_sub(back));
    (start, prose.get(start..end).unwrap_or(""))
}

/// A span's text, or nothing when the span is not one of the text's.
pub(crate) fn text_of<'t>(text: &'t str, span: &Span) -> &'t str {
    text.get(span.clone()).unwrap_or("")
}
