//! The "source" block at the end of a reference: date, volume, issue, pages.
//!
//! It is found by walking back from the end over what can only belong to it (digits,
//! `;:,.()`, month names, `no.`, `Suppl`, `pp.`, e-locators), so one scanner serves
//! every style:
//!
//! ```text
//! Vancouver   2020 Feb 13;382(7):610-621      2021; 71: 209–249    2019;33(Suppl 2):S11-2
//! Frontiers   (2015) 26:498–505
//! PLOS        101: 16109–16114                 (year after the authors)
//! AMA quoted  49, no. 2 (2017): 121–137
//! APA         40(2), 252–269
//! Nature      123, 45–67 (2020)
//! ACS         2020, 142, 123–130
//! book        2017. p. 12–34
//! ```

use std::ops::Range;

use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::character::complete::char as ch;
use nom::combinator::recognize;
use nom::{IResult, Parser};

use crate::normalize::date::{month_number, parse_year};

/// Fields of a source block, as slices of it, with what was placed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Source<'a> {
    pub year: Option<&'a str>,
    pub month: Option<&'a str>,
    pub day: Option<&'a str>,
    pub volume: Option<&'a str>,
    pub issue: Option<&'a str>,
    pub pages: Option<&'a str>,
    /// Byte ranges (in the block) of what was not placed.
    pub unplaced: Vec<Range<usize>>,
    /// What MEDLINE adds after the pages (`discussion 935-6`, `v-vi`).
    pub notes: Vec<&'a str>,
}

const KEYWORDS: &[&str] = &[
    "no",
    "No",
    "vol",
    "Vol",
    "Volume",
    "volume",
    "pp",
    "p",
    "pages",
    "Pages",
    "Page",
    "Suppl",
    "suppl",
    "Supplement",
    "Suppl1",
    "Pt",
    "pt",
    "Part",
    "Issue",
    "issue",
    "Nr",
    "Spec",
    "Iss",
    "n",
    "v",
    "n°",
    // (`nᵒ 11`: a modifier letter o, as French CSL styles print it)
    "nᵒ",
    "Nos",
    // German (DIN 1505): `Bd. 119 (2022), Nr. 45, S. 12–19`, `Jg. 10, H. 4`
    "Bd",
    "Jg",
    "Heft",
    // Spanish and Catalan: `vol. 119, núm. 45, p. 12`
    "núm",
    "Núm",
    // Czech and Slovak (ISO 690): `roč. 119, č. 45, s. 12–19`
    "roč",
    "č",
    // German: `Band 119, Ausgabe 45, S. 12`
    "Band",
    "Ausgabe",
    // Turkish: `c. 119, sy. 45 (2022), s. 12`, `ss. 749-62` (cilt, sayı, sayfa)
    "c",
    "sy",
    "ss",
    // NLM pagination with a quiz or a discussion: `595-605; quiz 606-10`
    "quiz",
    "discussion",
];

/// `Article` | `paper`: the label of an article number (APA 7's `Article e0230000`,
/// SPIE's `paper 808722`), read only right before its number.
fn is_article_label(w: &str) -> bool {
    matches!(w, "Article" | "article" | "Paper" | "paper")
}

/// The French issue label glued to its number: `n°45`.
const DEGREE_ISSUE_LABELS: [&str; 5] = ["n°", "N°", "nº", "Nº", "nᵒ"];

/// The volume labels (`vol. 119`, `Bd. 12`, `roč. 8`, `Band 119`).
const VOLUME_LABELS: &[&str] =
    &["vol", "Vol", "Volume", "volume", "Bd", "Jg", "roč", "Band"];

fn is_src_punct(c: char) -> bool {
    matches!(
        c,
        ';' | ':'
            | ','
            | '.'
            | '('
            | ')'
            | '['
            | ']'
            | '-'
            | '‐'
            | '‑'
            | '–'
            | '—'
            | '−'
            | ' '
            | '/'
    )
}

/// An alphanumeric piece that can sit in a source block.
fn is_src_segment(seg: &str) -> bool {
    if seg.is_empty() || seg.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if KEYWORDS.contains(&seg) || month_number(seg).is_some() && seg.len() <= 9 {
        return true;
    }
    // German Medical Science article numbers: `8:Doc23`
    if let Some(n) = seg.strip_prefix("Doc")
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // small roman page numbers: `633-45, v-vi`, `xii`
    if (1..=5).contains(&seg.len())
        && seg.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
    {
        return true;
    }
    let letters = seg.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = seg.get(letters..).unwrap_or_default();
    // e-locators and lettered pages: `e0240519`, `S11`, `CD001`, `R12`
    if (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // lower-case article numbers and roman-numbered supplement pages: `dmm033654`,
    // `pgae355`, `viii41`, `sup1`
    if (1..=4).contains(&letters)
        && seg.chars().take(letters).all(|c| c.is_ascii_lowercase())
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // Science-style e-locators: `eade5111`, `eabm8161`
    if seg.starts_with('e')
        && (2..=5).contains(&letters)
        && rest.len() >= 3
        && rest.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // AGU and Science article numbers: `C09S05`, `80re82`
    let n_digits = seg.bytes().filter(u8::is_ascii_digit).count();
    if seg.len() <= 10
        && n_digits >= 3
        && n_digits * 3 >= seg.len() * 2 - 1
        && seg.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return true;
    }
    // `2014a`, `12A`
    let digits = seg.chars().take_while(char::is_ascii_digit).count();
    let tail = seg.get(digits..).unwrap_or_default();
    digits >= 1
        && tail.chars().count() == 1
        && tail.chars().all(|c| c.is_ascii_alphabetic())
}

/// Where the source block of `r` starts (`r.len()` when there is none).
pub(crate) fn source_start(r: &str) -> usize {
    // MEDLINE's addition after the pages (`; discussion 935-6`) ends the block (the
    // last one only, as [`parse_source`] reads it)
    if let Some(at) = super::nlm::pages_addition(r) {
        let head = r.get(..at).unwrap_or_default();
        let start = walk_source_start(head);
        return if start == head.len() { r.len() } else { start };
    }
    walk_source_start(r)
}

/// [`source_start`] of a text without MEDLINE's page addition: the walk back.
fn walk_source_start(r: &str) -> usize {
    // (APS's `…, 2012` at the end, looked at once for the walk)
    let ends_with_comma_year = r
        .trim_end_matches(['.', ' '])
        .rsplit_once(", ")
        .is_some_and(|(_, y)| y.len() == 4 && parse_year(y).is_some());
    let mut start = r.len();
    // walk back over alphanumeric segments
    let mut end = r.len();
    loop {
        // skip punctuation and spaces
        let head = r.get(..end).unwrap_or_default();
        let trimmed = head.trim_end_matches(is_src_punct);
        let seg_end = trimmed.len();
        if seg_end == 0 {
            start = 0;
            break;
        }
        // `42(Database issue):D490-5`, `428(24 Pt A):4776`: a bracket glued to the
        // volume is its issue, whatever words it holds
        if head.get(seg_end..).is_some_and(|t| t.contains(')'))
            && let Some(open) = trimmed.rfind('(')
            && seg_end - open <= 24
            && !trimmed.get(open + 1..).is_some_and(|t| t.contains([')', '.', ',']))
            && trimmed
                .get(..open)
                .is_some_and(|p| p.ends_with(|c: char| c.is_ascii_digit()))
        {
            start = open;
            end = open;
            continue;
        }
        let seg_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let seg = trimmed.get(seg_start..).unwrap_or_default();
        // a segment must be followed or preceded by punctuation we know
        let sep_before = trimmed.get(..seg_start).and_then(|p| p.chars().next_back());
        // `IJCAI-95`, `HPCA-1`: a number glued to a word by a hyphen is part of a name
        // (`CMU-CS-94-123`: a report number, hyphens all the way back to a word)
        let before_hyphen = trimmed.get(..seg_start.saturating_sub(1));
        // (`2007 Dec-2008 Jan`: a year after a month's hyphen is a date range's)
        let month_before = before_hyphen.is_some_and(|p| {
            month_number(p.rsplit([' ', '.']).next().unwrap_or(p)).is_some()
        });
        let glued_to_word = sep_before == Some('-')
            && !month_before
            && (before_hyphen
                .and_then(|p| p.chars().next_back())
                .is_some_and(char::is_alphabetic)
                || before_hyphen.is_some_and(|p| {
                    // (the last 32 bytes at most: a report number is short, and a long
                    // run of `1-1-1` stays linear)
                    let mut from = p.len().saturating_sub(32);
                    while !p.is_char_boundary(from) {
                        from -= 1;
                    }
                    let p = p.get(from..).unwrap_or_default();
                    let run_at = p
                        .char_indices()
                        .rev()
                        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
                        .map_or(0, |(i, c)| i + c.len_utf8());
                    // (a part of letters only: `CS`, not the `E28` of `E28-37`)
                    p.get(run_at..).is_some_and(|run| {
                        run.split('-').any(|part| {
                            part.chars().count() >= 2
                                && part.chars().all(char::is_alphabetic)
                        })
                    })
                }))
            && seg.bytes().all(|b| b.is_ascii_digit());
        // `Supercomputing '91`: an elided year is part of a name too
        if glued_to_word || matches!(sep_before, Some('\'' | '’')) {
            break;
        }
        // `n°45`: the French issue label glued to its number
        if matches!(sep_before, Some('°' | 'º'))
            && is_src_segment(seg)
            && let Some(p) = trimmed.get(..seg_start)
            && let Some(label) = DEGREE_ISSUE_LABELS.iter().find(|l| p.ends_with(**l))
            && p.len() >= label.len()
        {
            start = p.len() - label.len();
            end = start;
            continue;
        }
        // `n.º 45` (Spanish and Portuguese): the issue's label with a full stop
        if matches!(seg, "º" | "°")
            && let Some(p) = trimmed.get(..seg_start)
            && let Some(label_at) =
                ["n.", "N."].iter().find_map(|l| p.strip_suffix(l).map(|h| h.len()))
            && r.get(seg_end..).is_some_and(|t| t.starts_with(' '))
        {
            start = label_at;
            end = label_at;
            continue;
        }
        // `№ 45`, `№45`: the numero sign labels the issue (GOST)
        if let Some(p) = trimmed.get(..seg_start)
            && let Some(p) = p.strip_suffix(' ').or(Some(p))
            && p.ends_with('№')
            && is_src_segment(seg)
        {
            start = p.len() - '№'.len_utf8();
            end = start;
            continue;
        }
        // `Journal, [N.p.], vol. 9`: ABNT's and Chicago's no place (`[S.l.]`, `[N.p.]`)
        // closes the journal, not the block
        if seg.len() == 1
            && sep_before == Some('.')
            && trimmed.get(..seg_start).is_some_and(|p| {
                let p = p.strip_suffix('.').unwrap_or(p);
                p.ends_with("[N") || p.ends_with("[S") || p.ends_with("[s")
            })
        {
            break;
        }
        // `100-B(5)` (Bone Joint J): a volume's series letter after a hyphen
        let series_letter = seg.len() == 1
            && seg.bytes().all(|b| b.is_ascii_uppercase())
            && sep_before == Some('-')
            && trimmed
                .get(..seg_start.saturating_sub(1))
                .is_some_and(|p| p.ends_with(|c: char| c.is_ascii_digit()));
        if series_letter {
            start = seg_start - 1;
            end = seg_start - 1;
            continue;
        }
        // `Br J Cancer Suppl. 1996 Jul;27:S1-8`, `Br J Cancer Suppl 1996;27`: `Suppl`
        // just before the date ends the journal's name (a volume's supplement comes after
        // the volume: `2014;62 Suppl 1:S1-5`)
        let journal_suppl = seg == "Suppl"
            && r.get(seg_end..).is_some_and(|t| {
                let year_at =
                    |y: &str| y.get(..4).is_some_and(|y| parse_year(y).is_some());
                t.strip_prefix(". ").is_some_and(year_at)
                    || t.strip_prefix(' ')
                        .is_some_and(|y| year_at(y) && y.get(4..5) == Some(";"))
            });
        if journal_suppl {
            break;
        }
        // `Kidney Int Suppl (2011). 2013 Jan;3(1):73-90`: a bracketed year before `. `
        // and the date is part of the journal's name (PubMed's abbreviation)
        // (APS: `J Appl Physiol (1985) 113: 232–236, 2012`: before the volume, its
        // colon and, later, the article's own year)
        let journal_year = sep_before == Some('(')
            && seg.len() == 4
            && parse_year(seg).is_some()
            && r.get(seg_end..).is_some_and(|t| {
                t.strip_prefix("). ")
                    .is_some_and(|y| y.get(..4).is_some_and(|y| parse_year(y).is_some()))
                    || ends_with_comma_year
                        && t.strip_prefix(") ").is_some_and(|v| {
                            let n = v.bytes().take_while(u8::is_ascii_digit).count();
                            n > 0 && v.get(n..).is_some_and(|c| c.starts_with(':'))
                        })
            });
        if journal_year {
            break;
        }
        // `2023;41:TPS2676–723`, `2021;174:ITC65-ITC80`: lettered article numbers
        // where the pages go
        if is_lettered_number(seg)
            && trimmed.get(..seg_start).is_some_and(after_volume_colon)
        {
            start = seg_start;
            end = seg_start;
            continue;
        }
        let ok_sep = sep_before.is_none_or(is_src_punct);
        // APA 7's `15(3), Article e0230000`, SPIE's `paper 808722`: the article number's
        // label, right before it
        // (`Working Paper 10/229`, `Discussion Paper 12`: a series' number)
        let series_paper = matches!(seg, "Paper" | "paper")
            && trimmed.get(..seg_start).is_some_and(|h| {
                h.trim_end().rsplit(' ').next().is_some_and(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "working"
                            | "discussion"
                            | "research"
                            | "technical"
                            | "white"
                            | "occasional"
                            | "policy"
                            | "position"
                            | "background"
                    )
                })
            });
        if is_article_label(seg)
            && !series_paper
            && ok_sep
            && r.get(seg_end..)
                .and_then(|t| t.strip_prefix(' '))
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit() || c == 'e'))
        {
            start = seg_start;
            end = seg_start;
            continue;
        }
        // (German `S. 192-195`: `S` with its full stop labels the pages; GOST's
        // `P. 12–19`, `С. 12–19`, `Т. 119`, `Вып. 4`: pages, volume and issue)
        let labelled_pages = matches!(seg, "S" | "H" | "s" | "P" | "С" | "Т" | "Вып")
            && r.get(seg_end..).is_some_and(|t| {
                // (`S.10 – 19`, `H.3`: glued to the number; `S.eabk3327`, to a
                // lettered page)
                let glued_page = || {
                    let page = t.get(1..).unwrap_or_default();
                    let page = page.split(|c: char| !c.is_ascii_alphanumeric()).next();
                    page.is_some_and(|p| p.starts_with('e') && is_src_segment(p))
                };
                let glued = t.starts_with('.')
                    && (t.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
                        || seg == "S" && glued_page())
                    && matches!(seg, "S" | "H");
                glued
                    || t.starts_with(". ")
                        && (matches!(seg, "S" | "H" | "s")
                            || t.get(2..).is_some_and(|n| {
                                n.starts_with(|c: char| c.is_alphanumeric())
                            }))
            });
        if (is_src_segment(seg) || labelled_pages) && ok_sep {
            start = seg_start;
            end = seg_start;
            continue;
        }
        // glued: `Science2018` → the year starts the block
        let letters = seg.chars().take_while(|c| c.is_alphabetic()).count();
        let letters_len: usize = seg.chars().take(letters).map(char::len_utf8).sum();
        let digits = seg.get(letters_len..).unwrap_or_default();
        if letters >= 3 && digits.len() == 4 && parse_year(digits).is_some() && ok_sep {
            start = seg_start + letters_len;
        } else if is_src_segment(seg) {
            start = seg_start;
        }
        break;
    }
    // an opening bracket just before belongs to the block: `(2015) 26:498`
    while start > 0 && r.get(..start).is_some_and(|p| p.ends_with('(')) {
        start -= 1;
    }
    // a closing bracket whose opening one is outside the block ends what came before:
    // `Graph (Proc IEEE VIS 2023). 2023;30:1–11`
    let mut depth = 0i32;
    let mut cut = None;
    for (i, c) in r.get(start..).unwrap_or_default().char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => cut = Some(start + i + 1),
            ')' => depth -= 1,
            _ => {}
        }
    }
    if let Some(c) = cut
        && r.get(c..).is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()))
    {
        start = c;
    }
    // the block starts at its first alphanumeric or `(`
    let block = r.get(start..).unwrap_or_default();
    let lead = block.len()
        - block.trim_start_matches(|c: char| is_src_punct(c) && c != '(').len();
    let start = start + lead;
    let block = r.get(start..).unwrap_or_default();
    if !block.bytes().any(|b| b.is_ascii_digit()) {
        return r.len();
    }
    start
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom<'a> {
    /// A run of digits, letters and dashes (`610-621`, `e0240519`, `Feb`).
    Tok(&'a str),
    /// `(…)` with its inside.
    Paren(&'a str),
    /// One of `; : , .`.
    Sep(char),
}

// `(7)` | `(Suppl 2)` | `(2017)` → the inside
fn paren(i: &str) -> IResult<&str, &str> {
    let (i, _) = ch('(').parse(i)?;
    let (i, inner) = take_while_m_n(1, 40, |c| c != ')' && c != '(').parse(i)?;
    let (i, _) = ch(')').parse(i)?;
    Ok((i, inner))
}

// `610-621` | `e0240519` | `2021` | `Feb` | `199–206.e4` | `3‐4` | `43 - 102`
fn token(i: &str) -> IResult<&str, &str> {
    recognize((
        take_while1(|c: char| c.is_alphanumeric()),
        nom::multi::many0((
            // (the spaced dash first: a plain dash would match `1447–` of `1447– 1451`
            // and leave the space)
            nom::branch::alt((
                spaced_dash,
                take_while1(|c: char| {
                    matches!(c, '-' | '‐' | '‑' | '–' | '—' | '−' | '.' | '/')
                }),
                thousands,
            )),
            take_while1(|c: char| c.is_alphanumeric()),
        )),
    ))
    .parse(i)
}

// ` - ` | ` – ` | ` –` | `– ` between two numbers: a page range typed with spaces
// (`43 - 102`, `114 –119`, `1447– 1451`)
fn spaced_dash(i: &str) -> IResult<&str, &str> {
    let (r, d) = recognize((
        nom::combinator::opt(ch(' ')),
        nom::character::complete::one_of("-–—−"),
        nom::combinator::opt(ch(' ')),
    ))
    .parse(i)?;
    if d.contains(' ') && r.starts_with(|c: char| c.is_ascii_digit()) {
        Ok((r, d))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))
    }
}

// `,` between digit groups of three: `1,655` (a thousands separator, not a field one)
fn thousands(i: &str) -> IResult<&str, &str> {
    let (r, c) = nom::bytes::complete::tag(",").parse(i)?;
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 3 {
        Ok((r, c))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))
    }
}

// `; ` | `: ` | `, ` | `. ` (one separator)
fn sep(i: &str) -> IResult<&str, char> {
    nom::branch::alt((ch(';'), ch(':'), ch(','), ch('.'), ch('['), ch(']'), ch(')')))
        .parse(i)
}

fn atoms(block: &str) -> Vec<(Atom<'_>, Range<usize>)> {
    let mut out = Vec::new();
    let mut rest = block;
    while !rest.is_empty() {
        let at = block.len() - rest.len();
        let trimmed = rest.trim_start();
        if trimmed.len() != rest.len() {
            rest = trimmed;
            continue;
        }
        if let Ok((r, inner)) = paren(rest) {
            out.push((Atom::Paren(inner), at..block.len() - r.len()));
            rest = r;
        } else if let Some(l) =
            ["n.º", "N.º", "n.°", "N.°"].iter().find(|l| rest.starts_with(**l))
        {
            // `n.º 45` (Spanish and Portuguese): the issue's label
            out.push((Atom::Tok("n°"), at..at + l.len()));
            rest = rest.get(l.len()..).unwrap_or_default();
        } else if let Some(n) = DEGREE_ISSUE_LABELS.iter().find(|l| rest.starts_with(**l))
        {
            // `n°45`: the French issue label glued to its number
            out.push((Atom::Tok(n), at..at + n.len()));
            rest = rest.get(n.len()..).unwrap_or_default();
        } else if let Ok((r, t)) = token(rest) {
            // `119 /45`: one token, the volume and its issue
            if let Some(len) = spaced_slash_issue(t, r)
                && let Some(spaced) = rest.get(..len)
            {
                out.push((Atom::Tok(spaced), at..at + len));
                rest = rest.get(len..).unwrap_or_default();
                continue;
            }
            // `vol.119`, `no.5`, `pp.12-19`: a label glued to its number by its full stop
            // (German `S.10`, `H.3`, `Nr.4`, `Jg.23`; and `19.Jg`, the volume's ordinal
            // glued to its label)
            if let Some((label, num)) = t.split_once('.')
                && (matches!(
                    label,
                    "vol" | "Vol" | "no" | "No" | "pp" | "p" | "S" | "H" | "Nr" | "Jg" | "Bd"
                ) && num.starts_with(|c: char| c.is_ascii_digit())
                    // (`S.e2123528119`, `p.eabk3327`: a lettered page)
                    || matches!(label, "p" | "pp" | "S")
                        && num.starts_with(|c: char| c.is_ascii_lowercase())
                        && is_num(num)
                    || num == "Jg" && label.bytes().all(|b| b.is_ascii_digit()))
            {
                out.push((Atom::Tok(label), at..at + label.len()));
                out.push((Atom::Sep('.'), at + label.len()..at + label.len() + 1));
                out.push((Atom::Tok(num), at + label.len() + 1..block.len() - r.len()));
            } else {
                out.push((Atom::Tok(t), at..block.len() - r.len()));
            }
            rest = r;
        } else if let Ok((r, c)) = sep(rest) {
            out.push((Atom::Sep(c), at..block.len() - r.len()));
            rest = r;
        } else {
            // anything else: one character, left unplaced
            let n = rest.chars().next().map_or(1, char::len_utf8);
            out.push((Atom::Tok(rest.get(..n).unwrap_or_default()), at..at + n));
            rest = rest.get(n..).unwrap_or_default();
        }
    }
    out
}

/// One to `max` ASCII digits and nothing else (`45`, `119`).
fn short_number(p: &str, max: usize) -> bool {
    (1..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
}

/// `119/45` | `119.45` → (`119`, `45`): a volume (not a year) and an issue of one to
/// three digits each side of one `/` or `.`.
fn volume_slash_issue(t: &str) -> Option<(&str, &str)> {
    let (v, i) = t.split_once(['/', '.'])?;
    // (`119 /45`, a space before the slash: Spanish theology styles)
    let v = v.strip_suffix(' ').unwrap_or(v);
    (short_number(v, 3) && short_number(i, 3)).then_some((v, i))
}

/// `119 /45`: a volume of up to three digits `t`, then a space, a slash and an issue of
/// up to three digits at the start of `after` (the text after `t`) → the length of all
/// three.
fn spaced_slash_issue(t: &str, after: &str) -> Option<usize> {
    let issue = after.strip_prefix(" /")?;
    let n = issue.bytes().take_while(u8::is_ascii_digit).count();
    let ends = issue.as_bytes().get(n).is_none_or(|b| !b.is_ascii_alphanumeric());
    (short_number(t, 3) && (1..=3).contains(&n) && ends).then_some(t.len() + 2 + n)
}

/// `2022/11` → `11`: a year, a slash and an issue of one to three digits; never a span
/// of years (`2019/20`, `1998/99`).
fn year_slash_issue(inner: &str) -> Option<&str> {
    let (y, i) = inner.split_once('/')?;
    let year = parse_year(y).filter(|_| y.len() == 4)?;
    let next = (year + 1).to_string();
    let span = i.len() == 2 && next.ends_with(i);
    (short_number(i, 3) && !span).then_some(i)
}

/// `119-45` | `39–1` → (`119`, `45`): a volume of up to four digits and an issue of up
/// to three joined by a dash; never a span of years (`2019-20`). Read as such only
/// before labelled pages.
fn dashed_volume_issue(t: &str) -> Option<(&str, &str)> {
    let (v, i) = t.split_once(['-', '–', '‐'])?;
    let years = parse_year(v).is_some() && i.len() == 2;
    (short_number(v, 4) && short_number(i, 3) && !years).then_some((v, i))
}

/// `1877/5` | `635/8040`: [`volume_slash_issue`] with four digits on a side, for a
/// source whose year is read elsewhere; never a span of years (`2019/20`,
/// `1998/1999`).
fn wide_volume_slash_issue(t: &str) -> Option<(&str, &str)> {
    let (v, i) = t.split_once('/')?;
    if !short_number(v, 4) || !short_number(i, 4) {
        return None;
    }
    // a span of years: the second side is the next year, whole or by its last digits
    let years = parse_year(v).is_some_and(|_| {
        let next = v.parse::<u32>().map_or(0, |y| y + 1).to_string();
        (i.len() == 2 || i.len() == 4) && next.ends_with(i)
    });
    (!years).then_some((v, i))
}

/// `25/04/2013` | `4/5/1999`: day, month and year joined by slashes.
fn is_slash_date(t: &str) -> bool {
    let mut parts = t.split('/');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    short_number(d, 2) && short_number(m, 2) && parse_year(y).is_some()
}

/// `TPS2676` | `ITC65` | `Doc23`: an article number of three or four letters (a
/// capital first) and digits: a meeting abstract's, Annals' `In the Clinic`, GMS's. A
/// page only where pages are expected (after `volume:`); elsewhere such a word is a
/// name's (`BMJ372`, `EGT1`).
fn is_lettered_number(t: &str) -> bool {
    let b = t.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = b.get(letters..).unwrap_or_default();
    (3..=4).contains(&letters)
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && (1..=6).contains(&digits.len())
        && digits.iter().all(u8::is_ascii_digit)
}

/// `TPS2676` | `ITC65-ITC80` | `TPS2676–723`: [`is_lettered_number`] pages, a range's
/// last page with its letters or without.
fn is_lettered_pages(t: &str) -> bool {
    match t.split_once(['-', '–']) {
        Some((a, z)) => {
            is_lettered_number(a)
                && (is_lettered_number(z)
                    || (1..=6).contains(&z.len())
                        && z.bytes().all(|b| b.is_ascii_digit()))
        }
        None => is_lettered_number(t),
    }
}

/// True when `head` (the text before a word) ends with `volume:` or `volume(issue):`
/// (and, for a range's last page, the first page and its dash): the word is where a
/// page goes.
fn after_volume_colon(head: &str) -> bool {
    let head = match head.strip_suffix('-').or_else(|| head.strip_suffix('–')) {
        Some(h) => {
            let first =
                h.len() - h.bytes().rev().take_while(u8::is_ascii_alphanumeric).count();
            if !h.get(first..).is_some_and(is_lettered_number) {
                return false;
            }
            h.get(..first).unwrap_or_default()
        }
        None => head,
    };
    head.strip_suffix(':')
        .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit() || c == ')'))
}

fn is_num(t: &str) -> bool {
    let letters = t.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
        || (letters <= 2
            || letters <= 5 && t.chars().take(letters).all(|c| c.is_ascii_lowercase()))
            && t.chars().any(|c| c.is_ascii_digit())
}

/// Read the fields of a source block. `want_year`: look for a year (false when the
/// author-date part already gave one; a bracketed year is still taken).
/// `5` | `31`: a day of the month.
pub(super) fn is_day_word(d: &str) -> bool {
    d.len() <= 2 && d.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// `March` | `Feb` | `Jul-Aug`: a month (or a season), the first of a range.
fn is_month_word(m: &str) -> bool {
    month_number(m.split(['/', '-', '–']).next().unwrap_or(m)).is_some()
}

/// True when atom `j` is a token that `test` accepts.
fn tok_is(
    atoms: &[(Atom<'_>, Range<usize>)],
    j: usize,
    test: impl Fn(&str) -> bool,
) -> bool {
    matches!(atoms.get(j), Some((Atom::Tok(t), _)) if test(t))
}

/// Where a bare identifier at the end of a source block starts: 7 to 9 digits that
/// open the block or follow `. `.
fn bare_trailing_id(block: &str) -> Option<usize> {
    let t = block.trim_end_matches(['.', ' ']);
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = t.len() - digits;
    // (`p. 2441134`: a Frontiers article number after its label is the page)
    let labelled = |h: &str| {
        h.trim_end_matches(". ").rsplit([' ', ',', '(']).next().is_some_and(|w| {
            matches!(
                w,
                "p" | "pp"
                    | "P"
                    | "Pp"
                    | "pg"
                    | "no"
                    | "No"
                    | "nr"
                    | "Nr"
                    | "art"
                    | "Art"
                    | "S"
                    | "s"
                    | "ss"
                    | "С"
            )
        })
    };
    ((7..=9).contains(&digits)
        && (start == 0
            || t.get(..start).is_some_and(|h| h.ends_with(". ") && !labelled(h))))
    .then_some(start)
}

/// `135749–762` → (`135`, `749–762`): a volume glued to the first page of a range (a
/// style that prints the volume in bold with no mark after it, the bold lost in the
/// scrape: `Cell 135749–762`). The last page has three digits or more, the first page
/// as many, no leading zero, and the range is under 300 pages.
fn glued_volume_pages(p: &str) -> Option<(&str, &str)> {
    let a_len = p.bytes().take_while(u8::is_ascii_digit).count();
    let (a, rest) = p.split_at_checked(a_len)?;
    let dash = rest.chars().next().filter(|&c| matches!(c, '-' | '‐' | '‑' | '–'))?;
    let b = rest.get(dash.len_utf8()..)?;
    if !(3..=5).contains(&b.len())
        || !b.bytes().all(|c| c.is_ascii_digit())
        || !(b.len() + 1..=b.len() + 3).contains(&a.len())
    {
        return None;
    }
    let k = a.len() - b.len();
    let first = a.get(k..)?;
    let (f, l) = (first.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    if first.starts_with('0') || f > l || l - f >= 300 {
        return None;
    }
    Some((a.get(..k)?, p.get(k..)?))
}

pub(crate) fn parse_source(block: &str, want_year: bool) -> Source<'_> {
    let mut src = parse_source_as_printed(block, want_year);
    // (no volume read: an unlabelled range whose first number is too long for it)
    if src.volume.is_none()
        && src.issue.is_none()
        && let Some(p) = src.pages
        && !block
            .get(..super::span_of(block, p).start)
            .unwrap_or_default()
            .trim_end()
            .ends_with('.')
        && let Some((v, pages)) = glued_volume_pages(p)
    {
        src.volume = Some(v);
        src.pages = Some(pages);
    }
    src
}

fn parse_source_as_printed(block: &str, want_year: bool) -> Source<'_> {
    // MEDLINE: `932-5; discussion 935-6`, `633-45, v-vi`: the addition is a note
    // (the last one only: the block before it is read without looking again, so that
    // no input makes this recurse)
    let Some(at) = super::nlm::pages_addition(block) else {
        return dated_source(block, want_year);
    };
    let mut src = dated_source(block.get(..at).unwrap_or_default(), want_year);
    let note = block.get(at..).unwrap_or_default();
    src.notes.push(note.trim_start_matches([';', ',', ' ']).trim_end_matches(['.', ' ']));
    src
}

/// [`parse_source`] of a block without MEDLINE's page addition.
fn dated_source(block: &str, want_year: bool) -> Source<'_> {
    // MEDLINE: `2012 Oct 15-Dec 15;49(3-4):128-32`: the range's start is the date
    if let Some(d) = super::nlm::date_range(block) {
        let rest = block.get(d.end..).unwrap_or_default();
        let mut src = plain_source(rest, false);
        for u in &mut src.unplaced {
            *u = u.start + d.end..u.end + d.end;
        }
        src.year = Some(d.year);
        src.month = Some(d.month);
        src.day = d.day;
        return src;
    }
    plain_source(block, want_year)
}

/// [`dated_source`] of a block without a MEDLINE date range.
fn plain_source(block: &str, want_year: bool) -> Source<'_> {
    // `Journal of Neurophysiology 28. 14283062`, `Cell. 18035408`: a bare number of
    // seven or more digits after a full stop is a PubMed ID the scrape left behind, no
    // volume or page — it stays unplaced (and the reference partial)
    // (once: the block before it is read as it is)
    if let Some(cut) = bare_trailing_id(block) {
        let mut src = source_fields(block.get(..cut).unwrap_or_default(), want_year);
        src.unplaced.push(cut..block.len());
        return src;
    }
    source_fields(block, want_year)
}

/// [`parse_source`] without the trailing-identifier check.
fn source_fields(block: &str, want_year: bool) -> Source<'_> {
    let atoms = atoms(block);
    // (where the last volume label is, found once: `vol_label_after` per number would
    // make a block of many numbers quadratic)
    let last_vol_label = atoms
        .iter()
        .rposition(|(a, _)| matches!(a, Atom::Tok(t) if VOLUME_LABELS.contains(t)));
    let mut used = vec![false; atoms.len()];
    let mut src = Source::default();
    let text = |r: &Range<usize>| block.get(r.clone()).unwrap_or_default();
    // the year: bracketed, first, after a month, or last
    let mut year_at = None;
    for (k, (a, _)) in atoms.iter().enumerate() {
        if let Atom::Paren(inner) = a {
            // `1(1629)`: a bracket glued to a number is its issue, whatever it looks like
            let glued = k > 0
                && matches!(atoms.get(k - 1), Some((Atom::Tok(t), r)) if is_num(t)
                    && atoms.get(k).is_some_and(|(_, pr)| pr.start == r.end));
            if glued {
                continue;
            }
            // `(2017)`, `(2010, March 5)`, `(July 2013)`, `(Winter 2011)`
            let words: Vec<&str> =
                inner.split([',', ' ', '/']).filter(|w| !w.is_empty()).collect();
            let first = words.first().copied().unwrap_or_default();
            let month_year = words.len() == 2
                && month_number(first).is_some()
                && words.get(1).is_some_and(|y| parse_year(y).is_some());
            if parse_year(first).is_some() || month_year {
                year_at = Some(k);
                break;
            }
        }
    }
    // even with a year known: a full date (`New York Times, March 3, 2021`, `15 Feb.
    // 1993`) is a date, not a volume and pages
    if year_at.is_none() && !want_year {
        let tok_month = |j: usize| tok_is(&atoms, j, is_month_word);
        let tok_day = |j: usize| tok_is(&atoms, j, is_day_word);
        year_at = (2..atoms.len()).find(|&k| {
            matches!(atoms.get(k), Some((Atom::Tok(t), _)) if parse_year(t).is_some())
                && (matches!(atoms.get(k - 1), Some((Atom::Sep(','), _)))
                    && k >= 3
                    && tok_day(k - 2)
                    && tok_month(k - 3)
                    || tok_month(k - 1) && tok_day(k - 2)
                    || matches!(atoms.get(k - 1), Some((Atom::Sep('.'), _)))
                        && tok_month(k - 2)
                        && k >= 3
                        && tok_day(k - 3))
        });
    }
    // even with a year known: `2020;2(8):113–122` opens with its year
    if year_at.is_none() && !want_year {
        let first_tok =
            (0..atoms.len()).find(|&k| matches!(atoms.get(k), Some((Atom::Tok(_), _))));
        if let Some(k) = first_tok
            && matches!(atoms.get(k), Some((Atom::Tok(t), _)) if parse_year(t).is_some())
            && matches!(atoms.get(k + 1), Some((Atom::Sep(';'), _)))
        {
            year_at = Some(k);
        }
    }
    if year_at.is_none() && want_year {
        let toks: Vec<usize> = (0..atoms.len())
            .filter(|&k| matches!(atoms.get(k), Some((Atom::Tok(_), _))))
            .collect();
        let is_year = |k: usize| matches!(atoms.get(k), Some((Atom::Tok(t), _)) if parse_year(t).is_some());
        let after_month = |k: usize| {
            k > 0
                && matches!(atoms.get(k - 1), Some((Atom::Tok(t), _)) if month_number(t.split(['/', '-', '–']).next().unwrap_or(t)).is_some())
        };
        let after_colon =
            |k: usize| k > 0 && matches!(atoms.get(k - 1), Some((Atom::Sep(':'), _)));
        // (`vol. 1877, no. 5, 2022, p. 2045`: a labelled number is no year)
        let after_label = |k: usize| {
            let j = match atoms.get(k.wrapping_sub(1)) {
                Some((Atom::Sep('.'), _)) => k.wrapping_sub(2),
                _ => k.wrapping_sub(1),
            };
            matches!(atoms.get(j), Some((Atom::Tok(t), _)) if KEYWORDS.contains(t))
        };
        let free_year = |k: usize| is_year(k) && !after_colon(k) && !after_label(k);
        year_at = toks
            .first()
            .copied()
            .filter(|&k| is_year(k))
            .or_else(|| toks.iter().copied().find(|&k| is_year(k) && after_month(k)))
            .or_else(|| toks.last().copied().filter(|&k| free_year(k)))
            .or_else(|| toks.iter().copied().find(|&k| free_year(k)));
    }
    if let Some(k) = year_at {
        if let Some(u) = used.get_mut(k) {
            *u = true;
        }
        match atoms.get(k) {
            Some((Atom::Paren(inner), _)) => {
                let words: Vec<&str> =
                    inner.split([',', ' ', '/']).filter(|w| !w.is_empty()).collect();
                if let [m, y] = words.as_slice()
                    && month_number(m).is_some()
                    && parse_year(y).is_some()
                {
                    src.year = Some(y);
                    src.month = Some(m);
                    if let Some(u) = used.get_mut(k) {
                        *u = true;
                    }
                } else {
                    src.year = inner.split([',', ' ', '/']).next();
                    // `Sci Adv 8 (2022/11) eabk3327` (Byzantine studies): the issue
                    // after the year's slash
                    src.issue = src.issue.or_else(|| year_slash_issue(inner));
                }
                // `(2020 Jan)` / `(2010, March 5)`: the rest of the bracket is the date
                let mut parts = inner.split([',', ' ']).filter(|p| !p.is_empty()).skip(1);
                if let Some(m) = parts.next().filter(|m| month_number(m).is_some()) {
                    src.month = Some(m);
                    src.day = parts.next();
                }
            }
            Some((Atom::Tok(t), _)) => src.year = Some(t),
            _ => {}
        }
        // month and day around the year: `2020 Feb 13`, `October 1995`, `5 March 2020`
        let mut j = k + 1;
        if let Some((Atom::Tok(m), _)) = atoms.get(j)
            && is_month_word(m)
        {
            src.month = Some(m);
            if let Some(u) = used.get_mut(j) {
                *u = true;
            }
            j += 1;
            if let Some((Atom::Tok(d), _)) = atoms.get(j)
                && is_day_word(d)
            {
                src.day = Some(d);
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
            } else if let Some((Atom::Tok(d), _)) = atoms.get(j)
                && let Some((a, b)) = d.split_once(['-', '–'])
                && is_day_word(a)
                && is_day_word(b)
            {
                // `2005 Aug 8-22`: an issue dated over several days (the first kept)
                src.day = Some(a);
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
            }
        }
        // (`15 Feb. 1993`: the abbreviated month's full stop sits before the year)
        let m_at = match atoms.get(k.wrapping_sub(1)) {
            Some((Atom::Sep('.'), _)) if k >= 2 => k - 2,
            _ => k.wrapping_sub(1),
        };
        let is_day = |j: usize| tok_is(&atoms, j, is_day_word);
        // (`April 8-11, 1991`: the days of a meeting)
        let is_day_range = |j: usize| {
            tok_is(&atoms, j, |d| {
                d.split_once(['-', '–'])
                    .is_some_and(|(a, b)| is_day_word(a) && is_day_word(b))
            })
        };
        let is_month = |j: usize| tok_is(&atoms, j, is_month_word);
        if k > 0
            && let Some((Atom::Tok(m), _)) = atoms.get(m_at)
            && is_month(m_at)
        {
            src.month = src.month.or(Some(m));
            for j in m_at..k {
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
            }
            if m_at > 0
                && is_day(m_at - 1)
                && let Some((Atom::Tok(d), _)) = atoms.get(m_at - 1)
            {
                src.day = Some(d);
                if let Some(u) = used.get_mut(m_at - 1) {
                    *u = true;
                }
            }
        } else if k >= 3
            && matches!(atoms.get(k - 1), Some((Atom::Sep(','), _)))
            && (is_day(k - 2) || is_day_range(k - 2))
            && is_month(k - 3)
            && let (Some((Atom::Tok(d), _)), Some((Atom::Tok(m), _))) =
                (atoms.get(k - 2), atoms.get(k - 3))
        {
            // `March 25, 2005`
            src.month = src.month.or(Some(m));
            src.day = src.day.or(Some(d));
            for j in k - 3..k {
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
            }
        }
    }
    // volume, issue, pages
    let mut k = 0;
    while let Some((a, r)) = atoms.get(k) {
        if used.get(k).copied().unwrap_or(true) {
            k += 1;
            continue;
        }
        let prev_sep = (0..k).rev().find_map(|j| match atoms.get(j) {
            Some((Atom::Sep(c), _)) => Some(Some(*c)),
            Some(_) => Some(None),
            None => None,
        });
        match a {
            Atom::Sep(_) => {
                if let Some(u) = used.get_mut(k) {
                    *u = true;
                }
            }
            Atom::Paren(inner) => {
                let inner = inner.trim();
                let first = inner.split([' ', '.']).next().unwrap_or_default();
                if let Some(p) =
                    inner.strip_prefix("pp. ").or_else(|| inner.strip_prefix("p. "))
                {
                    // `(pp. 32-42)`
                    if src.pages.is_none() {
                        src.pages = Some(p);
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                    }
                } else if month_number(first).is_some() {
                    // `108, no. 5 (March): 937–75`: the issue's month (`(October 94)`,
                    // with more in the bracket, is left unplaced)
                    if inner == first && src.month.is_none() {
                        src.month = Some(first);
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                    }
                } else if let Some((day, month)) = inner.split_once(' ')
                    && day.len() <= 2
                    && day.bytes().all(|b| b.is_ascii_digit())
                    && month_number(month).is_some()
                {
                    // `Nature 400 (12 August): 675-677`: the day of an issue
                    if src.month.is_none() {
                        src.month = Some(month);
                        src.day = Some(day);
                    }
                    if let Some(u) = used.get_mut(k) {
                        *u = true;
                    }
                } else if src.issue.is_none() {
                    // (`Vol. 8 (No. 11)`: the issue's label inside the bracket)
                    let unlabelled = ["No. ", "no. ", "Nr. ", "Issue ", "issue "]
                        .iter()
                        .find_map(|l| inner.strip_prefix(l))
                        .filter(|n| is_num(n.trim()));
                    src.issue = Some(unlabelled.map_or(inner, str::trim));
                    if let Some(u) = used.get_mut(k) {
                        *u = true;
                    }
                }
            }
            Atom::Tok(t) => {
                // the value after a label, past its full stop: `no. 2`, `pp. 1-9`
                let nk = if matches!(atoms.get(k + 1), Some((Atom::Sep('.'), _))) {
                    k + 2
                } else {
                    k + 1
                };
                let next_tok = match atoms.get(nk) {
                    Some((Atom::Tok(n), nr)) => Some((*n, nr.clone())),
                    _ => None,
                };
                let label = *t;
                let labelled = |slot: &mut Option<&str>, used: &mut Vec<bool>| {
                    if let Some((n, _)) = &next_tok
                        && slot.is_none()
                        && is_num(n)
                    {
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                        for j in k + 1..=nk {
                            if let Some(u) = used.get_mut(j) {
                                *u = true;
                            }
                        }
                        return true;
                    }
                    false
                };
                match label {
                    // `10. Jg.`, `19.Jg.` (German): the volume's ordinal before its
                    // label, already read as the volume
                    "Jg" if !next_tok.as_ref().is_some_and(|(n, _)| is_num(n))
                        && k >= 2
                        && matches!(atoms.get(k - 1), Some((Atom::Sep('.'), _)))
                        && matches!(atoms.get(k - 2), Some((Atom::Tok(v), _)) if src.volume == Some(*v)) =>
                    {
                        for j in k - 1..nk {
                            if let Some(u) = used.get_mut(j) {
                                *u = true;
                            }
                        }
                        k = nk;
                        continue;
                    }
                    "no" | "No" | "Nos" | "Issue" | "issue" | "Nr" | "n" | "n°"
                    | "nᵒ" | "Iss" | "Heft" | "H" | "č" | "Ausgabe" | "sy" | "№"
                    | "Вып" | "núm" | "Núm"
                        if !matches!(label, "H" | "sy" | "Вып")
                            || matches!(atoms.get(k + 1), Some((Atom::Sep('.'), _))) =>
                    {
                        // the issue runs over the words after the label: `no. 5 Pt 2`,
                        // `no. Suppl 1`
                        if let Some((_, nr)) = next_tok.clone()
                            && src.issue.is_none()
                        {
                            let mut end = nk;
                            while let Some((Atom::Tok(_), _)) = atoms.get(end + 1) {
                                end += 1;
                            }
                            let last_end = atoms.get(end).map_or(nr.end, |a| a.1.end);
                            src.issue = block.get(nr.start..last_end);
                            for j in k..=end {
                                if let Some(u) = used.get_mut(j) {
                                    *u = true;
                                }
                            }
                            k = end + 1;
                            continue;
                        }
                    }
                    // (Turkish `c.` only with its dot, before `sy.` or `s.`: `c. 1850`
                    // may be circa)
                    _ if label == "v"
                        || VOLUME_LABELS.contains(&label)
                        || label == "Т"
                            && matches!(atoms.get(k + 1), Some((Atom::Sep('.'), _)))
                        || label == "c"
                            && matches!(atoms.get(k + 1), Some((Atom::Sep('.'), _)))
                            && atoms.iter().any(|(a, _)| {
                                matches!(a, Atom::Tok("sy" | "s" | "ss"))
                            }) =>
                    {
                        if let Some((_, nr)) = next_tok.clone()
                            && labelled(&mut src.volume, &mut used)
                        {
                            src.volume = Some(text(&nr));
                            k = nk + 1;
                            continue;
                        }
                    }
                    // (`S. 192-195`, German; `S` alone may be a journal's word)
                    "pp" | "p" | "pages" | "Pages" | "Page" | "S" | "s" | "ss"
                    | "Article" | "article" | "Paper" | "paper" | "P" | "С"
                        if match label {
                            "S" | "s" | "ss" | "P" | "С" => {
                                matches!(atoms.get(k + 1), Some((Atom::Sep('.'), _)))
                            }
                            // (`Page 15`, the number right after the word: not `Home
                            // page. 2022.`)
                            "Page" | "Pages" => nk == k + 1,
                            _ if is_article_label(label) => nk == k + 1,
                            _ => true,
                        } =>
                    {
                        // `119, 45 (2022), p. e2123528119` (Brazilian and Portuguese
                        // styles): the number read as the pages before the year is the
                        // issue
                        if src.issue.is_none()
                            && src.volume.is_some()
                            && src.year.is_some()
                            && matches!(label, "p" | "pp")
                            && src
                                .pages
                                .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
                            && next_tok.as_ref().is_some_and(|(n, _)| is_num(n))
                        {
                            src.issue = src.pages.take();
                        }
                        if let Some((_, nr)) = next_tok.clone()
                            && labelled(&mut src.pages, &mut used)
                        {
                            src.pages = Some(text(&nr));
                            k = nk + 1;
                            continue;
                        }
                    }
                    "Suppl" | "suppl" | "Supplement" | "Pt" | "pt" | "Part" | "Spec"
                        if src.issue.is_none() =>
                    {
                        let mut end = next_tok.as_ref().map_or(r.end, |(_, nr)| nr.end);
                        let mut last = nk;
                        // `Suppl 1 Pt 1`: a part of a supplement
                        if next_tok.is_some()
                            && let Some((Atom::Tok("Pt" | "pt" | "Part"), _)) =
                                atoms.get(nk + 1)
                            && let Some((Atom::Tok(n), nr)) = atoms.get(nk + 2)
                            && is_num(n)
                        {
                            end = nr.end;
                            last = nk + 2;
                        }
                        src.issue = Some(block.get(r.start..end).unwrap_or_default());
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                        if next_tok.is_some() {
                            for j in k + 1..=last {
                                if let Some(u) = used.get_mut(j) {
                                    *u = true;
                                }
                            }
                            k = last;
                        }
                    }
                    // `Vol. 41, No. 2, Part 1`: the part of a numbered issue belongs to
                    // the issue (its number is no page)
                    "Pt" | "pt" | "Part"
                        if next_tok.as_ref().is_some_and(|(n, _)| is_num(n))
                            && let Some(issue) = src.issue =>
                    {
                        let start = super::span_of(block, issue).start.min(r.start);
                        let end = next_tok.as_ref().map_or(r.end, |(_, nr)| nr.end);
                        src.issue = block.get(start..end).or(Some(issue));
                        for j in k..=nk {
                            if let Some(u) = used.get_mut(j) {
                                *u = true;
                            }
                        }
                        k = nk;
                    }
                    // ISO 690: `2022. Vol. 119, no. 45`: a year before the labelled
                    // volume is no volume
                    _ if src.volume.is_none()
                        && parse_year(t).is_some()
                        && last_vol_label.is_some_and(|v| v > k) =>
                    {
                        src.year = src.year.or(Some(t));
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                    }
                    // `25/04/2013`: a date, never a volume
                    _ if is_slash_date(t) => {
                        src.year = src.year.or_else(|| t.rsplit('/').next());
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                    }
                    // `41:TPS2676–723`: a lettered article number as the pages
                    _ if prev_sep == Some(Some(':'))
                        && src.volume.is_some()
                        && src.pages.is_none()
                        && is_lettered_pages(t) =>
                    {
                        src.pages = Some(t);
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                    }
                    _ if is_num(t) => {
                        let has_dash = t.contains(['-', '‐', '‑', '–', '—', '−']);
                        // an issue may come here: the volume is in, no issue or pages
                        // yet, and this number after a comma has no dash
                        let issue_may_follow = src.volume.is_some()
                            && src.issue.is_none()
                            && src.pages.is_none()
                            && !has_dash
                            && prev_sep == Some(Some(','));
                        // ACM: `119, 45 (2022), e2123528119` — volume, issue, the year
                        // in brackets, then the pages; Chicago without `no.`: `119, 45
                        // (2022): e2123528119`
                        let acm_issue = issue_may_follow
                            && matches!(atoms.get(k + 1), Some((Atom::Paren(_), _)))
                            && year_at == Some(k + 1)
                            && matches!(
                                atoms.get(k + 2),
                                Some((Atom::Sep(',' | ':'), _))
                            )
                            && matches!(atoms.get(k + 3), Some((Atom::Tok(p), _)) if is_num(p));
                        // `Phys. Lett. B428 (1998) 105-114`: a series letter glued to
                        // the volume, the year in brackets after it
                        let series_volume = src.volume.is_none()
                            && t.len() >= 2
                            && t.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                            && t.bytes().skip(1).all(|b| b.is_ascii_digit())
                            && (matches!(atoms.get(k + 1), Some((Atom::Paren(_), _)))
                                && year_at == Some(k + 1)
                                // (`Acta Cryst. 2004; D60: 2126–2132`: before a colon
                                // and the pages)
                                || matches!(atoms.get(k + 1), Some((Atom::Sep(':'), _)))
                                    && matches!(atoms.get(k + 2), Some((Atom::Tok(p), _)) if is_num(p)));
                        // `119, 45: e2123528119`: volume, issue, a colon, the pages
                        let comma_issue = issue_may_follow
                            && matches!(atoms.get(k + 1), Some((Atom::Sep(':'), _)))
                            && matches!(atoms.get(k + 2), Some((Atom::Tok(p), _)) if is_num(p));
                        // `vol. 119, 45, p. e2123528119`: a bare number between the
                        // volume and the labelled pages is the issue
                        // (`119, 45 2022, S. e2123528119`, im Gespräch: the year
                        // between, no comma before it)
                        let page_label_at = |j: usize| {
                            matches!(
                                atoms.get(j),
                                Some((Atom::Tok("p" | "pp" | "S" | "s"), _))
                            )
                        };
                        let before_page_label = issue_may_follow
                            && (matches!(atoms.get(k + 1), Some((Atom::Sep(','), _)))
                                && page_label_at(k + 2)
                                || matches!(atoms.get(k + 1), Some((Atom::Tok(y), _)) if y.len() == 4 && parse_year(y).is_some())
                                    && matches!(
                                        atoms.get(k + 2),
                                        Some((Atom::Sep(','), _))
                                    )
                                    && page_label_at(k + 3));
                        // nothing but separators from atom `j` to the end
                        let only_seps_from = |j: usize| {
                            atoms.get(j..).is_some_and(|rest| {
                                rest.iter().all(|(a, _)| matches!(a, Atom::Sep(_)))
                            })
                        };
                        let free_num = |j: usize| {
                            matches!(atoms.get(j), Some((Atom::Tok(p), _)) if is_num(p))
                                && !used.get(j).copied().unwrap_or(true)
                        };
                        // (`, e2123528119` and nothing after: a comma, then the last
                        // pages, not yet read as a year)
                        let last_pages_follow =
                            matches!(atoms.get(k + 1), Some((Atom::Sep(','), _)))
                                && free_num(k + 2)
                                && only_seps_from(k + 3);
                        let digits = t.bytes().all(|b| b.is_ascii_digit());
                        // `119, 45, e2123528119` (Czech ISO 690): volume, issue, pages
                        // between commas, nothing after
                        let comma_triple = issue_may_follow
                            && t.len() <= 3
                            && digits
                            && last_pages_follow;
                        // `8, 11, 2022, eabk3327` (French archaeology): volume, issue,
                        // year and pages between commas, nothing after
                        let comma_issue_year_pages = issue_may_follow
                            && t.len() <= 4
                            && digits
                            && matches!(atoms.get(k + 1), Some((Atom::Sep(','), _)))
                            && year_at == Some(k + 2)
                            && matches!(atoms.get(k + 3), Some((Atom::Sep(','), _)))
                            && free_num(k + 4)
                            && only_seps_from(k + 5);
                        // the bracketed year and then nothing but separators from `j`
                        let year_closes =
                            |j: usize| year_at == Some(j) && only_seps_from(j + 1);
                        // `Sci Adv 8 11, eabk3327` (Elsevier's Harvard styles with the
                        // issue's brackets lost): a number right after the volume, with a
                        // space between, before a comma and the last pages; or before the
                        // pages and the bracketed year (`8 11, eabk3327 (2022)`, American
                        // Nuclear Society), or before the year and the pages (`8 11
                        // (2022) eabk3327`, IAEA)
                        let spaced_issue = src.volume.is_some()
                            && src.issue.is_none()
                            && src.pages.is_none()
                            && prev_sep == Some(None)
                            && t.len() <= 4
                            && digits
                            && matches!(atoms.get(k.wrapping_sub(1)), Some((Atom::Tok(v), _)) if src.volume == Some(*v))
                            && (last_pages_follow
                                || matches!(atoms.get(k + 1), Some((Atom::Sep(','), _)))
                                    && free_num(k + 2)
                                    && year_closes(k + 3)
                                || year_at == Some(k + 1)
                                    && free_num(k + 2)
                                    && only_seps_from(k + 3));
                        // `«Sci Adv» 8 (2022) 11, eabk3327` (Italian styles): the issue
                        // after the volume's bracketed year, before a comma and the last
                        // pages
                        let issue_after_year = src.volume.is_some()
                            && src.issue.is_none()
                            && src.pages.is_none()
                            && t.len() <= 4
                            && digits
                            && k >= 2
                            && year_at == Some(k - 1)
                            && matches!(atoms.get(k - 1), Some((Atom::Paren(_), _)))
                            && matches!(atoms.get(k - 2), Some((Atom::Tok(v), _)) if src.volume == Some(*v))
                            && last_pages_follow;
                        // `Sci Adv 8, [11] (2022) eabk3327`: the issue in square
                        // brackets right after the volume
                        let bracket_issue = src.volume.is_some()
                            && src.issue.is_none()
                            && src.pages.is_none()
                            && prev_sep == Some(Some('['))
                            && t.len() <= 4
                            && !has_dash
                            && matches!(atoms.get(k + 1), Some((Atom::Sep(']'), _)))
                            && (k >= 2
                                && matches!(atoms.get(k - 2), Some((Atom::Tok(v), _)) if src.volume == Some(*v))
                                || k >= 3
                                    && matches!(
                                        atoms.get(k - 2),
                                        Some((Atom::Sep(','), _))
                                    )
                                    && matches!(atoms.get(k - 3), Some((Atom::Tok(v), _)) if src.volume == Some(*v)));
                        let page_label = |j: usize| {
                            matches!(atoms.get(j), Some((Atom::Tok("p" | "pp"), _)))
                        };
                        let comma_at =
                            |j: usize| matches!(atoms.get(j), Some((Atom::Sep(','), _)));
                        // `119/45` (German, Turkish, Portuguese styles), `119.45`: the
                        // volume and the issue in one word
                        // (`119.45` only before a bracket, as MLA prints it, or
                        // before `, p.`: NLM volumes such as `2004;27.1:1–12` keep
                        // their dot)
                        let slashed = volume_slash_issue(t)
                            .or_else(|| {
                                // (its year read elsewhere, or pages after a colon:
                                // `Biochim Biophys Acta Rev Cancer, 1877/5: 188771`)
                                wide_volume_slash_issue(t).filter(|_| {
                                    src.year.is_some_and(|y| !t.contains(y))
                                        || matches!(
                                            atoms.get(k + 1),
                                            Some((Atom::Sep(':'), _))
                                        ) && free_num(k + 2)
                                })
                            })
                            .filter(|_| {
                                t.contains('/')
                                    || matches!(atoms.get(k + 1), Some((Atom::Paren(_), _)))
                                    // (MHRA: `119.45, p. e2123528119`, before the pages'
                                    // label)
                                    || comma_at(k + 1) && page_label(k + 2)
                            });
                        // `119-45, 2022, p. e2123528119`, `119-45, p. e2123528119`
                        // (French styles): volume and issue joined by a dash, then the
                        // labelled pages (the year between)
                        let dashed = || {
                            dashed_volume_issue(t).filter(|_| {
                                src.pages.is_none()
                                    && comma_at(k + 1)
                                    && (page_label(k + 2)
                                        || matches!(atoms.get(k + 2), Some((Atom::Tok(y), _)) if y.len() == 4 && parse_year(y).is_some())
                                            && comma_at(k + 3)
                                            && page_label(k + 4))
                            })
                        };
                        if src.volume.is_none()
                            && src.issue.is_none()
                            && let Some((v, i)) = slashed.or_else(dashed)
                        {
                            src.volume = Some(v);
                            src.issue = Some(i);
                            if let Some(u) = used.get_mut(k) {
                                *u = true;
                            }
                            k += 1;
                            continue;
                        }
                        // NLM: `2014 Aug;766-767:19-24` (a volume range),
                        // `2018;100-B(5):680` (a series letter): a dashed number right
                        // after the date's `;` and before `:` or the issue's bracket
                        // is the volume
                        // (APS: `Sleep Med 27-28: 54–58, 2016`, the block's first
                        // word before its colon)
                        let nlm_dashed_volume = src.volume.is_none()
                            && has_dash
                            && (prev_sep == Some(Some(';'))
                                && (matches!(
                                    atoms.get(k + 1),
                                    Some((Atom::Sep(':'), _))
                                ) || matches!(
                                    atoms.get(k + 1),
                                    Some((Atom::Paren(_), _))
                                ))
                                || prev_sep.is_none()
                                    && matches!(
                                        atoms.get(k + 1),
                                        Some((Atom::Sep(':'), _))
                                    ))
                            && t.split_once(['-', '–']).is_some_and(|(a, b)| {
                                a.bytes().all(|b| b.is_ascii_digit())
                                    && !b.contains(['-', '–'])
                            });
                        let slot = if nlm_dashed_volume {
                            &mut src.volume
                        } else if acm_issue
                            || comma_issue
                            || before_page_label
                            || comma_triple
                            || comma_issue_year_pages
                            || spaced_issue
                            || issue_after_year
                            || bracket_issue
                        {
                            &mut src.issue
                        } else if series_volume {
                            &mut src.volume
                        } else if prev_sep == Some(Some(':')) && src.pages.is_none() {
                            &mut src.pages
                        } else if src.volume.is_none()
                            && !has_dash
                            && !t.starts_with(|c: char| c.is_ascii_alphabetic())
                        {
                            &mut src.volume
                        } else if src.pages.is_none() {
                            &mut src.pages
                        } else {
                            k += 1;
                            continue;
                        };
                        *slot = Some(t);
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                    }
                    _ => {}
                }
            }
        }
        k += 1;
    }
    for (k, (_, r)) in atoms.iter().enumerate() {
        if !used.get(k).copied().unwrap_or(false) {
            src.unplaced.push(r.clone());
        }
    }
    src
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(s: &str) -> &str {
        s.get(source_start(s)..).unwrap()
    }

    #[test]
    fn glued_volume_pages_rule() {
        assert_eq!(glued_volume_pages("135749–762"), Some(("135", "749–762")));
        assert_eq!(glued_volume_pages("64456‑472"), Some(("64", "456‑472")));
        assert_eq!(glued_volume_pages("145444-5457"), Some(("14", "5444-5457")));
        for no in [
            // an abbreviated last page, a plain range, a leading zero, a long range
            "14036–45",
            "105340–55",
            "749–762",
            "14036–145",
            "1234-1240",
            "12100-400",
            "e1234-e1240",
            "",
        ] {
            assert_eq!(glued_volume_pages(no), None, "{no}");
        }
        // only with no volume read, and never after a label
        let src = parse_source("Hepatology 2016, 64456–472.", true);
        assert_eq!((src.volume, src.pages), (Some("64"), Some("456–472")));
        let src = parse_source("2016, 12, 64456–472.", true);
        assert_eq!(src.volume, Some("12"));
        let src = parse_source("2016, pp. 64456–472.", true);
        assert_eq!(src.volume, None);
    }

    #[test]
    fn volume_slash_issue_rule() {
        assert_eq!(volume_slash_issue("119/45"), Some(("119", "45")));
        assert_eq!(volume_slash_issue("12.3"), Some(("12", "3")));
        assert_eq!(volume_slash_issue("2019/20"), None);
        assert_eq!(volume_slash_issue("1604-17"), None);
        assert_eq!(volume_slash_issue("45"), None);
        assert_eq!(volume_slash_issue("119 /45"), Some(("119", "45")));
        assert_eq!(spaced_slash_issue("119", " /45 (2022)"), Some(7));
        assert_eq!(spaced_slash_issue("119", " /45a"), None);
        assert_eq!(spaced_slash_issue("2019", " /20"), None);
        assert_eq!(spaced_slash_issue("119", " / 45"), None);
        assert_eq!(
            fields("119 /45 (2022) e2123528119"),
            (Some("2022"), None, Some("119"), Some("45"), Some("e2123528119"))
        );
        assert_eq!(wide_volume_slash_issue("1877/5"), Some(("1877", "5")));
        assert_eq!(wide_volume_slash_issue("635/8040"), Some(("635", "8040")));
        assert_eq!(wide_volume_slash_issue("2019/20"), None);
        assert_eq!(wide_volume_slash_issue("1998/1999"), None);
        assert_eq!(wide_volume_slash_issue("12345/6"), None);
        assert_eq!(dashed_volume_issue("119-45"), Some(("119", "45")));
        assert_eq!(dashed_volume_issue("39–1"), Some(("39", "1")));
        assert_eq!(dashed_volume_issue("2019-20"), None);
        assert_eq!(year_slash_issue("2022/11"), Some("11"));
        assert_eq!(year_slash_issue("2019/20"), None);
        assert_eq!(year_slash_issue("1998/99"), None);
        assert_eq!(year_slash_issue("2022"), None);
        assert_eq!(dashed_volume_issue("e12-e15"), None);
    }

    #[test]
    fn lettered_page_rules() {
        for yes in ["TPS2676", "ITC65", "Doc23", "LBA4"] {
            assert!(is_lettered_number(yes), "{yes}");
        }
        for no in ["e123", "S12", "2676", "TPS", "tps26", "TPSXY2676", "TPS1234567"] {
            assert!(!is_lettered_number(no), "{no}");
        }
        assert!(is_lettered_pages("TPS2676–723"));
        assert!(is_lettered_pages("ITC65-ITC80"));
        assert!(!is_lettered_pages("TPS2676-x"));
        assert!(after_volume_colon("J Clin Oncol. 2023;41:"));
        assert!(after_volume_colon("Ann Intern Med. 2021;174(7):ITC65-"));
        assert!(!after_volume_colon("BMJ "));
        assert!(!after_volume_colon("Title: "));
        assert_eq!(block("J Clin Oncol. 2023;41:TPS2676–723."), "2023;41:TPS2676–723.");
        assert_eq!(
            block("Ann Intern Med. 2021;174(7):ITC65-ITC80"),
            "2021;174(7):ITC65-ITC80"
        );
        // (no colon after a volume: a word of the journal's name)
        assert_eq!(block("BMJ372 Suppl. 2021"), "2021");
    }

    #[test]
    fn slash_date_rule() {
        assert!(is_slash_date("25/04/2013"));
        assert!(is_slash_date("4/5/1999"));
        assert!(!is_slash_date("45/4"));
        assert!(!is_slash_date("2013/04/25"));
        assert!(!is_slash_date("119/45/2"));
    }

    #[test]
    fn finds_blocks() {
        assert_eq!(block("CA Cancer J Clin 2021; 71: 209–249"), "2021; 71: 209–249");
        assert_eq!(
            block("N Engl J Med. 2020 Feb 13;382(7):610-621"),
            "2020 Feb 13;382(7):610-621"
        );
        assert_eq!(block("Hum Gene Ther. (2015) 26:498–505"), "(2015) 26:498–505");
        assert_eq!(
            block("Digestive and Liver Disease 49, no. 2 (2017): 121–137"),
            "49, no. 2 (2017): 121–137"
        );
        assert_eq!(block("J. Am. Chem. Soc. 2020, 142, 123–130"), "2020, 142, 123–130");
        assert_eq!(block("Cell Calcium;44(1): 77-91"), "44(1): 77-91");
        assert_eq!(block("Science2018;359:1350–5"), "2018;359:1350–5");
        assert_eq!(block("PLoS One. 2020;15(9):e0240519"), "2020;15(9):e0240519");
        assert_eq!(
            block("Chin J Cancer Res. 2019;33(Suppl 2):S11-2"),
            "2019;33(Suppl 2):S11-2"
        );
        assert_eq!(block("Cham: Springer; 2017. p. 12–34"), "2017. p. 12–34");
        assert_eq!(block("Nature Reviews"), "");
        assert_eq!(block("Graph (Proc IEEE VIS 2023). 2023;30:1–11"), "2023;30:1–11");
        assert_eq!(block("In Proceedings of IJCAI-95, 1088-1094"), "1088-1094");
        assert_eq!(block("Geology, v. 24, pp. 851-854"), "v. 24, pp. 851-854");
    }

    #[test]
    fn page_labels() {
        // `Page 15`: the capitalised label with its number right after it
        assert_eq!(parse_source("September 1996. Page 15", true).pages, Some("15"));
        // `S. 192` (German) with its full stop
        assert_eq!(parse_source("12 (2020), S. 192-195", true).pages, Some("192-195"));
        // `119, 45 (2022), p. e2123528119`: the number before the year is the issue
        let src = parse_source("119, 45 (2022), p. e2123528119", true);
        assert_eq!(
            (src.volume, src.issue, src.pages),
            (Some("119"), Some("45"), Some("e2123528119"))
        );
    }

    #[test]
    fn paren_rule() {
        assert_eq!(paren("(7):1").map(|r| r.1), Ok("7"));
        assert_eq!(paren("(Suppl 2)").map(|r| r.1), Ok("Suppl 2"));
        assert!(paren("()").is_err());
        assert!(paren("(7").is_err());
    }

    #[test]
    fn token_rule() {
        assert_eq!(token("610-621.").map(|r| r.1), Ok("610-621"));
        assert_eq!(token("199–206.e4 x").map(|r| r.1), Ok("199–206.e4"));
        assert_eq!(token("e0240519").map(|r| r.1), Ok("e0240519"));
        assert_eq!(token("1,655–1,664.").map(|r| r.1), Ok("1,655–1,664"));
        assert_eq!(token("142, 123").map(|r| r.1), Ok("142"));
        assert_eq!(token("43 - 102.").map(|r| r.1), Ok("43 - 102"));
        assert_eq!(token("114 –119.").map(|r| r.1), Ok("114 –119"));
        assert_eq!(token("1447– 1451.").map(|r| r.1), Ok("1447– 1451"));
        assert_eq!(token("43 - x").map(|r| r.1), Ok("43"));
        assert!(token("-1").is_err());
    }

    #[test]
    fn sep_rule() {
        assert_eq!(sep("; 71").map(|r| r.1), Ok(';'));
        assert!(sep("x").is_err());
    }

    type Five<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );

    fn fields(s: &str) -> Five<'_> {
        let src = parse_source(s, true);
        (src.year, src.month, src.volume, src.issue, src.pages)
    }

    #[test]
    fn reads_blocks() {
        assert_eq!(
            fields("2021; 71: 209–249"),
            (Some("2021"), None, Some("71"), None, Some("209–249"))
        );
        assert_eq!(
            fields("2020 Feb 13;382(7):610-621"),
            (Some("2020"), Some("Feb"), Some("382"), Some("7"), Some("610-621"))
        );
        assert_eq!(
            fields("(2015) 26:498–505"),
            (Some("2015"), None, Some("26"), None, Some("498–505"))
        );
        assert_eq!(
            fields("49, no. 2 (2017): 121–137"),
            (Some("2017"), None, Some("49"), Some("2"), Some("121–137"))
        );
        assert_eq!(
            fields("40(2), 252–269"),
            (None, None, Some("40"), Some("2"), Some("252–269"))
        );
        assert_eq!(
            fields("123, 45–67 (2020)"),
            (Some("2020"), None, Some("123"), None, Some("45–67"))
        );
        assert_eq!(
            fields("2020, 142, 123–130"),
            (Some("2020"), None, Some("142"), None, Some("123–130"))
        );
        assert_eq!(
            fields("2019;33(Suppl 2):S11-2"),
            (Some("2019"), None, Some("33"), Some("Suppl 2"), Some("S11-2"))
        );
        assert_eq!(
            fields("2022;13:757480"),
            (Some("2022"), None, Some("13"), None, Some("757480"))
        );
        assert_eq!(
            fields("2017. p. 12–34"),
            (Some("2017"), None, None, None, Some("12–34"))
        );
        assert_eq!(
            fields("2020 Jan-Feb;12(1):1-10"),
            (Some("2020"), Some("Jan-Feb"), Some("12"), Some("1"), Some("1-10"))
        );
        assert_eq!(
            fields("25, no. 1: 454"),
            (None, None, Some("25"), Some("1"), Some("454"))
        );
        // volume, issue, the bracketed year, then `,` (ACM) or `:` (Chicago, no `no.`)
        assert_eq!(
            fields("119, 45 (2022), e2123528119"),
            (Some("2022"), None, Some("119"), Some("45"), Some("e2123528119"))
        );
        assert_eq!(
            fields("119, 45 (2022): 217–28"),
            (Some("2022"), None, Some("119"), Some("45"), Some("217–28"))
        );
        // German: the volume's ordinal before `Jg.`, labels glued to their numbers
        assert_eq!(
            fields("10. Jg. (2004), Heft 4, S. 192-195"),
            (Some("2004"), None, Some("10"), Some("4"), Some("192-195"))
        );
        assert_eq!(
            fields("19.Jg. H.3, 2011, S.146-151"),
            (Some("2011"), None, Some("19"), Some("3"), Some("146-151"))
        );
        assert!(
            source_fields("10. Jg. (2004), Heft 4, S. 192-195", true).unplaced.is_empty()
        );
        assert_eq!(
            fields("H.11, Jg.8, S.eabk3327 (2022)"),
            (Some("2022"), None, Some("8"), Some("11"), Some("eabk3327"))
        );
        // French `119-45, 2022, p. …`; Italian `8 (2022) 11, …`; `8 (2022/11) …`
        assert_eq!(
            fields("39-1, 2023, p. 2231085"),
            (Some("2023"), None, Some("39"), Some("1"), Some("2231085"))
        );
        assert_eq!(
            fields("8 (2022) 11, eabk3327"),
            (Some("2022"), None, Some("8"), Some("11"), Some("eabk3327"))
        );
        assert_eq!(
            fields("119, 45 2022, S. e2123528119"),
            (Some("2022"), None, Some("119"), Some("45"), Some("e2123528119"))
        );
        assert_eq!(
            fields("8 (2022/11) eabk3327"),
            (Some("2022"), None, Some("8"), Some("11"), Some("eabk3327"))
        );
        // Spanish and Portuguese `n.º`; MHRA's `119.45` before `, p.`
        assert_eq!(
            fields("vol. 119, n.º 45, 2022, p. e2123528119"),
            (Some("2022"), None, Some("119"), Some("45"), Some("e2123528119"))
        );
        assert_eq!(
            fields("119.45, p. e2123528119"),
            (None, None, Some("119"), Some("45"), Some("e2123528119"))
        );
        // (NLM's `27.1:1–12` keeps its dot)
        assert_eq!(fields("2004;27.1:1–12").2, Some("27.1"));
    }

    #[test]
    fn leftovers_are_reported() {
        let src = parse_source("2020;77(2):213–27. e215", true);
        assert_eq!(src.pages, Some("213–27"));
        assert_eq!(src.unplaced.len(), 1);
    }
}
