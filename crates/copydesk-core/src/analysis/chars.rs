//! Reading a character at a byte offset. The tokenizers run over every byte of the prose,
//! most of it ASCII, which is read without decoding.

/// The character that starts at byte `i` of `text`; `None` at the end, past it, or inside
/// a character.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::char_at;

    #[test]
    fn reads_ascii_and_whole_characters_only() {
        let text = "aé🙂";
        assert_eq!(char_at(text, 0), Some('a'));
        assert_eq!(char_at(text, 1), Some('é'));
        assert_eq!(char_at(text, 2), None, "inside é");
        assert_eq!(char_at(text, 3), Some('🙂'));
        assert_eq!(char_at(text, 7), None, "the end");
        assert_eq!(char_at(text, 99), None);
    }
}
