//! Write a synthetic corpus of PubMed-like pages for benchmarks and scale tests.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- 10000 /tmp/corpus
//! ```
//!
//! Writes N pages of each input kind under DIR: `text/` (reader view, every entry `1.`),
//! `lynx/` (wrapped at 79 columns with nested numbering), `html/` (saved article pages),
//! `xml/` (efetch XML, one article per file), and `lines.txt` (every reference, one per
//! line). Reference lists have 5 to 80 entries in the NLM style PubMed prints, with
//! collective authors, et al., e-locators, DOIs and link labels. Deterministic: the same
//! N gives the same bytes.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FAMILY: &[&str] = &[
    "Smith",
    "Wang",
    "Zhang",
    "Li",
    "Müller",
    "García-López",
    "Nguyen",
    "Kim",
    "O'Brien",
    "van der Berg",
    "de la Cruz",
    "Kowalski",
    "Rossi",
    "Tanaka",
    "Johansson",
    "Okafor",
    "Ferreira",
    "Dubois",
    "Novak",
    "Papadopoulos",
    "Ivanova",
    "Singh",
    "Cohen",
    "Haddad",
];
const INITIALS: &[&str] =
    &["J", "A", "M", "RL", "KM", "X", "Y", "JH", "S", "P", "T", "E", "DA"];
const WORDS: &[&str] = &[
    "cancer",
    "cells",
    "expression",
    "patients",
    "therapy",
    "outcomes",
    "trial",
    "risk",
    "association",
    "analysis",
    "protein",
    "mutations",
    "inflammation",
    "receptor",
    "HER2",
    "COVID-19",
    "mortality",
    "cohort",
    "signalling",
    "β-cell",
    "function",
    "immune",
    "response",
    "children",
    "treatment",
    "resistance",
    "genome-wide",
    "screening",
];
const JOURNALS: &[&str] = &[
    "N Engl J Med",
    "Lancet",
    "JAMA",
    "Nature",
    "Science",
    "Cell",
    "BMJ",
    "PLoS One",
    "J Clin Oncol",
    "CA Cancer J Clin",
    "Nat Med",
    "Sci Rep",
    "Front Immunol",
    "Clin Infect Dis",
    "Ann Intern Med",
    "Cancer Treat Rev",
    "J Biol Chem",
];
const GROUPS: &[&str] = &[
    "World Health Organization",
    "GBD 2019 Collaborators",
    "National Comprehensive Cancer Network",
    "The RECOVERY Collaborative Group",
];
const MONTHS: &[&str] =
    &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// One reference: its NLM text and its identifiers.
struct Ref {
    text: String,
    doi: Option<String>,
    pmid: Option<u32>,
    pmcid: Option<u32>,
}

fn reference(rng: &mut Rng) -> Ref {
    let mut t = String::new();
    if rng.below(12) == 0 {
        t.push_str(rng.pick(GROUPS));
    } else {
        let n = 1 + rng.below(6);
        for i in 0..n {
            if i > 0 {
                t.push_str(", ");
            }
            let _ = write!(t, "{} {}", rng.pick(FAMILY), rng.pick(INITIALS));
        }
        if n >= 3 && rng.below(2) == 0 {
            t.push_str(", et al");
        }
    }
    t.push_str(". ");
    let words = 5 + rng.below(14);
    for i in 0..words {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            let first = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>())
                .unwrap_or_default();
            t.push_str(&first);
            t.push_str(c.as_str());
        } else {
            t.push(' ');
            t.push_str(w);
        }
    }
    t.push_str(if rng.below(10) == 0 { "? " } else { ". " });
    let year = 1990 + rng.below(35);
    let volume = 1 + rng.below(400);
    let first = 1 + rng.below(3000);
    let _ = write!(t, "{}. {year}", rng.pick(JOURNALS));
    if rng.below(2) == 0 {
        let _ = write!(t, " {}", rng.pick(MONTHS));
    }
    let _ = write!(t, ";{volume}");
    if rng.below(3) > 0 {
        let _ = write!(t, "({})", 1 + rng.below(12));
    }
    if rng.below(8) == 0 {
        let _ = write!(t, ":e{:07}.", rng.below(10_000_000));
    } else {
        let _ = write!(t, ":{first}-{}.", (first + 1 + rng.below(20)) % 1000);
    }
    let doi = (rng.below(3) > 0).then(|| {
        format!("10.{}/x{}.{}", 1000 + rng.below(9000), year, rng.next() % 100_000)
    });
    if let Some(d) = &doi
        && rng.below(2) == 0
    {
        let _ = write!(t, " doi: {d}.");
    }
    let pmid = (rng.below(5) > 0).then(|| 1_000_000 + (rng.next() % 38_000_000) as u32);
    let pmcid = (rng.below(3) == 0).then(|| 1_000_000 + (rng.next() % 11_000_000) as u32);
    Ref { text: t, doi, pmid, pmcid }
}

fn labels(r: &Ref) -> String {
    let mut s = String::new();
    if r.doi.is_some() {
        s.push_str(" - DOI");
    }
    if r.pmcid.is_some() {
        s.push_str(" - PMC");
    }
    if r.pmid.is_some() {
        s.push_str(" - PubMed");
    }
    s
}

fn wrap(text: &str, first_indent: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(first_indent);
    let mut fresh = true;
    for word in text.split(' ') {
        if !fresh && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = String::from(indent);
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(word);
        fresh = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) =
        (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2))
    else {
        eprintln!("usage: gen-corpus N DIR");
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    for sub in ["text", "lynx", "html", "xml"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    let mut lines =
        std::io::BufWriter::new(std::fs::File::create(dir.join("lines.txt"))?);
    let mut rng = Rng(42);
    for i in 0..n {
        let pmid = 30_000_000 + i as u32;
        let count = 5 + rng.below(76);
        let refs: Vec<Ref> = (0..count).map(|_| reference(&mut rng)).collect();
        for r in &refs {
            writeln!(lines, "{}", r.text)?;
        }
        let title = format!(
            "Synthetic article {i} on {} and {}",
            rng.pick(WORDS),
            rng.pick(WORDS)
        );

        let mut text = format!(
            "Skip to main page content\n\nReview\n. 2023 May 2;4:{pmid}.\ndoi: 10.9999/synthetic.{i}.\n\n{title}\n\nAffiliations\n\nAda Example et al. J Synth Biblio. .\n\nAbstract\n\nGenerated text, not an abstract.\n\nReferences\n\n"
        );
        for r in &refs {
            let _ = writeln!(text, "    1. {}{}", r.text, labels(r));
        }
        text.push_str("\nPublication types\n\n    Review\n");
        std::fs::write(dir.join("text").join(format!("{pmid}.txt")), &text)?;

        let mut lynx = format!(
            "   (BUTTON) J Synth Biblio\n   Actions\n\n   . 2023 May 2;4:{pmid}.\n   doi: 10.9999/synthetic.{i}.\n\n{title}\n\n     * PMID: {pmid}\n\nReferences\n\n"
        );
        for (k, r) in refs.iter().enumerate() {
            let _ = writeln!(lynx, "   {:>2}.", k + 1);
            lynx.push_str(&wrap(
                &format!("{}{}", r.text, labels(r)),
                "         1. ",
                "            ",
                79,
            ));
        }
        lynx.push_str("\nPublication types\n");
        std::fs::write(dir.join("lynx").join(format!("{pmid}.txt")), &lynx)?;

        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta name=\"citation_title\" content=\"{}\"><meta name=\"citation_pmid\" content=\"{pmid}\"><meta name=\"citation_doi\" content=\"10.9999/synthetic.{i}\"><meta name=\"citation_journal_abbrev\" content=\"J Synth Biblio\"></head><body><main><h1 class=\"heading-title\">{}</h1>\n<div class=\"references\" id=\"references\"><h2 class=\"title\">References</h2><div class=\"references-lists-container\" id=\"top-references-list\"><ol class=\"references-list\" id=\"top-references-list-1\">\n",
            escape(&title),
            escape(&title)
        );
        for r in &refs {
            let _ = write!(
                html,
                "<li><ol class=\"references-and-notes-list\"><li class=\"skip-numbering\" value=\"1\">\n  {}",
                escape(&r.text)
            );
            if let Some(d) = &r.doi {
                let _ = write!(
                    html,
                    " - <a class=\"reference-link\" data-ga-action=\"{d}\" href=\"https://doi.org/{}\">DOI</a>",
                    d.to_lowercase()
                );
            }
            if let Some(p) = r.pmcid {
                let _ = write!(
                    html,
                    " - <a class=\"reference-link\" href=\"https://www.ncbi.nlm.nih.gov/pmc/articles/pmc{p}/\">PMC</a>"
                );
            }
            if let Some(p) = r.pmid {
                let _ = write!(
                    html,
                    " - <a class=\"reference-link\" href=\"/{p}/\">PubMed</a>"
                );
            }
            html.push_str("\n</li></ol></li>\n");
        }
        html.push_str("</ol></div></div></main></body></html>\n");
        std::fs::write(dir.join("html").join(format!("{pmid}.html")), &html)?;

        let mut xml = format!(
            "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">{pmid}</PMID><Article PubModel=\"Print\"><Journal><Title>Journal of Synthetic Bibliography</Title><ISOAbbreviation>J Synth Biblio</ISOAbbreviation><JournalIssue><Volume>4</Volume><PubDate><Year>2023</Year><Month>May</Month></PubDate></JournalIssue></Journal><ArticleTitle>{}</ArticleTitle><AuthorList><Author><LastName>Example</LastName><ForeName>Ada</ForeName><Initials>A</Initials></Author></AuthorList></Article></MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">{pmid}</ArticleId><ArticleId IdType=\"doi\">10.9999/synthetic.{i}</ArticleId></ArticleIdList><ReferenceList>\n",
            escape(&title)
        );
        for r in &refs {
            let _ = write!(xml, "<Reference><Citation>{}</Citation>", escape(&r.text));
            if r.doi.is_some() || r.pmid.is_some() || r.pmcid.is_some() {
                xml.push_str("<ArticleIdList>");
                if let Some(p) = r.pmid {
                    let _ = write!(xml, "<ArticleId IdType=\"pubmed\">{p}</ArticleId>");
                }
                if let Some(d) = &r.doi {
                    let _ = write!(xml, "<ArticleId IdType=\"doi\">{d}</ArticleId>");
                }
                if let Some(p) = r.pmcid {
                    let _ = write!(xml, "<ArticleId IdType=\"pmc\">PMC{p}</ArticleId>");
                }
                xml.push_str("</ArticleIdList>");
            }
            xml.push_str("</Reference>\n");
        }
        xml.push_str(
            "</ReferenceList></PubmedData></PubmedArticle>\n</PubmedArticleSet>\n",
        );
        std::fs::write(dir.join("xml").join(format!("{pmid}.xml")), &xml)?;
    }
    lines.flush()?;
    eprintln!("wrote {n} pages of each kind under {}", dir.display());
    Ok(())
}
