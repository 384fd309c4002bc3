//! One synthetic page in every common text layout (fixtures/layouts): every layout gives
//! the same references, the same total, and the same citing article.

use std::path::Path;

use pubrefs::model::DocumentKind;

#[test]
fn every_layout_gives_the_same_references() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/layouts");
    let expected: Vec<String> = std::fs::read_to_string(dir.join("expected.txt"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let mut layouts = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "expected.txt" || name == "README.md" {
            continue;
        }
        layouts += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(pubrefs::read::sniff(&text), DocumentKind::TextPage, "{name}");
        let docs = pubrefs::extract(DocumentKind::TextPage, &text).unwrap();
        let e = &docs[0];
        let got: Vec<&str> = e.references.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(got, expected, "{name}");
        assert_eq!(e.total, Some(12), "{name}");
        assert!(
            e.warnings.iter().any(|w| w.contains("99999910/references/")),
            "{name}: {:?}",
            e.warnings
        );
        let citing =
            e.citing.as_ref().unwrap_or_else(|| panic!("{name}: no citing article"));
        assert_eq!(citing.pmid.as_deref(), Some("99999910"), "{name}");
        assert_eq!(citing.doi.as_deref(), Some("10.9999/pubrefs.layout"), "{name}");
        assert_eq!(
            citing.title.as_deref(),
            Some("A synthetic page for layout tests"),
            "{name}"
        );
        assert_eq!(citing.volume.as_deref(), Some("7"), "{name}");
        if name.starts_with("reader-links") {
            let ids = &e.references[0].ids;
            assert_eq!(ids.doi.as_deref(), Some("10.1038/s41586-020-2008-3"));
            assert_eq!(ids.pmcid.as_deref(), Some("PMC7094943"));
            assert_eq!(ids.pmid.as_deref(), Some("32015508"));
        }
    }
    assert_eq!(layouts, 7);
}
