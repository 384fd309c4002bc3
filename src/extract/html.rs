//! HTML pages and the references fragment (scraper). Placeholder until issue 3 lands.

use crate::model::Extracted;

/// Extract the references of a saved PubMed HTML page or references fragment.
pub fn extract_html(_html: &str) -> Extracted {
    Extracted {
        warnings: vec!["HTML input is not supported yet".into()],
        ..Extracted::default()
    }
}
