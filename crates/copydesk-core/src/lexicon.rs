//! The word lists under `data/lexicon/`: one word or phrase a line, `#` comments, each file
//! saying at its top what it is for. They are data, not code, so a newsroom can read and
//! extend them without reading the reader that uses them; they are built into the binary.

/// The text of `data/lexicon/NAME.txt`, built in.
macro_rules! lexicon_file {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/lexicon/",
            $name,
            ".txt"
        ))
    };
}
pub(crate) use lexicon_file;

/// The entries of a list's text, in order: its lines, trimmed, without blank lines and
/// comments.
pub(crate) fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    /// Files whose reader ignores case and whose entries are written as they appear.
    const CASED: &[&str] = &["number-currency-codes.txt"];

    #[test]
    fn every_list_has_a_header_and_clean_unique_entries() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("data/lexicon")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        assert!(files.len() > 10, "{files:?}");
        for path in files {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path).expect("readable");
            assert!(text.starts_with("# "), "{name}: no `#` header");
            let mut seen = HashSet::new();
            for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
                if line.trim().is_empty() {
                    continue;
                }
                assert_eq!(line, line.trim(), "{name}: stray spaces in {line:?}");
                assert!(!line.contains("  "), "{name}: double space in {line:?}");
                assert!(seen.insert(line), "{name}: {line:?} twice");
                if !CASED.contains(&name) {
                    assert_eq!(line, line.to_lowercase(), "{name}: {line:?} not lowercase");
                }
            }
        }
    }
}
