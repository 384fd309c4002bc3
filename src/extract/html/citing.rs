//! The citing article's own record, from a page's `citation_*` meta tags and its
//! header (`#full-view-heading`), with the legacy (pre-2020) layout (`div.rprt`) and a
//! bare fragment's canonical or "saved from" URL as fallbacks.

use scraper::ElementRef;
use scraper::node::Element;

use super::Css;
use super::links;
use crate::extract::fold_whitespace;
use crate::extract::xml::record;
use crate::model::{Date, Name, Origin, RefType, Reference};

#[cfg(test)]
static HEADING: Css = Css::new("#full-view-heading");
static HEADING_TITLE: Css = Css::new("h1.heading-title");
static INLINE_AUTHORS: Css = Css::new(".inline-authors .authors-list-item a.full-name");
static ANY_AUTHORS: Css = Css::new(".authors-list .authors-list-item a.full-name");
static JOURNAL_BUTTON: Css =
    Css::new("#full-view-journal-trigger, .journal-actions-trigger");
static CIT: Css = Css::new(".cit");
static CITATION_DOI: Css = Css::new(".citation-doi");
static ID_PUBMED: Css = Css::new("#full-view-identifiers .identifier.pubmed .current-id");
static ID_PMC: Css = Css::new("#full-view-identifiers .identifier.pmc a");
static ID_DOI: Css = Css::new("#full-view-identifiers .identifier.doi a");
#[cfg(test)]
static ABSTRACT: Css = Css::new(
    "#abstract .abstract-content.selected, #enc-abstract, #eng-abstract, #abstract .abstract-content",
);
#[cfg(test)]
static ABSTRACT_DIV: Css = Css::new("#abstract");
static ABSTRACT_P: Css = Css::new("#abstract p");
static SUB_TITLE: Css = Css::new("strong.sub-title");
static PARAGRAPHS: Css = Css::new("p");
#[cfg(test)]
static META: Css = Css::new("meta[name]");
static CANONICAL: Css = Css::new("link[rel=canonical], meta[property='og:url']");
#[cfg(test)]
static LEGACY: Css = Css::new("div.rprt");
static LEGACY_TITLE: Css = Css::new("h1");
static LEGACY_AUTHORS: Css = Css::new(".auths a");
static LEGACY_CIT: Css = Css::new(".cit");
static LEGACY_JOURNAL: Css = Css::new(".cit a");
static LEGACY_ABSTRACT: Css = Css::new(".abstr p");

/// The first element under `scope` (not `scope` itself), in document order, that
/// `keep` accepts. The page-wide lookups use this plain walk and a test of name, id
/// and class ([`super::elements`] explains why), stopping at the first match;
/// `is_heading`, `is_legacy`, `is_abstract` and `is_named_meta` match what
/// `#full-view-heading`, `div.rprt`, `#abstract` and `meta[name]` would (ids compared
/// case-sensitively, as scraper's selectors do).
fn first_element<'a>(
    scope: ElementRef<'a>,
    keep: impl Fn(&Element) -> bool,
) -> Option<ElementRef<'a>> {
    scope.descendants().skip(1).filter_map(ElementRef::wrap).find(|e| keep(e.value()))
}

/// `#full-view-heading`
fn is_heading(e: &Element) -> bool {
    e.id() == Some("full-view-heading")
}

/// `div.rprt`
fn is_legacy(e: &Element) -> bool {
    super::is(e, "div", "rprt")
}

/// `#abstract`
fn is_abstract(e: &Element) -> bool {
    e.id() == Some("abstract")
}

/// `meta[name]` (the HTML parser never puts a `name` attribute in a namespace).
fn is_named_meta(e: &Element) -> bool {
    e.name() == "meta" && e.attrs().any(|(k, _)| k == "name")
}

/// What `#abstract .abstract-content.selected, #enc-abstract, #eng-abstract, #abstract
/// .abstract-content` selects first under `scope`, the first `#abstract` (or the root
/// when there is none), by a plain walk. Under an `#abstract` every element has that
/// ancestor, so the first and last alternatives come down to the class
/// `abstract-content` (the first is a case of the last); elsewhere only the two ids can
/// match.
fn abstract_block(scope: ElementRef<'_>) -> Option<ElementRef<'_>> {
    if is_abstract(scope.value()) {
        first_element(scope, |e| has_class(e, "abstract-content") || is_abstract_id(e))
    } else {
        first_element(scope, is_abstract_id)
    }
}

/// `#enc-abstract, #eng-abstract`
fn is_abstract_id(e: &Element) -> bool {
    matches!(e.id(), Some("enc-abstract" | "eng-abstract"))
}

/// True when `e` has the class `class` (compared as [`super::is`] does).
fn has_class(e: &Element, class: &str) -> bool {
    e.attrs()
        .filter(|&(k, _)| k == "class")
        .any(|(_, v)| v.split_ascii_whitespace().any(|c| c == class))
}

/// The folded text of an element.
fn text(e: ElementRef<'_>) -> String {
    fold_whitespace(&e.text().collect::<String>())
}

/// `Some` unless empty.
fn nonempty(s: String) -> Option<String> {
    Some(s).filter(|s| !s.is_empty())
}

/// The `citation_*` (and other named) meta tags, in order.
struct Meta(Vec<(String, String)>);

impl Meta {
    fn read(root: ElementRef<'_>) -> Meta {
        Meta(
            super::elements(root, is_named_meta)
                .into_iter()
                .filter_map(|m| {
                    let name = m.attr("name")?.to_ascii_lowercase();
                    let content = fold_whitespace(m.attr("content")?);
                    Some((name, content))
                })
                .collect(),
        )
    }

    fn get(&self, name: &str) -> Option<String> {
        self.0.iter().find(|(n, c)| n == name && !c.is_empty()).map(|(_, c)| c.clone())
    }
}

/// A name from a header author link: its text is the full name (`Toan Luu Duc Huynh`)
/// and its search term the indexed form (`Huynh TLD`, or `…[Corporate Author]`).
fn header_author(a: ElementRef<'_>) -> Option<Name> {
    let full = text(a);
    if full.is_empty() {
        return None;
    }
    let term =
        a.attr("href").and_then(|h| links::query_param(h, "term")).unwrap_or_default();
    let term = fold_whitespace(&term);
    if term.to_ascii_lowercase().contains("[corporate author]") {
        return Some(Name::Literal(full));
    }
    let family = match term.rsplit_once(' ') {
        Some((family, initials)) if is_initials(initials) && full.ends_with(family) => {
            Some(family.to_owned())
        }
        _ => None,
    };
    match family {
        Some(family) => {
            let given = full.get(..full.len() - family.len()).unwrap_or_default();
            Some(Name::Person(record::person(&family, given)))
        }
        None => match full.rsplit_once(' ') {
            Some((given, family)) => Some(Name::Person(record::person(family, given))),
            None => Some(Name::Literal(full)),
        },
    }
}

/// Upper-case initials as PubMed indexes them (`X`, `TLD`, `J-P`).
fn is_initials(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_uppercase() || c == '-')
}

/// A name in PubMed's index form (`Qian X`, `van der Berg AB`); anything without
/// trailing initials is a collective name.
fn indexed_name(s: &str) -> Option<Name> {
    let s = fold_whitespace(s);
    if s.is_empty() {
        return None;
    }
    Some(match s.rsplit_once(' ') {
        Some((family, initials)) if is_initials(initials) => {
            Name::Person(record::person(family, &record::dotted_initials(initials)))
        }
        _ => Name::Literal(s),
    })
}

/// The abstract's paragraphs, folded, one per line.
fn abstract_of(block: ElementRef<'_>) -> Option<String> {
    let paras: Vec<String> =
        PARAGRAPHS.all(block).into_iter().map(text).filter(|p| !p.is_empty()).collect();
    if paras.is_empty() { nonempty(text(block)) } else { Some(paras.join("\n")) }
}

/// The keywords paragraph (`<p><strong class="sub-title">Keywords:</strong> a; b.</p>`).
fn keywords(root: ElementRef<'_>) -> Vec<String> {
    for p in ABSTRACT_P.all(root) {
        let Some(label) = SUB_TITLE.first(p) else { continue };
        let label = text(label);
        if !label.to_ascii_lowercase().starts_with("keywords") {
            continue;
        }
        let all = text(p);
        let rest = all.strip_prefix(label.as_str()).unwrap_or(&all);
        return rest
            .split(';')
            .map(|k| k.trim().trim_end_matches('.').trim().to_owned())
            .filter(|k| !k.is_empty())
            .collect();
    }
    Vec::new()
}

/// `MM/DD/YYYY` (the `citation_date` meta tag).
fn meta_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    let year = y.parse().ok()?;
    Some(Date {
        year,
        month: record::month_number(m),
        day: d.parse().ok().filter(|d| (1..=31).contains(d)),
    })
}

/// The citing article of a page, or `None` when the file says nothing about it
/// (a references fragment without its URL).
pub(super) fn citing_article(root: ElementRef<'_>, html: &str) -> Option<Reference> {
    let meta = Meta::read(root);
    let heading = first_element(root, is_heading);
    let legacy = first_element(root, is_legacy);
    let mut r = Reference { kind: RefType::Article, ..Reference::default() };

    r.pmid = meta
        .get("citation_pmid")
        .or_else(|| heading.and_then(|h| ID_PUBMED.first(h)).map(text))
        .or_else(|| meta.get("ncbi_uid"))
        .or_else(|| meta.get("uid"))
        .or_else(|| meta.get("ncbi_uidlist").filter(|l| !l.contains(',')))
        .as_deref()
        .and_then(record::clean_pmid);
    r.title = meta
        .get("citation_title")
        .or_else(|| heading.and_then(|h| HEADING_TITLE.first(h)).map(text))
        .or_else(|| legacy.and_then(|l| LEGACY_TITLE.first(l)).map(text))
        .and_then(nonempty);

    let header_authors: Vec<Name> = heading
        .map(|h| {
            let inline = INLINE_AUTHORS.all(h);
            if inline.is_empty() { ANY_AUTHORS.all(h) } else { inline }
        })
        .unwrap_or_default()
        .into_iter()
        .filter_map(header_author)
        .collect();
    r.authors = if !header_authors.is_empty() {
        header_authors
    } else if let Some(list) = meta.get("citation_authors") {
        list.split(';').filter_map(indexed_name).collect()
    } else {
        legacy
            .map(|l| {
                LEGACY_AUTHORS
                    .all(l)
                    .into_iter()
                    .filter_map(|a| indexed_name(&text(a)))
                    .collect()
            })
            .unwrap_or_default()
    };

    let button = heading.and_then(|h| JOURNAL_BUTTON.first(h));
    let legacy_journal = legacy.and_then(|l| LEGACY_JOURNAL.first(l));
    r.container = meta
        .get("citation_journal_title")
        .or_else(|| button.and_then(|b| b.attr("title")).map(fold_whitespace))
        .or_else(|| legacy_journal.and_then(|a| a.attr("title")).map(fold_whitespace))
        .map(|t| t.trim_end_matches('.').to_owned())
        .and_then(nonempty);
    r.container_short = button
        .map(text)
        .or_else(|| legacy_journal.map(text))
        .map(|t| t.trim_end_matches('.').to_owned())
        .and_then(nonempty);

    let cit_text = heading.and_then(|h| CIT.first(h)).map(text).or_else(|| {
        let cit = legacy.and_then(|l| LEGACY_CIT.first(l))?;
        let all = text(cit);
        let journal = legacy_journal.map(text).unwrap_or_default();
        Some(all.strip_prefix(journal.as_str()).unwrap_or(&all).trim().to_owned())
    });
    let cit = cit_text.as_deref().and_then(record::parse_cit).unwrap_or_default();
    r.date =
        cit.date.or_else(|| meta.get("citation_date").as_deref().and_then(meta_date));
    r.volume = meta.get("citation_volume").or(cit.volume);
    r.issue = meta.get("citation_issue").or(cit.issue);
    r.pages = cit.pages;
    r.issn = meta.get("citation_issn");

    r.doi = meta
        .get("citation_doi")
        .or_else(|| heading.and_then(|h| ID_DOI.first(h)).map(text))
        .or_else(|| heading.and_then(|h| CITATION_DOI.first(h)).map(text))
        .or_else(|| {
            let t = cit_text.as_deref()?;
            let at = t.find("doi:")?;
            t.get(at..)
                .map(|d| d.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
        })
        .as_deref()
        .and_then(record::clean_doi);
    r.pmcid = heading
        .and_then(|h| ID_PMC.first(h))
        .map(text)
        .as_deref()
        .and_then(record::clean_pmcid);

    let abstract_scope = first_element(root, is_abstract).unwrap_or(root);
    r.abstract_text =
        abstract_block(abstract_scope).and_then(abstract_of).or_else(|| {
            let paras: Vec<String> = legacy
                .map(|l| LEGACY_ABSTRACT.all(l).into_iter().map(text).collect())
                .unwrap_or_default();
            nonempty(paras.join("\n"))
        });
    r.keywords = keywords(abstract_scope);

    if r.pmid.is_none() {
        r.pmid = fragment_pmid(root, html);
    }
    if r.pmid.is_none() && r.title.is_none() && r.doi.is_none() {
        return None;
    }
    r.raw = record::summary(&r);
    r.origin = Origin { source: String::new(), ordinal: 0, span: 0..html.len() };
    Some(r)
}

/// The PMID of a page known only by its URL: a canonical link, an `og:url`, or the
/// `<!-- saved from url=… -->` comment browsers write at the top of a saved page.
fn fragment_pmid(root: ElementRef<'_>, html: &str) -> Option<String> {
    let from_link = CANONICAL.all(root).into_iter().find_map(|l| {
        let url = l.attr("href").or_else(|| l.attr("content"))?;
        links::first_pubmed_url_pmid(url)
    });
    from_link.or_else(|| {
        let mut end = html.len().min(2048);
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        let head = html.get(..end)?;
        let at = head.find("saved from url=")?;
        links::first_pubmed_url_pmid(head.get(at..)?.lines().next()?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;
    use scraper::Html;

    fn first_author(html: &str) -> Option<Name> {
        let doc = Html::parse_fragment(html);
        ANY_AUTHORS.first(doc.root_element()).and_then(header_author)
    }

    #[test]
    fn header_authors() {
        let a = r#"<div class="authors-list"><span class="authors-list-item"><a class="full-name" href="/?term=Huynh+TLD&amp;cauthor_id=1">Toan Luu Duc Huynh</a></span></div>"#;
        assert_eq!(
            first_author(a),
            Some(Name::Person(Person::new("Huynh", "Toan Luu Duc")))
        );
        let a = r#"<div class="authors-list"><span class="authors-list-item"><a class="full-name" href="/?term=van+der+Berg+A">Anna van der Berg</a></span></div>"#;
        let mut p = Person::new("Berg", "Anna");
        p.particle = Some("van der".into());
        assert_eq!(first_author(a), Some(Name::Person(p)));
        let a = r#"<div class="authors-list"><span class="authors-list-item"><a class="full-name" href="/?term=Some+Group%5BCorporate+Author%5D">Some Group</a></span></div>"#;
        assert_eq!(first_author(a), Some(Name::Literal("Some Group".into())));
        let a = r##"<div class="authors-list"><span class="authors-list-item"><a class="full-name" href="#">Jane Roe</a></span></div>"##;
        assert_eq!(first_author(a), Some(Name::Person(Person::new("Roe", "Jane"))));
        let a = r#"<div class="authors-list"><span class="authors-list-item"><a class="full-name"> </a></span></div>"#;
        assert_eq!(first_author(a), None);
    }

    #[test]
    fn indexed_names() {
        assert_eq!(indexed_name("Qian X"), Some(Name::Person(Person::new("Qian", "X."))));
        assert_eq!(
            indexed_name(" Wu  ZD "),
            Some(Name::Person(Person::new("Wu", "Z. D.")))
        );
        assert_eq!(indexed_name("WHO"), Some(Name::Literal("WHO".into())));
        assert_eq!(indexed_name(" "), None);
    }

    #[test]
    fn plain_lookups_agree_with_the_selectors() {
        let doc = Html::parse_document(
            r#"<head><meta name="a" content="1"><meta property="og:url" content="x">
               <META NAME="B" content="2"></head><body>
               <div id="Full-View-Heading">no</div><span id="full-view-heading">1</span>
               <div id="full-view-heading">2</div><div class="x rprt">3</div>
               <div class="rprt">4</div><p class="rprt">no</p><section id="abstract">5</section>
               <div id="abstract">6</div><svg><meta name="c"/></svg></body>"#,
        );
        let root = doc.root_element();
        let check = |css: &Css, matcher: fn(&Element) -> bool| {
            let want = css.all(root);
            assert!(!want.is_empty(), "{}", css.css);
            assert_eq!(super::super::elements(root, matcher), want, "{}", css.css);
            assert_eq!(first_element(root, matcher), css.first(root), "{}", css.css);
        };
        check(&HEADING, is_heading);
        check(&LEGACY, is_legacy);
        check(&ABSTRACT_DIV, is_abstract);
        check(&META, is_named_meta);
        for page in [
            r#"<div id="abstract"><p>x</p><div class="abstract-content">1</div>
               <div class="abstract-content selected">2</div></div>"#,
            r#"<div id="abstract"><div id="eng-abstract">1</div>
               <div class="abstract-content selected">2</div></div>"#,
            r#"<div class="abstract-content">no</div><div id="enc-abstract">1</div>
               <div id="abstract"><p class="abstract-content">2</p></div>"#,
            r#"<div class="abstract-content">no</div><p id="eng-abstract">1</p>"#,
            r#"<div class="abstract-content">no</div>"#,
        ] {
            let doc = Html::parse_document(page);
            let root = doc.root_element();
            let scope = first_element(root, is_abstract).unwrap_or(root);
            assert_eq!(abstract_block(scope), ABSTRACT.first(scope), "{page}");
        }
        let empty = Html::parse_document("<p>nothing</p>");
        assert_eq!(first_element(empty.root_element(), is_heading), None);
    }

    #[test]
    fn meta_dates() {
        assert_eq!(
            meta_date("04/07/2020"),
            Some(Date { year: 2020, month: Some(4), day: Some(7) })
        );
        assert_eq!(meta_date("2020"), None);
        assert_eq!(meta_date("xx/yy/zz"), None);
    }

    #[test]
    fn keywords_paragraph() {
        let doc = Html::parse_document(
            r#"<div id="abstract"><p><strong class="sub-title"> Keywords: </strong> COVID-19; Outbreak;
            SARS-CoV-2.</p></div>"#,
        );
        assert_eq!(keywords(doc.root_element()), ["COVID-19", "Outbreak", "SARS-CoV-2"]);
        let doc = Html::parse_document("<div id=abstract><p>No keywords</p></div>");
        assert!(keywords(doc.root_element()).is_empty());
    }

    #[test]
    fn fragment_urls() {
        let html = "<!-- saved from url=(0051)https://pubmed.ncbi.nlm.nih.gov/32264957/references/ -->\n<ol class=\"references-list\"></ol>";
        let doc = Html::parse_document(html);
        assert_eq!(fragment_pmid(doc.root_element(), html).as_deref(), Some("32264957"));
        let html = "<ol class=\"references-list\"></ol>";
        let doc = Html::parse_document(html);
        assert_eq!(fragment_pmid(doc.root_element(), html), None);
    }
}
