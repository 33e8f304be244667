//! copydesk: a fact-checking engine for news drafts.
//!
//! Data flows one way (see ARCHITECTURE.md):
//! text → [`draft`] (prose mask, paragraphs, sentences, quotes) → [`analysis`] (attribution,
//! entities, dates, numbers) → [`checks`] (findings) → surfaces: [`cli`] and [`lsp`].
//! Analysis is a pure, synchronous function of the text and the [`config::Config`]; the
//! checks read it and never the other way round. [`check`] runs both.

pub mod allocator;
pub mod analysis;
pub mod checks;
pub mod cli;
pub mod codes;
pub mod config;
pub mod draft;
pub mod lsp;
pub mod parallel;
pub mod position;
pub mod regular_file;
pub mod report;
pub mod workspace;

pub use analysis::{analyze, Analysis};
pub use checks::{check, Checked};
pub use draft::{Draft, Format, Span};
