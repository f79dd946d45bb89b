#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on loopback for tests and benchmarks, from Debian's `postgresql` package.
# DIR must be reachable by the `postgres` user (the callers use a folder under /tmp).
#   scripts/postgres.sh start DIR   installs the package if needed, (re)creates DIR, starts a server on a free port,
#                                   and prints its Npgsql connection string (user postgres, trust auth, loopback only);
#                                   POSTGRES_OPTIONS (e.g. "-c fsync=off") adds server options, kept for restart-start
#   scripts/postgres.sh stop DIR    stops it (fast shutdown), if it runs
#   scripts/postgres.sh discard DIR stops it and deletes DIR (every test database is in there)
#   scripts/postgres.sh restart-stop DIR / restart-start DIR   stop or start the same server again, keeping its data
# Runs as root (as CI and the developer machines do); the server itself runs as the `postgres` user.
set -euo pipefail
command="$1"
dir="$(realpath -m "$2")"
bin=/usr/lib/postgresql/15/bin

as_postgres() { su postgres -s /bin/sh -c "$*"; }

case "$command" in
  start)
    if [ ! -x "$bin/pg_ctl" ]; then
      (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql) >&2
    fi
    # A leftover server from an interrupted run would hold the port and the folder.
    if [ -f "$dir/data/postmaster.pid" ]; then as_postgres "$bin/pg_ctl -D '$dir/data' -m immediate stop" >&2 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir/data"
    chown -R postgres:postgres "$dir"
    chmod 700 "$dir/data"
    as_postgres "$bin/initdb -D '$dir/data' -U postgres -A trust -E UTF8 --no-locale" >/dev/null
    # A port nobody answers on (bash's /dev/tcp connects, or fails when the port is free).
    port=$((20000 + RANDOM % 40000))
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((20000 + RANDOM % 40000)); done
    # Many test databases, each with its own connection pool, so more connections than the default 100.
    echo "-p $port -c listen_addresses=127.0.0.1 -k '$dir' -c max_connections=500 ${POSTGRES_OPTIONS:-}" > "$dir/options"
    chown postgres:postgres "$dir/options"
    as_postgres "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"$(cat "$dir/options")\" start" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop|restart-stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_postgres "$bin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null; fi
    ;;
  discard)
    if [ -f "$dir/data/postmaster.pid" ]; then as_postgres "$bin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null; fi
    rm -rf "$dir"
    rmdir --ignore-fail-on-non-empty "$(dirname "$dir")"
    ;;
  restart-start)
    as_postgres "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"$(cat "$dir/options")\" start" >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|discard|restart-stop|restart-start DIR" >&2
    exit 2
    ;;
esac
