#!/usr/bin/env python3
"""Field accuracy of `sitegen import` on a raw corpus of make_corpus.py.

Usage:
  python3 bench/import-accuracy/compare.py [--count 500] [--seed 7] [--work DIR] [--misses N]

Generates DIR/raw with `make_corpus.py raw` (unless it exists), runs
`sitegen import DIR/raw --dry-run --format json`, and compares title, agency,
year, region, published and the top-level headings with DIR/raw/expected.json.
Prints one line per field and the first N misses of each field.

With --body it also writes the reports (to DIR/out) and compares each body,
block by block, with the same report of `make_corpus.py markdown` (same seed
and count), ignoring punctuation width, spacing and the sign-off the raw file
adds. Raw breaks that fall exactly between two sentences cannot be told from
paragraph ends, so a few differences there are expected.
"""
import re
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))
CORPUS = os.path.normpath(os.path.join(REPO, '..', 'shared', 'corpus', 'make_corpus.py'))
FIELDS = [('title', 'title'), ('agency', 'agency'), ('year', 'year'), ('region', 'region'),
          ('published', 'published'), ('top_sections', 'top_headings')]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--count', type=int, default=500)
    ap.add_argument('--seed', default='7')
    ap.add_argument('--work', default='/tmp/raw')
    ap.add_argument('--corpus', default=CORPUS, help='path of make_corpus.py')
    ap.add_argument('--misses', type=int, default=5, help='misses to show per field')
    ap.add_argument('--body', action='store_true', help='also compare bodies with the Markdown corpus')
    args = ap.parse_args()

    raw = os.path.join(args.work, 'raw')
    if not os.path.exists(os.path.join(raw, 'expected.json')):
        subprocess.run([sys.executable, args.corpus, 'raw', '--count', str(args.count), '--seed', args.seed,
                        '--out', args.work], check=True)
    expected = json.load(open(os.path.join(raw, 'expected.json'), encoding='utf-8'))

    cmd = ['dotnet', 'run', '-c', 'Release', '--project', os.path.join(REPO, 'src', 'SiteGen.Cli'), '--',
           'import', raw, '--dry-run', '--format', 'json', '--out', os.path.join(args.work, 'dry-run')]
    run = subprocess.run(cmd, capture_output=True, text=True, encoding='utf-8')
    if not run.stdout.strip():
        sys.exit('sitegen import printed nothing:\n' + run.stderr)
    rows = {os.path.basename(r['input']): r for r in json.loads(run.stdout)}

    total = len(expected)
    failed = [e['file'] for e in expected if rows.get(e['file'], {}).get('status') not in ('converted', 'written')]
    print('files: %d, not converted: %d %s' % (total, len(failed), ' '.join(failed[:10])))
    all_ok = True
    for want_key, got_key in FIELDS:
        misses = []
        for e in expected:
            got = rows.get(e['file'], {}).get(got_key)
            if got != e[want_key]:
                misses.append((e['file'], e[want_key], got, e['noise']))
        ok = total - len(misses)
        all_ok &= not misses
        print('%-13s %4d/%d  %6.2f%%' % (want_key, ok, total, 100.0 * ok / total))
        for f, want, got, noise in misses[:args.misses]:
            print('    %s: expected %r, got %r  (noise: %s)' % (f, want, got, ','.join(noise)))
    if args.body:
        all_ok &= compare_bodies(args, expected, raw)
    return 0 if all_ok and not failed else 1


HALF = str.maketrans({',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？'})


def blocks(path):
    text = open(path, encoding='utf-8').read().split('\n---\n', 1)[1]
    out = []
    for block in text.split('\n\n'):
        block = re.sub(r'^#+ ', '', block.strip()).replace('\\', '')
        if block:
            out.append(re.sub(r'^(\d+)[.、．]', r'\1.', re.sub(r'\s+', '', block.translate(HALF))))
    return out


def compare_bodies(args, expected, raw):
    md_root = os.path.join(args.work, 'md')
    if not os.path.isdir(os.path.join(md_root, 'content')):
        subprocess.run([sys.executable, args.corpus, 'markdown', '--count', str(len(expected)), '--seed', args.seed,
                        '--out', md_root], check=True, capture_output=True)
    out = os.path.join(args.work, 'out')
    subprocess.run(['dotnet', 'run', '-c', 'Release', '--project', os.path.join(REPO, 'src', 'SiteGen.Cli'), '--',
                    'import', raw, '--format', 'json', '--force', '--out', out], capture_output=True, check=False)
    same = 0
    shown = 0
    for i, e in enumerate(expected):
        want = blocks(os.path.join(md_root, 'content', 'reports', str(e['year']), '%05d.md' % (i + 1)))
        got_path = None
        for name in os.listdir(os.path.join(out, str(e['year']))):
            path = os.path.join(out, str(e['year']), name)
            if '"%s"' % e['agency'] in open(path, encoding='utf-8').read(2000):
                got_path = path
        got = blocks(got_path) if got_path else []
        if 'signature' in e['noise']:
            got = got[:-2]
        if got == want:
            same += 1
        elif shown < args.misses:
            shown += 1
            k = next((k for k, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
            a, b = (want[k:k + 1] or [''])[0], (got[k:k + 1] or [''])[0]
            c = next((c for c, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            print('    %s block %d at %d: expected %r, got %r' % (e['file'], k, c, a[max(0, c - 20):c + 30],
                                                                b[max(0, c - 20):c + 30]))
    print('%-13s %4d/%d  %6.2f%%' % ('body', same, len(expected), 100.0 * same / len(expected)))
    return same == len(expected)


if __name__ == '__main__':
    sys.exit(main())
