//! PubMed efetch XML (quick-xml). Placeholder until issue 3 lands.

use crate::error::ExtractError;
use crate::model::Extracted;

/// Extract every article and its references from efetch XML.
///
/// # Errors
/// On malformed XML.
pub fn extract_xml(_xml: &str) -> Result<Vec<Extracted>, ExtractError> {
    Ok(vec![Extracted {
        warnings: vec!["XML input is not supported yet".into()],
        ..Extracted::default()
    }])
}
