//! `event-date-mismatch` through the server: the finding points at the other statements
//! of the event's day as related information, and its quick fix, applied, leaves nothing
//! to query.

mod common;

use common::{apply, file_uri, offset, range, LspClient};
use serde_json::Value;

/// Wednesday, March 5, 2025: March 3 is a Monday.
const DRAFT: &str = "---\n\
date: 2025-03-05\n\
---\n\
# Council vote\n\
\n\
The council held the March 3 vote after a four-hour debate.\n\
\n\
The vote, held on Monday, split the council 5-4.\n\
\n\
Critics said Tuesday's vote was rushed.\n";

fn only<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    let found: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    found[0]
}

#[test]
fn an_event_dated_two_ways_points_at_the_other_day_and_fixes_the_odd_one_out() {
    for utf8 in [false, true] {
        let mut client = LspClient::start_with(utf8, None, Value::Null);
        let enc = client.encoding;
        let uri = file_uri("vote.md");
        client.open(&uri, "markdown", DRAFT, 1);
        let diagnostics = client.diagnostics(&uri, 1);

        let d = only(&diagnostics, "event-date-mismatch");
        let odd = DRAFT.find("Tuesday's").unwrap();
        assert_eq!(d["range"], range(DRAFT, odd..odd + "Tuesday's".len(), enc));
        assert_eq!(d["severity"], 2);
        assert!(d["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("#event-date-mismatch"));
        let message = d["message"].as_str().unwrap();
        assert!(message.contains("Monday, March 3"), "{message}");
        let related: Vec<(usize, &str)> = d["relatedInformation"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    offset(DRAFT, &r["location"]["range"]["start"], enc),
                    r["message"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            related.iter().map(|r| r.0).collect::<Vec<_>>(),
            [
                DRAFT.find("March 3 vote").unwrap(),
                DRAFT.find("Monday,").unwrap()
            ]
        );
        assert!(related[0].1.contains("Monday, March 3"), "{related:?}");

        let actions = client.code_actions(&uri, d);
        let action = actions
            .iter()
            .find(|a| a["title"] == "Use 'Monday'")
            .unwrap_or_else(|| panic!("no fix in {actions:#?}"))
            .clone();
        assert_eq!(action["kind"], "quickfix");
        let (after, changes) = apply(DRAFT, &action["edit"], &uri, 1, enc);
        assert!(after.contains("Critics said Monday's vote"), "{after}");
        client.change(&uri, 2, changes);
        let diagnostics = client.diagnostics(&uri, 2);
        assert!(
            diagnostics
                .iter()
                .all(|d| d["code"] != "event-date-mismatch"),
            "{diagnostics:#?}"
        );
        assert!(client.shutdown().success());
    }
}
