//! Sentences: a paragraph splits after `.`, `!` or `?` (with any closing quote marks and
//! brackets right after) followed by white space, unless the period belongs to an
//! abbreviation (`Mr.`, `Oct. 31`, `U.S. Attorney`), an initial (`Samuel K. Whitfield`), an
//! ellipsis, or the next word starts lower-case after a period that could be an
//! abbreviation. A sentence never crosses a paragraph, nor splits a dateline.

use super::bytes::NextByte;
use super::{Paragraph, Sentence, Span};
use std::ops::Range;

/// Titles and words that always precede a name or number: never the end of a sentence.
const BEFORE_NAME: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col",
    "Capt", "Sgt", "Cpl", "Pvt", "Maj", "Adm", "Cmdr", "Brig", "Rev", "Hon", "Msgr", "Fr", "St",
    "Ste", "Mt", "Ft", "Supt", "Det", "Insp", "Atty", "Pres", "Gens", "Messrs", "Mme", "Mlle",
    "vs", "v", "cf", "viz", "approx",
];

/// Suffixes that end a name or company: a sentence ends there only when a word that
/// usually starts a sentence follows (`Acme Inc. The company`, not `King Jr. Day`).
const AFTER_NAME: &[&str] = &["Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "LLC", "Esq"];

/// Abbreviations followed by a number.
const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "no", "Vol", "vol", "Art", "Fig", "fig", "Sec", "Ch", "p", "pp", "Op",
];

/// AP month abbreviations (and the usual others).
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Words that, after an initialism such as `U.S.`, start a new sentence rather than
/// continue a name (`U.S. Attorney`, `U.S. officials`).
const STARTERS: &[&str] = &[
    "A",
    "An",
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "Since",
    "Until",
    "Although",
    "Though",
    "Still",
    "Now",
    "Then",
    "However",
    "Meanwhile",
    "Officials",
    "Police",
    "No",
    "Not",
    "Some",
    "Many",
    "Most",
    "One",
    "Two",
    "Three",
];

/// Words after `a.m.`/`p.m.` that continue the sentence, besides the months' names.
const AFTER_TIME: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "MT",
    "PT",
    "PST",
    "PDT",
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Speech verbs that, a few words after a closing quote, attach the speaker to the quote.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "replied",
    "replies",
    "shouted",
    "shouts",
    "yelled",
    "cried",
    "answered",
    "recalled",
    "insisted",
    "wondered",
    "exclaimed",
    "demanded",
    "pleaded",
    "quipped",
    "whispered",
];

/// A speech verb within the next few words (`Hale asked`, `Mayor Elena Vasquez said`),
/// before any sentence end.
fn attribution_follows(rest: &str) -> bool {
    for word in rest.split_whitespace().take(5) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if SPEECH_VERBS.contains(&bare) {
            return true;
        }
        let abbreviation = BEFORE_NAME.contains(&word.trim_end_matches('.'));
        if word.ends_with(['.', '!', '?']) && !abbreviation || word.ends_with([',', ';', ':']) {
            return false;
        }
    }
    false
}

const TERMINATORS: [char; 4] = ['.', '!', '?', '…'];

/// Closing marks that stay with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '“' | '‘' | '*' | '_'
    )
}

/// Marks that may precede the first letter of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '-'
            | '*'
            | '_'
    )
}

/// Splits every paragraph into sentences and records each paragraph's range of them.
/// No split happens inside `keep_whole` (the dateline).
pub(super) fn split(
    prose: &str,
    paragraphs: &[Paragraph],
    keep_whole: Option<&Span>,
) -> (Vec<Sentence>, Vec<Range<usize>>) {
    let mut out = Vec::new();
    let mut ranges = Vec::with_capacity(paragraphs.len());
    for (index, para) in paragraphs.iter().enumerate() {
        let first = out.len();
        split_paragraph(prose, para.span.clone(), index, keep_whole, &mut out);
        ranges.push(first..out.len());
    }
    (out, ranges)
}

fn split_paragraph(
    prose: &str,
    span: Span,
    paragraph: usize,
    keep_whole: Option<&Span>,
    out: &mut Vec<Sentence>,
) {
    let Some(text) = prose.get(span.clone()) else {
        return;
    };
    let base = span.start;
    let push = |from: usize, to: usize, out: &mut Vec<Sentence>| {
        if let Some(s) = text.get(from..to) {
            let start = from + (s.len() - s.trim_start().len());
            let end = from + s.trim_end().len();
            if start < end {
                out.push(Sentence {
                    span: base + start..base + end,
                    paragraph,
                });
            }
        }
    };
    let mut start = 0;
    let mut i = 0;
    // Terminators are `.`, `!`, `?`, or start with one of these lead bytes (`…`, `。`,
    // `！`, `？`); lead bytes never occur inside another char.
    let mut terminators = NextByte::new(&[[b'.', b'!', b'?'], [0xE2, 0xE3, 0xEF]]);
    while let Some(next) = terminators.next(text.as_bytes(), i) {
        i = next;
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let cjk = matches!(c, '。' | '！' | '？');
        if !TERMINATORS.contains(&c) && !cjk {
            i += c.len_utf8();
            continue;
        }
        // The run of terminators, then closing marks.
        let run_start = i;
        let mut run_end = i;
        for ch in text[i..].chars() {
            if TERMINATORS.contains(&ch) || matches!(ch, '。' | '！' | '？') {
                run_end += ch.len_utf8();
            } else {
                break;
            }
        }
        let mut close_end = run_end;
        for ch in text[run_end..].chars() {
            if is_closer(ch) {
                close_end += ch.len_utf8();
            } else {
                break;
            }
        }
        i = close_end;
        let rest = &text[close_end..];
        let after_space = rest.chars().next().is_none_or(char::is_whitespace);
        if !after_space && !cjk {
            continue;
        }
        let next_start = close_end + (rest.len() - rest.trim_start().len());
        if next_start >= text.len() {
            break;
        }
        if keep_whole.is_some_and(|k| k.contains(&(base + run_start))) {
            continue;
        }
        if is_boundary(text, run_start, run_end, close_end, next_start) || cjk {
            push(start, close_end, out);
            start = next_start;
            i = next_start;
        }
    }
    push(start, text.len(), out);
}

/// The first word after `from`, skipping opening marks: (word, its first char).
fn next_word(text: &str, from: usize) -> (&str, Option<char>) {
    let rest = text[from..].trim_start_matches(is_opener);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '.'))
        .unwrap_or(rest.len());
    let word = rest[..end].trim_end_matches('.');
    (word, word.chars().next())
}

/// The word before the terminator at `at`: letters and inner periods (`U.S`, `a.m`, `Oct`).
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(at, |(k, _)| k);
    &head[start..]
}

fn is_boundary(
    text: &str,
    run_start: usize,
    run_end: usize,
    close_end: usize,
    next_start: usize,
) -> bool {
    let run = &text[run_start..run_end];
    if run.contains('…') || run.contains("..") {
        return false;
    }
    let (next, first) = next_word(text, next_start);
    let lower = first.is_some_and(char::is_lowercase);
    let upper = first.is_some_and(char::is_uppercase);
    let digit = first.is_some_and(|c| c.is_ascii_digit());
    if close_end > run_end && attribution_follows(&text[next_start..]) {
        // `"Is this fair?" Hale asked.` is one sentence: the quote and its speaker.
        return false;
    }
    if run != "." || close_end > run_end {
        // `!`, `?`, or a period followed by a closing mark: `"Why?" she asked` goes on.
        return !lower;
    }
    let word = word_before(text, run_start);
    if word.is_empty() {
        // After a number or a bracket: `in 2019. The`.
        return !lower;
    }
    let inner_dot = word.contains('.');
    if !inner_dot && word.len() > 6 {
        // No listed abbreviation is this long: an ordinary word ends the sentence.
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if BEFORE_NAME.contains(&word) {
        return false;
    }
    if BEFORE_NUMBER.contains(&word) && digit {
        return false;
    }
    if MONTHS.contains(&word) {
        return upper;
    }
    if AFTER_NAME.contains(&word) {
        return STARTERS.contains(&next);
    }
    if word == "etc" {
        return upper;
    }
    if word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m") {
        return upper && !AFTER_TIME.contains(&next) && !super::MONTHS.contains(&next);
    }
    if matches!(word, "e.g" | "i.e" | "et al" | "al") {
        return false;
    }
    if inner_dot {
        // An initialism: `U.S. Attorney` continues, `in the U.S. The` ends.
        return STARTERS.contains(&next);
    }
    if letters == 1 && word.chars().all(char::is_uppercase) {
        // An initial: `Samuel K. Whitfield`.
        return STARTERS.contains(&next) && next != "A" && next != "I";
    }
    if lower {
        // `approx. three`, `Ave. in`: a short word may be an abbreviation.
        return letters > 4;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::{blocks, mask, Format};
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let m = mask::mask(text, Format::Markdown);
        let paras = blocks::paragraphs(&m.prose, &m.layout);
        split(&m.prose, &paras, None)
            .0
            .into_iter()
            .map(|s| m.prose[s.span].to_string())
            .collect()
    }

    #[test]
    fn splits_at_terminators_and_keeps_closing_quotes() {
        assert_eq!(
            sentences("\"I trusted him with everything,\" Marsh said. \"He came to my husband's funeral.\" Then she left!"),
            vec![
                "\"I trusted him with everything,\" Marsh said.",
                "\"He came to my husband's funeral.\"",
                "Then she left!"
            ]
        );
    }

    #[test]
    fn abbreviations_titles_and_initials_do_not_split() {
        assert_eq!(
            sentences("His lawyer, Samuel K. Whitfield Jr., wrote in a filing. Mr. O'Brien and Dr. Amara Nwosu met Lt. Gen. Sergey Rudskoi at 10 a.m. Thursday."),
            vec![
                "His lawyer, Samuel K. Whitfield Jr., wrote in a filing.",
                "Mr. O'Brien and Dr. Amara Nwosu met Lt. Gen. Sergey Rudskoi at 10 a.m. Thursday."
            ]
        );
    }

    #[test]
    fn us_attorney_continues_but_us_the_ends() {
        assert_eq!(
            sentences("Assistant U.S. Attorney Maria Delgado-Reyes spoke. He moved to the U.S. The next year he left."),
            vec!["Assistant U.S. Attorney Maria Delgado-Reyes spoke.", "He moved to the U.S.", "The next year he left."]
        );
    }

    #[test]
    fn months_numbers_and_decimals() {
        assert_eq!(
            sentences("Judge Kowalczyk set sentencing for Jan. 21. Taxes rise 3.5 percent. He read Resolution No. 2254 in 2019. The end."),
            vec![
                "Judge Kowalczyk set sentencing for Jan. 21.",
                "Taxes rise 3.5 percent.",
                "He read Resolution No. 2254 in 2019.",
                "The end."
            ]
        );
    }

    #[test]
    fn ellipsis_and_lowercase_continuations() {
        assert_eq!(
            sentences("He paused... Then went on. It cost approx. three dollars. \"Why?\" she asked. Wow! Really."),
            vec!["He paused... Then went on.", "It cost approx. three dollars.", "\"Why?\" she asked.", "Wow!", "Really."]
        );
    }

    #[test]
    fn question_then_named_speaker_stays_one_sentence() {
        assert_eq!(
            sentences("\"Is this fair?\" Councillor Marcus Hale asked. \"No!\" Dr. Nwosu shouted. \"Why?\" The room fell silent."),
            vec![
                "\"Is this fair?\" Councillor Marcus Hale asked.",
                "\"No!\" Dr. Nwosu shouted.",
                "\"Why?\"",
                "The room fell silent."
            ]
        );
    }

    #[test]
    fn pm_before_a_capitalized_sentence_ends() {
        assert_eq!(
            sentences("The shelters opened at 10 p.m. Officials said more would open."),
            vec![
                "The shelters opened at 10 p.m.",
                "Officials said more would open."
            ]
        );
    }

    #[test]
    fn company_suffix_then_capital_ends() {
        assert_eq!(
            sentences("He founded Acme Inc. The firm grew."),
            vec!["He founded Acme Inc.", "The firm grew."]
        );
    }

    #[test]
    fn never_crosses_a_paragraph_and_curly_quotes_close() {
        assert_eq!(
            sentences("“Now we see a problem days before the patient does.\n\n“The wristband doesn’t replace a nurse.” It helps."),
            vec![
                "“Now we see a problem days before the patient does.",
                "“The wristband doesn’t replace a nurse.”",
                "It helps."
            ]
        );
    }

    #[test]
    fn markdown_emphasis_after_a_period_stays() {
        assert_eq!(
            sentences("She said **no.** Then left."),
            vec!["She said   no.", "Then left."]
        );
    }

    #[test]
    fn dateline_is_never_split() {
        let text = "MOSCOW, October 13. /TASS/. Russian forces are ready. More.";
        let m = mask::mask(text, Format::Plain);
        let paras = blocks::paragraphs(&m.prose, &m.layout);
        // Plain text: the first line is a headline, so use Markdown-like single paragraph.
        let keep = 0..27;
        let got: Vec<_> = split(&m.prose, &paras, Some(&keep))
            .0
            .into_iter()
            .map(|s| &text[s.span])
            .collect();
        assert_eq!(
            got,
            vec![
                "MOSCOW, October 13. /TASS/. Russian forces are ready.",
                "More."
            ]
        );
    }

    #[test]
    fn cyrillic_and_cjk() {
        assert_eq!(
            sentences("Привет, мир. Как дела? Хорошо."),
            vec!["Привет, мир.", "Как дела?", "Хорошо."]
        );
        assert_eq!(sentences("你好。世界！"), vec!["你好。", "世界！"]);
    }
}
