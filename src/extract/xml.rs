//! PubMed E-utilities efetch XML (`<PubmedArticleSet>`), read as a stream of
//! quick-xml events: no DOM is built, so a baseline file of any size is read in memory
//! bounded by its output.
//!
//! Every `<PubmedArticle>` and `<PubmedBookArticle>` gives one [`Extracted`]: the citing
//! record from `<MedlineCitation>`/`<BookDocument>` and `<PubmedData>`, and one
//! [`RawReference`] per `<Reference>` (its `<Citation>` text with inline markup flattened,
//! and the ids of its `<ArticleIdList>`). Ordinals run from 1 across the whole file.
//!
//! Entity declarations are never expanded: a DOCTYPE whose internal subset declares
//! `<!ENTITY` is refused ([`ExtractErrorKind::XmlEntities`]). The five XML entities and
//! numeric character references are decoded; any other `&name;` is kept as written.
//!
//! Malformed XML is an error for the whole document ([`ExtractErrorKind::Xml`], with the
//! byte position): the signature has no room for "these articles, then an error", and a
//! cut or corrupt file is better reported than silently half-read.

pub(crate) mod record;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::error::{ExtractError, ExtractErrorKind};
use crate::extract::fold_whitespace;
use crate::model::{
    Date, Extracted, LinkIds, Name, Origin, RawReference, RefType, Reference,
};

/// Extract every article and its references from efetch XML.
///
/// # Errors
/// On malformed XML ([`ExtractErrorKind::Xml`], with the byte position of the fault)
/// and on a DOCTYPE that declares entities ([`ExtractErrorKind::XmlEntities`]).
pub fn extract_xml(xml: &str) -> Result<Vec<Extracted>, ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(pos);
            ExtractError::at(at, ExtractErrorKind::Xml(e.to_string()))
        })?;
        let end = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(e) => state.start(&e, pos),
            Event::Empty(e) => {
                state.start(&e, pos);
                state.end(end);
            }
            Event::End(_) => state.end(end),
            Event::Text(t) => state.text(&t.xml10_content()),
            Event::CData(t) => state.text(&t.xml10_content()),
            Event::GeneralRef(r) => state.text(&resolve_ref(&r)),
            Event::DocType(t) => {
                if declares_entities(&t.into_inner()) {
                    return Err(ExtractError {
                        span: pos..end,
                        kind: ExtractErrorKind::XmlEntities,
                    });
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if let Some(open) = state.stack.last() {
        return Err(ExtractError::at(
            xml.len(),
            ExtractErrorKind::Xml(format!("unexpected end of document inside <{open}>")),
        ));
    }
    if state.out.is_empty() {
        state.out.push(Extracted {
            warnings: vec![
                "no <PubmedArticle> or <PubmedBookArticle> in this XML".into(),
            ],
            ..Extracted::default()
        });
    } else if state.ordinal == 0 {
        // Most MEDLINE records carry no reference list, so this is said once per
        // file (not once per record) and only when no record has one.
        let n = state.out.len();
        if let Some(first) = state.out.first_mut() {
            first.warnings.push(format!("no reference list in any of the {n} records"));
        }
    }
    Ok(state.out)
}

/// True when a DOCTYPE's text declares entities (`<!ENTITY`, in any case).
fn declares_entities(doctype: &str) -> bool {
    memchr::memmem::find(doctype.to_ascii_uppercase().as_bytes(), b"<!ENTITY").is_some()
}

/// The text of an entity or character reference: the five XML entities and numeric
/// references decoded, anything else kept as written (`&foo;`), never fetched.
fn resolve_ref(r: &BytesRef<'_>) -> String {
    let name: &str = r;
    let known = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => r.resolve_char_ref().ok().flatten(),
    };
    match known {
        Some(c) => c.to_string(),
        None => format!("&{name};"),
    }
}

/// Two spellings of one identifier (case and a trailing period aside).
fn same_id(a: &str, b: &str) -> bool {
    a.trim_end_matches('.').eq_ignore_ascii_case(b.trim_end_matches('.'))
}

/// A raw attribute value (attributes read here are plain tokens: `IdType`, `Label`).
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().map(|a| a.value.into_owned())
}

/// Which element's text is being collected.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Pmid,
    ArticleTitle,
    BookTitle,
    JournalTitle,
    IsoAbbreviation,
    Issn,
    IssnLinking,
    Volume,
    Issue,
    Year,
    Month,
    Day,
    MedlineDate,
    MedlinePgn,
    StartPage,
    EndPage,
    ElocationDoi,
    LastName,
    ForeName,
    Initials,
    Suffix,
    CollectiveName,
    AbstractText(Option<String>),
    Keyword,
    OwnId(String),
    RefId(String),
    Citation,
    PublisherName,
    PublisherLocation,
}

/// Text being collected for one element, until the stack drops below `depth`.
#[derive(Debug)]
struct Capture {
    field: Field,
    depth: usize,
    buf: String,
}

/// Whose names an `<AuthorList>` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Role {
    #[default]
    Skip,
    Authors,
    Editors,
}

/// The parts of one `<Author>`.
#[derive(Debug, Default)]
struct AuthorParts {
    last: Option<String>,
    fore: Option<String>,
    initials: Option<String>,
    suffix: Option<String>,
    collective: Option<String>,
}

impl AuthorParts {
    fn into_name(self) -> Option<Name> {
        if let Some(c) = self.collective {
            return Some(Name::Literal(c));
        }
        let last = self.last?;
        let given = match (self.fore, self.initials) {
            (Some(f), _) => f,
            (None, Some(i)) => record::dotted_initials(&i),
            (None, None) => String::new(),
        };
        let mut p = record::person(&last, &given);
        p.suffix = self.suffix;
        Some(Name::Person(p))
    }
}

/// One `<Reference>` being read.
#[derive(Debug, Default)]
struct RefParts {
    start: usize,
    text: Option<String>,
    ids: LinkIds,
}

/// One article being read.
#[derive(Debug, Default)]
struct Article {
    start: usize,
    book: bool,
    r: Reference,
    refs: Vec<RawReference>,
    warnings: Vec<String>,
    role: Role,
    author: Option<AuthorParts>,
    article_title: Option<String>,
    book_title: Option<String>,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    medline_date: Option<String>,
    medline_pgn: Option<String>,
    start_page: Option<String>,
    end_page: Option<String>,
    eloc_doi: Option<String>,
    issn_linking: Option<String>,
    abstract_parts: Vec<String>,
    reference: Option<RefParts>,
}

impl Article {
    fn finish(mut self, end: usize) -> Extracted {
        let mut r = std::mem::take(&mut self.r);
        if self.book {
            match (self.article_title.take(), self.book_title.take()) {
                (Some(chapter), Some(book)) => {
                    r.kind = RefType::Chapter;
                    r.title = Some(chapter);
                    r.container = Some(book);
                }
                (chapter, book) => {
                    r.kind = RefType::Book;
                    r.title = book.or(chapter);
                }
            }
        } else {
            r.kind = RefType::Article;
            r.title = self.article_title.take();
        }
        r.date = match (self.year, &self.medline_date) {
            (Some(year), _) => Some(Date { year, month: self.month, day: self.day }),
            (None, Some(m)) => record::parse_loose_date(m),
            (None, None) => None,
        };
        r.pages = match (&self.medline_pgn, &self.start_page) {
            (Some(p), _) => record::parse_pages(p),
            (None, Some(first)) => {
                let range = match &self.end_page {
                    Some(last) => format!("{first}-{last}"),
                    None => first.clone(),
                };
                record::parse_pages(&range)
            }
            (None, None) => None,
        };
        if r.doi.is_none() {
            r.doi = self.eloc_doi.as_deref().and_then(record::clean_doi);
        }
        if r.issn.is_none() {
            r.issn = self.issn_linking.take();
        }
        if !self.abstract_parts.is_empty() {
            r.abstract_text = Some(self.abstract_parts.join("\n"));
        }
        r.raw = record::summary(&r);
        r.origin = Origin { source: String::new(), ordinal: 0, span: self.start..end };
        Extracted {
            citing: Some(r),
            references: self.refs,
            total: None,
            warnings: self.warnings,
        }
    }

    /// Store a finished element's text.
    fn store(&mut self, field: Field, text: String, ordinal: u32) {
        let folded = fold_whitespace(&text);
        let value = Some(folded.clone()).filter(|s| !s.is_empty());
        match field {
            Field::Pmid => {
                if self.r.pmid.is_none() {
                    self.r.pmid = record::clean_pmid(&folded);
                }
            }
            Field::ArticleTitle => self.article_title = value,
            Field::BookTitle => self.book_title = value,
            Field::JournalTitle => self.r.container = value,
            Field::IsoAbbreviation => self.r.container_short = value,
            Field::Issn => {
                if self.r.issn.is_none() {
                    self.r.issn = value;
                }
            }
            Field::IssnLinking => self.issn_linking = value,
            Field::Volume => self.r.volume = value,
            Field::Issue => self.r.issue = value,
            Field::Year => self.year = folded.parse().ok(),
            Field::Month => self.month = record::month_number(&folded),
            Field::Day => self.day = folded.parse().ok().filter(|d| (1..=31).contains(d)),
            Field::MedlineDate => self.medline_date = value,
            Field::MedlinePgn => self.medline_pgn = value,
            Field::StartPage => self.start_page = value,
            Field::EndPage => self.end_page = value,
            Field::ElocationDoi => self.eloc_doi = value,
            Field::PublisherName => self.r.publisher = value,
            Field::PublisherLocation => self.r.place = value,
            Field::Keyword => self.r.keywords.extend(value),
            Field::AbstractText(label) => {
                if let Some(text) = value {
                    self.abstract_parts.push(match label {
                        Some(l) if !l.is_empty() => format!("{l}: {text}"),
                        _ => text,
                    });
                }
            }
            Field::LastName
            | Field::ForeName
            | Field::Initials
            | Field::Suffix
            | Field::CollectiveName => {
                if let Some(a) = self.author.as_mut() {
                    let slot = match field {
                        Field::LastName => &mut a.last,
                        Field::ForeName => &mut a.fore,
                        Field::Initials => &mut a.initials,
                        Field::Suffix => &mut a.suffix,
                        _ => &mut a.collective,
                    };
                    *slot = value;
                }
            }
            Field::OwnId(kind) => match kind.as_str() {
                "pubmed" if self.r.pmid.is_none() => {
                    self.r.pmid = record::clean_pmid(&folded);
                }
                "pmc" => self.r.pmcid = record::clean_pmcid(&folded),
                "doi" => self.r.doi = record::clean_doi(&folded),
                _ => {}
            },
            Field::RefId(kind) => {
                if let Some(rp) = self.reference.as_mut() {
                    let slot = match kind.as_str() {
                        "pubmed" => &mut rp.ids.pmid,
                        "pmc" => &mut rp.ids.pmcid,
                        "doi" => &mut rp.ids.doi,
                        _ => return,
                    };
                    match (slot.as_deref(), value) {
                        (_, None) => {}
                        (None, v) => *slot = v,
                        (Some(old), Some(new)) if same_id(old, &new) => {
                            // keep the cleaner spelling (`10.1/X` over `10.1/x.`)
                            if old.ends_with('.') && !new.ends_with('.') {
                                *slot = Some(new);
                            }
                        }
                        (Some(old), Some(new)) => {
                            let msg = format!(
                                "reference {ordinal} lists two {kind} ids, {old} and {new}; \
                                 keeping the first"
                            );
                            self.warnings.push(msg);
                        }
                    }
                }
            }
            Field::Citation => {
                if let Some(rp) = self.reference.as_mut() {
                    rp.text = Some(folded);
                }
            }
        }
    }
}

/// The reader's state between events.
#[derive(Debug, Default)]
struct State {
    stack: Vec<String>,
    article: Option<Article>,
    capture: Option<Capture>,
    ordinal: u32,
    out: Vec<Extracted>,
}

impl State {
    /// The name of the element `up` levels above the current one (0 = current).
    fn up(&self, up: usize) -> &str {
        self.stack
            .len()
            .checked_sub(up + 1)
            .and_then(|i| self.stack.get(i))
            .map_or("", |s| s)
    }

    fn start(&mut self, e: &BytesStart<'_>, pos: usize) {
        let name = e.name().as_ref().to_owned();
        self.stack.push(name);
        let name = self.up(0);
        if name == "PubmedArticle" || name == "PubmedBookArticle" {
            let book = name == "PubmedBookArticle";
            // An article inside an article is malformed input: the inner one wins.
            self.article = Some(Article { start: pos, book, ..Article::default() });
            self.capture = None;
            return;
        }
        if self.article.is_none() || self.capture.is_some() {
            return;
        }
        let field = self.field_for(e);
        let parent = self.up(1).to_owned();
        let depth = self.stack.len();
        let Some(article) = self.article.as_mut() else { return };
        match self.stack.last().map(String::as_str) {
            Some("AuthorList") => {
                article.role = match parent.as_str() {
                    "Article" | "BookDocument" | "Book" => {
                        if attr(e, "Type").as_deref() == Some("editors") {
                            Role::Editors
                        } else {
                            Role::Authors
                        }
                    }
                    _ => Role::Skip,
                };
            }
            Some("Author") if parent == "AuthorList" && article.role != Role::Skip => {
                article.author = (attr(e, "ValidYN").as_deref() != Some("N"))
                    .then(AuthorParts::default);
            }
            Some("Reference") if article.reference.is_none() => {
                article.reference = Some(RefParts { start: pos, ..RefParts::default() });
            }
            _ => {}
        }
        if let Some(field) = field {
            self.capture = Some(Capture { field, depth, buf: String::new() });
        }
    }

    /// The field an element's text fills, from its name and ancestors.
    fn field_for(&self, e: &BytesStart<'_>) -> Option<Field> {
        let (name, parent, grand) = (self.up(0), self.up(1), self.up(2));
        let in_ref = self.article.as_ref().is_some_and(|a| a.reference.is_some());
        Some(match (name, parent) {
            ("PMID", "MedlineCitation" | "BookDocument") => Field::Pmid,
            ("ArticleTitle", "Article" | "BookDocument") => Field::ArticleTitle,
            ("BookTitle", "Book") => Field::BookTitle,
            ("Title", "Journal") => Field::JournalTitle,
            ("ISOAbbreviation", "Journal") => Field::IsoAbbreviation,
            ("ISSN", "Journal") => Field::Issn,
            ("ISSNLinking", "MedlineJournalInfo") => Field::IssnLinking,
            ("Volume", "JournalIssue" | "Book") => Field::Volume,
            ("Issue", "JournalIssue") => Field::Issue,
            ("Year", "PubDate") => Field::Year,
            ("Month", "PubDate") => Field::Month,
            ("Day", "PubDate") => Field::Day,
            ("MedlineDate", "PubDate") => Field::MedlineDate,
            ("MedlinePgn", "Pagination") => Field::MedlinePgn,
            ("StartPage", "Pagination") => Field::StartPage,
            ("EndPage", "Pagination") => Field::EndPage,
            ("ELocationID", "Article" | "BookDocument")
                if attr(e, "EIdType").as_deref() == Some("doi") =>
            {
                Field::ElocationDoi
            }
            ("LastName", "Author") => Field::LastName,
            ("ForeName", "Author") => Field::ForeName,
            ("Initials", "Author") => Field::Initials,
            ("Suffix", "Author") => Field::Suffix,
            ("CollectiveName", "Author") => Field::CollectiveName,
            ("AbstractText", "Abstract") => Field::AbstractText(attr(e, "Label")),
            ("Keyword", "KeywordList") => Field::Keyword,
            ("PublisherName", "Publisher") => Field::PublisherName,
            ("PublisherLocation", "Publisher") => Field::PublisherLocation,
            ("Citation", "Reference") if in_ref => Field::Citation,
            ("ArticleId", "ArticleIdList") => {
                let kind = attr(e, "IdType").unwrap_or_default();
                match grand {
                    "Reference" if in_ref => Field::RefId(kind),
                    "PubmedData" | "PubmedBookData" | "BookDocument" => {
                        Field::OwnId(kind)
                    }
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    fn end(&mut self, end: usize) {
        let depth = self.stack.len();
        let name = self.stack.pop().unwrap_or_default();
        if self.capture.as_ref().is_some_and(|c| c.depth == depth)
            && let (Some(c), Some(article)) = (self.capture.take(), self.article.as_mut())
        {
            article.store(c.field, c.buf, self.ordinal + 1);
        }
        match name.as_str() {
            "PubmedArticle" | "PubmedBookArticle" => {
                if let Some(article) = self.article.take() {
                    self.out.push(article.finish(end));
                }
                self.capture = None;
            }
            "Author" => {
                if let Some(article) = self.article.as_mut()
                    && let Some(name) =
                        article.author.take().and_then(AuthorParts::into_name)
                {
                    match article.role {
                        Role::Authors => article.r.authors.push(name),
                        Role::Editors => article.r.editors.push(name),
                        Role::Skip => {}
                    }
                }
            }
            "AuthorList" => {
                if let Some(article) = self.article.as_mut() {
                    article.role = Role::Skip;
                }
            }
            "Reference" => {
                let Some(article) = self.article.as_mut() else { return };
                let Some(rp) = article.reference.take() else { return };
                self.ordinal += 1;
                let text = rp.text.unwrap_or_default();
                if text.is_empty() {
                    article
                        .warnings
                        .push(format!("reference {} has no citation text", self.ordinal));
                }
                article.refs.push(RawReference {
                    ordinal: self.ordinal,
                    text,
                    span: rp.start..end,
                    ids: rp.ids,
                });
            }
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(c) = self.capture.as_mut() {
            c.buf.push_str(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    const ONE: &str = r#"<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "https://dtd.nlm.nih.gov/x.dtd">
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">111</PMID>
<Article><Journal><ISSN IssnType="Print">1234-5678</ISSN><JournalIssue><Volume>12</Volume>
<Issue>3</Issue><PubDate><Year>2020</Year><Month>Apr</Month><Day>07</Day></PubDate></JournalIssue>
<Title>Journal of tests</Title><ISOAbbreviation>J Tests</ISOAbbreviation></Journal>
<ArticleTitle>A <i>Test</i> title.</ArticleTitle><Pagination><MedlinePgn>171-8</MedlinePgn></Pagination>
<Abstract><AbstractText Label="BACKGROUND">One.</AbstractText><AbstractText>Two.</AbstractText></Abstract>
<AuthorList><Author><LastName>van der Berg</LastName><ForeName>Anna</ForeName><Initials>A</Initials></Author>
<Author><LastName>Li</LastName><Initials>XY</Initials></Author>
<Author><CollectiveName>Test Group</CollectiveName></Author></AuthorList></Article>
<CommentsCorrectionsList><CommentsCorrections><PMID>999</PMID></CommentsCorrections></CommentsCorrectionsList>
<KeywordList><Keyword>alpha</Keyword><Keyword>beta</Keyword></KeywordList></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="pubmed">111</ArticleId><ArticleId IdType="pmc">PMC5</ArticleId>
<ArticleId IdType="doi">10.1/ABC</ArticleId></ArticleIdList>
<ReferenceList><Reference><Citation>Smith J. <i>Cells</i> &amp; more&#x2013;ok &foo;.</Citation>
<ArticleIdList><ArticleId IdType="doi">10.2/X</ArticleId><ArticleId IdType="pubmed">222</ArticleId></ArticleIdList></Reference>
<Reference><Citation>Second.</Citation></Reference></ReferenceList></PubmedData></PubmedArticle></PubmedArticleSet>"#;

    #[test]
    fn one_article_citing_record() {
        let out = extract_xml(ONE).unwrap();
        assert_eq!(out.len(), 1);
        let c = out[0].citing.as_ref().unwrap();
        assert_eq!(c.pmid.as_deref(), Some("111"));
        assert_eq!(c.pmcid.as_deref(), Some("PMC5"));
        assert_eq!(c.doi.as_deref(), Some("10.1/abc"));
        assert_eq!(c.title.as_deref(), Some("A Test title."));
        assert_eq!(c.container.as_deref(), Some("Journal of tests"));
        assert_eq!(c.container_short.as_deref(), Some("J Tests"));
        assert_eq!(c.issn.as_deref(), Some("1234-5678"));
        assert_eq!(c.date, Some(Date { year: 2020, month: Some(4), day: Some(7) }));
        assert_eq!(c.pages.as_ref().map(ToString::to_string).as_deref(), Some("171-178"));
        assert_eq!(c.abstract_text.as_deref(), Some("BACKGROUND: One.\nTwo."));
        assert_eq!(c.keywords, ["alpha", "beta"]);
        let mut vdb = Person::new("Berg", "Anna");
        vdb.particle = Some("van der".into());
        assert_eq!(
            c.authors,
            [
                Name::Person(vdb),
                Name::Person(Person::new("Li", "X. Y.")),
                Name::Literal("Test Group".into())
            ]
        );
        assert_eq!(c.origin.ordinal, 0);
        assert!(
            c.raw
                .starts_with("van der Berg A, Li XY, Test Group. A Test title. J Tests.")
        );
    }

    #[test]
    fn references_text_ids_spans() {
        let out = extract_xml(ONE).unwrap();
        let refs = &out[0].references;
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].text, "Smith J. Cells & more\u{2013}ok &foo;.");
        assert_eq!(refs[0].ids.doi.as_deref(), Some("10.2/X"));
        assert_eq!(refs[0].ids.pmid.as_deref(), Some("222"));
        assert_eq!(refs[0].ids.pmcid, None);
        assert_eq!((refs[0].ordinal, refs[1].ordinal), (1, 2));
        let span = &ONE[refs[1].span.clone()];
        assert_eq!(span, "<Reference><Citation>Second.</Citation></Reference>");
        assert!(out[0].warnings.is_empty());
    }

    #[test]
    fn entity_declarations_refused() {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]><PubmedArticleSet>&b;</PubmedArticleSet>";
        let err = extract_xml(bomb).unwrap_err();
        assert_eq!(err.kind, ExtractErrorKind::XmlEntities);
    }

    #[test]
    fn malformed_is_an_error_with_position() {
        let bad = "<PubmedArticleSet><PubmedArticle></Oops></PubmedArticleSet>";
        let err = extract_xml(bad).unwrap_err();
        assert!(matches!(err.kind, ExtractErrorKind::Xml(_)));
        assert_eq!(err.span.start, 33);
        let cut = "<PubmedArticleSet><PubmedArticle>";
        let err = extract_xml(cut).unwrap_err();
        assert!(
            matches!(err.kind, ExtractErrorKind::Xml(ref m) if m.contains("PubmedArticle"))
        );
    }

    #[test]
    fn no_reference_list_warns_once_per_file() {
        let xml = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>\
                   </MedlineCitation></PubmedArticle><PubmedArticle><MedlineCitation>\
                   <PMID>2</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>";
        let out = extract_xml(xml).unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].warnings, ["no reference list in any of the 2 records"]);
        assert!(out[1].warnings.is_empty());
        assert_eq!(out[1].citing.as_ref().and_then(|c| c.pmid.as_deref()), Some("2"));
    }

    #[test]
    fn no_articles_warns() {
        let out = extract_xml("<PubmedArticleSet></PubmedArticleSet>").unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].warnings.len(), 1);
    }

    #[test]
    fn resolves_only_known_refs() {
        assert_eq!(resolve_ref(&BytesRef::new("amp")), "&");
        assert_eq!(resolve_ref(&BytesRef::new("#x3b2")), "β");
        assert_eq!(resolve_ref(&BytesRef::new("#0")), "&#0;");
        assert_eq!(resolve_ref(&BytesRef::new("nbsp")), "&nbsp;");
    }
}
