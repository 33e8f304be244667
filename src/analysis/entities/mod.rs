//! People, places and organizations: extraction, coreference and variants (DESIGN.md, "Names").

use super::attribution::Attribution;
use crate::config::Config;
use crate::draft::{Draft, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
        }
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// The full name, or a spelling of it ("Sergey Rudskoi", "Rudskoy").
    Name,
    /// A title or descriptor ("the Russian general").
    Descriptor,
    Pronoun,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub kind: MentionKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The canonical (dominant, fullest) name.
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub mentions: Vec<Mention>,
    /// Spellings other than the dominant one.
    pub variants: Vec<String>,
    /// Indices of the quotes attributed to this entity.
    pub quotes: Vec<usize>,
    /// The house style note, when the style book knows this entity.
    pub note: Option<String>,
}

/// Extracts entities, and resolves each quote speaker to one (`Speaker::entity`).
pub fn extract(_draft: &Draft, _attributions: &mut [Attribution], _config: &Config) -> Vec<Entity> {
    Vec::new()
}
