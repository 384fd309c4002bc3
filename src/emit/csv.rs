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

use std::fmt::Write as _;
use std::io;

use serde::Serialize;

use crate::emit::{Emit, trim};
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
    let mut out = String::new();
    authors_into(&mut out, list);
    out
}

/// [`authors`], appended to `out` (which must be empty or end a previous cell).
fn authors_into(out: &mut String, list: &[Name]) {
    let start = out.len();
    for n in list {
        let mark = out.len();
        if mark > start {
            out.push_str("; ");
        }
        let at = out.len();
        match n {
            Name::Literal(l) => out.push_str(trim(l)),
            Name::Person(p) => person_into(out, p),
        }
        if out.len() == at {
            out.truncate(mark);
        }
    }
}

/// `van der Walt, S. J.`, `King, M. L., Jr`, `Sung`, appended to `out`.
fn person_into(out: &mut String, p: &Person) {
    let start = out.len();
    match &p.particle {
        // `particle family` trimmed: the particle's start and the family name's end
        // trimmed, when neither is blank (a blank one leaves the other's inner end at
        // an end)
        Some(particle) if !trim(particle).is_empty() && !trim(&p.family).is_empty() => {
            out.push_str(particle.trim_start());
            out.push(' ');
            out.push_str(p.family.trim_end());
        }
        Some(_) => out.push_str(trim(&p.full_family())),
        None => out.push_str(trim(&p.family)),
    }
    for part in [Some(p.given.as_str()), p.suffix.as_deref()].into_iter().flatten() {
        let part = trim(part);
        if !part.is_empty() {
            if out.len() > start {
                out.push_str(", ");
            }
            out.push_str(part);
        }
    }
}

/// Writes references as CSV rows under a header row. The rows are written by hand
/// into one buffer: a cell is quoted (quotes doubled) when it holds a comma, a quote,
/// CR or LF, exactly as the `csv` crate's default writer quotes.
pub struct Csv<W: io::Write> {
    out: W,
    /// The row being written.
    row: Vec<u8>,
    /// A cell being joined (authors, pages, cited_by).
    cell: String,
    header: bool,
}

impl<W: io::Write> Csv<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Csv { out, row: Vec::new(), cell: String::new(), header: false }
    }

    /// Write the header row once.
    fn header(&mut self) -> io::Result<()> {
        if !self.header {
            self.header = true;
            self.out.write_all(COLUMNS.join(",").as_bytes())?;
            self.out.write_all(b"\r\n")?;
        }
        Ok(())
    }
}

impl<W: io::Write> Emit for Csv<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        self.header()?;
        self.row.clear();
        write_row(&mut self.row, &mut self.cell, reference);
        self.out.write_all(&self.row)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

/// Append the row of `r` (the cells of [`CsvRow`], in [`COLUMNS`] order, and CR LF);
/// `cell` is scratch space for the joined cells.
fn write_row(out: &mut Vec<u8>, cell: &mut String, r: &Reference) {
    fn s(v: &Option<String>) -> &str {
        v.as_deref().unwrap_or_default()
    }
    let citing = r.citing.as_ref();
    csv_cell(out, &r.origin.source);
    out.push(b',');
    push_int(out, i64::from(r.origin.ordinal));
    out.push(b',');
    csv_cell(out, citing.and_then(|c| c.pmid.as_deref()).unwrap_or_default());
    out.push(b',');
    csv_cell(out, citing.and_then(|c| c.doi.as_deref()).unwrap_or_default());
    out.push(b',');
    csv_cell(out, &r.key);
    out.push(b',');
    csv_cell(out, r.status.as_str());
    out.push(b',');
    csv_cell(out, r.kind.csl());
    out.push(b',');
    cell.clear();
    authors_into(cell, &r.authors);
    csv_cell(out, cell);
    out.push(b',');
    out.extend_from_slice(if r.et_al { b"true" } else { b"false" });
    for v in [&r.title, &r.container, &r.container_short] {
        out.push(b',');
        csv_cell(out, s(v));
    }
    out.push(b',');
    if let Some(y) = r.year() {
        push_int(out, i64::from(y));
    }
    for v in [&r.volume, &r.issue] {
        out.push(b',');
        csv_cell(out, s(v));
    }
    out.push(b',');
    if let Some(p) = &r.pages {
        cell.clear();
        let _ = write!(cell, "{p}");
        csv_cell(out, cell);
    }
    for v in [&r.doi, &r.pmid, &r.pmcid, &r.url, &r.publisher, &r.issn] {
        out.push(b',');
        csv_cell(out, s(v));
    }
    out.push(b',');
    csv_cell(out, &r.raw);
    out.push(b',');
    cell.clear();
    for (i, c) in r.cited_by.iter().enumerate() {
        if i > 0 {
            cell.push_str("; ");
        }
        cell.push_str(c);
    }
    csv_cell(out, cell);
    out.extend_from_slice(b"\r\n");
}

/// One cell: as it is, or quoted with its quotes doubled when it holds a comma, a
/// quote, CR or LF.
fn csv_cell(out: &mut Vec<u8>, s: &str) {
    if !needs_quotes(s.as_bytes()) {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    out.push(b'"');
    let mut rest = s.as_bytes();
    while let Some(i) = memchr::memchr(b'"', rest) {
        let (run, after) = rest.split_at(i + 1);
        out.extend_from_slice(run);
        out.push(b'"');
        rest = after;
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// True when `s` holds a comma, a quote, CR or LF: eight bytes at a time ([`plain_word`]),
/// then the last few one by one.
fn needs_quotes(s: &[u8]) -> bool {
    let special = |b: &u8| matches!(b, b',' | b'"' | b'\r' | b'\n');
    let mut words = s.chunks_exact(8);
    for word in &mut words {
        match <[u8; 8]>::try_from(word) {
            Ok(w) if plain_word(u64::from_le_bytes(w)) => {}
            _ => return true,
        }
    }
    words.remainder().iter().any(special)
}

/// True when none of the eight bytes of `w` is a comma, a quote, CR or LF. (The classic
/// "has a zero byte" test on `w` xor each of them: exact as to whether any byte
/// matches, which is all that is asked.)
fn plain_word(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has = |b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    has(b',') | has(b'"') | has(b'\r') | has(b'\n') == 0
}

/// A decimal integer.
fn push_int(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(crate::emit::int_str(n, &mut [0; 20]).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Origin, Pages};

    #[test]
    fn particle_and_family_as_the_trimmed_whole() {
        crate::emit::check_particle_names(person_into, |f| trim(f).to_string());
    }

    #[test]
    fn needs_quotes_agrees_with_a_plain_scan() {
        let base = "abcdefghijklmnopqrstu é";
        for odd in [",", "\"", "\r", "\n", "+", ".", "\u{2c}\u{22}"] {
            for at in 0..=base.len() {
                let Some((a, b)) = base.split_at_checked(at) else { continue };
                let s = format!("{a}{odd}{b}");
                let want = s.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
                assert_eq!(needs_quotes(s.as_bytes()), want, "{s:?}");
            }
        }
    }

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

    /// The rows the `csv` crate writes for the [`CsvRow`]s of `refs`.
    fn csv_crate(refs: &[Reference]) -> String {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record(COLUMNS).unwrap_or_else(|e| panic!("{e}"));
        for r in refs {
            w.serialize(CsvRow::from(r)).unwrap_or_else(|e| panic!("{e}"));
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    #[test]
    fn rows_are_what_the_csv_crate_writes() {
        let nasty = "a,b \"c\" \r\n d\t\u{0} é ;";
        let full = Reference {
            key: nasty.into(),
            authors: vec![
                Name::Person(Person {
                    family: " Walt ".into(),
                    given: nasty.into(),
                    particle: Some("van der".into()),
                    suffix: Some(" ".into()),
                }),
                Name::Literal("  ".into()),
                Name::Person(Person::new("", "")),
                Name::Literal(nasty.into()),
            ],
            et_al: true,
            title: Some(nasty.into()),
            container: Some(nasty.into()),
            container_short: Some("\"".into()),
            date: Some(crate::model::Date { year: -7, month: None, day: None }),
            volume: Some(",".into()),
            issue: Some("\n".into()),
            pages: Some(Pages { first: "a,".into(), last: Some("\"b".into()) }),
            doi: Some(nasty.into()),
            pmid: Some("1".into()),
            pmcid: Some("PMC1".into()),
            url: Some(nasty.into()),
            publisher: Some(nasty.into()),
            issn: Some(nasty.into()),
            raw: nasty.into(),
            cited_by: vec![nasty.into(), String::new(), "x".into()],
            citing: Some(crate::model::CitingRef {
                pmid: Some(nasty.into()),
                doi: Some("d".into()),
                title: None,
            }),
            origin: Origin { source: nasty.into(), ordinal: 42, span: 0..1 },
            ..Reference::default()
        };
        let refs = [
            full,
            Reference::default(),
            Reference { raw: "x".into(), ..Reference::default() },
        ];
        assert_eq!(render(&refs), csv_crate(&refs));
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
