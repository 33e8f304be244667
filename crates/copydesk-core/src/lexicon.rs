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
