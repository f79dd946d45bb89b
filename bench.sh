#!/usr/bin/env bash
# Runs the benchmark on SQLite and on a throwaway PostgreSQL (started here, stopped at the end), e.g.
#   ./bench.sh                      defaults: a few minutes on two cores
#   ./bench.sh --cases 1000000      the full-size statistics run
# Options are passed on to bench/Ondermijning.Benchmark (see its --help text in BenchOptions.cs).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pg_dir="/tmp/ondermijning-postgres-$(pwd | md5sum | cut -c1-8)/bench"
# A full-size run leaves gigabytes of SQLite files and PostgreSQL databases; neither is kept.
trap 'scripts/postgres.sh discard "$pg_dir" || true; rm -rf artifacts/bench' EXIT
export ONDERMIJNING_BENCH_POSTGRES="$(scripts/postgres.sh start "$pg_dir")"

# The service is measured as it is deployed: published, with its code compiled ahead of time (see README, Run it).
dotnet publish src/Ondermijning.Api -c Release -o artifacts/service >/dev/null
dotnet build bench/Ondermijning.Benchmark -c Release >/dev/null
rm -rf artifacts/bench
dotnet bench/Ondermijning.Benchmark/bin/Release/net10.0/Ondermijning.Benchmark.dll "$@"
