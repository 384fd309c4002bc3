//! Throughput of each pipeline stage on realistic inputs.
//!
//! `cargo bench --bench throughput`. The reference strings are the real ones of
//! `../shared/data/gold/refs.jsonl` (or `$PUBREFS_SHARED_DATA/gold/refs.jsonl`) when
//! that file is present, else the synthetic references of `fixtures/pages`.

use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use pubrefs::emit::{self, Format};
use pubrefs::model::DocumentKind;

fn main() {
    divan::main();
}

/// Reference strings, one per line.
static LINES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let data =
        std::env::var("PUBREFS_SHARED_DATA").unwrap_or_else(|_| "../shared/data".into());
    let gold = std::path::Path::new(&data).join("gold/refs.jsonl");
    if let Ok(text) = std::fs::read_to_string(&gold) {
        return text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| {
                v["raw"]
                    .as_str()
                    .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            })
            .collect();
    }
    eprintln!("note: {} is absent; benchmarking the fixture references", gold.display());
    PAGES
        .iter()
        .flat_map(|p| pubrefs::extract(DocumentKind::TextPage, p).unwrap_or_default())
        .flat_map(|e| e.references.into_iter().map(|r| r.text))
        .collect()
});

/// The fixture pages.
static PAGES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut pages: Vec<String> = std::fs::read_dir("fixtures/pages")
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    pages
});

/// The parsed references, for the writers.
static REFS: LazyLock<Vec<pubrefs::Reference>> = LazyLock::new(|| {
    let mut keys = pubrefs::key::KeyGen::new();
    LINES
        .iter()
        .map(|l| {
            let mut r = pubrefs::parse_reference(l);
            keys.assign(&mut r);
            r
        })
        .collect()
});

#[divan::bench]
fn extract_text_pages(b: divan::Bencher) {
    let bytes: usize = PAGES.iter().map(String::len).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        PAGES
            .iter()
            .map(|p| {
                let docs = pubrefs::extract(DocumentKind::TextPage, divan::black_box(p));
                docs.map_or(0, |d| d.iter().map(|e| e.references.len()).sum::<usize>())
            })
            .sum::<usize>()
    });
}

#[divan::bench]
fn parse_references(b: divan::Bencher) {
    b.counter(ItemsCount::new(LINES.len())).bench(|| {
        LINES
            .iter()
            .map(|l| pubrefs::parse_reference(divan::black_box(l)).raw.len())
            .sum::<usize>()
    });
}

#[divan::bench(args = [Format::Bibtex, Format::Ris, Format::Csv, Format::CslJson, Format::Jsonl])]
fn emit_references(b: divan::Bencher, format: Format) {
    b.counter(ItemsCount::new(REFS.len()))
        .bench(|| emit::to_string(format, divan::black_box(&REFS)).len());
}

#[divan::bench]
fn batch_parse_lines(b: divan::Bencher) {
    let text = LINES.join("\n");
    b.counter(ItemsCount::new(LINES.len())).bench(|| {
        pubrefs::batch::process_bytes(
            "bench",
            divan::black_box(text.as_bytes()),
            &pubrefs::batch::Settings::new(pubrefs::batch::Mode::Lines),
        )
        .records
        .len()
    });
}

/// `pubrefs parse` end to end without the writers: a file of reference lines streamed
/// in chunks, parsed in parallel, keys assigned in order.
#[divan::bench]
fn batch_stream_lines(b: divan::Bencher) {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::io::Write::write_all(&mut file, LINES.join("\n").as_bytes()).expect("written");
    let input = pubrefs::batch::Input::File(file.path().to_owned());
    let settings = pubrefs::batch::Settings::new(pubrefs::batch::Mode::Lines);
    b.counter(ItemsCount::new(LINES.len())).bench(|| {
        let mut keys = pubrefs::key::KeyGen::new();
        let mut n = 0;
        let progress = pubrefs::batch::NoProgress;
        let _ = pubrefs::batch::stream_lines(&input, &settings, &progress, |piece| {
            for mut r in piece.records {
                keys.assign(&mut r);
                n += 1;
            }
            true
        });
        n
    });
}

#[divan::bench]
fn normalize_identifiers(b: divan::Bencher) {
    // Every DOI, PMID and PMCID the parser found, normalised again from its text form.
    let ids: Vec<String> = REFS
        .iter()
        .flat_map(|r| [r.doi.clone(), r.pmid.clone(), r.pmcid.clone()])
        .flatten()
        .collect();
    b.counter(ItemsCount::new(ids.len())).bench(|| {
        ids.iter()
            .filter(|s| {
                pubrefs::normalize::ident::normalize_doi(divan::black_box(s)).is_some()
                    || pubrefs::normalize::ident::normalize_pmcid(s).is_some()
            })
            .count()
    });
}

#[divan::bench]
fn normalize_pages(b: divan::Bencher) {
    let pages: Vec<String> =
        REFS.iter().filter_map(|r| r.pages.as_ref()).map(|p| p.to_string()).collect();
    b.counter(ItemsCount::new(pages.len())).bench(|| {
        pages
            .iter()
            .filter(|p| {
                pubrefs::normalize::pages::normalize_pages(divan::black_box(p)).is_some()
            })
            .count()
    });
}

#[divan::bench]
fn journals_apply(b: divan::Bencher) {
    let list = "../shared/data/journals/citation-style-language__abbreviations/ncbi/J_Sequence.txt";
    let Ok(list) = pubrefs::journals::JournalList::load(std::path::Path::new(list))
    else {
        eprintln!("note: the NLM journal list is absent; skipping journals_apply");
        return;
    };
    b.counter(ItemsCount::new(REFS.len())).bench(|| {
        let mut refs = REFS.clone();
        for r in &mut refs {
            list.apply(r);
        }
        refs.len()
    });
}

#[divan::bench]
fn dedup_references(b: divan::Bencher) {
    b.counter(ItemsCount::new(2 * REFS.len())).bench(|| {
        let mut d = pubrefs::dedup::Dedup::new();
        for r in REFS.iter().chain(REFS.iter()) {
            d.add(r.clone());
        }
        d.merged()
    });
}
