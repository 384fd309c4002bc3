//! Journal lists: expand abbreviations to full titles and add ISSNs (`--journals FILE`).
//!
//! Reads, sniffed from content:
//! - NLM's `J_Medline.txt` / `J_Entrez.txt` / `J_Sequence.txt` (records of `Key: value`
//!   lines separated by a line of dashes: `JournalTitle`, `MedAbbr`, `IsoAbbr`,
//!   `ISSN (Print)`, `ISSN (Online)`);
//! - JabRef abbreviation CSVs (`"full title","abbreviation"[,...]`, no header);
//! - CSL abbreviation JSON (`{"default": {"container-title": {"full": "abbr"}}}`).
//!
//! Matching folds case, punctuation, diacritics and `&`/`and`, so the ISO form with
//! periods and the NLM form without them find the same journal (`J. Clin. Oncol.` =
//! `J Clin Oncol`).

use std::collections::HashMap;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use crate::model::Reference;

/// One journal of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    /// Full title, cleaned for display (`Journal of Clinical Oncology`).
    pub title: String,
    /// Abbreviation (NLM MedAbbr, or the list's abbreviation).
    pub abbrev: Option<String>,
    /// ISSN, print first, else online.
    pub issn: Option<String>,
}

/// Why a journal list could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JournalListError {
    /// The file could not be read.
    #[error("cannot read the journal list: {0}")]
    Io(#[from] std::io::Error),
    /// The content is none of the known layouts.
    #[error(
        "not a journal list (expected NLM J_Medline text, JabRef CSV or CSL abbreviation JSON)"
    )]
    UnknownFormat,
    /// A JSON list that does not parse.
    #[error("malformed CSL abbreviation JSON: {0}")]
    Json(String),
    /// The list holds no journal.
    #[error("the journal list holds no journal")]
    Empty,
}

/// A loaded journal list, indexed by folded title and abbreviations.
#[derive(Debug, Default, Clone)]
pub struct JournalList {
    journals: Vec<Journal>,
    index: HashMap<String, usize>,
}

impl JournalList {
    /// Read a list from a file.
    ///
    /// # Errors
    /// When the file cannot be read or is not a journal list.
    pub fn load(path: &Path) -> Result<JournalList, JournalListError> {
        let bytes = std::fs::read(path)?;
        JournalList::parse(&String::from_utf8_lossy(&bytes))
    }

    /// Read a list from its text, sniffing the layout.
    ///
    /// # Errors
    /// When the text is none of the known layouts, or holds no journal.
    ///
    /// # Example
    /// ```
    /// let list = pubrefs::journals::JournalList::parse(
    ///     "\"Journal of Clinical Oncology\",\"J. Clin. Oncol.\"\n",
    /// )?;
    /// let j = list.lookup("J Clin Oncol").unwrap();
    /// assert_eq!(j.title, "Journal of Clinical Oncology");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<JournalList, JournalListError> {
        let text = text.trim_start_matches('\u{feff}');
        let head = text.trim_start();
        let mut list = JournalList::default();
        if head.starts_with('{') {
            list.read_csl_json(text)?;
        } else if head.starts_with("---")
            || head.starts_with("JrId:")
            || text.contains("\nMedAbbr:")
        {
            list.read_nlm(text);
        } else if head.starts_with('"') || head.contains(',') {
            list.read_jabref(text);
        } else {
            return Err(JournalListError::UnknownFormat);
        }
        if list.journals.is_empty() {
            return Err(JournalListError::Empty);
        }
        Ok(list)
    }

    /// Number of journals in the list.
    pub fn len(&self) -> usize {
        self.journals.len()
    }

    /// True when the list holds no journal.
    pub fn is_empty(&self) -> bool {
        self.journals.is_empty()
    }

    /// The journal a title or abbreviation names, if the list knows it.
    pub fn lookup(&self, name: &str) -> Option<&Journal> {
        let key = fold_key(name);
        if key.is_empty() {
            return None;
        }
        self.index.get(&key).map(|&i| &self.journals[i])
    }

    /// Expand `r`'s journal: the full title to `container`, the abbreviation to
    /// `container_short`, and the ISSN. Unknown journals are left as they are.
    pub fn apply(&self, r: &mut Reference) {
        let Some(name) = r.container.as_deref().or(r.container_short.as_deref()) else {
            return;
        };
        let Some(j) = self.lookup(name) else { return };
        let written = name.to_owned();
        r.container_short =
            j.abbrev.clone().or_else(|| r.container_short.clone()).or(Some(written));
        r.container = Some(j.title.clone());
        if r.issn.is_none() {
            r.issn.clone_from(&j.issn);
        }
    }

    fn add(&mut self, title: &str, abbrevs: &[&str], issn: Option<&str>) {
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        let abbrev =
            abbrevs.iter().map(|a| a.trim()).find(|a| !a.is_empty()).map(str::to_owned);
        let i = self.journals.len();
        self.journals.push(Journal {
            title: display_title(title),
            abbrev,
            issn: issn.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned),
        });
        let mut keys = vec![fold_key(title), fold_key(&display_title(title))];
        keys.extend(abbrevs.iter().map(|a| fold_key(a)));
        for k in keys.into_iter().filter(|k| !k.is_empty()) {
            self.index.entry(k).or_insert(i);
        }
    }

    fn read_nlm(&mut self, text: &str) {
        for record in text.split("\n---") {
            let mut fields: HashMap<&str, &str> = HashMap::new();
            for line in record.lines() {
                if let Some((k, v)) = line.split_once(':') {
                    fields.insert(k.trim(), v.trim());
                }
            }
            let get = |k: &str| fields.get(k).copied().unwrap_or("");
            let issn = Some(get("ISSN (Print)"))
                .filter(|s| !s.is_empty())
                .or(Some(get("ISSN (Online)")));
            self.add(get("JournalTitle"), &[get("MedAbbr"), get("IsoAbbr")], issn);
        }
    }

    fn read_jabref(&mut self, text: &str) {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for row in rdr.records().flatten() {
            let full = row.get(0).unwrap_or("");
            let abbrevs: Vec<&str> = row.iter().skip(1).collect();
            self.add(full, &abbrevs, None);
        }
    }

    fn read_csl_json(&mut self, text: &str) -> Result<(), JournalListError> {
        let v: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| JournalListError::Json(e.to_string()))?;
        let Some(map) = v
            .get("default")
            .and_then(|d| d.get("container-title"))
            .and_then(|m| m.as_object())
        else {
            return Err(JournalListError::Json(
                "no default.container-title object".to_owned(),
            ));
        };
        for (full, abbr) in map {
            self.add(full, &[abbr.as_str().unwrap_or("")], None);
        }
        Ok(())
    }
}

/// A title for display: the NLM catalog's `Title : subtitle` and `(City, Country)`
/// qualifiers dropped, lower-case catalogue words capitalised
/// (`Journal of clinical oncology : official journal of ...` →
/// `Journal of Clinical Oncology`).
pub fn display_title(title: &str) -> String {
    let mut t = title.trim();
    if let Some((head, _)) = t.split_once(" : ") {
        t = head;
    }
    let t = t.trim().trim_end_matches('.');
    let t = match t.rfind(" (") {
        Some(i) if t.ends_with(')') && t[i..].contains(',') => &t[..i],
        _ => t,
    };
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "de", "der", "des", "di", "du", "e", "el",
        "en", "et", "for", "from", "in", "la", "le", "les", "of", "on", "or", "the",
        "to", "und", "y",
    ];
    let mut out = String::with_capacity(t.len());
    let mut after_colon = false;
    for (i, word) in t.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower_word = word.chars().all(|c| !c.is_uppercase());
        let capitalise = after_colon || !SMALL.contains(&word);
        after_colon = word.ends_with(':');
        if i > 0 && lower_word && capitalise {
            let mut cs = word.chars();
            if let Some(f) = cs.next() {
                out.extend(f.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

/// The matching key of a journal name: diacritics dropped, lower case, `&` read as
/// `and`, punctuation removed, a leading `the` dropped, white space folded.
pub fn fold_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c == '&' {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("and");
            space = true;
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NLM: &str = "--------------------------------------------------------\nJrId: 5023\nJournalTitle: Journal of clinical oncology : official journal of the American Society of Clinical Oncology\nMedAbbr: J Clin Oncol\nISSN (Print): 0732-183X\nISSN (Online): 1527-7755\nIsoAbbr: J. Clin. Oncol.\nNlmId: 8309333\n--------------------------------------------------------\nJrId: 9\nJournalTitle: CA: a cancer journal for clinicians\nMedAbbr: CA Cancer J Clin\nISSN (Print): \nISSN (Online): 1542-4863\nIsoAbbr: CA Cancer J Clin\nNlmId: 0370647\n";

    #[test]
    fn nlm_records() {
        let l = JournalList::parse(NLM).unwrap();
        assert_eq!(l.len(), 2);
        let j = l.lookup("J. Clin. Oncol.").unwrap();
        assert_eq!(j.title, "Journal of Clinical Oncology");
        assert_eq!(j.abbrev.as_deref(), Some("J Clin Oncol"));
        assert_eq!(j.issn.as_deref(), Some("0732-183X"));
        let j = l.lookup("CA Cancer J Clin").unwrap();
        assert_eq!(j.issn.as_deref(), Some("1542-4863"));
        assert_eq!(j.title, "CA: A Cancer Journal for Clinicians");
    }

    #[test]
    fn jabref_and_csl_json() {
        let l = JournalList::parse("\"Acta Biochimica Polonica\",\"Acta Biochim. Pol.\"\n\"Abdominal IMAging\",\"Abdom Imaging\",\"\",\"\"\n").unwrap();
        assert_eq!(
            l.lookup("Acta Biochim Pol").unwrap().title,
            "Acta Biochimica Polonica"
        );
        assert_eq!(
            l.lookup("abdominal imaging").unwrap().abbrev.as_deref(),
            Some("Abdom Imaging")
        );
        let l = JournalList::parse(r#"{"default": {"container-title": {"Lancet (London, England)": "Lancet", "Obstetrics & gynecology": "Obstet Gynecol"}}}"#).unwrap();
        let j = l.lookup("The Lancet").unwrap();
        assert_eq!(j.title, "Lancet");
        assert_eq!(
            l.lookup("Obstetrics and Gynecology").unwrap().abbrev.as_deref(),
            Some("Obstet Gynecol")
        );
    }

    #[test]
    fn fold_keys() {
        assert_eq!(fold_key("J. Clin. Oncol."), "j clin oncol");
        assert_eq!(fold_key("Revista Médica de Chile"), "revista medica de chile");
        assert_eq!(fold_key("The BMJ"), "bmj");
        assert_eq!(fold_key("Obstet & Gynecol"), "obstet and gynecol");
        assert_eq!(fold_key("..."), "");
    }

    #[test]
    fn apply_expands() {
        let l = JournalList::parse(NLM).unwrap();
        let mut r =
            Reference { container: Some("J Clin Oncol".into()), ..Reference::default() };
        l.apply(&mut r);
        assert_eq!(r.container.as_deref(), Some("Journal of Clinical Oncology"));
        assert_eq!(r.container_short.as_deref(), Some("J Clin Oncol"));
        assert_eq!(r.issn.as_deref(), Some("0732-183X"));
        let mut unknown =
            Reference { container: Some("Unknown J".into()), ..Reference::default() };
        l.apply(&mut unknown);
        assert_eq!(unknown.container.as_deref(), Some("Unknown J"));
        assert!(unknown.issn.is_none());
    }

    #[test]
    fn not_a_list() {
        assert!(matches!(
            JournalList::parse("hello"),
            Err(JournalListError::UnknownFormat)
        ));
        assert!(matches!(JournalList::parse("{]"), Err(JournalListError::Json(_))));
    }
}
