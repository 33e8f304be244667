//! `copydesk check`: print the findings of each draft and set the exit status from
//! `--fail-on`.

use super::args::{FailOn, Input, OutputFormat};
use super::drafts::{self, Outcome};
use super::human::{self, Style};
use super::output::{use_color, Output};
use super::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use crate::report;
use std::process::ExitCode;

pub fn run(input: &Input, fail_on: FailOn) -> ExitCode {
    let mut out = Output::new();
    let style = Style { color: use_color() };
    let mut files = Vec::new();
    let mut tally = human::Tally::default();
    let mut failing = false;
    let outcome = drafts::for_each(input, |path, checked| {
        failing |= checked
            .findings
            .iter()
            .any(|f| fail_on.is_reached_by(f.severity));
        match input.format {
            OutputFormat::Json => files.push(report::findings_file(path, checked)),
            OutputFormat::Human => {
                out.write(&human::findings(path, checked, style));
                tally.add(&checked.findings);
            }
        }
    });
    let Ok(outcome) = outcome else {
        return ExitCode::from(EXIT_ERROR);
    };
    match input.format {
        OutputFormat::Json => out.write_json(&report::Document::new(files)),
        OutputFormat::Human => out.write(&tally.summary()),
    }
    out.flush();
    ExitCode::from(match (outcome, failing) {
        (Outcome::HadErrors, _) => EXIT_ERROR,
        (Outcome::Complete, true) => EXIT_FINDINGS,
        (Outcome::Complete, false) => EXIT_OK,
    })
}
