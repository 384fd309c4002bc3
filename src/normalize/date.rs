//! Dates: month names and `YYYY Mon DD` pieces → [`Date`].

use crate::model::Date;

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The month number (1–12) of an English month name or abbreviation (`Feb`,
/// `February`, `Sept`, `Dec.`), or of a month written out in French, German, Spanish,
/// Italian, Portuguese or Dutch (`janvier`, `März`, `gennaio`, `outubro`); seasons give
/// their first month.
pub fn month_number(word: &str) -> Option<u8> {
    english_month(word).or_else(|| foreign_month(word))
}

/// Months written out in the languages reference lists are written in, lower-cased.
/// Names that are also common words or family names (`Mars`, `Mayo`, `Marzo`,
/// `Agosto`, `Abril`) are left out: a reference's date is read without them.
const FOREIGN_MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("enero", 1),
    ("febrero", 2),
    ("junio", 6),
    ("julio", 7),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("dezembro", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("augustus", 8),
];

/// [`month_number`] for the months of [`FOREIGN_MONTHS`] (any case).
fn foreign_month(word: &str) -> Option<u8> {
    let t = word.trim_end_matches('.');
    // (3 to 10 letters, 12 bytes with accents: longer words are none)
    if !(3..=12).contains(&t.len()) || !t.chars().next().is_some_and(char::is_alphabetic)
    {
        return None;
    }
    // (compared case-blind without a lower-cased copy; most words fail on the first
    // letter)
    let first = t.chars().next()?.to_lowercase().next()?;
    FOREIGN_MONTHS
        .iter()
        .filter(|(m, _)| m.starts_with(first))
        .find(|(m, _)| m.chars().eq(t.chars().flat_map(char::to_lowercase)))
        .map(|&(_, n)| n)
}

/// [`month_number`] for English months and seasons.
fn english_month(word: &str) -> Option<u8> {
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
    fn foreign_months() {
        for (w, n) in [
            ("janvier", 1),
            ("Décembre", 12),
            ("März", 3),
            ("gennaio", 1),
            ("outubro", 10),
            ("juin", 6),
            ("mai", 5),
            ("Oktober", 10),
        ] {
            assert_eq!(month_number(w), Some(n), "{w}");
        }
        for w in ["Mars", "Mayo", "Marzo", "Agosto", "Abril", "Mais", "Julien", "Gent"] {
            assert_eq!(month_number(w), None, "{w}");
        }
    }

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
