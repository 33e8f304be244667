//! Whether a source's speaker label and the draft's speaker are two people, compared
//! loosely: any shared name word (a surname, a given name) makes them one, whatever the
//! case, accents or titles; a label that names no one (`Speaker 2`, `Interviewer`, `Q`)
//! is never a different person.

use super::index::name_parts;

/// Labels that say what someone is, not who.
const ANONYMOUS: &[&str] = &[
    "a",
    "all",
    "answer",
    "audience",
    "caller",
    "crosstalk",
    "crowd",
    "female",
    "host",
    "inaudible",
    "interviewee",
    "interviewer",
    "journalist",
    "male",
    "man",
    "moderator",
    "narrator",
    "note",
    "notes",
    "participant",
    "q",
    "question",
    "reporter",
    "respondent",
    "speaker",
    "unidentified",
    "unknown",
    "voice",
    "woman",
];

/// Titles and honorifics, which say nothing of who.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "dame",
    "rev",
    "mayor",
    "president",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "minister",
    "chief",
    "judge",
    "officer",
    "general",
    "captain",
    "councillor",
    "councilor",
    "secretary",
];

fn folded_parts(name: &str) -> Vec<String> {
    name_parts(&deunicode::deunicode(name))
        .into_iter()
        .filter(|p| !TITLES.contains(&p.as_str()))
        .collect()
}

/// Whether `label` names a person.
pub fn names_someone(label: &str) -> bool {
    let parts = folded_parts(label);
    !parts.is_empty()
        && !label.chars().any(|c| c.is_ascii_digit())
        && !parts.iter().any(|p| ANONYMOUS.contains(&p.as_str()))
}

/// Whether the source's `label` and the draft's `speaker` are different people: both name
/// someone and share no name word.
pub fn differ(label: &str, speaker: &str) -> bool {
    if !names_someone(label) || !names_someone(speaker) {
        return false;
    }
    let speaker = folded_parts(speaker);
    !folded_parts(label).iter().any(|p| speaker.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_name_word_is_the_same_person() {
        assert!(!differ("VASQUEZ", "Elena Vasquez"));
        assert!(!differ("Elena", "Mayor Elena Vasquez"));
        assert!(!differ("Luís Martínez", "Luis Martinez"));
        assert!(differ("HALE", "Elena Vasquez"));
        assert!(differ("Marcus Hale", "Vasquez"));
    }

    #[test]
    fn anonymous_labels_are_never_another_person() {
        for label in [
            "Speaker 2",
            "Interviewer",
            "Q",
            "UNIDENTIFIED MALE",
            "Mayor",
        ] {
            assert!(!differ(label, "Elena Vasquez"), "{label}");
        }
    }
}
