//! Saved PubMed article pages and the "Show all references" fragment, read with
//! `scraper` (html5ever builds the same tree a browser would, entities decoded).
//!
//! References sit in `div#references` → `ol.references-list` → `li` →
//! `ol.references-and-notes-list` → `li.skip-numbering`. Each item's text is every
//! descendant text node except those under `a.reference-link` (the `DOI`, `PMC`,
//! `PubMed` labels, and the ` - ` separators before them), so inline markup (`<i>`,
//! `<b>`, `<sup>`) is flattened; whitespace is folded, since saved pages are
//! re-indented. The links give each reference's DOI, PMCID and PMID.
//!
//! A page shows the first five references; the "Show all N references" button gives
//! N ([`Extracted::total`]) and, when fewer are shown, a warning names the
//! `/<PMID>/references/` page that holds them all.
//!
//! The whole document is parsed once: the citing article's record comes from the
//! `citation_*` meta tags and the page header, so slicing out the references block
//! first would save nothing.

mod citing;
mod depth;
mod links;

use std::sync::OnceLock;

use scraper::{ElementRef, Html, Node, Selector};

use crate::extract::fold_whitespace;
use crate::model::{Extracted, LinkIds, RawReference};

/// The warning for a page that has no reference list.
pub const NO_REFERENCES: &str = "no reference list on this page";

/// A CSS selector compiled once. The selectors are constants, so `None` (which the
/// tests rule out) would only mean "matches nothing".
pub(crate) struct Css {
    css: &'static str,
    selector: OnceLock<Option<Selector>>,
}

impl Css {
    /// A selector from a constant CSS string, compiled on first use.
    pub(crate) const fn new(css: &'static str) -> Css {
        Css { css, selector: OnceLock::new() }
    }

    fn get(&self) -> Option<&Selector> {
        self.selector.get_or_init(|| Selector::parse(self.css).ok()).as_ref()
    }

    /// Every match under `scope`, in document order.
    pub(crate) fn all<'a>(&self, scope: ElementRef<'a>) -> Vec<ElementRef<'a>> {
        match self.get() {
            Some(sel) => scope.select(sel).collect(),
            None => Vec::new(),
        }
    }

    /// The first match under `scope`.
    pub(crate) fn first<'a>(&self, scope: ElementRef<'a>) -> Option<ElementRef<'a>> {
        scope.select(self.get()?).next()
    }
}

/// The elements under `scope` (not `scope` itself), in document order, that `keep`
/// accepts. The reference list and the "Show all" button are found by this plain walk
/// and a test of name and class, rather than by CSS selectors, whose matching machinery
/// costs several times more per element of a page; `is_reference_list`,
/// `is_reference_item` and `is_show_all` match what the selectors
/// `ol.references-list`, `li.skip-numbering` and
/// `button.show-all, a.show-all, [data-next-page-url]` would (class names are compared
/// case-sensitively, as scraper's selectors do).
fn elements<'a>(
    scope: ElementRef<'a>,
    keep: impl Fn(&scraper::node::Element) -> bool,
) -> Vec<ElementRef<'a>> {
    scope
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .filter(|e| keep(e.value()))
        .collect()
}

/// True for an element named `name` with the class `class`. Reads the `class`
/// attribute as it stands (the same words `Element::classes` gives) rather than
/// through `classes`, which interns every class name of the element on first use.
fn is(e: &scraper::node::Element, name: &str, class: &str) -> bool {
    e.name() == name
        && e.attrs()
            .filter(|&(k, _)| k == "class")
            .any(|(_, v)| v.split_ascii_whitespace().any(|c| c == class))
}

/// `ol.references-list`
fn is_reference_list(e: &scraper::node::Element) -> bool {
    is(e, "ol", "references-list")
}

/// `li.skip-numbering`
fn is_reference_item(e: &scraper::node::Element) -> bool {
    is(e, "li", "skip-numbering")
}

/// `button.show-all, a.show-all, [data-next-page-url]`
fn is_show_all(e: &scraper::node::Element) -> bool {
    is(e, "button", "show-all")
        || is(e, "a", "show-all")
        // Not `attr`, which interns the name for every element asked; the HTML
        // parser never puts this attribute in a namespace.
        || e.attrs().any(|(k, _)| k == "data-next-page-url")
}

/// Extract the references of a saved PubMed HTML page or references fragment.
pub fn extract_html(html: &str) -> Extracted {
    let capped = depth::cap_depth(html);
    let doc = Html::parse_document(capped.as_deref().unwrap_or(html));
    let root = doc.root_element();
    let items = reference_items(root);
    let spans = item_spans(html, items.len());
    let references: Vec<RawReference> = items
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (li, span))| RawReference {
            ordinal: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text: reference_text(*li),
            span,
            ids: reference_ids(*li),
        })
        .collect();

    let citing = citing::citing_article(root, html);
    let mut warnings = Vec::new();
    if capped.is_some() {
        warnings.push(depth::WARNING.to_owned());
    }
    let (total, next_url) = show_all(root);
    if references.is_empty() {
        warnings.push(NO_REFERENCES.to_owned());
    }
    if let Some(total) = total
        && (total as usize) > references.len()
    {
        let pmid = citing.as_ref().and_then(|c| c.pmid.clone());
        let url = rest_url(next_url.as_deref(), pmid.as_deref());
        warnings.push(format!(
            "page shows {} of {total} references; the rest are at {url}",
            references.len()
        ));
    }
    Extracted { citing, references, total, warnings }
}

/// The reference items, in order: `li.skip-numbering` under every
/// `ol.references-list` (only the `full-…` lists when the page holds the full list
/// beside the top five), each item once; the direct `li` children of the lists when
/// they carry no `skip-numbering` items.
fn reference_items(root: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let lists = elements(root, is_reference_list);
    let full: Vec<ElementRef<'_>> = lists
        .iter()
        .copied()
        .filter(|l| l.value().id().is_some_and(|id| id.starts_with("full-")))
        .collect();
    let lists = if full.is_empty() { lists } else { full };
    let mut seen = std::collections::HashSet::new();
    let mut items = Vec::new();
    for list in &lists {
        let found = elements(*list, is_reference_item);
        let found = if found.is_empty() {
            list.children()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "li")
                .collect()
        } else {
            found
        };
        items.extend(found.into_iter().filter(|li| seen.insert(li.id())));
    }
    items
}

/// Byte ranges of the `<li class="skip-numbering" …>…</li>` items in the source: the
/// start of each tag to the end of the first `</li>` after it (bounded by the next
/// item). When the source scan does not find exactly `n` items (unusual markup),
/// every span is empty at 0 rather than wrong.
fn item_spans(html: &str, n: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = html.as_bytes();
    let hidden = hidden_ranges(html);
    let mut starts = Vec::new();
    for m in memchr::memmem::find_iter(bytes, b"skip-numbering") {
        if hidden.iter().any(|r| r.contains(&m)) {
            continue;
        }
        let head = bytes.get(..m).unwrap_or_default();
        let Some(lt) = memchr::memrchr(b'<', head) else { continue };
        let tag = bytes.get(lt..m).unwrap_or_default();
        let is_li = tag.get(..3).is_some_and(|t| t.eq_ignore_ascii_case(b"<li"));
        if is_li && memchr::memchr(b'>', tag).is_none() && starts.last() != Some(&lt) {
            starts.push(lt);
        }
    }
    if starts.len() != n {
        return vec![0..0; n];
    }
    let lower_bound = |i: usize| starts.get(i + 1).copied().unwrap_or(bytes.len());
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let limit = lower_bound(i);
            let window = bytes.get(start..limit).unwrap_or_default();
            let end = memchr::memmem::find(window, b"</li")
                .and_then(|e| {
                    let after = window.get(e..)?;
                    memchr::memchr(b'>', after).map(|gt| start + e + gt + 1)
                })
                .unwrap_or(limit);
            start..end
        })
        .collect()
}

/// Byte ranges of `<script>…</script>`, `<style>…</style>` and `<!-- … -->` in the
/// source, where markup-looking text is not markup.
fn hidden_ranges(html: &str) -> Vec<std::ops::Range<usize>> {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    for (open, close) in
        [(&b"<script"[..], &b"</script"[..]), (b"<style", b"</style"), (b"<!--", b"-->")]
    {
        let mut from = 0;
        while let Some(i) = bytes.get(from..).and_then(|b| memchr::memmem::find(b, open))
        {
            let start = from + i;
            let body = start + open.len();
            let end = bytes
                .get(body..)
                .and_then(|b| memchr::memmem::find(b, close))
                .map_or(bytes.len(), |j| body + j + close.len());
            out.push(start..end);
            from = end;
        }
    }
    out
}

/// True for an `<a class="reference-link">`.
fn is_reference_link(node: &Node) -> bool {
    // (by the `class` attribute, as `is` reads it: `classes` interns every class name
    // of every element asked)
    node.as_element().is_some_and(|e| is(e, "a", "reference-link"))
}

/// Drop a trailing ` -` link separator (and the white space around it).
fn trim_separator(buf: &mut String) {
    let trimmed = buf.trim_end();
    if let Some(head) = trimmed.strip_suffix('-')
        && (head.is_empty() || head.ends_with(char::is_whitespace))
    {
        let keep = head.trim_end().len();
        buf.truncate(keep);
    }
}

/// True for elements whose text is never reference text.
fn is_skipped(node: &Node) -> bool {
    is_reference_link(node)
        || node
            .as_element()
            .is_some_and(|e| matches!(e.name(), "script" | "style" | "template"))
}

/// The text of one reference item: every descendant text node except link labels
/// and script/style content; `<br>` and block boundaries become spaces.
///
/// The walk is iterative (first child, next sibling, parent), so deeply nested
/// hostile markup cannot overflow the stack.
pub(crate) fn reference_text(li: ElementRef<'_>) -> String {
    let root_id = li.id();
    let mut buf = String::new();
    let mut skip = 0usize;
    let mut cur = li.first_child();
    while let Some(node) = cur {
        // open `node`
        let value = node.value();
        if is_skipped(value) {
            if skip == 0 && is_reference_link(value) {
                trim_separator(&mut buf);
            }
            skip += 1;
        } else if let Some(e) = value.as_element() {
            if matches!(e.name(), "br" | "p" | "div" | "li" | "ol" | "ul") {
                buf.push(' ');
            }
        } else if let Some(t) = value.as_text()
            && skip == 0
        {
            buf.push_str(t);
        }
        if let Some(child) = node.first_child() {
            cur = Some(child);
            continue;
        }
        // close `node` and every ancestor that has no next sibling
        let mut done = node;
        cur = loop {
            if is_skipped(done.value()) {
                skip = skip.saturating_sub(1);
            }
            if let Some(next) = done.next_sibling() {
                break Some(next);
            }
            match done.parent() {
                Some(parent) if parent.id() != root_id => done = parent,
                _ => break None,
            }
        };
    }
    trim_separator(&mut buf);
    fold_whitespace(&buf)
}

/// The DOI, PMCID and PMID of one reference item, from its `a.reference-link`s.
fn reference_ids(li: ElementRef<'_>) -> LinkIds {
    let mut ids = LinkIds::default();
    // What `a.reference-link` selects, by a plain walk (no selector machinery per
    // item): the item itself is an `li`, never a link.
    let links = li
        .descendants()
        .skip(1)
        .filter(|n| is_reference_link(n.value()))
        .filter_map(ElementRef::wrap);
    for a in links {
        let label = fold_whitespace(&a.text().collect::<String>());
        links::add_link_id(
            &mut ids,
            a.attr("href").unwrap_or_default(),
            a.attr("data-ga-action"),
            &label,
        );
    }
    ids
}

/// The "Show all N references" total and the URL the button loads.
fn show_all(root: ElementRef<'_>) -> (Option<u32>, Option<String>) {
    for b in elements(root, is_show_all) {
        let text = fold_whitespace(&b.text().collect::<String>());
        if let Some(n) = links::show_all_total(&text) {
            return (Some(n), b.attr("data-next-page-url").map(str::to_owned));
        }
    }
    (None, None)
}

/// Where the rest of a truncated list is: the button's `/<PMID>/references/` made
/// absolute, else built from the citing PMID.
fn rest_url(next: Option<&str>, pmid: Option<&str>) -> String {
    let from_button = next.and_then(links::references_pmid);
    match from_button.as_deref().or(pmid) {
        Some(p) => format!("https://pubmed.ncbi.nlm.nih.gov/{p}/references/"),
        None => "the page's /<PMID>/references/ page".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn li(html: &str) -> String {
        let doc = Html::parse_fragment(html);
        let items = elements(doc.root_element(), is_reference_item);
        items.first().map(|e| reference_text(*e)).unwrap_or_default()
    }

    #[test]
    fn plain_matchers_agree_with_the_selectors() {
        let doc = Html::parse_document(
            r#"<ol class="x references-list"><li class="skip-numbering y">A</li>
               <li class="Skip-Numbering">B</li><ul class="references-list"></ul></ol>
               <OL CLASS="references-list"></OL><ol class="references-listx"></ol>
               <button class="show-all">1</button><a class="show-all">2</a>
               <div class="show-all">3</div><span data-next-page-url="/1/references/">4</span>
               <svg><a class="show-all">5</a></svg><a class="x reference-link">6</a>
               <a class="Reference-Link">7</a><b class="reference-link">8</b>"#,
        );
        let root = doc.root_element();
        for (css, matcher) in [
            (
                "ol.references-list",
                is_reference_list as fn(&scraper::node::Element) -> bool,
            ),
            ("li.skip-numbering", is_reference_item),
            ("button.show-all, a.show-all, [data-next-page-url]", is_show_all),
            ("a.reference-link", |e| is_reference_link(&Node::Element(e.clone()))),
        ] {
            let want = Css::new(css).all(root);
            assert!(!want.is_empty(), "{css}");
            assert_eq!(elements(root, matcher), want, "{css}");
        }
    }

    #[test]
    fn text_flattens_markup_and_drops_links() {
        let t = li(r#"<ol class="references-list"><li class="skip-numbering">
            Doe J. On <i>E. coli</i> and CO<sub>2</sub> &amp; H<sup>+</sup>. 2020;1:2. -
            <a class="reference-link" href="https://doi.org/10.1/x">DOI</a> -
            <a class="reference-link" href="/1/">PubMed</a></li></ol>"#);
        assert_eq!(t, "Doe J. On E. coli and CO2 & H+. 2020;1:2.");
    }

    #[test]
    fn text_keeps_other_links_and_inner_hyphens() {
        let t = li(
            r#"<ol><li class="skip-numbering">WHO. See <a href="https://who.int/">https://who.int/x...</a>. Accessed 2020. pp. 1 -</li></ol>"#,
        );
        assert_eq!(t, "WHO. See https://who.int/x.... Accessed 2020. pp. 1");
        let t = li(
            r#"<ol><li class="skip-numbering">Anti-PD-1 -<a class="reference-link" href="/1/">PubMed</a></li></ol>"#,
        );
        assert_eq!(t, "Anti-PD-1");
    }

    #[test]
    fn items_prefer_the_full_list_and_fall_back_to_plain_items() {
        let doc = Html::parse_document(
            r#"<ol class="references-list" id="top-references-list-1">
               <li><ol><li class="skip-numbering">A</li></ol></li></ol>
               <ol class="references-list" id="full-references-list-1">
               <li><ol><li class="skip-numbering">A</li></ol></li>
               <li><ol><li class="skip-numbering">B</li></ol></li></ol>"#,
        );
        let items = reference_items(doc.root_element());
        let texts: Vec<String> = items.into_iter().map(reference_text).collect();
        assert_eq!(texts, ["A", "B"]);
        let doc = Html::parse_document(
            r#"<ol class="references-list"><li>One <b>x</b></li><li>Two</li></ol>"#,
        );
        let texts: Vec<String> =
            reference_items(doc.root_element()).into_iter().map(reference_text).collect();
        assert_eq!(texts, ["One x", "Two"]);
        let doc =
            Html::parse_document("<ul><li class=skip-numbering>not in a list</li></ul>");
        assert!(reference_items(doc.root_element()).is_empty());
    }

    #[test]
    fn show_all_total_and_url() {
        let doc = Html::parse_document(
            r#"<button class="show-all-linked-articles">Show all 3 cited by</button>
               <button class="show-all" data-next-page-url="/7/references/">
               Show all
               40 references</button>"#,
        );
        assert_eq!(
            show_all(doc.root_element()),
            (Some(40), Some("/7/references/".into()))
        );
        let doc = Html::parse_document("<p>Show all 40 references</p>");
        assert_eq!(show_all(doc.root_element()), (None, None));
    }

    #[test]
    fn trims_only_separators() {
        let mut s = "x 10.1/abc-".to_owned();
        trim_separator(&mut s);
        assert_eq!(s, "x 10.1/abc-");
        let mut s = "x. -\n  ".to_owned();
        trim_separator(&mut s);
        assert_eq!(s, "x.");
    }

    #[test]
    fn spans_cover_items() {
        let html = "<ol class=\"references-list\"><li class=\"skip-numbering\">A</li>\n<li class=\"skip-numbering\" value=\"1\">B</li></ol>";
        let spans = item_spans(html, 2);
        assert_eq!(&html[spans[0].clone()], "<li class=\"skip-numbering\">A</li>");
        assert_eq!(
            &html[spans[1].clone()],
            "<li class=\"skip-numbering\" value=\"1\">B</li>"
        );
        assert_eq!(item_spans(html, 3), vec![0..0; 3]);
    }

    #[test]
    fn rest_url_forms() {
        assert_eq!(
            rest_url(Some("/32264957/references/"), None),
            "https://pubmed.ncbi.nlm.nih.gov/32264957/references/"
        );
        assert_eq!(
            rest_url(None, Some("5")),
            "https://pubmed.ncbi.nlm.nih.gov/5/references/"
        );
        assert!(rest_url(None, None).contains("<PMID>"));
    }
}
