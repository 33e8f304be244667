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
use crate::sources::Sources;
use crate::sources_dir;
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
pub fn for_each(
    input: &Input,
    sources: SourcesChoice,
    mut each: impl FnMut(&str, &Checked),
) -> Result<Outcome, ()> {
    let (outcome, analysed) = analyse(input, sources)?;
    for (path, checked) in &analysed {
        each(path, checked);
    }
    Ok(outcome)
}

/// Whether a run compares the drafts' quotes with the reporter's sources, and from which
/// folder. Either way, the files of a draft's sources folders are not read as drafts when
/// a directory is walked.
#[derive(Debug, Clone, Copy)]
pub enum SourcesChoice<'a> {
    /// `check`: the sources of `--sources`, or of the configuration (see
    /// [`sources_dir::folders`]).
    Compare(Option<&'a Path>),
    /// `entities`: the drafts alone.
    Ignore,
}

/// [`for_each`]'s drafts, each with the path to print, in order: for a report that reads
/// them all at once.
pub fn analyse(
    input: &Input,
    choice: SourcesChoice,
) -> Result<(Outcome, Vec<(String, Checked)>), ()> {
    let mut configs = Configs::new(input.config.as_deref())?;
    let mut outcome = Outcome::Complete;
    let mut analysed = Vec::new();
    let mut loaded = LoadedSources::default();
    for entry in walk::drafts(&input.paths) {
        let path = match entry {
            Ok(path) => path,
            Err(e) => {
                report_error(&e.path, &e.reason);
                outcome = Outcome::HadErrors;
                continue;
            }
        };
        let Some((config, base)) = configs.for_draft(&path) else {
            outcome = Outcome::HadErrors;
            continue;
        };
        let explicit = match choice {
            SourcesChoice::Compare(dir) => dir,
            SourcesChoice::Ignore => None,
        };
        let folders = sources_dir::folders(explicit, &config, &base);
        // A transcript in the sources folder is no draft, unless named on its own.
        if !input.paths.contains(&path) && sources_dir::is_inside(&path, &folders) {
            continue;
        }
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(reason) => {
                report_error(&path, &reason);
                outcome = Outcome::HadErrors;
                continue;
            }
        };
        let sources = match choice {
            SourcesChoice::Compare(_) => Some(loaded.get(folders)),
            SourcesChoice::Ignore => None,
        };
        let checked = check_guarded(text, Format::from_path(&path), &config).and_then(|mut c| {
            if let Some(sources) = &sources {
                compare_guarded(&mut c, &sources.sources, &config)?;
            }
            Some(c)
        });
        match checked {
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

/// Compares a checked draft's quotes with its sources (see [`crate::checks::sources`]),
/// turning a panic into `None`.
fn compare_guarded(checked: &mut Checked, sources: &Sources, config: &Config) -> Option<()> {
    if sources.is_empty() {
        return Some(());
    }
    let (findings, evidence) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::checks::sources::run(&checked.analysis, sources, config)
    }))
    .ok()?;
    checked.findings.extend(findings);
    checked.evidence = evidence;
    crate::checks::settle(&checked.analysis.draft, &mut checked.findings);
    Some(())
}

/// The sources read in this run, by their folders: each set of folders is read once
/// (usually one for the whole run), and the files passed over are named once on stderr.
#[derive(Default)]
struct LoadedSources {
    read: HashMap<Vec<PathBuf>, Rc<sources_dir::Loaded>>,
}

impl LoadedSources {
    fn get(&mut self, folders: Vec<PathBuf>) -> Rc<sources_dir::Loaded> {
        self.read
            .entry(folders)
            .or_insert_with_key(|folders| {
                let loaded = sources_dir::load(folders);
                for message in &loaded.skipped {
                    eprintln!("copydesk: note: source {}", super::human::shown(message));
                }
                Rc::new(loaded)
            })
            .clone()
    }
}

/// The configuration of each draft: the `--config` file, or the nearest copydesk.toml in or
/// above the draft's directory (each file read once; a bad one reported once).
struct Configs {
    explicit: Option<(Rc<Config>, PathBuf)>,
    found: HashMap<PathBuf, Option<Rc<Config>>>,
    default: Rc<Config>,
}

impl Configs {
    fn new(explicit: Option<&Path>) -> Result<Configs, ()> {
        let explicit = match explicit {
            Some(path) => Some((Rc::new(load_config(path).ok_or(())?), path.to_path_buf())),
            None => None,
        };
        Ok(Configs {
            explicit,
            found: HashMap::new(),
            default: Rc::new(Config::default()),
        })
    }

    /// The configuration for `draft`, with the folder its paths are relative to (the
    /// configuration file's, else the draft's); `None` when its copydesk.toml is unusable.
    fn for_draft(&mut self, draft: &Path) -> Option<(Rc<Config>, PathBuf)> {
        let absolute = std::path::absolute(draft).unwrap_or_else(|_| draft.to_path_buf());
        let draft_dir = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some((config, path)) = &self.explicit {
            let base = std::path::absolute(path)
                .ok()
                .and_then(|p| p.parent().map(Path::to_path_buf))
                .unwrap_or(draft_dir);
            return Some((config.clone(), base));
        }
        let Some(file) = find_config(&absolute) else {
            return Some((self.default.clone(), draft_dir));
        };
        let base = file.parent().map(Path::to_path_buf).unwrap_or(draft_dir);
        let config = self
            .found
            .entry(file)
            .or_insert_with_key(|file| load_config(file).map(Rc::new))
            .clone()?;
        Some((config, base))
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
