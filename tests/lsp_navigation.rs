//! Navigating a draft's people through the server: hover card, document symbols, go to
//! definition, references, rename and the inlay hint naming the person behind "he said".

mod common;

use common::{file_uri, offset, position, range, Enc, LspClient};
use copydesk::config::Config;
use copydesk::Format;
use serde_json::{json, Value};

/// Emoji and Cyrillic before the names, so that UTF-16 and UTF-8 columns differ.
const DRAFT: &str = "MOSCOW, October 13. /TASS/. 🇷🇺 Lieutenant-General Sergey Rudskoi, head of the Main Operations Department, told reporters the ceasefire held.\n\
\n\
“We have seen no violations,” he said.\n\
\n\
Rudskoi added that convoys would resume. “The corridor is open,” Rudskoi said in Москва.\n";

fn at(client: &LspClient, uri: &str, offset: usize) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position(DRAFT, offset, client.encoding)})
}

fn start(utf8: bool) -> (LspClient, String) {
    let mut client = LspClient::start_with(utf8, None, Value::Null);
    let uri = file_uri(if utf8 { "nav-utf8.md" } else { "nav.md" });
    client.open(&uri, "markdown", DRAFT, 1);
    client.diagnostics(&uri, 1);
    (client, uri)
}

#[test]
fn hover_on_a_name_shows_the_persons_card() {
    for utf8 in [false, true] {
        let (mut client, uri) = start(utf8);
        let last = DRAFT.rfind("Rudskoi").unwrap();
        let hover = client
            .request("textDocument/hover", at(&client, &uri, last + 2))
            .unwrap();
        let card = hover["contents"]["value"].as_str().unwrap();
        assert!(card.contains("Sergey Rudskoi"), "{card}");
        assert!(card.contains("person"), "{card}");
        assert_eq!(
            hover["range"],
            range(DRAFT, last..last + "Rudskoi".len(), client.encoding)
        );
        assert!(client.shutdown().success());
    }
}

#[test]
fn symbols_definition_and_references_follow_the_entity() {
    let (mut client, uri) = start(false);
    let enc = client.encoding;
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .unwrap();
    let person = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Sergey Rudskoi")
        .unwrap_or_else(|| panic!("no symbol for Rudskoi in {symbols:#}"));
    let full = DRAFT.find("Sergey Rudskoi").unwrap();
    let first = offset(DRAFT, &person["range"]["start"], enc);
    let end = offset(DRAFT, &person["range"]["end"], enc);
    assert!(
        first <= full && full + "Sergey Rudskoi".len() <= end,
        "{person}"
    );
    let quotes = symbols
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == 15)
        .count();
    assert_eq!(quotes, 2);

    let last = DRAFT.rfind("Rudskoi").unwrap();
    let definition = client
        .request("textDocument/definition", at(&client, &uri, last + 1))
        .unwrap();
    assert_eq!(definition["uri"], uri);
    assert_eq!(definition["range"], person["range"]);

    let mut params = at(&client, &uri, full);
    params["context"] = json!({"includeDeclaration": true});
    let references = client.request("textDocument/references", params).unwrap();
    let texts: Vec<&str> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            &DRAFT[offset(DRAFT, &r["range"]["start"], enc)..offset(DRAFT, &r["range"]["end"], enc)]
        })
        .collect();
    assert!(texts.contains(&"he"), "{texts:?}");
    assert_eq!(
        texts.iter().filter(|t| t.ends_with("Rudskoi")).count(),
        3,
        "{texts:?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn rename_changes_every_name_mention_in_one_versioned_edit() {
    let (mut client, uri) = start(true);
    let enc = client.encoding;
    let full = DRAFT.find("Sergey").unwrap();
    let prepared = client
        .request("textDocument/prepareRename", at(&client, &uri, full + 1))
        .unwrap();
    let start = offset(DRAFT, &prepared["start"], enc);
    assert!(
        DRAFT[start..].starts_with("Sergey Rudskoi") || DRAFT[start..].starts_with("Lieutenant")
    );

    let mut params = at(&client, &uri, full + 1);
    params["newName"] = json!("Sergei Rudskoy");
    let edit = client.request("textDocument/rename", params).unwrap();
    let change = &edit["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 1);
    let mut edits: Vec<(usize, usize, String)> = change["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                offset(DRAFT, &e["range"]["start"], enc),
                offset(DRAFT, &e["range"]["end"], enc),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort();
    let mut renamed = DRAFT.to_string();
    for (start, end, new_text) in edits.iter().rev() {
        renamed.replace_range(*start..*end, new_text);
    }
    assert!(!renamed.contains("Rudskoi"), "{renamed}");
    assert_eq!(renamed.matches("Rudskoy").count(), 3, "{renamed}");
    assert!(renamed.contains("Sergei Rudskoy"), "{renamed}");
    assert!(renamed.contains("” he said"), "pronouns stay: {renamed}");
    assert!(client.shutdown().success());
}

#[test]
fn inlay_hints_name_the_person_behind_he_said() {
    for utf8 in [false, true] {
        let (mut client, uri) = start(utf8);
        let enc: Enc = client.encoding;
        let hints = client
            .request(
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": uri}, "range": range(DRAFT, 0..DRAFT.len(), enc)}),
            )
            .unwrap();
        let analysis = copydesk::analyze(DRAFT, Format::Markdown, &Config::default());
        let expected: Vec<Value> = copydesk::analysis::attribution::inlay_hints(&analysis)
            .into_iter()
            .map(|h| json!([position(DRAFT, h.offset, enc), h.label]))
            .collect();
        let got: Vec<Value> = hints
            .as_array()
            .unwrap()
            .iter()
            .map(|h| json!([h["position"], h["label"]]))
            .collect();
        assert_eq!(got, expected);
        let he = DRAFT.find(" he said").unwrap() + " he".len();
        assert!(
            got.contains(&json!([position(DRAFT, he, enc), "Sergey Rudskoi"])),
            "{got:?}"
        );
        // A range that excludes the hint gets none.
        let none = client
            .request(
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": uri}, "range": range(DRAFT, 0..10, enc)}),
            )
            .unwrap();
        assert_eq!(none, json!([]));
        assert!(client.shutdown().success());
    }
}
