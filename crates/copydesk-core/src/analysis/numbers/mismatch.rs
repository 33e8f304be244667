//! The same quantity given two values in one draft ("64 victims" … "62 victims"). Two
//! counts are the same quantity only when they clearly count the same thing: the same
//! counted noun and the same verb ("killed 64 people" … "the 62 people killed"), or the
//! same noun of a running tally (victims, deaths). Anything that marks a change over time,
//! an addition, an approximation or a different year keeps the pair silent.

use super::kinds::ClaimKind;
use super::lexicon as lx;
use super::NumberClaim;
use crate::draft::Draft;
use std::collections::HashMap;

/// Two claims giving different values for one quantity: indices into the claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mismatch {
    /// The first statement of the quantity.
    pub first: usize,
    /// A later claim with another value.
    pub other: usize,
}

fn lemma(noun: &str) -> String {
    let n = noun.to_lowercase();
    if let Some(stem) = n.strip_suffix("ies") {
        format!("{stem}y")
    } else if n.ends_with("ss") {
        n
    } else if let Some(stem) = n.strip_suffix('s') {
        stem.to_string()
    } else {
        n
    }
}

fn verb_stem(verb: &str) -> String {
    let v = verb.to_lowercase();
    let v = v
        .strip_suffix("ed")
        .or_else(|| v.strip_suffix('s'))
        .unwrap_or(&v)
        .to_string();
    v.chars().take(5).collect()
}

/// Whether `c` can take part in a comparison at all.
fn comparable(c: &NumberClaim) -> bool {
    c.kind == ClaimKind::Count
        && c.head.is_some()
        && c.value.is_some()
        && !c.approx
        && !c.range
        && !c.relative
        && !c.changing
        && c.value.is_some_and(|v| v >= 2.0)
}

/// What a comparable claim counts, worked out once per claim: the noun's lemma and the
/// verb's stem.
struct Quantity {
    lemma: String,
    verb: Option<String>,
}

impl Quantity {
    fn of(c: &NumberClaim) -> Option<Quantity> {
        Some(Quantity {
            lemma: lemma(c.head.as_deref()?),
            verb: c.verb.as_deref().map(verb_stem),
        })
    }
}

/// Whether two comparable claims, with their quantities worked out, count the same thing.
fn same(a: &NumberClaim, qa: &Quantity, b: &NumberClaim, qb: &Quantity) -> bool {
    if qa.lemma != qb.lemma || a.sentence == b.sentence {
        return false;
    }
    if !a.modifiers.is_empty() && !b.modifiers.is_empty() && a.modifiers != b.modifiers {
        return false;
    }
    match (&qa.verb, &qb.verb) {
        (Some(x), Some(y)) => x == y,
        _ => a.head.as_deref().is_some_and(lx::tally_noun) && a.modifiers == b.modifiers,
    }
}

/// Four-digit years in a sentence: counts from different years are different quantities.
fn years(draft: &Draft, sentence: usize) -> Vec<&str> {
    let Some(s) = draft.sentences.get(sentence) else {
        return Vec::new();
    };
    let text = draft.prose.get(s.span.clone()).unwrap_or("");
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| super::exclusions::is_year(w))
        .collect()
}

const MAX_EARLIER: usize = 32;

/// Every later claim whose value differs from the first statement of the same quantity.
pub fn find(claims: &[NumberClaim], draft: &Draft) -> Vec<Mismatch> {
    let quantities: Vec<Option<Quantity>> = claims
        .iter()
        .map(|c| comparable(c).then(|| Quantity::of(c)).flatten())
        .collect();
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, q) in quantities.iter().enumerate() {
        if let Some(q) = q {
            groups.entry(q.lemma.as_str()).or_default().push(i);
        }
    }
    // Four-digit years per sentence, read once: counts from different years differ.
    let mut years_of: HashMap<usize, Vec<&str>> = HashMap::new();
    let mut same_years = |a: usize, b: usize| {
        for s in [a, b] {
            years_of.entry(s).or_insert_with(|| years(draft, s));
        }
        let (ya, yb) = (&years_of[&a], &years_of[&b]);
        ya.is_empty() && yb.is_empty() || ya == yb
    };
    let quantity = |i: usize| {
        quantities[i]
            .as_ref()
            .expect("grouped claims are comparable")
    };
    let mut out = Vec::new();
    for members in groups.values() {
        for (k, &b) in members.iter().enumerate() {
            // Only the first statements of a quantity are compared: linear on long drafts.
            let earlier = &members[..k.min(MAX_EARLIER)];
            let (cb, qb) = (&claims[b], quantity(b));
            let first = earlier.iter().copied().find(|&a| {
                same(&claims[a], quantity(a), cb, qb)
                    && claims[a].value != cb.value
                    && same_years(claims[a].sentence, cb.sentence)
            });
            // Only report against the first statement of the quantity, once per claim.
            if let Some(a) = first {
                let earlier_same = earlier
                    .iter()
                    .any(|&x| same(&claims[x], quantity(x), cb, qb) && claims[x].value == cb.value);
                if !earlier_same {
                    out.push(Mismatch { first: a, other: b });
                }
            }
        }
    }
    out.sort_by_key(|m| m.other);
    out
}

/// Claims elsewhere in the draft that give `claim`'s quantity another value.
pub(crate) fn conflicts<'a>(
    claims: &'a [NumberClaim],
    claim: &NumberClaim,
) -> Vec<&'a NumberClaim> {
    let Some(q) = comparable(claim).then(|| Quantity::of(claim)).flatten() else {
        return Vec::new();
    };
    // The hovered claim's quantity is worked out once; a claim counting another noun is
    // turned away before its own is.
    claims
        .iter()
        .filter(|c| comparable(c) && c.value != claim.value)
        .filter(|c| c.head.as_deref().is_some_and(|h| lemma(h) == q.lemma))
        .filter(|c| Quantity::of(c).is_some_and(|qc| same(c, &qc, claim, &q)))
        .collect()
}
