#!/usr/bin/env bash
# Benchmark: SiteGen against Hugo 0.111 on the same synthetic archive (1,000 and 10,000 reports; --scale adds 100,000).
# Installs Debian's hugo and GNU time when missing, publishes the Release CLI, then runs bench/bench.py with the given options
# (--runs N, --sizes N…, --scale, --tools sitegen|sitegen-pages|hugo, --no-first-page, --no-change). Results: bench/results/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The CLI as it is deployed: a Release publish, precompiled (ReadyToRun, see SiteGen.Cli.csproj), run as `dotnet SiteGen.Cli.dll`.
dotnet publish src/SiteGen.Cli -c Release -r linux-x64 --self-contained false -o bench/work/sitegen --nologo -v quiet >/dev/null
exec python3 bench/bench.py "$@"
