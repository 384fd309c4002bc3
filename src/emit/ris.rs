//! RIS writer.
//!
//! One record per reference, tags in a fixed order, each line `TAG  - value` ended with
//! CR LF (the RIS specification's line end; Zotero, EndNote, Mendeley and `biblib` all
//! read it), `ER  - ` closing every record and a blank line between records:
//!
//! ```text
//! TY  - JOUR
//! AU  - Sung, H.
//! AU  - World Health Organization
//! TI  - Global cancer statistics 2020
//! T2  - CA: A Cancer Journal for Clinicians
//! J2  - CA Cancer J Clin
//! PY  - 2021
//! DA  - 2021/02/04/
//! VL  - 71
//! IS  - 3
//! SP  - 209
//! EP  - 249
//! DO  - 10.3322/caac.21660
//! M2  - PMID: 33538338
//! ER  -
//! ```
//!
//! A value never holds a line break (white space and control characters fold to one
//! space), so a value can never start a tag line of its own. Empty values are left out.
//!
//! **PMID and PMCID.** RIS has no tag for them. Zotero's RIS import reads `M2` into
//! the item's Extra field, one line per `M2` (translator `RIS.js`,
//! `degenerateImportFieldMap.M2 = "extra"`, joined with `\n`), and Zotero reads Extra
//! lines `PMID: N` and `PMCID: PMCN` as those identifiers. So each goes in an `M2`
//! line. The PMCID is also written as `C2`, where EndNote's PubMed import and readers
//! such as `biblib` look for it (Zotero ignores `C2` on a journal article). `AN` is not
//! used: Zotero reads it as "Loc. in Archive".

use std::io;

use crate::emit::{Emit, fold, is_folded};
use crate::model::{Name, Person, RefType, Reference, Status};

/// The line end of every RIS line.
const EOL: &str = "\r\n";

/// Writes references as RIS records.
pub struct Ris<W> {
    out: W,
    buf: String,
    first: bool,
}

impl<W: io::Write> Ris<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Ris { out, buf: String::new(), first: true }
    }
}

impl<W: io::Write> Emit for Ris<W> {
    fn emit(&mut self, reference: &Reference) -> io::Result<()> {
        self.buf.clear();
        if !self.first {
            self.buf.push_str(EOL);
        }
        self.first = false;
        write_record(&mut self.buf, reference);
        self.out.write_all(self.buf.as_bytes())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The RIS type (`TY`) of a kind of work.
pub fn ris_type(kind: RefType) -> &'static str {
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

/// Append one line `TAG  - value`, unless the folded value is empty.
fn line(out: &mut String, tag: &str, value: &str) {
    // (most absent fields come as an empty value: nothing to fold)
    if value.is_empty() {
        return;
    }
    let value = fold(value);
    if value.is_empty() {
        return;
    }
    out.push_str(tag);
    out.push_str("  - ");
    out.push_str(&value);
    out.push_str(EOL);
}

/// Append one record, from `TY` to `ER`.
fn write_record(out: &mut String, r: &Reference) {
    line(out, "TY", ris_type(r.kind));
    for n in &r.authors {
        name_line(out, "AU", n);
    }
    // Zotero reads A2 as the editor of a chapter, paper or article, but as the series
    // editor of a book, whose editors go in A3.
    let editor_tag = if r.kind == RefType::Book { "A3" } else { "A2" };
    for n in &r.editors {
        name_line(out, editor_tag, n);
    }
    line(out, "TI", r.title.as_deref().unwrap_or_default());
    line(out, "T2", r.container.as_deref().unwrap_or_default());
    line(out, "J2", r.container_short.as_deref().unwrap_or_default());
    if let Some(d) = r.date {
        // Numbers and slashes: nothing to fold.
        let mut buf = [0; 20];
        let year = crate::emit::int_str(i64::from(d.year), &mut buf);
        out.push_str("PY  - ");
        out.push_str(year);
        out.push_str(EOL);
        out.push_str("DA  - ");
        out.push_str(year);
        out.push('/');
        if let Some(m) = d.month {
            push_two_digits(out, m);
            out.push('/');
            if let Some(day) = d.day {
                push_two_digits(out, day);
            }
            out.push('/');
        } else {
            out.push_str("//");
        }
        out.push_str(EOL);
    }
    line(out, "VL", r.volume.as_deref().unwrap_or_default());
    line(out, "IS", r.issue.as_deref().unwrap_or_default());
    if let Some(p) = &r.pages {
        line(out, "SP", &p.first);
        line(out, "EP", p.last.as_deref().unwrap_or_default());
    }
    line(out, "DO", r.doi.as_deref().unwrap_or_default());
    line(out, "UR", r.url.as_deref().unwrap_or_default());
    // (`SN` holds the ISSN of a journal or the ISBN of a book)
    line(out, "SN", r.issn.as_deref().or(r.isbn.as_deref()).unwrap_or_default());
    line(out, "PB", r.publisher.as_deref().unwrap_or_default());
    line(out, "CY", r.place.as_deref().unwrap_or_default());
    line(out, "ET", r.edition.as_deref().unwrap_or_default());
    line(out, "AB", r.abstract_text.as_deref().unwrap_or_default());
    for k in &r.keywords {
        line(out, "KW", k);
    }
    if let Some(pmid) = r.pmid.as_deref().map(fold).filter(|s| !s.is_empty()) {
        line(out, "M2", &format!("PMID: {pmid}"));
    }
    if let Some(pmcid) = r.pmcid.as_deref().map(fold).filter(|s| !s.is_empty()) {
        line(out, "M2", &format!("PMCID: {pmcid}"));
        line(out, "C2", &pmcid);
    }
    line(out, "N1", r.note.as_deref().unwrap_or_default());
    if r.status != Status::Parsed {
        line(out, "N1", &r.raw);
    }
    out.push_str("ER  - ");
    out.push_str(EOL);
}

/// One name line, `TAG  - name` (see [`name`]), unless the name is empty.
fn name_line(out: &mut String, tag: &str, n: &Name) {
    match n {
        Name::Literal(l) => line(out, tag, l),
        Name::Person(p) => {
            let mark = out.len();
            out.push_str(tag);
            out.push_str("  - ");
            let start = out.len();
            person_into(out, p);
            if out.len() == start {
                out.truncate(mark);
            } else {
                out.push_str(EOL);
            }
        }
    }
}

/// `n` in at least two digits (`03`, `12`), as `{n:02}` writes it.
fn push_two_digits(out: &mut String, n: u8) {
    if n < 10 {
        out.push('0');
    }
    out.push_str(crate::emit::int_str(i64::from(n), &mut [0; 20]));
}

/// A name as RIS writes it: `Family, Given` or `Family, Given, Suffix` (the particle
/// stays in front of the family name: `van der Walt, S. J.`); a collective name as
/// it is, without a comma.
#[cfg(test)]
fn name(n: &Name) -> String {
    match n {
        Name::Literal(l) => l.clone(),
        Name::Person(p) => person(p),
    }
}

/// A person as RIS writes it; see [`name`].
#[cfg(test)]
fn person(p: &Person) -> String {
    let mut s = String::new();
    person_into(&mut s, p);
    s
}

/// [`person`], appended to `out`: its parts folded and joined with `, `, so the
/// value is folded as a whole too.
fn person_into(out: &mut String, p: &Person) {
    let start = out.len();
    match &p.particle {
        // `particle family` is folded when both parts are, and neither is empty: it is
        // written as it is
        Some(particle)
            if !particle.is_empty()
                && !p.family.is_empty()
                && is_folded(particle)
                && is_folded(&p.family) =>
        {
            out.push_str(particle);
            out.push(' ');
            out.push_str(&p.family);
        }
        Some(_) => out.push_str(&fold(&p.full_family())),
        None => out.push_str(&fold(&p.family)),
    }
    let suffix = p.suffix.as_deref().map(fold).unwrap_or_default();
    for part in [fold(&p.given), suffix] {
        if !part.is_empty() {
            if out.len() > start {
                out.push_str(", ");
            }
            out.push_str(&part);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Pages};

    #[test]
    fn particle_and_family_as_the_folded_whole() {
        crate::emit::check_particle_names(person_into, |f| fold(f).to_string());
    }

    fn render(r: &Reference) -> String {
        let mut s = String::new();
        write_record(&mut s, r);
        s
    }

    #[test]
    fn types() {
        let cases = [
            (RefType::Article, "JOUR"),
            (RefType::Book, "BOOK"),
            (RefType::Chapter, "CHAP"),
            (RefType::Conference, "CONF"),
            (RefType::Web, "ELEC"),
            (RefType::Thesis, "THES"),
            (RefType::Report, "RPRT"),
            (RefType::Patent, "PAT"),
            (RefType::Dataset, "DATA"),
            (RefType::Document, "GEN"),
        ];
        for (kind, want) in cases {
            assert_eq!(ris_type(kind), want);
        }
    }

    #[test]
    fn names() {
        assert_eq!(person(&Person::new("Sung", "H.")), "Sung, H.");
        assert_eq!(person(&Person::new("Sung", "")), "Sung");
        let p = Person {
            family: "Walt".into(),
            given: "S. J.".into(),
            particle: Some("van der".into()),
            suffix: Some("Jr".into()),
        };
        assert_eq!(person(&p), "van der Walt, S. J., Jr");
        assert_eq!(
            name(&Name::Literal("World Health Organization".into())),
            "World Health Organization"
        );
    }

    #[test]
    fn values_never_break_a_line() {
        let mut s = String::new();
        line(&mut s, "TI", "a\r\nTY  - JOUR\n b\u{2028}c");
        assert_eq!(s, "TI  - a TY - JOUR b c\r\n");
        let mut s = String::new();
        line(&mut s, "TI", " \n ");
        assert_eq!(s, "");
    }

    #[test]
    fn dates() {
        let mut r = Reference {
            date: Some(Date { year: 2021, month: None, day: None }),
            ..Default::default()
        };
        assert!(render(&r).contains("PY  - 2021\r\nDA  - 2021///\r\n"));
        r.date = Some(Date { year: 2021, month: Some(2), day: None });
        assert!(render(&r).contains("DA  - 2021/02//\r\n"));
        r.date = Some(Date { year: 2021, month: Some(2), day: Some(13) });
        assert!(render(&r).contains("DA  - 2021/02/13/\r\n"));
        // a day without a month says nothing
        r.date = Some(Date { year: 2021, month: None, day: Some(13) });
        assert!(render(&r).contains("DA  - 2021///\r\n"));
    }

    #[test]
    fn record() {
        let r = Reference {
            authors: vec![Name::Person(Person::new("Sung", "H."))],
            title: Some("Global cancer statistics".into()),
            container: Some("CA Cancer J Clin".into()),
            pages: Some(Pages { first: "209".into(), last: Some("249".into()) }),
            pmid: Some("33538338".into()),
            pmcid: Some("PMC123".into()),
            raw: "Sung H. Global cancer statistics. CA Cancer J Clin. 209-49. Extra"
                .into(),
            status: Status::Partial,
            ..Reference::default()
        };
        assert_eq!(
            render(&r),
            "TY  - JOUR\r\nAU  - Sung, H.\r\nTI  - Global cancer statistics\r\n\
             T2  - CA Cancer J Clin\r\nSP  - 209\r\nEP  - 249\r\nM2  - PMID: 33538338\r\n\
             M2  - PMCID: PMC123\r\nC2  - PMC123\r\n\
             N1  - Sung H. Global cancer statistics. CA Cancer J Clin. 209-49. Extra\r\n\
             ER  - \r\n"
        );
    }
}
