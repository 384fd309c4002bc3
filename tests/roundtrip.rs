//! Round trips through independent readers:
//!
//! - BibTeX re-parses with the `biblatex` crate to the same values (fixtures, and a
//!   proptest over titles and names full of LaTeX specials and Unicode);
//! - RIS re-parses with the `biblib` crate to the same fields and record count;
//! - CSV reads back with the `csv` crate to the same cells;
//! - when `bibtex` is installed, it runs on the output with `plain.bst` without errors.

mod common;

use biblatex::{Bibliography, ChunksExt, Entry, Person as BibPerson};
use biblib::CitationParser;
use proptest::prelude::*;
use pubrefs::emit::{Format, csv::COLUMNS, to_string};
use pubrefs::{Name, RefType, Reference, Status};

/// White space folded to single spaces and trimmed, as every writer does.
fn fold(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a TeX reader makes of a folded text: `--` and `---` are dashes in LaTeX (the
/// writer keeps them, as the author meant them).
fn tex_text(s: &str) -> String {
    fold(s).replace("---", "—").replace("--", "–")
}

fn field(e: &Entry, name: &str) -> Option<String> {
    e.get(name).map(|c| c.format_verbatim())
}

fn persons(e: &Entry, name: &str) -> Vec<BibPerson> {
    e.get_as::<Vec<BibPerson>>(name).unwrap_or_default()
}

/// `(family with particle, given, suffix)` as the biblatex crate reads them back.
fn read_name(p: &BibPerson) -> (String, String, String) {
    let family = [p.prefix.trim(), p.name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (family, p.given_name.trim().to_string(), p.suffix.trim().to_string())
}

/// `(family with particle, given, suffix)` of one of our names, as written.
fn our_name(n: &Name) -> (String, String, String) {
    match n {
        Name::Literal(l) => (tex_text(l), String::new(), String::new()),
        Name::Person(p) => (
            tex_text(&p.full_family()),
            tex_text(&p.given),
            p.suffix.as_deref().map(tex_text).unwrap_or_default(),
        ),
    }
}

/// Check one entry against the reference it was written from.
fn check_bibtex(r: &Reference, e: &Entry) -> Result<(), String> {
    let want_authors: Vec<_> = r.authors.iter().map(our_name).collect();
    let mut got_authors: Vec<_> = persons(e, "author").iter().map(read_name).collect();
    if r.et_al && !r.authors.is_empty() {
        let others = got_authors.pop();
        if others.as_ref().map(|o| o.0.as_str()) != Some("others") {
            return Err(format!("et al. not written as `and others`: {others:?}"));
        }
    }
    if got_authors != want_authors {
        return Err(format!("authors: {got_authors:?} != {want_authors:?}"));
    }
    let got_editors: Vec<_> = persons(e, "editor").iter().map(read_name).collect();
    let want_editors: Vec<_> = r.editors.iter().map(our_name).collect();
    if got_editors != want_editors {
        return Err(format!("editors: {got_editors:?} != {want_editors:?}"));
    }
    let same = |name: &str, want: Option<String>| -> Result<(), String> {
        let want = want.filter(|w| !w.is_empty());
        let got = field(e, name);
        if got == want { Ok(()) } else { Err(format!("{name}: {got:?} != {want:?}")) }
    };
    same("title", r.title.as_deref().map(tex_text))?;
    if r.kind == RefType::Article {
        same("journal", r.container.as_deref().map(tex_text))?;
    }
    if matches!(r.kind, RefType::Chapter | RefType::Conference) {
        same("booktitle", r.container.as_deref().map(tex_text))?;
    }
    same("year", r.year().map(|y| y.to_string()))?;
    same("volume", r.volume.as_deref().map(tex_text))?;
    same("number", r.issue.as_deref().map(tex_text))?;
    same(
        "pages",
        r.pages.as_ref().map(|p| match &p.last {
            Some(last) => format!("{}–{}", tex_text(&p.first), tex_text(last)),
            None => tex_text(&p.first),
        }),
    )?;
    // The biblatex crate turns `--` into a dash even in its verbatim fields (biber and
    // the url package do not); compare as it reads them.
    same("doi", r.doi.as_deref().map(tex_text))?;
    same("pmid", r.pmid.clone())?;
    same("pmcid", r.pmcid.clone())?;
    same("url", r.url.as_deref().map(tex_text))?;
    if r.status != Status::Parsed {
        let note = field(e, "note").unwrap_or_default();
        if !note.contains(&tex_text(&r.raw)) {
            return Err(format!("note {note:?} lacks the raw text {:?}", r.raw));
        }
    }
    if let Some(m) = r.date.and_then(|d| d.month).filter(|m| (1..=12).contains(m)) {
        let date = e.date().map_err(|err| format!("date: {err:?}"))?;
        let got = match date {
            biblatex::PermissiveType::Typed(d) => match d.value {
                biblatex::DateValue::At(dt) => dt.month,
                other => return Err(format!("date value {other:?}")),
            },
            other => return Err(format!("date {other:?}")),
        };
        // biblatex months are zero-based
        if got != Some(m - 1) {
            return Err(format!("month {got:?} != {m}"));
        }
    }
    Ok(())
}

fn parse_bibtex(out: &str) -> Bibliography {
    match Bibliography::parse(out) {
        Ok(b) => b,
        Err(e) => panic!("biblatex cannot parse our output: {e:?}\n{out}"),
    }
}

#[test]
fn bibtex_fixtures_reparse_to_the_same_values() {
    let refs = common::references();
    let out = to_string(Format::Bibtex, &refs);
    let bib = parse_bibtex(&out);
    assert_eq!(bib.len(), refs.len());
    for r in &refs {
        let e = bib.get(&r.key).unwrap_or_else(|| panic!("no entry {}", r.key));
        if let Err(msg) = check_bibtex(r, e) {
            panic!("{}: {msg}\n{out}", r.key);
        }
    }
}

#[test]
fn ris_fixtures_reparse_to_the_same_fields() {
    let refs = common::references();
    let out = to_string(Format::Ris, &refs);
    let cites = match biblib::RisParser::new().parse(&out) {
        Ok(c) => c,
        Err(e) => panic!("biblib cannot parse our RIS: {e:?}\n{out}"),
    };
    assert_eq!(cites.len(), refs.len(), "record count");
    for (r, c) in refs.iter().zip(&cites) {
        let ctx = format!("record {} ({})", r.origin.ordinal, r.key);
        assert_eq!(
            c.title,
            r.title.as_deref().map(fold).unwrap_or_default(),
            "{ctx}: title"
        );
        // biblib reads AU, A2 and A3 all as authors; it splits a name at its first comma
        // (or, without one, at its first space) and joins the rest.
        let got: Vec<String> = c
            .authors
            .iter()
            .map(|a| {
                let given = [a.given_name.as_deref(), a.middle_name.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                fold(&format!("{} {}", a.name, given))
            })
            .collect();
        let want: Vec<String> = r
            .authors
            .iter()
            .chain(&r.editors)
            .map(|n| match n {
                Name::Literal(l) => fold(l),
                Name::Person(p) => fold(&format!(
                    "{} {} {}",
                    p.full_family(),
                    p.given,
                    p.suffix.as_deref().unwrap_or_default()
                )),
            })
            .collect();
        assert_eq!(got, want, "{ctx}: names");
        assert_eq!(c.journal, r.container, "{ctx}: journal or book title");
        assert_eq!(c.journal_abbr, r.container_short, "{ctx}: abbreviation");
        assert_eq!(c.date.as_ref().map(|d| d.year), r.year(), "{ctx}: year");
        assert_eq!(
            c.date.as_ref().and_then(|d| d.month),
            r.date.and_then(|d| d.month),
            "{ctx}"
        );
        assert_eq!(c.volume, r.volume, "{ctx}: volume");
        assert_eq!(c.issue, r.issue, "{ctx}: issue");
        assert_eq!(c.pages, r.pages.as_ref().map(ToString::to_string), "{ctx}: pages");
        assert_eq!(c.doi, r.doi, "{ctx}: doi");
        assert_eq!(c.pmc_id, r.pmcid, "{ctx}: pmcid");
        assert_eq!(c.publisher, r.publisher, "{ctx}: publisher");
        let m2 = c.extra_fields.get("M2").cloned().unwrap_or_default();
        let want_m2: Vec<String> = [
            r.pmid.as_ref().map(|p| format!("PMID: {p}")),
            r.pmcid.as_ref().map(|p| format!("PMCID: {p}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert_eq!(m2, want_m2, "{ctx}: M2 lines");
        if r.status != Status::Parsed {
            let notes = c.extra_fields.get("N1").cloned().unwrap_or_default();
            assert!(notes.contains(&fold(&r.raw)), "{ctx}: raw text in N1: {notes:?}");
        }
    }
}

/// The cells we expect for a reference, computed here independently of the writer.
fn expected_cells(r: &Reference) -> Vec<String> {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let authors = r
        .authors
        .iter()
        .map(|n| match n {
            Name::Literal(l) => l.trim().to_string(),
            Name::Person(p) => {
                let mut parts = vec![p.full_family()];
                parts.extend(
                    [Some(p.given.clone()), p.suffix.clone()].into_iter().flatten(),
                );
                let mut parts: Vec<String> =
                    parts.iter().map(|s| s.trim().to_string()).collect();
                parts.retain(|s| !s.is_empty());
                parts.join(", ")
            }
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let citing = r.citing.clone().unwrap_or_default();
    vec![
        r.origin.source.clone(),
        r.origin.ordinal.to_string(),
        o(&citing.pmid),
        o(&citing.doi),
        r.key.clone(),
        r.status.as_str().to_string(),
        r.kind.csl().to_string(),
        authors,
        r.et_al.to_string(),
        o(&r.title),
        o(&r.container),
        o(&r.container_short),
        r.year().map(|y| y.to_string()).unwrap_or_default(),
        o(&r.volume),
        o(&r.issue),
        r.pages.as_ref().map(ToString::to_string).unwrap_or_default(),
        o(&r.doi),
        o(&r.pmid),
        o(&r.pmcid),
        o(&r.url),
        o(&r.publisher),
        o(&r.issn),
        r.raw.clone(),
        r.cited_by.join("; "),
    ]
}

fn read_csv(out: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rd = csv::Reader::from_reader(out.as_bytes());
    let header = rd.headers().expect("header row").iter().map(str::to_string).collect();
    let rows = rd
        .records()
        .map(|rec| rec.expect("a CSV record").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_fixtures_read_back_to_the_same_cells() {
    let mut refs = common::references();
    refs[0].cited_by = vec!["32000000".into(), "fixtures/other.txt".into()];
    let (header, rows) = read_csv(&to_string(Format::Csv, &refs));
    assert_eq!(header, COLUMNS);
    assert_eq!(rows.len(), refs.len());
    for (r, row) in refs.iter().zip(&rows) {
        assert_eq!(row, &expected_cells(r), "row {}", r.origin.ordinal);
    }
}

/// Text with every LaTeX special, braces, quotes, Unicode and odd white space.
fn hostile_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z0-9 ,.:;'\"()&%$#_{}~^\\\\@=/\\-\\t\\néüßÉβΩ中文–—]{0,40}",
    )
    .expect("a valid regex")
}

/// A name part: at least one letter, with the same hostile characters.
fn hostile_name() -> impl Strategy<Value = String> {
    (
        "[A-Za-zÉéüβ中]",
        proptest::string::string_regex("[a-zA-Z'&%$#_{}~^\\\\ é中\\-]{0,12}")
            .expect("regex"),
    )
        .prop_map(|(head, tail)| format!("{head}{tail}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn bibtex_roundtrips_hostile_text(
        title in hostile_text(),
        journal in hostile_text(),
        family in hostile_name(),
        given in proptest::option::of(hostile_name()),
        literal in hostile_name(),
        et_al in any::<bool>(),
        volume in "[0-9A-Za-z_%{}-]{0,6}",
        doi in "10\\.[0-9]{4}/[a-zA-Z0-9_%#~^.;()<>{}\\\\-]{1,20}",
    ) {
        let r = Reference {
            key: "k".into(),
            authors: vec![
                Name::Person(pubrefs::Person::new(family, given.unwrap_or_default())),
                Name::Literal(literal),
            ],
            et_al,
            title: Some(title),
            container: Some(journal),
            volume: Some(volume),
            doi: Some(doi.clone()),
            date: common::date(2020, Some(2), None),
            ..Reference::default()
        };
        let out = to_string(Format::Bibtex, std::slice::from_ref(&r));
        let bib = Bibliography::parse(&out)
            .map_err(|e| TestCaseError::fail(format!("{e:?}\n{out}")))?;
        let e = bib.get("k").ok_or_else(|| TestCaseError::fail(format!("no entry\n{out}")))?;
        // DOIs keep every character but `{ } \`, which are percent-encoded.
        let doi = fold(&doi).replace('\\', "%5C").replace('{', "%7B").replace('}', "%7D");
        let r = Reference { doi: Some(doi), ..r };
        check_bibtex(&r, e).map_err(|m| TestCaseError::fail(format!("{m}\n{out}")))?;
    }

    #[test]
    fn csv_roundtrips_hostile_text(title in hostile_text(), raw in hostile_text()) {
        let r = Reference { title: Some(title), raw, ..Reference::default() };
        let (_, rows) = read_csv(&to_string(Format::Csv, std::slice::from_ref(&r)));
        prop_assert_eq!(rows, vec![expected_cells(&r)]);
    }
}

/// Run `bibtex` with `plain.bst` on the output, when TeX is installed.
#[test]
fn bibtex_plain_bst_accepts_the_output() {
    let Ok(status) = std::process::Command::new("bibtex").arg("--version").output()
    else {
        eprintln!("skipped: `bibtex` is not installed (issue 7 installs TeX in CI)");
        return;
    };
    if !status.status.success() {
        eprintln!("skipped: `bibtex --version` failed");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let refs = common::references();
    std::fs::write(dir.path().join("refs.bib"), to_string(Format::Bibtex, &refs))
        .expect("write refs.bib");
    let aux = "\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n";
    std::fs::write(dir.path().join("doc.aux"), aux).expect("write doc.aux");
    let run = std::process::Command::new("bibtex")
        .arg("doc")
        .current_dir(dir.path())
        .output()
        .expect("run bibtex");
    let log = String::from_utf8_lossy(&run.stdout);
    // bibtex exits 1 on warnings (missing fields are expected here), 2 on errors.
    assert!(matches!(run.status.code(), Some(0 | 1)), "bibtex failed:\n{log}");
    assert!(!log.contains("error message"), "bibtex reported errors:\n{log}");
    let bbl = std::fs::read_to_string(dir.path().join("doc.bbl")).expect("read doc.bbl");
    assert_eq!(
        bbl.matches("\\bibitem{").count(),
        refs.len(),
        "one item per entry:\n{bbl}"
    );
}

/// A small deterministic generator of hostile strings (xorshift), for the external
/// tools, which run once on a whole file rather than per proptest case.
struct Hostile(u64);

impl Hostile {
    const ALPHABET: &'static [&'static str] = &[
        "a",
        "B",
        "z",
        "Q",
        "7",
        " ",
        " ",
        "&",
        "%",
        "$",
        "#",
        "_",
        "{",
        "}",
        "~",
        "^",
        "\\",
        ",",
        "'",
        "\"",
        "@",
        "=",
        "-",
        "--",
        "é",
        "ü",
        "β",
        "中",
        "–",
        "\n",
        "\t",
        "and",
        "AND",
        "others",
        "{\\",
        "\\}",
        "}{",
        "%}",
        "@article{",
        "http://x.org/",
        "RNA",
        "%0A",
    ];

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn text(&mut self, max: u64) -> String {
        let len = self.next() % (max + 1);
        (0..len)
            .map(|_| {
                let i = self.next() as usize % Self::ALPHABET.len();
                Self::ALPHABET.get(i).copied().unwrap_or("x")
            })
            .collect()
    }
}

/// `n` hostile references, with keys that differ from the fixtures' keys.
fn hostile_references(n: u32) -> Vec<Reference> {
    let mut g = Hostile(0x9E37_79B9_7F4A_7C15);
    let mut keys = pubrefs::key::KeyGen::new();
    for r in common::references() {
        keys.reserve(&r.key);
    }
    (1..=n)
        .map(|i| {
            let kinds =
                [RefType::Article, RefType::Web, RefType::Chapter, RefType::Document];
            let kind = kinds.get(i as usize % kinds.len()).copied().unwrap_or_default();
            let mut r = Reference {
                kind,
                authors: vec![
                    Name::Person(pubrefs::Person {
                        family: g.text(6),
                        given: g.text(4),
                        particle: Some(g.text(2)),
                        suffix: Some(g.text(2)),
                    }),
                    Name::Literal(g.text(8)),
                ],
                editors: vec![Name::Person(pubrefs::Person::new(g.text(5), g.text(3)))],
                et_al: i % 2 == 0,
                title: Some(g.text(30)),
                container: Some(g.text(10)),
                container_short: Some(g.text(5)),
                date: common::date(2000 + (i % 30) as i32, Some((i % 14) as u8), None),
                volume: Some(g.text(3)),
                issue: Some(g.text(3)),
                pages: Some(pubrefs::Pages { first: g.text(3), last: Some(g.text(3)) }),
                doi: Some(format!("10.1000/{}", g.text(8))),
                url: Some(format!("http://x.org/{}", g.text(8))),
                publisher: Some(g.text(6)),
                note: Some(g.text(10)),
                keywords: vec![g.text(4), g.text(4)],
                abstract_text: Some(g.text(20)),
                raw: g.text(30),
                status: if i % 3 == 0 { Status::Partial } else { Status::Parsed },
                origin: pubrefs::Origin { ordinal: i, ..Default::default() },
                ..Reference::default()
            };
            keys.assign(&mut r);
            r
        })
        .collect()
}

/// Hostile text in RIS and CSV: every record comes back, with its title and raw text.
#[test]
fn hostile_ris_and_csv_keep_every_record() {
    let refs = hostile_references(300);
    let cites = biblib::RisParser::new()
        .parse(&to_string(Format::Ris, &refs))
        .unwrap_or_else(|e| panic!("biblib: {e:?}"));
    assert_eq!(cites.len(), refs.len());
    for (r, c) in refs.iter().zip(&cites) {
        assert_eq!(c.title, r.title.as_deref().map(fold).unwrap_or_default());
    }
    let (_, rows) = read_csv(&to_string(Format::Csv, &refs));
    assert_eq!(rows.len(), refs.len());
    for (r, row) in refs.iter().zip(&rows) {
        assert_eq!(row, &expected_cells(r));
    }
}

/// The fixtures and 120 entries full of specials through the real tools, when they
/// are installed: `bibtex` (plain.bst) and `biber --tool` (it parses and re-writes the
/// file) read them without an error (warnings for missing fields and for `pmid`,
/// which is not in biblatex's data model, are expected), and keep every entry. The
/// `biblatex` crate parses the file too.
#[test]
fn real_tools_accept_fixtures_and_hostile_entries() {
    let mut refs = common::references();
    refs.extend(hostile_references(120));
    let out = to_string(Format::Bibtex, &refs);
    common::assert_well_formed_bibtex(&out);
    let bib = parse_bibtex(&out);
    assert_eq!(bib.len(), refs.len());
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("refs.bib"), &out).expect("write refs.bib");
    std::fs::write(
        dir.path().join("doc.aux"),
        "\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n",
    )
    .expect("write doc.aux");
    match std::process::Command::new("bibtex").arg("doc").current_dir(dir.path()).output()
    {
        Err(_) => eprintln!("skipped bibtex: not installed"),
        Ok(run) => {
            let log = String::from_utf8_lossy(&run.stdout);
            assert!(matches!(run.status.code(), Some(0 | 1)), "bibtex failed:\n{log}");
            assert!(!log.contains("error message"), "bibtex reported errors:\n{log}");
            let bbl =
                std::fs::read_to_string(dir.path().join("doc.bbl")).expect("doc.bbl");
            assert_eq!(bbl.matches("\\bibitem{").count(), refs.len());
        }
    }
    match std::process::Command::new("biber")
        .args(["--tool", "--output-file=out.bib", "refs.bib"])
        .current_dir(dir.path())
        .output()
    {
        Err(_) => eprintln!("skipped biber: not installed"),
        Ok(run) => {
            let log = String::from_utf8_lossy(&run.stdout);
            assert!(run.status.success(), "biber failed:\n{log}");
            assert!(!log.contains("ERROR"), "biber reported errors:\n{log}");
            let out =
                std::fs::read_to_string(dir.path().join("out.bib")).expect("out.bib");
            for r in &refs {
                assert!(out.contains(&format!("{{{},", r.key)), "biber lost {}", r.key);
            }
        }
    }
}

/// The real reference data of `../shared/data/gold/refs.jsonl` (3,778 references with
/// gold fields), when it is present.
fn gold_references() -> Option<Vec<Reference>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/gold/refs.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    };
    let s = |v: &serde_json::Value, k: &str| {
        v.get(k).and_then(|x| x.as_str()).map(str::to_string).filter(|x| !x.is_empty())
    };
    let mut keys = pubrefs::key::KeyGen::new();
    let refs = text
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let kind = match v.get("type").and_then(|t| t.as_str()) {
                Some("article") => RefType::Article,
                Some("book") => RefType::Book,
                Some("chapter") => RefType::Chapter,
                Some("web") => RefType::Web,
                Some("conference") => RefType::Conference,
                Some("thesis") => RefType::Thesis,
                Some("report") => RefType::Report,
                _ => RefType::Document,
            };
            let authors = v
                .get("authors")
                .and_then(|a| a.as_array())
                .map(|list| {
                    list.iter()
                        .filter_map(|a| match s(a, "literal") {
                            Some(l) => Some(Name::Literal(l)),
                            None => Some(Name::Person(pubrefs::Person::new(
                                s(a, "family")?,
                                s(a, "given").unwrap_or_default(),
                            ))),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let year = s(&v, "year").and_then(|y| y.parse().ok());
            let mut r = Reference {
                kind,
                authors,
                et_al: v.get("et_al").and_then(|e| e.as_bool()).unwrap_or(false),
                title: s(&v, "title"),
                container: s(&v, "container"),
                date: year.and_then(|y| common::date(y, None, None)),
                volume: s(&v, "volume"),
                issue: s(&v, "issue"),
                pages: s(&v, "first_page")
                    .map(|first| pubrefs::Pages { first, last: s(&v, "last_page") }),
                doi: s(&v, "doi"),
                pmid: s(&v, "pmid"),
                pmcid: s(&v, "pmcid"),
                url: s(&v, "url"),
                publisher: s(&v, "publisher"),
                raw: s(&v, "raw").unwrap_or_default(),
                origin: pubrefs::Origin { ordinal: i as u32 + 1, ..Default::default() },
                ..Reference::default()
            };
            keys.assign(&mut r);
            Some(r)
        })
        .collect();
    Some(refs)
}

/// Real titles, names, DOIs and URLs: BibTeX re-parses to the same values, RIS and CSV
/// keep every record, and `bibtex` (when installed) reads the file without errors.
#[test]
fn gold_references_roundtrip() {
    let Some(refs) = gold_references() else { return };
    assert!(refs.len() > 3000, "read {} gold references", refs.len());
    let out = to_string(Format::Bibtex, &refs);
    common::assert_well_formed_bibtex(&out);
    let bib = parse_bibtex(&out);
    assert_eq!(bib.len(), refs.len());
    let failures: Vec<String> = refs
        .iter()
        .filter_map(|r| {
            let e = bib.get(&r.key)?;
            check_bibtex(r, e).err().map(|m| format!("{}: {m}", r.key))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {}:\n{}",
        failures.len(),
        refs.len(),
        failures.join("\n")
    );
    let cites = biblib::RisParser::new()
        .parse(&to_string(Format::Ris, &refs))
        .unwrap_or_else(|e| panic!("biblib: {e:?}"));
    assert_eq!(cites.len(), refs.len());
    let (_, rows) = read_csv(&to_string(Format::Csv, &refs));
    assert_eq!(rows.len(), refs.len());
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("refs.bib"), &out).expect("write refs.bib");
    std::fs::write(
        dir.path().join("doc.aux"),
        "\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n",
    )
    .expect("write doc.aux");
    if let Ok(run) =
        std::process::Command::new("bibtex").arg("doc").current_dir(dir.path()).output()
    {
        let log = String::from_utf8_lossy(&run.stdout);
        assert!(!log.contains("error message"), "bibtex reported errors:\n{log}");
    }
}
