//! Findings of the quotes analysis: `unattributed-quote` (a direct quote nobody is said to
//! have spoken) and `unbalanced-quote` (a quote opened and never closed, or a closing mark
//! with nothing to close).

use super::{Code, Edit, Finding, Fix};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::draft::{Balance, Quote};

pub fn check(analysis: &Analysis, _config: &Config) -> Vec<Finding> {
    let draft = &analysis.draft;
    let mut findings = Vec::new();
    for (q, quote) in draft.quotes.iter().enumerate() {
        if quote.parent.is_some() {
            continue;
        }
        if quote.balance == Balance::Unclosed {
            findings.push(unclosed(analysis, quote));
        }
        let Some(a) = analysis.attributions.get(q) else {
            continue;
        };
        if a.is_speech && a.speaker.is_none() {
            findings.push(unattributed(analysis, quote));
        }
    }
    for closer in &draft.stray_closers {
        findings.push(Finding::new(
            Code::UnbalancedQuote,
            closer.clone(),
            "Closing quote mark with no opening mark: add the opening mark where the quotation starts, or remove this one",
        ));
    }
    findings
}

fn unclosed(analysis: &Analysis, quote: &Quote) -> Finding {
    let draft = &analysis.draft;
    let mut finding = Finding::new(
        Code::UnbalancedQuote,
        quote.span.clone(),
        "Quote opened here is never closed (and the next paragraph does not continue it): add the closing mark",
    );
    let open = draft.prose_of(&quote.open_mark);
    let close = match open {
        "“" => "”",
        "‘" => "’",
        "«" => "»",
        "„" => "“",
        "‚" => "‘",
        other => other,
    };
    // The closing mark goes after the quoted text, before any trailing space.
    let text = draft.prose_of(&quote.span);
    let at = quote.span.start + text.trim_end().len();
    finding.fixes.push(Fix {
        title: "Close the quote at the end of the paragraph".to_string(),
        edits: vec![Edit {
            span: at..at,
            new_text: close.to_string(),
        }],
    });
    finding
}

fn unattributed(analysis: &Analysis, quote: &Quote) -> Finding {
    let draft = &analysis.draft;
    let mut finding = Finding::new(
        Code::UnattributedQuote,
        quote.span.clone(),
        "Quote has no speaker: add who said it (e.g. \", she said\")",
    );
    if let Some(close) = &quote.close_mark {
        let inner = draft.prose_of(&quote.inner);
        let trimmed = inner.trim_end();
        let edits = if let Some(stripped) = trimmed.strip_suffix('.') {
            // `"…."` → `"…," [WHO] said.`
            let period = quote.inner.start + stripped.len();
            vec![
                Edit {
                    span: period..period + 1,
                    new_text: ",".to_string(),
                },
                Edit {
                    span: close.end..close.end,
                    new_text: " [WHO] said.".to_string(),
                },
            ]
        } else if trimmed.ends_with(',') {
            vec![Edit {
                span: close.end..close.end,
                new_text: " [WHO] said".to_string(),
            }]
        } else if trimmed.ends_with(['?', '!']) {
            vec![Edit {
                span: close.end..close.end,
                new_text: " [WHO] said.".to_string(),
            }]
        } else {
            vec![Edit {
                span: close.end..close.end,
                new_text: ", [WHO] said".to_string(),
            }]
        };
        finding.fixes.push(Fix {
            title: "Insert an attribution placeholder".to_string(),
            edits,
        });
    }
    finding
}
