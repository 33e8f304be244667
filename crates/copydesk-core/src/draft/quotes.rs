//! Quote spans. Marks are paired per paragraph with a stack, so quotes nest (‘humanitarian
//! pauses,’ inside a “…” quote). Curly marks say which way they face; straight marks and
//! `’` are read from their neighbours: a mark after a space, an opening bracket, a dash or
//! an opening mark opens, a mark after a letter or punctuation closes. Apostrophes are not
//! quotes: `don't`, `O'Brien`, `it’s`, `'til`, `'90s`, `rock 'n' roll`, `Jones'` when no
//! single quote is open, and `the workers’ union` inside a single quote that closes later.
//! A paragraph may end inside an open quote when the next paragraph opens with a quote mark
//! (news convention): that quote continues there.

use super::bytes::NextByte;
use super::{Balance, Paragraph, Quote, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Open(Family),
    Close(Family),
    /// A closing mark with nothing to close.
    Stray,
    /// An apostrophe, or a mark that does nothing here.
    Skip,
}

/// An open quote on the stack.
struct Open {
    index: usize,
    family: Family,
    mark: char,
}

/// Nesting deeper than this is not prose; openers beyond it stay unclosed, each running to
/// the next mark.
const MAX_DEPTH: usize = 32;

/// Words shortened with a leading apostrophe: `'til`, `'em`, `rock 'n' roll`.
const ELISIONS: &[&str] = &[
    "til", "tis", "twas", "twere", "em", "n", "cause", "cos", "bout", "neath", "nuff", "twixt",
];

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›'
    )
}

/// Quote spans in prose order, and closing marks that close nothing.
pub(super) fn find(prose: &str, paragraphs: &[Paragraph]) -> (Vec<Quote>, Vec<Span>) {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut stray = Vec::new();
    // The outermost quote left open by the previous paragraph.
    let mut carry: Option<(usize, Family)> = None;
    for (p, para) in paragraphs.iter().enumerate() {
        let carried = carry.take();
        let Some(text) = prose.get(para.span.clone()) else {
            continue;
        };
        let para_ref = ParagraphRef {
            text,
            base: para.span.start,
            index: p,
            first: quotes.len(),
        };
        let paired = pair(&para_ref, carried);
        if let (true, Some((from, _))) = (paired.continues_carry, carried) {
            quotes[from].balance = Balance::Continued;
        }
        quotes.extend(paired.quotes);
        stray.extend(paired.stray);
        let next_is_prose = paragraphs.get(p + 1).is_some_and(|n| !n.heading);
        if next_is_prose {
            carry = paired.root_open;
        }
    }
    (quotes, stray)
}

/// One paragraph's text and where its quotes go.
struct ParagraphRef<'a> {
    text: &'a str,
    /// Offset of `text` in the draft.
    base: usize,
    /// Index of the paragraph.
    index: usize,
    /// Index the paragraph's first quote will have in the draft.
    first: usize,
}

/// The quotes of one paragraph.
struct Paired {
    /// Parent and continuation indices are draft-wide.
    quotes: Vec<Quote>,
    stray: Vec<Span>,
    /// The first quote continues the one carried from the previous paragraph.
    continues_carry: bool,
    /// The outermost quote still open at the paragraph's end.
    root_open: Option<(usize, Family)>,
}

/// Whether the next single-quote mark in `after` sits where a quote closes (after a
/// non-space, before a non-letter). Scans only to that mark, so repeated calls stay linear.
fn next_single_closes(after: &str) -> bool {
    let bytes = after.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k] != b'\'' && bytes[k] != 0xE2 {
            k += 1;
            continue;
        }
        let Some(c) = after.get(k..).and_then(|r| r.chars().next()) else {
            return false;
        };
        if matches!(c, '’' | '\'' | '‘' | '‚' | '‹' | '›') {
            let prev = after[..k].chars().next_back();
            let next = after[k + c.len_utf8()..].chars().next();
            return prev.is_some_and(|p| !p.is_whitespace())
                && !next.is_some_and(char::is_alphanumeric);
        }
        k += c.len_utf8();
    }
    false
}

/// Pairs the marks of one paragraph.
fn pair(para: &ParagraphRef, carried: Option<(usize, Family)>) -> Paired {
    let ParagraphRef {
        text,
        base,
        index: p,
        first,
    } = *para;
    let mut out = Paired {
        quotes: Vec::new(),
        stray: Vec::new(),
        continues_carry: false,
        root_open: None,
    };
    let quotes = &mut out.quotes;
    let mut stack: Vec<Open> = Vec::new();
    // Whether the mark just before this one opened a quote (`“‘` vs `’”`).
    let mut last_open_end = usize::MAX;
    // Quote marks start with one of these bytes (ASCII, or the lead byte of U+00AB,
    // U+00BB and U+2018..U+203A); lead bytes never occur inside another char.
    let mut marks = NextByte::new(&[[b'"', b'\'', 0xE2], [0xC2; 3]]);
    // The quote opened past `MAX_DEPTH` most recently, while no mark has followed it.
    let mut too_deep: Option<usize> = None;
    let mut k = 0;
    while let Some(next) = marks.next(text.as_bytes(), k) {
        k = next;
        let Some(c) = text.get(k..).and_then(|r| r.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        if !is_quote_mark(c) {
            k += len;
            continue;
        }
        let at = base + k;
        let mark = at..at + len;
        let context = Context {
            prev: text[..k].chars().next_back(),
            prev_opened: last_open_end == k,
            next: text[k + len..].chars().next(),
            after: &text[k + len..],
        };
        let action = classify(c, &context, &stack);
        if matches!(action, Action::Open(_)) {
            last_open_end = k + len;
        }
        if action != Action::Skip {
            // A quote opened too deep ends at the next mark: left to run to the paragraph's
            // end, as many of them as the paragraph has marks would overlap, and reading
            // each one's text would take time quadratic in their number.
            if let Some(q) = too_deep.take().and_then(|i| quotes.get_mut(i)) {
                end_open(q, at);
            }
        }
        k += len;
        match action {
            Action::Open(family) => {
                let index = first + quotes.len();
                let continues = match carried {
                    Some((from, f)) if at == base && f == family => {
                        out.continues_carry = true;
                        Some(from)
                    }
                    _ => None,
                };
                quotes.push(Quote {
                    span: mark.clone(),
                    inner: mark.end..mark.end,
                    open_mark: mark,
                    close_mark: None,
                    paragraph: p,
                    depth: u8::try_from(stack.len()).unwrap_or(u8::MAX),
                    parent: stack.last().map(|o| o.index),
                    balance: Balance::Unclosed,
                    continues,
                });
                if stack.len() < MAX_DEPTH {
                    stack.push(Open {
                        index,
                        family,
                        mark: c,
                    });
                } else if let Some(q) = quotes.last_mut() {
                    // Deeper than any real text nests: left open, so every lookup
                    // in the stack stays short.
                    end_open(q, base + text.len());
                    too_deep = Some(quotes.len() - 1);
                }
            }
            Action::Close(family) => {
                let Some(j) = stack.iter().rposition(|o| o.family == family) else {
                    out.stray.push(mark);
                    continue;
                };
                // Quotes opened inside and never closed end where their parent does.
                for open in stack.drain(j + 1..) {
                    end_open(&mut quotes[open.index - first], at);
                }
                if let Some(open) = stack.pop() {
                    let q = &mut quotes[open.index - first];
                    q.span = q.open_mark.start..mark.end;
                    q.inner = q.open_mark.end..at;
                    q.close_mark = Some(mark);
                    q.balance = Balance::Closed;
                }
            }
            Action::Stray => out.stray.push(mark),
            Action::Skip => {}
        }
    }
    let end = base + text.len();
    for open in &stack {
        end_open(&mut quotes[open.index - first], end);
    }
    out.root_open = stack.first().map(|root| (root.index, root.family));
    out
}

/// What surrounds a quote mark.
struct Context<'a> {
    prev: Option<char>,
    /// The previous char is a quote mark that opened a quote.
    prev_opened: bool,
    next: Option<char>,
    /// The text after the mark.
    after: &'a str,
}

/// An open quote that runs to `end` (the end of its paragraph or its parent's closing mark).
fn end_open(q: &mut Quote, end: usize) {
    q.span = q.open_mark.start..end.max(q.open_mark.end);
    q.inner = q.open_mark.end..end.max(q.open_mark.end);
    q.balance = Balance::Unclosed;
}

fn classify(c: char, context: &Context, stack: &[Open]) -> Action {
    let Context {
        prev,
        prev_opened,
        next,
        after,
    } = *context;
    use Action::*;
    use Family::*;
    let opening_pos = match prev {
        None => true,
        Some(p) if is_quote_mark(p) => prev_opened,
        Some(p) => {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '¿' | '¡')
        }
    };
    let prev_alnum = prev.is_some_and(char::is_alphanumeric);
    let next_alnum = next.is_some_and(char::is_alphanumeric);
    let next_space = next.is_none_or(char::is_whitespace);
    let has = |f: Family| stack.iter().any(|o| o.family == f);
    let innermost = |f: Family| stack.iter().rev().find(|o| o.family == f).map(|o| o.mark);
    let elided = next.is_some_and(|n| n.is_ascii_digit()) || is_elision(after);
    match c {
        '„' | '«' => Open(Double),
        '‚' | '‹' => Open(Single),
        '»' => {
            if has(Double) {
                Close(Double)
            } else {
                Stray
            }
        }
        '›' => {
            if has(Single) {
                Close(Single)
            } else {
                Stray
            }
        }
        '“' => {
            // The closing mark of German „…“, or a sloppy closing “.
            if has(Double) && (innermost(Double) == Some('„') || !opening_pos) {
                Close(Double)
            } else {
                Open(Double)
            }
        }
        '”' => {
            if has(Double) {
                Close(Double)
            } else if opening_pos && next_alnum {
                // Swedish ”…”, or a mark typed the wrong way round.
                Open(Double)
            } else {
                Stray
            }
        }
        '"' => {
            if opening_pos {
                if !next_space {
                    Open(Double)
                } else if has(Double) {
                    Close(Double)
                } else {
                    Stray
                }
            } else if has(Double) {
                Close(Double)
            } else if next_alnum {
                Open(Double)
            } else if prev.is_some_and(|p| p.is_ascii_digit()) {
                // An inch mark: `5' 10"`.
                Skip
            } else if matches!(prev, Some(',' | ':')) && next_space && closed_later(after) {
                // `Wilkins said," [Warhol] liked …".`: an opening mark typed before its
                // space instead of after it, closed later in the paragraph.
                Open(Double)
            } else {
                Stray
            }
        }
        '‘' => {
            if has(Single) && innermost(Single) == Some('‚') && !opening_pos {
                Close(Single)
            } else if prev_alnum && next_alnum {
                Skip
            } else if opening_pos {
                if next_space || elided {
                    Skip
                } else {
                    Open(Single)
                }
            } else if has(Single) {
                Close(Single)
            } else {
                Skip
            }
        }
        '’' | '\'' => {
            if prev_alnum && next_alnum {
                Skip
            } else if opening_pos {
                if next_space {
                    if has(Single) {
                        Close(Single)
                    } else {
                        Skip
                    }
                } else if elided {
                    Skip
                } else {
                    Open(Single)
                }
            } else if next_alnum {
                // Only a mark followed by a non-letter closes a single quote.
                Skip
            } else if matches!(prev, Some('s' | 'S'))
                && next_space
                && after.trim_start().starts_with(char::is_alphanumeric)
                && has(Single)
                && next_single_closes(after)
            {
                // `the workers’ union`, inside a single quote that closes later: the
                // next single mark closes, so this one is a plural possessive.
                Skip
            } else if has(Single) {
                Close(Single)
            } else if prev_alnum {
                // `Jones'`, `militants’`, `goin'`.
                Skip
            } else {
                Stray
            }
        }
        _ => Skip,
    }
}

/// How far after a misplaced opening mark its closing mark is looked for, so that a
/// paragraph of many such marks is still read in linear time.
const CLOSED_WITHIN: usize = 2_000;

/// Text after a straight double mark that opens a quotation and closes it: words (or a
/// bracketed insertion) after the space, and another straight double mark soon after.
fn closed_later(after: &str) -> bool {
    let rest = after.trim_start();
    rest.starts_with(|c: char| c.is_alphanumeric() || c == '[')
        && memchr::memchr(b'"', &rest.as_bytes()[..rest.len().min(CLOSED_WITHIN)]).is_some()
}

/// The word after a leading apostrophe is a known elision (`'til`, `'em`, `'n'`).
fn is_elision(after: &str) -> bool {
    let end = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let word = &after[..end];
    word.len() <= 5 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::super::{Draft, Format};
    use super::*;

    /// (text of span, depth, balance)
    fn quotes(text: &str) -> Vec<(String, u8, Balance)> {
        let d = Draft::parse(text, Format::Markdown);
        d.quotes
            .iter()
            .map(|q| (text[q.span.clone()].to_string(), q.depth, q.balance))
            .collect()
    }

    fn q(s: &str, depth: u8, b: Balance) -> (String, u8, Balance) {
        (s.to_string(), depth, b)
    }

    #[test]
    fn straight_double_quotes_pair() {
        assert_eq!(
            quotes("\"We listened to residents, and we found the money,\" Vasquez said. \"Nobody got everything.\""),
            vec![
                q("\"We listened to residents, and we found the money,\"", 0, Balance::Closed),
                q("\"Nobody got everything.\"", 0, Balance::Closed)
            ]
        );
    }

    #[test]
    fn nested_single_inside_double_with_curly_apostrophes() {
        let text = "\"We are still ready to assist the deliveries and stand for the introduction of ‘humanitarian pauses,’\" he said. \"We’re ready.\"";
        let d = Draft::parse(text, Format::Plain);
        // Plain: the only line is the headline, still a paragraph.
        assert_eq!(d.quotes.len(), 3);
        assert_eq!(&text[d.quotes[1].span.clone()], "‘humanitarian pauses,’");
        assert_eq!(d.quotes[1].depth, 1);
        assert_eq!(d.quotes[1].parent, Some(0));
        assert_eq!(&text[d.quotes[1].inner.clone()], "humanitarian pauses,");
        assert!(d.quotes.iter().all(|q| q.balance == Balance::Closed));
        assert_eq!(&text[d.quotes[2].span.clone()], "\"We’re ready.\"");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let text = "Armed militants’ pullout from Syria’s east. Declan O'Brien's clients don't know. \
                    It’s open 'til noon since the '90s, rock 'n' roll, at Jones' place, goin' home.";
        let d = Draft::parse(text, Format::Markdown);
        assert!(d.quotes.is_empty(), "{:?}", d.quotes);
        assert!(d.stray_closers.is_empty());
    }

    #[test]
    fn british_single_quotes_with_a_plural_possessive() {
        assert_eq!(
            quotes("‘The workers’ union is strong,’ she said. ‘Go to the shops’ he said, ‘now.’"),
            vec![
                q("‘The workers’ union is strong,’", 0, Balance::Closed),
                q("‘Go to the shops’", 0, Balance::Closed),
                q("‘now.’", 0, Balance::Closed)
            ]
        );
        assert_eq!(
            quotes("\"The so-called 'experts' say the 'workers' wives' union' is weak.\""),
            vec![
                q(
                    "\"The so-called 'experts' say the 'workers' wives' union' is weak.\"",
                    0,
                    Balance::Closed
                ),
                q("'experts'", 1, Balance::Closed),
                q("'workers' wives' union'", 1, Balance::Closed)
            ]
        );
        let d = Draft::parse("He is 5' 10\" tall.", Format::Markdown);
        assert!(d.quotes.is_empty() && d.stray_closers.is_empty());
    }

    #[test]
    fn scare_quotes_in_straight_singles_inside_double() {
        assert_eq!(
            quotes("\"The so-called 'managed retreat' is just a nicer word for surrender,\" said another."),
            vec![
                q("\"The so-called 'managed retreat' is just a nicer word for surrender,\"", 0, Balance::Closed),
                q("'managed retreat'", 1, Balance::Closed)
            ]
        );
    }

    #[test]
    fn single_quoted_headline_with_colon() {
        assert_eq!(
            quotes("'We were flying blind': rural clinics test monitors"),
            vec![q("'We were flying blind'", 0, Balance::Closed)]
        );
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let text = "\"We were flying blind before,\" said Dr. Amara Nwosu. \"Now we see a problem days before.\n\n\"The wristband doesn't replace a nurse.\"\n\nNext.";
        let d = Draft::parse(text, Format::Markdown);
        assert_eq!(d.quotes.len(), 3);
        assert_eq!(d.quotes[1].balance, Balance::Continued);
        assert_eq!(
            &text[d.quotes[1].span.clone()],
            "\"Now we see a problem days before."
        );
        assert_eq!(d.quotes[2].continues, Some(1));
        assert_eq!(d.quotes[2].balance, Balance::Closed);
        assert!(d.quotes[0].continues.is_none());
    }

    #[test]
    fn open_quote_without_continuation_is_unclosed() {
        let text = "\"I feel safer,\" said Margaret Cardinal. \"My daughter calls me less now.\n\nDr. Nwosou said a trial would begin.";
        let d = Draft::parse(text, Format::Markdown);
        assert_eq!(d.quotes[1].balance, Balance::Unclosed);
        assert_eq!(
            &text[d.quotes[1].span.clone()],
            "\"My daughter calls me less now."
        );
        assert_eq!(
            &text[d.quotes[1].inner.clone()],
            "My daughter calls me less now."
        );
        assert_eq!(d.quotes[1].close_mark, None);
    }

    #[test]
    fn heading_breaks_a_continuation() {
        let d = Draft::parse("\"Open quote.\n\n# \"Heading\"", Format::Markdown);
        assert_eq!(d.quotes[0].balance, Balance::Unclosed);
        assert_eq!(d.quotes[1].continues, None);
    }

    #[test]
    fn an_opening_mark_before_its_space_opens() {
        assert_eq!(
            quotes("Wilkins said,\" [Warhol] liked the booths\". She left."),
            [q("\" [Warhol] liked the booths\"", 0, Balance::Closed)]
        );
        // Nothing closes it: a stray mark, as before.
        assert_eq!(quotes("He said,\" and left.").len(), 0);
    }

    #[test]
    fn stray_closers_are_reported() {
        let text = "He said it was over.” Then, ” and again,\" she said.";
        let d = Draft::parse(text, Format::Markdown);
        assert!(d.quotes.is_empty());
        let strays: Vec<_> = d.stray_closers.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(strays, vec!["”", "”", "\""]);
    }

    #[test]
    fn german_guillemets_and_low_marks() {
        assert_eq!(
            quotes("Er sagte: „Das ist ‚gut‘ so“ und «très bien» — ‹ja›."),
            vec![
                q("„Das ist ‚gut‘ so“", 0, Balance::Closed),
                q("‚gut‘", 1, Balance::Closed),
                q("«très bien»", 0, Balance::Closed),
                q("‹ja›", 0, Balance::Closed),
            ]
        );
    }

    #[test]
    fn nested_straight_doubles_and_unclosed_inner() {
        assert_eq!(
            quotes("\"He called it 'crazy,\" she said."),
            vec![
                q("\"He called it 'crazy,\"", 0, Balance::Closed),
                q("'crazy,", 1, Balance::Unclosed)
            ]
        );
        assert_eq!(
            quotes("\"It says \"stop\" here\", he said."),
            vec![
                q("\"It says \"stop\" here\"", 0, Balance::Closed),
                q("\"stop\"", 1, Balance::Closed)
            ]
        );
    }

    #[test]
    fn quote_after_colon_and_in_brackets() {
        assert_eq!(
            quotes("The sheriff urged residents: \"If you don't have to drive, don't.\" (\"Stay home.\")"),
            vec![
                q("\"If you don't have to drive, don't.\"", 0, Balance::Closed),
                q("\"Stay home.\"", 0, Balance::Closed)
            ]
        );
    }

    #[test]
    fn quotes_inside_code_are_ignored() {
        let d = Draft::parse(
            "Text.\n\n```\n\"not prose\n```\n\nSay `\"x` now.",
            Format::Markdown,
        );
        assert!(d.quotes.is_empty() && d.stray_closers.is_empty());
    }

    #[test]
    fn only_marks_never_panic_and_stay_sorted() {
        for text in [
            "\"",
            "'",
            "“”“”‘’",
            "\"\"\"\"",
            "'''",
            "„‚“‘«»‹›",
            "” ’ » ›",
            "\"\n\n\"\n\n\"",
            "'a '\n\n'b",
        ] {
            let d = Draft::parse(text, Format::Markdown);
            for w in d.quotes.windows(2) {
                assert!(w[0].span.start < w[1].span.start);
            }
            for q in &d.quotes {
                assert!(q.span.start <= q.inner.start && q.inner.end <= q.span.end);
            }
        }
    }

    #[test]
    fn quotes_opened_too_deep_run_to_the_next_mark() {
        let text = "\u{201c}w ".repeat(MAX_DEPTH + 3);
        let d = Draft::parse(&text, Format::Markdown);
        assert_eq!(d.quotes.len(), MAX_DEPTH + 3);
        let deep = &d.quotes[MAX_DEPTH..];
        for (q, next) in deep.iter().zip(&deep[1..]) {
            assert_eq!(q.span.end, next.span.start, "{:?}", q);
            assert_eq!(&text[q.inner.clone()], "w ");
        }
        assert_eq!(deep.last().map(|q| q.span.end), Some(text.trim_end().len()));
        // The quotes within the limit still run to the paragraph's end.
        assert_eq!(d.quotes[0].span.end, text.trim_end().len());
    }
}
