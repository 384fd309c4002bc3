//! What a reference list settles that one reference cannot: a list shares one style
//! and one author may stand for the same authors as the entry before.

use crate::model::{Name, Reference};

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
/// a ditto rule in place of the authors repeats the previous entry's authors.
///
/// Run after every reference of one list (page, file) was parsed; the order of
/// `refs` is the order of the list.
pub fn settle_list(refs: &mut [Reference]) {
    // the index of the last entry with authors (only a ditto copies them)
    let mut previous: Option<usize> = None;
    for i in 0..refs.len() {
        let ditto = refs
            .get(i)
            .is_some_and(|r| r.authors.len() == 1 && r.authors.first().is_some_and(is_ditto_rule));
        if ditto
            && let Some(p) = previous
            && let Some((names, et_al)) = refs.get(p).map(|r| (r.authors.clone(), r.et_al))
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
    fn a_first_ditto_stays() {
        let mut refs = vec![parse_reference("———. 1836. Tales of a Grandfather.")];
        let before = refs[0].authors.clone();
        settle_list(&mut refs);
        assert_eq!(refs[0].authors, before);
    }
}
