//! The speech verbs (data/lexicon/speech-verbs.txt) in every inflection: the one list the
//! attribution cues, the entity lexicon and the number support read, each extended by the
//! configured verbs (`[attribution] verbs`, [`extra_forms`]).

use crate::lexicon::{self, lexicon_file};
use std::sync::LazyLock;

/// Every listed lemma, in the file's order.
pub(crate) static LEMMAS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicon_file!("speech-verbs")).collect());

/// Inflections that do not follow the regular pattern, and for verbs that are nouns too,
/// only the forms that are verbs.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["say", "says", "said", "saying"]),
    ("tell", &["tell", "tells", "told", "telling"]),
    ("write", &["write", "writes", "wrote", "written", "writing"]),
    ("speak", &["speak", "speaks", "spoke", "spoken", "speaking"]),
    ("swear", &["swear", "swears", "swore", "sworn", "swearing"]),
    ("admit", &["admit", "admits", "admitted", "admitting"]),
    ("quip", &["quip", "quips", "quipped", "quipping"]),
    ("snap", &["snap", "snaps", "snapped", "snapping"]),
    ("plead", &["plead", "pleads", "pleaded", "pled", "pleading"]),
    (
        "testify",
        &["testify", "testifies", "testified", "testifying"],
    ),
    ("reply", &["reply", "replies", "replied", "replying"]),
    ("cry", &["cry", "cries", "cried", "crying"]),
    ("deny", &["deny", "denies", "denied", "denying"]),
    ("text", &["texted", "texting"]),
    ("message", &["messaged", "messaging"]),
    ("brief", &["briefed", "briefing"]),
    ("email", &["emailed", "e-mailed"]),
    ("post", &["posted"]),
    ("object", &["objected"]),
    ("question", &["questioned"]),
    ("order", &["ordered"]),
    ("report", &["reported"]),
    ("state", &["stated", "states", "stating"]),
    ("find", &["finds", "found", "finding"]),
    ("echo", &["echoed", "echoes", "echoing"]),
    ("show", &["shows", "showed", "shown", "showing"]),
];

/// The inflections of a regular verb: base, -s, -ed, -ing.
pub(crate) fn inflect(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    let stem_y = lemma
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']));
    if let Some(stem) = stem_y {
        forms.push(format!("{stem}ies"));
        forms.push(format!("{stem}ied"));
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        forms.push(format!("{lemma}es"));
    } else {
        forms.push(format!("{lemma}s"));
    }
    if stem_y.is_none() {
        if lemma.ends_with('e') {
            forms.push(format!("{lemma}d"));
        } else {
            forms.push(format!("{lemma}ed"));
        }
    }
    // `quip` → `quipped`, `deadpan` → `deadpanned`: a doubled final consonant.
    let bytes = lemma.as_bytes();
    if let [.., v, c] = bytes {
        if b"aeiou".contains(v) && !b"aeiouwxy".contains(c) && c.is_ascii_lowercase() {
            let c = *c as char;
            forms.push(format!("{lemma}{c}ed"));
            forms.push(format!("{lemma}{c}ing"));
        }
    }
    match lemma.strip_suffix('e') {
        Some(stem) if !lemma.ends_with("ee") => forms.push(format!("{stem}ing")),
        _ => forms.push(format!("{lemma}ing")),
    }
    forms
}

/// The forms of a listed lemma: its irregular forms when it has them, else [`inflect`]'s.
pub(crate) fn forms_of(lemma: &str) -> Vec<String> {
    match IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        Some((_, forms)) => forms.iter().map(|f| f.to_string()).collect(),
        None => inflect(lemma),
    }
}

/// Every form of every listed verb, with its lemma.
pub(crate) static FORMS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    LEMMAS
        .iter()
        .flat_map(|&lemma| forms_of(lemma).into_iter().map(move |f| (f, lemma)))
        .collect()
});

/// Every inflection of the configured extra verbs (`[attribution] verbs`), lowercased and
/// sorted, each verb as written too (a configured "harrumphed" is a form, "harrumph" a
/// lemma): computed once per paragraph read so that a lookup stays a comparison.
pub(crate) fn extra_forms(verbs: &[String]) -> Vec<String> {
    let mut forms: Vec<String> = verbs
        .iter()
        .map(|v| v.trim().to_lowercase())
        .filter(|v| !v.is_empty())
        .flat_map(|v| {
            let mut all = inflect(&v);
            all.push(v);
            all
        })
        .collect();
    forms.sort();
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_lowercase_lemmas_one_a_line_without_repeats() {
        assert!(LEMMAS.len() > 100);
        let mut seen = std::collections::HashSet::new();
        for lemma in LEMMAS.iter() {
            assert!(
                lemma.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{lemma:?}"
            );
            assert!(seen.insert(lemma), "{lemma} twice");
        }
        for (lemma, _) in IRREGULAR {
            assert!(
                LEMMAS.contains(lemma),
                "{lemma} has forms but is not listed"
            );
        }
        // tests/cli_config.rs configures it as a house verb.
        assert!(!LEMMAS.contains(&"harrumph"));
    }

    #[test]
    fn no_form_belongs_to_two_verbs() {
        let mut lemma_of = std::collections::HashMap::new();
        for (form, lemma) in FORMS.iter() {
            if let Some(other) = lemma_of.insert(form, lemma) {
                assert_eq!(other, lemma, "{form}");
            }
        }
    }

    #[test]
    fn forms_are_generated_or_irregular() {
        assert!(inflect("quip").contains(&"quipped".to_string()));
        assert_eq!(forms_of("say"), ["say", "says", "said", "saying"]);
        assert!(forms_of("warn").contains(&"warned".to_string()));
        assert!(forms_of("testify").contains(&"testified".to_string()));
        assert!(FORMS.iter().any(|(f, l)| f == "told" && *l == "tell"));
        let extra = extra_forms(&[" Harrumph ".into(), "opined".into()]);
        for form in [
            "harrumph",
            "harrumphs",
            "harrumphed",
            "harrumphing",
            "opined",
        ] {
            assert!(extra.contains(&form.to_string()), "{form}: {extra:?}");
        }
    }
}
