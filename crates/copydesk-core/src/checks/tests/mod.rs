//! The checks on whole drafts: what each finding says, where it points and how it is
//! fixed. The facts they rest on are tested with the analysis (src/analysis/*/tests.rs).

mod dates;
mod names;
mod numbers;
mod quotes;
