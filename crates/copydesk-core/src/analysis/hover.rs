//! Hover: what copydesk knows about the thing under the cursor, as Markdown. Each analysis
//! contributes its own card; the most specific one wins.

use super::Analysis;
use crate::draft::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// The text the card is about.
    pub span: Span,
    pub markdown: String,
}

/// The hover card at a byte offset: a person/place/organization, else a date, a number,
/// then the quote around the offset.
pub fn hover_at(analysis: &Analysis, offset: usize) -> Option<Hover> {
    if let Some(mut card) = super::entities::hover(analysis, offset) {
        if let Some(e) = analysis.entity_at(offset) {
            card.markdown.push_str(&super::facts::age_line(analysis, e));
            let entity = &analysis.entities[e];
            if entity.kind == super::entities::EntityKind::Place {
                card.markdown
                    .push_str(&super::places::card(&entity.name).unwrap_or_default());
            }
        }
        return Some(card);
    }
    None.or_else(|| super::dates::hover(analysis, offset))
        .or_else(|| super::numbers::hover(analysis, offset))
        .or_else(|| super::attribution::hover(analysis, offset))
}
