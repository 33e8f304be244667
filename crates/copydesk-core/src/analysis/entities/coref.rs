//! Coreference: which names, titles, descriptors and pronouns are one entity. A full name
//! opens a person; a bare surname joins the most recent person of that surname that fits
//! (title first, then the one already called by the bare surname); two people who share a
//! surname stay apart. Close spellings merge only by the kind of difference and context.

use super::extract::Cand;
use super::gazetteer;
use super::lexicon::HashMap as WordMap;
use super::lexicon::{
    gender_of_word, has_flag, is_role_noun, is_suffix, is_title_head, person_pronoun, Gender,
    ORG_HEAD, PARTICLE,
};
use super::variants::{classify, VariantKind};
use super::{EntityKind, Mention, MentionKind};
use crate::analysis::attribution::{Attribution, SpeakerKind};
use crate::draft::{Draft, Span};

/// An entity under construction.
#[derive(Debug, Clone)]
pub(crate) struct Group {
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
    /// The roles and titles of its mentions, lowercase (each distinct one once).
    pub role_text: String,
}

/// A person's name split into given name, middle names or initials, surname.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NameParts {
    pub given: Option<String>,
    pub middles: Vec<String>,
    pub surname: String,
}

/// The parts of a name written as `words`; `shared` is a surname it shares with the next
/// name ("Ana and José Martínez").
pub(crate) fn name_parts_of(words: &[&str], shared: Option<&str>) -> Option<NameParts> {
    let words: Vec<&str> = words.iter().copied().filter(|w| !is_suffix(w)).collect();
    if let Some(s) = shared {
        return Some(NameParts {
            given: words.first().map(|w| w.to_string()),
            middles: Vec::new(),
            surname: s.to_string(),
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

/// The role and title words of a group ("spokesman", "mayor"), kinship and clauses aside.
fn role_heads(g: &Group) -> Vec<String> {
    let mut heads = Vec::new();
    for part in g.role_text.split('|') {
        if part.starts_with('~') {
            continue;
        }
        for w in part.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.')) {
            let w = w.trim_end_matches('.');
            if !w.is_empty()
                && (is_role_noun(w) || is_title_head(w) || is_title_head(&format!("{w}.")))
                && !heads.iter().any(|h| h == w)
            {
                heads.push(w.to_string());
            }
        }
    }
    heads
}

/// Records a candidate's roles and title on its group (kinship and clauses marked `~`).
fn add_roles(g: &mut Group, c: &Cand) {
    for entry in &c.doc.role_entries {
        if !g.role_text.split('|').any(|p| p == entry) {
            g.role_text.push_str(entry);
            g.role_text.push('|');
        }
    }
}

fn all_role_text<'g>(_cands: &[Cand], g: &'g Group) -> &'g str {
    &g.role_text
}

/// Decides which candidates are people, places, organizations, and groups them.
pub fn group(cands: &[Cand], prose: &str) -> Vec<Group> {
    // Which unknown candidates are people: evidence, or a surname shared with one.
    let mut person_words: WordMap<&str, usize> = WordMap::default();
    for c in cands {
        if c.kind == Some(EntityKind::Person) || (c.kind.is_none() && c.person_evidence) {
            if let Some(p) = &c.doc.parts {
                *person_words.entry(p.surname.as_str()).or_default() += 1;
                if let Some(g) = &p.given {
                    person_words.entry(g.as_str()).or_default();
                }
            }
        }
    }
    let mut person_buckets = super::variants::Buckets::default();
    for w in person_words.keys() {
        person_buckets.insert(w);
    }
    // Names typed somewhere as a place or organization type their untyped repetitions.
    let mut typed: WordMap<&str, EntityKind> = WordMap::default();
    for c in cands {
        if let Some(k @ (EntityKind::Place | EntityKind::Organization)) = c.kind {
            typed.entry(c.doc.folded.as_str()).or_insert(k);
        }
    }
    let kind_of = |c: &Cand| -> Option<EntityKind> {
        match c.kind {
            Some(EntityKind::Place)
                if c.words.len() == 1
                    && !c.place_evidence
                    && person_words.contains_key(c.text.as_str()) =>
            {
                Some(EntityKind::Person)
            }
            Some(k) => Some(k),
            None if c.person_evidence => Some(EntityKind::Person),
            None => {
                let last = c.last_word(prose).unwrap_or("");
                if let Some(&k) = typed.get(c.doc.folded.as_str()) {
                    Some(k)
                } else if person_words.contains_key(last)
                    || person_buckets.has_strong_variant_of(&c.text, c.doc.skeleton.as_deref())
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
    let mut by_key: WordMap<(u8, &str), usize> = WordMap::default();
    // Surname (and given name) → the person groups that carry it.
    let mut by_name: WordMap<&str, Vec<usize>> = WordMap::default();
    for (ci, c) in cands.iter().enumerate() {
        let Some(kind) = kind_of(c) else { continue };
        match kind {
            EntityKind::Person => {
                let Some(p) = &c.doc.parts else {
                    continue;
                };
                let gi = find_person(&groups, &by_name, cands, c, p);
                let gi = match gi {
                    Some(gi) => gi,
                    None => {
                        groups.push(new_group(EntityKind::Person));
                        let g = groups.last_mut().unwrap();
                        g.surname = Some(p.surname.clone());
                        by_name
                            .entry(p.surname.as_str())
                            .or_default()
                            .push(groups.len() - 1);
                        groups.len() - 1
                    }
                };
                let g = &mut groups[gi];
                if g.given.is_none() && p.given.is_some() {
                    g.given = p.given.clone();
                    if let Some(given) = &p.given {
                        by_name.entry(given.as_str()).or_default().push(gi);
                    }
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
                add_roles(g, c);
                g.names.push(ci);
            }
            EntityKind::Place | EntityKind::Organization => {
                let place = if kind == EntityKind::Place {
                    c.doc.place
                } else {
                    None
                };
                let folded = match (place, &c.doc.place_folded) {
                    (Some(_), Some(f)) => &**f,
                    _ => c.doc.folded.as_str(),
                };
                let gi = *by_key.entry((kind as u8, folded)).or_insert_with(|| {
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
    merge_misspelt_surnames(&mut groups, cands);
    merge_unqualified_organizations(&mut groups, cands);
    merge_acronyms(&mut groups, cands);
    groups
}

/// `Lydia Buchtmann … Ms Bauchtman said`: a person named by surname alone, whose surname no
/// full name in the draft has, is the one person introduced earlier with a full name whose
/// surname is a near miss of it ([`variants::misspelt`]): two people with names that close
/// are not introduced one by surname alone. Both spellings stay; `name-variant` reports
/// the name as spelled two ways.
///
/// [`variants::misspelt`]: super::variants::misspelt
fn merge_misspelt_surnames(groups: &mut [Group], cands: &[Cand]) {
    let live = |g: &Group| g.kind == EntityKind::Person && g.merged_into.is_none();
    let first_seen = |g: &Group| g.names.first().map_or(usize::MAX, |&c| cands[c].span.start);
    for b in 0..groups.len() {
        if !live(&groups[b]) || groups[b].given.is_some() {
            continue;
        }
        let Some(surname) = groups[b].surname.clone() else {
            continue;
        };
        let fits = |a: &Group| {
            live(a)
                && a.given.is_some()
                && first_seen(a) < first_seen(&groups[b])
                && a.surname
                    .as_deref()
                    .is_some_and(|t| super::variants::misspelt(t, &surname))
                && match (a.gender, groups[b].gender) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                }
        };
        let mut near = (0..groups.len()).filter(|&a| a != b && fits(&groups[a]));
        if let (Some(a), None) = (near.next(), near.next()) {
            absorb(groups, cands, a, b);
        }
    }
}

/// The initials of an organization's name, its small words left out: "World Health
/// Organization" → "WHO", "National Institute of Allergy and Infectious Diseases" → "NIAID".
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "in" | "de" | "&"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// An acronym is the organization whose name it abbreviates ("WHO" after "the World Health
/// Organization", "KCNA" after "Korean Central News Agency"), when one organization of the
/// story has those initials. The entity keeps the name written out.
fn merge_acronyms(groups: &mut [Group], cands: &[Cand]) {
    let live = |g: &Group| {
        g.kind == EntityKind::Organization && g.merged_into.is_none() && !g.names.is_empty()
    };
    let acronym = |g: &Group| {
        let text = cands[g.names[0]].text.replace('.', "");
        let letters = text.chars().count();
        ((2..=7).contains(&letters) && text.chars().all(|c| c.is_ascii_uppercase())).then_some(text)
    };
    let acronyms: Vec<(usize, String)> = (0..groups.len())
        .filter(|&b| live(&groups[b]))
        .filter_map(|b| acronym(&groups[b]).map(|short| (b, short)))
        .collect();
    if acronyms.is_empty() {
        return;
    }
    // The initials of every written-out name, once: initials → its groups.
    let mut spelled_out: WordMap<String, Vec<usize>> = WordMap::default();
    for (a, g) in groups.iter().enumerate() {
        if !live(g) || acronym(g).is_some() {
            continue;
        }
        for &ci in &g.names {
            if cands[ci].text.contains(' ') {
                let owners = spelled_out.entry(initials(&cands[ci].text)).or_default();
                if !owners.contains(&a) {
                    owners.push(a);
                }
            }
        }
    }
    for (b, short) in acronyms {
        let Some(&[a]) = spelled_out.get(&short).map(Vec::as_slice) else {
            continue;
        };
        if groups[a].merged_into.is_some() || groups[b].merged_into.is_some() {
            continue;
        }
        absorb(groups, cands, a, b);
    }
}

/// "The Foreign Office" after "the British Foreign Office", "the Food and Drug
/// Administration" after "the U.S. Food and Drug Administration": an organization's name
/// without the place or nationality that opened it elsewhere in the story is the same
/// organization, when only one organization of the story has that name qualified (a story
/// about the Russian and the Ukrainian Foreign Ministries leaves "the Foreign Ministry" alone).
fn merge_unqualified_organizations(groups: &mut [Group], cands: &[Cand]) {
    let live = |g: &Group| {
        g.kind == EntityKind::Organization && g.merged_into.is_none() && !g.names.is_empty()
    };
    // Each qualified name's remainder (of two words or more), folded → its groups.
    let mut qualified: WordMap<String, Vec<usize>> = WordMap::default();
    for (gi, g) in groups.iter().enumerate().filter(|(_, g)| live(g)) {
        let Some((first, rest)) = cands[g.names[0]].text.split_once(' ') else {
            continue;
        };
        if rest.contains(' ') && is_qualifier(first) {
            let owners = qualified.entry(super::variants::fold(rest)).or_default();
            if !owners.contains(&gi) {
                owners.push(gi);
            }
        }
    }
    if qualified.is_empty() {
        return;
    }
    for b in 0..groups.len() {
        if !live(&groups[b]) {
            continue;
        }
        let folded = cands[groups[b].names[0]].doc.folded.as_str();
        let Some(&[a]) = qualified.get(folded).map(Vec::as_slice) else {
            continue;
        };
        if a == b || groups[a].merged_into.is_some() {
            continue;
        }
        absorb(groups, cands, a, b);
    }
}

/// Group `b`'s names become group `a`'s, and `b` is merged into `a`.
pub(crate) fn absorb(groups: &mut [Group], cands: &[Cand], a: usize, b: usize) {
    let moved = std::mem::take(&mut groups[b].names);
    groups[a].names.extend(moved);
    groups[a].names.sort_by_key(|&i| cands[i].span.start);
    groups[a].last_seen = groups[a].last_seen.max(groups[b].last_seen);
    groups[b].merged_into = Some(a);
}

/// A place or nationality that can open an organization's name: "U.S.", "British",
/// "Nigeria".
fn is_qualifier(word: &str) -> bool {
    super::orgs::is_demonym(word)
        || gazetteer::lookup(word)
            .is_some_and(|(place, _)| matches!(place.kind, gazetteer::PlaceKind::Country))
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
        role_text: String::new(),
    }
}

fn middles_conflict(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && a != b
}

/// The person group a name joins by exact spelling, if any.
fn find_person(
    groups: &[Group],
    by_name: &WordMap<&str, Vec<usize>>,
    cands: &[Cand],
    c: &Cand,
    p: &NameParts,
) -> Option<usize> {
    let people_named = |name: &str| {
        by_name
            .get(name)
            .into_iter()
            .flatten()
            .map(|&i| (i, &groups[i]))
    };
    if let Some(given) = &p.given {
        if let Some((i, _)) = people_named(&p.surname).find(|(_, g)| {
            g.surname.as_deref() == Some(&p.surname)
                && g.given.as_deref() == Some(given)
                && !middles_conflict(&g.middles, &p.middles)
        }) {
            return Some(i);
        }
        // A surname with its particles ("del Pozo Cruz", "Von der Leyen" opening a
        // sentence): the person whose full name ends so.
        if has_flag(PARTICLE, given) {
            let tail: Vec<&String> = std::iter::once(given).chain(&p.middles).collect();
            let ends_so: Vec<usize> = people_named(&p.surname)
                .filter(|(_, g)| {
                    g.surname.as_deref() == Some(&p.surname)
                        && g.given.is_some()
                        && g.middles.len() >= tail.len()
                        && g.middles[g.middles.len() - tail.len()..]
                            .iter()
                            .zip(&tail)
                            .all(|(m, t)| m.eq_ignore_ascii_case(t))
                })
                .map(|(i, _)| i)
                .collect();
            if !ends_so.is_empty() {
                return Some(pick_person(groups, cands, &ends_so, c));
            }
        }
        // A bare surname seen before the full name.
        let bare: Vec<usize> = people_named(&p.surname)
            .filter(|(_, g)| g.surname.as_deref() == Some(&p.surname) && g.given.is_none())
            .map(|(i, _)| i)
            .collect();
        return (bare.len() == 1).then(|| bare[0]);
    }
    let same: Vec<usize> = people_named(&p.surname)
        .filter(|(_, g)| g.surname.as_deref() == Some(&p.surname))
        .map(|(i, _)| i)
        .collect();
    if same.is_empty() {
        // A given name alone ("Ana said") when only one person has it.
        let by_given: Vec<usize> = people_named(&p.surname)
            .filter(|(_, g)| g.given.as_deref() == Some(&p.surname))
            .map(|(i, _)| i)
            .collect();
        return (by_given.len() == 1).then(|| by_given[0]);
    }
    Some(pick_person(groups, cands, &same, c))
}

/// Among people who share a surname: the one whose title fits, else the one the text
/// already calls by the bare surname, else the most recent.
fn pick_person(groups: &[Group], cands: &[Cand], options: &[usize], c: &Cand) -> usize {
    let mut options = options.to_vec();
    if let Some(title) = c.title.as_deref() {
        let t = title.to_lowercase();
        let fits: Vec<usize> = options
            .iter()
            .copied()
            .filter(|&g| all_role_text(cands, &groups[g]).contains(t.as_str()))
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
fn merge_variants(groups: &mut [Group], cands: &[Cand], prose: &str) {
    let n = groups.len();
    let key = |g: &Group| -> (u8, char) {
        let word = match g.kind {
            EntityKind::Person => g.surname.clone().unwrap_or_default(),
            _ => g
                .names
                .first()
                .and_then(|&i| cands[i].text.split_whitespace().next())
                .unwrap_or("")
                .to_string(),
        };
        (g.kind as u8, super::variants::bucket_key(&word))
    };
    // Each group's bucket, recomputed for a group whose names changed by a merge; a group
    // is compared with those whose first bucket is its current one.
    let mut keys: Vec<(u8, char)> = groups.iter().map(key).collect();
    let bucket_of = keys.clone();
    // Within a bucket, only the groups that share a key with it (`merge_keys`) can be its
    // variants: comparing it with the whole bucket took time quadratic in the number of
    // names. A group whose names change is filed again under its new keys.
    let mut index: WordMap<u64, Vec<usize>> = WordMap::default();
    let mut scratch = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        merge_keys(g, cands, &mut scratch);
        for k in scratch.drain(..) {
            index.entry(k).or_default().push(i);
        }
    }
    let mut changed = vec![false; n];
    let mut same_bucket: Vec<usize> = Vec::new();
    for b in 0..n {
        let mut best: Option<(usize, (usize, usize, usize))> = None;
        if changed[b] {
            keys[b] = key(&groups[b]);
        }
        merge_keys(&groups[b], cands, &mut scratch);
        same_bucket.clear();
        for k in scratch.drain(..) {
            let sharing = index.get(&k).map_or(&[][..], Vec::as_slice);
            same_bucket.extend(sharing.iter().filter(|&&a| bucket_of[a] == keys[b]));
        }
        // In the order of the bucket: on equal scores the first one found wins.
        same_bucket.sort_unstable();
        same_bucket.dedup();
        for &a in &same_bucket {
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
                let roles = std::mem::take(&mut groups[b].role_text);
                groups[a].role_text.push_str(&roles);
                groups[b].merged_into = Some(a);
                changed[a] = true;
                merge_keys(&groups[a], cands, &mut scratch);
                for k in scratch.drain(..) {
                    let filed = index.entry(k).or_default();
                    if filed.last() != Some(&a) {
                        filed.push(a);
                    }
                }
            }
        }
    }
}

/// Appends to `out` keys that two groups share whenever [`variant_of`] holds for them: a
/// person's surname's [`variants::variant_keys`]; for a place or an organization, its place
/// in the gazetteer, and its first name's first word (lowercase, and its variant keys) with
/// the name's word count.
///
/// [`variants::variant_keys`]: super::variants::variant_keys
fn merge_keys(g: &Group, cands: &[Cand], out: &mut Vec<u64>) {
    use xxhash_rust::xxh3::xxh3_64_with_seed as hash;
    const PLACE: u64 = 11;
    const LOWER: u64 = 12;
    let Some(&first) = g.names.first() else {
        return;
    };
    match g.kind {
        EntityKind::Person => {
            if let Some(surname) = &g.surname {
                super::variants::variant_keys(surname, out);
            }
        }
        EntityKind::Place | EntityKind::Organization => {
            let text = cands[first].text.as_str();
            if let Some(place) = g.place {
                out.push(hash(place.as_bytes(), PLACE));
            }
            if g.kind == EntityKind::Place {
                if let Some((place, _)) = gazetteer::lookup(text) {
                    out.push(hash(place.name.as_bytes(), PLACE));
                }
            }
            let words = text.split_whitespace().count() as u64;
            let Some(word) = text.split_whitespace().next() else {
                return;
            };
            let from = out.len();
            out.push(hash(word.to_lowercase().as_bytes(), LOWER));
            super::variants::variant_keys(word, out);
            for k in &mut out[from..] {
                *k = hash(&k.to_le_bytes(), words);
            }
        }
    }
}

fn variant_of(groups: &[Group], cands: &[Cand], prose: &str, a: usize, b: usize) -> bool {
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
            let (ha, hb) = (role_heads(ga), role_heads(gb));
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

/// Resolves every quote speaker to an entity: the group of each attribution's speaker, by
/// attribution; adds descriptor and pronoun speakers as mentions.
pub(crate) fn resolve_speakers(
    draft: &Draft,
    groups: &mut [Group],
    cands: &[Cand],
    attributions: &[Attribution],
) -> Vec<Option<usize>> {
    let mut links = vec![None; attributions.len()];
    let live = |groups: &[Group], mut g: usize| {
        while let Some(n) = groups[g].merged_into {
            g = n;
        }
        g
    };
    // Outermost quotes in order, to tell narration from quoted words.
    let mut outer: Vec<Span> = draft
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.inner.clone())
        .collect();
    outer.sort_by_key(|q| q.start);
    let inside_quote = |o: usize| {
        let k = outer.partition_point(|q| q.start <= o);
        k > 0 && o < outer[k - 1].end
    };
    // Person name mentions, in order: (start, end, group). The timeline keeps those outside
    // quotes: who the narration last named.
    let mut names: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        if g.kind == EntityKind::Person && g.merged_into.is_none() {
            for &ci in &g.names {
                names.push((cands[ci].span.start, cands[ci].span.end, gi));
            }
        }
    }
    names.sort_unstable();
    let timeline: Vec<(usize, usize)> = names
        .iter()
        .filter(|(s, _, _)| !inside_quote(*s))
        .map(|&(s, _, g)| (s, g))
        .collect();
    // The same mentions with their ends, for the subject a pronoun takes up.
    let placed: Vec<(usize, usize, usize)> = names
        .iter()
        .filter(|(s, _, _)| !inside_quote(*s))
        .copied()
        .collect();
    // Organization name mentions outside quotes, in order: what `it` said refers to.
    let mut organizations: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.kind == EntityKind::Organization && g.merged_into.is_none())
        .flat_map(|(gi, g)| g.names.iter().map(move |&ci| (cands[ci].span.start, gi)))
        .filter(|&(s, _)| !inside_quote(s))
        .collect();
    organizations.sort_unstable();
    // Organization name mentions with their ends, for a speaker that is one ("said KCNA",
    // "the WHO's website said"): the organization's own name, an acronym it was given or a
    // short form, all one entity by now.
    let mut organization_names: Vec<(usize, usize, usize)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.kind == EntityKind::Organization && g.merged_into.is_none())
        .flat_map(|(gi, g)| {
            g.names
                .iter()
                .map(move |&ci| (cands[ci].span.start, cands[ci].span.end, gi))
        })
        .collect();
    organization_names.sort_unstable();
    let mut order: Vec<usize> = (0..attributions.len()).collect();
    order.sort_by_key(|&i| {
        attributions[i]
            .speaker
            .as_ref()
            .map_or(usize::MAX, |s| s.span.start)
    });
    // Speakers resolved so far, in order: they are the "last speaking" for pronouns.
    let mut spoken: Vec<(usize, usize)> = Vec::new();
    // Whether the timeline and the speakers so far are in order (they nearly always are).
    let mut sorted = (timeline.is_sorted(), true);
    for ai in order {
        let quote = attributions[ai].quote;
        let Some(sp) = attributions[ai].speaker.clone() else {
            continue;
        };
        let resolved = match sp.kind {
            SpeakerKind::Name => {
                let k = names.partition_point(|&(_, e, _)| e <= sp.span.start);
                let by_overlap = names[k..]
                    .iter()
                    .take_while(|&&(s, _, _)| s < sp.span.end)
                    .last()
                    .map(|&(_, _, g)| g);
                let organization = || {
                    let k = organization_names.partition_point(|&(_, e, _)| e <= sp.span.start);
                    // The speaker starts in the name: `Matthew Ingram of The Globe and
                    // Mail` is not the newspaper.
                    organization_names[k..]
                        .iter()
                        .take_while(|&&(s, _, _)| s < sp.span.end)
                        .find(|&&(s, _, _)| s <= sp.span.start)
                        .map(|&(_, _, g)| g)
                };
                by_overlap.or_else(organization).or_else(|| {
                    let last = sp
                        .text
                        .split_whitespace()
                        .last()?
                        .trim_end_matches("'s")
                        .trim_end_matches("’s")
                        .to_string();
                    groups
                        .iter()
                        .enumerate()
                        .filter(|(_, g)| {
                            g.kind == EntityKind::Person
                                && g.merged_into.is_none()
                                && g.surname.as_deref() == Some(&last)
                        })
                        .max_by_key(|(_, g)| g.last_seen)
                        .map(|(i, _)| i)
                })
            }
            SpeakerKind::Descriptor => {
                let recent = recent(&timeline, &spoken, sorted, sp.span.start);
                descriptor(groups, recent, &sp.text, sp.span.start, draft).or_else(|| {
                    organization_descriptor(groups, cands, &organizations, &sp.text, sp.span.start)
                })
            }
            SpeakerKind::Pronoun => match sp.text.trim().to_lowercase().as_str() {
                // `The ministry … It also urged`: the organization last named.
                "it" => {
                    let k = organizations.partition_point(|&(o, _)| o < sp.span.start);
                    k.checked_sub(1).map(|k| organizations[k].1)
                }
                // A group or the newsroom, rarely one person: left unresolved rather than
                // given to whoever was named last.
                "they" | "we" | "you" => None,
                pronoun => {
                    let gender = person_pronoun(pronoun);
                    let fits = |g: usize| match (gender, groups[g].gender) {
                        (Some(x), Some(y)) => x == y,
                        _ => true,
                    };
                    let subject = gender
                        .and_then(|_| {
                            subject_antecedent(draft, &placed, sp.span.start, |g| {
                                fits(live(groups, g))
                            })
                        })
                        .map(|g| live(groups, g));
                    subject.or_else(|| {
                        recent(&timeline, &spoken, sorted, sp.span.start)
                            .map(|(_, g)| live(groups, g))
                            .find(|&g| fits(g))
                    })
                }
            },
        };
        let Some(g) = resolved.map(|g| live(groups, g)) else {
            continue;
        };
        links[ai] = Some(g);
        let group = &mut groups[g];
        group.quotes.push(quote);
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
        sorted.1 &= spoken.last().is_none_or(|&last| last <= (sp.span.start, g));
        spoken.push((sp.span.start, g));
    }
    for g in groups.iter_mut() {
        g.quotes.sort_unstable();
        g.quotes.dedup();
    }
    links
}

/// How many sentences back `he` or `she` looks for the person a sentence is about.
const SUBJECT_LOOKBACK: usize = 3;

/// The person `he` or `she` at offset `at` takes up: in news the subject of the sentence
/// before (`Pelosi called Trump's conduct "…". "…," she announced`), not whoever was
/// named last (Trump). That is the first person named in the nearest sentence that names
/// one who fits, reading the pronoun's own sentence before `at` first (`When Jones
/// arrived, he said`), skipping names after a preposition, which are objects (`Speaking
/// to Martin Smith, he said`). `placed` are the person mentions outside quotes (start,
/// end, group), in order; `fits` says whether a group can be the pronoun's.
fn subject_antecedent(
    draft: &Draft,
    placed: &[(usize, usize, usize)],
    at: usize,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    let here = draft.sentence_at(at)?;
    let mut end = at;
    for s in (here.saturating_sub(SUBJECT_LOOKBACK)..=here).rev() {
        let start = draft.sentences[s].span.start;
        let from = placed.partition_point(|&(o, _, _)| o < start);
        let to = placed.partition_point(|&(o, _, _)| o < end);
        let mut named = false;
        for &(o, _, g) in &placed[from..to] {
            if after_preposition(&draft.prose, o) {
                continue;
            }
            named = true;
            if fits(g) {
                return Some(g);
            }
        }
        // The nearest sentence that names someone decides; an earlier one does not.
        if named {
            return None;
        }
        end = start;
    }
    None
}

/// Prepositions whose object a name is when it follows them.
const OBJECT_PREPOSITIONS: &[&str] = &[
    "to",
    "with",
    "by",
    "from",
    "for",
    "of",
    "at",
    "against",
    "about",
    "on",
    "toward",
    "towards",
    "than",
    "like",
    "including",
    "between",
    "among",
    "beside",
    "behind",
    "after",
    "before",
    "into",
    "onto",
    "upon",
    "over",
    "under",
    "via",
];

/// Whether the name at offset `at` follows a preposition, past capitalized words
/// (`to Senator Smith`, `with Prime Minister Johnson`) but not past punctuation, which
/// ends the phrase (`from Gdańsk. Minister Smith`, `Vice Presidents, Rebecca Nyandeng`).
/// `according to Muyembe` names a source, not an object.
fn after_preposition(prose: &str, at: usize) -> bool {
    let Some(before) = prose.get(..at) else {
        return false;
    };
    let mut words = before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(6);
    while let Some(word) = words.next() {
        if word.ends_with(|c: char| !c.is_alphanumeric()) {
            return false;
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let lower = word.to_lowercase();
        let source = lower == "to"
            && words
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("according"));
        return OBJECT_PREPOSITIONS.contains(&lower.as_str()) && !source;
    }
    false
}

/// How far back a pronoun or descriptor looks for its person (mentions, nearest first).
const LOOKBACK: usize = 60;

/// The people mentioned or speaking before `at`, nearest first (bounded). Lazy: a pronoun
/// usually finds its person among the first few. `sorted` tells whether each whole list is
/// known to be in order, so that only lists that are not need checking.
fn recent<'a>(
    timeline: &'a [(usize, usize)],
    spoken: &'a [(usize, usize)],
    sorted: (bool, bool),
    at: usize,
) -> Recent<'a> {
    let a = timeline.partition_point(|&(o, _)| o < at);
    let b = spoken.partition_point(|&(o, _)| o < at);
    let (x, y) = (
        &timeline[a.saturating_sub(LOOKBACK)..a],
        &spoken[b.saturating_sub(LOOKBACK)..b],
    );
    if !((sorted.0 || x.is_sorted()) && (sorted.1 || y.is_sorted())) {
        let mut all: Vec<(usize, usize)> = x.iter().chain(y).copied().collect();
        all.sort_unstable_by(|p, q| q.cmp(p));
        return Recent::Sorted(all.into_iter());
    }
    Recent::Merged {
        x,
        y,
        i: x.len(),
        j: y.len(),
    }
}

/// The iterator of [`recent`].
enum Recent<'a> {
    /// Two ascending runs, merged from their ends.
    Merged {
        x: &'a [(usize, usize)],
        y: &'a [(usize, usize)],
        i: usize,
        j: usize,
    },
    /// Runs that were not in order, sorted nearest first.
    Sorted(std::vec::IntoIter<(usize, usize)>),
}

impl Iterator for Recent<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            Recent::Sorted(all) => all.next(),
            Recent::Merged { x, y, i, j } => {
                if *j == 0 || (*i > 0 && x[*i - 1] >= y[*j - 1]) {
                    *i = i.checked_sub(1)?;
                    Some(x[*i])
                } else {
                    *j -= 1;
                    Some(y[*j])
                }
            }
        }
    }
}

fn push_other(g: &mut Group, span: &Span, text: &str, kind: MentionKind) {
    if g.others.last().is_none_or(|m| m.span != *span) {
        g.others.push(Mention {
            span: span.clone(),
            text: text.to_string(),
            kind,
        });
    }
}

/// `the commission said`, `the ministry said`: a description that is `the` and an
/// organization noun speaks for the nearest organization named before it whose name has
/// that noun (`the commission` → the Commission on Presidential Debates). Longer
/// descriptions (`the three-judge court`) and nouns the name lacks (`the project`) are
/// left alone: in real copy they as often describe an organization never named.
/// `organizations` are name mentions outside quotes (start, group), in order.
fn organization_descriptor(
    groups: &[Group],
    cands: &[Cand],
    organizations: &[(usize, usize)],
    text: &str,
    at: usize,
) -> Option<usize> {
    let mut words = text.split_whitespace();
    let (Some(the), Some(head), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    if !the.eq_ignore_ascii_case("the") || !has_flag(ORG_HEAD, head) {
        return None;
    }
    let before = &organizations[..organizations.partition_point(|&(o, _)| o < at)];
    let named = |g: usize| {
        groups[g].names.iter().any(|&ci| {
            cands[ci]
                .text
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case(head))
        })
    };
    before.iter().rev().map(|&(_, g)| g).find(|&g| named(g))
}

/// "the Russian general" → the most recent person whose role or title has "general".
fn descriptor(
    groups: &[Group],
    recent: impl Iterator<Item = (usize, usize)>,
    text: &str,
    at: usize,
    draft: &Draft,
) -> Option<usize> {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // The descriptor's last word names the role ("the Russian general"); "the mayor's
    // office" is an office, not the mayor.
    let head = words
        .last()
        .filter(|w| is_role_noun(w) || is_title_head(w))?;
    let spokes = head.starts_with("spokes");
    let fits = |g: usize| {
        let roles = &groups[g].role_text;
        roles.contains(head.as_str()) || (spokes && roles.contains("spokes"))
    };
    let definite = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "his" | "her" | "their" | "its"))
        || words.len() == 1;
    let sentence = draft.sentence_at(at);
    let mut seen = Vec::new();
    for (o, g) in recent {
        let mut g = g;
        while let Some(n) = groups[g].merged_into {
            g = n;
        }
        if seen.contains(&g) {
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
