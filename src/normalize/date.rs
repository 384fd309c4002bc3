//! Dates: month names and `YYYY Mon DD` pieces → [`Date`].

use crate::model::Date;

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The month number (1–12) of an English month name or abbreviation (`Feb`,
/// `February`, `Sept`, `Dec.`); seasons give their first month.
pub fn month_number(word: &str) -> Option<u8> {
    let t = word.trim_end_matches('.');
    // every month name and season opens with one of these letters: most words (years,
    // volumes, title words) stop here
    let initial = t.as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(
        initial,
        Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd' | b'w')
    ) {
        return None;
    }
    // month names and seasons are 3–9 ASCII letters. A non-ASCII word is none of them
    // even lower-cased (only the Kelvin sign lower-cases to ASCII, and no month has a
    // `k`), so only short ASCII words are lower-cased, on the stack
    if !t.is_ascii() || !(3..=9).contains(&t.len()) {
        return None;
    }
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..t.len())?;
    lower.copy_from_slice(t.as_bytes());
    lower.make_ascii_lowercase();
    let w = std::str::from_utf8(lower).ok()?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // every form of a month opens with its three letters (`feb`, `february`, `febr`):
    // only the month whose three letters open `w` is compared
    let head = w.as_bytes().get(..3).unwrap_or_default();
    if let Some(i) = MONTHS.iter().position(|m| m.bytes().eq(head.iter().copied()))
        && let Some(m) = MONTHS.get(i)
    {
        let long = full.get(i).copied().unwrap_or_default();
        if w == *m || w == long || (w.len() >= 3 && long.starts_with(w) && w.len() <= 4) {
            return u8::try_from(i + 1).ok();
        }
    }
    match w {
        "spring" => Some(3),
        "summer" => Some(6),
        "autumn" | "fall" => Some(9),
        "winter" => Some(12),
        _ => None,
    }
}

/// A year written as four digits between 1500 and 2099 (a trailing letter, `2024a`, is
/// allowed).
pub fn parse_year(s: &str) -> Option<i32> {
    // (a word that opens and ends with an ASCII letter or digit has nothing to trim)
    let b = s.as_bytes();
    let t = if b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        s
    } else {
        s.trim_matches(|c: char| !c.is_alphanumeric())
    };
    let digits = t.get(..4)?;
    let rest = t.get(4..)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) || rest.len() > 1 {
        return None;
    }
    if !rest.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1500..=2099).contains(&y).then_some(y)
}

/// A date from its year, month and day pieces (`2020`, `Feb`, `13`).
pub fn make_date(year: &str, month: Option<&str>, day: Option<&str>) -> Option<Date> {
    let year = parse_year(year)?;
    let month =
        month.and_then(|m| month_number(m.split(['-', '–', '/']).next().unwrap_or(m)));
    let day = month
        .and(day)
        .and_then(|d| d.trim_matches(|c: char| !c.is_ascii_digit()).parse::<u8>().ok())
        .filter(|d| (1..=31).contains(d));
    Some(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        assert_eq!(month_number("Feb"), Some(2));
        assert_eq!(month_number("February"), Some(2));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Dec."), Some(12));
        assert_eq!(month_number("Fall"), Some(9));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("SEPTEMBER."), Some(9));
        assert_eq!(month_number("Septembers"), None);
        assert_eq!(month_number("Märch"), None);
        assert_eq!(month_number("Winter"), Some(12));
        assert_eq!(month_number("Mayo"), None);
    }

    #[test]
    fn years() {
        assert_eq!(parse_year("2021"), Some(2021));
        assert_eq!(parse_year("(2024a)"), Some(2024));
        assert_eq!(parse_year("1066"), None);
        assert_eq!(parse_year("20210"), None);
        assert_eq!(parse_year("abcd"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            make_date("2020", Some("Feb"), Some("13")),
            Some(Date { year: 2020, month: Some(2), day: Some(13) })
        );
        assert_eq!(
            make_date("2020", Some("Jan-Feb"), None),
            Some(Date { year: 2020, month: Some(1), day: None })
        );
        assert_eq!(
            make_date("2021", None, Some("3")),
            Some(Date { year: 2021, month: None, day: None })
        );
        assert_eq!(make_date("x", None, None), None);
    }
}
