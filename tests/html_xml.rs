//! HTML pages, the references fragment and PubMed efetch XML, end to end.
//!
//! `real_*` tests read the shared real data by path (`../shared/data/...`) and skip with
//! a message when it is absent; every expectation there is computed independently of
//! the extractor (string scans of the source, `truth.jsonl`). The `fixture_*` tests use
//! the synthetic pages and records in `fixtures/html` and `fixtures/xml`, written for
//! this crate, with exact assertions.

use std::path::{Path, PathBuf};

use pubrefs::extract::html::extract_html;
use pubrefs::extract::xml::extract_xml;
use pubrefs::read::sniff;
use pubrefs::{Date, DocumentKind, ExtractErrorKind, Extracted, Name, Person, RefType};

const DATA: &str = "../shared/data";

/// The real-data folder, or `None` (with a message) when it is absent.
/// `PUBREFS_SHARED_DATA` overrides the location (for checkouts that are not beside it).
fn data_dir(sub: &str) -> Option<PathBuf> {
    let base = match std::env::var_os("PUBREFS_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA),
    };
    let dir = base.join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} is absent", dir.display());
        None
    }
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == ext));
    v.sort();
    v
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(rel: &str) -> String {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel))
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn texts(e: &Extracted) -> Vec<&str> {
    e.references.iter().map(|r| r.text.as_str()).collect()
}

// ---------------------------------------------------------------------------------
// independent scanners for the real data

/// `(start, end)` of every `<tag>…</tag>` (exact open tag text), by string search.
fn blocks<'a>(s: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find(open) {
        let start = from + i;
        let end = s[start..].find(close).map_or(s.len(), |j| start + j + close.len());
        out.push(&s[start..end]);
        from = end;
    }
    out
}

/// The ids of one `<Reference>` block: `(IdType, value)` in order.
fn article_ids(reference: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for b in blocks(reference, "<ArticleId ", "</ArticleId>") {
        let ty =
            b.split("IdType=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or("");
        let val = b.split('>').nth(1).and_then(|r| r.split('<').next()).unwrap_or("");
        out.push((ty.to_owned(), xml_text(val)));
    }
    out
}

/// XML text content without tags, with the five entities and numeric references
/// decoded, whitespace folded.
fn xml_text(s: &str) -> String {
    let mut no_tags = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => no_tags.push(c),
            _ => {}
        }
    }
    let mut out = String::new();
    let mut rest = no_tags.as_str();
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(semi) = after.find(';') else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..semi];
        let decoded = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "quot" => Some('"'),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push_str(&format!("&{name};")),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    fold(&out)
}

// ---------------------------------------------------------------------------------
// real data: PubMed efetch XML

#[test]
fn real_xml_every_reference_in_order_with_every_id() {
    let Some(dir) = data_dir("pubmed-xml") else { return };
    let (mut n_files, mut n_articles, mut n_refs, mut n_ids) = (0, 0, 0, 0);
    for path in files(&dir, "xml") {
        let xml = read(&path);
        assert_eq!(sniff(&xml), DocumentKind::PubmedXml, "{}", path.display());
        let out = extract_xml(&xml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let articles = blocks(&xml, "<PubmedArticle>", "</PubmedArticle>");
        assert_eq!(out.len(), articles.len().max(1), "{}", path.display());
        let mut ordinal = 0;
        for (article, e) in articles.iter().zip(&out) {
            let refs = blocks(article, "<Reference>", "</Reference>");
            assert_eq!(e.references.len(), refs.len(), "{}", path.display());
            for (src, r) in refs.iter().zip(&e.references) {
                ordinal += 1;
                assert_eq!(r.ordinal, ordinal, "{}", path.display());
                assert_eq!(&xml[r.span.clone()], *src, "{}: span", path.display());
                let citation = blocks(src, "<Citation>", "</Citation>");
                let expected = citation.first().map(|c| xml_text(c)).unwrap_or_default();
                assert_eq!(r.text, expected, "{}", path.display());
                for (ty, val) in article_ids(src) {
                    let got = match ty.as_str() {
                        "pubmed" => r.ids.pmid.as_deref(),
                        "pmc" => r.ids.pmcid.as_deref(),
                        "doi" => r.ids.doi.as_deref(),
                        _ => continue,
                    };
                    let got = got
                        .unwrap_or_else(|| panic!("{}: {ty} {val} lost", path.display()));
                    let same = got
                        .trim_end_matches('.')
                        .eq_ignore_ascii_case(val.trim_end_matches('.'));
                    assert!(same, "{}: {ty} {val} vs {got}", path.display());
                    n_ids += 1;
                }
            }
            n_refs += refs.len();
            let citing = e.citing.as_ref().expect("citing record");
            let pmid = blocks(article, "<PMID", "</PMID>")
                .first()
                .and_then(|b| b.split('>').nth(1))
                .and_then(|v| v.split('<').next())
                .map(str::to_owned);
            assert_eq!(citing.pmid, pmid, "{}", path.display());
            assert!(citing.title.is_some(), "{}: no title", path.display());
            assert!(citing.date.is_some(), "{}: no date", path.display());
        }
        n_files += 1;
        n_articles += articles.len();
    }
    eprintln!(
        "{n_files} XML files, {n_articles} articles, {n_refs} references, {n_ids} ids"
    );
    assert!(n_refs > 0);
}

/// Every `<Citation>` of the shared efetch files parsed: nearly all fully placed, and
/// PubMed's journal-only citations (`J Biol Chem. 2019 Feb 1;294(5):1516-1528`, a
/// third of some files) give a journal, its volume and pages, and no author.
#[test]
fn real_xml_citations_parse() {
    let Some(dir) = data_dir("pubmed-xml") else { return };
    let (mut n, mut parsed, mut journal_only) = (0usize, 0usize, 0usize);
    for path in files(&dir, "xml") {
        let xml = read(&path);
        let out = extract_xml(&xml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for r in out.iter().flat_map(|e| &e.references) {
            n += 1;
            let p = pubrefs::parse::parse_reference(&r.text);
            if p.status == pubrefs::Status::Parsed {
                parsed += 1;
            }
            // `Journal Abbrev. YYYY …;` and nothing before: a journal-only citation
            let head = r.text.split(". ").next().unwrap_or_default();
            let after = r.text.get(head.len() + 2..).unwrap_or_default();
            // (the year, then `;` or a month: `2019;12:3`, `2019 Feb 1;294(5)`)
            let months = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec", "Spring", "Summer", "Fall", "Autumn", "Winter",
            ];
            let year_next = after.len() > 5
                && after.bytes().take(4).all(|b| b.is_ascii_digit())
                && (after.as_bytes().get(4) == Some(&b';')
                    || after.get(4..5) == Some(" ")
                        && months
                            .iter()
                            .any(|m| after.get(5..).is_some_and(|t| t.starts_with(m))));
            if year_next && !head.contains([',', ';', ':', '.']) && after.contains(';') {
                journal_only += 1;
                assert!(
                    p.authors.is_empty(),
                    "{}: {}: {:?}",
                    path.display(),
                    r.text,
                    p.authors
                );
                // (`Br J Cancer Suppl.`: the supplement may move to the issue)
                assert!(
                    p.container
                        .as_deref()
                        .is_some_and(|c| !c.is_empty() && head.starts_with(c)),
                    "{}: {}: {:?}",
                    path.display(),
                    r.text,
                    p.container
                );
                assert!(p.title.is_none(), "{}: {}", path.display(), r.text);
            }
        }
    }
    eprintln!("{n} citations, {parsed} parsed, {journal_only} journal-only");
    assert!(n > 0);
    // (measured: 5,309 of 5,352)
    assert!(parsed * 100 >= n * 98, "{parsed} of {n} parsed");
}

#[test]
fn real_xml_citing_record_fields() {
    let Some(dir) = data_dir("pubmed-xml") else { return };
    let xml = read(&dir.join("pmid-35679569.xml"));
    let out = extract_xml(&xml).expect("well-formed");
    let c = out[0].citing.as_ref().expect("citing");
    // facts of this public record, read from the file by eye
    assert_eq!(c.pmid.as_deref(), Some("35679569"));
    assert_eq!(c.pmcid.as_deref(), Some("PMC9184892"));
    assert_eq!(c.doi.as_deref(), Some("10.2105/ajph.2022.306873"));
    assert_eq!(c.container_short.as_deref(), Some("Am J Public Health"));
    assert_eq!(c.issn.as_deref(), Some("1541-0048"));
    assert_eq!(c.volume.as_deref(), Some("112"));
    assert_eq!(c.issue.as_deref(), Some("S3"));
    assert_eq!(c.date, Some(Date { year: 2022, month: Some(6), day: None }));
    assert_eq!(c.pages.as_ref().map(ToString::to_string).as_deref(), Some("S224-S225"));
    assert_eq!(c.authors, [Name::Person(Person::new("Waters", "Catherine M"))]);
}

// ---------------------------------------------------------------------------------
// real data: HTML pages and the fragment

/// One line of `truth.jsonl`: the page, its reference texts (folded), its total.
type Truth = (String, Vec<String>, Option<u32>);

/// The lines of `truth.jsonl`.
fn truth() -> Option<Vec<Truth>> {
    let dir = data_dir("pubmed-text")?;
    let text = read(&dir.join("truth.jsonl"));
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json line");
                let page = v["page"].as_str().unwrap_or_default().to_owned();
                let refs = v["references"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|s| s.as_str()).map(fold).collect())
                    .unwrap_or_default();
                let total = v["total"].as_u64().map(|n| n as u32);
                (page, refs, total)
            })
            .collect(),
    )
}

/// The `data-ga-action` values of the `reference-link` anchors of each
/// `skip-numbering` item, by string scan of the source.
fn link_actions(html: &str) -> Vec<Vec<String>> {
    blocks(html, "skip-numbering", "</li>")
        .iter()
        .map(|item| {
            item.split("<a")
                .skip(1)
                .filter(|a| a.contains("reference-link"))
                .filter_map(|a| a.split("data-ga-action=\"").nth(1))
                .filter_map(|r| r.split('"').next())
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

#[test]
fn real_html_texts_ids_and_totals() {
    let (Some(dir), Some(truth)) = (data_dir("pubmed-html"), truth()) else { return };
    let mut checked = 0;
    for (page, want_refs, want_total) in truth {
        let path = dir.join(format!("{page}.html"));
        if !path.is_file() {
            continue;
        }
        let html = read(&path);
        let kind = sniff(&html);
        let out = pubrefs::extract(kind, &html).expect("html never errors");
        let e = &out[0];
        assert_eq!(texts(e), want_refs, "{page}");
        assert_eq!(e.total, want_total, "{page}");
        let actions = link_actions(&html);
        assert_eq!(actions.len(), e.references.len(), "{page}");
        for (r, acts) in e.references.iter().zip(&actions) {
            for a in acts {
                let found = if a.starts_with("10.") {
                    r.ids.doi.as_deref() == Some(a.as_str())
                } else if a.starts_with("PMC") {
                    r.ids.pmcid.as_deref() == Some(a.as_str())
                } else {
                    r.ids.pmid.as_deref() == Some(a.as_str())
                };
                assert!(
                    found,
                    "{page}: reference {} lost link {a}: {:?}",
                    r.ordinal, r.ids
                );
            }
            assert_eq!(r.ids.is_empty(), acts.is_empty(), "{page}: {}", r.ordinal);
            assert!(html[r.span.clone()].contains("skip-numbering"), "{page}: span");
        }
        let mut want_warnings = Vec::new();
        if want_refs.is_empty() {
            want_warnings.push("no reference list on this page".to_owned());
        }
        if let Some(total) = want_total.filter(|t| *t as usize > want_refs.len()) {
            let pmid = page.trim_start_matches("pmid-");
            want_warnings.push(format!(
                "page shows {} of {total} references; the rest are at \
                 https://pubmed.ncbi.nlm.nih.gov/{pmid}/references/",
                want_refs.len()
            ));
            assert!(e.truncated());
        }
        assert_eq!(e.warnings, want_warnings, "{page}");
        checked += 1;
    }
    eprintln!("{checked} HTML pages checked against truth.jsonl");
    assert!(checked >= 4);
}

#[test]
fn real_html_citing_articles() {
    let Some(dir) = data_dir("pubmed-html") else { return };
    let page = extract_html(&read(&dir.join("pmid-32373318.html")));
    let c = page.citing.as_ref().expect("citing");
    // facts of this public record, as shown in its page header
    assert_eq!(c.pmid.as_deref(), Some("32373318"));
    assert_eq!(c.pmcid.as_deref(), Some("PMC7182304"));
    assert_eq!(c.doi.as_deref(), Some("10.7189/jogh.10.010338"));
    assert_eq!(
        c.title.as_deref(),
        Some("The COVID-19 containment in Vietnam: What are we doing?")
    );
    assert_eq!(c.authors, [Name::Person(Person::new("Huynh", "Toan Luu Duc"))]);
    assert_eq!(c.container.as_deref(), Some("Journal of global health"));
    assert_eq!(c.container_short.as_deref(), Some("J Glob Health"));
    assert_eq!(c.date, Some(Date { year: 2020, month: Some(6), day: None }));
    assert_eq!((c.volume.as_deref(), c.issue.as_deref()), (Some("10"), Some("1")));
    assert_eq!(c.pages.as_ref().map(|p| p.first.as_str()), Some("010338"));
    assert_eq!(c.kind, RefType::Article);
    assert_eq!(c.origin.ordinal, 0);

    let page = extract_html(&read(&dir.join("pmid-32264957.html")));
    let c = page.citing.as_ref().expect("citing");
    assert_eq!(c.pmid.as_deref(), Some("32264957"));
    assert_eq!(c.pmcid.as_deref(), Some("PMC7137400"));
    assert_eq!(c.issn.as_deref(), Some("2049-9957"));
    assert_eq!(c.date, Some(Date { year: 2020, month: Some(4), day: Some(7) }));
    assert_eq!(c.authors.first(), Some(&Name::Person(Person::new("Qian", "Xu"))));
    assert!(matches!(c.authors.last(), Some(Name::Literal(_))));
    assert!(c.keywords.iter().any(|k| k == "SARS-CoV-2"));
    assert!(c.abstract_text.is_some());

    let fragment =
        extract_html(&read(&dir.join("pmid-32264957-references-fragment.html")));
    assert!(fragment.citing.is_none(), "the fragment file does not hold its PMID");
}

// ---------------------------------------------------------------------------------
// synthetic fixtures

#[test]
fn fixture_page_markup_entities_truncation_citing() {
    let html = fixture("html/article-truncated.html");
    assert_eq!(sniff(&html), DocumentKind::HtmlPage);
    let e = extract_html(&html);
    assert_eq!(
        texts(&e),
        [
            "Doe J, Roe R. Growth of Escherichia coli at 37 °C & below. J Microb Tests. 2019;12(3):45-52.",
            "Müller A, García-López M. CO2 and H+ transport in β-cells. Cell Tests. 2018;7:e101.",
            "Study Group. Guidelines for testing, 2nd ed. Geneva: Test Press; 2017.",
            "Smith K. A report. Available: https://example.org/report.... Accessed 3 March 2020.",
            "Lee S, Park J. Anti-PD-1 therapy in tests. Test Oncol. 2021;3(1):1-9.",
        ]
    );
    let ids: Vec<_> = e
        .references
        .iter()
        .map(|r| (r.ids.doi.as_deref(), r.ids.pmcid.as_deref(), r.ids.pmid.as_deref()))
        .collect();
    assert_eq!(
        ids,
        [
            (Some("10.1000/JMT.2019.045"), Some("PMC1000001"), Some("30000001")),
            (Some("10.1000/ct.7.e101"), None, Some("30000002")),
            (None, None, None),
            (None, None, None),
            (None, Some("PMC1000005"), Some("30000005")),
        ]
    );
    assert_eq!(e.total, Some(12));
    assert_eq!(
        e.warnings,
        ["page shows 5 of 12 references; the rest are at \
          https://pubmed.ncbi.nlm.nih.gov/39999999/references/"]
    );
    let c = e.citing.as_ref().expect("citing");
    assert_eq!(c.pmid.as_deref(), Some("39999999"));
    assert_eq!(c.pmcid.as_deref(), Some("PMC9999999"));
    assert_eq!(c.doi.as_deref(), Some("10.1000/test.2024.001"));
    assert_eq!(
        c.title.as_deref(),
        Some("A synthetic page for testing reference extraction")
    );
    let mut vdb = Person::new("Berg", "Anna Maria");
    vdb.particle = Some("van den".into());
    assert_eq!(
        c.authors,
        [
            Name::Person(Person::new("Doe", "Jane")),
            Name::Person(vdb),
            Name::Literal("Synthetic Test Consortium".into()),
        ]
    );
    assert_eq!(c.container.as_deref(), Some("Journal of synthetic tests"));
    assert_eq!(c.container_short.as_deref(), Some("J Synth Tests"));
    assert_eq!(c.date, Some(Date { year: 2024, month: Some(2), day: Some(13) }));
    assert_eq!(c.volume.as_deref(), Some("5"));
    assert_eq!(c.issue.as_deref(), Some("2"));
    assert_eq!(c.pages.as_ref().map(ToString::to_string).as_deref(), Some("101-109"));
    assert_eq!(c.issn.as_deref(), Some("1234-5678"));
    assert_eq!(
        c.abstract_text.as_deref(),
        Some("Background: We wrote this page by hand.\nResults: It has five references.")
    );
    assert_eq!(c.keywords, ["extraction", "synthetic data", "tests"]);
    assert_eq!(
        c.raw,
        "Doe J, van den Berg AM, Synthetic Test Consortium. A synthetic page for testing \
         reference extraction. J Synth Tests. 2024;5(2):101-109. doi: 10.1000/test.2024.001. \
         PMID: 39999999."
    );
}

#[test]
fn fixture_fragment_all_items_and_citing_pmid() {
    let html = fixture("html/references-fragment.html");
    assert_eq!(sniff(&html), DocumentKind::ReferencesFragment);
    let e = extract_html(&html);
    assert_eq!(
        texts(&e),
        [
            "Doe J, Roe R. Growth of Escherichia coli at 37 °C & below. J Microb Tests. 2019;12(3):45-52.",
            "Ng T. Short note. Tests. 2020;1:1.",
            "Ode P. Another note. Tests. 2021;2:2-3.",
        ]
    );
    assert_eq!(e.references[2].ids.pmid.as_deref(), Some("30000012"));
    assert_eq!(e.total, None);
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    let c = e.citing.as_ref().expect("the fragment's saved-from URL names its article");
    assert_eq!(c.pmid.as_deref(), Some("39999999"));
    assert_eq!(c.title, None);
}

#[test]
fn fixture_page_without_references() {
    let html = fixture("html/no-references.html");
    let e = extract_html(&html);
    assert!(e.references.is_empty());
    assert_eq!(e.total, None);
    assert_eq!(e.warnings, ["no reference list on this page"]);
    let c = e.citing.as_ref().expect("legacy header");
    assert_eq!(c.pmid.as_deref(), Some("20000001"));
    assert_eq!(c.title.as_deref(), Some("An old page without a reference list."));
    assert_eq!(
        c.authors,
        [
            Name::Person(Person::new("Tanaka", "H.")),
            Name::Person(Person::new("Sato", "K. M."))
        ]
    );
    assert_eq!(c.container_short.as_deref(), Some("Old Test J"));
    assert_eq!(c.container.as_deref(), Some("Old test journal"));
    assert_eq!(c.date, Some(Date { year: 2011, month: Some(3), day: Some(1) }));
    assert_eq!(c.pages.as_ref().map(ToString::to_string).as_deref(), Some("171-178"));
    assert_eq!(c.doi.as_deref(), Some("10.1000/old.2011.171"));
}

#[test]
fn fixture_xml_two_articles_ordinals_across_file() {
    let xml = fixture("xml/two-articles.xml");
    assert_eq!(sniff(&xml), DocumentKind::PubmedXml);
    let out = extract_xml(&xml).expect("well-formed");
    assert_eq!(out.len(), 2);
    let ordinals: Vec<Vec<u32>> =
        out.iter().map(|e| e.references.iter().map(|r| r.ordinal).collect()).collect();
    assert_eq!(ordinals, [vec![1, 2], vec![3]]);
    assert_eq!(
        texts(&out[0]),
        [
            "Doe J. Growth of E. coli at 37 °C & below. J Microb Tests. 2019;12(3):45\u{2013}52.",
            "Roe R. Signals in <noise> &unknown; tests. Tests. 2020;1:1.",
        ]
    );
    let r = &out[0].references[0];
    assert_eq!(r.ids.doi.as_deref(), Some("10.1000/JMT.2019.045"));
    assert_eq!(r.ids.pmcid.as_deref(), Some("PMC1000001"));
    assert_eq!(r.ids.pmid.as_deref(), Some("30000001"));
    assert!(xml[r.span.clone()].starts_with("<Reference>"));
    assert!(xml[r.span.clone()].ends_with("</Reference>"));
    assert_eq!(texts(&out[1]), ["Ng T. Short note. Tests. 2021;2:2\u{2013}3."]);

    let a = out[0].citing.as_ref().expect("citing");
    assert_eq!(a.pmid.as_deref(), Some("40000001"));
    assert_eq!(a.title.as_deref(), Some("Synthetic record one: E. coli in tests."));
    assert_eq!(a.doi.as_deref(), Some("10.1000/rec.one"));
    assert_eq!(a.pmcid.as_deref(), Some("PMC4000001"));
    assert_eq!(a.date, Some(Date { year: 2023, month: Some(11), day: None }));
    assert_eq!(a.keywords, ["synthetic", "tests"]);
    let b = out[1].citing.as_ref().expect("citing");
    assert_eq!(b.pmid.as_deref(), Some("40000002"));
    assert_eq!(b.date, Some(Date { year: 1998, month: Some(12), day: None }));
    assert_eq!(b.authors, [Name::Literal("Synthetic Writing Group".into())]);
    assert_eq!(b.pages.as_ref().map(ToString::to_string).as_deref(), Some("e12"));
    assert!(out[1].warnings.is_empty());
}

#[test]
fn fixture_xml_book_article() {
    let xml = fixture("xml/book-article.xml");
    let out = extract_xml(&xml).expect("well-formed");
    assert_eq!(out.len(), 1);
    let c = out[0].citing.as_ref().expect("citing");
    assert_eq!(c.kind, RefType::Chapter);
    assert_eq!(c.pmid.as_deref(), Some("50000001"));
    assert_eq!(c.title.as_deref(), Some("Testing, a chapter"));
    assert_eq!(c.container.as_deref(), Some("The Synthetic Handbook"));
    assert_eq!(c.publisher.as_deref(), Some("Test University Press"));
    assert_eq!(c.place.as_deref(), Some("Testville"));
    assert_eq!(c.editors, [Name::Person(Person::new("Editor", "Eve"))]);
    assert_eq!(c.authors, [Name::Person(Person::new("Author", "Ann"))]);
    assert_eq!(c.date, Some(Date { year: 2015, month: None, day: None }));
    assert_eq!(texts(&out[0]), ["Book ref one. 2010.", "Book ref two. 2011."]);
    assert_eq!(out[0].references[1].ids.pmid.as_deref(), Some("50000003"));
}

#[test]
fn fixture_xml_entity_bomb_refused() {
    let xml = fixture("xml/entity-bomb.xml");
    let err = extract_xml(&xml).expect_err("entity declarations");
    assert_eq!(err.kind, ExtractErrorKind::XmlEntities);
    assert!(err.span.start < xml.find("<PubmedArticleSet>").unwrap_or(xml.len()));
}

#[test]
fn fixture_xml_malformed_is_an_error_with_position() {
    let xml = fixture("xml/malformed.xml");
    let err = extract_xml(&xml).expect_err("malformed");
    assert!(matches!(err.kind, ExtractErrorKind::Xml(_)), "{err}");
    let bad = xml.find("</Citaton>").expect("the fixture's broken tag");
    assert_eq!(err.span.start, bad);
}

// ---------------------------------------------------------------------------------
// hostile input: never panic, stay linear

#[test]
fn hostile_html_deep_nesting_and_huge_items() {
    let depth = 50_000;
    let mut html =
        String::from("<ol class=\"references-list\"><li class=\"skip-numbering\">");
    for _ in 0..depth {
        html.push_str("<span><i>");
    }
    html.push_str("deep text");
    for _ in 0..depth {
        html.push_str("</i></span>");
    }
    html.push_str("</li></ol>");
    let start = std::time::Instant::now();
    let e = extract_html(&html);
    assert_eq!(texts(&e), ["deep text"]);
    eprintln!("deeply nested item: {:?}", start.elapsed());

    // html5ever is quadratic in the depth of unclosed elements: the depth guard
    // drops the tags beyond 512 levels (or 32 unclosed formatting elements) first
    let mut div = "<div>".repeat(100_000);
    div.push('x');
    let start = std::time::Instant::now();
    let e = extract_html(&div);
    assert!(e.references.is_empty());
    assert!(e.warnings[0].starts_with("HTML nested too deeply"), "{:?}", e.warnings);
    eprintln!("100k unclosed divs: {:?}", start.elapsed());

    let fonts: String = (0..20_000).map(|i| format!("<font size={i}><p>x")).collect();
    let start = std::time::Instant::now();
    let e = extract_html(&fonts);
    assert!(e.warnings[0].starts_with("HTML nested too deeply"), "{:?}", e.warnings);
    eprintln!("20k distinct unclosed <font> before <p>: {:?}", start.elapsed());

    // legal HTML: `</li>` omitted; the guard knows `<li>` closes `<li>`
    let open_items = format!(
        "<ol class=\"references-list\">{}</ol>",
        "<li class=\"skip-numbering\">Item <i>x</i>".repeat(5_000)
    );
    let e = extract_html(&open_items);
    assert_eq!(e.references.len(), 5_000);
    assert_eq!(e.references[4_999].text, "Item x");
    assert_eq!(e.warnings, Vec::<String>::new());

    let many = format!(
        "<ol class=\"references-list\">{}</ol>",
        "<li class=\"skip-numbering\">A &amp; B &#0; &bogus; <a class=\"reference-link\" href=\"/1/\">PubMed</a>"
            .repeat(20_000)
    );
    let start = std::time::Instant::now();
    let e = extract_html(&many);
    eprintln!("20k items: {:?}", start.elapsed());
    assert_eq!(e.references.len(), 20_000);
    assert_eq!(e.references[19_999].text, "A & B \u{fffd} &bogus;");
    assert_eq!(e.references[19_999].ids.pmid.as_deref(), Some("1"));

    for junk in [
        "",
        "<",
        "<li class=\"skip-numbering\"",
        "\u{0}\u{ffff}<ol class=references-list><li>x",
    ] {
        let _ = extract_html(junk);
    }
}

#[test]
fn hostile_xml_never_panics() {
    let deep = format!("<PubmedArticleSet>{}", "<a>".repeat(200_000));
    assert!(extract_xml(&deep).is_err());
    let deep_ok = format!(
        "<PubmedArticleSet><PubmedArticle>{}{}</PubmedArticle></PubmedArticleSet>",
        "<x>".repeat(100_000),
        "</x>".repeat(100_000)
    );
    assert_eq!(extract_xml(&deep_ok).expect("well-formed").len(), 1);
    for junk in [
        "",
        "<",
        "&",
        "<a b=>",
        "<?xml",
        "<!DOCTYPE",
        "<![CDATA[",
        "<a>&#xFFFFFFFF;</a>",
        "\u{0}",
    ] {
        let _ = extract_xml(junk);
    }
}

// ---------------------------------------------------------------------------------
// measurements (run with `cargo test --release --test html_xml -- --ignored --nocapture`)

/// Peak resident memory of this process, from `/proc/self/status` (Linux), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[test]
#[ignore = "a measurement, not a check"]
fn measure_throughput() {
    // XML: the synthetic two-article set repeated to about 150 MB
    let xml = fixture("xml/two-articles.xml");
    let body_start = xml.find("<PubmedArticle>").expect("article");
    let body_end = xml.rfind("</PubmedArticleSet>").expect("end");
    let body = &xml[body_start..body_end];
    let copies = 150_000_000 / body.len();
    let mut big = String::with_capacity(copies * body.len() + 64);
    big.push_str("<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n");
    for _ in 0..copies {
        big.push_str(body);
    }
    big.push_str("</PubmedArticleSet>\n");
    let before = peak_rss_mib();
    let start = std::time::Instant::now();
    let out = extract_xml(&big).expect("well-formed");
    let secs = start.elapsed().as_secs_f64();
    let refs: usize = out.iter().map(|e| e.references.len()).sum();
    eprintln!(
        "XML: {:.1} MB, {} articles, {refs} references in {secs:.2} s = {:.0} MB/s; \
         peak RSS {:?} MiB before, {:?} MiB after",
        big.len() as f64 / 1e6,
        out.len(),
        big.len() as f64 / 1e6 / secs,
        before,
        peak_rss_mib()
    );
    drop(out);

    // HTML: every real page (or the fixtures) 50 times
    let pages: Vec<String> = match data_dir("pubmed-html") {
        Some(dir) => files(&dir, "html").iter().map(|p| read(p)).collect(),
        None => vec![fixture("html/article-truncated.html")],
    };
    let bytes: usize = pages.iter().map(String::len).sum::<usize>() * 50;
    let start = std::time::Instant::now();
    let mut refs = 0;
    for _ in 0..50 {
        for p in &pages {
            refs += extract_html(p).references.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "HTML: {} pages, {:.1} MB, {refs} references in {secs:.2} s = {:.2} ms/page, {:.0} MB/s",
        pages.len() * 50,
        bytes as f64 / 1e6,
        secs * 1000.0 / (pages.len() * 50) as f64,
        bytes as f64 / 1e6 / secs
    );
}
