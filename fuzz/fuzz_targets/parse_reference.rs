//! The reference parser: never panics, keeps the raw text, and every field it fills
//! is non-empty text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let r = pubrefs::parse_reference(data);
    assert_eq!(r.raw, data);
    for field in [&r.title, &r.container, &r.volume, &r.issue, &r.doi, &r.pmid, &r.pmcid] {
        if let Some(v) = field {
            assert!(!v.trim().is_empty(), "empty field in {r:?}");
        }
    }
});
