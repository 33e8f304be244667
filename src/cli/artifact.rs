//! How the CI formats name a draft. A CI system matches a report's paths against its
//! checkout, whatever directory copydesk ran in and however its paths were typed
//! (`./drafts/a.md`, `drafts//a.md`, an absolute path into the checkout): so a draft is named
//! by its path relative to the working directory, with `/` separators, and for SARIF as a
//! relative URI against the `SRCROOT` base, which the log says is the working directory.
//! A draft outside the working directory keeps its absolute path (a `file:` URI in SARIF):
//! no relative path would reach it.

use std::path::{Component, Path, PathBuf};

/// The name of the SARIF base URI that relative artifact URIs are resolved against.
pub const SRCROOT: &str = "SRCROOT";

/// A draft's path as CI reports name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    /// Relative to the working directory, `/`-separated; the absolute path when the draft is
    /// outside it.
    pub path: String,
    /// Whether `path` is relative to the working directory.
    pub relative: bool,
}

impl Artifact {
    /// The artifact of a draft named `path` on the command line (or found under a directory
    /// named there), seen from the working directory.
    pub fn new(path: &str) -> Artifact {
        match std::env::current_dir() {
            Ok(cwd) => Artifact::from(Path::new(path), &cwd),
            Err(_) => Artifact {
                path: slashed(&lexically_normal(Path::new(path))),
                relative: Path::new(path).is_relative(),
            },
        }
    }

    /// The artifact of `path` seen from directory `cwd` (absolute).
    fn from(path: &Path, cwd: &Path) -> Artifact {
        let absolute = lexically_normal(&cwd.join(path));
        match absolute.strip_prefix(lexically_normal(cwd)) {
            Ok(inside) if inside.as_os_str().is_empty() => Artifact {
                path: ".".to_string(),
                relative: true,
            },
            Ok(inside) => Artifact {
                path: slashed(inside),
                relative: true,
            },
            Err(_) => Artifact {
                path: slashed(&absolute),
                relative: false,
            },
        }
    }

    /// The SARIF `uri` of the artifact: a relative reference (resolved against
    /// [`SRCROOT`]) or a `file:` URI.
    pub fn uri(&self) -> String {
        if self.relative {
            percent_encoded(&self.path)
        } else if self.path.starts_with('/') {
            format!("file://{}", percent_encoded(&self.path))
        } else {
            format!("file:///{}", percent_encoded(&self.path))
        }
    }
}

/// The `file:` URI of the working directory, ending in `/` so relative URIs resolve inside
/// it; `None` when the working directory cannot be read.
pub fn srcroot_uri() -> Option<String> {
    let cwd = lexically_normal(&std::env::current_dir().ok()?);
    let mut path = slashed(&cwd);
    if !path.ends_with('/') {
        path.push('/');
    }
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    Some(format!("file://{}", percent_encoded(&path)))
}

/// `path` with `.` dropped and `..` taken back, without asking the file system: the draft's
/// name as typed, not where a link leads, so the report names the file the user named.
fn lexically_normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The components of `path` joined with `/` (a Windows path keeps its prefix).
fn slashed(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        match component {
            Component::RootDir => out.push('/'),
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    out
}

/// `path` with every byte outside RFC 3986's unreserved characters and `/` percent-encoded:
/// a space, `#`, `?` or `%` in a file name then stays part of the path, and a `:` in the
/// first segment is not read as a scheme.
fn percent_encoded(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(path: &str) -> Artifact {
        Artifact::from(Path::new(path), Path::new("/work/repo"))
    }

    #[test]
    fn paths_under_the_working_directory_are_relative_and_slashed() {
        for typed in [
            "drafts/a.md",
            "./drafts/a.md",
            "drafts//a.md",
            "drafts/./x/../a.md",
            "/work/repo/drafts/a.md",
            "../repo/drafts/a.md",
        ] {
            assert_eq!(
                seen(typed),
                Artifact {
                    path: "drafts/a.md".into(),
                    relative: true
                },
                "{typed}"
            );
        }
    }

    #[test]
    fn paths_outside_it_stay_absolute() {
        let outside = seen("../other/a.md");
        assert_eq!(outside.path, "/work/other/a.md");
        assert!(!outside.relative);
        assert_eq!(outside.uri(), "file:///work/other/a.md");
    }

    #[test]
    fn uris_encode_what_a_path_segment_cannot_hold() {
        let a = seen("my drafts/100% #1?: ké.md");
        assert_eq!(a.path, "my drafts/100% #1?: ké.md");
        assert_eq!(a.uri(), "my%20drafts/100%25%20%231%3F%3A%20k%C3%A9.md");
    }
}
