//! Behaviour on whole drafts.

use crate::analysis::analyze;
use crate::analysis::local::facts_of;
use crate::config::Config;
use crate::draft::Format;

use super::{extract, link_speakers, EntityKind, MentionKind};
use crate::analysis::attribution::{Attribution, Speaker, SpeakerKind};
use crate::draft::Draft;

fn variants(text: &str) -> Vec<String> {
    variants_with(text, &Config::default())
}

fn variants_with(text: &str, config: &Config) -> Vec<String> {
    variants_in(&analyze(text, Format::Plain, config))
}

/// The mentions that stray from their entity's dominant spelling (what the `name-variant`
/// check flags in a draft), as text, in order.
fn variants_in(a: &crate::analysis::Analysis) -> Vec<String> {
    let mut stray: Vec<&crate::Span> = a
        .entities
        .iter()
        .flat_map(|e| e.stray.iter().map(|s| &s.span))
        .collect();
    stray.sort_by_key(|s| (s.start, s.end));
    stray
        .into_iter()
        .map(|s| a.draft.text[s.clone()].to_string())
        .collect()
}

fn entity<'a>(a: &'a crate::analysis::Analysis, name: &str) -> &'a super::Entity {
    a.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no entity {name}: {:?}",
                a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        })
}

const H: &str = "Headline\n\n";

#[test]
fn people_who_share_a_surname_stay_apart() {
    let text = format!("{H}Councillor Marcus Hale voted against the plan. Joan Hale, the council's treasurer, said reserves would stay high. She is not related to Councillor Hale.");
    let a = analyze(&text, Format::Plain, &Config::default());
    let marcus = entity(&a, "Marcus Hale");
    let joan = entity(&a, "Joan Hale");
    assert_eq!(marcus.mentions.len(), 2, "Councillor Hale is Marcus");
    assert_eq!(joan.role.as_deref(), Some("council's treasurer"));
    assert!(variants(&text).is_empty());
}

#[test]
fn siblings_and_a_bare_surname() {
    let text = format!("{H}For 22 years, Ana Martínez has run the harbour. \"We leave,\" Martínez said. Her brother, José Martínez, a fisherman, disagrees. Martinez first proposed the closure.");
    let a = analyze(&text, Format::Plain, &Config::default());
    let ana = entity(&a, "Ana Martínez");
    let jose = entity(&a, "José Martínez");
    assert_eq!(jose.role.as_deref(), Some("fisherman"));
    assert_eq!(jose.mentions.len(), 1);
    assert_eq!(ana.mentions.len(), 3, "the bare surname stays with Ana");
    assert_eq!(variants(&text), ["Martinez"]);
}

#[test]
fn father_and_son_are_different_people() {
    let text =
        format!("{H}George H.W. Bush met reporters. George W. Bush spoke later. Bush said little.");
    let a = analyze(&text, Format::Plain, &Config::default());
    assert!(
        a.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .count()
            >= 2
    );
    assert!(variants(&text).is_empty());
    let text = format!("{H}Kim Jong Il ruled until 2011. His son Kim Jong Un succeeded him. Officials said Kim Jong Un would travel.");
    assert!(variants(&text).is_empty());
}

#[test]
fn near_identical_names_of_different_people_stay_silent() {
    for text in [
        format!("{H}The spokesman, Kevin Tran, said no. Kevin Walsh, a lawyer, said yes. Tran left."),
        format!("{H}Professor Li Carlson said the data was thin. Team spokeswoman Mia Carlsen said it was not. Carlson and Carlsen disagreed."),
        format!("{H}Wendy Chan, a professor, said it was thin. Peter Chen, a spokesman, said it was not. Chan left."),
        format!("{H}Steve Martin said yes. Ana Martins said no. Martin left, and Martins stayed."),
        format!("{H}Saddam Hussein ruled Iraq. Ali Husseini, a cleric, said so. Hussein died in 2006."),
    ] {
        assert!(variants(&text).is_empty(), "{text}: {:?}", variants(&text));
    }
}

#[test]
fn every_variant_kind_fires() {
    let cases = [
        // accents
        (format!("{H}Dr. Luís Carvalho spoke. Carvalho said yes. Luis Carvalho left."), "Luis Carvalho"),
        // transliteration
        (format!("{H}Lieutenant-General Sergey Rudskoi said so. Rudskoi said more. Rudskoy said militants left. Rudskoi said."), "Rudskoy"),
        // doubled letter
        (format!("{H}Valley Electric spokeswoman Priya Raman said so. Raman said more. Raaman said later."), "Raaman"),
        // dropped letter
        (format!("{H}Dr. Amara Nwosu led the study. Nwosu said it worked. Dr. Nwosou said more."), "Nwosou"),
        // one-letter slip, with a lopsided count
        (format!("{H}Mayor Elena Vasquez spoke. \"Yes,\" Vasquez said. Vasques told reporters more."), "Vasques"),
        // places: an older spelling
        (format!("{H}Talks were held in Kyiv on Monday. A second round was held in Kiev on Thursday. Kyiv said so."), "Kiev"),
    ];
    for (text, want) in cases {
        assert_eq!(variants(&text), [want], "{text}");
    }
}

#[test]
fn house_style_wins_over_the_drafts_majority() {
    let config = Config::from_toml(
        "[[people]]\nname = \"Volodymyr Zelensky\"\naliases = [\"Zelensky\"]\nwrong = [\"Zelenskiy\"]\n",
    )
    .unwrap();
    let text = format!("{H}President Volodymyr Zelenskyy spoke. Zelenskyy said so. Zelensky left.");
    assert_eq!(
        variants_with(&text, &config),
        ["Volodymyr Zelenskyy", "Zelenskyy"]
    );
    let text = format!("{H}General Sergey Rudskoi said so. Rudskoy said militants left. Rudskoi said more. Rudskoy added.");
    let a = analyze(&text, Format::Plain, &Config::default());
    assert_eq!(entity(&a, "Sergey Rudskoi").variants, ["Rudskoy"]);
}

#[test]
fn titles_appositives_and_kinds() {
    let text = format!("{H}MOSCOW, October 13. Head of the Main Operations Department at Russia's General Staff Lieutenant-General Sergey Rudskoi said on Thursday that the Jabhat al-Nusra grouping was near the Castello Road and the Omar bin Khatab mosque. A spokesman, Kevin Tran, said the FBI and the University of Lisbon agreed. His lawyer, Samuel K. Whitfield Jr., wrote to former fund manager Declan O'Brien. O'Brien's partner refused. Assistant U.S. Attorney Maria Delgado-Reyes said so.");
    let a = analyze(&text, Format::Plain, &Config::default());
    let check = |name: &str, kind: EntityKind, role: Option<&str>| {
        let e = entity(&a, name);
        assert_eq!(e.kind, kind, "{name}");
        if let Some(r) = role {
            assert!(
                e.role.as_deref().unwrap_or("").contains(r),
                "{name}: {:?}",
                e.role
            );
        }
    };
    check(
        "Sergey Rudskoi",
        EntityKind::Person,
        Some("Main Operations Department"),
    );
    check("Jabhat al-Nusra", EntityKind::Organization, None);
    check("Castello Road", EntityKind::Place, None);
    check("Omar bin Khatab mosque", EntityKind::Place, None);
    check("Kevin Tran", EntityKind::Person, Some("spokesman"));
    check("FBI", EntityKind::Organization, None);
    check("University of Lisbon", EntityKind::Organization, None);
    check(
        "Samuel K. Whitfield Jr.",
        EntityKind::Person,
        Some("lawyer"),
    );
    check(
        "Declan O'Brien",
        EntityKind::Person,
        Some("former fund manager"),
    );
    check(
        "Maria Delgado-Reyes",
        EntityKind::Person,
        Some("Assistant U.S. Attorney"),
    );
    check("Moscow", EntityKind::Place, None);
    let text = format!("{H}Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi. Shares of Google rose.");
    let b = analyze(&text, Format::Plain, &Config::default());
    let e = entity(&b, "Antony Blinken");
    assert_eq!(e.role.as_deref(), Some("Secretary of State"));
    assert!(b
        .entities
        .iter()
        .all(|e| e.name != "Google" || e.kind != EntityKind::Place));
    assert_eq!(
        entity(&a, "Declan O'Brien").mentions.len(),
        2,
        "possessive O'Brien's"
    );
    for junk in ["Thursday", "October", "Russian", "A", "His"] {
        assert!(a.entities.iter().all(|e| e.name != junk), "{junk}");
    }
}

#[test]
fn sentence_initial_capitals_need_evidence() {
    let text = format!("{H}Residents packed the chamber. Court documents show losses. Nwosu's team followed 1,240 patients. Dr. Amara Nwosu led it. Raaman said later that Priya Raman was right.");
    let a = analyze(&text, Format::Plain, &Config::default());
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        !names.contains(&"Residents") && !names.contains(&"Court"),
        "{names:?}"
    );
    assert_eq!(entity(&a, "Amara Nwosu").mentions.len(), 2);
}

fn speaker(text: &str, needle: &str, kind: SpeakerKind) -> Speaker {
    let start = text.find(needle).unwrap();
    Speaker {
        span: start..start + needle.len(),
        text: needle.to_string(),
        kind,
        entity: None,
    }
}

#[test]
fn speakers_resolve_names_descriptors_and_pronouns() {
    let text = "Headline\n\nLieutenant-General Sergey Rudskoi said on Thursday that aid was ready.\n\n\"We are ready,\" Rudskoi said.\n\n\"We will discuss,\" the Russian general said.\n\nMayor Elena Vasquez spoke too. \"Later,\" he said.\n\n\"No,\" a spokesman said.\n";
    let draft = Draft::parse(text, Format::Plain);
    let mut attributions: Vec<Attribution> = draft
        .quotes
        .iter()
        .enumerate()
        .map(|(quote, _)| Attribution {
            quote,
            is_speech: true,
            speaker: None,
            cue: None,
            rule: None,
            source: None,
            not_speech: None,
        })
        .collect();
    assert_eq!(attributions.len(), 4);
    attributions[0].speaker = Some(speaker(text, "Rudskoi said.", SpeakerKind::Name));
    attributions[0].speaker.as_mut().unwrap().span.end -= " said.".len();
    attributions[1].speaker = Some(speaker(
        text,
        "the Russian general",
        SpeakerKind::Descriptor,
    ));
    attributions[2].speaker = Some(speaker(text, "he said", SpeakerKind::Pronoun));
    attributions[2].speaker.as_mut().unwrap().span.end -= " said".len();
    attributions[2].speaker.as_mut().unwrap().text = "he".into();
    attributions[3].speaker = Some(speaker(text, "a spokesman", SpeakerKind::Descriptor));
    let (entities, links) = extract(&draft, &facts_of(&draft), &attributions, &Config::default());
    link_speakers(&mut attributions, &links);
    let name_of = |i: usize| {
        attributions[i]
            .speaker
            .as_ref()
            .unwrap()
            .entity
            .map(|e| entities[e].name.as_str())
    };
    assert_eq!(name_of(0), Some("Sergey Rudskoi"));
    assert_eq!(name_of(1), Some("Sergey Rudskoi"));
    // "he" skips the mayor only when her gender is known; here it is the last person named.
    assert_eq!(name_of(2), Some("Elena Vasquez"));
    assert_eq!(name_of(3), None, "no spokesman in the story");
    let rudskoi = entities
        .iter()
        .find(|e| e.name == "Sergey Rudskoi")
        .unwrap();
    assert_eq!(rudskoi.quotes, [0, 1]);
    assert!(rudskoi
        .mentions
        .iter()
        .any(|m| m.kind == MentionKind::Descriptor && m.text == "the Russian general"));
}

#[test]
fn hover_card_tells_the_source_sheet() {
    let text = format!(
        "{H}Lieutenant-General Sergey Rudskoi said so. Rudskoy said more. Rudskoi said it again."
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    let at = text.find("Rudskoy").unwrap();
    let card = crate::analysis::hover::hover_at(&a, at + 2).unwrap();
    assert!(
        card.markdown.contains("**Sergey Rudskoi** · person"),
        "{}",
        card.markdown
    );
    assert!(card.markdown.contains("Lieutenant-General"));
    assert!(card.markdown.contains("3 mentions"));
    assert!(card.markdown.contains("'Rudskoy'"));
    assert!(card.markdown.contains("line 3"));
    assert_eq!(card.span, at..at + "Rudskoy".len());
    assert!(crate::analysis::hover::hover_at(&a, text.find("said").unwrap()).is_none());
}

#[test]
fn hover_card_of_a_much_quoted_person_lists_ten_quotes_and_counts_the_rest() {
    let mut text = format!("{H}Mayor Priya Raman spoke at the hall.");
    for i in 1..=14 {
        text.push_str(&format!("\n\n\"Point {i} stands,\" Raman said."));
    }
    let a = analyze(&text, Format::Plain, &Config::default());
    let at = text.find("Priya").unwrap();
    let card = crate::analysis::hover::hover_at(&a, at + 1)
        .unwrap()
        .markdown;
    assert!(card.contains("14 quotes attributed:"), "{card}");
    assert!(card.contains("“Point 10 stands,”"), "{card}");
    assert!(!card.contains("“Point 11 stands,”"), "{card}");
    assert!(
        card.contains("and 4 more (the source sheet lists every quote)"),
        "{card}"
    );
}

#[test]
fn odd_text_never_panics() {
    for text in [
        "",
        "\"",
        "Ж. «Мир» сказал",
        "É'",
        "A.B.C. D.",
        "O'",
        "al-",
        "Mr. ",
        "Dr. X's'",
        "🙂 Kyiv 🙂 Kiev",
        "\u{301}Ana",
        "The The The",
        "MOSCOW,",
        "X, 5,",
    ] {
        let _ = analyze(text, Format::Plain, &Config::default());
        let _ = analyze(text, Format::Markdown, &Config::default());
    }
}

#[test]
fn capitalized_titles_in_apposition_are_roles_not_organizations() {
    let text = format!("{H}\"We are ready,\" said Edward Pitoniak, Chief Executive Officer of the Company. Jim Abrahamson, Chairman of the Board, agreed. Ana Lima, Senior Vice President and General Counsel at Acme Corp., declined to comment.");
    let a = analyze(&text, Format::Plain, &Config::default());
    assert_eq!(
        entity(&a, "Edward Pitoniak").role.as_deref(),
        Some("Chief Executive Officer of the Company")
    );
    assert_eq!(
        entity(&a, "Jim Abrahamson").role.as_deref(),
        Some("Chairman of the Board"),
        "a sentence-initial name with a title after it is a person"
    );
    assert_eq!(
        entity(&a, "Ana Lima").role.as_deref(),
        Some("Senior Vice President and General Counsel at Acme Corp.")
    );
    assert_eq!(entity(&a, "Acme Corp.").kind, EntityKind::Organization);
    assert!(
        a.entities.iter().all(|e| !e.name.starts_with("Chief")
            && !e.name.starts_with("Chairman")
            && e.name != "Counsel"),
        "{:?}",
        a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_title_before_the_name_in_apposition_and_the_organization_after_of() {
    let text = format!("{H}The residence of the Minister of the Federal Capital Territory (FCT), Nyesom Wike, was attacked. She is the Vice Chairman of the Virginia Retirement System. The home of the minister, Ana Okoro, was empty.");
    let a = analyze(&text, Format::Plain, &Config::default());
    assert_eq!(
        entity(&a, "Nyesom Wike").role.as_deref(),
        Some("Minister of the Federal Capital Territory")
    );
    assert_eq!(entity(&a, "Ana Okoro").role.as_deref(), Some("minister"));
    assert_eq!(
        entity(&a, "Virginia Retirement System").kind,
        EntityKind::Organization
    );
}

#[test]
fn a_list_of_titled_people_is_not_one_role() {
    let text = format!("{H}Mayor Elena Vasquez, Councillor Tom Ray and Dr. Ana Lima spoke.");
    let a = analyze(&text, Format::Plain, &Config::default());
    assert_eq!(entity(&a, "Elena Vasquez").role.as_deref(), Some("Mayor"));
    assert_eq!(entity(&a, "Tom Ray").role.as_deref(), Some("Councillor"));
}

#[test]
fn abbreviations_keep_their_capitals_in_the_canonical_name() {
    let text =
        "NEW YORK, June 3 -- The U.S. economy grew, while the UAE and UK markets fell.".to_string();
    let a = analyze(&text, Format::Plain, &Config::default());
    assert!(
        a.entities.iter().any(|e| e.name == "U.S."),
        "{:?}",
        a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    assert!(a
        .entities
        .iter()
        .all(|e| e.name != "U.s." && e.name != "Uae"));
    assert!(
        a.entities.iter().any(|e| e.name == "New York"),
        "a dateline's capitals are title-cased, its dashes dropped: {:?}",
        a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_titles_qualifying_words_after_its_head_are_no_name() {
    let text = "Chief Executive Sarah O'Neill said sales fell. Chief Operating Officer Jo Lee \
                agreed, and Chief Justice John Roberts wrote the opinion.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    for (name, role) in [
        ("Sarah O'Neill", "Chief Executive"),
        ("Jo Lee", "Chief Operating Officer"),
        ("John Roberts", "Chief Justice"),
    ] {
        assert_eq!(entity(&a, name).role.as_deref(), Some(role), "{name}");
    }
}

#[test]
fn where_someone_works_is_an_organization_not_the_speaker() {
    let text = "Markets\n\nAnalysts at Jefferies said the plan was overdue. A trader at \
                Barclays said prices rose. Residents at Elm Ridge said the water was off.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    for firm in ["Jefferies", "Barclays"] {
        assert_eq!(entity(&a, firm).kind, EntityKind::Organization, "{firm}");
    }
    // A place after `at` is no speaker either: no person, no organization.
    assert!(a
        .entities
        .iter()
        .all(|e| e.name != "Elm Ridge" || e.kind == EntityKind::Place));
}

#[test]
fn the_object_of_told_and_an_affiliation_are_no_speakers() {
    let text = "Science\n\n\"It is real,\" Stamenkovic told National Geographic. An official \
                from TfL stated that trains ran.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    for name in ["National Geographic", "TfL"] {
        assert!(
            a.entities
                .iter()
                .all(|e| e.name != name || e.kind != EntityKind::Person),
            "{name} is no person"
        );
    }
}

#[test]
fn places_named_like_adjectives_are_places() {
    let text = "Flooding hit Missouri and Hawaii on Tuesday, and aid reached Mali and Haiti.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    for name in ["Missouri", "Hawaii", "Mali", "Haiti"] {
        assert_eq!(entity(&a, name).kind, EntityKind::Place, "{name}");
    }
}

#[test]
fn a_place_named_with_a_nationality_or_a_connector_is_one_place() {
    let text = "Saudi Arabia said on Tuesday that flights to the Dominican Republic, \
                Trinidad and Tobago and the Isle of Man would resume. Officials in Bosnia \
                said the vote was fair. Serbia and Montenegro held talks in The Hague and \
                Dar es Salaam.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    for name in [
        "Saudi Arabia",
        "Dominican Republic",
        "The Hague",
        "Dar es Salaam",
        "Trinidad and Tobago",
        "Isle of Man",
        "Bosnia",
        "Serbia",
        "Montenegro",
    ] {
        assert_eq!(entity(&a, name).kind, EntityKind::Place, "{name}");
    }
    assert_eq!(a.entities.len(), 9, "{:?}", a.entities);
}

#[test]
fn what_is_according_to_someone_is_no_place() {
    let text = "According to Maria Lopez, the plan failed. Officials spoke to Kevin Tran. \
                Flights to Harare resumed.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let places: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(places, ["Harare"]);
}

#[test]
fn a_role_over_a_named_place_before_the_name_makes_a_person() {
    let text = "The governor of Missouri, Mike Parson, signed the bill. Officials said the \
                former chief executive of Barclays, Jes Staley, would appeal.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let parson = entity(&a, "Mike Parson");
    assert_eq!(parson.kind, EntityKind::Person);
    assert_eq!(parson.role.as_deref(), Some("governor of Missouri"));
    let staley = entity(&a, "Jes Staley");
    assert_eq!(
        staley.role.as_deref(),
        Some("former chief executive of Barclays")
    );
    assert_eq!(entity(&a, "Missouri").kind, EntityKind::Place);
}

#[test]
fn an_appositive_role_starts_after_the_clause_that_leads_to_it() {
    let text = "In addition to her daughter, she is survived by a son, Daniel Ellison, of \
                Columbus; and a sister, Helen Kowalski of Toledo. Her only brother, Tom \
                Kowalski, died in 2011.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    assert_eq!(entity(&a, "Daniel Ellison").role.as_deref(), Some("son"));
    assert_eq!(entity(&a, "Helen Kowalski").role.as_deref(), Some("sister"));
    assert_eq!(
        entity(&a, "Tom Kowalski").role.as_deref(),
        Some("only brother")
    );
}

#[test]
fn a_common_given_name_before_a_surname_makes_a_person() {
    let text = "Marcus Semien opened the inning. Toronto's Vladimir Guerrero Jr. had three \
                hits. Jose Leclerc pitched a scoreless ninth. Traffic on Paul Revere Road \
                was closed, officials at Henry Ford Health said.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    for name in ["Marcus Semien", "Vladimir Guerrero Jr.", "Jose Leclerc"] {
        assert_eq!(entity(&a, name).kind, EntityKind::Person, "{name}");
    }
    assert_eq!(entity(&a, "Paul Revere Road").kind, EntityKind::Place);
    assert_eq!(
        entity(&a, "Henry Ford Health").kind,
        EntityKind::Organization
    );
}

#[test]
fn a_city_named_like_a_common_word_needs_more_than_an_opening_capital() {
    let text = "Man charged in warehouse fire\n\nReading the report, officials in Mobile \
                said a man was held.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        !names.contains(&"Man") && !names.contains(&"Reading"),
        "{names:?}"
    );
    assert_eq!(entity(&a, "Mobile").kind, EntityKind::Place);
    let a = analyze(
        "Headline\n\nOfficials in Reading said a man was held.\n",
        Format::Plain,
        &Config::default(),
    );
    assert_eq!(entity(&a, "Reading").kind, EntityKind::Place);
}

#[test]
fn well_known_organizations_need_no_cue_word() {
    let text = "Headline\n\nIsrael and Hamas agreed to extend the truce, Reuters reported. \
                Aid entered Gaza on Monday, the United Nations said.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    for name in ["Hamas", "Reuters", "United Nations"] {
        assert_eq!(entity(&a, name).kind, EntityKind::Organization, "{name}");
    }
    assert_eq!(entity(&a, "Israel").kind, EntityKind::Place);
}

#[test]
fn a_journal_a_study_is_published_in_and_the_centers_for_disease_control() {
    let text = "Headline\n\nThe study was published Monday in JAMA Neurology. Nearly 10% of \
                Americans have dementia, the Centers for Disease Control and Prevention \
                estimates.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    for name in [
        "JAMA Neurology",
        "Centers for Disease Control and Prevention",
    ] {
        assert_eq!(entity(&a, name).kind, EntityKind::Organization, "{name}");
    }
}

#[test]
fn a_lawmakers_party_and_state_are_no_name() {
    let text = "Senate Majority Leader Chuck Schumer, D-N.Y., spoke. Sen. Ted Cruz, R-Texas, \
                and Sen. Bernie Sanders, I-Vt., objected.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        !names.iter().any(|n| n.starts_with("D-")
            || n.starts_with("R-")
            || n.starts_with("I-")
            || *n == "Texas"),
        "{names:?}"
    );
    assert_eq!(entity(&a, "Chuck Schumer").kind, EntityKind::Person);
}

#[test]
fn a_compass_word_opens_a_company_name_and_born_opens_no_name() {
    let text = "Shares of rival Western Digital Corp fell. Western officials were calm. \
                Born Margaret Anne Kowalski in Toledo, she studied law.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    assert_eq!(
        entity(&a, "Western Digital Corp").kind,
        EntityKind::Organization
    );
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with("Born")), "{names:?}");
    assert!(!names.contains(&"Western"), "{names:?}");
}

#[test]
fn a_datelines_city_is_read_apart_from_its_abbreviated_state() {
    let text = "ST. LOUIS, Mo. (AP) — Buses in St. Louis will run all night, officials said.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Mo")), "{names:?}");
    assert_eq!(entity(&a, "St. Louis").mentions.len(), 2);
    let text = "ST. PAUL, Minn. — Buses will run all night, officials said.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    assert_eq!(entity(&a, "St. Paul").kind, EntityKind::Place);
}

#[test]
fn a_datelines_state_or_country_is_a_place_of_its_own() {
    let text = "COLUMBUS, Ohio (AP) — A storm knocked out power across Ohio on Tuesday.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    assert_eq!(entity(&a, "Columbus").mentions.len(), 1);
    let ohio = entity(&a, "Ohio");
    assert_eq!(ohio.kind, EntityKind::Place);
    assert_eq!(ohio.mentions.len(), 2, "{:?}", ohio.mentions);
    // What the gazetteer does not know as a place stays with the city.
    let text = "Lawmakers meet\n\nWASHINGTON, D.C. — Lawmakers met on Tuesday.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Washington, D.C."]);
}

#[test]
fn a_headline_in_title_case_is_no_organization() {
    let body = "ABUJA, June 3 (Reuters) - The Nigeria Police Force said reports of an attack on Minister Nyesom Wike were false.\n";
    let text = format!("Police Debunk Claims Of Attack On Wike In Abuja\n\n{body}");
    let a = analyze(&text, Format::Plain, &Config::default());
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Debunk")), "{names:?}");
    // The headline's names count when the story names them too, or the gazetteer knows them.
    let wike = entity(&a, "Nyesom Wike");
    assert_eq!(wike.mentions.len(), 2, "{:?}", wike.mentions);
    assert_eq!(entity(&a, "Abuja").mentions.len(), 2);
    assert_eq!(
        entity(&a, "Nigeria Police Force").kind,
        EntityKind::Organization
    );

    // Headline styles that leave the little words in lowercase.
    for headline in [
        "Police Debunk Claims of Attack on Wike in Abuja",
        "Police Say Claims of Attack on Wike Were False",
    ] {
        let a = analyze(
            &format!("{headline}\n\n{body}"),
            Format::Plain,
            &Config::default(),
        );
        assert!(
            a.entities.iter().all(|e| !e.name.starts_with("Police")),
            "{headline}"
        );
    }

    // A headline in sentence case, or all names and function words, is read as before.
    for headline in [
        "Police debunk claims of attack on Wike",
        "Sergey Rudskoi said on Thursday talks went well",
    ] {
        let text = format!("{headline}\n\n{body}");
        let a = analyze(&text, Format::Plain, &Config::default());
        let heading = &a.draft.paragraphs[0].span;
        let in_heading = |e: &&super::Entity| e.mentions.iter().any(|m| m.span.end <= heading.end);
        let named: Vec<&str> = a
            .entities
            .iter()
            .filter(in_heading)
            .map(|e| e.name.as_str())
            .collect();
        assert!(
            named.contains(&"Nyesom Wike") || named.contains(&"Sergey Rudskoi"),
            "{headline}: {named:?}"
        );
    }
}

#[test]
fn an_and_inside_an_institutions_name_joins_it() {
    let text = format!("{H}The Food and Drug Administration approved the drug. The Department of Health and Human Services agreed, as did the Securities and Exchange Commission. Officials in Kyiv and Lviv, the Pentagon and State Department said nothing.");
    let a = analyze(&text, Format::Plain, &Config::default());
    for name in [
        "Food and Drug Administration",
        "Department of Health and Human Services",
        "Securities and Exchange Commission",
    ] {
        assert_eq!(entity(&a, name).kind, EntityKind::Organization, "{name}");
    }
    // Elsewhere an "and" between capitals still separates two names.
    for name in ["Kyiv", "Lviv", "State Department"] {
        entity(&a, name);
    }
    assert!(a
        .entities
        .iter()
        .all(|e| !e.name.contains(" and Lviv") && !e.name.contains("Pentagon and")));
}

#[test]
fn an_organization_named_again_without_its_nationality_is_the_same_one() {
    let text = format!("{H}The U.S. Food and Drug Administration approved the drug. The British Foreign Office welcomed it. Later the Food and Drug Administration and the Foreign Office issued a joint statement.");
    let a = analyze(&text, Format::Plain, &Config::default());
    assert_eq!(
        entity(&a, "U.S. Food and Drug Administration")
            .mentions
            .len(),
        2
    );
    assert_eq!(entity(&a, "British Foreign Office").mentions.len(), 2);
    assert!(variants_in(&a).is_empty());

    // Two organizations of that name: the bare one could be either, and stays apart.
    let text = format!("{H}The Russian Foreign Ministry and the Ukrainian Foreign Ministry disagreed. The Foreign Ministry said nothing more.");
    let a = analyze(&text, Format::Plain, &Config::default());
    for name in [
        "Russian Foreign Ministry",
        "Ukrainian Foreign Ministry",
        "Foreign Ministry",
    ] {
        assert_eq!(entity(&a, name).mentions.len(), 1, "{name}");
    }
}

#[test]
fn a_team_and_a_position_before_a_name_are_a_role() {
    let text = format!(
        "{H}Texas starter Nathan Eovaldi allowed two runs. Blue Jays closer Jordan Romano \
         earned the save, and Toronto shortstop Bo Bichette had three hits."
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    assert_people_with_roles(
        &a,
        &[
            ("Nathan Eovaldi", "Texas starter"),
            ("Jordan Romano", "Blue Jays closer"),
            ("Bo Bichette", "Toronto shortstop"),
        ],
    );
}

fn assert_people_with_roles(a: &crate::analysis::Analysis, expected: &[(&str, &str)]) {
    for &(name, role) in expected {
        let e = entity(a, name);
        assert_eq!(
            (e.kind, e.role.as_deref()),
            (EntityKind::Person, Some(role)),
            "{name}"
        );
    }
}

#[test]
fn regions_the_news_names_are_places() {
    let text = format!(
        "{H}Officials in Scotland and the West Bank met envoys from Quebec, Bavaria and \
         Kashmir."
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    for name in ["Scotland", "West Bank", "Quebec", "Bavaria", "Kashmir"] {
        assert_eq!(entity(&a, name).kind, EntityKind::Place, "{name}");
    }
}

#[test]
fn a_full_name_then_the_surname_alone_is_a_person() {
    let text = format!(
        "{H}Thom Tillis of North Carolina voted against the bill. Tillis and Collins \
         opposed the cuts. He was fouled by George Leach late. Leach, who scored 26, \
         was upset.\n\nStruggling Southend led early. Southend faded. The Coffs Tigers won \
         again, and the Tigers celebrated."
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    for name in ["Thom Tillis", "George Leach"] {
        let e = entity(&a, name);
        assert_eq!(e.kind, EntityKind::Person, "{name}");
        assert_eq!(e.mentions.len(), 2, "{name}");
    }
    assert!(
        a.entities.iter().all(|e| e.kind != EntityKind::Person
            || !e.name.contains("Southend") && !e.name.contains("Tigers")),
        "{:?}",
        a.entities
            .iter()
            .map(|e| (&e.name, e.kind))
            .collect::<Vec<_>>()
    );
}

#[test]
fn codes_time_zones_and_possessive_company_names() {
    let text = format!(
        "{H}The tornado was rated EF-1, and an EF2 hit at 9 a.m. ET. Macy's said its profit \
         slumped. Hamas said the talks failed."
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    let names: Vec<(&str, EntityKind)> = a
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    assert_eq!(
        names,
        [
            ("Macy", EntityKind::Organization),
            ("Hamas", EntityKind::Organization)
        ]
    );
}

#[test]
fn roles_with_capitalized_titles_bare_nouns_and_long_titles() {
    let text = format!(
        "{H}Robert Hur, the US Attorney for the District of Maryland, said the case was \
         closed.\n\n\"We will rebuild,\" said Tara Hrbacek, board member.\n\n\"She was \
         kind,\" publicist Harlan Boll said.\n\nLions assistant coach Adam Woods asked his \
         players to stay calm.\n\n\"It was over quickly,\" Okaloosa County Director of \
         Public Safety Alvin Henderson said."
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    assert_people_with_roles(
        &a,
        &[
            ("Robert Hur", "US Attorney for the District of Maryland"),
            ("Tara Hrbacek", "board member"),
            ("Harlan Boll", "publicist"),
            ("Adam Woods", "Lions assistant coach"),
            (
                "Alvin Henderson",
                "Okaloosa County Director of Public Safety",
            ),
        ],
    );
}

#[test]
fn a_plural_title_before_a_list_makes_people_without_a_role() {
    let text = format!(
        "{H}Republican Sens. Rand Paul of Kentucky and Susan Collins of Maine voted no.\n\n\
         Austin Shaver said the plan works. Commissioners Shaver and Bob Franke voted for it."
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    let paul = entity(&a, "Rand Paul");
    assert_eq!(
        (paul.kind, paul.role.as_deref()),
        (EntityKind::Person, None)
    );
    assert!(a
        .entities
        .iter()
        .all(|e| !e.name.starts_with("Commissioners")));
}

#[test]
fn a_surname_with_particles_is_one_person_however_it_opens() {
    let text = format!(
        "{H}The trial was run by Marta de la Fuente, a cardiologist in Seville. \"The effect was \
         large,\" de la Fuente said. De la Fuente added that the sample was small.\n\n\
         Commissioner Ursula von der Leyen met the ministers. \"We are ready,\" said von der \
         Leyen. Von der Leyen left at noon. Fuente was not there.\n\n\
         \"I still love it,\" Van Morrison said in Belfast. He parked his van Smith had lent \
         him."
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    let marta = entity(&a, "Marta de la Fuente");
    let mentions: Vec<&str> = marta
        .mentions
        .iter()
        .map(|m| &text[m.span.clone()])
        .collect();
    assert_eq!(
        mentions,
        [
            "Marta de la Fuente",
            "de la Fuente",
            "De la Fuente",
            "Fuente"
        ]
    );
    let ursula = entity(&a, "Ursula von der Leyen");
    assert_eq!(ursula.mentions.len(), 3, "{:?}", ursula.mentions);
    for (quote, speaker) in [
        ("The effect", "Marta de la Fuente"),
        ("We are ready", "Ursula von der Leyen"),
    ] {
        let at = text.find(quote).unwrap();
        let quote = a
            .draft
            .quotes
            .iter()
            .position(|q| q.span.contains(&at))
            .unwrap();
        let attribution = a.attributions.iter().find(|q| q.quote == quote).unwrap();
        let e = attribution
            .speaker
            .as_ref()
            .and_then(|s| s.entity)
            .map(|e| a.entities[e].name.as_str());
        assert_eq!(e, Some(speaker), "{quote}");
    }
    // A given name that is also a particle opens its own person; a particle after a
    // possessive opens no name.
    entity(&a, "Van Morrison");
    assert!(a.entities.iter().all(|e| !e.name.contains("van Smith")));
    assert!(variants(&text).is_empty());
}

#[test]
fn it_said_is_the_organization_last_named_and_they_said_no_one_person() {
    let text = "Roads\n\nMayor Ann Lee opened the road. The Emergencies Ministry warned of ice. \
                It also urged people to \"drive slowly and keep your distance.\"\n\n\
                Ann Lee and Tom Hart met residents. \"We want answers now,\" they said.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let quote = |needle: &str| {
        let at = text.find(needle).unwrap();
        a.draft
            .quotes
            .iter()
            .position(|q| q.span.contains(&at))
            .unwrap()
    };
    let ministry = entity(&a, "Emergencies Ministry");
    assert!(ministry.quotes.contains(&quote("drive slowly")));
    assert!(a
        .entities
        .iter()
        .all(|e| !e.quotes.contains(&quote("answers"))));
}

#[test]
fn an_acronym_is_the_organization_it_abbreviates_and_unknown_capitals_are_no_organization() {
    let text = "Health\n\nThe World Health Organization (WHO) named the disease. WHO said \
                cases rose. The ROS levels and IQ scores of patients were tested.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    let who = entity(&a, "World Health Organization");
    assert_eq!(who.kind, EntityKind::Organization);
    assert!(who.mentions.iter().any(|m| m.text == "WHO"));
    assert!(
        a.entities.iter().all(|e| e.name != "WHO"),
        "one organization, not two"
    );
    for term in ["ROS", "IQ"] {
        assert!(
            a.entities.iter().all(|e| e.name != term),
            "{term} is no organization"
        );
    }
}

#[test]
fn an_organization_opening_a_role_chain_is_named_too() {
    let text = "Space\n\nNASA Administrator Charles Bolden spoke on Tuesday. Bolden left.\n";
    let a = analyze(text, Format::Plain, &Config::default());
    assert_eq!(entity(&a, "NASA").kind, EntityKind::Organization);
    let bolden = entity(&a, "Charles Bolden");
    assert_eq!(bolden.role.as_deref(), Some("NASA Administrator"));
}

#[test]
fn a_name_with_a_stroked_letter_and_its_ascii_spelling_are_one_person() {
    for (text, person, variant) in [
        (
            format!("{H}Lars Sørensen said the turbines would be ready in May. Sørensen said the delay was over.\n\nSorensen told reporters the cost had doubled."),
            "Lars Sørensen",
            "Sorensen",
        ),
        (
            format!("{H}Lech Wałęsa said the shipyard had changed.\n\nWalesa told reporters he would return."),
            "Lech Wałęsa",
            "Walesa",
        ),
    ] {
        let a = analyze(&text, Format::Plain, &Config::default());
        let people: Vec<&str> = a
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(people, [person], "{text}");
        assert_eq!(entity(&a, person).variants, [variant]);
        assert_eq!(variants_in(&a), [variant]);
    }
}
