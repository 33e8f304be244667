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
    if input.format == OutputFormat::Json {
        return run_json(input, fail_on, &mut out);
    }
    let mut tally = human::Tally::default();
    let mut failing = false;
    let outcome = drafts::for_each(input, |path, checked| {
        failing |= checked
            .findings
            .iter()
            .any(|f| fail_on.is_reached_by(f.severity));
        out.write(&human::findings(path, checked, style));
        tally.add(&checked.findings);
    });
    let Ok(outcome) = outcome else {
        return ExitCode::from(EXIT_ERROR);
    };
    out.write(&tally.summary());
    out.flush();
    exit_code(outcome, failing)
}

/// `check --format json`: every finding is written as it is made into the report, so a
/// long draft's report is never held whole beside its analysis.
fn run_json(input: &Input, fail_on: FailOn, out: &mut Output) -> ExitCode {
    let Ok((outcome, analysed)) = drafts::analyse(input) else {
        return ExitCode::from(EXIT_ERROR);
    };
    let failing = analysed.iter().any(|(_, checked)| {
        checked
            .findings
            .iter()
            .any(|f| fail_on.is_reached_by(f.severity))
    });
    let files: Vec<report::FindingsOf> = analysed
        .iter()
        .map(|(path, checked)| report::FindingsOf { path, checked })
        .collect();
    out.write_json(&report::Document::new(files));
    out.flush();
    exit_code(outcome, failing)
}

fn exit_code(outcome: Outcome, failing: bool) -> ExitCode {
    ExitCode::from(match (outcome, failing) {
        (Outcome::HadErrors, _) => EXIT_ERROR,
        (Outcome::Complete, true) => EXIT_FINDINGS,
        (Outcome::Complete, false) => EXIT_OK,
    })
}
