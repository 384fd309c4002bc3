//! Identifiers: DOI, PMID and PMCID in their canonical forms.
//!
//! - DOI: `10.` + registrant (4–9 digits, dotted sub-parts allowed) + `/` + suffix,
//!   lower-cased, without resolver prefix (`doi:`, `https://doi.org/`,
//!   `http://dx.doi.org/`), percent-decoded, trailing punctuation removed, and cut before
//!   a glued `PMID`/`PMC…`.
//! - PMID: digits only (1–9 digits).
//! - PMCID: `PMC` + digits (case fixed).

/// The canonical form of a DOI written in any of the usual ways, or `None` when `s` holds
/// no valid DOI.
pub fn normalize_doi(s: &str) -> Option<String> {
    let decoded = percent_decode(s.trim());
    let lower = decoded.to_lowercase();
    let start = find_doi_start(&lower)?;
    let body = lower.get(start..)?;
    let end = doi_end(body);
    let doi = body.get(..end)?;
    valid_doi(doi).then(|| doi.to_owned())
}

/// Byte offset of the first `10.NNNN/` in `s` (ASCII-case-insensitive input expected
/// lower-cased or not; only digits and punctuation are compared).
pub(crate) fn find_doi_start(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(off) = crate::bytes::find(b.get(i..)?, b"10.") {
        let at = i + off;
        if doi_registrant_len(b.get(at + 3..).unwrap_or_default()).is_some() {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Length of `NNNN[.NN]*/` (registrant and slash) at the start of `b`, if present.
pub(crate) fn doi_registrant_len(b: &[u8]) -> Option<usize> {
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(4..=9).contains(&digits) {
        return None;
    }
    let mut i = digits;
    // sub-registrants: `10.1000.10/…` (bounded, so that hostile input stays linear)
    while b.get(i) == Some(&b'.') && i < 40 {
        let n = b.get(i + 1..)?.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    match (b.get(i), b.get(i + 1)) {
        (Some(b'/'), Some(c)) if !c.is_ascii_whitespace() => Some(i + 1),
        _ => None,
    }
}

/// End of a DOI that starts `s`: at white space, a glued `PMID`/`PMC` + digit, a
/// closing bracket that was never opened, or trailing punctuation.
pub(crate) fn doi_end(s: &str) -> usize {
    // no real DOI is longer than a few hundred bytes: bound the scan
    let mut cap = s.len().min(400);
    while !s.is_char_boundary(cap) {
        cap -= 1;
    }
    let s = s.get(..cap).unwrap_or_default();
    let mut end = s.find(char::is_whitespace).unwrap_or(s.len());
    // a glued PMID / PMCID after the suffix
    let slash = s.find('/').unwrap_or(0);
    let lower = s.get(..end).unwrap_or_default().to_ascii_lowercase();
    // (every glue opens with `p`: only there are the glues tried, and the first one
    // that is glued ends the DOI)
    let mut from = slash;
    while let Some(off) =
        lower.as_bytes().get(from..).and_then(|t| memchr::memchr(b'p', t))
    {
        let at = from + off;
        let glued = ["pmid", "pmc", "pubmed"].iter().any(|glue| {
            let Some(next) = lower.get(at..).and_then(|t| t.strip_prefix(glue)) else {
                return false;
            };
            let next = next.trim_start_matches([':', ' ']);
            let digit_next = next.starts_with(|c: char| c.is_ascii_digit());
            (digit_next || next.is_empty()) && at > slash + 1
        });
        if glued {
            end = end.min(at);
            break;
        }
        from = at + 1;
    }
    // unbalanced closing brackets and trailing punctuation
    let body = s.get(..end).unwrap_or_default();
    let mut depth_round = 0i32;
    let mut depth_square = 0i32;
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth_round += 1,
            '[' => depth_square += 1,
            ')' if depth_round == 0 => return trim_doi_tail(body, i),
            ']' if depth_square == 0 => return trim_doi_tail(body, i),
            ')' => depth_round -= 1,
            ']' => depth_square -= 1,
            '"' | '“' | '”' if i > slash => {
                return trim_doi_tail(body, i);
            }
            // an HTML tag after the DOI, `10.1073/pnas.2123528119</a>` (a SICI's
            // `<433::AID-JBM4>` opens with a digit)
            '<' if i > slash
                && body.get(i + 1..).is_some_and(|t| {
                    ["/", "a ", "a>", "br", "i>", "b>", "sup", "sub", "span", "p>"]
                        .iter()
                        .any(|tag| t.starts_with(tag))
                }) =>
            {
                return trim_doi_tail(body, i);
            }
            // `,` and `;` end a DOI unless more of it follows (SICI: `…3.0.CO;2-M`)
            ',' | ';' if i > slash => {
                let next = body.get(i + 1..).and_then(|t| t.chars().next());
                if !next.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    return trim_doi_tail(body, i);
                }
            }
            _ => {}
        }
    }
    trim_doi_tail(body, body.len())
}

fn trim_doi_tail(s: &str, end: usize) -> usize {
    let t = s.get(..end).unwrap_or_default();
    t.trim_end_matches(['.', ',', ';', ':', '\'', '’']).len()
}

/// `10.` + registrant + `/` + a non-empty suffix without white space.
pub fn valid_doi(doi: &str) -> bool {
    let Some(rest) = doi.strip_prefix("10.") else { return false };
    match doi_registrant_len(rest.as_bytes()) {
        Some(n) => rest.get(n..).is_some_and(|suf| {
            !suf.is_empty() && !suf.contains(char::is_whitespace) && suf.len() < 300
        }),
        None => false,
    }
}

/// Decode `%2F`-style escapes (a DOI pasted from a URL). Invalid escapes are kept.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// The digits of a PMID written as `PMID: 123`, `PubMed: 123` or `123`.
pub fn normalize_pmid(s: &str) -> Option<String> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let rest = ["pubmed pmid", "pmid", "pubmed"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    let rest = rest.trim_start_matches([':', ' ', '=']);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let tail = rest.get(digits.len()..).unwrap_or_default();
    let ok = (1..=9).contains(&digits.len())
        && tail.trim_end_matches(['.', ',', ';', ']', ')', ' ']).is_empty();
    ok.then_some(digits)
}

/// `PMC` + digits from `PMCID: PMC123`, `pmc123`, `PMC 123`.
pub fn normalize_pmcid(s: &str) -> Option<String> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let rest = lower.strip_prefix("pmcid").unwrap_or(&lower);
    let rest = rest.trim_start_matches([':', ' ']);
    // "PMC7138017", and the doubled "PMCPmc7138017" / "PMC PMC7138017" of some exports.
    let mut rest = rest;
    while let Some(r) = rest.strip_prefix("pmc") {
        rest = r.trim_start();
    }
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let tail = rest.get(digits.len()..).unwrap_or_default();
    let ok = (1..=10).contains(&digits.len())
        && tail.trim_end_matches(['.', ',', ';', ']', ')', ' ']).is_empty();
    ok.then(|| format!("PMC{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_forms() {
        let cases = [
            ("10.3322/caac.21660", "10.3322/caac.21660"),
            ("doi: 10.1056/NEJMoa2001017.", "10.1056/nejmoa2001017"),
            ("DOI 10.1056/NEJMoa2001017", "10.1056/nejmoa2001017"),
            (
                "https://doi.org/10.1016/S0140-6736(19)31138-9",
                "10.1016/s0140-6736(19)31138-9",
            ),
            ("http://dx.doi.org/10.1002/ejsp.617,", "10.1002/ejsp.617"),
            ("https://doi.org/10.1000%2Fabc", "10.1000/abc"),
            ("10.1038/s41467-020-17062-2PMC7331234", "10.1038/s41467-020-17062-2"),
            ("10.1038/nature123PMID: 3123", "10.1038/nature123"),
            ("(doi:10.1111/x.1)", "10.1111/x.1"),
            (
                "10.1093/acprof:oso/9780195066661.001.0001",
                "10.1093/acprof:oso/9780195066661.001.0001",
            ),
            ("10.3390/biom10081195;", "10.3390/biom10081195"),
            ("[10.1016/j.cell.2020.02.052]", "10.1016/j.cell.2020.02.052"),
            (
                "10.1002/1097-0142(19821115)50:10%3C2074::AID-CNCR2820501018%3E3.0.CO;2-Z",
                "10.1002/1097-0142(19821115)50:10<2074::aid-cncr2820501018>3.0.co;2-z",
            ),
            (
                "DOI: 10.1186/s12889-020-08705-5 PMCID: PMC12",
                "10.1186/s12889-020-08705-5",
            ),
            (
                "doi:10.1002/(SICI)1096-8628(19961111)65:4<277::AID-AJMG6>3.0.CO;2-M.",
                "10.1002/(sici)1096-8628(19961111)65:4<277::aid-ajmg6>3.0.co;2-m",
            ),
            ("doi:10.1073/pnas.2123528119</a>.", "10.1073/pnas.2123528119"),
            ("10.1126/sciadv.abk3327<br/>", "10.1126/sciadv.abk3327"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_doi(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn doi_rejects() {
        for input in ["", "10.", "10.12/abc", "10.1234", "10.1234/", "doi:", "1O.1234/x"]
        {
            assert_eq!(normalize_doi(input), None, "{input}");
        }
    }

    #[test]
    fn pmid_forms() {
        assert_eq!(normalize_pmid("PMID: 32035533").as_deref(), Some("32035533"));
        assert_eq!(normalize_pmid("PubMed: 18178248.").as_deref(), Some("18178248"));
        assert_eq!(normalize_pmid("12345").as_deref(), Some("12345"));
        assert_eq!(normalize_pmid("PMID: abc"), None);
        assert_eq!(normalize_pmid("1234567890"), None);
    }

    #[test]
    fn pmcid_forms() {
        assert_eq!(normalize_pmcid("PMCID: PMC7138017").as_deref(), Some("PMC7138017"));
        assert_eq!(normalize_pmcid("pmc7138017").as_deref(), Some("PMC7138017"));
        assert_eq!(normalize_pmcid("PMCPmc7138017").as_deref(), Some("PMC7138017"));
        assert_eq!(normalize_pmcid("PMC PMC7138017").as_deref(), Some("PMC7138017"));
        assert_eq!(normalize_pmcid("7138017").as_deref(), Some("PMC7138017"));
        assert_eq!(normalize_pmcid("PMC"), None);
        assert_eq!(normalize_pmcid("PMCx1"), None);
    }
}
