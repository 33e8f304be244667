//! copydesk-core: the fact-checking engine of copydesk, without a server or a runtime.
//!
//! Data flows one way (see ARCHITECTURE.md):
//! text → [`draft`] (prose mask, paragraphs, sentences, quotes) → [`analysis`] (attribution,
//! entities, dates, numbers) → [`checks`] (findings). Analysis is a pure, synchronous
//! function of the text and the [`config::Config`]; the checks read it and never the other
//! way round. [`check`] runs both. The CLI and the language server live in the `copydesk`
//! crate; this one has no tokio, no allocator and no libc, and builds for
//! `wasm32-unknown-unknown`.

pub mod analysis;
pub mod checks;
pub mod codes;
pub mod config;
pub mod draft;
mod lexicon;
pub mod parallel;
pub mod position;
pub mod sources;

pub use analysis::{analyze, Analysis};
pub use checks::{check, Checked};
pub use draft::{Draft, Format, Span};
