//! Table-driven parser cases from `fixtures/entries.toml` (regex `testdata` style).
//!
//! The file is a small TOML subset (`[[case]]` tables of `key = "string"`, `key = true`
//! and `key = ["a", "b"]`), read here without a TOML dependency.

use pubrefs::{Name, Reference, parse_reference};

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Bool(bool),
    List(Vec<String>),
}

type Case = Vec<(String, Value)>;

fn parse_string(s: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.strip_prefix('"')?.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, s.get(i + 2..).unwrap_or_default())),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String =
                        (0..4).filter_map(|_| chars.next().map(|c| c.1)).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            _ => out.push(c),
        }
    }
    None
}

fn parse_value(v: &str) -> Value {
    let v = v.trim();
    match v {
        "true" => return Value::Bool(true),
        "false" => return Value::Bool(false),
        _ => {}
    }
    if let Some(mut rest) = v.strip_prefix('[') {
        let mut items = Vec::new();
        loop {
            rest = rest.trim_start().trim_start_matches(',').trim_start();
            if rest.starts_with(']') || rest.is_empty() {
                break;
            }
            let (s, r) = parse_string(rest).expect("a string in a list");
            items.push(s);
            rest = r;
        }
        return Value::List(items);
    }
    let (s, rest) = parse_string(v).expect("a quoted string");
    assert!(rest.trim().is_empty(), "text after the string: {v}");
    Value::Str(s)
}

fn read_cases(text: &str) -> Vec<(String, Case)> {
    let mut cases: Vec<(String, Case)> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "[[case]]" {
            cases.push((String::new(), Vec::new()));
            continue;
        }
        let (k, v) = line.split_once(" = ").expect("key = value");
        let value = parse_value(v);
        let case = cases.last_mut().expect("a key before the first [[case]]");
        if k == "name"
            && let Value::Str(n) = &value
        {
            case.0 = n.clone();
        }
        case.1.push((k.to_owned(), value));
    }
    cases
}

fn name_str(n: &Name) -> String {
    match n {
        Name::Literal(l) => format!("{{{l}}}"),
        Name::Person(p) if p.given.is_empty() => p.full_family(),
        Name::Person(p) => format!("{}, {}", p.full_family(), p.given),
    }
}

fn field(r: &Reference, key: &str) -> Option<Value> {
    let s = |o: &Option<String>| Value::Str(o.clone().unwrap_or_default());
    Some(match key {
        "authors" => Value::List(r.authors.iter().map(name_str).collect()),
        "editors" => Value::List(r.editors.iter().map(name_str).collect()),
        "et_al" => Value::Bool(r.et_al),
        "title" => s(&r.title),
        "container" => s(&r.container),
        "year" => Value::Str(r.year().map(|y| y.to_string()).unwrap_or_default()),
        "date" => Value::Str(
            r.date
                .map(|d| {
                    let mut out = d.year.to_string();
                    if let Some(m) = d.month {
                        out.push_str(&format!("-{m}"));
                    }
                    if let Some(day) = d.day {
                        out.push_str(&format!("-{day}"));
                    }
                    out
                })
                .unwrap_or_default(),
        ),
        "volume" => s(&r.volume),
        "issue" => s(&r.issue),
        "pages" => {
            Value::Str(r.pages.as_ref().map(|p| p.to_string()).unwrap_or_default())
        }
        "doi" => s(&r.doi),
        "pmid" => s(&r.pmid),
        "pmcid" => s(&r.pmcid),
        "url" => s(&r.url),
        "isbn" => s(&r.isbn),
        "publisher" => s(&r.publisher),
        "place" => s(&r.place),
        "edition" => s(&r.edition),
        "note" => s(&r.note),
        "type" => Value::Str(r.kind.csl().to_owned()),
        "status" => Value::Str(r.status.as_str().to_owned()),
        _ => return None,
    })
}

#[test]
fn entries_toml() {
    let text =
        std::fs::read_to_string("fixtures/entries.toml").expect("fixtures/entries.toml");
    let cases = read_cases(&text);
    assert!(cases.len() >= 20, "only {} cases read", cases.len());
    let mut failures = Vec::new();
    for (name, case) in &cases {
        let input = case
            .iter()
            .find(|(k, _)| k == "input")
            .and_then(|(_, v)| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("case {name} has no input"));
        let r = parse_reference(&input);
        assert_eq!(r.raw, input, "{name}: raw must be the input");
        for (k, want) in case {
            if k == "name" || k == "input" {
                continue;
            }
            let got = field(&r, k).unwrap_or_else(|| panic!("{name}: unknown key {k}"));
            if &got != want {
                failures
                    .push(format!("{name}: {k}: expected {want:?}, but found {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn reader_reads_the_subset() {
    let cases = read_cases(
        "# c\n[[case]]\nname = \"a\"\ninput = \"x\\\"y\\u00A0z\"\nlist = [\"p\", \"q\"]\nflag = true\n",
    );
    assert_eq!(cases.len(), 1);
    let (name, case) = &cases[0];
    assert_eq!(name, "a");
    assert_eq!(case[1].1, Value::Str("x\"y\u{a0}z".into()));
    assert_eq!(case[2].1, Value::List(vec!["p".into(), "q".into()]));
    assert_eq!(case[3].1, Value::Bool(true));
}
