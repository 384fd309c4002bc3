//! The whole output of each writer for the fixture references, pinned as insta file
//! snapshots (`tests/snapshots/`). CI runs with `CI=true`, so a change fails instead
//! of writing a new snapshot; review with `cargo insta review`.

mod common;

use pubrefs::emit::{Format, to_string};

#[test]
fn bibtex_snapshot() {
    insta::assert_snapshot!("bibtex", to_string(Format::Bibtex, &common::references()));
}

#[test]
fn ris_snapshot() {
    let out = to_string(Format::Ris, &common::references());
    // insta compares line ends loosely, so pin CR LF here.
    assert!(
        out.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "every RIS line ends CR LF"
    );
    insta::assert_snapshot!("ris", out);
}

#[test]
fn csv_snapshot() {
    let out = to_string(Format::Csv, &common::references());
    insta::assert_snapshot!("csv", out);
}

#[test]
fn empty_outputs() {
    assert_eq!(to_string(Format::Bibtex, &[]), "");
    assert_eq!(to_string(Format::Ris, &[]), "");
    assert_eq!(
        to_string(Format::Csv, &[]),
        "source,ordinal,citing_pmid,citing_doi,key,status,type,authors,et_al,title,journal,\
         journal_abbrev,year,volume,issue,pages,doi,pmid,pmcid,url,publisher,issn,raw,cited_by\r\n"
    );
}

#[test]
fn bibtex_never_repeats_a_field_and_balances_braces() {
    common::assert_well_formed_bibtex(&to_string(Format::Bibtex, &common::references()));
}

/// Writer throughput on 120,000 references (the fixtures repeated). Ignored by default;
/// run optimised: `CARGO_PROFILE_DEV_OPT_LEVEL=3 cargo test --test emit -- --ignored
/// --nocapture throughput`.
#[test]
#[ignore]
fn throughput() {
    let fixtures = common::references();
    let refs: Vec<_> = fixtures.iter().cycle().take(120_000).cloned().collect();
    for format in [Format::Bibtex, Format::Ris, Format::Csv] {
        let mut best = f64::MAX;
        let mut bytes = 0;
        for _ in 0..5 {
            let start = std::time::Instant::now();
            let out = to_string(format, &refs);
            best = best.min(start.elapsed().as_secs_f64());
            bytes = out.len();
        }
        println!(
            "{:>7}: {} refs, {:.1} MB in {:.1} ms = {:.0} ns/ref, {:.0} MB/s",
            format.name(),
            refs.len(),
            bytes as f64 / 1e6,
            best * 1e3,
            best * 1e9 / refs.len() as f64,
            bytes as f64 / 1e6 / best
        );
    }
}
