#!/usr/bin/env python3
"""Feed pubrefs' outputs to the real clients our users use, and report what each said.

usage: validate.py DIR [--require] [--schema CSL_SCHEMA.json]

DIR holds references.{bib,ris,csv,json,jsonl} written by one `pubrefs ... -o DIR` run.
The JSONL file is the canonical view: every other format must hold the same number of
records, and the fields that reference managers read must agree with it.

Clients: bibtex (plain.bst), biber --tool --validate-datamodel, bibtexparser 2 (no
failed blocks), pybtex (strict), rispy, pandoc -f ris, jsonschema (CSL 1.0.2),
pandoc -f csljson and --citeproc, Python's csv (strict) and pandas.

A client that is not installed is reported as SKIP, or as a failure with --require (CI).
Exit status 1 when any client rejected the output.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CSV_HEADER = ['source', 'ordinal', 'citing_pmid', 'citing_doi', 'key', 'status', 'type',
              'authors', 'et_al', 'title', 'journal', 'journal_abbrev', 'year', 'volume',
              'issue', 'pages', 'doi', 'pmid', 'pmcid', 'url', 'publisher', 'issn', 'raw']

failures = []
require = False


def report(client, ok, detail):
    status = 'OK' if ok else 'FAIL'
    print(f'{client}: {status}: {detail}')
    if not ok:
        failures.append(client)


def skip(client, why):
    if require:
        report(client, False, f'not installed ({why}); CI requires it')
    else:
        print(f'{client}: SKIP: {why}')


def pandoc_binary():
    """pandoc 3 from pypandoc-binary when present (it reads RIS), else the system one."""
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except Exception:
        return shutil.which('pandoc')


def check_bibtex(bib, n):
    if not shutil.which('bibtex') or not shutil.which('kpsewhich'):
        return skip('bibtex', 'bibtex not on PATH')
    version = subprocess.run(['bibtex', '--version'], capture_output=True, text=True).stdout.split('\n')[0]
    with tempfile.TemporaryDirectory() as d:
        shutil.copy(bib, os.path.join(d, 'refs.bib'))
        with open(os.path.join(d, 'refs.aux'), 'w') as f:
            f.write('\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n')
        subprocess.run(['bibtex', '-terse', 'refs'], cwd=d, capture_output=True, text=True)
        blg = open(os.path.join(d, 'refs.blg'), encoding='utf-8', errors='replace').read()
        bbl = open(os.path.join(d, 'refs.bbl'), encoding='utf-8', errors='replace').read() if os.path.exists(os.path.join(d, 'refs.bbl')) else ''
    errors = re.search(r'\(There w(?:as|ere) (\d+|one) error messages?\)', blg)
    items = bbl.count('\\bibitem')
    warnings = re.findall(r'^Warning--(.*)$', blg, re.M)
    kinds = {}
    for w in warnings:
        k = re.sub(r' in \S+$', '', w)
        kinds[k] = kinds.get(k, 0) + 1
    summary = ', '.join(f'{v}x "{k}"' for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])[:6])
    ok = errors is None and items == n
    detail = f'{version}; {items}/{n} entries typeset; errors: {errors.group(1) if errors else 0}; warnings: {len(warnings)}' + (f' ({summary})' if summary else '')
    if errors:
        detail += '\n' + '\n'.join(l for l in blg.splitlines() if 'error' in l.lower() or l.startswith('I ') or '---' in l)[:3000]
    report('bibtex plain.bst', ok, detail)


def check_biber(bib, n):
    if not shutil.which('biber'):
        return skip('biber', 'biber not on PATH')
    version = subprocess.run(['biber', '--version'], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as d:
        shutil.copy(bib, os.path.join(d, 'refs.bib'))
        p = subprocess.run(['biber', '--tool', '--validate-datamodel', '--quiet', 'refs.bib'],
                           cwd=d, capture_output=True, text=True)
        out = p.stdout + p.stderr
        log = os.path.join(d, 'refs_bibertool.blg')
        if os.path.exists(log):
            out += open(log, encoding='utf-8', errors='replace').read()
    errors = [l for l in out.splitlines() if ' ERROR - ' in l]
    warns = [l for l in out.splitlines() if ' WARN - ' in l]
    ok = p.returncode == 0 and not errors
    detail = f'{version}; exit {p.returncode}; errors: {len(errors)}; warnings: {len(warns)}'
    if errors or warns:
        detail += '\n  ' + '\n  '.join((errors + warns)[:10])
    report('biber --tool --validate-datamodel', ok, detail)


def check_bibtexparser(bib, n):
    try:
        import bibtexparser
    except ImportError:
        return skip('bibtexparser', 'python module bibtexparser missing')
    lib = bibtexparser.parse_file(bib)
    failed = lib.failed_blocks
    ok = not failed and len(lib.entries) == n
    detail = f'{bibtexparser.__version__}; {len(lib.entries)}/{n} entries; failed blocks: {len(failed)}'
    if failed:
        detail += '\n  ' + '\n  '.join(f'{type(b).__name__}: {getattr(b, "error", "")}'[:200] for b in failed[:5])
    report('bibtexparser', ok, detail)


def check_pybtex(bib, n):
    try:
        import pybtex
        import pybtex.errors
        from pybtex.database import parse_file
    except ImportError:
        return skip('pybtex', 'python module pybtex missing')
    pybtex.errors.set_strict_mode(True)
    try:
        data = parse_file(bib, 'bibtex')
        ok = len(data.entries) == n
        detail = f'{pybtex.__version__}; {len(data.entries)}/{n} entries (strict mode)'
    except Exception as e:  # strict mode raises on the first problem
        ok, detail = False, f'{pybtex.__version__}; strict mode: {type(e).__name__}: {e}'[:2000]
    report('pybtex strict', ok, detail)


def fold(v):
    return ' '.join(str(v).split()) if v is not None else None


def expected_pages(item):
    page = item.get('page') or ''
    parts = re.split(r'-', page, maxsplit=1)
    return (parts[0] or None, parts[1] if len(parts) > 1 else None) if page else (None, None)


def check_rispy(ris, items):
    try:
        import rispy
    except ImportError:
        return skip('rispy', 'python module rispy missing')
    with open(ris, encoding='utf-8') as f:
        records = rispy.load(f)
    problems = []
    if len(records) != len(items):
        problems.append(f'{len(records)} records for {len(items)} items')
    for rec, item in zip(records, items):
        want = {
            'title': item.get('title'),
            'doi': item.get('DOI'),
            'volume': item.get('volume'),
            'number': item.get('issue'),
        }
        got = {
            'title': rec.get('title') or rec.get('primary_title'),
            'doi': rec.get('doi'),
            'volume': rec.get('volume'),
            'number': rec.get('number'),
        }
        first, last = expected_pages(item)
        want['start_page'], want['end_page'] = first, last
        got['start_page'], got['end_page'] = rec.get('start_page'), rec.get('end_page')
        authors = [a for a in item.get('author', [])]
        if len(rec.get('authors', [])) != len(authors):
            problems.append(f'{item["id"]}: {len(rec.get("authors", []))} AU for {len(authors)} authors')
        for k, v in want.items():
            # RIS values are one line: the writer folds white space, so compare folded.
            if v is not None and fold(got.get(k)) != fold(v):
                problems.append(f'{item["id"]}: {k} {got.get(k)!r} != {v!r}')
    ok = not problems
    report('rispy', ok, f'{rispy.__version__ if hasattr(rispy, "__version__") else ""} {len(records)}/{len(items)} records; mismatches: {len(problems)}' + ('\n  ' + '\n  '.join(problems[:10]) if problems else ''))


def check_pandoc_ris(ris, n):
    pandoc = pandoc_binary()
    if not pandoc:
        return skip('pandoc -f ris', 'pandoc missing')
    version = subprocess.run([pandoc, '--version'], capture_output=True, text=True).stdout.split('\n')[0]
    if not re.match(r'pandoc(\.exe)? [3-9]', version):
        return skip('pandoc -f ris', f'{version} has no RIS reader (needs pandoc 3)')
    p = subprocess.run([pandoc, '-f', 'ris', '-t', 'csljson', ris], capture_output=True, text=True)
    got = len(json.loads(p.stdout)) if p.returncode == 0 and p.stdout.strip() else 0
    report('pandoc -f ris', p.returncode == 0 and got == n, f'{version}; {got}/{n} records; {p.stderr.strip()[:500]}')


def check_csl_schema(items, schema_path):
    try:
        import jsonschema
    except ImportError:
        return skip('jsonschema (CSL 1.0.2)', 'python module jsonschema missing')
    if not schema_path or not os.path.exists(schema_path):
        return skip('jsonschema (CSL 1.0.2)', 'schema file absent')
    schema = json.load(open(schema_path))
    validator = jsonschema.Draft7Validator(schema)
    errors = list(validator.iter_errors(items))
    detail = f'jsonschema {jsonschema.__version__ if hasattr(jsonschema, "__version__") else ""}; {len(items)} items; errors: {len(errors)}'
    if errors:
        detail += '\n  ' + '\n  '.join(f'{list(e.path)}: {e.message}'[:300] for e in errors[:10])
    report('jsonschema (CSL 1.0.2)', not errors, detail)


def check_pandoc_csljson(json_path, n):
    pandoc = pandoc_binary()
    if not pandoc:
        return skip('pandoc -f csljson', 'pandoc missing')
    version = subprocess.run([pandoc, '--version'], capture_output=True, text=True).stdout.split('\n')[0]
    p = subprocess.run([pandoc, '-f', 'csljson', '-t', 'csljson', json_path], capture_output=True, text=True)
    got = len(json.loads(p.stdout)) if p.returncode == 0 and p.stdout.strip() else 0
    report('pandoc -f csljson', p.returncode == 0 and got == n, f'{version}; {got}/{n} items read back; {p.stderr.strip()[:500]}')
    doc = '---\nnocite: "@*"\n---\n\n# References\n'
    p = subprocess.run([pandoc, '--citeproc', '--bibliography', json_path, '-f', 'markdown', '-t', 'plain'],
                       input=doc, capture_output=True, text=True)
    warnings = [l for l in p.stderr.splitlines() if l.strip()]
    rendered = len([b for b in p.stdout.split('\n\n') if b.strip()]) - 1
    ok = p.returncode == 0 and rendered >= n
    report('pandoc --citeproc (default CSL style)', ok,
           f'{version}; {rendered}/{n} entries rendered; messages: {len(warnings)}' + ('\n  ' + '\n  '.join(warnings[:5]) if warnings else ''))


def check_csv(path, n):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, strict=True))
    header, body = rows[0], rows[1:]
    bad = [i for i, r in enumerate(body) if len(r) != len(header)]
    ok = header[:len(CSV_HEADER)] == CSV_HEADER and not bad and len(body) == n
    report('python csv (strict)', ok, f'{len(body)}/{n} rows; header {"as documented" if header[:len(CSV_HEADER)] == CSV_HEADER else header}; ragged rows: {len(bad)}')
    try:
        import pandas
    except ImportError:
        return skip('pandas', 'python module pandas missing')
    df = pandas.read_csv(path, dtype=str, keep_default_na=False)
    report('pandas.read_csv', len(df) == n and list(df.columns[:len(CSV_HEADER)]) == CSV_HEADER,
           f'pandas {pandas.__version__}; {len(df)}/{n} rows')


def main():
    global require
    args = sys.argv[1:]
    require = '--require' in args
    schema = args[args.index('--schema') + 1] if '--schema' in args else None
    d = args[0]
    path = lambda ext: os.path.join(d, f'references.{ext}')
    with open(path('jsonl'), encoding='utf-8') as f:
        items = [json.loads(l) for l in f if l.strip()]
    n = len(items)
    print(f'{d}: {n} records')
    check_bibtex(path('bib'), n)
    check_biber(path('bib'), n)
    check_bibtexparser(path('bib'), n)
    check_pybtex(path('bib'), n)
    check_rispy(path('ris'), items)
    check_pandoc_ris(path('ris'), n)
    with open(path('json'), encoding='utf-8') as f:
        array = json.load(f)
    report('CSL-JSON array = JSONL', array == items, f'{len(array)} items')
    check_csl_schema(array, schema)
    check_pandoc_csljson(path('json'), n)
    check_csv(path('csv'), n)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
