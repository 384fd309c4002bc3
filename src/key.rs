//! Key: unique, stable citation keys (`sung2021global`), assigned in one sequential pass.
//!
//! A key is built from three parts, each folded to ASCII with [`deunicode`], lower-cased
//! and cut down to `[a-z0-9]`:
//!
//! 1. the first author's family name with its particle (`van der Walt` gives
//!    `vanderwalt`), or the first significant word of a collective author (`World
//!    Health Organization` gives `world`, `The Cochrane Collaboration` gives `cochrane`);
//!    when there is no author, the first editor in the same way; else `anon`;
//! 2. the year, or `nd` (no date);
//! 3. the first significant word of the title (stop words such as `a`, `the`, `of` are
//!    skipped); nothing when there is no title.
//!
//! Keys are made unique in assignment order: the first `sung2021global` keeps the bare
//! key, the next ones get `a`, `b`, ... `z`, `aa`, `ab`, ... appended. The same
//! references in the same order always get the same keys.
//!
//! ```
//! use pubrefs::key::KeyGen;
//! use pubrefs::{Date, Name, Person, Reference};
//!
//! let mut r = Reference {
//!     authors: vec![Name::Person(Person::new("Sung", "H."))],
//!     title: Some("Global cancer statistics 2020".into()),
//!     date: Some(Date { year: 2021, month: None, day: None }),
//!     ..Reference::default()
//! };
//! let mut keys = KeyGen::new();
//! keys.assign(&mut r);
//! assert_eq!(r.key, "sung2021global");
//! let mut again = r.clone();
//! keys.assign(&mut again);
//! assert_eq!(again.key, "sung2021globala");
//! ```

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

use crate::model::{Name, Reference};

/// The longest name or title part kept in a key, in ASCII characters (keeps keys of
/// hostile input short).
const MAX_PART: usize = 32;

/// Words skipped when picking the title word of a key, and when picking the word of a
/// collective author. Articles, prepositions, conjunctions and pronouns in English,
/// plus the articles and common prepositions of French, German, Spanish, Italian,
/// Portuguese and Dutch titles that PubMed lists. Sorted, for a binary search.
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "against", "al", "all", "along", "among", "an",
    "and", "are", "as", "at", "au", "aux", "be", "been", "before", "between", "both",
    "but", "by", "can", "das", "de", "dei", "del", "della", "den", "der", "des", "die",
    "do", "does", "dos", "du", "during", "each", "een", "ein", "eine", "el", "en", "et",
    "for", "from", "has", "have", "het", "how", "if", "il", "in", "into", "is", "it",
    "its", "l", "la", "las", "le", "les", "lo", "los", "na", "not", "o", "of", "on",
    "or", "os", "our", "over", "should", "than", "that", "the", "their", "these", "this",
    "those", "through", "to", "toward", "towards", "um", "uma", "un", "una", "und",
    "under", "une", "upon", "van", "versus", "via", "von", "vs", "was", "we", "were",
    "what", "when", "where", "which", "who", "whom", "why", "will", "with", "within",
    "without", "y",
];

/// Hands out citation keys that are unique across everything it has seen.
///
/// A long run of `pubrefs parse` hands out millions of keys and must remember all of
/// them, so they are kept compactly: the bytes of every key once, packed one after the
/// other in 1 MiB blocks, and hash tables that hold only the 8-byte location of a key
/// in those blocks (about 46 bytes per distinct key in all, measured, against about 93
/// for a set of `String`s). The tables are exact: a hash only picks the slots to look
/// at, and a key is found only when its bytes are equal, so two keys whose hashes
/// collide are still told apart and the keys handed out are the same as with a set of
/// strings.
#[derive(Debug, Default)]
pub struct KeyGen {
    /// The bytes of the keys and bases the tables point at.
    strings: Strings,
    /// Hashes for both tables (random per run, so hostile input cannot aim at one
    /// slot; the keys handed out do not depend on it).
    hasher: Hasher,
    /// Every key handed out or reserved, as its location in `strings`.
    used: HashTable<Loc>,
    /// For each base key seen more than once, its location in `strings` and the number
    /// of the next suffix to try (0 = the bare key), so that a run of identical bases
    /// costs one step each, not a scan from `a`.
    next: HashTable<(Loc, u64)>,
}

impl KeyGen {
    /// A generator with no keys used.
    pub fn new() -> KeyGen {
        KeyGen::default()
    }

    /// Mark `key` as taken (a key of the user's existing library, for example), so that
    /// it is never handed out. Returns `false` when it was already taken.
    pub fn reserve(&mut self, key: &str) -> bool {
        if self.is_used(key) {
            return false;
        }
        self.insert_used(key);
        true
    }

    /// True when `key` was handed out or reserved.
    pub fn is_used(&self, key: &str) -> bool {
        self.find_used(key).is_some()
    }

    /// Give `r` a key not handed out before: its [`base_key`] with the first free
    /// suffix of `""`, `a`, `b`, ... `z`, `aa`, `ab`, ...
    pub fn assign(&mut self, r: &mut Reference) {
        let base = base_key(r);
        let base_hash = self.hasher.hash_one(base.as_bytes());
        let strings = &self.strings;
        let mut n = self
            .next
            .find(base_hash, |&(loc, _)| strings.get(loc) == base.as_bytes())
            .map_or(0, |&(_, next)| next);
        let mut key = String::with_capacity(base.len() + 2);
        let key_hash = loop {
            key.clear();
            key.push_str(&base);
            push_suffix(&mut key, n);
            // (the bare key is the base, whose hash is known)
            let hash =
                if n == 0 { base_hash } else { self.hasher.hash_one(key.as_bytes()) };
            n += 1;
            if self.find_used_hashed(&key, hash).is_none() {
                break hash;
            }
        };
        match self
            .next
            .find_mut(base_hash, |&(loc, _)| self.strings.get(loc) == base.as_bytes())
        {
            Some((_, next)) => *next = n,
            // A base handed out bare needs no entry: the bare key is in `used`, so
            // starting again from 0 skips it in one step. Only bases seen twice are
            // kept, which halves the memory of a long run.
            None if n > 1 => {
                // The base is most often a key handed out already (its bare key).
                let loc = match self.find_used_hashed(&base, base_hash) {
                    Some(loc) => loc,
                    None => self.strings.push(base.as_bytes()),
                };
                let (strings, hasher) = (&self.strings, &self.hasher);
                self.next.insert_unique(base_hash, (loc, n), |&(loc, _)| {
                    hasher.hash_one(strings.get(loc))
                });
            }
            None => {}
        }
        self.insert_used_hashed(&key, key_hash);
        r.key = key;
    }

    /// The location of `key` in `strings` when it was handed out or reserved.
    fn find_used(&self, key: &str) -> Option<Loc> {
        self.find_used_hashed(key, self.hasher.hash_one(key.as_bytes()))
    }

    /// [`KeyGen::find_used`] with the hash of `key` known.
    fn find_used_hashed(&self, key: &str, hash: u64) -> Option<Loc> {
        self.used.find(hash, |&loc| self.strings.get(loc) == key.as_bytes()).copied()
    }

    /// Record `key`, known not to be in `used`, as used.
    fn insert_used(&mut self, key: &str) {
        self.insert_used_hashed(key, self.hasher.hash_one(key.as_bytes()));
    }

    /// [`KeyGen::insert_used`] with the hash of `key` known.
    fn insert_used_hashed(&mut self, key: &str, hash: u64) {
        let loc = self.strings.push(key.as_bytes());
        let (strings, hasher) = (&self.strings, &self.hasher);
        self.used.insert_unique(hash, loc, |&loc| hasher.hash_one(strings.get(loc)));
    }
}

/// The hash function of the tables.
#[derive(Debug, Default)]
enum Hasher {
    /// SipHash with random keys.
    #[default]
    Random,
    /// Every string hashes to 0: every lookup is a collision (tests only).
    #[cfg(test)]
    Constant,
}

impl Hasher {
    /// The hash of `s`.
    fn hash_one(&self, s: &[u8]) -> u64 {
        /// The random keys, drawn once per process.
        static STATE: std::sync::OnceLock<RandomState> = std::sync::OnceLock::new();
        match self {
            Hasher::Random => STATE.get_or_init(RandomState::new).hash_one(s),
            #[cfg(test)]
            Hasher::Constant => 0,
        }
    }
}

/// Where a string is in [`Strings`]: the block number in the high 32 bits, the offset
/// of its length prefix in the block in the low 32.
type Loc = u64;

/// Strings stored back to back, each behind its length (LEB128), in blocks of
/// [`Strings::BLOCK`] bytes that are never moved or grown once full (so no copy of the
/// whole store, and no doubling of its peak, as it grows). A string longer than a
/// block gets a block of its own.
#[derive(Debug, Default)]
struct Strings {
    /// The blocks; only the last has room left.
    blocks: Vec<Vec<u8>>,
}

impl Strings {
    /// The size of a block.
    const BLOCK: usize = 1 << 20;

    /// Store `s` and return its location.
    fn push(&mut self, s: &[u8]) -> Loc {
        let mut len = [0u8; 10];
        let prefix = leb128(s.len() as u64, &mut len);
        let need = prefix.len() + s.len();
        // Offsets must fit in 32 bits (a block larger than that holds one string).
        let fits = self.blocks.last().is_some_and(|b| {
            b.capacity() - b.len() >= need && b.len() <= u32::MAX as usize
        });
        if !fits {
            self.blocks.push(Vec::with_capacity(need.max(Self::BLOCK)));
        }
        let number = self.blocks.len().saturating_sub(1);
        match self.blocks.last_mut() {
            Some(block) => {
                let offset = block.len();
                block.extend_from_slice(prefix);
                block.extend_from_slice(s);
                ((number as u64) << 32) | offset as u64
            }
            // A block was pushed just above.
            None => Loc::MAX,
        }
    }

    /// The string at `loc` (empty for a location this store never handed out).
    fn get(&self, loc: Loc) -> &[u8] {
        let Some(block) =
            usize::try_from(loc >> 32).ok().and_then(|i| self.blocks.get(i))
        else {
            return &[];
        };
        let mut at = (loc & u64::from(u32::MAX)) as usize;
        let mut len = 0u64;
        let mut shift = 0;
        while let Some(&b) = block.get(at) {
            at += 1;
            len |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 || shift >= 64 {
                break;
            }
        }
        usize::try_from(len)
            .ok()
            .and_then(|len| block.get(at..at.checked_add(len)?))
            .unwrap_or_default()
    }
}

/// `n` in LEB128 (7 bits a byte, low first, high bit set on all but the last), written
/// into `buf`; returns the bytes used.
fn leb128(mut n: u64, buf: &mut [u8; 10]) -> &[u8] {
    let mut len = 0;
    for slot in buf.iter_mut() {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        len += 1;
        if n == 0 {
            *slot = low;
            break;
        }
        *slot = low | 0x80;
    }
    buf.get(..len).unwrap_or_default()
}

/// The suffix number `n` stands for: 0 → `""`, 1 → `a`, ... 26 → `z`, 27 → `aa`,
/// 28 → `ab`, ... (bijective base 26, so every string of letters appears once).
#[cfg(test)]
fn suffix(n: u64) -> String {
    let mut s = String::new();
    push_suffix(&mut s, n);
    s
}

/// Append [`suffix`]`(n)` to `out`.
fn push_suffix(out: &mut String, mut n: u64) {
    // At most 14 letters for a u64.
    let mut letters = [0u8; 16];
    let mut len = 0;
    while n > 0 && len < letters.len() {
        n -= 1;
        if let Some(l) = letters.get_mut(len) {
            *l = b'a' + (n % 26) as u8;
        }
        len += 1;
        n /= 26;
    }
    for &l in letters.get(..len).unwrap_or_default().iter().rev() {
        out.push(char::from(l));
    }
}

/// The key of `r` before it is made unique: name part, year (or `nd`), title word.
pub fn base_key(r: &Reference) -> String {
    let mut key = String::with_capacity(48);
    if let Some(n) = r.authors.first().or_else(|| r.editors.first()) {
        name_part(&mut key, n);
    }
    if key.is_empty() {
        key.push_str("anon");
    }
    match r.year() {
        // The digits only: a negative year loses its sign.
        Some(y) => push_digits(&mut key, y.unsigned_abs()),
        None => key.push_str("nd"),
    }
    if let Some(t) = r.title.as_deref() {
        first_significant_word(&mut key, t);
    }
    key
}

/// The decimal digits of `n` appended to `out`.
fn push_digits(out: &mut String, mut n: u32) {
    // At most 10 digits for a u32.
    let mut digits = [0u8; 10];
    let mut len = 0;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits.get(digits.len() - len..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// The name part of a key, appended to `out`: a person's family name with its
/// particle, or the first significant word of a collective name.
fn name_part(out: &mut String, name: &Name) {
    match name {
        Name::Person(p) => {
            // The particle and the family name run together (`vanderwalt`).
            let mut budget = MAX_PART;
            if let Some(particle) = &p.particle {
                budget -= push_ascii_part(out, particle, budget);
            }
            push_ascii_part(out, &p.family, budget);
        }
        Name::Literal(l) => first_significant_word(out, l),
    }
}

/// The first word of `text` that is not a stop word, as a key part appended to `out`;
/// falls back to the first word at all when every word is a stop word (`The The`).
fn first_significant_word(out: &mut String, text: &str) {
    // Folding to ASCII maps every ASCII character to itself, so the words before the
    // first other character are the folded text's first words: most titles settle
    // there, without folding (or scanning) the rest.
    if !significant_word_in(out, text, false) {
        let ascii = deunicode::deunicode_with_tofu_cow(text, "[?]");
        significant_word_in(out, &ascii, true);
    }
}

/// [`first_significant_word`] over `text`. With `folded` false, `text` need not be
/// ASCII: the words are read up to its first byte outside the fast path of the folding
/// (0x7F and up), and when the choice would depend on the text from there, nothing is
/// appended and `false` is returned.
fn significant_word_in(out: &mut String, text: &str, folded: bool) -> bool {
    let is_sep = |b: u8| char::from(b).is_whitespace() || b == b'/' || b == b':';
    let mut first: Option<&str> = None;
    let mut rest = text;
    loop {
        let (word, next) = match rest
            .bytes()
            .position(|b| is_sep(b) || !folded && b >= 0x7f)
        {
            // the word may go on in text that folding changes
            Some(i) if !folded && rest.as_bytes().get(i).is_some_and(|&b| b >= 0x7f) => {
                return false;
            }
            Some(i) => (rest.get(..i).unwrap_or_default(), rest.get(i + 1..)),
            None => (rest, None),
        };
        let mut part = [0u8; MAX_PART];
        let len = ascii_part(word, &mut part);
        if let Some(part) = part.get(..len).filter(|p| !p.is_empty()) {
            // Only ASCII letters and digits were written.
            let part = std::str::from_utf8(part).unwrap_or_default();
            if !is_stop_word(part) {
                out.push_str(part);
                return true;
            }
            first.get_or_insert(word);
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    if let Some(word) = first {
        push_ascii_part(out, word, MAX_PART);
    }
    true
}

/// True for a word of [`STOP_WORDS`].
fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The key part of `text` (folded to ASCII, lower-cased, cut to `[a-z0-9]` and to
/// `budget` chars) appended to `out`. Returns how many chars it appended.
fn push_ascii_part(out: &mut String, text: &str, budget: usize) -> usize {
    let ascii = deunicode::deunicode_with_tofu_cow(text, "[?]");
    let mut n = 0;
    for b in ascii.bytes().filter(u8::is_ascii_alphanumeric).take(budget) {
        out.push(char::from(b.to_ascii_lowercase()));
        n += 1;
    }
    n
}

/// The key part of a word already folded to ASCII, into `buf`: lower-cased, cut to
/// `[a-z0-9]` and to [`MAX_PART`] chars. Returns its length.
fn ascii_part(word: &str, buf: &mut [u8; MAX_PART]) -> usize {
    let mut len = 0;
    for (slot, b) in buf.iter_mut().zip(word.bytes().filter(u8::is_ascii_alphanumeric)) {
        *slot = b.to_ascii_lowercase();
        len += 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Person};

    fn reference(
        authors: Vec<Name>,
        year: Option<i32>,
        title: Option<&str>,
    ) -> Reference {
        Reference {
            authors,
            date: year.map(|year| Date { year, month: None, day: None }),
            title: title.map(str::to_string),
            ..Reference::default()
        }
    }

    fn person(family: &str) -> Name {
        Name::Person(Person::new(family, "A."))
    }

    #[test]
    fn stop_words_are_sorted_for_the_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && is_stop_word("von") && !is_stop_word("global"));
    }

    #[test]
    fn ascii_head_agrees_with_folding_the_whole_text() {
        let texts = [
            "",
            "The",
            "The The",
            "the é",
            "The éclair",
            "A Zürich study",
            "Über alles",
            "of/the:in Žižek",
            "a\u{b}b",
            "北京 study",
            "The 北京",
            "An of 2020",
            "in\u{7f}x",
            "von der Leyen’s plan",
            "— a dash",
        ];
        for t in texts {
            let mut fast = String::new();
            first_significant_word(&mut fast, t);
            let mut slow = String::new();
            significant_word_in(
                &mut slow,
                &deunicode::deunicode_with_tofu(t, "[?]"),
                true,
            );
            assert_eq!(fast, slow, "{t:?}");
        }
        let mut y = String::new();
        for n in [0, 7, 10, 2021, u32::MAX] {
            y.clear();
            push_digits(&mut y, n);
            assert_eq!(y, n.to_string());
        }
    }

    #[test]
    fn suffixes_run_a_to_z_then_aa() {
        let cases = [
            (0, ""),
            (1, "a"),
            (2, "b"),
            (26, "z"),
            (27, "aa"),
            (28, "ab"),
            (52, "az"),
            (53, "ba"),
            (702, "zz"),
            (703, "aaa"),
        ];
        for (n, want) in cases {
            assert_eq!(suffix(n), want, "suffix({n})");
        }
    }

    #[test]
    fn base_keys_table() {
        let walt = Name::Person(Person {
            family: "Walt".into(),
            given: "S. J.".into(),
            particle: Some("van der".into()),
            suffix: None,
        });
        let cases: Vec<(Reference, &str)> = vec![
            (
                reference(
                    vec![person("Sung")],
                    Some(2021),
                    Some("Global cancer statistics 2020"),
                ),
                "sung2021global",
            ),
            // stop words skipped, punctuation dropped
            (
                reference(vec![person("Sung")], Some(2021), Some("The state of the art")),
                "sung2021state",
            ),
            (
                reference(
                    vec![person("O'Brien")],
                    Some(1999),
                    Some("On (HER2)-positive"),
                ),
                "obrien1999her2positive",
            ),
            (
                reference(vec![person("García-López")], Some(2020), Some("Él y ella")),
                "garcialopez2020ella",
            ),
            (
                reference(vec![walt], Some(2020), Some("scikit-image")),
                "vanderwalt2020scikitimage",
            ),
            (
                reference(
                    vec![Name::Literal("World Health Organization".into())],
                    Some(2020),
                    Some("Coronavirus disease (COVID-19) situation report"),
                ),
                "world2020coronavirus",
            ),
            (
                reference(
                    vec![Name::Literal("The Cochrane Collaboration".into())],
                    None,
                    Some("Handbook"),
                ),
                "cochranendhandbook",
            ),
            (reference(vec![], Some(2019), Some("A guide")), "anon2019guide"),
            (reference(vec![], None, None), "anonnd"),
            (
                reference(vec![person("Ζαχαρίου")], Some(2018), Some("β-cell")),
                "zakhariou2018bcell",
            ),
            (
                reference(vec![person("王")], Some(2020), Some("新型冠状病毒")),
                "wang2020xin",
            ),
            (reference(vec![person("Sung")], Some(2021), Some("The")), "sung2021the"),
            (
                reference(vec![person("Sung")], Some(2021), Some("COVID-19: a review")),
                "sung2021covid19",
            ),
            (reference(vec![person("---")], Some(2021), None), "anon2021"),
        ];
        for (r, want) in cases {
            assert_eq!(base_key(&r), want, "{r:?}");
        }
    }

    #[test]
    fn editor_stands_in_for_missing_author() {
        let mut r = reference(vec![], Some(2009), Some("Handbook of clinical trials"));
        r.editors = vec![person("Higgins")];
        assert_eq!(base_key(&r), "higgins2009handbook");
    }

    #[test]
    fn long_parts_are_cut() {
        let long = "x".repeat(10_000);
        let r = reference(vec![person(&long)], Some(2021), Some(&long));
        assert_eq!(base_key(&r).len(), 2 * MAX_PART + 4);
    }

    #[test]
    fn keys_are_unique_in_assignment_order() {
        let mut keys = KeyGen::new();
        let mut got = Vec::new();
        for _ in 0..29 {
            let mut r = reference(vec![person("Sung")], Some(2021), Some("Global"));
            keys.assign(&mut r);
            got.push(r.key);
        }
        assert_eq!(got[0], "sung2021global");
        assert_eq!(got[1], "sung2021globala");
        assert_eq!(got[26], "sung2021globalz");
        assert_eq!(got[27], "sung2021globalaa");
        assert_eq!(got[28], "sung2021globalab");
    }

    #[test]
    fn reserved_keys_are_skipped() {
        let mut keys = KeyGen::new();
        assert!(keys.reserve("sung2021global"));
        assert!(!keys.reserve("sung2021global"));
        assert!(keys.reserve("sung2021globalb"));
        let mut a = reference(vec![person("Sung")], Some(2021), Some("Global"));
        let mut b = a.clone();
        keys.assign(&mut a);
        keys.assign(&mut b);
        assert_eq!(a.key, "sung2021globala");
        assert_eq!(b.key, "sung2021globalc");
        assert!(keys.is_used("sung2021globalc"));
    }

    #[test]
    fn keys_are_the_same_when_every_hash_collides() {
        // Hashes only choose where to look: with a hash function that maps every
        // string to 0, the keys handed out are still the same and still unique.
        let mut random = KeyGen::new();
        let mut constant = KeyGen { hasher: Hasher::Constant, ..KeyGen::default() };
        for keys in [&mut random, &mut constant] {
            assert!(keys.reserve("smith2020b"));
            assert!(!keys.reserve("smith2020b"));
        }
        let names = ["Smith", "Smith", "Jones", "Smith", "Smith", "Jones", "Lee"];
        for (i, name) in names.iter().enumerate() {
            let title = if i == 4 { Some("A a") } else { None };
            let mut a = reference(vec![person(name)], Some(2020), title);
            let mut b = a.clone();
            random.assign(&mut a);
            constant.assign(&mut b);
            assert_eq!(a.key, b.key);
        }
        let want = ["smith2020", "smith2020a", "jones2020", "smith2020c", "smith2020aa"];
        for key in want {
            assert!(constant.is_used(key), "{key}");
        }
        assert!(!constant.is_used("smith2020d") && !constant.is_used("smith"));
    }

    #[test]
    fn strings_round_trip_across_blocks() {
        let mut store = Strings::default();
        let long = "y".repeat(Strings::BLOCK + 5);
        let samples: Vec<String> = (0..3000)
            .map(|i| if i == 1500 { long.clone() } else { "k".repeat(i % 400) })
            .collect();
        let locs: Vec<Loc> = samples.iter().map(|s| store.push(s.as_bytes())).collect();
        for (s, loc) in samples.iter().zip(locs) {
            assert_eq!(store.get(loc), s.as_bytes());
        }
        assert!(store.blocks.len() > 1);
        assert_eq!(store.get(Loc::MAX), b"");
    }

    #[test]
    fn a_base_that_looks_like_a_suffixed_key_never_collides() {
        // "smith2020a" + suffix "" could equal "smith2020" + suffix "a".
        let mut keys = KeyGen::new();
        let mut one = reference(vec![person("Smith")], Some(2020), None);
        let mut two = one.clone();
        let mut three = reference(vec![person("Smith")], Some(2020), Some("A a"));
        keys.assign(&mut one);
        keys.assign(&mut two);
        keys.assign(&mut three);
        assert_eq!(one.key, "smith2020");
        assert_eq!(two.key, "smith2020a");
        assert_eq!(three.key, "smith2020aa");
    }

    proptest::proptest! {
        #[test]
        fn keys_are_ascii_and_unique(
            names in proptest::collection::vec(".{0,12}", 1..20),
            title in ".{0,30}",
            year in proptest::option::of(-9999i32..9999),
        ) {
            let mut keys = KeyGen::new();
            let mut seen = std::collections::HashSet::new();
            for (i, n) in names.iter().enumerate() {
                let author = if i % 2 == 0 { person(n) } else { Name::Literal(n.clone()) };
                let mut r = reference(vec![author], year, Some(&title));
                keys.assign(&mut r);
                proptest::prop_assert!(!r.key.is_empty());
                proptest::prop_assert!(
                    r.key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                    "{}", r.key
                );
                proptest::prop_assert!(seen.insert(r.key.clone()), "{} twice", r.key);
            }
        }
    }
}
