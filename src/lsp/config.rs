//! The server's configuration: `copydesk.toml` at the workspace root, overlaid with the
//! settings the editor sends (`initializationOptions`, `workspace/didChangeConfiguration`),
//! a JSON object of the same shape as the file:
//! `{"document": {"date": "2016-10-13"}, "checks": {"unsupported-number": "off"}}`.
//!
//! Each source is validated on its own so that an error names where it came from (the file
//! and line, or the editor settings); a bad source is reported and the last good one kept.

use crate::config::{Config, FILE_NAME};
use crate::regular_file::{read_text, Refusal, MAX_CONFIG_BYTES};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::{Table, Value as Toml};

/// Where the configuration comes from, and the last good version of each source.
#[derive(Debug, Default)]
pub struct Settings {
    root: Option<PathBuf>,
    file: Option<Table>,
    client: Option<Table>,
    /// What the file looked like when last read (modification time and length), so that
    /// clients that cannot watch files still get a changed file re-read.
    stamp: Option<Stamp>,
}

type Stamp = (Option<std::time::SystemTime>, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok(), meta.len()))
}

/// A configuration source that could not be used, as a message for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub String);

impl Settings {
    pub fn new(root: Option<PathBuf>) -> Settings {
        Settings {
            root,
            ..Settings::default()
        }
    }

    /// The workspace's `copydesk.toml`, when there is a workspace.
    pub fn file_path(&self) -> Option<PathBuf> {
        self.root.as_ref().map(|r| r.join(FILE_NAME))
    }

    /// Re-reads `copydesk.toml`. A missing file means defaults; a bad one is reported and
    /// the previous good version kept.
    pub fn reload_file(&mut self) -> Result<(), Problem> {
        let (Some(root), Some(path)) = (self.root.clone(), self.file_path()) else {
            return Ok(());
        };
        self.stamp = stamp(&path);
        match read_file(&root, &path) {
            Ok(table) => {
                self.file = table;
                Ok(())
            }
            Err(problem) => Err(problem),
        }
    }

    /// True when `copydesk.toml` appeared, disappeared or changed since it was last read.
    pub fn file_changed(&self) -> bool {
        self.file_path()
            .is_some_and(|path| stamp(&path) != self.stamp)
    }

    /// Takes the editor's settings (`null` or `{}` clears them).
    pub fn set_client(&mut self, json: &Json) -> Result<(), Problem> {
        let table = client_table(json)?;
        self.client = (!table.is_empty()).then_some(table);
        Ok(())
    }

    /// The configuration in effect: the file, overlaid with the editor's settings.
    pub fn effective(&self) -> Result<Arc<Config>, Problem> {
        let mut merged = self.file.clone().unwrap_or_default();
        if let Some(client) = &self.client {
            merge(&mut merged, client);
        }
        config_of(&merged)
            .map(Arc::new)
            .map_err(|e| Problem(format!("copydesk configuration: {e}")))
    }
}

fn config_of(table: &Table) -> Result<Config, crate::config::ConfigError> {
    let text = toml::to_string(table).map_err(|e| crate::config::ConfigError {
        line: None,
        message: e.to_string(),
    })?;
    Config::from_toml(&text)
}

/// Reads the workspace's `copydesk.toml`. A repository can ship any file under that name:
/// only a regular file under the workspace root (links resolved) is read, and no more than
/// [`MAX_CONFIG_BYTES`] of it, so a FIFO cannot hang `initialize`, nor a link to
/// `/dev/zero` fill the memory, nor a link elsewhere read a file outside the workspace.
fn read_file(root: &Path, path: &Path) -> Result<Option<Table>, Problem> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    if path.exists() && !crate::workspace::is_inside(root, path) {
        return Err(Problem(format!(
            "{}: links to a file outside the workspace; not read",
            path.display()
        )));
    }
    let text = match read_text(path, MAX_CONFIG_BYTES) {
        Ok(text) => text,
        Err(Refusal::NotFound) => return Ok(None),
        Err(refusal) => return Err(Problem(format!("{}: {refusal}", path.display()))),
    };
    let at = |line: Option<usize>| match line {
        Some(line) => format!("{}:{line}", path.display()),
        None => path.display().to_string(),
    };
    Config::from_toml(&text).map_err(|e| Problem(format!("{}: {}", at(e.line), e.message)))?;
    text.parse::<Table>()
        .map(Some)
        .map_err(|e| Problem(format!("{}: {}", at(None), e.message())))
}

/// The editor's settings as a TOML table, validated. Accepts the object itself or one
/// wrapped as `{"copydesk": {…}}` (how VS Code sends a section).
fn client_table(json: &Json) -> Result<Table, Problem> {
    let json = match json {
        Json::Object(map) if map.len() == 1 && map.contains_key("copydesk") => &map["copydesk"],
        other => other,
    };
    let json = strip_nulls(json.clone());
    let table = match json {
        Json::Null => Table::new(),
        Json::Object(_) => match Toml::try_from(&json) {
            Ok(Toml::Table(t)) => t,
            Ok(_) => Table::new(),
            Err(e) => return Err(Problem(format!("copydesk settings: {e}"))),
        },
        _ => {
            return Err(Problem(
                "copydesk settings: expected an object like {\"checks\": {…}}".to_string(),
            ))
        }
    };
    config_of(&table).map_err(|e| Problem(format!("copydesk settings: {}", e.message)))?;
    Ok(table)
}

fn strip_nulls(json: Json) -> Json {
    match json {
        Json::Object(map) => Json::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Json::Array(items) => Json::Array(
            items
                .into_iter()
                .filter(|v| !v.is_null())
                .map(strip_nulls)
                .collect(),
        ),
        other => other,
    }
}

/// Overlays `top` on `base`: tables merge key by key, anything else is replaced.
fn merge(base: &mut Table, top: &Table) {
    for (key, value) in top {
        match (base.get_mut(key), value) {
            (Some(Toml::Table(b)), Toml::Table(t)) => merge(b, t),
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Code, Severity};
    use serde_json::json;

    #[test]
    fn client_settings_overlay_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[document]\ndate = \"2016-10-13\"\n[checks]\nname-variant = \"error\"\n",
        )
        .unwrap();
        let mut s = Settings::new(Some(dir.path().to_path_buf()));
        s.reload_file().unwrap();
        s.set_client(&json!({"copydesk": {"checks": {"unbalanced-quote": "off"}}}))
            .unwrap();
        let c = s.effective().unwrap();
        assert_eq!(c.document_date.unwrap().to_string(), "2016-10-13");
        assert_eq!(c.severity(Code::NameVariant), Some(Severity::Error));
        assert_eq!(c.severity(Code::UnbalancedQuote), None);
        s.set_client(&Json::Null).unwrap();
        assert_eq!(
            s.effective().unwrap().severity(Code::UnbalancedQuote),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn a_bad_file_names_file_and_line_and_keeps_the_last_good_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "[checks]\nname-variant = \"off\"\n").unwrap();
        let mut s = Settings::new(Some(dir.path().to_path_buf()));
        s.reload_file().unwrap();
        assert!(!s.file_changed());
        std::fs::write(&path, "[checks]\n\nname-variant = \"loud\"\n").unwrap();
        assert!(s.file_changed());
        let Problem(message) = s.reload_file().unwrap_err();
        assert!(
            message.contains(&format!("{}:3", path.display())),
            "{message}"
        );
        assert_eq!(s.effective().unwrap().severity(Code::NameVariant), None);
    }

    #[test]
    fn bad_client_settings_are_rejected() {
        let mut s = Settings::new(None);
        let Problem(message) = s
            .set_client(&json!({"checks": {"no-such-check": "off"}}))
            .unwrap_err();
        assert!(message.contains("no-such-check"), "{message}");
        assert!(s.set_client(&json!(42)).is_err());
        assert!(s.effective().is_ok());
    }
}
