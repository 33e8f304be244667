//! Long drafts for benchmarks, built from the corpus drafts in tests/fixtures.

/// The body of a fixture draft, without its front matter.
fn body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(text)
}

/// The fixture drafts (the corpus stories), in name order.
pub fn stories() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture"))
        .collect()
}

/// A Markdown draft of at least `words` words: the fixture drafts' paragraphs, repeated.
pub fn draft_of(words: usize) -> String {
    let texts = stories();
    let paragraphs: Vec<&str> = texts
        .iter()
        .flat_map(|t| body(t).split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut draft = String::new();
    let mut count = 0;
    for p in paragraphs.iter().cycle() {
        if count >= words {
            break;
        }
        draft.push_str(p);
        draft.push_str("\n\n");
        count += p.split_whitespace().count();
    }
    draft
}
