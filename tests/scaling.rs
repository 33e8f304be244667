//! The analysis and the checks take time linear (or nearly) in the length of any input,
//! however odd: each pathological draft below is checked at two sizes, `n` and `2n`, and
//! the larger may take at most three times as long. Times are compared within one run
//! (the fastest of five runs at each size, the sizes alternating), never with a fixed
//! budget, so a slow or busy machine does not fail the test; a quadratic path doubles its
//! ratio to four and more.

use copydesk::config::Config;
use copydesk::Format;
use std::time::{Duration, Instant};

/// How much longer the doubled input may take.
const MAX_RATIO: f64 = 3.0;

/// A small deterministic generator, so that every run checks the same drafts.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

const GIVEN: &[&str] = &[
    "Anna", "Boris", "Carlos", "Diana", "Elena", "Felix", "Gloria", "Hassan", "Ivan", "Julia",
    "Karl", "Laura", "Mikhail", "Nadia", "Oscar", "Priya",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "ve", "to", "shi", "na", "de", "gru", "bor", "ste", "vin", "pel",
    "zar", "an", "el", "kh", "ou",
];
const ENDINGS: &[&str] = &["ov", "ev", "ko", "sky", "ski", "in", "i", "y", ""];

fn surname(r: &mut Lcg) -> String {
    let mut s = String::new();
    for _ in 0..2 + r.next(3) {
        s.push_str(SYLLABLES[r.next(SYLLABLES.len())]);
    }
    s.push_str(ENDINGS[r.next(ENDINGS.len())]);
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A pathological draft: its name, and the draft of `n` units.
type Case = (&'static str, fn(usize) -> String);

fn drafts() -> Vec<Case> {
    vec![
        ("unclosed quotes in one paragraph", |n| "“word ".repeat(n)),
        ("opening marks without spaces", |n| "“".repeat(n) + "x"),
        ("nested quotes", |n| "“‘".repeat(n) + "x" + &"’”".repeat(n)),
        ("closed quotes in one paragraph", |n| {
            "“Word,” said Smith. ".repeat(n)
        }),
        ("people in one paragraph", |n| {
            let mut r = Lcg(7);
            (0..n)
                .map(|_| format!("{} {}, ", GIVEN[r.next(GIVEN.len())], surname(&mut r)))
                .collect()
        }),
        ("people who speak, in one paragraph", |n| {
            let mut r = Lcg(11);
            (0..n)
                .map(|_| format!("{} {} said. ", GIVEN[r.next(GIVEN.len())], surname(&mut r)))
                .collect()
        }),
        ("figures in one sentence", |n| {
            (0..n)
                .map(|i| format!("{} percent of {} people, ", i % 97, i))
                .collect()
        }),
        ("money in one sentence", |n| {
            (0..n).map(|i| format!("${i} million ")).collect()
        }),
        ("dates in one sentence", |n| {
            (0..n)
                .map(|i| format!("on Monday, March {}, 2016 and last Tuesday ", i % 28 + 1))
                .collect()
        }),
        ("quotes with figures", |n| {
            (0..n).map(|i| format!("“{i} ")).collect()
        }),
        ("paragraphs of quotes", |n| {
            let mut r = Lcg(13);
            (0..n)
                .map(|_| {
                    format!(
                        "“We will win,” {} {} said.\n\n",
                        GIVEN[r.next(GIVEN.len())],
                        surname(&mut r)
                    )
                })
                .collect()
        }),
        // Every headline quote is compared with the body's quotes: "ap" and "aq" share
        // their word bits with the body quote's words, so only the words tell them apart.
        ("headline quotes over body quotes", |n| {
            let body: Vec<String> = (0..40).map(|k| format!("w{k}")).collect();
            format!("# “w1 w2 ap aq”\n\n“{},” Smith said.\n\n", body.join(" ")).repeat(n)
        }),
        ("one line of sentences without spaces", |n| {
            "Word.Word".repeat(n)
        }),
        ("one word", |n| "a".repeat(n * 10)),
    ]
}

/// How many times each size is checked; the fastest counts.
const RUNS: usize = 5;

/// The fastest check of `small` and of `large`, run alternately, so that a burst of load
/// on a busy machine slows both sizes rather than one.
fn best_of_alternate_runs(small: &str, large: &str, config: &Config) -> (Duration, Duration) {
    let time = |text: &str| {
        let start = Instant::now();
        let checked = copydesk::check(text, Format::Markdown, config);
        let elapsed = start.elapsed();
        std::hint::black_box(checked);
        elapsed
    };
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        best.0 = best.0.min(time(small));
        best.1 = best.1.min(time(large));
    }
    best
}

#[test]
fn doubling_an_input_at_most_triples_the_time() {
    let config = Config::default();
    // Word lists, gazetteer and patterns are built on first use: not part of any size.
    copydesk::check("Warm up, said Smith.", Format::Markdown, &config);
    let n = 1000;
    let mut failures = Vec::new();
    for (name, make) in drafts() {
        let (small, large) = (make(n), make(2 * n));
        let mut ratio = 0.0;
        // A busy machine can slow one size down: a ratio over the bound is measured again
        // before it counts.
        for _ in 0..3 {
            let (a, b) = best_of_alternate_runs(&small, &large, &config);
            ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
            eprintln!("{name}: {a:?} at n = {n}, {b:?} at 2n, ratio {ratio:.2}");
            if ratio <= MAX_RATIO {
                break;
            }
        }
        if ratio > MAX_RATIO {
            failures.push(format!("{name}: ratio {ratio:.2}"));
        }
    }
    assert!(
        failures.is_empty(),
        "time grew faster than the input: {failures:?}"
    );
}
