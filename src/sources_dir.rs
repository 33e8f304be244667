//! Reading the reporter's sources from disk for the engine's index
//! (`copydesk_core::sources`): which folders (`--sources`, `[sources] paths` in
//! copydesk.toml, else `sources/` beside the configuration or the draft), which files in
//! them (`.txt`, `.md`, `.markdown`, `.vtt`, `.srt`; hidden and ignored files left out),
//! and how much of them. Every file goes through [`crate::regular_file`], so a FIFO, a
//! device or a file over the cap is refused; a file that is not UTF-8 text (a PDF, a
//! recording, a Word document) is skipped with the reason, and the others are still read.

use crate::config::{Config, DEFAULT_SOURCES};
use crate::regular_file;
use copydesk_core::sources::{SourceText, Sources};
use std::path::{Path, PathBuf};

/// The extensions read as sources.
pub const SOURCE_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "vtt", "srt"];

/// The most one source file may hold: a day of transcripts is a few MB.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The most all sources together may hold; files past it are skipped with a message.
pub const MAX_TOTAL_BYTES: u64 = 512 * 1024 * 1024;

/// At most this many files are read from the sources folders.
pub const MAX_FILES: usize = 20_000;

/// The sources read, and a message for each file passed over.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Sources,
    pub skipped: Vec<String>,
}

/// The sources folders of a draft: `--sources` when given, else the configuration's
/// `[sources] paths` relative to `base` (the configuration file's folder), else `sources/`
/// in `base`.
pub fn folders(explicit: Option<&Path>, config: &Config, base: &Path) -> Vec<PathBuf> {
    if let Some(dir) = explicit {
        return vec![dir.to_path_buf()];
    }
    match &config.source_paths {
        Some(paths) => paths.iter().map(|p| base.join(p)).collect(),
        None => vec![base.join(DEFAULT_SOURCES)],
    }
}

/// Whether `path` is a source file by its extension.
pub fn is_source(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SOURCE_EXTENSIONS.iter().any(|s| e.eq_ignore_ascii_case(s)))
}

/// Whether `path` lies in one of `folders` (compared as absolute, resolved paths, so a
/// draft walked into a sources folder is recognised however it was named).
pub fn is_inside(path: &Path, folders: &[PathBuf]) -> bool {
    let resolved = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let path = resolved(path);
    folders.iter().any(|f| path.starts_with(resolved(f)))
}

/// The source files of `folders`, in name order (a folder that does not exist has none).
pub fn files(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for folder in folders {
        if folder.is_file() {
            out.push(folder.clone());
            continue;
        }
        if !folder.is_dir() {
            continue;
        }
        let walker = ignore::WalkBuilder::new(folder)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker.flatten() {
            if entry.file_type().is_some_and(|t| t.is_file()) && is_source(entry.path()) {
                out.push(entry.into_path());
                if out.len() >= MAX_FILES {
                    return out;
                }
            }
        }
    }
    out
}

/// Reads the sources of `folders` and builds their index.
pub fn load(folders: &[PathBuf]) -> Loaded {
    let mut texts = Vec::new();
    let mut skipped = Vec::new();
    let mut total = 0u64;
    let files = files(folders);
    if files.len() >= MAX_FILES {
        skipped.push(format!("only the first {MAX_FILES} source files are read"));
    }
    for path in files {
        match read_one(&path) {
            Ok(text) => {
                total += text.len() as u64;
                if total > MAX_TOTAL_BYTES {
                    skipped.push(format!(
                        "{}: skipped, the sources already read pass {} MB",
                        path.display(),
                        MAX_TOTAL_BYTES / (1024 * 1024)
                    ));
                    break;
                }
                texts.push(SourceText { path, text });
            }
            Err(reason) => skipped.push(format!("{}: skipped, {reason}", path.display())),
        }
    }
    Loaded {
        sources: Sources::new(texts),
        skipped,
    }
}

/// One source's text; the reason it is not read otherwise.
fn read_one(path: &Path) -> Result<String, String> {
    let text = regular_file::read_text(path, MAX_SOURCE_BYTES).map_err(|e| match e {
        regular_file::Refusal::NotUtf8 { .. } => format!("not UTF-8 text ({e})"),
        other => other.to_string(),
    })?;
    if text.contains('\0') {
        return Err("not text (it holds NUL bytes)".to_string());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_from_the_option_the_configuration_or_the_default() {
        let base = Path::new("/news");
        let config = Config::default();
        assert_eq!(
            folders(None, &config, base),
            [PathBuf::from("/news/sources")]
        );
        assert_eq!(
            folders(Some(Path::new("elsewhere")), &config, base),
            [PathBuf::from("elsewhere")]
        );
        let config = Config::from_toml("[sources]\npaths = [\"interviews\", \"notes\"]\n").unwrap();
        assert_eq!(
            folders(None, &config, base),
            [
                PathBuf::from("/news/interviews"),
                PathBuf::from("/news/notes")
            ]
        );
    }

    #[test]
    fn text_files_are_read_and_binary_ones_skipped_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let sources = dir.path().join("sources");
        std::fs::create_dir(&sources).unwrap();
        std::fs::write(sources.join("a.txt"), "VASQUEZ: We will not close it.\n").unwrap();
        std::fs::write(sources.join("b.vtt"), "WEBVTT\n").unwrap();
        std::fs::write(sources.join("c.srt"), [0xffu8, 0xfe, 0, 0x41]).unwrap();
        std::fs::write(sources.join("d.md"), "a\0b").unwrap();
        std::fs::write(sources.join("e.pdf"), "%PDF-1.4").unwrap();
        let loaded = load(std::slice::from_ref(&sources));
        assert_eq!(loaded.sources.len(), 2);
        assert_eq!(loaded.skipped.len(), 2, "{:?}", loaded.skipped);
        assert!(loaded.skipped[0].contains("c.srt: skipped, not UTF-8"));
        assert!(loaded.skipped[1].contains("d.md: skipped, not text"));
        assert!(is_inside(
            &sources.join("a.txt"),
            std::slice::from_ref(&sources)
        ));
        assert!(!is_inside(&dir.path().join("a.txt"), &[sources]));
        assert!(load(&[dir.path().join("none")]).sources.is_empty());
    }
}
