//! Paragraphs: runs of non-blank prose lines. Blank lines (after masking, so a line of code
//! or markup counts as blank) separate them; the layout adds breaks a blank line does not
//! show (headings, list items, the plain-text headline).

use super::mask::Layout;
use super::Paragraph;

/// The paragraphs of the prose, trimmed of surrounding whitespace; `sentences` is left
/// empty for the sentence splitter to fill.
pub(super) fn paragraphs(prose: &str, layout: &Layout) -> Vec<Paragraph> {
    let bytes = prose.as_bytes();
    let mut out = Vec::new();
    // (start of the first line, end of the last non-blank line)
    let mut current: Option<(usize, usize)> = None;
    let mut next_break = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[pos..]).map(|k| pos + k);
        let end = nl.unwrap_or(bytes.len());
        let next = nl.map_or(bytes.len(), |k| k + 1);
        while next_break < layout.breaks.len() && layout.breaks[next_break] < pos {
            next_break += 1;
        }
        if layout.breaks.get(next_break) == Some(&pos) {
            close(prose, current.take(), layout, &mut out);
        }
        let blank = prose.get(pos..end).is_none_or(|l| l.trim().is_empty());
        if blank {
            close(prose, current.take(), layout, &mut out);
        } else {
            match &mut current {
                Some((_, last)) => *last = end,
                None => current = Some((pos, end)),
            }
        }
        pos = next;
    }
    close(prose, current, layout, &mut out);
    out
}

fn close(prose: &str, lines: Option<(usize, usize)>, layout: &Layout, out: &mut Vec<Paragraph>) {
    let Some((first, end)) = lines else { return };
    let Some(s) = prose.get(first..end) else {
        return;
    };
    let start = first + (s.len() - s.trim_start().len());
    let end = first + s.trim_end().len();
    if start >= end {
        return;
    }
    out.push(Paragraph {
        span: start..end,
        heading: layout.heading_lines.binary_search(&first).is_ok(),
        sentences: 0..0,
    });
}

#[cfg(test)]
mod tests {
    use super::super::mask::mask;
    use super::super::Format;
    use super::*;

    fn paras(text: &str, format: Format) -> Vec<(String, bool)> {
        let m = mask(text, format);
        paragraphs(&m.prose, &m.layout)
            .into_iter()
            .map(|p| (m.prose[p.span].to_string(), p.heading))
            .collect()
    }

    fn s(t: &str, h: bool) -> (String, bool) {
        (t.to_string(), h)
    }

    #[test]
    fn plain_headline_is_its_own_paragraph_even_without_a_blank_line() {
        let text = "Former fund manager convicted\nBOSTON, Oct. 31, 2024 — A jury\nconvicted him.\n\n  Next one.  \n";
        assert_eq!(
            paras(text, Format::Plain),
            vec![
                s("Former fund manager convicted", true),
                s("BOSTON, Oct. 31, 2024 — A jury\nconvicted him.", false),
                s("Next one.", false)
            ]
        );
    }

    #[test]
    fn a_story_on_one_line_is_prose_not_a_headline() {
        let text = "MOSCOW, May 5. Officials said the bridge had reopened. \"We are ready,\" the \
                    mayor said. Traffic resumed at noon.\n";
        assert!(!paras(text, Format::Plain)[0].1);
        let long: String = std::iter::repeat_n("word", 40)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!paras(&long, Format::Plain)[0].1);
        assert!(paras("U.S. Sen. Paul wins in Ky.\n\nBody.", Format::Plain)[0].1);
    }

    #[test]
    fn plain_leading_blank_lines_then_headline() {
        let p = paras("\n\n   \nAll news\n\nBody.", Format::Plain);
        assert_eq!(p, vec![s("All news", true), s("Body.", false)]);
    }

    #[test]
    fn crlf_blank_lines_separate_paragraphs() {
        let text = "Title\r\n\r\nOne line\r\ntwo line.\r\n \r\nThree.\r\n";
        assert_eq!(
            paras(text, Format::Plain),
            vec![
                s("Title", true),
                s("One line\r\ntwo line.", false),
                s("Three.", false)
            ]
        );
    }

    #[test]
    fn markdown_headings_atx_and_setext_are_their_own_paragraphs() {
        let text = "---\ndate: 2025-01-01\n---\n\n# \"We were flying blind\": clinics\nFirst paragraph\nwraps here.\n\nSub head\n--------\nMore text.\n## Another\n";
        assert_eq!(
            paras(text, Format::Markdown),
            vec![
                s("\"We were flying blind\": clinics", true),
                s("First paragraph\nwraps here.", false),
                s("Sub head", true),
                s("More text.", false),
                s("Another", true),
            ]
        );
    }

    #[test]
    fn markdown_first_line_is_not_a_headline() {
        let p = paras("Just text.\nMore.", Format::Markdown);
        assert_eq!(p, vec![s("Just text.\nMore.", false)]);
    }

    #[test]
    fn code_blocks_separate_and_vanish() {
        let text = "Before.\n```\n\"code\"\n```\nAfter.";
        assert_eq!(
            paras(text, Format::Markdown),
            vec![s("Before.", false), s("After.", false)]
        );
    }

    #[test]
    fn list_items_and_block_quotes_are_separate_paragraphs() {
        let text = "Intro:\n\n- First item\n  continues.\n- Second item.\n\n> \"Quoted,\" she said.\nBack to text.";
        let got = paras(text, Format::Markdown);
        assert_eq!(got[0], s("Intro:", false));
        assert_eq!(got[1], s("First item\n  continues.", false));
        assert_eq!(got[2], s("Second item.", false));
        assert_eq!(got[3], s("\"Quoted,\" she said.", false));
        assert_eq!(got[4], s("Back to text.", false));
    }

    #[test]
    fn bold_dateline_paragraph_is_trimmed_to_its_text() {
        let got = paras("# Storm\n\n**HARLAN VALLEY** — A storm.", Format::Markdown);
        assert_eq!(got[1], s("HARLAN VALLEY   — A storm.", false));
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert!(paras("", Format::Plain).is_empty());
        assert!(paras(" \n\r\n\t", Format::Markdown).is_empty());
    }
}
