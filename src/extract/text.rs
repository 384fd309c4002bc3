//! Plain-text page scrapes: the reader view of the seed page, a browser's select-all
//! copy, text browsers (`lynx -dump`, `w3m -dump`), `pandoc -t plain`, html2text and other
//! markdown renderings.
//!
//! The extractor works from the structure of the text, not from one tool's exact output:
//!
//! 1. the references section starts at a `References` heading (plain, `### References`,
//!    `**References**`) and ends at the next page heading, a markdown heading or the
//!    `Show all N references` button;
//! 2. entries start at numbering markers at the list's own indentation (`1. text`,
//!    `1.  1.  text`, or an outer `12.` alone on its line followed by PubMed's inner
//!    `1. text`); without markers, entries are separated by blank lines (a browser copy
//!    separates them with a line holding one space);
//! 3. wrapped lines are joined with one space, except where the wrap cut a word (after a
//!    hyphen inside a word, before a `-` glued to the previous word, or where the next
//!    word would have fitted on the previous line: a wrap that was not at a space);
//! 4. the link labels PubMed puts after each entry (` - DOI - PMC - PubMed`, in any
//!    subset, markdown-escaped `\-`, or markdown links `[DOI](https://doi.org/...)`) are
//!    removed; markdown links give the entry's identifiers.

mod header;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case},
    character::complete::{char, digit1, space0, space1},
    combinator::{eof, opt, recognize},
    multi::many1,
    sequence::terminated,
};

use crate::extract::fold_whitespace;
use crate::model::{Extracted, LinkIds, RawReference};

/// Extract the citing article and the references of a plain-text page scrape.
///
/// A page without a reference list gives no references and a warning.
pub fn extract_text_page(text: &str) -> Extracted {
    let markdown = looks_markdown(text);
    let lines = split_lines(text);
    let section = find_section(&lines);
    let mut out = Extracted::default();
    let head_end = section.as_ref().map_or(lines.len(), |s| s.heading.unwrap_or(s.start));
    out.citing = header::read_citing(&lines[..head_end], markdown);
    match section {
        None => out.warnings.push("no reference list on this page".to_owned()),
        Some(s) => {
            out.total = s.total;
            out.references = split_entries(&lines[s.start..s.end]);
            if out.references.is_empty() && s.total.is_none() {
                out.warnings.push("the references section is empty".to_owned());
            }
        }
    }
    if let Some(total) = out.total {
        let shown = out.references.len();
        if (total as usize) > shown {
            let rest = match out.citing.as_ref().and_then(|c| c.pmid.as_deref()) {
                Some(pmid) => {
                    format!(
                        "the rest are at https://pubmed.ncbi.nlm.nih.gov/{pmid}/references/"
                    )
                }
                None => {
                    "the rest are on the page's \"Show all\" references page".to_owned()
                }
            };
            out.warnings
                .push(format!("page shows {shown} of {total} references; {rest}"));
        }
    }
    out
}

/// One line of the page, with its byte offset.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// Byte offset of the line in the page.
    pub start: usize,
    /// The line without its line ending.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// The line without leading and trailing white space.
    pub fn body(&self) -> &'a str {
        self.text.trim()
    }

    /// Width of the leading white space, in characters.
    fn indent(&self) -> usize {
        self.text.chars().take_while(|c| c.is_whitespace()).count()
    }

    /// True for an empty line or one holding only white space.
    fn is_blank(&self) -> bool {
        self.body().is_empty()
    }
}

/// Split the page into lines (memchr), keeping offsets.
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', bytes) {
        lines.push(Line { start, text: text[start..nl].trim_end_matches('\r') });
        start = nl + 1;
    }
    if start < text.len() {
        lines.push(Line { start, text: &text[start..] });
    }
    lines
}

/// True when the page is a markdown rendering (html2text, reader tools): it has `#`
/// headings, so backslash escapes in it must be undone.
fn looks_markdown(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### ")
    })
}

/// Where the references are: line indices `start..end`, the heading's index, and the
/// "Show all N references" total.
#[derive(Debug, Clone, PartialEq)]
struct Section {
    heading: Option<usize>,
    start: usize,
    end: usize,
    total: Option<u32>,
}

/// A heading's text: markdown `#` and `**` removed, a trailing `:` dropped. Bullets
/// (`* `, `• `, `- `) are navigation items, not headings.
pub(crate) fn heading_text(body: &str) -> Option<&str> {
    if body.starts_with(['*', '•', '-', '+']) && !body.starts_with("**") {
        return None;
    }
    let t = body.trim_start_matches('#').trim();
    let t = t.strip_prefix("**").and_then(|t| t.strip_suffix("**")).unwrap_or(t).trim();
    let t = t.strip_suffix(':').unwrap_or(t).trim();
    (!t.is_empty() && t.len() <= 60).then_some(t)
}

/// `References`, and the other names reference lists go by.
fn is_references_heading(body: &str) -> bool {
    heading_text(body).is_some_and(|t| {
        [
            "references",
            "reference list",
            "references and notes",
            "literature cited",
            "bibliography",
        ]
        .iter()
        .any(|h| t.eq_ignore_ascii_case(h))
    })
}

/// The page headings that can follow the references on a PubMed page.
const SECTION_ENDS: &[&str] = &[
    "publication types",
    "mesh terms",
    "substances",
    "related information",
    "grants and funding",
    "linkout - more resources",
    "linkout",
    "supplementary concepts",
    "associated data",
    "comment in",
    "comment on",
    "erratum in",
    "update of",
    "update in",
    "cited by",
    "similar articles",
    "full text links",
    "conflict of interest statement",
    "figures",
    "abstract",
    "keywords",
    "publication history",
    "personal name as subject",
    "secondary source id",
    "mesh and other data",
];

/// True for a line that ends the references section: a known page heading (a
/// `Cited by 46 articles` heading too) or any markdown heading.
fn ends_section(line: &Line<'_>) -> bool {
    let body = line.body();
    if body.starts_with('#') {
        return true;
    }
    let Some(t) = heading_text(body) else { return false };
    let lower = t.to_lowercase();
    SECTION_ENDS
        .iter()
        .any(|h| lower == *h || (lower.starts_with("cited by") && *h == "cited by"))
}

// "Show all 28 references", possibly after a "(BUTTON)" label or inside brackets.
fn show_all(i: &str) -> IResult<&str, u32> {
    (tag_no_case("show all"), space1, digit1, space1, tag_no_case("reference"))
        .map_res(|(_, _, n, _, _): (&str, &str, &str, &str, &str)| n.parse::<u32>())
        .parse(i)
}

/// The total of a `Show all N references` line, wherever the phrase sits in the line.
fn show_all_total(body: &str) -> Option<u32> {
    let lower = body.to_ascii_lowercase();
    let at = lower.find("show all")?;
    show_all(&body[at..]).ok().map(|(_, n)| n)
}

/// Find the references section.
fn find_section(lines: &[Line<'_>]) -> Option<Section> {
    let headings: Vec<usize> =
        (0..lines.len()).filter(|&i| is_references_heading(lines[i].body())).collect();
    let mut fallback = None;
    for &h in &headings {
        let s = section_from(lines, Some(h), h + 1);
        if s.total.is_some() || lines[s.start..s.end].iter().any(|l| !l.is_blank()) {
            return Some(s);
        }
        fallback.get_or_insert(s);
    }
    if fallback.is_some() {
        return fallback;
    }
    // No heading: a page that is only a numbered list (the references fragment rendered
    // to text, or a copy of the list alone).
    let first = lines.iter().position(|l| !l.is_blank())?;
    marker(lines[first].body()).ok()?;
    Some(section_from(lines, None, first))
}

fn section_from(lines: &[Line<'_>], heading: Option<usize>, start: usize) -> Section {
    let mut total = None;
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(start) {
        if let Some(n) = show_all_total(line.body()) {
            total = Some(n);
            end = i;
            break;
        }
        if ends_section(line) {
            end = i;
            break;
        }
    }
    Section { heading, start, end, total }
}

// One level of list numbering: "12." followed by white space or the end of the line.
fn number_marker(i: &str) -> IResult<&str, &str> {
    terminated(recognize((digit1, char('.'))), alt((space1, eof))).parse(i)
}

// Nested numbering at the start of an entry line: "1. ", "1.  1.  ", "12.", "- 1. ".
fn marker(i: &str) -> IResult<&str, usize> {
    (opt((alt((tag("-"), tag("*"))), space1)), many1(number_marker), space0)
        .map(|(_, levels, _): (_, Vec<&str>, &str)| levels.len())
        .parse(i)
}

/// Cut the section's lines into entries.
fn split_entries(lines: &[Line<'_>]) -> Vec<RawReference> {
    let numbered = lines.iter().any(|l| marker(l.body()).is_ok());
    let width = wrap_width(lines);
    let base_indent =
        lines.iter().find(|l| marker(l.body()).is_ok()).map_or(0, |l| l.indent());
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut open = false;
    for line in lines {
        if line.is_blank() {
            if !numbered {
                open = false;
            }
            continue;
        }
        let body = line.body();
        match marker(body) {
            Ok((rest, _)) if numbered => {
                let current_empty =
                    open && entries.last().is_some_and(|e| e.parts.is_empty());
                if current_empty {
                    // PubMed's inner "1." after an outer number alone on its line.
                    push_part(&mut entries, line, rest);
                } else if line.indent() <= base_indent + 1 {
                    entries.push(Entry::new(line.start));
                    open = true;
                    if !rest.trim().is_empty() {
                        push_part(&mut entries, line, rest);
                    }
                } else if open {
                    push_part(&mut entries, line, body);
                }
            }
            _ => {
                if !open {
                    if numbered {
                        // Text before the first marker: not an entry.
                        continue;
                    }
                    entries.push(Entry::new(line.start));
                    open = true;
                }
                push_part(&mut entries, line, body);
            }
        }
    }
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let joined = e.join(width);
        let (text, ids) = strip_link_labels(&joined);
        let text = fold_whitespace(text);
        out.push(RawReference {
            ordinal: out.len() as u32 + 1,
            text,
            span: e.span(),
            ids,
        });
    }
    out
}

/// The width a text browser wrapped at, estimated low on purpose: the 90th percentile
/// of the lengths of lines that hold a space (a long DOI or URL can push a line past
/// the width, and an over-estimate would glue words together).
fn wrap_width(lines: &[Line<'_>]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| l.body().contains(' '))
        .map(|l| l.text.trim_end().chars().count())
        .collect();
    if lens.len() < 3 {
        return 0;
    }
    lens.sort_unstable();
    lens[(lens.len() - 1) * 9 / 10]
}

/// An entry being assembled from its lines.
struct Entry<'a> {
    start: usize,
    parts: Vec<(Line<'a>, &'a str)>,
}

impl<'a> Entry<'a> {
    fn new(start: usize) -> Entry<'a> {
        Entry { start, parts: Vec::new() }
    }

    fn span(&self) -> std::ops::Range<usize> {
        let end = self.parts.last().map_or(self.start, |(l, _)| l.start + l.text.len());
        self.start..end
    }

    /// Join the parts: one space at a wrap, none where the wrap cut a word.
    fn join(&self, width: usize) -> String {
        let mut out = String::new();
        let mut prev: Option<&Line<'_>> = None;
        for (line, part) in &self.parts {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if let Some(p) = prev
                && !wrap_cut_word(p, &out, part, width)
            {
                out.push(' ');
            }
            out.push_str(part);
            prev = Some(line);
        }
        unescape_markdown(out)
    }
}

fn push_part<'a>(entries: &mut [Entry<'a>], line: &Line<'a>, part: &'a str) {
    if let Some(e) = entries.last_mut() {
        e.parts.push((*line, part));
    }
}

/// Did the wrap between the previous line (whose text so far is `before`) and `next`
/// cut a word in two?
fn wrap_cut_word(prev: &Line<'_>, before: &str, next: &str, width: usize) -> bool {
    let last = before.chars().next_back();
    let before_last = before.chars().rev().nth(1);
    let first = next.chars().next();
    let second = next.chars().nth(1);
    // "2019-" / "nCoV": a wrap after a hyphen inside a word.
    if last == Some('-')
        && before_last.is_some_and(char::is_alphanumeric)
        && first.is_some_and(char::is_alphanumeric)
    {
        return true;
    }
    // "situation" / "-reports/2": lynx wraps URLs before a hyphen.
    if first == Some('-')
        && second.is_some_and(|c| !c.is_whitespace())
        && last.is_some_and(|c| !c.is_whitespace())
        && before
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.contains("://") || w.contains("www."))
    {
        return true;
    }
    let next_word = next.split(' ').next().unwrap_or("");
    let prev_len = prev.text.trim_end().chars().count();
    // "2020;" / "579:265", "2020;395" / "(10223):507": w3m breaks the citation's
    // year;volume(issue):pages, which is one word in PubMed's format, at ";" and "(".
    let digit_before = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if (matches!(last, Some(';' | ':'))
        && digit_before(before_last)
        && digit_before(first))
        || (digit_before(last) && first == Some('(') && digit_before(second))
    {
        return true;
    }
    // A URL or DOI cut by the wrapper: at a full line, or after a "/" when what follows
    // reads as the rest of the address, not as a capitalised word.
    let last_token = before.rsplit(' ').next().unwrap_or("");
    let url_like = last_token.contains("://")
        || last_token.starts_with("www.")
        || last_token.starts_with("10.") && last_token.contains('/');
    if url_like {
        let full_line =
            width > 0 && (width - 1..=width).contains(&prev_len) && last != Some('.');
        let mut nc = next_word.chars();
        let capitalised_word = nc.next().is_some_and(char::is_uppercase)
            && nc.next().is_some_and(char::is_lowercase)
            && !next_word.contains(['/', '.']);
        if (full_line || last == Some('/')) && !capitalised_word {
            return true;
        }
    }
    false
}

/// Undo markdown backslash escapes (`2020\.`, `\-`, `\_`, `\*`): html2text and reader
/// tools write them even in pages without headings, and a backslash before punctuation
/// is next to never part of a reference. Text without a backslash is handed back as
/// it is.
fn unescape_markdown(s: String) -> String {
    let bytes = s.as_bytes();
    let mut escapes = memchr::memchr_iter(b'\\', bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation))
        .peekable();
    if escapes.peek().is_none() {
        return s;
    }
    // Copy the runs between the escaping backslashes (ASCII: char boundaries).
    let mut out = String::with_capacity(s.len());
    let mut rest = 0;
    for i in escapes {
        out.push_str(s.get(rest..i).unwrap_or_default());
        rest = i + 1;
    }
    out.push_str(s.get(rest..).unwrap_or_default());
    out
}

/// The link labels PubMed prints after a reference.
const LABELS: &[&str] =
    &["DOI", "PMC", "PubMed", "Google Scholar", "Free PMC article", "Free article"];

/// Remove the trailing link labels (` - DOI - PMC - PubMed`, any subset, `[DOI](url)`
/// markdown links) and return the text and the identifiers found in link targets.
pub(crate) fn strip_link_labels(text: &str) -> (&str, LinkIds) {
    let mut ids = LinkIds::default();
    let mut rest = text.trim_end();
    loop {
        let before = rest;
        rest = rest.trim_end();
        // A markdown link "[DOI](https://doi.org/10.1/x)".
        if rest.ends_with(')')
            && let Some((head, label, url)) = trailing_md_link(rest)
            && LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
        {
            ids_from_url(url, &mut ids);
            rest = head;
        }
        // A plain label, "PubMed", or one with a link number, "[46]PubMed".
        for label in LABELS {
            if let Some(head) = strip_suffix_ci(rest, label) {
                let head = strip_link_number(head);
                let head_t = head.trim_end();
                if head_t.ends_with('-') || head_t.ends_with('[') || head.is_empty() {
                    rest = head_t;
                    break;
                }
            }
        }
        // The separator before it, " - " or "\-".
        let t = rest.trim_end();
        if let Some(h) = t.strip_suffix('-') {
            let h = h.strip_suffix('\\').unwrap_or(h);
            if h.ends_with(char::is_whitespace) || h.ends_with('.') || h.is_empty() {
                rest = h;
            }
        }
        if rest.len() == before.len() {
            break;
        }
    }
    (rest.trim_end(), ids)
}

/// `text [46]` → `text `: the link number lynx and w3m print before a link's label.
fn strip_link_number(s: &str) -> &str {
    let Some(body) = s.strip_suffix(']') else { return s };
    let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    match body[..body.len() - digits].strip_suffix('[') {
        Some(head) if digits > 0 => head,
        _ => s,
    }
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    if !s.is_char_boundary(cut) {
        return None;
    }
    let (head, tail) = s.split_at(cut);
    let boundary = head.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    (tail.eq_ignore_ascii_case(suffix) && boundary).then_some(head)
}

/// `… [LABEL](URL)` at the end of `s`: (text before, label, url).
fn trailing_md_link(s: &str) -> Option<(&str, &str, &str)> {
    let body = s.strip_suffix(')')?;
    let open = body.rfind("](")?;
    let url = &body[open + 2..];
    let lb = body[..open].rfind('[')?;
    let label = &body[lb + 1..open];
    Some((&s[..lb], label.trim(), url.trim()))
}

/// Identifiers in a PubMed link target: doi.org, PMC articles, PubMed.
pub(crate) fn ids_from_url(url: &str, ids: &mut LinkIds) {
    let lower = url.to_ascii_lowercase();
    if let Some(at) = lower.find("doi.org/") {
        let doi = &url[at + "doi.org/".len()..];
        if doi.starts_with("10.") {
            ids.doi = Some(doi.to_owned());
        }
    } else if let Some(at) = lower.find("/pmc/articles/pmc") {
        let digits: String = lower[at + "/pmc/articles/pmc".len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if !digits.is_empty() {
            ids.pmcid = Some(format!("PMC{digits}"));
        }
    } else if lower.contains("pubmed") || lower.starts_with('/') {
        let digits: String = lower
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if !digits.is_empty() && digits.len() <= 9 {
            ids.pmid = Some(digits);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(e: &Extracted) -> Vec<&str> {
        e.references.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn number_marker_accepts_digits_dot_space() {
        assert_eq!(number_marker("12. x"), Ok(("x", "12.")));
        assert_eq!(number_marker("1."), Ok(("", "1.")));
        assert!(number_marker("2020;12").is_err());
        assert!(number_marker("1.5 mg").is_err());
    }

    #[test]
    fn marker_counts_nesting() {
        assert_eq!(marker("1.  1.  Sung H"), Ok(("Sung H", 2)));
        assert_eq!(marker("3."), Ok(("", 1)));
        assert_eq!(marker("- 1. x"), Ok(("x", 1)));
        assert!(marker("Sung H. 2021.").is_err());
    }

    #[test]
    fn show_all_reads_total() {
        assert_eq!(show_all_total("(BUTTON) Show all 19 references"), Some(19));
        assert_eq!(show_all_total("Show all 7 references "), Some(7));
        assert_eq!(show_all_total("Show all"), None);
    }

    #[test]
    fn headings() {
        assert!(is_references_heading("References"));
        assert!(is_references_heading("### References"));
        assert!(is_references_heading("**References**"));
        assert!(!is_references_heading("* References"));
        assert!(!is_references_heading("• References"));
        assert!(ends_section(&Line { start: 0, text: "Cited by 46 articles" }));
        assert!(ends_section(&Line { start: 0, text: "## MeSH terms" }));
        assert!(!ends_section(&Line { start: 0, text: "  1. Sung H." }));
    }

    #[test]
    fn labels_are_stripped() {
        assert_eq!(
            strip_link_labels("A. B. 2020. - DOI - PMC - PubMed").0,
            "A. B. 2020."
        );
        assert_eq!(
            strip_link_labels("A. 2020;1:2. -  DOI  \\-  PMC  \\-  PubMed ").0,
            "A. 2020;1:2."
        );
        assert_eq!(strip_link_labels("x 10.1101/1 - DOI - DOI").0, "x 10.1101/1");
        assert_eq!(strip_link_labels("Lancet. 2020.- PubMed").0, "Lancet. 2020.");
        assert_eq!(
            strip_link_labels("J. 2020;1:2. - [45]DOI - [46]PMC - [47]PubMed").0,
            "J. 2020;1:2."
        );
        // "PubMed" inside the text is not a label.
        assert_eq!(strip_link_labels("Searching PubMed").0, "Searching PubMed");
    }

    #[test]
    fn markdown_links_give_ids() {
        let (t, ids) = strip_link_labels(
            "Nature. 2020;579:265. [DOI](https://doi.org/10.1038/s41586-020-2008-3) - \
             [PMC](https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7094943/) - \
             [PubMed](https://pubmed.ncbi.nlm.nih.gov/32015508/)",
        );
        assert_eq!(t, "Nature. 2020;579:265.");
        assert_eq!(ids.doi.as_deref(), Some("10.1038/s41586-020-2008-3"));
        assert_eq!(ids.pmcid.as_deref(), Some("PMC7094943"));
        assert_eq!(ids.pmid.as_deref(), Some("32015508"));
    }

    #[test]
    fn seed_layout() {
        let page = "Title\n\nReferences\n\n    1. Sung H, Ferlay J. A. CA 2021; 71: 209–249. - PubMed\n    1. Vici P. B? Rev 2015; 41: 69–76. - PMC - PubMed\n\nPublication types\n";
        let e = extract_text_page(page);
        assert_eq!(
            texts(&e),
            [
                "Sung H, Ferlay J. A. CA 2021; 71: 209–249.",
                "Vici P. B? Rev 2015; 41: 69–76."
            ]
        );
        assert_eq!(e.references[1].ordinal, 2);
        assert!(!e.truncated());
    }

    #[test]
    fn nested_outer_number_alone() {
        let page = "References\n\n 1.\n     1. Huynh TLD. The risk. Econ Bull.\n        2020;40:758-64.\n 2.\n     1. La VP. Policy. Sustainability.\n        2020;12:2931 - DOI\n\nShow all 7 references\n";
        let e = extract_text_page(page);
        assert_eq!(
            texts(&e),
            [
                "Huynh TLD. The risk. Econ Bull. 2020;40:758-64.",
                "La VP. Policy. Sustainability. 2020;12:2931"
            ]
        );
        assert_eq!(e.total, Some(7));
        assert!(e.truncated());
        assert!(e.warnings[0].contains("shows 2 of 7"));
    }

    #[test]
    fn continuation_starting_with_a_number_is_not_an_entry() {
        let page = "References\n\n1.  1.  Huynh TD. The more I fear. A survey.\n        2020. MedRxiv preprint.\n\n2.  1.  Next A. T. J. 2020;1:1.\n";
        let e = extract_text_page(page);
        assert_eq!(
            texts(&e),
            [
                "Huynh TD. The more I fear. A survey. 2020. MedRxiv preprint.",
                "Next A. T. J. 2020;1:1."
            ]
        );
    }

    #[test]
    fn browser_copy_layout() {
        let page = "References\n\nSung H, Ferlay J. Global. CA 2021; 71: 209–249.\n \nVici P. Triple? Rev 2015; 41: 69–76.\n \nShow all 28 references\n";
        let e = extract_text_page(page);
        assert_eq!(texts(&e).len(), 2);
        assert_eq!(e.total, Some(28));
    }

    #[test]
    fn wrapped_joins() {
        let page = "References\n\n 1.\n     1. Wu F. A (2019-\n        nCoV) case. Nature. 2020;\n        579:265–269. https://www.who.int/docs/situation\n        -reports/2.\n";
        let e = extract_text_page(page);
        assert_eq!(
            texts(&e),
            [
                "Wu F. A (2019-nCoV) case. Nature. 2020;579:265–269. https://www.who.int/docs/situation-reports/2."
            ]
        );
    }

    #[test]
    fn no_references_warns() {
        let e = extract_text_page("Some legacy page\nAbstract\nText.\n");
        assert!(e.references.is_empty());
        assert_eq!(e.warnings, ["no reference list on this page"]);
    }

    #[test]
    fn markdown_escapes_undone() {
        let page = "### References\n\n  1.      1. Wilder-Smith A. Isolation. J Travel Med. 2020\\. 10.1093/jtm/taaa020. -  PMC  \\-  PubMed \n\n## MeSH terms\n";
        let e = extract_text_page(page);
        assert_eq!(
            texts(&e),
            ["Wilder-Smith A. Isolation. J Travel Med. 2020. 10.1093/jtm/taaa020."]
        );
    }
}
