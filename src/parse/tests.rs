//! Whole-reference tests of the parser (one per style and form); the grammar rules
//! have their own tests next to them.

use super::*;
use crate::model::{Name, Pages, Person};

fn person(family: &str, given: &str) -> Name {
    Name::Person(Person::new(family, given))
}

#[test]
fn issue_2_seed_vancouver() {
    let r = parse_reference(
        "Sung H, Ferlay J, Siegel RL, et al.. Global Cancer Statistics 2020: GLOBOCAN estimates of incidence and mortality worldwide for 36 cancers in 185 countries. CA Cancer J Clin 2021; 71: 209–249.",
    );
    assert_eq!(
        r.authors,
        [person("Sung", "H."), person("Ferlay", "J."), person("Siegel", "R. L.")]
    );
    assert!(r.et_al);
    assert_eq!(
        r.title.as_deref(),
        Some(
            "Global Cancer Statistics 2020: GLOBOCAN estimates of incidence and mortality worldwide for 36 cancers in 185 countries"
        )
    );
    assert_eq!(r.container.as_deref(), Some("CA Cancer J Clin"));
    assert_eq!(r.year(), Some(2021));
    assert_eq!(r.volume.as_deref(), Some("71"));
    assert_eq!(r.pages, Some(Pages { first: "209".into(), last: Some("249".into()) }));
    assert_eq!(r.status, Status::Parsed, "{:?}", r.warnings);
    assert_eq!(r.kind, RefType::Article);
}

#[test]
fn issue_2_seed_collective_author() {
    let r = parse_reference(
        "The National Health Commission of the People’s Republic of China. National guidelines for diagnosis and treatment of breast cancer 2022 in China (English version). Chin J Cancer Res 2022; 34: 151–175.",
    );
    assert_eq!(
        r.authors,
        [Name::Literal(
            "The National Health Commission of the People’s Republic of China".into()
        )]
    );
    assert_eq!(
        r.title.as_deref(),
        Some(
            "National guidelines for diagnosis and treatment of breast cancer 2022 in China (English version)"
        )
    );
    assert_eq!(r.container.as_deref(), Some("Chin J Cancer Res"));
    assert_eq!(r.year(), Some(2022));
    assert_eq!(r.pages, Some(Pages { first: "151".into(), last: Some("175".into()) }));
}

#[test]
fn nlm_with_ids() {
    let r = parse_reference(
        "Holshue ML, DeBolt C, Lindquist S. First case of 2019 novel coronavirus in the United States. N Engl J Med. 2020 Mar 5;382(10):929-936. doi: 10.1056/NEJMoa2001191. Epub 2020 Jan 31. PMID: 32004427; PMCID: PMC7092802.",
    );
    assert_eq!(r.authors.len(), 3);
    assert_eq!(r.container.as_deref(), Some("N Engl J Med"));
    assert_eq!(
        r.date,
        Some(crate::model::Date { year: 2020, month: Some(3), day: Some(5) })
    );
    assert_eq!(r.volume.as_deref(), Some("382"));
    assert_eq!(r.issue.as_deref(), Some("10"));
    assert_eq!(r.doi.as_deref(), Some("10.1056/nejmoa2001191"));
    assert_eq!(r.pmid.as_deref(), Some("32004427"));
    assert_eq!(r.pmcid.as_deref(), Some("PMC7092802"));
    assert_eq!(r.status, Status::Parsed, "{:?}", r.warnings);
}

#[test]
fn nothing_usable_is_raw() {
    let r = parse_reference("");
    assert_eq!(r.status, Status::Raw);
    let r = parse_reference(";;; ...");
    assert_eq!(r.status, Status::Raw);
}

#[test]
fn hostile_inputs_are_fast() {
    let long = ", ".repeat(200_000);
    let _ = parse_reference(&long);
    let dots = ".".repeat(500_000);
    let _ = parse_reference(&dots);
    let digits = "1".repeat(500_000);
    let _ = parse_reference(&digits);
    let brackets = "(".repeat(100_000) + &")".repeat(100_000);
    let _ = parse_reference(&brackets);
    let authors = "Smith J, ".repeat(100_000) + "Title. J. 2020;1:2.";
    let r = parse_reference(&authors);
    assert_eq!(r.authors.len(), 100_000);
    let dois = "10.1000/10.1000/".repeat(50_000);
    let _ = parse_reference(&dois);
}

#[test]
fn publication_place_rule() {
    for yes in
        ["Leipzig", "Hamburg und Leipzig", "Boston, MA", "Washington, D.C.", "New York."]
    {
        assert!(is_publication_place(yes), "{yes}");
    }
    for no in ["Nature", "J Biol Chem", "Proc. of HPCA", "Cell, 12", "Science, AAAS"] {
        assert!(!is_publication_place(no), "{no}");
    }
}

#[test]
fn venue_place_rule() {
    for yes in
        ["Osaka, Japan", "Portland, OR", "Bad Honnef/Bonn, Germany", "Banff, Canada."]
    {
        assert!(is_venue_place(yes), "{yes}");
    }
    for no in
        ["Japan", "Journal of X, Japan", "Vol 2, USA", "Cell, 12", "J Mol Med, Berlin"]
    {
        assert!(!is_venue_place(no), "{no}");
    }
}

#[test]
fn trailing_venue_rule() {
    let cases = [
        (
            "Proc. of the Joint Conf. (JC-91) Sydney, Australia",
            "Proc. of the Joint Conf. (JC-91)",
        ),
        ("Society Biennial Meeting, Montreal, Canada.", "Society Biennial Meeting"),
        (
            "Workshop on Modelling Agents and Worlds Germany",
            "Workshop on Modelling Agents and Worlds",
        ),
        ("IROS '91 (Osaka, Japan)", "IROS '91"),
        (
            "Proceedings of the Conference on Logic, New York, NY",
            "Proceedings of the Conference on Logic",
        ),
    ];
    for (c, name) in cases {
        assert_eq!(trailing_venue(c).map(|v| v.0), Some(name), "{c}");
    }
    for no in [
        "Workshop on Logic",
        "History of Germany",
        "Conference on Logic, Germany",
        "Proc. Natl. Acad. Sci. U.S.A.",
        "Proc Natl Acad Sci USA",
    ] {
        assert_eq!(trailing_venue(no), None, "{no}");
    }
}

#[test]
fn label_rule() {
    assert_eq!(label("[12] Smith"), 5);
    assert_eq!(label("12. Smith"), 4);
    assert_eq!(label("(b) Sastry"), 4);
    assert_eq!(label("2012;3"), 0);
    assert_eq!(label("Smith"), 0);
    assert_eq!(label("(12) Smith, J. A.; Doe"), 5);
    assert_eq!(label("4 Ritala, M. & Leskela, M."), 2);
    assert_eq!(label("10 Downing Street"), 0);
    assert_eq!(label("3 Rivers, the town"), 0);
    // an author-year label that the reference repeats, whatever the case
    assert_eq!(label("Zhou et alii 2024 : ZHOU (Z.), WANG (J.) – Title"), 20);
    assert_eq!(label("Ayala Ceja, Chen 2024b: AYALA CEJA (M.)"), 24);
    assert_eq!(label("Zhou et alii 2024 : Wang (J.) – Title"), 0);
    assert_eq!(label("Zhou Z. Title: subtitle 2024 : ZHOU"), 0);
    assert_eq!(label("Zhou 12 : ZHOU"), 0);
    // `=` after the label (Philippika)
    assert_eq!(label("Zhou et al. 2024 = Zhou, Z. et al., Title"), 19);
    assert_eq!(label("Zhou 2024 = Wang, J., Title"), 0);
    assert_eq!(label("Zhou et al. 2024 | Z. Zhou, J. Wang: Title"), 19);
    // a bare number before a family name and dotted initials
    assert_eq!(label("1 Antila H., Kwak I. & Choi A. (2022)"), 2);
    assert_eq!(label("12 Doyle J.P., Dougherty J.D."), 3);
    assert_eq!(label("3 Biotech. 2020;10:12"), 0);
    assert_eq!(label("2 Samuel A Study"), 0);
    assert_eq!(label("100 Years Ago. Nature. 2020"), 0);
    // a number and a dash
    assert_eq!(label("1- H. Antila, I. Kwak"), 3);
    assert_eq!(label("12– Zhou Z, Wang J"), 6);
    assert_eq!(label("12-15 Zhou"), 0);
    assert_eq!(label("1- a note"), 0);
    // a superscript number glued to the first initial
    assert_eq!(label("1H. Antila, I. Kwak, and A. Choi, “Title,”"), 1);
    assert_eq!(label("12J.P. Doyle, Title"), 2);
    assert_eq!(label("3D. printing"), 0);
    assert_eq!(label("2A. B. C. D"), 0);
    // an author-year label with nothing between it and the names it stands for
    assert_eq!(label("Lind et al. 2022 M. Lind – P. Okafor, Title"), 17);
    assert_eq!(label("M. Lind et al. 2022b M. Lind et al., “Title”"), 21);
    assert_eq!(label("Lind and Berg 2022 LIND, M., T. BERG, Title"), 19);
    // (not a year and a title that opens with the family name, nor a list)
    assert_eq!(label("Lind M 2020 Lind syndrome: a review. J 3: 1"), 0);
    assert_eq!(label("Lind M, Berg T. 2020 M. Lind, Title"), 0);
    assert_eq!(label("Lind 2020 Salt marsh outcomes"), 0);
    // a family name alone before `=`, the names after it opening with it
    assert_eq!(label("Lind = M. Lind - P. Okafor, Title"), 7);
    assert_eq!(label("Lind = Salt marsh outcomes, in «J»"), 0);
    // ` : ` before names in reading order; a comma after the year, the family name
    // then its initials
    assert_eq!(label("Lind et al. 2024 : M. Lind, P. Okafor, Title"), 19);
    assert_eq!(label("Lind et alii 2022, Lind M., Okafor P. “Title,”"), 19);
    assert_eq!(label("Lind et alii 2022, Okafor P. “Title,”"), 0);
    assert_eq!(label("Lind 2022, Lind syndrome revisited"), 0);
}

#[test]
fn label_year_rule() {
    assert_eq!(label_year("Lind et al. 2024 : "), Some("2024"));
    assert_eq!(label_year("Lind et alii 2022a, "), Some("2022"));
    assert_eq!(label_year("Lind = "), None);
    assert_eq!(label_year("2012. "), None);
    assert_eq!(label_year("[12] "), None);
}

#[test]
fn char_refs_decoded() {
    assert_eq!(decode_char_refs("Lind M (2022) &#8211; Title"), "Lind M (2022) – Title");
    assert_eq!(decode_char_refs("a &#x2013; b &amp; c &nbsp;d"), "a – b & c \u{a0}d");
    assert_eq!(decode_char_refs("J.&#10;DOI: 10.1/x"), "J. DOI: 10.1/x");
    assert!(matches!(decode_char_refs("R&D &foo; &#; &#xZZ; &"), Cow::Borrowed(_)));
    assert!(matches!(decode_char_refs("plain"), Cow::Borrowed(_)));
    assert_eq!(decode_char_refs("&#1114112; &#55296;"), "&#1114112; &#55296;");
}

#[test]
fn date_note_moves_out_of_the_source_block() {
    assert_eq!(
        move_date_note("Sci Adv [Internet]. 2022 [cited 2023 Jan 5];8(11):e3327."),
        "Sci Adv [Internet]. 2022;8(11):e3327. [cited 2023 Jan 5]"
    );
    assert_eq!(
        move_date_note("J Med. 2021 Mar [updated 2021 Mar 3; cited 2023 Jan 5]; 8:1-9."),
        "J Med. 2021 Mar; 8:1-9. [updated 2021 Mar 3; cited 2023 Jan 5]"
    );
    // (elsewhere it stays: it ends the core, as any note)
    for s in [
        "Home [Internet]. Tokyo: Agency; [cited 2023 Aug 2]. Available from: x",
        "Sci Adv [online]. 2022, 8(11), e3327 [cit. 2023-01-05]. Dostupné z: x",
        "Title [cited by 4];8(11)",
        // (a word the identifier scan would not place where it lands stays put)
        "J Med. 2022 [zitiert am 5.1.2023];8(11):1-9.",
        "Title [cited];8(11)",
        "plain",
    ] {
        assert!(matches!(move_date_note(s), Cow::Borrowed(_)), "{s}");
    }
}

#[test]
fn online_sentence_is_the_bracketed_medium() {
    assert_eq!(
        online_sentence("Title. J Exp Med. Online. 221(2), e1."),
        "Title. J Exp Med [online]. 221(2), e1."
    );
    assert_eq!(
        online_sentence("Title. Cell. Online. 135, 749–762."),
        "Title. Cell [online]. 135, 749–762."
    );
    for s in [
        "Wu Y. Title. Biol. Proced. Online. 2024;26:15.",
        "Lind M. Learning Online. Journal 8(1), 3.",
        "Lind M. Title. Journal. Online. Praha: Academia.",
    ] {
        assert!(matches!(online_sentence(s), Cow::Borrowed(_)), "{s}");
    }
}

#[test]
fn imprint_placeholders_are_dropped_before_the_publisher() {
    assert_eq!(
        imprint_placeholders("Title. [s.l.] Longman, 2001."),
        "Title. Longman, 2001."
    );
    assert_eq!(
        imprint_placeholders("Title. [S. l.]: Longman, 2001."),
        "Title. Longman, 2001."
    );
    assert_eq!(
        imprint_placeholders("Title. London: [s.n.], 2001."),
        "Title. London, 2001."
    );
    assert_eq!(imprint_placeholders("Title. [S.l.: s.n.], 2001."), "Title. 2001.");
    assert_eq!(
        imprint_placeholders("J Med, [s. l.], v. 8, p. 1, 2024."),
        "J Med, v. 8, p. 1, 2024."
    );
    assert_eq!(imprint_placeholders("Title. (S.l.): Longman."), "Title. Longman.");
    // (at the end it stays: a note of the title)
    for s in ["The Frankish World, 750-900, [s.l.].", "Title [sic] 2001", "plain"] {
        assert!(matches!(imprint_placeholders(s), Cow::Borrowed(_)), "{s}");
    }
}

#[test]
fn publisher_comma_skips_a_corporate_suffix() {
    let t = "Vehicle Dynamics, Society of Engineers, Inc";
    assert_eq!(publisher_comma(t), Some("Vehicle Dynamics".len()));
    assert_eq!(publisher_comma("Robot Vision, MIT Press"), Some("Robot Vision".len()));
    assert_eq!(
        publisher_comma("Vehicle Dynamics Society, Inc."),
        Some("Vehicle Dynamics Society".len())
    );
    assert_eq!(publisher_comma("No comma"), None);
}

#[test]
fn commaless_names_get_their_commas() {
    assert_eq!(
        commaless_names("Antila H Kwak I and Choi A (2022) Title."),
        "Antila H, Kwak I and Choi A (2022) Title."
    );
    assert_eq!(
        commaless_names("Zhou Z Wang J Yang S et al. (2024) Title."),
        "Zhou Z, Wang J, Yang S et al. (2024) Title."
    );
    assert_eq!(
        commaless_names("Lind P van der Berg MA (2020) Title."),
        "Lind P, van der Berg MA (2020) Title."
    );
    for s in [
        "Antila H, Kwak I (2022) Title.",
        "Antila H (2022) Title.",
        "World Health Organization WHO (2020) Title.",
        "Antila H Kwak I and Choi A Title (2022).",
        "Antila H Kwak I and Choi A and Lind M (2022) Title.",
        "Antila H Kwak I (in press) Title.",
        // (the first name opens with one capitalised word: the cheap test)
        "van der Berg MA Lind P (2020) Title.",
    ] {
        assert!(matches!(commaless_names(s), Cow::Borrowed(_)), "{s}");
    }
}

#[test]
fn semicolon_between_title_and_journal() {
    let r =
        parse_reference("Lind M, Berg T: Salt marsh outcomes; Coast Res 119:e21; 2022.");
    assert_eq!(r.title.as_deref(), Some("Salt marsh outcomes"));
    assert_eq!(r.container.as_deref(), Some("Coast Res"));
    // (a semicolon inside a title that a full stop ends stays in it)
    for s in [
        "Lind M. Salt marsh; outcomes in clinics. Coast Res. 2022;119:e21.",
        "Lind M (2022) Salt marsh outcomes; a review. Coast Res 119:e21.",
    ] {
        let r = parse_reference(s);
        assert!(r.title.as_deref().is_some_and(|t| t.contains("; ")), "{s}");
        assert_eq!(r.container.as_deref(), Some("Coast Res"), "{s}");
    }
}

#[test]
fn trailing_date_sentence_rule() {
    let t = "Salt Marsh Outcomes. 2023 Jul 4.";
    assert_eq!(trailing_date_sentence(t), Some("Salt Marsh Outcomes".len()));
    let t = "Salt Marsh Outcomes. 2005 Mar 4 [Updated 2021 Jun 10]";
    assert_eq!(trailing_date_sentence(t), Some("Salt Marsh Outcomes".len()));
    assert_eq!(trailing_date_sentence("Salt marshes. 2023"), Some("Salt marshes".len()));
    for t in [
        "Salt marshes",
        "Salt marshes. Part 2",
        "Salt. 2023 Jul 4 and on",
        "Salt. Jul 2023",
    ] {
        assert_eq!(trailing_date_sentence(t), None, "{t}");
    }
}

#[test]
fn clean_rule() {
    assert_eq!(clean("Paul WE , Germain RN . Title"), "Paul WE, Germain RN. Title");
    assert_eq!(clean("a\u{a0}b"), "a b");
    assert!(matches!(clean("plain text"), Cow::Borrowed(_)));
    assert_eq!(clean("Hart,R.J., Title"), "Hart, R.J., Title");
    assert_eq!(clean("1,2,A. b"), "1,2,A. b");
    // a dash between names: `Kwak, I.` or, in capitals, `KWAK, I.`, must follow
    assert_eq!(clean("Lind, M. – Berg, T. Title"), "Lind, M.; Berg, T. Title");
    assert_eq!(
        clean("LIND, M. – BERG, T. – DE LA CRUZ, A. B. Title"),
        "LIND, M.; BERG, T.; DE LA CRUZ, A. B. Title"
    );
    assert_eq!(clean("Lind, M. – ACTA. Title"), "Lind, M. ACTA. Title");
    assert_eq!(clean("Lind, M. – ACTA, 12, 3"), "Lind, M. ACTA, 12, 3");
    // a dash before a name in reading order (`T. Berg`) is a comma
    assert_eq!(
        clean("M. Lind – T. Berg – A. B. Cruz, Title"),
        "M. Lind, T. Berg, A. B. Cruz, Title"
    );
    assert_eq!(clean("M. Lind - T. Berg, Title"), "M. Lind, T. Berg, Title");
    assert_eq!(clean("LIND, M. – T. BERG, Title"), "LIND, M., T. BERG, Title");
    // (not after a title's word, nor before a word that is no initial)
    assert_eq!(clean("M. Lind. Salt marsh – T. Berg"), "M. Lind. Salt marsh – T. Berg");
    assert_eq!(clean("M. Lind – Tidal marsh"), "M. Lind – Tidal marsh");
    // a slash between names in reading order is a comma
    assert_eq!(
        clean("M. Lind/P. Okafor/T. Berg: Title"),
        "M. Lind, P. Okafor, T. Berg: Title"
    );
    assert_eq!(clean("and/or A. Title"), "and/or A. Title");
    // a dash after a title's full stop or question mark is dropped
    assert_eq!(clean("Salt marshes. – Coastal Res, 2"), "Salt marshes. Coastal Res, 2");
    assert_eq!(
        clean("Do marshes retreat? – Coastal Res"),
        "Do marshes retreat? Coastal Res"
    );
    assert_eq!(
        clean("Do marshes retreat? — Coastal Res"),
        "Do marshes retreat? Coastal Res"
    );
}

const ATOMS: &[&str] = &[
    "Smith",
    " ",
    "J",
    "RL",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "[",
    "]",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "2020",
    "12",
    "e123",
    "–",
    "-",
    "et al",
    "In:",
    "doi:",
    "10.1000/x",
    "PMID: ",
    "PMC",
    "http://a.b/c",
    "Available from:",
    "[cited",
    "Epub",
    "editors",
    "(Eds.)",
    "no.",
    "Suppl",
    "pp.",
    "Press",
    "New York: ",
    "``",
    "''",
    "&",
    "and",
    "Jr",
    "é",
    "\u{a0}",
    "van",
    "S11",
    "(2004)",
    "(n.d.)",
    "Feb",
    "thesis",
    "?",
    "/",
    "«",
    "Vol ",
    "(2nd ed.)",
];

proptest::proptest! {
    /// Any text: no panic, `raw` kept, a status that matches what was found.
    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,200}") {
        let r = parse_reference(&s);
        proptest::prop_assert_eq!(&r.raw, &s);
    }

    /// Reference-like soup built from the tokens the grammar cares about.
    #[test]
    fn never_panics_on_reference_soup(idx in proptest::collection::vec(0..ATOMS.len(), 0..40)) {
        let s: String = idx.iter().filter_map(|&i| ATOMS.get(i).copied()).collect();
        let r = parse_reference(&s);
        proptest::prop_assert_eq!(&r.raw, &s);
        if r.status == Status::Parsed {
            proptest::prop_assert!(r.warnings.is_empty());
        }
    }
}

#[test]
fn has_word_rule() {
    assert!(has_word("PhD thesis, Univ", &["thesis"]));
    assert!(has_word("Tech. REPORT 12", &["report"]));
    assert!(has_word("O'Neil's", &["o'neil's"]));
    assert!(has_word("Universität Wien", &["Universität"]));
    assert!(has_word("Berlin–Universität", &["Universität"]));
    assert!(!has_word("theses", &["thesis"]));
    assert!(!has_word("reporting", &["report"]));
    assert!(!has_word("", &["x"]));
    assert!(!has_word("éthesis", &["thesis"]));
}

#[test]
fn find_str_rule() {
    assert_eq!(find_str("Book, edited by A", ", edited by "), Some(4));
    assert_eq!(find_str("Bök, pp. 3", ", pp. "), Some(4));
    assert_eq!(find_str("Book", ", pp. "), None);
}

#[test]
fn find_str_and_rfind_str_agree_with_str() {
    let hays =
        ["", "a", "Title (Publisher, 2019) (x", "aaa. b. c. ", "Bök (é) ((", " ( ("];
    let needles = ["", " (", ". ", "a", "aa", "((", "é)", "x"];
    for h in hays {
        for n in needles {
            assert_eq!(find_str(h, n), h.find(n), "{h:?} {n:?}");
            assert_eq!(rfind_str(h, n), h.rfind(n), "{h:?} {n:?}");
        }
    }
}

#[test]
fn needs_folding_matches_the_whole_text_checks() {
    let old = |t: &str| {
        t.contains(|c: char| c.is_whitespace() && c != ' ')
            || t.contains("  ")
            || [" ,", " .", " ;", " :", " )"].iter().any(|p| t.contains(p))
            || t.starts_with(' ')
            || t.ends_with(' ')
    };
    for t in [
        "",
        " ",
        "a",
        "a b",
        " a",
        "a ",
        "a  b",
        "a , b",
        "a .",
        "a ;b",
        "a :",
        "(a )",
        "a\tb",
        "a\nb",
        "a\u{b}b",
        "a\u{c}",
        "a\rb",
        "a\u{a0}b",
        "é\u{2009}ü",
        "a\u{3000}",
        "a\u{85}b",
        "Bök, é. ü",
        "a\u{2028}",
        "x\u{1680}y",
        "a\u{7}b",
    ] {
        assert_eq!(needs_folding(t), old(t), "{t:?}");
    }
}

#[test]
fn inline_tags_are_dropped_and_other_angles_kept() {
    assert_eq!(strip_inline_tags("<italic>Mus.</italic> Species"), "Mus. Species");
    assert_eq!(strip_inline_tags("<i class=\"x\">A</i> <SUP>2</SUP>"), "A 2");
    // not tags: comparisons, links in angle brackets, unknown elements
    assert_eq!(
        strip_inline_tags("p < 0.05 <https://doi.org/10.1/x>"),
        "p < 0.05 <https://doi.org/10.1/x>"
    );
    assert_eq!(strip_inline_tags("<script>x</script>"), "<script>x</script>");
    assert_eq!(strip_inline_tags("a <i"), "a <i");
}

#[test]
fn decomposed_accents_are_composed() {
    assert_eq!(compose("Le\u{301}on"), "Léon");
    assert!(matches!(compose("Léon"), Cow::Borrowed(_)));
}

#[test]
fn markdown_emphasis_is_dropped_and_stars_in_words_kept() {
    assert_eq!(
        strip_emphasis("1954. *Oeuvres de Buffon.* Paris"),
        "1954. Oeuvres de Buffon. Paris"
    );
    assert_eq!(strip_emphasis("(*Nature*), 12"), "(Nature), 12");
    assert_eq!(strip_emphasis("HLA A*02:01-positive"), "HLA A*02:01-positive");
    assert_eq!(strip_emphasis("NIPS*92 and 5 * 3"), "NIPS*92 and 5 * 3");
    assert_eq!(strip_emphasis("an *open star"), "an *open star");
}

#[test]
fn word_then_abbreviation_rule() {
    for yes in [
        "Methods Mol.",
        "Alzheimers Res.",
        "Orphanet J.",
        "Steroid Biochem.",
        "Mammary Gland Biol.",
    ] {
        assert!(opens_with_word_then_abbreviation(yes), "{yes}");
    }
    // (a title's last sentence: no ISO 4 abbreviation last, or more words)
    for no in [
        "A Review.",
        "Clinical Findings.",
        "Methods",
        "Use of the Mol.",
        "Cancer 2020 Res.",
    ] {
        assert!(!opens_with_word_then_abbreviation(no), "{no}");
    }
}

#[test]
fn report_number_rule() {
    fn at(s: &str) -> Option<&str> {
        report_number_at(s).map(|i| &s[i..])
    }
    assert_eq!(
        at("Title. Bethesda; 2007. NIH Publication No. 07-4051."),
        Some("NIH Publication No. 07-4051.")
    );
    assert_eq!(
        at("Title. Office; 1997. NIH Publication 97–4051"),
        Some("NIH Publication 97–4051")
    );
    assert_eq!(at("Title. 1985. NIH Pub. No. 85-23."), Some("NIH Pub. No. 85-23."));
    assert_eq!(
        at("Title. 2012. DHHS Publication No. (SMA) 12-4713."),
        Some("DHHS Publication No. (SMA) 12-4713.")
    );
    assert_eq!(at("Title. 1992. SAE Order No. R-114."), Some("SAE Order No. R-114."));
    // a title's words, a number without a hyphen or a label, text after the number
    assert_eq!(at("Title. Expert Panel Report 2."), None);
    assert_eq!(at("Title. Publication 2020."), None);
    assert_eq!(at("Title. NIH Publication No. 07-4051 revised."), None);
}

#[test]
fn impact_factor_rule() {
    let at = |s: &'static str| impact_factor_at(s).map(|i| &s[i..]);
    assert_eq!(at("Eur Respir J. 2012;40(2):500-3. IF: 5,895"), Some("IF: 5,895"));
    assert_eq!(at("J Clin. 2012;40:500-3, IF = 3.2."), Some("IF = 3.2."));
    assert_eq!(at("J Clin. 2012;40:500-3 (IF 4.1)"), Some("(IF 4.1)"));
    assert_eq!(
        at("J Clin. 2012;40:500-3. Impact factor: 2.5"),
        Some("Impact factor: 2.5")
    );
    // a title's `IF`, a word after the number, no number
    assert_eq!(at("What IF 2 genes. J Clin. 2012;40:500-3."), None);
    assert_eq!(at("J Clin. 2012;40:500-3. IF: 5,895 (2019)"), None);
    assert_eq!(at("J Clin. 2012;40:500-3. IF: high"), None);
}

#[test]
fn sentence_case_then_journal_rule() {
    let t = "Deciphering the tumor microenvironment and beyond Mol Cancer";
    assert_eq!(t.get(sentence_case_then_journal(t).unwrap()..), Some("Mol Cancer"));
    let t = "Extracellular matrix proteins regulate cell function Proc Natl Acad Sci";
    assert_eq!(
        t.get(sentence_case_then_journal(t).unwrap()..),
        Some("Proc Natl Acad Sci")
    );
    let t = "Growth of killer (LAK) cells: role of interferon-gamma and -beta J Immunol";
    assert_eq!(t.get(sentence_case_then_journal(t).unwrap()..), Some("J Immunol"));
    for no in [
        // a title in title case, a place, an acronym, a function word before the run
        "A Neural Substrate for Stress-Induced Sleep Disturbances Proceedings",
        "Thresholds for cotton in the midsouth of the United States",
        "Antigen presentation and cancer immunity via ACSL5",
        "Genes quantified by real-time RT-PCR",
        "Clinical cancer research: an official journal of the American Association",
        // a sentence's full stop: two segments, not one
        "Immunotherapy for solid tumors and beyond. biomark Res",
        "Too short Nature",
    ] {
        assert_eq!(sentence_case_then_journal(no), None, "{no}");
    }
}

#[test]
fn legal_article_rule() {
    let a = legal_article(", ‘Salt Marsh Outcomes’ (2022) 119 Coastal Res e2123528119")
        .unwrap();
    assert_eq!(
        (a.title, a.year, a.volume, a.issue, a.container, a.pages),
        ("Salt Marsh Outcomes", "2022", "119", None, "Coastal Res", "e2123528119")
    );
    let a = legal_article("« Salt marsh outcomes », (2023) 39-1 Coastal Res 217-228.")
        .unwrap();
    assert_eq!(
        (a.title, a.volume, a.issue, a.container, a.pages),
        ("Salt marsh outcomes", "39", Some("1"), "Coastal Res", "217-228")
    );
    // (not without the bracketed year before the volume, nor with more after the page)
    assert_eq!(legal_article("‘Title’, Coastal Res 119 (2022) 217"), None);
    let a =
        legal_article("‘Salt Marsh Outcomes’ (2023) 39(1) Coastal Res 2231085").unwrap();
    assert_eq!((a.volume, a.issue, a.container), ("39", Some("1"), "Coastal Res"));
    assert_eq!(legal_article("‘Title’ (2022) 119 Coastal Res 217, in Smith (ed)"), None);
    assert_eq!(legal_article("‘Title’ (2022) Coastal Res 217"), None);
    assert_eq!(legal_article("Title (2022) 119 Coastal Res 217"), None);
}

#[test]
fn gost_title_container_rule() {
    assert_eq!(
        gost_title_container("Salt marsh outcomes // Coastal Res"),
        Some(("Salt marsh outcomes", "Coastal Res"))
    );
    // (a journal's subtitle after a colon stays; an abbreviated name's full stops too)
    assert_eq!(
        gost_title_container("Title // Coastal research: an official journal")
            .map(|p| p.1),
        Some("Coastal research: an official journal")
    );
    assert_eq!(
        gost_title_container("Title // IEEE J. Coastal Res").map(|p| p.1),
        Some("IEEE J. Coastal Res")
    );
    // (not a book's place and publisher after the double slash)
    assert_eq!(gost_title_container("Title // Сборник трудов. М.: Наука"), None);
    assert_eq!(gost_title_container("Title // Proceedings. – Moscow: Nauka"), None);
    assert_eq!(gost_title_container("Title without a double slash. Journal"), None);
}

#[test]
fn responsibility_statement_rule() {
    assert_eq!(
        responsibility_statement("Солевые марши / М. Лин, Т. Берг"),
        Some(("Солевые марши", "М. Лин, Т. Берг", false))
    );
    assert_eq!(
        responsibility_statement("Title / P.P. Petrov, S. S. Sidorov [et al.]."),
        Some(("Title", "P.P. Petrov, S. S. Sidorov", true))
    );
    // (a slash inside a title is not one: `and/or`, `Title / subtitle`)
    assert_eq!(responsibility_statement("Yes / no questions in surveys"), None);
    assert_eq!(responsibility_statement("Title / Lin M"), None);
}

#[test]
fn page_count_rule() {
    assert_eq!(
        page_count_tail("Paris: PUF, 2013. 518 p", false),
        Some(("Paris: PUF, 2013", "518 p"))
    );
    assert_eq!(
        page_count_tail("Geneva: WHO Press. 155 pp.", true),
        Some(("Geneva: WHO Press", "155 pp."))
    );
    // after the publisher with no full stop, when the year is known; only `p`/`pp`
    assert_eq!(
        page_count_tail("World Health Organization 247 p.", true),
        Some(("World Health Organization", "247 p."))
    );
    assert_eq!(page_count_tail("World Health Organization 247 p.", false), None);
    assert_eq!(page_count_tail("Handbuch der Medizin 247 S.", true), None);
    assert_eq!(page_count_tail("J Biol Chem 12 247 p.", true), None);
    assert_eq!(page_count_tail("Science 2022 p.", true), None);
}

#[test]
fn part_volume_rule() {
    for yes in ["3", "12", "3A", "100"] {
        assert!(is_part_volume(yes), "{yes}");
    }
    for no in ["", "A", "1000", "3a", "3AB", "vol", "1801–63"] {
        assert!(!is_part_volume(no), "{no}");
    }
}

#[test]
fn book_volume_rule() {
    assert_eq!(book_volume("Title (Vol. 2)"), Some(("Title", None, "2")));
    assert_eq!(
        book_volume("Title (2nd ed., Vol. 2)"),
        Some(("Title", Some("2nd ed."), "2"))
    );
    assert_eq!(book_volume("Title (Vols. 1–3)"), Some(("Title", None, "1–3")));
    // pages, a note that is not an edition, no volume label
    assert_eq!(book_volume("Title (Vol. 2, pp. 45–67)"), None);
    assert_eq!(book_volume("Title (abridged, Vol. 2)"), None);
    assert_eq!(book_volume("Title (2nd ed.)"), None);
    assert_eq!(book_volume("Title"), None);
}

#[test]
fn volume_label_is_no_sentence_end() {
    let s = "Title. Vol. 2. Harbor: Harbor Press";
    let ends: Vec<&str> = sentence_ends(s).iter().map(|&i| &s[..i]).collect();
    assert_eq!(ends, ["Title.", "Title. Vol. 2."]);
    // (a sentence that ends with the word `Vol`, before a word, still ends)
    assert_eq!(sentence_ends("Title Vol. Journal").len(), 1);
}

/// The byte tests that rule most words out early give the answers of the full rules.
#[test]
fn early_outs_agree_with_the_rules() {
    for w in ["R", "G.", "C.C", "C.C.", "É.", "É.J.", "Ab", "ab", "", ".", "A.b", "1."]
    {
        let full = {
            let v = w.strip_suffix('.').unwrap_or(w);
            !v.is_empty()
                && v.split('.')
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        };
        assert_eq!(is_dotted_initials_word(w), full, "{w:?}");
    }
    // a glued sentence needs three small letters before the full stop and a capital
    // and two small letters after it
    assert!(glued_parts(b"vulvar", b"Sichuan Medical"));
    for (before, after) in
        [("vulvaR", "Sichuan"), ("vu", "Sichuan"), ("vulvar", "SIchuan")]
    {
        assert!(!glued_parts(before.as_bytes(), after.as_bytes()), "{before}.{after}");
    }
    // a report's number is a short sentence that opens with a capital
    assert!(!is_report_number("NIH Publication No. 07-4051 of the institute."));
    assert!(!is_report_number("nih Publication No. 07-4051."));
    assert!(is_report_number("NIH Publication No. (SMA) 07-4051."));
}

#[test]
fn presentation_rules() {
    fn date(s: &str) -> Option<&str> {
        presentation_date_at(s).map(|(_, d)| d)
    }
    let talk = "Title. Paper presented at the Annual Meeting, Harbor, MA";
    assert_eq!(date(&format!("{talk}, April 5–8.")), Some("April 5–8"));
    assert_eq!(date(&format!("{talk}, April 5.")), Some("April 5"));
    assert_eq!(date(&format!("{talk}, April 2020.")), Some("April 2020"));
    assert_eq!(date(&format!("{talk}, April 5, 2020.")), Some("April 5, 2020"));
    assert_eq!(date(&format!("{talk}, April 30–May 2.")), Some("April 30–May 2"));
    assert_eq!(
        presentation_date_at(&format!("{talk}, April 5–8.")),
        Some((talk.len(), "April 5–8"))
    );
    // no date; no talk; a date before the marker
    assert_eq!(date(&format!("{talk}.")), None);
    assert_eq!(date("Title. Annual Meeting, Harbor, MA, April 5–8."), None);
    assert_eq!(date("Title, April 5–8. Paper presented at the Annual Meeting"), None);
    assert_eq!(date(&format!("{talk}, Apr. 5–8.")), None);
    assert!(is_presentation("Poster session presented at Society for Research"));
    assert!(is_presentation("In: Presented at: Conference on Retroviruses"));
    assert!(!is_presentation("Presentations in Medicine"));
}

#[test]
fn patent_rule() {
    fn designation(s: &str) -> Option<(&str, Option<&str>, Option<&str>)> {
        patent_at(s).map(|p| (p.designation, p.tail, p.year))
    }
    assert_eq!(
        designation("Title. US patent 9,876,543. 2020 Jan 7."),
        Some(("US patent 9,876,543", None, Some("2020")))
    );
    assert_eq!(
        designation(
            "Title. U.S. Patent No. 9,876,543 B2, filed May 1, 2018, and issued 2020."
        ),
        Some((
            "U.S. Patent No. 9,876,543 B2",
            Some("filed May 1, 2018, and issued 2020"),
            Some("2020")
        ))
    );
    assert_eq!(
        designation("Title. European Patent EP1234567. 2019."),
        Some(("European Patent EP1234567", None, Some("2019")))
    );
    let apa = "Title (U.S. Patent No. 9,876,543). U.S. Patent and Trademark Office.";
    // (the title ends at the bracket)
    assert_eq!(patent_at(apa).map(|p| p.start), Some("Title ".len()));
    // a title's words; a short number; an office's name; inside a quoted title
    assert_eq!(designation("Patent foramen ovale closure. J. 2020;1:2."), None);
    assert_eq!(designation("Title. Patent 123."), None);
    assert_eq!(designation("Title. US Patent and Trademark Office; 2020."), None);
    assert_eq!(
        designation("Kingsley JD (1980) ‘U.S. Patent 4233514, Title’. USPTO."),
        None
    );
    assert_eq!(designation("Title on the patent 1234567 of a rival."), None);
}
