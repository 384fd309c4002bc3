//! The user's existing BibTeX library (`--merge-with LIBRARY.bib`): works already there
//! keep their key and are not emitted again.
//!
//! A work is "already there" when the library holds an entry with the same DOI, else the
//! same PMID, else the same first-author family name, year and title (folded), as
//! [`crate::dedup`] compares them.

use std::collections::HashMap;
use std::path::Path;

use biblatex::{Bibliography, ChunksExt};

use crate::dedup::fingerprint;
use crate::model::{Date, Name, Pages, Person, RefType, Reference, Status};

/// Why a library could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LibraryError {
    /// The file could not be read.
    #[error("cannot read the library: {0}")]
    Io(#[from] std::io::Error),
    /// The BibTeX does not parse.
    #[error("cannot parse the library as BibTeX: {0}")]
    Parse(String),
}

/// An existing library, indexed by DOI, PMID and fingerprint.
#[derive(Debug, Default)]
pub struct Library {
    entries: Vec<Reference>,
    index: HashMap<String, usize>,
}

impl Library {
    /// Read a `.bib` file.
    ///
    /// # Errors
    /// When the file cannot be read or does not parse as BibTeX.
    pub fn load(path: &Path) -> Result<Library, LibraryError> {
        let bytes = std::fs::read(path)?;
        Library::parse(&String::from_utf8_lossy(&bytes), &path.display().to_string())
    }

    /// Read a library from BibTeX text; `source` names it in the records' origin.
    ///
    /// # Errors
    /// When the text does not parse as BibTeX.
    pub fn parse(text: &str, source: &str) -> Result<Library, LibraryError> {
        let bib =
            Bibliography::parse(text).map_err(|e| LibraryError::Parse(e.to_string()))?;
        let mut lib = Library::default();
        for (i, entry) in bib.iter().enumerate() {
            let mut r = to_reference(entry);
            r.origin.source = source.to_owned();
            r.origin.ordinal = i as u32 + 1;
            for k in lookup_keys(&r) {
                lib.index.entry(k).or_insert(i);
            }
            lib.entries.push(r);
        }
        Ok(lib)
    }

    /// The library's entries, in file order, with their keys.
    pub fn entries(&self) -> &[Reference] {
        &self.entries
    }

    /// The key of the library entry for the same work as `r`, if there is one.
    pub fn find(&self, r: &Reference) -> Option<&str> {
        lookup_keys(r)
            .iter()
            .find_map(|k| self.index.get(k))
            .map(|&i| self.entries[i].key.as_str())
    }
}

fn lookup_keys(r: &Reference) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(d) = &r.doi {
        keys.push(format!("doi:{}", d.to_lowercase()));
    }
    if let Some(p) = &r.pmid {
        keys.push(format!("pmid:{p}"));
    }
    if let Some(f) = fingerprint(r) {
        keys.push(format!("fp:{f}"));
    }
    keys
}

/// The fields of a BibTeX entry as a [`Reference`].
fn to_reference(e: &biblatex::Entry) -> Reference {
    let field =
        |k: &str| e.get(k).map(|c| c.format_verbatim()).filter(|s| !s.trim().is_empty());
    let authors = e
        .author()
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            if p.given_name.is_empty() && p.prefix.is_empty() {
                Name::Literal(p.name)
            } else {
                Name::Person(Person {
                    family: p.name,
                    given: p.given_name,
                    particle: Some(p.prefix).filter(|s| !s.is_empty()),
                    suffix: Some(p.suffix).filter(|s| !s.is_empty()),
                })
            }
        })
        .collect();
    let year = field("year")
        .or_else(|| field("date"))
        .and_then(|y| y.get(..4).and_then(|y| y.parse::<i32>().ok()));
    let doi = field("doi").map(|d| {
        let d = d.trim();
        let d = d
            .strip_prefix("https://doi.org/")
            .or_else(|| d.strip_prefix("http://dx.doi.org/"))
            .unwrap_or(d);
        d.to_lowercase()
    });
    let pmid = field("pmid").or_else(|| {
        field("eprinttype")
            .filter(|t| t.eq_ignore_ascii_case("pubmed"))
            .and_then(|_| field("eprint"))
    });
    let kind = match e.entry_type.to_string().as_str() {
        "book" => RefType::Book,
        "incollection" | "inbook" => RefType::Chapter,
        "inproceedings" | "conference" => RefType::Conference,
        "online" => RefType::Web,
        "phdthesis" | "mastersthesis" | "thesis" => RefType::Thesis,
        "techreport" | "report" => RefType::Report,
        "article" => RefType::Article,
        _ => RefType::Document,
    };
    let pages = field("pages").map(|p| {
        let p = p.replace("--", "-").replace('–', "-");
        match p.split_once('-') {
            Some((a, b)) => {
                Pages { first: a.trim().to_owned(), last: Some(b.trim().to_owned()) }
            }
            None => Pages { first: p.trim().to_owned(), last: None },
        }
    });
    Reference {
        key: e.key.clone(),
        kind,
        authors,
        title: field("title"),
        container: field("journal")
            .or_else(|| field("journaltitle"))
            .or_else(|| field("booktitle")),
        date: year.map(|year| Date { year, month: None, day: None }),
        volume: field("volume"),
        issue: field("number").or_else(|| field("issue")),
        pages,
        doi,
        pmid,
        pmcid: field("pmcid"),
        url: field("url"),
        issn: field("issn"),
        isbn: field("isbn"),
        publisher: field("publisher"),
        raw: String::new(),
        status: Status::Parsed,
        ..Reference::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIB: &str = r#"@article{sung2021,
  author = {Sung, Hyuna and Ferlay, Jacques},
  title = {Global Cancer Statistics 2020},
  journal = {CA Cancer J Clin},
  year = {2021},
  doi = {10.3322/caac.21660},
}
@article{vici2015,
  author = {Vici, P.},
  title = {Triple positive breast cancer: a distinct subtype?},
  journal = {Cancer Treat Rev},
  year = {2015},
  pmid = {25441105},
}
@book{who2020,
  author = {{World Health Organization}},
  title = {Global tuberculosis report 2020},
  year = {2020},
}"#;

    #[test]
    fn finds_by_doi_pmid_and_fingerprint() {
        let lib = Library::parse(BIB, "lib.bib").unwrap();
        assert_eq!(lib.entries().len(), 3);
        let by_doi =
            Reference { doi: Some("10.3322/CAAC.21660".into()), ..Reference::default() };
        assert_eq!(lib.find(&by_doi), Some("sung2021"));
        let by_pmid = Reference { pmid: Some("25441105".into()), ..Reference::default() };
        assert_eq!(lib.find(&by_pmid), Some("vici2015"));
        let by_fp = Reference {
            authors: vec![Name::Literal("World Health Organization".into())],
            title: Some("Global Tuberculosis Report 2020.".into()),
            date: Some(Date { year: 2020, month: None, day: None }),
            ..Reference::default()
        };
        assert_eq!(lib.find(&by_fp), Some("who2020"));
        assert_eq!(lib.find(&Reference::default()), None);
        assert_eq!(lib.entries()[2].kind, RefType::Book);
    }

    #[test]
    fn malformed_library_is_an_error() {
        assert!(matches!(
            Library::parse("@article{x, title = {unbalanced", "x"),
            Err(LibraryError::Parse(_))
        ));
    }
}
