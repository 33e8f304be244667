//! Numeric claims and their support (DESIGN.md, "Numbers").

use super::attribution::Attribution;
use crate::config::Config;
use crate::draft::{Draft, Span};

/// A quantity asserted about the world, and what (if anything) supports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberClaim {
    pub span: Span,
    /// What supports the claim ("Priya Raman: said"), or `None`.
    pub support: Option<String>,
}

pub fn claims(_draft: &Draft, _attributions: &[Attribution], _config: &Config) -> Vec<NumberClaim> {
    Vec::new()
}
