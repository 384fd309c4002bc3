//! Normalise: authors, journals, identifiers, pages and dates into canonical forms.
//!
//! One module per field family, each a set of pure functions with table tests
//! (`author`, `date`, `ident`, `journal`, `pages`). [`crate::parse`] calls them in this
//! fixed order when it turns borrowed fields into a [`Reference`]: identifiers, authors,
//! title and container, date, volume/issue/pages, type.

pub mod author;
pub mod date;
pub mod ident;
pub mod journal;
pub mod pages;

use crate::model::{LinkIds, Reference};

/// Complete or override the identifiers of a parsed reference with the ones its page
/// linked (HTML links, XML `<ArticleIdList>`). Link ids are normalised first (DOI
/// lower-case without resolver prefix, PMCID `PMC` + digits); when the text said
/// something else, the link wins and the conflict is kept as a warning.
pub fn attach_link_ids(r: &mut Reference, ids: &LinkIds) {
    let doi = ids.doi.as_deref().and_then(ident::normalize_doi);
    let pmid = ids.pmid.as_deref().and_then(ident::normalize_pmid);
    let pmcid = ids.pmcid.as_deref().and_then(ident::normalize_pmcid);
    merge(&mut r.doi, doi, "DOI", &mut r.warnings);
    merge(&mut r.pmid, pmid, "PMID", &mut r.warnings);
    merge(&mut r.pmcid, pmcid, "PMCID", &mut r.warnings);
}

fn merge(
    slot: &mut Option<String>,
    link: Option<String>,
    what: &str,
    warnings: &mut Vec<String>,
) {
    let Some(link) = link else { return };
    if let Some(text) = slot.as_deref()
        && text != link
    {
        warnings.push(format!("{what} in the text ({text}) differs from the linked {what} ({link}); using the link"));
    }
    *slot = Some(link);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_ids_complete_and_override() {
        let mut r = Reference { doi: Some("10.1000/old".into()), ..Reference::default() };
        let ids = LinkIds {
            doi: Some("https://doi.org/10.1000/NEW".into()),
            pmid: Some("32035533".into()),
            pmcid: Some("pmc7138017".into()),
        };
        attach_link_ids(&mut r, &ids);
        assert_eq!(r.doi.as_deref(), Some("10.1000/new"));
        assert_eq!(r.pmid.as_deref(), Some("32035533"));
        assert_eq!(r.pmcid.as_deref(), Some("PMC7138017"));
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].contains("10.1000/old"));
    }

    #[test]
    fn same_ids_give_no_warning() {
        let mut r = Reference { doi: Some("10.1000/x".into()), ..Reference::default() };
        attach_link_ids(
            &mut r,
            &LinkIds { doi: Some("doi:10.1000/X".into()), ..LinkIds::default() },
        );
        assert!(r.warnings.is_empty());
        attach_link_ids(
            &mut r,
            &LinkIds { pmid: Some("junk".into()), ..LinkIds::default() },
        );
        assert_eq!(r.pmid, None);
    }
}
