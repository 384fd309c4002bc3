//! Extract: a document's text → the citing article and its raw reference entries.
//!
//! One extractor per input kind: [`text`] (plain-text scrapes), [`html`] (saved pages and
//! the references fragment), [`xml`] (PubMed efetch XML), and reference lines.

pub mod html;
pub mod text;
pub mod xml;

use crate::error::ExtractError;
use crate::model::{DocumentKind, Extracted, LinkIds, RawReference};

/// Cut a document into its articles and their reference entries.
///
/// Pages give one [`Extracted`]; efetch XML gives one per `<PubmedArticle>`.
/// Ordinals run from 1 across the whole document.
///
/// # Errors
/// When the document cannot be read as its kind at all (malformed XML, entity
/// declarations). A page without references is not an error: it gives an
/// [`Extracted`] with no references and a warning.
pub fn extract(kind: DocumentKind, text: &str) -> Result<Vec<Extracted>, ExtractError> {
    match kind {
        DocumentKind::TextPage => Ok(vec![text::extract_text_page(text)]),
        DocumentKind::HtmlPage | DocumentKind::ReferencesFragment => {
            Ok(vec![html::extract_html(text)])
        }
        DocumentKind::PubmedXml => xml::extract_xml(text),
        DocumentKind::ReferenceLines => Ok(vec![reference_lines(text)]),
    }
}

/// One reference per non-empty line, whitespace folded.
pub fn reference_lines(text: &str) -> Extracted {
    let mut references = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        // The line feed is white space at the end: folding drops it anyway.
        let folded = fold_whitespace(line.strip_suffix('\n').unwrap_or(line));
        if folded.is_empty() {
            continue;
        }
        references.push(RawReference {
            ordinal: references.len() as u32 + 1,
            text: folded,
            span: start..start + line.trim_end_matches(['\n', '\r']).len(),
            ids: LinkIds::default(),
        });
    }
    Extracted { references, ..Extracted::default() }
}

/// Collapse every run of white space (including non-breaking spaces) to one space and
/// trim the ends.
pub fn fold_whitespace(s: &str) -> String {
    if is_single_spaced(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when [`fold_whitespace`] would leave `s` as it is: its only white space is
/// single spaces between words.
fn is_single_spaced(s: &str) -> bool {
    single_spaced_without(s, char::is_whitespace)
}

/// True when `s` has no space at either end, no two spaces in a row, and no character
/// other than the space for which `bad` holds (`bad` is asked about every other
/// character; it must hold for white space). One pass over the bytes, decoding a char
/// only where the text is not ASCII. Shared by [`fold_whitespace`] and the writers'
/// folding.
pub(crate) fn single_spaced_without(s: &str, bad: impl Fn(char) -> bool) -> bool {
    // A space at the start counts as following a space.
    let mut after_space = true;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            continue;
        }
        after_space = false;
        if b.is_ascii() {
            if bad(char::from(b)) {
                return false;
            }
        } else if b >= 0xC0 {
            // The first byte of a char: decode it (continuation bytes pass).
            let c = s.get(i..).and_then(|rest| rest.chars().next());
            if c.is_some_and(&bad) {
                return false;
            }
        }
    }
    // Empty, or not ending with a space.
    s.is_empty() || !after_space
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_blanks_and_count_ordinals() {
        let e = reference_lines("A. B.\n\n  C  D \n");
        let texts: Vec<_> = e.references.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["A. B.", "C D"]);
        assert_eq!(e.references[1].ordinal, 2);
        assert_eq!(e.references[1].span, 7..14);
    }

    #[test]
    fn fold_nbsp() {
        assert_eq!(fold_whitespace("a\u{a0} b\n\tc"), "a b c");
    }

    #[test]
    fn single_spaced_text_is_kept() {
        for s in ["", "a", "a b", "é b\u{7}c"] {
            assert!(is_single_spaced(s), "{s:?}");
            assert_eq!(fold_whitespace(s), s);
        }
        for s in [" a", "a ", "a  b", "a\nb", "a\u{a0}b", "a\u{3000}b", "a\u{85}"] {
            assert!(!is_single_spaced(s), "{s:?}");
        }
    }
}
