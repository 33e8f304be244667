//! What each check code means, in words, for the reports that describe their rules (SARIF's
//! `tool.driver.rules`). The words are read from docs/checks.md, built in: the table's
//! one-line meaning of each code, and the code's own section, whose first paragraph says
//! what it flags. One text, so a code scanning alert explains a finding as the docs do.

use crate::checks::Code;

/// docs/checks.md, as the binary was built with it.
const CHECKS_MD: &str = include_str!("../../docs/checks.md");

/// The description of one check code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub code: Code,
    /// One sentence: the table's "what it means".
    pub short: String,
    /// The first paragraph of the code's section, as one line of plain text.
    pub full: String,
    /// The code's whole section, Markdown.
    pub help_markdown: String,
}

/// The rules of every check code, in [`Code::ALL`]'s order. A code the docs do not describe
/// (they are tested to describe every one) is described by its name.
pub fn all() -> Vec<Rule> {
    Code::ALL.into_iter().map(rule).collect()
}

fn rule(code: Code) -> Rule {
    let section = section(code);
    let short = short_description(code).unwrap_or_else(|| code.as_str().to_string());
    let full = section
        .map(first_paragraph)
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| short.clone());
    Rule {
        code,
        help_markdown: section.map_or_else(|| full.clone(), str::to_string),
        short,
        full,
    }
}

/// The third cell of the table row `` | [`code`](#code) | default | what it means | ``.
fn short_description(code: Code) -> Option<String> {
    let lead = format!("| [`{}`]", code.as_str());
    let row = CHECKS_MD.lines().find(|l| l.starts_with(&lead))?;
    let cell = row.split('|').nth(3)?.trim();
    (!cell.is_empty()).then(|| cell.to_string())
}

/// The text under `## code`, up to the next `## ` heading, trimmed.
fn section(code: Code) -> Option<&'static str> {
    let heading = format!("\n## {}\n", code.as_str());
    let start = CHECKS_MD.find(&heading)? + heading.len();
    let rest = &CHECKS_MD[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

/// The lines of `section` up to its first blank line, joined with spaces. A paragraph that
/// ends in a colon leads into the docs' example, which the description does not carry: it
/// ends with a full stop instead.
fn first_paragraph(section: &str) -> String {
    let paragraph = section
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    match paragraph.strip_suffix(':') {
        Some(lead) => format!("{lead}."),
        None => paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_docs_describe_every_code() {
        for code in Code::ALL {
            assert!(short_description(code).is_some(), "{code:?} in the table");
            let section = section(code).unwrap_or_else(|| panic!("{code:?} has a section"));
            assert!(!first_paragraph(section).is_empty(), "{code:?}");
            assert!(!section.contains("\n## "), "{code:?}: one section only");
        }
    }

    #[test]
    fn the_words_are_the_docs() {
        let rule = rule(Code::ImpossibleDate);
        assert_eq!(rule.short, "A date that does not exist.");
        let quote = super::rule(Code::UnattributedQuote);
        assert_eq!(
            quote.full,
            "A direct quote that no one is said to have spoken. Readers, and lawyers, need \
             to know who said it."
        );
        assert!(quote.help_markdown.starts_with("A direct quote"));
        assert!(quote.help_markdown.contains("Not flagged:"));
        assert!(!quote.help_markdown.contains("## unbalanced-quote"));
        // The section's first paragraph leads into an example with a colon.
        assert_eq!(
            super::rule(Code::WeekdayMismatch).full,
            "A weekday paired with a date that falls on another day, in the story's year."
        );
    }
}
