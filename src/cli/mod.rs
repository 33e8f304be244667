//! The command line: `copydesk check`, `copydesk entities`, `copydesk init`, `copydesk lsp`.
//!
//! Every subcommand returns an exit status instead of exiting, and nothing here panics on
//! what it reads: a file that cannot be read or decoded is reported on stderr, naming the
//! file and the reason, and the other files are still checked.

use clap::Parser;
use std::process::ExitCode;

mod args;
mod artifact;
mod check;
mod drafts;
mod entities;
mod fingerprint;
mod github;
mod gitlab;
mod human;
mod init;
mod located;
mod output;
mod rules;
mod sarif;
mod walk;

pub use args::{CheckFormat, Cli, Command, FailOn, OutputFormat};

/// Exit status: no finding reached `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Exit status: some finding reached `--fail-on`.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage, configuration or I/O error.
pub const EXIT_ERROR: u8 = 2;

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr
            // (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_OK });
        }
    };
    match cli.command {
        Command::Check {
            format,
            input,
            fail_on,
            sources,
        } => check::run(format, &input, fail_on, sources.as_deref()),
        Command::Entities { format, input } => entities::run(format, &input),
        Command::Init { dir } => init::run(&dir),
        Command::Lsp { stdio: _ } => crate::lsp::serve(),
    }
}

/// Prints an error about `subject` (a file or directory) on stderr.
fn report_error(subject: &std::path::Path, reason: &str) {
    let subject = subject.display().to_string();
    eprintln!("copydesk: error: {}: {reason}", human::shown(&subject));
}
