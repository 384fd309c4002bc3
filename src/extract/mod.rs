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
    let bytes = text.as_bytes();
    let mut offset = 0;
    // (the lines with their line feeds, found with `memchr`)
    while offset < bytes.len() {
        let start = offset;
        offset = bytes
            .get(start..)
            .and_then(|t| memchr::memchr(b'\n', t))
            .map_or(bytes.len(), |i| start + i + 1);
        let line = text.get(start..offset).unwrap_or_default();
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
    fold_without(s, char::is_whitespace)
}

/// The words of `s` (the pieces between the spaces and the characters for which `bad`
/// holds, empty ones left out) joined by single spaces. One pass over the bytes,
/// decoding a char only where the text is not ASCII. Shared by [`fold_whitespace`] and
/// the writers' folding.
pub(crate) fn fold_without(s: &str, bad: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    // The start of the current word; `i` is always at a char boundary.
    let mut word = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (split, len) = if b.is_ascii() {
            (b == b' ' || bad(char::from(b)), 1)
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (bad(c), c.len_utf8()),
                None => (false, 1),
            }
        };
        if split {
            push_word(&mut out, s.get(word..i).unwrap_or_default());
            word = i + len;
        }
        i += len;
    }
    push_word(&mut out, s.get(word..).unwrap_or_default());
    out
}

/// Append a non-empty `word` to `out`, after a space unless it is the first.
fn push_word(out: &mut String, word: &str) {
    if word.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// True when [`fold_whitespace`] would leave `s` as it is: its only white space is
/// single spaces between words.
fn is_single_spaced(s: &str) -> bool {
    single_spaced_without(s, char::is_whitespace)
}

/// True when `s` has no space at either end, no two spaces in a row, and no character
/// other than the space for which `bad` holds (`bad` is asked about every other
/// character; it must hold for white space and must not hold for printable ASCII,
/// `!` to `~`). One pass over the bytes: eight at a time while they are printable
/// ASCII ([`plain_spaces`]), else one by one, decoding a char only where the text is
/// not ASCII. Shared by [`fold_whitespace`] and the writers' folding.
pub(crate) fn single_spaced_without(s: &str, bad: impl Fn(char) -> bool) -> bool {
    let bytes = s.as_bytes();
    // A space at the start counts as following a space.
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let word = bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok());
        if let Some(spaces) = word.and_then(|w| plain_spaces(u64::from_le_bytes(w))) {
            // No two spaces in a row inside the word, nor across its start.
            if spaces & (spaces << 8) != 0 || after_space && spaces & 0x80 != 0 {
                return false;
            }
            after_space = spaces >> 63 != 0;
            i += 8;
            continue;
        }
        // Not eight printable bytes: this byte alone (continuation bytes pass).
        let Some(&b) = bytes.get(i) else { break };
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
            if b.is_ascii() {
                if bad(char::from(b)) {
                    return false;
                }
            } else if b >= 0xC0 {
                // The first byte of a char: decode it.
                let c = s.get(i..).and_then(|rest| rest.chars().next());
                if c.is_some_and(&bad) {
                    return false;
                }
            }
        }
        i += 1;
    }
    // Empty, or not ending with a space.
    s.is_empty() || !after_space
}

/// For eight bytes `w` (little-endian) that are all printable ASCII or spaces (0x20 to
/// 0x7E), the high bit of each byte that is a space; `None` when any byte is outside
/// that range. (The classic "has a byte less than / more than n" tests, exact as to
/// whether any byte matches; the space flags come from a carry-free zero-byte test,
/// exact per byte.)
fn plain_spaces(w: u64) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    // A byte of 0x7F or more: its high bit, or a carry into it from adding one.
    let above = (w.wrapping_add(ONES) | w) & HIGH;
    if control | above != 0 {
        return None;
    }
    let x = w ^ (ONES * u64::from(b' '));
    Some(!(((x & LOW7) + LOW7) | x) & HIGH)
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

    #[test]
    fn fold_agrees_with_splitting() {
        let split = |s: &str| {
            let words: Vec<&str> =
                s.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
            words.join(" ")
        };
        for s in [
            "",
            " ",
            "a",
            " a  b\t\nc ",
            "é\u{a0}ü\u{3000}β  中",
            "\u{85}x\u{85}",
            "a\u{7}b",
        ] {
            assert_eq!(fold_without(s, char::is_whitespace), split(s), "{s:?}");
            assert_eq!(fold_whitespace(s), split(s), "{s:?}");
        }
    }

    #[test]
    fn single_spaced_agrees_with_a_plain_scan() {
        // Every placement of the odd bytes across the eight-byte words.
        let plain = |s: &str| {
            !s.starts_with(' ')
                && !s.ends_with(' ')
                && !s.contains("  ")
                && !s.chars().any(|c| c != ' ' && c.is_whitespace())
        };
        let base = "abcdefghijklmnopqrstuvwx";
        for odd in [" ", "  ", "\t", "\u{7f}", "é", "\u{a0}", "~", "\n "] {
            for at in 0..=base.len() {
                let s = format!("{}{odd}{}", &base[..at], &base[at..]);
                assert_eq!(is_single_spaced(&s), plain(&s), "{s:?}");
                let t = format!("{}{odd}{}{odd}", &base[..at], &base[at..]);
                assert_eq!(is_single_spaced(&t), plain(&t), "{t:?}");
            }
        }
    }
}
