//! Findings through the server: diagnostics (code, range, source, docs link, version),
//! hover on a quote, and code actions applied then re-checked.

mod common;

use common::{apply, file_uri, initialize_params, offset, position, range, LspClient};
use serde_json::{json, Value};

/// A heading with Cyrillic and an emoji (so that UTF-16 columns differ from bytes), a
/// paragraph made only of an unattributed quote, an attributed quote, and a quote that is
/// opened and never closed.
const DRAFT: &str = "# Шторм 🌊 over Київ\n\
\n\
“Nobody warned us about the water.”\n\
\n\
The roads were closed at midnight. “It was a long night,” Mayor Olena Kovalenko said.\n\
\n\
“The water came in at dawn and nobody came\n";

const UNATTRIBUTED: &str = "“Nobody warned us about the water.”";

fn span_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let at = text.find(needle).unwrap();
    at..at + needle.len()
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

#[test]
fn a_draft_gets_diagnostics_with_code_range_source_link_and_version() {
    for utf8 in [false, true] {
        let mut client = LspClient::start_with(utf8, None, Value::Null);
        let enc = client.encoding;
        let uri = file_uri("storm.md");
        client.open(&uri, "markdown", DRAFT, 3);
        let diagnostics = client.diagnostics(&uri, 3);

        let unattributed = with_code(&diagnostics, "unattributed-quote");
        assert_eq!(unattributed.len(), 1, "{diagnostics:#?}");
        let d = unattributed[0];
        assert_eq!(d["range"], range(DRAFT, span_of(DRAFT, UNATTRIBUTED), enc));
        assert_eq!(d["source"], "copydesk");
        assert_eq!(d["severity"], 2);
        assert!(d["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("#unattributed-quote"));
        assert!(!d["message"].as_str().unwrap().is_empty());

        let unbalanced = with_code(&diagnostics, "unbalanced-quote");
        assert_eq!(unbalanced.len(), 1, "{diagnostics:#?}");
        let last_paragraph = position(DRAFT, DRAFT.rfind('“').unwrap(), enc);
        assert_eq!(
            unbalanced[0]["range"]["start"]["line"],
            last_paragraph["line"]
        );
        assert!(client.shutdown().success());
    }
}

#[test]
fn hover_on_a_quote_names_its_speaker() {
    let mut client = LspClient::start();
    let enc = client.encoding;
    let uri = file_uri("hover.md");
    client.open(&uri, "markdown", DRAFT, 1);
    client.diagnostics(&uri, 1);
    let inside = DRAFT.find("long night").unwrap();
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(DRAFT, inside, enc)}),
        )
        .unwrap();
    assert_eq!(hover["contents"]["kind"], "markdown");
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("Kovalenko"), "{card}");
    let start = offset(DRAFT, &hover["range"]["start"], enc);
    let end = offset(DRAFT, &hover["range"]["end"], enc);
    assert!(start <= inside && inside < end, "{hover}");
}

/// Applies the edits of a `WorkspaceEdit` for `uri` to the model, checking its version.
#[test]
fn suppressing_a_finding_through_its_code_action_removes_it() {
    let mut client = LspClient::start();
    let enc = client.encoding;
    let uri = file_uri("actions.md");
    let text = DRAFT.replace('\n', "\r\n");
    client.open(&uri, "markdown", &text, 1);
    let diagnostics = client.diagnostics(&uri, 1);
    let target = with_code(&diagnostics, "unattributed-quote")[0].clone();
    let actions = client.code_actions(&uri, &target);
    let suppress = actions
        .iter()
        .find(|a| a["title"] == "Suppress unattributed-quote here")
        .unwrap_or_else(|| panic!("no suppress action in {actions:#?}"));
    assert_eq!(suppress["kind"], "quickfix");
    let (fixed, changes) = apply(&text, &suppress["edit"], &uri, 1, enc);
    assert!(fixed.contains("<!-- copydesk-disable-next-line unattributed-quote -->\r\n“Nobody"));
    client.change(&uri, 2, changes);
    let after = client.diagnostics(&uri, 2);
    assert!(
        with_code(&after, "unattributed-quote").is_empty(),
        "{after:#?}"
    );
    // The other finding is still there, moved down one line.
    let unbalanced = with_code(&after, "unbalanced-quote");
    assert_eq!(unbalanced.len(), 1);
    assert_eq!(
        unbalanced[0]["range"]["start"]["line"],
        position(&fixed, fixed.rfind('“').unwrap(), enc)["line"]
    );
    // A client asking only for other kinds of actions gets none.
    let none = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": target["range"],
                   "context": {"diagnostics": [], "only": ["source.organizeImports"]}}),
        )
        .unwrap();
    assert_eq!(none, json!([]));
    // Every fix offered is a versioned edit that applies to the text it was made for.
    for action in actions {
        let (_, _) = apply(&text, &action["edit"], &uri, 1, enc);
    }
    assert!(client.shutdown().success());
}

/// A client that says it does not take a diagnostic's related locations or documentation
/// link is not sent them; one that says nothing gets them; the rest of each diagnostic is
/// the same.
#[test]
fn optional_parts_of_a_diagnostic_follow_the_client_capabilities() {
    let text = "Rudskoi said the troops had left. Later Rudskoy said more.\n";
    let uri = file_uri("variants.md");
    let mut diagnostics = Vec::new();
    let refused = json!({"publishDiagnostics": {
        "relatedInformation": false,
        "codeDescriptionSupport": false,
    }});
    for text_document in [json!({}), refused] {
        let mut params = initialize_params(false, None, Value::Null);
        params["capabilities"]["textDocument"] = text_document;
        let mut client = LspClient::start_params(params);
        client.open(&uri, "markdown", text, 1);
        diagnostics.push(client.diagnostics(&uri, 1));
        assert!(client.shutdown().success());
    }
    let (whole, bare) = (&diagnostics[0], &diagnostics[1]);
    let variant = &with_code(whole, "name-variant")[0];
    assert!(variant["relatedInformation"][0]["location"]["range"].is_object());
    assert!(variant["codeDescription"]["href"].is_string());
    assert_eq!(whole.len(), bare.len());
    for (w, b) in whole.iter().zip(bare) {
        assert!(b.get("relatedInformation").is_none() && b.get("codeDescription").is_none());
        for key in ["range", "severity", "code", "source", "message"] {
            assert_eq!(w[key], b[key], "{key}");
        }
    }
}

/// A draft with old Mac line ends (a lone `\r`), the same as in tests/cli_findings.rs: the
/// server and the command line count a lone `\r` as a line break alike, so the impossible
/// date is on line 3 and the name variant on line 7 (0-based: 2 and 6), its evidence on
/// line 5 (4).
const LONE_CR_DRAFT: &str = "Storm report\r\rThe council met on February 30 to plan.\r\r\
    Valley Electric spokeswoman Priya Raman said crews were out. Raman said more.\r\r\
    Raaman said later that power was back.\r";

#[test]
fn a_lone_carriage_return_ends_a_line_as_on_the_command_line() {
    for utf8 in [false, true] {
        let mut client = LspClient::start_with(utf8, None, Value::Null);
        let uri = file_uri("cr.txt");
        client.open(&uri, "plaintext", LONE_CR_DRAFT, 1);
        let diagnostics = client.diagnostics(&uri, 1);
        let lines: Vec<(&str, u64, u64)> = diagnostics
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap(),
                    d["range"]["start"]["line"].as_u64().unwrap(),
                    d["range"]["start"]["character"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            lines,
            [("impossible-date", 2, 19), ("name-variant", 6, 0)],
            "{diagnostics:#?}"
        );
        let related: Vec<u64> = diagnostics[1]["relatedInformation"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["location"]["range"]["start"]["line"].as_u64().unwrap())
            .collect();
        assert_eq!(related, [4, 4]);
        assert!(client.shutdown().success());
    }
}
