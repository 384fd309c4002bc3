//! MEDLINE's own shapes of a citation's date and pages, which the general source scanner
//! ([`super::source`]) does not read:
//!
//! ```text
//! date ranges        2012 Oct 15-Dec 15;49(3-4):128-32    2007 Dec-2008 Jan;12(4):22-9
//! page additions     66(10):932-5; discussion 935-6        28(5):595-605; quiz 606-10.e1
//!                    165(6 Pt 1):1900-3; author reply 1903-4
//! roman pages        21(4):633-45, v-vi                    9(10):1-93, iii-iv
//! ```
//!
//! PubMed prints these from its `MedlineDate` and `MedlinePgn` elements; they reach
//! reference lists through every tool that copies PubMed's citation.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char as ch, digit1};
use nom::combinator::{all_consuming, opt, recognize, verify};
use nom::{IResult, Parser};

use crate::normalize::date::{month_number, parse_year};

/// A date range at the head of an NLM source block, read by [`date_range`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateRange<'a> {
    /// The year the range starts in.
    pub year: &'a str,
    /// The month (or season) it starts in.
    pub month: &'a str,
    /// The day it starts on.
    pub day: Option<&'a str>,
    /// The byte offset of the `;` after the range.
    pub end: usize,
}

// `2012` (a year alone, no letter after it)
fn year(i: &str) -> IResult<&str, &str> {
    verify(take_while_m_n(4, 4, |c: char| c.is_ascii_digit()), |y: &str| {
        parse_year(y).is_some()
    })
    .parse(i)
}

// `Oct` | `October` | `Winter` (a month or a season)
fn month(i: &str) -> IResult<&str, &str> {
    verify(take_while_m_n(3, 9, |c: char| c.is_ascii_alphabetic()), |m: &str| {
        month_number(m).is_some()
    })
    .parse(i)
}

// `5` | `15` (a day of the month)
fn day(i: &str) -> IResult<&str, &str> {
    verify(take_while_m_n(1, 2, |c: char| c.is_ascii_digit()), |d: &str| {
        d.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    })
    .parse(i)
}

// ` 15` (a space, then a day)
fn space_day(i: &str) -> IResult<&str, &str> {
    let (i, _) = ch(' ').parse(i)?;
    day(i)
}

// `2008 Jan` | `Dec 15` | `Jan` | `27`: the end of a range, after its `-`
fn range_end(i: &str) -> IResult<&str, &str> {
    recognize(alt((
        (year, ch(' '), month, opt(space_day)).map(|_| ()),
        (month, opt(space_day)).map(|_| ()),
        day.map(|_| ()),
    )))
    .parse(i)
}

/// `2012 Oct 15-Dec 15;` | `2007 Dec-2008 Jan;` | `1999 Jul-Aug;` | `2001 Nov 20-27;`
/// | `2000 Spring-Summer;`: a date range of MEDLINE's, then `;`, at the head of
/// `block`.
pub(super) fn date_range(block: &str) -> Option<DateRange<'_>> {
    let (r, (y, _, m, d, _, e)) =
        (year, ch(' '), month, opt(space_day), ch('-'), range_end).parse(block).ok()?;
    let r = r.strip_prefix(' ').unwrap_or(r);
    // (`1999 Jul-Aug;`, a range of months alone, the general scanner reads as it is)
    if !r.starts_with(';')
        || d.is_none() && month(e).is_ok_and(|(rest, _)| rest.is_empty())
    {
        return None;
    }
    Some(DateRange { year: y, month: m, day: d, end: block.len() - r.len() })
}

// `935-6` | `606-10.e1` | `S50-4` | `1903` (one page or a range, letters before the
// numbers allowed)
fn page_range(i: &str) -> IResult<&str, &str> {
    let page = |i| {
        recognize((
            take_while_m_n(0, 2, |c: char| c.is_ascii_alphabetic()),
            digit1,
            opt((tag(".e"), digit1)),
        ))
        .parse(i)
    };
    recognize((page, opt((alt((ch('-'), ch('–'))), page)))).parse(i)
}

// `v-vi` | `iii-iv` | `xi` (small roman page numbers)
fn roman_range(i: &str) -> IResult<&str, &str> {
    let roman =
        |i| take_while_m_n(1, 6, |c: char| matches!(c, 'i' | 'v' | 'x' | 'l')).parse(i);
    recognize((roman, opt((ch('-'), roman)))).parse(i)
}

// `; discussion 935-6` | `; quiz 606-10.e1` | `; author reply 1903-4` | `, v-vi`
fn addition(i: &str) -> IResult<&str, &str> {
    all_consuming(recognize(alt((
        (
            tag("; "),
            alt((tag("discussion "), tag("quiz "), tag("author reply "), tag("reply "))),
            page_range,
        )
            .map(|_| ()),
        (tag(", "), roman_range).map(|_| ()),
    ))))
    .parse(i)
}

/// Where MEDLINE's addition after an article's pages starts (`; discussion 935-6`,
/// `; quiz 606-10.e1`, `; author reply 1903-4`, `, v-vi`) at the end of `s` (a full
/// stop after it aside), when a page ends the text before it.
pub(super) fn pages_addition(s: &str) -> Option<usize> {
    let t = s.trim_end_matches(['.', ' ']);
    // (every addition opens with `; ` or `, `: the last of them is the only candidate)
    let at = memchr::memrchr2(b';', b',', t.as_bytes())?;
    let head = t.get(..at)?;
    let ok = head.ends_with(|c: char| c.is_ascii_digit())
        && head.contains(':')
        && addition(t.get(at..)?).is_ok();
    ok.then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_range_rule() {
        let d = date_range("2012 Oct 15-Dec 15;49(3-4):128-32").unwrap();
        assert_eq!((d.year, d.month, d.day, d.end), ("2012", "Oct", Some("15"), 18));
        let d = date_range("2007 Dec-2008 Jan;12(4):22-9").unwrap();
        assert_eq!((d.year, d.month, d.day), ("2007", "Dec", None));
        assert!(date_range("2001 Nov 20-27;12:1-9").is_some());
        assert!(date_range("2001 Nov 20-Dec;12:1-9").is_some());
        // (a range of months alone: the general scanner keeps it as the month)
        assert!(date_range("1999 Jul-Aug;12:1-9").is_none());
        assert!(date_range("2000 Spring-Summer; 12:1-9").is_none());
        // (a single date, or no `;` after the range: the general scanner's)
        assert!(date_range("2012 Oct 15;49:128").is_none());
        assert!(date_range("2012 Oct-Dec, 49:128").is_none());
        assert!(date_range("2012-2013;49:128").is_none());
        assert!(date_range("1066 Oct-Nov;1:1").is_none());
    }

    #[test]
    fn pages_addition_rule() {
        fn at(s: &str) -> Option<&str> {
            pages_addition(s).and_then(|i| s.get(i..))
        }
        assert_eq!(
            at("2000;66(10):932-5; discussion 935-6."),
            Some("; discussion 935-6.")
        );
        assert_eq!(at("2012;28(5):595-605; quiz 606-10.e1"), Some("; quiz 606-10.e1"));
        assert_eq!(
            at("2001;165:1900-3; author reply 1903-4."),
            Some("; author reply 1903-4.")
        );
        assert_eq!(at("2007 Aug;21(4):633-45, v-vi"), Some(", v-vi"));
        assert_eq!(
            at("1994 Dec;47 Suppl:S41-50; discussion S50-4"),
            Some("; discussion S50-4")
        );
        // (no page before it, no volume's colon, or other words)
        assert_eq!(at("2000; discussion 935-6"), None);
        assert_eq!(at("45, vi"), None);
        assert_eq!(at("2000;66:932-5; see also 935-6"), None);
        assert_eq!(at("2000;66:932-5, 12"), None);
    }
}
