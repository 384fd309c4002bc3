//! Real clients accept our outputs: bibtex, biber, bibtexparser, pybtex, rispy, pandoc,
//! the CSL-JSON schema, Python's csv and pandas (see `tests/clients/validate.py`).
//!
//! Each test writes every format for one corpus and runs the validator on it. A client
//! missing on this machine is skipped with a message; in CI (`CI=true`) it is a failure,
//! since `.ci/run` installs them all.

use std::path::Path;
use std::process::Command;

const SCHEMA: &str = "../shared/data/csl-data.json";

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Run pubrefs with `args` into a fresh directory, then the validator on it.
fn validate(name: &str, args: &[&str]) {
    if Command::new("python3").arg("--version").output().is_err() {
        assert!(!in_ci(), "python3 is required in CI");
        eprintln!("skipping {name}: python3 is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_pubrefs"))
        .args(args)
        .args(["-o", out.to_str().unwrap(), "--to", "bibtex,ris,csv,csljson,jsonl", "-q"])
        .output()
        .unwrap();
    assert!(
        o.status.code().is_some_and(|c| c < 2),
        "{name}: pubrefs failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/validate.py");
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(&out);
    if Path::new(SCHEMA).exists() {
        cmd.args(["--schema", SCHEMA]);
    }
    if in_ci() {
        cmd.arg("--require");
    }
    let v = cmd.output().unwrap();
    let report = String::from_utf8_lossy(&v.stdout);
    println!("{name}:\n{report}{}", String::from_utf8_lossy(&v.stderr));
    assert!(
        v.status.success(),
        "{name}: a client rejected the output:\n{report}\n{}",
        String::from_utf8_lossy(&v.stderr)
    );
}

fn shared(path: &str) -> Option<&str> {
    if Path::new(path).exists() {
        Some(path)
    } else {
        eprintln!("skipping: {path} is absent");
        None
    }
}

#[test]
fn fixture_pages() {
    let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pages");
    validate("fixtures/pages", &["convert", "--include", "both", pages]);
}

#[test]
fn gold_reference_strings() {
    let Some(gold) = shared("../shared/data/gold/refs.jsonl") else { return };
    // One raw string per line, as the scoring tool feeds them.
    let text = std::fs::read_to_string(gold).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("raw.txt");
    let raw: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["raw"].as_str().unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    std::fs::write(&lines, raw.join("\n") + "\n").unwrap();
    validate("gold/refs.jsonl", &["parse", lines.to_str().unwrap()]);
}

#[test]
fn pubmed_xml() {
    let Some(dir) = shared("../shared/data/pubmed-xml") else { return };
    validate("pubmed-xml", &["convert", "--include", "both", dir]);
}

#[test]
fn pubmed_html_and_text() {
    let Some(html) = shared("../shared/data/pubmed-html") else { return };
    let Some(text) = shared("../shared/data/pubmed-text") else { return };
    validate("pubmed-html + pubmed-text", &["convert", "--include", "both", html, text]);
}
