//! The author list at the front of a reference: where each name starts and ends, where
//! the list ends, "et al." and "editors".
//!
//! The style of the list is fixed by its first name:
//! - Vancouver / NLM `Sung H, Ferlay J, Siegel RL, et al.` (ends at the first `.`)
//! - inverted `Gatto, J., Dambrun, M., & De Oliveira, P.` (then initials-first names
//!   may follow, as in Chicago: `Araque, A., G. Carmignoto, and A. Volterra`)
//! - initials first `T. Teka, L. Zhang, and X. Yan`, or full names `David Cline, and
//!   Peter Wonka`
//! - otherwise one collective name up to the first full stop.

use std::ops::Range;

use nom::bytes::complete::{tag, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char as ch, satisfy};
use nom::combinator::{opt, recognize, verify};
use nom::{IResult, Parser};

use crate::normalize::author::{
    is_dotted_initials, is_dotted_initials_undotted, is_family_word, is_given_word,
    is_hyphen, is_hyphen_initials, is_nlm_initials, is_particle, is_suffix,
    is_translit_initial, is_translit_initials, looks_collective, small_only_after_hyphen,
};
use crate::normalize::date::{month_number, parse_year};

/// The author list found at the front of a reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct AuthorList {
    /// Byte ranges of each name.
    pub items: Vec<Range<usize>>,
    /// The list ended with "et al.".
    pub et_al: bool,
    /// The names are editors (`…, editors.`, `(Eds.)`).
    pub editors: bool,
    /// Where the rest of the reference starts.
    pub end: usize,
    /// The list stopped after a separator (`,`, `and`) that no name followed.
    pub dangling: bool,
    /// The list ended with its name after `and` (`Weller DD and Rinehart KL, J. Am.
    /// Chem. Soc, 1978`): whatever follows is no name.
    closed_by_and: bool,
}

impl AuthorList {
    /// No names; the rest of the reference starts at `end`.
    pub(crate) fn none_until(end: usize) -> Self {
        AuthorList { end, ..AuthorList::default() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Vancouver,
    Inverted,
    InitialsFirst,
}

/// A word and its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Word<'a> {
    /// The word without trailing `,`, `;`, `:` and `.`.
    fn core(&self) -> &'a str {
        self.text.trim_end_matches([',', ';', ':', '.'])
    }
    /// The word without trailing `,`, `;`, `:` (a final period is kept).
    fn core_keep_dot(&self) -> &'a str {
        self.text.trim_end_matches([',', ';', ':'])
    }
    fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }
}

fn words(s: &str, limit: usize) -> Vec<Word<'_>> {
    let head = s.get(..limit).unwrap_or(s);
    // about one word per six bytes: one allocation for most references
    let mut out = Vec::with_capacity(head.len() / 6 + 1);
    let mut pos = 0;
    // the pieces between spaces (`head.split(' ')`), the spaces found with memchr
    let spaces = memchr::memchr_iter(b' ', head.as_bytes());
    for sp in spaces.chain(std::iter::once(head.len())) {
        if sp > pos
            && let Some(w) = head.get(pos..sp)
        {
            // `Tsuruya N,Kawashima T,Shiozuka M`: names glued at a comma (initials,
            // comma, capitalised word) are words of their own
            let b = w.as_bytes();
            let mut from = 0;
            for c in memchr::memchr_iter(b',', b) {
                let glued = c > from
                    && b.get(c - 1).is_some_and(u8::is_ascii_uppercase)
                    && b.get(c + 1).is_some_and(u8::is_ascii_uppercase)
                    && b.get(c + 2).is_some_and(u8::is_ascii_lowercase);
                if glued && let Some(t) = w.get(from..=c) {
                    out.push(Word { text: t, start: pos + from, end: pos + c + 1 });
                    from = c + 1;
                }
            }
            if let Some(t) = w.get(from..) {
                out.push(Word { text: t, start: pos + from, end: sp });
            }
        }
        pos = sp + 1;
    }
    out
}

// `et al` | `et al.` | `et al..` | `et. al.` | `et al,` | `u. a.` | `v.dğr.` | `и др.`
// | `та ін.` | `…. 2024`
// | `others,` (of `and others,`, read after its `and`)
// (the whole "et al" marker; an ellipsis only before the year, as APA 7 puts one before
// the last name: `C, … Z.`)
fn et_al(i: &str) -> IResult<&str, &str> {
    nom::branch::alt((
        nom::combinator::verify(
            recognize((
                nom::branch::alt((tag("…"), tag("..."))),
                take_while(|c| c == '.' || c == ' ' || c == ','),
            )),
            |m: &str| {
                i.get(m.len()..).is_some_and(|r| {
                    r.starts_with(|c: char| c.is_ascii_digit() || c == '(')
                })
            },
        ),
        recognize((
            nom::branch::alt((
                recognize((tag("et"), opt(ch('.')), ch(' '), tag("al"))),
                // (capitals: `ET AL.`, never the `ET AL` of `ET ALLAN`)
                recognize((
                    tag("ET"),
                    opt(ch('.')),
                    ch(' '),
                    tag("AL"),
                    nom::combinator::not(nom::character::complete::satisfy(
                        char::is_alphabetic,
                    )),
                )),
            )),
            take_while(|c| c == '.' || c == ' ' || c == ','),
        )),
        // German `u. a.` (und andere)
        recognize((tag("u. a."), take_while(|c| c == ' ' || c == ','))),
        // Turkish `v.dğr.` (ve diğerleri)
        recognize((tag("v.dğr."), take_while(|c| c == ' ' || c == ','))),
        // Russian `и др.` (и другие), Ukrainian `та ін.` (та інші) (GOST)
        recognize((
            nom::branch::alt((tag("и др."), tag("та ін."))),
            take_while(|c| c == ' ' || c == ','),
        )),
        // MHRA and OSCOLA: `Zhou, Z., and others, ‘Title’`, `Zhou Z and others,`
        recognize((
            tag("others"),
            nom::branch::alt((tag(","), tag("."), tag(" ("))),
            take_while(|c| c == ' '),
        )),
    ))
    .parse(i)
}

// `(2004)` | `(2010a)` | `(2010, March 5)` | `(n.d.)` — a year in brackets
fn year_paren(i: &str) -> IResult<&str, &str> {
    let (r, _) = ch('(').parse(i)?;
    if let Ok((r2, nd)) = recognize((
        tag::<&str, &str, nom::error::Error<&str>>("n.d"),
        opt(ch('.')),
        ch(')'),
    ))
    .parse(r)
    {
        return Ok((r2, nd));
    }
    // `(in press)` / `(In press)` where the year goes
    if let Ok((r2, ip)) = recognize((
        nom::bytes::complete::tag_no_case::<&str, &str, nom::error::Error<&str>>(
            "in press",
        ),
        ch(')'),
    ))
    .parse(r)
    {
        return Ok((r2, ip));
    }
    // `(December 1998)`: a month first
    let (r, _) = opt((
        verify(take_while1(|c: char| c.is_alphabetic()), |m: &str| {
            month_number(m).is_some()
        }),
        ch(' '),
    ))
    .parse(r)?;
    let (r, y) = recognize((
        satisfy(|c| c == '1' || c == '2'),
        satisfy(|c| c.is_ascii_digit()),
        satisfy(|c| c.is_ascii_digit()),
        satisfy(|c| c.is_ascii_digit()),
        opt(satisfy(|c| c.is_ascii_lowercase())),
    ))
    .parse(r)?;
    if parse_year(y).is_none() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let (r, _) =
        take_while_m_n(0, 40, |c: char| c != ')' && c != '(' && c != '.').parse(r)?;
    let (r, _) = ch(')').parse(r)?;
    Ok((r, y))
}

/// `[2022]` | `[2022a]`: a year in square brackets, where others print `(2022)` → the
/// year.
pub(crate) fn year_square(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('[')?;
    let close = inner.find(']').filter(|&c| c <= 5)?;
    let y = inner.get(..close)?;
    let digits = y.get(..4)?;
    (parse_year(digits).is_some()
        && y.get(4..).is_none_or(|l| l.bytes().all(|b| b.is_ascii_lowercase())))
    .then_some(y)
}

/// Where the author list must end at the latest: an opening title quote, a bracketed
/// year (`(2014)`, `[2014]`), or a Chicago/Harvard `. 2014.` year.
fn author_limit(s: &str) -> usize {
    let mut limit = s.len();
    // One byte pass: every character looked at is ASCII or opens with `0xE2`/`0xC2`
    // (`“` `„` `«`), and so is never a continuation byte; the character before is one
    // of the ASCII ` `, `.`, `,` exactly when the byte before is.
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if i > 2000 {
            break;
        }
        if !matches!(c, b'"' | b'(' | b'[' | b' ' | 0xE2 | 0xC2) {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| b.get(p)).copied();
        let after_sep = prev.is_none_or(|p| p == b' ');
        let quote = match c {
            b'"' => true,
            // `“` (E2 80 9C), `„` (E2 80 9E), `«` (C2 AB)
            0xE2 => matches!(b.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9E])),
            0xC2 => b.get(i + 1) == Some(&0xAB),
            _ => false,
        };
        if quote && after_sep {
            limit = i;
            break;
        }
        if c == b'(' && after_sep && year_paren(s.get(i..).unwrap_or_default()).is_ok() {
            limit = i;
            break;
        }
        // `Choi, A. [2022] “Title”`: the year in square brackets
        if c == b'[' && after_sep && year_square(s.get(i..).unwrap_or_default()).is_some()
        {
            limit = i;
            break;
        }
        if c == b' ' && matches!(prev, Some(b'.' | b',')) && i > 0 {
            let rest = s.get(i + 1..).unwrap_or_default();
            let y = rest.get(..4).and_then(parse_year);
            let after = rest.get(4..).unwrap_or_default();
            let after =
                after.strip_prefix(|c: char| c.is_ascii_lowercase()).unwrap_or(after);
            if y.is_some()
                && (after.starts_with(". ") || after.starts_with(", ") || after == ".")
            {
                limit = i;
                break;
            }
        }
    }
    limit
}

/// One name in the list's style, starting at word `k`: the index of the word after it.
fn vancouver_name(ws: &[Word<'_>], k: usize) -> Option<usize> {
    for m in 1..=4 {
        let init = ws.get(k + m)?;
        // the family words `k..k + m`: those before the last passed at `m - 1`
        let fam = ws.get(k + m - 1..k + m)?;
        if !fam.iter().all(|w| {
            !w.text.ends_with([',', '.', ';', ':'])
                && (is_family_word(w.text)
                    || is_particle(w.text)
                    // (a small-letter word only alone: `Mendelian randomization
                    // integrating GWAS` is a title)
                    || m == 1
                        && w.text.chars().count() >= 2
                        && w.text
                            .chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == '\''))
        }) {
            return None;
        }
        // `Siegel RL` or, in some journals, `Siegel R.L.`
        let dotted = is_dotted_initials_undotted(
            init.text.trim_end_matches([',', ';']).trim_end_matches('.'),
        ) && init.core().chars().filter(|c| c.is_alphabetic()).count() <= 4
            && small_only_after_hyphen(init.core());
        if is_nlm_initials(init.core()) || dotted || is_translit_initials(init.core()) {
            let mut next = k + m + 1;
            // initials spread over words: `Spudich J. L,`, `Karl D. M.`
            let mut cur = init;
            while cur.text.ends_with('.') && !cur.text.ends_with("..") {
                let Some(w) = ws.get(next) else { break };
                let c = w.core();
                let single = c.chars().count() == 1 && c.chars().all(char::is_uppercase);
                let cur_single = cur.core().chars().count() == 1;
                let punct = w.text.ends_with([',', '.', ';']);
                // (`Hunter N. J. Antimicrob. Chemother 2018`: an initial before an
                // abbreviated word is a journal's `J.`)
                let journal_j = w.text == "J."
                    && ws.get(next + 1).is_some_and(|a| {
                        a.text.ends_with('.')
                            && a.core().chars().count() > 2
                            && a.text.starts_with(|c: char| c.is_uppercase())
                    });
                if !(cur_single
                    && punct
                    && !journal_j
                    && (single
                        || is_dotted_initials(w.core_keep_dot()) && c.len() <= 4
                        || is_translit_initial(c) && w.text.ends_with('.')))
                {
                    break;
                }
                cur = w;
                next += 1;
            }
            // `Bunting M D, Vyas M`: initials spread over words without full stops,
            // the last one ending the name
            if is_nlm_initials(init.text) {
                let mut j = next;
                while let Some(w) = ws.get(j) {
                    let single = w.core().len() == 1 && is_nlm_initials(w.core());
                    // (`Chen Y Y. Title`: the last initial ends the list with its full
                    // stop)
                    if single
                        && w.text.len() == 2
                        && w.text.ends_with('.')
                        && ws
                            .get(j + 1)
                            .is_none_or(|n| n.text.starts_with(char::is_uppercase))
                    {
                        next = j + 1;
                        break;
                    }
                    // (`Dougherty J D and Heiman M`: the joiner before the last name
                    // ends the initials before it)
                    if !single && j > next && matches!(w.text, "and" | "&") {
                        next = j;
                        break;
                    }
                    if !single || w.text.ends_with('.') {
                        break;
                    }
                    j += 1;
                    if w.text.ends_with([',', ';']) {
                        next = j;
                        break;
                    }
                    if w.text.len() != 1 {
                        break;
                    }
                }
            }
            if !init.text.ends_with([',', '.', ';'])
                && ws
                    .get(next)
                    .is_some_and(|w| is_suffix(w.core_keep_dot()) || is_suffix(w.core()))
            {
                next += 1;
            }
            return Some(next);
        }
    }
    None
}

fn inverted_name(ws: &[Word<'_>], k: usize) -> Option<usize> {
    // family words, the last one ending with `,`
    // (`T-T Chen, X. Li`: initials open a name in reading order)
    if ws.get(k).is_some_and(|w| is_hyphen_initials(w.text)) {
        return None;
    }
    let mut i = k;
    loop {
        let w = ws.get(i)?;
        if i - k >= 4 {
            return None;
        }
        if w.text.ends_with(',') {
            // `Bukowski RM,` is a Vancouver name, not an inverted family name
            // (`AYALA CEJA, M.`: in an upper-case family name before dotted initials
            // the last word is no initials)
            let caps_family = ws.get(k..i).is_some_and(|f| {
                f.iter().all(|x| x.text.chars().all(|c| c.is_uppercase() || is_hyphen(c)))
            }) && ws
                .get(i + 1)
                .is_some_and(|x| is_dotted_initials(x.core_keep_dot()));
            // (`Stewart III, Charles and …`: a numeral suffix before a given name)
            let numeral = matches!(w.core(), "II" | "III" | "IV")
                && i == k + 1
                && ws.get(i + 1).is_some_and(|x| is_given_word(x.core()));
            let nlm_tail = i > k && is_nlm_initials(w.core()) && !caps_family && !numeral;
            if nlm_tail || !(is_family_word(w.core()) || is_particle(w.core())) {
                return None;
            }
            break;
        }
        if w.text.ends_with(['.', ';', ':'])
            || !(is_family_word(w.text) || is_particle(w.text))
        {
            return None;
        }
        i += 1;
    }
    // `American Psychiatric Association, Diagnostic …` names an organisation
    if i > k
        && ws.get(k..=i).is_some_and(|f| {
            let fam: Vec<&str> = f.iter().map(|w| w.core()).collect();
            looks_collective(&fam.join(" "))
        })
    {
        return None;
    }
    // given: dotted initials, NLM initials, or up to three given names
    let mut j = i + 1;
    let mut n = 0;
    let mut seen_init = false;
    while let Some(w) = ws.get(j) {
        let c = w.core_keep_dot();
        // `Guerney, Jr., B. G.`: the suffix between the family name and the initials
        if n == 0
            && w.text.ends_with(',')
            && is_suffix(c.trim_end_matches(','))
            && ws.get(j + 1).is_some_and(|x| is_dotted_initials(x.core_keep_dot()))
        {
            j += 1;
            continue;
        }
        // (undotted `ACS` after `Kim, S.` opens the journal, not more initials)
        // (after dotted initials an undotted letter is one only before a separator:
        // `Lamaire, R. O, and`, not `Krieg, H. A Consistent …`)
        // (`Wang, L. Ph.D. Thesis`: a degree, not initials)
        // (`Gilder, S.A and Hart, R.J.`: the last full stop left out before `and`)
        let undotted = c.contains('.')
            && !c.ends_with('.')
            && crate::normalize::author::is_dotted_initials_undotted(c)
            && (w.text.ends_with(',')
                || ws.get(j + 1).is_some_and(|x| matches!(x.text, "and" | "&")));
        let is_init = is_dotted_initials(c) && !matches!(c, "Ph.D." | "Ph.D" | "Ph.D.,")
            || undotted
            || is_nlm_initials(w.core())
                && if seen_init {
                    w.core().chars().count() == 1 && w.text.ends_with([',', ';'])
                } else {
                    // (`Candel, MJJM;`: four letters only before a separator)
                    w.core().chars().count() <= 3
                        || w.core().chars().count() == 4
                            && w.text.ends_with([';', ',', '.'])
                };
        // (Chicago `Mason, R. Hal and John C. McKelvey.`, `Mason, R. Hal. 1962.`: a
        // given name after one initial, when `and` or the year follows it)
        let is_name = is_given_word(w.core())
            && (!seen_init || k == 0 && n == 1 && name_after_initial(ws, j));
        let suffix = n > 0 && is_suffix(w.core_keep_dot());
        // ACS: `Doe, B. J. Am. Chem. Soc. 2020` — `J.` before an abbreviated word opens
        // the journal (`J. Am.`, `J. Org.`, `J. Phys.`), it is not an initial
        let journal_j = n > 0
            && c == "J."
            && ws.get(j + 1).is_some_and(|x| {
                let t = x.text;
                t.ends_with('.')
                    && t.chars().next().is_some_and(char::is_uppercase)
                    && t.chars().filter(|c| c.is_lowercase()).count() >= 1
                    && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            });
        if !(is_init || is_name || suffix) || n >= 4 || journal_j {
            break;
        }
        seen_init |= is_init;
        n += 1;
        j += 1;
        // a given name with a full stop ends the list: `Worthen, Samuel Copp. ‘Poe…’`
        // (and one with a colon: `Schöler, Jutta: Leistungsförderung und …`)
        if w.text.ends_with([',', ';'])
            || is_name && !is_init && n == 1 && w.text.ends_with(':')
            || (is_name && !is_init && n >= 3)
            || is_name && !is_init && w.text.ends_with('.')
        {
            break;
        }
    }
    if n == 0 {
        return None;
    }
    // full given names end at a separator, a bracketed year or `and`: `Alena Ledeneva,
    // How Russia Really Works` and `Barrington Moore, Social Origins of …` are a name
    // in reading order and a title, not `Ledeneva, How Russia Really`
    // `Homo Academicus, Peter Collier (trans.)`: a translator after a title
    if ws
        .get(j)
        .is_some_and(|w| w.text.starts_with("(trans") || w.text.starts_with("(tr."))
    {
        return None;
    }
    if !seen_init
        && ws.get(j - 1).is_some_and(|w| !w.text.ends_with([',', ';', '.', ':']))
        && ws.get(j).is_some_and(|w| {
            !(w.text.starts_with('(')
                // (`LISÝ, Ján a kol.`: Czech and Slovak `and`)
                || matches!(w.text, "and" | "&" | "et" | "und" | "y" | "And" | "a")
                || matches!(w.text, "AND" | "ET" | "UND")
                || is_suffix(w.core_keep_dot()))
        })
    {
        return None;
    }
    // `, Jr.`
    if ws.get(j - 1).is_some_and(|w| w.text.ends_with(','))
        && ws.get(j).is_some_and(|w| is_suffix(w.core_keep_dot()) || is_suffix(w.core()))
    {
        j += 1;
    }
    Some(j)
}

/// True when the word at `j` (a given-name word after one initial) ends the name: `and`
/// or `&` follows it, or it ends with a full stop before the year (`Hal. 1962.`,
/// `Hal. (1962)`) or where the list was cut (at the year or a title's quote).
fn name_after_initial(ws: &[Word<'_>], j: usize) -> bool {
    let Some(w) = ws.get(j) else { return false };
    let next = ws.get(j + 1).map(|x| x.text);
    if w.text.ends_with('.') {
        // (no word after it: the list was cut at the year or an opening quote)
        return next.is_none_or(|t| parse_year(t).is_some());
    }
    // (`and` then a name in reading order, two to four capitalised words or initials,
    // the last one closing with `.` or `,`: `and John C. McKelvey.`, not `Romero, P.
    // Metabolic and Epigenetic Regulation of …`)
    let reading_name = || {
        let rest = ws.get(j + 2..).unwrap_or_default();
        let Some(end) =
            rest.iter().take(4).position(|x| x.text.ends_with(['.', ',', ';', ':']))
        else {
            return false;
        };
        end >= 1
            && rest.get(..=end).is_some_and(|name| {
                name.iter().all(|x| {
                    is_given_word(x.core())
                        || is_family_word(x.core())
                        || is_dotted_initials(x.core_keep_dot())
                })
            })
            && rest
                .get(end)
                .is_some_and(|x| x.text.ends_with(['.', ',']) && !x.text.ends_with(".,"))
    };
    // (the initial before it closes with its full stop alone: not `Varga, R.S.: Title`)
    if j.checked_sub(1).and_then(|i| ws.get(i)).is_none_or(|x| !x.text.ends_with('.')) {
        return false;
    }
    !w.text.ends_with([';', ':']) && matches!(next, Some("and" | "&")) && reading_name()
}

/// `allow_full`: a full given name (`David R. Cheriton`) may open the name; lists whose
/// first name has initials only keep to initials (so `G. Chen, Nano Lett.` stops).
fn initials_first_name(ws: &[Word<'_>], k: usize, allow_full: bool) -> Option<usize> {
    let mut j = k;
    let mut n_given = 0;
    let mut full = false;
    // (a list whose first name has dotted initials keeps to them: in `P. Karfunkel, J
    // Exp Zool` the undotted `J` opens the journal)
    let dotted_list =
        k > 0 && ws.first().is_some_and(|w| is_dotted_initials(w.core_keep_dot()));
    while let Some(w) = ws.get(j) {
        let c = w.core_keep_dot();
        let initial = is_dotted_initials(c) && !w.text.ends_with([',', ';'])
            || is_nlm_initials(w.text) && w.text.chars().count() == 1 && !dotted_list
            || is_hyphen_initials(w.text);
        if initial {
            n_given += 1;
        } else if allow_full
            && is_given_word(w.text)
            && n_given == 0
            && ws.get(j + 1).is_some()
        {
            full = true;
            n_given += 1;
        } else {
            break;
        }
        j += 1;
        // (`R. G. G. R. Pradeep`: up to four initials)
        if n_given >= 4 {
            break;
        }
    }
    if n_given == 0 {
        return None;
    }
    // `Polley LD, Biochim Biophys Acta`: a capitalised word before NLM initials
    // without a vowel is a Vancouver name, not a given name and an upper-case family
    // name (`Jing LI,`)
    if full
        && k == 0
        && n_given == 1
        && ws.get(j).is_some_and(|w| {
            // (`Liang Z-X,`)
            let c = w.core();
            let letters = c.bytes().filter(|&b| b != b'-').count();
            (2..=3).contains(&letters)
                && !c.starts_with('-')
                && c.bytes().all(|b| {
                    b == b'-' || b.is_ascii_uppercase() && !b"AEIOUY".contains(&b)
                })
        })
    {
        return None;
    }
    // `Cohen J. G. AJ. 2004;127:1545`, `Sneden C. ApJ. 1973`: after a Vancouver name,
    // an astronomy journal's acronym is no family name
    if full
        && ws.get(j).is_some_and(|w| {
            let c = w.core();
            w.text.ends_with('.')
                && (2..=5).contains(&c.len())
                && c.ends_with(|ch: char| ch.is_ascii_uppercase())
                && c.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        })
        // (the source follows: `AJ. 2004;127:1545`)
        && ws.get(j + 1).is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // (a colon ends a later name, `M. Requesens: Title`, and a first one after dotted
    // initials, `C. G. Gayford: Title`)
    let colon = k > 0 || !full;
    family_after_given(ws, j, full, colon).or_else(|| {
        // `B. Xi.`: a short family name looked like an initial (`Th.`); give it back
        (n_given > 1).then(|| family_after_given(ws, j - 1, full, colon)).flatten()
    })
}

/// The family words of an initials-first name, from word `j`: the index after them.
/// `colon`: a `:` may end the name (after the first: `M. Vyas, M. Requesens: Title`;
/// the first name's `Spencer A. Morphological Theory:` is a title's).
fn family_after_given(
    ws: &[Word<'_>],
    mut j: usize,
    full: bool,
    colon: bool,
) -> Option<usize> {
    // (never after a full given name: `Benedict Anderson, Imagined Communities:`)
    let ends: &[char] =
        if colon && !full { &[',', '.', ';', ':'] } else { &[',', '.', ';'] };
    // family words; the name ends at a word ending with `,` `.` `;` or before `and`/`&`
    let mut f = 0;
    while let Some(w) = ws.get(j) {
        let core = w.core();
        if !(is_family_word(core) || is_particle(core)) || f >= 3 {
            break;
        }
        f += 1;
        j += 1;
        // (`M. Requesens: Title`, German)
        if w.text.ends_with(ends) {
            break;
        }
        let next = ws.get(j).map(|w| w.text);
        if matches!(
            next,
            Some("and" | "&" | "und" | "And" | "et" | "et." | "AND" | "ET" | "UND")
                | None
        ) || next.is_some_and(is_editor_marker)
            || is_small_joiner(ws, j)
            || german_et_al_at(ws, j)
        {
            break;
        }
        if full && f >= 2 {
            break;
        }
    }
    if f == 0 {
        return None;
    }
    // a full-name guess must end cleanly
    let last = ws.get(j - 1)?;
    let next = ws.get(j).map(|w| w.text);
    // (`Tristram R. Kidder 2013 Building …`: a bare year after the last name)
    let clean = last.text.ends_with(ends)
        || matches!(
            next,
            Some("and" | "&" | "und" | "And" | "et" | "et." | "AND" | "ET" | "UND")
                | None
        )
        || is_small_joiner(ws, j)
        || german_et_al_at(ws, j)
        || next.is_some_and(is_editor_marker)
        || next.is_some_and(|n| {
            let y = n.trim_end_matches(['.', ',']);
            let y = y.strip_suffix(|c: char| c.is_ascii_lowercase()).unwrap_or(y);
            parse_year(y).is_some()
        });
    clean.then_some(j)
}

/// `and` | `&` | `und` (any of them in capitals): the word that joins the last name.
fn is_and_word(w: &str) -> bool {
    matches!(w, "and" | "&" | "und" | "And" | "AND" | "UND")
}

/// German `u. a.` (und andere, et al.) at word `j`.
fn german_et_al_at(ws: &[Word<'_>], j: usize) -> bool {
    ws.get(j).is_some_and(|w| w.text == "u.")
        && ws.get(j + 1).is_some_and(|w| w.text.starts_with("a."))
}

/// `(Ed.)`, `(Eds.),`, `editors`, `eds.`, `(Hrsg.)`, `(Org.)`: the end of an editor list.
fn is_editor_marker(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.', ':', ')']);
    // ASCII words compare case-blind in place; a non-ASCII word is lower-cased first
    // (a non-ASCII letter can lower-case to an ASCII one)
    let lowered;
    let w = if w.is_ascii() {
        w
    } else {
        lowered = w.to_lowercase();
        lowered.as_str()
    };
    [
        "(ed", "(eds", "editors", "editor", "eds", "(editors", "(editor",
        // (German, French, Portuguese and Spanish, Polish and Scandinavian)
        "(hrsg", "(hg", "(dir", "(dirs", "(éd", "(éds", "(org", "(orgs", "(coord",
        "(coords", "(comp", "(comps", "(red",
    ]
    .iter()
    .any(|m| w.eq_ignore_ascii_case(m))
}

/// `ZHOU (Z.),`, `AYALA CEJA (M.),`, `HARRIS (C. M.) –` (French): family words, then
/// the dotted initials in brackets: the index of the word after them.
fn bracketed_initials_name(ws: &[Word<'_>], k: usize) -> Option<usize> {
    let mut i = k;
    while ws.get(i).is_some_and(|w| !w.text.starts_with('(')) {
        let w = ws.get(i)?;
        if i - k >= 3 || !(is_family_word(w.text) || is_particle(w.text)) {
            return None;
        }
        i += 1;
    }
    if i == k {
        return None;
    }
    let mut j = i;
    loop {
        let w = ws.get(j)?;
        // (`(Z.),`, `(C.` `M.)`, `(G.).`)
        let c = w.text.trim_end_matches([',', ';', ':']);
        let c = c.strip_suffix(").").map_or(c, |t| c.get(..=t.len()).unwrap_or(c));
        // (`SMITH (Ed.)` is an editor)
        if j == i && is_editor_marker(w.text) {
            return None;
        }
        let c = if j == i { c.strip_prefix('(')? } else { c };
        let (c, closed) = c.strip_suffix(')').map_or((c, false), |c| (c, true));
        if !is_dotted_initials(c) || j - i >= 4 {
            return None;
        }
        j += 1;
        if closed {
            return Some(j);
        }
        if w.text.ends_with([',', ';', ':']) {
            return None;
        }
    }
}

fn name_at(style: Style, ws: &[Word<'_>], k: usize, allow_full: bool) -> Option<usize> {
    match style {
        Style::Vancouver => vancouver_name(ws, k),
        Style::Inverted => inverted_name(ws, k)
            .or_else(|| bracketed_initials_name(ws, k))
            .or_else(|| initials_first_name(ws, k, allow_full))
            // `Witten, I. H., Neal R. M., and Cleary J. G.`: after the first name, one
            // with dotted initials after the family name
            .or_else(|| {
                (k > 0).then(|| vancouver_name(ws, k)).flatten().filter(|&j| {
                    ws.get(k + 1..j).is_some_and(|init| {
                        init.iter().all(|w| w.core_keep_dot().ends_with('.'))
                    })
                })
            }),
        Style::InitialsFirst => initials_first_name(ws, k, allow_full),
    }
}

/// A collective member of a Vancouver list (`…, WHO Study Group.`), or a group name
/// that opens one (`US Preventive Services Task Force, Grossman DC, …`): the index of
/// the word after it.
fn collective_item(s: &str, ws: &[Word<'_>], k: usize) -> Option<usize> {
    let w = ws.get(k)?;
    let mut j = k;
    while let Some(x) = ws.get(j) {
        j += 1;
        if x.text.ends_with([',', '.', ';']) || j - k > 12 {
            break;
        }
    }
    // NLM: `Brown MJ; British Hypertension Society Programme of … Therapy (PATHWAY)
    // Study Group. Title`: a group after `;` may be long when it ends with its
    // organisation's word and a full stop
    if j - k > 12 && k > 0 && ws.get(k - 1).is_some_and(|p| p.text.ends_with(';')) {
        let mut e = j;
        while let Some(x) = ws.get(e) {
            e += 1;
            if x.text.ends_with([',', '.', ';']) || e - k > 24 {
                break;
            }
        }
        if ws.get(e - 1).is_some_and(|x| {
            x.text.ends_with('.')
                && crate::normalize::author::has_org_word(x.text.trim_end_matches('.'))
        }) {
            j = e;
        }
    }
    let last = ws.get(j - 1)?;
    let text = s.get(w.start..last.end)?;
    if !looks_collective(text) {
        return None;
    }
    // `Klein J., Origins of hydration lubrication in cartilage.`: after a name, a
    // phrase in sentence case (or a question) is the title of a list that ended on
    // its comma (Science), not one more author
    // (`RM Steinman 1998 Dendritic cells …` opens with a name in reading order)
    // (`A Noradrenergic-Hypothalamic Neural Substrate for …`: the article `A` before
    // a run of capitalised words opens a title in title case)
    let title_case_article = w.text == "A"
        && ws.get(k + 2).is_some_and(|n| n.text.starts_with(|c: char| c.is_uppercase()));
    let initials_first = w.text.len() <= 3
        && w.text.bytes().all(|b| b.is_ascii_uppercase())
        && ws.get(k + 1).is_some_and(|n| is_family_word(n.text))
        && !title_case_article;
    // (`The reliability and validity of …`: an article, then a small-letter word)
    let article_phrase = matches!(w.text, "The" | "A" | "An")
        && ws.get(k + 1).is_some_and(|n| n.text.starts_with(|c: char| c.is_lowercase()));
    // (`Cryan J. F., Microbiota and the social brain. Science`: four words or more
    // that name no organisation are a title too)
    if k > 0
        && !initials_first
        && (is_sentence_case(text)
            || text.contains('?')
            || article_phrase
            || title_case_article
            || text.split_whitespace().count() >= 4
                && !crate::normalize::author::has_org_word(text)
                // (`A B da Cruz e Silva O.`: a name that ends with its initial)
                && !text
                    .trim_end_matches([',', ';'])
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| is_dotted_initials(w) || is_nlm_initials(w)))
    {
        return None;
    }
    // `Polley LD, Biochim Biophys Acta, 1978, 526, 259–266.`: after a name, words
    // before `, year, volume` are the journal of an RSC citation
    if k > 0 && last.text.ends_with(',') && rsc_year_after(s, last.end) {
        return None;
    }
    // opening a list: a Vancouver name must follow
    if k == 0
        && !(last.text.ends_with([',', ';']) && vancouver_name(ws, j).is_some()
            || last.text.ends_with('.') && group_then_members(text, ws, j))
    {
        return None;
    }
    Some(j)
}

/// `group` names an organisation (no `:` of a title in it) and its members follow from
/// word `k` (`The EMPA-KIDNEY Collaborative Group. Herrington WG, Staplin N, …`).
fn group_then_members(group: &str, ws: &[Word<'_>], k: usize) -> bool {
    crate::normalize::author::has_org_word(group)
        && !group.contains(':')
        && names_follow(ws, k)
}

/// Two Vancouver names from word `k`, the first ending with a comma (`Herrington WG,
/// Staplin N`).
fn names_follow(ws: &[Word<'_>], k: usize) -> bool {
    vancouver_name(ws, k).is_some_and(|j| {
        ws.get(j - 1).is_some_and(|w| w.text.ends_with(','))
            && vancouver_name(ws, j).is_some()
    })
}

/// An RSC citation's `year, volume` after byte `at` (` 1978, 526, 259–266`).
fn rsc_year_after(s: &str, at: usize) -> bool {
    let t = s.get(at..).unwrap_or_default().trim_start().as_bytes();
    t.len() > 7
        && t.get(..4)
            .and_then(|y| std::str::from_utf8(y).ok())
            .and_then(parse_year)
            .is_some()
        && t.get(4..6) == Some(b", ")
        && t.get(6).is_some_and(u8::is_ascii_digit)
}

fn is_et_al_at(s: &str, w: &Word<'_>) -> Option<usize> {
    let rest = s.get(w.start..)?;
    et_al(rest).ok().map(|(r, _)| rest.len() - r.len())
}

/// Find the author list at the front of `s`.
pub(crate) fn scan_authors(s: &str) -> AuthorList {
    let limit = author_limit(s);
    let mut l = scan_authors_to(s, limit);
    complete_to_year(s, limit, &mut l);
    l
}

/// A last name the list's style did not read, right before the bracketed year
/// (`Pettijohn TF II, Tesser (2003)`, `Scurrah M, Alcázar et al. (2012)`): up to
/// three capitalised words between the list and the year are one more author.
fn complete_to_year(s: &str, limit: usize, l: &mut AuthorList) {
    if l.items.is_empty() || l.end >= limit || l.editors {
        return;
    }
    if !s.get(limit..).is_some_and(|t| t.starts_with('(')) {
        return;
    }
    let gap = s.get(l.end..limit).unwrap_or_default();
    let lead = gap.len() - gap.trim_start_matches([',', ' ', '&']).len();
    let mut name = gap.get(lead..).unwrap_or_default().trim_end();
    let mut start = l.end + lead;
    if let Some(rest) = name.strip_prefix("and ") {
        start += 4;
        name = rest;
    }
    let mut et_al = false;
    for marker in [" et al.", " et al", ", et al."] {
        if let Some(n) = name.strip_suffix(marker) {
            name = n;
            et_al = true;
            break;
        }
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = (1..=3).contains(&words.len())
        && !name.contains(['.', ',', ';', ':', '(', ')'])
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if ok {
        l.items.push(start..start + name.len());
        l.et_al |= et_al;
        l.end = limit;
        l.dangling = false;
    }
}

/// [`scan_authors`] with the limit worked out.
fn scan_authors_to(s: &str, limit: usize) -> AuthorList {
    let ws = words(s, limit);
    let Some(first) = ws.first() else { return AuthorList::default() };
    // `Broad Institute TCGA Genome Data Analysis Center (2013)`, `The WHO
    // Collaborative Study (1992)`: an organisation, no list, right before the year
    if s.get(limit..).is_some_and(|t| t.starts_with('('))
        && let Some(head) = s.get(first.start..limit).map(str::trim_end)
        && !head.contains([',', ';', '.', '&'])
        && (3..=12).contains(&ws.len())
        && crate::normalize::author::looks_collective(head)
        && !head.contains(" and ")
    {
        return AuthorList {
            items: std::iter::once(first.start..first.start + head.len()).collect(),
            et_al: false,
            editors: false,
            end: limit,
            dangling: false,
            closed_by_and: false,
        };
    }
    if let Some(l) = organisations_before_year(s, first.start, limit) {
        return l;
    }
    if let Some(l) = slash_list(s) {
        return l;
    }
    let mut best: Option<AuthorList> = None;
    for style in [Style::Vancouver, Style::Inverted, Style::InitialsFirst] {
        // (an inverted list opens with a family name, never with an initial: `C. Gao,
        // J. Chen and J. Bai, J Transl Med` is in reading order)
        if style == Style::Inverted
            && is_dotted_initials(first.text.trim_end_matches(','))
        {
            continue;
        }
        let first_ok = name_at(style, &ws, 0, true).is_some()
            || style == Style::Vancouver && collective_item(s, &ws, 0).is_some();
        if !first_ok {
            continue;
        }
        let mut l = scan_style(s, &ws, style);
        // Chicago: `Smith, John, Jane Doe, and Bob Ray` — names after the first in
        // reading order end with one after `and`; without it (`Bourdieu, Pierre, Homo
        // Academicus, Peter Collier (trans.)`) the words after the first name are a
        // title
        if style == Style::Inverted
            && l.items.len() >= 2
            && l.items
                .first()
                .and_then(|r| s.get(r.clone()))
                .is_some_and(|t| t.contains(", "))
            && l.items
                .iter()
                .skip(1)
                .all(|r| s.get(r.clone()).is_some_and(|t| !t.contains(',')))
            && !l.et_al
            && !l.editors
        {
            let first_end = l.items.first().map_or(0, |r| r.end);
            let span = s.get(first_end..l.end).unwrap_or_default();
            // (Czech and Slovak `a`, Italian `e`: `ANTILA, H., I. KWAK a A. CHOI`)
            let small_joiner = |j: &str| {
                span.find(j).is_some_and(|i| {
                    span.get(i + j.len()..)
                        .is_some_and(|t| t.starts_with(char::is_uppercase))
                })
            };
            // (`ANTILA, H., I. KWAK, A. CHOI,`: names after the first that open with
            // their initials are names, `and` or not)
            let initials_first = l.items.iter().skip(1).all(|r| {
                s.get(r.clone()).is_some_and(|t| {
                    let mut w = t.split(' ');
                    w.next().is_some_and(is_dotted_initials)
                        && w.all(|f| f.starts_with(char::is_uppercase))
                })
            });
            if !(initials_first
                || span.contains(" and ")
                || span.contains(" & ")
                || span.contains(" et ")
                || span.contains(" und ")
                || span.contains(" y ")
                || span.contains(" AND ")
                || span.contains(" ET ")
                || span.contains(" UND ")
                || small_joiner(" a ")
                || small_joiner(" e "))
            {
                l.items.truncate(1);
                // (past the comma after the first name)
                let after = s.get(first_end..).unwrap_or_default();
                l.end = first_end
                    + (after.len() - after.trim_start_matches([',', ' ']).len());
                l.dangling = false;
            }
        }
        // a Vancouver list that ends cleanly (`.`, `et al.`, a bracketed year) wins,
        // unless it ends on one initial (`David R.` of `David R. Cheriton,`) and a
        // clean list of another style goes further
        if style == Style::Vancouver {
            let tail = s.get(l.end..).unwrap_or_default().trim_start();
            let before = s.get(..l.end).unwrap_or_default();
            // (`AYALA CEJA (M.),`: the bracket holds the initials of a French name)
            let clean = before.ends_with('.')
                || l.closed_by_and
                || l.et_al
                || l.end >= limit
                || tail.starts_with('(') && bracketed_initials_name(&ws, 0).is_none();
            let one_initial = l
                .items
                .last()
                .and_then(|r| s.get(r.clone()))
                .and_then(|t| t.rsplit(' ').next())
                .is_some_and(|w| w.chars().count() == 1)
                // (a list that opened with NLM initials, `Lind KA and Okafor R.`, is
                // Vancouver whatever its last name ends with)
                && !l.items.first().is_some_and(|r| {
                    s.get(r.end..).is_some_and(|t| !t.starts_with('.'))
                        && s.get(r.clone())
                            .and_then(|t| t.rsplit(' ').next())
                            .is_some_and(|w| w.len() >= 2 && is_nlm_initials(w))
                });
            // `Stephen H. Kellert, In the Wake of Chaos`: one `Given I.` name before a
            // capitalised word with a comma is a name in reading order
            let reading_order = l.items.len() == 1
                && tail.split(' ').next().is_some_and(|w| {
                    w.ends_with(',') && is_family_word(w.trim_end_matches(','))
                })
                && s.get(l.items.first().cloned().unwrap_or_default()).is_some_and(|t| {
                    t.split(' ').count() == 2 && t.ends_with(|c: char| c.is_uppercase())
                });
            // (`Horn B. Robot Vision. MIT Press`: after the one initial, a sentence,
            // not the rest of a name in reading order: `David R. Cheriton, …`,
            // `Lisa F. Rau. Title`, `David R. Cheriton and …`)
            let mut tail_words = tail.split(' ');
            let name_goes_on = tail_words
                .next()
                .is_some_and(|w| w.ends_with([',', ';', '.']) || !tail.contains(' '))
                || tail_words.next().is_some_and(|w| matches!(w, "and" | "&"));
            let one_initial = one_initial && name_goes_on;
            if clean && !one_initial && !reading_order {
                return l;
            }
            // (a reading-order name weighs like a list that stopped half-way, so the
            // style that reads the whole name wins)
            l.dangling |= !clean || reading_order;
        }
        let better = match &best {
            None => true,
            Some(b) => {
                (b.dangling && !l.dangling)
                    || (b.dangling == l.dangling
                        && (l.end > b.end
                            || l.end == b.end && l.items.len() > b.items.len()))
            }
        };
        if better {
            best = Some(l);
        }
    }
    match best {
        Some(l) if !l.items.is_empty() => l,
        _ => collective(s, limit, first.start),
    }
}

/// Two or more organisations right before the year, each a collective author:
/// `British Thoracic Society; Scottish Intercollegiate Guidelines Network (2003)`,
/// `United Nations Children's Fund, World Health Organization . 2025.`. Each part
/// names an organisation (a word of an organisation, or an acronym after `;`), so a
/// list of persons (`Smith, John (2003)`) never reads as one.
fn organisations_before_year(s: &str, start: usize, limit: usize) -> Option<AuthorList> {
    if limit >= s.len() {
        return None;
    }
    let head = s.get(start..limit)?.trim_end().trim_end_matches(['.', ',']).trim_end();
    let semicolons = head.contains(';');
    let sep = if semicolons { ";" } else { ", " };
    let mut items = Vec::new();
    let mut at = start;
    for part in head.split(sep) {
        let lead = part.len() - part.trim_start().len();
        let name = part.trim();
        let words = name.split_whitespace().count();
        let acronym = semicolons
            && words == 1
            && name.len() >= 2
            && name.bytes().all(|b| b.is_ascii_uppercase());
        if !(1..=12).contains(&words)
            || name.contains(['.', ':', ',', '(', ')', '"'])
            || !(acronym || crate::normalize::author::has_org_word(name))
        {
            return None;
        }
        items.push(at + lead..at + lead + name.len());
        at += part.len() + sep.len();
    }
    (items.len() >= 2).then_some(AuthorList {
        items,
        et_al: false,
        editors: false,
        end: limit,
        dangling: false,
        closed_by_and: false,
    })
}

/// Family names between slashes (German law and criminology styles): `Zhou/Wang/Zhang,
/// Title` (the list ends at the comma), or `Zhou / Wang / Zhang Title` (spaced slashes;
/// the last name is one word, the title follows it). Each name is one to three family
/// words; at least two names.
fn slash_list(s: &str) -> Option<AuthorList> {
    let b = s.as_bytes();
    // (the first slash comes early: one look at the head for most references)
    memchr::memchr(b'/', b.get(..b.len().min(48)).unwrap_or(b))?;
    let family = |t: &str| {
        let n = t.split(' ').count();
        (1..=3).contains(&n)
            && t.split(' ').all(|w| is_family_word(w) || is_particle(w))
            && t.split(' ').next().is_some_and(|w| w.starts_with(char::is_uppercase))
    };
    let mut items = Vec::new();
    let mut pos = 0;
    let mut spaced = false;
    loop {
        let rest = s.get(pos..)?;
        let slash = rest.find('/').filter(|&i| i <= 48);
        let Some(i) = slash else { break };
        let name = rest.get(..i)?;
        let trimmed = name.trim_end();
        // (a slash further on is the title's: `Gazzola Prevalence of Manic/Hypomanic`)
        if !family(trimmed) {
            break;
        }
        spaced |= trimmed.len() < name.len();
        items.push(pos..pos + trimmed.len());
        pos += i + 1;
        pos += s.get(pos..)?.len() - s.get(pos..)?.trim_start_matches(' ').len();
    }
    if items.is_empty() {
        return None;
    }
    let rest = s.get(pos..)?;
    // (`Le Roch/Zhou, Y.; Blair, P. L.`: initials after the comma belong to the name)
    let initials_after = |c: usize| {
        // (not a title's `A`: `Antila/Kwak/Choi, A Noradrenergic …`)
        rest.get(c + 1..).and_then(|t| t.split_whitespace().next()).is_some_and(|w| {
            let core = w.trim_end_matches([',', ';', ':']);
            is_dotted_initials(core) || core.len() < w.len() && is_nlm_initials(core)
        })
    };
    let end = if let Some(comma) = rest.find(',').filter(|&c| c <= 48)
        && family(rest.get(..comma)?)
        && !initials_after(comma)
    {
        items.push(pos..pos + comma);
        pos + comma + 1
    } else {
        // (spaced slashes: the last name is one word, a title after it)
        let w = rest.split(' ').next()?;
        if !(spaced && w.len() < rest.len() && is_family_word(w)) {
            return None;
        }
        items.push(pos..pos + w.len());
        pos + w.len()
    };
    Some(AuthorList { items, end, ..AuthorList::default() })
}

fn scan_style(s: &str, ws: &[Word<'_>], style: Style) -> AuthorList {
    let mut list = AuthorList::default();
    let mut k = 0;
    let mut end = 0;
    loop {
        let after_and = ws.get(k).is_some_and(|w| {
            matches!(
                w.text,
                "and" | "&" | "And" | "und" | "et" | "y" | "AND" | "ET" | "UND"
            )
        }) || is_small_joiner(ws, k);
        // separators: `and`, `&`
        // (`et` between two names is French `and`: `Ruin, I. et Lutoff, C.`)
        while ws.get(k).is_some_and(|w| {
            is_and_word(w.text)
                || w.text == "y"
                || matches!(w.text, "et" | "ET")
                    && ws.get(k + 1).is_some_and(|n| {
                        !(n.text.starts_with("al")
                            || matches!(n.text, "AL" | "AL." | "AL.," | "AL,"))
                    })
        }) || is_small_joiner(ws, k)
        {
            k += 1;
        }
        let Some(w) = ws.get(k) else { break };
        if let Some(len) = is_et_al_at(s, w) {
            list.et_al = true;
            end = w.start + len;
            break;
        }
        // full given names (`John Flenley`) only in lists that opened with one
        // (`David Cline, …` or, inverted, `Bahn, Paul G., and John Flenley`)
        let first_given_full = match style {
            Style::Inverted => {
                list.items.first().and_then(|r| s.get(r.clone())).is_some_and(|t| {
                    t.split_once(", ").is_some_and(|(_, g)| {
                        g.split_whitespace()
                            .any(|w| is_given_word(w.trim_end_matches(['.', ','])))
                    })
                })
            }
            _ => ws.first().is_some_and(|w| is_given_word(w.text)),
        };
        // (`Kibler, D., and David W. Aha`: the last name of an inverted list in
        // reading order)
        let allow_full =
            k == 0 || first_given_full || style == Style::Inverted && after_and;
        // Chicago: `Smith, John, Jane Doe, Bob Ray, et al.` — after a first name
        // inverted with full given names and a comma, the names are in reading order
        // (`Jane Doe, Bob Ray` is two people, not `Doe, Jane` … `Ray, Bob`)
        let chicago_next = style == Style::Inverted
            && k > 0
            && first_given_full
            && ws.get(k - 1).is_some_and(|w| w.text.ends_with(','));
        let next = chicago_next
            .then(|| initials_first_name(ws, k, true))
            .flatten()
            .or_else(|| name_at(style, ws, k, allow_full))
            // `Zhou Z, J Wang, G Zhang 2024`: after the first name, names in reading
            // order with one undotted initial (never a Vancouver name, which opens with
            // the family name)
            .or_else(|| {
                (style == Style::Vancouver
                    && k > 0
                    && ws.get(k).is_some_and(|w| {
                        w.text.len() == 1
                            && w.text.bytes().all(|b| b.is_ascii_uppercase())
                    }))
                .then(|| initials_first_name(ws, k, false))
                .flatten()
            })
            // `Zhou Z., J. Wang, and G. Zhang 2024`: dotted initials too, when the
            // first name's dotted initials end with a comma; the name ends with a comma
            // or before `and`, or after `and` (`Smith A., J. Biol. Chem.` is a journal)
            .or_else(|| {
                (style == Style::Vancouver
                    && k > 0
                    && (after_and
                        || ws.get(k - 1).is_some_and(|p| p.text.ends_with(',')))
                    && list.items.first().is_some_and(|r| {
                        s.get(r.end..).is_some_and(|t| {
                            t.starts_with(".,") || after_and && t.starts_with(". ET ")
                        })
                    })
                    && ws.get(k).is_some_and(|w| is_dotted_initials(w.text)))
                .then(|| initials_first_name(ws, k, false))
                .flatten()
                .filter(|&j| {
                    after_and || ws.get(j - 1).is_some_and(|l| !l.text.ends_with('.'))
                })
            })
            // (`Doyle JP, JD Dougherty, M Heiman 2008`: NLM initials too; so in the
            // Australian legal guide's `Doyle, JP, JD Dougherty and M Heiman`)
            .or_else(|| {
                ((style == Style::Vancouver
                    || style == Style::Inverted
                        && list
                            .items
                            .first()
                            .and_then(|r| s.get(r.clone()))
                            .is_some_and(|t| {
                                t.split_once(", ")
                                    .is_some_and(|(_, g)| is_nlm_initials(g))
                            }))
                    && k > 0
                    && ws.get(k).is_some_and(|w| {
                        (2..=3).contains(&w.text.len())
                            && w.text.bytes().all(|b| b.is_ascii_uppercase())
                    })
                    && ws.get(k + 1).is_some_and(|w| !is_nlm_initials(w.core())))
                .then(|| family_after_given(ws, k + 1, false, true))
                .flatten()
            })
            .or_else(|| {
                (style == Style::Vancouver).then(|| collective_item(s, ws, k)).flatten()
            });
        let Some(j) = next else {
            // a separator that no name follows
            list.dangling = !list.items.is_empty();
            break;
        };
        // `Barik S, Int J Mol Sci, 2020`: a Vancouver name after a comma that runs
        // on into a capitalised word is the start of a journal's name
        if style == Style::Vancouver
            && k > 0
            && ws.get(k - 1).is_some_and(|p| p.text.ends_with(','))
            && ws.get(j - 1).is_some_and(|l| !l.text.ends_with([',', '.', ';', ':']))
            && ws.get(j).is_some_and(|n| {
                n.text.starts_with(|c: char| c.is_uppercase())
                    && !matches!(n.text, "And" | "ET" | "Jr" | "Sr" | "Jr." | "Sr.")
            })
            // (only before `, year,`: `Raz I Collaborative Study Group.` is PubMed's
            // last name run into a group's)
            && (j..j + 8).find(|&i| ws.get(i).is_none_or(|w| w.text.ends_with([',', '.', ';'])))
                .is_some_and(|i| {
                    ws.get(i).is_some_and(|w| w.text.ends_with(',') && rsc_year_after(s, w.end))
                })
        {
            list.dangling = true;
            break;
        }
        let mut j = j;
        // `Francis T., Jr Serological reactions`: `Jr`/`Sr` after the comma is the
        // name's suffix (PubMed prints `Wood WB., Jr`)
        if style == Style::Vancouver
            && ws.get(j - 1).is_some_and(|l| l.text.ends_with(','))
            && ws.get(j).is_some_and(|n| matches!(n.core(), "Jr" | "Sr"))
        {
            j += 1;
        }
        let last = ws.get(j - 1).copied().unwrap_or(*w);
        let trail: &[char] = if style == Style::Vancouver {
            &[',', ';', '.', ':']
        } else {
            &[',', ';', ':']
        };
        list.items.push(w.start..last.start + last.text.trim_end_matches(trail).len());
        end = last.end;
        k = j;
        // does the list go on?
        let nxt = ws.get(k).map(|w| w.text);
        let et_al_next = matches!(nxt, Some("et" | "et."))
            || matches!(nxt, Some("ET" | "ET."))
                && ws.get(k + 1).is_some_and(|w| matches!(w.text, "AL" | "AL." | "AL.,"))
            || nxt.is_some_and(|t| t.starts_with("v.dğr."))
            || german_et_al_at(ws, k)
            || matches!(nxt, Some("и" | "та"))
                && ws
                    .get(k + 1)
                    .is_some_and(|w| matches!(w.text, "др." | "др.," | "ін." | "ін.,"));
        // `A. B. Smith and G. Zhang, Mol Cancer`: the name after the last `and` of a
        // reading-order list ends it, whatever punctuation follows
        // (so does a Vancouver name after `and` that ends with a comma: `Fischer M
        // and Schönbrunn E, Proceedings of the National Academy of Sciences, 2006`)
        // (the next word joins one more name: `and`, `&`, `und`, or a small joiner)
        let and_next = nxt.is_some_and(is_and_word) || is_small_joiner(ws, k);
        let ended_by_and = after_and
            && (style == Style::InitialsFirst
                || style == Style::Vancouver && last.text.ends_with(','))
            && !nxt.is_some_and(is_and_word);
        let goes_on = et_al_next
            || !ended_by_and
                && match last.last() {
                    Some(',' | ';') => true,
                    Some('.')
                        if style != Style::Vancouver
                            && is_dotted_initials(last.core_keep_dot()) =>
                    {
                        and_next
                    }
                    // `Wu J, Sheflyan G. Ya. and Woodard RW`: dotted initials, then `and`
                    Some('.')
                        if (is_dotted_initials(last.core_keep_dot())
                            || is_translit_initial(last.core()))
                            && (matches!(nxt, Some("and" | "&"))
                                // (`Leisnham P.T. ET S.A. Juliano`, French)
                                || style == Style::Vancouver
                                    && nxt == Some("ET")
                                    && is_small_joiner(ws, k)) =>
                    {
                        true
                    }
                    // `Ferguson, JN. Aldag, JM. Insel, TR.`: NLM initials with a full stop,
                    // then another inverted name
                    Some('.')
                        if style == Style::Inverted
                            && is_nlm_initials(last.core())
                            && ws.get(k).is_some_and(|n| {
                                n.text.ends_with(',') && is_family_word(n.core())
                            })
                            && ws.get(k + 1).is_some_and(|n| {
                                is_nlm_initials(n.core()) && n.text.ends_with('.')
                            }) =>
                    {
                        true
                    }
                    // `The EMPA-KIDNEY Collaborative Group. Herrington WG, Staplin N,
                    // …`: a group, a full stop, then the members
                    Some('.')
                        if style == Style::Vancouver
                            && list.items.len() == 1
                            && s.get(w.start..last.end)
                                .is_some_and(|t| group_then_members(t, ws, k)) =>
                    {
                        true
                    }
                    Some('.' | ':') => false,
                    _ => and_next,
                };
        if !goes_on {
            list.closed_by_and = ended_by_and;
            break;
        }
    }
    // trailing `editors` / `(Eds.)`
    let rest = s.get(end..).unwrap_or_default();
    let trimmed = rest.trim_start_matches([',', ' ']);
    for label in [
        "editors",
        "editor",
        "eds.",
        "Eds.",
        "(eds.)",
        "(Eds.)",
        "(ed.)",
        "(Ed.)",
        "ed.",
        "(eds)",
        "(Eds)",
        "(Ed)",
        "Hrsg.",
        "(Hrsg.)",
        "(Hg.)",
        "Hg.",
        "(Editors).",
        "(Editors)",
        "(editors)",
        "(Editor)",
        "(editor)",
        "(Hrsg)",
        // (French, Portuguese and Spanish, Polish and Scandinavian)
        "(dir.)",
        "(dirs.)",
        "(sous la dir.)",
        "(éd.)",
        "(éds.)",
        "(éds)",
        "(Org.)",
        "(Orgs.)",
        "(org.)",
        "(orgs.)",
        "(Coord.)",
        "(coord.)",
        "(Coords.)",
        "(coords.)",
        "(Comp.)",
        "(comp.)",
        "(comps.)",
        "(red.)",
        "(Red.)",
    ] {
        if let Some(after) = trimmed.strip_prefix(label)
            && (after.is_empty() || after.starts_with([' ', '.', ',', ':']))
        {
            list.editors = true;
            end = s.len() - after.len();
            break;
        }
    }
    list.end = end.min(s.len());
    list
}

/// A small word joining the last two names at word `k`: Italian and Portuguese `e`,
/// Czech and Slovak `a` (`H. Fensterheim e H.G. Birch`, `BERCLAZ a Subhashis
/// BANERJEE`, `Kwak, I., e Choi, A.`), and Spanish `y` and French capital `ET` before
/// initials (`I. Kwak y A. Choi`; `Ortega y Gasset` is one family name).
fn is_small_joiner(ws: &[Word<'_>], k: usize) -> bool {
    let Some(w) = ws.get(k) else { return false };
    let initials_next =
        || ws.get(k + 1).is_some_and(|n| is_dotted_initials(n.core_keep_dot()));
    if k == 0 {
        return false;
    }
    let (Some(prev), Some(next)) = (ws.get(k - 1), ws.get(k + 1)) else { return false };
    let inverted_next = || {
        next.text.ends_with(',')
            && is_family_word(next.core())
            && ws.get(k + 2).is_some_and(|i| is_dotted_initials(i.core_keep_dot()))
    };
    // Turkish `ve`, Slovene `in`, Polish and Croatian `i`, Danish and Norwegian `og`,
    // Swedish `och`, Hungarian `és`, Finnish `ja`, Russian `и`, Spanish `y`, German
    // `u.` (und), between two inverted names with dotted initials: `Kwak, I. ve Choi,
    // A. (2022)`, `Kwak, I. u. Choi, A.:`
    if matches!(w.text, "ve" | "in" | "i" | "og" | "och" | "és" | "ja" | "и" | "y" | "u.")
        && is_dotted_initials(prev.core_keep_dot())
        && prev.text.ends_with('.')
        && inverted_next()
        // (not a chapter's editor: `Kwak, I. in Choi, A. (Ed.), Book`)
        && ws.get(k + 3).is_none_or(|e| !is_editor_marker(e.text))
    {
        return true;
    }
    let joiner = match w.text {
        "y" | "ET" => initials_next(),
        "e" | "a" => true,
        _ => false,
    };
    if !joiner {
        return false;
    }
    // (after a comma, an inverted name must follow: `Kwak, I., e Choi, A.`)
    if prev.text.ends_with(',') {
        return inverted_next();
    }
    // (`da Cruz e Silva`: a Portuguese family name joined by `e`)
    let in_family = k >= 2 && ws.get(k - 2).is_some_and(|w| is_particle(w.text));
    let upper_family = prev.text.chars().count() >= 2
        && prev.text.chars().all(|c| c.is_uppercase() || c == '-');
    !in_family
        && !prev.text.ends_with([',', ';', ':'])
        && (is_dotted_initials(next.core_keep_dot())
            || upper_family && next.text.starts_with(|c: char| c.is_uppercase()))
}

/// True for a phrase in sentence case, a title rather than an organisation: three
/// or more lower-case words besides the short function words (`The Blackwell
/// dictionary of cognitive psychology`).
fn is_sentence_case(t: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "of", "and", "the", "for", "in", "on", "at", "to", "de", "la", "le", "les",
        "des", "du", "et", "für", "und", "der", "die", "das", "y", "del", "di", "e", "a",
        "an", "by", "with",
    ];
    t.split_whitespace()
        .filter(|w| {
            w.starts_with(char::is_lowercase)
                && !FUNCTION.contains(&w.trim_end_matches([',', '.', ':']))
        })
        .count()
        >= 3
}

/// A collective author: the text up to the first full stop (or the limit).
fn collective(s: &str, limit: usize, start: usize) -> AuthorList {
    let head = s.get(..limit).unwrap_or(s);
    // `American Psychiatric Association, Diagnostic and Statistical Manual …`: an
    // organisation ends at its comma
    if let Some(c) = head.find(", ")
        && let Some(name) = head.get(start..c)
        && name.split_whitespace().count() >= 2
        && !name.contains('.')
        && looks_collective(name.trim())
    {
        return AuthorList {
            items: std::iter::once(start..start + name.trim_end().len()).collect(),
            et_al: false,
            editors: false,
            end: c + 1,
            dangling: false,
            closed_by_and: false,
        };
    }
    let stop = head
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| {
            // not after a single capital (an initial) or a common abbreviation
            let before = head.get(..i).unwrap_or_default();
            let w = before.rsplit(' ').next().unwrap_or_default();
            !(w.chars().count() == 1
                || matches!(w, "St" | "Dr" | "Inc" | "Co" | "Ltd" | "U.S" | "vs"))
        })
        .map(|i| i + 1)
        .unwrap_or_else(|| if limit < s.len() { limit } else { 0 });
    let text = s.get(start..stop).unwrap_or_default().trim().trim_end_matches(['.', ',']);
    // (NLM's homepage or database, `Translation [Internet]. MD: National Center …;`: a
    // title with its medium, no organisation as author)
    if stop == 0
        || text.ends_with("Internet]")
        || text.is_empty()
        || text.chars().count() > 200
        || !text.contains(',')
            && is_sentence_case(text)
            && !crate::normalize::author::has_org_word(text)
    {
        return AuthorList::default();
    }
    let end_text = start + text.len();
    AuthorList {
        items: std::iter::once(start..end_text).collect(),
        et_al: false,
        editors: false,
        end: stop,
        dangling: false,
        closed_by_and: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> (Vec<&str>, bool, &str) {
        let l = scan_authors(s);
        let items = l.items.iter().map(|r| s.get(r.clone()).unwrap()).collect();
        (items, l.et_al, s.get(l.end..).unwrap().trim())
    }

    #[test]
    fn et_al_rule() {
        assert!(et_al("et al.").is_ok());
        assert!(et_al("et al..").is_ok());
        assert!(et_al("u. a. (2024)").is_ok());
        assert_eq!(et_al("v.dğr., “Title”").map(|r| r.0), Ok("“Title”"));
        assert_eq!(et_al("и др. Title").map(|r| r.0), Ok("Title"));
        assert_eq!(et_al("та ін. Title").map(|r| r.0), Ok("Title"));
        assert!(et_al("и другие").is_err());
        assert_eq!(et_al("others, ‘Title’").map(|r| r.0), Ok("‘Title’"));
        assert!(et_al("others say").is_err());
        let (n, more, rest) = names("Zhou, Z., and others, ‘Title’, J, 23 (2024)");
        assert_eq!((n, more, rest), (vec!["Zhou, Z."], true, "‘Title’, J, 23 (2024)"));
        let (n, more, _) = names("Zhou Z and others, ‘Title’ (2024) 23 J 131");
        assert_eq!((n, more), (vec!["Zhou Z"], true));
        assert!(et_al("et al. .").is_ok());
        assert!(et_al("et. al.").is_ok());
        assert!(et_al("ET AL. 2022").is_ok());
        assert!(et_al("ET ALLAN I. J.").is_err());
        assert!(et_al("etal").is_err());
        assert!(et_al("…. 2024. Title").is_ok());
        assert!(et_al("... (2024) Title").is_ok());
        assert!(et_al("… Zhang G. 2024").is_err());
    }

    #[test]
    fn title_case_article_after_names() {
        // `A` before a run of capitalised words opens a title, not a name in reading
        // order (`A Smith, …` still is one)
        let (n, _, rest) =
            names("Lind M., Berg T., A Tidal Marsh Study for Clinics, in «J» 8");
        assert_eq!(
            (n, rest),
            (vec!["Lind M", "Berg T"], "A Tidal Marsh Study for Clinics, in «J» 8")
        );
        let (n, _, _) = names("Lind M., A Berg, Title of a paper. J 8");
        assert_eq!(n, vec!["Lind M", "A Berg"]);
    }

    #[test]
    fn year_paren_rule() {
        assert_eq!(year_paren("(2004) Title").map(|r| r.1), Ok("2004"));
        assert_eq!(year_paren("(2010a).").map(|r| r.1), Ok("2010a"));
        assert_eq!(year_paren("(2010, March 5).").map(|r| r.1), Ok("2010"));
        assert!(year_paren("(n.d.)").is_ok());
        assert!(year_paren("(in press) Title").is_ok());
        assert_eq!(year_paren("(December 1998).").map(|r| r.1), Ok("1998"));
        assert!(year_paren("(1066)").is_err());
        assert!(year_paren("(Eds.)").is_err());
    }

    #[test]
    fn vancouver_lists() {
        let (n, et, rest) =
            names("Sung H, Ferlay J, Siegel RL, et al.. Global Cancer Statistics 2020.");
        assert_eq!(n, ["Sung H", "Ferlay J", "Siegel RL"]);
        assert!(et);
        assert_eq!(rest, "Global Cancer Statistics 2020.");
        let (n, _, rest) = names("Hansen J, Sato M (2004) Greenhouse gas growth rates.");
        assert_eq!(n, ["Hansen J", "Sato M"]);
        assert_eq!(rest, "(2004) Greenhouse gas growth rates.");
        let (n, _, _) = names("van der Walt SJ, Smith JA Jr, Zhou J-J. Title.");
        assert_eq!(n, ["van der Walt SJ", "Smith JA Jr", "Zhou J-J"]);
        let (n, _, rest) =
            names("Paivio A. Mental representations. New York: OUP; 1986.");
        assert_eq!(n, ["Paivio A"]);
        assert_eq!(rest, "Mental representations. New York: OUP; 1986.");
    }

    #[test]
    fn bracketed_initials_lists() {
        let (n, _, rest) = names(
            "ZHOU (Z.), AYALA CEJA (M.), HARRIS (C. M.), PRADEEP (R. G. G. R.) – Title, J, 8, 2022, 1.",
        );
        assert_eq!(
            n,
            ["ZHOU (Z.)", "AYALA CEJA (M.)", "HARRIS (C. M.)", "PRADEEP (R. G. G. R.)"]
        );
        assert_eq!(rest, "– Title, J, 8, 2022, 1.");
        let ws = words("SMITH (Ed.) Title", 100);
        assert_eq!(bracketed_initials_name(&ws, 0), None);
        let ws = words("SMITH (1999) Title", 100);
        assert_eq!(bracketed_initials_name(&ws, 0), None);
        let ws = words("(A.) Title", 100);
        assert_eq!(bracketed_initials_name(&ws, 0), None);
    }

    #[test]
    fn slash_lists() {
        let (n, _, rest) = names("Zhou/Wang/Van der Berg, A Title, 2024, 131");
        assert_eq!(n, ["Zhou", "Wang", "Van der Berg"]);
        assert_eq!(rest, "A Title, 2024, 131");
        let (n, _, rest) = names(
            "Bartoli / Bassetti / Gazzola Prevalence of Manic/Hypomanic Polarity, in: J",
        );
        assert_eq!(n, ["Bartoli", "Bassetti", "Gazzola"]);
        assert_eq!(rest, "Prevalence of Manic/Hypomanic Polarity, in: J");
        // (initials after the comma: inverted names, not a slash list)
        assert_eq!(slash_list("Le Roch/Zhou, Y.; Blair, P. L. (2003): Title"), None);
        // (unspaced slashes need the comma; one name is no list)
        assert_eq!(slash_list("Input/Output Systems in Practice. 2020"), None);
        assert_eq!(slash_list("Smith Title with a 1/2 ratio"), None);
        assert_eq!(slash_list("and/or, Title"), None);
    }

    #[test]
    fn organisations_before_a_year() {
        let (n, _, rest) = names(
            "British Thoracic Society; Scottish Intercollegiate Guidelines Network (2003) Title",
        );
        assert_eq!(
            n,
            ["British Thoracic Society", "Scottish Intercollegiate Guidelines Network"]
        );
        assert_eq!(rest, "(2003) Title");
        let (n, _, rest) = names(
            "United Nations Children's Fund, World Health Organization . 2025. Title.",
        );
        assert_eq!(n, ["United Nations Children's Fund", "World Health Organization"]);
        assert_eq!(rest, "2025. Title.");
        let (n, _, _) = names("WHO; UNICEF (2020) Title");
        assert_eq!(n, ["WHO", "UNICEF"]);
        // (persons, or one part that names no organisation, are no such list)
        let t = "Smith, John (2003) Title";
        assert_eq!(organisations_before_year(t, 0, t.find('(').unwrap_or(0)), None);
        let t = "World Health Organization, Geneva (2003) Title";
        assert_eq!(organisations_before_year(t, 0, t.find('(').unwrap_or(0)), None);
        let t = "World Health Organization (2003) Title";
        assert_eq!(organisations_before_year(t, 0, t.find('(').unwrap_or(0)), None);
    }

    #[test]
    fn inverted_then_reading_order_names() {
        // (after the first, names that open with their initials need no `and`)
        let (n, _, rest) = names("LIND, M., T. BERG, A. B. CRUZ, “Title”, J 9 (2022) 1.");
        assert_eq!(n, ["LIND, M.", "T. BERG", "A. B. CRUZ"]);
        assert_eq!(rest, "“Title”, J 9 (2022) 1.");
        // (a title after the first name stays a title)
        let (n, _, _) =
            names("Bourdieu, Pierre, Homo Academicus, Peter Collier (trans.)");
        assert_eq!(n, ["Bourdieu, Pierre"]);
    }

    #[test]
    fn joiners_between_inverted_names() {
        for j in ["ve", "in", "i", "og", "och", "és", "ja", "и", "y"] {
            let s = format!("Lind, M., Okafor, P. {j} Berg, T. (2022). Title");
            let (n, _, rest) = names(&s);
            assert_eq!(n, ["Lind, M.", "Okafor, P.", "Berg, T."], "{j}");
            assert_eq!(rest, "(2022). Title", "{j}");
        }
        // (not before a chapter's editor, nor before a name without initials)
        let (n, _, _) = names("Lind, M. in Berg, T. (Ed.), Handbook. 2022");
        assert_eq!(n, ["Lind, M."]);
        let (n, _, rest) = names("Lind, M. in Berg, The Coast. 2022");
        assert_eq!(n, ["Lind, M."]);
        assert_eq!(rest, "in Berg, The Coast. 2022");
    }

    #[test]
    fn editor_marker_rule() {
        for w in ["(Eds.),", "editors.", "EDITOR", "(ed.)", "eds"] {
            assert!(is_editor_marker(w), "{w}");
        }
        for w in ["edited", "Edwards", "éds", ""] {
            assert!(!is_editor_marker(w), "{w}");
        }
    }

    #[test]
    fn author_limit_rule() {
        assert_eq!(author_limit("Smith J. “Title”"), 9);
        assert_eq!(author_limit("Smith J (2004) Title"), 8);
        assert_eq!(author_limit("Smith, J. 2014. Title"), 9);
        assert_eq!(author_limit("Smith J“x” Title"), "Smith J“x” Title".len());
        assert_eq!(author_limit("Smith, J. [2014] “Title”"), 10);
        // (a bracketed note is no year)
        assert_eq!(
            author_limit("Smith J [Internet] Title"),
            "Smith J [Internet] Title".len()
        );
    }

    #[test]
    fn year_square_rule() {
        assert_eq!(year_square("[2022] Title"), Some("2022"));
        assert_eq!(year_square("[2022a]"), Some("2022a"));
        assert_eq!(year_square("[20221]"), None);
        assert_eq!(year_square("[Internet]"), None);
        assert_eq!(year_square("[1066]"), parse_year("1066").map(|_| "1066"));
        assert_eq!(year_square("(2022)"), None);
    }

    #[test]
    fn a_title_on_the_internet_is_no_group_author() {
        let s = "Coastal clinics database [Internet]. Boston: Harbor Press; 2020.";
        assert!(scan_authors(s).items.is_empty());
        let s =
            "Coastal Research Society. Title of the report. Boston: Harbor Press; 2020.";
        assert_eq!(scan_authors(s).items.len(), 1);
    }

    #[test]
    fn editors_list() {
        let l = scan_authors(
            "Cavaillon JM, Singer M, editors. Sepsis. Cham: Springer; 2017.",
        );
        assert!(l.editors);
        assert_eq!(l.items.len(), 2);
    }

    #[test]
    fn inverted_lists() {
        let (n, _, rest) =
            names("Gatto, J., Dambrun, M., & De Oliveira, P. (2010). Prejudice.");
        assert_eq!(n, ["Gatto, J.", "Dambrun, M.", "De Oliveira, P."]);
        assert_eq!(rest, "(2010). Prejudice.");
        let (n, _, _) =
            names("Ruin, I. et Lutoff, C., 2004 Vulnérabilité face aux crues.");
        assert_eq!(n, ["Ruin, I.", "Lutoff, C."]);
        let (n, et_al, rest) = names("Pettijohn TF II, Tesser (2003) History.");
        assert_eq!(n, ["Pettijohn TF II", "Tesser"]);
        assert!(!et_al);
        assert_eq!(rest, "(2003) History.");
        let (n, et_al, _) = names("Scurrah M, Alcázar et al. (2012) Andean weevils.");
        assert_eq!(n, ["Scurrah M", "Alcázar"]);
        assert!(et_al);
        let (n, _, rest) = names("Smith, J. A.; Doe, B. J. Am. Chem. Soc. 2020, 142, 1.");
        assert_eq!(n, ["Smith, J. A.", "Doe, B."]);
        assert_eq!(rest, "J. Am. Chem. Soc. 2020, 142, 1.");
        let (n, _, rest) = names(
            "Araque, A., G. Carmignoto, and A. Volterra. 2014. “Gliotransmitters.”",
        );
        assert_eq!(n, ["Araque, A.", "G. Carmignoto", "A. Volterra."]);
        assert_eq!(rest, "2014. “Gliotransmitters.”");
        let (n, _, rest) =
            names("Levine, Robert S. Conspiracy and Romance. Cambridge: CUP, 1989.");
        assert_eq!(n, ["Levine, Robert S."]);
        assert!(rest.starts_with("Conspiracy"));
    }

    #[test]
    fn initials_first_lists() {
        let (n, et, rest) = names(
            "S. Fagiuoli, R. Bruno, W. Debernardi Venon, et al., “Consensus,” Dig 49 (2017): 1.",
        );
        assert_eq!(n, ["S. Fagiuoli", "R. Bruno", "W. Debernardi Venon"]);
        assert!(et);
        assert!(rest.starts_with('“'));
        let (n, _, rest) =
            names("David Cline, K White, and Peter Wonka. Dart throwing on surfaces.");
        assert_eq!(n, ["David Cline", "K White", "Peter Wonka."]);
        assert_eq!(rest, "Dart throwing on surfaces.");
    }

    #[test]
    fn collective_author() {
        let (n, _, rest) = names(
            "The National Health Commission of the People’s Republic of China. National guidelines 2022.",
        );
        assert_eq!(
            n,
            ["The National Health Commission of the People’s Republic of China"]
        );
        assert_eq!(rest, "National guidelines 2022.");
        let (n, _, _) = names("");
        assert!(n.is_empty());
    }
}
