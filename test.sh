#!/usr/bin/env bash
# Runs every test. Installs what the tests need first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore >/dev/null
dotnet build Ondermijning.sln -c Release
dotnet test Ondermijning.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
