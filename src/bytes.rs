//! Substring search for the short needles and short haystacks of reference strings.
//!
//! `memchr::memmem::find` builds a searcher (a prefilter, a rolling hash) for every
//! call: for a reference of two hundred bytes and a needle of two or three, that setup
//! costs more than the search. These look for the needle's rarest byte with `memchr`
//! (see [`anchor`]) and compare the rest where it is found.

/// The position in `needle` of the byte to look for: the first that is neither a
/// space nor a small letter (`. ` is found by its full stop, ` (ed. ` by its bracket),
/// as those are the common bytes of a reference; else its rarest small letter in
/// English text (`presented at` by its `d`).
fn anchor(needle: &[u8]) -> usize {
    let mut best = 0;
    let mut best_rarity = 0;
    for (k, &b) in needle.iter().enumerate() {
        let r = RARITY[usize::from(b)];
        if r > best_rarity {
            best = k;
            best_rarity = r;
        }
    }
    best
}

/// How rare a byte is in a reference, for [`anchor`]: the space 0, the small letters
/// from the most common (`e`, 1) to the rarest (`z`, 26), any other byte 255.
const RARITY: [u8; 256] = {
    // (the small letters from the most common to the rarest)
    const BY_FREQUENCY: &[u8; 26] = b"etaoinsrhldcumfpgwybvkxjqz";
    let mut t = [255u8; 256];
    t[b' ' as usize] = 0;
    let mut i = 0;
    while i < BY_FREQUENCY.len() {
        t[BY_FREQUENCY[i] as usize] = i as u8 + 1;
        i += 1;
    }
    t
};

/// The byte offset of the first `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    let k = anchor(needle);
    let byte = needle.get(k).copied()?;
    let mut at = k;
    while let Some(i) = haystack.get(at..).and_then(|t| memchr::memchr(byte, t)) {
        let start = at + i - k;
        if haystack.get(start..).is_some_and(|t| t.starts_with(needle)) {
            return Some(start);
        }
        at += i + 1;
    }
    None
}

/// The byte offset of the last `needle` in `haystack`.
pub(crate) fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(haystack.len());
    }
    let k = anchor(needle);
    let byte = needle.get(k).copied()?;
    // (a match starts at or before `len - needle.len()`: its anchor at or before that
    // plus `k`)
    let mut end = (haystack.len() + 1).checked_sub(needle.len() - k)?;
    while let Some(q) = haystack.get(..end).and_then(|t| memchr::memrchr(byte, t)) {
        if let Some(start) = q.checked_sub(k)
            && haystack.get(start..).is_some_and(|t| t.starts_with(needle))
        {
            return Some(start);
        }
        end = q;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_and_rfind_agree_with_std() {
        let hays = [
            "",
            "a",
            ". ",
            "Title. Journal. 2020",
            "x. y. z",
            "10.1/10.2",
            "ééé. é",
            "In: Book (ed. A) (eds B). Vol. 2",
            "  aa a  (ed. ",
            "Paper presented at the meeting, presented at: X",
        ];
        let needles = [
            "resented at ",
            "resented at: ",
            "zq",
            "",
            ". ",
            "10.",
            "é",
            ".",
            "z",
            "Journal. 2020",
            "nope",
            " (ed. ",
            " ",
            "a",
            "aa",
            "  ",
            " a",
            "ed",
            ". Vol. ",
            "2",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(
                    find(h.as_bytes(), n.as_bytes()),
                    h.find(n),
                    "find {n:?} in {h:?}"
                );
                assert_eq!(
                    rfind(h.as_bytes(), n.as_bytes()),
                    h.rfind(n),
                    "rfind {n:?} in {h:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn find_and_rfind_agree_with_std_on_any_text(
            h in "[ a.(eédtz]{0,24}",
            n in "[ a.(eédtz]{0,4}",
        ) {
            proptest::prop_assert_eq!(find(h.as_bytes(), n.as_bytes()), h.find(&*n));
            proptest::prop_assert_eq!(rfind(h.as_bytes(), n.as_bytes()), h.rfind(&*n));
        }
    }
}
