//! Identifiers, links and access notes, found anywhere in a reference string.
//!
//! They are located first: the earliest one ends the bibliographic "core" (authors,
//! title, container, source block); everything after it is the tail.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1};
use nom::character::complete::{digit1, space0};
use nom::combinator::{opt, recognize, verify};
use nom::{IResult, Parser};

use crate::normalize::ident;

/// What a tail item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdKind {
    Doi,
    Pmid,
    Pmcid,
    Url,
    /// An arXiv identifier (`arXiv:1412.6980`, `arXiv:hep-th/9711200`); the value is the
    /// identifier alone.
    Arxiv,
    /// `Available from:`, `Accessed …`, `[cited …]`, `Epub …`, `Retrieved from`: placed,
    /// and the text up to the next full stop is a note.
    Note,
}

/// One identifier or marker: its kind, its whole span (label included) and the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdHit<'a> {
    pub kind: IdKind,
    pub span: std::ops::Range<usize>,
    pub value: &'a str,
}

// `doi:` | `DOI ` | `https://doi.org/` | `http://dx.doi.org/` | `doi.org/` (then spaces)
fn doi_label(i: &str) -> IResult<&str, &str> {
    recognize((
        alt((
            tag_no_case("https://doi.org/"),
            tag_no_case("http://doi.org/"),
            tag_no_case("https://dx.doi.org/"),
            tag_no_case("http://dx.doi.org/"),
            tag_no_case("doi.org/"),
            tag_no_case("doi:"),
            tag_no_case("doi "),
        )),
        space0,
    ))
    .parse(i)
}

// `PMID: 123` | `PMID 123` | `PubMed PMID: 123` | `PubMed: 123`  → the digits
fn pmid_label(i: &str) -> IResult<&str, &str> {
    let (i, _) =
        alt((tag("PubMed PMID"), tag_no_case("PMID"), tag("PubMed"))).parse(i)?;
    let (i, _) = (opt(tag(":")), space0).parse(i)?;
    digit1.parse(i)
}

// `PMCID: PMC123` | `PMCID PMC123` | `PMC123` | `pmc123` |
// `PubMed Central PMCID: PMCPmc123` (an EndNote export)  → `PMC123`
fn pmcid_label(i: &str) -> IResult<&str, &str> {
    let (i, _) = opt(tag("PubMed Central ")).parse(i)?;
    let (i, _) = opt((tag_no_case("PMCID"), opt(tag(":")), space0)).parse(i)?;
    let (i, _) = opt(nom::sequence::terminated(
        tag("PMC"),
        nom::combinator::peek(tag_no_case("pmc")),
    ))
    .parse(i)?;
    recognize((tag_no_case("PMC"), digit1)).parse(i)
}

// `arXiv:1412.6980` | `arXiv:1412.6980v2` | `arXiv: 1505.0710` | `arXiv preprint
// arXiv:1504.07295` | `arXiv:hep-th/9711200`  → the identifier
fn arxiv(i: &str) -> IResult<&str, &str> {
    let (i, _) = opt(tag_no_case("arXiv preprint ")).parse(i)?;
    let (i, _) = (tag_no_case("arXiv"), tag(":"), space0).parse(i)?;
    alt((
        recognize((
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            tag("."),
            take_while_m_n(4, 5, |c: char| c.is_ascii_digit()),
            opt((tag("v"), digit1)),
        )),
        recognize((
            take_while1(|c: char| c.is_ascii_lowercase() || c == '-'),
            opt((tag("."), take_while1(|c: char| c.is_ascii_uppercase()))),
            tag("/"),
            take_while_m_n(7, 7, |c: char| c.is_ascii_digit()),
        )),
    ))
    .parse(i)
}

// `[hep-th/9711200]` | `[astro-ph/0101234v2]` — an old-style arXiv identifier in
// brackets, without the `arXiv:` label (physics lists) → the identifier
fn old_arxiv_bracketed(i: &str) -> IResult<&str, &str> {
    let (i, _) = tag("[").parse(i)?;
    let (i, id) = recognize((
        verify(take_while1(|c: char| c.is_ascii_lowercase() || c == '-'), |a: &str| {
            matches!(
                a,
                "hep-th"
                    | "hep-ph"
                    | "hep-ex"
                    | "hep-lat"
                    | "gr-qc"
                    | "astro-ph"
                    | "cond-mat"
                    | "quant-ph"
                    | "nucl-th"
                    | "nucl-ex"
                    | "math-ph"
                    | "math"
                    | "physics"
                    | "nlin"
                    | "cs"
                    | "q-bio"
                    | "stat"
            )
        }),
        opt((tag("."), take_while1(|c: char| c.is_ascii_alphabetic() || c == '-'))),
        tag("/"),
        take_while_m_n(7, 7, |c: char| c.is_ascii_digit()),
        opt((tag("v"), digit1)),
    ))
    .parse(i)?;
    let (i, _) = tag("]").parse(i)?;
    Ok((i, id))
}

// `https://…` | `http://…` | `www.…` up to white space
fn url(i: &str) -> IResult<&str, &str> {
    recognize((
        alt((tag_no_case("https://"), tag_no_case("http://"), tag_no_case("www."))),
        take_while1(|c: char| !c.is_whitespace()),
    ))
    .parse(i)
}

// `Available from:` | `Available at:` | `Available: ` | `Accessed` | `[cited` | `Epub` |
// `Retrieved from` | `Preprint at` (Nature) …
fn note_label(i: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            tag_no_case("Available "),
            alt((tag("from"), tag("at"), tag("online at"), tag("online"))),
            opt(tag(":")),
        )),
        tag("Available: "),
        // (Harvard: `…, eabk3327, available: https://doi.org/…`)
        tag("available: "),
        tag("Accessed"),
        tag("[Accessed"),
        tag("(Accessed"),
        tag("accessed"),
        tag("Last accessed"),
        // (Czech and Slovak ISO 690 `[cit. 2023-01-05]`; ISO 690 `[viewed 5 May 2023]`;
        // NLM's extent of an article on the Internet without pages, `:[about 10 p.]`,
        // `[about 3 screens]`)
        alt((
            tag("[cited"),
            tag("[Cited"),
            tag("[cit."),
            tag("[viewed"),
            tag("[about "),
            // (NLM: `2020 [updated 2021 Mar 3; cited 2023 Jan 5]`)
            tag("[updated "),
        )),
        tag("Cited"),
        tag("Epub"),
        tag("[Epub"),
        tag("Retrieved from"),
        tag("URL:"),
        tag("ISBN"),
        tag("Retrieved"),
        tag("ePub"),
        tag("Preprint at"),
        // PubMed's links to related citations: `Erratum in: J. 2023;9:10.`
        linked_label,
        // Czech and Slovak ISO 690, Spanish, Portuguese, German `Available from:`
        alt((
            tag("Dostupné na:"),
            tag("Dostupné z:"),
            tag("Disponible en:"),
            tag("Disponível em:"),
            tag("Verfügbar unter:"),
        )),
    ))
    .parse(i)
}

/// The labels PubMed prints before a related citation (a correction, a comment, a
/// retraction, an update), after the reference's own identifiers or before them.
const LINKED_LABELS: &[&str] = &[
    "Erratum in:",
    "Erratum for:",
    "Comment in:",
    "Comment on:",
    "Retraction in:",
    "Retraction of:",
    "Update in:",
    "Update of:",
    "Republished in:",
    "Republished from:",
    "Corrected and republished in:",
    "Corrected and republished from:",
    "Expression of concern in:",
];

// `Erratum in:` | `Comment in:` | `Comment on:` | `Retraction in:` | `Update of:` | …
fn linked_label(i: &str) -> IResult<&str, &str> {
    match LINKED_LABELS.iter().find(|l| i.starts_with(*l)) {
        Some(l) => Ok((
            i.get(l.len()..).unwrap_or_default(),
            i.get(..l.len()).unwrap_or_default(),
        )),
        None => {
            Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))
        }
    }
}

/// True when `label` is one of [`LINKED_LABELS`].
pub(crate) fn is_linked_label(label: &str) -> bool {
    LINKED_LABELS.iter().any(|l| label.starts_with(l))
}

/// The length of the related citation after a linked label: up to the full stop before
/// the next identifier or label (`. PMID: 1`, `. doi: …`, `. Comment in: …`) or the
/// end of the string.
fn linked_body_len(r: &str) -> usize {
    let b = r.as_bytes();
    for i in memchr::memchr_iter(b'.', b) {
        let Some(next) = r.get(i + 1..).and_then(|t| t.strip_prefix(' ')) else {
            continue;
        };
        if ["PMID", "PMCID", "doi", "DOI", "Epub", "Free PMC", "Available"]
            .iter()
            .any(|l| next.starts_with(l))
            || is_linked_label(next)
        {
            return i + 1;
        }
    }
    r.len()
}

/// The length of a link that a scrape's line wrap broke at a space, from `u`, its
/// first piece, at the start of `rest`:
/// `http://www. boston.com/business/…`, `https://www.cia.gov/ library/publications/…`,
/// `http://etext.lib.virginia.edu /subjects/afam.html`. A piece joins when the link
/// ends in `/` or `.` (or the piece opens with `/`), and the piece is a run of
/// lower-case path text with a `/` in it: `/ Accessed 2020`, `. pdf` and a second link
/// stay apart.
fn wrapped_url_len(rest: &str, u: &str) -> usize {
    let mut len = u.len();
    // (a link is not broken more than three times)
    for _ in 0..3 {
        let (Some(head), Some(tail)) = (rest.get(..len), rest.get(len..)) else {
            break;
        };
        let Some(piece) = tail.strip_prefix(' ') else { break };
        let piece = piece.split(char::is_whitespace).next().unwrap_or_default();
        let opens_path = piece.starts_with('/') && piece.len() > 1;
        let joins = (head.ends_with('/') || head.ends_with('.')) && !head.ends_with("..")
            || opens_path;
        let lower = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'/';
        let looks_path = piece.bytes().next().is_some_and(lower)
            && piece.get(1..).is_some_and(|p| p.contains('/'))
            && !piece.starts_with("http")
            && !piece.starts_with("www.")
            && !piece.starts_with("doi")
            && !piece.starts_with("10.");
        // (`…/Qualified-Infectious-Disease- Product-Designation-….pdf`: a break after a
        // hyphen, the piece in any case, with a hyphen, a `/` or a file's extension)
        let hyphen_break = head.ends_with('-')
            && piece.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
            && (piece.contains('-') || piece.contains('/') || has_extension(piece));
        if !(joins && looks_path || hyphen_break) {
            break;
        }
        len += 1 + piece.len();
    }
    len
}

/// Whether a link's piece ends in a file's extension (`….pdf`, `….html.`).
fn has_extension(piece: &str) -> bool {
    let t = piece.trim_end_matches(['.', ',', ';', ')', '>']);
    t.rsplit_once('.').is_some_and(|(_, ext)| {
        matches!(
            ext.to_ascii_lowercase().as_str(),
            "pdf" | "htm" | "html" | "aspx" | "php" | "asp" | "xml"
        )
    })
}

/// Trim a URL's trailing punctuation and an unbalanced closing bracket.
fn url_end(u: &str) -> usize {
    let mut t = u.trim_end_matches(['.', ',', ';', ':', '\'', '"', '”']);
    while t.ends_with(')') && t.matches(')').count() > t.matches('(').count() {
        t = t.get(..t.len() - 1).unwrap_or_default();
    }
    while t.ends_with(']') && t.matches(']').count() > t.matches('[').count() {
        t = t.get(..t.len() - 1).unwrap_or_default();
    }
    t.len()
}

fn is_word_start(s: &str, at: usize) -> bool {
    let sep = |c: char| {
        c.is_whitespace() || matches!(c, '(' | '[' | ',' | ';' | '.' | ':' | '<')
    };
    // (an ASCII byte before `at` is the character before it: no decoding)
    match at.checked_sub(1).map(|i| s.as_bytes().get(i)) {
        None => true,
        Some(Some(&b)) if b.is_ascii() => sep(char::from(b)),
        Some(_) => s.get(..at).and_then(|p| p.chars().next_back()).is_some_and(sep),
    }
}

/// [`BYTE_CLASS`] bit of the bytes that can open an identifier, link or note (see
/// [`may_open_id`]; the labels it matches case-sensitively, `Cited`, `Retrieved`,
/// `URL:`, `ISBN`, `Last accessed` and `Verfügbar unter:`, open with a capital only).
const OPENER: u8 = 1;
/// [`BYTE_CLASS`] bit of the bytes after which a word may start: the ASCII separators
/// of [`is_word_start`], and every byte of a non-ASCII character (whose char
/// [`is_word_start`] decodes).
const BEFORE_WORD: u8 = 2;

/// The [`OPENER`] and [`BEFORE_WORD`] bits of each byte.
const BYTE_CLASS: [u8; 256] = {
    let set = b"1dDhHwWpPaAeERUILCV[(";
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < set.len() {
        t[set[i] as usize] |= OPENER;
        i += 1;
    }
    // (the ASCII white space is 9 to 13 and the space)
    let seps = b"\t\n\x0b\x0c\r ([,;.:<";
    let mut i = 0;
    while i < seps.len() {
        t[seps[i] as usize] |= BEFORE_WORD;
        i += 1;
    }
    let mut b = 0x80;
    while b < 256 {
        t[b] |= BEFORE_WORD;
        b += 1;
    }
    t
};

/// The first position from `from` on of an opener byte that may be at a word start:
/// every opener at a word start is found (the exact test is [`is_word_start`]), and
/// most openers, inside words, are passed over in the same byte pass.
fn next_opener(bytes: &[u8], from: usize) -> Option<usize> {
    let class = |b: u8| BYTE_CLASS[usize::from(b)];
    let mut before_word = match from.checked_sub(1) {
        None => true,
        Some(i) => bytes.get(i).is_some_and(|&b| class(b) & BEFORE_WORD != 0),
    };
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        let c = class(b);
        if before_word && c & OPENER != 0 {
            return Some(i);
        }
        before_word = c & BEFORE_WORD != 0;
    }
    None
}

/// True when `rest` opens with the first letters of some rule tried by `id_at`: a
/// cheap byte-level filter, so the nom rules run only where one can match. Every
/// label, link and bare DOI starts with one of these (any case where the rule is
/// case-blind): `10.`, `doi`, `http`, `www.`, `pm` / `PubMed`, `avail` / `access`,
/// `epub`, `Retrieved`, `URL:`, `ISBN`, `Last accessed`, `Cited`, `Dostupné`,
/// `Dispon`, `Verfügbar`, PubMed's links (`Erratum`, `Expression of`, `Comment`,
/// `Corrected`, `Retraction`, `Republished`, `Update`), `[cited` / `[cit.` /
/// `[viewed` / `[about ` / `[updated ` / `[Accessed` / `[Epub`, an old arXiv archive
/// (`[hep-th/…`), `(Accessed`.
fn may_open_id(rest: &[u8]) -> bool {
    let ci = |p: &[u8]| rest.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    match rest.first() {
        Some(b'1') => rest.starts_with(b"10."),
        Some(b'd' | b'D') => {
            ci(b"doi")
                || rest.starts_with("Dostupné".as_bytes())
                || rest.starts_with(b"Dispon")
        }
        Some(b'V') => rest.starts_with("Verfügbar".as_bytes()),
        Some(b'h' | b'H') => ci(b"http"),
        Some(b'w' | b'W') => ci(b"www."),
        Some(b'p' | b'P') => {
            ci(b"pm") || rest.starts_with(b"PubMed") || rest.starts_with(b"Preprint at")
        }
        Some(b'a' | b'A') => ci(b"avail") || ci(b"access") || ci(b"arxiv"),
        Some(b'e' | b'E') => {
            ci(b"epub")
                || rest.starts_with(b"Erratum")
                || rest.starts_with(b"Expression of")
        }
        Some(b'r' | b'R') => {
            rest.starts_with(b"Retrieved")
                || rest.starts_with(b"Retraction")
                || rest.starts_with(b"Republished")
        }
        Some(b'u' | b'U') => rest.starts_with(b"URL:") || rest.starts_with(b"Update"),
        Some(b'i' | b'I') => rest.starts_with(b"ISBN"),
        Some(b'l' | b'L') => rest.starts_with(b"Last accessed"),
        Some(b'c' | b'C') => {
            rest.starts_with(b"Cited")
                || rest.starts_with(b"Comment")
                || rest.starts_with(b"Corrected")
        }
        Some(b'[') => {
            ci(b"[cited")
                || rest.starts_with(b"[cit.")
                || rest.starts_with(b"[viewed")
                || rest.starts_with(b"[about ")
                || rest.starts_with(b"[updated ")
                || rest.starts_with(b"[Accessed")
                || rest.starts_with(b"[Epub")
                || ci(b"[arxiv")
                // (`[hep-th/9711200]`: an old-style arXiv identifier's archive)
                || rest.get(1).is_some_and(|b| matches!(b, b'a' | b'c' | b'g' | b'h' | b'm' | b'n' | b'p' | b'q' | b's'))
        }
        Some(b'(') => rest.starts_with(b"(Accessed"),
        _ => false,
    }
}

/// The DOI inside a link's path (`https://www.biorxiv.org/content/10.1101/730903v1` →
/// `10.1101/730903v1`), if the path holds a valid one.
fn doi_in_link(link: &str) -> Option<&str> {
    let d = crate::bytes::find(link.as_bytes(), b"/10.")?;
    let cand = link.get(d + 1..)?;
    ident::valid_doi(&cand.to_lowercase()).then_some(cand)
}

/// Every identifier, link and access note in `s`, in order. Linear: one byte pass
/// jumps between bytes that can open a label (all ASCII, so always at a character
/// boundary); only there, at a word start, are the rules tried, and each hit skips
/// past itself.
pub(crate) fn find_ids(s: &str) -> Vec<IdHit<'_>> {
    let bytes = s.as_bytes();
    let mut hits = Vec::new();
    let mut at = 0;
    while let Some(p) = next_opener(bytes, at) {
        at = p + 1;
        if !is_word_start(s, p) || !may_open_id(bytes.get(p..).unwrap_or_default()) {
            continue;
        }
        if let Some(hit) = id_at(s, p) {
            at = hit.span.end.max(p + 1);
            hits.push(hit);
        }
    }
    hits
}

fn id_at(s: &str, at: usize) -> Option<IdHit<'_>> {
    let rest = s.get(at..)?;
    // every label starts with one of these: skip other words without trying the rules
    let first = rest.bytes().next()?.to_ascii_lowercase();
    if !matches!(
        first,
        b'1' | b'd'
            | b'h'
            | b'w'
            | b'p'
            | b'a'
            | b'e'
            | b'r'
            | b'u'
            | b'i'
            | b'l'
            | b'c'
            | b'['
            | b'('
    ) {
        return None;
    }
    // a labelled or bare DOI
    let doi_like = matches!(first, b'1' | b'd' | b'h');
    let (after_label, label_len) = match doi_label(rest).ok().filter(|_| doi_like) {
        Some((r, l)) => (r, l.len()),
        None => (rest, 0),
    };
    let registrant =
        after_label.get(3..).map(str::as_bytes).and_then(ident::doi_registrant_len);
    if after_label.starts_with("10.") && registrant.is_some() {
        let end = ident::doi_end(after_label);
        let value = after_label.get(..end)?;
        if ident::valid_doi(&value.to_lowercase()) {
            return Some(IdHit {
                kind: IdKind::Doi,
                span: at..at + label_len + end,
                value,
            });
        }
    }
    if first == b'1' {
        return None;
    }
    if matches!(first, b'h' | b'w')
        && let Ok((_, u)) = url(rest)
    {
        let u = rest.get(..wrapped_url_len(rest, u)).unwrap_or(u);
        let end = url_end(u);
        let value = u.get(..end)?;
        // a DOI inside a link (`https://www.healthaffairs.org/do/10.1377/…`): the DOI
        // (the caller keeps the link too)
        if let Some(cand) = doi_in_link(value) {
            return Some(IdHit { kind: IdKind::Doi, span: at..at + end, value: cand });
        }
        return Some(IdHit { kind: IdKind::Url, span: at..at + end, value });
    }
    // `arXiv:…`, and `[arXiv:0903.0619 [hep-th]]` with its brackets
    let bracketed = rest.strip_prefix('[');
    if matches!(first, b'a' | b'[')
        && let Ok((r, id)) = arxiv(bracketed.unwrap_or(rest))
    {
        let mut end = rest.len() - r.len();
        // a category after it: ` [cond-mat, physics:physics]` / `[hep-th]`
        let after = rest.get(end..).unwrap_or_default();
        let cat = after.trim_start();
        if cat.starts_with('[')
            && let Some(close) = cat.find(']')
            && close < 80
        {
            end += after.len() - cat.len() + close + 1;
        }
        if bracketed.is_some() && rest.get(end..).is_some_and(|t| t.starts_with(']')) {
            end += 1;
        }
        return Some(IdHit { kind: IdKind::Arxiv, span: at..at + end, value: id });
    }
    if first == b'['
        && let Ok((r, id)) = old_arxiv_bracketed(rest)
    {
        let end = rest.len() - r.len();
        return Some(IdHit { kind: IdKind::Arxiv, span: at..at + end, value: id });
    }
    if first == b'p'
        && let Ok((r, digits)) = pmid_label(rest)
    {
        let end = rest.len() - r.len();
        return Some(IdHit { kind: IdKind::Pmid, span: at..at + end, value: digits });
    }
    if first == b'p'
        && let Ok((r, id)) = pmcid_label(rest)
    {
        let end = rest.len() - r.len();
        return Some(IdHit { kind: IdKind::Pmcid, span: at..at + end, value: id });
    }
    if let Ok((r, label)) = note_label(rest) {
        let body_start = rest.len() - r.len();
        // `Erratum in: Coast Res. 2023;9(1):10.`: the related citation is the note
        // (only after a full stop and as PubMed prints it, a citation with `Year…;`:
        // `Comment on: "Title", by …` opening a title is the title)
        if is_linked_label(label) {
            let body = r.get(..linked_body_len(r)).unwrap_or_default();
            if !s.get(..at).is_some_and(|b| b.ends_with(". "))
                || !super::has_nlm_date(body)
            {
                return None;
            }
            let value = rest.get(..body_start + body.len())?.trim_end();
            return Some(IdHit { kind: IdKind::Note, span: at..at + value.len(), value });
        }
        // `Available from:` / `Retrieved from`: the link after it is its own item
        if label.starts_with("Available")
            || label == "Retrieved from"
            || label == "URL:"
            || label.ends_with(':') && !label.starts_with('[')
        {
            return Some(IdHit {
                kind: IdKind::Note,
                span: at..at + body_start,
                value: label,
            });
        }
        // the note runs to the next `]`, `)` or full stop (a date such as `2020 Apr 22`)
        let mut end = body_start;
        let bytes = r.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b == b']' || b == b')' {
                i += 1;
                break;
            }
            if b == b'.' && bytes.get(i + 1).is_none_or(|c| *c == b' ') {
                break;
            }
            if r.get(i..).is_some_and(|t| t.starts_with("http") || t.starts_with("www."))
            {
                break;
            }
            i += 1;
        }
        end += i;
        let value = rest.get(..end)?.trim_end();
        return Some(IdHit { kind: IdKind::Note, span: at..at + value.len(), value });
    }
    // a DOI glued after a page or a full stop: `3240.10.1038/…`
    None
}

/// A DOI that starts inside a word (`3240.10.1038/x`, `2019;10.1000/x`): its span.
pub(crate) fn find_glued_doi(s: &str) -> Option<IdHit<'_>> {
    let start = ident::find_doi_start(s)?;
    let rest = s.get(start..)?;
    let end = ident::doi_end(rest);
    let value = rest.get(..end)?;
    ident::valid_doi(&value.to_lowercase()).then(|| IdHit {
        kind: IdKind::Doi,
        span: start..start + end,
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_label_rule() {
        assert!(doi_label("doi: 10.1/x").is_ok());
        assert!(doi_label("DOI 10.1/x").is_ok());
        assert!(doi_label("https://doi.org/10.1/x").is_ok());
        assert!(doi_label("http://dx.doi.org/10.1/x").is_ok());
        assert!(doi_label("dolor").is_err());
    }

    #[test]
    fn pmid_label_rule() {
        assert_eq!(pmid_label("PMID: 32035533.").map(|r| r.1), Ok("32035533"));
        assert_eq!(pmid_label("PubMed PMID: 1").map(|r| r.1), Ok("1"));
        assert_eq!(pmid_label("PubMed: 18178248").map(|r| r.1), Ok("18178248"));
        assert!(pmid_label("PMID: x").is_err());
        assert!(pmid_label("PubMed").is_err());
    }

    #[test]
    fn old_arxiv_bracketed_rule() {
        assert_eq!(
            old_arxiv_bracketed("[hep-th/9711200].").map(|r| r.1),
            Ok("hep-th/9711200")
        );
        assert_eq!(
            old_arxiv_bracketed("[math.AG/0211159v2]").map(|r| r.1),
            Ok("math.AG/0211159v2")
        );
        assert!(old_arxiv_bracketed("[in Chinese]").is_err());
        assert!(old_arxiv_bracketed("[hep-th]").is_err());
    }

    #[test]
    fn arxiv_rule() {
        assert_eq!(arxiv("arXiv:1412.6980 (2014)").map(|r| r.1), Ok("1412.6980"));
        assert_eq!(arxiv("arXiv:1412.6980v2").map(|r| r.1), Ok("1412.6980v2"));
        assert_eq!(
            arxiv("arXiv preprint arXiv:1504.07295,").map(|r| r.1),
            Ok("1504.07295")
        );
        assert_eq!(arxiv("arXiv: 1505.0710.").map(|r| r.1), Ok("1505.0710"));
        assert_eq!(arxiv("arXiv:hep-th/9711200]").map(|r| r.1), Ok("hep-th/9711200"));
        assert!(arxiv("arXiv").is_err());
        assert!(arxiv("arXiv:12").is_err());
        let hits = find_ids("JHEP 0912, 031 (2009) [arXiv:0903.0619 [hep-th]].");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].value, "0903.0619");
        assert_eq!(hits[0].span.end, 48);
    }

    #[test]
    fn pmcid_label_rule() {
        assert_eq!(pmcid_label("PMCID: PMC7138017").map(|r| r.1), Ok("PMC7138017"));
        assert_eq!(pmcid_label("pmc7138017;").map(|r| r.1), Ok("pmc7138017"));
        assert!(pmcid_label("PMCID: 12").is_err());
        assert_eq!(
            pmcid_label("PubMed Central PMCID: PMCPmc3555860.").map(|r| r.1),
            Ok("Pmc3555860")
        );
    }

    #[test]
    fn url_rule() {
        assert_eq!(
            url("https://www.who.int/x. Accessed").map(|r| r.1),
            Ok("https://www.who.int/x.")
        );
        assert!(url("http").is_err());
        fn joined(s: &str) -> &str {
            &s[..wrapped_url_len(s, url(s).unwrap().1)]
        }
        assert_eq!(
            joined("http://www. boston.com/a/b. Accessed"),
            "http://www. boston.com/a/b."
        );
        assert_eq!(
            joined("https://x.gov/ library/p.html x"),
            "https://x.gov/ library/p.html"
        );
        assert_eq!(
            joined("http://x.edu /subjects/a.html>."),
            "http://x.edu /subjects/a.html>."
        );
        assert_eq!(joined("https://x.org/ Accessed 2020"), "https://x.org/");
        assert_eq!(joined("https://x.org/a. pdf"), "https://x.org/a.");
        assert_eq!(joined("https://x.org/ http://y.org/a"), "https://x.org/");
        assert_eq!(joined("https://x.org/a 2020/21"), "https://x.org/a");
        assert_eq!(
            joined("https://x.gov/f/ d/p/Q-Disease- Product-Q.pdf. x"),
            "https://x.gov/f/ d/p/Q-Disease- Product-Q.pdf."
        );
        assert_eq!(joined("https://x.gov/f- Accessed 2020"), "https://x.gov/f-");
        assert_eq!(url_end("https://x.org/a_(b))."), "https://x.org/a_(b)".len());
    }

    #[test]
    fn note_label_rule() {
        assert!(note_label("Available from: https://x").is_ok());
        assert!(note_label("[cited 2020 Apr 22]").is_ok());
        assert!(note_label("Epub 2012 Jan 18.").is_ok());
        assert!(note_label("Availability").is_err());
        assert!(note_label("Dostupné na: doi:10.1/x").is_ok());
        assert!(note_label("Disponible en: https://x").is_ok());
        assert!(note_label("[cit. 2023-01-05]").is_ok());
        assert!(note_label("[viewed 5 May 2023]").is_ok());
        assert!(note_label("[about 10 p.]").is_ok());
        assert!(note_label("[abstract]").is_err());
        assert!(note_label("[updated 2021 Mar 3; cited 2023 Jan 5]").is_ok());
        assert!(note_label("Erratum in: J. 2023;9:10.").is_ok());
        // (the bracketed note runs to its `]`, past the `p.`)
        let s = "Coast Res. 2022;119(45):[about 10 p.]. Available from: x";
        let note =
            find_ids(s).into_iter().find(|h| h.kind == IdKind::Note).expect("note");
        assert_eq!(note.value, "[about 10 p.]");
    }

    #[test]
    fn linked_citation_rule() {
        let s = "J. 2022;8:1-9. doi: 10.1/x. Erratum in: J. 2023;9(1):10. \
                 Comment in: J. 2023;9:11-2. PMID: 123.";
        let notes: Vec<&str> = find_ids(s)
            .into_iter()
            .filter(|h| h.kind == IdKind::Note)
            .map(|h| h.value)
            .collect();
        assert_eq!(
            notes,
            ["Erratum in: J. 2023;9(1):10.", "Comment in: J. 2023;9:11-2."]
        );
        assert!(find_ids(s).iter().any(|h| h.kind == IdKind::Pmid));
        // (a title that opens with `Comment on:` is no link: not after a full stop, or
        // no NLM date after it)
        for s in [
            "Renne P, Claeys P, Comment on: \"K-Ar evidence\", by I. Uysal. EPSL 201 (2002).",
            "Lind M. Comment on: salt marshes. Coast Res 8 (2022) 1-9.",
        ] {
            assert!(find_ids(s).iter().all(|h| h.kind != IdKind::Note), "{s}");
        }
        assert_eq!(linked_body_len("J. 2023;9:10"), "J. 2023;9:10".len());
        assert!(super::super::has_nlm_date(" N Engl J Med. 2020 Jan 2;382(1):e1."));
        assert!(!super::super::has_nlm_date(" \"K-Ar evidence\"; by Uysal"));
    }

    #[test]
    fn may_open_id_rule() {
        for yes in [
            "10.1/x",
            "DOI: 10",
            "doi.org/",
            "HTTPS://",
            "www.x",
            "PMID",
            "pmc1",
            "PubMed",
            "Available",
            "accessed",
            "ePub",
            "Retrieved",
            "URL:",
            "ISBN",
            "Last accessed",
            "Cited",
            "[cited",
            "[Cited",
            "[cit. 2023",
            "[viewed 5",
            "[about 10 p.]",
            "[updated 2021",
            "Erratum in:",
            "Comment on:",
            "Retraction in:",
            "Update of:",
            "Corrected and republished in:",
            "Expression of concern in:",
            "[Accessed",
            "[Epub",
            "(Accessed",
            "Preprint at",
            "Dostupné na:",
            "Disponible en:",
            "Verfügbar unter:",
        ] {
            assert!(may_open_id(yes.as_bytes()), "{yes}");
            // no byte left out of the openers opens a label
            for b in 0..=255u8 {
                if BYTE_CLASS[usize::from(b)] & OPENER == 0 {
                    let mut other = yes.as_bytes().to_vec();
                    other[0] = b;
                    assert!(!may_open_id(&other), "{b:#x} {yes}");
                }
            }
        }
        for no in [
            "1.5", "dolor", "hat", "west", "page", "apple", "ears", "rate", "urn", "iso",
            "last", "cat", "[12]", "(2004)", "", "é",
        ] {
            assert!(!may_open_id(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn byte_classes_agree_with_the_word_start_rule() {
        for b in 0..=0x7fu8 {
            let s = format!("{}d", char::from(b));
            let before = BYTE_CLASS[usize::from(b)] & BEFORE_WORD != 0;
            assert_eq!(before, is_word_start(&s, 1), "{b:#x}");
        }
        for s in ["éd", "\u{a0}d", "\u{2003}d", "’d"] {
            assert_eq!(next_opener(s.as_bytes(), 0), Some(s.len() - 1), "{s:?}");
        }
        assert_eq!(next_opener(b"xd d", 0), Some(3));
        assert_eq!(next_opener(b"xd d", 2), Some(3));
        assert_eq!(next_opener(b"d d", 1), Some(2));
        assert_eq!(next_opener(b"xd", 0), None);
    }

    #[test]
    fn ids_only_at_word_starts() {
        assert!(find_ids("xdoi aPMID: 12 bhttps://x.org").is_empty());
        let hits = find_ids("é PMID: 12 ünd (Accessed 2020 May 1)");
        let kinds: Vec<IdKind> = hits.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [IdKind::Pmid, IdKind::Note]);
    }

    #[test]
    fn finds_every_id_in_order() {
        let s = "Title. J. 2020;1:2. doi: 10.1056/NEJMoa2001017. PMID: 32035533; PMCID: PMC7138017. Epub 2020 Jan 29.";
        let hits = find_ids(s);
        let kinds: Vec<IdKind> = hits.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [IdKind::Doi, IdKind::Pmid, IdKind::Pmcid, IdKind::Note]);
        assert_eq!(hits[0].value, "10.1056/NEJMoa2001017");
        assert_eq!(s.get(hits[3].span.clone()), Some("Epub 2020 Jan 29"));
    }

    #[test]
    fn glued_doi() {
        let s = "Nature Communications 11: 3240.10.1038/s41467-020-17062-2";
        let hit = find_glued_doi(s).unwrap();
        assert_eq!(hit.value, "10.1038/s41467-020-17062-2");
        assert_eq!(find_glued_doi("no doi here 10.12/x"), None);
    }
}
