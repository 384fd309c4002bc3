//! The efetch XML reader on arbitrary text: never panics, never expands entities.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    if let Ok(docs) = pubrefs::extract::xml::extract_xml(data) {
        let total: usize = docs.iter().map(|d| d.references.len()).sum();
        // Output never grows faster than the input: no entity expansion.
        let bytes: usize = docs.iter().flat_map(|d| &d.references).map(|r| r.text.len()).sum();
        assert!(bytes <= data.len() + total, "{bytes} bytes of text out of {} in", data.len());
    }
});
