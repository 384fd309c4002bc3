//! The batch driver: inputs → documents → references, in parallel, in order.
//!
//! Documents are processed in windows of [`WINDOW`] at a time with rayon (across
//! documents and, inside a document, across references) and handed to the caller's sink
//! one by one in input order, so memory is bounded by the window, not by the batch, and
//! the output is the same whatever the number of threads.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{CitingRef, DocumentKind, Extracted, Origin, Reference, Status};
use crate::{extract, normalize, parse, read};

/// How many documents are read and processed before they are handed on.
pub const WINDOW: usize = 64;

/// The largest input pubrefs reads (a larger file is an error for that file only).
pub const MAX_INPUT: u64 = 256 * 1024 * 1024;

/// What the inputs are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Pages, fragments and XML, sniffed from content (`pubrefs convert`).
    #[default]
    Convert,
    /// Reference strings, one per line (`pubrefs parse`).
    Lines,
}

/// Which records a document contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Include {
    /// The references only (default).
    #[default]
    References,
    /// The citing article's own record only.
    Article,
    /// The citing article's record, then its references.
    Both,
}

/// How documents are processed.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// What the inputs are.
    pub mode: Mode,
    /// Which records a document contributes.
    pub include: Include,
    /// A journal list to expand journal titles and add ISSNs with.
    pub journals: Option<crate::journals::JournalList>,
}

impl Settings {
    /// Settings for `mode`, references only, no journal list.
    pub fn new(mode: Mode) -> Settings {
        Settings { mode, ..Settings::default() }
    }
}

/// One input: a file, or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (named `-`).
    Stdin,
}

impl Input {
    /// The name used in messages and in `custom.source`.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_owned(),
        }
    }
}

/// Expand files and folders (recursively, sorted, symlink loops reported) into inputs.
/// Returns the inputs and one message per path that could not be walked.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    if paths.is_empty() {
        inputs.push(Input::Stdin);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        if !path.is_dir() {
            // A missing or unreadable file is reported when it is read.
            inputs.push(Input::File(path.clone()));
            continue;
        }
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(path).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let hidden = e.file_name().to_string_lossy().starts_with('.');
                    if !hidden {
                        files.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let at = err.path().unwrap_or(path).display().to_string();
                    let why = if err.loop_ancestor().is_some() {
                        "symbolic link loop; not followed".to_owned()
                    } else {
                        err.io_error().map_or_else(|| err.to_string(), |e| e.to_string())
                    };
                    errors.push(format!("{at}: {why}"));
                }
            }
        }
        inputs.extend(files.into_iter().map(Input::File));
    }
    (inputs, errors)
}

/// The per-document line of `--report`.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct DocumentReport {
    /// The input file, or `-`.
    pub source: String,
    /// The sniffed kind (`text-page`, `html-page`, ...); absent when unreadable.
    pub kind: Option<DocumentKind>,
    /// The citing article, when the document says which it is (the first one for XML).
    pub citing: Option<CitingRef>,
    /// References found.
    pub references: usize,
    /// Of which fully parsed.
    pub parsed: usize,
    /// Of which partly parsed.
    pub partial: usize,
    /// Of which not parsed (raw text only).
    pub raw: usize,
    /// References the page shows.
    pub shown: usize,
    /// The "Show all N references" total, when announced.
    pub total: Option<u32>,
    /// The page shows fewer references than it has.
    pub truncated: bool,
    /// Errors (the document, or part of it, could not be processed).
    pub errors: Vec<String>,
    /// Warnings (document and reference level, the latter as `#ORDINAL: message`).
    pub warnings: Vec<String>,
}

/// A processed document: its report and its records, in order.
#[derive(Debug, Clone, Default)]
pub struct DocumentOutcome {
    /// What happened.
    pub report: DocumentReport,
    /// The records (references, and the citing article with `--include`), keys unset.
    pub records: Vec<Reference>,
}

impl DocumentOutcome {
    /// True when the document could not be processed (or part of it failed).
    pub fn failed(&self) -> bool {
        !self.report.errors.is_empty()
    }
}

/// Read and process one input.
pub fn process_input(input: &Input, settings: &Settings) -> DocumentOutcome {
    let source = input.name();
    match read_input(input) {
        Ok(bytes) => process_bytes(&source, &bytes, settings),
        Err(e) => {
            let mut out = DocumentOutcome::default();
            out.report.source = source;
            out.report.errors.push(e);
            out
        }
    }
}

fn read_input(input: &Input) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = match input {
        Input::Stdin => {
            std::io::stdin().lock().take(MAX_INPUT + 1).read_to_end(&mut bytes)
        }
        Input::File(p) => std::fs::File::open(p)
            .and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut bytes)),
    };
    match result {
        Err(e) => Err(describe_io(&e)),
        Ok(_) if bytes.len() as u64 > MAX_INPUT => {
            Err(format!("larger than the limit of {MAX_INPUT} bytes; not read"))
        }
        Ok(_) => Ok(bytes),
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => e.to_string(),
    }
}

/// Process one document held in memory.
pub fn process_bytes(source: &str, bytes: &[u8], settings: &Settings) -> DocumentOutcome {
    let mode = settings.mode;
    let mut out = DocumentOutcome::default();
    let report = &mut out.report;
    report.source = source.to_owned();
    if read::looks_binary(bytes) {
        report.errors.push("binary data, not a text, HTML or XML page".to_owned());
        return out;
    }
    let (text, warnings) = read::decode(bytes);
    report.warnings.extend(warnings);
    if text.trim().is_empty() {
        report.warnings.push("empty input; no references".to_owned());
        report.kind = Some(match mode {
            Mode::Lines => DocumentKind::ReferenceLines,
            Mode::Convert => DocumentKind::TextPage,
        });
        return out;
    }
    let kind = match mode {
        Mode::Lines => DocumentKind::ReferenceLines,
        Mode::Convert => read::sniff(&text),
    };
    report.kind = Some(kind);
    let docs = match extract::extract(kind, &text) {
        Ok(docs) => docs,
        Err(e) => {
            report.errors.push(e.to_string());
            return out;
        }
    };
    for doc in docs {
        add_extracted(&mut out, source, doc, settings);
    }
    out
}

fn add_extracted(
    out: &mut DocumentOutcome,
    source: &str,
    doc: Extracted,
    settings: &Settings,
) {
    let include = settings.include;
    let report = &mut out.report;
    let citing = doc.citing.as_ref().map(Reference::as_citing).filter(|c| !c.is_empty());
    if report.citing.is_none() {
        report.citing.clone_from(&citing);
    }
    report.shown += doc.references.len();
    if let Some(t) = doc.total {
        *report.total.get_or_insert(0) += t;
        report.truncated |= doc.truncated();
    }
    report.warnings.extend(doc.warnings.iter().cloned());
    if include != Include::References
        && let Some(mut article) = doc.citing
    {
        article.origin = Origin { source: source.to_owned(), ordinal: 0, span: 0..0 };
        out.records.push(article);
    }
    if include == Include::Article {
        return;
    }
    let mut parsed: Vec<Reference> = doc
        .references
        .par_iter()
        .map(|raw| {
            let mut r = parse::parse_reference(&raw.text);
            normalize::attach_link_ids(&mut r, &raw.ids);
            r.origin = Origin {
                source: source.to_owned(),
                ordinal: raw.ordinal,
                span: raw.span.clone(),
            };
            r.citing.clone_from(&citing);
            if let Some(list) = &settings.journals {
                list.apply(&mut r);
            }
            r
        })
        .collect();
    parse::settle_list(&mut parsed);
    for r in &parsed {
        report.references += 1;
        match r.status {
            Status::Parsed => report.parsed += 1,
            Status::Partial => report.partial += 1,
            Status::Raw => report.raw += 1,
        }
        for w in &r.warnings {
            report.warnings.push(format!("#{}: {w}", r.origin.ordinal));
        }
    }
    out.records.extend(parsed);
}

/// Told about each document as it is done (the binary draws a progress bar with it).
pub trait Progress: Sync {
    /// One document is done.
    fn document_done(&self, _report: &DocumentReport) {}
}

/// A [`Progress`] that shows nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// Process every input in windows of [`WINDOW`], in parallel, and hand each outcome to
/// `sink` in input order. Stops early when the sink returns an error.
///
/// # Errors
/// The first error the sink returns.
pub fn run<E>(
    inputs: &[Input],
    settings: &Settings,
    progress: &dyn Progress,
    mut sink: impl FnMut(DocumentOutcome) -> Result<(), E>,
) -> Result<(), E> {
    for window in inputs.chunks(WINDOW) {
        let outcomes: Vec<DocumentOutcome> = window
            .par_iter()
            .map(|input| {
                let o = process_input(input, settings);
                progress.document_done(&o.report);
                o
            })
            .collect();
        for o in outcomes {
            sink(o)?;
        }
    }
    Ok(())
}

/// True when `a` and `b` name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_input_is_an_error() {
        let o = process_bytes("x.bin", b"\0\x01\x02PK", &Settings::new(Mode::Convert));
        assert!(o.failed());
        assert_eq!(o.report.errors, ["binary data, not a text, HTML or XML page"]);
    }

    #[test]
    fn empty_input_warns() {
        let o = process_bytes("e.txt", b"  \n", &Settings::new(Mode::Convert));
        assert!(!o.failed());
        assert!(o.records.is_empty());
        assert_eq!(o.report.warnings, ["empty input; no references"]);
    }

    #[test]
    fn lines_give_one_record_each_in_order() {
        let o = process_bytes(
            "l.txt",
            b"A B. T. J. 2020;1:2.\n\nC D. U. K. 2021;3:4.\n",
            &Settings::new(Mode::Lines),
        );
        assert_eq!(o.records.len(), 2);
        assert_eq!(o.records[1].origin.ordinal, 2);
        assert_eq!(o.report.references, 2);
    }

    #[test]
    fn missing_file_reports() {
        let o = process_input(
            &Input::File("/nonexistent/x.txt".into()),
            &Settings::new(Mode::Convert),
        );
        assert_eq!(o.report.errors, ["no such file"]);
    }
}
