//! The `pubrefs` command line: glue between the arguments, the library's batch driver,
//! the writers and the terminal. Exit status: 0 all inputs processed, 1 some input (or,
//! with `--strict`, some reference) failed, 2 usage error or nothing could be done.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use pubrefs::batch::{
    self, DocumentOutcome, DocumentReport, Include, Input, Mode, Progress, Settings,
};
use pubrefs::dedup::Dedup;
use pubrefs::emit::{self, Emit, Format};
use pubrefs::journals::JournalList;
use pubrefs::key::KeyGen;
use pubrefs::library::Library;

/// Turn scraped PubMed pages into clean bibliographies (BibTeX, RIS, CSV, CSL-JSON).
#[derive(Parser, Debug)]
#[command(name = "pubrefs", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Convert pages, references fragments and efetch XML (files or folders; `-` or
    /// nothing reads stdin).
    Convert {
        #[command(flatten)]
        common: Common,
        /// Which records to emit: the references, the citing article, or both.
        #[arg(long, value_enum, default_value_t = IncludeArg::References)]
        include: IncludeArg,
        /// One entry per distinct work across all inputs (same DOI, else PMID, else
        /// first author + year + title), listing the articles that cite it.
        #[arg(long)]
        dedup: bool,
        /// Your existing BibTeX library: works already in it keep their key and are not
        /// emitted again.
        #[arg(long, value_name = "LIBRARY.bib")]
        merge_with: Option<PathBuf>,
        /// With --merge-with: emit the union of the library and the new works.
        #[arg(long, requires = "merge_with")]
        all: bool,
    },
    /// Parse reference strings, one per line (files; nothing reads stdin).
    Parse {
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Args, Debug)]
struct Common {
    /// Input files or folders (recursive); `-` or none reads stdin.
    inputs: Vec<PathBuf>,
    /// Output formats, comma-separated: bibtex, ris, csv, csljson, jsonl. Default: from
    /// the extension of -o (.bib .ris .csv .json .jsonl), else bibtex.
    #[arg(short = 't', long = "to", value_delimiter = ',')]
    to: Vec<Format>,
    /// A file (one format) or a directory (one file per format: references.bib, ...).
    /// Default: stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Write a JSON-lines report, one object per input document.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Progress bar on stderr: auto shows it only on a terminal.
    #[arg(long, value_enum, default_value_t = ProgressArg::Auto)]
    progress: ProgressArg,
    /// No summary line.
    #[arg(short, long)]
    quiet: bool,
    /// A reference that is only partly parsed counts as a failure (exit status 1).
    #[arg(long)]
    strict: bool,
    /// A journal list (NLM J_Medline/J_Entrez/J_Sequence text, JabRef CSV or CSL
    /// abbreviation JSON): full titles, abbreviations and ISSNs.
    #[arg(long, value_name = "FILE")]
    journals: Option<PathBuf>,
}

/// The options of `convert` that only it has.
#[derive(Default)]
struct ConvertOnly {
    dedup: bool,
    merge_with: Option<PathBuf>,
    all: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum IncludeArg {
    References,
    Article,
    Both,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ProgressArg {
    Auto,
    Always,
    Never,
}

/// mimalloc: the parser makes many short-lived small allocations per reference, and
/// glibc's malloc and free were a tenth of the instructions of `pubrefs parse`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The buffer of each output file: a batch writes hundreds of megabytes, and the
/// standard 8 KiB made a `write` call for every few records.
const OUTPUT_BUFFER: usize = 1 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("pubrefs: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    fn io_broken(e: &io::Error) -> bool {
        e.kind() == io::ErrorKind::BrokenPipe
            || e.get_ref()
                .and_then(|inner| inner.downcast_ref::<serde_json::Error>())
                .is_some_and(|j| j.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    }
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(io_broken)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let (mode, common, include, only) = match cli.command {
        Command::Convert { common, include, dedup, merge_with, all } => {
            let include = match include {
                IncludeArg::References => Include::References,
                IncludeArg::Article => Include::Article,
                IncludeArg::Both => Include::Both,
            };
            (Mode::Convert, common, include, ConvertOnly { dedup, merge_with, all })
        }
        Command::Parse { common } => {
            (Mode::Lines, common, Include::References, ConvertOnly::default())
        }
    };
    if let Some(jobs) = common.jobs {
        if jobs == 0 {
            bail!("--jobs must be at least 1");
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    let started = Instant::now();
    let journals = match &common.journals {
        Some(p) => Some(JournalList::load(p).with_context(|| p.display().to_string())?),
        None => None,
    };
    let library = match &only.merge_with {
        Some(p) => Some(Library::load(p).with_context(|| p.display().to_string())?),
        None => None,
    };
    let settings = Settings { mode, include, journals };
    let formats = formats(&common)?;
    let (inputs, walk_errors) = batch::collect_inputs(&common.inputs);
    for e in &walk_errors {
        eprintln!("{e}");
    }
    check_not_overwriting_inputs(&inputs, &common, &formats)?;
    let mut pending = Pending::default();
    let mut outputs = Outputs::open(&formats, common.output.as_deref(), &mut pending)?;
    let mut report = match &common.report {
        Some(p) => Some(pending.create(p)?),
        None => None,
    };

    let bar = progress_bar(common.progress, inputs.len());
    let progress = BarProgress { bar: bar.clone(), refs: AtomicUsize::new(0) };
    let mut keys = KeyGen::new();
    if let Some(lib) = &library {
        for e in lib.entries() {
            keys.reserve(&e.key);
        }
    }
    let mut totals = Totals::default();
    let mut dedup = only.dedup.then(Dedup::new);
    let mut in_library = 0usize;
    let mut cited_library_keys = std::collections::HashSet::new();
    // The report of a document that comes in pieces, absorbed piece by piece.
    let mut partial_report: Option<DocumentReport> = None;
    let result = batch::run(&inputs, &settings, &progress, |outcome: DocumentOutcome| {
        bar.suspend(|| print_messages(&outcome.report));
        totals.add(&outcome);
        if let Some(rep) = report.as_mut() {
            report_line(rep, &mut partial_report, &outcome)?;
        }
        let mut records = Vec::with_capacity(outcome.records.len());
        for mut r in outcome.records {
            if let Some(key) = library.as_ref().and_then(|lib| lib.find(&r)) {
                in_library += 1;
                if !only.all {
                    continue;
                }
                if !cited_library_keys.insert(key.to_owned()) {
                    // Emitted once already under the library's key.
                    continue;
                }
                r.key = key.to_owned();
            }
            records.push(r);
        }
        match dedup.as_mut() {
            Some(d) => records.into_iter().for_each(|r| d.add(r)),
            None => {
                for r in records.iter_mut().filter(|r| r.key.is_empty()) {
                    keys.assign(r);
                }
                outputs.emit(&records)?;
            }
        }
        anyhow::Ok(())
    });
    bar.finish_and_clear();
    result?;
    if let Some(d) = dedup {
        totals.merged = Some(d.merged());
        let mut works = d.into_works();
        for r in &mut works {
            if r.key.is_empty() {
                keys.assign(r);
            }
        }
        outputs.emit(&works)?;
    }
    if let (Some(lib), true) = (&library, only.all) {
        // The union: the library's own entries not cited in this batch come last.
        let rest: Vec<pubrefs::Reference> = lib
            .entries()
            .iter()
            .filter(|e| !cited_library_keys.contains(&e.key))
            .cloned()
            .collect();
        outputs.emit(&rest)?;
    }
    if library.is_some() {
        totals.in_library = Some(in_library);
    }
    outputs.finish()?;
    if let Some(mut rep) = report {
        rep.flush()?;
    }
    pending.commit()?;
    totals.failed += walk_errors.len();
    if !common.quiet {
        eprintln!("{}", totals.summary(started.elapsed().as_secs_f64()));
    }
    let documents = totals.documents + walk_errors.len();
    let code = if documents > 0 && totals.failed == documents {
        2
    } else if totals.failed > 0 || (common.strict && totals.partial + totals.raw > 0) {
        1
    } else {
        0
    };
    Ok(ExitCode::from(code))
}

/// The formats asked for: `--to`, else the extension of `-o`, else BibTeX.
fn formats(common: &Common) -> anyhow::Result<Vec<Format>> {
    let mut formats = common.to.clone();
    if formats.is_empty() {
        let from_ext = common
            .output
            .as_deref()
            .filter(|p| !p.is_dir())
            .and_then(|p| p.extension())
            .and_then(|e| Format::from_extension(&e.to_string_lossy()));
        formats.push(from_ext.unwrap_or(Format::Bibtex));
    }
    formats.sort();
    formats.dedup();
    if formats.len() > 1 && common.output.is_none() {
        bail!("several formats need a directory: add -o DIR");
    }
    Ok(formats)
}

/// Refuse to write an output over one of the inputs.
fn check_not_overwriting_inputs(
    inputs: &[Input],
    common: &Common,
    formats: &[Format],
) -> anyhow::Result<()> {
    let mut targets: Vec<PathBuf> = Vec::new();
    if let Some(o) = &common.output {
        if is_dir_target(o, formats) {
            targets.extend(
                formats.iter().map(|f| o.join(format!("references.{}", f.extension()))),
            );
        } else {
            targets.push(o.clone());
        }
    }
    targets.extend(common.report.iter().cloned());
    // Only a target that exists already can be one of the inputs; each is looked up
    // once, and each input costs one `stat` when there is any.
    let existing: Vec<(batch::FileId, &PathBuf)> =
        targets.iter().filter_map(|t| Some((batch::FileId::of(t)?, t))).collect();
    if existing.is_empty() {
        return Ok(());
    }
    for input in inputs {
        if let Input::File(p) = input
            && let Some(id) = batch::FileId::of(p)
            && let Some((_, t)) = existing.iter().find(|(target, _)| *target == id)
        {
            bail!("{}: the output would overwrite this input", t.display());
        }
    }
    Ok(())
}

fn is_dir_target(o: &Path, formats: &[Format]) -> bool {
    o.is_dir() || formats.len() > 1 || o.as_os_str().to_string_lossy().ends_with('/')
}

/// Write the `--report` line of a document once its last piece is in; the pieces of a
/// streamed document are absorbed into `pending` until then.
fn report_line(
    rep: &mut impl Write,
    pending: &mut Option<DocumentReport>,
    outcome: &DocumentOutcome,
) -> anyhow::Result<()> {
    if !outcome.more && pending.is_none() {
        serde_json::to_writer(&mut *rep, &outcome.report)?;
    } else {
        pending
            .get_or_insert_with(DocumentReport::default)
            .absorb(outcome.report.clone());
        if outcome.more {
            return Ok(());
        }
        if let Some(whole) = pending.take() {
            serde_json::to_writer(&mut *rep, &whole)?;
        }
    }
    rep.write_all(b"\n")?;
    Ok(())
}

/// Print a document's errors and warnings as `PATH[:ENTRY]: message`.
fn print_messages(r: &DocumentReport) {
    let mut err = io::stderr().lock();
    for e in &r.errors {
        let _ = writeln!(err, "{}: error: {e}", r.source);
    }
    for w in &r.warnings {
        match w.strip_prefix('#').and_then(|w| w.split_once(": ")) {
            Some((ordinal, msg)) => {
                let _ = writeln!(err, "{}:{ordinal}: warning: {msg}", r.source);
            }
            None => {
                let _ = writeln!(err, "{}: warning: {w}", r.source);
            }
        }
    }
}

/// Running counts for the summary line and the exit status.
#[derive(Default)]
struct Totals {
    /// The document whose pieces are coming in failed in an earlier piece.
    failing: bool,
    documents: usize,
    references: usize,
    parsed: usize,
    partial: usize,
    raw: usize,
    truncated: usize,
    failed: usize,
    merged: Option<usize>,
    in_library: Option<usize>,
}

impl Totals {
    /// Count a document, or a piece of one (the document counts with its last piece).
    fn add(&mut self, o: &DocumentOutcome) {
        let r = &o.report;
        self.references += r.references;
        self.parsed += r.parsed;
        self.partial += r.partial;
        self.raw += r.raw;
        self.failing |= o.failed();
        if !o.more {
            self.documents += 1;
            self.truncated += usize::from(r.truncated);
            self.failed += usize::from(std::mem::take(&mut self.failing));
        }
    }

    fn summary(&self, seconds: f64) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            format!("{n} {}", if n == 1 { one } else { many })
        };
        let raw =
            if self.raw > 0 { format!(", {} raw", self.raw) } else { String::new() };
        let mut extra = String::new();
        if let Some(m) = self.merged {
            extra.push_str(&format!(", {m} merged as duplicates"));
        }
        if let Some(l) = self.in_library {
            extra.push_str(&format!(", {l} already in the library"));
        }
        format!(
            "{}, {} ({} parsed, {} partial{raw}){extra}, {}, {} failed, {seconds:.1} s",
            plural(self.documents, "document", "documents"),
            plural(self.references, "reference", "references"),
            self.parsed,
            self.partial,
            plural(self.truncated, "truncated page", "truncated pages"),
            self.failed,
        )
    }
}

/// Output files are written under a temporary name beside their final path and renamed
/// into place when complete, so a crash never leaves a half-written output. Temporary
/// files not committed are removed on drop.
#[derive(Default)]
struct Pending {
    files: Vec<(PathBuf, PathBuf)>,
}

impl Pending {
    /// Create the temporary file for `path`.
    fn create(&mut self, path: &Path) -> anyhow::Result<BufWriter<File>> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp =
            path.with_file_name(format!(".{name}.pubrefs-{}.tmp", std::process::id()));
        let file = File::create(&tmp)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        self.files.push((tmp, path.to_owned()));
        Ok(BufWriter::with_capacity(OUTPUT_BUFFER, file))
    }

    /// Rename every temporary file into place.
    fn commit(&mut self) -> anyhow::Result<()> {
        for (tmp, path) in std::mem::take(&mut self.files) {
            std::fs::rename(&tmp, &path)
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        for (tmp, _) in &self.files {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Where the writers write: stdout, one file, or one file per format in a directory.
struct Outputs {
    writers: Vec<Box<dyn Emit>>,
}

impl Outputs {
    fn open(
        formats: &[Format],
        output: Option<&Path>,
        pending: &mut Pending,
    ) -> anyhow::Result<Outputs> {
        let mut out = Outputs { writers: Vec::new() };
        let Some(o) = output else {
            let stdout = BufWriter::new(io::stdout().lock());
            out.writers.push(emit::emitter(formats[0], stdout));
            return Ok(out);
        };
        let paths: Vec<(Format, PathBuf)> = if is_dir_target(o, formats) {
            std::fs::create_dir_all(o).with_context(|| {
                format!("{}: cannot create the output directory", o.display())
            })?;
            formats
                .iter()
                .map(|&f| (f, o.join(format!("references.{}", f.extension()))))
                .collect()
        } else {
            vec![(formats[0], o.to_owned())]
        };
        for (format, path) in paths {
            out.writers.push(emit::emitter(format, pending.create(&path)?));
        }
        Ok(out)
    }

    fn emit(&mut self, records: &[pubrefs::Reference]) -> anyhow::Result<()> {
        // csljson and jsonl together: each CSL item rendered once for both
        if self.writers.iter().filter(|w| w.wants_csl()).count() >= 2 {
            let mut csl = Vec::new();
            for r in records {
                emit::csl_item(&mut csl, r);
                for w in &mut self.writers {
                    if w.wants_csl() {
                        w.emit_with_csl(r, &csl)?;
                    } else {
                        w.emit(r)?;
                    }
                }
            }
            return Ok(());
        }
        for w in &mut self.writers {
            for r in records {
                w.emit(r)?;
            }
        }
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<()> {
        for w in &mut self.writers {
            w.finish()?;
        }
        Ok(())
    }
}

fn progress_bar(mode: ProgressArg, len: usize) -> ProgressBar {
    let show = match mode {
        ProgressArg::Always => true,
        ProgressArg::Never => false,
        ProgressArg::Auto => io::stderr().is_terminal(),
    };
    if !show {
        return ProgressBar::hidden();
    }
    let bar =
        ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{bar:30} {pos}/{len} documents, {msg} references, {per_sec}, ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// Feeds the progress bar from the worker threads.
struct BarProgress {
    bar: ProgressBar,
    refs: AtomicUsize,
}

impl Progress for BarProgress {
    fn document_done(&self, report: &DocumentReport) {
        self.piece_done(report);
        self.bar.inc(1);
    }

    fn piece_done(&self, report: &DocumentReport) {
        let n =
            self.refs.fetch_add(report.references, Ordering::Relaxed) + report.references;
        self.bar.set_message(n.to_string());
    }
}
