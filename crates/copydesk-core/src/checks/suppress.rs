//! Suppression comments in Markdown drafts: a reporter who has checked a finding silences
//! it where it stands, and the comment stays in the draft for the next editor to see.
//!
//! - `<!-- copydesk-disable-next-line CODE … -->`: findings starting on the next line.
//! - `<!-- copydesk-disable CODE … -->` … `<!-- copydesk-enable CODE … -->`: a region
//!   (to the end of the draft when never enabled again).
//!
//! Without a code, a comment covers every check.

use super::{Code, Finding};
use crate::draft::{Draft, Format, Span};
use regex::Regex;
use std::sync::LazyLock;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*copydesk-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("valid regex")
});

/// What a set of comments silences: byte ranges, each for some codes (`None`: all codes).
#[derive(Debug, Default)]
struct Silenced {
    regions: Vec<(Span, Option<Vec<Code>>)>,
}

impl Silenced {
    fn covers(&self, finding: &Finding) -> bool {
        self.regions.iter().any(|(span, codes)| {
            span.contains(&finding.span.start)
                && codes.as_ref().is_none_or(|c| c.contains(&finding.code))
        })
    }
}

/// The codes named in a comment; `None` when it names none (or only unknown ones are
/// named, in which case nothing is silenced rather than everything).
fn codes(list: &str) -> Option<Vec<Code>> {
    let names: Vec<&str> = list
        .split([' ', ',', '\t'])
        .filter(|s| !s.is_empty())
        .collect();
    if names.is_empty() {
        return None;
    }
    Some(names.into_iter().filter_map(Code::parse).collect())
}

/// The byte range of the line after the one holding `offset`.
fn next_line(text: &str, offset: usize) -> Span {
    let start = text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

fn silenced(draft: &Draft) -> Silenced {
    let text = &draft.text;
    let mut silenced = Silenced::default();
    // Open `disable` regions: (start, codes).
    let mut open: Vec<(usize, Option<Vec<Code>>)> = Vec::new();
    for m in DIRECTIVE.captures_iter(text) {
        let (Some(whole), Some(kind)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let codes = codes(m.get(2).map_or("", |c| c.as_str()));
        match kind.as_str() {
            "disable-next-line" => silenced.regions.push((next_line(text, whole.end()), codes)),
            "disable" => open.push((whole.end(), codes)),
            _ => {
                // `enable` closes the regions it names (all of them when it names none).
                let (closed, still_open): (Vec<_>, Vec<_>) = open
                    .into_iter()
                    .partition(|(_, c)| codes.is_none() || *c == codes);
                open = still_open;
                silenced
                    .regions
                    .extend(closed.into_iter().map(|(s, c)| (s..whole.start(), c)));
            }
        }
    }
    silenced
        .regions
        .extend(open.into_iter().map(|(s, c)| (s..text.len(), c)));
    silenced
}

/// Drops the findings a Markdown draft's comments silence.
pub fn apply(draft: &Draft, findings: &mut Vec<Finding>) {
    if draft.format != Format::Markdown || findings.is_empty() || !draft.text.contains("copydesk-")
    {
        return;
    }
    let silenced = silenced(draft);
    findings.retain(|f| !silenced.covers(f));
}

/// The comment that silences `code` on the line below it.
pub fn next_line_comment(code: Code) -> String {
    format!("<!-- copydesk-disable-next-line {} -->", code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(text: &str, needle: &str, code: Code) -> Finding {
        let at = text.find(needle).unwrap();
        Finding::new(code, at..at + needle.len(), "x")
    }

    fn kept(text: &str, findings: Vec<Finding>) -> Vec<String> {
        let draft = Draft::parse(text, Format::Markdown);
        let mut findings = findings;
        apply(&draft, &mut findings);
        findings
            .iter()
            .map(|f| text[f.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn next_line_silences_only_the_named_code_on_the_next_line() {
        let text = "<!-- copydesk-disable-next-line unattributed-quote -->\n\"One.\" \"Two.\"\n\n\"Three.\"\n";
        let f = vec![
            finding(text, "\"One.\"", Code::UnattributedQuote),
            finding(text, "\"Two.\"", Code::UnbalancedQuote),
            finding(text, "\"Three.\"", Code::UnattributedQuote),
        ];
        assert_eq!(kept(text, f), ["\"Two.\"", "\"Three.\""]);
    }

    #[test]
    fn regions_run_until_enabled_or_the_end() {
        let text = "a\n<!-- copydesk-disable name-variant -->\nRudskoy\n<!-- copydesk-enable name-variant -->\nRudskoy again\n<!-- copydesk-disable -->\nKiev\n";
        let f = vec![
            finding(text, "Rudskoy\n", Code::NameVariant),
            finding(text, "Rudskoy again", Code::NameVariant),
            finding(text, "Kiev", Code::NameVariant),
        ];
        assert_eq!(kept(text, f), ["Rudskoy again"]);
    }

    #[test]
    fn plain_text_and_unknown_codes_silence_nothing() {
        let text = "<!-- copydesk-disable-next-line no-such-code -->\n\"One.\"\n";
        let f = vec![finding(text, "\"One.\"", Code::UnattributedQuote)];
        assert_eq!(kept(text, f.clone()), ["\"One.\""]);
        let draft = Draft::parse("<!-- copydesk-disable -->\n\"One.\"\n", Format::Plain);
        let mut g = vec![Finding::new(Code::UnattributedQuote, 26..32, "x")];
        apply(&draft, &mut g);
        assert_eq!(g.len(), 1);
    }

    #[test]
    fn a_comment_at_the_end_of_the_text_does_not_panic() {
        let text = "\"One.\"\n<!-- copydesk-disable-next-line -->";
        assert_eq!(
            kept(
                text,
                vec![finding(text, "\"One.\"", Code::UnattributedQuote)]
            ),
            ["\"One.\""]
        );
    }
}
