#!/usr/bin/env python3
"""Field accuracy of `sitegen import` on a raw corpus of make_corpus.py.

Usage:
  python3 bench/import-accuracy/compare.py [--count 500] [--seed 7] [--work DIR] [--misses N]

Generates DIR/raw with `make_corpus.py raw` (unless it exists), runs
`sitegen import DIR/raw --dry-run --format json`, and compares title, agency,
year, region, published and the top-level headings with DIR/raw/expected.json.
Prints one line per field and the first N misses of each field.
"""
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
    args = ap.parse_args()

    raw = os.path.join(args.work, 'raw')
    if not os.path.exists(os.path.join(raw, 'expected.json')):
        subprocess.run([sys.executable, args.corpus, 'raw', '--count', str(args.count), '--seed', args.seed,
                        '--out', args.work], check=True)
    expected = json.load(open(os.path.join(raw, 'expected.json'), encoding='utf-8'))

    cmd = ['dotnet', 'run', '-c', 'Release', '--project', os.path.join(REPO, 'src', 'SiteGen.Cli'), '--',
           'import', raw, '--dry-run', '--format', 'json', '--out', os.path.join(args.work, 'out')]
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
    return 0 if all_ok and not failed else 1


if __name__ == '__main__':
    sys.exit(main())
