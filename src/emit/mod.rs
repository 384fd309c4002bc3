//! Emit: one writer per output format behind the [`Emit`] trait.
//!
//! Writers take any [`io::Write`]; [`to_string`] renders a whole list for tests.

pub mod bibtex;
pub mod csljson;
pub mod csv;
pub mod ris;

use std::borrow::Cow;
use std::io;
use std::str::FromStr;

use crate::model::Reference;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// BibTeX (`.bib`).
    Bibtex,
    /// RIS (`.ris`).
    Ris,
    /// CSV with a header row (`.csv`).
    Csv,
    /// A CSL-JSON array (`.json`).
    CslJson,
    /// One CSL-JSON item per line (`.jsonl`).
    Jsonl,
}

impl Format {
    /// Every format, in the order used for a directory of outputs.
    pub const ALL: [Format; 5] =
        [Format::Bibtex, Format::Ris, Format::Csv, Format::CslJson, Format::Jsonl];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Bibtex => "bib",
            Format::Ris => "ris",
            Format::Csv => "csv",
            Format::CslJson => "json",
            Format::Jsonl => "jsonl",
        }
    }

    /// The format a file extension stands for (`bib`, `ris`, `csv`, `json`, `jsonl`).
    pub fn from_extension(ext: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension().eq_ignore_ascii_case(ext))
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Bibtex => "bibtex",
            Format::Ris => "ris",
            Format::Csv => "csv",
            Format::CslJson => "csljson",
            Format::Jsonl => "jsonl",
        }
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        let s = s.trim().to_ascii_lowercase();
        match s.as_str() {
            "bib" | "bibtex" => Ok(Format::Bibtex),
            "ris" => Ok(Format::Ris),
            "csv" => Ok(Format::Csv),
            "csljson" | "csl-json" | "csl" | "json" => Ok(Format::CslJson),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            _ => Err(format!(
                "unknown format '{s}'; expected one of bibtex, ris, csv, csljson, jsonl"
            )),
        }
    }
}

/// A writer of one output format.
pub trait Emit {
    /// Write one reference. Called once per reference, in input order.
    fn emit(&mut self, reference: &Reference) -> io::Result<()>;
    /// True for a writer whose records are CSL-JSON items ([`csl_item`]'s bytes): when
    /// several write the same references, the item is rendered once for all of them.
    fn wants_csl(&self) -> bool {
        false
    }
    /// [`Emit::emit`] with the reference's CSL-JSON item already rendered (`csl`, the
    /// bytes [`csl_item`] writes). Writers that do not use it ignore it.
    fn emit_with_csl(&mut self, reference: &Reference, csl: &[u8]) -> io::Result<()> {
        let _ = csl;
        self.emit(reference)
    }
    /// Write any trailer and flush. Called once, after the last reference.
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The CSL-JSON item of `reference`, as the CSL-JSON and JSON-lines writers write it,
/// into `buf` (cleared first).
pub fn csl_item(buf: &mut Vec<u8>, reference: &Reference) {
    buf.clear();
    csljson::item_json(buf, reference);
}

/// The writer for `format`, writing to `out`.
pub fn emitter<'w, W: io::Write + 'w>(format: Format, out: W) -> Box<dyn Emit + 'w> {
    match format {
        Format::Bibtex => Box::new(bibtex::Bibtex::new(out)),
        Format::Ris => Box::new(ris::Ris::new(out)),
        Format::Csv => Box::new(csv::Csv::new(out)),
        Format::CslJson => Box::new(csljson::CslJson::new(out)),
        Format::Jsonl => Box::new(csljson::Jsonl::new(out)),
    }
}

/// Render `refs` in `format` to a string (for tests and snapshots).
pub fn to_string(format: Format, refs: &[Reference]) -> String {
    let mut buf = Vec::new();
    {
        let mut e = emitter(format, &mut buf);
        for r in refs {
            e.emit(r).expect("writing to a Vec cannot fail");
        }
        e.finish().expect("writing to a Vec cannot fail");
    }
    String::from_utf8(buf).expect("writers emit UTF-8")
}

/// `n` in decimal (a minus sign first when negative), written into `buf`, as
/// `n.to_string()` gives it but without the formatting machinery.
pub(crate) fn int_str(n: i64, buf: &mut [u8; 20]) -> &str {
    // 19 digits and a sign at most for an i64
    let mut at = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        at -= 1;
        if let Some(slot) = buf.get_mut(at) {
            *slot = b'0' + (m % 10) as u8;
        }
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        at -= 1;
        if let Some(slot) = buf.get_mut(at) {
            *slot = b'-';
        }
    }
    // Only ASCII digits and `-` were written.
    buf.get(at..).and_then(|d| std::str::from_utf8(d).ok()).unwrap_or_default()
}

/// Fold runs of white space and control characters (line breaks included) to one space
/// and trim the ends: a field value on one line. Borrows when there is nothing to fold.
pub(crate) fn fold(s: &str) -> Cow<'_, str> {
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(crate::extract::fold_without(s, |c| c.is_whitespace() || c.is_control()))
}

/// `s` without white space at its ends, as [`str::trim`] gives it; a value that starts
/// and ends with a visible ASCII character (most values) is handed back without the
/// char scans.
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_graphic)
        && b.last().is_some_and(u8::is_ascii_graphic)
    {
        return s;
    }
    s.trim()
}

/// True when [`fold`] would leave `s` as it is: no space at either end, no two spaces
/// in a row, and no other white space or control character.
pub(crate) fn is_folded(s: &str) -> bool {
    crate::extract::single_spaced_without(s, |c| c.is_whitespace() || c.is_control())
}

/// Checks a writer's `person_into` against the whole family name made by `whole`
/// (`Family, S.`) for particles and family names with stray white space.
#[cfg(test)]
pub(crate) fn check_particle_names(
    person_into: impl Fn(&mut String, &crate::model::Person),
    whole: impl Fn(&str) -> String,
) {
    for &(particle, family) in &[
        ("van der", "Walt"),
        (" van ", " Walt "),
        ("", "Walt"),
        ("  ", "Walt"),
        ("van", ""),
        ("van", "  "),
        ("de\tla", "Haba"),
        ("de  la", "Haba\n"),
        ("\u{a0}de", "Luca\u{a0}"),
    ] {
        let p = crate::model::Person {
            family: family.into(),
            given: "S.".into(),
            particle: Some(particle.into()),
            suffix: None,
        };
        let mut got = String::new();
        person_into(&mut got, &p);
        let want = format!("{}, S.", whole(&p.full_family()));
        let want = want.strip_prefix(", ").unwrap_or(&want);
        assert_eq!(got, want, "{particle:?} {family:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_str_agrees_with_to_string() {
        for n in [0, 1, -1, 9, 10, -10, 99, 100, 2021, -2021, i64::MAX, i64::MIN] {
            assert_eq!(int_str(n, &mut [0; 20]), n.to_string());
        }
    }

    #[test]
    fn fold_borrows_folded_text() {
        for s in ["", "a", "a b", "é ü", "a-b c"] {
            assert!(matches!(fold(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn fold_folds_the_rest() {
        let cases = [
            (" a", "a"),
            ("a ", "a"),
            (" ", ""),
            ("a  b", "a b"),
            ("a\tb", "a b"),
            ("a\u{a0}b", "a b"),
            ("a\u{7}b", "a b"),
            ("a\r\n b", "a b"),
        ];
        for (s, want) in cases {
            assert_eq!(fold(s), want, "{s:?}");
            assert!(!is_folded(s), "{s:?}");
        }
    }
}
