//! The command-line grammar, declared with clap so `--help` documents every option.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A fact-checker for news drafts.
///
/// copydesk reads news drafts (Markdown or plain text) and reports what a copy editor or
/// fact-checker would query before publication: unattributed or unbalanced quotes, names
/// spelled two ways, dates that do not exist or fall on another weekday, numbers without a
/// source.
#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    propagate_version = true,
    arg_required_else_help = true,
    after_help = "Exit status: 0 when no finding reaches --fail-on, 1 when some do, \
                  2 on usage, configuration or I/O errors.\n\
                  Docs: README.md and docs/checks.md."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts and print findings.
    ///
    /// Each PATH is a draft or a directory; directories are walked for .md, .markdown and
    /// .txt files (sorted, honouring .gitignore).
    Check {
        /// Output format; `sarif`, `github` and `gitlab` are for CI.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        #[command(flatten)]
        input: Input,
        /// The lowest severity that makes the exit status 1.
        #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
        fail_on: FailOn,
        /// The reporter's sources (transcripts, notes, subtitles) to check the quotes
        /// against; by default `[sources] paths` in copydesk.toml, else `sources/` beside it
        /// (or beside the draft).
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Print the source sheet of drafts: story date, people, places, organizations and
    /// who says each quote.
    Entities {
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        #[command(flatten)]
        input: Input,
    },
    /// Serve the Language Server Protocol on stdin/stdout.
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Write a commented starter copydesk.toml into DIR (default: the current directory).
    Init {
        /// The directory to write copydesk.toml into.
        #[arg(value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
}

/// What `check` and `entities` read.
#[derive(Debug, clap::Args)]
pub struct Input {
    /// Configuration file; by default the nearest copydesk.toml in or above each draft's
    /// directory is used.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Drafts or directories to read.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Compiler-style messages for people.
    Human,
    /// The stable JSON model (version 1) for programs.
    Json,
}

/// `check`'s formats: the two of [`OutputFormat`] and the ones CI systems read. Only
/// `check` has the CI formats, as they report findings and `entities` reports none, so
/// `entities --help` does not offer what it cannot print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Compiler-style messages for people.
    Human,
    /// The stable JSON model (version 1) for programs.
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub's upload-sarif, other SARIF viewers).
    Sarif,
    /// GitHub Actions workflow commands: each finding an annotation on the pull request.
    Github,
    /// GitLab Code Quality JSON, for a `codequality` report artifact.
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Information,
    Hint,
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` makes the run fail.
    pub fn is_reached_by(self, severity: crate::checks::Severity) -> bool {
        use crate::checks::Severity;
        let threshold = match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Information => Severity::Information,
            FailOn::Hint => Severity::Hint,
            FailOn::Never => return false,
        };
        // Severities are ordered from most to least severe.
        severity <= threshold
    }
}
