//! Merge the same work cited by many documents (`--dedup`).
//!
//! Two references are the same work when they have the same DOI; else the same PMID;
//! else the same first-author family name, year and title, compared after folding case,
//! punctuation and diacritics. Two references whose DOIs (or PMIDs) differ are never
//! merged, whatever else they share. The merged entry keeps the richest fields and lists
//! the articles that cite it in `cited_by`.

use std::collections::HashMap;

use crate::journals::fold_key;
use crate::model::{Name, Reference};

/// The identity keys of a work.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum WorkKey {
    Doi(String),
    Pmid(String),
    Fingerprint(String),
}

/// The keys under which `r` is looked up, strongest first.
fn work_keys(r: &Reference) -> Vec<WorkKey> {
    let mut keys = Vec::new();
    if let Some(d) = &r.doi {
        keys.push(WorkKey::Doi(d.to_lowercase()));
    }
    if let Some(p) = &r.pmid {
        keys.push(WorkKey::Pmid(p.clone()));
    }
    if let Some(f) = fingerprint(r) {
        keys.push(WorkKey::Fingerprint(f));
    }
    keys
}

/// First author's family name + year + title, folded; `None` when any is missing.
pub fn fingerprint(r: &Reference) -> Option<String> {
    let author = match r.authors.first()? {
        Name::Person(p) => fold_key(&p.full_family()),
        Name::Literal(l) => fold_key(l),
    };
    let title = fold_key(r.title.as_deref()?);
    let year = r.year()?;
    (!author.is_empty() && title.len() >= 8).then(|| format!("{author}|{year}|{title}"))
}

/// True when two references cannot be the same work: their DOIs or PMIDs differ.
fn conflict(a: &Reference, b: &Reference) -> bool {
    let differ = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => !x.eq_ignore_ascii_case(y),
        _ => false,
    };
    differ(&a.doi, &b.doi) || differ(&a.pmid, &b.pmid)
}

/// The citing article of `r` as a `cited_by` entry: its PMID, else its DOI, else the
/// source file.
fn citer(r: &Reference) -> String {
    r.citing
        .as_ref()
        .and_then(|c| c.pmid.clone().or_else(|| c.doi.clone()))
        .unwrap_or_else(|| r.origin.source.clone())
}

/// Collects references and merges the duplicates, keeping first-seen order.
#[derive(Debug, Default)]
pub struct Dedup {
    works: Vec<Reference>,
    index: HashMap<WorkKey, usize>,
    merged: usize,
}

impl Dedup {
    /// An empty collection.
    pub fn new() -> Dedup {
        Dedup::default()
    }

    /// Add one reference: merged into a work already seen, or kept as a new work.
    pub fn add(&mut self, mut r: Reference) {
        let keys = work_keys(&r);
        let found = keys
            .iter()
            .filter_map(|k| self.index.get(k).copied())
            .find(|&i| !conflict(&self.works[i], &r));
        match found {
            Some(i) => {
                let w = &mut self.works[i];
                let c = citer(&r);
                if !w.cited_by.contains(&c) {
                    w.cited_by.push(c);
                }
                enrich(w, r);
                self.merged += 1;
                for k in work_keys(&self.works[i]) {
                    self.index.entry(k).or_insert(i);
                }
            }
            None => {
                let i = self.works.len();
                r.cited_by = vec![citer(&r)];
                for k in keys {
                    self.index.entry(k).or_insert(i);
                }
                self.works.push(r);
            }
        }
    }

    /// How many references were merged into an earlier one.
    pub fn merged(&self) -> usize {
        self.merged
    }

    /// The distinct works, in the order they were first seen.
    pub fn into_works(self) -> Vec<Reference> {
        self.works
    }
}

/// Fill what `w` lacks from `other`, and take a fuller author list.
fn enrich(w: &mut Reference, other: Reference) {
    macro_rules! fill {
        ($($f:ident),*) => { $( if w.$f.is_none() { w.$f = other.$f; } )* };
    }
    let better_authors = (w.authors.is_empty() || w.et_al && !other.et_al)
        && other.authors.len() >= w.authors.len()
        && !other.authors.is_empty();
    if better_authors {
        w.authors = other.authors;
        w.et_al = other.et_al;
    }
    if w.date.is_none_or(|d| {
        d.month.is_none()
            && other.date.is_some_and(|o| o.year == d.year && o.month.is_some())
    }) {
        w.date = other.date.or(w.date);
    }
    fill!(
        title,
        container,
        container_short,
        volume,
        issue,
        pages,
        doi,
        pmid,
        pmcid,
        url,
        issn,
        publisher,
        place,
        edition
    );
    if other.status < w.status {
        w.status = other.status;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CitingRef, Date, Person};

    fn r(doi: Option<&str>, pmid: Option<&str>, title: &str, citing: &str) -> Reference {
        Reference {
            authors: vec![Name::Person(Person::new("Sung", "H."))],
            title: Some(title.into()),
            date: Some(Date { year: 2021, month: None, day: None }),
            doi: doi.map(Into::into),
            pmid: pmid.map(Into::into),
            citing: Some(CitingRef { pmid: Some(citing.into()), ..CitingRef::default() }),
            ..Reference::default()
        }
    }

    #[test]
    fn same_doi_merges_and_lists_citers() {
        let mut d = Dedup::new();
        d.add(r(Some("10.1/a"), None, "Global cancer statistics", "1"));
        d.add(r(Some("10.1/A"), Some("33538338"), "Global cancer statistics 2020", "2"));
        assert_eq!(d.merged(), 1);
        let w = d.into_works();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].cited_by, ["1", "2"]);
        assert_eq!(w[0].pmid.as_deref(), Some("33538338"));
    }

    #[test]
    fn fingerprint_merges_without_ids_but_never_across_different_dois() {
        let mut d = Dedup::new();
        d.add(r(None, None, "Global Cancer Statistics, 2020.", "1"));
        d.add(r(None, None, "global cancer statistics 2020", "2"));
        d.add(r(Some("10.1/x"), None, "Global cancer statistics 2020", "3"));
        d.add(r(Some("10.1/y"), None, "Global cancer statistics 2020", "4"));
        let w = d.into_works();
        assert_eq!(w.len(), 2, "{w:#?}");
        assert_eq!(w[0].cited_by, ["1", "2", "3"]);
        assert_eq!(w[1].cited_by, ["4"]);
    }
}
