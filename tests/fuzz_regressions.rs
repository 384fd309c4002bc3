//! What the fuzzers found, kept as regression tests, and a fuzz smoke that needs no
//! nightly toolchain: every committed finding (`fixtures/fuzz/<target>/`) and a few
//! thousand generated inputs go through each entry point with the invariants of the
//! cargo-fuzz targets in `fuzz/fuzz_targets/`.
//!
//! The generated inputs are deterministic (a fixed seed); set `PUBREFS_FUZZ_SEED` and
//! `PUBREFS_FUZZ_CASES` to explore further locally.
//!
//! Findings in the reference parser (`src/parse/**`, `src/normalize/**`) sit in
//! `fixtures/fuzz/parse/`; their tests are `#[ignore]`d until the parser is fixed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pubrefs::batch::{Mode, Settings, process_bytes};
use pubrefs::emit::{Format, to_string};
use pubrefs::extract::{html::extract_html, text::extract_text_page, xml::extract_xml};
use pubrefs::journals::JournalList;
use pubrefs::key::KeyGen;
use pubrefs::library::Library;
use pubrefs::{Reference, parse_reference};

// ---------------------------------------------------------------------------------
// The invariants (the same as the cargo-fuzz targets').
// ---------------------------------------------------------------------------------

/// `extract_text` target: the whole document path; counts agree with the records.
fn check_document(bytes: &[u8]) {
    for mode in [Mode::Convert, Mode::Lines] {
        let o = process_bytes("fuzz", bytes, &Settings::new(mode));
        let r = &o.report;
        assert_eq!(r.references, o.records.len(), "{mode:?}");
        assert_eq!(r.parsed + r.partial + r.raw, r.references, "{mode:?}");
        for (i, rec) in o.records.iter().enumerate() {
            assert!(rec.origin.ordinal as usize > i, "{mode:?}: ordinal {rec:?}");
        }
        check_writers(o.records);
    }
}

/// `extract_html` target: never panics; ordinals run 1..=N.
fn check_html(text: &str) {
    let e = extract_html(text);
    for (i, r) in e.references.iter().enumerate() {
        assert_eq!(r.ordinal as usize, i + 1);
    }
}

/// The text-page extractor: never panics; ordinals run 1..=N, spans lie in the text.
fn check_text_page(text: &str) {
    let e = extract_text_page(text);
    for (i, r) in e.references.iter().enumerate() {
        assert_eq!(r.ordinal as usize, i + 1);
        assert!(r.span.start <= r.span.end && r.span.end <= text.len(), "{:?}", r.span);
    }
}

/// `extract_xml` target: never panics, never expands entities.
fn check_xml(text: &str) {
    if let Ok(docs) = extract_xml(text) {
        let total: usize = docs.iter().map(|d| d.references.len()).sum();
        let bytes: usize =
            docs.iter().flat_map(|d| &d.references).map(|r| r.text.len()).sum();
        assert!(bytes <= text.len() + total, "{bytes} bytes out of {} in", text.len());
    }
}

/// `parse_reference` target: keeps the raw text; every field it fills is non-empty.
fn check_reference(text: &str) -> Reference {
    let r = parse_reference(text);
    assert_eq!(r.raw, text);
    let fields = [&r.title, &r.container, &r.volume, &r.issue, &r.doi, &r.pmid, &r.pmcid];
    for v in fields.into_iter().flatten() {
        assert!(!v.trim().is_empty(), "empty field in {r:?}");
    }
    r
}

/// `writers_roundtrip` target, for any number of records: the BibTeX re-parses with the
/// biblatex crate to as many entries, CSL-JSON and JSON lines read back, the CSV has a
/// row per record, the RIS an `ER` per record.
fn check_writers(mut refs: Vec<Reference>) {
    let mut keys = KeyGen::new();
    for r in &mut refs {
        keys.assign(r);
    }
    let n = refs.len();
    let bib = to_string(Format::Bibtex, &refs);
    let parsed = biblatex::Bibliography::parse(&bib)
        .unwrap_or_else(|e| panic!("BibTeX does not re-parse: {e:?}\n{bib}"));
    assert_eq!(parsed.len(), n, "{bib}");
    let json = to_string(Format::CslJson, &refs);
    let v: serde_json::Value = serde_json::from_str(&json).expect("CSL-JSON is JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(n), "{json}");
    let jsonl = to_string(Format::Jsonl, &refs);
    for line in jsonl.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each JSON line is JSON");
    }
    assert_eq!(jsonl.lines().count(), n, "{jsonl}");
    let csv = to_string(Format::Csv, &refs);
    let rows = ::csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(rows, n, "{csv}");
    let ris = to_string(Format::Ris, &refs);
    let ers = ris.matches("\nER  -").count() + usize::from(ris.starts_with("ER  -"));
    assert_eq!(ers, n, "{ris}");
}

/// The reference parser and then the writers, as `writers_roundtrip` does.
fn check_reference_and_writers(text: &str) {
    check_writers(vec![check_reference(text)]);
}

/// The user-supplied side inputs: a BibTeX library and a journal list never panic.
fn check_side_inputs(text: &str) {
    if let Ok(lib) = Library::parse(text, "fuzz") {
        for r in lib.entries() {
            let _ = lib.find(r);
        }
    }
    if let Ok(list) = JournalList::parse(text) {
        let mut r = parse_reference("A B. T. J Clin Oncol. 2020;1:1-2.");
        list.apply(&mut r);
    }
}

/// Every entry point on one input.
fn check_all(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    check_document(bytes);
    check_html(&text);
    check_text_page(&text);
    check_xml(&text);
    check_reference_and_writers(&text);
    check_side_inputs(&text);
}

// ---------------------------------------------------------------------------------
// Committed findings.
// ---------------------------------------------------------------------------------

fn fixture_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz").join(target)
}

/// The files of `fixtures/fuzz/<target>/`, sorted (none when the folder is absent).
fn findings(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(dir) = std::fs::read_dir(fixture_dir(target)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = dir.filter_map(|e| Some(e.ok()?.path())).collect();
    files.retain(|p| p.is_file());
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// Run `check` on every finding of `target`, each within `limit` (a debug build).
/// Returns how many there were.
fn replay(target: &str, limit: Duration, check: impl Fn(&[u8])) -> usize {
    let files = findings(target);
    for (path, bytes) in &files {
        let t = Instant::now();
        check(bytes);
        let took = t.elapsed();
        assert!(took < limit, "{}: {took:?}", path.display());
    }
    files.len()
}

#[test]
fn committed_findings() {
    let limit = Duration::from_secs(10);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let n = replay("extract_text", limit, check_document)
        + replay("extract_html", limit, |b| check_html(&text(b)))
        + replay("extract_xml", limit, |b| check_xml(&text(b)))
        + replay("writers_roundtrip", limit, |b| check_reference_and_writers(&text(b)));
    assert!(n > 0, "no findings under fixtures/fuzz/");
}

// ---------------------------------------------------------------------------------
// Findings, minimised (one test each; the input is the literal).
// ---------------------------------------------------------------------------------

/// extract_text: a header citation line whose page range starts with an invalid byte
/// (decoded to U+FFFD, three bytes) sliced the first page inside that character.
#[test]
fn text_header_page_range_after_wide_character() {
    check_document(b".2022;:\xb1-9");
    check_text_page(".2022;:\u{fffd}-9");
}

/// extract_text (found by the smoke): a short-citation line whose journal part starts
/// with a second space took the trimmed journal's length as an offset into the line.
#[test]
fn text_header_short_citation_after_two_spaces() {
    check_document("A.  \u{e9}\n".as_bytes());
    check_text_page("A.  \u{e9}\n");
}

/// parse_reference (cargo fuzz, session 2): a lone `.` where an author goes became an
/// empty literal name and then an empty title.
#[test]
fn parse_lone_full_stop_author_is_no_empty_title() {
    check_reference_and_writers(":  .: \"\"");
}

/// parse_reference (cargo fuzz, session 11): a place that is the whole of the text read
/// as a journal (`Uganda`) took its offset as the text's length minus two more than it.
#[test]
fn parse_place_that_is_the_whole_container() {
    check_reference_and_writers("?? Uganda");
}

// ---------------------------------------------------------------------------------
// The smoke: generated inputs.
// ---------------------------------------------------------------------------------

/// SplitMix64: small, deterministic, good enough to pick bytes and tokens.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

/// Pieces of PubMed pages, XML, references and BibTeX that the generators glue together,
/// so that the inputs reach past the first check of each grammar.
const TOKENS: &[&str] = &[
    "1. ",
    "2.",
    "12.",
    " - DOI",
    " - PMC",
    " - PubMed",
    "\n",
    "\n\n",
    "   ",
    " ",
    "\t",
    "References",
    "Show all 28 references",
    "Cited by",
    "PMID: ",
    "PMCID: PMC",
    "doi: ",
    "10.1056/NEJMoa2002032",
    "https://doi.org/",
    "32109013",
    "PMC7092819",
    "Epub ",
    "Sung H, Ferlay J, ",
    "et al.",
    "et al..",
    "Smith JA",
    "van der Walt S",
    "O'Brien",
    ". ",
    ", ",
    "; ",
    ": ",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "\"",
    "'",
    "–",
    "—",
    "\u{a0}",
    "2021",
    "2020 Apr 30",
    ";382(18):1708-1720",
    "71: 209–249",
    "e0240519",
    "Suppl 2",
    "N Engl J Med",
    "CA Cancer J Clin",
    "[Internet]",
    "Available at: ",
    "Accessed ",
    "<html>",
    "<body>",
    "<div class=\"references\" id=\"references\">",
    "<ol class=\"references-list\">",
    "<li>",
    "</li>",
    "<ol class=\"references-and-notes-list\">",
    "<li class=\"skip-numbering\" value=\"1\">",
    "</ol>",
    "</div>",
    "<a class=\"reference-link\" href=\"https://pubmed.ncbi.nlm.nih.gov/32109013/\">PubMed</a>",
    "<a class=\"reference-link\" data-ga-action=\"10.1000/X\" href=\"https://doi.org/10.1000/x\">DOI</a>",
    "<button class=\"show-all\" data-next-page-url=\"/32264957/references/\">Show all 7 references</button>",
    "<meta name=\"citation_title\" content=\"T\">",
    "<meta name=\"citation_author\" content=\"A B\">",
    "<i>",
    "</i>",
    "<b>",
    "<sup>",
    "&amp;",
    "&lt;",
    "&#x2013;",
    "&#99999999;",
    "&bogus;",
    "<?xml version=\"1.0\"?>",
    "<!DOCTYPE PubmedArticleSet>",
    "<!DOCTYPE x [<!ENTITY a \"b\">]>",
    "<PubmedArticleSet>",
    "</PubmedArticleSet>",
    "<PubmedArticle>",
    "</PubmedArticle>",
    "<MedlineCitation>",
    "<PMID Version=\"1\">1</PMID>",
    "<Article>",
    "<ArticleTitle>",
    "</ArticleTitle>",
    "<AuthorList>",
    "<Author><LastName>Li</LastName><ForeName>Q</ForeName></Author>",
    "<ReferenceList>",
    "</ReferenceList>",
    "<Reference>",
    "</Reference>",
    "<Citation>",
    "</Citation>",
    "<ArticleIdList>",
    "<ArticleId IdType=\"doi\">10.1/x</ArticleId>",
    "<ArticleId IdType=\"pubmed\">123</ArticleId>",
    "</ArticleIdList>",
    "<![CDATA[x]]>",
    "<!-- c -->",
    "@article{k,",
    "title = {",
    "author = {A and B}",
    "year = 2020",
    "},",
    "\"Journal of Clinical Oncology\",\"J. Clin. Oncol.\"",
    "JrId: 1",
    "MedAbbr: J Clin",
    "---",
    "\u{feff}",
    "\u{0}",
    "\r\n",
    "\r",
    "\u{fffd}",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "\u{301}",
];

/// A soup of tokens, a few random characters mixed in.
fn soup(rng: &mut Rng, max: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let n = rng.below(max) + 1;
    for _ in 0..n {
        if rng.below(8) == 0 {
            out.push((rng.next() & 0xff) as u8);
        } else {
            out.extend_from_slice(rng.pick(TOKENS).as_bytes());
        }
    }
    out
}

/// Random bytes, mostly printable ASCII.
fn noise(rng: &mut Rng, max: usize) -> Vec<u8> {
    let n = rng.below(max) + 1;
    (0..n)
        .map(|_| match rng.below(10) {
            0 => (rng.next() & 0xff) as u8,
            1 => b'\n',
            _ => b' ' + (rng.below(95) as u8),
        })
        .collect()
}

/// A fixture with a few random edits: byte flips, token insertions, cut and repeated
/// ranges.
fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut out = base.to_vec();
    for _ in 0..rng.below(6) + 1 {
        let len = out.len().max(1);
        let at = rng.below(len).min(out.len());
        match rng.below(4) {
            0 => {
                if let Some(b) = out.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let t = rng.pick(TOKENS).as_bytes().to_vec();
                out.splice(at..at, t);
            }
            2 => {
                let end = (at + rng.below(200)).min(out.len());
                out.drain(at..end);
            }
            _ => {
                let end = (at + rng.below(200)).min(out.len());
                let piece = out.get(at..end).unwrap_or_default().to_vec();
                for _ in 0..rng.below(4) + 1 {
                    out.splice(at..at, piece.iter().copied());
                }
            }
        }
    }
    out
}

/// The repository's own fixtures (pages, layouts, HTML, XML), as bases to mutate.
fn fixture_bases() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut bases = Vec::new();
    for dir in ["pages", "layouts", "html", "xml"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut paths: Vec<PathBuf> =
            entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        for p in paths {
            if let Ok(bytes) = std::fs::read(&p) {
                bases.push(bytes);
            }
        }
    }
    bases
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Run `check` on `cases` generated inputs, naming the failing one.
fn smoke(
    name: &str,
    cases: u64,
    mut make: impl FnMut(&mut Rng) -> Vec<u8>,
    check: impl Fn(&[u8]),
) {
    let seed = env_number("PUBREFS_FUZZ_SEED", 0x5eed);
    let cases = env_number("PUBREFS_FUZZ_CASES", cases);
    let mut rng = Rng(seed
        ^ name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))));
    let started = Instant::now();
    for case in 0..cases {
        let input = make(&mut rng);
        let t = Instant::now();
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&input)));
        let took = t.elapsed();
        if result.is_err() || took > Duration::from_secs(5) {
            panic!(
                "{name}: case {case} (seed {seed:#x}) failed after {took:?} on {:?}",
                String::from_utf8_lossy(&input)
            );
        }
    }
    eprintln!("{name}: {cases} cases in {:?}", started.elapsed());
}

#[test]
fn smoke_documents() {
    smoke(
        "documents",
        800,
        |rng| if rng.below(2) == 0 { soup(rng, 120) } else { noise(rng, 400) },
        check_document,
    );
}

#[test]
fn smoke_mutated_fixtures() {
    let bases = fixture_bases();
    if bases.is_empty() {
        eprintln!("no fixtures; skipped");
        return;
    }
    smoke(
        "mutated-fixtures",
        200,
        |rng| {
            let i = rng.below(bases.len());
            mutate(rng, bases.get(i).map(Vec::as_slice).unwrap_or_default())
        },
        |b| {
            check_document(b);
            let text = String::from_utf8_lossy(b);
            check_html(&text);
            check_xml(&text);
        },
    );
}

#[test]
fn smoke_extractors() {
    smoke(
        "extractors",
        2000,
        |rng| soup(rng, 80),
        |b| {
            let text = String::from_utf8_lossy(b);
            check_html(&text);
            check_text_page(&text);
            check_xml(&text);
        },
    );
}

#[test]
fn smoke_references_and_writers() {
    smoke(
        "references",
        3000,
        |rng| if rng.below(3) == 0 { noise(rng, 200) } else { soup(rng, 40) },
        |b| check_reference_and_writers(&String::from_utf8_lossy(b)),
    );
}

#[test]
fn smoke_side_inputs() {
    smoke(
        "side-inputs",
        2000,
        |rng| soup(rng, 60),
        |b| check_side_inputs(&String::from_utf8_lossy(b)),
    );
}

#[test]
fn smoke_all_entry_points_on_noise() {
    smoke("noise", 250, |rng| noise(rng, 300), check_all);
}
