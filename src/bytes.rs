//! Substring search for the short needles and short haystacks of reference strings.
//!
//! `memchr::memmem::find` builds a searcher (a prefilter, a rolling hash) for every
//! call: for a reference of two hundred bytes and a needle of two or three, that setup
//! costs more than the search. These look for the needle's first (or last) byte with
//! `memchr` and compare the rest where it is found.

/// The byte offset of the first `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else { return Some(0) };
    let mut at = 0;
    while let Some(i) = haystack.get(at..).and_then(|t| memchr::memchr(first, t)) {
        let p = at + i;
        if haystack.get(p + 1..).is_some_and(|t| t.starts_with(rest)) {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

/// The byte offset of the last `needle` in `haystack`.
pub(crate) fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&last, front)) = needle.split_last() else { return Some(haystack.len()) };
    let mut end = haystack.len();
    while let Some(q) = haystack.get(..end).and_then(|t| memchr::memrchr(last, t)) {
        if let Some(start) = q.checked_sub(front.len())
            && haystack.get(start..q) == Some(front)
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
        let hays =
            ["", "a", ". ", "Title. Journal. 2020", "x. y. z", "10.1/10.2", "ééé. é"];
        let needles = ["", ". ", "10.", "é", ".", "z", "Journal. 2020", "nope"];
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
}
