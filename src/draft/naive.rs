//! A first, simple reading of the draft (replaced piece by piece by the full model).

use super::*;

pub(super) fn parse(text: &str, format: Format) -> Draft {
    let mut prose = text.as_bytes().to_vec();
    let mut front_matter_date = None;
    if format == Format::Markdown {
        mask_markdown(text, &mut prose, &mut front_matter_date);
    }
    let prose = String::from_utf8(prose).unwrap_or_else(|_| " ".repeat(text.len()));
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in prose.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                push_paragraph(&prose, s..offset, format, &mut paragraphs, &mut sentences);
            }
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        push_paragraph(&prose, s..offset, format, &mut paragraphs, &mut sentences);
    }
    let quotes = quotes(&prose, &paragraphs);
    Draft {
        text: text.to_string(),
        prose,
        format,
        front_matter_date,
        paragraphs,
        sentences,
        quotes,
        stray_closers: Vec::new(),
        dateline: None,
    }
}

fn mask_markdown(text: &str, prose: &mut [u8], date: &mut Option<String>) {
    let mut in_fence = false;
    let mut in_front = text.starts_with("---");
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim();
        let mask = if in_front {
            if i > 0 && t == "---" {
                in_front = false;
            } else if let Some(d) = t.strip_prefix("date:") {
                *date = Some(d.trim().trim_matches('"').to_string());
            }
            true
        } else if t.starts_with("```") {
            in_fence = !in_fence;
            true
        } else {
            in_fence
        };
        if mask {
            for b in &mut prose[offset..offset + line.len()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        offset += line.len();
    }
}

fn push_paragraph(
    prose: &str,
    span: Span,
    format: Format,
    paragraphs: &mut Vec<Paragraph>,
    sentences: &mut Vec<Sentence>,
) {
    let trimmed_end = span.start + prose[span.clone()].trim_end().len();
    let span = span.start..trimmed_end;
    let heading = match format {
        Format::Markdown => prose[span.clone()].trim_start().starts_with('#'),
        Format::Plain => paragraphs.is_empty(),
    };
    let first = sentences.len();
    let index = paragraphs.len();
    let bytes = prose.as_bytes();
    let mut s = span.start;
    let mut i = span.start;
    while i < span.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && (i + 1 >= span.end || bytes[i + 1] == b' ') {
            sentences.push(Sentence {
                span: s..i + 1,
                paragraph: index,
            });
            s = i + 1;
            while s < span.end && bytes[s] == b' ' {
                s += 1;
            }
            i = s;
            continue;
        }
        i += 1;
    }
    if s < span.end {
        sentences.push(Sentence {
            span: s..span.end,
            paragraph: index,
        });
    }
    paragraphs.push(Paragraph {
        span,
        heading,
        sentences: first..sentences.len(),
    });
}

fn quotes(prose: &str, paragraphs: &[Paragraph]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let mut open: Option<usize> = None;
        for (i, c) in prose[para.span.clone()].char_indices() {
            let at = para.span.start + i;
            let is_open = c == '“' || (c == '"' && open.is_none());
            let is_close = c == '”' || (c == '"' && open.is_some());
            if is_open && open.is_none() {
                open = Some(at);
            } else if is_close {
                if let Some(o) = open.take() {
                    let olen = prose[o..].chars().next().map_or(1, char::len_utf8);
                    quotes.push(Quote {
                        span: o..at + c.len_utf8(),
                        inner: o + olen..at,
                        open_mark: o..o + olen,
                        close_mark: Some(at..at + c.len_utf8()),
                        paragraph: p,
                        depth: 0,
                        parent: None,
                        balance: Balance::Closed,
                        continues: None,
                    });
                }
            }
        }
        if let Some(o) = open {
            let olen = prose[o..].chars().next().map_or(1, char::len_utf8);
            quotes.push(Quote {
                span: o..para.span.end,
                inner: o + olen..para.span.end,
                open_mark: o..o + olen,
                close_mark: None,
                paragraph: p,
                depth: 0,
                parent: None,
                balance: Balance::Unclosed,
                continues: None,
            });
        }
    }
    quotes
}
