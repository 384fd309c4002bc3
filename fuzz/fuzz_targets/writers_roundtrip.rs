//! Writers on whatever the parser makes of arbitrary text: the BibTeX re-parses with the
//! biblatex crate, the JSON and CSV read back, one record each.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pubrefs::emit::{Format, to_string};

fuzz_target!(|data: &str| {
    let mut r = pubrefs::parse_reference(data);
    pubrefs::key::KeyGen::new().assign(&mut r);
    let refs = [r];
    let bib = to_string(Format::Bibtex, &refs);
    let parsed = biblatex::Bibliography::parse(&bib)
        .unwrap_or_else(|e| panic!("BibTeX does not re-parse: {e:?}\n{bib}"));
    assert_eq!(parsed.len(), 1, "{bib}");
    let json = to_string(Format::CslJson, &refs);
    let v: serde_json::Value = serde_json::from_str(&json).expect("CSL-JSON is JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let csv = to_string(Format::Csv, &refs);
    assert_eq!(csv::Reader::from_reader(csv.as_bytes()).records().count(), 1, "{csv}");
    let ris = to_string(Format::Ris, &refs);
    assert_eq!(ris.matches("\nER  -").count() + usize::from(ris.starts_with("ER  -")), 1, "{ris}");
});
