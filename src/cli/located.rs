//! The drafts of one `check` run as the CI formats report them: each with its CI name
//! ([`Artifact`]) and its line index, and a way to place a related location that points
//! into another draft (a name spelled otherwise there) in that draft's text.

use super::artifact::Artifact;
use super::fingerprint::Fingerprints;
use crate::checks::{Checked, Finding, Related};
use crate::report::Locator;
use std::collections::HashMap;

/// One checked draft of the run.
pub struct Draft<'a> {
    pub artifact: Artifact,
    pub checked: &'a Checked,
    pub locator: Locator<'a>,
}

/// Every draft of the run, in the run's order, findable by the path it was read by.
pub struct Located<'a> {
    pub drafts: Vec<Draft<'a>>,
    by_path: HashMap<&'a str, usize>,
}

impl<'a> Located<'a> {
    pub fn new(analysed: &'a [(String, Checked)]) -> Located<'a> {
        let drafts = analysed
            .iter()
            .map(|(path, checked)| Draft {
                artifact: Artifact::new(path),
                checked,
                locator: Locator::new(&checked.analysis.draft.text),
            })
            .collect();
        let by_path = analysed
            .iter()
            .enumerate()
            .map(|(i, (path, _))| (path.as_str(), i))
            .collect();
        Located { drafts, by_path }
    }

    /// Every finding of the run, in the run's order, with its draft and its fingerprint
    /// (see [`super::fingerprint`]), for the formats that report fingerprints.
    pub fn fingerprinted(&self) -> impl Iterator<Item = (&Draft<'a>, &'a Finding, String)> + '_ {
        self.drafts.iter().flat_map(|draft| {
            let mut prints = Fingerprints::new(&draft.artifact.path);
            draft.checked.findings.iter().map(move |finding| {
                let print = prints.next(finding, draft.locator.text_of(&finding.span));
                (draft, finding, print)
            })
        })
    }

    /// Calls `f` with the draft that `related` (a location of a finding of `from`) lies in
    /// and that draft's line index. A draft outside the run is read again; when it cannot
    /// be, `f` gets its name and no index (its span cannot be placed).
    pub fn related<T>(
        &self,
        from: &Draft,
        related: &Related,
        f: impl FnOnce(&Artifact, Option<&Locator>) -> T,
    ) -> T {
        let Some(path) = &related.path else {
            return f(&from.artifact, Some(&from.locator));
        };
        let shown = path.display().to_string();
        if let Some(&i) = self.by_path.get(shown.as_str()) {
            let draft = &self.drafts[i];
            return f(&draft.artifact, Some(&draft.locator));
        }
        let artifact = Artifact::new(&shown);
        match crate::regular_file::read_text(path, crate::regular_file::MAX_DRAFT_BYTES) {
            Ok(text) => f(&artifact, Some(&Locator::new(&text))),
            Err(_) => f(&artifact, None),
        }
    }
}
