//! Which files a run reads: each named file as given, and the drafts found under each named
//! directory (sorted by name, honouring .gitignore and .ignore files, skipping hidden files).

use std::path::{Path, PathBuf};

/// The extensions of drafts looked for in directories.
pub const DRAFT_EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// A path that could not be read, with the reason.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub reason: String,
}

/// Expands `paths` into the drafts to read, in order: files as named (whatever their
/// extension), directories walked for drafts. Paths that do not exist come back as errors in
/// their place, so the caller reports them and goes on with the rest.
pub fn drafts(paths: &[PathBuf]) -> Vec<Result<PathBuf, WalkError>> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, &mut out),
            Ok(_) => out.push(Ok(path.clone())),
            Err(e) => out.push(Err(WalkError {
                path: path.clone(),
                reason: io_reason(&e),
            })),
        }
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Vec<Result<PathBuf, WalkError>>) {
    let walker = ignore::WalkBuilder::new(dir)
        // Honour .gitignore even when the drafts are not in a git checkout.
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_draft(entry.path()) {
                    out.push(Ok(entry.into_path()));
                }
            }
            Err(e) => out.push(Err(WalkError {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })),
        }
    }
}

/// Whether a file found in a directory is a draft, by its extension.
pub fn is_draft(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DRAFT_EXTENSIONS.iter().any(|d| e.eq_ignore_ascii_case(d)))
}

/// A short, lower-case reason for an I/O error ("no such file or directory").
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_recognised_by_extension() {
        assert!(is_draft(Path::new("a/story.md")));
        assert!(is_draft(Path::new("story.MARKDOWN")));
        assert!(is_draft(Path::new("story.txt")));
        assert!(!is_draft(Path::new("copydesk.toml")));
        assert!(!is_draft(Path::new("README")));
    }
}
