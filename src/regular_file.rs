//! Reading a file whose name came from outside — named on the command line, found in a
//! workspace, sent by an editor — so that no file can hang or exhaust the reader.
//!
//! A FIFO blocks whoever opens it until a writer comes, and a device such as `/dev/zero`
//! never ends: read naively, a `copydesk.toml` that is either hangs the server's
//! `initialize` or grows it without bound. So only regular files are read (after following
//! symbolic links), checked before opening and again on the opened file, which is opened
//! without blocking so that a file swapped for a FIFO in between cannot hang it either;
//! and no more than a size cap is read, whatever the file claims its size to be.
//! The CLI and the server read drafts and configuration files through here.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// The largest draft the command line reads: far beyond any story or book manuscript.
pub const MAX_DRAFT_BYTES: u64 = 256 * 1024 * 1024;

/// The largest configuration file read (a house style list of thousands of names is far
/// smaller).
pub const MAX_CONFIG_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file was not read; displayed as a short lower-case reason to print after its
/// name.
#[derive(Debug)]
pub enum Refusal {
    NotFound,
    PermissionDenied,
    Directory,
    /// A FIFO, a device or a socket: what it is.
    NotRegular(&'static str),
    TooLarge {
        limit: u64,
    },
    /// Not UTF-8 (for [`read_text`]): the offset of the first bad byte, and the UTF-16
    /// byte order when a byte-order mark says the text is UTF-16.
    NotUtf8 {
        offset: usize,
        utf16: Option<&'static str>,
    },
    Other(std::io::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotFound => f.write_str("no such file or directory"),
            Refusal::PermissionDenied => f.write_str("permission denied"),
            Refusal::Directory => f.write_str("is a directory"),
            Refusal::NotRegular(kind) => {
                write!(f, "is {kind}, not a regular file; copydesk reads only regular files")
            }
            Refusal::TooLarge { limit } => write!(
                f,
                "is larger than {} MB, the most copydesk reads",
                limit / (1024 * 1024)
            ),
            Refusal::NotUtf8 {
                utf16: Some(order),
                ..
            } => write!(
                f,
                "is UTF-16 ({order}) text, not UTF-8; copydesk reads UTF-8 drafts (save it as UTF-8)"
            ),
            Refusal::NotUtf8 {
                offset,
                utf16: None,
            } => write!(
                f,
                "not valid UTF-8 text (invalid byte at offset {offset}); copydesk reads UTF-8 drafts"
            ),
            Refusal::Other(e) => write!(f, "{e}"),
        }
    }
}

impl From<std::io::Error> for Refusal {
    fn from(e: std::io::Error) -> Refusal {
        match e.kind() {
            std::io::ErrorKind::NotFound => Refusal::NotFound,
            std::io::ErrorKind::PermissionDenied => Refusal::PermissionDenied,
            std::io::ErrorKind::IsADirectory => Refusal::Directory,
            _ => Refusal::Other(e),
        }
    }
}

/// What a file that is not regular is, for the message.
fn kind_of(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

fn check(meta: &Metadata, limit: u64) -> Result<(), Refusal> {
    match kind_of(meta) {
        None if meta.len() > limit => Err(Refusal::TooLarge { limit }),
        None => Ok(()),
        Some("a directory") => Err(Refusal::Directory),
        Some(kind) => Err(Refusal::NotRegular(kind)),
    }
}

/// Checks that `path` (symbolic links followed) is a regular file of at most `limit` bytes,
/// without opening it.
pub fn check_path(path: &Path, limit: u64) -> Result<(), Refusal> {
    check(&std::fs::metadata(path)?, limit)
}

/// Opens a file for reading without waiting for a FIFO's writer.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    check_path(path, limit)?;
    let file = open(path)?;
    // The file opened may not be the one checked (replaced in between).
    let meta = file.metadata()?;
    check(&meta, limit)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    // A file that grows while it is read (or claims a wrong size) still stops at the cap.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge { limit });
    }
    Ok(bytes)
}

/// The text of the regular file at `path` (at most `limit` bytes), which must be UTF-8.
pub fn read_text(path: &Path, limit: u64) -> Result<String, Refusal> {
    let bytes = read(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let utf16 = match bytes.get(..2) {
            Some([0xFF, 0xFE]) => Some("little-endian"),
            Some([0xFE, 0xFF]) => Some("big-endian"),
            _ => None,
        };
        Refusal::NotUtf8 {
            offset: e.utf8_error().valid_up_to(),
            utf16,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_under_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "Hello.\n").unwrap();
        assert_eq!(read_text(&path, 100).unwrap(), "Hello.\n");
        let refused = read_text(&path, 3).unwrap_err();
        assert!(
            matches!(refused, Refusal::TooLarge { limit: 3 }),
            "{refused}"
        );
        assert!(matches!(
            read(&dir.path().join("none"), 10),
            Err(Refusal::NotFound)
        ));
        assert_eq!(
            read(dir.path(), 10).unwrap_err().to_string(),
            "is a directory"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_blocking() {
        let refused = read(Path::new("/dev/zero"), 1 << 30).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "is a character device, not a regular file; copydesk reads only regular files"
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if status.is_ok_and(|s| s.success()) {
            let refused = read_text(&fifo, 100).unwrap_err();
            assert!(refused.to_string().contains("FIFO"), "{refused}");
        }
        // A symbolic link is followed to what it names.
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(read(&link, 100), Err(Refusal::NotRegular(_))));
    }

    #[test]
    fn utf16_text_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("u16.txt");
        for (bom, order) in [
            ([0xFF, 0xFE], "little-endian"),
            ([0xFE, 0xFF], "big-endian"),
        ] {
            let mut bytes = bom.to_vec();
            bytes.extend("Hi".encode_utf16().flat_map(|u| {
                if order == "little-endian" {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            }));
            std::fs::write(&path, bytes).unwrap();
            let why = read_text(&path, 100).unwrap_err().to_string();
            assert!(why.contains(&format!("UTF-16 ({order})")), "{why}");
        }
        std::fs::write(&path, b"ab\xffcd").unwrap();
        let why = read_text(&path, 100).unwrap_err().to_string();
        assert!(why.contains("offset 2") && !why.contains("UTF-16"), "{why}");
    }
}
