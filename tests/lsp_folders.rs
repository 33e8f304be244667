//! A workspace of several folders, against the real binary: every folder of `initialize`
//! is indexed, a name spelled two ways across two folders is a cross-draft `name-variant`,
//! and `workspace/didChangeWorkspaceFolders` adds a folder's drafts to the index and takes
//! a removed folder's out of it.

mod common;

use common::{initialize_params, LspClient};
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long indexing may take (a debug build on a busy machine).
const INDEXING: Duration = Duration::from_secs(30);

const MAJORITY: &str = "KYIV, June 10, 2025 — President Volodymyr Zelenskyy said on Tuesday that talks in Kyiv went well.\n";
const MAJORITY_2: &str = "KYIV, June 11, 2025 — President Volodymyr Zelenskyy met ministers in Kyiv on Wednesday, his office said.\n";
const MINORITY: &str = "LVIV, June 12, 2025 — President Volodymyr Zelensky visited Lviv on Thursday, officials said.\n";
const LATER: &str =
    "RIVERTON, March 6, 2025 — Councillor Philippa Wetherspoon said the cuts were deep.\n";

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn folder(path: &Path) -> Value {
    json!({"uri": uri_of(path), "name": path.file_name().unwrap().to_str().unwrap()})
}

/// The files of the indexed names matching `query`.
fn symbol_files(client: &mut LspClient, query: &str) -> Vec<String> {
    let found = client
        .request("workspace/symbol", json!({"query": query}))
        .expect("workspace/symbol");
    let mut files: Vec<String> = found
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|s| s["location"]["uri"].as_str().map(str::to_string))
        .collect();
    files.sort();
    files
}

/// Waits until the files of `query`'s symbols are `want`.
fn wait_for_symbols(client: &mut LspClient, query: &str, want: &[String]) {
    let mut want = want.to_vec();
    want.sort();
    let deadline = Instant::now() + INDEXING;
    loop {
        let files = symbol_files(client, query);
        if files == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{query}: {files:?}, expected {want:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn variant_from(message: &Value, uri: &str) -> Option<String> {
    if message["method"] != "textDocument/publishDiagnostics" || message["params"]["uri"] != uri {
        return None;
    }
    let diagnostics = message["params"]["diagnostics"].as_array()?;
    Some(
        diagnostics
            .iter()
            .filter(|d| d["code"] == "name-variant")
            .filter_map(|d| d["relatedInformation"][0]["location"]["uri"].as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[test]
fn every_folder_is_indexed_and_folders_come_and_go() {
    let (desk, wires, late) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    std::fs::write(desk.path().join("a.txt"), MAJORITY).unwrap();
    std::fs::write(desk.path().join("b.txt"), MAJORITY_2).unwrap();
    std::fs::write(wires.path().join("c.txt"), MINORITY).unwrap();
    std::fs::write(late.path().join("d.txt"), LATER).unwrap();
    let (a, b, c, d) = (
        uri_of(&desk.path().join("a.txt")),
        uri_of(&desk.path().join("b.txt")),
        uri_of(&wires.path().join("c.txt")),
        uri_of(&late.path().join("d.txt")),
    );

    let mut params = initialize_params(false, Some(desk.path()), Value::Null);
    params["workspaceFolders"] = json!([folder(desk.path()), folder(wires.path())]);
    let mut client = LspClient::spawn();
    let result = client.request("initialize", params).expect("initialize");
    let folders = &result["capabilities"]["workspace"]["workspaceFolders"];
    assert_eq!(folders["supported"], true, "{result}");
    assert_eq!(folders["changeNotifications"], true, "{result}");
    client.notify("initialized", json!({}));

    // The president's name is indexed from both folders.
    wait_for_symbols(&mut client, "zelensk", &[a.clone(), b.clone(), c.clone()]);

    // The draft in the second folder spells him the minority way: told so by the first.
    client.open(&c, "plaintext", MINORITY, 1);
    client
        .try_wait_for(INDEXING, |m| {
            variant_from(m, &c).is_some_and(|from| from.contains(&a) || from.contains(&b))
        })
        .expect("a cross-draft name-variant across the two folders");

    // A folder added later is indexed.
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [folder(late.path())], "removed": []}}),
    );
    wait_for_symbols(&mut client, "wetherspoon", std::slice::from_ref(&d));

    // A removed folder takes its names along, and the open draft is checked again without
    // them; the open draft's own names stay.
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [folder(desk.path())]}}),
    );
    client
        .try_wait_for(INDEXING, |m| {
            variant_from(m, &c).is_some_and(|from| from.is_empty())
        })
        .expect("the open draft checked again without the removed folder");
    wait_for_symbols(&mut client, "zelensk", std::slice::from_ref(&c));
    wait_for_symbols(&mut client, "wetherspoon", &[d]);
    assert!(client.shutdown().success());
}
