//! Read: bytes → text, and the sniffing of what kind of document the text is.

use crate::model::DocumentKind;

/// Decode input bytes to text: strips a UTF-8 BOM, decodes UTF-16 with a BOM, replaces
/// invalid UTF-8 lossily (with a warning) and normalises CRLF and lone CR to LF.
///
/// Returns the text and the warnings to report.
pub fn decode(bytes: &[u8]) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        lossy(bytes, &mut warnings)
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    let text = if text.contains('\0') {
        warnings.push(NUL_WARNING.to_owned());
        text.replace('\0', " ")
    } else {
        text
    };
    (text, warnings)
}

fn lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(e) => {
            warnings.push(bad_utf8(e.valid_up_to()));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// The warning for invalid UTF-8 whose first bad byte is at `at`.
fn bad_utf8(at: usize) -> String {
    format!(
        "not valid UTF-8 (first bad byte at {at}); decoded with replacement characters"
    )
}

/// The warning for NUL bytes in the text.
const NUL_WARNING: &str = "NUL bytes in the text; replaced by spaces";

/// [`decode`] for UTF-8 input that arrives in parts, each cut right after a line feed
/// (the last part may end anywhere). Decoding every part and concatenating the texts
/// gives exactly the text [`decode`] gives for the whole input: a cut after `\n` never
/// splits a UTF-8 sequence or a CR LF pair. The warnings are the same too, given once
/// for the whole input by [`StreamDecoder::warnings`].
#[derive(Debug, Default)]
pub struct StreamDecoder {
    /// Bytes decoded so far (after the byte-order mark).
    offset: usize,
    /// Where the first invalid UTF-8 byte was, once seen.
    bad_utf8: Option<usize>,
    /// A NUL byte was seen.
    nul: bool,
    /// The byte-order mark check is done.
    started: bool,
}

impl StreamDecoder {
    /// A decoder at the start of an input.
    pub fn new() -> StreamDecoder {
        StreamDecoder::default()
    }

    /// Decode the next part, appending its text to `out` (cleared first).
    pub fn decode_part(&mut self, mut bytes: &[u8], out: &mut String) {
        out.clear();
        if !self.started {
            self.started = true;
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => out.push_str(s),
            Err(e) => {
                self.bad_utf8.get_or_insert(self.offset + e.valid_up_to());
                out.push_str(&String::from_utf8_lossy(bytes));
            }
        }
        self.offset += bytes.len();
        if memchr::memchr(b'\r', out.as_bytes()).is_some() {
            *out = out.replace("\r\n", "\n").replace('\r', "\n");
        }
        if memchr::memchr(0, out.as_bytes()).is_some() {
            self.nul = true;
            *out = out.replace('\0', " ");
        }
    }

    /// The document's decoding warnings so far, in the order [`decode`] gives them.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(at) = self.bad_utf8 {
            warnings.push(bad_utf8(at));
        }
        if self.nul {
            warnings.push(NUL_WARNING.to_owned());
        }
        warnings
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let mut bad = false;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad || bytes.len() % 2 == 1 {
        warnings.push("invalid UTF-16; decoded with replacement characters".to_owned());
    }
    text
}

/// True when the bytes look binary: more than one in ten of the first 8 KiB are NUL or
/// other control characters (UTF-16 with a byte-order mark is text). A stray NUL in a
/// text page does not make it binary: [`decode`] replaces it with a space.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    control * 10 > head.len()
}

/// Sniff the kind of a page from its text: efetch XML, an HTML page, the references
/// fragment, else a text page.
pub fn sniff(text: &str) -> DocumentKind {
    let head = head(text, 4096);
    if !head.trim_start().starts_with('<') {
        return DocumentKind::TextPage;
    }
    let lower = head.to_ascii_lowercase();
    let has = |needle: &str| lower.contains(needle);
    if has("<pubmedarticleset") || has("<pubmedarticle") || has("<pubmedbookarticle") {
        DocumentKind::PubmedXml
    } else if has("<html") || has("<!doctype html") || has("<head") || has("<body") {
        DocumentKind::HtmlPage
    } else if text.contains("references-list") {
        DocumentKind::ReferencesFragment
    } else if lower.trim_start().starts_with("<?xml") {
        DocumentKind::PubmedXml
    } else {
        DocumentKind::HtmlPage
    }
}

/// The first `n` bytes of `s`, cut at a char boundary.
fn head(s: &str, n: usize) -> &str {
    let mut end = s.len().min(n);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_strips_bom_and_crlf() {
        let (t, w) = decode(b"\xEF\xBB\xBFa\r\nb\rc");
        assert_eq!(t, "a\nb\nc");
        assert!(w.is_empty());
    }

    #[test]
    fn decode_utf16le() {
        let (t, _) = decode(b"\xFF\xFEh\0i\0");
        assert_eq!(t, "hi");
    }

    #[test]
    fn decode_invalid_utf8_warns() {
        let (t, w) = decode(b"a\xFFb");
        assert_eq!(t, "a\u{FFFD}b");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn stream_decoder_parts_concatenate_to_decode() {
        let whole: &[u8] = b"\xEF\xBB\xBFa\r\nb\xFF\n\0c\rd\n\xC3\xA9\xC3\n\xFEx";
        let (want, want_warnings) = decode(whole);
        // Cut after every line feed, as the streaming reader does.
        let mut decoder = StreamDecoder::new();
        let mut got = String::new();
        let mut part = String::new();
        for piece in whole.split_inclusive(|&b| b == b'\n') {
            decoder.decode_part(piece, &mut part);
            got.push_str(&part);
        }
        assert_eq!(got, want);
        assert_eq!(decoder.warnings(), want_warnings);
    }

    #[test]
    fn stream_decoder_clean_input_has_no_warnings() {
        let mut decoder = StreamDecoder::new();
        let mut part = String::new();
        decoder.decode_part(b"A B. T. J. 2020;1:2.\n", &mut part);
        assert_eq!(part, "A B. T. J. 2020;1:2.\n");
        assert!(decoder.warnings().is_empty());
    }

    #[test]
    fn binary_is_mostly_control_characters() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01"));
        assert!(!looks_binary(b"References\n\n 1. A\0B. T. J. 2020;1:2.\n"));
        assert!(!looks_binary(b"\xFF\xFEh\0i\0"));
        let (t, w) = decode(b"a\0b");
        assert_eq!((t.as_str(), w.len()), ("a b", 1));
    }

    #[test]
    fn sniff_kinds() {
        assert_eq!(
            sniff("<?xml version=\"1.0\"?>\n<PubmedArticleSet>"),
            DocumentKind::PubmedXml
        );
        assert_eq!(sniff("<!DOCTYPE html>\n<html lang=\"en\">"), DocumentKind::HtmlPage);
        assert_eq!(
            sniff("<ol class=\"references-list\" id=\"full-references-list-1\"><li>"),
            DocumentKind::ReferencesFragment
        );
        assert_eq!(
            sniff("Skip to main page content\nReferences\n"),
            DocumentKind::TextPage
        );
    }
}
