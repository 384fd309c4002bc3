//! Text-page extraction on the shared real renderings (lynx, w3m, pandoc, html2text):
//! every reference in order, equal to the page's truth, truncation totals right.

use std::path::Path;

use pubrefs::model::DocumentKind;

const DATA: &str = "../shared/data/pubmed-text";

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn renderings_match_truth() {
    let dir = Path::new(DATA);
    if !dir.exists() {
        eprintln!("skipping: {DATA} is absent");
        return;
    }
    let truth = std::fs::read_to_string(dir.join("truth.jsonl")).unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in truth.lines() {
        let t: serde_json::Value = serde_json::from_str(line).unwrap();
        let page = t["page"].as_str().unwrap();
        let want: Vec<String> = t["references"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| fold(v.as_str().unwrap()))
            .collect();
        let total = t["total"].as_u64().map(|n| n as u32);
        for tool in ["lynx", "w3m", "pandoc", "html2text"] {
            let path = dir.join(tool).join(format!("{page}.txt"));
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                pubrefs::read::sniff(&text),
                DocumentKind::TextPage,
                "{}",
                path.display()
            );
            let docs = pubrefs::extract(DocumentKind::TextPage, &text).unwrap();
            assert_eq!(docs.len(), 1);
            let e = &docs[0];
            let got: Vec<String> = e.references.iter().map(|r| r.text.clone()).collect();
            if got != want {
                failures.push(format!("{tool}/{page}: got {got:#?}\nwant {want:#?}"));
            }
            if e.total != total {
                failures
                    .push(format!("{tool}/{page}: total {:?}, want {total:?}", e.total));
            }
            if want.is_empty()
                && !e.warnings.iter().any(|w| w.contains("no reference list"))
            {
                failures.push(format!(
                    "{tool}/{page}: no warning for a page without references"
                ));
            }
            if total.is_some_and(|n| n as usize > want.len())
                && !e.warnings.iter().any(|w| w.contains("references/"))
            {
                failures.push(format!(
                    "{tool}/{page}: truncation not reported: {:?}",
                    e.warnings
                ));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} renderings wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
