//! LSP positions ↔ UTF-8 byte offsets.
//!
//! The analysis speaks byte offsets; the protocol speaks (line, character) where the
//! character is counted in the negotiated encoding: UTF-16 code units unless the client
//! offers `utf-8`. Lines end at `\n`, `\r\n` or `\r` (the protocol's definition; ropey is
//! built with `cr_lines` to agree). Every conversion clamps: a position past the end of a
//! line or of the document lands on that end, and the caller learns that it was clamped.

pub use crate::position::LineIndex;
use crate::position::Unit;
use ropey::{Rope, RopeSlice};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// The unit in which a position's `character` is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

impl Encoding {
    /// `utf-8` when the client offers it, else UTF-16 (the protocol's default).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// What a `character` counts, for the line index.
    pub fn unit(self) -> Unit {
        match self {
            Encoding::Utf8 => Unit::Utf8,
            Encoding::Utf16 => Unit::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A byte offset resolved from a client position, and whether it had to be clamped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub offset: usize,
    pub clamped: bool,
}

/// The chars of a line without its line break.
fn line_content(line: RopeSlice<'_>) -> RopeSlice<'_> {
    let mut end = line.len_chars();
    while end > 0 && matches!(line.char(end - 1), '\n' | '\r') {
        end -= 1;
    }
    line.slice(..end)
}

/// The byte offset of a client position. Positions past the end of a line clamp to the end
/// of that line's content; lines past the end clamp to the end of the text; a UTF-16
/// position inside a surrogate pair or a UTF-8 one inside a character rounds down.
pub fn to_offset(rope: &Rope, pos: Position, encoding: Encoding) -> Resolved {
    let line_idx = pos.line as usize;
    if line_idx >= rope.len_lines() {
        return Resolved {
            offset: rope.len_bytes(),
            clamped: true,
        };
    }
    let line_start_char = rope.line_to_char(line_idx);
    let content = line_content(rope.line(line_idx));
    let character = pos.character as usize;
    let (char_in_line, clamped) = match encoding {
        Encoding::Utf16 => {
            let len = content.len_utf16_cu();
            if character > len {
                (content.len_chars(), true)
            } else {
                let c = content.utf16_cu_to_char(character);
                (c, content.char_to_utf16_cu(c) != character)
            }
        }
        Encoding::Utf8 => {
            let len = content.len_bytes();
            if character > len {
                (content.len_chars(), true)
            } else {
                let c = content.byte_to_char(character);
                (c, content.char_to_byte(c) != character)
            }
        }
    };
    Resolved {
        offset: rope.char_to_byte(line_start_char + char_in_line),
        clamped,
    }
}

/// The client position of a byte offset (clamped to the text, rounded down to a char).
pub fn to_position(rope: &Rope, offset: usize, encoding: Encoding) -> Position {
    let offset = offset.min(rope.len_bytes());
    let char_idx = rope.byte_to_char(offset);
    let line = rope.char_to_line(char_idx);
    let line_start_char = rope.line_to_char(line);
    let character = match encoding {
        Encoding::Utf16 => rope.char_to_utf16_cu(char_idx) - rope.char_to_utf16_cu(line_start_char),
        Encoding::Utf8 => rope.char_to_byte(char_idx) - rope.char_to_byte(line_start_char),
    };
    Position::new(line as u32, character as u32)
}

/// The client position of a byte offset in the text `lines` indexes (clamped to the text,
/// rounded down to a char): the line index the command line uses too
/// ([`crate::position::LineIndex`]), which breaks lines as the rope does (`\n`, `\r\n`,
/// `\r`). For the many offsets of one text (the diagnostics of a long draft) it does a
/// binary search and a count within one line each, where the rope walks its tree several
/// times per offset.
pub fn position_in(lines: &LineIndex<'_>, offset: usize, encoding: Encoding) -> Position {
    let (line, character, _) = lines.locate(offset, encoding.unit());
    Position::new(line as u32, character as u32)
}

/// The client range of a byte span of the text `lines` indexes.
pub fn range_in(lines: &LineIndex<'_>, span: &std::ops::Range<usize>, encoding: Encoding) -> Range {
    Range::new(
        position_in(lines, span.start, encoding),
        position_in(lines, span.end.max(span.start), encoding),
    )
}

/// The client range of a byte span.
pub fn to_range(rope: &Rope, span: &std::ops::Range<usize>, encoding: Encoding) -> Range {
    Range::new(
        to_position(rope, span.start, encoding),
        to_position(rope, span.end.max(span.start), encoding),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn negotiates_utf8_only_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF16])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }

    #[test]
    fn round_trips_every_char_boundary() {
        let text = "Київ “ok” 😀 e\u{301}\r\nمرحبا\rx\n\n👍🏽 end";
        let rope = Rope::from_str(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let p = to_position(&rope, offset, enc);
                let back = to_offset(&rope, p, enc);
                // The break of a line maps to the end of that line's content and back.
                let expected = if text[..offset].ends_with('\r') && text[offset..].starts_with('\n')
                {
                    offset - 1
                } else {
                    offset
                };
                assert_eq!(back.offset, expected, "{enc:?} offset {offset} via {p:?}");
            }
        }
    }

    #[test]
    fn the_line_index_agrees_with_the_rope() {
        let texts = [
            "Київ “ok” 😀 e\u{301}\r\nمرحبا\rx\n\n👍🏽 end",
            "\r\r\n\n\r",
            "",
            "plain ascii\nlines\n",
            "ends with cr\r",
        ];
        for text in texts {
            let rope = Rope::from_str(text);
            let index = LineIndex::new(text);
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                for offset in 0..=text.len() + 2 {
                    assert_eq!(
                        position_in(&index, offset, enc),
                        to_position(&rope, offset, enc),
                        "{text:?} {enc:?} offset {offset}"
                    );
                }
            }
        }
    }

    #[test]
    fn counts_utf16_units_and_utf8_bytes() {
        let text = "a😀b\nЖx";
        let rope = Rope::from_str(text);
        let b = text.find('b').unwrap();
        assert_eq!(to_position(&rope, b, Encoding::Utf16), pos(0, 3));
        assert_eq!(to_position(&rope, b, Encoding::Utf8), pos(0, 5));
        let x = text.find('x').unwrap();
        assert_eq!(to_position(&rope, x, Encoding::Utf16), pos(1, 1));
        assert_eq!(to_position(&rope, x, Encoding::Utf8), pos(1, 2));
    }

    #[test]
    fn clamps_out_of_range_positions() {
        let text = "ab\r\ncd";
        let rope = Rope::from_str(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            assert_eq!(
                to_offset(&rope, pos(0, 99), enc),
                Resolved {
                    offset: 2,
                    clamped: true
                }
            );
            assert_eq!(
                to_offset(&rope, pos(7, 0), enc),
                Resolved {
                    offset: 6,
                    clamped: true
                }
            );
            assert_eq!(to_offset(&rope, pos(1, 1), enc).offset, 5);
        }
        // Inside a surrogate pair / inside a UTF-8 sequence: rounds down, flagged.
        let rope = Rope::from_str("😀x");
        assert_eq!(
            to_offset(&rope, pos(0, 1), Encoding::Utf16),
            Resolved {
                offset: 0,
                clamped: true
            }
        );
        assert_eq!(
            to_offset(&rope, pos(0, 2), Encoding::Utf8),
            Resolved {
                offset: 0,
                clamped: true
            }
        );
        assert_eq!(to_position(&rope, 99, Encoding::Utf16), pos(0, 3));
    }
}
