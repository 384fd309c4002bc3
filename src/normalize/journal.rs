//! Titles and containers: trim the punctuation that separates fields, strip quotes.

/// Quotes that wrap a title.
const QUOTES: &[char] = &['“', '”', '"', '‘', '’', '„', '«', '»', '\''];

/// A title as written, cleaned: outer quotes, separating punctuation and a trailing
/// period removed; `?`, `!` and closing brackets kept.
///
/// ```
/// use pubrefs::normalize::journal::clean_title;
/// assert_eq!(clean_title("“Sarcopenia,” "), "Sarcopenia");
/// assert_eq!(clean_title("Is it safe? "), "Is it safe?");
/// ```
pub fn clean_title(s: &str) -> String {
    clean_title_str(s).to_owned()
}

/// [`clean_title`], borrowed from `s`.
fn clean_title_str(s: &str) -> &str {
    let mut t = s.trim();
    if settled_ends(t) {
        // (the loop below would leave it as it is)
        return t;
    }
    loop {
        let before = t;
        t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
        t = t.trim_end_matches('.').trim_end();
        // (`(2022) – Title`: a dash between the year and the title)
        if let Some(r) = t.strip_prefix(['–', '—', '-']).filter(|r| r.starts_with(' '))
        {
            t = r;
        }
        if t.starts_with(QUOTES) && t.ends_with(QUOTES) && t.chars().count() >= 2 {
            let mut cs = t.chars();
            cs.next();
            cs.next_back();
            t = cs.as_str();
        } else if t.starts_with(['“', '"'])
            && !t.contains(['”'])
            && t.matches('"').count() == 1
            // (`« Title, Journal`: a French opening quote never closed)
            || t.starts_with('«') && !t.contains('»')
        {
            t = t.get(t.chars().next().map_or(0, char::len_utf8)..).unwrap_or(t);
        }
        if t == before {
            break;
        }
    }
    t
}

/// True when a trimmed title starts and ends with an ASCII character that
/// [`clean_title`] never removes: not `,` `;` `:` or a quote, and at the end not `.`
/// either (most titles and containers: nothing to clean).
fn settled_ends(t: &str) -> bool {
    let kept =
        |b: u8| b.is_ascii() && !matches!(b, b',' | b';' | b':' | b'"' | b'\'' | b'-');
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(&first), Some(&last)) => kept(first) && kept(last) && last != b'.',
        _ => false,
    }
}

/// A journal or book title as written, cleaned (`CA Cancer J Clin.` → `CA Cancer J
/// Clin`, `in Proceedings of X,` → `Proceedings of X`).
pub fn clean_container(s: &str) -> String {
    let t = clean_title_str(s);
    let t = t.strip_prefix("In: ").or_else(|| t.strip_prefix("in ")).unwrap_or(t);
    let trimmed = t.trim().trim_end_matches(['.', ',']).trim();
    // an ISO 4 abbreviation keeps its last full stop: `J. Am. Chem. Soc.`
    if s.trim_end().ends_with('.') && is_dotted_abbreviation(trimmed) {
        return format!("{trimmed}.");
    }
    trimmed.to_owned()
}

/// True for a dotted journal abbreviation whose last word is abbreviated too
/// (`J. Am. Chem. Soc`, `Nat. Commun`), not `Phys. Rev. B` (the caller knows from the
/// text whether a full stop followed: `Int. J. Cancer 2020` has none).
pub fn is_dotted_abbreviation(t: &str) -> bool {
    let mut front = t.split_whitespace();
    let Some(last) = front.next_back() else { return false };
    let n = last.chars().count();
    front.any(|w| w.trim_end_matches(',').ends_with('.'))
        && (2..=12).contains(&n)
        && last.chars().all(|c| c.is_alphabetic() || c == '.')
        && last.chars().next().is_some_and(char::is_uppercase)
        && !last.chars().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_abbreviations_keep_their_stop() {
        assert_eq!(clean_container("J. Am. Chem. Soc."), "J. Am. Chem. Soc.");
        assert_eq!(clean_container("Nat. Commun."), "Nat. Commun.");
        assert_eq!(clean_container("J. Am. Chem. Soc"), "J. Am. Chem. Soc");
        assert_eq!(clean_container("N Engl J Med."), "N Engl J Med");
        assert_eq!(clean_container("Phys. Rev. B."), "Phys. Rev. B");
        assert_eq!(clean_container("Proc. of HPCA."), "Proc. of HPCA");
    }

    #[test]
    fn titles() {
        assert_eq!(
            clean_title("Global cancer statistics 2020. "),
            "Global cancer statistics 2020"
        );
        assert_eq!(
            clean_title("“Consensus Conference on TIPS,”"),
            "Consensus Conference on TIPS"
        );
        assert_eq!(clean_title("Why now?"), "Why now?");
        assert_eq!(clean_title("A (review)."), "A (review)");
        assert_eq!(clean_title(""), "");
        // a dash between the year and the title
        assert_eq!(clean_title("– Salt marshes."), "Salt marshes");
        assert_eq!(clean_title("- Salt marshes"), "Salt marshes");
        assert_eq!(clean_title("-20 °C storage"), "-20 °C storage");
    }

    #[test]
    fn containers() {
        assert_eq!(clean_container("CA Cancer J Clin."), "CA Cancer J Clin");
        assert_eq!(clean_container(", Nature Communications"), "Nature Communications");
        assert_eq!(clean_container("in Eurographics,"), "Eurographics");
    }
}
