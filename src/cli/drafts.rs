//! Reading drafts for `check` and `entities`: expand the paths, find each draft's
//! configuration, read it as UTF-8 and analyse it. Errors are reported on stderr as they
//! happen, naming the file and the reason, and the run goes on with the other files.

use super::args::Input;
use super::report_error;
use super::walk;
use crate::checks::Checked;
use crate::config::{Config, ConfigError};
use crate::draft::Format;
use crate::regular_file;
use crate::workspace::WorkspaceIndex;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// What a run over drafts ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every file was read and analysed.
    Complete,
    /// Some file or configuration could not be read (already reported on stderr).
    HadErrors,
}

/// Analyses and checks each draft named by `input` and hands each, in order, to `each` with
/// the path to print, once all are read (names are compared across the drafts). Returns
/// `Err(())` when the `--config` file itself is unusable (reported on stderr): nothing is
/// analysed then.
pub fn for_each(input: &Input, mut each: impl FnMut(&str, &Checked)) -> Result<Outcome, ()> {
    let (outcome, analysed) = analyse(input)?;
    for (path, checked) in &analysed {
        each(path, checked);
    }
    Ok(outcome)
}

/// [`for_each`]'s drafts, each with the path to print, in order: for a report that reads
/// them all at once.
pub fn analyse(input: &Input) -> Result<(Outcome, Vec<(String, Checked)>), ()> {
    let mut configs = Configs::new(input.config.as_deref())?;
    let mut outcome = Outcome::Complete;
    let mut analysed = Vec::new();
    for entry in walk::drafts(&input.paths) {
        let path = match entry {
            Ok(path) => path,
            Err(e) => {
                report_error(&e.path, &e.reason);
                outcome = Outcome::HadErrors;
                continue;
            }
        };
        let Some(config) = configs.for_draft(&path) else {
            outcome = Outcome::HadErrors;
            continue;
        };
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(reason) => {
                report_error(&path, &reason);
                outcome = Outcome::HadErrors;
                continue;
            }
        };
        match check_guarded(text, Format::from_path(&path), &config) {
            Some(checked) => analysed.push((path, checked, config)),
            None => {
                report_error(&path, "internal error while analysing this draft");
                outcome = Outcome::HadErrors;
            }
        }
    }
    add_cross_draft_findings(&mut analysed);
    let analysed = analysed
        .into_iter()
        .map(|(path, checked, _)| (path.display().to_string(), checked))
        .collect();
    Ok((outcome, analysed))
}

/// Names spelled one way in one draft and another way in the others: with several drafts
/// checked together, each is also compared with the rest (see [`crate::workspace`]).
fn add_cross_draft_findings(analysed: &mut [(PathBuf, Checked, Rc<Config>)]) {
    if analysed.len() < 2 {
        return;
    }
    let mut index = WorkspaceIndex::default();
    for (path, checked, _) in analysed.iter() {
        index.update(path, &checked.analysis);
    }
    for (path, checked, config) in analysed.iter_mut() {
        let extra = index.variants_for(path, &checked.analysis, &checked.findings, config);
        if !extra.is_empty() {
            checked.findings.extend(extra);
            crate::checks::settle(&checked.analysis.draft, &mut checked.findings);
        }
    }
}

/// Reads a draft as UTF-8 text; the error is a reason to print after the file's name. Only
/// a regular file is read (a FIFO would hang the run, a device never end), up to
/// [`regular_file::MAX_DRAFT_BYTES`].
pub fn read_text(path: &Path) -> Result<String, String> {
    regular_file::read_text(path, regular_file::MAX_DRAFT_BYTES).map_err(|e| e.to_string())
}

/// Runs the analysis and the checks, turning a panic into `None` so one bad draft cannot
/// stop the run.
fn check_guarded(text: String, format: Format, config: &Config) -> Option<Checked> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::checks::check_owned(text, format, config)
    }))
    .ok()
}

/// The configuration of each draft: the `--config` file, or the nearest copydesk.toml in or
/// above the draft's directory (each file read once; a bad one reported once).
struct Configs {
    explicit: Option<Rc<Config>>,
    found: HashMap<PathBuf, Option<Rc<Config>>>,
    default: Rc<Config>,
}

impl Configs {
    fn new(explicit: Option<&Path>) -> Result<Configs, ()> {
        let explicit = match explicit {
            Some(path) => Some(Rc::new(load_config(path).ok_or(())?)),
            None => None,
        };
        Ok(Configs {
            explicit,
            found: HashMap::new(),
            default: Rc::new(Config::default()),
        })
    }

    /// The configuration for `draft`; `None` when its copydesk.toml is unusable.
    fn for_draft(&mut self, draft: &Path) -> Option<Rc<Config>> {
        if let Some(config) = &self.explicit {
            return Some(config.clone());
        }
        let absolute = std::path::absolute(draft).unwrap_or_else(|_| draft.to_path_buf());
        let Some(file) = find_config(&absolute) else {
            return Some(self.default.clone());
        };
        self.found
            .entry(file)
            .or_insert_with_key(|file| load_config(file).map(Rc::new))
            .clone()
    }
}

/// The nearest `copydesk.toml` in or above the draft's directory, whatever kind of file it
/// is: one that is not a regular file is then refused with a message, rather than passed
/// over for a configuration further up that the user did not mean.
fn find_config(draft: &Path) -> Option<PathBuf> {
    let dir = draft.parent()?.canonicalize().ok()?;
    dir.ancestors()
        .map(|d| d.join(crate::config::FILE_NAME))
        .find(|p| std::fs::symlink_metadata(p).is_ok_and(|m| !m.is_dir()))
}

/// Reads and parses a configuration file, reporting what is wrong with it on stderr.
fn load_config(path: &Path) -> Option<Config> {
    let text = match regular_file::read_text(path, regular_file::MAX_CONFIG_BYTES) {
        Ok(text) => text,
        Err(refusal) => {
            report_error(path, &format!("cannot read configuration: {refusal}"));
            return None;
        }
    };
    match Config::from_toml(&text) {
        Ok(config) => Some(config),
        Err(ConfigError {
            line: Some(line),
            message,
        }) => {
            eprintln!(
                "copydesk: error: {}:{line}: invalid configuration: {message}",
                super::human::shown(&path.display().to_string())
            );
            None
        }
        Err(ConfigError {
            line: None,
            message,
        }) => {
            report_error(path, &format!("invalid configuration: {message}"));
            None
        }
    }
}
