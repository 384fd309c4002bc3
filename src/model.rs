//! The data that flows between the pipeline stages.
//!
//! ```text
//! Document ──extract──▶ Extracted { citing, Vec<RawReference> }
//! RawReference ──parse + normalise──▶ Reference ──key──▶ Reference (with key) ──emit──▶ bytes
//! ```
//!
//! Everything here is plain data; the behaviour lives in the stage modules.

use std::fmt;

/// What kind of input a document is, sniffed from its content (never from its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// A plain-text scrape of a PubMed article page (reader view, browser copy,
    /// text browser dump, markdown).
    TextPage,
    /// A saved HTML article page of pubmed.ncbi.nlm.nih.gov.
    HtmlPage,
    /// The HTML fragment behind "Show all references" (`/<PMID>/references/`).
    ReferencesFragment,
    /// PubMed E-utilities efetch XML (`<PubmedArticleSet>`).
    PubmedXml,
    /// Reference strings, one per non-empty line (`pubrefs parse`).
    ReferenceLines,
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocumentKind::TextPage => "text-page",
            DocumentKind::HtmlPage => "html-page",
            DocumentKind::ReferencesFragment => "references-fragment",
            DocumentKind::PubmedXml => "pubmed-xml",
            DocumentKind::ReferenceLines => "reference-lines",
        })
    }
}

/// Identifiers attached to a reference by its page (HTML links, XML `<ArticleIdList>`),
/// as opposed to identifiers written in the reference text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkIds {
    /// DOI, as linked (any case, any resolver prefix; normalised later).
    pub doi: Option<String>,
    /// PubMed identifier, digits only.
    pub pmid: Option<String>,
    /// PubMed Central identifier, `PMC` + digits.
    pub pmcid: Option<String>,
}

impl LinkIds {
    /// True when no identifier is set.
    pub fn is_empty(&self) -> bool {
        self.doi.is_none() && self.pmid.is_none() && self.pmcid.is_none()
    }
}

/// One reference entry cut out of a document, not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawReference {
    /// 1-based position of the entry in its document (pages number every entry `1.`,
    /// so this is counted, never read).
    pub ordinal: u32,
    /// The reference text, with wrapped lines joined, link labels removed and
    /// whitespace folded.
    pub text: String,
    /// Byte range of the entry in the document as read.
    pub span: std::ops::Range<usize>,
    /// Identifiers that the page attached to the entry (links, `<ArticleIdList>`).
    pub ids: LinkIds,
}

/// The article whose page or record held the references.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct CitingRef {
    /// PubMed identifier of the citing article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    /// DOI of the citing article (lower-case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// Title of the citing article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl CitingRef {
    /// True when nothing is known about the citing article.
    pub fn is_empty(&self) -> bool {
        self.pmid.is_none() && self.doi.is_none() && self.title.is_none()
    }
}

/// What a document yielded: the citing article (when its header or record says enough)
/// and every reference entry, in order.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The article the page or record describes, as a reference of its own.
    pub citing: Option<Reference>,
    /// Every reference entry found, in document order.
    pub references: Vec<RawReference>,
    /// The "Show all N references" total, when the page announces one.
    pub total: Option<u32>,
    /// Things the extractor noticed (no reference section, truncated page, ...).
    pub warnings: Vec<String>,
}

impl Extracted {
    /// True when the page shows fewer references than it announces.
    pub fn truncated(&self) -> bool {
        self.total.is_some_and(|t| (t as usize) > self.references.len())
    }
}

/// The kind of work a reference points to (CSL types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RefType {
    /// A journal article (CSL `article-journal`).
    #[default]
    Article,
    /// A whole book (CSL `book`).
    Book,
    /// A chapter or section of an edited book (CSL `chapter`).
    Chapter,
    /// A paper or abstract in conference proceedings (CSL `paper-conference`).
    Conference,
    /// A web page or online resource (CSL `webpage`).
    Web,
    /// A thesis or dissertation (CSL `thesis`).
    Thesis,
    /// A report, guideline or white paper (CSL `report`).
    Report,
    /// A patent (CSL `patent`).
    Patent,
    /// A data set (CSL `dataset`).
    Dataset,
    /// Anything else (CSL `document`).
    Document,
}

impl RefType {
    /// The CSL 1.0.2 type name.
    pub fn csl(self) -> &'static str {
        match self {
            RefType::Article => "article-journal",
            RefType::Book => "book",
            RefType::Chapter => "chapter",
            RefType::Conference => "paper-conference",
            RefType::Web => "webpage",
            RefType::Thesis => "thesis",
            RefType::Report => "report",
            RefType::Patent => "patent",
            RefType::Dataset => "dataset",
            RefType::Document => "document",
        }
    }
}

/// A person's or an organisation's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Name {
    /// A person, split into parts.
    Person(Person),
    /// A collective author (group, committee, consortium, organisation), never split.
    Literal(String),
}

/// A person's name in CSL terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Person {
    /// Family name, without a non-dropping particle (`Walt` in `van der Walt`).
    pub family: String,
    /// Given names or initials with periods (`R. L.`, `Jean-Pierre`); may be empty.
    pub given: String,
    /// Non-dropping particle kept before the family name (`van der`, `de la`).
    pub particle: Option<String>,
    /// Suffix (`Jr`, `III`, `2nd`).
    pub suffix: Option<String>,
}

impl Person {
    /// A person with a family name and given names only.
    pub fn new(family: impl Into<String>, given: impl Into<String>) -> Person {
        Person {
            family: family.into(),
            given: given.into(),
            particle: None,
            suffix: None,
        }
    }

    /// The family name with its particle, as it is sorted and cited (`van der Walt`).
    pub fn full_family(&self) -> String {
        match &self.particle {
            Some(p) => format!("{p} {}", self.family),
            None => self.family.clone(),
        }
    }
}

/// A (partial) calendar date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2021.
    pub year: i32,
    /// Month, 1–12.
    pub month: Option<u8>,
    /// Day of the month, 1–31.
    pub day: Option<u8>,
}

/// A page range or an article number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Pages {
    /// First page or e-locator (`209`, `e0240519`, `S11`).
    pub first: String,
    /// Last page, expanded (`1604–17` gives `1617`); `None` for a single page.
    pub last: Option<String>,
}

impl fmt::Display for Pages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.last {
            Some(last) => write!(f, "{}-{}", self.first, last),
            None => f.write_str(&self.first),
        }
    }
}

/// How much of a reference's text the parser understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Status {
    /// Every part of the text was placed in a field.
    #[default]
    Parsed,
    /// Fields were found, but some of the text was not placed in any.
    Partial,
    /// Nothing usable was found; only the raw text is kept.
    Raw,
}

impl Status {
    /// The lower-case name used in outputs (`parsed`, `partial`, `raw`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Parsed => "parsed",
            Status::Partial => "partial",
            Status::Raw => "raw",
        }
    }
}

/// Where a reference came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The input file (as given on the command line), or `-` for stdin.
    pub source: String,
    /// 1-based position in that input; 0 for a citing article's own record.
    pub ordinal: u32,
    /// Byte range in the input.
    pub span: std::ops::Range<usize>,
}

/// A normalised, owned reference: what every writer consumes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reference {
    /// Citation key (`sung2021global`); empty until the key pass runs.
    pub key: String,
    /// The kind of work.
    pub kind: RefType,
    /// Authors in order.
    pub authors: Vec<Name>,
    /// Editors in order (books and chapters).
    pub editors: Vec<Name>,
    /// The author list was cut short with "et al.".
    pub et_al: bool,
    /// Title of the work (article, chapter, book, page).
    pub title: Option<String>,
    /// Journal, book or proceedings title: the full title when a journal list knows it,
    /// else as written (cleaned).
    pub container: Option<String>,
    /// Abbreviated journal title (`CA Cancer J Clin`).
    pub container_short: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue (or supplement, `Suppl 2`).
    pub issue: Option<String>,
    /// Pages or e-locator.
    pub pages: Option<Pages>,
    /// DOI, lower-case, without resolver prefix.
    pub doi: Option<String>,
    /// PubMed identifier, digits.
    pub pmid: Option<String>,
    /// PubMed Central identifier, `PMC` + digits.
    pub pmcid: Option<String>,
    /// URL of an online resource.
    pub url: Option<String>,
    /// ISSN of the journal (`1234-5678`).
    pub issn: Option<String>,
    /// ISBN of a book, as printed (`0-486-65363-3`, `978-80-8078-164-4`).
    pub isbn: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Place of publication.
    pub place: Option<String>,
    /// Edition (`2nd`).
    pub edition: Option<String>,
    /// Free text note (`[in Chinese]`, `Accessed 8 March 2020`).
    pub note: Option<String>,
    /// Abstract (citing articles read from a page or record only).
    pub abstract_text: Option<String>,
    /// Keywords (citing articles read from a page or record only).
    pub keywords: Vec<String>,
    /// The reference text as found (whitespace folded).
    pub raw: String,
    /// How much of `raw` was understood.
    pub status: Status,
    /// Where it came from.
    pub origin: Origin,
    /// The article that cites this reference.
    pub citing: Option<CitingRef>,
    /// With `--dedup`: every citing article (PMIDs, or sources) of the merged work.
    pub cited_by: Vec<String>,
    /// Things noticed while parsing and normalising (id conflicts, unplaced text).
    pub warnings: Vec<String>,
}

impl Reference {
    /// The year of publication, if known.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year)
    }

    /// This reference as the `custom.citing` link of the references it cites.
    pub fn as_citing(&self) -> CitingRef {
        CitingRef {
            pmid: self.pmid.clone(),
            doi: self.doi.clone(),
            title: self.title.clone(),
        }
    }
}
