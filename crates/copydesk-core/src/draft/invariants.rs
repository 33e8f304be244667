//! Properties every parse keeps, whatever the input: the prose is as long as the text and
//! keeps the text's own characters in place; every span lies on char boundaries within the
//! text; paragraphs and sentences are ordered and nested; quotes are sorted, inside their
//! paragraph, with consistent parents.

use super::{Balance, Draft, Format, Span};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn check_span(d: &Draft, s: &Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= d.text.len(),
        "{what} {s:?} out of text"
    );
    assert!(
        d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end),
        "{what} {s:?} splits a char"
    );
}

pub(super) fn check(text: &str, format: Format) -> Draft {
    let d = Draft::parse(text, format);
    assert_eq!(d.prose.len(), text.len());
    for (i, c) in d.prose.char_indices().filter(|&(_, c)| c != ' ') {
        assert!(
            text.is_char_boundary(i) && text[i..].starts_with(c),
            "prose char {c:?} at {i}"
        );
    }
    let mut last_end = 0;
    for (pi, p) in d.paragraphs.iter().enumerate() {
        check_span(&d, &p.span, "paragraph");
        assert!(p.span.start >= last_end && p.span.start < p.span.end);
        last_end = p.span.end;
        for si in p.sentences.clone() {
            let s = &d.sentences[si];
            check_span(&d, &s.span, "sentence");
            assert_eq!(s.paragraph, pi);
            assert!(
                p.span.start <= s.span.start
                    && s.span.end <= p.span.end
                    && s.span.start < s.span.end
            );
        }
    }
    let covered: usize = d.paragraphs.iter().map(|p| p.sentences.len()).sum();
    assert_eq!(covered, d.sentences.len());
    for w in d.sentences.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for (qi, q) in d.quotes.iter().enumerate() {
        for s in [&q.span, &q.inner, &q.open_mark] {
            check_span(&d, s, "quote");
        }
        if let Some(c) = &q.close_mark {
            check_span(&d, c, "close mark");
            assert_eq!(q.balance, Balance::Closed);
        }
        let p = &d.paragraphs[q.paragraph];
        assert!(p.span.start <= q.span.start && q.span.end <= p.span.end);
        assert!(q.span.start == q.open_mark.start && q.open_mark.end == q.inner.start);
        assert!(q.inner.end <= q.span.end);
        if let Some(parent) = q.parent {
            assert!(parent < qi && d.quotes[parent].depth + 1 == q.depth);
        } else {
            assert_eq!(q.depth, 0);
        }
        if let Some(from) = q.continues {
            assert!(from < qi && d.quotes[from].balance == Balance::Continued);
            assert_eq!(d.quotes[from].paragraph + 1, q.paragraph);
        }
    }
    for w in d.quotes.windows(2) {
        assert!(w[0].span.start < w[1].span.start, "quotes out of order");
    }
    for s in &d.stray_closers {
        check_span(&d, s, "stray closer");
    }
    if let Some(dl) = &d.dateline {
        check_span(&d, &dl.span, "dateline");
        check_span(&d, &dl.place_span, "place");
    }
    d
}

const PIECES: &[&str] = &[
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    ".",
    "!",
    "?",
    "...",
    "…",
    "Mr.",
    "U.S.",
    "K.",
    "3.5",
    "word",
    "Word",
    "MOSCOW, October 13. /TASS/.",
    "KYIV —",
    "# ",
    "**",
    "*",
    "_",
    "`",
    "```",
    "~~~",
    "    ",
    "> ",
    "- ",
    "1. ",
    "[",
    "](",
    ")",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "http://x.y/z",
    "---",
    "+++",
    "date: 2020-01-01",
    "Київ",
    "مرحبا",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{feff}",
    "\t",
    "|",
    "\\",
    "a@b.co",
    "'til",
    "don't",
    "Jones'",
];

fn random_draft(rng: &mut StdRng) -> String {
    let n = rng.gen_range(0..60);
    (0..n)
        .map(|_| PIECES[rng.gen_range(0..PIECES.len())])
        .collect()
}

#[test]
fn random_drafts_keep_every_invariant() {
    let mut rng = StdRng::seed_from_u64(0xC0FFEE);
    for _ in 0..4000 {
        let text = random_draft(&mut rng);
        check(&text, Format::Markdown);
        check(&text, Format::Plain);
    }
}

#[test]
fn random_chars_keep_every_invariant() {
    let mut rng = StdRng::seed_from_u64(7);
    for _ in 0..2000 {
        let n = rng.gen_range(0..80);
        let text: String = (0..n)
            .map(|_| match rng.gen_range(0..4) {
                0 => rng.gen_range(' '..='~'),
                1 => ['\n', '“', '”', '’', '—', '.', '"', '\''][rng.gen_range(0..8)],
                _ => rng.gen::<char>(),
            })
            .collect();
        check(&text, Format::Markdown);
        check(&text, Format::Plain);
    }
}

#[test]
fn a_megabyte_of_random_bytes() {
    let mut rng = StdRng::seed_from_u64(42);
    let bytes: Vec<u8> = (0..1 << 20).map(|_| rng.gen()).collect();
    let text = String::from_utf8_lossy(&bytes);
    check(&text, Format::Markdown);
    check(&text, Format::Plain);
}

#[test]
fn edge_cases() {
    for text in [
        "",
        "\n",
        "\r\n\r\n",
        "---",
        "---\n---",
        "+++\n+++\n",
        "\u{feff}",
        "#",
        "```",
        "`",
        "[",
        "](",
        "<",
        "<a",
        "*",
        "\\",
        "\"\"\"",
        "'",
        "’",
        "MOSCOW",
        "MOSCOW,",
        "MOSCOW, October",
        "MOSCOW, October 99 —",
        "A. B. C. D.",
        "...",
        "…",
        "e\u{301}\u{301}\u{301}",
    ] {
        check(text, Format::Markdown);
        check(text, Format::Plain);
    }
}

#[test]
fn quotes_in_finds_the_quotes_of_a_sentence() {
    let d = check(
        "\"One,\" he said. \"Two.\" And \"three.\"\n\nNone here.",
        Format::Markdown,
    );
    assert_eq!(d.quotes_in(&d.sentences[0].span), 0..1);
    assert_eq!(d.quotes_in(&d.sentences[1].span), 1..2);
    assert_eq!(d.quotes_in(&d.sentences[2].span), 2..3);
    assert_eq!(d.quotes_in(&d.paragraphs[1].span), 3..3);
}

/// A long Markdown draft with every construction the parser handles, `words` words long.
fn long_draft(words: usize) -> String {
    let block = "## A section about the \"budget\" vote\n\n\
        RIVERTON, March 6 — The council approved a $48.2 million budget, Mayor Elena Vasquez said. \
        \"We listened to residents, and we found the money,\" she said. \"Nobody got 'everything' they wanted.\n\n\
        \"It's a fair deal for the U.S. and for Dr. Smith's clinic at 10 a.m. on Jan. 21,\" said Samuel K. Whitfield Jr. \
        Read [the report](https://example.com/report?id=3) or `code \"here\"` and **bold** text.\n\n\
        - A list item with militants’ pullout and 'til dawn\n- Another one with O'Brien's \"quote.\"\n\n\
        ```\nlet x = \"not prose\";\n```\n\n";
    let per_block = block.split_whitespace().count();
    block.repeat(words / per_block + 1)
}

#[test]
fn a_hundred_thousand_words_parse_in_linear_time() {
    let text = long_draft(100_000);
    let start = std::time::Instant::now();
    let d = Draft::parse(&text, Format::Markdown);
    let elapsed = start.elapsed();
    assert!(
        d.quotes.len() > 5_000 && d.sentences.len() > 5_000,
        "{} {}",
        d.quotes.len(),
        d.sentences.len()
    );
    // The bound is generous for an unoptimized build on a loaded machine (the release
    // build's time is in docs/performance.md); a quadratic pass would take minutes.
    assert!(elapsed.as_secs() < 5, "parse took {elapsed:?}");
    println!("100k words: {elapsed:?}");
}

/// Inputs built to make a careless scanner quadratic: every pass must stay linear.
#[test]
fn adversarial_repetitions_stay_linear() {
    let patterns = [
        "![",
        "[](",
        "[",
        "](",
        "<!--",
        "<?",
        "<!a",
        "<",
        "<a x=\"",
        "`",
        "``",
        "*",
        "_a",
        "\"",
        "“",
        "‘“",
        "'a",
        "a'",
        "„‚",
        "«",
        "http://",
        "a@",
        "]](",
        "((((",
        "....",
        "Mr. ",
        "U.S. ",
        "MOSCOW ",
        "{{",
        "{%",
        "\\",
        "&",
        "# ",
        "> ",
        "- ",
        "    ",
        "\n",
        "\r\n",
        "’",
        "'til ",
        "‘s’ a",
        "s' a",
        "…",
    ];
    for pattern in patterns {
        let text = pattern.repeat(100_000 / pattern.len());
        for format in [Format::Markdown, Format::Plain] {
            let start = std::time::Instant::now();
            check(&text, format);
            let elapsed = start.elapsed();
            // Generous for a loaded machine; a quadratic pass would take minutes.
            assert!(elapsed.as_secs() < 10, "{pattern:?} took {elapsed:?}");
        }
    }
}

#[test]
fn quote_at_finds_the_innermost_quote() {
    let text = "\"Stand for ‘humanitarian pauses,’ now,\" he said. \"Yes.\"";
    let d = check(text, Format::Markdown);
    let inner = text.find("pauses").unwrap();
    assert_eq!(d.quote_at(inner), Some(1));
    assert_eq!(d.quote_at(text.find("now").unwrap()), Some(0));
    assert_eq!(d.quote_at(text.find("he said").unwrap()), None);
    assert_eq!(d.quote_at(text.find("Yes").unwrap()), Some(2));
    assert_eq!(d.quote_at(text.len()), None);
}
