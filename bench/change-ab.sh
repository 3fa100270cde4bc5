#!/bin/bash
# A/B of one-report-change rebuilds between two SiteGen builds on one site, alternating:
#   bench/change-ab.sh OLD/SiteGen.Cli.dll NEW/SiteGen.Cli.dll SITE [RUNS] [build options…, e.g. --no-search]
# Builds each variant clean once into its own output, then RUNS times per variant appends a sentence to the report in the middle
# of the archive and rebuilds over that output; prints wall, user and system seconds per run. The report is restored at the end.
set -euo pipefail
old=$1; new=$2; site=$3; runs=${4:-5}; shift $(( $# < 4 ? $# : 4 ))
work=$(cd "$(dirname "$0")" && pwd)/work/change-ab
mkdir -p "$work"
reports=$(find "$site/content/reports" -name '*.md' | sort)
report=$(echo "$reports" | sed -n "$(( ($(echo "$reports" | wc -l) + 1) / 2 ))p")
cp "$report" "$work/original.md"
trap 'cp "$work/original.md" "$report"' EXIT
for variant in old new; do
  dll=$old; [ "$variant" = new ] && dll=$new
  dotnet "$dll" build --clean --site "$site" --output "$work/out-$variant" "$@" > /dev/null
done
for i in $(seq 1 "$runs"); do
  for variant in old new; do
    dll=$old; [ "$variant" = new ] && dll=$new
    printf '\n本年度还完成了第%s项整改。\n' "$i$variant" >> "$report"
    /usr/bin/time -f "wall %e s user %U s system %S s" dotnet "$dll" build --site "$site" --output "$work/out-$variant" "$@" \
      > "$work/$variant-$i.log" 2> "$work/$variant-$i.time"
    echo "$variant $i $(tail -1 "$work/$variant-$i.time") $(grep -o 'built [0-9]* pages ([0-9]* rendered' "$work/$variant-$i.log")"
  done
done
