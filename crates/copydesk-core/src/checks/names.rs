//! `name-variant`: a name spelled differently from the same name elsewhere in the draft, or
//! from the house style list (DESIGN.md, "Names").

use super::{Code, Edit, Finding, Fix, Related};
use crate::analysis::entities::spelling::StrayMention;
use crate::analysis::entities::variants::{fold, same_spelling};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::draft::Span;
use crate::parallel::share;

/// How many dominant mentions a finding points at.
const RELATED: usize = 3;

pub fn check(analysis: &Analysis, config: &Config) -> Vec<Finding> {
    let entities = &analysis.entities;
    // Each entity's findings on their own: on every core when the draft is long.
    let stray: usize = entities.iter().map(|e| e.stray.len()).sum();
    let per_entity = share(entities.len(), stray * STRAY_COST, |e| {
        stray_findings(&entities[e].stray)
    });
    let mut findings: Vec<Finding> = per_entity.into_iter().flatten().collect();
    findings.extend(wrong_spellings(analysis, config, &findings));
    findings
}

/// About as much work per stray mention as reading this many bytes of a paragraph (see
/// [`share`]): a few hundred strays are worth a second core.
const STRAY_COST: usize = 64;

/// One finding per mention that strays from its entity's dominant spelling.
fn stray_findings(stray: &[StrayMention]) -> Vec<Finding> {
    let mut by_text: std::collections::HashMap<&str, Vec<&StrayMention>> =
        std::collections::HashMap::new();
    for s in stray {
        by_text.entry(s.text.as_str()).or_default().push(s);
    }
    stray
        .iter()
        .map(|s| {
            let same = &by_text[s.text.as_str()];
            // The "replace every" fix repeats on each finding; a pathological draft with
            // thousands of one variant keeps it on the first only.
            let first = same.first().is_some_and(|f| f.span == s.span);
            finding(s, same, first || same.len() <= MAX_SHARED_FIX)
        })
        .collect()
}

/// Above this many mentions of one variant, only the first finding carries "replace every".
const MAX_SHARED_FIX: usize = 50;

fn finding(s: &StrayMention, same: &[&StrayMention], fix_every: bool) -> Finding {
    let others = s.dominant_spans.len();
    if s.tie {
        return spelled_two_ways(s);
    }
    let message = match (&s.house_style, others) {
        (Some(style), 0) => format!(
            "'{}' is spelled '{}' in the house style ({style})",
            s.variant, s.dominant
        ),
        (Some(style), n) => format!(
            "'{}' is spelled '{}' in the house style ({style}) and in {n} other mention{}",
            s.variant,
            s.dominant,
            if n == 1 { "" } else { "s" }
        ),
        (None, n) => format!(
            "'{}' is spelled '{}' in {n} other mention{}{}",
            s.variant,
            s.dominant,
            if n == 1 { "" } else { "s" },
            match (s.older, s.kind) {
                (true, _) => " (an older or alternate spelling of the place)".to_string(),
                (false, Some(k)) => format!(" (they differ by {})", k.describe()),
                (false, None) => String::new(),
            }
        ),
    };
    let mut f = Finding::new(Code::NameVariant, s.span.clone(), message);
    f.related = dominant_spellings(s);
    f.fixes.push(Fix {
        title: format!("Replace with '{}'", s.replacement),
        edits: vec![Edit {
            span: s.span.clone(),
            new_text: s.replacement.clone(),
        }],
    });
    if fix_every {
        f.fixes.push(Fix {
            title: format!("Replace every '{}' with '{}'", s.text, s.replacement),
            edits: same
                .iter()
                .map(|o| Edit {
                    span: o.span.clone(),
                    new_text: o.replacement.clone(),
                })
                .collect(),
        });
    }
    f
}

/// Where the dominant spelling stands (the first few places).
fn dominant_spellings(s: &StrayMention) -> Vec<Related> {
    s.dominant_spans
        .iter()
        .take(RELATED)
        .map(|span| Related {
            message: format!("spelled '{}' here", s.dominant),
            span: span.clone(),
            path: None,
        })
        .collect()
}

/// A name spelled two ways as often, and no list knows which is right: both spellings are
/// shown, and no fix chooses between them.
fn spelled_two_ways(s: &StrayMention) -> Finding {
    let message = format!(
        "'{}' and '{}' are spelled two ways{}: check which is right",
        s.variant,
        s.dominant,
        s.kind
            .map(|k| format!(" (they differ by {})", k.describe()))
            .unwrap_or_default()
    );
    let mut f = Finding::new(Code::NameVariant, s.span.clone(), message);
    f.related = dominant_spellings(s);
    f
}

/// House-style `wrong` spellings are flagged wherever they stand as words, even when the
/// draft has no other mention of the name.
fn wrong_spellings(analysis: &Analysis, config: &Config, already: &[Finding]) -> Vec<Finding> {
    let prose = analysis.draft.prose.as_str();
    if config.style.iter().all(|e| e.wrong.is_empty()) {
        return Vec::new();
    }
    let folded_prose = fold(prose);
    let folded_prose_has = |w: &str| folded_prose.contains(&fold(w));
    let mut out: Vec<Finding> = Vec::new();
    for entry in &config.style {
        for wrong in &entry.wrong {
            if wrong.trim().is_empty() || !folded_prose_has(wrong) {
                continue;
            }
            let replacement = closest_form(entry, wrong);
            let spans = word_occurrences(prose, wrong);
            let taken = |sp: &Span| {
                already.iter().chain(out.iter()).any(|f| {
                    f.code == Code::NameVariant && f.span.start < sp.end && sp.start < f.span.end
                })
            };
            let fresh: Vec<Span> = spans.into_iter().filter(|sp| !taken(sp)).collect();
            for sp in &fresh {
                let mut f = Finding::new(
                    Code::NameVariant,
                    sp.clone(),
                    format!(
                        "'{}' is spelled '{}' in the house style ({})",
                        &prose[sp.clone()],
                        replacement,
                        entry.name
                    ),
                );
                f.fixes.push(Fix {
                    title: format!("Replace with '{replacement}'"),
                    edits: vec![Edit {
                        span: sp.clone(),
                        new_text: replacement.clone(),
                    }],
                });
                f.fixes.push(Fix {
                    title: format!("Replace every '{wrong}' with '{replacement}'"),
                    edits: fresh
                        .iter()
                        .map(|s| Edit {
                            span: s.clone(),
                            new_text: replacement.clone(),
                        })
                        .collect(),
                });
                out.push(f);
            }
        }
    }
    out
}

/// The correct form to put in place of a wrong one: the canonical name or an alias with
/// as many words, else the canonical name.
fn closest_form(entry: &crate::config::StyleEntry, wrong: &str) -> String {
    let n = wrong.split_whitespace().count();
    std::iter::once(&entry.name)
        .chain(&entry.aliases)
        .find(|f| f.split_whitespace().count() == n)
        .unwrap_or(&entry.name)
        .clone()
}

/// Whole-word occurrences of `needle` (case as written, accents exact).
fn word_occurrences(hay: &str, needle: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(needle)) {
        let s = from + i;
        let e = s + needle.len();
        let before = hay[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after && same_spelling(&hay[s..e], needle) {
            out.push(s..e);
        }
        from = e;
    }
    out
}
