//! Findings of the quotes analysis.

use super::Finding;
use crate::analysis::Analysis;
use crate::config::Config;

pub fn check(_analysis: &Analysis, _config: &Config) -> Vec<Finding> {
    Vec::new()
}
