//! The fast path: a journal article in the forms PubMed itself prints, read in one pass
//! over the bytes.
//!
//! ```text
//! Sung H, Ferlay J, Siegel RL, et al. Global cancer statistics 2020. CA Cancer J Clin. 2021 May;71(3):209-49.
//! Sung H, Ferlay J. Global cancer statistics 2020. CA Cancer J Clin 2021; 71:209-49.
//! CA Cancer J Clin. 2021 May;71(3):209-49
//! ```
//!
//! Most references on PubMed pages and in its efetch XML have one of these forms (NLM,
//! Vancouver, the journal-only citation). The general grammar ([`super::split_fields`])
//! weighs dozens of styles against each other; this reads these forms strictly and gives
//! up at the first doubt, and the general grammar then reads the string as before.
//! Whatever this accepts, it splits exactly as the general grammar does: the
//! differential tests at the end of this file hold that over the fixtures, the
//! development sets and the references of the shared pages and XML files, and over
//! random strings built from the pieces of these forms.

use std::ops::Range;

#[cfg(test)]
thread_local! {
    /// How many strings the fast path read (on this thread), for the tests.
    pub(super) static READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The fields of an NLM journal article, as byte ranges of the text read.
#[derive(Debug, Default)]
pub(super) struct Article {
    pub authors: Vec<Range<usize>>,
    pub et_al: bool,
    /// `None` in PubMed's journal-only citation (`J Biol Chem. 2019 Feb 1;294(5):1-9`).
    pub title: Option<Range<usize>>,
    pub container: Range<usize>,
    pub year: Range<usize>,
    pub month: Option<Range<usize>>,
    pub day: Option<Range<usize>>,
    pub volume: Range<usize>,
    pub issue: Option<Range<usize>>,
    pub pages: Range<usize>,
}

/// `Authors. Title. Journal. Date;Volume(Issue):Pages.`, or PubMed's journal-only
/// citation `Journal. Date;Volume(Issue):Pages` (the closing full stop optional in
/// both), the whole of `s` (the text before the identifiers), or `None`.
pub(super) fn nlm_article(s: &str) -> Option<Article> {
    // (the space before the identifiers that follow)
    let s = s.trim_end_matches(' ');
    let b = s.as_bytes();
    let mut a = Article { authors: Vec::with_capacity(8), ..Article::default() };
    // the date block is the last sentence: `. 2021 May;71(3):209-49.`
    let (journal_end, date_at) = date_block(b, &mut a)?;
    // (`Journal. 2021;…`, or Vancouver's `Journal 2021;…` with the year alone)
    if journal_end + 2 == date_at {
        if b.get(journal_end..date_at)? != b". " {
            return None;
        }
    } else if journal_end + 1 != date_at || a.month.is_some() {
        return None;
    }
    let Some(title_start) = author_list(s, &mut a) else {
        // `J Biol Chem. 2019 Feb 1;294(5):1516-1528`: the journal alone
        let journal = s.get(..journal_end)?;
        a.authors.clear();
        a.et_al = false;
        return is_journal(journal).then(|| {
            a.container = 0..journal_end;
            a
        });
    };
    // `… Title. Journal. 2021` / `… Title? Journal. 2021`
    let journal_start = sentence_start(b, title_start, journal_end)?;
    let journal = s.get(journal_start..journal_end)?;
    if !is_journal(journal) {
        return None;
    }
    let title_end = journal_start - 1;
    let title = s.get(title_start..title_end)?;
    if !is_title(title) {
        return None;
    }
    a.title = Some(title_start..title_end);
    a.container = journal_start..journal_end;
    Some(a)
}

/// `Sung H, Ferlay J, Siegel RL, et al. ` | `Rossi JH. ` | `World Health Organization. `:
/// the names, each `Family Initials`, or one collective author, and the start of the
/// title after them.
fn author_list(s: &str, a: &mut Article) -> Option<usize> {
    let b = s.as_bytes();
    if let Some(end) = collective(s) {
        a.authors.push(0..end);
        return Some(end + 2);
    }
    let mut i = 0;
    loop {
        let end = name(s, i)?;
        a.authors.push(i..end);
        match b.get(end..end + 2)? {
            b". " => return Some(end + 2),
            b", " => {
                if b.get(end + 2..end + 9) == Some(b"et al. ".as_slice()) {
                    a.et_al = true;
                    return Some(end + 9);
                }
                i = end + 2;
            }
            _ => return None,
        }
    }
}

/// `World Health Organization. ` | `GBD 2019 Collaborators. `: one collective author,
/// two to eight words with a word naming an organisation, alone before the title. The
/// end of its name.
fn collective(s: &str) -> Option<usize> {
    let end = crate::bytes::find(s.as_bytes(), b". ")?;
    let org = s.get(..end)?;
    let words = org.split(' ').count();
    ((2..=8).contains(&words)
        && org.starts_with(|c: char| c.is_ascii_uppercase())
        && !org.contains([',', '(', ')', ';', ':', '.'])
        && crate::normalize::author::looks_collective(org))
    .then_some(end)
}

/// `Ferlay J` | `Siegel RL` | `Müller-Lüdenscheidt ABC` | `van der Berg M`: a one-word
/// family name (a capital, then letters with at least one lower-case one, `-` or `'`
/// between letters) after any particles, and one to three capital initials. The end of
/// the initials, or `None`.
fn name(s: &str, at: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut at = at;
    // `van der `, `de la `
    while let Some(sp) = b.get(at..at + 6).and_then(|w| memchr::memchr(b' ', w))
        && sp > 0
        && s.get(at..at + sp).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && crate::normalize::author::is_particle(w)
        })
    {
        at += sp + 1;
    }
    let mut chars = s.get(at..)?.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let mut lower = false;
    let mut prev_letter = true;
    let mut space = None;
    for (i, c) in chars {
        if c == ' ' {
            space = Some(i);
            break;
        }
        if c.is_alphabetic() {
            lower |= c.is_lowercase();
            prev_letter = true;
        } else if matches!(c, '-' | '\'' | '’') && prev_letter {
            prev_letter = false;
        } else {
            return None;
        }
    }
    let space = space?;
    if !lower || !prev_letter {
        return None;
    }
    let initials = b.get(at + space + 1..)?;
    let n = initials.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=3).contains(&n) {
        return None;
    }
    Some(at + space + 1 + n)
}

/// `2021 May;71(3):209-49.` | `2014 Feb 3;62:e1048.` | `2020;290(4):849-864.` at the
/// end of `b`, after `. ` (or a year alone after a space): where the journal before it
/// ends, and where the date starts.
fn date_block(b: &[u8], a: &mut Article) -> Option<(usize, usize)> {
    // (the block has no space after its date: its start is after the last `. `, or
    // after the last space when that leaves a year alone: `Am J Med 2007;102:1154–61.`)
    let semi = memchr::memrchr(b';', b)?;
    let head = b.get(..semi)?;
    let after_stop = crate::bytes::rfind(head, b". ")? + 2;
    let after_space = memchr::memrchr(b' ', head)? + 1;
    let (journal_end, start) = if after_space + 4 == semi && after_space > after_stop {
        (after_space - 1, after_space)
    } else {
        (after_stop - 2, after_stop)
    };
    // the date: `2021`, `2021 May`, `2021 May 3`
    let date = b.get(start..semi)?;
    let year = date.get(..4)?;
    if !(year.starts_with(b"19") || year.starts_with(b"20"))
        || !year.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    a.year = start..start + 4;
    match date.get(4..)? {
        [] => {}
        [b' ', m1, m2, m3, rest @ ..] => {
            if !is_month(&[*m1, *m2, *m3]) {
                return None;
            }
            a.month = Some(start + 5..start + 8);
            match rest {
                [] => {}
                [b' ', d @ ..] if (1..=2).contains(&d.len()) && d[0] != b'0' => {
                    if !d.iter().all(u8::is_ascii_digit) {
                        return None;
                    }
                    a.day = Some(start + 9..start + 9 + d.len());
                }
                _ => return None,
            }
        }
        _ => return None,
    }
    // `71(3):209-49.` | `62:1048-61.` | `; 36:564–567.`
    let mut i = semi + 1;
    if b.get(i) == Some(&b' ') {
        i += 1;
    }
    let v = digits(b, i, 5)?;
    a.volume = i..i + v;
    i += v;
    if b.get(i) == Some(&b'(') {
        let n = digits(b, i + 1, 4)?;
        if b.get(i + 1 + n) != Some(&b')') {
            return None;
        }
        a.issue = Some(i + 1..i + 1 + n);
        i += n + 2;
    }
    if b.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    // `209-49` | `e2039966` | `S12-S15`, then the closing full stop (none in PubMed's
    // XML)
    let end = if b.last() == Some(&b'.') { b.len() - 1 } else { b.len() };
    if !is_page_range(b.get(i..end)?) {
        return None;
    }
    a.pages = i..end;
    Some((journal_end, start))
}

/// `Jan` … `Dec`.
fn is_month(m: &[u8; 3]) -> bool {
    const MONTHS: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct",
        b"Nov", b"Dec",
    ];
    MONTHS.contains(&m)
}

/// The number of ASCII digits at `at` (1 to `max`, no leading zero), or `None`.
fn digits(b: &[u8], at: usize, max: usize) -> Option<usize> {
    let t = b.get(at..)?;
    let n = t.iter().take_while(|c| c.is_ascii_digit()).count();
    ((1..=max).contains(&n) && t[0] != b'0').then_some(n)
}

/// `209-49` | `209–49` | `1048` | `e2039966` | `S12-S15` | `eabm8161` | `e004225`: a
/// page or a range of pages (a hyphen or an en dash between), each up to four letters
/// and digits (a leading zero only after letters).
fn is_page_range(p: &[u8]) -> bool {
    let page = |t: &[u8]| -> bool {
        let letters = t.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let n = &t[letters..];
        // (`TPS2676`, an abstract's number at a meeting, is the general grammar's)
        (letters <= 2 || letters <= 4 && t[..letters].iter().all(u8::is_ascii_lowercase))
            && (1..=9).contains(&n.len())
            && (letters > 0 || n[0] != b'0')
            && n.iter().all(u8::is_ascii_digit)
    };
    if let Some(d) = memchr::memchr(b'-', p) {
        return page(&p[..d]) && page(&p[d + 1..]);
    }
    match crate::bytes::find(p, "–".as_bytes()) {
        Some(d) => page(&p[..d]) && page(&p[d + 3..]),
        None => page(p),
    }
}

/// The start of the sentence that ends at `end`: after the last `. `, `? ` or `! `
/// between `from` and `end`.
fn sentence_start(b: &[u8], from: usize, end: usize) -> Option<usize> {
    let t = b.get(from..end)?;
    let mut i = t.len();
    while let Some(sp) = memchr::memrchr(b' ', &t[..i]) {
        if sp > 0 && matches!(t[sp - 1], b'.' | b'?' | b'!') {
            return Some(from + sp + 1);
        }
        i = sp;
    }
    None
}

/// `CA Cancer J Clin` | `Proc Natl Acad Sci U S A` | `Cancers (Basel)`: words of
/// letters (a `-` or `&` between them), the first a capital one, and a place in
/// brackets last.
fn is_journal(j: &str) -> bool {
    let (name, place) = match j.strip_suffix(')').and_then(|h| h.rsplit_once(" (")) {
        Some((name, place)) => (name, Some(place)),
        None => (j, None),
    };
    let word = |w: &str| {
        !w.is_empty()
            && (w == "&"
                || if w.is_ascii() {
                    w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
                } else {
                    w.chars().all(|c| c.is_alphabetic() || c == '-')
                })
    };
    // (one to twelve words, none of them `Published`, `Online` or `Epub`: `J Biol Chem
    // Published Online Febr` is the general grammar's)
    let mut words = 0;
    for w in name.split(' ') {
        words += 1;
        if words > 12 || matches!(w, "Published" | "Online" | "Epub") || !word(w) {
            return false;
        }
    }
    name.starts_with(char::is_uppercase)
        // (`In Vivo` is a journal, `In: Book` is not)
        && (!name.starts_with("In ") || super::is_in_journal(name))
        && place.is_none_or(|p| p.starts_with(char::is_uppercase) && p.split(' ').all(word))
}

/// The title: more than one word, with no sentence inside it, no brackets of a note or
/// unclosed bracket, ending with `.`, `?` or `!`. Titles that could be read as more
/// names are the general grammar's: one opening with an initial (`G. Title.`, after
/// `Lind J.`) or a word with a comma (`Oncorine, the first …`).
fn is_title(t: &str) -> bool {
    let b = t.as_bytes();
    let Some((&last, body)) = b.split_last() else { return false };
    if !matches!(last, b'.' | b'?' | b'!') {
        return false;
    }
    let (Some(&c0), Some(&c1)) = (body.first(), body.get(1)) else { return false };
    if c0.is_ascii_uppercase() && matches!(c1, b'.' | b',') {
        return false;
    }
    match memchr::memchr(b' ', body) {
        Some(sp) if sp > 0 && body[sp - 1] != b',' => {}
        _ => return false,
    }
    let mut depth = 0i32;
    for (i, &c) in body.iter().enumerate() {
        match c {
            b'.' | b'?' | b'!' if body.get(i + 1) == Some(&b' ') => return false,
            b'[' | b']' | b'"' => return false,
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_reference_with;
    use proptest::prelude::*;

    fn slice(s: &str, r: Range<usize>) -> &str {
        &s[r]
    }

    #[test]
    fn reads_the_nlm_form() {
        let s = "Sung H, Ferlay J, Siegel RL, et al. Global cancer statistics 2020: \
                 GLOBOCAN estimates. CA Cancer J Clin. 2021 May 3;71(3):209-49.";
        let a = nlm_article(s).expect("the NLM form");
        let names: Vec<&str> = a.authors.iter().map(|r| slice(s, r.clone())).collect();
        assert_eq!(names, ["Sung H", "Ferlay J", "Siegel RL"]);
        assert!(a.et_al);
        assert_eq!(
            a.title.map(|t| slice(s, t)),
            Some("Global cancer statistics 2020: GLOBOCAN estimates.")
        );
        assert_eq!(slice(s, a.container), "CA Cancer J Clin");
        assert_eq!(slice(s, a.year), "2021");
        assert_eq!(a.month.map(|m| slice(s, m)), Some("May"));
        assert_eq!(a.day.map(|d| slice(s, d)), Some("3"));
        assert_eq!(slice(s, a.volume), "71");
        assert_eq!(a.issue.map(|i| slice(s, i)), Some("3"));
        assert_eq!(slice(s, a.pages), "209-49");
    }

    #[test]
    fn a_collective_author() {
        let s = "GBD 2019 Collaborators. Global burden. Lancet. 2020;396:1204-22.";
        let a = nlm_article(s).expect("the NLM form");
        assert_eq!(a.authors, vec![0..22]);
        assert_eq!(a.title.map(|t| slice(s, t)), Some("Global burden."));
        // (not a collective: a title)
        assert!(collective("Global burden of disease. Lancet.").is_none());
    }

    #[test]
    fn a_title_ending_with_a_question_mark() {
        let s = "Rossi JH. Is it safe? Cancer Treat Rev. 2014;62:e1048.";
        let a = nlm_article(s).expect("the NLM form");
        assert_eq!(a.title.map(|t| slice(s, t)), Some("Is it safe?"));
        assert_eq!(slice(s, a.container), "Cancer Treat Rev");
        assert_eq!(a.issue, None);
    }

    #[test]
    fn vancouver_journal_then_year() {
        let s = "Rossi JH. Title of it. Am J Gastroenterol 2007; 102:1154–61.";
        let a = nlm_article(s).expect("the Vancouver form");
        assert_eq!(slice(s, a.container), "Am J Gastroenterol");
        assert_eq!(slice(s, a.year), "2007");
        assert_eq!(slice(s, a.volume), "102");
    }

    #[test]
    fn a_journal_only_citation() {
        let s = "J Biol Chem. 2019 Feb 1;294(5):1516-1528";
        let a = nlm_article(s).expect("the journal-only form");
        assert!(a.authors.is_empty());
        assert_eq!(a.title, None);
        assert_eq!(slice(s, a.container), "J Biol Chem");
        assert_eq!(slice(s, a.pages), "1516-1528");
    }

    /// `Family Initials`: one word of letters, then one to three capitals.
    #[test]
    fn name_rule() {
        assert_eq!(name("Ferlay J, x", 0), Some(8));
        assert_eq!(name("Müller-Ost ABC.", 0), Some(15));
        assert_eq!(name("O'Brien T.", 0), Some(9));
        assert_eq!(name("O’Keefe JP,", 0), Some(12));
        assert_eq!(name("van der Walt SJ.", 0), Some(15));
        assert_eq!(name("de la Cruz M,", 0), Some(12));
        assert_eq!(name("van SJ.", 0), None);
        assert_eq!(name("WHO Study Group.", 0), None);
        assert_eq!(name("Smith ABCD.", 0), None);
        assert_eq!(name("Smith- J.", 0), None);
    }

    /// What the fast path leaves to the general grammar.
    #[test]
    fn gives_up_on_other_forms() {
        for s in [
            // a sentence inside the title
            "Rossi JH. Part I. Methods. Cancer Treat Rev. 2014;62:1048-61.",
            // a dotted journal, a supplement, a page list, a date range
            "Rossi JH. Title. J. Biol. Chem. 2014;62:1048-61.",
            "Rossi JH. Title. Blood. 2014;62 Suppl 1:1048-61.",
            "Rossi JH. Title. Blood. 2014;62:1048-61, 1070.",
            "Rossi JH. Title. Blood. 2014 Jan-Feb;62:1048-61.",
            // two family names, a collective author among persons, a note in brackets
            "El Rayes T. Title. Blood. 2014;62:1048-61.",
            "Smith J, GBD 2019 Collaborators. Title. Lancet. 2020;396:1204-22.",
            "Rossi JH. Title [in Chinese]. Blood. 2014;62:1048-61.",
            // no pages, no volume
            "Rossi JH. Title. Blood. 2014;62(3).",
            "Rossi JH. Title. Blood. 2014 Mar 3.",
        ] {
            assert!(nlm_article(s).is_none(), "{s}");
        }
    }

    /// The fast path's promise: where it reads a string, the general grammar reads it
    /// the same.
    fn same_as_general(s: &str) -> Result<bool, String> {
        let fast = parse_reference_with(s, true);
        let general = parse_reference_with(s, false);
        if fast != general {
            return Err(format!("{s}\nfast:    {fast:?}\ngeneral: {general:?}"));
        }
        let before = READ.with(std::cell::Cell::get);
        let _ = parse_reference_with(s, true);
        Ok(READ.with(std::cell::Cell::get) > before)
    }

    /// Near misses the built strings once found, kept as plain cases.
    #[test]
    fn differential_on_found_near_misses() {
        for s in [
            "Sung H. Cells (in vitro) and mice. Br J Cancer Suppl 2021;62:1048.",
            "Br J Cancer Suppl. 1996 Jul;27:S1-8",
            "Lind M, Okafor P. Title of it. In Vivo. 2010;24:185–188.",
            "Lind M, et al. 2016 ESC guidelines for it. Eur Heart J 2016;37:2129–2200.",
        ] {
            assert_eq!(same_as_general(s), Ok(true), "{s}");
        }
    }

    fn strings_of(path: &str, key: &str) -> Vec<String> {
        let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
        text.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get(key).and_then(|r| r.as_str()).map(str::to_owned))
            .collect()
    }

    /// Every reference string we have: the fixtures, and when `../shared/data` is
    /// there, the development sets and the references of its pages and XML files.
    #[test]
    fn differential_on_every_reference_string() {
        let mut strings: Vec<String> = Vec::new();
        let entries = std::fs::read_to_string("fixtures/entries.toml").expect("fixtures");
        for l in entries.lines() {
            if let Some(v) = l.strip_prefix("input = ")
                && let Ok(s) = serde_json::from_str::<String>(v)
            {
                strings.push(s);
            }
        }
        let fixtures = strings.len();
        for f in ["refs.jsonl", "refs-rendered.jsonl", "refs-idonly.jsonl"] {
            strings.extend(strings_of(&format!("../shared/data/gold/{f}"), "raw"));
        }
        // the references of the real pages and efetch XML files, as extracted
        for dir in ["pubmed-xml", "pubmed-html", "pubmed-text/lynx", "pubmed-text/pandoc"]
        {
            let Ok(entries) = std::fs::read_dir(format!("../shared/data/{dir}")) else {
                continue;
            };
            for e in entries.flatten() {
                let Ok(text) = std::fs::read_to_string(e.path()) else { continue };
                let kind = crate::read::sniff(&text);
                for doc in crate::extract::extract(kind, &text).unwrap_or_default() {
                    strings.extend(doc.references.into_iter().map(|r| r.text));
                }
            }
        }
        if strings.len() == fixtures {
            eprintln!(
                "../shared/data absent: the differential test runs on the fixtures only"
            );
        }
        let mut fast = 0;
        let mut errors = Vec::new();
        for s in &strings {
            match same_as_general(s) {
                Ok(f) => fast += usize::from(f),
                Err(e) => errors.push(e),
            }
        }
        eprintln!("fast path: {fast} of {} strings", strings.len());
        assert!(errors.is_empty(), "{} differ:\n{}", errors.len(), errors.join("\n\n"));
        assert!(fast > 0, "the fast path read none of {} strings", strings.len());
    }

    /// The pieces of the NLM form, and their near misses.
    fn piece_name() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Sung H"),
            Just("Siegel RL"),
            Just("Müller-Ost ABC"),
            Just("O'Brien T"),
            Just("van der Walt SJ"),
            Just("De la Cruz M"),
            Just("Smith JR Jr"),
            Just("Li X."),
            Just("WHO"),
            Just("Zhang Y-H"),
            Just("Garcia Marquez G"),
            Just("Øster K"),
            Just("Smith J A"),
            Just("O’Keefe JP"),
            Just("El Rayes T"),
            Just("van der Berg M"),
            Just("de la Cruz Y"),
            Just("van J"),
            Just("World Health Organization"),
            Just("GBD 2019 Collaborators"),
            Just("The RECOVERY Collaborative Group"),
            Just("Global burden of disease"),
        ]
        .prop_map(str::to_owned)
    }

    fn piece_title() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Global cancer statistics 2020: GLOBOCAN estimates."),
            Just("Is it safe?"),
            Just("Part I. Methods."),
            Just("A trial [in Chinese]."),
            Just("The \"quoted\" word."),
            Just("Response to: Comment on vol. 3."),
            Just("Erratum in: Blood. 2014;62:10."),
            Just("In: Smith J, editors. Book."),
            Just("Wow!"),
            Just("Cells (in vitro) and mice."),
            Just("Available from: https://example.org."),
            Just("Title with 2020; and 3:4."),
            Just("2016 ESC guidelines for heart failure."),
            Just("1918 influenza? A review."),
        ]
        .prop_map(str::to_owned)
    }

    fn piece_journal() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("CA Cancer J Clin"),
            Just("N Engl J Med"),
            Just("Proc Natl Acad Sci U S A"),
            Just("J. Biol. Chem"),
            Just("eLife"),
            Just("Proceedings of the Conference on Trials"),
            Just("Cochrane Database Syst Rev"),
            Just("Zhonghua Yi Xue Za Zhi (Taipei)"),
            Just("Health Aff (Millwood)"),
            Just("Lancet"),
            Just("Res Dev Disabil"),
            Just("F1000Res"),
            Just("Internet"),
            Just("In Vivo"),
            Just("In Silico Biol"),
            Just("Br J Cancer Suppl"),
        ]
        .prop_map(str::to_owned)
    }

    fn piece_date() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("2021"),
            Just("2021 May"),
            Just("2021 May 3"),
            Just("2021 May 31"),
            Just("1999 Jan-Feb"),
            Just("2020 Spring"),
            Just("2021 Maz"),
            Just("2021 May 03"),
            Just("2021 Mar-Apr"),
        ]
        .prop_map(str::to_owned)
    }

    fn piece_source() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(";71(3):209-49."),
            Just(";62:1048-61."),
            Just(";75(12):e2039966."),
            Just(";12:S12-S15."),
            Just(";62 Suppl 1:1048-61."),
            Just(";62(3)."),
            Just(";(3):12-5."),
            Just(";62:1048-61, 1070."),
            Just(";62:1048."),
            Just(";07:1-2."),
            Just(":62:1048."),
            Just(";237:346–72."),
            Just(";13(7–8):646–51."),
            Just(";17: 36–49."),
            Just(";27(1):85–e100108."),
            Just("; 36:564–567."),
            Just(";10:e004225."),
            Just(";5(2):eaav2437."),
            Just(";18(11):0293592."),
        ]
        .prop_map(str::to_owned)
    }

    fn piece_tail() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(""),
            Just(" doi: 10.1000/xyz.2020.1."),
            Just(" doi: 10.1000/xyz. PMID: 12345678; PMCID: PMC1234567."),
            Just(" PMID: 12345678."),
            Just(" 10.1038/nm.4123."),
            Just(" doi:10.3390/cells14100741;"),
            Just(" doi: 10.1016/j.ejca.2013.06.033 23886586."),
            Just(" Epub 2020 Jan 5."),
            Just(" [Epub ahead of print]"),
            Just(" https://doi.org/10.1000/abc."),
            Just(" Available from: https://example.org"),
        ]
        .prop_map(str::to_owned)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Strings built from the NLM form's pieces and their near misses read the
        /// same with and without the fast path.
        #[test]
        fn differential_on_built_strings(
            label in prop_oneof![Just(""), Just("1. "), Just("[12] ")],
            names in proptest::collection::vec(piece_name(), 1..5),
            et_al in any::<bool>(),
            title in piece_title(),
            journal in piece_journal(),
            date in piece_date(),
            source in piece_source(),
            tail in piece_tail(),
            sep in prop_oneof![Just(". "), Just(" ")],
        ) {
            let mut s = format!("{label}{}", names.join(", "));
            if et_al {
                s.push_str(", et al");
            }
            s = format!("{s}. {title} {journal}{sep}{date}{source}{tail}");
            if let Err(e) = same_as_general(&s) {
                prop_assert!(false, "{}", e);
            }
        }

        /// PubMed's journal-only citations, with and without their closing full stop.
        #[test]
        fn differential_on_built_journal_only_strings(
            journal in piece_journal(),
            date in piece_date(),
            source in piece_source(),
            stop in any::<bool>(),
            tail in piece_tail(),
        ) {
            let source = if stop { source.as_str() } else { source.trim_end_matches('.') };
            let s = format!("{journal}. {date}{source}{tail}");
            if let Err(e) = same_as_general(&s) {
                prop_assert!(false, "{}", e);
            }
        }
    }
}
