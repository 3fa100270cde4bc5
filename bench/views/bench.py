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


def page_parts(folder: Path):
    """Pages under folder, and their bytes outside <main>, in their <h1>, and in the rest of <main>."""
    count = chrome = title = content = 0
    for page in folder.rglob("*.html"):
        html = page.read_bytes()
        start, end = html.find(b"<main"), html.find(b"</main>")
        main = html[start:end + len(b"</main>")] if start >= 0 and end >= 0 else b""
        h1_start, h1_end = main.find(b"<h1"), main.find(b"</h1>")
        h1 = h1_end + len(b"</h1>") - h1_start if h1_start >= 0 and h1_end >= 0 else 0
        count += 1
        chrome += len(html) - len(main)
        title += h1
        content += len(main) - h1
    return count, chrome, title, content


def report_additions(with_views: Path, without_views: Path):
    """What the report pages gain with the views: the downloads' data block, and the rest (counts, links, script)."""
    downloads = rest = 0
    for page in with_views.rglob("index.html"):
        html = page.read_bytes()
        other = without_views / page.relative_to(with_views)
        gain = len(html) - (other.stat().st_size if other.exists() else 0)
        start = html.find(b'<p class="report-downloads"')
        block = html.find(b"</p>", start) + len(b"</p>") - start if start >= 0 else 0
        downloads += block
        rest += gain - block
    return downloads, rest


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
    # Where the views' bytes go, in the last outputs built with and without them: each kind of view page, split into what
    # every page of the theme carries (the head, header, breadcrumb and footer around <main>), its title and its content;
    # what the report pages gain; and the catalogue. The chrome, the titles and the report pages' additions are a floor: a
    # view page that showed nothing but its title would still cost them.
    with_out, without_out = work / "views-out-with", work / "views-out-without"
    rows, floor = [], 0
    for kind in ("changes", "compare", "status"):
        count, chrome, title, content = page_parts(with_out / kind)
        rows.append((f"{kind} pages: {count:,} pages", chrome + title + content,
                     f"chrome {chrome / 2**20:.1f}, titles {title / 2**20:.1f}, content {content / 2**20:.1f}"))
        floor += chrome + title
    downloads, report_rest = report_additions(with_out / "reports", without_out / "reports")
    rows.append(("report pages: downloads data", downloads, "the JSON block the browser makes the .txt and .md from"))
    rows.append(("report pages: change counts, view links, script", report_rest, ""))
    catalogue = sum((with_out / n).stat().st_size for n in ("catalogue.csv", "catalogue.json") if (with_out / n).exists())
    rows.append(("catalogue.csv/json", catalogue, ""))
    files = sum(f.stat().st_size for f in (with_out / "reports").rglob("*") if f.suffix in (".txt", ".md") and f.parent.name == f.stem)
    if files:
        rows.append(("downloads as files (.txt, .md)", files, "`downloads: files`"))
    floor += downloads + report_rest + catalogue + files
    rows.append(("everything else (other pages' links to the views, sitemap)", sw - so - sum(r[1] for r in rows), ""))
    lines += ["", "| what the views add (last run) | MiB | % of the output without views | made of (MiB) |", "|---|---:|---:|---|"]
    lines += [f"| {name} | {size / 2**20:.1f} | {size / so * 100:.1f} % | {note} |" for name, size, note in rows]
    lines += ["", f"Floor (chrome and titles of the view pages, the report pages' additions, the catalogue): "
                  f"{floor / 2**20:.1f} MiB, {floor / so * 100:.1f} % of the output without views."]
    print("\n".join(lines))
    results_dir = repo / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / f"views-{args.count}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
