//! The batch driver: inputs → documents → references, in parallel, in order.
//!
//! Documents are processed in windows of [`WINDOW`] at a time with rayon (across
//! documents and, inside a document, across references) and handed to the caller's sink
//! one by one in input order, so memory is bounded by the window, not by the batch, and
//! the output is the same whatever the number of threads. A file of reference lines
//! (`pubrefs parse`) is streamed: read, parsed and handed on in chunks of
//! [`CHUNK_BYTES`], so memory does not grow with its size either.
//!
//! The work runs on a producer thread (which fans out to rayon) while the caller's sink
//! runs on the calling thread, so writing one window overlaps processing the next.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{CitingRef, DocumentKind, Extracted, Origin, Reference, Status};
use crate::{extract, normalize, parse, read};

/// How many documents are read and processed before they are handed on.
pub const WINDOW: usize = 64;

/// The largest input pubrefs reads whole (a larger file is an error for that file
/// only). Reference lines are streamed and have no size limit, only this limit on the
/// length of one line.
pub const MAX_INPUT: u64 = 256 * 1024 * 1024;

/// About how many bytes of reference lines are read and parsed at a time (a chunk is
/// cut after the last line feed past this size).
pub const CHUNK_BYTES: usize = 1 << 20;

/// How many windows (or chunks) may wait between the producer and the sink.
const QUEUED: usize = 1;

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

impl DocumentReport {
    /// Add the report of the next piece of the same document (see
    /// [`DocumentOutcome::more`]): counts add up, errors and warnings follow, except
    /// that document-level warnings stay ahead of the reference warnings (`#N: ...`),
    /// as in the report of a document processed whole.
    pub fn absorb(&mut self, next: DocumentReport) {
        if self.source.is_empty() {
            self.source = next.source;
        }
        if self.kind.is_none() {
            self.kind = next.kind;
        }
        if self.citing.is_none() {
            self.citing = next.citing;
        }
        self.references += next.references;
        self.parsed += next.parsed;
        self.partial += next.partial;
        self.raw += next.raw;
        self.shown += next.shown;
        if let Some(t) = next.total {
            *self.total.get_or_insert(0) += t;
        }
        self.truncated |= next.truncated;
        self.errors.extend(next.errors);
        let (document, references): (Vec<String>, Vec<String>) =
            next.warnings.into_iter().partition(|w| !w.starts_with('#'));
        if !document.is_empty() {
            let at = self.warnings.partition_point(|w| !w.starts_with('#'));
            self.warnings.splice(at..at, document);
        }
        self.warnings.extend(references);
    }
}

/// A processed document, or a piece of one: its report and its records, in order.
#[derive(Debug, Clone, Default)]
pub struct DocumentOutcome {
    /// What happened (in this piece, when the document comes in pieces).
    pub report: DocumentReport,
    /// The records (references, and the citing article with `--include`), keys unset.
    pub records: Vec<Reference>,
    /// More pieces of the same document follow (a streamed file of reference lines).
    /// The whole document's report is the [`DocumentReport::absorb`] of its pieces'.
    pub more: bool,
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
        Input::File(p) => std::fs::File::open(p).and_then(|f| {
            // `Take` hides the file's size from `read_to_end`, which would then grow
            // the buffer from 32 bytes up, a read call per doubling.
            let size = f.metadata().map_or(0, |m| m.len()).min(MAX_INPUT + 1);
            bytes.reserve_exact(usize::try_from(size).unwrap_or(0) + 1);
            f.take(MAX_INPUT + 1).read_to_end(&mut bytes)
        }),
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
    // a page is one reference list; reference lines are independent strings
    let list = kind != DocumentKind::ReferenceLines;
    for doc in docs {
        add_extracted(&mut out, source, doc, settings, list);
    }
    out
}

/// `list`: the references are one page's list, which settles what a single reference
/// cannot ([`parse::settle_list`]); reference lines are parsed each on its own, so the
/// output does not depend on how a streamed file is cut into chunks.
fn add_extracted(
    out: &mut DocumentOutcome,
    source: &str,
    doc: Extracted,
    settings: &Settings,
    list: bool,
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
    if list {
        parse::settle_list(&mut parsed);
    }
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
    /// One document is done (for a streamed document: its last piece, whose report
    /// counts that piece only).
    fn document_done(&self, _report: &DocumentReport) {}
    /// A piece of a streamed document, not its last, is done.
    fn piece_done(&self, _report: &DocumentReport) {}
}

/// A [`Progress`] that shows nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// Process every input, in parallel, and hand each outcome to `sink` in input order.
/// Stops early when the sink returns an error.
///
/// Documents are processed in windows of [`WINDOW`]; in [`Mode::Lines`] each input is
/// streamed in chunks (see [`stream_lines`]). The processing runs on a producer thread
/// (and rayon's) while `sink` runs on this thread, one window or chunk behind.
///
/// # Errors
/// The first error the sink returns.
pub fn run<E>(
    inputs: &[Input],
    settings: &Settings,
    progress: &dyn Progress,
    mut sink: impl FnMut(DocumentOutcome) -> Result<(), E>,
) -> Result<(), E> {
    let (tx, rx) = mpsc::sync_channel::<Vec<DocumentOutcome>>(QUEUED);
    std::thread::scope(|scope| {
        scope.spawn(move || produce(inputs, settings, progress, &tx));
        // When the sink fails, `rx` is dropped on return and the producer stops at
        // its next send.
        for batch in rx {
            for outcome in batch {
                sink(outcome)?;
            }
        }
        Ok(())
    })
}

/// The producer side of [`run`]: process the inputs and send the outcomes in order,
/// until done or until the receiver hangs up.
fn produce(
    inputs: &[Input],
    settings: &Settings,
    progress: &dyn Progress,
    tx: &mpsc::SyncSender<Vec<DocumentOutcome>>,
) {
    if settings.mode == Mode::Lines {
        for input in inputs {
            if stream_lines(input, settings, progress, |o| tx.send(vec![o]).is_ok())
                .is_err()
            {
                return;
            }
        }
        return;
    }
    for window in inputs.chunks(WINDOW) {
        let outcomes: Vec<DocumentOutcome> = window
            .par_iter()
            .map(|input| {
                let o = process_input(input, settings);
                progress.document_done(&o.report);
                o
            })
            .collect();
        if tx.send(outcomes).is_err() {
            return;
        }
    }
}

/// The sink of [`stream_lines`] hung up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// Read, parse and hand on a file of reference lines in chunks of about
/// [`CHUNK_BYTES`], each cut after a line end and parsed in parallel, so memory stays
/// bounded whatever the size of the file. `sink` gets the pieces in order (all but the
/// last with [`DocumentOutcome::more`] set) and returns `false` to stop.
///
/// The pieces together hold exactly the records of [`process_input`] on the same input,
/// and their reports [absorbed](DocumentReport::absorb) give its report; but there is
/// no size limit ([`MAX_INPUT`] bounds one line), and a read error after the first
/// chunk comes after the records already read. UTF-16 input is read whole.
///
/// # Errors
/// [`Stopped`] when the sink returned `false`.
pub fn stream_lines(
    input: &Input,
    settings: &Settings,
    progress: &dyn Progress,
    sink: impl FnMut(DocumentOutcome) -> bool,
) -> Result<(), Stopped> {
    stream_lines_in(input, settings, progress, CHUNK_BYTES, sink)
}

/// [`stream_lines`] with chunks of about `chunk_bytes` (small ones in tests).
fn stream_lines_in(
    input: &Input,
    settings: &Settings,
    progress: &dyn Progress,
    chunk_bytes: usize,
    mut sink: impl FnMut(DocumentOutcome) -> bool,
) -> Result<(), Stopped> {
    let mut send = |o: DocumentOutcome| {
        if o.more {
            progress.piece_done(&o.report);
        } else {
            progress.document_done(&o.report);
        }
        if sink(o) { Ok(()) } else { Err(Stopped) }
    };
    let source = input.name();
    let reader: Box<dyn Read> = match input {
        Input::Stdin => Box::new(std::io::stdin().lock()),
        Input::File(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(f),
            Err(e) => return send(error_outcome(source, describe_io(&e))),
        },
    };
    let mut chunks = Chunks::new(reader, chunk_bytes);
    let first = match chunks.next_chunk() {
        Ok(c) => c,
        Err(e) => return send(error_outcome(source, e)),
    };
    if first.starts_with(b"\xFF\xFE") || first.starts_with(b"\xFE\xFF") {
        // UTF-16: rare enough to be read whole.
        return send(match chunks.rest(first) {
            Ok(bytes) => process_bytes(&source, &bytes, settings),
            Err(e) => error_outcome(source, e),
        });
    }
    if read::looks_binary(&first) {
        let why = "binary data, not a text, HTML or XML page".to_owned();
        return send(error_outcome(source, why));
    }
    let mut decoder = read::StreamDecoder::new();
    let mut text = String::new();
    let (mut ordinal, mut offset) = (0u32, 0usize);
    let mut chunk = first;
    loop {
        decoder.decode_part(&chunk, &mut text);
        let mut lines = extract::reference_lines(&text);
        for r in &mut lines.references {
            r.ordinal = r.ordinal.saturating_add(ordinal);
            r.span = r.span.start + offset..r.span.end + offset;
        }
        ordinal = ordinal.saturating_add(lines.references.len() as u32);
        offset += text.len();
        let mut piece = DocumentOutcome { more: true, ..DocumentOutcome::default() };
        piece.report.source.clone_from(&source);
        piece.report.kind = Some(DocumentKind::ReferenceLines);
        add_extracted(&mut piece, &source, lines, settings, false);
        let next = match chunks.next_chunk() {
            Ok(c) => c,
            Err(e) => {
                piece.report.errors.push(e);
                Vec::new()
            }
        };
        if next.is_empty() {
            // The last piece: the document-level warnings, ahead of its own.
            let mut warnings = decoder.warnings();
            if ordinal == 0 && piece.report.errors.is_empty() {
                warnings.push("empty input; no references".to_owned());
            }
            warnings.append(&mut piece.report.warnings);
            piece.report.warnings = warnings;
            piece.more = false;
            return send(piece);
        }
        send(piece)?;
        chunk = next;
    }
}

/// The outcome of a document that could not be read.
fn error_outcome(source: String, error: String) -> DocumentOutcome {
    let mut out = DocumentOutcome::default();
    out.report.source = source;
    out.report.errors.push(error);
    out
}

/// Cuts a byte stream into chunks of about `size` bytes, each ending right after a
/// line feed (the last may end anywhere).
struct Chunks<R> {
    reader: R,
    /// The size a chunk grows to before it is cut at its last line feed.
    size: usize,
    /// Bytes read past the end of the last chunk handed out.
    pending: Vec<u8>,
    /// The reader is exhausted.
    eof: bool,
}

impl<R: Read> Chunks<R> {
    fn new(reader: R, size: usize) -> Chunks<R> {
        Chunks { reader, size: size.max(8192), pending: Vec::new(), eof: false }
    }

    /// The next chunk; empty at the end of the input. A chunk is at least 8 KiB unless
    /// the input is shorter (enough for [`read::looks_binary`] on the first).
    fn next_chunk(&mut self) -> Result<Vec<u8>, String> {
        // Bytes of `pending` known to hold no line feed.
        let mut searched = 0;
        loop {
            if self.eof {
                return Ok(std::mem::take(&mut self.pending));
            }
            if self.pending.len() >= self.size {
                let tail = self.pending.get(searched..).unwrap_or_default();
                if let Some(i) = memchr::memrchr(b'\n', tail) {
                    let rest = self.pending.split_off(searched + i + 1);
                    return Ok(std::mem::replace(&mut self.pending, rest));
                }
                // One line longer than a chunk: read on until its end.
                searched = self.pending.len();
                if searched as u64 > MAX_INPUT {
                    return Err(format!(
                        "a line longer than the limit of {MAX_INPUT} bytes; not read"
                    ));
                }
            }
            self.fill()?;
        }
    }

    /// Read up to one more chunk's worth of bytes into `pending`.
    fn fill(&mut self) -> Result<(), String> {
        let want = self.size.max(self.pending.len() / 2) as u64;
        match (&mut self.reader).take(want).read_to_end(&mut self.pending) {
            Ok(0) => self.eof = true,
            Ok(_) => {}
            Err(e) => return Err(describe_io(&e)),
        }
        Ok(())
    }

    /// `first` and everything left, as [`read_input`] reads a whole input.
    fn rest(mut self, first: Vec<u8>) -> Result<Vec<u8>, String> {
        let mut bytes = first;
        bytes.append(&mut self.pending);
        let left = (MAX_INPUT + 1).saturating_sub(bytes.len() as u64);
        if let Err(e) = self.reader.take(left).read_to_end(&mut bytes) {
            return Err(describe_io(&e));
        }
        if bytes.len() as u64 > MAX_INPUT {
            return Err(format!("larger than the limit of {MAX_INPUT} bytes; not read"));
        }
        Ok(bytes)
    }
}

/// What two paths share when they name the same existing file: the device and inode
/// on Unix (one `stat`), the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileId(#[cfg(unix)] (u64, u64), #[cfg(not(unix))] PathBuf);

impl FileId {
    /// The identity of the file at `path`, or `None` when there is none (yet).
    pub fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            Some(FileId((m.dev(), m.ino())))
        }
        #[cfg(not(unix))]
        {
            path.canonicalize().ok().map(FileId)
        }
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

    /// Stream `bytes` from a file in chunks of about `chunk` bytes; the pieces, and
    /// their reports absorbed into one.
    fn streamed(bytes: &[u8], chunk: usize) -> (Vec<DocumentOutcome>, DocumentReport) {
        let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
        std::io::Write::write_all(&mut file, bytes).expect("written");
        let input = Input::File(file.path().to_owned());
        let mut pieces = Vec::new();
        let settings = Settings::new(Mode::Lines);
        let done = stream_lines_in(&input, &settings, &NoProgress, chunk, |o| {
            pieces.push(o);
            true
        });
        assert_eq!(done, Ok(()));
        let mut whole = DocumentReport::default();
        for p in &pieces {
            whole.absorb(p.report.clone());
        }
        (pieces, whole)
    }

    /// The records and report of `bytes` processed whole, with the source the
    /// streamed run gives.
    fn whole(bytes: &[u8], source: &str) -> DocumentOutcome {
        process_bytes(source, bytes, &Settings::new(Mode::Lines))
    }

    /// Lines with every decoding hazard, the bad ones past the first chunks.
    fn hazardous_lines() -> Vec<u8> {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        for i in 0..600 {
            let line = format!("Author{i} A. Title {i}. J Test. 2020;{i}:1-2.");
            bytes.extend_from_slice(line.as_bytes());
            match i % 4 {
                0 => bytes.extend_from_slice(b"\r\n"),
                1 => bytes.extend_from_slice(b"\n  \n"),
                2 => bytes.extend_from_slice(b"\r"),
                _ => bytes.push(b'\n'),
            }
            if i == 300 {
                bytes.extend_from_slice(b"Bad \xC3 byte B. T. J. 2021;1:2.\n");
            }
            if i == 200 {
                bytes.extend_from_slice(b"Nul\0 C. T. J. 2021;1:2.\n");
            }
            if i == 400 {
                bytes.extend_from_slice("Long D. ".repeat(3000).as_bytes());
                bytes.push(b'\n');
            }
        }
        bytes.extend_from_slice(b"No final line feed E. T. J. 2022;2:3.");
        bytes
    }

    #[test]
    fn streamed_pieces_equal_the_whole_document() {
        let bytes = hazardous_lines();
        assert!(bytes.len() > 4 * 8192);
        let (pieces, report) = streamed(&bytes, 8192);
        assert!(pieces.len() > 3, "{} pieces", pieces.len());
        assert!(pieces.iter().rev().skip(1).all(|p| p.more));
        assert!(pieces.last().is_some_and(|p| !p.more));
        let want = whole(&bytes, &report.source);
        let records: Vec<&Reference> = pieces.iter().flat_map(|p| &p.records).collect();
        let want_records: Vec<&Reference> = want.records.iter().collect();
        assert_eq!(records, want_records);
        assert_eq!(report, want.report);
        assert_eq!(report.warnings.len(), want.report.warnings.len());
        assert!(report.warnings.iter().any(|w| w.contains("UTF-8")), "{report:?}");
    }

    #[test]
    fn streamed_special_documents_equal_the_whole_document() {
        let cases: [&[u8]; 5] = [
            b"",
            b" \n\t\n",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01",
            b"\xFF\xFEA\0 \0B\0.\0\n\0",
            b"One A. T. J. 2020;1:2.",
        ];
        for bytes in cases {
            let (pieces, report) = streamed(bytes, 8192);
            assert_eq!(pieces.len(), 1, "{bytes:?}");
            let want = whole(bytes, &report.source);
            assert_eq!(pieces[0].records, want.records, "{bytes:?}");
            assert_eq!(report, want.report, "{bytes:?}");
        }
    }

    #[test]
    fn absorb_keeps_document_warnings_first() {
        let mut a = DocumentReport {
            references: 1,
            warnings: vec!["#1: odd".into()],
            ..DocumentReport::default()
        };
        a.absorb(DocumentReport {
            references: 2,
            warnings: vec!["not valid UTF-8".into(), "#3: odd".into()],
            ..DocumentReport::default()
        });
        assert_eq!(a.references, 3);
        assert_eq!(a.warnings, ["not valid UTF-8", "#1: odd", "#3: odd"]);
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
