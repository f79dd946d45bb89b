#!/usr/bin/env bash
# Runs every test. Installs what the tests need first, so it works on a fresh machine: the API integration
# suite runs twice, once on SQLite and once on a throwaway PostgreSQL server started here and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Browser tests drive Debian's Chromium as its headless shell (the engine without the browser around it: the browser
# tests took a third less time than with the full browser in its headless mode); the throwaway database server is Debian's
# PostgreSQL. On a fresh machine both install in one go while the solution builds, not before it (idempotent).
missing=()
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || missing+=(postgresql)
installing=""
if ((${#missing[@]})); then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null) &
  installing=$!
fi

dotnet tool restore >/dev/null
dotnet build Ondermijning.sln -c Release -v quiet -nologo
if [ -n "$installing" ]; then wait "$installing"; fi
set_up=$SECONDS

# One fixed server folder per checkout, so a rerun replaces its own leftover server and never another checkout's.
pg_dir="/tmp/ondermijning-postgres-$(pwd | md5sum | cut -c1-8)/test"
trap 'scripts/postgres.sh discard "$pg_dir" || true' EXIT
# The server and its data go away at the end and no test crashes the machine, so it need not wait for the disk: without
# fsync, creating a database per test takes seconds, not minutes.
postgres="$(POSTGRES_OPTIONS="-c fsync=off -c full_page_writes=off" scripts/postgres.sh start "$pg_dir")"
export ONDERMIJNING_TEST_POSTGRES="$postgres"

# One line per test project and the failures in full, not a line per test; the hosts' own warnings and errors go to
# artifacts/test-logs/. Each pass reports its wall time.
quiet=(--no-build --nologo --logger "console;verbosity=minimal")
declare -a times=("install and build: $set_up s")
pass() {
  local name="$1" start=$SECONDS; shift
  echo "== $name"
  "$@"
  times+=("$name: $((SECONDS - start)) s")
}
pass "engine tests" dotnet test tests/Ondermijning.Engine.Tests -c Release "${quiet[@]}" "$@"
pass "API tests on SQLite" env ONDERMIJNING_TEST_PROVIDER=Sqlite dotnet test tests/Ondermijning.Api.Tests -c Release "${quiet[@]}" \
  --filter "Provider!=PostgreSql&Browser!=Chromium" "$@"
# The classes that drive Chromium, on SQLite, two at a time and nothing else beside them (see BrowserTrait).
pass "browser tests on SQLite" env ONDERMIJNING_TEST_PROVIDER=Sqlite dotnet test tests/Ondermijning.Api.Tests -c Release "${quiet[@]}" \
  --filter "Browser=Chromium" "$@" -- xUnit.MaxParallelThreads=2
# Tests that prove nothing about storage (the browser tests among them) run on SQLite only.
pass "API tests on PostgreSQL" env ONDERMIJNING_TEST_PROVIDER=PostgreSql dotnet test tests/Ondermijning.Api.Tests -c Release "${quiet[@]}" \
  --filter "Provider!=Sqlite&Storage!=Independent" "$@"
printf '%s\n' "== wall time per pass" "${times[@]}"
