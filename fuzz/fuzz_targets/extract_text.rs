//! The whole document path on arbitrary bytes (decode, sniff, extract, parse): never
//! panics, and the counts agree with the records.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pubrefs::batch::{Mode, Settings, process_bytes};

fuzz_target!(|data: &[u8]| {
    let o = process_bytes("fuzz", data, &Settings::new(Mode::Convert));
    let r = &o.report;
    assert_eq!(r.references, o.records.len());
    assert_eq!(r.parsed + r.partial + r.raw, r.references);
    for (i, rec) in o.records.iter().enumerate() {
        assert!(rec.origin.ordinal as usize > i);
    }
});
