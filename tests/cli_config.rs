//! Configuration of `copydesk check`, and `copydesk init`.

mod cli_support;
use cli_support::*;

const CLEAN: &str = "The library opens at nine.\n";

#[test]
fn init_writes_a_starter_that_check_accepts() {
    let dir = tempdir();
    let run = copydesk_in(dir.path(), &["init", "newsroom"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("newsroom/copydesk.toml")).unwrap();
    assert!(written.contains("[checks]") && written.contains("[[people]]"));
    write(dir.path(), "newsroom/story.md", CLEAN);
    let run = copydesk_in(dir.path(), &["check", "newsroom/story.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn init_refuses_to_overwrite() {
    let dir = tempdir();
    write(dir.path(), "copydesk.toml", "# mine\n");
    let run = copydesk_in(dir.path(), &["init"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("copydesk.toml") && run.stderr.contains("already exists"),
        "{}",
        run.stderr
    );
    let kept = std::fs::read_to_string(dir.path().join("copydesk.toml")).unwrap();
    assert_eq!(kept, "# mine\n");
}

#[test]
fn a_bad_config_names_the_file_and_line() {
    let dir = tempdir();
    write(
        dir.path(),
        "desk.toml",
        "[checks]\nname-variant = \"warning\"\nunattributed-quote = \"loud\"\n",
    );
    write(dir.path(), "story.md", CLEAN);
    let run = copydesk_in(dir.path(), &["check", "--config", "desk.toml", "story.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("desk.toml:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("loud"), "{}", run.stderr);
}

#[test]
fn a_bad_config_found_upward_stops_only_its_drafts() {
    let dir = tempdir();
    write(
        dir.path(),
        "bad/copydesk.toml",
        "[document]\ndate = \"someday\"\n",
    );
    write(dir.path(), "bad/story.md", CLEAN);
    write(dir.path(), "good/story.md", CLEAN);
    let run = copydesk_in(
        dir.path(),
        &["check", "--format", "json", "bad/story.md", "good/story.md"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("copydesk.toml:2:"), "{}", run.stderr);
    assert_eq!(paths(&run.json()), ["good/story.md"]);
}

#[test]
fn a_missing_config_file_is_an_error() {
    let dir = tempdir();
    write(dir.path(), "story.md", CLEAN);
    let run = copydesk_in(dir.path(), &["check", "--config", "nope.toml", "story.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("nope.toml"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn the_config_story_date_reaches_the_source_sheet() {
    let dir = tempdir();
    write(
        dir.path(),
        "copydesk.toml",
        "[document]\ndate = \"2016-10-13\"\n",
    );
    write(dir.path(), "desk/story.txt", CLEAN);
    let run = copydesk_in(
        dir.path(),
        &["entities", "--format", "json", "desk/story.txt"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["files"][0]["story_date"], "2016-10-13");
    let run = copydesk_in(dir.path(), &["entities", "desk/story.txt"]);
    assert!(
        run.stdout.contains("story date: 2016-10-13 (Thursday)"),
        "{}",
        run.stdout
    );
}

/// A house speech verb (`[attribution] verbs`) that is not built in: a quote it credits
/// and a figure it sources are both supported with the configuration and neither without
/// it, and the one who says the figure is a person either way the speech verbs are read.
#[test]
fn a_house_speech_verb_supports_a_figure_as_it_supports_a_quote() {
    const DRAFT: &str = "Bridge repairs\n\n\
        \"We will reopen the bridge by Friday,\" Okonjo harrumphed.\n\n\
        Adeyemi harrumphed that the repairs would cost $4.2 million.\n";
    let codes = |run: &Run| -> Vec<String> {
        run.json()["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    let people = |run: &Run| -> Vec<String> {
        run.json()["files"][0]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "person")
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect()
    };

    let plain = tempdir();
    write(plain.path(), "story.txt", DRAFT);
    let check = [
        "check",
        "--format",
        "json",
        "--fail-on",
        "never",
        "story.txt",
    ];
    let run = copydesk_in(plain.path(), &check);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(codes(&run), ["unattributed-quote", "unsupported-number"]);
    let run = copydesk_in(plain.path(), &["entities", "--format", "json", "story.txt"]);
    assert!(!people(&run).contains(&"Adeyemi".to_string()));

    let house = tempdir();
    write(
        house.path(),
        "copydesk.toml",
        "[attribution]\nverbs = [\"harrumph\"]\n",
    );
    write(house.path(), "story.txt", DRAFT);
    let run = copydesk_in(house.path(), &check);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(codes(&run), Vec::<String>::new());
    let run = copydesk_in(house.path(), &["entities", "--format", "json", "story.txt"]);
    assert_eq!(people(&run), ["Okonjo", "Adeyemi"]);
    assert_eq!(run.json()["files"][0]["quotes"][0]["speaker"], "Okonjo");
}
