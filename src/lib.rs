//! copydesk: a fact-checking engine for news drafts.
//!
//! Data flows one way (see ARCHITECTURE.md):
//! text → [`draft`] (prose mask, paragraphs, sentences, quotes) → [`analysis`] (attribution,
//! entities, dates, numbers) → [`checks`] (findings) → surfaces: [`cli`] and [`lsp`].
//! Analysis is a pure, synchronous function of the text and the [`config::Config`]; the
//! checks read it and never the other way round. [`check`] runs both.

pub mod allocator;
pub mod cli;
pub mod lsp;
pub mod regular_file;
pub mod report;
pub mod sources_dir;
pub mod workspace;

/// The engine, from `copydesk-core`, under the paths the surfaces and tests use.
pub use copydesk_core::{analysis, checks, codes, config, draft, parallel, position, sources};

pub use analysis::{analyze, Analysis};
pub use checks::{check, Checked};
pub use draft::{Draft, Format, Span};
