//! The command line: `copydesk check`, `copydesk entities`, `copydesk lsp`.

use std::process::ExitCode;

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("lsp") {
        return crate::lsp::serve();
    }
    eprintln!("usage: copydesk check|entities|lsp");
    ExitCode::from(2)
}
