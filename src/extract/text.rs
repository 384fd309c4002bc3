//! Plain-text page scrapes.

use crate::model::Extracted;

/// Extract the citing article and the references of a plain-text page scrape.
pub fn extract_text_page(_text: &str) -> Extracted {
    Extracted::default()
}
