//! `check --format gitlab`: a GitLab Code Quality report, the JSON array a job names under
//! `artifacts:reports:codequality`, from which GitLab shows findings in the merge request
//! (new and fixed ones, compared with the target branch by fingerprint) and in the diff.
//!
//! Each finding is `{description, check_name, fingerprint, severity, location: {path,
//! lines: {begin}}}`. The path is relative to the working directory (run copydesk at the
//! repository's root); the fingerprint does not depend on the line ([`super::fingerprint`]),
//! so a paragraph added above a finding does not show it as fixed and found again.
//! Severities: an error is `major`, a warning `minor`, information and hints `info`
//! (GitLab's `critical` and `blocker` are left for what breaks a build, not a draft).

use super::drafts::Outcome;
use super::located::Located;
use super::output::Output;
use crate::checks::{Checked, Severity};
use serde::Serialize;

/// Writes the Code Quality report of the run's drafts.
pub fn write(out: &mut Output, analysed: &[(String, Checked)], _: Outcome) {
    let located = Located::new(analysed);
    out.write_json(&Report { located: &located });
}

/// GitLab's severity for a finding's.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Information | Severity::Hint => "info",
    }
}

/// Every finding of the run, each made as it is written.
struct Report<'a> {
    located: &'a Located<'a>,
}

impl Serialize for Report<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        for (draft, finding, fingerprint) in self.located.fingerprinted() {
            seq.serialize_element(&Issue {
                description: &finding.message,
                check_name: finding.code.as_str(),
                fingerprint,
                severity: severity(finding.severity),
                location: Location {
                    path: &draft.artifact.path,
                    lines: Lines {
                        begin: draft.locator.position(finding.span.start).line,
                    },
                },
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_map_onto_gitlabs_scale() {
        assert_eq!(severity(Severity::Error), "major");
        assert_eq!(severity(Severity::Warning), "minor");
        assert_eq!(severity(Severity::Information), "info");
        assert_eq!(severity(Severity::Hint), "info");
    }
}
