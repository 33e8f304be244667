//! The reporter's sources through the server, against the real binary: the sources folder
//! under the workspace root is read in the background; a misquote comes with the passage as
//! related information and a quick fix giving the quote the source's words; hover on a
//! verified quote names the file, line, timestamp and speaker; a source changed on disk
//! changes the draft's diagnostics.

mod common;

use common::{apply, position, LspClient};
use serde_json::{json, Value};

const TRANSCRIPT: &str = "\
Elena Vasquez  0:01
Thank you all for coming. We will not close the Eastside branch this year, whatever the
budget office says.

Marcus Hale  0:45
The numbers simply do not add up, and the council knows it.
";

const DRAFT: &str = "# Libraries\n\
\n\
\"We won't close the Eastside branch this year,\" Mayor Elena Vasquez said.\n\
\n\
\"The numbers simply do not add up, and the council knows it,\" Councillor Marcus Hale said.\n";

fn with_code(message: &Value, code: &str) -> bool {
    message["params"]["diagnostics"]
        .as_array()
        .is_some_and(|d| d.iter().any(|d| d["code"] == code))
}

#[test]
fn a_misquote_has_its_passage_and_fix_and_a_verified_quote_its_source_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir(root.join("sources")).unwrap();
    let source = root.join("sources/interview.txt");
    std::fs::write(&source, TRANSCRIPT).unwrap();
    std::fs::write(root.join("story.md"), DRAFT).unwrap();
    let mut client = LspClient::start_with(false, Some(&root), Value::Null);
    let enc = client.encoding;
    let uri = format!("file://{}", root.join("story.md").display());
    client.open(&uri, "markdown", DRAFT, 1);
    let published = client.wait_for("the misquote", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && with_code(m, "misquote")
    });
    let diagnostics = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .clone();
    let misquote = diagnostics
        .iter()
        .find(|d| d["code"] == "misquote")
        .unwrap();
    assert!(
        misquote["message"]
            .as_str()
            .unwrap()
            .contains("interview.txt says 'We will not', the draft 'We won't'"),
        "{misquote:#}"
    );
    let related = &misquote["relatedInformation"][0]["location"];
    assert!(related["uri"]
        .as_str()
        .unwrap()
        .ends_with("/sources/interview.txt"));
    assert_eq!(related["range"]["start"]["line"], 1);

    let actions = client.code_actions(&uri, misquote);
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Replace with the source's words")
        .unwrap_or_else(|| panic!("no fix in {actions:#?}"))
        .clone();
    let (fixed, changes) = apply(DRAFT, &fix["edit"], &uri, 1, enc);
    assert!(fixed.contains("\"We will not close the Eastside branch this year,\" Mayor"));
    client.change(&uri, 2, changes);
    let after = client.diagnostics(&uri, 2);
    assert!(after.iter().all(|d| d["code"] != "misquote"), "{after:#?}");

    let at = fixed.find("The numbers").unwrap();
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(&fixed, at, enc)}),
        )
        .unwrap();
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.contains("Verified in the sources: [interview.txt, line 6, 0:45, Marcus Hale]"),
        "{card}"
    );
    assert!(card.contains("sources/interview.txt#L6"), "{card}");

    // The transcript corrected on disk: the (fixed) quote now differs from it.
    std::fs::write(
        &source,
        TRANSCRIPT.replace("We will not close", "We won't close"),
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", source.display()), "type": 2}]}),
    );
    client.wait_for("the misquote after the source changed", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && with_code(m, "misquote")
    });
    assert!(client.shutdown().success());
}
