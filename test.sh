#!/usr/bin/env bash
# Runs every test. Installs what the tests need first, so it works on a fresh machine: the API integration
# suite runs twice, once on SQLite and once on a throwaway PostgreSQL server started here and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Browser tests drive Debian's Chromium; install it once (idempotent).
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# One fixed server folder per checkout, so a rerun replaces its own leftover server and never another checkout's.
pg_dir="/tmp/ondermijning-postgres-$(pwd | md5sum | cut -c1-8)/test"
trap 'scripts/postgres.sh discard "$pg_dir" || true' EXIT
postgres="$(scripts/postgres.sh start "$pg_dir")"
export ONDERMIJNING_TEST_POSTGRES="$postgres"
# The restart test stops and starts this server; it runs alone (see PostgresRestartTests).
export ONDERMIJNING_TEST_POSTGRES_CONTROL="$PWD/scripts/postgres.sh"
export ONDERMIJNING_TEST_POSTGRES_DIR="$pg_dir"

dotnet tool restore >/dev/null
dotnet build Ondermijning.sln -c Release
dotnet test tests/Ondermijning.Engine.Tests -c Release --no-build --logger "console;verbosity=normal" "$@"
ONDERMIJNING_TEST_PROVIDER=Sqlite dotnet test tests/Ondermijning.Api.Tests -c Release --no-build \
  --filter "Provider!=PostgreSql" --logger "console;verbosity=normal" "$@"
# The browser tests exercise the pages, not the storage, so they run in the SQLite pass only.
ONDERMIJNING_TEST_PROVIDER=PostgreSql dotnet test tests/Ondermijning.Api.Tests -c Release --no-build \
  --filter "Provider!=Sqlite&FullyQualifiedName!~Ondermijning.Api.Tests.Web." --logger "console;verbosity=normal" "$@"
