//! Speech and attribution cues: the verbs of saying in every inflection, and the phrases
//! that credit a source (`according to`, `in a statement`).
//!
//! The lemma list follows the cue verbs of published quote-attribution systems for news
//! (see notes on prior art), plus the verbs news writing uses to introduce a quotation.

use super::wordset::{WordMap, WordSet};
use std::sync::LazyLock;

/// How a cue word relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A finite or bare form with its own subject: `said`, `says`, `told`, `say`.
    Finite,
    /// A participle whose subject is the clause's: `adding`, `calling`, `saying`.
    Participle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWord {
    pub lemma: &'static str,
    pub form: Form,
    /// Only a cue when the quotation follows it (`called the vote "…"`, `described it as
    /// "…"`): after a quote these words rarely introduce its speaker.
    pub before_quote_only: bool,
}

/// Regular verbs of saying (inflections are generated).
const REGULAR: &[&str] = &[
    "accuse",
    "acknowledge",
    "add",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "apologise",
    "apologize",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "blame",
    "boast",
    "caution",
    "charge",
    "chide",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "continue",
    "counter",
    "declare",
    "demand",
    "describe",
    "disclose",
    "emphasise",
    "emphasize",
    "estimate",
    "exclaim",
    "explain",
    "groan",
    "insist",
    "joke",
    "lament",
    "maintain",
    "mention",
    "muse",
    "note",
    "object",
    "observe",
    "plead",
    "post",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "question",
    "quip",
    "recall",
    "recount",
    "reiterate",
    "remark",
    "remind",
    "report",
    "respond",
    "retort",
    "reveal",
    "scoff",
    "shout",
    "sigh",
    "snap",
    "state",
    "stress",
    "suggest",
    "tweet",
    "underline",
    "underscore",
    "urge",
    "vow",
    "warn",
    "whisper",
    "wonder",
    "yell",
    "testify",
    "reply",
    "cry",
    "deny",
    "admit",
    "call",
    "cite",
    "order",
    "recommend",
    "inform",
    "brief",
    "email",
    "text",
    "message",
    "write",
    "say",
    "tell",
    "speak",
    "swear",
    "find",
    "show",
    "stipulate",
    "specify",
    "repeat",
    "interject",
    "interrupt",
    "murmur",
    "mutter",
    "mumble",
    "laugh",
    "sob",
    "gasp",
    "scream",
    "reason",
    "concur",
    "echo",
    "summarize",
    "summarise",
    "roar",
    "bellow",
    "holler",
];

/// Lemmas that only cue a quotation that follows them.
const BEFORE_QUOTE_ONLY: &[&str] = &[
    "apologise",
    "apologize",
    "call",
    "describe",
    "cite",
    "find",
    "show",
    "estimate",
    "charge",
    "accuse",
    "blame",
    "order",
    "stipulate",
    "specify",
    "brief",
    "inform",
];

/// Inflections that do not follow the regular pattern.
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
pub fn inflect(lemma: &str) -> Vec<String> {
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

static TABLE: LazyLock<WordMap<CueWord>> = LazyLock::new(|| {
    let mut table = WordMap::default();
    let mut insert = |form: &str, lemma: &'static str| {
        let cue = CueWord {
            lemma,
            form: if form.ends_with("ing") {
                Form::Participle
            } else {
                Form::Finite
            },
            before_quote_only: BEFORE_QUOTE_ONLY.contains(&lemma),
        };
        table.insert(form.to_string(), cue);
    };
    for &lemma in REGULAR {
        let irregular = IRREGULAR.iter().find(|(l, _)| *l == lemma);
        match irregular {
            // Irregular verbs, and nouns that are also verbs (only the verb forms count).
            Some((_, forms)) => {
                for f in forms.iter() {
                    insert(f, lemma);
                }
            }
            None => {
                for f in inflect(lemma) {
                    insert(&f, lemma);
                }
            }
        }
    }
    table
});

/// The cue a lowercased word is, if any.
pub fn lookup(lower: &str) -> Option<CueWord> {
    TABLE.get(lower).copied()
}

/// Every inflection of the configured extra verbs (`[attribution] verbs`), lowercased:
/// computed once per analysis so the lookup stays a comparison.
pub fn extra_forms(verbs: &[String]) -> Vec<String> {
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

/// A cue word, including the configured extra verbs (`extra` from [`extra_forms`]).
pub fn lookup_with(lower: &str, extra: &[String]) -> Option<CueWord> {
    lookup(lower).or_else(|| {
        extra.iter().any(|v| v == lower).then_some(CueWord {
            lemma: "say",
            form: if lower.ends_with("ing") {
                Form::Participle
            } else {
                Form::Finite
            },
            before_quote_only: false,
        })
    })
}

/// Nouns of a written or spoken statement: `in a statement`, `in an email`, `in a post`.
pub const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "email",
    "e-mail",
    "emails",
    "post",
    "tweet",
    "interview",
    "letter",
    "filing",
    "release",
    "note",
    "message",
    "memo",
    "speech",
    "video",
    "broadcast",
    "address",
    "op-ed",
    "essay",
    "column",
    "blog",
    "podcast",
    "report",
    "remarks",
    "testimony",
    "affidavit",
    "complaint",
    "briefing",
    "conference",
];

pub static STATEMENT_NOUNS_SET: WordSet = WordSet::new(STATEMENT_NOUNS);

/// Nouns for what someone said, after a possessive: `Smith's reply: "…"`.
pub const UTTERANCE_NOUNS: &[&str] = &[
    "response",
    "reply",
    "answer",
    "words",
    "message",
    "comment",
    "comments",
    "statement",
    "remarks",
    "verdict",
    "advice",
    "warning",
    "view",
    "assessment",
    "explanation",
    "retort",
    "reaction",
    "plea",
    "tweet",
    "post",
    "account",
    "testimony",
    "argument",
    "defense",
    "defence",
    "summary",
    "conclusion",
    "description",
    "instructions",
    "promise",
    "prediction",
    "appeal",
    "complaint",
    "claim",
    "motto",
    "mantra",
    "message",
    "verdict",
    "words",
];

pub static UTTERANCE_NOUNS_SET: WordSet = WordSet::new(UTTERANCE_NOUNS);
