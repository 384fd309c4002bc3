//! The HTML extractor on arbitrary text: never panics; ordinals run 1..=N.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let e = pubrefs::extract::html::extract_html(data);
    for (i, r) in e.references.iter().enumerate() {
        assert_eq!(r.ordinal as usize, i + 1);
    }
});
