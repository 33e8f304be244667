//! `check --format sarif`: the findings as a SARIF 2.1.0 log (OASIS), the format code
//! scanning reads (GitHub's `upload-sarif`, SARIF viewers in editors).
//!
//! One run: the tool with a rule per check code (words from docs/checks.md), one result per
//! finding with its level, location, related locations, fixes and a stable fingerprint.
//!
//! Columns count UTF-16 code units, 1-based, the end column exclusive, as SARIF does unless
//! told otherwise; the run says so with `columnKind: "utf16CodeUnits"`, which is also what
//! GitHub assumes, so an underline lands on the same characters as in the editor. (The human
//! and JSON formats count Unicode scalar values; a line with an emoji before the finding
//! has one column more here.)

use super::artifact::{self, Artifact};
use super::drafts::Outcome;
use super::located::{Draft, Located};
use super::output::Output;
use super::rules;
use crate::checks::{Checked, Code, Finding, Fix, Severity, DOCS_BASE};
use crate::draft::Span;
use crate::position::Unit;
use crate::report::Locator;
use serde::Serialize;
use std::collections::BTreeMap;

/// The `$schema` of the log: the OASIS standard's schema, errata 01
/// (`tests/sarif-schema-2.1.0.json` is this file).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of copydesk's fingerprint in `partialFingerprints` (versioned, as SARIF asks).
const FINGERPRINT_KEY: &str = "copydeskFinding/v1";

/// Writes the SARIF log of the run's drafts.
pub fn write(out: &mut Output, analysed: &[(String, Checked)], outcome: Outcome) {
    let located = Located::new(analysed);
    out.write_json(&log(&located, outcome));
}

fn log<'a>(located: &'a Located<'a>, outcome: Outcome) -> Log<'a> {
    let original_uri_base_ids = artifact::srcroot_uri().map(|uri| {
        BTreeMap::from([(
            artifact::SRCROOT,
            OriginalBase {
                uri,
                description: Message {
                    text: "The directory copydesk ran in.".to_string(),
                },
            },
        )])
    });
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "copydesk",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: DOCS_BASE.split("/blob/").next().unwrap_or(DOCS_BASE),
                    rules: rules::all().into_iter().map(rule).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: outcome == Outcome::Complete,
            }],
            original_uri_base_ids,
            column_kind: "utf16CodeUnits",
            results: Results { located },
        }],
    }
}

fn rule(rule: rules::Rule) -> Rule {
    Rule {
        id: rule.code.as_str(),
        name: rule.code.as_str(),
        short_description: Message { text: rule.short },
        full_description: Message {
            text: rule.full.clone(),
        },
        help: Help {
            text: format!("{} See {}", rule.full, rule.code.docs_url()),
            markdown: rule.help_markdown,
        },
        help_uri: rule.code.docs_url(),
        default_configuration: Configuration {
            level: level(rule.code.default_severity()),
        },
    }
}

/// SARIF has three levels of problem: a hint is a note, as information is.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// The results of every draft, each made as it is written, as the JSON format does: a long
/// draft's report is never held whole.
struct Results<'a> {
    located: &'a Located<'a>,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        for (draft, finding, print) in self.located.fingerprinted() {
            seq.serialize_element(&result(self.located, draft, finding, print))?;
        }
        seq.end()
    }
}

fn result(located: &Located, draft: &Draft, finding: &Finding, print: String) -> SarifResult {
    let related = finding
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            located.related(draft, r, |artifact, locator| RelatedLocation {
                id: i,
                message: Message {
                    text: r.message.clone(),
                },
                physical_location: physical(artifact, locator, &r.span),
            })
        })
        .collect();
    SarifResult {
        rule_id: finding.code.as_str(),
        rule_index: Code::ALL
            .iter()
            .position(|&c| c == finding.code)
            .unwrap_or(0),
        level: level(finding.severity),
        message: Message {
            text: finding.message.clone(),
        },
        locations: [Location {
            physical_location: physical(&draft.artifact, Some(&draft.locator), &finding.span),
        }],
        related_locations: related,
        fixes: finding.fixes.iter().filter_map(|x| fix(draft, x)).collect(),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, print)]),
    }
}

/// A fix as SARIF has it: the replacements of its edits, all in the finding's draft. A fix
/// with no edit has nothing to apply and is left out (SARIF asks for at least one).
fn fix(draft: &Draft, x: &Fix) -> Option<SarifFix> {
    if x.edits.is_empty() {
        return None;
    }
    let replacements = x
        .edits
        .iter()
        .map(|e| Replacement {
            deleted_region: region(&draft.locator, &e.span, false),
            inserted_content: Content {
                text: e.new_text.clone(),
            },
        })
        .collect();
    Some(SarifFix {
        description: Message {
            text: x.title.clone(),
        },
        artifact_changes: [ArtifactChange {
            artifact_location: location_of(&draft.artifact),
            replacements,
        }],
    })
}

fn physical(artifact: &Artifact, locator: Option<&Locator>, span: &Span) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: location_of(artifact),
        region: locator.map(|l| region(l, span, true)),
    }
}

fn location_of(artifact: &Artifact) -> ArtifactLocation {
    ArtifactLocation {
        uri: artifact.uri(),
        uri_base_id: artifact.relative.then_some(artifact::SRCROOT),
    }
}

/// The region of `span`: 1-based lines, 1-based UTF-16 columns, the end exclusive (an empty
/// span is an insertion point, start and end equal). With `snippet`, the text it covers.
fn region(locator: &Locator, span: &Span, snippet: bool) -> Region {
    let lines = locator.lines();
    let (start_line, start_column, start) = lines.locate(span.start, Unit::Utf16);
    let (end_line, end_column, end) = lines.locate(span.end.max(span.start), Unit::Utf16);
    let text = locator.text().get(start..end).unwrap_or("");
    Region {
        start_line: start_line + 1,
        start_column: start_column + 1,
        end_line: end_line + 1,
        end_column: end_column + 1,
        snippet: (snippet && !text.is_empty()).then(|| Content {
            text: text.to_string(),
        }),
    }
}

// The SARIF objects written, with only the properties copydesk fills in.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    #[serde(rename = "originalUriBaseIds", skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<BTreeMap<&'static str, OriginalBase>>,
    column_kind: &'static str,
    results: Results<'a>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
}

#[derive(Serialize)]
struct OriginalBase {
    uri: String,
    description: Message,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    message: Message,
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Content>,
}

#[derive(Serialize)]
struct Content {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Message,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Content,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Edit;
    use crate::config::Config;
    use crate::draft::Format;

    /// A finding after an emoji and Cyrillic on a CRLF line, with a fix.
    fn analysed() -> Vec<(String, Checked)> {
        let text = "Headline\r\nМэр 🚀 said Kiev was calm.\r\nKyiv again.\n";
        let mut checked = crate::check(text, Format::Plain, &Config::default());
        let at = text.find("Kiev").unwrap_or(0);
        let mut finding = Finding::new(Code::NameVariant, at..at + 4, "spelled Kyiv elsewhere");
        finding.fixes.push(Fix {
            title: "Replace with 'Kyiv'".into(),
            edits: vec![Edit {
                span: at..at + 4,
                new_text: "Kyiv".into(),
            }],
        });
        finding.fixes.push(Fix {
            title: "nothing to do".into(),
            edits: Vec::new(),
        });
        checked.findings = vec![finding];
        vec![("drafts/d.txt".to_string(), checked)]
    }

    #[test]
    fn regions_count_utf16_units_and_fixes_replace_the_span() {
        let analysed = analysed();
        let located = Located::new(&analysed);
        let log = serde_json::to_value(log(&located, Outcome::Complete)).unwrap_or_default();
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "utf16CodeUnits");
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "name-variant");
        assert_eq!(
            run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap_or(99) as usize]
                ["id"],
            "name-variant"
        );
        assert_eq!(result["level"], "warning");
        // "Мэр 🚀 said " is 11 scalar values but 12 UTF-16 units (the rocket is two)
        // before "Kiev".
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            region,
            &serde_json::json!({"startLine": 2, "startColumn": 13, "endLine": 2,
                "endColumn": 17, "snippet": {"text": "Kiev"}})
        );
        let fixes = result["fixes"].as_array().cloned().unwrap_or_default();
        assert_eq!(fixes.len(), 1, "the fix with no edit is left out");
        let change = &fixes[0]["artifactChanges"][0];
        assert_eq!(change["artifactLocation"]["uri"], "drafts/d.txt");
        assert_eq!(change["artifactLocation"]["uriBaseId"], "SRCROOT");
        let replacement = &change["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "Kyiv");
        assert_eq!(replacement["deletedRegion"]["startColumn"], 13);
        assert_eq!(replacement["deletedRegion"]["endColumn"], 17);
        assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    }

    #[test]
    fn an_unread_file_makes_the_run_unsuccessful() {
        let analysed = analysed();
        let located = Located::new(&analysed);
        let log = serde_json::to_value(log(&located, Outcome::HadErrors)).unwrap_or_default();
        assert_eq!(
            log["runs"][0]["invocations"][0]["executionSuccessful"],
            false
        );
    }
}
