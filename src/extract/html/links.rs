//! Small grammars for the strings a PubMed page hides its facts in: reference link
//! targets, the "Show all N references" button, author search links.

use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1};
use nom::character::complete::{char, digit1, space1};
use nom::combinator::{eof, map_res, opt, peek};
use nom::sequence::{preceded, terminated};

use crate::extract::xml::record;
use crate::model::LinkIds;

// https://pubmed.ncbi.nlm.nih.gov | http://www.ncbi.nlm.nih.gov/pubmed
fn pubmed_host(input: &str) -> IResult<&str, &str> {
    preceded(
        alt((tag("https://"), tag("http://"))),
        alt((
            tag("pubmed.ncbi.nlm.nih.gov"),
            tag("www.ncbi.nlm.nih.gov/pubmed"),
            tag("ncbi.nlm.nih.gov/pubmed"),
        )),
    )
    .parse(input)
}

// /32015508/ | https://pubmed.ncbi.nlm.nih.gov/32035533/ | /pubmed/123?x | /123#frag
fn pubmed_href(input: &str) -> IResult<&str, &str> {
    preceded(
        (opt(pubmed_host), char('/'), opt(tag("pubmed/"))),
        terminated(digit1, (opt(char('/')), alt((eof, peek(tag("?")), peek(tag("#")))))),
    )
    .parse(input)
}

/// The PMID of a PubMed link target (`/32015508/`, `https://pubmed.ncbi.nlm.nih.gov/32035533/`).
pub(crate) fn pubmed_id(href: &str) -> Option<String> {
    pubmed_href(href.trim()).ok().map(|(_, d)| d.to_owned())
}

/// The PMCID of a PMC link target (`http://www.ncbi.nlm.nih.gov/pmc/articles/pmc7138017/`
/// gives `PMC7138017`; also `https://pmc.ncbi.nlm.nih.gov/articles/PMC7138017/`).
pub(crate) fn pmc_id(href: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    let at = memchr::memmem::find(lower.as_bytes(), b"/articles/pmc")?;
    let rest = href.get(at + "/articles/".len()..)?;
    let id = rest.split(['/', '?', '#']).next()?;
    record::clean_pmcid(id)
}

/// The DOI of a resolver link (`https://doi.org/10.1038/x`), as linked.
pub(crate) fn doi_of_href(href: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    let at = memchr::memmem::find(lower.as_bytes(), b"doi.org/")?;
    let doi = href.get(at + "doi.org/".len()..)?.trim();
    doi.starts_with("10.").then(|| percent_decode(doi))
}

/// The identifiers of one reference's links, from their targets, their
/// `data-ga-action` (which keeps the DOI's original case) and their label.
pub(crate) fn add_link_id(
    ids: &mut LinkIds,
    href: &str,
    action: Option<&str>,
    label: &str,
) {
    let action = action.map(str::trim).filter(|a| !a.is_empty());
    let label = label.trim();
    let doi = doi_of_href(href).map(|linked| match action {
        Some(a) if a.starts_with("10.") && a.eq_ignore_ascii_case(&linked) => {
            a.to_owned()
        }
        _ => linked,
    });
    let doi = doi.or_else(|| {
        (label.eq_ignore_ascii_case("doi"))
            .then_some(action)
            .flatten()
            .and_then(|a| a.starts_with("10.").then(|| a.to_owned()))
    });
    if let Some(doi) = doi {
        ids.doi.get_or_insert(doi);
        return;
    }
    let pmc = pmc_id(href).or_else(|| {
        label
            .eq_ignore_ascii_case("pmc")
            .then_some(action)
            .flatten()
            .and_then(record::clean_pmcid)
    });
    if let Some(pmc) = pmc {
        ids.pmcid.get_or_insert(pmc);
        return;
    }
    let pmid = pubmed_id(href).or_else(|| {
        label
            .eq_ignore_ascii_case("pubmed")
            .then_some(action)
            .flatten()
            .and_then(record::clean_pmid)
    });
    if let Some(pmid) = pmid {
        ids.pmid.get_or_insert(pmid);
    }
}

// Show all 19 references
fn show_all(input: &str) -> IResult<&str, u32> {
    preceded(
        (tag_no_case("show all"), space1),
        terminated(
            map_res(digit1, str::parse::<u32>),
            (space1, tag_no_case("reference")),
        ),
    )
    .parse(input)
}

/// N from the button text `Show all N references` (whitespace already folded).
pub(crate) fn show_all_total(text: &str) -> Option<u32> {
    show_all(text.trim()).ok().map(|(_, n)| n)
}

// /32264957/references/
fn references_path(input: &str) -> IResult<&str, &str> {
    preceded(
        (opt(pubmed_host), char('/')),
        terminated(digit1, (char('/'), tag("references"), opt(char('/')), eof)),
    )
    .parse(input)
}

/// The PMID of a `/<PMID>/references/` URL (relative or absolute).
pub(crate) fn references_pmid(url: &str) -> Option<String> {
    references_path(url.trim()).ok().map(|(_, d)| d.to_owned())
}

/// The PMID in the first `pubmed.ncbi.nlm.nih.gov/<PMID>/` URL found in `s`.
pub(crate) fn first_pubmed_url_pmid(s: &str) -> Option<String> {
    for (at, _) in s.match_indices("pubmed.ncbi.nlm.nih.gov/") {
        let rest = s.get(at + "pubmed.ncbi.nlm.nih.gov/".len()..)?;
        let digits: Result<(&str, &str), nom::Err<nom::error::Error<&str>>> =
            take_while1(|c: char| c.is_ascii_digit()).parse(rest);
        if let Ok((_, d)) = digits {
            return Some(d.to_owned());
        }
    }
    None
}

/// The value of a query parameter (`term` in `/?term=Qian+X&cauthor_id=1`), decoded.
pub(crate) fn query_param(href: &str, name: &str) -> Option<String> {
    let query = href.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or(query);
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| percent_decode(&v.replace('+', " ")))
    })
}

/// Decode `%XX` escapes (invalid ones are kept as written; invalid UTF-8 is replaced).
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pubmed_links() {
        assert_eq!(pubmed_id("/32015508/").as_deref(), Some("32015508"));
        assert_eq!(
            pubmed_id("https://pubmed.ncbi.nlm.nih.gov/32035533/").as_deref(),
            Some("32035533")
        );
        assert_eq!(
            pubmed_id("http://www.ncbi.nlm.nih.gov/pubmed/123?x=1").as_deref(),
            Some("123")
        );
        assert_eq!(pubmed_id("/pubmed/123").as_deref(), Some("123"));
        assert_eq!(pubmed_id("/32264957/references/"), None);
        assert_eq!(pubmed_id("https://example.org/123/"), None);
        assert_eq!(pubmed_id("/?term=x"), None);
    }

    #[test]
    fn pmc_links() {
        assert_eq!(
            pmc_id("http://www.ncbi.nlm.nih.gov/pmc/articles/pmc7138017/").as_deref(),
            Some("PMC7138017")
        );
        assert_eq!(
            pmc_id("https://pmc.ncbi.nlm.nih.gov/articles/PMC1/").as_deref(),
            Some("PMC1")
        );
        assert_eq!(pmc_id("https://example.org/articles/"), None);
        assert_eq!(pmc_id("https://x/articles/pmcabc/"), None);
    }

    #[test]
    fn doi_links() {
        assert_eq!(
            doi_of_href("https://doi.org/10.1038/s41586").as_deref(),
            Some("10.1038/s41586")
        );
        assert_eq!(
            doi_of_href("https://doi.org/10.1002/%28sici%29").as_deref(),
            Some("10.1002/(sici)")
        );
        assert_eq!(doi_of_href("https://doi.org/"), None);
        assert_eq!(doi_of_href("https://example.org/10.1/x"), None);
    }

    #[test]
    fn link_ids_prefer_original_case() {
        let mut ids = LinkIds::default();
        add_link_id(
            &mut ids,
            "https://doi.org/10.1016/s0140",
            Some("10.1016/S0140"),
            "DOI",
        );
        add_link_id(
            &mut ids,
            "http://www.ncbi.nlm.nih.gov/pmc/articles/pmc5/",
            Some("PMC5"),
            "PMC",
        );
        add_link_id(&mut ids, "/42/", Some("42"), "PubMed");
        add_link_id(&mut ids, "/43/", Some("43"), "PubMed");
        assert_eq!(ids.doi.as_deref(), Some("10.1016/S0140"));
        assert_eq!(ids.pmcid.as_deref(), Some("PMC5"));
        assert_eq!(ids.pmid.as_deref(), Some("42"));
        let mut ids = LinkIds::default();
        add_link_id(&mut ids, "https://doi.org/10.1/a", Some("10.9/other"), "DOI");
        add_link_id(&mut ids, "https://example.org/", Some("whatever"), "Link");
        assert_eq!(ids, LinkIds { doi: Some("10.1/a".into()), ..LinkIds::default() });
    }

    #[test]
    fn show_all_button() {
        assert_eq!(show_all_total("Show all 19 references"), Some(19));
        assert_eq!(show_all_total("Show all 1 reference"), Some(1));
        assert_eq!(show_all_total("Show all references"), None);
        assert_eq!(show_all_total("Show all 99999999999 references"), None);
    }

    #[test]
    fn references_urls() {
        assert_eq!(references_pmid("/32264957/references/").as_deref(), Some("32264957"));
        assert_eq!(
            references_pmid("https://pubmed.ncbi.nlm.nih.gov/7/references").as_deref(),
            Some("7")
        );
        assert_eq!(references_pmid("/32264957/"), None);
        assert_eq!(
            first_pubmed_url_pmid(
                "x https://pubmed.ncbi.nlm.nih.gov/?t pubmed.ncbi.nlm.nih.gov/55/"
            )
            .as_deref(),
            Some("55")
        );
        assert_eq!(first_pubmed_url_pmid("nothing"), None);
    }

    #[test]
    fn query_params() {
        let href = "https://pubmed.ncbi.nlm.nih.gov/?term=Huynh+TLD&cauthor_id=1";
        assert_eq!(query_param(href, "term").as_deref(), Some("Huynh TLD"));
        assert_eq!(query_param(href, "nope"), None);
        assert_eq!(
            percent_decode("a%5BCorporate%20Author%5D%zz%"),
            "a[Corporate Author]%zz%"
        );
        assert_eq!(percent_decode("%C3%A9"), "é");
    }
}
