//! `check --format github`: one GitHub Actions workflow command per finding,
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, which the runner
//! turns into an annotation on the pull request's diff and the job's summary.
//!
//! Lines and columns are the JSON format's (1-based, columns in Unicode scalar values, the
//! end column just after the finding). Errors are `::error`, warnings `::warning`, and
//! information and hints `::notice`. The message is the finding's, then a `note:` line per
//! related location and a `fix:` line per fix, as in the human format.
//!
//! Escaping is the runner's own (`@actions/core`'s `escapeData` and `escapeProperty`): `%`,
//! CR and LF in the message become `%25`, `%0D` and `%0A`; a property (the path, the title)
//! also escapes `:` and `,` as `%3A` and `%2C`, so a file name with a comma cannot start
//! another property, and no message can end its command early or start one of its own.

use super::drafts::Outcome;
use super::located::{Draft, Located};
use super::output::Output;
use crate::checks::{Checked, Finding, Severity};
use std::fmt::Write;

/// Writes a workflow command for every finding of the run's drafts.
pub fn write(out: &mut Output, analysed: &[(String, Checked)], _: Outcome) {
    let located = Located::new(analysed);
    for draft in &located.drafts {
        for finding in &draft.checked.findings {
            out.write(&command(&located, draft, finding));
        }
    }
}

/// The workflow command of one finding, with its line break.
fn command(located: &Located, draft: &Draft, finding: &Finding) -> String {
    let (start, end) = draft.locator.range(&finding.span);
    let mut message = finding.message.clone();
    for r in &finding.related {
        let at = located.related(draft, r, |artifact, locator| match locator {
            Some(locator) => {
                let p = locator.position(r.span.start);
                format!("{}:{}:{}", artifact.path, p.line, p.column)
            }
            None => artifact.path.clone(),
        });
        let _ = write!(message, "\nnote: {at}: {}", r.message);
    }
    for fix in &finding.fixes {
        let _ = write!(message, "\nfix: {}", fix.title);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        command_name(finding.severity),
        escape_property(&draft.artifact.path),
        start.line,
        start.column,
        end.line,
        end.column,
        escape_property(&format!("copydesk {}", finding.code.as_str())),
        escape_data(&message),
    )
}

/// The workflow command for a severity: GitHub has three kinds of annotation.
fn command_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "notice",
    }
}

/// A command's message: `%` first, so the escapes it writes are not escaped again.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: the message's escapes, and `:` and `,`, which end a
/// property.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_are_escaped_as_the_runner_reads_them() {
        assert_eq!(
            escape_data("100% sure\r\nnext: a,b"),
            "100%25 sure%0D%0Anext: a,b"
        );
        assert_eq!(escape_property("a%b\nc: d,e"), "a%25b%0Ac%3A d%2Ce");
        // An escape already in the text is not read as one.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn severities_map_to_the_three_annotations() {
        assert_eq!(command_name(Severity::Error), "error");
        assert_eq!(command_name(Severity::Warning), "warning");
        assert_eq!(command_name(Severity::Information), "notice");
        assert_eq!(command_name(Severity::Hint), "notice");
    }
}
