//! The citing article's own record, read from the header of a text page.
//!
//! PubMed's article header, as scrapers render it:
//!
//! ```text
//! J Glob Health                        journal button (sometimes missing), then "Actions"
//! . 2020 Jun;10(1):010338.             the citation line: date;volume(issue):pages
//! doi: 10.7189/jogh.10.010338.
//! The COVID-19 containment in Vietnam: What are we doing?      title
//! Toan Luu Duc Huynh^  1               authors with affiliation marks
//!   • PMID: 32373318                   identifiers
//! Toan Luu Duc Huynh. J Glob Health. 2020 Jun.   the short citation ("X et al. J. .")
//! Keywords: a; b; c.
//! ```

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while_m_n},
    character::complete::{alpha1, char, digit1, space0, space1},
    combinator::{opt, rest},
};

use crate::extract::fold_whitespace;
use crate::extract::text::{Line, heading_text};
use crate::model::{Date, Name, Person, RefType, Reference};

/// Read the citing article from the lines before the references section.
/// `None` when the page does not show enough to identify it.
pub(crate) fn read_citing(lines: &[Line<'_>], markdown: bool) -> Option<Reference> {
    let mut r = Reference { kind: RefType::Article, ..Reference::default() };
    let cite_at = lines.iter().position(|l| citation_line(clean(l.body())).is_ok());
    if let Some(i) = cite_at {
        if let Ok((_, c)) = citation_line(clean(lines[i].body())) {
            r.date = Some(c.date);
            r.volume = c.volume.map(str::to_owned);
            r.issue = c.issue.map(str::to_owned);
            r.pages = c.pages.and_then(crate::extract::xml::record::parse_pages);
            r.container = c.journal.map(str::to_owned);
        }
        if r.container.is_none() {
            r.container = journal_before_actions(&lines[..i])
                .or_else(|| journal_just_before(&lines[..i]));
        }
    }
    for line in lines {
        let body = clean(line.body());
        if let Some(v) = labelled(body, "PMID:") {
            r.pmid.get_or_insert(digits(v));
        } else if let Some(v) = labelled(body, "PMCID:") {
            r.pmcid.get_or_insert(format!("PMC{}", digits(v.trim_start_matches("PMC"))));
        } else if let Some(v) = labelled(body, "DOI:").or_else(|| labelled(body, "doi:"))
        {
            let doi =
                unlink(v).split_whitespace().next().unwrap_or("").trim_end_matches('.');
            let unbalanced = doi.matches(')').count() > doi.matches('(').count();
            let doi = if unbalanced { doi.strip_suffix(')').unwrap_or(doi) } else { doi };
            if doi.starts_with("10.") {
                r.doi.get_or_insert(doi.to_lowercase());
            }
        }
    }
    r.pmid = r.pmid.filter(|p| !p.is_empty());
    r.pmcid = r.pmcid.filter(|p| p.len() > 3);
    if let Some(i) = cite_at {
        read_title_and_authors(&lines[i + 1..], &mut r);
    }
    if r.authors.is_empty() || r.container.is_none() {
        short_citation(lines, &mut r);
    }
    read_keywords_and_abstract(lines, &mut r, markdown);
    if r.title.is_none() && r.pmid.is_none() && r.doi.is_none() {
        return None;
    }
    r.raw = summary(&r);
    Some(r)
}

/// A line without bullets, markdown emphasis, "(BUTTON)" labels and lynx link numbers.
fn clean(body: &str) -> &str {
    let b = body.trim_start_matches(['*', '•', '-', '+', ' ']).trim();
    let b = b.strip_prefix("(BUTTON)").unwrap_or(b).trim();
    strip_link_number(b.trim_start_matches('#').trim())
}

/// `[text](url)` at the start of a value → `text`: a markdown link.
fn unlink(v: &str) -> &str {
    match v.strip_prefix('[').and_then(|r| r.split_once("](")) {
        Some((text, _)) => text,
        None => v,
    }
}

/// True for a setext heading's underline (`=====`, `-----`).
fn is_rule(body: &str) -> bool {
    body.len() >= 3
        && (body.bytes().all(|b| b == b'=') || body.bytes().all(|b| b == b'-'))
}

/// `[12]J Synth Biblio` → `J Synth Biblio`: the link number lynx prints before a link.
fn strip_link_number(s: &str) -> &str {
    let Some(rest) = s.strip_prefix('[') else { return s };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match rest[digits..].strip_prefix(']') {
        Some(after) if digits > 0 => after.trim_start(),
        _ => s,
    }
}

/// The value after a `LABEL` at the start of a line (`PMID: 123`, `PMID:  **123**`).
fn labelled<'a>(body: &'a str, label: &str) -> Option<&'a str> {
    let head = body.get(..label.len())?;
    head.eq_ignore_ascii_case(label)
        .then(|| strip_link_number(body[label.len()..].trim().trim_matches('*').trim()))
}

fn digits(s: &str) -> String {
    s.trim().chars().take_while(char::is_ascii_digit).collect()
}

/// The parts of a header citation line.
#[derive(Debug, PartialEq)]
struct CitationLine<'a> {
    journal: Option<&'a str>,
    date: Date,
    volume: Option<&'a str>,
    issue: Option<&'a str>,
    pages: Option<&'a str>,
}

// YYYY
fn year(i: &str) -> IResult<&str, i32> {
    take_while_m_n(4, 4, |c: char| c.is_ascii_digit()).map_res(str::parse).parse(i)
}

// " Jun", " Jun 7", " Jan-Feb"
fn month_day(i: &str) -> IResult<&str, (Option<u8>, Option<u8>)> {
    (space1, alpha1, opt((tag("-"), alpha1)), opt((space1, digit1)))
        .map(|(_, m, _, d): (_, &str, _, Option<(&str, &str)>)| {
            (
                month_number(m),
                d.and_then(|(_, d)| d.parse().ok()).filter(|d| (1..=31).contains(d)),
            )
        })
        .parse(i)
}

/// `Jan`..`Dec` (or the full name) → 1..12.
pub(crate) fn month_number(m: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
        "dec",
    ];
    let lower = m.to_ascii_lowercase();
    let key = lower.get(..3)?;
    MONTHS.iter().position(|x| *x == key).map(|p| p as u8 + 1)
}

// ";10(1):010338." or ":16:17588359231220501." (the part after the date)
/// Volume, issue and pages of a citation line, each optional.
type VolumeIssuePages<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);

fn volume_issue_pages(i: &str) -> IResult<&str, VolumeIssuePages<'_>> {
    let vol = take_while_m_n(1, 12, |c: char| c.is_ascii_alphanumeric() || c == ' ');
    let issue = (char('('), take_while_m_n(1, 30, |c: char| c != ')'), char(')'));
    let pages = take_while_m_n(1, 40, |c: char| c != ' ' && c != ';');
    (
        nom::branch::alt((char(';'), char(':'))), // ; (or the scraped ":")
        opt(vol),                                 // 10
        opt(issue),                               // (1)
        opt((char(':'), pages)),                  // :010338
    )
        .map(|(_, v, iss, p)| {
            let p = p.map(|(_, p): (char, &str)| p.trim_end_matches('.'));
            (v.map(str::trim), iss.map(|(_, s, _)| s), p)
        })
        .parse(i)
}

// ". 2020 Jun;10(1):010338." or "J Glob Health. 2020 Jun 7;9(1):34."
fn citation_line(i: &str) -> IResult<&str, CitationLine<'_>> {
    let (i, journal) = opt(journal_prefix).parse(i)?;
    let (i, _) = (char('.'), space0).parse(i)?;
    let (i, (y, md, vip, _)) =
        (year, opt(month_day), opt(volume_issue_pages), rest).parse(i)?;
    let (month, day) = md.unwrap_or((None, None));
    let (volume, issue, pages) = vip.unwrap_or((None, None, None));
    if vip.is_none() && md.is_none() {
        // ". 2020" alone is too weak to be the header's citation line.
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let date = Date { year: y, month, day: month.and(day) };
    Ok((i, CitationLine { journal, date, volume, issue, pages }))
}

// "J Glob Health" before ". 2020": letters, spaces, no dot.
fn journal_prefix(i: &str) -> IResult<&str, &str> {
    take_while_m_n(2, 120, |c: char| c != '.' && c != ';' && !c.is_ascii_digit())
        .map(str::trim)
        .parse(i)
}

/// The journal button text just before the "Actions" menu above the citation line.
fn journal_before_actions(lines: &[Line<'_>]) -> Option<String> {
    let n = lines.len();
    let window = &lines[n.saturating_sub(12)..];
    let act = window.iter().rposition(|l| clean(l.body()) == "Actions")?;
    let j = window[..act].iter().rev().find(|l| !l.body().is_empty())?;
    let j = unlink(clean(j.body()));
    let plausible = !j.is_empty() && j.len() < 120 && !j.contains(['[', ']', '_', '|']);
    plausible.then(|| j.to_owned())
}

/// A browser copy has the journal alone on the line just above the citation line.
fn journal_just_before(lines: &[Line<'_>]) -> Option<String> {
    let j = unlink(clean(lines.iter().rev().find(|l| !l.body().is_empty())?.body()));
    let words: Vec<&str> = j.split_whitespace().collect();
    let plausible = (1..=8).contains(&words.len())
        && j.len() <= 80
        && !j.ends_with(['.', ':', ','])
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c == '('))
        && !is_label(j)
        && clean(j) != "Actions";
    plausible.then(|| j.to_owned())
}

/// Labels that sit between the header's parts and are not titles or authors.
const NOT_TITLE: &[&str] = &[
    "review",
    "affiliations",
    "affiliation",
    "affiliations expand",
    "free pmc article",
    "free article",
    "item in clipboard",
    "collaborators",
    "expand",
    "editorial",
    "comment",
    "letter",
    "meta-analysis",
    "clinical trial",
    "randomized controlled trial",
    "case reports",
    "observational study",
    "systematic review",
    "multicenter study",
    "practice guideline",
    "news",
    "erratum",
];

fn is_label(body: &str) -> bool {
    let b = clean(body).to_lowercase();
    let b = b.trim_end_matches(" (button) expand").trim_end_matches(" expand").trim();
    b.is_empty()
        || NOT_TITLE.contains(&b)
        || b.starts_with("doi:")
        || b.starts_with("pmid:")
        || b.starts_with("pmcid:")
        || b.starts_with("epub")
        || b.starts_with("ecollection")
        || b.starts_with("collaborators,")
        || b.starts_with("affiliations")
}

/// Title: the first paragraph after the citation and DOI lines; authors: the next line
/// when it reads as a list of names.
fn read_title_and_authors(lines: &[Line<'_>], r: &mut Reference) {
    let mut i = 0;
    while i < lines.len() && is_label(lines[i].body()) {
        i += 1;
    }
    let mut title = Vec::new();
    while i < lines.len() && !lines[i].body().is_empty() && title.len() < 6 {
        if is_rule(lines[i].body()) {
            i += 1;
            continue;
        }
        if is_label(lines[i].body())
            || names_line(clean(lines[i].body())).is_some() && !title.is_empty()
        {
            break;
        }
        title.push(clean(lines[i].body()));
        i += 1;
    }
    if !title.is_empty() {
        r.title = Some(fold_whitespace(&title.join(" ")));
    }
    while i < lines.len() && lines[i].body().is_empty() {
        i += 1;
    }
    if let Some(line) = lines.get(i).filter(|l| !is_label(l.body()))
        && let Some(names) = names_line(clean(line.body()))
    {
        r.authors = names;
    }
}

/// "Toan Luu Duc Huynh^  1" or "Xiaoxing Qian 1 , Xiaohui Ren 2 , Feng Chen 3": full
/// names with affiliation marks, split into persons (family name = last word).
fn names_line(body: &str) -> Option<Vec<Name>> {
    if body.is_empty() || body.len() > 2000 || body.ends_with('.') || body.contains(':') {
        return None;
    }
    let mut names = Vec::new();
    for part in body.split([',', ';']) {
        let words: Vec<&str> = part
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| c == '^' || c == '*' || c.is_ascii_digit()))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        if words.len() < 2
            || words.len() > 5
            || !words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        let (family, given) = words.split_last()?;
        names.push(Name::Person(Person::new(*family, given.join(" "))));
    }
    (!names.is_empty()).then_some(names)
}

/// The short citation "Yuehua Liang et al. Ther Adv Med Oncol. ." (or "Toan Luu Duc
/// Huynh. J Glob Health. 2020 Jun."): first author, et al., journal.
fn short_citation(lines: &[Line<'_>], r: &mut Reference) {
    for line in lines {
        let body = clean(line.body());
        let Some((who, rest)) = body.split_once(". ") else { continue };
        let (who, et_al) = match who.strip_suffix(" et al") {
            Some(w) => (w, true),
            None => (who, false),
        };
        // The journal is the first ". "-separated part; the tail starts after that part
        // (not after the trimmed journal, whose length is no offset into `rest`).
        let first = rest.split(". ").next().unwrap_or("");
        let journal = first.trim().trim_end_matches('.');
        let tail = rest.get(first.len()..).unwrap_or("").trim_start_matches('.').trim();
        let date_like = tail.is_empty() || tail == "." || year(tail).is_ok();
        let who_ok = !who.is_empty()
            && who.split_whitespace().count() <= 5
            && who
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let journal_ok = journal.chars().next().is_some_and(char::is_alphabetic);
        if !date_like || !who_ok || !journal_ok || journal.len() > 100 {
            continue;
        }
        if r.authors.is_empty()
            && let Some(names) = names_line(who)
        {
            r.authors = names;
            r.et_al = et_al;
        }
        if r.container.is_none() {
            r.container = Some(journal.to_owned());
        }
        return;
    }
}

/// "Keywords: a; b; c." and the abstract paragraphs under the "Abstract" heading.
fn read_keywords_and_abstract(lines: &[Line<'_>], r: &mut Reference, markdown: bool) {
    let mut i = 0;
    while i < lines.len() {
        let body = clean(lines[i].body());
        if let Some(v) = labelled(body, "Keywords:") {
            let mut text = v.to_owned();
            let mut j = i + 1;
            while j < lines.len() && !lines[j].body().is_empty() {
                text.push(' ');
                text.push_str(lines[j].body());
                j += 1;
            }
            let text = if markdown { text.replace('\\', "") } else { text };
            r.keywords = text
                .trim()
                .trim_end_matches('.')
                .split(';')
                .map(fold_whitespace)
                .filter(|k| !k.is_empty())
                .collect();
        } else if heading_text(lines[i].body())
            .is_some_and(|h| h.eq_ignore_ascii_case("abstract"))
            && r.abstract_text.is_none()
        {
            let mut paras = Vec::new();
            let mut j = i + 1;
            while j < lines.len() {
                let b = lines[j].body();
                if labelled(clean(b), "Keywords:").is_some()
                    || b.starts_with('#')
                    || [
                        "PubMed Disclaimer",
                        "Conflict of interest statement",
                        "Figures",
                        "Comment in",
                    ]
                    .iter()
                    .any(|h| clean(b).eq_ignore_ascii_case(h))
                {
                    break;
                }
                paras.push(b);
                j += 1;
            }
            let text = fold_whitespace(&paras.join(" "));
            if !text.is_empty() {
                r.abstract_text = Some(text);
            }
        }
        i += 1;
    }
}

/// A one-line text for the citing record's `raw`.
fn summary(r: &Reference) -> String {
    let mut s = String::new();
    if let Some(t) = &r.title {
        s.push_str(t);
    }
    if let Some(j) = &r.container {
        s.push_str(&format!(" {j}."));
    }
    if let Some(d) = r.date {
        s.push_str(&format!(" {}.", d.year));
    }
    if let Some(p) = &r.pmid {
        s.push_str(&format!(" PMID: {p}."));
    }
    if let Some(d) = &r.doi {
        s.push_str(&format!(" doi: {d}."));
    }
    s.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::split_lines;

    #[test]
    fn citation_line_forms() {
        let (_, c) = citation_line(". 2020 Jun;10(1):010338.").unwrap();
        assert_eq!(c.date, Date { year: 2020, month: Some(6), day: None });
        assert_eq!((c.volume, c.issue, c.pages), (Some("10"), Some("1"), Some("010338")));
        let (_, c) = citation_line(". 2024 Jan 6:16:17588359231220501.").unwrap();
        assert_eq!(c.date, Date { year: 2024, month: Some(1), day: Some(6) });
        assert_eq!((c.volume, c.pages), (Some("16"), Some("17588359231220501")));
        let (_, c) = citation_line("J Glob Health. 2020 Apr 7;9(1):34.").unwrap();
        assert_eq!(c.journal, Some("J Glob Health"));
        assert!(citation_line("The year 2020 was long.").is_err());
        assert!(citation_line(". 2020").is_err());
    }

    #[test]
    fn page_ranges() {
        // The header's pages go through the shared page normaliser.
        let pages =
            |p| crate::extract::xml::record::parse_pages(p).map(|p| p.to_string());
        assert_eq!(pages("1604-17").as_deref(), Some("1604-1617"));
        assert_eq!(pages("e12–e19").as_deref(), Some("e12-e19"));
        assert_eq!(pages("010338").as_deref(), Some("010338"));
        // Fuzz finding: a first page ending in a wide character is not sliced inside it.
        assert!(pages("\u{fffd}-9").is_none_or(|p| p.ends_with('9')));
    }

    #[test]
    fn short_citation_tail_after_spaces() {
        // Fuzz finding: the journal part starts with a space, so its trimmed length is no
        // offset into the line.
        let lines = split_lines("Ann Lee.  \u{e9}. 2020.\n");
        let mut r = Reference::default();
        short_citation(&lines, &mut r);
        assert_eq!(r.container.as_deref(), Some("\u{e9}"));
        let lines = split_lines("A.  \u{e9}\n");
        short_citation(&lines, &mut Reference::default());
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Feb"), Some(2));
        assert_eq!(month_number("september"), Some(9));
        assert_eq!(month_number("Xy"), None);
    }

    #[test]
    fn names_with_marks() {
        let n = names_line("Toan Luu Duc Huynh^  1").unwrap();
        assert_eq!(n, [Name::Person(Person::new("Huynh", "Toan Luu Duc"))]);
        assert!(names_line("The authors declare no conflict.").is_none());
    }

    #[test]
    fn seed_like_header() {
        let page = "Review\n. 2024 Jan 6:16:17588359231220501.\ndoi: 10.1177/17588359231220501. eCollection 2024.\n\nA therapy title\n\nAffiliations\nReview\n\nA therapy title\n\nYuehua Liang et al. Ther Adv Med Oncol. .\n\nAbstract\n\nText here.\n\nKeywords: HER2+ breast cancer; chemotherapy.\n";
        let lines = split_lines(page);
        let r = read_citing(&lines, false).unwrap();
        assert_eq!(r.title.as_deref(), Some("A therapy title"));
        assert_eq!(r.doi.as_deref(), Some("10.1177/17588359231220501"));
        assert_eq!(r.container.as_deref(), Some("Ther Adv Med Oncol"));
        assert_eq!(r.authors, [Name::Person(Person::new("Liang", "Yuehua"))]);
        assert!(r.et_al);
        assert_eq!(r.keywords, ["HER2+ breast cancer", "chemotherapy"]);
        assert_eq!(r.abstract_text.as_deref(), Some("Text here."));
        assert_eq!(r.volume.as_deref(), Some("16"));
    }
}
