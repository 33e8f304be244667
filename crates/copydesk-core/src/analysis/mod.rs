//! Analysis: the facts of a draft (who speaks each quote, who and where each name is, what
//! each date and number refers to). A pure function of the text and the configuration,
//! shared by the CLI and the server. It says what is there and judges nothing: the checks
//! (`crate::checks`) read it and make the findings.

use crate::config::Config;
use crate::draft::{Draft, Format};
use crate::parallel;

pub mod attribution;
pub mod chars;
pub mod dates;
pub mod entities;
pub mod facts;
pub mod hover;
pub mod local;
pub mod numbers;
pub mod places;
pub(crate) mod speech_verbs;
pub mod words;

pub use attribution::Attribution;
pub use dates::{DateMention, StoryDate};
pub use entities::Entity;
pub use hover::Hover;
pub use numbers::NumberClaim;

/// Everything copydesk knows about one draft.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub draft: Draft,
    pub story_date: StoryDate,
    /// One per quote of the draft, in the same order as `draft.quotes`.
    pub attributions: Vec<Attribution>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
    pub numbers: Vec<NumberClaim>,
    /// The ages and titles stated beside the people's names.
    pub stated: facts::Stated,
}

/// Reads a draft and runs every analysis on it.
pub fn analyze(text: &str, format: Format, config: &Config) -> Analysis {
    analyze_with(text, format, config, None)
}

/// [`analyze`], taking the facts of paragraphs read before from `cache` (and keeping this
/// draft's in it): the server keeps one cache per open document, so an edit re-reads only
/// the paragraphs it touched. The result is the same as [`analyze`]'s.
pub fn analyze_with(
    text: &str,
    format: Format,
    config: &Config,
    cache: Option<&mut local::Cache>,
) -> Analysis {
    analyze_draft(Draft::parse(text, format), config, cache)
}

/// [`analyze`] of a text the caller gives away (the command line's drafts): the draft
/// keeps it instead of a copy.
pub fn analyze_owned(text: String, format: Format, config: &Config) -> Analysis {
    analyze_owned_with(text, format, config, None)
}

/// [`analyze_with`] of a text the caller gives away (the server's, made from its rope for
/// the run): the draft keeps it instead of a copy.
pub fn analyze_owned_with(
    text: String,
    format: Format,
    config: &Config,
    cache: Option<&mut local::Cache>,
) -> Analysis {
    analyze_draft(Draft::parse_owned(text, format), config, cache)
}

fn analyze_draft(draft: Draft, config: &Config, mut cache: Option<&mut local::Cache>) -> Analysis {
    let facts = local::facts(&draft, config, cache.as_deref_mut());
    let story_date = dates::story_date(&draft, config);
    let mut attributions = attribution::attribute(&draft, &facts, config);
    // The entities on this core; the dates and the numbers, which need neither the
    // entities nor which entity speaks each quote, beside them on another.
    let long = draft.text.len() >= parallel::LONG_DRAFT_BYTES;
    let ((entities, speakers), (dates, numbers)) = parallel::both(
        long,
        || entities::extract(&draft, &facts, &attributions, config),
        || {
            let dates = dates::resolve(&draft, &facts, &story_date);
            let numbers = numbers::claims(&draft, &facts, &attributions, config);
            (dates, numbers)
        },
    );
    entities::link_speakers(&mut attributions, &speakers);
    let stated = facts::read(&draft, &entities);
    if let Some(cache) = cache {
        cache.keep_rereads(&facts);
    }
    // The facts of paragraphs no cache keeps (all of them without a cache, a repeated
    // paragraph's second reading with one) are freed on another core.
    parallel::drop_aside(facts, long);
    Analysis {
        draft,
        story_date,
        attributions,
        entities,
        dates,
        numbers,
        stated,
    }
}

impl Analysis {
    /// The entity with a mention covering `offset`.
    pub fn entity_at(&self, offset: usize) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.mentions.iter().any(|m| m.span.contains(&offset)))
    }

    /// The innermost quote covering `offset`.
    pub(crate) fn quote_at(&self, offset: usize) -> Option<usize> {
        self.draft
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.span.contains(&offset))
            .max_by_key(|(_, q)| q.depth)
            .map(|(i, _)| i)
    }

    /// The speaker's display name for quote `i` (the entity's canonical name when resolved).
    pub fn speaker_name(&self, quote: usize) -> Option<String> {
        let speaker = self.attributions.get(quote)?.speaker.as_ref()?;
        Some(match speaker.entity {
            Some(e) => self.entities[e].name.clone(),
            None => speaker.text.clone(),
        })
    }
}

/// An inlay hint: a short label shown at `offset` (e.g. the person behind "he said").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: usize,
    pub label: String,
}
