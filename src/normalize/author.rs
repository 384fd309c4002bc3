//! Authors: one name as written in a reference → a [`Name`].
//!
//! Forms (NLM "Citing Medicine", ch. 1 "Author(s)": surname, then up to two initials
//! without periods or spaces; and the other styles' forms):
//! - Vancouver / NLM: `Siegel RL`, `van der Walt SJ`, `Zhou J-J`, `Smith JA Jr`
//! - inverted: `Siegel, R. L.`, `De Oliveira, P.`, `Bakhtin, Mikhail`
//! - initials first: `R. L. Siegel`, `M.-C. Dupont`, `K White`, `David Cline`
//! - collective: `WHO Working Group`, `The National Health Commission of …` (never split)
//!
//! Given names known only as initials come out as `R. L.`; full given names are kept as
//! written.

use std::borrow::Cow;

use crate::model::{Name, Person};

/// Lower-case words that start a family name (kept as a non-dropping particle).
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos",
    "du", "la", "le", "les", "ten", "ter", "te", "vom", "zu", "zur", "y", "d'", "l'",
    "van't", "bin", "ben", "al", "el", "i", "las", "los",
];

/// Words that mark a collective author.
const ORG_WORDS: &[&str] = &[
    "group",
    "consortium",
    "committee",
    "organization",
    "organisation",
    "association",
    "society",
    "institute",
    "commission",
    "council",
    "ministry",
    "department",
    "collaboration",
    "collaborative",
    "network",
    "team",
    "agency",
    "centre",
    "center",
    "centers",
    "university",
    "foundation",
    "federation",
    "board",
    "office",
    "investigators",
    "program",
    "programme",
    "panel",
    "union",
    "working",
    "force",
    "alliance",
    "initiative",
    "trialists",
    "services",
    "service",
    "administration",
    "bureau",
    "academy",
    "college",
    "national",
    "world",
    "international",
    "statistics",
    "registry",
    "authority",
    "unit",
    "project",
    "the",
    "health",
    "study",
    "who",
    "cdc",
    "fda",
    "inc",
    "ltd",
    "corporation",
    "company",
    "members",
    "collaborators",
    "participants",
    "fund",
];

const SUFFIXES: &[&str] =
    &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "2nd", "3rd", "4th"];

/// The commonest Chinese family names in pinyin: a list of full names that all open
/// with one of them is written family name first (`Liu Xun, Wu Xiaoming`).
const CHINESE_FAMILY_NAMES: &[&str] = &[
    "Bai", "Cai", "Cao", "Chen", "Cheng", "Cui", "Dai", "Deng", "Ding", "Dong", "Du",
    "Duan", "Fan", "Fang", "Feng", "Fu", "Gao", "Ge", "Gong", "Gu", "Guo", "Han", "Hao",
    "He", "Hou", "Hu", "Hua", "Huang", "Jia", "Jiang", "Jin", "Kong", "Lai", "Lei", "Li",
    "Liang", "Liao", "Lin", "Ling", "Liu", "Long", "Lou", "Lu", "Luo", "Lv", "Ma", "Mao",
    "Meng", "Mo", "Ni", "Niu", "Pan", "Peng", "Qi", "Qian", "Qin", "Qiu", "Ren", "Shao",
    "Shen", "Shi", "Song", "Su", "Sun", "Tan", "Tang", "Tao", "Tian", "Wan", "Wang",
    "Wei", "Wen", "Wu", "Xia", "Xiang", "Xiao", "Xie", "Xiong", "Xu", "Xue", "Yan",
    "Yang", "Yao", "Ye", "Yin", "Yu", "Yuan", "Zeng", "Zhang", "Zhao", "Zheng", "Zhong",
    "Zhou", "Zhu", "Zou",
];

/// `Liu Xun, Wu Xiaoming, Lou Tanqi`: a list of two or more full names of two words
/// (no initials), each opening with a common Chinese family name and one at least
/// ending with a word that is none, is written family name first, as Chinese names are
/// (a list in reading order, `Xun Liu, Xiaoming Wu`, opens with given names).
pub fn family_first_list(items: &[&str]) -> bool {
    fn pair(item: &str) -> Option<(&str, &str)> {
        let mut words = item.trim().trim_end_matches(['.', ',']).split(' ');
        let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
            return None;
        };
        let name_word = |w: &str| {
            w.len() >= 2
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.bytes().skip(1).all(|c| c.is_ascii_lowercase())
        };
        (name_word(a) && name_word(b)).then_some((a, b))
    }
    let mut given_seen = false;
    for item in items {
        let Some((family, given)) = pair(item) else { return false };
        if !CHINESE_FAMILY_NAMES.contains(&family) {
            return false;
        }
        given_seen |= !CHINESE_FAMILY_NAMES.contains(&given);
    }
    items.len() >= 2 && given_seen
}

/// `Liu Xun` → family `Liu`, given `Xun`: a name of [`family_first_list`].
pub fn family_first_name(item: &str) -> Option<Name> {
    let (family, given) = item.trim().trim_end_matches(['.', ',']).split_once(' ')?;
    Some(person(family, given.to_owned(), None))
}

/// True for a particle word (`van`, `de`, `d'`).
pub fn is_particle(w: &str) -> bool {
    // no particle is longer than five bytes: most words stop here
    w.len() <= 5 && may_be_in(&PARTICLE_FIRST, w) && PARTICLES.contains(&w)
}

/// True for a name suffix word (`Jr`, `III`, `2nd`).
pub fn is_suffix(w: &str) -> bool {
    SUFFIXES.contains(&w.trim_end_matches(',')) || SUFFIXES.contains(&w)
}

/// True for NLM initials without periods: 1–4 upper-case letters, hyphens allowed
/// between them (`RL`, `J-J`, `M‐C`).
pub fn is_nlm_initials(w: &str) -> bool {
    // ASCII words byte by byte (`-` is the only ASCII hyphen, and the capitals are the
    // letters); the first other byte settles an ASCII word, or hands the word to the
    // char rule
    let mut letters = 0;
    for &b in w.as_bytes() {
        if b.is_ascii_uppercase() {
            letters += 1;
        } else if !b.is_ascii() {
            return nlm_initials_chars(w);
        } else if b != b'-' || letters == 0 {
            return false;
        }
    }
    w.as_bytes().last().is_some_and(|&b| b != b'-') && (1..=4).contains(&letters)
}

/// NLM initials with a Russian initial transliterated as two letters (`YeM` of
/// `Shadenkov YeM`, `AYu`): two to four initials, one of them `Ya` `Yu` `Yo` `Ye` `Zh`
/// `Kh` `Ch` `Sh` or `Ts` (a lone `Ye` or `Yu` is a family name).
pub fn is_translit_initials(w: &str) -> bool {
    let b = w.as_bytes();
    let (mut units, mut digraphs, mut i) = (0, 0, 0);
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_uppercase() {
            return false;
        }
        units += 1;
        i += 1;
        if b.get(i).is_some_and(u8::is_ascii_lowercase) {
            if !w.get(i - 1..=i).is_some_and(is_translit_initial) {
                return false;
            }
            digraphs += 1;
            i += 1;
        }
    }
    (2..=4).contains(&units) && digraphs > 0
}

/// A Russian initial transliterated as two letters, without its full stop (`Ya` of
/// `Sheflyan G. Ya.`, `Yu`, `Zh`, `Kh`).
pub fn is_translit_initial(c: &str) -> bool {
    matches!(c, "Ya" | "Yu" | "Yo" | "Ye" | "Zh" | "Kh" | "Ch" | "Sh" | "Ts")
}

/// [`is_nlm_initials`] by chars.
fn nlm_initials_chars(w: &str) -> bool {
    // (the checks that stop early on a word come first; the letters are counted last)
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_uppercase() || is_hyphen(c))
        && !w.chars().last().is_some_and(is_hyphen)
        && (1..=4).contains(&w.chars().filter(|c| c.is_alphabetic()).count())
}

/// True for dotted initials (`R.`, `R.L.`, `M.-C.`, `Th.`, `J.‐H.`).
pub fn is_dotted_initials(w: &str) -> bool {
    w.ends_with('.') && w.len() >= 2 && dotted_parts(w)
}

/// Hyphenated initials without full stops, as Chicago prints a name in reading order:
/// `T-T` of `T-T Chen`, `J-M` of `J-M Pacaud`.
pub fn is_hyphen_initials(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(
        (cs.next(), cs.next(), cs.next(), cs.next()),
        (Some(a), Some(h), Some(b), None)
            if a.is_uppercase() && is_hyphen(h) && b.is_uppercase()
    )
}

/// `is_dotted_initials(&format!("{w}."))` without building the string: `R.L`, `Th`,
/// `M.-C` (a full stop added at the end only adds an empty part).
pub fn is_dotted_initials_undotted(w: &str) -> bool {
    !w.is_empty() && dotted_parts(w)
}

/// Every non-empty `.`-separated part of `w` is an initial: one capital, or a capital
/// and a small letter (`Th`), after any hyphens (`-C`); hyphens may join initials
/// inside a part (`J-L.`).
fn dotted_parts(w: &str) -> bool {
    // ASCII words byte by byte: `-` is their only hyphen, and the ASCII capitals and
    // small letters are their upper- and lower-case letters
    if !w.is_ascii() {
        return dotted_parts_chars(w);
    }
    // (after a hyphen an initial may be small: `M.-x.` of a Chinese given name)
    w.as_bytes().split(|&b| b == b'.').filter(|p| !p.is_empty()).all(|p| {
        let mut any = false;
        p.split(|&b| b == b'-').enumerate().filter(|(_, q)| !q.is_empty()).all(
            |(i, q)| {
                any = true;
                match q {
                    [a] => a.is_ascii_uppercase() || i > 0 && a.is_ascii_lowercase(),
                    [a, b] => a.is_ascii_uppercase() && b.is_ascii_lowercase(),
                    _ => false,
                }
            },
        ) && any
    })
}

/// [`dotted_parts`] by chars.
fn dotted_parts_chars(w: &str) -> bool {
    w.split('.').filter(|p| !p.is_empty()).all(|p| {
        let mut any = false;
        p.split(is_hyphen).enumerate().filter(|(_, q)| !q.is_empty()).all(|(i, q)| {
            any = true;
            let mut cs = q.chars();
            match (cs.next(), cs.next(), cs.next()) {
                (Some(a), None, None) => a.is_uppercase() || i > 0 && a.is_lowercase(),
                (Some(a), Some(b), None) => a.is_uppercase() && b.is_lowercase(),
                _ => false,
            }
        }) && any
    })
}

/// Every letter of dotted initials is a capital, but one right after a hyphen
/// (`M.-x.`).
pub fn small_only_after_hyphen(w: &str) -> bool {
    let mut prev = ' ';
    w.chars().all(|c| {
        let ok = c.is_uppercase() || c == '.' || is_hyphen(c) || is_hyphen(prev);
        prev = c;
        ok
    })
}

/// True for a hyphen of any kind.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–')
}

/// True when a word can be part of a family name (`Siegel`, `Aliaño‐González`, `O'Neil`,
/// `van`, `LEDUC`).
pub fn is_family_word(w: &str) -> bool {
    let Some(first) = w.chars().next() else { return false };
    if is_particle(w) {
        return true;
    }
    // `d'Erme`, `l'Hermite`, `dos-Santos`
    // (a lower-case first letter is checked first: most words need no search)
    if first.is_lowercase()
        && let Some((p, rest)) = w.split_once(['\'', '’'])
        && p.chars().count() == 1
        && rest.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    if !first.is_uppercase() {
        return false;
    }
    // ASCII words byte by byte: for them the rule of `family_word_chars` comes down to
    // two or more bytes, each a letter, `-` or `'` (a word of such bytes either has a
    // small letter or is all capitals). Any other ASCII byte rules the word out
    // whatever follows, as it is neither a letter nor a joiner; a non-ASCII byte hands
    // the word to the char rule.
    for &b in w.as_bytes() {
        if !b.is_ascii() {
            return family_word_chars(w);
        }
        if !(b.is_ascii_alphabetic() || b == b'-' || b == b'\'') {
            return false;
        }
    }
    w.len() >= 2
}

/// The letters rule of [`is_family_word`], by chars, for a word that starts with a
/// capital: `Siegel` (letters, hyphens, apostrophes, some small) or `LEDUC` (capitals,
/// hyphens, apostrophes), at least two characters.
fn family_word_chars(w: &str) -> bool {
    let (mut n, mut letters, mut small, mut caps) = (0usize, true, false, true);
    for c in w.chars() {
        n += 1;
        let joiner = is_hyphen(c) || c == '\'' || c == '’';
        letters &= c.is_alphabetic() || joiner;
        small |= c.is_lowercase();
        caps &= c.is_uppercase() || joiner;
    }
    n >= 2 && (letters && small || caps)
}

/// True when a word is a capitalised given name (`Mikhail`, `Jean-Pierre`).
pub fn is_given_word(w: &str) -> bool {
    // ASCII words byte by byte (`-` is the only ASCII hyphen); the first other byte
    // settles an ASCII word, or hands the word to the char rule
    let bytes = w.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return !bytes.first().is_some_and(u8::is_ascii) && given_word_chars(w);
    }
    let mut small = false;
    for &b in bytes.get(1..).unwrap_or_default() {
        if b.is_ascii_lowercase() {
            small = true;
        } else if !b.is_ascii() {
            return given_word_chars(w);
        } else if !b.is_ascii_uppercase() && b != b'-' {
            return false;
        }
    }
    // (`Henry James, The Europeans`: a title's first word is no given name)
    small && !(w.len() <= 8 && TITLE_OPENERS.contains(&w))
}

/// Words that open titles and never are given names.
const TITLE_OPENERS: &[&str] = &[
    "The", "Their", "This", "These", "Its", "Our", "On", "Of", "From", "Towards",
    "Toward", "Why", "How", "What", "When", "Where", "Which", "Is", "Are", "Does", "Do",
    "Can", "Should", "Beyond", "Between", "About", "Against", "Into", "Using", "Some",
    "Other",
];

/// [`is_given_word`] by chars.
fn given_word_chars(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && w.chars().skip(1).all(|c| c.is_lowercase() || is_hyphen(c) || c.is_uppercase())
        && w.chars().skip(1).any(char::is_lowercase)
}

/// Given names from NLM initials: `RL` → `R. L.`, `J-J` → `J.-J.`.
pub fn expand_initials(init: &str) -> String {
    let mut out = String::with_capacity(init.len() * 3);
    if init.is_ascii() {
        // (byte by byte: `-` is the only ASCII hyphen; a trailing space is only ever
        // the one written after an initial, as the input's own white space is kept)
        for &b in init.as_bytes() {
            if b == b'-' {
                if out.ends_with(' ') {
                    out.pop();
                }
                out.push('-');
            } else if b.is_ascii_lowercase() && out.ends_with(". ") {
                // the second letter of a transliterated initial (`YeM`)
                out.truncate(out.len() - 2);
                out.push(char::from(b));
                out.push_str(". ");
            } else {
                out.push(char::from(b));
                out.push_str(". ");
            }
        }
        out.truncate(out.trim_end().len());
        return out;
    }
    expand_initials_chars(init, out)
}

/// [`expand_initials`] by chars, into `out`.
fn expand_initials_chars(init: &str, mut out: String) -> String {
    for c in init.chars() {
        if is_hyphen(c) {
            if out.ends_with(' ') {
                out.pop();
            }
            out.push('-');
        } else if c.is_ascii_lowercase() && out.ends_with(". ") {
            // the second letter of a transliterated initial (`YeM`)
            out.truncate(out.len() - 2);
            out.push(c);
            out.push_str(". ");
        } else {
            out.push(c);
            out.push_str(". ");
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Given names from dotted initials as written: `R.L.` → `R. L.`, `J.‐H.` → `J.-H.`.
fn tidy_dotted(given: &str) -> String {
    let mut out = String::with_capacity(given.len() + 4);
    for (i, part) in given.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if is_dotted_initials(part)
            && part.contains(is_hyphen)
            && part.split(is_hyphen).all(|h| {
                let h = h.trim_end_matches('.');
                h.chars().count() == 1 && h.chars().all(char::is_uppercase)
            })
        {
            // `J-L.` / `J.-L.` → `J.-L.`
            for (j, h) in part.split(is_hyphen).enumerate() {
                if j > 0 {
                    out.push('-');
                }
                out.push_str(h.trim_end_matches('.'));
                out.push('.');
            }
        } else if (is_dotted_initials(part)
            // (`S.A` of `Gilder, S.A and`: the last full stop left out)
            || part.contains('.') && is_dotted_initials_undotted(part))
            && !part.contains(is_hyphen)
        {
            // `R.L.` → `R. L.`: each piece and its full stop, written in place
            for (j, p) in part.split('.').filter(|p| !p.is_empty()).enumerate() {
                if j > 0 {
                    out.push(' ');
                }
                out.push_str(p);
                out.push('.');
            }
        } else {
            // `John.` at the end of a Chicago name (`Smith, John. 2005.`): the full
            // stop ends the name, it is not an initial's
            let word = if part.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !part.trim_end_matches('.').contains('.')
            {
                part.trim_end_matches('.')
            } else {
                part
            };
            // (the hyphens `‐`, `‑`, `–` written as `-`)
            out.extend(
                word.chars()
                    .map(|c| if matches!(c, '‐' | '‑' | '–') { '-' } else { c }),
            );
        }
    }
    out
}

/// Split leading particles off a family name: `van der Walt` → (`van der`, `Walt`).
fn split_particle(family: &str) -> (Option<String>, String) {
    // the usual case: no particle in front
    // (`family` is trimmed: its first word ends at its first white space)
    let first = family.find(char::is_whitespace).and_then(|i| family.get(..i));
    if !is_particle(first.unwrap_or(family)) {
        return (None, family.to_owned());
    }
    let words: Vec<&str> = family.split_whitespace().collect();
    let n = words.iter().take_while(|w| is_particle(w)).count();
    if n == 0 || n >= words.len() {
        return (None, family.to_owned());
    }
    (
        Some(words.get(..n).unwrap_or_default().join(" ")),
        words.get(n..).unwrap_or_default().join(" "),
    )
}

fn person(family: &str, given: String, suffix: Option<&str>) -> Name {
    let (particle, family) = split_particle(family.trim());
    Name::Person(Person {
        family,
        given,
        particle,
        suffix: suffix.map(|s| s.trim_end_matches('.').to_owned()),
    })
}

/// A prefilter for a word list: for each word length below 32, a bit per
/// (ASCII-lower-cased) first byte `& 31` of the words of that length; the flag is set
/// when a word is 32 bytes or longer. A word whose bit is clear is in no list entry,
/// case-blind or not.
type LengthInitials = ([u32; 32], bool);

/// The [`LengthInitials`] of `words`, worked out at compile time.
const fn length_initials(words: &[&str]) -> LengthInitials {
    let mut t = [0u32; 32];
    let mut long = false;
    let mut i = 0;
    while i < words.len() {
        let o = words[i].as_bytes();
        if o.len() >= 32 {
            long = true;
        } else if let [o0, ..] = o {
            t[o.len()] |= 1 << (o0.to_ascii_lowercase() & 31);
        } else {
            t[0] = 1;
        }
        i += 1;
    }
    (t, long)
}

/// False when no word of the list of `table` has the length and (case-blind) first
/// byte of `w`: most words are ruled out before the list is compared.
fn may_be_in(table: &LengthInitials, w: &str) -> bool {
    let (by_len, long) = table;
    let Some(bits) = by_len.get(w.len()) else { return *long };
    match w.as_bytes().first() {
        Some(c0) => bits & (1 << (c0.to_ascii_lowercase() & 31)) != 0,
        None => *bits != 0,
    }
}

/// [`length_initials`] of [`ORG_WORDS`].
const ORG_FIRST: LengthInitials = length_initials(ORG_WORDS);

/// [`length_initials`] of [`PARTICLES`].
const PARTICLE_FIRST: LengthInitials = length_initials(PARTICLES);

/// `w` without the characters that are not alphanumeric at its ends.
fn trim_non_alphanumeric(w: &str) -> &str {
    // (most words start and end with an ASCII letter: nothing to trim)
    let bytes = w.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return w;
    }
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// True when a name looks like a collective author rather than a person.
pub fn looks_collective(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    collective_words(s, &words)
}

/// True when `s` holds a word that names an organisation (`society`, `alliance`,
/// `institute`), whatever its length (`the` does not count).
pub fn has_org_word(s: &str) -> bool {
    s.split_whitespace().any(|w| is_org_word(w) && !w.eq_ignore_ascii_case("the"))
}

/// True for a word of [`ORG_WORDS`], punctuation around it aside, case-blind.
fn is_org_word(w: &str) -> bool {
    let w = trim_non_alphanumeric(w);
    // ASCII words compare case-blind in place (no allocation); a non-ASCII word is
    // lower-cased first, as a non-ASCII letter can lower-case to an ASCII one (`K`,
    // the Kelvin sign), and then has no upper-case ASCII left
    let lowered;
    let w = if w.is_ascii() {
        w
    } else {
        lowered = w.to_lowercase();
        lowered.as_str()
    };
    may_be_in(&ORG_FIRST, w) && ORG_WORDS.iter().any(|o| w.eq_ignore_ascii_case(o))
}

/// [`looks_collective`] for `s` already split at white space into `words`.
fn collective_words(s: &str, words: &[&str]) -> bool {
    if words.len() > 5 {
        return true;
    }
    let org = words.iter().any(|w| {
        let is_the = trim_non_alphanumeric(w).eq_ignore_ascii_case("the");
        is_the && words.len() > 2 || !is_the && is_org_word(w)
    });
    org || words.len() == 1 && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// An author item without white space and the separators `,` `;` `:` `&` at its ends
/// (white space, then separators, then white space again).
fn trim_item(item: &str) -> &str {
    // (the usual item has a kept ASCII character at both ends: nothing to trim)
    let kept = |b: &u8| b.is_ascii_graphic() && !matches!(b, b',' | b';' | b':' | b'&');
    let bytes = item.as_bytes();
    if bytes.first().is_some_and(kept) && bytes.last().is_some_and(kept) {
        return item;
    }
    item.trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c == '&')
        .trim()
}

/// How many words of a name [`split_words`] keeps on the stack.
const FEW_WORDS: usize = 8;

/// The words of `s` (split at white space): in `few` when there are at most
/// [`FEW_WORDS`] of them (the usual name: no allocation), else in `many`.
fn split_words<'a, 'b>(
    s: &'a str,
    few: &'b mut [&'a str; FEW_WORDS],
    many: &'b mut Vec<&'a str>,
) -> &'b [&'a str] {
    let mut n = 0;
    for w in s.split_whitespace() {
        match few.get_mut(n) {
            Some(slot) => *slot = w,
            None => {
                if many.is_empty() {
                    many.extend_from_slice(few.as_slice());
                }
                many.push(w);
            }
        }
        n += 1;
    }
    if n > FEW_WORDS { many } else { few.get(..n).unwrap_or_default() }
}

/// One author as written → a [`Name`]. Returns `None` for an empty item.
///
/// ```
/// use pubrefs::normalize::author::parse_name;
/// use pubrefs::{Name, Person};
/// assert_eq!(parse_name("Siegel RL"), Some(Name::Person(Person::new("Siegel", "R. L."))));
/// assert_eq!(parse_name("Siegel, R. L."), Some(Name::Person(Person::new("Siegel", "R. L."))));
/// assert_eq!(parse_name("R. L. Siegel"), Some(Name::Person(Person::new("Siegel", "R. L."))));
/// ```
pub fn parse_name(item: &str) -> Option<Name> {
    let s = trim_item(item);
    nlm_name(s).or_else(|| parse_name_general(s))
}

/// The usual name of an NLM list, `Siegel RL`: one family word (no organisation's) and
/// one to three capital initials. The general rules read it the same, slower (the
/// test `nlm_names_read_as_the_general_rules_read_them` holds that).
fn nlm_name(s: &str) -> Option<Name> {
    let (family, initials) = s.split_once(' ')?;
    let ok = (1..=3).contains(&initials.len())
        && initials.bytes().all(|b| b.is_ascii_uppercase())
        && is_family_word(family)
        && !is_org_word(family)
        && !is_org_word(initials);
    ok.then(|| person(family, expand_initials(initials), None))
}

/// [`parse_name`] of an item already trimmed, by the general rules.
fn parse_name_general(s: &str) -> Option<Name> {
    let s = s.strip_prefix("and ").unwrap_or(s).trim();
    if s.is_empty() {
        return None;
    }
    // `Schrödinger, LLC`: a company, not a person
    // (`Juliano, SA`: `SA` and `AG` after one family word are initials)
    if let Some((fam, rest)) = s.split_once(',')
        && match rest.trim().trim_end_matches('.') {
            "LLC" | "Inc" | "Ltd" | "GmbH" | "Corp" => true,
            "AG" | "SA" => fam.trim().contains(' '),
            _ => false,
        }
    {
        return Some(Name::Literal(s.trim_end_matches('.').to_owned()));
    }
    // `Francis T., Jr` (as PubMed prints it): a Vancouver name, then its suffix
    if let Some((head, suf)) = s.rsplit_once(',')
        && matches!(suf.trim(), "Jr" | "Jr." | "Sr" | "Sr.")
        && !head.contains(',')
        && head.split_whitespace().count() >= 2
    {
        return parse_name(&format!("{} {}", head.trim(), suf.trim()));
    }
    // `ZHOU (Z.)`, `HARRIS (C. M.)` (French): the family name, then the dotted
    // initials in brackets
    if let Some((fam, init)) = s.strip_suffix(')').and_then(|t| t.split_once(" ("))
        && !fam.contains(['(', ','])
        && !init.is_empty()
        && init.split(' ').all(is_dotted_initials)
    {
        return parse_name(&format!("{fam}, {init}"));
    }
    // inverted: `Family, Given[, Suffix]`
    if let Some((fam, rest)) = s.split_once(',') {
        let mut fam = fam.trim();
        let mut given = rest.trim();
        let mut suffix = None;
        // `Stewart III, Charles`, `Stewart Jr., Charles`: the suffix after the family
        if let Some((f, suf)) = fam.rsplit_once(' ')
            && is_suffix(suf)
            && !f.trim().is_empty()
        {
            fam = f.trim();
            suffix = Some(suf);
        }
        if let Some((g, suf)) = given.rsplit_once(',')
            && is_suffix(suf.trim())
        {
            given = g.trim();
            suffix = Some(suf.trim());
        } else if let Some((suf, g)) = given.split_once(',')
            && is_suffix(suf.trim())
        {
            // `Guerney, Jr., B. G.`
            given = g.trim();
            suffix = Some(suf.trim());
        }
        if !fam.is_empty()
            && !given.is_empty()
            && fam.split_whitespace().all(is_family_word)
        {
            // (`Ferguson, JN.`: NLM initials keep a full stop in some lists)
            let g = if is_nlm_initials(given.trim_end_matches('.')) {
                expand_initials(given.trim_end_matches('.'))
            } else {
                tidy_dotted(given)
            };
            return Some(person(fam, g, suffix));
        }
        return Some(Name::Literal(s.trim_end_matches('.').to_owned()));
    }
    let mut few = [""; FEW_WORDS];
    let mut many = Vec::new();
    let all = split_words(s, &mut few, &mut many);
    let mut words: &[&str] = all;
    // `looks_collective(s)`, worked out once when first asked
    let mut collective_memo = None;
    let mut collective =
        || *collective_memo.get_or_insert_with(|| collective_words(s, all));
    let mut suffix = None;
    if words.len() > 2
        && let Some((last, rest)) = words.split_last()
        && is_suffix(last)
    {
        suffix = Some(*last);
        words = rest;
    }
    let last = words.last().copied().unwrap_or_default().trim_end_matches('.');
    // Vancouver: `Family INITIALS` (or `Family I.N.`)
    let dotted_word = |w: &str| {
        let w = w.trim_end_matches('.');
        w.contains('.')
            && is_dotted_initials_undotted(w)
            && small_only_after_hyphen(w)
            // (`Bai X-c`: a capital, a hyphen, a small letter)
            || w.len() == 3
                && matches!(w.as_bytes(), [a, b'-', c] if a.is_ascii_uppercase() && c.is_ascii_lowercase())
            || w.chars().count() == 1 && w.chars().all(char::is_uppercase)
    };
    // trailing initials: `RL`, `R.L.`, `J. L`
    // (`Sheflyan G. Ya`: a Russian two-letter initial after a dotted one)
    let translit = |i: usize| {
        i >= 2
            && words.get(i).is_some_and(|w| is_translit_initial(w.trim_end_matches('.')))
            && words.get(i - 1).is_some_and(|p| p.len() == 2 && p.ends_with('.'))
    };
    let n_dotted = (0..words.len())
        .rev()
        .take_while(|&i| words.get(i).is_some_and(|w| dotted_word(w)) || translit(i))
        .count();
    let last_nlm = words.last().is_some_and(|w| {
        let w = w.trim_end_matches('.');
        is_nlm_initials(w) || is_translit_initials(w)
    });
    let n_init = if n_dotted < 2 && last_nlm { 1 } else { n_dotted };
    if words.len() > n_init && n_init > 0 && !collective() {
        let split = words.len() - n_init;
        // one family word is borrowed as is
        let fam: Cow<'_, str> = match words.get(..split).unwrap_or_default() {
            [one] => Cow::Borrowed(one),
            more => Cow::Owned(more.join(" ")),
        };
        // (`delange WCM`: a family name typed in lower case before NLM initials)
        let lower_family = split == 1
            && n_init == 1
            && last_nlm
            && fam.chars().count() >= 3
            && fam.chars().all(|c| c.is_lowercase() || c == '-');
        if lower_family
            || fam.split_whitespace().all(|w| is_family_word(w) || is_particle(w))
        {
            let given = if n_init == 1 && last_nlm {
                expand_initials(last)
            } else {
                let g: Vec<String> = words
                    .get(split..)
                    .unwrap_or_default()
                    .iter()
                    .map(|w| format!("{}.", w.trim_end_matches('.')))
                    .collect();
                tidy_dotted(&g.join(" "))
            };
            return Some(person(&fam, given, suffix));
        }
    }
    // initials first: `R. L. Siegel`, `K White`, `T-T Chen`, `David Cline`
    let n_given = words
        .iter()
        .take_while(|w| {
            is_dotted_initials(w)
                || is_nlm_initials(w) && w.chars().count() == 1
                || is_hyphen_initials(w)
        })
        .count();
    // `JD Dougherty`: NLM initials before one family word (`WHO Europe` is a group)
    let n_given = if n_given == 0
        && words.len() == 2
        && words.first().is_some_and(|w| {
            (2..=3).contains(&w.len())
                && is_nlm_initials(w)
                && !matches!(*w, "UN" | "US" | "UK" | "EU" | "USA" | "WHO")
        })
        && words.get(1).is_some_and(|w| is_family_word(w) && !is_nlm_initials(w))
        && !collective()
    {
        1
    } else {
        n_given
    };
    // `B. Xi.`: a short family name looks like an initial (`Th.`)
    let n_given =
        if n_given == words.len() && n_given >= 2 { n_given - 1 } else { n_given };
    // (`R Core Team` is a group: an organisation word after one initial)
    if n_given > 0 && n_given < words.len() && !(n_given == 1 && collective()) {
        let fam = words.get(n_given..).unwrap_or_default().join(" ");
        let given = words.get(..n_given).unwrap_or_default().join(" ");
        let given = if is_nlm_initials(&given) {
            expand_initials(&given)
        } else {
            tidy_dotted(&given)
        };
        return Some(person(fam.trim_end_matches('.'), given, suffix));
    }
    // `David R. Cheriton`, `Sarita V. Adve`, `Ludwig van Beethoven`
    if (3..=4).contains(&words.len()) && !collective() {
        let n = words.len();
        let fam_start = (1..n)
            .find(|&i| words.get(i).is_some_and(|w| is_particle(w)))
            .unwrap_or(n - 1);
        let given_ok = words.get(..fam_start).unwrap_or_default().iter().enumerate().all(
            |(i, w)| {
                is_dotted_initials(w)
                    || is_nlm_initials(w) && w.chars().count() == 1
                    || i == 0 && is_given_word(w)
            },
        );
        let fam_ok = words.get(fam_start..).unwrap_or_default().iter().all(|w| {
            let w = w.trim_end_matches('.');
            is_family_word(w) || is_particle(w)
        });
        if given_ok && fam_ok && fam_start > 0 {
            let given = words.get(..fam_start).unwrap_or_default().join(" ");
            let fam = words.get(fam_start..).unwrap_or_default().join(" ");
            return Some(person(fam.trim_end_matches('.'), tidy_dotted(&given), suffix));
        }
    }
    if (2..=3).contains(&words.len())
        && !collective()
        && words.iter().all(|w| is_given_word(w.trim_end_matches('.')) || is_particle(w))
    {
        let fam_start =
            words.iter().position(|w| is_particle(w)).unwrap_or(words.len() - 1);
        let fam_start = fam_start.max(1);
        let given = words.get(..fam_start).unwrap_or_default().join(" ");
        let fam = words.get(fam_start..).unwrap_or_default().join(" ");
        return Some(person(fam.trim_end_matches('.'), given, suffix));
    }
    // one family name alone (`Tesser` in `Pettijohn TF II, Tesser (2003)`)
    if let [one] = words
        && suffix.is_none()
        && !collective()
        && is_family_word(one)
        && !matches!(one.to_ascii_lowercase().as_str(), "anonymous" | "anon")
    {
        return Some(person(one, String::new(), None));
    }
    let literal = s.trim_end_matches(['.', ' ']);
    (!literal.trim().is_empty()).then(|| Name::Literal(literal.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(family: &str, given: &str) -> Option<Name> {
        Some(Name::Person(Person::new(family, given)))
    }

    /// `nlm_name`, the short cut, reads what it reads as the general rules do: every
    /// pair of a family-like word and an initials-like word below.
    #[test]
    fn family_first_lists() {
        assert!(family_first_list(&[
            "Liu Xun",
            "Wu Xiaoming",
            "Li Lingshan",
            "Lou Tanqi"
        ]));
        assert!(family_first_list(&["Liu Xun", "Lv Linsheng", "Ling Li", "Lou Tanqi"]));
        // (reading order, one name, names that are all family names, initials, others)
        assert!(!family_first_list(&["Xun Liu", "Xiaoming Wu"]));
        assert!(!family_first_list(&["Liu Xun"]));
        assert!(!family_first_list(&["Li Wang", "Zhang Li"]));
        assert!(!family_first_list(&["Liu X", "Wu XM"]));
        assert!(!family_first_list(&["Liu Xun", "John Smith"]));
        assert_eq!(
            family_first_name("Wu Xiaoming"),
            Some(Name::Person(Person::new("Wu", "Xiaoming")))
        );
    }

    #[test]
    fn nlm_names_read_as_the_general_rules_read_them() {
        let families = [
            "Siegel",
            "Müller-Ost",
            "O'Brien",
            "O’Keefe",
            "d'Erme",
            "LEDUC",
            "Øster",
            "van",
            "The",
            "WHO",
            "Group",
            "Society",
            "A",
            "Li",
            "Ye",
            "Yu",
            "Jr",
            "Inc",
            "Smith.",
            "Smith,",
            "de",
            "Mc-",
            "ÉCOLE",
            "Σmith",
            "K",
            "Kh",
        ];
        let initials = [
            "J", "RL", "ABC", "ABCD", "II", "III", "IV", "Jr", "UN", "WHO", "INC", "AG",
            "SA", "R.", "YeM", "J-J", "É", "j", "",
        ];
        let mut short_cut = 0;
        for f in families {
            for i in initials {
                let s = format!("{f} {i}");
                if let Some(n) = nlm_name(&s) {
                    short_cut += 1;
                    assert_eq!(Some(n), parse_name_general(&s), "{s}");
                }
            }
        }
        assert!(short_cut > 20, "{short_cut}");
    }

    #[test]
    fn split_words_keeps_every_word() {
        for s in [
            "",
            "a",
            " a  b ",
            "1 2 3 4 5 6 7 8",
            "1 2 3 4 5 6 7 8 9",
            "1 2 3 4 5 6 7 8 9 10 x",
        ] {
            let (mut few, mut many) = ([""; FEW_WORDS], Vec::new());
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(split_words(s, &mut few, &mut many), want.as_slice(), "{s:?}");
        }
    }

    #[test]
    fn byte_rules_agree_with_char_rules() {
        let words = [
            "",
            "R",
            "RL",
            "ABCD",
            "ABCDE",
            "J-J",
            "-J",
            "J-",
            "R-L-M",
            "Rl",
            "rl",
            "R.",
            "É",
            "ÉL",
            "M‐C",
            "R1",
            "Ab",
            "Abc-Def",
            "AbC",
            "A-",
            "Ab-",
            "Aé",
            "A b",
            "ABC-d",
            "Mc",
            "McD",
            "O'N",
            "éa",
            "-a",
            "R.L.",
            "Th.",
            "M.-C.",
            "J-L.",
            "..",
            "R..L",
            "R.Lo",
            "r.",
            ".-.",
            "A.b",
            "J.‐H.",
            "É.",
            "R L",
            "R\u{b}",
            "R -L",
            "Siegel",
            "LEDUC",
            "O'Neil",
            "Smith2",
            "Sm.ith",
            "A'",
            "Jean-",
            "Ab'c-D",
            "Aliaño‐González",
            "Mc’Donald",
            "ÉLODIE",
            "Ém1",
            "A1é",
        ];
        for w in words {
            assert_eq!(is_nlm_initials(w), nlm_initials_chars(w), "{w:?}");
            assert_eq!(is_given_word(w), given_word_chars(w), "{w:?}");
            assert_eq!(dotted_parts(w), dotted_parts_chars(w), "{w:?}");
            if w.starts_with(|c: char| c.is_uppercase()) {
                assert_eq!(is_family_word(w), family_word_chars(w), "{w:?}");
            }
            assert_eq!(
                expand_initials(w),
                expand_initials_chars(w, String::new()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn transliterated_initials() {
        assert!(is_translit_initials("YeM"));
        assert!(is_translit_initials("AYu"));
        assert!(is_translit_initials("ZhKh"));
        assert!(!is_translit_initials("Ye"));
        assert!(!is_translit_initials("Yu"));
        assert!(!is_translit_initials("Zhu"));
        assert!(!is_translit_initials("AB"));
        assert!(!is_translit_initials("AbC"));
        assert_eq!(expand_initials("YeM"), "Ye. M.");
        assert_eq!(parse_name("Shadenkov YeM"), p("Shadenkov", "Ye. M."));
        assert_eq!(parse_name("Sheflyan G. Ya"), p("Sheflyan", "G. Ya."));
        assert_eq!(parse_name("JD Dougherty"), p("Dougherty", "J. D."));
        assert_eq!(parse_name("Yu X"), p("Yu", "X."));
    }

    #[test]
    fn vancouver_names() {
        assert_eq!(parse_name("Sung H"), p("Sung", "H."));
        assert_eq!(parse_name("Siegel RL"), p("Siegel", "R. L."));
        assert_eq!(parse_name("Zhou J-J"), p("Zhou", "J.-J."));
        assert_eq!(parse_name("Echeverri Giraldo DR"), p("Echeverri Giraldo", "D. R."));
        assert_eq!(parse_name("Wang D.R."), p("Wang", "D. R."));
        assert_eq!(parse_name("Spudich J. L"), p("Spudich", "J. L."));
        assert_eq!(parse_name("Graves‐Morris PR"), p("Graves‐Morris", "P. R."));
        let walt = parse_name("van der Walt SJ");
        assert_eq!(
            walt,
            Some(Name::Person(Person {
                family: "Walt".into(),
                given: "S. J.".into(),
                particle: Some("van der".into()),
                suffix: None
            }))
        );
        let jr = parse_name("Smith JA Jr");
        assert_eq!(
            jr,
            Some(Name::Person(Person {
                family: "Smith".into(),
                given: "J. A.".into(),
                particle: None,
                suffix: Some("Jr".into())
            }))
        );
        // PubMed's `Francis T., Jr`: the suffix after the comma
        for item in ["Francis T., Jr", "Francis T, Jr.", "Wood WB., Jr"] {
            let n = parse_name(item);
            assert!(
                matches!(n, Some(Name::Person(Person { ref suffix, .. })) if suffix.as_deref() == Some("Jr")),
                "{item}: {n:?}"
            );
        }
        // (an inverted name keeps its own reading: `Smith, John, Jr`)
        assert!(matches!(
            parse_name("Smith, John, Jr"),
            Some(Name::Person(Person { ref family, ref suffix, .. }))
                if family == "Smith" && suffix.as_deref() == Some("Jr")
        ));
        let haba = parse_name("de la Haba-Rodriguez J");
        assert!(
            matches!(haba, Some(Name::Person(Person { ref particle, .. })) if particle.as_deref() == Some("de la"))
        );
    }

    #[test]
    fn inverted_names() {
        assert_eq!(parse_name("Siegel, R. L."), p("Siegel", "R. L."));
        assert_eq!(parse_name("Siegel, R.L."), p("Siegel", "R. L."));
        assert_eq!(parse_name("De Oliveira, P."), p("De Oliveira", "P."));
        assert_eq!(parse_name("Bakhtin, Mikhail"), p("Bakhtin", "Mikhail"));
        assert_eq!(parse_name("LEDUC, H."), p("LEDUC", "H."));
        assert_eq!(parse_name("Kim, J.‐H."), p("Kim", "J.-H."));
        assert_eq!(parse_name("Smith, John."), p("Smith", "John"));
        assert_eq!(parse_name("R Core Team"), Some(Name::Literal("R Core Team".into())));
        assert_eq!(parse_name("Tesser"), p("Tesser", ""));
        assert_eq!(parse_name("."), None);
        assert_eq!(
            parse_name("Schrödinger, LLC"),
            Some(Name::Literal("Schrödinger, LLC".into()))
        );
        assert_eq!(parse_name("delange WCM"), p("delange", "W. C. M."));
        assert_eq!(parse_name("Anonymous"), Some(Name::Literal("Anonymous".into())));
        assert_eq!(parse_name("WHO"), Some(Name::Literal("WHO".into())));
        assert_eq!(parse_name("Doe, Jane A."), p("Doe", "Jane A."));
        // French: the initials in brackets after the family name
        assert_eq!(parse_name("ZHOU (Z.)"), p("ZHOU", "Z."));
        assert_eq!(parse_name("AYALA CEJA (C. M.)"), p("AYALA CEJA", "C. M."));
        assert_eq!(parse_name("Smith (Ed)"), Some(Name::Literal("Smith (Ed)".into())));
    }

    #[test]
    fn initials_first_names() {
        assert_eq!(parse_name("R. L. Siegel"), p("Siegel", "R. L."));
        assert_eq!(parse_name("M. J. Aliaño‐González"), p("Aliaño‐González", "M. J."));
        assert_eq!(parse_name("M.-C. Dupont"), p("Dupont", "M.-C."));
        assert_eq!(parse_name("K White"), p("White", "K."));
        assert_eq!(parse_name("David Cline"), p("Cline", "David"));
        assert_eq!(parse_name("and X. Yan"), p("Yan", "X."));
        assert_eq!(parse_name("B. Xi."), p("Xi", "B."));
    }

    #[test]
    fn collective_names() {
        let lit = |s: &str| Some(Name::Literal(s.into()));
        assert_eq!(
            parse_name(
                "The National Health Commission of the People’s Republic of China."
            ),
            lit("The National Health Commission of the People’s Republic of China")
        );
        assert_eq!(parse_name("WHO"), lit("WHO"));
        assert_eq!(
            parse_name("World Health Organization"),
            lit("World Health Organization")
        );
        assert_eq!(parse_name(""), None);
    }

    #[test]
    fn dotted_initials_undotted_rule() {
        for w in
            ["R.L", "R", "Th", "M.-C", "J.‐H", ".", "R.L.", "Rl", "R.Lo", "", "-", "r"]
        {
            let dotted = format!("{w}.");
            assert_eq!(
                is_dotted_initials_undotted(w),
                is_dotted_initials(&dotted),
                "{w}"
            );
        }
    }

    #[test]
    fn family_word_rule() {
        for w in ["Siegel", "O'Neil", "Aliaño‐González", "LEDUC", "van", "d'Erme"] {
            assert!(is_family_word(w), "{w}");
        }
        for w in ["S", "siegel", "Smith2", "", "RL,", "Sm.ith"] {
            assert!(!is_family_word(w), "{w}");
        }
    }

    #[test]
    fn initials_helpers() {
        assert!(is_nlm_initials("RL") && is_nlm_initials("J-J") && is_nlm_initials("H"));
        assert!(
            !is_nlm_initials("Rl") && !is_nlm_initials("ABCDE") && !is_nlm_initials("J-")
        );
        assert!(
            is_dotted_initials("R.")
                && is_dotted_initials("R.L.")
                && is_dotted_initials("Th.")
        );
        assert!(!is_dotted_initials("Rob.") && !is_dotted_initials("R"));
        assert_eq!(expand_initials("RL"), "R. L.");
        assert_eq!(expand_initials("J-J"), "J.-J.");
    }
}
