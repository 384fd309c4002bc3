//! Pages: a range or an article number, with abbreviated last pages expanded.
//!
//! `209–249` → 209..249; `1604–17` → 1604..1617; `S11–2` → S11..S12; `e0240519` stays a
//! first page; `pp. 24-30` and `p. 12` lose their label.

use crate::model::Pages;

const DASHES: [char; 6] = ['-', '‐', '‑', '–', '—', '−'];

/// The pages written in `s`, or `None` when `s` holds none.
pub fn normalize_pages(s: &str) -> Option<Pages> {
    // `1,655–1,664`: thousands separators
    let no_commas;
    let s = if s.contains(',') && !s.contains(", ") {
        no_commas = s.replace(',', "");
        no_commas.as_str()
    } else {
        s
    };
    let t = strip_label(s.trim());
    let t = t.trim_end_matches(['.', ',', ';']);
    let (first, last) = match t.find(DASHES) {
        Some(i) => {
            let dash_len = t.get(i..)?.chars().next()?.len_utf8();
            (t.get(..i)?.trim(), Some(t.get(i + dash_len..)?.trim()))
        }
        None => (t, None),
    };
    let first = first.trim_matches(|c: char| DASHES.contains(&c));
    if first.is_empty() || !first.chars().any(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let last = last
        .map(|l| l.trim_matches(|c: char| DASHES.contains(&c) || c == '.'))
        .filter(|l| !l.is_empty() && *l != first)
        .map(|l| expand_last(first, l));
    Some(Pages { first: first.to_owned(), last })
}

/// Remove a leading `pp.`, `p.`, `pages`, `page`.
fn strip_label(t: &str) -> &str {
    for label in ["pages", "page", "pp.", "pp", "p."] {
        if let Some(rest) = t.strip_prefix(label)
            && (rest.is_empty() || rest.starts_with([' ', '.']) || label.ends_with('.'))
        {
            return rest.trim_start_matches('.').trim_start();
        }
    }
    t
}

/// Expand an abbreviated last page against the first: (`1604`, `17`) → `1617`,
/// (`S11`, `2`) → `S12`, (`132S`, `75S`) → `175S`, (`e123`, `e125`) unchanged.
pub fn expand_last(first: &str, last: &str) -> String {
    // A letter suffix shared by both ends (supplement pages `132S-75S`).
    let suffix =
        |s: &str| s.len() - s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    let (fs, ls) = (suffix(first), suffix(last));
    if fs > 0 && fs == ls && first[first.len() - fs..] == last[last.len() - ls..] {
        let (f, l) = (&first[..first.len() - fs], &last[..last.len() - ls]);
        if f.bytes().all(|b| b.is_ascii_digit()) && l.bytes().all(|b| b.is_ascii_digit())
        {
            return format!("{}{}", expand_last(f, l), &last[last.len() - ls..]);
        }
    }
    // (the prefix and the digits are borrowed: one string is built, for the result)
    let digit_at = |s: &str| s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
    let (fi, li) = (digit_at(first), digit_at(last));
    let (fp, fd) =
        (first.get(..fi).unwrap_or_default(), first.get(fi..).unwrap_or_default());
    let (lp, ld) =
        (last.get(..li).unwrap_or_default(), last.get(li..).unwrap_or_default());
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if all_digits(fd) && all_digits(ld) && (lp.is_empty() || lp == fp) {
        let head = if ld.len() < fd.len() {
            fd.get(..fd.len() - ld.len()).unwrap_or_default()
        } else {
            ""
        };
        return [fp, head, ld].concat();
    }
    last.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(first: &str, last: Option<&str>) -> Option<Pages> {
        Some(Pages { first: first.into(), last: last.map(Into::into) })
    }

    #[test]
    fn ranges() {
        assert_eq!(normalize_pages("209–249"), p("209", Some("249")));
        assert_eq!(normalize_pages("1604–17"), p("1604", Some("1617")));
        assert_eq!(normalize_pages("610-621."), p("610", Some("621")));
        assert_eq!(normalize_pages("S11–2"), p("S11", Some("S12")));
        assert_eq!(normalize_pages("S11-S12"), p("S11", Some("S12")));
        assert_eq!(normalize_pages("132S-75S"), p("132S", Some("175S")));
        assert_eq!(normalize_pages("pp. 24-30"), p("24", Some("30")));
        assert_eq!(normalize_pages("p. 12–34"), p("12", Some("34")));
        assert_eq!(normalize_pages("1451– 1451"), p("1451", None));
        assert_eq!(normalize_pages("199–206.e4"), p("199", Some("206.e4")));
        assert_eq!(normalize_pages("1,655–1,664"), p("1655", Some("1664")));
    }

    #[test]
    fn single_pages() {
        assert_eq!(normalize_pages("e0240519"), p("e0240519", None));
        assert_eq!(normalize_pages("113128"), p("113128", None));
        assert_eq!(normalize_pages("p. 5"), p("5", None));
    }

    #[test]
    fn not_pages() {
        assert_eq!(normalize_pages(""), None);
        assert_eq!(normalize_pages("–"), None);
        assert_eq!(normalize_pages("pp."), None);
    }
}
