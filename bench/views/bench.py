#!/usr/bin/env python3
"""What the views of issue 15 cost: clean builds of one synthetic archive with and without them, alternating.

The views are the status, compare and changes pages, each report's .txt and .md downloads, and catalogue.csv/json;
`sitegen build --no-views` leaves them all out. Each run is a clean build (`--clean`, into its own output folder) timed
wall-clock; the output size is the sum of the sizes of every file written. Runs alternate (with, without, with, …) so
a change in the machine's load falls on both; medians and their ratios are printed, and the table is kept in
bench/results/views-N.md.

    python3 bench/views/bench.py [--count 10000] [--runs 3] [--no-search] [--site DIR]

--site builds an existing site (read only: outputs and the build state go to bench/work/) instead of generating one.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

repo = Path(__file__).resolve().parents[2]
corpus_script = Path("/work/shared/corpus/make_corpus.py")
if not corpus_script.exists():
    corpus_script = repo.parent / "shared" / "corpus" / "make_corpus.py"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def size_of(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--no-search", action="store_true", help="build without the search index on both sides")
    ap.add_argument("--site", type=Path, help="an existing site to build (its content is only read) instead of a generated corpus")
    args = ap.parse_args()

    work = repo / "bench" / "work"
    site = args.site or work / f"views-{args.count}"
    if args.site and not (site / "content" / "reports").is_dir():
        sys.exit(f"{site} has no content/reports folder")
    if not (site / "content" / "reports").is_dir():
        run([sys.executable, str(corpus_script), "markdown", "--count", str(args.count), "--seed", args.seed, "--out", str(site)])
    run(["dotnet", "build", str(repo / "src" / "SiteGen.Cli"), "-c", "Release", "--nologo", "-v", "q", "-clp:ErrorsOnly"])
    cli = repo / "src" / "SiteGen.Cli" / "bin" / "Release"
    dll = next(cli.rglob("SiteGen.Cli.dll"))

    results = {"with": [], "without": []}
    for i in range(args.runs):
        for side in ("with", "without"):
            output = work / f"views-out-{side}"
            cmd = ["dotnet", str(dll), "build", "--site", str(site), "--output", str(output), "--clean"]
            if side == "without":
                cmd.append("--no-views")
            if args.no_search:
                cmd.append("--no-search")
            start, before = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
            run(cmd, stdout=subprocess.DEVNULL)
            seconds, after = time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
            # CPU time (user + system) as well as wall time: on a shared 2-core machine the wall time of one build varies by half
            # from run to run, its CPU time far less.
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            size = size_of(output)
            results[side].append((seconds, size, cpu))
            print(f"run {i + 1} {side:>7} views: {seconds:7.1f} s  cpu {cpu:7.1f} s  {size / 2**20:9.1f} MiB", flush=True)

    med = {side: (statistics.median(t for t, _, _ in r), statistics.median(s for _, s, _ in r), statistics.median(c for _, _, c in r))
           for side, r in results.items()}
    (tw, sw, cw), (to, so, co) = med["with"], med["without"]
    lines = [
        f"{args.count} reports, {args.runs} alternating clean builds each{' (no search index)' if args.no_search else ''}",
        "",
        "| | build s (median) | CPU s, user + system (median) | output MiB (median) |",
        "|---|---:|---:|---:|",
        f"| without views (`--no-views`) | {to:.1f} | {co:.1f} | {so / 2**20:.1f} |",
        f"| with views | {tw:.1f} | {cw:.1f} | {sw / 2**20:.1f} |",
        f"| ratio | {tw / to:.3f} ({(tw / to - 1) * 100:+.1f} %) | {cw / co:.3f} ({(cw / co - 1) * 100:+.1f} %) | {sw / so:.3f} ({(sw / so - 1) * 100:+.1f} %) |",
    ]
    # Where the views' bytes go, in the last output built with them: each kind of view page, the downloads, the catalogue.
    out = work / "views-out-with"
    parts = {
        "status pages": size_of(out / "status"),
        "compare pages": size_of(out / "compare"),
        "changes pages": size_of(out / "changes"),
        "downloads (.txt, .md)": sum(f.stat().st_size for f in (out / "reports").rglob("*") if f.suffix in (".txt", ".md") and f.parent.name == f.stem),
        "catalogue.csv/json": sum((out / n).stat().st_size for n in ("catalogue.csv", "catalogue.json")),
    }
    lines += ["", "| what the views add (last run) | MiB | % of the output without views |", "|---|---:|---:|"]
    lines += [f"| {name} | {size / 2**20:.1f} | {size / so * 100:.1f} % |" for name, size in parts.items()]
    print("\n".join(lines))
    results_dir = repo / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / f"views-{args.count}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
