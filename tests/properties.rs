//! Round-trip properties for every writer (issue 7), over whole generated
//! [`Reference`] values: every [`RefType`], 0–60 authors mixing persons (particles,
//! suffixes, hyphenated and Unicode names, initials with periods) and collective names
//! (commas, `&`, parentheses), editors, `et_al`, every optional field present or
//! absent, `parsed`/`partial`/`raw` status, and text full of LaTeX specials, Unicode
//! and line breaks. Keys come from [`KeyGen`].
//!
//! Each writer's output is read back by an independent reader and compared with the
//! references, field by field, after the documented transformations only:
//!
//! - **BibTeX** → `biblatex::Bibliography::parse`: same entries, keys, entry types and
//!   field names, and the same values. Transformations: white space (line breaks,
//!   tabs, NBSP, U+2028) and control characters fold to one space and the ends are
//!   trimmed; `--` and `---` read as en and em dashes (TeX ligatures, also applied by
//!   the crate in verbatim fields); `pages` is `first--last`, read as `first–last`; a
//!   month is a macro (`feb`) and the day is not written; `and others` closes a cut
//!   author list; a `@misc` carries the container and `\url{URL}` (with `$` as `%24`)
//!   in `howpublished`; `note` is the note and, for a partial or raw reference, the raw
//!   text, joined with `; `. Degenerate names (no family or no given name, or a comma
//!   inside a part) are kept whole, so only their text is compared; a lower-case
//!   particle before a one-word family name must read back as the von part. Names hold
//!   no `=` (the crate, like biber, reads it as the extended name format).
//! - **RIS** → a strict line reader written here (every tag and value, exactly) and
//!   `biblib`'s RIS parser (record count, type, names, title, container, abbreviation,
//!   date, volume, issue, pages, DOI, URL, ISSN, publisher, PMCID, keywords, abstract,
//!   and the `M2`, `N1`, `CY`, `ET` lines it keeps as extra fields). Transformations:
//!   white space folds as in BibTeX; empty values are left out; biblib splits an `AU`
//!   value at `;`, ` & ` and ` and ` (a heuristic for files with several names per
//!   line, so a collective name with `&` reads as several names there, while the strict
//!   reader sees one line); biblib percent-decodes DOIs and rewrites page ranges, so
//!   those are compared through biblib only when plain (the strict reader always
//!   compares them). Tags come in one fixed order, `TY` first.
//! - **CSL-JSON** → `serde_json`: every item equals the item built here from DESIGN.md's
//!   table (values kept as they are, only scalar fields trimmed and left out when
//!   empty); JSON lines equal the array items.
//! - **CSV** → the `csv` crate: every cell equals the value, unfolded.

mod common;

use std::collections::BTreeMap;

use biblatex::{Bibliography, ChunksExt, Entry, EntryType, Person as BibPerson};
use biblib::CitationParser;
use proptest::prelude::*;
use proptest::{collection::vec, option::weighted};
use pubrefs::emit::{Format, csv::COLUMNS, to_string};
use pubrefs::key::KeyGen;
use pubrefs::{CitingRef, Date, Name, Origin, Pages, Person, RefType, Reference, Status};
use serde_json::{Map, Value, json};

// ------------------------------------------------------------------------------------
// Strategies
// ------------------------------------------------------------------------------------

/// One piece of text: ASCII words, LaTeX specials, Unicode, punctuation, white space.
fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z0-9]{1,7}",
        4 => Just(" ".to_string()),
        3 => prop::sample::select(vec!["&", "%", "$", "#", "_", "{", "}", "~", "^", "\\"])
            .prop_map(str::to_string),
        3 => prop::sample::select(vec![
            "é", "ü", "ß", "É", "Ö", "α", "β", "Ω", "Ζαχαρίου", "中文", "糖尿病", "–", "—",
            "“", "”", "‘", "’", "\u{2010}", "\u{a0}", "ﬁ", "Å",
        ])
        .prop_map(str::to_string),
        2 => prop::sample::select(vec![
            ",", ".", ":", ";", "'", "\"", "(", ")", "-", "--", "/", "@", "<", ">", "?", "!",
            "*", "+", "[", "]", "=",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec!["\n", "\t", "\r\n", "  ", "\u{2028}", "\u{7}"])
            .prop_map(str::to_string),
    ]
}

/// Text of up to `max` pieces.
fn text(max: usize) -> impl Strategy<Value = String> {
    vec(atom(), 0..=max).prop_map(|v| v.concat())
}

/// Text of 1 to `max` pieces that is not only white space.
fn some_text(max: usize) -> impl Strategy<Value = String> {
    ("[a-zA-Zé中β]", text(max)).prop_map(|(head, tail)| format!("{head}{tail}"))
}

/// [`some_text`] for a name part: without `=`, which the biblatex crate (like biber)
/// takes as the start of the extended name format (`family=Sung, given=H.`), even
/// inside braces. No real name holds one.
fn name_text(max: usize) -> impl Strategy<Value = String> {
    some_text(max).prop_map(|s| s.replace('=', ""))
}

/// A family name: real shapes (hyphenated, apostrophes, Unicode, several words) or
/// hostile text.
fn family() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "Sung", "Ferlay", "Müller", "Schönberger", "O'Brien", "García-López",
            "Ζαχαρίου", "张", "Nguyễn", "Smith-Jones", "Garcia Lopez", "d'Alembert",
            "Walt", "Cruz", "Straße", "Łukasz", "Ødegaard", "others", "And",
        ])
        .prop_map(str::to_string),
        3 => "[A-ZÉÖΖ][a-zéüßα-ω]{1,9}(-[A-Z][a-z]{1,6})?",
        1 => name_text(6),
    ]
}

/// Given names: initials with periods, full names, hyphenated, Unicode, or empty.
fn given() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "([A-Z]\\. ){0,2}[A-Z]\\.",
        1 => "[A-Z]\\.-[A-Z]\\.",
        2 => prop::sample::select(vec![
            "Jean-Pierre", "Éva", "Hyun", "Ana María", "伟", "Α.", "R. L.", "Mary Ann",
            "J.-P.", "and", "others",
        ])
        .prop_map(str::to_string),
        1 => Just(String::new()),
        1 => name_text(4),
    ]
}

/// A person, with an optional particle and suffix.
fn person() -> impl Strategy<Value = Name> {
    let particle = weighted(
        0.25,
        prop::sample::select(vec![
            "van der", "de la", "von", "van", "de", "di", "De", "Van", "d'", "le", "dos",
            "bin",
        ])
        .prop_map(str::to_string),
    );
    let suffix = weighted(
        0.1,
        prop::sample::select(vec!["Jr", "Jr.", "III", "2nd", "Sr"])
            .prop_map(str::to_string),
    );
    (family(), given(), particle, suffix).prop_map(|(family, given, particle, suffix)| {
        Name::Person(Person { family, given, particle, suffix })
    })
}

/// A collective author: commas, `&`, parentheses, Unicode, or hostile text.
fn literal() -> impl Strategy<Value = Name> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "World Health Organization",
            "Bill & Melinda Gates Foundation",
            "GBD 2019 Diseases and Injuries Collaborators",
            "National Institute for Health and Care Excellence (NICE)",
            "Centers for Disease Control and Prevention, USA",
            "R&D Group_1",
            "Écoles de Santé (ÉdS) Consortium",
            "中国疾病预防控制中心",
            "The Cochrane Collaboration",
            "RECOVERY Collaborative Group; UK",
        ])
        .prop_map(str::to_string),
        1 => name_text(8),
    ]
    .prop_map(Name::Literal)
}

fn name() -> impl Strategy<Value = Name> {
    prop_oneof![5 => person(), 1 => literal()]
}

/// Name lists: mostly short, sometimes long (up to 60).
fn names(long: usize) -> impl Strategy<Value = Vec<Name>> {
    prop_oneof![4 => vec(name(), 0..6), 1 => vec(name(), 6..=long)]
}

fn kind() -> impl Strategy<Value = RefType> {
    prop::sample::select(vec![
        RefType::Article,
        RefType::Book,
        RefType::Chapter,
        RefType::Conference,
        RefType::Web,
        RefType::Thesis,
        RefType::Report,
        RefType::Patent,
        RefType::Dataset,
        RefType::Document,
    ])
}

/// A date with or without a month, and a day only with a month.
fn date() -> impl Strategy<Value = Date> {
    (1000i32..=2999, weighted(0.6, (1u8..=12, weighted(0.5, 1u8..=31)))).prop_map(
        |(year, md)| Date {
            year,
            month: md.map(|(m, _)| m),
            day: md.and_then(|(_, d)| d),
        },
    )
}

/// Pages: numbers, e-locators, supplements, with or without a last page.
fn pages() -> impl Strategy<Value = Pages> {
    (
        prop_oneof![
            6 => "[1-9][0-9]{0,4}",
            2 => "e[0-9]{3,7}",
            1 => "S[0-9]{1,3}",
            1 => "[ivx]{1,4}",
            1 => some_text(3),
        ],
        weighted(0.6, prop_oneof![6 => "[1-9][0-9]{0,4}", 1 => text(3)]),
    )
        .prop_map(|(first, last)| Pages { first, last })
}

/// A lower-case DOI with the characters that need care: `_ % # ~ < > ; ( )`.
fn doi() -> impl Strategy<Value = String> {
    "10\\.[0-9]{4,5}/[a-z0-9_%#~<>;().:-]{1,24}"
}

/// A URL with paths, query strings and fragments.
fn url() -> impl Strategy<Value = String> {
    "https?://[a-z]{1,10}\\.(org|com|int)(/[a-zA-Z0-9_.~%-]{0,10}){0,3}\
     (\\?[a-z]{1,5}=[a-zA-Z0-9_.%~-]{0,8}(&[a-z]{1,5}=[a-zA-Z0-9$]{0,5}){0,2})?\
     (#[a-zA-Z0-9_-]{0,6})?"
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![3 => Just(Status::Parsed), 1 => Just(Status::Partial), 1 => Just(Status::Raw)]
}

fn citing() -> impl Strategy<Value = Option<CitingRef>> {
    weighted(
        0.4,
        (weighted(0.8, "[1-9][0-9]{0,8}"), weighted(0.6, doi()), weighted(0.6, text(10)))
            .prop_map(|(pmid, doi, title)| CitingRef { pmid, doi, title }),
    )
}

/// A whole reference (its key is assigned by [`references`]).
fn reference() -> impl Strategy<Value = Reference> {
    let people = (names(60), names(12), any::<bool>(), kind(), status());
    let work = (
        weighted(0.9, text(40)),
        weighted(0.7, text(20)),
        weighted(0.3, text(8)),
        weighted(0.8, date()),
        weighted(0.6, prop_oneof!["[0-9]{1,4}", text(3)]),
        weighted(0.5, prop_oneof!["[0-9]{1,3}", "Suppl [0-9]", text(3)]),
        weighted(0.6, pages()),
        weighted(0.5, doi()),
        weighted(0.4, "[1-9][0-9]{0,8}"),
        weighted(0.3, "PMC[1-9][0-9]{0,7}"),
        weighted(0.3, url()),
        weighted(0.2, "[0-9]{4}-[0-9]{3}[0-9X]"),
    );
    let more = (
        weighted(0.3, text(10)),
        weighted(0.3, text(6)),
        weighted(0.2, prop_oneof!["[1-9](st|nd|rd|th)", text(3)]),
        weighted(0.3, text(12)),
        weighted(0.1, text(30)),
        prop_oneof![4 => Just(Vec::new()), 1 => vec(text(4), 0..4)],
        text(60),
        citing(),
        prop_oneof![3 => Just(Vec::new()), 1 => vec("[1-9][0-9]{0,8}|[a-z]{1,8}\\.txt", 1..4)],
        "[a-z/._]{0,12}",
        0u32..1000,
    );
    (people, work, more).prop_map(
        |(
            (authors, editors, et_al, kind, status),
            (
                title,
                container,
                container_short,
                date,
                volume,
                issue,
                pages,
                doi,
                pmid,
                pmcid,
                url,
                issn,
            ),
            (
                publisher,
                place,
                edition,
                note,
                abstract_text,
                keywords,
                raw,
                citing,
                cited_by,
                source,
                ordinal,
            ),
        )| Reference {
            kind,
            authors,
            editors,
            et_al,
            title,
            container,
            container_short,
            date,
            volume,
            issue,
            pages,
            doi,
            pmid,
            pmcid,
            url,
            issn,
            publisher,
            place,
            edition,
            note,
            abstract_text,
            keywords,
            raw,
            status,
            origin: Origin { source, ordinal, span: 0..0 },
            citing,
            cited_by,
            ..Reference::default()
        },
    )
}

/// A list of references with keys from [`KeyGen`], sometimes with the same key base
/// (the same reference twice), so that suffixed keys are exercised.
fn references() -> impl Strategy<Value = Vec<Reference>> {
    (vec(reference(), 1..5), any::<bool>()).prop_map(|(mut refs, twice)| {
        if twice && let Some(first) = refs.first().cloned() {
            refs.push(first);
        }
        let mut keys = KeyGen::new();
        for r in &mut refs {
            keys.assign(r);
        }
        refs
    })
}

// ------------------------------------------------------------------------------------
// Shared transformations
// ------------------------------------------------------------------------------------

/// White space (line breaks, tabs, NBSP, U+2028) and control characters folded to
/// single spaces, ends trimmed: what the BibTeX and RIS writers do to every value.
fn fold(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A folded value, or `None` when nothing is left.
fn folded(v: &Option<String>) -> Option<String> {
    v.as_deref().map(fold).filter(|s| !s.is_empty())
}

/// What a TeX reader makes of folded text: `---` and `--` are dashes.
fn tex(s: &str) -> String {
    fold(s).replace("---", "—").replace("--", "–")
}

/// Fail the case with `msg` and the writer's output.
fn fail(msg: String, out: &str) -> TestCaseError {
    TestCaseError::fail(format!("{msg}\n--- output ---\n{out}"))
}

// ------------------------------------------------------------------------------------
// BibTeX
// ------------------------------------------------------------------------------------

/// The BibTeX entry type of each kind (DESIGN.md: `@misc` for web pages, patents,
/// data sets and other documents).
fn bib_type(kind: RefType) -> &'static str {
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

/// A name as it should read back: `(family with particle, given, suffix)`. A name
/// that BibTeX cannot hold in parts (no family or no given name with a suffix or a
/// capitalised particle, or a comma in a part) is kept whole, so its whole text is
/// the family. `None` for a name with no text at all.
fn bib_name(n: &Name) -> Option<(String, String, String)> {
    match n {
        Name::Literal(l) => {
            let l = tex(l);
            (!l.is_empty()).then(|| (l, String::new(), String::new()))
        }
        Name::Person(p) => {
            let family = tex(&p.family);
            let given = tex(&p.given);
            let particle = p.particle.as_deref().map(tex).unwrap_or_default();
            let suffix = p.suffix.as_deref().map(tex).unwrap_or_default();
            fn join<'a>(parts: &[&'a str]) -> Vec<&'a str> {
                parts.iter().filter(|s| !s.is_empty()).copied().collect()
            }
            let full_family = join(&[&particle, &family]).join(" ");
            let parts = [
                Some(p.family.as_str()),
                Some(&p.given),
                p.particle.as_deref(),
                p.suffix.as_deref(),
            ];
            if parts.iter().flatten().any(|s| s.contains(',')) {
                let whole = join(&[&full_family, &given, &suffix]).join(", ");
                return (!whole.is_empty())
                    .then(|| (whole, String::new(), String::new()));
            }
            if full_family.is_empty() && given.is_empty() && suffix.is_empty() {
                return None;
            }
            if given.is_empty() || full_family.is_empty() {
                // Kept whole (or as `{particle}, given`): compare the text in order.
                let whole = join(&[&full_family, &suffix, &given]).join(" ");
                return Some((whole, String::new(), String::new()));
            }
            Some((full_family, given, suffix))
        }
    }
}

/// A name the biblatex crate read, in the same form as [`bib_name`]: degenerate names
/// are compared as one string.
fn read_bib_name(p: &BibPerson, whole: bool) -> (String, String, String) {
    let t = |s: &str| s.trim().to_string();
    let family = [t(&p.prefix), t(&p.name)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if whole {
        let all = [family, t(&p.suffix), t(&p.given_name)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        return (all, String::new(), String::new());
    }
    (family, t(&p.given_name), t(&p.suffix))
}

/// Compare a name list field with `want` (and `and others` when `et_al`).
fn check_bib_names(
    e: &Entry,
    field: &str,
    list: &[Name],
    et_al: bool,
) -> Result<(), String> {
    let want: Vec<(&Name, (String, String, String))> =
        list.iter().filter_map(|n| Some((n, bib_name(n)?))).collect();
    let mut got: Vec<BibPerson> = e.get_as::<Vec<BibPerson>>(field).unwrap_or_default();
    if et_al && !want.is_empty() {
        match got.pop() {
            Some(p) if p.name == "others" && p.given_name.is_empty() => {}
            other => {
                return Err(format!("{field}: no `and others` at the end: {other:?}"));
            }
        }
    }
    if got.len() != want.len() {
        return Err(format!(
            "{field}: {} names read, {} written: {got:?}",
            got.len(),
            want.len()
        ));
    }
    for (i, (p, (n, w))) in got.iter().zip(&want).enumerate() {
        // A name with a given name or a suffix is compared in parts, others whole.
        let in_parts = !w.1.is_empty() || !w.2.is_empty();
        let g = read_bib_name(p, !in_parts);
        if &g != w {
            return Err(format!("{field}[{i}]: read {g:?}, wrote {w:?}"));
        }
        // A lower-case particle before a one-word family name is BibTeX's von part
        // (`van der Walt` sorts under W).
        if let Name::Person(person) = n
            && in_parts
            && let Some(particle) = &person.particle
            && particle.starts_with(char::is_lowercase)
            && !particle.contains(',')
            && !fold(particle).split(' ').any(|w| w.eq_ignore_ascii_case("and"))
            && person.family.starts_with(char::is_uppercase)
            && !fold(&person.family).contains(' ')
            && (p.prefix.trim(), p.name.trim())
                != (tex(particle).as_str(), tex(&person.family).as_str())
        {
            return Err(format!(
                "{field}[{i}]: von part {:?} and last name {:?}, wrote {particle:?} {:?}",
                p.prefix, p.name, person.family
            ));
        }
    }
    Ok(())
}

/// Every field the entry must hold, with its value as the crate reads it, except the
/// name lists and the month (checked apart).
fn bib_fields(r: &Reference) -> BTreeMap<&'static str, String> {
    let mut f = BTreeMap::new();
    let mut put = |name: &'static str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            f.insert(name, v);
        }
    };
    let text = |v: &Option<String>| folded(v).map(|s| tex(&s));
    // doi and url are verbatim fields: `{ } \` percent-encoded (none are generated).
    let url = text(&r.url);
    put("title", text(&r.title));
    let container = text(&r.container);
    match r.kind {
        RefType::Article => {
            put("journal", container);
            put("shortjournal", text(&r.container_short));
        }
        RefType::Chapter | RefType::Conference => put("booktitle", container),
        RefType::Book | RefType::Report | RefType::Thesis => put("series", container),
        RefType::Web | RefType::Patent | RefType::Dataset | RefType::Document => {
            // The crate keeps the unknown `\url` command as written.
            let link =
                url.as_ref().map(|u| format!("\\url{{{}}}", u.replace('$', "%24")));
            let how = match (container, link) {
                (Some(c), Some(l)) => Some(format!("{c}, {l}")),
                (c, l) => c.or(l),
            };
            put("howpublished", how);
        }
    }
    put("year", r.date.map(|d| d.year.to_string()));
    put("volume", text(&r.volume));
    put("number", text(&r.issue));
    put(
        "pages",
        r.pages.as_ref().map(|p| match &p.last {
            Some(last) => format!("{}–{}", tex(&p.first), tex(last)),
            None => tex(&p.first),
        }),
    );
    let publisher = match r.kind {
        RefType::Thesis => "school",
        RefType::Report => "institution",
        _ => "publisher",
    };
    put(publisher, text(&r.publisher));
    put("address", text(&r.place));
    put("edition", text(&r.edition));
    put("doi", text(&r.doi));
    put("pmid", text(&r.pmid));
    put("pmcid", text(&r.pmcid));
    put("url", url);
    put("issn", text(&r.issn));
    put("abstract", text(&r.abstract_text));
    let keywords: Vec<String> =
        r.keywords.iter().map(|k| fold(k)).filter(|k| !k.is_empty()).collect();
    put("keywords", Some(tex(&keywords.join(", "))));
    let mut note: Vec<String> = folded(&r.note).into_iter().collect();
    if r.status != Status::Parsed {
        note.extend(Some(fold(&r.raw)).filter(|s| !s.is_empty()));
    }
    put("note", Some(tex(&note.join("; "))));
    f
}

/// Check one entry against the reference it was written from.
fn check_bib_entry(r: &Reference, e: &Entry) -> Result<(), String> {
    if e.entry_type != EntryType::new(bib_type(r.kind)) {
        return Err(format!("entry type {:?} for {:?}", e.entry_type, r.kind));
    }
    check_bib_names(e, "author", &r.authors, r.et_al)?;
    check_bib_names(e, "editor", &r.editors, false)?;
    let want = bib_fields(r);
    for (name, value) in &want {
        let got = e.get(name).map(|c| c.format_verbatim());
        if got.as_deref() != Some(value.as_str()) {
            return Err(format!("{name}: read {got:?}, wrote {value:?}"));
        }
    }
    let month = r.date.and_then(|d| d.month);
    let mut names: Vec<&str> = want.keys().copied().collect();
    if r.authors.iter().any(|n| bib_name(n).is_some()) {
        names.push("author");
    }
    if r.editors.iter().any(|n| bib_name(n).is_some()) {
        names.push("editor");
    }
    if month.is_some() {
        names.push("month");
    }
    names.sort_unstable();
    let got: Vec<&str> = e.fields.keys().map(String::as_str).collect();
    if got != names {
        return Err(format!("field names {got:?}, expected {names:?}"));
    }
    if let Some(m) = month {
        let month = match e.date() {
            Ok(biblatex::PermissiveType::Typed(d)) => match d.value {
                biblatex::DateValue::At(dt) => dt.month,
                other => return Err(format!("date value {other:?}")),
            },
            other => return Err(format!("date {other:?}")),
        };
        // biblatex months are zero-based; the day is not written.
        if month != Some(m - 1) {
            return Err(format!("month {month:?} != {m} - 1"));
        }
    }
    Ok(())
}

// ------------------------------------------------------------------------------------
// RIS
// ------------------------------------------------------------------------------------

/// One RIS record as `(tag, value)` lines, read strictly: every line is `XY  - value`
/// ended by CR LF, and the record ends with `ER  - `.
type RisRecord = Vec<(String, String)>;

/// The strict second reader: records split at `ER  - ` lines, each line checked.
fn read_ris(out: &str) -> Result<Vec<RisRecord>, String> {
    let mut records = Vec::new();
    let mut current: RisRecord = Vec::new();
    let body = out.strip_suffix("\r\n").ok_or("output does not end with CR LF")?;
    for line in body.split("\r\n") {
        if line.is_empty() {
            if !current.is_empty() {
                return Err("blank line inside a record".into());
            }
            continue;
        }
        if line.contains(['\r', '\n']) {
            return Err(format!("bare line break in {line:?}"));
        }
        let (tag, value) =
            line.split_at_checked(2).ok_or_else(|| format!("short line {line:?}"))?;
        let value = value
            .strip_prefix("  - ")
            .ok_or_else(|| format!("no `  - ` after the tag: {line:?}"))?;
        if !tag.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            return Err(format!("bad tag {tag:?}"));
        }
        if tag == "ER" {
            if !value.is_empty() {
                return Err(format!("ER with a value {value:?}"));
            }
            records.push(std::mem::take(&mut current));
            continue;
        }
        if value.is_empty() || value != value.trim() {
            return Err(format!("empty or untrimmed value in {line:?}"));
        }
        current.push((tag.to_string(), value.to_string()));
    }
    if !current.is_empty() {
        return Err("a record without ER".into());
    }
    Ok(records)
}

/// The order of the tags in a record (DESIGN.md's list, with `A2`/`A3` editors,
/// `AB` and `KW` of citing articles and `C2` for the PMCID); `ER` closes it.
const RIS_ORDER: [&str; 24] = [
    "TY", "AU", "A2", "A3", "TI", "T2", "J2", "PY", "DA", "VL", "IS", "SP", "EP", "DO",
    "UR", "SN", "PB", "CY", "ET", "AB", "KW", "M2", "C2", "N1",
];

fn ris_type(kind: RefType) -> &'static str {
    match kind {
        RefType::Article => "JOUR",
        RefType::Book => "BOOK",
        RefType::Chapter => "CHAP",
        RefType::Conference => "CONF",
        RefType::Web => "ELEC",
        RefType::Thesis => "THES",
        RefType::Report => "RPRT",
        RefType::Patent => "PAT",
        RefType::Dataset => "DATA",
        RefType::Document => "GEN",
    }
}

/// A name as one `AU` value: `Family, Given, Suffix` (particle before the family name),
/// a collective name as it is.
fn ris_name(n: &Name) -> Option<String> {
    let s = match n {
        Name::Literal(l) => fold(l),
        Name::Person(p) => [
            fold(&p.full_family()),
            fold(&p.given),
            p.suffix.as_deref().map(fold).unwrap_or_default(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", "),
    };
    (!s.is_empty()).then_some(s)
}

/// Every line a record must hold, by tag, in order within each tag.
fn ris_lines(r: &Reference) -> BTreeMap<&'static str, Vec<String>> {
    let mut m: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut put = |tag: &'static str, v: Option<String>| {
        if let Some(v) = v.map(|v| fold(&v)).filter(|v| !v.is_empty()) {
            m.entry(tag).or_default().push(v);
        }
    };
    put("TY", Some(ris_type(r.kind).to_string()));
    for n in &r.authors {
        put("AU", ris_name(n));
    }
    let editors = if r.kind == RefType::Book { "A3" } else { "A2" };
    for n in &r.editors {
        put(editors, ris_name(n));
    }
    put("TI", r.title.clone());
    put("T2", r.container.clone());
    put("J2", r.container_short.clone());
    if let Some(d) = r.date {
        put("PY", Some(d.year.to_string()));
        let two = |p: Option<u8>| p.map(|p| format!("{p:02}")).unwrap_or_default();
        let day = if d.month.is_some() { two(d.day) } else { String::new() };
        put("DA", Some(format!("{}/{}/{}/", d.year, two(d.month), day)));
    }
    put("VL", r.volume.clone());
    put("IS", r.issue.clone());
    if let Some(p) = &r.pages {
        put("SP", Some(p.first.clone()));
        put("EP", p.last.clone());
    }
    put("DO", r.doi.clone());
    put("UR", r.url.clone());
    put("SN", r.issn.clone());
    put("PB", r.publisher.clone());
    put("CY", r.place.clone());
    put("ET", r.edition.clone());
    put("AB", r.abstract_text.clone());
    for k in &r.keywords {
        put("KW", Some(k.clone()));
    }
    put("M2", folded(&r.pmid).map(|p| format!("PMID: {p}")));
    put("M2", folded(&r.pmcid).map(|p| format!("PMCID: {p}")));
    put("C2", r.pmcid.clone());
    put("N1", r.note.clone());
    if r.status != Status::Parsed {
        put("N1", Some(r.raw.clone()));
    }
    m
}

/// The names biblib reads from one `AU`/`A2`/`A3` value, as folded text (it splits at
/// `;`, ` & ` and ` and `, then at commas or spaces; we compare the words in order).
fn biblib_names(value: &str) -> Vec<String> {
    let words = |s: &str| fold(&s.replace(',', " "));
    let mut out: Vec<String> = value
        .trim()
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .flat_map(|s| s.split(" & "))
        .flat_map(|s| s.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(words)
        .collect();
    if out.is_empty() {
        out.push(words(value.trim()));
    }
    out
}

fn biblib_type(kind: RefType) -> &'static str {
    match kind {
        RefType::Article => "Journal Article",
        RefType::Book => "Book",
        RefType::Chapter => "Book Chapter",
        RefType::Conference => "Conference Proceeding",
        RefType::Web => "Electronic Citation",
        RefType::Thesis => "Thesis/Dissertation",
        RefType::Report => "Report",
        RefType::Patent => "Patent",
        RefType::Dataset => "Data File",
        RefType::Document => "Generic",
    }
}

/// Check what biblib read from one record against what the record holds.
fn check_biblib(
    r: &Reference,
    lines: &BTreeMap<&str, Vec<String>>,
    c: &biblib::Citation,
) -> Result<(), String> {
    let first = |tag: &str| lines.get(tag).and_then(|v| v.first()).cloned();
    let all = |tag: &str| lines.get(tag).cloned().unwrap_or_default();
    let same = |what: &str, got: &dyn std::fmt::Debug, want: &dyn std::fmt::Debug| {
        let (g, w) = (format!("{got:?}"), format!("{want:?}"));
        if g == w { Ok(()) } else { Err(format!("biblib {what}: read {g}, wrote {w}")) }
    };
    same("type", &c.citation_type, &vec![biblib_type(r.kind).to_string()])?;
    let names: Vec<String> = ["AU", "A2", "A3"]
        .iter()
        .flat_map(|t| all(t))
        .flat_map(|v| biblib_names(&v))
        .collect();
    let mut got_names: Vec<String> = c
        .authors
        .iter()
        .map(|a| {
            fold(
                &[
                    Some(a.name.as_str()),
                    a.given_name.as_deref(),
                    a.middle_name.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
            )
        })
        .collect();
    // biblib reads AU, A2 and A3 in file order, which is AU first.
    let mut want_names = names;
    got_names.sort();
    want_names.sort();
    same("names", &got_names, &want_names)?;
    same("title", &c.title, &first("TI").unwrap_or_default())?;
    same("journal", &c.journal, &first("T2"))?;
    same("abbreviation", &c.journal_abbr, &first("J2"))?;
    let date = r.date.map(|d| (d.year, d.month, d.month.and(d.day)));
    same("date", &c.date.as_ref().map(|d| (d.year, d.month, d.day)), &date)?;
    same("volume", &c.volume, &first("VL"))?;
    same("issue", &c.issue, &first("IS"))?;
    // biblib rewrites page ranges (expands `1604-17`, turns dashes into `-`); plain
    // ascending numbers come through as `first-last`.
    let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let (Some(sp), ep) = (first("SP"), first("EP"))
        && plain(&sp)
        && ep.as_deref().is_none_or(|ep| plain(ep) && ep.len() >= sp.len() && *ep != sp)
    {
        let want = match ep {
            Some(ep) => format!("{sp}-{ep}"),
            None => sp,
        };
        same("pages", &c.pages, &Some(want))?;
    }
    // biblib percent-decodes DOIs and trims trailing `.,;)`: compare plain ones.
    match first("DO") {
        Some(d) if !d.contains('%') && !d.ends_with(['.', ',', ';', ')']) => {
            same("doi", &c.doi, &Some(d))?
        }
        Some(_) => {}
        None => same("doi", &c.doi, &None::<String>)?,
    }
    same("urls", &c.urls, &all("UR"))?;
    same("issn", &c.issn, &all("SN"))?;
    same("publisher", &c.publisher, &first("PB"))?;
    same("pmcid", &c.pmc_id, &first("C2"))?;
    same("keywords", &c.keywords, &all("KW"))?;
    same("abstract", &c.abstract_text, &first("AB"))?;
    for tag in ["M2", "N1", "CY", "ET"] {
        same(tag, &c.extra_fields.get(tag).cloned().unwrap_or_default(), &all(tag))?;
    }
    Ok(())
}

// ------------------------------------------------------------------------------------
// CSL-JSON
// ------------------------------------------------------------------------------------

/// The CSL-JSON item of a reference, built from DESIGN.md's table.
fn csl_expected(r: &Reference) -> Value {
    let mut m = Map::new();
    let trimmed = |v: &Option<String>| {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(Value::from)
    };
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            m.insert(k.to_string(), v);
        }
    };
    let name = |n: &Name| match n {
        Name::Literal(l) => json!({ "literal": l }),
        Name::Person(p) => {
            let mut o = Map::new();
            o.insert("family".into(), json!(p.family));
            if !p.given.is_empty() {
                o.insert("given".into(), json!(p.given));
            }
            if let Some(x) = &p.particle {
                o.insert("non-dropping-particle".into(), json!(x));
            }
            if let Some(x) = &p.suffix {
                o.insert("suffix".into(), json!(x));
            }
            Value::Object(o)
        }
    };
    put("id", Some(json!(r.key)));
    put("type", Some(json!(r.kind.csl())));
    let list =
        |l: &[Name]| (!l.is_empty()).then(|| Value::Array(l.iter().map(name).collect()));
    put("author", list(&r.authors));
    put("editor", list(&r.editors));
    put("title", trimmed(&r.title));
    put("container-title", trimmed(&r.container));
    let short = trimmed(&r.container_short);
    if short != trimmed(&r.container) {
        put("container-title-short", short);
    }
    put(
        "issued",
        r.date.map(|d| {
            let parts: Vec<i64> = match (d.month, d.day) {
                (Some(m), Some(day)) => vec![d.year.into(), m.into(), day.into()],
                (Some(m), None) => vec![d.year.into(), m.into()],
                _ => vec![d.year.into()],
            };
            json!({ "date-parts": [parts] })
        }),
    );
    put("volume", trimmed(&r.volume));
    put("issue", trimmed(&r.issue));
    if let Some(p) = r.pages.as_ref().filter(|p| !p.first.is_empty()) {
        let page = match &p.last {
            Some(last) => format!("{}-{}", p.first, last),
            None => p.first.clone(),
        };
        put("page", Some(json!(page)));
        put("page-first", Some(json!(p.first)));
    }
    put("DOI", trimmed(&r.doi));
    put("PMID", trimmed(&r.pmid));
    put("PMCID", trimmed(&r.pmcid));
    put("URL", trimmed(&r.url));
    put("ISSN", trimmed(&r.issn));
    put("publisher", trimmed(&r.publisher));
    put("publisher-place", trimmed(&r.place));
    put("edition", trimmed(&r.edition));
    put("note", trimmed(&r.note));
    put("abstract", trimmed(&r.abstract_text));
    put("keyword", (!r.keywords.is_empty()).then(|| json!(r.keywords.join(", "))));
    let mut c = Map::new();
    c.insert("raw".into(), json!(r.raw));
    c.insert("status".into(), json!(r.status.as_str()));
    if r.et_al {
        c.insert("et_al".into(), json!(true));
    }
    if !r.origin.source.is_empty() {
        c.insert("source".into(), json!(r.origin.source));
    }
    if r.origin.ordinal != 0 {
        c.insert("ordinal".into(), json!(r.origin.ordinal));
    }
    if let Some(citing) = r.citing.as_ref().filter(|c| !c.is_empty()) {
        let mut o = Map::new();
        for (k, v) in
            [("pmid", &citing.pmid), ("doi", &citing.doi), ("title", &citing.title)]
        {
            if let Some(v) = v {
                o.insert(k.into(), json!(v));
            }
        }
        c.insert("citing".into(), Value::Object(o));
    }
    if !r.cited_by.is_empty() {
        c.insert("cited_by".into(), json!(r.cited_by));
    }
    if !r.warnings.is_empty() {
        c.insert("warnings".into(), json!(r.warnings));
    }
    put("custom", Some(Value::Object(c)));
    Value::Object(m)
}

// ------------------------------------------------------------------------------------
// CSV
// ------------------------------------------------------------------------------------

/// The cells of a reference's row, unfolded.
fn csv_expected(r: &Reference) -> Vec<String> {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let authors: Vec<String> = r
        .authors
        .iter()
        .map(|n| match n {
            Name::Literal(l) => l.trim().to_string(),
            Name::Person(p) => [p.full_family(), p.given.clone(), o(&p.suffix)]
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .filter(|s| !s.is_empty())
        .collect();
    let citing = r.citing.clone().unwrap_or_default();
    vec![
        r.origin.source.clone(),
        r.origin.ordinal.to_string(),
        o(&citing.pmid),
        o(&citing.doi),
        r.key.clone(),
        r.status.as_str().into(),
        r.kind.csl().into(),
        authors.join("; "),
        r.et_al.to_string(),
        o(&r.title),
        o(&r.container),
        o(&r.container_short),
        r.year().map(|y| y.to_string()).unwrap_or_default(),
        o(&r.volume),
        o(&r.issue),
        r.pages
            .as_ref()
            .map(|p| match &p.last {
                Some(l) => format!("{}-{l}", p.first),
                None => p.first.clone(),
            })
            .unwrap_or_default(),
        o(&r.doi),
        o(&r.pmid),
        o(&r.pmcid),
        o(&r.url),
        o(&r.publisher),
        o(&r.issn),
        r.raw.clone(),
        r.cited_by.join("; "),
    ]
}

// ------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// BibTeX → biblatex crate: same entry count, keys in order, types, field names
    /// and values.
    #[test]
    fn bibtex_reads_back_the_same_fields(refs in references()) {
        let out = to_string(Format::Bibtex, &refs);
        common::assert_well_formed_bibtex(&out);
        let bib = Bibliography::parse(&out).map_err(|e| fail(format!("biblatex: {e:?}"), &out))?;
        let keys: Vec<&str> = bib.keys().collect();
        let want: Vec<&str> = refs.iter().map(|r| r.key.as_str()).collect();
        prop_assert_eq!(keys, want, "keys\n{}", out);
        for r in &refs {
            let e = bib.get(&r.key).ok_or_else(|| fail(format!("no entry {}", r.key), &out))?;
            check_bib_entry(r, e).map_err(|m| fail(format!("{}: {m}", r.key), &out))?;
        }
    }

    /// RIS → the strict reader: every tag and value; → biblib: the same records and
    /// fields.
    #[test]
    fn ris_reads_back_the_same_fields(refs in references()) {
        let out = to_string(Format::Ris, &refs);
        let records = read_ris(&out).map_err(|m| fail(m, &out))?;
        prop_assert_eq!(records.len(), refs.len(), "records\n{}", out);
        let cites = biblib::RisParser::new()
            .parse(&out)
            .map_err(|e| fail(format!("biblib: {e:?}"), &out))?;
        prop_assert_eq!(cites.len(), refs.len(), "biblib records\n{}", out);
        for ((r, rec), c) in refs.iter().zip(&records).zip(&cites) {
            let mut got: BTreeMap<&str, Vec<String>> = BTreeMap::new();
            for (tag, value) in rec {
                got.entry(tag.as_str()).or_default().push(value.clone());
            }
            let want = ris_lines(r);
            prop_assert_eq!(&got, &want, "record {}\n{}", r.key, out);
            // Tags come in one fixed order (TY first), repeated tags together.
            let rank = |tag: &str| RIS_ORDER.iter().position(|t| *t == tag);
            let ranks: Vec<Option<usize>> = rec.iter().map(|(t, _)| rank(t)).collect();
            prop_assert!(ranks.iter().all(Option::is_some), "unknown tag in {:?}", rec);
            prop_assert!(ranks.is_sorted(), "tags out of order: {:?}", rec);
            prop_assert_eq!(rec.first().map(|l| l.0.as_str()), Some("TY"));
            check_biblib(r, &want, c).map_err(|m| fail(format!("{}: {m}", r.key), &out))?;
        }
    }

    /// CSL-JSON → serde_json: every item as DESIGN.md maps it; JSON lines equal the
    /// array items.
    #[test]
    fn csljson_reads_back_the_same_values(refs in references()) {
        let out = to_string(Format::CslJson, &refs);
        let items: Vec<Value> = serde_json::from_str(&out)
            .map_err(|e| fail(format!("serde_json: {e}"), &out))?;
        prop_assert_eq!(items.len(), refs.len());
        for (r, item) in refs.iter().zip(&items) {
            prop_assert_eq!(item, &csl_expected(r), "{}", r.key);
        }
        let lines = to_string(Format::Jsonl, &refs);
        let lines: Vec<Value> = lines
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()
            .map_err(|e| fail(format!("a JSON line: {e}"), &lines))?;
        prop_assert_eq!(&lines, &items);
    }

    /// CSV → csv crate: a header and one row per reference with the same cells.
    #[test]
    fn csv_reads_back_the_same_cells(refs in references()) {
        let out = to_string(Format::Csv, &refs);
        let mut rd = csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = rd
            .headers()
            .map_err(|e| fail(format!("csv header: {e}"), &out))?
            .iter()
            .map(str::to_string)
            .collect();
        prop_assert_eq!(header, COLUMNS);
        let rows: Vec<Vec<String>> = rd
            .records()
            .map(|rec| rec.map(|rec| rec.iter().map(str::to_string).collect()))
            .collect::<Result<_, _>>()
            .map_err(|e| fail(format!("csv: {e}"), &out))?;
        prop_assert_eq!(rows.len(), refs.len());
        for (r, row) in refs.iter().zip(&rows) {
            prop_assert_eq!(row, &csv_expected(r), "{}", r.key);
        }
    }
}
