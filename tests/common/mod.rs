//! Shared fixtures for the writer tests: references built in code (the parser is not a
//! dependency of these tests). Bibliographic facts are real where a real work is
//! named; titles with LaTeX specials and the partial/raw texts are synthetic.

#![allow(dead_code)]

use pubrefs::key::KeyGen;
use pubrefs::{CitingRef, Date, Name, Origin, Pages, Person, RefType, Reference, Status};

/// A person with a family name and given initials.
pub fn person(family: &str, given: &str) -> Name {
    Name::Person(Person::new(family, given))
}

/// A date.
pub fn date(year: i32, month: Option<u8>, day: Option<u8>) -> Option<Date> {
    Some(Date { year, month, day })
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

fn origin(ordinal: u32) -> Origin {
    Origin { source: "fixtures/page.txt".into(), ordinal, span: 0..0 }
}

/// The fixture references, in order, with keys assigned by [`KeyGen`].
pub fn references() -> Vec<Reference> {
    let citing = Some(CitingRef {
        pmid: some("32000000"),
        doi: some("10.1000/citing.2020.1"),
        title: some("A citing article"),
    });
    let mut refs = vec![
        // 1. Plain journal article: 3 authors + et al., full date, identifiers.
        Reference {
            kind: RefType::Article,
            authors: vec![
                person("Sung", "H."),
                person("Ferlay", "J."),
                person("Siegel", "R. L."),
            ],
            et_al: true,
            title: some(
                "Global cancer statistics 2020: GLOBOCAN estimates of incidence and \
                 mortality worldwide for 36 cancers in 185 countries",
            ),
            container: some("CA: A Cancer Journal for Clinicians"),
            container_short: some("CA Cancer J Clin"),
            date: date(2021, Some(5), None),
            volume: some("71"),
            issue: some("3"),
            pages: Some(Pages { first: "209".into(), last: Some("249".into()) }),
            doi: some("10.3322/caac.21660"),
            pmid: some("33538338"),
            issn: some("0007-9235"),
            raw: "Sung H, Ferlay J, Siegel RL, et al. Global cancer statistics 2020: \
                  GLOBOCAN estimates of incidence and mortality worldwide for 36 cancers \
                  in 185 countries. CA Cancer J Clin. 2021;71(3):209-249."
                .into(),
            origin: origin(1),
            citing: citing.clone(),
            ..Reference::default()
        },
        // 2. Collective author, web page with URL, month/day date, note.
        Reference {
            kind: RefType::Web,
            authors: vec![Name::Literal("World Health Organization".into())],
            title: some("Coronavirus disease 2019 (COVID-19): situation report – 51"),
            container: some("WHO"),
            date: date(2020, Some(3), Some(11)),
            url: some(
                "https://www.who.int/docs/default-source/coronaviruse/situation-reports/\
                 20200311-sitrep-51-covid-19.pdf?sfvrsn=1ba62e57_10#page=2%20x~y",
            ),
            note: some("Accessed 8 March 2020"),
            raw: "World Health Organization. Coronavirus disease 2019 (COVID-19): \
                  situation report – 51. 2020 Mar 11."
                .into(),
            origin: origin(2),
            citing: citing.clone(),
            ..Reference::default()
        },
        // 3. Particles and suffixes, article number, PMCID.
        Reference {
            kind: RefType::Article,
            authors: vec![
                Name::Person(Person {
                    family: "Walt".into(),
                    given: "S.".into(),
                    particle: Some("van der".into()),
                    suffix: None,
                }),
                person("Schönberger", "J. L."),
                Name::Person(Person {
                    family: "Cruz".into(),
                    given: "M.".into(),
                    particle: Some("de la".into()),
                    suffix: None,
                }),
                Name::Person(Person {
                    family: "King".into(),
                    given: "M. L.".into(),
                    particle: None,
                    suffix: Some("Jr".into()),
                }),
                person("Garcia Lopez", "A."),
            ],
            title: some("scikit-image: image processing in Python"),
            container: some("PeerJ"),
            date: date(2014, Some(6), Some(19)),
            volume: some("2"),
            pages: Some(Pages { first: "e453".into(), last: None }),
            doi: some("10.7717/peerj.453"),
            pmid: some("25024921"),
            pmcid: some("PMC4081273"),
            raw: "van der Walt S, Schönberger JL, de la Cruz M, King ML Jr, Garcia Lopez A. \
                  scikit-image: image processing in Python. PeerJ. 2014;2:e453."
                .into(),
            origin: origin(3),
            ..Reference::default()
        },
        // 4. LaTeX specials everywhere (synthetic).
        Reference {
            kind: RefType::Article,
            authors: vec![person("O'Brien", "K."), Name::Literal("R&D Group_1".into())],
            title: some(
                "Costs & outcomes: 50% of {HER2} cases_#1 at $5 ~ x^2 \\ path {unbalanced",
            ),
            container: some("J Stat_Comp & Sim"),
            date: date(2019, None, None),
            volume: some("12"),
            issue: some("4"),
            pages: Some(Pages { first: "101".into(), last: Some("109".into()) }),
            doi: some("10.1000/a_b%c#d~e"),
            raw: "O'Brien K, R&D Group_1. Costs & outcomes. J Stat_Comp & Sim. 2019;12(4):101-9."
                .into(),
            origin: origin(4),
            ..Reference::default()
        },
        // 5. Unicode: accents, Greek, CJK, en dash.
        Reference {
            kind: RefType::Article,
            authors: vec![person("Müller", "É."), person("张", "伟"), person("Ζαχαρίου", "Α.")],
            title: some("β-cell function in type 2 diabetes – a review of 糖尿病 cohorts"),
            container: some("Diabetologia"),
            date: date(2018, Some(12), None),
            volume: some("61"),
            issue: some("12"),
            pages: Some(Pages { first: "2461".into(), last: Some("2498".into()) }),
            doi: some("10.1007/s00125-018-4729-5"),
            raw: "Müller É, 张伟, Ζαχαρίου Α. β-cell function in type 2 diabetes – a review \
                  of 糖尿病 cohorts. Diabetologia. 2018;61(12):2461–98."
                .into(),
            origin: origin(5),
            ..Reference::default()
        },
        // 6. Book with editors only.
        Reference {
            kind: RefType::Book,
            editors: vec![person("Higgins", "J. P. T."), person("Green", "S.")],
            title: some("Cochrane handbook for systematic reviews of interventions"),
            date: date(2008, None, None),
            publisher: some("Wiley-Blackwell"),
            place: some("Chichester"),
            edition: some("2nd"),
            raw: "Higgins JPT, Green S, editors. Cochrane handbook for systematic reviews \
                  of interventions. 2nd ed. Chichester: Wiley-Blackwell; 2008."
                .into(),
            origin: origin(6),
            ..Reference::default()
        },
        // 7. Chapter in an edited book.
        Reference {
            kind: RefType::Chapter,
            authors: vec![person("Rothman", "K. J.")],
            editors: vec![person("Rothman", "K. J."), person("Greenland", "S.")],
            title: some("Causation and causal inference"),
            container: some("Modern epidemiology"),
            date: date(2008, None, None),
            pages: Some(Pages { first: "5".into(), last: Some("31".into()) }),
            publisher: some("Lippincott Williams & Wilkins"),
            place: some("Philadelphia"),
            edition: some("3rd"),
            raw: "Rothman KJ. Causation and causal inference. In: Rothman KJ, Greenland S, \
                  editors. Modern epidemiology. 3rd ed. Philadelphia: Lippincott Williams & \
                  Wilkins; 2008. p. 5-31."
                .into(),
            origin: origin(7),
            ..Reference::default()
        },
        // 8. Partial: some fields found, raw text kept in the note.
        Reference {
            kind: RefType::Article,
            authors: vec![person("Chen", "N.")],
            title: some("Epidemiological and clinical characteristics of 99 cases"),
            date: date(2020, None, None),
            status: Status::Partial,
            raw: "Chen N. Epidemiological and clinical characteristics of 99 cases \
                  {in press} 2020; see also: 50% & more"
                .into(),
            origin: origin(8),
            ..Reference::default()
        },
        // 9. Raw: nothing parsed.
        Reference {
            kind: RefType::Document,
            status: Status::Raw,
            raw: "Personal communication, Dr. X_Y, 2 March 2020 ~ unpublished".into(),
            origin: origin(9),
            ..Reference::default()
        },
        // 10. Missing fields: a title and a journal only.
        Reference {
            kind: RefType::Article,
            title: some("Untitled report on mRNA stability"),
            container: some("Nature"),
            raw: "Untitled report on mRNA stability. Nature.".into(),
            origin: origin(10),
            ..Reference::default()
        },
        // 11. Same key base as #1 (made unique with `a`), conference paper.
        Reference {
            kind: RefType::Conference,
            authors: vec![person("Sung", "H.")],
            title: some("Global burden of cancer"),
            container: some("Proceedings of the AACR Annual Meeting 2021"),
            date: date(2021, Some(4), Some(10)),
            pages: Some(Pages { first: "12".into(), last: None }),
            raw: "Sung H. Global burden of cancer. Proceedings of the AACR Annual Meeting \
                  2021; 2021 Apr 10. p. 12."
                .into(),
            origin: origin(11),
            ..Reference::default()
        },
        // 12. Thesis.
        Reference {
            kind: RefType::Thesis,
            authors: vec![person("Nguyen", "T.")],
            title: some("Machine learning for PubMed reference parsing"),
            date: date(2022, None, None),
            publisher: some("University of Example"),
            place: some("Springfield"),
            raw: "Nguyen T. Machine learning for PubMed reference parsing [dissertation]. \
                  Springfield: University of Example; 2022."
                .into(),
            origin: origin(12),
            ..Reference::default()
        },
    ];
    let mut keys = KeyGen::new();
    for r in &mut refs {
        keys.assign(r);
    }
    refs
}

/// Every entry of `out` has each field at most once, and braces that balance the way
/// BibTeX counts them (a backslash does not hide a brace from BibTeX).
pub fn assert_well_formed_bibtex(out: &str) {
    for entry in out.split("\n@").filter(|e| !e.trim().is_empty()) {
        let mut names: Vec<&str> = entry
            .lines()
            .skip(1)
            .filter_map(|l| l.strip_prefix("  ")?.split_once(" = ").map(|(n, _)| n))
            .collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "a field repeats in {entry}");
        let mut depth = 0i64;
        for b in entry.bytes() {
            match b {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "brace closes too early in {entry}");
        }
        assert_eq!(depth, 0, "unbalanced braces in {entry}");
    }
}
