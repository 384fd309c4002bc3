//! A guard against pathologically deep HTML.
//!
//! html5ever (like the HTML spec's tree builder) walks the stack of open elements for
//! many tokens, so `<div>` repeated 40,000 times without closing costs seconds and
//! 100,000 a minute: quadratic in the nesting depth. Browsers cap the depth (Blink at
//! 512); html5ever does not. Real PubMed pages nest about 30 deep, so before parsing we
//! estimate the depth with a cheap tag scan and, only when it exceeds [`MAX_DEPTH`],
//! drop the tags nested deeper than that (their text is kept) and say so.

/// The deepest nesting kept; deeper tags are dropped (Blink's parser limit).
pub(crate) const MAX_DEPTH: usize = 512;

/// The warning given when tags were dropped.
pub(crate) const WARNING: &str = "HTML nested too deeply (over 512 open elements or 32 unclosed \
     formatting elements); the tags beyond that were dropped, their text kept";

/// Elements without an end tag.
fn is_void(name: &[u8]) -> bool {
    const VOID: [&[u8]; 14] = [
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link",
        b"meta", b"param", b"source", b"track", b"wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Elements whose content is raw text up to their end tag.
fn is_raw_text(name: &[u8]) -> bool {
    const RAW: [&[u8]; 5] = [b"script", b"style", b"textarea", b"title", b"xmp"];
    RAW.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// One piece of markup found by the scan.
#[derive(Debug, PartialEq, Eq)]
enum Tag {
    /// A start tag that opens an element (not void, not self-closing), with the byte
    /// range of its name.
    Open(usize, usize),
    /// An end tag, with the byte range of its name.
    Close(usize, usize),
    /// Anything that does not change the depth (void tags, comments, doctype, raw
    /// text elements with their content).
    Neutral,
}

/// The end of an ASCII case-insensitive `needle` (which starts with `<` or `-`) at or
/// after `from`, or the end of the input. memchr finds the candidates.
fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    let Some(&first) = needle.first() else { return from };
    let mut at = from;
    while let Some(i) = bytes.get(at..).and_then(|b| memchr::memchr(first, b)) {
        let start = at + i;
        let candidate = bytes.get(start..start + needle.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(needle)) {
            return start + needle.len();
        }
        at = start + 1;
    }
    bytes.len()
}

/// The end of a tag starting at `from` (just after its `>`), skipping quoted
/// attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    // Jump from quote to quote with memchr: outside quotes to the next `"`, `'` or
    // `>`, inside to the closing quote.
    while let Some(j) = bytes.get(i..).and_then(|b| memchr::memchr3(b'"', b'\'', b'>', b))
    {
        let at = i + j;
        match bytes.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                let rest = bytes.get(at + 1..).unwrap_or_default();
                match memchr::memchr(q, rest) {
                    Some(k) => i = at + 1 + k + 1,
                    None => return bytes.len(),
                }
            }
            _ => return at + 1,
        }
    }
    bytes.len()
}

/// The end of the tag name starting at `from`.
fn name_end(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|b| b.iter().position(|c| !c.is_ascii_alphanumeric()))
        .map_or(bytes.len(), |i| from + i)
}

/// The markup at `lt` (a `<`): its kind and where it ends; `None` when the `<` is text.
fn scan_tag(bytes: &[u8], lt: usize) -> Option<(Tag, usize)> {
    let next = *bytes.get(lt + 1)?;
    if bytes.get(lt..lt + 4) == Some(b"<!--") {
        return Some((Tag::Neutral, find_ci(bytes, lt + 4, b"-->")));
    }
    match next {
        b'!' | b'?' => Some((Tag::Neutral, tag_end(bytes, lt + 1))),
        b'/' => {
            let end = name_end(bytes, lt + 2);
            Some((Tag::Close(lt + 2, end), tag_end(bytes, end)))
        }
        c if c.is_ascii_alphabetic() => {
            let n_end = name_end(bytes, lt + 1);
            let name = bytes.get(lt + 1..n_end)?;
            let end = tag_end(bytes, n_end);
            let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
            if is_raw_text(name) && !self_closing {
                let mut close = b"</".to_vec();
                close.extend_from_slice(name);
                let body_end = find_ci(bytes, end, &close);
                return Some((Tag::Neutral, tag_end(bytes, body_end)));
            }
            if is_void(name) || self_closing {
                Some((Tag::Neutral, end))
            } else {
                Some((Tag::Open(lt + 1, n_end), end))
            }
        }
        _ => None,
    }
}

/// How far up the stack implied end tags and end-tag matching look: enough for real
/// markup, and a bound on the work per tag for hostile markup.
const LOOKBACK: usize = 16;

/// A list of element names.
type Names = &'static [&'static [u8]];

/// The elements a start tag `name` implicitly closes (`<li>` closes an open `<li>`),
/// and the elements that stop the search (`<ol>`).
fn implied_close(name: &[u8]) -> Option<(Names, Names)> {
    const BLOCK: [&[u8]; 14] = [
        b"p",
        b"div",
        b"ul",
        b"ol",
        b"li",
        b"table",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"section",
        b"blockquote",
    ];
    let lower = name.to_ascii_lowercase();
    let n = lower.as_slice();
    if n == b"li" {
        Some((&[b"li"], &[b"ol", b"ul", b"menu"]))
    } else if n == b"dt" || n == b"dd" {
        Some((&[b"dt", b"dd"], &[b"dl"]))
    } else if n == b"tr" {
        Some((&[b"tr"], &[b"table", b"tbody", b"thead", b"tfoot"]))
    } else if n == b"td" || n == b"th" {
        Some((&[b"td", b"th"], &[b"tr", b"table"]))
    } else if n == b"option" {
        Some((&[b"option"], &[b"select", b"datalist", b"optgroup"]))
    } else if BLOCK.contains(&n) {
        Some((&[b"p"], &[b"button", b"table", b"td", b"th"]))
    } else {
        None
    }
}

/// One open element: its name's byte range and whether its tags are kept.
type Open = (usize, usize, bool);

/// Pop through the nearest open element named in `targets` within [`LOOKBACK`],
/// unless one named in `stops` comes first; returns the popped element.
fn pop_through(
    bytes: &[u8],
    stack: &mut Vec<Open>,
    targets: &[&[u8]],
    stops: &[&[u8]],
) -> Option<Open> {
    let name = |&(s, e, _): &Open| bytes.get(s..e).unwrap_or_default();
    let found = stack.iter().rev().take(LOOKBACK).position(|o| {
        let n = name(o);
        if targets.iter().any(|t| t.eq_ignore_ascii_case(n)) {
            return true;
        }
        if stops.iter().any(|t| t.eq_ignore_ascii_case(n)) {
            return false;
        }
        false
    })?;
    let stopped_before = stack
        .iter()
        .rev()
        .take(found)
        .any(|o| stops.iter().any(|t| t.eq_ignore_ascii_case(name(o))));
    if stopped_before {
        return None;
    }
    let keep_len = stack.len() - found - 1;
    let popped = stack.get(keep_len).copied();
    stack.truncate(keep_len);
    popped
}

/// Formatting elements other than `<a>`: html5ever keeps every unclosed one in its
/// list of active formatting elements and re-opens them all in each new block, so
/// thousands of distinct unclosed `<font size=N>` before `<p>`s build a quadratic tree.
fn is_formatting(name: &[u8]) -> bool {
    const FORMATTING: [&[u8]; 13] = [
        b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike",
        b"strong", b"tt", b"u",
    ];
    FORMATTING.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// The most unclosed formatting elements kept; further ones are dropped.
pub(crate) const MAX_FORMATTING: usize = 32;

/// Walk the markup of `html`, calling `f(start, end, keep)` for each tag, where
/// `keep` is false for tags nested deeper than [`MAX_DEPTH`] or formatting tags
/// beyond [`MAX_FORMATTING`] unclosed ones; returns whether any tag is dropped.
fn walk(html: &str, mut f: impl FnMut(usize, usize, bool)) -> bool {
    let bytes = html.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut formatting = 0usize;
    let mut dropped = false;
    let mut pos = 0;
    while let Some(i) = bytes.get(pos..).and_then(|b| memchr::memchr(b'<', b)) {
        let lt = pos + i;
        let Some((tag, end)) = scan_tag(bytes, lt) else {
            pos = lt + 1;
            continue;
        };
        let keep = match tag {
            Tag::Open(s, e) => {
                let name = bytes.get(s..e).unwrap_or_default();
                if let Some((targets, stops)) = implied_close(name) {
                    pop_through(bytes, &mut stack, targets, stops);
                }
                let mut keep = stack.len() < MAX_DEPTH;
                if is_formatting(name) {
                    keep &= formatting < MAX_FORMATTING;
                    formatting += usize::from(keep);
                }
                stack.push((s, e, keep));
                keep
            }
            Tag::Close(s, e) => {
                let name = bytes.get(s..e).unwrap_or_default();
                let keep = match pop_through(bytes, &mut stack, &[name], &[]) {
                    Some((_, _, keep)) => keep,
                    None => true,
                };
                if keep && is_formatting(name) {
                    formatting = formatting.saturating_sub(1);
                }
                keep
            }
            Tag::Neutral => true,
        };
        dropped |= !keep;
        f(lt, end, keep);
        pos = end.max(lt + 1);
    }
    dropped
}

/// The document with tags nested deeper than [`MAX_DEPTH`] removed, or `None` when it
/// is not that deep (the common case: nothing is copied).
pub(crate) fn cap_depth(html: &str) -> Option<String> {
    if !walk(html, |_, _, _| {}) {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    walk(html, |start, end, keep| {
        if !keep {
            out.push_str(html.get(copied..start).unwrap_or_default());
            copied = end;
        }
    });
    out.push_str(html.get(copied..).unwrap_or_default());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deepest estimated nesting of `html`.
    fn depth(html: &str) -> usize {
        let bytes = html.as_bytes();
        let mut stack: Vec<Open> = Vec::new();
        let mut max = 0;
        let mut pos = 0;
        while let Some(i) = bytes.get(pos..).and_then(|b| memchr::memchr(b'<', b)) {
            let lt = pos + i;
            let Some((tag, end)) = scan_tag(bytes, lt) else {
                pos = lt + 1;
                continue;
            };
            match tag {
                Tag::Open(s, e) => {
                    if let Some((t, stop)) = implied_close(&bytes[s..e]) {
                        pop_through(bytes, &mut stack, t, stop);
                    }
                    stack.push((s, e, true));
                    max = max.max(stack.len());
                }
                Tag::Close(s, e) => {
                    pop_through(bytes, &mut stack, &[&bytes[s..e]], &[]);
                }
                Tag::Neutral => {}
            }
            pos = end.max(lt + 1);
        }
        max
    }

    #[test]
    fn depth_estimates() {
        assert_eq!(depth("<div><p>x</p><br><img src='a>b'/></div>"), 2);
        assert_eq!(depth("<script>if (a<b) { '<div><div>' }</script><b>x</b>"), 1);
        assert_eq!(depth("<!-- <div><div> --><i>x</i>"), 1);
        assert_eq!(depth("a < b <3 <"), 0);
        assert_eq!(depth("<div"), 1);
        assert_eq!(depth("<ol><li>a<li>b<li><b>c</b><li>d</ol>"), 3);
        assert_eq!(depth("<p>a<p>b<div>c</div>"), 1);
        assert_eq!(depth("<table><tr><td>a<td>b<tr><td>c</table>"), 3);
        assert_eq!(depth("<div><span></div></span>"), 2);
    }

    #[test]
    fn unclosed_formatting_is_bounded() {
        let html: String = (0..40).map(|i| format!("<font size={i}><p>x")).collect();
        let capped = cap_depth(&html).unwrap_or_default();
        assert_eq!(capped.matches("<font").count(), MAX_FORMATTING);
        assert_eq!(capped.matches("<p>").count(), 40);
        assert_eq!(cap_depth("<b>x</b>".repeat(100).as_str()), None);
    }

    #[test]
    fn shallow_documents_are_not_copied() {
        assert_eq!(cap_depth("<div><span>x</span></div>"), None);
        let many = "<ol><li>x".to_owned() + &"<li>x".repeat(5_000);
        assert_eq!(cap_depth(&many), None);
    }

    #[test]
    fn deep_documents_are_flattened_below_the_cap() {
        let n = MAX_DEPTH + 10;
        let html = format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        let capped = cap_depth(&html).unwrap_or_default();
        assert_eq!(
            capped,
            format!("{}x{}", "<div>".repeat(MAX_DEPTH), "</div>".repeat(MAX_DEPTH))
        );
    }
}
