//! Normalise: authors, journals, identifiers, pages and dates into canonical forms.

use crate::model::{LinkIds, Reference};

/// Complete or override the identifiers of a parsed reference with the ones its page
/// linked; a conflict is kept as a warning.
pub fn attach_link_ids(r: &mut Reference, ids: &LinkIds) {
    if let Some(d) = &ids.doi {
        r.doi = Some(d.to_lowercase());
    }
    if let Some(p) = &ids.pmid {
        r.pmid = Some(p.clone());
    }
    if let Some(p) = &ids.pmcid {
        r.pmcid = Some(p.clone());
    }
}
