//! End-to-end tests of the `pubrefs` binary: the seed page in every format, exit codes,
//! per-file errors, reports, atomic outputs, determinism across thread counts.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SEED: &str = "../shared/seed/000_caa8103bac0d1119.txt";

fn pubrefs(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pubrefs"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pages")
        .join(name)
        .display()
        .to_string()
}

fn seed() -> Option<&'static str> {
    if Path::new(SEED).exists() {
        Some(SEED)
    } else {
        eprintln!("skipping: {SEED} is absent");
        None
    }
}

fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn family_given(author: &serde_json::Value) -> (String, String) {
    let s = |k: &str| author[k].as_str().unwrap_or("").to_owned();
    (s("family"), s("given"))
}

/// (first three authors, title start, journal, year, volume, first page, last page)
type Expected = (
    &'static [(&'static str, &'static str)],
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static str,
);

/// Issue 2 acceptance: the seed page's five references, every field right.
#[test]
fn seed_page_to_jsonl_has_every_field() {
    let Some(seed) = seed() else { return };
    let o = pubrefs(&["convert", seed, "--to", "jsonl", "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let items = jsonl(&o);
    assert_eq!(items.len(), 5);
    let want: [Expected; 5] = [
        (
            &[("Sung", "H."), ("Ferlay", "J."), ("Siegel", "R. L.")],
            "Global Cancer Statistics 2020: GLOBOCAN estimates",
            "CA Cancer J Clin",
            2021,
            "71",
            "209",
            "249",
        ),
        (
            &[],
            "National guidelines for diagnosis and treatment of breast cancer 2022 in China (English version)",
            "Chin J Cancer Res",
            2022,
            "34",
            "151",
            "175",
        ),
        (
            &[("Vici", "P."), ("Pizzuti", "L."), ("Natoli", "C.")],
            "Triple positive breast cancer: a distinct subtype?",
            "Cancer Treat Rev",
            2015,
            "41",
            "69",
            "76",
        ),
        (
            &[("Zhou", "P."), ("Jiang", "Y. Z."), ("Hu", "X.")],
            "Clinicopathological characteristics of patients with HER2-positive breast cancer",
            "Onco Targets Ther",
            2016,
            "9",
            "2287",
            "2295",
        ),
        (
            &[("Colleoni", "M."), ("Sun", "Z."), ("Price", "K. N.")],
            "Annual hazard rates of recurrence for breast cancer during 24 years of follow-up",
            "J Clin Oncol",
            2016,
            "34",
            "927",
            "935",
        ),
    ];
    for (i, (item, (authors, title, journal, year, volume, first, last))) in
        items.iter().zip(want).enumerate()
    {
        let ctx = format!("reference {}: {item}", i + 1);
        assert_eq!(item["type"], "article-journal", "{ctx}");
        let got_authors = item["author"].as_array().expect("authors");
        if authors.is_empty() {
            assert_eq!(got_authors.len(), 1, "{ctx}");
            assert_eq!(
                got_authors[0]["literal"],
                "The National Health Commission of the People’s Republic of China",
                "{ctx}"
            );
            assert!(item["custom"]["et_al"].as_bool() != Some(true), "{ctx}");
        } else {
            let got: Vec<(String, String)> =
                got_authors.iter().map(family_given).collect();
            let want: Vec<(String, String)> =
                authors.iter().map(|(f, g)| (f.to_string(), g.to_string())).collect();
            assert_eq!(got, want, "{ctx}");
            assert_eq!(item["custom"]["et_al"], true, "{ctx}");
        }
        assert!(item["title"].as_str().unwrap().starts_with(title), "{ctx}");
        assert!(!item["title"].as_str().unwrap().ends_with('.'), "{ctx}");
        assert_eq!(item["container-title"], journal, "{ctx}");
        assert_eq!(item["issued"]["date-parts"][0][0], year, "{ctx}");
        assert_eq!(item["volume"], volume, "{ctx}");
        assert_eq!(item["page"], format!("{first}-{last}"), "{ctx}");
        assert_eq!(item["custom"]["status"], "parsed", "{ctx}");
        assert_eq!(item["custom"]["ordinal"], i as i64 + 1, "{ctx}");
    }
}

/// The same five references come out in every format.
#[test]
fn seed_page_in_every_format() {
    let Some(seed) = seed() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = pubrefs(&[
        "convert",
        seed,
        "-o",
        out.to_str().unwrap(),
        "--to",
        "bibtex,ris,csv,csljson,jsonl",
        "-q",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |ext: &str| {
        std::fs::read_to_string(out.join(format!("references.{ext}"))).unwrap()
    };
    let bib = read("bib");
    assert_eq!(
        bib.matches("\n@").count() + usize::from(bib.starts_with('@')),
        5,
        "{bib}"
    );
    assert!(bib.contains("and others}"), "{bib}");
    assert!(
        bib.contains(
            "{{The National Health Commission of the People’s Republic of China}}"
        ),
        "{bib}"
    );
    assert!(bib.contains("pages = {209--249}"), "{bib}");
    let ris = read("ris");
    assert_eq!(ris.matches("ER  -").count(), 5, "{ris}");
    assert_eq!(ris.matches("TY  - JOUR").count(), 5, "{ris}");
    let csv = read("csv");
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(rdr.records().count(), 5);
    let json: serde_json::Value = serde_json::from_str(&read("json")).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 5);
    assert_eq!(read("jsonl").lines().count(), 5);
    // The keys agree across formats.
    let first_key = json[0]["id"].as_str().unwrap();
    assert!(bib.contains(&format!("{{{first_key},")), "{first_key} not in {bib}");
}

/// Same input, same bytes, whatever the thread count.
#[test]
fn output_is_identical_for_any_jobs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pages");
    let run = |jobs: &str| {
        let o = pubrefs(&[
            "convert",
            dir.to_str().unwrap(),
            "--to",
            "jsonl",
            "-q",
            "-j",
            jobs,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        o.stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
}

/// A missing file is reported with its name, the rest is processed, exit status 1.
#[test]
fn missing_file_fails_alone() {
    let page = fixture("reader-view.txt");
    let o = pubrefs(&["convert", "/nonexistent/page.txt", &page, "--to", "jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/nonexistent/page.txt: error: no such file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(jsonl(&o).len(), 5);
    assert!(stderr(&o).contains("2 documents, 5 references"), "{}", stderr(&o));
}

/// Nothing could be done: exit status 2.
#[test]
fn nothing_done_is_status_2() {
    let o = pubrefs(&["convert", "/nonexistent/page.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let o = pubrefs(&["convert", "--to", "nonsense"]);
    assert_eq!(o.status.code(), Some(2));
    let o = pubrefs(&["convert", "--to", "bibtex,ris", &fixture("reader-view.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("several formats need a directory"));
}

/// The report has one line per document with counts and truncation.
#[test]
fn report_lines() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.jsonl");
    let copy = fixture("browser-copy.txt");
    let o = pubrefs(&[
        "convert",
        &copy,
        "--report",
        report.to_str().unwrap(),
        "-q",
        "--to",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&report).unwrap().trim()).unwrap();
    assert_eq!(line["kind"], "text-page");
    assert_eq!(line["references"], 3);
    assert_eq!(line["shown"], 3);
    assert_eq!(line["total"], 31);
    assert_eq!(line["truncated"], true);
    assert_eq!(line["citing"]["pmid"], "99999902");
    assert!(stderr(&o).contains("page shows 3 of 31 references; the rest are at https://pubmed.ncbi.nlm.nih.gov/99999902/references/"));
}

/// `-o` over an input is refused before anything is written.
#[test]
fn output_over_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::copy(fixture("reader-view.txt"), &page).unwrap();
    let before = std::fs::read(&page).unwrap();
    let o = pubrefs(&[
        "convert",
        page.to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
        "--to",
        "bibtex",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("would overwrite this input"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&page).unwrap(), before);
}

/// The same file named another way (through `..`, through a symlink) is still refused.
#[test]
fn output_over_input_spelled_otherwise_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let page = dir.path().join("page.txt");
    std::fs::copy(fixture("reader-view.txt"), &page).unwrap();
    let before = std::fs::read(&page).unwrap();
    let mut spellings = vec![dir.path().join("sub/../page.txt")];
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&page, &link).unwrap();
        spellings.push(link);
    }
    for other in &spellings {
        let o = pubrefs(&[
            "convert",
            page.to_str().unwrap(),
            "-o",
            other.to_str().unwrap(),
            "--to",
            "bibtex",
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", other.display());
        assert!(stderr(&o).contains("would overwrite this input"), "{}", stderr(&o));
        assert_eq!(std::fs::read(&page).unwrap(), before);
    }
}

/// A file output appears whole, and no temporary file is left behind.
#[test]
fn outputs_are_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("refs.bib");
    let o = pubrefs(&[
        "convert",
        &fixture("lynx-wrapped.txt"),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<PathBuf> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(names, std::slice::from_ref(&out));
    assert_eq!(std::fs::read_to_string(&out).unwrap().matches('@').count(), 3);
}

/// An output directory that cannot be created is a clear error, status 2.
#[test]
fn unwritable_output_is_an_error() {
    let o = pubrefs(&[
        "convert",
        &fixture("lynx-wrapped.txt"),
        "-o",
        "/proc/pubrefs-out/",
        "--to",
        "bibtex,ris",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/proc/pubrefs-out"), "{}", stderr(&o));
}

/// `pubrefs parse` reads one reference per line from stdin.
#[test]
fn parse_reads_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pubrefs"))
        .args(["parse", "--to", "jsonl", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Vici P, Pizzuti L. Triple positive breast cancer. Cancer Treat Rev 2015; 41: 69-76.\n\nSmith J. A title. J Test. 2020;1(2):3-4.\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let items = jsonl(&o);
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["custom"]["ordinal"], 2);
}

/// A file of reference lines larger than several streaming chunks gives, from a file
/// and from stdin, on one thread and on all, the same BibTeX, with keys made unique
/// across the chunk boundaries in input order.
#[test]
fn parse_streams_large_files_with_keys_unique_across_chunks() {
    use std::io::Write;
    let n = 45_000;
    let lines: String = (0..n)
        .map(|i| {
            let blank = if i % 1000 == 0 { "\n" } else { "" };
            format!("{blank}Smith J. The same title. J Test. 2020;1:2-3. Note {i}.\n")
        })
        .collect();
    assert!(lines.len() > 2 << 20, "{} bytes: more than two chunks", lines.len());
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("lines.txt");
    std::fs::write(&input, &lines).unwrap();
    let from_file = pubrefs(&["parse", input.to_str().unwrap(), "-q"]);
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    let one_thread = pubrefs(&["parse", input.to_str().unwrap(), "-q", "-j", "1"]);
    assert_eq!(from_file.stdout, one_thread.stdout);
    let mut child = Command::new(env!("CARGO_BIN_EXE_pubrefs"))
        .args(["parse", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(lines.as_bytes()));
    let from_stdin = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let bib = stdout(&from_file);
    let keys: Vec<&str> = bib
        .lines()
        .filter_map(|l| l.strip_prefix("@article{"))
        .map(|l| l.trim_end_matches(','))
        .collect();
    assert_eq!(keys.len(), n);
    let distinct: std::collections::HashSet<&str> = keys.iter().copied().collect();
    assert_eq!(distinct.len(), n);
    // The same base key each time, suffixed in input order across the chunks.
    let base = keys[0];
    assert!(base.starts_with("smith"), "{base}");
    for (i, suffix) in [(1, "a"), (2, "b"), (27, "aa"), (702, "zz"), (703, "aaa")] {
        assert_eq!(keys[i], format!("{base}{suffix}"), "key {i}");
    }
}

/// A closed pipe ends the run quietly.
#[test]
fn broken_pipe_is_quiet() {
    let lines: String = (0..20000)
        .map(|i| format!("Smith J{i}. Title {i}. J Test. 2020;1:{i}.\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("lines.txt");
    std::fs::write(&input, lines).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pubrefs"))
        .args(["parse", input.to_str().unwrap(), "--to", "jsonl", "-q"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Read;
        let mut first = [0u8; 16];
        child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    }
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

fn dedup_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dedup").display().to_string()
}

/// `--dedup` merges exactly the duplicated works (same DOI in two forms, same PMID, same
/// author + year + title) and lists their citing articles; `--jobs` does not matter.
#[test]
fn dedup_merges_exactly_the_duplicates() {
    let dir = dedup_dir();
    let a = format!("{dir}/page-a.txt");
    let b = format!("{dir}/page-b.txt");
    let run = |jobs: &str| {
        pubrefs(&["convert", &a, &b, "--dedup", "--to", "jsonl", "-j", jobs])
    };
    let o = run("1");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("9 references (9 parsed, 0 partial), 3 merged as duplicates"),
        "{}",
        stderr(&o)
    );
    let items = jsonl(&o);
    assert_eq!(items.len(), 6, "4 + 5 references, 3 of them shared");
    let cited_by = |i: usize| -> Vec<String> {
        items[i]["custom"]["cited_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    for (i, item) in items.iter().enumerate().take(3) {
        assert_eq!(cited_by(i), ["99990001", "99990002"], "{item}");
    }
    // Two Slamon papers of different years and titles stay apart.
    assert_eq!(cited_by(3), ["99990001"]);
    assert_eq!(cited_by(4), ["99990002"]);
    assert_eq!(o.stdout, run("4").stdout);
}

/// `--merge-with`: works already in the library are not emitted again; with `--all`
/// they keep the library's key and the library's other entries come too.
#[test]
fn merge_with_an_existing_library() {
    let dir = dedup_dir();
    let lib = format!("{dir}/library.bib");
    let page = format!("{dir}/page-a.txt");
    let o = pubrefs(&["convert", &page, "--merge-with", &lib, "--to", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 already in the library"), "{}", stderr(&o));
    let items = jsonl(&o);
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|i| i["id"] != "siegel2020stats"));
    let o = pubrefs(&["convert", &page, "--merge-with", &lib, "--all", "--to", "jsonl"]);
    let items = jsonl(&o);
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert_eq!(ids[1], "siegel2020stats");
    assert_eq!(ids[4], "knuth1984");
}

/// `--journals` with the NLM list gives the seed page's journals their full titles and
/// ISSNs.
#[test]
fn journals_list_expands_the_seed_journals() {
    let Some(seed) = seed() else { return };
    let list = "../shared/data/journals/citation-style-language__abbreviations/ncbi/J_Sequence.txt";
    if !Path::new(list).exists() {
        eprintln!("skipping: {list} is absent");
        return;
    }
    let o = pubrefs(&["convert", seed, "--journals", list, "--to", "jsonl", "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let items = jsonl(&o);
    let text = std::fs::read_to_string(list).unwrap();
    let mut expanded = 0;
    for item in &items {
        let short = item["container-title-short"]
            .as_str()
            .or(item["container-title"].as_str())
            .unwrap();
        let in_list = text.contains(&format!("MedAbbr: {short}\n"));
        if in_list {
            expanded += 1;
            assert_ne!(item["container-title"].as_str(), Some(short), "{item}");
            assert!(item["ISSN"].is_string(), "{item}");
        }
    }
    assert!(expanded >= 3, "only {expanded} seed journals found in the list");
}

/// Issue 2 acceptance: the seed page's BibTeX re-parses with the biblatex crate to the same
/// values as the canonical JSONL view.
#[test]
fn seed_bibtex_reparses_to_the_same_values() {
    use biblatex::{Bibliography, ChunksExt};
    let Some(seed) = seed() else { return };
    let bib = stdout(&pubrefs(&["convert", seed, "--to", "bibtex", "-q"]));
    let items = jsonl(&pubrefs(&["convert", seed, "--to", "jsonl", "-q"]));
    let parsed = Bibliography::parse(&bib).expect("the BibTeX parses");
    assert_eq!(parsed.len(), items.len());
    for (entry, item) in parsed.iter().zip(&items) {
        let ctx = format!("{bib}\n{item}");
        assert_eq!(entry.key, item["id"].as_str().unwrap(), "{ctx}");
        let field = |k: &str| entry.get(k).map(|c| c.format_verbatim());
        // Titles come back without the braces that protect capitals.
        assert_eq!(field("title").as_deref(), item["title"].as_str(), "{ctx}");
        assert_eq!(
            field("journal").as_deref(),
            item["container-title"].as_str(),
            "{ctx}"
        );
        assert_eq!(
            field("year"),
            Some(item["issued"]["date-parts"][0][0].to_string()),
            "{ctx}"
        );
        assert_eq!(field("volume").as_deref(), item["volume"].as_str(), "{ctx}");
        let pages = field("pages").map(|p| p.replace(['–', '—'], "-").replace("--", "-"));
        assert_eq!(pages.as_deref(), item["page"].as_str(), "{ctx}");
        let authors = entry.author().unwrap_or_default();
        let want = item["author"].as_array().unwrap();
        let et_al = item["custom"]["et_al"] == true;
        // `and others` is how BibTeX says et al.
        let named: Vec<_> = authors.iter().filter(|p| p.name != "others").collect();
        assert_eq!(named.len(), want.len(), "{ctx}");
        assert_eq!(authors.len() - named.len(), usize::from(et_al), "{ctx}");
        for (p, a) in named.iter().zip(want) {
            match a["literal"].as_str() {
                Some(l) => assert_eq!(p.name, l, "{ctx}"),
                None => {
                    assert_eq!(p.name, a["family"].as_str().unwrap(), "{ctx}");
                    assert_eq!(p.given_name, a["given"].as_str().unwrap(), "{ctx}");
                }
            }
        }
    }
}

/// A page's reference list settles what one reference cannot: a ditto rule repeats
/// the authors above it. Reference lines are each parsed on their own.
#[test]
fn a_page_list_repeats_ditto_authors() {
    let page = fixture("list-settles.txt");
    let o = pubrefs(&["convert", "--to", "jsonl", &page]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(lines.len(), 3, "every reference comes out");
    assert_eq!(
        lines[1]["author"], lines[0]["author"],
        "the ditto rule repeats the authors"
    );
    assert_eq!(lines[1]["author"][0]["family"], "Scott");
    assert_eq!(lines[1]["title"], "Tales of a Grandfather");
    assert_eq!(lines[2]["author"][0]["family"], "Smith");
}
