//! Key: unique, stable citation keys (`sung2021global`), assigned in one sequential pass.

use std::collections::HashSet;

use crate::model::Reference;

/// Hands out citation keys that are unique across everything it has seen.
#[derive(Debug, Default)]
pub struct KeyGen {
    used: HashSet<String>,
}

impl KeyGen {
    /// A generator with no keys used.
    pub fn new() -> KeyGen {
        KeyGen::default()
    }

    /// Mark `key` as taken (a key of the user's existing library).
    pub fn reserve(&mut self, key: &str) {
        self.used.insert(key.to_owned());
    }

    /// Give `r` a key not handed out before.
    pub fn assign(&mut self, r: &mut Reference) {
        let base = format!("ref{}", r.origin.ordinal);
        let mut key = base.clone();
        let mut n = 0u32;
        while self.used.contains(&key) {
            n += 1;
            key = format!("{base}-{n}");
        }
        self.used.insert(key.clone());
        r.key = key;
    }
}
