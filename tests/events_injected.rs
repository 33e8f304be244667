//! `event-date-mismatch` measured on real published copy (tests/corpus, see its README for
//! the stories and their licences): two days that cannot both hold are written into real
//! stories, beside two mentions of one of their events ("the vote" … "the vote" becomes
//! "the November 17 vote" … "Thursday's vote", November 17 being a Wednesday), and the
//! check must find it (recall) without flagging anything else (precision); the clean
//! originals must stay all but silent. The same injections with days that agree count
//! every finding as false.
//!
//! The events are the story's own: a noun of [`NOUNS`] that the story names, after its
//! headline and date line, as "the NOUN" in two sentences. A story that also names the noun
//! in the plural ("the votes") or counts it ("another vote") may speak of several such
//! events, where two days can both be right, so it is not used; nor is one that dates the
//! event itself beside the noun ("Monday's attack", "a fire broke out yesterday"), whose
//! day a consistent control could contradict. A mention is rewritten only where the noun
//! ends its phrase ("the fire service" is not the fire) and not right after a capitalized
//! word ("As of Saturday the crash"), where a date in place of "the" would run into it. The day of the event is one to three days before the
//! story's date; each (story, event) is injected in the eight ways [`FORMS`] lists. The
//! injections are chosen deterministically from each story's text.
//!
//! Another folder of stories can be measured with `COPYDESK_EVENTS_CORPUS=DIR cargo test
//! --test events_injected -- --nocapture`.

use chrono::{Datelike, Days, NaiveDate};
use copydesk::checks::{check, Code, Finding};
use copydesk::config::Config;
use copydesk::Format;
use std::ops::Range;
use std::path::Path;

mod injected_support;
use injected_support::{corpus_stories, Score};

/// The events written about: news events of one day (the nouns copydesk reads, from
/// `crates/copydesk-core/data/lexicon/event-nouns.txt`).
const NOUNS: [&str; 50] = [
    "vote",
    "election",
    "referendum",
    "fire",
    "blaze",
    "earthquake",
    "quake",
    "explosion",
    "blast",
    "attack",
    "bombing",
    "shooting",
    "stabbing",
    "crash",
    "collision",
    "derailment",
    "accident",
    "game",
    "match",
    "meeting",
    "hearing",
    "summit",
    "debate",
    "rally",
    "protest",
    "demonstration",
    "march",
    "parade",
    "ceremony",
    "concert",
    "speech",
    "announcement",
    "launch",
    "landing",
    "eruption",
    "raid",
    "ambush",
    "robbery",
    "murder",
    "killing",
    "brawl",
    "coup",
    "funeral",
    "inauguration",
    "massacre",
    "hijacking",
    "sinking",
    "tornado",
    "verdict",
    "sentencing",
];

/// The nouns that name one event ("Sunday's quake" and "the earthquake"): what the story
/// says of one it says of the event.
const SAME_EVENT: [[&str; 2]; 3] = [
    ["fire", "blaze"],
    ["earthquake", "quake"],
    ["explosion", "blast"],
];

/// The nouns of the event `noun` names.
fn group(noun: &'static str) -> Vec<&'static str> {
    SAME_EVENT
        .iter()
        .find(|g| g.contains(&noun))
        .map_or(vec![noun], |g| g.to_vec())
}

/// How a mention of the event is dated.
#[derive(Debug, Clone, Copy)]
enum Style {
    /// "the March 3 vote".
    Calendar,
    /// "Tuesday's vote".
    Weekday,
    /// "the vote, which took place on Monday,".
    Clause,
    /// "the vote of March 3".
    Of,
}

/// How the first and the second mention are dated: the first with the event's day, the
/// second with another.
const FORMS: [(Style, Style); 8] = [
    (Style::Calendar, Style::Weekday),
    (Style::Clause, Style::Weekday),
    (Style::Weekday, Style::Calendar),
    (Style::Of, Style::Weekday),
    (Style::Weekday, Style::Clause),
    (Style::Calendar, Style::Clause),
    (Style::Clause, Style::Calendar),
    (Style::Of, Style::Clause),
];

const CLAUSE_VERBS: [&str; 3] = ["took place", "happened", "occurred"];

struct Story {
    name: String,
    text: String,
    /// The date of the story's date line ("Saturday, November 20, 2004", on one of its
    /// first lines), which a newsroom gives copydesk as `[document] date`: the stories
    /// have no dateline that copydesk reads.
    config: Config,
    date: Option<NaiveDate>,
}

/// "Saturday, November 20, 2004" or "November 20, 2004".
fn date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    let rest = match line.split_once(", ") {
        Some((day, rest)) if day.ends_with("day") => rest,
        _ => line,
    };
    let (month, rest) = rest.split_once(' ')?;
    let (day, year) = rest.split_once(", ")?;
    let month = (1..=12).find(|&m| month_name(m) == month)?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

fn stories(dir: &Path) -> Vec<Story> {
    corpus_stories(dir)
        .into_iter()
        .map(|(name, text)| {
            let date = text.lines().take(4).find_map(date_line);
            let config = match date {
                Some(d) => {
                    Config::from_toml(&format!("[document]\ndate = \"{d}\"\n")).expect("config")
                }
                None => Config::default(),
            };
            Story {
                name,
                text,
                config,
                date,
            }
        })
        .collect()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'\'' || b >= 0x80
}

/// Where the body starts: after the headline and the date line.
fn body_start(text: &str) -> usize {
    text.match_indices('\n')
        .nth(1)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// The offsets of "the NOUN" / "The NOUN" in the body, where the noun stands alone
/// (followed by a space or a mark, not "'s" or a hyphen).
fn definite(text: &str, noun: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let from = body_start(text);
    let mut found = Vec::new();
    for (at, _) in text.match_indices(noun) {
        if at < from + 4 {
            continue;
        }
        let the = text.get(at - 4..at);
        if the != Some("the ") && the != Some("The ") {
            continue;
        }
        if at >= 5 && is_word_byte(bytes[at - 5]) {
            continue;
        }
        // Right after a name or a date ("As of Saturday the crash"), a date written in
        // place of "the" would read as part of them.
        let before = text[..at - 4].trim_end_matches(' ');
        if before.len() + 1 == at - 4
            && before
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            continue;
        }
        let end = at + noun.len();
        let next = text[end..].split_whitespace().next().unwrap_or("");
        let closes = bytes
            .get(end)
            .is_some_and(|b| matches!(b, b',' | b'.' | b';' | b':' | b'\n'));
        // The noun ends its phrase: a mark or a word that cannot go on with it follows
        // ("the fire service" is not the fire).
        if !closes && !FOLLOWING.contains(&next.trim_end_matches([',', '.'])) {
            continue;
        }
        found.push(at - 4);
    }
    found
}

/// Words that may follow an event noun that ends its phrase.
const FOLLOWING: [&str; 36] = [
    "was",
    "is",
    "were",
    "had",
    "has",
    "will",
    "would",
    "could",
    "in",
    "at",
    "on",
    "of",
    "near",
    "that",
    "which",
    "and",
    "but",
    "by",
    "for",
    "to",
    "killed",
    "left",
    "came",
    "took",
    "began",
    "started",
    "happened",
    "occurred",
    "as",
    "after",
    "before",
    "when",
    "with",
    "from",
    "injured",
    "destroyed",
];

/// Words before an event noun that say a story speaks of more than one.
const SEVERAL: [&str; 10] = [
    "another", "other", "second", "first", "previous", "earlier", "latest", "next", "last",
    "opening",
];

/// Words that date an event beside its noun ("Monday's attack", "A fire broke out
/// yesterday", "the June 4 fire").
const DATING: [&str; 22] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "yesterday",
    "today",
    "tonight",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether the story dates the noun itself near one of its mentions: the injected days
/// would then be compared with the story's own, which a consistent control could
/// contradict.
fn dated(text: &str, noun: &str) -> bool {
    text.match_indices(noun).any(|(at, _)| {
        let from = (at.saturating_sub(40)..at)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(at);
        let to = (at + noun.len() + 40).min(text.len());
        let to = (to..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        let near = &text[from..to];
        DATING.iter().any(|d| near.contains(d))
    })
}

/// Whether the story counts the noun ("another attack", "the second vote").
fn counted(text: &str, noun: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    SEVERAL
        .iter()
        .any(|w| lower.contains(&format!("{w} {noun}")))
}

/// Whether the story names the noun in the plural anywhere.
fn plural(text: &str, noun: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let mut forms = vec![format!("{noun}s"), format!("{noun}es")];
    if let Some(stem) = noun.strip_suffix('y') {
        forms.push(format!("{stem}ies"));
    }
    forms.iter().any(|word| {
        lower.match_indices(word.as_str()).any(|(at, _)| {
            let bytes = lower.as_bytes();
            (at == 0 || !is_word_byte(bytes[at - 1]))
                && !bytes.get(at + word.len()).is_some_and(|&b| is_word_byte(b))
        })
    })
}

/// The events of a story to date: each noun named as "the NOUN" in two sentences (the
/// first and the last such mention), not in the plural.
fn targets(text: &str) -> Vec<(&'static str, usize, usize)> {
    NOUNS
        .iter()
        .filter(|&&noun| {
            group(noun)
                .iter()
                .all(|n| !plural(text, n) && !counted(text, n) && !dated(text, n))
        })
        .filter_map(|&noun| {
            let at = definite(text, noun);
            let (&first, &second) = (at.first()?, at.last()?);
            text[first..second]
                .contains(['.', '\n'])
                .then_some((noun, first, second))
        })
        .collect()
}

fn month_name(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m - 1) as usize]
}

fn weekday_name(d: NaiveDate) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][d.weekday().num_days_from_monday() as usize]
}

fn calendar(d: NaiveDate) -> String {
    format!("{} {}", month_name(d.month()), d.day())
}

/// The edit that dates the mention "the NOUN" at `at` with `day` in `style`: (start, end,
/// new text, the date's span within the new text).
fn date_mention(
    text: &str,
    at: usize,
    noun: &str,
    day: NaiveDate,
    style: Style,
    verb: &str,
) -> (usize, usize, String, Range<usize>) {
    let noun_end = at + 4 + noun.len();
    match style {
        Style::Weekday => {
            let name = format!("{}'s", weekday_name(day));
            let len = name.len();
            (at, at + 3, name, 0..len)
        }
        Style::Calendar => {
            let date = calendar(day);
            let len = date.len();
            (at + 4, at + 4, format!("{date} "), 0..len)
        }
        Style::Clause => {
            let closes = !text[noun_end..].starts_with([',', '.', ';', ':']);
            let clause = format!(
                ", which {verb} on {}{}",
                weekday_name(day),
                if closes { "," } else { "" }
            );
            let start = clause.find(" on ").unwrap() + 4;
            let end = start + weekday_name(day).len();
            (noun_end, noun_end, clause, start..end)
        }
        Style::Of => {
            let date = calendar(day);
            let len = date.len();
            (noun_end, noun_end, format!(" of {date}"), 4..4 + len)
        }
    }
}

/// Applies two edits; returns the text and where each date written landed.
fn apply(
    text: &str,
    edits: [(usize, usize, String, Range<usize>); 2],
) -> (String, Vec<Range<usize>>) {
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(text.len() + 64);
    let mut spans = Vec::new();
    let mut last = 0;
    for (start, end, new, within) in edits {
        out.push_str(&text[last..start]);
        let base = out.len();
        spans.push(base + within.start..base + within.end);
        out.push_str(&new);
        last = end;
    }
    out.push_str(&text[last..]);
    (out, spans)
}

fn findings(text: &str, config: &Config) -> Vec<Finding> {
    check(text, Format::Plain, config)
        .findings
        .into_iter()
        .filter(|f| f.code == Code::EventDateMismatch)
        .collect()
}

struct Report {
    stories: usize,
    words: usize,
    clean_findings: usize,
    score: Score,
}

fn measure(stories: &[Story]) -> Report {
    let verbose = std::env::var_os("COPYDESK_EVENTS_VERBOSE").is_some();
    let mut report = Report {
        stories: stories.len(),
        words: 0,
        clean_findings: 0,
        score: Score::default(),
    };
    let mut n = 0usize;
    for story in stories {
        let text = &story.text;
        report.words += text.split_whitespace().count();
        let clean = check(text, Format::Plain, &story.config);
        for f in clean
            .findings
            .iter()
            .filter(|f| f.code == Code::EventDateMismatch)
        {
            eprintln!("clean {}: {}", story.name, f.message);
            report.clean_findings += 1;
        }
        let Some(story_date) = story.date else {
            continue;
        };
        for (noun, first, second) in targets(text) {
            for (first_style, second_style) in FORMS {
                let back = 1 + (n % 3) as u64;
                let shift: i64 = [1, -1, 2, -2][n % 4];
                let verb = CLAUSE_VERBS[n % CLAUSE_VERBS.len()];
                n += 1;
                let day = story_date.checked_sub_days(Days::new(back)).unwrap();
                let other = if shift > 0 {
                    day.checked_add_days(Days::new(shift as u64))
                } else {
                    day.checked_sub_days(Days::new(shift.unsigned_abs()))
                }
                .unwrap();
                let with = |second_day| {
                    apply(
                        text,
                        [
                            date_mention(text, first, noun, day, first_style, verb),
                            date_mention(text, second, noun, second_day, second_style, verb),
                        ],
                    )
                };
                let (injected, spans) = with(other);
                let found = findings(&injected, &story.config);
                let hits = found
                    .iter()
                    .filter(|f| {
                        spans
                            .iter()
                            .any(|s| f.span.start < s.end && s.start < f.span.end)
                    })
                    .count();
                let s = &mut report.score;
                s.injected += 1;
                s.found += usize::from(hits > 0);
                s.true_findings += hits;
                s.false_findings += found.len() - hits;
                if verbose && hits == 0 {
                    let show = |r: &Range<usize>| {
                        let from = r.start.saturating_sub(60);
                        injected
                            .get(from..(r.end + 40).min(injected.len()))
                            .unwrap_or("")
                            .replace('\n', " ")
                    };
                    eprintln!(
                        "missed in {} ({first_style:?}, {second_style:?}, {noun}): …{}… / …{}…",
                        story.name,
                        show(&spans[0]),
                        show(&spans[1])
                    );
                }
                for f in found.iter().skip(hits) {
                    eprintln!("false in {}: {}", story.name, f.message);
                }
                let (same, _) = with(day);
                let found = findings(&same, &story.config);
                s.controls += 1;
                s.false_findings += found.len();
                for f in &found {
                    eprintln!("false on a control in {}: {}", story.name, f.message);
                }
            }
        }
    }
    report
}

fn print(what: &str, r: &Report) {
    let per_k = r.clean_findings as f64 * 1000.0 / r.words.max(1) as f64;
    let s = &r.score;
    println!(
        "{what}: {} stories, {} words; clean: {} findings ({per_k:.3} per 1,000 words)\n  \
         event-date-mismatch: {} injected, {} found (recall {:.3}); {} true and {} false \
         findings (precision {:.3}) with {} consistent controls",
        r.stories,
        r.words,
        r.clean_findings,
        s.injected,
        s.found,
        s.recall(),
        s.true_findings,
        s.false_findings,
        s.precision(),
        s.controls
    );
}

#[test]
fn injected_event_dates_in_real_stories() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut all = stories(&root.join("wikinews"));
    all.extend(stories(&root.join("real")));
    let report = measure(&all);
    print("tests/corpus", &report);
    let per_k = report.clean_findings as f64 * 1000.0 / report.words.max(1) as f64;
    assert!(per_k <= 0.1, "{per_k} findings per 1,000 clean words");
    let s = &report.score;
    assert!(s.injected >= 40, "only {} injections", s.injected);
    assert!(s.precision() >= 0.95, "precision {}", s.precision());
    assert!(s.recall() >= 0.9, "recall {}", s.recall());
}

#[test]
fn injected_event_dates_in_another_corpus() {
    let Some(dir) = std::env::var_os("COPYDESK_EVENTS_CORPUS") else {
        return;
    };
    let report = measure(&stories(Path::new(&dir)));
    print(&dir.to_string_lossy(), &report);
    let per_k = report.clean_findings as f64 * 1000.0 / report.words.max(1) as f64;
    assert!(per_k <= 0.1, "{per_k} findings per 1,000 clean words");
    assert!(
        report.score.precision() >= 0.95,
        "precision {}",
        report.score.precision()
    );
}
