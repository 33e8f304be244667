//! Names compared across the drafts checked together: the real binary on a folder of stories.

mod cli_support;
use cli_support::{copydesk_in, tempdir, write};

const A: &str = "KYIV, June 10, 2025 — President Volodymyr Zelenskyy said on Tuesday that talks in Kyiv went well.\n";
const B: &str = "KYIV, June 11, 2025 — President Volodymyr Zelenskyy met ministers in Kyiv on Wednesday, his office said.\n";
const C: &str = "LVIV, June 12, 2025 — President Volodymyr Zelensky visited Lviv on Thursday, officials said.\n";

fn name_variants(json: &serde_json::Value, file: &str) -> Vec<serde_json::Value> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"].as_str().unwrap().ends_with(file))
        .flat_map(|f| f["findings"].as_array().unwrap().clone())
        .filter(|f| f["code"] == "name-variant")
        .collect()
}

#[test]
fn a_name_spelled_differently_in_another_draft_is_flagged_in_the_minority_draft() {
    let dir = tempdir();
    write(dir.path(), "a.txt", A);
    write(dir.path(), "b.txt", B);
    write(dir.path(), "c.txt", C);
    let run = copydesk_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert!(name_variants(&json, "a.txt").is_empty());
    assert!(name_variants(&json, "b.txt").is_empty());
    let found = name_variants(&json, "c.txt");
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f["text"], "Zelensky");
    assert_eq!(f["fixes"][0]["edits"][0]["new_text"], "Zelenskyy");
    let related = &f["related"][0];
    assert!(
        related["path"].as_str().unwrap().ends_with("a.txt"),
        "{related}"
    );
    let at = A.find("Zelenskyy").unwrap();
    assert_eq!(related["start"]["offset"], at);
    assert_eq!(related["start"]["line"], 1);
}

#[test]
fn a_draft_checked_alone_is_not_compared() {
    let dir = tempdir();
    write(dir.path(), "a.txt", A);
    write(dir.path(), "c.txt", C);
    let run = copydesk_in(dir.path(), &["check", "--format", "json", "c.txt"]);
    assert!(name_variants(&run.json(), "c.txt").is_empty());
}

#[test]
fn house_style_settles_an_even_split() {
    let dir = tempdir();
    write(dir.path(), "a.txt", A);
    write(dir.path(), "c.txt", C);
    let split = copydesk_in(dir.path(), &["check", "--format", "json", "."]).json();
    let (here, there) = (
        name_variants(&split, "a.txt"),
        name_variants(&split, "c.txt"),
    );
    assert_eq!(
        (here.len(), there.len()),
        (1, 1),
        "an even split is reported on both sides"
    );
    assert!(here[0]["fixes"].as_array().unwrap().is_empty());

    write(
        dir.path(),
        "copydesk.toml",
        "[[people]]\nname = \"Volodymyr Zelenskyy\"\nwrong = [\"Zelensky\"]\n",
    );
    let styled = copydesk_in(dir.path(), &["check", "--format", "json", "."]).json();
    assert!(name_variants(&styled, "a.txt").is_empty());
    let there = name_variants(&styled, "c.txt");
    assert_eq!(there.len(), 1, "{there:#?}");
    assert!(there[0]["message"]
        .as_str()
        .unwrap()
        .contains("house style"));
}
