//! Stable fingerprints of findings, for the CI formats that compare a branch's findings with
//! the base branch's (GitLab's code quality widget, SARIF's `partialFingerprints`).
//!
//! A fingerprint is a hash of the draft's path, the check code and the text the finding
//! covers, and never of its line or column: a paragraph added above a finding moves it
//! without making it a new finding. Two findings of one code on the same text in one draft
//! (a misspelling made twice) are told apart by their order among those findings, which a
//! line inserted elsewhere does not change either.
//!
//! The hash is XXH3-128, whose output is fixed by its specification, so a fingerprint
//! made by one build, on one platform, matches the next.

use crate::checks::{Code, Finding};
use std::collections::HashMap;

/// Changes when what goes into a fingerprint changes, so old and new ones never collide.
const DOMAIN: &[u8] = b"copydesk finding v1";

/// The fingerprints of one draft's findings, made in the order of its findings.
pub struct Fingerprints<'a> {
    path: &'a str,
    seen: HashMap<(Code, &'a str), u64>,
}

impl<'a> Fingerprints<'a> {
    /// For the draft that CI reports name `path` (see [`super::artifact`]).
    pub fn new(path: &'a str) -> Fingerprints<'a> {
        Fingerprints {
            path,
            seen: HashMap::new(),
        }
    }

    /// The fingerprint of the next finding, which covers `text`: 32 hexadecimal digits.
    pub fn next(&mut self, finding: &Finding, text: &'a str) -> String {
        let occurrence = self.seen.entry((finding.code, text)).or_insert(0);
        let print = fingerprint(self.path, finding.code, text, *occurrence);
        *occurrence += 1;
        print
    }
}

/// Each field is preceded by its length, so no two different sets of fields hash the same
/// bytes (`ab` + `c` and `a` + `bc`).
fn fingerprint(path: &str, code: Code, text: &str, occurrence: u64) -> String {
    let mut bytes = Vec::with_capacity(DOMAIN.len() + path.len() + text.len() + 64);
    for field in [
        DOMAIN,
        path.as_bytes(),
        code.as_str().as_bytes(),
        text.as_bytes(),
    ] {
        bytes.extend_from_slice(&(field.len() as u64).to_le_bytes());
        bytes.extend_from_slice(field);
    }
    bytes.extend_from_slice(&occurrence.to_le_bytes());
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: Code) -> Finding {
        Finding::new(code, 0..1, "message")
    }

    #[test]
    fn the_hash_is_fixed_and_reads_every_field() {
        let base = fingerprint("a.md", Code::NameVariant, "Vasques", 0);
        // Fixed by XXH3's specification: a change here changes every stored fingerprint.
        assert_eq!(base, "bb1f386f5d47a12f8da6245765d59afa");
        assert_eq!(base.len(), 32);
        assert!(base.bytes().all(|b| b.is_ascii_hexdigit()));
        for other in [
            fingerprint("b.md", Code::NameVariant, "Vasques", 0),
            fingerprint("a.md", Code::ImpossibleDate, "Vasques", 0),
            fingerprint("a.md", Code::NameVariant, "Vasquez", 0),
            fingerprint("a.md", Code::NameVariant, "Vasques", 1),
        ] {
            assert_ne!(base, other);
        }
        // Field boundaries count.
        assert_ne!(
            fingerprint("a.md", Code::NameVariant, "x", 0),
            fingerprint("a.mdx", Code::NameVariant, "", 0)
        );
    }

    #[test]
    fn repeated_findings_are_told_apart_in_order() {
        let mut prints = Fingerprints::new("a.md");
        let first = prints.next(&finding(Code::NameVariant), "Vasques");
        let other = prints.next(&finding(Code::UnattributedQuote), "Vasques");
        let second = prints.next(&finding(Code::NameVariant), "Vasques");
        assert_ne!(first, second);
        assert_ne!(first, other);
        let mut again = Fingerprints::new("a.md");
        assert_eq!(again.next(&finding(Code::NameVariant), "Vasques"), first);
        assert_eq!(again.next(&finding(Code::NameVariant), "Vasques"), second);
    }
}
