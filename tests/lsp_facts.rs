//! Ages and titles through the server: the person's card gives the age, and
//! `age-mismatch` / `title-mismatch` come with the other statement as related information
//! and a quick fix that uses the other value, applied and checked again.

mod common;

use common::{apply, file_uri, offset, position, range, LspClient};
use serde_json::{json, Value};

const DRAFT: &str = "# Bakery fire\n\
\n\
Fire Chief Daniel Okafor, 52, said the blaze started in a storage room.\n\
\n\
Okafor, aged 52, has led the department since 2015.\n\
\n\
Residents praised Okafor, 25, for the crews' quick response.\n\
\n\
Chief Okafor said the bakery would reopen. Deputy Chief Okafor said the same.\n\
\n\
Chief Okafor thanked the volunteers.\n";

fn span_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let at = text.find(needle).unwrap();
    at..at + needle.len()
}

fn only<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    let found: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    found[0]
}

#[test]
fn hover_on_a_person_gives_the_age() {
    let mut client = LspClient::start();
    let enc = client.encoding;
    let uri = file_uri("ages.md");
    let text = "Maria Lopez, 45, opened the bakery in 2009.\n\nLopez said business was slow.\n";
    client.open(&uri, "markdown", text, 1);
    client.diagnostics(&uri, 1);
    let at = text.rfind("Lopez").unwrap();
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(text, at, enc)}),
        )
        .unwrap();
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("Maria Lopez"), "{card}");
    assert!(card.contains("Age: 45 (line 1)."), "{card}");
    assert!(client.shutdown().success());
}

#[test]
fn mismatches_point_at_the_other_statement_and_fix_the_odd_one_out() {
    for utf8 in [false, true] {
        let mut client = LspClient::start_with(utf8, None, Value::Null);
        let enc = client.encoding;
        let uri = file_uri("okafor.md");
        client.open(&uri, "markdown", DRAFT, 1);
        let diagnostics = client.diagnostics(&uri, 1);

        let age = only(&diagnostics, "age-mismatch");
        let odd = DRAFT.find("25,").unwrap();
        assert_eq!(age["range"], range(DRAFT, odd..odd + 2, enc));
        assert!(age["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("#age-mismatch"));
        let related: Vec<usize> = age["relatedInformation"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| offset(DRAFT, &r["location"]["range"]["start"], enc))
            .collect();
        assert_eq!(
            related,
            [DRAFT.find("52,").unwrap(), DRAFT.find("52, has").unwrap()]
        );

        let title = only(&diagnostics, "title-mismatch");
        assert_eq!(
            title["range"],
            range(DRAFT, span_of(DRAFT, "Deputy Chief"), enc)
        );
        let related = &title["relatedInformation"];
        assert_eq!(related.as_array().unwrap().len(), 3, "{title:#}");
        assert_eq!(
            offset(DRAFT, &related[0]["location"]["range"]["start"], enc),
            DRAFT.find("Fire Chief").unwrap() + "Fire ".len()
        );

        // The quick fixes, applied one after the other, leave nothing to query.
        let mut text = DRAFT.to_string();
        let mut version = 1;
        let mut diagnostics = diagnostics;
        for (code, fixed) in [
            ("age-mismatch", "Okafor, 52, for"),
            ("title-mismatch", "Chief Okafor said the same"),
        ] {
            let target = only(&diagnostics, code).clone();
            let actions = client.code_actions(&uri, &target);
            let action = actions
                .iter()
                .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Use '")))
                .unwrap_or_else(|| panic!("no fix in {actions:#?}"))
                .clone();
            assert_eq!(action["kind"], "quickfix");
            let (after, changes) = apply(&text, &action["edit"], &uri, version, enc);
            assert!(after.contains(fixed), "{after}");
            version += 1;
            client.change(&uri, version, changes);
            diagnostics = client.diagnostics(&uri, version);
            text = after;
        }
        let after = diagnostics;
        assert!(
            after
                .iter()
                .all(|d| d["code"] != "age-mismatch" && d["code"] != "title-mismatch"),
            "{after:#?}"
        );
        assert!(client.shutdown().success());
    }
}
