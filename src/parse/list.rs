//! What a reference list settles that one reference cannot: a list shares one style
//! and one author may stand for the same authors as the entry before.

use crate::model::{Name, RefType, Reference};

/// True for the rule that stands for "the same authors as above" (`———.`, `——`,
/// `---`, `________`), as Chicago, MLA and many book bibliographies print it.
fn is_ditto_rule(name: &Name) -> bool {
    let text = match name {
        Name::Literal(l) => l.as_str(),
        Name::Person(p) if p.given.is_empty() && p.particle.is_none() => {
            p.family.as_str()
        }
        Name::Person(_) => return false,
    };
    let t = text.trim().trim_end_matches(['.', ',']);
    t.chars().count() >= 2 && t.chars().all(|c| matches!(c, '—' | '–' | '-' | '_' | '‒'))
}

/// Settle what the neighbours of each reference decide, in list order:
/// - a ditto rule in place of the authors repeats the previous entry's authors;
/// - in a list whose journal articles carry no titles (ACS, physics: `Han, S. E.
///   Nano Lett. 2010, 10, 1012.`), the one text between authors and volume of an
///   article is its journal, not a title.
///
/// Run after every reference of one page's list was parsed; the order of `refs` is the
/// order of the list.
pub fn settle_list(refs: &mut [Reference]) {
    repeat_ditto_authors(refs);
    titleless_journals(refs);
}

/// A list of title-less articles: at least three, and three in five of the articles
/// with a volume.
fn titleless_journals(refs: &mut [Reference]) {
    let articles =
        refs.iter().filter(|r| r.kind == RefType::Article && r.volume.is_some());
    let (mut both, mut journal_only) = (0usize, 0usize);
    for r in articles {
        match (&r.title, &r.container) {
            (Some(_), Some(_)) => both += 1,
            (None, Some(_)) => journal_only += 1,
            _ => {}
        }
    }
    if journal_only < 3 || journal_only * 5 < (journal_only + both) * 3 {
        return;
    }
    for r in refs.iter_mut() {
        if r.kind == RefType::Article
            && r.volume.is_some()
            && r.container.is_none()
            && r.title.as_deref().is_some_and(|t| t.split_whitespace().count() <= 8)
        {
            r.container = r.title.take();
        }
    }
}

/// A ditto rule in place of the authors repeats the previous entry's authors.
fn repeat_ditto_authors(refs: &mut [Reference]) {
    // the index of the last entry with authors (only a ditto copies them)
    let mut previous: Option<usize> = None;
    for i in 0..refs.len() {
        let ditto = refs.get(i).is_some_and(|r| {
            r.authors.len() == 1 && r.authors.first().is_some_and(is_ditto_rule)
        });
        if ditto
            && let Some(p) = previous
            && let Some((names, et_al)) =
                refs.get(p).map(|r| (r.authors.clone(), r.et_al))
            && let Some(r) = refs.get_mut(i)
        {
            r.authors = names;
            r.et_al = et_al;
        }
        if refs.get(i).is_some_and(|r| !r.authors.is_empty()) {
            previous = Some(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_reference;

    #[test]
    fn ditto_rule() {
        assert!(is_ditto_rule(&Name::Literal("———".into())));
        assert!(is_ditto_rule(&Name::Literal("---.".into())));
        assert!(!is_ditto_rule(&Name::Literal("-".into())));
        assert!(!is_ditto_rule(&Name::Literal("WHO".into())));
    }

    #[test]
    fn ditto_authors_repeat_the_previous_entry() {
        let mut refs = vec![
            parse_reference(
                "Scott, Walter. 1830. Letters on Demonology and Witchcraft. London: John Murray.",
            ),
            parse_reference("———. 1836. Tales of a Grandfather. Edinburgh: R. Cadell."),
        ];
        settle_list(&mut refs);
        assert_eq!(refs[1].authors, refs[0].authors);
        assert_eq!(refs[1].title.as_deref(), Some("Tales of a Grandfather"));
    }

    #[test]
    fn a_titleless_list_settles_journals() {
        let mut refs: Vec<Reference> = [
            "Han, S. E.; Chen, G. Nano Lett. 2010, 10, 1012–1015.",
            "Li, H.; Wang, Z. Chem. Rev. 2016, 116, 11589–11612.",
            "Kresse, G.; Furthmüller, J. Phys. Rev. B 1996, 54, 11169.",
            "Smith, A.; Jones, B. Angew. Chem., Int. Ed. 2018, 57, 1234–1238.",
            "Lee, J.; Kim, S. Journal of materials chemistry 2018, 12.",
        ]
        .iter()
        .map(|s| parse_reference(s))
        .collect();
        settle_list(&mut refs);
        // alone (no pages to say it is an article), a lower-case journal reads as a
        // title; the list says it is a journal
        let alone =
            parse_reference("Lee, J.; Kim, S. Journal of materials chemistry 2018, 12.");
        assert_eq!(alone.title.as_deref(), Some("Journal of materials chemistry"));
        assert_eq!(refs[4].container.as_deref(), Some("Journal of materials chemistry"));
        assert_eq!(refs[4].title, None);
        // a list with titles keeps them
        let mut titled: Vec<Reference> = [
            "Sung H, Ferlay J. Global cancer statistics 2020. CA Cancer J Clin. 2021;71:209-49.",
            "Smith J. Deep learning. 2015;521:436-44.",
        ]
        .iter()
        .map(|s| parse_reference(s))
        .collect();
        let before = titled[1].title.clone();
        settle_list(&mut titled);
        assert_eq!(titled[1].title, before);
    }

    #[test]
    fn a_first_ditto_stays() {
        let mut refs = vec![parse_reference("———. 1836. Tales of a Grandfather.")];
        let before = refs[0].authors.clone();
        settle_list(&mut refs);
        assert_eq!(refs[0].authors, before);
    }
}
