//! Incremental analysis equals full analysis: random edit sequences over the corpus drafts,
//! each step analysed (and checked) with one long-lived paragraph cache and afresh, compared
//! in full.

use copydesk::analysis::local::Cache;
use copydesk::checks::{check_with, Code};
use copydesk::config::Config;
use copydesk::{check, Format};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Pieces an edit inserts: words, names, numbers, dates, quote marks, paragraph breaks,
/// Markdown syntax, and text in other scripts.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    "the ",
    "said ",
    " said Rudskoy.",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "Mayor Joan Hale",
    "Sergey Rudskoi",
    "Rudskoy",
    "he said",
    "according to the ministry",
    "on Tuesday",
    "October 13",
    "last week",
    "yesterday",
    "2024",
    "Feb. 30",
    "42 percent",
    "$1.2 million",
    "three",
    "1,200 people",
    "Kyiv",
    "Kiev",
    "# ",
    "```\n",
    "- ",
    "*",
    "---\n",
    "МОСКВА",
    "حلب",
    "🙂",
    "e\u{301}",
    ". ",
    "? ",
    "Dr. ",
    "U.S. ",
    "—",
    "(",
    ")",
    "MOSCOW, October 13. /TASS/. ",
    "\n\n“We will rebuild.\n\n“Every street,” Hale said.\n\n",
    "\n\n\"",
    "\n\n“",
    "The minister said in a statement:\n\n",
    "\n\n— Jane Doe, mayor\n\n",
    "“We are ready,” she said. ",
    "In the words of one resident, ",
    "The indictment accuses him of ",
    "In 2019, ",
    "that year",
    "Oct. ",
    "31 ",
    "[^1]",
    "\n\n[^1]: The filing.\n",
    "¹",
];

fn fixture(name: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::read_to_string(dir.join(name)).expect("fixture")
}

fn boundary_at(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One random edit: insert a piece, delete a range, or replace a range with a piece.
fn edit(text: &mut String, rng: &mut StdRng) {
    let at = boundary_at(text, rng.gen_range(0..=text.len()));
    let len = match rng.gen_range(0..4) {
        0 => 0,
        1 => rng.gen_range(0..8),
        2 => rng.gen_range(0..80),
        _ => rng.gen_range(0..400),
    };
    let end = boundary_at(text, at + len);
    let piece = if rng.gen_bool(0.25) {
        ""
    } else {
        PIECES[rng.gen_range(0..PIECES.len())]
    };
    text.replace_range(at..end, piece);
}

fn same(text: &str, format: Format, config: &Config, cache: &mut Cache) -> Result<(), String> {
    let incremental = check_with(text, format, config, Some(cache));
    let full = check(text, format, config);
    let (a, b) = (format!("{incremental:#?}"), format!("{full:#?}"));
    if a == b {
        return Ok(());
    }
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(0);
    Err(format!(
        "incremental and full analysis differ at line {line} of their dumps:\n  incremental: {}\n  full:        {}",
        a.lines().nth(line).unwrap_or(""),
        b.lines().nth(line).unwrap_or("")
    ))
}

fn run(name: &str, format: Format, seed: u64, steps: usize) {
    let mut rng = StdRng::seed_from_u64(seed);
    let config = Config::default();
    let mut cache = Cache::new();
    let mut text = fixture(name);
    same(&text, format, &config, &mut cache).unwrap();
    for step in 0..steps {
        let before = text.clone();
        edit(&mut text, &mut rng);
        if let Err(why) = same(&text, format, &config, &mut cache) {
            panic!("{name}, seed {seed}, step {step}: {why}\n--- text before the edit:\n{before}\n--- after:\n{text}");
        }
    }
}

#[test]
fn random_edits_to_a_wire_story() {
    run("aleppo-tass.txt", Format::Plain, 1, 150);
}

#[test]
fn random_edits_to_markdown_drafts() {
    for (i, name) in ["council-budget.md", "clinic-study.md", "storm-report.md"]
        .iter()
        .enumerate()
    {
        run(name, Format::Markdown, 10 + i as u64, 100);
    }
}

#[test]
fn random_edits_to_plain_drafts() {
    for (i, name) in ["court-fraud.txt", "kyiv-grain.txt"].iter().enumerate() {
        run(name, Format::Plain, 20 + i as u64, 100);
    }
}

#[test]
fn the_cache_keeps_only_the_paragraphs_of_the_last_text() {
    let config = Config::default();
    let mut cache = Cache::new();
    let text = fixture("council-budget.md");
    copydesk::analysis::analyze_with(&text, Format::Markdown, &config, Some(&mut cache));
    let full = cache.len();
    assert!(full > 5, "{full} paragraphs cached");
    copydesk::analysis::analyze_with(
        "One paragraph.",
        Format::Markdown,
        &config,
        Some(&mut cache),
    );
    assert_eq!(cache.len(), 1);
}

/// A configuration change reaches paragraphs read before: with one cache, a quote credited
/// by a house verb ("harrumphed", not built in) is unattributed before the verb is
/// configured and attributed after, as a fresh analysis has it.
#[test]
fn a_configuration_change_is_not_answered_from_the_cache() {
    let mut cache = Cache::new();
    let text = "\"We will build it,\" Hale harrumphed.\n";
    let unattributed = |c: &copydesk::Checked| -> usize {
        c.findings
            .iter()
            .filter(|f| f.code == Code::UnattributedQuote)
            .count()
    };
    let plain = Config::default();
    let before = check_with(text, Format::Plain, &plain, Some(&mut cache));
    assert_eq!(unattributed(&before), 1, "{:?}", before.findings);
    assert!(before.analysis.attributions[0].speaker.is_none());
    let with_verb = Config::from_toml("[attribution]\nverbs = [\"harrumph\"]\n").expect("config");
    let after = check_with(text, Format::Plain, &with_verb, Some(&mut cache));
    assert_eq!(unattributed(&after), 0, "{:?}", after.findings);
    let speaker = after.analysis.attributions[0].speaker.as_ref();
    assert_eq!(speaker.map(|s| s.text.as_str()), Some("Hale"));
    assert_eq!(
        format!("{after:?}"),
        format!("{:?}", check(text, Format::Plain, &with_verb))
    );
    // And back: the verb's credit does not outlive its configuration.
    let again = check_with(text, Format::Plain, &plain, Some(&mut cache));
    assert_eq!(unattributed(&again), 1, "{:?}", again.findings);
}

/// Attribution that crosses paragraphs (a quote continued in the next paragraph, a
/// quotation paragraph after a lead-in or before a credit line) follows edits made in
/// either paragraph.
#[test]
fn attribution_across_paragraphs_follows_edits_to_either_paragraph() {
    let config = Config::default();
    let mut cache = Cache::new();
    let steps = [
        "“We will rebuild every street.\n\n“And we will do it together.\n\nThe council met.\n",
        "“We will rebuild every street.\n\n“And we will do it together,” Hale said.\n\nThe council met.\n",
        "“We will rebuild every street.\n\nAnd we will do it together,” Hale said.\n\nThe council met.\n",
        "The mayor said in a statement:\n\n“We will rebuild every street.”\n\nThe council met.\n",
        "The mayor spoke on Tuesday.\n\n“We will rebuild every street.”\n\nThe council met.\n",
        "The mayor spoke on Tuesday.\n\n“We will rebuild every street.”\n\n— Joan Hale, mayor\n",
        "# “Every street”\n\n“We will rebuild every street,” Hale said.\n",
        "# “Every street”\n\n“We will rebuild every road,” Hale said.\n",
    ];
    for format in [Format::Plain, Format::Markdown] {
        for text in steps.iter().chain(steps.iter().rev()) {
            same(text, format, &config, &mut cache).unwrap();
        }
    }
}

/// A long draft (from 128 KB the parser, the entities and the checks use a second core, and
/// from 256 KB the cache keys are hashed on both) is analysed alike on one thread, on
/// several, and with a cache.
#[test]
fn a_long_draft_is_analysed_alike_on_one_core_and_on_several() {
    let stories: Vec<String> = [
        "aleppo-tass.txt",
        "clinic-study.md",
        "council-budget.md",
        "court-fraud.txt",
        "harbour-profile.md",
        "kyiv-grain.txt",
        "storm-report.md",
    ]
    .iter()
    .map(|name| fixture(name))
    .collect();
    let mut text = String::new();
    while text.len() < 300_000 {
        for story in &stories {
            text.push_str(story);
            text.push_str("\n\n");
        }
    }
    let config = Config::default();
    let several = format!("{:?}", check(&text, Format::Markdown, &config));
    let mut cache = Cache::new();
    let cached = check_with(&text, Format::Markdown, &config, Some(&mut cache));
    let cached = format!("{cached:?}");
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let one = one_thread.install(|| format!("{:?}", check(&text, Format::Markdown, &config)));
    assert!(several.len() > 1_000_000, "a long analysis");
    assert!(one == several, "one thread and several differ");
    assert!(cached == several, "with a cache and without differ");
}
