//! Attribution on realistic news sentences.

use super::*;
use crate::analysis::{analyze, Analysis};
use crate::config::Config;
use crate::draft::Format;

fn run(text: &str) -> Analysis {
    // A headline first: in plain text the first line is the headline.
    analyze(
        &format!("Headline\n\n{text}"),
        Format::Plain,
        &Config::default(),
    )
}

/// The speaker text of the quote containing `needle`.
fn speaker(text: &str, needle: &str) -> Option<String> {
    let a = run(text);
    let q = quote_index(&a, needle);
    a.attributions[q].speaker.as_ref().map(|s| s.text.clone())
}

fn quote_index(a: &Analysis, needle: &str) -> usize {
    let at = a.draft.text.find(needle).expect("needle in text");
    a.draft
        .quotes
        .iter()
        .position(|q| q.span.contains(&at))
        .unwrap_or_else(|| panic!("no quote around {needle:?}"))
}

fn attribution(text: &str, needle: &str) -> Attribution {
    let a = run(text);
    let q = quote_index(&a, needle);
    a.attributions[q].clone()
}

/// The outermost quotes that are speech and have no speaker (what the
/// `unattributed-quote` check flags), as text.
fn unattributed_in(a: &Analysis) -> Vec<String> {
    a.draft
        .quotes
        .iter()
        .zip(&a.attributions)
        .filter(|(q, at)| q.parent.is_none() && at.is_speech && at.speaker.is_none())
        .map(|(q, _)| a.draft.text[q.span.clone()].to_string())
        .collect()
}

fn unattributed(text: &str) -> Vec<String> {
    unattributed_in(&run(text))
}

fn kind(text: &str, needle: &str) -> SpeakerKind {
    attribution(text, needle).speaker.expect("a speaker").kind
}

// Rule 1: the cue and its speaker in every order.

#[test]
fn speaker_after_quote_then_verb() {
    let t = "\"We are ready to reopen the bridge by Friday,\" Okonjo said.";
    assert_eq!(speaker(t, "reopen").as_deref(), Some("Okonjo"));
    assert_eq!(kind(t, "reopen"), SpeakerKind::Name);
    let a = attribution(t, "reopen");
    assert_eq!(a.cue.unwrap().text, "said");
    assert_eq!(a.rule, Some(Rule::Sentence));
}

#[test]
fn speaker_after_inverted_verb_with_age() {
    let t = "\"The river has never come up this fast,\" said Walter Brandt, 71.";
    assert_eq!(speaker(t, "river").as_deref(), Some("Walter Brandt"));
}

#[test]
fn inverted_verb_keeps_the_name_without_its_title() {
    let t = "\"The data are clear,\" said Dr. Lena Ortiz, an epidemiologist at the university.";
    assert_eq!(speaker(t, "data").as_deref(), Some("Lena Ortiz"));
}

#[test]
fn speaker_before_colon() {
    let t = "The fire chief said: \"Nobody should go back inside until we say so.\"";
    assert_eq!(speaker(t, "Nobody").as_deref(), Some("The fire chief"));
    assert_eq!(kind(t, "Nobody"), SpeakerKind::Descriptor);
}

#[test]
fn a_verb_of_manner_before_a_colon_introduces_the_quote() {
    let t = "Asked whether she would support it, the mayor smiled: \"Ask me in January.\"";
    assert_eq!(speaker(t, "Ask me").as_deref(), Some("the mayor"));
    let t = "Pruitt shrugged: \"We will see.\"";
    assert_eq!(speaker(t, "We will").as_deref(), Some("Pruitt"));
}

#[test]
fn told_with_object_before_the_quote() {
    let t = "Prosecutor Dana Whitcomb told jurors \"the records speak for themselves.\"";
    assert_eq!(speaker(t, "records").as_deref(), Some("Dana Whitcomb"));
}

#[test]
fn titles_are_left_out_of_the_name() {
    let t = "\"We will appeal,\" Assistant U.S. Attorney Rosa Delacruz-Pena told reporters.";
    assert_eq!(speaker(t, "appeal").as_deref(), Some("Rosa Delacruz-Pena"));
    let t = "\"The vote stands,\" Deputy Prime Minister Ivan Petrenko said.";
    assert_eq!(speaker(t, "vote").as_deref(), Some("Ivan Petrenko"));
}

#[test]
fn according_to_after_and_before() {
    let t = "\"Three bridges are closed,\" according to the state transport department.";
    assert_eq!(
        speaker(t, "bridges").as_deref(),
        Some("the state transport department")
    );
    let t = "According to Rahimi, \"the talks collapsed over the border question.\"";
    assert_eq!(speaker(t, "talks").as_deref(), Some("Rahimi"));
    let t = "\"Attendance doubled,\" according to the Riverside Arts Council.";
    assert_eq!(
        speaker(t, "Attendance").as_deref(),
        Some("Riverside Arts Council")
    );
}

#[test]
fn called_the_thing_a_quote() {
    let t = "Governor Alan Pruett called the ruling \"a victory for every taxpayer.\"";
    assert_eq!(speaker(t, "victory").as_deref(), Some("Alan Pruett"));
    assert_eq!(attribution(t, "victory").cue.unwrap().text, "called");
}

#[test]
fn described_as() {
    let t = "A neighbour described the blast as \"like a train hitting the house.\"";
    assert_eq!(speaker(t, "train").as_deref(), Some("A neighbour"));
}

#[test]
fn added_adding_that() {
    let t = "\"We have enough beds,\" she added, adding that staff would work double shifts \"for as long as it takes.\"";
    assert_eq!(speaker(t, "beds").as_deref(), Some("she"));
    assert_eq!(kind(t, "beds"), SpeakerKind::Pronoun);
    assert_eq!(speaker(t, "as long").as_deref(), Some("she"));
}

#[test]
fn appositive_name_wins_over_descriptor() {
    let t = "A spokeswoman, Carla Mendes, said the airline had \"no plans at this time\" to cut routes.";
    assert_eq!(speaker(t, "no plans").as_deref(), Some("Carla Mendes"));
    let t = "Her attorney, Thomas R. Gale Jr., wrote in a motion that the search was \"plainly unlawful under the Fourth Amendment.\"";
    assert_eq!(speaker(t, "plainly").as_deref(), Some("Thomas R. Gale Jr."));
}

#[test]
fn name_with_appositive_before_the_verb() {
    let t = "Dr. Ruth Abara, a surgeon at the regional hospital who treated the victims, said: \"Most of them will recover.\"";
    assert_eq!(speaker(t, "Most").as_deref(), Some("Ruth Abara"));
}

#[test]
fn descriptor_speakers() {
    let t = "\"Our forces are holding the line,\" the senior Ukrainian military official said.";
    assert_eq!(
        speaker(t, "forces").as_deref(),
        Some("the senior Ukrainian military official")
    );
    let t = "A spokesperson called the outage \"regrettable but brief.\"";
    assert_eq!(speaker(t, "regrettable").as_deref(), Some("A spokesperson"));
    let t = "\"We were told nothing,\" said another, who asked not to be named.";
    assert_eq!(
        speaker(t, "told nothing").as_deref(),
        Some("another, who asked not to be named")
    );
    let t = "\"Stay indoors tonight,\" police said.";
    assert_eq!(speaker(t, "indoors").as_deref(), Some("police"));
}

#[test]
fn names_with_particles_apostrophes_and_hyphens() {
    let t = "\"The port will stay open,\" said Joana da Silva-Reis.";
    assert_eq!(speaker(t, "port").as_deref(), Some("Joana da Silva-Reis"));
    let t = "\"I never saw the money,\" Sean O'Malley testified.";
    assert_eq!(speaker(t, "money").as_deref(), Some("Sean O'Malley"));
}

#[test]
fn adverbs_and_time_between_subject_and_verb() {
    let t = "\"The deal is done,\" Moreau also said on Tuesday.";
    assert_eq!(speaker(t, "deal").as_deref(), Some("Moreau"));
    let t = "\"It was a hard winter,\" the farmer later recalled.";
    assert_eq!(speaker(t, "winter").as_deref(), Some("the farmer"));
}

#[test]
fn statement_lead_names_the_speaker() {
    let t = "In a statement, the school board thanked parents for their \"patience and good humour\" during the closure.";
    assert_eq!(speaker(t, "patience").as_deref(), Some("the school board"));
}

#[test]
fn participle_takes_the_clause_subject() {
    let t = "Okafor praised the volunteers, calling their work \"nothing short of heroic.\"";
    assert_eq!(speaker(t, "heroic").as_deref(), Some("Okafor"));
}

#[test]
fn dash_credit() {
    let t = "\"Democracy dies in silence.\" — Maya Lindgren";
    assert_eq!(speaker(t, "Democracy").as_deref(), Some("Maya Lindgren"));
}

#[test]
fn from_lead_in() {
    let t = "From the mayor: \"Every street will be plowed by morning.\"";
    assert_eq!(speaker(t, "plowed").as_deref(), Some("the mayor"));
}

#[test]
fn question_then_verb_stays_one_sentence() {
    let t = "\"Who pays for the repairs?\" asked Councillor Ben Arslan.";
    assert_eq!(speaker(t, "repairs").as_deref(), Some("Ben Arslan"));
    let t = "\"Who pays for the repairs?\" Arslan asked.";
    assert_eq!(speaker(t, "repairs").as_deref(), Some("Arslan"));
}

#[test]
fn configured_verbs_are_cues() {
    let text = "Headline\n\n\"Nobody reads the fine print,\" Delaney deadpanned.";
    let a = analyze(text, Format::Plain, &Config::default());
    assert!(a.attributions[0].speaker.is_none());
    let config = Config {
        verbs: vec!["deadpan".to_string()],
        ..Config::default()
    };
    let a = analyze(text, Format::Plain, &config);
    assert_eq!(a.attributions[0].speaker.as_ref().unwrap().text, "Delaney");
}

#[test]
fn a_cue_without_a_subject_does_not_attribute() {
    let t = "Nobody knew what was said. \"The gates were locked at midnight.\"";
    assert_eq!(speaker(t, "gates"), None);
    assert_eq!(unattributed(t).len(), 1);
}

#[test]
fn cue_words_inside_the_quote_do_not_count() {
    let t = "\"He said he would pay us back,\" and the crowd went quiet.";
    assert_eq!(speaker(t, "pay us"), None);
}

// Rule 2: the same paragraph.

#[test]
fn second_quote_in_paragraph_inherits() {
    let t = "\"We rebuilt once,\" Hamid said. \"We will rebuild again.\"";
    let a = attribution(t, "again");
    assert_eq!(a.speaker.unwrap().text, "Hamid");
    assert_eq!(a.rule, Some(Rule::SameParagraph));
}

#[test]
fn quote_after_indirect_speech_in_the_same_paragraph() {
    let t =
        "Nakamura said exports would recover by spring. \"The orders are already coming back.\"";
    let a = attribution(t, "orders");
    assert_eq!(a.speaker.unwrap().text, "Nakamura");
    assert_eq!(a.rule, Some(Rule::SameParagraph));
}

#[test]
fn quote_split_around_the_attribution() {
    let t = "\"The first week,\" she said, \"was the hardest of my life.\"";
    assert_eq!(speaker(t, "hardest").as_deref(), Some("she"));
}

// Rule 3: quotation-only paragraphs and continued quotes.

#[test]
fn quotation_paragraph_after_attributed_quote() {
    let t = "\"The levee held,\" said engineer Paul Ferris.\n\n\"But it will not hold twice.\"";
    let a = attribution(t, "hold twice");
    assert_eq!(a.speaker.unwrap().text, "Paul Ferris");
    assert_eq!(a.rule, Some(Rule::FollowsParagraph));
    assert!(unattributed(t).is_empty());
}

#[test]
fn quotation_paragraph_after_indirect_speech_is_flagged() {
    let t = "Deputy Mayor Ines Kovac said the fund was nearly empty. She said cuts were likely.\n\n\"We cannot pay for everything.\"";
    assert_eq!(speaker(t, "cannot pay"), None);
    assert_eq!(unattributed(t), vec!["\"We cannot pay for everything.\""]);
}

#[test]
fn quotation_paragraph_after_unquoted_paragraph_is_flagged() {
    let t = "The clinic opened in 2019.\n\n\"It changed everything for us.\"";
    assert_eq!(unattributed(t), vec!["\"It changed everything for us.\""]);
}

#[test]
fn quotation_paragraph_after_lead_in() {
    let t = "The minister said in a statement:\n\n\"The border will reopen on Monday.\"";
    assert_eq!(speaker(t, "border").as_deref(), Some("The minister"));
}

#[test]
fn rule_three_chains_across_paragraphs() {
    let t = "\"We lost the barn,\" said Greta Olsen.\n\n\"We lost the herd.\"\n\n\"We did not lose each other.\"";
    assert_eq!(speaker(t, "each other").as_deref(), Some("Greta Olsen"));
}

#[test]
fn continued_quote_inherits_and_credit_flows_back() {
    // Credit in the first paragraph flows forward.
    let t = "“The first winter we had no roof,” said Ada Ruiz. “We slept in the church.\n\n“The second winter the town rebuilt the school.”";
    let a = attribution(t, "second winter");
    assert_eq!(a.speaker.unwrap().text, "Ada Ruiz");
    assert_eq!(a.rule, Some(Rule::FollowsParagraph));
    assert!(unattributed(t).is_empty());
    // Credit only in the last paragraph flows back to the opening part.
    let t = "“The first part runs on and on.\n\n“And the second part ends here,” said Ada Ruiz.";
    let a = attribution(t, "first part");
    assert_eq!(a.speaker.unwrap().text, "Ada Ruiz");
    assert_eq!(a.rule, Some(Rule::FollowsParagraph));
    assert!(unattributed(t).is_empty());
}

// What is not speech.

#[test]
fn so_called_term_is_not_speech() {
    let t = "Officials are weighing a so-called \"managed retreat\" from the coast.";
    let a = attribution(t, "managed");
    assert!(!a.is_speech);
    assert_eq!(a.not_speech, Some(NotSpeech::Term));
    assert!(unattributed(t).is_empty());
}

#[test]
fn short_phrase_in_running_sentence_is_a_term() {
    let t = "Researchers have mapped the \"data deserts\" across the region.";
    assert!(!attribution(t, "data deserts").is_speech);
    assert!(unattributed(t).is_empty());
    // A short full clause standing alone is speech.
    let t = "The mayor left the room.\n\n\"We quit.\"";
    assert_eq!(unattributed(t).len(), 1);
}

#[test]
fn quoted_titles_are_not_speech() {
    let t = "Its title, \"Coastal Flooding in Small Harbour Towns,\" was changed before print.";
    assert_eq!(attribution(t, "Coastal").not_speech, Some(NotSpeech::Title));
    let t = "She wrote a report titled \"what the river took from us\" last year.";
    assert!(!attribution(t, "river took").is_speech);
    let t = "The exhibition, called \"Light After the Storm,\" opens in May.";
    assert!(!attribution(t, "Light After").is_speech);
    assert!(unattributed(t).is_empty());
}

#[test]
fn sign_and_chant_text_is_not_speech() {
    let t = "Protesters carried signs reading \"Hands off our hospital.\"";
    assert_eq!(
        attribution(t, "Hands off").not_speech,
        Some(NotSpeech::Sign)
    );
    let t = "Hundreds marched downtown chanting \"No more cuts, no more lies\" for an hour.";
    assert!(!attribution(t, "No more cuts").is_speech);
    let t = "A banner over the gate said \"Welcome home, sailors.\"";
    assert!(!attribution(t, "Welcome").is_speech);
    assert!(unattributed(t).is_empty());
}

#[test]
fn heading_quote_echoed_in_the_body_is_not_speech() {
    let text = "# \"The water just kept rising\": a town counts its losses\n\n\"The water just kept rising, and then the power went,\" said Lorna Biggs.\n";
    let a = analyze(text, Format::Markdown, &Config::default());
    assert_eq!(a.attributions[0].not_speech, Some(NotSpeech::Heading));
    assert!(unattributed_in(&a).is_empty());
}

#[test]
fn quotes_outside_prose_are_not_read() {
    let text = "---\ntitle: \"A quote in front matter that nobody said\"\n---\n\n```text\n\"A quote in code that nobody said at all.\"\n```\n\nThe council met.\n";
    let a = analyze(text, Format::Markdown, &Config::default());
    assert!(unattributed_in(&a).is_empty());
}

#[test]
fn nested_quotes_take_the_outer_attribution() {
    let text = "Headline\n\n“We asked for ‘safe corridors’ and got nothing, not even ‘a single open road for the wounded,’” the envoy said.";
    let a = analyze(text, Format::Plain, &Config::default());
    let outer = quote_index(&a, "We asked");
    let term = a
        .draft
        .quotes
        .iter()
        .position(|q| q.parent == Some(outer) && a.draft.prose_of(&q.inner) == "safe corridors")
        .expect("nested quote");
    let long = a
        .draft
        .quotes
        .iter()
        .position(|q| q.parent == Some(outer) && a.draft.prose_of(&q.inner).contains("wounded"))
        .expect("nested quote");
    let out = &a.attributions;
    assert_eq!(out[outer].speaker.as_ref().unwrap().text, "the envoy");
    for nested in [term, long] {
        assert_eq!(out[nested].speaker, out[outer].speaker);
        assert_eq!(out[nested].source, Some(outer));
    }
    // A short term inside a quote is not speech of its own; a longer quotation is.
    assert!(!out[term].is_speech);
    assert_eq!(out[term].not_speech, Some(NotSpeech::Term));
    assert!(out[long].is_speech);
    assert!(unattributed_in(&a).is_empty());
}

#[test]
fn documents_speak_for_their_authors() {
    let t = "The lawsuit accuses the landlord of \"a pattern of neglect that endangered tenants.\"";
    assert_eq!(speaker(t, "pattern").as_deref(), Some("The lawsuit"));
    let t = "The audit found that the department had \"no reliable record of its spending.\"";
    assert_eq!(speaker(t, "reliable").as_deref(), Some("The audit"));
    // A copula quotes nobody.
    let t = "The plan is \"a disaster for every family on the east side.\"";
    assert_eq!(speaker(t, "disaster"), None);
    assert_eq!(unattributed(t).len(), 1);
}

#[test]
fn possessive_utterances_name_the_speaker() {
    let t = "Hollis's reply was short: \"Not a chance.\"";
    assert_eq!(speaker(t, "Not a chance").as_deref(), Some("Hollis"));
    let t = "\"We will see you in court,\" was Mayor Dana Pruitt’s answer.";
    assert_eq!(speaker(t, "see you").as_deref(), Some("Dana Pruitt"));
    let t = "In the words of one shop owner, \"the street died the day the bridge closed.\"";
    assert_eq!(speaker(t, "street died").as_deref(), Some("one shop owner"));
}

#[test]
fn verbs_after_the_quote() {
    let t = "\"See you all at the polls,\" the senator posted on Friday.";
    assert_eq!(speaker(t, "polls").as_deref(), Some("the senator"));
    let t = "\"The storm will stall over the bay,\" forecasters predicted.";
    assert_eq!(speaker(t, "stall").as_deref(), Some("forecasters"));
}

#[test]
fn participle_after_a_dateline() {
    let t = "BRUSSELS, May 5, 2025 — European regulators on Monday fined the company, calling its conduct \"systematic and deliberate.\"";
    assert_eq!(
        speaker(t, "systematic").as_deref(),
        Some("European regulators")
    );
    let t = "Critics have long accused the firm of treating fines as \"a cost of doing business.\"";
    assert_eq!(speaker(t, "cost of").as_deref(), Some("Critics"));
    let t = "\"Peanuts,\" she repeated.";
    assert_eq!(speaker(t, "Peanuts").as_deref(), Some("she"));
}

#[test]
fn subject_before_a_relative_clause() {
    let t = "Residents who lost their homes said \"the county abandoned us.\"";
    assert_eq!(speaker(t, "abandoned").as_deref(), Some("Residents"));
    let t = "\"We are the majority!\" the crowd roared.";
    assert_eq!(speaker(t, "majority").as_deref(), Some("the crowd"));
}

#[test]
fn open_quote_holding_its_own_credit() {
    let text = "Headline\n\n\"We will win this, Marquez said.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    assert_eq!(a.attributions[0].speaker.as_ref().unwrap().text, "Marquez");
}

// Hover and inlay hints.

#[test]
fn hover_names_speaker_cue_and_rule() {
    let text = "Headline\n\n\"The bridge is safe,\" Inspector Hal Burke said. \"We checked every bolt.\"\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let at = text.find("every bolt").unwrap();
    let h = hover(&a, at).expect("a card");
    assert!(h.markdown.contains("Hal Burke"), "{}", h.markdown);
    assert!(h.markdown.contains("said"));
    assert!(h.markdown.contains("continues the quote of Hal Burke"));
    let at = text.find("bridge").unwrap();
    let h = crate::analysis::hover::hover_at(&a, at).expect("dispatched");
    assert!(h.markdown.contains("said in the same sentence"));
}

#[test]
fn hover_says_when_no_speaker_is_found() {
    let text = "Headline\n\nThe vote was close.\n\n\"It should never have happened.\"\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let h = hover(&a, text.find("never").unwrap()).unwrap();
    assert!(h.markdown.contains("No speaker found"));
}

#[test]
fn inlay_hint_after_pronoun_speaker_resolved_to_an_entity() {
    use crate::analysis::entities::{Entity, EntityKind};
    let text = "Headline\n\n\"We hold the line,\" he said.\n";
    let mut a = analyze(text, Format::Plain, &Config::default());
    a.entities = vec![Entity {
        name: "Sergei Volkov".to_string(),
        kind: EntityKind::Person,
        role: None,
        mentions: Vec::new(),
        variants: Vec::new(),
        stray: Vec::new(),
        quotes: vec![0],
        note: None,
    }];
    a.attributions[0].speaker.as_mut().unwrap().entity = Some(0);
    let hints = inlay_hints(&a);
    let he = text.find("he said").unwrap();
    assert_eq!(hints.len(), 1);
    assert_eq!(hints[0].offset, he + 2);
    assert_eq!(hints[0].label, "Sergei Volkov");
    // A name speaker gets no hint.
    let text = "Headline\n\n\"We hold the line,\" Volkov said.\n";
    let mut a = analyze(text, Format::Plain, &Config::default());
    a.entities = vec![Entity {
        name: "Sergei Volkov".to_string(),
        kind: EntityKind::Person,
        role: None,
        mentions: Vec::new(),
        variants: Vec::new(),
        stray: Vec::new(),
        quotes: vec![0],
        note: None,
    }];
    a.attributions[0].speaker.as_mut().unwrap().entity = Some(0);
    assert!(inlay_hints(&a).is_empty());
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "\"",
        "\"\"",
        "“",
        "”",
        "\"a\" \"b\" \"c",
        "Он сказал: \"Мы готовы\", — заявил Иванов.",
        "قال \"نحن مستعدون\" المتحدث",
        "\"🎉 Party!\" said 🎉.",
        "\"e\u{301}\u{301}\", said é\u{301}.",
        "line\r\n\r\n\"quoted\r\n\r\n\"more\",\r\n",
        "\u{0}\u{1}\"\u{fffd}\"",
        ", said",
        "said \"",
        "— \"x\" —",
    ] {
        let a = analyze(text, Format::Plain, &Config::default());
        assert_eq!(a.attributions.len(), a.draft.quotes.len());
        let _ = inlay_hints(&a);
        for i in 0..text.len() {
            let _ = hover(&a, i);
        }
        let a = analyze(text, Format::Markdown, &Config::default());
        assert_eq!(a.attributions.len(), a.draft.quotes.len());
    }
}

#[test]
fn the_person_speaks_not_the_place_they_represent() {
    let t = "\"It is a bad bill,\" Sen. Rand Paul of Kentucky said. \"We got the job done,\" \
             Senate Majority Leader John Thune of South Dakota said afterward.";
    assert_eq!(speaker(t, "bad bill").as_deref(), Some("Rand Paul"));
    assert_eq!(speaker(t, "job done").as_deref(), Some("John Thune"));
    // An organization named with "of" stays whole.
    let t = "\"Rates will hold,\" the Bank of England said.";
    assert_eq!(speaker(t, "Rates").as_deref(), Some("Bank of England"));
}

#[test]
fn an_appositive_missing_its_closing_comma_leaves_the_name_speaking() {
    let t = "\"We know it was a tornado,\" Gary Woodall, a meteorologist at the National \
             Weather Service office said Monday.";
    assert_eq!(speaker(t, "tornado").as_deref(), Some("Gary Woodall"));
    // A comma that ends a clause before the name opens no appositive.
    let t = "\"We know it was a tornado,\" Woodall said, the agency reported.";
    assert_eq!(speaker(t, "tornado").as_deref(), Some("Woodall"));
}

#[test]
fn according_to_a_persons_statement_names_the_person() {
    let t = "\"McGirt will remain in custody,\" according to Wilson's statement.";
    assert_eq!(speaker(t, "custody").as_deref(), Some("Wilson"));
}

#[test]
fn a_bare_yes_or_no_is_a_term_and_an_apology_is_speech() {
    assert!(unattributed("Three members voted \"no\" with Democrats.").is_empty());
    let t = "Pugh, who resigned last May, apologized \"to the citizens and to everyone.\"";
    assert_eq!(speaker(t, "citizens").as_deref(), Some("Pugh"));
}

#[test]
fn a_relative_clause_on_the_quote_is_no_speaker() {
    let t = "\"These are impressive results\" that together predict a 15% to 20% reduction in \
             risk of heart attacks and strokes, Dr. Michael Miller, preventive cardiology chief \
             at the University of Maryland Medical Center, told the AP.";
    assert_eq!(speaker(t, "impressive").as_deref(), Some("Michael Miller"));
}

#[test]
fn a_quoted_name_after_an_article_does_not_end_the_search_for_the_speaker() {
    let t = "\"There is so much more to Dawn Wells\" than the \"Gilligan's Island\" character \
             that brought her fame, Boll said in a statement.";
    assert_eq!(speaker(t, "so much more").as_deref(), Some("Boll"));
}

#[test]
fn a_passive_verbs_agent_speaks_the_quote_after_as() {
    let t = "The park was lauded by John Updike as \"a compromise between order and chance.\"";
    assert_eq!(speaker(t, "compromise").as_deref(), Some("John Updike"));
    let t = "The plan was described by police as \"a last resort.\"";
    assert_eq!(speaker(t, "last resort").as_deref(), Some("police"));
}

// The person, not the body they belong to.

#[test]
fn a_person_before_an_affiliation_speaks() {
    for (text, who) in [
        (
            "Peter Iseley of worldwide victim group Ending Clergy Abuse said, \"Report it.\"",
            "Peter Iseley",
        ),
        (
            "Yvette Cooper of the Labour Party added, \"Report it.\"",
            "Yvette Cooper",
        ),
        (
            "Dr. Steven Wolf at Saint Francis said, \"Report it.\"",
            "Steven Wolf",
        ),
        (
            "\"Report it,\" said UCL astronomer Angelos Tsiaras.",
            "Angelos Tsiaras",
        ),
        (
            "The president of the League for the Defence of Human Rights, Jamel Msallem, \
             said, \"Report it.\"",
            "Jamel Msallem",
        ),
        (
            "An official from TfL stated: \"Report it.\"",
            "An official from TfL",
        ),
        (
            "\"Report it,\" a spokesman for the ministry said.",
            "a spokesman for the ministry",
        ),
        // One name: an organization's head word is no person.
        (
            "\"Report it,\" the Bank of England said.",
            "Bank of England",
        ),
        (
            "\"Report it,\" Sen. Rand Paul of Kentucky said.",
            "Rand Paul",
        ),
    ] {
        assert_eq!(speaker(text, "Report").as_deref(), Some(who), "{text}");
    }
}

#[test]
fn a_quote_attributed_before_it_ends_its_sentence() {
    let t = "Detective Darren Gough said, \"This is a tragic incident.\" An official from the \
             council stated: \"We are working with the police.\"";
    assert_eq!(speaker(t, "tragic").as_deref(), Some("Darren Gough"));
    assert_eq!(
        speaker(t, "working").as_deref(),
        Some("An official from the council")
    );
}

#[test]
fn a_named_subject_speaks_the_quote_in_its_predicate() {
    for (text, who) in [
        (
            "Trump hailed the agreements as the \"dawn of a new Middle East.\"",
            Some("Trump"),
        ),
        (
            "Hawkins attacked the \"macho culture\" of the military.",
            Some("Hawkins"),
        ),
        (
            "The mayor of London, Sadiq Khan, thanked \"the police and emergency staff.\"",
            Some("Sadiq Khan"),
        ),
        (
            "Trump, responding via Twitter, attacked the inquiry as \"Witch Hunt garbage.\"",
            Some("Trump"),
        ),
        // No speech in a description, a copula or a sentence-opening function word.
        (
            "The new helmet is their \"number one requested hero helmet.\"",
            None,
        ),
        (
            "While checks continue, officials will \"streamline\" the process.",
            None,
        ),
    ] {
        let a = run(text);
        let q = a
            .attributions
            .iter()
            .find(|x| x.speaker.is_some() || x.is_speech);
        let got = q.and_then(|q| q.speaker.as_ref()).map(|s| s.text.as_str());
        assert_eq!(got, who, "{text}");
    }
}

#[test]
fn a_document_or_statement_speaks_for_its_author() {
    let t = "\"Houston should have been selected,\" Cornyn's statement added.";
    assert_eq!(speaker(t, "Houston").as_deref(), Some("Cornyn"));
    let t = "\"It is likely that the outbreak caused more cases\", reads the report.";
    assert_eq!(speaker(t, "likely").as_deref(), Some("the report"));
    let t = "Mike Ryan of the World Health Organization (WHO) told the press: \"Surveillance \
             will stop Ebola.\"";
    assert_eq!(speaker(t, "Surveillance").as_deref(), Some("Mike Ryan"));
}

#[test]
fn relative_clauses_infinitives_and_possessive_credits_name_the_speaker() {
    let t = "The research was led by Mark Hay, a marine ecologist at GT, who said \"Local \
             management can help.\"";
    assert_eq!(speaker(t, "Local").as_deref(), Some("Mark Hay"));
    let t = "One of them even went as far to say, \"I am glad that they did.\"";
    assert_eq!(speaker(t, "glad").as_deref(), Some("One of them"));
    let t = "\"Heartbroken and numb,\" writes Huber's longtime tag team partner Erick Rowan on \
             Instagram. \"I have lost a brother!\"";
    assert_eq!(speaker(t, "Heartbroken").as_deref(), Some("Erick Rowan"));
    assert_eq!(speaker(t, "brother").as_deref(), Some("Erick Rowan"));
}

#[test]
fn a_quote_in_an_interview_answer_is_the_answering_speakers() {
    let t = "((WN)) How did the experiment go?\n\n((Valeria Gazzola)) At first we thought \
             \"they are gonna prefer the easy lever.\" They did not.\n\nAnd then people \
             started to say \"well of course, you care about your kids.\"";
    assert_eq!(speaker(t, "easy lever").as_deref(), Some("Valeria Gazzola"));
    assert_eq!(speaker(t, "your kids").as_deref(), Some("Valeria Gazzola"));
}

#[test]
fn a_name_set_off_after_a_description_speaks() {
    let t = "In the words of the Crown prosecutor, Mark Tedeschi, QC, \"She cried for months.\"";
    assert_eq!(speaker(t, "cried").as_deref(), Some("Mark Tedeschi"));
    let t = "The mayor of London, Sadiq Khan, gave his condolences, adding, \"An enquiry is \
             underway.\"";
    assert_eq!(speaker(t, "enquiry").as_deref(), Some("Sadiq Khan"));
}
