//! Parse: a reference string → borrowed `Fields` (nom rules and scanners), then
//! normalised into a [`Reference`].
//!
//! The order is what makes it work across styles (Vancouver/NLM, PLOS, AMA, APA,
//! Chicago, Harvard, Nature, ACS, Frontiers, books, chapters, web pages):
//!
//! 1. clean: white space folded, no space before `, . ; :`, a leading `[12]`/`12.` label
//!    placed aside;
//! 2. identifiers, links and access notes anywhere (`ids`); the first one ends the
//!    "core";
//! 3. the author list at the front (`authors`), then a year right after it
//!    (author-date styles);
//! 4. the source block at the end of the core (`source`): date, volume, issue, pages;
//! 5. between them, title and container (quoted title, `In:` chapters, `Place:
//!    Publisher`).
//!
//! Every stage only scans forward or backward once, so the work is linear in the input.
//! What a whole list decides (a `———` for the authors above) is [`settle_list`].

mod authors;
mod fast;
mod ids;
mod list;
mod nlm;
mod source;

pub use list::settle_list;

use std::borrow::Cow;
use std::ops::Range;

use crate::model::{Date, Name, RefType, Reference, Status};
use crate::normalize::{author, date, ident, journal, pages};
use ids::IdKind;

/// A reference split into fields: verbatim slices of the cleaned text, typed by role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Fields<'a> {
    authors: Vec<&'a str>,
    et_al: bool,
    editors: Vec<&'a str>,
    authors_are_editors: bool,
    title: Option<&'a str>,
    container: Option<&'a str>,
    year: Option<&'a str>,
    month: Option<&'a str>,
    day: Option<&'a str>,
    volume: Option<&'a str>,
    issue: Option<&'a str>,
    pages: Option<&'a str>,
    doi: Option<&'a str>,
    pmid: Option<&'a str>,
    pmcid: Option<&'a str>,
    arxiv: Option<&'a str>,
    /// The arXiv subject classes printed after the identifier (`cond-mat,
    /// physics:quant-ph`).
    arxiv_classes: Option<&'a str>,
    url: Option<&'a str>,
    isbn: Option<&'a str>,
    publisher: Option<&'a str>,
    place: Option<&'a str>,
    edition: Option<&'a str>,
    notes: Vec<&'a str>,
    kind: Option<RefType>,
    /// The author list ended with a comma (`A. Smith and B. Jones, Title, Journal`):
    /// fields are separated by commas.
    comma_style: bool,
    /// The source block opens with its year (`2024, 23, 131`, ACS and RSC), the
    /// styles that print the journal without the article's title.
    year_first_source: bool,
    /// PubMed's journal-only citation: the one sentence is the journal.
    journal_only: bool,
    /// The source block closes with its year in brackets (`76, 167 (1995)`, APS and
    /// Nature).
    year_last_source: bool,
    /// The source block opens with `v. ` (USGS, GSA: `Title: Journal, v. 412, p. 785`).
    volume_label_source: bool,
    /// Byte ranges of the cleaned text that were placed in a field or understood as
    /// punctuation between fields.
    placed: Vec<Range<usize>>,
}

impl Fields<'_> {
    /// The container was read with no volume, issue, pages or publisher: it may be a
    /// book's publisher or place rather than a journal.
    fn container_alone(&self) -> bool {
        self.volume.is_none()
            && self.issue.is_none()
            && self.pages.is_none()
            && self.publisher.is_none()
    }
}

/// Parse one reference string into a normalised [`Reference`].
///
/// Never fails: what is not understood stays in `raw` and the status says so
/// (`Partial` with a warning naming the unplaced text, or `Raw`).
///
/// ```
/// let r = pubrefs::parse_reference(
///     "Sung H, Ferlay J, Siegel RL, et al.. Global Cancer Statistics 2020. \
///      CA Cancer J Clin 2021; 71: 209–249.",
/// );
/// assert_eq!(r.authors.len(), 3);
/// assert!(r.et_al);
/// assert_eq!(r.container.as_deref(), Some("CA Cancer J Clin"));
/// assert_eq!(r.volume.as_deref(), Some("71"));
/// ```
pub fn parse_reference(text: &str) -> Reference {
    parse_reference_with(text, true)
}

/// [`parse_reference`], with the fast path for NLM journal articles ([`fast`]) or
/// without it (the differential test compares the two).
fn parse_reference_with(text: &str, fast_path: bool) -> Reference {
    // PubMed's efetch XML writes absent pages as `null`: `2017 Aug 17;5(33):null`
    let body = text.trim_end();
    let body = body.strip_suffix("null").filter(|b| b.ends_with(':')).unwrap_or(body);
    // `Le\u{301}on` (decomposed accents, as PDF text gives them) → `Léon`
    let composed = compose(body);
    let composed = decode_char_refs(&composed);
    let untagged = strip_inline_tags(&composed);
    let untagged = strip_emphasis(&untagged);
    let cleaned = clean(&untagged);
    let cleaned = move_date_note(&cleaned);
    let cleaned = online_sentence(&cleaned);
    let cleaned = imprint_placeholders(&cleaned);
    let cleaned = commaless_names(&cleaned);
    let fields = split_fields(&cleaned, fast_path);
    let mut r = normalize_fields(&fields);
    r.raw = text.to_owned();
    let unplaced = unplaced_text(&cleaned, &fields.placed);
    // (a journal with its volume, pages or date is found too: PubMed's journal-only
    // citations, `J Biol Chem. 2019 Feb 1;294(5):1516-1528`, `Cancer Med. 2018 May 23`)
    let found = r.title.is_some()
        || !r.authors.is_empty()
        || r.doi.is_some()
        || r.pmid.is_some()
        || r.container.is_some()
            && (r.volume.is_some() || r.pages.is_some() || r.date.is_some());
    r.status = if !found {
        Status::Raw
    } else if unplaced.is_empty() {
        Status::Parsed
    } else {
        r.warnings
            .push(format!("text not placed in any field: {}", unplaced.join(" | ")));
        Status::Partial
    };
    r
}

/// `text` with its combining accents composed (NFC) when it has any in U+0300–U+036F
/// (`Le\u{301}on Bottou` → `Léon Bottou`): the name and word tests see one letter.
fn compose(text: &str) -> Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    // (the two lead bytes of U+0300–U+037F; the test is exact below)
    let b = text.as_bytes();
    let has_mark = memchr::memchr2(0xCC, 0xCD, b).is_some()
        && text.chars().any(unicode_normalization::char::is_combining_mark);
    if has_mark { Cow::Owned(text.nfc().collect()) } else { Cow::Borrowed(text) }
}

/// `&#8211;` → `–`, `&#x2013;` → `–`, `&amp;` → `&`: character references left in the
/// text (a page escaped twice; CSL styles that print `&#10;`). A reference to a
/// control character is a space; unknown names stay as they are.
fn decode_char_refs(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(i) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(rest.get(..i).unwrap_or_default());
        let tail = rest.get(i..).unwrap_or_default();
        match char_ref(tail) {
            Some((c, len)) => {
                out.push(if c.is_control() { ' ' } else { c });
                rest = tail.get(len..).unwrap_or_default();
                changed = true;
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    if changed { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

/// The character that the reference at the start of `s` stands for (`&#8211;`,
/// `&#x2013;`, `&amp;`, `&nbsp;`), and the reference's length.
fn char_ref(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let end = memchr::memchr(b';', b.get(..b.len().min(10)).unwrap_or(b))?;
    let body = s.get(1..end)?;
    let c = if let Some(num) = body.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (h, 16),
            None => (num, 10),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        char::from_u32(u32::from_str_radix(digits, radix).ok()?)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "ndash" => '–',
            "mdash" => '—',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// The words that open a bracketed date of citation, access or update, those the
/// identifier scan places as a note where they land: `[cited 2023 Jan 5]` (NLM),
/// `[updated 2021 Mar 3; cited 2023 Jan 5]`, `[cit. 2023-01-05]` (Czech and Slovak ISO
/// 690), `[accessed 5 January 2023]`, `[viewed 5 January 2023]` (ISO 690).
const DATE_NOTE_WORDS: &[&str] =
    &["cited ", "Cited ", "cit. ", "updated ", "accessed ", "Accessed ", "viewed "];

/// A bracketed date of citation inside the source block moved to the end:
/// `Sci Adv [Internet]. 2022 [cited 2023 Jan 5];8(11):eabk3327.` (NLM's journal article
/// on the Internet) → `Sci Adv [Internet]. 2022;8(11):eabk3327. [cited 2023 Jan 5]`.
/// The note is kept (it is placed as a note at the end); only where a `;`, `,` or `:`
/// and the volume follow it, so the date and the volume meet again. Elsewhere (`2020
/// [cited 2023 Jan 5]. Available from:`) the note stays where it is and ends the core.
fn move_date_note(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    for open in memchr::memchr_iter(b'[', b) {
        let Some(inner) = text.get(open + 1..) else { continue };
        if !DATE_NOTE_WORDS.iter().any(|w| inner.starts_with(w)) {
            continue;
        }
        // (a date: a year inside, and the bracket closed soon)
        let Some(close) = memchr::memchr(b']', inner.as_bytes()).filter(|&c| c < 80)
        else {
            continue;
        };
        let note = inner.get(..close).unwrap_or_default();
        let has_year = note.split(|c: char| !c.is_ascii_digit()).any(|run| {
            run.len() == 4 && (run.starts_with("19") || run.starts_with("20"))
        });
        if !has_year {
            continue;
        }
        let after = inner.get(close + 1..).unwrap_or_default();
        let continues = after.strip_prefix([';', ',', ':']).is_some_and(|t| {
            t.trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit())
        });
        if !continues {
            continue;
        }
        let head = text.get(..open).unwrap_or_default().trim_end_matches(' ');
        let tail = after.trim_end();
        let mut out = String::with_capacity(text.len() + 2);
        out.push_str(head);
        out.push_str(tail);
        out.push_str(" [");
        out.push_str(note);
        out.push(']');
        return Cow::Owned(out);
    }
    Cow::Borrowed(text)
}

/// ISO 690's medium as a sentence of its own before the source block, `Journal.
/// Online. 8(11), eabk3327` (the 2021 edition, Czech and Slovak styles), written as the
/// bracketed note of the older editions, `Journal [online]. 8(11), eabk3327`, which the
/// container's notes take. Only before a volume and its `(` or `,`: `Learning Online.
/// Journal` keeps its title, `Biol. Proced. Online. 2024;26:15` its journal.
fn online_sentence(text: &str) -> Cow<'_, str> {
    // (found by its rare capital, not by every full stop: `Online. `, then `. ` before)
    let b = text.as_bytes();
    let Some(word) = crate::bytes::find(b, b"Online. ") else {
        return Cow::Borrowed(text);
    };
    if word < 2 || b.get(word - 2..word) != Some(b". ") {
        return Cow::Borrowed(text);
    }
    let at = word - 2;
    let after = text.get(word + "Online. ".len()..).unwrap_or_default();
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if at == 0
        || digits == 0
        || !matches!(after.as_bytes().get(digits), Some(b'(' | b','))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push_str(text.get(..at).unwrap_or_default());
    out.push_str(" [online]. ");
    out.push_str(after);
    Cow::Owned(out)
}

/// Names listed with no comma between them before the year in brackets, as some
/// author-year styles print them (and as scrapes lose the commas), given their commas:
///
/// ```text
/// Antila H Kwak I and Choi A (2022) Title.     → Antila H, Kwak I and Choi A (2022) Title.
/// Zhou Z Wang J Yang S et al. (2024) Title.    → Zhou Z, Wang J, Yang S et al. (2024) Title.
/// ```
///
/// Only where everything before the bracket is such names (a family name of capitalised
/// words and particles, then one to three capital initials), two or more of them, the
/// first a single word (`van der Berg MA Lind P` is left alone).
fn commaless_names(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    // (the cheap test first: a word, a space, capitals and a space: `Antila H Kwak`)
    let first_space = memchr::memchr(b' ', b).unwrap_or(b.len());
    let second = b.get(first_space + 1..).unwrap_or_default();
    let caps = second.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=3).contains(&caps) || second.get(caps) != Some(&b' ') {
        return Cow::Borrowed(text);
    }
    let Some(open) = find_str(text, " (") else { return Cow::Borrowed(text) };
    let year = b.get(open + 2..open + 6).unwrap_or_default();
    if year.len() != 4 || !year.iter().all(u8::is_ascii_digit) {
        return Cow::Borrowed(text);
    }
    let head = text.get(..open).unwrap_or_default();
    let words: Vec<&str> = head.split(' ').collect();
    let is_initials =
        |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_uppercase());
    let is_family = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
            || matches!(
                w,
                "van"
                    | "der"
                    | "de"
                    | "von"
                    | "da"
                    | "di"
                    | "du"
                    | "le"
                    | "la"
                    | "del"
                    | "dos"
            )
    };
    // the names: (family words, initials), with `and` / `&` before the last
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    let mut and_before_last = None;
    let mut et_al = false;
    while i < words.len() {
        let start = i;
        while words.get(i).is_some_and(|w| is_family(w)) {
            i += 1;
        }
        if i == start || !words.get(i).is_some_and(|w| is_initials(w)) {
            return Cow::Borrowed(text);
        }
        names.push((start, i + 1));
        i += 1;
        match words.get(i..) {
            Some([]) | None => break,
            Some(["et", "al."]) => {
                et_al = true;
                break;
            }
            Some([sep, _, ..])
                if and_before_last.is_none() && matches!(*sep, "and" | "&") =>
            {
                and_before_last = Some(*sep);
                i += 1;
            }
            _ if and_before_last.is_some() => return Cow::Borrowed(text),
            _ => {}
        }
    }
    if names.len() < 2 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2 * names.len());
    for (k, &(from, to)) in names.iter().enumerate() {
        if k > 0 {
            match and_before_last {
                Some(sep) if k + 1 == names.len() => {
                    out.push(' ');
                    out.push_str(sep);
                    out.push(' ');
                }
                _ => out.push_str(", "),
            }
        }
        out.push_str(&words.get(from..to).unwrap_or_default().join(" "));
    }
    if et_al {
        out.push_str(" et al.");
    }
    out.push_str(text.get(open..).unwrap_or_default());
    Cow::Owned(out)
}

/// The placeholders for an unknown place, publisher or date of a book (ISO 690, ABNT,
/// AACR2): `[s.l.]` (sine loco), `[s.n.]` (sine nomine), `[s.d.]`; French APA's
/// `(S.l.)`.
const IMPRINT_PLACEHOLDERS: &[&[u8]] = &[
    b"[s.l.: s.n.]",
    b"[S.l.: s.n.]",
    b"[s.l. : s.n.]",
    b"[S.l. : s.n.]",
    b"[s.l.]",
    b"[S.l.]",
    b"[s. l.]",
    b"[S. l.]",
    b"[s.n.]",
    b"[S.n.]",
    b"[s. n.]",
    b"[S. n.]",
    b"[s.d.]",
    b"[S.d.]",
    // (French APA: `(S.l.): Longman`)
    b"(S.l.)",
    b"(s.l.)",
    b"(S. l.)",
    b"(s. l.)",
    b"(s.n.)",
    b"(S.n.)",
];

/// A book's imprint without the words that stand for nothing, so the place and the
/// publisher read as they do elsewhere:
///
/// ```text
/// Title. [s.l.] Longman, 2001.          → Title. Longman, 2001.
/// Title. [S.l.]: Longman, 2001.         → Title. Longman, 2001.
/// Title. London: [s.n.], 2001.          → Title. London, 2001.
/// ```
fn imprint_placeholders(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut cuts: Vec<Range<usize>> = Vec::new();
    for i in memchr::memchr2_iter(b'[', b'(', b) {
        let rest = b.get(i..).unwrap_or_default();
        // (every placeholder opens with `s` or `S` after its bracket: most brackets,
        // `(2022)`, `(45)`, are ruled out by that one byte)
        if !matches!(rest.get(1), Some(b's' | b'S')) {
            continue;
        }
        let Some(p) = IMPRINT_PLACEHOLDERS.iter().find(|p| rest.starts_with(p)) else {
            continue;
        };
        let mut end = i + p.len();
        if i >= 2 && b.get(i - 2..i) == Some(b": ") {
            // `London: [s.n.], 2001`: the place's colon goes with it
            cuts.push(i - 2..end);
            continue;
        }
        if matches!(b.get(end), Some(b':' | b',')) {
            end += 1;
        }
        if b.get(end) == Some(&b' ') {
            end += 1;
        }
        // (only before the publisher or the volume: at the end, `The Frankish World,
        // 750-900, [s.l.].`, it stays, a note of the title)
        if b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            cuts.push(i..end);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for c in cuts {
        if c.start < from {
            continue;
        }
        out.push_str(text.get(from..c.start).unwrap_or_default());
        from = c.end;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    Cow::Owned(out)
}

/// Inline markup that reference strings carry from JATS and Crossref metadata.
const INLINE_TAGS: &[&str] = &[
    "italic",
    "i",
    "em",
    "bold",
    "b",
    "strong",
    "sup",
    "sub",
    "sc",
    "u",
    "underline",
    "span",
    "monospace",
];

/// `text` without inline markup tags (`<italic>Microtus montanus.</italic> Mammalian
/// Species 716: 1-10.` → `Microtus montanus. Mammalian Species 716: 1-10.`). Only the
/// tags of [`INLINE_TAGS`] go (with their attributes); any other `<` stays.
fn strip_inline_tags(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let tag_at = |i: usize| -> Option<usize> {
        let rest = b.get(i + 1..)?;
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        let name_len = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let name = std::str::from_utf8(rest.get(..name_len)?).ok()?;
        if !INLINE_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            return None;
        }
        let after = rest.get(name_len..)?;
        match after.first()? {
            b'>' => Some(b.len() - after.len() + 1),
            b' ' => {
                let close = memchr::memchr(b'>', after).filter(|&c| c < 200)?;
                Some(b.len() - after.len() + close + 1)
            }
            _ => None,
        }
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    for i in memchr::memchr_iter(b'<', b) {
        if i < copied {
            continue;
        }
        if let Some(end) = tag_at(i) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(text.get(copied..i).unwrap_or_default());
            copied = end;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(text.get(copied..).unwrap_or_default());
            Cow::Owned(o)
        }
        None => Cow::Borrowed(text),
    }
}

/// `text` without Markdown's emphasis stars around a phrase, as text scrapers write
/// italics (`1954. *Oeuvres philosophiques de Buffon.* Paris: PUF.`). A star inside a
/// word stays (`HLA A*02:01`).
fn strip_emphasis(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let Some(first) = memchr::memchr(b'*', b) else { return Cow::Borrowed(text) };
    let opens = |i: usize| {
        (i == 0 || matches!(b.get(i - 1), Some(b' ' | b'(')))
            && b.get(i + 1).is_some_and(|c| !matches!(c, b' ' | b'*'))
    };
    let closes = |j: usize| {
        j > 0
            && b.get(j - 1).is_some_and(|c| !matches!(c, b' ' | b'*'))
            && b.get(j + 1)
                .is_none_or(|c| matches!(c, b' ' | b'.' | b',' | b';' | b':' | b')'))
    };
    let mut cut: Vec<usize> = Vec::new();
    let mut open: Option<usize> = None;
    for i in
        memchr::memchr_iter(b'*', b.get(first..).unwrap_or_default()).map(|i| i + first)
    {
        match open {
            None if opens(i) => open = Some(i),
            Some(o) if closes(i) => {
                cut.extend([o, i]);
                open = None;
            }
            _ => {}
        }
    }
    if cut.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for c in cut {
        out.push_str(text.get(from..c).unwrap_or_default());
        from = c + 1;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    Cow::Owned(out)
}

/// Fold white space (non-breaking and thin spaces too) and drop the space before
/// `,`, `.`, `;`, `:` and `)` (`Paul WE , Germain RN .` → `Paul WE, Germain RN.`).
fn clean(text: &str) -> Cow<'_, str> {
    if !needs_folding(text) && !has_glued_initial(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut pending_space = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        // `Antila, H./Kwak, I./Choi, A.` (Vienna), `Antila, H. / Kwak, I.`: a slash
        // between names is a `;`
        if c == '/'
            && out.ends_with('.')
            && out.chars().rev().nth(1).is_some_and(char::is_uppercase)
            && (chars.peek().is_some_and(|n| n.is_uppercase())
                || pending_space && {
                    let mut ahead = chars.clone();
                    ahead.next().is_some_and(|n| n == ' ')
                        && ahead.next().is_some_and(char::is_uppercase)
                })
        {
            out.push_str("; ");
            if chars.peek() == Some(&' ') {
                chars.next();
            }
            pending_space = false;
            continue;
        }
        // `H. Antila/I. Kwak/A. Choi:` (im Gespräch): a slash between names in reading
        // order is a comma
        if c == '/' && ends_with_name_after_initial(&out) && {
            let mut ahead = chars.clone();
            ahead.next().is_some_and(char::is_uppercase) && ahead.next() == Some('.')
        } {
            out.push_str(", ");
            pending_space = false;
            continue;
        }
        // `Antila, H. – Kwak, I. – Choi, A.` (Czech), `Antila, H. - Kwak, I.` (Turkish),
        // `ANTILA, H. – KWAK, I.` (Czech ISO 690 in capitals): a dash between an
        // initial and the next name is a `;`
        if matches!(c, '–' | '-') && pending_space && ends_with_initial(&out) && {
            let mut ahead = chars.clone();
            ahead.next() == Some(' ')
                && ahead.next().is_some_and(char::is_uppercase)
                && ahead.next().is_some_and(|n| {
                    n.is_lowercase() || n.is_uppercase() && capitals_then_initial(ahead)
                })
        } {
            out.push_str("; ");
            chars.next();
            pending_space = false;
            continue;
        }
        // `H. Antila – I. Kwak – A. Choi,` (Deutsches Archäologisches Institut),
        // `ANTILA, H. – I. KWAK – A. CHOI,`: a dash before a name in reading order, after
        // an initial or a name in reading order, is a comma
        if matches!(c, '–' | '-')
            && pending_space
            && (ends_with_initial(&out) || ends_with_name_after_initial(&out))
            && {
                let mut ahead = chars.clone();
                ahead.next() == Some(' ')
                    && ahead.next().is_some_and(char::is_uppercase)
                    && ahead.next() == Some('.')
            }
        {
            out.push_str(", ");
            chars.next();
            pending_space = false;
            continue;
        }
        // `2022.- Title.- Journal` (Bulletin of Insectology): the dash after a full
        // stop is dropped
        if c == '-' && !pending_space && out.ends_with('.') && chars.peek() == Some(&' ')
        {
            continue;
        }
        // `Title. – Journal` (a dash after a sentence's full stop, German styles;
        // `Title. - Journal`, Arachnologische Mitteilungen): the full stop separates the
        // fields, the dash is dropped
        // (a hyphen only after a word's full stop or a question mark, not an
        // initial's: `Urban, M. - Banks, E.` is a list of names; a question mark's
        // dash too: `Ice sheet collapse? – Science, 275: 1077–1078`)
        if (matches!(c, '–' | '—') && out.ends_with(['.', '?'])
            || c == '-'
                && (out.ends_with('?')
                    || out.ends_with('.')
                        && out
                            .chars()
                            .rev()
                            .nth(1)
                            .is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())))
            && pending_space
            && chars.peek().is_some_and(|n| n.is_whitespace())
        {
            continue;
        }
        // `Fedynsky,V.V.` → `Fedynsky, V.V.`; `Antila, H.,Kwak, I.` → `H., Kwak`
        let glued = c.is_ascii_uppercase()
            && out.ends_with(',')
            && (chars.peek() == Some(&'.')
                && out.chars().rev().nth(1).is_some_and(char::is_lowercase)
                || chars.peek().is_some_and(|n| n.is_lowercase()) && out.ends_with(".,")
                // (`Shadenkov,Ye.M.`: a Russian two-letter initial)
                || out.chars().rev().nth(1).is_some_and(char::is_lowercase) && {
                    let mut ahead = chars.clone();
                    let (n1, n2) = (ahead.next(), ahead.next());
                    n2 == Some('.')
                        && n1.is_some_and(|n1| {
                            let mut pair = [0u8; 8];
                            let a = c.encode_utf8(&mut pair).len();
                            let b = n1.encode_utf8(&mut pair[a..]).len();
                            std::str::from_utf8(&pair[..a + b])
                                .is_ok_and(crate::normalize::author::is_translit_initial)
                        })
                });
        if pending_space && !matches!(c, ',' | '.' | ';' | ':' | ')') || glued {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
        // `vulvar.Sichuan Medical Journal`: a space after a glued full stop
        if c == '.' {
            let mut next = [0u8; GLUE_SPAN];
            let mut k = 0;
            for n in chars.clone().take(GLUE_SPAN) {
                if !n.is_ascii() {
                    break;
                }
                if let Some(slot) = next.get_mut(k) {
                    *slot = n as u8;
                }
                k += 1;
            }
            let b = out.as_bytes();
            let before = b.get(b.len().saturating_sub(GLUE_SPAN + 1)..b.len() - 1);
            if let (Some(before), Some(after)) = (before, next.get(..k))
                && glued_parts(before, after)
            {
                out.push(' ');
            }
        }
    }
    Cow::Owned(out)
}

/// The rest of a family name in capitals, then a comma and a dotted initial: what
/// follows the first two letters of `KWAK, I.` (`AK, I.`).
fn capitals_then_initial(mut ahead: impl Iterator<Item = char>) -> bool {
    for c in ahead.by_ref().take(40) {
        match c {
            ',' => {
                return ahead.next() == Some(' ')
                    && ahead.next().is_some_and(char::is_uppercase)
                    && ahead.next() == Some('.');
            }
            c if c.is_uppercase() || matches!(c, '-' | ' ' | '\'') => {}
            _ => return false,
        }
    }
    false
}

/// True when `out` ends with a capitalised family name after an initial (`H. Antila`,
/// `M. D. Bunting`, `I. KWAK`).
fn ends_with_name_after_initial(out: &str) -> bool {
    let Some((before, last)) = out.rsplit_once(' ') else { return false };
    last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().count() >= 2
        && last.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && (ends_with_initial(before)
            || before.len() == 2
                && before.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                && before.ends_with('.'))
}

/// True when `out` ends with an initial and its full stop (` H.`, `.J.`).
fn ends_with_initial(out: &str) -> bool {
    let b = out.as_bytes();
    b.len() >= 3
        && b.ends_with(b".")
        && b.get(b.len() - 2).is_some_and(u8::is_ascii_uppercase)
        && matches!(b.get(b.len() - 3), Some(b' ' | b'.' | b'-'))
}

/// True when [`clean`] has white space to fold or drop in `text`: a space at either end,
/// white space other than the space, or a space before ` `, `,`, `.`, `;`, `:`, `)`.
/// One byte pass; only non-ASCII characters are decoded.
fn needs_folding(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return true;
    }
    b.iter().enumerate().any(|(i, &c)| match c {
        b' ' => {
            matches!(b.get(i + 1), Some(b' ' | b',' | b'.' | b';' | b':' | b')'))
                // (`. - `, `? - `: a spaced hyphen after a full stop or a question)
                || b.get(i + 1) == Some(&b'-')
                    && i >= 1
                    && matches!(b.get(i - 1), Some(b'.' | b'?'))
                    && b.get(i + 2) == Some(&b' ')
        }
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => true,
        // the first byte of a non-ASCII character (continuation bytes pass); `. – `,
        // `? – `
        // (only U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000 are white space, and
        // the dashes are U+2013 and U+2014: other lead bytes pass undecoded)
        0xC2 | 0xE1..=0xE3 => {
            text.get(i..).and_then(|t| t.chars().next()).is_some_and(|c| {
                c.is_whitespace()
                    || matches!(c, '–' | '—')
                        && i >= 2
                        && matches!(b.get(i - 2..i), Some(b". " | b"? "))
                        && b.get(i + 3) == Some(&b' ')
            })
        }
        _ => false,
    })
}

/// True when an initial is glued to the comma after a family name (`Hart,R.J.`), or a
/// family name to the comma after initials (`H.,Kwak`), or to a slash (`H./Kwak`).
fn has_glued_initial(text: &str) -> bool {
    let b = text.as_bytes();
    let slash = || {
        memchr::memchr_iter(b'/', b).any(|i| {
            i >= 2
                && b.get(i - 1) == Some(&b'.')
                && b.get(i - 2).is_some_and(u8::is_ascii_uppercase)
                && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                // (` / ` with spaces: `Antila, H. / Kwak, I.`)
                || i >= 3
                    && b.get(i - 2..i) == Some(b". ".as_slice())
                    && b.get(i - 3).is_some_and(u8::is_ascii_uppercase)
                    && b.get(i + 1) == Some(&b' ')
                    && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        })
    };
    // `H. Antila/I. Kwak`: a slash between names in reading order (a lower-case
    // letter, the slash, a capital and its full stop)
    let reading_slash = || {
        memchr::memchr_iter(b'/', b).any(|i| {
            i >= 1
                && b.get(i - 1).is_some_and(u8::is_ascii_lowercase)
                && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                && b.get(i + 2) == Some(&b'.')
        })
    };
    // `Antila, H. - Kwak, I.`: a hyphen between names (the en dash is folded anyway)
    let dash = || {
        // (each `-` that is the third byte of `. - `)
        memchr::memchr_iter(b'-', b).filter_map(|j| j.checked_sub(2)).any(|i| {
            b.get(i..i + 4) == Some(b". - ".as_slice())
                && i >= 2
                && b.get(i - 1).is_some_and(u8::is_ascii_uppercase)
                && b.get(i + 4).is_some_and(u8::is_ascii_uppercase)
        })
    };
    // `H. Antila – I. Kwak`, `H. Antila - I. Kwak`: a spaced dash before an initial
    let dash_before_initial = || {
        let initial_at = |k: usize| {
            b.get(k) == Some(&b' ')
                && b.get(k + 1).is_some_and(u8::is_ascii_uppercase)
                && b.get(k + 2) == Some(&b'.')
        };
        let en_dash = "\u{2013}".as_bytes();
        memchr::memchr_iter(b'-', b)
            .any(|j| j >= 1 && b.get(j - 1) == Some(&b' ') && initial_at(j + 1))
            || memchr::memchr_iter(0xE2, b).any(|j| {
                j >= 1
                    && b.get(j - 1) == Some(&b' ')
                    && b.get(j..j + 3) == Some(en_dash)
                    && initial_at(j + 3)
            })
    };
    slash()
        || reading_slash()
        || dash()
        || dash_before_initial()
        || crate::bytes::find(b, b".- ").is_some()
        || memchr::memchr_iter(b'.', b).any(|i| glued_sentence(b, i))
        || memchr::memchr_iter(b',', b).any(|i| {
            i > 0
                && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
                && (b.get(i - 1).is_some_and(u8::is_ascii_lowercase)
                    && (b.get(i + 2) == Some(&b'.')
                        // (`Shadenkov,Ye.M.`)
                        || b.get(i + 3) == Some(&b'.')
                            && b.get(i + 2).is_some_and(u8::is_ascii_lowercase))
                    || b.get(i - 1) == Some(&b'.')
                        && b.get(i + 2).is_some_and(u8::is_ascii_lowercase))
        })
}

/// `vulvar.Sichuan Medical Journal`: the full stop at `i` ends a sentence glued to the
/// next — three small letters of a word before it (no URL, no file name), a
/// capitalised word of three letters or more after.
fn glued_sentence(b: &[u8], i: usize) -> bool {
    let before = b.get(i.saturating_sub(GLUE_SPAN)..i).unwrap_or_default();
    let after = b.get(i + 1..).unwrap_or_default();
    glued_parts(before, after)
}

/// How far [`glued_parts`] looks on each side of the full stop.
const GLUE_SPAN: usize = 40;

/// [`glued_sentence`] on the bytes before the full stop and those after it.
fn glued_parts(before: &[u8], after: &[u8]) -> bool {
    // (the byte tests first, the word's extent only where they pass)
    let tail = before.len().checked_sub(3).and_then(|k| before.get(k..));
    if !(tail.is_some_and(|t| t.iter().all(u8::is_ascii_lowercase))
        && after.first().is_some_and(u8::is_ascii_uppercase)
        && after.get(1..3).is_some_and(|t| t.iter().all(u8::is_ascii_lowercase)))
    {
        return false;
    }
    let word_start =
        before.iter().rposition(u8::is_ascii_whitespace).map_or(0, |p| p + 1);
    let word = before.get(word_start..).unwrap_or_default();
    let next = after.iter().take(GLUE_SPAN).take_while(|c| !c.is_ascii_whitespace());
    word.len() >= 3
        && word.len() < GLUE_SPAN
        && word.iter().rev().take(3).all(u8::is_ascii_lowercase)
        && word.iter().all(|c| c.is_ascii_alphabetic() || *c == b'-')
        && after.first().is_some_and(u8::is_ascii_uppercase)
        && after.get(1..3).is_some_and(|t| t.iter().all(u8::is_ascii_lowercase))
        && next
            .clone()
            .all(|&c| c.is_ascii_alphabetic() || matches!(c, b',' | b'.' | b'-'))
}

// `[12] ` | `12. ` | `12) ` | `(b) ` | `(12) ` — a list label in front of a reference
fn label(s: &str) -> usize {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let after = |n: usize| -> usize {
        let t = s.get(n..).unwrap_or_default();
        n + (t.len() - t.trim_start().len())
    };
    // the length of the run of bytes after the opening bracket
    let run = |pred: fn(&u8) -> bool| {
        b.get(1..).unwrap_or_default().iter().take_while(|c| pred(c)).count()
    };
    if b.first() == Some(&b'[') {
        let n = run(u8::is_ascii_alphanumeric);
        if (1..=4).contains(&n) && b.get(n + 1) == Some(&b']') {
            return after(n + 2);
        }
    }
    if b.first() == Some(&b'(')
        && b.get(2) == Some(&b')')
        && b.get(1).is_some_and(u8::is_ascii_lowercase)
    {
        return after(3);
    }
    // ACS numbers its list `(1) Smith, J. A.; …`
    if b.first() == Some(&b'(') {
        let n = run(u8::is_ascii_digit);
        if (1..=3).contains(&n)
            && b.get(n + 1) == Some(&b')')
            && b.get(n + 2) == Some(&b' ')
        {
            return after(n + 2);
        }
    }
    // `4 Ritala, M. & Leskela, M.`: a bare number before an inverted name
    if (1..=3).contains(&digits) && b.get(digits) == Some(&b' ') {
        let rest = s.get(digits + 1..).unwrap_or_default();
        let mut w = rest.split(' ');
        let family = w.next().unwrap_or_default();
        let init = w.next().unwrap_or_default();
        if family.len() > 2
            && family.ends_with(',')
            && family.starts_with(|c: char| c.is_uppercase())
            && init.len() <= 5
            && init.starts_with(|c: char| c.is_ascii_uppercase())
            && init.ends_with(['.', ','])
        {
            return after(digits);
        }
        // `1 H. Antila, I. Kwak, and A. Choi, …` (AIP): a bare number before a name
        // that opens with dotted initials
        if crate::normalize::author::is_dotted_initials(family)
            && family.starts_with(|c: char| c.is_ascii_uppercase())
            && (init.ends_with(',') || init.ends_with('.'))
            && init.starts_with(|c: char| c.is_uppercase())
        {
            return after(digits);
        }
        // `1 Antila H., Kwak I. & Choi A. (2022)` (Clinical Otolaryngology): a bare
        // number before a family name and its dotted initials
        let init_core = init.trim_end_matches([',', '.']);
        if crate::normalize::author::is_family_word(family)
            && family.chars().nth(1).is_some_and(char::is_lowercase)
            && init.ends_with(['.', ','])
            && init.contains('.')
            && (1..=3).contains(&init_core.split('.').count())
            && init_core
                .split('.')
                .all(|i| i.len() == 1 && i.bytes().all(|c| c.is_ascii_uppercase()))
        {
            return after(digits);
        }
    }
    // `1- H. Antila, I. Kwak, A. Choi, …` (Mediterranean Journal of Chemistry): the
    // number and a dash
    if (1..=4).contains(&digits)
        && matches!(s.get(digits..), Some(t) if t.starts_with("- ") || t.starts_with("– "))
        && s.get(digits..)
            .and_then(|t| t.split_once(' '))
            .is_some_and(|(_, r)| r.starts_with(|c: char| c.is_uppercase()))
    {
        return after(digits + s.get(digits..).and_then(|t| t.find(' ')).unwrap_or(1));
    }
    // `1H. Antila, I. Kwak`, `12J.P. Doyle`: a superscript number, scraped glued to
    // the first initial (JASA)
    if (1..=3).contains(&digits)
        && b.get(digits).is_some_and(u8::is_ascii_uppercase)
        && b.get(digits + 1) == Some(&b'.')
        && (b.get(digits + 2) == Some(&b' ')
            && b.get(digits + 3).is_some_and(u8::is_ascii_uppercase)
            && b.get(digits + 4).is_some_and(u8::is_ascii_lowercase)
            || b.get(digits + 2).is_some_and(u8::is_ascii_uppercase)
                && b.get(digits + 3) == Some(&b'.'))
    {
        return digits;
    }
    // `26.C. Freeman, …`: the number glued to the first initial
    if (1..=4).contains(&digits)
        && b.get(digits) == Some(&b'.')
        && b.get(digits + 1).is_some_and(u8::is_ascii_uppercase)
        && b.get(digits + 2) == Some(&b'.')
    {
        return after(digits + 1);
    }
    if (1..=4).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && b.get(digits + 1) == Some(&b' ')
        && !s
            .get(digits + 2..)
            .unwrap_or_default()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return after(digits + 1);
    }
    author_year_label(s).or_else(|| bare_author_year_label(s)).map_or(0, after)
}

/// `Antila et al. 2022 H. Antila – I. Kwak, Title` (Deutsches Archäologisches
/// Institut), `Z. Zhou et al. 2024 Z. Zhou et al., Title` (IFAO): an author-year label
/// with nothing between it and the reference, the length up to the space after its
/// year. Only a short label of names (`Family`, `et al.`, `and Family`, initials) and
/// only when the reference after it opens with the label's family name after its
/// initials (`H. Antila`) or before a comma (`Antila, H.`).
fn bare_author_year_label(s: &str) -> Option<usize> {
    let mut at = 0;
    let mut family: Option<&str> = None;
    for (i, w) in s.split(' ').enumerate() {
        if i > 6 {
            return None;
        }
        let end = at + w.len();
        // (`Antila et alii 2022, Antila H., Kwak I.`: a comma after the year,
        // Antiquités africaines)
        let year = w.strip_suffix(',').unwrap_or(w);
        let year = year.strip_suffix(|c: char| c.is_ascii_lowercase()).unwrap_or(year);
        if i > 0 && year.len() == 4 && date::parse_year(year).is_some() {
            let family = family?;
            let rest = s.get(end + 1..)?;
            return reference_opens_with(rest, family).then_some(end + 1);
        }
        let initial = is_dotted_initials_word(w);
        let joiner = matches!(w, "et" | "al." | "alii" | "and" | "&");
        let name = w.chars().count() >= 2
            && w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if !(initial || joiner || name) {
            return None;
        }
        if name && family.is_none() {
            family = Some(w);
        }
        at = end + 1;
    }
    None
}

/// `rest` opens with `family` after up to three dotted initials (`H. Antila`, `M. D.
/// Bunting`), or with `family` and a comma (`Antila, H.`) or its dotted initials
/// (`Antila H.,`), whatever its case.
fn reference_opens_with(rest: &str, family: &str) -> bool {
    let mut words = rest.split(' ');
    let mut initials = 0;
    for w in words.by_ref().take(4) {
        if is_dotted_initials_word(w) {
            initials += 1;
            continue;
        }
        let core = w.trim_end_matches([',', '.']);
        let mut initials_after = || {
            words.next().is_some_and(|n| is_dotted_initials_word(n.trim_end_matches(',')))
        };
        return same_caseless(core, family)
            && (initials > 0 || w.ends_with(',') || initials_after());
    }
    false
}

/// `a` and `b` are the same word whatever their case (`ZHOU`, `Zhou`).
fn same_caseless(a: &str, b: &str) -> bool {
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// `Zhou et alii 2024 : ZHOU (Z.), WANG (J.) – Title` (French archaeology and
/// history), `Antila et al. 2022 = Antila, H. et al., Title` (Philippika): an
/// author-year label before the reference, the length up to its colon or `=`. Only
/// when the reference after it opens with the label's first word (`Ayala Ceja et alii
/// 2024 : AYALA CEJA (M.)`), whatever its case.
fn author_year_label(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let head = b.get(..b.len().min(160)).unwrap_or(b);
    let colon = memchr::memchr3(b':', b'=', b'|', head)?;
    // `<label> <year> : `, `<label> <year>: `, `<label> <year> = `, `<label> <year> | `
    // (Bern University of the Arts)
    let label = s.get(..colon)?.trim_end();
    let after = s.get(colon + 1..)?.strip_prefix(' ')?;
    // `Antila = H. Antila - I. Kwak` (Rassegna degli Archivi di Stato): a family name
    // alone before `=`, the names after it opening with that name after its initials
    if b.get(colon) == Some(&b'=')
        && !label.contains(' ')
        && label.chars().count() >= 2
        && label.starts_with(char::is_uppercase)
        && label.chars().all(char::is_alphabetic)
        && reference_opens_with(after, label)
    {
        return Some(colon + 1);
    }
    let (names, year) = label.rsplit_once(' ')?;
    let year = year.strip_suffix(|c: char| c.is_ascii_lowercase()).unwrap_or(year);
    date::parse_year(year)?;
    let first = names.split([' ', ',']).next()?;
    let opening = after.split([' ', ',']).next()?;
    // (or the family name after its initials: `Antila et al. 2022 : H. Antila, I.
    // Kwak`, Revue Métis)
    let same = first.chars().count() >= 2
        && first.starts_with(char::is_uppercase)
        && (same_caseless(first, opening) || reference_opens_with(after, first));
    same.then_some(colon + 1)
}

/// The fields of a legal style's article, borrowed from the text read.
#[derive(Debug, PartialEq, Eq)]
struct LegalArticle<'a> {
    title: &'a str,
    year: &'a str,
    volume: &'a str,
    issue: Option<&'a str>,
    container: &'a str,
    pages: &'a str,
}

/// `‘Title’ (2022) 119 Journal e2123528119` (OSCOLA), `« Title », (2022) 119-45
/// Journal e2123528119` (the Canadian legal styles): a quoted title, the year in
/// brackets, the volume (and issue), the journal and its first page, and
/// nothing after but punctuation (a link in angle brackets was taken out with the
/// identifiers).
fn legal_article(r: &str) -> Option<LegalArticle<'_>> {
    let r = r.trim_start_matches([',', ' ']).trim_end_matches([' ', '.', ',', '<', '>']);
    let open = r.chars().next().filter(|c| matches!(c, '‘' | '“' | '"' | '«'))?;
    let close = match open {
        '‘' => '’',
        '“' => '”',
        '«' => '»',
        _ => '"',
    };
    let inner = r.get(open.len_utf8()..)?;
    // `’ (2022) 119 `, `», (2022) 119-45 ` (the Canadian styles' volume and issue)
    let (title, tail) = inner.split_once(close)?;
    let title = title.trim_matches([',', ' ']);
    let tail = tail.strip_prefix(',').unwrap_or(tail).strip_prefix(" (")?;
    let (year, tail) = tail.split_once(") ")?;
    date::parse_year(year)?;
    let (volume, tail) = tail.split_once(' ')?;
    // (`119(45)`: the Australian guide's issue in brackets)
    let (volume, issue) = volume
        .strip_suffix(')')
        .and_then(|v| v.split_once('('))
        .or_else(|| volume.split_once('-'))
        .unwrap_or((volume, ""));
    let number =
        |n: &str| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    if !number(volume) || !(issue.is_empty() || number(issue)) {
        return None;
    }
    let issue = Some(issue).filter(|i| !i.is_empty());
    let (container, pages) = tail.rsplit_once(' ')?;
    // (`3831`, `e2123528119`, `eabk3327`, `1204-1206`, `1204–1206`, `1204‑1206`)
    let page_like = |p: &str| {
        (1..=12).contains(&p.len())
            && p.bytes().any(|b| b.is_ascii_digit())
            && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let pages_ok = page_like(pages)
        || pages
            .split_once(['–', '‑'])
            .is_some_and(|(a, b)| page_like(a) && page_like(b));
    let journal_ok = container.starts_with(char::is_uppercase)
        && !container.contains(['(', ')', '‘', '’', '“', '”', ';'])
        && !container.bytes().any(|b| b.is_ascii_digit());
    (!title.is_empty() && pages_ok && journal_ok).then_some(LegalArticle {
        title,
        year,
        volume,
        issue,
        container,
        pages,
    })
}

fn span_of(base: &str, part: &str) -> Range<usize> {
    let start =
        (part.as_ptr() as usize).saturating_sub(base.as_ptr() as usize).min(base.len());
    start..(start + part.len()).min(base.len())
}

fn is_field_punct(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '&')
}

fn split_fields(s: &str, fast_path: bool) -> Fields<'_> {
    // about a dozen placed ranges per reference: one allocation
    let mut f = Fields { placed: Vec::with_capacity(24), ..Fields::default() };
    let lab = label(s);
    f.placed.push(0..lab);
    // 2. identifiers, links, notes
    let mut hits = ids::find_ids(s);
    let core_end_ids = hits.iter().map(|h| h.span.start).min().unwrap_or(s.len());
    if !hits.iter().any(|h| h.kind == IdKind::Doi)
        && let Some(h) = ids::find_glued_doi(s.get(..core_end_ids).unwrap_or_default())
    {
        hits.push(h);
    }
    // `doi:https://doi.org/10.…`, `DOI: https://doi.org/…`: a DOI label before a DOI
    // link belongs to the identifier, so does an angle bracket around a link
    // (`< https://doi.org/10.… >`, French and Spanish styles: spaced inside the brackets)
    for h in &mut hits {
        if h.kind == IdKind::Doi
            && s.get(..h.span.start).is_some_and(|b| b.ends_with('<'))
        {
            h.span.start -= 1;
        }
        if matches!(h.kind, IdKind::Doi | IdKind::Url)
            && s.get(..h.span.start).is_some_and(|b| b.ends_with("< "))
        {
            h.span.start -= 2;
            if s.get(h.span.end..).is_some_and(|t| t.starts_with(" >")) {
                h.span.end += 2;
            }
        }
        if h.kind == IdKind::Doi
            && let Some(before) = s.get(..h.span.start)
        {
            let b = before.trim_end();
            for label in ["doi:", "DOI:", "Doi:", "doi", "DOI"] {
                if let Some(head) = b.strip_suffix(label)
                    && !head.ends_with(|c: char| c.is_alphanumeric())
                {
                    h.span.start = head.len();
                    break;
                }
            }
        }
    }
    let mut core_end = s.len();
    for h in &hits {
        f.placed.push(h.span.clone());
        match h.kind {
            // (`<https://doi.org/10.…>`: the closing angle bracket is no part of it)
            IdKind::Doi if f.doi.is_none() => {
                f.doi = Some(h.value.trim_end_matches('>'));
                // a publisher's or preprint server's link with the DOI in its path
                // is kept as the link (a DOI resolver's is the DOI alone): a DOI hit
                // that opens with a link is one of the two
                let link = s.get(h.span.clone()).unwrap_or_default();
                if f.url.is_none()
                    && (link.starts_with("http") || link.starts_with("www."))
                    && !link.contains("doi.org/")
                {
                    f.url = Some(link.trim_end_matches('>'));
                }
            }
            IdKind::Pmid if f.pmid.is_none() => f.pmid = Some(h.value),
            IdKind::Pmcid if f.pmcid.is_none() => f.pmcid = Some(h.value),
            IdKind::Url if f.url.is_none() => f.url = Some(h.value.trim_end_matches('>')),
            IdKind::Arxiv if f.arxiv.is_none() => {
                f.arxiv = Some(h.value);
                // (`arXiv:1402.4587 [cond-mat, physics:quant-ph]`: the classes after it,
                // kept with it)
                let hit = s.get(h.span.clone()).unwrap_or_default();
                let after = hit.get(hit.find(h.value).map_or(0, |i| i + h.value.len())..);
                f.arxiv_classes = after
                    .and_then(|a| a.split_once('[').map(|(_, c)| c))
                    .and_then(|c| c.split_once(']').map(|(c, _)| c.trim()))
                    .filter(|c| !c.is_empty());
            }
            // `ISBN 0-486-65363-3`, `ISBN: 978-…`: a book's number
            IdKind::Note if f.isbn.is_none() && h.value.starts_with("ISBN") => {
                f.isbn = isbn_of(h.value);
            }
            // `Epub ahead of print`: the article's status, a note (an Epub date is not)
            // `Erratum in: Coast Res. 2023;9(1):10`: a related citation, a note
            IdKind::Note if ids::is_linked_label(h.value) => {
                f.notes.push(h.value.trim_end_matches(['.', ' ']));
            }
            IdKind::Note if find_str(h.value, "ahead of print").is_some() => {
                f.notes.push(h.value.trim_matches(['[', ']', '(', ')', '.', ' ']));
            }
            IdKind::Note => {}
            _ => {}
        }
        // a note or URL before the source block is part of a web reference; anything
        // else ends the core
        core_end = core_end.min(h.span.start);
    }
    let core_end = core_end.max(lab);
    // `… 2012;40(2):500-3. IF: 5,895`: a journal's impact factor, added in publication
    // lists, is a note
    let core_end = match s.get(lab..core_end).and_then(impact_factor_at) {
        Some(at) => {
            let note = s.get(lab + at..core_end).unwrap_or_default();
            f.notes.push(note.trim_end_matches(['.', ' ', ';', ',']));
            f.placed.push(lab + at..core_end);
            lab + at
        }
        None => core_end,
    };
    // `… 2007. NIH Publication No. 07-4051.`: a report's number closing the reference is
    // a note (before, its number was read as the pages or the issue)
    let core_end = match s.get(lab..core_end).and_then(report_number_at) {
        Some(at) => {
            let note = s.get(lab + at..core_end).unwrap_or_default();
            f.notes.push(note.trim_end_matches(['.', ' ']));
            f.placed.push(lab + at..core_end);
            lab + at
        }
        None => core_end,
    };
    // `…, Paper presented at the Annual Meeting of X, Harbor, MA, April 5–8.`: the days
    // of the presentation are a note (before, `5–8` was read as pages)
    let core_end = match s.get(lab..core_end).and_then(presentation_date_at) {
        Some((at, date)) => {
            f.notes.push(date);
            f.placed.push(lab + at..core_end);
            lab + at
        }
        None => core_end,
    };
    // `Title. US patent 9,876,543. 2020 Jan 7.`: a patent; its designation and what
    // follows it are notes (before, the number was read as a volume)
    let core_end = match s.get(lab..core_end).and_then(patent_at) {
        Some(p) => {
            f.kind = Some(RefType::Patent);
            f.notes.push(p.designation);
            f.notes.extend(p.tail);
            if f.year.is_none() {
                f.year = p.year;
                f.month = p.month;
                f.day = p.day;
            }
            f.placed.push(lab + p.start..core_end);
            lab + p.start
        }
        None => core_end,
    };
    let core = s.get(lab..core_end).unwrap_or_default();
    let core_base = lab;
    // PubMed's own form of a journal article, read in one pass
    if fast_path
        && hits
            .iter()
            .all(|h| matches!(h.kind, IdKind::Doi | IdKind::Pmid | IdKind::Pmcid))
        && let Some(a) = fast::nlm_article(core)
    {
        let at = |r: Range<usize>| s.get(r.start + core_base..r.end + core_base);
        f.authors.extend(a.authors.into_iter().filter_map(at));
        f.et_al = a.et_al;
        f.title = a.title.and_then(at);
        f.container = at(a.container);
        f.year = at(a.year);
        f.month = a.month.and_then(at);
        f.day = a.day.and_then(at);
        f.volume = at(a.volume);
        f.issue = a.issue.and_then(at);
        f.pages = at(a.pages);
        f.placed.push(core_base..core_end);
        #[cfg(test)]
        fast::READ.with(|n| n.set(n.get() + 1));
        return f;
    }
    // 3. authors (none in PubMed's journal-only citations)
    f.journal_only = journal_only(core);
    let software = software_version_at(core);
    let mut al = if f.journal_only || software.is_some() {
        authors::AuthorList::default()
    } else {
        authors::scan_authors(core)
    };
    // MLA's anthology: `Spirits in Culture, History and Mind. Eds. Jeannette Marie Mageo
    // and Alan Howard. London: Routledge, 1996.` — what read as an author is the title
    if al.items.len() == 1
        && !al.editors
        && core.get(al.end..).is_some_and(|t| {
            let t = t.trim_start();
            t.starts_with("Eds. ") || t.starts_with("Ed. ")
        })
    {
        al = authors::AuthorList::none_until(0);
    }
    // MLA's film: `The Arrival. Dir. David Twohy. Perf. Charlie Sheen. Artisan, Santa
    // Monica, Calif., 1996.`
    if let Some(film) = mla_film(core) {
        f.title = Some(film.title);
        f.notes.extend(film.credits);
        f.publisher = Some(film.distributor);
        f.place = film.place;
        f.year = Some(film.year);
        f.kind = Some(RefType::Document);
        f.placed.push(core_base..core_end);
        return f;
    }
    // APA without an author: the title, then its date (`Good chemistry. (1996,
    // September). Magazine, 44(1), p. 8`)
    let title_first = title_then_date(core, &al);
    if let Some((_, end)) = title_first {
        al = authors::AuthorList::none_until(end);
    }
    for it in &al.items {
        let r = it.start + core_base..it.end + core_base;
        f.placed.push(r.clone());
        if let Some(t) = s.get(r) {
            f.authors.push(t);
        }
    }
    f.et_al = al.et_al;
    f.authors_are_editors = al.editors;
    f.placed.push(core_base..core_base + al.end);
    f.comma_style = !al.items.is_empty()
        && core.get(..al.end).unwrap_or_default().trim_end().ends_with(',');
    let mut rest_start = core_base + al.end;
    // `ZHOU (Z.), WANG (J.) – Title` (French): a dash between the names and the title
    if !al.items.is_empty()
        && let Some(t) = s.get(rest_start..core_end)
        && let Some(x) = t.strip_prefix(" – ").or_else(|| t.strip_prefix(" — "))
    {
        let dash = t.len() - x.len();
        f.placed.push(rest_start..rest_start + dash);
        rest_start += dash;
    }
    // 3b. a year right after the authors: `(2004)`, `(2010a).`, `2014.`
    let rest = s.get(rest_start..core_end).unwrap_or_default();
    let lead = rest.len() - rest.trim_start_matches(is_field_punct).len();
    let after = rest.get(lead..).unwrap_or_default();
    if let Some((len, year)) = leading_year(after) {
        f.year = year;
        f.placed.push(rest_start..rest_start + lead + len);
        rest_start += lead + len;
        // `Immerman N (1989), Title, Journal 18, 625-638.`: commas separate the fields
        if s.get(rest_start..).is_some_and(|t| t.starts_with(", ")) {
            f.comma_style = true;
        }
    }
    // 3c. OSCOLA and the Canadian legal styles: `‘Title’ (2022) 119 Journal e2123528119`
    if !al.items.is_empty()
        && let Some(legal) = s.get(rest_start..core_end).and_then(legal_article)
    {
        f.title = Some(legal.title);
        f.year = Some(legal.year);
        f.volume = Some(legal.volume);
        f.issue = legal.issue;
        f.container = Some(legal.container);
        f.pages = Some(legal.pages);
        f.placed.push(rest_start..core_end);
        return f;
    }
    // 4. the source block
    let r = s.get(rest_start..core_end).unwrap_or_default();
    let mut r_trim = r.trim_end_matches(|c: char| is_field_punct(c) || c == '[');
    // `…, 2013. 518 p. (Quadrige).`: a book's series in brackets after its extent
    if r_trim.ends_with(')')
        && let Some(open) = r_trim.rfind(". (")
        && let Some(series) = r_trim.get(open + 3..r_trim.len() - 1)
        && !series.is_empty()
        && !series.contains(['(', ')'])
        && !series.bytes().any(|b| b.is_ascii_digit())
        && let Some(head) = r_trim.get(..open)
        && page_count_tail(head, f.year.is_some()).is_some()
    {
        f.notes.push(series);
        f.placed.push(span_of(s, r_trim.get(open + 2..).unwrap_or_default()));
        r_trim = head;
    }
    // `Paris: PUF, 2013. 518 p.` / `Bratislava: Iura, 2007. 634 s.`: a book's extent
    if let Some((head, extent)) = page_count_tail(r_trim, f.year.is_some()) {
        f.notes.push(extent);
        f.placed.push(span_of(s, extent));
        r_trim = head;
    }
    // `Novak, P. 2007. Title. Bratislava: Iura, 2007.` (ISO 690 author-date): the year
    // after the authors printed again after the publisher is the year, not a volume
    if let Some(y) = f.year
        && let Some(head) = r_trim.strip_suffix(y)
        && let Some(head) = head.strip_suffix(", ")
        && place_publisher(head.rsplit(". ").next().unwrap_or(head)).is_some()
    {
        f.placed.push(span_of(s, r_trim.get(head.len()..).unwrap_or_default()));
        r_trim = head;
    }
    // `Language Studies, 13-42. Jerusalem: Magnes. (in Hebrew)`: a language tag last
    if r_trim.ends_with(')')
        && let Some(open) = r_trim.rfind('(')
        && let Some(inner) = r_trim.get(open + 1..r_trim.len() - 1)
        && (inner.starts_with("in ") || inner.starts_with("In "))
        && inner.split_whitespace().count() == 2
    {
        let note = r_trim.get(open..).unwrap_or_default();
        f.notes.push(inner);
        f.placed.push(span_of(s, note));
        r_trim = r_trim
            .get(..open)
            .unwrap_or_default()
            .trim_end_matches(|c: char| is_field_punct(c));
    }
    // `New York: The Dial Press, 1924. Reprinted from 1811 edition (Albany).`,
    // `Taipei: Ricci Institute. (Original work published 1646)`: the publication history
    // last, a note
    if let Some(i) = rfind_str(r_trim, ". ")
        && let Some(last) = r_trim.get(i + 2..)
        && [
            "Reprinted ",
            "Reprint of ",
            "Originally published ",
            "First published ",
            "(Original work published ",
            "(Reprinted ",
            "(Originally published ",
        ]
        .iter()
        .any(|p| last.starts_with(p))
    {
        f.notes.push(last.trim_start_matches('(').trim_end_matches(')'));
        f.placed.push(span_of(s, last));
        r_trim = r_trim.get(..i).unwrap_or_default();
    }
    // `Nat. Biotechnol. 34, 525–527 (2016); erratum 34, 888 (2016).`: a correction notice
    for marker in ["; erratum ", "; Erratum ", "; correction ", "; Correction "] {
        if let Some(i) = find_str(r_trim, marker) {
            let note = r_trim.get(i + 2..).unwrap_or_default();
            f.notes.push(note);
            f.placed.push(span_of(s, r_trim.get(i..).unwrap_or_default()));
            r_trim = r_trim.get(..i).unwrap_or_default();
            break;
        }
    }
    // `Obstet Gynecol 123 in press.`: the status is a note, not part of the journal
    for tail in [
        " in press",
        " In press",
        " (in press)",
        " (In press)",
        ", in press",
        " (in the press)",
        // (`119 (45), pp.e2123528119 [Online].`: the medium after the source)
        " [Online]",
        " [online]",
        " in the press",
    ] {
        if let Some(head) = r_trim.strip_suffix(tail) {
            let note = r_trim.get(head.len()..).unwrap_or_default();
            f.notes.push(note.trim_start_matches([',', ' ', '(']).trim_end_matches(')'));
            f.placed.push(span_of(s, note));
            r_trim = head.trim_end_matches(|c: char| is_field_punct(c));
            break;
        }
    }
    // `Farumashia. 2013;49:965-9. Japanese.`: the article's language, last
    if let Some((head, lang)) = r_trim.rsplit_once(". ")
        && matches!(
            lang,
            "Japanese"
                | "Chinese"
                | "Korean"
                | "German"
                | "French"
                | "Spanish"
                | "Portuguese"
                | "Italian"
                | "Russian"
                | "Polish"
                | "Czech"
                | "Hungarian"
                | "Turkish"
                | "Dutch"
                | "Danish"
                | "Swedish"
                | "Norwegian"
                | "Persian"
        )
        && head.ends_with(|c: char| c.is_ascii_digit())
    {
        f.notes.push(lang);
        f.placed.push(span_of(s, lang));
        r_trim = head;
    }
    // `New York: Norton, 2003 [1910].`: the first edition's year after the year is a
    // note, no volume
    if r_trim.ends_with(']')
        && let Some(open) = r_trim.rfind(" [")
        && r_trim
            .get(open + 2..r_trim.len() - 1)
            .is_some_and(|y| date::parse_year(y).is_some())
        && let Some(head) = r_trim.get(..open)
        && head.rsplit([' ', ',']).next().is_some_and(|y| date::parse_year(y).is_some())
        && let Some(note) = r_trim.get(open + 1..)
    {
        f.notes.push(note);
        f.placed.push(span_of(s, note));
        r_trim = head;
    }
    let mut src_at = source::source_start(r_trim);
    // `…, pages 73–88, New York, NY, USA, 2001. ACM.`: the publisher after the source
    if src_at == r_trim.len()
        && let Some(i) = rfind_str(r_trim, ". ")
        && let Some(tail) = r_trim.get(i + 2..)
        && (is_org_acronym(tail)
            || publisher_place(tail)
                .is_some_and(|(p, place)| place.is_none() && p == tail))
        && let Some(before) = r_trim.get(..i)
        && before.rsplit([' ', ',']).next().is_some_and(|y| date::parse_year(y).is_some())
    {
        let at = source::source_start(before);
        if at < before.len() {
            f.publisher = Some(tail);
            f.placed.push(span_of(s, tail));
            r_trim = before;
            src_at = at;
        }
    }
    // a note after the source block: `Journal, 9(1), 21-33. (with reflections by …)`,
    // `Journal, 985-987. Special Issue on Learning.`
    if src_at == r_trim.len()
        && let Some((before, note)) = trailing_note(r_trim)
    {
        let at = source::source_start(before);
        let block = before.get(at..).unwrap_or_default();
        if block.bytes().filter(u8::is_ascii_digit).count() >= 3
            && block.contains(['-', '–', ',', ':', '('])
        {
            f.notes.push(note);
            f.placed.push(span_of(s, note));
            r_trim = before;
            src_at = at;
        }
    }
    // `The PyMOL Molecular Graphics System, version 2.0; 2017`: a software version
    // belongs to the title, it is no volume
    if let Some(head) = r_trim.get(..src_at)
        && ["version", "Version", "Release", "release"]
            .iter()
            .any(|w| head.trim_end().ends_with(w))
        && head.ends_with(' ')
        && let Some(tail) = r_trim.get(src_at..)
    {
        let v =
            tail.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'.').count();
        let v = tail.get(..v).map_or(0, |t| t.trim_end_matches('.').len());
        if v > 0 {
            src_at += v;
        }
    }
    let block = r_trim.get(src_at..).unwrap_or_default();
    let src = source::parse_source(block, f.year.is_none());
    f.year_first_source = src.year.is_some()
        && block.get(..4).is_some_and(|y| src.year == Some(y))
        && block.get(4..).is_some_and(|t| t.starts_with(", "));
    // USGS and GSA: `v. 412, p. 785` — the journal came after a colon
    f.volume_label_source = block.starts_with("v. ");
    // APS: `76, 167 (1995)` — volume, page, the year in brackets last
    f.year_last_source = src.year.is_some_and(|y| {
        block
            .trim_end_matches(['.', ' '])
            .strip_suffix(')')
            .and_then(|b| b.strip_suffix(y))
            .is_some_and(|b| b.ends_with('('))
    });
    let block_base = rest_start + src_at;
    f.placed.push(block_base..block_base + block.len());
    for u in &src.unplaced {
        // put back what the block did not understand
        f.placed
            .retain(|p| !(p.start == block_base && p.end == block_base + block.len()));
        let _ = u;
    }
    if !src.unplaced.is_empty() {
        let mut last = block_base;
        for u in &src.unplaced {
            f.placed.push(last..block_base + u.start);
            last = block_base + u.end;
        }
        f.placed.push(last..block_base + block.len());
    }
    f.year = f.year.or(src.year);
    f.notes.extend(src.notes.iter().copied());
    // (a patent's month and day, read from the text after its number, stay)
    if src.month.is_some() || f.kind != Some(RefType::Patent) {
        f.month = src.month;
        f.day = src.day;
    }
    f.volume = src.volume;
    f.issue = src.issue;
    f.pages = src.pages;
    // `Proc Intl Soc Mag Reson Med: 2759.`: one number after a colon, no volume before
    // it, is the page (an abstract's number)
    if f.issue.is_none()
        && f.pages.is_none()
        && f.volume.is_some_and(|v| v.len() >= 3)
        && s.get(..block_base).is_some_and(|b| b.trim_end().ends_with(':'))
        && block.trim_end_matches(|c: char| is_field_punct(c))
            == f.volume.unwrap_or_default()
    {
        f.pages = f.volume.take();
    }
    // 5. title and container
    let middle = rest_start..rest_start + src_at;
    body(s, middle, &mut f);
    if let Some((t_len, _)) = title_first
        && let Some(t) = core.get(..t_len)
    {
        // (what the rest read as a title is the periodical: `(1993, July 15). The
        // Washington Post, p. A12.`)
        if f.title.is_some() && f.container.is_none() && f.publisher.is_none() {
            f.container = f.title.take();
        }
        if f.title.is_none() {
            f.title = Some(t);
        } else {
            f.notes.push(t);
        }
    }
    // `Saint François d’Assise, 8 vols.`: how many volumes the work has, after its title
    if let Some(t) = f.title
        && let Some((head, n)) = t.trim_end_matches('.').rsplit_once(", ")
        && let Some(count) =
            n.strip_suffix(" vols").or_else(|| n.strip_suffix(" volumes"))
        && !count.is_empty()
        && count.bytes().all(|b| b.is_ascii_digit())
        && !head.is_empty()
    {
        f.title = Some(head);
        f.notes.push(t.get(head.len() + 2..).unwrap_or_default());
    }
    // `(Paris: Alphonse Leduc, 1988–1992)`: a work published over years, not its pages
    if f.year.is_none()
        && f.publisher.is_some()
        && f.container.is_none()
        && f.volume.is_none()
        && let Some(p) = f.pages
        && let Some((a, b)) = p.split_once(['-', '–'])
        && let (Some(ya), Some(yb)) = (date::parse_year(a), date::parse_year(b))
        && ya < yb
    {
        f.year = Some(a);
        f.pages = None;
    }
    // APA's entry in a reference work, without `In`: `Falcon and Falconry. World book
    // encyclopedia. (pp. 150-155). Chicago: World Book.`
    if f.container.is_none()
        && f.pages.is_none()
        && let Some((title, work, pages)) = f.title.and_then(entry_in_work)
    {
        f.title = Some(title);
        f.container = Some(work);
        f.pages = Some(pages);
        f.kind = Some(RefType::Chapter);
        // `”Relational agency.” In Dépelteau F (ed.)`: the book's editors
        if let Some(i) = find_str(title, ".” In ")
            .map(|i| i + 4)
            .or_else(|| find_str(title, ". In ").map(|i| i + 1))
            && let Some(eds) = title.get(i + 4..)
        {
            let names = eds
                .trim_end_matches(['.', ' '])
                .trim_end_matches(|c: char| c != '(')
                .trim_end_matches('(')
                .trim_end();
            if !push_editors(names, &mut f) {
                f.notes.push(eds);
            }
            f.title = title.get(..i).map(str::trim_end);
        }
    }
    // GOST 7.1: `Title / И. И. Иванов, П. П. Петров`: the statement of responsibility
    // after the title repeats the authors
    // (all the names when the heading gave only the first: `Петров П.П. Title /
    // П.П. Петров, С.С. Сидоров [и др.]`)
    if let Some(t) = f.title
        && let Some((title, names, more)) = responsibility_statement(t)
    {
        f.title = Some(title);
        let list: Vec<&str> = names.split(", ").collect();
        let heading_family = f
            .authors
            .first()
            .and_then(|a| a.split([' ', ',']).next())
            .unwrap_or_default();
        if list.len() > f.authors.len()
            && !f.authors_are_editors
            && list.first().and_then(|n| n.rsplit(' ').next()) == Some(heading_family)
        {
            f.authors = list;
            f.et_al |= more;
        }
        let whole = t.get(title.len()..).unwrap_or_default();
        f.notes.push(whole.trim_start_matches([' ', '/']).trim_end_matches(['.', ' ']));
    }
    tidy_container(&mut f);
    comma_book(s, &mut f);
    semicolon_publisher(s, &mut f);
    // `Title, New York ; Oxford, Oxford University Press, 2014` (French comma style):
    // two places before the publisher, the first read into the title
    if let Some(p) = f.publisher
        && let Some((second, publ)) = p.split_once(", ")
        && is_publication_place(second)
        && !publ.is_empty()
        && f.place.is_none()
        && let Some(t) = f.title
        && let Some((head, first)) = t.rsplit_once(", ")
        && is_publication_place(first)
    {
        let (ts, ps) = (span_of(s, t), span_of(s, p));
        let first_at = ts.start + head.len() + 2;
        let between = s.get(ts.end..ps.start).unwrap_or_default();
        if between.trim() == ";" {
            f.title = Some(head);
            f.place = s.get(first_at..ps.start + second.len());
            f.publisher = Some(publ);
        }
    }
    // `(ed. J.H. Neyrey; Peabody, Ma.: Hendrickson, 1991)`: the book's editor, then its
    // place and publisher, in one bracket
    if let Some(p) = f.publisher
        && let Some((who, rest)) = p.split_once("; ")
        && let Some((label, names)) =
            ["ed. ", "eds. ", "Ed. ", "Eds. ", "trans. ", "tr. "]
                .iter()
                .find_map(|l| who.strip_prefix(l).map(|n| (*l, n)))
    {
        if !(label.starts_with(['e', 'E']) && push_editors(names, &mut f)) {
            f.notes.push(who);
        }
        match place_publisher(rest) {
            Some((place, publ)) => {
                f.place = Some(place);
                f.publisher = Some(publ);
            }
            None => f.publisher = Some(rest),
        }
    }
    // `Title, Michael Holquist (ed.), Caryl Emerson (trans.)` / `Title, tr. W. Rehg`:
    // who edited or translated the book, after its title
    // `Berrien Springs: Andrews University Press` / `1967: Springer-Verlag` taken whole
    // as the publisher: the place (or the year) before the colon is not its name
    if let Some(p) = f.publisher
        && let Some((head, publ)) = p.split_once(": ")
        && !publ.is_empty()
        && !publ.contains(": ")
    {
        if date::parse_year(head).is_some() {
            f.year = f.year.or(Some(head));
            f.publisher = Some(publ);
        } else if f.place.is_none()
            && looks_like_place(head)
            && head.split(' ').count() <= 3
        {
            f.place = Some(head);
            f.publisher = Some(publ);
        }
    }
    // ACS: `Wang, L. Ph.D. Thesis, Stanford University, 2015.` — no title, the
    // degree and the school
    if let Some(t) = f.title
        && let Some((label, school)) = t.split_once(", ")
        && label.split_whitespace().count() <= 3
        && has_word(label, &["thesis", "Thesis", "dissertation", "Dissertation"])
        && has_word(school, INSTITUTION_WORDS)
    {
        f.kind = Some(RefType::Thesis);
        f.notes.push(label);
        f.publisher = f.publisher.or(Some(school.trim_end_matches('.')));
        f.title = None;
    }
    // `The Hydrolysis of Cations, 1976, New York: Wiley`: the year after the title
    if f.year.is_none()
        && let Some(t) = f.title
        && let Some((head, y)) = t.trim_end_matches(['.', ',']).rsplit_once(", ")
        && date::parse_year(y).is_some()
        && !head.is_empty()
    {
        f.year = Some(y);
        f.title = Some(head);
    }
    // APA without an author: `The Blackwell dictionary of psychology. (1991). Place:
    // Publisher` — the year after the title
    if f.year.is_none()
        && f.authors.is_empty()
        && let Some(t) = f.title.map(|t| t.trim_end_matches(['.', ' ']))
        && t.ends_with(')')
        && let Some(open) = rfind_str(t, " (")
        && let Some(y) = t.get(open + 2..t.len() - 1)
        && date::parse_year(y).is_some()
    {
        f.year = Some(y);
        f.title = t.get(..open).map(|h| h.trim_end_matches('.'));
    }
    // APA: `Title (Report No. 12)` / `Title (Policy Brief 2012-01)`: the report's
    // genre and number
    if let Some(t) = f.title.map(|t| t.trim_end_matches(['.', ' ']))
        && t.ends_with(')')
        && let Some(open) = t.rfind(" (")
        && let Some(inner) = t.get(open + 2..t.len() - 1)
        && inner.split_whitespace().count() <= 5
        && has_word(inner, &["Report", "Brief", "Paper", "Series", "Bulletin", "Memo"])
        && inner.starts_with(char::is_uppercase)
    {
        f.title = t.get(..open);
        f.notes.push(inner);
        if has_word(inner, &["Report", "Brief", "Paper"]) || f.kind.is_none() {
            f.kind = Some(RefType::Report);
        }
    }
    if let Some(t) = f.title {
        let (t, credits) = strip_credits(t, f.publisher.is_some());
        if !credits.is_empty() && !t.is_empty() {
            f.title = Some(t);
            f.notes.extend(credits);
        }
    }
    // `J. M. Maldacena, Adv. Theor. Math. Phys. 2 (1998) 231-252.`: no title, the
    // abbreviated journal is the container
    // ACS without a title: `Han, S. E.; Chen, G. Nano Lett. 2010, 10, 1012.` (the full
    // stop after the last word counts as an abbreviation's)
    if f.container.is_none()
        && f.volume.is_some()
        && f.title.is_some_and(|t| {
            let end = span_of(s, t).end;
            let after = s.get(end..).unwrap_or_default();
            // `ACS Nano 2018, 12, 1.`: a journal runs into the year; a title ends with
            // a full stop
            let into_year = after.starts_with(' ')
                && after.get(1..5).is_some_and(|y| date::parse_year(y).is_some())
                && after.get(5..6) == Some(",")
                && t.split_whitespace().count() <= 4
                && t.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
            looks_abbreviated(t)
                || into_year
                || after.starts_with('.') && looks_abbreviated(&format!("{t}."))
        })
    {
        f.container = f.title.take();
    }
    // APA theses: `Title (Unpublished doctoral dissertation). University of X.`
    if let Some(t) = f.title.map(|t| t.trim_end_matches(['.', ' ']))
        && t.ends_with(')')
        && let Some(open) = t.rfind(" (")
    {
        let inner = t.get(open + 2..t.len() - 1).unwrap_or_default();
        let l = inner.to_lowercase();
        if l.contains("dissertation") || l.contains("thesis") {
            f.title = t.get(..open);
            f.notes.push(inner);
            f.kind = Some(RefType::Thesis);
            if f.publisher.is_none()
                && let Some(c) = f.container
                && has_word(c, INSTITUTION_WORDS)
            {
                f.publisher = f.container.take();
            }
        }
    }
    // `Submitted, 1998.` / `Personal communication, March 2005.`: a status, not a field
    if f.container.is_some_and(is_status_phrase) {
        f.notes.extend(f.container.take());
    } else if f.container.is_none() && f.title.is_some_and(is_status_phrase) {
        f.notes.extend(f.title.take());
    }
    // `J. Am. Chem. Soc.`: an abbreviated journal's last full stop is its own
    if let Some(c) = f.container {
        let r = span_of(s, c);
        if s.get(r.end..).is_some_and(|a| a.starts_with('.'))
            && c.split_whitespace().rev().skip(1).any(|w| w.ends_with('.'))
        {
            f.container = s.get(r.start..r.end + 1);
        }
    }
    // no year where styles put one: the last year-like word outside the title and
    // the identifiers (`…, Dover Publications, 1987 ISBN …`, `(July / August 1992)`)
    if f.year.is_none() {
        let title = f.title.map(|t| span_of(s, t));
        let ids: Vec<Range<usize>> = hits.iter().map(|h| h.span.clone()).collect();
        let mut found = None;
        for w in s.get(..core_end).unwrap_or_default().split(' ') {
            let y = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            let y = y.strip_suffix(|c: char| c.is_ascii_lowercase()).unwrap_or(y);
            if y.len() == 4 && date::parse_year(y).is_some() {
                let r = span_of(s, y);
                let in_title =
                    title.as_ref().is_some_and(|t| t.start <= r.start && r.end <= t.end);
                let in_id = ids.iter().any(|i| i.start <= r.start && r.end <= i.end);
                if !in_title && !in_id {
                    found = Some(y);
                }
            }
        }
        f.year = found;
    }
    // Nature: `Title https://www.R-project.org/ (R Foundation, 2020).` — the publisher
    // and year in a bracket after the link
    if let Some(u) = hits.iter().find(|h| h.kind == IdKind::Url) {
        let after = s.get(u.span.end..).unwrap_or_default();
        let lead = after.len() - after.trim_start().len();
        let t = after.trim_start();
        if t.starts_with('(')
            && let Some(close) = t.find(')')
            && let Some(inner) = t.get(1..close)
            && let Some((publ, year)) = inner.rsplit_once(", ")
            && date::parse_year(year.trim()).is_some()
            && (1..=8).contains(&publ.split_whitespace().count())
            // (`(accessed May 31, 2013)`: when the page was read, not who published it)
            && !["accessed", "Accessed", "retrieved", "Retrieved", "cited", "viewed"]
                .iter()
                .any(|w| publ.starts_with(w))
        {
            f.publisher = f.publisher.or(Some(publ));
            f.year = f.year.or(Some(year.trim()));
            let start = u.span.end + lead;
            f.placed.push(start..start + close + 1);
        }
    }
    // the tail: a year for a web page (`… http://x, 2008.`), notes
    if f.year.is_none() {
        let tail = s.get(core_end..).unwrap_or_default();
        for (i, w) in tail.split(' ').enumerate() {
            if i > 200 {
                break;
            }
            let y = w.trim_matches(|c: char| !c.is_ascii_digit());
            if y.len() == 4 && date::parse_year(y).is_some() {
                let r = span_of(s, w);
                if !f.placed.iter().any(|p| p.start <= r.start && r.end <= p.end) {
                    f.year = Some(y);
                    f.placed.push(r);
                    break;
                }
            }
        }
    }
    drop_page_label(&mut f);
    title_volume(&mut f);
    // software: the name and version are the title; the company (with its `LLC`,
    // `Inc.`) and its place follow
    if let Some(end) = software
        && let Some(title) = core.get(..end)
    {
        f.title = Some(title);
        let rest = core.get(end..).unwrap_or_default().trim_start_matches([',', ' ']);
        let rest = f.year.map_or(rest, |y| {
            rest.trim_end_matches(['.', ' '])
                .strip_suffix(y)
                .map_or(rest, |r| r.trim_end_matches([',', ' ']))
        });
        let company_end =
            [", LLC", ", Inc.", ", Inc", " Inc.", ", Ltd.", ", Ltd", " GmbH"]
                .iter()
                .filter_map(|suf| find_str(rest, suf).map(|i| i + suf.len()))
                .min();
        let (publ, place) = match company_end {
            Some(e) => (rest.get(..e), rest.get(e..)),
            None => match rest.split_once(", ") {
                Some((p, pl)) => (Some(p), Some(pl)),
                None => (Some(rest), None),
            },
        };
        let place =
            place.map(|p| p.trim_start_matches([',', ' '])).filter(|p| !p.is_empty());
        if let Some(p) = publ.filter(|p| !p.is_empty()) {
            f.publisher = Some(p);
            f.container = None;
            f.place = place;
            f.placed.push(span_of(s, rest));
        }
        f.kind = Some(RefType::Document);
    }
    // `Title (STELLA Study) J Cardiovasc Dev Dis. 2020;7`: PubMed drops the full stop
    // of a title that ends with a bracket, so the journal runs on after it
    if f.container.is_none()
        && f.publisher.is_none()
        && (f.volume.is_some() || f.pages.is_some())
        && let Some(t) = f.title
        && let Some((title, journal)) = bracket_then_journal(t)
    {
        f.title = Some(title);
        f.container = Some(journal);
        f.kind = Some(RefType::Article);
    }
    // (a journal-only citation's one sentence is the journal, found or not)
    if f.journal_only && f.container.is_none() {
        f.container = f.title.take();
        f.kind = f.kind.or(Some(RefType::Article));
    }
    in_journal(s, &mut f);
    // an author-year label's year is the reference's (`Jayawickrama et al. 2024 : …,
    // Cancer Rep 7, p. 2045`: not a page that looks like a year)
    if let Some(y) = label_year(s.get(..lab).unwrap_or_default()) {
        f.year = Some(y);
    }
    f
}

/// The year that closes an author-year label (`Antila et al. 2022 : ` → `2022`,
/// `Antila et alii 2022a, ` → `2022`); none for a number's label (`12. `, `[3] `).
fn label_year(label: &str) -> Option<&str> {
    if !label.starts_with(char::is_uppercase) {
        return None;
    }
    let last = label.trim_end_matches([' ', ':', '=', ',']).rsplit(' ').next()?;
    let year = last.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    let suffix_ok =
        last.get(4..).is_some_and(|t| t.bytes().all(|b| b.is_ascii_lowercase()));
    (suffix_ok && date::parse_year(year).is_some()).then_some(year)
}

/// `« Title », in Sci Adv, nᵒ 11, vol. 8, 2022, p. eabk3327` (French),
/// `’Title’ In: Journal 119 (45) p.e2123528119` (Harvard): `in` before a journal.
/// A "chapter" with a volume and an issue, and no editors, publisher or place, is an
/// article: a book has no issue. So is one with a volume and pages after a quoted
/// title, unless a proceedings (`“Title,” in Sci Adv, vol. 8, eabk3327`); after a
/// title not quoted, a volume and pages are left a chapter's: a series' `volume 17 of
/// Clay Math. Proc., pages 1–72` whose publisher went unread.
fn in_journal(s: &str, f: &mut Fields<'_>) {
    let quoted_title = || {
        f.title.map(|t| span_of(s, t)).is_some_and(|r| {
            s.get(..r.start)
                .is_some_and(|b| b.trim_end().ends_with(['“', '"', '‘', '’', '«', '\'']))
        })
    };
    if f.kind == Some(RefType::Chapter)
        && f.editors.is_empty()
        && f.publisher.is_none()
        && f.place.is_none()
        && f.volume.is_some()
        && f.container.is_some_and(|c| {
            f.issue.is_some()
                || f.pages.is_some()
                    && !is_proceedings_title(c)
                    // (`in “MRS Proceedings,”, vol. 379`; PNAS is a journal)
                    && (!has_word(c, &["Proceedings"]) || c.contains("Academy of Sciences"))
                    && quoted_title()
        })
    {
        f.kind = Some(RefType::Article);
    }
}

/// `Obra Crítica, vol. 2`: a book's volume at the end of its title.
fn title_volume(f: &mut Fields<'_>) {
    if f.volume.is_some() || f.container.is_some() {
        return;
    }
    let Some(t) = f.title.map(|t| t.trim_end_matches(['.', ' '])) else { return };
    // (the volume closes the title: only its last comma can open the label)
    let Some(i) = rfind_str(t, ", ") else { return };
    let tail = t.get(i..).unwrap_or_default();
    for label in [", vol. ", ", Vol. ", ", volume ", ", Volume ", ", vol ", ", Vol "] {
        if let Some(v) = tail.strip_prefix(label)
            && !v.is_empty()
            && (v.bytes().all(|b| b.is_ascii_digit())
                || v.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
        {
            f.title = t.get(..i);
            f.volume = Some(v);
            return;
        }
    }
}

/// A chapter before its book's bracket of publication: `‘Elections’, in Robert Singh
/// (ed.), Governing America: The Politics of a Divided Democracy` (Oxford) or `The
/// Europeans, in Novels, 1871–1880` (Chicago's notes) — the title before `, in `, then
/// the book's editors with `(ed.)` and the book. Sets the fields and says so.
fn in_book<'a>(t: &'a str, f: &mut Fields<'a>) -> bool {
    let Some(i) = find_str(t, ", in ") else { return false };
    let (Some(head), Some(mut book)) = (t.get(..i), t.get(i + 5..)) else { return false };
    // (`… (e.g., Name’s focus, in Book`: a note's text, the bracket open)
    let balanced = head.matches('(').count() == head.matches(')').count();
    if head.trim().is_empty() || !balanced || !book.starts_with(char::is_uppercase) {
        return false;
    }
    for label in [" (ed.), ", " (eds.), ", " (eds), ", " (ed), "] {
        if let Some((names, rest)) = book.split_once(label)
            && !rest.is_empty()
            && push_editors(names, f)
        {
            book = rest;
            break;
        }
    }
    f.title = Some(head);
    f.container = Some(book);
    f.kind = Some(RefType::Chapter);
    true
}

/// A book's editors written before it (`M. B. Parkes and Andrew G. Watson`, `Kolind,
/// Hunt & Thom`, `N. Standaert & AD. Dudink`) → the editors. When the name rules stop
/// before the end, the list is cut at its separators (`, `, ` and `, ` & `) if every
/// piece reads as a name; else what is left is a note, never lost.
fn editor_names<'a>(names: &'a str, f: &mut Fields<'a>) {
    let names = names.trim_end_matches([',', ' ', '.']);
    let al = authors::scan_authors(names);
    let rest = names.get(al.end..).unwrap_or_default().trim_matches([',', ' ', '.']);
    if rest.is_empty() {
        if al.items.is_empty() {
            f.notes.push(names);
        }
        f.editors.extend(al.items.iter().filter_map(|r| names.get(r.clone())));
        return;
    }
    let pieces: Vec<&str> = names
        .split(", ")
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(|p| p.trim().trim_start_matches("and ").trim())
        .filter(|p| !p.is_empty())
        .collect();
    let plausible = |p: &&str| {
        let words = p.split_whitespace().count();
        // (a family name is a word, not an initial: `O. C. A.`, `J` are no names)
        let family = p.split_whitespace().any(|w| {
            w.trim_end_matches('.').chars().count() >= 2 && !is_dotted_initials_word(w)
        });
        (1..=5).contains(&words)
            && family
            && !p.split_whitespace().last().is_some_and(is_dotted_initials_word)
            && p.starts_with(char::is_uppercase)
            && !p.bytes().any(|b| b.is_ascii_digit())
            && !p.contains(['(', ')', ':', ';'])
    };
    if pieces.len() >= 2 && pieces.iter().all(plausible) {
        f.editors.extend(pieces);
    } else {
        f.editors.extend(al.items.iter().filter_map(|r| names.get(r.clone())));
        f.notes.push(rest);
    }
}

/// Reads `names` as a book's editors into `f` when the author scan takes all of it
/// (`Don E. Fehrenbacher`, `J.H. Neyrey`); adds nothing and is false otherwise.
fn push_editors<'a>(names: &'a str, f: &mut Fields<'a>) -> bool {
    let al = authors::scan_authors(names);
    let whole = !al.items.is_empty() && al.end + 1 >= names.len();
    if whole {
        f.editors.extend(al.items.iter().filter_map(|r| names.get(r.clone())));
    }
    whole
}

/// The parts of an MLA film reference.
struct Film<'a> {
    title: &'a str,
    /// `Dir. David Twohy`, `Perf. Charlie Sheen`, `Screenplay, Jerzy Kosinski`.
    credits: Vec<&'a str>,
    distributor: &'a str,
    place: Option<&'a str>,
    year: &'a str,
}

/// MLA's film: `Title. Dir. Name. [Perf. Names.] [Prod. Name.] Distributor[, Place],
/// Year.` — a title, then the director's credit, further credits, and the distributor
/// with its year last.
fn mla_film(core: &str) -> Option<Film<'_>> {
    const CREDITS: &[&str] =
        &["Dir. ", "Dir, ", "Perf. ", "Prod. ", "Screenplay, ", "Screenplay ", "Writ. "];
    let i = find_str(core, ". ")?;
    let title = core.get(..i)?;
    let mut rest = core.get(i + 2..)?;
    if !(rest.starts_with("Dir. ") || rest.starts_with("Dir, ")) || title.is_empty() {
        return None;
    }
    let mut credits = Vec::new();
    while let Some(label) = CREDITS.iter().find(|c| rest.starts_with(*c)) {
        let end = label.len() + find_str(rest.get(label.len()..)?, ". ")?;
        credits.push(rest.get(..end)?);
        rest = rest.get(end + 2..)?;
    }
    let tail = rest.trim_end_matches(['.', ' ']);
    let (head, year) = tail.rsplit_once(", ")?;
    date::parse_year(year)?;
    if year.len() != 4 || head.contains(". ") {
        return None;
    }
    let (distributor, place) = match head.split_once(", ") {
        Some((d, p)) => (d, Some(p)),
        None => (head, None),
    };
    Some(Film { title, credits, distributor, place, year })
}

/// `Falcon and Falconry. World book encyclopedia. (pp. 150-155)` → the entry's title,
/// the work (one sentence without abbreviations) and the labelled pages.
fn entry_in_work(t: &str) -> Option<(&str, &str, &str)> {
    let t = t.trim_end_matches(['.', ' ']);
    let inner_end = t.strip_suffix(')')?.len();
    let open = t.rfind('(')?;
    let inner = t.get(open + 1..inner_end)?;
    let pages = inner.strip_prefix("pp. ").or_else(|| inner.strip_prefix("p. "))?;
    if !is_page_range(pages) {
        return None;
    }
    let head = t.get(..open)?.trim_end_matches(['.', ' ']);
    let split = rfind_str(head, ". ")?;
    let work = head.get(split + 2..)?;
    let title = head.get(..split)?;
    (!title.is_empty()
        && !work.contains(['.', '(', ')'])
        && (1..=8).contains(&work.split_whitespace().count()))
    .then_some((title, work, pages))
}

/// APA's reference without an author: a title, then its date in brackets (`Good
/// chemistry. (1996, September). Wake Forest University Magazine, 44(1), p. 8`, `New
/// drug appears to cut risk of death. (1993, July 15). The Washington Post, p. A12.`).
/// `al` is what the author scan read: nothing, or the title taken for an organisation
/// (a phrase with a small-letter word that names none). Returns the title's length and
/// where the date starts.
fn title_then_date(core: &str, al: &authors::AuthorList) -> Option<(usize, usize)> {
    let open = crate::bytes::find(core.as_bytes(), b" (")?;
    let t = core.get(..open)?;
    let t_len = t.trim_end_matches(['.', ',']).len();
    let title = t.get(..t_len)?;
    if t_len == t.len()
        || t.len() - t_len > 1
        || title.contains(['(', ')', ';', '"', '“'])
    {
        return None;
    }
    let after = core.get(open + 1..)?;
    let (len, year) = leading_year(after)?;
    year?;
    let tail = after.get(len..)?;
    if !(tail.starts_with(". ") || tail == ".") {
        return None;
    }
    let words = title.split_whitespace().count();
    let content_small = title.split_whitespace().skip(1).any(|w| {
        w.starts_with(char::is_lowercase)
            && !matches!(
                w,
                "of" | "and" | "the" | "for" | "in" | "on" | "at" | "to" | "de"
            )
    });
    // (with no name read, a bare year is left to the rest of the parser, which reads
    // `Title. (1991). Oxford, England: Blackwell.`; a month or day marks the periodical)
    let dated =
        after.get(1..len.saturating_sub(1)).is_some_and(|d| d.contains([',', ' ']));
    let read_as_organisation = match al.items.as_slice() {
        [] => al.end == 0 && dated,
        // (`hooks bell. (2000).`: a name in small letters)
        [one] => {
            one.start == 0
                && title.starts_with(char::is_uppercase)
                && one.end == t_len
                && !title.contains(',')
                && !crate::normalize::author::has_org_word(title)
        }
        _ => false,
    };
    (words >= 2 && content_small && read_as_organisation).then_some((t_len, open + 1))
}

/// `(2004)` | `(2010a).` | `(n.d.)` | `[2022]` | `2014.` | `2014,` at the start: its length and year.
fn leading_year(s: &str) -> Option<(usize, Option<&str>)> {
    if s.starts_with('(') {
        let close = s.find(')').filter(|&c| c < 40)?;
        let inner = s.get(1..close)?;
        if inner.starts_with("n.d") || inner.eq_ignore_ascii_case("in press") {
            return Some((close + 1, None));
        }
        // `(1959) 1990.`: the first publication, then the year of the edition cited
        if date::parse_year(inner).is_some()
            && let Some(y2) = s.get(close + 2..close + 6)
            && s.get(close + 1..close + 2) == Some(" ")
            && date::parse_year(y2).is_some()
            && s.get(close + 6..)
                .is_some_and(|a| a.starts_with(". ") || a.starts_with(", "))
        {
            return Some((close + 6, Some(y2)));
        }
        // `(2010)`, `(2010, March 5)`, `(December 1998)`
        let year =
            inner.split([',', ' ']).take(3).find(|w| date::parse_year(w).is_some())?;
        return Some((close + 1, Some(year)));
    }
    if let Some(y) = authors::year_square(s) {
        return Some((y.len() + 2, Some(y.get(..4).unwrap_or(y))));
    }
    let y = s.get(..4)?;
    date::parse_year(y)?;
    let mut n = 4;
    if s.get(4..5).is_some_and(|c| c.chars().all(|c| c.is_ascii_lowercase())) {
        n = 5;
    }
    let after = s.get(n..)?;
    // `2014. Title`, `2014, Title`, `1875 "Title"`, `1877 Illustrated Toronto`
    let spaced_title = after
        .strip_prefix(' ')
        .and_then(|t| t.chars().next())
        .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '«'));
    // (`Lind M, et al. 2016 ESC guidelines for … Eur Heart J. 2016;37:2129`: with the
    // NLM date block later, a year and a word open the title)
    let spaced_title = spaced_title && !has_nlm_date(after);
    (after.starts_with(". ")
        || after.starts_with(", ")
        || after.starts_with(": ")
        || spaced_title)
        .then(|| (n, s.get(..n)))
}

/// True when `s` holds an NLM date block: a year, maybe a month and day, then `;`
/// (`. 2016;37`, `. 2021 May;71`, `. 2021 May 3;71`, Vancouver's `Journal 2016;37`).
fn has_nlm_date(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b';', b).any(|semi| {
        let head = b.get(..semi).unwrap_or_default();
        let last_word = memchr::memrchr(b' ', head).map_or(head, |i| &head[i + 1..]);
        if last_word.len() == 4
            && std::str::from_utf8(last_word).is_ok_and(|y| date::parse_year(y).is_some())
        {
            return true;
        }
        // the date is the text since the last `. ` before the `;`
        let start = crate::bytes::rfind(head, b". ").map_or(0, |i| i + 2);
        let date = head.get(start..).unwrap_or_default();
        let year = date.get(..4).and_then(|y| std::str::from_utf8(y).ok());
        year.is_some_and(|y| date::parse_year(y).is_some())
            && date.len() <= 11
            && date.get(4..).is_some_and(|r| r.is_empty() || r.first() == Some(&b' '))
    })
}

/// Sentence boundaries in `s` (`. `, `? `, `! ` before a capital, digit, quote or
/// bracket): the byte offsets where each segment ends (after the mark).
fn sentence_ends(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut depth = 0i32;
    // (every mark and bracket is ASCII: a byte pass finds them at the same offsets, and
    // the bytes of other characters match none of them)
    for (i, c) in b.iter().map(|&x| char::from(x)).enumerate() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if !matches!(c, '.' | '?' | '!') || depth > 0 || b.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = s.get(i + 2..).and_then(|t| t.chars().next());
        let before = s.get(..i).unwrap_or_default();
        let prev_word = before.rsplit(' ').next().unwrap_or_default();
        // a journal that starts in lower case (`npj Genom Med`, `eClinicalMedicine`)
        // after a full word (`NFAT-YAP1-ss-catenin. eLife`, `(Preprint). bioRxiv`: a
        // word with hyphens or in brackets too, but no dotted abbreviation)
        let lower_journal = next.is_some_and(char::is_lowercase)
            && c == '.'
            && prev_word.chars().filter(|ch| ch.is_alphanumeric()).count() >= 3
            && prev_word
                .chars()
                .all(|ch| ch.is_alphanumeric() || matches!(ch, '-' | '(' | ')' | '+'))
            && prev_word.ends_with(|ch: char| ch.is_alphanumeric() || ch == ')')
            && !matches!(
                prev_word,
                "spp" | "var" | "subsp" | "approx" | "etc" | "vs" | "Fig" | "sp"
            )
            && s.get(i + 2..)
                .and_then(|t| t.split(' ').next())
                .is_some_and(|w| w.chars().skip(1).any(char::is_uppercase) || w == "npj");
        if !lower_journal
            && !next.is_some_and(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '“' | '"' | '[' | '(' | '‘')
            })
        {
            continue;
        }
        if c == '.' {
            let before = s.get(..i).unwrap_or_default();
            let w = before.rsplit(' ').next().unwrap_or_default();
            // `Edinburgh: R. Cadell`, `Leipzig: G. E. Beer`, `IL: C.C. Thomas`: a
            // publisher's initials after `Place:`
            // (and `Edited by D. B. Monro`: a name's initials after `by`)
            // (a few initials: only the last 24 bytes are looked at, so that a run of
            // `A. A. A.` stays linear)
            let mut from = before.len().saturating_sub(24);
            while !before.is_char_boundary(from) {
                from -= 1;
            }
            let near = before.get(from..).unwrap_or_default();
            if is_dotted_initials_word(w)
                && let Some(at) = rfind_str(near, ": ")
                    .map(|c| c + 2)
                    .into_iter()
                    .chain(rfind_str(near, " by ").map(|b| b + 4))
                    .max()
                && before
                    .get(from + at..)
                    .is_some_and(|t| t.split(' ').all(is_dotted_initials_word))
            {
                continue;
            }
            if matches!(
                w,
                "vs" | "e.g"
                    | "i.e"
                    | "St"
                    | "Dr"
                    | "Mr"
                    | "Mrs"
                    | "Ms"
                    | "Fig"
                    | "ca"
                    | "cf"
                    | "approx"
                    | "Inc"
                    | "Ltd"
                    | "Co"
                    | "Jr"
                    | "al"
                    | "Ph.D"
            ) {
                continue;
            }
            // `Title. Vol. 2. Place: Publisher`: the volume's label and its number are
            // one sentence
            if w == "Vol" && next.is_some_and(|n| n.is_ascii_digit()) {
                continue;
            }
        }
        out.push(i + 1);
    }
    out
}

/// `Title / И.И. Иванов, П. П. Петров [и др.]` → (`Title`, `И.И. Иванов, П. П.
/// Петров`, true): GOST 7.1's statement of responsibility, names in reading order
/// (dotted initials, then a capitalised family name) after ` / `, and whether it ends
/// with an et al.
fn responsibility_statement(t: &str) -> Option<(&str, &str, bool)> {
    let at = rfind_str(t, " / ")?;
    let names = t.get(at + 3..)?;
    let title = t.get(..at)?.trim_end();
    let name_ok = |n: &str| {
        let words: Vec<&str> = n.split_whitespace().collect();
        let Some((family, initials)) = words.split_last() else { return false };
        !initials.is_empty()
            && initials.iter().all(|w| is_dotted_initials_word(w) && w.ends_with('.'))
            && family.chars().next().is_some_and(char::is_uppercase)
            && family.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && family.chars().count() >= 2
    };
    let list = names.trim_end_matches(['.', ' ']);
    let cut = list.strip_suffix(" [и др.]").or_else(|| list.strip_suffix(" [et al.]"));
    let list = cut.unwrap_or(list).trim_end_matches(['.', ' ', ',']);
    (!title.is_empty() && !list.is_empty() && list.split(", ").all(name_ok)).then_some((
        title,
        list,
        cut.is_some(),
    ))
}

/// `R` | `G.` | `C.C` | `C.C.`: a word of initials (capitals, each but the last with
/// its full stop).
fn is_dotted_initials_word(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    // (most words fail on their first two bytes: a small letter, or a second letter)
    if let Some(&c) = w.as_bytes().first()
        && c.is_ascii()
        && (!c.is_ascii_uppercase() || w.as_bytes().get(1).is_some_and(|&n| n != b'.'))
    {
        return false;
    }
    !w.is_empty()
        && w.split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// True for a segment that is one abbreviated journal word (`J`, `Am`, `Chem`, `Soc`).
fn is_abbrev_word(seg: &str) -> bool {
    let t = seg.trim();
    let roman = t.trim_end_matches('.').chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    !t.is_empty()
        && !roman
        && !t.contains(' ')
        && t.chars().count() <= 12
        && t.chars().next().is_some_and(char::is_uppercase)
}

/// Words that name a publisher.
const PUBLISHER_WORDS: &[&str] = &[
    "Press",
    "Publishers",
    "Publisher",
    "Publishing",
    "Publications",
    "Verlag",
    "Springer",
    "Wiley",
    "Elsevier",
    "Books",
    "Dover",
    "Kluwer",
    "Routledge",
    "Sage",
    "SAGE",
    "McGraw",
    "Prentice",
    "Addison",
    "Academic",
    "Blackwell",
    "Saunders",
    "Mosby",
    "Livingstone",
    "Lippincott",
    "Thieme",
    "Karger",
    "CRC",
    "Norton",
    "Penguin",
    "Macmillan",
    "Pearson",
    "Cengage",
    "Taylor",
    "Harper",
    "Kaufmann",
    "Wesley",
    "Plenum",
    "Holland",
    "Pergamon",
    "Butterworth",
    "Butterworths",
    "Heinemann",
    "Garland",
    "Sinauer",
    "Humana",
    "Raven",
    "Dekker",
    "Erlbaum",
    "Guilford",
    "Freeman",
    "Birkhäuser",
    "Birkhauser",
    "Reidel",
    "Nijhoff",
    "Gruyter",
    "Brill",
    "Chapman",
    "Hall",
    "Sons",
    "Benjamin",
    "Cummings",
    "Gallimard",
    "Masson",
    "Knopf",
    "Palgrave",
    "Earthscan",
    "Longman",
    "Clarendon",
    "Jossey",
    "Wolters",
    "Kluwer",
    "Inc",
    "Ltd",
    "LLC",
    "GmbH",
    "Associates",
    "Cengage",
    "Hemmen",
];

/// `Inc.`, `Ltd.`: a word that continues a publisher's name after a comma.
fn is_company_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches(['.', ',']),
        "Inc" | "Ltd" | "Co" | "LLC" | "GmbH" | "Pub"
    )
}

/// `second edition`, `3 edition`, `2nd ed.`: an edition statement.
fn is_edition_phrase(t: &str) -> bool {
    let l = t.trim().trim_end_matches('.').to_lowercase();
    // (`Bratislava: Iura Edition` is a place and a publisher named so)
    t.split_whitespace().count() <= 3
        && !t.contains(':')
        && (l.ends_with(" edition") || l.ends_with(" ed") || l.ends_with(" edn"))
}

/// `4th.` | `Revised.` | `Reprint.`: a one-word edition statement of a book.
fn is_edition_word(t: &str) -> bool {
    let w = t.trim().trim_end_matches('.');
    let ordinal = w.len() <= 5
        && w.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|o| w.ends_with(o));
    ordinal || matches!(w, "Revised" | "Reprint" | "Reprinted" | "Facsimile")
}

/// What a book's reference may say between its title and its publisher: `Reprint,
/// illustrated`, `2 vols`, `3 volumes`, a numbered series (`Studies in Logic and the
/// Foundations of Mathematics 103`, `Mercury Series Directorate Paper 3`).
fn is_book_note(t: &str) -> bool {
    let t = t.trim().trim_end_matches('.');
    let words: Vec<&str> = t.split_whitespace().collect();
    let first = words.first().copied().unwrap_or_default();
    if first.starts_with("Reprint") && words.len() <= 4 {
        return true;
    }
    // `2 vols`, `3 volumes`
    if words.len() == 2
        && first.bytes().all(|b| b.is_ascii_digit())
        && matches!(words.get(1).copied(), Some("vols" | "vol" | "volumes" | "Vols"))
    {
        return true;
    }
    // a numbered series: capitalised words ending with its number
    let numbered = words.len() >= 2
        && words.last().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && first.starts_with(char::is_uppercase);
    numbered
        && has_word(
            t,
            &[
                "Series",
                "Studies",
                "Lecture",
                "Notes",
                "Monographs",
                "Monograph",
                "Paper",
            ],
        )
}

/// `…, Reading, MA, second edition` → `second edition`: an edition phrase after the
/// publisher's last comma.
fn trailing_edition(seg: &str) -> Option<&str> {
    let seg = seg.trim().trim_end_matches(['.', ',', ';']);
    let (_, last) = seg.rsplit_once(", ")?;
    is_edition_phrase(last).then_some(last)
}

/// `Springer Verlag, New York, USA` | `Dover Publications` → (publisher, place)
fn publisher_place(seg: &str) -> Option<(&str, Option<&str>)> {
    let seg = seg.trim().trim_end_matches(['.', ',', ';']);
    let mut cut = seg.find(", ");
    // `John Wiley and Sons, Inc., New York`: the company suffix is the publisher's
    while let Some(c) = cut
        && seg
            .get(c + 2..)
            .and_then(|t| t.split([' ', ',']).next())
            .is_some_and(is_company_suffix)
    {
        cut = seg.get(c + 2..).and_then(|t| t.find(", ")).map(|n| c + 2 + n);
    }
    let (publ, mut place) = match cut {
        Some(c) => (seg.get(..c).unwrap_or(seg), seg.get(c + 2..)),
        None => (seg, None),
    };
    // `…, Reading, MA, second edition`: the edition is not the place
    if let Some(p) = place
        && let Some((head, last)) = p.rsplit_once(", ")
        && is_edition_phrase(last)
    {
        place = Some(head);
    }
    // `Morgan Kaufmann, second edition`
    if place.is_some_and(is_edition_phrase) {
        place = None;
    }
    let ok = publ.split_whitespace().count() <= 6
        && publ
            .split([' ', '-', '/'])
            .any(|w| PUBLISHER_WORDS.contains(&w.trim_end_matches(['.', ','])))
        && place
            .is_none_or(|p| p.split_whitespace().count() <= 6 && !is_edition_phrase(p));
    if ok {
        // `Springer Berlin`, `Westview Press Boulder, CO`: the city after the name
        if let Some((name, city)) = publ.rsplit_once(' ')
            && (PUBLISHING_CITIES.contains(&city)
                || place.is_some_and(is_state_code)
                    && city.starts_with(char::is_uppercase)
                    && !PUBLISHER_WORDS.contains(&city))
            && name
                .split([' ', '-', '/'])
                .any(|w| PUBLISHER_WORDS.contains(&w.trim_end_matches(['.', ','])))
            // (`Springer Berlin Heidelberg`: a publisher named after its cities)
            && !name.rsplit(' ').next().is_some_and(|w| PUBLISHING_CITIES.contains(&w))
        {
            let city_at = name.len() + 1;
            let place = match place {
                Some(_) => seg.get(city_at..),
                None => Some(city),
            };
            return Some((name, place));
        }
        return Some((publ, place));
    }
    // `Water Research Foundation, Denver, Colo.`: an organisation's name, then a
    // place of publication
    if let Some(p) = place
        && is_publication_place(p)
        && is_org_publisher(publ)
    {
        return Some((publ, Some(p)));
    }
    // `Paris, EPEL` / `Boulder, Westview`: a known city, then the publisher
    // (`Boston, MA` is a place alone)
    let (city, publ) = seg.split_once(", ")?;
    // (`Aarhus, Denmark`, `Melbourne, Vic`: a city and its country or state)
    let state = is_region(publ);
    let ok = is_publication_place(city)
        && !state
        && (1..=4).contains(&publ.split_whitespace().count())
        && publ.starts_with(|c: char| c.is_uppercase())
        && !publ.contains(", ")
        && !publ.chars().any(|c| c.is_ascii_digit());
    ok.then_some((publ, Some(city)))
}

/// A name that may publish a book or report before its place (`Van Nostrand Reinhold
/// Company`, `Water Research Foundation`): no journal's words, unless an
/// organisation's word is there too.
fn is_org_publisher(publ: &str) -> bool {
    looks_like_publisher(publ)
        // (`From Late Antiquity to the Early Middle Ages` is a title's part)
        && publ.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(w, "and" | "of" | "for" | "&" | "de" | "du" | "des" | "für" | "und")
        })
        // (`Proc. Fourth International Conf. on ASPLOS, Santa Clara, CA` is a venue)
        && !has_word(publ, &["Conf", "Symp", "Workshop", "Congress", "Proc", "Meeting"])
        && (!has_word(publ, JOURNAL_WORDS)
            || has_word(publ, INSTITUTION_WORDS)
            || has_word(publ, &["Foundation", "Society", "Association", "Council", "Agency"]))
        && !looks_abbreviated(publ)
}

/// True for an abbreviated journal title: every word short and capitalised, most
/// ending with a full stop (`Adv. Theor. Math. Phys`, `Phys. Lett. B428`).
fn looks_abbreviated(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let dotted = words.iter().filter(|w| w.ends_with('.')).count();
    !words.is_empty()
        && words.len() <= 6
        && dotted + 1 >= words.len()
        && words.iter().all(|w| {
            w.chars().count() <= 8 && w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// ISO 4 abbreviations of medical journal titles that [`JOURNAL_ABBREVIATIONS`] (the
/// physical sciences') lacks, without their full stops.
const MEDICAL_ABBREVIATIONS: &[&str] = &[
    "Agric",
    "Anat",
    "Annu",
    "Arch",
    "Assoc",
    "Biomed",
    "Bull",
    "Cardiol",
    "Dermatol",
    "Dev",
    "Dis",
    "Econ",
    "Educ",
    "Endocrinol",
    "Epidemiol",
    "Gastroenterol",
    "Geol",
    "Gynecol",
    "Hematol",
    "Hepatol",
    "Hum",
    "Infect",
    "Intern",
    "J",
    "Metab",
    "Nephrol",
    "Neurobiol",
    "Neurol",
    "Nutr",
    "Obstet",
    "Oncol",
    "Ophthalmol",
    "Opin",
    "Pathol",
    "Pediatr",
    "Pharm",
    "Pharmacol",
    "Physiol",
    "Psychol",
    "Radiol",
    "Reprod",
    "Respir",
    "Rheumatol",
    "Surf",
    "Surg",
    "Ther",
    "Toxicol",
    "Transl",
    "Urol",
    "Vet",
    "Virol",
];

/// True for an ISO 4 abbreviated word of a journal's title ([`JOURNAL_ABBREVIATIONS`],
/// [`MEDICAL_ABBREVIATIONS`]); not `Ed`, `Not` or `Mon`, which end sentences too
/// (`Revised Ed.`, `Why Not.`).
fn is_iso4_word(w: &str) -> bool {
    !matches!(w, "Ed" | "Not" | "Mon")
        && (JOURNAL_ABBREVIATIONS.contains(&w) || MEDICAL_ABBREVIATIONS.contains(&w))
}

/// `Methods Mol` | `Alzheimers Res` | `Orphanet J` | `Steroid Biochem`: two or three
/// capitalised words, the last an ISO 4 abbreviation ([`is_iso4_word`]): the head of a
/// journal's dotted abbreviation whose first word is printed whole.
fn opens_with_word_then_abbreviation(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.last().is_some_and(|w| is_iso4_word(w.trim_end_matches('.')))
        && words.iter().all(|w| {
            w.chars().count() <= 12
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.trim_end_matches('.').chars().all(char::is_alphabetic)
        })
}

/// True when every word of `t` is an abbreviation with its full stop, a single
/// capital or a short acronym (`Chem. Rev.`, `J. Phys. Chem. C`, `Angew. Chem., Int.
/// Ed.`) — a journal, never a title.
fn all_abbreviations(t: &str) -> bool {
    // most middles are a title: its first word settles it without more work
    let first =
        t.split_whitespace().next().unwrap_or_default().trim_end_matches([',', ':']);
    let first_core = first.trim_end_matches('.');
    if !(first.ends_with('.')
        || first_core.chars().count() == 1
        || first_core.len() <= 4 && first_core.bytes().all(|b| b.is_ascii_uppercase()))
        || t.split_whitespace().nth(8).is_some()
    {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    // (`Phys. Rev. B: Condens. Matter Mater. Phys.`: a few short words may stay whole
    // when most are abbreviated and the first is)
    let dotted =
        words.iter().filter(|w| w.trim_end_matches([',', ':']).ends_with('.')).count()
            + 1;
    // (`ACS Appl. Mater. Interfaces`: an acronym may open it)
    let first_dotted = words.first().is_some_and(|w| {
        w.ends_with('.')
            || (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
    });
    let whole_ok = first_dotted && dotted * 5 >= words.len() * 3;
    (2..=8).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            let w = w.trim_end_matches([',', ':']);
            // (the last word's full stop went with the trailing punctuation)
            let dotted_w;
            let w = if i == last && !w.ends_with('.') {
                dotted_w = format!("{w}.");
                dotted_w.as_str()
            } else {
                w
            };
            let core = w.trim_end_matches('.');
            let n = core.chars().count();
            core.chars().next().is_some_and(char::is_uppercase)
                && core.chars().all(char::is_alphabetic)
                && (w.ends_with('.') && n <= 8
                    || n == 1
                    || n <= 4 && core.chars().all(|c| c.is_ascii_uppercase())
                    || whole_ok && (n <= 7 || i == last && n <= 10))
        })
        && words.iter().take(last).any(|w| w.ends_with('.'))
}

/// True for an organisation written as an acronym (`WHO`, `FAO`, `FHI 360/FANTA`).
fn is_org_acronym(seg: &str) -> bool {
    let words: Vec<&str> = seg.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().all(|c| {
                c.is_ascii_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '/' | '&' | '-')
            })
        })
        && words.iter().any(|w| w.chars().filter(char::is_ascii_uppercase).count() >= 2)
}

/// True for a short run of abbreviated words (`IEEE Trans`, `Proc Natl`).
fn is_abbrev_phrase(seg: &str) -> bool {
    let words: Vec<&str> = seg.split_whitespace().collect();
    // (`Zur Deutung der Molekelspektren. III. Z Phys.`: a part number of the title)
    let roman =
        seg.trim().trim_end_matches('.').chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    // (`Acta Crystallogr., Sect.`: a long word with its full stop is abbreviated too)
    !roman
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            let n = w.chars().count();
            (n <= 6
                || words.len() >= 2 && n <= 13 && w.trim_end_matches(',').ends_with('.'))
                && w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// The last `, ` of `t` that can open a publisher's name: not the comma of a
/// corporate suffix (`Society of Automotive Engineers, Inc`, `Wiley, Ltd.`), which
/// belongs to the name before it (with no comma before the name, the last one still).
fn publisher_comma(t: &str) -> Option<usize> {
    let i = rfind_str(t, ", ")?;
    let tail = t.get(i + 2..)?.trim_end_matches(['.', ',', ' ']);
    if matches!(
        tail,
        "Inc" | "Ltd" | "LLC" | "Co" | "Corp" | "GmbH" | "Pty Ltd" | "Pvt Ltd"
    ) {
        return t.get(..i).and_then(|h| rfind_str(h, ", ")).or(Some(i));
    }
    Some(i)
}

/// Where a date closing `t` as a sentence of its own starts (the `. ` before it):
/// `Salt Marsh Outcomes. 2023 Jul 4.`, `… . 2023 Jul`, `… . 2023`, with GeneReviews'
/// `[Updated 2021 Jun 10]` after it.
fn trailing_date_sentence(t: &str) -> Option<usize> {
    let mut body = t.trim_end_matches(['.', ' ']);
    if body.ends_with(']')
        && let Some(open) =
            rfind_str(body, " [Updated ").or_else(|| rfind_str(body, " [updated "))
    {
        body = body.get(..open)?;
    }
    let i = rfind_str(body, ". ")?;
    let mut words = body.get(i + 2..)?.split(' ');
    date::parse_year(words.next()?)?;
    let ok = match (words.next(), words.next(), words.next()) {
        (None, _, _) => true,
        (Some(mon), day, None) => {
            date::month_number(mon).is_some()
                && day.is_none_or(|d| {
                    (1..=2).contains(&d.len()) && d.bytes().all(|c| c.is_ascii_digit())
                })
        }
        _ => false,
    };
    (ok && i > 0).then_some(i)
}

/// `New York: Oxford University Press` | `Cham: Springer` → (place, publisher)
fn place_publisher(seg: &str) -> Option<(&str, &str)> {
    let (place, publ) = seg.split_once(": ")?;
    let place = place.trim();
    let publ = publ.trim().trim_end_matches([';', ',', '.']);
    let pw = place.split_whitespace().count();
    let ok = (1..=5).contains(&pw)
        // (`Plainview (New York): CSHL Press` is whole; `Lind (Cambridge, Mass.: MIT
        // Press)` is a bracket cut in two)
        && place.matches('(').count() == place.matches(')').count()
        && publ.matches('(').count() == publ.matches(')').count()
        && place.chars().next().is_some_and(char::is_uppercase)
        && !place.chars().any(|c| c.is_ascii_digit())
        // (`Ed. William Charvat et al. Columbus: …`: names end before the place)
        && find_str(place, "et al").is_none()
        && !publ.is_empty()
        && publ.split_whitespace().count() <= 10
        && publ.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    ok.then_some((place, publ))
}

/// `haystack.find(needle)` for a literal needle ([`crate::bytes::find`]).
fn find_str(haystack: &str, needle: &str) -> Option<usize> {
    crate::bytes::find(haystack.as_bytes(), needle.as_bytes())
}

/// `haystack.rfind(needle)` for a literal needle ([`crate::bytes::rfind`]).
fn rfind_str(haystack: &str, needle: &str) -> Option<usize> {
    crate::bytes::rfind(haystack.as_bytes(), needle.as_bytes())
}

/// The ASCII bytes of a word for [`has_word`]: `a`–`z`, `A`–`Z`, `0`–`9` and `'` (one
/// table load per byte instead of range checks).
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'\'';
        c += 1;
    }
    t
};

/// True when one of `words` (ASCII case-blind) is a word of `s`: a run of
/// alphanumeric characters and `'`. One byte pass; only non-ASCII characters are
/// decoded.
fn has_word(s: &str, words: &[&str]) -> bool {
    let b = s.as_bytes();
    // (a word of another length cannot match: most words are ruled out by length)
    let (min, max) = words
        .iter()
        .fold((usize::MAX, 0), |(lo, hi), x| (lo.min(x.len()), hi.max(x.len())));
    let mut start = 0;
    let mut i = 0;
    loop {
        // the run of ASCII word bytes (`a`–`z`, `A`–`Z`, `0`–`9`, `'`) from `i`
        while b.get(i).is_some_and(|&c| WORD_BYTE[c as usize]) {
            i += 1;
        }
        // then the end of the text, an ASCII separator or a non-ASCII character
        // (alphanumeric: still the word; otherwise a separator of `len` bytes)
        let len = match b.get(i) {
            None => 0,
            Some(c) if c.is_ascii() => 1,
            Some(_) => {
                let ch = s.get(i..).and_then(|t| t.chars().next());
                if ch.is_none_or(char::is_alphanumeric) {
                    i += ch.map_or(1, char::len_utf8);
                    continue;
                }
                ch.map_or(1, char::len_utf8)
            }
        };
        let w = b.get(start..i).unwrap_or_default();
        // (the length and first byte rule out most words before a whole comparison)
        if (min..=max).contains(&w.len())
            && let Some(&c0) = w.first()
            && words.iter().any(|x| {
                x.as_bytes().first().is_some_and(|x0| x0.eq_ignore_ascii_case(&c0))
                    && w.eq_ignore_ascii_case(x.as_bytes())
            })
        {
            return true;
        }
        if i >= b.len() {
            return false;
        }
        i += len;
        start = i;
    }
}

/// `Title // Journal` → (`Title`, `Journal`): GOST's double slash between an article's
/// title and its journal, once, with a journal's name after it (`Clinical cancer
/// research: an official journal …` whole). A book's place and publisher after a full
/// stop or GOST's dash (`// Сборник трудов. М.: Наука`) is left to the general rules.
fn gost_title_container(m: &str) -> Option<(&str, &str)> {
    let at = find_str(m, " // ")?;
    let title = m.get(..at)?.trim_end_matches(['.', ',', ' ']);
    let container = m.get(at + 4..)?.trim_matches(|c: char| is_field_punct(c));
    let words = |t: &str| t.split_whitespace().count();
    let tail_at = [". ", " – ", " - "]
        .iter()
        .filter_map(|sep| rfind_str(container, sep).map(|i| i + sep.len()))
        .max();
    let tail = container.get(tail_at.unwrap_or(0)..).unwrap_or_default();
    let place_publisher_tail = tail.split_once(": ").is_some_and(|(place, _)| {
        tail_at.is_some() && words(place) <= 3 || is_publication_place(place)
    });
    (words(title) >= 1
        && (1..=16).contains(&words(container))
        && !container.contains("//")
        && !place_publisher_tail
        && container.starts_with(|c: char| c.is_alphabetic()))
    .then_some((title, container))
}

/// Title, container, publisher, editors between the authors and the source block.
fn body<'a>(s: &'a str, middle: Range<usize>, f: &mut Fields<'a>) {
    let m_full = s.get(middle.clone()).unwrap_or_default();
    let m = m_full.trim_end_matches(|c: char| is_field_punct(c) || c == '(');
    if m.trim().is_empty() {
        return;
    }
    let base = middle.start;
    let lead = m.len() - m.trim_start_matches(is_field_punct).len();
    let m = m.get(lead..).unwrap_or_default();
    let base = base + lead;
    f.placed.push(middle.clone());
    // GOST (Russian and CIS journals): `Title // Journal. 2022. Т. 119, № 45. С. 12–19.`
    if let Some((title, container)) = gost_title_container(m) {
        f.title = Some(title);
        f.container = Some(container);
        return;
    }
    // `Title (Publisher, 2019), 21`: the whole bracket is still here when only the
    // cited page made the source block
    let whole_bracket =
        m.ends_with(')').then(|| m.rfind(" (")).flatten().and_then(|open| {
            let inner = m.get(open + 2..m.len() - 1)?;
            let (head, year) = inner.rsplit_once(", ")?;
            date::parse_year(year.trim())?;
            Some((open, head, year.trim()))
        });
    let mut bracket_publisher = false;
    // `Title, tr. W. Rehg (Cambridge, Mass.: MIT Press)`: the year came after the
    // authors
    let closed_bracket = (f.year.is_some()
        && f.volume.is_none()
        && f.publisher.is_none()
        && m.ends_with(')'))
    .then(|| m.rfind(" ("))
    .flatten()
    .and_then(|open| {
        let inner = m.get(open + 2..m.len() - 1)?;
        let (place, publ) = place_publisher(inner)?;
        // (`European journal of cancer (Oxford, England: 1990)`: a journal's
        // NLM name, its place and first year)
        (!inner.contains(['(', ')']) && publ.starts_with(char::is_alphabetic))
            .then_some((open, place, publ))
    });
    // Cell: `(2001). A Taxonomy for Learning (Longman).` — the publisher in brackets
    // after a book's title
    let cell_publisher = (f.year.is_some()
        && f.volume.is_none()
        && f.issue.is_none()
        && f.pages.is_none()
        && f.publisher.is_none()
        && m.ends_with(')')
        && !f.authors.first().is_some_and(|a| is_nlm_name(a)))
    .then(|| m.rfind(" ("))
    .flatten()
    .filter(|&open| {
        m.get(open + 2..m.len() - 1).is_some_and(|inner| {
            !inner.contains(['(', ')'])
                && m.get(..open).is_some_and(|t| sentence_ends(t).is_empty())
                && (is_venue_place(inner)
                    || is_publication_place(inner)
                    || looks_like_publisher(inner)
                        && (looks_like_press_name(inner)
                            || has_word(inner, PUBLISHER_WORDS)
                            || has_word(inner, INSTITUTION_WORDS)))
        })
    });
    if let Some(open) = cell_publisher
        && let Some(inner) = m.get(open + 2..m.len() - 1)
        && let Some(title) = m.get(..open)
    {
        f.title = Some(title.trim_end_matches(['.', ',']));
        // (`Title (Uppsala).`: the place alone)
        if is_venue_place(inner) || is_publication_place(inner) {
            f.place = Some(inner);
            f.kind = Some(RefType::Book);
        } else {
            thesis_or_publisher(inner, f);
        }
        return;
    }
    let m = if let Some((open, place, publ)) = closed_bracket {
        f.place = Some(place);
        f.publisher = Some(publ);
        bracket_publisher = true;
        m.get(..open).unwrap_or(m)
    } else {
        m
    };
    let m = if let Some((open, head, year)) = whole_bracket
        && f.publisher.is_none()
        && (1..=8).contains(&head.split_whitespace().count())
    {
        if let Some((place, p)) = place_publisher(head) {
            f.place = Some(place);
            f.publisher = Some(p);
        } else {
            f.publisher = Some(head);
        }
        f.year = f.year.or(Some(year));
        bracket_publisher = true;
        m.get(..open).unwrap_or(m)
    } else {
        m
    };
    // `Title (Publisher, 2019)` / `Title (New York: Norton, 1995)`: the year went to
    // the source block
    let m = match rfind_str(m, " (") {
        Some(open) if !m.get(open..).unwrap_or_default().contains(')') => {
            bracket_publisher = true;
            let publ = m.get(open + 2..).unwrap_or_default().trim_end_matches([',', ' ']);
            let words = publ.split_whitespace().count();
            if (1..=8).contains(&words) && !publ.contains(':') && f.publisher.is_none() {
                f.publisher = Some(publ);
                m.get(..open).unwrap_or(m)
            } else if let Some((place, p)) =
                place_publisher(publ).filter(|_| f.publisher.is_none())
            {
                f.place = Some(place);
                f.publisher = Some(p);
                m.get(..open).unwrap_or(m)
            } else {
                m
            }
        }
        _ => m,
    };
    // Chicago notes and Nature books: `Title, Subtitle (Publisher, 2001)` — a book
    // whose title may hold commas; `(PhD diss., School, 2021)` a thesis
    // (`(Publisher, 2020), 21`: one number after the bracket is the page cited)
    let cited_page = f.volume.is_some() && f.pages.is_none() && f.issue.is_none();
    if bracket_publisher
        && (f.volume.is_none() || cited_page)
        && f.issue.is_none()
        && let Some(publ) = f.publisher
    {
        if cited_page {
            f.pages = f.volume.take();
        }
        if let Some((_, school)) = thesis_school(publ) {
            f.publisher = Some(school);
            f.kind = Some(RefType::Thesis);
        }
        let mut t = m;
        // `…Location. Vol. 1` / `… 3rd edn, Vol. 1`
        if let Some(i) = find_str(t, ". Vol. ").or_else(|| find_str(t, ", Vol. ")) {
            let v = t.get(i + 7..).unwrap_or_default().trim_end_matches('.');
            if !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric()) {
                f.volume = Some(v);
                t = t.get(..i).unwrap_or(t);
            }
        }
        if nature_chapter(t, f) || in_book(t, f) {
            return;
        }
        let (t, ed) = split_edition(t);
        if !t.contains(". In ") && !t.starts_with("In ") && !t.contains(['“', '"']) {
            f.title = Some(t);
            f.edition = f.edition.or(ed);
            f.kind = f.kind.or(Some(RefType::Book));
            return;
        }
    }
    // thesis / report / web markers anywhere
    if has_word(m, &["thesis", "dissertation", "PhD", "Ph.D", "doctoral"]) {
        f.kind = Some(RefType::Thesis);
    } else if (has_word(m, &["report", "Report"])
        || m.contains("Tech. Rep")
        || m.contains("Tech. rep")
        || m.contains("Tech Rep"))
        && !has_word(m, &["case"])
        && f.volume.is_none()
    {
        f.kind = Some(RefType::Report);
    }
    if acs_book(m, f) {
        return;
    }
    // a LaTeX-quoted title: ``Title,'' Journal
    if let Some(inner) = m.strip_prefix("``")
        && let Some(c) = inner.find("''")
    {
        f.title = inner.get(..c);
        let after = inner.get(c + 2..).unwrap_or_default();
        container_and_publisher(s, base + 2 + c + 2, after, f);
        return;
    }
    // Harvard: `'Title of article', Journal of Things, 12(3)`
    if let Some(inner) = m.strip_prefix('\'')
        && let Some(c) = single_quote_close(inner)
    {
        f.title = inner.get(..c);
        let after = inner.get(c + 1..).unwrap_or_default();
        container_and_publisher(s, base + 1 + c + 1, after, f);
        return;
    }
    // a quoted title: `“Title,” Journal` / `"Title". Journal`
    // (`’Title’ In: Journal`: a right quote opening the title, as some Harvard styles
    // print it)
    // (`„Title“ Journal`: German quotes, `„Title”` Polish and Hungarian ones)
    if let Some(q) = m.find(['“', '"', '‘', '«', '’', '„']).filter(|&q| q == 0) {
        let open_len =
            m.get(q..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
        let inner_start = q + open_len;
        let closes = m.get(inner_start..).map(|t| {
            let mut at: [Option<usize>; 3] = [None; 3];
            if m.starts_with(['‘', '’']) {
                at[0] = t.find('’');
            } else if m.starts_with('«') {
                at[0] = t.find('»');
            } else if m.starts_with('„') {
                at[0] = t.find(['“', '”']);
            } else {
                // (a quote inside the title: `““I’m Getting Violated … for my Health”:
                // Experiences of …,” Journal` — the first closing quote that ends it)
                for (slot, (i, _)) in at.iter_mut().zip(t.match_indices(['”', '"'])) {
                    *slot = Some(i);
                }
            }
            at
        });
        // the quotes wrap the whole title (`“Title,” Journal`), not a phrase in it
        let is_whole = |c: usize| {
            let inner = m.get(inner_start..inner_start + c).unwrap_or_default();
            let after = m.get(inner_start + c..).and_then(|t| t.chars().nth(1));
            inner.ends_with([',', '.', '?', '!'])
                || after.is_none_or(|a| matches!(a, ',' | '.' | ';'))
                // (`« Title » in Book`: a chapter's `in` after the French quote; an
                // English one may close a phrase, `“Sensation Seeking” in Response`)
                || m.starts_with('«')
                    && after == Some(' ')
                    && m.get(inner_start + c..).is_some_and(|rest| {
                        let rest = rest.get(rest.chars().next().map_or(1, char::len_utf8)..).unwrap_or_default().trim_start();
                        ["in ", "In ", "in: ", "In: ", "dans "].iter().any(|w| rest.starts_with(w))
                    })
                // (`’Title’ In: Journal`: a capital `In:` is a container's marker
                // after any quote)
                || after == Some(' ')
                    && m.get(inner_start + c..).is_some_and(|rest| {
                        let rest = rest.get(rest.chars().next().map_or(1, char::len_utf8)..).unwrap_or_default();
                        rest.trim_start().starts_with("In: ")
                    })
                // Angewandte: `“Title” Journal 2022, 119, 12.` — no punctuation after
                // the quote, one sentence (the journal) after it
                || after == Some(' ')
                    && f.volume.is_some()
                    && inner.split_whitespace().nth(2).is_some()
                    && m.get(inner_start + c..).is_some_and(|rest| {
                        let rest = rest.get(rest.chars().next().map_or(1, char::len_utf8)..).unwrap_or_default();
                        rest.trim_start().starts_with(char::is_uppercase)
                            && sentence_ends(rest.trim())
                                .iter()
                                .all(|&e| closes_journal_abbreviation(rest.trim(), e))
                    })
        };
        // (only a curly opening quote looks past its first closing one)
        let tries = if m.starts_with('“') { 3 } else { 1 };
        let close = closes
            .and_then(|c| c.into_iter().take(tries).flatten().find(|&c| is_whole(c)));
        if let Some(c) = close {
            let title = m.get(inner_start..inner_start + c).unwrap_or_default();
            let close_len = m
                .get(inner_start + c..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            f.title = Some(title);
            let after_start = inner_start + c + close_len;
            let after = m.get(after_start..).unwrap_or_default();
            container_and_publisher(s, base + after_start, after, f);
            return;
        }
    }
    // USGS and GSA: `2001, Export of organic carbon from peat soils: Nature, v. 412,
    // p. 785` — the journal follows the title's last colon
    if f.volume_label_source
        && f.volume.is_some()
        && let Some(i) = rfind_str(m, ": ")
        && let Some(journal) = m.get(i + 2..)
        && (1..=16).contains(&journal.split_whitespace().count())
        && journal.starts_with(char::is_uppercase)
        && i > 0
        // (ABNT, `Title: subtitle. Journal, v. 23`: a full stop ends the title there)
        && sentence_ends(m).iter().all(|&e| closes_journal_abbreviation(m, e))
    {
        f.title = m.get(..i);
        f.container = Some(journal.trim());
        return;
    }
    // Forensic Science Review: `Title; Sci Adv 8:eabk3327; 2022.` — a semicolon, the
    // only one, between the title and the journal when no full stop ends the title
    if f.volume.is_some()
        && f.pages.is_some()
        && let Some(i) = find_str(m, "; ")
        && i > 0
        && find_str(m.get(i + 2..).unwrap_or_default(), "; ").is_none()
        && let Some(journal) = m.get(i + 2..)
        && (1..=12).contains(&journal.split_whitespace().count())
        && journal.starts_with(char::is_uppercase)
        && sentence_ends(m).iter().all(|&e| closes_journal_abbreviation(m, e))
    {
        f.title = m.get(..i);
        f.container = Some(journal.trim());
        return;
    }
    let mut ends = sentence_ends(m);
    // comma style: the title ends at the first `, ` (unless a full stop comes first)
    // (Science: `Title with, a comma. Cell Cycle 20, 154 (2021)` — one full stop, then
    // a journal without a comma: the full stop ends the title)
    let science = f.volume.is_some()
        && f.pages.is_some()
        && ends.len() == 1
        && ends.first().is_some_and(|&e| {
            !closes_journal_abbreviation(m, e)
                && m.get(e + 1..).is_some_and(|j| !j.contains(", "))
        });
    // (German styles: `Title, with, commas, in: Ecohealth 2012, Band 9` — `, in:` ends
    // the title whatever commas come before it)
    let german_in =
        find_str(m, ", in: ").filter(|&i| ends.first().is_none_or(|&e| i < e));
    if f.comma_style
        && !science
        && let Some(i) = german_in
    {
        ends.retain(|&e| e > i);
        ends.insert(0, i + 1);
    } else if f.comma_style
        && !science
        && let Some(c) = m.find(", ")
        && ends.first().is_none_or(|&e| c < e)
    {
        let c = aps_title_end(m, c, &ends, f.volume.is_some() && f.pages.is_some())
            .unwrap_or(c);
        ends.retain(|&e| e > c);
        ends.insert(0, c + 1);
    }
    let mut segs: Vec<Range<usize>> = Vec::new();
    let mut last = 0;
    for e in ends {
        segs.push(last..e);
        last = e + 1;
    }
    if last < m.len() {
        segs.push(last..m.len());
    }
    let seg_text = |r: &Range<usize>| m.get(r.clone()).unwrap_or_default().trim();
    // chapters: `Title. In: Editors, editors. Book. City: Publisher`
    // (PLOS drops the `In:`: `Title. Nehm RH, Budd AF, editors. Book. Springer; 2008.`)
    if let Some(in_idx) = segs.iter().position(|r| {
        let t = seg_text(r);
        t.starts_with("In:")
            || t.starts_with("In ") && !is_in_journal(t)
            || t.starts_with("in:")
            || {
                let bare = t.trim_end_matches('.');
                [", editors", ", editor", ", eds", " (eds)", " (ed)", " (Eds)", " (Ed)"]
                    .iter()
                    .any(|m| bare.ends_with(m))
                    && {
                        let al = authors::scan_authors(t);
                        al.editors && !al.items.is_empty() && al.end + 1 >= t.len()
                    }
            }
    }) && in_idx > 0
    {
        let title_end = segs.get(in_idx - 1).map_or(0, |r| r.end);
        f.title = m.get(..title_end);
        // NCBI Bookshelf (StatPearls, GeneReviews): `Title. 2023 Jul 4. In: StatPearls
        // [Internet]. …; 2024 Jan-.` — the chapter's date of update after its title, a
        // note; the date of the reference is the book's
        if let Some(t) = f.title
            && let Some(cut) = trailing_date_sentence(t)
        {
            f.title = t.get(..cut);
            f.notes.push(t.get(cut + 2..).unwrap_or_default().trim_end_matches('.'));
        }
        let rest_start = segs.get(in_idx).map_or(m.len(), |r| r.start);
        let rest = m.get(rest_start..).unwrap_or_default();
        let rest_t = rest.trim_start();
        let rest_t = rest_t
            .strip_prefix("In:")
            .or_else(|| rest_t.strip_prefix("In "))
            .or_else(|| rest_t.strip_prefix("in:"))
            .unwrap_or(rest_t)
            .trim_start();
        let rest_base = base + (m.len() - rest_t.len()).min(m.len());
        // editors
        let mut first_seg_end = rest_t.len().min(300);
        while !rest_t.is_char_boundary(first_seg_end) {
            first_seg_end -= 1;
        }
        let first_seg = rest_t.get(..first_seg_end).unwrap_or_default();
        let lower = first_seg.to_lowercase();
        let al = authors::scan_authors(rest_t);
        let marked = (lower.contains("editor")
            || lower.contains("eds")
            || lower.contains("(ed")
            || lower.ends_with(" ed"))
            && al.editors;
        // `In: Hake SJ, Kerby TA, Hake KD. Cotton production manual. Oakland: …`: NLM
        // names and a full stop before the book are its editors, even unmarked
        let names_end = rest_t.get(..al.end).unwrap_or_default().trim_end();
        let unmarked = !al.et_al
            && names_end.ends_with('.')
            && al.items.iter().all(|it| {
                rest_t.get(it.clone()).is_some_and(|n| {
                    n.rsplit(' ').next().is_some_and(|w| {
                        crate::normalize::author::is_nlm_initials(w.trim_end_matches('.'))
                    }) && n.contains(' ')
                })
            })
            && rest_t.get(al.end..).is_some_and(|b| !sentence_ends(b).is_empty());
        // Chicago author-date: `In Book, eds. A. Editor and B. Editor` — the names
        // after the marker are the editors, the text before it the book
        // Chicago author-date: `In Book, eds. A. Editor and B. Editor, 12–34.` — the
        // names after the marker are the editors (the container's clean-up takes them
        // out), not the text before it
        let eds_after = [", eds. ", ", ed. "].iter().any(|m| {
            let Some(i) = find_str(rest_t, m) else { return false };
            let names = rest_t.get(i + m.len()..).unwrap_or_default();
            let al2 = authors::scan_authors(names);
            let after = names.get(al2.end..).unwrap_or_default();
            let after = after.trim_start_matches([',', ' ']);
            i > 0
                && !al2.items.is_empty()
                && (after.is_empty()
                    || after.starts_with(|c: char| c.is_ascii_digit() || c == '.'))
        });
        if eds_after {
            f.kind = Some(RefType::Chapter);
            container_and_publisher(s, rest_base, rest_t, f);
            f.kind = Some(chapter_kind(f.container));
            return;
        }
        let (book_at, book) = if !al.items.is_empty() && (marked || unmarked) {
            for it in &al.items {
                if let Some(t) = rest_t.get(it.clone()) {
                    f.editors.push(t);
                }
            }
            (rest_base + al.end, rest_t.get(al.end..).unwrap_or_default())
        } else {
            (rest_base, rest_t)
        };
        f.kind = Some(RefType::Chapter);
        container_and_publisher(s, book_at, book, f);
        f.kind = Some(chapter_kind(f.container));
        // DIN 1505: `In: Sci Adv Bd. 8 (2022), Nr. 11, S. 12` — `In:` before a journal:
        // no editors, no publisher, a volume and an issue or pages
        if f.editors.is_empty()
            && f.publisher.is_none()
            && f.place.is_none()
            && f.volume.is_some()
            && (f.issue.is_some() || f.pages.is_some())
            // (`Proceedings of the National Academy of Sciences … Bd. 119 (2022), Nr.
            // 45`: an issue makes a proceedings a journal)
            && f.container.is_some_and(|c| f.issue.is_some() || !is_proceedings_title(c))
        {
            f.kind = Some(RefType::Article);
        }
        return;
    }
    // `Place: Publisher` at the end → a book (or a report)
    let mut n = segs.len();
    if n >= 2
        && f.volume.is_none()
        && f.issue.is_none()
        && let Some(lastseg) = segs.last()
    {
        if let Some((place, publ)) = place_publisher(seg_text(lastseg)) {
            f.place = Some(place);
            f.publisher = Some(publ);
            n -= 1;
        } else if let Some((publ, place)) = publisher_place(seg_text(lastseg)) {
            f.publisher = Some(publ);
            f.place = place;
            // (`Morgan Kaufmann, second edition`: the edition the rule set aside)
            f.edition = f.edition.or_else(|| trailing_edition(seg_text(lastseg)));
            n -= 1;
        } else if f.pages.is_none()
            && f.doi.is_none()
            && is_org_acronym(seg_text(lastseg))
        {
            // `Title. WHO.` / `Title. FHI 360/FANTA.`: a report or book of an organisation
            f.publisher = Some(seg_text(lastseg));
            n -= 1;
        }
    }
    // `Title. New York. Springer.`: the place is its own sentence before the publisher
    if n >= 2
        && f.place.is_none()
        && f.publisher.is_some()
        && let Some(r) = segs.get(n - 1)
        && looks_like_place(seg_text(r))
        && seg_text(r).split_whitespace().count() <= 3
        && place_publisher(seg_text(r)).is_none()
    {
        f.place = Some(seg_text(r).trim_end_matches('.'));
        n -= 1;
    }
    // `Vol 2.`, `2nd ed.` segments
    let mut keep: Vec<Range<usize>> = Vec::new();
    // MLA's `Ed. Don E. Fehrenbacher.`, `Trans. Robert A. Vollrath.`: the sentence split
    // cut the label and the initials off the name; joined again here
    let mut credited: Vec<Range<usize>> = Vec::with_capacity(n);
    let mut i = 0;
    while let Some(r) = segs.get(i).filter(|_| i < n) {
        let mut r = r.clone();
        // (a name follows: `Trans. John Ciardi.`, not the journal `Trans. Am. Math. Soc.`)
        let name_next = segs.get(i + 1).filter(|_| i + 1 < n).is_some_and(|next| {
            seg_text(next).split(' ').next().is_some_and(|w| {
                !w.ends_with('.') && crate::normalize::author::is_given_word(w)
            })
        });
        // (`Edited by Sculley Bradley, E. Hudson Long, and Thomas Cooley.`: the split
        // cut a name after its initial)
        let cut_name = |r: &Range<usize>| {
            let t = seg_text(r);
            ["Edited by ", "Translated by "].iter().any(|p| t.starts_with(p))
                && t.rsplit(' ').next().is_some_and(is_dotted_initials_word)
        };
        if i > 0
            && (name_next && matches!(seg_text(&r), "Ed." | "Eds." | "Trans." | "Trad.")
                || cut_name(&r))
        {
            while let Some(next) = segs.get(i + 1).filter(|_| i + 1 < n) {
                r.end = next.end;
                i += 1;
                let w = seg_text(next).rsplit(' ').next().unwrap_or_default();
                if !is_dotted_initials_word(w) {
                    break;
                }
            }
        }
        credited.push(r);
        i += 1;
    }
    for (i, r) in credited.iter().enumerate() {
        let t = seg_text(r);
        if i > 0 {
            // `Translated by E. A. Goodland.`, `Edited by Mark Osteen.`, `Ed. A. Benjamin.`,
            // `Dir. Roland Emmerich.`: who made the book or film, not its title
            // (`Angew. Chem. Int. Ed. Engl.`: after `Int.`, the journal's International
            // Edition)
            let international = credited.get(i - 1).is_some_and(|p| {
                seg_text(p)
                    .strip_suffix("Int.")
                    .is_some_and(|h| h.is_empty() || h.ends_with(' '))
            });
            if !international
                && let Some(who) =
                    ["Edited by ", "Ed. ", "Eds. ", "Eds ", "ed. ", "eds. "]
                        .iter()
                        .find_map(|p| t.strip_prefix(p))
            {
                let names = who.trim_end_matches('.');
                let al = authors::scan_authors(names);
                if !al.items.is_empty() {
                    for it in &al.items {
                        if let Some(n) = names.get(it.clone()) {
                            f.editors.push(n);
                        }
                    }
                    // `Edited by William Charvat et al. Columbus: Ohio State University
                    // Press, 1982.`: `et al.` ends no sentence, so the book's place and
                    // publisher may follow the names in the same segment
                    let rest = names
                        .get(al.end..)
                        .unwrap_or_default()
                        .trim_start_matches(['.', ',', ' ']);
                    if !rest.is_empty() {
                        match place_publisher(rest) {
                            Some((place, publisher)) if f.publisher.is_none() => {
                                f.place = Some(place);
                                f.publisher = Some(publisher);
                            }
                            _ => f.notes.push(rest),
                        }
                    }
                } else {
                    f.notes.push(t);
                }
                continue;
            }
            if [
                "Translated by ",
                "Trans. ",
                "trans. ",
                "Trad. ",
                "Revised by ",
                "Introduction by ",
                "Foreword by ",
                "Dir. ",
                "Perf. ",
                "Prod. ",
                "Illustrated by ",
            ]
            .iter()
            .any(|p| t.starts_with(p))
            {
                f.notes.push(t);
                continue;
            }
            if let Some(v) = t
                .strip_prefix("Vol ")
                .or_else(|| t.strip_prefix("Vol. "))
                .or_else(|| t.strip_prefix("Volume "))
                && f.volume.is_none()
            {
                let v = v.trim_end_matches('.');
                // `Vol 1, pt 6.`: the part is a note
                let (v, part) = match v.split_once(", ") {
                    Some((v, p)) if p.starts_with(['p', 'P']) && p.len() <= 12 => {
                        (v, Some(p))
                    }
                    _ => (v, None),
                };
                if v.chars().all(|c| c.is_ascii_alphanumeric()) {
                    f.volume = Some(v);
                    f.notes.extend(part);
                    continue;
                }
            }
            if is_edition_phrase(t) || is_edition_word(t) {
                f.edition = Some(t.trim_end_matches('.'));
                continue;
            }
            // `Reprint, illustrated.`, `2 vols.`, `Studies in Logic 103.` after a book's
            // title: notes on the book, not its title
            if f.publisher.is_some() && f.volume.is_none() && is_book_note(t) {
                f.notes.push(t.trim_end_matches('.'));
                continue;
            }
        }
        if i > 0 && keep.len() < i && f.publisher.is_some() {
            // a segment after one that was taken out: the title ended before
            f.notes.push(t.trim_end_matches('.'));
            continue;
        }
        keep.push(r.clone());
    }
    let Some(first) = keep.first().cloned() else { return };
    // a book (`Title. Subtitle. City: Publisher`): every segment is the title
    let bookish = f.publisher.is_some()
        && f.place.is_some()
        && f.volume.is_none()
        && f.pages.is_none()
        && f.issue.is_none();
    // `Chapter. Book. Cham: Springer; 2023. p. 133–156.`: a chapter (its pages are a
    // range) in a book a publisher published
    if f.publisher.is_some()
        && f.place.is_some()
        && f.volume.is_none()
        && f.issue.is_none()
        && f.container.is_none()
        && f.pages.is_some_and(|p| p.contains(['-', '–', '‐']))
        && keep.len() == 2
        && let (Some(t), Some(b)) = (keep.first(), keep.get(1))
    {
        f.title = m.get(t.clone()).map(str::trim);
        f.container = m.get(b.clone()).map(str::trim);
        f.kind = Some(RefType::Chapter);
        return;
    }
    // `Title. Proceedings of the 2022 CHI conference. New York: ACM; 2022.`: a paper in
    // a proceedings volume that a publisher published
    // (a `Volume 842.` sentence may sit between the proceedings and the publisher)
    let proc_book = f.publisher.is_some()
        && f.place.is_some()
        && f.issue.is_none()
        && (f.volume.is_none() || f.pages.is_none() || keep.len() >= 2);
    if (bookish || proc_book)
        && keep.len() >= 2
        && let Some(pi) =
            keep.iter().skip(1).position(|r| is_proceedings_title(seg_text(r)))
    {
        let pi = pi + 1;
        let t_end = keep.get(pi - 1).map_or(first.end, |r| r.end);
        f.title = m.get(first.start..t_end);
        let c_start = keep.get(pi).map_or(t_end, |r| r.start);
        let c_end = keep.last().map_or(m.len(), |r| r.end);
        f.container = m.get(c_start..c_end);
        f.kind = Some(RefType::Chapter);
        return;
    }
    // RSC and ACS without a title: `Z. Zhou and G. Zhang, Mol Cancer, 2024, 23, 131.`
    // — a lone segment before a year-first source is the journal; so in APS's
    // comma-separated form `S. Kim and Q. Yang, Phys. Rev. Lett. 76, 167 (1995)`
    // (`IEEE J. Robotics Automation, 1988, 4, 213.`: in a comma-separated list a
    // middle without a comma is one field, whatever full stops its abbreviations have)
    if (keep.len() == 1
        || f.comma_style
            && !m.contains(", ")
            && sentence_ends(m).iter().all(|&e| closes_journal_abbreviation(m, e)))
        && f.volume.is_some()
        && f.pages.is_some()
        && f.publisher.is_none()
        && let Some(t) =
            m.get(first.start..keep.last().map_or(first.end, |r| r.end)).map(str::trim)
        && (1..=16).contains(&t.split_whitespace().count())
        && !t.contains(['?', '“', '"'])
        // (Vancouver without a title, `Leffler DA and Lamont JT. Gastroenterology
        // 2009; 136: 1899–1912.`: one short sentence, no full stop inside, before the
        // source)
        && (f.year_first_source
            || f.year_last_source && f.comma_style
            || keep.len() == 1
                && t.split_whitespace().count() <= 8
                && !t.contains(". ")
                && !t.contains(".:")
                && !t.contains(", ")
                && t.split_whitespace()
                    .filter(|w| {
                        w.starts_with(char::is_lowercase)
                            && !matches!(*w, "of" | "and" | "the" | "in" | "for" | "de" | "et")
                    })
                    .count()
                    <= 1)
    {
        f.container = Some(t);
        return;
    }
    // `Title.: Journal 119, e2123528119` (Acta Botanica Croatica) | `Title: Journal
    // 119(45)` (Latin American geology): one sentence before an article's volume holds
    // the title and, after its last colon, the journal (a subtitle after a colon is in
    // sentence case; a journal's name is not)
    if keep.len() == 1
        && !bookish
        && f.volume.is_some()
        && f.publisher.is_none()
        && let Some(t) = m.get(first.clone())
        && let Some((title, journal)) = colon_journal(t).or_else(|| {
            // `Title, in: Journal, Vol. 119, No. 45` (German business styles)
            let i = find_str(t, ", in: ")?;
            let journal = t.get(i + 6..)?.trim_end_matches([',', ' ']);
            (!journal.contains(", ") && !journal.is_empty())
                .then_some((t.get(..i)?, journal))
        })
    {
        f.title = Some(title);
        f.container = Some(journal);
        return;
    }
    // `Rooms: The Use of Workspaces, IEEE Transactions on Graphics, 5 (3), 211-243`:
    // one sentence before an article's volume and pages holds the title and, after
    // its last comma, the journal
    if keep.len() == 1
        && !bookish
        && f.volume.is_some()
        && f.pages.is_some()
        && f.publisher.is_none()
        && let Some(t) = m.get(first.clone())
        && let Some(c) = t.find(", ")
        && let Some(cut) = aps_title_end(t, c.saturating_sub(1), &[], true)
        && t.get(..cut).is_some_and(|h| h.split_whitespace().count() >= 3)
    {
        f.title = t.get(..cut);
        f.container = t.get(cut + 2..);
        return;
    }
    // `Title in sentence case and beyond Mol Cancer 23:131` (a journal's italics lost,
    // or a style that prints no full stop): a sentence-case title, then the journal's
    // capitalised words right before the volume
    if keep.len() == 1
        && !bookish
        && f.volume.is_some()
        && f.pages.is_some()
        && f.publisher.is_none()
        && f.container.is_none()
        && let Some(t) = m.get(first.clone())
        && let Some(cut) = sentence_case_then_journal(t)
    {
        f.title = t.get(..cut).map(str::trim_end);
        f.container = t.get(cut..).map(|j| j.trim_end_matches(['.', ',', ' ']));
        return;
    }
    if keep.len() == 1 || bookish {
        let last = keep.last().map_or(first.end, |r| r.end);
        f.title = m.get(first.start..last);
        // `Robot Vision, MIT Press.`: the publisher after a comma
        if f.publisher.is_none()
            && f.volume.is_none()
            && f.issue.is_none()
            && let Some(t) = f.title
            && let Some(i) = publisher_comma(t)
            && let Some((publ, place)) = t.get(i + 2..).and_then(publisher_place)
            && publ
                .split([' ', '-', '/'])
                .any(|w| PUBLISHER_WORDS.contains(&w.trim_end_matches(['.', ','])))
        {
            f.title = t.get(..i);
            f.publisher = Some(publ);
            f.place = f.place.or(place);
            f.kind = f.kind.or(Some(RefType::Book));
        }
        if f.publisher.is_some()
            && let Some(t) = f.title
            && let (t, Some(ed)) = split_edition(t)
        {
            f.title = Some(t);
            f.edition = Some(ed);
        }
        // `Working Models of Human Perception, pp. 391-410. Academic Press`
        if let Some(t) = f.title
            && f.pages.is_none()
            && let Some((head, p)) = labelled_pages_at_end(t)
        {
            f.title = Some(head);
            f.pages = Some(p);
        }
        if f.publisher.is_some() && f.kind.is_none() {
            f.kind = Some(RefType::Book);
        }
        return;
    }
    // `Title. 11th Conference on X. Gothenburg, Sweden.`: the venue after the
    // conference's name
    if keep.len() >= 3
        && f.volume.is_none()
        && f.place.is_none()
        && let Some(last) = keep.last()
        && is_venue_place(seg_text(last))
        && keep.get(keep.len() - 2).is_some_and(|r| {
            let t = seg_text(r);
            publisher_place(t).is_none() && is_proceedings_title(t)
                || has_word(t, &["Meeting", "Congress", "Colloquium"])
        })
    {
        f.place = Some(seg_text(last).trim_end_matches('.'));
        keep.pop();
    }
    // the container: the last segment, with the one-word abbreviations before it
    let mut c_idx = keep.len() - 1;
    // (a short abbreviated segment: `Biol`, `Rare Dis`, `B`)
    let short = |r: &Range<usize>| {
        let mut words = seg_text(r).split_whitespace();
        words.clone().count() <= 3
            && words.all(|w| {
                w.chars().count() <= 9 && w.starts_with(|c: char| c.is_uppercase())
            })
    };
    // (whether every segment of the container so far is short, kept up to date as it
    // grows: one look per segment)
    let mut tail_short = keep.last().is_some_and(short);
    while c_idx > 1
        && keep.get(c_idx - 1).is_some_and(|r| {
            let t = seg_text(r);
            is_abbrev_word(t)
                || (c_idx + 1 < keep.len() || keep.len() > 2) && is_abbrev_phrase(t)
                // `Methods Mol. Biol.`, `Alzheimers Res. Ther.`, `Orphanet J. Rare
                // Dis.`: a whole word, then an ISO 4 abbreviation, before a short
                // abbreviated rest
                || tail_short && opens_with_word_then_abbreviation(t)
        })
    {
        c_idx -= 1;
        tail_short = tail_short && keep.get(c_idx).is_some_and(short);
    }
    if c_idx == 1 && keep.len() >= 3 && keep.iter().all(|r| is_abbrev_word(seg_text(r))) {
        c_idx = 0;
    }
    // ACS without a title: `Li, H.; Wang, Z. Chem. Rev. 2016, 116, 1.` — every word
    // an abbreviation with its full stop
    if c_idx >= 1 && f.volume.is_some() && all_abbreviations(m) {
        c_idx = 0;
    }
    let c_start = keep.get(c_idx).map_or(m.len(), |r| r.start);
    let c_end = keep.last().map_or(m.len(), |r| r.end);
    if c_idx > 0 {
        let t_end = keep.get(c_idx - 1).map_or(first.end, |r| r.end);
        f.title = m.get(first.start..t_end);
    }
    // `Title. Leipzig, 1754.` / `Title. Boston, MA.`: a place, not a journal
    if c_idx > 0
        && f.volume.is_none()
        && f.issue.is_none()
        && f.pages.is_none()
        && m.get(c_start..c_end).is_some_and(is_publication_place)
    {
        f.place = m.get(c_start..c_end).map(|p| p.trim().trim_end_matches(['.', ',']));
        f.kind = f.kind.or(Some(RefType::Book));
        return;
    }
    // `Title, Addison-Wesley, Reading, MA, 1974.`: a publisher, not a journal
    if c_idx > 0
        && f.volume.is_none()
        && f.issue.is_none()
        && f.publisher.is_none()
        && let Some((publ, place)) = m.get(c_start..c_end).and_then(publisher_place)
    {
        f.publisher = Some(publ);
        f.place = place;
        f.kind = f.kind.or(Some(RefType::Book));
        return;
    }
    // `(1991). Imagined Communities. Verso.`: a book's publisher after its title — a
    // journal would come with a volume, pages or a DOI
    if c_idx == 1
        && keep.len() == 2
        && f.year.is_some()
        && f.volume.is_none()
        && f.issue.is_none()
        && f.pages.is_none()
        && f.publisher.is_none()
        && f.doi.is_none()
        && f.url.is_none()
        && f.kind.is_none()
        && let Some(c) = m.get(c_start..c_end)
        && looks_like_publisher(c)
        && looks_like_press_name(c)
        && !f.authors.first().is_some_and(|a| is_nlm_name(a))
    {
        thesis_or_publisher(c, f);
        return;
    }
    f.container = m.get(c_start..c_end);
}

/// A publisher's name where a style prints it after the title with no place: one to
/// eight words that open with a capital, no sentence inside (`Longman`, `Van Nostrand
/// Reinhold`, `Society of Automotive Engineers, Inc`, `Computer Science Department,
/// Princeton University`, `PhD diss., The New School`).
fn looks_like_publisher(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ',', ';']);
    let words = t.split_whitespace().count();
    (1..=8).contains(&words)
        && t.starts_with(|c: char| c.is_uppercase())
        && !t.contains(['(', ')', '[', ']', '“', '"', '?', ':'])
        && t.bytes().filter(u8::is_ascii_digit).count() <= 1
        && sentence_ends(t).is_empty()
        && !is_proceedings_title(t)
        && !is_edition_phrase(t)
        && !is_status_phrase(t)
}

/// Words of journal names, never of a publisher's.
const JOURNAL_WORDS: &[&str] = &[
    "Journal",
    "Review",
    "Reviews",
    "Revue",
    "Letters",
    "Transactions",
    "Annals",
    "Bulletin",
    "Magazine",
    "Proceedings",
    "Meeting",
    "Conference",
    "Symposium",
    "Topics",
    "Research",
    "Studies",
    "Science",
    "Sciences",
    "Medicine",
    "Quarterly",
    "Reports",
    "Archives",
    "Zeitschrift",
    "Rivista",
    "Acta",
    "Advances",
    "Frontiers",
    "Trends",
    "Opinion",
    // one-word journals an article ahead of print may name alone
    "Nature",
    "Science",
    "Cell",
    "Lancet",
    "Blood",
    "Neuron",
    "Gut",
    "Brain",
    "Circulation",
    "Pediatrics",
    "Radiology",
    "Cancer",
    "Chest",
    "Genetics",
    "Development",
    "Immunity",
    "Diabetes",
    "Hypertension",
    "Stroke",
    "Thorax",
    "Heart",
    "Neurology",
    "Oncogene",
    "Leukemia",
    "Hepatology",
    "Gastroenterology",
    "Sleep",
    "Pain",
    "Allergy",
    "Evolution",
    "Ecology",
    "Bioinformatics",
    "Cognition",
    "Psychophysiology",
    "Chemosphere",
];

/// A publisher's name as APA 7 prints it, alone after the title (`Verso`, `Rio Grande`,
/// `Wadsworth and Brooks`, `G. E. Beer`): up to five capitalised words (`and`, `of`,
/// `&` between them), none a journal's word or abbreviation or an institution's.
fn looks_like_press_name(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ',']);
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() <= 5
        && !t.bytes().any(|b| b.is_ascii_digit())
        && !has_word(t, INSTITUTION_WORDS)
        && words.iter().all(|w| {
            let core = w.trim_end_matches([',', '.']);
            matches!(core, "and" | "of" | "&" | "de" | "du" | "von" | "van")
                || core.starts_with(char::is_uppercase)
                    && !JOURNAL_WORDS.contains(&core)
                    && !JOURNAL_ABBREVIATIONS.contains(&core)
        })
}

/// An author written the NLM way, `Surname AB` (Vancouver and PLOS lists, whose books
/// always print `City: Publisher`).
fn is_nlm_name(a: &str) -> bool {
    !a.contains([',', '.'])
        && a.rsplit_once(' ')
            .is_some_and(|(_, ini)| crate::normalize::author::is_nlm_initials(ini))
}

/// A book's publisher, or a thesis's school after its degree (`PhD diss., The New
/// School`, `Ph.D. Thesis, Stanford University`).
fn thesis_or_publisher<'a>(publ: &'a str, f: &mut Fields<'a>) {
    let publ = publ.trim().trim_end_matches(['.', ',', ';']);
    if let Some((degree, school)) = thesis_school(publ) {
        f.publisher = Some(school);
        f.notes.push(degree);
        f.kind = Some(RefType::Thesis);
        return;
    }
    f.publisher = Some(publ);
    f.kind = Some(f.kind.unwrap_or(RefType::Book));
}

/// `PhD diss., The New School` → (`PhD diss.`, `The New School`): a thesis's degree and
/// its school.
fn thesis_school(publ: &str) -> Option<(&'static str, &str)> {
    [
        "PhD diss., ",
        "Ph.D. diss., ",
        "PhD thesis, ",
        "Ph.D. thesis, ",
        "Ph.D. Thesis, ",
        "PhD Thesis, ",
        "diss., ",
        "Diss., ",
    ]
    .into_iter()
    .find_map(|m| Some((m.trim_end_matches([',', ' ']), publ.strip_prefix(m)?)))
}

/// Nature's chapters: `[Title.] in Book (eds Doe, J. & Ray, B.) 45–67` before the
/// bracket with the publisher and year. True when `t` was read so.
fn nature_chapter<'a>(t: &'a str, f: &mut Fields<'a>) -> bool {
    let Some(open) = [" (eds ", " (ed. ", " (ed "].iter().find_map(|m| find_str(t, m))
    else {
        return false;
    };
    let Some(close) = t.get(open..).and_then(|r| r.find(')')).map(|c| open + c) else {
        return false;
    };
    let head = t.get(..open).unwrap_or_default();
    let (title, book) = if let Some(b) = head.strip_prefix("in ") {
        (None, b)
    } else if let Some(i) = find_str(head, ". in ") {
        (head.get(..i), head.get(i + 5..).unwrap_or_default())
    } else {
        return false;
    };
    let inner = t.get(open + 2..close).unwrap_or_default();
    let names = inner.split_once(' ').map_or("", |(_, n)| n);
    let al = authors::scan_authors(names);
    for it in &al.items {
        if let Some(n) = names.get(it.clone()) {
            f.editors.push(n);
        }
    }
    let after = t.get(close + 1..).unwrap_or_default().trim();
    if is_page_range(after) {
        f.pages = f.pages.or(Some(after));
    } else if !after.is_empty() {
        f.notes.push(after);
    }
    let (book, edition) = split_edition(book);
    f.title = title;
    f.container = Some(book.trim());
    f.edition = f.edition.or(edition);
    f.kind = Some(RefType::Chapter);
    true
}

/// `Publisher: Place` as ACS writes it after a `;` (`Wiley: New York`,
/// `Gaussian, Inc.: Wallingford, CT`) → (publisher, place).
fn acs_publisher_place(seg: &str) -> Option<(&str, &str)> {
    let seg = seg.trim().trim_end_matches([',', '.', ';']);
    let (publ, place) = seg.rsplit_once(": ")?;
    let place_words = place.split_whitespace().count();
    let ok = (1..=8).contains(&publ.split_whitespace().count())
        && (1..=4).contains(&place_words)
        && publ.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && place
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !place.chars().any(|c| c.is_ascii_digit());
    ok.then_some((publ, place))
}

/// ACS books and chapters, whose fields `;` separates:
/// `Physical Chemistry, 9th ed.; Oxford University Press: Oxford` and
/// `In Comprehensive Organic Synthesis; Trost, B. M., Ed.; Pergamon: Oxford`.
/// True when `m` (the text between the authors and the source block) was read so.
fn acs_book<'a>(m: &'a str, f: &mut Fields<'a>) -> bool {
    if !m.contains("; ") || f.issue.is_some() {
        return false;
    }
    let parts: Vec<&str> = m.split("; ").map(str::trim).collect();
    let Some((last, front)) = parts.split_last() else { return false };
    // ACS reports: `Method 1633; EPA 821-R-21-001; Washington, DC, 2021` — title, the
    // report's number, the place
    if let [title, number] = front
        && is_publication_place(last)
        && number.bytes().any(|b| b.is_ascii_digit())
        && number.bytes().any(|b| b.is_ascii_uppercase())
        && number.split_whitespace().count() <= 4
    {
        f.title = Some(title);
        f.notes.push(number);
        f.place = Some(last.trim_end_matches(['.', ',']));
        f.kind = Some(RefType::Report);
        return true;
    }
    let Some((publ, place)) = acs_publisher_place(last) else {
        // `Title; Publisher, 2002.` / `Title; PhD diss., School, 2021.`: no place
        if let [title] = front
            && f.volume.is_none()
            && f.pages.is_none()
            && looks_like_publisher(last)
            && !f.authors.first().is_some_and(|a| is_nlm_name(a))
        {
            f.title = Some(title);
            thesis_or_publisher(last, f);
            return true;
        }
        return false;
    };
    let Some((first, middle)) = front.split_first() else { return false };
    if first.contains(". ") && !first.starts_with("In ") {
        // `Title. In Book; …`: a chapter title before the book
        let Some(i) = find_str(first, ". In ") else { return false };
        f.title = first.get(..i);
        return acs_chapter(
            first.get(i + 2..).unwrap_or_default(),
            middle,
            publ,
            place,
            f,
        );
    }
    if first.starts_with("In ") {
        return acs_chapter(first, middle, publ, place, f);
    }
    f.title = Some(acs_fields(first, middle, publ, place, f));
    f.kind = Some(f.kind.unwrap_or(RefType::Book));
    true
}

/// What an ACS book and chapter share: the edition after the (book) title, the
/// publisher and place, the middle parts. Returns the title without its edition.
fn acs_fields<'a>(
    title: &'a str,
    middle: &[&'a str],
    publ: &'a str,
    place: &'a str,
    f: &mut Fields<'a>,
) -> &'a str {
    let (title, edition) = split_edition(title);
    f.edition = edition.or(f.edition);
    f.publisher = Some(publ);
    f.place = Some(place);
    for p in middle {
        acs_middle_part(p, f);
    }
    title
}

/// `In Book, 2nd ed.; Editor, A., Ed.; …` after the chapter title.
fn acs_chapter<'a>(
    book: &'a str,
    middle: &[&'a str],
    publ: &'a str,
    place: &'a str,
    f: &mut Fields<'a>,
) -> bool {
    let book = book.strip_prefix("In ").unwrap_or(book).trim();
    f.container = Some(acs_fields(book, middle, publ, place, f));
    f.kind = Some(RefType::Chapter);
    true
}

/// A middle part of an ACS book: editors (`Trost, B. M., Ed.`), a volume (`Vol. 2`)
/// or a series; what is not understood becomes a note.
fn acs_middle_part<'a>(p: &'a str, f: &mut Fields<'a>) {
    let p = p.trim().trim_end_matches(',');
    if let Some(v) = p.strip_prefix("Vol. ").or_else(|| p.strip_prefix("Vol "))
        && f.volume.is_none()
    {
        f.volume = Some(v.trim_end_matches('.'));
        return;
    }
    // `Trost, B. M., Ed.` / `Smith, A.; Jones, B., Eds.`
    let names = p
        .strip_suffix(", Ed.")
        .or_else(|| p.strip_suffix(", Eds."))
        .or_else(|| p.strip_suffix(", Ed"))
        .or_else(|| p.strip_suffix(", Eds"));
    if let Some(names) = names {
        let al = authors::scan_authors(names);
        if !al.items.is_empty() && al.end + 1 >= names.len() {
            for it in &al.items {
                if let Some(t) = names.get(it.clone()) {
                    f.editors.push(t);
                }
            }
            return;
        }
    }
    f.notes.push(p);
}

/// Common words of abbreviated journal titles (ISO 4), without their full stops.
const JOURNAL_ABBREVIATIONS: &[&str] = &[
    "Acad",
    "Acta",
    "Adv",
    "Am",
    "Anal",
    "Angew",
    "Ann",
    "Appl",
    "Astron",
    "Astrophys",
    "Biochem",
    "Biol",
    "Biophys",
    "Catal",
    "Chem",
    "Chim",
    "Clin",
    "Commun",
    "Comput",
    "Condens",
    "Curr",
    "Ecol",
    "Ed",
    "Electron",
    "Eng",
    "Environ",
    "Eur",
    "Evol",
    "Exp",
    "Funct",
    "Genet",
    "Geophys",
    "Immunol",
    "Inorg",
    "Instrum",
    "Int",
    "Invest",
    "Lett",
    "Macromol",
    "Magn",
    "Mater",
    "Math",
    "Mech",
    "Med",
    "Microbiol",
    "Mol",
    "Mon",
    "Nanotechnol",
    "Natl",
    "Neurosci",
    "Not",
    "Nucl",
    "Opt",
    "Org",
    "Phys",
    "Polym",
    "Proc",
    "Quant",
    "Rep",
    "Res",
    "Rev",
    "Sci",
    "Soc",
    "Stat",
    "Struct",
    "Syst",
    "Technol",
    "Theor",
    "Trans",
    "Zh",
];

/// True when the sentence end at `e` in `t` closes an abbreviated journal word
/// (`Phys.`, `J.`), not a sentence.
fn closes_journal_abbreviation(t: &str, e: usize) -> bool {
    let head = t.get(..e).map(|h| h.trim_end_matches('.'));
    head.and_then(|h| h.rsplit([' ', '.']).next()).is_some_and(|w| {
        w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase())
            || JOURNAL_ABBREVIATIONS.contains(&w)
    })
}

/// APS and AIP: `Title, with commas, Journal 12, 345 (2020)` — in a comma-separated
/// article the journal follows the last comma, so the title may hold commas. `first`
/// is the first `, ` of the middle `m`; returns the comma that ends the title when it
/// is a later one. `Angew. Chem., Int. Ed.` keeps its comma.
fn aps_title_end(m: &str, first: usize, ends: &[usize], article: bool) -> Option<usize> {
    if !article {
        return None;
    }
    let mut last = rfind_str(m, ", ")?;
    let tail = m.get(last + 2..)?;
    if all_abbreviations(tail)
        || tail.split_whitespace().count() <= 2 && tail.ends_with('.')
    {
        let head = m.get(..last)?;
        if let Some(prev) = rfind_str(head, ", ")
            && head.get(prev + 2..).is_some_and(|h| {
                h.ends_with('.') && h.split(' ').count() <= 3 && all_abbreviations(h)
            })
        {
            last = prev;
        }
    }
    // (`…, Ontario, Canada. Geology`: a full stop ends the title; those of `Phys.
    // Rev. B` do not)
    if last <= first
        || ends.iter().any(|&e| e < last)
        || !ends.iter().all(|&e| closes_journal_abbreviation(m, e))
    {
        return None;
    }
    let journal = m.get(last + 2..)?;
    (last > first
        && journal.starts_with(|c: char| c.is_uppercase())
        && (1..=10).contains(&journal.split_whitespace().count()))
    .then_some(last)
}

/// `Physical Chemistry, 9th ed.` → (`Physical Chemistry`, `9th ed.`).
fn split_edition(t: &str) -> (&str, Option<&str>) {
    let t = t.trim().trim_end_matches(',');
    // `Molecular Biology of the Cell 6th edn` (Nature): an ordinal before the marker
    for marker in [" edn", " ed.", " ed", " edition"] {
        if let Some(head) = t.strip_suffix(marker)
            && let Some((title, ord)) = head.rsplit_once(' ')
            && ord.len() <= 5
            && ord.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|o| ord.ends_with(o))
            && !title.ends_with(',')
        {
            let ed = t.get(title.len() + 1..).unwrap_or_default();
            return (title, Some(ed.trim_end_matches('.')));
        }
    }
    if let Some((head, ed)) = t.rsplit_once(", ")
        && is_edition_phrase(ed)
    {
        return (head, Some(ed.trim_end_matches('.')));
    }
    (t, None)
}

/// `Proceedings of …`, `In proceedings of …`, `Extended abstracts of the CHI
/// conference …`: the title of a proceedings volume.
fn is_proceedings_title(t: &str) -> bool {
    let l = t.trim_start_matches("In ").trim_start_matches("in ");
    // (`“MRS Proceedings,”`: a quoted title)
    let l = l.trim_start_matches(['“', '"']);
    // journals named proceedings (PNAS, the Royal Society's)
    let journal = [
        "Proceedings of the National Academy of Sciences",
        "Proc Natl Acad Sci",
        "Proc. Natl. Acad. Sci",
        "Proceedings of the Royal Society",
        "Proc R Soc",
        "Proc. R. Soc",
        "Proc Biol Sci",
    ];
    if journal.iter().any(|j| l.starts_with(j)) {
        return false;
    }
    l.starts_with("Proceedings")
        || l.starts_with("proceedings")
        || l.starts_with("Proc.")
        || l.starts_with("Extended abstracts")
        || l.starts_with("Extended Abstracts")
        || l.starts_with("Companion")
        || (has_word(l, &["Conference", "Symposium", "Workshop", "Congress"])
            && t.split_whitespace().count() >= 3)
}

fn chapter_kind(container: Option<&str>) -> RefType {
    match container {
        Some(c)
            if has_word(
                c,
                &[
                    "Proceedings",
                    "Proc",
                    "Conference",
                    "Symposium",
                    "Workshop",
                    "Congress",
                ],
            ) =>
        {
            RefType::Chapter
        }
        _ => RefType::Chapter,
    }
}

/// Container clean-up for the comma-separated styles: labelled volume and pages, a
/// conference's place, `to appear`, and the institution of a thesis or report.
/// `In Proceedings of AAAI-92, pp. 440-446`: the pages' label left at the end of the
/// container once the pages were read.
fn drop_page_label(f: &mut Fields<'_>) {
    let Some(c) = f.container else { return };
    if f.pages.is_none() {
        return;
    }
    for label in [", pp", " pp", ", pages", " pages", ", Pages", ", p", ", pg"] {
        if let Some(head) = c.trim_end_matches('.').strip_suffix(label)
            && !head.is_empty()
        {
            f.container = Some(head.trim_end_matches([',', ' ']));
            return;
        }
    }
}

fn tidy_container(f: &mut Fields<'_>) {
    let Some(mut c) = f.container else { return };
    // `Title, 2nd ed., Dover Publications, 1987`: an edition, then a publisher, in a
    // book's comma-separated fields
    if f.volume.is_none()
        && f.pages.is_none()
        && f.issue.is_none()
        && f.title.is_some()
        && let Some((ed, rest)) = c.split_once(", ")
        && (is_edition_phrase(ed) || is_edition_word(ed))
        && let Some((publ, place)) = publisher_place(rest)
    {
        f.edition = Some(ed.trim_end_matches('.'));
        f.publisher = Some(publ);
        f.place = f.place.or(place);
        f.container = None;
        f.kind = Some(RefType::Book);
        return;
    }
    // `in «Sci Adv», 8 (2022)` (Italian styles): a journal's name in guillemets
    if let Some(inner) = ["in «", "In «", "«"]
        .iter()
        .find_map(|p| c.strip_prefix(p))
        .and_then(|t| t.strip_suffix('»'))
        && !inner.contains(['«', '»'])
        && !inner.trim().is_empty()
    {
        c = inner.trim();
        f.container = Some(c);
    }
    // ABNT: `Journal, [s. l.]` — no place known
    for ph in [", [s. l.]", ", [s.l.]", ", [S. l.]", ", [S.l.]", ", [s. n.]", ", [s.n.]"]
    {
        if let Some(head) = c.strip_suffix(ph) {
            c = head;
            f.container = Some(c);
        }
    }

    // `Accepted for publication in Contemporary Drug Problems`, `Submitted to Nature`:
    // the status before the journal is a note
    for status in [
        "Accepted for publication in ",
        "Submitted for publication in ",
        "Submitted for publication to ",
        "Submitted to ",
        "In press in ",
        "To appear in ",
        "Forthcoming in ",
        "Under review at ",
        "Under review in ",
    ] {
        if let Some(journal) = c.strip_prefix(status)
            && journal.starts_with(char::is_uppercase)
        {
            // (the note without its preposition: `Accepted for publication`)
            let note = status.trim_end();
            f.notes.push(note.rsplit_once(' ').map_or(note, |(head, _)| head));
            c = journal;
            f.container = Some(c);
            break;
        }
    }
    // `Manuscript submitted for publication` (APA): a status, no journal
    if is_status_phrase(c) {
        f.notes.push(c);
        f.container = None;
        return;
    }
    // `J Biol Chem Published Online Febr. 2025;19:108330`: the status before the date
    // is not the journal's
    for status in [" Published Online", " Published online", ". Published online"] {
        if let Some(head) = c.strip_suffix(status)
            && !head.is_empty()
        {
            f.notes.push(status.trim_start_matches(['.', ' ']));
            c = head;
            f.container = Some(c);
        }
    }
    // MLA and web pages: `Tesla Blog, N.p., 2 Aug. 2006, Web. 29 Sept. 2016, <URL>` /
    // `Bookseller, 20 June. Online: URL` / `Articulo, 2011, en ligne : URL`: the dates
    // and the medium after the site's name are not part of it
    if let Some((head, tail)) = web_tail(c, f.url.is_some()) {
        // (the year is the tail's first date's, not yet read or read from the tail:
        // the access date follows)
        if f.year.is_none_or(|y| within(tail, y))
            && let Some(first) =
                tail.split([' ', ',', '.']).find(|w| date::parse_year(w).is_some())
        {
            f.year = Some(first);
        }
        f.notes.push(tail);
        c = head;
        f.container = Some(c);
    }
    // `Annales de Bretagne n°95` / `L'Aide-soignante, janvier 2009, n°`: the issue
    // label (and its number) after the journal
    if let Some(i) = find_str(c, " n°") {
        let nr =
            c.get(i + " n°".len()..).unwrap_or_default().trim_end_matches(['.', ',']);
        if nr.bytes().all(|b| b.is_ascii_digit()) && i > 0 {
            if !nr.is_empty() {
                f.issue = f.issue.or(Some(nr));
            } else if f.issue.is_none() {
                // (`n°41, 1991`: the number the source block read is the label's)
                f.issue = f.volume.take();
            }
            c = c.get(..i).unwrap_or_default().trim_end_matches([',', ' ']);
            // (a date in the container's own words before the label)
            if let Some((head, date)) = c.rsplit_once(", ")
                && date.split_whitespace().count() == 2
                && date
                    .split_whitespace()
                    .nth(1)
                    .is_some_and(|y| date::parse_year(y).is_some())
            {
                f.notes.push(date);
                c = head;
            }
        }
    }
    // `Book, edited by A. Editor` / `Book, translated by …` / `Book (ed. …)`
    let editors = [
        ", edited by ",
        ", translated by ",
        " (ed. ",
        " (eds ",
        " (eds. ",
        " (ed ",
        ", ed. ",
        ", eds. ",
        " edited by ",
        ". Ed. ",
        ". Eds. ",
    ];
    // (every marker holds `ed` or `translated`: one search rules most containers out)
    let may_edit = find_str(c, "ed").is_some() || find_str(c, "Ed").is_some();
    // (`Angew. Chem. Int. Ed. Engl.`: the journal's International Edition, no editor)
    let international = |i: &usize| !c.get(..*i).is_some_and(|h| h.ends_with(" Int"));
    if may_edit
        && let Some(i) =
            editors.iter().filter_map(|m| find_str(c, m)).filter(international).min()
    {
        let mut note =
            c.get(i..).unwrap_or_default().trim_start_matches([',', '.', ' ', '(']);
        // Nature: `Proc. X (eds Larochelle, H. et al.) 1877–1901`: pages after the bracket
        if c.get(i..).is_some_and(|t| t.starts_with(" ("))
            && let Some(close) = note.find(')')
        {
            let after = note.get(close + 1..).unwrap_or_default().trim();
            note = note.get(..close).unwrap_or_default();
            if f.pages.is_none() && is_page_range(after.trim_end_matches(['.', ','])) {
                f.pages = Some(after.trim_end_matches(['.', ',']));
            }
        }
        // Chicago: `In Book, edited by A. Editor, 45–67.`: the pages end the note; a
        // volume of a work in several may come before them, `3:1801–63` or `3A:1801–63`
        if let Some((head, tail)) = note.trim_end_matches('.').rsplit_once(", ")
            && f.pages.is_none()
        {
            let (volume, pages) = match tail.split_once(':') {
                Some((v, p)) if is_part_volume(v) => (Some(v), p),
                _ => (None, tail),
            };
            if is_page_range(pages) {
                f.pages = Some(pages);
                f.volume = f.volume.or(volume);
                note = head;
            }
        }
        // (`edited by A. Editor and B. Editor`: the names are the book's editors)
        let names = ["edited by ", "eds. ", "ed. ", "Ed. ", "Eds. "]
            .iter()
            .find_map(|p| note.strip_prefix(p))
            .map(|n| n.trim_end_matches(['.', ',', ' ']));
        match names {
            Some(n) if push_editors(n, f) => {}
            _ => f.notes.push(note),
        }
        c = c.get(..i).unwrap_or_default();
    }
    // `…, Vol. 2, pages 266-273. Morgan Kaufmann` / `(Vol. 3, Part A, pp. 1761–1800)`
    // `Radical pragmatics (223–255)` / `Book (pp. 113-118)`: the chapter's pages
    c = c.trim_end_matches(['.', ' ']);
    if c.ends_with(')')
        && let Some(open) = c.rfind(" (")
    {
        let inner = c.get(open + 2..c.len() - 1).unwrap_or_default();
        let inner = inner
            .strip_prefix("pp. ")
            .or_else(|| inner.strip_prefix("pp "))
            .or_else(|| inner.strip_prefix("p. "))
            .unwrap_or(inner);
        if f.pages.is_none() && is_page_range(inner) && inner.contains(['-', '–']) {
            f.pages = Some(inner);
            c = c.get(..open).unwrap_or_default();
        }
    }
    // Chicago: `In The Oxford Handbook of Sleep, 439–457. Oxford University Press.`;
    // Nature: `In Proc. 27th Conference on X 2672–2680 (MIT Press, 2014).`
    if f.pages.is_none()
        && let Some((head, tail)) = trailing_range(c, ", ").or_else(|| {
            (f.kind == Some(RefType::Chapter)).then(|| trailing_range(c, " ")).flatten()
        })
    {
        f.pages = Some(tail);
        c = head;
    }
    // `Encyclopedia of Language (2nd edn), vol. VI`: the edition and a roman volume
    if let Some(i) = find_str(c, ", vol. ")
        && let Some(v) = c.get(i + 7..)
        && !v.is_empty()
        && v.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X' | 'L'))
    {
        f.volume = f.volume.or(Some(v));
        c = c.get(..i).unwrap_or(c);
    }
    if c.ends_with(')')
        && let Some(open) = rfind_str(c, " (")
        && let Some(inner) = c.get(open + 2..c.len() - 1)
        && inner.starts_with(|ch: char| ch.is_ascii_digit())
        && (is_edition_phrase(inner) || split_edition(inner).1.is_some())
    {
        f.edition = f.edition.or(Some(inner));
        c = c.get(..open).unwrap_or(c);
    }
    // (every label is looked for in the whole container; it is cut at the first)
    let mut cut = c.len();
    // (and where the last labelled number ends: what follows it is kept)
    let mut tail_at = 0;
    // (a label is followed by its number: a container without digits has none)
    let labels: &[&str] = if c.bytes().any(|b| b.is_ascii_digit()) {
        &[
            ", Vol. ",
            ", vol. ",
            " (Vol. ",
            ", volume ",
            " volume ",
            ", pages ",
            ", pp. ",
            ", pp ",
            " pp. ",
            ", p. ",
        ]
    } else {
        &[]
    };
    for &label in labels {
        if let Some(i) = find_str(c, label) {
            let after = c.get(i + label.len()..).unwrap_or_default();
            let num: &str = after.split([',', ')', ' ']).next().unwrap_or_default();
            // `volume 74 of Advances in Genetics`: the volume in a series (BibTeX's
            // `volume` with its `series`); the series is kept as a note
            let series = label.contains("ol")
                && after.get(num.len()..).is_some_and(|t| t.starts_with(" of "));
            if series && num.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
                let from = c.get(i..).unwrap_or_default();
                let note = from.trim_start_matches([',', ' ', '(']);
                let end = note.find([',', ')']).unwrap_or(note.len());
                tail_at = tail_at.max(i + (from.len() - note.len()) + end);
                let note = note.get(..end).unwrap_or(note).trim_end_matches('.');
                // (`, volume ` and ` volume ` find the same words)
                if !f.notes.contains(&note) {
                    f.notes.push(note);
                }
                f.volume = f.volume.or(Some(num));
                cut = cut.min(i);
            } else if num.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
                if label.contains("ol") {
                    f.volume = f.volume.or(Some(num));
                } else {
                    f.pages = f.pages.or(Some(num.trim_end_matches('.')));
                }
                cut = cut.min(i);
                tail_at = tail_at.max(i + label.len() + num.len());
            }
        }
    }
    // `…, pages 49-56, Los Angeles, CA`, `pp. 813-818 Detroit`: the conference's
    // place (or a note) after the labelled numbers, not lost with the labels
    if cut < c.len() {
        venue_tail(c.get(tail_at..).unwrap_or_default(), f, true);
    }
    c = c.get(..cut).unwrap_or(c);
    // `R.E. Barnhill and R.F. Riesenfeld (eds.), Computer Aided Geometric Design`:
    // the editors before the book's title
    // (every marker opens with ` (` or `, `: look only when the container has one)
    let may_mark =
        memchr::memchr(b'(', c.as_bytes()).is_some() || find_str(c, ", ").is_some();
    if may_mark
        && let Some((i, marker)) = EDITOR_MARKERS
            .iter()
            .filter_map(|m| find_str(c, m).map(|i| (i, *m)))
            .min_by_key(|(i, _)| *i)
        && i > 0
        && i <= 160
    {
        let names = c.get(..i).unwrap_or_default();
        let book = c
            .get(i + marker.len()..)
            .unwrap_or_default()
            .trim_start_matches([',', ' ', '.', ':']);
        if !book.is_empty() {
            editor_names(names, f);
            c = book;
            f.kind = Some(f.kind.unwrap_or(RefType::Chapter));
        }
    }
    // `In: Brody S, editor, The Genetics of Circadian Rhythms, Academic Press, volume 74`:
    // the book's publisher after a comma
    if f.kind == Some(RefType::Chapter) && f.publisher.is_none() {
        let mut at: usize = 0;
        for (i, part) in c.split(", ").enumerate() {
            if i > 0
                && let Some((publ, place)) = publisher_place(part)
                && publ.len() == part.trim_end_matches(['.', ',', ';']).len()
            {
                f.publisher = Some(publ);
                f.place = f.place.or(place);
                // (`Academic Press, New York`: the place after it, or a note)
                venue_tail(c.get(at + part.len()..).unwrap_or_default(), f, false);
                c = c.get(..at.saturating_sub(2)).unwrap_or(c);
                break;
            }
            at += part.len() + 2;
        }
    }
    // `to appear`, `in press`, `submitted`
    // (lower-cased once, again only after a cut)
    // (lower-cased only when one of the words is there at all)
    let tails: &[&str] = if has_word(c, &["appear", "press", "submitted"]) {
        &[", to appear", " to appear", ", in press", " (in press)", ", submitted"]
    } else {
        &[]
    };
    let mut lower = if tails.is_empty() { String::new() } else { c.to_lowercase() };
    for &tail in tails {
        if let Some(i) = rfind_str(&lower, tail) {
            if let Some(n) = c.get(i..) {
                f.notes.push(n.trim_start_matches([',', ' ']));
            }
            c = c.get(..i).unwrap_or_default();
            lower = c.to_lowercase();
        }
    }
    // a conference's place: `Proceedings of X, Portland, OR` / `IROS '91 (Osaka, Japan)`
    let proc = has_word(
        c,
        &["Proceedings", "Proc", "Conference", "Conf", "Symposium", "Workshop"],
    );
    // `Conf. on X (Osaka, Japan)`, `… Biennial Meeting, Montreal, Canada`: a venue
    // (only after a conference: `Molecules (Basel, Switzerland)` is a journal's name)
    if let Some((name, venue)) = trailing_venue(c)
        && (proc || has_word(c, &["Meeting", "Congress", "Colloquium", "Session"]))
    {
        f.place = f.place.or(Some(venue));
        c = name;
    }
    if proc {
        // the place after the name, not a list in it (`…on tangible, embedded, and
        // embodied interaction`)
        // (kept as the place, the publisher or a note: `…, Austin, MIT Press,
        // Cambridge, Mass.`)
        if let Some(i) = c.find(", ")
            && looks_like_place(c.get(i + 2..).unwrap_or_default())
        {
            venue_tail(c.get(i + 2..).unwrap_or_default(), f, false);
            c = c.get(..i).unwrap_or_default();
        }
        if c.ends_with(')')
            && let Some(open) = c.rfind(" (")
        {
            let inner = c.get(open + 2..c.len() - 1).unwrap_or_default();
            if inner.contains(", ") && !inner.chars().any(|ch| ch.is_ascii_digit()) {
                c = c.get(..open).unwrap_or_default();
            }
        }
    }

    // `“Title,” Tech. Rep. 18 (2013)` / `“Title,” NASA, Tech. Rep., 1988`: a report's
    // label (and its issuer) where a journal would be
    {
        let (head, label) = c.rsplit_once(", ").unwrap_or(("", c));
        let l = label.trim_end_matches('.');
        let is_label = matches!(
            l,
            "Tech. Rep"
                | "Tech. rep"
                | "Technical Report"
                | "Technical report"
                | "Tech Report"
                | "Tech. Report"
        );
        if is_label {
            f.kind = Some(RefType::Report);
            f.notes.push(label);
            if !head.is_empty() && f.publisher.is_none() {
                f.publisher = Some(head);
            }
            f.container = None;
            return;
        }
    }
    // theses and reports: the container is the institution
    if matches!(f.kind, Some(RefType::Thesis | RefType::Report)) {
        let lower = c.to_lowercase();
        if ["thesis", "dissertation", "report", "tech. rep", "tech rep"]
            .iter()
            .any(|w| lower.contains(w))
        {
            if f.publisher.is_none() {
                f.publisher = institution(c);
            }
            f.notes.push(c);
            f.container = None;
            return;
        }
    }
    // `Projektarbeit, Universitat Kaiserslautern` / `Department of X, Texas A&M
    // University`: no journal, the institution that issued the work
    if f.volume.is_none()
        && f.issue.is_none()
        && f.pages.is_none()
        && f.publisher.is_none()
        && f.kind != Some(RefType::Chapter)
        && !is_proceedings_title(c)
        && has_word(
            c,
            &["University", "Universität", "Université", "Universitat", "Dept"],
        )
        && let Some(inst) = institution(c)
    {
        f.publisher = Some(inst);
        if let Some(i) = find_str(c, inst)
            && i > 0
        {
            f.notes.push(c.get(..i).unwrap_or_default().trim_end_matches([',', ' ']));
        }
        f.container = None;
        return;
    }
    let c = c.trim_end_matches([',', ' ', '.']);
    f.container = (!c.is_empty()).then_some(c);
}

/// True when `part` is a slice of `whole`'s bytes.
fn within(whole: &str, part: &str) -> bool {
    let (w, p) = (whole.as_ptr() as usize, part.as_ptr() as usize);
    p >= w && p + part.len() <= w + whole.len()
}

/// `Tesla Blog, N.p., 2 Aug. 2006, Web. 29 Sept. 2016, <` → (`Tesla Blog`,
/// `N.p., 2 Aug. 2006, Web. 29 Sept. 2016`): the comma-separated parts at the end of
/// a container that hold only dates (`2 Aug. 2006`, `20 June`, `2011`) and the
/// medium (`Web`, `Online`, `en ligne`, `N.p.`). The medium must be among them, or the
/// reference must have a URL (`Articulo, 2011` before `en ligne : URL`).
fn web_tail(c: &str, has_url: bool) -> Option<(&str, &str)> {
    let t = c.trim_end_matches(['<', ' ', ',', '.', ':', ';']);
    let mut cut = t.len();
    let mut medium = false;
    let mut date = false;
    loop {
        let head = t.get(..cut)?;
        let (rest, part) = match head.rsplit_once(", ") {
            Some((r, p)) => (Some(r), p),
            None => (None, head),
        };
        let (mut any, mut day, mut month) = (false, false, false);
        let ok = part.split_whitespace().all(|w| {
            let w = w.trim_end_matches(['.', ',', ':']);
            any = true;
            if matches!(w, "Web" | "Online" | "online" | "N.p" | "n.p" | "en" | "ligne") {
                medium = true;
                true
            } else if date::parse_year(w).is_some() {
                date = true;
                true
            } else if date::month_number(w).is_some() {
                (date, month) = (true, true);
                true
            } else {
                day = true;
                source::is_day_word(w)
            }
        });
        // (a day only beside its month: `Journal, 12` is a volume; the site's name
        // itself is never cut away)
        let Some(rest) = rest.filter(|_| ok && any && (month || !day)) else { break };
        cut = rest.len();
    }
    if cut == t.len() || !(medium || (date && has_url)) {
        return None;
    }
    let head = t.get(..cut)?;
    let tail = t.get(cut + 2..)?;
    // (`en` alone is a word of many titles: only with `ligne`)
    if tail.split_whitespace().any(|w| w == "en") && !tail.contains("en ligne") {
        return None;
    }
    Some((head, tail))
}

/// `Deciphering the tumor microenvironment and beyond Mol Cancer`: where a journal's
/// name starts after a title in sentence case with no mark between them. The journal
/// is the run of one to eight capitalised words (and short function words inside it)
/// at the end; the title before it has four words or more, and after its first word at
/// least two thirds of them and the last one start with a small letter.
fn sentence_case_then_journal(t: &str) -> Option<usize> {
    let t = t.trim_end_matches(['.', ',', ' ']);
    if t.contains([';', '?', '!', '"', '“', '”']) || find_str(t, ". ").is_some() {
        return None;
    }
    let words: Vec<&str> = t.split(' ').collect();
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let joiner = |w: &str| matches!(w, "of" | "and" | "the" | "for" | "in" | "&" | "de");
    // the run: from the end, capitalised words and joiners, opening with a capital
    let mut start = words.len();
    while start > 0 && words.get(start - 1).is_some_and(|w| capital(w) || joiner(w)) {
        start -= 1;
    }
    while words.get(start).is_some_and(|w| joiner(w)) {
        start += 1;
    }
    let run = words.get(start..)?;
    let title = words.get(..start)?;
    if !(1..=8).contains(&run.len()) || title.len() < 4 {
        return None;
    }
    // (not a title's own name: `in the midsouth of the United States`, `via ACSL5`,
    // `real-time RT-PCR`: a journal's words follow no function word, and one of them
    // has a small letter and none a digit)
    const FUNCTION_WORDS: &[&str] = &[
        "of", "the", "and", "in", "for", "via", "by", "with", "from", "to", "on", "at",
        "a", "an", "des", "de", "du", "la", "le", "et", "der", "die", "und", "von",
    ];
    let function_word = |w: &str| FUNCTION_WORDS.contains(&w);
    if title.last().is_some_and(|w| function_word(w))
        || run.iter().any(|w| w.contains(['(', ')']))
        || !run.iter().any(|w| w.chars().any(char::is_lowercase))
        || run.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
    {
        return None;
    }
    // (the journal's words: abbreviations or names, no sentence's full stop inside)
    if run.iter().any(|w| w.len() > 1 && w.ends_with(',')) {
        return None;
    }
    let small =
        title.iter().skip(1).filter(|w| w.starts_with(|c: char| c.is_lowercase()));
    let small = small.count();
    // (`interferon-gamma and -beta J Immunol`: the last word may open with a mark)
    let last_small = title.last().is_some_and(|w| {
        w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_lowercase())
    });
    (last_small && small * 3 >= (title.len() - 1) * 2)
        .then(|| title.iter().map(|w| w.len() + 1).sum())
}

/// `Title.: Journal` | `Title: Journal` → (title, journal): the text after the last
/// `: ` is a journal's name — up to twelve words, each capitalised, an abbreviation or
/// a short function word — and the title before it has three words or more.
fn colon_journal(t: &str) -> Option<(&str, &str)> {
    let t = t.trim_end_matches(['.', ',', ' ']);
    let c = rfind_str(t, ": ")?;
    let (title, journal) = (t.get(..c)?, t.get(c + 2..)?);
    let words: Vec<&str> = journal.split_whitespace().collect();
    let journal_like = (1..=16).contains(&words.len())
        && !journal.contains(['?', '!', '"', '“', '”', ','])
        // (`…: A Systematic Review`: a subtitle in title case)
        && !matches!(words.first(), Some(&("A" | "An")))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    *w,
                    "of" | "and" | "the" | "for" | "in" | "on" | "de" | "la" | "des" | "du"
                        | "et" | "y" | "und" | "für" | "der" | "di" | "e" | "&"
                )
        });
    let title = title.trim_end();
    let dotted = title.ends_with('.');
    let title = title.trim_end_matches('.');
    // (without the full stop, a comma in the title means commas separate the fields:
    // `…vulva, Pathology oncology research: POR, 12(3)`)
    (journal_like
        && (dotted || title.split_whitespace().count() >= 3 && !title.contains(", ")))
    .then_some((title, journal))
}

/// `Maestro, version 9.4, Schrödinger, LLC, New York, NY, 2013.`: software named
/// first, then its version — no author. The end of the version in `core`.
fn software_version_at(core: &str) -> Option<usize> {
    let (name, rest) = core.split_once(", ")?;
    if name.is_empty() || name.len() > 80 || name.contains(['.', ';', '(']) {
        return None;
    }
    let label = ["version ", "Version ", "Revision ", "release ", "Release "]
        .iter()
        .find(|l| rest.starts_with(**l))?;
    let v = rest.get(label.len()..)?;
    let n = v.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'.').count();
    let v = v.get(..n)?.trim_end_matches('.');
    (v.bytes().any(|b| b.is_ascii_digit()))
        .then_some(name.len() + 2 + label.len() + v.len())
}

/// `… (IL 1) J Immunol` → (`… (IL 1)`, `J Immunol`): a title that ends with a bracket,
/// then an NLM journal abbreviation (capitalised words, one of them a journal's
/// abbreviation or `J`).
fn bracket_then_journal(t: &str) -> Option<(&str, &str)> {
    let close = rfind_str(t, ") ")?;
    let journal = t.get(close + 2..)?.trim_end_matches('.');
    let words = journal.split(' ');
    let n = journal.split(' ').count();
    let ok = (1..=6).contains(&n)
        && t.get(..close)?.contains('(')
        && words.clone().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && w.chars().count() <= 14
        })
        && words.clone().any(|w| {
            matches!(w, "J" | "PLoS" | "PLOS" | "BMJ" | "BMC" | "JAMA")
                || JOURNAL_ABBREVIATIONS.contains(&w)
                || JOURNAL_WORDS.contains(&w)
        });
    ok.then(|| (t.get(..close + 1).unwrap_or(t), journal))
}

/// PubMed's journal-only citations (`J Biol Chem. 2019 Feb 1;294(5):1516-1528`, a
/// third of the `<Citation>`s of some efetch files): a journal's name, a full stop,
/// then a source that opens with its year — no authors, no title.
fn journal_only(core: &str) -> bool {
    rsc_journal_only(core) || nlm_journal_only(core)
}

/// An RSC citation without authors: `Phytochemistry, 2005, 66, 2001–2011.` — one
/// name without commas, then `, year, `.
fn rsc_journal_only(core: &str) -> bool {
    let Some(at) = find_str(core, ", ") else { return false };
    let (Some(name), Some(b)) = (core.get(..at), core.get(at + 2..).map(str::as_bytes))
    else {
        return false;
    };
    !name.is_empty()
        && !name.contains(['.', ';', ':', '"', '“', '('])
        && name.split(' ').count() <= 8
        && name.starts_with(|c: char| c.is_uppercase())
        && b.len() > 7
        && b.iter().take(4).all(u8::is_ascii_digit)
        && b.get(4..6) == Some(b", ")
        && b.get(6).is_some_and(u8::is_ascii_digit)
        // (a volume, then pages: `Bush and Gao, 2017, 150.` is a short citation)
        && b.get(6..).is_some_and(|v| {
            let n = v.iter().take_while(|c| c.is_ascii_digit()).count();
            v.get(n..n + 2) == Some(b", ")
        })
}

/// PubMed's form, `J Biol Chem. 2019 Feb 1;294(5):1516-1528`.
fn nlm_journal_only(core: &str) -> bool {
    // (NLM abbreviations have no full stops: the first `. ` ends the name)
    let Some(at) = find_str(core, ". ") else { return false };
    let (Some(name), Some(block)) = (core.get(..at), core.get(at + 2..)) else {
        return false;
    };
    let b = block.as_bytes();
    // the year, then `;` or a month (and day) and `;`: `2019;12:3`, `2019 Feb 1;294`,
    // `2018 May 23;:` (not `2014 ESC guidelines …`, a title after an author)
    let date_then_semicolon = || {
        let Some(rest) = block.get(5..) else { return false };
        // (`Sep-Oct`: a range of months)
        // (`2017 Supplement 1;88(13)`: a supplement in the date's place)
        let month = rest.split([' ', ';']).next().is_some_and(|m| {
            date::month_number(m.split(['-', '/', '–']).next().unwrap_or(m)).is_some()
                || matches!(m, "Suppl" | "Supplement" | "Suppl.")
        });
        let semi = rest.find(';');
        month && semi.is_some_and(|i| i <= 20)
    };
    !name.is_empty()
        && !name.contains([',', ';', ':', '"', '“'])
        && !name.contains(". ")
        && name.split(' ').count() <= 10
        && b.len() > 5
        && b.iter().take(4).all(u8::is_ascii_digit)
        && (b.get(4) == Some(&b';') || b.get(4) == Some(&b' ') && date_then_semicolon())
}

/// The closing `'` of a title in ASCII single quotes (`Title', Journal`): the first `'`
/// after a non-space and before `,`, `.` or the end (an apostrophe is inside a word).
fn single_quote_close(inner: &str) -> Option<usize> {
    let b = inner.as_bytes();
    let i = memchr::memchr_iter(b'\'', b).find(|&i| {
        i > 0
            && b.get(i - 1).is_some_and(|c| !c.is_ascii_whitespace())
            && matches!(b.get(i + 1), None | Some(b',' | b'.' | b';' | b':'))
            // (`'Mendelian randomization': Can genetic …`: a quoted phrase, then the
            // rest of the title after the colon)
            && !(b.get(i + 1) == Some(&b':')
                && b.get(i + 2) == Some(&b' ')
                && b.get(i + 3).is_some_and(u8::is_ascii_uppercase))
    })?;
    (i >= 3).then_some(i)
}

/// `Book, 439–457` (with `sep` `, `) | `Proc. X 2672–2680` (with ` `): a page range after
/// the last `sep` → (the text before, the range).
fn trailing_range<'a>(c: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    c.rsplit_once(sep).filter(|(head, tail)| {
        is_page_range(tail) && tail.contains(['-', '–', '‐']) && !head.is_empty()
    })
}

/// `Book, pp. 391-410` | `Book, pages 12-34` → (`Book`, `391-410`).
fn labelled_pages_at_end(t: &str) -> Option<(&str, &str)> {
    let t = t.trim_end_matches(['.', ' ']);
    for label in [", pp. ", ", pp ", ", pages ", ", p. "] {
        if let Some(i) = rfind_str(t, label) {
            let p = t.get(i + label.len()..)?;
            if is_page_range(p) {
                return Some((t.get(..i)?, p));
            }
        }
    }
    None
}

/// `… 2013. 518 p` | `… 1990. 494 p` | `…, 2003, 406 p` | `67p` | `634 s` | `392 pp`: the number of pages
/// of a book after its source → (the text before, the extent).
///
/// With the year already found after the authors (`Smith J (2006) Title. Boca Raton:
/// CRC Press. 392 pp.`) the text before may end with a word instead.
fn page_count_tail(r: &str, year_known: bool) -> Option<(&str, &str)> {
    // (most sources end with a number: settled without a search)
    if !r.ends_with(['p', 's', 'S', '.', 'с']) {
        return None;
    }
    // (`New York: NYU Press, 2003, 406 p.`: after a comma, only right after the year)
    let (i, comma) = match (rfind_str(r, ". "), rfind_str(r, ", ")) {
        (Some(d), Some(c)) if c > d => (c, true),
        (Some(d), _) => (d, false),
        (None, Some(c)) => (c, true),
        (None, None) => return if year_known { spaced_page_count(r) } else { None },
    };
    let year_known = year_known && !comma;
    let tail = r.get(i + 2..)?;
    let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
    let unit = tail.get(digits..)?.trim_start();
    let ok = (1..=4).contains(&digits)
        && matches!(unit, "p" | "pp" | "s" | "S" | "pages" | "p." | "pp." | "с" | "с.");
    // the text before must end with a year (`…, 2013`), else the pages are the source's
    let before = r.get(..i)?;
    let year_before = before.rsplit([' ', ',']).next().is_some_and(|w| {
        date::parse_year(w.trim_start_matches('(').trim_end_matches(')')).is_some()
    });
    let word_before = year_known
        && before.ends_with(|c: char| c.is_alphabetic())
        && before.rsplit(' ').next().is_some_and(|w| w.chars().count() >= 3);
    if ok && (year_before || word_before) {
        return Some((before, tail));
    }
    if year_known { spaced_page_count(r) } else { None }
}

/// `World Health Organization 247 p.` (PLOS): a book's extent after its publisher with
/// no full stop between, the year being known → (the publisher, the extent). Only `p`
/// and `pp` (an `s` could be a German `S. 12`), after a word of three letters or more,
/// and never a year (`Science 2022 p.`).
fn spaced_page_count(r: &str) -> Option<(&str, &str)> {
    let (head, unit) = r.rsplit_once(' ')?;
    let (before, digits) = head.rsplit_once(' ')?;
    let ok = matches!(unit, "p" | "pp" | "p." | "pp.")
        && (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && date::parse_year(digits).is_none()
        && before.rsplit(' ').next().is_some_and(|w| {
            w.chars().count() >= 3 && w.chars().all(char::is_alphabetic)
        });
    ok.then(|| (before, r.get(before.len() + 1..).unwrap_or_default()))
}

/// The last sentence or bracket of `r` when it holds no digit: (`r` without it, it).
fn trailing_note(r: &str) -> Option<(&str, &str)> {
    let (before, note) = if r.ends_with(')') {
        let open = r.rfind(" (")?;
        (r.get(..open)?, r.get(open + 1..)?)
    } else {
        let i = rfind_str(r, ". ")?;
        (r.get(..i)?, r.get(i + 2..)?)
    };
    // (a publisher after the pages is no note: `pp. 1761–1800). London: Elsevier`)
    let ok = !note.bytes().any(|b| b.is_ascii_digit())
        && note.split_whitespace().count() >= 2
        && !before.is_empty()
        && place_publisher(note).is_none()
        && publisher_place(note).is_none();
    ok.then(|| (before.trim_end_matches(|c: char| is_field_punct(c)), note))
}

/// `45–67` | `1761-1800` | `e12`: a page range or a single page.
fn is_page_range(t: &str) -> bool {
    let mut parts = t.split(['-', '–', '‐', '—']);
    let first = parts.next().unwrap_or_default();
    let num = |p: &str| {
        !p.is_empty()
            && p.len() <= 8
            && p.chars().all(|c| c.is_ascii_alphanumeric())
            && p.chars().any(|c| c.is_ascii_digit())
    };
    num(first) && parts.all(num)
}

/// `Portland, OR` | `Sydney, Australia` | `Bad Honnef/Bonn, Germany`: a short run of
/// capitalised words, what follows a conference's name.
fn looks_like_place(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ',']);
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "la" | "le" | "am" | "upon" | "on" | "sur")
        })
        && !t.chars().any(|c| c.is_ascii_digit())
}

/// What ends a list of editors in front of a book's title.
const EDITOR_MARKERS: &[&str] = &[
    " (eds.)",
    " (Eds.)",
    " (ed.)",
    " (Ed.)",
    " (Ed)",
    " (Eds)",
    " (eds)",
    " (ed)",
    " (editors)",
    " (editor)",
    " (Hrsg.)",
    " (hrsg.)",
    " (dir.)",
    " (a cura di)",
    " (gen. ed.)",
    " (éd.)",
    " (éds.)",
    " (Hg.)",
    " (Hrsg)",
    // (French, Portuguese and Spanish, Polish and Scandinavian)
    " (sous la dir.)",
    " (sous la dir. de)",
    " (sous la direction de)",
    " (dirs.)",
    " (éds)",
    " (Org.)",
    " (Orgs.)",
    " (org.)",
    " (orgs.)",
    " (Coord.)",
    " (coord.)",
    " (coords.)",
    " (comp.)",
    " (comps.)",
    " (red.)",
    " (Red.)",
    ", editors,",
    ", editor,",
    ", eds.,",
    ", Eds.,",
    ", eds,",
];

/// `Personal communication`, `Submitted`, `Unpublished manuscript`: the status of a
/// work, where a journal or title would be.
fn is_status_phrase(t: &str) -> bool {
    const PHRASES: &[&str] = &[
        "personal communication",
        "pers. comm",
        "submitted",
        "submitted for publication",
        "unpublished",
        "unpublished manuscript",
        "unpublished data",
        "unpublished observations",
        "unpublished results",
        "unpublished lecture notes",
        "lecture notes",
        "manuscript",
        "manuscript in preparation",
        "in preparation",
        "draft paper",
        "draft",
        "preprint",
        "forthcoming",
        "to appear",
        "in press",
        "manuscript submitted for publication",
        "manuscript under review",
        "under review",
        "accepted for publication",
    ];
    // (compared case-blind in place: no lower-cased copy per reference)
    let t = t.trim().trim_end_matches(['.', ',']);
    PHRASES.iter().any(|p| t.eq_ignore_ascii_case(p))
}

/// Cities where books are published, as bibliographies name them (`Leipzig`,
/// `New York`): a place alone where a journal would be is no journal.
const PUBLISHING_CITIES: &[&str] = &[
    "Aarhus",
    "Abingdon",
    "Adelaide",
    "Amsterdam",
    "Ann Arbor",
    "Athens",
    "Atlanta",
    "Auckland",
    "Austin",
    "Baltimore",
    "Bangalore",
    "Barcelona",
    "Basel",
    "Beijing",
    "Bergen",
    "Berkeley",
    "Berlin",
    "Bern",
    "Bethesda",
    "Bologna",
    "Bonn",
    "Boston",
    "Boulder",
    "Brisbane",
    "Bristol",
    "Brussels",
    "Bruxelles",
    "Budapest",
    "Buenos Aires",
    "Cambridge",
    "Canberra",
    "Cape Town",
    "Chapel Hill",
    "Chennai",
    "Chicago",
    "Chichester",
    "Cleveland",
    "Cologne",
    "Copenhagen",
    "Dordrecht",
    "Dresden",
    "Dublin",
    "Düsseldorf",
    "Edinburgh",
    "Englewood Cliffs",
    "Florence",
    "Frankfurt",
    "Freiburg",
    "Geneva",
    "Genève",
    "Ghent",
    "Glasgow",
    "Groningen",
    "Göttingen",
    "Hamburg",
    "Harlow",
    "Heidelberg",
    "Helsinki",
    "Hillsdale",
    "Hoboken",
    "Hong Kong",
    "Houston",
    "Ithaca",
    "Johannesburg",
    "Kraków",
    "Kyoto",
    "Lausanne",
    "Leiden",
    "Leipzig",
    "Leningrad",
    "Leuven",
    "Lisbon",
    "London",
    "Los Angeles",
    "Lund",
    "Lyon",
    "Madison",
    "Madrid",
    "Mahwah",
    "Manchester",
    "Melbourne",
    "Milan",
    "Milano",
    "Minneapolis",
    "Montreal",
    "Moscow",
    "Mumbai",
    "Munich",
    "München",
    "Nairobi",
    "Naples",
    "Nashville",
    "New Delhi",
    "New Haven",
    "New York",
    "Newbury Park",
    "Norwood",
    "Osaka",
    "Oslo",
    "Ottawa",
    "Oxford",
    "Paris",
    "Philadelphia",
    "Pittsburgh",
    "Prague",
    "Princeton",
    "Rio de Janeiro",
    "Roma",
    "Rome",
    "Rotterdam",
    "San Diego",
    "San Francisco",
    "Seattle",
    "Seoul",
    "Shanghai",
    "Singapore",
    "St. Louis",
    "St. Petersburg",
    "Stockholm",
    "Stuttgart",
    "Sydney",
    "São Paulo",
    "Thousand Oaks",
    "Tokyo",
    "Toronto",
    "Turin",
    "Tübingen",
    "Upper Saddle River",
    "Uppsala",
    "Utrecht",
    "Vienna",
    "Warsaw",
    "Washington",
    "Wellington",
    "Westport",
    "Wien",
    "Wiesbaden",
    "Zurich",
    "Zürich",
    // Russian and Ukrainian (GOST: `М.: Наука`, `СПб.: Питер`, `К.: Наукова думка`)
    "М",
    "СПб",
    "Л",
    "К",
    "Москва",
    "Санкт-Петербург",
    "Киев",
    "Київ",
    "Минск",
    "Новосибирск",
    "Екатеринбург",
    "Казань",
    "Kyiv",
    "Kiev",
    "Minsk",
];

/// `Leipzig` | `Hamburg und Leipzig` | `Boston, MA` | `Washington, D.C.` |
/// `Ann Arbor, MI`: a place of publication alone.
fn is_publication_place(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ',']);
    if PUBLISHING_CITIES.contains(&t) {
        return true;
    }
    // `Hamburg und Leipzig`, `London and New York`
    for and in [" und ", " and ", " & ", " et "] {
        if let Some((a, b)) = t.split_once(and) {
            return PUBLISHING_CITIES.contains(&a) && PUBLISHING_CITIES.contains(&b);
        }
    }
    // `City, ST` with a US state or province code, or `D.C.`
    if let Some((city, st)) = t.rsplit_once(", ") {
        let code = st.trim_end_matches('.');
        let us_code = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
            || code == "D.C"
            || STATE_ABBREVIATIONS.contains(&code);
        return us_code
            && (1..=3).contains(&city.split_whitespace().count())
            && city.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
            && !city.contains(',');
    }
    false
}

/// US states as older and Chicago-style references abbreviate them, without the
/// full stop (`Denver, Colo.`, `Cambridge, Mass.`, `Santa Monica, Calif.`).
/// Australia's states and territories as places of publication print them
/// (`Melbourne, Vic`).
const AUSTRALIAN_STATES: &[&str] = &["Vic", "NSW", "Qld", "Tas", "ACT", "WA", "SA", "NT"];

const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Cal", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
    "Ind", "Kans", "Kan", "Ky", "La", "Md", "Mass", "Ma", "Mich", "Minn", "Miss", "Mo",
    "Mont", "Nebr", "Neb", "Nev", "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D", "Okla",
    "Ore", "Oreg", "Pa", "Penn", "R.I", "S.C", "S.D", "Tenn", "Tex", "Vt", "Va", "Wash",
    "Wis", "Wisc", "Wyo",
];

/// Countries and US states as conference venues name them (`Osaka, Japan`,
/// `Banff, Canada`, `Austin, Texas`).
const COUNTRIES: &[&str] = &[
    "Argentina",
    "Australia",
    "Austria",
    "Bangladesh",
    "Belgium",
    "Bolivia",
    "Brazil",
    "Bulgaria",
    "Cameroon",
    "Canada",
    "Chile",
    "China",
    "Colombia",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Czechia",
    "Denmark",
    "Ecuador",
    "Egypt",
    "England",
    "Estonia",
    "Ethiopia",
    "Finland",
    "France",
    "Germany",
    "Ghana",
    "Greece",
    "Hong Kong",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Japan",
    "Jordan",
    "Kenya",
    "Korea",
    "Latvia",
    "Lebanon",
    "Lithuania",
    "Luxembourg",
    "Malawi",
    "Malaysia",
    "Malta",
    "Mexico",
    "Morocco",
    "Mozambique",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nigeria",
    "Norway",
    "Pakistan",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Saudi Arabia",
    "Scotland",
    "Senegal",
    "Serbia",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "South Africa",
    "South Korea",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Sweden",
    "Switzerland",
    "Taiwan",
    "Tanzania",
    "Thailand",
    "The Netherlands",
    "Tunisia",
    "Turkey",
    "U.K",
    "U.S.A",
    "UK",
    "USA",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Venezuela",
    "Vietnam",
    "Wales",
    "Zambia",
    "Zimbabwe",
    "Arizona",
    "California",
    "Colorado",
    "Florida",
    "Georgia",
    "Hawaii",
    "Illinois",
    "Louisiana",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Nevada",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "Ohio",
    "Oregon",
    "Pennsylvania",
    "Texas",
    "Utah",
    "Virginia",
    "Washington",
    "Wisconsin",
    "Quebec",
    "Ontario",
    "British Columbia",
    "Alberta",
];

/// `MA` | `NY`: two capitals, a US state's (or a province's) postal code.
fn is_state_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A country, a US state (`MA`, `Calif.`) or an Australian one (`Vic`): what follows a
/// city in a place of publication.
fn is_region(w: &str) -> bool {
    is_state_code(w)
        || COUNTRIES.contains(&w)
        || AUSTRALIAN_STATES.contains(&w)
        || STATE_ABBREVIATIONS.contains(&w.trim_end_matches('.'))
}

/// `Osaka, Japan` | `Portland, OR` | `Bad Honnef/Bonn, Germany`: a city (one to three
/// capitalised words) and its country or state.
fn is_venue_place(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ',']);
    let Some((city, country)) = t.rsplit_once(", ") else { return false };
    let us_code = is_state_code(country);
    (COUNTRIES.contains(&country) || us_code)
        && (1..=3).contains(&city.split_whitespace().count())
        && city.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
        && !city.contains([',', '(', ')'])
        && !city.bytes().any(|b| b.is_ascii_digit())
}

/// A conference's name with its venue after it (`… Biennial Meeting, Montreal,
/// Canada`, `IROS '91 (Osaka, Japan)`, `(IJCAI-91) Sydney, Australia`, `… Worlds
/// Germany`) → (the name, the venue).
fn trailing_venue(c: &str) -> Option<(&str, &str)> {
    let c = c.trim_end_matches(['.', ' ']);
    // `Name (City, Country)`
    if c.ends_with(')')
        && let Some(open) = c.rfind(" (")
        && let Some(inner) = c.get(open + 2..c.len() - 1)
        && is_venue_place(inner)
    {
        return Some((c.get(..open)?, inner));
    }
    let (head, country) = c.rsplit_once(", ").unwrap_or((c, ""));
    if country.is_empty() {
        // `… Multi-Agent Worlds Germany`: a country alone after the name
        let (name, last) = c.rsplit_once(' ')?;
        // (`Proc. Natl. Acad. Sci. U.S.A.`, `Proc Natl Acad Sci USA`: a journal's name
        // ends so; only a country written out counts)
        let ok = COUNTRIES.contains(&last)
            && last.len() > 3
            && last.chars().all(char::is_alphabetic)
            && name.split_whitespace().count() >= 3
            && !name.ends_with(" of")
            && !name.ends_with(" in");
        return ok.then(|| (name, c.get(name.len() + 1..).unwrap_or_default()));
    }
    // `Name, City, Country`: the city between the last two commas
    if let Some((name, city)) = head.rsplit_once(", ")
        && is_venue_place(c.get(name.len() + 2..).unwrap_or_default())
        && city.split_whitespace().count() <= 3
    {
        return Some((name, c.get(name.len() + 2..)?));
    }
    // `Name City, Country`: the city is the last word (two with `New`, `San`, `Bad`…)
    let words: Vec<&str> = head.split_whitespace().collect();
    let n = words.len();
    let two = n >= 2
        && words.get(n - 2).is_some_and(|w| {
            matches!(
                *w,
                "New"
                    | "San"
                    | "Los"
                    | "Las"
                    | "Santa"
                    | "St."
                    | "Bad"
                    | "Le"
                    | "La"
                    | "Rio"
                    | "Hong"
                    | "Tel"
                    | "Buenos"
                    | "Salt"
                    | "Palo"
                    | "Kuala"
                    | "Baton"
                    | "Ann"
                    | "Lake"
                    | "Saint"
                    | "Santiago"
                    | "Mexico"
                    | "Quebec"
            )
        });
    let k = if two { 2 } else { 1 };
    if n < k + 3 {
        return None;
    }
    let city_at =
        head.len() - words.iter().rev().take(k).map(|w| w.len()).sum::<usize>() - (k - 1);
    let place = c.get(city_at..)?;
    let name = head.get(..city_at)?.trim_end();
    (is_venue_place(place) && !name.ends_with(" of") && !name.ends_with(" in"))
        .then_some((name, place))
}

/// A volume of a work in several as Chicago prints it before the pages: `3`, `12`,
/// `3A` (one to three digits, and a capital letter for a part).
fn is_part_volume(v: &str) -> bool {
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    let rest = v.get(digits..).unwrap_or_default();
    (1..=3).contains(&digits)
        && (rest.is_empty()
            || rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A patent's designation in a reference, found by [`patent_at`].
#[derive(Debug, PartialEq, Eq)]
struct PatentAt<'a> {
    /// Where the designation (its office first) starts in the text.
    start: usize,
    /// `US patent 9,876,543`, `U.S. Patent No. 9,876,543 B2`, `EP1234567`.
    designation: &'a str,
    /// What follows the number: the date, the assignee, the office.
    tail: Option<&'a str>,
    /// The last year in the tail (a patent issued after it was filed).
    year: Option<&'a str>,
    /// The month and day of a tail that is one date.
    month: Option<&'a str>,
    /// See `month`.
    day: Option<&'a str>,
}

/// The offices named before the word `patent`, as reference lists write them.
const PATENT_OFFICES: &[&str] = &[
    "US",
    "U.S.",
    "U.S",
    "United",
    "States",
    "USA",
    "European",
    "EP",
    "WO",
    "PCT",
    "World",
    "International",
    "Japanese",
    "JP",
    "Chinese",
    "CN",
    "German",
    "DE",
    "Canadian",
    "CA",
    "UK",
    "GB",
    "British",
    "French",
    "FR",
    "Korean",
    "KR",
    "Australian",
    "AU",
    "Indian",
    "IN",
    "Russian",
    "RU",
    "Brazilian",
    "BR",
];

/// A patent: `Title. US patent 9,876,543. 2020 Jan 7.` (NLM), `Title. US patent
/// 9,876,543 (2020).` (Nature), `Title. U.S. Patent 9,876,543, January 7, 2020.` (ACS),
/// `Title (U.S. Patent No. 9,876,543).` (APA), `United States patent US 9,876,543.`: the
/// word `patent` (after its office, opening a sentence, a clause or a bracket), a label
/// (`No.`) and a number of five digits or more. `Patent foramen ovale`, `patents:` and
/// `Patent and Trademark Office` are no patent's designation.
fn patent_at(core: &str) -> Option<PatentAt<'_>> {
    let b = core.as_bytes();
    // (one searcher for every reference: most have no `atent ` and cost one pass)
    static ATENT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("atent "));
    for at in ATENT.find_iter(b) {
        let Some(p) =
            at.checked_sub(1).filter(|&p| matches!(b.get(p), Some(b'p' | b'P')))
        else {
            continue;
        };
        // (the office's words before the word)
        let mut start = p;
        let mut quoted = false;
        while let Some(h) = core.get(..start).and_then(|h| h.strip_suffix(' ')) {
            let w_start = h.rfind([' ', '(']).map_or(0, |k| k + 1);
            let w = h.get(w_start..).unwrap_or_default();
            let unquoted = w.trim_start_matches(['‘', '“', '"']);
            if PATENT_OFFICES.contains(&unquoted) {
                start = w_start;
                quoted = unquoted.len() < w.len();
            } else {
                break;
            }
        }
        // (`‘U.S. Patent 4233514, Title’`: a designation inside the quotes is the title's)
        let before = core.get(..start).unwrap_or_default().trim_end();
        if quoted
            || !(before.is_empty()
                || before.ends_with(['.', ',', ';', '(', '"', '”', '’']))
        {
            continue;
        }
        // (the label, then the number: an office's two letters, digits with `,` `.` `/`
        // or spaces between them, and a kind code, `B2`)
        let mut rest = core.get(at + "atent ".len()..).unwrap_or_default();
        for label in ["No. ", "no. ", "No ", "Number ", "number ", "nr. ", "Nr. "] {
            if let Some(r) = rest.strip_prefix(label) {
                rest = r;
                break;
            }
        }
        let r = rest.strip_prefix(": ").unwrap_or(rest).as_bytes();
        let mut k = r.iter().take(2).take_while(|c| c.is_ascii_uppercase()).count();
        if r.get(k) == Some(&b' ') {
            k += 1;
        }
        let mut digits = 0;
        while let Some(&c) = r.get(k) {
            if c.is_ascii_digit() {
                digits += 1;
                k += 1;
            } else if digits > 0
                && matches!(c, b',' | b'.' | b'/' | b' ')
                && r.get(k + 1).is_some_and(u8::is_ascii_digit)
            {
                k += 1;
            } else {
                break;
            }
        }
        if digits < 5 {
            continue;
        }
        // (a kind code: `B2`, `A1`, glued or after a space)
        let code = usize::from(r.get(k) == Some(&b' '));
        if r.get(k + code).is_some_and(u8::is_ascii_uppercase)
            && r.get(k + code + 1).is_none_or(|c| c.is_ascii_digit())
            && r.get(k + code + 2).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            k += code + 1 + usize::from(r.get(k + code + 1).is_some());
        }
        let end = core.len() - (r.len() - k);
        let designation = core.get(start..end)?;
        let tail = core
            .get(end..)
            .unwrap_or_default()
            .trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ' ' | '(' | ')'));
        let year = tail
            .split(|c: char| !c.is_ascii_digit())
            .rfind(|w| date::parse_year(w).is_some());
        // (a tail that is one date, `2020 Jan 7`, `October 18, 1977`: its month and day)
        let words: Vec<&str> = tail.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let month = words.iter().copied().find(|w| date::month_number(w).is_some());
        let day = words.iter().copied().find(|w| {
            (1..=2).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit())
        });
        // (and a tail that is only the date, `(2020)`, is no note)
        let one_date = words.len() <= 3
            && year.is_some()
            && words.iter().all(|w| {
                date::parse_year(w).is_some() || Some(*w) == month || Some(*w) == day
            });
        // (APA's bracket: the title before it ends there)
        let start = if before.ends_with('(') { before.len() - 1 } else { start };
        return Some(PatentAt {
            start,
            designation,
            tail: (!tail.is_empty() && !one_date).then_some(tail),
            year,
            month: month.filter(|_| one_date),
            day: day.filter(|_| one_date),
        });
    }
    None
}

/// `Paper presented at the Annual Meeting of …`, `Poster presented at …`, `Poster
/// session presented at …`, `Presented at: …`: where a talk or poster was given.
fn is_presentation(c: &str) -> bool {
    let c = c.strip_prefix("In: ").unwrap_or(c);
    [
        "Paper presented at",
        "Poster presented at",
        "Poster session presented at",
        "Presented at",
    ]
    .iter()
    .any(|m| c.starts_with(m))
}

/// The date closing a presentation's reference (Chicago): `…, Paper presented at the
/// Annual Meeting of X, Harbor, MA, April 5–8.` → where the `, ` before the date
/// starts, and the date (`April 5–8`; also `April 5`, `April 2020`, `April 5, 2020`,
/// `April 30–May 2`). Only after `presented at`; before, the days were read as pages.
fn presentation_date_at(core: &str) -> Option<(usize, &str)> {
    let t = core.trim_end_matches(['.', ' ', ',']);
    let month =
        |w: &str| !w.ends_with('.') && date::month_number(w).is_some_and(|m| m <= 12);
    let days = |w: &str| {
        let mut parts = w.split(['–', '-']);
        let ok = |p: Option<&str>| {
            p.is_some_and(|d| {
                (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
            })
        };
        ok(parts.next())
            && parts.next().is_none_or(|d| ok(Some(d)))
            && parts.next().is_none()
    };
    let is_date = |d: &str| {
        let words: Vec<&str> = d.split(' ').collect();
        match words.as_slice() {
            [m] => month(m),
            [m, x] => month(m) && (days(x) || date::parse_year(x).is_some()),
            // `April 30–May 2`
            [m, x, y] => {
                month(m)
                    && x.split_once(['–', '-']).is_some_and(|(a, b)| days(a) && month(b))
                    && days(y)
            }
            _ => false,
        }
    };
    let comma = rfind_str(t, ", ")?;
    // (a date is short: most references stop here)
    if t.len() - comma > 26 {
        return None;
    }
    let (mut head, mut d) = (t.get(..comma)?, t.get(comma + 2..)?);
    // `April 5, 2020`: the year after the day
    if date::parse_year(d).is_some()
        && let Some((h, md)) =
            rfind_str(head, ", ").and_then(|c| Some((head.get(..c)?, head.get(c + 2..)?)))
        && is_date(md)
    {
        head = h;
        d = t.get(h.len() + 2..)?;
    } else if !is_date(d) {
        return None;
    }
    // (the talk's marker, looked for only before a date: the rarer test last)
    find_str(head, "resented at").is_some().then_some((head.len(), d))
}

/// Where a journal's impact factor closing a reference starts: `IF: 5,895`, `IF =
/// 3.2`, `(IF 4.1)`, `Impact factor: 2.5` after a full stop, a comma, a semicolon or
/// an opening bracket.
fn impact_factor_at(core: &str) -> Option<usize> {
    // `IF` or `Impact factor`, then `:` or `=` or a space, then a number with `.` or `,`
    fn tail(t: &str) -> bool {
        let t = t.trim_start_matches([' ', ':', '=']);
        let t = t.trim_end_matches([' ', '.', ')', ';', ',']);
        !t.is_empty()
            && t.starts_with(|c: char| c.is_ascii_digit())
            && t.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    }
    let t = core.trim_end();
    let tail_start = t.len().saturating_sub(40);
    for label in ["IF", "Impact factor", "Impact Factor", "impact factor"] {
        let Some(i) =
            t.get(tail_start..).and_then(|h| rfind_str(h, label)).map(|i| i + tail_start)
        else {
            continue;
        };
        let before = t.get(..i).unwrap_or_default().trim_end();
        let after = t.get(i + label.len()..).unwrap_or_default();
        let opened = before.ends_with('(');
        if after.starts_with([' ', ':', '='])
            && tail(after)
            && (before.ends_with(['.', ',', ';']) || opened)
        {
            return Some(if opened { before.len() - 1 } else { i });
        }
    }
    None
}

/// Where a report's number closes `core`, as its last sentence: `NIH Publication No.
/// 07-4051`, `NIH Publication 97–4051`, `DHHS Publication No. (SMA) 12-4713`, `NIH
/// Pub. No. 85-23`, `SAE Order No. R-114`, `Report No. STAN-CS-92-1462` → the
/// sentence's start. The number has a digit and a hyphen or the label `No.`, so
/// that `Report 2` (a title's words) stays where it is.
fn report_number_at(core: &str) -> Option<usize> {
    let t = core.trim_end_matches(['.', ' ']);
    // (the sentence may hold full stops of its own, `Pub. No. 85-23`: the last three
    // sentence breaks are tried)
    let mut end = t.len();
    for _ in 0..3 {
        let Some(i) = t.get(..end).and_then(|h| rfind_str(h, ". ")) else { break };
        if t.get(i + 2..).is_some_and(is_report_number) {
            return Some(i + 2);
        }
        end = i;
    }
    None
}

/// A report's number as a whole sentence (see [`report_number_at`]).
fn is_report_number(sentence: &str) -> bool {
    // (five words at most, the first a capital's: an acronym or the label)
    if !sentence.starts_with(|c: char| c.is_ascii_uppercase())
        || memchr::memchr_iter(b' ', sentence.as_bytes()).nth(4).is_some()
    {
        return false;
    }
    let mut words = sentence.split(' ').peekable();
    // (an agency's acronym first: `NIH`, `DHHS`, `SAE`)
    if words.peek().is_some_and(|w| {
        (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
    }) {
        words.next();
    }
    let labelled = words.next().is_some_and(|label| {
        matches!(
            label,
            "Publication"
                | "Pub."
                | "Publ."
                | "Report"
                | "Rep."
                | "Order"
                | "Document"
                | "Doc."
        )
    });
    let mut next = words.next();
    let numbered =
        next.is_some_and(|w| matches!(w, "No." | "No" | "no." | "Number" | "Nr." | "#"));
    if numbered {
        next = words.next();
    }
    // (`(SMA) 12-4713`: the office's acronym in brackets)
    if next.is_some_and(|w| w.starts_with('(') && w.ends_with(')')) {
        next = words.next();
    }
    let Some(id) = next.map(|w| w.trim_end_matches([',', ';'])) else { return false };
    labelled
        && words.next().is_none()
        && id.bytes().any(|b| b.is_ascii_digit())
        && id.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '–' | '/' | '.'))
        && (numbered || id.contains(['-', '–']))
}

/// A book's place and publisher in comma-separated fields, where a journal's name
/// would be (`Title, 750-900, London, Rio Grande, 1996`, `Title, Boulder, Westview,
/// 1998`, `"Guide," Richardson, TX, 1993`, `Title, dvd, Microcinema International, San
/// Francisco, California`): the place and the publisher, and what comes before them
/// is the rest of an unquoted title (a quoted one's book, a series' name a note).
/// Only when no volume, issue, pages, place or publisher were read.
fn comma_book<'a>(s: &'a str, f: &mut Fields<'a>) {
    let (Some(c), Some(t)) = (f.container, f.title) else { return };
    if !f.container_alone()
        || f.place.is_some()
        || f.kind.is_some()
        || is_proceedings_title(c)
    {
        return;
    }
    let Some((head, place, publ)) = comma_book_tail(c) else { return };
    f.place = Some(place);
    f.publisher = publ;
    f.container = None;
    f.kind = Some(RefType::Book);
    let Some(head) = head else { return };
    let (ts, hs) = (span_of(s, t), span_of(s, head));
    let between = s.get(ts.end..hs.start).unwrap_or_default();
    let quoted =
        t.trim_end_matches([',', '.', ' ']).ends_with(['"', '”', '’', '\'', '»']);
    let series = has_word(head, &["Series", "series"]);
    if !series
        && head.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !quoted
        && matches!(between.trim(), "" | ",")
        && !head.contains('.')
    {
        // (`The Frankish World, 750-900`: the title's second part)
        f.title = s.get(ts.start..hs.end);
    } else if quoted && head.starts_with(char::is_uppercase) && !series {
        // (`"Chapter," Book, London, Macmillan`: the book the chapter is in)
        f.container = Some(head);
        f.kind = Some(RefType::Chapter);
    } else {
        f.notes.push(head);
    }
}

/// AMA's and Vancouver's book without a place, `Title. Verso; 1991.`, `Title. PhD
/// diss., The New School; 2021.`: a name right before `; year` and the end, where a
/// journal is followed by `. year;volume`, is the publisher (or a thesis' school).
/// Only a name a publisher may have: not a journal's abbreviation or words.
fn semicolon_publisher<'a>(s: &'a str, f: &mut Fields<'a>) {
    let (Some(c), Some(y)) = (f.container, f.year) else { return };
    if !f.container_alone() || f.kind.is_some_and(|k| k != RefType::Thesis) {
        return;
    }
    let cs = span_of(s, c);
    let after = s.get(cs.end..).unwrap_or_default();
    let Some(rest) = after.strip_prefix("; ").and_then(|t| t.strip_prefix(y)) else {
        return;
    };
    // (nothing after the year but its full stop, or what the id scan read: `Accessed
    // …`, a link)
    let rest = rest.trim_start_matches('.').trim_start();
    let ends = rest.is_empty() || {
        let at = s.len() - rest.len();
        f.placed.iter().any(|r| r.start == at)
    };
    if !ends || c.contains(':') {
        return;
    }
    // (`Addis Ababa, Ethiopia; 1993`: the place alone, `City, Region`, not `Wiley,
    // Inc.`)
    let city_region = c.rsplit_once(", ").is_some_and(|(_, region)| {
        !region.contains(' ') && !is_company_suffix(region) && looks_like_place(c)
    });
    if is_venue_place(c)
        || is_publication_place(c)
        || city_region
        || COUNTRIES.contains(&c)
    {
        f.container = None;
        f.place = Some(c);
        f.kind = Some(f.kind.unwrap_or(RefType::Book));
        return;
    }
    // (`Verso`, `Nedra`: one word, which a journal's abbreviation may also be, is
    // a publisher here; `G. E. Beer`: a person's initials)
    let one_word = !c.contains(' ') && !c.contains('.');
    let initials_name = c.rsplit_once(' ').is_some_and(|(inits, family)| {
        !family.contains('.')
            && inits.split(' ').all(|w| w.len() == 2 && w.ends_with('.'))
    });
    let press = thesis_school(c).is_some()
        || (!looks_abbreviated(c) || one_word || initials_name)
            && (looks_like_press_name(c)
                || has_word(c, PUBLISHER_WORDS)
                || has_word(c, INSTITUTION_WORDS) && looks_like_publisher(c));
    if press {
        f.container = None;
        if f.url.is_some() && thesis_school(c).is_none() {
            // (AMA's web page, `Title. Organisation; 2021. Accessed …. URL`: the
            // site's owner)
            f.publisher = Some(c);
            f.kind = Some(RefType::Web);
        } else {
            thesis_or_publisher(c, f);
        }
    }
}

/// The place and publisher at the end of comma-separated fields → (what comes
/// before them, the place, the publisher): `…, London, Rio Grande` (a known city,
/// then a publisher's name), `…, MIT Lincoln Labs, Cambridge, MA` (a publisher, then
/// `City, ST`, `City, Country` or a known city), `Richardson, TX` (the place alone).
fn comma_book_tail(c: &str) -> Option<(Option<&str>, &str, Option<&str>)> {
    let c = c.trim_end_matches(['.', ',', ' ']);
    // (the pieces, last first; a list this long is no book's tail)
    let pieces: Vec<&str> = c.rsplitn(8, ", ").collect();
    let n = pieces.len();
    let last = *pieces.first()?;
    let head_of = |k: usize| -> Option<&str> {
        // the text before the last k pieces
        let len: usize = pieces.iter().take(k).map(|p| p.len() + 2).sum();
        c.get(..c.len().checked_sub(len)?).filter(|h| !h.is_empty())
    };
    // (the last k pieces; all of `c` when k is every piece)
    let place_at = |k: usize| {
        let len: usize = pieces.iter().take(k).map(|p| p.len() + 2).sum();
        c.get((c.len() + 2).checked_sub(len)?..)
    };
    let publisher_like = |p: &str| {
        looks_like_press_name(p)
            && !COUNTRIES.contains(&p)
            && !PUBLISHING_CITIES.contains(&p)
            && !is_state_code(p)
            || looks_like_publisher(p) && has_word(p, INSTITUTION_WORDS)
    };
    // `Cambridge, MA` | `San Francisco, California` | `London` | `England`: the place
    // at the end
    let city = |w: &str| {
        (1..=3).contains(&w.split_whitespace().count())
            && w.split_whitespace().all(|x| x.starts_with(char::is_uppercase))
            && !w.bytes().any(|b| b.is_ascii_digit())
            && !w.contains(['.', '(', ')', ':'])
    };
    let region = is_region(last);
    let k = if n >= 2 && region && pieces.get(1).is_some_and(|w| city(w)) {
        2
    } else if PUBLISHING_CITIES.contains(&last) || COUNTRIES.contains(&last) {
        1
    } else {
        0
    };
    if k > 0 {
        let place = place_at(k)?;
        // (a publisher before the place)
        if let Some(p) = pieces.get(k).filter(|p| publisher_like(p)) {
            return Some((head_of(k + 1), place, Some(p)));
        }
        return Some((head_of(k), place, None));
    }
    // `London, Rio Grande`: a known city, then the publisher
    let city = pieces.get(1)?;
    (PUBLISHING_CITIES.contains(city) && publisher_like(last) && !region)
        .then(|| (head_of(2), *city, Some(last)))
}

/// What follows a chapter's or paper's labelled volume and pages in its container
/// (`, Los Angeles, CA`, ` Detroit. Morgan Kaufmann`, `. New York: Academic Press,
/// 1973`), or a conference's or book's name (`Academic Press, New York`): the
/// conference's or publisher's place and the publisher, else a note, so that nothing
/// is lost. `after_pages`: the text follows a paper's pages, where a lone capitalised
/// word is the conference's city.
fn venue_tail<'a>(tail: &'a str, f: &mut Fields<'a>, after_pages: bool) {
    let mut t = tail.trim_matches(|ch: char| matches!(ch, ',' | '.' | ' ' | ')' | '('));
    // a page label whose pages were read before (`Vol. 2, pages`, `1973. Pp`)
    for label in ["pages", "Pages", "pp", "Pp", "p", "P", "nos", "no", "No"] {
        if let Some(head) = t.strip_suffix(label)
            && (head.is_empty() || head.ends_with([' ', ',', '.']))
        {
            t = head.trim_end_matches([',', '.', ' ']);
        }
    }
    // the year (the date's, or the date)
    if let Some((head, year)) = t.rsplit_once(' ')
        && date::parse_year(year).is_some()
        && head.ends_with([',', '.'])
        && f.year.is_none_or(|y| y == year)
    {
        f.year = Some(year);
        t = head.trim_end_matches([',', '.']);
    }
    if t.len() < 3 {
        return;
    }
    // `Brussels, Belgium`, `Washington, D. C`: a venue (before the publisher rules,
    // which read `Paris, EPEL` as a city and its publisher)
    let dc = ["D. C", "D.C", "DC"].iter().any(|dc| {
        t.strip_suffix(dc).is_some_and(|h| h.ends_with(", ") && looks_like_place(h))
    });
    if f.place.is_none() && (is_venue_place(t) || dc) {
        f.place = Some(t);
        return;
    }
    if f.publisher.is_none()
        && let Some((place, publ)) = place_publisher(t)
    {
        f.place = f.place.or(Some(place));
        f.publisher = Some(publ);
        return;
    }
    // `Detroit. Morgan Kaufmann`: a place, then the publisher
    if f.publisher.is_none()
        && let Some((place, publ)) = t.split_once(". ")
        && looks_like_place(place)
        && let Some((publ, None)) = publisher_place(publ)
    {
        f.place = f.place.or(Some(place));
        f.publisher = Some(publ);
        return;
    }
    if f.publisher.is_none()
        && let Some((publ, place)) = publisher_place(t)
    {
        f.publisher = Some(publ);
        f.place = f.place.or(place);
        return;
    }
    // a known city alone (`Tokyo`, not `Citeseer`), `City, Region` or `City, ST,
    // Country`
    let pieces = t.split(", ").count();
    let city_region = looks_like_place(t)
        && !t.contains('.')
        && (pieces == 2
            || pieces == 3
                && t.rsplit(", ").next().is_some_and(|c| COUNTRIES.contains(&c)));
    // (after a paper's pages, a capitalised word or two is the conference's city:
    // `pp. 813-818 Detroit.`)
    let after_pages_city = after_pages
        && looks_like_place(t)
        && !t.contains(['.', ','])
        && t.split_whitespace().count() <= 2;
    if f.place.is_none()
        && (PUBLISHING_CITIES.contains(&t)
            || COUNTRIES.contains(&t)
            || city_region
            || after_pages_city)
    {
        f.place = Some(t);
        return;
    }
    f.notes.push(t);
}

/// Words that name an institution (of a thesis or a report).
const INSTITUTION_WORDS: &[&str] = &[
    "University",
    "Institute",
    "Department",
    "Dept",
    "College",
    "School",
    "Universität",
    "Université",
    "Universitat",
    "Laboratory",
    "Laboratories",
    "Lab",
    "Labs",
    "Center",
    "Centre",
    "Corporation",
    "Division",
    "Faculty",
];

/// The institution in `Technical Report TR-1, Dept. of CS, Rice University, Houston,
/// TX`: the comma-separated parts from the first to the last that names one
/// (`Dept. of CS, Rice University`).
fn institution(c: &str) -> Option<&str> {
    let mut first = None;
    let mut last = None;
    let mut at = 0;
    for part in c.split(", ") {
        let start = at;
        at += part.len() + 2;
        if has_word(part, INSTITUTION_WORDS) || part.starts_with("U. of ") {
            first = first.or(Some(start));
            last = Some(start + part.len());
        }
    }
    c.get(first?..last?)
}

/// `In Vivo`, `In Vitro Cell Dev Biol Anim`, `In Silico Biol`, `In Practice`: a journal
/// whose name opens with `In`, not a chapter's `In`.
fn is_in_journal(t: &str) -> bool {
    t.strip_prefix("In ").is_some_and(|rest| {
        let word = rest.split([' ', '.']).next().unwrap_or_default();
        matches!(word, "Vivo" | "Vitro" | "Silico" | "Practice" | "Pract" | "Situ")
    })
}

/// What follows a quoted title or `In:`: `Book. City: Publisher` or `Journal`.
fn container_and_publisher<'a>(
    s: &'a str,
    base: usize,
    text: &'a str,
    f: &mut Fields<'a>,
) {
    let _ = (s, base);
    let t = text.trim_matches(|c: char| is_field_punct(c));
    if t.starts_with("In ") || t.starts_with("in ") || t.starts_with("In: ") {
        f.kind = Some(RefType::Chapter);
    }
    // (`"Title", in: Mol Cancer 23: 131` — German styles mark a journal with `in:` too)
    if t.starts_with("in: ") && f.volume.is_none() && f.pages.is_none() {
        f.kind = Some(RefType::Chapter);
    }
    let t = t
        .strip_prefix("in ")
        .or_else(|| t.strip_prefix("In "))
        .or_else(|| t.strip_prefix("In: "))
        .or_else(|| t.strip_prefix("in: "))
        .unwrap_or(t);
    if t.is_empty() {
        return;
    }
    // `Book (Publisher, 2019)`: the year went to the source block
    if let Some(open) =
        t.rfind(" (").filter(|&o| !t.get(o..).unwrap_or_default().contains(')'))
    {
        let publ = t.get(open + 2..).unwrap_or_default().trim_end_matches([',', ' ']);
        if !publ.is_empty() && publ.split_whitespace().count() <= 8 {
            f.publisher = Some(publ);
            f.container = t.get(..open);
            return;
        }
    }
    // a journal (the source block has a volume or pages) is never `Place: Publisher`;
    // a book with the chapter's pages may be (`Book. Basingstoke: Palgrave, 2005: 160-179`)
    let ends_in_publisher = sentence_ends(t)
        .last()
        .and_then(|&e| t.get(e + 1..))
        .is_some_and(|tail| place_publisher(tail.trim()).is_some());
    if f.volume.is_some()
        || f.pages.is_some() && f.kind != Some(RefType::Chapter) && !ends_in_publisher
    {
        f.container = Some(t);
        return;
    }
    // `Book. City: Publisher` / `Book, Publisher`
    let ends = sentence_ends(t);
    if let Some(&e) = ends.last() {
        let tail = t.get(e + 1..).unwrap_or_default().trim();
        let publisher = place_publisher(tail)
            .map(|(place, publ)| (publ, Some(place)))
            .or_else(|| publisher_place(tail));
        if let Some((publ, place)) = publisher {
            f.place = place;
            f.publisher = Some(publ);
            let mut book = t.get(..e).unwrap_or_default();
            // `Book. Swami V, Furnham A, editors.`: the editors after the book
            if let Some(&e2) = sentence_ends(book).last() {
                let last = book.get(e2 + 1..).unwrap_or_default().trim();
                let al = authors::scan_authors(last);
                if al.editors && !al.items.is_empty() && al.end + 1 >= last.len() {
                    for it in &al.items {
                        if let Some(n) = last.get(it.clone()) {
                            f.editors.push(n);
                        }
                    }
                    book = book.get(..e2).unwrap_or_default();
                }
            }
            // `Book. 2nd ed.`: the edition is its own field
            let ends = sentence_ends(book);
            if let Some(&e2) = ends.last() {
                let last = book.get(e2 + 1..).unwrap_or_default().trim();
                let ll = last.to_lowercase();
                if (ll.ends_with(" ed")
                    || ll.ends_with(" ed.")
                    || ll.ends_with(" edition"))
                    && last.split_whitespace().count() <= 3
                {
                    f.edition = Some(last.trim_end_matches('.'));
                    book = book.get(..e2).unwrap_or_default();
                }
            }
            f.container = Some(book);
            return;
        }
    }
    if let Some((place, publ)) = place_publisher(t)
        && f.title.is_some()
        && !t.contains(". ")
        && f.kind != Some(RefType::Chapter)
    {
        f.place = Some(place);
        f.publisher = Some(publ);
        return;
    }
    // `Encyclopedia Americana. 1991 ed.`: the edition after the book
    if let Some(&e) = sentence_ends(t).last()
        && let Some(last) = t.get(e + 1..).map(str::trim)
        && is_edition_phrase(last)
    {
        f.edition = Some(last.trim_end_matches('.'));
        f.container = t.get(..e).map(|b| b.trim_end_matches('.'));
        return;
    }
    // `Book Title, New York: Plenum Press` / `Book, Oxford, England: Blackwell`
    if let Some((head, place, publ)) = comma_place_publisher(t) {
        f.place = Some(place);
        f.publisher = Some(publ);
        f.container = Some(head);
        return;
    }
    // `Title. Water Research Foundation, Denver, Colo.`: no volume, no pages, a name
    // and a place of publication
    if f.title.is_some()
        && f.kind != Some(RefType::Chapter)
        && let Some((publ, place)) = t.split_once(", ")
        && is_publication_place(place)
        && is_org_publisher(publ)
    {
        f.place = Some(place.trim_end_matches(['.', ',']));
        f.publisher = Some(publ);
        f.kind = f.kind.or(Some(RefType::Book));
        return;
    }
    f.container = Some(t);
}

/// A title's trailing credits → (the title, the credits): `, Richard Stokes (trans.)`,
/// `, Douglas W. Stott (ed. and trans.)`, `, tr. W. Rehg`, `, trans. John Gledson`,
/// `, translated by A. Name`, and in a book (`book`) `, ed. Don E. Fehrenbacher`.
fn strip_credits(t: &str, book: bool) -> (&str, Vec<&str>) {
    const ROLES: &[&str] = &[
        "trans.",
        "tr.",
        "ed.",
        "eds.",
        "ed. and trans.",
        "trans. and ed.",
        "Hrsg.",
        "éd.",
        "transl.",
        "comp.",
    ];
    let mut t = t.trim_end_matches(['.', ',', ' ']);
    let mut credits = Vec::new();
    let names_ok = |n: &str| {
        (1..=12).contains(&n.split_whitespace().count())
            && n.starts_with(char::is_uppercase)
            && !n.bytes().any(|b| b.is_ascii_digit())
            && !n.contains([':', ';', '(', ')'])
    };
    // Nature: `Title (eds Masson-Delmotte, V. et al.)`
    if t.ends_with(')')
        && let Some(open) = t.rfind(" (")
        && let Some(inner) = t.get(open + 2..t.len() - 1)
        && (inner.starts_with("eds ") || inner.starts_with("ed. "))
        && !ROLES.contains(&inner)
        && open > 0
    {
        credits.push(inner);
        t = t.get(..open).unwrap_or_default();
    }
    // `…, Names (role)`, once per credit
    while t.ends_with(')') {
        let Some(open) = t.rfind(" (") else { break };
        let role = t.get(open + 2..t.len() - 1).unwrap_or_default();
        if !ROLES.contains(&role) {
            break;
        }
        let before = t.get(..open).unwrap_or_default();
        let Some(c) = before.rfind(", ") else { break };
        let names = before.get(c + 2..).unwrap_or_default();
        if !names_ok(names) {
            break;
        }
        credits.push(t.get(c + 2..).unwrap_or_default());
        t = before.get(..c).unwrap_or_default().trim_end();
    }
    // `…, trans. Names` / `…, translated by Names`
    const TRANSLATED: &[&str] =
        &[", trans. ", ", tr. ", ", translated by ", ", Translated by "];
    const EDITED: &[&str] = &[", ed. ", ", edited by "];
    let edited: &[&str] = if book { EDITED } else { &[] };
    for &m in TRANSLATED.iter().chain(edited) {
        if let Some(i) = rfind_str(t, m)
            && names_ok(t.get(i + m.len()..).unwrap_or_default())
            && i > 0
        {
            credits.push(t.get(i + 2..).unwrap_or_default());
            t = t.get(..i).unwrap_or_default();
            break;
        }
    }
    credits.reverse();
    (t, credits)
}

/// `Book Title, New York: Plenum Press` | `Book, Oxford, England: Blackwell`: the
/// place and publisher after the last commas → (the text before, place, publisher).
fn comma_place_publisher(t: &str) -> Option<(&str, &str, &str)> {
    let t = t.trim_end_matches(['.', ',', ' ']);
    let colon = rfind_str(t, ": ")?;
    let before = t.get(..colon)?;
    let publ = t.get(colon + 2..)?;
    let mut cut = rfind_str(before, ", ")?;
    // (`Oxford, England`: a country or state is the place's second half)
    let last = before.get(cut + 2..)?;
    let us_code = is_state_code(last);
    if (COUNTRIES.contains(&last) || us_code)
        && let Some(c2) = rfind_str(before.get(..cut)?, ", ")
    {
        cut = c2;
    }
    let place = before.get(cut + 2..)?;
    let head = before.get(..cut)?;
    let ok = !head.is_empty()
        && !publ.contains(", ")
        && !publ.contains(". ")
        && (1..=4).contains(&place.split_whitespace().count())
        && place.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
        && !place.bytes().any(|b| b.is_ascii_digit())
        && (1..=6).contains(&publ.split_whitespace().count())
        && publ.starts_with(char::is_uppercase);
    ok.then_some((head, place, publ))
}

fn unplaced_text<'a>(s: &'a str, placed: &[Range<usize>]) -> Vec<&'a str> {
    let mut ranges: Vec<Range<usize>> =
        placed.iter().filter(|r| r.start < r.end).cloned().collect();
    ranges.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut pos = 0;
    let mut gaps = Vec::new();
    for r in &ranges {
        if r.start > pos {
            gaps.push(pos..r.start);
        }
        pos = pos.max(r.end);
    }
    if pos < s.len() {
        gaps.push(pos..s.len());
    }
    for g in gaps {
        if let Some(t) = s.get(g) {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            if t.chars().any(char::is_alphanumeric) {
                out.push(t);
            }
        }
    }
    out
}

/// Bracketed notes at the end of a title: `[Internet]`, `[in Chinese]`, `[dissertation]`.
/// An edition in brackets at the end of a title: `Title (2nd ed.)` → (`Title`, `2nd ed.`).
fn strip_edition(t: &str) -> (&str, Option<&str>) {
    let t = t.trim_end();
    // (the cheap check first: most titles do not end with a bracket)
    if t.ends_with(')')
        && let Some(open) = rfind_str(t, " (")
    {
        let inner = t.get(open + 2..t.len() - 1).unwrap_or_default();
        if is_bracketed_edition(inner) {
            return (t.get(..open).unwrap_or(t), Some(inner));
        }
    }
    (t, None)
}

/// What [`strip_edition`] takes for an edition inside the brackets: three words at
/// most, ending with `ed.`, ` ed` or `edition` (`2nd ed.`, `Rev. ed.`, `3rd edition`).
fn is_bracketed_edition(inner: &str) -> bool {
    let lower = inner.to_lowercase();
    (lower.ends_with("ed.") || lower.ends_with(" ed") || lower.ends_with("edition"))
        && inner.split_whitespace().count() <= 3
}

/// A book's volume (and edition) in brackets at the end of its title, as APA prints
/// them: `Title (Vol. 2)` → (`Title`, None, `2`); `Title (2nd ed., Vol. 2)` → (`Title`,
/// `2nd ed.`, `2`); `Title (Vols. 1–3)` → (`Title`, None, `1–3`).
fn book_volume(t: &str) -> Option<(&str, Option<&str>, &str)> {
    let inner = t.strip_suffix(')')?;
    let open = rfind_str(inner, " (")?;
    let inner = inner.get(open + 2..)?;
    let (ed, vol) = match inner.rsplit_once(", ") {
        Some((ed, vol)) => (Some(ed), vol),
        None => (None, inner),
    };
    let v = ["Vol. ", "Vols. ", "Vol "].iter().find_map(|p| vol.strip_prefix(p))?;
    let number = |n: &str| {
        !n.is_empty()
            && n.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '–' | '-'))
    };
    let ed_ok = ed.is_none_or(is_bracketed_edition);
    (number(v) && ed_ok).then(|| (t.get(..open).unwrap_or(t), ed, v))
}

fn strip_notes(t: &str) -> (&str, Vec<&str>) {
    let mut t = t.trim().trim_end_matches('.').trim_end();
    let mut notes = Vec::new();
    while t.ends_with(']') {
        let Some(open) = t.rfind('[') else { break };
        let inner = t.get(open + 1..t.len() - 1).unwrap_or_default();
        let lower = inner.to_lowercase();
        let known = lower == "internet"
            || lower.starts_with("in ")
            || lower.contains("thesis")
            || lower.contains("dissertation")
            || lower.starts_with("cited")
            || lower == "abstract"
            // (APA's talks: `[Paper presentation]`, `[Poster presentation]`,
            // `[Conference session]`)
            || lower.ends_with(" presentation")
            || lower == "conference session"
            || lower.contains("database")
            || lower.contains("homepage")
            || lower.contains("monograph")
            || lower.contains("online")
            // (French `[En ligne]`, Spanish `[en línea]`, GOST's `[Электронный ресурс]`;
            // ABNT's and Chicago's no place, no publisher: `[S.l.]`, `[s.n.]`, `[N.p.]`)
            || lower == "en ligne"
            || lower == "en línea"
            || lower == "электронный ресурс"
            || matches!(lower.as_str(), "s.l." | "s.n." | "s.l.: s.n." | "n.p." | "s. l.");
        if !known {
            break;
        }
        notes.push(inner);
        t = t
            .get(..open)
            .unwrap_or_default()
            .trim_end()
            .trim_end_matches(['.', ','])
            .trim_end();
    }
    (t, notes)
}

/// The number of an `ISBN` note (`ISBN 0-486-65363-3`, `ISBN: 978-80-8078-164-4`,
/// `ISBN-13 9780486653631`): its digits and hyphens, with a final check `X`, when it
/// has the 10 or 13 digits of an ISBN.
fn isbn_of(note: &str) -> Option<&str> {
    let rest = note.strip_prefix("ISBN")?;
    let rest = rest
        .strip_prefix("-13")
        .or_else(|| rest.strip_prefix("-10"))
        .unwrap_or(rest)
        .trim_start_matches([':', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | 'X' | 'x' | ' ')))
        .unwrap_or(rest.len());
    let number = rest.get(..end)?.trim_end_matches([' ', '-']);
    let digits =
        number.bytes().filter(|b| b.is_ascii_digit() || matches!(b, b'X' | b'x'));
    matches!(digits.count(), 10 | 13).then_some(number)
}

fn normalize_fields(f: &Fields<'_>) -> Reference {
    // identifiers
    let mut r = Reference {
        doi: f.doi.and_then(ident::normalize_doi),
        pmid: f.pmid.and_then(ident::normalize_pmid),
        pmcid: f.pmcid.and_then(ident::normalize_pmcid),
        // (a link a line wrap broke: its pieces joined again)
        url: f.url.map(|u| u.split_whitespace().collect()),
        isbn: f.isbn.map(str::to_owned),
        ..Reference::default()
    };
    // authors
    // (`Liu Xun, Wu Xiaoming`: Chinese full names, family name first)
    let names: Vec<Name> = if author::family_first_list(&f.authors) {
        f.authors.iter().filter_map(|a| author::family_first_name(a)).collect()
    } else {
        f.authors.iter().filter_map(|a| author::parse_name(a)).collect()
    };
    let eds: Vec<Name> = f.editors.iter().filter_map(|a| author::parse_name(a)).collect();
    if f.authors_are_editors {
        r.editors = names;
    } else {
        r.authors = names;
        r.editors = eds;
    }
    r.et_al = f.et_al;
    // title and container
    let mut kind = f.kind;
    let mut notes: Vec<String> = Vec::new();
    // (a book's volume in brackets after its title)
    let mut title_volume = None;
    if let Some(t) = f.title {
        let (t, ns) = strip_notes(t);
        for n in ns {
            if n.eq_ignore_ascii_case("internet") {
                kind = Some(RefType::Web);
            } else if n.to_lowercase().contains("thesis")
                || n.to_lowercase().contains("dissertation")
            {
                kind = Some(RefType::Thesis);
            } else {
                notes.push(n.to_owned());
            }
        }
        let (t, ed) = strip_edition(t);
        if let Some(ed) = ed {
            r.edition = Some(ed.to_owned());
        }
        // APA's book: `Title (Vol. 2)`, `Title (2nd ed., Vol. 2)`
        let t = match book_volume(t) {
            Some((head, ed, v)) if f.container.is_none() => {
                if let Some(ed) = ed {
                    r.edition = Some(ed.to_owned());
                }
                title_volume = Some(v);
                head
            }
            _ => t,
        };
        let t = journal::clean_title(t);
        r.title = (!t.is_empty()).then_some(t);
    }
    if let Some(c) = f.container {
        // NLM's article accepted, not yet out: `Coast Res. Forthcoming 2023.`
        let c = match c.trim_end_matches(['.', ' ']).strip_suffix(". Forthcoming") {
            Some(head) => {
                notes.push("Forthcoming".to_owned());
                head
            }
            None => c,
        };
        let had_stop = c.ends_with('.');
        let (c, ns) = strip_notes(c);
        for n in ns {
            // (`Sci Adv [Internet]. 2022;8(11):eabk3327`: NLM's journal article on the
            // Internet, an article still)
            if n.eq_ignore_ascii_case("internet") {
                if f.volume.is_none() && f.pages.is_none() {
                    kind = kind.or(Some(RefType::Web));
                }
            } else {
                notes.push(n.to_owned());
            }
        }
        let mut c = journal::clean_container(c);
        if had_stop && journal::is_dotted_abbreviation(&c) {
            c.push('.');
        }
        r.container = (!c.is_empty()).then_some(c);
    }
    // a lone collective "author" with no title is the title
    if r.title.is_none()
        && r.authors.len() == 1
        && r.container.is_none()
        && let Some(Name::Literal(l)) = r.authors.first()
    {
        r.title = Some(l.clone());
        r.authors.clear();
    }
    if r.title.is_none()
        && r.container.is_some()
        && kind.is_none()
        && f.volume.is_none()
        && f.pages.is_none()
    {
        r.title = r.container.take();
    }
    // date, volume, issue, pages
    r.date = f.year.and_then(|y| date::make_date(y, f.month, f.day));
    r.volume = f.volume.or(title_volume).map(|v| v.trim_end_matches('.').to_owned());
    r.issue = f.issue.map(|v| v.trim().to_owned());
    r.pages = f.pages.and_then(pages::normalize_pages);
    r.publisher =
        f.publisher.map(|p| p.trim().trim_end_matches(['.', ',', ';']).to_owned());
    r.place = f.place.map(|p| p.trim().to_owned());
    r.edition = f.edition.map(str::to_owned).or(r.edition.take());
    if let Some(id) = f.arxiv {
        notes.push(match f.arxiv_classes {
            Some(classes) => format!("arXiv:{id} [{classes}]"),
            None => format!("arXiv:{id}"),
        });
    }
    notes.extend(f.notes.iter().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()));
    if !notes.is_empty() {
        r.note = Some(notes.join("; "));
    }
    // type
    r.kind = kind.unwrap_or_else(|| {
        if r.container.is_none() && r.publisher.is_some() {
            RefType::Book
        } else if r.container.is_none() && r.url.is_some() && r.volume.is_none() {
            RefType::Web
        } else if r.container.as_deref().is_some_and(|c| {
            has_word(
                c,
                &["Proceedings", "Conference", "Symposium", "Workshop", "Congress"],
            ) && r.volume.is_none()
        }) {
            // a paper in a proceedings volume: a chapter of that book
            RefType::Chapter
        } else if r.url.is_some()
            && r.volume.is_none()
            && r.pages.is_none()
            && r.publisher.is_none()
            && r.doi.is_none()
        {
            RefType::Web
        } else if r.container.is_none()
            && r.volume.is_none()
            && r.pages.is_none()
            && r.doi.is_none()
            && r.pmid.is_none()
        {
            RefType::Document
        } else {
            RefType::Article
        }
    });
    if r.kind == RefType::Book && r.container.is_some() && r.title.is_none() {
        r.title = r.container.take();
    }
    // `Paper presented at the Annual Meeting of …`, `Poster session presented at …`: a
    // talk or poster at a meeting, the paper of a proceedings (a chapter, as above), not
    // a journal's article
    if r.kind == RefType::Article
        && r.volume.is_none()
        && r.container.as_deref().is_some_and(is_presentation)
    {
        r.kind = RefType::Chapter;
    }
    let _: Option<Date> = None;
    r
}

#[cfg(test)]
mod tests;
