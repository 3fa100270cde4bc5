#!/usr/bin/env bash
# Runs every test of SiteGen: the .NET test suite (engine, CLI, whole-site tests).
set -euo pipefail
cd "$(dirname "$0")"
dotnet test SiteGen.sln -c Release --nologo
