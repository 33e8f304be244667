//! The house style book through the server: its spelling wins even over a single mention,
//! and the hover card shows what the book says about the person.

mod common;

use common::{position, LspClient};
use serde_json::{json, Value};

const BOOK: &str = "[[people]]\nname = \"Sergey Rudskoi\"\nwrong = [\"Rudskoy\"]\nrole = \"Lieutenant-General\"\nnote = \"Style book 2016: the -oi ending.\"\n";
const DRAFT: &str = "MOSCOW, October 13. /TASS/. Rudskoy said corridors were still open.\n";

#[test]
fn house_spelling_wins_and_the_hover_shows_the_books_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("copydesk.toml"), BOOK).unwrap();
    let mut client = LspClient::start_with(false, Some(dir.path()), Value::Null);
    let uri = format!("file://{}/wire.txt", dir.path().display());
    client.open(&uri, "plaintext", DRAFT, 1);
    let diagnostics = client.diagnostics(&uri, 1);
    let variant = diagnostics
        .iter()
        .find(|d| d["code"] == "name-variant")
        .unwrap_or_else(|| panic!("a single 'Rudskoy' is flagged: {diagnostics:#?}"));
    let at = DRAFT.find("Rudskoy").unwrap();
    assert_eq!(
        variant["range"]["start"],
        position(DRAFT, at, client.encoding)
    );
    assert!(
        variant["message"].as_str().unwrap().contains("Rudskoi"),
        "{variant}"
    );

    let card = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(DRAFT, at + 2, client.encoding)}),
        )
        .unwrap();
    let text = card["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{card:#}"));
    assert!(text.contains("Style book 2016: the -oi ending."), "{text}");
    assert!(text.contains("Lieutenant-General"), "{text}");
    assert!(client.shutdown().success());
}
