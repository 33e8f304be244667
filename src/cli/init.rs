//! `copydesk init [DIR]`: write a commented starter copydesk.toml, never over an existing one.

use super::{report_error, EXIT_ERROR, EXIT_OK};
use crate::config::FILE_NAME;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The starter configuration: every section, commented, with the defaults in force.
pub const STARTER: &str = r#"# copydesk configuration. copydesk uses the nearest copydesk.toml in or above a draft's
# directory (the editor uses the one at the workspace root). Docs: docs/checks.md.

[document]
# The story date, for drafts whose front matter and dateline do not give one.
# date = "2025-03-06"

[checks]
# Severity per check: "error", "warning", "information", "hint" or "off".
# The defaults:
# unattributed-quote = "warning"
# unbalanced-quote = "warning"
# name-variant = "warning"
# weekday-mismatch = "warning"
# impossible-date = "error"
# date-after-dateline = "warning"
# unsupported-number = "information"
# number-mismatch = "warning"
# age-mismatch = "warning"
# title-mismatch = "warning"
# event-date-mismatch = "warning"
# place-mismatch = "warning"

[attribution]
# Extra speech verbs: they attribute a quote ("…," she harrumphed) and source a figure
# ("she harrumphed that it cost $4 million") as the built-in ones do.
verbs = []
# Extra phrases that source a number ("per the filing").
sources = []

# The house style list: canonical spellings the whole newsroom uses.
# Add [[people]], [[places]] and [[organizations]] entries like these:
#
# [[people]]
# name = "Sergey Rudskoi"           # the canonical spelling
# aliases = ["Rudskoi"]             # other correct forms (short forms, titles)
# wrong = ["Rudskoy", "Rudskoj"]    # always flagged, with a fix to `name`
# role = "Lieutenant-General, Head of the Main Operations Department, General Staff"
# note = "Style book 2016: the -oi ending."
#
# [[places]]
# name = "Kyiv"
# wrong = ["Kiev"]
"#;

pub fn run(dir: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        report_error(dir, &format!("cannot create directory: {e}"));
        return ExitCode::from(EXIT_ERROR);
    }
    let path = dir.join(FILE_NAME);
    // `create_new` refuses an existing file atomically, so nothing is ever overwritten.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let written = file.and_then(|mut f| f.write_all(STARTER.as_bytes()));
    match written {
        Ok(()) => {
            let _ = writeln!(std::io::stdout(), "wrote {}", path.display());
            ExitCode::from(EXIT_OK)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            report_error(
                &path,
                "already exists; not overwriting it (edit it, or remove it first)",
            );
            ExitCode::from(EXIT_ERROR)
        }
        Err(e) => {
            report_error(&path, &format!("cannot write: {e}"));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_is_a_valid_configuration_with_the_defaults() {
        let config = crate::config::Config::from_toml(STARTER).expect("starter parses");
        assert!(config.checks.is_empty());
        assert!(config.style.is_empty());
        assert_eq!(config.document_date, None);
    }
}
