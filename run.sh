#!/usr/bin/env bash
# Runs the service on its embedded default: a SQLite file, no external server.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The data file lives in ./data unless Storage__SqlitePath says otherwise.
export Storage__SqlitePath="${Storage__SqlitePath:-$PWD/data/ondermijning.db}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/Ondermijning.Api --launch-profile Ondermijning.Api -- "$@"
