//! `copydesk.toml`: per-check severities, the story date, extra attribution cues and the
//! house style list. Shared by the CLI and the server; parsing never panics and every
//! error names the line.

use crate::codes::{Code, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub const FILE_NAME: &str = "copydesk.toml";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// `[document] date`: the story date when the draft has none.
    pub document_date: Option<chrono::NaiveDate>,
    /// Per-check severity; `None` in the map means the check is off.
    pub checks: BTreeMap<Code, Option<Severity>>,
    /// Extra speech verbs (`[attribution] verbs`).
    pub verbs: Vec<String>,
    /// Extra source cues for numbers (`[attribution] sources`).
    pub sources: Vec<String>,
    /// The house style list: people, places and organizations.
    pub style: Vec<StyleEntry>,
    /// `[sources] paths`: the folders (or files) of the reporter's sources, relative to the
    /// configuration file; `None` when not set, and then `sources/` beside it is read
    /// ([`DEFAULT_SOURCES`]).
    pub source_paths: Option<Vec<String>>,
}

/// The sources folder read when `[sources] paths` is not set.
pub const DEFAULT_SOURCES: &str = "sources";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StyleKind {
    Person,
    Place,
    Organization,
}

/// One house style entry: the canonical spelling and what the newsroom knows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub wrong: Vec<String>,
    #[serde(skip)]
    pub kind: Option<StyleKind>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A configuration error with the 1-based line it was found on (when known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    document: RawDocument,
    #[serde(default)]
    checks: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    attribution: RawAttribution,
    #[serde(default)]
    people: Vec<StyleEntry>,
    #[serde(default)]
    places: Vec<StyleEntry>,
    #[serde(default)]
    organizations: Vec<StyleEntry>,
    sources: Option<RawSources>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSources {
    #[serde(default)]
    paths: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    date: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAttribution {
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Config {
    /// Parses the text of a `copydesk.toml`.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError {
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().to_string(),
        })?;
        let mut config = Config::default();
        if let Some(date) = raw.document.date {
            let parsed =
                chrono::NaiveDate::parse_from_str(date.get_ref(), "%Y-%m-%d").map_err(|_| {
                    ConfigError {
                        line: Some(line_of(text, date.span().start)),
                        message: format!(
                            "document.date {:?} is not a date like \"2016-10-13\"",
                            date.get_ref()
                        ),
                    }
                })?;
            config.document_date = Some(parsed);
        }
        for (code, value) in raw.checks {
            let line = Some(line_of(text, value.span().start));
            let code = Code::parse(&code).ok_or_else(|| ConfigError {
                line,
                message: format!(
                    "unknown check {code:?} (known: {})",
                    Code::ALL.map(Code::as_str).join(", ")
                ),
            })?;
            let severity = match value.get_ref().as_str() {
                "off" => None,
                s => Some(Severity::parse(s).ok_or_else(|| ConfigError {
                    line,
                    message: format!(
                        "{:?} is not a severity (error, warning, information, hint or off)",
                        value.get_ref()
                    ),
                })?),
            };
            config.checks.insert(code, severity);
        }
        if let Some(sources) = raw.sources {
            let mut paths = Vec::new();
            for path in sources.paths {
                if path.get_ref().trim().is_empty() {
                    return Err(ConfigError {
                        line: Some(line_of(text, path.span().start)),
                        message:
                            "sources.paths has an empty path (name a folder, e.g. \"sources\")"
                                .to_string(),
                    });
                }
                paths.push(path.into_inner());
            }
            config.source_paths = Some(paths);
        }
        config.verbs = raw.attribution.verbs;
        config.sources = raw.attribution.sources;
        for (list, kind) in [
            (raw.people, StyleKind::Person),
            (raw.places, StyleKind::Place),
            (raw.organizations, StyleKind::Organization),
        ] {
            config.style.extend(list.into_iter().map(|e| StyleEntry {
                kind: Some(kind),
                ..e
            }));
        }
        Ok(config)
    }

    /// The configured severity of a check; `None` when it is turned off.
    pub fn severity(&self, code: Code) -> Option<Severity> {
        self.checks
            .get(&code)
            .copied()
            .unwrap_or(Some(code.default_severity()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_shape() {
        let c = Config::from_toml(
            r#"
[document]
date = "2016-10-13"
[checks]
unsupported-number = "off"
name-variant = "error"
[attribution]
verbs = ["quipped"]
[[people]]
name = "Sergey Rudskoi"
wrong = ["Rudskoy"]
role = "Lieutenant-General"
"#,
        )
        .unwrap();
        assert_eq!(c.document_date.unwrap().to_string(), "2016-10-13");
        assert_eq!(c.severity(Code::UnsupportedNumber), None);
        assert_eq!(c.severity(Code::NameVariant), Some(Severity::Error));
        assert_eq!(c.severity(Code::ImpossibleDate), Some(Severity::Error));
        assert_eq!(c.style[0].kind, Some(StyleKind::Person));
        assert_eq!(c.verbs, ["quipped"]);
        assert_eq!(c.source_paths, None);
    }

    #[test]
    fn sources_paths_are_read_and_an_empty_one_is_refused() {
        let c = Config::from_toml("[sources]\npaths = [\"interviews\", \"../notes\"]\n").unwrap();
        assert_eq!(
            c.source_paths.as_deref(),
            Some(&["interviews".to_string(), "../notes".to_string()][..])
        );
        let e = Config::from_toml("[sources]\n\npaths = [\"a\", \" \"]\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = Config::from_toml("[sources]\nfolder = \"a\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn errors_name_the_line() {
        let e = Config::from_toml("[checks]\n\nname-variant = \"loud\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = Config::from_toml("[document]\ndate = \n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = Config::from_toml("[checks]\nno-such-check = \"off\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }
}
