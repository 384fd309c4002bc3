//! Helpers shared by the HTML and XML extractors to build the citing article's own
//! record from structured data: the PubMed "cit" line, dates, page ranges, identifiers,
//! names and the short text summary kept in `raw`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till1, take_while_m_n, take_while1};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{map_res, opt, recognize};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use crate::model::{Date, Name, Pages, Person, Reference};

/// The parts of a PubMed source line such as `2020 Apr 7;9(1):34.`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Cit {
    /// Publication date.
    pub date: Option<Date>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// Pages or e-locator.
    pub pages: Option<Pages>,
}

/// Month number of an English month name or its three-letter abbreviation (`Apr`,
/// `April`), or of a numeric month (`04`).
pub(crate) fn month_number(s: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
        "dec",
    ];
    let s = s.trim();
    if let Ok(n) = s.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let lower = s.to_ascii_lowercase();
    let head = lower.get(..3)?;
    let i = MONTHS.iter().position(|m| *m == head)?;
    u8::try_from(i + 1).ok()
}

// YYYY (four digits)
fn year(input: &str) -> IResult<&str, i32> {
    map_res(take_while_m_n(4, 4, |c: char| c.is_ascii_digit()), str::parse::<i32>)
        .parse(input)
}

// Apr | April | Sept
fn month(input: &str) -> IResult<&str, u8> {
    map_res(take_while1(|c: char| c.is_ascii_alphabetic()), |m: &str| {
        month_number(m).ok_or(())
    })
    .parse(input)
}

// 7 | 07 (one or two digits)
fn day(input: &str) -> IResult<&str, u8> {
    map_res(take_while_m_n(1, 2, |c: char| c.is_ascii_digit()), str::parse::<u8>)
        .parse(input)
}

// -Apr | -1999 Jan  (the end of a month range; only the first month is kept)
fn month_range_end(input: &str) -> IResult<&str, ()> {
    let (rest, _) = (char('-'), opt((year, space0)), month).parse(input)?;
    Ok((rest, ()))
}

// 2020 | 2020 Apr | 2020 Apr 7 | 2020 Mar-Apr | 2019 Winter
pub(crate) fn cit_date(input: &str) -> IResult<&str, Date> {
    let (rest, (year, md)) = (
        year,
        opt((preceded(space1, month), opt(month_range_end), opt(preceded(space1, day)))),
    )
        .parse(input)?;
    let date = match md {
        Some((m, range, d)) => {
            Date { year, month: Some(m), day: if range.is_some() { None } else { d } }
        }
        None => Date { year, month: None, day: None },
    };
    Ok((rest, date))
}

// 9 | 9(1) | (1) | 112(S3)  (volume and issue, after the `;`)
fn volume_issue(input: &str) -> IResult<&str, (Option<&str>, Option<&str>)> {
    (
        opt(take_till1(|c: char| {
            matches!(c, '(' | ':' | ';' | '.') || c.is_whitespace()
        })),
        opt(delimited(char('('), take_till1(|c: char| c == ')'), char(')'))),
    )
        .parse(input)
}

// 34 | 171-8 | S224-S225 | e0240519
fn page_range(input: &str) -> IResult<&str, &str> {
    recognize((
        take_while1(|c: char| c.is_ascii_alphanumeric()),
        opt((
            alt((tag("-"), tag("–"))),
            take_while1(|c: char| c.is_ascii_alphanumeric()),
        )),
    ))
    .parse(input)
}

// 2020 Apr 7;9(1):34.  |  2021;71(3):209-249.  |  2020 Dec;  |  2019 Mar 1
fn cit(input: &str) -> IResult<&str, Cit> {
    let (rest, (date, vi, pages)) = (
        cit_date,
        opt(preceded((space0, char(';'), space0), volume_issue)),
        opt(preceded((space0, char(':'), space0), page_range)),
    )
        .parse(input)?;
    let (volume, issue) = vi.unwrap_or((None, None));
    Ok((
        rest,
        Cit {
            date: Some(date),
            volume: volume.map(str::to_owned),
            issue: issue.map(|s| s.trim().to_owned()),
            pages: pages.and_then(parse_pages),
        },
    ))
}

/// Read a PubMed source line (`2020 Apr 7;9(1):34.`). Anything after the pages is
/// ignored; `None` when the line does not start with a year.
pub(crate) fn parse_cit(s: &str) -> Option<Cit> {
    cit(s.trim()).ok().map(|(_, c)| c)
}

/// A date from a free-form PubMed date (`2019 Nov-Dec`, `1998 Dec-1999 Jan`,
/// `2000 Spring`): the first year and, when one follows it, the month.
pub(crate) fn parse_loose_date(s: &str) -> Option<Date> {
    cit_date(s.trim()).ok().map(|(_, d)| d)
}

/// A page range from `first-last`, expanding an abbreviated last page
/// (`171-8` gives 171–178, `S224-5` gives S224–S225); what follows a `,` or `;`
/// (`123-45; discussion 146`) is not part of the range.
pub(crate) fn parse_pages(s: &str) -> Option<Pages> {
    let s = s.split([',', ';']).next().unwrap_or(s).trim();
    crate::normalize::pages::normalize_pages(s)
}

/// A DOI without resolver or `doi:` prefix and trailing period, lower-cased.
pub(crate) fn clean_doi(s: &str) -> Option<String> {
    let mut s = s.trim();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi.org/",
        "doi:",
        "DOI:",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
        }
    }
    let s = s.trim_end_matches('.').trim();
    s.starts_with("10.").then(|| s.to_lowercase())
}

/// A PMCID as `PMC` + digits, from `PMC7137400`, `pmc7137400` or `7137400`.
pub(crate) fn clean_pmcid(s: &str) -> Option<String> {
    let s = s.trim();
    let digits = match s.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("pmc") => s.get(3..).unwrap_or_default(),
        _ => s,
    };
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("PMC{digits}"))
}

/// A PMID: digits only.
pub(crate) fn clean_pmid(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 12 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.to_owned())
}

/// Initials with periods: `RL` gives `R. L.`, `J-P` gives `J.-P.`.
pub(crate) fn dotted_initials(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().filter(|c| !c.is_whitespace() && *c != '.') {
        if c == '-' {
            out.push('-');
            continue;
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        out.push(c);
        out.push('.');
    }
    out
}

/// A person from a family name as written (`van der Walt`) and given names: leading
/// lower-case words of the family name become the particle.
pub(crate) fn person(family: &str, given: &str) -> Person {
    let words: Vec<&str> = family.split_whitespace().collect();
    let n_particles = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let (particle, rest) = words.split_at(n_particles);
    let mut p = Person::new(rest.join(" "), given.trim());
    if !particle.is_empty() {
        p.particle = Some(particle.join(" "));
    }
    p
}

// `Sung H` or `WHO` for the summary line
fn short_name(name: &Name) -> String {
    match name {
        Name::Literal(s) => s.clone(),
        Name::Person(p) => {
            let initials: String = p
                .given
                .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
                .filter_map(|w| w.chars().next())
                .collect();
            if initials.is_empty() {
                p.full_family()
            } else {
                format!("{} {initials}", p.full_family())
            }
        }
    }
}

/// A short, PubMed-style one-line summary of a record, kept as its `raw` text:
/// `Qian X, Ren R, Wang Y, et al. Title. Infect Dis Poverty. 2020;9(1):34. doi: ….
/// PMID: 32264957.`
pub(crate) fn summary(r: &Reference) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !r.authors.is_empty() {
        let mut names: Vec<String> = r.authors.iter().take(3).map(short_name).collect();
        if r.authors.len() > 3 {
            names.push("et al".to_owned());
        }
        parts.push(names.join(", "));
    }
    if let Some(t) = &r.title {
        parts.push(t.trim_end_matches('.').to_owned());
    }
    if let Some(c) = r.container_short.as_ref().or(r.container.as_ref()) {
        parts.push(c.trim_end_matches('.').to_owned());
    }
    let mut source = String::new();
    if let Some(d) = r.date {
        source.push_str(&d.year.to_string());
    }
    if let Some(v) = &r.volume {
        source.push(';');
        source.push_str(v);
    }
    if let Some(i) = &r.issue {
        source.push_str(&format!("({i})"));
    }
    if let Some(p) = &r.pages {
        source.push_str(&format!(":{p}"));
    }
    if !source.is_empty() {
        parts.push(source);
    }
    if let Some(d) = &r.doi {
        parts.push(format!("doi: {d}"));
    }
    if let Some(p) = &r.pmid {
        parts.push(format!("PMID: {p}"));
    }
    let mut out = parts.join(". ");
    if !out.is_empty() {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: Option<u8>, day: Option<u8>) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn month_names_and_numbers() {
        assert_eq!(month_number("Apr"), Some(4));
        assert_eq!(month_number("September"), Some(9));
        assert_eq!(month_number("06"), Some(6));
        assert_eq!(month_number("13"), None);
        assert_eq!(month_number("Spring"), None);
        assert_eq!(month_number(""), None);
    }

    #[test]
    fn date_parts() {
        assert_eq!(year("2020;").unwrap(), (";", 2020));
        assert!(year("202").is_err());
        assert!(year("x2020").is_err());
        assert_eq!(month("Sept 1").unwrap(), (" 1", 9));
        assert!(month("Spring").is_err());
        assert!(month("7").is_err());
        assert_eq!(day("07;").unwrap(), (";", 7));
        assert_eq!(day("123").unwrap(), ("3", 12));
        assert!(day("x").is_err());
        assert!(month_range_end("-Apr").is_ok());
        assert!(month_range_end("-1999 Jan").is_ok());
        assert!(month_range_end("Apr").is_err());
    }

    #[test]
    fn volume_issue_shapes() {
        assert_eq!(volume_issue("9(1):34").unwrap(), (":34", (Some("9"), Some("1"))));
        assert_eq!(volume_issue("112(S3):").unwrap().1, (Some("112"), Some("S3")));
        assert_eq!(volume_issue("(4):1").unwrap().1, (None, Some("4")));
        assert_eq!(volume_issue("71:209").unwrap().1, (Some("71"), None));
        assert_eq!(volume_issue(":1").unwrap().1, (None, None));
        assert_eq!(volume_issue("9(1").unwrap(), ("(1", (Some("9"), None)));
    }

    #[test]
    fn page_range_shapes() {
        assert_eq!(page_range("171-8. doi").unwrap(), (". doi", "171-8"));
        assert_eq!(page_range("S224–S225.").unwrap(), (".", "S224–S225"));
        assert_eq!(page_range("e0240519").unwrap(), ("", "e0240519"));
        assert_eq!(page_range("34-").unwrap(), ("-", "34"));
        assert!(page_range(".").is_err());
    }

    #[test]
    fn cit_date_shapes() {
        assert_eq!(cit_date("2020").unwrap().1, d(2020, None, None));
        assert_eq!(cit_date("2020 Apr 7;").unwrap().1, d(2020, Some(4), Some(7)));
        assert_eq!(cit_date("2020 Mar-Apr;").unwrap().1, d(2020, Some(3), None));
        assert_eq!(cit_date("1998 Dec-1999 Jan").unwrap().1, d(1998, Some(12), None));
        assert_eq!(cit_date("2000 Spring").unwrap().1, d(2000, None, None));
        assert!(cit_date("Apr 2020").is_err());
        assert!(cit_date("20").is_err());
    }

    #[test]
    fn cit_lines() {
        let c = parse_cit("2020 Apr 7;9(1):34.").unwrap();
        assert_eq!(c.date, Some(d(2020, Some(4), Some(7))));
        assert_eq!(c.volume.as_deref(), Some("9"));
        assert_eq!(c.issue.as_deref(), Some("1"));
        assert_eq!(c.pages, Some(Pages { first: "34".into(), last: None }));
        let c = parse_cit("2012 Mar 1;32(3):171-8. doi: 10.2165/x.").unwrap();
        assert_eq!(
            c.pages,
            Some(Pages { first: "171".into(), last: Some("178".into()) })
        );
        let c = parse_cit("2022 Jun;112(S3):S224-S225.").unwrap();
        assert_eq!(c.issue.as_deref(), Some("S3"));
        assert_eq!(c.pages.unwrap().last.as_deref(), Some("S225"));
        let c = parse_cit("2020 Dec;").unwrap();
        assert_eq!((c.volume, c.issue, c.pages), (None, None, None));
        let c = parse_cit("2021;71:209-249").unwrap();
        assert_eq!(c.volume.as_deref(), Some("71"));
        assert!(parse_cit("Epub 2020 Apr 7.").is_none());
        assert!(parse_cit("").is_none());
    }

    #[test]
    fn pages_expand() {
        let p = |s| parse_pages(s).map(|p| p.to_string());
        assert_eq!(p("1206-7").as_deref(), Some("1206-1207"));
        assert_eq!(p("S224-5").as_deref(), Some("S224-S225"));
        assert_eq!(p("e0240519").as_deref(), Some("e0240519"));
        assert_eq!(p("123-45; discussion 146").as_deref(), Some("123-145"));
        assert_eq!(p("12-12").as_deref(), Some("12"));
        assert_eq!(p(" ").as_deref(), None);
        assert_eq!(p("-5").as_deref(), None);
    }

    #[test]
    fn identifiers() {
        assert_eq!(
            clean_doi("https://doi.org/10.1186/S40249.").as_deref(),
            Some("10.1186/s40249")
        );
        assert_eq!(
            clean_doi("doi: 10.7189/JOGH.10.010338.").as_deref(),
            Some("10.7189/jogh.10.010338")
        );
        assert_eq!(clean_doi("not a doi"), None);
        assert_eq!(clean_pmcid("pmc7137400").as_deref(), Some("PMC7137400"));
        assert_eq!(clean_pmcid("7137400").as_deref(), Some("PMC7137400"));
        assert_eq!(clean_pmcid("PMC"), None);
        assert_eq!(clean_pmcid("PMCx1"), None);
        assert_eq!(clean_pmid(" 32264957 ").as_deref(), Some("32264957"));
        assert_eq!(clean_pmid("3226a"), None);
    }

    #[test]
    fn names() {
        assert_eq!(dotted_initials("RL"), "R. L.");
        assert_eq!(dotted_initials("J-P"), "J.-P.");
        assert_eq!(dotted_initials(""), "");
        let p = person("van der Walt", "Stéfan");
        assert_eq!(p.family, "Walt");
        assert_eq!(p.particle.as_deref(), Some("van der"));
        let p = person("d'Alembert", "Jean");
        assert_eq!((p.family.as_str(), p.particle), ("d'Alembert", None));
    }

    #[test]
    fn summary_line() {
        let r = Reference {
            authors: vec![
                Name::Person(Person::new("Qian", "Xu")),
                Name::Literal("Some Committee".into()),
            ],
            title: Some("A title.".into()),
            container_short: Some("Infect Dis Poverty".into()),
            date: Some(d(2020, Some(4), Some(7))),
            volume: Some("9".into()),
            issue: Some("1".into()),
            pages: parse_pages("34"),
            pmid: Some("32264957".into()),
            ..Reference::default()
        };
        assert_eq!(
            summary(&r),
            "Qian X, Some Committee. A title. Infect Dis Poverty. 2020;9(1):34. PMID: 32264957."
        );
        assert_eq!(summary(&Reference::default()), "");
    }
}
