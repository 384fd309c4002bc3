//! CSV writer: one row per reference, RFC 4180 (CR LF line ends, fields quoted when
//! they hold a comma, quote or line break), UTF-8 without a byte-order mark, and a
//! header row always, even when there are no references.
//!
//! The columns, in this order: `source, ordinal, citing_pmid, citing_doi, key, status,
//! type, authors, et_al, title, journal, journal_abbrev, year, volume, issue, pages,
//! doi, pmid, pmcid, url, publisher, issn, raw, cited_by`. `authors` joins the names
//! with `; ` (`Sung, H.; Ferlay, J.; World Health Organization`), `cited_by` joins the
//! citing articles the same way, `et_al` is `true` or `false`, `pages` is `209-249`.
//!
//! **Formula injection.** A cell that starts with `=`, `+`, `-` or `@` may be run as a
//! formula when the file is opened in a spreadsheet. pubrefs is a data tool: its CSV
//! is meant to be read back by programs (pandas, R, csvkit, databases) and must hold
//! the data exactly, and a page range `-12` or a title `+/- 2 SD` are real data. So
//! cells are written as they are, never prefixed with `'`. Open the file in a
//! spreadsheet through its import dialog (columns as text), not by double-clicking.

use std::io;

use serde::Serialize;

use crate::emit::Emit;
use crate::model::{Name, Person, Reference};

/// The header row.
pub const COLUMNS: [&str; 24] = [
    "source",
    "ordinal",
    "citing_pmid",
    "citing_doi",
    "key",
    "status",
    "type",
    "authors",
    "et_al",
    "title",
    "journal",
    "journal_abbrev",
    "year",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "pmcid",
    "url",
    "publisher",
    "issn",
    "raw",
    "cited_by",
];

/// One CSV row: a flat view of a [`Reference`], in [`COLUMNS`] order.
#[derive(Debug, Serialize)]
pub struct CsvRow<'a> {
    /// Input file.
    pub source: &'a str,
    /// 1-based position in the input.
    pub ordinal: u32,
    /// PMID of the citing article.
    pub citing_pmid: &'a str,
    /// DOI of the citing article.
    pub citing_doi: &'a str,
    /// Citation key.
    pub key: &'a str,
    /// `parsed`, `partial` or `raw`.
    pub status: &'static str,
    /// CSL type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Authors joined with `; `.
    pub authors: String,
    /// The author list was cut with et al.
    pub et_al: bool,
    /// Title.
    pub title: &'a str,
    /// Journal or book title.
    pub journal: &'a str,
    /// Abbreviated journal title.
    pub journal_abbrev: &'a str,
    /// Year.
    pub year: Option<i32>,
    /// Volume.
    pub volume: &'a str,
    /// Issue.
    pub issue: &'a str,
    /// Pages, `209-249`.
    pub pages: String,
    /// DOI.
    pub doi: &'a str,
    /// PMID.
    pub pmid: &'a str,
    /// PMCID.
    pub pmcid: &'a str,
    /// URL.
    pub url: &'a str,
    /// Publisher.
    pub publisher: &'a str,
    /// ISSN.
    pub issn: &'a str,
    /// The reference text as found.
    pub raw: &'a str,
    /// Citing articles of a merged work, joined with `; `.
    pub cited_by: String,
}

impl<'a> From<&'a Reference> for CsvRow<'a> {
    fn from(r: &'a Reference) -> CsvRow<'a> {
        let s = |v: &'a Option<String>| v.as_deref().unwrap_or_default();
        let citing = r.citing.as_ref();
        CsvRow {
            source: &r.origin.source,
            ordinal: r.origin.ordinal,
            citing_pmid: citing.and_then(|c| c.pmid.as_deref()).unwrap_or_default(),
            citing_doi: citing.and_then(|c| c.doi.as_deref()).unwrap_or_default(),
            key: &r.key,
            status: r.status.as_str(),
            kind: r.kind.csl(),
            authors: authors(&r.authors),
            et_al: r.et_al,
            title: s(&r.title),
            journal: s(&r.container),
            journal_abbrev: s(&r.container_short),
            year: r.year(),
            volume: s(&r.volume),
            issue: s(&r.issue),
            pages: r.pages.as_ref().map(ToString::to_string).unwrap_or_default(),
            doi: s(&r.doi),
            pmid: s(&r.pmid),
            pmcid: s(&r.pmcid),
            url: s(&r.url),
            publisher: s(&r.publisher),
            issn: s(&r.issn),
            raw: &r.raw,
            cited_by: r.cited_by.join("; "),
        }
    }
}

/// `Sung, H.; Ferlay, J.; World Health Organization`.
fn authors(list: &[Name]) -> String {
    let names: Vec<String> = list
        .iter()
        .map(|n| match n {
            Name::Literal(l) => l.trim().to_string(),
            Name::Person(p) => person(p),
        })
        .filter(|s| !s.is_empty())
        .collect();
    names.join("; ")
}

/// `van der Walt, S. J.`, `King, M. L., Jr`, `Sung`.
fn person(p: &Person) -> String {
    let mut s = p.full_family().trim().to_string();
    for part in [Some(p.given.as_str()), p.suffix.as_deref()].into_iter().flatten() {
        let part = part.trim();
        if !part.is_empty() {
            if !s.is_empty() {
                s.push_str(", ");
            }
            s.push_str(part);
        }
    }
    s
}

/// Writes references as CSV rows under a header row.
pub struct Csv<W: io::Write> {
    out: csv::Writer<W>,
    header: bool,
}

impl<W: io::Write> Csv<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        let out = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        Csv { out, header: false }
    }

    /// Write the header row once.
    fn header(&mut self) -> io::Result<()> {
        if !self.header {
            self.header = true;
            self.out.write_record(COLUMNS).map_err(io::Error::other)?;
        }
        Ok(())
    }
}

impl<W: io::Write> Emit for Csv<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        self.header()?;
        self.out.serialize(CsvRow::from(reference)).map_err(io::Error::other)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Origin, Pages};

    fn render(refs: &[Reference]) -> String {
        let mut buf = Vec::new();
        {
            let mut w = Csv::new(&mut buf);
            for r in refs {
                w.emit(r).unwrap_or_else(|e| panic!("{e}"));
            }
            w.finish().unwrap_or_else(|e| panic!("{e}"));
        }
        String::from_utf8(buf).unwrap_or_default()
    }

    #[test]
    fn header_only_when_empty() {
        assert_eq!(render(&[]), format!("{}\r\n", COLUMNS.join(",")));
    }

    #[test]
    fn author_lists() {
        let p = Person {
            family: "Walt".into(),
            given: "S. J.".into(),
            particle: Some("van der".into()),
            suffix: Some("Jr".into()),
        };
        let list = vec![
            Name::Person(Person::new("Sung", "H.")),
            Name::Person(p),
            Name::Literal("World Health Organization".into()),
            Name::Person(Person::new("Ferlay", "")),
        ];
        assert_eq!(
            authors(&list),
            "Sung, H.; van der Walt, S. J., Jr; World Health Organization; Ferlay"
        );
    }

    #[test]
    fn row_cells_are_exact() {
        let r = Reference {
            key: "k".into(),
            title: Some("=1+1, \"quoted\"\nnext".into()),
            pages: Some(Pages { first: "-12".into(), last: None }),
            origin: Origin { source: "a.txt".into(), ordinal: 3, span: 0..1 },
            cited_by: vec!["1".into(), "2".into()],
            ..Reference::default()
        };
        let out = render(&[r]);
        let body = out.split_once("\r\n").map(|(_, b)| b).unwrap_or_default();
        assert_eq!(
            body,
            "a.txt,3,,,k,parsed,article-journal,,false,\"=1+1, \"\"quoted\"\"\nnext\",,,,,,-12,,,,,,,,1; 2\r\n"
        );
    }
}
