#!/usr/bin/env python3
"""SiteGen against Hugo on the same synthetic archive: clean builds, alternating tools, medians, ratio, peak memory; then
builds after a one-report change.

Called by bench/run.sh (which installs Hugo and GNU time and builds the Release CLI). Corpora are cached under
bench/work/ (git-ignored); results go to bench/results/ (git-ignored). Run from anywhere; paths are resolved from
this file's folder.
"""
import argparse
import datetime
import glob
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")
RESULTS = os.path.join(BENCH, "results")
MAKE_CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "make_corpus.py"))
SITEGEN_DLL = os.path.join(WORK, "sitegen", "SiteGen.Cli.dll")  # published by run.sh
HUGO_SITE = os.path.join(BENCH, "hugo-site")
SITE_YML = os.path.join(REPO, "content", "site.yml")


def load():
    return "%.2f %.2f %.2f" % os.getloadavg()


# make_corpus.py knows about 29,000 agency/year pairs and repeats them beyond that (and stops at 99,999 reports); a
# repeated pair is a duplicate report to SiteGen. A larger corpus is therefore made of batches of 25,000 reports: batch 1
# is generated (seed 1), batches 2… are copies of it filed under their own series (front matter `type`), so every report
# stays unique and the copies cost no generation time (about 4 ms per report). Both tools parse every copy in full.
BATCH = 25000
SERIES = "法治政府建设年度报告"


def corpus(count):
    """The site folder of an N-report corpus, generated once and reused (a marker says it is complete)."""
    site = os.path.join(WORK, "corpus-%d" % count)
    marker = os.path.join(site, ".complete")
    if not os.path.exists(marker):
        print("generating %d reports into %s …" % (count, os.path.relpath(site, REPO)), flush=True)
        if count <= BATCH:
            subprocess.run([sys.executable, MAKE_CORPUS, "markdown", "--count", str(count), "--seed", "1",
                            "--out", site, "--force"], check=True)
        else:
            if count % BATCH:
                raise SystemExit("corpora above %d reports come in multiples of %d" % (BATCH, BATCH))
            reports = os.path.join(site, "content", "reports")
            first = os.path.join(reports, "batch-1")
            if not os.path.isdir(first):
                tmp = os.path.join(WORK, "batch-tmp")
                subprocess.run([sys.executable, MAKE_CORPUS, "markdown", "--count", str(BATCH), "--seed", "1",
                                "--out", tmp, "--force"], check=True)
                os.makedirs(reports, exist_ok=True)
                shutil.move(os.path.join(tmp, "content", "reports"), first)
                shutil.rmtree(tmp)
            for k in range(2, count // BATCH + 1):
                target = os.path.join(reports, "batch-%d" % k)
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(first, target)
                retype(target, "%s（第%d辑）" % (SERIES, k))
        open(marker, "w").close()
    # The same site settings SiteGen's sample uses (page size 20); Hugo's config mirrors them.
    shutil.copyfile(SITE_YML, os.path.join(site, "content", "site.yml"))
    return site


def retype(folder, series):
    """Files every report below folder under another series (the front matter's `type`)."""
    old = ('\ntype: "%s"' % SERIES).encode()
    new = ('\ntype: "%s"' % series).encode()
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                data = f.read()
            head, sep, body = data.partition(b"\n---\n")
            with open(path, "wb") as f:
                f.write(head.replace(old, new, 1) + sep + body)


def commands(tool, site, out, clean_build=True):
    flag = ["--clean"] if clean_build else []
    if tool == "sitegen":
        return ["dotnet", SITEGEN_DLL, "build"] + flag + ["--site", site, "--output", out]
    if tool == "sitegen-pages":  # the same build without the search index, which the Hugo site does not have either
        return ["dotnet", SITEGEN_DLL, "build"] + flag + ["--no-search", "--site", site, "--output", out]
    return ["hugo", "--quiet", "--source", HUGO_SITE, "--contentDir", os.path.join(site, "content"),
            "--destination", out]


def clean(out):
    parent, name = os.path.split(out)
    # The output, SiteGen's staging tree and lock beside it, and its incremental-build cache: every build starts from nothing.
    for cache in glob.glob(os.path.join(parent, ".sitegen-cache", name + ".*")):
        os.remove(cache)
    for path in [out] + glob.glob(os.path.join(parent, ".%s.*" % name)):
        shutil.rmtree(path, ignore_errors=True)


def timed(tool, site, out, env=None, clean_build=True):
    """One build under /usr/bin/time -v (clean: from nothing; otherwise over the previous output): wall s, peak RSS MiB, CPU s."""
    if clean_build:
        clean(out)
    subprocess.run(["sync"], check=False)
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + commands(tool, site, out, clean_build), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit("%s failed on %s (exit %d)" % (tool, site, proc.returncode))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1)) / 1024
    cpu = sum(float(re.search(r"%s time \(seconds\): ([\d.]+)" % k, proc.stderr).group(1)) for k in ("User", "System"))
    return wall, rss, cpu


def one_change(tool, site, out, runs):
    """Builds once, then `runs` times: appends a sentence to one report and builds again over the previous output (SiteGen
    without --clean, so it reuses what did not change; Hugo has no build cache and simply builds again). The report is
    restored afterwards. Returns the samples (wall, rss, cpu)."""
    reports = sorted(glob.glob(os.path.join(site, "content", "reports", "**", "*.md"), recursive=True))
    report = reports[len(reports) // 2]
    with open(report, "rb") as f:
        original = f.read()
    samples = []
    try:
        timed(tool, site, out)
        for run in range(runs):
            with open(report, "ab") as f:
                f.write(("\n本年度还完成了第%d项整改。\n" % (run + 1)).encode())
            samples.append(timed(tool, site, out, clean_build=False))
    finally:
        with open(report, "wb") as f:
            f.write(original)
    return samples


def first_page(tool, site, out):
    """Seconds from process start until the first HTML page exists (in SiteGen's staging folder or Hugo's output)."""
    clean(out)
    parent, name = os.path.split(out)
    patterns = [os.path.join(out, "**", "*.html"), os.path.join(parent, ".%s.staging" % name, "**", "*.html")]
    start = time.perf_counter()
    proc = subprocess.Popen(commands(tool, site, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = None
    while seen is None:
        if any(glob.glob(p, recursive=True) for p in patterns):
            seen = time.perf_counter() - start
            break
        if proc.poll() is not None:
            break
        time.sleep(0.0005)
    proc.wait()
    total = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit("%s failed on %s (exit %d)" % (tool, site, proc.returncode))
    return seen if seen is not None else total, total


def fmt(x, unit=""):
    return "%.2f%s" % (x, unit)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="clean builds per tool and size (default 3)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000], help="corpus sizes (default 1000 10000)")
    parser.add_argument("--scale", action="store_true", help="add the 100,000-report corpus")
    parser.add_argument("--tools", nargs="*", default=["sitegen", "sitegen-pages", "hugo"], choices=["sitegen", "sitegen-pages", "hugo"])
    parser.add_argument("--no-first-page", action="store_true", help="skip the start-to-first-page measurement")
    parser.add_argument("--no-change", action="store_true", help="skip the one-report-change builds")
    args = parser.parse_args()
    sizes = list(args.sizes) + ([100000] if args.scale and 100000 not in args.sizes else [])

    os.makedirs(RESULTS, exist_ok=True)
    out = os.path.join(WORK, "out")
    lines = []

    def emit(line=""):
        print(line, flush=True)
        lines.append(line)

    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%MZ")
    hugo_version = subprocess.run(["hugo", "version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    emit("# SiteGen vs Hugo, %s" % stamp)
    emit("")
    emit("machine: %s, %d cores; %s; runs per cell: %d; load at start: %s" % (platform.machine(), os.cpu_count(), hugo_version, args.runs, load()))
    emit("")

    table = []
    changes = []
    for size in sizes:
        site = corpus(size)
        samples = {t: [] for t in args.tools}
        loads = []
        for run in range(args.runs):
            # Alternate which tool goes first, so a burst of load from elsewhere hits both alike.
            order = args.tools if run % 2 == 0 else list(reversed(args.tools))
            for tool in order:
                loads.append(os.getloadavg()[0])
                wall, rss, cpu = timed(tool, site, out)
                samples[tool].append((wall, rss, cpu))
                print("  %6d %-8s run %d: %6.2f s  cpu %6.2f s  %7.0f MiB  (load %s)" % (size, tool, run + 1, wall, cpu, rss, load()), flush=True)
        clean(out)
        medians = {t: (statistics.median(w for w, _, _ in s), max(r for _, r, _ in s), min(w for w, _, _ in s),
                       max(w for w, _, _ in s), statistics.median(c for _, _, c in s))
                   for t, s in samples.items()}
        table.append((size, medians, statistics.mean(loads)))
        if not args.no_change:
            for tool in args.tools:
                s = one_change(tool, site, out, args.runs)
                changes.append((size, tool, statistics.median(w for w, _, _ in s), statistics.median(c for _, _, c in s),
                                max(r for _, r, _ in s), medians[tool][0]))
                print("  %6d %-8s one change: %s" % (size, tool, ", ".join("%.2f s" % w for w, _, _ in s)), flush=True)
            clean(out)

    # Wall time is what users wait for; CPU time (user+sys) is steadier when other work shares the cores.
    emit("| reports | tool | median wall s | min–max wall s | median CPU s | peak RSS MiB | SiteGen/Hugo wall | SiteGen/Hugo CPU | load (1-min avg) |")
    emit("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for size, medians, mean_load in table:
        for tool, (median, rss, lo, hi, cpu) in medians.items():
            ratio = cpu_ratio = ""
            if tool.startswith("sitegen") and "hugo" in medians:
                ratio = "%.2f" % (median / medians["hugo"][0])
                cpu_ratio = "%.2f" % (cpu / medians["hugo"][4])
            emit("| %d | %s | %s | %s–%s | %s | %.0f | %s | %s | %.2f |" % (size, tool, fmt(median), fmt(lo), fmt(hi), fmt(cpu), rss,
                                                                       ratio, cpu_ratio, mean_load))

    if len(table) > 1 and "sitegen" in table[0][1]:
        base = table[0]
        emit("")
        for size, medians, _ in table[1:]:
            for tool in medians:
                emit("growth %s %d→%d (×%.0f reports): wall ×%.1f, CPU ×%.1f, peak memory ×%.1f" % (
                    tool, base[0], size, size / base[0], medians[tool][0] / base[1][tool][0],
                    medians[tool][4] / base[1][tool][4], medians[tool][1] / base[1][tool][1]))

    if changes:
        emit("")
        emit("| reports | tool | one report changed: median wall s | median CPU s | peak RSS MiB | share of its clean build |")
        emit("|---:|---|---:|---:|---:|---:|")
        for size, tool, wall, cpu, rss, clean_wall in changes:
            emit("| %d | %s | %s | %s | %.0f | %.0f %% |" % (size, tool, fmt(wall), fmt(cpu), rss, 100 * wall / clean_wall))

    if not args.no_first_page:
        site = REPO  # the sample archive in content/: five real reports
        emit("")
        emit("| 5-report sample (content/) | tool | start → first page s (median) | whole build s (median) |")
        emit("|---|---|---:|---:|")
        for tool in args.tools:
            runs = [first_page(tool, site, out) for _ in range(max(args.runs, 3))]
            emit("| 5 | %s | %.3f | %.3f |" % (tool, statistics.median(f for f, _ in runs), statistics.median(t for _, t in runs)))
        clean(out)

    emit("")
    emit("load at end: %s" % load())
    path = os.path.join(RESULTS, "bench-%s.md" % stamp)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    shutil.copyfile(path, os.path.join(RESULTS, "latest.md"))
    print("written to %s" % os.path.relpath(path, REPO))


if __name__ == "__main__":
    main()
