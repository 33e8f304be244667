//! Incremental edits: the server's view of a document must match an independent model of
//! the text kept here, under UTF-16 and UTF-8 positions, with Cyrillic, Arabic, emoji,
//! combining marks and CRLF — after hundreds of random edits, and after a burst of edits
//! sent without waiting (where only the final version's diagnostics may come last).

mod common;

use common::{file_uri, position, range, Enc, LspClient};
use copydesk::config::Config;
use copydesk::{analyze, Analysis, Format};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use std::time::Duration;

const DRAFT: &str = "# Київ after the storm\r\n\
\r\n\
KYIV, June 10, 2025 — Olena Kovalenko said the bridge would reopen. “We are ready,” she said.\r\n\
\r\n\
“Nobody told us anything about the water.”\r\n\
\n\
Residents of Mosul 😀 gathered at the café near the jāmiʿ (جامع النوري) on Tuesday.\n\
\n\
“The crane left at dawn 👍🏽 and never came back,\n\
\n\
Zoë Marti\u{301}nez counted 40 trucks.\n";

const FRAGMENTS: &[&str] = &[
    "Київ",
    "مرحبا",
    "😀",
    "👍🏽",
    "e\u{301}",
    "“",
    "”",
    "\"",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "said",
    " word",
    "",
    "Zoë",
    "ﷺ",
    "a",
];

/// A random char boundary of `text` that is not inside a CRLF pair (editors never put a
/// position between `\r` and `\n`).
fn boundary(rng: &mut StdRng, text: &str) -> usize {
    loop {
        let mut at = rng.gen_range(0..=text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let inside_crlf =
            at > 0 && text.as_bytes()[at - 1] == b'\r' && text[at..].starts_with('\n');
        if !inside_crlf {
            return at;
        }
    }
}

/// A random edit of `text` as (byte span, replacement).
fn random_edit(rng: &mut StdRng, text: &str) -> (std::ops::Range<usize>, String) {
    let a = boundary(rng, text);
    let b = if rng.gen_bool(0.5) {
        a
    } else {
        let mut b = (a + rng.gen_range(0..12)).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        let inside_crlf = b > 0 && text.as_bytes()[b - 1] == b'\r' && text[b..].starts_with('\n');
        if inside_crlf {
            b + 1
        } else {
            b
        }
    };
    let pieces = rng.gen_range(0..3);
    let new_text: String = (0..pieces)
        .map(|_| FRAGMENTS[rng.gen_range(0..FRAGMENTS.len())])
        .collect();
    (a..b, new_text)
}

fn analysis_of(text: &str) -> Analysis {
    analyze(text, Format::Markdown, &Config::default())
}

/// What the server must publish for `text`: (code, range, message) of every finding.
fn expected_diagnostics(text: &str, enc: Enc) -> Vec<Value> {
    copydesk::check(text, Format::Markdown, &Config::default())
        .findings
        .iter()
        .map(|f| json!([f.code.as_str(), range(text, f.span.clone(), enc), f.message]))
        .collect()
}

fn projected(diagnostics: &[Value]) -> Vec<Value> {
    diagnostics
        .iter()
        .map(|d| json!([d["code"], d["range"], d["message"]]))
        .collect()
}

/// The ranges of the quote symbols the server must list for `text`.
fn expected_quote_ranges(text: &str, enc: Enc) -> Vec<Value> {
    let analysis = analysis_of(text);
    analysis
        .draft
        .quotes
        .iter()
        .enumerate()
        .filter(|(i, q)| q.depth == 0 && analysis.attributions.get(*i).is_none_or(|a| a.is_speech))
        .map(|(_, q)| range(text, q.span.clone(), enc))
        .collect()
}

fn quote_ranges(symbols: &Value) -> Vec<Value> {
    symbols
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == 15)
        .map(|s| s["range"].clone())
        .collect()
}

/// Hovers the middle of every quote and compares with the library's card for the model.
fn check_hovers(client: &mut LspClient, uri: &str, text: &str) -> usize {
    let mut cards = 0;
    let analysis = analysis_of(text);
    for quote in analysis.draft.quotes.iter().take(4) {
        let mut mid = (quote.span.start + quote.span.end) / 2;
        while !text.is_char_boundary(mid) {
            mid -= 1;
        }
        let expected = copydesk::analysis::hover::hover_at(&analysis, mid)
            .map(|h| (h.markdown, range(text, h.span, client.encoding)));
        let got = client
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": position(text, mid, client.encoding)}),
            )
            .unwrap();
        let got = (!got.is_null()).then(|| {
            (
                got["contents"]["value"].as_str().unwrap().to_string(),
                got["range"].clone(),
            )
        });
        cards += usize::from(got.is_some());
        assert_eq!(got, expected, "hover at byte {mid} of {text:?}");
    }
    cards
}

/// Everything the server says about the document matches the model `text` at `version`;
/// returns how many diagnostics and hover cards were compared.
fn check_view(client: &mut LspClient, uri: &str, text: &str, version: i64) -> (usize, usize) {
    let enc = client.encoding;
    let diagnostics = client.diagnostics(uri, version);
    assert_eq!(
        projected(&diagnostics),
        expected_diagnostics(text, enc),
        "diagnostics of {text:?}"
    );
    let sheet = client
        .request(
            "copydesk/sourceSheet",
            json!({"textDocument": {"uri": uri}}),
        )
        .unwrap();
    let path = uri.strip_prefix("file://").unwrap();
    let expected = copydesk::lsp::sheet::source_sheet(path, &analysis_of(text));
    assert_eq!(sheet, expected, "source sheet of {text:?}");
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .unwrap();
    assert_eq!(
        quote_ranges(&symbols),
        expected_quote_ranges(text, enc),
        "quotes of {text:?}"
    );
    (diagnostics.len(), check_hovers(client, uri, text))
}

fn random_edits(utf8: bool, seed: u64) {
    let mut client = LspClient::start_with(utf8, None, Value::Null);
    let enc = client.encoding;
    let uri = file_uri(&format!("random-{seed}.md"));
    let mut text = DRAFT.to_string();
    let mut version = 1;
    client.open(&uri, "markdown", &text, version);
    let (mut diagnostics, mut cards) = check_view(&mut client, &uri, &text, version);
    let mut rng = StdRng::seed_from_u64(seed);
    for round in 0..15 {
        for _ in 0..20 {
            // One to three changes per notification, each relative to the text after the
            // previous one.
            let mut changes = Vec::new();
            for _ in 0..rng.gen_range(1..=3) {
                let (span, new_text) = random_edit(&mut rng, &text);
                changes.push(json!({"range": range(&text, span.clone(), enc), "text": new_text}));
                text.replace_range(span, &new_text);
            }
            version += 1;
            client.change(&uri, version, Value::Array(changes));
        }
        // Keep the quotes of the draft from all being edited away.
        if round % 5 == 4 {
            let end = position(&text, text.len(), enc);
            let tail = "\n\n“We will rebuild the bridge,” Kovalenko said.\n\n“Who decided?”\n";
            client.change(
                &uri,
                version + 1,
                json!([{"range": {"start": end, "end": end}, "text": tail}]),
            );
            text.push_str(tail);
            version += 1;
        }
        let (d, c) = check_view(&mut client, &uri, &text, version);
        diagnostics += d;
        cards += c;
    }
    // The comparisons were not all of empty answers.
    assert!(
        diagnostics > 0 && cards > 0,
        "{diagnostics} diagnostics, {cards} cards"
    );
    assert!(client.shutdown().success());
}

#[test]
fn random_incremental_edits_in_utf16() {
    random_edits(false, 0x5eed_0016);
}

#[test]
fn random_incremental_edits_in_utf8() {
    random_edits(true, 0x5eed_0008);
}

#[test]
fn a_burst_of_edits_ends_with_the_final_versions_diagnostics_only() {
    let mut client = LspClient::start();
    let enc = client.encoding;
    let uri = file_uri("burst.md");
    let mut text = DRAFT.to_string();
    client.open(&uri, "markdown", &text, 1);
    client.diagnostics(&uri, 1);
    let mut rng = StdRng::seed_from_u64(200);
    // Symbols requested in the middle of the burst must describe the text at that point.
    let mut probes = Vec::new();
    for version in 2..=201 {
        let (span, new_text) = random_edit(&mut rng, &text);
        client.change(
            &uri,
            version,
            json!([{"range": range(&text, span.clone(), enc), "text": new_text}]),
        );
        text.replace_range(span, &new_text);
        if version % 40 == 0 {
            let id = client.send_request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": uri}}),
            );
            probes.push((id, expected_quote_ranges(&text, enc)));
        }
    }
    let last = 201;
    let diagnostics = client.diagnostics(&uri, last);
    assert_eq!(projected(&diagnostics), expected_diagnostics(&text, enc));
    // What was published before the final version is fine; drop it.
    client.messages("textDocument/publishDiagnostics");
    for (id, expected) in probes {
        let symbols = client.response(id).unwrap();
        assert_eq!(quote_ranges(&symbols), expected, "symbols of request {id}");
    }
    // Nothing for an older version may arrive after the final one.
    let stale = client.try_wait_for(Duration::from_millis(300), |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["version"].as_i64().is_some_and(|v| v < last)
    });
    let published_after: Vec<_> = client
        .inbox
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    assert!(
        stale.is_none(),
        "stale diagnostics after the final version: {stale:?}"
    );
    assert!(
        published_after
            .iter()
            .all(|m| m["params"]["version"].as_i64() == Some(last)),
        "{published_after:?}"
    );
    assert!(client.shutdown().success());
}
