#!/usr/bin/env python3
"""Time of `sitegen import` on saved pages whose tags are never closed, against flat pages of the same size.

Usage:
  python3 bench/import-accuracy/nesting.py [--sizes 20000,100000,200000] [--runs 3] [--work DIR]

For each size N it writes three pages holding the same short report followed by the same N paragraphs:
  nested  each paragraph in a <div> that is never closed (a CMS that never closes its blocks: N deep);
  font    each paragraph opening a differently coloured <font> that is never closed (the parser reopens
          every open formatting element in each new paragraph);
  flat    each paragraph a closed <p> (the same text, no nesting).
It imports each with the Release CLI (`dotnet build src/SiteGen.Cli -c Release` first) as
`sitegen import PAGE --dry-run`, the three kinds alternating within each run, and prints the median wall
time and peak memory per page and the nested/flat ratio. Import time is linear in the page's size when the
ratios stay flat as N grows. Each import runs with a 3 GiB GC heap limit and a 300 s timeout, so a
regression is reported as failed instead of exhausting the shared machine.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))
CLI = os.path.join(REPO, 'src', 'SiteGen.Cli', 'bin', 'Release', 'net10.0', 'SiteGen.Cli.dll')
REPORT = ('<p>旺苍县司法局2024年法治政府建设年度报告</p><p>2024年，我局扎实推进法治政府建设。</p>'
          '<p>一、主要举措和成效</p><p>全年开展检查120次。</p>')


def pages(n):
    return {
        'nested': '<html><body>' + REPORT + ''.join('<div>第%d项工作已完成。' % i for i in range(n)) + '</body></html>',
        'font': '<html><body>' + REPORT + ''.join('<p><font color="#%06x">第%d项工作已完成。' % (i, i) for i in range(n)) + '</body></html>',
        'flat': '<html><body>' + REPORT + ''.join('<p>第%d项工作已完成。</p>' % i for i in range(n)) + '</body></html>',
    }


def run(path, out):
    env = dict(os.environ, DOTNET_GCHeapHardLimit='0xC0000000')
    cmd = ['/usr/bin/time', '-f', '%e %M', 'dotnet', CLI, 'import', path, '--dry-run', '--out', out]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    except subprocess.TimeoutExpired:
        return None, None
    last = done.stderr.strip().splitlines()[-1].split()
    if done.returncode != 0 or 'converted' not in done.stdout:
        return None, int(last[1]) // 1024 if len(last) == 2 and last[1].isdigit() else None
    return float(last[0]), int(last[1]) // 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--sizes', default='20000,100000,200000')
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--work', default=tempfile.mkdtemp(prefix='sitegen-nesting-'))
    args = ap.parse_args()
    if not os.path.exists(CLI):
        sys.exit('build the CLI first: dotnet build src/SiteGen.Cli -c Release')
    print('%8s %-7s %9s %8s %10s' % ('size', 'page', 'median s', 'peak MB', 'vs flat'))
    for n in [int(s) for s in args.sizes.split(',')]:
        files = {}
        for kind, html in pages(n).items():
            files[kind] = os.path.join(args.work, '%s-%d.html' % (kind, n))
            with open(files[kind], 'w', encoding='utf-8') as f:
                f.write(html)
        times = {kind: [] for kind in files}
        memory = {kind: 0 for kind in files}
        for _ in range(args.runs):
            for kind, path in files.items():
                seconds, mb = run(path, os.path.join(args.work, 'out'))
                times[kind].append(float('inf') if seconds is None else seconds)
                memory[kind] = max(memory[kind], mb or 0)
        flat = statistics.median(times['flat'])
        for kind in files:
            median = statistics.median(times[kind])
            if median == float('inf'):
                print('%8d %-7s %9s %8d  (timed out or failed)' % (n, kind, '-', memory[kind]))
            else:
                print('%8d %-7s %9.2f %8d %9.2fx' % (n, kind, median, memory[kind], median / flat))


if __name__ == '__main__':
    main()
