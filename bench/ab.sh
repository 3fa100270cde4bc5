#!/bin/bash
# A/B of clean builds between two SiteGen builds on one site, alternating, with the per-stage timings kept:
#   bench/ab.sh OLD/SiteGen.Cli.dll NEW/SiteGen.Cli.dll SITE [RUNS] [build options…]
# Prints one line per run (wall, user+system CPU, peak RSS, load); the timings of run N of a variant are in bench/work/ab/<variant>-N.log.
set -euo pipefail
old=$1; new=$2; site=$3; runs=${4:-2}; shift $(( $# < 4 ? $# : 4 ))
work=$(cd "$(dirname "$0")" && pwd)/work/ab
mkdir -p "$work"
for i in $(seq 1 "$runs"); do
  for variant in old new; do
    dll=$old; [ "$variant" = new ] && dll=$new
    rm -rf "$work/out" "$work"/.out.* "$work"/.sitegen-cache/out.*
    sync
    SITEGEN_TIMINGS=1 /usr/bin/time -f "wall %e s cpu %U+%S s rss %M KB" dotnet "$dll" build --clean --site "$site" --output "$work/out" "$@" \
      > "$work/$variant-$i.log" 2>&1 || { echo "$variant $i: the build failed, see $work/$variant-$i.log" >&2; exit 1; }
    echo "$variant $i $(tail -1 "$work/$variant-$i.log") load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
