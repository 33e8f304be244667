//! Places through the server: a place's card gives what it is and where (country,
//! population, coordinates, other spellings, a map link), and `place-mismatch` comes with
//! the city as related information and a quick fix that names the right country, applied
//! and checked again.

mod common;

use common::{apply, file_uri, offset, position, range, LspClient};
use serde_json::{json, Value};

const DRAFT: &str = "# Shelling resumes\n\
\n\
Fighting resumed on Monday in the Iraqi city of Aleppo, monitors said.\n\
\n\
Residents of Aleppo said the market was hit.\n";

#[test]
fn hover_on_a_place_gives_its_country_and_coordinates() {
    let mut client = LspClient::start();
    let enc = client.encoding;
    let uri = file_uri("aleppo.md");
    client.open(&uri, "markdown", DRAFT, 1);
    client.diagnostics(&uri, 1);
    let at = DRAFT.rfind("Aleppo").unwrap() + 2;
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(DRAFT, at, enc)}),
        )
        .unwrap();
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("**Aleppo** · place"), "{card}");
    assert!(
        card.contains("Aleppo — city in Syria, pop. 2.1 million, 36.2°N 37.2°E"),
        "{card}"
    );
    assert!(card.contains("Other spellings: Alep"), "{card}");
    assert!(
        card.contains("https://www.openstreetmap.org/?mlat=36.2&mlon=37.16"),
        "{card}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_wrong_country_points_at_the_city_and_is_fixed() {
    for utf8 in [false, true] {
        let mut client = LspClient::start_with(utf8, None, Value::Null);
        let enc = client.encoding;
        let uri = file_uri("aleppo.md");
        client.open(&uri, "markdown", DRAFT, 1);
        let diagnostics = client.diagnostics(&uri, 1);
        let found: Vec<&Value> = diagnostics
            .iter()
            .filter(|d| d["code"] == "place-mismatch")
            .collect();
        assert_eq!(found.len(), 1, "{diagnostics:#?}");
        let d = found[0].clone();
        let iraqi = DRAFT.find("Iraqi").unwrap();
        assert_eq!(d["range"], range(DRAFT, iraqi..iraqi + 5, enc));
        assert_eq!(d["severity"], 2);
        assert!(d["message"].as_str().unwrap().contains("Syria"), "{d:#}");
        assert!(d["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("#place-mismatch"));
        let related = d["relatedInformation"].as_array().unwrap();
        assert_eq!(
            offset(DRAFT, &related[0]["location"]["range"]["start"], enc),
            DRAFT.find("Aleppo").unwrap()
        );
        assert!(
            related[0]["message"].as_str().unwrap().contains("36.2°N"),
            "{related:#?}"
        );

        let actions = client.code_actions(&uri, &d);
        let action = actions
            .iter()
            .find(|a| a["title"] == "Use 'Syrian'")
            .unwrap_or_else(|| panic!("no fix in {actions:#?}"))
            .clone();
        assert_eq!(action["kind"], "quickfix");
        let (after, changes) = apply(DRAFT, &action["edit"], &uri, 1, enc);
        assert!(after.contains("the Syrian city of Aleppo"), "{after}");
        client.change(&uri, 2, changes);
        let diagnostics = client.diagnostics(&uri, 2);
        assert!(
            diagnostics.iter().all(|d| d["code"] != "place-mismatch"),
            "{diagnostics:#?}"
        );
        assert!(client.shutdown().success());
    }
}
