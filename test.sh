#!/usr/bin/env bash
# Runs every test of SiteGen on a fresh machine: installs what the tests need (Debian's chromium, the npm
# packages of tests/js), then runs the .NET suite and the JavaScript/browser suite.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

dotnet test SiteGen.sln -c Release --nologo
(cd tests/js && node --test --test-reporter=spec)
