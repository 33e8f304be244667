//! The checks' own surfaces in the editor, against the real binary: both name-variant
//! quick fixes applied and re-checked, and the hover cards of dates and numbers.

mod common;

use common::{apply, file_uri, position, LspClient};
use serde_json::{json, Value};

const BUDGET: &str = "---\ndate: 2025-03-06\n---\n\n\
RIVERTON, March 6 — Mayor Ana Martínez said the council approved the budget yesterday.\n\n\
\"We found the money,\" Martínez said. Martinez thanked the staff.\n\n\
Martínez said the vote was close. Martínez, 52, has led the city since 2019.\n\n\
Martinez told reporters that taxes would rise by 3.5 percent.\n\n\
Nearly 60 percent of the city's streets are rated in poor condition.\n";

fn variants(diagnostics: &[Value]) -> Vec<&Value> {
    diagnostics
        .iter()
        .filter(|d| d["code"] == "name-variant")
        .collect()
}

fn fix(client: &mut LspClient, uri: &str, d: &Value, title: &str) -> Value {
    let actions = client.code_actions(uri, d);
    actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no {title:?} in {actions:#?}"))
        .clone()
}

#[test]
fn both_name_variant_fixes_apply_and_the_findings_go() {
    let mut client = LspClient::start();
    let enc = client.encoding;
    let uri = file_uri("budget-fixes.md");
    client.open(&uri, "markdown", BUDGET, 1);
    let found = client.diagnostics(&uri, 1);
    let found = variants(&found);
    assert_eq!(found.len(), 2, "{found:#?}");
    let first = BUDGET.find("Martinez").unwrap();
    assert_eq!(found[0]["range"]["start"], position(BUDGET, first, enc));

    // "Replace with" fixes this mention only: one finding is left.
    let one = fix(&mut client, &uri, found[0], "Replace with 'Martínez'");
    let (text, changes) = apply(BUDGET, &one["edit"], &uri, 1, enc);
    assert_eq!(text.matches("Martinez").count(), 1);
    client.change(&uri, 2, changes);
    let left = client.diagnostics(&uri, 2);
    let left = variants(&left);
    assert_eq!(left.len(), 1, "{left:#?}");

    // "Replace every" fixes the rest: none is left.
    let every = fix(
        &mut client,
        &uri,
        left[0],
        "Replace every 'Martinez' with 'Martínez'",
    );
    let (text, changes) = apply(&text, &every["edit"], &uri, 2, enc);
    assert!(!text.contains("Martinez"));
    client.change(&uri, 3, changes);
    assert!(variants(&client.diagnostics(&uri, 3)).is_empty());
    assert!(client.shutdown().success());
}

fn hover(client: &mut LspClient, uri: &str, text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap() + 1;
    let card = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(text, at, client.encoding)}),
        )
        .unwrap();
    card["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{card:#}"))
        .to_string()
}

#[test]
fn hover_resolves_a_relative_date_and_says_what_supports_a_number() {
    let mut client = LspClient::start_with(true, None, Value::Null);
    let uri = file_uri("budget-hover.md");
    client.open(&uri, "markdown", BUDGET, 1);
    client.diagnostics(&uri, 1);

    let date = hover(&mut client, &uri, BUDGET, "yesterday");
    assert!(date.contains("Wednesday, March 5, 2025"), "{date}");
    assert!(date.contains("1 day before the story date"), "{date}");

    let supported = hover(&mut client, &uri, BUDGET, "3.5 percent");
    assert!(supported.contains("Supported"), "{supported}");
    assert!(
        supported.contains("Martínez") || supported.contains("told"),
        "{supported}"
    );

    let unsupported = hover(&mut client, &uri, BUDGET, "60 percent");
    assert!(unsupported.contains("No source"), "{unsupported}");
    assert!(client.shutdown().success());
}
