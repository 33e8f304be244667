//! Line and column positions of byte offsets: the one line index that the command line
//! (1-based lines, 1-based columns in Unicode scalar values) and the language server
//! (0-based lines, characters in UTF-8 bytes or UTF-16 code units) both use.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the Language Server Protocol defines them,
//! so a draft with old Mac line ends gets the same line numbers in the terminal and in the
//! editor (the server's rope is built with ropey's `cr_lines` to agree).

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values (the command line's columns).
    Scalar,
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units.
    Utf16,
}

/// The start of every line of a text, for converting many byte offsets of one text: a
/// binary search and a count within one line each.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Counts from the start of the text at every [`CHECKPOINT`] bytes, made on the first
    /// column asked further than that into its line: each column then counts at most that
    /// many bytes, and many findings on one line of megabytes take linear time, not
    /// quadratic.
    checkpoints: std::sync::OnceLock<Vec<Checkpoint>>,
}

/// Columns further than this many bytes into their line are counted from a checkpoint.
const CHECKPOINT: usize = 4096;

/// A char boundary and the scalar values and UTF-16 units before it.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    byte: usize,
    scalars: usize,
    utf16: usize,
}

/// The `unit`s in `text`.
fn count(text: &str, unit: Unit) -> usize {
    match unit {
        Unit::Utf8 => text.len(),
        _ if text.is_ascii() => text.len(),
        Unit::Scalar => text.chars().count(),
        Unit::Utf16 => text.chars().map(char::len_utf16).sum(),
    }
}

/// A position as the JSON output prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                continue; // The line ends at the `\n` of this `\r\n`.
            }
            starts.push(at + 1);
        }
        LineIndex {
            text,
            starts,
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// The text the index was built on.
    pub fn text(&self) -> &'a str {
        self.text
    }

    #[cfg(test)]
    /// How many lines the text has (a text ending in a line break has an empty last line).
    pub(crate) fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line of `offset` and how many `unit`s stand before it on that line, with
    /// the offset itself clamped to the text and rounded down to a char boundary.
    pub fn locate(&self, offset: usize, unit: Unit) -> (usize, usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = match unit {
            Unit::Utf8 => offset - start,
            _ if offset - start > CHECKPOINT => {
                let (scalars, utf16) = self.counts_before(offset);
                let (line_scalars, line_utf16) = self.counts_before(start);
                match unit {
                    Unit::Scalar => scalars - line_scalars,
                    _ => utf16 - line_utf16,
                }
            }
            _ => count(&self.text[start..offset], unit),
        };
        (line, column, offset)
    }

    /// Scalar values and UTF-16 units in the text before char boundary `offset`.
    fn counts_before(&self, offset: usize) -> (usize, usize) {
        let checkpoints = self.checkpoints.get_or_init(|| {
            let mut out = vec![Checkpoint {
                byte: 0,
                scalars: 0,
                utf16: 0,
            }];
            let (mut scalars, mut utf16) = (0, 0);
            for (at, c) in self.text.char_indices() {
                if at >= out.len() * CHECKPOINT {
                    out.push(Checkpoint {
                        byte: at,
                        scalars,
                        utf16,
                    });
                }
                scalars += 1;
                utf16 += c.len_utf16();
            }
            out
        });
        let k = checkpoints.partition_point(|c| c.byte <= offset) - 1;
        let from = checkpoints[k];
        let rest = &self.text[from.byte..offset];
        (
            from.scalars + count(rest, Unit::Scalar),
            from.utf16 + count(rest, Unit::Utf16),
        )
    }

    /// The command line's position of `offset`: 1-based line, 1-based column in scalar
    /// values (clamped to the text and to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let (line, column, offset) = self.locate(offset, Unit::Scalar);
        Position {
            line: line + 1,
            column: column + 1,
            offset,
        }
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let text = self.text;
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        text[start..end]
            .strip_suffix("\r\n")
            .or_else(|| text[start..end].strip_suffix(['\n', '\r']))
            .unwrap_or(&text[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_scalar_values() {
        let text = "ab\nКиїв “x”\n";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.position(x),
            Position {
                line: 2,
                column: 7,
                offset: x
            }
        );
        assert_eq!(
            idx.position(0),
            Position {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        assert_eq!(idx.line_text(2), "Київ “x”");
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let text = "one\rtwo\r\nthree\nfour\r\rsix";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 6);
        for (line, word) in [
            (1, "one"),
            (2, "two"),
            (3, "three"),
            (4, "four"),
            (6, "six"),
        ] {
            let at = text.find(word).unwrap();
            assert_eq!(idx.position(at).line, line, "{word}");
            assert_eq!(idx.position(at).column, 1, "{word}");
            assert_eq!(idx.line_text(line), word);
        }
        assert_eq!(idx.line_text(5), "");
        // The break itself belongs to the line it ends.
        assert_eq!(idx.position(text.find('\r').unwrap()).line, 1);
        assert_eq!(idx.position(text.find("\r\n").unwrap() + 1).line, 2);
    }

    #[test]
    fn units_count_scalars_bytes_and_utf16() {
        let text = "a😀b\nЖx";
        let idx = LineIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(idx.locate(b, Unit::Scalar), (0, 2, b));
        assert_eq!(idx.locate(b, Unit::Utf8), (0, 5, b));
        assert_eq!(idx.locate(b, Unit::Utf16), (0, 3, b));
        // Inside a character: rounded down; past the end: clamped.
        assert_eq!(idx.locate(2, Unit::Scalar), (0, 1, 1));
        assert_eq!(idx.locate(99, Unit::Scalar), (1, 2, text.len()));
    }

    #[test]
    fn columns_far_into_a_long_line_count_as_near_ones() {
        let line: String = "aé𝄞 b".repeat(5_000);
        let text = format!("first\n{line}\nlast");
        let idx = LineIndex::new(&text);
        let start = text.find('\n').unwrap_or(0) + 1;
        for offset in (start..text.len())
            .step_by(997)
            .filter(|&o| text.is_char_boundary(o))
        {
            let before = &text[start.min(offset)..offset];
            let line_of = if offset > text.rfind('\n').unwrap_or(0) {
                2
            } else {
                1
            };
            let (l, scalars, _) = idx.locate(offset, Unit::Scalar);
            let (_, utf16, _) = idx.locate(offset, Unit::Utf16);
            assert_eq!(l, line_of);
            if line_of == 1 {
                assert_eq!(scalars, before.chars().count(), "at {offset}");
                assert_eq!(utf16, before.encode_utf16().count(), "at {offset}");
            }
        }
    }
}
