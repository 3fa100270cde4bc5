#!/usr/bin/env bash
# Runs every test of SiteGen on a fresh machine: installs what the tests need (Debian's chromium, CJK font, qpdf and nginx-light, the npm
# packages of tests/js), then runs the .NET suite and the JavaScript/browser suite, and ends with one line
# counting both.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests need: chromium (browser tests, and printing the test PDFs), a CJK font for the PDFs' Chinese text,
# qpdf to encrypt one, and nginx (a real static host, run by the tests with configs of their own) for `sitegen verify`.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian's ${missing[*]} for the tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0
dotnet test SiteGen.sln -c Release --nologo 2>&1 | tee "$logs/dotnet.log" || status=1
(cd tests/js && node --test --test-reporter=spec) 2>&1 | tee "$logs/js.log" || status=1

# Sum both runners' counts into one closing line.
count() { grep -oE "$1" "$2" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(( $(count 'Passed: +[0-9]+' "$logs/dotnet.log") + $(count 'ℹ pass [0-9]+' "$logs/js.log") ))
failed=$(( $(count 'Failed: +[0-9]+' "$logs/dotnet.log") + $(count 'ℹ fail [0-9]+' "$logs/js.log") ))
[ "$failed" -eq 0 ] || status=1
echo "tests: $passed passed, $failed failed"
exit "$status"
