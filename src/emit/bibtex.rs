//! BibTeX writer.
//!
//! Our own writer, not the `biblatex` crate's (which mis-escapes `~ ^ \`, writes fields
//! in alphabetical order and breaks collective authors; see `CRATES.md` §2). The output
//! is read by `bibtex` with the classic `.bst` styles, by biber/BibLaTeX and by the
//! `biblatex` crate.
//!
//! An entry looks like this:
//!
//! ```text
//! @article{sung2021global,
//!   author = {Sung, H. and Ferlay, J. and Siegel, R. L. and others},
//!   title = {Global cancer statistics 2020: {GLOBOCAN} estimates},
//!   journal = {CA Cancer J Clin},
//!   year = {2021},
//!   month = feb,
//!   volume = {71},
//!   number = {3},
//!   pages = {209--249},
//!   doi = {10.3322/caac.21660},
//!   pmid = {33538338},
//! }
//! ```
//!
//! Rules that hold for any input:
//!
//! - fields come in one fixed order, each at most once;
//! - every value is wrapped in one pair of braces and the braces inside it are
//!   balanced (BibTeX counts `\{` as a brace too, so an unpaired `{` in the data is
//!   written `\textbraceleft{}`);
//! - white space, line breaks and control characters fold to one space;
//! - text fields escape the LaTeX specials ([`escape`]) and keep UTF-8 as it is;
//! - `doi` and `url` are verbatim fields (BibLaTeX and the `url` package read them
//!   literally), so `_ % # ~ ^` stay as they are; only `{`, `}` and `\`, which no
//!   reader can take literally there, are percent-encoded (`%7B`, `%7D`, `%5C`), which
//!   resolvers read as the same DOI or URL.

use std::borrow::Cow;
use std::io;

use crate::emit::{Emit, fold};
use crate::model::{Name, Person, RefType, Reference, Status};

/// Writes references as BibTeX entries, separated by a blank line.
pub struct Bibtex<W> {
    out: W,
    buf: String,
    first: bool,
}

impl<W: io::Write> Bibtex<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Bibtex { out, buf: String::new(), first: true }
    }
}

impl<W: io::Write> Emit for Bibtex<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        self.buf.clear();
        if !self.first {
            self.buf.push('\n');
        }
        self.first = false;
        write_entry(&mut self.buf, reference);
        self.out.write_all(self.buf.as_bytes())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The BibTeX entry type of a kind of work. Web pages, patents, data sets and other
/// documents are `@misc`, the one type every `.bst` style knows for them.
pub fn entry_type(kind: RefType) -> &'static str {
    match kind {
        RefType::Article => "article",
        RefType::Book => "book",
        RefType::Chapter => "incollection",
        RefType::Conference => "inproceedings",
        RefType::Thesis => "phdthesis",
        RefType::Report => "techreport",
        RefType::Web | RefType::Patent | RefType::Dataset | RefType::Document => "misc",
    }
}

/// The BibTeX month macros, `jan` to `dec`.
const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Append one entry, ending with `}\n`. Values are escaped straight into `out`.
fn write_entry(out: &mut String, r: &Reference) {
    out.push('@');
    out.push_str(entry_type(r.kind));
    out.push('{');
    entry_key_into(out, r);
    out.push_str(",\n");

    field(out, "author", |o| names_into(o, &r.authors, r.et_al));
    field(out, "editor", |o| names_into(o, &r.editors, false));
    if let Some(t) = &r.title {
        field(out, "title", |o| title_into(o, t));
    }
    let container = r.container.as_deref().unwrap_or_default();
    match r.kind {
        RefType::Article => field(out, "journal", |o| escape_to(o, container)),
        RefType::Chapter | RefType::Conference => {
            field(out, "booktitle", |o| escape_to(o, container));
        }
        RefType::Book | RefType::Report | RefType::Thesis => {
            field(out, "series", |o| escape_to(o, container));
        }
        RefType::Web | RefType::Patent | RefType::Dataset | RefType::Document => {
            field(out, "howpublished", |o| how_published(o, r));
        }
    }
    if r.kind == RefType::Article {
        let short = r.container_short.as_deref().unwrap_or_default();
        field(out, "shortjournal", |o| escape_to(o, short));
    }
    if let Some(date) = r.date {
        // Digits and a minus sign: nothing to escape.
        field(out, "year", |o| {
            o.push_str(crate::emit::int_str(i64::from(date.year), &mut [0; 20]));
        });
    }
    // `month = feb`: a macro, unbraced, so that styles print it in their language.
    let month = r.date.and_then(|d| d.month).and_then(|m| usize::from(m).checked_sub(1));
    if let Some(m) = month.and_then(|m| MONTHS.get(m)) {
        out.push_str("  month = ");
        out.push_str(m);
        out.push_str(",\n");
    }
    field(out, "volume", |o| opt_into(o, &r.volume));
    field(out, "number", |o| opt_into(o, &r.issue));
    if let Some(p) = &r.pages {
        field(out, "pages", |o| pages_into(o, &p.first, p.last.as_deref()));
    }
    let publisher = match r.kind {
        RefType::Thesis => "school",
        RefType::Report => "institution",
        _ => "publisher",
    };
    field(out, publisher, |o| opt_into(o, &r.publisher));
    field(out, "address", |o| opt_into(o, &r.place));
    field(out, "edition", |o| opt_into(o, &r.edition));
    field(out, "doi", |o| verbatim_to(o, r.doi.as_deref().unwrap_or_default()));
    field(out, "pmid", |o| opt_into(o, &r.pmid));
    field(out, "pmcid", |o| opt_into(o, &r.pmcid));
    field(out, "url", |o| verbatim_to(o, r.url.as_deref().unwrap_or_default()));
    field(out, "issn", |o| opt_into(o, &r.issn));
    field(out, "isbn", |o| opt_into(o, &r.isbn));
    field(out, "abstract", |o| opt_into(o, &r.abstract_text));
    if !r.keywords.is_empty() {
        // Folded first: a keyword of only white space or control characters is empty.
        // Joined before escaping: braces pair across the whole list.
        let keywords: Vec<Cow<'_, str>> =
            r.keywords.iter().map(|k| fold(k)).filter(|k| !k.is_empty()).collect();
        field(out, "keywords", |o| escape_to(o, &keywords.join(", ")));
    }
    if r.note.is_some() || r.status != Status::Parsed {
        field(out, "note", |o| escape_to(o, &note(r)));
    }
    out.push_str("}\n");
}

/// Append the line `  name = {value},` where `value` writes the value into `out`;
/// nothing when it writes nothing.
fn field(out: &mut String, name: &str, value: impl FnOnce(&mut String)) {
    let mark = out.len();
    out.push_str("  ");
    out.push_str(name);
    out.push_str(" = {");
    let start = out.len();
    value(out);
    if out.len() == start {
        out.truncate(mark);
    } else {
        out.push_str("},\n");
    }
}

/// `howpublished`, what plain.bst prints for a `@misc`: the container and the URL,
/// `Container, \url{URL}`.
fn how_published(out: &mut String, r: &Reference) {
    let container = r.container.as_deref().map(escape).unwrap_or_default();
    // A text field, where `$` opens math for many readers, so this copy of the URL has
    // it percent-encoded; the `url` field keeps the URL as it is.
    let link = r.url.as_deref().map(verbatim).unwrap_or_default().replace('$', "%24");
    out.push_str(&container);
    if !link.is_empty() {
        if !container.is_empty() {
            out.push_str(", ");
        }
        out.push_str("\\url{");
        out.push_str(&link);
        out.push('}');
    }
}

/// `first--last`, the en dash of a page range. A hyphen next to the dash would join
/// it into an em dash (`1---2`), so an empty group keeps them apart (`1-{}--2`).
fn pages_into(out: &mut String, first: &str, last: Option<&str>) {
    escape_to(out, first);
    let Some(last) = last else { return };
    if out.ends_with('-') {
        out.push_str("{}");
    }
    out.push_str("--");
    let at = out.len();
    escape_to(out, last);
    if out.get(at..).is_some_and(|l| l.starts_with('-')) {
        out.insert_str(at, "{}");
    }
}

/// An optional text field, escaped; nothing when absent.
fn opt_into(out: &mut String, value: &Option<String>) {
    if let Some(v) = value {
        escape_to(out, v);
    }
}

/// The entry's key: the assigned key with the characters BibTeX and biber do not allow
/// in a key removed; `ref` + ordinal when no key was assigned.
fn entry_key_into(out: &mut String, r: &Reference) {
    let start = out.len();
    let allowed = |c: &char| {
        c.is_ascii_graphic()
            && !matches!(
                c,
                ',' | '{' | '}' | '(' | ')' | '"' | '#' | '%' | '\'' | '=' | '\\' | '~'
            )
    };
    if r.key.chars().all(|c| allowed(&c)) {
        out.push_str(&r.key);
    } else {
        out.extend(r.key.chars().filter(allowed));
    }
    if out.len() == start {
        out.push_str("ref");
        out.push_str(crate::emit::int_str(i64::from(r.origin.ordinal), &mut [0; 20]));
    }
}

/// The `note` value: the reference's note and, for a partial or raw reference, its
/// raw text (joined with `; `).
fn note(r: &Reference) -> String {
    // Folded first: a part of only white space or control characters is empty.
    let mut parts = Vec::new();
    if let Some(n) = r.note.as_deref().map(fold).filter(|n| !n.is_empty()) {
        parts.push(n);
    }
    let raw = fold(&r.raw);
    if r.status != Status::Parsed && !raw.is_empty() {
        parts.push(raw);
    }
    parts.join("; ")
}

/// A BibTeX name list: `Sung, H. and Ferlay, J. and others`. Empty names are skipped;
/// `and others` only follows at least one name.
#[cfg(test)]
fn names(list: &[Name], et_al: bool) -> String {
    let mut out = String::new();
    names_into(&mut out, list, et_al);
    out
}

/// [`names`], appended to `out`.
fn names_into(out: &mut String, list: &[Name], et_al: bool) {
    let start = out.len();
    for n in list {
        let mark = out.len();
        if mark > start {
            out.push_str(" and ");
        }
        let at = out.len();
        name_into(out, n);
        if out.len() == at {
            out.truncate(mark);
        }
    }
    if et_al && out.len() > start {
        out.push_str(" and others");
    }
}

/// One name in BibTeX form, appended to `out`; nothing when it is empty.
///
/// - a person is `von Last, First` or `von Last, Jr, First`; a lower-case particle
///   (`van der`) is read by BibTeX as the von part, so it sorts under `W` for `van der
///   Walt`; a capitalised one (`De`) joins the last name, which is how it is sorted;
/// - a collective name is wrapped in braces, `{World Health Organization}`, so that
///   BibTeX neither splits it nor abbreviates it.
fn name_into(out: &mut String, n: &Name) {
    match n {
        Name::Literal(l) => {
            let mark = out.len();
            out.push('{');
            escape_to(out, l);
            if out.len() == mark + 1 {
                out.truncate(mark);
            } else {
                out.push('}');
            }
        }
        Name::Person(p) => person_into(out, p),
    }
}

/// A person in BibTeX form, appended to `out`; see [`name_into`]. The common shape (no
/// particle, no suffix, no comma) is written in place; the others through [`person`].
fn person_into(out: &mut String, p: &Person) {
    let plain = p.particle.is_none()
        && p.suffix.is_none()
        && !p.family.contains(',')
        && !p.given.contains(',');
    if !plain {
        if let Some(s) = person(p) {
            out.push_str(&s);
        }
        return;
    }
    let start = out.len();
    name_part_into(out, &p.family, true);
    let family_end = out.len();
    out.push_str(", ");
    let given_start = out.len();
    name_part_into(out, &p.given, false);
    if out.len() == given_start {
        // No given name: the family name alone (or nothing).
        out.truncate(family_end);
    } else if family_end == start {
        // Only a given name: keep it whole as the last name.
        let given = out.split_off(given_start);
        out.truncate(start);
        out.push('{');
        out.push_str(&given);
        out.push('}');
    }
}

/// A person in BibTeX form; see [`name_into`].
fn person(p: &Person) -> Option<String> {
    // No real name part holds a comma, but a badly split one might. biber counts every
    // comma of a name, braced or not, unless the whole name is one group: keep such a
    // name whole, `{Family, Given}`.
    let parts = [
        Some(p.family.as_str()),
        Some(&p.given),
        p.particle.as_deref(),
        p.suffix.as_deref(),
    ];
    if parts.iter().flatten().any(|s| s.contains(',')) {
        // Parts folded first, so that an empty one adds no comma.
        let family = p.full_family();
        let parts = [Some(family.as_str()), Some(p.given.as_str()), p.suffix.as_deref()];
        let parts: Vec<Cow<'_, str>> =
            parts.into_iter().flatten().map(fold).filter(|s| !s.is_empty()).collect();
        let whole = parts.join(", ");
        let whole = escape(&whole);
        return (!whole.is_empty()).then(|| format!("{{{whole}}}"));
    }
    let family = name_part(&p.family, true);
    let given = name_part(&p.given, false);
    let particle = p.particle.as_deref().map(|s| name_part(s, false)).unwrap_or_default();
    let suffix = p.suffix.as_deref().map(|s| name_part(s, false)).unwrap_or_default();
    if given.is_empty() {
        // No comma at all: BibTeX rejects a name that ends in a comma. `van der Walt`
        // still reads as von + last; anything else that could be split wrongly (a
        // capitalised particle, a suffix) is kept whole in braces.
        let words: Vec<&str> =
            [&particle, &family, &suffix].into_iter().map(String::as_str).collect();
        let joined = words.iter().filter(|w| !w.is_empty()).copied().collect::<Vec<_>>();
        let joined = joined.join(" ");
        let plain = suffix.is_empty()
            && !family.is_empty()
            && (particle.is_empty() || particle.starts_with(char::is_lowercase));
        return match (joined.is_empty(), plain) {
            (true, _) => None,
            (false, true) => Some(joined),
            (false, false) => Some(format!("{{{joined}}}")),
        };
    }
    // (written piece by piece into one string)
    let mut s = String::with_capacity(
        particle.len() + family.len() + suffix.len() + given.len() + 8,
    );
    match (particle.is_empty(), family.is_empty()) {
        // Only a given name: keep it whole as the last name.
        (true, true) => {
            s.push('{');
            s.push_str(&given);
            s.push('}');
            return Some(s);
        }
        (false, true) => {
            s.push('{');
            s.push_str(&particle);
            s.push('}');
        }
        (true, false) => s.push_str(&family),
        (false, false) => {
            s.push_str(&particle);
            s.push(' ');
            s.push_str(&family);
        }
    }
    s.push_str(", ");
    if !suffix.is_empty() {
        s.push_str(&suffix);
        s.push_str(", ");
    }
    s.push_str(&given);
    Some(s)
}

/// One part of a person's name, escaped, and wrapped in braces when BibTeX would
/// otherwise misread it: a comma or the word `and` (which split names), `others`, a
/// hyphen at either end (BibTeX splits name tokens at hyphens), and,
/// for a family name, several words (the first would become a von part or a first
/// name).
fn name_part(s: &str, family: bool) -> String {
    let mut out = String::new();
    name_part_into(&mut out, s, family);
    out
}

/// [`name_part`], appended to `out`.
fn name_part_into(out: &mut String, s: &str, family: bool) {
    let start = out.len();
    escape_to(out, s);
    let Some(e) = out.get(start..).filter(|e| !e.is_empty()) else { return };
    let (comma, space, and) = part_marks(e.as_bytes());
    // BibTeX also splits name tokens at hyphens: a part such as `--` would be empty.
    let splits = comma
        || and
        || e.eq_ignore_ascii_case("others")
        || e.starts_with('-')
        || e.ends_with('-');
    let several = family && space;
    if splits || several {
        out.insert(start, '{');
        out.push('}');
    }
}

/// One pass over an escaped name part: whether it has a comma, a space, and the word
/// `and` (any case) between spaces or ends.
fn part_marks(e: &[u8]) -> (bool, bool, bool) {
    let (mut comma, mut space, mut and) = (false, false, false);
    let mut word = 0;
    for (i, &b) in e.iter().enumerate() {
        if b == b',' {
            comma = true;
        } else if b == b' ' {
            space = true;
            and |= e.get(word..i).is_some_and(|w| w.eq_ignore_ascii_case(b"and"));
            word = i + 1;
        }
    }
    and |= e.get(word..).is_some_and(|w| w.eq_ignore_ascii_case(b"and"));
    (comma, space, and)
}

/// A title: escaped, and each word whose capitals a style's case change must not
/// touch is wrapped in braces.
///
/// A word is protected when it has a capital letter after its first character
/// (`GLOBOCAN`, `HER2`, `mRNA`, `COVID-19`) or a digit after a capital first letter
/// (`Cas9`), or, after the first word, when it has any capital at all (proper nouns
/// in PubMed's sentence-case titles: `Alzheimer`, `Wuhan`). The first word is left
/// alone otherwise, since sentence case keeps its capital anyway.
pub fn title(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 16);
    title_into(&mut out, t);
    out
}

/// [`title`], appended to `out`.
fn title_into(out: &mut String, t: &str) {
    let folded = fold(t);
    // Braces pair across the whole title, not per word.
    let pairs = brace_pairs(&folded);
    // The words are the pieces between single spaces (the title is folded); each is
    // found by the same pass that scans it. Words written as they are, and the spaces
    // between them, are copied a run at a time: `run` is where the text not yet
    // written starts.
    let mut run = 0;
    let mut offset = 0;
    loop {
        let rest = folded.get(offset..).unwrap_or_default();
        let (len, protect, special) = scan_word(rest, offset == 0);
        if protect || special {
            out.push_str(folded.get(run..offset).unwrap_or_default());
            let word = rest.get(..len).unwrap_or_default();
            let paired = pairs.get(offset..offset + len).unwrap_or(&[]);
            if protect {
                // `{\` opens a BibTeX "special character", whose letters are still
                // case changed; an empty group first keeps the word a plain protected
                // group.
                let starts_special = word.bytes().next().is_some_and(is_special);
                out.push_str(if starts_special { "{{}" } else { "{" });
                escape_into(out, word, paired);
                out.push('}');
            } else {
                escape_into(out, word, paired);
            }
            run = offset + len;
        }
        offset += len + 1;
        if offset > folded.len() {
            break;
        }
    }
    out.push_str(folded.get(run..).unwrap_or_default());
}

/// Whether a title word must keep its capitals; see [`title`].
fn needs_protection(word: &str, first: bool) -> bool {
    let mut chars = word.chars().skip_while(|c| !c.is_alphanumeric());
    let Some(head) = chars.next() else { return false };
    let mut inner_capital = false;
    let mut digit = false;
    for c in chars {
        inner_capital |= c.is_uppercase();
        digit |= c.is_numeric();
    }
    inner_capital || (head.is_uppercase() && (digit || !first))
}

/// One pass over the title word at the start of `text` (up to its first space): its
/// length in bytes, whether it [needs protection](needs_protection), and whether it
/// holds a byte [`escape`] replaces. ASCII words are decided byte by byte; a word with
/// other characters goes through the char rule.
fn scan_word(text: &str, first: bool) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    // Bytes up to the first letter or digit (the head), then the bytes after it; the
    // classes of each part are or-ed together.
    let (mut before, mut head, mut after) = (0, 0, 0);
    let mut end = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(b)];
        if class & SPACE != 0 {
            end = Some(i);
            break;
        }
        i += 1;
        if class & ALNUM != 0 {
            head = class;
            break;
        }
        before |= class;
    }
    if end.is_none() {
        while let Some(&b) = bytes.get(i) {
            let class = BYTE_CLASS[usize::from(b)];
            if class & SPACE != 0 {
                end = Some(i);
                break;
            }
            after |= class;
            i += 1;
        }
    }
    let len = end.unwrap_or(bytes.len());
    let all = before | head | after;
    let protect = if all & NON_ASCII == 0 {
        let head_capital = head & UPPER != 0;
        after & UPPER != 0 || (head_capital && (after & DIGIT != 0 || !first))
    } else {
        // (a space is ASCII: the word ends at a char boundary)
        needs_protection(text.get(..len).unwrap_or_default(), first)
    };
    (len, protect, all & SPECIAL != 0)
}

/// [`BYTE_CLASS`] bit of the space.
const SPACE: u8 = 1;
/// [`BYTE_CLASS`] bit of the bytes [`escape`] replaces.
const SPECIAL: u8 = 2;
/// [`BYTE_CLASS`] bit of the ASCII capitals.
const UPPER: u8 = 4;
/// [`BYTE_CLASS`] bit of the ASCII digits.
const DIGIT: u8 = 8;
/// [`BYTE_CLASS`] bit of the ASCII letters and digits.
const ALNUM: u8 = 16;
/// [`BYTE_CLASS`] bit of the bytes of non-ASCII characters.
const NON_ASCII: u8 = 32;

/// [`BYTE_CLASS`] bit of the ASCII control characters.
const CONTROL: u8 = 64;

/// The class bits of each byte, for [`scan_word`] and [`is_plain_ascii`].
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let mut class = 0;
        if byte == b' ' {
            class |= SPACE;
        }
        if is_special(byte) {
            class |= SPECIAL;
        }
        if byte.is_ascii_uppercase() {
            class |= UPPER;
        }
        if byte.is_ascii_digit() {
            class |= DIGIT;
        }
        if byte.is_ascii_alphanumeric() {
            class |= ALNUM;
        }
        if !byte.is_ascii() {
            class |= NON_ASCII;
        }
        if byte.is_ascii_control() {
            class |= CONTROL;
        }
        table[b] = class;
        b += 1;
    }
    table
};

/// Escape text for a BibTeX field, after folding white space: the LaTeX specials
/// become commands, everything else (UTF-8 included) is kept.
///
/// | input | output |
/// |---|---|
/// | `&` `%` `$` `#` `_` | `\&` `\%` `\$` `\#` `\_` |
/// | `{` `}` (paired) | `\{` `\}` |
/// | `{` `}` (unpaired) | `\textbraceleft{}` `\textbraceright{}` |
/// | `~` `^` `\` | `\textasciitilde{}` `\textasciicircum{}` `\textbackslash{}` |
///
/// BibTeX counts `\{` as a brace when it looks for the end of a value, so only braces
/// that pair up in the text are written `\{` `\}`; a lone one is written as a command
/// that holds no brace of its own.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_to(&mut out, s);
    out
}

/// [`escape`], appended to `out`.
fn escape_to(out: &mut String, s: &str) {
    if is_plain_ascii(s) {
        out.push_str(s);
        return;
    }
    let folded = fold(s);
    if !folded.bytes().any(is_special) {
        out.push_str(&folded);
        return;
    }
    let pairs = brace_pairs(&folded);
    escape_into(out, &folded, &pairs);
}

/// True when [`escape`] leaves `s` as it is because it is plain ASCII: printable
/// characters, none that [`escape`] replaces, and single spaces between words (the
/// common field value, decided in one pass; anything else goes the long way).
fn is_plain_ascii(s: &str) -> bool {
    // A space at the start counts as following a space.
    let mut after_space = true;
    for &b in s.as_bytes() {
        let class = BYTE_CLASS[usize::from(b)];
        if class & (SPECIAL | NON_ASCII | CONTROL) != 0 {
            return false;
        }
        let space = class & SPACE != 0;
        if space && after_space {
            return false;
        }
        after_space = space;
    }
    // Empty, or not ending with a space.
    s.is_empty() || !after_space
}

/// The bytes [`escape`] replaces.
const fn is_special(b: u8) -> bool {
    matches!(b, b'&' | b'%' | b'$' | b'#' | b'_' | b'{' | b'}' | b'~' | b'^' | b'\\')
}

/// [`escape`] of text already folded, appended to `out`; `paired[i]` tells whether
/// the byte at `i` is a brace that pairs up.
fn escape_into(out: &mut String, s: &str, paired: &[bool]) {
    let mut rest = 0;
    for (i, b) in s.bytes().enumerate() {
        if !is_special(b) {
            continue;
        }
        out.push_str(s.get(rest..i).unwrap_or_default());
        rest = i + 1;
        let pair = paired.get(i).copied().unwrap_or(false);
        match b {
            b'{' if pair => out.push_str("\\{"),
            b'}' if pair => out.push_str("\\}"),
            b'{' => out.push_str("\\textbraceleft{}"),
            b'}' => out.push_str("\\textbraceright{}"),
            b'~' => out.push_str("\\textasciitilde{}"),
            b'^' => out.push_str("\\textasciicircum{}"),
            b'\\' => out.push_str("\\textbackslash{}"),
            _ => {
                out.push('\\');
                out.push(char::from(b));
            }
        }
    }
    out.push_str(s.get(rest..).unwrap_or_default());
}

/// For each byte of `s`: true when it is a `{` or `}` that pairs with another one.
/// Empty when `s` has no brace (no byte pairs).
fn brace_pairs(s: &str) -> Vec<bool> {
    if memchr::memchr2(b'{', b'}', s.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut paired = vec![false; s.len()];
    let mut open = Vec::new();
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'{' => open.push(i),
            b'}' => {
                if let Some(j) = open.pop() {
                    if let Some(p) = paired.get_mut(j) {
                        *p = true;
                    }
                    if let Some(p) = paired.get_mut(i) {
                        *p = true;
                    }
                }
            }
            _ => {}
        }
    }
    paired
}

/// A verbatim field value (`doi`, `url`): white space folded, and `{`, `}` and `\`
/// percent-encoded; nothing else changes.
pub fn verbatim(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    verbatim_to(&mut out, s);
    out
}

/// [`verbatim`], appended to `out`.
fn verbatim_to(out: &mut String, s: &str) {
    let folded = fold(s);
    let mut rest = folded.as_ref();
    while let Some(i) = rest.find(['\\', '{', '}']) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let mut chars = after.chars();
        out.push_str(match chars.next() {
            Some('\\') => "%5C",
            Some('{') => "%7B",
            _ => "%7D",
        });
        rest = chars.as_str();
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Pages};

    fn render(r: &Reference) -> String {
        let mut s = String::new();
        write_entry(&mut s, r);
        s
    }

    #[test]
    fn escape_specials() {
        let cases = [
            ("plain text", "plain text"),
            ("A&B", "A\\&B"),
            ("50%", "50\\%"),
            ("$5", "\\$5"),
            ("#1", "\\#1"),
            ("a_b", "a\\_b"),
            ("{x}", "\\{x\\}"),
            ("~", "\\textasciitilde{}"),
            ("x^2", "x\\textasciicircum{}2"),
            ("a\\b", "a\\textbackslash{}b"),
            ("é ü β 中 –", "é ü β 中 –"),
            ("  a \n\t b\r\n", "a b"),
            ("a\u{0}b", "a b"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "escape({input:?})");
        }
    }

    #[test]
    fn plain_ascii_is_escaped_as_it_is() {
        for s in ["", "a", "a b", "J Clin Oncol", "10.1000/x", "a  b", " a", "a ", "a\tb"]
        {
            if is_plain_ascii(s) {
                assert_eq!(escape(s), s, "{s:?}");
            }
        }
        for s in ["a  b", " a", "a ", "a\tb", "a&b", "é", "a\u{7f}", "a_b"] {
            assert!(!is_plain_ascii(s), "{s:?}");
        }
        assert!(is_plain_ascii("J Clin Oncol") && is_plain_ascii(""));
    }

    #[test]
    fn part_marks_agree_with_the_str_tests() {
        for e in [
            "", "and", "AnD", "a and b", "Sung", "van der", "x,y", "band", "and ", " and",
        ] {
            let want = (
                e.contains(','),
                e.contains(' '),
                e.split(' ').any(|w| w.eq_ignore_ascii_case("and")),
            );
            assert_eq!(part_marks(e.as_bytes()), want, "{e:?}");
        }
    }

    #[test]
    fn escape_unpaired_braces_as_commands() {
        assert_eq!(escape("a{b"), "a\\textbraceleft{}b");
        assert_eq!(escape("a}b"), "a\\textbraceright{}b");
        assert_eq!(escape("}{"), "\\textbraceright{}\\textbraceleft{}");
        assert_eq!(escape("{{x}"), "\\textbraceleft{}\\{x\\}");
    }

    #[test]
    fn verbatim_keeps_url_characters() {
        assert_eq!(verbatim("10.1000/a_b%c#d~e^f"), "10.1000/a_b%c#d~e^f");
        assert_eq!(verbatim("http://x.org/{a}\\b"), "http://x.org/%7Ba%7D%5Cb");
        assert_eq!(verbatim(" http://x.org/a\nb "), "http://x.org/a b");
    }

    #[test]
    fn title_protects_capitals_per_word() {
        let cases = [
            ("Global cancer statistics 2020", "Global cancer statistics 2020"),
            ("GLOBOCAN estimates", "{GLOBOCAN} estimates"),
            ("Targeting HER2 in breast cancer", "Targeting {HER2} in breast cancer"),
            ("COVID-19 in Wuhan", "{COVID-19} in {Wuhan}"),
            ("Cas9 editing", "{Cas9} editing"),
            ("mRNA vaccines", "{mRNA} vaccines"),
            ("A&B in R&D", "{A\\&B} in {R\\&D}"),
            ("Aa&b", "Aa\\&b"),
            ("Sub_Type", "{Sub\\_Type}"),
            ("x _A", "x {{}\\_A}"),
            ("Étude de l'Éducation", "Étude de {l'Éducation}"),
            ("β-cell function", "β-cell function"),
        ];
        for (input, want) in cases {
            assert_eq!(title(input), want, "title({input:?})");
        }
    }

    #[test]
    fn protection_of_ascii_words_matches_the_char_rule() {
        let words = [
            "",
            "-",
            "a",
            "A",
            "GLOBOCAN",
            "HER2",
            "mRNA",
            "Cas9",
            "(HER2)-positive",
            "Alzheimer",
            "COVID-19",
            "x2",
            "2X",
            "-A",
            "a-B",
            "9a",
            "{A}",
            "A_1",
            "É2",
            "éA",
        ];
        for w in words {
            for first in [true, false] {
                let mut chars = w.chars().skip_while(|c| !c.is_alphanumeric());
                let want = match chars.next() {
                    None => false,
                    Some(head) => {
                        let rest: Vec<char> = chars.collect();
                        rest.iter().any(|c| c.is_uppercase())
                            || (head.is_uppercase()
                                && (rest.iter().any(|c| c.is_numeric()) || !first))
                    }
                };
                assert_eq!(needs_protection(w, first), want, "{w} {first}");
                assert_eq!(
                    scan_word(w, first),
                    (w.len(), want, w.bytes().any(is_special))
                );
                let then = format!("{w} Next");
                assert_eq!(
                    scan_word(&then, first),
                    (w.len(), want, w.bytes().any(is_special))
                );
            }
        }
    }

    #[test]
    fn title_braces_pair_across_words() {
        assert_eq!(title("a {b c} d"), "a \\{b c\\} d");
        assert_eq!(title("a {b c d"), "a \\textbraceleft{}b c d");
    }

    #[test]
    fn person_forms() {
        let mut p = Person::new("Sung", "H.");
        assert_eq!(person(&p).as_deref(), Some("Sung, H."));
        p.particle = Some("van der".into());
        p.family = "Walt".into();
        assert_eq!(person(&p).as_deref(), Some("van der Walt, H."));
        let jr = Person {
            family: "King".into(),
            given: "M. L.".into(),
            particle: None,
            suffix: Some("Jr".into()),
        };
        assert_eq!(person(&jr).as_deref(), Some("King, Jr, M. L."));
        assert_eq!(
            person(&Person::new("Garcia Lopez", "M.")).as_deref(),
            Some("{Garcia Lopez}, M.")
        );
        assert_eq!(person(&Person::new("Sung", "")).as_deref(), Some("Sung"));
        assert_eq!(person(&Person::new("Sung", "--")).as_deref(), Some("Sung, {--}"));
        assert_eq!(
            person(&Person::new("Garcia Lopez", "")).as_deref(),
            Some("{Garcia Lopez}")
        );
        let no_given = |particle: &str, suffix: Option<&str>| Person {
            family: "Luca".into(),
            given: String::new(),
            particle: Some(particle.into()),
            suffix: suffix.map(str::to_string),
        };
        assert_eq!(person(&no_given("de", None)).as_deref(), Some("de Luca"));
        assert_eq!(person(&no_given("De", None)).as_deref(), Some("{De Luca}"));
        assert_eq!(person(&no_given("de", Some("Jr"))).as_deref(), Some("{de Luca Jr}"));
        assert_eq!(person(&Person::new("Others", "A.")).as_deref(), Some("{Others}, A."));
        assert_eq!(
            person(&Person::new("Smith, Jr", "A.")).as_deref(),
            Some("{Smith, Jr, A.}")
        );
        // An empty given name adds no comma to a name kept whole.
        assert_eq!(person(&Person::new("a,", "")).as_deref(), Some("{a,}"));
        assert_eq!(person(&Person::new("a, ", "b ")).as_deref(), Some("{a,, b}"));
        assert_eq!(person(&Person::new("中,\u{7}", "A.")).as_deref(), Some("{中,, A.}"));
        assert_eq!(person(&Person::new("", "Madonna")).as_deref(), Some("{Madonna}"));
        assert_eq!(person(&Person::new(" ", "")), None);
    }

    #[test]
    fn name_lists() {
        let list = vec![
            Name::Person(Person::new("Sung", "H.")),
            Name::Literal("Bill & Melinda Gates Foundation".into()),
        ];
        assert_eq!(
            names(&list, true),
            "Sung, H. and {Bill \\& Melinda Gates Foundation} and others"
        );
        assert_eq!(names(&[], true), "");
        assert_eq!(names(&[Name::Literal("WHO".into())], false), "{WHO}");
    }

    #[test]
    fn entry_types() {
        assert_eq!(entry_type(RefType::Article), "article");
        assert_eq!(entry_type(RefType::Chapter), "incollection");
        assert_eq!(entry_type(RefType::Conference), "inproceedings");
        assert_eq!(entry_type(RefType::Web), "misc");
        assert_eq!(entry_type(RefType::Patent), "misc");
        assert_eq!(entry_type(RefType::Thesis), "phdthesis");
        assert_eq!(entry_type(RefType::Report), "techreport");
    }

    #[test]
    fn article_entry() {
        let r = Reference {
            key: "sung2021global".into(),
            authors: vec![
                Name::Person(Person::new("Sung", "H.")),
                Name::Person(Person::new("Ferlay", "J.")),
            ],
            et_al: true,
            title: Some("Global cancer statistics 2020: GLOBOCAN estimates".into()),
            container: Some("CA Cancer J Clin".into()),
            date: Some(Date { year: 2021, month: Some(2), day: Some(4) }),
            volume: Some("71".into()),
            issue: Some("3".into()),
            pages: Some(Pages { first: "209".into(), last: Some("249".into()) }),
            doi: Some("10.3322/caac.21660".into()),
            pmid: Some("33538338".into()),
            ..Reference::default()
        };
        assert_eq!(
            render(&r),
            "@article{sung2021global,
  author = {Sung, H. and Ferlay, J. and others},
  title = {Global cancer statistics 2020: {GLOBOCAN} estimates},
  journal = {CA Cancer J Clin},
  year = {2021},
  month = feb,
  volume = {71},
  number = {3},
  pages = {209--249},
  doi = {10.3322/caac.21660},
  pmid = {33538338},
}
"
        );
    }

    #[test]
    fn raw_reference_goes_to_note() {
        let r = Reference {
            raw: "Some {unparsed} text & more".into(),
            status: Status::Raw,
            kind: RefType::Document,
            origin: crate::model::Origin { ordinal: 7, ..Default::default() },
            ..Reference::default()
        };
        assert_eq!(
            render(&r),
            "@misc{ref7,\n  note = {Some \\{unparsed\\} text \\& more},\n}\n"
        );
    }

    #[test]
    fn empty_keywords_are_left_out() {
        let r = Reference {
            key: "k".into(),
            keywords: vec!["&".into(), "\u{7}".into(), " \n ".into(), "b\tc".into()],
            ..Reference::default()
        };
        assert_eq!(render(&r), "@article{k,\n  keywords = {\\&, b c},\n}\n");
    }

    #[test]
    fn page_ranges_keep_hyphens_apart_from_the_dash() {
        let page_range = |first: &str, last: &str| {
            let mut out = String::new();
            pages_into(&mut out, first, Some(last));
            out
        };
        assert_eq!(page_range("209", "249"), "209--249");
        assert_eq!(page_range("1-", "5"), "1-{}--5");
        assert_eq!(page_range("1", "-"), "1--{}-");
        assert_eq!(page_range("a-", "-b"), "a-{}--{}-b");
    }

    #[test]
    fn empty_note_parts_are_left_out() {
        let r = Reference {
            key: "k".into(),
            note: Some("\u{7}".into()),
            raw: "a & b".into(),
            status: Status::Partial,
            ..Reference::default()
        };
        assert_eq!(render(&r), "@article{k,\n  note = {a \\& b},\n}\n");
        let r = Reference { note: Some("n".into()), raw: "\u{7}\n".into(), ..r };
        assert_eq!(render(&r), "@article{k,\n  note = {n},\n}\n");
    }

    #[test]
    fn bad_month_and_key_characters_are_dropped() {
        let r = Reference {
            key: "a b,{c}".into(),
            date: Some(Date { year: 2020, month: Some(13), day: None }),
            ..Reference::default()
        };
        assert_eq!(render(&r), "@article{abc,\n  year = {2020},\n}\n");
        let r =
            Reference { date: Some(Date { year: 2020, month: Some(0), day: None }), ..r };
        assert_eq!(render(&r), "@article{abc,\n  year = {2020},\n}\n");
    }
}
