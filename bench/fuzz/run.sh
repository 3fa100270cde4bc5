#!/usr/bin/env bash
# Runs SiteGen's seeded fuzz tests (front matter parser, Markdown renderer, whole builds of random tiny sites, importer,
# search tokenizer, search index) for longer than the test suite does, and prints how many inputs each target tried.
#   bench/fuzz/run.sh [SECONDS] [SEED]     e.g. bench/fuzz/run.sh 600        (default 300 s, a random seed)
# A failure prints its seed and input number; rerun with that SEED to reproduce it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-300}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
export SITEGEN_FUZZ_SECONDS="$seconds" SITEGEN_FUZZ_REPORT="$report"
if [[ $# -ge 2 ]]; then export SITEGEN_FUZZ_SEED="$2"; fi
dotnet test tests/SiteGen.Tests -c Release --nologo --filter "FullyQualifiedName~SiteGen.Tests.Hardening.FuzzTests" \
  --logger "console;verbosity=minimal"
echo "fuzzed for about ${seconds} s:"
cat "$report"
awk '{ for (i = 1; i <= NF; i++) if ($i == "inputs") total += $(i - 1) } END { print "total inputs tried: " total }' "$report"
