//! `copydesk entities`: the source sheet of each draft (story date, people, places,
//! organizations, quotes and their speakers).

use super::args::{Input, OutputFormat};
use super::drafts::{self, Outcome, SourcesChoice};
use super::human::{self, Style};
use super::output::{use_color, Output};
use super::{EXIT_ERROR, EXIT_OK};
use crate::report;
use std::process::ExitCode;

pub fn run(format: OutputFormat, input: &Input) -> ExitCode {
    let mut out = Output::new();
    let style = Style { color: use_color() };
    let mut files = Vec::new();
    let outcome = drafts::for_each(input, SourcesChoice::Ignore, |path, checked| {
        let analysis = &checked.analysis;
        match format {
            OutputFormat::Json => files.push(report::entities_report(path, analysis)),
            OutputFormat::Human => out.write(&human::source_sheet(path, analysis, style)),
        }
    });
    let Ok(outcome) = outcome else {
        return ExitCode::from(EXIT_ERROR);
    };
    if format == OutputFormat::Json {
        out.write_json(&report::Document::new(files));
    }
    out.flush();
    ExitCode::from(match outcome {
        Outcome::HadErrors => EXIT_ERROR,
        Outcome::Complete => EXIT_OK,
    })
}
