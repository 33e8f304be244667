//! `copydesk check`: print the findings of each draft and set the exit status from
//! `--fail-on`.

use super::args::{CheckFormat, FailOn, Input};
use super::drafts::{self, Outcome, SourcesChoice};
use super::human::{self, Style};
use super::output::{use_color, Output};
use super::{github, gitlab, sarif};
use super::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use crate::checks::Checked;
use crate::report;
use std::process::ExitCode;

pub fn run(
    format: CheckFormat,
    input: &Input,
    fail_on: FailOn,
    sources: Option<&std::path::Path>,
) -> ExitCode {
    let sources = SourcesChoice::Compare(sources);
    let mut out = Output::new();
    let write: fn(&mut Output, &[(String, Checked)], Outcome) = match format {
        CheckFormat::Human => return run_human(input, fail_on, sources, &mut out),
        CheckFormat::Json => write_json,
        CheckFormat::Sarif => sarif::write,
        CheckFormat::Github => github::write,
        CheckFormat::Gitlab => gitlab::write,
    };
    run_report(input, fail_on, sources, &mut out, write)
}

/// `check --format human`: each draft's findings printed as soon as all drafts are read,
/// then the tally.
fn run_human(input: &Input, fail_on: FailOn, sources: SourcesChoice, out: &mut Output) -> ExitCode {
    let style = Style { color: use_color() };
    let mut tally = human::Tally::default();
    let mut failing = false;
    let outcome = drafts::for_each(input, sources, |path, checked| {
        failing |= fails(checked, fail_on);
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

/// The machine-read formats: every draft is analysed, then `write` prints the report of
/// them all. The exit status is decided as for the human format, whatever the format, so a
/// CI job fails on the same drafts whichever report it uploads.
fn run_report(
    input: &Input,
    fail_on: FailOn,
    sources: SourcesChoice,
    out: &mut Output,
    write: fn(&mut Output, &[(String, Checked)], Outcome),
) -> ExitCode {
    let Ok((outcome, analysed)) = drafts::analyse(input, sources) else {
        return ExitCode::from(EXIT_ERROR);
    };
    let failing = analysed.iter().any(|(_, checked)| fails(checked, fail_on));
    write(out, &analysed, outcome);
    out.flush();
    exit_code(outcome, failing)
}

/// `check --format json`: every finding is written as it is made into the report, so a
/// long draft's report is never held whole beside its analysis.
fn write_json(out: &mut Output, analysed: &[(String, Checked)], _: Outcome) {
    let files: Vec<report::FindingsOf> = analysed
        .iter()
        .map(|(path, checked)| report::FindingsOf { path, checked })
        .collect();
    out.write_json(&report::Document::new(files));
}

/// Whether some finding of `checked` reaches `--fail-on`.
fn fails(checked: &Checked, fail_on: FailOn) -> bool {
    checked
        .findings
        .iter()
        .any(|f| fail_on.is_reached_by(f.severity))
}

fn exit_code(outcome: Outcome, failing: bool) -> ExitCode {
    ExitCode::from(match (outcome, failing) {
        (Outcome::HadErrors, _) => EXIT_ERROR,
        (Outcome::Complete, true) => EXIT_FINDINGS,
        (Outcome::Complete, false) => EXIT_OK,
    })
}
