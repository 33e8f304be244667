//! What the injected-inconsistency tests share: the corpus stories they inject into, and
//! the precision and recall they score.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The `.txt` stories of `dir`, in name order: (file name, text).
pub fn corpus_stories(dir: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("story");
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect()
}

/// Injected inconsistencies found, and findings true or false, over a corpus.
#[derive(Default, Debug)]
pub struct Score {
    pub injected: usize,
    pub found: usize,
    pub true_findings: usize,
    pub false_findings: usize,
    pub controls: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        let all = self.true_findings + self.false_findings;
        if all == 0 {
            1.0
        } else {
            self.true_findings as f64 / all as f64
        }
    }

    pub fn recall(&self) -> f64 {
        self.found as f64 / self.injected.max(1) as f64
    }
}
