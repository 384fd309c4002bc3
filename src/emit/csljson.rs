//! CSL-JSON and JSON-lines writers: the canonical, lossless view of a [`Reference`].
//!
//! Each reference becomes one CSL 1.0.2 item ([`CslItem`]); pubrefs' own extras sit
//! under `custom`. Keys are written in a fixed order (the order of [`CslItem`]'s
//! fields), and empty values are left out, so the same reference always gives the same
//! bytes.

use std::io;

use serde::Serialize;

use crate::emit::Emit;
use crate::model::{CitingRef, Name, Reference};

/// One CSL-JSON item, borrowing from its [`Reference`]. Serialise it with serde.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CslItem<'a> {
    /// The citation key.
    pub id: &'a str,
    /// The CSL type (`article-journal`, `book`, ...).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Authors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<CslName<'a>>,
    /// Editors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editor: Vec<CslName<'a>>,
    /// Title of the work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// Journal or book title.
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    pub container_title: Option<&'a str>,
    /// Abbreviated journal title.
    #[serde(rename = "container-title-short", skip_serializing_if = "Option::is_none")]
    pub container_title_short: Option<&'a str>,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    /// Volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<&'a str>,
    /// Issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<&'a str>,
    /// Page range, `209-249`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// First page or e-locator.
    #[serde(rename = "page-first", skip_serializing_if = "Option::is_none")]
    pub page_first: Option<&'a str>,
    /// DOI, lower-case.
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    pub doi: Option<&'a str>,
    /// PubMed identifier.
    #[serde(rename = "PMID", skip_serializing_if = "Option::is_none")]
    pub pmid: Option<&'a str>,
    /// PubMed Central identifier.
    #[serde(rename = "PMCID", skip_serializing_if = "Option::is_none")]
    pub pmcid: Option<&'a str>,
    /// URL.
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// ISSN.
    #[serde(rename = "ISSN", skip_serializing_if = "Option::is_none")]
    pub issn: Option<&'a str>,
    /// ISBN.
    #[serde(rename = "ISBN", skip_serializing_if = "Option::is_none")]
    pub isbn: Option<&'a str>,
    /// Publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<&'a str>,
    /// Place of publication.
    #[serde(rename = "publisher-place", skip_serializing_if = "Option::is_none")]
    pub publisher_place: Option<&'a str>,
    /// Edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<&'a str>,
    /// Free-text note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// Abstract.
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub abstract_text: Option<&'a str>,
    /// Keywords joined with `, `.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// pubrefs' extras.
    pub custom: CslCustom<'a>,
}

/// A CSL name: a person in parts, or a literal (collective) name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum CslName<'a> {
    /// A person.
    Person {
        /// Family name without particle.
        family: &'a str,
        /// Given names or initials.
        #[serde(skip_serializing_if = "str::is_empty")]
        given: &'a str,
        /// Non-dropping particle (`van der`).
        #[serde(
            rename = "non-dropping-particle",
            skip_serializing_if = "Option::is_none"
        )]
        particle: Option<&'a str>,
        /// Suffix (`Jr`).
        #[serde(skip_serializing_if = "Option::is_none")]
        suffix: Option<&'a str>,
    },
    /// A collective author.
    Literal {
        /// The name as written.
        literal: &'a str,
    },
}

impl<'a> From<&'a Name> for CslName<'a> {
    fn from(n: &'a Name) -> CslName<'a> {
        match n {
            Name::Person(p) => CslName::Person {
                family: &p.family,
                given: &p.given,
                particle: p.particle.as_deref(),
                suffix: p.suffix.as_deref(),
            },
            Name::Literal(l) => CslName::Literal { literal: l },
        }
    }
}

/// A CSL date: `{"date-parts": [[2021, 2, 13]]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CslDate {
    /// One date of year, month and day (as much as is known).
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<i32>>,
}

/// pubrefs' extras, kept under the CSL `custom` key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CslCustom<'a> {
    /// The reference text as found.
    pub raw: &'a str,
    /// `parsed`, `partial` or `raw`.
    pub status: &'static str,
    /// The author list was cut with et al.
    #[serde(skip_serializing_if = "is_false")]
    pub et_al: bool,
    /// Input file.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub source: &'a str,
    /// 1-based position in the input.
    #[serde(skip_serializing_if = "is_zero")]
    pub ordinal: u32,
    /// The citing article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citing: Option<&'a CitingRef>,
    /// Citing articles of a merged work.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub cited_by: &'a [String],
    /// Warnings noticed while parsing.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub warnings: &'a [String],
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(crate::emit::trim).filter(|s| !s.is_empty())
}

/// The CSL-JSON item of a reference (DESIGN.md, "Output").
pub fn csl_item(r: &Reference) -> CslItem<'_> {
    let issued = r.date.map(|d| {
        let mut parts = vec![d.year];
        if let Some(m) = d.month {
            parts.push(i32::from(m));
            if let Some(day) = d.day {
                parts.push(i32::from(day));
            }
        }
        CslDate { date_parts: vec![parts] }
    });
    let pages = r.pages.as_ref().filter(|p| !p.first.is_empty());
    CslItem {
        id: &r.key,
        kind: r.kind.csl(),
        author: r.authors.iter().map(CslName::from).collect(),
        editor: r.editors.iter().map(CslName::from).collect(),
        title: non_empty(&r.title),
        container_title: non_empty(&r.container),
        container_title_short: non_empty(&r.container_short)
            .filter(|s| Some(*s) != non_empty(&r.container)),
        issued,
        volume: non_empty(&r.volume),
        issue: non_empty(&r.issue),
        page: pages.map(|p| p.to_string()),
        page_first: pages.map(|p| p.first.as_str()),
        doi: non_empty(&r.doi),
        pmid: non_empty(&r.pmid),
        pmcid: non_empty(&r.pmcid),
        url: non_empty(&r.url),
        issn: non_empty(&r.issn),
        isbn: non_empty(&r.isbn),
        publisher: non_empty(&r.publisher),
        publisher_place: non_empty(&r.place),
        edition: non_empty(&r.edition),
        note: non_empty(&r.note),
        abstract_text: non_empty(&r.abstract_text),
        keyword: (!r.keywords.is_empty()).then(|| r.keywords.join(", ")),
        custom: CslCustom {
            raw: &r.raw,
            status: r.status.as_str(),
            et_al: r.et_al,
            source: &r.origin.source,
            ordinal: r.origin.ordinal,
            citing: r.citing.as_ref().filter(|c| !c.is_empty()),
            cited_by: &r.cited_by,
            warnings: &r.warnings,
        },
    }
}

/// Write the CSL-JSON item of `r` to `out`: the bytes `serde_json` gives for
/// [`csl_item`], written by hand into one buffer (no per-item allocations, keys as
/// literals, strings escaped by scanning for the bytes JSON must escape).
fn write_item<W: io::Write>(
    out: &mut W,
    buf: &mut Vec<u8>,
    r: &Reference,
) -> io::Result<()> {
    buf.clear();
    item_json(buf, r);
    out.write_all(buf)
}

/// Append the JSON of [`csl_item`]`(r)` to `out`, key for key as serde writes it.
pub(crate) fn item_json(out: &mut Vec<u8>, r: &Reference) {
    out.extend_from_slice(b"{\"id\":");
    json_str(out, &r.key);
    out.extend_from_slice(b",\"type\":");
    json_str(out, r.kind.csl());
    names_json(out, b",\"author\":[", &r.authors);
    names_json(out, b",\"editor\":[", &r.editors);
    opt_json(out, b",\"title\":", non_empty(&r.title));
    let container = non_empty(&r.container);
    opt_json(out, b",\"container-title\":", container);
    let short = non_empty(&r.container_short).filter(|s| Some(*s) != container);
    opt_json(out, b",\"container-title-short\":", short);
    if let Some(d) = r.date {
        out.extend_from_slice(b",\"issued\":{\"date-parts\":[[");
        push_int(out, i64::from(d.year));
        if let Some(m) = d.month {
            out.push(b',');
            push_int(out, i64::from(m));
            if let Some(day) = d.day {
                out.push(b',');
                push_int(out, i64::from(day));
            }
        }
        out.extend_from_slice(b"]]}");
    }
    opt_json(out, b",\"volume\":", non_empty(&r.volume));
    opt_json(out, b",\"issue\":", non_empty(&r.issue));
    if let Some(p) = r.pages.as_ref().filter(|p| !p.first.is_empty()) {
        out.extend_from_slice(b",\"page\":\"");
        json_str_contents(out, &p.first);
        if let Some(last) = &p.last {
            out.push(b'-');
            json_str_contents(out, last);
        }
        out.extend_from_slice(b"\",\"page-first\":");
        json_str(out, &p.first);
    }
    opt_json(out, b",\"DOI\":", non_empty(&r.doi));
    opt_json(out, b",\"PMID\":", non_empty(&r.pmid));
    opt_json(out, b",\"PMCID\":", non_empty(&r.pmcid));
    opt_json(out, b",\"URL\":", non_empty(&r.url));
    opt_json(out, b",\"ISSN\":", non_empty(&r.issn));
    opt_json(out, b",\"ISBN\":", non_empty(&r.isbn));
    opt_json(out, b",\"publisher\":", non_empty(&r.publisher));
    opt_json(out, b",\"publisher-place\":", non_empty(&r.place));
    opt_json(out, b",\"edition\":", non_empty(&r.edition));
    opt_json(out, b",\"note\":", non_empty(&r.note));
    opt_json(out, b",\"abstract\":", non_empty(&r.abstract_text));
    if !r.keywords.is_empty() {
        out.extend_from_slice(b",\"keyword\":\"");
        for (i, k) in r.keywords.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            json_str_contents(out, k);
        }
        out.push(b'"');
    }
    custom_json(out, r);
    out.push(b'}');
}

/// The `custom` object of [`CslCustom`].
fn custom_json(out: &mut Vec<u8>, r: &Reference) {
    out.extend_from_slice(b",\"custom\":{\"raw\":");
    json_str(out, &r.raw);
    out.extend_from_slice(b",\"status\":");
    json_str(out, r.status.as_str());
    if r.et_al {
        out.extend_from_slice(b",\"et_al\":true");
    }
    if !r.origin.source.is_empty() {
        out.extend_from_slice(b",\"source\":");
        json_str(out, &r.origin.source);
    }
    if r.origin.ordinal != 0 {
        out.extend_from_slice(b",\"ordinal\":");
        push_int(out, i64::from(r.origin.ordinal));
    }
    if let Some(c) = r.citing.as_ref().filter(|c| !c.is_empty()) {
        out.extend_from_slice(b",\"citing\":{");
        let mut first = true;
        let fields: [(&[u8], &Option<String>); 3] =
            [(b"\"pmid\":", &c.pmid), (b"\"doi\":", &c.doi), (b"\"title\":", &c.title)];
        for (key, value) in fields {
            if let Some(v) = value {
                if !first {
                    out.push(b',');
                }
                first = false;
                out.extend_from_slice(key);
                json_str(out, v);
            }
        }
        out.push(b'}');
    }
    strings_json(out, b",\"cited_by\":[", &r.cited_by);
    strings_json(out, b",\"warnings\":[", &r.warnings);
    out.push(b'}');
}

/// `opener` (`,"key":[`), the names as [`CslName`] objects and `]`; nothing when
/// there are no names.
fn names_json(out: &mut Vec<u8>, opener: &[u8], names: &[Name]) {
    if names.is_empty() {
        return;
    }
    out.extend_from_slice(opener);
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        match n {
            Name::Person(p) => {
                out.extend_from_slice(b"{\"family\":");
                json_str(out, &p.family);
                if !p.given.is_empty() {
                    out.extend_from_slice(b",\"given\":");
                    json_str(out, &p.given);
                }
                opt_json(out, b",\"non-dropping-particle\":", p.particle.as_deref());
                opt_json(out, b",\"suffix\":", p.suffix.as_deref());
                out.push(b'}');
            }
            Name::Literal(l) => {
                out.extend_from_slice(b"{\"literal\":");
                json_str(out, l);
                out.push(b'}');
            }
        }
    }
    out.push(b']');
}

/// `opener` (`,"key":[`), the strings and `]`; nothing when there are none.
fn strings_json(out: &mut Vec<u8>, opener: &[u8], list: &[String]) {
    if list.is_empty() {
        return;
    }
    out.extend_from_slice(opener);
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_str(out, s);
    }
    out.push(b']');
}

/// `key` (`,"name":`) and the string, when there is one.
fn opt_json(out: &mut Vec<u8>, key: &[u8], value: Option<&str>) {
    if let Some(v) = value {
        out.extend_from_slice(key);
        json_str(out, v);
    }
}

/// A JSON string, quoted and escaped.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    json_str_contents(out, s);
    out.push(b'"');
}

/// The contents of a JSON string, escaped as `serde_json` escapes them: `"` and `\`
/// with a backslash, the control characters below U+0020 as `\b \t \n \f \r` or
/// `\u00XX` (lower-case hex); everything else, UTF-8 included, as it is. Runs of plain
/// bytes are copied whole; they are found eight bytes at a time ([`plain_word`]).
fn json_str_contents(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let word = bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok());
        if word.is_some_and(|w| plain_word(u64::from_le_bytes(w))) {
            i += 8;
            continue;
        }
        if word.is_none() {
            // Fewer than eight bytes left: on to the next byte to escape, if any.
            let tail = bytes.get(i..).unwrap_or_default();
            match tail.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\') {
                Some(k) => i += k,
                None => break,
            }
        }
        let Some(&b) = bytes.get(i) else { break };
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(bytes.get(start..i - 1).unwrap_or_default());
        start = i;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                let hex = |n: u8| b"0123456789abcdef".get(usize::from(n)).copied();
                out.extend_from_slice(b"\\u00");
                out.extend([hex(b >> 4), hex(b & 0xf)].into_iter().flatten());
            }
        }
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
}

/// True when none of the eight bytes of `w` needs escaping in a JSON string: no byte
/// below 0x20, no `"`, no `\`. (The classic "has a byte less than n" test: exact as to
/// whether any byte matches, which is all that is asked.)
fn plain_word(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let control = below(w, 0x20);
    let quote = below(w ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(w ^ (ONES * u64::from(b'\\')), 1);
    control | quote | backslash == 0
}

/// A decimal integer.
fn push_int(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(crate::emit::int_str(n, &mut [0; 20]).as_bytes());
}

/// Writes a CSL-JSON array, one item per line inside the brackets; an empty list gives
/// `[]`.
pub struct CslJson<W> {
    out: W,
    buf: Vec<u8>,
    count: usize,
}

impl<W: io::Write> CslJson<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        CslJson { out, buf: Vec::new(), count: 0 }
    }
}

impl<W: io::Write> Emit for CslJson<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        self.out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        write_item(&mut self.out, &mut self.buf, reference)?;
        self.count += 1;
        Ok(())
    }

    fn wants_csl(&self) -> bool {
        true
    }

    fn emit_with_csl(&mut self, _: &Reference, csl: &[u8]) -> io::Result<()> {
        self.out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        self.out.write_all(csl)?;
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// Writes one CSL-JSON item per line (JSON lines).
pub struct Jsonl<W> {
    out: W,
    buf: Vec<u8>,
}

impl<W: io::Write> Jsonl<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Jsonl { out, buf: Vec::new() }
    }
}

impl<W: io::Write> Emit for Jsonl<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        write_item(&mut self.out, &mut self.buf, reference)?;
        self.out.write_all(b"\n")
    }

    fn wants_csl(&self) -> bool {
        true
    }

    fn emit_with_csl(&mut self, _: &Reference, csl: &[u8]) -> io::Result<()> {
        self.out.write_all(csl)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::{Format, to_string};
    use crate::model::{Date, Pages, Person, RefType, Status};

    fn sample() -> Reference {
        Reference {
            key: "sung2021global".into(),
            kind: RefType::Article,
            authors: vec![
                Name::Person(Person::new("Sung", "H.")),
                Name::Person(Person {
                    family: "Walt".into(),
                    given: "S. J.".into(),
                    particle: Some("van der".into()),
                    suffix: Some("Jr".into()),
                }),
                Name::Literal("WHO".into()),
            ],
            et_al: true,
            title: Some("Global cancer statistics 2020".into()),
            container: Some("CA Cancer J Clin".into()),
            date: Some(Date { year: 2021, month: Some(2), day: None }),
            volume: Some("71".into()),
            issue: Some("3".into()),
            pages: Some(Pages { first: "209".into(), last: Some("249".into()) }),
            doi: Some("10.3322/caac.21660".into()),
            pmid: Some("33538338".into()),
            raw: "Sung H, ... 209–249.".into(),
            status: Status::Parsed,
            ..Reference::default()
        }
    }

    #[test]
    fn prerendered_items_write_the_same_bytes() {
        let r = sample();
        let mut csl = Vec::new();
        crate::emit::csl_item(&mut csl, &r);
        for format in [Format::CslJson, Format::Jsonl] {
            let mut buf = Vec::new();
            {
                let mut w = crate::emit::emitter(format, &mut buf);
                assert!(w.wants_csl());
                w.emit_with_csl(&r, &csl).unwrap();
                w.emit_with_csl(&r, &csl).unwrap();
                w.finish().unwrap();
            }
            let direct = to_string(format, &[r.clone(), r.clone()]);
            assert_eq!(String::from_utf8(buf).unwrap(), direct, "{format:?}");
        }
    }

    #[test]
    fn item_maps_fields() {
        let v = serde_json::to_value(csl_item(&sample())).unwrap();
        assert_eq!(v["id"], "sung2021global");
        assert_eq!(v["type"], "article-journal");
        assert_eq!(v["author"][0]["family"], "Sung");
        assert_eq!(v["author"][0]["given"], "H.");
        assert_eq!(v["author"][1]["non-dropping-particle"], "van der");
        assert_eq!(v["author"][1]["suffix"], "Jr");
        assert_eq!(v["author"][2]["literal"], "WHO");
        assert_eq!(v["issued"]["date-parts"], serde_json::json!([[2021, 2]]));
        assert_eq!(v["page"], "209-249");
        assert_eq!(v["page-first"], "209");
        assert_eq!(v["DOI"], "10.3322/caac.21660");
        assert_eq!(v["custom"]["et_al"], true);
        assert_eq!(v["custom"]["status"], "parsed");
        assert!(v.get("editor").is_none());
        assert!(v["custom"].get("citing").is_none());
    }

    /// A reference with every field set, hostile characters in the strings.
    fn everything() -> Reference {
        let nasty = "a\"b\\c\u{1}\u{8}\t\n\u{c}\r\u{1f}\u{7f} é 中 \u{2028}";
        Reference {
            key: format!("k{nasty}"),
            editors: vec![
                Name::Person(Person::new(nasty, "")),
                Name::Literal(nasty.into()),
            ],
            title: Some(format!(" {nasty} ")),
            container: Some("J".into()),
            container_short: Some("J S".into()),
            date: Some(Date { year: -12, month: Some(12), day: Some(31) }),
            pages: Some(Pages { first: nasty.into(), last: Some(nasty.into()) }),
            pmcid: Some("PMC1".into()),
            url: Some(nasty.into()),
            issn: Some("1234-5678".into()),
            publisher: Some(nasty.into()),
            place: Some("P".into()),
            edition: Some("2".into()),
            note: Some(nasty.into()),
            abstract_text: Some(nasty.into()),
            keywords: vec![nasty.into(), String::new(), "k".into()],
            citing: Some(CitingRef {
                pmid: None,
                doi: Some(nasty.into()),
                title: Some("t".into()),
            }),
            cited_by: vec![nasty.into(), "x".into()],
            warnings: vec![nasty.into()],
            origin: crate::model::Origin { source: nasty.into(), ordinal: 7, span: 0..1 },
            ..sample()
        }
    }

    #[test]
    fn hand_written_json_is_what_serde_writes() {
        let blank = Reference {
            title: Some("  ".into()),
            container: Some("Same".into()),
            container_short: Some("Same".into()),
            pages: Some(Pages { first: String::new(), last: Some("2".into()) }),
            citing: Some(CitingRef::default()),
            ..Reference::default()
        };
        let only_year = Reference {
            date: Some(Date { year: 2020, month: None, day: Some(3) }),
            pages: Some(Pages { first: "e1".into(), last: None }),
            ..Reference::default()
        };
        for r in [sample(), everything(), Reference::default(), blank, only_year] {
            let mut hand = Vec::new();
            item_json(&mut hand, &r);
            let serde = serde_json::to_vec(&csl_item(&r)).unwrap();
            assert_eq!(String::from_utf8_lossy(&hand), String::from_utf8_lossy(&serde));
        }
    }

    #[test]
    fn json_strings_escape_like_serde() {
        for s in ["", "plain", "\"", "\\", "\u{0}\u{1f}\u{7f}", "é\n中"] {
            let mut hand = Vec::new();
            json_str(&mut hand, s);
            assert_eq!(hand, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
        // Every ASCII byte (and a two-byte letter) at every offset within and across
        // the eight-byte words.
        for pad in 0..17 {
            for c in (0u8..=0x7f).chain([0xc3]) {
                let mid =
                    if c == 0xc3 { "é".to_owned() } else { char::from(c).to_string() };
                let s = format!("{}{mid}{}", "a\u{7f}é".repeat(pad), "x".repeat(pad));
                let mut hand = Vec::new();
                json_str(&mut hand, &s);
                assert_eq!(hand, serde_json::to_vec(&s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn key_order_is_fixed() {
        let s = serde_json::to_string(&csl_item(&sample())).unwrap();
        assert!(
            s.starts_with(r#"{"id":"sung2021global","type":"article-journal","author""#)
        );
        let t = s.find("\"title\"").unwrap();
        let c = s.find("\"container-title\"").unwrap();
        assert!(t < c);
    }

    #[test]
    fn empty_array_is_valid_json() {
        let s = to_string(Format::CslJson, &[]);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&s).unwrap(),
            serde_json::json!([])
        );
        assert_eq!(to_string(Format::Jsonl, &[]), "");
    }

    #[test]
    fn array_and_lines_agree() {
        let refs = vec![sample(), Reference { raw: "x".into(), ..Reference::default() }];
        let arr: serde_json::Value =
            serde_json::from_str(&to_string(Format::CslJson, &refs)).unwrap();
        let lines: Vec<serde_json::Value> = to_string(Format::Jsonl, &refs)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(arr.as_array().unwrap(), &lines);
        assert_eq!(lines.len(), 2);
    }

    /// Validates the output against the CSL 1.0.2 schema with python `jsonschema`, when
    /// both the schema and python are available.
    #[test]
    fn validates_against_csl_schema() {
        let schema = std::path::Path::new("../shared/data/csl-data.json");
        if !schema.exists() {
            eprintln!("skipping: ../shared/data/csl-data.json not found");
            return;
        }
        let mut r2 = sample();
        r2.citing = Some(CitingRef { pmid: Some("1".into()), doi: None, title: None });
        r2.origin.source = "page.txt".into();
        r2.origin.ordinal = 3;
        r2.keywords = vec!["a".into(), "b".into()];
        r2.editors = vec![Name::Person(Person::new("Singer", "M."))];
        r2.kind = RefType::Chapter;
        let refs =
            vec![sample(), r2, Reference { raw: "x".into(), ..Reference::default() }];
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("out.json");
        std::fs::write(&data, to_string(Format::CslJson, &refs)).unwrap();
        let script = "import json,sys,jsonschema\n\
            s=json.load(open(sys.argv[1]));d=json.load(open(sys.argv[2]))\n\
            jsonschema.validate(d,s)\nprint('ok')";
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(schema)
            .arg(&data)
            .output();
        match out {
            Ok(o) if o.status.success() => {
                assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "ok")
            }
            Ok(o) => {
                let err = String::from_utf8_lossy(&o.stderr);
                if err.contains("No module named") {
                    eprintln!("skipping: python jsonschema not installed");
                } else {
                    panic!("CSL schema validation failed: {err}");
                }
            }
            Err(e) => eprintln!("skipping: python3 not available: {e}"),
        }
    }
}
